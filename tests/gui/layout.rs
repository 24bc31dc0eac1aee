//! Where the window put every text and scroll area, read from the real view's layout, to check
//! that nothing a person must read is cut off: no text under a scrollbar, none off the window,
//! no digit of an ID squeezed out of its card or box, and every QR code whole enough to scan.

use activation_companion::gui;
use iced::Rectangle;
use iced_test::Simulator;
use iced_test::selector::Candidate;

/// Every scrollbar is this wide (iced's default) and sits at the right or bottom edge.
const SCROLLBAR: f32 = 10.0;

#[derive(Debug, Default)]
pub struct Survey {
    /// Each text's content, layout bounds, and the part of it on screen (if any).
    pub texts: Vec<(String, Rectangle, Option<Rectangle>)>,
    /// Each scroll area's viewport, the bounds of its whole content, and the part of the
    /// viewport on screen (a scroll area inside another may be scrolled out of sight).
    pub scrollables: Vec<(Rectangle, Rectangle, Option<Rectangle>)>,
    /// Each text field's value and bounds.
    pub fields: Vec<(String, Rectangle)>,
}

/// Walks the whole widget tree once, collecting texts and scroll areas.
pub fn survey<Message>(ui: &mut Simulator<'_, Message>) -> Survey {
    let mut found = Survey::default();
    // A selector that never selects visits every widget; it collects as it goes.
    let _ = ui.find(|candidate: Candidate<'_>| -> Option<()> {
        match candidate {
            Candidate::Text {
                bounds,
                visible_bounds,
                content,
                ..
            } => found
                .texts
                .push((content.to_string(), bounds, visible_bounds)),
            Candidate::Scrollable {
                bounds,
                content_bounds,
                visible_bounds,
                ..
            } => found
                .scrollables
                .push((bounds, content_bounds, visible_bounds)),
            Candidate::TextInput { bounds, state, .. } => {
                found.fields.push((state.text().to_string(), bounds));
            }
            _ => {}
        }
        None
    });
    found
}

impl Survey {
    /// The innermost scroll area whose content holds the text: the text lies in the content's
    /// bounds and is either scrolled out of sight or seen through that area's viewport (a
    /// content's bounds reach below its viewport, over whatever comes after it).
    fn scrollable_of(
        &self,
        text: &Rectangle,
        seen: Option<Rectangle>,
    ) -> Option<(Rectangle, Rectangle)> {
        self.scrollables
            .iter()
            .filter(|(_, content, on_screen)| {
                content.contains(text.position())
                    && match (seen, on_screen) {
                        (Some(seen), Some(on_screen)) => seen.intersects(on_screen),
                        (Some(_), None) => false,
                        (None, _) => true,
                    }
            })
            .min_by(|a, b| a.1.area().total_cmp(&b.1.area()))
            .map(|&(viewport, content, _)| (viewport, content))
    }

    /// Sentences a person cannot read in full: under a scrollbar, or past the window's edge.
    pub fn cut_off(&self, window: (f32, f32)) -> Vec<String> {
        let (width, height) = window;
        let mut problems = Vec::new();
        for (content, bounds, seen) in &self.texts {
            if content.trim().is_empty() {
                continue;
            }
            let right = bounds.x + bounds.width;
            let bottom = bounds.y + bounds.height;
            match self.scrollable_of(bounds, *seen) {
                // Scrolling sideways: the text may go on to the right, but not under the bar.
                Some((viewport, whole)) if whole.width > viewport.width + 0.5 => {
                    if bottom > viewport.y + viewport.height - SCROLLBAR {
                        problems.push(format!("{content:?} runs under the horizontal scrollbar"));
                    }
                }
                // Scrolling down, or not at all (iced draws no bar, and gives its room to the
                // content, when everything fits).
                Some((viewport, whole)) => {
                    let scrolls = whole.height > viewport.height + 0.5;
                    let edge = viewport.x + viewport.width - if scrolls { SCROLLBAR } else { 0.0 };
                    if right > edge + 0.5 {
                        problems.push(format!(
                            "{content:?} runs past its scroll area's edge (or under its bar) at {bounds:?}"
                        ));
                    }
                }
                None => {
                    if right > width || bottom > height {
                        problems.push(format!("{content:?} runs off the window at {bounds:?}"));
                    }
                }
            }
        }
        for (value, bounds) in &self.fields {
            let inside = self.scrollable_of(bounds, None).is_some();
            if !inside && (bounds.x + bounds.width > width || bounds.y + bounds.height > height) {
                problems.push(format!(
                    "the field holding {value:?} runs off the window at {bounds:?}"
                ));
            }
        }
        problems
    }

    pub fn text(&self, content: &str) -> Option<Rectangle> {
        self.texts
            .iter()
            .find(|(text, ..)| text == content)
            .map(|(_, bounds, _)| *bounds)
    }
}

/// iced's default line height, as a multiple of the text size.
const LINE_HEIGHT: f32 = 1.3;

/// How wide `content` is on one line at `size`, in the window's bold font (what IDs are shown
/// in), measured by laying it out alone with all the room it wants.
pub fn natural_width(content: &str, size: f32) -> f32 {
    let text: iced::Element<'_, ()> = iced::widget::text(content.to_string())
        .size(size)
        .font(gui::fonts::BOLD)
        .wrapping(iced::widget::text::Wrapping::None)
        .into();
    let mut ui = Simulator::with_size(gui::test_settings(), (100_000.0, 2_000.0), text);
    ui.find(content)
        .expect("the text is laid out")
        .bounds()
        .width
}

impl Survey {
    /// Digits that do not fit where they are shown: a Confirmation ID box narrower than six
    /// digits (with its padding and caret), or an Installation ID group, or any other text
    /// that is nothing but digits, narrower than its digits on one line.
    pub fn squeezed_digits(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let six = natural_width("000000", gui::confirmation::BOX_TEXT_SIZE);
        for (value, bounds) in &self.fields {
            // A Confirmation ID box: its padding (6 each side), its caret (2).
            if value.is_empty() || value.bytes().all(|b| b.is_ascii_digit()) {
                let room = bounds.width - 2.0 * 6.0 - 2.0;
                if room + 0.5 < six {
                    problems.push(format!(
                        "a box of {} px holding {value:?} shows less than six digits ({six} px)",
                        bounds.width
                    ));
                }
            }
        }
        for (content, bounds, _) in &self.texts {
            if content.is_empty() || !content.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let size = bounds.height / LINE_HEIGHT;
            if size < 1.0 {
                problems.push(format!("{content:?} is squeezed to nothing: {bounds:?}"));
                continue;
            }
            let needed = natural_width(content, size);
            if bounds.width + 0.5 < needed {
                problems.push(format!(
                    "{content:?} at {size} px needs {needed} px and has {}",
                    bounds.width
                ));
            }
        }
        problems
    }

    /// Texts that should stay on one line (a button's label) but wrapped, at `size`.
    pub fn wrapped(&self, labels: &[&str], size: f32) -> Vec<String> {
        labels
            .iter()
            .filter_map(|label| {
                let bounds = self.text(label)?;
                (bounds.height > size * LINE_HEIGHT * 1.5)
                    .then(|| format!("{label:?} wraps onto {} px", bounds.height))
            })
            .collect()
    }
}
