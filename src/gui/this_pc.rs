//! The PC being activated, when the app runs on it (Windows): read the Installation IDs
//! from slmgr/ospp instead of copying 63 digits by hand, and apply the Confirmation ID.
//! The scripts run on a worker thread; the window stays responsive and shows progress.

use iced::widget::{button, column, container, row, scrollable, text};
use iced::{Alignment, Element, Length, Task};

use super::fonts;
use super::i18n::{self, Text};
use super::theme;
use crate::id::{ConfirmationId, InstallationId, labelled_line};
use crate::language::{Language, Localized};
use crate::windows::{
    self, ApplyError, ApplyOutcome, ApplyReport, Product, ProductIid, ReadError, process_env,
};

#[derive(Debug, Clone)]
pub enum Message {
    Read,
    ReadDone(Option<Result<Vec<ProductIid>, ReadError>>),
    AskToApply,
    CancelApply,
    Apply,
    ApplyDone(Option<Result<ApplyReport, ApplyError>>),
    RestartAsAdministrator,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Put these IDs into the Installation ID box (one line per product, with its label).
    ShowInstallationIds(String),
    /// Restarting elevated: the session is saved, the window may close.
    Exit,
}

#[derive(Debug, Default)]
enum Applying {
    #[default]
    Idle,
    Asking,
    Running,
    Done(ApplyReport),
    Failed(ApplyError),
}

#[derive(Debug, Default)]
pub struct State {
    products: Vec<ProductIid>,
    reading: bool,
    read_error: Option<ReadError>,
    applying: Applying,
    elevation_error: Option<String>,
}

/// Whether this build can run slmgr/ospp at all.
pub const AVAILABLE: bool = cfg!(windows);

impl State {
    /// The product an Installation ID was read from, to apply its CID to the same one.
    fn target_for(&self, id: Option<&InstallationId>) -> (Product, Option<String>, String) {
        let product =
            id.and_then(|id| self.products.iter().find(|p| p.iid.digits() == id.digits()));
        match product {
            Some(p) => (p.product.clone(), p.activation_id.clone(), p.label.clone()),
            None => (Product::Windows, None, windows::WINDOWS_LABEL.to_string()),
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        cid: Option<ConfirmationId>,
        id: Option<&InstallationId>,
    ) -> Action {
        match message {
            Message::Read => {
                self.reading = true;
                self.read_error = None;
                Action::Run(Task::perform(
                    super::off_the_ui_thread(windows::read_this_pc),
                    Message::ReadDone,
                ))
            }
            Message::ReadDone(result) => {
                self.reading = false;
                match result {
                    Some(Ok(products)) => {
                        // The ospp line format keeps each product's label through extraction.
                        let text = products
                            .iter()
                            .map(|p| labelled_line(Some(&p.label), p.iid.digits()))
                            .collect::<Vec<_>>()
                            .join("\n");
                        self.products = products;
                        Action::ShowInstallationIds(text)
                    }
                    Some(Err(error)) => {
                        self.read_error = Some(error);
                        Action::None
                    }
                    None => {
                        self.read_error = Some(ReadError::NothingFound {
                            output: String::new(),
                        });
                        Action::None
                    }
                }
            }
            Message::AskToApply => {
                self.applying = Applying::Asking;
                Action::None
            }
            Message::CancelApply => {
                self.applying = Applying::Idle;
                Action::None
            }
            Message::Apply => {
                let Some(cid) = cid else { return Action::None };
                let (product, activation_id, _) = self.target_for(id);
                self.applying = Applying::Running;
                Action::Run(Task::perform(
                    super::off_the_ui_thread(move || {
                        windows::apply_on_this_pc(&cid, product, activation_id.as_deref())
                    }),
                    Message::ApplyDone,
                ))
            }
            Message::ApplyDone(result) => {
                self.applying = match result {
                    Some(Ok(report)) => Applying::Done(report),
                    Some(Err(error)) => Applying::Failed(error),
                    None => Applying::Idle,
                };
                Action::None
            }
            Message::RestartAsAdministrator => {
                match windows::relaunch_elevated(&windows::current_args()) {
                    Ok(()) => Action::Exit,
                    Err(error) => {
                        self.elevation_error = Some(error.to_string());
                        Action::None
                    }
                }
            }
        }
    }

    /// The "Read from this PC" row on the Installation ID screen.
    pub fn read_view(&self, language: Language) -> Element<'_, Message> {
        if !AVAILABLE {
            return text(Text::ReadOnlyOnWindows.in_language(language))
                .size(14)
                .color(theme::MUTED)
                .into();
        }
        let mut line = row![
            button(text(Text::ReadFromPc.in_language(language)))
                .on_press_maybe((!self.reading).then_some(Message::Read))
        ]
        .spacing(12)
        .align_y(Alignment::Center);
        if self.reading {
            line = line.push(text(Text::ReadingPc.in_language(language)).color(theme::MUTED));
        }
        if let Some(error) = &self.read_error {
            line = line.push(
                text(error.message(language))
                    .color(theme::BAD)
                    .width(Length::Fill),
            );
        }
        line.into()
    }

    /// The "Apply to this PC" panel on the Confirmation ID screen, once the CID is consistent.
    pub fn apply_view(
        &self,
        language: Language,
        cid: &ConfirmationId,
        id: Option<&InstallationId>,
    ) -> Element<'_, Message> {
        if !AVAILABLE {
            return text(Text::ApplyOnlyOnWindows.in_language(language))
                .size(14)
                .color(theme::MUTED)
                .into();
        }
        let (product, activation_id, label) = self.target_for(id);
        let command = windows::apply_command(&process_env, cid, &product, activation_id.as_deref())
            .map(|spec| spec.display());
        let panel: Element<'_, Message> = match (&self.applying, command) {
            (_, Err(error)) => text(error.message(language)).color(theme::BAD).into(),
            (Applying::Idle, Ok(_)) => button(text(Text::ApplyToPc.in_language(language)))
                .on_press(Message::AskToApply)
                .into(),
            (Applying::Asking, Ok(command)) => column![
                text(i18n::apply_question(language, &label)),
                text(command).font(fonts::BOLD).size(14),
                row![
                    button(text(Text::RunIt.in_language(language))).on_press(Message::Apply),
                    button(text(Text::Cancel.in_language(language))).on_press(Message::CancelApply),
                ]
                .spacing(8),
            ]
            .spacing(6)
            .into(),
            (Applying::Running, Ok(_)) => text(Text::ApplyRunning.in_language(language)).into(),
            (Applying::Done(report), Ok(_)) => {
                let needs_admin =
                    matches!(&report.outcome, ApplyOutcome::Failed(e) if e.needs_administrator());
                let colour = if report.outcome.is_deposited() {
                    theme::OK
                } else {
                    theme::BAD
                };
                let mut done = column![
                    text(report.outcome.message(language)).color(colour),
                    scrollable(text(report.output.clone()).size(14))
                        .spacing(theme::SCROLLBAR_GAP)
                        .height(Length::Shrink),
                ]
                .spacing(6);
                if needs_admin {
                    done = done.push(
                        button(text(Text::RestartAsAdministrator.in_language(language)))
                            .on_press(Message::RestartAsAdministrator),
                    );
                }
                done.push(
                    button(text(Text::ApplyAgain.in_language(language)))
                        .on_press(Message::AskToApply),
                )
                .into()
            }
            (Applying::Failed(error), Ok(_)) => column![
                text(error.message(language)).color(theme::BAD),
                button(text(Text::ApplyAgain.in_language(language))).on_press(Message::AskToApply),
            ]
            .spacing(6)
            .into(),
        };
        let mut panel = column![panel].spacing(6);
        if let Some(error) = &self.elevation_error {
            panel = panel.push(text(error.clone()).color(theme::BAD));
        }
        container(panel)
            .padding(10)
            .width(Length::Fill)
            .style(theme::panel)
            .into()
    }
}
