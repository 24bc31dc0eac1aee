//! The browser opened once per Ctrl+B, and notices that stay on the screen they belong to.

use super::*;
use gui::route::Message as RouteMessage;

/// What a task sends back, without giving it to `update`.
fn outputs(task: iced::Task<Message>) -> Vec<Message> {
    use iced_test::futures::futures::executor::block_on_stream;
    use iced_test::runtime::Action;
    let Some(stream) = iced_test::runtime::task::into_stream(task) else {
        return Vec::new();
    };
    block_on_stream(stream)
        .filter_map(|action| match action {
            Action::Output(message) => Some(message),
            _ => None,
        })
        .collect()
}

fn answers_from_the_os(messages: &[Message]) -> usize {
    messages
        .iter()
        .filter(|m| matches!(m, Message::Route(RouteMessage::PortalOpened(_))))
        .count()
}

/// Each Ctrl+B while "Opening the portal..." started another browser.
#[test]
fn ctrl_b_opens_the_portal_once_per_opening() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(&home, Language::English, Some(SLMGR_DTI));
    let first = app.update(Message::Route(RouteMessage::OpenPortalHere));
    let again = app.update(Message::Route(RouteMessage::OpenPortalHere));
    let (first, again) = (outputs(first), outputs(again));
    assert_eq!(answers_from_the_os(&first), 1, "the first asks the OS");
    assert_eq!(
        answers_from_the_os(&again),
        0,
        "the second, while opening, does not"
    );
    for message in first {
        let _ = app.update(message);
    }
    // Opened: a later Ctrl+B is a new opening.
    let later = outputs(app.update(Message::Route(RouteMessage::OpenPortalHere)));
    assert_eq!(answers_from_the_os(&later), 1);
}

/// Without a consistent Installation ID, Ctrl+B opens nothing, and does not stop the next one
/// from opening once the ID is there.
#[test]
fn ctrl_b_without_an_id_leaves_the_next_one_free() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(&home, Language::English, None);
    assert_eq!(
        answers_from_the_os(&outputs(
            app.update(Message::Route(RouteMessage::OpenPortalHere))
        )),
        0
    );
    paste(&mut app, SLMGR_DTI.to_string());
    assert_eq!(
        answers_from_the_os(&outputs(
            app.update(Message::Route(RouteMessage::OpenPortalHere))
        )),
        1
    );
}

/// "Copied." stayed on every screen until something replaced it.
#[test]
fn copied_is_said_on_the_screen_it_was_copied_from() {
    for language in Language::ALL {
        let home = tempfile::tempdir().unwrap();
        let mut app = start(&home, language, Some(SLMGR_DTI));
        let copied = Text::Copied.in_language(language);
        let task = app.update(Message::Installation(installation::Message::Copy(
            installation::Copy::Digits,
        )));
        run(&mut app, task);
        assert!(simulator(&app).find(copied).is_ok(), "{language:?}");
        for screen in [Screen::Route, Screen::ConfirmationId, Screen::Record] {
            let _ = app.update(Message::Show(screen));
            assert!(
                simulator(&app).find(copied).is_err(),
                "{language:?}: {screen:?}"
            );
        }
        let _ = app.update(Message::Show(Screen::InstallationId));
        assert!(
            simulator(&app).find(copied).is_ok(),
            "{language:?}: back on screen 1"
        );
    }
}

/// On X11 the clipboard emptied when the window closed: what was copied (the ID for the
/// portal, the slmgr command) is handed on at close, but only while the clipboard still holds
/// it (something copied elsewhere since is never replaced).
#[test]
fn what_was_copied_is_kept_on_the_clipboard_after_the_window_closes() {
    // An ID no other test copies, so the count is this test's own.
    let digits = "465145217131314304264339481117862266242033457260311819664735280";
    let kept_of = |digits: &str| KEPT.lock().unwrap().iter().filter(|k| *k == digits).count();
    for copied_elsewhere_since in [false, true] {
        let home = tempfile::tempdir().unwrap();
        let mut app = start(&home, Language::English, Some(digits));
        let mut clipboard = None;
        let copy = app.update(Message::Installation(installation::Message::Copy(
            installation::Copy::Digits,
        )));
        run_with_clipboard(&mut app, copy, &mut clipboard);
        assert_eq!(clipboard.as_deref(), Some(digits));
        if copied_elsewhere_since {
            clipboard = Some("something else".into());
        }
        let before = kept_of(digits);
        let closing = app.update(Message::CloseRequested);
        run_with_clipboard(&mut app, closing, &mut clipboard);
        let expected = usize::from(!copied_elsewhere_since);
        assert_eq!(
            kept_of(digits) - before,
            expected,
            "{copied_elsewhere_since}"
        );
    }
}

/// The phone list (this PC's phone.inf over the bundled table, 655 KB of JSON) is made when
/// screen 2 is first shown, not before the window's first frame.
#[test]
fn the_phone_list_is_made_when_screen_2_is_first_shown() {
    let home = tempfile::tempdir().unwrap();
    let (mut app, _) = App::new(StartOptions {
        centers: None,
        ..options(&home, Language::English, None)
    });
    assert!(app.route().centers().is_empty(), "not made at start");
    let _ = app.update(Message::ShowRoute(Route::Phone));
    assert!(
        simulator(&app).find("0120-801-734").is_ok(),
        "Japan's numbers, with the country chosen at start"
    );
    // Starting over keeps it.
    let _ = app.update(Message::StartOver);
    let _ = app.update(Message::ConfirmStartOver);
    let _ = app.update(Message::ShowRoute(Route::Phone));
    assert!(!app.route().centers().is_empty());
}
