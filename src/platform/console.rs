//! The console a command was started from.

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
