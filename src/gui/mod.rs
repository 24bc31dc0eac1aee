//! Everything iced: the app state, one module per screen (each owning its messages, its
//! shortcuts, and telling the parent what to do next), the theme and the fonts. The words are
//! `crate::words`'; the engine never imports from here, and nothing here parses digits itself.

mod app;
pub mod confirmation;
mod focus;
pub mod fonts;
pub mod installation;
pub mod job;
pub mod qr_code;
pub mod question;
pub mod record;
pub mod room;
pub mod route;
mod shortcuts;
pub mod theme;
pub mod this_pc;
pub mod window;

pub use app::{App, Message, PAGE_SCROLL, Screen, StartOptions, Zoom};

use iced::futures::channel::oneshot;

use crate::centers::{self, ActivationCenter};
use crate::language::Language;
use crate::platform;
use crate::words::{self, Localized};

/// Why the window could not open.
#[derive(Debug)]
pub enum WindowError {
    /// No display to open it on (a Linux console or SSH session, or a display that is gone).
    NoDisplay {
        display: Option<String>,
    },
    Iced(iced::Error),
}

impl Localized for WindowError {
    fn message(&self, language: Language) -> String {
        match self {
            WindowError::NoDisplay { display } => words::no_display(display.as_deref(), language),
            WindowError::Iced(error) => words::window_failed(&error.to_string(), language),
        }
    }
}

/// Opens the window and runs until it is closed.
pub fn run(options: StartOptions) -> Result<(), WindowError> {
    if cfg!(all(unix, not(target_os = "macos")))
        && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .all(|name| std::env::var_os(name).is_none_or(|value| value.is_empty()))
    {
        return Err(WindowError::NoDisplay { display: None });
    }
    // SAFETY: no other thread runs yet: the window is the first thing the program starts.
    unsafe { window::text_system_without_system_fonts() };
    let mut application =
        iced::application(move || App::new(options.clone()), App::update, App::view)
            .title(App::title)
            .theme(|_: &App| theme::theme())
            .subscription(App::subscription)
            .scale_factor(App::scale_factor)
            .default_font(fonts::REGULAR)
            .window(window::settings(platform::work_area()));
    for font in fonts::all() {
        application = application.font(font);
    }
    // iced panics when it cannot create its event loop (a DISPLAY that is gone): that one
    // panic becomes `NoDisplay`; any other is reported as it was and continues unwinding.
    let panicked = std::sync::Arc::new(std::sync::Mutex::new(None::<String>));
    let previous_hook = std::panic::take_hook();
    let record = panicked.clone();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(mut slot) = record.lock() {
            *slot = Some(info.to_string());
        }
    }));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| application.run()));
    std::panic::set_hook(previous_hook);
    match result {
        Ok(result) => result.map_err(WindowError::Iced),
        Err(payload) => {
            let message = panicked.lock().ok().and_then(|mut slot| slot.take());
            match message {
                Some(message) if message.contains("Create event loop") => {
                    Err(WindowError::NoDisplay {
                        display: std::env::var("DISPLAY")
                            .or_else(|_| std::env::var("WAYLAND_DISPLAY"))
                            .ok(),
                    })
                }
                message => {
                    eprintln!("{}", message.unwrap_or_default());
                    std::panic::resume_unwind(payload)
                }
            }
        }
    }
}

/// This PC's own phone.inf (the most current list) over the bundled table; the bundled
/// table alone when the PC has none or it cannot be read.
pub fn phone_list() -> Vec<ActivationCenter> {
    match platform::read_this_pc_phone_inf().map(|bytes| centers::parse_phone_inf(&bytes)) {
        Some(Ok(rows)) if !rows.is_empty() => centers::prefer_this_pc(rows),
        _ => centers::bundled_centers().to_vec(),
    }
}

/// Settings for headless tests: the same embedded fonts as the window.
pub fn test_settings() -> iced::Settings {
    iced::Settings {
        fonts: fonts::all().into_iter().map(Into::into).collect(),
        default_font: fonts::REGULAR,
        ..iced::Settings::default()
    }
}

/// Runs blocking work (a save, a pause, the licensing service) on its own thread, so the
/// window never waits for it; `None` if that thread died. Nothing starts until the future is
/// first polled: a task that is dropped does nothing.
pub(crate) async fn off_the_ui_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (sender, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver.await.ok()
}
