//! Every action by keyboard, with the focus always somewhere to be seen; questions that a
//! double-click cannot answer and Escape does.

use super::*;
use iced::Point;
use iced::keyboard::key::Named;
use iced_test::selector::Target;

/// The focused field or control's bounds, if anything has the focus.
fn focused(ui: &mut Simulator<'_, Message>) -> Option<iced::Rectangle> {
    ui.find(selector::is_focused())
        .ok()
        .map(|target: Target| target.bounds())
}

/// Presses Tab until the focus is on the control labelled `label`, then Enter: the messages
/// that made. Fails if Tab goes round without reaching it, or ever leaves nothing focused.
fn by_keyboard(app: &App, label: &str) -> Vec<Message> {
    let mut ui = simulator(app);
    let target = ui
        .find(label)
        .unwrap_or_else(|_| panic!("{label:?} is on screen"))
        .bounds();
    for _ in 0..300 {
        ui.tap_key(Named::Tab);
        let at = focused(&mut ui).expect("Tab always puts the focus somewhere");
        if at.contains(target.center()) {
            ui.tap_key(Named::Enter);
            let messages: Vec<Message> = ui.into_messages().collect();
            assert!(!messages.is_empty(), "Enter on {label:?} did nothing");
            return messages;
        }
    }
    panic!("Tab never reached {label:?}");
}

fn press(app: &mut App, label: &str) {
    for message in by_keyboard(app, label) {
        let task = app.update(message);
        run(app, task);
    }
}

fn shift_tab() -> iced::Event {
    use iced::keyboard::{self, Key, Location, Modifiers, key::NativeCode, key::Physical};
    iced::Event::Keyboard(keyboard::Event::KeyPressed {
        key: Key::Named(Named::Tab),
        modified_key: Key::Named(Named::Tab),
        physical_key: Physical::Unidentified(NativeCode::Unidentified),
        location: Location::Standard,
        modifiers: Modifiers::SHIFT,
        repeat: false,
        text: None,
    })
}

/// A click at a point of the window as it is now; the messages it made.
fn click_at(app: &mut App, at: Point) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        ui.point_at(at);
        let _ = ui.simulate(iced_test::simulator::click());
        ui.into_messages().collect()
    };
    for message in messages {
        let task = app.update(message);
        run(app, task);
    }
}

fn centre_of(app: &App, label: &str) -> Point {
    simulator(app)
        .find(label)
        .unwrap_or_else(|_| panic!("{label:?} is on screen"))
        .bounds()
        .center()
}

/// A double-click on "Start over": the first click asked, and the second, landing on the same
/// button, answered yes and cleared the session.
#[test]
fn a_double_click_on_start_over_clears_nothing() {
    for language in Language::ALL {
        let (_home, mut app) = started(language, Some(SLMGR_DTI));
        let at = centre_of(&app, Text::StartOver.in_language(language));
        click_at(&mut app, at);
        click_at(&mut app, at);
        assert!(
            app.installation().id().is_some(),
            "{language:?}: nothing cleared"
        );
        // Still asking; Escape says no, and so does "Cancel".
        escape_answers_no(&mut app, Text::StartOverQuestion.in_language(language));
        // The question's own button says yes.
        click_at(&mut app, at);
        interact(&mut app, |ui| {
            ui.click(Text::ConfirmStartOver.in_language(language))
                .unwrap();
        });
        assert!(
            app.installation().id().is_none(),
            "{language:?}: cleared when confirmed"
        );
    }
}

/// The question is on screen, and Escape takes it away.
fn escape_answers_no(app: &mut App, question: &str) {
    simulator(app)
        .find(question)
        .unwrap_or_else(|error| panic!("{error:?}: not asked: {question}"));
    interact(app, |ui| {
        ui.tap_key(Named::Escape);
    });
    assert!(
        simulator(app).find(question).is_err(),
        "Escape did not cancel: {question}"
    );
}

fn record_with_one_entry(home: &tempfile::TempDir, language: Language) -> App {
    let mut app = start(home, language, Some(SLMGR_DTI));
    let done = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    run(&mut app, done);
    let _ = app.update(Message::Show(Screen::Record));
    assert_eq!(app.record().activations.len(), 1);
    app
}

/// A double-click on "Remove from the record…": in English, the "Remove" of the question
/// appeared under the pointer, and the second click removed the entry.
#[test]
fn a_double_click_on_remove_from_the_record_removes_nothing() {
    for language in Language::ALL {
        let home = tempfile::tempdir().unwrap();
        let mut app = record_with_one_entry(&home, language);
        let at = centre_of(&app, Text::RemoveEntry.in_language(language));
        click_at(&mut app, at);
        click_at(&mut app, at);
        assert_eq!(app.record().activations.len(), 1, "{language:?}");
        assert_eq!(common::recorded_in(home.path()).len(), 1, "{language:?}");
        let question = words::remove_question(&app.record().activations[0], language);
        escape_answers_no(&mut app, &question);
    }
}

/// Tab goes round every field and control, never off to nothing: on screen 1 it left the
/// paste box for nothing at all, and the digits typed next were lost.
#[test]
fn tab_goes_round_and_never_leaves_the_focus_nowhere() {
    for iid in [None, Some(SLMGR_DTI)] {
        let home = tempfile::tempdir().unwrap();
        let app = start(&home, Language::English, iid);
        let mut ui = simulator(&app);
        ui.click(selector::id(installation::INPUT_ID)).unwrap();
        let first = focused(&mut ui).expect("the paste box has the focus");
        let mut stops = 0;
        loop {
            ui.tap_key(Named::Tab);
            stops += 1;
            let now = focused(&mut ui).expect("Tab always puts the focus somewhere");
            if now == first {
                break;
            }
            assert!(stops < 100, "Tab never comes back round");
        }
        assert!(
            stops > 5,
            "the tabs, language, zoom and start over are stops too"
        );
        // Shift+Tab goes back round the other way, from the first stop to the last.
        let _ = ui.simulate([shift_tab()]);
        let last = focused(&mut ui).expect("Shift+Tab puts the focus somewhere");
        assert_ne!(last, first);
        ui.tap_key(Named::Tab);
        assert_eq!(
            focused(&mut ui),
            Some(first),
            "and Tab comes back from the last"
        );
    }
}

/// Each action that needed a mouse: done with Tab and Enter alone.
#[test]
fn every_action_is_reachable_by_keyboard() {
    let home = tempfile::tempdir().unwrap();
    let language = Language::English;
    let mut app = start(&home, language, Some(SLMGR_DTI));

    // Screen tabs and the language.
    press(&mut app, Text::StepConfirmationId.in_language(language));
    assert_eq!(app.screen(), Screen::ConfirmationId);
    press(&mut app, Text::StepRoute.in_language(language));
    assert_eq!(app.screen(), Screen::Route);

    // A step ticked, then unticked, by keyboard.
    let _ = app.update(Message::ShowRoute(Route::PortalOnPhone));
    let step = activation_companion::script::call_script(Route::PortalOnPhone).steps(language)[0]
        .text
        .clone();
    let label = format!("1. {step}");
    press(&mut app, &label);
    assert_eq!(app.route().ticked().count(), 1, "ticked");
    press(&mut app, &label);
    assert_eq!(app.route().ticked().count(), 0, "unticked");

    // The 7/8-block choice, where the format is open (no Installation ID).
    let home = tempfile::tempdir().unwrap();
    let mut open = start(&home, language, None);
    let _ = open.update(Message::Show(Screen::ConfirmationId));
    press(&mut open, Text::SevenBlocks.in_language(language));
    assert_eq!(
        open.confirmation().format(),
        activation_companion::id::CidFormat::SevenBlocks
    );

    // Screen 4: copy and remove, and the question's own buttons.
    let home = tempfile::tempdir().unwrap();
    let mut app = record_with_one_entry(&home, language);
    let mut clipboard = None;
    for message in by_keyboard(&app, Text::CopyRecordedCid.in_language(language)) {
        let task = app.update(message);
        run_with_clipboard(&mut app, task, &mut clipboard);
    }
    assert_eq!(clipboard.as_deref(), Some(CID));
    press(&mut app, Text::RemoveEntry.in_language(language));
    press(&mut app, Text::ReallyRemove.in_language(language));
    assert!(app.record().activations.is_empty());

    // The recorded Confirmation ID put on screen 3 again, from the offer on screen 1.
    let home = tempfile::tempdir().unwrap();
    let mut app = record_with_one_entry(&home, language);
    close(&mut app);
    let mut app = start(&home, language, None);
    let _ = app.update(Message::StartOver);
    let _ = app.update(Message::Answered(gui::question::Answer::Yes));
    paste(&mut app, SLMGR_DTI.to_string());
    press(&mut app, Text::UseRecordedCid.in_language(language));
    assert_eq!(app.screen(), Screen::ConfirmationId);
    assert_eq!(app.confirmation().blocks().concat(), CID);
}

/// A product among several, chosen by keyboard.
#[test]
fn a_product_is_chosen_by_keyboard() {
    let text = "---Processing--------------------------\n\
        Installation ID for: Office 16, Office16ProPlusVL_MAK edition: \
        489126343257012289105546522085205332958764158851011127139061121\n\
        Installation ID for: Office 16, Office16VisioProVL_MAK edition: \
        465145217131314304264339481117862266242033457260311819664735280\n\
        ---Exiting-----------------------------\n";
    let (_home, mut app) = started(Language::English, Some(text));
    assert_eq!(app.installation().chosen(), 0);
    press(&mut app, "Office 16, Office16VisioProVL_MAK edition");
    assert_eq!(app.installation().chosen(), 1);
}

/// "united" matches several countries: Enter in the search chooses the first shown, Down from
/// the search goes into the list and Enter chooses there. Down and Enter did nothing.
#[test]
fn one_of_several_matching_countries_is_chosen_by_keyboard() {
    let (_home, mut app) = started(Language::English, None);
    let _ = app.update(Message::ShowRoute(Route::Phone));
    let chosen = |app: &App| app.route().country().map(str::to_string);
    let keys = |app: &mut App, keys: &[Named]| {
        let _ = app.update(Message::Route(gui::route::Message::Searched(
            "united".into(),
        )));
        let messages: Vec<Message> = {
            let mut ui = tall_simulator(app);
            ui.click(selector::id(gui::route::SEARCH_ID)).unwrap();
            for &key in keys {
                ui.tap_key(key);
            }
            ui.into_messages().collect()
        };
        for message in messages {
            let _ = app.update(message);
        }
    };
    assert_eq!(chosen(&app).as_deref(), Some("JP"));
    keys(&mut app, &[Named::Enter]);
    let first = chosen(&app);
    assert!(
        first.as_deref().is_some_and(|iso| iso != "JP"),
        "Enter chose the first match"
    );
    // The chosen one heads the list now: Down, Down is the second.
    keys(
        &mut app,
        &[Named::ArrowDown, Named::ArrowDown, Named::Enter],
    );
    let second = chosen(&app);
    assert!(
        second.is_some() && second != first,
        "Down, Down, Enter chose another"
    );
}

/// A control the focus goes to is scrolled into sight: at the window's smallest size, Tab
/// through a record of several entries, and each control with the focus is wholly on screen.
#[test]
fn the_focus_is_scrolled_into_sight() {
    use activation_companion::id::{ConfirmationId, InstallationId};
    use activation_companion::record::{Activation, Outcome};
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    let iid = InstallationId::from_typed(
        "489126343257012289105546522085205332958764158851011127139061121",
    );
    for seconds in 0..6u64 {
        // Six consistent Confirmation IDs: block A changed, each still consistent.
        let first = ["426296", "154814", "000000", "111110", "222220", "333330"][seconds as usize];
        let cid = ConfirmationId::from_typed(&format!("{first}{}", &CID[6..]));
        assert!(cid.is_valid());
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_944_600 + seconds);
        store
            .add(Activation::of(at, &iid, &cid, Outcome::Completed))
            .unwrap();
    }
    let mut app = start(&home, Language::English, None);
    let _ = app.update(Message::Show(Screen::Record));
    let mut ui = Simulator::with_size(gui::test_settings(), (800.0, 600.0), app.view());
    let mut seen_low = false;
    for _ in 0..40 {
        ui.tap_key(Named::Tab);
        let target: Target = ui
            .find(selector::is_focused())
            .expect("something has the focus");
        let (bounds, visible) = (target.bounds(), target.visible_bounds());
        let whole = visible
            .is_some_and(|v| v.width >= bounds.width - 0.5 && v.height >= bounds.height - 0.5);
        assert!(
            whole,
            "the focused control is wholly in sight: {bounds:?} {visible:?}"
        );
        seen_low |= bounds.y > 600.0;
    }
    assert!(
        seen_low,
        "the focus went to controls that were below the window at first"
    );
}

/// "Remove?" named no entry: with several in the record nothing said which one would go. The
/// question names the entry whose button was pressed (its line on screen 4 and the end of its
/// Installation ID), and Ctrl+L says it again in the other language.
#[test]
fn the_remove_question_names_the_entry_it_removes() {
    use activation_companion::record::Outcome;
    let home = tempfile::tempdir().expect("a folder");
    let entry = |seed: u64, seconds: u64, outcome: Outcome, product: &str| {
        common::activation(seconds, &common::iid(seed), &common::cid(seed), outcome)
            .of_product(Some(product), None)
    };
    let office = "Office 16, Office16ProPlusVL_MAK edition";
    let older = entry(1, 1_795_000_000, Outcome::Completed, office);
    let windows = "Windows(R), Professional edition";
    let newer = entry(2, 1_795_914_978, Outcome::Activated, windows);
    let store = RecordStore::in_dir(home.path());
    store.add(older.clone()).expect("recorded");
    store.add(newer.clone()).expect("recorded");
    let mut app = start(&home, Language::English, None);
    let _ = app.update(Message::Show(Screen::Record));
    // Screen 4 shows the newest first: the first "Remove" is the Windows entry's.
    let remove = centre_of(&app, Text::RemoveEntry.in_language(Language::English));
    click_at(&mut app, remove);
    for language in [Language::English, Language::Japanese] {
        let asked = words::remove_question(&newer, language);
        assert!(asked.contains(&newer.installation_id[56..]), "{asked}");
        simulator(&app)
            .find(asked.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {asked}"));
        let other = words::remove_question(&older, language);
        assert!(simulator(&app).find(other.as_str()).is_err(), "{other}");
        // The two answers stay side by side under a long question (English put "Remove"
        // alone on a line below "Cancel").
        let top_of = |label: Text| {
            simulator(&app)
                .find(label.in_language(language))
                .unwrap_or_else(|error| panic!("{error:?}: {label:?}"))
                .bounds()
                .y
        };
        let (cancel, remove) = (top_of(Text::Cancel), top_of(Text::ReallyRemove));
        assert!(
            (cancel - remove).abs() < 1.0,
            "{language:?}: {cancel} {remove}"
        );
        let _ = app.update(Message::ToggleLanguage);
    }
    assert_eq!(
        app.record().activations.len(),
        2,
        "nothing removed by asking"
    );
}
