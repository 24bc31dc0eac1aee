//! `history`: the activation record, shown, exported, or merged with another.

use std::path::Path;

use super::{Exit, Report};
use crate::id::{ConfirmationId, InstallationId};
use crate::language::Language;
use crate::record::{self, ActivationRecord, RecordError, RecordStore};
use crate::words::{self, Localized, Text};

pub(super) fn history(
    json: bool,
    export: Option<&Path>,
    import: Option<&Path>,
    language: Language,
) -> Report {
    let mut report = Report::new();
    let store = RecordStore::default_location();
    // A record that could not be read was moved aside (the message says where): the command
    // goes on with a new one and ends with exit 2. One that could not even be moved is left
    // alone, and nothing is done.
    let mut record = match store.load() {
        Ok(record) => record,
        Err(error @ RecordError::Corrupt { kept_as: Some(_) }) => {
            report.errors.push(error.message(language));
            report.exit = Exit::Unusable;
            ActivationRecord::default()
        }
        Err(error) => return report.fail(error.message(language), Exit::Unusable),
    };
    if let Some(path) = import {
        let merged = match record::read_file(path) {
            Ok(other) => record.merge(other),
            Err(error @ RecordError::NotARecord) => {
                return report.fail(error.message(language), Exit::Invalid);
            }
            Err(error) => return report.fail(error.message(language), Exit::Unusable),
        };
        if let Err(error) = store.save(&record) {
            return report.fail(error.message(language), Exit::Unusable);
        }
        report.line(words::merged(merged, language));
        if merged.left_out > 0 && report.exit == Exit::Done {
            report.exit = Exit::Invalid;
        }
        return report;
    }
    if let Some(path) = export {
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let text = if csv {
            record.to_csv()
        } else {
            record.to_json()
        };
        if let Err(error) = record::write(path, text.as_bytes()) {
            return report.fail(error.message(language), Exit::Unusable);
        }
        report.line(path.display().to_string());
        return report;
    }
    if json {
        report.line(record.to_json());
        return report;
    }
    if record.activations.is_empty() {
        report.line(Text::NoActivationsYet.in_language(language));
    }
    for activation in &record.activations {
        report.line(words::activation_line(activation, language));
        let field =
            |label: Text, value: &str| format!("  {}: {value}", label.in_language(language));
        report.line(field(
            Text::InstallationIdHeading,
            &InstallationId::from_typed(&activation.installation_id).grouped(" "),
        ));
        report.line(field(
            Text::ConfirmationIdHeading,
            &ConfirmationId::from_typed(&activation.confirmation_id).grouped("-"),
        ));
        if !activation.activation_id.is_empty() {
            report.line(field(Text::ActivationId, &activation.activation_id));
        }
    }
    report
}
