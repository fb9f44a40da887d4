#!/bin/sh
# The scheduled backup of deploy/k8s (db-backup.yaml): what `npm run db:backup` writes, from a postgres
# image (pg_dump of the servers' major version), so `npm run db:restore -- <folder>` restores it. Per
# service database: `pg_dump --format=custom`, its SHA-256 (`<service>.dump.sha256`, sha256sum format),
# and a manifest.json written last (a folder without one is not a backup). Row counts are not taken here
# (null in the manifest): the tool reads them in the dump's snapshot, a shell cannot. Then backups older
# than BACKUP_KEEP_DAYS are removed.
#
#   BACKUP_ROOT       where the timestamped folders go (the PersistentVolumeClaim)
#   SECRETS_DIR       /run/secrets unless set: one folder per service with its `database-url` file (the
#                     CronJob mounts each service's Secret there, so that list is the only list)
#   BACKUP_KEEP_DAYS  14 unless set
set -eu

root="${BACKUP_ROOT:?set BACKUP_ROOT}"
secrets="${SECRETS_DIR:-/run/secrets}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
now="$(date -u +%Y-%m-%dT%H:%M:%S)"
taken_at="$now.000Z"
folder="$root/$(echo "$now" | tr ':' '-')Z"

if [ -e "$folder" ]; then
  echo "db-backup: $folder already exists: a backup never overwrites another" >&2
  exit 1
fi
mkdir -p "$folder"
# A failed run leaves no half backup behind.
trap 'status=$?; if [ "$status" -ne 0 ]; then rm -rf "$folder"; echo "db-backup: failed, $folder removed" >&2; fi' EXIT

pg_dump_version="$(pg_dump --version)"
entries=""
for secret in "$secrets"/*/database-url; do
  [ -f "$secret" ] || { echo "db-backup: no $secrets/<service>/database-url to back up" >&2; exit 1; }
  service="$(basename "$(dirname "$secret")")"
  url="$(cat "$secret")"
  query() { psql "$url" --no-psqlrc --tuples-only --no-align --field-separator='|' --set ON_ERROR_STOP=1 --command "$1"; }
  facts="$(query "SELECT current_database(), pg_get_userbyid(datdba), current_setting('server_version'),
                         to_regclass('public.migrations') IS NOT NULL, to_regclass('public.messaging_outbox') IS NOT NULL
                    FROM pg_database WHERE datname = current_database()")"
  database="$(echo "$facts" | cut -d'|' -f1)"
  owner="$(echo "$facts" | cut -d'|' -f2)"
  server_version="$(echo "$facts" | cut -d'|' -f3)"
  migration=""
  if [ "$(echo "$facts" | cut -d'|' -f4)" = t ]; then
    migration="$(query 'SELECT name FROM migrations ORDER BY "timestamp" DESC, id DESC LIMIT 1')"
  fi
  pending=null
  if [ "$(echo "$facts" | cut -d'|' -f5)" = t ]; then
    pending="$(query 'SELECT count(*) FROM messaging_outbox WHERE published_at IS NULL')"
  fi
  file="$service.dump"
  # Facts first, then the dump: under writes the counts may be a moment older than the dump.
  pg_dump --dbname="$url" --format=custom --file="$folder/$file"
  (cd "$folder" && sha256sum "$file" > "$file.sha256")
  sha256="$(cut -d' ' -f1 "$folder/$file.sha256")"
  bytes="$(wc -c < "$folder/$file" | tr -d ' ')"
  if [ -n "$migration" ]; then migration="\"$migration\""; else migration=null; fi
  entry="{\"service\": \"$service\", \"database\": \"$database\", \"owner\": \"$owner\", \"file\": \"$file\",
      \"bytes\": $bytes, \"sha256\": \"$sha256\", \"pgDumpVersion\": \"$pg_dump_version\",
      \"serverVersion\": \"$server_version\", \"latestMigration\": $migration, \"pendingEvents\": $pending,
      \"rowCounts\": null}"
  entries="${entries:+$entries,
    }$entry"
  echo "db-backup: $service: $database -> $file ($bytes bytes, migration $migration, sha256 $sha256)"
done
printf '{\n  "format": 1,\n  "takenAt": "%s",\n  "databases": [\n    %s\n  ]\n}\n' "$taken_at" "$entries" > "$folder/manifest.json"
echo "db-backup: taken at $taken_at into $folder"

# Retention: whole backup folders older than the limit.
find "$root" -mindepth 1 -maxdepth 1 -type d -mtime "+$keep_days" -exec rm -rf {} +
