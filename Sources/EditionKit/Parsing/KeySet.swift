/// The words of a text as cohesion compares them (`StoryAssembler.keys`):
/// sorted, each once, so that two are compared in one merge pass — cheaper
/// than hashing every key of every body into a `Set`.
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

    func union(_ other: KeySet) -> KeySet { KeySet(unsorted: keys + other.keys) }

    func isSuperset(of other: KeySet) -> Bool { sharedCount(other) == other.count }
}
