#!/usr/bin/env python3
"""(Re)make the embedded UI fonts: BIZ UDGothic Regular and Bold, subset to the
characters the UI can show.

    python3 scripts/make_fonts.py

Run it from anywhere; paths are relative to the crate root (the parent of this
script's directory). It writes

    data/fonts/BIZUDGothic-Regular.subset.ttf
    data/fonts/BIZUDGothic-Bold.subset.ttf
    data/fonts/OFL.txt
    data/fonts/made-from.json   (what they were made from: source hashes, tool versions)

Characters kept:
  * printable ASCII, U+0020..U+007E, always;
  * every character of src/words/**/*.rs, the one home of every sentence the UI shows
    (the rest of src/ is ASCII: tests/engine/architecture.rs checks it);
  * every string value in data/*.json (keys are not shown, so not kept);
  * a small safety set (full-width digits, Japanese punctuation, arrows, a few
    symbols) where the font has them.
Control characters and whitespace other than U+0020 and U+3000 are ignored;
tests/engine/font_coverage.rs collects the characters in the same way and fails when
one is missing from either subset.

Requirements:
  * the fonts:   apt-get install fonts-morisawa-bizud-gothic
  * fontTools:   pip install fonttools

The output is deterministic: the same sources and the same installed fonts give
byte-identical files (the fonts' head.created/modified are kept from the
originals rather than set to "now").
"""

from __future__ import annotations

import json
import os
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS_DIR = ROOT / "src" / "words"
DATA_DIR = ROOT / "data"
OUT_DIR = DATA_DIR / "fonts"

STYLES = ("Regular", "Bold")
# The subsets' own family name (src/gui/fonts.rs uses the same): under the original name
# "BIZ UDGothic", an installed copy of the full font shadowed the embedded subset, so the
# window and the snapshots looked different on machines that have it.
FAMILY = "Activation Companion UDGothic"
POSTSCRIPT_FAMILY = "ActivationCompanionUDGothic"
FONT_FILE = "BIZUDGothic-{style}.ttf"
OUT_FILE = "BIZUDGothic-{style}.subset.ttf"

FONT_DIRS = [
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local/share/fonts",
    Path.home() / ".fonts",
]
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-morisawa-bizud-gothic/copyright")

INSTALL_FONTS_HINT = (
    "BIZ UDGothic is not installed. Install it with\n"
    "    sudo apt-get install fonts-morisawa-bizud-gothic\n"
    "(Debian/Ubuntu; or put BIZUDGothic-Regular.ttf and BIZUDGothic-Bold.ttf from\n"
    "https://github.com/googlefonts/morisawa-biz-ud-gothic under ~/.local/share/fonts)\n"
    "and run this script again."
)
INSTALL_FONTTOOLS_HINT = (
    "fontTools is not installed. Install it with\n"
    "    pip install fonttools\n"
    "(or: apt-get install python3-fonttools) and run this script again."
)

# Shown in addition to whatever the sources use, if the font has them.
SAFETY_SET = (
    "０１２３４５６７８９"  # full-width digits
    "、。「」（）・ー〜："  # Japanese punctuation
    "\u3000"  # ideographic space
    "←→↑↓"
    "✓✗⚠•–—…"
)

# Rust's char::is_whitespace (Unicode White_Space), so the test agrees exactly.
WHITESPACE = set(
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def is_shown(ch: str) -> bool:
    """Ignore control characters (Cc) and whitespace, as the test does."""
    return not (unicodedata.category(ch) == "Cc" or ch in WHITESPACE)


def json_strings(value) -> list[str]:
    """Every string value (not key) in a parsed JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in json_strings(v)]
    return []


def ui_chars() -> set[str]:
    """Characters the UI can show: every character of src/words/ (where every sentence
    lives; the rest of src/ is ASCII, which tests/engine/architecture.rs checks) and of the string
    values in data/*.json, minus control characters and whitespace. No Rust parsing: a
    character in a comment of src/words/ costs one glyph, nothing more."""
    chars: set[str] = set()
    for path in sorted(WORDS_DIR.rglob("*.rs")):
        chars.update(path.read_text(encoding="utf-8"))
    for path in sorted(DATA_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for s in json_strings(doc):
            chars.update(s)
    return {c for c in chars if is_shown(c)}


# --------------------------------------------------------------------------
# Fonts and licence
# --------------------------------------------------------------------------


def find_font(style: str) -> Path:
    name = FONT_FILE.format(style=style)
    for d in FONT_DIRS:
        if d.is_dir():
            hits = sorted(d.rglob(name))
            if hits:
                return hits[0]
    sys.exit(f"error: {name} not found under {', '.join(map(str, FONT_DIRS))}.\n{INSTALL_FONTS_HINT}")


def ofl_text(font_path: Path, copyright_line: str) -> str:
    """OFL.txt: the font's copyright line followed by the full OFL 1.1 text."""
    body = None
    # Upstream/Google Fonts layout: OFL.txt next to the font.
    for cand in (font_path.parent / "OFL.txt", font_path.parent.parent / "OFL.txt"):
        if cand.is_file():
            text = cand.read_text(encoding="utf-8")
            start = text.find("SIL OPEN FONT LICENSE")
            if start >= 0:
                body = text[text.rfind("\n", 0, start) + 1 :]
                body = body.lstrip("-\n").rstrip()
                break
    if body is None and DEBIAN_COPYRIGHT.is_file():
        # Debian copyright format: a "License: SIL-1.1" paragraph whose lines are
        # indented by one space, with " ." for blank lines.
        lines = DEBIAN_COPYRIGHT.read_text(encoding="utf-8").splitlines()
        for idx, line in enumerate(lines):
            if line.startswith("License:") and "SIL" in line and idx + 1 < len(lines) and lines[idx + 1].startswith(" "):
                out = []
                for ln in lines[idx + 1 :]:
                    if not ln.startswith(" "):
                        break
                    out.append("" if ln.strip() == "." else ln[1:])
                body = "\n".join(out).strip()
                break
    if body is None:
        sys.exit(
            "error: cannot find the SIL Open Font License text (looked for OFL.txt next to "
            f"{font_path} and for {DEBIAN_COPYRIGHT}).\n{INSTALL_FONTS_HINT}"
        )
    if "SIL OPEN FONT LICENSE Version 1.1" not in body:
        sys.exit("error: the licence text found is not SIL OFL 1.1; check the font package.")
    # Normalise the banner: rule, title, rule, then the text (as upstream OFL.txt).
    lines = body.splitlines()
    while lines and lines[0].strip() and set(lines[0].strip()) <= {"-"}:
        lines.pop(0)
    title = lines.pop(0).strip()
    while lines and (not lines[0].strip() or set(lines[0].strip()) <= {"-"}):
        lines.pop(0)
    rule = "-" * 59
    return (
        f"{copyright_line}\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n\n"
        "The .ttf files in this directory are subsets of BIZ UDGothic Regular and Bold\n"
        "(Modified Versions in the terms below), made by scripts/make_fonts.py.\n\n\n"
        f"{rule}\n{title}\n{rule}\n\n" + "\n".join(lines).rstrip() + "\n"
    )


def rename(font, style: str) -> None:
    """Gives the subset its own family name in every language of the name table (the
    Japanese records say "BIZ UDゴシック"), so no installed font can stand in for it."""
    names = {
        1: FAMILY,
        3: f"{POSTSCRIPT_FAMILY}-{style}",
        4: FAMILY if style == "Regular" else f"{FAMILY} {style}",
        6: f"{POSTSCRIPT_FAMILY}-{style}",
        16: FAMILY,
    }
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]


def subset(src: Path, dst: Path, chars: set[str], style: str) -> tuple[set[str], str]:
    """Subset `src` to `chars` and write `dst`. Returns (chars the font lacks, copyright)."""
    from fontTools import subset as ftsubset
    from fontTools.ttLib import TTFont

    options = ftsubset.Options()
    options.layout_features = ["ccmp"]  # minimal: composition only (e.g. kana + dakuten)
    # Keep the TrueType instructions (fpgm/prep/cvt): without them the renderer runs its
    # autohinter on every glyph, ~2 ms of the first frame (scripts/bench_first_frame.sh: the
    # app went from ~1.25x to ~1.1x a bare window); they cost ~36 KB a font.
    options.hinting = True
    options.name_IDs = ["*"]  # keep the whole name table (copyright, licence, ...)
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True  # a missing character shows as a box, not nothing
    options.glyph_names = False
    options.recalc_timestamp = False
    options.drop_tables += ["vhea", "vmtx", "VORG", "DSIG", "meta"]  # horizontal text only

    font = TTFont(str(src), recalcTimestamp=False, lazy=False)
    head = font["head"]
    head.modified = head.created  # fixed: never "now"
    cmap = font.getBestCmap()
    missing = {c for c in chars if ord(c) not in cmap}
    copyright_line = font["name"].getDebugName(0) or "Copyright 2022 The BIZ UDGothic Project Authors"

    sub = ftsubset.Subsetter(options=options)
    sub.populate(unicodes=sorted(ord(c) for c in chars if ord(c) in cmap))
    sub.subset(font)
    rename(font, style)
    tmp = dst.with_suffix(".tmp")
    font.save(str(tmp), reorderTables=True)
    font.close()
    os.replace(tmp, dst)
    return missing, copyright_line


def sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def made_from(fonts: dict[str, Path], chars: set[str]) -> str:
    """The inputs, so anyone can tell whether running this script again would change the
    subsets: the source fonts' hashes, the characters kept, the fontTools version."""
    import hashlib

    import fontTools

    record = {
        "script": "scripts/make_fonts.py",
        "family": FAMILY,
        "fonttools": fontTools.version,
        "sources": {
            style: {"file": path.name, "sha256": sha256(path)} for style, path in fonts.items()
        },
        "characters": len(chars),
        "characters_sha256": hashlib.sha256("".join(sorted(chars)).encode("utf-8")).hexdigest(),
        "outputs": {
            style: sha256(OUT_DIR / OUT_FILE.format(style=style)) for style in fonts
        },
    }
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    started = time.monotonic()
    try:
        import fontTools  # noqa: F401
    except ImportError:
        sys.exit(f"error: {INSTALL_FONTTOOLS_HINT}")

    fonts = {style: find_font(style) for style in STYLES}

    from_sources = ui_chars()
    ascii_chars = {chr(c) for c in range(0x20, 0x7F)}
    wanted = ascii_chars | from_sources

    # The safety set only where the font (both styles) has it.
    from fontTools.ttLib import TTFont

    cmaps = []
    for path in fonts.values():
        f = TTFont(str(path), lazy=True)
        cmaps.append(set(f.getBestCmap()))
        f.close()
    safety = {c for c in SAFETY_SET if all(ord(c) in cm for cm in cmaps)}
    wanted |= safety

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    missing_all: set[str] = set()
    copyright_line = ""
    for style, path in fonts.items():
        dst = OUT_DIR / OUT_FILE.format(style=style)
        missing, copyright_line = subset(path, dst, wanted, style)
        missing_all |= missing

    licence = ofl_text(fonts["Regular"], copyright_line)
    (OUT_DIR / "OFL.txt").write_text(licence, encoding="utf-8", newline="\n")

    record = made_from(fonts, wanted)
    (OUT_DIR / "made-from.json").write_text(record, encoding="utf-8", newline="\n")

    kept = wanted - missing_all
    print(f"characters: {len(kept)} kept ({len(from_sources)} from src/words/ and data/*.json, "
          f"{len(ascii_chars)} ASCII, {len(safety)} safety set; overlaps counted once)")
    skipped = sorted(set(SAFETY_SET) - safety)
    if skipped:
        print("safety set, not in the font (skipped): " + " ".join(f"{c} U+{ord(c):04X}" for c in skipped))
    for style in STYLES:
        dst = OUT_DIR / OUT_FILE.format(style=style)
        print(f"{dst.relative_to(ROOT)}: {dst.stat().st_size:,} bytes (from {fonts[style]})")
    print(f"{(OUT_DIR / 'OFL.txt').relative_to(ROOT)}: {len(licence):,} bytes")
    print(f"done in {time.monotonic() - started:.1f} s")

    if missing_all:
        shown = " ".join(f"{c!r} U+{ord(c):04X}" for c in sorted(missing_all))
        print(
            "\nerror: the UI uses characters BIZ UDGothic does not have; they would show as a box:\n"
            f"  {shown}\nReplace them in the strings (the font has e.g. ✓ × ○ ※ ！ ▲; so ✔ -> ✓, ✗ -> ×, ⚠ -> ※) and run this script again.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
