//! The support report, which is also the recorded-PC fixture format: what the licensing
//! service answered on one PC (every class queried, every row's properties as read, each call
//! with its HRESULT and duration) and the verdicts the app drew from it. A report written on a
//! real Windows becomes a regression test by copying it into `tests/fixtures/licensing/`:
//! [`RecordedPc`] is itself a [`LicensingService`] that answers with what it recorded.
//!
//! What is never in it: the product key (the rows hold only `PartialProductKey`, the last five
//! characters; the service's properties that can hold a whole key, such as
//! `OA3xOriginalProductKey`, are never queried). The Installation IDs identify the hardware,
//! so a report can leave them out.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::product::InstalledProduct;
use super::{
    Deposit, LicensingReading, LicensingService, ProductClass, ProductRow, ServiceError,
    WindowsVersion, codes, read_licensing,
};

/// What a left-out Installation ID is replaced by (no digits: it reads as "no ID").
pub const LEFT_OUT: &str = "(left out)";

/// The app that wrote a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

impl AppInfo {
    pub fn this_app() -> AppInfo {
        AppInfo {
            name: env!("CARGO_PKG_NAME").to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

/// One call into the licensing service: what, its HRESULT (`0x00000000` for success) and how
/// long it took.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRecord {
    pub call: String,
    pub hresult: String,
    pub milliseconds: u64,
}

/// What the app concluded about one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub activation_id: String,
    pub kind: String,
    pub license_status: u32,
    /// `permanent`, `volume`, `grace`, `notification`, `unlicensed`, `unknown`.
    pub state: String,
    /// `possible`, `kms_client`, `evaluation`.
    pub offline_route: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub esu_year: Option<u8>,
    /// `valid`, `check_digits_fail`, `none`.
    pub installation_id: String,
    /// Whether its Installation ID is offered to carry to Microsoft.
    pub to_carry: bool,
    /// The status sentence the user saw, in the report's language.
    #[serde(default)]
    pub said: String,
}

impl Verdict {
    pub fn of(product: &InstalledProduct) -> Verdict {
        use super::ActivationState as S;
        let state = match product.state() {
            S::Permanent => "permanent",
            S::Volume { .. } => "volume",
            S::Grace { .. } => "grace",
            S::Notification => "notification",
            S::Unlicensed => "unlicensed",
            S::Unknown(_) => "unknown",
        };
        let installation_id = match &product.installation_id {
            Some(iid) if iid.is_valid() => "valid",
            Some(_) => "check_digits_fail",
            None => "none",
        };
        Verdict {
            activation_id: product.activation_id.clone(),
            kind: product.kind.code().to_string(),
            license_status: product.status.code(),
            state: state.to_string(),
            offline_route: product.offline_route().code().to_string(),
            esu_year: product.esu_year().map(|year| year.year),
            installation_id: installation_id.to_string(),
            to_carry: product.is_to_carry(),
            said: String::new(),
        }
    }
}

/// A PC's licensing service as recorded: a fixture, or a support report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedPc {
    /// For people: what this recording is.
    #[serde(default)]
    pub about: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app: Option<AppInfo>,
    /// When it was written (UTC, RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows: Option<WindowsVersion>,
    /// The Installation IDs were replaced by [`LEFT_OUT`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub installation_ids_left_out: bool,
    /// The rows with a key; `null` when the query failed (see `failures`) or the class does
    /// not exist (0x80041010 when `failures` does not say otherwise).
    #[serde(rename = "SoftwareLicensingProduct", default)]
    pub software_licensing: Option<Vec<ProductRow>>,
    #[serde(rename = "OfficeSoftwareProtectionProduct", default)]
    pub office_2010: Option<Vec<ProductRow>>,
    /// Each class whose query failed, by class name: `0x80041017`, or `timed out after 60 s`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub failures: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<CallRecord>,
    /// The WMI calls underneath (each query form tried: a class lacking an optional property
    /// is asked again without it), as the real service logs them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wmi_calls: Vec<CallRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verdicts: Vec<Verdict>,
    /// The other sentences the user saw (the service's failure, the ESU note...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

fn hex(code: u32) -> String {
    format!("0x{code:08X}")
}

/// A service error as a report writes it, and back.
pub fn failure_text(error: &ServiceError) -> String {
    match error {
        ServiceError::Unavailable { code } => hex(*code),
        ServiceError::TimedOut { after } => format!("timed out after {} s", after.as_secs()),
        ServiceError::NotWindows => "not windows".to_string(),
    }
}

fn parse_failure(text: &str) -> ServiceError {
    let text = text.trim();
    if let Some(seconds) = text
        .strip_prefix("timed out after ")
        .and_then(|rest| rest.strip_suffix(" s"))
        .and_then(|n| n.parse().ok())
    {
        return ServiceError::TimedOut {
            after: Duration::from_secs(seconds),
        };
    }
    if text == "not windows" {
        return ServiceError::NotWindows;
    }
    let code = text
        .strip_prefix("0x")
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .unwrap_or(super::codes::E_UNEXPECTED);
    ServiceError::Unavailable { code }
}

impl RecordedPc {
    fn rows_mut(&mut self, class: ProductClass) -> &mut Option<Vec<ProductRow>> {
        match class {
            ProductClass::SoftwareLicensing => &mut self.software_licensing,
            ProductClass::OfficeSoftwareProtection => &mut self.office_2010,
        }
    }

    fn rows(&self, class: ProductClass) -> &Option<Vec<ProductRow>> {
        match class {
            ProductClass::SoftwareLicensing => &self.software_licensing,
            ProductClass::OfficeSoftwareProtection => &self.office_2010,
        }
    }

    /// A PC whose service could not even be connected to: every class fails with `error`.
    pub fn unreachable(error: &ServiceError, call: CallRecord) -> RecordedPc {
        let mut pc = RecordedPc {
            calls: vec![call],
            ..RecordedPc::default()
        };
        for class in ProductClass::ALL {
            pc.failures
                .insert(class.product_class().to_string(), failure_text(error));
        }
        pc
    }

    /// Replaces every Installation ID with [`LEFT_OUT`] (they identify the hardware).
    pub fn leave_out_installation_ids(&mut self) {
        self.installation_ids_left_out = true;
        for class in ProductClass::ALL {
            for row in self.rows_mut(class).iter_mut().flatten() {
                if let Some(iid) = &mut row.offline_installation_id
                    && !iid.trim().is_empty()
                {
                    *iid = LEFT_OUT.to_string();
                }
            }
        }
    }

    /// Reads the recording as the app reads a PC, with its Windows version.
    pub fn read(&self) -> Result<LicensingReading, ServiceError> {
        read_licensing(self).map(|reading| LicensingReading {
            windows: self.windows.clone(),
            ..reading
        })
    }
}

/// A recording answers reads with what it recorded; it deposits, refreshes and installs
/// nothing (E_NOTIMPL).
impl LicensingService for RecordedPc {
    fn products(&self, class: ProductClass) -> Result<Vec<ProductRow>, ServiceError> {
        if let Some(failure) = self.failures.get(class.product_class()) {
            return Err(parse_failure(failure));
        }
        self.rows(class).clone().ok_or(ServiceError::Unavailable {
            code: codes::WMI_INVALID_CLASS,
        })
    }

    fn deposit(&self, _: &Deposit) -> Result<(), u32> {
        Err(codes::E_NOTIMPL)
    }

    fn refresh(&self, _: ProductClass) -> Result<(), u32> {
        Err(codes::E_NOTIMPL)
    }
}

/// A service that records every call it passes on: what was asked, the answer's HRESULT, how
/// long it took, and the rows read.
pub struct Journal<'a> {
    inner: &'a dyn LicensingService,
    recorded: RefCell<RecordedPc>,
}

impl<'a> Journal<'a> {
    pub fn new(inner: &'a dyn LicensingService) -> Journal<'a> {
        Journal {
            inner,
            recorded: RefCell::new(RecordedPc::default()),
        }
    }

    /// Adds a call made outside the service (connecting, reading the Windows version).
    pub fn note_call(&self, call: CallRecord) {
        self.recorded.borrow_mut().calls.push(call);
    }

    fn timed<T>(&self, call: String, job: impl FnOnce() -> Result<T, u32>) -> Result<T, u32> {
        let started = Instant::now();
        let answer = job();
        self.note_call(CallRecord {
            call,
            hresult: hex(*answer.as_ref().err().unwrap_or(&0)),
            milliseconds: started.elapsed().as_millis() as u64,
        });
        answer
    }

    /// What was recorded.
    pub fn into_recorded(self) -> RecordedPc {
        self.recorded.into_inner()
    }
}

impl LicensingService for Journal<'_> {
    fn products(&self, class: ProductClass) -> Result<Vec<ProductRow>, ServiceError> {
        let started = Instant::now();
        let answer = self.inner.products(class);
        let hresult = match &answer {
            Ok(_) => hex(0),
            Err(error) => failure_text(error),
        };
        let mut recorded = self.recorded.borrow_mut();
        recorded.calls.push(CallRecord {
            call: format!("{} WHERE PartialProductKey <> NULL", class.product_class()),
            hresult,
            milliseconds: started.elapsed().as_millis() as u64,
        });
        match &answer {
            Ok(rows) => *recorded.rows_mut(class) = Some(rows.clone()),
            // A missing class is written as null alone, as fixtures write it.
            Err(error) if error.is_missing_class() => {}
            Err(error) => {
                recorded
                    .failures
                    .insert(class.product_class().to_string(), failure_text(error));
            }
        }
        answer
    }

    fn deposit(&self, deposit: &Deposit) -> Result<(), u32> {
        self.timed(
            format!(
                "{}.DepositOfflineConfirmationId",
                deposit.class.product_class()
            ),
            || self.inner.deposit(deposit),
        )
    }

    fn refresh(&self, class: ProductClass) -> Result<(), u32> {
        self.timed(
            format!("{}.RefreshLicenseStatus", class.service_class()),
            || self.inner.refresh(class),
        )
    }

    fn install_key(&self, key: &super::ProductKey) -> Result<(), u32> {
        self.timed(
            format!(
                "SoftwareLicensingService.InstallProductKey (...{})",
                key.last_five()
            ),
            || self.inner.install_key(key),
        )
    }

    fn wmi_calls(&self) -> Vec<CallRecord> {
        self.inner.wmi_calls()
    }
}

/// Reads `service` through a [`Journal`] and records the reading and its verdicts. The
/// reading's own result comes back too; the recording is whole either way.
pub fn record_reading(
    service: &dyn LicensingService,
    windows: Option<WindowsVersion>,
    earlier_calls: Vec<CallRecord>,
) -> (RecordedPc, Result<LicensingReading, ServiceError>) {
    let journal = Journal::new(service);
    for call in earlier_calls {
        journal.note_call(call);
    }
    let reading = read_licensing(&journal).map(|reading| LicensingReading {
        windows: windows.clone(),
        ..reading
    });
    let mut recorded = journal.into_recorded();
    recorded.wmi_calls = service.wmi_calls();
    recorded.app = Some(AppInfo::this_app());
    recorded.windows = windows;
    if let Ok(reading) = &reading {
        recorded.verdicts = reading.products.iter().map(Verdict::of).collect();
    }
    (recorded, reading)
}
