//! Saving without ever blocking a keystroke: the session is written on a thread of its own,
//! one write at a time. Changes made while a write is under way are written together as soon
//! as it ends, so what was typed reaches the disk one write (a few milliseconds) after it was
//! typed, however fast the typing.
//!
//! Every snapshot of the session is numbered, and a write never replaces a newer one: the
//! window's last save on closing may overtake a write still under way, which then does
//! nothing.

use std::sync::{Arc, Mutex, PoisonError};

use crate::session::{Session, SessionError, SessionStore};

/// Writes of one file on threads of their own, taking turns, each of a numbered snapshot: a
/// write never replaces a newer snapshot.
#[derive(Debug, Default)]
pub struct Ordered {
    /// The number of the latest snapshot handed to a writer.
    taken: u64,
    /// The number of the newest snapshot on disk; held while writing, so writes take turns.
    on_disk: Arc<Mutex<u64>>,
}

impl Ordered {
    /// `save`, as a write of the next snapshot, to run on any thread.
    pub fn write<E: Send + 'static>(
        &mut self,
        save: impl FnOnce() -> Result<(), E> + Send + 'static,
    ) -> impl FnOnce() -> Result<(), E> + Send + 'static {
        self.taken += 1;
        let (number, on_disk) = (self.taken, self.on_disk.clone());
        move || {
            let mut newest = on_disk.lock().unwrap_or_else(PoisonError::into_inner);
            if *newest > number {
                return Ok(());
            }
            save()?;
            *newest = number;
            Ok(())
        }
    }
}

/// The session's saving: at most one write under way, the changes made meanwhile written
/// together after it.
#[derive(Debug, Default)]
pub struct Autosave {
    writing: bool,
    pending: bool,
    writes: Ordered,
}

impl Autosave {
    /// Something changed: true when a write should start now (else it is queued).
    pub fn changed(&mut self) -> bool {
        if self.writing {
            self.pending = true;
            false
        } else {
            self.writing = true;
            true
        }
    }

    /// A write ended: true when another should start now, for the changes made meanwhile.
    pub fn written(&mut self) -> bool {
        self.writing = std::mem::take(&mut self.pending);
        self.writing
    }

    /// A write of this snapshot, to run on any thread.
    pub fn write(
        &mut self,
        store: SessionStore,
        session: Session,
    ) -> impl FnOnce() -> Result<(), SessionError> + Send + 'static {
        self.writes.write(move || store.save(&session))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_during_a_write_are_written_once_after_it() {
        let mut autosave = Autosave::default();
        assert!(autosave.changed(), "the first change is written at once");
        assert!(!autosave.changed(), "a change during the write waits");
        assert!(!autosave.changed(), "and so does the next");
        assert!(
            autosave.written(),
            "both are written together when the write ends"
        );
        assert!(!autosave.written(), "then nothing is left to write");
        assert!(
            autosave.changed(),
            "a later change is written at once again"
        );
    }

    #[test]
    fn an_older_snapshot_never_replaces_a_newer_one() {
        let home = tempfile::tempdir().unwrap();
        let store = SessionStore::in_dir(home.path());
        let mut autosave = Autosave::default();
        let typed = |text: &str| Session {
            installation_text: text.into(),
            ..Session::default()
        };
        let older = autosave.write(store.clone(), typed("older"));
        let newer = autosave.write(store.clone(), typed("newer"));
        newer().unwrap();
        older().unwrap();
        assert_eq!(store.load().unwrap().installation_text, "newer");
    }
}
