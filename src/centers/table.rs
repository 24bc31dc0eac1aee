//! The bundled table, `data/activation_centers.json` (made by `scripts/make_centers.py` from
//! the research table; `data/activation_centers.made-from.json` records its inputs), read once
//! into typed rows: numbers paired with their dial and international forms, notes in both
//! languages, sources with their dates.

use std::sync::LazyLock;

use serde::Deserialize;

use super::{
    ActivationCenter, AlternativeNumber, CenterNote, NumberKind, Origin, PhoneNumber, Source,
    SourceList, digits, sort_by_name,
};
use crate::language::Bilingual;

/// A row as the research table writes it: parallel lists of numbers and their forms.
#[derive(Deserialize)]
struct Row {
    iso: String,
    country: String,
    #[serde(default)]
    country_ja: String,
    #[serde(default)]
    country_ja_cldr: String,
    #[serde(default)]
    country_cldr_en: String,
    #[serde(default)]
    toll_free: Vec<String>,
    #[serde(default)]
    toll: Vec<String>,
    /// One entry per written number; `None` when the number is not valid under today's
    /// numbering rules, so no dial form was worked out.
    #[serde(default)]
    dial_toll_free: Vec<Option<String>>,
    #[serde(default)]
    dial_toll: Vec<Option<String>>,
    /// Only the valid international forms: can be shorter than the written list.
    #[serde(default)]
    e164_toll_free: Vec<String>,
    #[serde(default)]
    e164_toll: Vec<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    notes_ja: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    source_details: Vec<SourceDetail>,
    #[serde(default)]
    alternatives: Vec<Alternative>,
}

/// What one list said about the row; only where it is and when it was copied are kept.
#[derive(Deserialize)]
struct SourceDetail {
    source: String,
    url: String,
    #[serde(default)]
    date: String,
}

#[derive(Deserialize)]
struct Alternative {
    number: String,
    kind: NumberKind,
    dial: String,
    #[serde(default)]
    e164: Option<String>,
    #[serde(default)]
    source: String,
    note: String,
    note_ja: String,
}

impl Row {
    fn into_center(self) -> ActivationCenter {
        let mut numbers = pair_numbers(
            NumberKind::TollFree,
            &self.toll_free,
            &self.dial_toll_free,
            &self.e164_toll_free,
        );
        numbers.extend(pair_numbers(
            NumberKind::Toll,
            &self.toll,
            &self.dial_toll,
            &self.e164_toll,
        ));
        let mut sources: Vec<Source> = self
            .source_details
            .into_iter()
            .map(|detail| Source {
                list: SourceList::from_code(&detail.source),
                copied_on: first_date(&detail.date),
                url: Some(detail.url),
            })
            .collect();
        for url in self.sources {
            if !sources
                .iter()
                .any(|s| s.url.as_deref() == Some(url.as_str()))
            {
                sources.push(Source {
                    list: SourceList::Other,
                    url: Some(url),
                    copied_on: None,
                });
            }
        }
        let notes = if self.notes.is_empty() {
            Vec::new()
        } else {
            vec![CenterNote::Researched(Bilingual {
                en: self.notes,
                ja: self.notes_ja,
            })]
        };
        ActivationCenter {
            iso: self.iso,
            country: self.country,
            country_ja: self.country_ja,
            country_ja_cldr: self.country_ja_cldr,
            country_cldr_en: self.country_cldr_en,
            numbers,
            notes,
            sources,
            alternatives: self
                .alternatives
                .into_iter()
                .map(|a| AlternativeNumber {
                    number: PhoneNumber {
                        kind: a.kind,
                        written: a.number,
                        domestic: a.dial,
                        e164: a.e164,
                        dial_form_known: true,
                    },
                    source: a.source,
                    note: Bilingual {
                        en: a.note,
                        ja: a.note_ja,
                    },
                })
                .collect(),
            origin: Origin::Bundled,
        }
    }
}

/// The first `YYYY-MM-DD` in a research table's date note (`2024-03-08 (commit); Windows 10
/// 19041-family build`): when that copy of the list was made. The XP-era list's note gives
/// only the date of the repository that keeps it, which says nothing about the list.
fn first_date(note: &str) -> Option<String> {
    if note.starts_with("Windows XP") {
        return None;
    }
    let bytes = note.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = &note.get(i..i + 10)?;
        let shaped = candidate.bytes().enumerate().all(|(k, b)| match k {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        shaped.then(|| candidate.to_string())
    })
}

/// Pairs written numbers with their dial and E.164 forms.
///
/// `dial` has one entry per written number. `e164` lists only the valid forms: when it is as long
/// as `written`, entry i belongs to number i; when it is shorter (some numbers have no E.164
/// form), each E.164 form goes to the number whose digits it ends with (or that end with it), so
/// a missing form never shifts the others onto the wrong number.
fn pair_numbers(
    kind: NumberKind,
    written: &[String],
    dial: &[Option<String>],
    e164: &[String],
) -> Vec<PhoneNumber> {
    let by_index = e164.len() == written.len();
    let mut used = vec![false; e164.len()];
    written
        .iter()
        .enumerate()
        .map(|(i, written)| {
            let dial = dial.get(i).cloned().flatten();
            let e164 = if by_index {
                Some(e164[i].clone())
            } else {
                let local = dial.as_deref().unwrap_or(written);
                let found = e164
                    .iter()
                    .enumerate()
                    .find(|&(j, candidate)| !used[j] && same_number(local, candidate));
                found.map(|(j, candidate)| {
                    used[j] = true;
                    candidate.clone()
                })
            };
            PhoneNumber {
                kind,
                written: written.clone(),
                domestic: dial.clone().unwrap_or_else(|| written.clone()),
                e164,
                dial_form_known: dial.is_some(),
            }
        })
        .collect()
}

/// Whether a local dial string and an E.164 number are the same line: the local digits without
/// trunk or access prefixes (leading zeros; a leading 8, the ex-USSR trunk prefix) end the E.164
/// digits, or the E.164 digits end the local digits (`001 800 2468 1668` <-> `+80024681668`).
fn same_number(local: &str, e164: &str) -> bool {
    const MIN_DIGITS: usize = 6;
    let local = digits(&local.replace("(0)", ""));
    let e164 = digits(e164);
    if e164.len() < MIN_DIGITS || local.len() < MIN_DIGITS {
        return false;
    }
    let national = local.trim_start_matches('0');
    let candidates = [national, national.strip_prefix('8').unwrap_or(national)];
    local.ends_with(&e164)
        || candidates
            .iter()
            .any(|c| c.len() >= MIN_DIGITS && e164.ends_with(c))
}

static BUNDLED: LazyLock<Vec<ActivationCenter>> = LazyLock::new(|| {
    let json = crate::decode::inflate_embedded(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/activation_centers.json.deflate"
    )));
    let rows: Vec<Row> =
        serde_json::from_str(&json).expect("data/activation_centers.json is checked by the tests");
    let mut centers: Vec<ActivationCenter> = rows.into_iter().map(Row::into_center).collect();
    sort_by_name(&mut centers);
    centers
});

/// The table shipped with the app: 236 regions, sorted by English name.
pub fn bundled_centers() -> &'static [ActivationCenter] {
    &BUNDLED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(ToString::to_string).collect()
    }
    #[test]
    fn pairs_by_index_when_every_number_has_an_e164_form() {
        let numbers = pair_numbers(
            NumberKind::Toll,
            &s(&["8 (495) 745-54-45", "+43 (0)179567029"]),
            &[
                Some("8 (495) 745-54-45".into()),
                Some("8~10 43 1 79567029".into()),
            ],
            &s(&["+74957455445", "+43179567029"]),
        );
        assert_eq!(numbers[0].e164.as_deref(), Some("+74957455445"));
        assert_eq!(numbers[1].e164.as_deref(), Some("+43179567029"));
    }

    #[test]
    fn pairs_by_digits_when_some_forms_are_missing() {
        // Indonesia: the ITFS string has no E.164 form; the second number's form must not shift.
        let numbers = pair_numbers(
            NumberKind::TollFree,
            &s(&["001 803 657 668", "0800-120 1201"]),
            &[Some("001 803 657 668".into()), Some("0800 1201201".into())],
            &s(&["+628001201201"]),
        );
        assert_eq!(numbers[0].e164, None);
        assert_eq!(numbers[1].e164.as_deref(), Some("+628001201201"));
        // Philippines: the second number is invalid as written (no dial form).
        let numbers = pair_numbers(
            NumberKind::Toll,
            &s(&["+65-6324-8098", "+63 2 859 0505"]),
            &[Some("00 65 6324 8098".into()), None],
            &s(&["+6563248098"]),
        );
        assert_eq!(numbers[0].e164.as_deref(), Some("+6563248098"));
        assert_eq!(numbers[1].e164, None);
        assert!(!numbers[1].dial_form_known);
        assert_eq!(numbers[1].domestic, "+63 2 859 0505");
    }

    #[test]
    fn a_universal_freephone_number_pairs_with_its_access_string() {
        assert!(same_number("001 800 2468 1668", "+80024681668"));
        assert!(!same_number("001 800 4410560", "+80024681668"));
        assert!(same_number("0120-801-734", "+81120801734"));
        assert!(!same_number("0120-801-704", "+81120801734"));
        assert!(!same_number("12", "+12"));
    }

    fn raw_rows() -> Vec<Row> {
        serde_json::from_str(include_str!("../../data/activation_centers.json")).unwrap()
    }

    /// The digit rule must agree with Microsoft's order wherever both apply, or it would
    /// misplace numbers in rows where only the rule is used.
    #[test]
    fn the_digit_rule_agrees_with_the_index_pairing_on_the_bundled_table() {
        for row in raw_rows() {
            for (written, dial, e164) in [
                (&row.toll_free, &row.dial_toll_free, &row.e164_toll_free),
                (&row.toll, &row.dial_toll, &row.e164_toll),
            ] {
                assert_eq!(written.len(), dial.len(), "{}", row.iso);
                if written.len() != e164.len() {
                    continue;
                }
                for (d, e) in dial.iter().zip(e164) {
                    let d = d
                        .as_deref()
                        .expect("a number with an E.164 form has a dial form");
                    assert!(same_number(d, e), "{}: {d} vs {e}", row.iso);
                }
            }
        }
    }

    #[test]
    fn every_e164_form_in_the_bundled_table_finds_its_number() {
        for row in raw_rows() {
            let mut listed: Vec<String> = row
                .e164_toll_free
                .iter()
                .chain(&row.e164_toll)
                .cloned()
                .collect();
            let iso = row.iso.clone();
            let mut placed: Vec<String> = row
                .into_center()
                .numbers
                .into_iter()
                .filter_map(|n| n.e164)
                .collect();
            placed.sort();
            listed.sort();
            assert_eq!(placed, listed, "{iso}");
        }
    }

    #[test]
    fn source_dates_are_the_copies_dates() {
        assert_eq!(
            first_date("2024-03-08 (commit); Windows 10 19041-family build").as_deref(),
            Some("2024-03-08")
        );
        assert_eq!(
            first_date("2024-12-06 (self-declared)").as_deref(),
            Some("2024-12-06")
        );
        assert_eq!(
            first_date("Windows XP era (c. 2005-2008); repo commit 2023-10-28"),
            None
        );
        assert_eq!(first_date(""), None);
    }
}
