//! `history` and the files it reads and writes, through the built binary: exports that write
//! through (a pipe, a device, a symlink, standard output), a record with entries this version
//! does not know, imports from spreadsheets (any header order, `;`, grouped IDs, Shift-JIS),
//! formula-looking cells, dates and sizes checked on import, and two writers at once.

use crate::binary::{BINARY, files_in, home_with, json, run_in, stderr, stdout};
use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use activation_companion::id::{ConfirmationId, InstallationId};
use activation_companion::record::{Activation, ActivationRecord, Outcome, RecordStore};
use common::{cid, iid};
use serde_json::Value;

const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
const OTHER_IID: &str = "465145217131314304264339481117862266242033457260311819664735280";
const CID: &str = "426296483130829081394993064403777482905722580616";
/// 2026-11-29T01:16:18Z.
const NOVEMBER_29: u64 = 1_795_914_978;
const PRODUCT: &str = "Windows(R), Professional edition";
const ACTIVATION_ID: &str = "55c92734-d682-4d71-983e-d6ec3f16059f";

/// Windows activated: these IDs, `seconds` after the epoch.
fn activation(seconds: u64, installation_id: &str, confirmation_id: &str) -> Activation {
    common::activation(
        seconds,
        installation_id,
        confirmation_id,
        Outcome::Activated,
    )
    .of_product(Some(PRODUCT), None)
}

fn one_entry() -> ActivationRecord {
    let mut record = ActivationRecord::default();
    record.add(activation(NOVEMBER_29, IID, CID));
    record
}

fn record_path(home: &Path) -> PathBuf {
    home.join(RecordStore::FILE_NAME)
}

/// The cells of a CSV text, split the RFC 4180 way (written here again, independently of the
/// crate): quoted cells may hold the separator, doubled quotes and line breaks.
fn csv_cells(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted && chars.peek() == Some(&'\n') => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

// ---- exports write through -------------------------------------------------------------------

#[cfg(unix)]
fn file_type(path: &Path) -> fs::FileType {
    fs::symlink_metadata(path).unwrap().file_type()
}

#[cfg(unix)]
#[test]
fn an_export_to_a_named_pipe_is_read_from_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let home = home_with(&one_entry());
    let fifo = home.path().join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let output = run_in(
        home.path(),
        &["history", "--export", fifo.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        file_type(&fifo).is_fifo(),
        "the named pipe was replaced by a file"
    );
    let read = reader.join().unwrap();
    assert_eq!(ActivationRecord::parse(&read), Ok(one_entry()), "{read}");
}

#[cfg(unix)]
#[test]
fn an_export_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let home = home_with(&one_entry());
    let usb = tempfile::tempdir().unwrap();
    let target = usb.path().join("carried.csv");
    fs::write(&target, "old").unwrap();
    let link = home.path().join("latest.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let output = run_in(
        home.path(),
        &["history", "--export", link.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(file_type(&link).is_symlink(), "the link was replaced");
    assert_eq!(fs::read_link(&link).unwrap(), target);
    let written = fs::read_to_string(&target).unwrap();
    assert_eq!(
        ActivationRecord::parse(&written),
        Ok(one_entry()),
        "{written}"
    );
    assert_eq!(
        files_in(usb.path()),
        ["carried.csv"],
        "no temporary file left"
    );

    // A link to a file not there yet makes the file, and the link stays.
    let dangling = home.path().join("dangling.json");
    let new_target = usb.path().join("new.json");
    std::os::unix::fs::symlink(&new_target, &dangling).unwrap();
    let output = run_in(
        home.path(),
        &["history", "--export", dangling.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(file_type(&dangling).is_symlink());
    let written = fs::read_to_string(&new_target).unwrap();
    assert_eq!(ActivationRecord::parse(&written), Ok(one_entry()));
}

#[cfg(unix)]
#[test]
fn replacing_an_exported_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let home = home_with(&one_entry());
    let path = home.path().join("shared.json");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let output = run_in(
        home.path(),
        &["history", "--export", path.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        ActivationRecord::parse(&fs::read_to_string(&path).unwrap()),
        Ok(one_entry())
    );
}

#[test]
fn an_export_to_a_dash_goes_to_standard_output() {
    let home = home_with(&one_entry());
    let cwd = tempfile::tempdir().unwrap();
    let output = Command::new(BINARY)
        .args(["history", "--export", "-"])
        .current_dir(cwd.path())
        .env("ACTIVATION_COMPANION_HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        ActivationRecord::parse(&stdout(&output)),
        Ok(one_entry()),
        "{}",
        stdout(&output)
    );
    assert!(
        files_in(cwd.path()).is_empty(),
        "a file named '-' was written"
    );
}

/// The character devices are made by the test in its own folder (as root), never the
/// system's: a failed test must not break the machine's /dev/null.
#[cfg(target_os = "linux")]
#[test]
fn an_export_to_a_character_device_writes_to_it_and_a_full_one_is_one_line_and_exit_2() {
    use std::os::unix::fs::FileTypeExt;
    let home = home_with(&one_entry());
    let devices = tempfile::tempdir().unwrap();
    let null = devices.path().join("null");
    let full = devices.path().join("full");
    let made = |path: &Path, minor: &str| {
        Command::new("mknod")
            .arg(path)
            .args(["c", "1", minor])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    let full = if made(&null, "3") && made(&full, "7") {
        let output = run_in(
            home.path(),
            &["history", "--export", null.to_str().unwrap()],
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            file_type(&null).is_char_device(),
            "the device node was replaced by a file"
        );
        full
    } else {
        // Not root: a process that cannot make a device cannot replace /dev/full either.
        println!("mknod refused (not root): the null device case was not run");
        PathBuf::from("/dev/full")
    };
    for language in ["en", "ja"] {
        let output = run_in(
            home.path(),
            &[
                "history",
                "--lang",
                language,
                "--export",
                full.to_str().unwrap(),
            ],
            None,
        );
        let stderr = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(file_type(&full).is_char_device(), "{}", full.display());
        let reason = match language {
            "en" => "no space left",
            _ => "空き",
        };
        assert!(stderr.contains(reason), "{stderr}");
        assert!(
            !stderr.contains("os error"),
            "the OS's English text: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn the_reason_a_file_cannot_be_written_is_said_in_the_users_language() {
    let home = home_with(&one_entry());
    let blocker = home.path().join("a-file");
    fs::write(&blocker, "not a folder").unwrap();
    let under = blocker.join("x.json");
    let output = run_in(
        home.path(),
        &[
            "history",
            "--lang",
            "ja",
            "--export",
            under.to_str().unwrap(),
        ],
        None,
    );
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(text.contains("フォルダーではありません"), "{text}");
    assert!(!text.contains("os error"), "{text}");
    assert!(!text.contains("Not a directory"), "{text}");
}

// ---- entries this version does not know ------------------------------------------------------

/// The record's file with one known entry and one a newer version wrote.
fn file_with_an_unknown_entry() -> String {
    let known = serde_json::to_value(activation(NOVEMBER_29, IID, CID)).unwrap();
    let unknown = serde_json::json!({
        "recorded_at": "2026-11-30T00:00:00Z",
        "product": "Windows 12",
        "installation_id": OTHER_IID,
        "confirmation_id": cid(1),
        "verdict": "superseded",
        "by": "something newer"
    });
    serde_json::to_string_pretty(&vec![known, unknown]).unwrap()
}

#[test]
fn listing_a_record_with_an_unknown_entry_shows_the_rest_and_moves_nothing() {
    let home = tempfile::tempdir().unwrap();
    let text = file_with_an_unknown_entry();
    fs::write(record_path(home.path()), &text).unwrap();
    for args in [
        &["history", "--lang", "en"][..],
        &["history", "--json"],
        &["history", "--export", "-"],
    ] {
        let output = run_in(home.path(), args, None);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(
            fs::read_to_string(record_path(home.path())).unwrap(),
            text,
            "{args:?}"
        );
        assert_eq!(files_in(home.path()), ["activations.json"], "{args:?}");
    }
    let output = run_in(home.path(), &["history", "--lang", "en"], None);
    let listed = stdout(&output);
    assert!(
        listed.starts_with("2026-11-29 Windows(R), Professional edition - activated\n"),
        "{listed}"
    );
    assert!(
        listed.contains("1 entry this version does not understand is kept in the file"),
        "{listed}"
    );
    let json: Value =
        serde_json::from_slice(&run_in(home.path(), &["history", "--json"], None).stdout)
            .expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
}

#[test]
fn an_import_writes_an_unknown_entry_back_unchanged() {
    let home = tempfile::tempdir().unwrap();
    fs::write(record_path(home.path()), file_with_an_unknown_entry()).unwrap();
    let before: Vec<Value> = serde_json::from_str(&file_with_an_unknown_entry()).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let carried = elsewhere.path().join("carried.json");
    let mut other = ActivationRecord::default();
    other.add(activation(NOVEMBER_29 - 86_400, &iid(2), &cid(2)));
    fs::write(&carried, other.to_json()).unwrap();

    let output = import_file(home.path(), &carried);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        files_in(home.path()),
        ["activations.json", "activations.json.lock"]
    );
    let after: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(record_path(home.path())).unwrap()).unwrap();
    assert_eq!(after.len(), 3, "{after:?}");
    for entry in &before {
        assert!(after.contains(entry), "{entry} was lost: {after:?}");
    }
}

#[test]
fn a_malformed_entry_costs_only_itself() {
    let home = tempfile::tempdir().unwrap();
    let known = serde_json::to_value(activation(NOVEMBER_29, IID, CID)).unwrap();
    let text = serde_json::to_string(&serde_json::json!([
        known,
        {"installation_id": 5, "verdict": "activated"},
        "a string"
    ]))
    .unwrap();
    fs::write(record_path(home.path()), &text).unwrap();
    let output = run_in(home.path(), &["history", "--lang", "en"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("2 entries this version does not understand are kept"),
        "{}",
        stdout(&output)
    );
    assert_eq!(fs::read_to_string(record_path(home.path())).unwrap(), text);
}

#[test]
fn a_record_that_is_not_json_is_reported_by_a_listing_and_moved_aside_by_the_first_write() {
    let home = tempfile::tempdir().unwrap();
    let junk = b"{ not json \xFF\x00".to_vec();
    fs::write(record_path(home.path()), &junk).unwrap();
    for args in [&["history", "--lang", "en"][..], &["history", "--json"]] {
        let output = run_in(home.path(), args, None);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output).trim_end().lines().count(), 1);
        assert_eq!(
            fs::read(record_path(home.path())).unwrap(),
            junk,
            "{args:?}"
        );
        assert_eq!(files_in(home.path()), ["activations.json"], "{args:?}");
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let carried = elsewhere.path().join("carried.json");
    fs::write(&carried, one_entry().to_json()).unwrap();
    let output = import_file(home.path(), &carried);
    let kept = home.path().join("activations.json.unreadable");
    assert!(
        stderr(&output).contains(&kept.display().to_string()),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&kept).unwrap(), junk);
    assert_eq!(RecordStore::in_dir(home.path()).load(), Ok(one_entry()));
}

// ---- CSV from spreadsheets -------------------------------------------------------------------

fn import(home: &Path, name: &str, bytes: &[u8]) -> Output {
    let elsewhere = tempfile::tempdir().unwrap();
    let path = elsewhere.path().join(name);
    fs::write(&path, bytes).unwrap();
    import_file(home, &path)
}

/// `history --lang en --import FILE` in the data folder `home`.
fn import_file(home: &Path, file: &Path) -> Output {
    let file = file.to_str().expect("a UTF-8 path");
    run_in(home, &["history", "--lang", "en", "--import", file], None)
}

fn imported(home: &Path) -> Vec<(String, String, String)> {
    common::recorded_in(home)
        .iter()
        .map(|a| {
            (
                a.installation_id.clone(),
                a.confirmation_id.clone(),
                a.product.clone(),
            )
        })
        .collect()
}

#[test]
fn a_csv_as_spreadsheets_save_it_is_read() {
    let grouped_iid = InstallationId::from_typed(IID).grouped(" ");
    let dashed_iid = InstallationId::from_typed(&iid(3)).grouped("-");
    let dashed_cid = ConfirmationId::from_typed(CID).grouped("-");
    let csv = format!(
        "Verdict; Installation_ID ;CONFIRMATION_ID;Recorded_At;Notes;Product\r\n\
         activated; {grouped_iid};=\"{CID}\"; 2026-11-29T01:16:18Z;typed by hand;\"Office; Pro\"\r\n\
         completed;'{dashed_iid}; \"{dashed_cid}\";2026-11-28T01:16:18Z;;\r\n\
         completed;=\"{OTHER_IID}\";'{};2026-11-27T01:16:18Z;x;Windows\r\n",
        cid(4)
    );
    let home = tempfile::tempdir().unwrap();
    let output = import(home.path(), "from-excel.csv", csv.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        imported(home.path()),
        [
            (IID.to_string(), CID.to_string(), "Office; Pro".to_string()),
            (iid(3), CID.to_string(), String::new()),
            (OTHER_IID.to_string(), cid(4), "Windows".to_string()),
        ]
    );
}

#[test]
fn a_shift_jis_csv_keeps_its_japanese() {
    // "Windows 日本語" in CP932: 日 93 FA, 本 96 7B, 語 8C EA.
    let mut csv =
        b"recorded_at,product,installation_id,confirmation_id,verdict\r\n2026-11-29T01:16:18Z,"
            .to_vec();
    csv.extend(b"Windows \x93\xFA\x96\x7B\x8C\xEA");
    csv.extend(format!(",{IID},{CID},activated\r\n").as_bytes());
    let home = tempfile::tempdir().unwrap();
    let output = import(home.path(), "sjis.csv", &csv);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        imported(home.path()),
        [(
            IID.to_string(),
            CID.to_string(),
            "Windows 日本語".to_string()
        )]
    );
}

#[test]
fn a_csv_import_takes_the_rows_it_can_and_names_the_others() {
    let csv = format!(
        "recorded_at,product,activation_id,installation_id,confirmation_id,verdict,code\r\n\
         2026-11-29T01:16:18Z,,,{IID},{CID},activated,\r\n\
         2026-11-29T01:16:18Z,,,{OTHER_IID},{CID},superseded,\r\n\
         9999-12-31T00:00:00Z,,,{},{},completed,\r\n\
         yesterday,,,{},{},completed,\r\n\
         2026-11-29T10:16:18+09:00,,,{},{},refused,0xC004F04D\r\n",
        iid(5),
        cid(5),
        iid(6),
        cid(6),
        iid(7),
        cid(7),
    );
    let home = tempfile::tempdir().unwrap();
    let output = import(home.path(), "mixed.csv", csv.as_bytes());
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(out.starts_with("2 added"), "{out}");
    assert!(out.contains("line 3"), "{out}");
    assert!(out.contains("superseded"), "{out}");
    assert!(out.contains("line 4"), "{out}");
    assert!(out.contains("line 5"), "{out}");
    let record = common::record_in(home.path());
    let times: Vec<&str> = record
        .activations
        .iter()
        .map(|a| a.recorded_at.as_str())
        .collect();
    assert_eq!(
        times,
        ["2026-11-29T01:16:18Z", "2026-11-29T01:16:18Z"],
        "the offset is stored as UTC, and nothing is re-dated"
    );
}

#[test]
fn a_future_date_in_a_json_import_is_left_out_and_named() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let carried = vec![
        serde_json::to_value(activation(now - 60, IID, CID)).unwrap(),
        serde_json::to_value(activation(now + 3 * 86_400, OTHER_IID, CID)).unwrap(),
        serde_json::to_value(activation(now + 3_600, &iid(8), &cid(8))).unwrap(),
    ];
    let home = tempfile::tempdir().unwrap();
    let output = import(
        home.path(),
        "future.json",
        serde_json::to_string(&carried).unwrap().as_bytes(),
    );
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.starts_with("2 added"), "{out}");
    assert!(out.contains("entry 2"), "{out}");
    assert!(out.contains("future"), "{out}");
}

#[test]
fn an_export_is_safe_to_open_in_a_spreadsheet_and_reads_back_unchanged() {
    let home = tempfile::tempdir().unwrap();
    let cells = [
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
        "+cmd|' /C notepad'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-1+1",
        "\tWindows",
        "\rWindows",
        "'quoted",
    ];
    let mut record = ActivationRecord::default();
    for (n, cell) in cells.iter().enumerate() {
        let mut entry = activation(NOVEMBER_29 - n as u64, &iid(10 + n as u64), &cid(10));
        entry.product = cell.to_string();
        entry.activation_id = cells[(n + 1) % cells.len()].to_string();
        record.add(entry);
    }
    std::fs::write(RecordStore::in_dir(home.path()).path(), record.to_json()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let csv_path = out.path().join("record.csv");
    let output = run_in(
        home.path(),
        &["history", "--export", csv_path.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(&csv_path).unwrap();
    let rows = csv_cells(&text);
    assert_eq!(rows.len(), cells.len() + 1, "{text}");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
        // The 63 and 48 digits are never a bare number (a spreadsheet makes 4.89E+62 of it).
        assert!(
            !row.iter()
                .any(|cell| cell.len() >= 48 && cell.bytes().all(|b| b.is_ascii_digit())),
            "{row:?}"
        );
    }
    let again = tempfile::tempdir().unwrap();
    let output = run_in(
        again.path(),
        &["history", "--import", csv_path.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(RecordStore::in_dir(again.path()).load(), Ok(record));
}

// ---- bounds --------------------------------------------------------------------------------

#[test]
fn an_import_larger_than_the_limit_is_refused_before_it_is_read() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let big = elsewhere.path().join("big.csv");
    let file = fs::File::create(&big).unwrap();
    file.set_len(33 * 1024 * 1024).unwrap();
    let output = import_file(home.path(), &big);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert_eq!(text.trim_end().lines().count(), 1, "{text}");
    assert!(text.contains("32 MB"), "{text}");
    assert!(!record_path(home.path()).exists());
}

#[test]
fn a_long_product_name_is_shown_cut_and_kept_whole() {
    let home = tempfile::tempdir().unwrap();
    let long = format!("Windows {}", "Z".repeat(300));
    let mut record = ActivationRecord::default();
    let mut entry = activation(NOVEMBER_29, IID, CID);
    entry.product = long.clone();
    record.add(entry);
    std::fs::write(RecordStore::in_dir(home.path()).path(), record.to_json()).unwrap();
    let output = run_in(home.path(), &["history", "--lang", "en"], None);
    let first = stdout(&output)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(first.contains("Windows ZZZ"), "{first}");
    assert!(first.contains('\u{2026}'), "{first}");
    assert!(first.chars().count() < 120, "{first}");
    assert_eq!(common::recorded_in(home.path())[0].product, long);

    // An import refuses a name longer than the limit, and says so.
    let mut huge = activation(NOVEMBER_29, OTHER_IID, CID);
    huge.product = "x".repeat(2 * 1024 * 1024);
    let mut carried = ActivationRecord::default();
    carried.add(huge);
    let output = import(home.path(), "huge.json", carried.to_json().as_bytes());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("0 added"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("entry 1"), "{}", stdout(&output));
}

// ---- two writers -----------------------------------------------------------------------------

/// Two `history --import` runs at once, round after round, each with entries of its own:
/// every entry ends up in the record.
#[test]
fn two_imports_at_once_lose_no_entry() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let rounds = 12u64;
    let mut expected = Vec::new();
    for round in 0..rounds {
        let mut children = Vec::new();
        for writer in 0..2u64 {
            let seed = 100 + round * 2 + writer;
            let mut carried = ActivationRecord::default();
            carried.add(activation(NOVEMBER_29 - seed, &iid(seed), &cid(seed)));
            expected.push(iid(seed));
            let path = elsewhere.path().join(format!("{seed}.json"));
            fs::write(&path, carried.to_json()).unwrap();
            children.push(
                Command::new(BINARY)
                    .args(["history", "--import", path.to_str().unwrap()])
                    .env("ACTIVATION_COMPANION_HOME", home.path())
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap(),
            );
        }
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
    }
    let record = common::record_in(home.path());
    let mut found: Vec<String> = record
        .activations
        .iter()
        .map(|a| a.installation_id.clone())
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
}

// ---- listing, export and import -----------------------------------------------------------

/// Another consistent Confirmation ID: block A changed to 154814.
fn other_cid() -> String {
    CID.replace("426296", "154814")
}

/// Two entries: Windows activated on 2026-11-29, and an older refusal with no product.
fn two_entries() -> ActivationRecord {
    let mut record = ActivationRecord::default();
    record.add(
        common::activation(NOVEMBER_29, IID, CID, Outcome::Activated)
            .of_product(Some(PRODUCT), Some(ACTIVATION_ID)),
    );
    record.add(
        common::activation(
            NOVEMBER_29 - 86_400 * 30,
            OTHER_IID,
            &other_cid(),
            Outcome::Refused { code: 0xC004_F04D },
        )
        .of_product(None, None),
    );
    record
}

#[test]
fn history_with_no_record_says_so() {
    let home = tempfile::tempdir().unwrap();
    let output = run_in(home.path(), &["history", "--lang", "en"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim_end(), "No activation is recorded yet.");
    assert!(output.stderr.is_empty(), "{}", stderr(&output));

    let japanese = run_in(home.path(), &["history", "--lang", "ja"], None);
    assert_eq!(japanese.status.code(), Some(0));
    assert_eq!(
        stdout(&japanese).trim_end(),
        "ライセンス認証の記録はまだありません。"
    );

    let json = run_in(home.path(), &["history", "--json"], None);
    assert_eq!(json.status.code(), Some(0));
    assert_eq!(
        serde_json::from_slice::<Value>(&json.stdout).unwrap(),
        serde_json::json!([])
    );
    assert!(
        !home.path().join(RecordStore::FILE_NAME).exists(),
        "looking writes nothing"
    );
}

#[test]
fn history_json_gives_each_entry_newest_first() {
    let home = home_with(&two_entries());
    let output = run_in(home.path(), &["history", "--json"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let entries: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    let entries = entries.as_array().expect("an array");
    assert_eq!(entries.len(), 2);
    let newest = &entries[0];
    assert_eq!(newest["installation_id"], IID);
    assert_eq!(newest["confirmation_id"], CID);
    assert_eq!(newest["verdict"], "activated");
    assert_eq!(newest["recorded_at"], "2026-11-29T01:16:18Z");
    assert_eq!(newest["product"], PRODUCT);
    assert_eq!(newest["activation_id"], ACTIVATION_ID);
    let older = &entries[1];
    assert_eq!(older["installation_id"], OTHER_IID);
    assert_eq!(older["confirmation_id"], other_cid());
    assert_eq!(older["verdict"], "refused");
    assert_eq!(older["code"], 0xC004_F04D_u32);
    assert_eq!(older["recorded_at"], "2026-10-30T01:16:18Z");
}

#[test]
fn history_human_shows_the_date_the_product_and_the_ids_grouped() {
    let home = tempfile::tempdir().unwrap();
    // Written the way `apply` writes it.
    let store = RecordStore::in_dir(home.path());
    for activation in two_entries().activations {
        store.add(activation).unwrap();
    }
    let output = run_in(home.path(), &["history", "--lang", "en"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-11-29 Windows(R), Professional edition - activated",
            "  Installation ID: 4891263 4325701 2289105 5465220 8520533 2958764 1588510 1112713 9061121",
            "  Confirmation ID: 426296-483130-829081-394993-064403-777482-905722-580616",
            "  Activation ID: 55c92734-d682-4d71-983e-d6ec3f16059f",
            "2026-10-30 - refused by Windows (0xC004F04D)",
            "  Installation ID: 4651452 1713131 4304264 3394811 1786226 6242033 4572603 1181966 4735280",
            "  Confirmation ID: 154814-483130-829081-394993-064403-777482-905722-580616",
        ],
        "{text}"
    );
}

#[test]
fn history_export_writes_json_and_csv_that_read_back_equal() {
    let home = tempfile::tempdir().unwrap();
    let record = two_entries();
    std::fs::write(RecordStore::in_dir(home.path()).path(), record.to_json()).unwrap();
    let out = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("record.json", "["),
        ("record.csv", "recorded_at,product,activation_id"),
        ("RECORD2.CSV", "recorded_at,product,activation_id"),
    ] {
        let path = out.path().join(name);
        let output = run_in(
            home.path(),
            &[
                "history",
                "--lang",
                "en",
                "--export",
                path.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        assert!(output.stderr.is_empty(), "{name}: {}", stderr(&output));
        let text = fs::read_to_string(&path).unwrap();
        // A CSV starts with a byte-order mark, so Excel reads it as UTF-8.
        let csv = name.to_lowercase().ends_with(".csv");
        assert_eq!(text.starts_with('\u{FEFF}'), csv, "{name}");
        assert!(
            text.trim_start_matches('\u{FEFF}').starts_with(starts),
            "{name}: {text}"
        );
        assert_eq!(
            ActivationRecord::parse(&text),
            Ok(record.clone()),
            "{name}: {text}"
        );
    }
    assert_eq!(
        common::record_in(home.path()),
        record,
        "exporting changes nothing"
    );
}

#[test]
fn history_export_to_an_unwritable_path_is_exit_2_with_one_line() {
    let home = home_with(&two_entries());
    let blocker = home.path().join("a-file");
    fs::write(&blocker, "not a folder").unwrap();
    let mut paths = vec![blocker.join("x.json").to_string_lossy().into_owned()];
    if cfg!(unix) {
        paths.push("/dev/null/x.json".to_string());
    }
    for path in paths {
        let output = run_in(
            home.path(),
            &["history", "--lang", "en", "--export", &path],
            None,
        );
        let stderr = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{path}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("Cannot write "), "{stderr}");
        assert!(stderr.contains("x.json"), "{stderr}");
        assert!(output.stdout.is_empty(), "{}", stdout(&output));
    }
}

#[test]
fn history_import_of_the_same_file_twice_adds_it_once() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut one = ActivationRecord::default();
    one.add(
        common::activation(NOVEMBER_29, IID, CID, Outcome::Activated)
            .of_product(Some(PRODUCT), None),
    );
    for (name, text) in [("one.json", one.to_json()), ("one.csv", one.to_csv())] {
        let file = elsewhere.path().join(name);
        fs::write(&file, text).unwrap();
        let file = file.to_str().unwrap();
        let first = run_in(
            home.path(),
            &["history", "--lang", "en", "--import", file],
            None,
        );
        assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
        let expected_first = if name == "one.json" {
            "1 added"
        } else {
            "0 added"
        };
        assert!(
            stdout(&first).starts_with(expected_first),
            "{name}: {}",
            stdout(&first)
        );
        let second = run_in(
            home.path(),
            &["history", "--lang", "en", "--import", file],
            None,
        );
        assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
        assert_eq!(
            stdout(&second).trim_end(),
            "0 added to the record (the same IDs are kept once)."
        );
        assert_eq!(common::record_in(home.path()), one, "{name}");
    }
}

#[test]
fn history_import_of_a_file_that_is_not_a_record_exits_1_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let not_a_record = elsewhere.path().join("people.csv");
    fs::write(&not_a_record, "name,age\r\nx,1\r\n").unwrap();
    let file = not_a_record.to_str().unwrap();

    // With no record yet, none is made.
    let output = run_in(
        home.path(),
        &["history", "--lang", "en", "--import", file],
        None,
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("This is not an activation record"),
        "{}",
        stderr(&output)
    );
    assert!(!home.path().join(RecordStore::FILE_NAME).exists());

    // With a record, it is left byte for byte.
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        two_entries().to_json(),
    )
    .unwrap();
    let before = fs::read(home.path().join(RecordStore::FILE_NAME)).unwrap();
    for text in ["name,age\r\nx,1\r\n", r#"{"activations": []}"#, "[1, 2"] {
        fs::write(&not_a_record, text).unwrap();
        let output = run_in(
            home.path(),
            &["history", "--lang", "en", "--import", file],
            None,
        );
        assert_eq!(output.status.code(), Some(1), "{text}: {}", stderr(&output));
        assert_eq!(stderr(&output).trim_end().lines().count(), 1);
        assert_eq!(
            fs::read(home.path().join(RecordStore::FILE_NAME)).unwrap(),
            before,
            "{text}"
        );
    }
}

#[test]
fn history_import_with_one_bad_entry_exits_1_and_keeps_the_good_ones() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut imported = two_entries();
    // Group 1 of the Installation ID ends in 3; 5 is a wrong check digit.
    let mut bad =
        common::activation(NOVEMBER_29 - 60, IID, CID, Outcome::Completed).of_product(None, None);
    bad.installation_id = format!("4891265{}", &IID[7..]);
    bad.confirmation_id = other_cid();
    imported.activations.push(bad);
    let file = elsewhere.path().join("three.json");
    fs::write(&file, serde_json::to_string(&imported.activations).unwrap()).unwrap();

    let output = import_file(home.path(), &file);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output).trim_end(),
        "2 added to the record (the same IDs are kept once). 1 left out:\n  \
         entry 3: the Installation ID is of the wrong length or has a wrong check digit."
    );
    assert_eq!(common::record_in(home.path()), two_entries());
}

#[test]
fn history_import_of_a_missing_file_exits_2() {
    let home = home_with(&two_entries());
    let before = fs::read(home.path().join(RecordStore::FILE_NAME)).unwrap();
    let missing = home.path().join("no-such-file.json");
    let output = import_file(home.path(), &missing);
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("Cannot read "), "{stderr}");
    assert!(stderr.contains("no-such-file.json"), "{stderr}");
    assert_eq!(
        fs::read(home.path().join(RecordStore::FILE_NAME)).unwrap(),
        before
    );
}

#[test]
fn history_export_and_import_together_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let output = run_in(
        home.path(),
        &["history", "--export", "out.json", "--import", "in.json"],
        None,
    );
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot be used with"), "{stderr}");
    assert!(output.stdout.is_empty());
    assert!(!home.path().join(RecordStore::FILE_NAME).exists());
}

/// A listing only reads: an unreadable record is said and left as it is (the first write
/// keeps it aside, see the next test).
#[test]
fn history_with_an_unreadable_record_says_so_and_leaves_it() {
    let home = tempfile::tempdir().unwrap();
    let junk = b"{ not json \xFF\x00".to_vec();
    fs::write(home.path().join(RecordStore::FILE_NAME), &junk).unwrap();

    for _ in 0..2 {
        let output = run_in(home.path(), &["history", "--lang", "en"], None);
        let stderr = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("could not be read"), "{stderr}");
        assert_eq!(
            fs::read(home.path().join(RecordStore::FILE_NAME)).unwrap(),
            junk
        );
    }
    assert!(!home.path().join("activations.json.unreadable").exists());
}

/// The message says "a new one is started": an import then goes into the new record,
/// as `RecordStore::add` does for a new activation, instead of being dropped.
#[test]
fn history_import_after_an_unreadable_record_goes_into_a_new_one() {
    let home = tempfile::tempdir().unwrap();
    let junk = b"\x00\x01 damaged".to_vec();
    fs::write(home.path().join(RecordStore::FILE_NAME), &junk).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("two.json");
    fs::write(&file, two_entries().to_json()).unwrap();

    let output = import_file(home.path(), &file);
    let stderr = stderr(&output);
    assert!(
        stderr.contains("activations.json.unreadable"),
        "the message names where the old file is: {stderr}"
    );
    assert_eq!(
        fs::read(home.path().join("activations.json.unreadable")).unwrap(),
        junk
    );
    assert_eq!(
        RecordStore::in_dir(home.path()).load(),
        Ok(two_entries()),
        "the import was dropped although the message says a new record is started \
         (exit {:?}, stdout {:?}, stderr {stderr:?})",
        output.status.code(),
        stdout(&output)
    );
}

/// `history --json` with a record that cannot be read: the problem, as JSON, exit 2.
#[test]
fn history_json_with_an_unreadable_record_is_json() {
    let home = tempfile::tempdir().expect("a folder");
    std::fs::write(home.path().join("activations.json"), b"{ not json").expect("written");
    let output = run_in(home.path(), &["history", "--json", "--lang", "en"], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(json(&output)["problem"]["kind"], "record_unreadable");
}
