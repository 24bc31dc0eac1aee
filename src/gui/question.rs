//! The window's one question: every destructive or irreversible action (start over, remove an
//! entry from the record, apply a Confirmation ID to this PC) asks it first, the same way. One
//! at a time, in one place under the screen (always in sight, away from the button that asked,
//! so a double-click asks twice and answers nothing); the keyboard starts on "Cancel", and
//! Escape answers no.

use iced::widget::button::{self};
use iced::widget::{container, row, text};
use iced::{Alignment, Element, Length};

use super::focus::button;
use super::theme;
use crate::language::Language;
use crate::record::Activation;
use crate::words::{self, Text};

/// What is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Clear the Installation ID and every typed block.
    StartOver,
    /// Remove this entry from the activation record (named in the question by its date,
    /// product, verdict and Installation ID).
    Remove(Box<Activation>),
    /// Deposit the Confirmation ID on this PC, through the licensing service; `product` is the
    /// one it goes to, as shown.
    Apply { product: Option<String> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
}

/// The "Cancel" of the question: where the keyboard goes when it is asked.
pub const CANCEL: &str = "question-cancel";

impl Question {
    fn sentence(&self, language: Language) -> String {
        match self {
            Question::StartOver => Text::StartOverQuestion.in_language(language).to_string(),
            Question::Remove(activation) => words::remove_question(activation, language),
            Question::Apply { product } => words::apply_question(product.as_deref(), language),
        }
    }

    fn yes(&self) -> Text {
        match self {
            Question::StartOver => Text::ConfirmStartOver,
            Question::Remove(_) => Text::ReallyRemove,
            Question::Apply { .. } => Text::RunIt,
        }
    }

    /// The question, "Cancel" (with the keyboard) first and the "yes" after it, the two
    /// beside the question where they fit, else together under it.
    pub fn view(&self, language: Language) -> Element<'_, Answer> {
        container(
            row![
                text(self.sentence(language)),
                // The two answers wrap together: a long question never leaves "yes" alone
                // on a line of its own, away from "Cancel".
                row![
                    button(text(Text::Cancel.in_language(language)))
                        .id(CANCEL)
                        .on_press(Answer::No),
                    button(text(self.yes().in_language(language)))
                        .style(button::danger)
                        .on_press(Answer::Yes),
                ]
                .spacing(8),
            ]
            .spacing(8)
            .align_y(Alignment::Center)
            .wrap()
            .vertical_spacing(8),
        )
        .padding(8)
        .width(Length::Fill)
        .style(theme::warning)
        .into()
    }
}
