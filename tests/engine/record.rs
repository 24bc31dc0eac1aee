//! The activation record through its public API: the file it is kept in (atomic writes, an
//! unreadable file moved aside), merging an imported record, finding an Installation ID, and
//! the JSON and CSV a record is exported as.

use crate::common;

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use activation_companion::id::{ConfirmationId, InstallationId};
use activation_companion::record::{
    self, Activation, ActivationRecord, Applied, Merged, Outcome, RecordChange, RecordError,
    RecordStore,
};
use common::{check_digit, cid, iid};

/// Windows 11 (valid, 9 groups of 7).
const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";
/// Another valid Installation ID.
const OTHER_IID: &str = "465145217131314304264339481117862266242033457260311819664735280";
/// Valid, 8 blocks of 6.
const CID: &str = "426296483130829081394993064403777482905722580616";
const PRODUCT: &str = "Windows(R), Professional edition";

fn record_of(activations: impl IntoIterator<Item = Activation>) -> ActivationRecord {
    let mut record = ActivationRecord::default();
    for a in activations {
        record.add(a);
    }
    record
}

/// Every entry of a record, as changes that add it.
fn additions(record: &ActivationRecord) -> Vec<RecordChange> {
    record
        .activations
        .iter()
        .cloned()
        .map(RecordChange::Add)
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn recorded_times(record: &ActivationRecord) -> Vec<&str> {
    record
        .activations
        .iter()
        .map(|a| a.recorded_at.as_str())
        .collect()
}

/// A file error names the file and the OS's reason.
fn assert_names(error: &RecordError, file: &std::path::Path, kind: std::io::ErrorKind) {
    let (RecordError::Unwritable { path, reason } | RecordError::Unreadable { path, reason }) =
        error
    else {
        panic!("not a file error: {error:?}")
    };
    assert_eq!((path.as_path(), reason.kind), (file, kind));
}

#[test]
fn the_helpers_make_the_ids_the_crate_calls_valid() {
    // The oracle agrees with the crate on the real IDs, and the made-up ones are valid.
    assert!(InstallationId::from_typed(IID).is_valid());
    assert!(InstallationId::from_typed(OTHER_IID).is_valid());
    assert!(ConfirmationId::from_typed(CID).is_valid());
    for group in CID.as_bytes().chunks(6) {
        let group = std::str::from_utf8(group).unwrap();
        assert_eq!(check_digit(&group[..5]), group.chars().last().unwrap());
    }
    for seed in 1..20 {
        assert!(
            ConfirmationId::from_typed(&cid(seed)).is_valid(),
            "{}",
            cid(seed)
        );
        assert!(
            InstallationId::from_typed(&iid(seed)).is_valid(),
            "{}",
            iid(seed)
        );
        assert_ne!(cid(seed), cid(seed + 1));
    }
}

// 1. Atomic write.

#[test]
fn saving_twice_leaves_one_file_and_no_temporary_one() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    assert_eq!(store.path(), home.path().join("activations.json"));

    let first = record_of([
        common::activation(100, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None)
    ]);
    store.apply(&additions(&first)).unwrap();
    let second = record_of([
        common::activation(100, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None),
        common::activation(
            200,
            OTHER_IID,
            &cid(1),
            Outcome::Refused { code: 0xC004_F04D },
        )
        .of_product(None, None),
    ]);
    store.apply(&additions(&second)).unwrap();

    assert_eq!(
        files_in(home.path()),
        ["activations.json", "activations.json.lock"]
    );
    assert_eq!(store.load(), Ok(second.clone()));
    // What is on disk is the record's JSON, nothing more and nothing less.
    assert_eq!(
        fs::read_to_string(store.path()).unwrap(),
        second.to_json(),
        "the file holds the second save"
    );
}

#[test]
fn a_save_into_a_folder_that_does_not_exist_makes_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("not").join("yet");
    let store = RecordStore::in_dir(&dir);
    assert_eq!(
        store.load(),
        Ok(ActivationRecord::default()),
        "no file is an empty record"
    );
    assert!(!dir.exists(), "loading makes nothing");

    let record =
        record_of([common::activation(100, IID, CID, Outcome::Activated).of_product(None, None)]);
    store.apply(&additions(&record)).unwrap();
    assert_eq!(
        files_in(&dir),
        ["activations.json", "activations.json.lock"]
    );
    assert_eq!(store.load(), Ok(record));
}

#[test]
fn record_write_of_an_export_is_atomic_too() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("export").join("record.csv");
    let record = record_of([
        common::activation(100, IID, CID, Outcome::Activated).of_product(Some(PRODUCT), None)
    ]);
    record::export(&path, b"old").unwrap();
    record::export(&path, record.to_csv().as_bytes()).unwrap();
    assert_eq!(files_in(path.parent().unwrap()), ["record.csv"]);
    assert_eq!(
        record::read_file(&path, SystemTime::now()).map(|i| (i.record, i.left_out.len())),
        Ok((record, 0))
    );

    // A folder cannot be made under a file: the error names the path and the OS's reason.
    let under_a_file = path.join("x.json");
    let error = record::export(&under_a_file, b"[]").expect_err("no folder under a file");
    assert!(matches!(error, RecordError::Unwritable { .. }), "{error:?}");
    assert_names(&error, &under_a_file, std::io::ErrorKind::NotADirectory);
}

// 2. A corrupt file.

#[test]
fn a_corrupt_record_is_only_reported_by_a_read_and_kept_aside_once_by_a_write() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    let first_aside = home.path().join("activations.json.unreadable");
    let second_aside = home.path().join("activations.json.unreadable-2");

    let not_json = b"{ not json".to_vec();
    fs::write(store.path(), &not_json).unwrap();
    for _ in 0..2 {
        assert_eq!(store.load(), Err(RecordError::Corrupt { kept_as: None }));
    }
    assert_eq!(
        fs::read(store.path()).unwrap(),
        not_json,
        "a read moves nothing"
    );
    assert_eq!(files_in(home.path()), ["activations.json"]);

    let new = common::activation(500, IID, CID, Outcome::Activated).of_product(Some(PRODUCT), None);
    let applied = store.apply(&[RecordChange::Add(new.clone())]).unwrap();
    assert_eq!(applied.kept_aside, Some(first_aside.clone()));
    assert_eq!(fs::read(&first_aside).unwrap(), not_json);
    assert_eq!(applied.record.activations, vec![new.clone()]);
    assert_eq!(store.load(), Ok(applied.record));

    // Binary junk, with bytes that are not UTF-8 and a NUL: kept beside the first.
    let junk: Vec<u8> = vec![
        0xFF, 0xFE, 0x00, 0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0xC3,
    ];
    fs::write(store.path(), &junk).unwrap();
    let applied = store.apply(&[RecordChange::Add(new.clone())]).unwrap();
    assert_eq!(applied.kept_aside, Some(second_aside.clone()));
    assert_eq!(fs::read(&second_aside).unwrap(), junk);
    assert_eq!(
        fs::read(&first_aside).unwrap(),
        not_json,
        "the first is untouched"
    );

    // The next write is an ordinary one.
    let applied = store.apply(&[RecordChange::Add(new)]).unwrap();
    assert_eq!((applied.kept_aside, applied.changed), (None, 0));
}

#[test]
fn json_that_is_not_a_list_is_unreadable_and_a_list_keeps_what_it_does_not_understand() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    for text in [r#"{"activations": []}"#, "", "[1, 2", "\"just a string\""] {
        fs::write(store.path(), text).unwrap();
        assert_eq!(
            store.load(),
            Err(RecordError::Corrupt { kept_as: None }),
            "{text:?}"
        );
    }
    let known = serde_json::to_value(
        common::activation(100, IID, CID, Outcome::Activated).of_product(None, None),
    )
    .unwrap();
    let text = serde_json::json!([{"name": "x"}, 1, known, {"verdict": "superseded"}]).to_string();
    fs::write(store.path(), &text).unwrap();
    let record = store.load().unwrap();
    assert_eq!(record.activations.len(), 1);
    assert_eq!(
        record.unknown,
        vec![
            serde_json::json!({"name": "x"}),
            serde_json::json!(1),
            serde_json::json!({"verdict": "superseded"})
        ]
    );
    assert_eq!(fs::read_to_string(store.path()).unwrap(), text, "unchanged");
}

#[test]
fn adding_after_a_corrupt_record_starts_a_new_one_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    let junk = b"\x00\x01garbage{[".to_vec();
    fs::write(store.path(), &junk).unwrap();

    let new = common::activation(500, IID, CID, Outcome::Activated).of_product(Some(PRODUCT), None);
    assert_eq!(
        store.add(new.clone()),
        Err(RecordError::Corrupt {
            kept_as: Some(home.path().join("activations.json.unreadable"))
        })
    );
    assert_eq!(
        fs::read(home.path().join("activations.json.unreadable")).unwrap(),
        junk
    );
    assert_eq!(
        store.load().map(|r| r.activations),
        Ok(vec![new.clone()]),
        "the new record holds the new activation, and only it"
    );

    // The next add is an ordinary one.
    let other =
        common::activation(600, OTHER_IID, &cid(2), Outcome::Completed).of_product(None, None);
    let record = store.add(other.clone()).unwrap();
    assert_eq!(record.activations, vec![other, new]);
    assert_eq!(store.load(), Ok(record));
    assert_eq!(
        files_in(home.path()),
        [
            "activations.json",
            "activations.json.lock",
            "activations.json.unreadable"
        ]
    );
}

/// When the unreadable record cannot be moved aside (`kept_as: None`), nothing may be written
/// over it: the module's promise is that such a file is "never deleted or overwritten".
#[test]
fn a_corrupt_record_that_cannot_be_set_aside_is_not_overwritten_by_add() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    // Every name the record could be moved aside to is taken.
    fs::write(home.path().join("activations.json.unreadable"), "earlier").unwrap();
    for n in 2..1000 {
        fs::write(
            home.path().join(format!("activations.json.unreadable-{n}")),
            "earlier",
        )
        .unwrap();
    }
    let junk = b"{ the only copy of an old record, damaged".to_vec();
    fs::write(store.path(), &junk).unwrap();

    let result =
        store.add(common::activation(100, IID, CID, Outcome::Activated).of_product(None, None));
    assert_eq!(result, Err(RecordError::Corrupt { kept_as: None }));
    assert_eq!(
        String::from_utf8_lossy(&fs::read(store.path()).unwrap()),
        String::from_utf8_lossy(&junk),
        "the record that could not be read nor moved aside was overwritten"
    );
}

/// A record this user may not read (written by an elevated run, say) is not replaced by a new
/// one. Only meaningful when not running as root (root reads it anyway): then it returns early.
#[cfg(unix)]
#[test]
fn a_record_that_cannot_be_read_is_not_overwritten_by_add() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    let kept =
        record_of([common::activation(100, OTHER_IID, CID, Outcome::Activated)
            .of_product(Some(PRODUCT), None)]);
    store.apply(&additions(&kept)).unwrap();
    fs::set_permissions(store.path(), fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(store.path()).is_ok() {
        fs::set_permissions(store.path(), fs::Permissions::from_mode(0o600)).unwrap();
        println!("root reads any file: the unreadable case was not run");
        return;
    }
    let result =
        store.add(common::activation(200, IID, CID, Outcome::Activated).of_product(None, None));
    fs::set_permissions(store.path(), fs::Permissions::from_mode(0o600)).unwrap();
    assert!(
        matches!(result, Err(RecordError::Unreadable { .. })),
        "{result:?}"
    );
    assert_eq!(
        store.load(),
        Ok(kept),
        "the record that could not be read was overwritten"
    );
}

#[test]
fn adding_the_same_pair_again_does_not_rewrite_the_file_with_less() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    store
        .add(common::activation(100, IID, CID, Outcome::Activated).of_product(Some(PRODUCT), None))
        .unwrap();
    let record = store
        .add(common::activation(900, IID, CID, Outcome::Completed).of_product(None, None))
        .unwrap();
    assert_eq!(record.activations.len(), 1);
    assert_eq!(record.activations[0].outcome, Outcome::Activated);
    assert_eq!(record.activations[0].recorded_at, "1970-01-01T00:01:40Z");
    assert_eq!(store.load(), Ok(record));
}

// 3. Import merge.

#[test]
fn a_duplicate_pair_is_kept_once() {
    let mut record = ActivationRecord::default();
    let imported = ActivationRecord {
        activations: vec![
            common::activation(100, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None),
            common::activation(100, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None),
        ],
        ..Default::default()
    };
    assert_eq!(
        record.merge(imported.clone()),
        Merged {
            added: 1,
            left_out: 0
        }
    );
    assert_eq!(record.activations.len(), 1);

    // The same file again adds nothing.
    assert_eq!(
        record.merge(imported),
        Merged {
            added: 0,
            left_out: 0
        }
    );
    assert_eq!(
        record.activations,
        vec![common::activation(100, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None)]
    );

    // The same Installation ID with another Confirmation ID is another entry.
    let other_cid = cid(3);
    let merged = record.merge(record_of([common::activation(
        50,
        IID,
        &other_cid,
        Outcome::Completed,
    )
    .of_product(None, None)]));
    assert_eq!(merged.added, 1);
    assert_eq!(record.activations.len(), 2);
}

#[test]
fn an_unsound_entry_is_left_out_and_counted() {
    let wrong_check_digit = format!("{}{}", &IID[..6], '5'); // group 1 ends in 3
    let iid_wrong_check_digit = format!("{wrong_check_digit}{}", &IID[7..]);
    assert!(!InstallationId::from_typed(&iid_wrong_check_digit).is_valid());
    let cid_wrong_check_digit = format!("{}9{}", &CID[..5], &CID[6..]); // block A ends in 6
    assert!(!ConfirmationId::from_typed(&cid_wrong_check_digit).is_valid());
    let iid_too_short = &IID[..62];
    let cid_too_long = format!("{CID}{}", &CID[..6]);

    let good =
        common::activation(300, OTHER_IID, CID, Outcome::Activated).of_product(Some(PRODUCT), None);
    let bad = |installation_id: &str, confirmation_id: &str| Activation {
        recorded_at: "2026-01-01T00:00:00Z".into(),
        product: String::new(),
        activation_id: String::new(),
        installation_id: installation_id.into(),
        confirmation_id: confirmation_id.into(),
        outcome: Outcome::Completed,
        extra: Default::default(),
    };
    let imported = ActivationRecord {
        activations: vec![
            bad(&iid_wrong_check_digit, CID),
            good.clone(),
            bad(IID, &cid_wrong_check_digit),
            bad(iid_too_short, CID),
            bad(IID, &cid_too_long),
            bad("", CID),
        ],
        ..Default::default()
    };

    let mut record = ActivationRecord::default();
    assert_eq!(
        record.merge(imported),
        Merged {
            added: 1,
            left_out: 5
        }
    );
    assert_eq!(record.activations, vec![good]);
}

#[test]
fn a_more_telling_outcome_replaces_the_entry_but_keeps_the_product() {
    let mut kept =
        common::activation(100, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None);
    kept.activation_id = "55c92734-d682-4d71-983e-d6ec3f16059f".into();
    let mut record = record_of([kept.clone()]);

    let activated = common::activation(200, IID, CID, Outcome::Activated).of_product(None, None);
    assert_eq!(
        record.merge(record_of([activated.clone()])),
        Merged {
            added: 1,
            left_out: 0
        }
    );
    assert_eq!(record.activations.len(), 1);
    let entry = &record.activations[0];
    assert_eq!(entry.outcome, Outcome::Activated);
    assert_eq!(entry.recorded_at, activated.recorded_at);
    assert_eq!(entry.product, PRODUCT, "the product name is not lost");
    assert_eq!(entry.activation_id, kept.activation_id);

    // A new name wins over the old one.
    let mut renamed = common::activation(300, IID, CID, Outcome::Activated)
        .of_product(Some("Windows 11 Pro"), None);
    renamed.activation_id = String::new();
    record.merge(record_of([renamed]));
    assert_eq!(record.activations[0].product, "Windows 11 Pro");
    assert_eq!(record.activations[0].activation_id, kept.activation_id);

    // A completed typing, even a later one, says less than an activation.
    let later_typing =
        common::activation(900, IID, CID, Outcome::Completed).of_product(Some("Other"), None);
    assert_eq!(record.merge(record_of([later_typing])).added, 0);
    assert_eq!(record.activations[0].outcome, Outcome::Activated);
    assert_eq!(record.activations[0].product, "Windows 11 Pro");

    // A refusal says more than a typing and less than an activation.
    let mut typed = record_of([
        common::activation(100, OTHER_IID, CID, Outcome::Completed).of_product(None, None)
    ]);
    let refused = Outcome::Refused { code: 0xC004_F04D };
    typed.merge(record_of([
        common::activation(50, OTHER_IID, CID, refused).of_product(None, None)
    ]));
    assert_eq!(typed.activations[0].outcome, refused);
    typed.merge(record_of([common::activation(
        10,
        OTHER_IID,
        CID,
        Outcome::Activated,
    )
    .of_product(None, None)]));
    assert_eq!(typed.activations[0].outcome, Outcome::Activated);
    assert_eq!(typed.activations[0].recorded_at, "1970-01-01T00:00:10Z");
}

#[test]
fn remove_takes_out_exactly_one_pair() {
    let mut record = record_of([
        common::activation(100, IID, CID, Outcome::Completed).of_product(None, None),
        common::activation(200, IID, &cid(4), Outcome::Completed).of_product(None, None),
        common::activation(300, OTHER_IID, CID, Outcome::Completed).of_product(None, None),
    ]);
    assert!(record.remove(IID, CID));
    assert!(!record.remove(IID, CID), "already gone");
    assert_eq!(record.activations.len(), 2);
    assert!(
        record
            .activations
            .iter()
            .all(|a| !(a.installation_id == IID && a.confirmation_id == CID))
    );
}

// 4. Exact-IID match.

#[test]
fn an_installation_id_is_found_only_for_the_same_63_digits() {
    let record = record_of([
        common::activation(100, IID, &cid(5), Outcome::Completed).of_product(None, None),
        common::activation(300, IID, CID, Outcome::Activated).of_product(Some(PRODUCT), None),
        common::activation(200, OTHER_IID, &cid(6), Outcome::Activated).of_product(None, None),
    ]);

    // The same digits, however they are typed: the newest entry for them.
    for typed in [
        IID.to_string(),
        InstallationId::from_typed(IID).grouped(" "),
        InstallationId::from_typed(IID).grouped("-"),
    ] {
        let found = record
            .for_installation_id(&InstallationId::from_typed(&typed))
            .expect("found");
        assert_eq!(found.confirmation_id, CID, "{typed}");
        assert_eq!(found.product, PRODUCT);
    }
    assert_eq!(
        record
            .for_installation_id(&InstallationId::from_typed(OTHER_IID))
            .map(|a| a.confirmation_id.clone()),
        Some(cid(6))
    );

    // One digit changed so that group 1 fails.
    let inconsistent = format!("5{}", &IID[1..]);
    let typo = InstallationId::from_typed(&inconsistent);
    assert!(!typo.is_valid());
    assert_eq!(typo.bad_groups(), [1]);
    assert_eq!(record.for_installation_id(&typo), None);

    // One digit changed by 7 (8 -> 1, weight 2): every group still passes.
    let consistent = format!("{}1{}", &IID[..1], &IID[2..]);
    assert_eq!(&IID[1..2], "8");
    let typo = InstallationId::from_typed(&consistent);
    assert!(typo.is_valid(), "a change of 7 keeps the check digit");
    assert_eq!(record.for_installation_id(&typo), None);

    // And a change of 7 in the last group (9 -> 2 at weight 1).
    let last_group = 56;
    assert_eq!(&IID[last_group..last_group + 1], "9");
    let consistent = format!("{}2{}", &IID[..last_group], &IID[last_group + 1..]);
    let typo = InstallationId::from_typed(&consistent);
    assert!(typo.is_valid());
    assert_eq!(record.for_installation_id(&typo), None);

    // Nor a prefix.
    assert_eq!(
        record.for_installation_id(&InstallationId::from_typed(&IID[..56])),
        None
    );
    assert_eq!(
        ActivationRecord::default().for_installation_id(&InstallationId::from_typed(IID)),
        None
    );
}

// 5. Newest first; JSON and CSV.

#[test]
fn newest_first_after_adds_in_any_order() {
    let times = [300u64, 100, 500, 200, 400];
    let permutations: [[usize; 5]; 4] = [
        [0, 1, 2, 3, 4],
        [4, 3, 2, 1, 0],
        [1, 3, 0, 4, 2],
        [2, 0, 4, 1, 3],
    ];
    let mut records = Vec::new();
    for order in permutations {
        let record = record_of(order.iter().map(|&i| {
            common::activation(
                times[i] + 1_795_914_978,
                &iid(times[i]),
                &cid(times[i]),
                Outcome::Completed,
            )
            .of_product(None, None)
        }));
        let newest_first: Vec<String> = [500, 400, 300, 200, 100].map(iid).to_vec();
        let found: Vec<&str> = record
            .activations
            .iter()
            .map(|a| a.installation_id.as_str())
            .collect();
        assert_eq!(found, newest_first, "{order:?}");
        records.push(record);
    }
    assert!(records.windows(2).all(|pair| pair[0] == pair[1]));
    let times = recorded_times(&records[0]);
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);
    assert_eq!(times[0], "2026-11-29T01:24:38Z");
}

#[test]
fn parse_puts_the_newest_first_for_json_and_csv() {
    let oldest_first = vec![
        common::activation(1_000, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None),
        common::activation(3_000, OTHER_IID, &cid(7), Outcome::Activated).of_product(None, None),
        common::activation(
            2_000,
            &iid(8),
            &cid(8),
            Outcome::NotActivated { license_status: 5 },
        )
        .of_product(None, None),
    ];
    let json = serde_json::to_string(&oldest_first).unwrap();
    let from_json = ActivationRecord::parse(&json).unwrap();
    assert_eq!(
        recorded_times(&from_json),
        [
            "1970-01-01T00:50:00Z",
            "1970-01-01T00:33:20Z",
            "1970-01-01T00:16:40Z"
        ]
    );

    let csv = format!(
        "recorded_at,product,activation_id,installation_id,confirmation_id,verdict,code\r\n\
         1970-01-01T00:16:40Z,{PRODUCT:?},,{IID},{CID},completed,\r\n\
         1970-01-01T00:50:00Z,,,{OTHER_IID},{},activated,\r\n\
         1970-01-01T00:33:20Z,,,{},{},not_activated,5\r\n",
        cid(7),
        iid(8),
        cid(8)
    );
    let from_csv = ActivationRecord::parse(&csv).unwrap();
    assert_eq!(from_csv, from_json);
    assert_eq!(from_csv.activations[2].product, PRODUCT);
    assert_eq!(
        from_csv.activations[1].outcome,
        Outcome::NotActivated { license_status: 5 }
    );
}

#[test]
fn csv_round_trip_with_a_comma_and_a_double_quote_in_the_product() {
    let tricky = "Office 2021, \"Professional Plus\" edition";
    let mut refused = common::activation(
        200,
        OTHER_IID,
        &cid(9),
        Outcome::Refused { code: 0xC004_F031 },
    )
    .of_product(Some("Windows \"Home\""), None);
    refused.activation_id = "55c92734-d682-4d71-983e-d6ec3f16059f".into();
    let record = record_of([
        common::activation(100, IID, CID, Outcome::Activated).of_product(Some(tricky), None),
        refused,
        common::activation(
            300,
            &iid(10),
            &cid(10),
            Outcome::NotActivated { license_status: 2 },
        )
        .of_product(Some("a, b\r\nc"), None),
    ]);
    let csv = record.to_csv();
    assert!(
        csv.starts_with(
            "recorded_at,product,activation_id,installation_id,confirmation_id,verdict,code\r\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\"Office 2021, \"\"Professional Plus\"\" edition\""),
        "RFC 4180 quoting: {csv}"
    );
    assert!(csv.contains(",refused,0xC004F031\r\n"), "{csv}");
    assert_eq!(ActivationRecord::parse(&csv), Ok(record.clone()));
    assert_eq!(
        ActivationRecord::parse(&record.to_json()),
        Ok(record.clone())
    );
    // A spreadsheet's LF line ends read the same (outside the quoted product).
    assert_eq!(
        ActivationRecord::parse(&csv.replace(",\r\n", ",\n")),
        Ok(record)
    );
}

#[test]
fn an_empty_record_round_trips() {
    let empty = ActivationRecord::default();
    assert_eq!(ActivationRecord::parse(&empty.to_json()), Ok(empty.clone()));
    assert_eq!(ActivationRecord::parse(&empty.to_csv()), Ok(empty));
}

#[test]
fn parse_refuses_what_is_not_a_record() {
    let row = format!("2026-01-01T00:00:00Z,,,{IID},{CID},completed,");
    for text in [
        // Another header, or one without a column the record needs.
        format!("name,age\r\n{row}\r\n"),
        format!("recorded_at,product,activation_id,installation_id,verdict\r\n{row}\r\n"),
        // The right header with an unknown verdict: not every row is taken.
        format!(
            "recorded_at,product,activation_id,installation_id,confirmation_id,verdict,code\r\n{}\r\n",
            row.replace("completed", "maybe")
        ),
        // JSON that is not a list.
        r#"{"activations": []}"#.to_string(),
        "\"just a string\"".to_string(),
        String::new(),
    ] {
        assert_eq!(
            ActivationRecord::parse(&text),
            Err(RecordError::NotARecord),
            "{text}"
        );
    }
}

#[test]
fn a_csv_header_is_read_by_name_in_any_order_and_case_with_extra_columns() {
    let expected = record_of([
        common::activation(1_000, IID, CID, Outcome::Completed).of_product(Some(PRODUCT), None)
    ]);
    let dashed = InstallationId::from_typed(IID).grouped("-");
    for text in [
        format!(
            "Confirmation_ID,Installation ID,VERDICT,recorded_at,product,notes\r\n\
             {CID},{IID},completed,1970-01-01T00:16:40Z,\"{PRODUCT}\",x\r\n"
        ),
        format!(
            "recorded_at;installation_id;confirmation_id;verdict;product\n\
             1970-01-01T00:16:40Z; {dashed}; =\"{CID}\";completed; \"{PRODUCT}\"\n"
        ),
        format!(
            "recorded_at\tinstallation_id\tconfirmation_id\tverdict\tproduct\r\n\
             1970-01-01T01:16:40+01:00\t=\"{IID}\"\t'{CID}\tCompleted\t{PRODUCT}\r\n"
        ),
    ] {
        let imported = ActivationRecord::import(&text, SystemTime::now()).unwrap();
        assert_eq!(imported.left_out, [], "{text}");
        assert_eq!(imported.record, expected, "{text}");
    }
}

#[test]
fn an_id_a_spreadsheet_made_a_number_is_named() {
    let text = format!(
        "recorded_at,installation_id,confirmation_id,verdict\r\n\
         2026-01-01T00:00:00Z,4.89126E+62,{CID},completed\r\n"
    );
    let imported = ActivationRecord::import(&text, SystemTime::now()).unwrap();
    assert_eq!(
        imported.left_out,
        [record::LeftOut {
            place: record::Place::Line(2),
            why: record::LeftOutReason::IdMadeANumber
        }]
    );
}

#[test]
fn a_change_applied_to_the_file_is_merged_with_what_another_store_wrote() {
    let home = tempfile::tempdir().unwrap();
    let window = RecordStore::in_dir(home.path());
    let command_line = RecordStore::in_dir(home.path());
    let first = common::activation(100, IID, CID, Outcome::Completed).of_product(None, None);
    let second =
        common::activation(200, OTHER_IID, &cid(3), Outcome::Activated).of_product(None, None);
    let third =
        common::activation(300, &iid(4), &cid(4), Outcome::Activated).of_product(None, None);
    window.apply(&[RecordChange::Add(first.clone())]).unwrap();
    command_line
        .apply(&[RecordChange::Add(second.clone())])
        .unwrap();
    // The window removes its entry; the command line then adds another: the removal stays.
    window
        .apply(&[RecordChange::Remove {
            installation_id: first.installation_id.clone(),
            confirmation_id: first.confirmation_id.clone(),
        }])
        .unwrap();
    let Applied {
        record, changed, ..
    } = command_line
        .apply(&[RecordChange::Add(third.clone())])
        .unwrap();
    assert_eq!(changed, 1);
    assert_eq!(record.activations, vec![third, second]);
    assert_eq!(window.load(), Ok(record));
    // Nothing changed: nothing written.
    let before = fs::metadata(window.path()).unwrap().modified().unwrap();
    let applied = window
        .apply(&[RecordChange::Remove {
            installation_id: first.installation_id,
            confirmation_id: first.confirmation_id,
        }])
        .unwrap();
    assert_eq!(applied.changed, 0);
    assert_eq!(
        fs::metadata(window.path()).unwrap().modified().unwrap(),
        before
    );
}

// 6. A CSV saved by a Windows spreadsheet.

#[test]
fn a_utf16le_csv_with_a_byte_order_mark_reads_the_same_record() {
    let home = tempfile::tempdir().unwrap();
    let record = record_of([
        common::activation(1_795_914_978, IID, CID, Outcome::Activated)
            .of_product(Some("Windows(R), Professional エディション"), None),
        common::activation(
            1_741_064_767,
            OTHER_IID,
            &cid(11),
            Outcome::Refused { code: 0x8007_0005 },
        )
        .of_product(Some("Office \"LTSC\""), None),
    ]);
    let csv = record.to_csv();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(csv.encode_utf16().flat_map(u16::to_le_bytes));
    let path = home.path().join("activations.csv");
    fs::write(&path, &bytes).unwrap();
    let read = |path: &Path| record::read_file(path, SystemTime::now()).map(|i| i.record);
    assert_eq!(read(&path), Ok(record.clone()));

    // UTF-16BE with its mark.
    let mut be = vec![0xFE, 0xFF];
    be.extend(csv.encode_utf16().flat_map(u16::to_be_bytes));
    fs::write(&path, &be).unwrap();
    assert_eq!(read(&path), Ok(record.clone()));

    // UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it, and without.
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend(csv.as_bytes());
    fs::write(&path, &utf8).unwrap();
    assert_eq!(read(&path), Ok(record.clone()));
    fs::write(&path, csv.as_bytes()).unwrap();
    assert_eq!(read(&path), Ok(record));
}

#[test]
fn read_file_of_a_missing_file_is_unreadable() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("nothing.json");
    let error = record::read_file(&path, SystemTime::now()).expect_err("no such file");
    assert!(matches!(error, RecordError::Unreadable { .. }), "{error:?}");
    assert_names(&error, &path, std::io::ErrorKind::NotFound);
}

/// An entry whose time is not one (an old version imported `9999-12-31` or `yesterday`) would
/// sort first forever and be offered on screen 1: it is kept in the file, unshown.
#[test]
fn an_entry_of_the_record_whose_time_is_not_one_is_kept_unshown() {
    let home = tempfile::tempdir().unwrap();
    let store = RecordStore::in_dir(home.path());
    let good = common::activation(100, IID, CID, Outcome::Activated).of_product(None, None);
    let mut undated = serde_json::to_value(
        common::activation(200, OTHER_IID, CID, Outcome::Activated).of_product(None, None),
    )
    .unwrap();
    undated["recorded_at"] = serde_json::json!("yesterday");
    let text = serde_json::to_string(&serde_json::json!([undated, good])).unwrap();
    fs::write(store.path(), &text).unwrap();
    let record = store.load().unwrap();
    assert_eq!(record.activations, vec![good.clone()]);
    assert_eq!(record.unknown, vec![undated.clone()]);
    assert_eq!(
        record.for_installation_id(&InstallationId::from_typed(OTHER_IID)),
        None,
        "never offered"
    );
    // A write keeps it as it was.
    let added =
        common::activation(300, &iid(12), &cid(12), Outcome::Completed).of_product(None, None);
    let applied = store.apply(&[RecordChange::Add(added)]).unwrap();
    assert_eq!(applied.record.unknown, vec![undated]);
}
