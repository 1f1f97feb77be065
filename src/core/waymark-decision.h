/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

/* The decision record (issue 15, part 5): one entry per change of a status, a reason, a weight,
 * a score, a criterion, a plan item or a local service, made by the plan itself as part of the
 * same undoable step. An entry is immutable; giving it a reason or a citation makes a new one. */

#define WAYMARK_DECISION_ERROR (waymark_decision_error_quark ())

typedef enum
{
  WAYMARK_DECISION_ERROR_INVALID,
  WAYMARK_DECISION_ERROR_UNKNOWN_SECTION,
} WaymarkDecisionError;

/* The kinds, one table in waymark-decision.c: ids "status", "reason", "weight", "score",
 * "criterion", "item-added", "item-removed", "item-changed", "local-service". */
typedef enum
{
  WAYMARK_DECISION_KIND_STATUS,
  WAYMARK_DECISION_KIND_REASON,
  WAYMARK_DECISION_KIND_WEIGHT,
  WAYMARK_DECISION_KIND_SCORE,
  WAYMARK_DECISION_KIND_CRITERION,
  WAYMARK_DECISION_KIND_ITEM_ADDED,
  WAYMARK_DECISION_KIND_ITEM_REMOVED,
  WAYMARK_DECISION_KIND_ITEM_CHANGED,
  WAYMARK_DECISION_KIND_LOCAL_SERVICE,
} WaymarkDecisionKind;

#define WAYMARK_DECISION_KIND_N (WAYMARK_DECISION_KIND_LOCAL_SERVICE + 1)
/* In bytes: the commissioner's reason, and a review heading. */
#define WAYMARK_DECISION_MAX_REASON 1000
#define WAYMARK_DECISION_MAX_SECTION 300

#define WAYMARK_TYPE_DECISION_KIND (waymark_decision_kind_get_type ())
GType       waymark_decision_kind_get_type  (void) G_GNUC_CONST;

GQuark      waymark_decision_error_quark    (void);
const char *waymark_decision_kind_get_id    (WaymarkDecisionKind kind);
/* Translated words for people. */
const char *waymark_decision_kind_get_label (WaymarkDecisionKind kind);
/* FALSE when id names no kind. */
gboolean    waymark_decision_kind_from_id   (const char          *id,
                                             WaymarkDecisionKind *kind);

#define WAYMARK_TYPE_DECISION (waymark_decision_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkDecision, waymark_decision, WAYMARK, DECISION, GObject)

/* time is UTC, kept to the second. subject is the option's, criterion's or local service's id;
 * description the change in words (computed); reason the commissioner's, "" for none;
 * review_section a heading of the review, "" for none. NULL text is "". */
WaymarkDecision *waymark_decision_new        (GDateTime           *time,
                                              const char          *author,
                                              WaymarkDecisionKind  kind,
                                              const char          *subject,
                                              const char          *description,
                                              const char          *reason,
                                              const char          *review_section);
/* The same entry, same time, with this reason and citation. */
WaymarkDecision *waymark_decision_with_note  (WaymarkDecision     *self,
                                              const char          *reason,
                                              const char          *review_section);
gboolean         waymark_decision_equal      (WaymarkDecision     *a,
                                              WaymarkDecision     *b);

GDateTime       *waymark_decision_get_time        (WaymarkDecision *self);
/* "2026-12-02T14:41:37Z": ISO 8601, UTC, seconds; owned. */
char            *waymark_decision_dup_time_text   (WaymarkDecision *self);
const char      *waymark_decision_get_author      (WaymarkDecision *self);
WaymarkDecisionKind waymark_decision_get_kind     (WaymarkDecision *self);
const char      *waymark_decision_get_subject     (WaymarkDecision *self);
const char      *waymark_decision_get_description (WaymarkDecision *self);
const char      *waymark_decision_get_reason      (WaymarkDecision *self);
const char      *waymark_decision_get_review_section (WaymarkDecision *self);

/* The review's section headings an entry may cite: the interventions' sections, then the
 * context entries', each once, in the catalogue's order; NULL-terminated, owned. */
char           **waymark_decision_dup_review_sections (WaymarkCatalogue *catalogue);
/* TRUE for "" (no citation) or a heading of the review; otherwise FALSE with an error that
 * quotes it. Also checks a reason's length and text. */
gboolean         waymark_decision_check_note  (WaymarkCatalogue  *catalogue,
                                               const char        *reason,
                                               const char        *review_section,
                                               GError           **error);

G_END_DECLS
