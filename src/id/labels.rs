//! Labels in front of an ID's parts (`A: 426296`, `1 4891263`, the portal's card with its
//! letters in a row over the blocks, a form's numbered fields): found, checked to run in
//! order, and blanked out so the labelled parts chain like any others.

use std::borrow::Cow;

use super::format::LONGEST_GROUP;
use super::normalize::is_separator;

/// How many labelled parts in order make a labelled ID: the fewest parts any format has (an
/// XP-era Confirmation ID's 7 blocks).
const MIN_LABELLED_PARTS: u8 = 7;

/// Labels and the pieces of digits they name: one label in front of its piece (`A: 426296`,
/// `A-426296`, `1 4891263`, `(1) 4891263`, the Japanese word for group and its number), or a
/// row of labels over as many pieces (`A B C D E` over five blocks, as the portal's card
/// copies).
#[derive(Debug)]
pub(crate) struct Label {
    start: usize,
    /// Where the first piece starts: before it, only labels and separators.
    pieces_start: usize,
    /// Where the last piece ends.
    end: usize,
    /// The first label's: 0 for `A` or `1`, 1 for `B` or `2`, ...
    ordinal: u8,
    /// How many labels, each naming one piece.
    count: u8,
    numeric: bool,
    /// More labels than pieces on their line (a table's last cells empty): the row ends with
    /// its line, and a piece after it is not a block whose label was lost.
    short: bool,
}

/// The text with the labels of labelled IDs blanked out, so their groups chain like any
/// others: `A: 426296 B: 483130 ... H: 580616`, `A<TAB>426296<NEWLINE>B<TAB>...`, the card's
/// `A B C D E` over five blocks and `F G H` over three, `1: 4891263 2: 4325701 ...`, and the
/// same numbered with the Japanese word for group.
///
/// Only labels that run in order from `A` or `1`, at least seven of them, each naming its
/// piece of digits with nothing but separators before the next label, count: a lone letter, a
/// list number, an Extended PID, a GUID or a version number never does, so nothing is glued
/// into an ID. Nor do they when a piece as long as their last follows it: a block whose label
/// was lost, so which blocks the labels name cannot be told. A `|` (which ends every chain)
/// replaces the first label and the separator after the last piece, so neighbouring digits
/// (a heading's) stay out, and everything else between the first label and the last piece
/// becomes a space, so a blank line between rows does not split the ID. The text keeps its
/// length, so positions in it are positions in the normalised text.
pub(crate) fn unlabel(text: &str) -> Cow<'_, str> {
    let labels = find_labels(text);
    let parts: usize = labels.iter().map(|label| usize::from(label.count)).sum();
    if parts < usize::from(MIN_LABELLED_PARTS) {
        return Cow::Borrowed(text);
    }
    if let Some(reordered) = in_label_order(text, &labels) {
        return Cow::Owned(reordered);
    }
    // Copied only once a labelled ID is found: label lookalikes alone (`1 1 1 ...`) leave the
    // text as it is.
    let mut unlabelled: Option<Vec<u8>> = None;
    let mut k = 0;
    while k < labels.len() {
        let first = &labels[k];
        let mut parts = first.count;
        let mut end = k + 1;
        while end < labels.len() {
            let (previous, next) = (&labels[end - 1], &labels[end]);
            let between = &text[previous.end..next.start];
            if next.numeric != first.numeric
                || next.ordinal != previous.ordinal + previous.count
                || !between.chars().all(|c| is_separator(c) || is_list_mark(c))
            {
                break;
            }
            parts += next.count;
            end += 1;
        }
        let last = &labels[end - 1];
        if first.ordinal != 0
            || parts < MIN_LABELLED_PARTS
            || (!last.short && unlabelled_piece_after(text, last))
        {
            k += 1;
            continue;
        }
        let bytes = unlabelled.get_or_insert_with(|| text.as_bytes().to_vec());
        blank(bytes, text, &labels[k..end]);
        k = end;
    }
    // Only whole labels (ASCII, or whole Japanese words) and whole separators were replaced,
    // by ASCII: still UTF-8.
    match unlabelled {
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())),
        None => Cow::Borrowed(text),
    }
}

/// Labelled parts laid out in columns (`1: ... 6: ...` on one line, `2: ... 7: ...` on the
/// next, as a two-column form copies): every label names one piece, each label from the first
/// to the last once, read down the columns, all pieces as long, nothing but separators
/// between them, and not in order as they stand. The text with the pieces moved into label order (each piece into the place of the
/// one its label's order puts there: as long, so the text keeps its length), the labels
/// blanked and the run closed with `|` as [`unlabel`] does. `None` for any other text.
fn in_label_order(text: &str, labels: &[Label]) -> Option<String> {
    let first = labels.first()?;
    let length = |label: &Label| label.end - label.pieces_start;
    let in_columns = labels.len() >= usize::from(MIN_LABELLED_PARTS)
        && labels.iter().all(|label| {
            label.count == 1 && label.numeric == first.numeric && length(label) == length(first)
        })
        && labels
            .windows(2)
            .any(|pair| pair[1].ordinal < pair[0].ordinal)
        && labels.windows(2).all(|pair| {
            text[pair[0].end..pair[1].start]
                .chars()
                .all(|c| is_separator(c) || is_list_mark(c))
        });
    // Read down each column, then the next: (column on its line, line) in order is the labels'
    // order, over more than one line and more than one column. Labels out of order on one line
    // are not columns (which blocks they name cannot be told).
    let mut line = 0;
    let mut column = 0;
    let mut placed: Vec<(usize, usize, &Label)> = Vec::new();
    for (n, label) in labels.iter().enumerate() {
        if n > 0 && text[labels[n - 1].end..label.start].contains('\n') {
            line += 1;
            column = 0;
        }
        placed.push((column, line, label));
        column += 1;
    }
    placed.sort_by_key(|&(column, line, _)| (column, line));
    let by_ordinal: Vec<&Label> = placed.iter().map(|&(_, _, label)| label).collect();
    let every_label_once_in_columns = line > 0
        && placed.iter().any(|&(column, ..)| column > 0)
        && by_ordinal
            .iter()
            .enumerate()
            .all(|(n, label)| usize::from(label.ordinal) == n);
    if !in_columns || !every_label_once_in_columns {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for (place, piece) in labels.iter().zip(&by_ordinal) {
        bytes[place.pieces_start..place.end]
            .copy_from_slice(&text.as_bytes()[piece.pieces_start..piece.end]);
    }
    blank(&mut bytes, text, labels);
    String::from_utf8(bytes).ok()
}

/// Blanks a labelled ID in `bytes` (a copy of `text`, the same length): its labels and
/// everything between its first label and its last piece but digits become spaces, and a `|`
/// (which ends every chain) stands in place of the first label and of the separator after the
/// last piece, so neighbouring digits stay out.
fn blank(bytes: &mut [u8], text: &str, labels: &[Label]) {
    let (Some(first), Some(last)) = (labels.first(), labels.last()) else {
        return;
    };
    for label in labels {
        bytes[label.start..label.pieces_start].fill(b' ');
    }
    for byte in &mut bytes[first.start..last.end] {
        if !byte.is_ascii_digit() {
            *byte = b' ';
        }
    }
    bytes[first.start] = b'|';
    if let Some(c) = text[last.end..].chars().next().filter(|&c| is_separator(c)) {
        bytes[last.end..last.end + c.len_utf8()].fill(b' ');
        bytes[last.end] = b'|';
    }
}

/// Whether a piece of digits as long as `label`'s last follows it, with nothing but
/// separators between.
fn unlabelled_piece_after(text: &str, label: &Label) -> bool {
    let last_piece = text.as_bytes()[label.pieces_start..label.end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let rest = text[label.end..].trim_start_matches(is_separator);
    rest.bytes().take_while(u8::is_ascii_digit).count() == last_piece
}

/// What may stand between labelled parts besides separators: `A 426296, B 483130; ...`.
fn is_list_mark(c: char) -> bool {
    matches!(c, ',' | ';' | '/' | '|')
}

/// Every label candidate, in order.
pub(crate) fn find_labels(text: &str) -> Vec<Label> {
    let bytes = text.as_bytes();
    let mut labels = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let after_word_character = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
        match (!after_word_character && text.is_char_boundary(i))
            .then(|| label_at(text, i))
            .flatten()
        {
            Some(label) => {
                i = label.end;
                labels.push(label);
            }
            None => i += 1,
        }
    }
    labels
}

/// Skips the bytes in `what` from `at`.
fn skip(bytes: &[u8], mut at: usize, what: &[u8]) -> usize {
    while at < bytes.len() && what.contains(&bytes[at]) {
        at += 1;
    }
    at
}

/// The labels starting at `start` and the pieces of digits they name, if there are as many
/// pieces as labels.
fn label_at(text: &str, start: usize) -> Option<Label> {
    let bytes = text.as_bytes();
    let (ordinal, numeric, first_end) = label_head(text, start)?;
    // A row of labels: each the next in order, with nothing but separators between. Where
    // each label of the row ends.
    let mut ends = vec![first_end];
    while let Some(&at) = ends.last()
        && let Some((next, next_numeric, end)) = label_head(text, skip(bytes, at, b" \t\r\n"))
        && usize::from(next) == usize::from(ordinal) + ends.len()
        && next_numeric == numeric
    {
        ends.push(end);
    }
    // The longest row with a piece of digits for each label (`10: 11` is label 10 and its
    // piece, not labels 10 and 11 without pieces).
    (1..=ends.len()).rev().find_map(|count| {
        let mut at = ends[count - 1];
        // Labels in a row on one line head a row of pieces on one line (a copied table): a
        // piece on the next line is not theirs, even when a cell at the row's end is empty.
        let labels_on_one_line = !bytes[start..at].contains(&b'\n');
        let mut pieces_start = None;
        let mut pieces = 0;
        for _ in 0..count {
            let gap = skip(bytes, at, b" \t\r\n");
            if pieces > 0 && labels_on_one_line && bytes[at..gap].contains(&b'\n') {
                break;
            }
            at = gap;
            let digits = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if !(1..=LONGEST_GROUP).contains(&digits) {
                return None;
            }
            pieces_start.get_or_insert(at);
            at += digits;
            pieces += 1;
        }
        Some(Label {
            start,
            pieces_start: pieces_start?,
            end: at,
            ordinal,
            count: u8::try_from(pieces).ok()?,
            numeric,
            short: pieces < count,
        })
    })
}

/// One label at `start`: its ordinal, whether it is a number, and where it ends.
pub(crate) fn label_head(text: &str, start: usize) -> Option<(u8, bool, usize)> {
    // Group and block, in English and in katakana (as a Japanese page labels them).
    const WORDS: [&str; 4] = [
        "group",
        "block",
        "\u{30B0}\u{30EB}\u{30FC}\u{30D7}",
        "\u{30D6}\u{30ED}\u{30C3}\u{30AF}",
    ];
    let bytes = text.as_bytes();
    let bracketed = matches!(bytes.get(start), Some(b'(' | b'['));
    let rest = &text[start + usize::from(bracketed)..];
    let word = WORDS.iter().find(|word| {
        rest.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    });
    let mut at = start + usize::from(bracketed) + word.map_or(0, |w| w.len());
    // Spaces only after a bracket or a word: a bare label starts at its letter or digit (where
    // `find_labels` tries it anyway), and skipping a run of spaces from each of its positions
    // made a long run quadratic.
    if bracketed || word.is_some() {
        at = skip(bytes, at, b" \t");
    }
    // Letters and numbers past an ID's last (I, 10...) are labels too, so a block or group
    // written twice under labels of its own makes the labelled ID too long rather than leaving
    // a line beside it unread.
    let (mut ordinal, numeric) = match *bytes.get(at)? {
        c @ b'A'..=b'Z' => (c - b'A', false),
        c @ b'a'..=b'z' => (c - b'a', false),
        c @ b'1'..=b'9' => (c - b'1', true),
        _ => return None,
    };
    at += 1;
    if numeric && let Some(&unit @ b'0'..=b'9') = bytes.get(at) {
        ordinal = (ordinal + 1) * 10 + (unit - b'0') - 1;
        at += 1;
    }
    let next = bytes.get(at).copied().unwrap_or(b' ');
    if next.is_ascii_alphanumeric() {
        return None;
    }
    at = skip(bytes, at, b" \t");
    let punctuation = bytes.get(at).copied().filter(|c| match bracketed {
        true => b")]".contains(c),
        false => b":.)-".contains(c),
    });
    at += usize::from(punctuation.is_some());
    if bracketed && punctuation.is_none() {
        return None;
    }
    // Without a word before it, a label needs its colon, full stop, bracket or dash, or a space
    // or line break after it: `e3cc` in a GUID is no label. (A number counts alone, as in
    // `1 4891263`: only nine of them in order before their groups make an ID.)
    let spaced = matches!(next, b' ' | b'\t' | b'\n' | b'\r');
    (word.is_some() || punctuation.is_some() || spaced).then_some((ordinal, numeric, at))
}
