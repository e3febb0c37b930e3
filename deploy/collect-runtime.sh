#!/usr/bin/env bash
# Lays out the runtime root filesystem of the resolute image: the server binary,
# every shared library `ldd` says it loads (at the same path, symlinks resolved),
# the dynamic loader, glibc's UTF-16 iconv module (poppler needs it), and a
# minimal /etc. Nothing else: no shell, no package
# manager. Runs in the Containerfile's build stage, or on the host for
# `deploy/image.sh --host-build`.
#
#   deploy/collect-runtime.sh BINARY DEST
#
# DEST/usr/local/bin/resolute_server, DEST/lib/..., DEST/etc/{passwd,group,...}
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BINARY DEST" >&2
  exit 2
fi
binary=$1
dest=$2
uid=65532

[[ -x "$binary" ]] || { echo "collect-runtime: $binary is not an executable" >&2; exit 1; }
rm -rf "$dest"
install -D -m 0755 "$binary" "$dest/usr/local/bin/resolute_server"

# ldd lines: "libx.so.1 => /lib/x86_64-linux-gnu/libx.so.1 (0x...)",
# "/lib64/ld-linux-x86-64.so.2 (0x...)" and the kernel's "linux-vdso.so.1 (0x...)".
ldd_out=$(ldd "$binary")
if grep -q "not found" <<<"$ldd_out"; then
  echo "collect-runtime: missing libraries:" >&2
  grep "not found" <<<"$ldd_out" >&2
  exit 1
fi
count=0
while read -r path; do
  install -D -m 0644 "$(readlink -f "$path")" "$dest$path"
  count=$((count + 1))
done < <(awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' <<<"$ldd_out" | sort -u)
chmod 0755 "$dest"/lib64/ld-linux-*.so.* 2>/dev/null || true

# glibc's iconv module for UTF-16, which ldd does not list: poppler converts
# every word of a PDF's text from UTF-16 through iconv, and without the
# module each word comes out empty (every PDF reads as having no text layer).
libc=$(awk '$1 == "libc.so.6" { print $3 }' <<<"$ldd_out")
gconv=$(dirname "$(readlink -f "$libc")")/gconv
[[ -d "$gconv" ]] || gconv=/usr/lib/$(basename "$(dirname "$(readlink -f "$libc")")")/gconv
if [[ -f "$gconv/UTF-16.so" ]]; then
  for f in gconv-modules gconv-modules.cache UTF-16.so; do
    [[ -e "$gconv/$f" ]] && install -D -m 0644 "$gconv/$f" "$dest$gconv/$f"
  done
  if [[ -d "$gconv/gconv-modules.d" ]]; then
    install -d -m 0755 "$dest$gconv/gconv-modules.d"
    cp -L "$gconv"/gconv-modules.d/* "$dest$gconv/gconv-modules.d/" 2>/dev/null || true
  fi
  count=$((count + 1))
else
  echo "collect-runtime: no iconv modules at $gconv: PDFs will read as having no text" >&2
fi

# A name for the numeric user (ps, logs); the image runs as $uid:$uid.
install -d -m 0755 "$dest/etc"
cat >"$dest/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/usr/sbin/nologin
resolute:x:$uid:$uid:resolute:/nonexistent:/usr/sbin/nologin
PASSWD
cat >"$dest/etc/group" <<GROUP
root:x:0:
resolute:x:$uid:
GROUP
echo "hosts: files dns" >"$dest/etc/nsswitch.conf"
# Mount point for a writable /tmp (Kubernetes mounts an emptyDir there); the
# root filesystem itself is read-only at run time.
install -d -m 1777 "$dest/tmp"

echo "collect-runtime: $(basename "$binary") + $count shared objects, $(du -sh "$dest" | cut -f1) in $dest"
