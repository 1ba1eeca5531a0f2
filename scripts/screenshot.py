"""Save screenshots of a running portal with Debian's Chromium (no browser download).

Usage: python scripts/screenshot.py BASE_URL OUT_DIR [path=name ...]

A name ending in a number (``home-es-390``) is taken at that width; ``-mobile`` means
390 px and any other name 1280 px. Names containing ``-full`` capture the whole page."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def viewport_width(name):
    last = name.rsplit("-", 1)[-1]
    if last.isdigit():
        return int(last)
    return 390 if name.endswith("-mobile") else 1280


def main(base_url, out_dir, shots):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for spec in shots:
            path, name = spec.split("=")
            width = viewport_width(name)
            page = browser.new_page(viewport={"width": width, "height": 900}, locale="es-CO")
            page.goto(base_url + path)
            page.screenshot(path=str(out / f"{name}.png"), full_page="-full" in name)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
