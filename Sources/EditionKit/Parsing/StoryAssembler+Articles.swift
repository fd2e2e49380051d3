extension StoryAssembler {
    /// The page's articles in reading order, ids `PAGE.N`.
    func articles(page: String) -> [Article] {
        let assignment = HeadlineAssignment(items: items)
        let items = assignment.items
        let segmentOwner = assignment.segmentOwner
        let photoOwner = assignment.photoOwner
        let owners = assignment.owners
        func isPhoto(_ i: Int) -> Bool { if case .photo = items[i] { return true } else { return false } }

        // Build one article per body (segment or photo-news box) and per bodiless group.
        struct Draft { var anchor: Int; var article: Article; var group: Int? }
        var drafts: [Draft] = []
        var segmentDraft = [Int: Int]()
        for (i, item) in items.enumerated() {
            switch item {
            case .segment(let s):
                if segmentOwner[i] == nil, i >= 2, isPhoto(i - 1), let d = segmentDraft[i - 2], s.lead == nil {
                    // A story that runs on past a photo set inside it; a
                    // paragraph the photo cut mid-sentence goes on after it
                    // (a paragraph never ends without its sentence's end).
                    drafts[d].article.blocks = Self.continued(drafts[d].article.blocks, with: s.blocks)
                    segmentDraft[i] = d
                    continue
                }
                var a = Article()
                a.blocks = s.blocks
                a.byline = s.byline
                a.dateline = s.dateline ?? s.lead?.dateline
                if a.byline == nil { a.byline = s.lead?.reporter }
                a.jumps = s.jumps
                if let split = assignment.splits[i] {
                    // Two stories with no mark between them: the first keeps
                    // the opening (lead, a byline above it), the second the end.
                    var first = a
                    first.blocks = Array(s.blocks[..<split.at])
                    first.jumps = []
                    if !s.headedByByline { first.byline = s.lead?.reporter }
                    var second = Article()
                    second.blocks = Array(s.blocks[split.at...])
                    second.jumps = s.jumps
                    if !s.headedByByline { second.byline = s.byline }
                    second.dateline = s.dateline
                    drafts.append(Draft(anchor: i, article: first, group: segmentOwner[i]))
                    segmentDraft[i] = drafts.count
                    drafts.append(Draft(anchor: i, article: second, group: split.owner))
                    continue
                }
                segmentDraft[i] = drafts.count
                drafts.append(Draft(anchor: i, article: a, group: segmentOwner[i]))
            case .photo(let p) where photoOwner[i] != nil:
                var a = Article()
                if let c = p.caption { a.blocks.append(.paragraph(c)) }
                a.blocks.append(.photo(caption: nil, credit: p.credit))
                drafts.append(Draft(anchor: i, article: a, group: photoOwner[i]))
            case .group where !owners.contains(i):
                drafts.append(Draft(anchor: i, article: Article(), group: i))
            default: break
            }
        }
        for (d, draft) in drafts.enumerated() {
            guard let gi = draft.group, case .group(let group) = items[gi] else { continue }
            Self.apply(group, to: &drafts[d].article)
        }
        // A byline cut after one character of a name (`本报记者` / `程`), and
        // the next body, untitled, under a byline that opens on one
        // character (`龙` / `本报记者` / `潘俊强`): plain `pdftotext` printed the
        // byline's pieces apart, where the story's next column begins. The
        // pieces make one byline, and the body is the rest of the story.
        var bylineJoined = Set<Int>()
        for d in drafts.indices.dropFirst() where drafts[d].group == nil {
            let e = d - 1
            guard drafts[e].group != nil, !bylineJoined.contains(e), let cut = drafts[e].article.byline,
                  let role = Self.roleEndingInOneCharacter(cut), let rest = drafts[d].article.byline,
                  case let pieces = rest.split(separator: " ").map(String.init), pieces.count >= 2,
                  pieces[0].unicodeScalars.count == 1, pieces[0].unicodeScalars.first!.isIdeographic else { continue }
            let others = pieces.dropFirst().map { $0.hasPrefix(role) ? String($0.dropFirst(role.count)) : $0 }
            drafts[e].article.byline = cut + pieces[0] + others.joined()
            drafts[e].article.blocks = Self.continued(drafts[e].article.blocks, with: drafts[d].article.blocks)
            bylineJoined.insert(d)
        }
        // A byline over a body with no headline, right after a story whose
        // headline has no byline: the byline is that story's and the body
        // its next column (plain `pdftotext` prints a byline set beside the
        // story's first column after that column). Words tie them: the body
        // shares more with that story than with any other.
        var bodyKeys = [Int: KeySet]()
        func keysOf(_ d: Int) -> KeySet {
            if let k = bodyKeys[d] { return k }
            let k = Self.keys(drafts[d].article.bodyText)
            bodyKeys[d] = k
            return k
        }
        for d in drafts.indices.dropFirst() where drafts[d].group == nil && !bylineJoined.contains(d) {
            let e = d - 1
            guard !bylineJoined.contains(e), drafts[e].group != nil, drafts[e].article.byline == nil, !drafts[e].article.blocks.isEmpty,
                  let byline = drafts[d].article.byline, drafts[d].article.dateline == nil, !drafts[d].article.blocks.isEmpty else { continue }
            let own = keysOf(d).sharedCount(keysOf(e))
            guard own >= 3, !drafts.indices.contains(where: { $0 != d && $0 != e && !bylineJoined.contains($0) && keysOf(d).sharedCount(keysOf($0)) >= own }) else { continue }
            drafts[e].article.byline = byline
            drafts[e].article.blocks = Self.continued(drafts[e].article.blocks, with: drafts[d].article.blocks)
            bodyKeys[e] = nil
            bylineJoined.insert(d)
        }
        if !bylineJoined.isEmpty { drafts = drafts.indices.filter { !bylineJoined.contains($0) }.map { drafts[$0] } }
        // A body with no headline that opens mid-sentence goes on the
        // paragraph a story before it left unfinished (plain `pdftotext`
        // prints the rest of a column elsewhere): of those stories, the one
        // whose last paragraph shares most words with it, two or more (a
        // box set flush, `清晨5点，…`, opens full too: words must tie them).
        var joinedInto = Set<Int>()
        for d in drafts.indices {
            guard drafts[d].group == nil, case .segment(let s) = items[drafts[d].anchor], s.opensMidSentence,
                  case .paragraph(let head)? = drafts[d].article.blocks.first else { continue }
            let headKeys = Self.keys(head)
            var best: (draft: Int, shared: Int)?
            for e in 0..<d where !joinedInto.contains(e) {
                guard case .paragraph(let tail)? = drafts[e].article.blocks.last, let last = tail.unicodeScalars.last,
                      !Array(tail.unicodeScalars).endsSentence, last != "：", last != ":" else { continue }
                let shared = Self.keys(tail).sharedCount(headKeys)
                if best == nil || shared > best!.shared { best = (e, shared) }
            }
            guard let e = best?.draft, best!.shared >= 2, case .paragraph(let tail)? = drafts[e].article.blocks.last else { continue }
            drafts[e].article.blocks[drafts[e].article.blocks.count - 1] = .paragraph(Self.joined(tail, head))
            drafts[e].article.blocks += drafts[d].article.blocks.dropFirst()
            if drafts[e].article.byline == nil { drafts[e].article.byline = drafts[d].article.byline }
            joinedInto.insert(d)
        }
        if !joinedInto.isEmpty { drafts = drafts.indices.filter { !joinedInto.contains($0) }.map { drafts[$0] } }
        // Photos go to the story whose byline names the photographer, else
        // to the story whose text shares most words with the caption, else
        // (a bare credit) to the story before them, else to the story that
        // follows them, else the one before.
        var draftKeys = [Int: KeySet]()
        for (i, item) in items.enumerated() {
            guard case .photo(let p) = item, photoOwner[i] == nil else { continue }
            var target = drafts.firstIndex { Self.bylineNames($0.article.byline, credit: p.credit) }
            if target == nil, let caption = p.caption {
                let captionKeys = Self.keys(caption)
                var best = 1
                for d in drafts.indices {
                    if draftKeys[d] == nil { draftKeys[d] = Self.keys(drafts[d].article.bodyText) }
                    let shared = draftKeys[d]!.sharedCount(captionKeys)
                    if shared > best { best = shared; target = d }
                }
            }
            // A credit with no caption ends the text it credits (a photo-news
            // box prints its text, then the credit): the story before it.
            if target == nil, p.caption == nil { target = drafts.lastIndex { $0.anchor < i } }
            if target == nil { target = drafts.firstIndex { $0.anchor > i } ?? drafts.indices.last }
            guard let t = target else {
                drafts.append(Draft(anchor: i, article: Article(blocks: [.photo(caption: p.caption, credit: p.credit)]), group: nil))
                continue
            }
            let block = Block.photo(caption: p.caption, credit: p.credit)
            if drafts[t].anchor > i { drafts[t].article.blocks.insert(block, at: 0) } else { drafts[t].article.blocks.append(block) }
        }
        drafts.sort { $0.anchor < $1.anchor }
        return drafts.enumerated().map { n, d in
            var a = d.article
            a.id = "\(page).\(n + 1)"
            return a
        }
    }

    /// A story's blocks with the rest of it, printed elsewhere, after them:
    /// a paragraph left mid-sentence goes on in the first one.
    static func continued(_ blocks: [Block], with rest: [Block]) -> [Block] {
        var out = blocks
        var rest = rest[...]
        if case .paragraph(let tail)? = out.last, !tail.unicodeScalars.isEmpty, !Array(tail.unicodeScalars).endsSentence,
           case .paragraph(let head)? = rest.first {
            out[out.count - 1] = .paragraph(joined(tail, head))
            rest = rest.dropFirst()
        }
        return out + rest
    }

    /// The agency and role of a byline whose only name is one character
    /// (`本报记者程` -> `本报记者`): a name cut short.
    static func roleEndingInOneCharacter(_ byline: String) -> String? {
        let s = Array(byline.unicodeScalars)
        guard s.count >= 3, s[s.count - 1].isIdeographic, !s.contains(" ") else { return nil }
        let role = Array(s.dropLast())
        guard StoryMarks.reporterRoles.contains(where: { role.hasSuffix($0) }) else { return nil }
        return String(String.UnicodeScalarView(role))
    }

    /// A paragraph cut in two (by a photo, or by a column printed elsewhere)
    /// made one again, the pieces joined as wrapped lines are.
    static func joined(_ a: String, _ b: String) -> String {
        let pieces = [Array(a.unicodeScalars), Array(b.unicodeScalars)]
        return String(String.UnicodeScalarView(TextJoiner(lines: pieces).join(pieces)))
    }

    /// What a caption and a story, or a headline and its body, can share:
    /// pairs of adjacent ideographs, and Latin words of four letters or more
    /// (case folded, plurals as singulars).
    static func keys(_ text: String) -> KeySet {
        var c = KeyCollector(capacity: text.utf8.count / 3)
        for s in text.unicodeScalars { c.add(s) }
        return c.finish()
    }

    /// The keys of the first `limit` scalars of a run of blocks, read in
    /// place (no text is built), as they come (for a `KeyTable`).
    static func keys(_ blocks: ArraySlice<Block>, limit: Int) -> [UInt64] {
        var c = KeyCollector(capacity: min(limit, 512))
        var count = 0
        for b in blocks {
            let text: String
            switch b {
            case .paragraph(let t), .subhead(let t): text = t
            case .photo(let caption, _): text = caption ?? ""
            }
            for s in text.unicodeScalars {
                guard count < limit else { return c.finishRaw() }
                c.add(s)
                count += 1
            }
        }
        return c.finishRaw()
    }

    /// Collects keys scalar by scalar: ideograph pairs, and Latin words of
    /// four letters or more, case folded, a plural as its singular.
    struct KeyCollector {
        private var keys: [UInt64] = []
        private var prev: UInt32 = 0
        private var prevIdeographic = false
        private var word: [UInt32] = []

        /// `capacity` is a hint, kept small: the array grows as it must.
        init(capacity: Int) { keys.reserveCapacity(min(max(4, capacity), 4096)) }

        mutating func add(_ s: Unicode.Scalar) {
            // Ideographs first: most scalars of a Chinese page are.
            if s.value >= 0x3040 && s.isIdeographic {
                if prevIdeographic { keys.append(UInt64(prev) << 32 | UInt64(s.value)) }
                if !word.isEmpty { endWord() }
                prev = s.value
                prevIdeographic = true
                return
            }
            prevIdeographic = false
            prev = s.value
            if s.isWordCharacter {
                word.append(s.isUppercaseLatin && s.value < 0x80 ? s.value + 32 : s.value)
            } else if !word.isEmpty {
                endWord()
            }
        }

        private mutating func endWord() {
            // A plural is its singular (`Australians` heads a story of `Australian`s).
            if word.count > 4, word.last == 0x73, word[word.count - 2] != 0x73 { word.removeLast() }
            if word.count >= 4 {
                var h = Hasher()
                for v in word { h.combine(v) }
                keys.append(UInt64(bitPattern: Int64(h.finalize())) | 1 << 63)
            }
            word.removeAll(keepingCapacity: true)
        }

        /// The keys, sorted, each once.
        mutating func finish() -> KeySet { KeySet(unsorted: finishRaw()) }

        /// The keys as they came (repeats and all): for a body compared with
        /// a headline's few keys, sorting it would cost more than the look-ups.
        mutating func finishRaw() -> [UInt64] {
            endWord()
            return keys
        }
    }

    /// Whether a credit names the reporter of a byline (`本报记者 乔 栋` in
    /// `本报记者乔栋曹继炜`).
    static func bylineNames(_ byline: String?, credit: String?) -> Bool {
        guard let b = byline, var c = credit else { return false }
        for prefix in StoryMarks.agencies where c.hasPrefix(prefix) { c.removeFirst(prefix.count); break }
        for role in StoryMarks.reporterRoles where c.hasPrefix(role) { c.removeFirst(role.count); break }
        c = c.filter { !$0.isWhitespace }
        guard c.count >= 2 else { return false }
        return b.filter { !$0.isWhitespace }.contains(c)
    }

    static func apply(_ g: Group, to a: inout Article) {
        let lines = g.splitLines ?? g.headings.map(\.headingText)
        let parts = g.titleLine.map { HeadlineParts(lines: lines, titleLine: $0) } ?? HeadlineParts(lines: lines)
        a.kicker = parts.kicker
        a.title = parts.title
        a.subtitle = parts.subtitle
        if !g.bylines.isEmpty { a.byline = g.bylines.joined(separator: " ") }
        if !g.roleLines.isEmpty { a.bylineRole = g.roleLines.joined(separator: " ") }
    }
}
