//! What can be wrong with an ID, told to the user in their language.

use crate::language::{Language, Localized};

/// Which of the two IDs a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Installation,
    Confirmation,
}

impl IdKind {
    fn name(self, language: Language) -> &'static str {
        match self {
            IdKind::Installation => language.pick("インストール ID", "an Installation ID"),
            IdKind::Confirmation => language.pick("確認 ID", "a Confirmation ID"),
        }
    }

    fn part(self, language: Language) -> &'static str {
        match self {
            IdKind::Installation => language.pick("グループ", "group"),
            IdKind::Confirmation => language.pick("ブロック", "block"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdProblem {
    /// Nothing in the text looked like the ID.
    #[error("{}", self.message(Language::English))]
    NotFound { kind: IdKind },
    /// Digits were found, but not as many as any format of the ID has.
    #[error("{}", self.message(Language::English))]
    WrongLength {
        kind: IdKind,
        found: usize,
        expected: &'static [usize],
        /// The first complete group or block whose check digit fails ("4", "C").
        first_bad: Option<String>,
    },
    /// The length is right but these groups or blocks ("4", "C") fail their check digit.
    #[error("{}", self.message(Language::English))]
    Mistyped { kind: IdKind, parts: Vec<String> },
    /// A letter where a digit belongs (`O` for 0, `l` or `I` for 1) in group or block `part`.
    #[error("{}", self.message(Language::English))]
    LookalikeLetter {
        kind: IdKind,
        part: String,
        letter: char,
        digit: char,
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

fn list(parts: &[String], language: Language) -> String {
    match (parts, language) {
        ([init @ .., last], Language::English) if !init.is_empty() => {
            format!("{} and {last}", init.join(", "))
        }
        (all, Language::English) => all.join(""),
        (all, Language::Japanese) => all.join("、"),
    }
}

fn or_list(lengths: &[usize], language: Language) -> String {
    let strings: Vec<String> = lengths.iter().map(ToString::to_string).collect();
    match (strings.as_slice(), language) {
        ([init @ .., last], Language::English) if !init.is_empty() => {
            format!("{} or {last}", init.join(", "))
        }
        (all, Language::Japanese) => all.join("・"),
        (all, Language::English) => all.join(""),
    }
}

impl Localized for IdProblem {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (
                IdProblem::NotFound {
                    kind: IdKind::Installation,
                },
                Language::English,
            ) => "No Installation ID found. It has 63 digits (54 or 50 on older products); \
                 slui 4 or `slmgr /dti` shows it."
                .into(),
            (
                IdProblem::NotFound {
                    kind: IdKind::Installation,
                },
                Language::Japanese,
            ) => "インストール ID が見つかりません。63 桁（古い製品では 54 桁か 50 桁）の数字で、\
                 slui 4 または slmgr /dti で表示されます。"
                .into(),
            (
                IdProblem::NotFound {
                    kind: IdKind::Confirmation,
                },
                Language::English,
            ) => "No Confirmation ID found. It has 48 digits in 8 blocks A–H (42 in 7 blocks on Windows XP)."
                .into(),
            (
                IdProblem::NotFound {
                    kind: IdKind::Confirmation,
                },
                Language::Japanese,
            ) => {
                "確認 ID が見つかりません。A〜H の 8 ブロック 48 桁（Windows XP では 7 ブロック 42 桁）です。"
                    .into()
            }
            (
                IdProblem::WrongLength {
                    kind,
                    found,
                    expected,
                    first_bad,
                },
                _,
            ) => {
                let mut text = match language {
                    Language::English => format!(
                        "Found {found} digits; {} has {} digits.",
                        kind.name(language),
                        or_list(expected, language)
                    ),
                    Language::Japanese => format!(
                        "{found} 桁の数字が見つかりました。{} は {} 桁です。",
                        kind.name(language),
                        or_list(expected, language)
                    ),
                };
                if *kind == IdKind::Installation && matches!(found, 42 | 48) {
                    text.push_str(language.pick(
                        "この桁数は確認 ID のものです。",
                        " That is the length of a Confirmation ID.",
                    ));
                }
                if let Some(part) = first_bad {
                    text.push_str(&match language {
                        Language::English => {
                            format!(
                                " {} {part} also fails its check digit.",
                                capitalised(kind.part(language))
                            )
                        }
                        Language::Japanese => {
                            format!("{} {part} のチェック数字も一致しません。", kind.part(language))
                        }
                    });
                }
                text
            }
            (
                IdProblem::LookalikeLetter {
                    kind,
                    part,
                    letter,
                    digit,
                },
                Language::English,
            ) => {
                let name = if *digit == '0' { "a zero" } else { "a one" };
                format!(
                    "{} {part} contains the letter {letter}, not a digit: {name}? Type the digit {digit}.",
                    capitalised(kind.part(language))
                )
            }
            (
                IdProblem::LookalikeLetter {
                    kind,
                    part,
                    letter,
                    digit,
                },
                Language::Japanese,
            ) => format!(
                "{} {part} に数字ではなく英字の {letter} が入っています。数字の {digit} ではありませんか？数字で入力してください。",
                kind.part(language)
            ),
            (IdProblem::Mistyped { kind, parts }, Language::English) => {
                let noun = kind.part(language);
                let hint = match kind {
                    IdKind::Installation => "check those digits against the screen",
                    IdKind::Confirmation => "a digit may have been misheard",
                };
                if parts.len() == 1 {
                    format!(
                        "{} {} looks mistyped: its check digit does not match ({hint}).",
                        capitalised(noun),
                        parts[0]
                    )
                } else {
                    format!(
                        "{}s {} look mistyped: their check digits do not match ({hint}).",
                        capitalised(noun),
                        list(parts, language)
                    )
                }
            }
            (IdProblem::Mistyped { kind, parts }, Language::Japanese) => {
                let hint = match kind {
                    IdKind::Installation => "画面の数字ともう一度見比べてください",
                    IdKind::Confirmation => "数字の聞き間違いかもしれません",
                };
                format!(
                    "{} {} の入力に誤りがあるようです（チェック数字が一致しません。{hint}）。",
                    kind.part(language),
                    list(parts, language)
                )
            }
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_part_in_both_languages() {
        let problem = IdProblem::Mistyped {
            kind: IdKind::Installation,
            parts: vec!["4".into()],
        };
        assert_eq!(
            problem.message(Language::English),
            "Group 4 looks mistyped: its check digit does not match (check those digits against the screen)."
        );
        assert!(
            problem
                .message(Language::Japanese)
                .starts_with("グループ 4 の入力に誤り")
        );
        let two = IdProblem::Mistyped {
            kind: IdKind::Confirmation,
            parts: vec!["B".into(), "E".into()],
        };
        assert!(
            two.message(Language::English)
                .starts_with("Blocks B and E look mistyped")
        );
    }

    #[test]
    fn wrong_length_says_found_and_expected() {
        let problem = IdProblem::WrongLength {
            kind: IdKind::Installation,
            found: 62,
            expected: &[63, 54, 50],
            first_bad: Some("3".into()),
        };
        assert_eq!(
            problem.message(Language::English),
            "Found 62 digits; an Installation ID has 63, 54 or 50 digits. Group 3 also fails its check digit."
        );
        assert_eq!(
            problem.message(Language::Japanese),
            "62 桁の数字が見つかりました。インストール ID は 63・54・50 桁です。グループ 3 のチェック数字も一致しません。"
        );
    }
}
