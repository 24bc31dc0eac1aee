//! The command line: the engine's verdicts as readable text, or as JSON for scripts.
//!
//! Exit codes (a stable contract): 0 an ID was found and is valid / something matched;
//! 1 an ID-like run was found but is invalid, or nothing matched a query;
//! 2 nothing ID-like was found, or the command line was wrong.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::centers::{self, ActivationCenter};
use crate::id::{
    ConfirmationId, IdKind, IdProblem, InstallationId, find_confirmation_id, find_installation_ids,
};
use crate::language::{Language, Localized};
use crate::qr::Qr;
use crate::script::{self, Route};
use crate::windows::{self, ApplyOutcome, Product};

#[derive(Debug, Parser)]
#[command(
    name = "activation-companion",
    version,
    about = "Carry a Windows/Office Installation ID to Microsoft and the Confirmation ID back, without one wrong digit.",
    long_about = "Carry a Windows/Office Installation ID to Microsoft and the Confirmation ID back, without one wrong digit.\n\
                  Without a command, opens the window."
)]
pub struct Cli {
    /// Language of messages: ja or en (default: the system's).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LanguageArg>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LanguageArg {
    Ja,
    En,
}

impl From<LanguageArg> for Language {
    fn from(arg: LanguageArg) -> Language {
        match arg {
            LanguageArg::Ja => Language::Japanese,
            LanguageArg::En => Language::English,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RouteArg {
    Portal,
    Phone,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find and check every Installation ID in TEXT (or standard input): slmgr/ospp output, typed groups…
    Iid {
        text: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check a Confirmation ID block by block (A–H).
    Cid {
        text: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write a QR code PNG of the first Installation ID's digits (or of a phone number, or the portal).
    Qr {
        text: Vec<String>,
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// Encode the activation center's tel: link for this country (ISO code) instead.
        #[arg(long, value_name = "XX", conflicts_with = "portal")]
        tel: Option<String>,
        /// Encode the portal's address (https://aka.ms/aoh) instead.
        #[arg(long)]
        portal: bool,
        /// Pixels per QR module (at least 8).
        #[arg(long, default_value_t = 10)]
        module_pixels: u32,
    },
    /// Activation-center phone numbers: QUERY is an ISO code or part of a country name (English or Japanese).
    Centers {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The steps to get a Confirmation ID: by the portal or by phone.
    Script {
        #[arg(long, value_enum, default_value = "portal")]
        route: RouteArg,
        /// The country whose phone line to describe (ISO code).
        #[arg(long, value_name = "XX")]
        country: Option<String>,
    },
    /// Apply a Confirmation ID on this PC (Windows): slmgr.vbs /atp, or ospp.vbs /actcid: with --office.
    Apply {
        /// The Confirmation ID, with or without separators.
        cid: Vec<String>,
        /// The product's Activation ID (a GUID), to apply to one product of several.
        #[arg(long, value_name = "GUID")]
        activation_id: Option<String>,
        /// Apply to Office (the first OSPP.VBS found) instead of Windows.
        #[arg(long)]
        office: bool,
    },
    /// Open the window.
    Gui {
        /// An Installation ID (or any text holding one) to start with.
        #[arg(long)]
        iid: Option<String>,
        /// The country for the phone route (ISO code).
        #[arg(long, value_name = "XX")]
        country: Option<String>,
    },
}

/// Exit codes of the contract.
const FOUND_VALID: u8 = 0;
const FOUND_INVALID: u8 = 1;
const NOTHING_FOUND: u8 = 2;

/// Runs a command-line command; `None` means "open the window" (handled by main).
pub fn run(cli: Cli) -> Option<ExitCode> {
    let language = cli
        .lang
        .map(Language::from)
        .unwrap_or_else(Language::from_system);
    let code = match cli.command? {
        Command::Iid { text, json } => iid(&input(&text), json, language),
        Command::Cid { text, json } => cid(&input(&text), json, language),
        Command::Qr {
            text,
            out,
            tel,
            portal,
            module_pixels,
        } => qr(&text, out, tel.as_deref(), portal, module_pixels, language),
        Command::Centers { query, json } => centers(query.as_deref().unwrap_or(""), json, language),
        Command::Script { route, country } => script(route, country.as_deref(), language),
        Command::Apply {
            cid,
            activation_id,
            office,
        } => apply(&input(&cid), activation_id.as_deref(), office, language),
        Command::Gui { .. } => return None,
    };
    Some(ExitCode::from(code))
}

/// The arguments joined with spaces, or all of standard input (any bytes: lossy UTF-8, or
/// UTF-16 with a byte-order mark as PowerShell may send).
fn input(text: &[String]) -> String {
    if !text.is_empty() {
        return text.join(" ");
    }
    let mut bytes = Vec::new();
    // An unreadable stdin is treated as empty: the command then says nothing was found.
    let _ = io::stdin().read_to_end(&mut bytes);
    decode_text(&bytes)
}

/// Text from bytes of unknown encoding: UTF-16 when it starts with a byte-order mark,
/// else UTF-8 with invalid bytes replaced (never an error: junk simply holds no ID).
pub fn decode_text(bytes: &[u8]) -> String {
    let utf16 = |bytes: &[u8], read: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

fn print_json(value: &impl Serialize) {
    let text = serde_json::to_string_pretty(value).expect("our JSON values always serialise");
    println!("{text}");
}

fn fail(message: &str) {
    let _ = writeln!(io::stderr(), "{message}");
}

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

fn iid(text: &str, json: bool, language: Language) -> u8 {
    let ids = find_installation_ids(text);
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
        print_json(&rows);
    } else {
        for (i, id) in ids.iter().enumerate() {
            print_installation_id(i + 1, ids.len(), id, language);
        }
    }
    if ids.is_empty() {
        fail(
            &IdProblem::NotFound {
                kind: IdKind::Installation,
            }
            .message(language),
        );
        NOTHING_FOUND
    } else if ids.iter().all(InstallationId::is_valid) {
        FOUND_VALID
    } else {
        FOUND_INVALID
    }
}

fn print_installation_id(number: usize, count: usize, id: &InstallationId, language: Language) {
    let mut heading = language
        .pick("インストール ID", "Installation ID")
        .to_string();
    if count > 1 {
        heading.push_str(&format!(" {number}/{count}"));
    }
    if let Some(label) = id.label() {
        heading.push_str(&format!(" — {label}"));
    }
    println!("{heading}");
    let bad = id.bad_groups();
    for (i, group) in id.groups().enumerate() {
        let mark = if bad.contains(&(i + 1)) {
            language.pick(
                "  ← チェック数字が一致しません",
                "  <- check digit does not match",
            )
        } else {
            ""
        };
        println!("  {:>2}  {group}{mark}", i + 1);
    }
    match id.problem() {
        Some(problem) => println!("  {}", problem.message(language)),
        None => println!(
            "  {}",
            match language {
                Language::Japanese => format!(
                    "{} 桁。すべてのグループのチェック数字が一致しています。",
                    id.digits().len()
                ),
                Language::English => format!(
                    "{} digits; every group's check digit matches.",
                    id.digits().len()
                ),
            }
        ),
    }
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

fn cid(text: &str, json: bool, language: Language) -> u8 {
    let Some(cid) = find_confirmation_id(text) else {
        if json {
            println!("null");
        }
        fail(
            &IdProblem::NotFound {
                kind: IdKind::Confirmation,
            }
            .message(language),
        );
        return NOTHING_FOUND;
    };
    if json {
        print_json(&CidJson {
            digits: cid.digits(),
            blocks: cid.blocks().collect(),
            format: cid.format().map(|f| f.code()),
            valid: cid.is_valid(),
            bad_blocks: cid.bad_blocks().iter().map(ToString::to_string).collect(),
            problem: cid.problem().map(|p| p.message(language)),
        });
    } else {
        print_confirmation_id(&cid, language);
    }
    if cid.is_valid() {
        FOUND_VALID
    } else {
        FOUND_INVALID
    }
}

fn print_confirmation_id(cid: &ConfirmationId, language: Language) {
    println!("{}", language.pick("確認 ID", "Confirmation ID"));
    let bad = cid.bad_blocks();
    for (block, letter) in cid.blocks().zip(crate::id::block_letters()) {
        let mark = if bad.contains(&letter) {
            language.pick(
                "  ← 聞き間違いかもしれません",
                "  <- may have been misheard",
            )
        } else {
            ""
        };
        println!("  {letter}  {block}{mark}");
    }
    match cid.problem() {
        Some(problem) => println!("  {}", problem.message(language)),
        None => {
            println!(
                "  {}",
                language.pick(
                    "すべてのブロックが矛盾なく入力されています（正しいかどうかは Windows が判定します）。",
                    "All blocks typed consistently (only Windows can tell whether it activates).",
                )
            );
            println!("  {}", cid.slmgr_command());
            println!("  {}", cid.ospp_command());
        }
    }
}

fn qr(
    text: &[String],
    out: PathBuf,
    tel: Option<&str>,
    portal: bool,
    module_pixels: u32,
    language: Language,
) -> u8 {
    let made = if portal {
        Qr::for_text(script::PORTAL_URL).map_err(|e| (e.message(language), FOUND_INVALID))
    } else if let Some(iso) = tel {
        let uri = centers::center_by_iso(iso).and_then(|center| {
            center
                .numbers()
                .into_iter()
                .find_map(|number| number.tel_uri())
        });
        match uri {
            Some(uri) => Qr::for_text(&uri).map_err(|e| (e.message(language), FOUND_INVALID)),
            None => Err((
                match language {
                    Language::Japanese => {
                        format!("{iso} には電話をかけられる国際形式の番号がありません。")
                    }
                    Language::English => {
                        format!("{iso} has no number in international form to call.")
                    }
                },
                FOUND_INVALID,
            )),
        }
    } else {
        match find_installation_ids(&input(text)).first() {
            Some(id) => {
                Qr::for_installation_id(id).map_err(|e| (e.message(language), FOUND_INVALID))
            }
            None => Err((
                IdProblem::NotFound {
                    kind: IdKind::Installation,
                }
                .message(language),
                NOTHING_FOUND,
            )),
        }
    };
    let qr = match made {
        Ok(qr) => qr,
        Err((message, code)) => {
            fail(&message);
            return code;
        }
    };
    if let Err(error) = std::fs::write(&out, qr.to_png(module_pixels)) {
        fail(&match language {
            Language::Japanese => format!("{} に書き込めません: {error}", out.display()),
            Language::English => format!("Cannot write {}: {error}", out.display()),
        });
        return NOTHING_FOUND;
    }
    println!("{}", out.display());
    FOUND_VALID
}

#[derive(Serialize)]
struct CenterJson<'a> {
    #[serde(flatten)]
    center: &'a ActivationCenter,
    tel: Vec<String>,
}

fn centers(query: &str, json: bool, language: Language) -> u8 {
    let found = centers::find_centers(query);
    if json {
        let rows: Vec<CenterJson> = found
            .iter()
            .map(|center| CenterJson {
                center,
                tel: center
                    .numbers()
                    .iter()
                    .filter_map(|n| n.tel_uri())
                    .collect(),
            })
            .collect();
        print_json(&rows);
    } else {
        for center in &found {
            print_center(center, language);
        }
    }
    if found.is_empty() {
        fail(&match language {
            Language::Japanese => format!(
                "「{query}」に当たる国・地域はありません。ISO コード（JP など）か国名の一部で探してください。"
            ),
            Language::English => format!(
                "No country or region matches \"{query}\". Try an ISO code (JP) or part of a name."
            ),
        });
        return FOUND_INVALID;
    }
    FOUND_VALID
}

fn print_center(center: &ActivationCenter, language: Language) {
    println!("{} ({})", center.name(language), center.iso);
    for number in center.numbers() {
        let kind = match number.kind {
            centers::NumberKind::TollFree => language.pick("フリーダイヤル", "toll-free"),
            centers::NumberKind::Toll => language.pick("有料", "toll"),
        };
        let international = number.e164.as_deref().unwrap_or("");
        let mut line = format!("  {kind}: {}  {international}", number.domestic);
        if number.may_fail_from_abroad() {
            line.push_str(language.pick(
                "  （国外からはつながらないことがあります）",
                "  (may not work from abroad)",
            ));
        }
        println!("{}", line.trim_end());
    }
    for alternative in &center.alternatives {
        println!(
            "  {}: {}  ({})",
            language.pick("別の番号", "alternative"),
            alternative.number,
            alternative.note(language)
        );
    }
}

fn script(route: RouteArg, country: Option<&str>, language: Language) -> u8 {
    let route = match route {
        RouteArg::Portal => Route::Portal,
        RouteArg::Phone => Route::Phone,
    };
    let script = script::call_script(route, country);
    println!("{}", script.title(language));
    for (i, step) in script.steps(language).iter().enumerate() {
        println!("{:>2}. {}", i + 1, step.text);
        if let Some(detail) = &step.detail {
            println!("    {detail}");
        }
    }
    for note in script.notes(language) {
        println!("* {note}");
    }
    FOUND_VALID
}

fn apply(text: &str, activation_id: Option<&str>, office: bool, language: Language) -> u8 {
    let cid = ConfirmationId::from_typed(text);
    let target = if office {
        let found = windows::office_scripts(&windows::process_env, &|path| path.is_file())
            .into_iter()
            .next();
        match found {
            Some(script) => Product::Office { script },
            // Elsewhere than Windows the checks below still run, then say "Windows only".
            None if !cfg!(windows) => Product::Office {
                script: PathBuf::from("OSPP.VBS"),
            },
            None => {
                fail(language.pick(
                    "この PC に Office（OSPP.VBS）が見つかりません。",
                    "Office (OSPP.VBS) was not found on this PC.",
                ));
                return FOUND_INVALID;
            }
        }
    } else {
        Product::Windows
    };
    match windows::apply_on_this_pc(&cid, target, activation_id) {
        Ok(report) => {
            println!("> {}", report.command);
            println!("{}", report.output.trim_end());
            println!("{}", report.outcome.message(language));
            match report.outcome {
                ApplyOutcome::Deposited => FOUND_VALID,
                _ => FOUND_INVALID,
            }
        }
        Err(error @ windows::ApplyError::NotWindows) => {
            fail(&error.message(language));
            NOTHING_FOUND
        }
        Err(error) => {
            fail(&error.message(language));
            FOUND_INVALID
        }
    }
}
