#!/bin/sh
# Builds Throng's Linux installers into installers/target/:
#   throng-agent-VERSION-linux-x64.tar.gz   the headless agent with its own trimmed Java runtime (no JavaFX)
#   throng-agent_DEBVERSION_amd64.deb       the same, installed in /opt/throng-agent with a systemd unit
#   desktop/throng/                         the desktop app image (jpackage), reused for the .deb below
#   throng_DEBVERSION_amd64.deb             the desktop app, installed in /opt/throng with a menu entry
#
# Usage: installers/build.sh [agent] [desktop]      (no argument: both)
#   THRONG_PACKAGE_FAST=1  compress the .deb files with gzip -1 instead of xz (CI: same content, ~1 min less)
#
# Needs JDK 25+ (jlink, jdeps, jpackage), dpkg-deb, fakeroot (jpackage runs dpkg-deb under it for the
# desktop .deb), tar, python3. The Maven build must have packaged the modules (./throng build); when
# the jars are missing this runs it. Windows and macOS installers: see installers/windows and installers/macos.
set -eu

HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/target"

say() { echo "installers: $*" >&2; }
die() { say "$*"; exit 2; }

# --- what to build -------------------------------------------------------------------------------
want_agent=no
want_desktop=no
[ $# -eq 0 ] && { want_agent=yes; want_desktop=yes; }
for arg in "$@"; do
    case "$arg" in
        agent) want_agent=yes ;;
        desktop) want_desktop=yes ;;
        *) die "unknown argument '$arg' (use: agent, desktop, or nothing for both)" ;;
    esac
done

# --- tools ---------------------------------------------------------------------------------------
jdk_ok() { [ -x "$1/bin/jlink" ] && [ -x "$1/bin/jpackage" ] && [ -x "$1/bin/jdeps" ]; }
if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then
    JDK=$JAVA_HOME
elif jdk_ok /usr/lib/jvm/temurin-25-jdk-amd64; then
    JDK=/usr/lib/jvm/temurin-25-jdk-amd64
else
    die "no JDK with jlink, jdeps and jpackage: set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
fi
export JAVA_HOME="$JDK"
for tool in dpkg-deb tar python3; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing: install it (apt-get install dpkg tar python3)"
done
if [ "$want_desktop" = yes ] && ! command -v fakeroot >/dev/null 2>&1; then
    die "'fakeroot' is missing: jpackage needs it for the desktop .deb (apt-get install fakeroot)"
fi

if [ "${THRONG_PACKAGE_FAST:-0}" = 1 ]; then
    export DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1
    DEB_Z="-Zgzip -z1"
else
    DEB_Z="-Zxz"
fi

# --- versions ------------------------------------------------------------------------------------
# The project version is the first <version> of the root pom (it has no parent).
VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
[ -n "$VERSION" ] || die "no <version> in $ROOT/pom.xml"
# jpackage wants numbers only (1 to 4 parts). The Debian revision carries the rest: 0.1.0-SNAPSHOT
# becomes 0.1.0-0~SNAPSHOT, which Debian orders before a release's 0.1.0-1, as Maven does.
APP_VERSION=$(echo "$VERSION" | sed 's/[^0-9.].*//; s/\.$//')
case "$VERSION" in
    *-*) DEB_RELEASE="0~${VERSION#*-}" ;;
    *) DEB_RELEASE=1 ;;
esac
DEB_VERSION="$APP_VERSION-$DEB_RELEASE"

AGENT_JAR="$ROOT/remote-agent/target/throng-remote-agent-$VERSION.jar"
APP_JAR="$ROOT/app/target/throng-app-$VERSION.jar"
if [ ! -f "$AGENT_JAR" ] || [ ! -d "$ROOT/remote-agent/target/lib" ] ||
    { [ "$want_desktop" = yes ] && { [ ! -f "$APP_JAR" ] || [ ! -d "$ROOT/app/target/lib" ]; }; }; then
    say "module jars missing: running ./throng build"
    "$ROOT/throng" build
fi

mkdir -p "$OUT"

# Modules a set of jars needs (jdeps), plus the ones found only through reflection or at run time.
modules_for() {
    # $1: extra modules (comma separated); rest: jars
    extra=$1
    shift
    found=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 "$@" 2>/dev/null | tail -n 1)
    [ -n "$found" ] || die "jdeps found no modules for: $*"
    echo "$found,$extra" | tr ',' '\n' | sort -u | paste -s -d, -
}

# --- agent ---------------------------------------------------------------------------------------
build_agent() {
    name="throng-agent-$VERSION"
    stage="$OUT/agent/$name"
    rm -rf "$OUT/agent" "$OUT/agent-deb" "$OUT"/throng-agent*
    mkdir -p "$stage/bin" "$stage/lib" "$stage/share"

    cp "$AGENT_JAR" "$ROOT"/remote-agent/target/lib/*.jar "$stage/lib/"
    # The agent never shows a window: refuse to ship a GUI library by accident.
    if ls "$stage/lib" | grep -E -i 'javafx|chartfx|controlsfx|ikonli|testfx' >/dev/null; then
        die "a GUI jar reached the agent's lib folder: $(ls "$stage/lib" | grep -E -i 'javafx|chartfx|controlsfx|ikonli|testfx' | tr '\n' ' ')"
    fi

    # jdk.crypto.ec, jdk.unsupported: TLS and libraries that look for them at run time;
    # jdk.httpserver: demo-target; jdk.management: open-file limit and memory in the hello message;
    # jdk.jfr: flight recordings of a farm machine (-XX:StartFlightRecording).
    mods=$(modules_for "jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.httpserver,jdk.jfr" "$stage"/lib/*.jar)
    say "agent runtime modules: $mods"
    "$JDK/bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
        --compress zip-6 --output "$stage/runtime"

    install -m 0755 "$HERE/agent/throng-agent" "$stage/bin/throng-agent"
    install -m 0644 "$HERE/agent/throng-agent.service" "$HERE/agent/agent.env" \
        "$HERE/agent/99-throng-agent.conf" "$stage/share/"
    mkdir -p "$stage/samples"
    cp "$ROOT"/samples/*.throng.json "$stage/samples/"
    cp -r "$ROOT/samples/data" "$stage/samples/"
    install -m 0644 "$HERE/README.md" "$stage/README.md"
    chmod -R u+rwX,go+rX,go-w "$stage"

    tarball="$OUT/$name-linux-x64.tar.gz"
    tar --sort=name --owner=0 --group=0 --numeric-owner -C "$OUT/agent" -czf "$tarball" "$name"
    say "wrote $tarball ($(du -h "$tarball" | cut -f1))"

    # The .deb: the same tree under /opt/throng-agent, plus the unit, the settings and the user.
    deb_root="$OUT/agent-deb/root"
    mkdir -p "$deb_root/opt" "$deb_root/usr/bin" "$deb_root/lib/systemd/system" "$deb_root/etc/throng" \
        "$deb_root/usr/share/throng-agent" "$deb_root/usr/share/doc/throng-agent" "$deb_root/DEBIAN"
    cp -a "$stage" "$deb_root/opt/throng-agent"
    ln -s /opt/throng-agent/bin/throng-agent "$deb_root/usr/bin/throng-agent"
    install -m 0644 "$HERE/agent/throng-agent.service" "$deb_root/lib/systemd/system/"
    install -m 0644 "$HERE/agent/agent.env" "$deb_root/etc/throng/agent.env"
    install -m 0644 "$HERE/agent/99-throng-agent.conf" "$deb_root/usr/share/throng-agent/"
    install -m 0644 "$HERE/README.md" "$deb_root/usr/share/doc/throng-agent/README.md"
    install -m 0755 "$HERE"/agent/deb/postinst "$HERE"/agent/deb/prerm "$HERE"/agent/deb/postrm "$deb_root/DEBIAN/"
    install -m 0644 "$HERE/agent/deb/conffiles" "$deb_root/DEBIAN/"
    size=$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
    sed -e "s/@DEB_VERSION@/$DEB_VERSION/" -e "s/@INSTALLED_SIZE@/$size/" "$HERE/agent/deb/control.in" \
        >"$deb_root/DEBIAN/control"
    deb="$OUT/throng-agent_${DEB_VERSION}_amd64.deb"
    # shellcheck disable=SC2086 # DEB_Z holds two options
    dpkg-deb --root-owner-group $DEB_Z --build "$deb_root" "$deb" >/dev/null
    say "wrote $deb ($(du -h "$deb" | cut -f1))"
}

# --- desktop -------------------------------------------------------------------------------------
build_desktop() {
    work="$OUT/desktop"
    rm -rf "$work" "$OUT"/throng_*.deb
    mkdir -p "$work/input" "$work/resources"
    input="$work/input"

    # The app's classpath, and the command line beside it (the throng-cli launcher: run, keys, ...).
    # Only this platform's JavaFX jars are in app/target/lib (Maven picks the classifier by OS).
    cp "$APP_JAR" "$ROOT"/app/target/lib/*.jar "$input/"
    for jar in "$AGENT_JAR" "$ROOT"/remote-agent/target/lib/*.jar; do
        # The two modules share most libraries (the same versions: the root pom pins them).
        [ -f "$input/$(basename "$jar")" ] || cp "$jar" "$input/"
    done
    mkdir -p "$input/samples"
    cp "$ROOT"/samples/*.throng.json "$input/samples/"
    cp -r "$ROOT/samples/data" "$input/samples/"

    python3 "$HERE/icon/make-icon.py" --png "$work/resources/throng.png" 256

    # jdk.crypto.ec, jdk.unsupported: TLS and JavaFX internals; jdk.management, jdk.httpserver as for the agent;
    # jdk.localedata: number and date formats of the user's locale.
    mods=$(modules_for "jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.httpserver,jdk.jfr,jdk.localedata" \
        "$input"/*.jar)
    say "desktop runtime modules: $mods"

    cat >"$work/throng-cli.properties" <<EOF
main-class=dev.throng.agent.cli.Main
java-options=-Dthrong.home=\$APPDIR
linux-shortcut=false
EOF

    "$JDK/bin/jpackage" --type app-image --dest "$work" --name throng --app-version "$APP_VERSION" \
        --vendor "Throng" --copyright "Throng contributors" \
        --description "Load testing with weighted user flows: design, run and watch" \
        --input "$input" --main-jar "$(basename "$APP_JAR")" --main-class dev.throng.app.Launcher \
        --java-options '-Dthrong.home=$APPDIR' --java-options --enable-native-access=ALL-UNNAMED \
        --icon "$work/resources/throng.png" \
        --add-modules "$mods" \
        --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands --compress zip-6" \
        --add-launcher "throng-cli=$work/throng-cli.properties"
    say "wrote $work/throng (app image)"

    # The .deb is made from the app image above: no second jlink.
    "$JDK/bin/jpackage" --type deb --dest "$OUT" --app-image "$work/throng" --name throng \
        --app-version "$APP_VERSION" --linux-app-release "$DEB_RELEASE" \
        --vendor "Throng" --description "Load testing with weighted user flows: design, run and watch" \
        --icon "$work/resources/throng.png" --resource-dir "$HERE/desktop/linux" \
        --linux-package-name throng --linux-deb-maintainer "throng@localhost" \
        --linux-menu-group "Development;Network;" --linux-app-category devel --linux-shortcut \
        --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libxxf86vm1, libgl1, libfreetype6, libfontconfig1"
    deb="$OUT/throng_${DEB_VERSION}_amd64.deb"
    [ -f "$deb" ] || die "jpackage did not write $deb"
    say "wrote $deb ($(du -h "$deb" | cut -f1))"
}

[ "$want_agent" = yes ] && build_agent
[ "$want_desktop" = yes ] && build_desktop
exit 0
