//! Screen 2: how to get the Confirmation ID - the portal in this PC's browser (the ID copied
//! and pasted, nothing typed), the portal on a phone (the ID scanned as a QR code), or an
//! activation center's phone line with its numbers, their provenance and the call as a
//! checklist.

use std::collections::BTreeSet;

use iced::keyboard::Key;
use iced::keyboard::key::Named;
use iced::widget::{checkbox, column, container, qr_code, row, scrollable, text, text_input};
use iced::{Alignment, Element, Length};

use super::focus::{button, focusable};
use super::fonts;
use super::theme::{self, SCROLLBAR_GAP};
use crate::centers::{self, ActivationCenter, NumberKind, Origin};
use crate::id::InstallationId;
use crate::language::Language;
use crate::platform::BrowserError;
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
}

pub enum Action {
    None,
    Changed,
    /// Copy the Installation ID and ask the OS to open the portal.
    OpenPortalHere,
}

/// Where "open the portal on this PC" stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PortalHere {
    NotYet,
    Opening,
    Opened,
    Failed,
}

pub struct State {
    route: Route,
    country: Option<String>,
    query: String,
    /// Steps ticked off, by call-script id and step number.
    ticked: BTreeSet<(String, usize)>,
    /// The bundled table, or this PC's own list when it could be read.
    centers: Vec<ActivationCenter>,
    portal_qr: Option<qr_code::Data>,
    call_qr: Option<qr_code::Data>,
    portal_here: PortalHere,
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
            portal_qr: qr_code::Data::new(script::PORTAL_URL).ok(),
            call_qr: None,
            portal_here: PortalHere::NotYet,
        };
        state.choose_country(country);
        state
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

    fn choose_country(&mut self, iso: Option<String>) {
        self.country = iso.map(|iso| iso.to_ascii_uppercase());
        self.call_qr = self
            .center()
            .and_then(ActivationCenter::tel_uri)
            .and_then(|uri| qr_code::Data::new(uri).ok());
    }

    /// The script on show: the portal's, or the phone line's for the chosen country.
    fn script(&self) -> &'static script::CallScript {
        script::call_script(self.route, self.country.as_deref())
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

    /// This screen's Ctrl shortcuts: Ctrl+Enter ticks the next step.
    pub fn shortcut(key: &Key) -> Option<Message> {
        matches!(key, Key::Named(Named::Enter)).then_some(Message::TickNextStep)
    }

    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::TickNextStep => {
                return match self.next_step() {
                    Some(tick) => self.update(tick),
                    None => Action::None,
                };
            }
            // Once per opening: a second Ctrl+B while the browser is being started would
            // start another.
            Message::OpenPortalHere if self.portal_here == PortalHere::Opening => {
                self.route = Route::PortalOnThisPc;
                return Action::Changed;
            }
            Message::OpenPortalHere => {
                self.route = Route::PortalOnThisPc;
                return Action::OpenPortalHere;
            }
            Message::PortalOpened(answer) => {
                self.portal_here = match answer {
                    Some(Ok(())) => PortalHere::Opened,
                    _ => PortalHere::Failed,
                };
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

    /// The OS has been asked to open the portal: said until it answers.
    pub fn opening_portal(&mut self) {
        self.portal_here = PortalHere::Opening;
    }

    /// `id` is the Installation ID on screen 1: the portal on this PC is opened with it.
    pub fn view(&self, language: Language, id: Option<&InstallationId>) -> Element<'_, Message> {
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
        .spacing(8);
        let body = match self.route {
            Route::PortalOnThisPc => self.portal_here(language, id),
            Route::PortalOnPhone => self.portal(language),
            Route::Phone => self.phone(language),
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

    fn portal_here(&self, language: Language, id: Option<&InstallationId>) -> Element<'_, Message> {
        let script = script::call_script(Route::PortalOnThisPc, None);
        let steps = self.checklist(script, language);
        let ready = id.is_some_and(InstallationId::is_valid);
        let status = match (ready, self.portal_here) {
            (false, _) => Some((Text::NeedsValidIid, theme::BAD)),
            (true, PortalHere::NotYet) => None,
            (true, PortalHere::Opening) => Some((Text::PortalOpening, theme::MUTED)),
            (true, PortalHere::Opened) => Some((Text::PortalOpened, theme::OK)),
            (true, PortalHere::Failed) => Some((Text::BrowserFailed, theme::BAD)),
        };
        let mut side = column![
            button(text(Text::OpenPortalHere.in_language(language)))
                .padding([10, 16])
                .on_press_maybe(ready.then_some(Message::OpenPortalHere)),
        ]
        .spacing(8)
        .width(330);
        if let Some((words, colour)) = status {
            side = side.push(text(words.in_language(language)).color(colour));
        }
        side = side
            .push(text(script::PORTAL_URL).font(fonts::BOLD).size(20))
            .push(
                container(text(Text::PortalAccount.in_language(language)))
                    .padding(8)
                    .style(theme::warning),
            );
        row![
            scrollable(steps).spacing(SCROLLBAR_GAP).width(Length::Fill),
            side
        ]
        .spacing(24)
        .into()
    }

    fn portal(&self, language: Language) -> Element<'_, Message> {
        let script = script::call_script(Route::PortalOnPhone, None);
        let steps = self.checklist(script, language);
        let qr: Element<'_, Message> = match &self.portal_qr {
            Some(data) => theme::scannable(data, 6.0),
            None => text(script::PORTAL_URL).into(),
        };
        row![
            scrollable(steps).spacing(SCROLLBAR_GAP).width(Length::Fill),
            column![
                qr,
                text(script::PORTAL_URL).font(fonts::BOLD).size(20),
                text(Text::PortalScan.in_language(language)).width(240),
                container(text(Text::PortalAccount.in_language(language)).width(240))
                    .padding(8)
                    .style(theme::warning),
            ]
            .spacing(8)
            .align_x(Alignment::Center),
        ]
        .spacing(24)
        .into()
    }

    fn phone(&self, language: Language) -> Element<'_, Message> {
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
        let picker = column![
            search,
            scrollable(list).spacing(SCROLLBAR_GAP).height(Length::Fill)
        ]
        .spacing(8)
        .width(280);

        let details: Element<'_, Message> = match self.center() {
            Some(center) => self.center_details(center, language),
            None => text(Text::ChooseCountry.in_language(language)).into(),
        };
        row![
            picker,
            scrollable(details)
                .spacing(SCROLLBAR_GAP)
                .width(Length::Fill)
        ]
        .spacing(20)
        .into()
    }

    /// The countries the search matches, as listed: the chosen one first, so it is in sight
    /// without scrolling.
    fn shown_countries(&self) -> Vec<&ActivationCenter> {
        let mut matches = centers::find_in(&self.centers, &self.query);
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
    ) -> Element<'a, Message> {
        let mut numbers =
            column![text(center.name(language)).size(26).font(fonts::BOLD)].spacing(6);
        for number in center.numbers() {
            let kind = words::number_kind(number.kind, language);
            let international = number
                .e164
                .as_ref()
                .map(|e164| format!("{}: {e164}", Text::International.in_language(language)))
                .unwrap_or_else(|| Text::NoE164.in_language(language).to_string());
            numbers = numbers.push(
                row![
                    text(kind).width(120).color(theme::MUTED),
                    text(number.domestic.clone()).size(26).font(fonts::BOLD),
                    text(international).color(theme::MUTED),
                ]
                .spacing(12)
                .align_y(Alignment::Center),
            );
        }
        for alternative in &center.alternatives {
            numbers = numbers.push(
                text(words::alternative_number(alternative, language))
                    .size(14)
                    .color(theme::MUTED),
            );
        }
        if center
            .numbers()
            .iter()
            .any(|n| n.kind == NumberKind::TollFree)
        {
            numbers = numbers.push(
                container(text(Text::AbroadWarning.in_language(language)))
                    .padding(6)
                    .style(theme::warning),
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

        let script = script::call_script(Route::Phone, Some(&center.iso));
        let qr: Element<'_, Message> = match &self.call_qr {
            Some(data) => column![
                theme::scannable(data, 5.0),
                text(Text::ScanToCall.in_language(language))
                    .size(14)
                    .width(200),
            ]
            .spacing(6)
            .into(),
            None => column![].into(),
        };
        column![
            row![numbers.width(Length::Fill), qr].spacing(16),
            container(text(Text::PhoneRetired.in_language(language)))
                .padding(8)
                .style(theme::warning),
            self.checklist(script, language),
            provenance,
        ]
        .spacing(16)
        .padding([0, 12])
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
}
