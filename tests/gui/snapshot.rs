//! Snapshots of the window that hold on any machine yet fail on a real change.
//!
//! Two machines can rasterise the same frame with slightly different anti-aliasing where a
//! glyph or a shape meets the background, so byte equality (iced_test's `matches_image`) is too
//! strict. Here, a pixel that differs by more than [`FLAT_TOLERANCE`] is judged by where it is:
//!
//! - where both frames are flat around it (3×3 neighbourhoods of one colour), it is a changed
//!   colour: a real difference, however small;
//! - at an edge, it differs only when its colour cannot be a blend of the colours around the
//!   same place in the other frame: each channel must lie within that neighbourhood's range
//!   (minimum to maximum, widened by [`EDGE_TOLERANCE`]), checked in both directions.
//!
//! Edge pixels blended differently stay inside the range; a changed word (ink where there was
//! background, or background where there was ink), a widget moved by two pixels or more, or a
//! changed colour do not. `the_snapshot_comparison_*` in main.rs proves both sides.
//!
//! Snapshots are stored at the window's logical size (iced_test draws at scale 2), which is
//! what a person sees at 100 % and keeps the files small.

use std::path::{Path, PathBuf};

use iced::Theme;
use iced_test::Simulator;
use image::{Rgba, RgbaImage};

/// How far (0–255, per channel) a pixel may move where both frames are flat.
pub const FLAT_TOLERANCE: u8 = 4;
/// How far (0–255, per channel) an edge pixel may lie outside the other frame's range there.
pub const EDGE_TOLERANCE: u8 = 48;
/// Differing pixels tolerated before a snapshot counts as changed: fewer than a full stop.
pub const ALLOWED_PIXELS: usize = 8;

/// What a comparison found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    Same,
    /// The images have different sizes.
    Resized {
        expected: (u32, u32),
        actual: (u32, u32),
    },
    /// `pixels` pixels differ; `first` is the top-left-most, for the report.
    Changed {
        pixels: usize,
        first: (u32, u32),
    },
}

/// Renders the simulator's current frame at logical size.
pub fn capture<Message>(ui: &mut Simulator<'_, Message>) -> RgbaImage {
    let snapshot = ui
        .snapshot(&Theme::Light)
        .expect("the headless renderer draws");
    // iced_test hands out pixels only through a PNG it writes where none exists yet.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let stem = dir.path().join("frame");
    assert!(snapshot.matches_image(&stem).expect("the frame is written"));
    let written = std::fs::read_dir(dir.path())
        .expect("the temporary directory lists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "png"))
        .expect("iced_test wrote a PNG");
    let frame = image::open(&written).expect("the PNG reads").to_rgba8();
    halve(&frame)
}

/// From iced_test's scale 2 to the logical size: each 2×2 block averaged. A plain loop over
/// the bytes, because test code is not optimised.
fn halve(frame: &RgbaImage) -> RgbaImage {
    let (width, height) = (frame.width() / 2, frame.height() / 2);
    let row = frame.width() as usize * 4;
    let source = frame.as_raw();
    let mut halved = vec![0u8; width as usize * height as usize * 4];
    for (index, value) in halved.iter_mut().enumerate() {
        let (pixel, channel) = (index / 4, index % 4);
        let (x, y) = (pixel % width as usize, pixel / width as usize);
        let top = 2 * y * row + 8 * x + channel;
        let sum = u32::from(source[top])
            + u32::from(source[top + 4])
            + u32::from(source[top + row])
            + u32::from(source[top + row + 4]);
        *value = ((sum + 2) / 4) as u8;
    }
    RgbaImage::from_raw(width, height, halved).expect("the size matches")
}

/// Compares two frames; see the module documentation for what counts as a difference.
pub fn compare(expected: &RgbaImage, actual: &RgbaImage) -> Comparison {
    if expected.dimensions() != actual.dimensions() {
        return Comparison::Resized {
            expected: expected.dimensions(),
            actual: actual.dimensions(),
        };
    }
    if expected.as_raw() == actual.as_raw() {
        return Comparison::Same;
    }
    let mut pixels = 0;
    let mut first = None;
    for (x, y, pixel) in actual.enumerate_pixels() {
        let wanted = expected.get_pixel(x, y);
        if distance(pixel, wanted) > FLAT_TOLERANCE && differs(expected, actual, x, y) {
            pixels += 1;
            first.get_or_insert((x, y));
        }
    }
    match first {
        Some(first) if pixels > ALLOWED_PIXELS => Comparison::Changed { pixels, first },
        _ => Comparison::Same,
    }
}

/// The largest difference between two colours' channels.
fn distance(a: &Rgba<u8>, b: &Rgba<u8>) -> u8 {
    a.0.iter()
        .zip(b.0)
        .map(|(&a, b)| a.abs_diff(b))
        .max()
        .unwrap_or(0)
}

fn differs(expected: &RgbaImage, actual: &RgbaImage, x: u32, y: u32) -> bool {
    let (low_expected, high_expected) = neighbourhood(expected, x, y);
    let (low_actual, high_actual) = neighbourhood(actual, x, y);
    let flat =
        |low: [u8; 4], high: [u8; 4]| low.iter().zip(high).all(|(&l, h)| h - l <= FLAT_TOLERANCE);
    if flat(low_expected, high_expected) && flat(low_actual, high_actual) {
        return true;
    }
    let within = |pixel: &Rgba<u8>, low: [u8; 4], high: [u8; 4]| {
        pixel.0.iter().enumerate().all(|(channel, &value)| {
            value >= low[channel].saturating_sub(EDGE_TOLERANCE)
                && value <= high[channel].saturating_add(EDGE_TOLERANCE)
        })
    };
    !within(actual.get_pixel(x, y), low_expected, high_expected)
        || !within(expected.get_pixel(x, y), low_actual, high_actual)
}

/// Each channel's minimum and maximum over the 3×3 neighbourhood of (x, y).
fn neighbourhood(image: &RgbaImage, x: u32, y: u32) -> ([u8; 4], [u8; 4]) {
    let mut low = [u8::MAX; 4];
    let mut high = [u8::MIN; 4];
    for ny in y.saturating_sub(1)..=(y + 1).min(image.height() - 1) {
        for nx in x.saturating_sub(1)..=(x + 1).min(image.width() - 1) {
            for (channel, value) in image.get_pixel(nx, ny).0.into_iter().enumerate() {
                low[channel] = low[channel].min(value);
                high[channel] = high[channel].max(value);
            }
        }
    }
    (low, high)
}

/// Where a snapshot is stored: `tests/snapshots/<name>.png`.
pub fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.png"))
}

/// Checks every frame against its stored snapshot and reports all that differ at once, each
/// with a `.png.new` beside the stored one to look at. With `UPDATE_SNAPSHOTS=1` set, the
/// frames are stored instead.
pub fn assert_all(frames: &[(String, RgbaImage)]) {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for (name, frame) in frames {
        let stored = path(name);
        let new = stored.with_extension("png.new");
        if update {
            save(frame, &stored);
            let _ = std::fs::remove_file(&new);
            continue;
        }
        let verdict = match image::open(&stored) {
            Ok(expected) => compare(&expected.to_rgba8(), frame),
            Err(error) => {
                failures.push(format!("{name}: no stored snapshot ({error})"));
                continue;
            }
        };
        match verdict {
            Comparison::Same => {
                let _ = std::fs::remove_file(&new);
            }
            difference => {
                save(frame, &new);
                failures.push(format!("{name}: {difference:?}; see {}", new.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} snapshot(s) differ (after a deliberate change: UPDATE_SNAPSHOTS=1 cargo test --test gui, \
         then look at them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Writes a PNG compressed as tightly as the encoder can (the snapshots are committed).
fn save(frame: &RgbaImage, path: &Path) {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};

    let file =
        std::fs::File::create(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    PngEncoder::new_with_quality(
        std::io::BufWriter::new(file),
        CompressionType::Best,
        FilterType::Adaptive,
    )
    .write_image(
        frame.as_raw(),
        frame.width(),
        frame.height(),
        image::ExtendedColorType::Rgba8,
    )
    .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}
