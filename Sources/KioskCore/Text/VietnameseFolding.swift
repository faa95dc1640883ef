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

    /// The folded words of `text` that contain letters or digits only: the words a name is found by.
    public static func searchWords(_ text: String) -> [String] {
        fold(text)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }
}

extension VietnameseFolding {
    /// `items` in the order of their folded names (`Đặng` beside `Dang`), then of the names as written.
    public static func sortedByName<Item>(_ items: [Item], _ name: (Item) -> String) -> [Item] {
        items.map { (fold(name($0)), name($0), $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
