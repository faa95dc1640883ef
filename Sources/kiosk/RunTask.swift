import ArgumentParser
import KioskCore
import KioskWeb

extension Kiosk {
    /// Runs a module's background task once, as the service does on its schedule.
    struct RunTask: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "task", abstract: "Run a module's background task once (e.g. scholarships/retention, library/holds).")

        @OptionGroup var state: StateOptions
        @Argument(help: "The task's name.") var name: String

        func run() async throws {
            try await Self.run(name, state)
        }

        static func run(_ name: String, _ state: StateOptions) async throws {
            let services = try await state.services()
            let tasks = services.registry.modules.flatMap(\.backgroundTasks)
            guard let task = tasks.first(where: { $0.name == name }) else {
                throw CommandFailure("no task '\(name)'; installed: \(tasks.map(\.name).joined(separator: ", "))")
            }
            try await task.run(ModuleTaskContext(database: services.database, clock: services.clock))
            print("\(name) done")
        }
    }

    /// The scholarships' own command: `kiosk scholarships retention`, the same as `kiosk task scholarships/retention`.
    struct Scholarships: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Scholarship applications.", subcommands: [Retention.self])

        struct Retention: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Anonymise the applications of rounds whose retention has passed, and delete their photos (the service does it daily).")
            @OptionGroup var state: StateOptions

            func run() async throws {
                try await RunTask.run("scholarships/retention", state)
            }
        }
    }
}
