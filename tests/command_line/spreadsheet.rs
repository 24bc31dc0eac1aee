//! The record's CSV through a real spreadsheet: LibreOffice (headless) opens the export and
//! saves it as CSV again, and the import of what it saved gives back every entry unchanged:
//! the 63- and 48-digit IDs stay text, the formula-looking cells stay inert, Japanese stays.
//!
//! Runs where `soffice` is on PATH (CI installs `libreoffice-calc-nogui`, see `.ci/run`);
//! elsewhere it says in one line that it was not run.

use std::path::Path;
use std::process::{Command, Stdio};

use activation_companion::record::{Activation, ActivationRecord, Outcome, RecordStore};

const BINARY: &str = env!("CARGO_BIN_EXE_activation-companion");
const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
const OTHER_IID: &str = "465145217131314304264339481117862266242033457260311819664735280";
const CID: &str = "426296483130829081394993064403777482905722580616";
const OTHER_CID: &str = "154814483130829081394993064403777482905722580616";

fn entry(seconds: u64, iid: &str, cid: &str, product: &str, outcome: Outcome) -> Activation {
    crate::common::activation(seconds, iid, cid, outcome).of_product(Some(product), None)
}

fn history(home: &Path, args: &[&str]) {
    let output = Command::new(BINARY)
        .arg("history")
        .args(args)
        .env("ACTIVATION_COMPANION_HOME", home)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn libreoffice_opens_and_saves_the_export_and_the_import_gives_it_back() {
    // LibreOffice draws with the system's fonts, which the test run may hide from the app
    // (.ci/run sets FONTCONFIG_FILE): it gets them back.
    let soffice = || {
        let mut command = Command::new("soffice");
        command.env_remove("FONTCONFIG_FILE");
        command
    };
    let installed = soffice()
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !installed {
        println!("LibreOffice (soffice) is not installed: the spreadsheet round trip was not run");
        return;
    }
    let mut record = ActivationRecord::default();
    let mut first = entry(
        1_795_914_978,
        IID,
        CID,
        "=HYPERLINK(\"http://example.invalid/\",\"Windows\")",
        Outcome::Activated,
    );
    first.activation_id = "+cmd|' /C notepad'!A0".into();
    record.add(first);
    let mut second = entry(
        1_795_828_578,
        OTHER_IID,
        OTHER_CID,
        "Windows 日本語 Pro",
        Outcome::Refused { code: 0xC004_F04D },
    );
    second.activation_id = "@SUM(1+1)".into();
    record.add(second);
    record.add(entry(
        1_795_742_178,
        IID,
        OTHER_CID,
        "-1+1\tOffice, \"LTSC\"",
        Outcome::NotActivated { license_status: 5 },
    ));
    record.add(entry(
        1_795_655_778,
        OTHER_IID,
        CID,
        "\tWindows",
        Outcome::Completed,
    ));

    let work = tempfile::tempdir().unwrap();
    let (home, again, saved) = (
        work.path().join("home"),
        work.path().join("again"),
        work.path().join("saved"),
    );
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(RecordStore::in_dir(&home).path(), record.to_json()).unwrap();
    let export = work.path().join("record.csv");
    history(&home, &["--export", export.to_str().unwrap()]);

    // Opened as a user opens it (comma, double quotes, UTF-8) and saved as CSV again, with a
    // profile of its own.
    let filter = "Text - txt - csv (StarCalc):44,34,76,1";
    let output = soffice()
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.path().join("profile").display()
        ))
        .arg("--headless")
        .arg(format!("--infilter={filter}"))
        .arg("--convert-to")
        .arg(format!("csv:{filter}"))
        .arg("--outdir")
        .arg(&saved)
        .arg(&export)
        .output()
        .unwrap();
    let resaved = saved.join("record.csv");
    assert!(
        resaved.exists(),
        "LibreOffice saved nothing: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&resaved).unwrap();
    assert_ne!(
        text.trim_start_matches('\u{FEFF}'),
        std::fs::read_to_string(&export)
            .unwrap()
            .trim_start_matches('\u{FEFF}'),
        "LibreOffice wrote it its own way (quoting every text cell)"
    );

    history(&again, &["--import", resaved.to_str().unwrap()]);
    assert_eq!(RecordStore::in_dir(&again).load(), Ok(record), "{text}");
}
