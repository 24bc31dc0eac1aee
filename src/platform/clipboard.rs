//! What the user copied, kept after the window closes.
//!
//! On Windows and macOS the system keeps a copy of the clipboard's text, so it outlives the
//! program that copied it. On X11 it does not: the program that copied answers every paste
//! itself, so when the window closes the Installation ID or the `slmgr.vbs /atp` command the
//! user copied is gone. There a small holder process (this executable, hidden command
//! [`HOLD_COMMAND`], the text on its standard input) takes over as the clipboard's owner when
//! the window closes, and exits as soon as anything else is copied (or the display closes).
//!
//! Wayland: a program without a window cannot own the clipboard there (the core protocol gives
//! the selection only to a focused surface; the data-control extension that `wl-copy` uses is
//! missing on GNOME), and an X11 holder through XWayland is passed on to Wayland programs by
//! some compositors and not others (wlroots and Hyprland ignore an X11 selection while no X11
//! window has the focus). So in a Wayland session (`WAYLAND_DISPLAY` set, where the window is
//! a Wayland window) nothing is done, and the copy ends with the window unless a clipboard
//! manager keeps it.
//!
//! Everything here is local inter-process communication with the X server; nothing is sent
//! over any network.

use std::ffi::OsStr;
use std::time::Duration;

/// The hidden command that holds the clipboard (see [`hold`]).
pub const HOLD_COMMAND: &str = "hold-clipboard";

/// The most text that is held: far more than any ID or command, and little enough for a
/// process to keep around.
pub const MAX_HELD_BYTES: usize = 1 << 20;

/// How long [`keep_after_exit`] waits for the holder to say it owns the clipboard. Starting
/// this executable and one X11 round trip take milliseconds; this is for a loaded machine.
pub const HOLDER_CONFIRMS_WITHIN: Duration = Duration::from_secs(2);

/// Why the clipboard could not be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClipboardError {
    /// The text is longer than [`MAX_HELD_BYTES`].
    TooLong { bytes: usize },
    /// No X display to hold the clipboard on (`DISPLAY` is not set, or it cannot be reached).
    NoDisplay,
    /// The X server refused or failed: the clipboard library's description (English).
    Clipboard(String),
    /// The holder could not be started (the OS error code).
    Spawn { code: Option<i32> },
    /// The holder ended without taking the clipboard (its exit code, `None` when a signal
    /// ended it or it did not end within the wait).
    NotHeld { code: Option<i32> },
    /// The holder did not say it owns the clipboard within [`HOLDER_CONFIRMS_WITHIN`]; it was
    /// left running, and may still take it.
    NotConfirmed,
    /// This system keeps the clipboard itself: there is nothing to hold (`hold` on Windows
    /// and macOS).
    NotNeeded,
}

/// Keeps `text` on the clipboard after this process exits, where the platform needs a
/// process to own it (X11): hands it to a small helper process (this executable, hidden
/// command `hold-clipboard`, text on its stdin) that owns the clipboard until something else
/// is copied, then exits. Elsewhere it does nothing: on Windows and macOS the clipboard
/// outlives the process, and in a Wayland session no windowless process can be relied on to
/// own it (see the module's notes). Never blocks the caller for more than
/// [`HOLDER_CONFIRMS_WITHIN`]; errors are returned, not printed.
///
/// When it returns `Ok` on X11, the holder owns the clipboard (the caller no longer does).
/// Call it once, as the window closes: each call starts a holder, and the previous one exits
/// when the new one takes the clipboard.
pub fn keep_after_exit(text: &str) -> Result<(), ClipboardError> {
    if text.len() > MAX_HELD_BYTES {
        return Err(ClipboardError::TooLong { bytes: text.len() });
    }
    if !x11_owns_by_process(
        std::env::var_os("DISPLAY").as_deref(),
        std::env::var_os("WAYLAND_DISPLAY").as_deref(),
        std::env::var_os("WAYLAND_SOCKET").as_deref(),
    ) {
        return Ok(());
    }
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        let program = std::env::current_exe().map_err(|error| ClipboardError::Spawn {
            code: error.raw_os_error(),
        })?;
        x11::hand_to_holder(&program, text, HOLDER_CONFIRMS_WITHIN)
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        Ok(())
    }
}

/// The hidden command's work: own the clipboard with `text` until another program takes it
/// (X11), then return. Writes one line, `held`, on standard output as soon as it owns the
/// clipboard ([`keep_after_exit`] waits for it). Also returns (`Ok`) when the X display
/// closes, so no holder outlives the session. On Windows and macOS: [`ClipboardError::NotNeeded`].
pub fn hold(text: &str) -> Result<(), ClipboardError> {
    if text.len() > MAX_HELD_BYTES {
        return Err(ClipboardError::TooLong { bytes: text.len() });
    }
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        x11::hold(text)
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        Err(ClipboardError::NotNeeded)
    }
}

/// Whether the window's clipboard is an X11 one that ends with the process: on Linux and the
/// BSDs, with an X display (`DISPLAY`) and no Wayland session. Under Wayland the window is a
/// Wayland window (winit prefers Wayland when `WAYLAND_DISPLAY` or `WAYLAND_SOCKET` is set),
/// even though XWayland sets `DISPLAY` too. Empty variables count as unset.
fn x11_owns_by_process(
    display: Option<&OsStr>,
    wayland_display: Option<&OsStr>,
    wayland_socket: Option<&OsStr>,
) -> bool {
    let set = |variable: Option<&OsStr>| variable.is_some_and(|value| !value.is_empty());
    cfg!(all(unix, not(target_os = "macos")))
        && set(display)
        && !set(wayland_display)
        && !set(wayland_socket)
}

#[cfg(all(unix, not(target_os = "macos")))]
mod x11 {
    use std::io::{BufRead, BufReader, Write};
    use std::path::Path;
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    use super::{ClipboardError, HOLD_COMMAND};

    /// The line the holder writes on its standard output once it owns the clipboard.
    const HELD: &str = "held";

    /// Starts `program hold-clipboard` detached, writes `text` to its standard input, and
    /// waits up to `within` for its `held` line.
    pub(super) fn hand_to_holder(
        program: &Path,
        text: &str,
        within: Duration,
    ) -> Result<(), ClipboardError> {
        use std::os::unix::process::CommandExt;

        let mut command = Command::new(program);
        command
            .arg(HOLD_COMMAND)
            // Standard input carries the text and is closed after it. Standard output is a
            // pipe of our own for the one `held` line, dropped as soon as it is read: the
            // holder never writes to it again. Standard error goes nowhere. None of the
            // window's own standard streams is inherited: a terminal closing must not matter
            // to the holder, and a pipe the window was started with (a test, a script reading
            // its output to the end) must close when the window exits, not when the holder
            // does.
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            // Not the window's working directory: the holder must not keep a removable disk
            // or a deleted folder busy.
            .current_dir("/");
        // SAFETY: runs in the child between fork and exec, where only async-signal-safe calls
        // are allowed; setsid is one, and nothing else is done. A session of its own (which
        // is also a new process group) has no controlling terminal, so closing the terminal
        // the window was started from (SIGHUP) or Ctrl+C there (SIGINT to the foreground
        // group) does not reach the holder.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = command.spawn().map_err(|error| ClipboardError::Spawn {
            code: error.raw_os_error(),
        })?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(ClipboardError::Spawn { code: None });
        };
        let text = text.to_owned();
        let (said, heard) = mpsc::channel();
        // The exchange runs on a thread, so a holder that never reads or never answers costs
        // the caller `within` at most. The thread then waits for the holder to end, so an
        // exited holder does not stay a zombie while the window lives; the thread does not
        // keep the window's process alive, and once that exits the holder is re-parented.
        std::thread::spawn(move || {
            // A holder that died before reading closes the pipe: the write fails, and the
            // line below reads the end of its output.
            let _ = stdin.write_all(text.as_bytes());
            drop(stdin);
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = said.send(Heard::Line(line));
            let status = child.wait().ok().and_then(|status| status.code());
            let _ = said.send(Heard::Ended(status));
        });
        let deadline = Instant::now() + within;
        let left = || deadline.saturating_duration_since(Instant::now());
        match heard.recv_timeout(left()) {
            Ok(Heard::Line(line)) if line.trim_end() == HELD => Ok(()),
            Ok(_) => match heard.recv_timeout(left()) {
                Ok(Heard::Ended(code)) => Err(ClipboardError::NotHeld { code }),
                _ => Err(ClipboardError::NotHeld { code: None }),
            },
            Err(_) => Err(ClipboardError::NotConfirmed),
        }
    }

    enum Heard {
        Line(String),
        Ended(Option<i32>),
    }

    pub(super) fn hold(text: &str) -> Result<(), ClipboardError> {
        use arboard::SetExtLinux;
        use x11rb::connection::Connection;

        if std::env::var_os("DISPLAY").is_none_or(|display| display.is_empty()) {
            return Err(ClipboardError::NoDisplay);
        }
        // A connection of our own that only notices the display closing: arboard's waiting
        // call would otherwise wait for ever once its connection is gone (logging out ends
        // the X server), leaving the holder behind.
        let (watcher, _) = x11rb::connect(None).map_err(|_| ClipboardError::NoDisplay)?;
        let mut clipboard = arboard::Clipboard::new().map_err(clipboard_error)?;
        // Own it first without waiting, so that `held` is said only once we own it; the
        // waiting call below asserts the same ownership again and then waits. (Were something
        // copied in the microseconds between the two, the holder would take it back; that
        // is the one race left, and no person copies that fast.)
        clipboard.set_text(text).map_err(clipboard_error)?;
        let mut stdout = std::io::stdout();
        // Nobody listening (run by hand with its output closed) is no reason to stop holding.
        let _ = writeln!(stdout, "{HELD}").and_then(|()| stdout.flush());

        let (ended, end) = mpsc::channel();
        let on_copy = ended.clone();
        let text = text.to_owned();
        std::thread::spawn(move || {
            // Returns when another program owns the clipboard (SelectionClear).
            let result = clipboard.set().wait().text(text);
            let _ = on_copy.send(result.map_err(clipboard_error));
        });
        std::thread::spawn(move || {
            // No events were asked for: this returns only when the connection breaks.
            while watcher.wait_for_event().is_ok() {}
            let _ = ended.send(Ok(()));
        });
        // Whichever comes first; returning ends the process, and the other thread with it.
        end.recv().unwrap_or(Ok(()))
    }

    fn clipboard_error(error: arboard::Error) -> ClipboardError {
        ClipboardError::Clipboard(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_holder_is_needed_only_for_an_x11_window() {
        let some = |value: &'static str| Some(OsStr::new(value));
        let x11 = cfg!(all(unix, not(target_os = "macos")));
        assert_eq!(x11_owns_by_process(some(":0"), None, None), x11);
        assert_eq!(x11_owns_by_process(some(":0"), some(""), some("")), x11);
        // XWayland sets DISPLAY too; the window is a Wayland window there.
        assert!(!x11_owns_by_process(some(":0"), some("wayland-0"), None));
        assert!(!x11_owns_by_process(some(":0"), None, some("5")));
        // No display at all: a text console, or Wayland without XWayland.
        assert!(!x11_owns_by_process(None, None, None));
        assert!(!x11_owns_by_process(some(""), None, None));
        assert!(!x11_owns_by_process(None, some("wayland-0"), None));
    }

    #[test]
    fn too_much_text_is_refused_before_anything_starts() {
        let text = "0".repeat(MAX_HELD_BYTES + 1);
        let refused = Err(ClipboardError::TooLong {
            bytes: MAX_HELD_BYTES + 1,
        });
        assert_eq!(keep_after_exit(&text), refused);
        assert_eq!(hold(&text), refused);
    }

    /// The hand-over itself, with a stand-in holder (sh): the text arrives on its standard
    /// input, `held` is believed only when said, an early end is reported with its code, and
    /// silence costs the caller no more than the wait.
    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn the_hand_over_believes_only_the_held_line() {
        use std::path::Path;
        use std::time::Instant;

        let dir = tempfile::tempdir().unwrap();
        let script = |name: &str, body: &str| {
            use std::os::unix::fs::PermissionsExt;
            let path = dir.path().join(name);
            std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
            path
        };
        let within = Duration::from_secs(5);
        let got = dir.path().join("got");
        let echo = script(
            "echo",
            &format!(
                "[ \"$1\" = {HOLD_COMMAND} ] || exit 9\ncat > '{}'\necho held\nsleep 1",
                got.display()
            ),
        );
        assert_eq!(x11::hand_to_holder(&echo, "426296 483130", within), Ok(()));
        assert_eq!(std::fs::read_to_string(&got).unwrap(), "426296 483130");

        let fails = script("fails", "cat > /dev/null\nexit 3");
        assert_eq!(
            x11::hand_to_holder(&fails, "x", within),
            Err(ClipboardError::NotHeld { code: Some(3) })
        );
        let says_else = script("says_else", "cat > /dev/null\necho nope");
        assert_eq!(
            x11::hand_to_holder(&says_else, "x", within),
            Err(ClipboardError::NotHeld { code: Some(0) })
        );

        let silent = script("silent", "sleep 2");
        let started = Instant::now();
        assert_eq!(
            x11::hand_to_holder(&silent, "x", Duration::from_millis(300)),
            Err(ClipboardError::NotConfirmed)
        );
        assert!(started.elapsed() < Duration::from_secs(2));

        assert!(matches!(
            x11::hand_to_holder(Path::new("/nonexistent/holder"), "x", within),
            Err(ClipboardError::Spawn { code: Some(_) })
        ));
    }
}
