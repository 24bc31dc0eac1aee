//! One output rule for every command that writes a file the user names (`report --out`,
//! `qr --out`, `history --export`): `-` is standard output; a named pipe or a device is written
//! through, never replaced; a symbolic link's target is written and the link stays; a full
//! device is an error; a folder is refused as a folder. One input rule: `-` is standard input
//! (`history --import -`). The app's own files stay links when they are links.
//!
//! Pipes and devices are made by the test in its own folder (devices only as root), never the
//! machine's own.

#![cfg(all(unix, not(target_os = "macos")))]

use std::fs;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use crate::binary::{files_in, run_at, stderr, stdout};
use activation_companion::record::{ActivationRecord, RecordStore};
use std::process::Output;

const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
const CID: &str = "426296483130829081394993064403777482905722580616";

fn file_type(path: &Path) -> fs::FileType {
    fs::symlink_metadata(path)
        .expect("the path is there")
        .file_type()
}

fn c_path(path: &Path) -> std::ffi::CString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(path.as_os_str().as_bytes()).expect("no NUL in a temporary path")
}

fn mkfifo(path: &Path) {
    // SAFETY: a NUL-terminated path of our own.
    let made = unsafe { libc::mkfifo(c_path(path).as_ptr(), 0o600) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

/// A character device (major 1: `minor` 3 null, 7 full) in the test's folder; `false` when
/// the OS refuses (not root).
fn mknod(path: &Path, minor: u32) -> bool {
    // SAFETY: a NUL-terminated path of our own.
    unsafe {
        libc::mknod(
            c_path(path).as_ptr(),
            libc::S_IFCHR | 0o666,
            libc::makedev(1, minor),
        ) == 0
    }
}

/// The named pipe opened for reading without waiting for a writer: what a writer leaves in
/// it can be read once the writer has ended (a few kilobytes fit in the pipe's buffer).
fn open_reader(fifo: &Path) -> fs::File {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(fifo)
        .expect("a reader on the pipe")
}

fn drain(mut reader: fs::File) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            // Nothing was ever written: the pipe is empty.
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(error) => panic!("reading the pipe: {error}"),
        }
    }
    bytes
}

/// Each command that writes a file the user names, writing to `out`.
fn writers(out: &str) -> Vec<Vec<String>> {
    [
        vec!["report", "--lang", "en", "--out", out],
        vec!["qr", "--lang", "en", IID, "--out", out],
        vec!["history", "--lang", "en", "--export", out],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

/// A writer's command, run in `dir` with the data folder `home`.
fn run_writer(command: &[String], dir: &Path, home: &Path) -> Output {
    let args: Vec<&str> = command.iter().map(String::as_str).collect();
    run_at(Some(dir), Some(home), &args, None)
}

/// The writer ended well (exit 0); else what it said.
fn assert_wrote(command: &[String], output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{command:?}: {}",
        stderr(output)
    );
}

/// What each writer writes, as the test checks it: a report is JSON, a QR code a PNG, the
/// record JSON.
fn looks_written(command: &str, bytes: &[u8]) -> bool {
    match command {
        "qr" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        _ => serde_json::from_slice::<serde_json::Value>(bytes).is_ok(),
    }
}

#[test]
fn a_dash_is_standard_output_for_every_writer() {
    let home = tempfile::tempdir().expect("a folder");
    let cwd = tempfile::tempdir().expect("a folder");
    for command in writers("-") {
        let output = run_writer(&command, cwd.path(), home.path());
        assert_wrote(&command, &output);
        assert!(
            looks_written(&command[0], &output.stdout),
            "{command:?}: {}",
            stdout(&output)
        );
        assert!(
            files_in(cwd.path()).is_empty(),
            "{command:?} wrote a file named -"
        );
    }
}

#[test]
fn a_named_pipe_is_written_through_by_every_writer() {
    let home = tempfile::tempdir().expect("a folder");
    let dir = tempfile::tempdir().expect("a folder");
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    for command in writers(fifo.to_str().expect("a UTF-8 path")) {
        let reader = open_reader(&fifo);
        let output = run_writer(&command, dir.path(), home.path());
        assert_wrote(&command, &output);
        assert!(
            file_type(&fifo).is_fifo(),
            "{command:?} replaced the pipe with a file"
        );
        let read = drain(reader);
        assert!(
            looks_written(&command[0], &read),
            "{command:?}: the reader got {read:?}"
        );
    }
}

#[test]
fn a_symbolic_link_stays_and_its_target_is_written_by_every_writer() {
    let home = tempfile::tempdir().expect("a folder");
    let dir = tempfile::tempdir().expect("a folder");
    let usb = tempfile::tempdir().expect("a folder");
    let target = usb.path().join("carried");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&target, &link).expect("a link");
    for command in writers(link.to_str().expect("a UTF-8 path")) {
        fs::write(&target, "old").expect("the target");
        let output = run_writer(&command, dir.path(), home.path());
        assert_wrote(&command, &output);
        assert!(
            file_type(&link).is_symlink(),
            "{command:?} replaced the link"
        );
        let written = fs::read(&target).expect("the target");
        assert!(looks_written(&command[0], &written), "{command:?}");
        assert_eq!(files_in(usb.path()), ["carried"], "no temporary file left");
    }
}

/// A device made here when the OS allows it (as root), else the machine's /dev/full: a process
/// that cannot make a device cannot replace /dev/full either.
#[test]
fn a_device_is_written_through_and_a_full_one_is_an_error() {
    let home = tempfile::tempdir().expect("a folder");
    let dir = tempfile::tempdir().expect("a folder");
    let null = dir.path().join("null");
    let full = dir.path().join("full");
    let full = if mknod(&null, 3) && mknod(&full, 7) {
        for command in writers(null.to_str().expect("a UTF-8 path")) {
            let output = run_writer(&command, dir.path(), home.path());
            assert_wrote(&command, &output);
            assert!(
                file_type(&null).is_char_device(),
                "{command:?} replaced the device with a file"
            );
        }
        full
    } else {
        PathBuf::from("/dev/full")
    };
    for command in writers(full.to_str().expect("a UTF-8 path")) {
        let output = run_writer(&command, dir.path(), home.path());
        let said = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{command:?}: {said}");
        assert!(said.contains("no space left"), "{command:?}: {said}");
        assert!(file_type(&full).is_char_device(), "{command:?}");
    }
}

#[test]
fn a_folder_is_refused_as_a_folder() {
    let home = tempfile::tempdir().expect("a folder");
    let dir = tempfile::tempdir().expect("a folder");
    fs::create_dir(dir.path().join("rdir")).expect("a folder");
    for out in ["rdir", "rdir/", ".", "new-folder/"] {
        for command in writers(out) {
            let output = run_writer(&command, dir.path(), home.path());
            let said = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{command:?}: {said}");
            assert!(said.contains("it is a folder"), "{command:?}: {said}");
        }
    }
    assert_eq!(files_in(dir.path()), ["rdir"], "nothing written beside it");
}

fn one_entry_csv() -> String {
    format!(
        "recorded_at,product,activation_id,installation_id,confirmation_id,verdict,code\r\n\
         2026-11-29T01:16:18Z,Windows,,{IID},{CID},completed,\r\n"
    )
}

/// `history --import -` of one entry's CSV in the data folder `home`, which takes it.
fn import_one_entry_from_standard_input(home: &Path) {
    let output = run_at(
        Some(home),
        Some(home),
        &["history", "--lang", "en", "--import", "-"],
        Some(one_entry_csv().as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_dash_is_standard_input_for_an_import() {
    let home = tempfile::tempdir().expect("a folder");
    import_one_entry_from_standard_input(home.path());
    let record = crate::common::record_in(home.path());
    assert_eq!(record.activations.len(), 1);
    assert_eq!(record.activations[0].installation_id, IID);
}

#[test]
fn the_record_kept_behind_a_link_stays_a_link() {
    let home = tempfile::tempdir().expect("a folder");
    let usb = tempfile::tempdir().expect("a folder");
    let store = RecordStore::in_dir(home.path());
    let target = usb.path().join("activations.json");
    fs::write(&target, ActivationRecord::default().to_json()).expect("a record");
    std::os::unix::fs::symlink(&target, store.path()).expect("a link");

    import_one_entry_from_standard_input(home.path());
    assert!(
        file_type(store.path()).is_symlink(),
        "the link was replaced"
    );
    let record = ActivationRecord::parse(&fs::read_to_string(&target).expect("the target"))
        .expect("a record");
    assert_eq!(
        record.activations.len(),
        1,
        "the import went to the link's target"
    );
    assert_eq!(
        files_in(usb.path()),
        ["activations.json"],
        "no temporary file left"
    );
}
