#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON Schema published for plan files (data/plan.schema.json) accepts the golden plan and
plans that differ from it only in allowed ways, and refuses broken ones: checked with an
independent validator (python3-jsonschema).

Usage: check-plan-schema.py SOURCE_ROOT [WAYMARK_CLI]
With WAYMARK_CLI, each plan is also given to `waymark-cli validate`, which must agree with the
schema wherever the schema says the reader refuses a plan too."""
import copy
import json
import os
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

root = pathlib.Path(sys.argv[1])
cli = sys.argv[2] if len(sys.argv) > 2 else None
schema = json.loads((root / "data/plan.schema.json").read_text(encoding="utf-8"))
golden = json.loads((root / "tests/golden/plan-three-year.waymark").read_text(encoding="utf-8"))
tests = 0
failures = 0


def check(ok, what):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    failures += 0 if ok else 1


try:
    jsonschema.Draft202012Validator.check_schema(schema)
    check(True, "the schema is itself a valid draft 2020-12 schema")
except jsonschema.SchemaError as e:
    check(False, f"the schema is itself a valid draft 2020-12 schema: {e.message}")
    print(f"1..{tests}")
    sys.exit(1)

check(schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", "draft 2020-12")
check(schema.get("$id") == "https://waymark.github.io/schema/plan-3.json", "$id is plan-3.json")
validator = jsonschema.Draft202012Validator(
    schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


# Every property the schema names says what it is.
def undescribed(node, where):
    missing = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and "description" not in sub and where[-1:] not in (
                    ["if"], ["then"], ["else"]):
                missing.append("/".join(where + ["properties", name]))
        for key, sub in node.items():
            missing += undescribed(sub, where + [key])
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            missing += undescribed(sub, where + [str(i)])
    return missing


missing_descriptions = undescribed(schema, [])
for m in missing_descriptions[:5]:
    print(f"# no description: {m}")
check(not missing_descriptions, "every property has a description")

# The golden plan is exactly what Waymark writes, so it must be valid.
errors = list(validator.iter_errors(golden))
for e in errors[:5]:
    print(f"# plan-three-year.waymark: {'/'.join(map(str, e.path))}: {e.message}")
check(not errors, "tests/golden/plan-three-year.waymark is valid against the schema")


def cli_accepts(plan):
    """Whether waymark-cli validate accepts the plan (None without a CLI)."""
    if cli is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "variant.waymark"
        path.write_text(json.dumps(plan, indent=2, ensure_ascii=False), encoding="utf-8")
        run = subprocess.run([cli, "validate", str(path)], capture_output=True, text=True,
                             env=dict(os.environ, LC_ALL="C.UTF-8"))
        return run.returncode == 0


def variant(change):
    plan = copy.deepcopy(golden)
    change(plan)
    return plan


def item(n, key, value):
    return lambda p: p["items"][n].__setitem__(key, value)


def top(key, value):
    return lambda p: p.__setitem__(key, value)


def no_cost(p):
    for key in ("unit_cost_pence", "unit_cost_high_pence", "line_total_pence",
                "line_total_high_pence"):
        p["items"][0][key] = None


IDVA = {"id": "llr-idva", "kind": "local", "name": "LLR IDVA service", "levels": ["tertiary"],
        "focus": "da", "works_with": ["victims"], "age_min": 16, "age_max": None,
        "provider": "Juniper Lodge", "unit": "adviser posts", "unit_cost_pence": 4200000,
        "unit_cost_high_pence": 4500000, "notes": "For high-risk victims",
        "source": "Contract register, November 2026"}


def with_local_service(p):
    """The IDVA service, and an item for it as Waymark writes one: no review rating."""
    p["local_services"].append(copy.deepcopy(IDVA))
    local = copy.deepcopy(p["items"][0])
    local.update(intervention_id="llr-idva", name="LLR IDVA service", level="tertiary",
                 focus="da", evidence_rating=None, impact_rating=None, quantity=2,
                 unit="adviser posts", unit_cost_pence=4200000, unit_cost_high_pence=4500000,
                 line_total_pence=8400000, line_total_high_pence=9000000,
                 cost_source="local-quote", works_with=["victims"], llr_status="unknown",
                 for_young_people=True, published_cost=None, missing_from_catalogue=False,
                 local_service=True)
    p["items"].append(local)


def local(key, value):
    def change(p):
        p["local_services"].append(copy.deepcopy(IDVA))
        if value is DELETE:
            p["local_services"][0].pop(key)
        else:
            p["local_services"][0][key] = value
    return change


DELETE = object()


def largest(p):
    p["budget_pence"] = 100000000000
    p["items"][0]["quantity"] = 1000000
    p["items"][1]["unit_cost_pence"] = 100000000000
    p["items"][1]["unit_cost_high_pence"] = 100000000000


def resize_years(p, n):
    """The plan's computed per-year lists, one entry a year for n years (copies of the last)."""
    for item in p["items"]:
        item["years"] = (item["years"] + [item["years"][-1]] * n)[:n]
        item["year_figures"] = [f for f in item["year_figures"] if f["plan_year"] <= n]
    p["totals"]["years"] = (p["totals"]["years"] + [p["totals"]["years"][-1]] * n)[:n]


def before_years(p, version):
    """A plan from before issue 16: no year_kind, uplift or per-year figures."""
    p.update(version=version)
    for key in ("year_kind", "uplift_basis_points"):
        p.pop(key)
    for item in p["items"]:
        item.pop("year_figures")
        item.pop("years")
    p["totals"].pop("years")


def drive_year(**figures):
    """Drive (the golden plan's fifth item) with these as its own figures for its third year."""
    return lambda p: p["items"][4]["year_figures"][1].update(figures)


# Plans that differ from the golden one in ways the format allows: schema and reader accept them.
good = {
    "an empty plan": lambda p: p.update(items=[], warnings=[]),
    "null ratings": lambda p: p["items"][0].update(evidence_rating=None, impact_rating=None),
    "an item without a cost, all four money fields null": no_cost,
    "quantity 0 and a unit cost of 0": lambda p: p["items"][0].update(quantity=0,
                                                                      unit_cost_pence=0),
    "the largest quantity, unit cost and budget": largest,
    "a plan over budget (negative remaining)": lambda p: p["totals"].update(
        budget_remaining_low_pence=-1, budget_remaining_high_pence=-1),
    "a ten-year plan starting in 2100": lambda p: (p.update(years=10, start_year=2100),
                                                   resize_years(p, 10)),
    "a one-year plan": lambda p: (p.update(years=1), resize_years(p, 1)),
    "a version 2 plan, from before years as budgets are set": lambda p: before_years(p, 2),
    "calendar years with no uplift": lambda p: p.update(year_kind="calendar",
                                                        uplift_basis_points=0),
    "the largest uplift, 100% a year": top("uplift_basis_points", 10000),
    "a year with its own unit cost and no quantity of its own": lambda p: (
        p["items"][4]["year_figures"][1].pop("quantity"),
        drive_year(unit_cost_pence=250000, unit_cost_high_pence=260000)(p)),
    "a year with no cost of its own (both null)": drive_year(unit_cost_pence=None,
                                                             unit_cost_high_pence=None),
    "a whole-number quantity written as 10.0": item(0, "quantity", 10.0),
    "three levels": item(0, "level", "primary;secondary;tertiary"),
    "no one it works with": item(0, "works_with", []),
    "a dismissed warning": lambda p: (p["warnings"][0].update(dismissed=True),
                                      p["dismissed_warnings"].append(p["warnings"][0]["id"])),
    "a gap warning for the whole plan": lambda p: p["warnings"].append(
        {"id": "no-sexual-violence", "message": "Nothing addresses SV.", "items": [],
         "dismissed": False, "quote": "Sexual violence in Leicester, Leicestershire and "
         "Rutland increased by 47%", "section": "Domestic abuse and sexual violence is a "
         "growing problem in Leicester, Leicestershire and Rutland."}),
    "an over-budget warning": lambda p: p["warnings"].append(
        {"id": "over-budget", "message": "Over budget.", "items": [], "dismissed": False,
         "quote": None, "section": None}),
    "a plan from before local needs (no local_needs key)": lambda p: p.pop("local_needs"),
    "an item from before local funding streams had names (no funding_name)":
        lambda p: p["items"][0].pop("funding_name"),
    "no local needs": top("local_needs", []),
    "a local need with no source": lambda p: p["local_needs"][0].update(source=""),
    "a local service and its item (issue 15)": with_local_service,
    "a plan from before local services (no local_services key)":
        lambda p: p.pop("local_services"),
    "an item from before local services (no local_service key)":
        lambda p: p["items"][0].pop("local_service"),
    "a local service with no cost, no ages and no groups": local("works_with", []),
    "a version 1 plan, from before the appraisal": lambda p: (p.update(version=1),
                                                              p.pop("appraisal")),
    "an appraisal with a long list, weights, a table and a local criterion":
        lambda p: p["appraisal"].update(
            long_list=[{"option_id": "cbt-victims", "status": "not-taken-forward",
                        "reason": "Met by the local counselling service",
                        "dimension": "solution"},
                       {"option_id": "local-idva", "status": "shortlisted", "reason": "",
                        "dimension": None}],
            local_criteria=[{"id": "strategic_fit", "label": "Strategic fit",
                             "weight_hundredths": 250, "kind": "local",
                             "scores": [{"option_id": "drive", "score_hundredths": 300}]}]),
    "a plan without its decision record (no decisions key)": lambda p: p.pop("decisions"),
    "a decision with a reason and no citation": lambda p: p["decisions"][1].update(
        reason="Ten schools asked for it"),
    "a published cost in dollars": item(0, "published_cost", {
        "amount_minor": 39500, "currency": "USD", "basis": "per book", "qualifier": None,
        "as_written": "$395.00"}),
}
for what, change in good.items():
    plan = variant(change)
    errors = list(validator.iter_errors(plan))
    for e in errors[:3]:
        print(f"# {what}: {'/'.join(map(str, e.path))}: {e.message}")
    check(not errors, f"the schema accepts {what}")
    accepted = cli_accepts(plan)
    if accepted is not None:
        check(accepted, f"waymark-cli validate accepts {what}")

# Broken plans. True: Waymark's reader refuses them too. False: the reader is more lenient (it
# ignores or recomputes the field), but Waymark never writes such a file.
bad = {
    "an unknown rating": (item(0, "evidence_rating", "very-high"), True),
    "the rating \"none\" (null is how there is none)": (item(0, "impact_rating", "none"), True),
    "a negative quantity": (item(0, "quantity", -1), True),
    "a quantity over a million": (item(0, "quantity", 1000001), True),
    "a fractional quantity": (item(0, "quantity", 1.5), True),
    "the currency EUR": (top("currency", "EUR"), True),
    "version 4": (top("version", 4), True),
    "version 3 without an appraisal": (lambda p: p.pop("appraisal"), True),
    "version 3 without year_kind": (lambda p: p.pop("year_kind"), True),
    "version 3 without uplift_basis_points": (lambda p: p.pop("uplift_basis_points"), True),
    "version 3 with an item without year_figures": (lambda p: p["items"][0].pop("year_figures"),
                                                    True),
    "version 3 with an item without years": (lambda p: p["items"][0].pop("years"), True),
    "an unknown year_kind": (top("year_kind", "fiscal"), True),
    "an uplift over 100%": (top("uplift_basis_points", 10001), True),
    "an uplift as a percentage with a fraction": (top("uplift_basis_points", 2.5), True),
    "year_figures for the first year": (drive_year(plan_year=1), True),
    "year_figures with no figures": (lambda p: p["items"][4]["year_figures"][1].pop("quantity"),
                                     True),
    "year_figures with a low cost and no high": (drive_year(unit_cost_pence=100), True),
    "year_figures with a negative quantity": (drive_year(quantity=-1), True),
    "an unknown key in year_figures": (drive_year(uplift=True), True),
    "an item's year without uplifted": (lambda p: p["items"][0]["years"][0].pop("uplifted"),
                                        False),
    "a year label that is not a year": (lambda p: p["totals"]["years"][0].update(
        year="next year"), False),
    "a long list entry not taken forward without a reason": (lambda p: p["appraisal"][
        "long_list"].append({"option_id": "drive", "status": "not-taken-forward", "reason": " ",
                             "dimension": None}), True),
    "a long list entry with an unknown status": (lambda p: p["appraisal"]["long_list"].append(
        {"option_id": "drive", "status": "maybe", "reason": "", "dimension": None}), True),
    "a long list entry with an unknown dimension": (lambda p: p["appraisal"][
        "long_list"].append({"option_id": "drive", "status": "deferred", "reason": "",
                             "dimension": "politics"}), True),
    "a weight over 100": (lambda p: p["appraisal"]["review_criteria"]["evidence"].update(
        weight_hundredths=10001), True),
    "a negative weight": (lambda p: p["appraisal"]["review_criteria"]["impact"].update(
        weight_hundredths=-100), True),
    "a score as a fraction (1.5 rather than 150)": (lambda p: p["appraisal"]["review_criteria"][
        "evidence"]["scores_hundredths"].update(high=1.5), True),
    "a score table without one of its values": (lambda p: p["appraisal"]["review_criteria"][
        "evidence"]["scores_hundredths"].pop("high"), True),
    "an unknown review criterion": (lambda p: p["appraisal"]["review_criteria"].update(
        cost={"weight_hundredths": 0, "scores_hundredths": {}}), True),
    "a local criterion with a review criterion's id": (lambda p: p["appraisal"][
        "local_criteria"].append({"id": "evidence", "label": "Evidence", "weight_hundredths": 100,
                                  "kind": "local", "scores": []}), True),
    "a local criterion of the review's kind": (lambda p: p["appraisal"]["local_criteria"].append(
        {"id": "fit", "label": "Fit", "weight_hundredths": 100, "kind": "review",
         "scores": []}), True),
    "the format \"waymark-catalogue\"": (top("format", "waymark-catalogue"), True),
    "an unknown top-level key": (top("budget", 60000000), True),
    "an unknown key in an item": (item(0, "unit_cost", 150000), True),
    "a unit cost as text": (item(0, "unit_cost_pence", "1500.00"), True),
    "a negative unit cost": (item(0, "unit_cost_pence", -1), True),
    "a unit cost over a billion pounds": (item(1, "unit_cost_high_pence", 100000000001), True),
    "a budget over a billion pounds": (top("budget_pence", 100000000001), True),
    "a budget in pounds with pence": (top("budget_pence", 600000.5), True),
    "eleven years": (top("years", 11), True),
    "no years": (top("years", 0), True),
    "a start year of 1999": (top("start_year", 1999), True),
    "a low unit cost without a high one": (item(0, "unit_cost_high_pence", None), True),
    "an unknown focus": (item(0, "focus", "dv"), True),
    "an unknown cost source": (item(0, "cost_source", "quote"), True),
    "an unknown funding source": (item(0, "funding_source", "lottery"), True),
    "an unknown llr_status": (item(0, "llr_status", "planned"), True),
    "an unknown group in works_with": (item(0, "works_with", ["children"]), True),
    "an empty intervention_id": (item(0, "intervention_id", ""), True),
    "for_young_people as text": (item(0, "for_young_people", "yes"), True),
    "no items key": (lambda p: p.pop("items"), True),
    "no dismissed_warnings key": (lambda p: p.pop("dismissed_warnings"), True),
    "an item without quantity": (lambda p: p["items"][0].pop("quantity"), True),
    "exported_at that is not a date": (top("exported_at", "last Tuesday"), True),
    "a local service with an evidence rating": (local("evidence_rating", "high"), True),
    "a local service of the review's kind": (local("kind", "review"), True),
    "a local service with no level": (local("levels", []), True),
    "a local service whose id is not a slug": (local("id", "LLR IDVA"), True),
    "a local service aged 121": (local("age_min", 121), True),
    "a local service without a source": (local("source", DELETE), True),
    "a local service's item marked as text": (lambda p: (with_local_service(p),
                                                         p["items"][-1].update(
                                                             local_service="yes")), True),
    "a local need of the review's kind": (lambda p: p["local_needs"][0].update(kind="review"),
                                          True),
    "a local need of 0 people": (lambda p: p["local_needs"][0].update(people=0), True),
    "a local need for no group": (lambda p: p["local_needs"][0].update(
        reach_group="unspecified"), True),
    "a local need with no source key": (lambda p: p["local_needs"][0].pop("source"), True),
    "a funding name that is null": (item(0, "funding_name", None), True),
    "an unknown level": (item(0, "level", "quaternary"), False),
    "a line total as text": (item(0, "line_total_pence", "15000.00"), False),
    "a line total without a unit cost": (lambda p: (no_cost(p), p["items"][0].update(
        line_total_pence=0)), False),
    "no totals": (lambda p: p.pop("totals"), False),
    "an unknown key in totals": (lambda p: p["totals"].update(grand_total_pence=1), False),
    "a warning with an unknown kind": (lambda p: p["warnings"][0].update(id="odd:iris"), False),
    "missing_from_catalogue as text": (item(0, "missing_from_catalogue", "no"), False),
    "a decision of an unknown kind": (lambda p: p["decisions"][0].update(kind="vote"), True),
    "a decision's time without its zone": (lambda p: p["decisions"][0].update(
        time="2026-11-26T09:00:00"), True),
    "a decision with a reason of two lines": (lambda p: p["decisions"][0].update(
        reason="one\ntwo"), True),
    "a decision without its review_section": (lambda p: p["decisions"][0].pop("review_section"),
                                              True),
    "a decision with an unknown key": (lambda p: p["decisions"][0].update(rating="high"), True),
}
for what, (change, reader_refuses) in bad.items():
    plan = variant(change)
    check(not validator.is_valid(plan), f"the schema refuses {what}")
    if reader_refuses:
        accepted = cli_accepts(plan)
        if accepted is not None:
            check(not accepted, f"waymark-cli validate refuses {what}")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
