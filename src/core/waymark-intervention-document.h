/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-catalogue.h"

G_BEGIN_DECLS

/* Everything the catalogue holds about one intervention, in the review's order and with its
 * headings, as a list of blocks. The one description the detail pane, `waymark-cli show` and
 * anything else that shows an intervention render, each in its own way. */
typedef enum
{
  WAYMARK_BLOCK_HEADING,  /* text */
  WAYMARK_BLOCK_FIELD,    /* label: text */
  WAYMARK_BLOCK_TEXT,     /* text, which may hold several lines */
  WAYMARK_BLOCK_ITEM,     /* one entry of a list: text */
  WAYMARK_BLOCK_RATING,   /* a rating to show as a badge: rating, evidence */
  WAYMARK_BLOCK_LEAD,     /* one line under a heading saying what its section is: text */
} WaymarkBlockKind;

typedef struct
{
  WaymarkBlockKind  kind;
  char             *label;
  char             *text;
  WaymarkRating     rating;
  gboolean          evidence;
} WaymarkBlock;

void       waymark_block_free                (WaymarkBlock        *block);

/* Element type WaymarkBlock. The name and summary come first as a heading-less FIELD-free
 * start: render them from the intervention itself. catalogue may be NULL (no scale texts).
 * A heading comes only with something under it; lines of the review's text typed as "- "
 * bullets come as ITEM blocks. */
GPtrArray *waymark_intervention_describe      (WaymarkIntervention *intervention,
                                               WaymarkCatalogue    *catalogue);
/* The description as plain text: name, summary, then the blocks, headings underlined. */
char      *waymark_intervention_describe_text (WaymarkIntervention *intervention,
                                               WaymarkCatalogue    *catalogue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkBlock, waymark_block_free)

G_END_DECLS
