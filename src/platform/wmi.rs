//! The real [`LicensingService`]: Windows' licensing classes through WMI (`root\cimv2`), with
//! the `wmi` crate. Rows and HRESULTs only; every decision is in `licensing`.
//!
//! A connection belongs to the thread that made it (COM; `WMIConnection` is not `Send`), so
//! callers make it on the worker thread that runs the whole read or apply sequence.
//! Every failure becomes an HRESULT; nothing here panics.

use std::cell::RefCell;
use std::time::Instant;

use ::wmi::{IWbemClassWrapper, Variant, WMIConnection, WMIError, quote_and_escape_wql_str};

use crate::licensing::report::CallRecord;

use crate::licensing::{
    Deposit, LicensingService, OPTIONAL_PROPERTIES, PRODUCT_PROPERTIES, ProductClass, ProductKey,
    ProductRow, ServiceError, codes, products_query,
};

/// WBEM_E_FAILED: a WMI failure that carried no HRESULT of its own (a value that could not be
/// converted, an empty pointer...).
const WBEM_E_FAILED: u32 = 0x8004_1001;

/// The HRESULT behind a `wmi` crate error.
fn hresult(error: &WMIError) -> u32 {
    match error {
        WMIError::HResultError { hres } => *hres as u32,
        _ => WBEM_E_FAILED,
    }
}

/// A connection to `root\cimv2` on this PC, with a log of every call made through it.
pub struct WmiLicensingService {
    connection: WMIConnection,
    log: RefCell<Vec<CallRecord>>,
}

impl WmiLicensingService {
    /// Connects (initialising COM on this thread when needed). Use it on this thread only.
    pub fn connect() -> Result<WmiLicensingService, ServiceError> {
        WMIConnection::new()
            .map(|connection| WmiLicensingService {
                connection,
                log: RefCell::new(Vec::new()),
            })
            .map_err(|error| ServiceError::Unavailable {
                code: hresult(&error),
            })
    }

    /// The objects a query returns. With `WBEM_FLAG_RETURN_IMMEDIATELY` (which the crate uses)
    /// a bad query or class may fail either at once or at the first object: both are errors.
    fn objects(&self, query: &str) -> Result<Vec<IWbemClassWrapper>, u32> {
        self.logged(query.to_string(), || {
            let results = self
                .connection
                .exec_query(query)
                .map_err(|error| hresult(&error))?;
            results
                .map(|object| object.map_err(|error| hresult(&error)))
                .collect()
        })
    }

    /// Runs one WMI call and logs it with its HRESULT and duration.
    fn logged<T>(&self, call: String, job: impl FnOnce() -> Result<T, u32>) -> Result<T, u32> {
        let started = Instant::now();
        let answer = job();
        self.log.borrow_mut().push(CallRecord {
            call,
            hresult: format!("0x{:08X}", answer.as_ref().err().copied().unwrap_or(0)),
            milliseconds: started.elapsed().as_millis() as u64,
        });
        answer
    }

    fn rows(&self, class: ProductClass, optional: usize) -> Result<Vec<ProductRow>, u32> {
        let count = PRODUCT_PROPERTIES.len() - OPTIONAL_PROPERTIES + optional;
        self.objects(&products_query(class, optional))?
            .iter()
            .map(|object| row(object, &PRODUCT_PROPERTIES[..count]))
            .collect()
    }

    /// Calls `method` on the object at `path`, with text in-parameters (none: `None`), as
    /// slmgr.vbs does; a nonzero `ReturnValue` is the error too.
    fn call(
        &self,
        path: &str,
        class_name: &str,
        method: &str,
        parameters: &[(&str, String)],
    ) -> Result<(), u32> {
        let input = if parameters.is_empty() {
            None
        } else {
            let input = self
                .connection
                .get_object(class_name)
                .and_then(|definition| definition.get_method(method))
                .map_err(|error| hresult(&error))?
                .ok_or(codes::INVALID_ARGUMENT)?
                .spawn_instance()
                .map_err(|error| hresult(&error))?;
            for (name, value) in parameters {
                input
                    .put_property(name, value.clone())
                    .map_err(|error| hresult(&error))?;
            }
            Some(input)
        };
        self.logged(format!("{class_name}.{method}"), || {
            let output = self
                .connection
                .exec_method(path, method, input.as_ref())
                .map_err(|error| hresult(&error))?;
            check_return_value(output)
        })
    }

    /// The `__PATH` of the first object a query returns (methods are called on paths).
    fn first_path(&self, query: &str) -> Result<Option<String>, u32> {
        match self.objects(query)?.first() {
            Some(object) => object.path().map(Some).map_err(|error| hresult(&error)),
            None => Ok(None),
        }
    }

    fn product_path(&self, class: ProductClass, activation_id: &str) -> Result<String, u32> {
        let query = format!(
            "SELECT ID FROM {} WHERE ID = {}",
            class.product_class(),
            quote_and_escape_wql_str(activation_id)
        );
        self.first_path(&query)?.ok_or(codes::WMI_NOT_FOUND)
    }

    /// The service's one instance; slmgr.vbs and ospp.vbs fetch it as `SELECT Version FROM ...`.
    fn service_path(&self, class: ProductClass) -> Result<String, u32> {
        let query = format!("SELECT Version FROM {}", class.service_class());
        self.first_path(&query)?.ok_or(codes::WMI_NOT_FOUND)
    }
}

/// A method's `ReturnValue`, when it has one, as an HRESULT: 0 is success.
fn check_return_value(output: Option<IWbemClassWrapper>) -> Result<(), u32> {
    let Some(output) = output else {
        return Ok(());
    };
    match output.get_property("ReturnValue") {
        Ok(value) => match number(&value) {
            Some(0) | None => Ok(()),
            Some(code) => Err(code),
        },
        // No ReturnValue in the output: the call itself succeeded.
        Err(_) => Ok(()),
    }
}

fn number(value: &Variant) -> Option<u32> {
    match *value {
        Variant::UI1(n) => Some(u32::from(n)),
        Variant::UI2(n) => Some(u32::from(n)),
        Variant::UI4(n) => Some(n),
        Variant::UI8(n) => Some(n as u32),
        Variant::I1(n) => Some(n as u32),
        Variant::I2(n) => Some(n as u32),
        Variant::I4(n) => Some(n as u32),
        Variant::I8(n) => Some(n as u32),
        _ => None,
    }
}

fn text(object: &IWbemClassWrapper, name: &str) -> Result<Option<String>, u32> {
    match object.get_property(name) {
        Ok(Variant::String(value)) => Ok(Some(value)),
        Ok(_) => Ok(None),
        Err(error) => Err(hresult(&error)),
    }
}

fn unsigned(object: &IWbemClassWrapper, name: &str) -> Result<u32, u32> {
    object
        .get_property(name)
        .map(|value| number(&value).unwrap_or(0))
        .map_err(|error| hresult(&error))
}

/// A row with the properties `read` (the optional ones only when they are in it).
fn row(object: &IWbemClassWrapper, read: &[&str]) -> Result<ProductRow, u32> {
    let has = |name: &str| read.contains(&name);
    let license_is_addon = if has("LicenseIsAddon") {
        match object.get_property("LicenseIsAddon") {
            Ok(Variant::Bool(value)) => Some(value),
            Ok(_) => None,
            Err(error) => return Err(hresult(&error)),
        }
    } else {
        None
    };
    let product_key_channel = if has("ProductKeyChannel") {
        text(object, "ProductKeyChannel")?
    } else {
        None
    };
    Ok(ProductRow {
        id: text(object, "ID")?.unwrap_or_default(),
        application_id: text(object, "ApplicationID")?.unwrap_or_default(),
        name: text(object, "Name")?.unwrap_or_default(),
        description: text(object, "Description")?.unwrap_or_default(),
        partial_product_key: text(object, "PartialProductKey")?,
        license_status: unsigned(object, "LicenseStatus")?,
        license_status_reason: unsigned(object, "LicenseStatusReason")?,
        grace_period_remaining: unsigned(object, "GracePeriodRemaining")?,
        offline_installation_id: text(object, "OfflineInstallationId")?,
        license_is_addon,
        product_key_channel,
    })
}

impl LicensingService for WmiLicensingService {
    fn products(&self, class: ProductClass) -> Result<Vec<ProductRow>, ServiceError> {
        // A class lacking an optional property (LicenseIsAddon on Windows 7 and Office 2010's
        // class, ProductKeyChannel before Windows 8) makes the query invalid (0x80041017):
        // ask again without it, the last first. Under Wine the other properties are missing
        // too, and every query fails the same way.
        let mut optional = OPTIONAL_PROPERTIES;
        loop {
            match self.rows(class, optional) {
                Err(codes::WMI_INVALID_QUERY) if optional > 0 => optional -= 1,
                other => return other.map_err(|code| ServiceError::Unavailable { code }),
            }
        }
    }

    fn deposit(&self, deposit: &Deposit) -> Result<(), u32> {
        let path = self.product_path(deposit.class, deposit.activation_id)?;
        self.call(
            &path,
            deposit.class.product_class(),
            "DepositOfflineConfirmationId",
            &[
                ("InstallationId", deposit.iid.to_string()),
                ("ConfirmationId", deposit.cid.to_string()),
            ],
        )
    }

    fn refresh(&self, class: ProductClass) -> Result<(), u32> {
        let path = self.service_path(class)?;
        self.call(&path, class.service_class(), "RefreshLicenseStatus", &[])
    }

    /// `SoftwareLicensingService.InstallProductKey(ProductKey)`, as `slmgr /ipk` does. The
    /// only place the whole key goes.
    fn install_key(&self, key: &ProductKey) -> Result<(), u32> {
        let class = ProductClass::SoftwareLicensing;
        let path = self.service_path(class)?;
        self.call(
            &path,
            class.service_class(),
            "InstallProductKey",
            &[("ProductKey", key.for_the_licensing_service())],
        )
    }

    fn wmi_calls(&self) -> Vec<CallRecord> {
        self.log.borrow().clone()
    }
}
