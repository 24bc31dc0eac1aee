//! The clipboard outlives the window on X11: what the window copied is handed, as it closes, to
//! a holder process (`hold-clipboard`), which owns the clipboard until something else is
//! copied and then exits.
//!
//! The X11 test runs the binary the way the window does it: `hold-clipboard --detach` is a
//! process that calls `platform::keep_after_exit` with its standard input and exits, as the
//! window does at close (the window itself is not needed for that, and an iced window under
//! Xvfb would make the test slow and the build heavy). It runs only where `Xvfb` and `xclip`
//! are installed, on an X server of its own; elsewhere it says so in one line and passes.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_activation-companion");

/// An Installation ID (a published sample), as the window copies it.
const IID: &str = "489126-343257-012289-105546-522085-205332-958764-158851-011127-139061-121";
/// The command screen 3 copies.
const ATP: &str = "slmgr.vbs /atp 426296483130829081394993064403777482905722580616";

/// Runs the binary with `args`, `stdin` on its standard input and `env` set (`None` removes
/// the variable); its whole output, read to the end. Panics when the output does not end
/// within `limit`: a process left holding the binary's standard output open would do that.
fn run(args: &[&str], stdin: &[u8], env: &[(&str, Option<&str>)], limit: Duration) -> Output {
    let mut command = Command::new(BINARY);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let mut child = command.spawn().expect("the binary starts");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // A separate thread: a command that stops reading early closes the pipe, which is fine.
    std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let (done, output) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    output
        .recv_timeout(limit)
        .unwrap_or_else(|_| {
            panic!(
                "`{}` did not end its output within {limit:?}",
                args.join(" ")
            )
        })
        .expect("the binary's output can be read")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn more_than_a_megabyte_is_refused_in_both_languages() {
    let too_much = vec![b'1'; 1024 * 1024 + 1];
    for (lang, says) in [("en", "1048576 bytes"), ("ja", "1048576 バイト")] {
        let output = run(
            &["--lang", lang, "hold-clipboard"],
            &too_much,
            &[],
            Duration::from_secs(20),
        );
        assert_eq!(output.status.code(), Some(2), "{lang}");
        assert!(text(&output.stderr).contains(says), "{lang}: {output:?}");
        assert!(output.stdout.is_empty(), "{lang}: {output:?}");
    }
}

#[test]
fn the_holder_needs_an_x_display() {
    let output = run(
        &["--lang", "en", "hold-clipboard"],
        IID.as_bytes(),
        &[("DISPLAY", None)],
        Duration::from_secs(20),
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(text(&output.stderr).contains("no X display"), "{output:?}");
}

/// Without an X11 window there is nothing to keep: no X display at all, or a Wayland session
/// (where XWayland sets DISPLAY too). Nothing is started; the display named here does not
/// exist, so a holder started by mistake would fail and the command would say so.
#[test]
fn nothing_is_held_without_an_x11_window() {
    for env in [
        [("DISPLAY", None), ("WAYLAND_DISPLAY", None)],
        [
            ("DISPLAY", Some(":64999")),
            ("WAYLAND_DISPLAY", Some("wayland-0")),
        ],
    ] {
        let output = run(
            &["--lang", "en", "hold-clipboard", "--detach"],
            IID.as_bytes(),
            &env,
            Duration::from_secs(20),
        );
        assert_eq!(output.status.code(), Some(0), "{env:?}: {output:?}");
        assert!(output.stderr.is_empty(), "{env:?}: {output:?}");
    }
    // The same display without Wayland: now a holder is started, and cannot reach it.
    let output = run(
        &["--lang", "en", "hold-clipboard", "--detach"],
        IID.as_bytes(),
        &[("DISPLAY", Some(":64999")), ("WAYLAND_DISPLAY", None)],
        Duration::from_secs(20),
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(text(&output.stderr).contains("ended without"), "{output:?}");
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// An X server of the test's own, stopped when dropped.
struct Xvfb {
    child: Child,
    display: String,
    /// Every holder seen, stopped (if still running) when the server is.
    seen: Vec<u32>,
}

impl Xvfb {
    /// Starts Xvfb on the first free display from :87 on. `-displayfd` makes it write the
    /// number once it accepts connections, or end at once when the display is taken.
    fn start() -> Xvfb {
        for number in 87..140 {
            if Path::new(&format!("/tmp/.X{number}-lock")).exists() {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .arg(format!(":{number}"))
                .args([
                    "-displayfd",
                    "1",
                    "-nolisten",
                    "tcp",
                    "-screen",
                    "0",
                    "320x240x24",
                ])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("Xvfb starts");
            let mut line = String::new();
            let _ = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
            if line.trim() == number.to_string() {
                return Xvfb {
                    child,
                    display: format!(":{number}"),
                    seen: Vec::new(),
                };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("no free X display from :87 to :139");
    }

    fn xclip(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut child = Command::new("xclip")
            .args(args)
            .env("DISPLAY", &self.display)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            // `xclip -i` leaves a process behind that owns what it copied (until the X
            // server ends): it must not hold our pipes.
            .stdout(if stdin.is_some() {
                Stdio::null()
            } else {
                Stdio::piped()
            })
            .stderr(if stdin.is_some() {
                Stdio::null()
            } else {
                Stdio::piped()
            })
            .spawn()
            .expect("xclip starts");
        if let Some(text) = stdin {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
        }
        child.wait_with_output().unwrap()
    }

    /// What a paste of the clipboard gets, or `None` when nothing owns it.
    fn paste(&self) -> Option<String> {
        let output = self.xclip(&["-o", "-selection", "clipboard"], None);
        output.status.success().then(|| text(&output.stdout))
    }

    fn copy(&self, text: &str) {
        let output = self.xclip(&["-i", "-selection", "clipboard"], Some(text));
        assert!(output.status.success(), "xclip -i: {output:?}");
    }

    /// What the window does as it closes: a process that hands `text` to a holder and exits.
    /// Its standard output and error are read to the end (the holder must not keep them).
    fn close_window_having_copied(&self, text: &str) {
        let output = run(
            &["--lang", "en", "hold-clipboard", "--detach"],
            text.as_bytes(),
            &[
                ("DISPLAY", Some(&self.display)),
                ("WAYLAND_DISPLAY", None),
                ("WAYLAND_SOCKET", None),
            ],
            Duration::from_secs(20),
        );
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        assert!(
            output.stdout.is_empty() && output.stderr.is_empty(),
            "{output:?}"
        );
    }

    /// The holders on this display: processes of this binary running `hold-clipboard`.
    fn holders(&self) -> Vec<u32> {
        let binary = std::fs::canonicalize(BINARY).unwrap();
        let display = format!("DISPLAY={}", self.display);
        let mut found = Vec::new();
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let dir = entry.path();
            let (Ok(exe), Ok(cmdline), Ok(environ)) = (
                std::fs::read_link(dir.join("exe")),
                std::fs::read(dir.join("cmdline")),
                std::fs::read(dir.join("environ")),
            ) else {
                continue;
            };
            let args: Vec<&[u8]> = cmdline.split(|&b| b == 0).collect();
            if exe == binary
                && args.get(1) == Some(&&b"hold-clipboard"[..])
                && args.get(2).is_none_or(|arg| arg.is_empty())
                && environ
                    .split(|&b| b == 0)
                    .any(|var| var == display.as_bytes())
                && running(pid)
            {
                found.push(pid);
            }
        }
        found
    }

    /// The one holder on this display.
    fn holder(&mut self) -> u32 {
        let holders = self.holders();
        self.seen.extend(&holders);
        assert_eq!(holders.len(), 1, "holders: {holders:?}");
        holders[0]
    }
}

impl Xvfb {
    /// Ends the X server, as logging out does.
    fn stop_server(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        self.stop_server();
        // A failing test leaves no holder behind either (the test has already checked, and
        // waited for, whatever it asserts about them).
        for pid in self.seen.iter().filter(|pid| running(**pid)) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    }
}

/// `/proc/PID/stat`'s fields after the command name: state, parent, group, session...
fn stat(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_owned).collect())
}

/// Alive: it exists and is not a zombie (an exited process nobody has reaped yet).
fn running(pid: u32) -> bool {
    stat(pid).is_some_and(|fields| fields[0] != "Z" && fields[0] != "X")
}

fn ends_within(pid: u32, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        if !running(pid) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn fd_target(pid: u32, fd: u32) -> PathBuf {
    std::fs::read_link(format!("/proc/{pid}/fd/{fd}")).unwrap_or_default()
}

#[test]
fn on_x11_the_copy_outlives_the_window_until_something_else_is_copied() {
    let missing: Vec<&str> = ["Xvfb", "xclip"]
        .into_iter()
        .filter(|program| !on_path(program))
        .collect();
    if !missing.is_empty() || !Path::new("/proc/self/stat").exists() {
        println!(
            "clipboard: the X11 test did not run ({} not installed)",
            if missing.is_empty() {
                "/proc".to_string()
            } else {
                missing.join(", ")
            }
        );
        return;
    }
    let mut x = Xvfb::start();
    // The check can fail: on a fresh display nothing owns the clipboard.
    assert_eq!(x.paste(), None, "a fresh display has an empty clipboard");

    x.close_window_having_copied(IID);
    // The process that copied has exited; the copy is still there, served by the holder.
    assert_eq!(x.paste().as_deref(), Some(IID));
    let holder = x.holder();
    let fields = stat(holder).unwrap();
    assert_eq!(
        fields[3],
        holder.to_string(),
        "the holder leads a session of its own"
    );
    assert_eq!(
        fd_target(holder, 2),
        Path::new("/dev/null"),
        "standard error goes nowhere"
    );
    // A second paste still gets it (it is served, not handed out once).
    assert_eq!(x.paste().as_deref(), Some(IID));

    // Copying something else: the holder lets go and exits, and the new copy is what a paste
    // gets.
    x.copy("something else");
    assert!(
        ends_within(holder, Duration::from_secs(5)),
        "the holder is still running after something else was copied"
    );
    assert_eq!(x.paste().as_deref(), Some("something else"));
    assert_eq!(x.holders(), Vec::<u32>::new());

    // The window closing again hands over its copy again, taking it from xclip.
    x.close_window_having_copied(ATP);
    assert_eq!(x.paste().as_deref(), Some(ATP));
    let holder = x.holder();

    // The X server ending (the user logging out) ends the holder too.
    x.stop_server();
    assert!(
        ends_within(holder, Duration::from_secs(5)),
        "the holder outlived its X server"
    );
}
