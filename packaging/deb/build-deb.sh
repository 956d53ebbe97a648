#!/usr/bin/env bash
# 'make deb': target/loomlab_VERSION_ARCH.deb, the jar on a Java runtime trimmed with jlink from
# the JDK that builds it (JAVA_HOME), so that a lab VM needs no Java of its own. docs/install.md.
#
#   1. modules: what jdeps finds in the jar, plus EXTRA_MODULES below;
#   2. census: packaging/deb/check-runtime.sh runs every subcommand on the JDK, logging each
#      class it loads: a JDK module used at run time (reflection, service loading) that is not
#      in the list fails the build here, not on a user's machine;
#   3. jlink the runtime into the package tree, strip it, add the class data it starts from;
#   4. check-runtime.sh again, on the package's own /usr/bin/loomlab and trimmed runtime;
#   5. man page from the --help texts, unit, config, maintainer scripts, control; dpkg-deb.
# Needs dpkg-deb and dpkg-shlibdeps (package dpkg-dev) and strip (binutils); no root, no
# fakeroot (dpkg-deb --root-owner-group). Work files in target/deb/. DEB_XZ_LEVEL=1 compresses
# in a seventh of the time, 2-3 MB larger (the tests use it); the default is dpkg's 6.
set -euo pipefail
cd "$(dirname "$0")/../.."

JDK=${JAVA_HOME:?set JAVA_HOME to the JDK that builds the package (make deb does)}
JAR=target/server.jar
WORK=target/deb
ROOT=$WORK/root
RUNTIME=usr/lib/loomlab/runtime
MAINTAINER=${DEB_MAINTAINER:-loomlab contributors <loomlab@users.noreply.github.com>}
# Modules that jdeps cannot see in the jar because nothing names them in the bytecode; the
# census below names any that the subcommands load and neither list has.
#   jdk.net  the JDK's sockets load its extended socket options by name (a few classes)
EXTRA_MODULES=(jdk.net)
# Modules the census sees loaded that the runtime leaves out on purpose (the check without them
# passes, and nothing answers differently):
#   java.sql            picocli looks up java.sql.Time, Timestamp and DriverManager to offer type
#                       converters; no loomlab option has those types
#   jdk.internal.le, jdk.jshell   Console providers that System.console() enumerates; java.base's
#                       own serves (load's progress asks /proc/self/fd/2 whether it is a terminal)
#   jdk.localedata      consulted for the list of locales under a Spanish locale; no Spanish data
#                       is loaded: loomlab formats numbers and dates with Locale.ROOT
#   jdk.management.jfr  the JMX bean for JFR, enumerated when the platform beans start; unused
LEFT_OUT=(java.sql jdk.internal.le jdk.jshell jdk.localedata jdk.management.jfr)

say() { echo "deb: $*"; }
die() { echo "deb: $*" >&2; exit 2; }
for tool in dpkg-deb dpkg-shlibdeps strip; do
  command -v "$tool" >/dev/null || die "$tool is missing: apt-get install dpkg-dev (it brings binutils)"
done
[ -f "$JAR" ] || die "$JAR is missing: run 'make build' first"
[ -x "$JDK/bin/jlink" ] || die "$JDK has no jlink: JAVA_HOME must be a full JDK"

major=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
version=$("$JDK/bin/java" -jar "$JAR" --version | sed -n 's/^loomlab //p')
# Debian orders 0.2.0~rc1 and 0.1.0~snapshot before the release they precede.
debversion=$(echo "$version" | tr 'A-Z-' 'a-z~')
arch=$(dpkg --print-architecture)
deb=target/loomlab_${debversion}_${arch}.deb
rm -rf "$WORK" && mkdir -p "$WORK/census" "$ROOT"

say "modules: jdeps on $JAR (JDK $major at $JDK)"
modules=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$major" "$JAR")
for m in "${EXTRA_MODULES[@]}"; do modules="$modules,$m"; done
say "  $modules"

say "census: every subcommand on the JDK, recording the modules it loads classes from"
# Without class data sharing every class says where it came from; in Spanish, like the lab VMs.
LOOMLAB_CHECK_LOG=$WORK/census.log packaging/deb/check-runtime.sh "$JDK/bin/java" -Xshare:off \
  "-Xlog:class+load=info:file=$WORK/census/%p.log" -Duser.language=es -Duser.country=ES -jar "$JAR" \
  || die "the subcommands failed on the JDK itself (output: $WORK/census.log)"
used=$(cat "$WORK"/census/*.log | sed -n 's/.* source: jrt:\/\([a-zA-Z0-9.]*\).*/\1/p' | sort -u)
# What the runtime will hold: the modules and those they require.
closure=$("$JDK/bin/java" --limit-modules "$modules" --list-modules | sed 's/@.*//')
missing=$(comm -23 <(echo "$used") <(printf '%s\n' $closure "${LEFT_OUT[@]}" | sort -u))
say "  loaded from: $(echo $used)"
if [ -n "$missing" ]; then
  die "the subcommands load classes from $(echo $missing), which jdeps did not find: add them to EXTRA_MODULES in $0 (or to LEFT_OUT, saying why)"
fi

say "jlink: the runtime in /$RUNTIME"
"$JDK/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$ROOT/$RUNTIME"
# As dh_strip does: no symbol tables or build notes in the libraries and programs (libjvm.so
# 30 -> 25 MB).
find "$ROOT/$RUNTIME" -type f -name '*.so' -exec strip --remove-section=.comment --remove-section=.note --strip-unneeded {} +
find "$ROOT/$RUNTIME/bin" "$ROOT/$RUNTIME/lib" -type f -perm -u+x ! -name '*.so' \
  -exec strip --remove-section=.comment --remove-section=.note {} +
# jrt-fs.jar lets an older JDK's tools read this runtime's modules; the runtime does not use it.
rm "$ROOT/$RUNTIME/lib/jrt-fs.jar"
# jlink leaves the legal notices read-only; Debian wants 0644 (dpkg-deb keeps the modes).
chmod -R u+w,go-w "$ROOT/$RUNTIME"
# The class data the JVM starts from (what jlink's --generate-cds-archive makes), dumped after
# stripping; with compact object headers (JDK 25+, the unit's choice) the JVM needs its own.
# (Not the one for heaps above 32 GB, classes_nocoops.jsa: 14 MB for machines with 128 GB.)
"$ROOT/$RUNTIME/bin/java" -Xshare:dump > /dev/null
java_opts="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/var/cache/loomlab/server.jsa -Xlog:cds=off"
if [ "$major" -ge 25 ]; then
  "$ROOT/$RUNTIME/bin/java" -XX:+UseCompactObjectHeaders -Xshare:dump > /dev/null
  java_opts="-XX:+UseCompactObjectHeaders $java_opts"
fi

say "files"
install -D -m 755 packaging/deb/loomlab "$ROOT/usr/bin/loomlab"
install -D -m 644 "$JAR" "$ROOT/usr/share/loomlab/server.jar"
install -D -m 644 packaging/config.json "$ROOT/etc/loomlab/config.json"
install -d -m 755 "$ROOT/etc/default"
sed "s|@JAVA_OPTS@|$java_opts|" packaging/deb/default > "$ROOT/etc/default/loomlab"
chmod 644 "$ROOT/etc/default/loomlab"
doc=$ROOT/usr/share/doc/loomlab
install -D -m 644 packaging/deb/copyright "$doc/copyright"
install -D -m 644 README.md "$doc/README.md"
install -D -m 644 docs/install.md "$doc/install.md"
install -d -m 755 "$doc/examples"
install -m 644 config/*.json "$doc/examples/"
# The unit of packaging/loomlab.service, for the package's paths and runtime.
install -d -m 755 "$ROOT/lib/systemd/system"
{
  echo "# loomlab as a service, from the Debian package (docs/install.md)."
  echo "#   /usr/bin/loomlab           the jar on the package's runtime, /usr/lib/loomlab/runtime"
  echo "#   /etc/loomlab/config.json   the services (a conffile: upgrades keep your edits)"
  echo "#   /etc/default/loomlab       optional: JAVA_OPTS=... replaces the options below"
  echo "# Logs go to the journal: journalctl -u loomlab -f"
  echo
  sed -n '/^\[Unit\]/,$p' packaging/loomlab.service \
    | sed -e 's|/opt/loomlab/bin/loomlab|/usr/bin/loomlab|' \
          -e "s|^Environment=\"JAVA_OPTS=.*|Environment=\"JAVA_OPTS=$java_opts\"|" \
          -e 's|^# The jar distribution starts faster|# loomlab starts faster|'
} > "$ROOT/lib/systemd/system/loomlab.service"
chmod 644 "$ROOT/lib/systemd/system/loomlab.service"
grep -qx 'ExecStart=/usr/bin/loomlab --config /etc/loomlab/config.json' "$ROOT/lib/systemd/system/loomlab.service" \
  || die "packaging/loomlab.service changed its ExecStart: adapt $0"
# A native package's changelog: this build's entry, dated by the last commit where there is one.
when=$(git log -1 --format=%ct 2>/dev/null || date +%s)
printf '%s\n' "loomlab ($debversion) unstable; urgency=medium" "" \
  "  * Built by 'make deb' from the loomlab sources of version $version." \
  "    What changed: the release notes of the project's releases." "" \
  " -- $MAINTAINER  $(date -R -u -d "@$when")" | gzip -9n > "$doc/changelog.gz"

say "check: every subcommand on the package's /usr/bin/loomlab and trimmed runtime"
env -u JAVA_HOME -u JAVA_OPTS PATH=/usr/bin:/bin LOOMLAB_CHECK_LOG=$WORK/check.log \
  packaging/deb/check-runtime.sh "$ROOT/usr/bin/loomlab" \
  || die "the trimmed runtime failed (output: $WORK/check.log): a module missing? add it to EXTRA_MODULES"
"$ROOT/usr/bin/loomlab" --version | grep -q "bundled runtime" || die "--version does not name the bundled runtime"

say "man page from the --help texts"
packaging/deb/man-page.sh "$ROOT/usr/bin/loomlab" "$version" | gzip -9n > "$WORK/loomlab.1.gz"
install -D -m 644 "$WORK/loomlab.1.gz" "$ROOT/usr/share/man/man1/loomlab.1.gz"

say "control"
mkdir -p "$ROOT/DEBIAN" "$WORK/shlibs/debian"
for s in postinst prerm postrm; do install -m 755 "packaging/deb/$s" "$ROOT/DEBIAN/$s"; done
printf '%s\n' /etc/loomlab/config.json /etc/default/loomlab > "$ROOT/DEBIAN/conffiles"
chmod 644 "$ROOT/DEBIAN/conffiles"
# The runtime's libraries need only the C library (and what dpkg-shlibdeps says).
printf 'Source: loomlab\n\nPackage: loomlab\nArchitecture: any\n' > "$WORK/shlibs/debian/control"
elves=$(find "$PWD/$ROOT/$RUNTIME" -type f \( -name '*.so' -o -perm -u+x \))
shlibs=$(cd "$WORK/shlibs" && dpkg-shlibdeps -O -l"$OLDPWD/$ROOT/$RUNTIME/lib" -l"$OLDPWD/$ROOT/$RUNTIME/lib/server" \
  $elves 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || die "dpkg-shlibdeps found no dependencies"
if ! grep -q zlib1g <<< "$shlibs"; then
  # A JDK build that bundles zlib (Eclipse Temurin does) has it inside libzip.so and libjli.so.
  install -d -m 755 "$ROOT/usr/share/lintian/overrides"
  cat > "$ROOT/usr/share/lintian/overrides/loomlab" <<'EOF'
# The runtime is the JDK's own build, copied by jlink: that JDK bundles zlib in these two
# libraries, and the package cannot relink them against Debian's zlib1g.
loomlab: embedded-library zlib [usr/lib/loomlab/runtime/lib/libjli.so]
loomlab: embedded-library zlib [usr/lib/loomlab/runtime/lib/libzip.so]
EOF
  chmod 644 "$ROOT/usr/share/lintian/overrides/loomlab"
fi
(cd "$ROOT" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  > "$ROOT/DEBIAN/md5sums"
chmod 644 "$ROOT/DEBIAN/md5sums"
cat > "$ROOT/DEBIAN/control" <<EOF
Package: loomlab
Version: $debversion
Architecture: $arch
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
Depends: adduser, $shlibs
Section: net
Priority: optional
Homepage: https://github.com/loomlab/loomlab
Description: socket lab server of 'Sockets en Python' on virtual threads
 One program serves the classic socket lab: TCP echo, TCP calc (serial,
 virtual-thread and platform-thread modes) and UDP calc, wire-compatible
 with the lecture's Python clients. It also carries the lecture's clients,
 its address tools, a load generator and a scalability demo.
 .
 The package brings its own Java runtime, trimmed with jlink to the
 modules loomlab uses, and runs loomlab as the systemd service loomlab
 with the config /etc/loomlab/config.json.
EOF
chmod 644 "$ROOT/DEBIAN/control"
chmod -R go-w "$ROOT"

say "dpkg-deb"
dpkg-deb --root-owner-group -Zxz "-z${DEB_XZ_LEVEL:-6}" --build "$ROOT" "$deb" > /dev/null
say "ok: $deb ($(du -h "$deb" | cut -f1), installed $(du -sh --exclude=DEBIAN "$ROOT" | cut -f1))"
