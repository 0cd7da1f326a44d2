#!/bin/sh
# Builds the macOS disk image of the desktop app: run on a Mac with JDK 25 (Temurin) and Xcode's
# command line tools, from the repository root, after ./throng build (Maven then puts the macOS
# JavaFX jars, classifier mac or mac-aarch64, in app/target/lib). Writes installers/target/throng-VERSION.dmg.
#   THRONG_MAC_SIGN="Developer ID Application: NAME (TEAM)"  sign (then notarize with xcrun notarytool)
set -eu

HERE=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
ROOT=$(dirname "$HERE")
OUT="$HERE/target/macos"
JAVA_HOME=${JAVA_HOME:-$(/usr/libexec/java_home -v 25)}
VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -n 1)
APP_VERSION=$(echo "$VERSION" | sed 's/[^0-9.].*//; s/\.$//')

rm -rf "$OUT" && mkdir -p "$OUT/input" "$OUT/resources"
cp "$ROOT/app/target/throng-app-$VERSION.jar" "$ROOT"/app/target/lib/*.jar "$OUT/input/"
for jar in "$ROOT/remote-agent/target/throng-remote-agent-$VERSION.jar" "$ROOT"/remote-agent/target/lib/*.jar; do
    [ -f "$OUT/input/$(basename "$jar")" ] || cp "$jar" "$OUT/input/"
done
mkdir -p "$OUT/input/samples" && cp "$ROOT"/samples/*.throng.json "$OUT/input/samples/" && cp -R "$ROOT/samples/data" "$OUT/input/samples/"

# The icon: the same drawing as on Linux, as an .icns made with the system's iconutil.
mkdir -p "$OUT/throng.iconset"
for size in 16 32 128 256 512; do
    python3 "$HERE/icon/make-icon.py" --png "$OUT/throng.iconset/icon_${size}x${size}.png" "$size"
    python3 "$HERE/icon/make-icon.py" --png "$OUT/throng.iconset/icon_${size}x${size}@2x.png" $((size * 2))
done
iconutil -c icns -o "$OUT/resources/throng.icns" "$OUT/throng.iconset"

mods=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 "$OUT"/input/*.jar | tail -n 1)
set -- --type dmg --dest "$HERE/target" --name Throng --app-version "$APP_VERSION" --vendor Throng \
    --description "Load testing with weighted user flows: design, run and watch" \
    --input "$OUT/input" --main-jar "throng-app-$VERSION.jar" --main-class dev.throng.app.Launcher \
    --java-options '-Dthrong.home=$APPDIR' --java-options --enable-native-access=ALL-UNNAMED --icon "$OUT/resources/throng.icns" \
    --add-modules "$mods,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.httpserver,jdk.jfr,jdk.localedata" \
    --mac-package-identifier dev.throng.app --mac-package-name Throng --mac-app-category public.app-category.developer-tools
if [ -n "${THRONG_MAC_SIGN:-}" ]; then
    set -- "$@" --mac-sign --mac-signing-key-user-name "$THRONG_MAC_SIGN"
fi
"$JAVA_HOME/bin/jpackage" "$@"
echo "macos: wrote $(ls "$HERE"/target/Throng-*.dmg)"
