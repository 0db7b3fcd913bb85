/* entente-event-model.c: a dataset's events as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "entente-event-model.h"

/* Rows first to end of an array of events (NULL: every event, in
 * order). */
typedef struct {
  GArray *rows;
  guint   first;
  guint   end;
} Part;

/* The rows as told so far while a change is told in steps: a part, the
 * kept event when there is one, and another part. */
typedef struct {
  Part     before;
  gboolean has_kept;
  guint    kept;
  Part     after;
} Told;

struct _EntenteEventModel
{
  GObject parent_instance;

  /* Owned references */
  EntenteDataset *dataset;
  GArray         *rows;     /* guint, the events shown in date order, or
                             * NULL when all are */

  EntenteEventFilterFunc filter;
  gpointer               filter_data;

  const Told            *told;  /* while a change is told in steps */
};

static GType
entente_event_model_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

/* The rows once the change being told is over. */
static guint
n_rows (EntenteEventModel *self)
{
  if (self->rows != NULL)
    return self->rows->len;
  return self->dataset ? entente_dataset_get_n_events (self->dataset) : 0;
}

/* The rows the list views know of: those told so far while a change is
 * told, else all of them, as the one part before. */
static Told
known_rows (EntenteEventModel *self)
{
  if (self->told != NULL)
    return *self->told;
  return (Told) { { self->rows, 0, n_rows (self) }, FALSE, 0, { NULL, 0, 0 } };
}

static guint
known_length (const Told *known)
{
  return (known->before.end - known->before.first) + (known->has_kept ? 1 : 0) +
         (known->after.end - known->after.first);
}

static guint
part_event (const Part *part,
            guint       i)
{
  return part->rows != NULL ? g_array_index (part->rows, guint, part->first + i) : part->first + i;
}

static guint
entente_event_model_get_n_items (GListModel *model)
{
  Told known = known_rows (ENTENTE_EVENT_MODEL (model));

  return known_length (&known);
}

static gpointer
entente_event_model_get_item (GListModel *model,
                              guint       position)
{
  Told known = known_rows (ENTENTE_EVENT_MODEL (model));
  guint n_before = known.before.end - known.before.first;
  char text[16];
  guint event;

  if (position >= known_length (&known))
    return NULL;
  if (position < n_before)
    event = part_event (&known.before, position);
  else if (known.has_kept && position == n_before)
    event = known.kept;
  else
    event = part_event (&known.after, position - n_before - (known.has_kept ? 1 : 0));
  g_snprintf (text, sizeof text, "%u", event);
  return gtk_string_object_new (text);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = entente_event_model_get_item_type;
  iface->get_n_items = entente_event_model_get_n_items;
  iface->get_item = entente_event_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EntenteEventModel, entente_event_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

guint
entente_event_model_item_index (gpointer item)
{
  g_return_val_if_fail (GTK_IS_STRING_OBJECT (item), 0);
  return (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
}

/* The rows are kept as an array rather than filtered item by item: a
 * filter model asks for every item, which for a million events made a
 * million objects each time the search or a category changed, and
 * finding an event's row would have meant walking them again. */
static void
collect_rows (EntenteEventModel *self)
{
  guint n;

  if (self->dataset == NULL || self->filter == NULL)
    return;
  n = entente_dataset_get_n_events (self->dataset);
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->filter (self->rows, self->filter_data);
  g_return_if_fail (self->rows->len <= n);
  /* All shown: no array to keep. */
  if (self->rows->len == n)
    g_clear_pointer (&self->rows, g_array_unref);
}

static int
compare_event (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The row of event among rows (NULL: every event), n_rows of them, or
 * GTK_INVALID_LIST_POSITION. */
static guint
find_row (GArray *rows,
          guint   n_rows,
          guint   event)
{
  const guint *row;

  if (rows == NULL)
    return event < n_rows ? event : GTK_INVALID_LIST_POSITION;
  /* An empty array may have no data, which bsearch () must not get. */
  if (rows->len == 0)
    return GTK_INVALID_LIST_POSITION;
  row = bsearch (&event, rows->data, rows->len, sizeof (guint), compare_event);
  return row != NULL ? (guint) (row - (const guint *) rows->data) : GTK_INVALID_LIST_POSITION;
}

/* The rows become those told (NULL: the final ones), and the list views
 * hear what changed to get there. */
static void
tell (EntenteEventModel *self,
      const Told        *told,
      guint              position,
      guint              removed,
      guint              added)
{
  self->told = told;
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Said as changes that each only take rows away or only add them:
 * GTK 4.8's list view took a third of a second over a single change
 * that put a million rows in the place of a million others, and some
 * 7 ms over each of two that took all away and put all back. With a
 * row to keep, those before it are replaced, then those after it, and
 * the list view, which follows the row at its top through changes
 * around it, stays where it was. old holds the rows before the change
 * (NULL: every event), n_old of them. */
static void
replace_rows (EntenteEventModel *self,
              GArray            *old,
              guint              n_old,
              int                keep)
{
  guint n_new = n_rows (self);
  guint a_old = keep >= 0 ? find_row (old, n_old, keep) : GTK_INVALID_LIST_POSITION;
  guint a_new = keep >= 0 ? find_row (self->rows, n_new, keep) : GTK_INVALID_LIST_POSITION;
  Told told = { { NULL, 0, 0 }, FALSE, 0, { NULL, 0, 0 } };

  if (a_old == GTK_INVALID_LIST_POSITION || a_new == GTK_INVALID_LIST_POSITION)
    {
      tell (self, &told, 0, n_old, 0);
      tell (self, NULL, 0, 0, n_new);
      return;
    }

  told.has_kept = TRUE;
  told.kept = keep;
  told.after = (Part) { old, a_old + 1, n_old };
  tell (self, &told, 0, a_old, 0);
  told.before = (Part) { self->rows, 0, a_new };
  tell (self, &told, 0, 0, a_new);
  told.after = (Part) { NULL, 0, 0 };
  tell (self, &told, a_new + 1, n_old - a_old - 1, 0);
  tell (self, NULL, a_new + 1, 0, n_new - a_new - 1);
}

static gboolean
same_rows (GArray *a,
           GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

void
entente_event_model_set_dataset (EntenteEventModel *self,
                                 EntenteDataset    *dataset)
{
  guint removed;

  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  removed = n_rows (self);
  g_set_object (&self->dataset, dataset);
  g_clear_pointer (&self->rows, g_array_unref);
  collect_rows (self);
  replace_rows (self, NULL, removed, -1);
}

EntenteDataset *
entente_event_model_get_dataset (EntenteEventModel *self)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT_MODEL (self), NULL);
  return self->dataset;
}

static void
entente_event_model_dispose (GObject *object)
{
  EntenteEventModel *self = ENTENTE_EVENT_MODEL (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (entente_event_model_parent_class)->dispose (object);
}

static void
entente_event_model_class_init (EntenteEventModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = entente_event_model_dispose;
}

static void
entente_event_model_init (EntenteEventModel *self)
{
}

EntenteEventModel *
entente_event_model_new (void)
{
  return g_object_new (ENTENTE_TYPE_EVENT_MODEL, NULL);
}

/* The filter gives the rows when the dataset changes and on each
 * entente_event_model_refilter (). */
void
entente_event_model_set_filter (EntenteEventModel     *self,
                                EntenteEventFilterFunc func,
                                gpointer               user_data)
{
  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  self->filter = func;
  self->filter_data = user_data;
  entente_event_model_refilter (self, -1);
}

/* The first of the rows from event on (in old, n_old of them) that is
 * also among the new rows, looked for over a few hundred rows at most:
 * the row the list can keep in its place. -1 when there is none. */
static int
row_to_keep (EntenteEventModel *self,
             GArray            *old,
             guint              n_old,
             int                event)
{
  guint n_new = n_rows (self);
  guint from;

  if (event < 0 || (from = find_row (old, n_old, event)) == GTK_INVALID_LIST_POSITION)
    return -1;
  for (guint row = from; row < n_old && row < from + 500; row++)
    {
      guint candidate = old != NULL ? g_array_index (old, guint, row) : row;

      if (find_row (self->rows, n_new, candidate) != GTK_INVALID_LIST_POSITION)
        return candidate;
    }
  return -1;
}

void
entente_event_model_refilter (EntenteEventModel *self,
                              int                top_event)
{
  g_autoptr(GArray) old = NULL;
  guint n_old;

  g_return_if_fail (ENTENTE_IS_EVENT_MODEL (self));

  n_old = n_rows (self);
  old = g_steal_pointer (&self->rows);
  collect_rows (self);
  /* The view tells of every change to its filters, many of which leave
   * the list as it was. */
  if (!same_rows (old, self->rows))
    replace_rows (self, old, n_old, row_to_keep (self, old, n_old, top_event));
}

/* The row that shows event, or GTK_INVALID_LIST_POSITION. */
guint
entente_event_model_find_event (EntenteEventModel *self,
                                guint              event)
{
  g_return_val_if_fail (ENTENTE_IS_EVENT_MODEL (self), GTK_INVALID_LIST_POSITION);

  return find_row (self->rows, n_rows (self), event);
}
