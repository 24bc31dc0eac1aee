//! Running `cscript` and reading what it printed.
//!
//! The orchestration talks to a [`CommandRunner`] so tests can replay recorded outputs; the real
//! one, [`SystemRunner`], exists only on Windows. The process plumbing behind it
//! (`run_with_timeout`) is plain `std` and is tested on every OS.

use std::ffi::OsString;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::language::{Language, Localized};
use crate::text::decode;

/// What a finished process left behind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandOutput {
    /// The exit code (`None` when the OS reports none). slmgr.vbs exits with the HRESULT of a
    /// failure, e.g. `0xC004F04D` as `-1073418163`.
    pub status_code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl CommandOutput {
    /// stdout and stderr decoded (see [`crate::text::decode`]), stderr after stdout.
    pub fn text(&self) -> String {
        let mut text = decode(&self.stdout);
        let stderr = decode(&self.stderr);
        if !stderr.trim().is_empty() {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&stderr);
        }
        text
    }
}

/// Why a command produced no output to read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RunError {
    /// The program could not be started (missing, blocked by policy, …).
    #[error("{}", self.message(Language::English))]
    Spawn { program: String, message: String },
    /// No answer within the time limit; the process was ended.
    #[error("{}", self.message(Language::English))]
    TimedOut { after: Duration },
    /// Reading the output or waiting for the process failed.
    #[error("{}", self.message(Language::English))]
    Io { message: String },
}

impl Localized for RunError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (RunError::Spawn { program, message }, Language::English) => format!(
                "Could not start {program} ({message}). Windows Script Host may be missing or \
                 turned off on this PC; the Installation ID can also be read in slui 4."
            ),
            (RunError::Spawn { program, message }, Language::Japanese) => format!(
                "{program} を起動できませんでした（{message}）。この PC では Windows Script Host が\
                 無いか無効になっている可能性があります。インストール ID は slui 4 でも確認できます。"
            ),
            (RunError::TimedOut { after }, Language::English) => format!(
                "Windows did not answer within {} seconds, so the command was stopped. Try again; \
                 if it keeps happening, restart the PC (the licensing service may be stuck).",
                after.as_secs()
            ),
            (RunError::TimedOut { after }, Language::Japanese) => format!(
                "{} 秒以内に Windows から応答がなかったため、コマンドを中止しました。もう一度試してください。\
                 何度も起こる場合は PC を再起動してください（ライセンス サービスが止まっている可能性があります）。",
                after.as_secs()
            ),
            (RunError::Io { message }, Language::English) => {
                format!("Could not read the command's output ({message}). Try again.")
            }
            (RunError::Io { message }, Language::Japanese) => {
                format!(
                    "コマンドの出力を読み取れませんでした（{message}）。もう一度試してください。"
                )
            }
        }
    }
}

/// Runs a program with separate arguments (no shell, no quoting by hand) and waits for it.
pub trait CommandRunner {
    fn run(
        &self,
        program: &Path,
        args: &[OsString],
        timeout: Duration,
    ) -> Result<CommandOutput, RunError>;
}

/// The real runner: starts the process without a console window (`CREATE_NO_WINDOW`), stdin
/// closed, stdout and stderr captured, ended after `timeout`. Blocking: call it off the UI thread.
#[cfg(windows)]
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemRunner;

#[cfg(windows)]
impl CommandRunner for SystemRunner {
    fn run(
        &self,
        program: &Path,
        args: &[OsString],
        timeout: Duration,
    ) -> Result<CommandOutput, RunError> {
        use std::os::windows::process::CommandExt;
        // 0x08000000: the child gets no console window (no flash of a black box).
        use windows_sys::Win32::System::Threading::CREATE_NO_WINDOW;

        let mut command = Command::new(program);
        command.args(args).creation_flags(CREATE_NO_WINDOW);
        run_with_timeout(command, timeout)
    }
}

/// Spawns `command` with piped output and waits at most `timeout`, killing it after that.
/// Output is read on two threads so a chatty process never blocks on a full pipe.
#[cfg_attr(not(windows), allow(dead_code))]
pub(crate) fn run_with_timeout(
    mut command: Command,
    timeout: Duration,
) -> Result<CommandOutput, RunError> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| RunError::Spawn {
            program,
            message: error.to_string(),
        })?;

    let stdout = child.stdout.take().map(spawn_reader);
    let stderr = child.stderr.take().map(spawn_reader);
    let status = wait_with_deadline(&mut child, timeout)?;

    Ok(CommandOutput {
        status_code: status,
        stdout: join_reader(stdout)?,
        stderr: join_reader(stderr)?,
    })
}

type Reader = thread::JoinHandle<std::io::Result<Vec<u8>>>;

fn spawn_reader(mut pipe: impl Read + Send + 'static) -> Reader {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).map(|_| bytes)
    })
}

fn join_reader(reader: Option<Reader>) -> Result<Vec<u8>, RunError> {
    let Some(reader) = reader else {
        return Ok(Vec::new());
    };
    match reader.join() {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) => Err(RunError::Io {
            message: error.to_string(),
        }),
        Err(_) => Err(RunError::Io {
            message: "output reader panicked".into(),
        }),
    }
}

fn wait_with_deadline(child: &mut Child, timeout: Duration) -> Result<Option<i32>, RunError> {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(5);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status.code()),
            Ok(None) if Instant::now() >= deadline => {
                // The reader threads are left to finish on their own: a grandchild could keep
                // the pipes open, and the caller must not wait for it.
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut { after: timeout });
            }
            Ok(None) => {
                thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            Err(error) => {
                let _ = child.kill();
                return Err(RunError::Io {
                    message: error.to_string(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn stderr_follows_stdout() {
        let output = CommandOutput {
            status_code: Some(1),
            stdout: b"out".to_vec(),
            stderr: utf16le("err\r\n"),
        };
        assert_eq!(output.text(), "out\nerr\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_process_is_run_and_its_output_captured() {
        let mut command = Command::new("sh");
        command.args(["-c", "printf out; printf err >&2; exit 3"]);
        let output = run_with_timeout(command, Duration::from_secs(20)).unwrap();
        assert_eq!(output.stdout, b"out");
        assert_eq!(output.stderr, b"err");
        assert_eq!(output.status_code, Some(3));
    }

    #[cfg(unix)]
    #[test]
    fn a_process_that_hangs_is_stopped_at_the_deadline() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let started = Instant::now();
        let error = run_with_timeout(command, Duration::from_millis(300)).unwrap_err();
        assert_eq!(
            error,
            RunError::TimedOut {
                after: Duration::from_millis(300)
            }
        );
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_missing_program_is_a_spawn_error() {
        let command = Command::new("/nonexistent/cscript-for-a-test.exe");
        let error = run_with_timeout(command, Duration::from_secs(5)).unwrap_err();
        assert!(matches!(error, RunError::Spawn { .. }), "{error:?}");
    }

    #[test]
    fn run_errors_explain_themselves_in_both_languages() {
        let error = RunError::TimedOut {
            after: Duration::from_secs(60),
        };
        assert!(error.message(Language::English).contains("60 seconds"));
        assert!(error.message(Language::Japanese).contains("60 秒"));
    }
}
