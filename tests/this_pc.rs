//! The PC being activated, driven through a fake `CommandRunner` that replays recorded outputs.
//!
//! Fixtures (`tests/fixtures/windows/*.txt`) are written from Microsoft's script sources
//! (slmgr.vbs `L_Msg…` strings and `ShowError`, ospp.vbs `MSG_…` strings and `sppErrHandle`)
//! with real published IIDs/CIDs from `id-samples.json`. Two are not byte-for-byte records:
//! - `slmgr_dti_ja.txt`: the exact Japanese strings were not found (activation-facts §4); its
//!   label and sentence stand in for them. The parser keys on digits, not labels.
//! - `slmgr_dti_en.txt` is what today's slmgr.vbs prints for the primary Windows SKU (it stops
//!   before the phone.inf sentence); `slmgr_dti_en_banner.txt` is the older form with the
//!   banner and that sentence, as published screenshots show it.
//!
//! cscript runs with `//U`, so real output is UTF-16LE with CRLF: the tests feed both that and
//! plain UTF-8.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

use activation_companion::id::ConfirmationId;
use activation_companion::windows::{
    ApplyError, ApplyOutcome, CommandOutput, CommandRunner, FailureKind, Product, ReadError,
    RunError, SCRIPT_TIMEOUT, apply_command, apply_confirmation_id, codes,
    command_line_for_display, country_from_locale_tag, phone_inf_path, read_installation_ids,
};
use activation_companion::{Language, Localized};

const CID: &str = "426296 483130 829081 394993 064403 777482 905722 580616";
const CID_DIGITS: &str = "426296483130829081394993064403777482905722580616";
const OFFICE16: &str = r"C:\Program Files\Microsoft Office\Office16\OSPP.VBS";

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What `cscript //U` writes: UTF-16LE, CRLF line ends.
fn utf16le(text: &str) -> Vec<u8> {
    text.replace('\n', "\r\n")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

fn output(stdout: Vec<u8>, status_code: i32) -> Result<CommandOutput, RunError> {
    Ok(CommandOutput {
        status_code: Some(status_code),
        stdout,
        stderr: Vec::new(),
    })
}

/// Replies by the script verb (`/dti`, `/dinstid`, `/atp`, `/actcid`) and records each call.
#[derive(Default)]
struct FakeRunner {
    replies: HashMap<&'static str, Result<CommandOutput, RunError>>,
    calls: RefCell<Vec<(PathBuf, Vec<OsString>)>>,
}

impl FakeRunner {
    fn reply(mut self, verb: &'static str, reply: Result<CommandOutput, RunError>) -> Self {
        self.replies.insert(verb, reply);
        self
    }

    fn calls(&self) -> Vec<(PathBuf, Vec<OsString>)> {
        self.calls.borrow().clone()
    }

    fn displayed_calls(&self) -> Vec<String> {
        self.calls()
            .iter()
            .map(|(program, args)| command_line_for_display(program, args))
            .collect()
    }
}

impl CommandRunner for FakeRunner {
    fn run(
        &self,
        program: &Path,
        args: &[OsString],
        timeout: Duration,
    ) -> Result<CommandOutput, RunError> {
        assert_eq!(timeout, SCRIPT_TIMEOUT);
        self.calls
            .borrow_mut()
            .push((program.to_path_buf(), args.to_vec()));
        let verb = args
            .iter()
            .filter_map(|a| a.to_str())
            .find_map(|a| {
                ["/dti", "/dinstid", "/atp", "/actcid"]
                    .into_iter()
                    .find(|verb| a.starts_with(verb))
            })
            .expect("a known script verb");
        self.replies
            .get(verb)
            .cloned()
            .unwrap_or_else(|| panic!("no reply recorded for {verb}"))
    }
}

fn env(name: &str) -> Option<String> {
    match name {
        "SystemRoot" => Some(r"C:\Windows".into()),
        "ProgramFiles" => Some(r"C:\Program Files".into()),
        "ProgramFiles(x86)" => Some(r"C:\Program Files (x86)".into()),
        _ => None,
    }
}

fn no_office(_: &Path) -> bool {
    false
}

fn office16(path: &Path) -> bool {
    path == Path::new(OFFICE16)
}

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

// ---- reading ----------------------------------------------------------------------------

#[test]
fn windows_id_is_read_with_slmgr_dti_and_labelled_windows() {
    let runner =
        FakeRunner::default().reply("/dti", output(utf16le(&fixture("slmgr_dti_en.txt")), 0));
    let products = read_installation_ids(&runner, &env, &no_office).unwrap();

    assert_eq!(products.len(), 1);
    assert_eq!(products[0].product, Product::Windows);
    assert_eq!(products[0].label, "Windows");
    assert_eq!(
        products[0].iid.digits(),
        "489126343257012289105546522085205332958764158851011127139061121"
    );
    assert!(products[0].iid.is_valid());
    assert_eq!(products[0].activation_id, None);
    assert_eq!(
        runner.calls(),
        vec![(
            PathBuf::from(r"C:\Windows\System32\cscript.exe"),
            args(&["//nologo", "//U", r"C:\Windows\System32\slmgr.vbs", "/dti"])
        )]
    );
}

#[test]
fn the_banner_and_the_phone_inf_sentence_do_not_confuse_the_reader() {
    for bytes in [
        utf16le(&fixture("slmgr_dti_en_banner.txt")),
        fixture("slmgr_dti_en_banner.txt").into_bytes(),
    ] {
        let runner = FakeRunner::default().reply("/dti", output(bytes, 0));
        let products = read_installation_ids(&runner, &env, &no_office).unwrap();
        assert_eq!(products.len(), 1);
        assert_eq!(
            products[0].iid.digits(),
            "130096098742538877424757780434931350325192537413574684069762241"
        );
    }
}

#[test]
fn a_japanese_windows_reply_in_utf16_is_read() {
    let runner =
        FakeRunner::default().reply("/dti", output(utf16le(&fixture("slmgr_dti_ja.txt")), 0));
    let products = read_installation_ids(&runner, &env, &no_office).unwrap();
    assert_eq!(products.len(), 1);
    assert_eq!(products[0].label, "Windows");
    assert_eq!(
        products[0].iid.digits(),
        "508760583450367066786558223034732344271525457574499727444472481"
    );
    assert!(products[0].iid.is_valid());
}

#[test]
fn office_products_are_read_from_each_ospp_found_and_labelled_by_license_name() {
    let runner = FakeRunner::default()
        .reply("/dti", output(utf16le(&fixture("slmgr_dti_en.txt")), 0))
        .reply(
            "/dinstid",
            output(utf16le(&fixture("ospp_dinstid_two_products.txt")), 0),
        );
    let products = read_installation_ids(&runner, &env, &office16).unwrap();

    let labels: Vec<&str> = products.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Windows",
            "Office 16, Office16ProPlusVL_MAK edition",
            "Office 16, Office16VisioProVL_MAK edition"
        ]
    );
    assert!(products.iter().all(|p| p.iid.is_valid()));
    let office = Product::Office {
        script: PathBuf::from(OFFICE16),
    };
    assert_eq!(products[1].product, office);
    assert_eq!(
        runner.displayed_calls()[1],
        r#"C:\Windows\System32\cscript.exe //nologo //U "C:\Program Files\Microsoft Office\Office16\OSPP.VBS" /dinstid"#
    );
}

#[test]
fn office_is_looked_for_in_both_program_files_and_three_versions() {
    let looked_at = RefCell::new(Vec::new());
    let exists = |path: &Path| {
        looked_at.borrow_mut().push(path.to_path_buf());
        false
    };
    let runner =
        FakeRunner::default().reply("/dti", output(fixture("slmgr_dti_en.txt").into_bytes(), 0));
    read_installation_ids(&runner, &env, &exists).unwrap();
    let looked_at: Vec<String> = looked_at
        .into_inner()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert_eq!(
        looked_at,
        [
            r"C:\Program Files\Microsoft Office\Office16\OSPP.VBS",
            r"C:\Program Files\Microsoft Office\Office15\OSPP.VBS",
            r"C:\Program Files\Microsoft Office\Office14\OSPP.VBS",
            r"C:\Program Files (x86)\Microsoft Office\Office16\OSPP.VBS",
            r"C:\Program Files (x86)\Microsoft Office\Office15\OSPP.VBS",
            r"C:\Program Files (x86)\Microsoft Office\Office14\OSPP.VBS",
        ]
    );
}

#[test]
fn the_same_office_id_from_two_folders_is_listed_once() {
    let both = |path: &Path| {
        path == Path::new(OFFICE16)
            || path == Path::new(r"C:\Program Files (x86)\Microsoft Office\Office15\OSPP.VBS")
    };
    let runner = FakeRunner::default()
        .reply(
            "/dti",
            output(fixture("slmgr_product_not_found.txt").into_bytes(), 0),
        )
        .reply(
            "/dinstid",
            output(fixture("ospp_dinstid_two_products.txt").into_bytes(), 0),
        );
    let products = read_installation_ids(&runner, &env, &both).unwrap();
    assert_eq!(products.len(), 2);
    assert_eq!(runner.calls().len(), 3);
}

#[test]
fn nothing_installed_is_nothing_found() {
    let runner = FakeRunner::default()
        .reply(
            "/dti",
            output(utf16le(&fixture("slmgr_product_not_found.txt")), 0),
        )
        .reply(
            "/dinstid",
            output(utf16le(&fixture("ospp_no_product_keys.txt")), 0),
        );
    let error = read_installation_ids(&runner, &env, &office16).unwrap_err();
    let ReadError::NothingFound { output } = &error else {
        panic!("{error:?}")
    };
    assert!(output.contains("Error: product not found."), "{output}");
    assert!(error.message(Language::English).contains("product key"));
    assert!(
        error
            .message(Language::Japanese)
            .contains("プロダクト キー")
    );
}

#[test]
fn a_timeout_is_reported_with_the_command_unless_office_answered() {
    let timed_out = Err(RunError::TimedOut {
        after: SCRIPT_TIMEOUT,
    });
    let runner = FakeRunner::default().reply("/dti", timed_out.clone());
    let error = read_installation_ids(&runner, &env, &no_office).unwrap_err();
    assert!(matches!(error, ReadError::Run { .. }), "{error:?}");
    let english = error.message(Language::English);
    assert!(
        english.contains("60 seconds") && english.contains("slmgr.vbs /dti"),
        "{english}"
    );
    assert!(error.message(Language::Japanese).contains("60 秒"));

    let runner = FakeRunner::default().reply("/dti", timed_out).reply(
        "/dinstid",
        output(fixture("ospp_dinstid_two_products.txt").into_bytes(), 0),
    );
    let products = read_installation_ids(&runner, &env, &office16).unwrap();
    assert_eq!(products.len(), 2);
}

#[test]
fn access_denied_while_reading_says_run_as_administrator() {
    let runner = FakeRunner::default().reply(
        "/dti",
        output(
            fixture("slmgr_atp_access_denied.txt").into_bytes(),
            codes::ACCESS_DENIED as i32,
        ),
    );
    let error = read_installation_ids(&runner, &env, &no_office).unwrap_err();
    let ReadError::Script { error: cause, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(cause.needs_administrator());
    assert!(
        error
            .message(Language::English)
            .contains("Run as administrator")
    );
    assert!(
        error
            .message(Language::Japanese)
            .contains("管理者として実行")
    );
}

// ---- applying ---------------------------------------------------------------------------

fn cid() -> ConfirmationId {
    ConfirmationId::from_typed(CID)
}

#[test]
fn windows_cid_goes_to_slmgr_atp_as_one_digits_only_argument() {
    let runner = FakeRunner::default().reply(
        "/atp",
        output(utf16le(&fixture("slmgr_atp_success.txt")), 0),
    );
    let report = apply_confirmation_id(&runner, &env, &cid(), Product::Windows, None).unwrap();

    assert_eq!(report.outcome, ApplyOutcome::Deposited);
    assert!(report.output.contains("deposited successfully"));
    assert_eq!(
        runner.calls(),
        vec![(
            PathBuf::from(r"C:\Windows\System32\cscript.exe"),
            args(&[
                "//nologo",
                "//U",
                r"C:\Windows\System32\slmgr.vbs",
                "/atp",
                CID_DIGITS
            ])
        )]
    );
    assert_eq!(
        report.command,
        format!(
            r"C:\Windows\System32\cscript.exe //nologo //U C:\Windows\System32\slmgr.vbs /atp {CID_DIGITS}"
        )
    );
    assert!(
        report
            .outcome
            .message(Language::English)
            .starts_with("Activated")
    );
    assert!(
        report
            .outcome
            .message(Language::Japanese)
            .contains("ライセンス認証されました")
    );
}

#[test]
fn an_activation_id_is_passed_after_the_cid_and_must_be_a_guid() {
    let runner = FakeRunner::default().reply(
        "/atp",
        output(fixture("slmgr_atp_success.txt").into_bytes(), 0),
    );
    apply_confirmation_id(
        &runner,
        &env,
        &cid(),
        Product::Windows,
        Some("{2DE67392-B7A7-462A-B1CA-108DD189F588}"),
    )
    .unwrap();
    let (_, run_args) = &runner.calls()[0];
    assert_eq!(
        &run_args[3..],
        &args(&["/atp", CID_DIGITS, "2de67392-b7a7-462a-b1ca-108dd189f588"])[..]
    );

    let runner = FakeRunner::default();
    let error = apply_confirmation_id(&runner, &env, &cid(), Product::Windows, Some("all & del"))
        .unwrap_err();
    assert!(matches!(error, ApplyError::InvalidActivationId(_)));
    assert!(runner.calls().is_empty());
}

#[test]
fn an_inconsistent_cid_is_refused_before_anything_runs() {
    let runner = FakeRunner::default();
    // Block C changed by one digit.
    let typo =
        ConfirmationId::from_typed("426296 483130 829082 394993 064403 777482 905722 580616");
    let error = apply_confirmation_id(&runner, &env, &typo, Product::Windows, None).unwrap_err();
    assert!(matches!(error, ApplyError::InvalidCid(_)), "{error:?}");
    assert!(runner.calls().is_empty());
    let english = error.message(Language::English);
    assert!(
        english.contains("nothing was sent") && english.contains("Block C"),
        "{english}"
    );
    let japanese = error.message(Language::Japanese);
    assert!(
        japanese.contains("何も送っていません") && japanese.contains("ブロック C"),
        "{japanese}"
    );

    let short = ConfirmationId::from_typed(&CID_DIGITS[..47]);
    assert!(matches!(
        apply_confirmation_id(&runner, &env, &short, Product::Windows, None),
        Err(ApplyError::InvalidCid(_))
    ));
    let xp = ConfirmationId::from_typed("154814-744406-423500-209405-874111-676042-686055");
    assert!(xp.is_valid());
    assert_eq!(
        apply_confirmation_id(&runner, &env, &xp, Product::Windows, None),
        Err(ApplyError::WrongCidFormat)
    );
    assert!(runner.calls().is_empty());
}

fn failure(
    reply: Result<CommandOutput, RunError>,
    target: Product,
) -> activation_companion::windows::ActivationError {
    let verb = match target {
        Product::Windows => "/atp",
        Product::Office { .. } => "/actcid",
    };
    let runner = FakeRunner::default().reply(verb, reply);
    let report = apply_confirmation_id(&runner, &env, &cid(), target, None).unwrap();
    match report.outcome {
        ApplyOutcome::Failed(error) => error,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_wrong_check_digit_is_explained_with_what_to_do_next() {
    let error = failure(
        output(
            utf16le(&fixture("slmgr_atp_0xC004F04D.txt")),
            codes::CHECK_DIGIT as i32,
        ),
        Product::Windows,
    );
    assert_eq!(error.code, Some(0xC004_F04D));
    assert_eq!(error.kind, FailureKind::ErrorCode);
    assert!(!error.needs_administrator());
    let english = error.message(Language::English);
    assert!(
        english.contains("check digit") && english.contains("Next:"),
        "{english}"
    );
    assert!(error.message(Language::Japanese).contains("チェック数字"));
}

#[test]
fn a_cid_for_another_iid_says_get_a_new_one() {
    let error = failure(
        output(fixture("slmgr_atp_0xC004F031.txt").into_bytes(), 0),
        Product::Windows,
    );
    assert_eq!(error.code, Some(codes::IID_CID_MISMATCH));
    assert!(
        error
            .message(Language::English)
            .contains("new Confirmation ID")
    );
    assert!(error.message(Language::Japanese).contains("取得し直して"));
}

#[test]
fn access_denied_needs_administrator() {
    let error = failure(
        output(
            utf16le(&fixture("slmgr_atp_access_denied.txt")),
            codes::ACCESS_DENIED as i32,
        ),
        Product::Windows,
    );
    assert!(error.needs_administrator());
    assert_eq!(error.code, Some(0x8007_0005));
    assert!(error.message(Language::English).contains("administrator"));
    assert!(error.message(Language::Japanese).contains("管理者"));
}

#[test]
fn activation_failed_and_product_not_found_are_told_apart() {
    let failed = failure(
        output(fixture("slmgr_atp_activation_failed.txt").into_bytes(), 0),
        Product::Windows,
    );
    assert_eq!(failed.kind, FailureKind::NotActivated);
    assert_eq!(failed.code, None);
    assert!(
        failed
            .message(Language::English)
            .contains("still not activated")
    );

    let missing = failure(
        output(fixture("slmgr_product_not_found.txt").into_bytes(), 0),
        Product::Windows,
    );
    assert_eq!(missing.kind, FailureKind::ProductNotFound);
    assert!(missing.message(Language::English).contains("product key"));
    assert!(
        missing
            .message(Language::Japanese)
            .contains("プロダクト キー")
    );
}

#[test]
fn office_cid_goes_to_ospp_actcid_as_one_argument() {
    let office = Product::Office {
        script: PathBuf::from(OFFICE16),
    };
    let runner = FakeRunner::default().reply(
        "/actcid",
        output(utf16le(&fixture("ospp_actcid_success.txt")), 0),
    );
    let report = apply_confirmation_id(&runner, &env, &cid(), office.clone(), None).unwrap();
    assert_eq!(report.outcome, ApplyOutcome::Deposited);
    assert_eq!(
        runner.calls()[0].1,
        args(&[
            "//nologo",
            "//U",
            OFFICE16,
            &format!("/actcid:{CID_DIGITS}")
        ])
    );
    assert_eq!(
        report.command,
        format!(
            r#"C:\Windows\System32\cscript.exe //nologo //U "C:\Program Files\Microsoft Office\Office16\OSPP.VBS" /actcid:{CID_DIGITS}"#
        )
    );
}

#[test]
fn office_error_code_and_description_are_read() {
    let office = Product::Office {
        script: PathBuf::from(OFFICE16),
    };
    let error = failure(
        output(utf16le(&fixture("ospp_actcid_error.txt")), 0),
        office.clone(),
    );
    assert_eq!(error.code, Some(codes::CHECK_DIGIT));
    assert_eq!(
        error.detail.as_deref(),
        Some("Run the following: cscript ospp.vbs /ddescr:0xC004F04D")
    );

    let none = failure(
        output(fixture("ospp_no_product_keys.txt").into_bytes(), 0),
        office,
    );
    assert_eq!(none.kind, FailureKind::NoProductKeys);
    assert!(none.message(Language::English).contains("File > Account"));
}

#[test]
fn office_success_for_one_product_wins_over_errors_for_the_others() {
    // ospp.vbs tries the CID on every Office product (synthetic: composed from its messages).
    let text = "---Processing--------------------------\n\
                ---------------------------------------\n\
                LICENSE NAME: Office 16, Office16VisioProVL_MAK edition\n\
                ERROR CODE: 0xC004F031\n\
                ERROR DESCRIPTION: The Software Licensing Service reported that the Installation ID and the Confirmation ID do not match.\n\
                ---------------------------------------\n\
                LICENSE NAME: Office 16, Office16ProPlusVL_MAK edition\n\
                <Offline product activation successful>\n\
                ---------------------------------------\n\
                ---------------------------------------\n\
                ---Exiting-----------------------------\n";
    let office = Product::Office {
        script: PathBuf::from(OFFICE16),
    };
    let runner = FakeRunner::default().reply("/actcid", output(utf16le(text), 0));
    let report = apply_confirmation_id(&runner, &env, &cid(), office, None).unwrap();
    assert_eq!(report.outcome, ApplyOutcome::Deposited);
}

#[test]
fn an_unknown_code_shows_the_code_and_a_reply_without_markers_is_unconfirmed() {
    let error = failure(
        output(
            b"Error: 0xC004F014 The Software Licensing Service reported that the product key is not available\r\n".to_vec(),
            0xC004_F014_u32 as i32,
        ),
        Product::Windows,
    );
    assert_eq!(error.code, Some(0xC004_F014));
    assert!(!error.is_known_code());
    let english = error.message(Language::English);
    assert!(
        english.contains("0xC004F014") && english.contains("slui.exe 0x2a 0xC004F014"),
        "{english}"
    );
    assert!(
        english.contains("product key is not available"),
        "{english}"
    );
    assert!(error.message(Language::Japanese).contains("0xC004F014"));

    // A localised success message this module cannot read: never claimed as success.
    let runner = FakeRunner::default().reply(
        "/atp",
        output(
            utf16le("製品 2de67392-b7a7-462a-b1ca-108dd189f588 の確認 ID を正常に保存しました。\n"),
            0,
        ),
    );
    let report = apply_confirmation_id(&runner, &env, &cid(), Product::Windows, None).unwrap();
    assert_eq!(report.outcome, ApplyOutcome::Unconfirmed);
    assert!(
        report
            .outcome
            .message(Language::English)
            .contains("Settings > System > Activation")
    );
}

#[test]
fn a_runner_failure_is_an_apply_error_with_the_command() {
    let runner = FakeRunner::default().reply(
        "/atp",
        Err(RunError::Spawn {
            program: r"C:\Windows\System32\cscript.exe".into(),
            message: "The system cannot find the file specified. (os error 2)".into(),
        }),
    );
    let error = apply_confirmation_id(&runner, &env, &cid(), Product::Windows, None).unwrap_err();
    let ApplyError::Run { command, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(command.contains("/atp"));
    assert!(
        error
            .message(Language::English)
            .contains("Windows Script Host")
    );
}

#[test]
fn the_command_to_show_matches_the_command_run() {
    let spec = apply_command(&env, &cid(), &Product::Windows, None).unwrap();
    let runner = FakeRunner::default().reply(
        "/atp",
        output(fixture("slmgr_atp_success.txt").into_bytes(), 0),
    );
    let report = apply_confirmation_id(&runner, &env, &cid(), Product::Windows, None).unwrap();
    assert_eq!(spec.display(), report.command);
}

// ---- helpers ----------------------------------------------------------------------------

#[test]
fn command_lines_quote_only_paths_with_spaces() {
    assert_eq!(
        command_line_for_display(
            Path::new(r"C:\Windows\System32\cscript.exe"),
            &args(&[
                "//nologo",
                r"C:\Program Files (x86)\Microsoft Office\Office14\OSPP.VBS",
                "/dinstid"
            ])
        ),
        r#"C:\Windows\System32\cscript.exe //nologo "C:\Program Files (x86)\Microsoft Office\Office14\OSPP.VBS" /dinstid"#
    );
    assert_eq!(
        command_line_for_display(Path::new(r"C:\Tools\My App\app.exe"), &[]),
        r#""C:\Tools\My App\app.exe""#
    );
}

#[test]
fn the_phone_list_lives_in_sppui() {
    assert_eq!(
        phone_inf_path(&env),
        PathBuf::from(r"C:\Windows\System32\sppui\phone.inf")
    );
    assert_eq!(
        phone_inf_path(&|_| None),
        PathBuf::from(r"C:\Windows\System32\sppui\phone.inf")
    );
}

#[test]
fn the_country_comes_from_the_locale_tag() {
    assert_eq!(country_from_locale_tag("ja-JP").as_deref(), Some("JP"));
    assert_eq!(
        country_from_locale_tag("en_GB.UTF-8").as_deref(),
        Some("GB")
    );
    assert_eq!(country_from_locale_tag("en-US").as_deref(), Some("US"));
    assert_eq!(country_from_locale_tag("ja"), None);
    assert_eq!(country_from_locale_tag("C"), None);
    assert_eq!(country_from_locale_tag(""), None);
}

#[test]
fn utf16_and_utf8_records_decode_to_the_same_text() {
    for name in [
        "slmgr_dti_en_banner.txt",
        "slmgr_dti_ja.txt",
        "ospp_dinstid_two_products.txt",
        "ospp_actcid_error.txt",
    ] {
        let text = fixture(name);
        assert_eq!(
            activation_companion::text::decode(&utf16le(&text)),
            text,
            "{name}"
        );
        assert_eq!(
            activation_companion::text::decode(text.replace('\n', "\r\n").as_bytes()),
            text,
            "{name}"
        );
    }
}
