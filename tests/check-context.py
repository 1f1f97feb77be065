#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The catalogue's context entries quote the review exactly, under the heading they name, and
leave none of its figures out.

tests/data/rapid-evidence-review.md is the review as Waymark's data was read from. Before
comparing, both sides are normalised in one way only: markdown and HTML emphasis (**, <b>, </b>)
and link markup ([words](address) becomes words) are dropped, and runs of white space become one
space. Nothing else: quotes, apostrophes, the review's typos and its own spelling are compared
character for character.

1. Every entry's as_written, its funding purpose and its questions are found under the heading
   its section names (the heading's line and the lines up to the next heading); the services'
   descriptions likewise under their provider's heading.
2. Every value is a figure the entry's as_written gives: "28,360" is 28360, "£140 million" is
   140000000, "£240k" is 240000, "2.3m" is 2300000; nothing rounded, converted or derived.
3. Every figure in the review's local context, funding and gaps sections is carried by an entry
   (its as_written, period or value), except the numbers in the allowlist below, which are not
   figures."""
import json
import pathlib
import re
import sys
from decimal import Decimal

root = pathlib.Path(sys.argv[1])
review_lines = (root / "tests/data/rapid-evidence-review.md").read_text(encoding="utf-8").splitlines()
catalogue = json.loads((root / "data/catalogue/interventions.json").read_text(encoding="utf-8"))
tests = 0
failures = 0


def check(ok, what, detail=""):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    if not ok and detail:
        print("# " + detail)
    failures += 0 if ok else 1


def normalise(text):
    text = re.sub(r"\*\*|</?b>", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


# The review as (heading, text under it) in order: a heading is a line starting with #.
spans = []
for line in review_lines:
    if line.startswith("#"):
        heading = normalise(line.lstrip("#"))
        spans.append([heading, [heading]])
    elif spans:
        spans[-1][1].append(line)
spans = [(heading, normalise(" ".join(lines))) for heading, lines in spans]
headings = {heading for heading, _ in spans}


def under(section, text):
    """Whether text is under a heading worded as section (headings can repeat)."""
    return any(h == section and normalise(text) in body for h, body in spans)


entries = catalogue["context"]
for entry in entries:
    where = f"context entry {entry['id']}"
    check(entry["section"] in headings, f"{where}: section is a heading of the review",
          entry["section"])
    check(under(entry["section"], entry["as_written"]), f"{where}: as_written is under its section",
          entry["as_written"])
    if "purpose" in entry:
        check(under(entry["section"], entry["purpose"]), f"{where}: purpose is under its section",
              entry["purpose"])
    for i, question in enumerate(entry.get("questions", [])):
        check(under(entry["section"], question), f"{where}: questions[{i}] is under its section",
              question)

for provider in catalogue["providers"]:
    check(provider["name"] in headings, f"provider {provider['id']}: its name is a heading")
    for i, service in enumerate(provider["services"]):
        check(under(provider["name"], service["description"]),
              f"provider {provider['id']}: services[{i}] description is under its heading",
              service["description"])

# 2. Values are the as_written's own figures.
SCALE = {"": 1, "k": 1000, "m": 10**6, " million": 10**6, " billion": 10**9}
FIGURE = re.compile(r"(£?)(\d[\d,]*(?:\.\d+)?)(k\b|m\b| million\b| billion\b)?")


def figures(text):
    for symbol, digits, scale in FIGURE.findall(normalise(text)):
        yield Decimal(digits.replace(",", "")) * SCALE[scale or ""], symbol == "£"


for entry in entries:
    if "value" not in entry:
        continue
    value = Decimal(entry["value"])
    found = [(amount, pounds) for amount, pounds in figures(entry["as_written"]) if amount == value]
    check(bool(found), f"context entry {entry['id']}: value {entry['value']} is in its as_written")
    if found:
        check(any(pounds for _, pounds in found) == (entry["unit"] == "GBP"),
              f"context entry {entry['id']}: the unit GBP goes with a £ figure, and only with one")

# 3. No figure of the local context, funding and gaps sections is left out.
SECTIONS = [
    ("Local context: domestic abuse and sexual violence in Leicester, Leicestershire and Rutland",
     "National strategy, policy and funding to tackle DA and sexual violence"),
    ("Funding for victim services is currently done through central government fundings, PCCs, "
     "and grant giving organisations. However, this funding landscape is fragmented",
     "Despite the current legislative and funding landscape, there are gaps in provision for DA "
     "victims. Victims services are underfunded, under resourced and lack the representation of "
     "underrepresented groups"),
    ("Despite the current legislative and funding landscape, there are gaps in provision for DA "
     "victims. Victims services are underfunded, under resourced and lack the representation of "
     "underrepresented groups",
     "Safeguarding duties apply to those experiencing DA and SV. As such, interventions should be "
     "commissioned that have due regard for safeguarding and safeguarding procedures"),
]
# Numbers in those sections that are not figures, each with the words around it.
ALLOWLIST = {
    "Women's Aid, 2023": "a citation's year",
    "Refuge, 2023": "a citation's year",
    "MoJ, 2023": "a citation's year",
    "Womens Aid 2023": "a citation's year",
    "Safelives, 2020": "a citation's year",
    "Kelly and Westmarland, 2015": "a citation's year",
    "Jovanovic, 2020": "a citation's year",
    "ONS, 2023": "a citation's year",
    "strategy (2021)": "the year in a strategy's name",
    "Plan (2022)": "the year in a plan's name",
    "Part 4 of the DA Act": "a part of an Act",
}
carried = " ".join(normalise(" ".join([e["as_written"], e.get("period", ""), e.get("value", ""),
                                       e.get("purpose", "")])) for e in entries)
# The providers' services are entries too (made when the catalogue is read).
carried += " " + " ".join(normalise(service["description"])
                          for provider in catalogue["providers"] for service in provider["services"])
for start, end in SECTIONS:
    names = [h for h, _ in spans]
    check(start in names and end in names, f"the section \"{start[:40]}…\" is found")
    if start not in names or end not in names:
        continue
    body = " ".join(text for _, text in spans[names.index(start):names.index(end)])
    for match in re.finditer(r"£?\d[\d,]*(?:\.\d+)?(?:%|k\b| million\b| billion\b)?", body):
        token = match.group(0).rstrip(",")
        around = body[max(0, match.start() - 30):match.end() + 30]
        if any(words in around and token in words for words in ALLOWLIST):
            continue
        # The whole number: "21" is not carried by "2021", nor "3" by "3.3%".
        alone = re.compile(r"(?<![\d,.£])" + re.escape(token) + r"(?![\d%]|[.,]\d)")
        check(alone.search(carried) is not None, f"the review's {token} is carried by an entry",
              around)

print(f"1..{tests}")
sys.exit(1 if failures else 0)
