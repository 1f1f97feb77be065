/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* The form of a local service (issue 15): a service the review does not describe, every field
 * the commissioner's. Adding puts the service in the plan and an item for it (two undoable
 * edits); editing replaces the service (one). The Add or Save button is enabled only while the
 * form makes a valid service; until then a message says which field is wrong. */

/* The form's controls, for the UI tests. */
typedef struct
{
  GtkEditable    *name;
  GtkCheckButton *levels[3];      /* primary, secondary, tertiary */
  GtkDropDown    *focus;          /* WaymarkFocus, in its order */
  GtkCheckButton *works_with[5];  /* WaymarkWorksWith's bits, in their order */
  GtkEditable    *age_min;
  GtkEditable    *age_max;
  GtkEditable    *provider;
  GtkEditable    *unit;
  GtkEditable    *cost;
  GtkEditable    *cost_high;
  GtkEditable    *notes;
  GtkEditable    *source;
  GtkLabel       *error_label;
} WaymarkLocalServiceDialogParts;

/* An AdwMessageDialog over parent, with the responses "cancel" and "add" (service NULL) or
 * "save" (editing service, one of plan's). */
GtkWidget *waymark_local_service_dialog_new       (GtkWindow           *parent,
                                                   WaymarkPlan         *plan,
                                                   WaymarkCatalogue    *catalogue,
                                                   WaymarkLocalService *service);
void       waymark_local_service_dialog_get_parts (GtkWidget                      *dialog,
                                                   WaymarkLocalServiceDialogParts *parts);
/* A slug of name ("Women's Aid IDVA" → "women-s-aid-idva") that no local service, item or
 * catalogue intervention has: "-2", "-3"... is added until none has it. */
char      *waymark_local_service_dialog_make_id   (WaymarkPlan         *plan,
                                                   WaymarkCatalogue    *catalogue,
                                                   const char          *name);

G_END_DECLS
