import Foundation

/// Folds Vietnamese text for search: lower case, tone marks and other diacritics removed,
/// `đ`/`Đ` read as `d` (Unicode does not decompose `đ`, so a plain diacritic strip misses it),
/// and runs of white space collapsed. `"  Đặng Thị   ÁNH"` folds to `"dang thi anh"`.
public enum VietnameseFolding {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        let replaced = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
        let stripped = replaced.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return stripped.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A full-text query for the name indexes (`childSearch`, `guardianSearch`) where every folded
    /// word must begin a word of the name: `"dang"* "thi"*`; nil when nothing searchable was typed.
    public static func fullTextQuery(_ text: String) -> String? {
        let words = searchWords(text).prefix(8)
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// The folded words of `text` that contain letters or digits only, for a full-text query.
    public static func searchWords(_ text: String) -> [String] {
        fold(text)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }
}
