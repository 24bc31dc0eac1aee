//! `status` and `apply`: the PC being activated, through its licensing service.

use serde::Serialize;

use super::{Exit, ProblemJson, Report, TooLong, exit_for};
use crate::id::{CidFormat, InstallationId, read_confirmation_id_in};
use crate::language::Language;
use crate::licensing::{
    InstallError, InstallVerdict, InstalledProduct, LicensingError, check_product_key,
};
use crate::platform;
use crate::record::{Activation, RecordChange, RecordError, RecordStore};
use crate::words::{self, Localized, Text};

#[derive(Serialize)]
struct ProductJson<'a> {
    activation_id: &'a str,
    name: &'a str,
    kind: &'static str,
    license_status: u32,
    status: String,
    grace_minutes: u32,
    partial_key: &'a str,
    /// `LicenseStatusReason` as `0xC004F034`, when there is one.
    reason: Option<String>,
    installation_id: Option<&'a str>,
    valid: bool,
    /// The channel at the end of `Description` (`VOLUME_MAK`, `VOLUME_KMSCLIENT`...).
    channel: Option<&'a str>,
    /// `ProductKeyChannel` (Windows 8 and later): `Retail`, `Volume:GVLK`...
    key_channel: Option<&'a str>,
    /// `possible`, `kms_client`, `evaluation`.
    offline_activation: &'static str,
    /// 1, 2 or 3 for the Windows 10 ESU add-ons Microsoft lists.
    esu_year: Option<u8>,
    /// Whether its Installation ID is one to carry to Microsoft.
    to_carry: bool,
}

impl<'a> ProductJson<'a> {
    fn of(product: &'a InstalledProduct, language: Language) -> ProductJson<'a> {
        ProductJson {
            activation_id: &product.activation_id,
            name: &product.name,
            kind: product.kind.code(),
            license_status: product.status.code(),
            status: words::license_status(product.status, language),
            grace_minutes: product.grace_minutes,
            partial_key: &product.partial_key,
            reason: (product.reason != 0).then(|| format!("0x{:08X}", product.reason)),
            installation_id: product.installation_id.as_ref().map(InstallationId::digits),
            valid: product.valid_installation_id().is_some(),
            channel: product.channel(),
            key_channel: product.key_channel.as_deref(),
            offline_activation: product.offline_route().code(),
            esu_year: product.esu_year().map(|year| year.year),
            to_carry: product.is_to_carry(),
        }
    }
}

pub(super) fn status(json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let reading = match platform::this_pc_licensing() {
        Ok(reading) => reading,
        Err(error) => {
            let problem = ProblemJson::new("licensing_service", error.message(language));
            return super::ids::unanswered(report, json, problem, Exit::Unusable);
        }
    };
    if json {
        let rows: Vec<ProductJson> = reading
            .products
            .iter()
            .map(|product| ProductJson::of(product, language))
            .collect();
        report.json(&rows);
    } else {
        let now = std::time::SystemTime::now();
        for product in &reading.products {
            write_product(&mut report, product, now, language);
        }
        if !reading.has_office() {
            report.line(words::microsoft_365_note(language));
        }
        if reading.needs_esu_note() {
            report.line(words::esu_note(language));
        }
    }
    for (_, problem) in &reading.problems {
        report.errors.push(problem.message(language));
    }
    report
}

fn write_product(
    report: &mut Report,
    product: &InstalledProduct,
    now: std::time::SystemTime,
    language: Language,
) {
    report.line(format!(
        "{} [{}]",
        words::product_label(product, language),
        words::product_kind(product.kind, language)
    ));
    report.line(format!("  {}", product.message(language)));
    let field = |label: Text, value: &dyn std::fmt::Display| {
        format!("  {}: {value}", label.in_language(language))
    };
    // A volume activation or a grace period ends: say when.
    if let Some(date) = product.ends_on(now) {
        report.line(field(Text::EndsOn, &format_args!("{date} (UTC)")));
    }
    report.line(field(Text::ActivationId, &product.activation_id));
    report.line(field(Text::PartialProductKey, &product.partial_key));
    if let Some(channel) = product.channel().or(product.key_channel.as_deref()) {
        report.line(field(Text::Channel, &channel));
    }
    // A product with no offline route keeps its Installation ID out of sight: there is
    // nothing to carry (its status line says what to do instead).
    if !product.offline_route().is_possible() {
        return;
    }
    if let Some(iid) = &product.installation_id {
        report.line(field(
            Text::InstallationIdHeading,
            &format_args!(
                "{} ({})",
                iid.grouped(" "),
                words::iid_verdict(iid, language)
            ),
        ));
    }
}

pub(super) fn apply(
    text: Result<String, TooLong>,
    activation_id: Option<&str>,
    iid: Option<&str>,
    language: Language,
) -> Report {
    let report = Report::new();
    let text = match text {
        Ok(text) => text,
        Err(error) => return report.fail(error.message(language), Exit::Unusable),
    };
    // The licensing service is Vista's and later's: its Confirmation IDs have eight blocks.
    let cid = match read_confirmation_id_in(&text, &[CidFormat::EightBlocks]) {
        Ok(cid) => cid,
        // Exit 2 for nothing found, 1 for a CID found but wrong: as `cid` does.
        Err(problem) => return report.fail(problem.message(language), exit_for(&problem)),
    };
    let obtained_for = iid.map(InstallationId::from_typed);
    if let Some(problem) = obtained_for.as_ref().and_then(InstallationId::problem) {
        return report.fail(problem.message(language), Exit::Invalid);
    }
    match platform::apply_to_this_pc(&cid, activation_id, obtained_for.as_ref()) {
        Ok(verdict) => {
            let mut report = report;
            report.line(verdict.message(language));
            // Kept in the activation record, like the window's deposits.
            let iid = obtained_for
                .as_ref()
                .or(verdict.product().and_then(|p| p.installation_id.as_ref()));
            if let Some(activation) = iid.and_then(|iid| {
                Activation::of_deposit(std::time::SystemTime::now(), &verdict, iid, &cid)
            }) {
                // Merged with what is on disk, under the record's lock (see `record`).
                match RecordStore::default_location().apply(&[RecordChange::Add(activation)]) {
                    Ok(applied) => {
                        if let Some(kept) = applied.kept_aside {
                            let moved = RecordError::Corrupt {
                                kept_as: Some(kept),
                            };
                            report.errors.push(moved.message(language));
                        }
                    }
                    Err(error) => report.errors.push(error.message(language)),
                }
            }
            report.exit(if verdict.is_activated() {
                Exit::Done
            } else {
                Exit::Invalid
            })
        }
        Err(error @ LicensingError::Service(_)) => {
            report.fail(error.message(language), Exit::Unusable)
        }
        // Refused before anything was deposited: the CID, the Activation ID, or the product.
        Err(error) => report.fail(error.message(language), Exit::Invalid),
    }
}

/// `install-key`: the key is checked before anything is sent (on any OS), then installed as
/// `slmgr /ipk` does, and the product it installed is shown with its Installation ID.
///
/// KEY comes from the arguments (with a note that they can be seen), else from a prompt at a
/// terminal (no echo, Enter ends it), else from standard input (at most
/// [`super::KEY_INPUT_LIMIT`] bytes).
pub(super) fn install_key(key: &[String], language: Language) -> Report {
    let mut report = Report::new();
    let text = if !key.is_empty() {
        report
            .errors
            .push(words::key_argument_is_visible(language).to_string());
        key.join(" ")
    } else if platform::standard_input_is_a_terminal() {
        match platform::read_line_unechoed(words::key_prompt(language), super::KEY_INPUT_LIMIT) {
            Ok(Some(line)) => line,
            Ok(None) => {
                let error = TooLong {
                    limit: super::KEY_INPUT_LIMIT,
                };
                return report.fail(error.message(language), Exit::Unusable);
            }
            // An unreadable terminal: nothing typed.
            Err(_) => String::new(),
        }
    } else {
        match super::input(&[], super::KEY_INPUT_LIMIT) {
            Ok(text) => text,
            Err(error) => return report.fail(error.message(language), Exit::Unusable),
        }
    };
    let key = match check_product_key(&text) {
        Ok(key) => key,
        Err(problem) => return report.fail(problem.message(language), Exit::Invalid),
    };
    match platform::install_key_on_this_pc(&key) {
        Ok(verdict) => {
            let mut report = report;
            report.line(verdict.message(language));
            if let InstallVerdict::Installed { product, .. } = &verdict {
                write_product(&mut report, product, std::time::SystemTime::now(), language);
            }
            let exit = if verdict.is_installed() {
                Exit::Done
            } else {
                Exit::Invalid
            };
            report.exit(exit)
        }
        Err(error @ InstallError::Service(_)) => {
            report.fail(error.message(language), Exit::Unusable)
        }
    }
}

/// `report`: the support report, to standard output or `out`; written whatever the service
/// answered, and exit 0 once written.
pub(super) fn report(
    out: Option<&std::path::Path>,
    leave_out_ids: bool,
    language: Language,
) -> Report {
    let mut report = Report::new();
    let text = words::support_report(leave_out_ids, language, std::time::SystemTime::now());
    match out {
        None => report.out.push_str(&text),
        Some(path) => match super::write_output(&mut report, path, text.as_bytes(), language) {
            Ok(super::Written::StandardOutput) => {}
            Ok(super::Written::Named) => {
                report.line(words::report_written(path, leave_out_ids, language))
            }
            Err(message) => return report.fail(message, Exit::Unusable),
        },
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensing::{InstalledProduct, ProductClass, ProductRow, app_ids};

    fn kms_client(grace_minutes: u32) -> InstalledProduct {
        InstalledProduct::from_row(
            ProductClass::SoftwareLicensing,
            ProductRow {
                id: "73111121-5638-40f6-bc11-f1d7b0d64300".into(),
                application_id: app_ids::WINDOWS.into(),
                name: "Windows(R), Enterprise edition".into(),
                partial_product_key: Some("2YT43".into()),
                license_status: 1,
                grace_period_remaining: grace_minutes,
                ..ProductRow::default()
            },
        )
        .expect("a row with a key")
    }

    #[test]
    fn status_gives_the_end_date_of_a_volume_activation_only() {
        // 2026-01-01 00:00 UTC, plus 180 days of KMS activation.
        let new_year = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600);
        let mut report = Report::new();
        write_product(
            &mut report,
            &kms_client(180 * 24 * 60),
            new_year,
            Language::English,
        );
        assert!(
            report.out.contains("  Ends on: 2026-06-30 (UTC)\n"),
            "{}",
            report.out
        );

        let mut report = Report::new();
        write_product(&mut report, &kms_client(0), new_year, Language::Japanese);
        assert!(
            !report
                .out
                .contains(Text::EndsOn.in_language(Language::Japanese)),
            "a permanent activation does not end"
        );
    }
}
