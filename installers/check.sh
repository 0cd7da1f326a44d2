#!/bin/sh
# Builds the Linux installers (build.sh, fast compression) and checks what they contain and that
# they start. For CI (.ci/run) and for anyone changing installers/.
#
# Usage: installers/check.sh [--no-build] [agent] [desktop]      (no part named: both)
#   --no-build  check what installers/target already holds
#
# Needs what build.sh needs (JDK 25, dpkg-deb, fakeroot for the desktop .deb, tar, python3);
# uses python3-yaml and systemd-analyze when present, and says when it skips something.
set -eu

HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/target"
started=$(date +%s)

build=yes
parts=""
for arg in "$@"; do
    case "$arg" in
        --no-build) build=no ;;
        agent | desktop) parts="$parts $arg" ;;
        *) echo "check: unknown argument '$arg' (use: --no-build, agent, desktop)" >&2; exit 2 ;;
    esac
done
[ -n "$parts" ] || parts="agent desktop"

failures=0
ok() { echo "check: ok    $*"; }
bad() { echo "check: FAIL  $*"; failures=$((failures + 1)); }
skip() { echo "check: skip  $*"; }

if [ "$build" = yes ]; then
    # shellcheck disable=SC2086 # parts is a list of words
    THRONG_PACKAGE_FAST=${THRONG_PACKAGE_FAST:-1} "$HERE/build.sh" $parts
    echo "check: build took $(($(date +%s) - started)) s"
fi

VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
APP_VERSION=$(echo "$VERSION" | sed 's/[^0-9.].*//; s/\.$//')
case "$VERSION" in *-*) DEB_VERSION="$APP_VERSION-0~${VERSION#*-}" ;; *) DEB_VERSION="$APP_VERSION-1" ;; esac
GUI_JARS='javafx|chartfx|controlsfx|ikonli|testfx'

TMP=$(mktemp -d "${TMPDIR:-/tmp}/throng-check.XXXXXX")
demo_pid=""
cleanup() {
    [ -z "$demo_pid" ] || kill "$demo_pid" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# contains LISTING PATTERN WHAT: the listing has a line matching the extended regex.
contains() {
    if grep -E -q -- "$2" "$1"; then ok "$3"; else bad "$3 (no line matching '$2' in $(basename "$1"))"; fi
}
lacks() {
    if grep -E -i -q -- "$2" "$1"; then
        bad "$3: $(grep -E -i -- "$2" "$1" | head -n 3 | tr '\n' ' ')"
    else
        ok "$3"
    fi
}
# contents_of DEB: its paths, one a line ("./path" or "./link -> target"), without modes and owners.
contents_of() {
    dpkg-deb --contents "$1" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print }'
}
# prints_version LAUNCHER WHAT: the launcher starts and its first line is "throng VERSION".
prints_version() {
    if out=$("$1" --version 2>&1) && [ "$(echo "$out" | head -n 1)" = "throng $VERSION" ]; then
        ok "$2 prints 'throng $VERSION'"
    else
        bad "$2: '$1 --version' printed: $out"
    fi
}

# check_postinst POSTINST: runs it in a scratch root with stand-ins for the commands that would change
# this machine (useradd, chown, systemctl...), once without keys and once with, and checks what it did.
check_postinst() {
    sandbox="$TMP/postinst"
    mkdir -p "$sandbox/bin" "$sandbox/root/etc/throng" "$sandbox/root/run/systemd/system"
    for cmd in getent groupadd useradd chown systemctl; do
        printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\n[ %s != getent ]\n' "$cmd" "$sandbox" "$cmd" >"$sandbox/bin/$cmd"
        chmod +x "$sandbox/bin/$cmd"
    done
    cp "$HERE/agent/agent.env" "$sandbox/root/etc/throng/agent.env"
    sed -e "s|/etc/throng|$sandbox/root/etc/throng|g" -e "s|/var/lib/throng-agent|$sandbox/root/var/lib/throng-agent|g" \
        -e "s|/run/systemd/system|$sandbox/root/run/systemd/system|g" "$1" >"$sandbox/postinst"
    if ! PATH="$sandbox/bin:$PATH" sh -e "$sandbox/postinst" configure >"$sandbox/out" 2>&1; then
        bad "postinst configure failed: $(cat "$sandbox/out")"
        return
    fi
    if grep -q '^useradd --system .*throng$' "$sandbox/calls" && grep -q '^groupadd --system throng$' "$sandbox/calls"; then
        ok "postinst makes the throng system user and group"
    else
        bad "postinst did not make the throng user: $(cat "$sandbox/calls")"
    fi
    if [ "$(stat -c %a "$sandbox/root/etc/throng/keys")" = 750 ] && [ "$(stat -c %a "$sandbox/root/etc/throng/agent.env")" = 640 ]; then
        ok "postinst makes /etc/throng/keys (750) and keeps agent.env private (640)"
    else
        bad "postinst left /etc/throng/keys or agent.env with the wrong mode"
    fi
    if grep -q '^systemctl enable' "$sandbox/calls"; then
        bad "postinst enabled the service without keys (it would restart in a loop)"
    elif grep -q 'put controller.pub and agent.key' "$sandbox/out"; then
        ok "postinst without keys says what to do and starts nothing"
    else
        bad "postinst without keys said nothing: $(cat "$sandbox/out")"
    fi
    : >"$sandbox/calls"
    touch "$sandbox/root/etc/throng/keys/controller.pub" "$sandbox/root/etc/throng/keys/agent.key"
    PATH="$sandbox/bin:$PATH" sh -e "$sandbox/postinst" configure >"$sandbox/out" 2>&1 || true
    if grep -q '^systemctl enable throng-agent.service' "$sandbox/calls" &&
        grep -q '^systemctl restart throng-agent.service' "$sandbox/calls" &&
        grep -q "^chown root:throng $sandbox/root/etc/throng/keys/agent.key" "$sandbox/calls"; then
        ok "postinst with keys gives group throng the keys, enables and starts the service"
    else
        bad "postinst with keys: $(cat "$sandbox/calls")"
    fi
}

# check_agent_runs_load DIR: the unpacked agent serves the demo shop and runs a short load against it on
# 127.0.0.1: the trimmed runtime has every module a real run uses (HTTP client, server, JSON, stats).
check_agent_runs_load() {
    "$1/bin/throng-agent" demo-target --port 0 >"$TMP/demo.out" 2>&1 &
    demo_pid=$!
    port=""
    tries=0
    while [ -z "$port" ] && [ $tries -lt 60 ] && kill -0 "$demo_pid" 2>/dev/null; do
        sleep 0.5
        tries=$((tries + 1))
        port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\).*|\1|p' "$TMP/demo.out" | head -n 1)
    done
    if [ -z "$port" ]; then
        bad "demo-target from the agent did not start: $(cat "$TMP/demo.out")"
        return
    fi
    cp -r "$1/samples" "$TMP/samples"
    if out=$("$1/bin/throng-agent" run "$TMP/samples/shop.throng.json" --host "http://127.0.0.1:$port" --users 3 \
        --duration 2s --quiet --no-history --json "$TMP/run.json" 2>&1) &&
        python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["totals"]["requests"] > 0 else 1)' \
            "$TMP/run.json"; then
        ok "the agent runs a 2 s load against its demo shop ($(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["totals"]["requests"])' "$TMP/run.json") requests)"
    else
        bad "the agent could not run a load against its demo shop: $(echo "$out" | tail -n 5)"
    fi
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
    demo_pid=""
}

check_agent() {
    tarball="$OUT/throng-agent-$VERSION-linux-x64.tar.gz"
    deb="$OUT/throng-agent_${DEB_VERSION}_amd64.deb"
    for f in "$tarball" "$deb"; do
        [ -f "$f" ] || { bad "missing $f (run installers/build.sh agent)"; return; }
    done

    # The tarball: launcher, runtime, jars, no GUI library; it starts where it is unpacked.
    tar -tzf "$tarball" >"$TMP/tar.list"
    top="throng-agent-$VERSION"
    contains "$TMP/tar.list" "^$top/bin/throng-agent\$" "tarball has bin/throng-agent"
    contains "$TMP/tar.list" "^$top/runtime/bin/java\$" "tarball has its own runtime"
    contains "$TMP/tar.list" "^$top/lib/throng-remote-agent-$VERSION\.jar\$" "tarball has the agent jar"
    contains "$TMP/tar.list" "^$top/lib/throng-engine-$VERSION\.jar\$" "tarball has the engine jar"
    contains "$TMP/tar.list" "^$top/share/throng-agent\.service\$" "tarball has the systemd unit"
    lacks "$TMP/tar.list" "$GUI_JARS" "tarball has no JavaFX/chartfx/controlsfx jar"
    lacks "$TMP/tar.list" "/runtime/(jmods|include|man)/" "tarball runtime has no jmods, headers or man pages"
    mkdir "$TMP/tar" && tar -xzf "$tarball" -C "$TMP/tar"
    prints_version "$TMP/tar/$top/bin/throng-agent" "agent from the tarball"
    check_agent_runs_load "$TMP/tar/$top"
    if "$TMP/tar/$top/runtime/bin/java" --list-modules | grep -E -q '^javafx|^java\.compiler|^jdk\.compiler'; then
        bad "the agent runtime holds modules it does not need: $("$TMP/tar/$top/runtime/bin/java" --list-modules | tr '\n' ' ')"
    else
        ok "agent runtime is trimmed ($("$TMP/tar/$top/runtime/bin/java" --list-modules | wc -l) modules)"
    fi

    # The .deb: metadata, files, maintainer scripts; it starts where it is extracted.
    dpkg-deb --info "$deb" >"$TMP/deb.info"
    contains "$TMP/deb.info" "^ Package: throng-agent\$" "agent .deb is package throng-agent"
    contains "$TMP/deb.info" "^ Version: $DEB_VERSION\$" "agent .deb has version $DEB_VERSION"
    contains "$TMP/deb.info" "^ Depends: .*libc6" "agent .deb declares its dependencies"
    contains "$TMP/deb.info" "postinst" "agent .deb has a postinst (makes the throng user)"
    contents_of "$deb" >"$TMP/deb.list"
    contains "$TMP/deb.list" "^\./opt/throng-agent/bin/throng-agent\$" "agent .deb has the launcher"
    contains "$TMP/deb.list" "^\./usr/bin/throng-agent -> /opt/throng-agent/bin/throng-agent\$" "agent .deb links it into /usr/bin"
    contains "$TMP/deb.list" "^\./opt/throng-agent/runtime/lib/server/libjvm\.so\$" "agent .deb has the runtime"
    contains "$TMP/deb.list" "^\./opt/throng-agent/lib/throng-remote-agent-$VERSION\.jar\$" "agent .deb has the jars"
    contains "$TMP/deb.list" "^\./lib/systemd/system/throng-agent\.service\$" "agent .deb has the systemd unit"
    contains "$TMP/deb.list" "^\./etc/throng/agent\.env\$" "agent .deb has the settings file"
    contains "$TMP/deb.list" "^\./usr/share/throng-agent/99-throng-agent\.conf\$" "agent .deb has the sysctl settings"
    lacks "$TMP/deb.list" "$GUI_JARS" "agent .deb has no JavaFX/chartfx/controlsfx jar"
    mkdir "$TMP/ctrl" && dpkg-deb --control "$deb" "$TMP/ctrl"
    contains "$TMP/ctrl/conffiles" "^/etc/throng/agent\.env\$" "agent.env is a conffile (upgrades keep the operator's edits)"
    for script in postinst prerm postrm; do
        if sh -n "$TMP/ctrl/$script"; then ok "$script is valid sh"; else bad "$script has a syntax error"; fi
    done
    check_postinst "$TMP/ctrl/postinst"
    mkdir "$TMP/debroot" && dpkg-deb --extract "$deb" "$TMP/debroot"
    prints_version "$TMP/debroot/opt/throng-agent/bin/throng-agent" "agent from the extracted .deb"

    # The unit, with ExecStart pointed at the extracted launcher (verify wants it to exist).
    if command -v systemd-analyze >/dev/null 2>&1; then
        mkdir "$TMP/unit"
        sed "s|/opt/throng-agent/bin/throng-agent|$TMP/debroot/opt/throng-agent/bin/throng-agent|" \
            "$TMP/debroot/lib/systemd/system/throng-agent.service" >"$TMP/unit/throng-agent.service"
        # verify exits 0 on unknown keys or bad values; any message is a finding.
        if msg=$(systemd-analyze verify "$TMP/unit/throng-agent.service" 2>&1) && [ -z "$msg" ]; then
            ok "systemd-analyze verify throng-agent.service"
        else
            bad "systemd-analyze verify throng-agent.service: $msg"
        fi
    else
        skip "systemd-analyze not installed: the unit is not verified"
    fi
    unit="$HERE/agent/throng-agent.service"
    for line in 'LimitNOFILE=1048576' 'Restart=on-failure' 'EnvironmentFile=/etc/throng/agent.env' 'User=throng' \
        'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' \
        'ExecStart=/opt/throng-agent/bin/throng-agent agent --controller ${THRONG_CONTROLLER} --keys ${THRONG_KEYS}'; do
        if grep -F -x -q -- "$line" "$unit"; then ok "unit: $line"; else bad "unit lacks the line: $line"; fi
    done

    # Farm files: Kubernetes, cloud-init, Dockerfile; the example project must be valid.
    if python3 "$HERE/check/check_files.py" "$HERE" "$TMP/farm.throng.json"; then
        ok "kubernetes manifests, cloud-init.yaml and Dockerfile"
    else
        bad "kubernetes manifests, cloud-init.yaml or Dockerfile (see above)"
    fi
    if [ -s "$TMP/farm.throng.json" ]; then
        if out=$("$TMP/tar/$top/bin/throng-agent" validate "$TMP/farm.throng.json" 2>&1); then
            ok "the controller ConfigMap's project is valid"
        else
            bad "the controller ConfigMap's project: $out"
        fi
    fi
    for script in "$HERE/build.sh" "$HERE/check.sh" "$HERE/agent/throng-agent" "$HERE/agent/user-data.sh" \
        "$HERE/macos/build.sh"; do
        if sh -n "$script"; then ok "$(basename "$script") is valid sh"; else bad "$script has a syntax error"; fi
    done
    if command -v shellcheck >/dev/null 2>&1; then
        if shellcheck -s sh "$HERE/build.sh" "$HERE/check.sh" "$HERE/agent/throng-agent" "$HERE/agent/user-data.sh" \
            "$HERE"/agent/deb/postinst "$HERE"/agent/deb/prerm "$HERE"/agent/deb/postrm; then
            ok "shellcheck"
        else
            bad "shellcheck (see above)"
        fi
    fi
}

# check_javafx_starts APP_DIR: the app's own launcher, runtime and jars open a JavaFX window (a probe
# class stands in for the app's main class in a copy). Needs a display or xvfb-run.
check_javafx_starts() {
    if [ -n "${DISPLAY:-}" ]; then
        run_x=""
    elif command -v xvfb-run >/dev/null 2>&1; then
        run_x="xvfb-run -a"
    else
        skip "no display and no xvfb-run (apt-get install xvfb xauth): JavaFX start-up not tried"
        return
    fi
    jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
    [ -x "$jdk/bin/javac" ] || { skip "no javac at $jdk: JavaFX start-up not tried"; return; }
    probe="$TMP/probe"
    mkdir "$probe"
    cp -a "$1" "$probe/app"
    "$jdk/bin/javac" -d "$probe/classes" -cp "$probe/app/lib/app/*" "$HERE/check/FxProbe.java"
    "$jdk/bin/jar" --create --file "$probe/app/lib/app/fx-probe.jar" -C "$probe/classes" .
    sed -i -e 's/^app\.mainclass=.*/app.mainclass=FxProbe/' \
        -e '0,/^app\.classpath=/s//app.classpath=$APPDIR\/fx-probe.jar\n&/' "$probe/app/lib/app/throng.cfg"
    # shellcheck disable=SC2086 # run_x is a command and its options, or nothing
    if out=$(timeout 90 $run_x "$probe/app/bin/throng" 2>&1) && echo "$out" | grep -q '^javafx started'; then
        ok "the desktop runtime starts JavaFX ($(echo "$out" | grep '^javafx started'))"
    else
        bad "the desktop runtime could not start JavaFX: $(echo "$out" | tail -n 5)"
    fi
}

check_desktop() {
    deb="$OUT/throng_${DEB_VERSION}_amd64.deb"
    [ -f "$deb" ] || { bad "missing $deb (run installers/build.sh desktop)"; return; }
    dpkg-deb --info "$deb" >"$TMP/app.info"
    contains "$TMP/app.info" "^ Package: throng\$" "desktop .deb is package throng"
    contains "$TMP/app.info" "^ Version: $DEB_VERSION\$" "desktop .deb has version $DEB_VERSION"
    for dep in libgtk-3-0 libxtst6 libxxf86vm1 libgl1; do
        contains "$TMP/app.info" "^ Depends: .*$dep" "desktop .deb depends on $dep (JavaFX)"
    done
    contents_of "$deb" >"$TMP/app.list"
    contains "$TMP/app.list" "^\./opt/throng/bin/throng\$" "desktop .deb has the throng launcher"
    contains "$TMP/app.list" "^\./opt/throng/bin/throng-cli\$" "desktop .deb has the throng-cli launcher"
    contains "$TMP/app.list" "^\./opt/throng/lib/runtime/lib/server/libjvm\.so\$" "desktop .deb has the runtime"
    contains "$TMP/app.list" "^\./opt/throng/lib/app/throng-app-$VERSION\.jar\$" "desktop .deb has the app jar"
    contains "$TMP/app.list" "^\./opt/throng/lib/app/javafx-graphics-.*-linux\.jar\$" "desktop .deb has JavaFX for Linux"
    contains "$TMP/app.list" "^\./opt/throng/lib/app/samples/shop\.throng\.json\$" "desktop .deb has the samples"
    contains "$TMP/app.list" "^\./opt/throng/lib/throng-throng\.desktop\$" "desktop .deb has a desktop entry"
    contains "$TMP/app.list" "^\./opt/throng/lib/throng\.png\$" "desktop .deb has the icon"
    mkdir "$TMP/app" && dpkg-deb --extract "$deb" "$TMP/app"
    contains "$TMP/app/opt/throng/lib/throng-throng.desktop" "^Categories=Development;" "desktop entry is in Development"
    mkdir "$TMP/appctrl" && dpkg-deb --control "$deb" "$TMP/appctrl"
    contains "$TMP/appctrl/postinst" "ln -sf /opt/throng/bin/throng /usr/bin/throng" "postinst puts throng on the PATH"
    if grep -q "throng-cli.desktop" "$TMP/appctrl/postinst"; then
        bad "postinst adds a menu entry for the command line"
    else
        ok "only the app gets a menu entry"
    fi
    # The app itself needs a display; its launcher's twin throng-cli proves runtime and classpath.
    prints_version "$TMP/app/opt/throng/bin/throng-cli" "throng-cli from the extracted desktop .deb"
    if grep -q -x 'app.mainclass=dev.throng.app.Launcher' "$TMP/app/opt/throng/lib/app/throng.cfg"; then
        ok "the throng launcher starts dev.throng.app.Launcher"
    else
        bad "throng.cfg does not name dev.throng.app.Launcher"
    fi
    check_javafx_starts "$TMP/app/opt/throng"
    # The committed icon source is what make-icon.py draws.
    python3 "$HERE/icon/make-icon.py" --svg "$TMP/throng.svg"
    if cmp -s "$TMP/throng.svg" "$HERE/icon/throng.svg"; then
        ok "icon/throng.svg is up to date"
    else
        bad "icon/throng.svg differs from make-icon.py's drawing: run installers/icon/make-icon.py --svg installers/icon/throng.svg"
    fi
}

for part in $parts; do
    "check_$part"
done

echo "check: $failures failure(s); $(($(date +%s) - started)) s in all"
[ "$failures" -eq 0 ]
