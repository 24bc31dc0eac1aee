//! Calls into Windows itself: the console, the user's locale, administrator rights, and
//! Windows' own list of activation phone numbers. Each has a harmless answer on other OSes, so
//! callers need no `cfg`.

use std::ffi::OsString;

use crate::language::{Language, Localized};

/// Lets a release build (`windows_subsystem = "windows"`, no console of its own) print to the
/// console it was started from, so CLI subcommands work in `cmd` and PowerShell.
///
/// Does nothing when standard output already goes somewhere (redirected to a file or pipe), so
/// `app.exe --json > out.json` keeps working. Returns whether standard output now goes
/// somewhere; always `true` on other OSes, where this is a no-op.
///
/// A GUI-subsystem program does not make the shell wait: the prompt may come back before the
/// output. Callers that want a clean prompt can print a final newline.
pub fn attach_parent_console() -> bool {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
        use windows_sys::Win32::System::Console::{
            ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
        };
        // SAFETY: plain Win32 calls with constant arguments; no pointers are passed.
        unsafe {
            let handle = GetStdHandle(STD_OUTPUT_HANDLE);
            if !handle.is_null() && handle != INVALID_HANDLE_VALUE {
                return true;
            }
            AttachConsole(ATTACH_PARENT_PROCESS) != 0
        }
    }
    #[cfg(not(windows))]
    {
        true
    }
}

/// The user's default locale as Windows names it (BCP-47, e.g. `ja-JP`, `en-GB`);
/// `None` on other OSes or when Windows gives none.
pub fn windows_user_locale() -> Option<String> {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Globalization::GetUserDefaultLocaleName;
        /// LOCALE_NAME_MAX_LENGTH, including the terminating NUL.
        const MAX: usize = 85;
        let mut buffer = [0u16; MAX];
        // SAFETY: the buffer is writable and its length in UTF-16 units is passed with it.
        let written = unsafe { GetUserDefaultLocaleName(buffer.as_mut_ptr(), MAX as i32) };
        if written <= 1 {
            return None;
        }
        let name = String::from_utf16(&buffer[..written as usize - 1]).ok()?;
        (!name.is_empty()).then_some(name)
    }
    #[cfg(not(windows))]
    {
        None
    }
}

/// Whether this process runs with administrator rights (an elevated token): `Some(true)` /
/// `Some(false)` on Windows, `None` elsewhere or when Windows cannot say. Applying a
/// Confirmation ID needs `Some(true)`.
pub fn is_elevated() -> Option<bool> {
    #[cfg(windows)]
    {
        use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
        use windows_sys::Win32::Security::{
            GetTokenInformation, TOKEN_ELEVATION, TOKEN_QUERY, TokenElevation,
        };
        use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

        let mut token: HANDLE = std::ptr::null_mut();
        // SAFETY: `token` is a valid out-pointer; the pseudo-handle needs no closing.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return None;
        }
        let mut elevation = TOKEN_ELEVATION { TokenIsElevated: 0 };
        let mut returned = 0u32;
        // SAFETY: the buffer is a TOKEN_ELEVATION and its exact size is passed with it.
        let ok = unsafe {
            GetTokenInformation(
                token,
                TokenElevation,
                (&mut elevation as *mut TOKEN_ELEVATION).cast(),
                std::mem::size_of::<TOKEN_ELEVATION>() as u32,
                &mut returned,
            )
        };
        // SAFETY: `token` was opened above and is closed exactly once.
        unsafe { CloseHandle(token) };
        (ok != 0).then_some(elevation.TokenIsElevated != 0)
    }
    #[cfg(not(windows))]
    {
        None
    }
}

/// Why the app could not restart itself as administrator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ElevationError {
    /// The user answered "No" in the User Account Control prompt.
    #[error("{}", self.message(Language::English))]
    Declined,
    /// Windows refused or failed (the Win32 error code).
    #[error("{}", self.message(Language::English))]
    Failed { code: u32 },
    /// Not on Windows.
    #[error("{}", self.message(Language::English))]
    NotWindows,
}

impl Localized for ElevationError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (ElevationError::Declined, Language::English) => {
                "Administrator rights were not granted, so nothing was changed. To apply the \
                 Confirmation ID, answer “Yes” in the User Account Control prompt, or right-click \
                 Activation Companion and choose “Run as administrator”."
                    .into()
            }
            (ElevationError::Declined, Language::Japanese) => {
                "管理者権限が許可されなかったため、何も変更していません。確認 ID を適用するには、\
                 ユーザー アカウント制御の画面で「はい」を選ぶか、Activation Companion を右クリックして\
                 「管理者として実行」を選んでください。"
                    .into()
            }
            (ElevationError::Failed { code }, Language::English) => format!(
                "Could not restart as administrator (Windows error {code}). Right-click Activation \
                 Companion and choose “Run as administrator”."
            ),
            (ElevationError::Failed { code }, Language::Japanese) => format!(
                "管理者として再起動できませんでした（Windows エラー {code}）。Activation Companion を\
                 右クリックして「管理者として実行」を選んでください。"
            ),
            (ElevationError::NotWindows, Language::English) => {
                "Running as administrator applies to Windows only.".into()
            }
            (ElevationError::NotWindows, Language::Japanese) => {
                "管理者として実行できるのは Windows の場合だけです。".into()
            }
        }
    }
}

/// Starts this program again with administrator rights (`ShellExecuteW` with the "runas" verb,
/// which shows the User Account Control prompt) and the given arguments. On success the caller
/// should exit; the new process has its own window.
pub fn relaunch_elevated(args: &[OsString]) -> Result<(), ElevationError> {
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        use windows_sys::Win32::Foundation::{ERROR_CANCELLED, GetLastError};
        use windows_sys::Win32::UI::Shell::ShellExecuteW;
        use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;

        fn wide(text: &std::ffi::OsStr) -> Vec<u16> {
            text.encode_wide().chain(std::iter::once(0)).collect()
        }
        let exe = std::env::current_exe().map_err(|error| ElevationError::Failed {
            code: error.raw_os_error().unwrap_or(0) as u32,
        })?;
        let verb = wide("runas".as_ref());
        let file = wide(exe.as_os_str());
        let parameters = wide(super::windows_command_line(args).as_ref());
        // SAFETY: every string is NUL-terminated UTF-16 that outlives the call; no window and
        // no working directory are passed (null).
        let result = unsafe {
            ShellExecuteW(
                std::ptr::null_mut(),
                verb.as_ptr(),
                file.as_ptr(),
                parameters.as_ptr(),
                std::ptr::null(),
                SW_SHOWNORMAL,
            )
        };
        // ShellExecuteW returns a value greater than 32 on success.
        if result as usize > 32 {
            return Ok(());
        }
        // SAFETY: reads this thread's last-error value.
        let code = unsafe { GetLastError() };
        if code == ERROR_CANCELLED {
            Err(ElevationError::Declined)
        } else {
            Err(ElevationError::Failed { code })
        }
    }
    #[cfg(not(windows))]
    {
        let _ = args;
        Err(ElevationError::NotWindows)
    }
}

/// The bytes of this PC's `%SystemRoot%\System32\sppui\phone.inf` — Windows' own, most current
/// list of activation phone numbers (parse them with `crate::centers::parse_phone_inf`).
/// `None` on other OSes or when the file cannot be read.
pub fn read_this_pc_phone_inf() -> Option<Vec<u8>> {
    #[cfg(windows)]
    {
        std::fs::read(super::phone_inf_path(&super::process_env)).ok()
    }
    #[cfg(not(windows))]
    {
        None
    }
}
