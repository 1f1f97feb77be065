#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON Schema published for catalogue authors accepts the shipped catalogue and the minimal
fixture, and refuses broken ones: checked with an independent validator (python3-jsonschema)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schema = json.loads((root / "data/catalogue/catalogue.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
tests = 0
failures = 0


def check(ok, what):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    failures += 0 if ok else 1


for good in ("data/catalogue/interventions.json", "tests/data/minimal.json",
             "tests/data/minimal-context.json"):
    errors = list(validator.iter_errors(json.loads((root / good).read_text(encoding="utf-8"))))
    for e in errors[:5]:
        print(f"# {good}: {'/'.join(map(str, e.path))}: {e.message}")
    check(not errors, f"{good} is valid against the schema")

# Broken files the schema itself can describe must fail it too.
for bad in ("unknown-rating", "unknown-level", "missing-evidence-rating", "misspelt-field",
            "negative-cost", "absurd-cost", "unknown-currency", "bad-id", "newer-version",
            "wrong-format", "no-levels", "wrong-type-name", "amount-and-range",
            "context-in-version-1", "context-unknown-field", "context-provider-kind",
            "context-unknown-unit", "context-value-number", "context-value-grouped",
            "context-value-with-text", "context-value-missing", "context-bad-id",
            "context-purpose-not-funding", "context-questions-not-recommendation",
            "context-interventions-on-figure", "context-empty-section"):
    data = json.loads((root / "tests/data/bad" / f"{bad}.json").read_text(encoding="utf-8"))
    check(not validator.is_valid(data), f"{bad}.json is refused by the schema")

print(f"1..{tests}")
sys.exit(1 if failures else 0)
