# Local servers for the build and the tests, started on free loopback ports and stopped on exit.
# Sourced by build.sh. Each start_* function exports the settings the tests read.

SERVER_PIDS=()
MAIL_DIR=""
SERVER_LOGS="${SERVER_LOGS:-$PWD/.build/servers}"

stop_servers() {
  if [ -n "$MAIL_DIR" ]; then
    scripts/mail-servers.sh stop "$MAIL_DIR" || true
    rm -rf "$MAIL_DIR"
    MAIL_DIR=""
  fi
  local pid
  for pid in "${SERVER_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVER_PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
MAIL_DIR=""
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

# wait_for_port PORT SECONDS: true once something accepts connections on 127.0.0.1:PORT.
wait_for_port() {
  local port=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

# A server that cannot start fails the run under CI; elsewhere the tests that need it say so themselves.
server_failed() {
  echo "build.sh: $1" >&2
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
}

# A port picked free can be taken before Azurite binds it: then Azurite exits (EADDRINUSE) while something else answers
# on the port, so success is Azurite alive and listening; otherwise new ports, three times.
start_azurite() {
  local table queue blob pid attempt
  mkdir -p "$SERVER_LOGS"
  for attempt in 1 2 3; do
    table=$(free_port)
    queue=$(free_port)
    blob=$(free_port)
    # Tables for the SLA data; queues and blobs for the Functions app's inbound queue and its claim-check bodies.
    # In a neutral locale whatever the tests': under tr_TR Azurite cannot delete a table whose name has an 'I'.
    LC_ALL=C.UTF-8 LANG=C.UTF-8 node_modules/.bin/azurite --inMemoryPersistence --tableHost 127.0.0.1 --tablePort "$table" \
      --queueHost 127.0.0.1 --queuePort "$queue" --blobHost 127.0.0.1 --blobPort "$blob" \
      --skipApiVersionCheck --loose --disableProductStyleUrl --silent --disableTelemetry \
      >"$SERVER_LOGS/azurite.log" 2>&1 &
    pid=$!
    SERVER_PIDS+=("$pid")
    if wait_for_port "$table" 30 && wait_for_port "$queue" 10 && wait_for_port "$blob" 10 \
      && kill -0 "$pid" 2>/dev/null; then
      # Azurite's published development account; not a secret.
      export SLAWATCH_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;"
      export SLAWATCH_AZURITE_PORT="$table"
      echo "build.sh: Azurite on 127.0.0.1 (tables $table, queues $queue, blobs $blob)"
      return 0
    fi
    kill "$pid" 2>/dev/null || true
    echo "build.sh: Azurite did not start on 127.0.0.1:$table/$queue/$blob (attempt $attempt)" >&2
  done
  server_failed "Azurite did not start after three attempts (log: $SERVER_LOGS/azurite.log)"
}

# Dovecot (IMAP) and OpenSMTPD from Debian, installed when missing and we are root.
install_mail_servers() {
  if command -v dovecot >/dev/null 2>&1 && command -v smtpd >/dev/null 2>&1 && [ -x /usr/lib/dovecot/lmtp ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    server_failed "dovecot-imapd, dovecot-lmtpd and opensmtpd are missing and this is not root: install them with apt-get"
    return 0
  fi
  echo "build.sh: apt-get install dovecot-imapd dovecot-lmtpd opensmtpd"
  # The packages try to start system services, which this sandbox refuses; our own instances are started below.
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd dovecot-lmtpd opensmtpd >/dev/null 2>&1 || true
  command -v dovecot >/dev/null 2>&1 && command -v smtpd >/dev/null 2>&1 || server_failed "installing the mail servers failed"
}

# greets PORT TEXT SECONDS: true once the server on 127.0.0.1:PORT greets with a line containing TEXT (so it is ours,
# not something that took the port first).
greets() {
  local port=$1 text=$2 deadline=$((SECONDS + $3)) line
  while [ $SECONDS -lt $deadline ]; do
    if exec 3<>/dev/tcp/127.0.0.1/"$port" 2>/dev/null; then
      line=""
      read -r -t 5 line <&3 || true
      exec 3<&- 3>&-
      [[ $line == *"$text"* ]] && return 0
      return 1
    fi
    sleep 0.2
  done
  return 1
}

start_mail_servers() {
  mkdir -p "$SERVER_LOGS"
  command -v dovecot >/dev/null 2>&1 || return 0
  local imap smtp attempt
  for attempt in 1 2 3; do
    imap=$(free_port)
    smtp=$(free_port)
    MAIL_DIR=$(mktemp -d /tmp/slawatch-mail-XXXXXX)
    if scripts/mail-servers.sh start "$MAIL_DIR" "$imap" "$smtp" >"$SERVER_LOGS/mail-start.log" 2>&1 \
      && greets "$imap" Dovecot 20 && greets "$smtp" OpenSMTPD 20; then
      export SLAWATCH_IMAP_PORT="$imap" SLAWATCH_SMTP_PORT="$smtp" SLAWATCH_MAIL_DIR="$MAIL_DIR"
      echo "build.sh: Dovecot (IMAP) on 127.0.0.1:$imap, OpenSMTPD on 127.0.0.1:$smtp"
      return 0
    fi
    scripts/mail-servers.sh stop "$MAIL_DIR" >/dev/null 2>&1 || true
    # The attempt's folder goes (a failed start left one in /tmp each time); its servers' logs are kept.
    cp "$MAIL_DIR/dovecot.log" "$SERVER_LOGS/mail-dovecot.log" 2>/dev/null || true
    cp "$MAIL_DIR/smtpd.log" "$SERVER_LOGS/mail-smtpd.log" 2>/dev/null || true
    rm -rf "$MAIL_DIR"
    MAIL_DIR=""
    echo "build.sh: the mail servers did not start on 127.0.0.1:$imap/$smtp (attempt $attempt)" >&2
  done
  server_failed "the mail servers did not start after three attempts (logs: $SERVER_LOGS)"
}

# Debian's Chromium and a CJK font for the report page tests, installed when missing and we are root.
install_browser() {
  if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qiE "wenquanyi|noto.*cjk"; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    server_failed "chromium and a CJK font are missing and this is not root: apt-get install chromium fonts-wqy-microhei"
    return 0
  fi
  echo "build.sh: apt-get install chromium fonts-wqy-microhei"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null 2>&1 || true
  command -v chromium >/dev/null 2>&1 || server_failed "installing chromium failed"
}
