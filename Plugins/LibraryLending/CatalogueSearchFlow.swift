import Foundation
import KioskCore

/// The catalogue at the kiosk, for anyone: type words of a title or an author without tone marks
/// (`de men` finds "Dế Mèn phiêu lưu ký"), and see whether a copy is on the shelf, and where.
struct CatalogueSearchFlow: KioskFlow {
    var requiresFamily: Bool { false }
    /// The most titles a search shows.
    static let limit = 12

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen(form())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        let typed = (try? TextInput.clean(action.fields["q"], field: "q", maxLength: 80)) ?? ""
        let words = VietnameseFolding.fold(typed).split(separator: " ").map(String.init)
        guard !words.isEmpty else {
            return screen(form().showing(KioskError(.invalidInput, "library.search.empty", field: "q"), values: action.fields))
        }
        let siteID = context.site.id!
        let found = try await context.database.read { db -> [(BookTitle, Int, Set<String>)] in
            var request = BookTitle.filter(BookTitle.Columns.siteId == siteID)
            for word in words { request = request.filter(Column("searchText").like("%\(word)%")) }
            return try request.order(BookTitle.Columns.title).limit(Self.limit).fetchAll(db).map { title in
                let copies = try BookCopy.filter(BookCopy.Columns.titleId == title.id! && Column("status") == BookCopy.Status.shelf.rawValue).fetchAll(db)
                return (title, copies.count, Set(copies.map(\.shelf)))
            }
        }
        guard !found.isEmpty else {
            return screen(form().showing(KioskError(.notFound, "library.search.none", field: "q"), values: action.fields))
        }
        // Shown, not pressed: the family walks to the shelf (or asks the librarian).
        let results = found.map { title, onShelf, shelves in
            Choice(.literal(vi: title.author.isEmpty ? title.title : "\(title.title) · \(title.author)"),
                   detail: onShelf > 0 ? .key("library.search.onShelf", String(onShelf), shelves.sorted().joined(separator: ", "))
                                       : .key("library.search.allOut"),
                   action: "title", id: title.id!, disabled: true)
        }
        return KioskScreen(title: .key("library.search.title"), intro: [.key("library.search.found", String(results.count), typed)],
                           content: .choices(results),
                           actions: [ScreenAction(.key("library.search.again"), .flow(LibraryLendingModule.id, "search"), style: .primary), .home])
    }

    private func screen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("library.search.title"), content: .form(form), actions: [.home])
    }

    private func form() -> FormSpec {
        FormSpec(fields: [FormField("q", .key("library.search.words"), .text(maxLength: 80))],
                 submit: ScreenAction(.key("library.search.submit"), .submit(name: "search", value: ""), style: .primary))
    }
}
