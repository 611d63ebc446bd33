"""Reads an export back with Python's own csv and json modules, as a user's script would, and checks that
<dataset>.json, .ndjson and .csv hold the same records by the CSV conventions of docs/exports.md (columns are
the JSON fields, scalars first). Prints a JSON summary;
exits 1 listing the differences.
    python3 read-export.py /path/to/export
"""
import csv
import json
import pathlib
import sys

folder = pathlib.Path(sys.argv[1])
manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
datasets = sorted({f["name"][:-len(".csv")] for f in manifest["files"] if f["name"].endswith(".csv")})
problems, summary = [], {}


def cell_matches(text, value):
    """A CSV cell against its JSON value: null empty, booleans true/false, numbers and text as they are, arrays and objects as JSON text."""
    if value is None:
        return text == ""
    if isinstance(value, bool):
        return text == ("true" if value else "false")
    if isinstance(value, (int, float)):
        return float(text) == value
    if isinstance(value, str):
        return text == value
    return json.loads(text) == value


for dataset in datasets:
    records = json.loads((folder / f"{dataset}.json").read_text(encoding="utf-8"))
    with open(folder / f"{dataset}.ndjson", encoding="utf-8") as lines:
        ndjson = [json.loads(line) for line in lines]
    with open(folder / f"{dataset}.csv", encoding="utf-8", newline="") as text:
        rows = list(csv.reader(text))
    header, rows = rows[0], rows[1:]
    if ndjson != records:
        problems.append(f"{dataset}.ndjson differs from {dataset}.json")
    if records and sorted(header) != sorted(records[0].keys()):
        problems.append(f"{dataset}.csv header {header} does not name the JSON fields {list(records[0].keys())}")
    if len(rows) != len(records):
        problems.append(f"{dataset}.csv has {len(rows)} rows for {len(records)} records")
    for number, (row, record) in enumerate(zip(rows, records), start=1):
        for name, text in zip(header, row):
            if not cell_matches(text, record.get(name)):
                problems.append(f"{dataset}.csv record {number}, {name}: {text!r} does not read back as {record.get(name)!r}")
    summary[dataset] = len(records)

print(json.dumps({"datasets": summary, "problems": problems[:20]}))
sys.exit(1 if problems else 0)
