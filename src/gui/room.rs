//! How much room the window leaves a screen, in logical pixels after the zoom. Screens arrange
//! themselves by it: side by side where there is room, one under another where there is not,
//! with the whole page scrolling, so no digit and no control is ever cut off, from the
//! window's smallest size at the largest zoom up.

use iced::Size;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Room {
    pub width: f32,
    pub height: f32,
}

impl Room {
    pub fn new(size: Size) -> Room {
        Room {
            width: size.width,
            height: size.height,
        }
    }

    /// What is left inside `by` pixels taken off each side.
    pub fn inside(self, by: f32) -> Room {
        Room {
            width: (self.width - 2.0 * by).max(0.0),
            height: (self.height - 2.0 * by).max(0.0),
        }
    }

    /// What is left beside something `width` wide (and the gap before it).
    pub fn beside(self, width: f32) -> Room {
        Room {
            width: (self.width - width).max(0.0),
            ..self
        }
    }

    /// Whether something this wide fits.
    pub fn fits(self, width: f32) -> bool {
        self.width >= width
    }

    /// How many items `item` wide, `gap` apart, fit on a line: at least one.
    pub fn per_line(self, item: f32, gap: f32) -> usize {
        (((self.width + gap) / (item + gap)).floor() as usize).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_per_line_count_the_gaps_between_them_only() {
        let room = Room::new(Size::new(650.0, 400.0));
        assert_eq!(room.per_line(210.0, 10.0), 3);
        assert_eq!(room.beside(1.0).per_line(210.0, 10.0), 2);
        assert_eq!(Room::new(Size::new(20.0, 10.0)).per_line(210.0, 10.0), 1);
        assert_eq!(room.inside(25.0), Room::new(Size::new(600.0, 350.0)));
    }
}
