import Foundation
import KioskCore

/// The catalogue at the kiosk, for anyone: type the beginnings of words of a title or an author
/// without tone marks (`de men` finds "Dế Mèn phiêu lưu ký"), read from the titles' word index, and
/// see whether a copy is on the shelf, and where. A
/// title whose copies are all out is reserved with a tap (the kiosk asks who the family is first).
struct CatalogueSearchFlow: KioskFlow {
    var requiresFamily: Bool { false }
    /// The most titles a search shows.
    static let limit = 12
    /// The most matches a search sorts to show the first of.
    static let candidates = 300

    func start(_ context: inout FlowContext) async throws -> KioskScreen {
        screen(form())
    }

    func handle(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        switch (action.name, action.id) {
        case ("reserve", let titleID?): return try await reserve(titleID, &context)
        case ("reader", let childID?): return try await reserve(context.state["title", as: Int64.self] ?? 0, for: childID, &context)
        default: return try await search(action, &context)
        }
    }

    private func search(_ action: FlowAction, _ context: inout FlowContext) async throws -> KioskScreen {
        let typed = (try? TextInput.clean(action.fields["q"], field: "q", maxLength: 80)) ?? ""
        guard let query = NameQuery(typed) else {
            return screen(form().showing(KioskError(.invalidInput, "library.search.empty", field: "q"), values: action.fields))
        }
        let siteID = context.site.id!
        let found = try await context.database.read { db -> [(BookTitle, Int, Set<String>)] in
            // The titles shown are the first by title of the matches, a few hundred at most.
            let ids = try BookTitle.words.matches(query, siteID: siteID, limit: Self.candidates, db)
            return try BookTitle.filter(ids.contains(Column("id"))).order(BookTitle.Columns.title).limit(Self.limit).fetchAll(db).map { title in
                let copies = try BookCopy.filter(BookCopy.Columns.titleId == title.id! && Column("status") == BookCopy.Status.shelf.rawValue).fetchAll(db)
                return (title, copies.count, Set(copies.map(\.shelf)))
            }
        }
        guard !found.isEmpty else {
            return screen(form().showing(KioskError(.notFound, "library.search.none", field: "q"), values: action.fields))
        }
        // A title on the shelf is shown, not pressed: the family walks to the shelf. One all out is reserved.
        let results = found.map { title, onShelf, shelves in
            Choice(.literal(vi: title.author.isEmpty ? title.title : "\(title.title) · \(title.author)"),
                   detail: onShelf > 0 ? .key("library.search.onShelf", String(onShelf), shelves.sorted().joined(separator: ", "))
                                       : .key("library.search.allOut"),
                   action: "reserve", id: title.id!, disabled: onShelf > 0)
        }
        return KioskScreen(title: .key("library.search.title"), intro: [.key("library.search.found", String(results.count), typed)],
                           content: .choices(results),
                           actions: [ScreenAction(.key("library.search.again"), .flow(LibraryLendingModule.id, "search"), style: .primary), .home])
    }

    /// Reserves the title for the family's child: the one whose card was scanned, the only one, or
    /// the one the family picks.
    private func reserve(_ titleID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let (children, chosen) = try await context.libraryReaders()
        if let chosen { return try await reserve(titleID, for: chosen, &context) }
        context.state["title"] = titleID
        return KioskScreen(title: .key("library.hold.title"), intro: [.key("library.hold.pickChild")],
                           content: .choices(children.map { Choice(.literal(vi: $0.fullName), action: "reader", id: $0.id!) }), actions: [.home])
    }

    private func reserve(_ titleID: Int64, for childID: Int64, _ context: inout FlowContext) async throws -> KioskScreen {
        let familyID = try context.requireFamily()
        let site = context.site, now = context.clock.now
        let (title, placed) = try await context.database.write { db in
            let child = try AppDatabase.childForRegistration(childID, familyID: familyID, db)
            return (try BookTitle.fetchOne(db, key: titleID)?.title ?? "", try Holds.place(titleID: titleID, for: child, site: site, at: now, db))
        }
        context.state.removeAll()
        let again = ScreenAction(.key("library.search.again"), .flow(LibraryLendingModule.id, "search"))
        switch placed {
        case .success(let position):
            return .message(.key("library.hold.title"), .key("library.hold.placed", title, String(position)), style: .success,
                            actions: [again, .home])
        case .failure(let refusal):
            return .message(.key("library.hold.title"), refusal.message, style: .error, actions: [again, .home])
        }
    }

    private func screen(_ form: FormSpec) -> KioskScreen {
        KioskScreen(title: .key("library.search.title"), content: .form(form), actions: [.home])
    }

    private func form() -> FormSpec {
        FormSpec(fields: [FormField("q", .key("library.search.words"), .text(maxLength: 80))],
                 submit: ScreenAction(.key("library.search.submit"), .submit(name: "search", value: ""), style: .primary))
    }
}
