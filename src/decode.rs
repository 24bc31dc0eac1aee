//! Text from bytes of unknown encoding: what a pipe, a script or a file on a Windows PC hands
//! over. The one decoder for standard input, `cscript` output and `phone.inf`.
//!
//! Windows tools write UTF-16LE, with a byte-order mark or without (`cscript //U` writes
//! none); PowerShell may pipe UTF-16 with one; everything else is UTF-8 or an ANSI code page
//! such as CP932. Never an error: unreadable bytes become U+FFFD, and the digits an ID is made
//! of are ASCII in every one of these encodings, so they always survive.

/// The text in `bytes`, with line ends made `\n` and NUL characters dropped.
///
/// UTF-16 is recognised by its byte-order mark, or without one by its NUL bytes: text with any
/// ASCII in it (digits, spaces, line ends) has a NUL in every other byte, all on one parity.
/// A stray NUL in UTF-8 text is not enough (it must be at least one byte in eight, and all but
/// a few on the same parity).
pub fn text(bytes: &[u8]) -> String {
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => match utf16_without_mark(bytes) {
            Some(unit) => utf16(bytes, unit),
            None => String::from_utf8_lossy(bytes).into_owned(),
        },
    };
    if !text.contains(['\r', '\0']) {
        return text;
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "")
}

/// How to read a code unit, when the NUL bytes say the text is UTF-16 without a mark.
fn utf16_without_mark(bytes: &[u8]) -> Option<fn([u8; 2]) -> u16> {
    let at_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let at_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |these: usize, those: usize| these * 8 >= bytes.len() && these > 4 * those;
    if mostly(at_odd, at_even) {
        Some(u16::from_le_bytes)
    } else if mostly(at_even, at_odd) {
        Some(u16::from_be_bytes)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    // A truncated file may end in half a code unit: `chunks_exact` drops it.
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Installation ID" in Japanese (katakana), as a Japanese Windows labels it.
    const JAPANESE_LABEL: &str = "\u{30A4}\u{30F3}\u{30B9}\u{30C8}\u{30FC}\u{30EB} ID";

    fn utf16le(words: &str) -> Vec<u8> {
        words.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf16le_with_and_without_a_mark() {
        let written = format!("{JAPANESE_LABEL}: 123\r\n");
        let expected = format!("{JAPANESE_LABEL}: 123\n");
        let mut with_mark = vec![0xFF, 0xFE];
        with_mark.extend(utf16le(&written));
        assert_eq!(text(&with_mark), expected);
        assert_eq!(text(&utf16le(&written)), expected);
    }

    #[test]
    fn utf16be_utf8_and_its_mark() {
        let be: Vec<u8> = "ID: 42".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(text(&be), "ID: 42");
        let utf8 = format!("{JAPANESE_LABEL}\r\n");
        assert_eq!(text(utf8.as_bytes()), format!("{JAPANESE_LABEL}\n"));
        assert_eq!(text(b"\xEF\xBB\xBFok"), "ok");
    }

    #[test]
    fn an_ansi_code_page_keeps_its_digits() {
        // "ID: 12" preceded by two CP932 bytes (not UTF-8).
        assert!(text(b"\x83\x43ID: 12").ends_with("ID: 12"));
    }

    #[test]
    fn a_stray_nul_in_utf8_is_not_utf16() {
        let bytes =
            b"Installation ID: 4891263432570122891055465220852053329587641588510111271390\x0061121";
        assert_eq!(
            text(bytes),
            "Installation ID: 489126343257012289105546522085205332958764158851011127139061121"
        );
    }
}
