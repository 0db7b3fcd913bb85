#!/usr/bin/env bash
# test-install.sh: installs Entente into a temporary directory, checks that
# every file of its desktop integration is in place, and starts it the way a
# desktop does, through its desktop entry: once by the entry's Exec line, and
# once by D-Bus activation. Each time the main window must appear.
#
# usage: test-install.sh MESON BUILDDIR SRCDIR BINDIR DATADIR MANDIR APP_ID TITLE
#
# BINDIR, DATADIR and MANDIR are the absolute install directories of the
# build; the files go under a temporary DESTDIR, and nothing is rebuilt. It
# needs an X display (the test suite runs under xvfb-run), the GLib tools
# (gio, gapplication, gdbus, glib-compile-schemas), dbus-daemon, xwininfo and
# xprop; it fails when the window does not appear.
set -euo pipefail

if [ $# -ne 8 ]; then
  echo "usage: $0 MESON BUILDDIR SRCDIR BINDIR DATADIR MANDIR APP_ID TITLE" >&2
  exit 2
fi
meson=$1 builddir=$2 srcdir=$3 bindir=$4 datadir=$5 mandir=$6 app_id=$7 title=$8

# How long to wait for a window, in tenths of a second.
window_timeout=200

if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no X display; run the tests under xvfb-run"
  exit 77
fi
for tool in gio gapplication gdbus glib-compile-schemas dbus-daemon xwininfo xprop; do
  if ! command -v "$tool" >/dev/null; then
    echo "test-install: $tool is missing" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-install.XXXXXX")
root=$tmp/root
bin=$root$bindir/entente
app_pid=
bus_pid=

# The pids of every process that runs the installed binary: it lives in this
# test's own temporary directory, so they were all started by this test.
installed_pids() {
  local exe
  for exe in /proc/[0-9]*/exe; do
    if [ "$(readlink "$exe" 2>/dev/null)" = "$bin" ]; then
      exe=${exe#/proc/}
      echo "${exe%/exe}"
    fi
  done
}

cleanup() {
  local pid
  for pid in $app_pid $(installed_pids); do
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$bus_pid" ]; then
    kill "$bus_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0
failed=0
ok() {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok() {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
}
check() {
  local what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}
# The rest of a "Key=value" line of a desktop entry or D-Bus service file.
key() {
  sed -n "s/^$2=//p" "$1" | head -n 1
}

# --- Install ----------------------------------------------------------------

if ! "$meson" install -C "$builddir" --no-rebuild --quiet --destdir "$root" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log" >&2
  echo "Bail out! meson install failed"
  exit 1
fi
ok "meson install into a temporary DESTDIR"

share=$root$datadir
desktop=$share/applications/$app_id.desktop
metainfo=$share/metainfo/$app_id.metainfo.xml
service=$share/dbus-1/services/$app_id.service
schemas=$share/glib-2.0/schemas

check "binary installed" test -x "$bin"
check "desktop entry installed" test -f "$desktop"
check "metainfo installed" test -f "$metainfo"
check "D-Bus service installed" test -f "$service"
check "settings schema installed" test -f "$schemas/$app_id.gschema.xml"
check "scalable icon installed" test -f "$share/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon installed" test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "bundled dataset installed" cmp -s "$srcdir/data/china-russia.json" "$share/entente/china-russia.json"
check "dataset schema installed" cmp -s "$srcdir/data/entente-1.schema.json" "$share/entente/entente-1.schema.json"
check "help installed where help:entente finds it" cmp -s "$srcdir/docs/help/C/index.page" "$share/help/C/entente/index.page"
check "help's pictures installed" cmp -s "$srcdir/docs/help/C/figures/window.png" "$share/help/C/entente/figures/window.png"
check "Russian help installed, translated" grep -q "Справка Entente" "$share/help/ru/entente/index.page"
check "Chinese help installed, translated" grep -q "Entente 帮助" "$share/help/zh_CN/entente/index.page"
check "Russian help's picture shows the Russian interface" cmp -s "$srcdir/docs/help/ru/figures/window.png" "$share/help/ru/entente/figures/window.png"
check "manual page installed where man finds it" cmp -s "$builddir/docs/entente.1" "$root$mandir/man1/entente.1"
check "manual page names the installed schema" grep -qF "$datadir/entente/entente" "$root$mandir/man1/entente.1"
if [ "$failed" -ne 0 ]; then
  echo "Bail out! files are missing"
  exit 1
fi

check "desktop entry names the installed icon" \
  test "$(key "$desktop" Icon)" = "$app_id"
check "desktop entry runs entente" \
  test "$(key "$desktop" Exec)" = "entente %F"
check "desktop entry is D-Bus activatable" \
  test "$(key "$desktop" DBusActivatable)" = "true"
check "desktop entry offers a new window" \
  test "$(key "$desktop" Actions)" = "new-window;"
check "the new window action runs entente --new-window" \
  test "$(sed -n '/^\[Desktop Action new-window\]/,/^\[/s/^Exec=//p' "$desktop")" = "entente --new-window"
check "D-Bus service names the application" \
  test "$(key "$service" Name)" = "$app_id"
check "D-Bus service runs the installed binary as a service" \
  test "$(key "$service" Exec)" = "$bindir/entente --gapplication-service"
check "metainfo launches the desktop entry" \
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"
check "settings schema compiles where it is installed" \
  glib-compile-schemas --strict "$schemas"

# --- Launch -----------------------------------------------------------------

# The installed files, and nothing of the build tree or of the system, are
# what the desktop would use.
export PATH=$root$bindir:$PATH
export XDG_DATA_DIRS=$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
export GSETTINGS_SCHEMA_DIR=$schemas
unset DESKTOP_STARTUP_ID XDG_ACTIVATION_TOKEN

# Prints the pid of the process that runs the installed binary and shows a
# viewable top-level window whose title begins with the dataset's title, or
# nothing.
find_app() {
  local id pid
  for id in $(xwininfo -root -tree 2>/dev/null | grep -F "\"$title" | awk '{ print $1 }'); do
    pid=$(xprop -id "$id" _NET_WM_PID 2>/dev/null | sed -n 's/^_NET_WM_PID(CARDINAL) = //p')
    if [ -n "$pid" ] && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$bin" ] &&
       xwininfo -id "$id" 2>/dev/null | grep -q "Map State: IsViewable"; then
      echo "$pid"
      return
    fi
  done
}

# How many viewable windows of the dataset's title the process $1 shows.
count_windows() {
  local id count=0
  for id in $(xwininfo -root -tree 2>/dev/null | grep -F "\"$title" | awk '{ print $1 }'); do
    if [ "$(xprop -id "$id" _NET_WM_PID 2>/dev/null | sed -n 's/^_NET_WM_PID(CARDINAL) = //p')" = "$1" ] &&
       xwininfo -id "$id" 2>/dev/null | grep -q "Map State: IsViewable"; then
      count=$((count + 1))
    fi
  done
  echo "$count"
}

# Waits until the process $1 shows $2 windows.
wait_for_windows() {
  local i
  for ((i = 0; i < window_timeout; i++)); do
    [ "$(count_windows "$1")" -eq "$2" ] && return 0
    sleep 0.1
  done
  return 1
}

# Waits until the installed binary shows its window, and sets app_pid.
wait_for_app() {
  local i
  for ((i = 0; i < window_timeout; i++)); do
    app_pid=$(find_app)
    [ -n "$app_pid" ] && return 0
    sleep 0.1
  done
  return 1
}

# Ends the application, and any other instance of the installed binary a
# failed launch may have left.
stop_app() {
  local i pid
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  for pid in $(installed_pids); do
    kill -KILL "$pid" 2>/dev/null || true
  done
  app_pid=
}

# A private session bus that knows the installed D-Bus service, so that no
# other instance on the test's bus can take the launch over. The service's
# Exec names the final install location, which is under DESTDIR here.
mkdir -p "$tmp/bus/services"
sed "s|^Exec=$bindir/|Exec=$root$bindir/|" "$service" >"$tmp/bus/services/$app_id.service"
cat >"$tmp/bus/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$tmp/bus</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/bus/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
exec 3>"$tmp/bus/address" 4>"$tmp/bus/pid"
if ! dbus-daemon --config-file="$tmp/bus/session.conf" --fork --print-address=3 --print-pid=4 \
       2>"$tmp/bus/log"; then
  cat "$tmp/bus/log" >&2
  echo "Bail out! the private session bus did not start"
  exit 1
fi
exec 3>&- 4>&-
bus_pid=$(cat "$tmp/bus/pid")
export DBUS_SESSION_BUS_ADDRESS
DBUS_SESSION_BUS_ADDRESS=$(cat "$tmp/bus/address")

# The pid of the owner of the application's name on the bus, as "(uint32 PID,)".
name_owner() {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.GetConnectionUnixProcessID "$app_id" 2>/dev/null || true
}

# 1. By the Exec line: gio launch reads the entry as a key file and always
# runs its Exec, as a launcher that knows nothing of D-Bus activation does.
if gio launch "$desktop" >"$tmp/launch-exec.log" 2>&1 && wait_for_app; then
  ok "the desktop entry's Exec line starts the installed binary and its window appears"
  check "the started process owns $app_id on the bus" \
    test "$(name_owner)" = "(uint32 $app_pid,)"
else
  cat "$tmp/launch-exec.log" >&2
  not_ok "the desktop entry's Exec line starts the installed binary and its window appears"
fi
stop_app

# 2. By D-Bus activation, as GNOME Shell starts an entry with
# DBusActivatable=true: gapplication activates the application's name, and
# the bus starts the program through the installed service.
if gapplication launch "$app_id" >"$tmp/launch-dbus.log" 2>&1 && wait_for_app; then
  ok "D-Bus activation of the desktop entry starts the installed binary and its window appears"
  check "the activated process runs as a GApplication service" \
    grep -qxF -- "--gapplication-service" <(tr '\0' '\n' <"/proc/$app_pid/cmdline")
  check "the activated process owns $app_id on the bus" \
    test "$(name_owner)" = "(uint32 $app_pid,)"
  # The entry's New Window, as GNOME Shell asks for it of a D-Bus
  # activatable application, then by the action's Exec line: each time the
  # running process opens one more window, and no other process stays.
  if gapplication action "$app_id" new-window >"$tmp/action-dbus.log" 2>&1 &&
     wait_for_windows "$app_pid" 2; then
    ok "the desktop entry's New Window opens a second window by D-Bus"
  else
    cat "$tmp/action-dbus.log" >&2
    not_ok "the desktop entry's New Window opens a second window by D-Bus"
  fi
  if entente --new-window >"$tmp/action-exec.log" 2>&1 && wait_for_windows "$app_pid" 3; then
    ok "entente --new-window opens a third window in the running process"
  else
    cat "$tmp/action-exec.log" >&2
    not_ok "entente --new-window opens a third window in the running process"
  fi
  check "only the first process runs the installed binary" \
    test "$(installed_pids)" = "$app_pid"
else
  cat "$tmp/launch-dbus.log" >&2
  not_ok "D-Bus activation of the desktop entry starts the installed binary and its window appears"
fi
stop_app

echo "1..$n"
exit "$failed"
