//! The window: the router between its screens. It holds what crosses screens (the activation
//! in progress, the record, the one question, the notice, the language and zoom) and hands
//! every other message to the screen it belongs to.
//!
//! - `start`: start-up, the second window that waits, and the session (saved off the UI
//!   thread after every change, see `autosave`);
//! - `keys`: every key the window takes itself, in one table;
//! - `page`: the page around the screens (the tabs, the question, the footer).

use std::time::SystemTime;

use iced::Task;

use super::focus;
use super::question::{self, Answer, Question};
use super::{confirmation, installation, record, route, this_pc};

mod autosave;
mod keys;
mod page;
pub use page::PAGE_SCROLL;
mod start;

use crate::centers::ActivationCenter;
use crate::id::ConfirmationId;
use crate::in_progress::{ActivationInProgress, Completed, NotTaken, Step};
use crate::language::Language;
use crate::platform::{BrowserError, ClipboardError};
use crate::record::{
    Activation, ActivationRecord, Applied, Outcome, RecordChange, RecordError, RecordStore,
};
use crate::script::{self, Route};
use crate::session::{SessionClaim, SessionError, SessionStore};
use crate::words::Text;
use autosave::Autosave;

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
    /// "Start over": asks first.
    StartOver,
    /// The question on show was answered.
    Answered(Answer),
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
    /// The first frame was drawn: the system's fonts are read now
    /// (`window::add_system_fonts_in_background`), not while it is being made.
    FirstFrame,
}

/// A one-line message under the screen.
#[derive(Debug)]
enum Notice {
    Restored,
    /// Restored, but these saved blocks could not be taken back.
    NotTaken(Vec<NotTaken>),
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
    /// The activation in progress: the Installation ID on screen 1 and the Confirmation ID
    /// blocks entered for it. What the digits mean is decided there, never in a screen.
    progress: ActivationInProgress,
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
    /// The window's one question, while it is asked (see `question`).
    question: Option<Question>,
    /// Kept so "Start over" can rebuild the route screen with the same phone list.
    /// The phone list, once made (screen 2 has it too).
    centers: Option<Vec<ActivationCenter>>,
    default_country: Option<String>,
    /// Whether the window has drawn its first frame (`Message::FirstFrame`).
    first_frame_drawn: bool,
}

const ZOOM_STEP: f32 = 0.1;
const ZOOM_RANGE: (f32, f32) = (0.6, 2.0);

impl App {
    /// Keeps an activation in the record, written off the UI thread.
    fn keep(&mut self, activation: Activation) -> Task<Message> {
        let write = self.record.change(RecordChange::Add(activation));
        self.write_record(write)
    }

    fn write_record(&mut self, write: Option<record::Job<Applied>>) -> Task<Message> {
        match write {
            Some(write) => {
                Task::perform(crate::gui::off_the_ui_thread(write), Message::RecordWritten)
            }
            None => Task::none(),
        }
    }

    /// A step of the activation in progress: saved, the keyboard moved, and a Confirmation ID
    /// entered whole kept in the record with the Installation ID it was entered for.
    fn stepped(&mut self, step: Step) -> Task<Message> {
        let focus = step.focus.map_or_else(Task::none, |index| {
            focus::focus(confirmation::block_id(index))
        });
        let completed = match step.completed {
            Some(Completed {
                product,
                confirmation_id,
            }) => self.keep(
                Activation::of(
                    (self.clock)(),
                    &product.id,
                    &confirmation_id,
                    Outcome::Completed,
                )
                .of_product(product.name.as_deref(), product.activation_id.as_deref()),
            ),
            None => Task::none(),
        };
        let save = if step.changed {
            self.save()
        } else {
            Task::none()
        };
        Task::batch([save, focus, completed])
    }

    /// What depositing the Confirmation ID on this PC came to, kept in the record.
    /// Kept with the Installation ID and Confirmation ID that were deposited, whatever is on
    /// screen by the time Windows answers.
    fn deposited(&mut self, deposited: &this_pc::Deposited) -> Task<Message> {
        let this_pc::Deposited {
            verdict,
            confirmation_id,
            product,
        } = deposited;
        let installation_id = product
            .as_ref()
            .map(|product| &product.id)
            .or(verdict.product().and_then(|p| p.installation_id.as_ref()));
        let Some(installation_id) = installation_id else {
            return Task::none();
        };
        match Activation::of_deposit((self.clock)(), verdict, installation_id, confirmation_id) {
            Some(activation) => self.keep(activation),
            None => Task::none(),
        }
    }

    /// The record's entry for the Installation ID on screen 1, unless its Confirmation ID is
    /// already in the boxes.
    fn seen_before(&self) -> Option<&Activation> {
        let id = &self.progress.product()?.id;
        let activation = self.record.record().for_installation_id(id)?;
        let in_boxes = self.progress.consistent_id();
        (in_boxes.as_ref().map(ConfirmationId::digits) != Some(activation.confirmation_id.as_str()))
            .then_some(activation)
    }

    /// Puts the keyboard where the screen's work is: the paste box, the country search, or
    /// the first Confirmation ID block not yet full. A screen shown opens at its top (the
    /// page's scroll area is one for every screen, and kept where the last screen left it);
    /// the route screen's country search is below the steps of "Talk to a person": it takes
    /// the focus without being scrolled to, so the screen opens at its heading and step 1.
    fn focus_screen(&self) -> Task<Message> {
        let top = iced::widget::operation::snap_to(
            PAGE_SCROLL,
            iced::widget::operation::RelativeOffset::START,
        );
        let focus = match self.screen {
            Screen::InstallationId => installation::State::focus_input(),
            Screen::Route => iced::widget::operation::focus(route::SEARCH_ID),
            Screen::ConfirmationId => {
                focus::focus(confirmation::State::first_unfilled(&self.progress))
            }
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

    /// The activation in progress (screen 3's boxes, for screen 1's Installation ID).
    pub fn confirmation(&self) -> &ActivationInProgress {
        &self.progress
    }

    pub fn route(&self) -> &route::State {
        &self.route
    }

    pub fn record(&self) -> &ActivationRecord {
        self.record.record()
    }

    fn copy(&mut self, contents: String) -> Task<Message> {
        self.notice = Some(Notice::Copied(self.screen));
        self.copies += 1;
        self.copied = Some(contents.clone());
        iced::clipboard::write(contents)
    }

    /// Asks the window's one question. Asked already, a second click (a double-click) or
    /// Ctrl+N again only asks again: the question's own button answers, away from where the
    /// first click was, and the keyboard starts on "Cancel".
    fn ask(&mut self, question: Question) -> Task<Message> {
        self.question = Some(question);
        focus::focus(question::CANCEL)
    }

    /// "Start over", answered yes: everything typed goes (the record stays).
    fn start_over(&mut self) -> Task<Message> {
        self.installation = installation::State::default();
        self.progress.start_over();
        self.confirmation = confirmation::State::default();
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
        // The one place screen 1's product meets the activation in progress, after every
        // message: the blocks follow the Installation ID they were entered for.
        self.progress.choose(self.installation.product().cloned());
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
                installation::Action::Typed { edit, refocus } => {
                    let pause = || std::thread::sleep(installation::TYPING_PAUSE);
                    let paused = Task::perform(crate::gui::off_the_ui_thread(pause), move |_| {
                        Message::Installation(installation::Message::PausedAfter(edit))
                    });
                    let focus = if refocus {
                        installation::State::focus_input()
                    } else {
                        Task::none()
                    };
                    Task::batch([self.save(), paused, focus])
                }
                installation::Action::CopyToClipboard(contents) => self.copy(contents),
            },
            Message::Route(message) => {
                // Ctrl+B and Ctrl+G show what they did, from any screen.
                if matches!(
                    message,
                    route::Message::OpenPortalHere | route::Message::CopyNextGroup
                ) {
                    self.screen = Screen::Route;
                }
                match self.route.update(message, self.installation.id()) {
                    route::Action::Changed => self.save(),
                    route::Action::None => Task::none(),
                    route::Action::OpenPortal { digits } => {
                        let open = self.open_in_browser;
                        let opened = super::job::run(
                            move || open(script::PORTAL_URL),
                            |answer| Message::Route(route::Message::PortalOpened(answer)),
                        );
                        Task::batch([self.copy(digits), opened, self.save()])
                    }
                    route::Action::Copy(digits) => Task::batch([self.copy(digits), self.save()]),
                }
            }
            Message::Confirmation(message) => {
                match self.confirmation.update(message, &mut self.progress) {
                    confirmation::Action::None => Task::none(),
                    confirmation::Action::Stepped(step) => self.stepped(*step),
                    confirmation::Action::CopyToClipboard(contents) => self.copy(contents),
                    confirmation::Action::ReadClipboard => iced::clipboard::read().map(|text| {
                        Message::Confirmation(confirmation::Message::FromClipboard(text))
                    }),
                }
            }
            Message::Record(message) => match self.record_screen.update(message) {
                record::Action::None => Task::none(),
                record::Action::CopyToClipboard(contents) => self.copy(contents),
                record::Action::UseAgain((installation_id, digits)) => {
                    let step = self.progress.use_again(&installation_id, &digits);
                    self.screen = Screen::ConfirmationId;
                    Task::batch([self.stepped(step), self.focus_screen()])
                }
                record::Action::AskToRemove(activation) => self.ask(Question::Remove(activation)),
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
                let cid = self.progress.consistent_id();
                match self
                    .this_pc
                    .update(message, cid, self.progress.product(), self.language)
                {
                    this_pc::Action::None => Task::none(),
                    this_pc::Action::Run(task) => task.map(Message::ThisPc),
                    this_pc::Action::AskToApply { product } => {
                        self.ask(Question::Apply { product })
                    }
                    this_pc::Action::Applied(deposited) => self.deposited(&deposited),
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
                        crate::gui::off_the_ui_thread(self.record.read()),
                        Message::RecordRead,
                    )
                });
                Task::batch([self.focus_screen(), read.unwrap_or_else(Task::none)])
            }
            Message::ShowRoute(route) => {
                self.screen = Screen::Route;
                let _ = self
                    .route
                    .update(route::Message::ChoseRoute(route), self.installation.id());
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
            Message::StartOver => self.ask(Question::StartOver),
            Message::Answered(Answer::No) => {
                self.question = None;
                Task::none()
            }
            Message::Answered(Answer::Yes) => match self.question.take() {
                Some(Question::StartOver) => self.start_over(),
                Some(Question::Remove(activation)) => {
                    let write = self.record.change(RecordChange::Remove {
                        installation_id: activation.installation_id,
                        confirmation_id: activation.confirmation_id,
                    });
                    self.write_record(write)
                }
                Some(Question::Apply { .. }) => {
                    self.handle(Message::ThisPc(this_pc::Message::Apply))
                }
                None => Task::none(),
            },
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
                Task::perform(crate::gui::off_the_ui_thread(move || keep(&copied)), |_| {
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
            Message::FirstFrame => {
                self.first_frame_drawn = true;
                super::window::add_system_fonts_in_background();
                Task::none()
            }
        }
    }
}
