//! QR codes decode, as a phone would read them, to exactly what should reach the phone.

use activation_companion::id::InstallationId;
use activation_companion::qr::{MODULE_PIXELS, QUIET_ZONE_MODULES, Qr};

const WINDOWS_11: &str = "489126343257012289105546522085205332958764158851011127139061121";

fn decode(png: &[u8]) -> String {
    let image = image::load_from_memory(png).expect("a PNG").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        image.width() as usize,
        image.height() as usize,
        |x, y| image.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "exactly one QR code in the image");
    grids[0].decode().expect("the QR code decodes").1
}

#[test]
fn the_iid_qr_carries_its_digits_only() {
    let id = InstallationId::from_typed(&format!("Installation ID: {WINDOWS_11}"));
    let png = Qr::for_installation_id(&id).unwrap().to_png(8);
    assert_eq!(decode(&png), WINDOWS_11);
}

#[test]
fn grouped_input_still_encodes_digits_only() {
    let grouped = "4891263-4325701-2289105-5465220-8520533-2958764-1588510-1112713-9061121";
    let qr = Qr::for_installation_id(&InstallationId::from_typed(grouped)).unwrap();
    assert_eq!(decode(&qr.to_png(10)), WINDOWS_11);
}

#[test]
fn a_mistyped_iid_gets_no_qr() {
    let mut digits = WINDOWS_11.to_string();
    digits.replace_range(0..1, "5");
    assert!(Qr::for_installation_id(&InstallationId::from_typed(&digits)).is_err());
    assert!(Qr::for_installation_id(&InstallationId::from_typed(&WINDOWS_11[..60])).is_err());
}

#[test]
fn png_has_a_four_module_quiet_zone_and_big_modules() {
    let qr = Qr::for_text("tel:+81120801734").unwrap();
    let image = image::load_from_memory(&qr.to_png(1)).unwrap().to_luma8();
    let modules = qr.modules() as u32;
    let smallest = *MODULE_PIXELS.start();
    // Asked for 1 px, got the minimum of 8.
    assert_eq!(smallest, 8);
    assert_eq!(image.width(), (modules + 2 * QUIET_ZONE_MODULES) * smallest);
    // Asked for the most a u32 holds, got the largest size instead of an overflow.
    let largest = qr.to_image(u32::MAX);
    assert_eq!(
        largest.width(),
        (modules + 2 * QUIET_ZONE_MODULES) * MODULE_PIXELS.end()
    );
    let quiet = QUIET_ZONE_MODULES * smallest;
    for i in 0..image.width() {
        for edge in [0, quiet - 1, image.width() - quiet] {
            assert_eq!(image.get_pixel(i, edge).0[0], 255, "row {edge} is quiet");
            assert_eq!(image.get_pixel(edge, i).0[0], 255, "column {edge} is quiet");
        }
    }
    // The top-left finder pattern starts right after the quiet zone.
    assert_eq!(image.get_pixel(quiet, quiet).0[0], 0);
    assert_eq!(decode(&qr.to_png(8)), "tel:+81120801734");
}

#[test]
fn digits_are_encoded_in_numeric_mode() {
    // At level M, 63 digits fit version 2 (25 modules) only in numeric mode, which holds
    // exactly 63; as bytes they would need version 5 (37 modules).
    let qr = Qr::for_installation_id(&InstallationId::from_typed(WINDOWS_11)).unwrap();
    assert_eq!(qr.modules(), 25);
}

#[test]
fn the_dark_areas_cover_every_dark_module_once_and_nothing_else() {
    let id = InstallationId::from_typed(WINDOWS_11);
    for qr in [
        Qr::for_installation_id(&id).unwrap(),
        Qr::for_text("https://aka.ms/aoh").unwrap(),
    ] {
        let modules = qr.modules();
        let mut covered = vec![0; modules * modules];
        let areas = qr.dark_areas();
        for area in &areas {
            assert!(area.width > 0 && area.height > 0, "{area:?}");
            assert!(area.x + area.width <= modules && area.y + area.height <= modules);
            for row in area.y..area.y + area.height {
                for column in area.x..area.x + area.width {
                    covered[row * modules + column] += 1;
                }
            }
        }
        let mut dark = 0;
        for row in 0..modules {
            for column in 0..modules {
                let expected = usize::from(qr.is_dark(column, row));
                dark += expected;
                assert_eq!(
                    covered[row * modules + column],
                    expected,
                    "({column}, {row})"
                );
            }
        }
        // The point of them: far fewer shapes to fill than dark modules.
        assert!(
            areas.len() * 2 < dark,
            "{} areas for {dark} modules",
            areas.len()
        );
    }
}

#[test]
fn a_finder_pattern_is_five_areas() {
    let qr = Qr::for_installation_id(&InstallationId::from_typed(WINDOWS_11)).unwrap();
    // The top-left finder (7 x 7: a ring, a light ring, a 3 x 3 centre) and the light separator
    // beside and under it: its top and bottom edges, its two sides, its centre.
    let inside_finder = |area: &&activation_companion::qr::DarkArea| {
        area.x + area.width <= 7 && area.y + area.height <= 7
    };
    let finder: Vec<_> = qr
        .dark_areas()
        .into_iter()
        .filter(|a| inside_finder(&a))
        .collect();
    assert_eq!(finder.len(), 5, "{finder:?}");
    assert!(!qr.is_dark(7, 0) && !qr.is_dark(0, 7) && !qr.is_dark(qr.modules(), 0));
}
