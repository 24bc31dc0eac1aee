//! The window's state: three screens in the order of the job, a top bar, and the session,
//! saved off the UI thread after every change.

use std::time::SystemTime;

use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::widget::button::{self};
use iced::widget::{column, container, responsive, row, scrollable, space, text};
use iced::{Alignment, Element, Length, Subscription, Task};

use super::autosave::Autosave;
use super::focus::{self, button};
use super::room::Room;
use super::shortcuts::shortcuts;
use super::{confirmation, fonts, installation, record, route, theme, this_pc};
use crate::centers::ActivationCenter;
use crate::id::{ConfirmationId, InstallationId};
use crate::language::Language;
use crate::licensing::ApplyVerdict;
use crate::platform::{BrowserError, ClipboardError};
use crate::record::{
    Activation, ActivationRecord, Applied, Outcome, RecordChange, RecordError, RecordStore,
};
use crate::script::{self, Route};
use crate::session::{SavedProduct, Session, SessionClaim, SessionError, SessionStore};
use crate::words::{self, Localized, Text};

/// How the window starts: from the command line, the system, and the saved session.
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub installation_text: Option<String>,
    /// The language asked for on the command line: it beats the saved session's.
    pub language: Option<Language>,
    /// The system's language, when neither the command line nor the session says.
    pub system_language: Language,
    pub country: Option<String>,
    pub store: SessionStore,
    /// Where the activation record is kept.
    pub record: RecordStore,
    /// The clock activations are dated by (tests fix it).
    pub clock: fn() -> SystemTime,
    /// Hands a web address to the OS's browser (`platform::open_in_browser`; tests record it).
    pub open_in_browser: fn(&str) -> Result<(), BrowserError>,
    /// Keeps a copied text on the clipboard after the window closes, where the OS needs a
    /// process to own it (`platform::keep_after_exit`; tests record it).
    pub keep_clipboard: fn(&str) -> Result<(), ClipboardError>,
    /// The activation centers' phone list (this PC's own phone.inf over the bundled table);
    /// `None`: the window makes it (`gui::phone_list`) when screen 2 is first shown.
    pub centers: Option<Vec<ActivationCenter>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    InstallationId,
    Route,
    ConfirmationId,
    Record,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zoom {
    In,
    Out,
    Reset,
}

#[derive(Debug, Clone)]
pub enum Message {
    Installation(installation::Message),
    Route(route::Message),
    Confirmation(confirmation::Message),
    ThisPc(this_pc::Message),
    Record(record::Message),
    /// A write of the activation record ended (`None`: its thread died).
    RecordWritten(Option<Result<Applied, RecordError>>),
    /// The activation record was read again (`None`: its thread died).
    RecordRead(Option<Result<ActivationRecord, RecordError>>),
    Show(Screen),
    /// Shows the route screen with this route chosen (Ctrl+P, Ctrl+T).
    ShowRoute(Route),
    ToggleLanguage,
    Zoom(Zoom),
    StartOver,
    ConfirmStartOver,
    CancelStartOver,
    /// A save ended (`None`: the thread writing it died).
    Saved(Option<Result<(), SessionError>>),
    /// The user closed the window: save what is on screen, then go.
    CloseRequested,
    /// Saved and closing: the text this window copied, when the clipboard still holds it, to
    /// keep there; then go.
    Closing(Option<String>),
    /// Another window had the session: see whether it has it still.
    TryAgain,
    /// A shortcut of another screen: taken so it is never typed into a field; nothing to do.
    ShortcutElsewhere,
}

/// A one-line message under the screen.
#[derive(Debug)]
enum Notice {
    Restored,
    /// Said on the screen the copy was made from, and there only.
    Copied(Screen),
    Session(SessionError),
}

pub struct App {
    language: Language,
    screen: Screen,
    zoom: f32,
    installation: installation::State,
    route: route::State,
    confirmation: confirmation::State,
    this_pc: this_pc::State,
    store: SessionStore,
    autosave: Autosave,
    /// The activation record, shared with other windows and the command line.
    record: record::Keeper,
    /// This window's hold on the session of its data folder, released when it closes.
    claim: Option<SessionClaim>,
    /// Another window has the session: this one waits, with what it was started with, to try
    /// again.
    waiting: Option<StartOptions>,
    record_screen: record::State,
    clock: fn() -> SystemTime,
    open_in_browser: fn(&str) -> Result<(), BrowserError>,
    keep_clipboard: fn(&str) -> Result<(), ClipboardError>,
    /// What this window last put on the clipboard: kept there after it closes, when the
    /// clipboard still holds it.
    copied: Option<String>,
    /// How many copies this window made: a notice of a copy is the latest one's.
    copies: u64,
    notice: Option<Notice>,
    asking_to_start_over: bool,
    /// Kept so "Start over" can rebuild the route screen with the same phone list.
    /// The phone list, once made (screen 2 has it too).
    centers: Option<Vec<ActivationCenter>>,
    default_country: Option<String>,
}

/// How often a window that waits for the session tries again.
const WAITING_RETRY: std::time::Duration = std::time::Duration::from_secs(2);

/// Around the page.
const PAGE_PADDING: f32 = 16.0;
/// The page's scroll area (the screen's, or in a short window the whole page's).
pub const PAGE_SCROLL: &str = "page";

/// Below this height (logical pixels) the tabs and the footer scroll with the screen.
const SHORT_WINDOW: f32 = 480.0;
/// The widest the top bar is on one line (the English tabs, the language switch, the zoom and
/// "Start over"); narrower, it wraps.
const TOP_BAR_ON_ONE_LINE: f32 = 1000.0;
/// Narrower than this (logical pixels), the tabs are smaller.
const NARROW_WINDOW: f32 = 600.0;
/// The widest the footer is on one line with a short notice.
const FOOTER_ON_ONE_LINE: f32 = 760.0;

/// The "Cancel" of "Start over?": where the keyboard goes when it is asked.
const CANCEL_START_OVER: &str = "cancel-start-over";

const ZOOM_STEP: f32 = 0.1;
const ZOOM_RANGE: (f32, f32) = (0.6, 2.0);

/// Products read from this PC, as the session keeps them: values, never text.
fn saved(products: &[installation::Product]) -> Vec<SavedProduct> {
    products
        .iter()
        .map(|product| SavedProduct {
            name: product.name.clone().unwrap_or_default(),
            activation_id: product.activation_id.clone().unwrap_or_default(),
            installation_id: product.id.digits().to_string(),
        })
        .collect()
}

fn restored(products: &[SavedProduct]) -> Vec<installation::Product> {
    products
        .iter()
        .map(|product| installation::Product {
            id: InstallationId::from_typed(&product.installation_id),
            name: Some(product.name.clone()).filter(|name| !name.is_empty()),
            activation_id: Some(product.activation_id.clone()).filter(|id| !id.is_empty()),
        })
        .collect()
}

impl App {
    pub fn new(options: StartOptions) -> (App, Task<Message>) {
        // One window per data folder has the session: a second one waits, reading and
        // writing none of it, so that neither replaces what the other typed.
        let (claim, waiting) = match options.store.claim() {
            Ok(claim) => (Some(claim), None),
            Err(SessionError::InUse { .. }) => (None, Some(options.clone())),
            // No lock to be had (a folder that cannot be written): saving will say why.
            Err(_) => (None, None),
        };
        let loaded = match waiting {
            Some(_) => Ok(Session::default()),
            None => options.store.load(),
        };
        let (session, notice) = match loaded {
            Ok(session) => {
                let restored = session.is_unfinished().then_some(Notice::Restored);
                (session, restored)
            }
            Err(error) => (Session::default(), Some(Notice::Session(error))),
        };
        let language = options
            .language
            .or(session.language)
            .unwrap_or(options.system_language);
        let country = options.country.clone().or(session.country.clone());
        let text = options
            .installation_text
            .clone()
            .unwrap_or(session.installation_text.clone());
        let screen = if session.cid_blocks.iter().any(|b| !b.is_empty()) {
            Screen::ConfirmationId
        } else {
            Screen::InstallationId
        };
        let mut app = App {
            language,
            screen,
            zoom: 1.0,
            installation: installation::State::new(
                &text,
                restored(&session.this_pc_products),
                session.chosen_product,
            ),
            route: route::State::new(
                session.route.unwrap_or(Route::PortalOnPhone),
                country.clone(),
                session.ticked_steps.clone(),
                options.centers.clone().unwrap_or_default(),
            ),
            confirmation: confirmation::State::new(session.cid_format, &session.cid_blocks),
            this_pc: this_pc::State::default(),
            store: options.store,
            autosave: Autosave::default(),
            record: record::Keeper::open(options.record),
            claim,
            waiting,
            record_screen: record::State::default(),
            clock: options.clock,
            open_in_browser: options.open_in_browser,
            keep_clipboard: options.keep_clipboard,
            copied: None,
            copies: 0,
            notice,
            asking_to_start_over: false,
            centers: options.centers,
            default_country: country,
        };
        app.confirmation.answers(app.installation.cid_formats());
        app.route.set_language(app.language);
        if app.waiting.is_some() {
            // Tried again every few seconds: when the other window closes (or the one this
            // one was restarted from as administrator), this one takes over by itself.
            let pause = || std::thread::sleep(WAITING_RETRY);
            let retry = Task::perform(super::off_the_ui_thread(pause), |_| Message::TryAgain);
            return (app, retry);
        }
        let focus = app.focus_screen();
        (app, focus)
    }

    /// Keeps an activation in the record, written off the UI thread.
    fn keep(&mut self, activation: Activation) -> Task<Message> {
        let write = self.record.change(RecordChange::Add(activation));
        self.write_record(write)
    }

    fn write_record(&mut self, write: Option<record::Job<Applied>>) -> Task<Message> {
        match write {
            Some(write) => Task::perform(super::off_the_ui_thread(write), Message::RecordWritten),
            None => Task::none(),
        }
    }

    /// A Confirmation ID just completed (every block consistent) for the product on screen 1.
    fn completed(&mut self, cid: &ConfirmationId) -> Task<Message> {
        let Some(product) = self.installation.product().filter(|p| p.id.is_valid()) else {
            return Task::none();
        };
        let activation = Activation::new(
            (self.clock)(),
            product.name.as_deref(),
            product.activation_id.as_deref(),
            &product.id,
            cid,
            Outcome::Completed,
        );
        self.keep(activation)
    }

    /// What depositing the Confirmation ID on this PC came to, kept in the record.
    fn deposited(&mut self, verdict: &ApplyVerdict) -> Task<Message> {
        let (Some(product), Some(cid)) = (
            self.installation.product(),
            self.confirmation.consistent_id(),
        ) else {
            return Task::none();
        };
        match Activation::of_deposit((self.clock)(), verdict, &product.id, &cid) {
            Some(activation) => self.keep(activation),
            None => Task::none(),
        }
    }

    /// The record's entry for the Installation ID on screen 1, unless its Confirmation ID is
    /// already in the boxes.
    fn seen_before(&self) -> Option<&Activation> {
        let id = self.installation.id()?;
        let activation = self.record.record().for_installation_id(id)?;
        let in_boxes = self.confirmation.consistent_id();
        (in_boxes.as_ref().map(ConfirmationId::digits) != Some(activation.confirmation_id.as_str()))
            .then_some(activation)
    }

    /// Puts the keyboard where the screen's work is: the paste box, the country search, or
    /// the first Confirmation ID block not yet full.
    /// A screen shown: it opens at its top (the page's scroll area is one for every screen,
    /// and kept where the last screen left it), then the focus goes to its first field. The
    /// route screen's country search is below the steps of "Talk to a person": it takes the
    /// focus without being scrolled to, so the screen opens at its heading and step 1.
    fn focus_screen(&self) -> Task<Message> {
        let top = iced::widget::operation::snap_to(
            PAGE_SCROLL,
            iced::widget::operation::RelativeOffset::START,
        );
        let focus = match self.screen {
            Screen::InstallationId => installation::State::focus_input(),
            Screen::Route => iced::widget::operation::focus(route::SEARCH_ID),
            Screen::ConfirmationId => focus::focus(self.confirmation.first_unfilled()),
            Screen::Record => Task::none(),
        };
        top.chain(focus)
    }

    pub fn title(&self) -> String {
        Text::AppTitle.in_language(self.language).to_string()
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn scale_factor(&self) -> f32 {
        self.zoom
    }

    pub fn installation(&self) -> &installation::State {
        &self.installation
    }

    pub fn confirmation(&self) -> &confirmation::State {
        &self.confirmation
    }

    pub fn route(&self) -> &route::State {
        &self.route
    }

    pub fn record(&self) -> &ActivationRecord {
        self.record.record()
    }

    /// What would be saved now.
    pub fn session(&self) -> Session {
        Session {
            installation_text: self.installation.text().to_string(),
            this_pc_products: saved(self.installation.this_pc()),
            chosen_product: self.installation.chosen(),
            route: Some(self.route.route()),
            country: self.route.country().map(str::to_string),
            ticked_steps: self.route.ticked().cloned().collect(),
            cid_format: self.confirmation.format(),
            cid_blocks: self.confirmation.blocks().to_vec(),
            language: Some(self.language),
        }
    }

    /// Something changed: save it, off the UI thread (see `Autosave`).
    fn save(&mut self) -> Task<Message> {
        if self.waiting.is_some() {
            return Task::none();
        }
        if self.autosave.changed() {
            self.write()
        } else {
            Task::none()
        }
    }

    fn write(&mut self) -> Task<Message> {
        let write = self.autosave.write(self.store.clone(), self.session());
        Task::perform(super::off_the_ui_thread(write), Message::Saved)
    }

    /// Saves now, on this thread: before the window closes or the app restarts, when nothing
    /// may be left unwritten. The record too, when a write of it may still be under way (this
    /// write, the newest, then stands whichever finishes last).
    pub fn save_now(&mut self) {
        self.record.write_now();
        if self.waiting.is_some() {
            return;
        }
        let write = self.autosave.write(self.store.clone(), self.session());
        let result = write();
        self.saved(result);
    }

    fn saved(&mut self, result: Result<(), SessionError>) {
        match result {
            Ok(()) => {
                if matches!(
                    self.notice,
                    Some(Notice::Session(SessionError::Unwritable { .. }))
                ) {
                    self.notice = None;
                }
            }
            Err(error) => self.notice = Some(Notice::Session(error)),
        }
    }

    /// "Portal on this PC": the Installation ID's digits to the clipboard, the portal's address
    /// to the OS for the default browser. Only a consistent ID is copied (a mistyped one would
    /// be carried to Microsoft): otherwise the route screen says what is missing.
    fn open_portal_here(&mut self) -> Task<Message> {
        self.screen = Screen::Route;
        let Some(digits) = self
            .installation
            .id()
            .filter(|id| id.is_valid())
            .map(|id| id.digits().to_string())
        else {
            let _ = self
                .route
                .update(route::Message::ChoseRoute(Route::PortalOnThisPc));
            return self.save();
        };
        self.route.opening_portal();
        let open = self.open_in_browser;
        let opened = Task::perform(
            super::off_the_ui_thread(move || open(script::PORTAL_URL)),
            |answer| Message::Route(route::Message::PortalOpened(answer)),
        );
        Task::batch([self.copy(digits), opened, self.save()])
    }

    /// "One group at a time" for the portal's nine boxes: the group after `after` (group 1
    /// first, and again after the last) to the clipboard. Only a consistent ID is copied, as
    /// for the whole ID.
    fn copy_next_group(&mut self, after: Option<usize>) -> Task<Message> {
        self.screen = Screen::Route;
        let Some(groups) = self
            .installation
            .id()
            .filter(|id| id.is_valid())
            .map(|id| id.groups().map(str::to_string).collect::<Vec<_>>())
            .filter(|groups| !groups.is_empty())
        else {
            return self.save();
        };
        let index = after.map_or(0, |after| (after + 1) % groups.len());
        let digits = groups[index].clone();
        self.route.group_copied(route::CopiedGroup {
            index,
            digits: digits.clone(),
        });
        Task::batch([self.copy(digits), self.save()])
    }

    fn copy(&mut self, contents: String) -> Task<Message> {
        self.notice = Some(Notice::Copied(self.screen));
        self.copies += 1;
        self.copied = Some(contents.clone());
        iced::clipboard::write(contents)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        // "Copied." says what the last action did: it goes with the screen it was said on, and
        // with the next action that changes anything (a copy says it again).
        let (screen, copies) = (self.screen, self.copies);
        let before = matches!(self.notice, Some(Notice::Copied(_))).then(|| self.session());
        self.route.set_language(self.language);
        let task = self.handle(message);
        self.route.set_language(self.language);
        if matches!(self.notice, Some(Notice::Copied(_)))
            && self.copies == copies
            && (self.screen != screen || before.is_some_and(|before| before != self.session()))
        {
            self.notice = None;
        }
        // Screen 3 takes the Confirmation ID in the formats screen 1's ID answers to.
        self.confirmation.answers(self.installation.cid_formats());
        // The phone list (~2 ms; this PC's phone.inf read on Windows), made the first time
        // screen 2 is shown rather than before the first frame.
        if self.screen == Screen::Route && self.centers.is_none() {
            let centers = super::phone_list();
            self.route.set_centers(centers.clone());
            self.centers = Some(centers);
        }
        task
    }

    fn handle(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Installation(message) => match self.installation.update(message) {
                installation::Action::None => Task::none(),
                installation::Action::Changed => self.save(),
                installation::Action::Typed(edit) => {
                    let pause = || std::thread::sleep(installation::TYPING_PAUSE);
                    let paused = Task::perform(super::off_the_ui_thread(pause), move |_| {
                        Message::Installation(installation::Message::PausedAfter(edit))
                    });
                    Task::batch([self.save(), paused])
                }
                installation::Action::CopyToClipboard(contents) => self.copy(contents),
            },
            Message::Route(message) => match self.route.update(message) {
                route::Action::Changed => self.save(),
                route::Action::None => Task::none(),
                route::Action::OpenPortalHere => self.open_portal_here(),
                route::Action::CopyNextGroup { after } => self.copy_next_group(after),
            },
            Message::Confirmation(message) => {
                let before = self.confirmation.consistent_id();
                match self.confirmation.update(message) {
                    confirmation::Action::None => Task::none(),
                    confirmation::Action::Changed { focus } => {
                        let focus = focus.map_or_else(Task::none, focus::focus);
                        let after = self.confirmation.consistent_id();
                        let completed = match after {
                            Some(cid) if Some(&cid) != before.as_ref() => self.completed(&cid),
                            _ => Task::none(),
                        };
                        Task::batch([self.save(), focus, completed])
                    }
                    confirmation::Action::CopyToClipboard(contents) => self.copy(contents),
                    confirmation::Action::ReadClipboard => iced::clipboard::read().map(|text| {
                        Message::Confirmation(confirmation::Message::FromClipboard(text))
                    }),
                }
            }
            Message::Record(message) => match self.record_screen.update(message) {
                record::Action::None => Task::none(),
                record::Action::CopyToClipboard(contents) => self.copy(contents),
                record::Action::Focus(id) => focus::focus(id),
                record::Action::UseAgain(digits) => {
                    self.confirmation.fill(&ConfirmationId::from_typed(&digits));
                    self.screen = Screen::ConfirmationId;
                    Task::batch([self.save(), self.focus_screen()])
                }
                record::Action::Remove((installation_id, confirmation_id)) => {
                    let write = self.record.change(RecordChange::Remove {
                        installation_id,
                        confirmation_id,
                    });
                    self.write_record(write)
                }
            },
            Message::RecordWritten(result) => {
                let next = self.record.written(result);
                self.write_record(next)
            }
            Message::RecordRead(result) => {
                self.record.was_read(result);
                Task::none()
            }
            Message::ThisPc(message) => {
                let cid = self.confirmation.consistent_id();
                match self
                    .this_pc
                    .update(message, cid, self.installation.product(), self.language)
                {
                    this_pc::Action::None => Task::none(),
                    this_pc::Action::Run(task) => task.map(Message::ThisPc),
                    this_pc::Action::Applied(verdict) => self.deposited(&verdict),
                    this_pc::Action::ShowProducts(products) => {
                        self.installation.show_this_pc(products);
                        self.save()
                    }
                    this_pc::Action::ReplaceInstallationId(product) => {
                        if let Some(activation_id) = &product.activation_id {
                            self.installation
                                .replace_this_pc_id(activation_id, product.id.clone());
                        }
                        self.screen = Screen::InstallationId;
                        self.save()
                    }
                    this_pc::Action::Exit => {
                        self.save_now();
                        self.claim = None;
                        iced::exit()
                    }
                }
            }
            Message::Show(screen) => {
                if self.screen == Screen::Record && screen != Screen::Record {
                    self.record.seen();
                }
                self.screen = screen;
                // The record as it is now: another window or `history --import` may have
                // added to it.
                let read = (screen == Screen::Record).then(|| {
                    Task::perform(
                        super::off_the_ui_thread(self.record.read()),
                        Message::RecordRead,
                    )
                });
                Task::batch([self.focus_screen(), read.unwrap_or_else(Task::none)])
            }
            Message::ShowRoute(route) => {
                self.screen = Screen::Route;
                let _ = self.route.update(route::Message::ChoseRoute(route));
                Task::batch([self.save(), self.focus_screen()])
            }
            Message::ToggleLanguage => {
                self.language = self.language.other();
                self.save()
            }
            Message::Zoom(zoom) => {
                self.zoom = match zoom {
                    Zoom::In => (self.zoom + ZOOM_STEP).min(ZOOM_RANGE.1),
                    Zoom::Out => (self.zoom - ZOOM_STEP).max(ZOOM_RANGE.0),
                    Zoom::Reset => 1.0,
                };
                Task::none()
            }
            // Asked already: a second click (a double-click) or Ctrl+N again only asks again.
            // The question's own button confirms, away from where the first click was, and
            // the keyboard starts on "Cancel".
            Message::StartOver => {
                self.asking_to_start_over = true;
                focus::focus(CANCEL_START_OVER)
            }
            Message::CancelStartOver => {
                self.asking_to_start_over = false;
                Task::none()
            }
            Message::ConfirmStartOver => {
                self.asking_to_start_over = false;
                self.installation = installation::State::default();
                self.confirmation = confirmation::State::new(Default::default(), &[]);
                self.route = route::State::new(
                    Route::PortalOnPhone,
                    self.default_country.clone(),
                    [],
                    self.centers.clone().unwrap_or_default(),
                );
                self.screen = Screen::InstallationId;
                self.notice = None;
                // Saved like any change, after any write under way: a write still running
                // cannot bring the old session back.
                Task::batch([self.save(), installation::State::focus_input()])
            }
            Message::Saved(result) => {
                // A writer thread that died wrote nothing: the next change tries again.
                if let Some(result) = result {
                    self.saved(result);
                }
                if self.autosave.written() {
                    self.write()
                } else {
                    Task::none()
                }
            }
            Message::CloseRequested => {
                self.save_now();
                self.claim = None;
                // What was copied here stays on the clipboard after the window (on X11 a
                // process must own it) - unless something else has been copied since.
                match self.copied.take() {
                    Some(copied) => iced::clipboard::read()
                        .map(move |now| Message::Closing(now.filter(|now| *now == copied))),
                    None => iced::exit(),
                }
            }
            Message::Closing(Some(copied)) => {
                let keep = self.keep_clipboard;
                Task::perform(super::off_the_ui_thread(move || keep(&copied)), |_| {
                    Message::Closing(None)
                })
            }
            Message::Closing(None) => iced::exit(),
            Message::TryAgain => match self.waiting.clone() {
                Some(options) => {
                    let (app, task) = App::new(options);
                    *self = app;
                    task
                }
                None => Task::none(),
            },
            Message::ShortcutElsewhere => Task::none(),
        }
    }

    /// Keys no focused widget used (Tab, and the keys of reading mode and "Start over?"), and
    /// the window's close button.
    pub fn subscription(&self) -> Subscription<Message> {
        let close = iced::window::close_requests().map(|_| Message::CloseRequested);
        let extra = if self.installation.is_reading() {
            keyboard::listen().filter_map(reading_key)
        } else if self.screen == Screen::ConfirmationId {
            keyboard::listen().filter_map(paste_key)
        } else {
            Subscription::none()
        };
        Subscription::batch([close, extra])
    }

    /// Ctrl (Command on macOS) shortcuts, taken before the focused field sees the key (see
    /// `shortcuts`), so a shortcut is never typed into a field: the window's own, then the
    /// screen on show's.
    fn shortcut(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        if self.waiting.is_some() {
            return None;
        }
        if let Key::Named(Named::Escape) = key {
            // Escape answers "no" to the question on show, whichever field has the focus.
            return if self.asking_to_start_over {
                Some(Message::CancelStartOver)
            } else if self.screen == Screen::Record && self.record_screen.is_asking() {
                Some(Message::Record(record::Message::CancelRemove))
            } else if self.screen == Screen::ConfirmationId && self.this_pc.is_asking() {
                Some(Message::ThisPc(this_pc::Message::CancelApply))
            } else {
                None
            };
        }
        if !modifiers.command() {
            return None;
        }
        let message = match key.as_ref() {
            Key::Character("1") => Message::Show(Screen::InstallationId),
            Key::Character("2") => Message::Show(Screen::Route),
            Key::Character("3") => Message::Show(Screen::ConfirmationId),
            Key::Character("4") => Message::Show(Screen::Record),
            Key::Character("b") => Message::Route(route::Message::OpenPortalHere),
            Key::Character("l") => Message::ToggleLanguage,
            Key::Character("+" | "=") => Message::Zoom(Zoom::In),
            Key::Character("-") => Message::Zoom(Zoom::Out),
            Key::Character("0") => Message::Zoom(Zoom::Reset),
            Key::Character("n") => Message::StartOver,
            Key::Character("p") => Message::ShowRoute(Route::PortalOnPhone),
            Key::Character("t") => Message::ShowRoute(Route::Phone),
            _ => {
                let installation = installation::State::shortcut(key).map(Message::Installation);
                let route = route::State::shortcut(key).map(Message::Route);
                let confirmation = confirmation::State::shortcut(key).map(Message::Confirmation);
                let here = match self.screen {
                    Screen::InstallationId => installation.clone(),
                    Screen::Route => route.clone(),
                    Screen::ConfirmationId => confirmation.clone(),
                    Screen::Record => None,
                };
                let elsewhere = installation.or(route).or(confirmation);
                here.or(elsewhere.map(|_| Message::ShortcutElsewhere))?
            }
        };
        Some(message)
    }

    pub fn view(&self) -> Element<'_, Message> {
        shortcuts(
            responsive(move |size| self.page(Room::new(size))),
            move |key, modifiers| self.shortcut(key, modifiers),
        )
    }

    /// The page for the room the window gives it: the tabs, the screen (scrolling when it is
    /// longer than the window), "Start over?" when asked, and the footer. In a window too
    /// short for that, all of it scrolls together.
    fn page(&self, room: Room) -> Element<'_, Message> {
        if self.waiting.is_some() {
            return self.waiting_view();
        }
        let inner = room.inside(PAGE_PADDING);
        let screen = self.screen_view(inner.beside(theme::SCROLLBAR_ROOM));
        let question = self
            .asking_to_start_over
            .then(|| self.start_over_question());
        let page: Element<'_, Message> = if room.height >= SHORT_WINDOW {
            column![
                self.top_bar(inner),
                scrollable(screen)
                    .id(PAGE_SCROLL)
                    .spacing(theme::SCROLLBAR_GAP)
                    .height(Length::Fill),
            ]
            .push(question)
            .push(self.footer(inner))
            .spacing(16)
            .into()
        } else {
            scrollable(
                column![self.top_bar(inner), screen]
                    .push(question)
                    .push(self.footer(inner))
                    .spacing(16),
            )
            .id(PAGE_SCROLL)
            .spacing(theme::SCROLLBAR_GAP)
            .height(Length::Fill)
            .into()
        };
        container(page).padding(PAGE_PADDING).into()
    }

    /// The four steps, then the language, the zoom and "Start over": on one line with the
    /// controls at the right where it all fits, else wrapped onto as many lines as it needs.
    fn top_bar(&self, room: Room) -> Element<'_, Message> {
        let language = self.language;
        // Smaller where the window is narrow, so the bar leaves room for the screen.
        let (size, padding) = if room.fits(NARROW_WINDOW) {
            (17, [8, 12])
        } else {
            (14, [4, 8])
        };
        let tab = |screen: Screen, label: Text| {
            button(text(label.in_language(language)).size(size))
                .padding(padding)
                .style(theme::tab(self.screen == screen))
                .on_press(Message::Show(screen))
        };
        let tabs = [
            tab(Screen::InstallationId, Text::StepInstallationId),
            tab(Screen::Route, Text::StepRoute),
            tab(Screen::ConfirmationId, Text::StepConfirmationId),
            tab(Screen::Record, Text::StepRecord),
        ];
        let controls = [
            button(text(Text::SwitchLanguage.in_language(language)))
                .on_press(Message::ToggleLanguage),
            button(text(Text::ZoomOut.in_language(language))).on_press(Message::Zoom(Zoom::Out)),
            button(text(Text::ZoomIn.in_language(language))).on_press(Message::Zoom(Zoom::In)),
            button(text(Text::StartOver.in_language(language)))
                .style(button::danger)
                .on_press(Message::StartOver),
        ];
        let tabs = tabs.into_iter().map(Element::from);
        let controls = controls.into_iter().map(Element::from);
        if room.fits(TOP_BAR_ON_ONE_LINE) {
            row(tabs)
                .push(space::horizontal())
                .extend(controls)
                .spacing(8)
                .align_y(Alignment::Center)
                .into()
        } else {
            row(tabs.chain(controls))
                .spacing(8)
                .align_y(Alignment::Center)
                .wrap()
                .vertical_spacing(8)
                .into()
        }
    }

    fn screen_view(&self, room: Room) -> Element<'_, Message> {
        let language = self.language;
        match self.screen {
            Screen::InstallationId if self.installation.is_reading() => self
                .installation
                .view(language, room)
                .map(Message::Installation),
            Screen::InstallationId => {
                let mut screen =
                    column![self.this_pc.read_view(language).map(Message::ThisPc)].spacing(10);
                if let Some(activation) = self.seen_before() {
                    screen = screen.push(record::offer(activation, language).map(Message::Record));
                }
                screen
                    .push(
                        self.installation
                            .view(language, room)
                            .map(Message::Installation),
                    )
                    .into()
            }
            Screen::Route => self
                .route
                .view(language, room, self.installation.id())
                .map(Message::Route),
            Screen::Record => self
                .record_screen
                .view(
                    self.record.record(),
                    self.record.problem().as_ref(),
                    language,
                    room,
                )
                .map(Message::Record),
            Screen::ConfirmationId => {
                let mut screen = column![
                    self.confirmation
                        .view(language, room)
                        .map(Message::Confirmation)
                ]
                .spacing(14);
                if self.confirmation.consistent_id().is_some() {
                    screen = screen.push(
                        self.this_pc
                            .apply_view(language, self.installation.product())
                            .map(Message::ThisPc),
                    );
                }
                screen.into()
            }
        }
    }

    /// Another window has the session: said, with the way on.
    fn waiting_view(&self) -> Element<'_, Message> {
        let language = self.language;
        let in_use = SessionError::InUse {
            path: self.store.path().to_path_buf(),
        };
        container(
            column![
                text(in_use.message(language)).size(20),
                button(text(Text::TryAgain.in_language(language)))
                    .padding([10, 16])
                    .on_press(Message::TryAgain),
            ]
            .spacing(16)
            .max_width(640),
        )
        .padding(PAGE_PADDING)
        .center(Length::Fill)
        .into()
    }

    fn start_over_question(&self) -> Element<'_, Message> {
        let language = self.language;
        container(
            row![
                text(Text::StartOverQuestion.in_language(language)),
                button(text(Text::Cancel.in_language(language)))
                    .id(CANCEL_START_OVER)
                    .on_press(Message::CancelStartOver),
                button(text(Text::ConfirmStartOver.in_language(language)))
                    .style(button::danger)
                    .on_press(Message::ConfirmStartOver),
            ]
            .spacing(8)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(8),
        )
        .padding(8)
        .width(Length::Fill)
        .style(theme::warning)
        .into()
    }

    /// The notice (what just happened), and the keyboard hint: beside it at its natural width
    /// where there is room, else under it, wrapping.
    fn footer(&self, room: Room) -> Element<'_, Message> {
        let language = self.language;
        let notice = match &self.notice {
            Some(Notice::Restored) => Text::Restored.in_language(language).to_string(),
            Some(Notice::Copied(screen)) if *screen == self.screen => {
                Text::Copied.in_language(language).to_string()
            }
            Some(Notice::Copied(_)) => String::new(),
            Some(Notice::Session(error)) => error.message(language),
            None => String::new(),
        };
        // A record that could not be read and was kept aside is said on every screen until
        // screen 4 has shown it.
        let notice = match self.record.problem() {
            Some(problem @ RecordError::Corrupt { kept_as: Some(_) })
                if self.screen != Screen::Record =>
            {
                words::record_problem_elsewhere(&problem, language)
            }
            _ => notice,
        };
        let hint = text(Text::KeyboardHelp.in_language(language))
            .size(14)
            .color(theme::MUTED);
        let notice = text(notice).font(fonts::BOLD).width(Length::Fill);
        if room.fits(FOOTER_ON_ONE_LINE) {
            row![notice, hint.wrapping(text::Wrapping::None)]
                .spacing(16)
                .align_y(Alignment::Center)
                .into()
        } else {
            column![notice, hint].spacing(4).into()
        }
    }
}

/// Ctrl+V that no box took (none has the focus): "Paste the Confirmation ID". A box with the
/// focus takes Ctrl+V itself, and reads the paste the same way.
fn paste_key(event: keyboard::Event) -> Option<Message> {
    match event {
        keyboard::Event::KeyPressed { key, modifiers, .. }
            if modifiers.command() && key.as_ref() == Key::Character("v") =>
        {
            Some(Message::Confirmation(confirmation::Message::PasteClicked))
        }
        _ => None,
    }
}

/// Space and the arrows step through the groups in reading mode; Escape closes it.
fn reading_key(event: keyboard::Event) -> Option<Message> {
    let keyboard::Event::KeyPressed { key, .. } = event else {
        return None;
    };
    let message = match key.as_ref() {
        Key::Named(Named::Space | Named::ArrowRight | Named::ArrowDown | Named::Enter) => {
            installation::Message::ReadNext
        }
        Key::Named(Named::ArrowLeft | Named::ArrowUp | Named::Backspace) => {
            installation::Message::ReadPrevious
        }
        Key::Named(Named::Escape) => installation::Message::CloseReading,
        _ => return None,
    };
    Some(Message::Installation(message))
}
