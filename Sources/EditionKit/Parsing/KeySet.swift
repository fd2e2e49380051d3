/// The words of a text as cohesion compares them (`StoryAssembler.keys`):
/// sorted, each once, and in a small probe table, so that a body's keys are
/// counted against a headline's without hashing or sorting the body.
struct KeySet: Equatable {
    private(set) var keys: [UInt64]

    /// The keys in an open-addressing table (0 marks a free slot; no key is
    /// 0), for counting a body's keys against these without sorting them.
    private(set) var slots: [UInt64]

    init(unsorted: [UInt64]) {
        var k = unsorted
        k.sort()
        var out: [UInt64] = []
        out.reserveCapacity(k.count)
        for v in k where out.last != v { out.append(v) }
        keys = out
        var size = 8
        while size < out.count * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        for v in out where v != 0 {
            var i = Self.slot(v, size)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = v
        }
    }

    @inline(__always)
    private static func slot(_ v: UInt64, _ size: Int) -> Int { Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 40) & (size - 1) }

    /// How many of these keys occur among `raw` (a body's keys as they
    /// came, repeats and all): one table probe a key.
    func sharedCount(raw: [UInt64]) -> Int {
        guard !keys.isEmpty else { return 0 }
        let size = slots.count
        // Which slots were found: a word of bits for a headline's table, an
        // array for a larger one.
        var bits: UInt64 = 0
        var seen = size > 64 ? [Bool](repeating: false, count: size) : []
        var n = 0
        slots.withUnsafeBufferPointer { table in
            for v in raw where v != 0 {
                var i = Self.slot(v, size)
                while table[i] != 0 {
                    if table[i] == v {
                        if size <= 64 {
                            if bits & (1 << UInt64(i)) == 0 { bits |= 1 << UInt64(i); n += 1 }
                        } else if !seen[i] {
                            seen[i] = true; n += 1
                        }
                        break
                    }
                    i = (i + 1) & (size - 1)
                }
            }
        }
        return n
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// How many keys the two share: each key of the smaller looked up in
    /// the larger (a headline's twenty keys in a body's four hundred).
    func sharedCount(_ other: KeySet) -> Int {
        let (small, large) = keys.count <= other.keys.count ? (keys, other.keys) : (other.keys, keys)
        var n = 0
        for v in small where Self.contains(large, v) { n += 1 }
        return n
    }

    private static func contains(_ sorted: [UInt64], _ v: UInt64) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == v
    }

    func union(_ other: KeySet) -> KeySet { KeySet(unsorted: keys + other.keys) }

    func isSuperset(of other: KeySet) -> Bool { sharedCount(other) == other.count }
}

/// A body's keys in a probe table, built once per body without sorting, so
/// that a headline's few keys are each looked up in one probe.
struct KeyTable {
    private var slots: [UInt64]

    init(_ raw: [UInt64]) {
        var size = 16
        while size < raw.count * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        for v in raw where v != 0 {
            var i = Self.slot(v, size)
            while slots[i] != 0 && slots[i] != v { i = (i + 1) & (size - 1) }
            slots[i] = v
        }
    }

    @inline(__always)
    private static func slot(_ v: UInt64, _ size: Int) -> Int { Int(truncatingIfNeeded: (v &* 0x9E37_79B9_7F4A_7C15) >> 40) & (size - 1) }

    func contains(_ v: UInt64) -> Bool {
        var i = Self.slot(v, slots.count)
        while slots[i] != 0 {
            if slots[i] == v { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }

    /// How many of a headline's keys the body holds.
    func sharedCount(_ headline: KeySet) -> Int {
        var n = 0
        for v in headline.keys where contains(v) { n += 1 }
        return n
    }
}
