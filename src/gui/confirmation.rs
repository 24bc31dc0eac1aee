//! Screen 3: the Confirmation ID typed back block by block, each block checked the moment
//! its sixth digit lands, or pasted in any shape (one run of digits, dashes, blocks labelled
//! A-H, a copied table, full-width digits): every box filled and checked at once.

use iced::keyboard::Key;
use iced::widget::{Id, button, column, container, row, space, text, text_input};
use iced::{Alignment, Element, Length};

use super::fonts;
use super::theme;
use crate::id::{
    BLOCK_LENGTH, CidFormat, ConfirmationId, GroupState, IdKind, IdProblem, block_letter,
    block_state, digit_lookalike, read_confirmation_id,
};
use crate::language::Language;
use crate::words::{Localized, Text};

#[derive(Debug, Clone)]
pub enum Message {
    Edited(usize, String),
    /// Text pasted into a box (Ctrl+V): the box's contents with the paste in them.
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
    /// One string per block, digits only, at most six each.
    blocks: Vec<String>,
    /// What was refused and why, until the next edit: a letter typed where a digit belongs
    /// (`O` for 0), or a paste that held no Confirmation ID, or two.
    refused: Option<IdProblem>,
}

/// The widget id of a block's box: `cid-A` ... `cid-H`.
pub fn block_id(index: usize) -> Id {
    Id::from(format!("cid-{}", block_letter(index)))
}

impl State {
    pub fn new(format: CidFormat, typed: &[String]) -> State {
        let mut blocks: Vec<String> = typed.iter().map(|b| digits_only(b, BLOCK_LENGTH)).collect();
        blocks.resize(format.block_count(), String::new());
        State {
            format,
            blocks,
            refused: None,
        }
    }

    pub fn format(&self) -> CidFormat {
        self.format
    }

    pub fn blocks(&self) -> &[String] {
        &self.blocks
    }

    /// The whole ID once every block holds six digits.
    pub fn confirmation_id(&self) -> Option<ConfirmationId> {
        self.blocks
            .iter()
            .all(|b| b.len() == BLOCK_LENGTH)
            .then(|| ConfirmationId::from_typed(&self.blocks.concat()))
    }

    /// Every block complete and consistent: ready to hand to SLUI.
    pub fn consistent_id(&self) -> Option<ConfirmationId> {
        self.confirmation_id().filter(ConfirmationId::is_valid)
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Edited(index, value) => self.edit(index, &value),
            Message::Pasted(index, value) => self.paste(Some(index), &value),
            Message::PasteClicked => Action::ReadClipboard,
            Message::FromClipboard(text) => self.paste(None, &text.unwrap_or_default()),
            Message::SetFormat(format) => {
                self.format = format;
                self.blocks.resize(format.block_count(), String::new());
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
        self.refused = State::lookalike_in(index, value);
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

    /// Pasted text. Into a box, the text field hands over its contents with the paste in them
    /// but without line breaks and tabs (iced drops control characters, which glues a copied
    /// table's labels to its digits): digits (with spaces or dashes) are a whole ID or a few
    /// blocks continuing from that box, as typed; anything else is read again from the
    /// clipboard itself. From the clipboard ("Paste",
    /// Ctrl+V with no box focused): a whole Confirmation ID in any shape fills every box from
    /// A; anything else (no ID, two different ones, a letter for a digit, the wrong length) is
    /// said, and the boxes keep what they had.
    fn paste(&mut self, into: Option<usize>, text: &str) -> Action {
        if let Some(index) = into {
            let typed = text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'));
            let digits = ConfirmationId::from_typed(text);
            return match digits.format() {
                _ if !typed => Action::ReadClipboard,
                Some(_) => self.paste(None, text),
                None => self.edit(index, digits.digits()),
            };
        }
        match read_confirmation_id(text) {
            Ok(cid) if cid.format().is_some() => {
                self.fill(&cid);
                Action::Changed {
                    focus: Some(self.first_unfilled()),
                }
            }
            Ok(cid) => {
                self.refused = cid.problem();
                Action::None
            }
            Err(problem) => {
                self.refused = Some(problem);
                Action::None
            }
        }
    }

    /// Puts a whole Confirmation ID into the boxes: its format, every block.
    pub fn fill(&mut self, cid: &ConfirmationId) {
        if let Some(format) = cid.format() {
            self.format = format;
        }
        self.blocks = cid.blocks().map(str::to_string).collect();
        self.blocks.resize(self.format.block_count(), String::new());
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
        let start = match CidFormat::for_digit_count(digits.len()) {
            Some(format) => {
                self.format = format;
                self.blocks.resize(format.block_count(), String::new());
                0
            }
            None => index,
        };
        let mut chunks = digits.as_bytes().chunks(BLOCK_LENGTH);
        let mut last = start;
        for (position, block) in self.blocks.iter_mut().enumerate().skip(start) {
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
            self.blocks
                .iter()
                .position(|b| b.len() < BLOCK_LENGTH)
                .unwrap_or(0),
        )
    }

    pub fn view(&self, language: Language) -> Element<'_, Message> {
        let states: Vec<GroupState> = self.blocks.iter().map(|b| block_state(b)).collect();
        let boxes =
            row(self
                .blocks
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
                            .size(30)
                            .align_x(Alignment::Center)
                            .font(fonts::BOLD)
                            .padding([8, 6])
                            .width(Length::Fill)
                            .style(theme::block_input(state)),
                        text(mark.in_language(language))
                            .size(14)
                            .color(theme::state_color(state)),
                    ]
                    .spacing(4)
                    .align_x(Alignment::Center)
                    // Equal shares of the width: a fixed width pushed H off a 1024-pixel window.
                    .width(Length::Fill)
                    .into()
                }))
            .spacing(8);

        let formats = row![
            button(text(Text::EightBlocks.in_language(language)).size(14))
                .style(theme::tab(self.format == CidFormat::EightBlocks))
                .on_press(Message::SetFormat(CidFormat::EightBlocks)),
            button(text(Text::SevenBlocks.in_language(language)).size(14))
                .style(theme::tab(self.format == CidFormat::SevenBlocks))
                .on_press(Message::SetFormat(CidFormat::SevenBlocks)),
        ]
        .spacing(8);

        let paste = button(text(Text::PasteConfirmationId.in_language(language)))
            .on_press(Message::PasteClicked);
        let mut page = column![
            text(Text::CidPrompt.in_language(language)),
            row![formats, space::horizontal(), paste].align_y(Alignment::Center),
            boxes
        ]
        .spacing(14);
        if let Some(problem) = &self.refused {
            page = page.push(text(problem.message(language)).color(theme::BAD));
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
                    .spacing(8),
                )
                .push(
                    row![
                        copy_button(Text::CopySlmgr, Copy::SlmgrCommand, language),
                        copy_button(Text::CopyOspp, Copy::OsppCommand, language),
                    ]
                    .spacing(8),
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
