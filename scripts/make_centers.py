#!/usr/bin/env python3
"""Builds data/activation_centers.json, the table embedded by src/centers.rs.

Input: the shared research table (default ../shared/data/activation-centers.json, relative to
the repository root; or the path given as the first argument). Every row is kept with all of
its provenance (sources, source_details, notes, primary_source). Each row gains an
`alternatives` array: numbers seen outside Microsoft's lists, shown only with their note.

Run from the repository root:  python3 scripts/make_centers.py [path/to/activation-centers.json]
"""

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "activation-centers.json"
OUTPUT = ROOT / "data" / "activation_centers.json"

FIELDS = [
    "country", "iso", "country_ja", "country_cldr_en",
    "toll_free", "toll", "dial_toll_free", "dial_toll", "e164_toll_free", "e164_toll",
    "notes", "primary_source", "sources", "source_details",
]

# Numbers a user may meet that no Microsoft list carries. Keyed by ISO alpha-2.
ALTERNATIVES = {
    "JP": [
        {
            "number": "0120-801-704",
            "kind": "toll_free",
            "dial": "0120-801-704",
            "e164": "+81120801704",
            "source": "Japanese blog (Windows 10 era), slui 4 screenshot: the blog this project started from",
            "note": (
                "Shown in the slui 4 screenshot of a Windows 10-era Japanese blog (the blog this "
                "project started from), but in no Microsoft list: every Microsoft list (Windows XP, "
                "Windows 8, Windows 10 1607 and 19041, the volume-licensing list) gives 0120-801-734. "
                "Call 0120-801-734 first."
            ),
            "note_ja": (
                "Windows 10 時代の日本語ブログ（このプロジェクトの出発点になったブログ）の slui 4 の"
                "画面写真に写っている番号ですが、Microsoft の一覧にはどこにもありません。"
                "Microsoft の一覧（Windows XP、Windows 8、Windows 10 1607 と 19041、ボリューム ライセンスの一覧）は"
                "すべて 0120-801-734 です。まず 0120-801-734 におかけください。"
            ),
        }
    ],
}


def main() -> None:
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_INPUT
    rows = json.loads(source.read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        sys.exit(f"{source}: expected a JSON list of rows")

    out = []
    seen = set()
    for row in rows:
        missing = [f for f in FIELDS if f not in row]
        if missing:
            sys.exit(f"{source}: row {row.get('iso')!r} lacks {missing}")
        iso = row["iso"]
        if iso in seen:
            sys.exit(f"{source}: duplicate iso {iso}")
        seen.add(iso)
        # Known fields first in a fixed order, then anything new the research table grows.
        kept = {f: row[f] for f in FIELDS}
        kept.update({k: v for k, v in row.items() if k not in kept})
        kept["alternatives"] = ALTERNATIVES.get(iso, [])
        out.append(kept)

    unknown = set(ALTERNATIVES) - seen
    if unknown:
        sys.exit(f"alternatives for regions not in the table: {sorted(unknown)}")

    # One row per line: a change to one region is a one-line diff.
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in out]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    print(f"wrote {len(out)} rows to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
