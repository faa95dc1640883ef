import Foundation
import KioskCore
import KioskWeb
import LibraryLending

/// Seeds the demo site with a district library after years of use, written straight to the
/// database with the columns the service writes: titles with their folded search text, copies,
/// readers (the scale seed's families and their member cards), past loans over five years (who
/// borrowed forgotten after 30 days, as the retention does), the open loans of today (a quarter of
/// them late) and holds waiting. At full size: 50,000 titles, 100,000 copies, 20,000 readers and
/// 1,000,000 past loans.
enum LibrarySeed {
    struct Seeded: Sendable {
        let siteID: Int64
        let readers: ScaleFamilies
        /// Readers with no loan today, free to borrow in the run (index into `readers.children`).
        let freeReaders: [Int]
        /// Copies on the shelf of titles for every age, free to lend in the run.
        let freeCopies: [String]
        /// Words of titles, for the catalogue searches.
        let searches: [String]
        let titles: Int, copies: Int, loans: Int, openLoans: Int, overdue: Int
        let seconds: Double

        var summary: String {
            "\(titles.grouped) titles, \(copies.grouped) copies, \(readers.children.count.grouped) readers, "
                + "\(loans.grouped) past loans, \(openLoans.grouped) open (\(overdue.grouped) late)"
        }
    }

    private static let words = ["Dế Mèn", "phiêu lưu", "ký", "Hoàng tử", "bé", "cuộc", "khám phá", "vũ trụ", "khoa học", "truyện",
                                "cổ tích", "Việt Nam", "những", "người bạn", "nhỏ", "rừng xanh", "biển", "đảo", "ngôi sao", "mùa hè",
                                "kỳ diệu", "thần đồng", "đất Việt", "mười vạn", "câu hỏi", "vì sao", "chú mèo", "con cáo", "tổ ong",
                                "cây tre", "trăm đốt", "Thánh Gióng", "Sơn Tinh", "Thủy Tinh", "bí mật", "của", "lớp học", "em",
                                "tuổi thơ", "dữ dội", "cho tôi", "một vé", "đi tuổi thơ", "mắt biếc", "hoa vàng", "cỏ xanh", "quê hương"]

    static func seed(state: URL, assets: String, scale: Double) async throws -> Seeded {
        let clock = ContinuousClock()
        let started = clock.now
        let configuration = KioskConfiguration(stateDirectory: state, assetsDirectory: URL(fileURLWithPath: assets))
        let services = try await KioskServices(configuration: configuration, modules: [LibraryLendingModule()])
        try await DemoData.seedIfEmpty(services)
        let site = try await services.database.site(code: DemoData.siteCode)
        let now = services.clock.now, tickets = services.tickets, database = services.database
        _ = try await database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -131072") }
        // About 1.65 children a family: 12,100 families give the 20,000 readers.
        let readers = try await database.write { db in
            try ScaleFamilies.insert(Int(12_100 * scale), site: site, now: now, tickets: tickets, db)
        }
        let titleCount = Int(50_000 * scale), loanCount = Int(1_000_000 * scale)
        let seeded = try await database.write { db -> Seeded in
            var random = ScaleRandom(seed: 23)
            let title = try db.cachedStatement(sql: """
                INSERT INTO library_title (siteId, title, author, publisher, year, isbn, category, minAge, maxAge, shelfMark)
                VALUES (?, ?, ?, 'NXB Kim Đồng', ?, '', ?, ?, ?, ?)
                """)
            let copy = try db.cachedStatement(sql: "INSERT INTO library_copy (titleId, siteId, barcode, shelf, status) VALUES (?, ?, ?, ?, ?)")
            // The module's word index of titles, which its catalogue search reads.
            let titleWords = WordIndex(table: "library_title_word")
            var copyIDs: [(id: Int64, barcode: String, category: String, forAll: Bool)] = []
            var searches: [String] = []
            let categories = ["picture", "comics", "science", "literature", "other"]
            for number in 0..<titleCount {
                let name = (0..<Int.random(in: 2...5, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
                    .capitalizedFirst + " \(number % 97 + 1)"
                let author = ScaleNames.name(surname: ScaleNames.surnames.draw(&random), boy: random.chance(0.5), &random)
                let category = categories[number % categories.count]
                let minAge = random.chance(0.7) ? 0 : Int.random(in: 6...12, using: &random)
                try title.execute(arguments: [site.id, name, author, 1990 + number % 35, category, minAge, 18, category.prefix(3).uppercased()])
                let titleID = db.lastInsertedRowID
                try titleWords.replace(id: titleID, siteID: site.id!, with: "\(name) \(author)", db)
                if number % 500 == 0 { searches.append(VietnameseFolding.fold(name).split(separator: " ").prefix(3).joined(separator: " ")) }
                for _ in 0..<(number % 2 == 0 ? 1 : 3) {  // two copies a title on average
                    let barcode = "B" + (copyIDs.count + 1).zeroPadded(8)
                    try copy.execute(arguments: [titleID, site.id, barcode, "Kệ \(category.prefix(1).uppercased())\(number % 20)", "shelf"])
                    copyIDs.append((db.lastInsertedRowID, barcode, category, minAge == 0))
                }
            }
            // Five years of returned loans; who borrowed is kept only for the last 30 days.
            let loan = try db.cachedStatement(sql: """
                INSERT INTO library_loan (copyId, childId, readerAge, category, loanedAt, dueOn, returnedAt, renewals) VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                """)
            let fiveYears = 5 * 365 * 86_400.0, today = LocalDate(now)
            for number in 0..<loanCount {
                let lent = copyIDs[Int.random(in: 0..<copyIDs.count, using: &random)]
                let ago = fiveYears * Double(loanCount - number) / Double(loanCount) + 14 * 86_400
                let loanedAt = now.addingTimeInterval(-ago), returnedAt = loanedAt.addingTimeInterval(Double.random(in: 86_400...(20 * 86_400), using: &random))
                let reader = readers.children[Int.random(in: 0..<readers.children.count, using: &random)]
                let kept = now.timeIntervalSince(returnedAt) < 30 * 86_400
                try loan.execute(arguments: [lent.id, kept ? reader.id : nil, reader.birthDate.age(on: LocalDate(loanedAt)), lent.category,
                                             DatabaseTimestamp(loanedAt), LocalDate(loanedAt).adding(days: 14), DatabaseTimestamp(returnedAt)])
            }
            // Today: three in ten readers have one or two books at home, a quarter of those late.
            var busy = Set<Int>(), open = 0, overdue = 0, lentCopies = Set<Int>()
            for index in readers.children.indices where random.chance(0.3) {
                busy.insert(index)
                for _ in 0..<(random.chance(0.5) ? 1 : 2) {
                    let pick = Int.random(in: 0..<copyIDs.count, using: &random)
                    guard lentCopies.insert(pick).inserted else { continue }
                    let late = random.chance(0.25)
                    let loanedAt = now.addingTimeInterval(-Double(late ? Int.random(in: 15...60, using: &random) : Int.random(in: 0...13, using: &random)) * 86_400)
                    try loan.execute(arguments: [copyIDs[pick].id, readers.children[index].id, readers.children[index].birthDate.age(on: today),
                                                 copyIDs[pick].category, DatabaseTimestamp(loanedAt), LocalDate(loanedAt).adding(days: 14), nil])
                    try db.execute(sql: "UPDATE library_copy SET status = 'loan' WHERE id = ?", arguments: [copyIDs[pick].id])
                    open += 1
                    if late { overdue += 1 }
                }
            }
            let free = copyIDs.indices.filter { !lentCopies.contains($0) && copyIDs[$0].forAll }.map { copyIDs[$0].barcode }
            return Seeded(siteID: site.id!, readers: readers,
                          freeReaders: readers.children.indices.filter { !busy.contains($0) && readers.children[$0].birthDate.age(on: today) >= 6 },
                          freeCopies: free, searches: searches, titles: titleCount, copies: copyIDs.count, loans: loanCount,
                          openLoans: open, overdue: overdue, seconds: 0)
        }
        _ = try await database.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let elapsed = (clock.now - started).components
        return Seeded(siteID: seeded.siteID, readers: seeded.readers, freeReaders: seeded.freeReaders, freeCopies: seeded.freeCopies,
                      searches: seeded.searches, titles: seeded.titles, copies: seeded.copies, loans: seeded.loans, openLoans: seeded.openLoans,
                      overdue: seeded.overdue, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}

private extension String {
    /// The first letter upper-cased, as a title is written.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
