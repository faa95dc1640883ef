import Crypto
import Foundation
import Synchronization

/// The sites' secret ticket keys, one file per site in a directory: `<SITE>.key`, 32 random bytes,
/// created on first use with mode 0600 (readable by the service's user only).
public final class SiteKeyring: Sendable {
    private let directory: URL
    private let cache = Mutex<[String: HMAC<SHA256>]>([:])

    /// A keyring in `directory` (created with mode 0700 if missing).
    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// The key file of a site.
    public func keyFile(for siteCode: String) -> URL {
        directory.appendingPathComponent("\(siteCode).key")
    }

    /// An HMAC-SHA256 keyed with the site's key (created if this is the site's first ticket), to copy
    /// for each message: keying it costs as much as signing a token, and the gate verifies one per scan.
    public func authenticator(for siteCode: String) throws -> HMAC<SHA256> {
        if let keyed = cache.withLock({ $0[siteCode] }) { return keyed }
        guard Site.isValidCode(siteCode) else { throw KioskError(.invalidInput, "error.site.code") }
        let keyed = HMAC<SHA256>(key: try loadOrCreate(keyFile(for: siteCode)))
        cache.withLock { $0[siteCode] = keyed }
        return keyed
    }

    private func loadOrCreate(_ file: URL) throws -> SymmetricKey {
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            let key = SymmetricKey(size: .bits256)
            let bytes = key.withUnsafeBytes { Array($0) }
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            let synced = fsync(fd)
            close(fd)
            guard written == bytes.count, synced == 0 else {
                try? FileManager.default.removeItem(at: file)
                throw KioskError(.unavailable, "error.key.write")
            }
            return key
        }
        let data = try Data(contentsOf: file)
        guard data.count == 32 else { throw KioskError(.unavailable, "error.key.corrupt") }
        return SymmetricKey(data: data)
    }
}
