//! Reads Windows' own list of activation centers, `%SystemRoot%\System32\sppui\phone.inf`.
//!
//! The file is INF text: `[Version]` / `Signature = $Chicago$`, then `[IsoCodes]` rows
//!
//! ```text
//! JPN,,,%Japan%,0120-801-734,+81-3-6831-3460 %(Tokyo)%,%not_available%
//! ```
//!
//! (code, two empty fields, `%name key%`, toll-free numbers, toll numbers, an unused field), and a
//! `[Strings]` section. In Windows' real files the string values are not text but Windows
//! resource and GeoID references (`Japan = "122"`, `or = "%301%"`), so the parser recognises
//! `%or%` and `%not_available%` by their keys and only uses a value as display text when it is
//! text; otherwise the key itself (`(Moscow_Russia)` -> `Moscow Russia`) is shown.

use std::collections::HashMap;

use super::iso3::iso3_to_alpha2;
use super::{
    ActivationCenter, CenterNote, NumberKind, Origin, PhoneNumber, Source, SourceList,
    bundled_centers, by_iso, digits,
};

/// Why a file could not be read as a `phone.inf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneInfError {
    /// The file holds no text.
    Empty,
    /// No `[IsoCodes]` section: not a `phone.inf` (or not one this app understands).
    NotPhoneInf,
    /// The `[IsoCodes]` section is there but has no row with a code and number fields.
    NoCenters,
}

/// Parses a `phone.inf` (any encoding Windows uses), filling Japanese names and dial forms from
/// the bundled table. Rows come back in the file's order, marked [`Origin::ThisPc`].
pub fn parse_phone_inf(bytes: &[u8]) -> Result<Vec<ActivationCenter>, PhoneInfError> {
    parse_phone_inf_with(bytes, bundled_centers())
}

/// [`parse_phone_inf`] with another reference table for names and dial forms.
///
/// Codes are mapped to ISO alpha-2 (Microsoft's non-standard ROM, TMP, ANG... included); two
/// entries for one region (STT and VIR are both the U.S. Virgin Islands) become one row. A
/// number the reference row also lists (same digits) takes that row's checked dial and E.164
/// forms; a new number starting with `+` gets an E.164 form from its digits; any other new number
/// is shown as written, unchecked.
pub fn parse_phone_inf_with(
    bytes: &[u8],
    reference: &[ActivationCenter],
) -> Result<Vec<ActivationCenter>, PhoneInfError> {
    let text = crate::decode::text(bytes);
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\0')
        .is_empty()
    {
        return Err(PhoneInfError::Empty);
    }
    let file = InfFile::parse(&text);
    if !file.has_iso_codes {
        return Err(PhoneInfError::NotPhoneInf);
    }
    let entries: Vec<Entry> = file
        .iso_rows
        .iter()
        .filter_map(|fields| Entry::parse(fields, &file.strings))
        .collect();
    if entries.is_empty() {
        return Err(PhoneInfError::NoCenters);
    }

    // Group entries by region, keeping the file's order.
    let mut groups: Vec<(String, Vec<Entry>)> = Vec::new();
    for entry in entries {
        let iso = region_code(&entry.code, reference);
        match groups.iter_mut().find(|(g, _)| *g == iso) {
            Some((_, group)) => group.push(entry),
            None => groups.push((iso, vec![entry])),
        }
    }
    Ok(groups
        .into_iter()
        .map(|(iso, group)| build_center(iso, group, reference))
        .collect())
}

/// The two sections the parser needs.
struct InfFile {
    has_iso_codes: bool,
    iso_rows: Vec<Vec<String>>,
    /// Lowercased key -> value (INF keys are case-insensitive).
    strings: HashMap<String, String>,
}

impl InfFile {
    fn parse(text: &str) -> InfFile {
        #[derive(PartialEq)]
        enum Section {
            IsoCodes,
            Strings,
            Other,
        }
        let mut file = InfFile {
            has_iso_codes: false,
            iso_rows: Vec::new(),
            strings: HashMap::new(),
        };
        let mut section = Section::Other;
        for line in text.lines() {
            let line = strip_comment(line).trim();
            if line.is_empty() {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header.split(']').next().unwrap_or("").trim().to_lowercase();
                section = if name == "isocodes" {
                    file.has_iso_codes = true;
                    Section::IsoCodes
                } else if name == "strings" || name.starts_with("strings.") {
                    Section::Strings
                } else {
                    Section::Other
                };
                continue;
            }
            match section {
                Section::IsoCodes => file.iso_rows.push(split_fields(line)),
                Section::Strings => {
                    if let Some((key, value)) = line.split_once('=') {
                        let key = key.trim().to_lowercase();
                        if !key.is_empty() {
                            file.strings.insert(key, unquote(value.trim()));
                        }
                    }
                }
                Section::Other => {}
            }
        }
        file
    }
}

/// The line up to a `;` that is not inside double quotes.
fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Comma-separated fields; commas inside double quotes do not split.
fn split_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ',' if !quoted => fields.push(unquote(std::mem::take(&mut current).trim())),
            _ => current.push(c),
        }
    }
    fields.push(unquote(current.trim()));
    fields
}

/// `"text"` -> `text` (a doubled `""` inside stands for one quote).
fn unquote(value: &str) -> String {
    match value
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
    {
        Some(inner) => inner.replace("\"\"", "\""),
        None => value.to_owned(),
    }
}

/// One piece of a field: plain text or a `%key%` reference.
#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Text(&'a str),
    Token(&'a str),
}

fn segments(field: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = field;
    let mut text_start = 0;
    let mut pos = 0;
    // `text_start..pos` in `field` is pending text; `rest` is `field[pos..]`.
    while let Some(open) = rest.find('%') {
        let after = &rest[open + 1..];
        match after.find('%') {
            Some(close) if close > 0 && !after[..close].contains(char::is_whitespace) => {
                let key = &after[..close];
                let token_start = pos + open;
                if token_start > text_start {
                    out.push(Segment::Text(&field[text_start..token_start]));
                }
                out.push(Segment::Token(key));
                pos = token_start + 1 + close + 1;
                text_start = pos;
            }
            // A lone `%` (or `%%`, or `% ... %` around spaces) is text.
            _ => pos += open + 1,
        }
        rest = &field[pos..];
    }
    if field.len() > text_start {
        out.push(Segment::Text(&field[text_start..]));
    }
    out
}

fn is_key(key: &str, name: &str) -> bool {
    key.eq_ignore_ascii_case(name)
}

/// What a `%key%` shows: the `[Strings]` value when it is text, else the key itself; surrounding
/// parentheses dropped and underscores turned into spaces.
fn display(key: &str, strings: &HashMap<String, String>) -> String {
    let value = strings.get(&key.to_lowercase()).map(|v| v.trim());
    // A GeoID (`122`) or a resource reference (`%353%`, `%ITFS%`) is not text to show.
    let is_text = |v: &&str| {
        v.chars().any(char::is_alphabetic)
            && !(v.len() > 1 && v.starts_with('%') && v.ends_with('%'))
    };
    let shown = value.filter(is_text).unwrap_or(key);
    let shown = shown
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(shown);
    shown.replace('_', " ").trim().to_owned()
}

/// A number as written, with the annotations that followed it.
#[derive(Debug, Clone, PartialEq)]
struct WrittenNumber {
    written: String,
    annotations: Vec<String>,
}

/// One `[IsoCodes]` row.
#[derive(Debug)]
struct Entry {
    code: String,
    name_key: String,
    name: String,
    toll_free: Vec<WrittenNumber>,
    toll: Vec<WrittenNumber>,
}

impl Entry {
    fn parse(fields: &[String], strings: &HashMap<String, String>) -> Option<Entry> {
        let [code, _, _, name, toll_free, toll, ..] = fields else {
            return None;
        };
        let code = code.trim().to_uppercase();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let name_key = match segments(name).as_slice() {
            [Segment::Token(key)] => (*key).to_owned(),
            _ => String::new(),
        };
        let name = if name_key.is_empty() {
            name.trim().to_owned()
        } else {
            display(&name_key, strings)
        };
        Some(Entry {
            code,
            name_key,
            name,
            toll_free: numbers_in(toll_free, strings),
            toll: numbers_in(toll, strings),
        })
    }
}

/// The numbers in one field: split at `%or%`, `%not_available%` dropped, annotations set apart.
fn numbers_in(field: &str, strings: &HashMap<String, String>) -> Vec<WrittenNumber> {
    let segments = segments(field);
    segments
        .split(|s| matches!(s, Segment::Token(k) if is_key(k, "or")))
        .filter_map(|piece| number_in(piece, strings))
        .collect()
}

fn number_in(piece: &[Segment<'_>], strings: &HashMap<String, String>) -> Option<WrittenNumber> {
    let mut written = String::new();
    let mut annotations = Vec::new();
    for (i, segment) in piece.iter().enumerate() {
        match *segment {
            Segment::Text(text) => written.push_str(text),
            Segment::Token(key) if is_key(key, "not_available") => {}
            Segment::Token(key) => {
                // A key between digits is part of the dial string (`193 %PIN% 3141`); after the
                // number it is a note (`%(Tokyo)%`, `%FRENCH%`, `%ITFS%`).
                let digits_follow = piece[i + 1..].iter().any(
                    |s| matches!(s, Segment::Text(t) if t.contains(|c: char| c.is_ascii_digit())),
                );
                let shown = display(key, strings);
                if digits_follow {
                    written.push(' ');
                    written.push_str(&shown);
                    written.push(' ');
                } else if !shown.is_empty() {
                    annotations.push(shown);
                }
            }
        }
    }
    let (written, mut notes) = take_worded_parentheses(&written);
    notes.append(&mut annotations);
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let written = written.trim_matches(|c: char| c == '/' || c.is_whitespace());
    if !written.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(WrittenNumber {
        written: written.to_owned(),
        annotations: notes,
    })
}

/// Takes out parenthesised words (`(International Access Code)`), keeping `(0)`, `(800)`.
fn take_worded_parentheses(text: &str) -> (String, Vec<String>) {
    let mut kept = String::new();
    let mut notes = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        kept.push_str(&rest[..open]);
        if inner.chars().any(char::is_alphabetic) {
            notes.push(inner.trim().to_owned());
        } else {
            kept.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    kept.push_str(rest);
    (kept, notes)
}

/// The alpha-2 code for a row's code: mapped from Microsoft's three-letter code, or already
/// alpha-2 (the Windows 10 list writes `ME`), else the code as written.
fn region_code(code: &str, reference: &[ActivationCenter]) -> String {
    if let Some(alpha2) = iso3_to_alpha2(code) {
        return alpha2.to_owned();
    }
    if code.len() == 2 && by_iso(reference, code).is_some() {
        return code.to_ascii_uppercase();
    }
    code.to_owned()
}

/// The E.164 form of a number written in international form (`+43 (0)1...` drops the `(0)`).
fn international(written: &str) -> Option<String> {
    if !written.trim_start().starts_with('+') {
        return None;
    }
    let digits = digits(&written.replace("(0)", ""));
    (7..=15)
        .contains(&digits.len())
        .then(|| format!("+{digits}"))
}

fn build_center(
    iso: String,
    group: Vec<Entry>,
    reference: &[ActivationCenter],
) -> ActivationCenter {
    let known = by_iso(reference, &iso);
    let known_numbers = known.map(|k| k.numbers()).unwrap_or_default();
    let mut center = ActivationCenter {
        country: known.map_or_else(|| group[0].name.clone(), |k| k.country.clone()),
        country_ja: known.map(|k| k.country_ja.clone()).unwrap_or_default(),
        country_ja_cldr: known.map(|k| k.country_ja_cldr.clone()).unwrap_or_default(),
        country_cldr_en: known.map(|k| k.country_cldr_en.clone()).unwrap_or_default(),
        iso,
        numbers: Vec::new(),
        notes: Vec::new(),
        sources: vec![Source {
            list: SourceList::ThisPc,
            url: None,
            copied_on: None,
        }],
        alternatives: Vec::new(),
        origin: Origin::ThisPc,
    };
    for entry in &group {
        for (kind, numbers) in [
            (NumberKind::TollFree, &entry.toll_free),
            (NumberKind::Toll, &entry.toll),
        ] {
            for number in numbers {
                add_number(&mut center, kind, number, known_numbers);
            }
        }
    }
    // Toll-free first, each kind in the file's order (merged entries interleave them).
    center
        .numbers
        .sort_by_key(|n| n.kind != NumberKind::TollFree);
    if group.len() > 1 {
        center.notes.push(CenterNote::MergedEntries(
            group
                .iter()
                .map(|e| (e.code.clone(), e.name_key.clone()))
                .collect(),
        ));
    }
    if known.is_none() {
        center.notes.push(CenterNote::UnknownRegion {
            code: group[0].code.clone(),
        });
    }
    center
}

fn add_number(
    center: &mut ActivationCenter,
    kind: NumberKind,
    number: &WrittenNumber,
    known_numbers: &[PhoneNumber],
) {
    let number_digits = digits(&number.written);
    // The same number twice (two merged entries) is listed once.
    if center
        .numbers
        .iter()
        .any(|n| n.kind == kind && digits(&n.written) == number_digits)
    {
        return;
    }
    let checked = known_numbers
        .iter()
        .find(|k| digits(&k.written) == number_digits);
    let (dial_form, e164) = match checked {
        Some(k) => (
            k.dial_form_known.then(|| k.domestic.clone()),
            k.e164.clone(),
        ),
        None => (None, international(&number.written)),
    };
    center.numbers.push(PhoneNumber {
        kind,
        written: number.written.clone(),
        domestic: dial_form.clone().unwrap_or_else(|| number.written.clone()),
        e164,
        dial_form_known: dial_form.is_some(),
    });
    if !number.annotations.is_empty() {
        center.notes.push(CenterNote::Annotated {
            number: number.written.clone(),
            annotations: number.annotations.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_lowercase(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn segments_split_tokens_from_text() {
        assert_eq!(
            segments("+81-3-6831-3460 %(Tokyo)%"),
            vec![Segment::Text("+81-3-6831-3460 "), Segment::Token("(Tokyo)")]
        );
        assert_eq!(segments("100% sure"), vec![Segment::Text("100% sure")]);
        assert_eq!(
            segments("a %% b %or%"),
            vec![Segment::Text("a %% b "), Segment::Token("or")]
        );
        assert_eq!(segments(""), vec![]);
    }

    #[test]
    fn real_string_values_are_resource_references_so_keys_are_shown() {
        let real = strings(&[
            ("(Moscow_Russia)", "%353%"),
            ("Japan", "122"),
            ("FRENCH", "%368%"),
        ]);
        assert_eq!(display("(Moscow_Russia)", &real), "Moscow Russia");
        assert_eq!(display("Japan", &real), "Japan");
        // A localised Windows writes text: Tokyo in Japanese, in brackets.
        let text = strings(&[("(Tokyo)", "(\u{6771}\u{4EAC})"), ("FRENCH", "French")]);
        assert_eq!(display("(Tokyo)", &text), "\u{6771}\u{4EAC}");
        assert_eq!(display("FRENCH", &text), "French");
    }

    #[test]
    fn a_key_between_digits_stays_in_the_number() {
        let numbers = numbers_in("193 %PIN% 3141", &strings(&[("PIN", "%365%")]));
        assert_eq!(numbers[0].written, "193 PIN 3141");
        assert!(numbers[0].annotations.is_empty());
    }

    #[test]
    fn worded_parentheses_become_notes() {
        let numbers = numbers_in(
            "001 800 2468 1668 (International Access Code) %or% 001 800 4410560",
            &HashMap::new(),
        );
        assert_eq!(numbers[0].written, "001 800 2468 1668");
        assert_eq!(numbers[0].annotations, vec!["International Access Code"]);
        assert_eq!(numbers[1].written, "001 800 4410560");
    }

    #[test]
    fn not_available_and_stray_slashes_give_no_number() {
        assert!(numbers_in("%not_available%", &HashMap::new()).is_empty());
        assert!(numbers_in("/%not_available%", &HashMap::new()).is_empty());
        assert!(numbers_in(" %NOT_AVAILABLE% ", &HashMap::new()).is_empty());
    }

    #[test]
    fn international_form_drops_the_bracketed_trunk_zero() {
        assert_eq!(
            international("+43 (0)179567029").as_deref(),
            Some("+43179567029")
        );
        assert_eq!(
            international("+81-3-6831-3460").as_deref(),
            Some("+81368313460")
        );
        assert_eq!(international("0120-801-734"), None);
        assert_eq!(international("+1 2"), None);
    }

    #[test]
    fn utf16_without_a_bom_is_recognised() {
        let bytes: Vec<u8> = "[IsoCodes]"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(crate::decode::text(&bytes), "[IsoCodes]");
        let bytes: Vec<u8> = "[IsoCodes]"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(crate::decode::text(&bytes), "[IsoCodes]");
    }
}
