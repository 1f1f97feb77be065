/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-plan-item.h"

G_BEGIN_DECLS

/* The people in need in a reach group a year, as the commissioner records them where the review
 * gives no count for the group (issue 14): local figures, each with where it came from (who gave
 * it, when, from what, in the commissioner's words). An immutable value: a plan holds one as its
 * "local-needs" property and an edit makes a new one, so that undo puts back the one before. */
typedef struct _WaymarkLocalNeeds WaymarkLocalNeeds;

/* People a year: a local population, so larger than any item's reach. */
#define WAYMARK_LOCAL_NEED_MAX 100000000

#define WAYMARK_TYPE_LOCAL_NEEDS (waymark_local_needs_get_type ())
GType               waymark_local_needs_get_type (void) G_GNUC_CONST;

WaymarkLocalNeeds  *waymark_local_needs_new      (void);
WaymarkLocalNeeds  *waymark_local_needs_ref      (WaymarkLocalNeeds       *self);
void                waymark_local_needs_unref    (WaymarkLocalNeeds       *self);
/* A new value: self with group's figure replaced. people 0 removes it, and its source with it;
 * people above WAYMARK_LOCAL_NEED_MAX is WAYMARK_LOCAL_NEED_MAX; a NULL source is "". */
WaymarkLocalNeeds  *waymark_local_needs_with     (const WaymarkLocalNeeds *self,
                                                  WaymarkReachGroup        group,
                                                  guint                    people,
                                                  const char              *source);
/* The people recorded for group, 0 for none; *source (borrowed, may be NULL) its source. */
guint               waymark_local_needs_get      (const WaymarkLocalNeeds *self,
                                                  WaymarkReachGroup        group,
                                                  const char             **source);
gboolean            waymark_local_needs_is_empty (const WaymarkLocalNeeds *self);
/* NULL is the empty value. */
gboolean            waymark_local_needs_equal    (const WaymarkLocalNeeds *a,
                                                  const WaymarkLocalNeeds *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkLocalNeeds, waymark_local_needs_unref)

G_END_DECLS
