//! The operating system: every call into Windows lives here, each with a harmless answer on
//! other OSes so callers need no `cfg`. The licensing service through WMI (decisions are in
//! `crate::licensing`), the user's locale, the console, administrator rights, Windows' own
//! phone list, handing a web address to the default browser, and keeping the clipboard after
//! the window closes (X11), the console's code page, and the screen the window opens on.

mod browser;
mod clipboard;
mod console;
mod elevation;
mod fonts;
mod locale;
mod paths;
mod screen;
mod secret;
mod this_pc;
mod version;
#[cfg(windows)]
mod wmi;

pub use browser::{BrowserError, open_in_browser};
pub use clipboard::{
    ClipboardError, HOLD_COMMAND, HOLDER_CONFIRMS_WITHIN, MAX_HELD_BYTES, hold, keep_after_exit,
};
pub use console::{
    OutputEncoding, Stream, attach_parent_console, encode, output_encoding, stream_encoding,
};
pub use elevation::{ElevationError, current_args, relaunch_elevated};
pub use fonts::without_system_fonts;
pub use locale::{country_from_locale_tag, locale_country, user_language, user_locale_tag};
pub use paths::{phone_inf_path, quote_windows_arg, read_this_pc_phone_inf, windows_command_line};
pub use screen::{FRAME_HEIGHT, FRAME_WIDTH, Placement, WorkArea, place, work_area};
pub use secret::{read_line_unechoed, standard_input_is_a_terminal};
pub use this_pc::{
    SERVICE_TIMEOUT, apply_to_this_pc, install_key_on_this_pc, run_with_deadline,
    this_pc_licensing, this_pc_report,
};
pub use version::windows_version;

#[cfg(test)]
mod tests {
    #[cfg(not(windows))]
    #[test]
    fn the_non_windows_entry_points_say_so() {
        use super::*;
        use crate::id::{ConfirmationId, InstallationId};
        use crate::licensing::{LicensingError, ServiceError};
        {
            assert_eq!(this_pc_licensing(), Err(ServiceError::NotWindows));
            let cid = ConfirmationId::from_typed(
                "426296 483130 829081 394993 064403 777482 905722 580616",
            );
            let iid = InstallationId::from_typed(
                "489126343257012289105546522085205332958764158851011127139061121",
            );
            assert_eq!(
                apply_to_this_pc(&cid, None, Some(&iid)),
                Err(LicensingError::Service(ServiceError::NotWindows))
            );
            assert_eq!(read_this_pc_phone_inf(), None);
            assert_eq!(locale::windows_user_locale(), None);
            assert!(attach_parent_console());
            assert_eq!(relaunch_elevated(&[]), Err(ElevationError::NotWindows));
        }
    }
}
