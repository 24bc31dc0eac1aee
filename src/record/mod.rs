//! The activation record: every Confirmation ID completed in this app or deposited on this PC,
//! with the date, the product, its Activation ID, the Installation ID and the verdict.
//!
//! Reinstalling the same edition with the same key on the same hardware gives the same
//! Installation ID, and a Confirmation ID obtained for it before can be deposited again:
//! Microsoft's Volume Activation Management Tool does this ("local reactivation") for the PCs it
//! manages. Windows decides; it may refuse. The record makes that one click for a single PC, and
//! carries records for many offline PCs between machines (export, import).
//!
//! Kept as `activations.json` in the data folder beside the session, written atomically, never
//! pruned: an entry goes only when the user removes it.
//!
//! Several writers may share it (two windows, the command line): every write is
//! [`RecordStore::apply`], a read-merge-write under a lock (`activations.json.lock`), of
//! changes ([`RecordChange`]) rather than of a whole record held in memory, so no writer
//! loses another's entry, and a removal stays removed. What this version does not understand
//! (an entry of a newer verdict, a malformed one, a field it does not know) is kept and written
//! back unchanged. A file that is not JSON at all is moved aside by the first write, never by
//! a read.

use std::collections::HashMap;

use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::date::{self, TimeProblem};

use crate::id::{ConfirmationId, InstallationId};
use crate::licensing::ApplyVerdict;

mod csv;
mod import;
mod store;

pub use csv::csv_columns;
pub use store::{
    Applied, Merged, RecordError, RecordStore, export, import_bytes, read_file, write,
};

/// The largest file `history --import` reads: a record of ~100,000 activations as CSV.
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;
/// The longest product name an import takes (Windows' and Office's own names are under 100
/// characters); a longer one is left out and named.
pub const MAX_PRODUCT_CHARS: usize = 512;
/// The longest Activation ID an import takes (a GUID is 36 characters).
pub const MAX_ACTIVATION_ID_CHARS: usize = 64;

/// How an activation ended, as far as this app knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Outcome {
    /// Every block typed consistently here; applied elsewhere (slui) or not yet.
    Completed,
    /// Deposited on this PC, and the product then read as activated.
    Activated,
    /// Deposited, but the product did not read as activated afterwards (its `LicenseStatus`).
    NotActivated { license_status: u32 },
    /// Windows refused it (the HRESULT).
    Refused { code: u32 },
}

impl Outcome {
    /// How much the outcome says: a deposit's verdict says more than a completed typing, and
    /// an activation most.
    fn weight(self) -> u8 {
        match self {
            Outcome::Completed => 0,
            Outcome::NotActivated { .. } | Outcome::Refused { .. } => 1,
            Outcome::Activated => 2,
        }
    }

    /// What a deposit on this PC came to; `None` when nothing was deposited (the product was
    /// already activated, gone, or showed another Installation ID).
    pub fn of(verdict: &ApplyVerdict) -> Option<Outcome> {
        match verdict {
            ApplyVerdict::Activated { .. } => Some(Outcome::Activated),
            ApplyVerdict::DepositedNotActivated { product, .. } => Some(Outcome::NotActivated {
                license_status: product.status.code(),
            }),
            ApplyVerdict::Refused { error, .. } => Some(Outcome::Refused { code: error.code }),
            // Taken, but the status could not be read again: as much as a completed typing.
            ApplyVerdict::DepositedStatusUnknown { .. } => Some(Outcome::Completed),
            ApplyVerdict::AlreadyActivated { .. }
            | ApplyVerdict::IidChanged { .. }
            | ApplyVerdict::ProductNotFound { .. } => None,
        }
    }

    /// `completed`, `activated`, `not_activated`, `refused`: the word scripts and CSV use.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Activated => "activated",
            Outcome::NotActivated { .. } => "not_activated",
            Outcome::Refused { .. } => "refused",
        }
    }
}

/// One activation: the pair of IDs is what makes it one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activation {
    /// When, as ISO 8601 UTC (`2026-11-29T01:16:18Z`).
    pub recorded_at: String,
    /// The product's name, when it is known.
    #[serde(default)]
    pub product: String,
    /// The product's Activation ID, when it is known (read from this PC).
    #[serde(default)]
    pub activation_id: String,
    /// Digits.
    pub installation_id: String,
    /// Digits.
    pub confirmation_id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Fields of this entry that this version does not know (a newer version's), written back
    /// unchanged.
    #[serde(skip)]
    pub extra: Map<String, Value>,
}

impl Activation {
    /// This pair of IDs and what came of it, at `now`; the product is unknown until
    /// [`Activation::of_product`] says it.
    pub fn of(
        now: SystemTime,
        installation_id: &InstallationId,
        confirmation_id: &ConfirmationId,
        outcome: Outcome,
    ) -> Activation {
        Activation {
            recorded_at: date::timestamp(now),
            product: String::new(),
            activation_id: String::new(),
            installation_id: installation_id.digits().to_string(),
            confirmation_id: confirmation_id.digits().to_string(),
            outcome,
            extra: Map::new(),
        }
    }

    /// The same activation, of this product: its name as Windows gives it and its Activation
    /// ID, as far as they are known.
    pub fn of_product(mut self, name: Option<&str>, activation_id: Option<&str>) -> Activation {
        self.product = name.unwrap_or_default().to_string();
        self.activation_id = activation_id.unwrap_or_default().to_string();
        self
    }

    /// The activation a deposit on this PC came to, with the product as Windows named it;
    /// `None` when nothing was deposited.
    pub fn of_deposit(
        now: SystemTime,
        verdict: &ApplyVerdict,
        installation_id: &InstallationId,
        confirmation_id: &ConfirmationId,
    ) -> Option<Activation> {
        let outcome = Outcome::of(verdict)?;
        let product = verdict.product();
        Some(
            Activation::of(now, installation_id, confirmation_id, outcome).of_product(
                product.and_then(|p| p.short_name()),
                product.map(|p| p.activation_id.as_str()),
            ),
        )
    }

    /// `2026-11-29`.
    pub fn date(&self) -> &str {
        self.recorded_at.get(..10).unwrap_or(&self.recorded_at)
    }

    /// Whether both IDs are whole and every group and block checks out: what an entry from
    /// another file must be to be taken in.
    pub fn is_sound(&self) -> bool {
        self.id_problem().is_none()
    }

    fn id_problem(&self) -> Option<LeftOutReason> {
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        if !(digits(&self.installation_id)
            && InstallationId::from_typed(&self.installation_id).is_valid())
        {
            Some(LeftOutReason::BadInstallationId)
        } else if !(digits(&self.confirmation_id)
            && ConfirmationId::from_typed(&self.confirmation_id).is_valid())
        {
            Some(LeftOutReason::BadConfirmationId)
        } else {
            None
        }
    }

    fn pair(&self) -> (String, String) {
        (self.installation_id.clone(), self.confirmation_id.clone())
    }

    /// The entry as it is kept in the file: its fields, then those this version does not know.
    fn to_value(&self) -> Value {
        let mut value = serde_json::to_value(self).expect("an activation always serialises");
        if let Value::Object(fields) = &mut value {
            for (name, extra) in &self.extra {
                fields.entry(name.clone()).or_insert_with(|| extra.clone());
            }
        }
        value
    }

    /// An entry as a file holds it; the fields this version does not know go to `extra`.
    fn from_value(value: &Value) -> Result<Activation, LeftOutReason> {
        let Value::Object(fields) = value else {
            return Err(LeftOutReason::NotAnEntry);
        };
        let mut activation = Activation::deserialize(value).map_err(|_| {
            match fields.get("verdict").and_then(Value::as_str) {
                Some(verdict) if !KNOWN_VERDICTS.contains(&verdict) => {
                    LeftOutReason::UnknownVerdict(shortened(verdict))
                }
                _ => LeftOutReason::NotAnEntry,
            }
        })?;
        let known = serde_json::to_value(&activation).expect("an activation always serialises");
        activation.extra = fields
            .iter()
            .filter(|(name, _)| known.get(name.as_str()).is_none())
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect();
        Ok(activation)
    }
}

const KNOWN_VERDICTS: [&str; 4] = ["completed", "activated", "not_activated", "refused"];

/// At most 40 characters of a text from a file, for a message.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
    }
}

/// A change to the record, applied to what is on disk by [`RecordStore::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordChange {
    /// See [`ActivationRecord::add`].
    Add(Activation),
    /// The entry for this pair of IDs goes (the user removed it).
    Remove {
        installation_id: String,
        confirmation_id: String,
    },
}

/// Every activation kept, newest first, and the entries this version does not understand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivationRecord {
    pub activations: Vec<Activation>,
    /// Entries this version does not understand (a newer version's verdict, a malformed
    /// object, a time that is not one): kept as they are and written back unchanged, never
    /// shown, never offered.
    pub unknown: Vec<Value>,
}

/// Where each pair of IDs is in a record, for many adds in a row.
type Index = HashMap<(String, String), usize>;

impl ActivationRecord {
    /// Adds an activation. The same pair of IDs is one entry: it keeps the outcome that says
    /// most (an activation over a refusal over a completed typing), and the later date of two
    /// equal ones. Returns whether anything changed.
    pub fn add(&mut self, activation: Activation) -> bool {
        let mut index = self.index();
        let changed = self.add_indexed(&mut index, activation);
        if changed {
            self.sort();
        }
        changed
    }

    fn index(&self) -> Index {
        self.activations
            .iter()
            .enumerate()
            .map(|(at, a)| (a.pair(), at))
            .collect()
    }

    /// [`ActivationRecord::add`], leaving the order to the caller.
    fn add_indexed(&mut self, index: &mut Index, activation: Activation) -> bool {
        match index.get(&activation.pair()) {
            Some(&at) => {
                let kept = &mut self.activations[at];
                let says_more = activation.outcome.weight() > kept.outcome.weight();
                let newer_news = activation.outcome.weight() == kept.outcome.weight()
                    && activation.recorded_at > kept.recorded_at;
                if !(says_more || newer_news) {
                    return false;
                }
                let earlier = std::mem::replace(kept, activation);
                // What the earlier entry knew about the product is not lost.
                if kept.product.is_empty() {
                    kept.product = earlier.product;
                }
                if kept.activation_id.is_empty() {
                    kept.activation_id = earlier.activation_id;
                }
                for (name, value) in earlier.extra {
                    kept.extra.entry(name).or_insert(value);
                }
            }
            None => {
                index.insert(activation.pair(), self.activations.len());
                self.activations.push(activation);
            }
        }
        true
    }

    /// Applies the changes in order; returns how many changed something.
    pub fn apply(&mut self, changes: &[RecordChange]) -> usize {
        let mut index = self.index();
        let mut changed = 0;
        for change in changes {
            let did = match change {
                RecordChange::Add(activation) => self.add_indexed(&mut index, activation.clone()),
                RecordChange::Remove {
                    installation_id,
                    confirmation_id,
                } => {
                    let removed = self.remove(installation_id, confirmation_id);
                    if removed {
                        index = self.index();
                    }
                    removed
                }
            };
            changed += usize::from(did);
        }
        if changed > 0 {
            self.sort();
        }
        changed
    }

    /// Takes in the sound entries of another record (see [`ActivationRecord::add`]); returns
    /// how many were added or told more, and how many were not sound and left out.
    pub fn merge(&mut self, other: ActivationRecord) -> Merged {
        let mut merged = Merged::default();
        let mut index = self.index();
        for activation in other.activations {
            if !activation.is_sound() {
                merged.left_out += 1;
            } else if self.add_indexed(&mut index, activation) {
                merged.added += 1;
            }
        }
        self.sort();
        merged
    }

    /// Removes the entry for this pair of IDs; returns whether there was one.
    pub fn remove(&mut self, installation_id: &str, confirmation_id: &str) -> bool {
        let before = self.activations.len();
        self.activations.retain(|a| {
            !(a.installation_id == installation_id && a.confirmation_id == confirmation_id)
        });
        self.activations.len() != before
    }

    /// The newest entry for exactly this Installation ID: the Confirmation ID that went with
    /// it may fit again (same key, same hardware).
    pub fn for_installation_id(&self, installation_id: &InstallationId) -> Option<&Activation> {
        self.activations
            .iter()
            .find(|a| a.installation_id == installation_id.digits())
    }

    fn sort(&mut self) {
        self.activations
            .sort_by(|a, b| b.recorded_at.cmp(&a.recorded_at));
    }

    /// The record as JSON, as it is kept: one object per activation, newest first, then the
    /// entries this version does not understand, as they were.
    pub fn to_json(&self) -> String {
        let mut entries: Vec<Value> = self.activations.iter().map(Activation::to_value).collect();
        entries.extend(self.unknown.iter().cloned());
        serde_json::to_string_pretty(&entries).expect("a record always serialises")
    }

    /// The activations as JSON, newest first, without the entries this version does not
    /// understand: what `history --json` prints.
    pub fn shown_json(&self) -> String {
        let entries: Vec<Value> = self.activations.iter().map(Activation::to_value).collect();
        serde_json::to_string_pretty(&entries).expect("a record always serialises")
    }

    /// The record's file: a JSON array, each element an activation or kept as it is. `None`
    /// when it is not a JSON array at all.
    fn from_file(text: &str) -> Option<ActivationRecord> {
        let entries: Vec<Value> = serde_json::from_str(text).ok()?;
        let mut record = ActivationRecord::default();
        for entry in entries {
            // A time that is not one would sort first forever and be offered: kept unshown.
            match Activation::from_value(&entry) {
                Ok(activation) if date::parse_rfc3339(&activation.recorded_at).is_some() => {
                    record.activations.push(activation)
                }
                _ => record.unknown.push(entry),
            }
        }
        record.sort();
        Some(record)
    }
}

/// What an import can take in, and what it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    pub record: ActivationRecord,
    pub left_out: Vec<LeftOut>,
}

/// An entry of a file to import that is not taken in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub place: Place,
    pub why: LeftOutReason,
}

/// Where in the file: a CSV's line (the header is line 1), a JSON array's entry (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Line(u64),
    Entry(usize),
}

/// Why an entry of a file to import is not taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOutReason {
    /// A verdict this version does not know (a newer version's); its first characters.
    UnknownVerdict(String),
    /// Not an activation at all (a JSON value of another shape, a CSV row with no verdict).
    NotAnEntry,
    /// The code of a refusal (hexadecimal HRESULT) or a status (a number) is not one.
    BadCode(String),
    /// An ID that a spreadsheet has turned into a number (`4.89126E+62`): its digits are gone.
    IdMadeANumber,
    /// The Installation ID is of the wrong length, holds more than digits, or a group's check
    /// digit is wrong.
    BadInstallationId,
    /// The same for the Confirmation ID.
    BadConfirmationId,
    /// `recorded_at` is not an RFC 3339 time, or later than a day ahead; its first characters.
    Time(TimeProblem, String),
    /// The product name is longer than [`MAX_PRODUCT_CHARS`].
    ProductTooLong { chars: usize },
    /// The Activation ID is longer than [`MAX_ACTIVATION_ID_CHARS`].
    ActivationIdTooLong,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
    const CID: &str = "426296483130829081394993064403777482905722580616";

    fn at(seconds: u64, outcome: Outcome) -> Activation {
        Activation::of(
            UNIX_EPOCH + Duration::from_secs(seconds),
            &InstallationId::from_typed(IID),
            &ConfirmationId::from_typed(CID),
            outcome,
        )
        .of_product(Some("Windows(R), Professional edition"), None)
    }

    #[test]
    fn one_pair_of_ids_is_one_entry_keeping_what_says_most() {
        let mut record = ActivationRecord::default();
        assert!(record.add(at(100, Outcome::Completed)));
        assert!(
            record.add(at(200, Outcome::Activated)),
            "an activation says more"
        );
        assert!(
            !record.add(at(300, Outcome::Completed)),
            "a later typing of the same pair says less"
        );
        assert_eq!(record.activations.len(), 1);
        assert_eq!(record.activations[0].outcome, Outcome::Activated);
        assert_eq!(record.activations[0].date(), "1970-01-01");
    }

    #[test]
    fn csv_and_json_read_back_the_same_record() {
        let mut record = ActivationRecord::default();
        record.add(at(100, Outcome::Refused { code: 0xC004_F031 }));
        let mut other = at(200, Outcome::NotActivated { license_status: 5 });
        other.confirmation_id = CID.replace("426296", "154814");
        other.product = "Office, \"Pro\" edition".into();
        record.add(other);
        for text in [record.to_json(), record.to_csv()] {
            assert_eq!(ActivationRecord::parse(&text), Ok(record.clone()), "{text}");
        }
        assert_eq!(
            ActivationRecord::parse("name,age\nx,1\n"),
            Err(RecordError::NotARecord)
        );
    }
}
