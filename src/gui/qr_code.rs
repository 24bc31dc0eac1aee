//! A QR code on screen. The same pixels as iced's `qr_code` widget (its two modules of quiet
//! zone, the theme's text colour on its background, drawn once into a cached geometry), but
//! each rectangle of dark modules (`Qr::dark_areas`) is filled as one shape, not each module:
//! an Installation ID's code is 125 fills instead of 316 (~2 million instructions fewer in the
//! first frame).

use iced::widget::canvas::{self, Cache, Canvas, Geometry};
use iced::{Element, Point, Rectangle, Renderer, Size, Theme, Vector, mouse};

use crate::qr::{DarkArea, Qr};

/// The light modules around the code that this widget draws (the rest of the four a scanner
/// needs is the frame around it, `theme::scannable`), as iced's widget did.
const QUIET_ZONE: usize = 2;

/// A code to draw: its dark areas, and the geometry once drawn.
#[derive(Debug)]
pub struct QrCode {
    modules: usize,
    dark: Vec<DarkArea>,
    /// Drawn again only when the code's size changes (its cell size follows the window's room);
    /// not for another theme, as the window has one (`theme::theme`).
    cache: Cache,
}

impl QrCode {
    pub fn new(qr: &Qr) -> QrCode {
        QrCode {
            modules: qr.modules(),
            dark: qr.dark_areas(),
            cache: Cache::new(),
        }
    }

    /// The code with its two modules of quiet zone, `cell` pixels a module.
    pub fn view<'a, Message: 'a>(&'a self, cell: f32) -> Element<'a, Message> {
        let side = (self.modules + 2 * QUIET_ZONE) as f32 * cell;
        Canvas::new(Drawing { code: self, cell })
            .width(side)
            .height(side)
            .into()
    }
}

struct Drawing<'a> {
    code: &'a QrCode,
    cell: f32,
}

impl<Message> canvas::Program<Message> for Drawing<'_> {
    type State = ();

    fn draw(
        &self,
        _state: &(),
        renderer: &Renderer,
        theme: &Theme,
        bounds: Rectangle,
        _cursor: mouse::Cursor,
    ) -> Vec<Geometry> {
        let palette = theme.palette();
        let side = (self.code.modules + 2 * QUIET_ZONE) as f32;
        // In iced's order, scaled to modules, so every edge lands where its modules' did.
        let geometry = self.code.cache.draw(renderer, bounds.size(), |frame| {
            frame.scale(self.cell);
            frame.fill_rectangle(Point::ORIGIN, Size::new(side, side), palette.background);
            frame.translate(Vector::new(QUIET_ZONE as f32, QUIET_ZONE as f32));
            for area in &self.code.dark {
                frame.fill_rectangle(
                    Point::new(area.x as f32, area.y as f32),
                    Size::new(area.width as f32, area.height as f32),
                    palette.text,
                );
            }
        });
        vec![geometry]
    }
}
