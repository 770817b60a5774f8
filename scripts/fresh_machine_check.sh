#!/usr/bin/env bash
# Does SellerDesk start on a fresh Linux desktop when you follow only the README?
#
#   sudo scripts/fresh_machine_check.sh TARGET [MIRROR] [REPOSITORY]
#
# Builds a clean Debian 12 (bookworm) in the folder TARGET with debootstrap, adds only what a desktop user's
# machine has anyway (python3, python3-venv, python3-pip, git, ca-certificates, sudo; no Qt or X libraries,
# no fonts), clones REPOSITORY (default: the repository this script is in, its checked-out commit) into
# /home/user/sellerdesk and then, as that user, runs the commands of the README's "Start the app" section
# exactly as written:
#   1. the start commands without the system packages: the app must name the missing libraries and the apt
#      line (its `sellerdesk` and `sellerdesk --selftest` output is kept), after which the virtual
#      environment and pip's cache are removed again;
#   2. the Linux block (the apt line, the virtual environment) and then the start command; the app must
#      still run 40 s after it started; a screenshot of the display is taken;
#   3. `sellerdesk --selftest` on the display (must exit 0), and a screenshot of `sellerdesk --lang zh_CN`
#      after 15 s (look at it: Chinese text must show, not boxes).
# Results (logs, screenshots) go to TARGET/fresh-check/; the exit code is 0 when all three held.
#
# Needs: root, debootstrap, network to the Debian mirror and PyPI, and an X display in $DISPLAY (e.g.
# `Xvfb :99 -screen 0 1440x900x24 &` and DISPLAY=:99). MIRROR defaults to the Debian mirror of this
# machine's apt sources, else http://deb.debian.org/debian. The certificates in /usr/local/share/ca-certificates
# (a proxy's, if HTTPS goes through one) are copied in, so the clone reaches PyPI as this machine does.
# The README's `sudo` and apt's question are answered for the user (passwordless sudo, apt assumes yes).
# TARGET must not exist or be empty; it is left in place for inspection (the mounts are undone at exit).
set -uo pipefail

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] && [ "${1#-}" = "$1" ] || usage
TARGET=$(realpath -m "$1")
MIRROR=${2:-}
REPO=${3:-$(git -C "$(dirname "$(realpath "$0")")" rev-parse --show-toplevel)}
[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap, chroot, mounts)" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "set DISPLAY to an X display (Xvfb will do)" >&2; exit 2; }
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || { echo "apt-get install debootstrap" >&2; exit 2; }
if [ -e "$TARGET" ] && [ -n "$(ls -A "$TARGET")" ]; then echo "$TARGET is not empty" >&2; exit 2; fi

if [ -z "$MIRROR" ]; then
  MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    grep -E '^[[:space:]]*(deb|URIs:)[[:space:]]' | grep -oE 'https?://[^[:space:]]+' | sed 's:/*$::' |
    grep -E '/debian$' | head -n 1)
  MIRROR=${MIRROR:-http://deb.debian.org/debian}
fi
OUT=$TARGET/fresh-check
HOME_IN=/home/user
X11_SOCKETS=/tmp/.X11-unix
PATH=$PATH:/usr/sbin:/sbin

t0=$(date +%s)
say() { printf '\n=== [%4ss] %s\n' "$(($(date +%s) - t0))" "$*"; }
die() { echo "FAILED: $*" >&2; exit 1; }

cleanup() {
  [ -n "${APP_GROUP:-}" ] && kill -- "-$APP_GROUP" 2>/dev/null
  for m in "$X11_SOCKETS" dev sys proc; do
    mountpoint -q "$TARGET/${m#/}" && umount -l "$TARGET/${m#/}"
  done
}
trap cleanup EXIT

# Run the commands on stdin inside the clean system as the user, in one login shell started in the clone,
# each line printed ("$ line") before it runs, as it would appear typed into a terminal.
as_user() {
  local step line rc
  step=.fresh-check-$RANDOM.sh
  while IFS= read -r line; do printf 'echo %q >&2\n%s\n' "\$ $line" "$line"; done > "$TARGET$HOME_IN/$step"
  chroot "$TARGET" runuser -u user -- env -i HOME=$HOME_IN USER=user LOGNAME=user SHELL=/bin/bash \
    LANG=C.UTF-8 TERM=xterm PATH=/usr/local/bin:/usr/bin:/bin DISPLAY="$DISPLAY" \
    bash -l -c "cd ~/sellerdesk && . ~/$step"
  rc=$?
  rm -f "$TARGET$HOME_IN/$step"
  return $rc
}

# The README's "Start the app" section: the block with the start command, and the Linux block (apt line
# and whatever else it asks for), each line as written.
readme_blocks() {
  awk '/^## /{ on = ($0 ~ /^## Start the app/) }
       on && /^```/ { inside = !inside; if (!inside) n++; next }
       on && inside { print (n + 0) "\t" $0 }' "$1"
}
block_with() { # the lines of the block that has a line matching $2
  local n; n=$(readme_blocks "$1" | awk -F'\t' -v re="$2" '$2 ~ re { print $1; exit }')
  [ -n "$n" ] && readme_blocks "$1" | awk -F'\t' -v n="$n" '$1 == n { print $2 }'
}

screenshot() { # $1: file name in $OUT; the app's own Qt (in the user's venv) grabs the whole display
  local grab="from PySide6.QtGui import QGuiApplication as A; a = A([]); a.primaryScreen().grabWindow(0).save('$1')"
  as_user >/dev/null 2>&1 <<<"QT_QPA_PLATFORM=xcb ~/.venv/sellerdesk/bin/python -c \"$grab\""
  mv "$TARGET$HOME_IN/sellerdesk/$1" "$OUT/$1" && echo "screenshot: $OUT/$1"
}

# Start the commands on stdin in the background, wait until the app runs, keep it running $3 s (it must not
# stop), then take a picture of the display and end it.
app_runs() { # $1: log name, $2: screenshot name, $3: seconds
  local commands; commands=$(cat)
  setsid bash -c "$(declare -f as_user); TARGET='$TARGET' HOME_IN='$HOME_IN' DISPLAY='$DISPLAY' as_user" \
    <<<"$commands" > "$OUT/$1" 2>&1 &
  APP_GROUP=$!
  local pid="" started
  for _ in $(seq 600); do
    pid=$(pgrep -g "$APP_GROUP" -f 'bin/sellerdesk( |$)' | head -n 1)
    [ -n "$pid" ] || ! kill -0 "$APP_GROUP" 2>/dev/null && break
    sleep 1
  done
  [ -n "$pid" ] || { APP_GROUP=""; return 1; }
  started=$(date +%s)
  say "the app started (pid $pid), waiting $3 s"
  sleep "$3"
  local alive=0; kill -0 "$pid" 2>/dev/null && alive=1
  screenshot "$2"
  kill -- "-$APP_GROUP" 2>/dev/null; APP_GROUP=""
  echo "ran $(($(date +%s) - started)) s"
  [ "$alive" = 1 ]
}

say "debootstrap bookworm from $MIRROR into $TARGET"
mkdir -p "$TARGET"
debootstrap --variant=minbase bookworm "$TARGET" "$MIRROR" > "$TARGET.debootstrap.log" 2>&1 ||
  die "debootstrap (see $TARGET.debootstrap.log)"
mkdir -p "$OUT" && mv "$TARGET.debootstrap.log" "$OUT/debootstrap.log"

say "a desktop user's minimum: python3 python3-venv python3-pip git ca-certificates sudo"
mount --bind /proc "$TARGET/proc" && mount --bind /sys "$TARGET/sys" && mount --rbind /dev "$TARGET/dev" &&
  mkdir -p "$TARGET$X11_SOCKETS" && mount --bind "$X11_SOCKETS" "$TARGET$X11_SOCKETS" || die "mounts"
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"
echo "127.0.1.1 $(hostname)" >> "$TARGET/etc/hosts"  # as an installed system has it (sudo looks it up)
mkdir -p "$TARGET/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$TARGET/usr/local/share/ca-certificates/" 2>/dev/null
chroot "$TARGET" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  --no-install-recommends python3 python3-venv python3-pip git ca-certificates sudo && update-ca-certificates' \
  > "$OUT/base.log" 2>&1 || die "base packages (see $OUT/base.log)"
chroot "$TARGET" useradd -m -s /bin/bash -G sudo user
echo 'user ALL=(ALL) NOPASSWD:ALL' > "$TARGET/etc/sudoers.d/user" && chmod 440 "$TARGET/etc/sudoers.d/user"
echo 'APT::Get::Assume-Yes "true";' > "$TARGET/etc/apt/apt.conf.d/90assume-yes"
if chroot "$TARGET" ldconfig -p | grep -qE 'libxcb\.so|libEGL|libfontconfig'; then die "Qt's libraries are already there"; fi

say "git clone $REPO"
git clone -q "$REPO" "$TARGET$HOME_IN/sellerdesk" && chroot "$TARGET" chown -R user:user "$HOME_IN/sellerdesk" ||
  die "clone"
README=$TARGET$HOME_IN/sellerdesk/README.md
START=$(block_with "$README" 'sellerdesk --demo') || die "no start command in the README"
LINUX=$(block_with "$README" '^sudo apt install ') || die "no apt line in the README"
printf 'README start command:\n%s\nREADME Linux block:\n%s\n' "$START" "$LINUX" | tee "$OUT/readme-commands.txt"
status=0

say "1. without the system packages: the README's commands, then sellerdesk --selftest"
as_user <<<"$(grep -v '^sudo apt ' <<<"$LINUX")"$'\n'"$START" > "$OUT/1-without-libraries.log" 2>&1
echo "exit $?"; tail -n 6 "$OUT/1-without-libraries.log"
grep -q 'sudo apt install' "$OUT/1-without-libraries.log" || { echo "no library message"; status=1; }
as_user <<<'. ~/.venv/sellerdesk/bin/activate; QT_QPA_PLATFORM=xcb sellerdesk --selftest' \
  > "$OUT/1-selftest-without-libraries.log" 2>&1
echo "exit $?"; grep -E '^(FAIL|ok|  sudo|self-test)' "$OUT/1-selftest-without-libraries.log"
rm -rf "$TARGET$HOME_IN/.venv" "$TARGET$HOME_IN/.cache" "$TARGET$HOME_IN/.local/share/SellerDesk"

say "2. the README in order: the Linux block, then the start command (the app must run 40 s)"
if app_runs 2-readme.log shot-demo.png 40 <<<"$LINUX"$'\n'"$START"; then
  echo "the app ran"
else
  echo "the app did not start or stopped early:"; tail -n 20 "$OUT/2-readme.log"; status=1
fi

say "3. sellerdesk --selftest on the display, and the app in Chinese"
as_user <<<'. ~/.venv/sellerdesk/bin/activate; QT_QPA_PLATFORM=xcb sellerdesk --selftest' \
  > "$OUT/3-selftest.log" 2>&1 || status=1
grep -v '^\$ ' "$OUT/3-selftest.log"
app_runs 3-zh_CN.log shot-zh_CN.png 15 <<<'. ~/.venv/sellerdesk/bin/activate; QT_QPA_PLATFORM=xcb sellerdesk --lang zh_CN' ||
  status=1

say "done: $([ $status = 0 ] && echo 'the README works' || echo 'FAILED'); results in $OUT"
exit $status
