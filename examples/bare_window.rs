//! A bare iced window built with the app's iced (the same crate features: tiny-skia, x11,
//! wayland, ...) and the app's window size and theme, showing one text and nothing else.
//! `scripts/bench_first_frame.sh` times its first painted frame against the app's.
//!
//! `cargo build --release --features bare-window` (a binary: see that feature in Cargo.toml)

use iced::widget::text;
use iced::{Element, Theme};

fn view(_: &()) -> Element<'_, ()> {
    text("Activation Companion").into()
}

fn main() -> iced::Result {
    iced::application(|| (), |_: &mut (), _: ()| {}, view)
        .title("bare window")
        .theme(|_: &()| Theme::Light)
        .window_size((1180.0, 800.0))
        .run()
}
