"""Screenshots the browser tests keep as artifacts, under out/screenshots (path printed)."""
from pathlib import Path

SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"\nscreenshot: {path}")
    return path
