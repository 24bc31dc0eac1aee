//! Start-up and the session: how the window opens (with what the command line, the system and
//! the saved session say), the second window that waits for the session, and the session as
//! saved after every change.

use iced::Task;

use super::autosave::Autosave;
use super::{App, Message, Notice, Screen, StartOptions};
use crate::gui::{confirmation, installation, record, route, this_pc};
use crate::id::InstallationId;
use crate::in_progress::ActivationInProgress;
use crate::script::Route;
use crate::session::{SavedProduct, Session, SessionError};

/// How often a window that waits for the session tries again.
const WAITING_RETRY: std::time::Duration = std::time::Duration::from_secs(2);

/// Products read from this PC, as the session keeps them: values, never text.
pub(super) fn saved(products: &[installation::Product]) -> Vec<SavedProduct> {
    products
        .iter()
        .map(|product| SavedProduct {
            name: product.name.clone().unwrap_or_default(),
            activation_id: product.activation_id.clone().unwrap_or_default(),
            installation_id: product.id.digits().to_string(),
        })
        .collect()
}

pub(super) fn restored(products: &[SavedProduct]) -> Vec<installation::Product> {
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
        let this_pc = restored(&session.this_pc_products);
        let as_saved = installation::State::new(
            &session.installation_text,
            this_pc.clone(),
            session.chosen_product,
        );
        // The blocks go back to the Installation ID they were entered for (an earlier version's
        // session: the one on screen 1 as saved); `--iid` then chooses its own, like any change.
        let saved_id = as_saved.id().map_or("", InstallationId::digits);
        let in_progress = session.in_progress(saved_id);
        let installation = match &options.installation_text {
            Some(text) => installation::State::new(text, this_pc, session.chosen_product),
            None => as_saved,
        };
        let (progress, not_taken) =
            ActivationInProgress::restore(&in_progress, installation.product().cloned());
        let notice = match notice {
            Some(Notice::Restored) if !not_taken.is_empty() => Some(Notice::NotTaken(not_taken)),
            notice => notice,
        };
        let screen = if progress.blocks().iter().any(|b| !b.is_empty()) {
            Screen::ConfirmationId
        } else {
            Screen::InstallationId
        };
        let mut app = App {
            language,
            screen,
            zoom: 1.0,
            installation,
            route: route::State::new(
                session.route.unwrap_or(Route::PortalOnPhone),
                country.clone(),
                session.ticked_steps.clone(),
                options.centers.clone().unwrap_or_default(),
            ),
            progress,
            confirmation: confirmation::State::default(),
            this_pc: this_pc::State::default(),
            store: options.store,
            autosave: Autosave::default(),
            record: record::Keeper::open(options.record),
            claim,
            waiting,
            record_screen: record::State,
            clock: options.clock,
            open_in_browser: options.open_in_browser,
            keep_clipboard: options.keep_clipboard,
            copied: None,
            copies: 0,
            notice,
            question: None,
            centers: options.centers,
            default_country: country,
            first_frame_drawn: false,
        };
        app.route.set_language(app.language);
        if app.waiting.is_some() {
            // Tried again every few seconds: when the other window closes (or the one this
            // one was restarted from as administrator), this one takes over by itself.
            let pause = || std::thread::sleep(WAITING_RETRY);
            let retry = Task::perform(crate::gui::off_the_ui_thread(pause), |_| Message::TryAgain);
            return (app, retry);
        }
        let focus = app.focus_screen();
        (app, focus)
    }

    /// What would be saved now.
    pub fn session(&self) -> Session {
        let mut session = Session {
            installation_text: self.installation.text().to_string(),
            this_pc_products: saved(self.installation.this_pc()),
            chosen_product: self.installation.chosen(),
            route: Some(self.route.route()),
            country: self.route.country().map(str::to_string),
            ticked_steps: self.route.ticked().cloned().collect(),
            language: Some(self.language),
            ..Session::default()
        };
        session.keep_in_progress(self.progress.saved());
        session
    }

    /// Something changed: save it, off the UI thread (see `Autosave`).
    pub(super) fn save(&mut self) -> Task<Message> {
        if self.waiting.is_some() {
            return Task::none();
        }
        if self.autosave.changed() {
            self.write()
        } else {
            Task::none()
        }
    }

    pub(super) fn write(&mut self) -> Task<Message> {
        let write = self.autosave.write(self.store.clone(), self.session());
        Task::perform(crate::gui::off_the_ui_thread(write), Message::Saved)
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

    pub(super) fn saved(&mut self, result: Result<(), SessionError>) {
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
}
