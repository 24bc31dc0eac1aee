//! Restarting the app with administrator rights, which applying a Confirmation ID needs.

use std::ffi::OsString;

/// Why the app could not restart itself as administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ElevationError {
    /// The user answered "No" in the User Account Control prompt.
    Declined,
    /// Windows refused or failed (the Win32 error code).
    Failed { code: u32 },
    /// Not on Windows.
    NotWindows,
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
        let parameters = wide(super::paths::windows_command_line(args).as_ref());
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

/// The arguments this process was started with (without the program), for
/// [`relaunch_elevated`].
pub fn current_args() -> Vec<OsString> {
    std::env::args_os().skip(1).collect()
}
