#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every source file that holds a string marked for translation is listed in po/POTFILES.in, every
listed file exists, and xgettext finds the strings people will see."""
import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
listed = [line.strip() for line in (root / "po" / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")]
tests = 0
failures = 0


def check(ok, what):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    failures += 0 if ok else 1


c_marks = re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(')
marked = set()
for path in sorted(root.glob("src/**/*.c")):
    if c_marks.search(path.read_text(encoding="utf-8")):
        marked.add(str(path.relative_to(root)))
for path in sorted(root.glob("ui/**/*.ui")):
    if 'translatable="yes"' in path.read_text(encoding="utf-8"):
        marked.add(str(path.relative_to(root)))
for path in sorted(root.glob("data/*.in")) + sorted(root.glob("data/*.gschema.xml")):
    marked.add(str(path.relative_to(root)))

for name in sorted(marked):
    check(name in listed, f"{name} is in POTFILES.in")
for name in listed:
    check((root / name).exists(), f"{name} (listed) exists")

with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / "waymark.pot"
    subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments=Translators",
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                    "--directory", str(root), "--output", str(pot)] + listed, check=True)
    text = pot.read_text(encoding="utf-8")
    for expected in ('msgid "No published cost"', 'msgid "Evidence"',
                     'msgid "%u of %u intervention"', 'msgctxt "rating"',
                     'msgid "Commissioning Evidence Browser"',
                     'msgid "Choose and cost domestic abuse and sexual violence interventions"',
                     'msgid "Window width"'):
        check(expected in text, f"the template holds {expected}")
    check("#. Translators:" in text, "translator comments reach the template")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
