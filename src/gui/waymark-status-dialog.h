/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-plan.h"

G_BEGIN_DECLS

/* Presents a dialog that sets option `id`'s status, reason and Green Book dimension in plan's
 * appraisal (waymark_appraisal_set_status()); `name` is how the heading names it. Apply is
 * refused, and a message says why, while Not taken forward has a blank reason. Its widgets are
 * named "status", "reason", "dimension" and "message", for tests. */
AdwMessageDialog *waymark_status_dialog_present (GtkWidget   *widget,
                                                 WaymarkPlan *plan,
                                                 const char  *id,
                                                 const char  *name);

G_END_DECLS
