//! The record and the session shared with other windows and the command line: the window's
//! writes merge with what is on disk, and a second window on the same data folder waits.

use super::*;
use activation_companion::id::{ConfirmationId, InstallationId};
use activation_companion::record::{Activation, Outcome, RecordChange};

const OTHER_IID: &str = "465145217131314304264339481117862266242033457260311819664735280";
/// Another consistent Confirmation ID (block A changed).
const OTHER_CID: &str = "154814483130829081394993064403777482905722580616";

fn entry(iid: &str, cid: &str) -> Activation {
    Activation::of(
        a_fixed_day(),
        &InstallationId::from_typed(iid),
        &ConfirmationId::from_typed(cid),
        Outcome::Completed,
    )
}

fn pairs_on_disk(home: &tempfile::TempDir) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = common::recorded_in(home.path())
        .into_iter()
        .map(|a| (a.installation_id, a.confirmation_id))
        .collect();
    pairs.sort();
    pairs
}

fn pair(iid: &str, cid: &str) -> (String, String) {
    (iid.to_string(), cid.to_string())
}

/// The window kept the record as read at start and wrote it whole: an entry another writer
/// (another window, `history --import`) added meanwhile was gone after the window's next write.
#[test]
fn the_windows_write_keeps_what_another_writer_added_meanwhile() {
    let (home, mut app) = started(Language::English, Some(SLMGR_DTI));
    RecordStore::in_dir(home.path())
        .add(entry(OTHER_IID, OTHER_CID))
        .unwrap();
    let done = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    run(&mut app, done);
    let iid = "489126343257012289105546522085205332958764158851011127139061121";
    assert_eq!(
        pairs_on_disk(&home),
        [pair(OTHER_IID, OTHER_CID), pair(iid, CID)]
    );
    // And the window shows both.
    assert_eq!(app.record().activations.len(), 2);
}

/// A removal is a change of its own: what another writer added after the window read the
/// record stays, and the removed entry does not come back.
#[test]
fn a_removal_in_the_window_keeps_what_another_writer_added() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    store.add(entry(OTHER_IID, CID)).unwrap();
    let mut app = start(&home, Language::English, None);
    let _ = app.update(Message::Show(Screen::Record));
    store.add(entry(OTHER_IID, OTHER_CID)).unwrap();
    let _ = app.update(Message::Record(gui::record::Message::AskToRemove(
        Box::new(entry(OTHER_IID, CID)),
    )));
    let removed = app.update(Message::Answered(gui::question::Answer::Yes));
    run(&mut app, removed);
    assert_eq!(pairs_on_disk(&home), [pair(OTHER_IID, OTHER_CID)]);
    // Another store adding later does not bring it back either.
    store
        .apply(&[RecordChange::Add(entry(SLMGR_IID, OTHER_CID))])
        .unwrap();
    assert!(!pairs_on_disk(&home).contains(&pair(OTHER_IID, CID)));
}

const SLMGR_IID: &str = "489126343257012289105546522085205332958764158851011127139061121";

/// Screen 4 reads the record again when it is shown: what `history --import` added while the
/// window was open is listed.
#[test]
fn screen_4_shows_what_was_added_since_the_window_opened() {
    let (home, mut app) = started(Language::English, None);
    assert!(app.record().activations.is_empty());
    RecordStore::in_dir(home.path())
        .add(entry(OTHER_IID, OTHER_CID))
        .unwrap();
    let shown = app.update(Message::Show(Screen::Record));
    run(&mut app, shown);
    assert_eq!(app.record().activations.len(), 1);
}

/// Two windows on one data folder: the last to close replaced what the other typed. The
/// second now waits, saying so, writes nothing, and takes over when the first closes.
#[test]
fn a_second_window_on_the_same_folder_waits_and_then_takes_over() {
    for language in Language::ALL {
        let home = tempfile::tempdir().unwrap();
        let mut first = start(&home, language, Some(SLMGR_DTI));
        let typed = first.update(Message::Confirmation(confirmation::Message::Edited(
            0,
            "426296".into(),
        )));
        run(&mut first, typed);

        let mut second = start(&home, language, None);
        let in_use = activation_companion::session::SessionError::InUse {
            path: SessionStore::in_dir(home.path()).path().to_path_buf(),
        }
        .message(language);
        simulator(&second)
            .find(in_use.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}: said"));
        // Closing the waiting window saves nothing over the first's session.
        close(&mut second);
        let saved = SessionStore::in_dir(home.path()).load().unwrap();
        assert_eq!(saved.cid_blocks[0], "426296", "{language:?}");
        assert!(saved.installation_text.contains("Installation ID"));

        let mut second = start(&home, language, None);
        let _ = second.update(Message::TryAgain);
        simulator(&second)
            .find(in_use.as_str())
            .unwrap_or_else(|error| {
                panic!("{error:?}: {language:?}: still waiting while the first is open")
            });
        close(&mut first);
        let _ = second.update(Message::TryAgain);
        assert!(simulator(&second).find(in_use.as_str()).is_err());
        assert_eq!(second.confirmation().blocks()[0], "426296", "{language:?}");
        assert!(second.installation().id().is_some(), "{language:?}");
    }
}

/// A record that cannot be read is kept aside by the first write, and the window says so on
/// every screen until screen 4 has shown it (the notice vanished after the next write).
#[test]
fn a_record_kept_aside_is_said_until_screen_4_has_shown_it() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    std::fs::write(store.path(), "not a record").unwrap();
    let mut app = start(&home, Language::English, Some(SLMGR_DTI));
    let done = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    run(&mut app, done);
    let kept = home.path().join("activations.json.unreadable");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "not a record");
    let problem = activation_companion::record::RecordError::Corrupt {
        kept_as: Some(kept),
    };
    let elsewhere = words::record_problem_elsewhere(&problem, Language::English);
    for screen in [
        Screen::ConfirmationId,
        Screen::InstallationId,
        Screen::Route,
    ] {
        let _ = app.update(Message::Show(screen));
        simulator(&app)
            .find(elsewhere.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {screen:?}"));
    }
    // Another write does not make it go.
    let again = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        OTHER_CID.into(),
    )));
    run(&mut app, again);
    simulator(&app).find(elsewhere.as_str()).expect("on screen");
    let shown = app.update(Message::Show(Screen::Record));
    run(&mut app, shown);
    let said = problem.message(Language::English);
    simulator(&app).find(said.as_str()).expect("on screen 4");
    let _ = app.update(Message::Show(Screen::InstallationId));
    assert!(simulator(&app).find(elsewhere.as_str()).is_err(), "seen");
}

/// A record from elsewhere with a 2 MB product name cost the window ~400 MB and ran past the
/// card's edge; and entries a newer version wrote are kept, said, and written back unchanged.
#[test]
fn a_huge_product_name_is_shown_cut_and_newer_entries_are_kept() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    let mut long = entry(OTHER_IID, OTHER_CID);
    long.product = "Windows ".repeat(250_000);
    let newer = serde_json::json!({
        "recorded_at": "2026-11-30T00:00:00Z",
        "installation_id": OTHER_IID,
        "confirmation_id": CID,
        "verdict": "superseded"
    });
    let file = serde_json::json!([long, newer]);
    std::fs::write(store.path(), serde_json::to_string(&file).unwrap()).unwrap();

    let mut app = start(&home, Language::English, Some(SLMGR_DTI));
    let _ = app.update(Message::Show(Screen::Record));
    for size in [(1180.0, 800.0), (800.0, 600.0)] {
        let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
        let survey = layout::survey(&mut ui);
        let longest = survey.texts.iter().map(|(t, ..)| t.chars().count()).max();
        assert!(
            longest < Some(400),
            "{size:?}: a text of {longest:?} characters"
        );
        assert!(
            survey.cut_off(size).is_empty(),
            "{:?}",
            survey.cut_off(size)
        );
        let unshown = words::kept_unshown(1, Language::English);
        assert!(survey.text(&unshown).is_some(), "the newer entry is said");
    }
    // A write of the window's keeps both as they were.
    let done = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    run(&mut app, done);
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(store.path()).unwrap()).unwrap();
    let entries = written.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert!(entries.contains(&newer), "the newer entry, unchanged");
    assert!(
        entries
            .iter()
            .any(|e| e["product"].as_str().is_some_and(|p| p.len() == 2_000_000)),
        "the long name, whole"
    );
}
