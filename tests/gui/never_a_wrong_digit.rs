//! A Confirmation ID on screen is either the one the user carried across or said to be wrong:
//! a paste never shifts or drops a block, and a format that cannot apply is never called
//! consistent, copied or recorded.

use super::*;

const GROUPED: &str = "426296-483130-829081-394993-064403-777482-905722-580616";
/// Another consistent Confirmation ID (block A changed, still consistent).
const CORRECTED: &str = "154814483130829081394993064403777482905722580616";
/// A published 50-digit Windows XP RTM Installation ID (8 groups of 6 and one of 2).
const XP_RTM_IID: &str = "14037188531115461057117122732036502128316172554233";

fn blocks(app: &App) -> Vec<String> {
    app.confirmation().blocks().to_vec()
}

fn as_blocks(digits: &str) -> Vec<String> {
    digits
        .as_bytes()
        .chunks(6)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect()
}

/// Ctrl+V into box `index` holding `clipboard`: the text field hands over the box's contents
/// with the paste put in at the caret (the end), as iced does; then the clipboard is read.
fn ctrl_v(app: &mut App, index: usize, clipboard: &str) {
    let contents = format!("{}{clipboard}", app.confirmation().blocks()[index]);
    let flattened: String = contents.chars().filter(|c| !c.is_control()).collect();
    let task = app.update(Message::Confirmation(confirmation::Message::Pasted(
        index, flattened,
    )));
    run_with_clipboard(app, task, &mut Some(clipboard.to_string()));
}

fn screen_3_with(iid: Option<&str>, language: Language) -> (tempfile::TempDir, App) {
    let (home, mut app) = started(language, iid);
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    (home, app)
}

/// Ctrl+V pressed twice in box A (the focus and the caret are back in A after the first):
/// the box's six digits plus the paste made 54 digits, spread from A onward with H dropped,
/// every block "consistent".
#[test]
fn ctrl_v_twice_gives_the_same_confirmation_id_again() {
    for language in Language::ALL {
        let (_home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        ctrl_v(&mut app, 0, GROUPED);
        assert_eq!(blocks(&app), as_blocks(CID), "{language:?}");
        ctrl_v(&mut app, 0, GROUPED);
        assert_eq!(
            blocks(&app),
            as_blocks(CID),
            "{language:?}: nothing shifted"
        );
        // And from any other box.
        ctrl_v(&mut app, 5, CID);
        assert_eq!(blocks(&app), as_blocks(CID), "{language:?}");
        assert_eq!(app.confirmation().consistent_id().unwrap().digits(), CID);
    }
}

/// A corrected Confirmation ID pasted over a full one replaces every block (A kept the old
/// block, and the rest shifted).
#[test]
fn a_corrected_confirmation_id_pasted_over_a_full_one_replaces_it() {
    let (home, mut app) = screen_3_with(Some(SLMGR_DTI), Language::English);
    ctrl_v(&mut app, 0, CID);
    ctrl_v(&mut app, 0, CORRECTED);
    assert_eq!(blocks(&app), as_blocks(CORRECTED));
    ctrl_v(&mut app, 3, GROUPED);
    assert_eq!(blocks(&app), as_blocks(CID));
    // The record holds exactly the two IDs completed, never a shifted one.
    let mut recorded: Vec<String> = common::recorded_in(home.path())
        .into_iter()
        .map(|a| a.confirmation_id)
        .collect();
    recorded.sort();
    let mut expected = vec![CID.to_string(), CORRECTED.to_string()];
    expected.sort();
    assert_eq!(recorded, expected);
}

/// What is not a whole ID goes in only where it fits whole: blocks into the boxes from the one
/// pasted into, a few digits into that box as if typed; anything else is said and changes
/// nothing.
#[test]
fn a_paste_that_is_not_a_whole_id_never_shifts_or_drops_a_block() {
    for language in Language::ALL {
        let (_home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        ctrl_v(&mut app, 1, "483130 829081");
        assert_eq!(blocks(&app)[..3], ["", "483130", "829081"], "{language:?}");
        ctrl_v(&mut app, 0, "4262");
        ctrl_v(&mut app, 0, "96");
        assert_eq!(blocks(&app)[0], "426296", "typed in, as a few digits are");
        ctrl_v(&mut app, 3, CID);
        let full = blocks(&app);
        // Two blocks pasted into H: they do not fit, and nothing moves.
        for (index, pasted) in [(7, "394993-064403"), (2, "8290813"), (6, "123")] {
            ctrl_v(&mut app, index, pasted);
            assert_eq!(blocks(&app), full, "{language:?}: {pasted} into {index}");
        }
        let said = words::paste_does_not_fit(3, 'G', language);
        simulator(&app)
            .find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));
        assert_eq!(
            app.confirmation()
                .consistent_id()
                .map(|c| c.digits().to_string()),
            Some(CID.to_string())
        );
    }
}

/// The same Confirmation ID twice on one line, through the "Paste" button: it was read as a
/// 7-block ID made of blocks B-H, every block "consistent".
#[test]
fn the_same_confirmation_id_twice_on_one_line_is_pasted_once() {
    let (_home, mut app) = screen_3_with(None, Language::English);
    for twice in [
        format!("{GROUPED} {GROUPED}"),
        format!("{GROUPED}-{GROUPED}"),
    ] {
        let mut clipboard = Some(twice.clone());
        let task = app.update(Message::Confirmation(confirmation::Message::PasteClicked));
        run_with_clipboard(&mut app, task, &mut clipboard);
        assert_eq!(blocks(&app), as_blocks(CID), "{twice}");
        assert_eq!(
            app.confirmation().format(),
            activation_companion::id::CidFormat::EightBlocks
        );
    }
}

/// With a 63-digit Installation ID (Vista and later) and a full Confirmation ID, "7 blocks
/// (XP)" dropped block H, called the rest consistent, copied a 42-digit command and recorded
/// it; "8 blocks" brought H back empty.
#[test]
fn the_xp_format_never_applies_to_a_vista_and_later_installation_id() {
    for language in Language::ALL {
        let (_home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        ctrl_v(&mut app, 0, CID);
        let seven = Text::SevenBlocks.in_language(language);
        assert!(
            simulator(&app).find(seven).is_err(),
            "{language:?}: no 7-block choice for a 63-digit ID"
        );
        simulator(&app)
            .find(Text::EightBlocksForThisId.in_language(language))
            .expect("on screen");
        let _ = app.update(Message::Confirmation(confirmation::Message::SetFormat(
            activation_companion::id::CidFormat::SevenBlocks,
        )));
        assert_eq!(blocks(&app), as_blocks(CID), "H is kept");
        assert_eq!(
            app.confirmation().consistent_id().unwrap().digits(),
            CID,
            "still the 48 digits"
        );

        // A 42-digit ID pasted for it (issue 22: it was taken into A-G): refused as the wrong
        // length, the boxes as they were; on empty boxes, nothing consistent, copied or
        // recorded.
        ctrl_v(&mut app, 0, &GROUPED[..48]);
        assert_eq!(blocks(&app), as_blocks(CID), "nothing moved");
        let wrong_length = activation_companion::id::IdProblem::WrongLength {
            kind: activation_companion::id::IdKind::Confirmation,
            found: 42,
            expected: &[48],
            first_bad: None,
        };
        simulator(&app)
            .find(wrong_length.message(language))
            .expect("on screen");
        let (home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        let before = common::record_in(home.path());
        ctrl_v(&mut app, 0, &GROUPED[..48]);
        assert!(blocks(&app).iter().all(String::is_empty));
        assert!(app.confirmation().consistent_id().is_none());
        {
            let mut ui = simulator(&app);
            assert!(
                ui.find(Text::AllBlocksConsistent.in_language(language))
                    .is_err()
            );
            assert!(ui.find(Text::CopySlmgr.in_language(language)).is_err());
        }
        let mut clipboard = None;
        let task = app.update(Message::Confirmation(confirmation::Message::Copy(
            confirmation::Copy::SlmgrCommand,
        )));
        run_with_clipboard(&mut app, task, &mut clipboard);
        assert_eq!(clipboard, None, "nothing copied");
        assert_eq!(common::record_in(home.path()), before);
    }
}

/// Where the format is open (no Installation ID yet, or 54 digits), choosing 7 blocks keeps
/// a typed block H on screen and calls nothing consistent until it is cleared or 8 chosen.
#[test]
fn choosing_seven_blocks_never_drops_a_typed_block() {
    let (_home, mut app) = screen_3_with(None, Language::English);
    ctrl_v(&mut app, 0, CID);
    interact(&mut app, |ui| {
        ui.click(Text::SevenBlocks.in_language(Language::English))
            .expect("the choice is offered without an Installation ID");
    });
    assert_eq!(blocks(&app), as_blocks(CID));
    assert!(app.confirmation().consistent_id().is_none());
    {
        let mut ui = simulator(&app);
        ui.find("580616").expect("H is still on screen");
        ui.find(Text::BlockHNotInSeven.in_language(Language::English))
            .expect("on screen");
        assert!(
            ui.find(Text::AllBlocksConsistent.in_language(Language::English))
                .is_err()
        );
    }
    interact(&mut app, |ui| {
        ui.click(Text::EightBlocks.in_language(Language::English))
            .unwrap();
    });
    assert_eq!(app.confirmation().consistent_id().unwrap().digits(), CID);

    // A 50-digit XP ID takes 7 blocks: a 42-digit Confirmation ID is consistent for it.
    let (_home, mut app) = screen_3_with(Some(XP_RTM_IID), Language::English);
    assert!(app.installation().id().unwrap().is_valid());
    ctrl_v(&mut app, 0, &CID[..42]);
    assert_eq!(
        app.confirmation().consistent_id().unwrap().digits(),
        &CID[..42]
    );
}

/// The portal's result card as a browser copies it, in the card's own language: the
/// heading naming the product and version (or one whose six digits pass as a block), the
/// ID's name, the blocks in each layout the card copies in, the buttons below.
fn portal_cards(language: Language) -> Vec<String> {
    let card = match language {
        Language::Japanese => &common::JAPANESE_CARD,
        Language::English => &common::ENGLISH_CARD,
    };
    common::card_layouts(CID)
        .into_iter()
        .flat_map(|(_, body)| {
            [None, Some("Windows 10 Build 190443")].map(|heading| card.around(heading, &body))
        })
        .collect()
}

/// The card pasted with Ctrl+V into any box, or with the Paste button, fills A-H with its
/// Confirmation ID: they answered "No Confirmation ID found" for the card's own layout.
#[test]
fn the_portals_card_as_copied_fills_every_box() {
    for language in Language::ALL {
        for card in portal_cards(language) {
            let (_home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
            ctrl_v(&mut app, 2, &card);
            assert_eq!(blocks(&app), as_blocks(CID), "{language:?}: {card}");
            let (_home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
            let task = app.update(Message::Confirmation(confirmation::Message::PasteClicked));
            run_with_clipboard(&mut app, task, &mut Some(card.clone()));
            assert_eq!(blocks(&app), as_blocks(CID), "{language:?}: {card}");
            simulator(&app)
                .find(Text::AllBlocksConsistent.in_language(language))
                .unwrap_or_else(|error| panic!("{error:?}: {language:?}"));
        }
    }
}

/// A card whose labels cannot be matched to its blocks (one lost) fills nothing, and the
/// window says what it saw rather than that nothing was found.
#[test]
fn a_card_that_cannot_be_read_says_what_was_seen() {
    let lost_h = "Windows 10 — Success.\nA B C D E\n426296 483130 829081 394993 064403\nF G\n\
                  777482 905722 580616\n";
    for language in Language::ALL {
        let (_home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        ctrl_v(&mut app, 0, lost_h);
        assert!(blocks(&app).iter().all(String::is_empty), "{language:?}");
        let said = activation_companion::id::IdProblem::Unmatched {
            kind: activation_companion::id::IdKind::Confirmation,
            digits: 48,
            parts: 8,
            labelled: true,
        }
        .message(language);
        simulator(&app)
            .find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));
    }
}

/// Nine numbered fields copied out of order: screen 1 says the 63 digits in 9 groups it saw,
/// not that no Installation ID was found (it said "not found" after the engine knew better).
#[test]
fn numbered_fields_that_cannot_be_read_say_what_was_seen_on_screen_1() {
    let iid = "489126343257012289105546522085205332958764158851011127139061121";
    let shuffled: Vec<String> = [1, 2, 3, 5, 4, 6, 7, 8, 9]
        .iter()
        .enumerate()
        .map(|(g, number)| format!("{number}: {}", &iid[g * 7..g * 7 + 7]))
        .collect();
    let text = format!("Office 2021\n{}", shuffled.join("\n"));
    for language in Language::ALL {
        let home = tempfile::tempdir().unwrap();
        let app = start(&home, language, Some(&text));
        let said = activation_companion::id::IdProblem::Unmatched {
            kind: activation_companion::id::IdKind::Installation,
            digits: 63,
            parts: 9,
            labelled: true,
        }
        .message(language);
        let ui = &mut simulator(&app);
        ui.find(said.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {said}"));
        let not_found = activation_companion::id::IdProblem::NotFound {
            kind: activation_companion::id::IdKind::Installation,
        }
        .message(language);
        assert!(ui.find(not_found.as_str()).is_err());
    }
}

// ---- Issue 22: a Confirmation ID belongs to the Installation ID it was typed for -------------

/// A second published Installation ID (another PC).
const OTHER_IID: &str = "465145217131314304264339481117862266242033457260311819664735280";

/// Replaces screen 1's box with `text`, as Ctrl+A then Ctrl+V there do.
fn paste_on_screen_1(app: &mut App, text: &str) {
    use iced::widget::text_editor::{Action, Edit};
    let _ = app.update(Message::Installation(installation::Message::Edited(
        Action::SelectAll,
    )));
    let task = app.update(Message::Installation(installation::Message::Edited(
        Action::Edit(Edit::Paste(std::sync::Arc::new(text.to_string()))),
    )));
    run(app, task);
}

fn recorded(home: &tempfile::TempDir) -> Vec<(String, String)> {
    common::recorded_in(home.path())
        .into_iter()
        .map(|a| (a.installation_id, a.confirmation_id))
        .collect()
}

/// Item 2: a CID pasted for ID 1, then ID 2 pasted on screen 1: screen 3 kept ID 1's CID,
/// green, and retyping a digit recorded ID 2 with it. Now screen 3 is empty for ID 2, nothing
/// is recorded for it, and ID 1's CID comes back with ID 1.
#[test]
fn a_new_installation_id_never_shows_or_records_the_old_confirmation_id() {
    for language in Language::ALL {
        let (home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        ctrl_v(&mut app, 0, GROUPED);
        assert_eq!(
            recorded(&home),
            vec![(SLMGR_DTI_IID.to_string(), CID.to_string())]
        );
        let _ = app.update(Message::Show(Screen::InstallationId));
        paste_on_screen_1(&mut app, OTHER_IID);
        let _ = app.update(Message::Show(Screen::ConfirmationId));
        assert!(
            blocks(&app).iter().all(String::is_empty),
            "{language:?}: {:?}",
            blocks(&app)
        );
        {
            let mut ui = simulator(&app);
            assert!(
                ui.find(Text::AllBlocksConsistent.in_language(language))
                    .is_err()
            );
            assert!(
                ui.find("426296").is_err(),
                "{language:?}: ID 1's block A on show"
            );
        }
        let task = app.update(Message::Confirmation(confirmation::Message::Edited(
            0,
            "426296".into(),
        )));
        run(&mut app, task);
        assert!(
            recorded(&home).iter().all(|(iid, _)| iid != OTHER_IID),
            "{language:?}: {:?}",
            recorded(&home)
        );
        // Back to the first PC: its Confirmation ID with it.
        let _ = app.update(Message::Show(Screen::InstallationId));
        paste_on_screen_1(&mut app, SLMGR_DTI);
        assert_eq!(blocks(&app), as_blocks(CID), "{language:?}");
    }
}

/// Item 2, at start-up: `gui --iid ID2` over a session saved with ID 1's Confirmation ID
/// (the same path a waiting second window takes when it takes over).
#[test]
fn a_start_with_another_installation_id_never_shows_the_saved_confirmation_id() {
    let (home, mut app) = screen_3_with(Some(SLMGR_DTI), Language::English);
    ctrl_v(&mut app, 0, GROUPED);
    close(&mut app);
    drop(app);
    let app = start(&home, Language::English, Some(OTHER_IID));
    assert_eq!(
        app.installation().id().map(|id| id.digits()),
        Some(OTHER_IID)
    );
    assert!(
        blocks(&app).iter().all(String::is_empty),
        "{:?}",
        blocks(&app)
    );
    assert_eq!(app.confirmation().consistent_id(), None);
    // And without `--iid`, ID 1 and its Confirmation ID come back together.
    let mut app = app;
    close(&mut app);
    drop(app);
    let app = start(&home, Language::English, Some(SLMGR_DTI));
    assert_eq!(blocks(&app), as_blocks(CID));
}

/// Item 3: after a whole CID, Ctrl+A in A and a new first block recorded the new A with the
/// old B-H, one more entry per block. Now only the new CID is recorded, once it is whole.
#[test]
fn typing_over_a_finished_confirmation_id_records_no_mix() {
    let (home, mut app) = screen_3_with(Some(SLMGR_DTI), Language::English);
    ctrl_v(&mut app, 0, CID);
    type_blocks(&mut app, &as_blocks(CORRECTED)[..1], 0);
    assert_eq!(
        recorded(&home),
        vec![(SLMGR_DTI_IID.to_string(), CID.to_string())]
    );
    // A new ID typed whole, block by block: recorded once, when it is whole.
    let new = common::cid(31);
    for (index, block) in as_blocks(&new).iter().enumerate() {
        let task = app.update(Message::Confirmation(confirmation::Message::Edited(
            index,
            block.clone(),
        )));
        run(&mut app, task);
        let entries = recorded(&home);
        assert_eq!(
            entries.len(),
            if index == 7 { 2 } else { 1 },
            "after block {index}: {entries:?}"
        );
    }
    assert!(recorded(&home).contains(&(SLMGR_DTI_IID.to_string(), new)));
}

/// Types these blocks into the boxes from box `from` on, one box each.
fn type_blocks(app: &mut App, blocks: &[String], from: usize) {
    for (offset, block) in blocks.iter().enumerate() {
        let task = app.update(Message::Confirmation(confirmation::Message::Edited(
            from + offset,
            block.clone(),
        )));
        run(app, task);
    }
}

/// Item 4: a session with a 7-digit D and a 12-digit F came back as D and F cut to six
/// digits, "✓ OK", with only "Your unfinished session was restored." Now they are left
/// empty and named with what the file held; the other blocks come back as saved.
#[test]
fn an_odd_saved_block_is_named_never_cut() {
    let home = tempfile::tempdir().unwrap();
    let mut session = activation_companion::session::Session {
        installation_text: SLMGR_DTI.to_string(),
        cid_blocks: as_blocks(CID),
        ..Default::default()
    };
    session.cid_blocks[3] = "3949931".into();
    session.cid_blocks[5] = "777482123456".into();
    SessionStore::in_dir(home.path()).save(&session).unwrap();
    for language in Language::ALL {
        let app = start(&home, language, None);
        let mut expected = as_blocks(CID);
        expected[3].clear();
        expected[5].clear();
        assert_eq!(blocks(&app), expected, "{language:?}");
        let not_taken = words::blocks_not_taken(
            &[
                NotTaken {
                    installation_id: SLMGR_DTI_IID.into(),
                    box_letter: 'D',
                    saved: "3949931".into(),
                },
                NotTaken {
                    installation_id: SLMGR_DTI_IID.into(),
                    box_letter: 'F',
                    saved: "777482123456".into(),
                },
            ],
            language,
        );
        assert!(not_taken.contains("D 3949931") && not_taken.contains("F 777482123456"));
        simulator(&app)
            .find(not_taken.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}"));
    }
}

/// Item 5: a product key pasted into the Installation ID box was shown and saved whole in
/// `session.json`. Now it is taken out, named, and never saved; in a Confirmation ID box it is
/// refused and never kept.
#[test]
fn a_product_key_in_an_id_box_is_named_and_never_kept() {
    const KEY: &str = "VK7JG-NPHTM-C97JM-9MPGT-3V66T";
    for language in Language::ALL {
        let (home, mut app) = started(language, None);
        paste_on_screen_1(&mut app, &format!("Product key: {KEY}"));
        assert!(!app.installation().text().contains("VK7JG"));
        simulator(&app)
            .find(words::product_key_in_iid_box(language))
            .expect("on screen");
        close(&mut app);
        let saved = std::fs::read_to_string(home.path().join("session.json")).unwrap();
        assert!(
            !saved.contains("VK7JG") && !saved.contains("3V66T"),
            "{saved}"
        );

        let _ = app.update(Message::Show(Screen::ConfirmationId));
        ctrl_v(&mut app, 0, KEY);
        assert!(blocks(&app).iter().all(String::is_empty));
        let refused = activation_companion::in_progress::Refused::ProductKey.message(language);
        simulator(&app)
            .find(refused.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}"));
    }
}

/// Item 6: over 16 KB, a paste with a letter for a digit emptied the box and said "No
/// Installation ID found" (the command line named the letter). Now the letter is named, and
/// the box gets the keyboard back.
#[test]
fn a_long_paste_with_a_letter_for_a_digit_names_the_letter() {
    let with_letter = SLMGR_DTI.replacen("1588510", "l588510", 1);
    let long = format!("{}\n{with_letter}\n", "x".repeat(20 * 1024));
    for language in Language::ALL {
        let (_home, mut app) = started(language, None);
        use iced::widget::text_editor::{Action, Edit};
        let task = app.update(Message::Installation(installation::Message::Edited(
            Action::Edit(Edit::Paste(std::sync::Arc::new(long.clone()))),
        )));
        let expected = activation_companion::id::read_installation_ids(&with_letter)
            .slip
            .expect("the letter is a slip")
            .message(language);
        simulator(&app)
            .find(expected.as_str())
            .unwrap_or_else(|error| panic!("{error:?}: {language:?}: {expected}"));
        assert!(
            simulator(&app)
                .find(Text::IidEmpty.in_language(language))
                .is_err()
        );
        // The keyboard goes back to the box: a focus operation is among what the update asks.
        let focuses = iced_test::runtime::task::into_stream(task)
            .map(|stream| {
                iced_test::futures::futures::executor::block_on_stream(stream)
                    .filter(|action| matches!(action, iced_test::runtime::Action::Widget(_)))
                    .count()
            })
            .unwrap_or(0);
        assert!(focuses > 0, "{language:?}: the box keeps the keyboard");
    }
}

/// A session saved by the previous version (no `cid_for`: its blocks went with screen 1's
/// chosen ID) still loads: the blocks come back with that ID, and a half-typed one goes on.
#[test]
fn a_session_of_the_previous_version_still_loads() {
    let home = tempfile::tempdir().unwrap();
    let old = format!(
        r#"{{"installation_text": "Installation ID: {SLMGR_DTI_IID}", "this_pc_products": [],
            "chosen_product": 0, "route": "Phone", "country": "JP", "ticked_steps": [],
            "cid_format": "8x6", "cid_blocks": ["426296", "483130", "8290"], "language": "en"}}"#
    );
    std::fs::write(home.path().join("session.json"), old).unwrap();
    let mut app = start(&home, Language::English, None);
    assert_eq!(blocks(&app)[..3], ["426296", "483130", "8290"]);
    type_blocks(&mut app, &as_blocks(CID)[2..], 2);
    assert_eq!(
        recorded(&home),
        vec![(SLMGR_DTI_IID.to_string(), CID.to_string())]
    );
}

/// A deposit is recorded with what was deposited: the Installation ID chosen and the
/// Confirmation ID in the boxes when the user said yes, even when screen 1 shows another ID
/// (with its own consistent Confirmation ID) by the time Windows answers. It was recorded with
/// whatever was on screen then.
#[test]
fn a_deposit_is_recorded_with_the_ids_that_were_deposited() {
    use activation_companion::gui::this_pc;
    use activation_companion::licensing::{ApplyVerdict, LicenseStatus};

    let reading = recorded_pc("windows_pro_notification.json");
    let mut pro = reading.products[0].clone();
    let deposited_iid = pro.installation_id.clone().expect("the row has an ID");
    let (home, mut app) = started(Language::English, None);
    pc_read(&mut app, reading);
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    ctrl_v(&mut app, 0, CID);
    let _ = app.update(Message::ThisPc(this_pc::Message::AskToApply));
    let _ = app.update(Message::Answered(gui::question::Answer::Yes));
    // While Windows works, another PC's ID and its own Confirmation ID on screen.
    let _ = app.update(Message::Show(Screen::InstallationId));
    paste_on_screen_1(&mut app, OTHER_IID);
    for index in 0..16 {
        if app.installation().id().map(|id| id.digits()) != Some(OTHER_IID) {
            let _ = app.update(Message::Installation(installation::Message::Chose(index)));
        }
    }
    let _ = app.update(Message::Show(Screen::ConfirmationId));
    ctrl_v(&mut app, 0, CORRECTED);
    assert_eq!(
        app.installation().id().map(|id| id.digits()),
        Some(OTHER_IID)
    );
    pro.status = LicenseStatus::Licensed;
    pro.reason = 0;
    let task = app.update(Message::ThisPc(this_pc::Message::ApplyDone(Some(Ok(
        Box::new(ApplyVerdict::Activated { product: pro }),
    )))));
    run(&mut app, task);
    let activated: Vec<(String, String)> = common::recorded_in(home.path())
        .into_iter()
        .filter(|a| a.outcome == activation_companion::record::Outcome::Activated)
        .map(|a| (a.installation_id, a.confirmation_id))
        .collect();
    assert_eq!(
        activated,
        vec![(deposited_iid.digits().to_string(), CID.to_string())]
    );
}
