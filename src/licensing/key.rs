//! A product key, checked before anything is sent to Windows, and kept out of every record.
//!
//! Product keys are 25 characters in five groups of five from B C D F G H J K M P Q R T V W X Y
//! 2 3 4 6 7 8 9 (Windows 8 and later keys also hold one N): no vowels, no 0, 1, 5, L, S, Z.
//! Any case, dashes or spaces optional. A character outside that alphabet is named with its
//! group and position and never turned into another one (an O is not read as a 0, nor as
//! anything else): the user checks the key they were given.
//!
//! The key is never written to the session, the record, a report or the screen: only its last
//! five characters (what the licensing service itself shows as `PartialProductKey`). The
//! whole key leaves this type only through [`ProductKey::for_the_licensing_service`], which
//! the WMI call alone uses.

/// The characters a product key is made of (the N only once, see [`check_product_key`]).
pub const KEY_ALPHABET: &str = "BCDFGHJKMNPQRTVWXY2346789";

/// Characters in a key, in groups of [`GROUP_LENGTH`].
pub const KEY_LENGTH: usize = 25;
pub const GROUP_LENGTH: usize = 5;
pub const GROUPS: usize = 5;

/// A well-formed product key (upper-case, no separators). Its `Debug` shows only the last five
/// characters, so a log line or a panic message cannot carry it.
#[derive(Clone, PartialEq, Eq)]
pub struct ProductKey(String);

impl std::fmt::Debug for ProductKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ProductKey(...{})", self.last_five())
    }
}

impl ProductKey {
    /// The last five characters: what the licensing service shows as `PartialProductKey`, and
    /// all of the key that is ever shown or kept.
    pub fn last_five(&self) -> &str {
        &self.0[KEY_LENGTH - GROUP_LENGTH..]
    }

    /// The whole key, grouped `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`, for
    /// `SoftwareLicensingService.InstallProductKey` and nothing else.
    pub fn for_the_licensing_service(&self) -> String {
        let groups: Vec<&str> = (0..GROUPS)
            .map(|g| &self.0[g * GROUP_LENGTH..(g + 1) * GROUP_LENGTH])
            .collect();
        groups.join("-")
    }
}

/// Why a typed product key is not one, before anything is sent to Windows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// Nothing typed.
    Empty,
    /// A character outside the product-key alphabet, at 1-based `group` and `position`.
    NotInAlphabet {
        group: usize,
        position: usize,
        found: char,
    },
    /// A second N (a key holds at most one), at 1-based `group` and `position`.
    SecondN { group: usize, position: usize },
    /// Separators split the key into groups, and group `group` (1-based) has `found`
    /// characters, not five.
    GroupLength { group: usize, found: usize },
    /// Groups of five, but `found` of them, not five.
    GroupCount { found: usize },
    /// Without separators: `found` characters, not 25.
    WrongLength { found: usize },
}

fn is_separator(c: char) -> bool {
    c == '-' || c == '_' || c.is_whitespace() || matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Whether `c` shows nothing where it stands (a zero-width space from a web page, a joiner, a
/// byte-order mark, a control character): a message names it by its code point, `U+200B`.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Full-width ASCII (U+FF01 to U+FF5E, as a Japanese input method types it) as ASCII, and the ideographic
/// space as a space: what is promised, and nothing more (a circled letter, a superscript digit
/// or a Roman numeral stays itself, to be named where it is).
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The key in a line with text around it (`Product key: VK7JG-NPHTM-...`), as IDs are found
/// in what is pasted: five groups of five letters or digits with only separators between
/// them, or a run of 25, standing apart from other letters and digits. `None` when there is
/// not exactly one such key.
fn key_in(text: &[char]) -> Option<&[char]> {
    // Runs of letters and digits: (start, end), and whether only separators come before the
    // next run.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i].is_alphanumeric() {
            let start = i;
            while i < text.len() && text[i].is_alphanumeric() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    let separated = |a: (usize, usize), b: (usize, usize)| {
        text[a.1..b.0].iter().all(|&c| is_separator(c)) && a.1 < b.0
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (n, &run) in runs.iter().enumerate() {
        if run.1 - run.0 == KEY_LENGTH {
            found.push(run);
        }
        let groups = runs.get(n..n + GROUPS);
        if let Some(groups) = groups
            && groups.iter().all(|g| g.1 - g.0 == GROUP_LENGTH)
            && groups.windows(2).all(|pair| separated(pair[0], pair[1]))
        {
            found.push((groups[0].0, groups[GROUPS - 1].1));
        }
    }
    match found.as_slice() {
        [(start, end)] => Some(&text[*start..*end]),
        _ => None,
    }
}

/// Checks a typed product key. Full-width letters and digits (a Japanese input method's) are
/// read as the same letters and digits; lower case as upper case; `-`, `_`, spaces and dashes
/// separate groups. Text around one key (`Product key: ...`) is left out, as a label before a
/// colon is. Nothing else is changed: a character outside the alphabet is a
/// [`KeyProblem::NotInAlphabet`] at its place, as typed.
pub fn check_product_key(typed: &str) -> Result<ProductKey, KeyProblem> {
    let folded: Vec<char> = typed.chars().map(half_width).collect();
    let text: String = match key_in(&folded) {
        Some(key) => key.iter().collect(),
        // No whole key to be found: what follows a label's colon, else all of it.
        None => {
            let all: String = folded.iter().collect();
            match all.rsplit_once(':') {
                Some((_, after)) if !after.trim().is_empty() => after.to_string(),
                _ => all,
            }
        }
    };
    let groups: Vec<Vec<char>> = text
        .split(is_separator)
        .filter(|group| !group.is_empty())
        .map(|group| group.chars().collect())
        .collect();
    if groups.is_empty() {
        return Err(KeyProblem::Empty);
    }
    // Typed in one run, a character's place is counted in groups of five; grouped by the
    // user, in the user's groups.
    let chars: Vec<char> = groups.concat();
    let positions: Vec<(usize, usize)> = if groups.len() > 1 {
        groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| (0..group.len()).map(move |p| (g + 1, p + 1)))
            .collect()
    } else {
        (0..chars.len())
            .map(|i| (i / GROUP_LENGTH + 1, i % GROUP_LENGTH + 1))
            .collect()
    };
    // A character outside the alphabet is the likelier mistake: it is named first.
    let mut seen_n = false;
    for (&typed, &(group, position)) in chars.iter().zip(&positions) {
        // Named as typed (a lower-case o stays one); checked in upper case.
        let c = typed.to_ascii_uppercase();
        if !KEY_ALPHABET.contains(c) {
            return Err(KeyProblem::NotInAlphabet {
                group,
                position,
                found: typed,
            });
        }
        if c == 'N' {
            if seen_n {
                return Err(KeyProblem::SecondN { group, position });
            }
            seen_n = true;
        }
    }
    if groups.len() > 1 {
        if let Some((index, group)) = groups
            .iter()
            .enumerate()
            .find(|(_, group)| group.len() != GROUP_LENGTH)
        {
            return Err(KeyProblem::GroupLength {
                group: index + 1,
                found: group.len(),
            });
        }
        if groups.len() != GROUPS {
            return Err(KeyProblem::GroupCount {
                found: groups.len(),
            });
        }
    } else if chars.len() != KEY_LENGTH {
        return Err(KeyProblem::WrongLength { found: chars.len() });
    }
    Ok(ProductKey(
        chars.into_iter().map(|c| c.to_ascii_uppercase()).collect(),
    ))
}

/// Where a text holds something shaped like a product key: five groups of five characters of
/// the key alphabet (any case, full-width too), joined by dashes or spaces, or a run of 25 with
/// a letter and a digit in it; the byte range in `text`. For the fields where a key does not
/// belong (the Installation ID box, the Confirmation ID boxes): such a key is named there, and
/// never kept or saved.
pub fn find_product_key(text: &str) -> Option<std::ops::Range<usize>> {
    let in_key = |c: char| {
        let c = match c {
            // Full-width letters and digits, as a Japanese input method types them.
            '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        KEY_ALPHABET.contains(c.to_ascii_uppercase())
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut start = 0;
    while start < chars.len() {
        let starts_word = start == 0 || !chars[start - 1].1.is_alphanumeric();
        if starts_word && in_key(chars[start].1) {
            // Grouped: five groups of five, one separator between.
            let mut i = start;
            let mut groups = 0;
            while groups < GROUPS {
                let run = chars[i..].iter().take_while(|(_, c)| in_key(*c)).count();
                if run != GROUP_LENGTH {
                    break;
                }
                i += run;
                groups += 1;
                if groups < GROUPS && matches!(chars.get(i), Some((_, '-' | ' ' | '\u{FF0D}'))) {
                    i += 1;
                } else {
                    break;
                }
            }
            let ends_word = chars.get(i).is_none_or(|(_, c)| !c.is_alphanumeric());
            if groups == GROUPS && ends_word {
                return Some(chars[start].0..end_of(i));
            }
            // One run of 25 with letters and digits in it.
            let run = chars[start..]
                .iter()
                .take_while(|(_, c)| in_key(*c))
                .count();
            let ends_word = chars
                .get(start + run)
                .is_none_or(|(_, c)| !c.is_alphanumeric());
            let mixed = |run: &[(usize, char)]| {
                run.iter().any(|(_, c)| c.is_alphabetic())
                    && run.iter().any(|(_, c)| !c.is_alphabetic())
            };
            if run == KEY_LENGTH && ends_word && mixed(&chars[start..start + run]) {
                return Some(chars[start].0..end_of(start + run));
            }
        }
        start += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Microsoft's published generic key for Windows 10/11 Pro (installs, never activates).
    const PRO_GENERIC: &str = "VK7JG-NPHTM-C97JM-9MPGT-3V66T";

    #[test]
    fn a_key_is_read_in_any_case_with_or_without_separators() {
        for typed in [
            PRO_GENERIC,
            "vk7jg-nphtm-c97jm-9mpgt-3v66t",
            "VK7JGNPHTMC97JM9MPGT3V66T",
            " VK7JG NPHTM C97JM 9MPGT 3V66T ",
            // Full-width, as a Japanese input method types it.
            "\u{ff36}\u{ff2b}\u{ff17}\u{ff2a}\u{ff27}\u{ff0d}\u{ff2e}\u{ff30}\u{ff28}\u{ff34}\u{ff2d}\u{ff0d}\u{ff23}\u{ff19}\u{ff17}\u{ff2a}\u{ff2d}\u{ff0d}\u{ff19}\u{ff2d}\u{ff30}\u{ff27}\u{ff34}\u{ff0d}\u{ff13}\u{ff36}\u{ff16}\u{ff16}\u{ff34}",
        ] {
            let key = check_product_key(typed).unwrap_or_else(|e| panic!("{typed}: {e:?}"));
            assert_eq!(key.for_the_licensing_service(), PRO_GENERIC);
            assert_eq!(key.last_five(), "3V66T");
        }
    }

    #[test]
    fn a_character_outside_the_alphabet_is_named_where_it_is_and_not_converted() {
        assert_eq!(
            check_product_key("VK7JG-NPHTM-COTJM-9MPGT-3V66T"),
            Err(KeyProblem::NotInAlphabet {
                group: 3,
                position: 2,
                found: 'O'
            })
        );
        // The same without dashes: the position is counted in groups of five.
        assert_eq!(
            check_product_key("VK7JGNPHTMC0TJM9MPGT3V66T"),
            Err(KeyProblem::NotInAlphabet {
                group: 3,
                position: 2,
                found: '0'
            })
        );
        for (bad, at) in [
            ('A', 0),
            ('1', 6),
            ('5', 12),
            ('L', 18),
            ('S', 24),
            ('Z', 3),
        ] {
            let mut key: Vec<char> = "VK7JGNPHTMC97JM9MPGT3V66T".chars().collect();
            key[at] = bad;
            let typed: String = key.into_iter().collect();
            assert_eq!(
                check_product_key(&typed),
                Err(KeyProblem::NotInAlphabet {
                    group: at / 5 + 1,
                    position: at % 5 + 1,
                    found: bad
                }),
                "{typed}"
            );
        }
    }

    #[test]
    fn wrong_lengths_and_groups_are_refused() {
        assert_eq!(check_product_key("  - "), Err(KeyProblem::Empty));
        assert_eq!(
            check_product_key("VK7JGNPHTMC97JM9MPGT3V66"),
            Err(KeyProblem::WrongLength { found: 24 })
        );
        assert_eq!(
            check_product_key("VK7J-GNPHTM-C97JM-9MPGT-3V66T"),
            Err(KeyProblem::GroupLength { group: 1, found: 4 })
        );
        assert_eq!(
            check_product_key("VK7JG-NPHTM-C97JM-9MPGT"),
            Err(KeyProblem::GroupCount { found: 4 })
        );
        assert_eq!(
            check_product_key("VK7JG-NPHTM-C97JM-9MPGT-3V66T-BBBBB"),
            Err(KeyProblem::GroupCount { found: 6 })
        );
    }

    #[test]
    fn a_key_holds_one_n_at_most() {
        assert_eq!(
            check_product_key("VK7JG-NPHTM-C97JM-9MPGT-3VN6T"),
            Err(KeyProblem::SecondN {
                group: 5,
                position: 3
            })
        );
    }

    /// Issue 24: text around the key, `_` between groups, and characters named as typed where
    /// they are: an invisible one, a circled or superscript one (not converted), a Roman
    /// numeral.
    #[test]
    fn a_key_is_found_in_text_around_it_and_characters_are_named_as_typed() {
        for typed in [
            "Product key: VK7JG-NPHTM-C97JM-9MPGT-3V66T",
            "\u{30D7}\u{30ED}\u{30C0}\u{30AF}\u{30C8} \u{30AD}\u{30FC}\u{FF1A}VK7JG-NPHTM-C97JM-9MPGT-3V66T\u{FF08}Pro\u{FF09}",
            "VK7JG_NPHTM_C97JM_9MPGT_3V66T",
            "key VK7JGNPHTMC97JM9MPGT3V66T.",
        ] {
            let key = check_product_key(typed).unwrap_or_else(|e| panic!("{typed}: {e:?}"));
            assert_eq!(key.for_the_licensing_service(), PRO_GENERIC, "{typed}");
        }
        // A mistyped key in text: its character is named, not the text's.
        assert_eq!(
            check_product_key("Product key: VK7JG-NPHTM-C97JM-9MPGT-3V6oT"),
            Err(KeyProblem::NotInAlphabet {
                group: 5,
                position: 4,
                found: 'o'
            })
        );
        assert_eq!(
            check_product_key("VK7JG\u{200B}-NPHTM-C97JM-9MPGT-3V66T"),
            Err(KeyProblem::NotInAlphabet {
                group: 1,
                position: 6,
                found: '\u{200B}'
            })
        );
        for (bad, at) in [('\u{24B7}', 1), ('\u{00B2}', 3), ('\u{2165}', 2)] {
            // Circled B, superscript 2, Roman numeral six: never read as B, 2 or VI.
            let typed = format!(
                "VK7JG-NPHTM-C97JM-9MPGT-{}",
                "3V66T"
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i + 1 == at { bad } else { c })
                    .collect::<String>()
            );
            assert_eq!(
                check_product_key(&typed),
                Err(KeyProblem::NotInAlphabet {
                    group: 5,
                    position: at,
                    found: bad
                }),
                "{typed}"
            );
        }
    }

    #[test]
    fn debug_shows_only_the_last_five() {
        let key = check_product_key(PRO_GENERIC).unwrap();
        let shown = format!("{key:?}");
        assert_eq!(shown, "ProductKey(...3V66T)");
        assert!(!shown.contains("VK7JG"));
    }
}

#[cfg(test)]
mod finding {
    use super::find_product_key;

    #[test]
    fn a_key_is_found_in_any_shape_and_nothing_else_is() {
        for text in [
            "VK7JG-NPHTM-C97JM-9MPGT-3V66T",
            "Product key: VK7JG-NPHTM-C97JM-9MPGT-3V66T.",
            "vk7jg nphtm c97jm 9mpgt 3v66t",
            "VK7JGNPHTMC97JM9MPGT3V66T",
            "\u{FF36}\u{FF2B}\u{FF17}JG-NPHTM-C97JM-9MPGT-3V66T",
        ] {
            assert!(find_product_key(text).is_some(), "{text}");
        }
        for text in [
            "4891263 4325701 2289105 5465220 8520533 2958764 1588510 1112713 9061121",
            "426296-483130-829081-394993-064403-777482-905722-580616",
            "VK7JG-NPHTM-C97JM-9MPGT",
            "Office16ProPlusVL_MAK edition",
            "03612-04921-000-000001-00-1033-26100.0000-2062025",
        ] {
            assert_eq!(find_product_key(text), None, "{text}");
        }
    }
}
