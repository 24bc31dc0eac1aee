//! The page around the screens: the tabs and controls on top, the screen on show (scrolling
//! when it is longer than the window), the question when one is asked, and the footer.

use iced::widget::button::{self};
use iced::widget::{column, container, responsive, row, scrollable, space, text};
use iced::{Alignment, Element, Length};

use super::{App, Message, Notice, Screen, Zoom};
use crate::gui::focus::button;
use crate::gui::room::Room;
use crate::gui::shortcuts::shortcuts;
use crate::gui::{confirmation, fonts, record, theme};
use crate::record::RecordError;
use crate::session::SessionError;
use crate::words::{self, Localized, Text};

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
/// The most characters a notice has to stand beside the keyboard hint.
const SHORT_NOTICE: usize = 60;

impl App {
    pub fn view(&self) -> Element<'_, Message> {
        shortcuts(
            responsive(move |size| self.page(Room::new(size))),
            move |key, modifiers| self.shortcut(key, modifiers),
        )
    }

    /// The page for the room the window gives it: the tabs, the screen (scrolling when it is
    /// longer than the window), "Start over?" when asked, and the footer. In a window too
    /// short for that, all of it scrolls together.
    pub(super) fn page(&self, room: Room) -> Element<'_, Message> {
        if self.waiting.is_some() {
            return self.waiting_view();
        }
        let inner = room.inside(PAGE_PADDING);
        let screen = self.screen_view(inner.beside(theme::SCROLLBAR_ROOM));
        let question = self
            .question
            .as_ref()
            .map(|question| question.view(self.language).map(Message::Answered));
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
    pub(super) fn top_bar(&self, room: Room) -> Element<'_, Message> {
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

    pub(super) fn screen_view(&self, room: Room) -> Element<'_, Message> {
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
                    confirmation::State::view(&self.progress, language, room)
                        .map(Message::Confirmation)
                ]
                .spacing(14);
                if self.progress.consistent_id().is_some() {
                    screen = screen.push(self.this_pc.apply_view(language).map(Message::ThisPc));
                }
                screen.into()
            }
        }
    }

    /// Another window has the session: said, with the way on.
    pub(super) fn waiting_view(&self) -> Element<'_, Message> {
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

    /// The notice (what just happened), and the keyboard hint: beside it at its natural width
    /// where there is room, else under it, wrapping.
    pub(super) fn footer(&self, room: Room) -> Element<'_, Message> {
        let language = self.language;
        let notice = match &self.notice {
            Some(Notice::Restored) => Text::Restored.in_language(language).to_string(),
            Some(Notice::NotTaken(blocks)) => words::blocks_not_taken(blocks, language),
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
        // A long notice (a restored session's blocks named) takes the footer's whole width,
        // the hint under it, rather than a narrow column beside the hint.
        let short = notice.chars().count() <= SHORT_NOTICE;
        let notice = text(notice).font(fonts::BOLD).width(Length::Fill);
        if short && room.fits(FOOTER_ON_ONE_LINE) {
            row![notice, hint.wrapping(text::Wrapping::None)]
                .spacing(16)
                .align_y(Alignment::Center)
                .into()
        } else {
            column![notice, hint].spacing(4).into()
        }
    }
}
