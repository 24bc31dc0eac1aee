//! This PC's licensing service, when the app runs on the PC being activated: the real WMI
//! service on one worker thread with a deadline (a WMI connection belongs to the thread that
//! made it, and a call cannot be stopped). Elsewhere every entry point says "Windows only", so
//! callers need no `cfg`.

use std::sync::mpsc;
use std::time::Duration;

use crate::id::{ConfirmationId, InstallationId};
use crate::licensing::report::{CallRecord, RecordedPc, failure_text};
use crate::licensing::{
    ApplyVerdict, InstallError, InstallVerdict, LicensingError, LicensingReading, ProductKey,
    ServiceError, check_inputs, codes,
};

/// How long the licensing service may take to read or apply before the app stops waiting.
pub const SERVICE_TIMEOUT: Duration = Duration::from_secs(60);

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
/// 60 s deadline ([`SERVICE_TIMEOUT`]); [`ServiceError::NotWindows`] elsewhere. No
/// administrator rights needed. Blocking: call it off the UI thread.
pub fn this_pc_licensing() -> Result<LicensingReading, ServiceError> {
    #[cfg(windows)]
    {
        let mut reading = run_with_deadline(SERVICE_TIMEOUT, || {
            let service = super::wmi::WmiLicensingService::connect()?;
            crate::licensing::read_licensing(&service)
        })??;
        reading.windows = super::windows_version();
        Ok(reading)
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
    check_inputs(cid, activation_id)?;
    #[cfg(windows)]
    {
        let cid = cid.clone();
        let activation_id = activation_id.map(str::to_string);
        let obtained_for = obtained_for.cloned();
        run_with_deadline(SERVICE_TIMEOUT, move || {
            let service =
                super::wmi::WmiLicensingService::connect().map_err(LicensingError::Service)?;
            crate::licensing::apply_to(
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

/// [`install_product_key`](crate::licensing::install_product_key) on this PC's licensing
/// service, on one worker thread with the 60 s deadline; [`ServiceError::NotWindows`]
/// elsewhere. The key was checked when it was made ([`crate::licensing::check_product_key`]).
/// Needs administrator rights; blocking.
pub fn install_key_on_this_pc(key: &ProductKey) -> Result<InstallVerdict, InstallError> {
    #[cfg(windows)]
    {
        let key = key.clone();
        let verdict = run_with_deadline(SERVICE_TIMEOUT, move || {
            let service =
                super::wmi::WmiLicensingService::connect().map_err(InstallError::Service)?;
            crate::licensing::install_product_key(&service, &key)
        })
        .map_err(InstallError::Service)??;
        Ok(match verdict {
            InstallVerdict::Installed {
                product,
                mut reading,
                refresh_error,
            } => {
                reading.windows = super::windows_version();
                InstallVerdict::Installed {
                    product,
                    reading,
                    refresh_error,
                }
            }
            other => other,
        })
    }
    #[cfg(not(windows))]
    {
        let _ = key;
        Err(InstallError::Service(ServiceError::NotWindows))
    }
}

/// Connecting to `root\\cimv2`, as a report records it: the HRESULT (or the error) and how
/// long since `started`.
fn connect_call(error: Option<&ServiceError>, started: std::time::Instant) -> CallRecord {
    CallRecord {
        call: "connect root\\cimv2".into(),
        hresult: error.map_or_else(|| "0x00000000".into(), failure_text),
        milliseconds: started.elapsed().as_millis() as u64,
    }
}

/// A recording of a service that could not be reached.
fn unreachable(
    error: ServiceError,
    started: std::time::Instant,
) -> (RecordedPc, Result<LicensingReading, ServiceError>) {
    let call = connect_call(Some(&error), started);
    (RecordedPc::unreachable(&error, call), Err(error))
}

/// This PC's licensing service recorded for a support report (see
/// [`crate::licensing::report`]), with this Windows' version; always a recording, whatever
/// failed (that is when a report is needed): a failure is recorded with its HRESULT. The
/// reading comes back too. Blocking; no administrator rights needed.
pub fn this_pc_report() -> (RecordedPc, Result<LicensingReading, ServiceError>) {
    let windows = super::windows_version();
    let started = std::time::Instant::now();
    #[cfg(windows)]
    let answer = run_with_deadline(SERVICE_TIMEOUT, move || {
        let connecting = std::time::Instant::now();
        match super::wmi::WmiLicensingService::connect() {
            Ok(service) => {
                let connected = connect_call(None, connecting);
                crate::licensing::report::record_reading(&service, None, vec![connected])
            }
            Err(error) => unreachable(error, connecting),
        }
    });
    #[cfg(not(windows))]
    let answer: Result<(RecordedPc, Result<LicensingReading, ServiceError>), ServiceError> =
        Err(ServiceError::NotWindows);
    let (mut recorded, reading) = match answer {
        Ok(recorded) => recorded,
        Err(error) => unreachable(error, started),
    };
    recorded.app = Some(crate::licensing::report::AppInfo::this_app());
    recorded.windows = windows.clone();
    let reading = reading.map(|reading| LicensingReading { windows, ..reading });
    (recorded, reading)
}

#[cfg(test)]
mod tests {
    use super::*;

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
