"""The export's three figures of a bench/run or bench/export results folder: CSV and NDJSON against psql's \\copy, memory growth."""
import os
import re


def timing(results, name):
    seconds, kib = open(os.path.join(results, f"{name}.time")).read().split()
    return float(seconds), int(kib) / 1024


def export_figures(results, rows):
    export_seconds, export_mib = timing(results, "export")
    _, seed_export_mib = timing(results, "export-seed")
    psql_seconds, _ = min(timing(results, "psql-copy-before"), timing(results, "psql-copy-after"))
    export_log = open(os.path.join(results, "export.log")).read()
    match = re.search(r"concessions wrote (\d+) records as JSON, NDJSON, Parquet and delta in ([\d.]+) s, and CSV by COPY in ([\d.]+) s", export_log)
    if not match:
        raise SystemExit("the export log has no timing line for the concessions")
    records_seconds, csv_seconds = float(match.group(2)), float(match.group(3))
    csv_ratio = psql_seconds / csv_seconds
    ndjson_ratio = psql_seconds / records_seconds
    growth = export_mib - seed_export_mib
    return export_seconds, [
        {"figure": f"CSV export of {rows:,} concessions (COPY) vs psql \\copy", "seconds": csv_seconds, "psqlSeconds": psql_seconds,
         "ratio": round(csv_ratio, 3), "ratioOf": "throughput / psql \\copy throughput", "target": ">= 0.9", "met": csv_ratio >= 0.9},
        {"figure": f"NDJSON export of {rows:,} concessions (with JSON, Parquet and delta in the same pass) vs psql \\copy", "seconds": records_seconds,
         "psqlSeconds": psql_seconds, "ratio": round(ndjson_ratio, 3), "ratioOf": "throughput / psql \\copy throughput", "target": ">= 0.5",
         "met": ndjson_ratio >= 0.5},
        {"figure": "export command: peak memory growth, seed set alone to all the data", "mib": round(growth, 1), "peakMib": round(export_mib, 1),
         "seedPeakMib": round(seed_export_mib, 1), "ratio": None, "target": "< 64 MiB", "met": growth < 64},
    ]
