//! Text as the readings see it: full-width digits and punctuation made ASCII (NFKC, keeping
//! numbered symbols out of IDs), other scripts' digits read as digits, and what may stand
//! between the groups of an ID.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// NFKC-normalises text so full-width digits, colons, hyphens and spaces become ASCII.
/// ASCII text (almost every paste) is returned as it is, without copying.
///
/// Two departures from plain NFKC, both to keep IDs whole: characters that NFKC turns into
/// digits without being digits (circled, superscript, subscript and full-stop digits such as
/// U+2460, U+00B9, U+2082, U+2488) stay as they are, so a list marker never
/// adds a digit to an ID; and the character-by-character mapping skips kana and kanji, which
/// NFKC leaves alone anyway (whole-text NFKC of a 1 MB Japanese paste took ~12 ms).
pub fn normalize(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut normalized = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // ASCII stretches are copied whole.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        normalized.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        match c {
            // Full-width ASCII (letters, digits, colons): the common case in Japanese text, done
            // directly.
            '\u{FF01}'..='\u{FF5E}' => {
                normalized.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c))
            }
            '\u{3000}' => normalized.push(' '),
            // Kana and CJK ideographs are their own NFKC form.
            '\u{3041}'..='\u{3096}'
            | '\u{30A1}'..='\u{30FA}'
            | '\u{30FC}'
            | '\u{4E00}'..='\u{9FFF}' => normalized.push(c),
            c => {
                // Digits NFKC leaves in their own script.
                if let Some(digit) = other_script_digit(c) {
                    normalized.push(digit);
                    continue;
                }
                let start = normalized.len();
                normalized.extend(std::iter::once(c).nfkc());
                let made_digits = normalized[start..].bytes().any(|b| b.is_ascii_digit());
                if made_digits && !is_plain_digit(c) {
                    normalized.truncate(start);
                    normalized.push(c);
                }
            }
        }
    }
    Cow::Owned(normalized)
}

/// The ASCII digit for a digit of a script NFKC leaves alone: Arabic-Indic (U+0660-0669) and
/// Eastern Arabic-Indic (U+06F0-06F9), as an Arabic or Persian keyboard or page writes them.
pub(crate) fn other_script_digit(c: char) -> Option<char> {
    let zero = match c {
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return None,
    };
    char::from_digit(c as u32 - zero, 10)
}

/// Digits written in another width or font that really are digits (full-width U+FF11,
/// mathematical bold U+1D7CF), as opposed to numbered symbols (circled U+2460, superscript
/// U+00B9).
fn is_plain_digit(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{1D7CE}'..='\u{1D7FF}' | '\u{1FBF0}'..='\u{1FBF9}')
}

/// What may stand between the groups of one ID: spaces, tabs, line breaks and dashes,
/// including the ones Japanese text uses (the long-vowel mark U+30FC, the box-drawing line
/// U+2500; the full-width hyphen U+FF0D is already `-`).
pub(crate) fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '-' | '\u{2010}'
            ..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{2500}' | '\u{FF70}'
    )
}
