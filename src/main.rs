// A double-clicked release exe opens no console window; CLI commands attach to the console
// they were started from (see `platform::attach_parent_console`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

use activation_companion::cli::{self, Command};
use activation_companion::language::Language;
use activation_companion::platform;

fn main() -> ExitCode {
    platform::attach_parent_console();
    let (cli, language) = cli::parse();
    let chosen = cli.lang.map(Language::from);
    let (iid, country) = match &cli.command {
        Some(Command::Gui { iid, country }) => (iid.clone(), country.clone()),
        _ => (None, None),
    };
    if let Some(code) = cli::run(cli, language) {
        return code;
    }
    let country = match country {
        Some(query) => match cli::gui_country(&query, language) {
            Ok(iso) => Some(iso),
            Err((message, code)) => {
                eprintln!("{message}");
                return code;
            }
        },
        None => platform::locale_country(),
    };
    window::open(iid, chosen, language, country)
}

#[cfg(feature = "gui")]
mod window {
    use std::process::ExitCode;

    use activation_companion::gui::{self, StartOptions};
    use activation_companion::language::Language;
    use activation_companion::platform;
    use activation_companion::record::RecordStore;
    use activation_companion::session::SessionStore;
    use activation_companion::words::Localized;

    /// Opens the window; `chosen` is the language asked for on the command line (it beats the
    /// saved session's), `language` the one to fall back to.
    pub fn open(
        installation_text: Option<String>,
        chosen: Option<Language>,
        language: Language,
        country: Option<String>,
    ) -> ExitCode {
        let options = StartOptions {
            installation_text,
            language: chosen,
            system_language: language,
            country,
            store: SessionStore::default_location(),
            record: RecordStore::default_location(),
            clock: std::time::SystemTime::now,
            open_in_browser: platform::open_in_browser,
            keep_clipboard: platform::keep_after_exit,
            centers: None,
        };
        match gui::run(options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("{}", error.message(language));
                ExitCode::from(2)
            }
        }
    }
}

#[cfg(not(feature = "gui"))]
mod window {
    use std::process::ExitCode;

    use activation_companion::language::Language;
    use activation_companion::words;

    /// This build has no window: say so, and point to the commands.
    pub fn open(
        _: Option<String>,
        _: Option<Language>,
        language: Language,
        _: Option<String>,
    ) -> ExitCode {
        eprintln!("{}", words::no_window_in_this_build(language));
        ExitCode::from(2)
    }
}
