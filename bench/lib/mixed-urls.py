"""Writes the mixed workload's 1,000 distinct read paths (ids, filters, pages) to OUT, one a line, after checking that
every one answers 200 from the API at BASE (which also fills its response cache).

    mixed-urls.py BASE ROWS OUT

A 404 or a 400 under load would be a cheap answer, a false win; so would an empty page: the script fails loudly,
naming the paths, rather than measure them.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
WANTED = 1000
summits, outcomes = rows // 1000, rows // 4  # bench/synthetic-data: 4 concessions an outcome, 250 outcomes a summit


def spread(count, total):
    """count numbers spread evenly over 0..total-1."""
    count = min(count, total)
    return [i * total // count for i in range(count)]


def pages(path, count):
    """The first count pages of a list, following its cursors."""
    found, cursor = [], None
    while len(found) < count:
        page_path = path + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        found.append(page_path)
        cursor = json.load(urllib.request.urlopen(base + page_path))["nextCursor"]
        if cursor is None:
            break
    return found


paths = []
paths += [f"/api/v1/concessions/bench-concession-{n:08d}" for n in spread(400, rows)]
paths += [f"/api/v1/outcomes/bench-outcome-{n:08d}" for n in spread(100, outcomes)]
for s in spread(40, summits):
    summit = f"bench-summit-{s:06d}"
    paths += [f"/api/v1/summits/{summit}", f"/api/v1/summits/{summit}/outcomes?limit=20",
              f"/api/v1/summits/{summit}/readout-differences", f"/api/v1/concessions?summit={summit}&limit=20"]
for party in ("US", "CN"):
    paths += [f"/api/v1/concessions?giver={party}&limit={limit}" for limit in range(1, 51)]
    paths += [f"/api/v1/concessions?beneficiary={party}&limit={limit}" for limit in range(1, 26)]
paths += pages("/api/v1/concessions?limit=20", 60)
paths += pages("/api/v1/concessions?giver=US&limit=20", 40)
# A first page is also a filter above: each path once, in order. Then more ids up to 1,000 (the fewer summits a small
# run has, the more), never repeating one.
paths = list(dict.fromkeys(paths))
taken = set(paths)
extra = (f"/api/v1/concessions/bench-concession-{n:08d}" for n in spread(WANTED, rows))
while len(paths) < WANTED:
    path = next(extra)
    if path not in taken:
        paths.append(path)
        taken.add(path)
paths = paths[:WANTED]
if len(set(paths)) != WANTED:
    sys.exit(f"mixed-urls: only {len(set(paths))} distinct paths, {WANTED} wanted")


def check(path):
    try:
        with urllib.request.urlopen(base + path, timeout=120) as response:
            body = response.read()
            empty = body.startswith(b'{"items":[]')
            return None if response.status == 200 and not empty else f"{response.status}{' (empty page)' if empty else ''} {path}"
    except urllib.error.HTTPError as error:
        return f"{error.code} {path}"


with ThreadPoolExecutor(max_workers=8) as pool:
    failures = [failure for failure in pool.map(check, paths) if failure]
if failures:
    sys.exit(f"mixed-urls: {len(failures)} of {WANTED} paths did not answer 200 with data:\n" + "\n".join(failures[:20]))
open(out, "w").write("\n".join(paths) + "\n")
by_id = sum(p.startswith(("/api/v1/concessions/", "/api/v1/outcomes/")) for p in paths)
later_pages = sum("cursor=" in p for p in paths)
print(f"{WANTED} distinct paths, all 200: {by_id} concessions and outcomes by id, {later_pages} later pages of lists, "
      f"{WANTED - by_id - later_pages} filtered lists, summits and readout differences")
