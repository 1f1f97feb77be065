/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "waymark-paper-layout.h"
#include "waymark-report-odt.h"
#include "waymark-report.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"
/* The width of the text on an A4 page with 2 cm margins, and a chart's width in points. */
#define TEXT_WIDTH_CM 17.0
#define CHART_WIDTH_PT (TEXT_WIDTH_CM / 2.54 * 72.0)
#define CHART_SCALE 2.0

#define NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
  " office:version=\"1.3\""

/* Text as XML character data: escaped, with the characters XML 1.0 cannot hold at all (C0
 * controls other than tab and line feed) left out; a line break is ODF's, a tab ODF's. */
static void
append_text (GString    *xml,
             const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (xml, "&amp;");
          break;
        case '<':
          g_string_append (xml, "&lt;");
          break;
        case '>':
          g_string_append (xml, "&gt;");
          break;
        case '"':
          g_string_append (xml, "&quot;");
          break;
        case '\n':
          g_string_append (xml, "<text:line-break/>");
          break;
        case '\t':
          g_string_append (xml, "<text:tab/>");
          break;
        default:
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || (c >= 0x7F && c < 0xA0))
            break;
          g_string_append_unichar (xml, c);
        }
    }
}

static void
append_paragraph (GString    *xml,
                  const char *style,
                  const char *text)
{
  g_string_append_printf (xml, "<text:p text:style-name=\"%s\">", style);
  append_text (xml, text);
  g_string_append (xml, "</text:p>\n");
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The chart as a PNG, drawn by the same code as the PDF's. */
static GBytes *
chart_png (const WaymarkPaperBlock *block,
           double                   height)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (CHART_WIDTH_PT * CHART_SCALE),
                                        (int) (height * CHART_SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, CHART_SCALE, CHART_SCALE);
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  pango_cairo_update_context (cr, context);
  waymark_paper_chart_draw (block, cr, context, 0, 0, CHART_WIDTH_PT);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_to_array, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static void
append_table (GString                 *xml,
              const WaymarkPaperBlock *block,
              guint                    number)
{
  if (block->text != NULL)
    append_paragraph (xml, "Table_20_Caption", block->text);
  g_string_append_printf (xml, "<table:table table:name=\"Table%u\" table:style-name=\"PaperTable\">\n"
                          "<table:table-column table:number-columns-repeated=\"%u\"/>\n"
                          "<table:table-header-rows><table:table-row>",
                          number, block->n_columns);
  for (guint c = 0; c < block->n_columns; c++)
    {
      g_string_append (xml, "<table:table-cell table:style-name=\"HeaderCell\" office:value-type=\"string\">");
      append_paragraph (xml, "Table_20_Heading", block->columns[c]);
      g_string_append (xml, "</table:table-cell>");
    }
  g_string_append (xml, "</table:table-row></table:table-header-rows>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **cells = g_ptr_array_index (block->rows, r);

      g_string_append (xml, "<table:table-row>");
      for (guint c = 0; c < block->n_columns; c++)
        {
          g_string_append (xml, "<table:table-cell table:style-name=\"BodyCell\" office:value-type=\"string\">");
          append_paragraph (xml, "Table_20_Contents", cells[c]);
          g_string_append (xml, "</table:table-cell>");
        }
      g_string_append (xml, "</table:table-row>\n");
    }
  g_string_append (xml, "</table:table>\n");
}

/* The contents, as the PDF's title page has them: an index of the sections that LibreOffice
 * and Word can update (with page numbers) and that reads the same until they do. */
static void
append_contents (GString           *xml,
                 WaymarkBoardPaper *paper)
{
  g_string_append (xml, "<text:table-of-content text:name=\"Contents\" text:protected=\"true\">"
                        "<text:table-of-content-source text:outline-level=\"1\">"
                        "<text:index-title-template text:style-name=\"Contents_20_Heading\">");
  append_text (xml, _("Contents"));
  g_string_append (xml, "</text:index-title-template>"
                        "<text:table-of-content-entry-template text:outline-level=\"1\" "
                        "text:style-name=\"Contents_20_1\"><text:index-entry-text/>"
                        "<text:index-entry-tab-stop style:type=\"right\" style:leader-char=\".\"/>"
                        "<text:index-entry-page-number/></text:table-of-content-entry-template>"
                        "</text:table-of-content-source><text:index-body>"
                        "<text:index-title text:name=\"Contents_Head\">");
  append_paragraph (xml, "Contents_20_Heading", _("Contents"));
  g_string_append (xml, "</text:index-title>\n");
  for (guint i = 0; i < paper->blocks->len; i++)
    {
      const WaymarkPaperBlock *block = g_ptr_array_index (paper->blocks, i);

      if (block->kind == WAYMARK_PAPER_BLOCK_HEADING && block->level == 1)
        append_paragraph (xml, "Contents_20_1", block->text);
    }
  g_string_append (xml, "</text:index-body></text:table-of-content>\n");
}

static char *
content_xml (WaymarkBoardPaper *paper,
             GPtrArray         *pictures)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  guint n_tables = 0;

  g_string_append (xml, "<office:document-content" NAMESPACES ">\n"
    "<office:automatic-styles>\n"
    "<style:style style:name=\"PaperTable\" style:family=\"table\">"
    "<style:table-properties style:width=\"17cm\" table:align=\"left\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.2cm\"/></style:style>\n"
    "<style:style style:name=\"HeaderCell\" style:family=\"table-cell\">"
    "<style:table-cell-properties fo:background-color=\"#e0e8f2\" fo:padding=\"0.08cm\" fo:border-bottom=\"0.5pt solid #b3b3b3\"/></style:style>\n"
    "<style:style style:name=\"BodyCell\" style:family=\"table-cell\">"
    "<style:table-cell-properties fo:padding=\"0.08cm\" fo:border-bottom=\"0.5pt solid #b3b3b3\"/></style:style>\n"
    "<style:style style:name=\"ChartFrame\" style:family=\"graphic\">"
    "<style:graphic-properties style:wrap=\"none\" style:vertical-pos=\"top\" style:horizontal-pos=\"left\"/></style:style>\n"
    "</office:automatic-styles>\n<office:body><office:text>\n");

  append_paragraph (xml, "Title", paper->title);
  append_paragraph (xml, "Subtitle", paper->subtitle);
  append_paragraph (xml, "Title_20_Detail", paper->area);
  if (*paper->organisation != '\0')
    append_paragraph (xml, "Title_20_Detail", paper->organisation);
  if (*paper->author != '\0')
    append_paragraph (xml, "Title_20_Detail", paper->author);
  append_paragraph (xml, "Title_20_Detail", paper->date);
  append_paragraph (xml, "Title_20_Detail", paper->period);
  append_paragraph (xml, "Source", paper->catalogue);
  append_contents (xml, paper);

  for (guint i = 0; i < paper->blocks->len; i++)
    {
      const WaymarkPaperBlock *block = g_ptr_array_index (paper->blocks, i);

      switch (block->kind)
        {
        case WAYMARK_PAPER_BLOCK_HEADING:
          g_string_append_printf (xml, "<text:h text:style-name=\"Heading_20_%u\" text:outline-level=\"%u\">",
                                  block->level, block->level);
          append_text (xml, block->text);
          g_string_append (xml, "</text:h>\n");
          break;
        case WAYMARK_PAPER_BLOCK_PARAGRAPH:
          append_paragraph (xml, "Text_20_body", block->text);
          break;
        case WAYMARK_PAPER_BLOCK_QUOTE:
          append_paragraph (xml, "Quotations", block->text);
          append_paragraph (xml, "Source", block->source);
          break;
        case WAYMARK_PAPER_BLOCK_TABLE:
          append_table (xml, block, ++n_tables);
          break;
        case WAYMARK_PAPER_BLOCK_CHART:
          {
            double height = waymark_paper_chart_get_height (block);
            char h[G_ASCII_DTOSTR_BUF_SIZE];

            g_ptr_array_add (pictures, chart_png (block, height));
            g_ascii_formatd (h, sizeof h, "%.2f", height / 72.0 * 2.54);
            g_string_append_printf (xml, "<text:p text:style-name=\"Chart\">"
                                    "<draw:frame draw:style-name=\"ChartFrame\" draw:name=\"Chart%u\" "
                                    "text:anchor-type=\"as-char\" svg:width=\"%.0fcm\" svg:height=\"%scm\">"
                                    "<draw:image xlink:href=\"Pictures/chart-%u.png\" xlink:type=\"simple\" "
                                    "xlink:show=\"embed\" xlink:actuate=\"onLoad\"/><svg:title>",
                                    pictures->len, TEXT_WIDTH_CM, h, pictures->len);
            append_text (xml, block->text);
            g_string_append (xml, "</svg:title></draw:frame></text:p>\n");
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (xml, "</office:text></office:body></office:document-content>\n");
  return g_string_free (xml, FALSE);
}

static char *
styles_xml (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append (xml, "<office:document-styles" NAMESPACES ">\n"
    "<office:styles>\n"
    "<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:hyphenation-ladder-count=\"no-limit\"/>"
    "<style:text-properties style:font-name=\"Sans\" fo:font-family=\"'DejaVu Sans', sans-serif\" fo:font-size=\"10pt\" fo:language=\"en\" fo:country=\"GB\"/></style:default-style>\n"
    "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n"
    "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\"/></style:style>\n"
    "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"chapter\">"
    "<style:paragraph-properties fo:margin-top=\"5cm\" fo:margin-bottom=\"0.3cm\"/><style:text-properties fo:font-size=\"24pt\" fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"chapter\">"
    "<style:paragraph-properties fo:margin-bottom=\"0.8cm\"/><style:text-properties fo:font-size=\"14pt\"/></style:style>\n"
    "<style:style style:name=\"Title_20_Detail\" style:display-name=\"Title Detail\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:paragraph-properties fo:margin-bottom=\"0.2cm\"/><style:text-properties fo:font-size=\"11pt\"/></style:style>\n");
  for (guint level = 1; level <= 3; level++)
    g_string_append_printf (xml,
      "<style:style style:name=\"Heading_20_%u\" style:display-name=\"Heading %u\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" style:default-outline-level=\"%u\" style:class=\"text\">"
      "<style:paragraph-properties fo:margin-top=\"%s\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"%s/>"
      "<style:text-properties fo:font-size=\"%s\" fo:font-weight=\"bold\"/></style:style>\n",
      level, level, level, level == 1 ? "0cm" : "0.4cm",
      level == 1 ? " fo:break-before=\"page\"" : "",
      level == 1 ? "17pt" : level == 2 ? "12.5pt" : "10pt");
  g_string_append (xml,
    "<style:style style:name=\"Quotations\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:margin-right=\"0.6cm\" fo:margin-bottom=\"0.05cm\" fo:border-left=\"1.5pt solid #294f85\" fo:padding-left=\"0.2cm\"/>"
    "<style:text-properties fo:font-style=\"italic\"/></style:style>\n"
    "<style:style style:name=\"Source\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:paragraph-properties fo:margin-left=\"0.6cm\" fo:margin-bottom=\"0.2cm\"/><style:text-properties fo:font-size=\"8pt\" fo:color=\"#4d4d4d\"/></style:style>\n"
    "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
    "<style:text-properties fo:font-size=\"8pt\"/></style:style>\n"
    "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
    "<style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Table_20_Caption\" style:display-name=\"Table Caption\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:paragraph-properties fo:margin-top=\"0.2cm\" fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Chart\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
    "<style:paragraph-properties fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.1cm\" fo:keep-with-next=\"always\"/></style:style>\n"
    "<style:style style:name=\"Contents_20_Heading\" style:display-name=\"Contents Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"index\">"
    "<style:paragraph-properties fo:margin-top=\"0.8cm\" fo:margin-bottom=\"0.2cm\"/><style:text-properties fo:font-size=\"12pt\" fo:font-weight=\"bold\"/></style:style>\n"
    "<style:style style:name=\"Contents_20_1\" style:display-name=\"Contents 1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"index\">"
    "<style:paragraph-properties><style:tab-stops><style:tab-stop style:position=\"17cm\" style:type=\"right\" style:leader-style=\"dotted\" style:leader-text=\".\"/></style:tab-stops></style:paragraph-properties></style:style>\n"
    "<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
    "<style:paragraph-properties fo:text-align=\"end\"/><style:text-properties fo:font-size=\"8pt\"/></style:style>\n"
    "</office:styles>\n"
    "<office:automatic-styles>\n"
    "<style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
    "style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
    "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-top=\"0.3cm\"/></style:footer-style></style:page-layout>\n"
    "</office:automatic-styles>\n"
    "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">"
    "<style:footer><text:p text:style-name=\"Footer\">");
  /* TRANSLATORS: the foot of each page of the board paper's ODT, around the page numbers */
  {
    g_auto(GStrv) parts = g_strsplit (_("Page %N of %C"), "%", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        const char *part = parts[i];

        if (i > 0 && part[0] == 'N')
          {
            g_string_append (xml, "<text:page-number text:select-page=\"current\"/>");
            part++;
          }
        else if (i > 0 && part[0] == 'C')
          {
            g_string_append (xml, "<text:page-count/>");
            part++;
          }
        append_text (xml, part);
      }
  }
  g_string_append (xml, "</text:p></style:footer></style:master-page></office:master-styles>\n"
                        "</office:document-styles>\n");
  return g_string_free (xml, FALSE);
}

static char *
meta_xml (WaymarkBoardPaper *paper)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append (xml, "<office:document-meta" NAMESPACES "><office:meta>"
                        "<meta:generator>Waymark</meta:generator><dc:title>");
  append_text (xml, paper->title);
  g_string_append (xml, "</dc:title><dc:subject>");
  append_text (xml, paper->subtitle);
  g_string_append (xml, "</dc:subject><dc:creator>");
  append_text (xml, paper->author);
  g_string_append (xml, "</dc:creator><dc:language>en-GB</dc:language></office:meta></office:document-meta>\n");
  return g_string_free (xml, FALSE);
}

static char *
manifest_xml (guint n_pictures)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
    " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"" MIMETYPE "\"/>\n"
    " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
    " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
    " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n");

  for (guint i = 1; i <= n_pictures; i++)
    g_string_append_printf (xml, " <manifest:file-entry manifest:full-path=\"Pictures/chart-%u.png\" "
                                 "manifest:media-type=\"image/png\"/>\n", i);
  g_string_append (xml, "</manifest:manifest>\n");
  return g_string_free (xml, FALSE);
}

static gboolean
add_member (GsfOutfile   *zip,
            const char   *name,
            gboolean      stored,
            gconstpointer data,
            gsize         length,
            GError      **error)
{
  GsfOutput *child;
  gboolean ok;

  child = stored ? gsf_outfile_new_child_full (zip, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL)
                 : gsf_outfile_new_child (zip, name, FALSE);
  ok = child != NULL && gsf_output_write (child, length, data) && gsf_output_close (child);
  g_clear_object (&child);
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the ODT’s “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

/* The members, in order, into zip; FALSE with error set on the first that fails. */
static gboolean
write_members (GsfOutfile  *zip,
               const char  *content,
               const char  *styles,
               const char  *meta,
               const char  *manifest,
               GPtrArray   *pictures,
               GError     **error)
{
  /* OpenDocument: the first member is `mimetype`, stored, so a reader knows the file by its
   * first bytes. */
  if (!add_member (zip, "mimetype", TRUE, MIMETYPE, strlen (MIMETYPE), error)
      || !add_member (zip, "content.xml", FALSE, content, strlen (content), error)
      || !add_member (zip, "styles.xml", FALSE, styles, strlen (styles), error)
      || !add_member (zip, "meta.xml", FALSE, meta, strlen (meta), error))
    return FALSE;
  for (guint i = 0; i < pictures->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("Pictures/chart-%u.png", i + 1);
      gsize length;
      gconstpointer data = g_bytes_get_data (g_ptr_array_index (pictures, i), &length);

      if (!add_member (zip, name, TRUE, data, length, error))
        return FALSE;
    }
  return add_member (zip, "META-INF/manifest.xml", FALSE, manifest, strlen (manifest), error);
}

GBytes *
waymark_report_odt_to_bytes (WaymarkBoardPaper *paper,
                             GError           **error)
{
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *manifest = NULL;
  GError *local_error = NULL;
  GsfOutput *sink;
  GsfOutfile *zip;
  GBytes *bytes = NULL;

  g_return_val_if_fail (paper != NULL, NULL);

  content = content_xml (paper, pictures);
  styles = styles_xml ();
  meta = meta_xml (paper);
  manifest = manifest_xml (pictures->len);

  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, &local_error);
  if (zip == NULL)
    {
      g_propagate_prefixed_error (error, local_error, _("Could not make the ODT: "));
      g_object_unref (sink);
      return NULL;
    }
  if (write_members (zip, content, styles, meta, manifest, pictures, error))
    {
      if (gsf_output_close (GSF_OUTPUT (zip)) && gsf_output_close (sink))
        bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                             (gsize) gsf_output_size (sink));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Could not make the ODT’s zip file"));
    }
  g_object_unref (zip);
  g_object_unref (sink);
  return bytes;
}

gboolean
waymark_report_write_odt (WaymarkPlan      *plan,
                          WaymarkCatalogue *catalogue,
                          GFile            *file,
                          GError          **error)
{
  return waymark_report_write_paper (plan, catalogue, waymark_report_odt_to_bytes, file, error);
}
