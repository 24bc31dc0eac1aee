//! The window's state: three screens in the order of the job, a top bar, and the session
//! that is saved after every change.

use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::widget::{button, column, container, row, scrollable, space, text};
use iced::{Alignment, Element, Length, Subscription, Task};

use super::i18n::Text;
use super::shortcuts::shortcuts;
use super::{confirmation, fonts, installation, route, theme, this_pc};
use crate::centers::ActivationCenter;
use crate::id::BLOCK_LENGTH;
use crate::language::{Language, Localized};
use crate::script::Route;
use crate::session::{Session, SessionError, SessionStore};

/// How the window starts: from the command line, the system, and the saved session.
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub installation_text: Option<String>,
    pub language: Option<Language>,
    pub country: Option<String>,
    pub store: SessionStore,
    /// This PC's own phone list, preferred over the bundled one when present.
    pub centers: Vec<ActivationCenter>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    InstallationId,
    Route,
    ConfirmationId,
}

#[derive(Debug, Clone)]
pub enum Message {
    Installation(installation::Message),
    Route(route::Message),
    Confirmation(confirmation::Message),
    ThisPc(this_pc::Message),
    Show(Screen),
    ToggleLanguage,
    Zoom(f32),
    StartOver,
    ConfirmStartOver,
    CancelStartOver,
    FocusNext(bool),
    Shortcut(Shortcut),
}

/// Keyboard shortcuts for the actions buttons offer (iced buttons take no keyboard focus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    ReadAloud,
    CopyDigits,
    CopyGrouped,
    CopySlmgrCommand,
    CopyOsppCommand,
    Route(Route),
    TickNextStep,
}

/// A one-line message under the screen.
#[derive(Debug)]
enum Notice {
    Restored,
    Copied,
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
    notice: Option<Notice>,
    asking_to_start_over: bool,
    /// Kept so "Start over" can rebuild the route screen with the same phone list.
    centers: Vec<ActivationCenter>,
    default_country: Option<String>,
}

const ZOOM_STEP: f32 = 0.1;
const ZOOM_RANGE: (f32, f32) = (0.6, 2.0);

impl App {
    pub fn new(options: StartOptions) -> (App, Task<Message>) {
        let (session, notice) = match options.store.load() {
            Ok(session) => {
                let restored = session.is_unfinished().then_some(Notice::Restored);
                (session, restored)
            }
            Err(error) => (Session::default(), Some(Notice::Session(error))),
        };
        let language = options
            .language
            .or(session.language)
            .unwrap_or_else(Language::from_system);
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
        let app = App {
            language,
            screen,
            zoom: 1.0,
            installation: installation::State::new(&text, session.chosen_product),
            route: route::State::new(
                session.route.unwrap_or(Route::Portal),
                country.clone(),
                session.ticked_steps.clone(),
                options.centers.clone(),
            ),
            confirmation: confirmation::State::new(session.cid_format, &session.cid_blocks),
            this_pc: this_pc::State::default(),
            store: options.store,
            notice,
            asking_to_start_over: false,
            centers: options.centers,
            default_country: country,
        };
        let focus = app.focus_screen();
        (app, focus)
    }

    /// Puts the keyboard where the screen's work is: the paste box, the country search, or
    /// the first Confirmation ID block not yet full.
    fn focus_screen(&self) -> Task<Message> {
        match self.screen {
            Screen::InstallationId => installation::State::focus_input(),
            Screen::Route => iced::widget::operation::focus(route::SEARCH_ID),
            Screen::ConfirmationId => iced::widget::operation::focus(confirmation::block_id(
                self.confirmation
                    .blocks()
                    .iter()
                    .position(|b| b.len() < BLOCK_LENGTH)
                    .unwrap_or(0),
            )),
        }
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

    /// What would be saved now.
    pub fn session(&self) -> Session {
        Session {
            installation_text: self.installation.text().to_string(),
            chosen_product: self.installation.chosen(),
            route: Some(self.route.route()),
            country: self.route.country().map(str::to_string),
            ticked_steps: self.route.ticked().cloned().collect(),
            cid_format: self.confirmation.format(),
            cid_blocks: self.confirmation.blocks().to_vec(),
            language: Some(self.language),
        }
    }

    fn save(&mut self) {
        match self.store.save(&self.session()) {
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

    fn copy(&mut self, contents: String) -> Task<Message> {
        self.notice = Some(Notice::Copied);
        iced::clipboard::write(contents)
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match message {
            Message::Installation(message) => match self.installation.update(message) {
                installation::Action::None => Task::none(),
                installation::Action::Changed => {
                    self.save();
                    Task::none()
                }
                installation::Action::Typed(edit) => {
                    self.save();
                    let pause = || std::thread::sleep(installation::TYPING_PAUSE);
                    Task::perform(super::off_the_ui_thread(pause), move |_| {
                        Message::Installation(installation::Message::PausedAfter(edit))
                    })
                }
                installation::Action::CopyToClipboard(contents) => self.copy(contents),
            },
            Message::Route(message) => {
                if let route::Action::Changed = self.route.update(message) {
                    self.save();
                }
                Task::none()
            }
            Message::Confirmation(message) => match self.confirmation.update(message) {
                confirmation::Action::None => Task::none(),
                confirmation::Action::Changed { focus } => {
                    self.save();
                    focus.map_or_else(Task::none, iced::widget::operation::focus)
                }
                confirmation::Action::CopyToClipboard(contents) => self.copy(contents),
            },
            Message::ThisPc(message) => {
                let cid = self.confirmation.consistent_id();
                match self
                    .this_pc
                    .update(message, cid, self.installation.id(), self.language)
                {
                    this_pc::Action::None => Task::none(),
                    this_pc::Action::Run(task) => task.map(Message::ThisPc),
                    this_pc::Action::ShowInstallationIds(text) => {
                        self.installation.replace_text(text);
                        self.save();
                        Task::none()
                    }
                    this_pc::Action::Exit => {
                        self.save();
                        iced::exit()
                    }
                }
            }
            Message::Show(screen) => {
                self.screen = screen;
                match screen {
                    Screen::InstallationId => installation::State::focus_input(),
                    Screen::Route => iced::widget::operation::focus(route::SEARCH_ID),
                    Screen::ConfirmationId => {
                        iced::widget::operation::focus(confirmation::block_id(
                            self.confirmation
                                .blocks()
                                .iter()
                                .position(|b| b.len() < 6)
                                .unwrap_or(0),
                        ))
                    }
                }
            }
            Message::ToggleLanguage => {
                self.language = match self.language {
                    Language::Japanese => Language::English,
                    Language::English => Language::Japanese,
                };
                self.save();
                Task::none()
            }
            Message::Zoom(change) => {
                self.zoom = if change == 0.0 {
                    1.0
                } else {
                    (self.zoom + change).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1)
                };
                Task::none()
            }
            Message::StartOver if self.asking_to_start_over => {
                self.update(Message::ConfirmStartOver)
            }
            Message::StartOver => {
                self.asking_to_start_over = true;
                Task::none()
            }
            Message::Shortcut(shortcut) => self.shortcut(shortcut),
            Message::CancelStartOver => {
                self.asking_to_start_over = false;
                Task::none()
            }
            Message::ConfirmStartOver => {
                self.asking_to_start_over = false;
                self.installation = installation::State::default();
                self.confirmation = confirmation::State::new(Default::default(), &[]);
                self.route = route::State::new(
                    Route::Portal,
                    self.default_country.clone(),
                    [],
                    self.centers.clone(),
                );
                self.screen = Screen::InstallationId;
                self.notice = self.store.clear().err().map(Notice::Session);
                installation::State::focus_input()
            }
            Message::FocusNext(forward) => {
                if forward {
                    iced::widget::operation::focus_next()
                } else {
                    iced::widget::operation::focus_previous()
                }
            }
        }
    }

    /// The same message a click would send, for the screen on show.
    fn shortcut(&mut self, shortcut: Shortcut) -> Task<Message> {
        use confirmation::Copy as CidCopy;
        use installation::Copy as IidCopy;
        let message = match (shortcut, self.screen) {
            (Shortcut::ReadAloud, Screen::InstallationId) => {
                Message::Installation(installation::Message::OpenReading)
            }
            (Shortcut::CopyDigits, Screen::InstallationId) => {
                Message::Installation(installation::Message::Copy(IidCopy::Digits))
            }
            (Shortcut::CopyGrouped, Screen::InstallationId) => {
                Message::Installation(installation::Message::Copy(IidCopy::Grouped))
            }
            (Shortcut::CopyDigits, Screen::ConfirmationId) => {
                Message::Confirmation(confirmation::Message::Copy(CidCopy::Digits))
            }
            (Shortcut::CopyGrouped, Screen::ConfirmationId) => {
                Message::Confirmation(confirmation::Message::Copy(CidCopy::Grouped))
            }
            (Shortcut::CopySlmgrCommand, Screen::ConfirmationId) => {
                Message::Confirmation(confirmation::Message::Copy(CidCopy::SlmgrCommand))
            }
            (Shortcut::CopyOsppCommand, Screen::ConfirmationId) => {
                Message::Confirmation(confirmation::Message::Copy(CidCopy::OsppCommand))
            }
            (Shortcut::TickNextStep, Screen::Route) => {
                if let route::Action::Changed = self.route.tick_next_step() {
                    self.save();
                }
                return Task::none();
            }
            (Shortcut::Route(route), _) => {
                self.screen = Screen::Route;
                let _ = self.route.update(route::Message::ChoseRoute(route));
                self.save();
                return self.focus_screen();
            }
            _ => return Task::none(),
        };
        self.update(message)
    }

    /// Keys no focused widget used: Tab, and the keys of reading mode and "Start over?".
    pub fn subscription(&self) -> Subscription<Message> {
        let keys = keyboard::listen().filter_map(|event| match event {
            keyboard::Event::KeyPressed { key, modifiers, .. } => focus_key(&key, modifiers),
            _ => None,
        });
        if self.installation.is_reading() {
            Subscription::batch([keys, keyboard::listen().filter_map(reading_key)])
        } else if self.asking_to_start_over {
            Subscription::batch([keys, keyboard::listen().filter_map(cancel_key)])
        } else {
            keys
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        let language = self.language;
        let tab = |screen: Screen, label: Text| {
            button(text(label.in_language(language)).size(17))
                .padding([8, 16])
                .style(theme::tab(self.screen == screen))
                .on_press(Message::Show(screen))
        };
        let top = row![
            tab(Screen::InstallationId, Text::StepInstallationId),
            tab(Screen::Route, Text::StepRoute),
            tab(Screen::ConfirmationId, Text::StepConfirmationId),
            space::horizontal(),
            button(text(Text::SwitchLanguage.in_language(language)))
                .on_press(Message::ToggleLanguage),
            button(text("−")).on_press(Message::Zoom(-ZOOM_STEP)),
            button(text("+")).on_press(Message::Zoom(ZOOM_STEP)),
            button(text(Text::StartOver.in_language(language)))
                .style(button::danger)
                .on_press(Message::StartOver),
        ]
        .spacing(8)
        .align_y(Alignment::Center);

        let body = match self.screen {
            Screen::InstallationId if self.installation.is_reading() => {
                self.installation.view(language).map(Message::Installation)
            }
            // Scrolls: with this PC's products listed above it, the groups can run past the
            // bottom of a small window.
            Screen::InstallationId => scrollable(
                column![
                    self.this_pc.read_view(language).map(Message::ThisPc),
                    self.installation.view(language).map(Message::Installation),
                ]
                .spacing(10),
            )
            .spacing(theme::SCROLLBAR_GAP)
            .into(),
            Screen::Route => self.route.view(language).map(Message::Route),
            Screen::ConfirmationId => {
                let mut screen =
                    column![self.confirmation.view(language).map(Message::Confirmation)]
                        .spacing(14);
                if self.confirmation.consistent_id().is_some() {
                    screen = screen.push(
                        self.this_pc
                            .apply_view(language, self.installation.id())
                            .map(Message::ThisPc),
                    );
                }
                screen.into()
            }
        };

        let mut page = column![top, container(body).height(Length::Fill)]
            .spacing(16)
            .padding(16);
        if self.asking_to_start_over {
            page = page.push(
                container(
                    row![
                        text(Text::StartOverQuestion.in_language(language)),
                        space::horizontal(),
                        button(text(Text::ConfirmStartOver.in_language(language)))
                            .style(button::danger)
                            .on_press(Message::ConfirmStartOver),
                        button(text(Text::Cancel.in_language(language)))
                            .on_press(Message::CancelStartOver),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                )
                .padding(8)
                .style(theme::warning),
            );
        }
        let notice = match &self.notice {
            Some(Notice::Restored) => Text::Restored.in_language(language).to_string(),
            Some(Notice::Copied) => Text::Copied.in_language(language).to_string(),
            Some(Notice::Session(error)) => error.message(language),
            None => String::new(),
        };
        // The hint keeps its natural width; a long notice wraps in the space left of it.
        let footer = row![
            text(notice).font(fonts::BOLD).width(Length::Fill),
            text(Text::KeyboardHelp.in_language(language))
                .size(14)
                .color(theme::MUTED)
                .wrapping(text::Wrapping::None),
        ]
        .spacing(16)
        .align_y(Alignment::Center);
        shortcuts(page.push(footer), command_shortcut)
    }
}

/// Tab moves between fields when no field used the key.
fn focus_key(key: &Key, modifiers: Modifiers) -> Option<Message> {
    match key.as_ref() {
        Key::Named(Named::Tab) => Some(Message::FocusNext(!modifiers.shift())),
        _ => None,
    }
}

/// Ctrl (⌘ on macOS) shortcuts, taken before the focused field sees the key (see
/// `shortcuts`): a shortcut is never typed into a field.
fn command_shortcut(key: &Key, modifiers: Modifiers) -> Option<Message> {
    if !modifiers.command() {
        return None;
    }
    match key.as_ref() {
        Key::Named(Named::Enter) => Some(Message::Shortcut(Shortcut::TickNextStep)),
        Key::Character("1") => Some(Message::Show(Screen::InstallationId)),
        Key::Character("2") => Some(Message::Show(Screen::Route)),
        Key::Character("3") => Some(Message::Show(Screen::ConfirmationId)),
        Key::Character("l") => Some(Message::ToggleLanguage),
        Key::Character("+" | "=") => Some(Message::Zoom(ZOOM_STEP)),
        Key::Character("-") => Some(Message::Zoom(-ZOOM_STEP)),
        Key::Character("0") => Some(Message::Zoom(0.0)),
        Key::Character("n") => Some(Message::StartOver),
        Key::Character("r") => Some(Message::Shortcut(Shortcut::ReadAloud)),
        Key::Character("d") => Some(Message::Shortcut(Shortcut::CopyDigits)),
        Key::Character("g") => Some(Message::Shortcut(Shortcut::CopyGrouped)),
        Key::Character("k") => Some(Message::Shortcut(Shortcut::CopySlmgrCommand)),
        Key::Character("o") => Some(Message::Shortcut(Shortcut::CopyOsppCommand)),
        Key::Character("p") => Some(Message::Shortcut(Shortcut::Route(Route::Portal))),
        Key::Character("t") => Some(Message::Shortcut(Shortcut::Route(Route::Phone))),
        _ => None,
    }
}

/// Escape answers "no" to "Start over?".
fn cancel_key(event: keyboard::Event) -> Option<Message> {
    match event {
        keyboard::Event::KeyPressed {
            key: Key::Named(Named::Escape),
            ..
        } => Some(Message::CancelStartOver),
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
