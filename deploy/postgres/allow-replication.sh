#!/bin/sh
# Run once by the postgres image when it creates the database (docker-entrypoint-initdb.d): lets the
# streaming replica of `docker compose --profile scale` connect for replication, with the password.
# A volume made before this script existed keeps its old pg_hba.conf; add the line to it by hand.
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
