//! Activation centers: Microsoft's phone numbers per region, the bundled table, lookup by name
//! or code, dial forms and `tel:` links, and the parser for the PC's own `phone.inf`.
//!
//! Every number comes from Microsoft's own lists (see `sources` on each row); scam "activation
//! numbers" flood search results, so nothing here is ever guessed.
//!
//! How the app prefers the PC's list: on Windows it reads
//! `%SystemRoot%\System32\sppui\phone.inf`, passes the bytes to [`parse_phone_inf`], and hands
//! the rows to [`prefer_this_pc`]. Regions the PC lists are then shown from the PC's file
//! (marked [`Origin::ThisPc`]); the others stay [`Origin::Bundled`]. If the file is missing or
//! does not parse, the bundled table is used as it is.

mod iso3;
mod phone_inf;
mod reading;
mod table;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::language::{Bilingual, Language};

pub use phone_inf::{PhoneInfError, parse_phone_inf, parse_phone_inf_with};
pub use reading::{gojuon_key, in_order, reading_ja};
pub use table::bundled_centers;

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

/// A number seen outside Microsoft's lists, kept only to explain it (Japan's 0120-801-704).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlternativeNumber {
    pub number: PhoneNumber,
    /// Where it was seen.
    pub source: String,
    /// Why it is not the main number.
    pub note: Bilingual,
}

/// What is known about a row beyond its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CenterNote {
    /// The research table's notes (conflicts between lists, typos, hubs in other countries).
    Researched(Bilingual),
    /// This PC's `phone.inf` lists the region under several entries: (code, name key) each.
    MergedEntries(Vec<(String, String)>),
    /// This PC's `phone.inf` has a region code the bundled table does not know: its numbers
    /// are shown as written, unchecked.
    UnknownRegion { code: String },
    /// Words `phone.inf` puts beside a number (`Tokyo`, `ITFS`, `FRENCH`).
    Annotated {
        number: String,
        annotations: Vec<String>,
    },
}

/// A list the numbers were checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceList {
    /// Windows 10's own `phone.inf`, 19041 family (the primary source).
    Windows10Recent,
    /// Windows 10 1607's `phone.inf`.
    Windows10Of1607,
    /// Windows 8's `phone.inf`.
    Windows8,
    /// The Windows XP-era list.
    WindowsXp,
    /// Microsoft's Volume Licensing activation-centre list (a third-party copy).
    VolumeLicensing,
    /// The `phone.inf` of the PC this app runs on.
    ThisPc,
    /// Another page cited for the row.
    Other,
}

impl SourceList {
    /// The research table's codes: `w2024`, `w2017`, `w2014`, `xp`, `vl`.
    fn from_code(code: &str) -> SourceList {
        match code {
            "w2024" => SourceList::Windows10Recent,
            "w2017" => SourceList::Windows10Of1607,
            "w2014" => SourceList::Windows8,
            "xp" => SourceList::WindowsXp,
            "vl" => SourceList::VolumeLicensing,
            _ => SourceList::Other,
        }
    }
}

/// Where a row's numbers were checked: which list, where it can be read, when that copy was
/// made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub list: SourceList,
    pub url: Option<String>,
    /// `YYYY-MM-DD`, when the copy is dated.
    pub copied_on: Option<String>,
}

/// One region's activation center: its numbers, what is known about them, and where they come
/// from.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivationCenter {
    /// ISO 3166-1 alpha-2 (for a `phone.inf` code missing from the mapping: the code as written).
    pub iso: String,
    /// English name.
    pub country: String,
    /// Japanese name as Microsoft Japan writes it: CLDR's, with full-width parentheses, unless
    /// `make_centers.py` overrides it (the US, Hong Kong, Macao); empty when unknown.
    pub country_ja: String,
    /// CLDR's Japanese name, when `country_ja` differs from it (searched too, so the old
    /// name still finds the row); empty otherwise.
    pub country_ja_cldr: String,
    /// CLDR's English name, when it differs from Microsoft's (searched too).
    pub country_cldr_en: String,
    /// Toll-free first, then charged, each in Microsoft's order.
    pub numbers: Vec<PhoneNumber>,
    pub notes: Vec<CenterNote>,
    pub sources: Vec<Source>,
    pub alternatives: Vec<AlternativeNumber>,
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

    /// Every number, toll-free first, in Microsoft's order.
    pub fn numbers(&self) -> &[PhoneNumber] {
        &self.numbers
    }

    /// The numbers of one kind as Microsoft wrote them.
    pub fn written(&self, kind: NumberKind) -> Vec<&str> {
        self.numbers
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| n.written.as_str())
            .collect()
    }

    /// The first number that can be called as a `tel:` link (E.164).
    pub fn tel_uri(&self) -> Option<String> {
        self.numbers.iter().find_map(PhoneNumber::tel_uri)
    }
}

/// The ASCII digits of a string (full-width digits count too).
pub(crate) fn digits(text: &str) -> String {
    text.nfkc().filter(char::is_ascii_digit).collect()
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
/// name (or CLDR's Japanese name, where the shown one differs) contains the query, ignoring case
/// and width (`JAPAN` in full-width letters, `japan`, Japan's Japanese name); an ASCII query
/// also ignores accents (`cote` finds Cote d'Ivoire, written with a circumflex). An empty query
/// returns every row.
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
            [
                &center.country,
                &center.country_cldr_en,
                &center.country_ja,
                &center.country_ja_cldr,
            ]
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
#[derive(Debug, Clone, PartialEq)]
pub enum CountryError {
    Unknown {
        query: String,
    },
    /// Several regions match.
    Ambiguous {
        query: String,
        matches: Vec<ActivationCenter>,
    },
}

/// The one region `query` names: [`find_in`] with exactly one result, where a query shaped
/// like a code (two or three letters) must be a code (`ZZ` is unknown, not "Brazzaville").
pub fn country_in<'a>(
    centers: &'a [ActivationCenter],
    query: &str,
) -> Result<&'a ActivationCenter, CountryError> {
    let folded = fold(query);
    let code = folded.trim();
    let unknown = || CountryError::Unknown {
        query: query.trim().to_string(),
    };
    if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return alpha2_for_code(code)
            .and_then(|iso| by_iso(centers, iso))
            .ok_or_else(unknown);
    }
    match find_in(centers, query).as_slice() {
        [only] => Ok(only),
        [] => Err(unknown()),
        // An empty query matches everything: that is not naming a country either.
        _ if query.trim().is_empty() => Err(unknown()),
        several => Err(CountryError::Ambiguous {
            query: query.trim().to_string(),
            matches: several.iter().map(|&c| c.clone()).collect(),
        }),
    }
}

/// [`country_in`] over the bundled table.
pub fn country(query: &str) -> Result<&'static ActivationCenter, CountryError> {
    country_in(bundled_centers(), query)
}

/// NFKC, then lowercase: full-width letters and digits become ASCII.
fn fold(text: &str) -> String {
    text.nfkc().collect::<String>().to_lowercase()
}

/// Lowercase without accents (Cote d'Ivoire with its circumflex and curly apostrophe ->
/// `cote d'ivoire`); for Latin names only, since it
/// would also drop Japanese voicing marks.
fn strip_accents(text: &str) -> String {
    text.nfkd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
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

    #[test]
    fn folding_ignores_width_and_case_but_keeps_japanese_marks() {
        assert_eq!(fold("\u{FF2A}\u{FF21}\u{FF30}\u{FF21}\u{FF2E}"), "japan");
        assert_eq!(strip_accents("C\u{F4}te d\u{2019}Ivoire"), "cote d'ivoire");
        // Katakana with a long-vowel mark and a voiced mark is left as it is.
        assert_eq!(fold("\u{30AC}\u{30FC}\u{30CA}"), "\u{30AC}\u{30FC}\u{30CA}");
    }
}
