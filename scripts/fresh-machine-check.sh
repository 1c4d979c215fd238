#!/usr/bin/env bash
# Runs the README's two set-up commands on a truly fresh Debian 12: a debootstrap
# --variant=minbase root with nothing else installed, the repository cloned into a home folder
# of mode 0700, as a new user would. Prints how long each command took. Needs root.
#   scripts/fresh-machine-check.sh [ROOT]     (ROOT: default a new folder under /var/tmp)
# The window that ./scripts/run.sh opens is shown on an Xvfb display of this machine (its
# socket is shared with the root), photographed to ROOT.shot.png, and closed.
# Set SKIP_TESTS=1 to check only the first command; KEEP=1 keeps ROOT afterwards.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-$(mktemp -d /var/tmp/bran-fresh.XXXXXX)}
mirror=${MIRROR:-http://deb.debian.org/debian}
if [ "$(id -u)" -ne 0 ]; then echo "fresh-machine-check: run as root (debootstrap, chroot, mount)" >&2; exit 2; fi
for tool in debootstrap xvfb-run import; do
  command -v "$tool" > /dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap xvfb imagemagick > /dev/null; }
done

mounts=()
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2> /dev/null
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2> /dev/null || true; done
  [ "${KEEP:-0}" = 1 ] || rm -rf --one-file-system "$root"
}
trap cleanup EXIT
bind() { mkdir -p "$root$1"; mount --bind "$1" "$root$1"; mounts+=("$root$1"); }
seconds_since() { echo $(( $(date +%s) - $1 )); }

echo "== debootstrap --variant=minbase bookworm $root"
start=$(date +%s)
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
  || { tail -20 "$root.debootstrap.log"; exit 1; }
cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The machine's own trusted certificates (a network proxy's, where there is one) belong to the
# machine, not to bran: carry them over, as a real machine on that network would have them.
if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
echo "debootstrap: $(seconds_since "$start") s"
for m in /proc /sys /dev /dev/pts; do bind "$m"; done
mkdir -p "$root/tmp/.X11-unix"; mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"; mounts+=("$root/tmp/.X11-unix")

# The clone, in a private home folder (a test that runs as another user must not need to read it).
mkdir -p "$root/home/patient"
git clone -q "$repo" "$root/home/patient/bran"
chmod 700 "$root/home/patient"
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/home/patient PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS} "$@"
}

# First command: installs, builds and opens the window.
display=:77
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
sleep 1
echo "== ./scripts/run.sh"
start=$(date +%s)
in_root DISPLAY="$display" bash -c 'cd ~/bran && ./scripts/run.sh' > "$root.run.log" 2>&1 &
run_pid=$!
opened=0
for _ in $(seq 1 3600); do
  if ! kill -0 "$run_pid" 2> /dev/null; then break; fi
  if DISPLAY="$display" xdotool search --onlyvisible --name bran > /dev/null 2>&1 ||
     DISPLAY="$display" xwininfo -root -children 2> /dev/null | grep -q '"bran\|Shared decision'; then
    opened=1; break
  fi
  sleep 1
done
run_seconds=$(seconds_since "$start")
if [ "$opened" = 1 ]; then
  sleep 3
  DISPLAY="$display" import -window root "$root.shot.png"
  echo "run.sh: the window opened after $run_seconds s (screenshot: $root.shot.png)"
  pkill -f "/home/patient/bran/build/app/bran" || true
  wait "$run_pid" 2> /dev/null || true
else
  wait "$run_pid"; echo "run.sh: exit $?, no window after $run_seconds s"; tail -30 "$root.run.log"; exit 1
fi
[ "${SKIP_TESTS:-0}" = 1 ] && exit 0

# Second command: installs, builds and runs every test, as CI does.
echo "== ./scripts/test.sh"
start=$(date +%s)
status=0
in_root CI=true bash -c 'cd ~/bran && ./scripts/test.sh' > "$root.test.log" 2>&1 || status=$?
echo "test.sh: exit $status after $(seconds_since "$start") s (log: $root.test.log)"
grep -E "tests passed|tests failed|FAILED|Failed" "$root.test.log" | tail -20
exit "$status"
