import Foundation
import KioskCore
import MultipartKit
import NIOCore

/// A `multipart/form-data` body (an admin form with a file) read into its text fields and its
/// files, with MultipartKit's parser. Text must be valid UTF-8; at most 100 parts.
enum MultipartForm {
    static let maxParts = 100

    /// The boundary named in a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.lowercased().hasPrefix("boundary=") }
            .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            .flatMap { $0.isEmpty || $0.count > 70 ? nil : $0 }
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> (SubmittedForm, [String: UploadedFile]) {
        var parts: [(headers: [(String, String)], body: [UInt8])] = []
        var headers: [(String, String)] = []
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { headers.append(($0, $1)) }
        parser.onBody = { bytes += $0.readBytes(length: $0.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = []
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
            throw KioskError(.invalidInput, "error.request")
        }
        guard parts.count <= maxParts else { throw KioskError(.invalidInput, "error.body.tooLarge") }
        var values: [String: [String]] = [:]
        var files: [String: UploadedFile] = [:]
        for part in parts {
            let disposition = part.headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            guard let name = parameter("name", of: disposition) else { continue }
            if let filename = parameter("filename", of: disposition) {
                if !part.body.isEmpty { files[name] = UploadedFile(filename: filename, bytes: part.body) }
            } else {
                guard let text = String(validating: part.body, as: UTF8.self) else { throw KioskError(.invalidInput, "error.body.encoding") }
                values[name, default: []].append(text)
            }
        }
        return (SubmittedForm(values), files)
    }

    /// A parameter of a `Content-Disposition` header (`name="photo"`).
    static func parameter(_ key: String, of header: String) -> String? {
        for piece in header.split(separator: ";") {
            let piece = piece.trimmingCharacters(in: .whitespaces)
            guard piece.lowercased().hasPrefix(key + "=") else { continue }
            return String(piece.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
