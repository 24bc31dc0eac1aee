//! The PC being activated: its licensing service (every product with a key and how it is
//! licensed; a Confirmation ID applied with a definite verdict), Windows' own phone list, and
//! the small Windows services the executable needs (console, locale, administrator rights).
//!
//! Everything here compiles and is tested on every OS. The licensing service sits behind
//! [`LicensingService`] (rows and HRESULTs in, nothing decided there); the real one, in `wmi`,
//! exists on Windows only, and [`this_pc_licensing`] / [`apply_to_this_pc`] wire it
//! up and say "Windows only" elsewhere, so callers need no `cfg`.
//!
//! ## Decisions
//!
//! - **The service's values, never its words.** slmgr.vbs and ospp.vbs are thin VBScript layers
//!   over the same WMI classes and print localised sentences (a Japanese Windows answers in
//!   Japanese); the classes hold numbers, GUIDs and digits, the same in every language. So no
//!   script is run, nothing depends on VBScript (which Windows is retiring), and every verdict
//!   comes from `LicenseStatus` and HRESULTs.
//! - **When the service cannot be reached** (turned off, broken, or Wine's stand-in), every
//!   message names what a person can type instead (`slmgr /dti`, `slmgr /atp`) and the paste
//!   route; nothing pretends to know.
//! - **Administrator rights** are needed to apply (not to read). The app runs "asInvoker";
//!   a refusal with 0x80070005 or 0xC004F025 says so ([`ApplyVerdict::needs_administrator`]),
//!   and [`relaunch_elevated`] restarts the app through the User Account Control prompt.
//! - **One worker thread, 60 s deadline** ([`SERVICE_TIMEOUT`]): a WMI connection belongs to the
//!   thread that made it and a call cannot be stopped, so the whole read or apply runs on its
//!   own thread and the caller waits on a channel. Call from off the UI thread.

mod hresult;
mod licensing;
mod locale;
mod paths;
mod platform;
#[cfg(windows)]
mod wmi;

use std::ffi::OsString;
use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

use crate::id::{CidFormat, ConfirmationId, IdProblem};
use crate::language::{Language, Localized};

pub use hresult::{ActivationError, codes, explain_hresult};
pub use licensing::{
    ActivationState, ApplyVerdict, Date, InstalledProduct, LicenseStatus, LicensingError,
    LicensingReading, LicensingService, PRODUCT_PROPERTIES, ProductClass, ProductKind, ProductRow,
    ServiceError, TargetError, app_ids, apply_licensing, apply_to, apply_to_this_pc,
    check_apply_inputs, days_left, microsoft_365_note, pick_target, products_query, read_licensing,
    run_with_deadline, this_pc_licensing,
};
pub use locale::{country_from_locale_tag, locale_country, user_locale_tag};
pub use paths::{
    DEFAULT_SYSTEM_ROOT, phone_inf_path, quote_windows_arg, system_root, windows_command_line,
    windows_path,
};
pub use platform::{
    ElevationError, attach_parent_console, is_elevated, read_this_pc_phone_inf, relaunch_elevated,
    windows_user_locale,
};
#[cfg(windows)]
pub use wmi::WmiLicensingService;

/// How long the licensing service may take to read or apply before the app stops waiting.
pub const SERVICE_TIMEOUT: Duration = Duration::from_secs(60);

/// Why a Confirmation ID was not applied before anything was sent to Windows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    /// The CID is incomplete or a block fails its check digit.
    #[error("{}", self.message(Language::English))]
    InvalidCid(IdProblem),
    /// A 42-digit (Windows XP era) CID: Vista and later, and Office 2010 and later, take 48.
    #[error("{}", self.message(Language::English))]
    WrongCidFormat,
    /// The Activation ID is not a GUID.
    #[error("{}", self.message(Language::English))]
    InvalidActivationId(String),
}

impl Localized for ApplyError {
    fn message(&self, language: Language) -> String {
        match self {
            ApplyError::InvalidCid(problem) => match language {
                Language::English => format!(
                    "The Confirmation ID was not applied, and nothing was sent to Windows: {} \
                     Correct it first.",
                    problem.message(language)
                ),
                Language::Japanese => format!(
                    "確認 ID は適用していません（Windows には何も送っていません）。{} 先に修正してください。",
                    problem.message(language)
                ),
            },
            ApplyError::WrongCidFormat => language
                .pick(
                    "これは 42 桁（Windows XP 時代）の確認 ID です。Windows Vista 以降と Office 2010 \
                     以降は A〜H の 8 ブロック 48 桁の確認 ID が必要なため、適用していません。",
                    "This is a 42-digit Confirmation ID (Windows XP era). Windows Vista and later \
                     and Office 2010 and later take 48 digits in blocks A–H, so it was not applied.",
                )
                .to_string(),
            ApplyError::InvalidActivationId(id) => match language {
                Language::English => format!(
                    "“{id}” is not an Activation ID (a GUID such as \
                     2de67392-b7a7-462a-b1ca-108dd189f588), so nothing was applied."
                ),
                Language::Japanese => format!(
                    "「{id}」はアクティベーション ID（2de67392-b7a7-462a-b1ca-108dd189f588 のような \
                     GUID）ではないため、適用していません。"
                ),
            },
        }
    }
}

/// The process environment (`%SystemRoot%`…), for the `env` parameters.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

static GUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
        .expect("valid regex")
});

/// Checks an Activation ID (a GUID, braces allowed) and returns it bare and lower-case.
pub fn normalize_activation_id(id: &str) -> Option<String> {
    let bare = id.trim().trim_start_matches('{').trim_end_matches('}');
    GUID.find(bare)
        .filter(|m| m.start() == 0 && m.end() == bare.len())
        .map(|m| m.as_str().to_lowercase())
}

/// Refuses a Confirmation ID that cannot be applied: incomplete, a block failing its check
/// digit, or the 42-digit Windows XP format (Vista and later, Office 2010 and later take 48).
pub fn check_cid(cid: &ConfirmationId) -> Result<(), ApplyError> {
    if let Some(problem) = cid.problem() {
        return Err(ApplyError::InvalidCid(problem));
    }
    if cid.format() != Some(CidFormat::EightBlocks) {
        return Err(ApplyError::WrongCidFormat);
    }
    Ok(())
}

/// The arguments this process was started with (without the program), for
/// [`relaunch_elevated`].
pub fn current_args() -> Vec<OsString> {
    std::env::args_os().skip(1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activation_ids_are_checked_and_normalised() {
        assert_eq!(
            normalize_activation_id("{2DE67392-B7A7-462A-B1CA-108DD189F588}").as_deref(),
            Some("2de67392-b7a7-462a-b1ca-108dd189f588")
        );
        assert_eq!(normalize_activation_id("2de67392-b7a7-462a-b1ca"), None);
        assert_eq!(
            normalize_activation_id("2de67392-b7a7-462a-b1ca-108dd189f588 /x"),
            None
        );
    }

    #[test]
    fn the_non_windows_entry_points_say_so() {
        #[cfg(not(windows))]
        {
            assert_eq!(this_pc_licensing(), Err(ServiceError::NotWindows));
            let cid = ConfirmationId::from_typed(
                "426296 483130 829081 394993 064403 777482 905722 580616",
            );
            let iid = crate::id::InstallationId::from_typed(
                "489126343257012289105546522085205332958764158851011127139061121",
            );
            assert_eq!(
                apply_to_this_pc(&cid, None, Some(&iid)),
                Err(LicensingError::Service(ServiceError::NotWindows))
            );
            assert_eq!(read_this_pc_phone_inf(), None);
            assert_eq!(windows_user_locale(), None);
            assert_eq!(is_elevated(), None);
            assert!(attach_parent_console());
            assert_eq!(relaunch_elevated(&[]), Err(ElevationError::NotWindows));
        }
    }
}
