//! The PC being activated, when the app runs on it (Windows): read every product's status and
//! Installation ID from the licensing service instead of copying 63 digits by hand, and apply
//! the Confirmation ID with a definite verdict. The service is asked on a worker thread; the
//! window stays responsive and shows progress.

use std::path::PathBuf;

use iced::widget::{checkbox, column, container, row, text, text_input};
use iced::{Alignment, Element, Length, Task};

use super::focus::button;
use super::installation::Product;
use super::job::{self, Job};
use super::theme;
use crate::id::ConfirmationId;
use crate::language::Language;
use crate::licensing::{
    ApplyVerdict, InstallError, InstallVerdict, InstalledProduct, KeyProblem, LicensingError,
    LicensingReading, ServiceError, check_product_key, pick_target,
};
use crate::platform::{self, ElevationError};
use crate::storage::IoReason;
use crate::words::{self, Localized, Text};

#[derive(Debug, Clone)]
pub enum Message {
    Read,
    ReadDone(Option<Result<Box<LicensingReading>, ServiceError>>),
    /// "Apply to this PC": asks first (the window's one question).
    AskToApply,
    /// The question answered yes: deposit the Confirmation ID.
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
    /// Where the report was written, or why it was not.
    ReportDone(Option<Result<PathBuf, ReportNotWritten>>),
}

/// Why a support report was not written: the file and the OS's reason.
#[derive(Debug, Clone)]
pub struct ReportNotWritten {
    pub path: PathBuf,
    pub reason: IoReason,
}

impl Localized for ReportNotWritten {
    fn message(&self, language: Language) -> String {
        words::cannot_write_for(Some(&self.path), self.reason, language)
    }
}

/// What was deposited on this PC, and what Windows made of it: the record keeps the
/// Confirmation ID with the product and Installation ID it was deposited for, whatever is on
/// screen when the answer comes.
#[derive(Debug)]
pub struct Deposited {
    pub verdict: Box<ApplyVerdict>,
    pub confirmation_id: ConfirmationId,
    pub product: Option<Product>,
}

pub enum Action {
    None,
    Run(Task<Message>),
    /// Ask whether to apply, naming the product the Confirmation ID would go to.
    AskToApply {
        product: Option<String>,
    },
    /// Offer these products, read from this PC, on screen 1.
    ShowProducts(Vec<Product>),
    /// This product's Installation ID is now this one: offer it instead.
    ReplaceInstallationId(Product),
    /// The Confirmation ID went to Windows: this is what came of it.
    Applied(Deposited),
    /// Restarting elevated: the session is saved, the window may close.
    Exit,
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

/// The form to install a product key, while it is open: the key as typed, and why it was
/// refused before anything was sent.
#[derive(Debug, Default)]
struct KeyForm {
    typed: TypedKey,
    problem: Option<KeyProblem>,
}

#[derive(Debug, Default)]
pub struct State {
    reading: Job<Box<LicensingReading>, ServiceError>,
    applying: Job<Box<ApplyVerdict>, LicensingError>,
    /// What is being deposited: the Confirmation ID and the product it is for.
    applying_for: Option<(ConfirmationId, Option<Product>)>,
    elevation_error: Option<ElevationError>,
    key_form: Option<KeyForm>,
    installing: Job<Box<InstallVerdict>, InstallError>,
    reporting: Job<PathBuf, ReportNotWritten>,
    leave_out_ids: bool,
}

/// Whether this build can reach a licensing service at all.
pub const AVAILABLE: bool = cfg!(windows);

/// The products of a reading whose Installation IDs are to be carried, `first` (the product a
/// key was just installed for) first.
fn to_carry(reading: &LicensingReading, first: Option<&str>) -> Vec<Product> {
    let mut products: Vec<&InstalledProduct> = reading.to_carry().collect();
    products.sort_by_key(|p| Some(p.activation_id.as_str()) != first);
    products.into_iter().filter_map(offered).collect()
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

/// A product as screen 1 offers it: its Installation ID, Windows' name for it and its
/// Activation ID, as read (data: worded when drawn).
fn offered(product: &InstalledProduct) -> Option<Product> {
    Some(Product {
        id: product.installation_id.clone()?,
        name: product.short_name().map(str::to_string),
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
                self.reading = Job::Running;
                Action::Run(job::run(
                    || platform::this_pc_licensing().map(Box::new),
                    Message::ReadDone,
                ))
            }
            Message::ReadDone(answer) => {
                self.reading = Job::finished(answer);
                // Not activated, with an offline route and an ID: a KMS client key or an
                // evaluation edition has nothing to carry.
                match self.reading.done() {
                    Some(reading) => Action::ShowProducts(to_carry(reading, None)),
                    None => Action::None,
                }
            }
            Message::AskToApply => Action::AskToApply {
                product: self.target_name(chosen, language),
            },
            Message::Apply => {
                let Some(cid) = cid else { return Action::None };
                let activation_id = chosen.and_then(|p| p.activation_id.clone());
                let obtained_for = chosen.map(|p| p.id.clone());
                self.applying = Job::Running;
                self.applying_for = Some((cid.clone(), chosen.cloned()));
                Action::Run(job::run(
                    move || {
                        platform::apply_to_this_pc(
                            &cid,
                            activation_id.as_deref(),
                            obtained_for.as_ref(),
                        )
                        .map(Box::new)
                    },
                    Message::ApplyDone,
                ))
            }
            Message::ApplyDone(answer) => {
                self.applying = Job::finished(answer);
                let Job::Done(verdict) = &self.applying else {
                    return Action::None;
                };
                let verdict = verdict.clone();
                self.refresh_status(&verdict);
                match self.applying_for.take() {
                    Some((confirmation_id, product)) => Action::Applied(Deposited {
                        verdict,
                        confirmation_id,
                        product,
                    }),
                    None => Action::None,
                }
            }
            Message::UseNewInstallationId => {
                let Some(verdict) = self.applying.done() else {
                    return Action::None;
                };
                match verdict.product().and_then(offered) {
                    Some(product) if verdict.new_installation_id().is_some() => {
                        Action::ReplaceInstallationId(product)
                    }
                    _ => Action::None,
                }
            }
            Message::OpenKeyForm => {
                self.key_form = Some(KeyForm::default());
                Action::None
            }
            Message::KeyEdited(typed) => {
                self.key_form = Some(KeyForm {
                    typed,
                    problem: None,
                });
                Action::None
            }
            Message::InstallKey => {
                let Some(form) = &mut self.key_form else {
                    return Action::None;
                };
                match check_product_key(&form.typed.0) {
                    Err(problem) => {
                        form.problem = Some(problem);
                        Action::None
                    }
                    Ok(key) => {
                        // The typed key goes no further than this task.
                        self.key_form = None;
                        self.installing = Job::Running;
                        Action::Run(job::run(
                            move || platform::install_key_on_this_pc(&key).map(Box::new),
                            Message::InstallDone,
                        ))
                    }
                }
            }
            Message::InstallDone(answer) => {
                self.installing = Job::finished(answer);
                let Some(InstallVerdict::Installed {
                    product, reading, ..
                }) = self.installing.done().map(Box::as_ref)
                else {
                    return Action::None;
                };
                let products = to_carry(reading, Some(&product.activation_id));
                self.reading = Job::Done(reading.clone());
                Action::ShowProducts(products)
            }
            Message::LeaveOutIds(leave_out) => {
                self.leave_out_ids = leave_out;
                Action::None
            }
            Message::WriteReport => {
                let leave_out = self.leave_out_ids;
                self.reporting = Job::Running;
                Action::Run(job::run(
                    move || {
                        let now = std::time::SystemTime::now();
                        let text = words::support_report(leave_out, language, now);
                        let path = report_path(now);
                        crate::storage::write_through(&path, text.as_bytes())
                            .map(|()| path.clone())
                            .map_err(|error| ReportNotWritten {
                                path,
                                reason: IoReason::from(&error),
                            })
                    },
                    Message::ReportDone,
                ))
            }
            Message::ReportDone(answer) => {
                self.reporting = Job::finished(answer);
                Action::None
            }
            Message::RestartAsAdministrator => {
                match platform::relaunch_elevated(&platform::current_args()) {
                    Ok(()) => Action::Exit,
                    Err(error) => {
                        self.elevation_error = Some(error);
                        Action::None
                    }
                }
            }
        }
    }

    /// Screen 1's list shows the product as the verdict last read it (activated, or not).
    fn refresh_status(&mut self, verdict: &ApplyVerdict) {
        let (Job::Done(reading), Some(after)) = (&mut self.reading, verdict.product()) else {
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
            name: name @ Some(_),
            activation_id: activation_id @ Some(_),
            ..
        }) = chosen
        {
            return words::offered_product_label(
                name.as_deref(),
                activation_id.as_deref(),
                language,
            );
        }
        let reading = self.reading.done()?;
        pick_target(&reading.products, None, chosen.map(|p| &p.id))
            .ok()
            .map(|product| words::product_label(product, language))
    }

    /// "Read from this PC" and, once read, each product's status, on the Installation ID screen.
    pub fn read_view(&self, language: Language) -> Element<'_, Message> {
        let mut panel = column![].spacing(6);
        if AVAILABLE {
            let reading = self.reading.is_running();
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
            Job::Done(reading) => {
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
            Job::Failed(failure) => {
                panel = panel.push(text(failure.message(language)).color(theme::BAD));
            }
            Job::Idle | Job::Running => {}
        }
        if AVAILABLE {
            let mut actions = row![].spacing(8);
            if self.key_form.is_none() && matches!(self.installing, Job::Idle) {
                actions = actions.push(
                    button(text(Text::InstallKeyOpen.in_language(language)))
                        .on_press(Message::OpenKeyForm),
                );
            }
            actions = actions.push(
                button(text(Text::WriteReport.in_language(language)))
                    .on_press_maybe((!self.reporting.is_running()).then_some(Message::WriteReport)),
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
            Job::Idle => {}
            Job::Running => {
                panel =
                    panel.push(text(Text::WritingReport.in_language(language)).color(theme::MUTED));
            }
            Job::Done(path) => {
                panel = panel.push(text(words::report_written(
                    path,
                    self.leave_out_ids,
                    language,
                )));
            }
            Job::Failed(failure) => {
                panel = panel.push(text(failure.message(language)).color(theme::BAD));
            }
        }
        panel.width(Length::Fill).into()
    }

    /// Installing a product key: the hidden field, then the verdict (and restarting as
    /// administrator when that is what it needs). `None` while the form is closed.
    fn key_view(&self, language: Language) -> Option<Element<'_, Message>> {
        let panel: Element<'_, Message> = match (&self.key_form, &self.installing) {
            (None, Job::Idle) => return None,
            (Some(KeyForm { typed, problem }), _) => {
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
            (None, Job::Running) => text(Text::InstallingKey.in_language(language)).into(),
            (None, Job::Done(verdict)) => verdict_column(
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
            (None, Job::Failed(failure)) => column![
                text(failure.message(language)).color(theme::BAD),
                button(text(Text::InstallKeyOpen.in_language(language)))
                    .on_press(Message::OpenKeyForm),
            ]
            .spacing(6)
            .into(),
        };
        let mut panel = column![panel].spacing(6);
        if let Some(error) = &self.elevation_error {
            panel = panel.push(text(error.message(language)).color(theme::BAD));
        }
        Some(
            container(panel)
                .padding(10)
                .width(Length::Fill)
                .style(theme::panel)
                .into(),
        )
    }

    /// The "Apply to this PC" panel on the Confirmation ID screen, once the CID is consistent.
    pub fn apply_view(&self, language: Language) -> Element<'_, Message> {
        let apply_again =
            || button(text(Text::ApplyAgain.in_language(language))).on_press(Message::AskToApply);
        let panel: Element<'_, Message> = match &self.applying {
            Job::Idle if !AVAILABLE => {
                return text(Text::ApplyOnlyOnWindows.in_language(language))
                    .size(14)
                    .color(theme::MUTED)
                    .into();
            }
            Job::Idle => button(text(Text::ApplyToPc.in_language(language)))
                .on_press(Message::AskToApply)
                .into(),
            Job::Running => text(Text::ApplyRunning.in_language(language)).into(),
            Job::Done(verdict) => {
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
            Job::Failed(failure) => column![
                text(failure.message(language)).color(theme::BAD),
                apply_again(),
            ]
            .spacing(6)
            .into(),
        };
        let mut panel = column![panel].spacing(6);
        if let Some(error) = &self.elevation_error {
            panel = panel.push(text(error.message(language)).color(theme::BAD));
        }
        container(panel)
            .padding(10)
            .width(Length::Fill)
            .style(theme::panel)
            .into()
    }
}
