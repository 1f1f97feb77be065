/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmodule.h>

#include "waymark-office-module.h"
#include "waymark-report-odt.h"
#include "waymark-report-xlsx.h"

/* The module's one entry point (src/gui/waymark-office.c looks it up by name). The module is
 * never unloaded: GTypes the writers touch stay registered. */
G_MODULE_EXPORT const WaymarkOfficeWriters *
waymark_office_module_get_writers (void)
{
  static const WaymarkOfficeWriters writers = {
    .abi = WAYMARK_OFFICE_MODULE_ABI,
    .write_xlsx = waymark_report_write_xlsx,
    .write_odt = waymark_report_write_odt,
  };

  return &writers;
}

G_MODULE_EXPORT const char *
g_module_check_init (GModule *module)
{
  g_module_make_resident (module);
  return NULL;
}
