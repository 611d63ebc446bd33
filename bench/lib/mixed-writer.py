"""The mixed workload's writes: one JSON Merge Patch a second to one concession, with an editor key and If-Match, for
SECONDS seconds (the reads' duration: a write that would start later is not sent); then one JSON line on standard
output with the writes sent, those not 2xx and their latencies.

    mixed-writer.py BASE KEY CONCESSION_ID SECONDS

Each write names the ETag the last one answered (a 412 is counted, and the ETag read afresh), so every write
really changes the record and moves the data revision, which starts the response cache over.
"""
import json
import sys
import time
import urllib.error
import urllib.request

base, key, concession, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
url = f"{base}/api/v1/concessions/{concession}"


def current_etag():
    with urllib.request.urlopen(url) as response:
        return response.headers["ETag"]


etag = current_etag()
statuses, latencies = {}, []
started = time.monotonic()
sent = 0
while sent < seconds and time.monotonic() - started < seconds:
    # On the second's beat, however long the write before took: one write a second, not one a second plus latency.
    time.sleep(max(0.0, started + sent - time.monotonic()))
    body = json.dumps({"notes": f"Synthetic bench record, edited by the mixed workload's write {sent + 1}."}).encode()
    request = urllib.request.Request(url, data=body, method="PATCH", headers={
        "Content-Type": "application/merge-patch+json", "If-Match": etag, "X-Api-Key": key,
        "X-Change-Reason": "bench/run mixed workload"})
    began = time.monotonic()
    try:
        with urllib.request.urlopen(request) as response:
            status, etag = response.status, response.headers["ETag"] or current_etag()
    except urllib.error.HTTPError as error:
        status = error.code
        print(f"mixed-writer: write {sent + 1} answered {status}: {error.read()[:300]!r}", file=sys.stderr)
        etag = current_etag()
    latencies.append((time.monotonic() - began) * 1000)
    statuses[status] = statuses.get(status, 0) + 1
    sent += 1
latencies.sort()
print(json.dumps({"writes": sent, "statuses": {str(k): v for k, v in statuses.items()},
                  "non2xx": sum(v for k, v in statuses.items() if not 200 <= k < 300),
                  "p50Ms": round(latencies[len(latencies) // 2], 3), "maxMs": round(latencies[-1], 3)}))
