//! Text measurement in display cells (deviation D13), cutting, padding and the word wrap of
//! spec/shell-language.md §7.7.

use unicode_width::UnicodeWidthChar;

/// The number of display cells `ch` takes. Control characters (a tab inside a value) count
/// as one cell, as PowerShell's `DisplayCells.Length` counts them.
pub(crate) fn char_width(ch: char) -> usize {
    ch.width().unwrap_or(1)
}

/// The number of display cells `text` takes (D13: cells, not characters or UTF-16 units).
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// The longest prefix of `text` that fits in `cells` display cells.
pub(crate) fn take_prefix(text: &str, cells: usize) -> &str {
    let mut used = 0;
    for (index, ch) in text.char_indices() {
        let width = char_width(ch);
        if used + width > cells {
            return &text[..index];
        }
        used += width;
    }
    text
}

/// The longest suffix of `text` that fits in `cells` display cells.
pub(crate) fn take_suffix(text: &str, cells: usize) -> &str {
    let mut used = 0;
    for (index, ch) in text.char_indices().rev() {
        let width = char_width(ch);
        if used + width > cells {
            return &text[index + ch.len_utf8()..];
        }
        used += width;
    }
    text
}

/// Splits `text` at CR LF, lone CR and LF (the newline rule of §2.1).
pub(crate) fn split_newlines(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\r' => {
                pieces.push(&text[start..index]);
                index += if bytes.get(index + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = index;
            }
            b'\n' => {
                pieces.push(&text[start..index]);
                index += 1;
                start = index;
            }
            _ => index += 1,
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// `text` without trailing whitespace (deviation D2 applies this to every rendered line).
pub(crate) fn trim_line(text: String) -> String {
    let trimmed = text.trim_end();
    if trimmed.len() == text.len() {
        text
    } else {
        trimmed.to_string()
    }
}

/// Word-wraps one line (no newlines) to `width` display cells, as §7.7 describes.
///
/// A line that fits is returned as it is. Otherwise the line is split into words, each
/// ending with the space or tab that ended it; words are added greedily while they fit in
/// the room left on the current line (their trailing space included), and a word wider
/// than `width` is cut character by character: it continues the current line and spills
/// onto as many further lines as it needs, as PowerShell's `StringManipulationHelper` does.
/// A character wider than `width` itself becomes `?`. Wrapped lines normally end with the
/// space that ended their last word; callers trim them (D2). A `width` of 0 counts as 1.
pub fn word_wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if display_width(line) <= width {
        return vec![line.to_string()];
    }
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut room = width;
    for word in split_words(line) {
        let word_width = display_width(word);
        if word_width > width {
            for ch in word.chars() {
                let (ch, ch_width) = match char_width(ch) {
                    w if w > width => ('?', 1),
                    w => (ch, w),
                };
                if ch_width > room {
                    lines.push(std::mem::take(&mut current));
                    room = width;
                }
                current.push(ch);
                room -= ch_width;
            }
        } else {
            if word_width > room {
                lines.push(std::mem::take(&mut current));
                room = width;
            }
            current.push_str(word);
            room -= word_width;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The words of `line`, each keeping the space or tab that ended it.
fn split_words(line: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    for (index, ch) in line.char_indices() {
        if ch == ' ' || ch == '\t' {
            words.push(&line[start..index + 1]);
            start = index + 1;
        }
    }
    if start < line.len() {
        words.push(&line[start..]);
    }
    words
}

/// A scalar printed on its own (§7.2 rule 3): its text split at newlines, each line
/// right-trimmed (D2), with no blank-line framing.
pub fn scalar_lines(text: &str) -> Vec<String> {
    split_newlines(text)
        .into_iter()
        .map(|line| line.trim_end().to_string())
        .collect()
}

/// Compares two strings ordinally ignoring case (deviation D7), for the sorted layouts.
pub(crate) fn compare_ignore_case(left: &str, right: &str) -> std::cmp::Ordering {
    left.chars()
        .flat_map(char::to_uppercase)
        .cmp(right.chars().flat_map(char::to_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s7_7_line_that_fits_is_kept() {
        assert_eq!(word_wrap("a b c", 5), vec!["a b c"]);
    }

    #[test]
    fn s7_7_trailing_space_counts_when_filling() {
        // "abc " needs 4 cells: with 3 left it moves to the next line.
        assert_eq!(word_wrap("ab abc de", 6), vec!["ab ", "abc de"]);
    }

    #[test]
    fn s7_7_long_word_is_cut_character_by_character() {
        assert_eq!(word_wrap("ab abcdefghij", 5), vec!["ab ab", "cdefg", "hij"]);
    }

    #[test]
    fn s7_7_wide_characters_are_measured_in_cells() {
        assert_eq!(display_width("日本"), 4);
        assert_eq!(word_wrap("日本 語", 4), vec!["日本", " 語"]);
    }

    #[test]
    fn d13_control_characters_take_one_cell() {
        assert_eq!(display_width("a\tb"), 3);
    }

    #[test]
    fn d13_cut_respects_cells() {
        assert_eq!(take_prefix("日本語", 5), "日本");
        assert_eq!(take_suffix("日本語", 5), "本語");
        assert_eq!(take_prefix("abc", 0), "");
    }

    #[test]
    fn s2_1_newline_kinds() {
        assert_eq!(split_newlines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_newlines(""), vec![""]);
    }
}
