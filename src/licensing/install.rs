//! Installing a product key, as `slmgr /ipk` does, and showing the product it installed.
//!
//! Microsoft Japan's offline ESU procedure is `slmgr /ipk <ESU key>` -> `slmgr /dti <Activation
//! ID>` -> the portal -> `slmgr /atp <CID> <Activation ID>`: each ESU year brings a new MAK,
//! which must be installed before its add-on shows an Installation ID. Installing:
//! `SoftwareLicensingService.InstallProductKey(ProductKey)` then `RefreshLicenseStatus()`
//! (administrator rights needed), then read again.

use super::codes::ActivationError;
use super::key::ProductKey;
use super::product::InstalledProduct;
use super::{LicensingReading, LicensingService, ProductClass, ServiceError, read_licensing};

/// How installing a key ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallVerdict {
    /// The key was taken: `product` is the one that shows it now (its last five characters),
    /// read after the refresh; `reading` is everything read then.
    Installed {
        product: Box<InstalledProduct>,
        reading: Box<LicensingReading>,
        refresh_error: Option<u32>,
    },
    /// The key was taken, but no product shows it when read again (`problem`: the read failed).
    InstalledNotShown {
        last_five: String,
        refresh_error: Option<u32>,
        problem: Option<ServiceError>,
    },
    /// The licensing service refused the key; nothing changed.
    Refused {
        last_five: String,
        error: ActivationError,
    },
}

impl InstallVerdict {
    /// The fix is to run as administrator (0x80070005 / 0xC004F025).
    pub fn needs_administrator(&self) -> bool {
        matches!(self, InstallVerdict::Refused { error, .. } if error.needs_administrator())
    }

    pub fn is_installed(&self) -> bool {
        !matches!(self, InstallVerdict::Refused { .. })
    }

    /// The product the key installed, as read afterwards.
    pub fn product(&self) -> Option<&InstalledProduct> {
        match self {
            InstallVerdict::Installed { product, .. } => Some(product),
            _ => None,
        }
    }
}

/// Why installing did not get as far as a verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstallError {
    /// The service could not be used (nothing was installed), or did not answer in time (then
    /// it is unknown whether the key was installed: read again).
    Service(ServiceError),
}

/// The product showing this key: its partial key is the key's last five characters. Among
/// several (the same key seen twice), the one that did not show it before.
fn showing<'a>(
    reading: &'a LicensingReading,
    before: &[InstalledProduct],
    last_five: &str,
) -> Option<&'a InstalledProduct> {
    let mut candidates = reading
        .products
        .iter()
        .filter(|p| p.partial_key.eq_ignore_ascii_case(last_five));
    let first = candidates.clone().next()?;
    Some(
        candidates
            .find(|p| {
                !before.iter().any(|b| {
                    b.activation_id == p.activation_id
                        && b.partial_key.eq_ignore_ascii_case(last_five)
                })
            })
            .unwrap_or(first),
    )
}

/// Installs `key` on Windows' own service (`SoftwareLicensingService`: Windows, its add-ons,
/// Office 2013 and later), refreshes the status and reads again. Blocking; administrator
/// rights needed. A service that cannot be read before is an error and nothing is installed.
pub fn install_product_key(
    service: &dyn LicensingService,
    key: &ProductKey,
) -> Result<InstallVerdict, InstallError> {
    let before = read_licensing(service)
        .map_err(InstallError::Service)?
        .products;
    let last_five = key.last_five().to_string();
    if let Err(code) = service.install_key(key) {
        return Ok(InstallVerdict::Refused {
            last_five,
            error: ActivationError::from_code(code),
        });
    }
    let refresh_error = service.refresh(ProductClass::SoftwareLicensing).err();
    Ok(match read_licensing(service) {
        Ok(reading) => match showing(&reading, &before, &last_five).cloned() {
            Some(product) => InstallVerdict::Installed {
                product: Box::new(product),
                reading: Box::new(reading),
                refresh_error,
            },
            None => InstallVerdict::InstalledNotShown {
                last_five,
                refresh_error,
                problem: reading.problems.first().map(|(_, e)| e.clone()),
            },
        },
        Err(problem) => InstallVerdict::InstalledNotShown {
            last_five,
            refresh_error,
            problem: Some(problem),
        },
    })
}
