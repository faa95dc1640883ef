import Foundation
import KioskCore
import KioskTesting
import Testing

@Suite struct TicketTokenTests {
    private func keyring() throws -> (SiteKeyring, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        return (try SiteKeyring(directory: directory), directory)
    }

    @Test func aMintedTokenVerifiesAndCarriesNoPersonalData() throws {
        // Given
        let (keys, directory) = try keyring()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signer = TicketSigner(keyring: keys)
        // When
        let token = try signer.token(siteCode: "Q1", kind: "MC", id: TicketSigner.newTicketID())
        // Then
        let text = token.description
        #expect(text.hasPrefix("NTN1.Q1.MC."))
        #expect(text == text.uppercased())
        #expect(text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == ".") })
        #expect(try signer.verify(TicketToken.parse(text)))
    }

    @Test func theMACIsTheStartOfHMACSHA256OfTheTokenUnderTheSiteKey() throws {
        let (keys, directory) = try keyring()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signer = TicketSigner(keyring: keys)
        let token = try signer.token(siteCode: "Q1", kind: "MC", id: TicketSigner.newTicketID())
        // Computed again by Python's hmac and base64 modules from the key file.
        let python = try ToolRun("/usr/bin/python3", ["-c", """
            import base64, hashlib, hmac, sys
            key = open(sys.argv[1], 'rb').read()
            print(base64.b32encode(hmac.new(key, sys.argv[2].encode(), hashlib.sha256).digest()[:10]).decode())
            """, keys.keyFile(for: "Q1").path, "NTN1.Q1.MC.\(token.id)"])
        #expect(python.status == 0)
        #expect(token.mac == python.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try signer.verify(token))
    }

    @Test func randomIDsDoNotRepeat() {
        let ids = Set((0..<2000).map { _ in TicketSigner.newTicketID() })
        #expect(ids.count == 2000)
    }

    @Test func tamperedTokensAreRefused() throws {
        let (keys, directory) = try keyring()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signer = TicketSigner(keyring: keys)
        let token = try signer.token(siteCode: "Q1", kind: "MC", id: TicketSigner.newTicketID()).description
        var characters = Array(token)
        for index in [characters.count - 1, 12, 20] {
            var altered = characters
            altered[index] = altered[index] == "A" ? "B" : "A"
            #expect(try signer.verify(TicketToken.parse(String(altered))) == false, "changed at \(index)")
        }
        characters = Array(token.replacingOccurrences(of: ".MC.", with: ".EV."))
        #expect(try signer.verify(TicketToken.parse(String(characters))) == false)
    }

    @Test func aTokenOfAnotherSiteDoesNotVerifyWithThisSitesKey() throws {
        let (keys, directory) = try keyring()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signer = TicketSigner(keyring: keys)
        let q1 = try signer.token(siteCode: "Q1", kind: "MC", id: TicketSigner.newTicketID())
        let moved = try TicketToken.parse(q1.description.replacingOccurrences(of: "NTN1.Q1.", with: "NTN1.Q3."))
        #expect(try signer.verify(moved) == false)
    }

    @Test func truncatedAndUnknownVersionsAreToldApart() throws {
        #expect(throws: TicketToken.ParseFailure.malformed) { try TicketToken.parse("NTN1.Q1.MC.ABCDEF") }
        #expect(throws: TicketToken.ParseFailure.malformed) { try TicketToken.parse("hello") }
        #expect(throws: TicketToken.ParseFailure.unknownVersion) {
            try TicketToken.parse("NTN9.Q1.MC.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAA")
        }
    }

    @Test(arguments: [
        "NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB.CC",  // a part too many
        "NTN1.QĐ.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB",      // not ASCII
        "NTN1.Q1.mc.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB",      // lower case
        "NTN1.Q1.MC.AAAAAAAAAAAAAAA1.BBBBBBBBBBBBBBBB",      // 1 is not base32
        "NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBB",       // MAC one short
        "NTN1..MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB",        // no site
        "NTN1.Q1.MC.AAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBB",       // dot moved
    ])
    func misshapenTokensAreMalformed(text: String) {
        #expect(throws: TicketToken.ParseFailure.malformed) { try TicketToken.parse(text) }
    }

    @Test func theSiteKeyIsCreatedOnceWithModeSixHundred() throws {
        let (keys, directory) = try keyring()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signer = TicketSigner(keyring: keys)
        let first = try signer.token(siteCode: "Q1", kind: "MC", id: "AAAAAAAAAAAAAAAA")
        let attributes = try FileManager.default.attributesOfItem(atPath: keys.keyFile(for: "Q1").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((attributes[.size] as? NSNumber)?.intValue == 32)
        // A new keyring on the same directory reads the same key back.
        let again = try TicketSigner(keyring: SiteKeyring(directory: directory)).token(siteCode: "Q1", kind: "MC", id: "AAAAAAAAAAAAAAAA")
        #expect(first == again)
    }

    @Test(arguments: [
        "NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB\r\n",
        "  ntn1.q1.mc.aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbb\t",
        "]Q1NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB",
        "\u{02}NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB\u{03}",
        "https://kiosk.local/t/NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB",
    ])
    func scannerPrefixesAndSuffixesAreRemoved(raw: String) {
        #expect(ScannerInput.clean(raw) == "NTN1.Q1.MC.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBB")
    }
}
