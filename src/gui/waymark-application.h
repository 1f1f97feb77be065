/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_APPLICATION (waymark_application_get_type ())

G_DECLARE_FINAL_TYPE (WaymarkApplication, waymark_application, WAYMARK, APPLICATION, AdwApplication)

/* The app: one window on the review's catalogue, or on the one given with --catalogue FILE;
 * `waymark PLAN.waymark` opens that plan. */
WaymarkApplication *waymark_application_new (void);

G_END_DECLS
