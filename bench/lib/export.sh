# Sourced by bench/run and bench/export: the export command measured against psql's \copy of the same concessions,
# and its peak memory (/usr/bin/time's maximum resident set) for the seed set alone and for all the data.
# Needs what bench/lib/postgres.sh sets, and api and results.

# export_seed_alone: the memory baseline, before any synthetic data is loaded.
export_seed_alone() {
  /usr/bin/time -f '%e %M' -o "$results/export-seed.time" env "ConnectionStrings__Summit=$connection" \
    "${api[@]}" export --out "$root/exports-seed" >"$results/export-seed.log" 2>&1
}

# export_against_psql: psql's \copy before and after the export (whose gigabytes are still being written back after
# it ends); the faster counts. The export fsyncs every file before it publishes; psql's file is synced too, so both
# times include the disk.
export_against_psql() {
  local concessions_sql="SELECT c.id, c.outcome_id, o.summit_id, o.topic, c.giver, c.beneficiary, c.action, c.instrument, c.metric, c.value_before, c.value_after, c.unit, c.approximate, c.effective_date, c.effective_date_precision, c.effective_date_qualifier, c.duration, c.expiry_date, CASE WHEN c.expiry_date IS NOT NULL THEN c.effective_date_precision END AS expiry_date_precision, c.exchanged_for, c.reported_by, c.notes, citations_of('concession', c.id) AS citations FROM concession c JOIN outcome o ON o.id = c.outcome_id ORDER BY c.id COLLATE \"C\""
  psql_copy() {
    /usr/bin/time -f '%e %M' -o "$results/psql-copy-$1.time" \
      sh -c 'psql "$1" -X -q -c "\\copy ($2) to '"'"'$3'"'"' csv header" && sync "$3"' sh "$uri" "$concessions_sql" "$root/psql-concessions.csv"
    rm -f "$root/psql-concessions.csv"
  }
  psql_copy before
  /usr/bin/time -f '%e %M' -o "$results/export.time" env "ConnectionStrings__Summit=$connection" \
    "${api[@]}" export --out "$root/exports-full" >"$results/export.log" 2>&1
  psql_copy after
}

# keep_export_manifest: the full export's manifest (each file's bytes and sha256) beside the results, so two runs on
# the same database can be compared file by file.
keep_export_manifest() {
  cp "$root"/exports-full/*/manifest.json "$results/export-manifest.json"
}
