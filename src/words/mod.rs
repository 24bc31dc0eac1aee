//! Every sentence the user sees, in Japanese and English side by side: the window's, the
//! command line's, and the explanation of every verdict the engine returns as data. Nothing
//! outside this folder holds a sentence (`tests/architecture.rs` checks that no Japanese, and
//! no other non-ASCII character, appears in `src/` outside it), so the font subset is made from
//! this folder and `data/`, and a new language is added here alone.
//!
//! - Fixed sentences and labels are the [`Text`] enum: `texts!` takes both translations of
//!   each, or does not compile.
//! - Sentences with values in them are functions, and the engine's verdicts implement
//!   [`Localized`], each a `match` on the language the compiler checks for completeness.

mod centers;
mod clipboard;
mod command_line;
mod hresult;
mod ids;
mod record;
mod saving;
mod text;
mod this_pc;
mod window;

pub use centers::{alternative_number, number_kind, source_line};
pub use command_line::{
    module_pixels_out_of_range, no_international_number, no_window_in_this_build,
};
pub use hresult::{explain_hresult, explains};
pub use ids::{iid_verdict, lookalike_or_not_found};
pub use record::{
    SHOWN_PRODUCT_CHARS, activation_line, kept_unshown, left_out, merged, more_left_out,
    not_in_the_csv, outcome, record_problem_elsewhere, seen_before, shown_product,
};
pub use saving::{cannot_write, cannot_write_for};
pub use text::Text;
pub use this_pc::{
    esu_note, esu_year_name, finish_report, license_status, microsoft_365_note, no_installation_id,
    no_offline_route, product_kind, product_label, report_written, say_in_report,
};
pub use window::{
    apply_question, bullet, digit_run_too_long, group_position, no_display, paste_does_not_fit,
    product_number, script_note, typed_so_far, window_failed,
};

use crate::language::Language;

/// Something the user is told, in either language.
pub trait Localized {
    fn message(&self, language: Language) -> String;
}

/// `A, B and C` / `A、B、C`.
fn and_list(parts: &[String], language: Language) -> String {
    match (parts, language) {
        ([init @ .., last], Language::English) if !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        (all, Language::English) => all.join(""),
        (all, Language::Japanese) => all.join("、"),
    }
}

/// `63, 54 or 50` / `63・54・50`.
fn or_list(parts: &[String], language: Language) -> String {
    match (parts, language) {
        ([init @ .., last], Language::English) if !init.is_empty() => {
            format!("{} or {last}", init.join(", "))
        }
        (all, Language::English) => all.join(""),
        (all, Language::Japanese) => all.join("・"),
    }
}

/// The first letter upper-cased (`group` → `Group`), for English sentences.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
