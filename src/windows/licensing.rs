//! The licensing service itself, through WMI: which products have a key, how each is licensed,
//! and applying a Confirmation ID with a definite verdict.
//!
//! slmgr.vbs and ospp.vbs are thin VBScript layers over WMI (namespace `root\cimv2`); their
//! printed text is localised, but every value underneath is a number, a GUID or digits, the same
//! in every Windows language. So this module reads those values and decides everything itself.
//!
//! ## Shape
//!
//! - [`LicensingService`] is the only thing that talks to Windows: rows and HRESULTs in, nothing
//!   decided there. The real one (`super::wmi`) exists on Windows only; tests use recorded rows.
//! - Everything else here — which rows count, what kind of product each is, its status in words,
//!   which product a Confirmation ID goes to, the verdict after applying — is plain code,
//!   compiled and tested on every OS.
//! - [`this_pc_licensing`] and [`apply_to_this_pc`] wire up the real service on one
//!   worker thread with a deadline, and say "Windows only" elsewhere, so callers need no `cfg`.
//!
//! ## What the service holds (from Microsoft's slmgr.vbs / ospp.vbs sources and class docs)
//!
//! - `SoftwareLicensingProduct` / `SoftwareLicensingService`: Windows, and Office 2013–2024 on
//!   Windows 8 and later. `OfficeSoftwareProtectionProduct` / `OfficeSoftwareProtectionService`:
//!   Office 2010 (its own service, osppsvc); the class is missing when Office 2010 is not
//!   installed. Microsoft 365 Apps are in neither: they have no phone activation.
//! - A product with a key has `PartialProductKey <> NULL`. `ApplicationID` tells the family
//!   ([`app_ids`]); `LicenseIsAddon = true` marks an add-on such as Windows 10 ESU, which has its
//!   own Activation ID (`ID`) and its own Installation ID.
//! - `OfflineInstallationId` is what `slmgr /dti` prints. Reading needs no administrator rights.
//! - Applying, as slmgr's `/atp` does it: `DepositOfflineConfirmationId(InstallationId = the
//!   row's current OfflineInstallationId, ConfirmationId = 48 digits)` on the product's row, then
//!   `RefreshLicenseStatus()` on the service, then read the row again: activated only when
//!   `LicenseStatus = 1`. Depositing needs administrator rights (0xC004F025 / 0x80070005).
//! - `LicenseStatus`: 0 unlicensed, 1 licensed, 2 initial (out-of-box) grace, 3 out-of-tolerance
//!   grace (after hardware changes), 4 non-genuine grace, 5 notification, 6 extended grace.
//!   1 with `GracePeriodRemaining = 0` (minutes) is a permanent activation; 1 with minutes left
//!   is a volume (KMS) activation that ends unless renewed. `LicenseStatusReason` is an HRESULT
//!   saying why a product is not licensed.

use std::fmt;
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::hresult::{ActivationError, codes, explain_hresult};
use super::{ApplyError, check_cid, normalize_activation_id};
use crate::id::{ConfirmationId, InstallationId};
use crate::language::{Language, Localized};

/// The `ApplicationID`s that tell a product's family.
pub mod app_ids {
    /// Windows (and its add-ons such as ESU).
    pub const WINDOWS: &str = "55c92734-d682-4d71-983e-d6ec3f16059f";
    /// Office 2013 and later, in `SoftwareLicensingProduct`.
    pub const OFFICE: &str = "0ff1ce15-a989-479d-af46-f275c6370663";
    /// Office 2010, in `OfficeSoftwareProtectionProduct`.
    pub const OFFICE_2010: &str = "59a52881-a989-479d-af46-f275c6370663";
}

/// Which WMI class pair a product lives in; deposits and refreshes go to the same pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProductClass {
    /// `SoftwareLicensingProduct` / `SoftwareLicensingService`: Windows, Office 2013+.
    SoftwareLicensing,
    /// `OfficeSoftwareProtectionProduct` / `OfficeSoftwareProtectionService`: Office 2010.
    OfficeSoftwareProtection,
}

impl ProductClass {
    /// Read in this order: Windows' own service first.
    pub const ALL: [ProductClass; 2] = [
        ProductClass::SoftwareLicensing,
        ProductClass::OfficeSoftwareProtection,
    ];

    /// The WMI class holding the products.
    pub fn product_class(self) -> &'static str {
        match self {
            ProductClass::SoftwareLicensing => "SoftwareLicensingProduct",
            ProductClass::OfficeSoftwareProtection => "OfficeSoftwareProtectionProduct",
        }
    }

    /// The WMI class of the service (`RefreshLicenseStatus` is called on its one instance).
    pub fn service_class(self) -> &'static str {
        match self {
            ProductClass::SoftwareLicensing => "SoftwareLicensingService",
            ProductClass::OfficeSoftwareProtection => "OfficeSoftwareProtectionService",
        }
    }
}

/// The properties read for each product, in WMI's spelling. `LicenseIsAddon` comes last: Windows 7
/// and Office 2010's class may lack it, and the reader then asks again without it.
pub const PRODUCT_PROPERTIES: [&str; 10] = [
    "ID",
    "ApplicationID",
    "Name",
    "Description",
    "PartialProductKey",
    "LicenseStatus",
    "LicenseStatusReason",
    "GracePeriodRemaining",
    "OfflineInstallationId",
    "LicenseIsAddon",
];

/// The WQL query for the products with a key: only the properties needed, so a missing one
/// fails fast (Wine's stand-in class fails here with 0x80041017).
pub fn products_query(class: ProductClass, with_addon_flag: bool) -> String {
    let count = if with_addon_flag {
        PRODUCT_PROPERTIES.len()
    } else {
        PRODUCT_PROPERTIES.len() - 1
    };
    format!(
        "SELECT {} FROM {} WHERE PartialProductKey <> NULL",
        PRODUCT_PROPERTIES[..count].join(", "),
        class.product_class()
    )
}

/// One product row as WMI gives it: numbers, GUIDs and digits (plus two names nothing decides
/// on). Field names in serde are WMI's, so recorded rows read like the real thing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRow {
    /// The Activation ID (a GUID).
    #[serde(rename = "ID")]
    pub id: String,
    #[serde(rename = "ApplicationID", default)]
    pub application_id: String,
    /// Not localised: `Windows(R), Professional edition`,
    /// `Office 21, Office21ProPlus2021VL_MAK_AE edition`.
    #[serde(rename = "Name", default)]
    pub name: String,
    #[serde(rename = "Description", default)]
    pub description: String,
    /// The last five characters of the key; `None` when the product has no key installed.
    #[serde(rename = "PartialProductKey", default)]
    pub partial_product_key: Option<String>,
    #[serde(rename = "LicenseStatus", default)]
    pub license_status: u32,
    /// An HRESULT explaining a state other than licensed (0 when there is nothing to say).
    #[serde(rename = "LicenseStatusReason", default)]
    pub license_status_reason: u32,
    /// Minutes left: of the grace period, or of a volume activation.
    #[serde(rename = "GracePeriodRemaining", default)]
    pub grace_period_remaining: u32,
    #[serde(rename = "OfflineInstallationId", default)]
    pub offline_installation_id: Option<String>,
    /// `None` where the class has no such property (Windows 7, Office 2010).
    #[serde(rename = "LicenseIsAddon", default)]
    pub license_is_addon: Option<bool>,
}

/// Why the licensing service could not be used. Each message names the manual route.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    /// WMI could not connect, or the class or a property is missing, or a query failed: the
    /// HRESULT says which (0x80041017 invalid query under Wine, 0x80041010 invalid class…).
    #[error("{}", self.message(Language::English))]
    Unavailable { code: u32 },
    /// No answer within the deadline. A WMI call cannot be stopped: it may still finish.
    #[error("{}", self.message(Language::English))]
    TimedOut { after: Duration },
    /// The licensing service exists on Windows only.
    #[error("{}", self.message(Language::English))]
    NotWindows,
}

impl ServiceError {
    pub fn code(&self) -> Option<u32> {
        match self {
            ServiceError::Unavailable { code } => Some(*code),
            _ => None,
        }
    }

    /// The class does not exist (0x80041010): for Office 2010's class, simply no Office 2010.
    pub fn is_missing_class(&self) -> bool {
        self.code() == Some(codes::WMI_INVALID_CLASS)
    }
}

/// The manual route, for every service error: paste the IID, apply with slmgr or slui.
fn manual_route(language: Language) -> &'static str {
    language.pick(
        "次に: slui 4 の画面（またはコマンド プロンプトで `slmgr /dti` と入力して表示される）\
         インストール ID をこのアプリに貼り付けてください。確認 ID は slui 4 の画面に入力するか、\
         管理者として開いたコマンド プロンプトで `slmgr /atp <確認 ID> [アクティベーション ID]` と\
         入力して適用できます（アクティベーション ID は ESU などの追加ライセンスの場合だけ必要です）。",
        "Next: paste the Installation ID that slui 4 shows (or that `slmgr /dti` prints in a \
         Command Prompt) into this app. Apply the Confirmation ID by typing it into slui 4, or in \
         a Command Prompt opened as administrator with `slmgr /atp <Confirmation ID> \
         [Activation ID]` (the Activation ID is needed only for an add-on such as ESU).",
    )
}

impl Localized for ServiceError {
    fn message(&self, language: Language) -> String {
        match self {
            ServiceError::Unavailable { code } => {
                let cause = match (*code, language) {
                    (codes::WMI_INVALID_QUERY, Language::English) => {
                        "the query was not accepted: no real licensing service, as under Wine"
                    }
                    (codes::WMI_INVALID_QUERY, Language::Japanese) => {
                        "問い合わせが受け付けられません。Wine のように本物のライセンス サービスがありません"
                    }
                    (codes::WMI_INVALID_CLASS, Language::English) => "its class is missing",
                    (codes::WMI_INVALID_CLASS, Language::Japanese) => "クラスがありません",
                    (codes::WMI_INVALID_NAMESPACE, Language::English) => {
                        "the root\\cimv2 namespace is missing"
                    }
                    (codes::WMI_INVALID_NAMESPACE, Language::Japanese) => {
                        "名前空間 root\\cimv2 がありません"
                    }
                    (codes::ACCESS_DENIED, Language::English) => "access was denied",
                    (codes::ACCESS_DENIED, Language::Japanese) => "アクセスが拒否されました",
                    (_, Language::English) => "it reported an error",
                    (_, Language::Japanese) => "エラーが報告されました",
                };
                match language {
                    Language::English => format!(
                        "This app could not use Windows' licensing service through WMI ({cause}; \
                         0x{code:08X}). Nothing was changed. {}",
                        manual_route(language)
                    ),
                    Language::Japanese => format!(
                        "このアプリは WMI 経由で Windows のライセンス サービスを使えませんでした\
                         （{cause}。0x{code:08X}）。何も変更していません。{}",
                        manual_route(language)
                    ),
                }
            }
            ServiceError::TimedOut { after } => match language {
                Language::English => format!(
                    "Windows' licensing service did not answer within {} seconds, so this app \
                     stopped waiting (the request may still finish in the background). Read this \
                     PC again to see the current status; if it keeps happening, restart the PC. \
                     {}",
                    after.as_secs(),
                    manual_route(language)
                ),
                Language::Japanese => format!(
                    "{} 秒以内に Windows のライセンス サービスから応答がなかったため、待つのをやめました\
                     （処理は裏で完了する可能性があります）。この PC をもう一度読み取って現在の状態を\
                     確かめてください。何度も起こる場合は PC を再起動してください。{}",
                    after.as_secs(),
                    manual_route(language)
                ),
            },
            ServiceError::NotWindows => language
                .pick(
                    "ライセンス サービスの読み取りと確認 ID の適用は Windows でのみ使えます。認証する PC で、\
                     slui 4 か `slmgr /dti` に表示されるインストール ID を貼り付け、確認 ID は slui 4 の画面\
                     （または `slmgr /atp <確認 ID>`）に入力してください。",
                    "Reading the licensing service and applying a Confirmation ID work on Windows \
                     only. On the PC being activated, paste the Installation ID that slui 4 or \
                     `slmgr /dti` shows, and type the Confirmation ID into slui 4 (or use \
                     `slmgr /atp <Confirmation ID>`).",
                )
                .to_string(),
        }
    }
}

/// The calls into Windows' licensing service, and nothing else: rows and HRESULTs, no decisions.
/// The real one is Windows-only and must be used on the thread that made it (COM).
pub trait LicensingService {
    /// The rows of `class.product_class()` that have a key (`PartialProductKey <> NULL`).
    /// A class that does not exist is `ServiceError::Unavailable { code: 0x80041010 }`.
    fn products(&self, class: ProductClass) -> Result<Vec<ProductRow>, ServiceError>;

    /// `DepositOfflineConfirmationId(InstallationId = iid, ConfirmationId = cid)` on the row
    /// whose `ID` is `activation_id`; the error is the HRESULT (a nonzero `ReturnValue` too).
    fn deposit(
        &self,
        class: ProductClass,
        activation_id: &str,
        iid: &str,
        cid: &str,
    ) -> Result<(), u32>;

    /// `RefreshLicenseStatus()` on the service of `class`; the error is the HRESULT.
    fn refresh(&self, class: ProductClass) -> Result<(), u32>;
}

/// What a product is, from its `ApplicationID` and `LicenseIsAddon`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProductKind {
    Windows,
    /// Office 2010 (in Office's own class) or 2013 and later.
    Office,
    /// An add-on license with its own Activation ID, such as Windows 10 ESU.
    AddOn,
    /// Another application registered with the licensing service.
    Other,
}

impl ProductKind {
    pub fn of(application_id: &str, is_addon: bool) -> ProductKind {
        if is_addon {
            return ProductKind::AddOn;
        }
        let app = application_id
            .trim()
            .trim_matches(|c| c == '{' || c == '}')
            .to_ascii_lowercase();
        match app.as_str() {
            app_ids::WINDOWS => ProductKind::Windows,
            app_ids::OFFICE | app_ids::OFFICE_2010 => ProductKind::Office,
            _ => ProductKind::Other,
        }
    }

    /// `windows`, `office`, `addon`, `other` (for scripts).
    pub fn code(self) -> &'static str {
        match self {
            ProductKind::Windows => "windows",
            ProductKind::Office => "office",
            ProductKind::AddOn => "addon",
            ProductKind::Other => "other",
        }
    }

    pub fn words(self, language: Language) -> &'static str {
        match self {
            ProductKind::Windows => "Windows",
            ProductKind::Office => "Office",
            ProductKind::AddOn => {
                language.pick("追加ライセンス（ESU など）", "add-on (such as ESU)")
            }
            ProductKind::Other => language.pick("その他の製品", "other product"),
        }
    }
}

/// `LicenseStatus` as the service defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LicenseStatus {
    /// 0
    Unlicensed,
    /// 1
    Licensed,
    /// 2: the initial (out-of-box) grace period.
    OutOfBoxGrace,
    /// 3: the grace period after hardware changed beyond tolerance.
    OutOfToleranceGrace,
    /// 4
    NonGenuineGrace,
    /// 5: not activated; Windows keeps reminding.
    Notification,
    /// 6
    ExtendedGrace,
    /// A value the service did not define when this was written.
    Unknown(u32),
}

impl LicenseStatus {
    pub fn from_code(code: u32) -> LicenseStatus {
        match code {
            0 => LicenseStatus::Unlicensed,
            1 => LicenseStatus::Licensed,
            2 => LicenseStatus::OutOfBoxGrace,
            3 => LicenseStatus::OutOfToleranceGrace,
            4 => LicenseStatus::NonGenuineGrace,
            5 => LicenseStatus::Notification,
            6 => LicenseStatus::ExtendedGrace,
            other => LicenseStatus::Unknown(other),
        }
    }

    pub fn code(self) -> u32 {
        match self {
            LicenseStatus::Unlicensed => 0,
            LicenseStatus::Licensed => 1,
            LicenseStatus::OutOfBoxGrace => 2,
            LicenseStatus::OutOfToleranceGrace => 3,
            LicenseStatus::NonGenuineGrace => 4,
            LicenseStatus::Notification => 5,
            LicenseStatus::ExtendedGrace => 6,
            LicenseStatus::Unknown(code) => code,
        }
    }

    pub fn is_grace(self) -> bool {
        matches!(
            self,
            LicenseStatus::OutOfBoxGrace
                | LicenseStatus::OutOfToleranceGrace
                | LicenseStatus::NonGenuineGrace
                | LicenseStatus::ExtendedGrace
        )
    }

    pub fn words(self, language: Language) -> String {
        let text = match self {
            LicenseStatus::Unlicensed => language.pick("ライセンスなし", "unlicensed"),
            LicenseStatus::Licensed => language.pick("ライセンス認証済み", "licensed"),
            LicenseStatus::OutOfBoxGrace => language.pick("初期猶予期間", "initial grace period"),
            LicenseStatus::OutOfToleranceGrace => language.pick(
                "ハードウェア変更後の猶予期間",
                "grace period after hardware changes",
            ),
            LicenseStatus::NonGenuineGrace => {
                language.pick("非正規品の猶予期間", "non-genuine grace period")
            }
            LicenseStatus::Notification => language.pick("通知モード", "notification mode"),
            LicenseStatus::ExtendedGrace => language.pick("延長猶予期間", "extended grace period"),
            LicenseStatus::Unknown(code) => {
                return match language {
                    Language::English => format!("unknown status {code}"),
                    Language::Japanese => format!("不明な状態 {code}"),
                };
            }
        };
        text.to_string()
    }
}

/// What a product's status means for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivationState {
    /// Status 1 with no time limit: nothing to do.
    Permanent,
    /// Status 1 with time left: a volume (KMS) activation that ends unless renewed.
    Volume { minutes_left: u32 },
    /// Statuses 2, 3, 4, 6: not activated, working for the minutes left.
    Grace {
        status: LicenseStatus,
        minutes_left: u32,
    },
    /// Status 5: not activated, reminders shown.
    Notification,
    /// Status 0.
    Unlicensed,
    /// A status this app does not know.
    Unknown(u32),
}

impl ActivationState {
    pub fn of(status: LicenseStatus, grace_minutes: u32) -> ActivationState {
        match status {
            LicenseStatus::Licensed if grace_minutes == 0 => ActivationState::Permanent,
            LicenseStatus::Licensed => ActivationState::Volume {
                minutes_left: grace_minutes,
            },
            LicenseStatus::Unlicensed => ActivationState::Unlicensed,
            LicenseStatus::Notification => ActivationState::Notification,
            LicenseStatus::Unknown(code) => ActivationState::Unknown(code),
            status => ActivationState::Grace {
                status,
                minutes_left: grace_minutes,
            },
        }
    }

    pub fn is_activated(self) -> bool {
        matches!(
            self,
            ActivationState::Permanent | ActivationState::Volume { .. }
        )
    }

    /// Minutes left of a volume activation or a grace period.
    pub fn minutes_left(self) -> Option<u32> {
        match self {
            ActivationState::Volume { minutes_left }
            | ActivationState::Grace { minutes_left, .. } => Some(minutes_left),
            _ => None,
        }
    }
}

/// Whole days in `minutes`, rounded up (259 200 minutes = 180 days; 1 minute = 1 day).
pub fn days_left(minutes: u32) -> u32 {
    minutes.div_ceil(24 * 60)
}

/// A calendar date (UTC), for "until" in the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The UTC date `minutes` after `now`.
    pub fn after_minutes(now: SystemTime, minutes: u32) -> Date {
        let seconds = match now.duration_since(UNIX_EPOCH) {
            Ok(since) => since.as_secs() as i64,
            Err(before) => -(before.duration().as_secs() as i64),
        } + i64::from(minutes) * 60;
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A product with a key installed, as decided from its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalledProduct {
    pub class: ProductClass,
    /// The Activation ID, lower-case without braces.
    pub activation_id: String,
    pub application_id: String,
    pub name: String,
    pub description: String,
    pub kind: ProductKind,
    pub status: LicenseStatus,
    /// `LicenseStatusReason` (an HRESULT; 0 = nothing to say).
    pub reason: u32,
    /// `GracePeriodRemaining`, in minutes.
    pub grace_minutes: u32,
    /// The last five characters of the key.
    pub partial_key: String,
    /// `OfflineInstallationId` as the engine reads it (check with `is_valid()`); `None` when
    /// the row had none.
    pub installation_id: Option<InstallationId>,
}

impl InstalledProduct {
    /// The product a row describes; `None` for a row without a key or without an ID.
    pub fn from_row(class: ProductClass, row: ProductRow) -> Option<InstalledProduct> {
        let partial_key = row
            .partial_product_key
            .filter(|key| !key.trim().is_empty())?;
        let activation_id = row
            .id
            .trim()
            .trim_matches(|c| c == '{' || c == '}')
            .to_ascii_lowercase();
        if activation_id.is_empty() {
            return None;
        }
        let installation_id = row
            .offline_installation_id
            .filter(|iid| iid.chars().any(|c| c.is_ascii_digit()))
            .map(|iid| InstallationId::from_typed(&iid));
        Some(InstalledProduct {
            class,
            kind: ProductKind::of(&row.application_id, row.license_is_addon == Some(true)),
            activation_id,
            application_id: row.application_id.trim().to_ascii_lowercase(),
            name: row.name,
            description: row.description,
            status: LicenseStatus::from_code(row.license_status),
            reason: row.license_status_reason,
            grace_minutes: row.grace_period_remaining,
            partial_key,
            installation_id,
        })
    }

    pub fn state(&self) -> ActivationState {
        ActivationState::of(self.status, self.grace_minutes)
    }

    pub fn is_activated(&self) -> bool {
        self.state().is_activated()
    }

    /// The Installation ID when every group passes its check digit.
    pub fn valid_installation_id(&self) -> Option<&InstallationId> {
        self.installation_id.as_ref().filter(|iid| iid.is_valid())
    }

    /// Office 2010 (its own service, osppsvc).
    pub fn is_office_2010(&self) -> bool {
        self.class == ProductClass::OfficeSoftwareProtection
    }

    /// The name to show: the row's `Name`, or the kind when the row has none.
    pub fn label(&self, language: Language) -> String {
        let name = self.name.trim();
        if name.is_empty() {
            return self.kind.words(language).to_string();
        }
        // An add-on's name goes on to list every edition it is for (`Windows(R),
        // Client-ESU-Year1 add-on for Education,EducationN,Enterprise,…`, over 200 characters
        // without a space to wrap at): the part before the list names it.
        match name.split_once(" for ") {
            Some((product, editions)) if editions.matches(',').count() >= 2 => product.to_string(),
            _ => name.to_string(),
        }
    }

    /// The reason the service gives, explained, when the product is not activated.
    pub fn reason_text(&self, language: Language) -> Option<String> {
        (!self.is_activated() && self.reason != 0).then(|| explain_hresult(self.reason, language))
    }

    /// The UTC date a volume activation or grace period ends, counted from `now`.
    pub fn ends_on(&self, now: SystemTime) -> Option<Date> {
        self.state()
            .minutes_left()
            .map(|minutes| Date::after_minutes(now, minutes))
    }
}

/// The status sentence: "Windows(R), Professional edition: activated — nothing to do." etc.
impl Localized for InstalledProduct {
    fn message(&self, language: Language) -> String {
        let name = self.label(language);
        // The reason the service gives says what to do next itself; otherwise the way on is
        // this app's.
        let activate_next = match self.reason_text(language) {
            Some(reason) => format!("{}{reason}", language.pick("理由: ", "Reason: ")),
            None => language
                .pick(
                    "次に: このアプリでインストール ID を Microsoft に伝え、受け取った確認 ID を適用してください。",
                    "Next: carry its Installation ID to Microsoft with this app and apply the \
                     Confirmation ID you get back.",
                )
                .to_string(),
        };
        match (self.state(), language) {
            (ActivationState::Permanent, Language::English) => {
                format!("{name}: activated — nothing to do.")
            }
            (ActivationState::Permanent, Language::Japanese) => {
                format!("{name}: ライセンス認証されています。操作は不要です。")
            }
            (ActivationState::Volume { minutes_left }, Language::English) => format!(
                "{name}: activated through volume licensing (KMS) for about {} more days; it \
                 renews itself while the organisation's activation server can be reached. \
                 Nothing to do now.",
                days_left(minutes_left)
            ),
            (ActivationState::Volume { minutes_left }, Language::Japanese) => format!(
                "{name}: ボリューム ライセンス（KMS）で認証されています。あと約 {} 日有効で、組織の\
                 認証サーバーに接続できれば自動で更新されます。今は操作は不要です。",
                days_left(minutes_left)
            ),
            (
                ActivationState::Grace {
                    status,
                    minutes_left,
                },
                Language::English,
            ) => format!(
                "{name}: not activated — {} with {} days left. {activate_next}",
                status.words(language),
                days_left(minutes_left)
            ),
            (
                ActivationState::Grace {
                    status,
                    minutes_left,
                },
                Language::Japanese,
            ) => format!(
                "{name}: ライセンス認証されていません（{}、残り {} 日）。{activate_next}",
                status.words(language),
                days_left(minutes_left)
            ),
            (ActivationState::Notification, Language::English) => format!(
                "{name}: not activated (notification mode: Windows keeps asking to activate). \
                 {activate_next}"
            ),
            (ActivationState::Notification, Language::Japanese) => format!(
                "{name}: ライセンス認証されていません（通知モード: 認証を求める表示が続きます）。{activate_next}"
            ),
            (ActivationState::Unlicensed, Language::English) => {
                format!("{name}: not activated (unlicensed). {activate_next}")
            }
            (ActivationState::Unlicensed, Language::Japanese) => {
                format!("{name}: ライセンス認証されていません（ライセンスなし）。{activate_next}")
            }
            (ActivationState::Unknown(code), Language::English) => format!(
                "{name}: licensing status {code}, which this app does not know. Next: check \
                 Settings > System > Activation."
            ),
            (ActivationState::Unknown(code), Language::Japanese) => format!(
                "{name}: このアプリが知らないライセンス状態 {code} です。次に: [設定] > [システム] > \
                 [ライセンス認証] で確認してください。"
            ),
        }
    }
}

/// The sentence for when no Office product has a key: Microsoft 365 is not activated by phone.
/// (Telling whether Microsoft 365 is installed is not this module's job.)
pub fn microsoft_365_note(language: Language) -> &'static str {
    language.pick(
        "Microsoft 365（サブスクリプション）の Office には電話やポータルによるライセンス認証がなく、\
         インストール ID もありません。次に: Office アプリを開き、[ファイル] > [アカウント] で\
         サブスクリプションのある Microsoft アカウントにサインインしてください。",
        "Microsoft 365 (subscription) Office has no phone or portal activation and no \
         Installation ID. Next: open any Office app and sign in with the Microsoft account that \
         has the subscription (File > Account).",
    )
}

/// Every product with a key that could be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LicensingReading {
    /// Windows first, then add-ons, Office, others; each in the service's order.
    pub products: Vec<InstalledProduct>,
    /// A class that failed while something else was read (Office 2010's service failing must
    /// not hide Windows). A missing Office 2010 class is not a problem and is not listed.
    pub problems: Vec<(ProductClass, ServiceError)>,
}

impl LicensingReading {
    pub fn find(&self, activation_id: &str) -> Option<&InstalledProduct> {
        let wanted = normalize_activation_id(activation_id)?;
        self.products.iter().find(|p| p.activation_id == wanted)
    }

    /// True when some Office product (2010 or later) has a key; when false the UI may show
    /// [`microsoft_365_note`].
    pub fn has_office(&self) -> bool {
        self.products.iter().any(|p| p.kind == ProductKind::Office)
    }
}

/// Reads every product with a key, from both classes.
///
/// Office 2010's class missing (Windows 8 and later without Office 2010) is not an error. Fails
/// only when nothing was read and a class failed (then with the first failure: Windows' own).
pub fn read_licensing(service: &dyn LicensingService) -> Result<LicensingReading, ServiceError> {
    let mut products: Vec<InstalledProduct> = Vec::new();
    let mut problems = Vec::new();
    for class in ProductClass::ALL {
        match service.products(class) {
            Ok(rows) => {
                for product in rows
                    .into_iter()
                    .filter_map(|row| InstalledProduct::from_row(class, row))
                {
                    if !products.iter().any(|p| {
                        p.class == product.class && p.activation_id == product.activation_id
                    }) {
                        products.push(product);
                    }
                }
            }
            Err(error)
                if class == ProductClass::OfficeSoftwareProtection && error.is_missing_class() => {}
            Err(error) => problems.push((class, error)),
        }
    }
    if products.is_empty()
        && let Some((_, error)) = problems.first()
    {
        return Err(error.clone());
    }
    products.sort_by_key(|p| match p.kind {
        ProductKind::Windows => 0,
        ProductKind::AddOn => 1,
        ProductKind::Office => 2,
        ProductKind::Other => 3,
    });
    Ok(LicensingReading { products, problems })
}

/// Why no product was picked for a Confirmation ID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// The Activation ID given is not a GUID.
    #[error("{}", self.message(Language::English))]
    InvalidActivationId(String),
    /// No product with a key has that Activation ID.
    #[error("{}", self.message(Language::English))]
    NotFound(String),
    /// No product has the session's Installation ID, and no Windows product needs activating.
    #[error("{}", self.message(Language::English))]
    NothingToActivate,
    /// Several Windows products are not activated (their names): the user must choose.
    #[error("{}", self.message(Language::English))]
    Ambiguous(Vec<String>),
    /// The product shows no Installation ID to check the Confirmation ID against (its name).
    #[error("{}", self.message(Language::English))]
    NoInstallationId(String),
}

impl Localized for TargetError {
    fn message(&self, language: Language) -> String {
        match self {
            TargetError::InvalidActivationId(id) => {
                ApplyError::InvalidActivationId(id.clone()).message(language)
            }
            TargetError::NotFound(id) => match language {
                Language::English => format!(
                    "No product with a product key has the Activation ID {id} on this PC. Next: \
                     read this PC again and choose one of the products listed."
                ),
                Language::Japanese => format!(
                    "この PC には、アクティベーション ID が {id} でプロダクト キーの入った製品がありません。\
                     次に: この PC をもう一度読み取り、表示された製品から選んでください。"
                ),
            },
            TargetError::NothingToActivate => language
                .pick(
                    "この PC の Windows はすでにライセンス認証されていて、このセッションのインストール ID を\
                     持つ製品もありません。次に: ESU などの追加ライセンスや Office に適用する場合は、\
                     その製品をアクティベーション ID で選んでください。",
                    "Windows on this PC is already activated, and no product has this session's \
                     Installation ID. Next: to apply to an add-on (such as ESU) or to Office, \
                     choose that product by its Activation ID.",
                )
                .to_string(),
            TargetError::NoInstallationId(name) => match language {
                Language::English => format!(
                    "{name} shows no Installation ID, so there is nothing to check the \
                     Confirmation ID against and nothing was applied. Next: read this PC again."
                ),
                Language::Japanese => format!(
                    "{name} にはインストール ID が表示されないため、確認 ID と照らし合わせられず、\
                     何も適用していません。次に: この PC をもう一度読み取ってください。"
                ),
            },
            TargetError::Ambiguous(names) => match language {
                Language::English => format!(
                    "Several Windows products are not activated ({}). Next: choose one by its \
                     Activation ID.",
                    names.join("; ")
                ),
                Language::Japanese => format!(
                    "ライセンス認証されていない Windows 製品が複数あります（{}）。次に: \
                     アクティベーション ID で 1 つ選んでください。",
                    names.join("、")
                ),
            },
        }
    }
}

/// The product a Confirmation ID goes to: the explicit Activation ID; else the product whose
/// Installation ID is the session's; else the single Windows product (not an add-on) that is
/// not activated.
pub fn pick_target<'a>(
    products: &'a [InstalledProduct],
    activation_id: Option<&str>,
    session_iid: Option<&InstallationId>,
) -> Result<&'a InstalledProduct, TargetError> {
    if let Some(given) = activation_id {
        let wanted = normalize_activation_id(given)
            .ok_or_else(|| TargetError::InvalidActivationId(given.to_string()))?;
        return products
            .iter()
            .find(|p| p.activation_id == wanted)
            .ok_or(TargetError::NotFound(wanted));
    }
    if let Some(session) = session_iid
        && let Some(product) = products.iter().find(|p| {
            p.installation_id
                .as_ref()
                .is_some_and(|iid| iid.digits() == session.digits())
        })
    {
        return Ok(product);
    }
    let candidates: Vec<&InstalledProduct> = products
        .iter()
        .filter(|p| p.kind == ProductKind::Windows && !p.is_activated())
        .collect();
    match candidates.as_slice() {
        [] => Err(TargetError::NothingToActivate),
        [only] => Ok(only),
        several => Err(TargetError::Ambiguous(
            several
                .iter()
                .map(|p| format!("{} ({})", p.label(Language::English), p.activation_id))
                .collect(),
        )),
    }
}

/// Why applying did not get as far as a verdict.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LicensingError {
    /// The Confirmation ID or the Activation ID is not usable: nothing was called.
    #[error("{}", self.message(Language::English))]
    NotApplied(ApplyError),
    /// The service could not be read before depositing (nothing was deposited), or did not
    /// answer in time (then it is unknown whether the deposit happened: read again).
    #[error("{}", self.message(Language::English))]
    Service(ServiceError),
    /// No product to apply it to could be chosen: nothing was deposited.
    #[error("{}", self.message(Language::English))]
    Target(TargetError),
}

impl Localized for LicensingError {
    fn message(&self, language: Language) -> String {
        match self {
            LicensingError::NotApplied(error) => error.message(language),
            LicensingError::Service(error) => error.message(language),
            LicensingError::Target(error) => error.message(language),
        }
    }
}

/// How applying a Confirmation ID through the licensing service ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyVerdict {
    /// Status 1 after the deposit: permanently, or (with minutes left) a volume activation.
    Activated { product: InstalledProduct },
    /// Already permanently activated: nothing was deposited.
    AlreadyActivated { product: InstalledProduct },
    /// The service took the CID, but the status read afterwards is not 1 (status and reason in
    /// `product`). `refresh_error` is `RefreshLicenseStatus`'s failure, if it failed.
    DepositedNotActivated {
        product: InstalledProduct,
        refresh_error: Option<u32>,
    },
    /// The service refused the CID; `error` explains its HRESULT.
    Refused {
        product: InstalledProduct,
        error: ActivationError,
    },
    /// The product's Installation ID is no longer the one the CID was obtained for: nothing was
    /// deposited. `product.installation_id` is the new one (or `None`); `expected` the old digits.
    IidChanged {
        product: InstalledProduct,
        expected: String,
    },
    /// No product with a key has this Activation ID: nothing was deposited.
    ProductNotFound { activation_id: String },
    /// The CID was taken, but the product could not be read again (`problem`; `None` when its
    /// row was gone). The only case without a definite status.
    DepositedStatusUnknown {
        product: InstalledProduct,
        problem: Option<ServiceError>,
    },
}

impl ApplyVerdict {
    pub fn is_activated(&self) -> bool {
        matches!(
            self,
            ApplyVerdict::Activated { .. } | ApplyVerdict::AlreadyActivated { .. }
        )
    }

    /// The fix is to run as administrator (0x80070005 / 0xC004F025).
    pub fn needs_administrator(&self) -> bool {
        matches!(self, ApplyVerdict::Refused { error, .. } if error.needs_administrator())
    }

    /// The product as last read.
    pub fn product(&self) -> Option<&InstalledProduct> {
        match self {
            ApplyVerdict::Activated { product }
            | ApplyVerdict::AlreadyActivated { product }
            | ApplyVerdict::DepositedNotActivated { product, .. }
            | ApplyVerdict::Refused { product, .. }
            | ApplyVerdict::IidChanged { product, .. }
            | ApplyVerdict::DepositedStatusUnknown { product, .. } => Some(product),
            ApplyVerdict::ProductNotFound { .. } => None,
        }
    }

    /// The Installation ID to get a new CID for, when it changed.
    pub fn new_installation_id(&self) -> Option<&InstallationId> {
        match self {
            ApplyVerdict::IidChanged { product, .. } => product.installation_id.as_ref(),
            _ => None,
        }
    }
}

impl Localized for ApplyVerdict {
    fn message(&self, language: Language) -> String {
        match self {
            ApplyVerdict::Activated { product } => {
                let name = product.label(language);
                match (product.state(), language) {
                    (ActivationState::Volume { minutes_left }, Language::English) => format!(
                        "Activated: {name} is activated through volume licensing for about {} \
                         more days.",
                        days_left(minutes_left)
                    ),
                    (ActivationState::Volume { minutes_left }, Language::Japanese) => format!(
                        "ライセンス認証されました: {name} はボリューム ライセンスで、あと約 {} 日有効です。",
                        days_left(minutes_left)
                    ),
                    (_, Language::English) => {
                        format!("Activated: {name} is permanently activated. Nothing else to do.")
                    }
                    (_, Language::Japanese) => format!(
                        "ライセンス認証されました: {name} は永続的にライセンス認証されています。\
                         これ以上の操作は不要です。"
                    ),
                }
            }
            ApplyVerdict::AlreadyActivated { product } => {
                let name = product.label(language);
                match language {
                    Language::English => format!(
                        "{name} is already permanently activated, so the Confirmation ID was not \
                         applied. Nothing to do."
                    ),
                    Language::Japanese => format!(
                        "{name} はすでに永続的にライセンス認証されているため、確認 ID は適用していません。\
                         操作は不要です。"
                    ),
                }
            }
            ApplyVerdict::DepositedNotActivated {
                product,
                refresh_error,
            } => {
                let name = product.label(language);
                let status = product.status;
                let mut text = match language {
                    Language::English => format!(
                        "Windows took the Confirmation ID, but {name} is still not activated: its \
                         status is “{}” (LicenseStatus {}).",
                        status.words(language),
                        status.code()
                    ),
                    Language::Japanese => format!(
                        "確認 ID は受け取られましたが、{name} はまだライセンス認証されていません。\
                         状態: 「{}」（LicenseStatus {}）。",
                        status.words(language),
                        status.code()
                    ),
                };
                if product.reason != 0 {
                    text.push_str(language.pick(" 理由: ", " Reason: "));
                    text.push_str(&explain_hresult(product.reason, language));
                }
                if let Some(code) = refresh_error {
                    text.push_str(&match language {
                        Language::English => format!(
                            " (Refreshing the license status failed with 0x{code:08X}, so the \
                             status may be out of date: restart the PC and check again.)"
                        ),
                        Language::Japanese => format!(
                            "（ライセンス状態の更新が 0x{code:08X} で失敗したため、状態が古い可能性があります。\
                             PC を再起動してもう一度確認してください。）"
                        ),
                    });
                }
                text.push(' ');
                text.push_str(language.pick(
                    "次に: この PC をもう一度読み取り、インストール ID が変わっていれば、その ID で確認 ID を\
                     取得し直してください。",
                    "Next: read this PC again; if the Installation ID changed, get a new \
                     Confirmation ID for it.",
                ));
                text
            }
            ApplyVerdict::Refused { product, error } => {
                let name = product.label(language);
                match language {
                    Language::English => format!(
                        "The Confirmation ID was not applied to {name}. {}",
                        error.message(language)
                    ),
                    Language::Japanese => format!(
                        "{name} に確認 ID を適用できませんでした。{}",
                        error.message(language)
                    ),
                }
            }
            ApplyVerdict::IidChanged { product, .. } => {
                let name = product.label(language);
                match (&product.installation_id, language) {
                    (Some(iid), Language::English) => format!(
                        "Nothing was applied: {name}'s Installation ID has changed since the \
                         Confirmation ID was obtained, so that Confirmation ID cannot fit. Next: \
                         get a new Confirmation ID for the new Installation ID: {}",
                        iid.grouped(" ")
                    ),
                    (Some(iid), Language::Japanese) => format!(
                        "何も適用していません: 確認 ID を取得した後に {name} のインストール ID が変わったため、\
                         その確認 ID は合いません。次に: 新しいインストール ID で確認 ID を取得し直してください: {}",
                        iid.grouped(" ")
                    ),
                    (None, Language::English) => format!(
                        "Nothing was applied: Windows shows no Installation ID for {name} now. \
                         Next: read this PC again."
                    ),
                    (None, Language::Japanese) => format!(
                        "何も適用していません: {name} のインストール ID が今は表示されません。\
                         次に: この PC をもう一度読み取ってください。"
                    ),
                }
            }
            ApplyVerdict::ProductNotFound { activation_id } => match language {
                Language::English => format!(
                    "Nothing was applied: no product with a product key has the Activation ID \
                     {activation_id} on this PC now. Next: read this PC again and choose a product."
                ),
                Language::Japanese => format!(
                    "何も適用していません: この PC には、アクティベーション ID が {activation_id} で\
                     プロダクト キーの入った製品がもうありません。次に: この PC をもう一度読み取り、\
                     製品を選び直してください。"
                ),
            },
            ApplyVerdict::DepositedStatusUnknown { product, problem } => {
                let name = product.label(language);
                let detail = problem
                    .as_ref()
                    .and_then(ServiceError::code)
                    .map(|code| format!(" (0x{code:08X})"))
                    .unwrap_or_default();
                match language {
                    Language::English => format!(
                        "Windows took the Confirmation ID for {name}, but its status could not be \
                         read again afterwards{detail}. Next: check Settings > System > \
                         Activation (for Office: File > Account in any Office app)."
                    ),
                    Language::Japanese => format!(
                        "{name} の確認 ID は受け取られましたが、その後の状態を読み取れませんでした{detail}。\
                         次に: [設定] > [システム] > [ライセンス認証]（Office は Office アプリの \
                         [ファイル] > [アカウント]）で確認してください。"
                    ),
                }
            }
        }
    }
}

/// Checks what can be checked before anything is called: the CID (complete, every block
/// consistent, 48 digits) and the Activation ID (a GUID). Returns the Activation ID normalised.
pub fn check_apply_inputs(
    activation_id: &str,
    cid: &ConfirmationId,
) -> Result<String, LicensingError> {
    check_cid(cid).map_err(LicensingError::NotApplied)?;
    normalize_activation_id(activation_id).ok_or_else(|| {
        LicensingError::NotApplied(ApplyError::InvalidActivationId(activation_id.to_string()))
    })
}

/// The product with this (normalised) Activation ID, read fresh. `Ok(None)` only when every
/// class was read and none has it.
fn find_product(
    service: &dyn LicensingService,
    activation_id: &str,
) -> Result<Option<InstalledProduct>, ServiceError> {
    let reading = read_licensing(service)?;
    match reading
        .products
        .into_iter()
        .find(|p| p.activation_id == activation_id)
    {
        Some(product) => Ok(Some(product)),
        None => match reading.problems.into_iter().next() {
            Some((_, error)) => Err(error),
            None => Ok(None),
        },
    }
}

/// Applies a Confirmation ID to the product with `activation_id`, as slmgr's `/atp` does, and
/// says definitely how it ended. Needs administrator rights; blocking.
///
/// In order: refuse (calling nothing) a CID that is not 48 consistent digits or an Activation
/// ID that is not a GUID; read the product again (gone → [`ApplyVerdict::ProductNotFound`];
/// already permanently activated → [`ApplyVerdict::AlreadyActivated`]); stop before depositing
/// when its Installation ID is no longer `expected_iid` ([`ApplyVerdict::IidChanged`]); deposit
/// on that product's row (refused → [`ApplyVerdict::Refused`]); refresh the status on that
/// class's service; read again and decide from `LicenseStatus`.
pub fn apply_licensing(
    service: &dyn LicensingService,
    activation_id: &str,
    expected_iid: &InstallationId,
    cid: &ConfirmationId,
) -> Result<ApplyVerdict, LicensingError> {
    let activation_id = check_apply_inputs(activation_id, cid)?;
    let Some(product) = find_product(service, &activation_id).map_err(LicensingError::Service)?
    else {
        return Ok(ApplyVerdict::ProductNotFound { activation_id });
    };
    if product.state() == ActivationState::Permanent {
        return Ok(ApplyVerdict::AlreadyActivated { product });
    }
    let current = match &product.installation_id {
        Some(iid) if iid.digits() == expected_iid.digits() => iid.digits().to_string(),
        _ => {
            return Ok(ApplyVerdict::IidChanged {
                product,
                expected: expected_iid.digits().to_string(),
            });
        }
    };
    if let Err(code) = service.deposit(
        product.class,
        &product.activation_id,
        &current,
        cid.digits(),
    ) {
        return Ok(ApplyVerdict::Refused {
            error: ActivationError::from_code(code),
            product,
        });
    }
    let refresh_error = service.refresh(product.class).err();
    Ok(match find_product(service, &activation_id) {
        Ok(Some(after)) if after.status == LicenseStatus::Licensed => {
            ApplyVerdict::Activated { product: after }
        }
        Ok(Some(after)) => ApplyVerdict::DepositedNotActivated {
            product: after,
            refresh_error,
        },
        Ok(None) => ApplyVerdict::DepositedStatusUnknown {
            product,
            problem: None,
        },
        Err(problem) => ApplyVerdict::DepositedStatusUnknown {
            product,
            problem: Some(problem),
        },
    })
}

/// Everything "apply" means to the command line and the window: checks the Confirmation ID
/// (and the Activation ID, if given) before anything is asked; reads the products; picks the
/// one the CID goes to ([`pick_target`]: the Activation ID given, else the product whose
/// Installation ID is `obtained_for`, else the one Windows product not activated); then
/// [`apply_licensing`] against `obtained_for` (or, when that is not known, the product's own
/// Installation ID as read now).
pub fn apply_to(
    service: &dyn LicensingService,
    cid: &ConfirmationId,
    activation_id: Option<&str>,
    obtained_for: Option<&InstallationId>,
) -> Result<ApplyVerdict, LicensingError> {
    check_cid(cid).map_err(LicensingError::NotApplied)?;
    if let Some(id) = activation_id {
        check_apply_inputs(id, cid)?;
    }
    let reading = read_licensing(service).map_err(LicensingError::Service)?;
    let target = pick_target(&reading.products, activation_id, obtained_for)
        .map_err(LicensingError::Target)?;
    let expected = obtained_for
        .or(target.installation_id.as_ref())
        .ok_or_else(|| {
            LicensingError::Target(TargetError::NoInstallationId(
                target.label(Language::English),
            ))
        })?;
    apply_licensing(service, &target.activation_id, expected, cid)
}

/// Runs `job` on a new thread and waits at most `timeout` for its answer. A WMI call cannot be
/// stopped, so on timeout the thread is left to finish on its own and its answer is dropped.
/// A job that panics ends as `Unavailable` with codes::E_UNEXPECTED; this never panics itself.
pub fn run_with_deadline<T, F>(timeout: Duration, job: F) -> Result<T, ServiceError>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, receiver) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("licensing-service".into())
        .spawn(move || {
            // The receiver may be gone after a timeout; nothing to do then.
            let _ = sender.send(job());
        });
    if spawned.is_err() {
        return Err(ServiceError::Unavailable {
            code: codes::E_UNEXPECTED,
        });
    }
    match receiver.recv_timeout(timeout) {
        Ok(answer) => Ok(answer),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(ServiceError::TimedOut { after: timeout }),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(ServiceError::Unavailable {
            code: codes::E_UNEXPECTED,
        }),
    }
}

/// Reads every product with a key from this PC's licensing service, on a worker thread with the
/// 60 s deadline ([`super::SERVICE_TIMEOUT`]); [`ServiceError::NotWindows`] elsewhere. No
/// administrator rights needed. Blocking: call it off the UI thread.
pub fn this_pc_licensing() -> Result<LicensingReading, ServiceError> {
    #[cfg(windows)]
    {
        run_with_deadline(super::SERVICE_TIMEOUT, || {
            let service = super::wmi::WmiLicensingService::connect()?;
            read_licensing(&service)
        })?
    }
    #[cfg(not(windows))]
    {
        Err(ServiceError::NotWindows)
    }
}

/// [`apply_to`] on this PC's licensing service, the whole sequence on one worker thread with
/// the 60 s deadline. The inputs are checked first on every OS; then
/// [`ServiceError::NotWindows`] elsewhere. Needs administrator rights; blocking.
pub fn apply_to_this_pc(
    cid: &ConfirmationId,
    activation_id: Option<&str>,
    obtained_for: Option<&InstallationId>,
) -> Result<ApplyVerdict, LicensingError> {
    check_cid(cid).map_err(LicensingError::NotApplied)?;
    if let Some(id) = activation_id {
        check_apply_inputs(id, cid)?;
    }
    #[cfg(windows)]
    {
        let cid = cid.clone();
        let activation_id = activation_id.map(str::to_string);
        let obtained_for = obtained_for.cloned();
        run_with_deadline(super::SERVICE_TIMEOUT, move || {
            let service =
                super::wmi::WmiLicensingService::connect().map_err(LicensingError::Service)?;
            apply_to(
                &service,
                &cid,
                activation_id.as_deref(),
                obtained_for.as_ref(),
            )
        })
        .map_err(LicensingError::Service)?
    }
    #[cfg(not(windows))]
    {
        let _ = obtained_for;
        Err(LicensingError::Service(ServiceError::NotWindows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_asks_only_for_products_with_a_key_and_the_needed_properties() {
        let query = products_query(ProductClass::SoftwareLicensing, true);
        assert_eq!(
            query,
            "SELECT ID, ApplicationID, Name, Description, PartialProductKey, LicenseStatus, \
             LicenseStatusReason, GracePeriodRemaining, OfflineInstallationId, LicenseIsAddon \
             FROM SoftwareLicensingProduct WHERE PartialProductKey <> NULL"
        );
        let office = products_query(ProductClass::OfficeSoftwareProtection, false);
        assert!(
            office.contains("FROM OfficeSoftwareProtectionProduct"),
            "{office}"
        );
        assert!(!office.contains("LicenseIsAddon"), "{office}");
    }

    #[test]
    fn days_round_up_and_dates_are_gregorian() {
        assert_eq!(days_left(259_200), 180);
        assert_eq!(days_left(1), 1);
        assert_eq!(days_left(0), 0);
        assert_eq!(
            Date::from_days_since_epoch(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        // 2000-02-29 is day 11 016; 2024-12-31 is day 20 088.
        assert_eq!(
            Date::from_days_since_epoch(11_016).to_string(),
            "2000-02-29"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_088).to_string(),
            "2024-12-31"
        );
        let now = UNIX_EPOCH + Duration::from_secs(20_088 * 86_400 + 3600);
        assert_eq!(Date::after_minutes(now, 24 * 60).to_string(), "2025-01-01");
    }

    #[test]
    fn every_status_has_words_in_both_languages() {
        for code in 0..=7 {
            let status = LicenseStatus::from_code(code);
            assert_eq!(status.code(), code);
            let en = status.words(Language::English);
            let ja = status.words(Language::Japanese);
            assert!(!en.is_empty() && !ja.is_empty());
            assert_ne!(en, ja, "{code}");
        }
    }

    #[test]
    fn a_panicking_job_is_an_error_not_a_panic() {
        let result: Result<(), ServiceError> = run_with_deadline(Duration::from_secs(5), || {
            panic!("deliberate panic in a test worker")
        });
        assert_eq!(
            result,
            Err(ServiceError::Unavailable {
                code: codes::E_UNEXPECTED
            })
        );
    }
}
