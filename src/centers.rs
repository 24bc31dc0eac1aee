//! Activation centers: Microsoft's phone numbers per region, the bundled table, lookup by name or
//! code, dial forms and `tel:` links, and the parser for the PC's own `phone.inf`.
//!
//! Every number comes from Microsoft's own lists (see `sources` on each row); scam "activation
//! numbers" flood search results, so nothing here is ever guessed. The bundled table is
//! `data/activation_centers.json`, built by `scripts/make_centers.py` from the shared research
//! table.
//!
//! How the app prefers the PC's list: on Windows it reads
//! `%SystemRoot%\System32\sppui\phone.inf`, passes the bytes to [`parse_phone_inf`], and hands the
//! rows to [`prefer_this_pc`]. Regions the PC lists are then shown from the PC's file (marked
//! [`Origin::ThisPc`]); the others stay [`Origin::Bundled`]. If the file is missing or does not
//! parse, the bundled table is used as it is.

mod iso3;
mod phone_inf;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::language::{Language, Localized};

pub use phone_inf::{PhoneInfError, parse_phone_inf, parse_phone_inf_with};

/// Where a row's numbers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The table shipped with the app (Microsoft's lists as of the build).
    #[default]
    Bundled,
    /// This PC's own `phone.inf`: the most current list the user has.
    ThisPc,
}

/// Free for the caller inside the country, or charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    TollFree,
    Toll,
}

impl NumberKind {
    pub fn label(self, language: Language) -> &'static str {
        match self {
            NumberKind::TollFree => language.pick("フリーダイヤル（通話無料）", "Toll-free"),
            NumberKind::Toll => language.pick("有料", "Toll"),
        }
    }
}

/// A number seen outside Microsoft's lists, kept only to explain it (e.g. Japan's 0120-801-704).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlternativeNumber {
    /// As it was seen.
    pub number: String,
    pub kind: NumberKind,
    /// How to dial it inside the country.
    pub dial: String,
    #[serde(default)]
    pub e164: Option<String>,
    /// Where it was seen.
    #[serde(default)]
    pub source: String,
    /// Why it is not the main number (English).
    pub note: String,
    /// The same in Japanese.
    pub note_ja: String,
}

impl AlternativeNumber {
    pub fn note(&self, language: Language) -> &str {
        language.pick(&self.note_ja, &self.note)
    }

    pub fn phone_number(&self) -> PhoneNumber {
        PhoneNumber {
            kind: self.kind,
            written: self.number.clone(),
            domestic: self.dial.clone(),
            e164: self.e164.clone(),
            dial_form_known: true,
        }
    }
}

/// One region's activation center, with where its numbers come from.
///
/// The `toll_free` / `toll` lists hold the numbers as Microsoft wrote them; `dial_*` has one
/// entry per written number (`None`: the number is not valid under today's numbering rules, so
/// no dial form was worked out); `e164_*` holds only the valid international forms, so it can be
/// shorter than the written list: use [`ActivationCenter::numbers`] to pair them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivationCenter {
    /// ISO 3166-1 alpha-2 (for a `phone.inf` code missing from the mapping: the code as written).
    pub iso: String,
    /// English name.
    pub country: String,
    /// Japanese name (CLDR); empty when unknown.
    #[serde(default)]
    pub country_ja: String,
    /// CLDR's English name, when it differs from Microsoft's (searched too).
    #[serde(default)]
    pub country_cldr_en: String,
    #[serde(default)]
    pub toll_free: Vec<String>,
    #[serde(default)]
    pub toll: Vec<String>,
    #[serde(default)]
    pub dial_toll_free: Vec<Option<String>>,
    #[serde(default)]
    pub dial_toll: Vec<Option<String>>,
    #[serde(default)]
    pub e164_toll_free: Vec<String>,
    #[serde(default)]
    pub e164_toll: Vec<String>,
    /// Conflicts between lists, typos, hubs in other countries (English).
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub primary_source: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// What each source said, kept as the research table wrote it.
    #[serde(default)]
    pub source_details: serde_json::Value,
    #[serde(default)]
    pub alternatives: Vec<AlternativeNumber>,
    #[serde(default)]
    pub origin: Origin,
}

/// A number ready to show or dial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber {
    pub kind: NumberKind,
    /// As Microsoft wrote it.
    pub written: String,
    /// How to dial it inside the country (the written form when `dial_form_known` is false).
    pub domestic: String,
    /// The international form, only where it is valid today.
    pub e164: Option<String>,
    /// False when no dial form could be worked out: the number is not valid as written under
    /// today's numbering rules, or (from a PC's `phone.inf`) it is new and unchecked. Show it
    /// with a warning.
    pub dial_form_known: bool,
}

impl PhoneNumber {
    /// `tel:+81120801734`; only from the E.164 form, never from a local dial string.
    pub fn tel_uri(&self) -> Option<String> {
        self.e164.as_ref().map(|e164| format!("tel:{e164}"))
    }

    /// Toll-free numbers usually cannot be reached from abroad, and a number without an E.164
    /// form (an access string such as India's `000800 040 4453`) must be dialled exactly as shown,
    /// inside the country.
    pub fn may_fail_from_abroad(&self) -> bool {
        self.kind == NumberKind::TollFree || self.e164.is_none()
    }
}

impl ActivationCenter {
    /// The region's name in the user's language (English when no Japanese name is known).
    pub fn name(&self, language: Language) -> &str {
        match language {
            Language::Japanese if !self.country_ja.is_empty() => &self.country_ja,
            _ => &self.country,
        }
    }

    /// Every number of the row, toll-free first, in Microsoft's order.
    pub fn numbers(&self) -> Vec<PhoneNumber> {
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
        numbers
    }
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
/// digits, or the E.164 digits end the local digits (`001 800 2468 1668` ↔ `+80024681668`).
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

/// The ASCII digits of a string (full-width digits count too).
pub(crate) fn digits(text: &str) -> String {
    text.nfkc().filter(char::is_ascii_digit).collect()
}

static BUNDLED: LazyLock<Vec<ActivationCenter>> = LazyLock::new(|| {
    let mut centers: Vec<ActivationCenter> =
        serde_json::from_str(include_str!("../data/activation_centers.json"))
            .expect("data/activation_centers.json is checked by the tests");
    sort_by_name(&mut centers);
    centers
});

/// The table shipped with the app: 236 regions, sorted by English name.
pub fn bundled_centers() -> &'static [ActivationCenter] {
    &BUNDLED
}

/// The bundled row for an ISO alpha-2 code (case-insensitive).
pub fn center_by_iso(iso: &str) -> Option<&'static ActivationCenter> {
    by_iso(bundled_centers(), iso)
}

fn by_iso<'a>(centers: &'a [ActivationCenter], iso: &str) -> Option<&'a ActivationCenter> {
    let iso = iso.trim();
    centers.iter().find(|c| c.iso.eq_ignore_ascii_case(iso))
}

/// Searches the bundled table; see [`find_in`].
pub fn find_centers(query: &str) -> Vec<&'static ActivationCenter> {
    find_in(bundled_centers(), query)
}

/// Rows matching what the user typed: the one lookup behind every command and the window.
///
/// A code resolves exactly before any name search: ISO alpha-2 (`jp`, `GB`), standard alpha-3
/// (`JPN`, `gbr`) or a common alias (`UK` for the United Kingdom, which is `GB`), so "UK"
/// never finds Ukraine by its name. Otherwise every row whose English, CLDR English or Japanese
/// name contains the query, ignoring case and width (`ｊａｐａｎ`, `JAPAN`, `日本`); an ASCII
/// query also ignores accents (`cote` finds Côte d'Ivoire). An empty query returns every row.
pub fn find_in<'a>(centers: &'a [ActivationCenter], query: &str) -> Vec<&'a ActivationCenter> {
    let query = fold(query);
    let query = query.trim();
    if query.is_empty() {
        return centers.iter().collect();
    }
    if let Some(center) = alpha2_for_code(query).and_then(|iso| by_iso(centers, iso)) {
        return vec![center];
    }
    let ascii = query.is_ascii();
    centers
        .iter()
        .filter(|center| {
            [&center.country, &center.country_cldr_en, &center.country_ja]
                .into_iter()
                .filter(|name| !name.is_empty())
                .any(|name| {
                    fold(name).contains(query) || (ascii && strip_accents(name).contains(query))
                })
        })
        .collect()
}

/// The ISO alpha-2 code a typed code stands for: itself, a standard alpha-3 code's, or an
/// alias's. `None` when the text is not shaped like a code.
fn alpha2_for_code(code: &str) -> Option<&str> {
    if !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    match code.len() {
        2 if code.eq_ignore_ascii_case("uk") => Some("GB"),
        2 => Some(code),
        3 => iso3::standard_alpha3_to_alpha2(code),
        _ => None,
    }
}

/// Why what the user typed names no single region.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    #[error("{}", self.message(Language::English))]
    Unknown { query: String },
    /// Several regions match; `matches` names them with their codes.
    #[error("{}", self.message(Language::English))]
    Ambiguous {
        query: String,
        matches: Vec<(String, String)>,
    },
}

impl Localized for CountryError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (CountryError::Unknown { query }, Language::Japanese) => format!(
                "「{query}」に当たる国・地域はありません。ISO コード（JP、JPN など）か国名の一部で指定してください。"
            ),
            (CountryError::Unknown { query }, Language::English) => format!(
                "No country or region matches \"{query}\". Give an ISO code (JP, JPN) or part of a name."
            ),
            (CountryError::Ambiguous { query, matches }, _) => {
                let names: Vec<String> = matches
                    .iter()
                    .map(|(name, iso)| format!("{name} ({iso})"))
                    .collect();
                match language {
                    Language::Japanese => format!(
                        "「{query}」に当たる国・地域が複数あります: {}。コードで指定してください。",
                        names.join("、")
                    ),
                    Language::English => format!(
                        "\"{query}\" matches several countries or regions: {}. Give its code.",
                        names.join(", ")
                    ),
                }
            }
        }
    }
}

/// The one region `query` names: [`find_in`] with exactly one result, where a query shaped
/// like a code (two or three letters) must be a code (`ZZ` is unknown, not "Brazzaville").
pub fn country_in<'a>(
    centers: &'a [ActivationCenter],
    query: &str,
    language: Language,
) -> Result<&'a ActivationCenter, CountryError> {
    let folded = fold(query);
    let code = folded.trim();
    if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return alpha2_for_code(code)
            .and_then(|iso| by_iso(centers, iso))
            .ok_or_else(|| CountryError::Unknown {
                query: query.trim().to_string(),
            });
    }
    match find_in(centers, query).as_slice() {
        [only] => Ok(only),
        [] => Err(CountryError::Unknown {
            query: query.trim().to_string(),
        }),
        // An empty query matches everything: that is not naming a country either.
        _ if query.trim().is_empty() => Err(CountryError::Unknown {
            query: query.trim().to_string(),
        }),
        several => Err(CountryError::Ambiguous {
            query: query.trim().to_string(),
            matches: several
                .iter()
                .map(|c| (c.name(language).to_string(), c.iso.clone()))
                .collect(),
        }),
    }
}

/// [`country_in`] over the bundled table.
pub fn country(query: &str, language: Language) -> Result<&'static ActivationCenter, CountryError> {
    country_in(bundled_centers(), query, language)
}

/// NFKC, then lowercase: full-width letters and digits become ASCII.
fn fold(text: &str) -> String {
    text.nfkc().collect::<String>().to_lowercase()
}

/// Lowercase without accents (`Côte d’Ivoire` → `cote d'ivoire`); for Latin names only, since it
/// would also drop Japanese voicing marks.
fn strip_accents(text: &str) -> String {
    text.nfkd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase()
}

fn sort_by_name(centers: &mut [ActivationCenter]) {
    centers.sort_by_cached_key(|c| (strip_accents(&c.country), c.iso.clone()));
}

/// The table to show: the PC's rows where it has them, bundled rows for the other regions.
///
/// A PC row keeps the bundled row's `alternatives` (the numbers seen elsewhere are still worth a
/// note). The result is sorted by English name.
pub fn prefer_this_pc(this_pc: Vec<ActivationCenter>) -> Vec<ActivationCenter> {
    prefer_this_pc_over(bundled_centers(), this_pc)
}

/// [`prefer_this_pc`] over any base table.
pub fn prefer_this_pc_over(
    base: &[ActivationCenter],
    this_pc: Vec<ActivationCenter>,
) -> Vec<ActivationCenter> {
    let mut merged: Vec<ActivationCenter> = base
        .iter()
        .filter(|b| !this_pc.iter().any(|p| p.iso.eq_ignore_ascii_case(&b.iso)))
        .cloned()
        .collect();
    for mut row in this_pc {
        if row.alternatives.is_empty()
            && let Some(b) = by_iso(base, &row.iso)
        {
            row.alternatives = b.alternatives.clone();
        }
        merged.push(row);
    }
    sort_by_name(&mut merged);
    merged
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

    /// The digit rule must agree with Microsoft's order wherever both apply, or it would
    /// misplace numbers in rows where only the rule is used.
    #[test]
    fn the_digit_rule_agrees_with_the_index_pairing_on_the_bundled_table() {
        for center in bundled_centers() {
            for (written, dial, e164) in [
                (
                    &center.toll_free,
                    &center.dial_toll_free,
                    &center.e164_toll_free,
                ),
                (&center.toll, &center.dial_toll, &center.e164_toll),
            ] {
                assert_eq!(written.len(), dial.len(), "{}", center.iso);
                if written.len() != e164.len() {
                    continue;
                }
                for (d, e) in dial.iter().zip(e164) {
                    let d = d
                        .as_deref()
                        .expect("a number with an E.164 form has a dial form");
                    assert!(same_number(d, e), "{}: {d} vs {e}", center.iso);
                }
            }
        }
    }

    #[test]
    fn every_e164_form_in_the_bundled_table_finds_its_number() {
        for center in bundled_centers() {
            let placed: Vec<String> = center
                .numbers()
                .into_iter()
                .filter_map(|n| n.e164)
                .collect();
            let mut listed: Vec<String> = center
                .e164_toll_free
                .iter()
                .chain(&center.e164_toll)
                .cloned()
                .collect();
            let mut placed_sorted = placed.clone();
            placed_sorted.sort();
            listed.sort();
            assert_eq!(placed_sorted, listed, "{}", center.iso);
        }
    }

    #[test]
    fn folding_ignores_width_and_case_but_keeps_japanese_marks() {
        assert_eq!(fold("ＪＡＰＡＮ"), "japan");
        assert_eq!(strip_accents("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(fold("ガーナ"), "ガーナ");
    }

    #[test]
    fn sorting_ignores_accents() {
        let names: Vec<&str> = bundled_centers()
            .iter()
            .map(|c| c.country.as_str())
            .collect();
        let costa = names.iter().position(|n| *n == "Costa Rica").unwrap();
        let cote = names.iter().position(|n| n.starts_with("Côte")).unwrap();
        let croatia = names.iter().position(|n| *n == "Croatia").unwrap();
        assert!(costa < cote && cote < croatia, "{costa} {cote} {croatia}");
    }
}
