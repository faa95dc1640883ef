import Foundation
import KioskCore

/// The demo site's small library: a few Vietnamese children's books, labelled `LIB-0001` …, and
/// Mondays closed.
enum LibraryDemo {
    static func seed(_ site: Site, _ context: DemoContext, _ db: Database) throws {
        let books: [(String, String, String, ClosedRange<Int>, Int)] = [
            ("Dế Mèn phiêu lưu ký", "Tô Hoài", "literature", 8...15, 2),
            ("Thần đồng đất Việt", "Lê Linh", "comics", 7...15, 2),
            ("Mười vạn câu hỏi vì sao", "Nhiều tác giả", "science", 9...15, 1),
            ("Con cáo và tổ ong", "Nguyễn Nhật Ánh", "picture", 4...8, 1),
        ]
        var label = 0
        for (name, author, category, ages, copies) in books {
            var title = BookTitle(siteId: site.id!, title: name, author: author, publisher: "NXB Kim Đồng", year: nil, isbn: "",
                                  category: category, minAge: ages.lowerBound, maxAge: ages.upperBound, shelfMark: category.prefix(3).uppercased())
            try title.insert(db)
            for _ in 0..<copies {
                label += 1
                var copy = BookCopy(titleId: title.id!, siteId: site.id!, barcode: "LIB-\(label.zeroPadded(4))", shelf: "Kệ \(category.prefix(1).uppercased())",
                                    status: .shelf)
                try copy.insert(db)
            }
        }
        try LibrarySettings(siteId: site.id!, closedWeekdays: "2", holidays: "", blockFromOverdue: 1, graceDays: 0, historyDays: 30).save(db)
    }
}
