//! `activation-companion.com`, the console companion of `activation-companion.exe` (built as
//! `activation-companion-console.exe` and shipped renamed, beside the window's exe). The
//! devenv.com / devenv.exe convention: typing `activation-companion` in `cmd` or PowerShell
//! finds the `.com` first (PATHEXT lists it before `.exe`), and a console program makes the
//! shell wait, so scripts get the output before the prompt and the exit code in
//! `%ERRORLEVEL%` / `$LASTEXITCODE`. Double-clicking `activation-companion.exe` (no console of
//! its own) still opens only the window.
//!
//! Every command runs here, as the window's exe would run it. Without one (or with `gui`), this
//! starts the window's exe with the same arguments and returns at once, leaving the console
//! free.

use std::process::{Command as Process, ExitCode, Stdio};

use activation_companion::cli::{self, Command};
use activation_companion::words;

fn main() -> ExitCode {
    let (cli, language) = cli::parse();
    if let Some(Command::Gui {
        country: Some(query),
        ..
    }) = &cli.command
        && let Err((message, code)) = cli::gui_country(query, language)
    {
        eprintln!("{message}");
        return code;
    }
    if let Some(code) = cli::run(cli, language) {
        return code;
    }
    let exe = format!("activation-companion{}", std::env::consts::EXE_SUFFIX);
    let window = match std::env::current_exe() {
        Ok(this) => this.with_file_name(exe),
        Err(_) => exe.into(),
    };
    // No standard streams: the window's exe must not hold a script's pipe open until the
    // window closes.
    let started = Process::new(&window)
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match started {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            let path = window.display().to_string();
            eprintln!(
                "{}",
                words::window_exe_not_started(&path, &error.to_string(), language)
            );
            ExitCode::from(2)
        }
    }
}
