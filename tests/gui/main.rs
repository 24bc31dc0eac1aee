//! The window, driven headlessly through its real view with iced_test, and its state machine.
//! Snapshots of each screen in both languages live in tests/snapshots/ for a reviewer to see;
//! regenerate them with `UPDATE_SNAPSHOTS=1 cargo test --test gui` (see `snapshot.rs`).

#[path = "../common/mod.rs"]
mod common;
mod keyboard;
mod layout;
mod never_a_wrong_digit;
mod portal_and_notices;
mod shared_files;
mod snapshot;
mod this_pc_keys;

use activation_companion::centers::bundled_centers;
use activation_companion::gui::{
    self, App, Message, Screen, StartOptions, confirmation, installation,
};
use activation_companion::id::GroupState;
use activation_companion::in_progress::{ActivationInProgress, NotTaken, Refused};
use activation_companion::language::Language;
use activation_companion::record::RecordStore;
use activation_companion::script::Route;
use activation_companion::session::SessionStore;
use activation_companion::words::{self, Localized, Text};
use iced_test::{Simulator, selector};

const SLMGR_DTI: &str = "Microsoft (R) Windows Script Host Version 5.812\n\
    Copyright (C) Microsoft Corporation. All rights reserved.\n\n\
    Installation ID: 489126343257012289105546522085205332958764158851011127139061121\n\n\
    Use the phone number displayed below to get the Confirmation ID.\n";
/// The Installation ID `SLMGR_DTI` holds.
const SLMGR_DTI_IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
/// A published Windows 7 Confirmation ID (consistent in every block).
const CID: &str = "426296483130829081394993064403777482905722580616";

/// The addresses handed to the browser, by every test of this file: no browser ever opens.
static OPENED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn no_browser(url: &str) -> Result<(), activation_companion::platform::BrowserError> {
    OPENED.lock().unwrap().push(url.to_string());
    Ok(())
}

/// What every test of this file asked to keep on the clipboard after closing: nothing is
/// handed to the OS.
static KEPT: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn kept_on_the_clipboard(text: &str) -> Result<(), activation_companion::platform::ClipboardError> {
    KEPT.lock().unwrap().push(text.to_string());
    Ok(())
}

/// 2026-11-29 09:30 UTC: the day activations are recorded on in these tests.
fn a_fixed_day() -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_944_600)
}

/// How the tests start the window: in `home`, Japan chosen, the bundled phone list, nothing
/// handed to the OS.
fn options(home: &tempfile::TempDir, language: Language, iid: Option<&str>) -> StartOptions {
    StartOptions {
        installation_text: iid.map(str::to_string),
        language: Some(language),
        system_language: Language::English,
        country: Some("JP".into()),
        store: SessionStore::in_dir(home.path()),
        record: RecordStore::in_dir(home.path()),
        clock: a_fixed_day,
        open_in_browser: no_browser,
        keep_clipboard: kept_on_the_clipboard,
        centers: Some(bundled_centers().to_vec()),
    }
}

fn start(home: &tempfile::TempDir, language: Language, iid: Option<&str>) -> App {
    App::new(options(home, language, iid)).0
}

/// A window started in a data folder of its own (kept while the test holds it).
fn started(language: Language, iid: Option<&str>) -> (tempfile::TempDir, App) {
    let home = tempfile::tempdir().expect("a folder");
    let app = start(&home, language, iid);
    (home, app)
}

fn simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(gui::test_settings(), (1180.0, 800.0), app.view())
}

/// A window tall enough for a whole screen: the phone table's search stands under the
/// callback's checklist, below the fold of a usual window.
fn tall_simulator(app: &App) -> Simulator<'_, Message> {
    Simulator::with_size(gui::test_settings(), (1180.0, 4000.0), app.view())
}

/// The user closes the window: what is on screen is saved (as a restart will find it).
fn close(app: &mut App) {
    let _ = app.update(Message::CloseRequested);
}

/// Runs a task `update` returned the way the window's runtime does: each message it produces
/// goes back to `update`, until nothing is left. The clipboard is `clipboard`; widget
/// operations (focus) and window actions are dropped, not performed.
fn run_with_clipboard(app: &mut App, task: iced::Task<Message>, clipboard: &mut Option<String>) {
    use iced_test::futures::futures::executor::block_on_stream;
    use iced_test::runtime::{Action, clipboard::Action as Clipboard};
    let mut tasks = vec![task];
    while let Some(task) = tasks.pop() {
        let Some(stream) = iced_test::runtime::task::into_stream(task) else {
            continue;
        };
        for action in block_on_stream(stream) {
            match action {
                Action::Output(message) => tasks.push(app.update(message)),
                Action::Clipboard(Clipboard::Write { contents, .. }) => *clipboard = Some(contents),
                Action::Clipboard(Clipboard::Read { channel, .. }) => {
                    let _ = channel.send(clipboard.clone());
                }
                _ => {}
            }
        }
    }
}

fn run(app: &mut App, task: iced::Task<Message>) {
    run_with_clipboard(app, task, &mut None);
}

/// Runs interactions on the real view, then feeds the messages they produced to `update`.
fn interact(app: &mut App, interaction: impl FnOnce(&mut Simulator<'_, Message>)) {
    let messages: Vec<Message> = {
        let mut ui = simulator(app);
        interaction(&mut ui);
        ui.into_messages().collect()
    };
    assert!(!messages.is_empty(), "the interaction produced no message");
    for message in messages {
        let _ = app.update(message);
    }
}

#[test]
fn pasting_slmgr_output_shows_nine_checked_groups() {
    let (_home, mut app) = started(Language::English, None);
    interact(&mut app, |ui| {
        ui.click(selector::id(installation::INPUT_ID))
            .expect("the paste box is on screen");
        ui.typewrite(SLMGR_DTI);
    });
    let id = app.installation().id().expect("an ID was read");
    assert_eq!(id.groups().len(), 9);
    let mut ui = simulator(&app);
    for group in ["4891263", "4325701", "9061121"] {
        ui.find(group)
            .unwrap_or_else(|error| panic!("{error:?}: group {group} is shown"));
    }
    ui.find("63 digits; every group's check digit matches.")
        .expect("on screen");
}

#[test]
fn a_mistyped_group_is_flagged_by_number() {
    let home = tempfile::tempdir().unwrap();
    // Group 4 typed as 5465221 instead of 5465220.
    let app = start(
        &home,
        Language::English,
        Some("4891263 4325701 2289105 5465221 8520533 2958764 1588510 1112713 9061121"),
    );
    let mut ui = simulator(&app);
    ui.find("Group 4 looks mistyped: its check digit does not match (check those digits against the screen).").expect("on screen");
    ui.find("× check it").expect("on screen");
}

#[test]
fn typing_a_cid_block_by_block_marks_each_block() {
    let (_home, mut app) = started(Language::English, None);
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    interact(&mut app, |ui| {
        ui.click(selector::id(confirmation::block_id(0)))
            .expect("box A is on screen");
        ui.typewrite("426296");
    });
    interact(&mut app, |ui| {
        ui.click(selector::id(confirmation::block_id(1)))
            .expect("box B is on screen");
        ui.typewrite("483131"); // the last digit misheard
    });
    assert_eq!(
        app.confirmation().blocks()[..2],
        ["426296".to_string(), "483131".to_string()]
    );
    let mut ui = simulator(&app);
    ui.find("✓ OK").expect("on screen");
    ui.find(
            "Block B looks mistyped: its check digit does not match (check those digits against the portal's card)."
        ).expect("on screen");
}

#[test]
fn a_whole_cid_pasted_into_box_c_fills_every_box() {
    let (_home, mut app) = started(Language::English, None);
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    interact(&mut app, |ui| {
        ui.click(selector::id(confirmation::block_id(2)))
            .expect("box C is on screen");
        ui.typewrite("426296-483130-829081-394993-064403-777482-905722-580616");
    });
    let blocks = app.confirmation().blocks().to_vec();
    assert_eq!(blocks.concat(), CID);
    assert_eq!(blocks[0], "426296");
    let mut ui = simulator(&app);
    ui.find("No typing mistake found in any block.")
        .expect("on screen");
    ui.find(Text::CopySlmgr.in_language(Language::English))
        .expect("on screen");
}

#[test]
fn a_restart_restores_the_session() {
    let home = tempfile::tempdir().unwrap();
    {
        let mut app = start(&home, Language::Japanese, Some(SLMGR_DTI));
        let _ = app.update(Message::Show(Screen::ConfirmationId));
        interact(&mut app, |ui| {
            ui.click(selector::id(confirmation::block_id(0))).unwrap();
            ui.typewrite("426296483");
        });
        close(&mut app);
    }
    let app = start(&home, Language::Japanese, None);
    assert_eq!(
        app.screen(),
        Screen::ConfirmationId,
        "work resumes where the typing was"
    );
    assert_eq!(
        app.confirmation().blocks()[..2],
        ["426296".to_string(), "483".to_string()]
    );
    assert_eq!(
        app.installation().id().map(|id| id.digits().len()),
        Some(63)
    );
    simulator(&app)
        .find("前回の続きから再開しました。")
        .expect("on screen");
}

/// Saving never holds up a keystroke: the keystroke only hands the session to a task (the
/// window's runtime runs it on a thread of its own); keystrokes made while a write is under
/// way are written together as soon as it ends. Every keystroke once wrote and flushed the
/// session on the UI thread.
#[test]
fn a_keystroke_hands_the_save_to_a_task_and_later_keys_follow_it() {
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());
    let mut app = start(&home, Language::English, None);
    let typed = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        "426296".into(),
    )));
    assert!(
        !store.path().exists(),
        "the keystroke itself wrote nothing: the disk never holds up the window"
    );
    run(&mut app, typed);
    assert_eq!(store.load().unwrap().cid_blocks[0], "426296");

    // Two keystrokes while the first write is under way: the second starts no write of its
    // own, and both are on disk when the first write's task has run.
    let first = app.update(Message::Confirmation(confirmation::Message::Edited(
        1,
        "4831".into(),
    )));
    let second = app.update(Message::Confirmation(confirmation::Message::Edited(
        1,
        "483130".into(),
    )));
    run(&mut app, second);
    assert_eq!(
        store.load().unwrap().cid_blocks[1],
        "",
        "nothing written yet"
    );
    run(&mut app, first);
    assert_eq!(store.load().unwrap().cid_blocks[1], "483130");
}

#[test]
fn focus_moves_on_after_a_consistent_block_and_back_on_backspace() {
    let mut boxes = ActivationInProgress::default();
    assert_eq!(boxes.type_into(0, "42629").focus, None);
    assert_eq!(boxes.type_into(0, "426296").focus, Some(1));
    // An inconsistent block keeps the focus so the user can fix it.
    assert_eq!(boxes.type_into(1, "483131").focus, None);
    assert_eq!(boxes.type_into(2, "").focus, Some(1));
    // Spaces and full-width digits are digits typed; a letter is named and never gets in.
    let _ = boxes.type_into(3, "1 2 \u{FF13}");
    assert_eq!(boxes.blocks()[3], "123");
    let _ = boxes.type_into(3, "1a2 3");
    assert_eq!(boxes.blocks()[3], "123");
    assert_eq!(
        boxes.refused(),
        Some(&Refused::NotADigit {
            character: 'a',
            box_letter: 'D'
        })
    );
}

#[test]
fn start_over_asks_first_then_clears_everything() {
    let (home, mut app) = started(Language::English, Some(SLMGR_DTI));
    let typed = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    run(&mut app, typed);
    assert!(
        SessionStore::in_dir(home.path())
            .load()
            .unwrap()
            .is_unfinished()
    );
    let _ = app.update(Message::StartOver);
    assert!(
        app.installation().id().is_some(),
        "nothing is cleared before the user confirms"
    );
    let cleared = app.update(Message::Answered(gui::question::Answer::Yes));
    run(&mut app, cleared);
    assert!(app.installation().id().is_none());
    assert!(app.confirmation().blocks().iter().all(String::is_empty));
    assert!(
        !SessionStore::in_dir(home.path())
            .load()
            .unwrap()
            .is_unfinished()
    );
}

#[test]
fn reading_mode_steps_through_the_groups() {
    let (_home, mut app) = started(Language::English, Some(SLMGR_DTI));
    let _ = app.update(Message::Installation(installation::Message::OpenReading));
    for _ in 0..3 {
        let _ = app.update(Message::Installation(installation::Message::ReadNext));
    }
    let mut ui = simulator(&app);
    ui.find("Group 4 / 9").expect("on screen");
    ui.find("5465220").expect("on screen");
}

/// Walks every screen in the order of the job, with a pasted slmgr output, a mistyped and then
/// a complete Confirmation ID, showing each state to `visit`.
fn walk_screens(language: Language, visit: &mut dyn FnMut(&str, &App)) {
    let (home, mut app) = started(language, Some(SLMGR_DTI));
    visit("installation-id", &app);

    let _ = app.update(Message::Installation(installation::Message::OpenReading));
    visit("reading-mode", &app);
    let _ = app.update(Message::Installation(installation::Message::CloseReading));

    let _ = app.update(Message::ShowRoute(Route::PortalOnThisPc));
    visit("route-portal-this-pc", &app);
    let _ = app.update(Message::ShowRoute(Route::PortalOnPhone));
    visit("route-portal", &app);
    let _ = app.update(Message::Route(gui::route::Message::ChoseRoute(
        Route::Phone,
    )));
    visit("route-phone", &app);

    let _ = app.update(Message::Show(Screen::ConfirmationId));
    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        "426296".into(),
    )));
    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        1,
        "483131".into(),
    )));
    visit("confirmation-id-typing", &app);
    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    assert!(
        app.confirmation()
            .blocks()
            .iter()
            .all(|b| activation_companion::id::block_state(b) == GroupState::Consistent)
    );
    visit("confirmation-id-done", &app);

    // The completed Confirmation ID is in the record; after a restart, the same Installation
    // ID on screen 1 offers it again.
    let _ = app.update(Message::Show(Screen::Record));
    visit("record", &app);
    close(&mut app);
    let mut app = start(&home, language, None);
    let _ = app.update(Message::StartOver);
    let _ = app.update(Message::Answered(gui::question::Answer::Yes));
    paste(&mut app, SLMGR_DTI.to_string());
    visit("installation-id-seen-before", &app);
}

/// The PC being activated, as the window shows it on Windows: each product's status after
/// reading (Windows Pro in notification mode and its ESU add-on), and a refused deposit.
fn walk_this_pc(language: Language, visit: &mut dyn FnMut(&str, &App)) {
    use activation_companion::licensing::{ApplyVerdict, codes};

    let (_home, mut app) = started(language, None);
    let reading = recorded_pc("windows_pro_notification.json");
    let pro = reading.products[0].clone();
    pc_read(&mut app, reading);
    visit("this-pc-status", &app);

    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    let refused = ApplyVerdict::Refused {
        product: pro,
        error: codes::ActivationError::from_code(codes::ACCESS_DENIED),
    };
    deposit_answered(&mut app, refused);
    visit("this-pc-refused", &app);
}

#[test]
fn snapshots_of_every_screen_in_both_languages() {
    let mut frames = Vec::new();
    for language in Language::ALL {
        // At the window's default size, and at its smallest (800 x 600).
        for (size, suffix) in [((1180.0, 800.0), ""), ((800.0, 600.0), "-800x600")] {
            let mut shoot = |name: &str, app: &App| {
                let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
                let frame = snapshot::capture(&mut ui);
                frames.push((format!("{name}-{}{suffix}", language.tag()), frame));
            };
            walk_screens(language, &mut shoot);
            walk_this_pc(language, &mut shoot);
        }
        // The keyboard's focus ring, on "Start over?"'s Cancel where the keyboard starts.
        let (home, mut app) = started(language, Some(SLMGR_DTI));
        let _ = app.update(Message::StartOver);
        let mut ui = simulator(&app);
        let cancel = ui_centre(&mut ui, Text::Cancel.in_language(language));
        for _ in 0..100 {
            let on_cancel = ui
                .find(selector::is_focused())
                .is_ok_and(|focused| focused.bounds().contains(cancel));
            if on_cancel {
                break;
            }
            ui.tap_key(iced::keyboard::key::Named::Tab);
        }
        frames.push((
            format!("start-over-question-{}", language.tag()),
            snapshot::capture(&mut ui),
        ));
        // A second window on the same data folder, waiting.
        let waiting = start(&home, language, None);
        frames.push((
            format!("second-window-{}", language.tag()),
            snapshot::capture(&mut simulator(&waiting)),
        ));
    }
    snapshot::assert_all(&frames);
}

fn ui_centre(ui: &mut Simulator<'_, Message>, label: &str) -> iced::Point {
    ui.find(label).expect("on screen").bounds().center()
}

/// The room every screen is checked in (logical pixels: the window's size divided by the
/// zoom and the display's scale): the window's default size, a small laptop's, the window's
/// minimum (800 x 600), the default at 130 % and 200 % zoom, the minimum at 130 % and 200 %,
/// and a 1080p display at scale 2 (1920 x 1040 physical).
const SIZES: [(f32, f32); 8] = [
    (1180.0, 800.0),
    (1024.0, 700.0),
    (800.0, 600.0),
    (1180.0 / 1.3, 800.0 / 1.3),
    (590.0, 400.0),
    (800.0 / 1.3, 600.0 / 1.3),
    (400.0, 300.0),
    (960.0, 520.0),
];

/// The labels of the top bar, which must each stay on one line (at 1024 x 700 "Start over
/// (Ctrl+N)" was squeezed into three fragments).
fn top_bar_labels(language: Language) -> Vec<&'static str> {
    [
        Text::StepInstallationId,
        Text::StepRoute,
        Text::StepConfirmationId,
        Text::StepRecord,
        Text::SwitchLanguage,
        Text::ZoomOut,
        Text::ZoomIn,
        Text::StartOver,
    ]
    .map(|label| label.in_language(language))
    .to_vec()
}

#[test]
fn nothing_is_cut_off_or_squeezed_on_any_screen_at_any_size_or_zoom() {
    let mut problems = Vec::new();
    for language in Language::ALL {
        for size in SIZES {
            let mut check = |name: &str, app: &App| {
                let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
                let survey = layout::survey(&mut ui);
                let found = survey
                    .cut_off(size)
                    .into_iter()
                    .chain(survey.squeezed_digits())
                    .chain(survey.wrapped(&top_bar_labels(language), 17.0));
                for problem in found {
                    problems.push(format!("{name} ({language:?}, {size:?}): {problem}"));
                }
            };
            walk_screens(language, &mut check);
            walk_this_pc(language, &mut check);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What the QR code on screen says, once the screen is scrolled to it: read from the frame as
/// a phone would read it, scrolling down a fifth of the window at a time until one is found
/// or the end is reached.
fn qr_on_screen(app: &App, size: (f32, f32)) -> Option<String> {
    let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
    // Over the page's scrollbar (the largest scroll area's right edge), where no box or list
    // takes the wheel for itself.
    let survey = layout::survey(&mut ui);
    let page = survey
        .scrollables
        .iter()
        .map(|(viewport, ..)| *viewport)
        .max_by(|a, b| a.area().total_cmp(&b.area()))?;
    ui.point_at(iced::Point::new(
        page.x + page.width - 4.0,
        page.y + page.height / 2.0,
    ));
    let mut previous = None;
    for _ in 0..30 {
        let frame = image::DynamicImage::ImageRgba8(snapshot::capture(&mut ui)).to_luma8();
        if previous.as_ref() == Some(&frame) {
            return None; // scrolled to the end
        }
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
            frame.width() as usize,
            frame.height() as usize,
            |x, y| frame.get_pixel(x as u32, y as u32).0[0],
        );
        if let Some(content) = prepared
            .detect_grids()
            .iter()
            .find_map(|grid| grid.decode().ok())
        {
            return Some(content.1);
        }
        previous = Some(frame);
        let _ = ui.simulate([iced::Event::Mouse(iced::mouse::Event::WheelScrolled {
            delta: iced::mouse::ScrollDelta::Pixels {
                x: 0.0,
                y: -size.1 / 5.0,
            },
        })]);
    }
    None
}

/// At 800 x 600 the QR code was cut off and no longer decoded.
#[test]
fn every_qr_code_scans_at_every_size_and_zoom() {
    let iid = "489126343257012289105546522085205332958764158851011127139061121";
    let mut problems = Vec::new();
    for language in Language::ALL {
        let mut check = |name: &str, app: &App| {
            let expected = match name {
                "installation-id" | "installation-id-seen-before" => iid,
                "route-portal" => "https://aka.ms/aoh",
                // A call gets no Confirmation ID any more: no QR code offers one.
                "route-phone" => "",
                _ => return,
            };
            let expected = Some(expected).filter(|qr| !qr.is_empty());
            for size in SIZES {
                let read = qr_on_screen(app, size);
                if read.as_deref() != expected {
                    problems.push(format!("{name} ({language:?}, {size:?}): read {read:?}"));
                }
            }
        };
        walk_screens(language, &mut check);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Many products with long names, and a long notice (a session file that could not be read,
/// kept under a long path): the product buttons stay clear of their scrollbar, and the
/// keyboard hint stays one line inside the window.
#[test]
fn many_products_and_a_long_notice_still_fit() {
    let office = "465145217131314304264339481117862266242033457260311819664735280";
    let products: String = (1..=6)
        .map(|n| {
            format!(
                "Installation ID for: Office 16, Office16ProPlus{n}VL_MAK_AE_Enterprise edition: {office}\n"
            )
        })
        .collect();
    for language in Language::ALL {
        for size in SIZES {
            let home = tempfile::tempdir().unwrap();
            let deep = home
                .path()
                .join("a-very-long-folder-name-for-the-saved-session".repeat(3));
            std::fs::create_dir_all(&deep).unwrap();
            std::fs::write(deep.join(SessionStore::FILE_NAME), "{ not json").unwrap();
            let (app, _) = App::new(StartOptions {
                store: SessionStore::in_dir(&deep),
                record: RecordStore::in_dir(&deep),
                ..options(&home, language, Some(&products))
            });
            let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
            let survey = layout::survey(&mut ui);
            let problems = survey.cut_off(size);
            assert!(problems.is_empty(), "{language:?} {size:?}: {problems:?}");
            // Beside a long notice where the window is wide, the hint keeps to one line;
            // narrower, it goes under the notice and may wrap (cut_off checks it is seen).
            let hint = Text::KeyboardHelp.in_language(language);
            let bounds = survey.text(hint).expect("the keyboard hint is shown");
            assert!(
                size.0 < 1000.0 || bounds.height < 30.0,
                "{language:?} {size:?}: the keyboard hint wraps: {bounds:?}"
            );
        }
    }
}

/// A message to the "this PC" part of the window, as its worker or a click sends it.
fn send(app: &mut App, message: activation_companion::gui::this_pc::Message) {
    let _ = app.update(Message::ThisPc(message));
}

/// Windows read: the window gets `reading` as the worker gives it.
fn pc_read(app: &mut App, reading: activation_companion::licensing::LicensingReading) {
    use activation_companion::gui::this_pc::Message::ReadDone;
    send(app, ReadDone(Some(Ok(Box::new(reading)))));
}

/// Deposited as the window does it: asked, answered, then Windows' verdict.
fn deposit_answered(app: &mut App, verdict: activation_companion::licensing::ApplyVerdict) {
    use activation_companion::gui::this_pc::Message::{Apply, ApplyDone};
    send(app, Apply);
    send(app, ApplyDone(Some(Ok(Box::new(verdict)))));
}

/// A PC's licensing service as recorded in `tests/fixtures/licensing/` (rows as WMI gives
/// them), read the way the window reads it.
fn recorded_pc(name: &str) -> activation_companion::licensing::LicensingReading {
    use activation_companion::licensing::{
        Deposit, LicensingService, ProductClass, ProductRow, ServiceError, codes, read_licensing,
    };
    struct Recorded(serde_json::Value);
    impl LicensingService for Recorded {
        fn products(&self, class: ProductClass) -> Result<Vec<ProductRow>, ServiceError> {
            match &self.0[class.product_class()] {
                serde_json::Value::Null => Err(ServiceError::Unavailable {
                    code: codes::WMI_INVALID_CLASS,
                }),
                rows => Ok(serde_json::from_value(rows.clone()).expect("recorded rows")),
            }
        }
        fn deposit(&self, _: &Deposit) -> Result<(), u32> {
            unreachable!("reading deposits nothing")
        }
        fn refresh(&self, _: ProductClass) -> Result<(), u32> {
            unreachable!("reading refreshes nothing")
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/licensing")
        .join(name);
    let json = std::fs::read_to_string(&path).unwrap();
    read_licensing(&Recorded(serde_json::from_str(&json).unwrap())).unwrap()
}

#[test]
fn reading_this_pc_shows_each_products_status_and_puts_the_ids_to_activate_in_the_box() {
    for language in Language::ALL {
        let (_home, mut app) = started(language, None);
        let reading = recorded_pc("windows_pro_notification.json");
        let statuses: Vec<String> = reading
            .products
            .iter()
            .map(|p| p.message(language))
            .collect();
        pc_read(&mut app, reading);
        {
            let mut ui = simulator(&app);
            for status in &statuses {
                ui.find(status.as_str())
                    .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {status}"));
            }
        }
        // Windows Pro and its ESU add-on are not activated: both IDs, with their names and
        // the Activation IDs their Confirmation IDs go to.
        let labels: Vec<Option<String>> = (0..2)
            .map(|n| {
                let _ = app.update(Message::Installation(installation::Message::Chose(n)));
                app.installation().product().and_then(|p| p.name.clone())
            })
            .collect();
        assert_eq!(
            app.installation()
                .product()
                .unwrap()
                .activation_id
                .as_deref(),
            Some("f520e45e-7413-4a34-a497-d2765967d094")
        );
        assert_eq!(
            labels[0].as_deref(),
            Some("Windows(R), Professional edition")
        );
        assert!(
            labels[1]
                .as_deref()
                .unwrap()
                .contains("Client-ESU-Year1 add-on"),
            "{labels:?}"
        );
        assert_eq!(
            app.installation().id().unwrap().digits(),
            "508760583450367066786558223034732344271525457574499727444472481"
        );
    }
}

#[test]
fn an_activated_pc_says_nothing_to_do_and_keeps_the_box() {
    let (_home, mut app) = started(Language::English, None);
    pc_read(&mut app, recorded_pc("windows_pro_retail_activated.json"));
    assert_eq!(
        app.installation().text(),
        "",
        "nothing to activate, nothing put in the box"
    );
    let mut ui = simulator(&app);
    ui.find("Windows(R), Professional edition: activated; nothing to do.")
        .expect("on screen");
    ui.find(words::microsoft_365_note(Language::English))
        .unwrap_or_else(|error| panic!("{error:?}: no Office row: Microsoft 365 is explained"));
}

#[test]
fn a_licensing_service_that_cannot_be_reached_names_the_manual_route() {
    use activation_companion::gui::this_pc;
    use activation_companion::licensing::{ServiceError, codes};

    let (_home, mut app) = started(Language::Japanese, None);
    let error = ServiceError::Unavailable {
        code: codes::WMI_INVALID_QUERY,
    };
    let _ = app.update(Message::ThisPc(this_pc::Message::ReadDone(Some(Err(
        error.clone(),
    )))));
    let message = error.message(Language::Japanese);
    assert!(
        message.contains("slmgr /dti") && message.contains("slmgr /atp"),
        "{message}"
    );
    simulator(&app).find(message.as_str()).expect("on screen");
}

#[test]
fn the_verdict_after_applying_is_shown_with_what_to_do() {
    use activation_companion::licensing::{ApplyVerdict, LicenseStatus, codes};

    let reading = recorded_pc("windows_pro_notification.json");
    let pro = reading.products[0].clone();
    let (_home, mut app) = started(Language::English, None);
    pc_read(&mut app, reading);
    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        0,
        CID.into(),
    )));
    let _ = app.update(Message::Show(Screen::ConfirmationId));

    let mut activated = pro.clone();
    activated.status = LicenseStatus::Licensed;
    activated.reason = 0;
    let verdict = ApplyVerdict::Activated { product: activated };
    deposit_answered(&mut app, verdict.clone());
    simulator(&app)
        .find(verdict.message(Language::English).as_str())
        .expect("on screen");
    // The deposit is kept in the activation record: the product, its Activation ID, the IDs.
    let kept = &app.record().activations[0];
    assert_eq!(
        kept.outcome,
        activation_companion::record::Outcome::Activated
    );
    assert_eq!(kept.product, "Windows(R), Professional edition");
    assert_eq!(kept.activation_id, pro.activation_id);
    assert_eq!(kept.confirmation_id, CID);
    assert_eq!(
        Some(kept.installation_id.as_str()),
        pro.installation_id.as_ref().map(|id| id.digits())
    );
    // Screen 1's list now shows it activated.
    let _ = app.update(Message::Show(Screen::InstallationId));
    simulator(&app)
        .find("Windows(R), Professional edition: activated; nothing to do.")
        .expect("on screen");
    let _ = app.update(Message::Show(Screen::ConfirmationId));

    let refused = ApplyVerdict::Refused {
        product: pro.clone(),
        error: codes::ActivationError::from_code(codes::ACCESS_DENIED),
    };
    deposit_answered(&mut app, refused);
    simulator(&app)
        .find("Restart as administrator")
        .expect("on screen");

    // The Installation ID changed since the CID was obtained: offer the new one.
    let mut changed = pro;
    changed.installation_id = Some(activation_companion::id::InstallationId::from_typed(
        "130096098742538877424757780434931350325192537413574684069762241",
    ));
    deposit_answered(
        &mut app,
        ApplyVerdict::IidChanged {
            product: changed,
            expected: "489126343257012289105546522085205332958764158851011127139061121".into(),
        },
    );
    interact(&mut app, |ui| {
        ui.click("Show the new Installation ID on screen 1")
            .expect("offered");
    });
    assert_eq!(
        app.installation().id().unwrap().digits(),
        "130096098742538877424757780434931350325192537413574684069762241"
    );
}

#[test]
fn megabytes_of_paste_keep_only_the_ids() {
    use iced::widget::text_editor::{Action, Edit};
    use std::sync::Arc;

    let (home, mut app) = started(Language::English, None);
    let noise = "Remaining Windows rearm count: 1001\n".repeat(40_000);
    let paste = format!("{noise}{SLMGR_DTI}{noise}");
    assert!(paste.len() > 2_000_000);
    let _ = app.update(Message::Installation(installation::Message::Edited(
        Action::Edit(Edit::Paste(Arc::new(paste))),
    )));
    assert_eq!(
        app.installation().text(),
        "Installation ID: 489126343257012289105546522085205332958764158851011127139061121"
    );
    assert!(app.installation().id().unwrap().is_valid());
    close(&mut app);
    let saved = SessionStore::in_dir(home.path()).load().unwrap();
    assert_eq!(saved.installation_text, app.installation().text());

    // Junk with no ID at all: a clear message, an empty box, no crash.
    let junk: String = (0..3_000_000u32)
        .map(|i| char::from_u32(0x20 + i % 0x5f).unwrap())
        .collect();
    let _ = app.update(Message::Installation(installation::Message::Edited(
        Action::Edit(Edit::Paste(Arc::new(junk))),
    )));
    assert_eq!(app.installation().text(), "");
    assert!(app.installation().id().is_none());
    simulator(&app)
        .find(
            activation_companion::id::IdProblem::NotFound {
                kind: activation_companion::id::IdKind::Installation,
            }
            .message(Language::English),
        )
        .expect("on screen");
}

#[test]
fn text_without_an_id_says_so() {
    let home = tempfile::tempdir().unwrap();
    let app = start(
        &home,
        Language::Japanese,
        Some("Activation ID: 4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c"),
    );
    simulator(&app).find(
        "インストール ID が見つかりません。63 桁（古い製品では 54 桁か 50 桁）の数字で、slui 4 または slmgr /dti で表示されます。"
    ).expect("on screen");
}

#[test]
fn shortcuts_do_what_the_buttons_do() {
    let (_home, mut app) = started(Language::English, Some(SLMGR_DTI));
    let press = |app: &mut App, key: &str| {
        interact(app, |ui| {
            ui.simulate(command_key(key));
        })
    };

    press(&mut app, "d");
    simulator(&app).find("Copied.").expect("on screen");

    press(&mut app, "r");
    assert!(app.installation().is_reading());
    let _ = app.update(Message::Installation(installation::Message::CloseReading));

    press(&mut app, "t");
    assert_eq!(app.screen(), Screen::Route);
    assert_eq!(app.route().route(), Route::Phone);
    simulator(&app)
        .find("0120-801-734")
        .expect("Japan's numbers are shown");

    // Ctrl+Enter ticks the next step of the call script; on another screen it does nothing.
    press(&mut app, "Enter");
    assert_eq!(app.route().ticked().count(), 1);
    let _ = app.update(Message::Show(Screen::InstallationId));
    press(&mut app, "Enter");
    assert_eq!(app.route().ticked().count(), 1);

    // Ctrl+N asks; Ctrl+N again (or the key held down, repeating) only asks again: the
    // question's own button answers it.
    press(&mut app, "n");
    assert!(app.installation().id().is_some());
    press(&mut app, "n");
    assert!(app.installation().id().is_some());
    simulator(&app)
        .find(Text::StartOverQuestion.in_language(Language::English))
        .expect("on screen");
}

// ---- the snapshot comparison itself ---------------------------------------------------------

/// What another machine's rasteriser may do: edge pixels (those with another colour around
/// them) blended with a different gamma and rounded differently; flat areas untouched.
fn rasterised_elsewhere(frame: &image::RgbaImage) -> image::RgbaImage {
    let mut other = frame.clone();
    for (x, y, pixel) in other.enumerate_pixels_mut() {
        let around = (x.saturating_sub(1)..=(x + 1).min(frame.width() - 1)).flat_map(|nx| {
            (y.saturating_sub(1)..=(y + 1).min(frame.height() - 1))
                .map(move |ny| *frame.get_pixel(nx, ny))
        });
        let edge = around.into_iter().any(|p| p != *frame.get_pixel(x, y));
        if !edge {
            continue;
        }
        let nudge: i32 = if (x + y) % 2 == 0 { 20 } else { -20 };
        for channel in &mut pixel.0[..3] {
            let gamma = 255.0 * (f32::from(*channel) / 255.0).powf(0.85);
            *channel = (gamma as i32 + nudge).clamp(0, 255) as u8;
        }
    }
    other
}

fn frame_of(language: Language, iid_text: &str) -> image::RgbaImage {
    let home = tempfile::tempdir().unwrap();
    let app = start(&home, language, Some(iid_text));
    snapshot::capture(&mut simulator(&app))
}

#[test]
fn the_snapshot_comparison_tolerates_another_rasteriser() {
    use snapshot::{Comparison, compare};

    let frame = frame_of(Language::Japanese, SLMGR_DTI);
    assert_eq!(compare(&frame, &frame), Comparison::Same);
    let elsewhere = rasterised_elsewhere(&frame);
    let changed = frame
        .pixels()
        .zip(elsewhere.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        changed > 10_000,
        "the perturbation touches the edges ({changed} pixels)"
    );
    assert_eq!(compare(&frame, &elsewhere), Comparison::Same);
    assert_eq!(compare(&elsewhere, &frame), Comparison::Same);
}

#[test]
fn the_snapshot_comparison_fails_on_a_word_a_move_or_a_colour() {
    use snapshot::{Comparison, compare};

    let changed = |a: &image::RgbaImage, b: &image::RgbaImage| {
        matches!(compare(a, b), Comparison::Changed { .. })
            && matches!(compare(b, a), Comparison::Changed { .. })
    };
    let frame = frame_of(Language::English, SLMGR_DTI);

    // One word of the pasted text changed (the ID and every verdict stay the same).
    let word = frame_of(
        Language::English,
        &SLMGR_DTI.replace("Installation ID:", "Installation No:"),
    );
    assert!(changed(&frame, &word), "a changed word is a difference");

    // The QR code moved 3 pixels to the right.
    let mut moved = frame.clone();
    let (left, top, width, height) = (700, 280, 240, 240);
    let block = image::imageops::crop_imm(&frame, left, top, width, height).to_image();
    image::imageops::replace(&mut moved, &block, i64::from(left + 3), i64::from(top));
    assert!(changed(&frame, &moved), "a moved widget is a difference");

    // The consistent cards' green background, a little redder: a changed colour.
    let card = *frame.get_pixel(40, 330);
    assert!(
        card[1] > card[0],
        "(40, 330) is inside a green group card: {card:?}"
    );
    let mut recoloured = frame.clone();
    for pixel in recoloured.pixels_mut() {
        if *pixel == card {
            pixel[0] += 10;
        }
    }
    assert!(
        changed(&frame, &recoloured),
        "a changed colour is a difference"
    );
}

// ---- keyboard shortcuts ------------------------------------------------------------------------

/// Ctrl (⌘ on macOS) + `key` as a keyboard sends it: X11 sends the text "1" with Ctrl+1.
fn command_key(key: &str) -> Vec<iced::Event> {
    use iced::keyboard::{self, Key, Location, Modifiers, key::NativeCode, key::Physical};
    let named = match key {
        "Enter" => Key::Named(keyboard::key::Named::Enter),
        key => Key::Character(key.into()),
    };
    vec![
        iced::Event::Keyboard(keyboard::Event::ModifiersChanged(Modifiers::COMMAND)),
        iced::Event::Keyboard(keyboard::Event::KeyPressed {
            key: named.clone(),
            modified_key: named,
            physical_key: Physical::Unidentified(NativeCode::Unidentified),
            location: Location::Standard,
            modifiers: Modifiers::COMMAND,
            repeat: false,
            text: (key != "Enter").then(|| key.into()),
        }),
    ]
}

const SHORTCUT_KEYS: [&str; 19] = [
    "1", "2", "3", "4", "l", "+", "=", "-", "0", "n", "r", "d", "g", "k", "o", "p", "t", "b",
    "Enter",
];

/// Whether a message would change what a field holds.
fn is_typing(message: &Message) -> bool {
    use iced::widget::text_editor::Action;
    matches!(
        message,
        Message::Confirmation(confirmation::Message::Edited(..))
            | Message::Route(gui::route::Message::Searched(_))
            | Message::Installation(installation::Message::Edited(Action::Edit(_)))
    )
}

#[test]
fn a_shortcut_is_never_typed_into_the_focused_field() {
    use activation_companion::script::Route;

    /// A field that has the focus on its screen: its name, its id, and how to show it.
    type Field = (&'static str, iced::widget::Id, fn(&mut App));
    let fields: [Field; 3] = [
        (
            "the Installation ID box",
            installation::INPUT_ID.into(),
            |_| {},
        ),
        ("the country search", gui::route::SEARCH_ID.into(), |app| {
            let _ = app.update(Message::ShowRoute(Route::Phone));
        }),
        (
            "Confirmation ID block A",
            confirmation::block_id(0),
            |app| {
                let _ = app.update(Message::Show(Screen::ConfirmationId));
            },
        ),
    ];
    for (field, id, show) in fields {
        for key in SHORTCUT_KEYS {
            let (_home, mut app) = started(Language::English, None);
            show(&mut app);
            let messages: Vec<Message> = {
                let mut ui = tall_simulator(&app);
                ui.click(selector::id(id.clone()))
                    .unwrap_or_else(|_| panic!("{field} is on screen"));
                ui.simulate(command_key(key));
                ui.into_messages().collect()
            };
            assert!(
                !messages.iter().any(is_typing),
                "Ctrl+{key} in {field} typed into it: {messages:?}"
            );
            assert!(!messages.is_empty(), "Ctrl+{key} in {field} did nothing");
        }
    }
}

#[test]
fn ctrl_1_in_a_confirmation_block_shows_screen_1_and_types_nothing() {
    let (_home, mut app) = started(Language::English, None);
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    interact(&mut app, |ui| {
        ui.click(selector::id(confirmation::block_id(0))).unwrap();
        ui.simulate(command_key("1"));
    });
    assert_eq!(app.screen(), Screen::InstallationId);
    assert_eq!(app.confirmation().blocks()[0], "");
}

// ---- the Installation ID box under load, and what it says while typing ---------------------

fn paste(app: &mut App, text: String) {
    use iced::widget::text_editor::{Action, Edit};
    let _ = app.update(Message::Installation(installation::Message::Edited(
        Action::Edit(Edit::Paste(std::sync::Arc::new(text))),
    )));
}

#[test]
fn text_grown_past_16_kb_keeps_its_ids_and_comes_back_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let noise = "Remaining Windows rearm count: 1001\n".repeat(250); // 9 KB a paste
    let before_restart = {
        let mut app = start(&home, Language::English, None);
        // Two pastes, each under 16 KB: together over it, with the ID at the end.
        paste(&mut app, noise.clone());
        paste(&mut app, format!("{noise}{SLMGR_DTI}"));
        assert!(
            app.installation().text().len() <= installation::MAX_BOX_TEXT,
            "the box holds at most 16 KB"
        );
        assert!(app.installation().id().unwrap().is_valid());
        simulator(&app)
                .find("The text was long (over 16 KB), so only the Installation IDs in it were kept, with their product names.").expect("the user is told what was kept");
        close(&mut app);
        app.installation().text().to_string()
    };
    let app = start(&home, Language::English, None);
    assert_eq!(app.installation().text(), before_restart);
    assert_eq!(
        app.installation().id().map(|id| id.digits().to_string()),
        Some("489126343257012289105546522085205332958764158851011127139061121".into())
    );
}

#[test]
fn a_megabyte_of_digits_is_not_an_installation_id_said_once() {
    let (home, mut app) = started(Language::Japanese, None);
    paste(&mut app, "7".repeat(1_000_000));
    assert_eq!(app.installation().text(), "", "nothing of it is kept");
    assert!(app.installation().id().is_none());
    let survey = layout::survey(&mut simulator(&app));
    let said = "貼り付けられた 1000000 桁の数字の並びは、インストール ID（63 桁、54 桁、または 50 桁）としては長すぎるため、取り込んでいません。";
    assert_eq!(
        survey
            .texts
            .iter()
            .filter(|(text, ..)| text == said)
            .count(),
        1
    );
    assert!(
        survey.texts.len() < 40,
        "{} texts drawn",
        survey.texts.len()
    );
    // Saved small: the session file is a few hundred bytes, not a megabyte.
    close(&mut app);
    let saved = std::fs::metadata(home.path().join(SessionStore::FILE_NAME)).unwrap();
    assert!(saved.len() < 2_000, "{} bytes saved", saved.len());
}

#[test]
fn a_long_typed_run_gets_its_verdict_and_no_group_cards() {
    let home = tempfile::tempdir().unwrap();
    let digits = "1234567".repeat(1_400); // 9,800 digits: under 16 KB, far over any ID
    let app = start(&home, Language::English, Some(&digits));
    let survey = layout::survey(&mut simulator(&app));
    let verdict = "Found 9800 digits; an Installation ID has 63, 54 or 50 digits.";
    assert!(
        survey
            .texts
            .iter()
            .any(|(text, ..)| text.starts_with(verdict)),
        "{:?}",
        survey.texts
    );
    assert!(
        !survey.texts.iter().any(|(text, ..)| text == "Group 1"),
        "no group cards"
    );
}

#[test]
fn the_first_groups_being_typed_are_progress_until_a_pause() {
    let (_home, mut app) = started(Language::English, None);
    interact(&mut app, |ui| {
        ui.click(selector::id(installation::INPUT_ID)).unwrap();
        ui.typewrite("4891263");
    });
    let too_short = "Found 7 digits; an Installation ID has 63, 54 or 50 digits.";
    {
        let mut ui = simulator(&app);
        ui.find("7 of 63 digits typed.").expect("on screen");
        assert!(ui.find(too_short).is_err(), "no error while typing");
    }
    // The window sends this after the pause that follows the last keystroke (7 so far).
    let _ = app.update(Message::Installation(installation::Message::PausedAfter(7)));
    let mut ui = simulator(&app);
    ui.find(too_short)
        .unwrap_or_else(|error| panic!("{error:?}: after a pause, the length is wrong"));

    // A pause notice for an older keystroke changes nothing; too many digits is an error at once.
    let (_home, mut app) = started(Language::English, None);
    interact(&mut app, |ui| {
        ui.click(selector::id(installation::INPUT_ID)).unwrap();
        ui.typewrite(&"4891263".repeat(10));
    });
    let _ = app.update(Message::Installation(installation::Message::PausedAfter(1)));
    let survey = layout::survey(&mut simulator(&app));
    assert!(
        survey.texts.iter().any(|(text, ..)| text
            .starts_with("Found 70 digits; an Installation ID has 63, 54 or 50 digits.")),
        "{:?}",
        survey.texts
    );
}

#[test]
fn empty_confirmation_boxes_say_empty_not_typing() {
    let home = tempfile::tempdir().unwrap();
    for (language, empty, typing) in [
        (Language::English, "empty", "typing"),
        (Language::Japanese, "未入力", "入力中"),
    ] {
        let mut app = start(&home, language, None);
        let _ = app.update(Message::Show(Screen::ConfirmationId));
        let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
            0,
            "426".into(),
        )));
        let survey = layout::survey(&mut simulator(&app));
        let count = |word: &str| survey.texts.iter().filter(|(t, ..)| t == word).count();
        assert_eq!(count(typing), 1, "{language:?}: block A is being typed");
        assert_eq!(count(empty), 7, "{language:?}: blocks B–H are empty");
    }
}

// ---- letters for digits, and countries by code ------------------------------------------------

#[test]
fn a_letter_for_a_digit_is_named_in_both_boxes() {
    let (_home, mut app) = started(Language::English, None);
    interact(&mut app, |ui| {
        ui.click(selector::id(installation::INPUT_ID)).unwrap();
        ui.typewrite("4891263 43257O1");
    });
    simulator(&app)
        .find("Group 2 contains the letter O, not a digit: a zero? Type the digit 0.")
        .expect("on screen");

    let _ = app.update(Message::Show(Screen::ConfirmationId));
    interact(&mut app, |ui| {
        ui.click(selector::id(confirmation::block_id(2))).unwrap();
        ui.typewrite("8290");
        ui.typewrite("O");
    });
    assert_eq!(
        app.confirmation().blocks()[2],
        "8290",
        "the letter is not typed"
    );
    simulator(&app)
        .find("Block C contains the letter O, not a digit: a zero? Type the digit 0.")
        .expect("on screen");
    // A whole CID pasted with an l in block F names F.
    let pasted = CID.replacen("777482", "777l82", 1);
    let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
        2, pasted,
    )));
    simulator(&app)
        .find("Block F contains the letter l, not a digit: a one? Type the digit 1.")
        .expect("on screen");
}

#[test]
fn the_country_search_resolves_codes_first() {
    let (_home, mut app) = started(Language::English, None);
    let _ = app.update(Message::ShowRoute(Route::Phone));
    for (typed, iso) in [("UK", "GB"), ("JPN", "JP"), ("usa", "US")] {
        let messages: Vec<Message> = {
            let mut ui = tall_simulator(&app);
            ui.click(selector::id(gui::route::SEARCH_ID)).unwrap();
            ui.typewrite(typed);
            ui.into_messages().collect()
        };
        for message in messages {
            let _ = app.update(message);
        }
        assert_eq!(app.route().country(), Some(iso), "{typed}");
        // Clear the search for the next one.
        let _ = app.update(Message::Route(gui::route::Message::Searched(String::new())));
    }
}

#[test]
fn every_confirmation_box_has_room_for_six_digits_at_every_size() {
    for language in Language::ALL {
        for size in SIZES {
            let (_home, mut app) = started(language, None);
            let _ = app.update(Message::Show(Screen::ConfirmationId));
            let _ = app.update(Message::Confirmation(confirmation::Message::Edited(
                0,
                CID.into(),
            )));
            let mut ui = Simulator::with_size(gui::test_settings(), size, app.view());
            let widths: Vec<f32> = (0..8)
                .map(|block| {
                    ui.find(selector::id(confirmation::block_id(block)))
                        .expect("the box is on screen")
                        .bounds()
                        .width
                })
                .collect();
            assert!(
                widths
                    .iter()
                    .all(|&w| (w - widths[0]).abs() < 1.0 && w >= 100.0),
                "{language:?} {size:?}: box widths {widths:?}"
            );
        }
    }
}

// ---- the portal on this PC, the Confirmation ID pasted back, the activation record ----------

/// Whether a message changes what a box holds keystroke by keystroke (a paste is not typing).
fn is_typing_by_hand(message: &Message) -> bool {
    use iced::widget::text_editor::{Action, Edit};
    matches!(
        message,
        Message::Confirmation(confirmation::Message::Edited(..))
            | Message::Installation(installation::Message::Edited(Action::Edit(
                Edit::Insert(_) | Edit::Enter | Edit::Backspace | Edit::Delete
            )))
    )
}

#[test]
fn the_portal_on_this_pc_copies_the_id_and_opens_aka_ms_aoh() {
    use activation_companion::platform::BrowserError;
    use gui::route::Message as RouteMessage;

    for language in Language::ALL {
        let (_home, mut app) = started(language, Some(SLMGR_DTI));
        let _ = app.update(Message::ShowRoute(Route::PortalOnThisPc));
        let button = Text::OpenPortalHere.in_language(language);
        let mut clipboard = None;
        let opened_before = OPENED.lock().unwrap().len();
        let messages: Vec<Message> = {
            let mut ui = simulator(&app);
            ui.click(button).expect("the button is on screen");
            ui.into_messages().collect()
        };
        for message in messages {
            let task = app.update(message);
            run_with_clipboard(&mut app, task, &mut clipboard);
        }
        assert_eq!(
            clipboard.as_deref(),
            Some("489126343257012289105546522085205332958764158851011127139061121"),
            "the digits only, as the portal takes them"
        );
        let opened = OPENED.lock().unwrap()[opened_before..].to_vec();
        assert!(
            opened.contains(&"https://aka.ms/aoh".to_string()),
            "{opened:?}"
        );
        let said = Text::PortalOpened.in_language(language);
        simulator(&app)
            .find(said)
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {said}"));

        // The browser could not be opened: say so, with the address to type.
        let _ = app.update(Message::Route(RouteMessage::PortalOpened(Some(Err(
            BrowserError { code: Some(2) },
        )))));
        let said = Text::BrowserFailed.in_language(language);
        simulator(&app)
            .find(said)
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {said}"));
    }
}

#[test]
fn without_a_consistent_id_the_portal_on_this_pc_waits_for_one() {
    let home = tempfile::tempdir().unwrap();
    // Group 4 mistyped: no ID to carry to Microsoft.
    let mut app = start(
        &home,
        Language::English,
        Some("4891263 4325701 2289105 5465221 8520533 2958764 1588510 1112713 9061121"),
    );
    let _ = app.update(Message::ShowRoute(Route::PortalOnThisPc));
    let mut ui = simulator(&app);
    ui.find(Text::NeedsValidIid.in_language(Language::English))
        .expect("on screen");
    let _ = ui.click(Text::OpenPortalHere.in_language(Language::English));
    assert_eq!(
        ui.into_messages().count(),
        0,
        "the button does nothing without a consistent ID"
    );
}

#[test]
fn a_pasted_confirmation_id_fills_every_box_or_changes_nothing() {
    let table: String = CID
        .as_bytes()
        .chunks(6)
        .enumerate()
        .map(|(n, block)| {
            format!(
                "{}\t{}\n",
                char::from(b'A' + n as u8),
                std::str::from_utf8(block).unwrap()
            )
        })
        .collect();
    for language in Language::ALL {
        let (_home, mut app) = started(language, None);
        let _ = app.update(Message::Show(Screen::ConfirmationId));
        // Ctrl+V into box C: the text field hands over the paste without its line breaks and
        // tabs (the labels glued to the digits), so the clipboard is read again, whole: the
        // ID goes into A-H.
        let mut clipboard = Some(table.clone());
        let flattened: String = table.chars().filter(|c| !c.is_control()).collect();
        let task = app.update(Message::Confirmation(confirmation::Message::Pasted(
            2, flattened,
        )));
        run_with_clipboard(&mut app, task, &mut clipboard);
        assert_eq!(app.confirmation().blocks().concat(), CID, "{language:?}");

        // Two different IDs: said, and the boxes keep what they had.
        let other = CID.replacen("426296", "154814", 1);
        let two = format!("{CID}\n\n{other}");
        let _ = app.update(Message::Confirmation(confirmation::Message::FromClipboard(
            Some(two),
        )));
        assert_eq!(app.confirmation().blocks().concat(), CID, "{language:?}");
        let said = activation_companion::id::IdProblem::SeveralDifferent {
            kind: activation_companion::id::IdKind::Confirmation,
            count: 2,
        }
        .message(language);
        simulator(&app)
            .find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));

        // Nothing like an ID: said too.
        let _ = app.update(Message::Confirmation(confirmation::Message::FromClipboard(
            Some("Thank you".into()),
        )));
        assert_eq!(app.confirmation().blocks().concat(), CID);
        let said = activation_companion::id::IdProblem::NotFound {
            kind: activation_companion::id::IdKind::Confirmation,
        }
        .message(language);
        simulator(&app)
            .find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));
    }
}

/// A person at the window: what they do (each paste, shortcut or click one action), the
/// messages it makes, the clipboard they share with the browser.
struct Person {
    app: App,
    clipboard: Option<String>,
    actions: usize,
    messages: Vec<Message>,
}

impl Person {
    /// One action on the real view; its messages go to `update` and their tasks are run (the
    /// typing pause, which only waits 3 s, is not).
    fn act(&mut self, interaction: impl FnOnce(&mut Simulator<'_, Message>)) {
        self.actions += 1;
        let produced: Vec<Message> = {
            let mut ui = simulator(&self.app);
            interaction(&mut ui);
            ui.into_messages().collect()
        };
        for message in produced {
            self.messages.push(message.clone());
            let waits = matches!(message, Message::Installation(_));
            let task = self.app.update(message);
            if !waits {
                run_with_clipboard(&mut self.app, task, &mut self.clipboard);
            }
        }
    }

    /// Pastes text into screen 1's box: the message a paste makes there.
    fn paste_installation_id(&mut self, text: &str) {
        use iced::widget::text_editor::{Action, Edit};
        self.actions += 1;
        let paste = Message::Installation(installation::Message::Edited(Action::Edit(
            Edit::Paste(std::sync::Arc::new(text.to_string())),
        )));
        self.messages.push(paste.clone());
        let _ = self.app.update(paste);
    }
}

/// The route this PC's browser makes possible, counted: from the Installation ID pasted to a
/// Confirmation ID ready to apply, every user action is a paste, a shortcut or a click; no
/// digit is typed by hand. In this window: paste the IID, Ctrl+B, Ctrl+3, "Paste" (four
/// actions); in the browser: Ctrl+V into the portal, Ctrl+C of its answer.
#[test]
fn the_portal_on_this_pc_carries_both_ids_without_one_digit_typed() {
    for language in Language::ALL {
        let home = tempfile::tempdir().unwrap();
        let mut person = Person {
            app: start(&home, language, None),
            clipboard: None,
            actions: 0,
            messages: Vec::new(),
        };

        // 1. The Installation ID, pasted (here from slmgr /dti's output) into screen 1's box.
        person.paste_installation_id(SLMGR_DTI);
        assert!(
            person
                .app
                .installation()
                .id()
                .is_some_and(|id| id.is_valid())
        );

        // 2. Ctrl+B: the digits are copied and the portal opens in this PC's browser.
        person.act(|ui| {
            ui.simulate(command_key("b"));
        });
        assert_eq!(person.app.screen(), Screen::Route);
        assert_eq!(
            person.clipboard.as_deref(),
            Some("489126343257012289105546522085205332958764158851011127139061121")
        );

        // In the browser: Ctrl+V into the portal's field, then Ctrl+C of the answer it shows.
        person.clipboard = Some(format!(
            "Confirmation ID\nA\tB\tC\tD\tE\tF\tG\tH\n{}\n",
            CID.as_bytes()
                .chunks(6)
                .map(|b| std::str::from_utf8(b).unwrap())
                .collect::<Vec<_>>()
                .join("\t")
        ));

        // 3. Ctrl+3, then 4. "Paste the Confirmation ID".
        person.act(|ui| {
            ui.simulate(command_key("3"));
        });
        assert_eq!(person.app.screen(), Screen::ConfirmationId);
        let paste_button = Text::PasteConfirmationId.in_language(language);
        person.act(|ui| {
            ui.click(paste_button)
                .expect("the paste button is on screen");
        });

        let cid = person
            .app
            .confirmation()
            .consistent_id()
            .expect("every block filled and consistent");
        assert_eq!(cid.digits(), CID);
        simulator(&person.app)
            .find(Text::AllBlocksConsistent.in_language(language))
            .expect("on screen");
        assert_eq!(person.actions, 4, "four actions in the window");
        let typed: Vec<&Message> = person
            .messages
            .iter()
            .filter(|m| is_typing_by_hand(m))
            .collect();
        assert!(typed.is_empty(), "{language:?}: typed by hand: {typed:?}");
        // And the completed Confirmation ID is in the record, with its Installation ID.
        let recorded = &person.app.record().activations[0];
        assert_eq!(recorded.confirmation_id, CID);
        assert_eq!(
            recorded.installation_id,
            "489126343257012289105546522085205332958764158851011127139061121"
        );
    }
}

#[test]
fn a_recorded_installation_id_offers_its_confirmation_id_again() {
    use activation_companion::id::{ConfirmationId, InstallationId};
    use activation_companion::record::{Activation, ActivationRecord, Outcome};

    const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
    let home = tempfile::tempdir().unwrap();
    let mut record = ActivationRecord::default();
    record.add(
        Activation::of(
            a_fixed_day(),
            &InstallationId::from_typed(IID),
            &ConfirmationId::from_typed(CID),
            Outcome::Activated,
        )
        .of_product(Some("Windows(R), Professional edition"), None),
    );
    std::fs::write(RecordStore::in_dir(home.path()).path(), record.to_json()).unwrap();

    // One digit different (group 1's 4 changed by 7, so every group still checks out): no
    // offer, the record is for another Installation ID.
    let other = IID.replacen("48912", "41912", 1);
    assert!(InstallationId::from_typed(&other).is_valid());
    let app = start(&home, Language::English, Some(&other));
    let offer = Text::UseRecordedCid.in_language(Language::English);
    assert!(simulator(&app).find(offer).is_err());
    drop(app); // the window closed: the next one has the session

    let mut app = start(&home, Language::English, Some(IID));
    let said = words::seen_before(&record.activations[0], Language::English);
    assert!(said.starts_with("Activated with this Installation ID on 2026-11-29"));
    simulator(&app).find(said.as_str()).expect("on screen");
    interact(&mut app, |ui| {
        ui.click(offer).expect("offered");
    });
    assert_eq!(app.screen(), Screen::ConfirmationId);
    assert_eq!(app.confirmation().blocks().concat(), CID);
    assert!(
        simulator(&app).find(offer).is_err(),
        "offered no more once used"
    );
}

#[test]
fn a_record_entry_is_copied_or_removed_after_asking() {
    let (home, mut app) = started(Language::Japanese, Some(SLMGR_DTI));
    let completed = app.update(Message::Confirmation(confirmation::Message::Pasted(
        0,
        CID.into(),
    )));
    run(&mut app, completed);
    assert_eq!(
        common::recorded_in(home.path()).len(),
        1,
        "a completed Confirmation ID is written to the record"
    );
    let _ = app.update(Message::Show(Screen::Record));
    let mut clipboard = None;
    let copied: Vec<Message> = {
        let mut ui = simulator(&app);
        ui.click(Text::CopyRecordedCid.in_language(Language::Japanese))
            .unwrap();
        ui.into_messages().collect()
    };
    for message in copied {
        let task = app.update(message);
        run_with_clipboard(&mut app, task, &mut clipboard);
    }
    assert_eq!(clipboard.as_deref(), Some(CID));

    interact(&mut app, |ui| {
        ui.click(Text::RemoveEntry.in_language(Language::Japanese))
            .unwrap();
    });
    assert_eq!(
        app.record().activations.len(),
        1,
        "nothing removed before asking"
    );
    let removed: Vec<Message> = {
        let mut ui = simulator(&app);
        ui.click(Text::ReallyRemove.in_language(Language::Japanese))
            .unwrap();
        ui.into_messages().collect()
    };
    for message in removed {
        let task = app.update(message);
        run(&mut app, task);
    }
    assert!(app.record().activations.is_empty());
    assert!(common::recorded_in(home.path()).is_empty());
}

/// Numbers read from this PC's phone.inf have no list date and no address: their source is
/// this PC's file, said once. The window once drew an empty " - " line for each entry.
#[test]
fn numbers_from_this_pcs_phone_inf_show_their_source_without_empty_lines() {
    use activation_companion::centers::{parse_phone_inf, prefer_this_pc};

    let rows = parse_phone_inf(include_bytes!("../fixtures/phone.inf")).unwrap();
    for language in Language::ALL {
        let home = tempfile::tempdir().unwrap();
        let (mut app, _) = App::new(StartOptions {
            centers: Some(prefer_this_pc(rows.clone())),
            ..options(&home, language, None)
        });
        let _ = app.update(Message::ShowRoute(Route::Phone));
        let survey = layout::survey(&mut simulator(&app));
        let from_this_pc = Text::FromThisPc.in_language(language);
        assert!(
            survey.texts.iter().any(|(text, ..)| text == from_this_pc),
            "{language:?}: the origin is said"
        );
        assert!(
            survey.texts.iter().any(|(text, ..)| text.contains("sppui")),
            "{language:?}: this PC's file is named as the source"
        );
        for (text, ..) in &survey.texts {
            let trimmed = text.trim();
            assert!(
                !trimmed.starts_with('\u{2014}')
                    && !trimmed.ends_with('\u{2014}')
                    && !trimmed.ends_with(':'),
                "{language:?}: a source line with an empty part: {text:?}"
            );
        }
    }
}
