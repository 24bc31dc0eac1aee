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
