//! Issue 17 in the window: installing a product key (checked before anything is sent, hidden
//! while typed, the product it installed put on screen 1), products with no offline route
//! kept out of the box, the ESU years and note, and the support report's sentence.

use super::*;
use activation_companion::gui::this_pc;
use activation_companion::licensing::report::RecordedPc;
use activation_companion::licensing::{
    InstallError, InstallVerdict, LicensingReading, ProductRow, ServiceError, codes,
};

const ESU_YEAR_2_ID: &str = "1043add5-23b1-4afb-9a0f-64343c8f3f8d";
const ESU_YEAR_2_IID: &str = "357519004937432311704289804243740215499212720568120112365696643";

fn fixture(name: &str) -> RecordedPc {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/licensing")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Windows 10 Pro after the ESU Year 2 MAK was installed: its add-on has a key and an ID.
fn after_the_year_2_key() -> LicensingReading {
    let mut recorded = fixture("windows10_esu_year2_before_key.json");
    let row: ProductRow = serde_json::from_value(serde_json::json!({
        "ID": ESU_YEAR_2_ID,
        "ApplicationID": "55c92734-d682-4d71-983e-d6ec3f16059f",
        "Name": "Windows(R), Client-ESU-Year2 add-on for Education,EducationN,Enterprise,Professional",
        "Description": "Windows(R) Operating System, VOLUME_MAK channel",
        "PartialProductKey": "6789B",
        "LicenseStatus": 0,
        "LicenseStatusReason": 0,
        "GracePeriodRemaining": 0,
        "OfflineInstallationId": ESU_YEAR_2_IID,
        "LicenseIsAddon": true
    }))
    .unwrap();
    recorded.software_licensing.as_mut().unwrap().push(row);
    recorded.read().unwrap()
}

#[test]
fn a_mistyped_key_is_refused_where_it_is_wrong_and_never_shown() {
    for language in Language::ALL {
        let (home, mut app) = started(language, None);
        send(&mut app, this_pc::Message::OpenKeyForm);
        let typed = "VK7JG-NPHTM-COTJM-9MPGT-3V66T";
        send(&mut app, this_pc::Message::KeyEdited(typed.into()));
        // Nor in a log line of the message.
        let message = format!("{:?}", this_pc::Message::KeyEdited(typed.into()));
        assert!(!message.contains("NPHTM"), "{message}");
        send(&mut app, this_pc::Message::InstallKey);
        let problem = activation_companion::licensing::check_product_key(typed).unwrap_err();
        let sentence = problem.message(language);
        assert!(
            sentence.contains(language.pick("グループ 3 の 2 文字目", "Group 3, character 2")),
            "{sentence}"
        );
        let mut ui = simulator(&app);
        ui.find(sentence.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {sentence}"));
        // The field hides what is typed.
        assert!(ui.find(typed).is_err(), "the key is on screen");
        drop(ui);
        // Nothing of it is saved with the session.
        close(&mut app);
        for entry in std::fs::read_dir(home.path()).unwrap() {
            let saved = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            assert!(!saved.contains("NPHTM"), "the key was saved: {saved}");
        }
    }
}

#[test]
fn the_installed_esu_year_2_add_on_is_shown_and_its_id_put_in_the_box() {
    let reading = after_the_year_2_key();
    let product = reading.find(ESU_YEAR_2_ID).unwrap().clone();
    for language in Language::ALL {
        let (_home, mut app) = started(language, None);
        let verdict = InstallVerdict::Installed {
            product: Box::new(product.clone()),
            reading: Box::new(reading.clone()),
            refresh_error: None,
        };
        let sentence = verdict.message(language);
        send(
            &mut app,
            this_pc::Message::InstallDone(Some(Ok(Box::new(verdict)))),
        );
        simulator(&app)
            .find(sentence.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {sentence}"));
        // Ready for the next step: its ID is the one chosen on screen 1, named by its year.
        let chosen = app.installation().product().unwrap();
        assert_eq!(chosen.id.digits(), ESU_YEAR_2_IID);
        assert_eq!(chosen.activation_id.as_deref(), Some(ESU_YEAR_2_ID));
        // Kept as data, Windows' own name; worded with its year when shown.
        assert_eq!(
            chosen.name.as_deref(),
            Some("Windows(R), Client-ESU-Year2 add-on")
        );
        let label = words::offered_product_label(
            chosen.name.as_deref(),
            chosen.activation_id.as_deref(),
            language,
        );
        assert!(
            label
                .as_deref()
                .is_some_and(|label| label.starts_with(language.pick("ESU 2 年目", "ESU Year 2"))),
            "{label:?}"
        );
    }
}

#[test]
fn a_refusal_for_administrator_rights_offers_the_restart() {
    let (_home, mut app) = started(Language::English, None);
    let verdict = InstallVerdict::Refused {
        last_five: "6789B".into(),
        error: codes::ActivationError::from_code(codes::ACCESS_DENIED),
    };
    send(
        &mut app,
        this_pc::Message::InstallDone(Some(Ok(Box::new(verdict.clone())))),
    );
    let mut ui = simulator(&app);
    ui.find(verdict.message(Language::English).as_str())
        .expect("on screen");
    ui.find("Restart as administrator").expect("on screen");

    // Off Windows the service is not there: said so, with slmgr /ipk.
    let error = InstallError::Service(ServiceError::NotWindows);
    drop(ui);
    send(
        &mut app,
        this_pc::Message::InstallDone(Some(Err(error.clone()))),
    );
    let message = error.message(Language::English);
    assert!(message.contains("slmgr /ipk"), "{message}");
    simulator(&app).find(message.as_str()).expect("on screen");
}

#[test]
fn a_kms_client_key_is_said_and_kept_out_of_the_box() {
    for language in Language::ALL {
        let (_home, mut app) = started(language, None);
        let reading = fixture("windows_enterprise_kms_client_not_activated.json")
            .read()
            .unwrap();
        let status = reading.products[0].message(language);
        pc_read(&mut app, reading);
        assert_eq!(app.installation().text(), "", "nothing to carry");
        assert!(
            status.contains(language.pick("KMS クライアント キー", "A KMS client key")),
            "{status}"
        );
        simulator(&app).find(status.as_str()).expect("on screen");
    }
}

#[test]
fn windows_10_without_an_esu_add_on_shows_the_esu_note() {
    for language in Language::ALL {
        let (_home, mut app) = started(language, None);
        let reading = fixture("windows10_no_esu.json").read().unwrap();
        pc_read(&mut app, reading);
        simulator(&app)
            .find(words::esu_note(language))
            .expect("on screen");
    }
    // With an ESU add-on, no note.
    let (_home, mut app) = started(Language::English, None);
    pc_read(&mut app, after_the_year_2_key());
    assert!(
        simulator(&app)
            .find(words::esu_note(Language::English))
            .is_err()
    );
}

#[test]
fn a_written_report_says_where_and_what_to_do_with_it() {
    let (home, mut app) = started(Language::Japanese, None);
    let path = home.path().join("activation-companion-report.json");
    send(
        &mut app,
        this_pc::Message::ReportDone(Some(Ok(path.clone()))),
    );
    let sentence = words::report_written(&path, false, Language::Japanese);
    assert!(sentence.contains("サポート レポート"), "{sentence}");
    simulator(&app).find(sentence.as_str()).expect("on screen");
    let not_written = this_pc::ReportNotWritten {
        path: path.clone(),
        reason: activation_companion::storage::IoReason::from(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied,
        )),
    };
    let sentence = not_written.message(Language::Japanese);
    send(
        &mut app,
        this_pc::Message::ReportDone(Some(Err(not_written))),
    );
    simulator(&app).find(sentence.as_str()).expect("on screen");
    // Worded when drawn: Ctrl+L says it again in English.
    let _ = app.update(Message::ToggleLanguage);
    let english = sentence_in_english(&path);
    simulator(&app)
        .find(english.as_str())
        .unwrap_or_else(|error| panic!("{error:?}: {english}"));
}

/// The report's "cannot write" sentence in English, for a file the OS refused.
fn sentence_in_english(path: &std::path::Path) -> String {
    this_pc::ReportNotWritten {
        path: path.to_path_buf(),
        reason: activation_companion::storage::IoReason::from(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied,
        )),
    }
    .message(Language::English)
}

/// Issue 23: errors are values until drawn. With an error from each source on screen (the
/// licensing service, installing a key, restarting as administrator, writing the report, a
/// worker that died, screen 3's refusal, screen 1's reading), Ctrl+L says each again in the
/// other language; none stays in the one it happened in.
#[test]
fn every_error_on_screen_is_said_again_after_ctrl_l() {
    use activation_companion::gui::job::Failure;
    use activation_companion::in_progress::Refused;
    use activation_companion::platform::ElevationError;

    let (home, mut app) = started(Language::Japanese, Some("4891263 43257O1"));
    let service = ServiceError::Unavailable {
        code: codes::WMI_INVALID_QUERY,
    };
    send(
        &mut app,
        this_pc::Message::ReadDone(Some(Err(service.clone()))),
    );
    send(&mut app, this_pc::Message::InstallDone(None));
    send(&mut app, this_pc::Message::RestartAsAdministrator);
    let not_written = this_pc::ReportNotWritten {
        path: home.path().join("report.json"),
        reason: activation_companion::storage::IoReason::from(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied,
        )),
    };
    send(
        &mut app,
        this_pc::Message::ReportDone(Some(Err(not_written.clone()))),
    );
    let slip = activation_companion::id::read_installation_ids("4891263 43257O1")
        .slip
        .expect("a letter for a digit");
    let errors_on_screen_1 = |language: Language| {
        vec![
            service.message(language),
            Failure::<InstallError>::WorkerDied.message(language),
            ElevationError::NotWindows.message(language),
            not_written.message(language),
            slip.message(language),
        ]
    };
    for language in [Language::Japanese, Language::English] {
        if language == Language::English {
            let _ = app.update(Message::ToggleLanguage);
        }
        let mut ui = tall_simulator(&app);
        for sentence in errors_on_screen_1(language) {
            ui.find(sentence.as_str())
                .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {sentence}"));
        }
    }
    // Screen 3's refusal, the same.
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        "4a".into(),
    )));
    let refused = Refused::NotADigit {
        character: 'a',
        box_letter: 'A',
    };
    simulator(&app)
        .find(refused.message(Language::English).as_str())
        .expect("on screen");
    let _ = app.update(Message::ToggleLanguage);
    simulator(&app)
        .find(refused.message(Language::Japanese).as_str())
        .expect("on screen");
}
