#!/usr/bin/env python3
"""Draws Firstline's icon (a blue rounded square with a white check mark) as PNGs at the sizes
the tray and the installers need. Pure Python (zlib) so it runs on any CI machine."""
import struct, zlib, math, os

def png(size, path):
    rows = []
    r = size * 0.22
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx, cy = x + 0.5, y + 0.5
            # Rounded square mask with 1px anti-aliasing.
            dx = max(r - cx, 0, cx - (size - r)); dy = max(r - cy, 0, cy - (size - r))
            d = math.hypot(dx, dy) - r
            a = max(0.0, min(1.0, 0.5 - d))
            col = (11, 92, 173)
            # Check mark: two thick segments.
            u, v = cx / size, cy / size
            def seg(x1, y1, x2, y2):
                px, py = u - x1, v - y1; sx, sy = x2 - x1, y2 - y1
                t = max(0, min(1, (px * sx + py * sy) / (sx * sx + sy * sy)))
                return math.hypot(px - t * sx, py - t * sy)
            dist = min(seg(0.27, 0.52, 0.43, 0.68), seg(0.43, 0.68, 0.74, 0.34))
            w = max(0.0, min(1.0, (0.075 - dist) * size + 0.5))
            col = tuple(int(c * (1 - w) + 255 * w) for c in col)
            row += bytes(col) + bytes([int(a * 255)])
        rows.append(bytes(row))
    raw = b''.join(rows)
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
    with open(path, 'wb') as f:
        f.write(data)

here = os.path.join(os.path.dirname(__file__), '..', 'build')
png(512, os.path.join(here, 'icon.png'))
png(16, os.path.join(here, 'icons', 'tray.png'))
png(32, os.path.join(here, 'icons', 'tray@2x.png'))
png(256, os.path.join(here, 'icons', 'app.png'))
