#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads `waymark-cli list --format csv` back with Python's own csv module (a reader that shares
no code with Waymark's writer) and checks it against the review's values."""
import csv
import io
import os
import pathlib
import subprocess
import sys

cli = sys.argv[1]
srcdir = pathlib.Path(os.environ["G_TEST_SRCDIR"])
tests = 0
failures = 0


def check(ok, what):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    if not ok:
        failures += 1


raw = subprocess.run([cli, "list", "--format", "csv"], check=True, capture_output=True).stdout
check(not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark before the header")
check(raw.endswith(b"\r\n"), "rows end with CRLF")
text = raw.decode("utf-8")
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
header = rows[0]
expected_start = ("id,name,level,focus,works_with,evidence_rating,impact_rating,cost_min,cost_max,"
                  "currency,cost_unit,llr_status").split(",")
check(header[: len(expected_start)] == expected_start, "header begins as specified")
check(len(rows) == 36, f"35 interventions (got {len(rows) - 1})")
check(all(len(r) == len(header) for r in rows), "every row has as many fields as the header")

by_id = {r[0]: dict(zip(header, r)) for r in rows[1:]}
expected = list(csv.DictReader(open(srcdir / "data" / "review-expected.tsv", encoding="utf-8"),
                               delimiter="\t"))
for e in expected:
    row = by_id.get(e["id"])
    if row is None:
        check(False, f"{e['id']} is listed")
        continue
    cost_min = f"{int(e['cost_low']) / 100:.2f}" if e["cost_low"] else ""
    cost_max = f"{int(e['cost_high']) / 100:.2f}" if e["cost_high"] else ""
    got = (row["level"], row["evidence_rating"], row["impact_rating"], row["cost_min"],
           row["cost_max"], row["currency"], row["cost_unit"], row["llr_status"])
    want = (e["levels"], e["evidence"], e["impact"], cost_min, cost_max, e["currency"], e["basis"],
            e["llr_status"])
    check(got == want, f"{e['id']}: {got} == {want}")

check(by_id["make-a-change"]["cost_min"] == "2970.00", "money as plain decimals")
check(by_id["change-that-lasts"]["level"] == "primary;secondary;tertiary", "multi-values joined with ;")
check(by_id["safe-dates"]["currency"] == "USD", "dollars stay dollars")

# The same in a comma-decimal locale: exports never follow the locale.
env = dict(os.environ, LC_ALL="de_DE.UTF-8", LC_NUMERIC="de_DE.UTF-8")
again = subprocess.run([cli, "list", "--format", "csv"], check=True, capture_output=True,
                       env=env).stdout
check(again == raw, "identical output in a comma-decimal locale")

# Issue 14: `waymark-cli context --format csv` read back the same way, against the catalogue's
# own context entries (the CSV must carry each exactly; check-context.py checks the entries
# against the review).
import json  # noqa: E402

raw = subprocess.run([cli, "context", "--format", "csv"], check=True, capture_output=True).stdout
check(raw.endswith(b"\r\n"), "context: rows end with CRLF")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
header = rows[0]
check(header == ["kind", "id", "label", "value", "unit", "period", "geography", "as_written",
                 "section", "topic", "purpose", "interventions", "questions"],
      "context: the header as specified")
check(all(len(r) == len(header) for r in rows), "context: every row has as many fields")
got = {r[1]: dict(zip(header, r)) for r in rows[1:]}
catalogue = json.loads((srcdir.parent / "data/catalogue/interventions.json").read_text(encoding="utf-8"))
services = sum(len(p["services"]) for p in catalogue["providers"])
check(len(got) == len(catalogue["context"]) + services,
      f"context: every entry and service once ({len(got)})")
for entry in catalogue["context"]:
    row = got.get(entry["id"], {})
    want = {k: entry.get(k, "") for k in ("kind", "label", "value", "unit", "period", "geography",
                                           "as_written", "section", "topic", "purpose")}
    want["interventions"] = ";".join(entry.get("interventions", []))
    want["questions"] = "\n".join(entry.get("questions", []))
    check({k: row.get(k) for k in want} == want, f"context: {entry['id']} reads back exactly")
check(got["llr-da-adults"]["value"] == "28360" and got["llr-da-rise"]["value"] == "7.89",
      "context: values are plain decimals")
check({r["unit"] for r in got.values()} <= {"people", "percent", "GBP", "ratio", "text"},
      "context: units are the five ids")
env = dict(os.environ, LC_ALL="de_DE.UTF-8", LC_NUMERIC="de_DE.UTF-8")
again = subprocess.run([cli, "context", "--format", "csv"], check=True, capture_output=True,
                       env=env).stdout
check(again == raw, "context: identical output in a comma-decimal locale")

# Issue 15: `waymark-cli appraise --format csv` read back the same way, against its JSON: one row
# per option, the header as specified with one column per criterion, and every score, rank and
# weighted score the JSON gives; an empty cell where the JSON has no score (null), never 0.
plan = str(srcdir / "data" / "appraisal.waymark")
raw = subprocess.run([cli, "appraise", plan, "--format", "csv"], check=True,
                     capture_output=True).stdout
as_json = json.loads(subprocess.run([cli, "appraise", plan, "--format", "json"], check=True,
                                    capture_output=True).stdout)
check(raw.endswith(b"\r\n"), "appraise: rows end with CRLF")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
criteria = [c["id"] for c in as_json["criteria"]]
check(rows[0] == ["rank", "id", "name", "status", "reason", "weighted_score", "criteria_scored"]
      + criteria, "appraise: the header, then one column per criterion")
check(len(rows) - 1 == len(as_json["options"]), "appraise: one row per option")
for row, option in zip(rows[1:], as_json["options"]):
    cells = dict(zip(rows[0], row))
    same = (cells["id"] == option["id"] and cells["name"] == option["name"]
            and cells["status"] == option["status"] and cells["reason"] == option["reason"]
            and cells["rank"] == ("" if option["rank"] is None else str(option["rank"]))
            and cells["weighted_score"] == (option["weighted_score"] or "")
            and cells["criteria_scored"] == ("" if option["criteria_scored"] is None
                                             else str(option["criteria_scored"]))
            and all(cells[c] == (option["scores"][c] or "") for c in criteria))
    check(same, f"appraise: {option['id']} as the JSON gives it")
counselling = next(r for r in rows if r[1] == "counselling")
check(counselling[rows[0].index("evidence")] == "" and counselling[rows[0].index("impact")] == "",
      "appraise: an option the review does not rate has empty evidence and impact cells")

# Issue 15, part 5: `waymark-cli decisions --format csv` read back, against its JSON: the header
# as specified, one row per entry, every field as the JSON gives it, and free text that a
# spreadsheet would take for a formula prefixed with ' (and nothing else changed).
plan = str(srcdir / "golden" / "plan-three-year.waymark")
raw = subprocess.run([cli, "decisions", plan, "--format", "csv"], check=True,
                     capture_output=True).stdout
as_json = json.loads(subprocess.run([cli, "decisions", plan, "--format", "json"], check=True,
                                    capture_output=True).stdout)
check(raw.endswith(b"\r\n"), "decisions: rows end with CRLF")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
columns = ["time", "author", "kind", "subject", "description", "reason", "review_section"]
check(rows[0] == columns, "decisions: the header")
check(len(rows) - 1 == len(as_json["decisions"]) and len(as_json["decisions"]) > 0,
      "decisions: one row per entry")


def unguarded(cell):
    return cell[1:] if cell[:2] in ("'=", "'+", "'-", "'@", "'\t", "'\r") else cell


for i, (row, entry) in enumerate(zip(rows[1:], as_json["decisions"])):
    check([unguarded(c) for c in row] == [entry[c] for c in columns],
          f"decisions: entry {i} as the JSON gives it")
check(rows[1][columns.index("reason")].startswith("'="),
      "decisions: a reason that looks like a formula is kept as text")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
