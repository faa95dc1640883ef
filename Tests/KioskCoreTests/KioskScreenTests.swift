import Foundation
import KioskCore
import Testing

/// Screens are values: they compare, and they survive JSON unchanged (a front end in another
/// process, a test that asserts on what a flow returned).
@Suite struct KioskScreenTests {
    static let screens: [KioskScreen] = [
        KioskScreen(title: .key("home.title"), content: .menu([MenuTile(icon: "🎨", title: .key("classes.title"), target: .flow("classes", "start"))])),
        KioskScreen(title: .literal(vi: "Chọn", en: "Choose"), intro: [.key("events.intro", "3")],
                    content: .choices([Choice(.joined([.key("a.b"), .literal(vi: "Lớp vẽ")]), detail: nil, action: "class", value: "12", disabled: true)]),
                    actions: [.home, ScreenAction(.key("action.back"), .submit(name: "back", value: ""), style: .primary)]),
        KioskScreen(title: .key("register.title"), content: .form(FormSpec(fields: [
            FormField("childName", .key("field.childName"), .name(maxLength: 80), value: "Đặng Thị Ánh"),
            FormField("birthDate", .key("field.birthDate"), .date(years: 2008...2023)),
            FormField("grade", .key("field.grade"), .select([FieldOption("5", .key("grade.5"))])),
            FormField("consent", .key("field.consent"), .checkbox(.key("consent.text")), required: false, suggestions: ["a"]),
        ], submit: ScreenAction(.key("action.next"), .submit(name: "child", value: ""))))),
        KioskScreen(title: .key("confirm"), content: .confirm(Confirmation(lines: [(.key("field.phone"), "0912 345 678")],
                                                                            confirm: ScreenAction(.key("ok"), .print)))),
        KioskScreen(title: .key("tickets"), content: .tickets([TicketCard(token: "NTN1.DEMO.MC.A.B", holder: "An", title: .key("card"))])),
        .message(.key("error.title"), .key("error.disk.full"), style: .error),
    ]

    @Test(arguments: screens)
    func aScreenSurvivesJSONUnchanged(_ screen: KioskScreen) throws {
        let decoded = try JSONDecoder().decode(KioskScreen.self, from: JSONEncoder().encode(screen))
        #expect(decoded == screen)
    }

    @Test func screensThatDifferDoNotCompareEqual() {
        #expect(Self.screens[0] != Self.screens[1])
        var typed = Self.screens[2]
        if case .form(var form) = typed.content {
            form.fields[0].value = "Đặng Thị Anh"
            typed.content = .form(form)
        }
        #expect(typed != Self.screens[2])
    }
}
