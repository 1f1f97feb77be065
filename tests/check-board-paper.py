#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The board paper as a reader gets it (issue 16, part 4): waymark-cli writes the ODT and the PDF of
tests/data/appraisal.waymark, and independent readers open them. poppler's pdftotext must find the
plan's figures (worked out here from the plan file itself), the five cases and the review's words
with their citation; pdfinfo A4 and as many pages as the footers count; pdftohtml the document
outline of the cases. python3-odf must read the ODT, whose first member is `mimetype`, stored;
LibreOffice (headless, private profile) must convert it to PDF without error; and the ODT, its
conversion and the PDF must carry the same figure notes, so the two files say the same thing."""
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
plan_path = srcdir / "data" / "appraisal.waymark"
catalogue_path = pathlib.Path(sys.argv[2]) / "data" / "catalogue" / "interventions.json"
soffice = shutil.which("soffice") or shutil.which("libreoffice")
tests = 0
failures = 0


def check(ok, what, detail=""):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    if not ok:
        failures += 1
        if detail:
            print("# " + detail.replace("\n", "\n# ")[:2000])


def pounds(pence):
    """Money as the review writes it: £96,000; £60.50 only when there are pence."""
    whole, part = divmod(pence, 100)
    return f"£{whole:,}" + (f".{part:02d}" if part else "")


def one_line(text):
    return re.sub(r"\s+", " ", text)


def notes(text):
    return set(int(n) for n in re.findall(r"\[(\d+)\]", text))


plan = json.loads(plan_path.read_text(encoding="utf-8"))
catalogue = json.loads(catalogue_path.read_text(encoding="utf-8"))
interventions = {i["id"]: i for i in catalogue["interventions"]}
years = plan["years"]

# The figures the paper must hold, from the plan file: each item's line total in its first year
# (quantity × unit cost; the fixture's years are alike, with no uplift), the budget over the plan
# (the plan's, for all its years) and a year, and each year's label.
expected = [pounds(plan["budget_pence"]), pounds(plan["budget_pence"] // years)]
expected += [str(plan["start_year"] + y) for y in range(years)]
for item in plan["items"]:
    low, high = item.get("unit_cost_pence"), item.get("unit_cost_high_pence")
    if low is None:
        continue
    line = pounds(item["quantity"] * low)
    if high is not None and high != low:
        line += " to " + pounds(item["quantity"] * high)
    expected.append(line)
# Spend by level over the plan (its Financial case): each item's line totals of every year, from
# the plan file's "years", summed by the item's level.
period = f"{plan['start_year']} to {plan['start_year'] + years - 1}"
by_level = {}
for item in plan["items"]:
    lows = [y["line_total_pence"] for y in item["years"] if y["line_total_pence"] is not None]
    highs = [y["line_total_high_pence"] for y in item["years"] if y["line_total_pence"] is not None]
    if lows:
        low, high = by_level.get(item["level"], (0, 0))
        by_level[item["level"]] = (low + sum(lows), high + sum(highs))
spend_over_plan = [pounds(low) + ("" if high == low else " to " + pounds(high))
                   for low, high in by_level.values()]
drive = interventions["drive"]
citation = f"Review, section “{drive['section']}”"
evidence_words = one_line(drive["evidence"])[:90]
cases = ["1. Strategic case", "2. Economic case", "3. Commercial case", "4. Financial case",
         "5. Management case", "6. The interventions", "Sources"]


def check_text(text, where):
    flat = one_line(text)
    for figure in expected:
        check(figure in flat, f"{where}: holds the figure {figure}")
    for case in cases:
        check(case in flat, f"{where}: has the heading “{case}”")
    check(plan["title"] in flat, f"{where}: has the plan’s title")
    check(plan["author"] in flat and plan["organisation"] in flat,
          f"{where}: has the author and the organisation")
    check(citation in flat, f"{where}: cites the review’s section for Drive ({citation})")
    check(evidence_words in flat, f"{where}: quotes the review’s evidence line for Drive as written",
          evidence_words)
    check("Local: not rated by the review" in flat,
          f"{where}: marks local services as not rated by the review")
    review = "Rapid evidence review: Interventions to prevent and reduce domestic abuse and sexual violence"
    check(review + " (Crest Advisory, for Leicester, Leicestershire and Rutland)" in flat
          and "). " + review not in flat,
          f"{where}: names the review and its authors once, on the title page")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_info(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    pdf = tmp / "paper.pdf"
    odt = tmp / "paper.odt"
    for fmt, out in (("pdf", pdf), ("odt", odt)):
        result = subprocess.run([cli, "report", str(plan_path), "--format", fmt, "--output", str(out)],
                                capture_output=True, text=True)
        check(result.returncode == 0 and out.exists(), f"waymark-cli report --format {fmt} writes the file",
              result.stderr)
    if not (pdf.exists() and odt.exists()):
        print(f"1..{tests}")
        sys.exit(1)

    # The PDF.
    text = pdf_text(pdf)
    check_text(text, "PDF")
    info = pdf_info(pdf)
    pages = int(info["Pages"].strip())
    check("(A4)" in info["Page size"], "PDF: A4", info["Page size"])
    check(pages >= 8, f"PDF: {pages} pages")
    check(f"Page {pages} of {pages}" in text and f"Page 1 of {pages}" in text,
          "PDF: every page numbered, the footers counting the pages pdfinfo counts")
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)], capture_output=True,
                         text=True).stdout
    outline = re.findall(r"<item page=\"(\d+)\">([^<]*)</item>", xml)
    titles = [title for _, title in outline]
    check(all(case in titles for case in cases), "PDF: the outline (bookmarks) has every case",
          repr(titles))
    check(all(1 < int(page) <= pages for page, _ in outline),
          "PDF: the outline points at pages after the title page")
    pdf_notes = notes(text)
    check(pdf_notes == set(range(1, max(pdf_notes) + 1)), "PDF: the figure notes run 1 to n")

    # The ODT, read by python3-odf.
    with zipfile.ZipFile(odt) as archive:
        first = archive.infolist()[0]
        check(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED,
              "ODT: the first member is mimetype, stored")
        check(archive.read("mimetype") == b"application/vnd.oasis.opendocument.text",
              "ODT: mimetype says OpenDocument Text")
        check(archive.testzip() is None, "ODT: the zip is sound")
    from odf import teletype, text as odftext
    from odf.opendocument import load
    document = load(str(odt))
    odt_text = "\n".join(teletype.extractText(element)
                         for element in document.getElementsByType(odftext.H)
                         + document.getElementsByType(odftext.P))
    check_text(odt_text, "ODT (python3-odf)")
    # (In a PDF's text a table cell's lines interleave with its neighbours'; the ODT's are whole.)
    check('IRISi, "the IRIS people"' in odt_text,
          "ODT: a provider’s quotes and comma arrive as typed (the text is escaped, not markup)")
    check(notes(odt_text) == pdf_notes, "ODT and PDF carry the same figure notes",
          f"{sorted(notes(odt_text) ^ pdf_notes)}")
    # The spend tables are over the plan, each year's beside (three years fit the page).
    check(f"Spend over the plan, {period}" in odt_text,
          f"ODT: the spend tables are headed “Spend over the plan, {period}”")
    check(all(f"In {plan['start_year'] + y}" in odt_text for y in range(years)),
          "ODT: the spend tables have a column for each year")
    for figure in spend_over_plan:
        check(f"{figure} [" in odt_text and f"{figure} [" in one_line(text),
              f"ODT and PDF: spend by level over the plan, {figure}, is a figure with its note")
    check(f"Spend by level of prevention: Tertiary, spend over the plan, {period}" in odt_text,
          "ODT: the sources say which spend a figure is (over the plan, its years)")
    headings = [teletype.extractText(h) for h in document.getElementsByType(odftext.H)]
    check(all(case in headings for case in cases), "ODT: every case is a heading")

    # LibreOffice opens it and makes a PDF of it.
    check(soffice is not None, "LibreOffice is installed (the test command installs libreoffice-writer)")
    if soffice is not None:
        profile = (tmp / "profile").as_uri()
        env = dict(os.environ, HOME=str(tmp / "home"))
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(tmp / "lo"), str(odt)],
            capture_output=True, text=True, timeout=240, env=env)
        converted = tmp / "lo" / "paper.pdf"
        check(result.returncode == 0 and converted.exists(),
              "LibreOffice converts the ODT to PDF without error", result.stdout + result.stderr)
        if converted.exists():
            lo_text = pdf_text(converted)
            check_text(lo_text, "ODT as LibreOffice prints it")
            check("(A4)" in pdf_info(converted)["Page size"], "ODT as LibreOffice prints it: A4")
            check(notes(lo_text) == pdf_notes, "ODT as LibreOffice prints it: the same figure notes",
                  f"{sorted(notes(lo_text) ^ pdf_notes)}")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
