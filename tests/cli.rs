//! The command-line contract, tested by running the built binary.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_activation-companion");
const WINDOWS_11: &str = "489126343257012289105546522085205332958764158851011127139061121";
const CID: &str = "426296-483130-829081-394993-064403-777482-905722-580616";

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The child may stop reading early; a broken pipe is not this test's concern.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

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
    assert!(
        id["problem"]
            .as_str()
            .unwrap()
            .starts_with("Group 4 looks mistyped")
    );

    let human = run(&["iid", "--lang", "en", &typo], None);
    assert_eq!(human.status.code(), Some(1));
    assert!(
        stdout(&human).contains(" 4  8465220  × inconsistent"),
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
    assert_eq!(
        id["problem"],
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
        json(&output)[0]["problem"]
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

    let tel = dir.path().join("tel.png");
    assert_eq!(
        run(&["qr", "--tel", "jp", "--out", tel.to_str().unwrap()], None)
            .status
            .code(),
        Some(0)
    );
    assert!(tel.exists());
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
fn script_prints_numbered_steps_in_each_language() {
    let portal = stdout(&run(&["script", "--route", "portal", "--lang", "en"], None));
    assert!(portal.contains(" 1. "));
    assert!(portal.contains("aka.ms/aoh"));
    let japan = stdout(&run(
        &[
            "script",
            "--route",
            "phone",
            "--country",
            "JP",
            "--lang",
            "ja",
        ],
        None,
    ));
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
    let output = run(
        &[
            "apply",
            "--lang",
            "en",
            CID,
            "--activation-id",
            "not-a-guid",
        ],
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

#[test]
fn a_qr_file_that_cannot_be_written_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder").join("iid.png");
    let output = run(
        &[
            "qr",
            "--lang",
            "en",
            WINDOWS_11,
            "--out",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("Cannot write "));
}

#[test]
fn module_pixels_are_bounded_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("iid.png");
    for pixels in ["3000", "4294967295", "2"] {
        let output = run(
            &[
                "qr",
                "--lang",
                "en",
                WINDOWS_11,
                "--out",
                out.to_str().unwrap(),
                "--module-pixels",
                pixels,
            ],
            None,
        );
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
    // 571,429 groups, every one failing its check: the output used to be quadratic in them.
    let digits = "1234567".repeat(571_429);
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
    assert_eq!(text.matches("  × inconsistent").count(), 571_429);
}

#[test]
fn a_cid_of_42_digits_says_block_h_may_be_missing_and_gives_no_command() {
    // Blocks A–G of a published 48-digit CID: consistent, but H was forgotten.
    let seven = &CID[..CID.len() - 7];
    let output = run(&["cid", "--lang", "en", seven], None);
    let text = stdout(&output);
    assert!(text.contains("block H is missing"), "{text}");
    assert!(!text.contains("slmgr.vbs /atp"), "{text}");
    assert!(!text.contains("ospp.vbs /actcid"), "{text}");
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
    let uk = stdout(&run(
        &[
            "script",
            "--route",
            "phone",
            "--country",
            "UK",
            "--lang",
            "en",
        ],
        None,
    ));
    assert!(uk.starts_with("Activate by phone (United Kingdom)"), "{uk}");
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("uk.png");
    let output = run(&["qr", "--tel", "UK", "--out", png.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    let image = image::open(&png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        image.width() as usize,
        image.height() as usize,
        |x, y| image.get_pixel(x as u32, y as u32).0[0],
    );
    let (_, content) = prepared.detect_grids()[0].decode().unwrap();
    assert_eq!(
        content, "tel:+448000188354",
        "the United Kingdom, not Ukraine"
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
        &["qr", "--tel", "ZZ", "--out", "unused.png", "--lang", "en"],
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
