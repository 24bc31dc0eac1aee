//! `centers` and `script`: the activation centers' numbers and the call as a checklist.

use serde::Serialize;

use super::{Exit, Report, RouteArg};
use crate::centers::{self, ActivationCenter, NumberKind};
use crate::language::Language;
use crate::script::{self, Route};
use crate::words::{self, Localized, Text};

/// A center as `centers --json` prints it: the numbers both as the research table's parallel
/// lists (written, dial form or null, E.164 forms) and as one list of numbers.
#[derive(Serialize)]
struct CenterJson<'a> {
    iso: &'a str,
    country: &'a str,
    country_ja: &'a str,
    toll_free: Vec<&'a str>,
    toll: Vec<&'a str>,
    dial_toll_free: Vec<Option<&'a str>>,
    dial_toll: Vec<Option<&'a str>>,
    e164_toll_free: Vec<&'a str>,
    e164_toll: Vec<&'a str>,
    tel: Vec<String>,
    notes: String,
    notes_ja: String,
    sources: Vec<&'a str>,
    origin: centers::Origin,
}

impl<'a> CenterJson<'a> {
    fn of(center: &'a ActivationCenter) -> CenterJson<'a> {
        let of_kind = |kind: NumberKind| center.numbers().iter().filter(move |n| n.kind == kind);
        let dial = |kind| {
            of_kind(kind)
                .map(|n| n.dial_form_known.then_some(n.domestic.as_str()))
                .collect()
        };
        let e164 = |kind| of_kind(kind).filter_map(|n| n.e164.as_deref()).collect();
        let notes = |language| {
            center
                .notes
                .iter()
                .map(|note| note.message(language))
                .collect::<Vec<_>>()
                .join(" ")
        };
        CenterJson {
            iso: &center.iso,
            country: &center.country,
            country_ja: &center.country_ja,
            toll_free: center.written(NumberKind::TollFree),
            toll: center.written(NumberKind::Toll),
            dial_toll_free: dial(NumberKind::TollFree),
            dial_toll: dial(NumberKind::Toll),
            e164_toll_free: e164(NumberKind::TollFree),
            e164_toll: e164(NumberKind::Toll),
            tel: center
                .numbers()
                .iter()
                .filter_map(|n| n.tel_uri())
                .collect(),
            notes: notes(Language::English),
            notes_ja: notes(Language::Japanese),
            sources: center
                .sources
                .iter()
                .filter_map(|s| s.url.as_deref())
                .collect(),
            origin: center.origin,
        }
    }
}

pub(super) fn centers(query: &str, json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let mut found = centers::find_centers(query);
    if json {
        let rows: Vec<CenterJson> = found.iter().map(|center| CenterJson::of(center)).collect();
        report.json(&rows);
    } else {
        // Listed as a reader of the language looks a country up (Japanese by reading).
        centers::in_order(&mut found, language);
        for center in &found {
            write_center(&mut report, center, language);
        }
    }
    if found.is_empty() {
        let error = centers::CountryError::Unknown {
            query: query.trim().to_string(),
        };
        return report.fail(error.message(language), Exit::Invalid);
    }
    report
}

fn write_center(report: &mut Report, center: &ActivationCenter, language: Language) {
    report.line(format!("{} ({})", center.name(language), center.iso));
    for number in center.numbers() {
        let kind = words::number_kind(number.kind, language);
        let international = number.e164.as_deref().unwrap_or("");
        let mut line = format!("  {kind}: {}  {international}", number.domestic);
        if number.may_fail_from_abroad() {
            line = format!(
                "{}  ({})",
                line.trim_end(),
                Text::MayNotWorkFromAbroad.in_language(language)
            );
        }
        report.line(line.trim_end());
    }
    report.line(format!("  {}", Text::LineEnded.in_language(language)));
    for alternative in &center.alternatives {
        report.line(format!(
            "  {}",
            words::alternative_number(alternative, language)
        ));
    }
}

pub(super) fn script(route: RouteArg, country: Option<&str>, language: Language) -> Report {
    let mut report = Report::new();
    let route = match route {
        RouteArg::Portal => Route::PortalOnPhone,
        RouteArg::PortalThisPc => Route::PortalOnThisPc,
        RouteArg::Phone => Route::Phone,
    };
    let country = match country.map(centers::country) {
        Some(Err(error)) => return report.fail(error.message(language), Exit::Invalid),
        Some(Ok(center)) => Some(center.iso.as_str()),
        None => None,
    };
    write_script(&mut report, script::call_script(route), language);
    // A person's route comes with the phone table's history: how the line worked.
    if route == Route::Phone {
        report.line("");
        write_script(&mut report, script::line_history(country), language);
    }
    report
}

fn write_script(report: &mut Report, script: &script::CallScript, language: Language) {
    report.line(script.title(language));
    report.line(script.summary(language));
    for (i, step) in script.steps(language).iter().enumerate() {
        report.line(format!("{:>2}. {}", i + 1, step.text));
        if let Some(detail) = &step.detail {
            report.line(format!("    {detail}"));
        }
    }
    let rejected = script.if_rejected(language);
    if !rejected.is_empty() {
        report.line(Text::IfRejected.in_language(language));
        for step in rejected {
            report.line(format!("  - {}", step.text));
        }
    }
    for note in script.notes(language) {
        report.line(words::script_note(note));
    }
}
