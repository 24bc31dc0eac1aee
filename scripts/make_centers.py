#!/usr/bin/env python3
"""Builds data/activation_centers.json, the table embedded by src/centers.rs.

    python3 scripts/make_centers.py /path/to/activation-centers.json

Reads: the research table activation-centers.json (a JSON list of rows), given as the one
required argument; there is no default path. Run it from anywhere: output paths are relative to
the crate root (the parent of this script's directory).

Writes:
  * data/activation_centers.json: `notes` as the research table has them, except the sentences
    REVISED rewrites or drops (notes meant for the table's maintainers, and what was written
    before voice activation ended); one row per line, known fields first in a fixed order (FIELDS),
    then any field the research table grows, then `alternatives`. Every row is kept with all of
    its provenance (sources, source_details, notes, primary_source) and gains
      - `notes_ja` (right after `notes`): the Japanese translation of `notes`;
      - `country_ja` as Microsoft Japan writes it (country_ja_shown): CLDR's name with
        full-width parentheses ("ミャンマー（ビルマ）"), or COUNTRY_JA_OVERRIDES' form ("米国",
        "香港特別行政区"); where it differs from the input's, the input's (CLDR's) name is kept
        as `country_ja_cldr` right after it, which src/centers searches too;
      - `alternatives`: numbers seen outside Microsoft's lists, shown only with their note
        (ALTERNATIVES; today only JP has one).
  * data/activation_centers.made-from.json: what the table was made from (this script's and the
    input's SHA-256, the Python version, the row count, the output's SHA-256), so anyone can tell
    whether running the script again would change the table. No timestamps: the same input and
    script give byte-identical files.

How `notes_ja` is made: `notes` is split into sentences (split_sentences: a sentence ends at
". " unless the word before the full stop is an abbreviation such as "i.e." or "U.S.", or the
next word starts in lower case; a dot with no space after it, as in "26100.0000", "E.164" or
"activation-centers.md", never ends one; the parts must re-join to exactly the original note).
Each sentence is translated by
  * RULES: (regex, Japanese template) pairs for the recurring sentence shapes the research table
    generates ("X is a number in Y (+n), i.e. an international call from Z.", "Windows XP-era
    list had: ...", ...). Country names inside them are translated with COUNTRY_JA, built from
    the rows' `country` / `country_cldr_en` -> `country_ja`, plus EXTRA_COUNTRY_JA (names that are
    not a row's `country`) and PROSE_COUNTRY_JA (shorter names for running text); numbers are
    copied as written;
  * ONE_OFF_JA: a hand-written translation for each remaining sentence, keyed by the exact
    English sentence.
The Japanese sentences are joined without spaces; a half-width space is put between Japanese
and ASCII letters or digits (Microsoft's Japanese style: "Windows XP 時代", "2024 年 12 月").
The Japanese is for the user, not the research table's maintainers: phone and source jargon
(E.164, ITFS, UIFN, libphonenumber, pastebin, MicrosoftDocs/...) is said in plain words or
left to the English `notes` ("no E.164" -> 「国際電話の形式（+ で始まる番号）では表せません。」),
"from abroad" is 「海外から」, and a range is written with U+FF5E 「～」 (NOT_FOR_USERS_JA).

Failure modes (exit status 1, nothing written):
  * the input cannot be read or is not a JSON list;
  * a sentence of some row matches no rule and has no one-off translation (all are listed, with
    their rows): a change to the research table can never ship an English-only note; add a rule
    or a ONE_OFF_JA entry;
  * a sentence matches more than one rule, or both a rule and a ONE_OFF_JA entry;
  * a rule names a country, city, language, month or number kind it has no Japanese for;
  * a Japanese sentence lacks one of the digit runs of its English sentence (every run of
    digits must survive unchanged, as often as in the English; the digits of a name in
    NAMES_NOT_NUMBERS, "E.164", are no number), or does not end with "。";
  * a Japanese sentence, an alternative's `note_ja` or a `country_ja` has a word of
    NOT_FOR_USERS_JA or a space after "。", or a `country_ja` has half-width parentheses;
  * a note does not re-join from its sentences to exactly the original;
  * a row lacks a field of FIELDS, an ISO code repeats, a row already has `notes_ja` or
    `country_ja_cldr`, ALTERNATIVES or COUNTRY_JA_OVERRIDES names a region not in the table, or
    COUNTRY_JA_OVERRIDES expects another CLDR name than the input has.
ONE_OFF_JA entries no row uses any more are reported as a warning (they do no harm).
Missing or extra arguments: a usage message and exit status 2.

The fonts: data/fonts holds subsets of BIZ UDGothic with only the characters the UI uses,
string values of data/*.json included. When `notes_ja` gains a character the subsets lack,
tests/engine/font_coverage.rs fails until `python3 scripts/make_fonts.py` is run again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pathlib
import platform
import re
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "activation_centers.json"
MADE_FROM = ROOT / "data" / "activation_centers.made-from.json"

FIELDS = [
    "country", "iso", "country_ja", "country_cldr_en",
    "toll_free", "toll", "dial_toll_free", "dial_toll", "e164_toll_free", "e164_toll",
    "notes", "notes_ja", "primary_source", "sources", "source_details",
]

# Numbers a user may meet that no Microsoft list carries. Keyed by ISO alpha-2.
ALTERNATIVES = {
    "JP": [
        {
            "number": "0120-801-704",
            "kind": "toll_free",
            "dial": "0120-801-704",
            "e164": "+81120801704",
            "source": "Japanese blog (Windows 10 era), slui 4 screenshot",
            "note": (
                "Shown in the slui 4 screenshot of a Windows 10-era Japanese blog, but in no "
                "Microsoft list: every Microsoft list (Windows XP, Windows 8, Windows 10 1607 and "
                "19041, the volume-licensing list) gives 0120-801-734. Voice phone activation "
                "ended in December 2025 on either number."
            ),
            "note_ja": (
                "Windows 10 時代のある日本語ブログの slui 4 の画面写真に写っていた番号で、Microsoft の一覧には"
                "載っていません（Windows XP、Windows 8、Windows 10 1607 と 19041、ボリューム ライセンスの一覧は"
                "すべて 0120-801-734 です）。なお、自動音声による電話認証は 2025 年 12 月に終了しています。"
            ),
        }
    ],
}

# `country_ja` as Microsoft Japan writes it, where CLDR's name (the research table's) differs:
# ISO alpha-2 -> (CLDR's name as the input has it, the name shown). The input's name must be
# the one given here (a changed CLDR name is an error, to be looked at), and it is kept as
# `country_ja_cldr` so that the window's and the command line's search still find it.
COUNTRY_JA_OVERRIDES = {
    "US": ("アメリカ合衆国", "米国"),
    "HK": ("中華人民共和国香港特別行政区", "香港特別行政区"),
    "MO": ("中華人民共和国マカオ特別行政区", "マカオ特別行政区"),
}


def country_ja_shown(iso: str, cldr: str) -> str:
    """The Japanese name to show: COUNTRY_JA_OVERRIDES' form, else CLDR's with full-width
    parentheses inside the Japanese name and no space before them ("ミャンマー (ビルマ)" ->
    "ミャンマー（ビルマ）", "ココス(キーリング)諸島" -> "ココス（キーリング）諸島")."""
    if iso in COUNTRY_JA_OVERRIDES:
        expected, shown = COUNTRY_JA_OVERRIDES[iso]
        if cldr != expected:
            raise SystemExit(f"COUNTRY_JA_OVERRIDES[{iso!r}] expects the input's name {expected!r}, found {cldr!r}")
        return shown
    return re.sub(r" *\((.*?)\)", r"（\1）", cldr)


# Sentences of the research table's notes that the app says otherwise: the exact English
# sentence -> the sentence shown instead ("" drops it). The research table speaks to its
# maintainers (a project brief, its own .md files) and was written before Microsoft Japan's
# statement of 2025-12-12 that voice activation ended; the user sees neither.
REVISED = {
    # JP: the 704 conflict is said by the alternative's own note.
    "Conflict: a Japanese blog cited in the project brief shows 0120-801-704 in slui 4, but every "
    "source examined (Windows XP, Windows 8, Windows 10 1607 and 19041-family lists, and the "
    "Dec-2024 VL list copy) gives 0120-801-734; treat 0120-801-704 as unverified until seen on a "
    "current slui 4 screen.": "",
    "Japanese sites report that from 12 Dec 2025 Microsoft Japan replaced the automated-voice phone "
    "activation with a web flow that needs a Microsoft account (see activation-centers.md).":
        "Microsoft Japan's support blog (12 Dec 2025) says that the old phone activation (keying in "
        "the Installation ID and hearing the Confirmation ID) can no longer be used; the "
        "Confirmation ID now comes from the web Product Activation Portal (aka.ms/aoh), after a "
        "sign-in.",
    # GB
    "This UK toll-free line is the one most community guides use (dialled as +44 800 018 8354 via "
    "Skype); the documented English IVR transcripts (activation-centers.md) are for this line.":
        "This UK toll-free line is the one most community guides used (dialled as +44 800 018 8354 "
        "via Skype); this app's steps of the English automated line are for this line.",
}


def revised(note: str) -> str:
    """`note` with the sentences of REVISED replaced or dropped."""
    out = []
    for sentence, gap in split_sentences(note):
        sentence = REVISED.get(sentence, sentence)
        if sentence:
            out.append(sentence + gap)
    return "".join(out).rstrip(" ")


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

# Words that end in a full stop without ending the sentence.
ABBREVIATIONS = frozenset({"i.e.", "e.g.", "U.S.", "c.", "ca.", "cf.", "vs.", "St.", "etc.", "approx.", "No."})

# A candidate boundary: a full stop followed by spaces and something more.
_BOUNDARY = re.compile(r"\.( +)(?=\S)")


def split_sentences(text: str) -> list[tuple[str, str]]:
    """`text` as (sentence, the spaces after it) pairs; "".join of all of them is `text`.

    Only ". " can end a sentence, so dots inside numbers and names ("26100.0000", "E.164",
    "ST._Thomas", "activation-centers.md") never split one; neither does an abbreviation
    ("i.e. an", "U.S. Minor Outlying Islands") nor a full stop before a lower-case word.
    """
    parts: list[tuple[str, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        sentence = text[start : m.start() + 1]
        last_word = sentence.rsplit(" ", 1)[-1].lstrip("('\"‘“")
        if last_word in ABBREVIATIONS or text[m.end()].islower():
            continue
        parts.append((sentence, m.group(1)))
        start = m.end()
    if start < len(text):
        parts.append((text[start:], ""))
    return parts


# ---------------------------------------------------------------------------------------------
# Japanese for the pieces rules capture
# ---------------------------------------------------------------------------------------------

# Country names that appear in notes but are not any row's `country` or `country_cldr_en`.
EXTRA_COUNTRY_JA = {
    "U.S.": "米国",
    "US": "米国",
    "USA": "米国",
    "UK": "イギリス",
    "Russian Federation": "ロシア",
    "Republic of the Congo": "コンゴ共和国",
    "Democratic Republic of the Congo": "コンゴ民主共和国",
    "Netherlands Antilles": "オランダ領アンティル",
}

# Shorter names for running text, where the row's `country_ja` (CLDR's full form) is heavy.
PROSE_COUNTRY_JA = {
    "United States": "米国",
    "Hong Kong SAR": "香港",
    "Macao SAR": "マカオ",
    "Myanmar": "ミャンマー",
}

CITY_JA = {
    "Moscow": "モスクワ",
}

LANGUAGE_JA = {
    "French": "フランス語",
    "German": "ドイツ語",
    "Spanish": "スペイン語",
    "English": "英語",
    "Italian": "イタリア語",
    "Portuguese": "ポルトガル語",
    "Russian": "ロシア語",
}

MONTH_NUMBER = {
    name: str(i)
    for i, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}

# "Microsoft lists X under toll-free, but it is a <kind> number (+...)": the kind, as a noun
# modifier of 番号.
NUMBER_KIND_JA = {
    "shared-cost (caller pays)": "料金分担型（発信者負担）の",
    "geographic landline": "地域の固定電話の",
    "non-geographic charged (UAN)": "地域によらない有料（UAN）の",
}


class Untranslatable(Exception):
    """A rule matched, but a piece it captured has no Japanese."""


def lookup(table: dict[str, str], key: str, what: str) -> str:
    value = table.get(key)
    if not value:
        raise Untranslatable(f"no Japanese for {what} {key!r}")
    return value


def number_list(text: str) -> str:
    """"A, B, C" as "A、B、C": the numbers stay exactly as written."""
    return "、".join(text.split(", "))


def xp_numbers(text: str) -> str:
    return "なし" if text == "none" else number_list(text)


# ---------------------------------------------------------------------------------------------
# Rules: the recurring sentence shapes
# ---------------------------------------------------------------------------------------------
#
# Each rule is (English regex, Japanese template). The regex must match a whole sentence; its
# named groups fill the template's {fields}. A group whose name is in CONVERT is converted;
# every other group (numbers, quoted names, "Windows 8") is copied exactly as written.

COUNTRY_JA: dict[str, str] = {}  # filled by build_country_ja() from the rows


def country(text: str) -> str:
    return lookup(COUNTRY_JA, text, "the country")


CONVERT = {
    "hub": country,
    "from_": country,
    "hub_country": country,
    "city": lambda t: lookup(CITY_JA, t, "the city"),
    "lang": lambda t: lookup(LANGUAGE_JA, t, "the language"),
    "month": lambda t: lookup(MONTH_NUMBER, t, "the month"),
    "kind": lambda t: lookup(NUMBER_KIND_JA, t, "the number kind"),
    "numbers": number_list,
    "xp_tf": xp_numbers,
    "xp_t": xp_numbers,
}

# "no E.164" said for the user: the number has no international form (+ and digits).
NO_INTERNATIONAL_FORM = "国際電話の形式（+ で始まる番号）では表せません。"

RULES: list[tuple[re.Pattern[str], str]] = [
    (
        r"(?P<num>.+?) is a number in (?P<hub>.+?) \(\+(?P<cc>\d+)\), "
        r"i\.e\. an international call from (?P<from_>.+)\.",
        "{num} は{hub}（+{cc}）の番号で、{from_}からは国際電話になります。",
    ),
    (
        r"Windows XP-era list had: toll-free (?P<xp_tf>.+?); toll (?P<xp_t>.+) "
        r"\(legacy, for reference\)\.",
        "Windows XP 時代の一覧では、フリーダイヤル: {xp_tf}、有料: {xp_t}でした（旧番号、参考）。",
    ),
    (
        r"Differs from the (?P<windows>Windows [0-9A-Za-z ]+?) slui list, which had: (?P<numbers>.+)\.",
        "{windows} の slui の一覧とは異なります（そちらは {numbers}）。",
    ),
    (
        r"Volume-licensing/activation-centers list \(third-party copy, (?P<month>[A-Z][a-z]{2}) "
        r"(?P<year>\d{4})\) also gives: (?P<numbers>.+)\.",
        "ボリューム ライセンスのライセンス認証窓口の一覧（第三者による写し、{year} 年 {month} 月）には "
        "{numbers} もあります。",
    ),
    (
        r"(?P<num>.+?): not a valid number under current numbering rules \(old format, typo or a "
        r"local access/PIN dial string\); no E\.164 given\.",
        "{num} は現在の番号体系では有効な番号ではありません（旧形式、誤記、または国内のアクセス番号や PIN "
        "と組み合わせてかける番号）。" + NO_INTERNATIONAL_FORM,
    ),
    (
        r"(?P<num>.+?) \(\+(?P<e164>\d+)\) cannot be dialled from outside the country\.",
        "{num}（+{e164}）は海外からはつながりません。",
    ),
    (
        r"(?P<num>.+?): (?P<city>[A-Z][A-Za-z ]+), (?P<hub_country>[A-Z][A-Za-z ]+) hub\.",
        "{num}: {hub_country}・{city}の拠点。",
    ),
    (
        r"(?P<num>.+?): (?P<lang>[A-Z][a-z]+)-language line\.",
        "{num}: {lang}の窓口。",
    ),
    (
        r"(?P<num>.+?): domestic international-toll-free \(ITFS\) dial string; dial exactly as "
        r"shown from inside the country; no usable E\.164\.",
        "{num}: 国内からかける、国際フリーダイヤルのダイヤル番号です。表記どおりにダイヤルしてください。"
        + NO_INTERNATIONAL_FORM,
    ),
    (
        r"(?P<num>.+?): looks like a domestic international-toll-free \(ITFS\) dial string; dial "
        r"exactly as shown from inside the country; no E\.164\.",
        "{num}: 国内からかける、国際フリーダイヤルのダイヤル番号と思われます。表記どおりにダイヤルしてください。"
        + NO_INTERNATIONAL_FORM,
    ),
    (
        r"(?P<num>.+?): Universal International Freephone Number \(\+800\); free only from "
        r"networks that support UIFN\.",
        "{num}: 国際フリーフォン番号（+800）です。無料になるのは、この番号に対応している通信事業者の回線からかけた"
        "場合だけです。",
    ),
    (
        r"(?P<num>.+?): includes international access code\.",
        "{num}: 国際電話の識別番号（国際プレフィックス）を含んだ表記です。",
    ),
    (
        r"(?P<num>.+?): the leading 0 shown by Microsoft is not part of this country's dialling; "
        r"dial it without the 0\.",
        "{num}: Microsoft の表記にある先頭の 0 は、この国のダイヤルには含まれません。0 を付けずにダイヤルしてください。",
    ),
    (
        r"Microsoft lists (?P<num>.+?) under toll-free, but it is an? (?P<kind>.+?) number "
        r"\(\+(?P<e164>\d+)\); moved to toll here\.",
        "Microsoft は {num} をフリーダイヤルとして載せていますが、実際は{kind}番号（+{e164}）のため、"
        "ここでは有料番号に移しています。",
    ),
    (
        r"Toll-free conflict: Windows lists give (?P<windows_num>[^,]+), "
        r"the VL list copy (?P<vl_num>[^,]+)\.",
        "フリーダイヤルの食い違い: Windows の一覧では {windows_num}、ボリューム ライセンスの一覧の写しでは "
        "{vl_num} です。",
    ),
    (
        r"Listed by Microsoft as '(?P<name>[^']+)'\.",
        "Microsoft の一覧での表記は「{name}」です。",
    ),
]
RULES = [(re.compile(pattern), japanese) for pattern, japanese in RULES]

# ---------------------------------------------------------------------------------------------
# One-off sentences, translated by hand (keyed by the exact English sentence)
# ---------------------------------------------------------------------------------------------

ONE_OFF_JA = {
    # Several West/Central African rows share this one.
    "Côte d'Ivoire moved to 10-digit numbers on 31 Jan 2021, so the 8-digit West/Central-Africa "
    "hub number +225 20 24 24 90 is in the old format and not valid as written; verify before use.":
        "コートジボワールは 2021 年 1 月 31 日に 10 桁の番号へ移行したため、西・中部アフリカの拠点の 8 桁の番号 "
        "+225 20 24 24 90 は旧形式で、表記のままでは有効ではありません。使う前に確認してください。",
    # AI
    "Toll '1 3054189144' is a Miami number; the VL list gives Antigua a similar (305) 418 9136.":
        "有料番号「1 3054189144」はマイアミの番号です。ボリューム ライセンスの一覧では、アンティグアに"
        "似た番号 (305) 418 9136 が載っています。",
    # AM
    "Microsoft's file annotates the toll number '(Moscow, Russia)' but +374 10 541082 is a Yerevan "
    "number; the VL list gives the Moscow hub +7 495 745 5445.":
        "Microsoft のファイルでは有料番号に「(Moscow, Russia)」と注記されていますが、+374 10 541082 は"
        "エレバンの番号です。ボリューム ライセンスの一覧では、モスクワの拠点 +7 495 745 5445 になっています。",
    # AU
    "13 20 58 is a '13' local-rate number, domestic only.":
        "13 20 58 は市内通話料金でかけられる「13」番号で、国内専用です。",
    # AT
    "Toll-free '0800 000 000' looks like a placeholder (present since the XP list); the VL list "
    "gives the UIFN 00 800 2284 8283 for Austria.":
        "フリーダイヤルの「0800 000 000」は仮の番号のようです（Windows XP の一覧からあります）。"
        "ボリューム ライセンスの一覧では、オーストリア向けに国際フリーフォン番号 00 800 2284 8283 が載っています。",
    # AZ
    "'01 24 37 35 555' does not parse as a valid Azerbaijani number; the VL list copy gives the "
    "Moscow hub +7 495 745 5445.":
        "「01 24 37 35 555」はアゼルバイジャンの有効な番号として解釈できません。ボリューム ライセンスの一覧の"
        "写しでは、モスクワの拠点 +7 495 745 5445 になっています。",
    # BY
    "8-820 numbers are Belarus international toll-free (ITFS) access numbers; last digit differs "
    "between lists (…0003 in Windows 10 lists, …0004 in the Windows 8 list and the VL list).":
        "8-820 の番号は、ベラルーシから国際フリーダイヤルにかけるためのアクセス番号です。末尾の 1 桁が一覧によって"
        "異なります（Windows 10 の一覧では …0003、Windows 8 の一覧とボリューム ライセンスの一覧では …0004）。",
    # CA
    "Windows 8 list gave 855-469-9468 (same as US then); VL list gives (888) 352 7140 / (716) 871 2781.":
        "Windows 8 の一覧では 855-469-9468（当時は米国と同じ）でした。ボリューム ライセンスの一覧では "
        "(888) 352 7140 / (716) 871 2781 です。",
    # CN
    "800 numbers are Chinese fixed-line freephone; 400 numbers are caller-pays shared-cost lines "
    "usable from mobiles.":
        "800 番号は中国の固定電話向けのフリーダイヤルです。400 番号は携帯電話からもかけられる、発信者が"
        "通話料を負担する料金分担型の回線です。",
    # CG
    "Microsoft's file labels this entry 'Congo (DRC)' but uses ISO3 COG (Republic of the Congo); "
    "there is no separate DRC (CD) entry.":
        "Microsoft のファイルではこの項目の名前が「Congo (DRC)」ですが、3 文字の国コードは COG（コンゴ共和国）です。"
        "コンゴ民主共和国（CD）の項目は別にありません。",
    # EG
    "'+202 3 5393333' is +20 2 3539 3333 (Cairo).":
        "「+202 3 5393333」は +20 2 3539 3333（カイロ）のことです。",
    # GH
    "Sources disagree on the hub: Windows 10 lists give a Nigerian number, the Windows 8 list an "
    "Ivorian one, the VL list a UK number.":
        "拠点の番号は資料によって異なります。Windows 10 の一覧ではナイジェリアの番号、Windows 8 の一覧では"
        "コートジボワールの番号、ボリューム ライセンスの一覧ではイギリスの番号です。",
    # HT
    "'193 / PIN 3141' is an access code plus PIN, not an ordinary number; the XP list told callers "
    "to make a collect call to Argentina (54-11-4317-2626).":
        "「193 / PIN 3141」は通常の電話番号ではなく、アクセス番号と PIN の組み合わせです。Windows XP の一覧では、"
        "アルゼンチン（54-11-4317-2626）へのコレクト コールを案内していました。",
    # HN
    "800-2791-9299 is read here as a Honduran national toll-free number (libphonenumber could also "
    "read it as UIFN +800 2791 9299); the VL list copy gives '8000 0122 – pin 5009'.":
        "800-2791-9299 は、ここではホンジュラス国内のフリーダイヤルとして扱っています（国際フリーフォン番号 "
        "+800 2791 9299 とも読めます）。ボリューム ライセンスの一覧の写しでは「8000 0122 – pin 5009」です。",
    # HK
    "The Windows 8 list gave 852 2904 2198 (under toll-free) and 852 2388 9600.":
        "Windows 8 の一覧では 852 2904 2198（フリーダイヤルの欄）と 852 2388 9600 でした。",
    # IN
    "The newest list keeps only the ITFS dial string 000800 040 4453; Windows 8 and 10-1607 lists "
    "had 1800 1111 00 or 1800 102 1100 (toll-free) and +91 80 4010 3000 (toll); the VL list copy "
    "has 1800 572 1100, 1800 102 1100 and +91 80 4010 3000.":
        "最新の一覧に残っているのは、国際フリーダイヤルのダイヤル番号 000800 040 4453 だけです。Windows 8 と 10-1607 の"
        "一覧には、1800 1111 00 または 1800 102 1100（フリーダイヤル）と +91 80 4010 3000（有料）がありました。"
        "ボリューム ライセンスの一覧の写しには 1800 572 1100、1800 102 1100、+91 80 4010 3000 があります。",
    # JP
    "Japanese 0120 freephone numbers are generally not reachable from abroad.":
        "日本の 0120 番号は海外からはつながりません。",
    "Microsoft Japan's support blog (12 Dec 2025) says that the old phone activation (keying in "
    "the Installation ID and hearing the Confirmation ID) can no longer be used; the "
    "Confirmation ID now comes from the web Product Activation Portal (aka.ms/aoh), after a "
    "sign-in.":
        "日本マイクロソフトのサポート ブログ（2025 年 12 月 12 日）によると、従来の電話認証（音声でのインストール ID "
        "の入力と確認 ID の取得）は利用できなくなり、確認 ID は Web のライセンス認証ポータル（aka.ms/aoh、"
        "サインインが必要）で取得する方式に変わりました。",
    "+81-3-6831-3460: Tokyo.":
        "+81-3-6831-3460: 東京。",
    # KZ
    "Toll line ends 0126 in the Windows 10 lists but 0127 in the Windows 8 list and the VL list.":
        "有料番号の末尾は、Windows 10 の一覧では 0126、Windows 8 の一覧とボリューム ライセンスの一覧では "
        "0127 です。",
    # LY
    "The VL list copy adds (20) (2) 376 4991, an Egyptian number in an old 7-digit Cairo format.":
        "ボリューム ライセンスの一覧の写しには (20) (2) 376 4991 が加わっています。カイロの旧 7 桁形式で"
        "書かれたエジプトの番号です。",
    # MT
    "No toll number in Microsoft's file; the VL list copy gives a German number, (49) 2 515 003194.":
        "Microsoft のファイルには有料番号がありません。ボリューム ライセンスの一覧の写しには、ドイツの番号 "
        "(49) 2 515 003194 があります。",
    # MR
    "Moroccan hub number in Morocco's old 8-digit format, invalid as written; Morocco's own entry "
    "gives 212 5 22 95 61 50.":
        "モロッコの拠点の番号ですが、モロッコの旧 8 桁形式のため、表記のままでは無効です。モロッコ自身の項目"
        "では 212 5 22 95 61 50 です。",
    # MX
    "01-800-527-2000: Mexico dropped the '01' long-distance prefix in Aug 2019; dial without it.":
        "01-800-527-2000: メキシコでは 2019 年 8 月に長距離通話のプレフィックス「01」が廃止されました。01 を"
        "付けずにダイヤルしてください。",
    # MD
    "'(4) (021) 203 61 53' is ambiguous; its digits read as +40 21 203 6153 (Bucharest, Romania), "
    "used here as the E.164 interpretation.":
        "「(4) (021) 203 61 53」は解釈が一つに定まりません。数字の並びからは +40 21 203 6153（ルーマニア・"
        "ブカレスト）と読めるため、ここではこの番号として扱っています。",
    "Verify.":
        "使う前に確認してください。",
    # MK
    "Listed by Microsoft as 'North Macedonia' (older lists: 'Macedonia (FYROM)').":
        "Microsoft の一覧での表記は「North Macedonia」です（古い一覧では「Macedonia (FYROM)」）。",
    # PH
    "'00 800-2468 1688' differs by one digit from the UIFN 00 800 2468 1668 used for Malaysia, "
    "Taiwan, Thailand and (in the VL list) the Philippines itself; probable typo in Microsoft's file.":
        "「00 800-2468 1688」は、マレーシア、台湾、タイ、および（ボリューム ライセンスの一覧では）フィリピン"
        "自身に使われている国際フリーフォン番号 00 800 2468 1668 と 1 桁だけ違います。Microsoft のファイルの誤記と思われます。",
    "Manila landlines went from 7 to 8 digits in 2019, so +63 2 859 0505 is in the old format.":
        "マニラの固定電話は 2019 年に 7 桁から 8 桁になったため、+63 2 859 0505 は旧形式です。",
    # QA
    "Toll number is in Qatar's pre-2010 7-digit format and is invalid as written; the VL list gives "
    "(974) 4 411 9418.":
        "有料番号はカタールの 2010 年より前の 7 桁形式で、表記のままでは無効です。ボリューム ライセンスの一覧"
        "では (974) 4 411 9418 です。",
    # SA
    "Toll number uses Riyadh's old 1-digit area code and is invalid as written; the VL list gives "
    "(966) (11) 298 8100.":
        "有料番号はリヤドの旧 1 桁の市外局番を使っていて、表記のままでは無効です。ボリューム ライセンスの一覧"
        "では (966) (11) 298 8100 です。",
    # SX
    "Microsoft writes 00-1-866-322-0524 (old Netherlands Antilles dialling); Sint Maarten joined the "
    "North American Numbering Plan (+1 721) in 2011, so from there it is dialled 1-866-322-0524.":
        "Microsoft の表記は 00-1-866-322-0524（旧オランダ領アンティルでのダイヤル方法）です。シント・マールテン"
        "は 2011 年に北米番号計画（+1 721）に加わったため、現地からは 1-866-322-0524 とダイヤルします。",
    # KR
    "Microsoft's file lists the Seoul number +82 2 567 7881 under toll-free and 1577-9700 (a "
    "nationwide charged number) under toll; the XP list had toll-free 080-985-2000.":
        "Microsoft のファイルでは、ソウルの番号 +82 2 567 7881 がフリーダイヤル、1577-9700（全国共通の有料"
        "番号）が有料番号として載っています。Windows XP の一覧ではフリーダイヤルは 080-985-2000 でした。",
    # LK
    "'+91 08 40103000' is malformed; the India toll line in other lists is +91 80 4010 3000.":
        "「+91 08 40103000」は形式が正しくありません。ほかの一覧にあるインドの有料番号は +91 80 4010 3000 です。",
    # SJ
    "The VL list copy's '(47) 23 162 26' is one digit short.":
        "ボリューム ライセンスの一覧の写しにある「(47) 23 162 26」は 1 桁足りません。",
    # TR
    "The newest list changed Turkey to 0800 621 2403 and two Istanbul numbers; older lists and the "
    "VL list copy have 0800 211 3939 and +90 212 33 66 999.":
        "最新の一覧では、トルコの番号が 0800 621 2403 とイスタンブールの 2 つの番号に変わりました。それより"
        "古い一覧とボリューム ライセンスの一覧の写しでは 0800 211 3939 と +90 212 33 66 999 です。",
    # UM
    "Windows 8 list gave 1-888-725-1047 for U.S. Minor Outlying Islands; the VL list copy gives "
    "(65) 324 8098 (an old 7-digit Singapore format).":
        "Windows 8 の一覧では、合衆国領有小離島に 1-888-725-1047 が載っていました。ボリューム ライセンスの"
        "一覧の写しでは (65) 324 8098（シンガポールの旧 7 桁形式）です。",
    # VI
    "Microsoft's list has 1-866-678-8034 under 'Virgin Islands - US & St. Thomas' and "
    "1-877-678-8034 under 'Saint Thomas'; one is probably a typo.":
        "Microsoft の一覧では、「Virgin Islands - US & St. Thomas」に 1-866-678-8034、「Saint Thomas」に "
        "1-877-678-8034 が載っています。どちらかは誤記と思われます。",
    "The VL list copy gives (1) (877) 678 8034.":
        "ボリューム ライセンスの一覧の写しでは (1) (877) 678 8034 です。",
    "Merged Microsoft entries: STT ('Saint_Thomas'), VIR ('Virgin_Islands_-_US_&_ST._Thomas').":
        "Microsoft の次の項目をまとめています: STT（Saint_Thomas）、VIR（Virgin_Islands_-_US_&_ST._Thomas）。",
    # UA
    "The Windows 8 list and the VL list give 0800 308 8002 (one digit too many for Ukraine); the "
    "Windows 10 lists give 0800 308 800.":
        "Windows 8 の一覧とボリューム ライセンスの一覧では 0800 308 8002 です（ウクライナの番号としては 1 桁"
        "多い）。Windows 10 の一覧では 0800 308 800 です。",
    # GB
    "This UK toll-free line is the one most community guides used (dialled as +44 800 018 8354 "
    "via Skype); this app's steps of the English automated line are for this line.":
        "このイギリスのフリーダイヤルは、多くのコミュニティのガイドが使っていた番号です（Skype からは "
        "+44 800 018 8354 としてかけていました）。このアプリの英語の自動音声の流れは、この番号のものです。",
    # US
    "Other US numbers seen: 888-725-1047 (Microsoft support article on phone-activating an Office "
    "KMS host, MicrosoftDocs/SupportArticles-docs), 855-469-9468 (Windows 8 list), 888-571-2048 (XP "
    "list; also Microsoft Clearinghouse in a Microsoft TS-licensing article), VL list (888) 352 7140 "
    "toll-free / (716) 871 2781 toll.":
        "ほかに見つかった米国の番号は、888-725-1047（Office の KMS ホストを電話でライセンス認証する方法についての "
        "Microsoft サポート記事）、855-469-9468（Windows 8 の一覧）、888-571-2048（Windows XP の一覧。ターミナル "
        "サービスのライセンスに関する Microsoft の記事にも Microsoft Clearinghouse として記載）、ボリューム "
        "ライセンスの一覧のフリーダイヤル (888) 352 7140 と有料番号 (716) 871 2781 です。",
    "Community guides (pastebin 2015, a 2018 blog) cite 1-800-754-8300; not seen in any Microsoft list.":
        "コミュニティのガイド（2015 年のネット上の投稿、2018 年のブログ）は 1-800-754-8300 を挙げていますが、"
        "Microsoft のどの一覧にも見当たりません。",
    # VN
    "The VL list copy gives (84) 4 935 1053 (pre-2017 Hanoi format) and 603 7712 4671 (a Malaysian "
    "number, +60 3 7712 4671).":
        "ボリューム ライセンスの一覧の写しには (84) 4 935 1053（2017 年より前のハノイの形式）と "
        "603 7712 4671（マレーシアの番号、+60 3 7712 4671）があります。",
}

# ---------------------------------------------------------------------------------------------
# Translation and its checks
# ---------------------------------------------------------------------------------------------

_KANA_KANJI = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u3400-\u4dbf\u4e00-\u9fff"
_JA_THEN_ASCII = re.compile(rf"([{_KANA_KANJI}])([A-Za-z0-9+])")
_ASCII_THEN_JA = re.compile(rf"([A-Za-z0-9])([{_KANA_KANJI}])")
_DIGITS = re.compile(r"[0-9]+")

# Names with digits in them that are no number the user dials: the Japanese says what they mean
# in plain words ("E.164" -> 国際電話の形式), so the digit check does not look for their digits.
NAMES_NOT_NUMBERS = re.compile(r"\bE\.164\b")

# What no Japanese the user reads may contain: the phone and source jargon of the research
# table's maintainers (said in plain words instead), 国外 (the app says 海外から), the
# maintainers' own words, and U+301C (a range is written with U+FF5E, "～").
NOT_FOR_USERS_JA = (
    "E.164", "ITFS", "UIFN", "libphonenumber", "pastebin", "MicrosoftDocs",
    "国外", "プロジェクト", ".md", "報告ベース", "\u301c",
)


def wording_problems(japanese: str) -> list[str]:
    """What in `japanese` breaks the rules for the user's Japanese (NOT_FOR_USERS_JA, a space
    after "。")."""
    problems = [f"has {word!r}" for word in NOT_FOR_USERS_JA if word in japanese]
    if re.search(r"。\s", japanese):
        problems.append("has a space after 。")
    return problems


def space_ascii(text: str) -> str:
    """A half-width space between Japanese and ASCII letters or digits (or a "+" starting a
    number), where there is none. Brackets are left alone: "米国（+1）" stays as is."""
    text = _JA_THEN_ASCII.sub(r"\1 \2", text)
    return _ASCII_THEN_JA.sub(r"\1 \2", text)


def build_country_ja(rows: list[dict]) -> dict[str, str]:
    table: dict[str, str] = {}
    for row in rows:
        for name in (row["country"], row.get("country_cldr_en") or ""):
            if name:
                table[name] = row["country_ja"]
    clash = {k: (table[k], v) for k, v in EXTRA_COUNTRY_JA.items() if k in table and table[k] != v}
    if clash:
        raise SystemExit(f"EXTRA_COUNTRY_JA names rows' countries with other Japanese: {clash}")
    table.update(EXTRA_COUNTRY_JA)
    table.update(PROSE_COUNTRY_JA)
    return table


def translate_sentence(sentence: str) -> tuple[str | None, str]:
    """(Japanese, "") or (None, why not)."""
    matches = [(rx, ja) for rx, ja in RULES if rx.fullmatch(sentence)]
    if len(matches) > 1:
        return None, "matches several rules: " + " | ".join(rx.pattern for rx, _ in matches)
    if matches and sentence in ONE_OFF_JA:
        return None, "matches a rule and has a ONE_OFF_JA entry"
    if sentence in ONE_OFF_JA:
        return space_ascii(ONE_OFF_JA[sentence]), ""
    if not matches:
        return None, "no rule and no ONE_OFF_JA entry"
    rx, template = matches[0]
    groups = rx.fullmatch(sentence).groupdict()
    try:
        filled = {k: CONVERT[k](v) if k in CONVERT else v for k, v in groups.items()}
    except Untranslatable as e:
        return None, str(e)
    return space_ascii(template.format(**filled)), ""


def sentence_problems(english: str, japanese: str) -> list[str]:
    problems = []
    numbers = NAMES_NOT_NUMBERS.sub("", english)
    missing = Counter(_DIGITS.findall(numbers)) - Counter(_DIGITS.findall(japanese))
    if missing:
        problems.append(f"digit runs missing from the Japanese: {sorted(missing.elements())}")
    if not japanese.endswith("。"):
        problems.append("the Japanese does not end with 。")
    return problems + wording_problems(japanese)


def translate_notes(rows: list[dict]) -> tuple[dict[str, str], list[str], set[str]]:
    """ISO -> notes_ja, the failures, and the one-off sentences used."""
    translations: dict[str, str] = {}
    failures: dict[tuple[str, str], list[str]] = {}
    used: set[str] = set()
    for row in rows:
        parts = split_sentences(row["notes"])
        if "".join(s + gap for s, gap in parts) != row["notes"]:
            failures.setdefault((row["notes"], "the sentences do not re-join to the note"), []).append(row["iso"])
            continue
        out = []
        for sentence, _gap in parts:
            japanese, why = translate_sentence(sentence)
            if japanese is None:
                failures.setdefault((sentence, why), []).append(row["iso"])
                continue
            for problem in sentence_problems(sentence, japanese):
                failures.setdefault((sentence, f"{problem}: {japanese}"), []).append(row["iso"])
            if sentence in ONE_OFF_JA:
                used.add(sentence)
            out.append(japanese)
        translations[row["iso"]] = "".join(out)
    lines = [f"  [{', '.join(isos)}] {why}\n      {sentence}" for (sentence, why), isos in failures.items()]
    return translations, lines, used


# ---------------------------------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python3 scripts/make_centers.py",
        description="Build data/activation_centers.json (with notes_ja) and "
        "data/activation_centers.made-from.json from the research table.",
    )
    parser.add_argument("input", type=pathlib.Path, help="the research table, activation-centers.json")
    args = parser.parse_args()
    source: pathlib.Path = args.input

    try:
        input_bytes = source.read_bytes()
    except OSError as e:
        print(f"{source}: {e.strerror}", file=sys.stderr)
        return 1
    rows = json.loads(input_bytes.decode("utf-8"))
    if not isinstance(rows, list):
        print(f"{source}: expected a JSON list of rows", file=sys.stderr)
        return 1

    seen = set()
    for row in rows:
        missing = [f for f in FIELDS if f not in row and f != "notes_ja"]
        if missing:
            print(f"{source}: row {row.get('iso')!r} lacks {missing}", file=sys.stderr)
            return 1
        for made_here in ("notes_ja", "country_ja_cldr"):
            if made_here in row:
                print(f"{source}: row {row['iso']!r} already has {made_here}; decide which one wins", file=sys.stderr)
                return 1
        if row["iso"] in seen:
            print(f"{source}: duplicate iso {row['iso']}", file=sys.stderr)
            return 1
        seen.add(row["iso"])
    unknown = set(ALTERNATIVES) - seen
    if unknown:
        print(f"alternatives for regions not in the table: {sorted(unknown)}", file=sys.stderr)
        return 1

    unknown = set(COUNTRY_JA_OVERRIDES) - seen
    if unknown:
        print(f"COUNTRY_JA_OVERRIDES for regions not in the table: {sorted(unknown)}", file=sys.stderr)
        return 1
    for iso, alternatives in sorted(ALTERNATIVES.items()):
        for alternative in alternatives:
            problems = wording_problems(alternative["note_ja"])
            if problems:
                print(f"ALTERNATIVES[{iso!r}] note_ja: {'; '.join(problems)}", file=sys.stderr)
                return 1

    for row in rows:
        row["notes"] = revised(row["notes"])
        shown = country_ja_shown(row["iso"], row["country_ja"])
        if shown != row["country_ja"]:
            row["country_ja_cldr"] = row["country_ja"]
            row["country_ja"] = shown
        problems = wording_problems(row["country_ja"])
        if re.search(r"[()]", row["country_ja"]):
            problems.append("has half-width parentheses")
        if problems:
            print(f"{source}: row {row['iso']!r} country_ja {row['country_ja']!r}: {'; '.join(problems)}", file=sys.stderr)
            return 1
    COUNTRY_JA.clear()
    COUNTRY_JA.update(build_country_ja(rows))
    notes_ja, failures, used = translate_notes(rows)
    if failures:
        print(
            f"{len(failures)} sentence(s) of the notes have no valid Japanese translation "
            "(add a rule to RULES or an entry to ONE_OFF_JA in scripts/make_centers.py):",
            file=sys.stderr,
        )
        print("\n".join(failures), file=sys.stderr)
        return 1
    for sentence in sorted(set(ONE_OFF_JA) - used):
        print(f"warning: ONE_OFF_JA entry no row uses: {sentence}", file=sys.stderr)

    out = []
    for row in rows:
        # Known fields first in a fixed order, then anything new the research table grows.
        kept = {}
        for f in FIELDS:
            kept[f] = notes_ja[row["iso"]] if f == "notes_ja" else row[f]
            if f == "country_ja" and "country_ja_cldr" in row:
                kept["country_ja_cldr"] = row["country_ja_cldr"]
        kept.update({k: v for k, v in row.items() if k not in kept})
        kept["alternatives"] = ALTERNATIVES.get(row["iso"], [])
        out.append(kept)

    # One row per line: a change to one region is a one-line diff.
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in out]
    output_bytes = ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")
    made_from = {
        "script": "scripts/make_centers.py",
        "script_sha256": sha256(pathlib.Path(__file__).read_bytes()),
        "input": {"file": source.name, "sha256": sha256(input_bytes)},
        "python": platform.python_version(),
        "rows": len(out),
        "output_sha256": sha256(output_bytes),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(output_bytes)
    MADE_FROM.write_text(json.dumps(made_from, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} rows to {OUTPUT.relative_to(ROOT)} and {MADE_FROM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
