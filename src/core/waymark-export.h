/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-catalogue.h"

G_BEGIN_DECLS

/* The interventions in `model` as CSV: a header row beginning
 * id,name,level,focus,works_with,evidence_rating,impact_rating,cost_min,cost_max,currency,
 * cost_unit,llr_status, multi-values joined with ";", money as plain decimals, RFC 4180 with
 * CRLF. Locale-independent. */
char *waymark_export_interventions_csv  (GListModel       *model);

/* A catalogue file holding `catalogue`'s metadata, scales and providers and the interventions in
 * `model` (all of them when NULL): what Waymark writes, it reads back identically. */
char *waymark_export_catalogue_json     (WaymarkCatalogue *catalogue,
                                         GListModel       *model);

G_END_DECLS
