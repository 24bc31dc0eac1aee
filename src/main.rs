// A double-clicked release exe opens no console window; CLI commands attach to the console
// they were started from (see `windows::attach_parent_console`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use activation_companion::centers::ActivationCenter;
use activation_companion::cli::{self, Command};
use activation_companion::gui::{self, StartOptions};
use activation_companion::language::{Language, Localized};
use activation_companion::session::SessionStore;
use activation_companion::{centers, windows};

fn main() -> ExitCode {
    windows::attach_parent_console();
    let cli = cli::parse();
    let language = cli.lang.map(Language::from);
    let (iid, country) = match &cli.command {
        Some(Command::Gui { iid, country }) => (iid.clone(), country.clone()),
        _ => (None, None),
    };
    if let Some(code) = cli::run(cli) {
        return code;
    }
    let country = match country {
        Some(query) => {
            let in_language = language.unwrap_or_else(Language::from_system);
            match cli::gui_country(&query, in_language) {
                Ok(iso) => Some(iso),
                Err((message, code)) => {
                    eprintln!("{message}");
                    return code;
                }
            }
        }
        None => windows::locale_country(),
    };
    let options = StartOptions {
        installation_text: iid,
        language,
        country,
        store: SessionStore::default_location(),
        centers: phone_list(),
    };
    match gui::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let language = language.unwrap_or_else(Language::from_system);
            eprintln!("{}", error.message(language));
            ExitCode::from(2)
        }
    }
}

/// This PC's own phone.inf (the most current list) over the bundled table; the bundled table
/// alone when the PC has none or it cannot be read.
fn phone_list() -> Vec<ActivationCenter> {
    match windows::read_this_pc_phone_inf().map(|bytes| centers::parse_phone_inf(&bytes)) {
        Some(Ok(rows)) if !rows.is_empty() => centers::prefer_this_pc(rows),
        _ => centers::bundled_centers().to_vec(),
    }
}
