/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-catalogue.h"
#include "waymark-plan.h"

G_BEGIN_DECLS

/* What the application's office module (src/report/meson.build) gives: the workbook and
 * OpenDocument writers of waymark-report-xlsx.h and waymark-report-odt.h. The module is built
 * with the program; abi catches a module left from another build all the same. */
#define WAYMARK_OFFICE_MODULE_ABI 1

typedef gboolean (*WaymarkOfficeWriteFunc) (WaymarkPlan       *plan,
                                            WaymarkCatalogue  *catalogue,
                                            GFile             *file,
                                            GError           **error);

typedef struct
{
  guint                  abi;
  WaymarkOfficeWriteFunc write_xlsx;
  WaymarkOfficeWriteFunc write_odt;
} WaymarkOfficeWriters;

typedef const WaymarkOfficeWriters *(*WaymarkOfficeGetWritersFunc) (void);

#define WAYMARK_OFFICE_MODULE_ENTRY "waymark_office_module_get_writers"

G_END_DECLS
