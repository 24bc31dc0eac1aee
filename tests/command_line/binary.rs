//! The built binary, run as a shell would run it: the C locale (a test that wants another
//! language says `--lang`), standard input a pipe, its data folder where the test says.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use activation_companion::record::{ActivationRecord, RecordStore};
use serde_json::Value;

pub const BINARY: &str = env!("CARGO_BIN_EXE_activation-companion");

/// The binary with `args` and `stdin` (none: an empty standard input), its data folder `home`
/// (none: the user's own), in the folder `cwd` (none: this one).
pub fn run_at(
    cwd: Option<&Path>,
    home: Option<&Path>,
    args: &[&str],
    stdin: Option<&[u8]>,
) -> Output {
    let mut command = Command::new(BINARY);
    command
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(home) = home {
        command.env("ACTIVATION_COMPANION_HOME", home);
    }
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    let mut child = command.spawn().expect("the binary runs");
    let mut input = child.stdin.take().expect("a pipe");
    if let Some(bytes) = stdin {
        // The child may stop reading early; a broken pipe is not this test's concern.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().expect("the binary ends")
}

/// The binary with `args` and `stdin`.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_at(None, None, args, stdin)
}

/// The binary with its data folder in `home`.
pub fn run_in(home: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_at(None, Some(home), args, stdin)
}

/// A data folder whose record holds `record`.
pub fn home_with(record: &ActivationRecord) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("a folder");
    std::fs::write(RecordStore::in_dir(home.path()).path(), record.to_json())
        .expect("the record is written");
    home
}

pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The names in a folder, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder reads")
        .map(|entry| {
            let entry = entry.expect("the folder reads");
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}
