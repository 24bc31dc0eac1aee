//! The command-line contract, tested by running the built binary.

use crate::binary::{BINARY, json, run, stderr, stdout};
use crate::common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const WINDOWS_11: &str = "489126343257012289105546522085205332958764158851011127139061121";
const CID: &str = "426296-483130-829081-394993-064403-777482-905722-580616";

#[test]
fn iid_json_reports_each_id_in_order() {
    let text = common::ospp_two_products(
        WINDOWS_11,
        "465145217131314304264339481117862266242033457260311819664735280",
    );
    let output = run(&["iid", "--json", "--lang", "en"], Some(text.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let ids = json(&output);
    assert_eq!(ids.as_array().unwrap().len(), 2);
    let first = &ids[0];
    assert_eq!(first["digits"], WINDOWS_11);
    assert_eq!(first["groups"][0], "4891263");
    assert_eq!(first["groups"].as_array().unwrap().len(), 9);
    assert_eq!(first["format"], "9x7");
    assert_eq!(first["valid"], true);
    assert_eq!(first["bad_groups"], serde_json::json!([]));
    assert_eq!(first["label"], "Office 16, Office16ProPlusVL_MAK edition");
    assert_eq!(first["problem"], Value::Null);
    assert_eq!(ids[1]["label"], "Office 16, Office16VisioProVL_MAK edition");
}

#[test]
fn iid_exit_1_names_the_bad_group() {
    let typo = format!("{}8{}", &WINDOWS_11[..21], &WINDOWS_11[22..]); // group 4's first digit
    let output = run(&["iid", "--json", "--lang", "en", &typo], None);
    assert_eq!(output.status.code(), Some(1));
    let id = &json(&output)[0];
    assert_eq!(id["valid"], false);
    assert_eq!(id["bad_groups"], serde_json::json!([4]));
    assert_eq!(id["problem"]["kind"], "mistyped");
    assert_eq!(id["problem"]["part"], "4");
    assert!(
        id["problem"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Group 4 looks mistyped")
    );

    let human = run(&["iid", "--lang", "en", &typo], None);
    assert_eq!(human.status.code(), Some(1));
    assert!(
        stdout(&human).contains(" 4  8465220  × check it"),
        "{}",
        stdout(&human)
    );
}

#[test]
fn iid_wrong_length_says_what_it_found() {
    let output = run(&["iid", "--json", "--lang", "en", &WINDOWS_11[..62]], None);
    assert_eq!(output.status.code(), Some(1));
    let id = &json(&output)[0];
    assert_eq!(id["format"], Value::Null);
    assert_eq!(id["problem"]["kind"], "wrong_length");
    assert_eq!(
        id["problem"]["message"],
        "Found 62 digits; an Installation ID has 63, 54 or 50 digits."
    );
}

#[test]
fn iid_joins_arguments_and_speaks_japanese() {
    let groups = common::groups(WINDOWS_11);
    let mut args = vec!["iid", "--lang", "ja"];
    args.extend(groups.iter().map(String::as_str));
    let output = run(&args, None);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("インストール ID\n"), "{text}");
    assert!(text.contains("   9  9061121"));
    assert!(text.contains("すべてのグループのチェック数字が一致しています。"));
}

#[test]
fn nothing_id_like_exits_2_with_one_line() {
    for input in [
        &b"Extended PID: 03612-04921-000-000001-00-1033-26100.0000-2062025"[..],
        b"\0\xff\xfe junk",
        b"",
    ] {
        let output = run(&["iid", "--lang", "en"], Some(input));
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("No Installation ID found."));
    }
}

#[test]
fn a_huge_run_of_digits_is_a_wrong_length_not_a_crash() {
    let digits = "7".repeat(200_000);
    let output = run(&["iid", "--json", "--lang", "en"], Some(digits.as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        json(&output)[0]["problem"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Found 200000 digits")
    );
}

#[test]
fn utf16_input_from_powershell_is_read() {
    let text = format!("Installation ID: {WINDOWS_11}\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let output = run(&["iid", "--json"], Some(&bytes));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)[0]["digits"], WINDOWS_11);
}

#[test]
fn cid_json_and_exit_codes() {
    let output = run(&["cid", "--json", "--lang", "en", CID], None);
    assert_eq!(output.status.code(), Some(0));
    let cid = json(&output);
    assert_eq!(cid["digits"], CID.replace('-', ""));
    assert_eq!(cid["blocks"].as_array().unwrap().len(), 8);
    assert_eq!(cid["format"], "8x6");
    assert_eq!(cid["valid"], true);

    let misheard = CID.replacen("829081", "829082", 1);
    let output = run(&["cid", "--json", "--lang", "en", &misheard], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["bad_blocks"], serde_json::json!(["C"]));

    assert_eq!(
        run(&["cid", "--lang", "en", "nothing here"], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn cid_human_output_gives_the_commands() {
    let output = run(&["cid", "--lang", "en", CID], None);
    let text = stdout(&output);
    assert!(text.contains("slmgr.vbs /atp 426296483130829081394993064403777482905722580616"));
    assert!(text.contains("ospp.vbs /actcid:426296483130829081394993064403777482905722580616"));
    assert!(
        !text.to_lowercase().contains("correct"),
        "never call a CID correct: {text}"
    );
}

#[test]
fn qr_writes_a_png_only_for_a_valid_id() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.png");
    let output = run(&["qr", WINDOWS_11, "--out", good.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(std::fs::read(&good).unwrap().starts_with(b"\x89PNG"));

    let bad = dir.path().join("bad.png");
    let typo = WINDOWS_11.replacen('4', "5", 1);
    let output = run(&["qr", &typo, "--out", bad.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(!bad.exists(), "no file for a mistyped ID");
}

/// `script --route phone --country COUNTRY --lang LANGUAGE`, its output.
fn phone_script(country: &str, language: &str) -> String {
    stdout(&run(
        &[
            "script",
            "--route",
            "phone",
            "--country",
            country,
            "--lang",
            language,
        ],
        None,
    ))
}

#[test]
fn no_qr_code_hands_out_a_phone_number_as_a_route() {
    let dir = tempfile::tempdir().unwrap();
    let tel = dir.path().join("tel.png");
    for (language, says) in [
        ("en", "voice phone activation ended in December 2025"),
        ("ja", "自動音声の電話認証は 2025 年 12 月に終了し"),
    ] {
        let output = run(
            &[
                "qr",
                "--tel",
                "jp",
                "--out",
                tel.to_str().unwrap(),
                "--lang",
                language,
            ],
            None,
        );
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(says) && stderr.contains("qr --portal"),
            "{stderr}"
        );
        assert!(!tel.exists(), "no tel: QR code is written");
    }
}

#[test]
fn every_center_is_shown_with_what_happened_to_its_line() {
    for (language, ended) in [
        ("en", "Voice activation ended in December 2025"),
        ("ja", "自動音声の電話認証は 2025 年 12 月に終了"),
    ] {
        let all = stdout(&run(&["centers", "--lang", language], None));
        let regions = all.lines().filter(|l| !l.starts_with(' ')).count();
        let said = all.lines().filter(|l| l.contains(ended)).count();
        assert!(regions > 200, "{regions}");
        assert_eq!(said, regions, "every region says its line ended");
        let japan = stdout(&run(&["centers", "JP", "--lang", language], None));
        assert!(japan.contains("0120-801-734") && japan.contains("0120-801-704"));
        for stale in [
            "first",
            "まず",
            "project",
            "プロジェクト",
            ".md",
            "reported",
            "報告",
        ] {
            assert!(!japan.contains(stale), "{stale}: {japan}");
        }
    }
    let japan = stdout(&run(&["centers", "JP", "--lang", "en"], None));
    assert!(japan.contains("in no Microsoft list"), "{japan}");
}

#[test]
fn a_person_is_the_portals_callback_and_the_phone_line_is_history() {
    let en = phone_script("JP", "en");
    assert!(
        en.starts_with("Talk to a person (the portal's callback)"),
        "{en}"
    );
    let history = en
        .find("How the automated phone line worked (Japan), until December 2025")
        .expect("the Japanese line's history follows");
    assert!(en[..history].contains("aka.ms/vpah"));
    assert!(!en[..history].contains("0120-801-734"), "{en}");
    assert!(en[history..].contains("The line was 0120-801-734 (toll-free)."));
    let ja = phone_script("JP", "ja");
    assert!(
        ja.starts_with("担当者と話す（ポータルからの折り返し電話）"),
        "{ja}"
    );
    assert!(ja.contains("自動音声の電話認証の流れ（日本、2025 年 12 月に終了）"));
}

#[test]
fn centers_lookup_and_json_fields() {
    let output = run(&["centers", "日本", "--json"], None);
    assert_eq!(output.status.code(), Some(0));
    let rows = json(&output);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    let japan = &rows[0];
    for field in [
        "iso",
        "country",
        "country_ja",
        "toll_free",
        "toll",
        "dial_toll_free",
        "dial_toll",
        "e164_toll_free",
        "e164_toll",
        "notes",
    ] {
        assert!(japan.get(field).is_some(), "field {field}");
    }
    assert_eq!(japan["iso"], "JP");
    assert_eq!(japan["dial_toll_free"][0], "0120-801-734");
    assert_eq!(japan["e164_toll_free"][0], "+81120801734");

    let text = stdout(&run(&["centers", "jp", "--lang", "en"], None));
    assert!(text.contains("0120-801-734"));
    assert!(
        text.contains("0120-801-704"),
        "the blog's number is shown as an alternative"
    );
    assert_eq!(run(&["centers", "zz-nowhere"], None).status.code(), Some(1));
    let all = json(&run(&["centers", "--json"], None));
    assert_eq!(all.as_array().unwrap().len(), 236);
}

#[test]
fn the_portal_on_this_pc_has_its_own_steps() {
    let here = stdout(&run(
        &["script", "--route", "portal-this-pc", "--lang", "en"],
        None,
    ));
    assert!(here.contains("Ctrl+V"), "{here}");
    assert!(here.contains("Ctrl+B"), "{here}");
    let phone = stdout(&run(&["script", "--route", "portal", "--lang", "en"], None));
    assert_ne!(here, phone);
}

#[test]
fn script_prints_numbered_steps_in_each_language() {
    let portal = stdout(&run(&["script", "--route", "portal", "--lang", "en"], None));
    assert!(portal.contains(" 1. "));
    assert!(portal.contains("aka.ms/aoh"));
    let japan = phone_script("JP", "ja");
    assert!(japan.contains("0120-801-734"));
    assert!(japan.contains(" 1. "));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["iid", "--no-such-flag"], None).status.code(), Some(2));
    assert_eq!(
        run(&["script", "--route", "fax"], None).status.code(),
        Some(2)
    );
}

#[test]
fn apply_refuses_a_mistyped_cid_before_running_anything() {
    let misheard = CID.replacen("829081", "829082", 1);
    let output = run(&["apply", "--lang", "en", &misheard], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Block C looks mistyped"), "{stderr}");
}

#[cfg(not(windows))]
#[test]
fn status_and_apply_elsewhere_than_windows_say_so_and_exit_2() {
    for args in [
        &["apply", "--lang", "en", CID][..],
        &[
            "apply",
            "--lang",
            "en",
            CID,
            "--activation-id",
            "f520e45e-7413-4a34-a497-d2765967d094",
        ],
        &["status", "--lang", "en"],
        &["status", "--json", "--lang", "en"],
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("work on Windows only"), "{stderr}");
        assert!(
            stderr.contains("slmgr /atp"),
            "the manual route is named: {stderr}"
        );
    }
}

#[test]
fn apply_refuses_a_bad_activation_id_or_iid_before_asking_windows() {
    let not_a_guid = "not-a-guid";
    let output = run(
        &["apply", "--lang", "en", CID, "--activation-id", not_a_guid],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not an Activation ID"));
    let typo = format!("{}8{}", &WINDOWS_11[..21], &WINDOWS_11[22..]);
    let output = run(&["apply", "--lang", "en", CID, "--iid", &typo], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("Group 4 looks mistyped"));
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn no_display_is_one_clear_line_and_exit_2() {
    // No display at all, then one that is gone (nothing listens on :97 here).
    for display in [None, Some(":97")] {
        for (lang, words) in [
            ("en", "The window cannot open"),
            ("ja", "ウィンドウを開けません"),
        ] {
            let home = tempfile::tempdir().unwrap();
            let mut command = Command::new(BINARY);
            command
                .args(["--lang", lang])
                .env("ACTIVATION_COMPANION_HOME", home.path())
                .env_remove("DISPLAY")
                .env_remove("WAYLAND_DISPLAY")
                .env_remove("WAYLAND_SOCKET");
            if let Some(display) = display {
                command.env("DISPLAY", display);
            }
            let output = command.output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(2),
                "{display:?} {lang}: {stderr}"
            );
            assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
            assert!(stderr.contains(words), "{stderr}");
            assert!(stderr.contains("activation-companion --help"), "{stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
        }
    }
}

// ---- output that cannot be written ---------------------------------------------------------

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(BINARY)
        .args(["centers", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader is gone before anything is written
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_line_and_exit_2() {
    let output = Command::new(BINARY)
        .args(["iid", "--json", "--lang", "en", WINDOWS_11])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("Cannot write the output"), "{stderr}");
}

/// `qr --lang en` of the Windows 11 ID written to `out`, with `more` arguments.
fn qr_to(out: &std::path::Path, more: &[&str]) -> Output {
    let out = out.to_str().expect("a UTF-8 path");
    run(
        &[&["qr", "--lang", "en", WINDOWS_11, "--out", out], more].concat(),
        None,
    )
}

#[test]
fn a_qr_file_that_cannot_be_written_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    // Under a file: no folder can be made there (a missing folder is made, as for every
    // output the user names).
    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let out = blocked.join("iid.png");
    let output = qr_to(&out, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("Cannot write "));
}

#[test]
fn module_pixels_are_bounded_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("iid.png");
    for pixels in ["3000", "4294967295", "2"] {
        let output = qr_to(&out, &["--module-pixels", pixels]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{pixels}: {stderr}");
        assert!(
            stderr.starts_with("--module-pixels must be between 8 and 64"),
            "{stderr}"
        );
        assert!(!out.exists());
    }
}

// ---- text is text ---------------------------------------------------------------------------

#[test]
fn text_that_starts_with_a_dash_is_text() {
    let ospp = common::ospp_two_products(
        WINDOWS_11,
        "465145217131314304264339481117862266242033457260311819664735280",
    );
    assert!(ospp.starts_with("---Processing"));
    // Options before or after the text, or both.
    for args in [
        vec!["iid", ospp.as_str(), "--json"],
        vec!["iid", "--json", ospp.as_str(), "--lang", "en"],
    ] {
        let output = run(&args, None);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(json(&output).as_array().unwrap().len(), 2);
    }
    let dashed = format!("-{CID}");
    let output = run(&["cid", &dashed, "--json"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["valid"], true);
    let output = run(&["apply", "--lang", "en", &dashed], None);
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("unexpected argument"),
        "apply takes it as the CID"
    );
    // An unknown option is still refused.
    assert_eq!(
        run(&["iid", "--jsno", WINDOWS_11], None).status.code(),
        Some(2)
    );
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn gui_takes_an_iid_that_starts_with_a_dash() {
    let home = tempfile::tempdir().unwrap();
    let output = Command::new(BINARY)
        .args(["gui", "--lang", "en", "--iid", "---Processing---\n4891263"])
        .env("ACTIVATION_COMPANION_HOME", home.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Parsed: it got as far as looking for a display.
    assert!(stderr.starts_with("The window cannot open"), "{stderr}");
}

#[test]
fn labelled_blocks_and_numbered_groups_are_found() {
    let letters = "A: 426296 B: 483130 C: 829081 D: 394993 E: 064403 F: 777482 G: 905722 H: 580616";
    let table =
        "A\t426296\nB\t483130\nC\t829081\nD\t394993\nE\t064403\nF\t777482\nG\t905722\nH\t580616\n";
    for text in [letters, table] {
        let output = run(&["cid", "--json", text], None);
        assert_eq!(output.status.code(), Some(0), "{text}");
        assert_eq!(json(&output)["digits"], CID.replace('-', ""));
    }
    let groups = common::groups(WINDOWS_11);
    let numbered: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}: {g}", i + 1))
        .collect();
    let japanese: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| format!("グループ{} {g}", i + 1))
        .collect();
    for text in [numbered.join(" "), japanese.join("\n")] {
        let output = run(&["iid", "--json", &text], None);
        assert_eq!(output.status.code(), Some(0), "{text}");
        assert_eq!(json(&output)[0]["digits"], WINDOWS_11);
    }
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    // What `cscript //U` writes.
    let text = format!("Installation ID: {WINDOWS_11}\r\n");
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let output = run(&["iid", "--json"], Some(&bytes));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)[0]["digits"], WINDOWS_11);
}

#[test]
fn human_output_of_a_huge_paste_finishes() {
    // 149,796 groups (standard input's bound, 1 MB), every one failing its check: the output
    // used to be quadratic in them.
    let digits = "1234567".repeat(149_796);
    let mut child = Command::new(BINARY)
        .args(["iid", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(digits.as_bytes());
    });
    let reader = std::thread::spawn(move || child.wait_with_output().unwrap());
    // Not a speed test (the benchmarks measure speed): a guard against a hang. Linear output
    // takes a few seconds in a debug build; the quadratic one took hours.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while !reader.is_finished() {
        assert!(std::time::Instant::now() < deadline, "iid did not finish");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    writer.join().unwrap();
    let output = reader.join().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert_eq!(text.matches("  × check it").count(), 149_796);
}

#[test]
fn a_cid_of_42_digits_says_block_h_may_be_missing_and_gives_no_command() {
    // Blocks A–G of a published 48-digit CID: consistent, but H was forgotten. Eight blocks
    // are read unless seven are asked for: the wrong length, and how to ask.
    let seven = &CID[..CID.len() - 7];
    let output = run(&["cid", "--lang", "en", seven], None);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("Found 42 digits; a Confirmation ID has 48 digits."),
        "{text}"
    );
    assert!(text.contains("--blocks 7"), "{text}");
    assert!(!text.contains("slmgr.vbs /atp"), "{text}");
    // Asked for seven: consistent, said to be XP-era, with no command for slmgr or ospp.
    let output = run(&["cid", "--lang", "en", "--blocks", "7", seven], None);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("block H is missing"), "{text}");
    assert!(!text.contains("slmgr.vbs /atp"), "{text}");
    assert!(!text.contains("ospp.vbs /actcid"), "{text}");
}

/// Issue 22 item 1: a slip at either end of a Confirmation ID (a letter for a digit, a digit
/// too many or too few, a 5- or 7-digit H) left blocks B-H or A-G as a "valid" 7-block ID
/// (exit 0, "format": "7x6"). Now the slip is named and nothing is valid, with or without
/// `--blocks 7`.
#[test]
fn a_slip_at_the_edge_of_a_confirmation_id_is_named_never_read_as_a_shorter_one() {
    let slips = [
        (
            "O26296-483130-829081-394993-064403-777482-905722-580616",
            "O26296",
        ),
        (
            "426296-483130-829081-394993-064403-777482-905722-58O616",
            "58O616",
        ),
        (
            "426296 483130 829081 394993 064403 777482 905722 5806167",
            "5806167",
        ),
        (
            "426296 483130 829081 394993 064403 777482 905722 58061",
            "58061",
        ),
        (
            "4262966-483130-829081-394993-064403-777482-905722-580616",
            "4262966",
        ),
        (
            "26296-483130-829081-394993-064403-777482-905722-580616",
            "26296",
        ),
    ];
    for (text, slip) in slips {
        for blocks in ["8", "7"] {
            let output = run(
                &["cid", "--json", "--lang", "en", "--blocks", blocks, text],
                None,
            );
            assert_ne!(output.status.code(), Some(0), "{text} (--blocks {blocks})");
            assert!(
                !stdout(&output).contains("\"valid\":true"),
                "{text} (--blocks {blocks}): {}",
                stdout(&output)
            );
            let said = String::from_utf8_lossy(&output.stderr).into_owned();
            let named = said.contains(slip) || said.contains("the letter O");
            assert!(named || stdout(&output).contains("42"), "{text}: {said}");
        }
    }
}

/// Ctrl+V pressed twice: the same ID twice on one line, with a separator or none. The
/// Confirmation ID's 16 blocks were read as a 54-digit run and a 7-block ID of blocks B-H
/// ("format": "7x6", "valid": true, exit 0); the Installation ID run together was "126 digits".
#[test]
fn the_same_id_twice_on_one_line_is_that_id_once() {
    let bare = CID.replace('-', "");
    for twice in [
        format!("{CID} {CID}"),
        format!("{CID}-{CID}"),
        format!("{bare}{bare}"),
    ] {
        let output = run(&["cid", "--json", &twice], None);
        assert_eq!(output.status.code(), Some(0), "{twice}");
        let cid = json(&output);
        assert_eq!(cid["digits"], bare, "{twice}");
        assert_eq!(cid["format"], "8x6", "{twice}");
    }
    let output = run(
        &["iid", "--lang", "en", &format!("{WINDOWS_11}{WINDOWS_11}")],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("63 digits; every group's check digit matches."),
        "{text}"
    );
    assert!(
        text.contains("The same Installation ID is here more than once"),
        "{text}"
    );
    assert!(!text.contains("126 digits"), "{text}");
    assert_eq!(text.matches("4891263").count(), 1, "{text}");
}

#[test]
fn a_letter_for_a_digit_is_named() {
    let output = run(
        &["cid", "--lang", "en", &CID.replacen("829081", "829O81", 1)],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim_end(),
        "Block C contains the letter O, not a digit: a zero? Type the digit 0."
    );
    let mut groups = common::groups(WINDOWS_11);
    groups[6] = groups[6].replacen('1', "l", 1);
    let output = run(&["iid", "--lang", "ja", &groups.join(" ")], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).starts_with("グループ 7 に数字ではなく英字の l"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

// ---- one country lookup everywhere ------------------------------------------------------------

#[test]
fn codes_and_aliases_resolve_the_same_in_every_command() {
    for (query, iso) in [
        ("UK", "GB"),
        ("gb", "GB"),
        ("GBR", "GB"),
        ("JPN", "JP"),
        ("USA", "US"),
    ] {
        let rows = json(&run(&["centers", query, "--json"], None));
        assert_eq!(rows.as_array().unwrap().len(), 1, "{query}");
        assert_eq!(rows[0]["iso"], iso, "{query}");
    }
    let uk = phone_script("UK", "en");
    assert!(
        uk.contains("How the automated phone line worked (United Kingdom)"),
        "the United Kingdom, not Ukraine: {uk}"
    );
}

#[test]
fn an_unknown_country_is_said_and_exit_1() {
    for args in [
        &[
            "script",
            "--route",
            "phone",
            "--country",
            "ZZ",
            "--lang",
            "en",
        ][..],
        &["gui", "--country", "ZZ", "--lang", "en"],
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr).trim_end(),
            "No country or region matches \"ZZ\". Give an ISO code (JP, JPN) or part of a name."
        );
    }
}

/// Japanese messages send the user to `--help` (「コマンドはウィンドウなしで使えます:
/// activation-companion --help」): it, and clap's own complaints, are in Japanese too.
#[test]
fn help_and_command_line_mistakes_are_in_japanese() {
    let english = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print help",
        "possible values",
        "default",
        "Carry",
        "Find and",
        // The usage line's placeholders (issue 24).
        "[OPTIONS]",
        "[COMMAND]",
    ];
    for args in [
        &["--lang", "ja", "--help"][..],
        &["--lang", "ja", "script", "--help"],
        &["--lang", "ja", "qr", "--help"],
        &["--lang", "ja", "history", "--help"],
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&output.stdout);
        assert!(help.contains("使い方: activation-companion"), "{help}");
        for word in english {
            assert!(!help.contains(word), "{args:?}: {word:?} in {help}");
        }
    }
    for (args, said) in [
        (
            &["--lang", "ja", "frobnicate"][..],
            "frobnicate というコマンドはありません。",
        ),
        (
            &["--lang", "ja", "iid", "--bogus", "1"],
            "--bogus というオプションはありません。",
        ),
        (
            &["--lang", "ja", "script", "--route", "nope"],
            "に「nope」は指定できません。",
        ),
        (
            &[
                "--lang",
                "ja",
                "qr",
                "--module-pixels",
                "abc",
                "--out",
                "x.png",
            ],
            "に「abc」は指定できません。",
        ),
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(
            error.starts_with("エラー: ") && error.contains(said),
            "{args:?}: {error}"
        );
        assert!(error.contains("activation-companion --help"), "{error}");
        assert!(
            !error.contains("error:") && !error.contains("Usage"),
            "{error}"
        );
    }
    // English stays clap's own.
    let output = run(&["--lang", "en", "frobnicate"], None);
    assert!(String::from_utf8_lossy(&output.stderr).contains("unrecognized subcommand"));
}

/// The portal's result card as a browser copies it (labels A-E, then F-H, over their blocks,
/// or beside them; the heading with the product and version above, the buttons below), in
/// Japanese and in English: `cid` reads its one Confirmation ID, and a heading's digits stay
/// out of it.
#[test]
fn cid_reads_the_portals_card_as_copied() {
    let digits = CID.replace('-', "");
    for (language, card) in [
        ("ja", &common::JAPANESE_CARD),
        ("en", &common::ENGLISH_CARD),
    ] {
        for heading in [None, Some("Windows 10 Build 190443")] {
            for (layout, body) in common::card_layouts(&digits) {
                let text = card.around(heading, &body);
                let output = run(
                    &["cid", "--json", "--lang", language],
                    Some(text.as_bytes()),
                );
                assert_eq!(output.status.code(), Some(0), "{layout}: {text}");
                assert_eq!(json(&output)["digits"], digits, "{layout}: {text}");
            }
        }
        let text = card.around(None, &common::card_layouts(&digits)[0].1);
        let output = run(&["cid", "--lang", language], Some(text.as_bytes()));
        assert!(stdout(&output).contains(&format!("slmgr.vbs /atp {digits}")));
    }
}

/// An Installation ID from a form of nine numbered fields, under a heading with a version or
/// a year: read as its 63 digits, not 72 or 76 with "group 1" blamed.
#[test]
fn iid_reads_numbered_fields_under_a_heading() {
    for (language, heading) in [
        ("en", "Office 2021"),
        ("en", "Windows 11 Version 24H2 (OS Build 26100.2605)"),
        ("ja", "インストール ID（Office 2021）"),
        ("ja", "Windows 11 バージョン 24H2"),
    ] {
        for (layout, body) in common::numbered_fields(WINDOWS_11) {
            let text = format!("{heading}\n{body}\n");
            let output = run(
                &["iid", "--json", "--lang", language],
                Some(text.as_bytes()),
            );
            assert_eq!(output.status.code(), Some(0), "{layout}: {text}");
            let ids = json(&output);
            assert_eq!(ids.as_array().unwrap().len(), 1, "{layout}: {text}");
            assert_eq!(ids[0]["digits"], WINDOWS_11, "{layout}: {text}");
        }
    }
}

/// What looks like a whole ID but cannot be read is said as what was seen, in the user's
/// language, with exit 2 (nothing to use).
#[test]
fn an_id_that_cannot_be_read_says_what_was_seen() {
    use activation_companion::id::{IdKind, IdProblem};
    use activation_companion::{Language, Localized};
    let shuffled = "Confirmation ID\nA: 426296 C: 829081 B: 483130 D: 394993 E: 064403 F: 777482 \
                    G: 905722 H: 580616";
    let seen = IdProblem::Unmatched {
        kind: IdKind::Confirmation,
        digits: 48,
        parts: 8,
        labelled: true,
    };
    for (code, language) in [("ja", Language::Japanese), ("en", Language::English)] {
        let output = run(&["cid", "--lang", code], Some(shuffled.as_bytes()));
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim_end(), seen.message(language));
    }
}

// ---- install-key and report (issue 17) ------------------------------------------------

/// A made-up key in the product-key alphabet (never a real one).
#[cfg(not(windows))]
const WELL_FORMED_KEY: &str = "BCDFG-HJKMP-QRTVW-XY234-6789B";

/// `install-key KEY` refuses the key (exit 1, nothing on standard output) saying `en` in
/// English and `ja` in Japanese; gives what it said in English.
fn install_key_refuses(key: &str, en: &str, ja: &str) -> String {
    let output = run(&["install-key", "--lang", "en", key], None);
    assert_eq!(output.status.code(), Some(1), "{key}");
    assert!(stdout(&output).is_empty(), "{key}");
    let said = stderr(&output);
    assert!(said.contains(en), "{said}");
    let output = run(&["install-key", "--lang", "ja", key], None);
    assert!(stderr(&output).contains(ja), "{}", stderr(&output));
    said
}

/// Refused on any OS, before "Windows only": nothing is sent to Windows.
#[test]
fn install_key_refuses_a_mistyped_key_where_it_is_wrong_on_any_os() {
    for (key, en, ja) in [
        (
            "BCDFG-HJKMP-QOTVW-XY234-6789B",
            "Group 3, character 2 is the letter O: product keys have no O or 0. Check the key.",
            "グループ 3 の 2 文字目が文字「O」です",
        ),
        (
            "BCDFGHJKMPQRTVWXY2346789",
            "The key has 24 characters: a product key has 25",
            "キーが 24 文字です",
        ),
        (
            "bcdfg-hjkmp-qrtvw-xy234-67S9b",
            "Group 5, character 3 is the letter S: product keys have no S or 5",
            "グループ 5 の 3 文字目",
        ),
    ] {
        let said = install_key_refuses(key, en, ja);
        assert!(said.contains("Nothing was sent to Windows"), "{said}");
        assert!(!said.contains("Windows only"), "{said}");
    }
}

#[cfg(not(windows))]
#[test]
fn install_key_with_a_well_formed_key_says_windows_only_and_never_prints_the_key() {
    // From the arguments, and from standard input (kept out of the shell's history).
    for (args, stdin) in [
        (vec!["install-key", "--lang", "en", WELL_FORMED_KEY], None),
        (
            vec!["install-key", "--lang", "en"],
            Some(format!("{WELL_FORMED_KEY}\n")),
        ),
    ] {
        let output = run(&args, stdin.as_deref().map(str::as_bytes));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = stderr(&output);
        assert!(
            said.contains("Installing a product key works on Windows only"),
            "{said}"
        );
        assert!(said.contains("slmgr /ipk"), "{said}");
        for text in [said.as_str(), stdout(&output).as_str()] {
            assert!(!text.contains("BCDFG") && !text.contains("HJKMP"), "{text}");
        }
    }
}

#[test]
fn report_out_writes_a_report_the_tests_can_replay_and_exits_0() {
    use activation_companion::licensing::report::RecordedPc;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let output = run(
        &["report", "--lang", "en", "--out", file.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("The support report is written to "),
        "{}",
        stdout(&output)
    );
    let report: RecordedPc =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).expect("a report");
    assert_eq!(
        report.app.as_ref().map(|app| app.version.as_str()),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert!(report.written_at.is_some());
    assert!(!report.calls.is_empty(), "each call is recorded");
    if cfg!(not(windows)) {
        // The service's failure is what is recorded, and it replays as that failure.
        assert_eq!(report.failures["SoftwareLicensingProduct"], "not windows");
        assert!(
            report.notes[0].contains("Windows only"),
            "{:?}",
            report.notes
        );
        assert!(report.read().is_err());
    }

    // Without --out, the same JSON on standard output; --leave-out-ids is taken.
    let output = run(&["report", "--leave-out-ids"], None);
    assert_eq!(output.status.code(), Some(0));
    let _: RecordedPc = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
}

#[test]
fn report_to_a_file_that_cannot_be_written_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    let output = run(
        &[
            "report",
            "--lang",
            "en",
            "--out",
            blocked.join("report.json").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!stderr(&output).is_empty());
}

// ---- --json always answers; one table of exit codes (issue 24) --------------------------------

#[test]
fn json_always_prints_one_value_with_the_problem() {
    // Nothing found: an object with the problem, exit 2 (the same for iid and cid).
    for command in ["iid", "cid"] {
        let output = run(&[command, "--json", "--lang", "en", "nothing here"], None);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let answer = json(&output);
        assert_eq!(
            answer["problem"]["kind"], "not_found",
            "{command}: {answer}"
        );
        assert!(
            answer["problem"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("No ")),
            "{answer}"
        );
    }
    // A letter for a digit: its block and the letter, exit 1.
    let output = run(
        &[
            "cid",
            "--json",
            "--lang",
            "en",
            &CID.replacen("829081", "829O81", 1),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let answer = json(&output);
    assert_eq!(answer["problem"]["kind"], "letter_for_a_digit", "{answer}");
    assert_eq!(answer["problem"]["part"], "C");
    assert_eq!(answer["problem"]["character"], "O");
}

#[cfg(not(windows))]
#[test]
fn status_json_without_the_licensing_service_is_json() {
    let output = run(&["status", "--json", "--lang", "en"], None);
    assert_eq!(output.status.code(), Some(2));
    let answer = json(&output);
    assert_eq!(answer["problem"]["kind"], "licensing_service", "{answer}");
    assert!(
        answer["problem"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("Windows only")),
        "{answer}"
    );
}

#[test]
fn nothing_found_is_exit_2_in_every_command() {
    for args in [
        &["iid", "--lang", "en", "nothing here"][..],
        &["cid", "--lang", "en", "nothing here"],
        &["apply", "--lang", "en", "nothing here"],
        &[
            "qr",
            "--lang",
            "en",
            "--out",
            "never-written.png",
            "nothing here",
        ],
    ] {
        let output = run(args, None);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

// ---- standard input to a bound (issue 24) -----------------------------------------------------

/// The binary with `args`, fed `total` bytes of junk on standard input (written while it
/// reads; a reader that stops early ends the writing).
fn run_fed(args: &[&str], total: usize) -> Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("a pipe");
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        while sent < total {
            if input.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len();
        }
    });
    let output = child.wait_with_output().expect("the binary ends");
    writer.join().expect("the writer ends");
    output
}

#[test]
fn standard_input_past_its_bound_is_refused_in_both_languages() {
    // 64 MB: past every bound; the command stops reading at its bound.
    let total = 64 * 1024 * 1024;
    for (args, en) in [
        (&["iid", "--lang", "en"][..], "longer than 1 MB"),
        (&["cid", "--lang", "en"], "longer than 1 MB"),
        (&["apply", "--lang", "en"], "longer than 1 MB"),
        (&["install-key", "--lang", "en"], "longer than 4 KB"),
    ] {
        let output = run_fed(args, total);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let said = stderr(&output);
        assert!(said.contains(en), "{args:?}: {said}");
        assert_eq!(said.trim_end().lines().count(), 1, "{said}");
    }
    let output = run_fed(&["iid", "--json", "--lang", "ja"], 2 * 1024 * 1024);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(json(&output)["problem"]["kind"], "input_too_long");
    assert!(
        stderr(&output).contains("標準入力が 1 MB を超えています"),
        "{}",
        stderr(&output)
    );
    // Exactly at the bound is read.
    let mut text = format!("{WINDOWS_11}\n").into_bytes();
    text.resize(1024 * 1024, b' ');
    let output = run(&["iid", "--lang", "en"], Some(&text));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn help_says_the_bounds_in_both_languages() {
    for (language, iid, key) in [
        ("en", "at most 1 MB", "at most 4 KB"),
        ("ja", "1 MB まで", "4 KB まで"),
    ] {
        let help = stdout(&run(&["iid", "--help", "--lang", language], None));
        assert!(help.contains(iid), "{help}");
        let help = stdout(&run(&["install-key", "--help", "--lang", language], None));
        assert!(help.contains(key), "{help}");
    }
}

// ---- install-key: a key as an argument, a key at a terminal (issue 24) ------------------------

/// Not on Windows: there the key would be installed.
#[cfg(not(windows))]
#[test]
fn a_key_given_as_an_argument_gets_a_note_about_who_can_see_it() {
    let output = run(&["install-key", "--lang", "en", WELL_FORMED_KEY], None);
    let said = stderr(&output);
    assert!(said.contains("visible to other processes"), "{said}");
    assert!(said.contains("shell's history"), "{said}");
    let output = run(
        &["install-key", "--lang", "en"],
        Some(WELL_FORMED_KEY.as_bytes()),
    );
    assert!(!stderr(&output).contains("visible to other processes"));
}

/// Through a pseudo-terminal, as a person types: a prompt, nothing typed echoed, and Enter
/// (not the end of input) ends the key.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn install_key_at_a_terminal_prompts_without_echo_and_enter_ends_it() {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};

    for (language, prompt) in [
        ("en", "Type the product key and press Enter"),
        ("ja", "プロダクト キーを入力して Enter を押してください"),
    ] {
        let (mut master, slave) = {
            let (mut master, mut slave) = (-1, -1);
            // SAFETY: openpty writes two descriptors, which are owned from here on.
            let opened = unsafe {
                libc::openpty(
                    &mut master,
                    &mut slave,
                    std::ptr::null_mut(),
                    std::ptr::null(),
                    std::ptr::null(),
                )
            };
            assert_eq!(opened, 0, "openpty");
            // SAFETY: fresh descriptors from openpty, each owned once.
            unsafe {
                (
                    std::fs::File::from(OwnedFd::from_raw_fd(master)),
                    OwnedFd::from_raw_fd(slave),
                )
            }
        };
        let mut child = Command::new(BINARY)
            .args(["install-key", "--lang", language])
            .env("LANG", "C")
            .stdin(Stdio::from(slave.try_clone().expect("the terminal")))
            .stdout(Stdio::from(slave.try_clone().expect("the terminal")))
            .stderr(Stdio::from(slave))
            .spawn()
            .expect("the binary runs");
        // Should Enter not end the key, the child would wait for ever: it is ended here after
        // a minute, and the test fails on what it shows (a safety net, not a timing).
        let finished = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let pid = child.id() as libc::pid_t;
        {
            let finished = finished.clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(60));
                if !finished.load(std::sync::atomic::Ordering::SeqCst) {
                    // SAFETY: a signal to our own child, which has not been waited for.
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                }
            });
        }
        // What the terminal shows, read until `wanted` is on it (or the terminal closes).
        fn read_until(master: &mut std::fs::File, wanted: &str, shown: &mut Vec<u8>) {
            let mut buffer = [0u8; 1024];
            while !String::from_utf8_lossy(shown).contains(wanted) {
                match master.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => shown.extend_from_slice(&buffer[..n]),
                }
            }
        }
        let mut shown = Vec::new();
        read_until(&mut master, prompt, &mut shown);
        assert!(
            String::from_utf8_lossy(&shown).contains(prompt),
            "{}",
            String::from_utf8_lossy(&shown)
        );
        // Typed after the prompt, then Enter; the terminal stays open (no end of input).
        master
            .write_all(format!("{WELL_FORMED_KEY}\r").as_bytes())
            .expect("typed");
        read_until(&mut master, "slmgr /ipk", &mut shown);
        let status = child.wait().expect("the binary ends");
        finished.store(true, std::sync::atomic::Ordering::SeqCst);
        let shown = String::from_utf8_lossy(&shown);
        assert_eq!(status.code(), Some(2), "{shown}");
        assert!(shown.contains("slmgr /ipk"), "the key was read: {shown}");
        for group in WELL_FORMED_KEY.split('-').take(4) {
            assert!(!shown.contains(group), "the key was echoed: {shown}");
        }
    }
}

// ---- the command line's small things (issue 24, item 6) ----------------------------------------

#[test]
fn japanese_cid_output_has_no_space_after_a_full_stop() {
    let output = run(&["cid", "--lang", "ja", CID], None);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("。"), "{text}");
    assert!(!text.contains("。 "), "{text}");
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_named_with_its_position() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    for (language, said) in [
        ("en", "argument 4, \"caf\u{FFFD}\""),
        ("ja", "4 番目の引数「caf\u{FFFD}」"),
    ] {
        let output = Command::new(BINARY)
            .args(["--lang", language, "iid"])
            .arg(OsStr::from_bytes(b"caf\xff"))
            .env("LANG", "C")
            .output()
            .expect("the binary runs");
        assert_eq!(output.status.code(), Some(2));
        let error = stderr(&output);
        assert!(error.contains(said), "{error}");
        assert_eq!(error.trim_end().lines().count(), 1, "{error}");
    }
}

// ---- product-key messages (issue 24, item 5) ---------------------------------------------------

#[test]
fn a_key_problem_names_the_character_as_the_user_sees_it() {
    for (key, en, ja) in [
        (
            "VK7JG\u{200B}-NPHTM-C97JM-9MPGT-3V66T",
            "Group 1 holds an invisible character, U+200B, after character 5",
            "グループ 1 の 5 文字目の後に、見えない文字（U+200B）があります",
        ),
        (
            "VK7JG-NPHTM-C97JM-9MPGT-3\u{2165}6T",
            "Group 5, character 2 is the character \u{2165}",
            "グループ 5 の 2 文字目が文字「\u{2165}」です",
        ),
        (
            "VK7JG-NPHTM-C97JM-9MPGT-3V6\u{24C9}T",
            "Group 5, character 4 is the character \u{24C9}",
            "グループ 5 の 4 文字目が文字「\u{24C9}」です",
        ),
    ] {
        install_key_refuses(key, en, ja);
    }
    // Text around the key, and _ between groups: read as the key (then "Windows only"; not
    // run on Windows, where the key would be installed).
    #[cfg(not(windows))]
    for key in [
        "Product key: BCDFG-HJKMP-QRTVW-XY234-6789B",
        "BCDFG_HJKMP_QRTVW_XY234_6789B",
    ] {
        let output = run(&["install-key", "--lang", "en"], Some(key.as_bytes()));
        let said = stderr(&output);
        assert!(
            !said.contains("Nothing was sent to Windows"),
            "{key}: {said}"
        );
        assert!(said.contains("works on Windows only"), "{key}: {said}");
    }
}

// ---- readings (issue 24, item 7) ---------------------------------------------------------------

/// A copied table whose H cell is empty: the number on the next line is not block H.
#[test]
fn a_table_with_an_empty_h_cell_does_not_take_the_next_line_as_h() {
    let table = "A\tB\tC\tD\tE\tF\tG\tH\n\
                 426296\t483130\t829081\t394993\t064403\t777482\t905722\t\n\
                 123456\n";
    let output = run(&["cid", "--json", "--lang", "en"], Some(table.as_bytes()));
    let cid = json(&output);
    assert_eq!(
        cid["digits"], "426296483130829081394993064403777482905722",
        "{cid}"
    );
    assert!(!stdout(&output).contains("123456"), "{}", stdout(&output));
    // Eight blocks are read unless seven are asked for: the seven found are too few.
    let output = run(&["cid", "--lang", "en"], Some(table.as_bytes()));
    assert!(
        stdout(&output).contains("Found 42 digits; a Confirmation ID has 48 digits."),
        "{}",
        stdout(&output)
    );
}

/// A labelled Installation ID in two columns (`1: ... 6: ...` on one line): read in label
/// order, not as 72 digits.
#[test]
fn a_labelled_iid_in_two_columns_is_read_in_label_order() {
    let groups = common::groups(WINDOWS_11);
    let mut text = String::new();
    for row in 0..5 {
        text.push_str(&format!("{}: {}", row + 1, groups[row]));
        if row + 5 < 9 {
            text.push_str(&format!("   {}: {}", row + 6, groups[row + 5]));
        }
        text.push('\n');
    }
    let output = run(&["iid", "--json", "--lang", "en"], Some(text.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{text}\n{}", stdout(&output));
    assert_eq!(json(&output)[0]["digits"], WINDOWS_11);
}
