/// One kiosk screen, declared as data. The browser kiosk renders it to HTML and the framebuffer
/// display draws it, so a module's flow looks the same on both and never writes HTML. Screens
/// compare (a test asserts on the screen a flow returns) and encode (a front end in another process).
public struct KioskScreen: Sendable, Hashable, Codable {
    /// What the screen shows below its title.
    public enum Content: Sendable, Hashable, Codable {
        /// Large tiles that open flows.
        case menu([MenuTile])
        /// A list of large buttons, each submitting an action.
        case choices([Choice])
        /// Fields to fill in, then a submit button.
        case form(FormSpec)
        /// A summary of what will be saved, to confirm.
        case confirm(Confirmation)
        /// One or more tickets with their QR codes.
        case tickets([TicketCard])
        /// A short message.
        case message(Message)
        /// A screen that waits for scans (books at the self-checkout): each code scanned goes to the
        /// flow as `FlowAction.scan`, and the flow adds what it made of it to the list.
        case scans(ScanList)
    }

    public var title: LocalizedText
    /// Paragraphs under the title.
    public var intro: [LocalizedText]
    public var content: Content
    /// Buttons at the bottom (back, cancel, done).
    public var actions: [ScreenAction]

    public init(title: LocalizedText, intro: [LocalizedText] = [], content: Content, actions: [ScreenAction] = []) {
        self.title = title
        self.intro = intro
        self.content = content
        self.actions = actions
    }

    /// The form on the screen, if it shows one.
    public var form: FormSpec? {
        if case .form(let form) = content { form } else { nil }
    }

    /// A message screen with a button home.
    public static func message(_ title: LocalizedText, _ text: LocalizedText, style: Message.Style = .info,
                               actions: [ScreenAction] = [.home]) -> KioskScreen {
        KioskScreen(title: title, content: .message(Message(text, style: style)), actions: actions)
    }
}

/// A button on a screen.
public struct ScreenAction: Sendable, Hashable, Codable {
    /// What pressing it does.
    public enum Target: Sendable, Hashable, Codable {
        /// Sends an action to the current flow.
        case submit(name: String, value: String)
        /// Opens a flow (`core`'s family flows or a module's).
        case flow(ModuleID, String)
        /// Goes to the kiosk home.
        case home
        /// Prints the tickets on the screen.
        case print
    }

    /// How prominent the button is.
    public enum Style: String, Sendable, Hashable, Codable {
        case primary, secondary, danger
    }

    public let label: LocalizedText
    public let target: Target
    public let style: Style

    public init(_ label: LocalizedText, _ target: Target, style: Style = .secondary) {
        self.label = label
        self.target = target
        self.style = style
    }

    /// Back to the kiosk home.
    public static let home = ScreenAction(.key("action.home"), .home)
}

/// A tile on a menu screen.
public struct MenuTile: Sendable, Hashable, Codable {
    public let icon: String
    public let title: LocalizedText
    public let detail: LocalizedText?
    public let target: ScreenAction.Target

    public init(icon: String, title: LocalizedText, detail: LocalizedText? = nil, target: ScreenAction.Target) {
        self.icon = icon
        self.title = title
        self.detail = detail
        self.target = target
    }
}

/// One large button of a choice list.
public struct Choice: Sendable, Hashable, Codable {
    public let title: LocalizedText
    public let detail: LocalizedText?
    /// The action submitted (`name`, `value`).
    public let action: String
    public let value: String
    /// A choice that is shown but cannot be taken (a full class), with the reason in `detail`.
    public let disabled: Bool

    public init(_ title: LocalizedText, detail: LocalizedText? = nil, action: String, value: String, disabled: Bool = false) {
        self.title = title
        self.detail = detail
        self.action = action
        self.value = value
        self.disabled = disabled
    }

    /// A choice of a record: the flow reads it back as `FlowAction.id`.
    public init(_ title: LocalizedText, detail: LocalizedText? = nil, action: String, id: Int64, disabled: Bool = false) {
        self.init(title, detail: detail, action: action, value: String(id), disabled: disabled)
    }
}

/// What a screen that waits for scans shows: what to scan, then each code taken so far, newest first.
public struct ScanList: Sendable, Hashable, Codable {
    public var prompt: LocalizedText
    public var items: [ScannedItem]

    public init(prompt: LocalizedText, items: [ScannedItem] = []) {
        self.prompt = prompt
        self.items = items
    }

    /// The most items a screen keeps: a long session of returns shows the newest, and each scan
    /// costs the same however many came before.
    public static let kept = 10

    /// `items` with `item` first, the oldest beyond `kept` dropped.
    public static func adding(_ item: ScannedItem, to items: [ScannedItem]) -> [ScannedItem] {
        Array(([item] + items).prefix(kept))
    }
}

/// One code taken on a screen that waits for scans: what it was (a book's title) and what became
/// of it (a due date, or why not), marked taken or refused.
public struct ScannedItem: Sendable, Hashable, Codable {
    public let title: LocalizedText
    public let detail: LocalizedText?
    public let style: Message.Style

    public init(_ title: LocalizedText, detail: LocalizedText? = nil, style: Message.Style) {
        self.title = title
        self.detail = detail
        self.style = style
    }
}

/// A short message.
public struct Message: Sendable, Hashable, Codable {
    public enum Style: String, Sendable, Hashable, Codable {
        case info, success, error
    }

    public let text: LocalizedText
    public let style: Style

    public init(_ text: LocalizedText, style: Style = .info) {
        self.text = text
        self.style = style
    }
}

/// A summary to confirm: labelled values and the action that saves them.
public struct Confirmation: Sendable, Hashable, Codable {
    /// A labelled value.
    public struct Line: Sendable, Hashable, Codable {
        public let label: LocalizedText
        public let value: String
    }

    public let lines: [Line]
    public let confirm: ScreenAction

    public init(lines: [(label: LocalizedText, value: String)], confirm: ScreenAction) {
        self.lines = lines.map { Line(label: $0.label, value: $0.value) }
        self.confirm = confirm
    }
}

/// A ticket to show and print: the host draws the QR code of `token`.
public struct TicketCard: Sendable, Hashable, Codable {
    public let token: String
    /// The holder's name.
    public let holder: String
    /// What the ticket is for.
    public let title: LocalizedText
    /// A line under the title (a date, a class schedule).
    public let detail: LocalizedText?

    public init(token: String, holder: String, title: LocalizedText, detail: LocalizedText? = nil) {
        self.token = token
        self.holder = holder
        self.title = title
        self.detail = detail
    }
}
