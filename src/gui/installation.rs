//! Screen 1: the Installation ID made readable (large numbered groups, each checked) and
//! scannable (a QR of its digits), with a reading mode for the phone line.

use iced::widget::text_editor::{self, Edit};
use iced::widget::{button, column, container, qr_code, row, scrollable, text};
use iced::{Alignment, Element, Length, Task};

use super::fonts;
use super::i18n::{self, Text};
use super::theme;
use crate::id::{
    GroupState, IdKind, IdProblem, InstallationId, find_installation_ids, labelled_line,
};
use crate::language::{Language, Localized};
use crate::session::MAX_SAVED_TEXT;

pub const INPUT_ID: &str = "installation-id";

#[derive(Debug, Clone)]
pub enum Message {
    Edited(text_editor::Action),
    Chose(usize),
    OpenReading,
    CloseReading,
    ReadNext,
    ReadPrevious,
    Copy(Copy),
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
    CopyToClipboard(String),
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
}

/// More products than any PC has: a paste with more IDs keeps the first ones.
const MAX_PRODUCTS: usize = 16;

impl State {
    pub fn new(text: &str, chosen: usize) -> State {
        let mut state = State {
            chosen,
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
        let huge = text.len() > MAX_SAVED_TEXT;
        // A huge paste: keep what matters (the IDs, with their product labels), not megabytes
        // in a text box.
        let text = if huge {
            let ids = find_installation_ids(&text);
            ids.iter()
                .take(MAX_PRODUCTS)
                .map(|id| labelled_line(id.label(), id.digits()))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            text
        };
        if self.editor.text() != text {
            self.editor = text_editor::Content::with_text(&text);
        }
        self.interpret(text);
        self.nothing_found |= huge && self.found.is_empty();
    }

    /// Reads the IDs out of the box's text.
    fn interpret(&mut self, text: String) {
        let mut found = find_installation_ids(&text);
        let being_typed = !text.chars().any(char::is_alphabetic)
            && text
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if found.is_empty() && being_typed {
            // Show progress group by group rather than "nothing found".
            found.push(InstallationId::from_typed(&text));
        }
        found.truncate(MAX_PRODUCTS);
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
                        if pasted.len() > MAX_SAVED_TEXT =>
                    {
                        self.set_text(pasted.to_string());
                    }
                    action => {
                        self.editor.perform(action);
                        let text = self.editor.text();
                        self.interpret(text);
                    }
                }
                Action::Changed
            }
            Message::Chose(index) => {
                self.chosen = index.min(self.found.len().saturating_sub(1));
                self.refresh_qr();
                Action::Changed
            }
            Message::OpenReading => {
                self.reading = self.id().filter(|id| id.groups().len() > 0).map(|_| 0);
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

        let Some(id) = self.id() else {
            if self.nothing_found {
                let problem = IdProblem::NotFound {
                    kind: IdKind::Installation,
                };
                return page
                    .push(text(problem.message(language)).color(theme::BAD))
                    .into();
            }
            return page
                .push(text(Text::IidEmpty.in_language(language)).color(theme::MUTED))
                .into();
        };

        let verdict = match id.problem() {
            Some(problem) => text(problem.message(language)).color(theme::BAD),
            None => text(format!(
                "{} — {}",
                i18n::digit_count(language, id.digits().len()),
                Text::IidAllConsistent.in_language(language)
            ))
            .color(theme::OK),
        };

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
