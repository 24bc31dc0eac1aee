//! QR codes: what goes into them, and PNG export.
//!
//! The Installation ID is encoded as its digits only (no separators): QR's numeric mode keeps
//! the code small enough to scan from a laptop screen, and the portal takes the ID as one
//! string of digits, so nothing has to be retyped on the phone.

use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, GrayImage, ImageEncoder, Luma};
use qrcode::{EcLevel, QrCode};

use crate::id::{IdProblem, InstallationId};

/// White modules around the code that scanners need to find it (the standard's minimum).
pub const QUIET_ZONE_MODULES: u32 = 4;
/// The module sizes exported to PNG, in pixels: at least 8 so a phone scans it from paper or
/// a screen; at most 64, already a 2,100-pixel image for an Installation ID (a size with no
/// bound took gigabytes, then overflowed).
pub const MODULE_PIXELS: std::ops::RangeInclusive<u32> = 8..=64;

/// Why no QR code was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrError {
    /// Refused: a QR of a mistyped ID would carry the mistake to the phone.
    InvalidInstallationId(IdProblem),
    TooLong {
        bytes: usize,
    },
}

/// Dark modules side by side: a rectangle of them, in modules, its top-left one at (`x`, `y`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DarkArea {
    pub x: usize,
    pub y: usize,
    pub width: usize,
    pub height: usize,
}

/// A QR code ready to draw or export.
#[derive(Debug, Clone)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    modules: usize,
    /// Dark modules row by row.
    dark: Vec<bool>,
}

impl Qr {
    /// The IID's digits, for scanning into the portal. Refuses an ID that fails its checks.
    pub fn for_installation_id(id: &InstallationId) -> Result<Qr, QrError> {
        match id.problem() {
            Some(problem) => Err(QrError::InvalidInstallationId(problem)),
            None => Qr::for_text(id.digits()),
        }
    }

    /// Any text: a `tel:` URI, the portal URL.
    pub fn for_text(text: &str) -> Result<Qr, QrError> {
        // Level M survives a smudged or glaring screen and still fits 63 digits in version 2
        // (25 modules: big modules on screen, an easy scan).
        let code = QrCode::with_error_correction_level(text, EcLevel::M)
            .map_err(|_| QrError::TooLong { bytes: text.len() })?;
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Ok(Qr {
            modules: code.width(),
            dark,
        })
    }

    /// Modules per side, without the quiet zone.
    pub fn modules(&self) -> usize {
        self.modules
    }

    /// Whether the module in `row` and `column` (from the top left, without the quiet zone) is
    /// dark.
    pub fn is_dark(&self, column: usize, row: usize) -> bool {
        column < self.modules && row < self.modules && self.dark[row * self.modules + column]
    }

    /// The dark modules as rectangles that cover each of them once: each row's runs of dark
    /// modules, a run joined to the same run in the row above. The window fills one shape a
    /// rectangle before its first frame, each with its own path and set-up (~10,000
    /// instructions): the Installation ID's 316 dark modules make 125 rectangles.
    pub fn dark_areas(&self) -> Vec<DarkArea> {
        let mut areas = Vec::new();
        // The areas that reach the row above, which a run of this row may continue.
        let mut open: Vec<DarkArea> = Vec::new();
        for y in 0..self.modules {
            let mut continued = Vec::new();
            let mut x = 0;
            while x < self.modules {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let width = (x..self.modules)
                    .take_while(|&x| self.is_dark(x, y))
                    .count();
                let above = open.iter().position(|a| a.x == x && a.width == width);
                continued.push(match above {
                    Some(index) => {
                        let area = open.swap_remove(index);
                        DarkArea {
                            height: area.height + 1,
                            ..area
                        }
                    }
                    None => DarkArea {
                        x,
                        y,
                        width,
                        height: 1,
                    },
                });
                x += width;
            }
            areas.append(&mut open);
            open = continued;
        }
        areas.append(&mut open);
        areas
    }

    /// Black on white, with the quiet zone; `module_pixels` is brought into [`MODULE_PIXELS`].
    pub fn to_image(&self, module_pixels: u32) -> GrayImage {
        let module = module_pixels.clamp(*MODULE_PIXELS.start(), *MODULE_PIXELS.end());
        let modules = self.modules() as u32;
        let side = (modules + 2 * QUIET_ZONE_MODULES) * module;
        let dark = &self.dark;
        GrayImage::from_fn(side, side, |x, y| {
            let (mx, my) = (x / module, y / module);
            let inside = QUIET_ZONE_MODULES..QUIET_ZONE_MODULES + modules;
            let is_dark = inside.contains(&mx)
                && inside.contains(&my)
                && dark[((my - QUIET_ZONE_MODULES) * modules + (mx - QUIET_ZONE_MODULES)) as usize];
            Luma([if is_dark { 0 } else { 255 }])
        })
    }

    /// The image as PNG bytes. Encoded with the PNG encoder itself, not `write_to(..., Png)`:
    /// `write_to` picks the encoder at run time among every format `image` is built with (iced
    /// turns on all of them, AVIF's encoder included), so the executable kept megabytes of
    /// encoders whenever the optimiser did not fold that choice away.
    pub fn to_png(&self, module_pixels: u32) -> Vec<u8> {
        let image = self.to_image(module_pixels);
        let mut bytes = Vec::new();
        PngEncoder::new(&mut bytes)
            .write_image(
                image.as_raw(),
                image.width(),
                image.height(),
                ExtendedColorType::L8,
            )
            .expect("encoding a grayscale PNG into memory cannot fail");
        bytes
    }
}
