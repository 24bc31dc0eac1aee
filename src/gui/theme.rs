//! Colours and widget styles. Light, high contrast; state is shown by colour *and* by a mark
//! or a word, never by colour alone.

use iced::widget::{button, container, text_input};
use iced::{Background, Border, Color, Element, Theme};

use super::qr_code::QrCode;
use crate::id::GroupState;
use crate::words::Text;

pub const OK: Color = Color::from_rgb(0.09, 0.48, 0.22);
pub const BAD: Color = Color::from_rgb(0.75, 0.11, 0.11);
pub const MUTED: Color = Color::from_rgb(0.38, 0.40, 0.44);
const BAD_BACKGROUND: Color = Color::from_rgb(1.0, 0.92, 0.92);
const OK_BACKGROUND: Color = Color::from_rgb(0.92, 0.98, 0.93);
const CARD: Color = Color::from_rgb(0.97, 0.97, 0.98);
const EDGE: Color = Color::from_rgb(0.78, 0.80, 0.84);

/// Space between a scroll area's content and its scrollbar. Every scrollbar in the window is
/// embedded (it takes its own space): a floating one covered the last characters of wrapped
/// sentences and the bottom of the product buttons.
pub const SCROLLBAR_GAP: f32 = 6.0;
/// What an embedded scrollbar takes from its content's width: the gap and iced's 10-pixel
/// bar.
pub const SCROLLBAR_ROOM: f32 = SCROLLBAR_GAP + 10.0;

pub fn theme() -> Theme {
    Theme::Light
}

pub fn state_color(state: GroupState) -> Color {
    match state {
        GroupState::Empty | GroupState::Incomplete => MUTED,
        GroupState::Consistent => OK,
        GroupState::Inconsistent => BAD,
    }
}

/// The word under a group or block: empty, typing, consistent, inconsistent.
pub fn state_mark(state: GroupState) -> Text {
    match state {
        GroupState::Empty => Text::Empty,
        GroupState::Incomplete => Text::Incomplete,
        GroupState::Consistent => Text::Consistent,
        GroupState::Inconsistent => Text::Inconsistent,
    }
}

fn state_background(state: GroupState) -> Color {
    match state {
        GroupState::Empty | GroupState::Incomplete => CARD,
        GroupState::Consistent => OK_BACKGROUND,
        GroupState::Inconsistent => BAD_BACKGROUND,
    }
}

/// A numbered IID group or a CID block's frame.
pub fn group_card(state: GroupState) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(state_background(state))),
        border: Border {
            color: state_color(state),
            width: 2.0,
            radius: 8.0.into(),
        },
        ..container::Style::default()
    }
}

pub fn panel(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(CARD)),
        border: Border {
            color: EDGE,
            width: 1.0,
            radius: 8.0.into(),
        },
        ..container::Style::default()
    }
}

/// White behind a QR code: its quiet zone.
fn qr_frame(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        ..container::Style::default()
    }
}

/// A QR code on white with the 4-module quiet zone scanners need (the code draws 2 modules of
/// it; the frame adds the other 2), `cell` pixels per module.
pub fn scannable<'a, Message: 'a>(code: &'a QrCode, cell: f32) -> Element<'a, Message> {
    container(code.view(cell))
        .padding(2.0 * cell)
        .style(qr_frame)
        .into()
}

pub fn warning(_: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb(1.0, 0.96, 0.85))),
        border: Border {
            color: Color::from_rgb(0.85, 0.6, 0.1),
            width: 1.0,
            radius: 6.0.into(),
        },
        ..container::Style::default()
    }
}

/// A CID box: a thick border in the block's state colour; a focused box gets a blue ring.
pub fn block_input(state: GroupState) -> impl Fn(&Theme, text_input::Status) -> text_input::Style {
    move |theme, status| {
        let mut style = text_input::default(theme, status);
        style.background = Background::Color(state_background(state));
        style.border = Border {
            color: match status {
                text_input::Status::Focused { .. } => Color::from_rgb(0.1, 0.35, 0.85),
                _ => state_color(state),
            },
            width: if matches!(status, text_input::Status::Focused { .. }) {
                4.0
            } else {
                2.0
            },
            radius: 6.0.into(),
        };
        style
    }
}

/// A tab of the step bar: the current one filled.
pub fn tab(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |theme, status| {
        if selected {
            button::primary(theme, status)
        } else {
            button::secondary(theme, status)
        }
    }
}
