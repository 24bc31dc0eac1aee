//! Screen 1: the Installation ID made readable (large numbered groups, each checked) and
//! scannable (a QR of its digits), with a reading mode for the phone line.

use std::time::Duration;

use iced::widget::text_editor::{self, Edit};
use iced::widget::{button, column, container, qr_code, row, scrollable, text};
use iced::{Alignment, Element, Length, Task};

use super::fonts;
use super::i18n::{self, Text};
use super::theme;
use crate::id::{
    GroupState, IdKind, IdProblem, IidFormat, InstallationId, find_installation_ids, labelled_line,
    lookalike_letter, typed_lookalike_letter,
};
use crate::language::{Language, Localized};

pub const INPUT_ID: &str = "installation-id";

/// The most text the box holds: an ID with its context fits many times over. Longer text (a
/// huge paste, or text grown by edits) is replaced by the IDs found in it with their product
/// names, so the box, every frame and the saved session stay small, and a restart shows
/// exactly what was on screen.
pub const MAX_BOX_TEXT: usize = 16 * 1024;

/// The longest run of digits drawn as numbered groups (12 groups of 7): enough to find an
/// extra digit or two. Longer runs are not IDs being typed (1 MB of digits once made 150,000
/// cards and froze the window); they get a verdict and no cards.
pub const MAX_DIGITS_AS_GROUPS: usize = 12 * 7;

/// How long typing may pause before a short ID is called too short rather than in progress.
pub const TYPING_PAUSE: Duration = Duration::from_secs(3);

#[derive(Debug, Clone)]
pub enum Message {
    Edited(text_editor::Action),
    Chose(usize),
    OpenReading,
    CloseReading,
    ReadNext,
    ReadPrevious,
    Copy(Copy),
    /// The user stopped typing after edit number `n` (sent `TYPING_PAUSE` after it).
    PausedAfter(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    Digits,
    Grouped,
}

/// What the parent should do after an update.
pub enum Action {
    None,
    /// The user changed something worth saving.
    Changed,
    /// The user typed or pasted (edit number `n`): save, and send `PausedAfter(n)` after
    /// `TYPING_PAUSE`.
    Typed(u64),
    CopyToClipboard(String),
}

/// What became of text too long for the box (said once, until the next edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LongText {
    /// Only the Installation IDs in it were kept, with their product names.
    KeptIds,
    /// It held no ID, only a run of this many digits: far too long to be one.
    DigitRun(usize),
    /// It held nothing like an ID.
    NothingFound,
}

#[derive(Default)]
pub struct State {
    /// The paste box: multi-line, so pasted slmgr/ospp output shows as it is.
    editor: text_editor::Content,
    text: String,
    /// The IDs read from `text` (one per product), recomputed only when the text changes.
    found: Vec<InstallationId>,
    chosen: usize,
    /// The group shown alone in reading mode (0-based), when that mode is open.
    reading: Option<usize>,
    qr: Option<qr_code::Data>,
    /// Text is there but holds no Installation ID.
    nothing_found: bool,
    /// The ID is being typed: the box holds nothing but digits and separators.
    typed_by_hand: bool,
    /// Edits so far, and whether the user has paused since the last one.
    edits: u64,
    paused: bool,
    long_text: Option<LongText>,
    /// A letter where a digit belongs (`O` for 0), when no usable ID was found without it.
    lookalike: Option<IdProblem>,
}

/// More products than any PC has: a paste with more IDs keeps the first ones.
const MAX_PRODUCTS: usize = 16;

impl State {
    pub fn new(text: &str, chosen: usize) -> State {
        let mut state = State {
            chosen,
            paused: true,
            ..State::default()
        };
        state.set_text(text.to_string());
        state
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn chosen(&self) -> usize {
        self.chosen
    }

    /// The ID the user is working with.
    pub fn id(&self) -> Option<&InstallationId> {
        self.found.get(self.chosen)
    }

    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Replaces the box's text (IDs read from this PC).
    pub fn replace_text(&mut self, text: String) {
        self.set_text(text);
    }

    fn set_text(&mut self, text: String) {
        let (text, long_text) = if text.len() > MAX_BOX_TEXT {
            let (kept, note) = keep_only_ids(&text);
            (kept, Some(note))
        } else {
            (text, None)
        };
        if self.editor.text() != text {
            self.editor = text_editor::Content::with_text(&text);
        }
        self.interpret(text);
        self.long_text = long_text;
    }

    /// Reads the IDs out of the box's text.
    fn interpret(&mut self, text: String) {
        let mut found = find_installation_ids(&text);
        self.typed_by_hand = found.is_empty()
            && !text.chars().any(char::is_alphabetic)
            && text
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if self.typed_by_hand {
            // Show progress group by group rather than "nothing found".
            found.push(InstallationId::from_typed(&text));
        }
        found.truncate(MAX_PRODUCTS);
        self.lookalike = if !found.is_empty() && found.iter().all(InstallationId::is_valid) {
            None
        } else {
            lookalike_letter(&text, IdKind::Installation)
                .or_else(|| typed_lookalike_letter(&text, IdKind::Installation))
        };
        self.nothing_found = found.is_empty() && !text.trim().is_empty();
        self.text = text;
        self.found = found;
        if self.chosen >= self.found.len() {
            self.chosen = 0;
        }
        self.refresh_qr();
    }

    fn refresh_qr(&mut self) {
        self.qr = self
            .id()
            .filter(|id| id.is_valid())
            .and_then(|id| qr_code::Data::new(id.digits()).ok());
        if let Some(reading) = self.reading {
            let groups = self.id().map_or(0, |id| id.groups().len());
            self.reading = (groups > 0).then(|| reading.min(groups - 1));
        }
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Edited(action) => {
                if !action.is_edit() {
                    self.editor.perform(action);
                    return Action::None;
                }
                match action {
                    // Pasting megabytes into the box would stall it: read the IDs out first.
                    text_editor::Action::Edit(Edit::Paste(pasted))
                        if pasted.len() > MAX_BOX_TEXT =>
                    {
                        self.set_text(pasted.to_string());
                    }
                    action => {
                        self.editor.perform(action);
                        self.set_text(self.editor.text());
                    }
                }
                self.edits += 1;
                self.paused = false;
                Action::Typed(self.edits)
            }
            Message::PausedAfter(edit) => {
                self.paused |= edit == self.edits;
                Action::None
            }
            Message::Chose(index) => {
                self.chosen = index.min(self.found.len().saturating_sub(1));
                self.refresh_qr();
                Action::Changed
            }
            Message::OpenReading => {
                self.reading = self.id().filter(|id| shown_as_groups(id)).map(|_| 0);
                Action::None
            }
            Message::CloseReading => {
                self.reading = None;
                Action::None
            }
            Message::ReadNext | Message::ReadPrevious => {
                let groups = self.id().map_or(0, |id| id.groups().len());
                if let Some(position) = &mut self.reading {
                    *position = match message {
                        Message::ReadNext => (*position + 1).min(groups.saturating_sub(1)),
                        _ => position.saturating_sub(1),
                    };
                }
                Action::None
            }
            Message::Copy(what) => match self.id() {
                Some(id) => Action::CopyToClipboard(match what {
                    Copy::Digits => id.digits().to_string(),
                    Copy::Grouped => id.grouped("-"),
                }),
                None => Action::None,
            },
        }
    }

    pub fn focus_input<T>() -> Task<T> {
        iced::widget::operation::focus(INPUT_ID)
    }

    pub fn view(&self, language: Language) -> Element<'_, Message> {
        if let (Some(position), Some(id)) = (self.reading, self.id()) {
            return reading_view(id, position, language);
        }
        let input = iced::widget::text_editor(&self.editor)
            .id(INPUT_ID)
            .placeholder(Text::IidPlaceholder.in_language(language))
            .on_action(Message::Edited)
            .size(16)
            .height(96)
            .padding(8);

        let mut page = column![text(Text::IidPrompt.in_language(language)), input].spacing(10);

        if self.found.len() > 1 {
            let mut choices = row![text(Text::ChooseProduct.in_language(language))]
                .spacing(8)
                .align_y(Alignment::Center);
            for (index, id) in self.found.iter().enumerate() {
                let label = id
                    .label()
                    .map_or_else(|| i18n::product(language, index + 1), str::to_string);
                choices = choices.push(
                    button(text(label).size(14))
                        .style(theme::tab(index == self.chosen))
                        .on_press(Message::Chose(index)),
                );
            }
            page = page.push(
                scrollable(choices)
                    .direction(scrollable::Direction::Horizontal(
                        scrollable::Scrollbar::default(),
                    ))
                    .spacing(theme::SCROLLBAR_GAP),
            );
        }

        if let Some(problem) = &self.lookalike {
            // What was found around the letter is a fragment: only the letter is worth showing.
            return page
                .push(text(problem.message(language)).color(theme::BAD))
                .into();
        }
        let Some(id) = self.id() else {
            let (message, colour) = match (self.long_text, self.nothing_found) {
                (Some(LongText::DigitRun(digits)), _) => {
                    (i18n::digit_run_too_long(language, digits), theme::BAD)
                }
                (Some(LongText::NothingFound), _) | (_, true) => (
                    IdProblem::NotFound {
                        kind: IdKind::Installation,
                    }
                    .message(language),
                    theme::BAD,
                ),
                _ => (
                    Text::IidEmpty.in_language(language).to_string(),
                    theme::MUTED,
                ),
            };
            return page.push(text(message).color(colour)).into();
        };

        let verdict = match id.problem() {
            // The first groups of an ID being typed: progress, not yet an error.
            Some(IdProblem::WrongLength {
                found,
                first_bad: None,
                ..
            }) if self.typed_by_hand && !self.paused && found < IidFormat::LENGTHS[0] => {
                text(i18n::typed_so_far(language, found, IidFormat::LENGTHS[0])).color(theme::MUTED)
            }
            Some(problem) => text(problem.message(language)).color(theme::BAD),
            None => text(format!(
                "{} — {}",
                i18n::digit_count(language, id.digits().len()),
                Text::IidAllConsistent.in_language(language)
            ))
            .color(theme::OK),
        };
        if self.long_text == Some(LongText::KeptIds) {
            page = page.push(text(Text::KeptOnlyIds.in_language(language)).color(theme::MUTED));
        }
        if !shown_as_groups(id) {
            return page.push(verdict).into();
        }

        let actions = row![
            button(text(Text::ReadAloud.in_language(language))).on_press(Message::OpenReading),
            button(text(Text::CopyDigits.in_language(language)))
                .on_press(Message::Copy(Copy::Digits)),
            button(text(Text::CopyGrouped.in_language(language)))
                .on_press(Message::Copy(Copy::Grouped)),
        ]
        .spacing(8);

        let qr: Element<'_, Message> = match &self.qr {
            Some(data) => column![
                theme::scannable(data, 8.0),
                text(Text::QrInstruction.in_language(language))
                    .size(15)
                    .width(260),
            ]
            .spacing(8)
            .align_x(Alignment::Center)
            .into(),
            None => text(Text::QrOnlyWhenValid.in_language(language))
                .color(theme::MUTED)
                .width(260)
                .into(),
        };

        page.push(verdict)
            .push(row![groups_grid(id, language), qr].spacing(24))
            .push(actions)
            .into()
    }
}

/// Whether the ID is short enough to draw as numbered groups (see `MAX_DIGITS_AS_GROUPS`).
fn shown_as_groups(id: &InstallationId) -> bool {
    (1..=MAX_DIGITS_AS_GROUPS).contains(&id.digits().len())
}

/// Text too long for the box, reduced to the IDs in it, each on a line with its product name
/// (the `ospp.vbs` form, which reads back the same), or to nothing when it holds none.
fn keep_only_ids(text: &str) -> (String, LongText) {
    let ids = find_installation_ids(text);
    let kept: Vec<String> = ids
        .iter()
        .filter(|id| shown_as_groups(id))
        .take(MAX_PRODUCTS)
        .map(|id| labelled_line(id.label(), id.digits()))
        .collect();
    let note = match ids.iter().map(|id| id.digits().len()).max() {
        _ if !kept.is_empty() => LongText::KeptIds,
        Some(longest) => LongText::DigitRun(longest),
        None => LongText::NothingFound,
    };
    (kept.join("\n"), note)
}

/// The groups three to a row, each numbered, large, and marked with its check.
fn groups_grid(id: &InstallationId, language: Language) -> Element<'_, Message> {
    let states = id.group_states();
    let cards: Vec<Element<'_, Message>> = id
        .groups()
        .zip(states)
        .enumerate()
        .map(|(index, (group, state))| group_card(index + 1, group, state, language))
        .collect();
    let mut grid = column![].spacing(10);
    let mut cards = cards.into_iter().peekable();
    while cards.peek().is_some() {
        grid = grid.push(row(cards.by_ref().take(3)).spacing(10));
    }
    grid.into()
}

fn group_card(
    number: usize,
    group: &str,
    state: GroupState,
    language: Language,
) -> Element<'_, Message> {
    let mark = match state {
        GroupState::Empty => Text::Empty,
        GroupState::Incomplete => Text::Incomplete,
        GroupState::Consistent => Text::Consistent,
        GroupState::Inconsistent => Text::Inconsistent,
    };
    container(
        column![
            text(format!("{} {number}", Text::Group.in_language(language)))
                .size(14)
                .color(theme::MUTED),
            text(group).size(42).font(fonts::BOLD),
            text(mark.in_language(language))
                .size(14)
                .color(theme::state_color(state)),
        ]
        .spacing(2)
        .align_x(Alignment::Center),
    )
    .padding([8, 14])
    .width(Length::Fixed(210.0))
    .style(theme::group_card(state))
    .into()
}

fn reading_view(id: &InstallationId, position: usize, language: Language) -> Element<'_, Message> {
    let total = id.groups().len();
    let group = id.groups().nth(position).unwrap_or_default();
    let state = id
        .group_states()
        .get(position)
        .copied()
        .unwrap_or(GroupState::Incomplete);
    container(
        column![
            text(i18n::position(language, position + 1, total)).size(28),
            container(text(group).size(140).font(fonts::BOLD))
                .padding([16, 40])
                .style(theme::group_card(state)),
            row![
                button(text(Text::Previous.in_language(language)).size(20))
                    .on_press(Message::ReadPrevious),
                button(text(Text::Next.in_language(language)).size(20)).on_press(Message::ReadNext),
                button(text(Text::Close.in_language(language)).size(20))
                    .on_press(Message::CloseReading),
            ]
            .spacing(16),
            text(Text::ReadingHelp.in_language(language)).color(theme::MUTED),
        ]
        .spacing(24)
        .align_x(Alignment::Center),
    )
    .center(Length::Fill)
    .into()
}
