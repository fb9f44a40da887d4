#!/bin/sh
# Runs once, on the first start of the compose stack's PostgreSQL (docker-entrypoint-initdb.d):
# one role and one database per service, each owning its own; the services' migrations create the
# tables when they start. The password is the stack's POSTGRES_PASSWORD (development only).
set -eu
for service in auth business notification; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$service" -v password="$POSTGRES_PASSWORD" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
done
