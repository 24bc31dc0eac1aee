//! The files the app keeps in its data folder (`$ACTIVATION_COMPANION_HOME`, else the user's
//! data folder): written atomically (a temporary file beside it, flushed to disk, then renamed
//! over the old one), so a crash or `kill -9` leaves the old file or the new one, never half of
//! one; a file that cannot be read is moved aside for the user, never deleted or overwritten.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// One of the app's own files (`session.json`, `activations.json`) in a data folder, and the
/// lock file beside it (`.lock`) that its writers hold: the shape both stores share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFile {
    path: PathBuf,
}

impl AppFile {
    /// `name` in `dir`.
    pub fn in_dir(dir: impl Into<PathBuf>, name: &str) -> AppFile {
        AppFile {
            path: dir.into().join(name),
        }
    }

    /// `name` in the data folder (see [`data_dir`]).
    pub fn in_data_dir(name: &str) -> AppFile {
        AppFile::in_dir(data_dir(), name)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The lock file beside it: `session.json.lock`, `activations.json.lock`.
    pub fn lock_path(&self) -> PathBuf {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        self.path.with_file_name(format!("{name}.lock"))
    }
}

/// Where the app keeps its files: `$ACTIVATION_COMPANION_HOME`, else
/// `~/.local/share/activation-companion` (Linux) or `%LOCALAPPDATA%\activation-companion`
/// (Windows), else the current folder.
pub fn data_dir() -> PathBuf {
    std::env::var_os("ACTIVATION_COMPANION_HOME")
        .filter(|home| !home.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::data_local_dir().map(|dir| dir.join("activation-companion")))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The file's bytes; `Ok(None)` when there is no file yet.
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// The file's text, whatever its encoding (see `decode`); `Ok(None)` when there is no file.
pub fn read_text(path: &Path) -> io::Result<Option<String>> {
    Ok(read(path)?.map(|bytes| crate::decode::text(&bytes)))
}

/// The file's text as it is, and whether some bytes could not be read (see `decode`).
pub fn read_decoded(path: &Path) -> io::Result<Option<crate::decode::Decoded>> {
    Ok(read(path)?.map(|bytes| crate::decode::decode(&bytes)))
}

/// Why the OS refused to read or write a file: the kind of error, and the OS's own code when
/// it gave one (`words` says it in the user's language; the OS's text is English only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IoReason {
    pub kind: io::ErrorKind,
    pub os_code: Option<i32>,
}

impl From<&io::Error> for IoReason {
    fn from(error: &io::Error) -> IoReason {
        IoReason {
            kind: error.kind(),
            os_code: error.raw_os_error(),
        }
    }
}

impl From<io::Error> for IoReason {
    fn from(error: io::Error) -> IoReason {
        IoReason::from(&error)
    }
}

/// The file's bytes when there are at most `limit` of them; `Ok(None)` when there are more.
/// Never holds more than `limit` + 1 bytes, whatever the file (a growing file, a pipe).
pub fn read_at_most(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = File::open(path)?;
    let length = file.metadata()?.len();
    if length > limit {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// `name.json.unreadable`, `name.json.unreadable-2`, ...: the first name not taken.
fn free_aside_name(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy();
    let first = path.with_file_name(format!("{name}.unreadable"));
    std::iter::once(first)
        .chain((2..1000).map(|n| path.with_file_name(format!("{name}.unreadable-{n}"))))
        .find(|candidate| fs::symlink_metadata(candidate).is_err())
}

/// Moves an unreadable file aside, never over an earlier one: `name.json.unreadable`, then
/// `name.json.unreadable-2`, ... Returns where it went.
pub fn set_aside(path: &Path) -> Option<PathBuf> {
    let free = free_aside_name(path)?;
    fs::rename(path, &free).ok().map(|()| free)
}

/// Copies a file aside (as [`set_aside`] names it) before something in it is replaced; a
/// copy already kept with the same bytes is enough. Returns where the copy is.
pub fn copy_aside(path: &Path) -> Option<PathBuf> {
    let bytes = fs::read(path).ok()?;
    let name = path.file_name()?.to_string_lossy().into_owned();
    let earlier = std::iter::once(path.with_file_name(format!("{name}.unreadable")))
        .chain((2..1000).map(|n| path.with_file_name(format!("{name}.unreadable-{n}"))))
        .take_while(|candidate| candidate.exists())
        .find(|candidate| fs::read(candidate).is_ok_and(|kept| kept == bytes));
    if earlier.is_some() {
        return earlier;
    }
    let free = free_aside_name(path)?;
    fs::write(&free, &bytes).ok().map(|()| free)
}

/// A temporary name beside `path`, its own to this process and this write.
fn temporary_beside(path: &Path) -> PathBuf {
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let n = WRITES.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!("{name}.{}-{n}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed to disk, renamed
/// over the old one (whose permissions it keeps). Makes the folder when it is missing. On any
/// error the temporary file is removed and the old file is left as it was.
///
/// A symbolic link stays a link: its target is replaced (the temporary file is made in the
/// target's folder, so the rename stays on one file system), as for a record kept on a USB
/// stick and linked into the data folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = through_links(path);
    let path = target.as_path();
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let temporary = temporary_beside(path);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)?;
    let written = (|| {
        file.write_all(bytes)?;
        if let Ok(old) = fs::metadata(path)
            && old.is_file()
        {
            file.set_permissions(old.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Where `path` leads through its symbolic links (at most 40 of them): the path itself when
/// it is not a link; a link's target may not exist yet.
fn through_links(path: &Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        let Some(target) = is_link.then(|| fs::read_link(&path).ok()).flatten() else {
            break;
        };
        path = match path.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    path
}

/// Writes `bytes` to what `path` names, as a user means it: a regular file or a new path is
/// replaced atomically (see [`write_atomically`]); a symbolic link stays a link and its target
/// is written (atomically when that is a regular file or not there yet); a device or a named
/// pipe (`/dev/null`, a FIFO, `NUL` on Windows) is opened and written to, never replaced, and
/// a write it refuses (a full device) is an error; a folder is refused as one.
///
/// Every output a user names goes through here: `report --out`, `qr --out`,
/// `history --export`, and the window's support report.
pub fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = through_links(path);
    let names_a_folder = path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator);
    match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => Err(io::ErrorKind::IsADirectory.into()),
        // `new-folder/`: a name that can only be a folder's.
        Err(error) if error.kind() == io::ErrorKind::NotFound && names_a_folder => {
            Err(io::ErrorKind::IsADirectory.into())
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => write_atomically(&target, bytes),
        Ok(metadata) if metadata.is_file() => write_atomically(&target, bytes),
        // A device, a pipe, or a path the OS will say more about when it is opened.
        _ => {
            let mut file = OpenOptions::new().write(true).open(&target)?;
            file.write_all(bytes)?;
            file.flush()
        }
    }
}

/// An exclusive lock on a lock file, held until it is dropped (or the process ends, however
/// it ends: the OS releases it).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

fn open_lock_file(path: &Path) -> io::Result<File> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// Waits for the lock on `path` (the file is made when missing, and never removed: removing a
/// lock file lets two writers lock two different files). Where the file system has no locks,
/// the lock is granted without one.
pub fn lock(path: &Path) -> io::Result<Lock> {
    let file = open_lock_file(path)?;
    match file.lock() {
        Ok(()) => Ok(Lock { _file: file }),
        Err(error) if error.kind() == io::ErrorKind::Unsupported => Ok(Lock { _file: file }),
        Err(error) => Err(error),
    }
}

/// The lock on `path` if no one holds it; `Ok(None)` when another holds it (see [`lock`]).
pub fn try_lock(path: &Path) -> io::Result<Option<Lock>> {
    let file = open_lock_file(path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Lock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(error)) if error.kind() == io::ErrorKind::Unsupported => {
            Ok(Some(Lock { _file: file }))
        }
        Err(TryLockError::Error(error)) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_unreadable_file_does_not_replace_the_first() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("kept.json");
        for (n, content) in ["first", "second"].into_iter().enumerate() {
            fs::write(&path, content).unwrap();
            let kept = set_aside(&path).unwrap();
            let expected = match n {
                0 => "kept.json.unreadable",
                _ => "kept.json.unreadable-2",
            };
            assert_eq!(kept.file_name().unwrap(), expected);
            assert_eq!(fs::read_to_string(&kept).unwrap(), content);
        }
        assert!(!path.exists());
    }

    #[test]
    fn a_copy_aside_is_made_once_for_the_same_bytes() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("kept.json");
        fs::write(&path, "one").unwrap();
        let first = copy_aside(&path).unwrap();
        assert_eq!(copy_aside(&path), Some(first.clone()));
        fs::write(&path, "two").unwrap();
        let second = copy_aside(&path).unwrap();
        assert_ne!(first, second);
        assert_eq!(fs::read_to_string(first).unwrap(), "one");
        assert_eq!(fs::read_to_string(second).unwrap(), "two");
        assert_eq!(fs::read_to_string(&path).unwrap(), "two", "the file stays");
    }

    #[test]
    fn a_read_stops_past_its_limit() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("big");
        fs::write(&path, [b'x'; 100]).unwrap();
        assert_eq!(
            read_at_most(&path, 100).unwrap().map(|b| b.len()),
            Some(100)
        );
        assert_eq!(read_at_most(&path, 99).unwrap(), None);
    }

    #[test]
    fn a_lock_is_refused_while_another_holds_it() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("x.lock");
        let held = try_lock(&path).unwrap().expect("free");
        assert!(try_lock(&path).unwrap().is_none(), "held by the first");
        drop(held);
        assert!(try_lock(&path).unwrap().is_some(), "free again");
    }

    #[test]
    fn a_failed_atomic_write_leaves_the_old_file_and_no_temporary_one() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("taken");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "x").unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        let files: Vec<_> = fs::read_dir(home.path()).unwrap().collect();
        assert_eq!(files.len(), 1, "{files:?}");
    }

    /// `session.json` or `activations.json` linked to a file elsewhere (a USB stick): the
    /// target is replaced atomically, in its own folder, and the link stays.
    #[cfg(unix)]
    #[test]
    fn an_atomic_write_through_a_link_replaces_the_target_and_keeps_the_link() {
        let home = tempfile::tempdir().unwrap();
        let usb = tempfile::tempdir().unwrap();
        let target = usb.path().join("session.json");
        let link = home.path().join("session.json");
        fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"new").expect("written through the link");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let left: Vec<_> = fs::read_dir(usb.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
    }

    #[test]
    fn an_atomic_write_leaves_no_temporary_file() {
        let home = tempfile::tempdir().unwrap();
        let path = home.path().join("nested").join("kept.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(read(&path).unwrap().as_deref(), Some(&b"two"[..]));
        let files: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(files.len(), 1);
        assert_eq!(read(&home.path().join("missing.json")).unwrap(), None);
    }
}
