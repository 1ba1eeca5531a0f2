"""Draw the demo illustrations of home/data/images/ with Pillow (flat colours, no
fonts, no external sources): ``python home/data/images/draw.py``. The pictures are
the project's own work, dedicated to the public domain under CC0 1.0 (LICENSE.md)."""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SIZE = (800, 500)
SKY, GRASS, ROAD = "#cfe8f7", "#7cbf6b", "#5a5f66"


def canvas(background=SKY, ground=GRASS, horizon=380):
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    if ground:
        draw.rectangle([0, horizon, SIZE[0], SIZE[1]], fill=ground)
    return image, draw


def sun(draw, x=680, y=90, r=45):
    draw.ellipse([x - r, y - r, x + r, y + r], fill="#ffd23f")


def tree(draw, x, base, height=140):
    draw.rectangle([x - 8, base - height // 2, x + 8, base], fill="#7a4b26")
    draw.ellipse([x - 50, base - height - 20, x + 50, base - height // 2 + 20], fill="#2f8f4e")


def person(draw, x, base, colour, arm_up=False):
    draw.ellipse([x - 18, base - 150, x + 18, base - 114], fill="#b9785a")
    draw.rounded_rectangle([x - 25, base - 110, x + 25, base - 40], 12, fill=colour)
    draw.rectangle([x - 20, base - 40, x - 5, base], fill="#2d3a4a")
    draw.rectangle([x + 5, base - 40, x + 20, base], fill="#2d3a4a")
    if arm_up:
        draw.line([x + 22, base - 100, x + 45, base - 170], fill=colour, width=12)


def city_hall():
    image, draw = canvas()
    sun(draw)
    draw.rectangle([180, 200, 620, 380], fill="#f4efe4")
    draw.polygon([(160, 200), (400, 110), (640, 200)], fill="#c0392b")
    for x in range(215, 600, 75):
        draw.rectangle([x, 225, x + 25, 380], fill="#ffffff", outline="#b7ad98", width=3)
    draw.rectangle([370, 300, 430, 380], fill="#6d4c2f")
    draw.line([400, 110, 400, 40], fill="#444444", width=5)
    for index, colour in enumerate(("#fcd116", "#003893", "#ce1126")):
        height = 20 if index == 0 else 10
        top = 40 if index == 0 else 50 + (index - 1) * 10
        draw.rectangle([403, top, 463, top + height], fill=colour)
    draw.rectangle([120, 380, 680, 400], fill="#d9d2c3")
    return image


def park():
    image, draw = canvas(horizon=330)
    sun(draw, 120, 90)
    for x in (160, 330, 620, 730):
        tree(draw, x, 360)
    draw.rectangle([400, 380, 560, 395], fill="#8d5a2b")
    draw.rectangle([410, 395, 420, 430], fill="#5b3a1b")
    draw.rectangle([540, 395, 550, 430], fill="#5b3a1b")
    draw.ellipse([0, 430, 800, 560], fill="#e6d8b5")
    return image


def bus():
    image, draw = canvas(ground=ROAD, horizon=360)
    sun(draw)
    for x in range(0, 800, 120):
        draw.rectangle([x + 20, 425, x + 80, 435], fill="#f2f2f2")
    draw.rounded_rectangle([130, 180, 670, 380], 30, fill="#2e7d32")
    draw.rectangle([130, 300, 670, 320], fill="#fdd835")
    for x in range(170, 600, 95):
        draw.rounded_rectangle([x, 205, x + 75, 275], 8, fill="#bfe3f5")
    draw.rounded_rectangle([600, 205, 650, 300], 8, fill="#bfe3f5")
    for x in (230, 560):
        draw.ellipse([x - 45, 340, x + 45, 430], fill="#222222")
        draw.ellipse([x - 18, 367, x + 18, 403], fill="#9e9e9e")
    return image


def document():
    image, draw = canvas("#e8eef6", None)
    draw.polygon([(250, 50), (500, 50), (560, 110), (560, 450), (250, 450)], fill="#ffffff")
    draw.polygon([(500, 50), (500, 110), (560, 110)], fill="#cfd8e3")
    for index, y in enumerate(range(140, 380, 34)):
        end = 520 if index % 3 else 440
        draw.rounded_rectangle([285, y, end, y + 12], 6, fill="#9fb3c8")
    draw.ellipse([470, 350, 590, 470], fill="#1565c0")
    draw.line([(500, 412), (522, 435), (562, 385)], fill="#ffffff", width=12)
    return image


def newspaper():
    image, draw = canvas("#fff3e0", None)
    draw.rounded_rectangle([170, 70, 630, 430], 12, fill="#ffffff", outline="#bdbdbd", width=4)
    draw.rectangle([200, 100, 600, 150], fill="#37474f")
    draw.rectangle([200, 175, 380, 300], fill="#90caf9")
    draw.polygon([(210, 290), (270, 220), (320, 270), (345, 245), (372, 290)], fill="#43a047")
    for y in range(180, 300, 24):
        draw.rounded_rectangle([400, y, 600, y + 10], 5, fill="#b0bec5")
    for y in range(325, 410, 24):
        draw.rounded_rectangle([200, y, 600, y + 10], 5, fill="#b0bec5")
    return image


def people():
    image, draw = canvas("#ede7f6", "#d1c4e9", 420)
    colours = ("#e53935", "#1e88e5", "#fb8c00", "#43a047", "#8e24aa")
    for index, x in enumerate(range(160, 700, 120)):
        person(draw, x, 420, colours[index], arm_up=index % 2 == 0)
    draw.rounded_rectangle([300, 40, 500, 130], 20, fill="#ffffff")
    draw.polygon([(360, 130), (390, 130), (350, 165)], fill="#ffffff")
    for x in (350, 400, 450):
        draw.ellipse([x - 10, 75, x + 10, 95], fill="#5e35b1")
    return image


def health():
    image, draw = canvas("#e0f2f1", None)
    draw.ellipse([250, 100, 550, 400], fill="#ffffff")
    draw.rectangle([370, 160, 430, 340], fill="#e53935")
    draw.rectangle([310, 220, 490, 280], fill="#e53935")
    draw.rounded_rectangle([560, 300, 740, 330], 10, fill="#90a4ae")
    draw.rectangle([530, 308, 560, 322], fill="#546e7a")
    draw.rectangle([740, 295, 752, 335], fill="#546e7a")
    return image


def school():
    image, draw = canvas()
    sun(draw, 110, 90)
    draw.rectangle([220, 190, 580, 380], fill="#ffcc80")
    draw.polygon([(200, 190), (400, 100), (600, 190)], fill="#6d4c41")
    for x in (250, 330, 440, 520):
        draw.rectangle([x, 220, x + 40, 270], fill="#bbdefb")
    draw.rectangle([370, 300, 430, 380], fill="#1565c0")
    draw.ellipse([380, 135, 420, 175], fill="#ffffff")
    draw.line([(400, 155), (400, 142)], fill="#333333", width=3)
    draw.line([(400, 155), (410, 155)], fill="#333333", width=3)
    return image


def lights():
    image, draw = canvas("#1a237e", "#283593", 400)
    draw.polygon([(400, 80), (300, 400), (500, 400)], fill="#2e7d32")
    draw.polygon(
        [
            (400, 40),
            (412, 72),
            (446, 72),
            (418, 92),
            (428, 124),
            (400, 104),
            (372, 124),
            (382, 92),
            (354, 72),
            (388, 72),
        ],
        fill="#ffd54f",
    )
    colours = ("#ff5252", "#ffd740", "#69f0ae", "#40c4ff")
    for row, y in enumerate(range(150, 400, 40)):
        half = (y - 80) * 100 // 320
        for index, x in enumerate(range(400 - half + 10, 400 + half, 34)):
            colour = colours[(row + index) % len(colours)]
            draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=colour)
    for x, y in ((100, 80), (180, 160), (650, 90), (720, 200), (560, 50)):
        draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill="#ffffff")
    return image


PICTURES = {
    "city-hall": city_hall,
    "park": park,
    "bus": bus,
    "document": document,
    "newspaper": newspaper,
    "people": people,
    "health": health,
    "school": school,
    "lights": lights,
}


if __name__ == "__main__":
    for name, draw_picture in PICTURES.items():
        draw_picture().save(
            HERE / f"{name}.jpg", "JPEG", quality=80, optimize=True, progressive=True
        )
