import Foundation
import KioskCore

extension FuzzHarness {
    /// What a scanner types, cleaned and parsed as a ticket.
    static let ticket = FuzzHarness(name: "ticket") { bytes in
        let cleaned = ScannerInput.clean(String(decoding: bytes, as: UTF8.self))
        guard let token = try? TicketToken.parse(cleaned) else { return }
        check((try? TicketToken.parse(token.description)) == token, "a parsed token does not print back to itself: \(token)")
        check(token.description.utf8.allSatisfy { $0 < 0x80 }, "a token with non-ASCII bytes: \(token)")
    }

    /// A URL-encoded form body.
    static let form = FuzzHarness(name: "form") { bytes in
        let fields: SubmittedForm
        do {
            fields = try URLEncodedForm.parse(bytes)
        } catch {
            check(error is KioskError, "a form refused with \(type(of: error)), not a localized error")
            return
        }
        let count = fields.values.values.map(\.count).reduce(0, +)
        check(count <= URLEncodedForm.maxFields, "more fields than allowed: \(count)")
        let encoded = fields.values.flatMap { name, values in values.map { percentEncoded(name) + "=" + percentEncoded($0) } }
            .joined(separator: "&")
        check((try? URLEncodedForm.parse(Array(encoded.utf8))) == fields, "a form does not survive encoding again")
    }

    /// The JSON a station posts for a scan or an action.
    static let stationRequest = FuzzHarness(name: "station-request") { bytes in
        let decoder = JSONDecoder()
        if let scan = try? decoder.decode(StationScanRequest.self, from: Data(bytes)) {
            _ = try? TicketToken.parse(ScannerInput.clean(scan.code))
        }
        _ = try? decoder.decode(StationActionRequest.self, from: Data(bytes))
    }

    /// A family's fields as the kiosk receives them (NUL-separated here): checked, or refused with a
    /// localized error; what passes is composed (NFC), bounded and free of hidden characters.
    static let familyFields = FuzzHarness(name: "family-fields") { bytes in
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let names = ["guardianName", "phone", "relationship", "childName", "birthDate", "school", "grade"]
        let birthDate = FormField("birthDate", .key("field.birthDate"), .date(years: 2008...2023))
        let fields = FormValues(sent: Dictionary(uniqueKeysWithValues: zip(names, parts.map { [$0] })),
                                form: FormSpec(fields: [birthDate], submit: ScreenAction(.key("action.next"), .submit(name: "child", value: ""))))
        do {
            let guardian = try GuardianInput(fields: fields)
            check(isCleanName(guardian.fullName, maxLength: 80), "a guardian's name passed unclean: \(guardian.fullName.unicodeScalars.map(\.value))")
            check(guardian.phone.digits.count == 10 && guardian.phone.digits.allSatisfy(\.isASCII), "a phone passed: \(guardian.phone.digits)")
        } catch {
            check(error is KioskError, "guardian fields refused with \(type(of: error)), not a localized error")
        }
        do {
            let child = try ChildInput(fields: fields, today: LocalDate(iso: "2026-12-01")!)
            check(isCleanName(child.fullName, maxLength: 80), "a child's name passed unclean: \(child.fullName.unicodeScalars.map(\.value))")
            check(isCleanName(child.school, maxLength: 120), "a school passed unclean")
        } catch {
            check(error is KioskError, "child fields refused with \(type(of: error)), not a localized error")
        }
    }
}

extension FuzzHarness {
    /// A CSV file as an office sends it: read into records or refused with a localized error; each
    /// record starts on a line of the file, after the one before; what `CSVWriter` writes of them
    /// (cells that look like no formula) reads back the same.
    static let csv = FuzzHarness(name: "csv") { bytes in
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(bytes)
        } catch {
            check(error is KioskError, "a CSV refused with \(type(of: error)), not a localized error")
            return
        }
        check(records.count <= CSVReader.maxRecords, "more records than allowed")
        check(zip(records, records.dropFirst()).allSatisfy { $0.line < $1.line }, "records out of line order")
        // CSVWriter marks a cell that looks like a formula, and writes commas: a `;` in a header
        // line could then be read as the separator. Those cells are left out of the round trip.
        let plain = records.map { $0.fields.filter { field in
            !field.unicodeScalars.contains(";") && !"=+-@\t\r".unicodeScalars.contains { field.unicodeScalars.first == $0 }
        } }.filter { !$0.isEmpty && $0 != [""] }
        var writer = CSVWriter(header: plain.first ?? ["x"])
        for row in plain.dropFirst() { writer.append(row) }
        guard let again = try? CSVReader.parse(writer.bytes) else { return check(false, "what CSVWriter wrote does not read back") }
        check(again.map(\.fields) == (plain.isEmpty ? [["x"]] : plain), "a CSV does not read back as written: \(plain)")
    }
}

private func percentEncoded(_ text: String) -> String {
    text.utf8.map { String(format: "%%%02X", $0) }.joined()
}

private func isCleanName(_ text: String, maxLength: Int) -> Bool {
    text == text.precomposedStringWithCanonicalMapping && text.count <= maxLength && !text.isEmpty
        && !text.unicodeScalars.contains { [.control, .format, .privateUse, .unassigned, .surrogate].contains($0.properties.generalCategory) }
}
