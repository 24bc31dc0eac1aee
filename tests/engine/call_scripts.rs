//! The embedded call scripts: shape, both languages, and the facts they must carry.

use activation_companion::centers::find_centers;
use activation_companion::language::Language;
use activation_companion::script::{
    CallScript, PORTAL_URL, Route, Step, all_scripts, call_script, line_history,
};

const RAW: &str = include_str!("../../data/call_scripts.json");

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
    assert!(
        n >= 7,
        "2 portal scripts, the callback and 4 phone lines expected, got {n}"
    );
}

#[test]
fn expected_scripts_exist_with_unique_ids() {
    let ids: Vec<&str> = all_scripts().iter().map(|s| s.id.as_str()).collect();
    for id in [
        "portal-this-pc",
        "portal",
        "callback",
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

/// The portal's screens as Microsoft Japan's screenshots show them (December 2025), in
/// order: the welcome button, the security check, the sign-in card (English even on the
/// Japanese page), the help question, the product, the nine boxes, submit, success and its
/// card, continue, the question whether it worked, and contact support behind it.
const PORTAL_LABELS_JA: &[&str] = &[
    "「Microsoft 製品ライセンス認証ポータルへようこそ!」",
    "[さぁ、始めましょう]",
    "「セキュリティの検証」",
    "[音声パズルに切り替える]",
    "[サインインに進む]",
    "「Sign in with your account」",
    "「どのようなことでお困りですか?」",
    "[Microsoft 製品のライセンス認証を行う]",
    "「どの製品をライセンス認証しようとしていますか?」",
    "[製品がリストに表示されません]",
    "[わかりません]",
    "「インストール ID の各グループを以下の対応するセクションに入力してください」",
    "[送信]",
    "「成功です。」",
    "[続ける]",
    "「製品のライセンス認証に成功しましたか?」",
    "[サポートに連絡する]",
    "aka.ms/vpah",
];

#[test]
fn the_portal_scripts_follow_the_portals_screens_in_order() {
    for route in [Route::PortalOnThisPc, Route::PortalOnPhone] {
        let portal = call_script(route);
        assert_eq!(portal.url.as_deref(), Some(PORTAL_URL));
        let ja = joined(portal, Language::Japanese);
        let mut from = 0;
        for label in PORTAL_LABELS_JA {
            let at = ja[from..]
                .find(label)
                .unwrap_or_else(|| panic!("{}: {label} missing or out of order", portal.id));
            from += at + label.len();
        }
        let en = joined(portal, Language::English);
        for words in [
            "welcome page",
            "security check",
            "Sign in with your account",
            "activate a Microsoft product",
            "not listed",
            "numbered box",
            "Submit",
            "A B C D E, then F G H",
            "Continue",
            "answer no",
            "callback",
            "aka.ms/vpah",
        ] {
            assert!(en.contains(words), "{}: no {words:?}", portal.id);
        }
        // Where the labels come from, and that the portal may change.
        assert!(ja.contains("日本マイクロソフト") && ja.contains("変わることがあります"));
        assert!(en.contains("Microsoft Japan") && en.contains("may change"));
    }
    assert_eq!(PORTAL_URL, "https://aka.ms/aoh");
}

#[test]
fn the_installation_id_goes_into_the_portals_nine_boxes_either_way() {
    // Whether a whole paste spreads over the nine boxes is not known: each script says what
    // to do in both cases, and that the app's groups are the boxes by number.
    for route in [Route::PortalOnThisPc, Route::PortalOnPhone] {
        let script = call_script(route);
        let ja = joined(script, Language::Japanese);
        assert!(
            ja.contains("グループ 1～9 が、ポータルの欄 1～9 です"),
            "{ja}"
        );
        assert!(ja.contains("1 番の欄にしか入ら"), "{}", script.id);
        let en = joined(script, Language::English);
        assert!(en.contains("groups 1-9 are the portal's boxes 1-9"), "{en}");
        assert!(en.contains("only box 1 took"), "{}", script.id);
        assert!(!en.contains("without spaces or dashes") && !ja.contains("1 つながり"));
    }
    // On this PC, one key per group; on a phone, the reading mode shows them one at a time.
    let here = joined(call_script(Route::PortalOnThisPc), Language::English);
    assert!(here.contains("Copy the next group\" (Ctrl+G)"), "{here}");
    let phone = joined(call_script(Route::PortalOnPhone), Language::English);
    assert!(
        phone.contains("Ctrl+R") && phone.contains("QR code"),
        "{phone}"
    );
}

#[test]
fn every_route_has_a_current_script_and_the_phone_lines_are_history() {
    for route in [Route::PortalOnThisPc, Route::PortalOnPhone, Route::Phone] {
        let script = call_script(route);
        assert_eq!(script.route, route);
        assert!(!script.history, "{}", script.id);
    }
    assert_eq!(call_script(Route::Phone).id, "callback");
    let lines: Vec<&str> = all_scripts()
        .iter()
        .filter(|s| s.history)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(lines, ["phone-jp", "phone-gb", "phone-us", "phone-generic"]);
}

#[test]
fn a_person_is_reached_through_the_portals_callback() {
    let callback = call_script(Route::Phone);
    let ja = joined(callback, Language::Japanese);
    for words in [
        "[いいえ]",
        "もう一度 [いいえ]",
        "[サポートに連絡する]",
        "「電話番号」",
        "[つながる]",
        "aka.ms/vpah",
        "Ctrl+R",
        "1 グループずつ",
        "1 ブロックずつ",
        "画面 3",
    ] {
        assert!(ja.contains(words), "no {words}: {ja}");
    }
    let en = joined(callback, Language::English);
    for words in [
        "Answer no",
        "Answer no again",
        "contact support",
        "callback",
        "aka.ms/vpah",
        "Ctrl+R",
        "group by group",
        "block by block",
        "screen 3",
    ] {
        assert!(en.contains(words), "no {words}: {en}");
    }
}

#[test]
fn the_end_of_voice_activation_is_microsoft_japans_statement() {
    for route in [Route::PortalOnThisPc, Route::PortalOnPhone] {
        let portal = call_script(route);
        let en = joined(portal, Language::English);
        assert!(
            en.contains("Microsoft Japan announced on 12 December 2025"),
            "{en}"
        );
        let ja = joined(portal, Language::Japanese);
        assert!(
            ja.contains("日本マイクロソフトは 2025 年 12 月 12 日"),
            "{ja}"
        );
    }
    for script in all_scripts() {
        let en = joined(script, Language::English);
        assert!(!en.contains("not official"), "{}", script.id);
        let ja = joined(script, Language::Japanese);
        assert!(!ja.contains("報告ベース"), "{}", script.id);
        assert!(
            !ja.contains("つながらない場合は Web ポータル"),
            "{}",
            script.id
        );
    }
}

/// Every activation center's number as written in the table, in the forms a script shows.
fn every_number() -> Vec<String> {
    find_centers("")
        .iter()
        .flat_map(|center| center.numbers().iter().map(|n| n.domestic.clone()))
        .collect()
}

#[test]
fn no_current_script_presents_a_phone_line_as_a_way_to_a_confirmation_id() {
    let numbers = every_number();
    for script in all_scripts().iter().filter(|s| !s.history) {
        for language in Language::ALL {
            for text in step_texts(script.steps(language)) {
                for number in &numbers {
                    assert!(!text.contains(number.as_str()), "{}: {text}", script.id);
                }
                assert!(!text.contains("Call "), "{}: {text}", script.id);
                assert!(!text.contains("に電話します"), "{}: {text}", script.id);
            }
        }
    }
    // A line's history says it ended, and every step naming its number says what a call
    // gets now.
    for script in all_scripts().iter().filter(|s| s.history) {
        let title = script.title(Language::English);
        assert!(title.contains("until December 2025"), "{title}");
        assert!(
            script
                .title(Language::Japanese)
                .contains("2025 年 12 月に終了")
        );
        assert!(
            script
                .summary(Language::English)
                .contains("a call no longer gets a Confirmation ID")
        );
        assert!(
            script
                .summary(Language::Japanese)
                .contains("いま電話しても確認 ID は受け取れません")
        );
        for language in Language::ALL {
            for step in script.steps(language) {
                let names_a_number = numbers.iter().any(|n| step.text.contains(n.as_str()));
                let now = step.detail.as_deref().unwrap_or("");
                if names_a_number {
                    assert!(
                        now.contains("recording") || now.contains("録音"),
                        "{}: {}",
                        script.id,
                        step.text
                    );
                }
                assert!(!step.text.starts_with("Call "), "{}", step.text);
            }
        }
    }
}

#[test]
fn no_offline_flow_editions_are_noted() {
    let portal = call_script(Route::PortalOnPhone);
    let en = joined(portal, Language::English);
    assert!(en.contains("Pro for Workstations") && en.contains("Pro Education"));
    let ja = joined(portal, Language::Japanese);
    assert!(ja.contains("Pro for Workstations") && ja.contains("Pro Education"));
}

#[test]
fn phone_lines_are_marked_as_guides() {
    for script in all_scripts().iter().filter(|s| s.history) {
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
    assert!(!call_script(Route::PortalOnPhone).guide);
}

#[test]
fn phone_line_history_by_country() {
    assert_eq!(line_history(Some("jp")).id, "phone-jp");
    assert_eq!(line_history(Some("JP")).id, "phone-jp");
    assert_eq!(line_history(Some("GB")).id, "phone-gb");
    assert_eq!(line_history(Some("gb")).id, "phone-gb");
    assert_eq!(line_history(Some("US")).id, "phone-us");
    assert_eq!(line_history(Some("AU")).id, "phone-us");
    assert_eq!(line_history(Some("FR")).id, "phone-generic");
    assert_eq!(line_history(Some("")).id, "phone-generic");
    assert_eq!(line_history(None).id, "phone-generic");
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
    let gb = line_history(Some("GB"));
    let en = joined(gb, Language::English);
    assert!(en.contains("0800 018 8354"));
    assert!(
        en.contains("one group at a time") && en.contains("group 9"),
        "{en}"
    );
    assert!(en.contains("blocks A-H"));
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
    let jp = line_history(Some("JP"));
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
    for script in all_scripts().iter().filter(|s| s.history) {
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
    let japan = line_history(Some("JP"));
    let call = &japan.steps(Language::English)[1];
    assert_eq!(call.text, "The line was 0120-801-734 (toll-free).");
    assert!(
        call.detail
            .as_deref()
            .unwrap()
            .contains("03-6831-3460 (+81368313460 from abroad)")
    );
    let uk = line_history(Some("GB"));
    assert_eq!(
        uk.steps(Language::English)[1].text,
        "The line was 0800 018 8354 (toll-free)."
    );
}
