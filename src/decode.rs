//! Text from bytes of unknown encoding: what a pipe, a script or a file on a Windows PC hands
//! over. The one decoder for standard input, `cscript` output, `phone.inf`, the saved files
//! and a record to import.
//!
//! Windows tools write UTF-16LE, with a byte-order mark or without (`cscript //U` writes
//! none); PowerShell may pipe UTF-16 with one; everything else is UTF-8 or an ANSI code page:
//! bytes that are not UTF-8 but are valid Shift-JIS (CP932, a Japanese Windows' code page and
//! Japanese Excel's CSV encoding) are read as Shift-JIS. Never an error: unreadable bytes
//! become U+FFFD (and [`Decoded::lossy`] says so), and the digits an ID is made of are ASCII in
//! every one of these encodings, so they always survive.

/// Text decoded from bytes, as they were (line ends and NUL characters untouched).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Whether some bytes could not be read in any of the encodings and became U+FFFD.
    pub lossy: bool,
}

/// The text in `bytes`, with line ends made `\n` and NUL characters dropped.
///
/// UTF-16 is recognised by its byte-order mark, or without one by its NUL bytes: text with any
/// ASCII in it (digits, spaces, line ends) has a NUL in every other byte, all on one parity.
/// A stray NUL in UTF-8 text is not enough (it must be at least one byte in eight, and all but
/// a few on the same parity).
pub fn text(bytes: &[u8]) -> String {
    let text = decode(bytes).text;
    if !text.contains(['\r', '\0']) {
        return text;
    }
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "")
}

/// The text in `bytes` as it is (see [`text`] for the encodings), line ends and all: for a
/// file whose every character matters (a CSV cell may start with a carriage return).
pub fn decode(bytes: &[u8]) -> Decoded {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8_or_code_page(rest),
        _ => match utf16_without_mark(bytes) {
            Some(unit) => utf16(bytes, unit),
            None => utf8_or_code_page(bytes),
        },
    }
}

/// UTF-8; else Shift-JIS (CP932) when every byte is valid in it; else UTF-8 with U+FFFD.
fn utf8_or_code_page(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            lossy: false,
        };
    }
    if let Some(text) =
        encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Decoded {
            text: text.into_owned(),
            lossy: false,
        };
    }
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        lossy: true,
    }
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

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Decoded {
    // A truncated file may end in half a code unit: `chunks_exact` drops it.
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut lossy = !bytes.len().is_multiple_of(2);
    let text = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    Decoded { text, lossy }
}

/// A table the program embeds, deflated by `build.rs` (0.7 MB of JSON are ~0.1 MB in the exe),
/// inflated back to its text. The bytes are the build's own; they always inflate.
pub fn inflate_embedded(deflated: &[u8]) -> String {
    let bytes = miniz_oxide::inflate::decompress_to_vec(deflated)
        .expect("build.rs deflated this table itself");
    String::from_utf8(bytes).expect("the data tables are UTF-8 JSON")
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
    fn shift_jis_is_read_when_the_bytes_are_not_utf8() {
        // "Windows " then U+65E5 U+672C U+8A9E ("Japanese") in CP932.
        let cp932 = b"Windows \x93\xFA\x96\x7B\x8C\xEA\r\n";
        assert_eq!(text(cp932), "Windows \u{65E5}\u{672C}\u{8A9E}\n");
        assert!(!decode(cp932).lossy);
        // The same characters in UTF-8 are UTF-8.
        let utf8 = "Windows \u{65E5}\u{672C}\u{8A9E}";
        assert_eq!(text(utf8.as_bytes()), utf8);
        // Neither: U+FFFD, and said.
        let junk = decode(b"{\"a\": \"\xFF\xFE\xFF\"}");
        assert!(junk.lossy);
        assert!(junk.text.contains('\u{FFFD}'));
    }

    #[test]
    fn decode_keeps_line_ends_as_they_are() {
        assert_eq!(decode(b"a\rb\r\n").text, "a\rb\r\n");
        assert_eq!(text(b"a\rb\r\n"), "a\nb\n");
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
