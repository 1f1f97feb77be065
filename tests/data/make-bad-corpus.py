#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/bad/: one broken catalogue per way a file can be wrong. Each is a copy of
tests/data/minimal.json with one thing broken. The messages Waymark must give are in
tests/data/bad/expected-messages.txt, written by hand; rerun this only to change the corpus."""
import copy
import json
import pathlib

here = pathlib.Path(__file__).parent
bad = here / "bad"
bad.mkdir(exist_ok=True)
minimal_text = (here / "minimal.json").read_text(encoding="utf-8")
minimal = json.loads(minimal_text)


def write(name, data):
    if isinstance(data, (dict, list)):
        data = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if isinstance(data, str):
        data = data.encode("utf-8")
    (bad / name).write_bytes(data)


def edit(name, change):
    data = copy.deepcopy(minimal)
    change(data)
    write(name, data)


def drive(data):
    return data["interventions"][0]


write("empty.json", "")
write("blank.json", "  \n\n")
write("truncated.json", minimal_text[: len(minimal_text) // 2])
write("not-json.json", "This is a shopping list, not a catalogue.\n")
write("not-an-object.json", "[1, 2, 3]\n")
write("comments.json", "// my catalogue\n" + minimal_text)
write("single-quotes.json", minimal_text.replace('"Drive project"', "'Drive project'"))
write("invalid-utf8.json", minimal_text.encode("utf-8").replace(b"Drive project", b"Drive \xff project"))
write("nul-byte.json", minimal_text.encode("utf-8").replace(b"Drive project", b"Drive \x00project"))
write("nul-escape.json", minimal_text.replace('"Drive project"', '"Drive\\u0000 project"'))
write("lone-surrogate.json", minimal_text.replace('"Drive project"', '"Drive \\ud800 project"'))
write("lone-low-surrogate.json", minimal_text.replace('"Drive project"', '"Drive \\udc00 project"'))
write("duplicate-key.json", minimal_text.replace('"evidence_rating" : "moderate",',
                                                 '"evidence_rating" : "high",\n      "evidence_rating" : "moderate",'))
write("huge-number.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : 99999999999999999999'))
write("infinity.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : 1e999'))
write("fraction.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : 2400.5'))
edit("wrong-format.json", lambda d: d.update(format="waymark-plan"))
edit("newer-version.json", lambda d: d.update(schema_version=3))
edit("missing-metadata-title.json", lambda d: d["metadata"].pop("title"))
edit("missing-evidence-rating.json", lambda d: drive(d).pop("evidence_rating"))
edit("unknown-rating.json", lambda d: drive(d).update(evidence_rating="hihg"))
edit("uppercase-rating.json", lambda d: drive(d).update(impact_rating="HIGH"))
edit("unknown-level.json", lambda d: drive(d).update(levels=["quaternary"]))
edit("no-levels.json", lambda d: drive(d).update(levels=[]))
edit("unknown-focus.json", lambda d: drive(d).update(focus="dv"))
edit("unknown-status.json", lambda d: drive(d).update(llr_status="in place"))
edit("wrong-type-name.json", lambda d: drive(d).update(name=42))
edit("wrong-type-costs.json", lambda d: drive(d).update(costs={"amount_minor": 240000}))
edit("empty-name.json", lambda d: drive(d).update(name=""))
edit("null-name.json", lambda d: drive(d).update(name=None))
edit("misspelt-field.json", lambda d: drive(d).update(evidance_rating="low"))
edit("negative-cost.json", lambda d: drive(d)["costs"][0].update(amount_minor=-240000))
edit("absurd-cost.json", lambda d: drive(d)["costs"][0].update(amount_minor=100000000001))
edit("inverted-range.json", lambda d: drive(d)["costs"].__setitem__(0, {
    "low_minor": 10000, "high_minor": 6000, "currency": "GBP", "basis": "per session",
    "qualifier": "around", "as_written": "£100-£60 per session"}))
edit("amount-and-range.json", lambda d: drive(d)["costs"][0].update(low_minor=1, high_minor=2))
edit("no-amount.json", lambda d: drive(d)["costs"][0].pop("amount_minor"))
edit("unknown-currency.json", lambda d: drive(d)["costs"][0].update(currency="GBX"))
edit("bad-id.json", lambda d: drive(d).update(id="Drive Project"))
edit("missing-id.json", lambda d: drive(d).pop("id"))
edit("impossible-age.json", lambda d: drive(d)["target_cohort"].update(age_min=250))
edit("ages-reversed.json", lambda d: drive(d)["target_cohort"].update(age_min=30, age_max=18))
edit("no-interventions.json", lambda d: d.update(interventions=[]))
edit("intervention-not-object.json", lambda d: d["interventions"].append("safe-dates"))
edit("duplicate-id.json", lambda d: d["interventions"].append(copy.deepcopy(drive(d))))
# Issue 11: what json-glib accepted or crashed on, and messages that quoted whole values.
write("deep-nesting.json", minimal_text.replace('"Drive project"', "[" * 100 + "]" * 100))
write("leading-zero.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : 0240000'))
write("hex-number.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : 0x3a980'))
write("trailing-decimal-point.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : 240000.'))
write("leading-decimal-point.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : .5'))
write("plus-sign.json", minimal_text.replace('"amount_minor" : 240000', '"amount_minor" : +240000'))
write("concatenated.json", minimal_text + minimal_text)
write("escaped-duplicate-key.json", minimal_text.replace('"evidence_rating" : "moderate",',
                                                         '"evidence_rating" : "moderate",\n      "evidence_r\\u0061ting" : "high",'))
write("raw-tab.json", minimal_text.replace('"Drive project"', '"Drive\tproject"'))
write("unknown-escape.json", minimal_text.replace('"Drive project"', '"Drive \\x project"'))
edit("long-value.json", lambda d: drive(d).update(evidence_rating="\x1b[2J" + "high" * 1000))

# Issue 14: the context entries (schema version 2), each case a copy of minimal-context.json.
context_minimal = json.loads((here / "minimal-context.json").read_text(encoding="utf-8"))


def edit_context(name, change):
    data = copy.deepcopy(context_minimal)
    change(data)
    write(name, data)


def figure(data):
    return data["context"][0]


def gap(data):
    return data["context"][2]


edit("context-in-version-1.json", lambda d: d.update(context=[]))
edit_context("context-unknown-field.json", lambda d: figure(d).update(source="Leicestershire County Council"))
edit_context("context-unknown-kind.json", lambda d: figure(d).update(kind="statistic"))
edit_context("context-provider-kind.json", lambda d: figure(d).update(kind="provider"))
edit_context("context-unknown-unit.json", lambda d: figure(d).update(unit="adults"))
edit_context("context-value-number.json", lambda d: figure(d).update(value=28360))
edit_context("context-value-grouped.json", lambda d: figure(d).update(value="28,360"))
edit_context("context-value-percent-sign.json", lambda d: d["context"][1].update(value="7.89%"))
edit_context("context-value-with-text.json", lambda d: gap(d).update(value="1"))
edit_context("context-value-missing.json", lambda d: figure(d).pop("value"))
edit_context("context-missing-as-written.json", lambda d: figure(d).pop("as_written"))
edit_context("context-empty-section.json", lambda d: figure(d).update(section=""))
edit_context("context-bad-id.json", lambda d: figure(d).update(id="LLR adults"))
edit_context("context-duplicate-id.json", lambda d: gap(d).update(id=figure(d)["id"]))
edit_context("context-unknown-intervention.json", lambda d: gap(d).update(interventions=["drive", "dapps"]))
edit_context("context-interventions-not-list.json", lambda d: gap(d).update(interventions="drive"))
edit_context("context-purpose-not-funding.json", lambda d: gap(d).update(purpose="to close the gap"))
edit_context("context-questions-not-recommendation.json", lambda d: gap(d).update(questions=["Why?"]))
edit_context("context-interventions-on-figure.json", lambda d: figure(d).update(interventions=["drive"]))
edit_context("context-not-list.json", lambda d: d.update(context={"id": "llr-da-adults"}))
edit_context("context-entry-not-object.json", lambda d: d["context"].append("llr-da-adults"))
edit_context("context-clashes-with-service.json", lambda d: figure(d).update(id="freeva-1"))
