"""Reads every CSV of an export the way pandas and csvkit read a file given no options, and checks that each found
the header row, its columns and every record. Run with the Python that has Debian's python3-pandas and csvkit
(/usr/bin/python3). Prints a JSON summary; exits 1 listing what each tool got wrong.
    /usr/bin/python3 read-csv-by-default.py /path/to/export
"""
import csv
import json
import pathlib
import subprocess
import sys

import pandas

folder = pathlib.Path(sys.argv[1])
manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
problems, summary = [], {}

for file in (f for f in manifest["files"] if f["name"].endswith(".csv")):
    path = folder / file["name"]
    with open(path, encoding="utf-8", newline="") as text:
        header = next(csv.reader(text))

    frame = pandas.read_csv(path)
    if list(frame.columns) != header:
        problems.append(f"pandas: {file['name']} columns {list(frame.columns)} are not the header {header}")
    if len(frame) != file["rows"]:
        problems.append(f"pandas: {file['name']} has {len(frame)} rows, the manifest {file['rows']}")

    # csvjson sniffs the dialect from the first kilobyte, as csvstat, csvsql and csvlook do.
    run = subprocess.run(["csvjson", str(path)], capture_output=True, text=True)
    if run.returncode != 0:
        problems.append(f"csvkit: csvjson {file['name']} failed: {run.stderr.strip()[-300:]}")
    else:
        records = json.loads(run.stdout)
        if len(records) != file["rows"]:
            problems.append(f"csvkit: {file['name']} has {len(records)} rows, the manifest {file['rows']}")
        if records and list(records[0].keys()) != header:
            problems.append(f"csvkit: {file['name']} columns {list(records[0].keys())} are not the header {header}")
    summary[file["name"]] = len(frame)

print(json.dumps({"files": summary, "problems": problems}))
sys.exit(1 if problems else 0)
