//! Taking in a record from another file (JSON as this app writes it, or CSV): which entries
//! are sound and are taken, which are left out and why.

use std::time::SystemTime;

use serde_json::Value;

use super::csv::import_csv;
use super::{
    Activation, ActivationRecord, Imported, LeftOut, LeftOutReason, MAX_ACTIVATION_ID_CHARS,
    MAX_PRODUCT_CHARS, Place, RecordError, shortened,
};
use crate::date;

impl ActivationRecord {
    /// A record written by [`ActivationRecord::to_json`] or [`ActivationRecord::to_csv`]:
    /// the JSON as the record's file is read (see [`RecordStore::load`]), the CSV only when
    /// every row is taken.
    pub fn parse(text: &str) -> Result<ActivationRecord, RecordError> {
        let text = text.trim_start_matches('\u{FEFF}');
        if text.trim_start().starts_with('[') {
            return ActivationRecord::from_file(text).ok_or(RecordError::NotARecord);
        }
        match ActivationRecord::import(text, SystemTime::now())? {
            Imported { record, left_out } if left_out.is_empty() => Ok(record),
            _ => Err(RecordError::NotARecord),
        }
    }

    /// The entries of a record from another file that can be taken in, and the ones left out
    /// with why: JSON as this app writes it, or CSV as this app or a spreadsheet writes it.
    /// `now` bounds the times (a day of clock skew).
    pub fn import(text: &str, now: SystemTime) -> Result<Imported, RecordError> {
        let text = text.trim_start_matches('\u{FEFF}');
        if text.trim_start().starts_with('[') {
            let entries: Vec<Value> =
                serde_json::from_str(text).map_err(|_| RecordError::NotARecord)?;
            let mut imported = Imported::default();
            for (n, entry) in entries.iter().enumerate() {
                let taken = Activation::from_value(entry)
                    .and_then(|mut activation| activation.check_imported(now).map(|()| activation));
                match taken {
                    Ok(activation) => imported.record.activations.push(activation),
                    Err(why) => imported.left_out.push(LeftOut {
                        place: Place::Entry(n + 1),
                        why,
                    }),
                }
            }
            imported.record.sort();
            return Ok(imported);
        }
        let mut imported = import_csv(text, now)?;
        imported.record.sort();
        Ok(imported)
    }
}

impl Activation {
    /// Why an entry from another file is not taken in: its IDs, its time (normalised to UTC
    /// here when it is taken), the length of its names.
    pub(super) fn check_imported(&mut self, now: SystemTime) -> Result<(), LeftOutReason> {
        if let Some(problem) = self.id_problem() {
            return Err(problem);
        }
        self.recorded_at = date::checked_timestamp(&self.recorded_at, now)
            .map_err(|problem| LeftOutReason::Time(problem, shortened(&self.recorded_at)))?;
        let product = self.product.chars().count();
        if product > MAX_PRODUCT_CHARS {
            return Err(LeftOutReason::ProductTooLong { chars: product });
        }
        if self.activation_id.chars().count() > MAX_ACTIVATION_ID_CHARS {
            return Err(LeftOutReason::ActivationIdTooLong);
        }
        Ok(())
    }
}
