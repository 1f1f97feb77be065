#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gen-catalogue.py N OUT: a valid catalogue of N interventions for benchmarks, made by cycling the
review's 35 with new ids and names (so text, ratings and costs have the real distribution)."""
import json
import pathlib
import sys

n = int(sys.argv[1])
root = pathlib.Path(__file__).resolve().parent.parent
catalogue = json.loads((root / "data/catalogue/interventions.json").read_text(encoding="utf-8"))
base = catalogue["interventions"]
out = []
for i in range(n):
    item = dict(base[i % len(base)])
    item["id"] = f"{item['id']}-{i}"
    item["name"] = f"{item['name']} #{i}"
    out.append(item)
catalogue["interventions"] = out
pathlib.Path(sys.argv[2]).write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
