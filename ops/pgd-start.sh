#!/usr/bin/env bash
# Starts the application from its extracted form with a class data sharing (CDS) archive: the JVM maps
# the classes a start loads from one file instead of reading and verifying them jar by jar, and the
# node answers about a quarter sooner (BENCHMARKS.md §13). Used by the systemd service and by
# ops/cluster/cluster.sh; ops/README.md, «Arranque», explains it.
#
# The first start of a new packaged jar (or of a new Java) prepares, in PGD_APP_CACHE:
#   app/               the jar extracted by Spring Boot's own tool (java -Djarmode=tools … extract)
#   app/pgd-workflows.jsa   the archive, written by a training run: the application starts with this
#                      node's settings up to the end of its context refresh and stops there (before the
#                      web server listens, the process archive deploys or the job executor runs)
# Later starts only check that both still match (the jar's size, modification time and inode; the JVM
# itself validates the archive against the jars and the Java it was made with). A failed training run
# never stops the start: the application then starts without the archive and the next start tries again.
#
# Settings (environment): PGD_JAR (/opt/pgd-workflows/pgd-workflows.jar), PGD_APP_CACHE ($CACHE_DIRECTORY
# from systemd's CacheDirectory=, else /var/cache/pgd-workflows), PGD_CDS (true; false starts the
# extracted application without the archive), JAVA_OPTS. Arguments are passed to the application.
set -euo pipefail

jar="${PGD_JAR:-/opt/pgd-workflows/pgd-workflows.jar}"
cache="${PGD_APP_CACHE:-${CACHE_DIRECTORY:-/var/cache/pgd-workflows}}"
cds="${PGD_CDS:-true}"
app="$cache/app"
archive="$app/pgd-workflows.jsa"

say() { echo "[pgd-start] $*" >&2; }

[[ -f "$jar" ]] || { say "No se encontró la aplicación empaquetada: $jar (PGD_JAR)"; exit 1; }
[[ "$cds" == true || "$cds" == false ]] || { say "PGD_CDS debe ser true o false, no '$cds'"; exit 1; }
mkdir -p "$cache"

# One start at a time prepares the cache; the lock is released before the application runs.
exec 9>"$cache/.lock"
flock 9

source="$(stat -L -c '%s %Y %i' "$jar") $(realpath "$jar")"
if [[ "$(cat "$app/source" 2>/dev/null || true)" != "$source" ]]; then
  say "Extrayendo $jar en $app"
  rm -rf "$cache/app.new"
  java -Djarmode=tools -jar "$jar" extract --destination "$cache/app.new" \
    --application-filename pgd-workflows.jar >/dev/null
  echo "$source" >"$cache/app.new/source"
  rm -rf "$app"
  mv "$cache/app.new" "$app"
fi

quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)

archive_valid() {
  [[ -f "$archive" ]] && java -Xshare:on -XX:SharedArchiveFile="$archive" "${quiet[@]}" \
    -cp "$app/pgd-workflows.jar" -version >/dev/null 2>&1
}

# The training run: this node's start up to the end of the context refresh, the archive written at exit.
train() {
  rm -f "$archive" "$archive.new"
  say "Preparando el archivo de clases compartidas (una vez por versión; registro: $cache/training.log)"
  # shellcheck disable=SC2086
  if java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$archive.new" "${quiet[@]}" -Dspring.context.exit=onRefresh \
    -jar "$app/pgd-workflows.jar" "$@" >"$cache/training.log" 2>&1 && [[ -f "$archive.new" ]]; then
    mv "$archive.new" "$archive"
  else
    rm -f "$archive.new"
    say "No se pudo preparar el archivo de clases compartidas; se arranca sin él (registro: $cache/training.log)"
    return 1
  fi
}

jvm=()
if [[ "$cds" == true ]] && { archive_valid || { train "$@" && archive_valid; }; }; then
  jvm=(-XX:SharedArchiveFile="$archive" "${quiet[@]}")
fi

exec 9>&-
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} "${jvm[@]}" -jar "$app/pgd-workflows.jar" "$@"
