import Foundation

/// The scale runs side by side as a Markdown table, like issue 19's: client-side p50 / p99 at each
/// size, and how much the median grew from the smallest size to the largest.
enum ScaleTable {
    static func text(_ runs: [ScaleRun]) -> String {
        guard let first = runs.first, let last = runs.last else { return "" }
        var lines = ["| request | " + runs.map { "\($0.families.grouped) families" }.joined(separator: " | ") + " | growth |",
                     "|---|" + String(repeating: "---|", count: runs.count + 1)]
        for (index, figure) in first.figures.enumerated() {
            let cells = runs.map { $0.figures[index].cell }
            let growth = runs.count > 1 && figure.value > 0 ? String(format: "%.1f×", last.figures[index].value / figure.value) : ""
            lines.append("| \(figure.label) | " + cells.joined(separator: " | ") + " | \(growth) |")
        }
        return lines.joined(separator: "\n")
    }
}
