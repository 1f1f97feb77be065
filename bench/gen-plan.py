#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""gen-plan.py N CATALOGUE OUT: a valid plan (data/plan-format.md) of the first N interventions of a
catalogue made by gen-catalogue.py, each once (a plan holds an intervention at most once), with a
quantity and a unit cost, so that the only per-item warnings are the review's own (already in
place, low evidence and low impact)."""
import json
import pathlib
import sys

n = int(sys.argv[1])
catalogue = json.loads(pathlib.Path(sys.argv[2]).read_text(encoding="utf-8"))
interventions = catalogue["interventions"]
if n > len(interventions):
    raise SystemExit(f"the catalogue has {len(interventions)} interventions, fewer than {n}")

QUANTITY, UNIT_COST = 10, 150000
items = []
for entry in interventions[:n]:
    items.append({
        "intervention_id": entry["id"],
        "name": entry["name"],
        "level": "primary",
        "focus": "both",
        "evidence_rating": None,
        "impact_rating": None,
        "quantity": QUANTITY,
        "unit": "sessions",
        "unit_cost_pence": UNIT_COST,
        "unit_cost_high_pence": UNIT_COST,
        "line_total_pence": QUANTITY * UNIT_COST,
        "line_total_high_pence": QUANTITY * UNIT_COST,
        "cost_source": "local-quote",
        "funding_source": "unspecified",
        "provider": "",
        "notes": "",
        "works_with": [],
        "llr_status": "unknown",
        "for_young_people": False,
        "published_cost": None,
        "missing_from_catalogue": False,
    })

annual = n * QUANTITY * UNIT_COST
plan = {
    "format": "waymark-plan",
    "version": 1,
    "title": f"Benchmark plan of {n} interventions",
    "area": "Leicester, Leicestershire and Rutland",
    "organisation": "",
    "author": "",
    "start_year": 2026,
    "years": 1,
    "currency": "GBP",
    "budget_pence": 0,
    "catalogue": {"title": catalogue["metadata"]["title"],
                  "data_version": catalogue["metadata"]["data_version"]},
    "exported_at": "2026-11-26T09:30:00Z",
    "items": items,
    "totals": {
        "annual_low_pence": annual,
        "annual_high_pence": annual,
        "total_low_pence": annual,
        "total_high_pence": annual,
        "budget_remaining_low_pence": -annual,
        "budget_remaining_high_pence": -annual,
        "items_without_cost": 0,
    },
    "warnings": [],
    "dismissed_warnings": [],
}
pathlib.Path(sys.argv[3]).write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
