#!/usr/bin/env bash
# Every string the sources put through tr() has its Spanish and German translation: lupdate is
# run over the sources into copies of translations/*.ts (the files themselves are never written)
# and any message it leaves unfinished is a string added without a translation.
# Fix: cmake --build build --target update_translations && scripts/fill-translations.py
# Usage: sources_translated.sh PROJECT_CMAKE GENERATOR (the build's src/ui/.lupdate/*_project.cmake
# and Qt's GenerateLUpdateProject.cmake, which turns it into lupdate's project file)
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$work/generated.json"
cmake -DIN_FILE="$1" -DOUT_FILE="$project" -P "$2"
# The project file the build generates names the sources and the .ts files: point its
# translations at copies.
python3 - "$project" "$work" <<'PY'
import json, shutil, sys, pathlib
project, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
data = json.loads(project.read_text())
copies = []
for ts in data["translations"]:
    copy = work / pathlib.Path(ts).name
    shutil.copy(ts, copy)
    copies.append(str(copy))
data["translations"] = copies
(work / "project.json").write_text(json.dumps(data))
PY
/usr/lib/qt6/bin/lupdate -project "$work/project.json" -no-obsolete -locations none -silent
status=0
for ts in "$work"/*.ts; do
  python3 - "$ts" <<'PY' || status=1
import sys, xml.etree.ElementTree as ET
path = sys.argv[1]
bad = [m.find("source").text for m in ET.parse(path).getroot().iter("message")
       if m.find("translation").get("type") == "unfinished"]
for source in bad:
    print(f"{path.rsplit('/', 1)[-1]}: no translation for {source!r}")
sys.exit(1 if bad else 0)
PY
done
exit $status
