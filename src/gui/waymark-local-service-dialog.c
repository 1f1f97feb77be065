/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-gui-format.h"
#include "waymark-local-service-dialog.h"
#include "waymark-money.h"

#define PARTS_KEY "waymark-local-service-parts"
/* The labels' column: the longest, "Upper unit cost, for a range (optional)", in two lines. */
#define LABEL_CHARS 22

static const WaymarkLevel levels[] = {
  WAYMARK_LEVEL_PRIMARY, WAYMARK_LEVEL_SECONDARY, WAYMARK_LEVEL_TERTIARY,
};
static const WaymarkWorksWith groups[] = {
  WAYMARK_WORKS_WITH_VICTIMS, WAYMARK_WORKS_WITH_PERPETRATORS,
  WAYMARK_WORKS_WITH_CHILDREN_YOUNG_PEOPLE, WAYMARK_WORKS_WITH_COMMUNITY,
  WAYMARK_WORKS_WITH_PROFESSIONALS,
};
static const WaymarkFocus focuses[] = { WAYMARK_FOCUS_DA, WAYMARK_FOCUS_SV, WAYMARK_FOCUS_BOTH };

typedef struct
{
  WaymarkLocalServiceDialogParts parts;
  WaymarkPlan         *plan;
  WaymarkCatalogue    *catalogue;
  WaymarkLocalService *service;  /* the one edited, or NULL to add */
  gboolean             touched;  /* a field changed: from then on, what is wrong is said */
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->plan);
  g_clear_object (&form->catalogue);
  g_clear_object (&form->service);
  g_free (form);
}

static gboolean
id_taken (WaymarkPlan      *plan,
          WaymarkCatalogue *catalogue,
          const char       *id)
{
  return waymark_plan_find_local_service (plan, id, NULL) != NULL ||
         waymark_plan_find_item (plan, id, NULL) != NULL ||
         (catalogue != NULL && waymark_catalogue_lookup (catalogue, id) != NULL);
}

char *
waymark_local_service_dialog_make_id (WaymarkPlan      *plan,
                                      WaymarkCatalogue *catalogue,
                                      const char       *name)
{
  GString *slug = g_string_new (NULL);
  g_autofree char *base = NULL;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);

  /* Letters and digits of ASCII, lower case; any run of anything else one hyphen. Kept well
   * under the core's limit, so that a suffix still fits. */
  for (const char *p = name != NULL ? name : ""; *p != '\0' && slug->len < 150; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "local-service");
  base = g_string_free (slug, FALSE);

  if (!id_taken (plan, catalogue, base))
    return g_steal_pointer (&base);
  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (!id_taken (plan, catalogue, id))
        return g_steal_pointer (&id);
    }
}

/* A whole number of years, or -1 for none given; FALSE for anything else. */
static gboolean
parse_age (GtkEditable *editable,
           int         *age)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  guint64 value;

  if (*text == '\0')
    {
      *age = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, WAYMARK_LOCAL_SERVICE_MAX_AGE, &value, NULL))
    return FALSE;
  *age = (int) value;
  return TRUE;
}

static char *
dup_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* The service the form describes, or NULL with a message that names the field as the form
 * does. What only the core knows (lengths, control characters) is the core's message. */
static WaymarkLocalService *
form_make_service (Form    *form,
                   char   **message)
{
  WaymarkLocalServiceDialogParts *p = &form->parts;
  WaymarkLocalServiceFields f = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *name = dup_text (p->name);
  g_autofree char *provider = dup_text (p->provider);
  g_autofree char *unit = dup_text (p->unit);
  g_autofree char *notes = dup_text (p->notes);
  g_autofree char *source = dup_text (p->source);
  g_autofree char *cost = dup_text (p->cost);
  g_autofree char *cost_high = dup_text (p->cost_high);
  g_autoptr(GError) error = NULL;
  WaymarkLocalService *service;
  guint focus;

  if (*name == '\0')
    {
      *message = g_strdup (_("Name: give the service a name."));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (gtk_check_button_get_active (p->levels[i]))
      f.levels |= levels[i];
  if (f.levels == 0)
    {
      *message = g_strdup (_("Level of prevention: choose at least one."));
      return NULL;
    }
  focus = gtk_drop_down_get_selected (p->focus);
  f.focus = focuses[MIN (focus, G_N_ELEMENTS (focuses) - 1)];
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (gtk_check_button_get_active (p->works_with[i]))
      f.works_with |= groups[i];
  if (!parse_age (p->age_min, &f.age_min))
    {
      /* Translators: %d is the oldest age Waymark takes, 120 */
      *message = g_strdup_printf (_("Youngest age: a whole number of years from 0 to %d, or "
                                    "empty."), WAYMARK_LOCAL_SERVICE_MAX_AGE);
      return NULL;
    }
  if (!parse_age (p->age_max, &f.age_max))
    {
      /* Translators: %d is the oldest age Waymark takes, 120 */
      *message = g_strdup_printf (_("Oldest age: a whole number of years from 0 to %d, or "
                                    "empty."), WAYMARK_LOCAL_SERVICE_MAX_AGE);
      return NULL;
    }
  if (f.age_min >= 0 && f.age_max >= 0 && f.age_max < f.age_min)
    {
      *message = g_strdup (_("Oldest age: it is below the youngest."));
      return NULL;
    }
  f.unit_cost = f.unit_cost_high = WAYMARK_NO_COST;
  if (*cost != '\0' && !waymark_money_parse (cost, &f.unit_cost))
    {
      *message = g_strdup (_("Unit cost: an amount in pounds, such as 1500 or £1,500.50."));
      return NULL;
    }
  if (*cost_high != '\0' && *cost == '\0')
    {
      *message = g_strdup (_("Upper unit cost: give the unit cost first."));
      return NULL;
    }
  f.unit_cost_high = f.unit_cost;
  if (*cost_high != '\0' && !waymark_money_parse (cost_high, &f.unit_cost_high))
    {
      *message = g_strdup (_("Upper unit cost: an amount in pounds, such as 2000, or empty."));
      return NULL;
    }
  if (f.unit_cost_high < f.unit_cost)
    {
      *message = g_strdup (_("Upper unit cost: it is below the unit cost."));
      return NULL;
    }

  if (form->service != NULL)
    id = g_strdup (waymark_local_service_get_id (form->service));
  else
    id = waymark_local_service_dialog_make_id (form->plan, form->catalogue, name);
  f.id = id;
  f.name = name;
  f.provider = provider;
  f.unit = unit;
  f.notes = notes;
  f.source = source;
  service = waymark_local_service_new (&f, &error);
  if (service == NULL)
    *message = g_strdup (error->message);
  return service;
}

static void
form_check (Form      *form,
            GtkWidget *dialog)
{
  g_autofree char *message = NULL;
  g_autoptr(WaymarkLocalService) service = form_make_service (form, &message);
  const char *response = form->service != NULL ? "save" : "add";

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), response,
                                           service != NULL);
  gtk_label_set_label (form->parts.error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (form->parts.error_label),
                          message != NULL && form->touched);
}

static void
on_field_changed (GtkWidget *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), PARTS_KEY);

  form->touched = TRUE;
  form_check (form, dialog);
}

/* The core keeps an item's unit, provider and cost as the commissioner set them on the item
 * when its service is replaced. What the form changed, though, is the latest word on it: the
 * item takes each field the edit changed, as further undoable edits (Ctrl+Z undoes them in
 * turn, then the service's). A field the form left alone stays as the item has it. */
static void
follow_edit (WaymarkPlan         *plan,
             WaymarkLocalService *before,
             WaymarkLocalService *after)
{
  WaymarkPlanItem *item = waymark_plan_find_item (plan, waymark_local_service_get_id (after),
                                                  NULL);
  const char *unit = waymark_local_service_get_unit (after);
  const char *provider = waymark_local_service_get_provider (after);
  gboolean new_unit = g_strcmp0 (waymark_local_service_get_unit (before), unit) != 0;
  gboolean new_provider = g_strcmp0 (waymark_local_service_get_provider (before), provider) != 0;
  gint64 low = waymark_local_service_get_unit_cost (after);
  gint64 high = waymark_local_service_get_unit_cost_high (after);

  if (item == NULL)
    return;
  if (new_unit && new_provider)
    waymark_plan_edit (plan, item, "unit", unit, "provider", provider, NULL);
  else if (new_unit)
    waymark_plan_edit (plan, item, "unit", unit, NULL);
  else if (new_provider)
    waymark_plan_edit (plan, item, "provider", provider, NULL);
  if (low != waymark_local_service_get_unit_cost (before) ||
      high != waymark_local_service_get_unit_cost_high (before))
    waymark_plan_set_item_cost (plan, item, low, high,
                                low != WAYMARK_NO_COST ? WAYMARK_COST_SOURCE_LOCAL_QUOTE
                                                       : WAYMARK_COST_SOURCE_ESTIMATE);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), PARTS_KEY);
  g_autofree char *message = NULL;
  g_autoptr(WaymarkLocalService) service = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") && !g_str_equal (response, "save"))
    return;
  service = form_make_service (form, &message);
  if (service == NULL)
    return;

  if (form->service != NULL)
    {
      if (!waymark_plan_replace_local_service (form->plan, service, &error))
        g_warning ("The local service was not saved: %s", error->message);
      else
        follow_edit (form->plan, form->service, service);
      return;
    }
  /* Two undoable edits: the service, then its item, which needs the service in the plan. */
  if (!waymark_plan_add_local_service (form->plan, service, form->catalogue, &error))
    {
      g_warning ("The local service was not added: %s", error->message);
      return;
    }
  if (!waymark_plan_add_local_service_item (form->plan, waymark_local_service_get_id (service),
                                            &error))
    g_warning ("The local service's item was not added: %s", error->message);
}

/* A label over its field, which it names (a mnemonic, so Alt and the letter go there). */
static void
attach_field (GtkGrid    *grid,
              int         row,
              const char *label_text,
              GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), LABEL_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LABEL_CHARS);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  /* One line high however many the label beside it takes. */
  gtk_widget_set_valign (field, GTK_ALIGN_CENTER);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

static GtkEditable *
add_entry (GtkGrid    *grid,
           int         row,
           const char *label_text,
           const char *text,
           GtkWidget  *dialog)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  attach_field (grid, row, label_text, entry);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_field_changed), dialog);
  return GTK_EDITABLE (entry);
}

/* Check buttons in a row, named together by the label before them. */
static void
add_checks (GtkGrid         *grid,
            int              row,
            const char      *label_text,
            const char     **labels,
            guint            n,
            guint            active,
            GtkCheckButton **checks,
            GtkWidget       *dialog)
{
  GtkWidget *label = gtk_label_new (label_text);
  /* Three to a line, in a group the label names. */
  GtkWidget *box = g_object_new (GTK_TYPE_GRID, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "column-spacing", 12, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), LABEL_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), LABEL_CHARS);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 4);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (labels[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (active & (1u << i)) != 0);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_field_changed), dialog);
      gtk_grid_attach (GTK_GRID (box), check, i % 3, i / 3, 1, 1);
      checks[i] = GTK_CHECK_BUTTON (check);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, box, 1, row, 1, 1);
}

GtkWidget *
waymark_local_service_dialog_new (GtkWindow           *parent,
                                  WaymarkPlan         *plan,
                                  WaymarkCatalogue    *catalogue,
                                  WaymarkLocalService *service)
{
  WaymarkLocalServiceFields f = {
    .levels = 0, .focus = WAYMARK_FOCUS_DA, .age_min = -1, .age_max = -1,
    .unit_cost = WAYMARK_NO_COST, .unit_cost_high = WAYMARK_NO_COST,
  };
  const char *response = service != NULL ? "save" : "add";
  const char *level_labels[G_N_ELEMENTS (levels)];
  const char *group_labels[G_N_ELEMENTS (groups)];
  g_autoptr(GtkStringList) focus_labels = gtk_string_list_new (NULL);
  guint level_bits = 0, group_bits = 0;
  GtkWidget *dialog, *scroller, *grid, *dropdown, *error_label, *box;
  Form *form;
  int row = 0;

  g_return_val_if_fail (WAYMARK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (service == NULL || WAYMARK_IS_LOCAL_SERVICE (service), NULL);

  if (service != NULL)
    waymark_local_service_get_fields (service, &f);

  dialog = adw_message_dialog_new (parent,
                                   service != NULL ? _("Edit Local Service")
                                                   : _("Add a Local Service"),
                                   _("A service the review does not describe, such as your "
                                     "existing IDVA service. Everything here is a local "
                                     "figure: it is marked “Local: not rated by the review” "
                                     "and never given a rating."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    response, service != NULL ? _("_Save") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  form = g_new0 (Form, 1);
  form->plan = g_object_ref (plan);
  form->catalogue = catalogue != NULL ? g_object_ref (catalogue) : NULL;
  form->service = service != NULL ? g_object_ref (service) : NULL;
  g_object_set_data_full (G_OBJECT (dialog), PARTS_KEY, form, (GDestroyNotify) form_free);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  form->parts.name = add_entry (GTK_GRID (grid), row++, _("_Name"), f.name, dialog);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      level_labels[i] = waymark_level_get_label (levels[i]);
      if (f.levels & levels[i])
        level_bits |= 1u << i;
    }
  add_checks (GTK_GRID (grid), row++, _("Level of prevention"), level_labels,
              G_N_ELEMENTS (levels), level_bits, form->parts.levels, dialog);

  for (guint i = 0; i < G_N_ELEMENTS (focuses); i++)
    gtk_string_list_append (focus_labels, waymark_focus_get_label (focuses[i]));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (focus_labels)), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (focuses); i++)
    if (focuses[i] == f.focus)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (on_field_changed), dialog);
  attach_field (GTK_GRID (grid), row++, _("_Focus"), dropdown);
  form->parts.focus = GTK_DROP_DOWN (dropdown);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      group_labels[i] = waymark_works_with_get_label (groups[i]);
      if (f.works_with & groups[i])
        group_bits |= 1u << i;
    }
  add_checks (GTK_GRID (grid), row++, _("Works with"), group_labels, G_N_ELEMENTS (groups),
              group_bits, form->parts.works_with, dialog);

  {
    g_autofree char *age_min = f.age_min >= 0 ? g_strdup_printf ("%d", f.age_min) : NULL;
    g_autofree char *age_max = f.age_max >= 0 ? g_strdup_printf ("%d", f.age_max) : NULL;
    g_autofree char *cost = f.unit_cost != WAYMARK_NO_COST
                            ? waymark_money_to_decimal (f.unit_cost) : NULL;
    g_autofree char *cost_high = f.unit_cost_high != WAYMARK_NO_COST &&
                                 f.unit_cost_high != f.unit_cost
                                 ? waymark_money_to_decimal (f.unit_cost_high) : NULL;

    form->parts.age_min = add_entry (GTK_GRID (grid), row++, _("_Youngest age (optional)"),
                                     age_min, dialog);
    form->parts.age_max = add_entry (GTK_GRID (grid), row++, _("Ol_dest age (optional)"),
                                     age_max, dialog);
    form->parts.provider = add_entry (GTK_GRID (grid), row++, _("_Provider"), f.provider,
                                      dialog);
    form->parts.unit = add_entry (GTK_GRID (grid), row++, _("_Unit, such as “adviser posts”"),
                                  f.unit, dialog);
    form->parts.cost = add_entry (GTK_GRID (grid), row++, _("Unit _cost in pounds"), cost,
                                  dialog);
    form->parts.cost_high = add_entry (GTK_GRID (grid), row++,
                                       _("Upper unit cost, for a _range (optional)"), cost_high,
                                       dialog);
    form->parts.notes = add_entry (GTK_GRID (grid), row++, _("No_tes"), f.notes, dialog);
    form->parts.source = add_entry (GTK_GRID (grid), row++,
                                    _("_Source: who, when, from what"), f.source, dialog);
  }

  /* An alert, as the item row's cost error is: read out when it appears. */
  error_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  form->parts.error_label = GTK_LABEL (error_label);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  /* Wide enough for a label beside its field. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);

  form_check (form, dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  return dialog;
}

void
waymark_local_service_dialog_get_parts (GtkWidget                      *dialog,
                                        WaymarkLocalServiceDialogParts *parts)
{
  Form *form;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  form = g_object_get_data (G_OBJECT (dialog), PARTS_KEY);
  g_return_if_fail (form != NULL);
  *parts = form->parts;
}
