//! `iid`, `cid` and `qr`: the IDs in a text, checked group by group.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::{Exit, ProblemJson, Report, TooLong, Unanswered, exit_for, input};
use crate::id::{
    CidFormat, ConfirmationId, GroupState, IdKind, IdProblem, InstallationId, block_letters,
    read_confirmation_id_in, read_installation_ids,
};
use crate::language::Language;
use crate::qr::{self, Qr};
use crate::script;
use crate::words::{self, Localized, Text};

#[derive(Serialize)]
struct IidJson<'a> {
    digits: &'a str,
    groups: Vec<&'a str>,
    format: Option<&'static str>,
    valid: bool,
    bad_groups: Vec<usize>,
    label: Option<&'a str>,
    problem: Option<ProblemJson>,
}

/// An ID's problem as `--json` says it (see [`ProblemJson`]).
pub(super) fn problem_json(problem: &IdProblem, language: Language) -> ProblemJson {
    let (kind, part, character) = match problem {
        IdProblem::NotFound { .. } => ("not_found", None, None),
        IdProblem::WrongLength { first_bad, .. } => ("wrong_length", first_bad.clone(), None),
        IdProblem::Mistyped { parts, .. } => ("mistyped", parts.first().cloned(), None),
        IdProblem::LookalikeLetter { part, letter, .. } => (
            "letter_for_a_digit",
            Some(part.clone()),
            Some(letter.to_string()),
        ),
        IdProblem::SeveralDifferent { .. } => ("several_different", None, None),
        IdProblem::Beside { text, .. } => ("beside", None, Some(text.clone())),
        IdProblem::Unmatched { .. } => ("unmatched", None, None),
    };
    ProblemJson {
        kind,
        part,
        character,
        message: problem.message(language),
    }
}

/// A command that found nothing to answer with: one line on standard error and, with
/// `--json`, `{"problem": ...}` on standard output.
pub(super) fn unanswered(
    mut report: Report,
    json: bool,
    problem: ProblemJson,
    exit: Exit,
) -> Report {
    let message = problem.message.clone();
    if json {
        report.json(&Unanswered { problem });
    }
    report.fail(message, exit)
}

/// Standard input past its bound, as [`unanswered`] says it.
pub(super) fn too_long(report: Report, json: bool, error: TooLong, language: Language) -> Report {
    let problem = ProblemJson::new("input_too_long", error.message(language));
    unanswered(report, json, problem, Exit::Unusable)
}

pub(super) fn iid(text: Result<String, TooLong>, json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let text = match text {
        Ok(text) => text,
        Err(error) => return too_long(report, json, error, language),
    };
    let reading = read_installation_ids(&text);
    if let Some(problem) = reading.problem() {
        let exit = exit_for(&problem);
        return unanswered(report, json, problem_json(&problem, language), exit);
    }
    let ids = &reading.ids;
    if json {
        let rows: Vec<IidJson> = ids
            .iter()
            .map(|id| IidJson {
                digits: id.digits(),
                groups: id.groups().collect(),
                format: id.format().map(|f| f.code()),
                valid: id.is_valid(),
                bad_groups: id.bad_groups(),
                label: id.label(),
                problem: id.problem().map(|p| problem_json(&p, language)),
            })
            .collect();
        report.json(&rows);
    } else {
        for (i, id) in ids.iter().enumerate() {
            write_installation_id(&mut report, i + 1, ids.len(), id, language);
        }
        if reading.repeated {
            report.line(Text::SameIidAgain.in_language(language));
        }
    }
    if reading.all_valid() {
        report
    } else {
        report.exit(Exit::Invalid)
    }
}

/// The mark beside a group or block that fails its check digit.
fn mark(state: GroupState, language: Language) -> String {
    match state {
        GroupState::Inconsistent => format!("  {}", Text::Inconsistent.in_language(language)),
        _ => String::new(),
    }
}

/// One ID, group by group; linear in the number of groups, however many a paste holds.
fn write_installation_id(
    report: &mut Report,
    number: usize,
    count: usize,
    id: &InstallationId,
    language: Language,
) {
    let mut heading = Text::InstallationIdHeading
        .in_language(language)
        .to_string();
    if count > 1 {
        let _ = write!(heading, " {number}/{count}");
    }
    if let Some(label) = id.label() {
        let _ = write!(heading, " - {label}");
    }
    report.line(heading);
    for (i, (group, state)) in id.groups().zip(id.group_states()).enumerate() {
        let _ = writeln!(
            report.out,
            "  {:>2}  {group}{}",
            i + 1,
            mark(state, language)
        );
    }
    report.line(format!("  {}", words::iid_verdict(id, language)));
}

#[derive(Serialize)]
struct CidJson<'a> {
    digits: &'a str,
    blocks: Vec<&'a str>,
    format: Option<&'static str>,
    valid: bool,
    bad_blocks: Vec<String>,
    problem: Option<ProblemJson>,
}

/// `format`: the one the command line was told (eight blocks unless `--blocks 7`).
pub(super) fn cid(
    text: Result<String, TooLong>,
    json: bool,
    format: CidFormat,
    language: Language,
) -> Report {
    let mut report = Report::new();
    let text = match text {
        Ok(text) => text,
        Err(error) => return too_long(report, json, error, language),
    };
    let formats: &'static [CidFormat] = match format {
        CidFormat::EightBlocks => &[CidFormat::EightBlocks],
        CidFormat::SevenBlocks => &[CidFormat::SevenBlocks],
    };
    let cid = match read_confirmation_id_in(&text, formats) {
        Ok(cid) => cid,
        Err(problem) => {
            let exit = exit_for(&problem);
            return unanswered(report, json, problem_json(&problem, language), exit);
        }
    };
    if json {
        report.json(&CidJson {
            digits: cid.digits(),
            blocks: cid.blocks().collect(),
            format: cid.format().map(|f| f.code()),
            valid: cid.is_valid(),
            bad_blocks: cid.bad_blocks().iter().map(ToString::to_string).collect(),
            problem: cid.problem().map(|p| problem_json(&p, language)),
        });
    } else {
        write_confirmation_id(&mut report, &cid, language);
    }
    report.exit(if cid.is_valid() {
        Exit::Done
    } else {
        Exit::Invalid
    })
}

fn write_confirmation_id(report: &mut Report, cid: &ConfirmationId, language: Language) {
    report.line(Text::ConfirmationIdHeading.in_language(language));
    for ((block, state), letter) in cid.blocks().zip(cid.block_states()).zip(block_letters()) {
        let _ = writeln!(report.out, "  {letter}  {block}{}", mark(state, language));
    }
    if let Some(problem) = cid.problem() {
        report.line(format!("  {}", problem.message(language)));
        if cid.digits().len() == CidFormat::SevenBlocks.digit_count() {
            report.line(format!(
                "  {}",
                Text::SevenBlocksOnlyAsked.in_language(language)
            ));
        }
        return;
    }
    report.line(format!(
        "  {}",
        words::two_sentences(
            Text::AllBlocksConsistent.in_language(language),
            Text::OnlyWindowsDecides.in_language(language),
            language
        )
    ));
    if cid.format() == Some(CidFormat::SevenBlocks) {
        // slmgr and ospp exist only where Confirmation IDs have 48 digits.
        report.line(format!(
            "  {}",
            Text::XpEraConfirmationId.in_language(language)
        ));
        return;
    }
    report.line(format!("  {}", cid.slmgr_command()));
    report.line(format!("  {}", cid.ospp_command()));
}

pub(super) fn qr(
    text: &[String],
    out: &Path,
    tel: Option<&str>,
    portal: bool,
    module_pixels: u32,
    language: Language,
) -> Report {
    let report = Report::new();
    if !qr::MODULE_PIXELS.contains(&module_pixels) {
        let (low, high) = (*qr::MODULE_PIXELS.start(), *qr::MODULE_PIXELS.end());
        return report.fail(
            words::module_pixels_out_of_range(low, high, module_pixels, language),
            Exit::Unusable,
        );
    }
    let made = if portal {
        Qr::for_text(script::PORTAL_URL).map_err(|e| (e.message(language), Exit::Invalid))
    } else if tel.is_some() {
        // A call no longer gets a Confirmation ID (voice activation ended in December
        // 2025): no QR code hands a phone number out as a route.
        Err((
            Text::NoTelQr.in_language(language).to_string(),
            Exit::Invalid,
        ))
    } else {
        match input(text, super::ID_INPUT_LIMIT) {
            Err(error) => Err((error.message(language), Exit::Unusable)),
            Ok(text) => {
                let reading = read_installation_ids(&text);
                match (reading.problem(), reading.ids.first()) {
                    (None, Some(id)) => Qr::for_installation_id(id)
                        .map_err(|e| (e.message(language), Exit::Invalid)),
                    (problem, _) => Err((
                        words::lookalike_or_not_found(
                            problem.as_ref(),
                            IdKind::Installation,
                            language,
                        ),
                        problem.as_ref().map_or(Exit::Unusable, exit_for),
                    )),
                }
            }
        }
    };
    let qr = match made {
        Ok(qr) => qr,
        Err((message, exit)) => return report.fail(message, exit),
    };
    let mut report = report;
    match super::write_output(&mut report, out, &qr.to_png(module_pixels), language) {
        Ok(super::Written::StandardOutput) => {}
        Ok(super::Written::Named) => report.line(out.display().to_string()),
        Err(message) => return report.fail(message, Exit::Unusable),
    }
    report
}
