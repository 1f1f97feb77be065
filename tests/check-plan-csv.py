#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the plan CSV export back with Python's own csv module (a reader that shares no code with
Waymark's writer) and checks it against the plan's JSON: the golden CSV, and what
`waymark-cli export PLAN --format csv` writes now. Also checks that the JSON export of the golden
plan is the golden plan byte for byte, and that `waymark-cli validate` accepts it.

Usage: G_TEST_SRCDIR=<tests dir> check-plan-csv.py WAYMARK_CLI"""
import copy
import csv
import io
import json
import os
import pathlib
import subprocess
import sys
import tempfile

cli = sys.argv[1]
srcdir = pathlib.Path(os.environ["G_TEST_SRCDIR"])
golden_plan_path = srcdir / "golden" / "plan-three-year.waymark"
golden_csv_path = srcdir / "golden" / "plan-three-year.csv"
tests = 0
failures = 0

BOM = b"\xef\xbb\xbf"
SPEC_COLUMNS = ("intervention_id,intervention,level,focus,evidence_rating,impact_rating,quantity,"
                "unit,unit_cost_gbp,unit_cost_high_gbp,line_total_gbp,line_total_high_gbp,"
                "cost_source,funding_source,provider,notes").split(",")
# What follows the specified columns, as data/plan-format.md documents it.
EXTRA_COLUMNS = ["cost_note", "in_catalogue", "reach", "reach_group", "reach_source",
                 "cost_per_person_gbp", "cost_per_person_high_gbp", "funding_name",
                 "quantity_source", "ratings_source", "review_section", "line_total_source",
                 "cost_per_person_source", "coverage_percent", "need", "need_kind", "need_source",
                 "coverage_source", "option_kind",
                 # Issue 16: the codes in words (English, as the test runs in C.UTF-8).
                 "level_label", "focus_label", "works_with", "works_with_label",
                 "evidence_label", "impact_label", "llr_status", "llr_status_label",
                 "funding_source_label", "cost_source_label"]
# The words the app shows for each code, written out here from its tables.
LEVEL_WORDS = {"primary": "Primary", "secondary": "Secondary", "tertiary": "Tertiary"}
FOCUS_WORDS = {"da": "Domestic abuse", "sv": "Sexual violence",
               "both": "Domestic abuse and sexual violence"}
WORKS_WITH_WORDS = {"victims": "Victims", "perpetrators": "Perpetrators",
                    "children-young-people": "Children and young people",
                    "community": "Community", "professionals": "Professionals"}
LOCAL_MARK = "Local: not rated by the review"
RATING_WORDS = {None: "Not rated", "low": "Low", "low-moderate": "Low to moderate",
                "moderate": "Moderate", "high": "High"}
LLR_WORDS = {"unknown": "Status in LLR unknown", "in-place": "In place in LLR",
             "similar-in-place": "Similar in place in LLR",
             "not-in-place": "Not in place in LLR"}
FUNDING_WORDS = {"unspecified": "Not yet chosen",
                 "home-office-perpetrator": "Home Office perpetrator funding",
                 "pcc-victims": "PCC victims’ funding",
                 "local-authority-safe-accommodation": "Local authority safe-accommodation duty",
                 "grant-giving-bodies": "Grant-giving bodies", "other": "Other"}
COST_SOURCE_WORDS = {"review": "Published in the review", "local-quote": "Local quote",
                     "estimate": "Estimate"}
YEAR_COLUMNS = ["quantity_{}", "unit_cost_{}_gbp", "unit_cost_high_{}_gbp", "total_low_{}_gbp",
                "total_high_{}_gbp", "unit_cost_{}_source"]
UPLIFTED = "computed: the local unit cost × the plan’s annual uplift"
NUMBER_COLUMNS = {"quantity", "unit_cost_gbp", "unit_cost_high_gbp", "line_total_gbp",
                  "line_total_high_gbp"}
# Free text, which the export neutralises against formula injection.
TEXT_COLUMNS = {"intervention_id", "intervention", "unit", "provider", "notes", "cost_note",
                "reach_source", "funding_name", "review_section", "need_source"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def check(ok, what, todo=None):
    global tests, failures
    tests += 1
    line = ("ok" if ok else "not ok") + f" {tests} {what}"
    if todo is not None:
        line += f" # TODO {todo}"
    elif not ok:
        failures += 1
    print(line)


def env(**extra):
    return {**os.environ, "LC_ALL": "C.UTF-8", **extra}


def run(*args, **kwargs):
    return subprocess.run([cli, *args], capture_output=True, env=kwargs.pop("env", env()),
                          **kwargs)


def pounds(pence):
    """Integer pence as the plain decimal the CSV should hold; "" where there is no figure."""
    if pence is None:
        return ""
    sign = "-" if pence < 0 else ""
    return f"{sign}{abs(pence) // 100}.{abs(pence) % 100:02d}"


# Bidirectional controls and zero-width characters, which data/plan-format.md says free text
# shows marked as <U+XXXX> rather than letting a spreadsheet reorder or hide text.
INVISIBLE = {0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
             0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF}


def neutralised(text):
    """Free text as it should appear once read back from the CSV: invisible characters marked,
    then a formula start neutralised."""
    text = "".join(f"<U+{ord(c):04X}>" if ord(c) in INVISIBLE else c for c in text)
    return "'" + text if text and text.startswith(FORMULA_STARTS) else text


def row_coverage(it, plan):
    """What a row's coverage columns should hold, worked out here from the JSON: the item's reach
    against its group's need (coverage[], the review's or the plan's local count), as a percentage
    to two places, half up; empty without a reach or a need."""
    group = next((c for c in plan.get("coverage", []) if c["reach_group"] == it["reach_group"]
                  and c["need"] is not None), None)
    if it["reach"] is None or group is None:
        return {"coverage_percent": "", "need": "", "need_kind": "", "need_source": "",
                "coverage_source": ""}
    basis = (it["reach"] * 10000 * 2 + group["need"]) // (2 * group["need"])
    if group["need_kind"] == "review":
        source = f"“{group['review_as_written']}” ({group['review_section']})"
    else:
        source = group["need_source"]
    return {"coverage_percent": f"{basis // 100}.{basis % 100:02d}", "need": str(group["need"]),
            "need_kind": group["need_kind"], "need_source": neutralised(source),
            "coverage_source": "computed: reach ÷ need × 100"}


def record_ends_are_crlf(text):
    """Outside quoted fields every line break is CRLF; returns (ok, number of records)."""
    quoted = False
    records = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "\r":
            if text[i + 1:i + 2] != "\n":
                return False, records
            records += 1
            i += 1
        elif not quoted and c == "\n":
            return False, records
        i += 1
    return not quoted and text.endswith("\r\n"), records


def check_csv(raw, plan, label, golden=True):
    """Checks one CSV export (bytes) against the plan it was made from (parsed JSON); with golden,
    also the golden plan's awkward cases by name."""
    items = plan["items"]
    check(raw.startswith(BOM), f"{label}: starts with a UTF-8 byte-order mark")
    check(not raw[len(BOM):].startswith(BOM), f"{label}: only one byte-order mark")
    try:
        text = raw[len(BOM):].decode("utf-8") if raw.startswith(BOM) else raw.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{label}: is UTF-8 ({e})")
        return
    crlf, records = record_ends_are_crlf(text)
    check(crlf, f"{label}: every row ends with CRLF and there are no bare line breaks between rows")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as e:
        check(False, f"{label}: parses as RFC 4180 CSV ({e})")
        return
    check(records == len(rows), f"{label}: {len(rows)} records, as many as CRLF row ends")
    check(len(rows) == len(items) + 1, f"{label}: a header and one row per item "
                                       f"({len(rows) - 1} rows, {len(items)} items)")
    if not rows:
        return
    header = rows[0]
    check(header[:len(SPEC_COLUMNS)] == SPEC_COLUMNS, f"{label}: the header begins as specified")
    # Issue 16: then each year's columns, named by the year's id ("2026/27" -> "2026_27").
    year_ids = [y["year"].replace("/", "_") for y in plan["totals"]["years"]]
    year_columns = [name.format(year_id) for year_id in year_ids
                    for name in YEAR_COLUMNS]
    check(header == SPEC_COLUMNS + EXTRA_COLUMNS + year_columns,
          f"{label}: the header is the documented columns, then cost_note, in_catalogue, "
          f"the reach and label columns, then each year's ({', '.join(year_ids)})")
    widths = sorted({len(r) for r in rows})
    check(widths == [len(header)], f"{label}: every row has {len(header)} fields (saw {widths})")

    for n, (row, it) in enumerate(zip(rows[1:], items), start=1):
        got = dict(zip(header, row))
        iid = it["intervention_id"]
        # Issue 15: an item of one of the plan's local services is marked so, never rated.
        local = it.get("local_service", False)
        want = {
            "intervention_id": neutralised(iid),
            "intervention": neutralised(it["name"]),
            "level": it["level"],
            "focus": it["focus"],
            "evidence_rating": it["evidence_rating"] or "",
            "impact_rating": it["impact_rating"] or "",
            "quantity": str(it["quantity"]),
            "unit": neutralised(it["unit"]),
            "unit_cost_gbp": pounds(it["unit_cost_pence"]),
            "unit_cost_high_gbp": pounds(it["unit_cost_high_pence"]),
            "line_total_gbp": pounds(it["line_total_pence"]),
            "line_total_high_gbp": pounds(it["line_total_high_pence"]),
            "cost_source": it["cost_source"],
            "funding_source": it["funding_source"],
            "provider": neutralised(it["provider"]),
            "notes": neutralised(it["notes"]),
            "in_catalogue": "no" if it["missing_from_catalogue"] or local else "yes",
            "reach": "" if it["reach"] is None else str(it["reach"]),
            "reach_group": it["reach_group"],
            "reach_source": neutralised(it["reach_source"]),
            "cost_per_person_gbp": pounds(it["cost_per_person_pence"]),
            "cost_per_person_high_gbp": pounds(it["cost_per_person_high_pence"]),
            "funding_name": neutralised(it["funding_name"]),
            "quantity_source": "local",
            "ratings_source": "Local: not rated by the review" if local else "review",
            "option_kind": "local" if local else "review",
            "line_total_source": "" if it["line_total_pence"] is None
                                 else "computed: quantity × unit_cost_gbp",
            "cost_per_person_source": "" if it["cost_per_person_pence"] is None
                                      else "computed: line_total_gbp ÷ reach",
            **row_coverage(it, plan),
            "level_label": ", ".join(LEVEL_WORDS[v] for v in it["level"].split(";")),
            "focus_label": FOCUS_WORDS[it["focus"]],
            "works_with": ";".join(it["works_with"]),
            "works_with_label": ", ".join(WORKS_WITH_WORDS[v] for v in it["works_with"]),
            "evidence_label": LOCAL_MARK if local else RATING_WORDS[it["evidence_rating"]],
            "impact_label": LOCAL_MARK if local else RATING_WORDS[it["impact_rating"]],
            "llr_status": it["llr_status"],
            "llr_status_label": LLR_WORDS[it["llr_status"]],
            "funding_source_label": FUNDING_WORDS[it["funding_source"]],
            "cost_source_label": "" if it["unit_cost_pence"] is None
                                 else COST_SOURCE_WORDS[it["cost_source"]],
        }
        # Each year's figures, as the JSON's item "years" gives them.
        for year in it["years"]:
            year_id = year["year"].replace("/", "_")
            has_cost = year["line_total_pence"] is not None
            want.update({
                f"quantity_{year_id}": str(year["quantity"]),
                f"unit_cost_{year_id}_gbp": pounds(year["unit_cost_pence"]),
                f"unit_cost_high_{year_id}_gbp": pounds(year["unit_cost_high_pence"]),
                f"total_low_{year_id}_gbp": pounds(year["line_total_pence"]),
                f"total_high_{year_id}_gbp": pounds(year["line_total_high_pence"]),
                f"unit_cost_{year_id}_source": "" if not has_cost else UPLIFTED
                if year["uplifted"] else "review" if it["cost_source"] == "review" else "local",
            })
        wrong = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
        for k, (g, v) in wrong.items():
            print(f"# {label} row {n} {k}: got {g!r}, want {v!r}")
        check(not wrong, f"{label}: row {n} ({iid}) holds the plan's values")

        # Money parsed back as a number is the pence in the JSON, divided by 100.
        money_ok = True
        for column, key in (("unit_cost_gbp", "unit_cost_pence"),
                            ("unit_cost_high_gbp", "unit_cost_high_pence"),
                            ("line_total_gbp", "line_total_pence"),
                            ("line_total_high_gbp", "line_total_high_pence")):
            cell = got.get(column, "")
            if it[key] is None:
                money_ok &= cell == ""
                continue
            whole, dot, frac = cell.partition(".")
            money_ok &= (whole.isdigit() and dot == "." and len(frac) == 2 and frac.isdigit()
                         and int(whole) * 100 + int(frac) == it[key])
        check(money_ok, f"{label}: row {n} ({iid}) money is pounds with two decimals and a "
                        f"full stop, equal to the pence in the JSON")
        if it["unit_cost_pence"] is not None:
            check(money_ok and it["line_total_pence"] == it["quantity"] * it["unit_cost_pence"]
                  and it["line_total_high_pence"] == it["quantity"] * it["unit_cost_high_pence"],
                  f"{label}: row {n} ({iid}) line totals are quantity x unit cost")
        check((got.get("cost_note", "") != "") == (it["unit_cost_pence"] is None),
              f"{label}: row {n} ({iid}) has a cost_note exactly when it has no figure in pounds")

    by_id = {r[0]: dict(zip(header, r)) for r in rows[1:] if r}
    # The golden plan's awkward cases, by name, so a change to the plan cannot hide them.
    if golden and "make-a-change" in by_id:
        check(by_id["make-a-change"].get("notes")
              == "Early intervention before escalation;\nlinked partner support",
              f"{label}: the multi-line note survives")
    if golden and "coaching-boys-into-men" in by_id:
        check(by_id["coaching-boys-into-men"].get("funding_source") == "other"
              and by_id["coaching-boys-into-men"].get("funding_name")
              == "Leicester City Council public health grant",
              f"{label}: a local funding stream's name is in funding_name")
    if golden and "make-a-change" in by_id:
        # Worked by hand: 20 perpetrators reached of the plan's own count, 340: 5.88%.
        mac = by_id["make-a-change"]
        check((mac.get("coverage_percent"), mac.get("need"), mac.get("need_kind"),
               mac.get("need_source")) == ("5.88", "340", "local",
                                           "Probation caseload, J. Okafor, March 2026"),
              f"{label}: MAC's coverage is 20 of the local 340, 5.88%, naming its source")
    if golden and "cbt-victims" in by_id:
        # 7 victims of the review's 28,360: 0.0247%, 0.02%.
        cbt = by_id["cbt-victims"]
        check((cbt.get("coverage_percent"), cbt.get("need"), cbt.get("need_kind")) ==
              ("0.02", "28360", "review")
              and cbt.get("need_source", "").startswith("“in 2020/21, 28,360 adults"),
              f"{label}: CBT's coverage is 7 of the review's 28,360, 0.02%, quoting the review")
    if golden and "iris" in by_id:
        check(by_id["iris"].get("notes", "").startswith("'="),
              f"{label}: the formula in a note is neutralised with a leading '")
        check(by_id["iris"].get("provider") == 'IRISi, "the IRIS people"',
              f"{label}: a comma and double quotes survive")
        check(by_id["iris"].get("unit_cost_gbp") == ""
              and by_id["iris"].get("line_total_gbp") == "",
              f"{label}: no figure in pounds means empty money cells")
    if golden and "drive" in by_id:
        check(by_id["drive"].get("line_total_gbp") == "96000.00",
              f"{label}: 96000.00, as specified")
        # Growing quantities: 40, 42, 44 perpetrators at the review's £2,400, never uplifted.
        drive = by_id["drive"]
        check([drive.get(f"total_low_{y}_gbp") for y in ("2026_27", "2027_28", "2028_29")]
              == ["96000.00", "100800.00", "105600.00"]
              and drive.get("unit_cost_2028_29_gbp") == "2400.00"
              and drive.get("unit_cost_2028_29_source") == "review",
              f"{label}: DRIVE grows 40, 42, 44 at the review's £2,400, never uplifted")
    if golden and "coaching-boys-into-men" in by_id:
        # A local quote of £1,500 uplifted 2.5% a year: £1,537.50, then £1,575.9375, half up.
        cbim = by_id["coaching-boys-into-men"]
        check((cbim.get("unit_cost_2027_28_gbp"), cbim.get("unit_cost_2028_29_gbp"),
               cbim.get("unit_cost_2028_29_source")) == ("1537.50", "1575.94", UPLIFTED),
              f"{label}: a local quote is uplifted 2.5% a year, to the penny")

    # No cell (other than a number) begins with a formula character unprotected.
    live = [(r, header[c] if c < len(header) else c, cell)
            for r, row in enumerate(rows) for c, cell in enumerate(row)
            if cell.startswith(FORMULA_STARTS)
            and not (r > 0 and c < len(header) and header[c] in NUMBER_COLUMNS
                     and cell.lstrip("-").replace(".", "", 1).isdigit())]
    for r, column, cell in live[:5]:
        print(f"# {label} row {r} {column}: {cell!r}")
    check(not live, f"{label}: no cell begins with =, +, -, @, a tab or a carriage return")


golden_plan_bytes = golden_plan_path.read_bytes()
golden_plan = json.loads(golden_plan_bytes.decode("utf-8"))
check(len(golden_plan["items"]) == 6, "the golden plan has six items")

# (a) The golden CSV.
golden_csv = golden_csv_path.read_bytes()
check_csv(golden_csv, golden_plan, "golden CSV")

# (b) What the CLI exports now, to standard output and to a file.
out = run("export", str(golden_plan_path), "--format", "csv")
check(out.returncode == 0 and not out.stderr,
      f"export --format csv exits 0 quietly ({out.returncode}: {out.stderr[:200]!r})")
check_csv(out.stdout, golden_plan, "exported CSV")
check(out.stdout == golden_csv, "the exported CSV is the golden CSV byte for byte")

comma_locale = run("export", str(golden_plan_path), "--format", "csv",
                   env=env(LC_ALL="de_DE.UTF-8"))
check(comma_locale.returncode == 0 and comma_locale.stdout == out.stdout,
      "the same CSV in a comma-decimal locale")

with tempfile.TemporaryDirectory() as tmp:
    target = pathlib.Path(tmp) / "plan.csv"
    written = run("export", str(golden_plan_path), "--format", "csv", "--output", str(target))
    check(written.returncode == 0 and target.exists() and target.read_bytes() == out.stdout,
          "export --output writes the same CSV to a file")

# The JSON export of the golden plan is the golden plan itself.
js = run("export", str(golden_plan_path), "--format", "json")
check(js.returncode == 0, f"export --format json exits 0 ({js.stderr[:200]!r})")
check(js.stdout == golden_plan_bytes, "the exported JSON is the golden plan byte for byte")

with tempfile.TemporaryDirectory() as tmp:
    target = pathlib.Path(tmp) / "copy.waymark"
    written = run("export", str(golden_plan_path), "--format", "json", "--output", str(target))
    check(written.returncode == 0 and target.exists() and target.read_bytes() == golden_plan_bytes,
          "export --format json --output writes the golden plan byte for byte")

# validate
v = run("validate", str(golden_plan_path))
check(v.returncode == 0, f"validate exits 0 on the golden plan (got {v.returncode})")
check(v.stdout.decode("utf-8") == "plan-three-year.waymark: a valid plan with 6 items\n",
      f"validate says it is a valid plan with 6 items (got {v.stdout!r})")

# A plan written to stress the quoting: every character that starts a formula, line breaks of
# both kinds, a pound sign, and an intervention the catalogue does not have.
stress = copy.deepcopy(golden_plan)
dangerous = ["=1+1", "+44 116 000 0000", "-2", "@SUM(A1)", "\tTAB", "\rCR",
             "line one\r\nline two", "£2,970 \"quoted\", with commas"]
for n, text in enumerate(dangerous):
    it = stress["items"][n % len(stress["items"])]
    if n % 2:
        it["provider"] = text
    else:
        it["notes"] = text
stress["items"][2]["unit"] = "=cmd|' /C calc'!A0"
stress["items"][3]["unit"] = "\u202eevil\u202c sessions\u200b"
stress["items"][5]["provider"] = "\u2067Provider\u2069\ufeff and \u05e9\u05dc\u05d5\u05dd"
gone = copy.deepcopy(stress["items"][4])
gone.update(intervention_id="not-in-any-catalogue", name="-Not in any catalogue",
            published_cost={"amount_minor": 39500, "currency": "USD", "basis": "per participant",
                            "qualifier": None, "as_written": "$395 per participant"},
            unit_cost_pence=None,
            unit_cost_high_pence=None, line_total_pence=None, line_total_high_pence=None)
stress["items"].append(gone)
# A local service (issue 15) whose name and notes start formulas, and its item.
stress["local_services"].append(
    {"id": "llr-idva", "kind": "local", "name": "=LLR IDVA service", "levels": ["tertiary"],
     "focus": "da", "works_with": ["victims"], "age_min": 16, "age_max": None,
     "provider": "@Juniper Lodge", "unit": "adviser posts", "unit_cost_pence": 4200000,
     "unit_cost_high_pence": 4500000, "notes": "-for high-risk victims", "source": ""})
local_item = copy.deepcopy(stress["items"][0])
local_item.update(intervention_id="llr-idva", name="=LLR IDVA service", level="tertiary",
                  focus="da", evidence_rating=None, impact_rating=None, quantity=2,
                  unit="adviser posts", unit_cost_pence=4200000, unit_cost_high_pence=4500000,
                  line_total_pence=8400000, line_total_high_pence=9000000,
                  cost_source="local-quote", works_with=["victims"], llr_status="unknown",
                  for_young_people=True, published_cost=None, missing_from_catalogue=False,
                  local_service=True, provider="@Juniper Lodge")
# Before the missing one, which the checks below find last.
stress["items"].insert(len(stress["items"]) - 1, local_item)
with tempfile.TemporaryDirectory() as tmp:
    plan_path = pathlib.Path(tmp) / "stress.waymark"
    plan_path.write_text(json.dumps(stress, indent=2, ensure_ascii=False), encoding="utf-8")
    exported = run("export", str(plan_path), "--format", "json")
    check(exported.returncode == 0, f"export of a plan with awkward text works "
                                    f"({exported.stderr[:200]!r})")
    if exported.returncode == 0:
        reread = json.loads(exported.stdout.decode("utf-8"))
        check([i["notes"] for i in reread["items"]] == [i["notes"] for i in stress["items"]]
              and [i["provider"] for i in reread["items"]]
              == [i["provider"] for i in stress["items"]],
              "notes and providers survive the JSON round trip unchanged")
        check(reread["items"][-1]["missing_from_catalogue"] is True,
              "an intervention the catalogue lacks is kept, marked missing")
        check(reread["items"][-1]["published_cost"] == gone["published_cost"],
              "a missing intervention keeps its published cost")
        stress_csv = run("export", str(plan_path), "--format", "csv")
        check(stress_csv.returncode == 0, "CSV export of the awkward plan works")
        check_csv(stress_csv.stdout, reread, "awkward CSV", golden=False)
        text = stress_csv.stdout.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        header = rows[0]
        last = dict(zip(header, rows[-1]))
        check(last.get("in_catalogue") == "no",
              "awkward CSV: the missing item says in_catalogue no")
        check("$395" in last.get("cost_note", ""),
              "awkward CSV: the cost_note of an item priced in dollars quotes the published cost")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
