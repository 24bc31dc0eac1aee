//! The engine's hot paths: reading IDs out of a big paste, checking one block as it is typed,
//! making the QR PNG, reading a Confirmation ID out of a copied portal page, and merging an
//! activation record carried from many PCs.
//!
//! Run: `cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3`.
//! Targets: `find_ids_1mb` < 5 ms, `block_check` < 100 ns, `qr_png` < 5 ms.

use std::hint::black_box;

use activation_companion::id::{
    ConfirmationId, InstallationId, block_state, find_installation_ids, read_confirmation_id,
};
use activation_companion::qr::Qr;
use activation_companion::record::{Activation, ActivationRecord, Outcome};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Recorded `slmgr /dti` output: one line with a published Windows 11 Installation ID.
const SLMGR_DTI_EN: &str = include_str!("../tests/fixtures/windows/slmgr_dti_en.txt");
/// Recorded `slmgr /dlv` output: version line, GUIDs, an Extended PID, rearm counts, the IID.
const SLMGR_DLV: &str = include_str!("../tests/fixtures/windows/slmgr_dlv_en.txt");
/// Recorded `slmgr /dti` output of a Japanese Windows: a localised label and sentence.
const SLMGR_DTI_JA: &str = include_str!("../tests/fixtures/windows/slmgr_dti_ja.txt");

/// The Installation ID a recorded output holds: its one run of 63 ASCII digits.
fn recorded_iid(recorded: &'static str) -> &'static str {
    let runs: Vec<&str> = recorded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 63)
        .collect();
    assert_eq!(runs.len(), 1, "a recorded output holds one IID");
    runs[0]
}

/// `recorded` with `other` in place of `own`, which it holds exactly once.
fn replaced(recorded: &str, own: &str, other: &str) -> String {
    assert_eq!(recorded.matches(own).count(), 1, "{own:?} once");
    recorded.replacen(own, other, 1)
}

/// Deterministic valid 63-digit IIDs, so a big paste is not one ID repeated. The check digit is
/// written out here: the last digit of every group is the sum of the other digits weighted
/// 1, 2, 1, 2… from the left, modulo 7.
fn iids(count: usize) -> Vec<String> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next_digit = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % 10) as u8
    };
    (0..count)
        .map(|_| {
            let mut id = String::with_capacity(63);
            for _ in 0..9 {
                let data: Vec<u8> = (0..6).map(|_| next_digit()).collect();
                let sum: u32 = data
                    .iter()
                    .zip([1, 2, 1, 2, 1, 2])
                    .map(|(&d, w)| u32::from(d) * w)
                    .sum();
                id.extend(data.iter().map(|&d| char::from(b'0' + d)));
                id.push(char::from(b'0' + (sum % 7) as u8));
            }
            id
        })
        .collect()
}

/// Recorded `slmgr /dlv` output with `iid` in place of its own, then a blank line (as between
/// outputs pasted one after another).
fn slmgr_dlv(iid: &str) -> String {
    replaced(SLMGR_DLV, recorded_iid(SLMGR_DLV), iid) + "\n"
}

/// Recorded Japanese `slmgr /dti` output with `iid` in full-width digits grouped by ideographic
/// spaces, and a full-width colon after the label (as a Japanese IME types them), then a blank
/// line.
fn japanese(iid: &str) -> String {
    let grouped: Vec<String> = iid
        .as_bytes()
        .chunks(7)
        .map(|group| {
            group
                .iter()
                .map(|d| char::from_u32(0xFF10 + u32::from(d - b'0')).unwrap())
                .collect()
        })
        .collect();
    let own = format!(": {}", recorded_iid(SLMGR_DTI_JA));
    let other = format!("\u{FF1A}{}", grouped.join("\u{3000}"));
    replaced(SLMGR_DTI_JA, &own, &other) + "\n"
}

/// About 1 MB of `slmgr /dlv` blocks; every `japanese_every`-th block Japanese (0: none).
fn paste(japanese_every: usize) -> (String, usize) {
    let ids = iids(2_000);
    let mut text = String::with_capacity(1_100_000);
    let mut count = 0;
    for (i, id) in ids.iter().enumerate() {
        if text.len() >= 1_000_000 {
            break;
        }
        if japanese_every > 0 && i % japanese_every == japanese_every - 1 {
            text.push_str(&japanese(id));
        } else {
            text.push_str(&slmgr_dlv(id));
        }
        count += 1;
    }
    (text, count)
}

fn find_ids(c: &mut Criterion) {
    let mut group = c.benchmark_group("find_ids_1mb");
    group.sample_size(20);
    let cases = [
        ("ascii_slmgr_dlv", paste(0)),
        // One block in 20 is Japanese (about 4 % of the bytes): the paste then goes through
        // normalisation.
        ("mixed_japanese_full_width", paste(20)),
    ];
    for (name, (text, count)) in &cases {
        // Measure real work: every ID is found, whole and valid.
        let found = find_installation_ids(text);
        assert_eq!(found.len(), *count, "{name}");
        assert!(found.iter().all(InstallationId::is_valid), "{name}");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| find_installation_ids(black_box(text))));
    }
    group.finish();
}

fn block_check(c: &mut Criterion) {
    c.bench_function("block_check", |b| {
        b.iter(|| block_state(black_box("154814")))
    });
}

fn qr_png(c: &mut Criterion) {
    let id = InstallationId::from_typed(recorded_iid(SLMGR_DTI_EN));
    assert!(id.is_valid());
    c.bench_function("qr_png", |b| {
        b.iter(|| {
            Qr::for_installation_id(black_box(&id))
                .expect("a valid IID makes a QR code")
                .to_png(8)
        })
    });
}

/// Baseline: the same ASCII megabyte with every IID replaced, so only the scan itself is timed.
fn scan_without_ids(c: &mut Criterion) {
    let block = slmgr_dlv("none");
    let no_ids = block.repeat(1_000_000 / block.len() + 1);
    assert!(find_installation_ids(&no_ids).is_empty());
    c.bench_function("probe_scan_without_ids", |b| {
        b.iter(|| find_installation_ids(black_box(&no_ids)))
    });
}

/// Pastes built for the slow paths: one endless chain of one-digit groups, and a megabyte of
/// groups that fail their check (each position is tried against every format's layout).
fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("find_ids_1mb_adversarial");
    group.sample_size(20);
    for (name, text) in [
        ("one_digit_groups", "1 ".repeat(500_000)),
        ("failing_groups", "1234567 ".repeat(125_000)),
    ] {
        assert_eq!(
            find_installation_ids(&text).len(),
            1,
            "{name}: one overlong run"
        );
        group.bench_function(name, |b| b.iter(|| find_installation_ids(black_box(&text))));
    }
    group.finish();
}

/// A published Confirmation ID, every block consistent.
const CID: &str = "426296483130829081394993064403777482905722580616";

/// The Confirmation ID as a copy of the portal's page gives it: a table of labelled blocks
/// among the page's words.
fn confirmation_id_from_a_copied_page(c: &mut Criterion) {
    let blocks: Vec<&str> = (0..8).map(|b| &CID[b * 6..b * 6 + 6]).collect();
    let page = format!(
        "Product Activation\nYour Confirmation ID\nA\tB\tC\tD\tE\tF\tG\tH\n{}\n\
         Enter the Confirmation ID on your device, then select Activate.\n",
        blocks.join("\t")
    );
    assert_eq!(
        read_confirmation_id(&page).map(|cid| cid.is_valid()),
        Ok(true)
    );
    c.bench_function("read_confirmation_id_copied_page", |b| {
        b.iter(|| read_confirmation_id(black_box(&page)))
    });
}

/// An administrator's import: the records of 1,000 offline PCs merged into one that holds
/// half of them already.
fn record_merge(c: &mut Criterion) {
    let cid = ConfirmationId::from_typed(CID);
    let ids = iids(1_000);
    let record = |range: std::ops::Range<usize>| {
        let mut record = ActivationRecord::default();
        for (n, iid) in ids[range].iter().enumerate() {
            record.add(
                Activation::of(
                    std::time::UNIX_EPOCH + std::time::Duration::from_secs(n as u64 * 3600),
                    &InstallationId::from_typed(iid),
                    &cid,
                    Outcome::Activated,
                )
                .of_product(Some("Windows(R), Professional edition"), None),
            );
        }
        record
    };
    let (kept, carried) = (record(0..500), record(0..1_000));
    let mut merged = kept.clone();
    assert_eq!(merged.merge(carried.clone()).added, 500);
    c.bench_function("record_merge_1000_pcs", |b| {
        b.iter(|| {
            let mut merged = kept.clone();
            merged.merge(black_box(carried.clone()))
        })
    });
}

criterion_group!(
    benches,
    find_ids,
    block_check,
    qr_png,
    scan_without_ids,
    adversarial,
    confirmation_id_from_a_copied_page,
    record_merge
);
criterion_main!(benches);
