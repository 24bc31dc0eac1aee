//! The codes the licensing service answers with: HRESULTs from Windows' slerror.h and
//! winerror.h, and WMI's own from wbemcli.h. `crate::words` explains each to the user.

/// E_UNEXPECTED: a worker thread ended without an answer (it panicked).
pub const E_UNEXPECTED: u32 = 0x8000_FFFF;
/// E_NOTIMPL: the service cannot do this (a recorded one cannot install keys).
pub const E_NOTIMPL: u32 = 0x8000_4001;
/// The offline activation data (the CID) has the wrong format.
pub const INVALID_OFFLINE_BLOB: u32 = 0xC004_F02C;
/// The CID has the wrong length.
pub const OFFLINE_BLOB_WRONG_LENGTH: u32 = 0xC004_F02F;
/// The IID and the CID do not match.
pub const IID_CID_MISMATCH: u32 = 0xC004_F031;
/// A check digit in the IID or the CID is wrong.
pub const CHECK_DIGIT: u32 = 0xC004_F04D;
/// The IID and the CID do not match the product key.
pub const PRODUCT_KEY_MISMATCH: u32 = 0xC004_F07E;
/// The CID is not bound to the current environment.
pub const NOT_BOUND_TO_ENVIRONMENT: u32 = 0xC004_F07F;
/// The Multiple Activation Key has used up its activations.
pub const MAK_LIMIT: u32 = 0xC004_C020;
/// E_ACCESSDENIED: administrator rights are needed.
pub const ACCESS_DENIED: u32 = 0x8007_0005;
/// SL_E_LUA_ACCESSDENIED: "the action requires administrator privilege".
pub const SL_ACCESS_DENIED: u32 = 0xC004_F025;
/// SL_E_PRODUCT_SKU_NOT_INSTALLED: "the license is not installed".
pub const LICENSE_NOT_INSTALLED: u32 = 0xC004_F015;
/// E_INVALIDARG: one or more arguments are not valid.
pub const INVALID_ARGUMENT: u32 = 0x8007_0057;

// Installing a product key (slmgr /ipk): the codes Microsoft's activation error table lists.

/// SL_E_INVALID_PRODUCT_KEY: the key is invalid (mistyped, or not for this edition or year).
pub const INVALID_PRODUCT_KEY: u32 = 0xC004_F050;
/// "The Software Licensing Service reported that the product SKU is not found" (Microsoft's
/// activation error table): the key is for a product whose licence this Windows does not hold.
pub const SKU_NOT_FOUND: u32 = 0xC004_F069;

// Reasons the licensing service gives for a product's state (`LicenseStatusReason`).

/// SL_E_GRACE_TIME_EXPIRED: "the grace period expired".
pub const GRACE_EXPIRED: u32 = 0xC004_F009;
/// SL_E_OUT_OF_TOLERANCE: "the hardware ID binding is beyond the level of tolerance".
pub const HARDWARE_CHANGED: u32 = 0xC004_F00F;
/// SL_E_EUL_NOT_AVAILABLE: "the license could not be found or was invalid".
pub const LICENSE_NOT_FOUND: u32 = 0xC004_F034;
/// SL_E_NOT_GENUINE: "current state is not genuine".
pub const NOT_GENUINE: u32 = 0xC004_F200;
/// SL_E_PKEY_NOT_INSTALLED: "the product key is not available" (3221549076 in real rows).
pub const KEY_NOT_AVAILABLE: u32 = 0xC004_F014;
/// SL_I_STORE_BASED_ACTIVATION: informational, on a licensed product (1074066433 in real
/// rows): the licence is a digital one. Not a reason to do anything.
pub const STORE_BASED_ACTIVATION: u32 = 0x4004_F401;
/// SL_I_OOB_GRACE_PERIOD: "running within the valid grace period" (not an error).
pub const IN_GRACE_PERIOD: u32 = 0x4004_F00C;
/// SL_I_OOT_GRACE_PERIOD: "running within the valid out of tolerance grace period".
pub const IN_OUT_OF_TOLERANCE_GRACE: u32 = 0x4004_F00D;

// WMI itself (wbemcli.h): the licensing service cannot be reached through WMI.

/// WBEM_E_NOT_FOUND: the object (a product row) does not exist.
pub const WMI_NOT_FOUND: u32 = 0x8004_1002;
/// WBEM_E_INVALID_NAMESPACE: `root\cimv2` is missing.
pub const WMI_INVALID_NAMESPACE: u32 = 0x8004_100E;
/// WBEM_E_INVALID_CLASS: the class does not exist (no Office 2010, or no licensing service).
pub const WMI_INVALID_CLASS: u32 = 0x8004_1010;
/// WBEM_E_INVALID_QUERY: a queried property does not exist (Wine's stand-in class).
pub const WMI_INVALID_QUERY: u32 = 0x8004_1017;

/// Whether a refusal means the Confirmation ID itself did not take (its format, length,
/// check digits, or its fit with this Installation ID, key or PC): the cases where the next
/// step is the blocks again, then the portal's retry and its callback. Administrator rights,
/// a missing licence or a used-up MAK have steps of their own.
pub fn cid_did_not_take(code: u32) -> bool {
    CID_DID_NOT_TAKE.contains(&code)
}

/// The refusals of [`cid_did_not_take`].
pub const CID_DID_NOT_TAKE: [u32; 6] = [
    INVALID_OFFLINE_BLOB,
    OFFLINE_BLOB_WRONG_LENGTH,
    IID_CID_MISMATCH,
    CHECK_DIGIT,
    PRODUCT_KEY_MISMATCH,
    NOT_BOUND_TO_ENVIRONMENT,
];

/// A refusal from the licensing service: its HRESULT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivationError {
    pub code: u32,
}

impl ActivationError {
    pub fn from_code(code: u32) -> ActivationError {
        ActivationError { code }
    }

    /// The fix is to run the app as administrator (see `platform::relaunch_elevated`).
    pub fn needs_administrator(&self) -> bool {
        matches!(self.code, ACCESS_DENIED | SL_ACCESS_DENIED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_denied_needs_administrator() {
        for code in [ACCESS_DENIED, SL_ACCESS_DENIED] {
            assert!(ActivationError::from_code(code).needs_administrator());
        }
        assert!(!ActivationError::from_code(CHECK_DIGIT).needs_administrator());
    }
}
