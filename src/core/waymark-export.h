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

/* The catalogue's context entries (waymark-context.h) as CSV: the header
 * kind,id,label,value,unit,period,geography,as_written,section,topic,purpose,interventions,questions
 * then one row an entry; value the plain decimal as stored ("28360", "7.89"), the same in every
 * locale; interventions joined with ";", questions with a line break (inside the quoted cell);
 * free text neutralised for spreadsheets. RFC 4180 with CRLF. */
char *waymark_export_context_csv        (GPtrArray        *entries);
/* The same entries as a JSON array of objects, with the catalogue's keys (and "kind" "provider"
 * for the services); fields the review does not give are left out. */
char *waymark_export_context_json       (GPtrArray        *entries);

G_END_DECLS
