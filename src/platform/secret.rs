//! A line typed at the terminal without echo, the way a password prompt reads it: what is typed
//! is not shown, and Enter ends it.

use std::io::{self, BufRead, IsTerminal, Read, Write};

/// Whether standard input is a terminal (a person typing), not a pipe or a file.
pub fn standard_input_is_a_terminal() -> bool {
    io::stdin().is_terminal()
}

/// `prompt` on standard error, then one line from standard input, read with the terminal's
/// echo off (turned off before the prompt shows, and back on before this returns, whatever
/// happened); without its line end. At most `limit` bytes are read: `Ok(None)` when the line
/// is longer. An end of input (Ctrl+D, Ctrl+Z) ends it too.
pub fn read_line_unechoed(prompt: &str, limit: u64) -> io::Result<Option<String>> {
    let echo = EchoOff::new();
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "{prompt}");
    let _ = stderr.flush();
    drop(stderr);
    let mut bytes = Vec::new();
    let read = io::stdin()
        .lock()
        .take(limit + 1)
        .read_until(b'\n', &mut bytes);
    drop(echo);
    read?;
    if bytes.len() as u64 > limit {
        return Ok(None);
    }
    let text = crate::decode::text(&bytes);
    Ok(Some(text.trim_end_matches(['\r', '\n']).to_string()))
}

/// The terminal's echo turned off until this is dropped.
struct EchoOff {
    #[cfg(all(unix, not(target_os = "macos")))]
    saved: Option<libc::termios>,
    #[cfg(windows)]
    saved: Option<(windows_sys::Win32::Foundation::HANDLE, u32)>,
}

#[cfg(all(unix, not(target_os = "macos")))]
impl EchoOff {
    fn new() -> EchoOff {
        // SAFETY: tcgetattr and tcsetattr on standard input with a termios of our own; a
        // failure (not a terminal) leaves everything as it was.
        unsafe {
            let mut saved: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut saved) != 0 {
                return EchoOff { saved: None };
            }
            let mut quiet = saved;
            // No echo, but the line end is echoed (the cursor moves on); the line stays
            // canonical, so Enter ends it and Backspace works.
            quiet.c_lflag &= !libc::ECHO;
            quiet.c_lflag |= libc::ECHONL | libc::ICANON;
            if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &quiet) != 0 {
                return EchoOff { saved: None };
            }
            EchoOff { saved: Some(saved) }
        }
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
impl Drop for EchoOff {
    fn drop(&mut self) {
        if let Some(saved) = self.saved.take() {
            // SAFETY: restores the termios read in `new`.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &saved);
            }
        }
    }
}

#[cfg(windows)]
impl EchoOff {
    fn new() -> EchoOff {
        use windows_sys::Win32::System::Console::{
            ENABLE_ECHO_INPUT, ENABLE_LINE_INPUT, GetConsoleMode, GetStdHandle, STD_INPUT_HANDLE,
            SetConsoleMode,
        };
        // SAFETY: console calls on our own standard input handle, with a mode variable of our
        // own; a failure (not a console) leaves everything as it was.
        unsafe {
            let handle = GetStdHandle(STD_INPUT_HANDLE);
            let mut mode = 0;
            if handle.is_null() || GetConsoleMode(handle, &mut mode) == 0 {
                return EchoOff { saved: None };
            }
            if SetConsoleMode(handle, (mode & !ENABLE_ECHO_INPUT) | ENABLE_LINE_INPUT) == 0 {
                return EchoOff { saved: None };
            }
            EchoOff {
                saved: Some((handle, mode)),
            }
        }
    }
}

#[cfg(windows)]
impl Drop for EchoOff {
    fn drop(&mut self) {
        use windows_sys::Win32::System::Console::SetConsoleMode;
        if let Some((handle, mode)) = self.saved.take() {
            // SAFETY: restores the mode read in `new` on the same handle.
            unsafe {
                SetConsoleMode(handle, mode);
            }
            // The console echoes nothing, not even Enter: move the cursor on.
            eprintln!();
        }
    }
}

#[cfg(not(any(windows, all(unix, not(target_os = "macos")))))]
impl EchoOff {
    /// Elsewhere (macOS builds have no libc dependency here): the line is read with its echo.
    fn new() -> EchoOff {
        EchoOff {}
    }
}
