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
//! pruned: an entry goes only when the user removes it. A file that cannot be read is moved
//! aside, like the session's.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::date;
use crate::id::{ConfirmationId, InstallationId};
use crate::licensing::ApplyVerdict;
use crate::storage;

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
}

impl Activation {
    pub fn new(
        now: SystemTime,
        product: Option<&str>,
        activation_id: Option<&str>,
        installation_id: &InstallationId,
        confirmation_id: &ConfirmationId,
        outcome: Outcome,
    ) -> Activation {
        Activation {
            recorded_at: date::timestamp(now),
            product: product.unwrap_or_default().to_string(),
            activation_id: activation_id.unwrap_or_default().to_string(),
            installation_id: installation_id.digits().to_string(),
            confirmation_id: confirmation_id.digits().to_string(),
            outcome,
        }
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
        Some(Activation::new(
            now,
            product.and_then(|p| p.short_name()),
            product.map(|p| p.activation_id.as_str()),
            installation_id,
            confirmation_id,
            outcome,
        ))
    }

    /// `2026-11-29`.
    pub fn date(&self) -> &str {
        self.recorded_at.get(..10).unwrap_or(&self.recorded_at)
    }

    /// Whether both IDs are whole and every group and block checks out: what an entry from
    /// another file must be to be taken in.
    pub fn is_sound(&self) -> bool {
        let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
        digits(&self.installation_id)
            && digits(&self.confirmation_id)
            && InstallationId::from_typed(&self.installation_id).is_valid()
            && ConfirmationId::from_typed(&self.confirmation_id).is_valid()
    }

    fn same_pair(&self, other: &Activation) -> bool {
        self.installation_id == other.installation_id
            && self.confirmation_id == other.confirmation_id
    }
}

/// Every activation kept, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationRecord {
    pub activations: Vec<Activation>,
}

impl ActivationRecord {
    /// Adds an activation. The same pair of IDs is one entry: it keeps the outcome that says
    /// most (an activation over a refusal over a completed typing), and the later date of two
    /// equal ones. Returns whether anything changed.
    pub fn add(&mut self, activation: Activation) -> bool {
        let changed = self.add_unsorted(activation);
        if changed {
            self.sort();
        }
        changed
    }

    /// [`ActivationRecord::add`], leaving the order to the caller.
    fn add_unsorted(&mut self, activation: Activation) -> bool {
        match self
            .activations
            .iter_mut()
            .find(|a| a.same_pair(&activation))
        {
            Some(kept) => {
                let says_more = activation.outcome.weight() > kept.outcome.weight();
                let newer_news = activation.outcome.weight() == kept.outcome.weight()
                    && activation.recorded_at > kept.recorded_at;
                if !(says_more || newer_news) {
                    return false;
                }
                let product = std::mem::take(&mut kept.product);
                let activation_id = std::mem::take(&mut kept.activation_id);
                *kept = activation;
                // What the earlier entry knew about the product is not lost.
                if kept.product.is_empty() {
                    kept.product = product;
                }
                if kept.activation_id.is_empty() {
                    kept.activation_id = activation_id;
                }
            }
            None => self.activations.push(activation),
        }
        true
    }

    /// Takes in the sound entries of another record (see [`ActivationRecord::add`]); returns
    /// how many were added or told more, and how many were not sound and left out.
    pub fn merge(&mut self, other: ActivationRecord) -> Merged {
        let mut merged = Merged::default();
        for activation in other.activations {
            if !activation.is_sound() {
                merged.left_out += 1;
            } else if self.add_unsorted(activation) {
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

    /// The record as JSON, one object per activation, newest first.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.activations).expect("a record always serialises")
    }

    /// The record as CSV (RFC 4180, a header line, newest first), for a spreadsheet.
    pub fn to_csv(&self) -> String {
        let mut csv = String::from(CSV_HEADER);
        csv.push_str("\r\n");
        for a in &self.activations {
            let code = match a.outcome {
                Outcome::Refused { code } => format!("0x{code:08X}"),
                Outcome::NotActivated { license_status } => license_status.to_string(),
                _ => String::new(),
            };
            let fields = [
                a.recorded_at.as_str(),
                &a.product,
                &a.activation_id,
                &a.installation_id,
                &a.confirmation_id,
                a.outcome.code(),
                &code,
            ];
            let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            csv.push_str(&quoted.join(","));
            csv.push_str("\r\n");
        }
        csv
    }

    /// A record written by [`ActivationRecord::to_json`] or [`ActivationRecord::to_csv`].
    pub fn parse(text: &str) -> Result<ActivationRecord, RecordError> {
        let text = text.trim_start_matches('\u{FEFF}');
        let activations = if text.trim_start().starts_with('[') {
            serde_json::from_str(text).map_err(|_| RecordError::NotARecord)?
        } else {
            parse_csv(text)?
        };
        let mut record = ActivationRecord { activations };
        record.sort();
        Ok(record)
    }
}

const CSV_HEADER: &str =
    "recorded_at,product,activation_id,installation_id,confirmation_id,verdict,code";

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The fields of each CSV record (quotes, doubled quotes and line breaks inside quotes).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn parse_csv(text: &str) -> Result<Vec<Activation>, RecordError> {
    let mut rows = csv_rows(text).into_iter();
    let header = rows.next().ok_or(RecordError::NotARecord)?;
    if header.join(",") != CSV_HEADER {
        return Err(RecordError::NotARecord);
    }
    rows.filter(|row| row.iter().any(|f| !f.is_empty()))
        .map(|row| {
            let [at, product, activation_id, iid, cid, verdict, code] =
                <[String; 7]>::try_from(row).map_err(|_| RecordError::NotARecord)?;
            let number = |code: &str| {
                let hex = code
                    .trim()
                    .trim_start_matches("0x")
                    .trim_start_matches("0X");
                u32::from_str_radix(hex, 16).map_err(|_| RecordError::NotARecord)
            };
            let outcome = match verdict.as_str() {
                "completed" => Outcome::Completed,
                "activated" => Outcome::Activated,
                "refused" => Outcome::Refused {
                    code: number(&code)?,
                },
                "not_activated" => Outcome::NotActivated {
                    license_status: code.trim().parse().map_err(|_| RecordError::NotARecord)?,
                },
                _ => return Err(RecordError::NotARecord),
            };
            Ok(Activation {
                recorded_at: at,
                product,
                activation_id,
                installation_id: iid,
                confirmation_id: cid,
                outcome,
            })
        })
        .collect()
}

/// Why the record, or a file of one, could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The record could not be read; it was moved aside to `kept_as` (when that worked), and a
    /// new one is started.
    Corrupt { kept_as: Option<PathBuf> },
    /// A file could not be written (the OS's reason).
    Unwritable { path: PathBuf, reason: String },
    /// A file to import could not be read (the OS's reason).
    Unreadable { path: PathBuf, reason: String },
    /// A file to import is neither a record's JSON nor its CSV.
    NotARecord,
}

/// Where the record lives: `activations.json` in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordStore {
    path: PathBuf,
}

/// What a merge did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: usize,
    pub left_out: usize,
}

impl RecordStore {
    pub const FILE_NAME: &'static str = "activations.json";

    pub fn in_dir(dir: impl Into<PathBuf>) -> RecordStore {
        RecordStore {
            path: dir.into().join(Self::FILE_NAME),
        }
    }

    pub fn default_location() -> RecordStore {
        RecordStore::in_dir(storage::data_dir())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The record; a missing file is an empty record, an unreadable one is moved aside (a
    /// file saved again by an editor, with a byte-order mark or as UTF-16, still reads).
    pub fn load(&self) -> Result<ActivationRecord, RecordError> {
        match storage::read_text(&self.path) {
            Ok(None) => Ok(ActivationRecord::default()),
            Ok(Some(text)) => serde_json::from_str(&text)
                .map(|activations| {
                    let mut record = ActivationRecord { activations };
                    record.sort();
                    record
                })
                .map_err(|_| RecordError::Corrupt {
                    kept_as: storage::set_aside(&self.path),
                }),
            Err(_) => Err(RecordError::Corrupt { kept_as: None }),
        }
    }

    /// Writes the record atomically (see `storage`).
    pub fn save(&self, record: &ActivationRecord) -> Result<(), RecordError> {
        write(&self.path, record.to_json().as_bytes())
    }

    /// Reads, adds, writes: the one step every new activation takes. An unreadable record is
    /// moved aside first (the error says so), and the activation starts a new one.
    pub fn add(&self, activation: Activation) -> Result<ActivationRecord, RecordError> {
        // A new record only when the old file was really moved aside: one that could not be
        // read, or not moved, is never written over.
        let (mut record, moved_aside) = match self.load() {
            Ok(record) => (record, None),
            Err(error @ RecordError::Corrupt { kept_as: Some(_) }) => {
                (ActivationRecord::default(), Some(error))
            }
            Err(error) => return Err(error),
        };
        if record.add(activation) {
            self.save(&record)?;
        }
        match moved_aside {
            Some(error) => Err(error),
            None => Ok(record),
        }
    }
}

/// Writes a file atomically, as the record or an export.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    storage::write_atomically(path, bytes).map_err(|error| RecordError::Unwritable {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })
}

/// The record in a file to import: JSON, or CSV, any encoding Windows writes.
pub fn read_file(path: &Path) -> Result<ActivationRecord, RecordError> {
    let bytes = std::fs::read(path).map_err(|error| RecordError::Unreadable {
        path: path.to_path_buf(),
        reason: error.to_string(),
    })?;
    ActivationRecord::parse(&crate::decode::text(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
    const CID: &str = "426296483130829081394993064403777482905722580616";

    fn at(seconds: u64, outcome: Outcome) -> Activation {
        Activation::new(
            UNIX_EPOCH + Duration::from_secs(seconds),
            Some("Windows(R), Professional edition"),
            None,
            &InstallationId::from_typed(IID),
            &ConfirmationId::from_typed(CID),
            outcome,
        )
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
