//! The files the app keeps in its data folder (`$ACTIVATION_COMPANION_HOME`, else the user's
//! data folder): written atomically (a temporary file beside it, flushed to disk, then renamed
//! over the old one), so a crash or `kill -9` leaves the old file or the new one, never half of
//! one; a file that cannot be read is moved aside for the user, never deleted or overwritten.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Moves an unreadable file aside, never over an earlier one: `name.json.unreadable`, then
/// `name.json.unreadable-2`, ... Returns where it went.
pub fn set_aside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy();
    let first = path.with_file_name(format!("{name}.unreadable"));
    let free = std::iter::once(first.clone())
        .chain((2..1000).map(|n| path.with_file_name(format!("{name}.unreadable-{n}"))))
        .find(|candidate| !candidate.exists())?;
    fs::rename(path, &free).ok().map(|()| free)
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed to disk, renamed
/// over the old one. Makes the folder when it is missing.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!("{name}.tmp"));
    let mut file = File::create(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(&temporary, path)
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
