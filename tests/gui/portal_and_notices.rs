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
    let (_home, mut app) = started(Language::English, Some(SLMGR_DTI));
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
    let (_home, mut app) = started(Language::English, None);
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

/// Screen 1's digits copied: "Copied." is on screen.
fn copy_digits_and_see_copied(app: &mut App, copied: &str) {
    let task = app.update(Message::Installation(installation::Message::Copy(
        installation::Copy::Digits,
    )));
    run(app, task);
    simulator(app)
        .find(copied)
        .unwrap_or_else(|error| panic!("{error:?}: {copied}"));
}

/// "Copied." stayed on every screen until something replaced it.
#[test]
fn copied_is_said_on_the_screen_it_was_copied_from() {
    for language in Language::ALL {
        let (_home, mut app) = started(language, Some(SLMGR_DTI));
        let copied = Text::Copied.in_language(language);
        copy_digits_and_see_copied(&mut app, copied);
        for screen in [Screen::Route, Screen::ConfirmationId, Screen::Record] {
            let _ = app.update(Message::Show(screen));
            assert!(
                simulator(&app).find(copied).is_err(),
                "{language:?}: {screen:?}"
            );
        }
        // Back on screen 1 nothing was copied since it was shown (issue 24): it is gone.
        let _ = app.update(Message::Show(Screen::InstallationId));
        assert!(
            simulator(&app).find(copied).is_err(),
            "{language:?}: back on screen 1"
        );
        // Said again by the next copy, and gone with the next change.
        copy_digits_and_see_copied(&mut app, copied);
        paste(&mut app, format!("{SLMGR_DTI}\n"));
        assert!(
            simulator(&app).find(copied).is_err(),
            "{language:?}: after an edit"
        );
    }
}

/// The page's scroll area as the widget operations of a task see it: its viewport, its
/// content and its offset, and one focusable field in it (laid out as the real view lays
/// them out). Only the operations are run: focus and scrolling, as the window's runtime
/// runs them.
struct PageModel {
    viewport: iced::Rectangle,
    content: iced::Rectangle,
    offset: f32,
    field: iced::Rectangle,
    field_id: iced::widget::Id,
    focused: bool,
}

impl iced::advanced::widget::operation::Scrollable for PageModel {
    fn snap_to(&mut self, offset: iced::widget::operation::RelativeOffset<Option<f32>>) {
        if let Some(y) = offset.y {
            self.offset = y * (self.content.height - self.viewport.height).max(0.0);
        }
    }
    fn scroll_to(&mut self, offset: iced::widget::operation::AbsoluteOffset<Option<f32>>) {
        if let Some(y) = offset.y {
            self.offset = y;
        }
    }
    fn scroll_by(
        &mut self,
        offset: iced::widget::operation::AbsoluteOffset,
        _: iced::Rectangle,
        _: iced::Rectangle,
    ) {
        self.offset += offset.y;
    }
}

struct FieldModel<'a>(&'a mut bool);

impl iced::advanced::widget::operation::Focusable for FieldModel<'_> {
    fn is_focused(&self) -> bool {
        *self.0
    }
    fn focus(&mut self) {
        *self.0 = true;
    }
    fn unfocus(&mut self) {
        *self.0 = false;
    }
}

impl PageModel {
    /// Runs one operation (and those it chains) over the model.
    fn operate(&mut self, mut operation: Box<dyn iced::advanced::widget::Operation>) {
        use iced::advanced::widget::operation::Outcome;
        let page = iced::widget::Id::new(gui::PAGE_SCROLL);
        loop {
            let (viewport, content, field) = (self.viewport, self.content, self.field);
            let field_id = self.field_id.clone();
            let mut focused = self.focused;
            operation.traverse(&mut |operation| {
                operation.scrollable(
                    Some(&page),
                    viewport,
                    content,
                    iced::Vector::new(0.0, self.offset),
                    self,
                );
                operation.traverse(&mut |operation| {
                    operation.focusable(Some(&field_id), field, &mut FieldModel(&mut focused));
                });
            });
            self.focused = focused;
            match operation.finish() {
                Outcome::Chain(next) => operation = next,
                _ => break,
            }
        }
    }

    /// Runs every widget operation of `task` over the model; messages are dropped.
    fn run(&mut self, task: iced::Task<Message>) {
        use iced_test::futures::futures::executor::block_on_stream;
        use iced_test::runtime::Action;
        let Some(stream) = iced_test::runtime::task::into_stream(task) else {
            return;
        };
        for action in block_on_stream(stream) {
            if let Action::Widget(operation) = action {
                self.operate(operation);
            }
        }
    }
}

/// "Talk to a person" (Ctrl+T) opened scrolled past its heading and step 1: the country
/// search below the steps took the focus and was scrolled to. It opens at its top, in both
/// languages and at the smallest and the default size, even after the page was scrolled.
#[test]
fn talk_to_a_person_opens_at_its_top() {
    for language in Language::ALL {
        for size in [(800.0, 600.0), (1024.0, 768.0)] {
            let (_home, mut app) = started(language, Some(SLMGR_DTI));
            let _ = app.update(Message::ShowRoute(Route::Phone));
            // The real layout: the page's scroll area and where the search box is in it.
            let (viewport, content, field) = {
                let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
                let field = ui
                    .find(selector::id(gui::route::SEARCH_ID))
                    .expect("the country search")
                    .bounds();
                let survey = layout::survey(&mut ui);
                let (viewport, content, _) = survey.scrollables[0];
                (viewport, content, field)
            };
            assert!(
                field.y > viewport.y + viewport.height,
                "{language:?} {size:?}: the search box is below the first screenful"
            );
            let _ = app.update(Message::Show(Screen::InstallationId));
            let mut page = PageModel {
                viewport,
                content,
                offset: 300.0,
                field,
                field_id: iced::widget::Id::new(gui::route::SEARCH_ID),
                focused: false,
            };
            page.run(app.update(Message::ShowRoute(Route::Phone)));
            assert_eq!(page.offset, 0.0, "{language:?} {size:?}: opens at the top");
            assert!(
                page.focused,
                "{language:?} {size:?}: the search box has the focus"
            );
        }
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
        let (_home, mut app) = started(Language::English, Some(digits));
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
    simulator(&app)
        .find("0120-801-734")
        .unwrap_or_else(|error| {
            panic!("{error:?}: Japan's numbers, with the country chosen at start")
        });
    // Starting over keeps it.
    let _ = app.update(Message::StartOver);
    let _ = app.update(Message::Answered(gui::question::Answer::Yes));
    let _ = app.update(Message::ShowRoute(Route::Phone));
    assert!(!app.route().centers().is_empty());
}

// ---- the portal's nine boxes, one group at a time ---------------------------------------------

/// The Installation ID of `SLMGR_DTI`, cut into its nine groups here, not by the app.
fn nine_groups() -> Vec<&'static str> {
    let digits = "489126343257012289105546522085205332958764158851011127139061121";
    (0..9)
        .map(|group| &digits[group * 7..group * 7 + 7])
        .collect()
}

/// Ctrl+G, as the keyboard sends it, on the real view; the tasks it starts run, the
/// clipboard is `clipboard`.
fn press_ctrl_g(app: &mut App, clipboard: &mut Option<String>) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        ui.simulate(command_key("g"));
        ui.into_messages().collect()
    };
    assert!(!messages.is_empty(), "Ctrl+G did something");
    for message in messages {
        let task = app.update(message);
        run_with_clipboard(app, task, clipboard);
    }
}

/// Whether a portal pasted 63 digits over its nine boxes is not known: one key per group puts
/// group 1, 2, ... 9 on the clipboard (then group 1 again), each said large with the number of
/// its box.
#[test]
fn ctrl_g_carries_the_installation_id_into_the_portals_boxes_one_group_at_a_time() {
    for language in Language::ALL {
        let (_home, mut app) = started(language, Some(SLMGR_DTI));
        let _ = app.update(Message::Show(Screen::Route));
        let mut clipboard = None;
        for press in 0..10 {
            press_ctrl_g(&mut app, &mut clipboard);
            let (number, group) = (press % 9 + 1, nine_groups()[press % 9]);
            assert_eq!(clipboard.as_deref(), Some(group), "press {}", press + 1);
            assert_eq!(app.route().route(), Route::PortalOnThisPc);
            let large = match language {
                Language::Japanese => format!("{number} 番の欄: {group}"),
                Language::English => format!("Box {number}: {group}"),
            };
            simulator(&app)
                .find(large.as_str())
                .unwrap_or_else(|error| panic!("{error:?}: {large}"));
        }
    }
}

/// A group copied for ID 1 is never shown as the box's group once the ID has changed.
#[test]
fn a_group_copied_before_the_installation_id_changed_is_not_shown_as_right() {
    let (_home, mut app) = started(Language::English, Some(SLMGR_DTI));
    let _ = app.update(Message::Show(Screen::Route));
    let mut clipboard = None;
    press_ctrl_g(&mut app, &mut clipboard);
    let box_1 = format!("Box 1: {}", nine_groups()[0]);
    simulator(&app).find(box_1.as_str()).expect("on screen");

    // Another PC's ID pasted on screen 1 (a genuine one: every group passes its check).
    use iced::widget::text_editor::{Action, Edit};
    let other = "Installation ID: 465145217131314304264339481117862266242033457260311819664735280";
    let _ = app.update(Message::Show(Screen::InstallationId));
    let _ = app.update(Message::Installation(installation::Message::Edited(
        Action::SelectAll,
    )));
    let _ = app.update(Message::Installation(installation::Message::Edited(
        Action::Edit(Edit::Paste(std::sync::Arc::new(other.to_string()))),
    )));
    assert!(app.installation().id().is_some_and(|id| id.is_valid()));
    let _ = app.update(Message::Show(Screen::Route));
    let ui = &mut simulator(&app);
    assert!(ui.find(box_1.as_str()).is_err(), "the old group is gone");
    ui.find(Text::GroupCopiedIdChanged.in_language(Language::English))
        .expect("on screen");
}

/// Issue 23: the app's own files' problems are values until drawn too. A session that could
/// not be read and a record kept aside are said in the language on show, and Ctrl+L says them
/// again in the other one.
#[test]
fn the_files_problems_are_said_again_after_ctrl_l() {
    use activation_companion::record::RecordError;
    use activation_companion::session::SessionError;

    let home = tempfile::tempdir().expect("a folder");
    std::fs::write(home.path().join("session.json"), b"\0\0\0").expect("written");
    let (mut app, started) = App::new(options(&home, Language::Japanese, Some(SLMGR_DTI)));
    let session = SessionError::Corrupt {
        kept_as: Some(home.path().join("session.json.unreadable")),
    };
    for language in [Language::Japanese, Language::English] {
        let said = session.message(language);
        simulator(&app)
            .find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));
        let _ = app.update(Message::ToggleLanguage);
    }

    // The record, read on its worker, could not be read: kept aside by the first write.
    std::fs::write(home.path().join("activations.json"), b"{ not json").expect("written");
    run(&mut app, started);
    let completed = app.update(Message::Confirmation(confirmation::Message::Pasted(
        0,
        CID.into(),
    )));
    let _ = app.update(Message::Show(Screen::InstallationId));
    run(&mut app, completed);
    let record = RecordError::Corrupt {
        kept_as: Some(home.path().join("activations.json.unreadable")),
    };
    for language in [Language::Japanese, Language::English] {
        let said = words::record_problem_elsewhere(&record, language);
        simulator(&app)
            .find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));
        let _ = app.update(Message::ToggleLanguage);
    }
}
