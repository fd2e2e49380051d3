/// A page as a PDF lays it out: its text lines with their boxes, in points,
/// y growing downwards (as `pdftotext -bbox-layout` gives them). What the
/// plain text of a page loses (type size, position, columns) is here.
public struct PageGeometry: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var lines: [PlacedLine]

    public init(width: Double, height: Double, lines: [PlacedLine]) {
        self.width = width
        self.height = height
        self.lines = lines
    }
}

/// A rectangle on a page, in points.
public struct TextBox: Sendable, Equatable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }

    /// The smallest box holding both.
    func union(_ b: TextBox) -> TextBox {
        TextBox(x0: min(x0, b.x0), y0: min(y0, b.y0), x1: max(x1, b.x1), y1: max(y1, b.y1))
    }
}

/// A word the extractor found, with its box.
public struct PlacedWord: Sendable, Equatable {
    public var box: TextBox
    public var text: String

    public init(box: TextBox, text: String) {
        self.box = box
        self.text = text
    }

    /// The size the word is set in: its box's height, or for a word set
    /// vertically (a column of characters, as Chinese titles may be) its
    /// width.
    public var typeSize: Double {
        let n = Double(text.unicodeScalars.count)
        return n >= 2 && box.height >= 1.5 * box.width && box.height >= 0.8 * n * box.width ? box.width : box.height
    }
}

/// A line of words on one baseline, as the extractor grouped them.
public struct PlacedLine: Sendable, Equatable {
    public var box: TextBox
    public var words: [PlacedWord]

    public init(box: TextBox, words: [PlacedWord]) {
        self.box = box
        self.words = words
    }

    /// The type size the line is set in: its words' box heights (the font's
    /// em box, which is what the extractor measures), weighted by their
    /// letters, so a bold word at the start (`电`) does not raise the line.
    public var size: Double {
        var weighted = 0.0, letters = 0.0
        for w in words {
            let n = Double(w.text.unicodeScalars.count)
            weighted += w.typeSize * n
            letters += n
        }
        return letters > 0 ? weighted / letters : box.height
    }
}
