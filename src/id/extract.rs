//! Finding digit runs that may be IDs in arbitrary pasted text.
//!
//! Labels are not trusted (they are localised and change between Windows versions): the
//! extractor looks for digits. A run is either one unbroken stretch of digits, or a chain of
//! short pieces (up to 7 digits, the longest group) joined by spaces, hyphens or line breaks -
//! how people and wizards write IDs in groups. Anything else (a letter, a dot, a colon, a blank
//! line) ends a chain, so an Extended PID such as `03612-04921-000-000001-00-1033-26100.0000-...`,
//! GUIDs and version numbers never grow into, or glue onto, an ID.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use super::check_digit::group_is_consistent;
use super::format::{LONGEST_GROUP, is_id_length, layouts};
use super::labels::{find_labels, label_head, unlabel};
use super::normalize::{is_separator, normalize};

/// The most copies of one ID in a row read as that ID (Ctrl+V pressed twice, or three
/// times); more is a long run of digits, to be reported with its length.
const MAX_COPIES: usize = 3;

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
    /// Where the run lies in the normalised text, first digit to last (for `lookalike`).
    pub span: Range<usize>,
    /// What stands beside the run unread, holding a digit (`O26296` before `483130-...`,
    /// `5806167` after a block, a group on the line after): what a slip may have cut off the
    /// ID, so the run is never taken as an ID of a shorter format without this being said.
    pub beside: Option<String>,
}

/// Every ASCII digit of the (normalised) text, in order, with the pieces they were typed in.
/// For a field the user types an ID into, where nothing but the ID is expected.
pub fn all_digits(text: &str) -> DigitRun {
    let text = normalize(text);
    let mut run = DigitRun {
        digits: String::new(),
        pieces: Vec::new(),
        label: None,
        span: 0..text.len(),
        beside: None,
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

/// Finds every ID-like run (at least `MIN_ID_LIKE_DIGITS` digits) in order of appearance.
/// Linear in the length of the text.
pub fn find_runs(text: &str) -> Vec<DigitRun> {
    let normalized = normalize(text);
    scan(&unlabel(&normalized))
}

/// What a text in which no run was found holds: how many pieces of each length up to the
/// longest group (maximal stretches of digits, not touching a letter), and whether it has
/// labels. To say what was seen when a whole ID's worth of groups could not be read as one.
#[derive(Debug, Default)]
pub struct Seen {
    pub pieces: [usize; LONGEST_GROUP + 1],
    pub labelled: bool,
}

pub fn seen(text: &str) -> Seen {
    let text = normalize(text);
    let bytes = text.as_bytes();
    let mut seen = Seen {
        labelled: !find_labels(&text).is_empty(),
        ..Seen::default()
    };
    let mut start = 0;
    while let Some(offset) = bytes[start..].iter().position(u8::is_ascii_digit) {
        let from = start + offset;
        let to = from
            + bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let touches_a_letter = (from > 0 && bytes[from - 1].is_ascii_alphabetic())
            || bytes.get(to).is_some_and(u8::is_ascii_alphabetic);
        if let Some(count) = seen.pieces.get_mut(to - from).filter(|_| !touches_a_letter) {
            *count += 1;
        }
        start = to;
    }
    seen
}

/// [`find_runs`] on text already normalised and unlabelled.
pub(crate) fn scan(text: &str) -> Vec<DigitRun> {
    let mut finder = RunFinder {
        text,
        found: Vec::new(),
        chain: Vec::new(),
        line_breaks: Vec::new(),
        searched_up_to: 0,
    };

    // Bytes, not chars: digits and the common separators are ASCII, so only the lead byte of
    // a multi-byte character needs decoding (to recognise Unicode dashes).
    let bytes = text.as_bytes();
    let mut piece_start: Option<usize> = None;
    let mut piece_after_line_break = false;
    let mut newlines_since_piece = 0;
    let mut i = 0;
    while i < bytes.len() {
        if piece_start.is_none() && finder.chain.is_empty() {
            // Between IDs nothing but the next digit matters: skip to it.
            match bytes[i..].iter().position(u8::is_ascii_digit) {
                Some(offset) => i += offset,
                None => break,
            }
        }
        let byte = bytes[i];
        if byte.is_ascii_digit() {
            if piece_start.is_none() {
                if newlines_since_piece >= 2 {
                    finder.end_chain();
                }
                piece_start = Some(i);
                piece_after_line_break = newlines_since_piece > 0;
            }
            i += 1;
            continue;
        }
        if let Some(start) = piece_start.take() {
            finder.add_piece(start, i, piece_after_line_break);
            newlines_since_piece = 0;
        }
        let (c, width) = if byte.is_ascii() {
            (char::from(byte), 1)
        } else {
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        };
        if c == '\n' {
            newlines_since_piece += 1;
        } else if !is_separator(c) {
            finder.end_chain();
        }
        i += width;
    }
    if let Some(start) = piece_start {
        finder.add_piece(start, text.len(), piece_after_line_break);
    }
    finder.end_chain();
    let mut found = finder.found;
    let spans: Vec<Range<usize>> = found.iter().map(|run| run.span.clone()).collect();
    for run in &mut found {
        run.beside = beside(text, &run.span, &spans);
    }
    found
}

/// What stands beside a run, unread: on its line, the token of ASCII letters and digits next
/// to it (before, else after) with nothing but separators between, when it holds a digit;
/// else, when the run begins (ends) its line, the line before (after) it when that holds
/// nothing but digits, separators and at most one letter (a group or block on a line of its
/// own, as IDs are typed a line a group, with a slip in it). Never a part of another run (a second copy of the same ID). `ID 4891263...`
/// and `ID: 4891263...` have nothing beside them: a word without digits, or punctuation, stands
/// there; nor has an ID under a heading or beside an Extended PID's line, which hold letters
/// or dots.
fn beside(text: &str, span: &Range<usize>, runs: &[Range<usize>]) -> Option<String> {
    let between = |c: char| is_separator(c) && !matches!(c, '\n' | '\r');
    let unread = |range: Range<usize>| {
        let token = text[range.clone()].trim();
        let other_run = runs
            .iter()
            .any(|run| run.start < range.end && range.start < run.end && *run != *span);
        (token.bytes().any(|b| b.is_ascii_digit()) && !other_run).then(|| token.to_string())
    };
    let before = text[..span.start].trim_end_matches(between);
    let token_start = before.len()
        - before
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
    let after_start = text.len() - text[span.end..].trim_start_matches(between).len();
    let token_end = after_start
        + text.as_bytes()[after_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    // A line of nothing but digits and separators, and at most one letter (a slip for a
    // digit: `J00000` on the line after seven blocks), after a label if it has one.
    let digit_line = |line: Range<usize>| {
        // After a label of its own (`H: a00000` under blocks A-G labelled).
        let start =
            label_head(text, line.start).map_or(line.start, |(_, _, end)| end.min(line.end));
        let line_text = &text[start..line.end];
        let digits_only = line_text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || is_separator(c));
        let letters = line_text.bytes().filter(u8::is_ascii_alphabetic).count();
        (digits_only && letters <= 1)
            .then(|| unread(line))
            .flatten()
    };
    let line_before = || {
        let line_end = before.strip_suffix('\n')?.trim_end_matches('\r').len();
        let line_start = text[..line_end].rfind('\n').map_or(0, |at| at + 1);
        digit_line(line_start..line_end)
    };
    let line_after = || {
        let rest = &text[after_start..];
        let rest = rest.strip_prefix('\r').unwrap_or(rest);
        // `unlabel` put a `|` where the separator after a labelled ID's last piece was.
        let rest = match rest.strip_prefix('|') {
            Some(rest) => rest.trim_start_matches(between),
            None => rest.strip_prefix('\n')?,
        };
        let line_start = text.len() - rest.len();
        let line_end = line_start + rest.find('\n').unwrap_or(rest.len());
        digit_line(line_start..line_end)
    };
    unread(token_start..before.len())
        .or_else(|| unread(after_start..token_end))
        .or_else(line_before)
        .or_else(line_after)
}

struct RunFinder<'a> {
    text: &'a str,
    found: Vec<DigitRun>,
    /// Byte ranges of the pieces of the chain being built.
    chain: Vec<(usize, usize)>,
    /// For each piece of the chain, whether a line break comes before it.
    line_breaks: Vec<bool>,
    /// Where the search for a `Name:` label may start: after the previous ID.
    searched_up_to: usize,
}

impl RunFinder<'_> {
    fn add_piece(&mut self, start: usize, end: usize, after_line_break: bool) {
        let long = end - start > LONGEST_GROUP;
        // A group's worth of digits touching a letter belongs to a word (the end of a GUID
        // such as `...c201bd155852`, `Office16`, `x64`), never to an ID: it ends the chain and is
        // dropped. (A GUID line's last six digits once passed their check and became an ID's
        // first group.) A whole ID run into a word (`...139061121Use the phone...`, line breaks
        // lost in a copy) is a long piece and stays.
        let bytes = self.text.as_bytes();
        let touches_a_letter = (start > 0 && bytes[start - 1].is_ascii_alphabetic())
            || bytes.get(end).is_some_and(u8::is_ascii_alphabetic);
        if touches_a_letter && !long {
            self.end_chain();
            return;
        }
        if long {
            self.end_chain();
        }
        self.chain.push((start, end));
        self.line_breaks.push(after_line_break);
        if long {
            self.end_chain();
        }
    }

    /// Records the chain as runs: the IDs laid out on lines of their own inside it; else the
    /// whole chain when it has an ID's length (typed in irregular groups); else IDs laid out
    /// anywhere inside it; else the whole chain as found (to be reported with its length), as
    /// when which pieces make the ID cannot be told.
    fn end_chain(&mut self) {
        let whole = 0..self.chain.len();
        let length: usize = self.chain.iter().map(|(s, e)| e - s).sum();
        let mut windows = self.id_windows(true);
        if windows.as_ref().is_some_and(Vec::is_empty) && !is_id_length(length) {
            if let Some(copies) = self.copies(length) {
                for copy in copies {
                    self.found_run(&copy);
                }
                self.chain.clear();
                self.line_breaks.clear();
                return;
            }
            windows = self.id_windows(false);
        }
        let windows = match windows {
            Some(windows) if !windows.is_empty() => windows,
            _ => vec![whole],
        };
        let chain = std::mem::take(&mut self.chain);
        for window in windows {
            self.found_run(&chain[window]);
        }
        self.chain = chain;
        self.chain.clear();
        self.line_breaks.clear();
    }

    /// The chain as copies of one ID, when it is nothing else: the same ID pasted twice in a
    /// row (Ctrl+V pressed twice), with or without a separator between the copies. Each copy
    /// is then a run of its own, so it is read once and never as another ID made of the end of
    /// one copy and the start of the next (16 blocks of 6 once read as a 54-digit ID and a
    /// 7-block one). The pieces of each copy, as byte ranges.
    fn copies(&self, length: usize) -> Option<Vec<Vec<(usize, usize)>>> {
        // Two copies of the shortest ID at the least: most chains end far shorter.
        if length < 2 * MIN_ID_LIKE_DIGITS {
            return None;
        }
        let mut lengths = layouts()
            .map(|layout| layout.iter().sum::<usize>())
            .filter(|&one| length.is_multiple_of(one) && (2..=MAX_COPIES).contains(&(length / one)))
            .peekable();
        lengths.peek()?;
        let bytes = self.text.as_bytes();
        let digits: Vec<u8> = self
            .chain
            .iter()
            .flat_map(|&(s, e)| bytes[s..e].iter().copied())
            .collect();
        let one = lengths.find(|&one| digits.chunks(one).all(|copy| copy == &digits[..one]))?;
        // Each copy's pieces: the chain's pieces cut where one copy ends and the next begins.
        let mut copies = vec![Vec::new()];
        let mut taken = 0;
        for &(mut start, end) in &self.chain {
            while start < end {
                let room = one - taken;
                let cut = (start + room).min(end);
                copies.last_mut()?.push((start, cut));
                taken += cut - start;
                start = cut;
                if taken == one {
                    copies.push(Vec::new());
                    taken = 0;
                }
            }
        }
        copies.retain(|copy| !copy.is_empty());
        Some(copies)
    }

    /// Records these pieces of the chain (byte ranges) as a run, if they are long enough to
    /// be ID-like.
    fn found_run(&mut self, pieces: &[(usize, usize)]) {
        let (Some(&(start, _)), Some(&(_, end))) = (pieces.first(), pieces.last()) else {
            return;
        };
        let length: usize = pieces.iter().map(|(s, e)| e - s).sum();
        if length < MIN_ID_LIKE_DIGITS {
            return;
        }
        let mut digits = String::with_capacity(length);
        for &(s, e) in pieces {
            digits.push_str(&self.text[s..e]);
        }
        let pieces = pieces.iter().map(|(s, e)| e - s).collect();
        let label = self.label_before(start);
        self.searched_up_to = end;
        self.found.push(DigitRun {
            digits,
            pieces,
            label,
            span: start..end,
            beside: None,
        });
    }

    /// The IDs inside a chain. Bare values copied from slmgr /dlv can put an Extended PID
    /// (`03612-04921-...-26100.0000-2062025`) or the end of a GUID on the line before or after an
    /// ID typed in groups, a heading its version or build number, and a line break separates
    /// groups too; two IDs typed in groups can follow each other line by line. A stretch of
    /// pieces laid out exactly like a format (9 groups of 7, ...) with every group consistent
    /// is an ID; the pieces around it are not. With `on_own_lines`, only stretches that start
    /// and end lines count: a stray piece passes its check one time in ten, and random pieces
    /// can add up to an ID's length.
    ///
    /// `None` when a stray piece beside a stretch would make one as good with the stretch's
    /// other end left out (`2610001` over nine groups, all ten consistent): which is the ID
    /// cannot be told.
    fn id_windows(&self, on_own_lines: bool) -> Option<Vec<Range<usize>>> {
        let chain = &self.chain;
        let bytes = self.text.as_bytes();
        let fits_at = |i: usize, layout: &[usize]| {
            chain.get(i..i + layout.len()).is_some_and(|pieces| {
                pieces
                    .iter()
                    .zip(layout.iter())
                    .all(|(&(s, e), &len)| e - s == len && group_is_consistent(&bytes[s..e]))
            })
        };
        let starts_line = |i: usize| match i {
            0 => self.starts_line(chain[0].0),
            _ => self.line_breaks[i],
        };
        // The chain's end is one: what ends a chain (a word, a blank line) ends the ID too.
        let ends_line = |end: usize| end == chain.len() || self.line_breaks[end];
        let counts = |i: usize, len: usize| !on_own_lines || (starts_line(i) && ends_line(i + len));
        let mut windows: Vec<Range<usize>> = Vec::new();
        let mut i = 0;
        while i < chain.len() {
            match layouts().find(|layout| fits_at(i, layout) && counts(i, layout.len())) {
                Some(layout) => {
                    let len = layout.len();
                    let stray_before = i > windows.last().map_or(0, |w| w.end);
                    let stray_after = chain.len() > i + len && !fits_at(i + len, layout);
                    let shifted = |from: usize| fits_at(from, layout) && counts(from, len);
                    if (stray_before && shifted(i - 1)) || (stray_after && shifted(i + 1)) {
                        return None;
                    }
                    windows.push(i..i + len);
                    i += len;
                }
                None => i += 1,
            }
        }
        Some(windows)
    }

    /// Whether the piece at `at` starts its line or the value after a label's colon
    /// (`Installation ID: 000000` on the line above the other groups), not the end of a
    /// heading's line (`Windows 10 Build 190443`).
    fn starts_line(&self, at: usize) -> bool {
        let before = self.text[..at].trim_end_matches([' ', '\t', '\r', '-']);
        before.is_empty() || before.ends_with(['\n', ':'])
    }

    /// `Installation ID for: <LicenseName>: ` on the same line (ospp.vbs), else the nearest
    /// `Name: ...` line since the previous ID (slmgr /dlv).
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
        let line = &self.text[line_start..start];
        if line.contains(':')
            && let Some(caps) = OSPP.captures(line)
        {
            return Some(caps[1].to_string());
        }
        let since_previous = &self.text[from..line_start];
        if !since_previous.contains("Name:") {
            return None;
        }
        SLMGR_NAME
            .captures_iter(since_previous)
            .last()
            .map(|caps| caps[1].to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text as Japanese input writes it: full-width letters, digits and colons, and the
    /// ideographic space.
    fn full_width(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                ' ' => '\u{3000}',
                '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                c => c,
            })
            .collect()
    }

    fn digits_of(text: &str) -> Vec<String> {
        find_runs(text).into_iter().map(|r| r.digits).collect()
    }

    #[test]
    fn full_width_digits_and_colon_are_read() {
        let runs = find_runs(&full_width(
            "IID:1234567 2345678 3456789 4567890 5678901 6789012",
        ));
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].digits, "123456723456783456789456789056789016789012");
        assert_eq!(runs[0].pieces, vec![7; 6]);
    }

    #[test]
    fn numbered_symbols_never_become_digits() {
        let id = "4891263 4325701 2289105 5465220 8520533 2958764 1588510 1112713 9061121";
        // Circled 1, superscript 1, "1." as one character, subscript 2.
        for text in [
            format!("\u{2460} {id}"),
            format!("{id} \u{B9}"),
            format!("\u{2488} {id} \u{2082}"),
        ] {
            assert_eq!(digits_of(&text), vec![id.replace(' ', "")], "{text}");
        }
        // Real digits in other widths still count, and Japanese dashes separate groups.
        let long_vowel = "\u{30FC}";
        assert_eq!(
            normalize(&format!("{}{long_vowel}5", full_width("123 4"))),
            format!("123 4{long_vowel}5")
        );
        assert_eq!(
            find_runs(&id.replace(' ', long_vowel))[0].pieces,
            vec![7; 9]
        );
    }

    #[test]
    fn extended_pid_is_never_id_like() {
        assert!(
            digits_of("Extended PID: 03612-04921-000-000001-00-1033-26100.0000-2062025").is_empty()
        );
    }

    #[test]
    fn stray_pieces_before_or_after_grouped_ids_are_dropped() {
        let groups = "4891263 4325701 2289105 5465220 8520533 2958764 1588510 1112713 9061121";
        let digits = groups.replace(' ', "");
        for text in [
            format!("03612-04921-000-000001-00-1033-26100.0000-2062025\n{groups}\n55c92734-d682"),
            format!("Activation ID: 4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c\n{groups}\n4de7cb65"),
        ] {
            assert_eq!(digits_of(&text), vec![digits.clone()], "{text}");
        }
        // Without a stretch laid out like a format whose groups all check out, the chain stands
        // as found (4 + 7 stray digits and 53 of the ID) and is reported with its length.
        let truncated = &groups[..60];
        assert_eq!(
            digits_of(&format!("0000-2062025\n{truncated}"))[0].len(),
            4 + 7 + 53
        );
        // Two IDs typed in groups on consecutive lines are two IDs.
        assert_eq!(
            digits_of(&format!("{groups}\n{groups}")),
            vec![digits.clone(), digits]
        );
    }

    #[test]
    fn digits_touching_a_letter_are_never_a_group() {
        // Found by the property test: the GUID line's last six digits pass their check digit,
        // and with nine groups of six on the lines below made a 9x6 ID of the wrong digits.
        let zeros = "000000\r\n".repeat(9);
        let text = format!("426a7ae3-8b1b-c5a3-7e0d-c201bd155852\n{zeros}22003-77567-036");
        assert_eq!(digits_of(&text), vec!["0".repeat(54)]);
        // A whole ID is kept even when a lost line break glued a word to it.
        assert_eq!(
            digits_of(&format!("ID: {IID}Use the phone number")),
            vec![IID.to_string()]
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

    const CID: &str = "426296483130829081394993064403777482905722580616";
    const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";

    /// The ID's digits in groups of `size`, each after a label made by `label(n)`.
    fn labelled(digits: &str, size: usize, label: impl Fn(usize) -> String, gap: &str) -> String {
        digits
            .as_bytes()
            .chunks(size)
            .enumerate()
            .map(|(n, group)| format!("{}{}", label(n), std::str::from_utf8(group).unwrap()))
            .collect::<Vec<_>>()
            .join(gap)
    }

    #[test]
    fn labelled_blocks_and_groups_are_found() {
        let letter = |n: usize| char::from(b'A' + n as u8).to_string();
        for text in [
            labelled(CID, 6, |n| format!("{}: ", letter(n)), " "),
            labelled(CID, 6, |n| format!("{}\t", letter(n)), "\n"),
            labelled(CID, 6, |n| format!("{}. ", letter(n).to_lowercase()), "  "),
            labelled(CID, 6, |n| format!("Block {} ", letter(n)), ", "),
            full_width("A:426296 B:483130 C:829081 D:394993 E:064403 F:777482 G:905722 H:580616"),
        ] {
            assert_eq!(digits_of(&text), vec![CID.to_string()], "{text}");
        }
        for text in [
            labelled(IID, 7, |n| format!("{}: ", n + 1), " "),
            labelled(IID, 7, |n| format!("{}) ", n + 1), "\n"),
            labelled(
                IID,
                7,
                |n| format!("\u{30B0}\u{30EB}\u{30FC}\u{30D7}{} ", n + 1),
                " ",
            ),
            labelled(IID, 7, |n| format!("Group {}: ", n + 1), "\n"),
        ] {
            assert_eq!(digits_of(&text), vec![IID.to_string()], "{text}");
        }
    }

    #[test]
    fn labels_never_glue_neighbours_into_an_id() {
        let blocks = labelled(CID, 6, |n| format!("{}: ", char::from(b'A' + n as u8)), " ");
        for text in [
            format!("Extended PID: 03612-04921-000-000001-00-1033-26100.0000-2062025\n{blocks}"),
            format!("{blocks}\n4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c"),
            format!("Version 10.0.26100 1234 {blocks} 5678"),
        ] {
            assert_eq!(digits_of(&text), vec![CID.to_string()], "{text}");
        }
        // Out of order, or too few: the labels stay, and so nothing is found.
        let shuffled =
            "A: 426296 C: 829081 B: 483130 D: 394993 E: 064403 F: 777482 G: 905722 H: 580616";
        assert!(digits_of(shuffled).is_empty());
        assert!(digits_of("A: 426296 B: 483130 C: 829081").is_empty());
        // A list of numbered items is not an ID.
        assert!(digits_of("1. 12 apples 2. 3 pears 3. 45 plums").is_empty());
    }

    #[test]
    fn all_digits_keeps_typed_pieces() {
        let run = all_digits("12a34 5");
        assert_eq!(run.digits, "12345");
        assert_eq!(run.pieces, vec![2, 2, 1]);
    }
}
