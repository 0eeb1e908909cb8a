#!/usr/bin/env bash
# deploy/local/stack.sh: a real local Kafka + Elasticsearch, without Docker.
#
#   Kafka          one KRaft node (broker+controller), PLAINTEXT 127.0.0.1:9092,
#                  controller 127.0.0.1:9093; jars from Maven Central
#                  (org.apache.kafka:kafka_2.13 + kafka-tools) fetched with mvn.
#   Elasticsearch  one node, HTTP 127.0.0.1:9200, security off; the
#                  integ-test-zip distribution from Maven Central, run on a
#                  system JDK under a dedicated user (ES refuses to run as root).
#
# Downloads land in ~/.m2 once (shared by every clone) and are unpacked into
# $WARWIRE_STACK_DIR/cache; data, logs and pid files live under
# $WARWIRE_STACK_DIR (default: <repo>/.stack, git-ignored).
#
# Run `deploy/local/stack.sh help` for the subcommands.
set -euo pipefail
umask 022   # Elasticsearch's user must be able to read what we unpack

# ---------------------------------------------------------------- settings --

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHIM_SRC="$REPO_ROOT/deploy/local/es-shim/WarwireShimPlugin.java"

STACK_DIR="${WARWIRE_STACK_DIR:-$REPO_ROOT/.stack}"
CACHE_DIR="$STACK_DIR/cache"

KAFKA_VERSION="${WARWIRE_KAFKA_VERSION:-3.9.2}"
ES_VERSION="${WARWIRE_ES_VERSION:-8.19.21}"
# Pinned so that every Maven install behaves the same (Maven 3.8's default is 2.8).
MVN_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
ES_HOST=127.0.0.1
ES_PORT=9200
ES_TRANSPORT_PORT=9300

KAFKA_HEAP="${WARWIRE_KAFKA_HEAP:-1g}"
ES_HEAP="${WARWIRE_ES_HEAP:-1g}"
# Seconds to wait for a service to become ready / to stop before SIGKILL.
READY_TIMEOUT="${WARWIRE_STACK_TIMEOUT:-180}"
STOP_TIMEOUT="${WARWIRE_STACK_STOP_TIMEOUT:-60}"

# Elasticsearch will not run as root: when we are root, it runs as this user.
ES_USER="${WARWIRE_ES_USER:-warwire-es}"

KAFKA_DIR="$STACK_DIR/kafka"
KAFKA_LIBS="$CACHE_DIR/kafka-$KAFKA_VERSION/libs"
KAFKA_PID="$KAFKA_DIR/kafka.pid"
KAFKA_LOG="$KAFKA_DIR/logs/server.log"

# world_searchable DIR: every existing folder from DIR up to / lets others
# through (o+x), so that Elasticsearch's user can reach DIR.
world_searchable() {
  local d="$1"
  while :; do
    if [[ -d "$d" && "$(stat -c %A "$d")" != d????????[xt]* ]]; then
      return 1
    fi
    [[ "$d" == / ]] && return 0
    d="$(dirname "$d")"
  done
}

# Elasticsearch's files (unpacked distribution, config, data, logs). When we
# are root, ES runs as $ES_USER, which must reach them: if a parent of
# $STACK_DIR is closed to others (a clone under /root, say), they go to a
# folder of their own under /var/tmp instead.
ES_ROOT="$STACK_DIR"
if (( EUID == 0 )) && ! world_searchable "$STACK_DIR"; then
  ES_ROOT="/var/tmp/warwire-stack-$(printf '%s' "$STACK_DIR" | sha1sum | cut -c1-12)"
fi
ES_HOME="$ES_ROOT/cache/elasticsearch-$ES_VERSION"
ES_DIR="$ES_ROOT/es"
ES_PID="$ES_DIR/es.pid"
ES_LOG="$ES_DIR/logs/warwire-local.log"

# ----------------------------------------------------------------- helpers --

log() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# pick_java prints a JAVA_HOME with Java >= 17. WARWIRE_STACK_JAVA_HOME wins;
# otherwise Debian's OpenJDK 17, then any JDK in /usr/lib/jvm, then PATH.
pick_java() {
  local cand
  for cand in "${WARWIRE_STACK_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 \
      /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/java-21-openjdk-* \
      /usr/lib/jvm/temurin-21-* /usr/lib/jvm/temurin-25-*; do
    if [[ -n "$cand" && -x "$cand/bin/java" ]]; then
      printf '%s\n' "$cand"
      return 0
    fi
  done
  if command -v java >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
    return 0
  fi
  die "no JDK found (install openjdk-17-jdk-headless or set WARWIRE_STACK_JAVA_HOME)"
}
JAVA_HOME_STACK="$(pick_java)"
JAVA="$JAVA_HOME_STACK/bin/java"

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# pid_alive PIDFILE PATTERN: prints the pid when the pid file names a live
# process whose command line contains PATTERN (guards against reused pids).
pid_alive() {
  local pidfile="$1" pattern="$2" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(tr -dc '0-9' <"$pidfile")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -F -- "$pattern" >/dev/null || return 1
  printf '%s\n' "$pid"
}

# find_by_cmdline PATTERN: pids whose command line contains PATTERN. PATTERN
# is always a path inside $STACK_DIR, so this only finds our own processes
# (used when a pid file went missing).
find_by_cmdline() {
  local pattern="$1" f pid
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    [[ "$pid" == "$$" ]] && continue
    if tr '\0' ' ' <"$f" 2>/dev/null | grep -F -- "$pattern" >/dev/null; then
      printf '%s\n' "$pid"
    fi
  done
}

# stop_pids NAME PID...: SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL.
stop_pids() {
  local name="$1"; shift
  local pid deadline
  [[ $# -gt 0 ]] || return 0
  log "stopping $name (pid $*)"
  kill -TERM "$@" 2>/dev/null || true
  kill -CONT "$@" 2>/dev/null || true   # in case it was paused
  deadline=$((SECONDS + STOP_TIMEOUT))
  while (( SECONDS < deadline )); do
    local alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    (( alive )) || { log "$name stopped"; return 0; }
    sleep 0.5
  done
  log "$name did not stop within ${STOP_TIMEOUT}s: SIGKILL"
  kill -KILL "$@" 2>/dev/null || true
  sleep 1
}

# show_logs NAME FILE...: tail of each log, for failures.
show_logs() {
  local name="$1" f; shift
  for f in "$@"; do
    [[ -f "$f" ]] || continue
    printf '\n----- last 40 lines of %s -----\n' "$f" >&2
    tail -n 40 "$f" >&2
  done
  printf '\n[stack] %s logs: %s\n' "$name" "$*" >&2
}

# with_lock: serialise stack changes across concurrent callers (two `make
# test` at once, a test restarting the broker while `status` runs...).
# The services are started with fd 9 closed, or they would hold the lock.
with_lock() {
  mkdir -p "$STACK_DIR"
  exec 9>"$STACK_DIR/.lock"
  flock -w 600 9 || die "could not lock $STACK_DIR/.lock"
}

# mvn_fetch DIR: run the copy-dependencies goal on DIR/pom.xml, offline first
# (everything may already be in ~/.m2), then online.
mvn_fetch() {
  local dir="$1" out="$2"; shift 2
  command -v mvn >/dev/null 2>&1 || die "mvn not found (apt-get install -y maven)"
  local args=(-B -ntp -q -f "$dir/pom.xml" "$MVN_DEP_PLUGIN:copy-dependencies"
              -DoutputDirectory="$out" "$@")
  if JAVA_HOME="$JAVA_HOME_STACK" mvn -o "${args[@]}" >"$dir/mvn.log" 2>&1; then
    return 0
  fi
  log "downloading from Maven Central (once; cached in ~/.m2) ..."
  JAVA_HOME="$JAVA_HOME_STACK" mvn "${args[@]}" >"$dir/mvn.log" 2>&1 || {
    tail -n 30 "$dir/mvn.log" >&2
    die "mvn failed; full log: $dir/mvn.log"
  }
}

# ------------------------------------------------------------------- fetch --

fetch_kafka() {
  [[ -f "$KAFKA_LIBS/.complete" ]] && return 0
  local dir="$CACHE_DIR/kafka-$KAFKA_VERSION"
  log "fetching Kafka $KAFKA_VERSION jars"
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$dir"
  # kafka_2.13 is the broker; kafka-tools brings the CLI classes
  # (TopicCommand, ConsumerGroupCommand). connect-runtime is only needed by
  # the Connect plugin tool and drags in Jetty/Jersey, so it is left out.
  cat >"$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.warwire</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka-tools</artifactId>
      <version>$KAFKA_VERSION</version>
      <exclusions>
        <exclusion>
          <groupId>org.apache.kafka</groupId>
          <artifactId>connect-runtime</artifactId>
        </exclusion>
      </exclusions>
    </dependency>
  </dependencies>
</project>
EOF
  mvn_fetch "$dir" "$KAFKA_LIBS" -DincludeScope=runtime
  [[ -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]] || die "Kafka jar missing after mvn"
  touch "$KAFKA_LIBS/.complete"
}

fetch_es() {
  [[ -f "$ES_HOME/.complete" ]] && return 0
  local dir="$ES_ROOT/cache/es-$ES_VERSION-zip"
  log "fetching Elasticsearch $ES_VERSION (integ-test-zip)"
  mkdir -p "$dir"
  cat >"$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.warwire</groupId>
  <artifactId>es-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.elasticsearch.distribution.integ-test-zip</groupId>
      <artifactId>elasticsearch</artifactId>
      <version>$ES_VERSION</version>
      <type>zip</type>
    </dependency>
  </dependencies>
</project>
EOF
  mvn_fetch "$dir" "$dir/zip" -DexcludeTransitive=true
  local zip="$dir/zip/elasticsearch-$ES_VERSION.zip"
  [[ -f "$zip" ]] || die "Elasticsearch zip missing after mvn"
  command -v unzip >/dev/null 2>&1 || die "unzip not found (apt-get install -y unzip)"
  rm -rf "$ES_HOME" "$dir/unpack"
  unzip -q "$zip" -d "$dir/unpack"
  mv "$dir/unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$dir/unpack" "$dir/zip"   # the zip stays in ~/.m2
  touch "$ES_HOME/.complete"
}

# build_es_shim: the integ-test-zip lacks the rest-root and analysis-common
# modules, so `GET /` answers 405 and the asciifolding token filter (used by
# schemas/index-template.json) is unknown. deploy/local/es-shim provides both:
# compile it against the distribution's jars and install it as a plugin.
# Rebuilt whenever the source changes (the stamp holds its checksum).
build_es_shim() {
  local javac="$JAVA_HOME_STACK/bin/javac" build="$ES_ROOT/cache/es-shim-build"
  local plugin="$ES_HOME/plugins/warwire-shim" sum
  sum="$(sha256sum "$SHIM_SRC" | cut -d' ' -f1)"
  [[ -f "$plugin/.stamp" && "$(cat "$plugin/.stamp")" == "$sum" ]] && return 0
  [[ -x "$javac" ]] || die "no javac in $JAVA_HOME_STACK (apt-get install -y openjdk-17-jdk-headless): needed for $SHIM_SRC"
  log "building the Elasticsearch shim plugin ($SHIM_SRC)"
  rm -rf "$build" "$plugin"
  mkdir -p "$build/classes" "$plugin"
  "$javac" --release 17 -proc:none -nowarn -cp "$ES_HOME/lib/*" -d "$build/classes" "$SHIM_SRC"
  "$JAVA_HOME_STACK/bin/jar" --create --file "$plugin/warwire-shim.jar" -C "$build/classes" .
  cat >"$plugin/plugin-descriptor.properties" <<EOF
description=GET / and the asciifolding filter (the integ-test-zip lacks rest-root and analysis-common)
version=1.0.0
name=warwire-shim
classname=warwire.esshim.WarwireShimPlugin
java.version=17
elasticsearch.version=$ES_VERSION
EOF
  printf '%s\n' "$sum" >"$plugin/.stamp"
  rm -rf "$build"
}

# ------------------------------------------------------------------- kafka --

kafka_tool() {
  # kafka_tool MAIN-CLASS ARGS...: run a Kafka CLI class on the broker's classpath.
  "$JAVA" -Xmx256m -Dlog4j.configuration="file:$KAFKA_DIR/config/tools-log4j.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

# kafka_tools_config: log4j config for the CLI tools (warnings to stderr).
kafka_tools_config() {
  mkdir -p "$KAFKA_DIR/config"
  cat >"$KAFKA_DIR/config/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

kafka_configure() {
  mkdir -p "$KAFKA_DIR/config" "$KAFKA_DIR/data" "$KAFKA_DIR/logs"
  kafka_tools_config
  cat >"$KAFKA_DIR/config/server.properties" <<EOF
# Generated by deploy/local/stack.sh: single-node KRaft (broker+controller).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
auto.create.topics.enable=true
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$KAFKA_DIR/config/log4j.properties" <<'EOF'
# Broker logging (Kafka 3.x: log4j 1 API via reload4j). Everything goes to
# ${kafka.logs.dir}/server.log; the request logger is noisy, keep it at WARN.
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.MaxFileSize=50MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.org.apache.kafka.raft=WARN
log4j.logger.kafka.log.LogCleaner=WARN
EOF
}

# kafka_format: format the log dir once; a restart reuses it as it is.
kafka_format() {
  [[ -f "$KAFKA_DIR/data/meta.properties" ]] && return 0
  local cid
  cid="$(kafka_tool kafka.tools.StorageTool random-uuid)"
  log "formatting Kafka log dir (cluster id $cid)"
  kafka_tool kafka.tools.StorageTool format -t "$cid" \
    -c "$KAFKA_DIR/config/server.properties" >"$KAFKA_DIR/logs/format.log" 2>&1 || {
    cat "$KAFKA_DIR/logs/format.log" >&2
    die "Kafka storage format failed"
  }
  printf '%s\n' "$cid" >"$KAFKA_DIR/cluster.id"
}

kafka_running_pid() { pid_alive "$KAFKA_PID" "$KAFKA_DIR/config/server.properties"; }

# kafka_metadata_ok: a real Metadata request (kcat when installed, otherwise
# Kafka's own BrokerApiVersionsCommand, which bootstraps through Metadata).
kafka_metadata_ok() {
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || return 1
  if command -v kcat >/dev/null 2>&1; then
    kcat -L -b "$KAFKA_HOST:$KAFKA_PORT" -m 5 2>/dev/null | grep 'broker .* at ' >/dev/null
  else
    timeout 30 "$JAVA" -Xmx128m -Dlog4j.configuration="file:$KAFKA_DIR/config/tools-log4j.properties" \
      -cp "$KAFKA_LIBS/*" kafka.admin.BrokerApiVersionsCommand \
      --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" 2>/dev/null | grep '(id: ' >/dev/null
  fi
}

kafka_wait() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  while (( SECONDS < deadline )); do
    if kafka_metadata_ok; then
      log "Kafka ready on $KAFKA_HOST:$KAFKA_PORT"
      return 0
    fi
    if [[ -s "$KAFKA_PID" ]] && ! kafka_running_pid >/dev/null; then
      show_logs Kafka "$KAFKA_DIR/logs/stdout.log" "$KAFKA_LOG"
      die "Kafka exited during startup"
    fi
    sleep 1
  done
  show_logs Kafka "$KAFKA_DIR/logs/stdout.log" "$KAFKA_LOG"
  die "Kafka did not answer a metadata request within ${READY_TIMEOUT}s"
}

# kafka_launch: start the broker in the background (no waiting).
# Returns 1 when nothing was launched because Kafka is already there.
kafka_launch() {
  local pid
  if pid="$(kafka_running_pid)"; then
    log "Kafka already running (pid $pid)"
    return 1
  fi
  rm -f "$KAFKA_PID"   # stale: its process is gone
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    log "something already answers on $KAFKA_HOST:$KAFKA_PORT (not started by this stack): using it"
    return 1
  fi
  fetch_kafka
  kafka_configure
  kafka_format
  : >"$KAFKA_DIR/logs/stdout.log"
  log "starting Kafka $KAFKA_VERSION (logs: $KAFKA_LOG)"
  # setsid: own session, so ^C / job control in the caller's terminal does not
  # reach the broker; only `stack.sh down|kafka-stop` stops it.
  setsid nohup "$JAVA" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent \
    -Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_DIR/logs" \
    -Dlog4j.configuration="file:$KAFKA_DIR/config/log4j.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/config/server.properties" \
    >>"$KAFKA_DIR/logs/stdout.log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$KAFKA_PID"
}

kafka_start() {
  kafka_launch || true
  kafka_wait
}

kafka_stop() {
  local pids
  if pids="$(kafka_running_pid)"; then :; else
    pids="$(find_by_cmdline "$KAFKA_DIR/config/server.properties" | tr '\n' ' ')"
  fi
  # shellcheck disable=SC2086 # pids is a list of numbers
  if [[ -n "${pids// /}" ]]; then stop_pids Kafka $pids; else log "Kafka not running (from this stack)"; fi
  rm -f "$KAFKA_PID"
}

# ------------------------------------------------------------ elasticsearch --

# es_run CMD...: run CMD as the Elasticsearch user (ourselves unless root).
es_run() {
  if (( EUID == 0 )); then
    runuser -u "$ES_USER" -- "$@"
  else
    "$@"
  fi
}

es_user_setup() {
  (( EUID == 0 )) || return 0
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    log "creating system user $ES_USER (Elasticsearch refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$ES_USER"
  fi
  if ! runuser -u "$ES_USER" -- test -r "$ES_HOME/lib/elasticsearch-$ES_VERSION.jar"; then
    die "user $ES_USER cannot read $ES_HOME; set WARWIRE_STACK_DIR to a folder under /var/tmp"
  fi
}

es_configure() {
  mkdir -p "$ES_DIR/config" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  # Start from the distribution's config (jvm.options, log4j2.properties...),
  # then replace elasticsearch.yml. Settings must be known to the modules in
  # this minimal distribution, or the node refuses to start: there is no
  # ingest-geoip and no ML here, so their settings are left out.
  cp -r "$ES_HOME/config/." "$ES_DIR/config/"
  cat >"$ES_DIR/config/elasticsearch.yml" <<EOF
# Generated by deploy/local/stack.sh: one throwaway local node.
cluster.name: warwire-local
node.name: warwire-es
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
network.host: $ES_HOST
http.port: $ES_PORT
transport.port: $ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  cat >"$ES_DIR/config/jvm.options.d/warwire.options" <<EOF
-Xms$ES_HEAP
-Xmx$ES_HEAP
EOF
  if (( EUID == 0 )); then chown -R "$ES_USER:" "$ES_DIR"; fi
}

es_running_pid() { pid_alive "$ES_PID" "$ES_HOME"; }

# es_health_ok: the cluster answers with status yellow or green.
es_health_ok() {
  curl -fsS --max-time 15 \
    "http://$ES_HOST:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=10s" 2>/dev/null |
    grep -Eq '"status":"(yellow|green)"'
}

es_wait() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  while (( SECONDS < deadline )); do
    if es_health_ok; then
      log "Elasticsearch ready on http://$ES_HOST:$ES_PORT"
      return 0
    fi
    sleep 1
  done
  show_logs Elasticsearch "$ES_DIR/logs/startup.log" "$ES_LOG"
  die "Elasticsearch not yellow/green within ${READY_TIMEOUT}s"
}

# es_launch: start the node. `elasticsearch -d` returns once the node has
# started (or failed); the server JVM writes its own pid file.
es_launch() {
  local pid
  if pid="$(es_running_pid)"; then
    log "Elasticsearch already running (pid $pid)"
    return 0
  fi
  if port_open "$ES_HOST" "$ES_PORT"; then
    log "something already answers on $ES_HOST:$ES_PORT (not started by this stack): using it"
    return 0
  fi
  fetch_es
  build_es_shim
  es_user_setup
  es_configure
  rm -f "$ES_PID"
  local who; who="$(id -un)"; (( EUID == 0 )) && who="$ES_USER"
  log "starting Elasticsearch $ES_VERSION as user $who on $JAVA_HOME_STACK (logs: $ES_LOG)"
  if ! es_run env ES_JAVA_HOME="$JAVA_HOME_STACK" ES_PATH_CONF="$ES_DIR/config" \
      ES_TMPDIR="$ES_DIR/tmp" ES_JAVA_OPTS="${WARWIRE_ES_JAVA_OPTS:-}" \
      setsid "$ES_HOME/bin/elasticsearch" -d -p "$ES_PID" \
      >"$ES_DIR/logs/startup.log" 2>&1 </dev/null 9>&-; then
    show_logs Elasticsearch "$ES_DIR/logs/startup.log" "$ES_LOG"
    die "Elasticsearch failed to start"
  fi
}

es_start() {
  es_launch
  es_wait
}

es_stop() {
  local pids
  if pids="$(es_running_pid)"; then :; else
    pids="$(find_by_cmdline "-Des.path.home=$ES_HOME" | tr '\n' ' ')"
  fi
  # shellcheck disable=SC2086 # pids is a list of numbers
  if [[ -n "${pids// /}" ]]; then stop_pids Elasticsearch $pids; else log "Elasticsearch not running (from this stack)"; fi
  rm -f "$ES_PID"
}

# ---------------------------------------------------------------- commands --

# pause_service NAME SIGNAL PID: SIGSTOP/SIGCONT one of our services. A paused
# service keeps its port open but answers nothing (clients time out), unlike a
# stopped one (connection refused); resuming is instant.
pause_service() {
  local name="$1" sig="$2" pid="$3"
  [[ -n "$pid" ]] || die "$name is not running from this stack"
  kill -"$sig" "$pid"
  if [[ "$sig" == STOP ]]; then log "$name paused (pid $pid)"; else log "$name resumed (pid $pid)"; fi
}

cmd_up() {
  local t0=$SECONDS
  fetch_kafka
  fetch_es
  # Start the broker in the background first, then ES (which blocks until its
  # node has started), then wait for both.
  kafka_launch || true
  es_launch
  es_wait
  kafka_wait
  log "stack up in $((SECONDS - t0))s: Kafka $KAFKA_HOST:$KAFKA_PORT, Elasticsearch http://$ES_HOST:$ES_PORT"
}

# cmd_ensure: use a stack that already answers on both ports (ours or not),
# otherwise bring ours up. This is what `make test|bench|demo` call.
cmd_ensure() {
  if es_health_ok && kafka_metadata_ok; then
    log "Kafka answers on $KAFKA_HOST:$KAFKA_PORT and Elasticsearch on http://$ES_HOST:$ES_PORT: using them"
    return 0
  fi
  cmd_up
}

cmd_down() {
  es_stop
  kafka_stop
}

cmd_status() {
  local pid rc=0
  printf 'stack dir:      %s\n' "$STACK_DIR"
  printf 'java:           %s\n' "$JAVA_HOME_STACK"
  [[ "$ES_ROOT" == "$STACK_DIR" ]] || printf 'es files:       %s\n' "$ES_ROOT"
  if pid="$(kafka_running_pid)"; then
    printf 'kafka:          running, pid %s, version %s, logs %s\n' "$pid" "$KAFKA_VERSION" "$KAFKA_LOG"
  else
    printf 'kafka:          not running from this stack\n'
  fi
  if kafka_metadata_ok; then
    printf 'kafka port:     %s:%s answers metadata requests\n' "$KAFKA_HOST" "$KAFKA_PORT"
  else
    printf 'kafka port:     %s:%s does not answer\n' "$KAFKA_HOST" "$KAFKA_PORT"; rc=1
  fi
  if pid="$(es_running_pid)"; then
    printf 'elasticsearch:  running, pid %s, version %s, logs %s\n' "$pid" "$ES_VERSION" "$ES_LOG"
  else
    printf 'elasticsearch:  not running from this stack\n'
  fi
  local health
  if health="$(curl -fsS --max-time 5 "http://$ES_HOST:$ES_PORT/_cluster/health" 2>/dev/null)"; then
    local st ver
    st="$(grep -o '"status":"[a-z]*"' <<<"$health" | cut -d'"' -f4)"
    ver="$(curl -fsS --max-time 5 "http://$ES_HOST:$ES_PORT/_nodes/_local?filter_path=nodes.*.version" 2>/dev/null |
      grep -o '"version":"[^"]*"' | cut -d'"' -f4 || true)"
    printf 'es port:        http://%s:%s answers, cluster %s, version %s\n' "$ES_HOST" "$ES_PORT" "$st" "${ver:-?}"
  else
    printf 'es port:        http://%s:%s does not answer\n' "$ES_HOST" "$ES_PORT"; rc=1
  fi
  return "$rc"
}

cmd_logs() {
  show_logs Kafka "$KAFKA_DIR/logs/stdout.log" "$KAFKA_LOG"
  show_logs Elasticsearch "$ES_DIR/logs/startup.log" "$ES_LOG"
}

usage() {
  cat <<EOF
usage: deploy/local/stack.sh COMMAND

  up                     fetch (once), start Kafka and Elasticsearch, wait until ready;
                         a service already answering on its port is used, not started
  ensure                 nothing to do when both ports answer, otherwise up
  down                   stop both (SIGTERM, then SIGKILL after ${STOP_TIMEOUT}s)
  status                 what runs: pids, ports, versions (exit 1 if a port is silent)
  es-start | start-es    start Elasticsearch and wait for yellow/green
  es-stop  | stop-es     stop Elasticsearch
  es-restart             es-stop + es-start
  kafka-start | start-kafka   start the broker (same data dir) and wait for metadata
  kafka-stop  | stop-kafka    stop the broker
  kafka-restart          kafka-stop + kafka-start
  es-pause | es-resume   SIGSTOP / SIGCONT Elasticsearch: port open, no answers (instant)
  kafka-pause | kafka-resume  the same for the broker
  kafka-topics ARGS...   Kafka's TopicCommand against the broker (e.g. --list)
  kafka-groups ARGS...   Kafka's ConsumerGroupCommand (e.g. --list, --describe --group G)
  fetch                  download and unpack only (warms the cache)
  logs                   tail of the logs, with their paths
  wipe                   down, then delete data and logs (keeps the download cache)

Folder: \$WARWIRE_STACK_DIR (now $STACK_DIR).
Versions: Kafka $KAFKA_VERSION (\$WARWIRE_KAFKA_VERSION), Elasticsearch $ES_VERSION (\$WARWIRE_ES_VERSION).
EOF
}

main() {
  local cmd="${1:-help}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    up)                      with_lock; cmd_up ;;
    ensure)                  with_lock; cmd_ensure ;;
    down)                    with_lock; cmd_down ;;
    status)                  cmd_status ;;
    es-start|start-es)       with_lock; es_start ;;
    es-stop|stop-es)         with_lock; es_stop ;;
    es-restart|restart-es)   with_lock; es_stop; es_start ;;
    kafka-start|start-kafka) with_lock; kafka_start ;;
    kafka-stop|stop-kafka)   with_lock; kafka_stop ;;
    kafka-restart|restart-kafka) with_lock; kafka_stop; kafka_start ;;
    es-pause)                pause_service Elasticsearch STOP "$(es_running_pid || true)" ;;
    es-resume)               pause_service Elasticsearch CONT "$(es_running_pid || true)" ;;
    kafka-pause)             pause_service Kafka STOP "$(kafka_running_pid || true)" ;;
    kafka-resume)            pause_service Kafka CONT "$(kafka_running_pid || true)" ;;
    kafka-topics)            fetch_kafka; kafka_tools_config; kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" "$@" ;;
    kafka-groups)            fetch_kafka; kafka_tools_config; kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" "$@" ;;
    fetch)                   with_lock; fetch_kafka; fetch_es ;;
    logs)                    cmd_logs ;;
    wipe)                    with_lock; cmd_down; rm -rf "$KAFKA_DIR" "$ES_DIR"; log "wiped $KAFKA_DIR and $ES_DIR" ;;
    help|-h|--help)          usage ;;
    *)                       usage >&2; exit 2 ;;
  esac
}

main "$@"
