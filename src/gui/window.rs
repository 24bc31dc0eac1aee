//! The window as it opens: its size and place on the screen it opens on, and its icon (title
//! bar, taskbar, Alt+Tab), the same pixels as the exe's, read from `data/icon.ico` (made by
//! `scripts/make_icon.py`).

use crate::platform;

/// The window's size when the screen has room for it (logical px).
pub const WINDOW_SIZE: (f32, f32) = (1180.0, 800.0);
/// Every screen is checked down to this size, at every zoom (tests/gui).
pub const MINIMUM_SIZE: (f32, f32) = (800.0, 600.0);

/// The window inside `area`, the work area of the screen it opens on (`platform::place`: its
/// title bar on the screen, its size what fits); centred by the toolkit where the OS did not
/// say. The app's icon in the title bar and the taskbar.
pub fn settings(area: Option<platform::WorkArea>) -> iced::window::Settings {
    let (size, position) = match area {
        Some(area) => {
            let placed = platform::place(area, WINDOW_SIZE, MINIMUM_SIZE);
            (
                iced::Size::new(placed.width, placed.height),
                iced::window::Position::Specific(iced::Point::new(placed.x, placed.y)),
            )
        }
        None => (
            iced::Size::new(WINDOW_SIZE.0, WINDOW_SIZE.1),
            iced::window::Position::Centered,
        ),
    };
    iced::window::Settings {
        size,
        min_size: Some(iced::Size::new(MINIMUM_SIZE.0, MINIMUM_SIZE.1)),
        position,
        icon: window_icon(),
        exit_on_close_request: false,
        ..iced::window::Settings::default()
    }
}

/// Creates iced's text system with the embedded fonts only, without reading the system's font
/// folders (a Japanese Windows has hundreds of font files, read whole before the first frame
/// otherwise). [`add_system_fonts_in_background`] adds them afterwards.
///
/// # Safety
/// Changes the process environment for a moment (`platform::without_system_fonts`): call it
/// before any other thread starts.
pub unsafe fn text_system_without_system_fonts() {
    use iced::advanced::graphics::text::font_system;
    // SAFETY: the caller guarantees no other thread runs.
    unsafe {
        platform::without_system_fonts(|| {
            let _ = font_system();
        })
    };
}

/// Starts a thread that adds the system's fonts to the text system, for text pasted in scripts
/// the embedded fonts lack; text already shaped is shaped again with them. Once per process.
///
/// The window calls it when its first frame is on screen (`Message::FirstFrame`), not before:
/// reading the font folders took a core from the first frame where two are shared with the
/// display server (~2 ms later on screen 1 with an ID), and on X11 the first thread a process
/// starts makes glibc lock every `getc` from then on, while iced's event loop reads the input
/// method's Compose file a character at a time (~13 million instructions, ~3 ms).
pub fn add_system_fonts_in_background() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        std::thread::spawn(|| {
            use iced::advanced::graphics::text::cosmic_text::fontdb;
            use iced::advanced::graphics::text::font_system;
            let mut system_fonts = fontdb::Database::new();
            system_fonts.load_system_fonts();
            let Ok(mut text_system) = font_system().write() else {
                return;
            };
            let database = text_system.raw().db_mut();
            for face in system_fonts.faces() {
                database.push_face_info(face.clone());
            }
            // A new version of the text system: iced shapes its text again, now with them.
            text_system.load_font(std::borrow::Cow::Owned(Vec::new()));
        });
    });
}

/// The app's icon for the window, its 64 px image; `None` only if the embedded file lost it.
pub fn window_icon() -> Option<iced::window::Icon> {
    let (rgba, size) = rgba_from_ico(include_bytes!("../../data/icon.ico"), 64)?;
    iced::window::icon::from_rgba(rgba, size, size).ok()
}

/// The `size` px image of an `.ico` holding 32-bit BMP images (as `scripts/make_icon.py`
/// writes them: a BITMAPINFOHEADER, then BGRA rows from the bottom up), as RGBA rows from the
/// top down. `None` if there is no such image or the file is cut short.
pub fn rgba_from_ico(ico: &[u8], size: u32) -> Option<(Vec<u8>, u32)> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(ico.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(ico.get(at..at + 4)?.try_into().ok()?));
    let count = usize::from(u16_at(4)?);
    let entry = (0..count).map(|i| 6 + 16 * i).find(|&entry| {
        ico.get(entry)
            .is_some_and(|&width| u32::from(width) == size)
            && u16_at(entry + 6) == Some(32)
    })?;
    let offset = usize::try_from(u32_at(entry + 12)?).ok()?;
    // BITMAPINFOHEADER: its own size, the width, twice the height (image and mask), 32 bits.
    let header = usize::try_from(u32_at(offset)?).ok()?;
    if u32_at(offset + 4)? != size || u32_at(offset + 8)? != 2 * size || u16_at(offset + 14)? != 32
    {
        return None;
    }
    let side = usize::try_from(size).ok()?;
    let pixels = ico.get(offset + header..offset + header + side * side * 4)?;
    let mut rgba = Vec::with_capacity(pixels.len());
    for row in pixels.chunks_exact(side * 4).rev() {
        for bgra in row.chunks_exact(4) {
            rgba.extend_from_slice(&[bgra[2], bgra[1], bgra[0], bgra[3]]);
        }
    }
    Some((rgba, size))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_1024_by_768_the_window_fits_with_its_title_bar_on_the_screen() {
        let area = platform::WorkArea {
            x: 0,
            y: 0,
            width: 1024,
            height: 768,
            scale: 1.0,
        };
        let window = settings(Some(area));
        assert_eq!(window.size, iced::Size::new(1008.0, 728.0));
        assert!(
            matches!(window.position, iced::window::Position::Specific(at) if at == iced::Point::ORIGIN),
            "{:?}",
            window.position
        );
        assert_eq!(window.min_size, Some(iced::Size::new(800.0, 600.0)));
        assert!(window.icon.is_some());
    }

    #[test]
    fn where_the_os_gives_no_work_area_the_toolkit_centres_the_window() {
        let window = settings(None);
        assert_eq!(window.size, iced::Size::new(1180.0, 800.0));
        assert!(matches!(window.position, iced::window::Position::Centered));
    }

    const ICO: &[u8] = include_bytes!("../../data/icon.ico");

    #[test]
    fn the_window_gets_the_exes_icon() {
        let (rgba, size) = rgba_from_ico(ICO, 64).unwrap();
        assert_eq!((rgba.len(), size), (64 * 64 * 4, 64));
        // The corners are transparent (a rounded tile); the middle is opaque.
        assert_eq!(rgba[3], 0);
        let middle = (32 * 64 + 32) * 4;
        assert_eq!(rgba[middle + 3], 255);
        // The top of the tile is the lighter blue (TILE_TOP), the bottom the darker: rows run
        // from the top down.
        let near_top = (4 * 64 + 32) * 4;
        let near_bottom = (59 * 64 + 32) * 4;
        assert!(
            rgba[near_top + 2] > rgba[near_bottom + 2],
            "{:?}",
            &rgba[near_top..near_top + 4]
        );
        assert!(window_icon().is_some());
    }

    #[test]
    fn a_missing_size_or_a_cut_file_gives_no_icon() {
        assert_eq!(rgba_from_ico(ICO, 100), None);
        assert_eq!(rgba_from_ico(&ICO[..ICO.len() / 2], 64), None);
        assert_eq!(rgba_from_ico(&[], 64), None);
    }
}
