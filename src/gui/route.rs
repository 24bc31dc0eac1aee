//! Screen 2: how to get the Confirmation ID - the portal in this PC's browser (the ID copied
//! and pasted, whole or group by group into the portal's nine boxes), the portal on a phone
//! (the ID scanned as a QR code), or a person through the portal's callback; with it, as
//! history, the activation centers' numbers and how their automated lines worked until voice
//! activation ended in December 2025.

use std::cell::OnceCell;
use std::collections::BTreeSet;

use iced::keyboard::Key;
use iced::keyboard::key::Named;
use iced::widget::{Column, checkbox, column, container, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use super::focus::{button, focusable};
use super::fonts;
use super::job::Job;
use super::qr_code::QrCode;
use super::room::Room;
use super::theme::{self, SCROLLBAR_GAP};
use crate::centers::{self, ActivationCenter, Origin};
use crate::id::InstallationId;
use crate::language::Language;
use crate::platform::BrowserError;
use crate::qr::Qr;
use crate::script::{self, Route};
use crate::words::{self, Localized, Text};

pub const SEARCH_ID: &str = "country-search";

#[derive(Debug, Clone)]
pub enum Message {
    ChoseRoute(Route),
    Searched(String),
    /// Enter in the search: the first country shown.
    SearchSubmitted,
    ChoseCountry(String),
    Ticked {
        script: String,
        step: usize,
        done: bool,
    },
    /// Ticks the first step not yet ticked (Ctrl+Enter, during a call).
    TickNextStep,
    /// Copy the Installation ID and open the portal in this PC's browser.
    OpenPortalHere,
    /// The OS answered the request to open the portal (`None`: the thread asking it died).
    PortalOpened(Option<Result<(), BrowserError>>),
    /// Copy the group after the one copied last (group 1 first) for the portal's next box.
    CopyNextGroup,
}

pub enum Action {
    None,
    Changed,
    /// Copy these digits (the whole Installation ID) and ask the OS to open the portal.
    OpenPortal {
        digits: String,
    },
    /// Copy these digits (a group for the portal's box of its number).
    Copy(String),
}

/// A group put on the clipboard for the portal's box of the same number: which one, and its
/// digits as copied (shown as they were copied, so a changed ID can never show other digits
/// than those on the clipboard).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopiedGroup {
    pub index: usize,
    pub digits: String,
}

pub struct State {
    route: Route,
    country: Option<String>,
    query: String,
    /// Steps ticked off, by call-script id and step number.
    ticked: BTreeSet<(String, usize)>,
    /// The bundled table, or this PC's own list when it could be read.
    centers: Vec<ActivationCenter>,
    /// The portal's QR code, made when the portal's screen is first drawn: encoding it (~4
    /// million instructions) is no part of the first frame, which shows screen 1.
    portal_qr: OnceCell<Option<QrCode>>,
    /// "Open the portal on this PC": the OS asked to open it in the browser.
    portal_here: Job<(), BrowserError>,
    copied_group: Option<CopiedGroup>,
    /// The window's language: the country list is in its order (Japanese by reading).
    language: Language,
}

impl State {
    pub fn new(
        route: Route,
        country: Option<String>,
        ticked: impl IntoIterator<Item = (String, usize)>,
        centers: Vec<ActivationCenter>,
    ) -> State {
        let mut state = State {
            route,
            country: None,
            query: String::new(),
            ticked: ticked.into_iter().collect(),
            centers,
            portal_qr: OnceCell::new(),
            portal_here: Job::Idle,
            copied_group: None,
            language: Language::English,
        };
        state.choose_country(country);
        state
    }

    /// The window's language, for the country list's order.
    pub fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    /// The phone list it shows.
    pub fn centers(&self) -> &[ActivationCenter] {
        &self.centers
    }

    pub fn route(&self) -> Route {
        self.route
    }

    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }

    pub fn ticked(&self) -> impl Iterator<Item = &(String, usize)> {
        self.ticked.iter()
    }

    fn center(&self) -> Option<&ActivationCenter> {
        let iso = self.country.as_deref()?;
        self.centers
            .iter()
            .find(|center| center.iso.eq_ignore_ascii_case(iso))
    }

    /// The phone list, once it is made.
    pub fn set_centers(&mut self, centers: Vec<ActivationCenter>) {
        self.centers = centers;
        let country = self.country.take();
        self.choose_country(country);
    }

    fn choose_country(&mut self, iso: Option<String>) {
        self.country = iso.map(|iso| iso.to_ascii_uppercase());
    }

    /// The checklist on show: the portal's, or the callback's.
    fn script(&self) -> &'static script::CallScript {
        script::call_script(self.route)
    }

    /// The first step of the script on show not yet ticked.
    fn next_step(&self) -> Option<Message> {
        let script = self.script();
        let steps = script.steps(Language::English).len();
        (1..=steps)
            .find(|&step| !self.ticked.contains(&(script.id.clone(), step)))
            .map(|step| Message::Ticked {
                script: script.id.clone(),
                step,
                done: true,
            })
    }

    /// This screen's Ctrl shortcuts: Ctrl+Enter ticks the next step, Ctrl+G copies the next
    /// group for the portal's boxes.
    pub fn shortcut(key: &Key) -> Option<Message> {
        match key.as_ref() {
            Key::Named(Named::Enter) => Some(Message::TickNextStep),
            Key::Character("g") => Some(Message::CopyNextGroup),
            _ => None,
        }
    }

    /// `id`: screen 1's Installation ID, which the portal on this PC is given. Only a
    /// consistent one is copied (a mistyped one would be carried to Microsoft): otherwise the
    /// screen says what is missing.
    pub fn update(&mut self, message: Message, id: Option<&InstallationId>) -> Action {
        let valid = id.filter(|id| id.is_valid());
        match message {
            Message::TickNextStep => {
                return match self.next_step() {
                    Some(tick) => self.update(tick, id),
                    None => Action::None,
                };
            }
            // Once per opening: a second Ctrl+B while the browser is being started would
            // start another.
            Message::OpenPortalHere => {
                self.route = Route::PortalOnThisPc;
                if let Some(id) = valid.filter(|_| !self.portal_here.is_running()) {
                    self.portal_here = Job::Running;
                    return Action::OpenPortal {
                        digits: id.digits().to_string(),
                    };
                }
            }
            // "One group at a time" for the portal's nine boxes: the group after the one
            // copied last (group 1 first, and again after the last).
            Message::CopyNextGroup => {
                self.route = Route::PortalOnThisPc;
                let groups: Vec<&str> = valid.map(|id| id.groups().collect()).unwrap_or_default();
                if !groups.is_empty() {
                    let after = self.copied_group.as_ref().map(|group| group.index);
                    let index = after.map_or(0, |after| (after + 1) % groups.len());
                    let digits = groups[index].to_string();
                    self.copied_group = Some(CopiedGroup {
                        index,
                        digits: digits.clone(),
                    });
                    return Action::Copy(digits);
                }
            }
            Message::PortalOpened(answer) => {
                self.portal_here = Job::finished(answer);
                return Action::None;
            }
            Message::ChoseRoute(route) => self.route = route,
            Message::Searched(query) => {
                self.query = query;
                let matches = centers::find_in(&self.centers, &self.query);
                if let [only] = matches.as_slice() {
                    let iso = only.iso.clone();
                    self.choose_country(Some(iso));
                } else {
                    return Action::None;
                }
            }
            Message::SearchSubmitted => match self.shown_countries().first() {
                Some(first) => {
                    let iso = first.iso.clone();
                    self.choose_country(Some(iso));
                }
                None => return Action::None,
            },
            Message::ChoseCountry(iso) => self.choose_country(Some(iso)),
            Message::Ticked { script, step, done } => {
                if done {
                    self.ticked.insert((script, step));
                } else {
                    self.ticked.remove(&(script, step));
                }
            }
        }
        Action::Changed
    }

    /// `id` is the Installation ID on screen 1: the portal on this PC is opened with it.
    pub fn view(
        &self,
        language: Language,
        room: Room,
        id: Option<&InstallationId>,
    ) -> Element<'_, Message> {
        let tab = |route: Route, label: Text| {
            button(text(label.in_language(language)))
                .style(theme::tab(self.route == route))
                .on_press(Message::ChoseRoute(route))
        };
        let tabs = row![
            tab(Route::PortalOnThisPc, Text::RoutePortalHere),
            tab(Route::PortalOnPhone, Text::RoutePortal),
            tab(Route::Phone, Text::RoutePhone),
        ]
        .spacing(8)
        .wrap()
        .vertical_spacing(8);
        let body = match self.route {
            Route::PortalOnThisPc => self.portal_here(language, room, id),
            Route::PortalOnPhone => self.portal(language, room),
            Route::Phone => self.phone(language, room),
        };
        column![
            tabs,
            text(Text::WhichRoute.in_language(language))
                .size(14)
                .color(theme::MUTED),
            body
        ]
        .spacing(12)
        .into()
    }

    fn portal_here(
        &self,
        language: Language,
        room: Room,
        id: Option<&InstallationId>,
    ) -> Element<'_, Message> {
        let script = script::call_script(Route::PortalOnThisPc);
        let steps = self.checklist(script, language);
        let ready = id.is_some_and(InstallationId::is_valid);
        let status = match (ready, &self.portal_here) {
            (false, _) => Some((Text::NeedsValidIid, theme::BAD)),
            (true, Job::Idle) => None,
            (true, Job::Running) => Some((Text::PortalOpening, theme::MUTED)),
            (true, Job::Done(())) => Some((Text::PortalOpened, theme::OK)),
            (true, Job::Failed(_)) => Some((Text::BrowserFailed, theme::BAD)),
        };
        let mut side = column![
            button(text(Text::OpenPortalHere.in_language(language)))
                .padding([10, 16])
                .on_press_maybe(ready.then_some(Message::OpenPortalHere)),
        ]
        .spacing(8)
        .width(PORTAL_HERE_SIDE.min(room.width));
        if let Some((words, colour)) = status {
            side = side.push(text(words.in_language(language)).color(colour));
        }
        if let Some(id) = id.filter(|id| id.is_valid()) {
            side = side.push(self.box_by_box(language, id));
        }
        side = side
            .push(text(script::PORTAL_URL).font(fonts::BOLD).size(20))
            .push(
                container(text(Text::PortalAccount.in_language(language)))
                    .padding(8)
                    .style(theme::warning),
            );
        side_by_side(steps, side.into(), PORTAL_HERE_SIDE, room)
    }

    /// The Installation ID carried into the portal's nine boxes one group at a time: one key
    /// per group, and, large, which group is on the clipboard for which box.
    fn box_by_box(&self, language: Language, id: &InstallationId) -> Element<'_, Message> {
        let label = match self.copied_group {
            None => Text::CopyFirstGroup,
            Some(_) => Text::CopyNextGroup,
        };
        let mut panel = column![
            text(Text::BoxByBox.in_language(language)).font(fonts::BOLD),
            button(text(label.in_language(language)))
                .padding([10, 16])
                .on_press(Message::CopyNextGroup),
        ]
        .spacing(8);
        if let Some(copied) = &self.copied_group {
            let still_right = id.groups().nth(copied.index) == Some(copied.digits.as_str());
            if still_right {
                panel = panel.push(
                    column![
                        text(words::group_on_clipboard(copied.index + 1, language)),
                        text(words::box_and_group(
                            copied.index + 1,
                            &copied.digits,
                            language
                        ))
                        .size(34)
                        .font(fonts::BOLD)
                        .wrapping(text::Wrapping::None),
                    ]
                    .spacing(4),
                );
            } else {
                panel = panel
                    .push(text(Text::GroupCopiedIdChanged.in_language(language)).color(theme::BAD));
            }
        }
        container(panel).padding(8).style(theme::panel).into()
    }

    fn portal(&self, language: Language, room: Room) -> Element<'_, Message> {
        let script = script::call_script(Route::PortalOnPhone);
        let steps = self.checklist(script, language);
        let portal_qr = self.portal_qr.get_or_init(|| {
            Qr::for_text(script::PORTAL_URL)
                .ok()
                .map(|qr| QrCode::new(&qr))
        });
        let qr: Element<'_, Message> = match portal_qr {
            Some(data) => theme::scannable(data, 6.0),
            None => text(script::PORTAL_URL).into(),
        };
        let side = column![
            qr,
            text(script::PORTAL_URL).font(fonts::BOLD).size(20),
            text(Text::PortalScan.in_language(language)).width(PORTAL_SIDE),
            container(text(Text::PortalAccount.in_language(language)).width(PORTAL_SIDE))
                .padding(8)
                .style(theme::warning),
        ]
        .spacing(8)
        .align_x(Alignment::Center);
        side_by_side(steps, side.into(), PORTAL_SIDE, room)
    }

    /// A person through the portal's callback; under it, the phone table as history.
    fn phone(&self, language: Language, room: Room) -> Element<'_, Message> {
        let callback = self.checklist(script::call_script(Route::Phone), language);
        let history = column![
            text(Text::PhoneHistory.in_language(language))
                .size(22)
                .font(fonts::BOLD),
            text(Text::PhoneHistoryWhy.in_language(language))
                .size(14)
                .color(theme::MUTED),
            container(text(Text::PhoneRetired.in_language(language)))
                .padding(8)
                .style(theme::warning),
            self.phone_table(language, room),
        ]
        .spacing(8);
        column![callback, history].spacing(24).into()
    }

    /// The country search and the chosen country's numbers, with how its line worked.
    fn phone_table(&self, language: Language, room: Room) -> Element<'_, Message> {
        let search = text_input(Text::SearchCountry.in_language(language), &self.query)
            .id(SEARCH_ID)
            .on_input(Message::Searched)
            .on_submit(Message::SearchSubmitted)
            .padding(8);
        let matches = self.shown_countries();
        let list: Element<'_, Message> = if matches.is_empty() {
            text(Text::NoCountryMatch.in_language(language))
                .color(theme::MUTED)
                .into()
        } else {
            column(matches.into_iter().map(|center| {
                let selected = self.country.as_deref() == Some(center.iso.as_str());
                button(text(format!("{} ({})", center.name(language), center.iso)).size(15))
                    .width(Length::Fill)
                    .style(theme::tab(selected))
                    .on_press(Message::ChoseCountry(center.iso.clone()))
                    .into()
            }))
            .spacing(2)
            .into()
        };
        // The list scrolls in a height of its own; the page scrolls the rest.
        let beside = room.fits(PICKER + 20.0 + DETAILS);
        let list_height = if beside {
            (room.height - 220.0).max(LIST_HEIGHT)
        } else {
            LIST_HEIGHT
        };
        let picker = column![
            search,
            scrollable(list).spacing(SCROLLBAR_GAP).height(list_height)
        ]
        .spacing(8);

        let details_room = if beside {
            room.beside(PICKER + 20.0)
        } else {
            room
        };
        let details: Element<'_, Message> = match self.center() {
            Some(center) => self.center_details(center, language, details_room),
            None => text(Text::ChooseCountry.in_language(language)).into(),
        };
        if beside {
            row![picker.width(PICKER), details].spacing(20).into()
        } else {
            column![picker, details].spacing(20).into()
        }
    }

    /// The countries the search matches, as listed: the chosen one first, so it is in sight
    /// without scrolling.
    fn shown_countries(&self) -> Vec<&ActivationCenter> {
        let mut matches = centers::find_in(&self.centers, &self.query);
        centers::in_order(&mut matches, self.language);
        if let Some(position) = matches
            .iter()
            .position(|c| Some(c.iso.as_str()) == self.country.as_deref())
        {
            let chosen = matches.remove(position);
            matches.insert(0, chosen);
        }
        matches
    }

    fn center_details<'a>(
        &'a self,
        center: &'a ActivationCenter,
        language: Language,
        room: Room,
    ) -> Element<'a, Message> {
        // A number's kind, the number and its international form on one line where they fit,
        // else one under another: a number is never wrapped or cut.
        let one_line = room.fits(NUMBER_LINE);
        let mut numbers =
            column![text(center.name(language)).size(26).font(fonts::BOLD)].spacing(6);
        for number in center.numbers() {
            let kind = words::number_kind(number.kind, language);
            let international = number
                .e164
                .as_ref()
                .map(|e164| format!("{}: {e164}", Text::International.in_language(language)))
                .unwrap_or_else(|| Text::NoE164.in_language(language).to_string());
            let kind = text(kind).color(theme::MUTED);
            let domestic = text(number.domestic.clone())
                .size(26)
                .font(fonts::BOLD)
                .wrapping(text::Wrapping::None);
            let international = text(international).color(theme::MUTED);
            let line: Element<'_, Message> = if one_line {
                row![kind.width(120), domestic, international]
                    .spacing(12)
                    .align_y(Alignment::Center)
                    .into()
            } else {
                column![kind, domestic, international].spacing(2).into()
            };
            numbers = numbers.push(line);
        }
        // What happened to every number above, said with them.
        numbers = numbers.push(
            text(Text::LineEnded.in_language(language))
                .font(fonts::BOLD)
                .color(theme::BAD),
        );
        for alternative in &center.alternatives {
            numbers = numbers.push(
                text(words::alternative_number(alternative, language))
                    .size(14)
                    .color(theme::MUTED),
            );
        }
        let origin = match center.origin {
            Origin::ThisPc => Text::FromThisPc,
            Origin::Bundled => Text::FromBundledList,
        };
        // Each list the numbers were checked against, with its date: the newest first.
        let sources = center.sources.iter().map(|source| {
            text(words::source_line(source, language))
                .size(14)
                .color(theme::MUTED)
                .into()
        });
        let notes = center
            .notes
            .iter()
            .map(|note| text(note.message(language)).size(14).into());
        let provenance = column![
            text(Text::Provenance.in_language(language)).font(fonts::BOLD),
            text(origin.in_language(language)).size(14),
        ]
        .extend(notes)
        .extend(sources)
        .spacing(4);
        column![
            numbers,
            history_list(script::line_history(Some(&center.iso)), language),
            provenance,
        ]
        .spacing(16)
        .into()
    }

    /// The script's steps as checkboxes, ticked off during the call or on the portal.
    fn checklist<'a>(
        &'a self,
        script: &'a script::CallScript,
        language: Language,
    ) -> Element<'a, Message> {
        let mut list = column![
            text(script.title(language)).size(22).font(fonts::BOLD),
            text(script.summary(language)).size(14),
            text(Text::Checklist.in_language(language)).font(fonts::BOLD),
        ]
        .spacing(6);
        for (index, step) in script.steps(language).iter().enumerate() {
            let number = index + 1;
            let done = self.ticked.contains(&(script.id.clone(), number));
            let id = script.id.clone();
            let mut item = column![focusable(
                checkbox(done)
                    .label(format!("{number}. {}", step.text))
                    .on_toggle(move |done| Message::Ticked {
                        script: id.clone(),
                        step: number,
                        done
                    }),
            )];
            if let Some(detail) = &step.detail {
                item = item.push(
                    container(text(detail.clone()).size(14).color(theme::MUTED)).padding([0, 28]),
                );
            }
            list = list.push(item);
        }
        with_rejected_and_notes(list, script, language)
    }
}

/// The side panel of "portal on this PC" (its button, the address, the account note).
const PORTAL_HERE_SIDE: f32 = 330.0;
/// The side panel of "portal on a phone" (the QR code and the words under it).
const PORTAL_SIDE: f32 = 240.0;
/// The narrowest a checklist is beside a side panel.
const STEPS: f32 = 380.0;
/// The country picker beside the details, and the narrowest the details are.
const PICKER: f32 = 280.0;
const DETAILS: f32 = 440.0;
/// The country list's height where it stands above the details.
const LIST_HEIGHT: f32 = 220.0;
/// A phone number's line (kind, number, international form).
const NUMBER_LINE: f32 = 560.0;

/// A checklist with its side panel beside it where both fit, else the panel above it (the
/// panel holds what to do first: the button, the QR code).
fn side_by_side<'a>(
    steps: Element<'a, Message>,
    side: Element<'a, Message>,
    side_width: f32,
    room: Room,
) -> Element<'a, Message> {
    if room.fits(STEPS + 24.0 + side_width) {
        row![container(steps).width(Length::Fill), side]
            .spacing(24)
            .into()
    } else {
        column![side, steps].spacing(16).into()
    }
}

/// How an automated line worked, as a record: numbered lines to read, nothing to tick.
fn history_list<'a>(script: &'a script::CallScript, language: Language) -> Element<'a, Message> {
    let mut list = column![
        text(script.title(language)).size(20).font(fonts::BOLD),
        text(script.summary(language)).size(14),
    ]
    .spacing(6);
    for (index, step) in script.steps(language).iter().enumerate() {
        list = list.push(text(format!("{}. {}", index + 1, step.text)).size(15));
        if let Some(detail) = &step.detail {
            list = list.push(
                container(text(detail.clone()).size(14).color(theme::MUTED)).padding([0, 20]),
            );
        }
    }
    with_rejected_and_notes(list, script, language)
}

/// A script's steps followed by what to do if the ID is rejected, and its notes.
fn with_rejected_and_notes<'a>(
    mut list: Column<'a, Message>,
    script: &'a script::CallScript,
    language: Language,
) -> Element<'a, Message> {
    let rejected = script.if_rejected(language);
    if !rejected.is_empty() {
        list = list.push(text(Text::IfRejected.in_language(language)).font(fonts::BOLD));
        for step in rejected {
            list = list.push(text(words::bullet(&step.text)).size(14));
        }
    }
    for note in script.notes(language) {
        list = list.push(text(words::script_note(note)).size(14).color(theme::MUTED));
    }
    list.into()
}
