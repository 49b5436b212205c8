"""The demo's pictures: flat scenes painted with Pillow, the same on every run.

Simple flat scenes: a gradient sky, the sea or the steppe, and a few shapes
for what the story is about. Small JPEGs, so that loading stays fast, and no
network needed (``manage.py load_demo``).
"""

import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 800

SKIES = {
    "day": ((64, 124, 196), (196, 222, 240)),
    "dusk": ((58, 66, 130), (246, 168, 112)),
    "night": ((8, 12, 34), (36, 46, 86)),
    "storm": ((52, 56, 66), (128, 132, 140)),
}
SEA = ((36, 92, 140), (62, 150, 168))
SAND = ((226, 206, 160), (198, 172, 122))
STEPPE = ((196, 174, 122), (150, 128, 84))
HOUSE_COLOURS = [
    (236, 228, 212),
    (222, 206, 182),
    (240, 240, 236),
    (214, 196, 170),
    (200, 214, 226),
]


def draw_scene(scene, seed):
    rng = random.Random(seed)
    image = PAINTERS[scene](rng)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _jitter(rng, colour, amount=16):
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def _gradient(size, top, bottom):
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _band(image, rng, top_y, bottom_y, colours):
    top, bottom = colours
    band = _gradient((WIDTH, bottom_y - top_y), _jitter(rng, top), _jitter(rng, bottom))
    image.paste(band, (0, top_y))


def _outdoor(rng, sky="day", horizon=0.55):
    image = _gradient((WIDTH, HEIGHT), *(_jitter(rng, c) for c in SKIES[sky]))
    draw = ImageDraw.Draw(image, "RGBA")
    horizon_y = int(HEIGHT * (horizon + rng.uniform(-0.04, 0.04)))
    if sky == "night":
        for _ in range(160):
            x, y = rng.randrange(WIDTH), rng.randrange(horizon_y)
            draw.point((x, y), fill=(255, 255, 230, rng.randint(90, 255)))
    elif sky == "storm":
        _clouds(draw, rng, horizon_y, (70, 74, 84, 200), count=14)
    else:
        _sun(draw, rng, horizon_y, sky)
        _clouds(draw, rng, horizon_y, (255, 255, 255, 120), count=rng.randint(2, 6))
    return image, draw, horizon_y


def _sun(draw, rng, horizon_y, sky):
    x = rng.randint(150, WIDTH - 150)
    y = rng.randint(70, max(90, horizon_y - 140)) if sky == "day" else horizon_y - 40
    radius = rng.randint(34, 56)
    colour = (255, 240, 180) if sky == "day" else (255, 170, 90)
    for glow in range(4, 0, -1):
        r = radius + glow * 18
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, 28))
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)


def _clouds(draw, rng, horizon_y, colour, count):
    for _ in range(count):
        x, y = rng.randint(-100, WIDTH), rng.randint(20, max(40, horizon_y - 120))
        for _ in range(rng.randint(3, 6)):
            dx, dy = rng.randint(0, 160), rng.randint(-20, 20)
            w, h = rng.randint(70, 160), rng.randint(30, 60)
            draw.ellipse((x + dx, y + dy, x + dx + w, y + dy + h), fill=colour)


def _sea(image, draw, rng, top_y, bottom_y, *, whitecaps=40):
    _band(image, rng, top_y, bottom_y, SEA)
    for _ in range(whitecaps):
        y = rng.randint(top_y + 4, bottom_y - 4)
        x = rng.randint(0, WIDTH)
        length = int(10 + 60 * (y - top_y) / max(1, bottom_y - top_y))
        draw.line((x, y, x + length, y), fill=(255, 255, 255, 90), width=2)


def _shrubs(draw, rng, top_y, count=70):
    for _ in range(count):
        y = rng.randint(top_y + 3, HEIGHT)
        size = 2 + 22 * (y - top_y) / (HEIGHT - top_y)
        x = rng.randint(0, WIDTH)
        draw.ellipse((x, y - size / 2, x + size * 1.6, y + size / 2), fill=(96, 100, 58, 200))


def _buildings(draw, rng, base_y, *, lit=False, scale=1.0, shade=0):
    x = rng.randint(-60, 0)
    while x < WIDTH:
        width = int(rng.randint(130, 240) * scale)
        floors = rng.choice([5, 5, 9, 9, 12, 16])
        floor_h = int(30 * scale)
        top = base_y - floors * floor_h - 10
        colour = _jitter(rng, rng.choice(HOUSE_COLOURS), 10)
        if lit or shade:
            colour = tuple(max(0, c - (150 if lit else shade)) for c in colour)
        draw.rectangle((x, top, x + width, base_y), fill=colour)
        for floor in range(floors):
            y = top + 10 + floor * floor_h
            for wx in range(x + 10, x + width - 20, int(28 * scale)):
                if lit:
                    fill = (255, 214, 120) if rng.random() < 0.45 else (30, 34, 50)
                else:
                    fill = (118, 156, 186)
                draw.rectangle((wx, y + 6, wx + int(16 * scale), y + floor_h - 6), fill=fill)
        x += width + rng.randint(20, 90)


def _trees(draw, rng, base_y, count):
    for _ in range(count):
        x = rng.randint(0, WIDTH)
        r = rng.randint(18, 34)
        draw.rectangle((x - 3, base_y - r, x + 3, base_y + 8), fill=(92, 70, 48))
        draw.ellipse(
            (x - r, base_y - 2 * r - 10, x + r, base_y - 10), fill=_jitter(rng, (74, 128, 64))
        )


def paint_sea(rng):
    image, draw, horizon = _outdoor(rng, rng.choice(["day", "day", "dusk"]), 0.5)
    shore = int(HEIGHT * rng.uniform(0.72, 0.8))
    _sea(image, draw, rng, horizon, shore)
    _band(image, rng, shore, HEIGHT, SAND)
    return image


def paint_storm(rng):
    image, draw, horizon = _outdoor(rng, "storm", 0.48)
    _sea(image, draw, rng, horizon, HEIGHT, whitecaps=220)
    for _ in range(90):
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        draw.line((x, y, x - 18, y + 60), fill=(210, 214, 220, 70), width=1)
    return image


def paint_boat(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.45)
    _sea(image, draw, rng, horizon, HEIGHT, whitecaps=120)
    x, y = rng.randint(300, 700), rng.randint(520, 620)
    hull = _jitter(rng, (236, 236, 232))
    draw.polygon([(x, y), (x + 300, y), (x + 260, y + 60), (x + 30, y + 60)], fill=hull)
    draw.rectangle((x, y + 28, x + 300, y + 36), fill=(38, 86, 160))
    draw.rectangle((x + 270, y - 30, x + 290, y + 40), fill=(40, 40, 44))
    for px in (x + 90, x + 170):
        draw.rectangle((px, y - 50, px + 26, y), fill=(224, 96, 40))
        draw.ellipse((px + 2, y - 76, px + 24, y - 54), fill=(120, 84, 60))
    return image


def paint_city(rng, lit=False):
    image, draw, horizon = _outdoor(rng, "night" if lit else "day", 0.72)
    _band(image, rng, horizon, HEIGHT, ((120, 118, 112), (86, 84, 80)) if lit else SAND)
    _buildings(draw, rng, horizon - 30, lit=lit, scale=0.7, shade=40)
    _buildings(draw, rng, horizon, lit=lit)
    draw.rectangle((0, horizon + 40, WIDTH, horizon + 110), fill=(70, 72, 76))
    if lit:
        for x in range(60, WIDTH, 220):
            draw.ellipse((x - 60, horizon - 10, x + 60, horizon + 60), fill=(255, 210, 120, 50))
            draw.rectangle((x - 3, horizon - 80, x + 3, horizon + 40), fill=(30, 30, 34))
    else:
        _trees(draw, rng, horizon + 30, rng.randint(4, 9))
    return image


def paint_night(rng):
    return paint_city(rng, lit=True)


def paint_school(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.7)
    _band(image, rng, horizon, HEIGHT, ((134, 170, 96), (96, 134, 70)))
    left, right, top = 220, 980, horizon - 270
    wall = _jitter(rng, rng.choice([(238, 222, 196), (232, 236, 240), (246, 214, 170)]))
    draw.rectangle((left, top, right, horizon), fill=wall)
    draw.rectangle((left - 10, top - 18, right + 10, top), fill=(120, 60, 50))
    for floor in range(3):
        y = top + 20 + floor * 85
        for x in range(left + 25, right - 40, 62):
            draw.rectangle((x, y, x + 42, y + 55), fill=(110, 160, 200))
    door = (left + right) // 2
    draw.rectangle((door - 40, horizon - 90, door + 40, horizon), fill=(90, 64, 44))
    draw.rectangle((right + 60, top - 60, right + 66, horizon), fill=(200, 200, 204))
    draw.rectangle((right + 66, top - 60, right + 166, top), fill=(0, 175, 202))
    draw.ellipse((right + 100, top - 45, right + 130, top - 15), fill=(254, 197, 14))
    _trees(draw, rng, horizon + 40, rng.randint(3, 6))
    return image


def paint_fire(rng):
    image, draw, horizon = _outdoor(rng, "dusk", 0.66)
    _band(image, rng, horizon, HEIGHT, ((110, 104, 96), (76, 72, 66)))
    left, right, top = 240, 900, horizon - 170
    draw.rectangle((left, top, right, horizon), fill=(150, 154, 160))
    for x in range(left, right, 18):
        draw.line((x, top, x, horizon), fill=(128, 132, 140), width=2)
    for _ in range(40):
        x = rng.randint(left, right)
        h = rng.randint(60, 190)
        w = rng.randint(20, 50)
        colour = rng.choice([(255, 120, 20, 220), (255, 190, 40, 220), (230, 60, 20, 200)])
        draw.polygon(
            [(x - w, top + 10), (x + w, top + 10), (x + rng.randint(-15, 15), top - h)], fill=colour
        )
    for _ in range(60):
        x = rng.randint(left, right + 200)
        y = rng.randint(0, top)
        r = rng.randint(30, 90)
        grey = rng.randint(50, 110)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(grey, grey, grey, 110))
    truck_x = rng.randint(80, 200)
    draw.rectangle((truck_x, horizon + 40, truck_x + 260, horizon + 130), fill=(200, 30, 30))
    draw.line((truck_x + 60, horizon + 40, left + 120, top + 20), fill=(220, 220, 220), width=6)
    for wx in (truck_x + 50, truck_x + 200):
        draw.ellipse((wx - 24, horizon + 110, wx + 24, horizon + 158), fill=(24, 24, 24))
    return image


def paint_police(rng):
    image, draw, horizon = _outdoor(rng, "night", 0.66)
    _band(image, rng, horizon, HEIGHT, ((60, 62, 70), (30, 32, 38)))
    _buildings(draw, rng, horizon, lit=True, scale=0.8)
    x, y = rng.randint(300, 600), horizon + 90
    for colour, dx in (((40, 90, 255), 110), ((255, 40, 40), 190)):
        for r in (160, 110, 60):
            draw.ellipse((x + dx - r, y - 70 - r, x + dx + r, y - 70 + r), fill=(*colour, 40))
    draw.rounded_rectangle((x, y - 60, x + 320, y + 40), radius=18, fill=(236, 238, 240))
    draw.rectangle((x, y - 10, x + 320, y + 8), fill=(20, 70, 170))
    draw.rectangle((x + 100, y - 78, x + 220, y - 60), fill=(230, 230, 230))
    for wx in (x + 60, x + 260):
        draw.ellipse((wx - 30, y + 20, wx + 30, y + 80), fill=(18, 18, 18))
    return image


def paint_port(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.5)
    quay = int(HEIGHT * 0.8)
    _sea(image, draw, rng, horizon, quay)
    _band(image, rng, quay, HEIGHT, ((150, 150, 146), (112, 112, 108)))
    ship_x = rng.randint(80, 400)
    hull = rng.choice([(40, 52, 90), (150, 40, 36), (34, 34, 38)])
    draw.polygon(
        [
            (ship_x, quay - 120),
            (ship_x + 700, quay - 120),
            (ship_x + 660, quay - 40),
            (ship_x + 30, quay - 40),
        ],
        fill=hull,
    )
    for col in range(13):
        for row in range(rng.randint(1, 4)):
            colour = rng.choice(
                [(196, 60, 40), (40, 110, 170), (220, 170, 40), (60, 140, 90), (200, 200, 200)]
            )
            cx = ship_x + 60 + col * 46
            cy = quay - 150 - row * 30
            draw.rectangle((cx, cy, cx + 44, cy + 28), fill=colour, outline=(40, 40, 40))
    for cx in range(ship_x + 120, ship_x + 800, rng.randint(220, 300)):
        colour = rng.choice([(220, 60, 40), (240, 190, 30)])
        draw.line((cx, quay + 40, cx, quay - 330), fill=colour, width=12)
        draw.line((cx + 120, quay + 40, cx + 120, quay - 330), fill=colour, width=12)
        draw.line((cx - 220, quay - 330, cx + 200, quay - 330), fill=colour, width=14)
        draw.line((cx + 60, quay - 330, cx + 60, quay - 200), fill=(40, 40, 40), width=3)
    return image


def paint_steppe(rng, cliffs=False):
    image, draw, horizon = _outdoor(rng, rng.choice(["day", "day", "dusk"]), 0.52)
    for _ in range(4):
        x = rng.randint(-200, WIDTH)
        w, h = rng.randint(250, 500), rng.randint(15, 50)
        draw.polygon(
            [(x, horizon), (x + w // 3, horizon - h), (x + w, horizon)], fill=(150, 140, 120)
        )
    _band(image, rng, horizon, HEIGHT, STEPPE)
    if cliffs:
        _mesas(draw, rng, horizon)
    _shrubs(draw, rng, horizon)
    return image


def _mesas(draw, rng, horizon):
    x = rng.randint(-120, 80)
    while x < WIDTH:
        width, height = rng.randint(180, 380), rng.randint(110, 260)
        layers = rng.randint(4, 7)
        for layer in range(layers):
            y0 = horizon + 20 - height + layer * height // layers
            y1 = y0 + height // layers
            inset = (layers - layer) * 8
            colour = (238, 232, 222) if layer % 2 else (224, 188, 172)
            draw.polygon(
                [
                    (x + inset, y0),
                    (x + width - inset, y0),
                    (x + width - inset + 10, y1),
                    (x + inset - 10, y1),
                ],
                fill=colour,
            )
        x += width + rng.randint(40, 200)


def paint_cliffs(rng):
    return paint_steppe(rng, cliffs=True)


def paint_village(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.6)
    _band(image, rng, horizon, HEIGHT, STEPPE)
    base = horizon + 120
    draw.line((0, base - 40, WIDTH, base - 40), fill=(236, 196, 40), width=8)
    for px in range(40, WIDTH, 150):
        draw.line((px, base - 40, px, base), fill=(120, 120, 120), width=5)
    x = rng.randint(-40, 40)
    while x < WIDTH:
        width, height = rng.randint(150, 230), rng.randint(80, 110)
        wall = _jitter(rng, rng.choice([*HOUSE_COLOURS, (210, 170, 120)]))
        roof = rng.choice([(60, 110, 160), (150, 60, 50), (80, 130, 90), (120, 120, 130)])
        draw.rectangle((x, base - height, x + width, base), fill=wall)
        draw.polygon(
            [
                (x - 15, base - height),
                (x + width + 15, base - height),
                (x + width // 2, base - height - 60),
            ],
            fill=roof,
        )
        draw.rectangle(
            (x + 30, base - height + 25, x + 70, base - height + 60), fill=(110, 156, 190)
        )
        x += width + rng.randint(50, 120)
    _shrubs(draw, rng, base + 10, count=30)
    return image


def paint_oil(rng):
    image, draw, horizon = _outdoor(rng, rng.choice(["day", "dusk"]), 0.55)
    _band(image, rng, horizon, HEIGHT, STEPPE)
    for n in range(rng.randint(3, 5)):
        scale = 0.45 + n * 0.3
        x = rng.randint(0, WIDTH - 200)
        base = horizon + int(30 + 80 * n)
        _pumpjack(draw, x, base, scale)
    _shrubs(draw, rng, horizon, count=40)
    return image


def _pumpjack(draw, x, base, scale):
    def p(dx, dy):
        return (x + dx * scale, base - dy * scale)

    dark = (40, 40, 44)
    draw.polygon([p(80, 0), p(140, 0), p(112, 180), p(108, 180)], fill=(90, 90, 96))
    draw.line([p(0, 0), p(260, 0)], fill=dark, width=max(2, int(10 * scale)))
    draw.line([p(-20, 150), p(230, 200)], fill=(200, 60, 40), width=max(3, int(18 * scale)))
    draw.polygon([p(230, 230), p(270, 200), p(250, 130), p(220, 160)], fill=(200, 60, 40))
    draw.line([p(255, 140), p(255, 10)], fill=dark, width=max(1, int(4 * scale)))
    draw.ellipse([p(-50, 120), p(10, 60)], fill=dark)


def paint_road(rng):
    image, draw, horizon = _outdoor(rng, rng.choice(["day", "dusk"]), 0.5)
    _band(image, rng, horizon, HEIGHT, STEPPE)
    _shrubs(draw, rng, horizon, count=50)
    vanish = WIDTH // 2 + rng.randint(-120, 120)
    draw.polygon(
        [
            (vanish - 6, horizon),
            (vanish + 6, horizon),
            (WIDTH // 2 + 460, HEIGHT),
            (WIDTH // 2 - 460, HEIGHT),
        ],
        fill=(74, 76, 80),
    )
    steps = 14
    for i in range(steps):
        t0, t1 = (i / steps) ** 2, ((i + 0.5) / steps) ** 2
        y0, y1 = horizon + t0 * (HEIGHT - horizon), horizon + t1 * (HEIGHT - horizon)
        x0 = vanish + (WIDTH // 2 - vanish) * t0
        x1 = vanish + (WIDTH // 2 - vanish) * t1
        half0, half1 = 1 + 8 * t0, 1 + 8 * t1
        draw.polygon(
            [(x0 - half0, y0), (x0 + half0, y0), (x1 + half1, y1), (x1 - half1, y1)],
            fill=(240, 240, 230),
        )
    return image


def paint_rail(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.5)
    _band(image, rng, horizon, HEIGHT, STEPPE)
    track = horizon + 170
    draw.polygon(
        [(0, track - 10), (WIDTH, track - 10), (WIDTH, track + 50), (0, track + 50)],
        fill=(140, 124, 100),
    )
    draw.line((0, track, WIDTH, track), fill=(60, 60, 64), width=6)
    x = rng.randint(-100, 100)
    body = rng.choice([(30, 90, 160), (180, 40, 40), (230, 230, 230)])
    for car in range(5):
        left = x + car * 250
        draw.rounded_rectangle((left, track - 120, left + 240, track - 12), radius=14, fill=body)
        draw.rectangle((left, track - 60, left + 240, track - 50), fill=(250, 200, 40))
        for wx in range(left + 20, left + 220, 40):
            draw.rectangle((wx, track - 100, wx + 26, track - 72), fill=(200, 226, 240))
    _shrubs(draw, rng, track + 50, count=30)
    return image


def paint_airport(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.78)
    _band(image, rng, horizon, HEIGHT, ((120, 122, 118), (90, 92, 90)))
    for x in range(0, WIDTH, 120):
        draw.rectangle((x, horizon + 80, x + 60, horizon + 90), fill=(240, 240, 240))
    cx, cy = rng.randint(420, 760), rng.randint(240, 360)
    angle = rng.uniform(8, 16)
    _plane(image, cx, cy, angle)
    return image


def _plane(image, cx, cy, angle):
    layer = Image.new("RGBA", (700, 300), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    white, blue = (246, 246, 248, 255), (30, 70, 150, 255)
    d.rounded_rectangle((40, 130, 640, 176), radius=23, fill=white)
    d.polygon([(640, 130), (690, 150), (640, 176)], fill=white)
    d.polygon([(40, 132), (10, 60), (70, 60), (120, 132)], fill=blue)
    d.polygon([(260, 160), (420, 160), (330, 280), (290, 280)], fill=(220, 222, 226, 255))
    d.polygon([(280, 145), (400, 145), (330, 90), (300, 90)], fill=(200, 202, 206, 255))
    for x in range(200, 600, 26):
        d.ellipse((x, 140, x + 10, 150), fill=(60, 70, 90, 255))
    rotated = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    image.paste(rotated, (cx - rotated.width // 2, cy - rotated.height // 2), rotated)


def paint_market(rng):
    image, draw, horizon = _outdoor(rng, "day", 0.45)
    _band(image, rng, horizon, HEIGHT, ((176, 168, 156), (130, 124, 116)))
    x = rng.randint(-60, 0)
    while x < WIDTH:
        width = rng.randint(200, 280)
        stripes = rng.choice(
            [
                ((200, 40, 40), (240, 240, 240)),
                ((40, 110, 180), (240, 240, 240)),
                ((40, 140, 80), (250, 220, 80)),
            ]
        )
        for i in range(0, width, 30):
            draw.rectangle((x + i, horizon - 60, x + i + 30, horizon), fill=stripes[(i // 30) % 2])
        draw.rectangle((x + 10, horizon + 100, x + width - 10, horizon + 170), fill=(150, 110, 70))
        draw.line((x + 10, horizon, x + 10, horizon + 170), fill=(80, 80, 80), width=6)
        for _ in range(24):
            px, py = rng.randint(x + 20, x + width - 30), rng.randint(horizon + 70, horizon + 100)
            colour = rng.choice([(180, 40, 40), (200, 80, 70), (230, 170, 60), (150, 50, 50)])
            draw.ellipse((px, py, px + 26, py + 26), fill=colour)
        x += width + rng.randint(30, 60)
    return image


def _crowd(draw, rng, top, bottom, count):
    colours = [(220, 60, 50), (240, 240, 240), (40, 90, 170), (250, 200, 40), (30, 30, 30)]
    for _ in range(count):
        x, y = rng.randrange(WIDTH), rng.randint(top, bottom)
        draw.ellipse((x, y, x + 7, y + 7), fill=rng.choice(colours))


def paint_stadium(rng):
    image, draw, horizon = _outdoor(rng, rng.choice(["day", "dusk"]), 0.3)
    stands_bottom = int(HEIGHT * 0.52)
    _band(image, rng, horizon, stands_bottom, ((110, 112, 120), (80, 82, 90)))
    _crowd(draw, rng, horizon + 5, stands_bottom - 10, 2500)
    for i, y in enumerate(range(stands_bottom, HEIGHT, 50)):
        colour = (62, 150, 70) if i % 2 else (54, 134, 62)
        draw.rectangle((0, y, WIDTH, y + 50), fill=colour)
    draw.line((0, stands_bottom + 20, WIDTH, stands_bottom + 20), fill=(245, 245, 245), width=4)
    draw.line(
        (WIDTH // 2, stands_bottom + 20, WIDTH // 2 + 40, HEIGHT), fill=(245, 245, 245), width=4
    )
    draw.ellipse(
        (WIDTH // 2 - 200, stands_bottom + 110, WIDTH // 2 + 240, stands_bottom + 260),
        outline=(245, 245, 245),
        width=4,
    )
    for x in (60, WIDTH - 80):
        draw.rectangle((x, 30, x + 12, horizon + 40), fill=(70, 70, 76))
        draw.rectangle((x - 30, 10, x + 42, 44), fill=(250, 250, 220))
    return image


def paint_arena(rng):
    image = _gradient((WIDTH, HEIGHT), _jitter(rng, (26, 36, 70)), _jitter(rng, (70, 58, 46)))
    draw = ImageDraw.Draw(image, "RGBA")
    _crowd(draw, rng, 120, 330, 1800)
    draw.rectangle((0, 340, WIDTH, HEIGHT), fill=(150, 110, 70))
    draw.ellipse((150, 420, 1050, 760), fill=(240, 190, 40))
    draw.ellipse((230, 455, 970, 725), fill=(30, 100, 190))
    draw.ellipse((520, 560, 680, 620), outline=(250, 250, 250), width=4)
    for x in range(100, WIDTH, 250):
        draw.ellipse((x, 20, x + 60, 50), fill=(255, 255, 230))
        draw.polygon(
            [(x + 10, 50), (x + 50, 50), (x + 120, 420), (x - 60, 420)], fill=(255, 255, 220, 22)
        )
    return image


def paint_gallery(rng):
    image = _gradient((WIDTH, HEIGHT), _jitter(rng, (236, 226, 206)), _jitter(rng, (206, 194, 170)))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.rectangle((0, 640, WIDTH, HEIGHT), fill=(120, 86, 60))
    x = 70
    while x < WIDTH - 200:
        width = rng.randint(220, 320)
        _carpet(draw, rng, (x, 150, width, 420))
        draw.polygon(
            [
                (x + width // 2 - 20, 0),
                (x + width // 2 + 20, 0),
                (x + width + 40, 600),
                (x - 40, 600),
            ],
            fill=(255, 250, 220, 30),
        )
        x += width + rng.randint(60, 110)
    return image


def _carpet(draw, rng, box):
    x, y, width, height = box
    field, border, motif = rng.choice(
        [
            ((150, 30, 36), (30, 40, 80), (240, 210, 150)),
            ((30, 60, 110), (170, 40, 40), (240, 230, 200)),
            ((120, 70, 40), (240, 220, 170), (40, 30, 30)),
        ]
    )
    draw.rectangle((x - 6, y - 6, x + width + 6, y + height + 6), fill=(70, 50, 36))
    draw.rectangle((x, y, x + width, y + height), fill=border)
    draw.rectangle((x + 22, y + 22, x + width - 22, y + height - 22), fill=field)
    cx = x + width // 2
    for cy in range(y + 80, y + height - 40, 110):
        r = min(width // 3, 60)
        draw.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=motif)
        draw.polygon(
            [(cx, cy - r // 2), (cx + r // 2, cy), (cx, cy + r // 2), (cx - r // 2, cy)],
            fill=border,
        )


def paint_stage(rng):
    image = _gradient((WIDTH, HEIGHT), (14, 10, 16), (40, 26, 30))
    draw = ImageDraw.Draw(image, "RGBA")
    draw.polygon([(120, 520), (1080, 520), (1200, 640), (0, 640)], fill=(92, 62, 40))
    curtain = _jitter(rng, (150, 20, 30))
    for side in (0, 1):
        for i in range(8):
            left = i * 22 if side == 0 else WIDTH - 200 + i * 22
            shade = 30 if i % 2 else 0
            draw.rectangle(
                (left, 0, left + 24, 540), fill=tuple(max(0, c - shade) for c in curtain)
            )
    draw.rectangle((0, 0, WIDTH, 70), fill=curtain)
    for _ in range(rng.randint(2, 4)):
        x = rng.randint(300, 900)
        draw.polygon(
            [(x - 10, 0), (x + 10, 0), (x + 140, 540), (x - 140, 540)], fill=(255, 236, 180, 40)
        )
        draw.ellipse((x - 140, 500, x + 140, 560), fill=(255, 236, 180, 60))
    for row in range(3):
        y = 660 + row * 50
        for x in range(-20 + row * 25, WIDTH, 60):
            draw.chord((x, y, x + 50, y + 60), 180, 360, fill=(20, 14, 18))
    return image


PAINTERS = {
    "sea": paint_sea,
    "storm": paint_storm,
    "boat": paint_boat,
    "city": paint_city,
    "night": paint_night,
    "school": paint_school,
    "fire": paint_fire,
    "police": paint_police,
    "port": paint_port,
    "steppe": paint_steppe,
    "cliffs": paint_cliffs,
    "village": paint_village,
    "oil": paint_oil,
    "road": paint_road,
    "rail": paint_rail,
    "airport": paint_airport,
    "market": paint_market,
    "stadium": paint_stadium,
    "arena": paint_arena,
    "gallery": paint_gallery,
    "stage": paint_stage,
}
