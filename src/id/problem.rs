//! What can be wrong with an ID, as data: which ID, which groups or blocks, which lengths.
//! `crate::words` says it in the user's language.

/// Which of the two IDs a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Installation,
    Confirmation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// Nothing in the text looked like the ID.
    NotFound { kind: IdKind },
    /// Digits were found, but not as many as any format of the ID has.
    WrongLength {
        kind: IdKind,
        found: usize,
        expected: &'static [usize],
        /// The first complete group or block whose check digit fails ("4", "C").
        first_bad: Option<String>,
    },
    /// The length is right but these groups or blocks ("4", "C") fail their check digit.
    Mistyped { kind: IdKind, parts: Vec<String> },
    /// A letter where a digit belongs (`O` for 0, `l` or `I` for 1) in group or block `part`.
    LookalikeLetter {
        kind: IdKind,
        part: String,
        letter: char,
        digit: char,
    },
    /// Letters or digits stand beside the ID on its line that the reading did not use
    /// (`26296` before block A, a seventh digit after H): a slip may have cut the ID, so the
    /// rest is never taken as an ID of a shorter format.
    Beside { kind: IdKind, text: String },
    /// Several different Confirmation IDs in one text: which one is meant cannot be told.
    SeveralDifferent { kind: IdKind, count: usize },
    /// No ID was found, but the text holds `parts` groups or blocks of one format's size
    /// (`digits` in all) that could not be read as one: their labels did not match them (out
    /// of order, one missing) when `labelled`, else other text stood between them.
    Unmatched {
        kind: IdKind,
        digits: usize,
        parts: usize,
        labelled: bool,
    },
}

impl IdProblem {
    /// The verdict on an ID: a wrong length first (naming the first failing part, if any),
    /// else the parts whose check digit fails; `None` when everything checks out.
    pub(crate) fn judge(
        kind: IdKind,
        found: usize,
        length_is_known: bool,
        expected: &'static [usize],
        bad_parts: Vec<String>,
    ) -> Option<IdProblem> {
        if !length_is_known {
            return Some(IdProblem::WrongLength {
                kind,
                found,
                expected,
                first_bad: bad_parts.into_iter().next(),
            });
        }
        (!bad_parts.is_empty()).then_some(IdProblem::Mistyped {
            kind,
            parts: bad_parts,
        })
    }
}
