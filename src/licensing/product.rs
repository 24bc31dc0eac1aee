//! A product with a key installed, and what its licensing status means.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::esu::{EsuYear, esu_year, names_esu};
use super::{ProductClass, ProductRow, app_ids};
use crate::date::Date;
use crate::id::InstallationId;

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

/// Whether a product can be activated offline (with an Installation ID and a Confirmation ID)
/// at all, from its channel.
///
/// `Description` ends with the channel (`RETAIL`, `OEM_DM`, `OEM_COA_NSLP`..., `VOLUME_MAK`,
/// `VOLUME_KMSCLIENT`, `TIMEBASED_EVAL`); on Windows 8 and later the row also has
/// `ProductKeyChannel` (`Retail`, `OEM:DM`, `Volume:MAK`, `Volume:GVLK`). A GVLK activates only
/// against the organisation's KMS host, an evaluation edition only online: neither has an
/// offline route. Every other channel is left to the licensing service to decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OfflineRoute {
    /// An Installation ID can be carried to Microsoft and a Confirmation ID applied.
    Possible,
    /// A KMS client key (GVLK, `VOLUME_KMSCLIENT`, `Volume:GVLK`).
    KmsClient,
    /// An evaluation edition (`TIMEBASED_EVAL`).
    Evaluation,
}

impl OfflineRoute {
    /// `possible`, `kms_client`, `evaluation` (for scripts and reports).
    pub fn code(self) -> &'static str {
        match self {
            OfflineRoute::Possible => "possible",
            OfflineRoute::KmsClient => "kms_client",
            OfflineRoute::Evaluation => "evaluation",
        }
    }

    pub fn is_possible(self) -> bool {
        self == OfflineRoute::Possible
    }

    /// From the channel at the end of `Description` and `ProductKeyChannel`, when there is one.
    pub fn of(description_channel: Option<&str>, key_channel: Option<&str>) -> OfflineRoute {
        let description = description_channel.unwrap_or_default();
        let key = key_channel.unwrap_or_default().trim();
        if description.eq_ignore_ascii_case("VOLUME_KMSCLIENT")
            || key.eq_ignore_ascii_case("Volume:GVLK")
        {
            OfflineRoute::KmsClient
        } else if description.eq_ignore_ascii_case("TIMEBASED_EVAL") {
            OfflineRoute::Evaluation
        } else {
            OfflineRoute::Possible
        }
    }
}

/// The channel at the end of a `Description` (`Windows(R) Operating System, VOLUME_MAK
/// channel` -> `VOLUME_MAK`); `None` when it does not end that way.
pub fn description_channel(description: &str) -> Option<&str> {
    let last = description.rsplit(',').next()?.trim();
    let channel = last.strip_suffix(" channel")?.trim();
    (!channel.is_empty() && !channel.contains(' ')).then_some(channel)
}

/// Whole days in `minutes`, rounded up (259 200 minutes = 180 days; 1 minute = 1 day).
pub fn days_left(minutes: u32) -> u32 {
    minutes.div_ceil(24 * 60)
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
    /// `ProductKeyChannel` (Windows 8 and later): `Retail`, `OEM:DM`, `Volume:MAK`,
    /// `Volume:GVLK`...; `None` where the class has no such property.
    pub key_channel: Option<String>,
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
            // "Not applicable" numbers come as 4294967295 in real rows: no time limit.
            grace_minutes: match row.grace_period_remaining {
                u32::MAX => 0,
                minutes => minutes,
            },
            partial_key,
            installation_id,
            key_channel: row
                .product_key_channel
                .map(|channel| channel.trim().to_string())
                .filter(|channel| !channel.is_empty()),
        })
    }

    /// The channel at the end of the row's `Description` (`VOLUME_MAK`, `RETAIL`...).
    pub fn channel(&self) -> Option<&str> {
        description_channel(&self.description)
    }

    /// Whether this product can be activated offline at all ([`OfflineRoute`]).
    pub fn offline_route(&self) -> OfflineRoute {
        OfflineRoute::of(self.channel(), self.key_channel.as_deref())
    }

    /// The Windows 10 ESU year, for the three add-ons Microsoft lists by Activation ID.
    pub fn esu_year(&self) -> Option<EsuYear> {
        (self.kind == ProductKind::AddOn)
            .then(|| esu_year(&self.activation_id))
            .flatten()
    }

    /// An ESU add-on, by its row: `LicenseIsAddon` and `ESU` in its name (LTSC and later
    /// years' add-ons too), or one of the years Microsoft lists.
    pub fn is_esu(&self) -> bool {
        self.kind == ProductKind::AddOn && (names_esu(&self.name) || self.esu_year().is_some())
    }

    /// A product with a key, not activated, whose row gives no Installation ID (an empty
    /// `OfflineInstallationId`): nothing can be carried to Microsoft for it as it is.
    pub fn lacks_installation_id(&self) -> bool {
        !self.is_activated() && self.installation_id.is_none()
    }

    /// Whether its Installation ID belongs in the box of IDs to carry to Microsoft: not
    /// activated, an offline route, and an ID shown.
    pub fn is_to_carry(&self) -> bool {
        !self.is_activated() && self.offline_route().is_possible() && self.installation_id.is_some()
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

    /// The row's `Name`, cut to what names the product: an add-on's name goes on to list every
    /// edition it is for (`Windows(R), Client-ESU-Year1 add-on for Education,EducationN,...`,
    /// over 200 characters without a space to wrap at), and the part before the list names it.
    /// `None` when the row has no name.
    pub fn short_name(&self) -> Option<&str> {
        let name = self.name.trim();
        if name.is_empty() {
            return None;
        }
        Some(match name.split_once(" for ") {
            Some((product, editions)) if editions.matches(',').count() >= 2 => product,
            _ => name,
        })
    }

    /// The reason the service gives for a product that is not activated (an HRESULT).
    pub fn why_not_activated(&self) -> Option<u32> {
        (!self.is_activated() && self.reason != 0).then_some(self.reason)
    }

    /// The UTC date a volume activation or grace period ends, counted from `now`.
    pub fn ends_on(&self, now: SystemTime) -> Option<Date> {
        self.state()
            .minutes_left()
            .map(|minutes| Date::after_minutes(now, minutes))
    }
}
