//! Keyboard shortcuts that win over the focused field.
//!
//! iced's text fields insert whatever printable text a key sends, Ctrl held or not, and on X11
//! Ctrl+1 sends "1": the Confirmation ID block with the focus got a "1" and the screen did not
//! change (Ctrl+2 and Ctrl+3 send control characters, which fields ignore). A keyboard
//! subscription only sees keys no widget used, so shortcuts are taken here instead, before any
//! field sees the key: a key that is a shortcut is never typed.
//!
//! Tab, Shift+Tab, and the arrows Down and Up while a field or control has the focus, move the
//! focus (see `focus`) when no widget used the key.

use iced::advanced::layout::{self, Layout};
use iced::advanced::widget::{Operation, Tree, tree};
use iced::advanced::{Clipboard, Shell, Widget, mouse, overlay, renderer};
use iced::keyboard::{self, Key, Modifiers, key::Named};

use super::focus;
use iced::{Element, Event, Length, Rectangle, Renderer, Size, Theme, Vector};

/// Wraps `content`; a key press for which `shortcut` gives a message publishes that message
/// and goes no further.
pub fn shortcuts<'a, Message: 'a>(
    content: impl Into<Element<'a, Message>>,
    shortcut: impl Fn(&Key, Modifiers) -> Option<Message> + 'a,
) -> Element<'a, Message> {
    Element::new(Shortcuts {
        content: content.into(),
        shortcut: Box::new(shortcut),
    })
}

/// A screen's shortcuts: a Ctrl key and its modifiers to the message it sends, if any.
type ShortcutMap<'a, Message> = Box<dyn Fn(&Key, Modifiers) -> Option<Message> + 'a>;

struct Shortcuts<'a, Message> {
    content: Element<'a, Message>,
    shortcut: ShortcutMap<'a, Message>,
}

impl<Message> Widget<Message, Theme, Renderer> for Shortcuts<'_, Message> {
    fn tag(&self) -> tree::Tag {
        self.content.as_widget().tag()
    }

    fn state(&self) -> tree::State {
        self.content.as_widget().state()
    }

    fn children(&self) -> Vec<Tree> {
        self.content.as_widget().children()
    }

    fn diff(&self, tree: &mut Tree) {
        self.content.as_widget().diff(tree);
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
        self.content.as_widget_mut().layout(tree, renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(tree, layout, renderer, operation);
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
        if let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event
            && let Some(message) = (self.shortcut)(key, *modifiers)
        {
            shell.publish(message);
            shell.capture_event();
            return;
        }
        self.content.as_widget_mut().update(
            tree, event, layout, cursor, renderer, clipboard, shell, viewport,
        );
        if shell.is_event_captured() {
            return;
        }
        let Event::Keyboard(keyboard::Event::KeyPressed {
            key: Key::Named(key),
            modifiers,
            ..
        }) = event
        else {
            return;
        };
        let forward = match key {
            Named::Tab => !modifiers.shift(),
            Named::ArrowDown | Named::ArrowUp
                if modifiers.is_empty()
                    && focus::has_focus(&mut self.content, tree, layout, renderer) =>
            {
                *key == Named::ArrowDown
            }
            _ => return,
        };
        if focus::step(&mut self.content, tree, layout, renderer, forward) {
            shell.capture_event();
            shell.request_redraw();
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content
            .as_widget()
            .mouse_interaction(tree, layout, cursor, viewport, renderer)
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
        self.content
            .as_widget()
            .draw(tree, renderer, theme, style, layout, cursor, viewport);
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        self.content
            .as_widget_mut()
            .overlay(tree, layout, renderer, viewport, translation)
    }
}
