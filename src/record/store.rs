//! Where the record lives (`activations.json`), and the one way it is written: a
//! read-merge-write under its lock, so several writers lose nothing.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{Activation, ActivationRecord, Imported, MAX_IMPORT_BYTES, RecordChange};
use crate::decode;
use crate::storage::{self, IoReason};

/// Why the record, or a file of one, could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The record could not be read. `kept_as`: where it was moved aside (by a write, which
    /// then starts a new record); `None`: it is left as it is.
    Corrupt { kept_as: Option<PathBuf> },
    /// A file could not be written (the OS's reason).
    Unwritable { path: PathBuf, reason: IoReason },
    /// A file could not be read (the OS's reason).
    Unreadable { path: PathBuf, reason: IoReason },
    /// A file to import is larger than `limit` bytes ([`MAX_IMPORT_BYTES`]); nothing was read.
    TooLarge { path: PathBuf, limit: u64 },
    /// A file to import is neither a record's JSON nor its CSV.
    NotARecord,
}

/// Where the record lives: `activations.json` in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordStore {
    file: storage::AppFile,
}

/// What a merge did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    pub added: usize,
    pub left_out: usize,
}

/// What [`RecordStore::apply`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The record as it now is on disk.
    pub record: ActivationRecord,
    /// How many of the changes changed something (an entry added, told more, or removed).
    pub changed: usize,
    /// Where this call moved a record that could not be read (not JSON) before starting a
    /// new one; `None` when it did not.
    pub kept_aside: Option<PathBuf>,
}

impl RecordStore {
    pub const FILE_NAME: &'static str = "activations.json";

    pub fn in_dir(dir: impl Into<PathBuf>) -> RecordStore {
        RecordStore {
            file: storage::AppFile::in_dir(dir, Self::FILE_NAME),
        }
    }

    pub fn default_location() -> RecordStore {
        RecordStore {
            file: storage::AppFile::in_data_dir(Self::FILE_NAME),
        }
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// The lock file every write holds: `activations.json.lock` beside the record.
    pub fn lock_path(&self) -> PathBuf {
        self.file.lock_path()
    }

    /// The record; a missing file is an empty record. A read never moves nor changes the
    /// file: one that cannot be read is `Corrupt { kept_as: None }` (the next
    /// [`RecordStore::apply`] moves it aside when it is not JSON). A file saved again by an
    /// editor, with a byte-order mark or as UTF-16, still reads.
    pub fn load(&self) -> Result<ActivationRecord, RecordError> {
        match storage::read_decoded(self.file.path()) {
            Ok(None) => Ok(ActivationRecord::default()),
            Ok(Some(decoded)) => ActivationRecord::from_file(&decoded.text)
                .ok_or(RecordError::Corrupt { kept_as: None }),
            Err(_) => Err(RecordError::Corrupt { kept_as: None }),
        }
    }

    fn lock(&self) -> Result<storage::Lock, RecordError> {
        let path = self.lock_path();
        storage::lock(&path).map_err(|error| RecordError::Unwritable {
            path,
            reason: IoReason::from(&error),
        })
    }

    /// The one way the record is written. Under the record's lock: reads what is on disk,
    /// applies the changes in order, and writes it back atomically when anything changed;
    /// returns the record as it now is on disk. A file that is not JSON is moved aside first
    /// and a new record started (`Applied::kept_aside` says where it went); one that cannot
    /// be read (the OS refuses) or moved aside is left alone, and nothing is written.
    pub fn apply(&self, changes: &[RecordChange]) -> Result<Applied, RecordError> {
        let _lock = self.lock()?;
        let (mut record, kept_aside) = match storage::read_decoded(self.file.path()) {
            Ok(None) => (ActivationRecord::default(), None),
            Ok(Some(decoded)) => match ActivationRecord::from_file(&decoded.text) {
                Some(record) => (record, None),
                None => match storage::set_aside(self.file.path()) {
                    Some(kept) => (ActivationRecord::default(), Some(kept)),
                    None => return Err(RecordError::Corrupt { kept_as: None }),
                },
            },
            Err(error) => {
                return Err(RecordError::Unreadable {
                    path: self.file.path().to_path_buf(),
                    reason: IoReason::from(&error),
                });
            }
        };
        let changed = record.apply(changes);
        if changed > 0 {
            write(self.file.path(), record.to_json().as_bytes())?;
        }
        Ok(Applied {
            record,
            changed,
            kept_aside,
        })
    }

    /// [`RecordStore::apply`] of one new activation. When a record that could not be read was
    /// moved aside for it, the error says so (the new record holds the activation).
    pub fn add(&self, activation: Activation) -> Result<ActivationRecord, RecordError> {
        let applied = self.apply(&[RecordChange::Add(activation)])?;
        match applied.kept_aside {
            Some(kept) => Err(RecordError::Corrupt {
                kept_as: Some(kept),
            }),
            None => Ok(applied.record),
        }
    }
}

/// Writes a file atomically (see `storage::write_atomically`).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    storage::write_atomically(path, bytes).map_err(|error| RecordError::Unwritable {
        path: path.to_path_buf(),
        reason: IoReason::from(&error),
    })
}

/// Writes an export where the user asked (see `storage::write_through`): a file is replaced
/// atomically, a device, a pipe or a symbolic link's target is written to.
pub fn export(path: &Path, bytes: &[u8]) -> Result<(), RecordError> {
    storage::write_through(path, bytes).map_err(|error| RecordError::Unwritable {
        path: path.to_path_buf(),
        reason: IoReason::from(&error),
    })
}

/// The record in a file to import (JSON, or CSV, any encoding Windows writes), read only when
/// it is at most [`MAX_IMPORT_BYTES`]: what can be taken in, and what is left out and why.
pub fn read_file(path: &Path, now: SystemTime) -> Result<Imported, RecordError> {
    let bytes = match storage::read_at_most(path, MAX_IMPORT_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(RecordError::TooLarge {
                path: path.to_path_buf(),
                limit: MAX_IMPORT_BYTES,
            });
        }
        Err(error) => {
            return Err(RecordError::Unreadable {
                path: path.to_path_buf(),
                reason: IoReason::from(&error),
            });
        }
    };
    import_bytes(&bytes, now)
}

/// [`read_file`] of bytes already read (standard input, `history --import -`).
pub fn import_bytes(bytes: &[u8], now: SystemTime) -> Result<Imported, RecordError> {
    let text = decode::decode(bytes).text;
    ActivationRecord::import(&text, now)
}
