//! Activation centers: why a country was not found, how numbers and notes are labelled, where
//! the numbers come from.

use super::{Localized, Text};
use crate::centers::{
    AlternativeNumber, CenterNote, CountryError, NumberKind, PhoneInfError, Source, SourceList,
};
use crate::language::Language;

impl Localized for CountryError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (CountryError::Unknown { query }, Language::Japanese) => format!(
                "「{query}」に該当する国・地域はありません。ISO コード（JP、JPN など）か国名の一部で指定してください。"
            ),
            (CountryError::Unknown { query }, Language::English) => format!(
                "No country or region matches \"{query}\". Give an ISO code (JP, JPN) or part of a name."
            ),
            (CountryError::Ambiguous { query, matches }, _) => {
                let names: Vec<String> = matches
                    .iter()
                    .map(|center| format!("{} ({})", center.name(language), center.iso))
                    .collect();
                match language {
                    Language::Japanese => format!(
                        "「{query}」に該当する国・地域が複数あります: {}。コードで指定してください。",
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

impl Localized for PhoneInfError {
    fn message(&self, language: Language) -> String {
        match self {
            PhoneInfError::Empty => language.pick(
                "phone.inf が空です。内蔵の電話番号一覧を使います。",
                "The phone.inf file is empty. Using the built-in list of numbers.",
            ),
            PhoneInfError::NotPhoneInf => language.pick(
                "phone.inf として読めませんでした（[IsoCodes] セクションがありません）。内蔵の電話番号一覧を使います。",
                "This file does not read as a phone.inf (it has no [IsoCodes] section). Using the built-in list of numbers.",
            ),
            PhoneInfError::NoCenters => language.pick(
                "phone.inf の [IsoCodes] セクションに電話番号の行がありません。内蔵の電話番号一覧を使います。",
                "The [IsoCodes] section of phone.inf lists no activation centers. Using the built-in list of numbers.",
            ),
        }
        .to_owned()
    }
}

/// A number seen outside Microsoft's lists, with why it is not the main one.
pub fn alternative_number(alternative: &AlternativeNumber, language: Language) -> String {
    format!(
        "{}: {} ({})",
        Text::Alternative.in_language(language),
        alternative.number.written,
        alternative.note.in_language(language)
    )
}

/// `Toll-free` / `Toll`.
pub fn number_kind(kind: NumberKind, language: Language) -> &'static str {
    match kind {
        NumberKind::TollFree => Text::TollFree,
        NumberKind::Toll => Text::Toll,
    }
    .in_language(language)
}

impl Localized for CenterNote {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (CenterNote::Researched(notes), _) => notes.in_language(language).to_string(),
            (CenterNote::MergedEntries(entries), Language::English) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(code, key)| format!("{code} ('{key}')"))
                    .collect();
                format!("Merged entries of this PC's list: {}.", entries.join(", "))
            }
            (CenterNote::MergedEntries(entries), Language::Japanese) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(code, key)| format!("{code}（{key}）"))
                    .collect();
                format!(
                    "この PC の一覧の次の項目をまとめています: {}。",
                    entries.join("、")
                )
            }
            (CenterNote::UnknownRegion { code }, Language::English) => format!(
                "Region code {code} is not in the bundled table; its numbers are shown as written."
            ),
            (CenterNote::UnknownRegion { code }, Language::Japanese) => format!(
                "地域コード {code} は内蔵の一覧にないため、番号は書かれているとおりに表示しています。"
            ),
            (
                CenterNote::Annotated {
                    number,
                    annotations,
                },
                Language::English,
            ) => format!("{number}: {}.", annotations.join(", ")),
            (
                CenterNote::Annotated {
                    number,
                    annotations,
                },
                Language::Japanese,
            ) => format!("{number}: {}。", annotations.join("、")),
        }
    }
}

fn source_list(list: SourceList, language: Language) -> &'static str {
    match list {
        SourceList::Windows10Recent => language.pick(
            "Windows 10（19041 系列）の phone.inf",
            "Windows 10's phone.inf (19041 family)",
        ),
        SourceList::Windows10Of1607 => language.pick(
            "Windows 10 1607 の phone.inf",
            "Windows 10 1607's phone.inf",
        ),
        SourceList::Windows8 => language.pick("Windows 8 の phone.inf", "Windows 8's phone.inf"),
        SourceList::WindowsXp => language.pick(
            "Windows XP 時代の一覧（2005～2008 年頃）",
            "The Windows XP-era list (c. 2005-2008)",
        ),
        SourceList::VolumeLicensing => language.pick(
            "ボリューム ライセンスのライセンス認証窓口の一覧（第三者による写し）",
            "The Volume Licensing activation-centre list (a third-party copy)",
        ),
        SourceList::ThisPc => language.pick(
            r"この PC の phone.inf（%SystemRoot%\System32\sppui\phone.inf）",
            r"This PC's phone.inf (%SystemRoot%\System32\sppui\phone.inf)",
        ),
        SourceList::Other => language.pick("関連ページ", "Related page"),
    }
}

/// One source of a row's numbers: which list, when that copy was made, where to read it.
pub fn source_line(source: &Source, language: Language) -> String {
    let mut line = source_list(source.list, language).to_string();
    if let Some(date) = &source.copied_on {
        line.push_str(&match language {
            Language::English => format!(", copy of {date}"),
            Language::Japanese => format!("（{date} 時点の写し）"),
        });
    }
    if let Some(url) = &source.url {
        line.push_str(": ");
        line.push_str(url);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_inf_errors_explain_themselves_in_both_languages() {
        for error in [
            PhoneInfError::Empty,
            PhoneInfError::NotPhoneInf,
            PhoneInfError::NoCenters,
        ] {
            let ja = error.message(Language::Japanese);
            let en = error.message(Language::English);
            assert!(ja.contains("phone.inf") && en.contains("phone.inf"), "{en}");
            assert_ne!(ja, en);
        }
    }

    #[test]
    fn a_source_without_a_date_or_an_address_has_no_empty_parts() {
        let this_pc = Source {
            list: SourceList::ThisPc,
            url: None,
            copied_on: None,
        };
        for language in Language::ALL {
            let line = source_line(&this_pc, language);
            assert!(line.contains("phone.inf"), "{line}");
            assert!(!line.contains(" — ") && !line.ends_with(": "), "{line}");
        }
        let dated = Source {
            list: SourceList::Windows8,
            url: Some("https://example.org/phone.inf".into()),
            copied_on: Some("2014-02-17".into()),
        };
        assert_eq!(
            source_line(&dated, Language::English),
            "Windows 8's phone.inf, copy of 2014-02-17: https://example.org/phone.inf"
        );
    }
}
