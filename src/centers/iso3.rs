//! Microsoft's three-letter region codes in `phone.inf`, mapped to ISO 3166-1 alpha-2.
//!
//! Built by matching each `[IsoCodes]` row of the Windows 10 (19041-family) `phone.inf` to the
//! bundled table by country name, then checking the codes that did not match by name by hand.
//! Microsoft uses some codes that are not ISO 3166-1 alpha-3 (ROM, TMP, ANG, BON, STM, SMM, STT,
//! SLM; JAN in the Windows 8 list): they are here with what the row's name key says they mean.
//! The standard codes for the same places (ROU, TLS, CUW, ...) are here too, in case a newer list
//! switches to them.

/// `(code in phone.inf, ISO alpha-2)`: the Windows 10 list's codes in order, then the extras.
pub(crate) const ISO3_TO_ALPHA2: &[(&str, &str)] = &[
    ("ABW", "AW"), // Aruba
    ("AFG", "AF"), // Afghanistan
    ("AGO", "AO"), // Angola
    ("AIA", "AI"), // Anguilla
    ("ALB", "AL"), // Albania
    ("AND", "AD"), // Andorra
    ("ANG", "CW"), // Curacao_(formerly_Netherlands_Antilles)
    ("ARE", "AE"), // United_Arab_Emirates
    ("ARG", "AR"), // Argentina
    ("ARM", "AM"), // Armenia
    ("ASM", "AS"), // American_Samoa
    ("ATA", "AQ"), // Antarctica
    ("ATF", "TF"), // French_Southern_Territories
    ("ATG", "AG"), // Antigua_and_Barbuda
    ("AUS", "AU"), // Australia
    ("AUT", "AT"), // Austria
    ("AZE", "AZ"), // Azerbaijan
    ("BDI", "BI"), // Burundi
    ("BEL", "BE"), // Belgium
    ("BEN", "BJ"), // Benin
    ("BFA", "BF"), // Burkina_Faso
    ("BGD", "BD"), // Bangladesh
    ("BGR", "BG"), // Bulgaria
    ("BHR", "BH"), // Bahrain
    ("BHS", "BS"), // Bahamas
    ("BIH", "BA"), // Bosnia_and_Herzegovina
    ("BLR", "BY"), // Belarus
    ("BLZ", "BZ"), // Belize
    ("BMU", "BM"), // Bermuda
    ("BOL", "BO"), // Bolivia
    ("BON", "BQ"), // Bonaire
    ("BRA", "BR"), // Brazil
    ("BRB", "BB"), // Barbados
    ("BRN", "BN"), // Brunei_Darussalam
    ("BTN", "BT"), // Bhutan
    ("BVT", "BV"), // Bouvet_Island
    ("BWA", "BW"), // Botswana
    ("CAF", "CF"), // Central_African_Republic
    ("CAN", "CA"), // Canada
    ("CCK", "CC"), // Cocos_Islands
    ("CHE", "CH"), // Switzerland
    ("CHL", "CL"), // Chile
    ("CHN", "CN"), // China
    ("CIV", "CI"), // Cote_D'Ivoire
    ("CMR", "CM"), // Cameroon
    ("COG", "CG"), // Congo_(DRC)
    ("COK", "CK"), // Cook_Islands
    ("COL", "CO"), // Colombia
    ("COM", "KM"), // Comoros
    ("CPV", "CV"), // Cape_Verde
    ("CRI", "CR"), // Costa_Rica
    ("CXR", "CX"), // Christmas_Island
    ("CYM", "KY"), // Cayman_Islands
    ("CYP", "CY"), // Cyprus
    ("CZE", "CZ"), // Czech_Republic
    ("DEU", "DE"), // Germany
    ("DJI", "DJ"), // Djibouti
    ("DMA", "DM"), // Dominica
    ("DNK", "DK"), // Denmark
    ("DOM", "DO"), // Dominican_Republic
    ("DZA", "DZ"), // Algeria
    ("ECU", "EC"), // Ecuador
    ("EGY", "EG"), // Egypt
    ("ERI", "ER"), // Eritrea
    ("ESP", "ES"), // Spain
    ("EST", "EE"), // Estonia
    ("ETH", "ET"), // Ethiopia
    ("FIN", "FI"), // Finland
    ("FJI", "FJ"), // Fiji
    ("FLK", "FK"), // Falkland_Islands_(Islas_Malvinas)
    ("FRA", "FR"), // France
    ("FRO", "FO"), // Faroe_Islands
    ("FSM", "FM"), // Micronesia
    ("GAB", "GA"), // Gabon
    ("GBR", "GB"), // United_Kingdom
    ("GEO", "GE"), // Georgia
    ("GHA", "GH"), // Ghana
    ("GIB", "GI"), // Gibraltar
    ("GIN", "GN"), // Guinea
    ("GLP", "GP"), // Guadeloupe
    ("GMB", "GM"), // Gambia
    ("GNB", "GW"), // Guinea-Bissau
    ("GNQ", "GQ"), // Equatorial_Guinea
    ("GRC", "GR"), // Greece
    ("GRD", "GD"), // Grenada
    ("GRL", "GL"), // Greenland
    ("GTM", "GT"), // Guatemala
    ("GUF", "GF"), // French_Guiana
    ("GUM", "GU"), // Guam
    ("GUY", "GY"), // Guyana
    ("HKG", "HK"), // Hong_Kong
    ("HMD", "HM"), // Heard_Island_and_Mcdonald_Islands
    ("HND", "HN"), // Honduras
    ("HRV", "HR"), // Croatia
    ("HTI", "HT"), // Haiti
    ("HUN", "HU"), // Hungary
    ("IDN", "ID"), // Indonesia
    ("IND", "IN"), // India
    ("IOT", "IO"), // British_Indian_Ocean_Territories
    ("IRL", "IE"), // Ireland
    ("IRQ", "IQ"), // Iraq
    ("ISL", "IS"), // Iceland
    ("ISR", "IL"), // Israel
    ("ITA", "IT"), // Italy
    ("JAM", "JM"), // Jamaica
    ("JOR", "JO"), // Jordan
    ("JPN", "JP"), // Japan
    ("KAZ", "KZ"), // Kazakhstan
    ("KEN", "KE"), // Kenya
    ("KGZ", "KG"), // Kyrgyzstan
    ("KHM", "KH"), // Cambodia
    ("KIR", "KI"), // Kiribati
    ("KNA", "KN"), // Saint_Kitts_and_Nevis
    ("KOR", "KR"), // Korea
    ("KWT", "KW"), // Kuwait
    ("LAO", "LA"), // Lao_Peoples_Democratic_Republic
    ("LBN", "LB"), // Lebanon
    ("LBR", "LR"), // Liberia
    ("LBY", "LY"), // Libya
    ("LCA", "LC"), // Saint_Lucia
    ("LIE", "LI"), // Liechtenstein
    ("LKA", "LK"), // Sri_Lanka
    ("LSO", "LS"), // Lesotho
    ("LTU", "LT"), // Lithuania
    ("LUX", "LU"), // Luxembourg
    ("LVA", "LV"), // Latvia
    ("MAC", "MO"), // Macao_SAR
    ("MAR", "MA"), // Morocco
    ("MCO", "MC"), // Monaco
    ("MDA", "MD"), // Moldova
    ("MDG", "MG"), // Madagascar
    ("MDV", "MV"), // Maldives
    ("MEX", "MX"), // Mexico
    ("MHL", "MH"), // Marshall_Islands
    ("MKD", "MK"), // North_Macedonia
    ("MLI", "ML"), // Mali
    ("MLT", "MT"), // Malta
    ("MMR", "MM"), // Myanmar
    ("MNG", "MN"), // Mongolia
    ("MNP", "MP"), // Northern_Mariana_Islands
    ("MOZ", "MZ"), // Mozambique
    ("MRT", "MR"), // Mauritania
    ("MSR", "MS"), // Montserrat
    ("MTQ", "MQ"), // Martinique
    ("MUS", "MU"), // Mauritius
    ("MWI", "MW"), // Malawi
    ("MYS", "MY"), // Malaysia
    ("MYT", "YT"), // Mayotte
    ("NAM", "NA"), // Namibia
    ("NCL", "NC"), // New_Caledonia
    ("NER", "NE"), // Niger
    ("NFK", "NF"), // Norfolk_Island
    ("NGA", "NG"), // Nigeria
    ("NIC", "NI"), // Nicaragua
    ("NIU", "NU"), // Niue
    ("NLD", "NL"), // Netherlands
    ("NOR", "NO"), // Norway
    ("NPL", "NP"), // Nepal
    ("NRU", "NR"), // Nauru
    ("NZL", "NZ"), // New_Zealand
    ("OMN", "OM"), // Oman
    ("PAK", "PK"), // Pakistan
    ("PAN", "PA"), // Panama
    ("PCN", "PN"), // Pitcairn_Island
    ("PER", "PE"), // Peru
    ("PHL", "PH"), // Philippines
    ("PLW", "PW"), // Palau
    ("PNG", "PG"), // Papua_New_Guinea
    ("POL", "PL"), // Poland
    ("PRI", "PR"), // Puerto_Rico
    ("PRT", "PT"), // Portugal
    ("PRY", "PY"), // Paraguay
    ("PSE", "PS"), // Palestinian_Authority
    ("PYF", "PF"), // French_Polynesia
    ("QAT", "QA"), // Qatar
    ("REU", "RE"), // Reunion
    ("ROM", "RO"), // Romania
    ("RUS", "RU"), // Russia
    ("RWA", "RW"), // Rwanda
    ("SAU", "SA"), // Saudi_Arabia
    ("SEN", "SN"), // Senegal
    ("SGP", "SG"), // Singapore
    ("SGS", "GS"), // South_Georgia_and_Sandwich_Islands
    ("SHN", "SH"), // Saint_Helena
    ("SJM", "SJ"), // Svalbard_and_Jan_Mayen
    ("SLB", "SB"), // Solomon_Islands
    ("SLE", "SL"), // Sierra_Leone
    ("SLM", "SO"), // Somalia
    ("SLV", "SV"), // El_Salvador
    ("SMM", "MF"), // Saint_Martin
    ("SMR", "SM"), // San_Marino
    ("SPM", "PM"), // Saint_Pierre_and_Miquelon
    ("SRB", "RS"), // Serbia
    ("STM", "SX"), // Saint_Maarteen
    ("STP", "ST"), // Sao_Tome_and_Principe
    ("STT", "VI"), // Saint_Thomas
    ("SUR", "SR"), // Suriname
    ("SVK", "SK"), // Slovakia
    ("SVN", "SI"), // Slovenia
    ("SWE", "SE"), // Sweden
    ("SWZ", "SZ"), // Swaziland
    ("SYC", "SC"), // Seychelles
    ("TCA", "TC"), // Turks_and_Caicos_Islands
    ("TCD", "TD"), // Chad
    ("TGO", "TG"), // Togo
    ("THA", "TH"), // Thailand
    ("TJK", "TJ"), // Tajikistan
    ("TKL", "TK"), // Tokelau
    ("TKM", "TM"), // Turkmenistan
    ("TMP", "TL"), // East_Timor
    ("TON", "TO"), // Tonga
    ("TTO", "TT"), // Trinidad_and_Tobago
    ("TUN", "TN"), // Tunisia
    ("TUR", "TR"), // Turkey
    ("TUV", "TV"), // Tuvalu
    ("TWN", "TW"), // Taiwan
    ("TZA", "TZ"), // Tanzania
    ("UGA", "UG"), // Uganda
    ("UKR", "UA"), // Ukraine
    ("UMI", "UM"), // United_States_Minor_Outlying_Islands
    ("URY", "UY"), // Uruguay
    ("USA", "US"), // United_States
    ("UZB", "UZ"), // Uzbekistan
    ("VAT", "VA"), // Vatican_City_State
    ("VCT", "VC"), // Saint_Vincent_and_The_Grenadines
    ("VEN", "VE"), // Venezuela
    ("VGB", "VG"), // Virgin_Islands_(British)
    ("VIR", "VI"), // Virgin_Islands_-_US_&_ST._Thomas
    ("VNM", "VN"), // Vietnam
    ("VUT", "VU"), // Vanuatu
    ("WLF", "WF"), // Wallis_And_Futuna_Islands
    ("WSM", "WS"), // Samoa
    ("YEM", "YE"), // Yemen
    ("ZAF", "ZA"), // South_Africa
    ("ZMB", "ZM"), // Zambia
    ("ZWE", "ZW"), // Zimbabwe
    // Older lists (Windows 8 phone.inf).
    ("JAN", "SJ"), // Jan_Mayen
    ("MNE", "ME"), // Montenegro (the Windows 10 list writes the alpha-2 code "ME")
    // Standard alpha-3 codes for the places Microsoft codes differently.
    ("BES", "BQ"),
    ("COD", "CD"),
    ("CUW", "CW"),
    ("MAF", "MF"),
    ("ROU", "RO"),
    ("SOM", "SO"),
    ("SXM", "SX"),
    ("TLS", "TL"),
];

/// The alpha-2 code for a code as written in `phone.inf` (case-insensitive).
pub(crate) fn iso3_to_alpha2(code: &str) -> Option<&'static str> {
    ISO3_TO_ALPHA2
        .iter()
        .find(|(iso3, _)| iso3.eq_ignore_ascii_case(code))
        .map(|&(_, alpha2)| alpha2)
}

/// Codes only Microsoft's lists use; a person typing one means something else (`ANG` is not
/// Angola, `ROM` not Romania's ISO code), so they are not looked up from what users type.
const MICROSOFT_ONLY: [&str; 9] = [
    "ANG", "BON", "JAN", "ROM", "SLM", "SMM", "STM", "STT", "TMP",
];

/// The alpha-2 code for a standard ISO 3166-1 alpha-3 code a user typed (`JPN` -> `JP`).
pub(crate) fn standard_alpha3_to_alpha2(code: &str) -> Option<&'static str> {
    if MICROSOFT_ONLY.iter().any(|c| c.eq_ignore_ascii_case(code)) {
        return None;
    }
    iso3_to_alpha2(code)
}
