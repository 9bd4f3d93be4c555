#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) from Maven Central jars: no Docker needed.
#
#   bash infra/kafka/kafka.sh start    fetch jars if needed, format storage once, start, wait until ready
#   bash infra/kafka/kafka.sh stop     SIGTERM, wait up to 30 s, then SIGKILL
#   bash infra/kafka/kafka.sh status   exit 0 if running, 3 if not
#   bash infra/kafka/kafka.sh reset    stop and delete all data (run/data)
#   bash infra/kafka/kafka.sh fetch    only (re)fetch the jars into libs/
#   bash infra/kafka/kafka.sh tool <main-class> [args...]
#                                      run a Kafka CLI tool on the broker's classpath, e.g.
#                                      tool org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
#
# Broker: PLAINTEXT://127.0.0.1:9092 (controller on 127.0.0.1:9093).
# Env: JAVA_HOME (Java 17+), KAFKA_HEAP_OPTS (default "-Xms256m -Xmx512m"),
#      KAFKA_START_TIMEOUT (seconds, default 90), KAFKA_STOP_TIMEOUT (seconds, default 30).
set -euo pipefail

KAFKA_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
LIBS_DIR="$KAFKA_DIR/libs"
RUN_DIR="$KAFKA_DIR/run"
DATA_DIR="$RUN_DIR/data"
POM="$KAFKA_DIR/pom.xml"
TEMPLATE="$KAFKA_DIR/server.properties"
CONFIG="$RUN_DIR/server.properties"
LOG4J_CONFIG="$KAFKA_DIR/log4j2.xml"
LOG_FILE="$RUN_DIR/kafka.log"
PID_FILE="$RUN_DIR/kafka.pid"
STAMP_FILE="$LIBS_DIR/.pom.sha256"

HOST=127.0.0.1
PORT=9092
BOOTSTRAP="$HOST:$PORT"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi

log() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

# ---------------------------------------------------------------- jars

pom_sha() { sha256sum "$POM" | cut -d' ' -f1; }

jars_ok() { [[ -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$(pom_sha)" ]] && compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null; }

fetch_jars() {
  command -v mvn >/dev/null || die "mvn not found: Maven is needed to fetch the Kafka jars"
  log "fetching Kafka jars from Maven Central into $LIBS_DIR (cached in ~/.m2 after the first run)..."
  local t0; t0=$(now)
  rm -rf "$LIBS_DIR"    # a clean folder: no stale jars of another version on the classpath
  local out
  out=$(mvn -q -B -ntp -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DoutputDirectory="$LIBS_DIR" 2>&1) \
    || { printf '%s\n' "$out" >&2; die "mvn dependency:copy-dependencies failed (is Maven Central reachable?)"; }
  pom_sha >"$STAMP_FILE"
  log "jars ready: $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars in $(( $(now) - t0 )) s"
}

ensure_jars() { jars_ok || fetch_jars; }

check_java() {
  command -v "$JAVA" >/dev/null || die "java not found (Java 17+ needed; set JAVA_HOME)"
  local v
  v=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2; exit}')
  [[ "${v%%.*}" =~ ^[0-9]+$ && "${v%%.*}" -ge 17 ]] || die "Java 17+ needed, found '${v:-unknown}' ($JAVA)"
}

# JVM options for short-lived CLI tools (fast start-up, quiet logging to stderr).
TOOL_OPTS=(-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true
           "-Dlog4j2.configurationFile=$LOG4J_CONFIG" -Dlog4j2.shutdownHookEnabled=false -Dkafka.root.level=WARN)

# Run a Java main class on the Kafka classpath.
run_class() { "$JAVA" "${TOOL_OPTS[@]}" -cp "$LIBS_DIR/*" "$@"; }

# ---------------------------------------------------------------- process state

# PID of our broker if it is alive, else nothing (and a stale pid file is removed).
broker_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  local pid state
  pid=$(tr -dc '0-9' <"$PID_FILE")
  if [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'kafka\.Kafka'; then
    state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || echo X)
    if [[ "$state" != "Z" && "$state" != "X" ]]; then echo "$pid"; return 0; fi
  fi
  rm -f "$PID_FILE"
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

alive() {
  local state
  [[ -d "/proc/$1" ]] || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || echo X)
  [[ "$state" != "Z" && "$state" != "X" ]]
}

log_tail() {
  echo "----- last 60 lines of $LOG_FILE -----" >&2
  tail -n 60 "$LOG_FILE" >&2 2>/dev/null || true
  echo "--------------------------------------" >&2
}

# ---------------------------------------------------------------- storage

render_config() {
  mkdir -p "$RUN_DIR"
  sed "s|@KAFKA_RUN_DIR@|$RUN_DIR|g" "$TEMPLATE" >"$CONFIG.tmp"
  mv "$CONFIG.tmp" "$CONFIG"
}

format_storage() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then return 0; fi
  local cluster_id
  cluster_id=$(run_class kafka.tools.StorageTool random-uuid | tail -n 1 | tr -d '[:space:]')
  [[ -n "$cluster_id" ]] || die "could not generate a cluster id"
  log "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  mkdir -p "$DATA_DIR"
  local out
  out=$(run_class kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG" --ignore-formatted 2>&1) \
    || { printf '%s\n' "$out" >&2; die "kafka.tools.StorageTool format failed"; }
}

# ---------------------------------------------------------------- commands

cmd_start() {
  local pid t0
  pid=$(broker_pid)
  if [[ -n "$pid" ]]; then log "already running (pid $pid) on $BOOTSTRAP"; return 0; fi
  if port_open "$PORT" || port_open 9093; then
    die "port $PORT or 9093 on $HOST is already in use by another process (not this broker)"
  fi
  t0=$(now)
  check_java
  ensure_jars
  render_config
  format_storage

  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  log "starting broker (heap: $HEAP_OPTS), log: $LOG_FILE"
  # setsid: own session, so the broker outlives this script and CI step shells, with no TTY.
  # The inner shell writes its own pid and then execs java, so the pid file is the JVM's pid.
  KAFKA_JAVA="$JAVA" KAFKA_HEAP="$HEAP_OPTS" KAFKA_LIBS="$LIBS_DIR" KAFKA_LOG4J="$LOG4J_CONFIG" \
  KAFKA_CONFIG="$CONFIG" KAFKA_PID_FILE="$PID_FILE" \
  setsid bash -c 'echo $$ >"$KAFKA_PID_FILE"; exec "$KAFKA_JAVA" $KAFKA_HEAP \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Dlog4j2.shutdownHookEnabled=false -Dkafka.root.level=INFO \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG"' \
    </dev/null >>"$LOG_FILE" 2>&1 &

  # Wait for the pid file, then: port open -> "Kafka Server started" logged -> metadata answered.
  local deadline=$(( t0 + START_TIMEOUT )) stage=port
  pid=""
  while (( $(now) < deadline )); do
    [[ -z "$pid" && -s "$PID_FILE" ]] && pid=$(tr -dc '0-9' <"$PID_FILE")
    if [[ -n "$pid" ]] && ! alive "$pid"; then
      rm -f "$PID_FILE"; log_tail; die "broker exited during startup"
    fi
    case $stage in
      port)    if [[ -n "$pid" ]] && port_open "$PORT"; then stage=started; continue; fi ;;
      started) if grep -q 'Kafka Server started' "$LOG_FILE" 2>/dev/null; then stage=metadata; continue; fi ;;
      metadata)
        if timeout 30 "$JAVA" "${TOOL_OPTS[@]}" -cp "$LIBS_DIR/*" \
             org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; then
          log "ready on $BOOTSTRAP (pid $pid) after $(( $(now) - t0 )) s"
          return 0
        fi ;;
    esac
    sleep 0.5
  done
  log_tail
  if [[ -n "$pid" ]] && alive "$pid"; then
    log "broker still running (pid $pid) but not ready (stuck at: $stage); stopping it" >&2
    cmd_stop >&2
  fi
  die "broker not ready within ${START_TIMEOUT} s (stuck at: $stage)"
}

cmd_stop() {
  local pid waited=0
  pid=$(broker_pid)
  if [[ -z "$pid" ]]; then log "not running"; return 0; fi
  log "stopping broker (pid $pid)..."
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && (( waited < STOP_TIMEOUT * 2 )); do sleep 0.5; waited=$(( waited + 1 )); done
  if alive "$pid"; then
    log "still running after ${STOP_TIMEOUT} s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do alive "$pid" || break; sleep 0.25; done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  local pid
  pid=$(broker_pid)
  if [[ -n "$pid" ]]; then
    if port_open "$PORT"; then log "running (pid $pid) on $BOOTSTRAP"; else log "running (pid $pid), port $PORT not open yet"; fi
    log "data: $DATA_DIR, log: $LOG_FILE"
    return 0
  fi
  log "stopped"
  return 3
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA_DIR" "$CONFIG"
  log "data deleted ($DATA_DIR); next start formats fresh storage"
}

cmd_tool() {
  [[ $# -ge 1 ]] || die "usage: kafka.sh tool <main-class> [args...]"
  check_java
  ensure_jars
  run_class "$@"
}

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  reset)  cmd_reset ;;
  fetch)  check_java; fetch_jars ;;
  tool)   shift; cmd_tool "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
