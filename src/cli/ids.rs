//! `iid`, `cid` and `qr`: the IDs in a text, checked group by group.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::{Exit, Report, input};
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
    problem: Option<String>,
}

pub(super) fn iid(text: &str, json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let reading = read_installation_ids(text);
    if let Some(problem) = reading.problem() {
        if json {
            report.line("[]");
        }
        let exit = match reading.slip {
            Some(_) => Exit::Invalid,
            None => Exit::Unusable,
        };
        return report.fail(problem.message(language), exit);
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
                problem: id.problem().map(|p| p.message(language)),
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
    problem: Option<String>,
}

/// `format`: the one the command line was told (eight blocks unless `--blocks 7`).
pub(super) fn cid(text: &str, json: bool, format: CidFormat, language: Language) -> Report {
    let mut report = Report::new();
    let formats: &'static [CidFormat] = match format {
        CidFormat::EightBlocks => &[CidFormat::EightBlocks],
        CidFormat::SevenBlocks => &[CidFormat::SevenBlocks],
    };
    let cid = match read_confirmation_id_in(text, formats) {
        Ok(cid) => cid,
        Err(problem) => {
            if json {
                report.line("null");
            }
            let exit = match problem {
                IdProblem::NotFound { .. } | IdProblem::Unmatched { .. } => Exit::Unusable,
                _ => Exit::Invalid,
            };
            return report.fail(problem.message(language), exit);
        }
    };
    if json {
        report.json(&CidJson {
            digits: cid.digits(),
            blocks: cid.blocks().collect(),
            format: cid.format().map(|f| f.code()),
            valid: cid.is_valid(),
            bad_blocks: cid.bad_blocks().iter().map(ToString::to_string).collect(),
            problem: cid.problem().map(|p| p.message(language)),
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
        "  {} {}",
        Text::AllBlocksConsistent.in_language(language),
        Text::OnlyWindowsDecides.in_language(language)
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
        let text = input(text);
        let reading = read_installation_ids(&text);
        match (reading.problem(), reading.ids.first()) {
            (None, Some(id)) => {
                Qr::for_installation_id(id).map_err(|e| (e.message(language), Exit::Invalid))
            }
            (problem, _) => Err((
                words::lookalike_or_not_found(problem.as_ref(), IdKind::Installation, language),
                match reading.slip {
                    Some(_) => Exit::Invalid,
                    None => Exit::Unusable,
                },
            )),
        }
    };
    let qr = match made {
        Ok(qr) => qr,
        Err((message, exit)) => return report.fail(message, exit),
    };
    if let Err(error) = std::fs::write(out, qr.to_png(module_pixels)) {
        return report.fail(
            words::cannot_write(Some(out), &error, language),
            Exit::Unusable,
        );
    }
    let mut report = report;
    report.line(out.display().to_string());
    report
}
