//! Byte-offset spans into one source text.

/// A half-open byte range `start..end` into the source text of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// 1-based line and 1-based character column of `start` in `source`
    /// (CR LF and lone CR count as one newline; columns count Unicode scalar values).
    pub fn line_col(self, source: &str) -> (usize, usize) {
        let before = &source[..self.start.min(source.len())];
        let mut line = 1;
        let mut col = 1;
        let mut prev_cr = false;
        for ch in before.chars() {
            match ch {
                '\n' if prev_cr => {}
                '\n' | '\r' => {
                    line += 1;
                    col = 1;
                }
                _ => col += 1,
            }
            prev_cr = ch == '\r';
        }
        (line, col)
    }
}
