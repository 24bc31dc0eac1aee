//! The activation in progress, saved on every change so nothing typed is ever lost.
//!
//! The file is small JSON in the data folder, written atomically (see `storage`), so a crash
//! or `kill -9` leaves either the previous or the new session, never half of one. A file that
//! cannot be read is moved aside (kept for the user, not deleted) and the app starts fresh
//! with a clear message.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::id::CidFormat;
use crate::language::Language;
use crate::script::Route;
use crate::storage;

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
    pub language: Option<Language>,
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
    }
}

/// Why the session could not be read or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The file could not be read; it was moved aside to `kept_as` (when that worked).
    Corrupt { kept_as: Option<PathBuf> },
    /// The file could not be written (the OS's reason).
    Unwritable { path: PathBuf, reason: String },
}

/// Where the session lives: `$ACTIVATION_COMPANION_HOME`, else the user's data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionStore {
    path: PathBuf,
}

impl SessionStore {
    pub const FILE_NAME: &'static str = "session.json";

    pub fn in_dir(dir: impl Into<PathBuf>) -> SessionStore {
        SessionStore {
            path: dir.into().join(Self::FILE_NAME),
        }
    }

    pub fn default_location() -> SessionStore {
        SessionStore::in_dir(storage::data_dir())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved session; a missing file is a fresh start, an unreadable one is moved aside.
    pub fn load(&self) -> Result<Session, SessionError> {
        match storage::read_text(&self.path) {
            Ok(None) => Ok(Session::default()),
            Ok(Some(text)) => serde_json::from_str(&text).map_err(|_| SessionError::Corrupt {
                kept_as: storage::set_aside(&self.path),
            }),
            Err(_) => Err(SessionError::Corrupt { kept_as: None }),
        }
    }

    /// Writes the session atomically (see `storage`).
    pub fn save(&self, session: &Session) -> Result<(), SessionError> {
        // Saved whole: the window keeps the Installation ID box small (see
        // `gui::installation::MAX_BOX_TEXT`), and a restart must show what was on screen.
        let json = serde_json::to_vec_pretty(session).expect("a session always serialises");
        storage::write_atomically(&self.path, &json).map_err(|error| SessionError::Unwritable {
            path: self.path.clone(),
            reason: error.to_string(),
        })
    }
}
