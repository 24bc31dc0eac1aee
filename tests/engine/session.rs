//! The autosaved session: written atomically, read back whole, and a corrupt file never
//! costs the user anything but a fresh start with a clear message.

use activation_companion::id::CidFormat;
use activation_companion::language::Language;
use activation_companion::script::Route;
use activation_companion::session::{OtherCid, SavedProduct, Session, SessionError, SessionStore};
use activation_companion::words::Localized;

fn typed_session() -> Session {
    Session {
        installation_text:
            "Installation ID: 489126343257012289105546522085205332958764158851011127139061121"
                .into(),
        this_pc_products: vec![SavedProduct {
            name: "Windows(R), Professional edition".into(),
            activation_id: "2de67392-b7a7-462a-b1ca-108dd189f588".into(),
            installation_id: "465145217131314304264339481117862266242033457260311819664735280"
                .into(),
        }],
        chosen_product: 0,
        route: Some(Route::Phone),
        country: Some("JP".into()),
        ticked_steps: vec![("phone-jp".into(), 1), ("phone-jp".into(), 2)],
        cid_format: CidFormat::EightBlocks,
        cid_blocks: vec!["426296".into(), "4831".into()],
        cid_entered: Some(vec![true, true]),
        cid_for: Some("465145217131314304264339481117862266242033457260311819664735280".into()),
        other_cids: vec![OtherCid {
            installation_id: "489126343257012289105546522085205332958764158851011127139061121"
                .into(),
            cid_format: CidFormat::EightBlocks,
            cid_blocks: vec!["154814".into()],
            cid_entered: Some(vec![true]),
        }],
        language: Some(Language::Japanese),
    }
}

/// A data folder whose session file holds `bytes`, and its store.
fn session_file_holding(bytes: impl AsRef<[u8]>) -> (tempfile::TempDir, SessionStore) {
    let home = tempfile::tempdir().expect("a folder");
    let store = SessionStore::in_dir(home.path());
    std::fs::write(store.path(), bytes).expect("the session file is written");
    (home, store)
}

#[test]
fn a_saved_session_reads_back_whole_and_leaves_no_temporary_file() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path().join("nested"));
    assert_eq!(
        store.load().unwrap(),
        Session::default(),
        "no file: a fresh start"
    );
    store.save(&typed_session()).unwrap();
    store.save(&typed_session()).unwrap(); // over an existing file
    assert_eq!(store.load().unwrap(), typed_session());
    let files: Vec<_> = std::fs::read_dir(home.path().join("nested"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        files,
        vec![std::ffi::OsString::from(SessionStore::FILE_NAME)]
    );
}

#[test]
fn a_corrupt_file_is_kept_aside_and_explained() {
    let (_home, store) = session_file_holding(b"{\"installation_text\": \"48912\0\xff truncated");
    let error = store.load().unwrap_err();
    let SessionError::Corrupt {
        kept_as: Some(kept),
    } = &error
    else {
        panic!("{error:?}")
    };
    assert!(kept.exists(), "the unreadable file is kept for the user");
    assert!(!store.path().exists());
    // Where the old file is, said in both languages (the sentence is words/saving.rs's).
    for language in Language::ALL {
        let said = error.message(language);
        assert!(said.contains(&kept.display().to_string()), "{said}");
    }
    // The next start is a normal one.
    assert_eq!(store.load().unwrap(), Session::default());
}

#[test]
fn a_file_from_an_older_version_keeps_what_it_has() {
    let (_home, store) = session_file_holding(r#"{"cid_blocks": ["426296"], "something_new": 1}"#);
    let session = store.load().unwrap();
    assert_eq!(session.cid_blocks, vec!["426296".to_string()]);
    assert!(session.is_unfinished());
}

#[test]
fn long_text_is_saved_whole() {
    // The window never holds more than 16 KB in the box; what it holds comes back exactly.
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    let session = Session {
        installation_text: format!(
            "{}Installation ID: 489126343257012289105546522085205332958764158851011127139061121",
            "あ".repeat(6_000)
        ),
        ..Session::default()
    };
    store.save(&session).unwrap();
    assert_eq!(store.load().unwrap(), session);
}

#[test]
fn an_unwritable_place_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let blocker = home.path().join("file");
    std::fs::write(&blocker, b"not a directory").unwrap();
    let store = SessionStore::in_dir(blocker.join("inside"));
    let error = store.save(&typed_session()).unwrap_err();
    assert!(
        matches!(error, SessionError::Unwritable { .. }),
        "{error:?}"
    );
    let said = error.message(Language::English);
    assert!(said.contains(&store.path().display().to_string()), "{said}");
}

#[cfg(feature = "gui")]
#[test]
fn the_window_starts_fresh_with_the_message_after_a_corrupt_file() {
    use activation_companion::gui::{App, StartOptions};
    let (home, store) = session_file_holding(b"\0\0\0");
    let (app, _) = App::new(StartOptions {
        installation_text: None,
        language: Some(Language::English),
        system_language: Language::English,
        country: None,
        record: activation_companion::record::RecordStore::in_dir(home.path()),
        clock: std::time::SystemTime::now,
        open_in_browser: |_| panic!("this test opens no browser"),
        keep_clipboard: |_| panic!("this test copies nothing"),
        store,
        centers: Some(activation_companion::centers::bundled_centers().to_vec()),
    });
    assert!(app.installation().id().is_none());
    let mut ui =
        iced_test::Simulator::with_settings(activation_companion::gui::test_settings(), app.view());
    let kept = home.path().join("session.json.unreadable");
    let message = SessionError::Corrupt {
        kept_as: Some(kept),
    }
    .message(Language::English);
    ui.find(message.as_str()).expect("found");
}

#[test]
fn a_value_this_version_does_not_know_costs_only_that_field() {
    let (_home, store) = session_file_holding(
        r#"{
            "installation_text": "4891263 4325701",
            "language": "fr",
            "route": "fax",
            "cid_format": "9x6",
            "country": 81,
            "ticked_steps": [["phone-jp", 1], "bad", ["phone-jp", 2]],
            "cid_blocks": ["426296", 483130, "8290"],
            "chosen_product": -1
        }"#,
    );
    let session = store.load().expect("a readable file is not corrupt");
    assert_eq!(session.installation_text, "4891263 4325701");
    assert_eq!(session.language, None);
    assert_eq!(session.route, None);
    assert_eq!(session.cid_format, CidFormat::EightBlocks);
    assert_eq!(session.country, None);
    assert_eq!(
        session.ticked_steps,
        vec![("phone-jp".to_string(), 1), ("phone-jp".to_string(), 2)]
    );
    assert_eq!(
        session.cid_blocks,
        vec!["426296".to_string(), "8290".into()]
    );
    assert_eq!(session.chosen_product, 0);
    assert!(store.path().exists(), "the file was not set aside");
}

#[test]
fn a_second_corrupt_file_does_not_overwrite_the_first() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    let mut kept = Vec::new();
    for content in ["first {", "second ["] {
        std::fs::write(store.path(), content).unwrap();
        let Err(SessionError::Corrupt {
            kept_as: Some(path),
        }) = store.load()
        else {
            panic!("{content} is corrupt")
        };
        kept.push(path);
    }
    assert_ne!(kept[0], kept[1]);
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "first {");
    assert_eq!(std::fs::read_to_string(&kept[1]).unwrap(), "second [");
}

// ---- nothing lost ------------------------------------------------------------------------

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn on_disk(store: &SessionStore) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(store.path()).unwrap()).expect("JSON on disk")
}

#[test]
fn a_field_this_version_does_not_know_is_written_back_unchanged() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    let newer = serde_json::json!({"hardware_hash": "ab12", "steps": [1, 2, {"x": null}]});
    std::fs::write(
        store.path(),
        serde_json::json!({"installation_text": "4891263", "from_a_newer_version": newer})
            .to_string(),
    )
    .unwrap();
    let mut session = store.load().unwrap();
    assert_eq!(session.installation_text, "4891263");
    session.installation_text.push_str(" 4325701");
    store.save(&session).unwrap();
    let written = on_disk(&store);
    assert_eq!(written["from_a_newer_version"], newer, "{written}");
    assert_eq!(written["installation_text"], "4891263 4325701");
    assert_eq!(store.load().unwrap(), session);
    // A store that only saves (the window's autosave is a clone of the one that loaded).
    store.clone().save(&session).unwrap();
    assert_eq!(on_disk(&store)["from_a_newer_version"], newer);
}

#[test]
fn a_value_of_the_wrong_type_is_kept_until_the_user_changes_that_field() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    let original = r#"{"language": "fr", "route": "fax", "cid_blocks": ["426296", 483130]}"#;
    std::fs::write(store.path(), original).unwrap();
    let mut session = store.load().unwrap();
    assert_eq!(session.language, None);
    session.installation_text = "typed".into();
    store.save(&session).unwrap();
    let written = on_disk(&store);
    assert_eq!(written["language"], "fr", "{written}");
    assert_eq!(written["route"], "fax", "{written}");
    assert_eq!(written["cid_blocks"], serde_json::json!(["426296", 483130]));
    assert_eq!(
        files_in(home.path()),
        ["session.json"],
        "nothing lost yet: no copy"
    );

    // The user chooses a language: "fr" is replaced, and the file it was in is kept first.
    session.language = Some(Language::English);
    store.save(&session).unwrap();
    assert_eq!(on_disk(&store)["language"], "en");
    assert_eq!(on_disk(&store)["route"], "fax");
    assert_eq!(
        files_in(home.path()),
        ["session.json", "session.json.unreadable"]
    );
    let kept: serde_json::Value = serde_json::from_slice(
        &std::fs::read(home.path().join("session.json.unreadable")).unwrap(),
    )
    .unwrap();
    assert_eq!(kept["language"], "fr");
}

#[test]
fn a_session_that_is_not_utf8_is_kept_before_it_is_replaced() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    let bytes = b"{\"installation_text\": \"4891263 \xff\xfe\xff\"}".to_vec();
    std::fs::write(store.path(), &bytes).unwrap();
    let session = store.load().expect("what can be read is read");
    assert!(session.installation_text.starts_with("4891263"));
    store.save(&session).unwrap();
    assert_eq!(
        std::fs::read(home.path().join("session.json.unreadable")).unwrap(),
        bytes,
        "the bytes that could not be read are kept"
    );
    // Once is enough.
    store.save(&session).unwrap();
    assert_eq!(
        files_in(home.path()),
        ["session.json", "session.json.unreadable"]
    );
}

#[test]
fn a_failed_save_leaves_no_temporary_file() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    // The session's name is taken by a folder with something in it: the rename fails.
    std::fs::create_dir(store.path()).unwrap();
    std::fs::write(store.path().join("inside"), "x").unwrap();
    assert!(matches!(
        store.save(&typed_session()),
        Err(SessionError::Unwritable { .. })
    ));
    assert_eq!(files_in(home.path()), ["session.json"]);
}
