#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The finance team's workbook (issue 16), read by programs other than Waymark.

A three-year plan (the golden one, with a provider that looks like a formula and unit costs in
odd pence) is written as .xlsx; LibreOffice Calc, headless, recalculates every formula and saves
each sheet as CSV: the Summary's totals per year and over the plan must be Waymark's own to the
penny (as `waymark-cli export --format json` gives them), every line total quantity × unit cost,
text that looks like a formula must stay text, and the pound sign must survive. openpyxl reads the
layout: the header rows frozen, the autofilter over the Items sheet, the £ number format, the
formulas live (built from cell references only) and every free text a string.

Usage: check-xlsx.py REPORT_XLSX_TOOL WAYMARK_CLI"""
import csv
import decimal
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

cli = sys.argv[1]
srcdir = pathlib.Path(os.environ["G_TEST_SRCDIR"])
soffice = shutil.which("soffice") or shutil.which("libreoffice")
tests = 0
failures = 0
MONEY_FORMAT = "£#,##0.00"
FORMULA_TEXTS = ["=1+1", "+44 116 000 0000", "@SUM(A1)", "-2"]


def check(ok, what):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    failures += 0 if ok else 1
    return ok


def finish():
    print(f"1..{tests}")
    sys.exit(1 if failures else 0)


def pence(text):
    """A CSV cell in pounds as LibreOffice writes it ("1234.5", "-12") to integer pence."""
    return int((decimal.Decimal(text) * 100).to_integral_value())


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=240, **kwargs)


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    plan = json.loads((srcdir / "golden" / "plan-three-year.waymark").read_text(encoding="utf-8"))
    # Odd pence, where a total in binary floating point would fall a hair off the penny.
    odd = [12345, 9999, 333]
    costed = [item for item in plan["items"] if item.get("unit_cost_pence") is not None]
    for item, cost in zip(costed, odd):
        item["unit_cost_pence"] = cost
        item["unit_cost_high_pence"] = cost + 7
        item["cost_source"] = "local-quote"
        item["line_total_pence"] = cost * item["quantity"]
        item["line_total_high_pence"] = (cost + 7) * item["quantity"]
        # Its "years" are computed: Waymark works them out again from the figures above and
        # the uplift, and its JSON export below is what the workbook is compared with.
    # Quantities that grow each year, as services ramp up (the golden plan has them for one).
    check(any(any(f.get("quantity", item["quantity"]) != item["quantity"]
                  for f in item.get("year_figures", [])) for item in plan["items"]),
          "the plan has an item whose quantity differs from year to year")
    for item, text in zip(plan["items"], FORMULA_TEXTS):
        item["provider"] = text
    plan_path = tmp / "plan.waymark"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False, indent=2), encoding="utf-8")

    # Waymark's own figures, read through its JSON export.
    exported = run([cli, "export", "--format", "json", str(plan_path)])
    if not check(exported.returncode == 0, f"waymark-cli exports the plan ({exported.stderr.strip()})"):
        finish()
    waymark = json.loads(exported.stdout)
    totals = waymark["totals"]
    years = waymark["years"]
    check(waymark["year_kind"] == "financial" and years == 3 and waymark["uplift_basis_points"] > 0,
          "a three-year plan in financial years, with an uplift on local costs")

    xlsx = tmp / "plan.xlsx"
    made = run([cli, "report", str(plan_path), "--format", "xlsx", "--output", str(xlsx)])
    if not check(made.returncode == 0 and xlsx.exists(), f"the workbook is written ({made.stderr.strip()})"):
        finish()
    check(xlsx.read_bytes()[:2] == b"PK", "the workbook is a zip container")
    check(not [p.name for p in tmp.iterdir() if ".waymark-save-" in p.name],
          "no temporary file is left beside it")

    # openpyxl: the layout, the formulas as written, the texts as strings.
    import openpyxl
    book = openpyxl.load_workbook(xlsx)
    check(book.sheetnames == ["Summary", "Items", "Warnings", "Sources"],
          f"four sheets, Summary first: {book.sheetnames}")
    items = book["Items"]
    check(items.freeze_panes == "A2", f"the Items header row is frozen ({items.freeze_panes})")
    check(items.auto_filter.ref is not None and items.auto_filter.ref.startswith("A1:"),
          f"the Items sheet has an autofilter ({items.auto_filter.ref})")
    headers = [cell.value for cell in items[1]]
    check(items.auto_filter.ref.endswith(f"{openpyxl.utils.get_column_letter(len(headers))}{len(plan['items']) + 1}"),
          "the autofilter covers every column and item")
    for name in ("Level", "Level (code)", "Focus", "Works with", "Evidence", "Impact",
                 "LLR status", "Funding stream", "Cost source", "Provider"):
        check(name in headers, f"the Items sheet has a “{name}” column")
    year_labels = [f"{2026 + y}/{(2027 + y) % 100:02d}" for y in range(years)]
    for label in year_labels:
        for what in ("Quantity", "Unit cost low", "Unit cost high", "Line total low",
                     "Line total high"):
            check(f"{what} {label}" in headers, f"the Items sheet has “{what} {label}”")
    provider_column = headers.index("Provider") + 1
    for row, text in enumerate(FORMULA_TEXTS, start=2):
        cell = items.cell(row=row, column=provider_column)
        check(cell.value == text and cell.data_type == "s",
              f"the provider {text!r} is a string, not a formula ({cell.value!r}, {cell.data_type})")
    level = items.cell(row=2, column=headers.index("Level") + 1).value
    code = items.cell(row=2, column=headers.index("Level (code)") + 1).value
    check(code == "primary" and level == "Primary", f"a code with its label beside it ({code}, {level})")
    money_columns = [i + 1 for i, h in enumerate(headers) if h.startswith(("Unit cost", "Line total"))]
    formats = {items.cell(row=r, column=c).number_format
               for r in range(2, len(plan["items"]) + 2) for c in money_columns
               if items.cell(row=r, column=c).value is not None}
    check(formats == {MONEY_FORMAT}, f"every money cell is formatted {MONEY_FORMAT} ({formats})")
    line_cells = [items.cell(row=2, column=headers.index(f"Line total low {year_labels[0]}") + 1).value]
    check(isinstance(line_cells[0], str) and line_cells[0].startswith("=ROUND("),
          f"a line total is a live formula ({line_cells[0]!r})")
    summary = book["Summary"]
    formulas = [c.value for row in summary.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    check(any(f.startswith("=ROUND(SUM(Items!") for f in formulas),
          "the Summary's totals are SUM formulas over the Items sheet")
    check(all(set(f) <= set("=ROUNDSUM(Items!):,0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*-") for f in formulas),
          "the Summary's formulas are made of cell references only")
    summary_formats = {c.number_format for row in summary.iter_rows() for c in row
                       if isinstance(c.value, str) and c.value.startswith("=")}
    check(summary_formats == {MONEY_FORMAT}, f"the Summary's totals are in pounds ({summary_formats})")

    # LibreOffice: recalculate, every sheet to CSV. The values Waymark stored with each formula
    # are zeroed first, so that the figures compared below are the formulas' own.
    if not check(soffice is not None, "LibreOffice is installed"):
        finish()
    zeroed = 0
    with zipfile.ZipFile(xlsx) as book_in, zipfile.ZipFile(tmp / "zeroed.xlsx", "w",
                                                           zipfile.ZIP_DEFLATED) as book_out:
        for entry in book_in.infolist():
            data = book_in.read(entry)
            if entry.filename.startswith("xl/worksheets/"):
                text, n = re.subn(r"(<f>[^<]*</f><v>)[^<]*(</v>)", r"\g<1>0\2", data.decode("utf-8"))
                data = text.encode("utf-8")
                zeroed += n
            book_out.writestr(entry, data)
    check(zeroed > 0, f"the stored results of {zeroed} formulas are set to 0 before recalculation")
    (tmp / "zeroed.xlsx").replace(xlsx)
    # LibreOffice keeps the values stored with an .xlsx's formulas unless told to recalculate
    # (the setting "Recalculation on file load: Excel 2007 and newer", by default "Never"; the
    # workbook's fullCalcOnLoad is not enough): the private profile says "Always".
    user = tmp / "profile" / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
        '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
        '</oor:items>\n', encoding="utf-8")
    out = tmp / "csv"
    out.mkdir()
    converted = run([soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                     "--norestore", "--convert-to",
                     "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                     "--outdir", str(out), str(xlsx)],
                    env=dict(os.environ, HOME=str(tmp)))
    sheets = {p.stem.split("-", 1)[1]: list(csv.reader(p.open(encoding="utf-8", newline="")))
              for p in out.glob("plan-*.csv")}
    if not check(converted.returncode == 0 and {"Summary", "Items"} <= set(sheets),
                 f"LibreOffice recalculates and saves each sheet ({sorted(sheets)}; "
                 f"{converted.stderr.strip()})"):
        finish()

    rows = sheets["Summary"]
    by_label = {row[0]: row for row in rows if row}
    # The unrounded values: the CSV filter's "as shown" flag is off.
    check([y["year"] for y in totals["years"]] == year_labels,
          f"Waymark's years are {year_labels}")
    for label, year in zip(year_labels, totals["years"]):
        row = by_label.get(label)
        if not check(row is not None, f"the Summary has a row for {label}"):
            continue
        check(pence(row[1]) == year["total_low_pence"] and pence(row[2]) == year["total_high_pence"],
              f"{label}: the formulas come to Waymark's totals ({row[1]}, {row[2]} against "
              f"{year['total_low_pence']}, {year['total_high_pence']} pence)")
        check(pence(row[3]) == year["budget_pence"]
              and pence(row[4]) == year["budget_remaining_low_pence"]
              and pence(row[5]) == year["budget_remaining_high_pence"],
              f"{label}: the budget and what is left are Waymark's ({row[3]}, {row[4]}, {row[5]})")
    row = by_label.get("Over the plan")
    if check(row is not None, "the Summary has a row over the plan"):
        check(pence(row[1]) == totals["total_low_pence"] and pence(row[2]) == totals["total_high_pence"],
              f"over the plan: the formulas come to Waymark's totals ({row[1]}, {row[2]})")
        check(pence(row[4]) == totals["budget_remaining_low_pence"]
              and pence(row[5]) == totals["budget_remaining_high_pence"],
              f"over the plan: the remaining budget is Waymark's ({row[4]}, {row[5]})")

    item_rows = sheets["Items"]
    csv_headers = item_rows[0]
    for exported_item, row in zip(waymark["items"], item_rows[1:]):
        record = dict(zip(csv_headers, row))
        for year in exported_item["years"]:
            label = year["year"]
            where = f"{exported_item['intervention_id']} in {label}"
            check(record[f"Quantity {label}"] == str(year["quantity"]),
                  f"{where}: the quantity is Waymark's ({year['quantity']})")
            if year["line_total_pence"] is None:
                check(record[f"Line total low {label}"] == "" and record[f"Unit cost low {label}"] == "",
                      f"{where}: no cost, empty cells")
                continue
            check(pence(record[f"Unit cost low {label}"]) == year["unit_cost_pence"]
                  and pence(record[f"Unit cost high {label}"]) == year["unit_cost_high_pence"],
                  f"{where}: the unit costs are Waymark's")
            check(pence(record[f"Line total low {label}"]) == year["line_total_pence"]
                  and pence(record[f"Line total high {label}"]) == year["line_total_high_pence"],
                  f"{where}: the line totals come to Waymark's")
    providers = [dict(zip(csv_headers, row))["Provider"] for row in item_rows[1:]]
    for text in FORMULA_TEXTS:
        check(text in providers, f"after recalculation {text!r} is still that text")
    everything = "\n".join(",".join(r) for s in sheets.values() for r in s)
    check("£" in everything and "Â£" not in everything, "the pound sign survives")

finish()
