import Foundation
import KioskCore
import Mustache

/// Which part of the service a page belongs to: it sets the layout's header, styles and scripts.
enum Surface {
    case kiosk(Site)
    case station(Site)
    case admin
    case plain
}

extension KioskServices {
    /// Renders `template` inside the layout, with the locale strings as `t` and the CSRF token.
    /// Every value is HTML-escaped by Mustache (`{{ }}`); only rendered templates are inserted raw.
    func page(context: KioskRequestContext, title: LocalizedText, template: String, values: [String: Any],
              surface: Surface = .plain) -> HTMLPage {
        let language = context.language
        var values = values
        values["t"] = localizer.tree(language)
        values["csrf"] = context.csrfToken
        values["lang"] = language.rawValue
        let content = templates.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = [
            "t": values["t"]!, "lang": language.rawValue, "title": localizer.string(title, language),
            "content": content, "csrf": context.csrfToken,
        ]
        if let staff = context.staff {
            layout["staffName"] = staff.account.displayName
            layout["isDeploymentAdmin"] = staff.isDeploymentAdmin
        }
        switch surface {
        case .kiosk(let site):
            layout["kiosk"] = ["siteCode": site.code, "siteName": site.name, "idleSeconds": configuration.idleTimeout,
                               "otherLang": language == .vi ? "en" : "vi"] as [String: Any]
        case .station(let site):
            layout["station"] = ["siteCode": site.code, "siteName": site.name]
        case .admin:
            layout["admin"] = true
        case .plain:
            layout["plain"] = true
        }
        return HTMLPage(html: templates.render(layout, withTemplate: "layout") ?? "")
    }
}

extension Localizer {
    /// The strings of `language` as nested dictionaries, so that templates write `{{t.kiosk.home}}`.
    func tree(_ language: Language) -> [String: Any] {
        var root: [String: Any] = [:]
        for key in keys(of: .vi).union(keys(of: language)) {
            Self.insert(string(key, language), at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ value: String, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = value
            return
        }
        var child = node[head] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        node[head] = child
    }
}
