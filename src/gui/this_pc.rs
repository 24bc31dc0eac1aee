//! The PC being activated, when the app runs on it (Windows): read every product's status and
//! Installation ID from the licensing service instead of copying 63 digits by hand, and apply
//! the Confirmation ID with a definite verdict. The service is asked on a worker thread; the
//! window stays responsive and shows progress.

use std::path::PathBuf;

use iced::widget::{checkbox, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::focus::button;
use super::installation::Product;
use super::theme;
use crate::id::ConfirmationId;
use crate::language::Language;
use crate::licensing::{
    ApplyVerdict, InstallError, InstallVerdict, InstalledProduct, KeyProblem, LicensingError,
    LicensingReading, ServiceError, check_product_key, codes, pick_target,
};
use crate::platform;
use crate::words::{self, Localized, Text};

#[derive(Debug, Clone)]
pub enum Message {
    Read,
    ReadDone(Option<Result<Box<LicensingReading>, ServiceError>>),
    AskToApply,
    CancelApply,
    Apply,
    ApplyDone(Option<Result<Box<ApplyVerdict>, LicensingError>>),
    /// Offers the Installation ID Windows shows now (after "it changed").
    UseNewInstallationId,
    RestartAsAdministrator,
    /// Shows the field to install a product key.
    OpenKeyForm,
    /// The key as typed (hidden on screen; never saved).
    KeyEdited(TypedKey),
    InstallKey,
    InstallDone(Option<Result<Box<InstallVerdict>, InstallError>>),
    LeaveOutIds(bool),
    WriteReport,
    /// Where the report was written, or the sentence saying why it was not.
    ReportDone(Option<Result<PathBuf, String>>),
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Offer these products, read from this PC, on screen 1.
    ShowProducts(Vec<Product>),
    /// This product's Installation ID is now this one: offer it instead.
    ReplaceInstallationId(Product),
    /// The Confirmation ID went to Windows: this is what came of it.
    Applied(Box<ApplyVerdict>),
    /// Restarting elevated: the session is saved, the window may close.
    Exit,
}

#[derive(Debug, Default)]
enum Reading {
    #[default]
    NotYet,
    Running,
    Done(Box<LicensingReading>),
    Failed(ServiceError),
}

#[derive(Debug, Default)]
enum Applying {
    #[default]
    Idle,
    Asking,
    Running,
    Done(Box<ApplyVerdict>),
    Failed(LicensingError),
}

/// A product key as typed: hidden on screen, never saved, and never printed by `Debug` (a
/// message or a state written to a log shows its length only).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TypedKey(String);

impl std::fmt::Debug for TypedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TypedKey({} characters)", self.0.chars().count())
    }
}

impl From<&str> for TypedKey {
    fn from(typed: &str) -> TypedKey {
        TypedKey(typed.to_string())
    }
}

#[derive(Debug, Default)]
enum Installing {
    #[default]
    Closed,
    /// The form is open: the key as typed, and why it was refused before anything was sent.
    Open {
        typed: TypedKey,
        problem: Option<KeyProblem>,
    },
    Running,
    Done(Box<InstallVerdict>),
    Failed(InstallError),
}

#[derive(Debug, Default)]
enum Reporting {
    #[default]
    Idle,
    Running,
    Written(PathBuf),
    Failed(String),
}

#[derive(Debug, Default)]
pub struct State {
    reading: Reading,
    applying: Applying,
    elevation_error: Option<String>,
    installing: Installing,
    reporting: Reporting,
    leave_out_ids: bool,
}

/// Whether this build can reach a licensing service at all.
pub const AVAILABLE: bool = cfg!(windows);

/// The products of a reading whose Installation IDs are to be carried, `first` (the product a
/// key was just installed for) first.
fn to_carry(reading: &LicensingReading, first: Option<&str>, language: Language) -> Vec<Product> {
    let mut products: Vec<&InstalledProduct> = reading.to_carry().collect();
    products.sort_by_key(|p| Some(p.activation_id.as_str()) != first);
    products
        .into_iter()
        .filter_map(|product| offered(product, language))
        .collect()
}

/// Where the window writes a support report: the Documents folder (else the home folder, else
/// the current one), named by the time.
fn report_path(now: std::time::SystemTime) -> PathBuf {
    let stamp: String = crate::date::timestamp(now)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_default()
        .join(format!("activation-companion-report-{stamp}.json"))
}

/// A verdict in green or red, with "Restart as administrator" when that is what it needs.
fn verdict_column<'a>(
    sentence: String,
    good: bool,
    needs_administrator: bool,
    language: Language,
) -> iced::widget::Column<'a, Message> {
    let colour = if good { theme::OK } else { theme::BAD };
    let mut done = column![text(sentence).color(colour)].spacing(6);
    if needs_administrator {
        done = done.push(
            button(text(Text::RestartAsAdministrator.in_language(language)))
                .on_press(Message::RestartAsAdministrator),
        );
    }
    done
}

/// A product as screen 1 offers it: its Installation ID, name and Activation ID, as read.
fn offered(product: &InstalledProduct, language: Language) -> Option<Product> {
    Some(Product {
        id: product.installation_id.clone()?,
        name: Some(words::product_label(product, language)),
        activation_id: Some(product.activation_id.clone()),
    })
}

impl State {
    /// `chosen` is the product on screen 1, whose Confirmation ID `cid` is.
    pub fn update(
        &mut self,
        message: Message,
        cid: Option<ConfirmationId>,
        chosen: Option<&Product>,
        language: Language,
    ) -> Action {
        match message {
            Message::Read => {
                self.reading = Reading::Running;
                Action::Run(Task::perform(
                    super::off_the_ui_thread(|| platform::this_pc_licensing().map(Box::new)),
                    Message::ReadDone,
                ))
            }
            Message::ReadDone(result) => {
                // A worker that died answered nothing: as good as a service that cannot be used.
                let result = result.unwrap_or(Err(ServiceError::Unavailable {
                    code: codes::E_UNEXPECTED,
                }));
                match result {
                    Ok(reading) => {
                        // Not activated, with an offline route and an ID: a KMS client key or
                        // an evaluation edition has nothing to carry.
                        let to_activate = to_carry(&reading, None, language);
                        self.reading = Reading::Done(reading);
                        Action::ShowProducts(to_activate)
                    }
                    Err(error) => {
                        self.reading = Reading::Failed(error);
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
                let activation_id = chosen.and_then(|p| p.activation_id.clone());
                let obtained_for = chosen.map(|p| p.id.clone());
                self.applying = Applying::Running;
                Action::Run(Task::perform(
                    super::off_the_ui_thread(move || {
                        platform::apply_to_this_pc(
                            &cid,
                            activation_id.as_deref(),
                            obtained_for.as_ref(),
                        )
                        .map(Box::new)
                    }),
                    Message::ApplyDone,
                ))
            }
            Message::ApplyDone(result) => {
                let (applying, action) = match result {
                    Some(Ok(verdict)) => {
                        self.refresh_status(&verdict);
                        (Applying::Done(verdict.clone()), Action::Applied(verdict))
                    }
                    Some(Err(error)) => (Applying::Failed(error), Action::None),
                    None => (
                        Applying::Failed(LicensingError::Service(ServiceError::Unavailable {
                            code: codes::E_UNEXPECTED,
                        })),
                        Action::None,
                    ),
                };
                self.applying = applying;
                action
            }
            Message::UseNewInstallationId => {
                let Applying::Done(verdict) = &self.applying else {
                    return Action::None;
                };
                match verdict
                    .product()
                    .and_then(|product| offered(product, language))
                {
                    Some(product) if verdict.new_installation_id().is_some() => {
                        Action::ReplaceInstallationId(product)
                    }
                    _ => Action::None,
                }
            }
            Message::OpenKeyForm => {
                self.installing = Installing::Open {
                    typed: TypedKey::default(),
                    problem: None,
                };
                Action::None
            }
            Message::KeyEdited(typed) => {
                self.installing = Installing::Open {
                    typed,
                    problem: None,
                };
                Action::None
            }
            Message::InstallKey => {
                let Installing::Open { typed, .. } = &self.installing else {
                    return Action::None;
                };
                match check_product_key(&typed.0) {
                    Err(problem) => {
                        let typed = typed.clone();
                        self.installing = Installing::Open {
                            typed,
                            problem: Some(problem),
                        };
                        Action::None
                    }
                    Ok(key) => {
                        // The typed key goes no further than this task.
                        self.installing = Installing::Running;
                        Action::Run(Task::perform(
                            super::off_the_ui_thread(move || {
                                platform::install_key_on_this_pc(&key).map(Box::new)
                            }),
                            Message::InstallDone,
                        ))
                    }
                }
            }
            Message::InstallDone(result) => {
                let result =
                    result.unwrap_or(Err(InstallError::Service(ServiceError::Unavailable {
                        code: codes::E_UNEXPECTED,
                    })));
                match result {
                    Ok(verdict) => {
                        let action = match verdict.as_ref() {
                            InstallVerdict::Installed {
                                product, reading, ..
                            } => {
                                let products =
                                    to_carry(reading, Some(&product.activation_id), language);
                                self.reading = Reading::Done(reading.clone());
                                Action::ShowProducts(products)
                            }
                            _ => Action::None,
                        };
                        self.installing = Installing::Done(verdict);
                        action
                    }
                    Err(error) => {
                        self.installing = Installing::Failed(error);
                        Action::None
                    }
                }
            }
            Message::LeaveOutIds(leave_out) => {
                self.leave_out_ids = leave_out;
                Action::None
            }
            Message::WriteReport => {
                let leave_out = self.leave_out_ids;
                self.reporting = Reporting::Running;
                Action::Run(Task::perform(
                    super::off_the_ui_thread(move || {
                        let now = std::time::SystemTime::now();
                        let (recorded, reading) = platform::this_pc_report();
                        let recorded =
                            words::finish_report(recorded, &reading, language, leave_out, now);
                        let path = report_path(now);
                        let text = serde_json::to_string_pretty(&recorded)
                            .expect("a report always serialises");
                        crate::storage::write_through(&path, format!("{text}\n").as_bytes())
                            .map(|()| path.clone())
                            .map_err(|error| words::cannot_write(Some(&path), &error, language))
                    }),
                    Message::ReportDone,
                ))
            }
            Message::ReportDone(result) => {
                self.reporting = match result {
                    Some(Ok(path)) => Reporting::Written(path),
                    Some(Err(sentence)) => Reporting::Failed(sentence),
                    None => Reporting::Failed(
                        ServiceError::Unavailable {
                            code: codes::E_UNEXPECTED,
                        }
                        .message(language),
                    ),
                };
                Action::None
            }
            Message::RestartAsAdministrator => {
                match platform::relaunch_elevated(&platform::current_args()) {
                    Ok(()) => Action::Exit,
                    Err(error) => {
                        self.elevation_error = Some(error.message(language));
                        Action::None
                    }
                }
            }
        }
    }

    /// Screen 1's list shows the product as the verdict last read it (activated, or not).
    fn refresh_status(&mut self, verdict: &ApplyVerdict) {
        let (Reading::Done(reading), Some(after)) = (&mut self.reading, verdict.product()) else {
            return;
        };
        if let Some(product) = reading
            .products
            .iter_mut()
            .find(|product| product.activation_id == after.activation_id)
        {
            *product = after.clone();
        }
    }

    /// The name of the product the Confirmation ID would go to: the one chosen on screen 1
    /// when it was read from this PC, else the one whose Installation ID is on screen 1 (or
    /// the one Windows product not activated), when this PC was read.
    fn target_name(&self, chosen: Option<&Product>, language: Language) -> Option<String> {
        if let Some(Product {
            name: Some(name),
            activation_id: Some(_),
            ..
        }) = chosen
        {
            return Some(name.clone());
        }
        let Reading::Done(reading) = &self.reading else {
            return None;
        };
        pick_target(&reading.products, None, chosen.map(|p| &p.id))
            .ok()
            .map(|product| words::product_label(product, language))
    }

    /// "Read from this PC" and, once read, each product's status, on the Installation ID screen.
    pub fn read_view(&self, language: Language) -> Element<'_, Message> {
        let mut panel = column![].spacing(6);
        if AVAILABLE {
            let reading = matches!(self.reading, Reading::Running);
            let mut line = row![
                button(text(Text::ReadFromPc.in_language(language)))
                    .on_press_maybe((!reading).then_some(Message::Read))
            ]
            .spacing(12)
            .align_y(Alignment::Center);
            if reading {
                line = line.push(text(Text::ReadingPc.in_language(language)).color(theme::MUTED));
            }
            panel = panel.push(line);
        } else {
            panel = panel.push(
                text(Text::ReadOnlyOnWindows.in_language(language))
                    .size(14)
                    .color(theme::MUTED),
            );
        }
        match &self.reading {
            Reading::Done(reading) => {
                for product in &reading.products {
                    let colour = if product.is_activated() {
                        theme::OK
                    } else {
                        theme::BAD
                    };
                    panel = panel.push(text(product.message(language)).size(15).color(colour));
                }
                if reading.products.is_empty() {
                    panel = panel.push(text(Text::NoProductKey.in_language(language)).size(15));
                }
                for (_, problem) in &reading.problems {
                    panel = panel.push(text(problem.message(language)).size(14).color(theme::BAD));
                }
                if !reading.has_office() {
                    panel = panel.push(
                        text(words::microsoft_365_note(language))
                            .size(14)
                            .color(theme::MUTED),
                    );
                }
                if reading.needs_esu_note() {
                    panel = panel.push(text(words::esu_note(language)).size(14));
                }
            }
            Reading::Failed(error) => {
                panel = panel.push(text(error.message(language)).color(theme::BAD));
            }
            Reading::NotYet | Reading::Running => {}
        }
        if AVAILABLE {
            let mut actions = row![].spacing(8);
            if matches!(self.installing, Installing::Closed) {
                actions = actions.push(
                    button(text(Text::InstallKeyOpen.in_language(language)))
                        .on_press(Message::OpenKeyForm),
                );
            }
            actions = actions.push(
                button(text(Text::WriteReport.in_language(language))).on_press_maybe(
                    (!matches!(self.reporting, Reporting::Running)).then_some(Message::WriteReport),
                ),
            );
            panel = panel.push(actions).push(super::focus::focusable(
                checkbox(self.leave_out_ids)
                    .label(Text::LeaveOutInstallationIds.in_language(language))
                    .on_toggle(Message::LeaveOutIds),
            ));
        }
        if let Some(key_panel) = self.key_view(language) {
            panel = panel.push(key_panel);
        }
        match &self.reporting {
            Reporting::Idle => {}
            Reporting::Running => {
                panel =
                    panel.push(text(Text::WritingReport.in_language(language)).color(theme::MUTED));
            }
            Reporting::Written(path) => {
                panel = panel.push(text(words::report_written(
                    path,
                    self.leave_out_ids,
                    language,
                )));
            }
            Reporting::Failed(sentence) => {
                panel = panel.push(text(sentence.clone()).color(theme::BAD));
            }
        }
        panel.width(Length::Fill).into()
    }

    /// Installing a product key: the hidden field, then the verdict (and restarting as
    /// administrator when that is what it needs). `None` while the form is closed.
    fn key_view(&self, language: Language) -> Option<Element<'_, Message>> {
        let panel: Element<'_, Message> = match &self.installing {
            Installing::Closed => return None,
            Installing::Open { typed, problem } => {
                let mut form = column![
                    text(Text::InstallKeyIntro.in_language(language)).size(14),
                    row![
                        text_input(Text::KeyPlaceholder.in_language(language), &typed.0)
                            .secure(true)
                            .on_input(|typed| Message::KeyEdited(TypedKey(typed)))
                            .on_submit(Message::InstallKey)
                            .width(Length::Fixed(360.0)),
                        button(text(Text::InstallKeyRun.in_language(language)))
                            .on_press(Message::InstallKey),
                    ]
                    .spacing(8)
                    .align_y(Alignment::Center),
                ]
                .spacing(6);
                if !AVAILABLE {
                    form = form.push(
                        text(Text::InstallOnlyOnWindows.in_language(language))
                            .size(14)
                            .color(theme::MUTED),
                    );
                }
                if let Some(problem) = problem {
                    form = form.push(text(problem.message(language)).color(theme::BAD));
                }
                form.into()
            }
            Installing::Running => text(Text::InstallingKey.in_language(language)).into(),
            Installing::Done(verdict) => verdict_column(
                verdict.message(language),
                verdict.is_installed(),
                verdict.needs_administrator(),
                language,
            )
            .push(
                button(text(Text::InstallKeyOpen.in_language(language)))
                    .on_press(Message::OpenKeyForm),
            )
            .into(),
            Installing::Failed(error) => column![
                text(error.message(language)).color(theme::BAD),
                button(text(Text::InstallKeyOpen.in_language(language)))
                    .on_press(Message::OpenKeyForm),
            ]
            .spacing(6)
            .into(),
        };
        let mut panel = column![panel].spacing(6);
        if let Some(error) = &self.elevation_error {
            panel = panel.push(text(error.clone()).color(theme::BAD));
        }
        Some(
            container(panel)
                .padding(10)
                .width(Length::Fill)
                .style(theme::panel)
                .into(),
        )
    }

    /// Whether "apply the Confirmation ID?" is asked.
    pub fn is_asking(&self) -> bool {
        matches!(self.applying, Applying::Asking)
    }

    /// The "Apply to this PC" panel on the Confirmation ID screen, once the CID is consistent.
    pub fn apply_view(&self, language: Language, chosen: Option<&Product>) -> Element<'_, Message> {
        let apply_again =
            || button(text(Text::ApplyAgain.in_language(language))).on_press(Message::AskToApply);
        let panel: Element<'_, Message> = match &self.applying {
            Applying::Idle if !AVAILABLE => {
                return text(Text::ApplyOnlyOnWindows.in_language(language))
                    .size(14)
                    .color(theme::MUTED)
                    .into();
            }
            Applying::Idle => button(text(Text::ApplyToPc.in_language(language)))
                .on_press(Message::AskToApply)
                .into(),
            Applying::Asking => {
                let product = self.target_name(chosen, language);
                column![
                    text(words::apply_question(product.as_deref(), language)),
                    row![
                        button(text(Text::RunIt.in_language(language))).on_press(Message::Apply),
                        button(text(Text::Cancel.in_language(language)))
                            .on_press(Message::CancelApply),
                    ]
                    .spacing(8),
                ]
                .spacing(6)
                .into()
            }
            Applying::Running => text(Text::ApplyRunning.in_language(language)).into(),
            Applying::Done(verdict) => {
                let mut done = verdict_column(
                    verdict.message(language),
                    verdict.is_activated(),
                    verdict.needs_administrator(),
                    language,
                );
                if verdict.new_installation_id().is_some() {
                    done = done.push(
                        button(text(Text::UseNewInstallationId.in_language(language)))
                            .on_press(Message::UseNewInstallationId),
                    );
                }
                if !verdict.is_activated() {
                    done = done.push(apply_again());
                }
                done.into()
            }
            Applying::Failed(error) => column![
                text(error.message(language)).color(theme::BAD),
                apply_again(),
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
