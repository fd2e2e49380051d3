import EditionKit
#if canImport(Glibc)
import Glibc
#endif

/// The bookmarks file on disk, written so that nothing is ever lost.
///
/// - A save appends its changes to the journal beside the file
///   (`BookmarkJournal`, flushed), and now and then writes the file whole
///   and empties the journal (`compactionSize`); every whole write goes to a
///   temporary file in the same folder, is flushed (`fsync`) and renamed over
///   the old file, then the folder is flushed.
/// - Two readers open at once do not erase each other's bookmarks: each write
///   takes an exclusive lock (`flock` on `FILE.lock`), reads the file again,
///   and applies only this reader's own additions and deletions to it.
/// - A file that cannot be decoded is renamed aside (`FILE.corrupt-TIME`),
///   never overwritten, and the reader starts with an empty list and a notice.
/// - A file written by a newer folio, or one that cannot be read at all, is
///   left alone: the reader keeps its bookmarks in memory only, and says so.
public final class BookmarkStore {
    public let path: String
    /// What the reader should tell the user about the file, once.
    public private(set) var notice: String?
    /// Set when writing would risk data this folio cannot read.
    public private(set) var readOnly = false
    /// What is on disk with this reader's saves applied. Until `complete()`,
    /// only the part of the edition `partOf` names.
    public private(set) var file = BookmarkFile()
    /// The edition whose bookmarks and reading position alone `file` holds
    /// (`init(path:firstShowing:)`), nil once it holds everything.
    public private(set) var partOf: String?

    /// The version of the file that `file` holds (as loaded or last
    /// written): a save finds it unchanged and skips reading it again.
    private var known: FileIdentity?
    /// How much of the journal `file` holds (bytes read, up to the last
    /// whole line), and which journal that was.
    private var journalEnd = 0
    private var journalNode: FileIdentity?
    /// Saved changes that are in neither the file nor the journal on disk
    /// any more (the good lines of a journal set aside): kept in `file`,
    /// and written into the file whole at the next save.
    private var rescued: [BookmarkChange] = []

    /// The journal of changes saved since the file was last written whole.
    public var journalPath: String { path + ".journal" }

    /// Past this many bytes of journal, a save writes the file whole (with
    /// 10,000 bookmarks, as long as a few hundred saves to the journal) and
    /// empties the journal.
    static let compactionSize = 256 * 1024

    private var added: [String: Bookmark] = [:]
    private var removed: Set<String> = []

    /// `$XDG_DATA_HOME/folio/bookmarks.json` (`~/.local/share/folio/bookmarks.json`).
    public static func defaultPath(environment: [String: String]) -> String {
        EditionLibrary.dataHome(environment) + "/folio/bookmarks.json"
    }

    /// Opens the file. With `firstShowing`, reads only that edition's
    /// bookmarks and reading position (`BookmarkSkim`, a few milliseconds
    /// where decoding 10,000 bookmarks takes sixty): what the reader's first
    /// screen shows. The rest is read by `complete()`, and by any save that
    /// must write the file whole. A file the skim cannot read is read whole
    /// at once, and judged as always.
    public init(path: String, firstShowing edition: String? = nil) {
        self.path = path
        // The file and its journal are read as one: a writer folding the
        // journal into the file waits (a shared lock, when there is a lock
        // file at all; none means nothing was ever saved).
        let shared = sharedLock()
        defer { unlock(shared) }
        if let edition, loadPart(of: edition) { return }
        loadWhole()
    }

    /// Reads what `init(path:firstShowing:)` left out: every edition's
    /// bookmarks and positions (the bookmarks screen lists them all).
    public func complete() {
        guard partOf != nil else { return }
        let shared = sharedLock()
        defer { unlock(shared) }
        partOf = nil
        loadWhole()
        // Changes a failed save still holds stay in view.
        for c in pendingChanges { file.apply(c) }
    }

    /// The reading position of `edition` (reading the rest of the file
    /// first when it is another edition than the part read).
    public func position(of edition: String) -> ReadingPosition? {
        if let part = partOf, part != edition { complete() }
        return file.positions[edition]
    }

    /// `edition`'s part of the file and journal, or false (nothing set)
    /// when the file is missing, from a newer folio, or not as folio writes
    /// it: the whole reading then decides what to do.
    private func loadPart(of edition: String) -> Bool {
        let identity = FileIdentity(path)
        let node = FileIdentity(journalPath)
        // Mapped, not read: most of the file is only stepped over.
        guard identity != nil, let found = FileSystem.withMappedBytes(path, { BookmarkSkim.part(of: edition, in: $0) }),
              let part = found,
              part.version <= BookmarkFile.currentVersion,
              case .success(let journal) = BookmarkJournal.read(journalPath, from: 0, concerning: edition) else { return false }
        file = BookmarkFile(bookmarks: part.bookmarks, positions: part.position.map { [edition: $0] } ?? [:])
        file.version = part.version
        partOf = edition
        known = identity
        for c in journal.changes where c.concerns(edition) { file.apply(c) }
        journalEnd = journal.end
        journalNode = node
        return true
    }

    /// Reads the whole file and journal; a file that cannot be decoded is
    /// set aside, one that cannot be read (or is newer) makes the store
    /// read-only.
    private func loadWhole() {
        // Taken before the read: a file replaced in between is read again
        // at the next save, never taken for the older one.
        let identity = FileIdentity(path)
        journalEnd = 0
        journalNode = nil
        switch Self.load(path) {
        case .success(let f):
            file = f ?? BookmarkFile()
            known = identity
            readJournal(from: 0)
        case .failure(let problem):
            file = BookmarkFile()
            known = nil
            switch problem {
            case .corrupt:
                if let aside = Self.setAside(path) {
                    notice = "bookmarks file was unreadable; kept it as \(aside) and started a new one"
                    // The journal's changes name whole bookmarks: they are kept.
                    readJournal(from: 0)
                } else {
                    readOnly = true
                    notice = "bookmarks file is unreadable and could not be set aside; bookmarks will not be saved"
                }
            case .newer(let v):
                readOnly = true
                notice = "bookmarks file is from a newer folio (version \(v)); bookmarks will not be saved"
            case .unreadable(let reason):
                readOnly = true
                notice = "cannot read the bookmarks file (\(reason)); bookmarks will not be saved"
            }
        }
    }

    /// Moves a damaged file to `FILE.corrupt-TIME` (`-2`, `-3`… when that
    /// name is taken: two files set aside in the same second keep both).
    /// `link` fails rather than replace an existing name; `rename` would not.
    static func setAside(_ path: String) -> String? {
        let base = path + ".corrupt-" + timestamp(compact: true)
        for n in 1...1000 {
            let aside = n == 1 ? base : base + "-\(n)"
            if link(path, aside) == 0 {
                unlink(path)
                return aside
            }
            guard errno == EEXIST else {
                // No hard links here (some network file systems): a checked rename.
                if access(aside, F_OK) != 0, rename(path, aside) == 0 { return aside }
                return nil
            }
        }
        return nil
    }

    enum Problem: Error { case corrupt, newer(Int), unreadable(String) }

    static func load(_ path: String) -> Result<BookmarkFile?, Problem> {
        guard let kind = FileSystem.kind(path) else { return .success(nil) }
        guard kind == .file else { return .failure(.unreadable("not a regular file")) }
        let data: [UInt8]
        switch FileSystem.read(path) {
        case .success(let bytes): data = bytes
        case .failure(let f): return .failure(.unreadable(f.reason))
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .success(nil) }
        // The version first: a newer file is left alone even if its schema changed.
        guard let json = try? JSON(parsing: data), let version = json["version"]?.intValue else { return .failure(.corrupt) }
        if version > BookmarkFile.currentVersion { return .failure(.newer(version)) }
        guard let f = BookmarkFile(json: json) else { return .failure(.corrupt) }
        return .success(f)
    }

    /// Adds (or refreshes) a bookmark and saves. Returns the merged list.
    @discardableResult
    public func add(_ b: Bookmark) -> [Bookmark] {
        added[b.key] = b
        removed.remove(b.key)
        return save()
    }

    /// Deletes the bookmark with `key` and saves.
    @discardableResult
    public func remove(key: String) -> [Bookmark] {
        removed.insert(key)
        added[key] = nil
        return save()
    }

    /// Records the reading position of an edition and saves.
    public func setPosition(_ p: ReadingPosition, edition: String) {
        pendingPositions[edition] = p
        _ = save()
    }

    private var pendingPositions: [String: ReadingPosition] = [:]

    /// Whether changes (bookmarks added or deleted, positions) are still
    /// waiting to reach the file: the last save failed. Each later save, and
    /// `flush()` at quit, tries again.
    public var hasUnsavedChanges: Bool { !added.isEmpty || !removed.isEmpty || !pendingPositions.isEmpty }

    /// Why the last save failed, while `hasUnsavedChanges`.
    public private(set) var saveError: String?

    /// Tries once more to write what is pending; the reader calls it at quit.
    /// Returns false when changes are still unsaved (and says why in `saveError`).
    @discardableResult
    public func flush() -> Bool {
        if hasUnsavedChanges { _ = save() }
        return !hasUnsavedChanges
    }

    /// Applies the journal from byte `offset` to `file`. A journal that
    /// cannot be decoded is set aside like the file; one that cannot be read
    /// makes the store read-only.
    private func readJournal(from offset: Int) {
        let node = FileIdentity(journalPath)
        switch BookmarkJournal.read(journalPath, from: offset, concerning: partOf) {
        case .success(let r):
            for c in r.changes where partOf.map(c.concerns) ?? true { file.apply(c) }
            journalEnd = r.end
            journalNode = node
        case .failure(.corrupt) where partOf != nil:
            // Judged on the whole: read everything, which sets it aside.
            partOf = nil
            loadWhole()
        case .failure(.corrupt(let line, let before)):
            // The lines before the bad one were saved: they are kept, and
            // written into the file at the next save (the journal that held
            // them is set aside).
            for c in before { file.apply(c) }
            rescued += before
            journalEnd = 0
            journalNode = nil
            if let aside = Self.setAside(journalPath) {
                notice = "bookmarks journal was unreadable (line \(line)); kept it as \(aside)"
            } else {
                readOnly = true
                notice = "bookmarks journal is unreadable and could not be set aside; bookmarks will not be saved"
            }
        case .failure(.unreadable(let reason)):
            readOnly = true
            notice = "cannot read the bookmarks journal (\(reason)); bookmarks will not be saved"
        }
    }

    /// Brings `file` up to what is on disk, under the lock: nothing to read
    /// when neither the file nor the journal changed since this reader read
    /// or wrote them (every whole write renames a new file in); the journal's
    /// new lines when only it grew (another reader's saves); all of it when
    /// the file was replaced (another reader wrote it whole).
    private func catchUp() {
        let onDisk = FileIdentity(path)
        let node = FileIdentity(journalPath)
        let sameJournal = node?.device == journalNode?.device && node?.inode == journalNode?.inode
            && Int(node?.size ?? 0) >= journalEnd
        if onDisk == known && sameJournal {
            if let size = node?.size, Int(size) > journalEnd { readJournal(from: journalEnd) }
            return
        }
        readAgain()
    }

    /// Reads the whole file and journal again (under the lock): another
    /// reader replaced the file, or it is to be written whole and only a
    /// part of it was read.
    private func readAgain() {
        partOf = nil
        let onDisk = FileIdentity(path)
        switch Self.load(path) {
        case .success(let disk):
            file = disk ?? BookmarkFile()
            known = onDisk
            journalEnd = 0
            journalNode = nil
            readJournal(from: 0)
            for c in rescued { file.apply(c) }
        case .failure:
            // The file went bad under us: keep ours in memory, never overwrite it.
            readOnly = true
            notice = "bookmarks file changed into something unreadable; bookmarks will not be saved"
        }
    }

    /// Merges this reader's changes into what is on disk and saves them, all
    /// under one lock (released any earlier, another reader could write its
    /// own over this one's changes): appended to the journal, or, when the
    /// journal has grown long, the file is not there yet or is of an older
    /// version, with the file written whole and the journal emptied. In
    /// read-only mode only memory changes.
    private func save() -> [Bookmark] {
        let lock = readOnly ? -1 : lockFile()
        defer { unlock(lock) }
        if !readOnly {
            catchUp()
            // Written whole, the file must hold every edition's bookmarks.
            if partOf != nil && mustWriteWhole { readAgain() }
        }
        let changes = pendingChanges
        for c in changes { file.apply(c) }
        var written = readOnly
        if !readOnly {
            removeOrphanedTemporaryFiles()
            do {
                if mustWriteWhole {
                    // Whole: the new version first (an older folio then
                    // leaves the file alone, and with it the journal).
                    file.version = BookmarkFile.currentVersion
                    try write(file)
                    known = FileIdentity(path)
                    rescued = []
                    try BookmarkJournal.clear(journalPath)
                    journalEnd = 0
                    journalNode = FileIdentity(journalPath)
                } else {
                    journalEnd = try BookmarkJournal.append(changes, to: journalPath, at: journalEnd)
                    journalNode = FileIdentity(journalPath)
                }
                written = true
                saveError = nil
            } catch {
                saveError = "\(error)"
                notice = "could not save bookmarks: \(error)"
            }
        }
        // What is on disk (or, read-only, in `file`) now holds these changes;
        // keeping them would undo another reader's later deletions.
        if written {
            added.removeAll()
            removed.removeAll()
            pendingPositions.removeAll()
        }
        return file.bookmarks
    }

    /// This reader's changes not yet on disk, in the order they apply.
    private var pendingChanges: [BookmarkChange] {
        removed.sorted().map { .remove(key: $0) }
            + added.values.sorted { BookmarkFile.precedes($1, $0) }.map { .add($0) }
            + pendingPositions.sorted { $0.key < $1.key }.map { .position($0.value, edition: $0.key) }
    }

    /// Whether the next save writes the file whole: changes rescued from a
    /// journal set aside, no file yet, an older version, or a long journal.
    private var mustWriteWhole: Bool {
        !rescued.isEmpty || known == nil || file.version < BookmarkFile.currentVersion || journalEnd >= Self.compactionSize
    }

    /// Temporary files are only written under the lock, so one that exists
    /// while we hold it was left by a writer that died mid-save (SIGKILL,
    /// power loss). Its process is gone; nothing confirmed is in it.
    private func removeOrphanedTemporaryFiles() {
        let dir = Self.directory(of: path)
        for name in FileSystem.list(dir) ?? [] {
            guard name.hasPrefix(".bookmarks-"), name.hasSuffix(".tmp") else { continue }
            let fields = name.dropFirst(".bookmarks-".count).split(separator: "-")
            // A live writer of another folio without this lock discipline keeps its file.
            if let pid = fields.first.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            unlink(dir + "/" + name)
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    private func write(_ f: BookmarkFile) throws {
        let dir = Self.directory(of: path)
        try Self.makeDirectories(dir)
        var data = f.printedUTF8()
        data.append(0x0A)
        let tmp = dir + "/.bookmarks-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(description: "\(tmp): \(String(cString: strerror(errno)))") }
        var ok = data.withUnsafeBytes { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(tmp)
            throw WriteError(description: "\(path): \(reason)")
        }
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// A shared lock on the lock file, when there is one (none means
    /// nothing was ever saved): readers wait while a writer folds the
    /// journal into the file.
    private func sharedLock() -> Int32 {
        let fd = open(path + ".lock", O_RDWR)
        if fd >= 0 { while flock(fd, LOCK_SH) != 0 && errno == EINTR {} }
        return fd
    }

    private func lockFile() -> Int32 {
        try? Self.makeDirectories(Self.directory(of: path))
        let fd = open(path + ".lock", O_RDWR | O_CREAT, 0o644)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
        return fd
    }

    private func unlock(_ fd: Int32) {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func makeDirectories(_ dir: String) throws {
        var current = dir.hasPrefix("/") ? "" : "."
        for part in dir.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw WriteError(description: "\(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Now in UTC, ISO 8601 (`2026-11-29T02:30:00Z`), or compact for file names.
    public static func timestamp(compact: Bool = false) -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))"
        let clock = "\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))"
        if compact { return (date + "T" + clock).filter { $0 != "-" && $0 != ":" } }
        return date + "T" + clock + "Z"
    }
}

/// One version of a file on disk: device, inode, size and modification
/// time. Every bookmark writer renames a new file in (a new inode), and an
/// edit in place changes the size or the time, so an equal identity means
/// the same bytes as when it was taken.
struct FileIdentity: Equatable {
    var device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        seconds = st.st_mtim.tv_sec
        nanoseconds = st.st_mtim.tv_nsec
    }
}
