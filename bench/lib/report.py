"""Turns one bench/run's measurements into results.json, results.md (the table) and chart.svg."""
import json
import os
import platform
import re
import sys

from export_figures import export_figures

results, rows, depth, connections, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])


def path(name):
    return os.path.join(results, name)


def wrk(name):
    figure = json.load(open(path(f"{name}.wrk.json")))
    figure["rps"] = figure["requests"] / figure["seconds"]
    return figure


load = {name: wrk(name) for name in [
    "ceiling", "by-id-cached", "by-id-uncached", "list-cached", "list-uncached", "revalidation-304",
    "keyset-first-page", "keyset-deep-page", "differences-cached", "differences-uncached", "by-id-as-of-uncached", "list-50-uncached",
    "peer-by-id", "peer-list", "mixed-read-only", "mixed"]}
ceiling = load["ceiling"]
export_seconds, export = export_figures(results, rows)
offset_ms = float(open(path("sql-offset.ms")).read())
keyset_ms = float(open(path("sql-keyset.ms")).read())
first_startup = float(open(path("cached.startup")).read())
restarts = sorted(float(open(path(f"restart-{attempt}.startup")).read()) for attempt in (1, 2, 3))
startup = restarts[1]

# name, what it measures, value, target (a predicate's text), met
figures = []


def rps_ratio(name, label, target=None):
    ratio = load[name]["rps"] / ceiling["rps"]
    figures.append({"figure": label, "run": name, "rps": round(load[name]["rps"]), "p50Ms": load[name]["p50Ms"], "p99Ms": load[name]["p99Ms"],
                    "statusErrors": load[name]["statusErrors"], "ratio": round(ratio, 3), "ratioOf": "rps / ceiling rps",
                    "target": f">= {target}" if target else None, "met": None if target is None else ratio >= target})


figures.append({"figure": "ceiling: constant JSON from the same process", "run": "ceiling", "rps": round(ceiling["rps"]), "p50Ms": ceiling["p50Ms"],
                "p99Ms": ceiling["p99Ms"], "statusErrors": ceiling["statusErrors"], "ratio": 1.0, "ratioOf": "rps / ceiling rps", "target": None, "met": None})
rps_ratio("by-id-cached", "GET by id, cache warm", 0.5)
rps_ratio("by-id-uncached", "GET by id, cache off")
rps_ratio("list-cached", "filtered list page, cache warm", 0.3)
rps_ratio("list-uncached", "filtered list page, cache off")
rps_ratio("revalidation-304", "304 revalidation (If-None-Match), cache warm", 0.8)
rps_ratio("differences-cached", "readout differences, cache warm")
rps_ratio("differences-uncached", "readout differences, cache off")
rps_ratio("keyset-first-page", "keyset list: first page, cache off")
rps_ratio("keyset-deep-page", f"keyset list: page after {depth:,} rows, cache off")
rps_ratio("by-id-as-of-uncached", "GET by id asOf the synthetic load (from the revisions), cache off")
rps_ratio("list-50-uncached", "filtered list page of 50, cache off")
rps_ratio("peer-by-id", "peer: Platformatic DB GET /concession/{id}")
rps_ratio("peer-list", "peer: Platformatic DB filtered list of 50 (where.giver.eq, orderby.id)")


def cache_lookups(moment):
    counts = {"hit": 0.0, "miss": 0.0}
    for line in open(path(f"mixed-metrics-{moment}.txt")):
        match = re.match(r'summitapi_response_cache_lookups_total\{result="(hit|miss)"\} (\S+)', line)
        if match:
            counts[match.group(1)] = float(match.group(2))
    return counts


rps_ratio("mixed-read-only", f"mixed reads alone: {connections} connections reading the same 1,000 URLs, no writes, cache warm")
writes = json.load(open(path("mixed-writes.json")))
mixed = load["mixed"]
mixed["statusErrors"] += writes["non2xx"]
rps_ratio("mixed", f"mixed: {connections} connections reading 1,000 URLs, {writes['writes']} writes in {mixed['seconds']:.0f} s, cache on")
figures[-1].update(socketErrors=mixed["socketErrors"], writes=writes)
lookups_before, lookups_after = cache_lookups("before"), cache_lookups("after")
hits, misses = (lookups_after[r] - lookups_before[r] for r in ("hit", "miss"))
hit_rate = hits / (hits + misses) if hits + misses else 0.0


# The read path's ratios to each other and to the peer, each with its target: the table's and the chart's last rows.
comparisons = []


def versus(label, ratio, ratio_of, target, met, **measured):
    comparisons.append({"figure": label, **measured, "ratio": round(ratio, 3), "ratioOf": ratio_of, "target": target, "met": met})


peer_by_id, peer_list, by_id, uncached_list = load["peer-by-id"], load["peer-list"], load["by-id-uncached"], load["list-50-uncached"]
ratio = by_id["rps"] / peer_by_id["rps"]
versus("GET by id, cache off, vs the peer: rps", ratio, "rps / peer rps", ">= 2", ratio >= 2)
ratio = by_id["p99Ms"] / peer_by_id["p99Ms"]
versus("GET by id, cache off, vs the peer: p99", ratio, "p99 / peer p99", "<= 1", ratio <= 1)
ratio = uncached_list["rps"] / peer_list["rps"]
versus("filtered list of 50, cache off, vs the peer: rps", ratio, "rps / peer rps", ">= 2", ratio >= 2)
ratio = load["differences-uncached"]["rps"] / by_id["rps"]
versus("readout differences vs GET by id, both cache off: rps", ratio, "rps / by id rps", ">= 0.5", ratio >= 0.5)
ratio = load["by-id-as-of-uncached"]["p50Ms"] / by_id["p50Ms"]
versus("GET by id asOf vs current, cache off: p50 latency", ratio, "p50 / current p50", "<= 1.5", ratio <= 1.5)
versus(f"mixed: response cache hit rate ({hits:,.0f} hits, {misses:,.0f} misses)", hit_rate, "hits / lookups", ">= 0.9", hit_rate >= 0.9,
       hits=round(hits), misses=round(misses))
ratio = mixed["rps"] / load["mixed-read-only"]["rps"]
versus("mixed throughput vs the same reads without writes, cache warm", ratio, "rps / read-only mix rps", ">= 0.5", ratio >= 0.5)
ratio = mixed["rps"] / load["by-id-cached"]["rps"]
versus("mixed throughput vs read-only GET by id, cache warm (for contrast)", ratio, "rps / cached by id rps", None, None)
for name, label in [("by-id-cached", "GET by id, cache warm: p99"), ("list-cached", "filtered list page, cache warm: p99")]:
    ratio = load[name]["p99Ms"] / ceiling["p99Ms"]
    figures.append({"figure": label, "run": name, "ratio": round(ratio, 3), "ratioOf": "p99 / ceiling p99", "target": "<= 3", "met": ratio <= 3})
deep = load["keyset-deep-page"]["p50Ms"] / load["keyset-first-page"]["p50Ms"]
figures.append({"figure": f"keyset page after {depth:,} rows: p50 latency", "ratio": round(deep, 3), "ratioOf": "p50 / first page's p50", "target": "<= 1.2", "met": deep <= 1.2})
figures.append({"figure": f"contrast (psql, outside the API): OFFSET {depth:,} vs keyset, execution ms", "offsetMs": offset_ms, "keysetMs": keyset_ms,
                "ratio": round(offset_ms / keyset_ms, 1), "ratioOf": "OFFSET ms / keyset ms", "target": None, "met": None})
figures += export
figures.append({"figure": "start-up to ready, Postgres already up (median of three starts alone)", "seconds": startup, "allSeconds": restarts,
                "firstStartSeconds": first_startup, "ratio": None, "target": "<= 1.5 s (aim)", "met": startup <= 1.5})

figures += comparisons

machine = {"cores": os.cpu_count(), "platform": platform.platform(), "processor": platform.processor() or platform.machine()}
summary = {"rows": rows, "depth": depth, "connections": connections, "durationSeconds": duration, "exportSeconds": export_seconds,
           "machine": machine, "figures": figures}
json.dump(summary, open(path("results.json"), "w"), indent=2)


def cell(value, digits=1):
    return "" if value is None else (f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}")


lines = [f"{rows:,} concessions; {connections} connections, {duration} s per figure; {machine['cores']} cores, {machine['platform']}", "",
         "| figure | rps | p50 ms | p99 ms | ratio | of | target | met |", "|---|---:|---:|---:|---:|---|---|---|"]
for f in figures:
    value = f.get("ratio")
    if value is None:
        value = f.get("mib", f.get("seconds"))
    lines.append("| {} | {} | {} | {} | {} | {} | {} | {} |".format(
        f["figure"], cell(f.get("rps")), cell(f.get("p50Ms"), 2), cell(f.get("p99Ms"), 2),
        cell(value, 3 if f.get("ratio") is not None else 2), f.get("ratioOf", "MiB" if "mib" in f else "s"), f["target"] or "",
        "" if f["met"] is None else ("yes" if f["met"] else "**no**")))
errors = sum(f.get("statusErrors") or 0 for f in figures)
lines.append("")
lines.append(f"Responses other than 2xx/3xx during the load: {errors}.")
open(path("results.md"), "w").write("\n".join(lines) + "\n")

# Chart: each HTTP figure's throughput as a share of the ceiling and the export ratios; then the read path's ratios to
# each other and to the peer. Bars with the target marked, red where it is missed; a bar past 3 is cut at 3.
def target_value(target):
    return float(target.split()[1])


def bar_chart():
    width, left, bar_h, gap, longest = 1040, 570, 20, 8, 3.0
    throughput = [f for f in figures if f.get("ratioOf") in ("rps / ceiling rps", "throughput / psql \\copy throughput")]
    sections = [("Throughput as a share of the ceiling (HTTP) and of psql \\copy (export); | marks a target", throughput),
                ("The read path against the peer (Platformatic DB) and itself: ratios to their targets", comparisons)]
    scale = (width - left - 80) / min(longest, max(1.0, max(f["ratio"] for f in throughput + comparisons)))
    items, y = [], 22
    for title, bars in sections:
        items.append(f'<text x="10" y="{y}" font-weight="bold">{title}</text>')
        y += 18
        for f in bars:
            ratio, target = f["ratio"], f["target"]
            items.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{f["figure"].replace("&", "&amp;")}</text>')
            colour = "#c0392b" if f["met"] is False else "#3b6ea5"
            length = min(ratio, longest) * scale
            items.append(f'<rect x="{left}" y="{y}" width="{max(length, 1):.1f}" height="{bar_h}" fill="{colour}"/>')
            items.append(f'<text x="{left + length + 6:.1f}" y="{y + 14}">{ratio:.2f}</text>')
            if target:
                x = left + min(target_value(target), longest) * scale
                items.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 2}" y2="{y + bar_h + 2}" stroke="black" stroke-width="2"/>')
            y += bar_h + gap
        y += 16
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" font-family="sans-serif" font-size="12">'
            '<rect width="100%" height="100%" fill="white"/>' + "".join(items) + "</svg>\n")


open(path("chart.svg"), "w").write(bar_chart())
print("\n".join(lines))
