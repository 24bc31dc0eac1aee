//! Screen 3: the Confirmation ID typed back block by block, each block checked the moment
//! its sixth digit lands, or pasted in any shape (one run of digits, dashes, blocks labelled
//! A-H, a copied table, full-width digits): every box filled and checked at once.
//!
//! What the digits mean is decided by the activation in progress
//! ([`crate::in_progress::ActivationInProgress`]), for the Installation ID on screen 1: this
//! screen draws it and sends it what the user typed or pasted. It holds only a paste waiting
//! for the clipboard.

use iced::keyboard::Key;
use iced::widget::{Id, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::focus::button;
use super::fonts;
use super::room::Room;
use super::theme;
use crate::id::{CidFormat, GroupState, IdKind, IdProblem, block_letter};
use crate::in_progress::{ActivationInProgress, Step};
use crate::language::Language;
use crate::words::{Localized, Text};

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
    /// The activation in progress took a step (saved, the keyboard moved, an ID completed).
    Stepped(Box<Step>),
    CopyToClipboard(String),
    /// Read the clipboard and send its text back as `FromClipboard`.
    ReadClipboard,
}

#[derive(Debug, Clone, Default)]
pub struct State {
    /// A paste into a box, waiting for the clipboard's own text: the box, and its contents
    /// with the paste in them.
    pasting: Option<(usize, String)>,
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
    pub fn update(&mut self, message: Message, progress: &mut ActivationInProgress) -> Action {
        match message {
            Message::Edited(index, value) => {
                Action::Stepped(Box::new(progress.type_into(index, &value)))
            }
            Message::Pasted(index, value) => {
                self.pasting = Some((index, value));
                Action::ReadClipboard
            }
            Message::PasteClicked => Action::ReadClipboard,
            Message::FromClipboard(text) => Action::Stepped(Box::new(match self.pasting.take() {
                Some((index, contents)) => progress.paste_into(index, &contents, text.as_deref()),
                None => progress.paste(&text.unwrap_or_default()),
            })),
            Message::SetFormat(format) => Action::Stepped(Box::new(progress.set_format(format))),
            Message::Copy(what) => match progress.consistent_id() {
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
    pub fn first_unfilled(progress: &ActivationInProgress) -> Id {
        block_id(progress.first_unfilled())
    }

    pub fn view<'a>(
        progress: &'a ActivationInProgress,
        language: Language,
        room: Room,
    ) -> Element<'a, Message> {
        let shown = &progress.blocks()[..progress.shown()];
        let states = progress.block_states();
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
            .collect::<Vec<Element<'a, Message>>>()
            .into_iter()
            .peekable();
        let mut lines = column![].spacing(10);
        while boxes.peek().is_some() {
            lines = lines.push(row(boxes.by_ref().take(per_line)).spacing(BOX_GAP));
        }

        // The choice only where the Installation ID leaves it open; else what it takes.
        let formats: Element<'a, Message> = match progress.formats() {
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
                    .style(theme::tab(progress.format() == CidFormat::EightBlocks))
                    .on_press(Message::SetFormat(CidFormat::EightBlocks)),
                button(text(Text::SevenBlocks.in_language(language)).size(14))
                    .style(theme::tab(progress.format() == CidFormat::SevenBlocks))
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
        ]
        .spacing(14);
        // What was refused stands above the boxes, where the keyboard goes back to: in sight
        // in a short or zoomed window, where the page scrolls to box A.
        if let Some(refused) = progress.refused() {
            page = page.push(text(refused.message(language)).color(theme::BAD));
        }
        page = page.push(lines);
        if shown.len() > progress.format().block_count() {
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
        if progress.consistent_id().is_some() {
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
            let copy = |buttons: [(Text, Copy); 2]| {
                let buttons = buttons.map(|(label, what)| copy_button(label, what, language));
                row(buttons).spacing(8).wrap().vertical_spacing(8)
            };
            page = page
                .push(copy([
                    (Text::CopyCidDigits, Copy::Digits),
                    (Text::CopyGrouped, Copy::Grouped),
                ]))
                .push(copy([
                    (Text::CopySlmgr, Copy::SlmgrCommand),
                    (Text::CopyOspp, Copy::OsppCommand),
                ]))
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
