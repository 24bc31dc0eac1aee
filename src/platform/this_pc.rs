//! This PC's licensing service, when the app runs on the PC being activated: the real WMI
//! service on one worker thread with a deadline (a WMI connection belongs to the thread that
//! made it, and a call cannot be stopped). Elsewhere every entry point says "Windows only", so
//! callers need no `cfg`.

use std::sync::mpsc;
use std::time::Duration;

use crate::id::{ConfirmationId, InstallationId};
use crate::licensing::{
    ApplyVerdict, LicensingError, LicensingReading, ServiceError, check_inputs, codes,
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
        run_with_deadline(SERVICE_TIMEOUT, || {
            let service = super::wmi::WmiLicensingService::connect()?;
            crate::licensing::read_licensing(&service)
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
