//! The activation in progress, saved on every change so nothing typed is ever lost.
//!
//! The file is small JSON, written atomically (a temporary file beside it, flushed to disk,
//! then renamed over the old one), so a crash or `kill -9` leaves either the previous or the
//! new session, never half of one. A file that cannot be read is moved aside (kept for the
//! user, not deleted) and the app starts fresh with a clear message.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::id::CidFormat;
use crate::language::{Language, Localized};
use crate::script::Route;

/// Everything the user has typed or chosen. Field names are the file format: keep them.
///
/// Reading is lenient field by field (see the `Deserialize` impl): a value this version does
/// not know (a language or route added later, a field of another shape) costs that field only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The Installation ID field as typed or pasted.
    pub installation_text: String,
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

impl Session {
    /// Whether there is anything worth restoring.
    pub fn is_unfinished(&self) -> bool {
        !self.installation_text.trim().is_empty() || self.cid_blocks.iter().any(|b| !b.is_empty())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{}", self.message(Language::English))]
    Corrupt { kept_as: Option<PathBuf> },
    #[error("{}", self.message(Language::English))]
    Unwritable { path: PathBuf, reason: String },
}

impl Localized for SessionError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (
                SessionError::Corrupt {
                    kept_as: Some(path),
                },
                Language::Japanese,
            ) => format!(
                "前回の作業内容を読み込めなかったため、新しく始めます（元のファイルは {} に残してあります）。",
                path.display()
            ),
            (
                SessionError::Corrupt {
                    kept_as: Some(path),
                },
                Language::English,
            ) => format!(
                "The saved session could not be read, so this is a fresh start (the old file is kept as {}).",
                path.display()
            ),
            (SessionError::Corrupt { kept_as: None }, _) => language
                .pick(
                    "前回の作業内容を読み込めなかったため、新しく始めます。",
                    "The saved session could not be read, so this is a fresh start.",
                )
                .to_string(),
            (SessionError::Unwritable { path, reason }, Language::Japanese) => format!(
                "作業内容を {} に保存できません（{reason}）。入力は画面に残っていますが、アプリを閉じると失われます。",
                path.display()
            ),
            (SessionError::Unwritable { path, reason }, Language::English) => format!(
                "Cannot save your work to {} ({reason}). What you typed is still on screen but will be lost if the app closes.",
                path.display()
            ),
        }
    }
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
        let dir = std::env::var_os("ACTIVATION_COMPANION_HOME")
            .filter(|home| !home.is_empty())
            .map(PathBuf::from)
            .or_else(|| dirs::data_local_dir().map(|dir| dir.join("activation-companion")))
            .unwrap_or_else(|| PathBuf::from("."));
        SessionStore::in_dir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved session; a missing file is a fresh start, an unreadable one is moved aside.
    pub fn load(&self) -> Result<Session, SessionError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Session::default()),
            Err(_) => return Err(SessionError::Corrupt { kept_as: None }),
        };
        serde_json::from_slice(&bytes).map_err(|_| SessionError::Corrupt {
            kept_as: self.set_aside(),
        })
    }

    /// Moves an unreadable file aside, never over an earlier one: `session.json.unreadable`,
    /// then `session.json.unreadable-2`, … Returns where it went.
    fn set_aside(&self) -> Option<PathBuf> {
        let first = self.path.with_extension("json.unreadable");
        let free = std::iter::once(first.clone())
            .chain((2..1000).map(|n| first.with_extension(format!("unreadable-{n}"))))
            .find(|candidate| !candidate.exists())?;
        fs::rename(&self.path, &free).ok().map(|()| free)
    }

    /// Writes the session atomically: temporary file, flush to disk, rename.
    pub fn save(&self, session: &Session) -> Result<(), SessionError> {
        let unwritable = |error: io::Error| SessionError::Unwritable {
            path: self.path.clone(),
            reason: error.to_string(),
        };
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(unwritable)?;
        }
        // Saved whole: the window keeps the Installation ID box small (see
        // `gui::installation::MAX_BOX_TEXT`), and a restart must show what was on screen.
        let json = serde_json::to_vec_pretty(session).expect("a session always serialises");
        let temporary = self.path.with_extension("json.tmp");
        let mut file = File::create(&temporary).map_err(unwritable)?;
        file.write_all(&json).map_err(unwritable)?;
        file.sync_all().map_err(unwritable)?;
        drop(file);
        fs::rename(&temporary, &self.path).map_err(unwritable)
    }

    /// "Start over": forget the session.
    pub fn clear(&self) -> Result<(), SessionError> {
        match fs::remove_file(&self.path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => {
                Err(SessionError::Unwritable {
                    path: self.path.clone(),
                    reason: error.to_string(),
                })
            }
            _ => Ok(()),
        }
    }
}
