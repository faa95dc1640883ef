// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Domain modules live in `Plugins/<Name>` as ordinary library targets (declared with `path:`);
/// they are not SwiftPM package plugins. Each depends on KioskCore alone, and has its tests in
/// `Tests/<Name>Tests`. Adding a module's name here declares both.
let domainModules: [String] = ["EventCheckIn", "TalentClasses", "LibraryLending", "Scholarships"]

let package = Package(
    name: "nha-thieu-nhi-kiosk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kiosk", targets: ["kiosk"]),
        .executable(name: "kiosk-bench", targets: ["KioskBench"]),
        .executable(name: "kiosk-fuzz", targets: ["KioskFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CGD",
            providers: [.apt(["libgd-dev"])]
        ),
        .target(
            name: "KioskCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KioskTickets",
            dependencies: ["KioskCore", "CQRencode", "CGD"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KioskWeb",
            dependencies: [
                "KioskCore", "KioskTickets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kiosk",
            dependencies: [
                "KioskCore", "KioskTickets", "KioskWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ] + domainModules.map { .target(name: $0) },
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "KioskBench",
            dependencies: ["KioskCore", "KioskTickets", "KioskWeb", "EventCheckIn", "TalentClasses", "LibraryLending"],
            swiftSettings: swiftSettings
        ),
        // The fuzz harnesses: `make fuzz` builds them with libFuzzer (`-sanitize=fuzzer -DFUZZING`);
        // an ordinary build replays saved inputs through them.
        .executableTarget(
            name: "KioskFuzz",
            dependencies: ["KioskCore"],
            path: "Tests/Fuzz/KioskFuzz",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KioskTesting",
            dependencies: [
                "KioskCore", "KioskTickets", "KioskWeb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KioskCoreTests", dependencies: ["KioskCore", "KioskTesting"]),
        .testTarget(name: "KioskTicketsTests", dependencies: ["KioskTickets", "KioskTesting"]),
        .testTarget(
            name: "KioskWebTests",
            dependencies: [
                "KioskWeb", "KioskTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "KioskCLITests", dependencies: ["kiosk", "KioskTesting"]),
    ] + domainModules.flatMap { name -> [Target] in
        [
            .target(name: name, dependencies: ["KioskCore"], path: "Plugins/\(name)", swiftSettings: swiftSettings),
            // Each module's tests, in `Tests/<Name>Tests`, with the test kit.
            .testTarget(name: "\(name)Tests", dependencies: [
                .target(name: name), "KioskTesting", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        ]
    }
)
