/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <stdlib.h>

#include "waymark-office-module.h"
#include "waymark-office.h"

/* The workbook (libxlsxwriter) and the OpenDocument paper (libgsf) are written by a module the
 * application opens the first time one of them is asked for. Linked into the program, the two
 * libraries and theirs (libxml2, ICU, libcrypto, minizip, bzip2) cost every start 9.5 ms of
 * loading and relocating before main() (issue 18). The module uses the program's own core
 * (the program exports it), so there is one of each GType. */

#define MODULE_NAME "libwaymark-office.so"

/* Run from its build tree (the tests, `sh tests/waymark-dev.sh run`), the program takes the
 * module built beside it; installed, the installed one. Never the one from the other place. */
static char *
dup_module_path (void)
{
  g_autofree char *program = realpath ("/proc/self/exe", NULL);
  g_autofree char *build_root = realpath (BUILD_ROOT, NULL);

  if (program != NULL && build_root != NULL &&
      g_str_has_prefix (program, build_root) && program[strlen (build_root)] == '/')
    return g_build_filename (build_root, "src", "report", MODULE_NAME, NULL);
  return g_build_filename (PKGLIBDIR, MODULE_NAME, NULL);
}

static const WaymarkOfficeWriters *
get_writers (GError **error)
{
  static const WaymarkOfficeWriters *writers;
  g_autofree char *path = NULL;
  WaymarkOfficeGetWritersFunc get = NULL;
  GModule *module;

  if (writers != NULL)
    return writers;

  path = dup_module_path ();
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      /* Translators: %s is a file's path, then what the system said about it */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Waymark’s part for workbooks and OpenDocument files could not be loaded "
                     "from “%s” (%s). Reinstalling Waymark should mend it."),
                   path, g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, WAYMARK_OFFICE_MODULE_ENTRY, (gpointer *) &get) || get == NULL ||
      get ()->abi != WAYMARK_OFFICE_MODULE_ABI)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Waymark’s part for workbooks and OpenDocument files in “%s” is from "
                     "another version of Waymark. Reinstalling Waymark should mend it."),
                   path);
      g_module_close (module);
      return NULL;
    }

  /* Kept open for the life of the program (the module makes itself resident). */
  writers = get ();
  return writers;
}

gboolean
waymark_office_write_xlsx (WaymarkPlan       *plan,
                           WaymarkCatalogue  *catalogue,
                           GFile             *file,
                           GError           **error)
{
  const WaymarkOfficeWriters *writers = get_writers (error);

  return writers != NULL && writers->write_xlsx (plan, catalogue, file, error);
}

gboolean
waymark_office_write_odt (WaymarkPlan       *plan,
                          WaymarkCatalogue  *catalogue,
                          GFile             *file,
                          GError           **error)
{
  const WaymarkOfficeWriters *writers = get_writers (error);

  return writers != NULL && writers->write_odt (plan, catalogue, file, error);
}
