//! Screen 4: the activation record, newest first: each activation's date, product and verdict,
//! its Installation ID and Confirmation ID. An entry's Confirmation ID can be copied, and an
//! entry removed (after asking): nothing leaves the record otherwise. And the offer on screen
//! 1, when the Installation ID there was recorded before.

use iced::widget::button::{self};
use iced::widget::{column, container, row, text};
use iced::{Alignment, Element, Length};

use super::focus::button;
use super::room::Room;
use super::{fonts, theme};
use crate::id::{ConfirmationId, InstallationId};
use crate::language::Language;
use std::path::PathBuf;

use crate::record::{
    Activation, ActivationRecord, Applied, RecordChange, RecordError, RecordStore,
};
use crate::words::{self, Localized, Text};

/// The activation record as this window holds it, shared with every other writer (another
/// window, `history --import`, `apply`): the window never writes the record whole. Each change
/// made here (a Confirmation ID completed or applied, an entry removed) is written by
/// `RecordStore::apply`, which merges it with the file under its lock; one write at a time,
/// the changes made meanwhile together after it; a write that fails keeps its changes for the
/// next one (or the last, when the window closes). What is shown is the file as last read or
/// written, with the changes not yet written on top.
pub struct Keeper {
    store: RecordStore,
    shown: ActivationRecord,
    /// Made here, not yet on disk, oldest first.
    changes: Vec<RecordChange>,
    /// How many of `changes` the write under way took.
    writing: Option<usize>,
    /// Why the record could not be read or written, until it can.
    problem: Option<RecordError>,
    /// A record that could not be read was kept aside there: said on every screen until the
    /// user has seen it on screen 4.
    kept_aside: Option<PathBuf>,
}

/// A write or a read of the record, to run off the UI thread.
pub type Job<T> = Box<dyn FnOnce() -> Result<T, RecordError> + Send>;

impl Keeper {
    pub fn open(store: RecordStore) -> Keeper {
        let (shown, problem) = match store.load() {
            Ok(record) => (record, None),
            Err(error) => (ActivationRecord::default(), Some(error)),
        };
        Keeper {
            store,
            shown,
            changes: Vec::new(),
            writing: None,
            problem,
            kept_aside: None,
        }
    }

    pub fn record(&self) -> &ActivationRecord {
        &self.shown
    }

    pub fn store(&self) -> &RecordStore {
        &self.store
    }

    /// Why the record could not be read or written; or that it was kept aside, once.
    pub fn problem(&self) -> Option<RecordError> {
        self.problem.clone().or_else(|| {
            self.kept_aside.clone().map(|kept| RecordError::Corrupt {
                kept_as: Some(kept),
            })
        })
    }

    /// Screen 4 has shown why the record was kept aside, and the user left it.
    pub fn seen(&mut self) {
        self.kept_aside = None;
    }

    /// A change made in this window; the write to start, if none is under way.
    pub fn change(&mut self, change: RecordChange) -> Option<Job<Applied>> {
        if self.shown.apply(std::slice::from_ref(&change)) == 0 {
            return None;
        }
        self.changes.push(change);
        self.next_write()
    }

    fn next_write(&mut self) -> Option<Job<Applied>> {
        if self.writing.is_some() || self.changes.is_empty() {
            return None;
        }
        self.writing = Some(self.changes.len());
        let (store, changes) = (self.store.clone(), self.changes.clone());
        Some(Box::new(move || store.apply(&changes)))
    }

    /// A write ended (`None`: its thread died, and wrote nothing); the next one to start.
    pub fn written(
        &mut self,
        result: Option<Result<Applied, RecordError>>,
    ) -> Option<Job<Applied>> {
        let taken = self.writing.take().unwrap_or(0);
        match result {
            Some(Ok(applied)) => {
                self.changes.drain(..taken.min(self.changes.len()));
                if applied.kept_aside.is_some() {
                    self.kept_aside = applied.kept_aside;
                }
                self.problem = None;
                self.show(applied.record);
                self.next_write()
            }
            Some(Err(error)) => {
                self.problem = Some(error);
                None
            }
            None => None,
        }
    }

    /// Reads the record again (what other writers added since): to run off the UI thread.
    pub fn read(&self) -> Job<ActivationRecord> {
        let store = self.store.clone();
        Box::new(move || store.load())
    }

    pub fn was_read(&mut self, result: Option<Result<ActivationRecord, RecordError>>) {
        match result {
            Some(Ok(record)) => self.show(record),
            Some(Err(error)) => self.problem = Some(error),
            None => {}
        }
    }

    /// The file's record, with this window's changes not yet written on top.
    fn show(&mut self, mut record: ActivationRecord) {
        record.apply(&self.changes);
        self.shown = record;
    }

    /// Writes every change not yet written, on this thread: when the window closes. (A write
    /// still under way applies some of the same changes again, which changes nothing.)
    pub fn write_now(&mut self) {
        if !self.changes.is_empty() {
            let result = self.store.apply(&self.changes);
            self.writing = Some(self.changes.len());
            let _ = self.written(Some(result));
        }
    }
}

/// The width of a field's label, and of an Installation ID in groups at the value's size.
const LABEL_WIDTH: f32 = 180.0;
const ID_WIDTH: f32 = 600.0;

/// An entry: its pair of IDs (digits).
pub type Entry = (String, String);

#[derive(Debug, Clone)]
pub enum Message {
    /// Copy this entry's Confirmation ID (its digits).
    Copy(String),
    /// Put this entry's Confirmation ID into screen 3's boxes (for its Installation ID only).
    UseAgain(Entry),
    /// "Remove from the record...": asks first (the window's one question), naming the entry.
    AskToRemove(Box<Activation>),
}

pub enum Action {
    None,
    CopyToClipboard(String),
    /// Put this entry's Confirmation ID into screen 3's boxes, and show it.
    UseAgain(Entry),
    /// Ask whether to remove this entry.
    AskToRemove(Box<Activation>),
}

/// Screen 4 keeps nothing of its own: the record is the app's, and "remove?" is the window's
/// one question.
#[derive(Debug, Default)]
pub struct State;

/// Offered on screen 1 when its Installation ID was recorded with a Confirmation ID.
pub fn offer(activation: &Activation, language: Language) -> Element<'_, Message> {
    container(
        column![
            text(words::seen_before(activation, language)),
            button(text(Text::UseRecordedCid.in_language(language))).on_press(Message::UseAgain((
                activation.installation_id.clone(),
                activation.confirmation_id.clone(),
            ))),
        ]
        .spacing(8),
    )
    .padding(10)
    .width(Length::Fill)
    .style(theme::panel)
    .into()
}

impl State {
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Copy(digits) => Action::CopyToClipboard(digits),
            Message::UseAgain(entry) => Action::UseAgain(entry),
            Message::AskToRemove(activation) => Action::AskToRemove(activation),
        }
    }

    /// `problem`: why the record could not be read or written.
    pub fn view<'a>(
        &'a self,
        record: &'a ActivationRecord,
        problem: Option<&RecordError>,
        language: Language,
        room: Room,
    ) -> Element<'a, Message> {
        let mut page = column![
            text(Text::RecordIntro.in_language(language)),
            text(Text::RecordKeptIn.in_language(language))
                .size(14)
                .color(theme::MUTED),
        ]
        .spacing(10);
        if let Some(problem) = problem {
            page = page.push(text(problem.message(language)).color(theme::BAD));
        }
        if record.activations.is_empty() {
            page =
                page.push(text(Text::NoActivationsYet.in_language(language)).color(theme::MUTED));
        }
        let cards = record
            .activations
            .iter()
            .map(|activation| self.card(activation, language, room));
        page = page.push(column(cards).spacing(10));
        // Entries a newer version wrote, kept in the file as they are.
        if !record.unknown.is_empty() {
            page = page.push(
                text(words::kept_unshown(record.unknown.len(), language))
                    .size(14)
                    .color(theme::MUTED),
            );
        }
        page.into()
    }

    fn card<'a>(
        &'a self,
        activation: &'a Activation,
        language: Language,
        room: Room,
    ) -> Element<'a, Message> {
        let iid = InstallationId::from_typed(&activation.installation_id);
        let cid = ConfirmationId::from_typed(&activation.confirmation_id);
        // The label beside its value where both fit, else above it.
        let beside = room.fits(LABEL_WIDTH + 8.0 + ID_WIDTH);
        let field = move |label: Text, value: String| -> Element<'a, Message> {
            let label = text(label.in_language(language))
                .size(14)
                .color(theme::MUTED);
            let value = text(value).font(fonts::BOLD);
            if beside {
                row![label.width(LABEL_WIDTH), value]
                    .spacing(8)
                    .align_y(Alignment::Center)
                    .into()
            } else {
                column![label, value].into()
            }
        };
        let mut card = column![
            text(words::activation_line(activation, language)).font(fonts::BOLD),
            field(Text::InstallationIdHeading, iid.grouped(" ")),
            field(Text::ConfirmationIdHeading, cid.grouped("-")),
        ]
        .spacing(4);
        if !activation.activation_id.is_empty() {
            card = card.push(field(Text::ActivationId, activation.activation_id.clone()));
        }
        card = card.push(
            row![
                button(text(Text::CopyRecordedCid.in_language(language)))
                    .on_press(Message::Copy(activation.confirmation_id.clone())),
                button(text(Text::RemoveEntry.in_language(language)))
                    .style(button::secondary)
                    .on_press(Message::AskToRemove(Box::new(activation.clone()))),
            ]
            .spacing(8)
            .wrap()
            .vertical_spacing(8),
        );
        container(card)
            .padding(10)
            .width(Length::Fill)
            .style(theme::panel)
            .into()
    }
}
