//! The engine's hot paths: reading IDs out of a big paste, checking one block as it is typed,
//! and making the QR PNG.
//!
//! Run: `cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3`.
//! Targets: `find_ids_1mb` < 5 ms, `block_check` < 100 ns, `qr_png` < 5 ms.

use std::hint::black_box;

use activation_companion::id::{InstallationId, block_state, find_installation_ids};
use activation_companion::qr::Qr;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A valid 63-digit IID (published sample, activation-facts §3).
const IID: &str = "489126343257012289105546522085205332958764158851011127139061121";

/// Deterministic valid 63-digit IIDs, so a big paste is not one ID repeated. The check digit is
/// written out here from activation-facts §3 (weights 1, 2, 1, 2…, mod 7).
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

/// `slmgr /dlv` output: version line, GUIDs, an Extended PID, rearm counts, and the IID.
fn slmgr_dlv(iid: &str) -> String {
    format!(
        "Software licensing service version: 10.0.26100.4061\n\n\
         Name: Windows(R), Professional edition\n\
         Description: Windows(R) Operating System, RETAIL channel\n\
         Activation ID: 4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c\n\
         Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f\n\
         Extended PID: 03612-04921-000-000001-00-1033-26100.0000-2062025\n\
         Product Key Channel: Retail\n\
         Remaining Windows rearm count: 1001\n\
         Installation ID: {iid}\n\
         Use License URL: https://activation-v2.sls.microsoft.com/SLActivateProduct/SLActivateProduct.asmx?configextension=Retail\n\
         Partial Product Key: 3V66T\n\
         License Status: Licensed\n\
         Remaining Windows rearm count: 1001\n\
         Remaining SKU rearm count: 1001\n\
         Trusted time: 25/11/2026 09:20:27\n\n"
    )
}

/// Japanese lines: a localised label, full-width digits grouped by ideographic spaces.
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
    format!(
        "ライセンス認証の状態を確認します。\nインストール ID：{}\n\n\
         ライセンス認証の電話番号は、phone.inf ファイルで国または地域に対応する番号を検索して確認できます。\n\n",
        grouped.join("\u{3000}")
    )
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
        // One block in 20 is Japanese (about 3 % of the bytes): the paste then goes through
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
    let id = InstallationId::from_typed(IID);
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

criterion_group!(
    benches,
    find_ids,
    block_check,
    qr_png,
    scan_without_ids,
    adversarial
);
criterion_main!(benches);
