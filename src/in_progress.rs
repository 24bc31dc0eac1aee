//! The activation in progress: the Installation ID a Confirmation ID is being entered for
//! (with its product, as data), and the Confirmation ID's blocks exactly as entered. This is
//! the one place that decides what the digits in the boxes mean: the window shows it and sends
//! it the user's actions, the session saves it ([`Saved`]), the record receives from it
//! ([`Completed`]).
//!
//! The promise, as invariants every action keeps (`tests/engine/properties.rs` attacks them with
//! random sequences of user actions):
//!
//! 1. **Pairing.** The blocks held are the ones entered for the Installation ID of
//!    [`ActivationInProgress::product`] (for none, while there is none). Choosing another ID
//!    (typed, pasted, read from this PC, given on the command line, restored) sets the blocks
//!    aside with their own ID and brings back the new ID's, or none: a block is never shown for
//!    an ID it was not entered for.
//! 2. **As entered.** A block holds at most six ASCII digits, each typed or pasted into that
//!    box (or filled from a whole Confirmation ID read in the format the ID takes). No action
//!    moves a block to another box, cuts one, or keeps a character that is not a digit: what
//!    cannot be taken is refused and named, and the boxes keep what they had.
//! 3. **Only whole entries are recorded.** A [`Completed`] pairs the product's Installation ID
//!    (valid) with a consistent Confirmation ID every block of which was entered since the
//!    last completion for that ID: typing over a finished Confirmation ID block by block
//!    records the new one once it is whole, never the mixes on the way.
//! 4. **A product key is never kept** in the boxes (see [`Refused::ProductKey`]).

use crate::id::{
    BLOCK_LENGTH, CidFormat, ConfirmationId, GroupState, IdKind, IdProblem, IidFormat,
    InstallationId, block_letter, block_state, digit_lookalike, read_confirmation_id_in,
};
use crate::licensing::find_product_key;

/// The most blocks a box row holds: eight (A-H), whatever the format, so choosing seven never
/// drops what was typed in H.
pub const BOXES: usize = CidFormat::MOST_BLOCKS;

/// How many other Installation IDs' blocks are kept to come back to.
const MOST_SET_ASIDE: usize = 16;

/// The longest text a box's own value may be read from (a paste's text is read whole by the
/// ID reader, which is linear): longer values are refused without being scanned twice.
const MOST_BOX_TEXT: usize = 64 * 1024;

/// A product whose Installation ID a Confirmation ID is entered for: the ID, and what is known
/// of the product as data (Windows' own name, its Activation ID), never a sentence in the
/// window's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub id: InstallationId,
    /// Windows' or Office's own name for it (the licensing service's, or the one `ospp.vbs`
    /// printed), when known.
    pub name: Option<String>,
    /// Set for a product read from this PC: where its Confirmation ID goes.
    pub activation_id: Option<String>,
}

impl Product {
    /// The formats its Confirmation ID comes in: 8 blocks for a product read from this PC (the
    /// licensing service is Vista's and later's), else what its Installation ID's length says;
    /// both while that is not known.
    pub fn cid_formats(&self) -> &'static [CidFormat] {
        if self.activation_id.is_some() {
            return &[CidFormat::EightBlocks];
        }
        self.id
            .format()
            .map_or(&CidFormat::ALL, IidFormat::confirmation_formats)
    }
}

/// Why the boxes did not take what was typed or pasted (until the next change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The text's own verdict: a letter where a digit belongs, digits beside the ID that it
    /// did not use, no Confirmation ID, two different ones, one of another length.
    Id(IdProblem),
    /// Digits pasted into a box that are neither a whole ID nor whole blocks fitting there.
    DoesNotFit { digits: usize, box_letter: char },
    /// A character that is no digit typed into a box (`box_letter`).
    NotADigit { character: char, box_letter: char },
    /// More digits typed into a full box than the boxes after it have room for.
    BoxFull { box_letter: char },
    /// A product key, where a Confirmation ID belongs: not kept.
    ProductKey,
}

/// What an action came to, for the window.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Step {
    /// The box the keyboard goes to, if it moves (0 = A).
    pub focus: Option<usize>,
    /// The boxes changed: save.
    pub changed: bool,
    /// A Confirmation ID just entered whole, for the record.
    pub completed: Option<Completed>,
}

/// A Confirmation ID entered whole and consistent for a valid Installation ID: what the
/// record receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completed {
    pub product: Product,
    pub confirmation_id: ConfirmationId,
}

/// The boxes of one Installation ID.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Boxes {
    format: CidFormat,
    blocks: [String; BOXES],
    /// Which blocks were entered since the last completion (see invariant 3).
    entered: [bool; BOXES],
}

impl Boxes {
    fn empty(format: CidFormat) -> Boxes {
        Boxes {
            format,
            blocks: Default::default(),
            entered: [false; BOXES],
        }
    }

    fn is_empty(&self) -> bool {
        self.blocks.iter().all(String::is_empty)
    }
}

/// Another Installation ID's blocks, kept to come back to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SetAside {
    /// Its digits ("" for no ID).
    installation_id: String,
    boxes: Boxes,
}

/// The activation in progress. See the module's invariants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationInProgress {
    product: Option<Product>,
    boxes: Boxes,
    set_aside: Vec<SetAside>,
    refused: Option<Refused>,
}

impl Default for ActivationInProgress {
    fn default() -> ActivationInProgress {
        ActivationInProgress {
            product: None,
            boxes: Boxes::empty(CidFormat::default()),
            set_aside: Vec::new(),
            refused: None,
        }
    }
}

/// The digits of a product's Installation ID, the key its blocks are kept under.
fn key_of(product: Option<&Product>) -> &str {
    product.map_or("", |product| product.id.digits())
}

impl ActivationInProgress {
    /// The product chosen on screen 1, whose Installation ID the blocks are for.
    pub fn product(&self) -> Option<&Product> {
        self.product.as_ref()
    }

    /// The formats the Confirmation ID may come in: the product's, or both.
    pub fn formats(&self) -> &'static [CidFormat] {
        self.product
            .as_ref()
            .map_or(&CidFormat::ALL, Product::cid_formats)
    }

    pub fn format(&self) -> CidFormat {
        self.boxes.format
    }

    /// Every block, A-H, as entered (empty where nothing was).
    pub fn blocks(&self) -> &[String; BOXES] {
        &self.boxes.blocks
    }

    pub fn refused(&self) -> Option<&Refused> {
        self.refused.as_ref()
    }

    /// The boxes on show: the format's, and any further box that holds digits (a block typed
    /// is never hidden).
    pub fn shown(&self) -> usize {
        let typed = self
            .boxes
            .blocks
            .iter()
            .rposition(|block| !block.is_empty())
            .map_or(0, |last| last + 1);
        self.boxes.format.block_count().max(typed)
    }

    /// Each shown block's state against its check digit.
    pub fn block_states(&self) -> Vec<GroupState> {
        self.boxes.blocks[..self.shown()]
            .iter()
            .map(|block| block_state(block))
            .collect()
    }

    /// The whole ID once every block of the format holds six digits and none beyond it holds
    /// any.
    pub fn confirmation_id(&self) -> Option<ConfirmationId> {
        let (used, beyond) = self.boxes.blocks.split_at(self.boxes.format.block_count());
        (used.iter().all(|b| b.len() == BLOCK_LENGTH) && beyond.iter().all(String::is_empty))
            .then(|| ConfirmationId::from_typed(&used.concat()).in_formats(self.formats()))
    }

    /// Every block complete and consistent, in a format the Installation ID takes: ready to
    /// hand to Windows. Never read this as "correct": only Windows can say that.
    pub fn consistent_id(&self) -> Option<ConfirmationId> {
        self.confirmation_id().filter(ConfirmationId::is_valid)
    }

    /// The first box not yet full: where the keyboard goes when the boxes are shown.
    pub fn first_unfilled(&self) -> usize {
        self.boxes.blocks[..self.shown()]
            .iter()
            .position(|b| b.len() < BLOCK_LENGTH)
            .unwrap_or(0)
    }

    /// Screen 1's product changed (or was chosen, read from this PC, restored): the blocks
    /// follow their Installation ID. Another ID's blocks are set aside under it; the new
    /// one's come back, or the boxes are empty. The same ID with more known about its product
    /// keeps its blocks.
    pub fn choose(&mut self, product: Option<Product>) {
        if key_of(product.as_ref()) != key_of(self.product.as_ref()) {
            let old = key_of(self.product.as_ref()).to_string();
            let new = key_of(product.as_ref()).to_string();
            let format = product
                .as_ref()
                .map_or(CidFormat::default(), |p| p.cid_formats()[0]);
            let returning = self
                .set_aside
                .iter()
                .position(|kept| kept.installation_id == new)
                .map(|at| self.set_aside.remove(at).boxes);
            let leaving =
                std::mem::replace(&mut self.boxes, returning.unwrap_or(Boxes::empty(format)));
            if !leaving.is_empty() {
                self.set_aside.push(SetAside {
                    installation_id: old,
                    boxes: leaving,
                });
                if self.set_aside.len() > MOST_SET_ASIDE {
                    self.set_aside.remove(0);
                }
            }
            self.refused = None;
        }
        self.product = product;
        if let [only] = self.formats() {
            self.boxes.format = *only;
        }
    }

    /// The format chosen (where the Installation ID leaves it open).
    pub fn set_format(&mut self, format: CidFormat) -> Step {
        if self.formats().contains(&format) && format != self.boxes.format {
            self.boxes.format = format;
            return self.changed(None);
        }
        Step::default()
    }

    /// Box `index` as the user left it after typing (`value`: its whole text). Digits are
    /// taken; separators typed between them are dropped; anything else is refused and named,
    /// the box keeping what it had. More than six digits run on into the boxes after it while
    /// they are empty (typing on past a full box), or fill every box when they are a whole
    /// Confirmation ID.
    pub fn type_into(&mut self, index: usize, value: &str) -> Step {
        if index >= BOXES {
            return Step::default();
        }
        if let Some(refused) = refused_characters(index, value) {
            self.refused = Some(refused);
            return Step::default();
        }
        let digits = digits_of(value);
        if digits.len() > BLOCK_LENGTH {
            return self.run_on(index, &digits);
        }
        if digits.is_empty() && self.boxes.blocks[index].is_empty() && value.is_empty() {
            // Backspace in an empty box: back to the one before.
            return Step {
                focus: index.checked_sub(1),
                ..Step::default()
            };
        }
        let moves_on = block_state(&digits) == GroupState::Consistent && index + 1 < BOXES;
        self.set_block(index, digits);
        self.changed(moves_on.then_some(index + 1))
    }

    /// A paste into box `index`: what was pasted (`pasted`, the clipboard's text) is read,
    /// never the box's contents run together with it (`contents`: the box's text with the
    /// paste in it, read only when the clipboard cannot be). A whole Confirmation ID in any
    /// shape fills every box, as the paste button does; whole blocks of digits fill this box
    /// and the next ones when they fit; a few digits go in as if typed. Anything else is said,
    /// and the boxes keep what they had.
    pub fn paste_into(&mut self, index: usize, contents: &str, pasted: Option<&str>) -> Step {
        let pasted = pasted.unwrap_or(contents);
        if index >= BOXES {
            return Step::default();
        }
        let bare_digits = pasted
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-'));
        let digits = digits_of(pasted);
        if !bare_digits || CidFormat::for_digit_count(digits.len()).is_some() {
            return self.paste(pasted);
        }
        let blocks = digits.len() / BLOCK_LENGTH;
        if !digits.is_empty()
            && digits.len().is_multiple_of(BLOCK_LENGTH)
            && index + blocks <= BOXES
        {
            for (offset, chunk) in digits.as_bytes().chunks(BLOCK_LENGTH).enumerate() {
                self.set_block(index + offset, String::from_utf8_lossy(chunk).into_owned());
            }
            let next = (index + blocks).min(self.shown() - 1);
            return self.changed(Some(next));
        }
        if contents.len() <= MOST_BOX_TEXT && digits_of(contents).len() <= BLOCK_LENGTH {
            return self.type_into(index, contents);
        }
        // A whole ID with a slip beside it (a seventh digit in H) is said as such.
        self.refused = Some(match read_confirmation_id_in(pasted, self.formats()) {
            Err(beside @ IdProblem::Beside { .. }) => Refused::Id(beside),
            _ => Refused::DoesNotFit {
                digits: digits.len(),
                box_letter: block_letter(index),
            },
        });
        Step::default()
    }

    /// A text pasted with no box chosen ("Paste", Ctrl+V): a whole Confirmation ID in any shape,
    /// in a format the Installation ID takes, fills every box; anything else (no ID, two, a
    /// letter for a digit, digits beside it, the wrong length, a product key) is said, and the
    /// boxes keep what they had.
    pub fn paste(&mut self, text: &str) -> Step {
        if find_product_key(text).is_some() {
            self.refused = Some(Refused::ProductKey);
            return Step::default();
        }
        match read_confirmation_id_in(text, self.formats()) {
            Ok(cid) if cid.format().is_some() => self.fill(&cid),
            Ok(cid) => {
                self.refused = cid.problem().map(Refused::Id);
                Step::default()
            }
            Err(problem) => {
                self.refused = Some(Refused::Id(problem));
                Step::default()
            }
        }
    }

    /// The record's Confirmation ID for this Installation ID, taken again: only for the ID it
    /// was recorded with.
    pub fn use_again(&mut self, installation_id: &str, digits: &str) -> Step {
        if installation_id != key_of(self.product.as_ref()) || installation_id.is_empty() {
            return Step::default();
        }
        self.paste(digits)
    }

    /// Everything typed goes, for every ID; the product stays chosen.
    pub fn start_over(&mut self) {
        let format = self.formats()[0];
        self.boxes = Boxes::empty(format);
        self.set_aside.clear();
        self.refused = None;
    }

    /// A whole Confirmation ID into every box, its format with it.
    fn fill(&mut self, cid: &ConfirmationId) -> Step {
        if let Some(format) = cid.format() {
            self.boxes.format = format;
        }
        let blocks: Vec<&str> = cid.blocks().collect();
        for index in 0..BOXES {
            self.set_block(index, blocks.get(index).unwrap_or(&"").to_string());
        }
        // Pasted whole: every block is entered, the same digits as before or not.
        self.boxes.entered = [true; BOXES];
        let focus = self.first_unfilled();
        self.changed(Some(focus))
    }

    /// Typing on past a full box: a whole Confirmation ID fills every box; fewer digits go on
    /// into the boxes after this one while each is empty or holds the start of what goes there
    /// (the same typing, run on before the keyboard moved): a block of its own is never
    /// overwritten.
    fn run_on(&mut self, index: usize, digits: &str) -> Step {
        if CidFormat::for_digit_count(digits.len()).is_some() {
            return self.paste(digits);
        }
        let chunks: Vec<&[u8]> = digits.as_bytes().chunks(BLOCK_LENGTH).collect();
        let fits = index + chunks.len() <= BOXES
            && self.boxes.blocks[index + 1..index + chunks.len()]
                .iter()
                .zip(&chunks[1..])
                .all(|(block, chunk)| chunk.starts_with(block.as_bytes()));
        if !fits {
            self.refused = Some(Refused::BoxFull {
                box_letter: block_letter(index),
            });
            return Step::default();
        }
        for (offset, chunk) in chunks.iter().enumerate() {
            self.set_block(index + offset, String::from_utf8_lossy(chunk).into_owned());
        }
        self.changed(Some(index + chunks.len() - 1))
    }

    fn set_block(&mut self, index: usize, digits: String) {
        debug_assert!(digits.len() <= BLOCK_LENGTH && digits.bytes().all(|b| b.is_ascii_digit()));
        if self.boxes.blocks[index] != digits {
            self.boxes.entered[index] = true;
        }
        self.boxes.blocks[index] = digits;
    }

    /// After a change: the refusal is over, and a Confirmation ID entered whole is completed.
    fn changed(&mut self, focus: Option<usize>) -> Step {
        self.refused = None;
        Step {
            focus,
            changed: true,
            completed: self.complete(),
        }
    }

    /// A Confirmation ID just entered whole (invariant 3), and a new entry begins.
    fn complete(&mut self) -> Option<Completed> {
        let confirmation_id = self.consistent_id()?;
        let product = self.product.clone().filter(|p| p.id.is_valid())?;
        let used = self.boxes.format.block_count();
        if !self.boxes.entered[..used].iter().all(|&entered| entered) {
            return None;
        }
        self.boxes.entered = [false; BOXES];
        Some(Completed {
            product,
            confirmation_id,
        })
    }

    /// What the session keeps.
    pub fn saved(&self) -> Saved {
        let boxes = |installation_id: &str, boxes: &Boxes| SavedBlocks {
            installation_id: installation_id.to_string(),
            format: boxes.format,
            blocks: boxes.blocks.to_vec(),
            entered: Some(boxes.entered.to_vec()),
        };
        Saved {
            current: boxes(key_of(self.product.as_ref()), &self.boxes),
            set_aside: self
                .set_aside
                .iter()
                .map(|kept| boxes(&kept.installation_id, &kept.boxes))
                .collect(),
        }
    }

    /// The activation in progress as saved, for `product` (screen 1's, as restored): every
    /// block as saved, with the ID it was entered for, or named as not taken (never cut, never
    /// moved). Blocks saved for another ID are set aside under it, to come back when it does.
    pub fn restore(
        saved: &Saved,
        product: Option<Product>,
    ) -> (ActivationInProgress, Vec<NotTaken>) {
        let mut not_taken = Vec::new();
        let mut restored = ActivationInProgress::default();
        for kept in std::iter::once(&saved.current).chain(&saved.set_aside) {
            let boxes = restored_boxes(kept, &mut not_taken);
            if boxes.is_empty() {
                continue;
            }
            restored
                .set_aside
                .retain(|k| k.installation_id != kept.installation_id);
            restored.set_aside.push(SetAside {
                installation_id: kept.installation_id.clone(),
                boxes,
            });
        }
        restored.set_aside.truncate(MOST_SET_ASIDE);
        // The boxes come back through `choose`, the one way blocks meet an ID: those entered
        // with no ID are the boxes of no product, and every other ID's wait set aside.
        if let Some(at) = restored
            .set_aside
            .iter()
            .position(|kept| kept.installation_id.is_empty())
        {
            restored.boxes = restored.set_aside.remove(at).boxes;
        }
        restored.choose(product);
        (restored, not_taken)
    }
}

/// Blocks as saved, checked: each 0-6 ASCII digits is taken as it was; anything else is named.
/// Which were entered since the last completion comes back as saved; from an earlier version's
/// session, which did not say, a complete and consistent Confirmation ID comes back as one
/// already recorded, and an unfinished one as entered so far.
fn restored_boxes(saved: &SavedBlocks, not_taken: &mut Vec<NotTaken>) -> Boxes {
    let mut boxes = Boxes::empty(saved.format);
    for (index, block) in saved.blocks.iter().enumerate() {
        let whole_digits = block.len() <= BLOCK_LENGTH && block.bytes().all(|b| b.is_ascii_digit());
        match boxes.blocks.get_mut(index) {
            Some(slot) if whole_digits => *slot = block.clone(),
            _ if block.is_empty() => {}
            _ => not_taken.push(NotTaken {
                installation_id: saved.installation_id.clone(),
                box_letter: block_letter(index),
                saved: block.chars().take(64).collect(),
            }),
        }
    }
    let used = &boxes.blocks[..boxes.format.block_count()];
    let finished = used
        .iter()
        .all(|b| block_state(b) == GroupState::Consistent);
    for (index, (entered, block)) in boxes.entered.iter_mut().zip(&boxes.blocks).enumerate() {
        let as_saved = saved
            .entered
            .as_ref()
            .and_then(|saved| saved.get(index).copied());
        *entered = !block.is_empty() && as_saved.unwrap_or(!finished);
    }
    boxes
}

/// The Confirmation ID blocks the session keeps for one Installation ID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedBlocks {
    /// Its digits ("" for none).
    pub installation_id: String,
    pub format: CidFormat,
    /// A first.
    pub blocks: Vec<String>,
    /// Which blocks were entered since the Confirmation ID was last completed (`None`: not
    /// saved, by an earlier version).
    pub entered: Option<Vec<bool>>,
}

/// What the session keeps of the activation in progress.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The blocks for screen 1's Installation ID.
    pub current: SavedBlocks,
    /// Other IDs' blocks, to come back to.
    pub set_aside: Vec<SavedBlocks>,
}

/// A block as saved that could not be taken back (not 0-6 digits): said, with what it held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTaken {
    pub installation_id: String,
    pub box_letter: char,
    /// What the file held (at most 64 characters of it).
    pub saved: String,
}

/// The ASCII digits of a value (full-width and other scripts' digits read as digits).
fn digits_of(value: &str) -> String {
    ConfirmationId::from_typed(value).digits().to_string()
}

/// What in a box's typed text is no digit, space or dash: a product key, a letter where a
/// digit belongs (named with the block it would have fallen in, counted from this box), or
/// any other character.
fn refused_characters(index: usize, value: &str) -> Option<Refused> {
    if value.len() > MOST_BOX_TEXT {
        return Some(Refused::DoesNotFit {
            digits: value.bytes().filter(u8::is_ascii_digit).count(),
            box_letter: block_letter(index),
        });
    }
    if find_product_key(value).is_some() {
        return Some(Refused::ProductKey);
    }
    let normalized = crate::id::normalize(value);
    let typed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '\t');
    let (at, character) = normalized.char_indices().find(|&(_, c)| !typed(c))?;
    let before = normalized[..at].bytes().filter(u8::is_ascii_digit).count();
    // A whole Confirmation ID with a letter in it is counted from A (where a paste of it
    // would go), anything shorter from this box.
    let letters = normalized
        .chars()
        .filter(|c| c.is_alphanumeric() && !c.is_ascii_digit());
    let length = normalized.bytes().filter(u8::is_ascii_digit).count() + letters.count();
    let start = match CidFormat::for_digit_count(length) {
        Some(_) => 0,
        None => index,
    };
    let box_letter = block_letter(start + before / BLOCK_LENGTH);
    Some(match digit_lookalike(character) {
        Some(digit) => Refused::Id(IdProblem::LookalikeLetter {
            kind: IdKind::Confirmation,
            part: box_letter.to_string(),
            letter: character,
            digit,
        }),
        None => Refused::NotADigit {
            character,
            box_letter,
        },
    })
}
