//! The user's locale: which country's activation numbers to show first.

/// The region of a locale tag, upper-cased: `ja-JP` → `JP`, `en_GB.UTF-8` → `GB`,
/// `zh-Hans-CN` → `CN`. `None` when the tag names no country (`ja`, `C`, `POSIX`, `es-419`, ``).
/// Works with BCP-47 (Windows) and POSIX (`LANG`) tags alike.
pub fn country_from_locale_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?;
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    for subtag in subtags {
        match subtag.len() {
            // A script such as `Hans` comes before the region.
            4 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => continue,
            2 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => {
                return Some(subtag.to_ascii_uppercase());
            }
            // `419` (Latin America) and anything else: no single country.
            _ => return None,
        }
    }
    None
}

/// The user's locale tag: Windows' user default locale on Windows (`ja-JP`), the POSIX
/// locale (`LANG`…) elsewhere.
pub fn user_locale_tag() -> Option<String> {
    super::windows_user_locale().or_else(sys_locale::get_locale)
}

/// The country of the user's locale (`JP`), for picking activation numbers.
pub fn locale_country() -> Option<String> {
    user_locale_tag().and_then(|tag| country_from_locale_tag(&tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_comes_from_the_locale_tag() {
        assert_eq!(country_from_locale_tag("ja-JP").as_deref(), Some("JP"));
        assert_eq!(
            country_from_locale_tag("en_GB.UTF-8").as_deref(),
            Some("GB")
        );
        assert_eq!(country_from_locale_tag("ja"), None);
        assert_eq!(country_from_locale_tag(""), None);
    }

    #[test]
    fn script_subtags_are_skipped() {
        assert_eq!(country_from_locale_tag("zh-Hans-CN").as_deref(), Some("CN"));
        assert_eq!(
            country_from_locale_tag("sr_Latn_RS@latin").as_deref(),
            Some("RS")
        );
    }

    #[test]
    fn numeric_regions_and_posix_names_give_none() {
        assert_eq!(country_from_locale_tag("es-419"), None);
        assert_eq!(country_from_locale_tag("POSIX"), None);
        assert_eq!(country_from_locale_tag("C.UTF-8"), None);
    }
}
