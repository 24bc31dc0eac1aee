//! Finding digit runs that may be IDs in arbitrary pasted text.
//!
//! Labels are not trusted (they are localised and change between Windows versions): the
//! extractor looks for digits. A run is either one unbroken stretch of digits, or a chain of
//! short pieces (up to 7 digits, the longest group) joined by spaces, hyphens or line breaks —
//! how people and wizards write IDs in groups. Anything else (a letter, a dot, a colon, a blank
//! line) ends a chain, so an Extended PID such as `03612-04921-000-000001-00-1033-26100.0000-…`,
//! GUIDs and version numbers never grow into, or glue onto, an ID.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// The longest group any ID format has; longer stretches of digits stand on their own.
const LONGEST_GROUP: usize = 7;

/// Fewer digits than this is not ID-like: the shortest ID has 42 digits, the longest
/// non-ID run in slmgr output (an Extended PID) has 30.
pub const MIN_ID_LIKE_DIGITS: usize = 36;

/// Digits found in text, with the grouping they were typed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitRun {
    pub digits: String,
    /// Length of each piece as typed (one piece when the digits were unbroken).
    pub pieces: Vec<usize>,
    /// The product the text names for this run (`ospp.vbs /dinstid`, `slmgr /dlv`), if any.
    pub label: Option<String>,
}

/// NFKC-normalises text so full-width digits, colons and spaces become ASCII.
/// ASCII text (almost every paste) is returned as it is, without copying.
pub fn normalize(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// Every ASCII digit of the (normalised) text, in order, with the pieces they were typed in.
/// For a field the user types an ID into, where nothing but the ID is expected.
pub fn all_digits(text: &str) -> DigitRun {
    let text = normalize(text);
    let mut run = DigitRun {
        digits: String::new(),
        pieces: Vec::new(),
        label: None,
    };
    let mut in_piece = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.digits.push(c);
            match (in_piece, run.pieces.last_mut()) {
                (true, Some(last)) => *last += 1,
                _ => run.pieces.push(1),
            }
            in_piece = true;
        } else {
            in_piece = false;
        }
    }
    run
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}'
    )
}

/// Finds every ID-like run (at least `MIN_ID_LIKE_DIGITS` digits) in order of appearance.
/// Linear in the length of the text.
pub fn find_runs(text: &str) -> Vec<DigitRun> {
    let text = normalize(text);
    let text = text.as_ref();
    let mut finder = RunFinder {
        text,
        found: Vec::new(),
        chain: Vec::new(),
        searched_up_to: 0,
    };

    let mut piece_start: Option<usize> = None;
    let mut newlines_since_piece = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            if piece_start.is_none() {
                if newlines_since_piece >= 2 {
                    finder.end_chain();
                }
                piece_start = Some(i);
            }
            continue;
        }
        if let Some(start) = piece_start.take() {
            finder.add_piece(start, i);
            newlines_since_piece = 0;
        }
        if c == '\n' {
            newlines_since_piece += 1;
        } else if !is_separator(c) {
            finder.end_chain();
        }
    }
    if let Some(start) = piece_start {
        finder.add_piece(start, text.len());
    }
    finder.end_chain();
    finder.found
}

struct RunFinder<'a> {
    text: &'a str,
    found: Vec<DigitRun>,
    /// Byte ranges of the pieces of the chain being built.
    chain: Vec<(usize, usize)>,
    /// Where the search for a `Name:` label may start: after the previous ID.
    searched_up_to: usize,
}

impl RunFinder<'_> {
    fn add_piece(&mut self, start: usize, end: usize) {
        if end - start > LONGEST_GROUP {
            self.end_chain();
            self.chain.push((start, end));
            self.end_chain();
        } else {
            self.chain.push((start, end));
        }
    }

    fn end_chain(&mut self) {
        let (Some(&(start, _)), Some(&(_, end))) = (self.chain.first(), self.chain.last()) else {
            return;
        };
        let length: usize = self.chain.iter().map(|(s, e)| e - s).sum();
        if length >= MIN_ID_LIKE_DIGITS {
            let mut digits = String::with_capacity(length);
            for &(s, e) in &self.chain {
                digits.push_str(&self.text[s..e]);
            }
            let label = self.label_before(start);
            self.searched_up_to = end;
            self.found.push(DigitRun {
                digits,
                pieces: self.chain.iter().map(|(s, e)| e - s).collect(),
                label,
            });
        }
        self.chain.clear();
    }

    /// `Installation ID for: <LicenseName>: ` on the same line (ospp.vbs), else the nearest
    /// `Name: …` line since the previous ID (slmgr /dlv).
    fn label_before(&self, start: usize) -> Option<String> {
        static OSPP: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)installation id for:\s*([^:]+?)\s*:\s*$").unwrap());
        static SLMGR_NAME: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?m)^[ \t]*Name:[ \t]*(\S[^\r\n]*?)[ \t]*\r?$").unwrap());

        // Only the text since the previous ID is searched, so the whole scan stays linear even
        // with thousands of IDs on one line.
        let from = self.searched_up_to;
        let line_start = self.text[from..start]
            .rfind('\n')
            .map_or(from, |i| from + i + 1);
        if let Some(caps) = OSPP.captures(&self.text[line_start..start]) {
            return Some(caps[1].to_string());
        }
        let since_previous = &self.text[from..line_start];
        SLMGR_NAME
            .captures_iter(since_previous)
            .last()
            .map(|caps| caps[1].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits_of(text: &str) -> Vec<String> {
        find_runs(text).into_iter().map(|r| r.digits).collect()
    }

    #[test]
    fn full_width_digits_and_colon_are_read() {
        let runs = find_runs(
            "ＩＩＤ：１２３４５６７ ２３４５６７８ ３４５６７８９ ４５６７８９０ ５６７８９０１ ６７８９０１２",
        );
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].digits, "123456723456783456789456789056789016789012");
        assert_eq!(runs[0].pieces, vec![7; 6]);
    }

    #[test]
    fn extended_pid_is_never_id_like() {
        assert!(
            digits_of("Extended PID: 03612-04921-000-000001-00-1033-26100.0000-2062025").is_empty()
        );
    }

    #[test]
    fn a_blank_line_separates_two_ids() {
        let group = "1234567 ";
        let one = group.repeat(9);
        let text = format!("{one}\n\n{one}");
        assert_eq!(find_runs(&text).len(), 2);
    }

    #[test]
    fn a_long_run_does_not_glue_to_its_neighbours() {
        let long = "1".repeat(63);
        assert_eq!(digits_of(&format!("12 {long} 345")), vec![long]);
    }

    #[test]
    fn labels_come_from_ospp_and_slmgr() {
        let id = "1".repeat(63);
        let ospp = format!("Installation ID for: Office 16, Office16ProPlusVL_MAK edition: {id}\n");
        assert_eq!(
            find_runs(&ospp)[0].label.as_deref(),
            Some("Office 16, Office16ProPlusVL_MAK edition")
        );
        let dlv = format!(
            "Name: Windows(R), Professional edition\nDescription: x\nInstallation ID: {id}\n"
        );
        assert_eq!(
            find_runs(&dlv)[0].label.as_deref(),
            Some("Windows(R), Professional edition")
        );
        assert_eq!(find_runs(&format!("Installation ID: {id}"))[0].label, None);
    }

    #[test]
    fn all_digits_keeps_typed_pieces() {
        let run = all_digits("12a34 5");
        assert_eq!(run.digits, "12345");
        assert_eq!(run.pieces, vec![2, 2, 1]);
    }
}
