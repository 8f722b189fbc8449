#!/usr/bin/env bash
# Throwaway loopback services for Kalinga's tests: PostgreSQL, mail (Dovecot + Postfix + smtp-sink), Redis and
# Chromium. Installs the Debian packages it needs, keeps all state under one base folder, leaves /etc alone.
#
#   scripts/test-services.sh start [postgres] [mail] [redis] [chromium]   (no names = all)
#   scripts/test-services.sh stop|status [names...]
#   scripts/test-services.sh env          export lines the tests read
#   scripts/test-services.sh reset-mail   empty the mailboxes, the Postfix queue and the sink
#   scripts/test-services.sh verify       round-trip checks against the running services
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BASE=${KALINGA_SERVICES_DIR:-/tmp/kalinga-services}
SELF="$ROOT/scripts/test-services.sh"

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT=55432
PG_DIR=$BASE/postgres

IMAP_PORT=10143 POP3_PORT=10110 LMTP_PORT=10024 SMTP_PORT=10025 SINK_PORT=10026
MAIL_USERS=(support@helpdesk.test sales@helpdesk.test)
MAIL_PASSWORD=secret
# This user has no password: Dovecot accepts it only with SASL XOAUTH2/OAUTHBEARER and checks the token by RFC 7662
# introspection at OAUTH_PORT, where the OAuth2 tests serve both the introspection and the token endpoint.
OAUTH_USER=oauth@helpdesk.test
OAUTH_PORT=10180
# A second Postfix listener that relays only for logged-in clients, with Dovecot doing the SASL (XOAUTH2 included).
SUBMISSION_PORT=10587 SASL_PORT=10027
DOVECOT_DIR=$BASE/dovecot
DOVECOT_CONF=$DOVECOT_DIR/dovecot.conf
MAILBOXES=$BASE/mail
POSTFIX_DIR=$BASE/postfix
POSTFIX_ETC=$POSTFIX_DIR/etc
SINK=$BASE/sink
SINK_PID=$BASE/smtp-sink.pid
# Mail files are written by Dovecot and smtp-sink after dropping to this unprivileged user.
MAIL_UID=65534

REDIS_PORT=56379
REDIS_DIR=$BASE/redis
REDIS_PID=$REDIS_DIR/redis.pid

CHROMIUM=/usr/bin/chromium
SERVICES=(postgres mail redis chromium)

say() { printf '%s\n' "$*"; }
die() { printf 'test-services: %s\n' "$*" >&2; exit 1; }

need_root() {
  [[ $EUID -eq 0 ]] || die "$1 needs root (packages, chown, daemons that drop privileges); run: sudo $SELF $ACTION"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { # pidfile [expected comm]
  local pid comm
  [[ -r $1 ]] || return 1
  read -r pid <"$1" || true
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z ${2:-} ]] && return 0
  read -r comm <"/proc/$pid/comm" && [[ $comm == "$2" ]]
}

wait_for() { # seconds description command...
  local deadline=$((SECONDS + $1)) what=$2
  shift 2
  until "$@"; do
    ((SECONDS < deadline)) || { say "timed out after waiting for $what" >&2; return 1; }
    sleep 0.2
  done
}

# Writes stdin to the file only when it differs, so callers know whether a reload is due.
write_if_changed() {
  local new
  new=$(cat)
  if [[ -f $1 ]] && [[ $(cat "$1") == "$new" ]]; then return 1; fi
  printf '%s\n' "$new" >"$1"
}

# Runs a command with its output in a log; the log is shown only if the command fails. Daemons it starts must
# not inherit the lock's descriptor (9), or they would hold the lock for as long as they live.
run_logged() { # log command...
  local log=$1
  shift
  if ! "$@" </dev/null >"$log" 2>&1 9>&-; then
    tr -d '\r' <"$log" >&2
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------- packages

packages_for() {
  case $1 in
    postgres) echo postgresql ;;
    mail) echo dovecot-imapd dovecot-lmtpd dovecot-pop3d postfix swaks curl ;;
    redis) echo redis-server ;;
    chromium) echo chromium fonts-dejavu-core ;;
  esac
}

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    # shellcheck disable=SC2016 # dpkg-query's own ${...} format, not a shell expansion
    [[ $(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null) == ii* ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  need_root "installing ${missing[*]}"
  say "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Without this answer postfix's postinst asks on a terminal or picks a mode that relays to the world.
  echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
  mkdir -p "$BASE"
  # Maintainer scripts chatter on stderr; keep it in a log unless something fails.
  run_logged "$BASE/apt.log" apt-get update -qq -o Acquire::Retries=3
  run_logged "$BASE/apt.log" apt-get install -y -qq --no-install-recommends -o Acquire::Retries=3 \
    -o Dpkg::Use-Pty=0 "${missing[@]}"
}

# ---------------------------------------------------------------------------------------------- postgres

pg_up() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }

as_postgres() { (cd / && runuser -u postgres -- "$@"); }

postgres_start() {
  if pg_up; then say "postgres: already running on 127.0.0.1:$PG_PORT"; return; fi
  need_root "starting PostgreSQL"
  port_open "$PG_PORT" && die "port $PG_PORT is taken by something that does not answer as PostgreSQL"
  # A cluster that is not answering is worthless to tests: throw it away rather than repair it.
  if [[ -f $PG_DIR/data/postmaster.pid ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m immediate >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  mkdir -p "$PG_DIR"
  chown postgres:postgres "$PG_DIR"
  run_logged "$PG_DIR/initdb.log" as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres \
    --auth=trust -E UTF8 --locale=C.UTF-8 --nosync
  # Durability is pointless for a throwaway cluster and costs most of the test time; tests open many pools.
  run_logged "$PG_DIR/pg_ctl.log" as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start || { tail -n 20 "$PG_DIR/log" >&2; return 1; }
  # The connection string carries a password; set it so the string also works if auth is ever tightened.
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "alter user postgres password 'postgres'" >/dev/null
  postgres_verify
  say "postgres: started on 127.0.0.1:$PG_PORT"
}

postgres_verify() {
  [[ $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc 'select 1') == 1 ]] ||
    die "postgres: 'select 1' did not return 1"
}

postgres_stop() {
  if [[ -f $PG_DIR/data/postmaster.pid ]]; then
    need_root "stopping PostgreSQL"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" stop -m fast >/dev/null
    say "postgres: stopped"
  elif pg_up; then
    say "postgres: something else answers on $PG_PORT; not ours, left alone"
  else
    say "postgres: not running"
  fi
}

postgres_status() {
  if pg_up; then say "postgres: up (127.0.0.1:$PG_PORT)"; else say "postgres: down"; fi
}

# -------------------------------------------------------------------------------------------------- mail

# Our daemon (by pid file) and listening. The daemons keep their pid files root-only, so a non-root caller
# settles for "the pid file exists and the port answers".
daemon_up() { # pidfile comm port
  if [[ -r $1 ]]; then pid_alive "$1" "$2" && port_open "$3"; else [[ -e $1 ]] && port_open "$3"; fi
}
dovecot_up() { daemon_up "$DOVECOT_DIR/run/master.pid" dovecot "$IMAP_PORT"; }
postfix_up() { daemon_up "$POSTFIX_DIR/queue/pid/master.pid" master "$SMTP_PORT"; }
sink_up() { daemon_up "$SINK_PID" smtp-sink "$SINK_PORT"; }
mail_up() { dovecot_up && postfix_up && sink_up; }
postfix_gone() { ! pid_alive "$POSTFIX_DIR/queue/pid/master.pid" master; }
dovecot_gone() { ! pid_alive "$DOVECOT_DIR/run/master.pid" dovecot; }

write_dovecot_config() {
  mkdir -p "$DOVECOT_DIR/run" "$DOVECOT_DIR/state" "$MAILBOXES"
  chown "$MAIL_UID:$MAIL_UID" "$MAILBOXES"
  local user changed=1
  for user in "${MAIL_USERS[@]}"; do printf '%s:{PLAIN}%s\n' "$user" "$MAIL_PASSWORD"; done |
    write_if_changed "$DOVECOT_DIR/users" && changed=0
  printf '%s::%s:%s::%s::\n' "$OAUTH_USER" "$MAIL_UID" "$MAIL_UID" "$MAILBOXES/${OAUTH_USER%@*}" |
    write_if_changed "$DOVECOT_DIR/oauth-users" && changed=0
  write_if_changed "$DOVECOT_DIR/oauth2.conf.ext" <<EOF && changed=0
# Generated by scripts/test-services.sh; edits are overwritten.
introspection_mode = post
introspection_url = http://127.0.0.1:$OAUTH_PORT/introspect
force_introspection = yes
username_attribute = username
active_attribute = active
active_value = true
EOF
  write_if_changed "$DOVECOT_CONF" <<EOF && changed=0
# Generated by scripts/test-services.sh; edits are overwritten.
base_dir = $DOVECOT_DIR/run
state_dir = $DOVECOT_DIR/state
log_path = $DOVECOT_DIR/dovecot.log
protocols = imap pop3 lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_username_format = %Lu
mail_location = maildir:$MAILBOXES/%n/Maildir
mail_fsync = never
first_valid_uid = $MAIL_UID
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DOVECOT_DIR/users
}
# Tokens only; password logins never reach it, so they work as before when no test serves introspection.
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = $DOVECOT_DIR/oauth2.conf.ext
}
# The OAuth2 user is known here, so LMTP delivers to it although no passdb can look it up.
userdb {
  driver = passwd-file
  args = username_format=%u $DOVECOT_DIR/oauth-users
}
# Static userdb checks the passdb, so LMTP still rejects unknown recipients.
userdb {
  driver = static
  args = uid=$MAIL_UID gid=$MAIL_UID home=$MAILBOXES/%n
}
# Tests open many connections for one user from one address; the default cap is 10.
protocol imap {
  mail_max_userip_connections = 200
}
protocol pop3 {
  mail_max_userip_connections = 200
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $POP3_PORT
  }
  inet_listener pop3s {
    port = 0
  }
}
# Postfix's submission listener asks Dovecot to check logins (smtpd_sasl_type = dovecot).
service auth {
  inet_listener sasl {
    address = 127.0.0.1
    port = $SASL_PORT
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
EOF
  return "$changed"
}

write_postfix_config() {
  mkdir -p "$POSTFIX_ETC" "$POSTFIX_DIR/queue" "$POSTFIX_DIR/data"
  chown postfix:postfix "$POSTFIX_DIR/data"
  local changed=1
  write_if_changed "$POSTFIX_ETC/main.cf" <<EOF && changed=0
# Generated by scripts/test-services.sh; edits are overwritten.
compatibility_level = 3.6
queue_directory = $POSTFIX_DIR/queue
data_directory = $POSTFIX_DIR/data
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
mail_owner = postfix
setgid_group = postdrop
maillog_file = $POSTFIX_DIR/postfix.log
maillog_file_prefixes = $POSTFIX_DIR
myhostname = mail.helpdesk.test
mydomain = helpdesk.test
myorigin = helpdesk.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relay_domains =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
# Our domain goes to Dovecot; everything else is "the internet", which is the sink.
virtual_mailbox_domains = helpdesk.test
virtual_transport = lmtp:inet:127.0.0.1:$LMTP_PORT
relayhost = [127.0.0.1]:$SINK_PORT
disable_dns_lookups = yes
smtp_host_lookup = native
lmtp_host_lookup = native
message_size_limit = 52428800
biff = no
# Tests must not wait minutes for a retry or be slowed down on purpose.
queue_run_delay = 10s
minimal_backoff_time = 10s
maximal_backoff_time = 60s
smtpd_error_sleep_time = 0
in_flow_delay = 0
EOF
  # Chroot is off everywhere: the queue is a private folder, not a jail prepared by the Debian scripts.
  write_if_changed "$POSTFIX_ETC/master.cf" <<EOF && changed=0
# Generated by scripts/test-services.sh; edits are overwritten.
127.0.0.1:$SMTP_PORT inet n - n - - smtpd
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_sasl_type=dovecot
  -o smtpd_sasl_path=inet:127.0.0.1:$SASL_PORT
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup     unix  n - n 60   1 pickup
cleanup    unix  n - n -    0 cleanup
qmgr       unix  n - n 300  1 qmgr
tlsmgr     unix  - - n 1000? 1 tlsmgr
rewrite    unix  - - n -    - trivial-rewrite
bounce     unix  - - n -    0 bounce
defer      unix  - - n -    0 bounce
trace      unix  - - n -    0 bounce
verify     unix  - - n -    1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n -    - proxymap
proxywrite unix  - - n -    1 proxymap
smtp       unix  - - n -    - smtp
relay      unix  - - n -    - smtp
showq      unix  n - n -    - showq
error      unix  - - n -    - error
retry      unix  - - n -    - error
discard    unix  - - n -    - discard
local      unix  - n n -    - local
virtual    unix  - n n -    - virtual
lmtp       unix  - - n -    - lmtp
anvil      unix  - - n -    1 anvil
scache     unix  - - n -    1 scache
postlog    unix-dgram n - n - 1 postlogd
EOF
  return "$changed"
}

# Without a terminal postfix prints nothing and just exits 1, so give it one to see its errors.
postfix_cmd() { script -qec "postfix -c $POSTFIX_ETC $*" /dev/null 9>&-; }

mail_start() {
  if mail_up; then
    # Regenerate quietly so a changed script takes effect without a restart.
    if [[ $EUID -eq 0 ]]; then
      if write_dovecot_config; then doveadm -c "$DOVECOT_CONF" reload; fi
      if write_postfix_config; then postfix_cmd reload >/dev/null; fi
    fi
    say "mail: already running (imap $IMAP_PORT, pop3 $POP3_PORT, lmtp $LMTP_PORT, smtp $SMTP_PORT, submission $SUBMISSION_PORT, sink $SINK_PORT)"
    return
  fi
  need_root "starting the mail services"
  write_dovecot_config || true
  write_postfix_config || true
  mkdir -p "$SINK"
  chown "$MAIL_UID:$MAIL_UID" "$SINK"

  if ! dovecot_up; then
    port_open "$IMAP_PORT" && die "port $IMAP_PORT is taken by something else"
    run_logged "$DOVECOT_DIR/start.log" dovecot -c "$DOVECOT_CONF" ||
      { tail -n 20 "$DOVECOT_DIR/dovecot.log" >&2 2>/dev/null; die "dovecot did not start"; }
    wait_for 10 "dovecot on $IMAP_PORT" dovecot_up || die "dovecot did not start; see $DOVECOT_DIR/dovecot.log"
  fi
  if ! sink_up; then
    port_open "$SINK_PORT" && die "port $SINK_PORT is taken by something else"
    # -R chroots into the sink, so the dump template is relative to it: flat files, one per message.
    setsid smtp-sink -u nobody -R "$SINK" -d 'msg-%Y%m%d-%H%M%S.' "127.0.0.1:$SINK_PORT" 100 \
      </dev/null >>"$BASE/smtp-sink.log" 2>&1 9>&- &
    echo $! >"$SINK_PID"
    wait_for 10 "smtp-sink on $SINK_PORT" sink_up || die "smtp-sink did not start; see $BASE/smtp-sink.log"
  fi
  if ! postfix_up; then
    port_open "$SMTP_PORT" && die "port $SMTP_PORT is taken by something else"
    run_logged "$POSTFIX_DIR/start.log" postfix_cmd start ||
      { tail -n 20 "$POSTFIX_DIR/postfix.log" >&2 2>/dev/null; die "postfix did not start"; }
    wait_for 10 "postfix on $SMTP_PORT" postfix_up || die "postfix did not start; see $POSTFIX_DIR/postfix.log"
  fi
  # A fresh start proves the whole path once, then hands the tests empty mailboxes.
  mail_verify
  mail_reset
  say "mail: started (imap $IMAP_PORT, pop3 $POP3_PORT, lmtp $LMTP_PORT, smtp $SMTP_PORT, submission $SUBMISSION_PORT, sink $SINK_PORT)"
}

maildir_has() { grep -rlsF "$2" "$MAILBOXES/$1/Maildir/new" "$MAILBOXES/$1/Maildir/cur" >/dev/null; }
sink_has() { grep -rlsF "$1" "$SINK" >/dev/null; }
imap_offers() { # SASL mechanism: the greeting lists the AUTH= capabilities
  local greeting=""
  exec 3<>"/dev/tcp/127.0.0.1/$IMAP_PORT" || return 1
  read -r -t 5 greeting <&3 || true
  exec 3<&-
  [[ $greeting == *"AUTH=$1"* ]]
}

mail_verify() {
  local token="kalinga-check-$$-$RANDOM" user=${MAIL_USERS[0]} uid out
  swaks --silent 2 --server "127.0.0.1:$SMTP_PORT" --from checker@example.org --to "$user" \
    --header "Subject: $token" --body "inbound $token" ||
    die "mail: Postfix refused a message for $user"
  wait_for 20 "the message in $user's Maildir" maildir_has "${user%@*}" "$token" ||
    die "mail: message to $user never reached the Maildir; see $POSTFIX_DIR/postfix.log and $DOVECOT_DIR/dovecot.log"

  out=$(curl -sS --user "$user:$MAIL_PASSWORD" "imap://127.0.0.1:$IMAP_PORT/INBOX" -X "UID SEARCH SUBJECT $token") ||
    die "mail: IMAP login or search failed for $user"
  uid=$(sed -n 's/^\* SEARCH \([0-9]*\).*/\1/p' <<<"$out" | tr -d '\r')
  [[ -n $uid ]] || die "mail: IMAP search did not find the message: $out"
  curl -sS --user "$user:$MAIL_PASSWORD" "imap://127.0.0.1:$IMAP_PORT/INBOX;UID=$uid" | grep -qF "inbound $token" ||
    die "mail: IMAP fetch of UID $uid did not return the message body"

  for user in "${MAIL_USERS[@]}"; do
    curl -sS --user "$user:$MAIL_PASSWORD" "pop3://127.0.0.1:$POP3_PORT/" >/dev/null ||
      die "mail: POP3 login failed for $user"
  done

  swaks --silent 2 --server "127.0.0.1:$SMTP_PORT" --from checker@example.org --to "$OAUTH_USER" \
    --header "Subject: $token" --body "oauth $token" ||
    die "mail: Postfix refused a message for $OAUTH_USER"
  wait_for 20 "the message in $OAUTH_USER's Maildir" maildir_has "${OAUTH_USER%@*}" "oauth $token" ||
    die "mail: message to $OAUTH_USER never reached the Maildir; see $DOVECOT_DIR/dovecot.log"
  imap_offers XOAUTH2 || die "mail: Dovecot does not offer AUTH=XOAUTH2; see $DOVECOT_CONF"

  swaks --silent 2 --server "127.0.0.1:$SMTP_PORT" --from "${MAIL_USERS[0]}" --to someone@example.org \
    --header "Subject: $token" --body "outbound $token" ||
    die "mail: Postfix refused a message for someone@example.org"
  wait_for 20 "the outbound message in $SINK" sink_has "outbound $token" ||
    die "mail: outbound message never reached the sink; see $POSTFIX_DIR/postfix.log"
}

mail_reset() {
  need_root "reset-mail"
  # Drop queued mail too, or a deferred message from an earlier test can land in a later one.
  if postfix_up; then postsuper -c "$POSTFIX_ETC" -d ALL >/dev/null 2>&1 || true; fi
  local user
  for user in "${MAIL_USERS[@]}" "$OAUTH_USER"; do
    # Dovecot may still be writing index files of a session that is closing; try again briefly.
    local try
    for try in 1 2 3 4 5; do
      rm -rf "${MAILBOXES:?}/${user%@*}" 2>/dev/null && break
      sleep 0.5
    done
    mkdir -p "$MAILBOXES/${user%@*}/Maildir/"{cur,new,tmp}
    chown -R "$MAIL_UID:$MAIL_UID" "$MAILBOXES/${user%@*}"
    chmod -R go= "$MAILBOXES/${user%@*}"
  done
  # smtp-sink is chrooted into the folder: empty it, never replace it.
  if [[ -d $SINK ]]; then find "$SINK" -mindepth 1 -delete 2>/dev/null || find "$SINK" -mindepth 1 -delete; fi
}

mail_stop() {
  local any=0
  if ! postfix_gone; then
    need_root "stopping postfix"
    postfix_cmd stop >/dev/null || true
    wait_for 10 "postfix to stop" postfix_gone || true
    any=1
  fi
  if pid_alive "$SINK_PID" smtp-sink; then
    need_root "stopping smtp-sink"
    kill "$(cat "$SINK_PID")"
    rm -f "$SINK_PID"
    any=1
  fi
  if ! dovecot_gone; then
    need_root "stopping dovecot"
    doveadm -c "$DOVECOT_CONF" stop || true
    wait_for 10 "dovecot to stop" dovecot_gone || true
    any=1
  fi
  if ((any)); then say "mail: stopped"; else say "mail: not running"; fi
}

mail_status() {
  if mail_up; then
    say "mail: up (imap $IMAP_PORT, pop3 $POP3_PORT, lmtp $LMTP_PORT, smtp $SMTP_PORT, submission $SUBMISSION_PORT, sink $SINK_PORT)"
  else
    local d=down p=down s=down
    dovecot_up && d=up
    postfix_up && p=up
    sink_up && s=up
    say "mail: down (dovecot $d, postfix $p, smtp-sink $s)"
  fi
}

# ------------------------------------------------------------------------------------------------- redis

redis_up() { daemon_up "$REDIS_PID" redis-server "$REDIS_PORT"; }

redis_start() {
  if redis_up; then
    say "redis: already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  mkdir -p "$REDIS_DIR"
  # Memory only: the tests use pub/sub, nothing to keep. Debian's own service (port 6379) is left alone.
  # The daemon must not inherit the lock (fd 9), or it holds it for as long as it runs.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_PID" --logfile "$REDIS_DIR/redis.log" 9>&-
  wait_for 30 "redis on $REDIS_PORT" redis_up
  say "redis: started on 127.0.0.1:$REDIS_PORT"
}

redis_verify() {
  [[ $(redis-cli -p "$REDIS_PORT" ping) == PONG ]] || die "redis: no PONG on $REDIS_PORT"
}

redis_stop() {
  if redis_up; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    wait_for 30 "redis to stop" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT) 2>/dev/null"
  fi
  say "redis: stopped"
}

redis_status() {
  if redis_up; then say "redis: up on 127.0.0.1:$REDIS_PORT"; else say "redis: down"; fi
}

# ---------------------------------------------------------------------------------------------- chromium

chromium_start() {
  [[ -x $CHROMIUM ]] || die "chromium: $CHROMIUM missing after install"
  say "chromium: installed at $CHROMIUM (started by the tests themselves)"
}

chromium_verify() {
  timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --dump-dom 'data:text/html,<p>kalinga-ok</p>' 2>/dev/null |
    grep -q kalinga-ok || die "chromium: headless --dump-dom did not render a page"
}

chromium_stop() { say "chromium: nothing to stop"; }

chromium_status() {
  if [[ -x $CHROMIUM ]]; then say "chromium: up (installed at $CHROMIUM)"; else say "chromium: down (not installed)"; fi
}

# -------------------------------------------------------------------------------------------------- main

# Double-quoted so the lines read like the README; only the characters special inside "..." are escaped.
emit() {
  local v=${2//\\/\\\\}
  v=${v//\"/\\\"}
  v=${v//\$/\\\$}
  v=${v//\`/\\\`}
  printf 'export %s="%s"\n' "$1" "$v"
}

print_env() {
  local users=() user corpus=$ROOT/../shared/corpora/mime
  for user in "${MAIL_USERS[@]}"; do users+=("$user:$MAIL_PASSWORD"); done
  emit KALINGA_TEST_POSTGRES "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"
  emit KALINGA_TEST_IMAP "127.0.0.1:$IMAP_PORT"
  emit KALINGA_TEST_POP3 "127.0.0.1:$POP3_PORT"
  emit KALINGA_TEST_SMTP "127.0.0.1:$SMTP_PORT"
  emit KALINGA_TEST_SMTP_SINK_DIR "$SINK"
  emit KALINGA_TEST_LMTP "127.0.0.1:$LMTP_PORT"
  emit KALINGA_TEST_MAIL_USERS "$(IFS=,; echo "${users[*]}")"
  emit KALINGA_TEST_REDIS "127.0.0.1:$REDIS_PORT"
  emit KALINGA_TEST_OAUTH_USER "$OAUTH_USER"
  emit KALINGA_TEST_OAUTH_SERVER "127.0.0.1:$OAUTH_PORT"
  emit KALINGA_TEST_SUBMISSION "127.0.0.1:$SUBMISSION_PORT"
  emit KALINGA_TEST_CHROMIUM "$CHROMIUM"
  if [[ -d $corpus ]]; then emit KALINGA_TEST_MIME_CORPUS "$(cd "$corpus" && pwd -P)"; fi
}

# Two test runs starting services at once must not both initdb or both start Postfix.
lock() {
  mkdir -p "$BASE" 2>/dev/null || true
  if { exec 9>>"$BASE/.lock"; } 2>/dev/null; then
    flock -w 300 9 || die "another test-services.sh held $BASE/.lock for 5 minutes"
  fi
}

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$SELF" >&2
  exit 2
}

main() {
  local action=${1:-}
  [[ -n $action ]] || usage
  ACTION=$action
  shift
  local names=("$@") svc pkgs=() p
  ((${#names[@]})) || names=("${SERVICES[@]}")
  for svc in "${names[@]}"; do
    [[ " ${SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' (choose from: ${SERVICES[*]})"
  done
  case $action in
    start)
      lock
      for svc in "${names[@]}"; do read -ra p <<<"$(packages_for "$svc")" && pkgs+=("${p[@]}"); done
      ensure_packages "${pkgs[@]}"
      for svc in "${names[@]}"; do "${svc}_start"; done
      ;;
    stop)
      # Without root the pid files are unreadable, so "not running" could not be told from "not ours".
      need_root "stopping services"
      lock
      for svc in "${names[@]}"; do "${svc}_stop"; done
      ;;
    status)
      # Non-zero when anything is down, so callers can use it as a health check.
      local line down=0
      for svc in "${names[@]}"; do
        line=$("${svc}_status")
        say "$line"
        [[ $line == *": up"* ]] || down=1
      done
      return "$down"
      ;;
    verify)
      lock
      for svc in "${names[@]}"; do
        case $svc in
          postgres) pg_up || die "postgres: down"; postgres_verify ;;
          mail) mail_up || die "mail: down"; mail_verify; mail_reset ;;
          redis) redis_up || die "redis: down"; redis_verify ;;
          chromium) chromium_verify ;;
        esac
        say "$svc: verified"
      done
      ;;
    reset-mail) lock; mail_reset ;;
    env) print_env ;;
    *) usage ;;
  esac
}

main "$@"
