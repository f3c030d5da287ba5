#!/usr/bin/env python3
"""Draws the extension icon (a chat bubble over a contact card) at the sizes the manifest needs.
Pure Python so it runs anywhere; the PNGs it writes are committed under public/icon/."""
import struct
import zlib
from pathlib import Path

BLUE = (37, 99, 235)
WHITE = (255, 255, 255)


def inside_rounded(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def shade(u, v):
    """Colour and coverage at (u, v) in a 0..1 square."""
    if not inside_rounded(u, v, 0.02, 0.02, 0.98, 0.98, 0.22):
        return None
    # Speech bubble with a tail, and three "text lines" inside it.
    bubble = inside_rounded(u, v, 0.18, 0.2, 0.82, 0.68, 0.12)
    tail = 0.3 <= u <= 0.46 and 0.6 <= v <= 0.82 and (u - 0.3) <= (0.82 - v) * 0.75
    if bubble or tail:
        for y0, x1 in ((0.31, 0.7), (0.42, 0.62), (0.53, 0.52)):
            if y0 <= v <= y0 + 0.055 and 0.3 <= u <= x1:
                return BLUE
        return WHITE
    return BLUE


def render(size, samples=4):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    colour = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size)
                    if colour:
                        acc[0] += colour[0]; acc[1] += colour[1]; acc[2] += colour[2]; acc[3] += 1
            n = acc[3]
            row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // samples ** 2] if n else [0, 0, 0, 0])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "public" / "icon"
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f"{size}.png").write_bytes(render(size))
