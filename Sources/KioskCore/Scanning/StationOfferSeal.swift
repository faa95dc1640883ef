import Crypto
import Foundation

/// Seals the actions the core hands to a station (a verdict's offer, a search result's button), so
/// that a station can send back only an action it was offered: at the same site, for the same
/// activity, within ten minutes. The ids inside an action (`walkin:34`, `pickup:12`) are then ids the
/// module itself chose to offer there, and a module never sees an action it did not offer, so none
/// can forget to check them.
struct StationOfferSeal: Sendable {
    let signer: TicketSigner
    /// How long an offer may be taken up.
    static let lifetime: TimeInterval = 600

    /// `key` sealed for a station of `site` set to `activityID`: `<expiry>~<mac>~<key>`.
    func seal(_ key: String, site: Site, activityID: String, at now: Date) throws -> String {
        let expiry = Int((now.timeIntervalSince1970 + Self.lifetime).rounded(.up))
        return "\(expiry)~\(try mac(key, site: site, activityID: activityID, expiry: expiry))~\(key)"
    }

    /// The module's key inside `sealed`, when it was sealed for this site and activity and has not expired.
    func open(_ sealed: String, site: Site, activityID: String, at now: Date) throws -> String? {
        let parts = sealed.split(separator: "~", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let expiry = Int(parts[0]), Double(expiry) >= now.timeIntervalSince1970 else { return nil }
        let key = String(parts[2])
        let expected = try mac(key, site: site, activityID: activityID, expiry: expiry)
        return ConstantTime.equal(expected, String(parts[1])) ? key : nil
    }

    private func mac(_ key: String, site: Site, activityID: String, expiry: Int) throws -> String {
        let bytes = try signer.authenticate("offer|\(site.code)|\(activityID)|\(expiry)|\(key)", siteCode: site.code)
        return Base32.encode(Array(bytes.prefix(16)))
    }
}
