//! Applying a Confirmation ID: what is checked before anything is sent, which product it goes
//! to, and the verdict read back from the service.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::codes::ActivationError;
use super::product::{ActivationState, InstalledProduct, LicenseStatus, ProductKind};
use super::{Deposit, LicensingService, ServiceError, read_licensing};
use crate::id::{CidFormat, ConfirmationId, IdProblem, InstallationId};

/// Why a Confirmation ID was not applied before anything was sent to Windows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The CID is incomplete or a block fails its check digit.
    InvalidCid(IdProblem),
    /// A 42-digit (Windows XP era) CID: Vista and later, and Office 2010 and later, take 48.
    WrongCidFormat,
    /// The Activation ID is not a GUID.
    InvalidActivationId(String),
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

/// Why no product was picked for a Confirmation ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    /// The Activation ID given is not a GUID.
    InvalidActivationId(String),
    /// No product with a key has that Activation ID.
    NotFound(String),
    /// No product has the session's Installation ID, and no Windows product needs activating.
    NothingToActivate,
    /// Several Windows products are not activated: the user must choose.
    Ambiguous(Vec<InstalledProduct>),
    /// The product shows no Installation ID to check the Confirmation ID against.
    NoInstallationId(Box<InstalledProduct>),
    /// The product cannot be activated offline at all (a KMS client key, an evaluation
    /// edition): nothing was deposited.
    NoOfflineRoute(Box<InstalledProduct>),
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
            several.iter().map(|&p| p.clone()).collect(),
        )),
    }
}

/// Why applying did not get as far as a verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LicensingError {
    /// The Confirmation ID or the Activation ID is not usable: nothing was called.
    NotApplied(ApplyError),
    /// The service could not be read before depositing (nothing was deposited), or did not
    /// answer in time (then it is unknown whether the deposit happened: read again).
    Service(ServiceError),
    /// No product to apply it to could be chosen: nothing was deposited.
    Target(TargetError),
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

/// Checks what can be checked before anything is called: the CID (complete, every block
/// consistent, 48 digits) and the Activation ID (a GUID). Returns the Activation ID normalised.
fn check_apply_inputs(activation_id: &str, cid: &ConfirmationId) -> Result<String, LicensingError> {
    check_cid(cid).map_err(LicensingError::NotApplied)?;
    normalize_activation_id(activation_id).ok_or_else(|| {
        LicensingError::NotApplied(ApplyError::InvalidActivationId(activation_id.to_string()))
    })
}

/// What can be checked before anything is sent to Windows: the Confirmation ID, and the
/// Activation ID when one is given.
pub fn check_inputs(
    cid: &ConfirmationId,
    activation_id: Option<&str>,
) -> Result<(), LicensingError> {
    check_cid(cid).map_err(LicensingError::NotApplied)?;
    if let Some(id) = activation_id {
        check_apply_inputs(id, cid)?;
    }
    Ok(())
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
/// ID that is not a GUID; read the product again (gone -> [`ApplyVerdict::ProductNotFound`];
/// already permanently activated -> [`ApplyVerdict::AlreadyActivated`]); stop before depositing
/// when its Installation ID is no longer `expected_iid` ([`ApplyVerdict::IidChanged`]); deposit
/// on that product's row (refused -> [`ApplyVerdict::Refused`]); refresh the status on that
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
    if !product.offline_route().is_possible() {
        return Err(LicensingError::Target(TargetError::NoOfflineRoute(
            Box::new(product),
        )));
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
    if let Err(code) = service.deposit(&Deposit {
        class: product.class,
        activation_id: &product.activation_id,
        iid: &current,
        cid: cid.digits(),
    }) {
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
    check_inputs(cid, activation_id)?;
    let reading = read_licensing(service).map_err(LicensingError::Service)?;
    let target = pick_target(&reading.products, activation_id, obtained_for)
        .map_err(LicensingError::Target)?;
    let expected = obtained_for
        .or(target.installation_id.as_ref())
        .ok_or_else(|| {
            LicensingError::Target(TargetError::NoInstallationId(Box::new(target.clone())))
        })?;
    apply_licensing(service, &target.activation_id, expected, cid)
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
}
