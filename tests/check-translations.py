#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every translation listed in po/LINGUAS is complete: the template is made afresh from the sources
(as po/meson.build's i18n.gettext with preset 'glib' makes it), and every message in it must have a
translation in the language's .po file that is neither empty nor fuzzy, and that msgfmt --check
accepts. A failure names each message that is missing, untranslated or fuzzy, so whoever adds a
string knows exactly what to translate."""
import pathlib
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
po_dir = root / "po"

# meson's i18n preset 'glib' (mesonbuild/modules/i18n.py), as po/meson.build uses it.
XGETTEXT_GLIB = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

tests = 0
failures = 0


def check(ok, what, details=()):
    global tests, failures
    tests += 1
    print(("ok" if ok else "not ok") + f" {tests} {what}")
    if not ok:
        failures += 1
        for line in details:
            print(f"#   {line}")


def parse_po(path):
    """The live entries of a .po or .pot file: a list of dicts with ctxt, id, plural, strs
    (the msgstr or msgstr[n] values, unescaped as written) and flags. Obsolete #~ entries are
    left out."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and entry["id"] is not None:
            entries.append(entry)

    def fresh():
        return {"ctxt": None, "id": None, "plural": None, "strs": {}, "flags": set()}

    entry = fresh()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            finish()
            entry, field = fresh(), None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if m:
            if m.group(1) in ("msgctxt", "msgid") and entry["id"] is not None \
                    and (m.group(1) == "msgctxt" or field != "msgctxt"):
                finish()  # a new entry without a blank line before it
                entry = fresh()
            field = m.group(1)
            value = m.group(3)
        else:
            m = re.match(r'^"(.*)"$', line)
            if not m or field is None:
                raise SystemExit(f"{path}: cannot read the line {line!r}")
            value = m.group(1)
        if field == "msgctxt":
            entry["ctxt"] = (entry["ctxt"] or "") + value
        elif field == "msgid":
            entry["id"] = (entry["id"] or "") + value
        elif field == "msgid_plural":
            entry["plural"] = (entry["plural"] or "") + value
        else:
            index = int(field[7:-1]) if field != "msgstr" else 0
            entry["strs"][index] = entry["strs"].get(index, "") + value
    finish()
    return entries


def name(entry):
    text = f'msgid "{entry["id"]}"'
    return (f'msgctxt "{entry["ctxt"]}" ' if entry["ctxt"] is not None else "") + text


listed = [line.strip() for line in (po_dir / "POTFILES.in").read_text().splitlines()
          if line.strip() and not line.startswith("#")]
languages = [word for line in (po_dir / "LINGUAS").read_text().splitlines()
             if not line.startswith("#") for word in line.split()]

with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / "waymark.pot"
    made = subprocess.run(["xgettext", *XGETTEXT_GLIB, "--package-name=waymark",
                           "--directory", str(root), "--output", str(pot)] + listed,
                          capture_output=True, text=True)
    check(made.returncode == 0 and pot.exists(), "xgettext makes the template from POTFILES.in",
          made.stderr.splitlines())
    if not pot.exists():
        print(f"1..{tests}")
        sys.exit(1)
    template = [e for e in parse_po(pot) if e["id"] != ""]
    check(len(template) > 0, f"the template holds {len(template)} messages")

    for lang in languages:
        po = po_dir / f"{lang}.po"
        check(po.exists(), f"po/{lang}.po exists (listed in po/LINGUAS)")
        if not po.exists():
            continue
        translated = {(e["ctxt"], e["id"]): e for e in parse_po(po) if e["id"] != ""}

        missing = [e for e in template if (e["ctxt"], e["id"]) not in translated]
        check(not missing,
              f"po/{lang}.po holds every message of the template ({len(missing)} missing)",
              [name(e) for e in missing])

        present = [translated[(e["ctxt"], e["id"])] for e in template
                   if (e["ctxt"], e["id"]) in translated]
        fuzzy = [e for e in present if "fuzzy" in e["flags"]]
        check(not fuzzy, f"po/{lang}.po has no fuzzy translations ({len(fuzzy)} fuzzy)",
              [name(e) for e in fuzzy])
        empty = [e for e in present
                 if not e["strs"] or any(value == "" for value in e["strs"].values())]
        check(not empty, f"po/{lang}.po has no untranslated messages ({len(empty)} untranslated)",
              [name(e) for e in empty])

        # msgfmt --check on the file as it is, and on it merged with today's template (so the
        # format checks run against the msgids the sources hold now).
        for label, path in (("as written", po), ("merged with the template", None)):
            if path is None:
                path = pathlib.Path(tmp) / f"{lang}.merged.po"
                merged = subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching",
                                         "--output-file", str(path), str(po), str(pot)],
                                        capture_output=True, text=True)
                if merged.returncode != 0:
                    check(False, f"msgmerge po/{lang}.po", merged.stderr.splitlines())
                    continue
            result = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file",
                                     "/dev/null", str(path)], capture_output=True, text=True)
            stats = result.stderr.strip().splitlines()
            summary = stats[-1] if stats else ""
            complete = re.fullmatch(r"\d+ translated messages?\.", summary) is not None
            check(result.returncode == 0 and complete,
                  f"msgfmt --check --statistics accepts po/{lang}.po {label}: {summary}",
                  stats)

print(f"1..{tests}")
sys.exit(1 if failures else 0)
