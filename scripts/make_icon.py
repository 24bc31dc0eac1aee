#!/usr/bin/env python3
"""Draws the application icon and writes data/icon.ico (Python 3.11+, standard library only).

    python3 scripts/make_icon.py            # writes data/icon.ico next to this folder
    python3 scripts/make_icon.py out.ico    # or somewhere else

The picture: a blue rounded tile holding three rows of digit blocks (the ID being carried)
and a green badge with a tick (every block checked). Shapes are signed-distance functions,
sampled 4x4 per pixel for smooth edges, so the output is the same on every machine.

The .ico holds 16, 20, 24, 32, 40, 48 and 64 px images as 32-bit BMPs (what every Windows
version and windres read) and the 256 px image as PNG (Vista and later), written by hand.
"""

from __future__ import annotations

import math
import struct
import sys
import zlib
from pathlib import Path

SIZES_BMP = (16, 20, 24, 32, 40, 48, 64)
SIZE_PNG = 256
SUPERSAMPLE = 4

# Colours (RGB).
TILE_TOP = (37, 99, 235)
TILE_BOTTOM = (29, 64, 175)
BLOCK = (255, 255, 255)
BADGE = (22, 163, 74)
BADGE_RIM = (255, 255, 255)
TICK = (255, 255, 255)


def rounded_box(x: float, y: float, cx: float, cy: float, hw: float, hh: float, r: float) -> float:
    """Signed distance to a rounded rectangle centred at (cx, cy) with half-sizes hw, hh."""
    qx = abs(x - cx) - (hw - r)
    qy = abs(y - cy) - (hh - r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - r


def segment(x: float, y: float, ax: float, ay: float, bx: float, by: float) -> float:
    """Distance to the segment a-b."""
    px, py = x - ax, y - ay
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - t * dx, py - t * dy)


def sample(x: float, y: float, small: bool) -> tuple[float, float, float, float]:
    """Colour (r, g, b in 0-255) and alpha (0-1) at a point of the unit square."""
    colour = (0.0, 0.0, 0.0)
    alpha = 0.0

    def over(rgb: tuple[int, int, int], inside: bool) -> None:
        nonlocal colour, alpha
        if inside:
            colour = (float(rgb[0]), float(rgb[1]), float(rgb[2]))
            alpha = 1.0

    # The tile, with a vertical gradient.
    if rounded_box(x, y, 0.5, 0.5, 0.47, 0.47, 0.16) <= 0:
        t = y
        over(
            (
                round(TILE_TOP[0] + (TILE_BOTTOM[0] - TILE_TOP[0]) * t),
                round(TILE_TOP[1] + (TILE_BOTTOM[1] - TILE_TOP[1]) * t),
                round(TILE_TOP[2] + (TILE_BOTTOM[2] - TILE_TOP[2]) * t),
            ),
            True,
        )

    # Three rows of digit blocks; fewer, bigger blocks on the small sizes so they stay legible.
    columns = 2 if small else 3
    rows = (0.24, 0.42, 0.60) if not small else (0.27, 0.50)
    left, right = 0.15, 0.85
    gap = 0.05
    width = (right - left - gap * (columns - 1)) / columns
    height = 0.12 if not small else 0.15
    for row_y in rows:
        for column in range(columns):
            cx = left + width / 2 + column * (width + gap)
            if rounded_box(x, y, cx, row_y, width / 2, height / 2, 0.03) <= 0:
                over(BLOCK, True)

    # The badge with a tick, bottom right.
    bx, by, radius = 0.70, 0.72, 0.22
    d = math.hypot(x - bx, y - by)
    over(BADGE_RIM, d <= radius + 0.035)
    over(BADGE, d <= radius)
    stroke = 0.045 if not small else 0.06
    tick = min(
        segment(x, y, bx - 0.11, by + 0.005, bx - 0.03, by + 0.085),
        segment(x, y, bx - 0.03, by + 0.085, bx + 0.12, by - 0.085),
    )
    over(TICK, tick <= stroke)
    return colour[0], colour[1], colour[2], alpha


def render(size: int) -> list[list[tuple[int, int, int, int]]]:
    """Rows of (r, g, b, a) pixels, top row first."""
    small = size <= 24
    pixels = []
    n = SUPERSAMPLE
    for py in range(size):
        row = []
        for px in range(size):
            r = g = b = a = 0.0
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    cr, cg, cb, ca = sample(x, y, small)
                    r += cr * ca
                    g += cg * ca
                    b += cb * ca
                    a += ca
            if a > 0:
                pixel = (round(r / a), round(g / a), round(b / a), round(255 * a / (n * n)))
            else:
                pixel = (0, 0, 0, 0)
            row.append(pixel)
        pixels.append(row)
    return pixels


def bmp_entry(pixels: list[list[tuple[int, int, int, int]]]) -> bytes:
    """An ICO image as a BITMAPINFOHEADER + 32-bit BGRA rows (bottom-up) + 1-bit AND mask."""
    size = len(pixels)
    header = struct.pack(
        "<IiiHHIIiiII",
        40,  # biSize
        size,  # biWidth
        size * 2,  # biHeight: XOR image + AND mask
        1,  # biPlanes
        32,  # biBitCount
        0,  # BI_RGB
        size * size * 4,
        0,
        0,
        0,
        0,
    )
    xor = bytearray()
    for row in reversed(pixels):
        for r, g, b, a in row:
            xor += bytes((b, g, r, a))
    mask_stride = ((size + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(pixels):
        bits = bytearray(mask_stride)
        for x, (_, _, _, a) in enumerate(row):
            if a == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + bytes(xor) + bytes(mask)


def png_entry(pixels: list[list[tuple[int, int, int, int]]]) -> bytes:
    """A PNG (RGBA, 8 bits per channel) of the pixels."""
    size = len(pixels)
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter: none
        for pixel in row:
            raw += bytes(pixel)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR + ICONDIRENTRYs + image data."""
    out = bytearray(struct.pack("<HHH", 0, 1, len(images)))
    offset = 6 + 16 * len(images)
    data = bytearray()
    for size, image in images:
        dimension = 0 if size >= 256 else size  # 0 means 256
        out += struct.pack(
            "<BBBBHHII", dimension, dimension, 0, 0, 1, 32, len(image), offset + len(data)
        )
        data += image
    return bytes(out + data)


def main() -> None:
    default = Path(__file__).resolve().parent.parent / "data" / "icon.ico"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    images = [(size, bmp_entry(render(size))) for size in SIZES_BMP]
    images.append((SIZE_PNG, png_entry(render(SIZE_PNG))))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(ico(images))
    print(f"wrote {target} ({target.stat().st_size} bytes, sizes {[s for s, _ in images]})")


if __name__ == "__main__":
    main()
