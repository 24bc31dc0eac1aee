//! The licensing service (Windows' `SoftwareLicensingProduct` classes, reached through WMI): which products have a key, how each is licensed,
//! and applying a Confirmation ID with a definite verdict.
//!
//! slmgr.vbs and ospp.vbs are thin VBScript layers over WMI (namespace `root\cimv2`); their
//! printed text is localised, but every value underneath is a number, a GUID or digits, the same
//! in every Windows language. So this module reads those values and decides everything itself.
//!
//! ## Shape
//!
//! - [`LicensingService`] is the only thing that talks to Windows: rows and HRESULTs in, nothing
//!   decided there. The real one (`crate::platform`'s WMI one) exists on Windows only; tests use recorded rows.
//! - Everything else here (which rows count, what kind of product each is, which product a
//!   Confirmation ID goes to, the verdict after applying) is plain code, compiled and tested on
//!   every OS. Verdicts are data; `crate::words` says them.
//! - `crate::platform::this_pc_licensing` and `crate::platform::apply_to_this_pc` wire up the
//!   real service on one worker thread with a deadline, and say "Windows only" elsewhere.
//!
//! ## What the service holds (from Microsoft's slmgr.vbs / ospp.vbs sources and class docs)
//!
//! - `SoftwareLicensingProduct` / `SoftwareLicensingService`: Windows, and Office 2013-2024 on
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

mod apply;
pub mod codes;
pub mod esu;
mod install;
mod key;
mod product;
pub mod report;
mod values;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use apply::{
    ApplyError, ApplyVerdict, LicensingError, TargetError, apply_licensing, apply_to, check_cid,
    check_inputs, normalize_activation_id, pick_target,
};
pub use install::{InstallError, InstallVerdict, install_product_key};
pub use key::{
    KEY_ALPHABET, KeyProblem, ProductKey, check_product_key, find_product_key, is_invisible,
};
pub use product::{
    ActivationState, InstalledProduct, LicenseStatus, OfflineRoute, ProductKind, days_left,
    description_channel,
};

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

/// The properties read for each product, in WMI's spelling. The last [`OPTIONAL_PROPERTIES`]
/// may be missing from a class: `LicenseIsAddon` on Windows 7 and Office 2010's class,
/// `ProductKeyChannel` before Windows 8. A query naming a missing one is invalid (0x80041017),
/// and the reader asks again without them, the last first. There is no `ActivationID`
/// property: the Activation ID is `ID`.
pub const PRODUCT_PROPERTIES: [&str; 11] = [
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
    "ProductKeyChannel",
];

/// How many of [`PRODUCT_PROPERTIES`] (at the end) a class may lack.
pub const OPTIONAL_PROPERTIES: usize = 2;

/// The WQL query for the products with a key: only the properties needed, so a missing one
/// fails fast (Wine's stand-in class fails here with 0x80041017), with the first `optional`
/// of the [`OPTIONAL_PROPERTIES`].
pub fn products_query(class: ProductClass, optional: usize) -> String {
    let count = PRODUCT_PROPERTIES.len() - OPTIONAL_PROPERTIES + optional.min(OPTIONAL_PROPERTIES);
    format!(
        "SELECT {} FROM {} WHERE PartialProductKey <> NULL",
        PRODUCT_PROPERTIES[..count].join(", "),
        class.product_class()
    )
}

/// One product row as WMI gives it: numbers, GUIDs and digits (plus two names nothing decides
/// on). Field names in serde are WMI's, so recorded rows read like the real thing, and rows
/// are read as real machines print them: a uint32 signed or unsigned (`LicenseStatusReason`
/// 3221549076 or -1073418220), in hex or decimal, `True`/`False` as words, and any other
/// property (dates, counts) ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductRow {
    /// The Activation ID (a GUID).
    #[serde(rename = "ID")]
    pub id: String,
    #[serde(rename = "ApplicationID", default, deserialize_with = "values::text")]
    pub application_id: String,
    /// Not localised: `Windows(R), Professional edition`,
    /// `Office 21, Office21ProPlus2021VL_MAK_AE edition`.
    #[serde(rename = "Name", default, deserialize_with = "values::text")]
    pub name: String,
    #[serde(rename = "Description", default, deserialize_with = "values::text")]
    pub description: String,
    /// The last five characters of the key; `None` when the product has no key installed.
    #[serde(rename = "PartialProductKey", default)]
    pub partial_product_key: Option<String>,
    #[serde(rename = "LicenseStatus", default, deserialize_with = "values::uint32")]
    pub license_status: u32,
    /// An HRESULT explaining a state other than licensed (0 when there is nothing to say).
    #[serde(
        rename = "LicenseStatusReason",
        default,
        deserialize_with = "values::uint32"
    )]
    pub license_status_reason: u32,
    /// Minutes left: of the grace period, or of a volume activation (4294967295: not
    /// applicable).
    #[serde(
        rename = "GracePeriodRemaining",
        default,
        deserialize_with = "values::uint32"
    )]
    pub grace_period_remaining: u32,
    #[serde(rename = "OfflineInstallationId", default)]
    pub offline_installation_id: Option<String>,
    /// `None` where the class has no such property (Windows 7, Office 2010).
    #[serde(
        rename = "LicenseIsAddon",
        default,
        deserialize_with = "values::boolean"
    )]
    pub license_is_addon: Option<bool>,
    /// `None` where the class has no such property (before Windows 8, Office 2010).
    #[serde(
        rename = "ProductKeyChannel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub product_key_channel: Option<String>,
}

/// Windows as the report and the ESU note need it: from the registry
/// (`HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion`) and the user's UI language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowsVersion {
    /// `ProductName` (Windows 11 still says "Windows 10" here: the build tells).
    #[serde(default)]
    pub product_name: String,
    /// `DisplayVersion` (`22H2`), else `ReleaseId`.
    #[serde(default)]
    pub display_version: String,
    /// `CurrentBuildNumber`: 19045 is Windows 10 22H2; 22000 and later are Windows 11.
    #[serde(default)]
    pub build: u32,
    /// `UBR`, the update build revision (19045.6456 is October 2025's KB5066791).
    #[serde(default)]
    pub revision: u32,
    /// The user's UI language as a tag (`ja-JP`).
    #[serde(default)]
    pub ui_language: String,
    /// The exe's architecture (`x86_64`, `x86`).
    #[serde(default)]
    pub architecture: String,
}

impl WindowsVersion {
    pub fn is_windows_10(&self) -> bool {
        esu::is_windows_10_build(self.build)
    }
}

/// Why the licensing service could not be used. Each message names the manual route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceError {
    /// WMI could not connect, or the class or a property is missing, or a query failed: the
    /// HRESULT says which (0x80041017 invalid query under Wine, 0x80041010 invalid class...).
    Unavailable { code: u32 },
    /// No answer within the deadline. A WMI call cannot be stopped: it may still finish.
    TimedOut { after: Duration },
    /// The licensing service exists on Windows only.
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

/// One `DepositOfflineConfirmationId` call: the product row (its class and `ID`) and the two
/// IDs as digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deposit<'a> {
    pub class: ProductClass,
    pub activation_id: &'a str,
    pub iid: &'a str,
    pub cid: &'a str,
}

/// The calls into Windows' licensing service, and nothing else: rows and HRESULTs, no decisions.
/// The real one is Windows-only and must be used on the thread that made it (COM).
pub trait LicensingService {
    /// The rows of `class.product_class()` that have a key (`PartialProductKey <> NULL`).
    /// A class that does not exist is `ServiceError::Unavailable { code: 0x80041010 }`.
    fn products(&self, class: ProductClass) -> Result<Vec<ProductRow>, ServiceError>;

    /// `DepositOfflineConfirmationId(InstallationId, ConfirmationId)` on the row of the
    /// deposit's Activation ID; the error is the HRESULT (a nonzero `ReturnValue` too).
    fn deposit(&self, deposit: &Deposit) -> Result<(), u32>;

    /// `RefreshLicenseStatus()` on the service of `class`; the error is the HRESULT.
    fn refresh(&self, class: ProductClass) -> Result<(), u32>;

    /// `SoftwareLicensingService.InstallProductKey(ProductKey)`, as `slmgr /ipk` does; the error
    /// is the HRESULT. Needs administrator rights. A service that cannot install keys (a
    /// recorded one) answers E_NOTIMPL.
    fn install_key(&self, key: &ProductKey) -> Result<(), u32> {
        let _ = key;
        Err(codes::E_NOTIMPL)
    }

    /// Every WMI call made so far (each query form tried, each method), with its HRESULT
    /// and duration, for the support report; a service that keeps no such log has none.
    fn wmi_calls(&self) -> Vec<report::CallRecord> {
        Vec::new()
    }
}

/// Every product with a key that could be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LicensingReading {
    /// Windows first, then add-ons, Office, others; each in the service's order.
    pub products: Vec<InstalledProduct>,
    /// A class that failed while something else was read (Office 2010's service failing must
    /// not hide Windows). A missing Office 2010 class is not a problem and is not listed.
    pub problems: Vec<(ProductClass, ServiceError)>,
    /// This Windows, when it was read (for the ESU note; `None` from a recording without it).
    pub windows: Option<WindowsVersion>,
}

impl LicensingReading {
    pub fn find(&self, activation_id: &str) -> Option<&InstalledProduct> {
        let wanted = normalize_activation_id(activation_id)?;
        self.products.iter().find(|p| p.activation_id == wanted)
    }

    /// True when some Office product (2010 or later) has a key; when false the user is told
    /// that Microsoft 365 has no phone activation.
    pub fn has_office(&self) -> bool {
        self.products.iter().any(|p| p.kind == ProductKind::Office)
    }

    /// Windows 10 with no ESU add-on that has a key: the user is told that consumer ESU needs
    /// no Installation ID and a commercial ESU key must be installed first.
    pub fn needs_esu_note(&self) -> bool {
        self.windows
            .as_ref()
            .is_some_and(WindowsVersion::is_windows_10)
            && !self.products.iter().any(InstalledProduct::is_esu)
    }

    /// The products whose Installation IDs are to be carried to Microsoft.
    pub fn to_carry(&self) -> impl Iterator<Item = &InstalledProduct> {
        self.products.iter().filter(|p| p.is_to_carry())
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
    Ok(LicensingReading {
        products,
        problems,
        windows: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_asks_only_for_products_with_a_key_and_the_needed_properties() {
        let query = products_query(ProductClass::SoftwareLicensing, 2);
        assert_eq!(
            query,
            "SELECT ID, ApplicationID, Name, Description, PartialProductKey, LicenseStatus, \
             LicenseStatusReason, GracePeriodRemaining, OfflineInstallationId, LicenseIsAddon, \
             ProductKeyChannel FROM SoftwareLicensingProduct WHERE PartialProductKey <> NULL"
        );
        let windows_7 = products_query(ProductClass::SoftwareLicensing, 1);
        assert!(
            windows_7.ends_with(
                ", LicenseIsAddon FROM SoftwareLicensingProduct WHERE PartialProductKey <> NULL"
            ),
            "{windows_7}"
        );
        let office = products_query(ProductClass::OfficeSoftwareProtection, 0);
        assert!(
            office.contains("OfflineInstallationId FROM OfficeSoftwareProtectionProduct"),
            "{office}"
        );
        assert!(!office.contains("LicenseIsAddon"), "{office}");
    }

    #[test]
    fn days_round_up() {
        assert_eq!(days_left(259_200), 180);
        assert_eq!(days_left(1), 1);
        assert_eq!(days_left(0), 0);
    }
}
