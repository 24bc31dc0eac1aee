//! Screen 3: the Confirmation ID typed back block by block, each block checked the moment
//! its sixth digit lands, or pasted in any shape (one run of digits, dashes, blocks labelled
//! A-H, a copied table, full-width digits): every box filled and checked at once.

use iced::keyboard::Key;
use iced::widget::{Id, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::focus::button;
use super::fonts;
use super::room::Room;
use super::theme;
use crate::id::{
    BLOCK_LENGTH, CidFormat, ConfirmationId, GroupState, IdKind, IdProblem, block_letter,
    block_state, digit_lookalike, read_confirmation_id,
};
use crate::language::Language;
use crate::words::{self, Localized, Text};

#[derive(Debug, Clone)]
pub enum Message {
    Edited(usize, String),
    /// Text pasted into a box (Ctrl+V): the box's contents with the paste in them. What was
    /// pasted is then read from the clipboard itself (`FromClipboard`).
    Pasted(usize, String),
    /// "Paste the Confirmation ID": read the clipboard.
    PasteClicked,
    /// The clipboard's text, for "Paste the Confirmation ID" (`None`: it held no text).
    FromClipboard(Option<String>),
    SetFormat(CidFormat),
    Copy(Copy),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    Digits,
    Grouped,
    SlmgrCommand,
    OsppCommand,
}

pub enum Action {
    None,
    /// Something typed changed; focus may move to another box.
    Changed {
        focus: Option<Id>,
    },
    CopyToClipboard(String),
    /// Read the clipboard and send its text back as `FromClipboard`.
    ReadClipboard,
}

#[derive(Debug, Clone, Default)]
pub struct State {
    format: CidFormat,
    /// One string per block, digits only, at most six each: always eight (A-H), whatever
    /// the format, so choosing 7 blocks never drops what was typed in H.
    blocks: Vec<String>,
    /// The formats the Installation ID on screen 1 takes an answer in (both while unknown).
    answers: &'static [CidFormat],
    /// What was refused and why, until the next edit.
    refused: Option<Refused>,
    /// A paste into a box, waiting for the clipboard's own text: the box, and its contents
    /// with the paste in them.
    pasting: Option<(usize, String)>,
}

/// Why the boxes did not take what was typed or pasted.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Refused {
    /// The text's own verdict: a letter where a digit belongs (`O` for 0), no Confirmation
    /// ID, two different ones, or part of one.
    Id(IdProblem),
    /// Digits pasted into a box that are neither a whole ID nor whole blocks fitting there.
    DoesNotFit { digits: usize, box_letter: char },
}

/// A box's digits: their size, and the room around them inside the box.
pub const BOX_TEXT_SIZE: f32 = 30.0;
const BOX_PADDING: [f32; 2] = [8.0, 6.0];
/// The narrowest a box is: six digits at `BOX_TEXT_SIZE` (a digit is half as wide as it is
/// high: 90 pixels), its padding, its border and the caret, with room to spare (the tests
/// measure the digits with the embedded font).
pub const MIN_BOX_WIDTH: f32 = 112.0;
const MAX_BOX_WIDTH: f32 = 150.0;
const BOX_GAP: f32 = 8.0;

/// The widget id of a block's box: `cid-A` ... `cid-H`.
pub fn block_id(index: usize) -> Id {
    Id::from(format!("cid-{}", block_letter(index)))
}

impl State {
    pub fn new(format: CidFormat, typed: &[String]) -> State {
        let mut blocks: Vec<String> = typed
            .iter()
            .take(CidFormat::MOST_BLOCKS)
            .map(|b| digits_only(b, BLOCK_LENGTH))
            .collect();
        blocks.resize(CidFormat::MOST_BLOCKS, String::new());
        State {
            format,
            blocks,
            answers: &CidFormat::ALL,
            refused: None,
            pasting: None,
        }
    }

    /// The Installation ID on screen 1 takes its Confirmation ID in these formats (both, while
    /// it is not known): the boxes follow it, and only those can be consistent.
    pub fn answers(&mut self, formats: &'static [CidFormat]) {
        self.answers = formats;
        if let [only] = formats {
            self.format = *only;
        }
    }

    pub fn format(&self) -> CidFormat {
        self.format
    }

    /// Every block, A-H, as typed (empty where nothing was).
    pub fn blocks(&self) -> &[String] {
        &self.blocks
    }

    /// The boxes on show: the format's, and any further box that holds digits (a block typed
    /// is never hidden).
    fn shown(&self) -> usize {
        let typed = self
            .blocks
            .iter()
            .rposition(|b| !b.is_empty())
            .map_or(0, |last| last + 1);
        self.format.block_count().max(typed)
    }

    /// The whole ID once every block of the format holds six digits and none beyond it holds
    /// any.
    pub fn confirmation_id(&self) -> Option<ConfirmationId> {
        let (used, beyond) = self.blocks.split_at(self.format.block_count());
        (used.iter().all(|b| b.len() == BLOCK_LENGTH) && beyond.iter().all(String::is_empty))
            .then(|| ConfirmationId::from_typed(&used.concat()))
    }

    /// Every block complete and consistent, in a format the Installation ID takes: ready to
    /// hand to SLUI.
    pub fn consistent_id(&self) -> Option<ConfirmationId> {
        self.confirmation_id()
            .filter(ConfirmationId::is_valid)
            .filter(|cid| cid.format().is_some_and(|f| self.answers.contains(&f)))
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Edited(index, value) => self.edit(index, &value),
            Message::Pasted(index, value) => {
                self.pasting = Some((index, value));
                Action::ReadClipboard
            }
            Message::PasteClicked => Action::ReadClipboard,
            Message::FromClipboard(text) => match self.pasting.take() {
                Some((index, contents)) => self.paste_into(index, &contents, text),
                None => self.paste(&text.unwrap_or_default()),
            },
            Message::SetFormat(format) => {
                if self.answers.contains(&format) {
                    self.format = format;
                }
                Action::Changed { focus: None }
            }
            Message::Copy(what) => match self.consistent_id() {
                Some(cid) => Action::CopyToClipboard(match what {
                    Copy::Digits => cid.digits().to_string(),
                    Copy::Grouped => cid.grouped("-"),
                    Copy::SlmgrCommand => cid.slmgr_command(),
                    Copy::OsppCommand => cid.ospp_command(),
                }),
                None => Action::None,
            },
        }
    }

    fn edit(&mut self, index: usize, value: &str) -> Action {
        let Some(old) = self.blocks.get(index) else {
            return Action::None;
        };
        // An O for a 0 (or l, I for a 1) is named, never dropped or converted: the block
        // keeps what it had.
        self.refused = State::lookalike_in(index, value).map(Refused::Id);
        if self.refused.is_some() {
            return Action::None;
        }
        let digits = digits_only(value, usize::MAX);
        if digits.len() > BLOCK_LENGTH {
            return self.spread(index, &digits);
        }
        if digits.is_empty() && old.is_empty() && value.is_empty() {
            // Backspace in an empty box: go back to the previous one.
            return Action::Changed {
                focus: index.checked_sub(1).map(block_id),
            };
        }
        let complete = digits.len() == BLOCK_LENGTH;
        let moves_on = complete && block_state(&digits) == GroupState::Consistent;
        self.blocks[index] = digits;
        let next = index + 1;
        Action::Changed {
            focus: (moves_on && next < self.blocks.len()).then(|| block_id(next)),
        }
    }

    /// A paste into box `index`: what the clipboard holds (`pasted`) is read, never the box's
    /// contents run together with it. A whole Confirmation ID in any shape fills A-H, as the
    /// paste button does (pressing Ctrl+V twice, or pasting a corrected ID over a full one,
    /// gives that ID again); whole blocks (6 digits each) fill this box and the next ones when
    /// they fit; a few digits go into the box as if typed. Anything else is said, and the boxes
    /// keep what they had: a paste never shifts a block or drops one. `contents`: the box's
    /// text with the paste in it, as the text field made it (read when the clipboard cannot
    /// be).
    fn paste_into(&mut self, index: usize, contents: &str, pasted: Option<String>) -> Action {
        let pasted = pasted.unwrap_or_else(|| contents.to_string());
        if let Ok(cid) = read_confirmation_id(&pasted)
            && cid.format().is_some()
        {
            return self.paste(&pasted);
        }
        let typed = pasted
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'));
        if !typed {
            return self.paste(&pasted);
        }
        let digits = digits_only(&pasted, usize::MAX);
        let blocks = digits.len() / BLOCK_LENGTH;
        if !digits.is_empty()
            && digits.len().is_multiple_of(BLOCK_LENGTH)
            && index + blocks <= CidFormat::MOST_BLOCKS
        {
            for (block, chunk) in self.blocks[index..]
                .iter_mut()
                .zip(digits.as_bytes().chunks(BLOCK_LENGTH))
            {
                *block = String::from_utf8_lossy(chunk).into_owned();
            }
            self.refused = None;
            let next = (index + blocks).min(self.shown() - 1);
            return Action::Changed {
                focus: Some(block_id(next)),
            };
        }
        if digits_only(contents, usize::MAX).len() <= BLOCK_LENGTH {
            return self.edit(index, contents);
        }
        self.refused = Some(Refused::DoesNotFit {
            digits: digits.len(),
            box_letter: block_letter(index),
        });
        Action::None
    }

    /// The clipboard's text, for "Paste" or Ctrl+V with no box focused: a whole Confirmation
    /// ID in any shape fills every box from A; anything else (no ID, two different ones, a
    /// letter for a digit, the wrong length) is said, and the boxes keep what they had.
    fn paste(&mut self, text: &str) -> Action {
        match read_confirmation_id(text) {
            Ok(cid) if cid.format().is_some() => {
                self.fill(&cid);
                Action::Changed {
                    focus: Some(self.first_unfilled()),
                }
            }
            Ok(cid) => {
                self.refused = cid.problem().map(Refused::Id);
                Action::None
            }
            Err(problem) => {
                self.refused = Some(Refused::Id(problem));
                Action::None
            }
        }
    }

    /// Puts a whole Confirmation ID into the boxes: its format, every block.
    /// A 7-block ID for an Installation ID that takes 8 leaves H empty, to be seen.
    pub fn fill(&mut self, cid: &ConfirmationId) {
        if let Some(format) = cid.format().filter(|f| self.answers.contains(f)) {
            self.format = format;
        }
        self.blocks = cid.blocks().map(str::to_string).collect();
        self.blocks.resize(CidFormat::MOST_BLOCKS, String::new());
        self.refused = None;
    }

    /// A letter where a digit belongs, named with the block the boxes would put it in:
    /// counted from A for a whole Confirmation ID, else from the box typed into (as `spread`
    /// places digits).
    fn lookalike_in(index: usize, value: &str) -> Option<IdProblem> {
        let (at, letter, digit) = value
            .char_indices()
            .find_map(|(at, c)| digit_lookalike(c).map(|digit| (at, c, digit)))?;
        let letters = value
            .chars()
            .filter(|&c| digit_lookalike(c).is_some())
            .count();
        let length = ConfirmationId::from_typed(value).digits().len() + letters;
        let start = if CidFormat::for_digit_count(length).is_some() {
            0
        } else {
            index
        };
        let before = ConfirmationId::from_typed(&value[..at]).digits().len();
        Some(IdProblem::LookalikeLetter {
            kind: IdKind::Confirmation,
            part: block_letter(start + before / BLOCK_LENGTH).to_string(),
            letter,
            digit,
        })
    }

    /// A pasted or typed run longer than a block: a whole CID fills every box from A,
    /// anything shorter continues from the box it went into.
    fn spread(&mut self, index: usize, digits: &str) -> Action {
        if CidFormat::for_digit_count(digits.len()).is_some() {
            self.fill(&ConfirmationId::from_typed(digits));
            return Action::Changed {
                focus: Some(self.first_unfilled()),
            };
        }
        let start = index;
        let mut chunks = digits.as_bytes().chunks(BLOCK_LENGTH);
        let mut last = start;
        let shown = self.shown();
        for (position, block) in self.blocks.iter_mut().enumerate().take(shown).skip(start) {
            let Some(chunk) = chunks.next() else { break };
            *block = String::from_utf8_lossy(chunk).into_owned();
            last = position;
        }
        Action::Changed {
            focus: Some(block_id(last)),
        }
    }

    /// This screen's Ctrl shortcuts: the same messages its buttons send.
    pub fn shortcut(key: &Key) -> Option<Message> {
        let copy = match key.as_ref() {
            Key::Character("d") => Copy::Digits,
            Key::Character("g") => Copy::Grouped,
            Key::Character("k") => Copy::SlmgrCommand,
            Key::Character("o") => Copy::OsppCommand,
            _ => return None,
        };
        Some(Message::Copy(copy))
    }

    /// The first box not yet full: where the keyboard goes when the screen is shown.
    pub fn first_unfilled(&self) -> Id {
        block_id(
            self.blocks[..self.shown()]
                .iter()
                .position(|b| b.len() < BLOCK_LENGTH)
                .unwrap_or(0),
        )
    }

    pub fn view(&self, language: Language, room: Room) -> Element<'_, Message> {
        let shown = &self.blocks[..self.shown()];
        let states: Vec<GroupState> = shown.iter().map(|b| block_state(b)).collect();
        // Every box at least as wide as six digits need, as many to a line as fit, all the
        // same width: eight boxes sharing 800 pixels showed five digits of six.
        let fit = room.per_line(MIN_BOX_WIDTH, BOX_GAP);
        // Lines of equal length: 8, or 4 and 4, or 2 by 2.
        let per_line = [8, 4, 2, 1].into_iter().find(|&n| n <= fit).unwrap_or(1);
        let width = ((room.width - (per_line - 1) as f32 * BOX_GAP) / per_line as f32)
            .clamp(MIN_BOX_WIDTH, MAX_BOX_WIDTH);
        let mut boxes = shown
            .iter()
            .zip(&states)
            .enumerate()
            .map(|(index, (block, &state))| {
                let mark = theme::state_mark(state);
                column![
                    text(block_letter(index).to_string())
                        .size(24)
                        .font(fonts::BOLD),
                    text_input("", block)
                        .id(block_id(index))
                        .on_input(move |value| Message::Edited(index, value))
                        .on_paste(move |value| Message::Pasted(index, value))
                        .size(BOX_TEXT_SIZE)
                        .align_x(Alignment::Center)
                        .font(fonts::BOLD)
                        .padding(BOX_PADDING)
                        .width(Length::Fill)
                        .style(theme::block_input(state)),
                    text(mark.in_language(language))
                        .size(14)
                        .color(theme::state_color(state)),
                ]
                .spacing(4)
                .align_x(Alignment::Center)
                .width(width)
                .into()
            })
            .collect::<Vec<Element<'_, Message>>>()
            .into_iter()
            .peekable();
        let mut lines = column![].spacing(10);
        while boxes.peek().is_some() {
            lines = lines.push(row(boxes.by_ref().take(per_line)).spacing(BOX_GAP));
        }

        // The choice only where the Installation ID leaves it open; else what it takes.
        let formats: Element<'_, Message> = match self.answers {
            [CidFormat::EightBlocks] => text(Text::EightBlocksForThisId.in_language(language))
                .size(14)
                .color(theme::MUTED)
                .into(),
            [CidFormat::SevenBlocks] => text(Text::SevenBlocksForThisId.in_language(language))
                .size(14)
                .color(theme::MUTED)
                .into(),
            _ => row![
                button(text(Text::EightBlocks.in_language(language)).size(14))
                    .style(theme::tab(self.format == CidFormat::EightBlocks))
                    .on_press(Message::SetFormat(CidFormat::EightBlocks)),
                button(text(Text::SevenBlocks.in_language(language)).size(14))
                    .style(theme::tab(self.format == CidFormat::SevenBlocks))
                    .on_press(Message::SetFormat(CidFormat::SevenBlocks)),
            ]
            .spacing(8)
            .into(),
        };

        let paste = button(text(Text::PasteConfirmationId.in_language(language)))
            .on_press(Message::PasteClicked);
        let mut page = column![
            text(Text::CidPrompt.in_language(language)),
            row![formats, paste]
                .spacing(16)
                .align_y(Alignment::Center)
                .wrap()
                .vertical_spacing(8),
            lines
        ]
        .spacing(14);
        let refused = match &self.refused {
            Some(Refused::Id(problem)) => Some(problem.message(language)),
            Some(Refused::DoesNotFit { digits, box_letter }) => {
                Some(words::paste_does_not_fit(*digits, *box_letter, language))
            }
            None => None,
        };
        if let Some(refused) = refused {
            page = page.push(text(refused).color(theme::BAD));
        }
        if shown.len() > self.format.block_count() {
            page = page.push(text(Text::BlockHNotInSeven.in_language(language)).color(theme::BAD));
        }
        let misheard: Vec<String> = states
            .iter()
            .enumerate()
            .filter(|(_, state)| **state == GroupState::Inconsistent)
            .map(|(index, _)| block_letter(index).to_string())
            .collect();
        if !misheard.is_empty() {
            let problem = IdProblem::Mistyped {
                kind: IdKind::Confirmation,
                parts: misheard,
            };
            page = page.push(text(problem.message(language)).color(theme::BAD));
        }
        if self.consistent_id().is_some() {
            page = page.push(
                container(
                    column![
                        text(Text::AllBlocksConsistent.in_language(language))
                            .size(22)
                            .color(theme::OK),
                        text(Text::OnlyWindowsDecides.in_language(language)).color(theme::MUTED),
                    ]
                    .spacing(4),
                )
                .padding(10)
                .width(Length::Fill)
                .style(theme::group_card(GroupState::Consistent)),
            );
            page = page
                .push(
                    row![
                        copy_button(Text::CopyCidDigits, Copy::Digits, language),
                        copy_button(Text::CopyGrouped, Copy::Grouped, language),
                    ]
                    .spacing(8)
                    .wrap()
                    .vertical_spacing(8),
                )
                .push(
                    row![
                        copy_button(Text::CopySlmgr, Copy::SlmgrCommand, language),
                        copy_button(Text::CopyOspp, Copy::OsppCommand, language),
                    ]
                    .spacing(8)
                    .wrap()
                    .vertical_spacing(8),
                )
                .push(text(Text::WhatNext.in_language(language)).size(18));
        }
        page.into()
    }
}

fn copy_button(label: Text, what: Copy, language: Language) -> Element<'static, Message> {
    button(text(label.in_language(language)))
        .on_press(Message::Copy(what))
        .into()
}

/// ASCII digits of `value` after full-width ones are read as digits; everything else dropped.
fn digits_only(value: &str, max: usize) -> String {
    ConfirmationId::from_typed(value)
        .digits()
        .chars()
        .take(max)
        .collect()
}
