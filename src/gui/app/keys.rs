//! Every key the window takes itself: the Ctrl shortcuts (taken before any field sees them),
//! Escape for the question, and the keys of reading mode and of screen 3's paste.

use iced::Subscription;
use iced::keyboard::{self, Key, Modifiers, key::Named};

use super::{App, Message, Screen, Zoom};
use crate::gui::question::Answer;
use crate::gui::{confirmation, installation, route};
use crate::script::Route;

impl App {
    /// Keys no focused widget used (Tab, and the keys of reading mode and "Start over?"), the
    /// window's close button, and the first frame drawn (said once).
    pub fn subscription(&self) -> Subscription<Message> {
        let close = iced::window::close_requests().map(|_| Message::CloseRequested);
        // A frame is announced as it is drawn; the message arrives once it is on screen.
        let first_frame = if self.first_frame_drawn {
            Subscription::none()
        } else {
            iced::window::frames().map(|_| Message::FirstFrame)
        };
        let extra = if self.installation.is_reading() {
            keyboard::listen().filter_map(reading_key)
        } else if self.screen == Screen::ConfirmationId {
            keyboard::listen().filter_map(paste_key)
        } else {
            Subscription::none()
        };
        Subscription::batch([close, extra, first_frame])
    }

    /// Ctrl (Command on macOS) shortcuts, taken before the focused field sees the key (see
    /// `shortcuts`), so a shortcut is never typed into a field: the window's own, then the
    /// screen on show's.
    pub(super) fn shortcut(&self, key: &Key, modifiers: Modifiers) -> Option<Message> {
        if self.waiting.is_some() {
            return None;
        }
        if let Key::Named(Named::Escape) = key {
            // Escape answers "no" to the question on show, whichever field has the focus.
            return self
                .question
                .as_ref()
                .map(|_| Message::Answered(Answer::No));
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
}

/// Ctrl+V that no box took (none has the focus): "Paste the Confirmation ID". A box with the
/// focus takes Ctrl+V itself, and reads the paste the same way.
pub(super) fn paste_key(event: keyboard::Event) -> Option<Message> {
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
pub(super) fn reading_key(event: keyboard::Event) -> Option<Message> {
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
