"""Regenerate schema/event-v1.schema.json from the pydantic models (run after changing record.py)."""
import json
from pathlib import Path

from flashpoint.record import StoredEvent, event_json_schema

ROOT = Path(__file__).resolve().parents[1]


def schemas() -> dict[str, dict]:
    return {"event-v1.schema.json": event_json_schema(),
            "stored-event-v1.schema.json": StoredEvent.model_json_schema()}


if __name__ == "__main__":
    for name, schema in schemas().items():
        (ROOT / "schema" / name).write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n")
        print(f"wrote schema/{name}")
