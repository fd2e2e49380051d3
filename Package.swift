// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EditionKit", targets: ["EditionKit"]),
        .executable(name: "folio", targets: ["folio"]),
    ],
    dependencies: [
        // The CLI surface (subcommands, --help, typed options) of `folio`.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Model, decoding and parsing of edition files. No UI, no ncurses.
        .target(name: "EditionKit"),
        // Display width and layout in terminal cells. No ncurses.
        .target(name: "Typesetting", dependencies: ["EditionKit"]),
        // State, keys, views and bookmarks of the interactive reader. No ncurses.
        .target(name: "Reader", dependencies: ["EditionKit", "Typesetting"]),
        // ncursesw, with a shim for the macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .executableTarget(
            name: "folio",
            dependencies: [
                "EditionKit",
                "Typesetting",
                "Reader",
                "CNcursesw",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Parsing throughput, layout time, bookmarks at 10,000: `swift run -c release folio-bench`.
        .executableTarget(name: "folio-bench", dependencies: ["EditionKit", "Typesetting", "Reader"]),
        // Test tool: one process writing bookmarks, many at once in FolioCLITests.
        .executableTarget(name: "bookmark-writer", dependencies: ["Reader", "Typesetting"]),
        .testTarget(name: "EditionKitTests", dependencies: ["EditionKit"], resources: [.copy("Fixtures")]),
        // Snapshots are read and written in the source tree (#filePath), not bundled.
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting"], exclude: ["Snapshots"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReaderTests", dependencies: ["Reader"]),
        // Runs the built `folio` binary as a user would.
        // SharedPages/: the sample pages and scorer of ../shared, copied (read, not bundled);
        // PDFs/: small PDF pages of our own (Scripts/shape-pages.py), read by the real extractor.
        .testTarget(name: "FolioCLITests", dependencies: ["folio", "bookmark-writer"], exclude: ["SharedPages", "PDFs"]),
    ]
)
