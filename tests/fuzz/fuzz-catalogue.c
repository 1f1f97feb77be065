/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "waymark-catalogue.h"
#include "waymark-export.h"

/* Any bytes: the loader refuses them with a message or loads them; what it loads, Waymark writes,
 * and what it writes reads back identically. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkCatalogue) catalogue = NULL;
  g_autoptr(WaymarkCatalogue) again = NULL;
  g_autoptr(GBytes) written_bytes = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  catalogue = waymark_catalogue_new_from_bytes (bytes, "fuzz.json", &error);
  if (catalogue == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.json: "));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert (error == NULL);

  written = waymark_export_catalogue_json (catalogue, NULL);
  written_bytes = g_bytes_new (written, strlen (written));
  again = waymark_catalogue_new_from_bytes (written_bytes, "written.json", &error);
  if (again == NULL)
    g_error ("Waymark wrote a catalogue it cannot read: %s", error->message);
  rewritten = waymark_export_catalogue_json (again, NULL);
  g_assert_cmpstr (written, ==, rewritten);

  return 0;
}
