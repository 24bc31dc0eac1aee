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
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::date::{self, TimeProblem};
use crate::decode;
use crate::id::{ConfirmationId, InstallationId};
use crate::licensing::ApplyVerdict;
use crate::storage::{self, IoReason};

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
            extra: Map::new(),
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

    /// Why an entry from another file is not taken in: its IDs, its time (normalised to UTC
    /// here when it is taken), the length of its names.
    fn check_imported(&mut self, now: SystemTime) -> Result<(), LeftOutReason> {
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

    /// The record as CSV for a spreadsheet (RFC 4180, a header line, newest first). The IDs
    /// are written grouped (`4891263-4325701-...`), which every spreadsheet keeps as text (a
    /// run of 63 digits becomes `4.89126E+62`), and a cell that a spreadsheet would run as a
    /// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) starts with an
    /// apostrophe, as OWASP advises; so does one that starts with an apostrophe, so reading
    /// it back takes exactly one away. The entries this version does not understand have no
    /// columns and are not in it.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let fail = "a CSV in memory is always written";
        writer.write_record(CSV_COLUMNS).expect(fail);
        for a in &self.activations {
            let code = match a.outcome {
                Outcome::Refused { code } => format!("0x{code:08X}"),
                Outcome::NotActivated { license_status } => license_status.to_string(),
                _ => String::new(),
            };
            writer
                .write_record([
                    inert(&a.recorded_at),
                    inert(&a.product),
                    inert(&a.activation_id),
                    InstallationId::from_typed(&a.installation_id).grouped("-"),
                    ConfirmationId::from_typed(&a.confirmation_id).grouped("-"),
                    a.outcome.code().to_string(),
                    code,
                ])
                .expect(fail);
        }
        let bytes = writer.into_inner().expect(fail);
        String::from_utf8(bytes).expect("the cells are text")
    }

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

/// The CSV's columns, in the order this app writes them (a reader takes them in any order).
pub const CSV_COLUMNS: [&str; 7] = [
    "recorded_at",
    "product",
    "activation_id",
    "installation_id",
    "confirmation_id",
    "verdict",
    "code",
];

/// A cell a spreadsheet will not run: see [`ActivationRecord::to_csv`].
fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A cell as written by [`inert`] (or typed with an apostrophe in front), as it was.
fn uninert(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// The separator of a CSV's header line: `,`, `;` (a European Excel) or a tab (Excel's
/// "Unicode text"), whichever it holds most of outside quotes.
fn sniff_separator(text: &str) -> u8 {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for c in text.chars() {
        match c {
            '\n' if !quoted => break,
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let most = counts.iter().max().copied().unwrap_or(0);
    match counts.iter().position(|&n| n == most && n > 0) {
        Some(1) => b';',
        Some(2) => b'\t',
        _ => b',',
    }
}

/// The text with the spaces between a separator and a quoted cell taken out (`a, "b, c"`):
/// the `csv` crate reads a quote only at the very start of a cell.
fn spaces_before_quotes_removed(text: &str, separator: char) -> String {
    #[derive(PartialEq)]
    enum At {
        CellStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut out = String::with_capacity(text.len());
    let (mut at, mut spaces) = (At::CellStart, String::new());
    for c in text.chars() {
        let ends_cell = c == separator || c == '\n';
        at = match at {
            At::CellStart if c == ' ' || (c == '\t' && separator != '\t') => {
                spaces.push(c);
                continue;
            }
            At::CellStart if c == '"' => {
                spaces.clear();
                At::Quoted
            }
            At::CellStart | At::Unquoted => {
                out.push_str(&spaces);
                spaces.clear();
                if ends_cell {
                    At::CellStart
                } else {
                    At::Unquoted
                }
            }
            At::Quoted if c == '"' => At::QuoteInQuoted,
            At::Quoted => At::Quoted,
            At::QuoteInQuoted if c == '"' => At::Quoted,
            At::QuoteInQuoted if ends_cell => At::CellStart,
            At::QuoteInQuoted => At::Unquoted,
        };
        out.push(c);
    }
    out.push_str(&spaces);
    out
}

/// A header cell as a name: `Installation ID`, `installation_id` and `INSTALLATION-ID` are one.
fn column_name(cell: &str) -> String {
    cell.trim_start_matches('\u{FEFF}')
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The digits of an ID cell, however a spreadsheet saved it: grouped with dashes or spaces,
/// `="..."` (Excel's text formula), quoted, or after an apostrophe.
fn id_cell(cell: &str, kind: IdColumn) -> Result<String, LeftOutReason> {
    let mut text = cell.trim();
    if let Some(inner) = text.strip_prefix("=\"").and_then(|t| t.strip_suffix('"')) {
        text = inner;
    }
    text = text.trim_matches('"').trim_start_matches('\'').trim();
    let bad = match kind {
        IdColumn::Installation => LeftOutReason::BadInstallationId,
        IdColumn::Confirmation => LeftOutReason::BadConfirmationId,
    };
    if text.contains(['E', 'e', '.', ',']) && text.bytes().any(|b| b.is_ascii_digit()) {
        return Err(LeftOutReason::IdMadeANumber);
    }
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '\u{A0}'))
    {
        return Err(bad);
    }
    Ok(text.chars().filter(char::is_ascii_digit).collect())
}

#[derive(Clone, Copy)]
enum IdColumn {
    Installation,
    Confirmation,
}

/// Every row of a CSV that can be taken in, and the others with their line and why.
fn import_csv(text: &str, now: SystemTime) -> Result<Imported, RecordError> {
    let separator = sniff_separator(text);
    let text = spaces_before_quotes_removed(text, char::from(separator));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(Ok(header)) => header,
        _ => return Err(RecordError::NotARecord),
    };
    let names: Vec<String> = header.iter().map(column_name).collect();
    let column = |name: &str| names.iter().position(|n| *n == column_name(name));
    let (Some(at), Some(iid), Some(cid), Some(verdict)) = (
        column("recorded_at"),
        column("installation_id"),
        column("confirmation_id"),
        column("verdict"),
    ) else {
        return Err(RecordError::NotARecord);
    };
    let (product, activation_id, code) =
        (column("product"), column("activation_id"), column("code"));
    let mut imported = Imported::default();
    // Lines counted here from each row's first byte (the line ends inside quoted cells too).
    let (mut counted_to, mut line) = (0usize, 1u64);
    for row in rows {
        let start = match &row {
            Ok(row) => row.position().map(csv::Position::byte),
            Err(error) => error.position().map(csv::Position::byte),
        };
        if let Some(start) = start.and_then(|b| usize::try_from(b).ok()) {
            // After a CRLF, a row's position is that of its LF.
            let start = start + usize::from(text.as_bytes().get(start) == Some(&b'\n'));
            let start = start.min(text.len()).max(counted_to);
            line += text.as_bytes()[counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            counted_to = start;
        }
        let taken = match row {
            Err(_) => Err(LeftOutReason::NotAnEntry),
            Ok(row) if row.iter().all(str::is_empty) => continue,
            Ok(row) => {
                let cell = |at: Option<usize>| at.and_then(|i| row.get(i)).map_or("", uninert);
                csv_activation(
                    [
                        cell(Some(at)),
                        cell(product),
                        cell(activation_id),
                        cell(Some(iid)),
                        cell(Some(cid)),
                        cell(Some(verdict)),
                        cell(code),
                    ],
                    now,
                )
            }
        };
        match taken {
            Ok(activation) => imported.record.activations.push(activation),
            Err(why) => imported.left_out.push(LeftOut {
                place: Place::Line(line),
                why,
            }),
        }
    }
    Ok(imported)
}

/// One row's activation, its cells in [`CSV_COLUMNS`] order.
fn csv_activation(cells: [&str; 7], now: SystemTime) -> Result<Activation, LeftOutReason> {
    let [at, product, activation_id, iid, cid, verdict, code] = cells;
    let bad_code = || LeftOutReason::BadCode(shortened(code));
    let outcome = match verdict.to_ascii_lowercase().as_str() {
        "completed" => Outcome::Completed,
        "activated" => Outcome::Activated,
        "refused" => {
            let hex = code.trim_start_matches("0x").trim_start_matches("0X");
            Outcome::Refused {
                code: u32::from_str_radix(hex, 16).map_err(|_| bad_code())?,
            }
        }
        "not_activated" => Outcome::NotActivated {
            license_status: code.parse().map_err(|_| bad_code())?,
        },
        "" => return Err(LeftOutReason::NotAnEntry),
        other => return Err(LeftOutReason::UnknownVerdict(shortened(other))),
    };
    let mut activation = Activation {
        recorded_at: at.to_string(),
        product: product.to_string(),
        activation_id: activation_id.to_string(),
        installation_id: id_cell(iid, IdColumn::Installation)?,
        confirmation_id: id_cell(cid, IdColumn::Confirmation)?,
        outcome,
        extra: Map::new(),
    };
    activation.check_imported(now)?;
    Ok(activation)
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

/// Why the record, or a file of one, could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The record could not be read. `kept_as`: where it was moved aside (by a write, which
    /// then starts a new record); `None`: it is left as it is.
    Corrupt { kept_as: Option<PathBuf> },
    /// A file could not be written (the OS's reason).
    Unwritable { path: PathBuf, reason: IoReason },
    /// A file could not be read (the OS's reason).
    Unreadable { path: PathBuf, reason: IoReason },
    /// A file to import is larger than `limit` bytes ([`MAX_IMPORT_BYTES`]); nothing was read.
    TooLarge { path: PathBuf, limit: u64 },
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

/// What [`RecordStore::apply`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The record as it now is on disk.
    pub record: ActivationRecord,
    /// How many of the changes changed something (an entry added, told more, or removed).
    pub changed: usize,
    /// Where this call moved a record that could not be read (not JSON) before starting a
    /// new one; `None` when it did not.
    pub kept_aside: Option<PathBuf>,
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

    /// The lock file every write holds: `activations.json.lock` beside the record.
    pub fn lock_path(&self) -> PathBuf {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        self.path.with_file_name(format!("{name}.lock"))
    }

    /// The record; a missing file is an empty record. A read never moves nor changes the
    /// file: one that cannot be read is `Corrupt { kept_as: None }` (the next
    /// [`RecordStore::apply`] moves it aside when it is not JSON). A file saved again by an
    /// editor, with a byte-order mark or as UTF-16, still reads.
    pub fn load(&self) -> Result<ActivationRecord, RecordError> {
        match storage::read_decoded(&self.path) {
            Ok(None) => Ok(ActivationRecord::default()),
            Ok(Some(decoded)) => ActivationRecord::from_file(&decoded.text)
                .ok_or(RecordError::Corrupt { kept_as: None }),
            Err(_) => Err(RecordError::Corrupt { kept_as: None }),
        }
    }

    fn lock(&self) -> Result<storage::Lock, RecordError> {
        let path = self.lock_path();
        storage::lock(&path).map_err(|error| RecordError::Unwritable {
            path,
            reason: IoReason::from(&error),
        })
    }

    /// The one way the record is written. Under the record's lock: reads what is on disk,
    /// applies the changes in order, and writes it back atomically when anything changed;
    /// returns the record as it now is on disk. A file that is not JSON is moved aside first
    /// and a new record started (`Applied::kept_aside` says where it went); one that cannot
    /// be read (the OS refuses) or moved aside is left alone, and nothing is written.
    pub fn apply(&self, changes: &[RecordChange]) -> Result<Applied, RecordError> {
        let _lock = self.lock()?;
        let (mut record, kept_aside) = match storage::read_decoded(&self.path) {
            Ok(None) => (ActivationRecord::default(), None),
            Ok(Some(decoded)) => match ActivationRecord::from_file(&decoded.text) {
                Some(record) => (record, None),
                None => match storage::set_aside(&self.path) {
                    Some(kept) => (ActivationRecord::default(), Some(kept)),
                    None => return Err(RecordError::Corrupt { kept_as: None }),
                },
            },
            Err(error) => {
                return Err(RecordError::Unreadable {
                    path: self.path.clone(),
                    reason: IoReason::from(&error),
                });
            }
        };
        let changed = record.apply(changes);
        if changed > 0 {
            write(&self.path, record.to_json().as_bytes())?;
        }
        Ok(Applied {
            record,
            changed,
            kept_aside,
        })
    }

    /// [`RecordStore::apply`] of one new activation. When a record that could not be read was
    /// moved aside for it, the error says so (the new record holds the activation).
    pub fn add(&self, activation: Activation) -> Result<ActivationRecord, RecordError> {
        let applied = self.apply(&[RecordChange::Add(activation)])?;
        match applied.kept_aside {
            Some(kept) => Err(RecordError::Corrupt {
                kept_as: Some(kept),
            }),
            None => Ok(applied.record),
        }
    }
}

/// Writes a file atomically (see `storage::write_atomically`).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    storage::write_atomically(path, bytes).map_err(|error| RecordError::Unwritable {
        path: path.to_path_buf(),
        reason: IoReason::from(&error),
    })
}

/// Writes an export where the user asked (see `storage::write_through`): a file is replaced
/// atomically, a device, a pipe or a symbolic link's target is written to.
pub fn export(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    storage::write_through(path, bytes).map_err(|error| RecordError::Unwritable {
        path: path.to_path_buf(),
        reason: IoReason::from(&error),
    })
}

/// The record in a file to import (JSON, or CSV, any encoding Windows writes), read only when
/// it is at most [`MAX_IMPORT_BYTES`]: what can be taken in, and what is left out and why.
pub fn read_file(path: &Path, now: SystemTime) -> Result<Imported, RecordError> {
    let bytes = match storage::read_at_most(path, MAX_IMPORT_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(RecordError::TooLarge {
                path: path.to_path_buf(),
                limit: MAX_IMPORT_BYTES,
            });
        }
        Err(error) => {
            return Err(RecordError::Unreadable {
                path: path.to_path_buf(),
                reason: IoReason::from(&error),
            });
        }
    };
    import_bytes(&bytes, now)
}

/// [`read_file`] of bytes already read (standard input, `history --import -`).
pub fn import_bytes(bytes: &[u8], now: SystemTime) -> Result<Imported, RecordError> {
    let text = decode::decode(bytes).text;
    ActivationRecord::import(&text, now)
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
