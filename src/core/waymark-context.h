/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The review's picture beyond its interventions (issue 14): the local context's figures, the
 * funding streams, the gaps in provision, the provision standards it cites and its
 * recommendations with the discussion questions; and, read from the catalogue's providers, the
 * commissioned LLR services. Every entry quotes the review: `as_written` is its words, `section`
 * the heading they are under. Nothing here is computed or entered. */

/* The kinds, one table in waymark-enums.c: ids "context", "funding", "gap", "recommendation",
 * "standard", "provider" (the words of `waymark-cli context --kind` and of the catalogue). */
typedef enum
{
  WAYMARK_CONTEXT_KIND_CONTEXT,
  WAYMARK_CONTEXT_KIND_FUNDING,
  WAYMARK_CONTEXT_KIND_GAP,
  WAYMARK_CONTEXT_KIND_RECOMMENDATION,
  WAYMARK_CONTEXT_KIND_STANDARD,
  WAYMARK_CONTEXT_KIND_PROVIDER,
} WaymarkContextKind;

#define WAYMARK_CONTEXT_N_KINDS (WAYMARK_CONTEXT_KIND_PROVIDER + 1)

/* What a value counts, one table in waymark-enums.c: ids "people", "percent", "GBP", "ratio",
 * "text". "text" has no value: the entry is words only. */
typedef enum
{
  WAYMARK_CONTEXT_UNIT_PEOPLE,
  WAYMARK_CONTEXT_UNIT_PERCENT,
  WAYMARK_CONTEXT_UNIT_GBP,
  WAYMARK_CONTEXT_UNIT_RATIO,
  WAYMARK_CONTEXT_UNIT_TEXT,
} WaymarkContextUnit;

/* One entry, immutable once the catalogue is read; the catalogue owns it. Strings the review
 * does not give are NULL, never "". */
typedef struct
{
  WaymarkContextKind  kind;
  char               *id;          /* unique among all entries of every kind */
  char               *label;       /* Waymark's short name for it (the review's words are below) */
  char               *topic;       /* the group the Context page shows it under, e.g. "Demographics" */
  char               *value;       /* a plain decimal as the review gives it ("28360", "7.89",
                                    * "140000000"); NULL for unit TEXT */
  WaymarkContextUnit  unit;
  char               *period;      /* "2020/21", "2023-2025"; NULL when the review gives none */
  char               *geography;   /* "Leicester, Leicestershire and Rutland", "England and Wales" */
  char               *as_written;  /* the review's words, exactly */
  char               *section;     /* the review's heading they are under, exactly */
  char               *purpose;     /* funding: purpose and rules as the review states them */
  char              **interventions;  /* ids of the catalogue's interventions that address it
                                       * (gaps, recommendations); NULL-terminated, never NULL */
  char              **questions;   /* recommendations: the discussion questions, as written;
                                    * NULL-terminated, never NULL */
} WaymarkContextEntry;

/* The value for people, the same in every locale: "28,360 people", "7.89%", "£140,000,000",
 * "97.351"; NULL for unit TEXT. (waymark-context.c) */
char *waymark_context_entry_format_value (const WaymarkContextEntry *entry);

G_END_DECLS
