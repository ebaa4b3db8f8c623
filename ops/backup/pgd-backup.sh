#!/usr/bin/env bash
# Backs up the PGD database with pg_dump (custom format), checks that the archive can be read and
# applies the retention rule. Meant to run nightly (ops/systemd/pgd-backup.timer) while the
# application keeps running: pg_dump reads one consistent snapshot.
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or
# ~/.pgpass); the role needs to read every table (the owner role, or a superuser).
# Settings:
#   PGD_BACKUP_DIR        folder of the archives (required)
#   PGD_BACKUP_KEEP_DAYS  archives older than this many days are deleted (default 35)
#   PGD_BACKUP_KEEP_MIN   ... but the newest this many are always kept (default 7)
# Prints the path of the new archive on its last line. Exits non-zero, keeping every earlier
# archive, when anything fails.
set -euo pipefail

: "${PGD_BACKUP_DIR:?PGD_BACKUP_DIR: falta la carpeta de los respaldos}"
keep_days="${PGD_BACKUP_KEEP_DAYS:-35}"
keep_min="${PGD_BACKUP_KEEP_MIN:-7}"
database="${PGDATABASE:-pgd}"
for number in "$keep_days" "$keep_min"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "PGD_BACKUP_KEEP_DAYS y PGD_BACKUP_KEEP_MIN deben ser números enteros" >&2; exit 2; }
done

mkdir -p "$PGD_BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
archive="$PGD_BACKUP_DIR/pgd-$database-$stamp.dump"
partial="$archive.partial"
trap 'rm -f "$partial"' EXIT

echo "Respaldando la base $database en $archive"
pg_dump --format=custom --compress=6 --dbname="$database" --file="$partial"
# An archive that pg_restore cannot list is not a backup.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$archive"
(cd "$PGD_BACKUP_DIR" && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
echo "Respaldo listo: $(du -h "$archive" | cut -f1)"

# Retention: the newest $keep_min archives stay whatever their age; older ones go after $keep_days days.
mapfile -t archives < <(find "$PGD_BACKUP_DIR" -maxdepth 1 -name "pgd-$database-*.dump" -printf '%T@ %p\n' | sort -rn | cut -d' ' -f2-)
deleted=0
for ((i = keep_min; i < ${#archives[@]}; i++)); do
  old="${archives[$i]}"
  if [[ -n "$(find "$old" -mtime +"$keep_days")" ]]; then
    rm -f "$old" "$old.sha256"
    deleted=$((deleted + 1))
  fi
done
echo "Retención: ${#archives[@]} respaldos antes, $deleted eliminados (más de $keep_days días y fuera de los $keep_min más recientes)"
echo "$archive"
