//! Everything iced: the app state, one module per screen (each owning its messages and
//! telling the parent what to do next), the theme, the fonts and the translations.
//! The engine never imports from here; this module never parses digits itself.

mod app;
pub mod confirmation;
pub mod fonts;
pub mod i18n;
pub mod installation;
pub mod route;
mod shortcuts;
pub mod theme;
pub mod this_pc;

pub use app::{App, Message, Screen, Shortcut, StartOptions};

use std::future::Future;

use iced::futures::channel::oneshot;

/// Opens the window and runs until it is closed.
pub fn run(options: StartOptions) -> iced::Result {
    let mut application =
        iced::application(move || App::new(options.clone()), App::update, App::view)
            .title(App::title)
            .theme(|_: &App| theme::theme())
            .subscription(App::subscription)
            .scale_factor(App::scale_factor)
            .default_font(fonts::REGULAR)
            .window_size((1180.0, 800.0))
            .centered();
    for font in fonts::all() {
        application = application.font(font);
    }
    application.run()
}

/// Settings for headless tests: the same embedded fonts as the window.
pub fn test_settings() -> iced::Settings {
    iced::Settings {
        fonts: fonts::all().into_iter().map(Into::into).collect(),
        default_font: fonts::REGULAR,
        ..iced::Settings::default()
    }
}

/// Runs blocking work (a script, a pause) on its own thread, so the window never waits for it;
/// `None` if that thread died.
pub(crate) fn off_the_ui_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> impl Future<Output = Option<T>> {
    let (sender, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    async move { receiver.await.ok() }
}
