#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The core must stay free of GTK: no GTK or libadwaita include, no such dependency."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
core = root / "src" / "core"
bad = []
for path in sorted(core.glob("*.[ch]")):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.match(r'\s*#\s*include\s*[<"](gtk|gdk|adwaita|gsk)', line):
            bad.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
build = (core / "meson.build").read_text(encoding="utf-8")
for dep in ("gtk4", "libadwaita"):
    if dep in build:
        bad.append(f"src/core/meson.build depends on {dep}")
if bad:
    print("The core must not use GTK:\n" + "\n".join(bad))
    sys.exit(1)
print("1..1\nok 1 src/core uses no GTK")
