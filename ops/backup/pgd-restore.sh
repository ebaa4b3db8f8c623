#!/usr/bin/env bash
# Restores a backup made by pgd-backup.sh into a NEW database, in one transaction: either the whole
# archive is restored or the new database is dropped again and nothing else was touched.
#
#   ops/backup/pgd-restore.sh ARCHIVE TARGET_DATABASE
#
# Connection: libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass) of a superuser,
# because tables, ownership and grants are recreated as they were. The roles of the archive
# (PGD_DB_OWNER, default pgd_owner; PGD_DB_APP_ROLE, default pgd_app) must exist on the server:
# create them with ops/postgres/create-database.sql when restoring on a new server.
# Then point PGD_DB_URL at TARGET_DATABASE and start the application.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "Uso: $0 RESPALDO BASE_NUEVA" >&2
  exit 2
fi
archive="$1"
target="$2"
owner="${PGD_DB_OWNER:-pgd_owner}"
app="${PGD_DB_APP_ROLE:-pgd_app}"

[[ -r "$archive" ]] || { echo "No se puede leer el respaldo $archive" >&2; exit 2; }
if [[ -r "$archive.sha256" ]]; then
  (cd "$(dirname "$archive")" && sha256sum --check --quiet "$(basename "$archive").sha256") \
    || { echo "El respaldo $archive no coincide con su suma SHA-256: no se restaura" >&2; exit 1; }
fi
exists="$(psql --dbname=postgres --tuples-only --no-align \
  --command="SELECT 1 FROM pg_database WHERE datname = '${target//\'/\'\'}'")"
if [[ "$exists" == "1" ]]; then
  echo "La base $target ya existe: la restauración solo escribe en una base nueva" >&2
  exit 1
fi
for role in "$owner" "$app"; do
  found="$(psql --dbname=postgres --tuples-only --no-align \
    --command="SELECT 1 FROM pg_roles WHERE rolname = '${role//\'/\'\'}'")"
  [[ "$found" == "1" ]] || { echo "Falta el rol $role en el servidor (ops/postgres/create-database.sql)" >&2; exit 1; }
done

echo "Restaurando $archive en la base nueva $target"
createdb --owner="$owner" --template=template0 --encoding=UTF8 "$target"
if ! pg_restore --exit-on-error --single-transaction --dbname="$target" "$archive"; then
  echo "La restauración falló; se elimina la base incompleta $target" >&2
  dropdb "$target"
  exit 1
fi
psql --dbname="$target" --quiet -v ON_ERROR_STOP=1 \
  --command="REVOKE ALL ON DATABASE \"$target\" FROM PUBLIC" \
  --command="GRANT CONNECT, TEMPORARY ON DATABASE \"$target\" TO \"$app\""
vacuumdb --analyze-only --quiet --dbname="$target"
echo "Restauración lista: base $target"
