//! What every command has in common on its way out and in: the exit codes, the report a
//! command returns and its delivery (in the receiving console's encoding), the one output rule
//! for files the user names, standard input read to a bound, and `--json`'s problem object.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::language::Language;
use crate::platform::{self, Stream};
use crate::words::{self, Localized};

/// Writes `text` to standard output or error in the encoding the reader can show
/// (`platform::stream_encoding`: a Japanese console's pipe gets Shift-JIS).
pub(super) fn write_encoded(stream: Stream, text: &str) -> io::Result<()> {
    let bytes = platform::encode(text, platform::stream_encoding(stream));
    match stream {
        Stream::Output => {
            let mut out = io::stdout().lock();
            out.write_all(&bytes).and_then(|()| out.flush())
        }
        Stream::Error => {
            let mut out = io::stderr().lock();
            out.write_all(&bytes).and_then(|()| out.flush())
        }
    }
}

/// JSON with every character outside ASCII written as `\uXXXX` (a pair of them outside the
/// Basic Multilingual Plane): the same JSON value, readable in any code page and unchanged by
/// any re-encoding between the program and the script that reads it. Outside strings, JSON is
/// ASCII already, so every such character is inside a string, where the escape is valid.
pub fn ascii_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// The exit codes, a stable contract; README.md ("Exit codes") says which command exits with
/// which, in one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// What was asked for was found, checked out, or written.
    Done = 0,
    /// What was found cannot be used as it is (mistyped, wrong length, ambiguous).
    Invalid = 1,
    /// Nothing could be done (nothing found, a bad command line, a write that failed).
    Unusable = 2,
}

/// What a command has to say, delivered by [`Report::deliver`].
#[derive(Debug)]
pub(super) struct Report {
    pub(super) out: String,
    /// Bytes for standard output after `out`: a file written to `-` (a QR code's PNG).
    pub(super) bytes: Vec<u8>,
    pub(super) errors: Vec<String>,
    pub(super) exit: Exit,
}

impl Report {
    pub(super) fn new() -> Report {
        Report {
            out: String::new(),
            bytes: Vec::new(),
            errors: Vec::new(),
            exit: Exit::Done,
        }
    }

    pub(super) fn line(&mut self, line: impl AsRef<str>) {
        self.out.push_str(line.as_ref());
        self.out.push('\n');
    }

    pub(super) fn json(&mut self, value: &impl Serialize) {
        let text = serde_json::to_string_pretty(value).expect("our JSON values always serialise");
        self.line(ascii_json(&text));
    }

    pub(super) fn fail(mut self, message: impl Into<String>, exit: Exit) -> Report {
        self.errors.push(message.into());
        self.exit = exit;
        self
    }

    pub(super) fn exit(mut self, exit: Exit) -> Report {
        self.exit = exit;
        self
    }

    /// Writes the report. A closed pipe ends the output quietly (the reader has what it
    /// wanted); any other write failure is one line on standard error and exit 2.
    pub(super) fn deliver(self, language: Language) -> Exit {
        // Text in the receiving console's encoding; bytes (a PNG to `-`) as they are.
        let written = write_encoded(Stream::Output, &self.out).and_then(|()| {
            let mut stdout = io::stdout().lock();
            stdout.write_all(&self.bytes).and_then(|()| stdout.flush())
        });
        for error in &self.errors {
            let _ = write_encoded(Stream::Error, &format!("{error}\n"));
        }
        match written {
            Ok(()) => self.exit,
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => self.exit,
            Err(error) => {
                let line = words::cannot_write(None, &error, language);
                let _ = write_encoded(Stream::Error, &format!("{line}\n"));
                Exit::Unusable
            }
        }
    }
}

/// Where [`write_output`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    /// `-`: standard output, after the report's text.
    StandardOutput,
    /// The file, device, pipe or link's target the user named.
    Named,
}

/// The one output rule of every command that writes a file the user names (`report --out`,
/// `qr --out`, `history --export`): `-` is standard output; anything else is written as
/// [`crate::storage::write_through`] says (a device, a pipe or a link's target written
/// through, a regular file replaced atomically). The error is the sentence to show.
pub(super) fn write_output(
    report: &mut Report,
    path: &Path,
    bytes: &[u8],
    language: Language,
) -> Result<Written, String> {
    if is_standard_stream(path) {
        report.bytes.extend_from_slice(bytes);
        return Ok(Written::StandardOutput);
    }
    crate::storage::write_through(path, bytes)
        .map(|()| Written::Named)
        .map_err(|error| words::cannot_write(Some(path), &error, language))
}

/// `-`: standard input where a file is read, standard output where one is written.
pub(super) fn is_standard_stream(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub(super) fn exit_code(exit: Exit) -> ExitCode {
    ExitCode::from(exit as u8)
}

/// The most `iid`, `cid`, `apply` and `qr` read from standard input: 1 MB. The window's box
/// holds 16 KB (a screenful of `slmgr /dlv` is 2 KB, `ospp.vbs /dinstid` with every Office
/// product some 10 KB); a log or a saved web page with an ID in it may be much longer, and a
/// megabyte is still read and searched in well under a second.
pub const ID_INPUT_LIMIT: u64 = 1024 * 1024;

/// The most `install-key` reads from standard input: 4 KB. A key is 29 characters; a line
/// such as `Product key: XXXXX-...` with a byte-order mark and UTF-16 fits many times over.
pub const KEY_INPUT_LIMIT: u64 = 4 * 1024;

/// Standard input past a command's bound ([`ID_INPUT_LIMIT`], [`KEY_INPUT_LIMIT`]): nothing
/// past it is read, and the command does nothing (exit 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TooLong {
    pub limit: u64,
}

impl Localized for TooLong {
    fn message(&self, language: Language) -> String {
        words::standard_input_too_long(self.limit, language)
    }
}

/// The arguments joined with spaces, or standard input (at most `limit` bytes; past it,
/// [`TooLong`] and nothing more is read), decoded whatever its encoding (see
/// [`crate::decode::text`]).
pub(super) fn input(text: &[String], limit: u64) -> Result<String, TooLong> {
    if !text.is_empty() {
        return Ok(text.join(" "));
    }
    read_standard_input(limit)
        .map(|bytes| crate::decode::text(&bytes))
        .ok_or(TooLong { limit })
}

/// Standard input's bytes when there are at most `limit`; `None` when there are more (never
/// more than `limit` + 1 bytes are held). An unreadable stdin is treated as empty: the
/// command then says nothing was found.
pub(super) fn read_standard_input(limit: u64) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let _ = io::stdin().lock().take(limit + 1).read_to_end(&mut bytes);
    (bytes.len() as u64 <= limit).then_some(bytes)
}

/// What `--json` prints when there is no answer to give (nothing found, a letter for a digit,
/// standard input too long, the licensing service out of reach): one object,
/// `{"problem": {...}}`, so that standard output is always one JSON value.
#[derive(Debug, Serialize)]
pub(super) struct Unanswered {
    pub problem: ProblemJson,
}

/// A problem as `--json` says it: its `kind` (a stable code), the group (`"4"`) or block
/// (`"C"`) it is in, the character that does not belong, and the sentence.
#[derive(Debug, Serialize)]
pub(super) struct ProblemJson {
    pub kind: &'static str,
    pub part: Option<String>,
    pub character: Option<String>,
    pub message: String,
}

impl ProblemJson {
    pub(super) fn new(kind: &'static str, message: String) -> ProblemJson {
        ProblemJson {
            kind,
            part: None,
            character: None,
            message,
        }
    }
}

/// The one table of exit codes (README "Exit codes") for a problem with an ID: nothing
/// ID-like found is exit 2, like a command line or input that cannot be used; something
/// found but wrong (a letter for a digit, a typo, a wrong length, two different IDs) is 1.
pub(super) fn exit_for(problem: &crate::id::IdProblem) -> Exit {
    use crate::id::IdProblem;
    match problem {
        IdProblem::NotFound { .. } | IdProblem::Unmatched { .. } => Exit::Unusable,
        IdProblem::WrongLength { .. }
        | IdProblem::Mistyped { .. }
        | IdProblem::LookalikeLetter { .. }
        | IdProblem::Beside { .. }
        | IdProblem::SeveralDifferent { .. } => Exit::Invalid,
    }
}
