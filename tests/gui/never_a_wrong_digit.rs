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
    let home = tempfile::tempdir().unwrap();
    let mut app = start(&home, language, iid);
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
    let mut recorded: Vec<String> = RecordStore::in_dir(home.path())
        .load()
        .unwrap()
        .activations
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
        assert!(simulator(&app).find(said.as_str()).is_ok(), "{said}");
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
        let (home, mut app) = screen_3_with(Some(SLMGR_DTI), language);
        ctrl_v(&mut app, 0, CID);
        let seven = Text::SevenBlocks.in_language(language);
        assert!(
            simulator(&app).find(seven).is_err(),
            "{language:?}: no 7-block choice for a 63-digit ID"
        );
        assert!(
            simulator(&app)
                .find(Text::EightBlocksForThisId.in_language(language))
                .is_ok()
        );
        let _ = app.update(Message::Confirmation(confirmation::Message::SetFormat(
            activation_companion::id::CidFormat::SevenBlocks,
        )));
        assert_eq!(blocks(&app), as_blocks(CID), "H is kept");
        assert_eq!(
            app.confirmation().consistent_id().unwrap().digits(),
            CID,
            "still the 48 digits"
        );

        // A 42-digit ID pasted for it: A-G filled, H empty, nothing consistent, copied or
        // recorded.
        let before = RecordStore::in_dir(home.path()).load().unwrap();
        ctrl_v(&mut app, 0, &GROUPED[..48]);
        assert_eq!(blocks(&app)[7], "");
        assert_eq!(blocks(&app)[..7], as_blocks(CID)[..7]);
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
        assert_eq!(RecordStore::in_dir(home.path()).load().unwrap(), before);
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
        assert!(ui.find("580616").is_ok(), "H is still on screen");
        assert!(
            ui.find(Text::BlockHNotInSeven.in_language(Language::English))
                .is_ok()
        );
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
    #[path = "../common/mod.rs"]
    mod common;
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
            assert!(
                simulator(&app)
                    .find(Text::AllBlocksConsistent.in_language(language))
                    .is_ok(),
                "{language:?}"
            );
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
        assert!(simulator(&app).find(said.as_str()).is_ok(), "{said}");
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
        assert!(ui.find(said.as_str()).is_ok(), "{said}");
        let not_found = activation_companion::id::IdProblem::NotFound {
            kind: activation_companion::id::IdKind::Installation,
        }
        .message(language);
        assert!(ui.find(not_found.as_str()).is_err());
    }
}
