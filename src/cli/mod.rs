//! The command line: the engine's verdicts as readable text, or as JSON for scripts. One
//! module per kind of command, as `crate::words` has one per kind of sentence.
//!
//! Each command builds a [`Report`] (what goes to standard output, the one-line complaints for
//! standard error, the exit code) and [`run`] delivers it: a reader that goes away (`| head`)
//! ends the output quietly, and a full disk is one line on standard error.

mod clipboard;
mod ids;
mod output;
mod phone;
mod record;
mod this_pc;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::centers;
use crate::language::Language;
use crate::platform::{self, OutputEncoding, Stream};
use crate::words::{self, Localized};

pub use output::{Exit, ID_INPUT_LIMIT, KEY_INPUT_LIMIT, ascii_json};
use output::{
    ProblemJson, Report, TooLong, Unanswered, Written, exit_code, exit_for, input,
    is_standard_stream, read_standard_input, write_encoded, write_output,
};

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
    /// The portal on a phone (scan the QR code).
    Portal,
    /// The portal in this PC's browser (copy and paste).
    PortalThisPc,
    /// A person: the portal's callback (with how the phone line worked until December 2025).
    Phone,
}

/// TEXT is text even when it starts with a dash (see [`parse`]).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find and check every Installation ID in TEXT (or standard input, at most 1 MB): slmgr/ospp output, typed groups...
    Iid {
        text: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check a Confirmation ID block by block (A-H), from TEXT or standard input (at most 1 MB).
    Cid {
        text: Vec<String>,
        #[arg(long)]
        json: bool,
        /// How many blocks the Confirmation ID has: 8 (A-H, Windows Vista and later, Office
        /// 2010 and later), or 7 (A-G, Windows XP era). Only this many are read as a whole
        /// ID: a block left out of eight leaves a perfect seven.
        #[arg(long, value_name = "7|8", default_value_t = 8, value_parser = clap::value_parser!(u8).range(7..=8))]
        blocks: u8,
    },
    /// Write a QR code PNG of the first Installation ID's digits in TEXT or standard input (at most 1 MB), or of the portal's address.
    Qr {
        text: Vec<String>,
        /// The PNG file to write (- is standard output).
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// Refused: voice activation ended in December 2025, so no QR code of a phone number
        /// is made (kept so that an old command says why).
        #[arg(long, value_name = "XX", conflicts_with = "portal", hide = true)]
        tel: Option<String>,
        /// Encode the portal's address (https://aka.ms/aoh) instead.
        #[arg(long)]
        portal: bool,
        /// Pixels per QR module (8 to 64).
        #[arg(long, default_value_t = 10)]
        module_pixels: u32,
    },
    /// The activation centers' phone numbers, as history (voice activation ended in December 2025): QUERY is an ISO code (JP, JPN, UK) or part of a country name.
    Centers {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The steps to get a Confirmation ID: the portal on a phone, the portal on this PC, or a person (the portal's callback).
    Script {
        #[arg(long, value_enum, default_value = "portal")]
        route: RouteArg,
        /// The country whose old phone line to describe, with --route phone (ISO code or name).
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
        /// The Confirmation ID, with or without separators (omitted: standard input, at most 1 MB).
        cid: Vec<String>,
        /// The product's Activation ID (a GUID, see `status`): an add-on such as ESU, or Office.
        #[arg(long, value_name = "GUID")]
        activation_id: Option<String>,
        /// The Installation ID the Confirmation ID was obtained for: nothing is applied when the
        /// product's Installation ID is no longer that one.
        #[arg(long, value_name = "DIGITS")]
        iid: Option<String>,
    },
    /// Install a product key on this PC (Windows, as administrator), as slmgr /ipk does: each ESU year's new MAK, for example; then show the product it installed. KEY from the arguments, else typed at a prompt (not shown), else standard input (at most 4 KB); only its last five characters are ever shown.
    InstallKey { key: Vec<String> },
    /// Write a support report (JSON): versions, what the licensing service answered, the verdicts. Written even when the service fails.
    Report {
        /// Write it to FILE instead of standard output (- is standard output; a device, a pipe or a link's target is written to).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Leave out the Installation IDs (they identify this PC's hardware).
        #[arg(long)]
        leave_out_ids: bool,
    },
    /// The activation record: every Confirmation ID applied on this PC or completed in the window, newest first.
    History {
        #[arg(long)]
        json: bool,
        /// Write the record to FILE: JSON, or CSV when the name ends in .csv (- is standard output).
        #[arg(long, value_name = "FILE", conflicts_with = "import")]
        export: Option<PathBuf>,
        /// Take in the activations of FILE (a record exported on another PC, JSON or CSV; - is standard input; at most 32 MB); the same pair of IDs is kept once.
        #[arg(long, value_name = "FILE")]
        import: Option<PathBuf>,
    },
    /// Own the clipboard with standard input's text until something else is copied (X11),
    /// then exit: what the window hands its last copy to when it closes. Hidden: not for people.
    #[command(hide = true)]
    HoldClipboard {
        /// Hand the text to a holder in the background and return at once, as the window does.
        #[arg(long)]
        detach: bool,
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
///
/// Its help and its complaints are in the user's language: `--lang` if given, else the
/// system's (clap's own are English). Returns that language with the command line, so the
/// system's is asked once.
pub fn parse() -> (Cli, Language) {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // clap says only that some argument is not UTF-8: name which, as far as it can be read.
    if let Some((position, lossy)) = first_unreadable(&args) {
        let language = language_asked(&args).unwrap_or_else(crate::platform::user_language);
        let line = words::argument_not_text(position, &lossy, language);
        let _ = write_encoded(Stream::Error, &format!("{line}\n"));
        std::process::exit(Exit::Unusable as i32);
    }
    parse_from(args).unwrap_or_else(|(error, language)| match language {
        Language::English => exit_with(error),
        Language::Japanese => {
            use clap::error::ErrorKind;
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) {
                exit_with(error);
            }
            let _ = write_encoded(Stream::Error, &format!("{}\n", japanese_error(&error)));
            std::process::exit(Exit::Unusable as i32);
        }
    })
}

/// clap's help or complaint, then its exit code: as clap writes it (colours on a console),
/// or, for a pipe or file a console will show, in that console's code page.
fn exit_with(error: clap::Error) -> ! {
    let stream = if error.use_stderr() {
        Stream::Error
    } else {
        Stream::Output
    };
    if platform::stream_encoding(stream) == OutputEncoding::AsIs {
        error.exit()
    }
    let _ = write_encoded(stream, &error.render().to_string());
    std::process::exit(error.exit_code())
}

/// [`parse`] without exiting: the command line, or clap's error with the language to say
/// it in.
pub fn parse_from(
    args: Vec<std::ffi::OsString>,
) -> Result<(Cli, Language), (clap::Error, Language)> {
    use clap::{CommandFactory, FromArgMatches};
    let args = options_first(args);
    let language = language_asked(&args).unwrap_or_else(crate::platform::user_language);
    localized(Cli::command(), language)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map(|cli| (cli, language))
        .map_err(|error| (error, language))
}

/// The first argument that is not UTF-8: its position (1 for the first after the program's
/// name) and its text with what cannot be read replaced.
fn first_unreadable(args: &[std::ffi::OsString]) -> Option<(usize, String)> {
    args.iter()
        .enumerate()
        .skip(1)
        .find(|(_, arg)| arg.to_str().is_none())
        .map(|(position, arg)| (position, arg.to_string_lossy().into_owned()))
}

/// The `--lang` on the command line, read before clap (whose help depends on it).
fn language_asked(args: &[std::ffi::OsString]) -> Option<Language> {
    let words: Vec<&str> = args.iter().filter_map(|arg| arg.to_str()).collect();
    let value = words
        .iter()
        .enumerate()
        .find_map(|(i, word)| match *word {
            "--" => Some(None),
            "--lang" => Some(words.get(i + 1).copied()),
            _ => word.strip_prefix("--lang=").map(Some),
        })??;
    LanguageArg::from_str(value, true).ok().map(Language::from)
}

/// The command line as clap shows it in `language`: for Japanese, every help text from
/// `words`, headings of its own, and the possible and default values said in the text.
pub fn localized(command: clap::Command, language: Language) -> clap::Command {
    match language {
        Language::English => command,
        Language::Japanese => in_japanese(command, ""),
    }
}

fn in_japanese(command: clap::Command, name: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    let help = |arg: Option<&str>| words::japanese_help(name, arg).unwrap_or_default();
    let mut command = command;
    if name.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(help(Some("version"))),
        );
    }
    // The usage line as clap writes it, with its English placeholders in Japanese.
    let usage = {
        let bin_name = match name {
            "" => "activation-companion".to_string(),
            _ => format!("activation-companion {name}"),
        };
        let rendered = command
            .clone()
            .bin_name(bin_name)
            .render_usage()
            .to_string();
        let rendered = rendered.trim_start_matches("Usage:").trim().to_string();
        words::JAPANESE_USAGE_WORDS
            .iter()
            .fold(rendered, |usage, (english, japanese)| {
                usage.replace(english, japanese)
            })
    };
    command = command
        .override_usage(usage)
        .about(help(None))
        .long_about(None)
        .help_template(words::JAPANESE_HELP_TEMPLATE)
        .subcommand_help_heading(words::JAPANESE_COMMANDS)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(help(Some("help"))),
        )
        .mut_args(|arg| {
            let id = arg.get_id().to_string();
            let heading = match arg.is_positional() {
                true => words::JAPANESE_ARGUMENTS,
                false => words::JAPANESE_OPTIONS,
            };
            let text = words::japanese_help(name, Some(&id))
                .or_else(|| words::japanese_help("", Some(&id)))
                .unwrap_or_default();
            let arg = arg.help(text).long_help(None).help_heading(heading);
            // clap would add "[possible values: ...]" and "[default: ...]" in English: the
            // Japanese text says them.
            match arg.get_action().takes_values() {
                true => arg.hide_possible_values(true).hide_default_value(true),
                false => arg,
            }
        });
    command.mut_subcommands(|sub| {
        let sub_name = sub.get_name().to_string();
        in_japanese(sub, &sub_name)
    })
}

/// clap's complaint in Japanese, with what it named.
fn japanese_error(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue};
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        _ => None,
    };
    let what = context(ContextKind::InvalidArg).or_else(|| context(ContextKind::InvalidSubcommand));
    let value = context(ContextKind::InvalidValue);
    words::japanese_command_line_error(error.kind(), what.as_deref(), value.as_deref())
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

/// Runs a command-line command in `language`; `None` means "open the window" (handled by
/// main).
pub fn run(cli: Cli, language: Language) -> Option<ExitCode> {
    let report = match cli.command? {
        Command::Iid { text, json } => ids::iid(input(&text, ID_INPUT_LIMIT), json, language),
        Command::Cid { text, json, blocks } => {
            let format = match blocks {
                7 => crate::id::CidFormat::SevenBlocks,
                _ => crate::id::CidFormat::EightBlocks,
            };
            ids::cid(input(&text, ID_INPUT_LIMIT), json, format, language)
        }
        Command::Qr {
            text,
            out,
            tel,
            portal,
            module_pixels,
        } => ids::qr(&text, &out, tel.as_deref(), portal, module_pixels, language),
        Command::Centers { query, json } => {
            phone::centers(query.as_deref().unwrap_or(""), json, language)
        }
        Command::Script { route, country } => phone::script(route, country.as_deref(), language),
        Command::Status { json } => this_pc::status(json, language),
        Command::Apply {
            cid,
            activation_id,
            iid,
        } => this_pc::apply(
            input(&cid, ID_INPUT_LIMIT),
            activation_id.as_deref(),
            iid.as_deref(),
            language,
        ),
        Command::InstallKey { key } => this_pc::install_key(&key, language),
        Command::Report { out, leave_out_ids } => {
            this_pc::report(out.as_deref(), leave_out_ids, language)
        }
        Command::History {
            json,
            export,
            import,
        } => record::history(json, export.as_deref(), import.as_deref(), language),
        Command::HoldClipboard { detach } => clipboard::hold_clipboard(detach, language),
        Command::Gui { .. } => return None,
    };
    Some(exit_code(report.deliver(language)))
}

/// The region `gui --country` names, as an ISO code; the message and exit code when it names
/// none or several (for main, before the window opens).
pub fn gui_country(query: &str, language: Language) -> Result<String, (String, ExitCode)> {
    centers::country(query)
        .map(|center| center.iso.clone())
        .map_err(|error| (error.message(language), exit_code(Exit::Invalid)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn json_is_written_in_ascii_and_reads_back_the_same() {
        let value = serde_json::json!({
            "country": "\u{65e5}\u{672c}",
            "mark": "\u{2713} OK",
            "emoji": "\u{1F600}",
            "quote": "a \"b\" \\ c",
        });
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let ascii = ascii_json(&pretty);
        assert!(ascii.is_ascii(), "{ascii}");
        assert!(ascii.contains("\\u65e5\\u672c"), "{ascii}");
        assert!(ascii.contains("\\ud83d\\ude00"), "{ascii}");
        let back: serde_json::Value = serde_json::from_str(&ascii).unwrap();
        assert_eq!(back, value);
    }

    /// Every command and argument a person can see has its Japanese help: a new one cannot
    /// ship with English help only.
    #[test]
    fn every_visible_command_and_argument_has_japanese_help() {
        let mut missing = Vec::new();
        let root = Cli::command();
        let commands = std::iter::once(("", &root))
            .chain(root.get_subcommands().map(|sub| (sub.get_name(), sub)))
            .filter(|(_, command)| !command.is_hide_set());
        for (name, command) in commands {
            if words::japanese_help(name, None).is_none() {
                missing.push(format!("{name:?}"));
            }
            for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
                let id = arg.get_id().as_str();
                if words::japanese_help(name, Some(id))
                    .or_else(|| words::japanese_help("", Some(id)))
                    .is_none()
                {
                    missing.push(format!("{name:?} {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "no Japanese help: {missing:?}");
    }

    #[test]
    fn the_language_is_read_before_clap() {
        let args = |words: &[&str]| {
            words
                .iter()
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            language_asked(&args(&["ac", "--lang", "ja", "iid"])),
            Some(Language::Japanese)
        );
        assert_eq!(
            language_asked(&args(&["ac", "iid", "--lang=en"])),
            Some(Language::English)
        );
        // Text after `--` is text, not an option.
        assert_eq!(
            language_asked(&args(&["ac", "iid", "--", "--lang", "ja"])),
            None
        );
        assert_eq!(language_asked(&args(&["ac", "--lang", "xx"])), None);
    }
}
