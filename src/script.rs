//! Call scripts: step-by-step checklists for getting a Confirmation ID on Microsoft's Product
//! Activation Portal (in this PC's browser or on a phone), or from a person through the portal's
//! callback; and, as history, how the activation centers' automated lines worked until voice
//! activation ended in December 2025 (Microsoft Japan's statement of 2025-12-12).
//!
//! The texts live in `data/call_scripts.json` (Japanese and English side by side) and are
//! embedded in the binary. The automated-line scripts are guides, not exact menu maps: the
//! wording and order of the menus changed over the years.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::language::Language;

/// Microsoft's Product Activation Portal (redirects to visualsupport.microsoft.com).
pub const PORTAL_URL: &str = "https://aka.ms/aoh";

/// How the Confirmation ID is obtained. The names are the session file's and the call
/// scripts' tags: keep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Route {
    /// The web portal at [`PORTAL_URL`] in this PC's browser: the IID pasted, the CID copied
    /// back, nothing typed by hand.
    #[serde(rename = "portal-this-pc")]
    PortalOnThisPc,
    /// The web portal on a second device, usually a phone (the QR code carries the IID).
    #[serde(rename = "portal")]
    PortalOnPhone,
    /// A person: the portal's "contact support" callback (the tag is the old phone route's:
    /// a session saved on the phone route opens here). The activation centers' numbers are
    /// shown with it, as history.
    #[serde(rename = "phone")]
    Phone,
}

/// One action to tick off, with an optional longer explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A script's texts in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScriptText {
    pub title: String,
    pub summary: String,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub notes: Vec<String>,
    /// What to do when the Installation ID is rejected.
    #[serde(default)]
    pub if_rejected: Vec<Step>,
}

/// A checklist for one route (and, for the phone, one group of countries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallScript {
    /// `portal-this-pc`, `portal`, `callback`; the automated lines' `phone-jp`, `phone-gb`,
    /// `phone-us`, `phone-generic`.
    pub id: String,
    pub route: Route,
    /// ISO 3166-1 alpha-2 codes (upper case) this script is written for; empty for the portal
    /// and for the generic phone script.
    #[serde(default)]
    pub countries: Vec<String>,
    /// The page to open, for the portal.
    #[serde(default)]
    pub url: Option<String>,
    /// True when the steps are a guide to a menu that changed over time, not an exact map.
    #[serde(default)]
    pub guide: bool,
    /// True for a route that no longer gets a Confirmation ID (the automated phone lines): a
    /// record of how it worked, shown as a list, never as a checklist to follow.
    #[serde(default)]
    pub history: bool,
    pub ja: ScriptText,
    pub en: ScriptText,
}

impl CallScript {
    /// The texts in `language`.
    pub fn text(&self, language: Language) -> &ScriptText {
        language.pick(&self.ja, &self.en)
    }

    pub fn title(&self, language: Language) -> &str {
        &self.text(language).title
    }

    pub fn summary(&self, language: Language) -> &str {
        &self.text(language).summary
    }

    pub fn steps(&self, language: Language) -> &[Step] {
        &self.text(language).steps
    }

    pub fn notes(&self, language: Language) -> &[String] {
        &self.text(language).notes
    }

    /// What to do if the Installation ID is rejected.
    pub fn if_rejected(&self, language: Language) -> &[Step] {
        &self.text(language).if_rejected
    }

    /// True for the catch-all automated-line script (no country of its own).
    pub fn is_generic(&self) -> bool {
        self.history && self.countries.is_empty()
    }

    /// Whether this script is written for `country` (ISO alpha-2, case-insensitive).
    pub fn covers(&self, country: &str) -> bool {
        let country = country.trim();
        self.countries
            .iter()
            .any(|c| c.eq_ignore_ascii_case(country))
    }
}

/// Phone numbers live in one place, the activation-center table: the scripts say
/// `{toll_free}`, `{toll}` and `{toll_international}`, filled in here from the row of the
/// script's own country.
fn fill_phone_numbers(script: &mut CallScript) {
    let Some(center) = script
        .countries
        .first()
        .and_then(|iso| crate::centers::center_by_iso(iso))
    else {
        return;
    };
    let numbers = center.numbers();
    let first = |kind| numbers.iter().find(|n| n.kind == kind);
    let toll_free = first(crate::centers::NumberKind::TollFree);
    let toll = first(crate::centers::NumberKind::Toll);
    let fill = |text: &mut String| {
        for (placeholder, value) in [
            ("{toll_free}", toll_free.map(|n| n.domestic.clone())),
            ("{toll}", toll.map(|n| n.domestic.clone())),
            ("{toll_international}", toll.and_then(|n| n.e164.clone())),
        ] {
            if let Some(value) = value {
                *text = text.replace(placeholder, &value);
            }
        }
    };
    for text in [&mut script.ja, &mut script.en] {
        fill(&mut text.summary);
        for step in text.steps.iter_mut().chain(text.if_rejected.iter_mut()) {
            fill(&mut step.text);
            if let Some(detail) = &mut step.detail {
                fill(detail);
            }
        }
        text.notes.iter_mut().for_each(fill);
    }
}

#[derive(Deserialize)]
struct ScriptFile {
    scripts: Vec<CallScript>,
}

struct Catalog {
    scripts: Vec<CallScript>,
    portal_on_this_pc: usize,
    portal_on_phone: usize,
    callback: usize,
    generic_phone: usize,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    // The JSON is our own data, embedded at compile time and validated by
    // tests/engine/call_scripts.rs; a failure here is a build defect, so panicking is acceptable.
    let json = crate::decode::inflate_embedded(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/call_scripts.json.deflate"
    )));
    let mut file: ScriptFile =
        serde_json::from_str(&json).expect("embedded data/call_scripts.json must parse");
    for script in &mut file.scripts {
        fill_phone_numbers(script);
    }
    let current = |route| {
        file.scripts
            .iter()
            .position(|s| s.route == route && !s.history)
            .expect("embedded call scripts must include a current script for every route")
    };
    let (portal_on_this_pc, portal_on_phone, callback) = (
        current(Route::PortalOnThisPc),
        current(Route::PortalOnPhone),
        current(Route::Phone),
    );
    let generic_phone = file
        .scripts
        .iter()
        .position(CallScript::is_generic)
        .expect("embedded call scripts must include a generic phone script");
    Catalog {
        scripts: file.scripts,
        portal_on_this_pc,
        portal_on_phone,
        callback,
        generic_phone,
    }
});

/// Every script, portal first, in file order.
pub fn all_scripts() -> &'static [CallScript] {
    &CATALOG.scripts
}

/// The script with this id (`portal`, `phone-jp`, ...).
pub fn script_by_id(id: &str) -> Option<&'static CallScript> {
    CATALOG.scripts.iter().find(|s| s.id == id)
}

/// The script to follow for `route`: the portal's, or the callback's for a person.
pub fn call_script(route: Route) -> &'static CallScript {
    let catalog = &*CATALOG;
    let index = match route {
        Route::PortalOnThisPc => catalog.portal_on_this_pc,
        Route::PortalOnPhone => catalog.portal_on_phone,
        Route::Phone => catalog.callback,
    };
    &catalog.scripts[index]
}

/// How the automated phone line of `country` (ISO alpha-2, case-insensitive) worked until
/// December 2025: its own script where there is one, else the generic one. History only.
pub fn line_history(country: Option<&str>) -> &'static CallScript {
    let catalog = &*CATALOG;
    country
        .and_then(|country| {
            catalog
                .scripts
                .iter()
                .find(|s| s.history && s.covers(country))
        })
        .unwrap_or(&catalog.scripts[catalog.generic_phone])
}
