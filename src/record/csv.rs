//! The record as CSV, for a spreadsheet: written by this app, and read back as this app or a
//! spreadsheet (Excel, LibreOffice, a European `;`, Excel's "Unicode text") saved it.

use std::time::SystemTime;

use serde_json::Map;

use super::{
    Activation, ActivationRecord, Imported, LeftOut, LeftOutReason, Outcome, Place, RecordError,
    shortened,
};
use crate::id::{ConfirmationId, InstallationId};

impl ActivationRecord {
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
        writer
            .write_record(COLUMNS.iter().map(|column| column.name))
            .expect(fail);
        for activation in &self.activations {
            writer
                .write_record(COLUMNS.iter().map(|column| (column.write)(activation)))
                .expect(fail);
        }
        let bytes = writer.into_inner().expect(fail);
        String::from_utf8(bytes).expect("the cells are text")
    }
}

/// A row as read, cell by cell (each as it was, less [`inert`]'s apostrophe), before it is
/// checked and made an activation (see [`csv_activation`]).
#[derive(Default)]
struct Row<'a> {
    recorded_at: &'a str,
    product: &'a str,
    activation_id: &'a str,
    installation_id: &'a str,
    confirmation_id: &'a str,
    verdict: &'a str,
    code: &'a str,
}

/// One column of the CSV: its name in the header, whether a file without it is no record,
/// how an activation writes its cell, and where a row's cell goes. The one table the header,
/// every row written and every row read come from.
struct Column {
    name: &'static str,
    required: bool,
    write: fn(&Activation) -> String,
    read: for<'a> fn(&mut Row<'a>, &'a str),
}

/// The CSV's columns, in the order this app writes them (a reader takes them in any order).
const COLUMNS: [Column; 7] = [
    Column {
        name: "recorded_at",
        required: true,
        write: |a| inert(&a.recorded_at),
        read: |row, cell| row.recorded_at = cell,
    },
    Column {
        name: "product",
        required: false,
        write: |a| inert(&a.product),
        read: |row, cell| row.product = cell,
    },
    Column {
        name: "activation_id",
        required: false,
        write: |a| inert(&a.activation_id),
        read: |row, cell| row.activation_id = cell,
    },
    Column {
        name: "installation_id",
        required: true,
        write: |a| InstallationId::from_typed(&a.installation_id).grouped("-"),
        read: |row, cell| row.installation_id = cell,
    },
    Column {
        name: "confirmation_id",
        required: true,
        write: |a| ConfirmationId::from_typed(&a.confirmation_id).grouped("-"),
        read: |row, cell| row.confirmation_id = cell,
    },
    Column {
        name: "verdict",
        required: true,
        write: |a| a.outcome.code().to_string(),
        read: |row, cell| row.verdict = cell,
    },
    Column {
        name: "code",
        required: false,
        write: |a| match a.outcome {
            Outcome::Refused { code } => format!("0x{code:08X}"),
            Outcome::NotActivated { license_status } => license_status.to_string(),
            _ => String::new(),
        },
        read: |row, cell| row.code = cell,
    },
];

/// The CSV's column names, in the order this app writes them.
pub fn csv_columns() -> impl Iterator<Item = &'static str> {
    COLUMNS.iter().map(|column| column.name)
}

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
pub(super) fn import_csv(text: &str, now: SystemTime) -> Result<Imported, RecordError> {
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
    // Where each of the table's columns stands in this file (`None`: not in it).
    let places: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|column| names.iter().position(|n| *n == column_name(column.name)))
        .collect();
    if COLUMNS
        .iter()
        .zip(&places)
        .any(|(column, place)| column.required && place.is_none())
    {
        return Err(RecordError::NotARecord);
    }
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
                let mut cells = Row::default();
                for (column, place) in COLUMNS.iter().zip(&places) {
                    let cell = place.and_then(|i| row.get(i)).map_or("", uninert);
                    (column.read)(&mut cells, cell);
                }
                csv_activation(&cells, now)
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

/// One row's activation: its verdict first, then its IDs, then its time and names.
fn csv_activation(row: &Row<'_>, now: SystemTime) -> Result<Activation, LeftOutReason> {
    let Row {
        recorded_at: at,
        product,
        activation_id,
        installation_id: iid,
        confirmation_id: cid,
        verdict,
        code,
    } = *row;
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
