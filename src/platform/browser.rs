//! Handing a web address to the operating system, which opens it in the default browser. The
//! app itself sends nothing over any network.

/// Why the browser could not be asked to open the page: the OS's error code, when it gave one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrowserError {
    pub code: Option<i32>,
}

/// Asks the OS to open `url` in the default browser (`ShellExecuteW` "open" on Windows,
/// `open` on macOS, `xdg-open` elsewhere). Blocking for as long as the OS takes to start it:
/// call it off the UI thread. Only `https://` and `http://` addresses are handed on.
pub fn open_in_browser(url: &str) -> Result<(), BrowserError> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(BrowserError { code: None });
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        use windows_sys::Win32::Foundation::GetLastError;
        use windows_sys::Win32::UI::Shell::ShellExecuteW;
        use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;

        let wide = |text: &str| -> Vec<u16> {
            std::ffi::OsStr::new(text)
                .encode_wide()
                .chain(std::iter::once(0))
                .collect()
        };
        let (verb, file) = (wide("open"), wide(url));
        // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no window,
        // parameters or working directory are passed (null).
        let result = unsafe {
            ShellExecuteW(
                std::ptr::null_mut(),
                verb.as_ptr(),
                file.as_ptr(),
                std::ptr::null(),
                std::ptr::null(),
                SW_SHOWNORMAL,
            )
        };
        // ShellExecuteW returns a value greater than 32 on success.
        if result as usize > 32 {
            Ok(())
        } else {
            // SAFETY: reads this thread's last-error value.
            Err(BrowserError {
                code: Some(unsafe { GetLastError() } as i32),
            })
        }
    }
    #[cfg(not(windows))]
    {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        match std::process::Command::new(opener).arg(url).status() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(BrowserError {
                code: status.code(),
            }),
            Err(error) => Err(BrowserError {
                code: error.raw_os_error(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_handed_on() {
        for url in ["file:///etc/passwd", "calc.exe", "", "javascript:alert(1)"] {
            assert_eq!(
                open_in_browser(url),
                Err(BrowserError { code: None }),
                "{url}"
            );
        }
    }
}
