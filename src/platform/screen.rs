//! Where the window opens: the work area of the screen it appears on (the screen less the
//! taskbar), and the size and position that keep the whole window, title bar first, inside it.

/// A screen's work area (the screen less the taskbar and docked bars), in physical pixels of
/// the virtual desktop, with the screen's scale factor (1.0 at 96 DPI, 1.5 at 150 %).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkArea {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub scale: f64,
}

/// Where the window goes, in logical pixels (physical / scale): the size of its inside (what
/// the app draws in) and the position of its outer top-left corner (the title bar's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub width: f32,
    pub height: f32,
    pub x: f32,
    pub y: f32,
}

/// Room the window's frame takes around its inside, in logical pixels: Windows 10 and 11 draw
/// a title bar of about 31 px and resize borders of about 8 px (invisible on the sides and
/// the bottom). Reserved so that the outer window, not only its inside, fits the work area.
pub const FRAME_WIDTH: f32 = 16.0;
pub const FRAME_HEIGHT: f32 = 40.0;

/// The window's size and position inside `area`: the `wanted` inside size (logical px),
/// shrunk to what fits with the frame, never below `minimum`, and the outer window centred in
/// the work area. When even the minimum does not fit (a 1024x768 screen at 150 % is 683x512
/// logical), the window starts at the work area's top-left corner: its title bar is on the
/// screen and can be grabbed, and the part that does not fit is below or to the right.
/// The position is never left of or above the work area, so never negative on a screen that
/// starts at 0.
pub fn place(area: WorkArea, wanted: (f32, f32), minimum: (f32, f32)) -> Placement {
    let scale = if area.scale.is_finite() && area.scale >= 0.5 {
        area.scale
    } else {
        1.0
    };
    let logical = |physical: f64| (physical / scale) as f32;
    let (left, top) = (logical(f64::from(area.x)), logical(f64::from(area.y)));
    let (room_width, room_height) = (
        logical(f64::from(area.width)),
        logical(f64::from(area.height)),
    );
    // The inside: what is wanted, within what the work area leaves beside the frame, never
    // below the minimum. Whole logical pixels, so the window does not blur on a fraction.
    let fit = |wanted: f32, room: f32, frame: f32, minimum: f32| {
        wanted.min((room - frame).floor()).max(minimum)
    };
    let width = fit(wanted.0, room_width, FRAME_WIDTH, minimum.0);
    let height = fit(wanted.1, room_height, FRAME_HEIGHT, minimum.1);
    // The outer window centred; where it is larger than the work area, at its start.
    let centre =
        |start: f32, room: f32, outer: f32| start + ((room - outer) / 2.0).max(0.0).floor();
    Placement {
        width,
        height,
        x: centre(left, room_width, width + FRAME_WIDTH),
        y: centre(top, room_height, height + FRAME_HEIGHT),
    }
}

/// The work area of the screen the window will open on: the one under the mouse pointer
/// (where the user just double-clicked or typed), else the primary one. `None` where the OS
/// does not say (other OSes: the toolkit then centres the window itself).
pub fn work_area() -> Option<WorkArea> {
    #[cfg(windows)]
    {
        windows_work_area()
    }
    #[cfg(not(windows))]
    {
        None
    }
}

#[cfg(windows)]
fn windows_work_area() -> Option<WorkArea> {
    use windows_sys::Win32::Foundation::{POINT, RECT};
    use windows_sys::Win32::Graphics::Gdi::{
        GetDC, GetDeviceCaps, GetMonitorInfoW, HMONITOR, LOGPIXELSX, MONITOR_DEFAULTTOPRIMARY,
        MONITORINFO, MonitorFromPoint, ReleaseDC,
    };
    use windows_sys::Win32::System::LibraryLoader::{
        GetModuleHandleW, GetProcAddress, LoadLibraryW,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::GetCursorPos;

    /// DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2.
    const PER_MONITOR_AWARE_V2: isize = -4;
    /// MDT_EFFECTIVE_DPI.
    const EFFECTIVE_DPI: i32 = 0;
    type SetContext = unsafe extern "system" fn(isize) -> i32;
    type GetDpiForMonitor = unsafe extern "system" fn(HMONITOR, i32, *mut u32, *mut u32) -> i32;

    let wide = |name: &str| name.encode_utf16().chain([0]).collect::<Vec<u16>>();
    // SAFETY: Win32 calls with valid pointers to locals; the function pointers are looked up
    // by their documented names and called with their documented signatures.
    unsafe {
        // Per-monitor DPI awareness, as the toolkit (winit) sets it a moment later anyway, so
        // the work area comes in physical pixels; looked up because Windows 10 1703 added it
        // (on older systems the coordinates are the scaled ones, with a scale of 1).
        let user32 = GetModuleHandleW(wide("user32.dll").as_ptr());
        if !user32.is_null()
            && let Some(set) =
                GetProcAddress(user32, c"SetProcessDpiAwarenessContext".as_ptr().cast())
        {
            let set: SetContext = std::mem::transmute(set);
            set(PER_MONITOR_AWARE_V2);
        }
        let mut cursor = POINT { x: 0, y: 0 };
        if GetCursorPos(&mut cursor) == 0 {
            cursor = POINT { x: 0, y: 0 };
        }
        let monitor = MonitorFromPoint(cursor, MONITOR_DEFAULTTOPRIMARY);
        if monitor.is_null() {
            return None;
        }
        let mut info: MONITORINFO = std::mem::zeroed();
        info.cbSize = std::mem::size_of::<MONITORINFO>() as u32;
        if GetMonitorInfoW(monitor, &mut info) == 0 {
            return None;
        }
        let RECT {
            left,
            top,
            right,
            bottom,
        } = info.rcWork;
        // The monitor's DPI (Windows 8.1's shcore), else the system's.
        let mut dpi = 0u32;
        let shcore = LoadLibraryW(wide("shcore.dll").as_ptr());
        if !shcore.is_null()
            && let Some(get) = GetProcAddress(shcore, c"GetDpiForMonitor".as_ptr().cast())
        {
            let get: GetDpiForMonitor = std::mem::transmute(get);
            let mut dpi_y = 0u32;
            if get(monitor, EFFECTIVE_DPI, &mut dpi, &mut dpi_y) != 0 {
                dpi = 0;
            }
        }
        if dpi == 0 {
            let screen = GetDC(std::ptr::null_mut());
            if !screen.is_null() {
                dpi = u32::try_from(GetDeviceCaps(screen, LOGPIXELSX as i32)).unwrap_or(0);
                ReleaseDC(std::ptr::null_mut(), screen);
            }
        }
        let width = u32::try_from(right - left).ok().filter(|&w| w > 0)?;
        let height = u32::try_from(bottom - top).ok().filter(|&h| h > 0)?;
        Some(WorkArea {
            x: left,
            y: top,
            width,
            height,
            scale: if dpi == 0 { 1.0 } else { f64::from(dpi) / 96.0 },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WANTED: (f32, f32) = (1180.0, 800.0);
    const MINIMUM: (f32, f32) = (800.0, 600.0);

    fn screen(width: u32, height: u32, scale: f64) -> WorkArea {
        WorkArea {
            x: 0,
            y: 0,
            width,
            height,
            scale,
        }
    }

    /// The outer window (logical px) lies inside the work area, or starts at its corner.
    fn inside(area: WorkArea, placed: Placement) -> bool {
        let right = (f64::from(area.x) + f64::from(area.width)) / area.scale;
        let bottom = (f64::from(area.y) + f64::from(area.height)) / area.scale;
        let (left, top) = (
            f64::from(area.x) / area.scale,
            f64::from(area.y) / area.scale,
        );
        let outer_right = f64::from(placed.x + placed.width + FRAME_WIDTH);
        let outer_bottom = f64::from(placed.y + placed.height + FRAME_HEIGHT);
        f64::from(placed.x) >= left.floor()
            && f64::from(placed.y) >= top.floor()
            && outer_right <= right + 1.0
            && outer_bottom <= bottom + 1.0
    }

    #[test]
    fn a_large_screen_gets_the_wanted_size_centred() {
        let placed = place(screen(2560, 1400, 1.0), WANTED, MINIMUM);
        assert_eq!(
            placed,
            Placement {
                width: 1180.0,
                height: 800.0,
                x: 682.0,
                y: 280.0
            }
        );
    }

    #[test]
    fn the_issues_screens_keep_the_title_bar_inside_the_work_area() {
        // The commonest laptop screens with a 40 px taskbar, and the scaled ones the issue names.
        for (width, height, scale) in [
            (1366, 728, 1.0),
            (1366, 768, 1.0),
            (1280, 680, 1.0),
            (1280, 720, 1.0),
            (1920, 1030, 1.5),
            (1920, 1080, 1.5),
            (1600, 860, 1.25),
            (1600, 900, 1.25),
            (1440, 860, 1.0),
            (2560, 1600, 2.0),
        ] {
            let area = screen(width, height, scale);
            let placed = place(area, WANTED, MINIMUM);
            assert!(inside(area, placed), "{area:?} -> {placed:?}");
            assert!(
                placed.width >= 800.0 && placed.height >= 600.0,
                "{placed:?}"
            );
        }
    }

    #[test]
    fn at_1366_by_768_the_window_is_shrunk_to_the_height_left_by_the_taskbar() {
        let placed = place(screen(1366, 728, 1.0), WANTED, MINIMUM);
        assert_eq!(
            placed,
            Placement {
                width: 1180.0,
                height: 688.0,
                x: 85.0,
                y: 0.0
            }
        );
    }

    #[test]
    fn a_screen_smaller_than_the_minimum_puts_the_title_bar_at_its_top_left() {
        // 1024x768 at 150 % is 683x512 logical: the minimum does not fit.
        for area in [
            screen(1024, 768, 1.5),
            screen(1024, 728, 1.5),
            screen(1280, 720, 2.0),
            screen(800, 600, 1.0),
            screen(640, 480, 1.0),
        ] {
            let placed = place(area, WANTED, MINIMUM);
            assert_eq!((placed.width, placed.height), MINIMUM, "{area:?}");
            assert!(placed.x >= 0.0 && placed.y >= 0.0, "{area:?} -> {placed:?}");
        }
        let placed = place(screen(1024, 768, 1.5), WANTED, MINIMUM);
        assert_eq!((placed.x, placed.y), (0.0, 0.0));
    }

    #[test]
    fn under_wine_at_1024_by_768_the_window_fills_the_screen_from_its_corner() {
        // The CI's Xvfb screen: before, the window was centred at x = -74.
        let placed = place(screen(1024, 768, 1.0), WANTED, MINIMUM);
        assert_eq!(
            placed,
            Placement {
                width: 1008.0,
                height: 728.0,
                x: 0.0,
                y: 0.0
            }
        );
    }

    #[test]
    fn a_work_area_that_does_not_start_at_zero_is_respected() {
        // A taskbar on the left or at the top, or a second screen left of the primary one.
        let area = WorkArea {
            x: -1920,
            y: 48,
            width: 1920,
            height: 1032,
            scale: 1.25,
        };
        let placed = place(area, WANTED, MINIMUM);
        assert!(inside(area, placed), "{placed:?}");
        assert!(placed.x >= -1536.0 && placed.y >= 38.4, "{placed:?}");
        let top = WorkArea {
            x: 0,
            y: 40,
            width: 1280,
            height: 680,
            scale: 1.0,
        };
        assert_eq!(place(top, WANTED, MINIMUM).y, 40.0);
    }

    #[test]
    fn a_scale_the_os_did_not_give_is_taken_as_one() {
        for scale in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let placed = place(screen(1024, 768, scale), WANTED, MINIMUM);
            assert_eq!(placed, place(screen(1024, 768, 1.0), WANTED, MINIMUM));
        }
    }

    mod property {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Any screen from 640x480 to 8K, any scale from 100 % to 300 %, any place in the
            /// virtual desktop: never below the minimum, never above or left of the work area,
            /// inside it whenever the minimum fits, and centred when it fits with room to spare.
            #[test]
            fn the_window_is_inside_the_work_area_at_every_scale(
                width in 640u32..7680,
                height in 480u32..4320,
                scale_percent in 100u32..=300,
                x in -4000i32..4000,
                y in -2000i32..2000,
            ) {
                let area = WorkArea { x, y, width, height, scale: f64::from(scale_percent) / 100.0 };
                let placed = place(area, WANTED, MINIMUM);
                let left = f64::from(x) / area.scale;
                let top = f64::from(y) / area.scale;
                prop_assert!(placed.width >= MINIMUM.0 && placed.height >= MINIMUM.1);
                prop_assert!(placed.width <= WANTED.0 && placed.height <= WANTED.1);
                prop_assert!(f64::from(placed.x) >= left - 1.0, "{:?}", placed);
                prop_assert!(f64::from(placed.y) >= top - 1.0, "{:?}", placed);
                let room = (f64::from(width) / area.scale, f64::from(height) / area.scale);
                if room.0 >= f64::from(MINIMUM.0 + FRAME_WIDTH)
                    && room.1 >= f64::from(MINIMUM.1 + FRAME_HEIGHT)
                {
                    prop_assert!(inside(area, placed), "{:?} -> {:?}", area, placed);
                }
            }
        }
    }
}
