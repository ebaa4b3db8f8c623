#!/usr/bin/env bash
# A two-node PGD cluster on loopback ports: PostgreSQL, two application nodes and nginx in front,
# each started in the background with its own pid file under PGD_CLUSTER_DIR and stopped by it.
#
#   ops/cluster/cluster.sh start | stop | status
#   ops/cluster/cluster.sh kill-node N | start-node N | stop-node N   (N = 1 or 2; kill = SIGKILL)
#   ops/cluster/cluster.sh stop-db | start-db
#   ops/cluster/cluster.sh psql [psql arguments]   (as the PostgreSQL superuser, on the pgd database)
#
# Needs: the packaged application (mvn -B package), Debian's postgresql and nginx packages, curl.
# Nodes start as the systemd service starts them (ops/pgd-start.sh), sharing one extraction of the jar
# and one class data sharing archive in PGD_CLUSTER_DIR/app-cache, made by the first start.
# Settings (environment): PGD_CLUSTER_DIR (target/cluster), PGD_JAR (newest target/pgd-workflows-*.jar),
# PGD_PG_BIN (newest /usr/lib/postgresql/*/bin), PGD_CLUSTER_PG_PORT (15432), PGD_CLUSTER_NODE1_PORT
# (18081), PGD_CLUSTER_NODE2_PORT (18082), PGD_CLUSTER_PROXY_PORT (18080), PGD_ADMIN_USER (admin),
# PGD_ADMIN_PASSWORD (Cluster-local-2026), JAVA_OPTS (see ops/README.md). Every other PGD_* or
# SPRING_MAIL_* variable set when calling it reaches both nodes.
set -euo pipefail

ops="$(cd "$(dirname "$0")/.." && pwd)"
project="$(dirname "$ops")"
dir="$(mkdir -p "${PGD_CLUSTER_DIR:-$project/target/cluster}" && cd "${PGD_CLUSTER_DIR:-$project/target/cluster}" && pwd)"
pg_port="${PGD_CLUSTER_PG_PORT:-15432}"
proxy_port="${PGD_CLUSTER_PROXY_PORT:-18080}"
node_ports=("" "${PGD_CLUSTER_NODE1_PORT:-18081}" "${PGD_CLUSTER_NODE2_PORT:-18082}")
# The newest PostgreSQL installed by Debian's packages, unless PGD_PG_BIN names one.
newest_pg_bin() {
  local candidate
  for candidate in /usr/lib/postgresql/*/bin; do
    [[ -d "$candidate" ]] && printf '%s\n' "$candidate"
  done | sort -V | tail -1
}
pg_bin="${PGD_PG_BIN:-$(newest_pg_bin)}"
database=pgd
owner=pgd_owner
app=pgd_app
# Local, loopback-only passwords of this throw-away cluster.
owner_password=Propietario-local-2026
app_password=Aplicacion-local-2026
export PGD_ADMIN_USER="${PGD_ADMIN_USER:-admin}"
export PGD_ADMIN_PASSWORD="${PGD_ADMIN_PASSWORD:-Cluster-local-2026}"
java_opts="${JAVA_OPTS:--Xms512m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError}"

log() { echo "[cluster] $*"; }
fail() { echo "[cluster] $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

wait_for() { # description, seconds, command...
  local what="$1" seconds="$2"
  shift 2
  for ((i = 0; i < seconds * 2; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  fail "$what: sin respuesta tras $seconds s"
}

start_db() {
  [[ -x "$pg_bin/pg_ctl" ]] || fail "No se encontró PostgreSQL (pg_ctl) en '$pg_bin': apt-get install postgresql, o PGD_PG_BIN"
  local data="$dir/pg-data"
  if [[ ! -d "$data" ]]; then
    log "Creando el clúster de PostgreSQL en $data"
    mkdir -p "$data" "$dir/pg-run"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$data" "$dir/pg-run"
    as_postgres "$pg_bin/initdb" --pgdata="$data" --username=postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_postgres "$pg_bin/pg_ctl" status --pgdata="$data" >/dev/null 2>&1; then
    log "PostgreSQL ya está en marcha"
  else
    log "Iniciando PostgreSQL en 127.0.0.1:$pg_port"
    as_postgres "$pg_bin/pg_ctl" start --pgdata="$data" --wait --silent --log="$data/postgresql.log" \
      -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/pg-run -c max_connections=100"
  fi
  if [[ -z "$(psql_super --dbname=postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]]; then
    log "Creando la base $database y los roles $owner y $app (ops/postgres/create-database.sql)"
    psql_super --dbname=postgres --quiet -v db="$database" -v owner="$owner" -v app="$app" \
      -v owner_password="$owner_password" -v app_password="$app_password" -f "$ops/postgres/create-database.sql"
  fi
}

psql_super() { as_postgres psql --host="$dir/pg-run" --port="$pg_port" --username=postgres "$@"; }

stop_db() {
  if as_postgres "$pg_bin/pg_ctl" status --pgdata="$dir/pg-data" >/dev/null 2>&1; then
    log "Deteniendo PostgreSQL"
    as_postgres "$pg_bin/pg_ctl" stop --pgdata="$dir/pg-data" --mode=fast --wait --silent
  fi
}

jar() {
  local jar="${PGD_JAR:-}" candidate
  if [[ -z "$jar" ]]; then
    # The most recently packaged one.
    for candidate in "$project"/target/pgd-workflows-*.jar; do
      [[ -f "$candidate" ]] || continue
      [[ -z "$jar" || "$candidate" -nt "$jar" ]] && jar="$candidate"
    done
  fi
  [[ -f "$jar" ]] || fail "No se encontró la aplicación empaquetada: mvn -B package, o PGD_JAR"
  echo "$jar"
}

start_node() {
  local n="$1" port="${node_ports[$1]}" pidfile="$dir/node$1.pid"
  if pid_alive "$pidfile"; then log "El nodo $n ya está en marcha"; return; fi
  log "Iniciando el nodo $n en 127.0.0.1:$port"
  # Node 1 brings the schema up to date (Liquibase, as the owner); node 2 skips Liquibase's checks and
  # starts sooner, the engine still refusing a schema that is not its version (ops/README.md).
  local schema=(PGD_DB_MIGRATION_USER="$owner" PGD_DB_MIGRATION_PASSWORD="$owner_password")
  [[ "$n" == 1 ]] || schema=(PGD_DB_MIGRATE=false)
  env PGD_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/$database" PGD_DB_USER="$app" PGD_DB_PASSWORD="$app_password" \
    "${schema[@]}" PGD_PORT="$port" PGD_NODE_NAME="node$n" SERVER_ADDRESS=127.0.0.1 \
    PGD_JAR="$(jar)" PGD_APP_CACHE="$dir/app-cache" JAVA_OPTS="$java_opts" \
    nohup "$ops/pgd-start.sh" >"$dir/node$n.log" 2>&1 &
  echo $! >"$pidfile"
  wait_for "Nodo $n (registro: $dir/node$n.log)" 240 node_ready "$n"
  log "Nodo $n listo (pid $(cat "$pidfile"))"
}

node_ready() {
  pid_alive "$dir/node$1.pid" || fail "El nodo $1 terminó al iniciar; registro: $dir/node$1.log"
  curl -fsS "http://127.0.0.1:${node_ports[$1]}/actuator/health" | grep -q '"status":"UP"'
}

stop_node() { # n, signal
  local pidfile="$dir/node$1.pid"
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; return; fi
  local pid; pid="$(cat "$pidfile")"
  log "Nodo $1: señal $2 al pid $pid"
  kill "-$2" "$pid"
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "Nodo $1 sigue vivo tras 30 s: SIGKILL"
    kill -KILL "$pid"
  fi
  rm -f "$pidfile"
}

start_proxy() {
  command -v nginx >/dev/null || fail "Falta nginx: apt-get install nginx-light"
  if pid_alive "$dir/nginx.pid"; then log "nginx ya está en marcha"; return; fi
  mkdir -p "$dir/nginx-tmp"
  sed -e "s|@DIR@|$dir|g" -e "s|@OPS@|$ops|g" -e "s|@PROXY_PORT@|$proxy_port|g" \
    -e "s|@NODE1_PORT@|${node_ports[1]}|g" -e "s|@NODE2_PORT@|${node_ports[2]}|g" \
    "$ops/nginx/pgd-cluster.conf.template" >"$dir/nginx.conf"
  log "Iniciando nginx en 127.0.0.1:$proxy_port"
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log"
  wait_for "nginx" 20 curl -fsS "http://127.0.0.1:$proxy_port/actuator/health"
}

stop_proxy() {
  if pid_alive "$dir/nginx.pid"; then
    log "Deteniendo nginx"
    kill -QUIT "$(cat "$dir/nginx.pid")"
    for ((i = 0; i < 20 && ${#dir} > 0; i++)); do pid_alive "$dir/nginx.pid" || break; sleep 0.5; done
  fi
}

status() {
  if as_postgres "$pg_bin/pg_ctl" status --pgdata="$dir/pg-data" >/dev/null 2>&1; then
    echo "PostgreSQL: en marcha (127.0.0.1:$pg_port)"; else echo "PostgreSQL: detenido"; fi
  for n in 1 2; do
    if pid_alive "$dir/node$n.pid"; then echo "nodo $n: en marcha (pid $(cat "$dir/node$n.pid"), 127.0.0.1:${node_ports[$n]})"
    else echo "nodo $n: detenido"; fi
  done
  if pid_alive "$dir/nginx.pid"; then echo "nginx: en marcha (http://127.0.0.1:$proxy_port)"; else echo "nginx: detenido"; fi
}

node_number() { [[ "${1:-}" == 1 || "${1:-}" == 2 ]] || fail "Indique el nodo: 1 o 2"; }

case "${1:-}" in
  start)
    start_db
    # One after the other: on an empty database the first node creates the schema and the groups.
    start_node 1
    start_node 2
    start_proxy
    log "Listo: http://127.0.0.1:$proxy_port (administración: $PGD_ADMIN_USER)"
    ;;
  stop)
    stop_proxy
    stop_node 2 TERM
    stop_node 1 TERM
    stop_db
    ;;
  status) status ;;
  start-node) node_number "${2:-}"; start_node "$2" ;;
  stop-node) node_number "${2:-}"; stop_node "$2" TERM ;;
  kill-node) node_number "${2:-}"; stop_node "$2" KILL ;;
  start-db) start_db ;;
  stop-db) stop_db ;;
  psql) shift; psql_super --dbname="$database" "$@" ;;
  *) echo "Uso: $0 start|stop|status|start-node N|stop-node N|kill-node N|start-db|stop-db|psql …" >&2; exit 2 ;;
esac
