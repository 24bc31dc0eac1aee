//! The activation in progress, saved on every change so nothing typed is ever lost.
//!
//! The file is small JSON in the data folder, written atomically (see `storage`), so a crash
//! or `kill -9` leaves either the previous or the new session, never half of one. A file that
//! cannot be read is moved aside (kept for the user, not deleted) and the app starts fresh
//! with a clear message; a field this version does not know, or a value it cannot take, is
//! kept and written back (see [`SessionStore`]). One window per data folder writes it: the
//! one holding its [`SessionClaim`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::id::CidFormat;
use crate::in_progress::{Saved, SavedBlocks};
use crate::language::Language;
use crate::script::Route;
use crate::storage::{self, IoReason};

/// Everything the user has typed or chosen. Field names are the file format: keep them.
///
/// Reading is lenient field by field (see the `Deserialize` impl): a value this version does
/// not know (a language or route added later, a field of another shape) costs that field only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The Installation ID field as typed or pasted.
    pub installation_text: String,
    /// The products read from this PC's licensing service, as read.
    pub this_pc_products: Vec<SavedProduct>,
    /// Which of several found IDs (products) the user chose.
    pub chosen_product: usize,
    pub route: Option<Route>,
    /// ISO alpha-2 code of the country for the phone route.
    pub country: Option<String>,
    /// Steps of the call script ticked off, by script id and step number.
    pub ticked_steps: Vec<(String, usize)>,
    pub cid_format: CidFormat,
    /// Confirmation ID blocks as typed, A first.
    pub cid_blocks: Vec<String>,
    /// Which blocks were entered since the Confirmation ID was last completed (and recorded).
    pub cid_entered: Option<Vec<bool>>,
    /// The Installation ID (digits; empty for none) the blocks were entered for. Absent in a
    /// session of an earlier version, whose blocks went with screen 1's chosen ID.
    pub cid_for: Option<String>,
    /// Other Installation IDs' blocks, set aside to come back to when the ID does.
    pub other_cids: Vec<OtherCid>,
    pub language: Option<Language>,
}

/// Confirmation ID blocks kept for an Installation ID other than screen 1's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherCid {
    /// Digits.
    pub installation_id: String,
    pub cid_format: CidFormat,
    pub cid_blocks: Vec<String>,
    #[serde(default)]
    pub cid_entered: Option<Vec<bool>>,
}

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Session, D::Error> {
        let fields = Map::<String, Value>::deserialize(deserializer)?;
        /// The field as this version reads it, or its default.
        fn field<T: DeserializeOwned + Default>(fields: &Map<String, Value>, name: &str) -> T {
            fields
                .get(name)
                .and_then(|value| T::deserialize(value).ok())
                .unwrap_or_default()
        }
        /// Each readable item of a list field.
        fn items<T: DeserializeOwned>(fields: &Map<String, Value>, name: &str) -> Vec<T> {
            let items = fields.get(name).and_then(Value::as_array);
            items
                .into_iter()
                .flatten()
                .filter_map(|item| T::deserialize(item).ok())
                .collect()
        }
        Ok(Session {
            installation_text: field(&fields, "installation_text"),
            this_pc_products: items(&fields, "this_pc_products"),
            chosen_product: field(&fields, "chosen_product"),
            route: field(&fields, "route"),
            country: field(&fields, "country"),
            ticked_steps: items(&fields, "ticked_steps"),
            cid_format: field(&fields, "cid_format"),
            cid_blocks: items(&fields, "cid_blocks"),
            cid_entered: field(&fields, "cid_entered"),
            cid_for: field(&fields, "cid_for"),
            other_cids: items(&fields, "other_cids"),
            language: field(&fields, "language"),
        })
    }
}

/// A product read from this PC: its name and Activation ID, and the Installation ID it showed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedProduct {
    pub name: String,
    pub activation_id: String,
    /// Digits.
    pub installation_id: String,
}

impl Session {
    /// Whether there is anything worth restoring.
    pub fn is_unfinished(&self) -> bool {
        !self.installation_text.trim().is_empty()
            || !self.this_pc_products.is_empty()
            || self.cid_blocks.iter().any(|b| !b.is_empty())
            || !self.other_cids.is_empty()
    }

    /// The activation in progress as kept here. `chosen_id`: the digits of screen 1's chosen
    /// Installation ID as saved, which the blocks of an earlier version's session went with.
    pub fn in_progress(&self, chosen_id: &str) -> Saved {
        Saved {
            current: SavedBlocks {
                installation_id: self.cid_for.as_deref().unwrap_or(chosen_id).to_string(),
                format: self.cid_format,
                blocks: self.cid_blocks.clone(),
                entered: self.cid_entered.clone(),
            },
            set_aside: self
                .other_cids
                .iter()
                .map(|other| SavedBlocks {
                    installation_id: other.installation_id.clone(),
                    format: other.cid_format,
                    blocks: other.cid_blocks.clone(),
                    entered: other.cid_entered.clone(),
                })
                .collect(),
        }
    }

    /// Keeps the activation in progress.
    pub fn keep_in_progress(&mut self, saved: Saved) {
        self.cid_format = saved.current.format;
        self.cid_blocks = saved.current.blocks;
        self.cid_entered = saved.current.entered;
        self.cid_for = Some(saved.current.installation_id);
        self.other_cids = saved
            .set_aside
            .into_iter()
            .map(|other| OtherCid {
                installation_id: other.installation_id,
                cid_format: other.format,
                cid_blocks: other.blocks,
                cid_entered: other.entered,
            })
            .collect();
    }
}

/// Why the session could not be read, saved or claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The file could not be read; it was moved aside to `kept_as` (when that worked).
    Corrupt { kept_as: Option<PathBuf> },
    /// The file could not be written (the OS's reason).
    Unwritable { path: PathBuf, reason: IoReason },
    /// Another window (another process) holds the session of this data folder (`path`).
    InUse { path: PathBuf },
}

/// What the file held that this version cannot hold in a [`Session`], kept to be written back.
#[derive(Debug, Default)]
struct Kept {
    /// Fields this version does not know (a newer version's), as they were.
    unknown: Map<String, Value>,
    /// Fields it knows whose value it could not take whole (another type, an item it cannot
    /// read): the value as it was, and what this version made of it. Written back as it was
    /// for as long as the session still holds what was made of it.
    not_taken_whole: Vec<(String, Value, Value)>,
    /// Some bytes of the file were not text in any encoding (U+FFFD now): the file is copied
    /// aside before it is first replaced.
    lossy: bool,
}

/// Where the session lives: `$ACTIVATION_COMPANION_HOME`, else the user's data directory.
///
/// A store remembers what its [`SessionStore::load`] could not take (fields of a newer
/// version, values of another type) and every [`SessionStore::save`] of it, or of a clone of
/// it, writes that back; a value is replaced only once the user has changed that field, and the
/// file is copied aside (`session.json.unreadable`) first.
#[derive(Debug, Clone)]
pub struct SessionStore {
    file: storage::AppFile,
    kept: Arc<Mutex<Kept>>,
}

impl PartialEq for SessionStore {
    fn eq(&self, other: &SessionStore) -> bool {
        self.file == other.file
    }
}

impl Eq for SessionStore {}

/// Held for as long as a window has the session: one window per data folder writes it. The
/// open, locked `session.json.lock`; released when dropped, or when the process ends however
/// it ends (the OS releases the lock, `kill -9` too).
#[derive(Debug)]
pub struct SessionClaim {
    _lock: storage::Lock,
}

impl SessionStore {
    pub const FILE_NAME: &'static str = "session.json";

    pub fn in_dir(dir: impl Into<PathBuf>) -> SessionStore {
        SessionStore {
            file: storage::AppFile::in_dir(dir, Self::FILE_NAME),
            kept: Arc::default(),
        }
    }

    pub fn default_location() -> SessionStore {
        SessionStore {
            file: storage::AppFile::in_data_dir(Self::FILE_NAME),
            kept: Arc::default(),
        }
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// `session.json.lock` beside the session: see [`SessionStore::claim`].
    pub fn lock_path(&self) -> PathBuf {
        self.file.lock_path()
    }

    /// The session of this data folder for this window alone: `SessionError::InUse` while
    /// another process holds it.
    pub fn claim(&self) -> Result<SessionClaim, SessionError> {
        let path = self.lock_path();
        match storage::try_lock(&path) {
            Ok(Some(lock)) => Ok(SessionClaim { _lock: lock }),
            Ok(None) => Err(SessionError::InUse {
                path: self.file.path().to_path_buf(),
            }),
            Err(error) => Err(SessionError::Unwritable {
                path,
                reason: IoReason::from(&error),
            }),
        }
    }

    fn kept(&self) -> MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The saved session; a missing file is a fresh start, one that is not a JSON object is
    /// moved aside. What it holds that this version cannot take is remembered (see
    /// [`SessionStore`]).
    pub fn load(&self) -> Result<Session, SessionError> {
        let decoded = match storage::read_decoded(self.file.path()) {
            Ok(None) => {
                *self.kept() = Kept::default();
                return Ok(Session::default());
            }
            Ok(Some(decoded)) => decoded,
            Err(_) => return Err(SessionError::Corrupt { kept_as: None }),
        };
        let Ok(fields) = serde_json::from_str::<Map<String, Value>>(&decoded.text) else {
            return Err(SessionError::Corrupt {
                kept_as: storage::set_aside(self.file.path()),
            });
        };
        let session = Session::deserialize(Value::Object(fields.clone()))
            .expect("every object reads as a session");
        let as_read = serialized(&session);
        let mut kept = Kept {
            lossy: decoded.lossy,
            ..Kept::default()
        };
        for (name, value) in fields {
            match as_read.get(&name) {
                None => {
                    kept.unknown.insert(name, value);
                }
                Some(read) if *read != value => {
                    kept.not_taken_whole.push((name, value, read.clone()))
                }
                Some(_) => {}
            }
        }
        *self.kept() = kept;
        Ok(session)
    }

    /// Writes the session atomically (see `storage`), with what [`SessionStore::load`] could
    /// not take written back.
    pub fn save(&self, session: &Session) -> Result<(), SessionError> {
        // Saved whole: the window keeps the Installation ID box small (see
        // `gui::installation::MAX_BOX_TEXT`), and a restart must show what was on screen.
        let mut kept = self.kept();
        let mut fields = serialized(session);
        let mut replaces_something = kept.lossy;
        let mut still_kept = Vec::new();
        for (name, value, read) in &kept.not_taken_whole {
            if fields.get(name) == Some(read) {
                fields.insert(name.clone(), value.clone());
                still_kept.push((name.clone(), value.clone(), read.clone()));
            } else {
                replaces_something = true;
            }
        }
        for (name, value) in &kept.unknown {
            fields.entry(name.clone()).or_insert_with(|| value.clone());
        }
        if replaces_something {
            // Kept before anything in it is replaced (a copy of the same bytes is enough).
            storage::copy_aside(self.file.path());
        }
        let json = serde_json::to_vec_pretty(&fields).expect("a session always serialises");
        storage::write_atomically(self.file.path(), &json).map_err(|error| {
            SessionError::Unwritable {
                path: self.file.path().to_path_buf(),
                reason: IoReason::from(&error),
            }
        })?;
        kept.lossy = false;
        kept.not_taken_whole = still_kept;
        Ok(())
    }
}

/// The session's fields as JSON.
fn serialized(session: &Session) -> Map<String, Value> {
    match serde_json::to_value(session).expect("a session always serialises") {
        Value::Object(fields) => fields,
        _ => unreachable!("a session serialises as an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_claim_is_refused_while_the_first_is_held() {
        let home = tempfile::tempdir().unwrap();
        let store = SessionStore::in_dir(home.path());
        let first = store.claim().expect("free");
        assert!(matches!(
            SessionStore::in_dir(home.path()).claim(),
            Err(SessionError::InUse { .. })
        ));
        drop(first);
        store.claim().expect("free again once the first is dropped");
    }
}
