//! Screen 1: the Installation ID made readable (large numbered groups, each checked) and
//! scannable (a QR of its digits), with a reading mode for the phone line.
//!
//! The IDs come from two places: the products read from this PC's licensing service (typed
//! values, each with its name and Activation ID) and whatever is pasted or typed into the box.
//! Both are offered side by side; neither ever overwrites the other.

use std::time::Duration;

use iced::keyboard::Key;
use iced::widget::text_editor::{self, Edit};
use iced::widget::{column, container, row, scrollable, text};
use iced::{Alignment, Element, Length, Task};

use super::focus::button;
use super::fonts;
use super::qr_code::QrCode;
use super::room::Room;
use super::theme;
use crate::id::{
    GroupState, IdKind, IdProblem, IidFormat, InstallationId, InstallationIds,
    read_installation_ids,
};
use crate::language::Language;
use crate::qr::Qr;
use crate::words::{self, Localized, Text};

pub const INPUT_ID: &str = "installation-id";

/// The most text the box holds: an ID with its context fits many times over. Longer text (a
/// huge paste, or text grown by edits) is replaced by the IDs found in it with their product
/// names, so the box, every frame and the saved session stay small, and a restart shows
/// exactly what was on screen.
pub const MAX_BOX_TEXT: usize = 16 * 1024;

/// The longest run of digits drawn as numbered groups (12 groups of 7): enough to find an
/// extra digit or two. Longer runs are not IDs being typed (1 MB of digits once made 150,000
/// cards and froze the window); they get a verdict and no cards.
pub const MAX_DIGITS_AS_GROUPS: usize = 12 * 7;

/// How long typing may pause before a short ID is called too short rather than in progress.
pub const TYPING_PAUSE: Duration = Duration::from_secs(3);

/// More products than any PC has: a paste with more IDs keeps the first ones.
const MAX_PRODUCTS: usize = 16;

#[derive(Debug, Clone)]
pub enum Message {
    Edited(text_editor::Action),
    Chose(usize),
    OpenReading,
    CloseReading,
    ReadNext,
    ReadPrevious,
    Copy(Copy),
    /// The user stopped typing after edit number `n` (sent `TYPING_PAUSE` after it).
    PausedAfter(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    Digits,
    Grouped,
}

/// What the parent should do after an update.
pub enum Action {
    None,
    /// The user changed something worth saving.
    Changed,
    /// The user typed or pasted (edit number `n`): save, and send `PausedAfter(n)` after
    /// `TYPING_PAUSE`; with `refocus`, give the box the keyboard back (its text was replaced).
    Typed {
        edit: u64,
        refocus: bool,
    },
    CopyToClipboard(String),
}

/// An Installation ID on offer, with the product it belongs to when that is known.
pub use crate::in_progress::Product;

/// What became of text too long for the box (said once, until the next edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LongText {
    /// Only the Installation IDs in it were kept, with their product names.
    KeptIds,
    /// It held no ID, only a run of this many digits: far too long to be one.
    DigitRun(usize),
    /// It held nothing like an ID.
    NothingFound,
    /// It held a slip where an ID would be (a letter for a digit, digits beside it): said,
    /// and nothing kept.
    Slip,
}

#[derive(Default)]
pub struct State {
    /// The paste box: multi-line, so pasted slmgr/ospp output shows as it is.
    editor: text_editor::Content,
    text: String,
    /// What the box's text holds, read when the text changes.
    reading: InstallationIds,
    /// Products read from this PC's licensing service.
    this_pc: Vec<Product>,
    /// Every ID on offer: this PC's products, then the box's IDs not among them.
    products: Vec<Product>,
    chosen: usize,
    /// The group shown alone in reading mode (0-based), when that mode is open.
    reading_group: Option<usize>,
    qr: Option<QrCode>,
    /// Edits so far, and whether the user has paused since the last one.
    edits: u64,
    paused: bool,
    long_text: Option<LongText>,
    /// A product key was taken out of the box's text (said until the next edit).
    key_taken_out: bool,
}

impl State {
    /// The box's text and the products read from this PC, as saved.
    pub fn new(text: &str, this_pc: Vec<Product>, chosen: usize) -> State {
        let mut state = State {
            chosen,
            paused: true,
            this_pc,
            ..State::default()
        };
        state.set_text(text.to_string());
        state
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn chosen(&self) -> usize {
        self.chosen
    }

    /// The products read from this PC.
    pub fn this_pc(&self) -> &[Product] {
        &self.this_pc
    }

    /// The product the user is working with.
    pub fn product(&self) -> Option<&Product> {
        self.products.get(self.chosen)
    }

    /// Its Installation ID.
    pub fn id(&self) -> Option<&InstallationId> {
        self.product().map(|product| &product.id)
    }

    pub fn is_reading(&self) -> bool {
        self.reading_group.is_some()
    }

    /// The products read from this PC that still need activating: offered first, the first of
    /// them chosen. An empty list leaves what is on offer as it is.
    pub fn show_this_pc(&mut self, products: Vec<Product>) {
        if products.is_empty() {
            return;
        }
        self.this_pc = products;
        self.chosen = 0;
        self.offer();
    }

    /// One product's Installation ID changed (Windows shows a new one): offer and choose it.
    pub fn replace_this_pc_id(&mut self, activation_id: &str, id: InstallationId) {
        let Some(index) = self
            .this_pc
            .iter()
            .position(|p| p.activation_id.as_deref() == Some(activation_id))
        else {
            return;
        };
        self.this_pc[index].id = id;
        self.chosen = index;
        self.offer();
    }

    fn set_text(&mut self, mut text: String) {
        // A product key has no place here: taken out, so it is never shown or saved.
        self.key_taken_out = false;
        while let Some(key) = crate::licensing::find_product_key(&text) {
            text.replace_range(key, "");
            self.key_taken_out = true;
        }
        let (text, reading, long_text) = if text.len() > MAX_BOX_TEXT {
            keep_only_ids(&text)
        } else {
            let reading = read_installation_ids(&text);
            (text, reading, None)
        };
        if self.editor.text() != text {
            self.editor = text_editor::Content::with_text(&text);
        }
        self.text = text;
        self.reading = reading;
        self.long_text = long_text;
        self.offer();
    }

    /// Puts this PC's products and the box's IDs on offer. Box IDs with a letter for a digit
    /// are fragments around that letter: only the letter is worth showing, so none is offered.
    fn offer(&mut self) {
        let from_box = self
            .reading
            .ids
            .iter()
            .filter(|_| self.reading.slip.is_none());
        let mut products = self.this_pc.clone();
        for id in from_box {
            if products.len() >= MAX_PRODUCTS {
                break;
            }
            if !products.iter().any(|p| p.id.digits() == id.digits()) {
                products.push(Product {
                    id: id.clone(),
                    name: id.label().map(str::to_string),
                    activation_id: None,
                });
            }
        }
        self.products = products;
        if self.chosen >= self.products.len() {
            self.chosen = 0;
        }
        self.refresh_qr();
    }

    fn refresh_qr(&mut self) {
        // Only a valid ID gets one: a QR of a mistyped ID would carry the mistake to the phone.
        self.qr = self
            .id()
            .and_then(|id| Qr::for_installation_id(id).ok())
            .map(|qr| QrCode::new(&qr));
        if let Some(reading) = self.reading_group {
            let groups = self.id().map_or(0, |id| id.groups().len());
            self.reading_group = (groups > 0).then(|| reading.min(groups - 1));
        }
    }

    /// Whether the chosen ID is the one being typed into the box.
    fn chosen_is_typed(&self) -> bool {
        self.reading.typed && self.chosen >= self.this_pc.len()
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Edited(action) => {
                if !action.is_edit() {
                    self.editor.perform(action);
                    return Action::None;
                }
                let replaced = match action {
                    // Pasting megabytes into the box would stall it: read the IDs out first.
                    text_editor::Action::Edit(Edit::Paste(pasted))
                        if pasted.len() > MAX_BOX_TEXT =>
                    {
                        self.set_text(pasted.to_string());
                        true
                    }
                    action => {
                        self.editor.perform(action);
                        let typed = self.editor.text();
                        self.set_text(typed.clone());
                        self.text != typed
                    }
                };
                self.edits += 1;
                self.paused = false;
                Action::Typed {
                    edit: self.edits,
                    refocus: replaced,
                }
            }
            Message::PausedAfter(edit) => {
                self.paused |= edit == self.edits;
                Action::None
            }
            Message::Chose(index) => {
                self.chosen = index.min(self.products.len().saturating_sub(1));
                self.refresh_qr();
                Action::Changed
            }
            Message::OpenReading => {
                self.reading_group = self.id().filter(|id| shown_as_groups(id)).map(|_| 0);
                Action::None
            }
            Message::CloseReading => {
                self.reading_group = None;
                Action::None
            }
            Message::ReadNext | Message::ReadPrevious => {
                let groups = self.id().map_or(0, |id| id.groups().len());
                if let Some(position) = &mut self.reading_group {
                    *position = match message {
                        Message::ReadNext => (*position + 1).min(groups.saturating_sub(1)),
                        _ => position.saturating_sub(1),
                    };
                }
                Action::None
            }
            Message::Copy(what) => match self.id() {
                Some(id) => Action::CopyToClipboard(match what {
                    Copy::Digits => id.digits().to_string(),
                    Copy::Grouped => id.grouped("-"),
                }),
                None => Action::None,
            },
        }
    }

    /// This screen's Ctrl shortcuts: the same messages its buttons send.
    pub fn shortcut(key: &Key) -> Option<Message> {
        match key.as_ref() {
            Key::Character("r") => Some(Message::OpenReading),
            Key::Character("d") => Some(Message::Copy(Copy::Digits)),
            Key::Character("g") => Some(Message::Copy(Copy::Grouped)),
            _ => None,
        }
    }

    pub fn focus_input<T: Send + 'static>() -> Task<T> {
        super::focus::focus(INPUT_ID)
    }

    pub fn view(&self, language: Language, room: Room) -> Element<'_, Message> {
        if let (Some(position), Some(id)) = (self.reading_group, self.id()) {
            return reading_view(id, position, language, room);
        }
        let input = iced::widget::text_editor(&self.editor)
            .id(INPUT_ID)
            .placeholder(Text::IidPlaceholder.in_language(language))
            .on_action(Message::Edited)
            // An ID pasted as one run of 63 digits is one long word: broken where the box
            // ends, so no digit is ever hidden past its edge.
            .wrapping(text::Wrapping::WordOrGlyph)
            .size(16)
            .height(96)
            .padding(8);

        let mut page = column![text(Text::IidPrompt.in_language(language)), input].spacing(10);

        if self.products.len() > 1 {
            page = page.push(self.choices(language));
        }
        if self.key_taken_out {
            page = page.push(text(words::product_key_in_iid_box(language)).color(theme::BAD));
        }
        if let Some(problem) = &self.reading.slip {
            page = page.push(text(problem.message(language)).color(theme::BAD));
        }
        let Some(id) = self.id() else {
            if self.reading.slip.is_some() {
                return page.into();
            }
            let (message, colour) = match self.long_text {
                Some(LongText::DigitRun(digits)) => {
                    (words::digit_run_too_long(digits, language), theme::BAD)
                }
                Some(LongText::NothingFound) => (not_found(language), theme::BAD),
                Some(LongText::Slip) => return page.into(),
                // What was seen, when it looked like a whole ID (numbered fields shuffled...).
                _ if !self.text.trim().is_empty() => (
                    self.reading
                        .problem()
                        .map_or_else(|| not_found(language), |problem| problem.message(language)),
                    theme::BAD,
                ),
                _ => (
                    Text::IidEmpty.in_language(language).to_string(),
                    theme::MUTED,
                ),
            };
            return page.push(text(message).color(colour)).into();
        };

        let verdict = match id.problem() {
            // The first groups of an ID being typed: progress, not yet an error.
            Some(IdProblem::WrongLength {
                found,
                first_bad: None,
                ..
            }) if self.chosen_is_typed() && !self.paused && found < IidFormat::LENGTHS[0] => {
                text(words::typed_so_far(found, IidFormat::LENGTHS[0], language))
                    .color(theme::MUTED)
            }
            Some(_) => text(words::iid_verdict(id, language)).color(theme::BAD),
            None => text(words::iid_verdict(id, language)).color(theme::OK),
        };
        if self.long_text == Some(LongText::KeptIds) {
            page = page.push(text(Text::KeptOnlyIds.in_language(language)).color(theme::MUTED));
        }
        if self.reading.repeated {
            page = page.push(text(Text::SameIidAgain.in_language(language)).color(theme::MUTED));
        }
        if !shown_as_groups(id) {
            return page.push(verdict).into();
        }

        let actions = row![
            button(text(Text::ReadAloud.in_language(language))).on_press(Message::OpenReading),
            button(text(Text::CopyDigits.in_language(language)))
                .on_press(Message::Copy(Copy::Digits)),
            button(text(Text::CopyGrouped.in_language(language)))
                .on_press(Message::Copy(Copy::Grouped)),
        ]
        .spacing(8)
        .wrap()
        .vertical_spacing(8);

        // Eight pixels a module where there is room, six (still scanned from a hand's length)
        // where the window is small, so that the whole code fits in it.
        let cell = if room.height >= 420.0 { 8.0 } else { 6.0 };
        let qr: Element<'_, Message> = match &self.qr {
            Some(data) => column![
                theme::scannable(data, cell),
                text(Text::QrInstruction.in_language(language))
                    .size(15)
                    .width(QR_COLUMN),
            ]
            .spacing(8)
            .align_x(Alignment::Center)
            .into(),
            None => text(Text::QrOnlyWhenValid.in_language(language))
                .color(theme::MUTED)
                .width(QR_COLUMN)
                .into(),
        };

        // The QR code at the right of everything from the box down, so it is in sight at the
        // top of the screen, where two columns of groups fit beside it; else under the
        // verdict, above the groups. Never squeezed or cut, so it always scans.
        let beside = room.beside(QR_COLUMN + QR_GAP);
        if beside.per_line(CARD_WIDTH, CARD_GAP) >= 2 {
            let page = page
                .push(verdict)
                .push(groups_grid(id, language, beside))
                .push(actions);
            row![page, qr].spacing(QR_GAP).into()
        } else {
            page.push(verdict)
                .push(qr)
                .push(groups_grid(id, language, room))
                .push(actions)
                .into()
        }
    }

    /// One button per product, the chosen one filled, scrolling sideways when they are many.
    fn choices(&self, language: Language) -> Element<'_, Message> {
        let mut choices = row![text(Text::ChooseProduct.in_language(language))]
            .spacing(8)
            .align_y(Alignment::Center);
        for (index, product) in self.products.iter().enumerate() {
            let label = words::offered_product_label(
                product.name.as_deref(),
                product.activation_id.as_deref(),
                language,
            )
            .unwrap_or_else(|| words::product_number(index + 1, language));
            choices = choices.push(
                button(text(label).size(14))
                    .style(theme::tab(index == self.chosen))
                    .on_press(Message::Chose(index)),
            );
        }
        scrollable(choices)
            .direction(scrollable::Direction::Horizontal(
                scrollable::Scrollbar::default(),
            ))
            .spacing(theme::SCROLLBAR_GAP)
            .into()
    }
}

fn not_found(language: Language) -> String {
    IdProblem::NotFound {
        kind: IdKind::Installation,
    }
    .message(language)
}

/// Whether the ID is short enough to draw as numbered groups (see `MAX_DIGITS_AS_GROUPS`).
fn shown_as_groups(id: &InstallationId) -> bool {
    (1..=MAX_DIGITS_AS_GROUPS).contains(&id.digits().len())
}

/// Text too long for the box: the IDs in it kept as they were found, and the box's text made
/// from them, one per line with its product name in the `ospp.vbs /dinstid` form (which reads
/// back the same after a restart); or nothing, when it holds no ID.
fn keep_only_ids(text: &str) -> (String, InstallationIds, Option<LongText>) {
    let found = read_installation_ids(text);
    let longest = found.ids.iter().map(|id| id.digits().len()).max();
    let ids: Vec<InstallationId> = found
        .ids
        .into_iter()
        .filter(shown_as_groups)
        .take(MAX_PRODUCTS)
        .collect();
    if found.slip.is_some() {
        let reading = InstallationIds {
            slip: found.slip,
            ..InstallationIds::default()
        };
        return (String::new(), reading, Some(LongText::Slip));
    }
    let note = match longest {
        _ if !ids.is_empty() => LongText::KeptIds,
        Some(longest) => LongText::DigitRun(longest),
        None => LongText::NothingFound,
    };
    let lines: Vec<String> = ids
        .iter()
        .map(|id| match id.label() {
            Some(label) => format!("Installation ID for: {label}: {}", id.digits()),
            None => format!("Installation ID: {}", id.digits()),
        })
        .collect();
    let reading = InstallationIds {
        ids,
        ..InstallationIds::default()
    };
    (lines.join("\n"), reading, Some(note))
}

/// A group's card: wide enough for seven digits at the card's size.
const CARD_WIDTH: f32 = 210.0;
const CARD_GAP: f32 = 10.0;
/// The QR code of an Installation ID (25 modules, a 4-module quiet zone, 8 pixels each) and
/// the words under it.
const QR_COLUMN: f32 = 264.0;
const QR_GAP: f32 = 24.0;

/// The groups three to a row (fewer where the room is narrower), each numbered, large, and
/// marked with its check, under the words that they are the portal's boxes.
fn groups_grid(id: &InstallationId, language: Language, room: Room) -> Element<'_, Message> {
    let per_row = room.per_line(CARD_WIDTH, CARD_GAP).min(3);
    let states = id.group_states();
    let cards: Vec<Element<'_, Message>> = id
        .groups()
        .zip(states)
        .enumerate()
        .map(|(index, (group, state))| group_card(index + 1, group, state, language))
        .collect();
    // The portal asks for the ID in nine numbered boxes: these groups, by the same numbers.
    let mut grid = column![
        text(Text::GroupsAreBoxes.in_language(language))
            .size(14)
            .color(theme::MUTED)
    ]
    .spacing(CARD_GAP);
    let mut cards = cards.into_iter().peekable();
    while cards.peek().is_some() {
        grid = grid.push(row(cards.by_ref().take(per_row)).spacing(CARD_GAP));
    }
    grid.into()
}

fn group_card(
    number: usize,
    group: &str,
    state: GroupState,
    language: Language,
) -> Element<'_, Message> {
    container(
        column![
            text(format!("{} {number}", Text::Group.in_language(language)))
                .size(14)
                .color(theme::MUTED),
            text(group).size(42).font(fonts::BOLD),
            text(theme::state_mark(state).in_language(language))
                .size(14)
                .color(theme::state_color(state)),
        ]
        .spacing(2)
        .align_x(Alignment::Center),
    )
    .padding([8, 14])
    .width(CARD_WIDTH)
    .style(theme::group_card(state))
    .into()
}

fn reading_view(
    id: &InstallationId,
    position: usize,
    language: Language,
    room: Room,
) -> Element<'_, Message> {
    let total = id.groups().len();
    let group = id.groups().nth(position).unwrap_or_default();
    // As large as the room allows, up to 140: a digit is half as wide as it is high.
    let size = ((room.width - 100.0) / (group.len().max(1) as f32 * 0.55)).clamp(40.0, 140.0);
    let state = id
        .group_states()
        .get(position)
        .copied()
        .unwrap_or(GroupState::Incomplete);
    container(
        column![
            text(words::group_position(position + 1, total, language)).size(28),
            container(text(group).size(size).font(fonts::BOLD))
                .padding([16, 40])
                .style(theme::group_card(state)),
            row![
                button(text(Text::Previous.in_language(language)).size(20))
                    .on_press(Message::ReadPrevious),
                button(text(Text::Next.in_language(language)).size(20)).on_press(Message::ReadNext),
                button(text(Text::Close.in_language(language)).size(20))
                    .on_press(Message::CloseReading),
            ]
            .spacing(16)
            .wrap()
            .vertical_spacing(8),
            text(Text::ReadingHelp.in_language(language)).color(theme::MUTED),
        ]
        .spacing(24)
        .align_x(Alignment::Center),
    )
    .center_x(Length::Fill)
    .padding([24, 0])
    .into()
}
