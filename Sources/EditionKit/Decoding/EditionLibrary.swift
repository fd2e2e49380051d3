/// The folder where a user keeps editions, one per date: `2024-08-08/` (a
/// folder of pages) or `2024-08-08.txt` (a multi-page file).
///
/// It is `./Editions` when that exists, else `$FOLIO_EDITIONS`, else
/// `$XDG_DATA_HOME/folio/editions` (`~/.local/share/folio/editions`).
public struct EditionLibrary: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// The library for this process's working folder and environment.
    public static func locate(environment: [String: String], workingDirectory: String) -> EditionLibrary {
        let local = workingDirectory + "/Editions"
        if FileSystem.kind(local) == .directory { return EditionLibrary(root: "Editions") }
        if let env = environment["FOLIO_EDITIONS"], !env.isEmpty { return EditionLibrary(root: env) }
        return EditionLibrary(root: dataHome(environment) + "/folio/editions")
    }

    public static func dataHome(_ environment: [String: String]) -> String {
        if let x = environment["XDG_DATA_HOME"], x.hasPrefix("/") { return x }
        return (environment["HOME"] ?? "/tmp") + "/.local/share"
    }

    /// The editions in the library, oldest first.
    public func editions() -> [(date: String, path: String)] {
        guard let entries = FileSystem.list(root) else { return [] }
        return entries.compactMap { e -> (String, String)? in
            let stem = String(e.prefix(10))
            guard let date = DateText.numeric(Array(stem.unicodeScalars)), stem == date,
                  e.count == 10 || EditionReader.pageExtensions.contains(String(e.dropFirst(11)).lowercased()) && e.dropFirst(10).first == "."
            else { return nil }
            return (date, root + "/" + e)
        }.sorted { $0.0 < $1.0 }
    }

    /// Whether `path` is a library rather than an edition: a folder whose
    /// editions are named by date (`2024-08-08/`, `2024-08-08.txt`) and
    /// that holds no page files of its own. (An edition's folder holds
    /// pages: `11.txt`, `A1.pdf`.)
    public static func isLibrary(_ path: String) -> Bool {
        guard FileSystem.kind(path) == .directory, let entries = FileSystem.list(path) else { return false }
        let editions = EditionLibrary(root: path).editions()
        guard !editions.isEmpty else { return false }
        let dated = Set(editions.map { EditionReader.lastComponent($0.path) })
        return !entries.contains { e in
            guard !e.hasPrefix("."), !dated.contains(e), let ext = e.split(separator: ".").last, e.contains(".") else { return false }
            return EditionReader.pageExtensions.contains(ext.lowercased())
        }
    }

    /// The edition for `date`, or for `today` when there is one, else the newest.
    /// `fellBack` says the newest was taken in place of today's.
    public func pick(date: String?, today: String) throws(EditionError) -> (date: String, path: String, fellBack: Bool) {
        let all = editions()
        if let date {
            guard let e = all.last(where: { $0.date == date }) else { throw .noSuchEdition(date: date, library: root) }
            return (e.date, e.path, false)
        }
        guard let newest = all.last else { throw .emptyLibrary(library: root) }
        if let t = all.last(where: { $0.date == today }) { return (t.date, t.path, false) }
        return (newest.date, newest.path, true)
    }
}
