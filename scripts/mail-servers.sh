#!/usr/bin/env bash
# A throw-away mail system for tests: Dovecot (IMAP + LMTP) and OpenSMTPD delivering into it.
#   scripts/mail-servers.sh start DIR IMAP_PORT [SMTP_PORT]  writes configs into DIR and starts Dovecot (and
#                                                            OpenSMTPD when a port is given) on 127.0.0.1
#   scripts/mail-servers.sh stop DIR                         stops what DIR started
# Any user logs in with password "secret"; mail to user@anything lands in mailbox "user".
# OpenSMTPD's control socket is fixed (/var/run/smtpd.sock): one SMTP server per machine, so a test run shares one.
set -euo pipefail

command=${1:?usage: mail-servers.sh start DIR IMAP_PORT [SMTP_PORT] | stop DIR}
dir=${2:?directory}

start() {
  local imap_port=${3:?imap port} smtp_port=${4:-}
  mkdir -p "$dir/run" "$dir/mail"
  chmod 755 "$dir"
  # Dovecot runs its mail processes as the dovecot user: every parent must be traversable.
  local parent=$dir
  while [ "$parent" != "/" ]; do chmod o+x "$parent" 2>/dev/null || true; parent=$(dirname "$parent"); done
  chown -R dovecot:dovecot "$dir/mail"
  cat >"$dir/dovecot.conf" <<CONF
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/run
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_username_format = %Ln
mail_location = maildir:$dir/mail/%u
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=$dir/mail/%u
}
service imap-login {
  inet_listener imap {
    port = $imap_port
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
first_valid_uid = 1
shutdown_clients = yes
CONF
  dovecot -c "$dir/dovecot.conf"
  [ -n "$smtp_port" ] || return 0
  cat >"$dir/smtpd.conf" <<CONF
table vusers { "@" = "dovecot" }
listen on 127.0.0.1 port $smtp_port
action "dovecot" lmtp "$dir/run/lmtp" rcpt-to virtual <vusers>
match from any for any action "dovecot"
CONF
  chmod 600 "$dir/smtpd.conf"
  smtpd -d -f "$dir/smtpd.conf" >"$dir/smtpd.log" 2>&1 &
  echo $! >"$dir/smtpd.pid"
}

stop() {
  if [ -f "$dir/dovecot.conf" ]; then
    local master
    master=$(cat "$dir/run/master.pid" 2>/dev/null || true)
    # Sessions in progress end with the server, as in a real restart.
    [ -n "$master" ] && pkill -TERM -P "$master" 2>/dev/null || true
    doveadm -c "$dir/dovecot.conf" stop 2>/dev/null || true
    if [ -n "$master" ]; then
      for _ in $(seq 50); do kill -0 "$master" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  if [ -f "$dir/smtpd.pid" ]; then
    kill "$(cat "$dir/smtpd.pid")" 2>/dev/null || true
    rm -f "$dir/smtpd.pid"
  fi
}

case "$command" in
  start) start "$@" ;;
  stop) stop ;;
  *) echo "usage: mail-servers.sh start DIR IMAP_PORT [SMTP_PORT] | stop DIR" >&2; exit 2 ;;
esac
