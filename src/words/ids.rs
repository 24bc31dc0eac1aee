//! What the engine says about an Installation ID or a Confirmation ID.

use super::{Localized, and_list, capitalised, or_list};
use crate::id::{IdKind, IdProblem, InstallationId};
use crate::language::Language;

fn id_name(kind: IdKind, language: Language) -> &'static str {
    match kind {
        IdKind::Installation => language.pick("インストール ID", "an Installation ID"),
        IdKind::Confirmation => language.pick("確認 ID", "a Confirmation ID"),
    }
}

/// What an ID is made of: groups (Installation ID) or blocks (Confirmation ID).
fn part_name(kind: IdKind, language: Language) -> &'static str {
    match kind {
        IdKind::Installation => language.pick("グループ", "group"),
        IdKind::Confirmation => language.pick("ブロック", "block"),
    }
}

impl Localized for IdProblem {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (IdProblem::NotFound { kind: IdKind::Installation }, Language::English) => {
                "No Installation ID found. It has 63 digits (54 or 50 on older products); \
                 slui 4 or slmgr /dti shows it."
                    .into()
            }
            (IdProblem::NotFound { kind: IdKind::Installation }, Language::Japanese) => {
                "インストール ID が見つかりません。63 桁（古い製品では 54 桁か 50 桁）の数字で、\
                 slui 4 または slmgr /dti で表示されます。"
                    .into()
            }
            (IdProblem::NotFound { kind: IdKind::Confirmation }, Language::English) => {
                "No Confirmation ID found. It has 48 digits in 8 blocks A-H (42 in 7 blocks on \
                 Windows XP)."
                    .into()
            }
            (IdProblem::NotFound { kind: IdKind::Confirmation }, Language::Japanese) => {
                "確認 ID が見つかりません。確認 ID は A～H の 8 ブロック（48 桁）です（Windows XP では 7 ブロック、42 桁）。"
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
                let lengths: Vec<String> = expected.iter().map(ToString::to_string).collect();
                let lengths = or_list(&lengths, language);
                let name = id_name(*kind, language);
                let mut text = match language {
                    Language::English => format!("Found {found} digits; {name} has {lengths} digits."),
                    Language::Japanese => {
                        format!("{found} 桁の数字が見つかりました。{name} は {lengths} 桁です。")
                    }
                };
                // The other ID's length: the wrong box, or the wrong ID copied.
                let other = match kind {
                    IdKind::Installation if matches!(found, 42 | 48) => Some(IdKind::Confirmation),
                    IdKind::Confirmation if matches!(found, 63 | 54 | 50) => {
                        Some(IdKind::Installation)
                    }
                    _ => None,
                };
                if let Some(other) = other {
                    text.push_str(&match language {
                        Language::English => format!(
                            " That is the length of {}.",
                            id_name(other, language)
                        ),
                        Language::Japanese => {
                            format!("この桁数は{} のものです。", id_name(other, language))
                        }
                    });
                }
                if let Some(part) = first_bad {
                    let noun = part_name(*kind, language);
                    text.push_str(&match language {
                        Language::English => format!(
                            " {} {part} also fails its check digit.",
                            capitalised(noun)
                        ),
                        Language::Japanese => {
                            format!("{noun} {part} のチェック数字も一致しません。")
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
                    capitalised(part_name(*kind, language))
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
                "{} {part} に数字ではなく英字の {letter} が入っています。数字の {digit} ではありませんか? 数字で入力してください。",
                part_name(*kind, language)
            ),
            (IdProblem::Mistyped { kind, parts }, Language::English) => {
                let noun = part_name(*kind, language);
                let hint = match kind {
                    IdKind::Installation => "check those digits against the screen",
                    IdKind::Confirmation => "check those digits against the portal's card",
                };
                if let [part] = parts.as_slice() {
                    format!(
                        "{} {part} looks mistyped: its check digit does not match ({hint}).",
                        capitalised(noun)
                    )
                } else {
                    format!(
                        "{}s {} look mistyped: their check digits do not match ({hint}).",
                        capitalised(noun),
                        and_list(parts, language)
                    )
                }
            }
            (IdProblem::Mistyped { kind, parts }, Language::Japanese) => {
                let hint = match kind {
                    IdKind::Installation => "画面の数字ともう一度見比べてください",
                    IdKind::Confirmation => "ポータルに表示された数字ともう一度見比べてください",
                };
                format!(
                    "{} {} に入力ミスがあるようです。チェック数字が一致しません。{hint}。",
                    part_name(*kind, language),
                    and_list(parts, language)
                )
            }
            (IdProblem::SeveralDifferent { kind, count }, Language::English) => format!(
                "The text holds {count} different {}s, so none was taken: copy just the one you \
                 got for this PC.",
                match kind {
                    IdKind::Installation => "Installation ID",
                    IdKind::Confirmation => "Confirmation ID",
                }
            ),
            (
                IdProblem::Unmatched {
                    kind,
                    digits,
                    parts,
                    labelled,
                },
                Language::English,
            ) => {
                let (noun, labels, again) = match kind {
                    IdKind::Installation => {
                        ("groups", "group numbers", "type it group by group")
                    }
                    IdKind::Confirmation => ("blocks", "labels A-H", "type it block by block"),
                };
                let why = if *labelled {
                    format!("their {labels} could not be matched to them")
                } else {
                    "other text stands between them".to_string()
                };
                format!(
                    "Found {digits} digits in {parts} {noun}, but {why}, so none was taken: copy \
                     {} again, or {again}.",
                    match kind {
                        IdKind::Installation => "the Installation ID",
                        IdKind::Confirmation => "the Confirmation ID",
                    }
                )
            }
            (
                IdProblem::Unmatched {
                    kind,
                    digits,
                    parts,
                    labelled,
                },
                Language::Japanese,
            ) => {
                let noun = part_name(*kind, language);
                let why = match (kind, labelled) {
                    (IdKind::Installation, true) => "グループ番号とグループが一致しない",
                    (IdKind::Confirmation, true) => "ラベル（A～H）とブロックが一致しない",
                    (_, false) => "間に別の文字が入っている",
                };
                format!(
                    "{parts} {noun}・{digits} 桁の数字が見つかりましたが、{why}ため、取り込んでいません。{} をもう一度コピーするか、{noun}ごとに入力してください。",
                    id_name(*kind, language)
                )
            }
            (IdProblem::Beside { kind, text }, Language::English) => format!(
                "\"{text}\" stands beside {} on the same line and is not part of it: a digit too \
                 many or too few, or a letter for a digit? Nothing was taken: check that line.",
                match kind {
                    IdKind::Installation => "the Installation ID",
                    IdKind::Confirmation => "the Confirmation ID",
                }
            ),
            (IdProblem::Beside { kind, text }, Language::Japanese) => format!(
                "{} と同じ行に、ID に含まれない「{text}」があります。桁が多すぎたり足りなかったりしないか、数字の代わりに英字が入っていないか確認してください。どれも取り込んでいません。",
                id_name(*kind, language)
            ),
            (IdProblem::SeveralDifferent { kind, count }, Language::Japanese) => format!(
                "異なる{} が {count} つ含まれているため、どれも取り込んでいません。{}",
                id_name(*kind, language),
                match kind {
                    IdKind::Installation => "この PC のインストール ID だけをコピーしてください。",
                    IdKind::Confirmation => "この PC 用に取得した確認 ID だけをコピーしてください。",
                }
            ),
        }
    }
}

/// The verdict on an Installation ID: its problem, or that its length and every group check
/// out.
pub fn iid_verdict(id: &InstallationId, language: Language) -> String {
    match id.problem() {
        Some(problem) => problem.message(language),
        None => match language {
            Language::Japanese => format!(
                "{} 桁。すべてのグループのチェック数字が一致しています。",
                id.digits().len()
            ),
            Language::English => format!(
                "{} digits; every group's check digit matches.",
                id.digits().len()
            ),
        },
    }
}

/// What to say when a text gave no usable ID: the letter typed for a digit if there is one,
/// else that nothing was found.
pub fn lookalike_or_not_found(
    lookalike: Option<&IdProblem>,
    kind: IdKind,
    language: Language,
) -> String {
    lookalike
        .cloned()
        .unwrap_or(IdProblem::NotFound { kind })
        .message(language)
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
                .starts_with("グループ 4 に入力ミスがあるようです")
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
            "62 桁の数字が見つかりました。インストール ID は 63、54、または 50 桁です。グループ 3 のチェック数字も一致しません。"
        );
    }

    #[test]
    fn the_other_ids_length_is_named() {
        let iid_in_the_cid_box = IdProblem::WrongLength {
            kind: IdKind::Confirmation,
            found: 63,
            expected: &[48, 42],
            first_bad: None,
        };
        assert_eq!(
            iid_in_the_cid_box.message(Language::English),
            "Found 63 digits; a Confirmation ID has 48 or 42 digits. That is the length of an Installation ID."
        );
        assert_eq!(
            iid_in_the_cid_box.message(Language::Japanese),
            "63 桁の数字が見つかりました。確認 ID は 48 または 42 桁です。この桁数はインストール ID のものです。"
        );
    }

    #[test]
    fn what_was_seen_is_said_when_it_could_not_be_read() {
        let labels = IdProblem::Unmatched {
            kind: IdKind::Confirmation,
            digits: 48,
            parts: 8,
            labelled: true,
        };
        assert_eq!(
            labels.message(Language::English),
            "Found 48 digits in 8 blocks, but their labels A-H could not be matched to them, so \
             none was taken: copy the Confirmation ID again, or type it block by block."
        );
        assert_eq!(
            labels.message(Language::Japanese),
            "8 ブロック・48 桁の数字が見つかりましたが、ラベル（A～H）とブロックが一致しないため、取り込んでいません。確認 ID をもう一度コピーするか、ブロックごとに入力してください。"
        );
        let between = IdProblem::Unmatched {
            kind: IdKind::Installation,
            digits: 63,
            parts: 9,
            labelled: false,
        };
        assert_eq!(
            between.message(Language::English),
            "Found 63 digits in 9 groups, but other text stands between them, so none was \
             taken: copy the Installation ID again, or type it group by group."
        );
        assert!(between.message(Language::Japanese).starts_with(
            "9 グループ・63 桁の数字が見つかりましたが、間に別の文字が入っているため"
        ));
    }
}
