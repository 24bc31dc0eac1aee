//! Windows 10 Extended Security Updates (ESU), the commercial, key-based kind: which year an
//! add-on is, from its Activation ID.
//!
//! From Microsoft Learn ("Enable Extended Security Updates"): the add-on Activation IDs are the
//! same on every edition and device. Year 1 runs 14 Oct 2025 - 13 Oct 2026, Year 2 Oct 2026 -
//! Oct 2027, Year 3 to Oct 2028. Each year's contract issues a new MAK, which must be installed
//! before its add-on shows an Installation ID; KMS cannot activate ESU.
//!
//! Add-ons are found by the row (`LicenseIsAddon`), never by this list: other ESU licences exist
//! (LTSB/LTSC, later years). This list only names the three years it knows.
//!
//! Consumer ESU (Settings > Windows Update with a Microsoft account) is a Store licence: no key,
//! no Installation ID, no Confirmation ID, and not in the licensing service at all.

/// One year of Windows 10 ESU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EsuYear {
    /// 1, 2 or 3.
    pub year: u8,
    /// The add-on's Activation ID (`ID`), lower-case.
    pub activation_id: &'static str,
    /// The first month covered (year, month) and, where Microsoft gives it, the day.
    pub from: (u16, u8, Option<u8>),
    /// The last month covered and, where given, the day.
    pub to: (u16, u8, Option<u8>),
}

/// The Windows 10 ESU years by their add-ons' Activation IDs (Microsoft Learn, "Enable Extended
/// Security Updates").
pub const ESU_YEARS: [EsuYear; 3] = [
    EsuYear {
        year: 1,
        activation_id: "f520e45e-7413-4a34-a497-d2765967d094",
        from: (2025, 10, Some(14)),
        to: (2026, 10, Some(13)),
    },
    EsuYear {
        year: 2,
        activation_id: "1043add5-23b1-4afb-9a0f-64343c8f3f8d",
        from: (2026, 10, None),
        to: (2027, 10, None),
    },
    EsuYear {
        year: 3,
        activation_id: "83d49986-add3-41d7-ba33-87c7bfb5c0fb",
        from: (2027, 10, None),
        to: (2028, 10, None),
    },
];

/// The ESU year of an add-on's (normalised) Activation ID.
pub fn esu_year(activation_id: &str) -> Option<EsuYear> {
    ESU_YEARS
        .iter()
        .copied()
        .find(|year| year.activation_id == activation_id)
}

/// Windows 10's builds (10240 to 19045); Windows 11 starts at 22000. ESU is for Windows 10.
pub fn is_windows_10_build(build: u32) -> bool {
    (10240..22000).contains(&build)
}

/// The row names an ESU add-on (`Windows(R), Client-ESU-Year1 add-on for ...`): the Name is
/// not localised. Found by the row, so LTSC and later years' add-ons count too.
pub fn names_esu(name: &str) -> bool {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("ESU"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_year_is_found_by_its_activation_id_and_nothing_else_is() {
        for (n, id) in [
            (1, "f520e45e-7413-4a34-a497-d2765967d094"),
            (2, "1043add5-23b1-4afb-9a0f-64343c8f3f8d"),
            (3, "83d49986-add3-41d7-ba33-87c7bfb5c0fb"),
        ] {
            assert_eq!(esu_year(id).map(|y| y.year), Some(n));
        }
        assert_eq!(esu_year("2de67392-b7a7-462a-b1ca-108dd189f588"), None);
    }

    #[test]
    fn esu_is_a_word_of_the_name() {
        assert!(names_esu(
            "Windows(R), Client-ESU-Year1 add-on for Education,EducationN"
        ));
        assert!(!names_esu("Windows(R), Professional edition"));
        assert!(!names_esu("Office 21, Office21RESUME edition"));
    }
}
