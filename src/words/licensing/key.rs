//! Installing a product key: what is wrong with one as typed, and what Windows made of it.

use super::code_in_brackets;
use super::product::product_label;
use crate::language::Language;
use crate::licensing::{
    InstallError, InstallVerdict, KeyProblem, ServiceError, codes, is_invisible,
};
use crate::words::{Localized, explain_hresult};

/// A typed product key that is not one.
impl Localized for KeyProblem {
    fn message(&self, language: Language) -> String {
        let what = |c: char| -> String {
            let kind = match (c.is_ascii_digit(), c.is_ascii_alphabetic(), language) {
                (true, _, Language::English) => "the digit",
                (_, true, Language::English) => "the letter",
                (_, _, Language::English) => "the character",
                (true, _, Language::Japanese) => "数字",
                (_, true, Language::Japanese) => "文字",
                (_, _, Language::Japanese) => "文字",
            };
            let rule = match (c.to_ascii_uppercase(), language) {
                ('O' | '0', Language::English) => "product keys have no O or 0",
                ('O' | '0', Language::Japanese) => "プロダクト キーに O と 0 はありません",
                ('I' | '1' | 'L', Language::English) => "product keys have no I, L or 1",
                ('I' | '1' | 'L', Language::Japanese) => "プロダクト キーに I、L、1 はありません",
                ('S' | '5', Language::English) => "product keys have no S or 5",
                ('S' | '5', Language::Japanese) => "プロダクト キーに S と 5 はありません",
                ('Z', Language::English) => "product keys have no Z",
                ('Z', Language::Japanese) => "プロダクト キーに Z はありません",
                ('A' | 'E' | 'U', Language::English) => "product keys have no vowels",
                ('A' | 'E' | 'U', Language::Japanese) => {
                    "プロダクト キーに A、E、I、O、U はありません"
                }
                (_, Language::English) => {
                    "product keys hold only B C D F G H J K M N P Q R T V W X Y 2 3 4 6 7 8 9"
                }
                (_, Language::Japanese) => {
                    "プロダクト キーに使われるのは B C D F G H J K M N P Q R T V W X Y 2 3 4 6 7 8 9 だけです"
                }
            };
            match language {
                Language::English => format!("{kind} {c}: {rule}"),
                Language::Japanese => format!("{kind}「{c}」です。{rule}"),
            }
        };
        let refused = language.pick(
            "（Windows には何も送っていません）",
            " Nothing was sent to Windows.",
        );
        match (self, language) {
            (KeyProblem::Empty, _) => language
                .pick(
                    "プロダクト キーが入力されていません。25 文字（5 文字ずつ 5 グループ）を入力してください。",
                    "No product key was typed. Type its 25 characters (five groups of five).",
                )
                .to_string(),
            // An invisible character (a zero-width space from a web page) is named by its code
            // point, after the character the user sees before it.
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::English,
            ) if is_invisible(*found) => {
                let code = format!("U+{:04X}", u32::from(*found));
                let place = match position {
                    1 => "at its start".to_string(),
                    _ => format!("after character {}", position - 1),
                };
                format!(
                    "Group {group} holds an invisible character, {code}, {place}: delete it (copies from web pages often bring one). Check the key.{refused}"
                )
            }
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::Japanese,
            ) if is_invisible(*found) => {
                let code = format!("U+{:04X}", u32::from(*found));
                let place = match position {
                    1 => "最初".to_string(),
                    _ => format!(" {} 文字目の後", position - 1),
                };
                format!(
                    "グループ {group} の{place}に、見えない文字（{code}）があります。消してから、キーを確かめてください{refused}。"
                )
            }
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::English,
            ) => format!(
                "Group {group}, character {position} is {}. Check the key.{refused}",
                what(*found)
            ),
            (
                KeyProblem::NotInAlphabet {
                    group,
                    position,
                    found,
                },
                Language::Japanese,
            ) => format!(
                "グループ {group} の {position} 文字目が{}。キーを確かめてください{refused}。",
                what(*found)
            ),
            (KeyProblem::SecondN { group, position }, Language::English) => format!(
                "Group {group}, character {position} is a second N: a product key holds at most \
                 one N. Check the key.{refused}"
            ),
            (KeyProblem::SecondN { group, position }, Language::Japanese) => format!(
                "グループ {group} の {position} 文字目は 2 つ目の N です。プロダクト キーに N は 1 つまでです。\
                 キーを確かめてください{refused}。"
            ),
            (KeyProblem::GroupLength { group, found }, Language::English) => format!(
                "Group {group} has {found} characters: a product key is five groups of five. \
                 Check the key.{refused}"
            ),
            (KeyProblem::GroupLength { group, found }, Language::Japanese) => format!(
                "グループ {group} が {found} 文字です。プロダクト キーは 5 文字ずつの 5 グループです。\
                 キーを確かめてください{refused}。"
            ),
            (KeyProblem::GroupCount { found }, Language::English) => format!(
                "The key has {found} groups: a product key is five groups of five. Check the \
                 key.{refused}"
            ),
            (KeyProblem::GroupCount { found }, Language::Japanese) => format!(
                "キーが {found} グループです。プロダクト キーは 5 文字ずつの 5 グループです。\
                 キーを確かめてください{refused}。"
            ),
            (KeyProblem::WrongLength { found }, Language::English) => format!(
                "The key has {found} characters: a product key has 25. Check the key.{refused}"
            ),
            (KeyProblem::WrongLength { found }, Language::Japanese) => format!(
                "キーが {found} 文字です。プロダクト キーは 25 文字です。キーを確かめてください{refused}。"
            ),
        }
    }
}

/// Why the licensing service refused a key, and what to do next.
fn key_refusal(error: &codes::ActivationError, language: Language) -> String {
    if error.needs_administrator() {
        return match language {
            Language::English => format!(
                "Installing a product key needs administrator rights (0x{:08X}). Next: restart \
                 as administrator (or right-click Activation Companion and choose “Run as \
                 administrator”) and install the key again.",
                error.code
            ),
            Language::Japanese => format!(
                "プロダクト キーのインストールには管理者権限が必要です (0x{:08X})。次に: 管理者として実行してから、もう一度キーをインストールしてください（ウィンドウでは [管理者としてこのアプリを開き直す] を押し、コマンドでは管理者として開いたコマンド プロンプトで実行します）。",
                error.code
            ),
        };
    }
    explain_hresult(error.code, language)
}

impl Localized for InstallVerdict {
    fn message(&self, language: Language) -> String {
        match self {
            InstallVerdict::Installed {
                product,
                refresh_error,
                ..
            } => {
                let name = product_label(product, language);
                let key = &product.partial_key;
                let mut text = match language {
                    Language::English => {
                        format!("The product key ending {key} is installed: it belongs to {name}.")
                    }
                    Language::Japanese => format!(
                        "末尾が {key} のプロダクト キーをインストールしました。製品: {name}。"
                    ),
                };
                if let Some(code) = refresh_error {
                    text.push_str(&match language {
                        Language::English => format!(
                            " (Refreshing the license status failed with 0x{code:08X}: the \
                             status below may be out of date.)"
                        ),
                        Language::Japanese => format!(
                            "（ライセンス状態の更新が 0x{code:08X} で失敗したため、この状態は古い可能性があります。）"
                        ),
                    });
                }
                text.push_str(crate::words::sentence_gap(language));
                text.push_str(&product.message(language));
                text
            }
            InstallVerdict::InstalledNotShown {
                last_five, problem, ..
            } => {
                let detail = code_in_brackets(problem.as_ref());
                match language {
                    Language::English => format!(
                        "Windows took the product key ending {last_five}, but no product shows it \
                         when read again{detail}. Next: restart the PC and read this PC again."
                    ),
                    Language::Japanese => format!(
                        "末尾が {last_five} のプロダクト キーは Windows に受け付けられましたが、読み取り直してもそのキーの製品が見つかりません{detail}。次に: PC を再起動して、この PC をもう一度読み取ってください。"
                    ),
                }
            }
            InstallVerdict::Refused { last_five, error } => match language {
                Language::English => format!(
                    "The product key ending {last_five} was not installed; nothing changed. {}",
                    key_refusal(error, language)
                ),
                Language::Japanese => format!(
                    "末尾が {last_five} のプロダクト キーはインストールされませんでした（何も変更していません）。{}",
                    key_refusal(error, language)
                ),
            },
        }
    }
}

impl Localized for InstallError {
    fn message(&self, language: Language) -> String {
        match self {
            InstallError::Service(ServiceError::NotWindows) => language
                .pick(
                    "プロダクト キーのインストールは Windows でのみ使えます。ライセンス認証する PC で、管理者として開いたコマンド プロンプトから slmgr /ipk <プロダクト キー> と入力することもできます。",
                    "Installing a product key works on Windows only. On the PC being activated, \
                     slmgr /ipk <product key> in a Command Prompt opened as administrator does \
                     the same.",
                )
                .to_string(),
            InstallError::Service(error @ ServiceError::TimedOut { .. }) => {
                format!(
                    "{} {}",
                    language.pick(
                        "キーがインストールされたかどうかは分かりません。",
                        "Whether the key was installed is not known."
                    ),
                    error.message(language)
                )
            }
            InstallError::Service(error) => format!(
                "{} {} {}",
                language.pick(
                    "プロダクト キーはインストールしていません。",
                    "The product key was not installed."
                ),
                error.message(language),
                language.pick(
                    "キーは、管理者として開いたコマンド プロンプトで slmgr /ipk <プロダクト キー> と入力してもインストールできます。",
                    "The key can also be installed with slmgr /ipk <product key> in a Command \
                     Prompt opened as administrator.",
                )
            ),
        }
    }
}
