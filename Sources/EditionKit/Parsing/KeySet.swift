/// The words of a headline or a caption as cohesion compares them
/// (`StoryAssembler.keys`): sorted, each once. A body's keys go in a
/// `KeyTable` instead, built without sorting.
struct KeySet: Equatable {
    private(set) var keys: [UInt64]

    init(unsorted: [UInt64]) {
        var k = unsorted
        k.sort()
        var out: [UInt64] = []
        out.reserveCapacity(k.count)
        for v in k where out.last != v { out.append(v) }
        keys = out
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
