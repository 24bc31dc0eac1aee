//! The PC being activated: read its Installation IDs, apply a Confirmation ID, read Windows'
//! own phone list, and the small Windows services the executable needs (console, locale,
//! administrator rights).
//!
//! Everything here compiles and is tested on every OS: the scripts are run through a
//! [`CommandRunner`] and paths come from an environment lookup the caller passes, so tests
//! replay recorded outputs with fake paths. Only [`SystemRunner`] and the Win32 calls in
//! `platform` are Windows-only; [`read_this_pc`] and [`apply_on_this_pc`] wire them up and say
//! "Windows only" elsewhere.
//!
//! ## Decisions
//!
//! - **`cscript //nologo //U`.** `//U` makes cscript write redirected output as UTF-16LE, so a
//!   Japanese Windows' text decodes the same whatever the console code page; the decoder
//!   ([`crate::text::decode`]) also accepts UTF-8 or an ANSI code page (lossily; digits always
//!   survive), in case `//U` is ignored.
//! - **No text is trusted for success except Microsoft's English messages.** slmgr.vbs prints
//!   localised text on a localised Windows, so codes (`0xC004F04D`, or slmgr's exit code) come
//!   first, and an unrecognised reply is [`ApplyOutcome::Unconfirmed`], never success.
//! - **Administrator rights** are needed to apply (not to read). The app runs "asInvoker";
//!   [`is_elevated`] lets the UI warn before applying, an access-denied reply becomes
//!   [`ActivationError::needs_administrator`], and [`relaunch_elevated`] restarts the app through
//!   the User Account Control prompt.
//! - **Blocking, 60 s limit** ([`SCRIPT_TIMEOUT`]): call from a worker thread, never the UI thread.
//!
//! ## Two routes to the licensing service
//!
//! - The scripts above (slmgr.vbs / ospp.vbs through cscript), read from their printed text.
//! - The licensing service's WMI classes directly (`licensing`, and `wmi` on Windows):
//!   [`this_pc_licensing`] lists every product with a key, with its status; and
//!   [`apply_on_this_pc_licensing`] applies a CID and says definitely whether the product is
//!   now activated. Every value there is a number, a GUID or digits, so a Japanese Windows
//!   reads the same as an English one, and nothing depends on VBScript.

mod command;
mod licensing;
mod locale;
mod outcome;
mod platform;
mod runner;
#[cfg(windows)]
mod wmi;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

use crate::id::{CidFormat, ConfirmationId, IdProblem, InstallationId, find_installation_ids};
use crate::language::{Language, Localized};

pub use command::{
    CommandSpec, DEFAULT_SYSTEM_ROOT, OFFICE_FOLDERS, command_line_for_display, cscript_path,
    office_apply_command, office_read_command, office_scripts, phone_inf_path, quote_windows_arg,
    slmgr_path, system_root, windows_apply_command, windows_command_line, windows_path,
    windows_read_command,
};
pub use licensing::{
    ActivationState, ApplyVerdict, Date, InstalledProduct, LicenseStatus, LicensingError,
    LicensingReading, LicensingService, PRODUCT_PROPERTIES, ProductClass, ProductKind, ProductRow,
    ServiceError, TargetError, app_ids, apply_licensing, apply_on_this_pc_licensing,
    check_apply_inputs, days_left, microsoft_365_note, pick_target, products_query, read_licensing,
    run_with_deadline, this_pc_licensing,
};
pub use locale::{country_from_locale_tag, locale_country, user_locale_tag};
pub use outcome::{
    ActivationError, ApplyOutcome, FailureKind, codes, explain_hresult, interpret_apply_output,
};
pub use platform::{
    ElevationError, attach_parent_console, is_elevated, read_this_pc_phone_inf, relaunch_elevated,
    windows_user_locale,
};
#[cfg(windows)]
pub use runner::SystemRunner;
pub use runner::{CommandOutput, CommandRunner, RunError};
#[cfg(windows)]
pub use wmi::WmiLicensingService;

/// How long one script may take before it is stopped.
pub const SCRIPT_TIMEOUT: Duration = Duration::from_secs(60);

/// The label given to Windows' own Installation ID.
pub const WINDOWS_LABEL: &str = "Windows";

/// Which product an Installation ID belongs to, and so which script applies its CID.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Product {
    /// Windows itself (`slmgr.vbs`).
    Windows,
    /// Office 2010 and later, through the `OSPP.VBS` that reported it.
    Office { script: PathBuf },
}

/// Where a Confirmation ID is applied: the product its Installation ID came from.
pub type ApplyTarget = Product;

/// One product's Installation ID as read from this PC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductIid {
    pub product: Product,
    /// `Windows`, or Office's license name (`Office 16, Office16ProPlusVL_MAK edition`).
    pub label: String,
    pub iid: InstallationId,
    /// The product's Activation ID (a GUID) when the output named one; `slmgr /dti` does not.
    pub activation_id: Option<String>,
}

/// Why no Installation ID could be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// A command could not be run or did not finish in time.
    #[error("{}", self.message(Language::English))]
    Run { command: String, error: RunError },
    /// A script reported an error (access denied, an error code…).
    #[error("{}", self.message(Language::English))]
    Script {
        command: String,
        error: ActivationError,
        output: String,
    },
    /// The scripts ran but showed no Installation ID (no product key installed, no Office).
    #[error("{}", self.message(Language::English))]
    NothingFound { output: String },
    /// Reading from this PC works on Windows only.
    #[error("{}", self.message(Language::English))]
    NotWindows,
}

impl Localized for ReadError {
    fn message(&self, language: Language) -> String {
        match self {
            ReadError::Run { command, error } => match language {
                Language::English => format!("{} (Command: {command})", error.message(language)),
                Language::Japanese => {
                    format!("{}（コマンド: {command}）", error.message(language))
                }
            },
            ReadError::Script { error, .. } => error.message(language),
            ReadError::NothingFound { .. } => language
                .pick(
                    "この PC からインストール ID を読み取れませんでした。プロダクト キーが入った Windows も \
                     Office も見つかりません。次に: 先にプロダクト キーを入力するか、slui 4 の画面に\
                     表示されるインストール ID を貼り付けてください。",
                    "No Installation ID could be read from this PC: neither Windows nor Office has a \
                     product key installed. Next: enter the product key first, or paste the \
                     Installation ID that slui 4 shows.",
                )
                .to_string(),
            ReadError::NotWindows => language
                .pick(
                    "この PC からの読み取りは Windows でのみ使えます。認証する PC の slui 4 か \
                     `slmgr /dti` に表示されるインストール ID を貼り付けてください。",
                    "Reading from this PC works on Windows only. Paste the Installation ID that \
                     slui 4 or `slmgr /dti` shows on the PC being activated.",
                )
                .to_string(),
        }
    }
}

/// Why a Confirmation ID was not applied (nothing was run, or the command could not run).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    /// The CID is incomplete or a block fails its check digit: refused before running anything.
    #[error("{}", self.message(Language::English))]
    InvalidCid(IdProblem),
    /// A 42-digit (Windows XP era) CID: slmgr.vbs and ospp.vbs take 48 digits.
    #[error("{}", self.message(Language::English))]
    WrongCidFormat,
    /// The Activation ID is not a GUID.
    #[error("{}", self.message(Language::English))]
    InvalidActivationId(String),
    /// The command could not be run or did not finish in time.
    #[error("{}", self.message(Language::English))]
    Run { command: String, error: RunError },
    /// Applying works on Windows only.
    #[error("{}", self.message(Language::English))]
    NotWindows,
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
            ApplyError::Run { command, error } => match language {
                Language::English => format!("{} (Command: {command})", error.message(language)),
                Language::Japanese => {
                    format!("{}（コマンド: {command}）", error.message(language))
                }
            },
            ApplyError::NotWindows => language
                .pick(
                    "確認 ID の適用は Windows でのみ使えます。認証する PC の slui 4 の画面に入力してください。",
                    "Applying a Confirmation ID works on Windows only. Type it into slui 4 on the \
                     PC being activated.",
                )
                .to_string(),
        }
    }
}

/// What applying printed and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyReport {
    /// The command as it was run (for showing; see [`command_line_for_display`]).
    pub command: String,
    /// Everything the script printed, decoded.
    pub output: String,
    pub outcome: ApplyOutcome,
}

/// The process environment (`%SystemRoot%`, `%ProgramFiles%`…), for the `env` parameters.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Reads every product's Installation ID: Windows' with `slmgr.vbs /dti`, then Office's with
/// each `OSPP.VBS /dinstid` found (see [`office_scripts`]). Blocking (up to 60 s per script).
///
/// Succeeds with whatever was found when at least one ID was (an Office failure does not hide
/// Windows' ID); otherwise fails with the first script's problem. The same ID reported twice
/// (two Office folders) is listed once.
pub fn read_installation_ids(
    runner: &dyn CommandRunner,
    env: &dyn Fn(&str) -> Option<String>,
    exists: &dyn Fn(&Path) -> bool,
) -> Result<Vec<ProductIid>, ReadError> {
    let root = system_root(env);
    let mut found: Vec<ProductIid> = Vec::new();
    let mut problems: Vec<ReadError> = Vec::new();
    let mut outputs: Vec<String> = Vec::new();

    let mut commands = vec![(windows_read_command(&root), None)];
    for script in office_scripts(env, exists) {
        commands.push((office_read_command(&root, &script), Some(script)));
    }
    for (spec, office_script) in commands {
        let shown = spec.display();
        let output = match runner.run(&spec.program, &spec.args, SCRIPT_TIMEOUT) {
            Ok(output) => output,
            Err(error) => {
                problems.push(ReadError::Run {
                    command: shown,
                    error,
                });
                continue;
            }
        };
        let text = output.text();
        let products = match &office_script {
            None => parse_windows_output(&text),
            Some(script) => parse_office_output(&text, script),
        };
        if products.is_empty()
            && let Some(error) = outcome::find_failure(&text, output.status_code)
            && !matches!(
                error.kind,
                FailureKind::ProductNotFound | FailureKind::NoProductKeys
            )
        {
            problems.push(ReadError::Script {
                command: shown.clone(),
                error,
                output: text.clone(),
            });
        }
        outputs.push(format!("> {shown}\n{text}"));
        for product in products {
            if !found.iter().any(|p| p.iid.digits() == product.iid.digits()) {
                found.push(product);
            }
        }
    }
    if !found.is_empty() {
        return Ok(found);
    }
    Err(problems
        .into_iter()
        .next()
        .unwrap_or(ReadError::NothingFound {
            output: outputs.join("\n"),
        }))
}

/// Windows' Installation ID(s) in `slmgr.vbs /dti` output (any language, banner or not).
pub fn parse_windows_output(text: &str) -> Vec<ProductIid> {
    with_activation_ids(text)
        .into_iter()
        .map(|(iid, activation_id)| ProductIid {
            product: Product::Windows,
            label: iid.label().unwrap_or(WINDOWS_LABEL).to_string(),
            iid,
            activation_id,
        })
        .collect()
}

/// Office's Installation IDs in `ospp.vbs /dinstid` output, labelled with their license names.
pub fn parse_office_output(text: &str, script: &Path) -> Vec<ProductIid> {
    with_activation_ids(text)
        .into_iter()
        .map(|(iid, activation_id)| ProductIid {
            product: Product::Office {
                script: script.to_path_buf(),
            },
            label: iid.label().unwrap_or("Office").to_string(),
            iid,
            activation_id,
        })
        .collect()
}

static GUID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
        .expect("valid regex")
});

/// Each ID found, with the last GUID printed between the previous ID and it (slmgr's
/// `Activation ID: …` in `/dlv`, or `(…)` in its "Processing the license for" warning).
fn with_activation_ids(text: &str) -> Vec<(InstallationId, Option<String>)> {
    let mut cursor = 0;
    find_installation_ids(text)
        .into_iter()
        .map(|iid| {
            let activation_id = text[cursor..].find(iid.digits()).and_then(|at| {
                let before = &text[cursor..cursor + at];
                cursor += at + iid.digits().len();
                GUID.find_iter(before)
                    .last()
                    .map(|m| m.as_str().to_lowercase())
            });
            (iid, activation_id)
        })
        .collect()
}

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

/// The command that would apply `cid` to `target` — after the same checks
/// [`apply_confirmation_id`] makes, so the UI can show exactly what will run.
pub fn apply_command(
    env: &dyn Fn(&str) -> Option<String>,
    cid: &ConfirmationId,
    target: &ApplyTarget,
    activation_id: Option<&str>,
) -> Result<CommandSpec, ApplyError> {
    check_cid(cid)?;
    let root = system_root(env);
    match target {
        Product::Windows => {
            let activation_id = activation_id
                .map(|id| {
                    normalize_activation_id(id)
                        .ok_or_else(|| ApplyError::InvalidActivationId(id.to_string()))
                })
                .transpose()?;
            Ok(windows_apply_command(&root, cid, activation_id.as_deref()))
        }
        // ospp.vbs takes no Activation ID: it tries the CID on each Office product.
        Product::Office { script } => Ok(office_apply_command(&root, script, cid)),
    }
}

/// Applies a Confirmation ID: `slmgr.vbs /atp <digits> [ActivationID]` for Windows,
/// `ospp.vbs /actcid:<digits>` for Office. Refuses, running nothing, when the CID is not valid
/// (every block consistent, 48 digits). Needs administrator rights; blocking (up to 60 s).
pub fn apply_confirmation_id(
    runner: &dyn CommandRunner,
    env: &dyn Fn(&str) -> Option<String>,
    cid: &ConfirmationId,
    target: ApplyTarget,
    activation_id: Option<&str>,
) -> Result<ApplyReport, ApplyError> {
    let spec = apply_command(env, cid, &target, activation_id)?;
    let command = spec.display();
    let output = runner
        .run(&spec.program, &spec.args, SCRIPT_TIMEOUT)
        .map_err(|error| ApplyError::Run {
            command: command.clone(),
            error,
        })?;
    let text = output.text();
    let outcome = interpret_apply_output(&text, output.status_code);
    Ok(ApplyReport {
        command,
        output: text,
        outcome,
    })
}

/// [`read_installation_ids`] on this PC with the real runner and environment
/// ([`ReadError::NotWindows`] elsewhere). Blocking.
pub fn read_this_pc() -> Result<Vec<ProductIid>, ReadError> {
    #[cfg(windows)]
    {
        read_installation_ids(&SystemRunner, &process_env, &|path: &Path| path.is_file())
    }
    #[cfg(not(windows))]
    {
        Err(ReadError::NotWindows)
    }
}

/// [`apply_confirmation_id`] on this PC with the real runner and environment
/// ([`ApplyError::NotWindows`] elsewhere, after the same CID checks). Blocking.
pub fn apply_on_this_pc(
    cid: &ConfirmationId,
    target: ApplyTarget,
    activation_id: Option<&str>,
) -> Result<ApplyReport, ApplyError> {
    #[cfg(windows)]
    {
        apply_confirmation_id(&SystemRunner, &process_env, cid, target, activation_id)
    }
    #[cfg(not(windows))]
    {
        apply_command(&process_env, cid, &target, activation_id)?;
        Err(ApplyError::NotWindows)
    }
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
    fn a_guid_before_an_id_becomes_its_activation_id() {
        let iid = "489126343257012289105546522085205332958764158851011127139061121";
        let text = format!(
            "Processing the license for Windows(R), Professional edition \
             (2DE67392-B7A7-462A-B1CA-108DD189F588).\nInstallation ID: {iid}\n"
        );
        let products = parse_windows_output(&text);
        assert_eq!(products.len(), 1);
        assert_eq!(
            products[0].activation_id.as_deref(),
            Some("2de67392-b7a7-462a-b1ca-108dd189f588")
        );
        assert_eq!(products[0].label, "Windows");
    }

    #[test]
    fn the_non_windows_entry_points_say_so() {
        #[cfg(not(windows))]
        {
            assert_eq!(read_this_pc(), Err(ReadError::NotWindows));
            let cid = ConfirmationId::from_typed(
                "426296 483130 829081 394993 064403 777482 905722 580616",
            );
            assert_eq!(
                apply_on_this_pc(&cid, Product::Windows, None),
                Err(ApplyError::NotWindows)
            );
            assert_eq!(read_this_pc_phone_inf(), None);
            assert_eq!(windows_user_locale(), None);
            assert_eq!(is_elevated(), None);
            assert!(attach_parent_console());
            assert_eq!(relaunch_elevated(&[]), Err(ElevationError::NotWindows));
        }
    }
}
