"""Save screenshots of a running portal with Debian's Chromium (no browser download).

Usage: python scripts/screenshot.py BASE_URL OUT_DIR [path=name ...]"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main(base_url, out_dir, shots):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for spec in shots:
            path, name = spec.split("=")
            width = 390 if name.endswith("-mobile") else 1280
            page = browser.new_page(viewport={"width": width, "height": 900}, locale="es-CO")
            page.goto(base_url + path)
            page.screenshot(path=str(out / f"{name}.png"), full_page=name.endswith("-full"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
