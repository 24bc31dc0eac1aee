//! The command lines this module runs, built as separate arguments (never quoted by hand), and
//! how they look to a person.
//!
//! Paths are Windows paths built with `\` whatever the OS running the tests, from an
//! environment lookup (`SystemRoot`, `ProgramFiles`, `ProgramFiles(x86)`) the caller provides.

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::id::ConfirmationId;

/// Where Windows lives when the environment does not say (it always does on a working PC).
pub const DEFAULT_SYSTEM_ROOT: &str = r"C:\Windows";

/// Office folders that hold `OSPP.VBS`, newest first: Office 2016–2024 / 365, 2013, 2010.
pub const OFFICE_FOLDERS: [&str; 3] = ["Office16", "Office15", "Office14"];

/// A program and its arguments, ready for [`super::CommandRunner::run`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSpec {
    pub program: PathBuf,
    pub args: Vec<OsString>,
}

impl CommandSpec {
    /// How the command looks typed into a console (see [`command_line_for_display`]).
    pub fn display(&self) -> String {
        command_line_for_display(&self.program, &self.args)
    }
}

/// Joins Windows path pieces with `\`, whatever the OS building the path.
pub fn windows_path(base: &str, parts: &[&str]) -> PathBuf {
    let mut path = base.trim_end_matches(['\\', '/']).to_string();
    for part in parts {
        path.push('\\');
        path.push_str(part);
    }
    PathBuf::from(path)
}

/// `%SystemRoot%` (else `%windir%`, else `C:\Windows`).
pub fn system_root(env: &dyn Fn(&str) -> Option<String>) -> String {
    ["SystemRoot", "windir"]
        .into_iter()
        .filter_map(env)
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
        .unwrap_or_else(|| DEFAULT_SYSTEM_ROOT.to_string())
}

/// `%SystemRoot%\System32\cscript.exe`: the full path, so nothing on `PATH` can stand in for it.
pub fn cscript_path(system_root: &str) -> PathBuf {
    windows_path(system_root, &["System32", "cscript.exe"])
}

/// `%SystemRoot%\System32\slmgr.vbs`.
pub fn slmgr_path(system_root: &str) -> PathBuf {
    windows_path(system_root, &["System32", "slmgr.vbs"])
}

/// `%SystemRoot%\System32\sppui\phone.inf`: Windows' own list of activation phone numbers.
pub fn phone_inf_path(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    windows_path(&system_root(env), &["System32", "sppui", "phone.inf"])
}

/// Every `OSPP.VBS` that exists under `%ProgramFiles%` and `%ProgramFiles(x86)%`, in
/// `Microsoft Office\Office16`, `Office15` and `Office14`, in that order.
pub fn office_scripts(
    env: &dyn Fn(&str) -> Option<String>,
    exists: &dyn Fn(&Path) -> bool,
) -> Vec<PathBuf> {
    let mut bases: Vec<String> = Vec::new();
    for name in ["ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"] {
        if let Some(base) = env(name).map(|b| b.trim().to_string())
            && !base.is_empty()
            && !bases.iter().any(|b| b.eq_ignore_ascii_case(&base))
        {
            bases.push(base);
        }
    }
    let mut scripts = Vec::new();
    for base in &bases {
        for folder in OFFICE_FOLDERS {
            let script = windows_path(base, &["Microsoft Office", folder, "OSPP.VBS"]);
            if exists(&script) {
                scripts.push(script);
            }
        }
    }
    scripts
}

/// The host options every run uses: no banner, and Unicode (UTF-16LE) for redirected output.
fn cscript_args(script: &Path) -> Vec<OsString> {
    vec![
        "//nologo".into(),
        "//U".into(),
        script.as_os_str().to_owned(),
    ]
}

/// `cscript //nologo //U %SystemRoot%\System32\slmgr.vbs /dti`.
pub fn windows_read_command(system_root: &str) -> CommandSpec {
    let mut args = cscript_args(&slmgr_path(system_root));
    args.push("/dti".into());
    CommandSpec {
        program: cscript_path(system_root),
        args,
    }
}

/// `cscript //nologo //U <OSPP.VBS> /dinstid`.
pub fn office_read_command(system_root: &str, script: &Path) -> CommandSpec {
    let mut args = cscript_args(script);
    args.push("/dinstid".into());
    CommandSpec {
        program: cscript_path(system_root),
        args,
    }
}

/// `cscript //nologo //U slmgr.vbs /atp <digits> [ActivationID]`: the CID as one argument,
/// digits only.
pub fn windows_apply_command(
    system_root: &str,
    cid: &ConfirmationId,
    activation_id: Option<&str>,
) -> CommandSpec {
    let mut args = cscript_args(&slmgr_path(system_root));
    args.push("/atp".into());
    args.push(cid.digits().into());
    if let Some(id) = activation_id {
        args.push(id.into());
    }
    CommandSpec {
        program: cscript_path(system_root),
        args,
    }
}

/// `cscript //nologo //U <OSPP.VBS> /actcid:<digits>` (ospp.vbs tries the CID on every Office
/// product that has a key; it takes no Activation ID).
pub fn office_apply_command(system_root: &str, script: &Path, cid: &ConfirmationId) -> CommandSpec {
    let mut args = cscript_args(script);
    args.push(format!("/actcid:{}", cid.digits()).into());
    CommandSpec {
        program: cscript_path(system_root),
        args,
    }
}

/// The command as a person would type it into `cmd.exe`: each piece that holds a space, a tab,
/// a double quote or nothing at all is put in double quotes (the rules Windows programs use to
/// split a command line). For showing only: the runner passes the pieces separately.
pub fn command_line_for_display(program: &Path, args: &[OsString]) -> String {
    let program = program.to_string_lossy();
    let mut line = quote_windows_arg(&program).into_owned();
    for arg in args {
        line.push(' ');
        line.push_str(&quote_windows_arg(&arg.to_string_lossy()));
    }
    line
}

/// A whole argument list as one Windows command-line string (for `ShellExecuteW`'s
/// parameters), quoted so the program receives exactly these arguments.
pub fn windows_command_line(args: &[OsString]) -> String {
    args.iter()
        .map(|arg| quote_windows_arg(&arg.to_string_lossy()).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One argument quoted by the rules of `CommandLineToArgvW` / the Microsoft C runtime:
/// backslashes are literal except before a double quote, where they are doubled.
pub fn quote_windows_arg(arg: &str) -> Cow<'_, str> {
    let needs_quotes = arg.is_empty() || arg.contains([' ', '\t', '\n', '\x0B', '"']);
    if !needs_quotes {
        return Cow::Borrowed(arg);
    }
    let mut quoted = String::with_capacity(arg.len() + 2);
    quoted.push('"');
    let mut backslashes = 0;
    for c in arg.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                quoted.extend(std::iter::repeat_n('\\', backslashes * 2 + 1));
                quoted.push('"');
                backslashes = 0;
            }
            _ => {
                quoted.extend(std::iter::repeat_n('\\', backslashes));
                quoted.push(c);
                backslashes = 0;
            }
        }
    }
    quoted.extend(std::iter::repeat_n('\\', backslashes * 2));
    quoted.push('"');
    Cow::Owned(quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_use_backslashes_on_every_os() {
        assert_eq!(
            slmgr_path(r"C:\Windows\"),
            PathBuf::from(r"C:\Windows\System32\slmgr.vbs")
        );
    }

    #[test]
    fn quoting_follows_the_windows_rules() {
        assert_eq!(quote_windows_arg("plain"), "plain");
        assert_eq!(quote_windows_arg(""), "\"\"");
        assert_eq!(quote_windows_arg("a b"), "\"a b\"");
        assert_eq!(quote_windows_arg(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(
            quote_windows_arg(r"C:\dir with space\"),
            r#""C:\dir with space\\""#
        );
        assert_eq!(quote_windows_arg(r"C:\no\space"), r"C:\no\space");
    }

    #[test]
    fn a_command_line_for_shell_execute_keeps_each_argument() {
        let args: Vec<OsString> = vec!["apply".into(), "two words".into(), "".into()];
        assert_eq!(windows_command_line(&args), r#"apply "two words" """#);
    }
}
