# Builds the Windows installer (.msi) of the desktop app. Run on Windows with JDK 25 (Temurin) and
# the WiX Toolset (3.14, or 4+/5 with `dotnet tool install --global wix`; jpackage finds either on
# the PATH), from the repository root, after `mvnw.cmd -B -DskipTests package` (Maven then puts the
# Windows JavaFX jars, classifier win, in app\target\lib). Writes installers\target\Throng-VERSION.msi.
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
# The icon: installers\windows\throng.ico if present; make it from the PNG drawing, e.g. with
#   python installers\icon\make-icon.py --png throng-256.png 256; magick throng-256.png -define icon:auto-resize=256,48,32,16 installers\windows\throng.ico
$ErrorActionPreference = 'Stop'

$Here = Split-Path -Parent $PSScriptRoot
$Root = Split-Path -Parent $Here
$Out = Join-Path $Here 'target\windows'
$Jdk = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { throw 'Set JAVA_HOME to a JDK 25 (Temurin).' }
$Version = ([xml](Get-Content (Join-Path $Root 'pom.xml'))).project.version
$AppVersion = ($Version -replace '[^0-9.].*$', '').TrimEnd('.')

Remove-Item -Recurse -Force $Out -ErrorAction SilentlyContinue
$InDir = Join-Path $Out 'input'
New-Item -ItemType Directory -Force (Join-Path $InDir 'samples') | Out-Null
Copy-Item (Join-Path $Root "app\target\throng-app-$Version.jar") $InDir
Copy-Item (Join-Path $Root 'app\target\lib\*.jar') $InDir
foreach ($jar in @(Get-Item (Join-Path $Root "remote-agent\target\throng-remote-agent-$Version.jar")) + @(Get-ChildItem (Join-Path $Root 'remote-agent\target\lib\*.jar'))) {
    if (-not (Test-Path (Join-Path $InDir $jar.Name))) { Copy-Item $jar.FullName $InDir }
}
Copy-Item (Join-Path $Root 'samples\*.throng.json') (Join-Path $InDir 'samples')
Copy-Item -Recurse (Join-Path $Root 'samples\data') (Join-Path $InDir 'samples')

$Mods = (& (Join-Path $Jdk 'bin\jdeps.exe') --print-module-deps --ignore-missing-deps --multi-release 25 (Get-ChildItem (Join-Path $InDir '*.jar')).FullName | Select-Object -Last 1)
$Props = Join-Path $Out 'throng-cli.properties'
"main-class=dev.throng.agent.cli.Main`njava-options=-Dthrong.home=`$APPDIR`nwin-console=true`nwin-shortcut=false`nwin-menu=false" | Set-Content -Encoding ascii $Props

$JpArgs = @('--type', 'msi', '--dest', (Join-Path $Here 'target'), '--name', 'Throng', '--app-version', $AppVersion,
    '--vendor', 'Throng', '--description', 'Load testing with weighted user flows: design, run and watch',
    '--input', $InDir, '--main-jar', "throng-app-$Version.jar", '--main-class', 'dev.throng.app.Launcher',
    '--java-options', '-Dthrong.home=$APPDIR', '--java-options', '--enable-native-access=ALL-UNNAMED',
    '--add-modules', "$Mods,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.httpserver,jdk.jfr,jdk.localedata",
    '--add-launcher', "throng-cli=$Props",
    '--win-menu', '--win-menu-group', 'Throng', '--win-shortcut', '--win-dir-chooser', '--win-per-user-install',
    # Keep this GUID for every release: it lets a new .msi upgrade the installed one.
    '--win-upgrade-uuid', '6d0f3c1e-2b7a-4c55-9e1f-7a3b8d2c4e10')
$Ico = Join-Path $PSScriptRoot 'throng.ico'
if (Test-Path $Ico) { $JpArgs += @('--icon', $Ico) }
& (Join-Path $Jdk 'bin\jpackage.exe') @Args
if ($LASTEXITCODE -ne 0) { throw "jpackage failed ($LASTEXITCODE)" }
Write-Host "windows: wrote $(Get-ChildItem (Join-Path $Here 'target\Throng-*.msi'))"
