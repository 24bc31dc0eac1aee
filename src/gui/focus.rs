//! The keyboard's focus: every button and checkbox can take it (iced's never do), Tab and
//! Shift+Tab go round every field and control and never off to nothing, and the control
//! with the focus is scrolled into sight and ringed.
//!
//! A control is made focusable by [`focusable`]; Enter or Space on it is the click the mouse
//! would give, so it does exactly what its button or checkbox does. The window's root
//! (`shortcuts`) moves the focus with [`step`].

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::operation::focusable::{self, Count};
use iced::advanced::widget::operation::scrollable::{AbsoluteOffset, Scrollable};
use iced::advanced::widget::operation::{Operation, Outcome};
use iced::advanced::widget::{Id, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::keyboard::{self, key::Named};
use iced::{Border, Color, Element, Event, Length, Rectangle, Renderer, Size, Task, Theme, Vector};

/// The ring around the control with the focus (the colour of a focused text field's ring).
const RING: Color = Color::from_rgb(0.1, 0.35, 0.85);
/// Room kept between a control scrolled into sight and the edge of its scroll area: above it,
/// enough for the label over a field (screen 3's block letters, 24 pixels and their gap, were
/// scrolled out of sight with the boxes in it); below it, for the mark under a field.
const MARGIN_BEFORE: f32 = 40.0;
const MARGIN_AFTER: f32 = 28.0;

/// A button that takes the keyboard's focus: iced's button, built the same way, and a stop
/// of the focus once it is put on screen.
pub fn button<'a, Message: Clone + 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Button<'a, Message> {
    Button {
        button: iced::widget::button(content),
        id: None,
    }
}

/// See [`button`].
pub struct Button<'a, Message> {
    button: iced::widget::Button<'a, Message>,
    id: Option<Id>,
}

impl<'a, Message: Clone + 'a> Button<'a, Message> {
    pub fn on_press(mut self, message: Message) -> Self {
        self.button = self.button.on_press(message);
        self
    }

    pub fn on_press_maybe(mut self, message: Option<Message>) -> Self {
        self.button = self.button.on_press_maybe(message);
        self
    }

    pub fn style(
        mut self,
        style: impl Fn(&Theme, iced::widget::button::Status) -> iced::widget::button::Style + 'a,
    ) -> Self {
        self.button = self.button.style(style);
        self
    }

    pub fn padding(mut self, padding: impl Into<iced::Padding>) -> Self {
        self.button = self.button.padding(padding);
        self
    }

    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.button = self.button.width(width);
        self
    }

    /// The id [`focus`] puts the keyboard on it by.
    pub fn id(mut self, id: impl Into<Id>) -> Self {
        self.id = Some(id.into());
        self
    }
}

impl<'a, Message: Clone + 'a> From<Button<'a, Message>> for Element<'a, Message> {
    fn from(button: Button<'a, Message>) -> Self {
        Element::new(Focusable {
            content: button.button.into(),
            id: button.id,
        })
    }
}

/// `content` (a checkbox, say) as a stop of the keyboard's focus.
pub fn focusable<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
) -> Element<'a, Message> {
    Element::new(Focusable {
        content: content.into(),
        id: None,
    })
}

struct Focusable<'a, Message> {
    content: Element<'a, Message>,
    id: Option<Id>,
}

#[derive(Debug, Default)]
struct State {
    focused: bool,
}

impl focusable::Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

impl<Message> Widget<Message, Theme, Renderer> for Focusable<'_, Message> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn size_hint(&self) -> Size<Length> {
        self.content.as_widget().size_hint()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        operation.focusable(
            self.id.as_ref(),
            layout.bounds(),
            tree.state.downcast_mut::<State>(),
        );
        operation.traverse(&mut |operation| {
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                operation,
            );
        });
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let state = tree.state.downcast_mut::<State>();
        match event {
            // The mouse is in use: the ring goes (a click elsewhere focuses a field itself).
            Event::Mouse(mouse::Event::ButtonPressed(_)) => state.focused = false,
            Event::Keyboard(keyboard::Event::KeyPressed {
                key: keyboard::Key::Named(Named::Enter | Named::Space),
                modifiers,
                ..
            }) if state.focused && !modifiers.command() && !modifiers.alt() => {
                // The click the mouse would give, at the control's centre: a press and a
                // release, each in a shell of its own (a captured press would stop the
                // release from reaching a button).
                let at = mouse::Cursor::Available(layout.bounds().center());
                for click in [
                    mouse::Event::ButtonPressed(mouse::Button::Left),
                    mouse::Event::ButtonReleased(mouse::Button::Left),
                ] {
                    let mut messages = Vec::new();
                    let mut own = Shell::new(&mut messages);
                    self.content.as_widget_mut().update(
                        &mut tree.children[0],
                        &Event::Mouse(click),
                        layout,
                        at,
                        renderer,
                        clipboard,
                        &mut own,
                        viewport,
                    );
                    for message in messages {
                        shell.publish(message);
                    }
                }
                shell.capture_event();
                shell.request_redraw();
                return;
            }
            _ => {}
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
        if tree.state.downcast_ref::<State>().focused {
            use iced::advanced::Renderer as _;
            renderer.fill_quad(
                renderer::Quad {
                    bounds: layout.bounds().expand(3.0),
                    border: Border {
                        color: RING,
                        width: 3.0,
                        radius: 8.0.into(),
                    },
                    ..renderer::Quad::default()
                },
                Color::TRANSPARENT,
            );
        }
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

/// Runs `operation` over `content`.
fn run(
    content: &mut Element<'_, impl Sized>,
    tree: &mut Tree,
    layout: Layout<'_>,
    renderer: &Renderer,
    operation: &mut dyn Operation,
) {
    content
        .as_widget_mut()
        .operate(tree, layout, renderer, operation);
}

/// Moves the focus to the next stop (or the previous one), round from the last to the first,
/// and scrolls it into sight. Returns whether anything can take the focus.
pub fn step<Message>(
    content: &mut Element<'_, Message>,
    tree: &mut Tree,
    layout: Layout<'_>,
    renderer: &Renderer,
    forward: bool,
) -> bool {
    let mut counting = Counting::default();
    run(content, tree, layout, renderer, &mut counting);
    let Count { focused, total } = counting.0;
    if total == 0 {
        return false;
    }
    let target = match (focused, forward) {
        (None, true) => 0,
        (None, false) => total - 1,
        (Some(at), true) => (at + 1) % total,
        (Some(at), false) => (at + total - 1) % total,
    };
    run(
        content,
        tree,
        layout,
        renderer,
        &mut FocusOnly { target, at: 0 },
    );
    reveal_now(content, tree, layout, renderer);
    true
}

/// Whether a stop has the focus.
pub fn has_focus<Message>(
    content: &mut Element<'_, Message>,
    tree: &mut Tree,
    layout: Layout<'_>,
    renderer: &Renderer,
) -> bool {
    let mut counting = Counting::default();
    run(content, tree, layout, renderer, &mut counting);
    counting.0.focused.is_some()
}

fn reveal_now<Message>(
    content: &mut Element<'_, Message>,
    tree: &mut Tree,
    layout: Layout<'_>,
    renderer: &Renderer,
) {
    let mut finding = FindScrolls::default();
    run(
        content,
        tree,
        layout,
        renderer,
        &mut iced::advanced::widget::operation::black_box(&mut finding),
    );
    run(
        content,
        tree,
        layout,
        renderer,
        &mut ApplyScrolls {
            scrolls: finding.scrolls,
            at: 0,
        },
    );
}

/// Focuses the field or control with this id and scrolls it into sight: what the window does
/// when it puts the keyboard somewhere itself.
pub fn focus<T: Send + 'static>(id: impl Into<Id>) -> Task<T> {
    iced::widget::operation::focus(id).chain(reveal())
}

/// Scrolls the stop with the focus into sight, in every scroll area around it.
pub fn reveal<T: Send + 'static>() -> Task<T> {
    iced::advanced::widget::operate::<()>(iced::advanced::widget::operation::then(
        FindScrolls::default(),
        |scrolls| ApplyScrolls { scrolls, at: 0 },
    ))
    .discard()
}

#[derive(Default)]
struct Counting(Count);

impl Operation for Counting {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(&mut self, _: Option<&Id>, _: Rectangle, state: &mut dyn focusable::Focusable) {
        if state.is_focused() {
            self.0.focused = Some(self.0.total);
        }
        self.0.total += 1;
    }
}

/// Focuses the stop numbered `target` (in the order of the tree) and no other.
struct FocusOnly {
    target: usize,
    at: usize,
}

impl Operation for FocusOnly {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation)) {
        operate(self);
    }

    fn focusable(&mut self, _: Option<&Id>, _: Rectangle, state: &mut dyn focusable::Focusable) {
        if self.at == self.target {
            state.focus();
        } else {
            state.unfocus();
        }
        self.at += 1;
    }
}

/// A scroll area met on the way down the tree: its number (in the order of the tree), its
/// viewport, its content's bounds and how far it is scrolled.
#[derive(Debug, Clone, Copy)]
struct Area {
    number: usize,
    viewport: Rectangle,
    content: Rectangle,
    offset: Vector,
}

/// Finds, for every scroll area around the stop with the focus, the offset that brings it
/// into sight.
#[derive(Default)]
struct FindScrolls {
    /// The scroll areas the tree is inside of, outermost first.
    around: Vec<Area>,
    /// The last scroll area met, whose content is traversed next.
    entering: Option<Area>,
    seen: usize,
    scrolls: Vec<(usize, AbsoluteOffset)>,
}

/// Scroll areas by number, and the offset each is to be scrolled to.
type Scrolls = Vec<(usize, AbsoluteOffset)>;

impl Operation<Scrolls> for FindScrolls {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<Scrolls>)) {
        let entered = self.entering.take();
        if let Some(area) = entered {
            self.around.push(area);
        }
        operate(self);
        if entered.is_some() {
            self.around.pop();
        }
    }

    fn scrollable(
        &mut self,
        _: Option<&Id>,
        viewport: Rectangle,
        content: Rectangle,
        offset: Vector,
        _: &mut dyn Scrollable,
    ) {
        self.entering = Some(Area {
            number: self.seen,
            viewport,
            content,
            offset,
        });
        self.seen += 1;
    }

    fn focusable(
        &mut self,
        _: Option<&Id>,
        bounds: Rectangle,
        state: &mut dyn focusable::Focusable,
    ) {
        self.entering = None;
        if !state.is_focused() {
            return;
        }
        // Innermost first: once an area is scrolled, the stop is where that area shows it,
        // which is what the area around it must bring into sight.
        let mut target = bounds;
        for area in self.around.iter().rev() {
            let offset = Vector::new(
                revealing(
                    area.offset.x,
                    area.viewport.x,
                    area.viewport.width,
                    area.content.width,
                    target.x,
                    target.width,
                ),
                revealing(
                    area.offset.y,
                    area.viewport.y,
                    area.viewport.height,
                    area.content.height,
                    target.y,
                    target.height,
                ),
            );
            if offset != area.offset {
                self.scrolls.push((
                    area.number,
                    AbsoluteOffset {
                        x: offset.x,
                        y: offset.y,
                    },
                ));
            }
            target = target - offset;
            target = target.intersection(&area.viewport).unwrap_or(area.viewport);
        }
    }

    fn finish(&self) -> Outcome<Scrolls> {
        Outcome::Some(self.scrolls.clone())
    }
}

/// How far to scroll along one axis so that `[start, start + length)` (in the content's own
/// position, before scrolling) is in sight: as little as possible from `offset`.
fn revealing(
    offset: f32,
    view_start: f32,
    view_length: f32,
    content_length: f32,
    start: f32,
    length: f32,
) -> f32 {
    let shown_from = view_start + offset;
    let wanted = if start - MARGIN_BEFORE < shown_from {
        start - MARGIN_BEFORE - view_start
    } else if start + length + MARGIN_AFTER > shown_from + view_length {
        start + length + MARGIN_AFTER - view_start - view_length
    } else {
        offset
    };
    wanted.clamp(0.0, (content_length - view_length).max(0.0))
}

/// Scrolls the areas [`FindScrolls`] chose.
struct ApplyScrolls {
    scrolls: Scrolls,
    at: usize,
}

impl<T> Operation<T> for ApplyScrolls {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }

    fn scrollable(
        &mut self,
        _: Option<&Id>,
        _: Rectangle,
        _: Rectangle,
        _: Vector,
        state: &mut dyn Scrollable,
    ) {
        if let Some((_, offset)) = self.scrolls.iter().find(|(number, _)| *number == self.at) {
            state.scroll_to(AbsoluteOffset {
                x: Some(offset.x),
                y: Some(offset.y),
            });
        }
        self.at += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::revealing;

    /// Screen 3 at 800 x 600 in Japanese: a paste put the keyboard on box A, and the page was
    /// scrolled so that the box stood 12 pixels under the top, its letter (24 pixels and a gap
    /// of 4 above it) out of sight. The letter stays in sight now, and so does the mark under a
    /// box brought up from below.
    #[test]
    fn a_field_scrolled_into_sight_keeps_its_label_and_mark_in_sight() {
        const LABEL: f32 = 24.0 + 4.0;
        const MARK: f32 = 4.0 + 14.0;
        // The view shows 300 pixels of a 1000-pixel page, scrolled down to 500; box A at 450.
        let offset = revealing(500.0, 0.0, 300.0, 1000.0, 450.0, 52.0);
        assert!(
            450.0 - offset >= LABEL,
            "the letter above box A is cut: {offset}"
        );
        // Box H below the view, at 900: its mark shows under it.
        let offset = revealing(0.0, 0.0, 300.0, 1000.0, 900.0, 52.0);
        assert!(
            offset + 300.0 >= 900.0 + 52.0 + MARK,
            "the mark under box H is cut: {offset}"
        );
    }
}
