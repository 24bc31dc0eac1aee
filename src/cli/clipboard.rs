//! The hidden `hold-clipboard` command: the holder that keeps what the window copied on the
//! clipboard after it closes (X11; see `crate::platform::keep_after_exit`).

use std::io::{self, Read};

use super::{Exit, Report};
use crate::language::Language;
use crate::platform::{self, ClipboardError, MAX_HELD_BYTES};
use crate::words::Localized;

/// Reads the text from standard input (at most [`MAX_HELD_BYTES`]; more is refused, exit 2)
/// and holds it (`platform::hold`), or with `detach` hands it to a holder in the background
/// and returns (`platform::keep_after_exit`, what the window does as it closes).
pub(super) fn hold_clipboard(detach: bool, language: Language) -> Report {
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know it is too much, without reading it all.
    if let Err(error) = io::stdin()
        .take(MAX_HELD_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
    {
        let reason = ClipboardError::Clipboard(error.to_string());
        return Report::new().fail(reason.message(language), Exit::Unusable);
    }
    if bytes.len() > MAX_HELD_BYTES {
        let error = ClipboardError::TooLong { bytes: bytes.len() };
        return Report::new().fail(error.message(language), Exit::Unusable);
    }
    // The window hands over UTF-8; anything else is held as read, with U+FFFD for what is
    // not UTF-8 (digits are ASCII and come through unchanged either way).
    let text = String::from_utf8_lossy(&bytes);
    let held = if detach {
        platform::keep_after_exit(&text)
    } else {
        platform::hold(&text)
    };
    match held {
        Ok(()) => Report::new(),
        Err(error) => Report::new().fail(error.message(language), Exit::Unusable),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::super::Cli;
    use crate::platform::HOLD_COMMAND;

    /// `keep_after_exit` starts this executable with `platform::HOLD_COMMAND`: it must name
    /// this command, which `--help` does not list.
    #[test]
    fn the_holder_is_the_hidden_command_the_platform_starts() {
        let cli = Cli::command();
        let command = cli
            .find_subcommand(HOLD_COMMAND)
            .expect("the command keep_after_exit starts");
        assert!(command.is_hide_set());
        let help = Cli::command().render_help().to_string();
        assert!(!help.contains(HOLD_COMMAND), "{help}");
    }
}
