//! Several writers of one data folder: record stores adding and removing in turn from two
//! threads and from two processes lose no entry, and the session is claimed by one window.
//!
//! The processes are this test binary run again with `WRITER_HOME` set: the same test then
//! plays the writer (see `writer_role`).

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};

use activation_companion::record::{Activation, Outcome, RecordChange, RecordStore};
use activation_companion::session::{SessionError, SessionStore};
use common::consistent_id;

fn entry(seed: u64) -> Activation {
    crate::common::activation(
        1_795_914_978 - seed,
        &consistent_id(seed, 9, 7),
        &consistent_id(seed, 8, 6),
        Outcome::Completed,
    )
    .of_product(Some("Windows(R), Professional edition"), None)
}

/// The writer's seeds: writer `w` of `ROUNDS` adds entries `w * ROUNDS ..`.
const ROUNDS: u64 = 60;

fn seeds(writer: u64) -> std::ops::Range<u64> {
    1 + writer * ROUNDS..1 + (writer + 1) * ROUNDS
}

/// Adds the writer's entries one `add` at a time, each with a store of its own (as a window
/// and the command line each have one).
fn write_entries(home: &Path, writer: u64) {
    for seed in seeds(writer) {
        RecordStore::in_dir(home)
            .add(entry(seed))
            .expect("the record is written");
    }
}

fn seeds_in(home: &Path) -> Vec<String> {
    let mut found: Vec<String> = common::recorded_in(home)
        .into_iter()
        .map(|a| a.installation_id)
        .collect();
    found.sort();
    found
}

fn expected(writers: u64) -> Vec<String> {
    let mut all: Vec<String> = (0..writers)
        .flat_map(seeds)
        .map(|seed| entry(seed).installation_id)
        .collect();
    all.sort();
    all
}

#[test]
fn two_threads_adding_in_turn_lose_no_entry() {
    let home = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..2)
        .map(|writer| {
            let home = home.path().to_path_buf();
            std::thread::spawn(move || write_entries(&home, writer))
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(seeds_in(home.path()), expected(2));
}

/// This test binary again, as writer `writer` in `home`, running `test` (of this module).
fn child(test: &str, home: &Path, writer: u64) -> Command {
    let test = format!(
        "{}::{test}",
        module_path!().split_once("::").map_or("", |(_, m)| m)
    );
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env("WRITER_HOME", home)
        .env("WRITER", writer.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    command
}

/// `Some((home, writer))` when this process was started by [`child`].
fn writer_role() -> Option<(std::path::PathBuf, u64)> {
    let home = std::env::var_os("WRITER_HOME")?;
    let writer = std::env::var("WRITER").ok()?.parse().ok()?;
    Some((home.into(), writer))
}

#[test]
fn two_processes_adding_in_turn_lose_no_entry() {
    if let Some((home, writer)) = writer_role() {
        write_entries(&home, writer);
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..2)
        .map(|writer| {
            child(
                "two_processes_adding_in_turn_lose_no_entry",
                home.path(),
                writer,
            )
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
    assert_eq!(seeds_in(home.path()), expected(2));
}

#[test]
fn a_removal_is_not_undone_by_another_writers_add() {
    let home = tempfile::tempdir().unwrap();
    let (window, command_line) = (
        RecordStore::in_dir(home.path()),
        RecordStore::in_dir(home.path()),
    );
    for round in 0..20 {
        let kept = entry(1000 + round);
        window.apply(&[RecordChange::Add(kept.clone())]).unwrap();
        window
            .apply(&[RecordChange::Remove {
                installation_id: kept.installation_id.clone(),
                confirmation_id: kept.confirmation_id.clone(),
            }])
            .unwrap();
        let after = command_line
            .apply(&[RecordChange::Add(entry(2000 + round))])
            .unwrap()
            .record;
        assert!(
            !after.activations.contains(&kept),
            "round {round}: the removed entry came back"
        );
    }
    assert_eq!(common::recorded_in(home.path()).len(), 20);
}

#[test]
fn the_session_is_claimed_by_one_process_at_a_time() {
    if let Some((home, _)) = writer_role() {
        let claim = SessionStore::in_dir(&home)
            .claim()
            .expect("the first claim");
        println!("claimed");
        // Held until the parent closes standard input.
        let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut Vec::new());
        drop(claim);
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let store = SessionStore::in_dir(home.path());

    // In this process: a second claim is refused while the first is held.
    let first = store.claim().expect("nobody holds it");
    match SessionStore::in_dir(home.path()).claim() {
        Err(error @ SessionError::InUse { .. }) => {
            use activation_companion::Language;
            use activation_companion::Localized;
            assert!(
                error
                    .message(Language::English)
                    .starts_with("This work is open in another Activation Companion window"),
                "{}",
                error.message(Language::English)
            );
            assert!(
                error
                    .message(Language::Japanese)
                    .contains("別の Activation Companion")
            );
        }
        other => panic!("a second claim: {other:?}"),
    }
    drop(first);

    // Another process holds it: refused here, until that process ends (killed, here).
    let mut holder = child(
        "the_session_is_claimed_by_one_process_at_a_time",
        home.path(),
        0,
    )
    .spawn()
    .unwrap();
    let mut said = String::new();
    let mut out = std::io::BufReader::new(holder.stdout.take().unwrap());
    while !said.contains("claimed") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut out, &mut line).unwrap() == 0 {
            panic!("the child ended without claiming: {said}");
        }
        said.push_str(&line);
    }
    assert!(matches!(store.claim(), Err(SessionError::InUse { .. })));
    holder.kill().unwrap();
    holder.wait().unwrap();
    store
        .claim()
        .expect("the claim of a killed process is released");
}
