//! Where the window put every text and scroll area, read from the real view's layout, to check
//! that nothing a person must read is cut off: no text under a scrollbar, none off the window.

use iced::Rectangle;
use iced_test::Simulator;
use iced_test::selector::Candidate;

/// Every scrollbar is this wide (iced's default) and sits at the right or bottom edge.
const SCROLLBAR: f32 = 10.0;

#[derive(Debug, Default)]
pub struct Survey {
    /// Each text's content, layout bounds, and the part of it on screen (if any).
    pub texts: Vec<(String, Rectangle, Option<Rectangle>)>,
    /// Each scroll area's viewport and the bounds of its whole content.
    pub scrollables: Vec<(Rectangle, Rectangle)>,
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
                ..
            } => found.scrollables.push((bounds, content_bounds)),
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
            .filter(|(viewport, content)| {
                content.contains(text.position())
                    && seen.is_none_or(|seen| seen.intersects(viewport))
            })
            .min_by(|a, b| a.1.area().total_cmp(&b.1.area()))
            .copied()
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
                Some((viewport, _)) => {
                    if right > viewport.x + viewport.width - SCROLLBAR {
                        problems.push(format!("{content:?} runs under the vertical scrollbar"));
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
