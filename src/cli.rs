//! The command line: the engine's verdicts as readable text, or as JSON for scripts.
//!
//! Each command builds a [`Report`] (what goes to standard output, the one-line complaints for
//! standard error, the exit code) and [`run`] delivers it: a reader that goes away (`| head`)
//! ends the output quietly, and a full disk is one line on standard error.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::centers::{self, ActivationCenter, NumberKind};
use crate::id::{
    CidFormat, ConfirmationId, GroupState, IdKind, InstallationId, block_letters,
    read_confirmation_id, read_installation_ids,
};
use crate::language::Language;
use crate::licensing::{InstalledProduct, LicensingError};
use crate::platform;
use crate::qr::{self, Qr};
use crate::record::{self, Activation, ActivationRecord, RecordError, RecordStore};
use crate::script::{self, Route};
use crate::words::{self, Localized, Text};

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

/// TEXT is text even when it starts with a dash (see [`parse`]).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find and check every Installation ID in TEXT (or standard input): slmgr/ospp output, typed groups...
    Iid {
        text: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check a Confirmation ID block by block (A-H).
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
        /// Encode the activation center's tel: link for this country (ISO code or name) instead.
        #[arg(long, value_name = "XX", conflicts_with = "portal")]
        tel: Option<String>,
        /// Encode the portal's address (https://aka.ms/aoh) instead.
        #[arg(long)]
        portal: bool,
        /// Pixels per QR module (8 to 64).
        #[arg(long, default_value_t = 10)]
        module_pixels: u32,
    },
    /// Activation-center phone numbers: QUERY is an ISO code (JP, JPN, UK) or part of a country name (English or Japanese).
    Centers {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The steps to get a Confirmation ID: by the portal or by phone.
    Script {
        #[arg(long, value_enum, default_value = "portal")]
        route: RouteArg,
        /// The country whose phone line to describe (ISO code or name).
        #[arg(long, value_name = "XX")]
        country: Option<String>,
    },
    /// Every product with a key on this PC and how it is licensed (Windows; no administrator rights needed).
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Apply a Confirmation ID on this PC (Windows, as administrator) and say whether the product is now activated.
    Apply {
        /// The Confirmation ID, with or without separators.
        cid: Vec<String>,
        /// The product's Activation ID (a GUID, see `status`): an add-on such as ESU, or Office.
        #[arg(long, value_name = "GUID")]
        activation_id: Option<String>,
        /// The Installation ID the Confirmation ID was obtained for: nothing is applied when the
        /// product's Installation ID is no longer that one.
        #[arg(long, value_name = "DIGITS")]
        iid: Option<String>,
    },
    /// The activation record: every Confirmation ID applied on this PC or completed in the window, newest first.
    History {
        #[arg(long)]
        json: bool,
        /// Write the record to FILE: JSON, or CSV when the name ends in .csv.
        #[arg(long, value_name = "FILE", conflicts_with = "import")]
        export: Option<PathBuf>,
        /// Take in the activations of FILE (a record exported on another PC, JSON or CSV); the same pair of IDs is kept once.
        #[arg(long, value_name = "FILE")]
        import: Option<PathBuf>,
    },
    /// Open the window.
    Gui {
        /// An Installation ID (or any text holding one) to start with.
        #[arg(long)]
        iid: Option<String>,
        /// The country for the phone route (ISO code or name).
        #[arg(long, value_name = "XX")]
        country: Option<String>,
    },
}

/// The command line, with text that starts with a dash read as text wherever it stands:
/// `ospp.vbs /dinstid` output starts with `---Processing---`, and a Confirmation ID may be
/// written `-426296-...`. Each command's known options are moved before its text and the text
/// after `--`; anything shaped like an option (`--word`, `-x`) that is not one is left for
/// clap to refuse.
pub fn parse() -> Cli {
    Cli::parse_from(options_first(std::env::args_os().collect()))
}

/// See [`parse`]: `[program, ...global options, command, ...its arguments]` with the command's
/// options (as `--name=value`) before `--` and its text after.
pub fn options_first(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    use std::ffi::OsString;

    let cli = Cli::command();
    let global: Vec<&clap::Arg> = cli.get_arguments().collect();
    let Some(position) = args.iter().position(|arg| {
        cli.get_subcommands()
            .any(|command| arg.to_str() == Some(command.get_name()))
    }) else {
        return args;
    };
    let name = args[position].to_str().unwrap_or_default();
    let Some(command) = cli.find_subcommand(name) else {
        return args;
    };
    let known: Vec<&clap::Arg> = command.get_arguments().chain(global).collect();
    let option = |word: &str| {
        known.iter().find(|arg| {
            word.strip_prefix("--")
                .is_some_and(|long| arg.get_long() == Some(long))
                || word
                    .strip_prefix('-')
                    .and_then(|short| short.chars().next().filter(|_| short.len() == 1))
                    .is_some_and(|short| arg.get_short() == Some(short))
        })
    };
    let mut front: Vec<OsString> = args[..=position].to_vec();
    let mut text: Vec<OsString> = Vec::new();
    let mut rest = args[position + 1..].iter();
    while let Some(arg) = rest.next() {
        let Some(word) = arg.to_str() else {
            text.push(arg.clone());
            continue;
        };
        if word == "--" {
            text.extend(rest.by_ref().cloned());
            break;
        }
        let (head, inline_value) = match word.split_once('=') {
            Some((head, value)) if head.starts_with("--") => (head, Some(value)),
            _ => (word, None),
        };
        let looks_like_an_option = word.starts_with("--")
            && word[2..].starts_with(|c: char| c.is_ascii_alphabetic())
            || (word.len() == 2
                && word.starts_with('-')
                && word[1..].starts_with(|c: char| c.is_ascii_alphabetic()));
        match option(head) {
            Some(arg) if arg.get_action().takes_values() && !arg.is_positional() => {
                let value = match inline_value {
                    Some(value) => Some(OsString::from(value)),
                    None => rest.next().cloned(),
                };
                let mut joined = OsString::from(format!("{head}="));
                if let Some(value) = value {
                    joined.push(value);
                }
                front.push(joined);
            }
            Some(_) => front.push(arg.clone()),
            None if looks_like_an_option => front.push(arg.clone()),
            None => text.push(arg.clone()),
        }
    }
    if !text.is_empty() {
        front.push("--".into());
        front.extend(text);
    }
    front
}

/// The exit codes, a stable contract; README.md ("Exit codes") says which command exits with
/// which, in one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// What was asked for was found, checked out, or written.
    Done = 0,
    /// What was found cannot be used as it is (mistyped, wrong length, ambiguous).
    Invalid = 1,
    /// Nothing could be done (nothing found, a bad command line, a write that failed).
    Unusable = 2,
}

/// What a command has to say, delivered by [`Report::deliver`].
#[derive(Debug)]
struct Report {
    out: String,
    errors: Vec<String>,
    exit: Exit,
}

impl Report {
    fn new() -> Report {
        Report {
            out: String::new(),
            errors: Vec::new(),
            exit: Exit::Done,
        }
    }

    fn line(&mut self, line: impl AsRef<str>) {
        self.out.push_str(line.as_ref());
        self.out.push('\n');
    }

    fn json(&mut self, value: &impl Serialize) {
        let text = serde_json::to_string_pretty(value).expect("our JSON values always serialise");
        self.line(text);
    }

    fn fail(mut self, message: impl Into<String>, exit: Exit) -> Report {
        self.errors.push(message.into());
        self.exit = exit;
        self
    }

    fn exit(mut self, exit: Exit) -> Report {
        self.exit = exit;
        self
    }

    /// Writes the report. A closed pipe ends the output quietly (the reader has what it
    /// wanted); any other write failure is one line on standard error and exit 2.
    fn deliver(self, language: Language) -> Exit {
        let mut stdout = io::stdout().lock();
        let written = stdout
            .write_all(self.out.as_bytes())
            .and_then(|()| stdout.flush());
        let mut stderr = io::stderr().lock();
        for error in &self.errors {
            let _ = writeln!(stderr, "{error}");
        }
        match written {
            Ok(()) => self.exit,
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => self.exit,
            Err(error) => {
                let _ = writeln!(stderr, "{}", words::cannot_write(None, &error, language));
                Exit::Unusable
            }
        }
    }
}

/// Runs a command-line command in `language`; `None` means "open the window" (handled by
/// main).
pub fn run(cli: Cli, language: Language) -> Option<ExitCode> {
    let report = match cli.command? {
        Command::Iid { text, json } => iid(&input(&text), json, language),
        Command::Cid { text, json } => cid(&input(&text), json, language),
        Command::Qr {
            text,
            out,
            tel,
            portal,
            module_pixels,
        } => qr(&text, &out, tel.as_deref(), portal, module_pixels, language),
        Command::Centers { query, json } => centers(query.as_deref().unwrap_or(""), json, language),
        Command::Script { route, country } => script(route, country.as_deref(), language),
        Command::Status { json } => status(json, language),
        Command::Apply {
            cid,
            activation_id,
            iid,
        } => apply(
            &input(&cid),
            activation_id.as_deref(),
            iid.as_deref(),
            language,
        ),
        Command::History {
            json,
            export,
            import,
        } => history(json, export.as_deref(), import.as_deref(), language),
        Command::Gui { .. } => return None,
    };
    Some(exit_code(report.deliver(language)))
}

fn exit_code(exit: Exit) -> ExitCode {
    ExitCode::from(exit as u8)
}

/// The region `gui --country` names, as an ISO code; the message and exit code when it names
/// none or several (for main, before the window opens).
pub fn gui_country(query: &str, language: Language) -> Result<String, (String, ExitCode)> {
    centers::country(query)
        .map(|center| center.iso.clone())
        .map_err(|error| (error.message(language), exit_code(Exit::Invalid)))
}

/// The arguments joined with spaces, or all of standard input, decoded whatever its encoding
/// (see [`crate::decode::text`]).
fn input(text: &[String]) -> String {
    if !text.is_empty() {
        return text.join(" ");
    }
    let mut bytes = Vec::new();
    // An unreadable stdin is treated as empty: the command then says nothing was found.
    let _ = io::stdin().read_to_end(&mut bytes);
    crate::decode::text(&bytes)
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

fn iid(text: &str, json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let reading = read_installation_ids(text);
    if let Some(problem) = reading.problem() {
        if json {
            report.line("[]");
        }
        let exit = match reading.lookalike {
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

fn cid(text: &str, json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let cid = match read_confirmation_id(text) {
        Ok(cid) => cid,
        Err(problem) => {
            if json {
                report.line("null");
            }
            let exit = match problem {
                crate::id::IdProblem::NotFound { .. } => Exit::Unusable,
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

fn qr(
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
    } else if let Some(query) = tel {
        match centers::country(query) {
            Err(error) => Err((error.message(language), Exit::Invalid)),
            Ok(center) => match center.tel_uri() {
                Some(uri) => Qr::for_text(&uri).map_err(|e| (e.message(language), Exit::Invalid)),
                None => Err((
                    words::no_international_number(center, language),
                    Exit::Invalid,
                )),
            },
        }
    } else {
        let text = input(text);
        let reading = read_installation_ids(&text);
        match (reading.problem(), reading.ids.first()) {
            (None, Some(id)) => {
                Qr::for_installation_id(id).map_err(|e| (e.message(language), Exit::Invalid))
            }
            (problem, _) => Err((
                words::lookalike_or_not_found(problem.as_ref(), IdKind::Installation, language),
                match reading.lookalike {
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

fn centers(query: &str, json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let found = centers::find_centers(query);
    if json {
        let rows: Vec<CenterJson> = found.iter().map(|center| CenterJson::of(center)).collect();
        report.json(&rows);
    } else {
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
    for alternative in &center.alternatives {
        report.line(format!(
            "  {}",
            words::alternative_number(alternative, language)
        ));
    }
}

fn script(route: RouteArg, country: Option<&str>, language: Language) -> Report {
    let mut report = Report::new();
    let route = match route {
        RouteArg::Portal => Route::PortalOnPhone,
        RouteArg::Phone => Route::Phone,
    };
    let country = match country.map(centers::country) {
        Some(Err(error)) => return report.fail(error.message(language), Exit::Invalid),
        Some(Ok(center)) => Some(center.iso.as_str()),
        None => None,
    };
    let script = script::call_script(route, country);
    report.line(script.title(language));
    for (i, step) in script.steps(language).iter().enumerate() {
        report.line(format!("{:>2}. {}", i + 1, step.text));
        if let Some(detail) = &step.detail {
            report.line(format!("    {detail}"));
        }
    }
    for note in script.notes(language) {
        report.line(format!("* {note}"));
    }
    report
}

#[derive(Serialize)]
struct ProductJson<'a> {
    activation_id: &'a str,
    name: &'a str,
    kind: &'static str,
    license_status: u32,
    status: String,
    grace_minutes: u32,
    partial_key: &'a str,
    /// `LicenseStatusReason` as `0xC004F034`, when there is one.
    reason: Option<String>,
    installation_id: Option<&'a str>,
    valid: bool,
}

fn status(json: bool, language: Language) -> Report {
    let mut report = Report::new();
    let reading = match platform::this_pc_licensing() {
        Ok(reading) => reading,
        Err(error) => return report.fail(error.message(language), Exit::Unusable),
    };
    if json {
        let rows: Vec<ProductJson> = reading
            .products
            .iter()
            .map(|product| ProductJson {
                activation_id: &product.activation_id,
                name: &product.name,
                kind: product.kind.code(),
                license_status: product.status.code(),
                status: words::license_status(product.status, language),
                grace_minutes: product.grace_minutes,
                partial_key: &product.partial_key,
                reason: (product.reason != 0).then(|| format!("0x{:08X}", product.reason)),
                installation_id: product.installation_id.as_ref().map(InstallationId::digits),
                valid: product.valid_installation_id().is_some(),
            })
            .collect();
        report.json(&rows);
    } else {
        let now = std::time::SystemTime::now();
        for product in &reading.products {
            write_product(&mut report, product, now, language);
        }
        if !reading.has_office() {
            report.line(words::microsoft_365_note(language));
        }
    }
    for (_, problem) in &reading.problems {
        report.errors.push(problem.message(language));
    }
    report
}

fn write_product(
    report: &mut Report,
    product: &InstalledProduct,
    now: std::time::SystemTime,
    language: Language,
) {
    report.line(format!(
        "{} [{}]",
        words::product_label(product, language),
        words::product_kind(product.kind, language)
    ));
    report.line(format!("  {}", product.message(language)));
    let field = |label: Text, value: &dyn std::fmt::Display| {
        format!("  {}: {value}", label.in_language(language))
    };
    // A volume activation or a grace period ends: say when.
    if let Some(date) = product.ends_on(now) {
        report.line(field(Text::EndsOn, &format_args!("{date} (UTC)")));
    }
    report.line(field(Text::ActivationId, &product.activation_id));
    report.line(field(Text::PartialProductKey, &product.partial_key));
    if let Some(iid) = &product.installation_id {
        report.line(field(
            Text::InstallationIdHeading,
            &format_args!(
                "{} ({})",
                iid.grouped(" "),
                words::iid_verdict(iid, language)
            ),
        ));
    }
}

fn apply(text: &str, activation_id: Option<&str>, iid: Option<&str>, language: Language) -> Report {
    let report = Report::new();
    let cid = match read_confirmation_id(text) {
        Ok(cid) => cid,
        Err(problem) => return report.fail(problem.message(language), Exit::Invalid),
    };
    let obtained_for = iid.map(InstallationId::from_typed);
    if let Some(problem) = obtained_for.as_ref().and_then(InstallationId::problem) {
        return report.fail(problem.message(language), Exit::Invalid);
    }
    match platform::apply_to_this_pc(&cid, activation_id, obtained_for.as_ref()) {
        Ok(verdict) => {
            let mut report = report;
            report.line(verdict.message(language));
            // Kept in the activation record, like the window's deposits.
            let iid = obtained_for
                .as_ref()
                .or(verdict.product().and_then(|p| p.installation_id.as_ref()));
            if let Some(activation) = iid.and_then(|iid| {
                Activation::of_deposit(std::time::SystemTime::now(), &verdict, iid, &cid)
            }) && let Err(error) = RecordStore::default_location().add(activation)
            {
                report.errors.push(error.message(language));
            }
            report.exit(if verdict.is_activated() {
                Exit::Done
            } else {
                Exit::Invalid
            })
        }
        Err(error @ LicensingError::Service(_)) => {
            report.fail(error.message(language), Exit::Unusable)
        }
        // Refused before anything was deposited: the CID, the Activation ID, or the product.
        Err(error) => report.fail(error.message(language), Exit::Invalid),
    }
}

fn history(json: bool, export: Option<&Path>, import: Option<&Path>, language: Language) -> Report {
    let mut report = Report::new();
    let store = RecordStore::default_location();
    // A record that could not be read was moved aside (the message says where): the command
    // goes on with a new one and ends with exit 2. One that could not even be moved is left
    // alone, and nothing is done.
    let mut record = match store.load() {
        Ok(record) => record,
        Err(error @ RecordError::Corrupt { kept_as: Some(_) }) => {
            report.errors.push(error.message(language));
            report.exit = Exit::Unusable;
            ActivationRecord::default()
        }
        Err(error) => return report.fail(error.message(language), Exit::Unusable),
    };
    if let Some(path) = import {
        let merged = match record::read_file(path) {
            Ok(other) => record.merge(other),
            Err(error @ RecordError::NotARecord) => {
                return report.fail(error.message(language), Exit::Invalid);
            }
            Err(error) => return report.fail(error.message(language), Exit::Unusable),
        };
        if let Err(error) = store.save(&record) {
            return report.fail(error.message(language), Exit::Unusable);
        }
        report.line(words::merged(merged, language));
        if merged.left_out > 0 && report.exit == Exit::Done {
            report.exit = Exit::Invalid;
        }
        return report;
    }
    if let Some(path) = export {
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let text = if csv {
            record.to_csv()
        } else {
            record.to_json()
        };
        if let Err(error) = record::write(path, text.as_bytes()) {
            return report.fail(error.message(language), Exit::Unusable);
        }
        report.line(path.display().to_string());
        return report;
    }
    if json {
        report.line(record.to_json());
        return report;
    }
    if record.activations.is_empty() {
        report.line(Text::NoActivationsYet.in_language(language));
    }
    for activation in &record.activations {
        report.line(words::activation_line(activation, language));
        let field =
            |label: Text, value: &str| format!("  {}: {value}", label.in_language(language));
        report.line(field(
            Text::InstallationIdHeading,
            &InstallationId::from_typed(&activation.installation_id).grouped(" "),
        ));
        report.line(field(
            Text::ConfirmationIdHeading,
            &ConfirmationId::from_typed(&activation.confirmation_id).grouped("-"),
        ));
        if !activation.activation_id.is_empty() {
            report.line(field(Text::ActivationId, &activation.activation_id));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::licensing::{InstalledProduct, ProductClass, ProductRow, app_ids};

    fn kms_client(grace_minutes: u32) -> InstalledProduct {
        InstalledProduct::from_row(
            ProductClass::SoftwareLicensing,
            ProductRow {
                id: "73111121-5638-40f6-bc11-f1d7b0d64300".into(),
                application_id: app_ids::WINDOWS.into(),
                name: "Windows(R), Enterprise edition".into(),
                partial_product_key: Some("2YT43".into()),
                license_status: 1,
                grace_period_remaining: grace_minutes,
                ..ProductRow::default()
            },
        )
        .expect("a row with a key")
    }

    #[test]
    fn status_gives_the_end_date_of_a_volume_activation_only() {
        // 2026-01-01 00:00 UTC, plus 180 days of KMS activation.
        let new_year = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600);
        let mut report = Report::new();
        write_product(
            &mut report,
            &kms_client(180 * 24 * 60),
            new_year,
            Language::English,
        );
        assert!(
            report.out.contains("  Ends on: 2026-06-30 (UTC)\n"),
            "{}",
            report.out
        );

        let mut report = Report::new();
        write_product(&mut report, &kms_client(0), new_year, Language::Japanese);
        assert!(
            !report
                .out
                .contains(Text::EndsOn.in_language(Language::Japanese)),
            "a permanent activation does not end"
        );
    }
}
