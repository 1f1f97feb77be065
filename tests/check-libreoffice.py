#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plan CSV as a finance team opens it: LibreOffice Calc, headless, imports it as UTF-8 CSV
and saves it as .xlsx; the workbook must hold the pound signs, the quotes and the line breaks as
Waymark wrote them, the numbers as numbers, and no live formula."""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

srcdir = pathlib.Path(os.environ["G_TEST_SRCDIR"])
golden = srcdir / "golden" / "plan-three-year.csv"
soffice = shutil.which("soffice") or shutil.which("libreoffice")
tests = 0
failures = 0


def check(ok, what):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    failures += 0 if ok else 1


check(soffice is not None, "LibreOffice is installed (the test command installs libreoffice-calc)")
if soffice is None:
    print(f"1..{tests}")
    sys.exit(1)

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    csv_path = tmp / "plan.csv"
    shutil.copy(golden, csv_path)
    profile = (tmp / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp), str(csv_path)],
        capture_output=True, text=True, timeout=240)
    xlsx = tmp / "plan.xlsx"
    check(result.returncode == 0 and xlsx.exists(),
          f"converted to xlsx ({result.stdout.strip()} {result.stderr.strip()})")
    if not xlsx.exists():
        print(f"1..{tests}")
        sys.exit(1)

    with zipfile.ZipFile(xlsx) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")

    check("<f>" not in sheet and "<f " not in sheet, "no live formulas in the sheet")
    check("£1,500 per school" in strings, "the pound sign arrives intact")
    check("Â£" not in strings, "no mis-decoded pound signs")
    check("IRISi, &quot;the IRIS people&quot;" in strings or 'IRISi, "the IRIS people"' in strings,
          "quotes and commas inside a cell arrive intact")
    check(re.search(r"Early intervention before escalation;(\r?\n|&#10;)linked partner support",
                    strings) is not None, "a line break inside a note stays inside its cell")
    check("=HYPERLINK" in strings, "the formula-like note is a shared string: text, not a formula")
    check(re.search(r'<c r="L5"[^>]*><v>59400</v>', sheet) is not None,
          "money arrives as a number (MAC's line total, 59400)")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
