//! Windows paths built with `\` whatever the OS running the tests, from an environment lookup
//! the caller provides (`SystemRoot`), and command lines quoted as Windows programs split them.

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::PathBuf;

/// Where Windows lives when the environment does not say (it always does on a working PC).
pub const DEFAULT_SYSTEM_ROOT: &str = r"C:\Windows";

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

/// `%SystemRoot%\System32\sppui\phone.inf`: Windows' own list of activation phone numbers.
pub fn phone_inf_path(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    windows_path(&system_root(env), &["System32", "sppui", "phone.inf"])
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

/// The bytes of this PC's `%SystemRoot%\System32\sppui\phone.inf` - Windows' own, most current
/// list of activation phone numbers (parse them with `crate::centers::parse_phone_inf`).
/// `None` on other OSes or when the file cannot be read.
pub fn read_this_pc_phone_inf() -> Option<Vec<u8>> {
    #[cfg(windows)]
    {
        std::fs::read(phone_inf_path(&|name| std::env::var(name).ok())).ok()
    }
    #[cfg(not(windows))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_use_backslashes_on_every_os() {
        let env = |name: &str| (name == "SystemRoot").then(|| r"D:\Win\".to_string());
        assert_eq!(
            phone_inf_path(&env),
            PathBuf::from(r"D:\Win\System32\sppui\phone.inf")
        );
        assert_eq!(
            phone_inf_path(&|_| None),
            PathBuf::from(r"C:\Windows\System32\sppui\phone.inf")
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
