//! A product with a key installed, and what its licensing status means.

use std::time::SystemTime;

use serde::{Deserialize, Serialize};

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
