//! The embedded call scripts: shape, both languages, and the facts they must carry.

use activation_companion::language::Language;
use activation_companion::script::{CallScript, PORTAL_URL, Route, Step, all_scripts, call_script};

const RAW: &str = include_str!("../data/call_scripts.json");

fn is_japanese_char(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' // CJK punctuation (、。「」)
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms (（）～)
    )
}

fn has_japanese(s: &str) -> bool {
    s.chars().any(is_japanese_char)
}

/// The text and detail of each step.
fn step_texts(steps: &[Step]) -> impl Iterator<Item = &str> {
    steps
        .iter()
        .flat_map(|s| std::iter::once(s.text.as_str()).chain(s.detail.as_deref()))
}

/// Every user-facing string of a script in one language.
fn texts(script: &CallScript, language: Language) -> Vec<&str> {
    let mut out = vec![script.title(language), script.summary(language)];
    out.extend(step_texts(script.steps(language)));
    out.extend(step_texts(script.if_rejected(language)));
    out.extend(script.notes(language).iter().map(String::as_str));
    out
}

fn joined(script: &CallScript, language: Language) -> String {
    texts(script, language).join("\n")
}

#[test]
fn embedded_json_parses() {
    let value: serde_json::Value = serde_json::from_str(RAW).expect("valid JSON");
    let n = value["scripts"].as_array().expect("scripts array").len();
    assert_eq!(all_scripts().len(), n);
    assert!(n >= 5, "portal + 4 phone scripts expected, got {n}");
}

#[test]
fn expected_scripts_exist_with_unique_ids() {
    let ids: Vec<&str> = all_scripts().iter().map(|s| s.id.as_str()).collect();
    for id in [
        "portal",
        "phone-jp",
        "phone-gb",
        "phone-us",
        "phone-generic",
    ] {
        assert!(ids.contains(&id), "missing script {id}");
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids in {ids:?}");
}

#[test]
fn every_script_has_at_least_three_steps_and_equal_counts() {
    for script in all_scripts() {
        let ja = script.steps(Language::Japanese).len();
        let en = script.steps(Language::English).len();
        assert!(ja >= 3, "{}: only {ja} ja steps", script.id);
        assert_eq!(ja, en, "{}: ja has {ja} steps, en has {en}", script.id);
        assert_eq!(
            script.notes(Language::Japanese).len(),
            script.notes(Language::English).len(),
            "{}: note counts differ",
            script.id
        );
        let rj = script.if_rejected(Language::Japanese).len();
        let re = script.if_rejected(Language::English).len();
        assert!(rj >= 1, "{}: no advice for a rejected ID", script.id);
        assert_eq!(rj, re, "{}: if_rejected counts differ", script.id);
    }
}

#[test]
fn details_are_paired_across_languages() {
    for script in all_scripts() {
        let pairs = script
            .steps(Language::Japanese)
            .iter()
            .zip(script.steps(Language::English));
        for (i, (ja, en)) in pairs.enumerate() {
            assert_eq!(
                ja.detail.is_some(),
                en.detail.is_some(),
                "{} step {}: detail present in one language only",
                script.id,
                i + 1
            );
        }
    }
}

#[test]
fn no_empty_text() {
    for script in all_scripts() {
        for language in Language::ALL {
            for text in texts(script, language) {
                assert!(
                    !text.trim().is_empty(),
                    "{} ({}): empty text",
                    script.id,
                    language.tag()
                );
            }
        }
    }
}

#[test]
fn japanese_is_japanese_and_english_is_not() {
    for script in all_scripts() {
        for text in texts(script, Language::Japanese) {
            assert!(
                has_japanese(text),
                "{} ja: no Japanese in {text:?}",
                script.id
            );
        }
        for text in texts(script, Language::English) {
            assert!(
                !has_japanese(text),
                "{} en: Japanese in {text:?}",
                script.id
            );
        }
    }
}

#[test]
fn portal_script_mentions_account_sign_in_and_url() {
    let portal = call_script(Route::PortalOnPhone, None);
    assert_eq!(portal.id, "portal");
    assert_eq!(portal.route, Route::PortalOnPhone);
    assert_eq!(portal.url.as_deref(), Some(PORTAL_URL));
    assert_eq!(PORTAL_URL, "https://aka.ms/aoh");

    let en = joined(portal, Language::English);
    assert!(en.contains("aka.ms/aoh"));
    assert!(en.contains("Sign in with a Microsoft account"), "{en}");
    assert!(en.contains("CAPTCHA"));
    assert!(en.contains("QR"));
    assert!(en.contains("A–H"));

    let ja = joined(portal, Language::Japanese);
    assert!(ja.contains("aka.ms/aoh"));
    assert!(ja.contains("Microsoft アカウントでサインイン"), "{ja}");
    assert!(ja.contains("QR"));
    assert!(ja.contains("A～H"));
}

#[test]
fn portal_ignores_country() {
    for country in [Some("JP"), Some("gb"), Some("FR"), None] {
        assert_eq!(call_script(Route::PortalOnPhone, country).id, "portal");
    }
}

#[test]
fn retirement_is_reported_never_announced() {
    let portal = call_script(Route::PortalOnPhone, None);
    let en_note = portal
        .notes(Language::English)
        .iter()
        .find(|n| n.contains("recording"))
        .expect("portal carries the retirement note (en)");
    assert!(en_note.contains("reported"), "{en_note}");
    assert!(en_note.contains("12 December 2025") && en_note.contains("early January 2026"));
    let ja_note = portal
        .notes(Language::Japanese)
        .iter()
        .find(|n| n.contains("録音"))
        .expect("portal carries the retirement note (ja)");
    assert!(
        ja_note.contains("報告") || ja_note.contains("伝えられ"),
        "{ja_note}"
    );

    // Every phone script points back to the portal with the same caution.
    for script in all_scripts().iter().filter(|s| s.route == Route::Phone) {
        let en = joined(script, Language::English);
        assert!(
            en.contains("reported") && en.contains("aka.ms/aoh"),
            "{}",
            script.id
        );
        let ja = joined(script, Language::Japanese);
        assert!(
            ja.contains("報告") || ja.contains("伝えられ"),
            "{}",
            script.id
        );
    }

    for script in all_scripts() {
        let en = joined(script, Language::English).to_lowercase();
        assert!(!en.contains("announce"), "{}: says announced", script.id);
        let ja = joined(script, Language::Japanese);
        for word in ["発表", "公表", "告知"] {
            assert!(!ja.contains(word), "{}: says {word}", script.id);
        }
    }
}

#[test]
fn no_offline_flow_editions_are_noted() {
    let portal = call_script(Route::PortalOnPhone, None);
    let en = joined(portal, Language::English);
    assert!(en.contains("Pro for Workstations") && en.contains("Pro Education"));
    let ja = joined(portal, Language::Japanese);
    assert!(ja.contains("Pro for Workstations") && ja.contains("Pro Education"));
}

#[test]
fn phone_scripts_are_marked_as_guides() {
    for script in all_scripts().iter().filter(|s| s.route == Route::Phone) {
        assert!(script.guide, "{} not flagged as a guide", script.id);
        assert!(
            joined(script, Language::English).contains("guide"),
            "{}",
            script.id
        );
        assert!(
            joined(script, Language::Japanese).contains("目安"),
            "{}",
            script.id
        );
    }
    assert!(!call_script(Route::PortalOnPhone, None).guide);
}

#[test]
fn phone_script_lookup_by_country() {
    assert_eq!(call_script(Route::Phone, Some("jp")).id, "phone-jp");
    assert_eq!(call_script(Route::Phone, Some("JP")).id, "phone-jp");
    assert_eq!(call_script(Route::Phone, Some("GB")).id, "phone-gb");
    assert_eq!(call_script(Route::Phone, Some("gb")).id, "phone-gb");
    assert_eq!(call_script(Route::Phone, Some("US")).id, "phone-us");
    assert_eq!(call_script(Route::Phone, Some("AU")).id, "phone-us");
    assert_eq!(call_script(Route::Phone, Some("FR")).id, "phone-generic");
    assert_eq!(call_script(Route::Phone, Some("")).id, "phone-generic");
    assert_eq!(call_script(Route::Phone, None).id, "phone-generic");
    for script in all_scripts() {
        assert!(
            script
                .countries
                .iter()
                .all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase())),
            "{}: countries must be upper-case ISO alpha-2",
            script.id
        );
    }
}

#[test]
fn uk_script_enters_nine_groups_and_reads_blocks_a_to_h() {
    let gb = call_script(Route::Phone, Some("GB"));
    let en = joined(gb, Language::English);
    assert!(en.contains("0800 018 8354"));
    assert!(
        en.contains("one group at a time") && en.contains("group 9"),
        "{en}"
    );
    assert!(en.contains("blocks A–H"));
    assert!(en.contains("* to repeat"));
    let ja = joined(gb, Language::Japanese);
    assert!(
        ja.contains("1 グループずつ") && ja.contains("グループ 9"),
        "{ja}"
    );
    assert!(ja.contains("A～H"));
}

#[test]
fn japan_script_uses_734_and_leaves_704_to_the_centers_table() {
    let jp = call_script(Route::Phone, Some("JP"));
    for language in Language::ALL {
        let first_call = &jp.steps(language)[1].text;
        assert!(first_call.contains("0120-801-734"), "{first_call}");
        // The blog's 704 is a noted alternative of the Japan row, shown beside the numbers;
        // the script does not repeat it.
        assert!(
            !jp.notes(language)
                .iter()
                .any(|n| n.contains("0120-801-704"))
        );
    }
}

#[test]
fn rejected_id_advice_mentions_agent_zero_then_one() {
    for script in all_scripts().iter().filter(|s| s.route == Route::Phone) {
        let en = step_texts(script.if_rejected(Language::English))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            en.contains("agent") && en.contains("0 and then 1"),
            "{}",
            script.id
        );
        assert!(en.contains("Installation ID"), "{}", script.id);
    }
}

#[test]
fn routes_are_saved_by_their_tags() {
    let json = serde_json::to_string(&Route::PortalOnPhone).unwrap();
    assert_eq!(json, "\"portal\"");
}

#[test]
fn phone_numbers_come_from_the_centers_table_and_are_all_filled() {
    for script in all_scripts() {
        for language in [Language::Japanese, Language::English] {
            let mut texts = vec![script.summary(language).to_string()];
            for step in script
                .steps(language)
                .iter()
                .chain(script.if_rejected(language))
            {
                texts.push(step.text.clone());
                texts.extend(step.detail.clone());
            }
            texts.extend(script.notes(language).iter().cloned());
            for text in texts {
                assert!(
                    !text.contains("{toll"),
                    "{}: unfilled placeholder in {text}",
                    script.id
                );
            }
        }
    }
    let japan = call_script(Route::Phone, Some("JP"));
    let call = &japan.steps(Language::English)[1];
    assert_eq!(call.text, "Call 0120-801-734 (toll-free).");
    assert!(
        call.detail
            .as_deref()
            .unwrap()
            .contains("03-6831-3460 (+81368313460 from abroad)")
    );
    let uk = call_script(Route::Phone, Some("GB"));
    assert!(uk.summary(Language::English).contains("(0800 018 8354)"));
}
