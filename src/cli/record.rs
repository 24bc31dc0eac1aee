//! `history`: the activation record, shown, exported, or merged with another.
//!
//! Only an import writes the record, and it writes through [`RecordStore::apply`] (a merge
//! with what is on disk, under the record's lock), like every other writer; a listing or an
//! export never moves nor changes the file.

use std::path::Path;
use std::time::SystemTime;

use super::{Exit, Report};
use crate::id::{ConfirmationId, InstallationId};
use crate::language::Language;
use crate::record::{self, ActivationRecord, Merged, RecordChange, RecordError, RecordStore};
use crate::words::{self, Localized, Text};

/// How many entries left out of an import are named one by one.
const NAMED_LEFT_OUT: usize = 20;

pub(super) fn history(
    json: bool,
    export: Option<&Path>,
    import: Option<&Path>,
    language: Language,
) -> Report {
    let store = RecordStore::default_location();
    if let Some(path) = import {
        return import_file(&store, path, language);
    }
    let report = Report::new();
    let record = match store.load() {
        Ok(record) => record,
        // With --json (and no export), standard output still answers: the problem.
        Err(error) => {
            let problem = super::ProblemJson::new("record_unreadable", error.message(language));
            let json = json && export.is_none();
            return super::ids::unanswered(report, json, problem, Exit::Unusable);
        }
    };
    match export {
        Some(path) => export_to(report, &record, path, language),
        None if json => {
            let mut report = report;
            report.line(record.shown_json());
            if !record.unknown.is_empty() {
                report
                    .errors
                    .push(words::kept_unshown(record.unknown.len(), language));
            }
            report
        }
        None => list(report, &record, language),
    }
}

fn import_file(store: &RecordStore, path: &Path, language: Language) -> Report {
    let mut report = Report::new();
    // `-` is standard input, to the same bound as a file.
    let read = match super::is_standard_stream(path) {
        true => match super::read_standard_input(record::MAX_IMPORT_BYTES) {
            Some(bytes) => record::import_bytes(&bytes, SystemTime::now()),
            None => {
                let error = super::TooLong {
                    limit: record::MAX_IMPORT_BYTES,
                };
                return report.fail(error.message(language), Exit::Unusable);
            }
        },
        false => record::read_file(path, SystemTime::now()),
    };
    let imported = match read {
        Ok(imported) => imported,
        Err(error @ RecordError::NotARecord) => {
            return report.fail(error.message(language), Exit::Invalid);
        }
        Err(error) => return report.fail(error.message(language), Exit::Unusable),
    };
    let changes: Vec<RecordChange> = imported
        .record
        .activations
        .into_iter()
        .map(RecordChange::Add)
        .collect();
    let applied = match store.apply(&changes) {
        Ok(applied) => applied,
        Err(error) => return report.fail(error.message(language), Exit::Unusable),
    };
    if let Some(kept) = applied.kept_aside {
        // The record that could not be read is kept aside; the import went into a new one.
        let moved = RecordError::Corrupt {
            kept_as: Some(kept),
        };
        report.errors.push(moved.message(language));
        report.exit = Exit::Unusable;
    }
    let left_out = imported.left_out;
    report.line(words::merged(
        Merged {
            added: applied.changed,
            left_out: left_out.len(),
        },
        language,
    ));
    for entry in left_out.iter().take(NAMED_LEFT_OUT) {
        report.line(format!("  {}", words::left_out(entry, language)));
    }
    if left_out.len() > NAMED_LEFT_OUT {
        report.line(format!(
            "  {}",
            words::more_left_out(left_out.len() - NAMED_LEFT_OUT, language)
        ));
    }
    if !left_out.is_empty() && report.exit == Exit::Done {
        report.exit = Exit::Invalid;
    }
    report
}

/// JSON, or CSV for a `.csv` name (with a byte-order mark, so Excel reads it as UTF-8);
/// `-` is standard output (JSON).
fn export_to(
    mut report: Report,
    record: &ActivationRecord,
    path: &Path,
    language: Language,
) -> Report {
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let text = if csv {
        format!("\u{FEFF}{}", record.to_csv())
    } else {
        // Standard output gets the JSON as `--json` prints it, line end included.
        format!("{}\n", record.to_json())
    };
    match super::write_output(&mut report, path, text.as_bytes(), language) {
        Ok(super::Written::StandardOutput) => return report,
        Ok(super::Written::Named) => report.line(path.display().to_string()),
        Err(message) => return report.fail(message, Exit::Unusable),
    }
    if csv && !record.unknown.is_empty() {
        report
            .errors
            .push(words::not_in_the_csv(record.unknown.len(), language));
    }
    report
}

fn list(mut report: Report, record: &ActivationRecord, language: Language) -> Report {
    if record.activations.is_empty() && record.unknown.is_empty() {
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
    if !record.unknown.is_empty() {
        report.line(words::kept_unshown(record.unknown.len(), language));
    }
    report
}
