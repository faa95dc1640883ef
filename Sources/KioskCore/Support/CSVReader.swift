/// Reads a CSV file an office made in Excel: UTF-8 with or without a byte-order mark, `;` or `,`
/// between fields (the one the header line uses more), fields quoted with `"` (a `""` inside is a
/// quote, a line break inside stays in the field), CRLF or LF line ends. Each record knows the line
/// it starts on, for an error a person can find in the file. Bytes that are not UTF-8, a quote
/// never closed, or more than `maxRecords` records are refused with a localized error.
///
/// It is the counterpart of `CSVWriter`, written by hand for those line numbers; it works on the
/// bytes, so a malformed file costs no more than its length.
public enum CSVReader {
    /// A record of the file: its fields, and the line (from 1) it starts on.
    public struct Record: Sendable, Hashable {
        public let line: Int
        public let fields: [String]
    }

    /// The most records a file may hold, its header included.
    public static let maxRecords = 20_000

    public static func parse(_ bytes: [UInt8]) throws -> [Record] {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw KioskError(.invalidInput, "error.csv.encoding") }
        let separator = Self.separator(bytes)
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var quoted = false, index = bytes.startIndex
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() throws {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            guard records.count <= maxRecords else { throw KioskError(.invalidInput, "error.csv.tooLong", String(maxRecords)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.endIndex, bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
            } else if byte == quote, field.isEmpty {
                quoted = true
            } else if byte == separator {
                endField()
            } else if byte == cr || byte == lf {
                if byte == cr, index < bytes.endIndex, bytes[index] == lf { index += 1 }
                try endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(byte)
            }
        }
        guard !quoted else { throw KioskError(.invalidInput, "error.csv.quote", String(recordLine)) }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
        return records
    }

    /// `;` when the first line has more of them than commas (Excel in Vietnamese settings), else `,`.
    static func separator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        let first = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        return first.filter { $0 == UInt8(ascii: ";") }.count > first.filter { $0 == UInt8(ascii: ",") }.count
            ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
