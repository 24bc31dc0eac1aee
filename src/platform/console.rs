//! The console a command was started from.

/// Lets a release build (`windows_subsystem = "windows"`, no console of its own) print to the
/// console it was started from, so CLI subcommands work in `cmd` and PowerShell.
///
/// Does nothing when standard output already goes somewhere (redirected to a file or pipe), so
/// `app.exe --json > out.json` keeps working. Returns whether standard output now goes
/// somewhere; always `true` on other OSes, where this is a no-op.
///
/// A GUI-subsystem program does not make the shell wait: the prompt may come back before the
/// output. Callers that want a clean prompt can print a final newline.
pub fn attach_parent_console() -> bool {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
        use windows_sys::Win32::System::Console::{
            ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
        };
        // SAFETY: plain Win32 calls with constant arguments; no pointers are passed.
        unsafe {
            let handle = GetStdHandle(STD_OUTPUT_HANDLE);
            if !handle.is_null() && handle != INVALID_HANDLE_VALUE {
                return true;
            }
            AttachConsole(ATTACH_PARENT_PROCESS) != 0
        }
    }
    #[cfg(not(windows))]
    {
        true
    }
}

/// How the program's text is written to standard output or standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputEncoding {
    /// As it is: UTF-8 (a pipe or file with no console, and every OS but Windows), or a console
    /// itself, which Rust's standard library writes in UTF-16 (`WriteConsoleW`).
    AsIs,
    /// In a console's code page (932: Shift-JIS), for a pipe or file whose text a console shows:
    /// `app iid --json | findstr` in a Japanese `cmd`, `app status > out.txt` then `type`.
    CodePage(&'static encoding_rs::Encoding),
    /// A console code page with no table here (437, 850 ...): ASCII as it is and `?` for the
    /// rest, as Windows itself writes what a code page cannot show.
    Ascii,
}

/// The encoding for a stream: `to_console` when the stream is a console, `console_code_page`
/// the output code page of the console the program runs in (`GetConsoleOutputCP`, 0 when it
/// has none). UTF-8 when there is no console or its code page is UTF-8 (65001).
pub fn output_encoding(to_console: bool, console_code_page: u32) -> OutputEncoding {
    if to_console {
        return OutputEncoding::AsIs;
    }
    let table = match console_code_page {
        0 | 65001 => return OutputEncoding::AsIs,
        932 => encoding_rs::SHIFT_JIS,
        936 => encoding_rs::GBK,
        949 => encoding_rs::EUC_KR,
        950 => encoding_rs::BIG5,
        866 => encoding_rs::IBM866,
        874 => encoding_rs::WINDOWS_874,
        1250 => encoding_rs::WINDOWS_1250,
        1251 => encoding_rs::WINDOWS_1251,
        1252 => encoding_rs::WINDOWS_1252,
        1253 => encoding_rs::WINDOWS_1253,
        1254 => encoding_rs::WINDOWS_1254,
        1255 => encoding_rs::WINDOWS_1255,
        1256 => encoding_rs::WINDOWS_1256,
        1257 => encoding_rs::WINDOWS_1257,
        1258 => encoding_rs::WINDOWS_1258,
        20866 => encoding_rs::KOI8_R,
        21866 => encoding_rs::KOI8_U,
        _ => return OutputEncoding::Ascii,
    };
    OutputEncoding::CodePage(table)
}

/// `text` in `encoding`; a character the code page has not becomes `?`.
pub fn encode(text: &str, encoding: OutputEncoding) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    match encoding {
        OutputEncoding::AsIs => Cow::Borrowed(text.as_bytes()),
        OutputEncoding::Ascii if text.is_ascii() => Cow::Borrowed(text.as_bytes()),
        OutputEncoding::Ascii => Cow::Owned(
            text.chars()
                .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
                .collect(),
        ),
        OutputEncoding::CodePage(table) => {
            let mut encoder = table.new_encoder();
            let mut out = Vec::with_capacity(text.len() + 16);
            let mut rest = text;
            loop {
                out.reserve(rest.len() + 16);
                let (result, read) =
                    encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
                rest = &rest[read..];
                match result {
                    encoding_rs::EncoderResult::InputEmpty => break,
                    encoding_rs::EncoderResult::OutputFull => {}
                    encoding_rs::EncoderResult::Unmappable(_) => out.push(b'?'),
                }
            }
            Cow::Owned(out)
        }
    }
}

/// Which standard stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Output,
    Error,
}

/// The encoding for standard output or error as this process has them (see
/// [`output_encoding`]); always [`OutputEncoding::AsIs`] on other OSes.
pub fn stream_encoding(stream: Stream) -> OutputEncoding {
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Console::{
            GetConsoleMode, GetConsoleOutputCP, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
        };
        let which = match stream {
            Stream::Output => STD_OUTPUT_HANDLE,
            Stream::Error => STD_ERROR_HANDLE,
        };
        // SAFETY: plain Win32 calls; the mode is written to a local.
        let (to_console, code_page) = unsafe {
            let handle = GetStdHandle(which);
            let mut mode = 0;
            (GetConsoleMode(handle, &mut mode) != 0, GetConsoleOutputCP())
        };
        output_encoding(to_console, code_page)
    }
    #[cfg(not(windows))]
    {
        let _ = stream;
        OutputEncoding::AsIs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_console_gets_the_text_as_it_is_whatever_its_code_page() {
        for code_page in [0, 437, 932, 65001] {
            assert_eq!(output_encoding(true, code_page), OutputEncoding::AsIs);
        }
    }

    #[test]
    fn a_pipe_in_a_japanese_console_gets_shift_jis() {
        let encoding = output_encoding(false, 932);
        assert_eq!(encoding, OutputEncoding::CodePage(encoding_rs::SHIFT_JIS));
        let bytes = encode("\u{78ba}\u{8a8d} ID: 123\n", encoding);
        // The two kanji in Shift-JIS, then ASCII as it is.
        assert_eq!(&bytes[..], b"\x8a\x6d\x94\x46 ID: 123\n");
        let (back, _, errors) = encoding_rs::SHIFT_JIS.decode(&bytes);
        assert!(!errors);
        assert_eq!(back, "\u{78ba}\u{8a8d} ID: 123\n");
    }

    #[test]
    fn a_pipe_with_no_console_or_a_utf8_console_gets_utf8() {
        assert_eq!(output_encoding(false, 0), OutputEncoding::AsIs);
        assert_eq!(output_encoding(false, 65001), OutputEncoding::AsIs);
        assert_eq!(
            &encode("\u{2713} OK", OutputEncoding::AsIs)[..],
            "\u{2713} OK".as_bytes()
        );
    }

    #[test]
    fn other_code_pages_get_their_table_or_ascii() {
        assert_eq!(
            output_encoding(false, 1252),
            OutputEncoding::CodePage(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            output_encoding(false, 936),
            OutputEncoding::CodePage(encoding_rs::GBK)
        );
        assert_eq!(output_encoding(false, 437), OutputEncoding::Ascii);
        assert_eq!(output_encoding(false, 850), OutputEncoding::Ascii);
        assert_eq!(
            &encode("\u{2713} OK \u{2014} 1", OutputEncoding::Ascii)[..],
            b"? OK ? 1"
        );
    }

    #[test]
    fn a_character_the_code_page_lacks_becomes_a_question_mark() {
        // U+2713 (check mark) and an emoji are not in Shift-JIS; the text around them is.
        let bytes = encode("\u{2713} OK \u{1F600}!", output_encoding(false, 932));
        assert_eq!(&bytes[..], b"? OK ?!");
        let long = "\u{3042}".repeat(10_000);
        let bytes = encode(&long, output_encoding(false, 932));
        assert_eq!(bytes.len(), 20_000);
    }
}
