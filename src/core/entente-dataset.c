/* entente-dataset.c: load and validate an "entente/1" dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "entente-data-resources.h"
#include "entente-dataset-private.h"
#include "entente-json-scan.h"

/* Limits that keep hostile files from exhausting the machine. The format
 * itself nests five levels deep; the value count allows a few million
 * events, which is what news-coded event records reach. */
#define MAX_FILE_SIZE   ((goffset) 1 << 30)
#define MAX_DEPTH       64
#define MAX_VALUES      ((guint64) 48 * 1000 * 1000)
#define MAX_REF_HINTS   8
/* Ids can be as long as the file, and every unresolved reference repeats
 * the hints: a hint shows only the start of a long id. */
#define MAX_HINT_CHARS  40

/* What overlaps a day is found by looking back this far over all events,
 * and further only over the longer ones. */
#define SHORT_SPAN_DAYS 31
#define N_SPAN_CLASSES  64
/* The shares of a load taken by the scan, before any event is loaded,
 * and by sorting and indexing the events after the last: about a tenth
 * and a hundredth of the time, on files of a hundred thousand and a
 * million events. */
#define SCAN_SHARE      0.1
#define FINISH_SHARE    0.01
/* Events by actor are counted ahead for every block of this many events
 * (in the dataset's order), and within a block one by one. */
#define ACTOR_BLOCK     64
/* With no more categories than this (and none), events are also counted
 * by block for each category: 4 bytes × 3 actors per category and block,
 * 3 MB at most for a million events. */
#define BLOCK_CODES     16
/* The byte that sends a reader of an event's category to the event. */
#define CATEGORY_IN_EVENT 255

/* A long event's days kept beside its index: looking them up in the
 * events would cost a cache miss for each one read. */
typedef struct {
  gint64 start_day;
  gint64 end_day;
  guint  index;
} LongEvent;

#define BUNDLED_RESOURCE "/io/github/entente/Entente/data/china-russia.json"
#define BUNDLED_NAME     "china-russia.json"

struct _EntenteDataset
{
  GObject parent_instance;

  /* Owned: every string of the model lives in this chunk. */
  GStringChunk *strings;
  char *display_name;
  char *base_dir;

  /* Borrowed from strings */
  const char *title;
  const char *subtitle;
  const char *description;

  GPtrArray *parties;      /* const char *, borrowed from strings */
  GArray    *sources;      /* EntenteSource */
  GArray    *period_kinds; /* EntenteKind */
  GArray    *categories;   /* EntenteKind */
  GArray    *periods;      /* EntentePeriod */
  GArray    *events;       /* EntenteEvent */
  GArray    *excerpts;     /* EntenteExcerpt */

  gint64     max_span_days;
  /* LongEvent: events of more than SHORT_SPAN_DAYS, in order, one array
   * per span class: class k holds spans of [2^k, 2^(k+1)) days. */
  GArray    *long_events[N_SPAN_CLASSES];
  /* For block b, the events before event b * ACTOR_BLOCK whose actor
   * is the first party, then the second: two per block. Within a block,
   * each event's actor as 0, 1 or 2 for any other, a byte each: the
   * events themselves are a cache line apart. */
  guint32   *actor_blocks;
  guint8    *actor_codes;
  /* Each event's category, a byte each for the same reason: 0 for none,
   * else the category's index + 1, or CATEGORY_IN_EVENT for one whose
   * index needs more than a byte. */
  guint8    *category_codes;
  /* With fewer than BLOCK_CODES codes: for block b, code k and actor a
   * (0, 1, 2), the events before event b * ACTOR_BLOCK of that code and
   * actor, at ((b * n_codes) + k) * 3 + a; else NULL. */
  guint32   *category_blocks;
  guint      n_codes;
  gint64     first_day;
  gint64     end_day;
  gboolean   has_range;
};

G_DEFINE_FINAL_TYPE (EntenteDataset, entente_dataset, G_TYPE_OBJECT)
G_DEFINE_QUARK (entente-dataset-error-quark, entente_dataset_error)
G_DEFINE_BOXED_TYPE (EntenteProblem, entente_problem, entente_problem_copy, entente_problem_free)

/* Problems */

EntenteProblem *
entente_problem_copy (const EntenteProblem *problem)
{
  EntenteProblem *copy = g_new0 (EntenteProblem, 1);

  *copy = *problem;
  copy->file = g_strdup (problem->file);
  copy->json_path = g_strdup (problem->json_path);
  copy->message = g_strdup (problem->message);
  return copy;
}

void
entente_problem_free (EntenteProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->json_path);
  g_free (problem->message);
  g_free (problem);
}

char *
entente_problem_to_string (const EntenteProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->json_path != NULL)
    return g_strdup_printf ("%s: %s: %s", problem->file, problem->json_path, problem->message);
  if (problem->line > 0)
    return g_strdup_printf ("%s:%u:%u: %s", problem->file, problem->line,
                            problem->column, problem->message);
  return g_strdup_printf ("%s: %s", problem->file, problem->message);
}

EntenteProblem *
_entente_problem_new (EntenteDatasetError  code,
                      const char          *file,
                      const char          *json_path,
                      guint                line,
                      guint                column,
                      char                *message)
{
  EntenteProblem *problem = g_new0 (EntenteProblem, 1);

  problem->code = code;
  problem->file = g_strdup (file);
  problem->json_path = g_strdup (json_path);
  problem->line = line;
  problem->column = column;
  problem->message = message;
  return problem;
}

gboolean
_entente_problems_to_error (GPtrArray  *problems,
                            GPtrArray **problems_out,
                            GError    **error)
{
  g_autoptr(GString) text = NULL;
  const EntenteProblem *first;

  if (problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (problems, 0);
  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = entente_problem_to_string (g_ptr_array_index (problems, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  g_set_error_literal (error, ENTENTE_DATASET_ERROR, first->code, text->str);

  if (problems_out != NULL)
    *problems_out = g_ptr_array_ref (problems);
  return FALSE;
}

/* The loader */

/* Where a value sits, kept as parts so that the text of a JSON path is
 * built only for values that have a problem. */
typedef struct {
  const char *array;
  int         index;       /* -1 when the value is not in an array */
  const char *sub_array;   /* "excerpts", or NULL */
  int         sub_index;
} Location;

typedef struct {
  EntenteDataset *self;
  GPtrArray      *problems;
  GHashTable     *source_ids;   /* id → index + 1 */
  GHashTable     *kind_ids;
  GHashTable     *category_ids;
  GHashTable     *party_ids;
  GHashTable     *event_ids;
  /* An id table → the hint built from it, once: a million references
   * that do not resolve would otherwise sort the ids a million times. */
  GHashTable     *choices;

  /* Events taken as they are parsed (see stream_events ()): the
   * members they refer to are loaded when the events begin, their
   * problems and those of the events kept apart, so that the problems
   * come in the same order as from a whole tree. */
  int             events_member;   /* from the scan, or -1 */
  gulong          object_handlers[3];
  guint           depth;           /* brackets open in the parser; in
                                    * the events, arrays open */
  guint           root_members;    /* of the root object, done */
  JsonObject     *root;            /* the root object being parsed */
  gboolean        in_events;
  gboolean        streamed;
  GPtrArray      *reference_problems;
  GPtrArray      *event_problems;
  GCancellable   *cancellable;

  /* Progress: the events the scan counted, those loaded so far, and the
   * last share told, in thousandths. */
  EntenteProgressFunc progress;
  gpointer            progress_data;
  guint64             n_expected;
  guint64             n_loaded;
  int                 told;
} Loader;

static char *
location_path (const Location *loc,
               const char     *member)
{
  GString *s = g_string_new (NULL);

  if (loc != NULL && loc->array != NULL)
    {
      g_string_append (s, loc->array);
      if (loc->index >= 0)
        g_string_append_printf (s, "[%d]", loc->index);
      if (loc->sub_array != NULL)
        {
          g_string_append_printf (s, ".%s", loc->sub_array);
          if (loc->sub_index >= 0)
            g_string_append_printf (s, "[%d]", loc->sub_index);
        }
    }
  if (member != NULL)
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, member);
    }
  if (s->len == 0)
    g_string_append_c (s, '$');
  return g_string_free (s, FALSE);
}

G_GNUC_PRINTF (5, 6)
static void
report (Loader              *loader,
        EntenteDatasetError  code,
        const Location      *loc,
        const char          *member,
        const char          *format,
        ...)
{
  g_autofree char *path = location_path (loc, member);
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->problems,
                   _entente_problem_new (code, loader->self->display_name, path, 0, 0, message));
}

static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return g_strdup (_("a string"));
        if (type == G_TYPE_BOOLEAN)
          return g_strdup_printf (_("a boolean (%s)"), json_node_get_boolean (node) ? "true" : "false");
        if (type == G_TYPE_INT64)
          return g_strdup_printf (_("a number (%lld)"), (long long) json_node_get_int (node));
        return g_strdup_printf (_("a number (%g)"), json_node_get_double (node));
      }
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A string member, as the tree holds it: valid until the member is
 * released. Absent or null optional members give NULL; anything else
 * that is not a string is reported. */
static const char *
peek_string (Loader         *loader,
             JsonObject     *object,
             const Location *loc,
             const char     *member,
             gboolean        required)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        report (loader, ENTENTE_DATASET_ERROR_MISSING, loc, member,
                _("missing required member “%s” (a string)"), member);
      return NULL;
    }
  if (!node_is_string (node))
    {
      g_autofree char *found = describe_node (node);

      report (loader, ENTENTE_DATASET_ERROR_TYPE, loc, member,
              _("expected a string, found %s"), found);
      return NULL;
    }

  value = json_node_get_string (node);
  if (required && *value == '\0')
    {
      report (loader, ENTENTE_DATASET_ERROR_VALUE, loc, member,
              _("expected a non-empty string, found \"\""));
      return NULL;
    }
  return value;
}

/* The same, copied into the dataset's chunk. References (a category, an
 * actor, a source) are only peeked at: a million events would otherwise
 * copy three million strings that are resolved and never read again. */
static const char *
get_string (Loader         *loader,
            JsonObject     *object,
            const Location *loc,
            const char     *member,
            gboolean        required)
{
  const char *value = peek_string (loader, object, loc, member, required);

  return value != NULL ? g_string_chunk_insert (loader->self->strings, value) : NULL;
}

static gboolean
get_date (Loader         *loader,
          JsonObject     *object,
          const Location *loc,
          const char     *member,
          gboolean        required,
          EntenteDate    *date)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GError) error = NULL;

  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        report (loader, ENTENTE_DATASET_ERROR_MISSING, loc, member,
                _("missing required member “%s” (an EDTF date such as 1950-02-14)"), member);
      return FALSE;
    }
  if (!node_is_string (node))
    {
      g_autofree char *found = describe_node (node);

      report (loader, ENTENTE_DATASET_ERROR_TYPE, loc, member,
              _("expected a date as a string such as \"1950-02-14\", found %s"), found);
      return FALSE;
    }
  if (!entente_date_parse (json_node_get_string (node), date, &error))
    {
      report (loader, ENTENTE_DATASET_ERROR_DATE, loc, member, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_color (const char *text,
             guint32    *color)
{
  guint32 value = 0;

  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | digit;
    }
  *color = value;
  return TRUE;
}

/* An array member; absent or null gives NULL (all arrays are optional). */
static JsonArray *
get_array (Loader         *loader,
           JsonObject     *object,
           const Location *loc,
           const char     *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *found = describe_node (node);

      report (loader, ENTENTE_DATASET_ERROR_TYPE, loc, member,
              _("expected an array, found %s"), found);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_item_object (Loader         *loader,
                 JsonArray      *array,
                 guint           index,
                 const Location *loc)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = describe_node (node);

      report (loader, ENTENTE_DATASET_ERROR_TYPE, loc, NULL,
              _("expected an object, found %s"), found);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Registers id in ids; reports a duplicate naming the first use. */
static void
register_id (Loader         *loader,
             GHashTable     *ids,
             const char     *id,
             guint           index,
             const Location *loc)
{
  gpointer previous;

  if (id == NULL)
    return;
  if (g_hash_table_lookup_extended (ids, id, NULL, &previous))
    {
      report (loader, ENTENTE_DATASET_ERROR_DUPLICATE, loc, "id",
              _("duplicate id “%s”: %s[%u] already uses it"),
              id, loc->array, GPOINTER_TO_UINT (previous) - 1);
      return;
    }
  g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (index + 1));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "expected one of alliance, split, …", sorted so messages are stable. */
static char *
describe_choices (GHashTable *ids,
                  const char *what)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  GString *s;

  if (g_hash_table_size (ids) == 0)
    /* TRANSLATORS: %s is "categories", "sources", "period kinds" or "parties" */
    return g_strdup_printf (_("the dataset defines no %s"), what);

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_strings);

  /* TRANSLATORS: followed by a list of ids: "expected one of “alliance”,
   * “split” and 3 more" */
  s = g_string_new (_("expected one of "));
  for (guint i = 0; i < names->len && i < MAX_REF_HINTS; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *end = name;

      for (guint n = 0; *end != '\0' && n < MAX_HINT_CHARS; n++)
        end = g_utf8_next_char (end);
      g_string_append_printf (s, "%s“%.*s%s”", i > 0 ? ", " : "",
                              (int) (end - name), name, *end != '\0' ? "…" : "");
    }
  if (names->len > MAX_REF_HINTS)
    g_string_append_printf (s, _(" and %u more"), names->len - MAX_REF_HINTS);
  return g_string_free (s, FALSE);
}

/* Index of the id in ids, or -1 (reported when value is set). what and
 * what_plural are untranslated: a million references that resolve would
 * otherwise look up two translations each. */
static int
resolve (Loader         *loader,
         GHashTable     *ids,
         const char     *value,
         const Location *loc,
         const char     *member,
         const char     *what,
         const char     *what_plural)
{
  gpointer index;
  const char *choices;

  if (value == NULL)
    return -1;
  if (g_hash_table_lookup_extended (ids, value, NULL, &index))
    return GPOINTER_TO_UINT (index) - 1;

  /* References resolve only once the tables they name are complete, so
   * the hint does not change. */
  choices = g_hash_table_lookup (loader->choices, ids);
  if (choices == NULL)
    {
      choices = describe_choices (ids, _(what_plural));
      g_hash_table_insert (loader->choices, ids, (gpointer) choices);
    }
  report (loader, ENTENTE_DATASET_ERROR_REFERENCE, loc, member,
          /* TRANSLATORS: "unknown category “treaty”: expected one of
           * “alliance”, “split”"; the first %s is "category", "source",
           * "period kind" or "actor (not one of “parties”, nor “joint”)" */
          _("unknown %s “%s”: %s"), _(what), value, choices);
  return -1;
}

static void
load_excerpts (Loader     *loader,
               JsonObject *object,
               Location    loc,
               guint      *first,
               guint      *n)
{
  EntenteDataset *self = loader->self;
  JsonArray *array = get_array (loader, object, &loc, "excerpts");
  guint len;

  *first = self->excerpts->len;
  *n = 0;
  if (array == NULL)
    return;

  len = json_array_get_length (array);
  loc.sub_array = "excerpts";
  for (guint i = 0; i < len; i++)
    {
      EntenteExcerpt excerpt = { 0 };
      JsonObject *item;
      const char *source;
      int index;

      loc.sub_index = i;
      if (!(item = get_item_object (loader, array, i, &loc)))
        continue;

      source = peek_string (loader, item, &loc, "source", TRUE);
      excerpt.quote = get_string (loader, item, &loc, "quote", TRUE);
      excerpt.locator = get_string (loader, item, &loc, "locator", FALSE);
      index = resolve (loader, loader->source_ids, source, &loc, "source", N_("source"), N_("sources"));
      if (index < 0 || excerpt.quote == NULL)
        continue;

      excerpt.source = index;
      g_array_append_val (self->excerpts, excerpt);
      (*n)++;
    }
}

/* Relative, and without ".." or a root, so that a dataset cannot make
 * Entente read files outside its own directory or the sources directory. */
static gboolean
is_contained_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (*path == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

static void
load_sources (Loader     *loader,
              JsonObject *root)
{
  EntenteDataset *self = loader->self;
  Location loc = { "sources", -1, NULL, -1 };
  JsonArray *array = get_array (loader, root, NULL, "sources");
  guint len = array ? json_array_get_length (array) : 0;

  loc.array = "sources";
  for (guint i = 0; i < len; i++)
    {
      EntenteSource source = { 0 };
      g_autoptr(GError) date_error = NULL;
      EntenteDate date;
      JsonObject *item;

      loc.index = i;
      if (!(item = get_item_object (loader, array, i, &loc)))
        continue;

      source.id = get_string (loader, item, &loc, "id", TRUE);
      source.title = get_string (loader, item, &loc, "title", TRUE);
      source.author = get_string (loader, item, &loc, "author", FALSE);
      source.publisher = get_string (loader, item, &loc, "publisher", FALSE);
      source.url = get_string (loader, item, &loc, "url", FALSE);
      source.license = get_string (loader, item, &loc, "license", FALSE);
      source.file = get_string (loader, item, &loc, "file", FALSE);
      source.date = get_string (loader, item, &loc, "date", FALSE);
      if (source.date != NULL && !entente_date_parse (source.date, &date, &date_error))
        report (loader, ENTENTE_DATASET_ERROR_DATE, &loc, "date", "%s", date_error->message);

      if (source.file != NULL && !is_contained_path (source.file))
        report (loader, ENTENTE_DATASET_ERROR_SOURCE_FILE, &loc, "file",
                _("“%s” is not allowed: a source file must be a relative path that "
                  "stays inside the dataset’s directory (no “..”, no leading “/”)"),
                source.file);

      register_id (loader, loader->source_ids, source.id, self->sources->len, &loc);
      g_array_append_val (self->sources, source);
    }
}

static void
load_kinds (Loader     *loader,
            JsonObject *root,
            const char *member,
            GArray     *kinds,
            GHashTable *ids)
{
  Location loc = { member, -1, NULL, -1 };
  JsonArray *array = get_array (loader, root, NULL, member);
  guint len = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < len; i++)
    {
      EntenteKind kind = { 0 };
      const char *color;
      JsonObject *item;

      loc.index = i;
      if (!(item = get_item_object (loader, array, i, &loc)))
        continue;

      kind.id = get_string (loader, item, &loc, "id", TRUE);
      kind.label = get_string (loader, item, &loc, "label", TRUE);
      color = get_string (loader, item, &loc, "color", FALSE);
      if (color != NULL)
        {
          kind.has_color = parse_color (color, &kind.color);
          if (!kind.has_color)
            report (loader, ENTENTE_DATASET_ERROR_COLOR, &loc, "color",
                    _("expected a colour written #rrggbb, found “%s”"), color);
        }

      register_id (loader, ids, kind.id, kinds->len, &loc);
      g_array_append_val (kinds, kind);
    }
}

static void
load_parties (Loader     *loader,
              JsonObject *root)
{
  EntenteDataset *self = loader->self;
  Location loc = { "parties", -1, NULL, -1 };
  JsonArray *array = get_array (loader, root, NULL, "parties");
  guint len = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < len; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *name;

      loc.index = i;
      if (!node_is_string (node) || *json_node_get_string (node) == '\0')
        {
          g_autofree char *found = node_is_string (node) ? g_strdup ("\"\"") : describe_node (node);

          report (loader, ENTENTE_DATASET_ERROR_TYPE, &loc, NULL,
                  _("expected a party’s name as a non-empty string, found %s"), found);
          continue;
        }

      name = g_string_chunk_insert (self->strings, json_node_get_string (node));
      if (g_str_equal (name, "joint"))
        {
          report (loader, ENTENTE_DATASET_ERROR_VALUE, &loc, NULL,
                  _("“joint” cannot name a party: it is the actor of events "
                    "the parties undertook together"));
          continue;
        }
      if (g_hash_table_contains (loader->party_ids, name))
        {
          report (loader, ENTENTE_DATASET_ERROR_DUPLICATE, &loc, NULL,
                  _("party “%s” is listed twice"), name);
          continue;
        }
      g_hash_table_insert (loader->party_ids, (gpointer) name,
                           GUINT_TO_POINTER (self->parties->len + 1));
      g_ptr_array_add (self->parties, (gpointer) name);
    }
}

static gboolean
check_order (Loader            *loader,
             const Location    *loc,
             const char        *member,
             const EntenteDate *start,
             const EntenteDate *end,
             const char        *start_member)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (entente_date_start_day (end) >= entente_date_start_day (start))
    return TRUE;

  start_text = entente_date_to_edtf (start);
  end_text = entente_date_to_edtf (end);
  report (loader, ENTENTE_DATASET_ERROR_ORDER, loc, member,
          _("ends (%s) before it starts (%s = %s)"), end_text, start_member, start_text);
  return FALSE;
}

static void
load_periods (Loader     *loader,
              JsonObject *root)
{
  EntenteDataset *self = loader->self;
  Location loc = { "periods", -1, NULL, -1 };
  JsonArray *array = get_array (loader, root, NULL, "periods");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint len = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < len; i++)
    {
      EntentePeriod period = { 0 };
      JsonObject *item;
      const char *kind;
      gboolean ok;
      int index;

      loc.index = i;
      if (!(item = get_item_object (loader, array, i, &loc)))
        continue;

      period.id = get_string (loader, item, &loc, "id", TRUE);
      kind = peek_string (loader, item, &loc, "kind", TRUE);
      period.label = get_string (loader, item, &loc, "label", TRUE);
      ok = get_date (loader, item, &loc, "start", TRUE, &period.start);
      ok &= get_date (loader, item, &loc, "end", TRUE, &period.end);
      if (ok)
        check_order (loader, &loc, "end", &period.start, &period.end, "start");
      period.summary = get_string (loader, item, &loc, "summary", FALSE);
      index = resolve (loader, loader->kind_ids, kind, &loc, "kind", N_("period kind"), N_("period kinds"));
      period.kind = MAX (index, 0);
      load_excerpts (loader, item, loc, &period.first_excerpt, &period.n_excerpts);

      period.file_index = i;
      register_id (loader, ids, period.id, i, &loc);
      g_array_append_val (self->periods, period);
    }
}

/* Once an event is in the model, its members leave the tree: freed now,
 * while they are still in the processor's cache, they cost a fraction of
 * what they would with the rest of the tree at the end, where every node
 * is a miss. Nothing of the model points into the tree. */
static void
release_members (JsonObject *object)
{
  GList *names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    json_object_remove_member (object, l->data);
  g_list_free (names);
}

/* Tells the loader's progress function how far the load is, when that
 * has grown by a thousandth since it was last told. */
static void
tell_progress (Loader *loader,
               double  done)
{
  int thousandths = (int) (CLAMP (done, 0, 1) * 1000);

  if (loader->progress == NULL || thousandths <= loader->told)
    return;
  loader->told = thousandths;
  loader->progress (thousandths / 1000.0, loader->progress_data);
}

/* The element at position of array, the file's event number i, added
 * to the model. */
static void
load_event (Loader    *loader,
            JsonArray *array,
            guint      position,
            guint      i)
{
  EntenteDataset *self = loader->self;
  Location loc = { "events", (int) i, NULL, -1 };
  EntenteEvent event = { 0 };
  JsonObject *item;
  const char *category, *actor;
  gboolean has_date;

  loader->n_loaded++;
  if (loader->n_expected > 0)
    tell_progress (loader, SCAN_SHARE + (1 - SCAN_SHARE - FINISH_SHARE) *
                           MIN (loader->n_loaded, loader->n_expected) / loader->n_expected);

  if (!(item = get_item_object (loader, array, position, &loc)))
    return;

  event.id = get_string (loader, item, &loc, "id", TRUE);
  has_date = get_date (loader, item, &loc, "date", TRUE, &event.date);
  if (json_object_has_member (item, "end") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (item, "end")))
    {
      event.is_span = get_date (loader, item, &loc, "end", FALSE, &event.end);
      if (event.is_span && has_date)
        check_order (loader, &loc, "end", &event.date, &event.end, "date");
    }
  event.title = get_string (loader, item, &loc, "title", TRUE);
  category = peek_string (loader, item, &loc, "category", FALSE);
  actor = peek_string (loader, item, &loc, "actor", FALSE);
  event.summary = get_string (loader, item, &loc, "summary", FALSE);

  event.category = category ? resolve (loader, loader->category_ids, category, &loc,
                                       "category", N_("category"), N_("categories"))
                            : ENTENTE_NO_CATEGORY;
  if (actor == NULL)
    event.actor = ENTENTE_ACTOR_NONE;
  else if (g_str_equal (actor, "joint"))
    event.actor = ENTENTE_ACTOR_JOINT;
  else
    {
      int party = resolve (loader, loader->party_ids, actor, &loc, "actor",
                           N_("actor (not one of “parties”, nor “joint”)"), N_("parties"));
      event.actor = party >= 0 ? party : ENTENTE_ACTOR_NONE;
    }

  load_excerpts (loader, item, loc, &event.first_excerpt, &event.n_excerpts);

  if (has_date)
    {
      event.start_day = entente_date_start_day (&event.date);
      event.end_day = entente_date_end_day (event.is_span ? &event.end : &event.date);
      if (event.end_day < event.start_day)
        event.end_day = event.start_day;
    }

  event.file_index = i;
  register_id (loader, loader->event_ids, event.id, i, &loc);
  g_array_append_val (self->events, event);
}

static void
load_events (Loader     *loader,
             JsonObject *root)
{
  JsonArray *array = get_array (loader, root, NULL, "events");
  guint len = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < len; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      load_event (loader, array, i, i);
      if (JSON_NODE_HOLDS_OBJECT (node))
        release_members (json_node_get_object (node));
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const EntenteEvent *ea = a, *eb = b;

  if (ea->start_day != eb->start_day)
    return ea->start_day < eb->start_day ? -1 : 1;
  if (ea->end_day != eb->end_day)
    return ea->end_day < eb->end_day ? -1 : 1;
  return ea->file_index < eb->file_index ? -1 : ea->file_index > eb->file_index;
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const EntentePeriod *pa = a, *pb = b;
  int order = entente_date_compare (&pa->start, &pb->start);

  if (order != 0)
    return order;
  return pa->file_index < pb->file_index ? -1 : pa->file_index > pb->file_index;
}

/* What events refer to, in the order problems are reported. */
static void
load_references (Loader     *loader,
                 JsonObject *root)
{
  EntenteDataset *self = loader->self;

  load_parties (loader, root);
  load_sources (loader, root);
  load_kinds (loader, root, "period_kinds", self->period_kinds, loader->kind_ids);
  load_kinds (loader, root, "categories", self->categories, loader->category_ids);
}

static gboolean
format_ok (JsonObject *root)
{
  JsonNode *format = json_object_get_member (root, "format");

  return format != NULL && node_is_string (format) &&
         g_str_equal (json_node_get_string (format), ENTENTE_FORMAT_VERSION);
}

static void
load_root (Loader   *loader,
           JsonNode *root)
{
  EntenteDataset *self = loader->self;
  JsonObject *object;
  JsonNode *format;

  if (root == NULL)
    {
      g_ptr_array_add (loader->problems,
                       _entente_problem_new (ENTENTE_DATASET_ERROR_SYNTAX, self->display_name,
                                             NULL, 1, 1,
                                             g_strdup (_("the file is empty: expected a JSON "
                                                         "object with \"format\": \"entente/1\""))));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *found = describe_node (root);

      report (loader, ENTENTE_DATASET_ERROR_TYPE, NULL, NULL,
              _("expected a JSON object with \"format\": \"entente/1\", found %s"), found);
      return;
    }
  object = json_node_get_object (root);

  /* A file in another format, or another version of this one, would only
   * produce a flood of misleading errors: stop at the first line. */
  format = json_object_get_member (object, "format");
  if (format == NULL)
    {
      report (loader, ENTENTE_DATASET_ERROR_FORMAT, NULL, "format",
              _("missing required member “format”: expected \"%s\""), ENTENTE_FORMAT_VERSION);
      return;
    }
  if (!node_is_string (format))
    {
      g_autofree char *found = describe_node (format);

      report (loader, ENTENTE_DATASET_ERROR_FORMAT, NULL, "format",
              _("expected \"%s\", found %s"), ENTENTE_FORMAT_VERSION, found);
      return;
    }
  if (!g_str_equal (json_node_get_string (format), ENTENTE_FORMAT_VERSION))
    {
      report (loader, ENTENTE_DATASET_ERROR_FORMAT, NULL, "format",
              _("unsupported format “%s”: this version of Entente reads \"%s\""),
              json_node_get_string (format), ENTENTE_FORMAT_VERSION);
      return;
    }

  self->title = get_string (loader, object, NULL, "title", TRUE);
  self->subtitle = get_string (loader, object, NULL, "subtitle", FALSE);
  self->description = get_string (loader, object, NULL, "description", FALSE);

  if (loader->streamed)
    g_ptr_array_extend_and_steal (loader->problems, g_steal_pointer (&loader->reference_problems));
  else
    load_references (loader, object);
  load_periods (loader, object);
  if (loader->streamed)
    g_ptr_array_extend_and_steal (loader->problems, g_steal_pointer (&loader->event_problems));
  else
    load_events (loader, object);
}

/* Taking events as they are parsed */

/* The parser's tree of a million events takes seven times the file's
 * size, and freeing it after the model is built cost as much as building
 * the model. Where the file allows (see events_member in
 * EntenteJsonScan), each event is taken into the model as soon as it is
 * parsed and dropped from the tree while it is still in the processor's
 * cache, so the tree never holds more than one. The parser tells of
 * brackets and members only once they are done: the depth and the count
 * of the root's members done say where it is. */
static void
stream_object_start_cb (JsonParser *parser,
                        Loader     *loader)
{
  loader->depth++;
}

static void
stream_object_end_cb (JsonParser *parser,
                      JsonObject *object,
                      Loader     *loader)
{
  loader->depth--;
}

static void
stream_array_start_cb (JsonParser *parser,
                       Loader     *loader)
{
  loader->depth++;
  if (loader->in_events || loader->depth != 2 ||
      (int) loader->root_members != loader->events_member || loader->root == NULL)
    return;
  loader->in_events = TRUE;
  /* Inside the events only arrays are counted: a signal for every
   * bracket and member of a million events costs a second. */
  for (guint i = 0; i < G_N_ELEMENTS (loader->object_handlers); i++)
    g_signal_handler_disconnect (parser, loader->object_handlers[i]);
  loader->depth = 1;
  /* A file in another format gets only that problem, from load_root (). */
  if (!format_ok (loader->root))
    return;
  {
    GPtrArray *problems = loader->problems;

    loader->problems = loader->reference_problems;
    load_references (loader, loader->root);
    loader->problems = problems;
  }
  loader->streamed = TRUE;
}

static void
stream_array_end_cb (JsonParser *parser,
                     JsonArray  *array,
                     Loader     *loader)
{
  loader->depth--;
  /* The rest of the file is the tree's. */
  if (loader->in_events && loader->depth == 0)
    g_signal_handlers_disconnect_by_data (parser, loader);
}

static void
stream_array_element_cb (JsonParser *parser,
                         JsonArray  *array,
                         int         index,
                         Loader     *loader)
{
  GPtrArray *problems = loader->problems;
  guint last = json_array_get_length (array) - 1;

  /* The handlers go when the events end, so only an array inside an
   * event is still to tell apart. */
  if (!loader->streamed || loader->depth != 1)
    return;
  /* Once cancelled, the rest of the file is only parsed. */
  if (!g_cancellable_is_cancelled (loader->cancellable))
    {
      loader->problems = loader->event_problems;
      load_event (loader, array, last, (guint) index);
      loader->problems = problems;
    }
  json_array_remove_element (array, last);
}

static void
stream_object_member_cb (JsonParser *parser,
                         JsonObject *object,
                         const char *name,
                         Loader     *loader)
{
  if (loader->depth != 1)
    return;
  loader->root = object;
  loader->root_members++;
}

static void
stream_events (Loader     *loader,
               JsonParser *parser)
{
  if (loader->events_member < 0)
    return;
  loader->reference_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);
  loader->event_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);
  loader->object_handlers[0] =
    g_signal_connect (parser, "object-start", G_CALLBACK (stream_object_start_cb), loader);
  loader->object_handlers[1] =
    g_signal_connect (parser, "object-end", G_CALLBACK (stream_object_end_cb), loader);
  loader->object_handlers[2] =
    g_signal_connect (parser, "object-member", G_CALLBACK (stream_object_member_cb), loader);
  g_signal_connect (parser, "array-start", G_CALLBACK (stream_array_start_cb), loader);
  g_signal_connect (parser, "array-end", G_CALLBACK (stream_array_end_cb), loader);
  g_signal_connect (parser, "array-element", G_CALLBACK (stream_array_element_cb), loader);
}

/* What entente_dataset_count_actors () counts ahead. */
static void
count_actor_blocks (EntenteDataset *self)
{
  const EntenteEvent *events = (const EntenteEvent *) (gpointer) self->events->data;
  guint n = self->events->len;
  guint32 by[3] = { 0, 0, 0 };

  g_clear_pointer (&self->actor_blocks, g_free);
  g_clear_pointer (&self->actor_codes, g_free);
  self->actor_blocks = g_new (guint32, 2 * (n / ACTOR_BLOCK + 1));
  self->actor_codes = g_new (guint8, MAX (n, 1));
  /* Up to n itself: a count up to the last event may begin a block of
   * its own. */
  for (guint i = 0; i <= n; i++)
    {
      if (i % ACTOR_BLOCK == 0)
        {
          self->actor_blocks[2 * (i / ACTOR_BLOCK)] = by[0];
          self->actor_blocks[2 * (i / ACTOR_BLOCK) + 1] = by[1];
        }
      if (i == n)
        break;
      self->actor_codes[i] = events[i].actor == 0 || events[i].actor == 1 ? events[i].actor : 2;
      by[self->actor_codes[i]]++;
    }
}

/* What entente_dataset_collect_events () and
 * entente_dataset_count_actors_shown () read. */
static void
code_categories (EntenteDataset *self)
{
  const EntenteEvent *events = (const EntenteEvent *) (gpointer) self->events->data;

  guint n = self->events->len;
  g_autofree guint32 *by = NULL;

  g_clear_pointer (&self->category_codes, g_free);
  g_clear_pointer (&self->category_blocks, g_free);
  self->category_codes = g_new (guint8, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->category_codes[i] = events[i].category < 0                      ? 0
                            : events[i].category + 1 < CATEGORY_IN_EVENT ? events[i].category + 1
                                                                        : CATEGORY_IN_EVENT;

  /* A view with a category hidden counts its crowded columns from these,
   * a few blocks at a time, rather than event by event. */
  self->n_codes = self->categories->len + 1;
  if (self->n_codes > BLOCK_CODES)
    return;
  by = g_new0 (guint32, self->n_codes * 3);
  self->category_blocks = g_new (guint32, (n / ACTOR_BLOCK + 1) * self->n_codes * 3);
  for (guint i = 0; i <= n; i++)
    {
      if (i % ACTOR_BLOCK == 0)
        memcpy (self->category_blocks + (i / ACTOR_BLOCK) * self->n_codes * 3, by,
                sizeof (guint32) * self->n_codes * 3);
      if (i == n)
        break;
      by[self->category_codes[i] * 3 + self->actor_codes[i]]++;
    }
}

static void
finish (EntenteDataset *self)
{
  g_qsort_with_data (self->events->data, self->events->len, sizeof (EntenteEvent),
                     compare_events, NULL);
  g_qsort_with_data (self->periods->data, self->periods->len, sizeof (EntentePeriod),
                     compare_periods, NULL);
  count_actor_blocks (self);
  code_categories (self);

  self->max_span_days = 0;
  self->first_day = G_MAXINT64;
  self->end_day = G_MININT64;
  for (guint i = 0; i < self->events->len; i++)
    {
      const EntenteEvent *event = &g_array_index (self->events, EntenteEvent, i);

      self->max_span_days = MAX (self->max_span_days, event->end_day - event->start_day);
      self->first_day = MIN (self->first_day, event->start_day);
      self->end_day = MAX (self->end_day, event->end_day);
      if (event->end_day - event->start_day > SHORT_SPAN_DAYS)
        {
          guint k = g_bit_storage ((gulong) (event->end_day - event->start_day)) - 1;
          LongEvent entry = { event->start_day, event->end_day, i };

          if (self->long_events[k] == NULL)
            self->long_events[k] = g_array_new (FALSE, FALSE, sizeof (LongEvent));
          g_array_append_val (self->long_events[k], entry);
        }
    }
  for (guint i = 0; i < self->periods->len; i++)
    {
      const EntentePeriod *period = &g_array_index (self->periods, EntentePeriod, i);

      self->first_day = MIN (self->first_day, entente_date_start_day (&period->start));
      self->end_day = MAX (self->end_day, entente_date_end_day (&period->end));
    }
  self->has_range = self->first_day < self->end_day;
}

/* json-glib reports "<data>:LINE:COL: Parse error: MESSAGE"; keep the
 * position as numbers and the message without the prefix. */
static EntenteProblem *
syntax_problem (const char   *display_name,
                const GError *error)
{
  guint line = 0, column = 0;
  const char *message = error->message;
  const char *p = strstr (message, ">:");
  g_autofree char *valid = NULL;

  if (p != NULL && sscanf (p + 2, "%u:%u:", &line, &column) == 2)
    {
      const char *rest = strstr (p, "Parse error: ");

      message = rest ? rest + strlen ("Parse error: ") : strchr (p + 2, ' ');
      if (message == NULL)
        message = error->message;
      else if (*message == ' ')
        message++;
    }

  /* json-glib quotes the offending token cut to a fixed number of bytes,
   * which can split a character. */
  valid = g_utf8_make_valid (message, -1);
  return _entente_problem_new (ENTENTE_DATASET_ERROR_SYNTAX, display_name, NULL,
                               MAX (line, 1), MAX (column, 1),
                               g_strdup_printf (_("invalid JSON: %s"), valid));
}

static EntenteDataset *
dataset_new (const char *display_name,
             const char *base_dir)
{
  EntenteDataset *self = g_object_new (ENTENTE_TYPE_DATASET, NULL);

  self->display_name = g_strdup (display_name);
  self->base_dir = g_strdup (base_dir);
  return self;
}

/* Loading stops between its phases once cancellable is cancelled. */
static EntenteDataset *
load_bytes (GBytes               *bytes,
            const char           *display_name,
            const char           *base_dir,
            GCancellable         *cancellable,
            EntenteProgressFunc   progress,
            gpointer              progress_data,
            GPtrArray           **problems,
            GError              **error)
{
  g_autoptr(EntenteDataset) self = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  EntenteJsonScan scan;
  Loader loader = { NULL, };
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = dataset_new (display_name, base_dir);
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  /* json-glib does not skip a byte-order mark, which some editors write. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  entente_json_scan (data, length, MAX_DEPTH, MAX_VALUES, &scan);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  switch (scan.status)
    {
    case ENTENTE_JSON_SCAN_ENCODING:
      g_ptr_array_add (found, _entente_problem_new (ENTENTE_DATASET_ERROR_ENCODING, display_name,
                                                    NULL, scan.line, scan.column,
                                                    g_strdup (_("not valid UTF-8 text (an invalid or "
                                                                "NUL byte): a dataset is a JSON file "
                                                                "encoded in UTF-8"))));
      break;
    case ENTENTE_JSON_SCAN_TOO_DEEP:
      g_ptr_array_add (found, _entente_problem_new (ENTENTE_DATASET_ERROR_SYNTAX, display_name,
                                                    NULL, scan.line, scan.column,
                                                    g_strdup_printf (_("arrays and objects nested more "
                                                                       "than %d levels deep"), MAX_DEPTH)));
      break;
    case ENTENTE_JSON_SCAN_TOO_MANY:
      g_ptr_array_add (found, _entente_problem_new (ENTENTE_DATASET_ERROR_TOO_LARGE, display_name,
                                                    NULL, scan.line, scan.column,
                                                    g_strdup_printf (_("more than %llu JSON values: "
                                                                       "too large to load"),
                                                                     (unsigned long long) MAX_VALUES)));
      break;
    case ENTENTE_JSON_SCAN_SYNTAX:
      g_ptr_array_add (found, _entente_problem_new (ENTENTE_DATASET_ERROR_SYNTAX, display_name,
                                                    NULL, scan.line, scan.column,
                                                    g_strdup_printf (_("invalid JSON: %s"), scan.message)));
      break;
    case ENTENTE_JSON_SCAN_OK:
    default:
      {
        loader.self = self;
        loader.problems = found;
        loader.progress = progress;
        loader.progress_data = progress_data;
        loader.n_expected = scan.n_events;
        tell_progress (&loader, SCAN_SHARE);

        loader.source_ids = g_hash_table_new (g_str_hash, g_str_equal);
        loader.kind_ids = g_hash_table_new (g_str_hash, g_str_equal);
        loader.category_ids = g_hash_table_new (g_str_hash, g_str_equal);
        loader.party_ids = g_hash_table_new (g_str_hash, g_str_equal);
        loader.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
        loader.choices = g_hash_table_new_full (NULL, NULL, NULL, g_free);
        loader.events_member = scan.events_member;
        loader.cancellable = cancellable;

        parser = json_parser_new_immutable ();
        stream_events (&loader, parser);
        if (!json_parser_load_from_data (parser, data, length, &parse_error))
          g_ptr_array_add (found, syntax_problem (display_name, parse_error));
        else if (!g_cancellable_is_cancelled (cancellable))
          load_root (&loader, json_parser_get_root (parser));
        g_hash_table_unref (loader.source_ids);
        g_hash_table_unref (loader.kind_ids);
        g_hash_table_unref (loader.category_ids);
        g_hash_table_unref (loader.party_ids);
        g_hash_table_unref (loader.event_ids);
        g_hash_table_unref (loader.choices);
        g_clear_pointer (&loader.reference_problems, g_ptr_array_unref);
        g_clear_pointer (&loader.event_problems, g_ptr_array_unref);
      }
      break;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_entente_problems_to_error (found, problems, error))
    return NULL;

  finish (self);
  tell_progress (&loader, 1);
  return g_steal_pointer (&self);
}

EntenteDataset *
entente_dataset_new_from_bytes (GBytes      *bytes,
                                const char  *display_name,
                                const char  *base_dir,
                                GPtrArray  **problems,
                                GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, display_name, base_dir, NULL, NULL, NULL, problems, error);
}

static EntenteDataset *
fail_with (EntenteDatasetError   code,
           const char           *path,
           GPtrArray           **problems,
           GError              **error,
           char                 *message)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_problem_free);

  g_ptr_array_add (found, _entente_problem_new (code, path, NULL, 0, 0, message));
  _entente_problems_to_error (found, problems, error);
  return NULL;
}

EntenteDataset *
entente_dataset_new_from_file (const char  *path,
                               GPtrArray  **problems,
                               GError     **error)
{
  return entente_dataset_new_from_file_full (path, NULL, NULL, NULL, problems, error);
}

EntenteDataset *
entente_dataset_new_from_file_full (const char          *path,
                                    GCancellable        *cancellable,
                                    EntenteProgressFunc  progress,
                                    gpointer             progress_data,
                                    GPtrArray          **problems,
                                    GError             **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *base_dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Look before reading: a directory, a FIFO or /dev/zero would fail
   * obscurely, block, or never end. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      return fail_with (ENTENTE_DATASET_ERROR_IO, path, problems, error,
                        g_strdup_printf (_("cannot open: %s"), g_strerror (saved_errno)));
    }
  if (S_ISDIR (st.st_mode))
    return fail_with (ENTENTE_DATASET_ERROR_IO, path, problems, error,
                      g_strdup (_("is a directory, not a dataset file")));
  if (!S_ISREG (st.st_mode))
    return fail_with (ENTENTE_DATASET_ERROR_IO, path, problems, error,
                      g_strdup (_("is not a regular file")));
  if (st.st_size > MAX_FILE_SIZE)
    return fail_with (ENTENTE_DATASET_ERROR_TOO_LARGE, path, problems, error,
                      g_strdup_printf (_("is %lld MiB: datasets of more than "
                                         "%lld MiB are refused"),
                                       (long long) st.st_size >> 20, (long long) MAX_FILE_SIZE >> 20));

  if (st.st_size == 0)
    bytes = g_bytes_new (NULL, 0);
  else
    {
      mapped = g_mapped_file_new (path, FALSE, &local_error);
      if (mapped == NULL)
        return fail_with (ENTENTE_DATASET_ERROR_IO, path, problems, error,
                          g_strdup_printf (_("cannot read: %s"), local_error->message));
      bytes = g_mapped_file_get_bytes (mapped);
    }

  absolute = g_canonicalize_filename (path, NULL);
  base_dir = g_path_get_dirname (absolute);
  return load_bytes (bytes, path, base_dir, cancellable, progress, progress_data, problems, error);
}

const char *
entente_dataset_get_bundled_name (void)
{
  return BUNDLED_NAME;
}

GBytes *
entente_dataset_get_bundled_bytes (GError **error)
{
  /* Looked up in our own resource rather than the global table, which
   * also keeps the linker from dropping it out of the static library. */
  return g_resource_lookup_data (entente_data_get_resource (), BUNDLED_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

EntenteDataset *
entente_dataset_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = entente_dataset_get_bundled_bytes (error);

  if (bytes == NULL)
    return NULL;
  return entente_dataset_new_from_bytes (bytes, BUNDLED_NAME, NULL, NULL, error);
}

/* GObject */

static void
entente_dataset_finalize (GObject *object)
{
  EntenteDataset *self = ENTENTE_DATASET (object);

  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->period_kinds, g_array_unref);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->excerpts, g_array_unref);
  for (guint k = 0; k < N_SPAN_CLASSES; k++)
    g_clear_pointer (&self->long_events[k], g_array_unref);
  g_clear_pointer (&self->actor_blocks, g_free);
  g_clear_pointer (&self->actor_codes, g_free);
  g_clear_pointer (&self->category_codes, g_free);
  g_clear_pointer (&self->category_blocks, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->base_dir, g_free);

  G_OBJECT_CLASS (entente_dataset_parent_class)->finalize (object);
}

static void
entente_dataset_class_init (EntenteDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = entente_dataset_finalize;
}

static void
entente_dataset_init (EntenteDataset *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->parties = g_ptr_array_new ();
  self->sources = g_array_new (FALSE, TRUE, sizeof (EntenteSource));
  self->period_kinds = g_array_new (FALSE, TRUE, sizeof (EntenteKind));
  self->categories = g_array_new (FALSE, TRUE, sizeof (EntenteKind));
  self->periods = g_array_new (FALSE, TRUE, sizeof (EntentePeriod));
  self->events = g_array_new (FALSE, TRUE, sizeof (EntenteEvent));
  self->excerpts = g_array_new (FALSE, TRUE, sizeof (EntenteExcerpt));
}

/* Accessors */

const char *
entente_dataset_get_display_name (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);
  return self->display_name;
}

const char *
entente_dataset_get_base_dir (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);
  return self->base_dir;
}

const char *
entente_dataset_get_title (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);
  return self->title;
}

const char *
entente_dataset_get_subtitle (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);
  return self->subtitle;
}

const char *
entente_dataset_get_description (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);
  return self->description;
}

guint
entente_dataset_get_n_parties (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), 0);
  return self->parties->len;
}

const char *
entente_dataset_get_party (EntenteDataset *self,
                           guint           index)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->parties->len, NULL);
  return g_ptr_array_index (self->parties, index);
}

const char *
entente_dataset_get_actor_label (EntenteDataset *self,
                                 int             actor)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);

  if (actor == ENTENTE_ACTOR_JOINT)
    /* TRANSLATORS: who acted, for an event both parties undertook */
    return _("Joint");
  if (actor >= 0 && (guint) actor < self->parties->len)
    return g_ptr_array_index (self->parties, actor);
  return NULL;
}

const char *
entente_dataset_get_category_label (EntenteDataset *self,
                                    int             category)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);

  if (category < 0 || (guint) category >= self->categories->len)
    return NULL;
  return g_array_index (self->categories, EntenteKind, category).label;
}

#define DEFINE_ARRAY_ACCESSORS(Type, plural, single)                            \
  guint                                                                         \
  entente_dataset_get_n_##plural (EntenteDataset *self)                         \
  {                                                                             \
    g_return_val_if_fail (ENTENTE_IS_DATASET (self), 0);                        \
    return self->plural->len;                                                   \
  }                                                                             \
                                                                                \
  const Type *                                                                  \
  entente_dataset_get_##single (EntenteDataset *self,                           \
                                guint           index)                          \
  {                                                                             \
    g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);                     \
    g_return_val_if_fail (index < self->plural->len, NULL);                     \
    return &g_array_index (self->plural, Type, index);                          \
  }

DEFINE_ARRAY_ACCESSORS (EntenteSource, sources, source)
DEFINE_ARRAY_ACCESSORS (EntenteKind, period_kinds, period_kind)
DEFINE_ARRAY_ACCESSORS (EntenteKind, categories, category)
DEFINE_ARRAY_ACCESSORS (EntentePeriod, periods, period)
DEFINE_ARRAY_ACCESSORS (EntenteEvent, events, event)
DEFINE_ARRAY_ACCESSORS (EntenteExcerpt, excerpts, excerpt)

/* Counts the excerpts from first_excerpt on quoting each source into
 * uses; an item counts once for a source however often it quotes it, which
 * last_item (the item last counted for each source) tells. */
static void
count_item_uses (EntenteDataset   *self,
                 guint             item,
                 guint             first_excerpt,
                 guint             n_excerpts,
                 guint            *last_item,
                 EntenteSourceUse *uses,
                 gboolean          is_event)
{
  for (guint i = 0; i < n_excerpts; i++)
    {
      guint source = g_array_index (self->excerpts, EntenteExcerpt, first_excerpt + i).source;

      uses[source].n_excerpts++;
      if (last_item[source] == item)
        continue;
      last_item[source] = item;
      if (is_event)
        uses[source].n_events++;
      else
        uses[source].n_periods++;
    }
}

EntenteSourceUse *
entente_dataset_count_source_uses (EntenteDataset *self)
{
  guint slots, n;
  g_autofree guint *last_item = NULL;
  EntenteSourceUse *uses;

  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);

  /* One slot at least, so that a dataset without sources gets an array
   * too. */
  slots = MAX (self->sources->len, 1);
  uses = g_new0 (EntenteSourceUse, slots);
  last_item = g_new (guint, slots);

  memset (last_item, 0xff, sizeof (guint) * slots);
  n = self->events->len;
  for (guint i = 0; i < n; i++)
    {
      const EntenteEvent *event = &g_array_index (self->events, EntenteEvent, i);

      count_item_uses (self, i, event->first_excerpt, event->n_excerpts, last_item, uses, TRUE);
    }
  /* Periods are items of their own: a period numbered as an event was
   * must still count. */
  memset (last_item, 0xff, sizeof (guint) * slots);
  n = self->periods->len;
  for (guint i = 0; i < n; i++)
    {
      const EntentePeriod *period = &g_array_index (self->periods, EntentePeriod, i);

      count_item_uses (self, i, period->first_excerpt, period->n_excerpts, last_item, uses, FALSE);
    }
  return uses;
}

void
entente_dataset_collect_quoting (EntenteDataset *self,
                                 guint           source,
                                 GArray         *events)
{
  g_return_if_fail (ENTENTE_IS_DATASET (self));
  g_return_if_fail (source < self->sources->len);
  g_return_if_fail (events != NULL && g_array_get_element_size (events) == sizeof (guint));

  for (guint i = 0; i < self->events->len; i++)
    if (entente_dataset_event_quotes (self, &g_array_index (self->events, EntenteEvent, i), source))
      g_array_append_val (events, i);
}

char *
entente_event_format_dates (const EntenteEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);

  return entente_date_format_range (&event->date, event->is_span ? &event->end : NULL);
}

gboolean
entente_dataset_event_quotes (EntenteDataset     *self,
                              const EntenteEvent *event,
                              guint               source)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  for (guint k = 0; k < event->n_excerpts; k++)
    if (g_array_index (self->excerpts, EntenteExcerpt, event->first_excerpt + k).source == source)
      return TRUE;
  return FALSE;
}

const EntenteEvent *
entente_dataset_get_events (EntenteDataset *self,
                            guint          *n_events)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), NULL);

  if (n_events != NULL)
    *n_events = self->events->len;
  return (const EntenteEvent *) (gpointer) self->events->data;
}

/* The first of n records sorted by start day, size bytes each with the
 * start day at offset, that starts on day or later; n when none does.
 * Events and long events are searched alike. */
static guint
first_starting (const void *records,
                guint       n,
                gsize       size,
                gsize       offset,
                gint64      day)
{
  const guint8 *bytes = records;
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 start;

      memcpy (&start, bytes + mid * size + offset, sizeof start);
      if (start < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
entente_dataset_lower_bound (EntenteDataset *self,
                             gint64          day)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), 0);

  return first_starting (self->events->data, self->events->len, sizeof (EntenteEvent),
                         G_STRUCT_OFFSET (EntenteEvent, start_day), day);
}

/* The events before event end whose actor is the first party, and the
 * second, into by. */
static void
count_actors_before (EntenteDataset *self,
                     guint           end,
                     guint           by[2])
{
  guint block = end / ACTOR_BLOCK;
  guint more[3] = { 0, 0, 0 };

  for (guint i = block * ACTOR_BLOCK; i < end; i++)
    more[self->actor_codes[i]]++;
  by[0] = self->actor_blocks[2 * block] + more[0];
  by[1] = self->actor_blocks[2 * block + 1] + more[1];
}

void
entente_dataset_count_actors (EntenteDataset *self,
                              guint           first,
                              guint           end,
                              guint           counts[3])
{
  guint before[2], upto[2];

  g_return_if_fail (ENTENTE_IS_DATASET (self));
  g_return_if_fail (first <= end && end <= self->events->len);

  count_actors_before (self, first, before);
  count_actors_before (self, end, upto);
  counts[0] = upto[0] - before[0];
  counts[1] = upto[1] - before[1];
  counts[2] = (end - first) - counts[0] - counts[1];
}

/* Which bytes of category_codes stand for shown categories (1) and
 * which for hidden ones (0); and whether any category is hidden at all,
 * for without one a caller reads no byte. */
static gboolean
shown_codes (EntenteDataset *self,
             const gboolean *hidden_categories,
             guint8          shown[CATEGORY_IN_EVENT + 1])
{
  gboolean any = FALSE;

  memset (shown, 1, CATEGORY_IN_EVENT + 1);
  for (guint c = 0; c < self->categories->len; c++)
    if (hidden_categories[c])
      {
        any = TRUE;
        if (c + 1 < CATEGORY_IN_EVENT)
          shown[c + 1] = 0;
      }
  return any;
}

static inline gboolean
category_shown (EntenteDataset *self,
                const guint8   *shown,
                const gboolean *hidden_categories,
                guint           event)
{
  guint8 code = self->category_codes[event];

  if (code != CATEGORY_IN_EVENT)
    return shown[code];
  return !hidden_categories[g_array_index (self->events, EntenteEvent, event).category];
}

void
entente_dataset_collect_events (EntenteDataset *self,
                                const gboolean *hidden_categories,
                                const gboolean *flags,
                                GArray         *events)
{
  guint8 shown[CATEGORY_IN_EVENT + 1];
  guint n, first, len;
  guint *out;

  g_return_if_fail (ENTENTE_IS_DATASET (self));
  g_return_if_fail (events != NULL && g_array_get_element_size (events) == sizeof (guint));

  if (hidden_categories != NULL && !shown_codes (self, hidden_categories, shown))
    hidden_categories = NULL;
  n = self->events->len;
  /* An empty array may have no storage to point into. */
  if (n == 0)
    return;
  /* Written in place, then cut to what was found: appending one at a
   * time cost a function call each. */
  first = events->len;
  g_array_set_size (events, first + n);
  out = &g_array_index (events, guint, first);
  len = 0;
  if (hidden_categories == NULL && flags == NULL)
    {
      for (guint i = 0; i < n; i++)
        out[i] = i;
      len = n;
    }
  else if (hidden_categories == NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          out[len] = i;
          len += flags[i] != FALSE;
        }
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          out[len] = i;
          len += (flags == NULL || flags[i]) && category_shown (self, shown, hidden_categories, i);
        }
    }
  g_array_set_size (events, first + len);
}

/* By actor, the events before end whose category code is shown: from
 * the counts of the block end falls in, and the events of that block
 * before it. */
static void
count_shown_before (EntenteDataset *self,
                    const guint8   *shown,
                    guint           end,
                    guint           by[3])
{
  guint block = end / ACTOR_BLOCK;
  const guint32 *counts = self->category_blocks + block * self->n_codes * 3;

  by[0] = by[1] = by[2] = 0;
  for (guint k = 0; k < self->n_codes; k++)
    if (shown[k])
      {
        by[0] += counts[k * 3];
        by[1] += counts[k * 3 + 1];
        by[2] += counts[k * 3 + 2];
      }
  for (guint i = block * ACTOR_BLOCK; i < end; i++)
    by[self->actor_codes[i]] += shown[self->category_codes[i]];
}

void
entente_dataset_count_actors_shown (EntenteDataset *self,
                                    guint           first,
                                    guint           end,
                                    const gboolean *hidden_categories,
                                    const gboolean *flags,
                                    guint           counts[3])
{
  guint8 shown[CATEGORY_IN_EVENT + 1];

  g_return_if_fail (ENTENTE_IS_DATASET (self));
  g_return_if_fail (first <= end && end <= self->events->len);

  if (hidden_categories != NULL && !shown_codes (self, hidden_categories, shown))
    hidden_categories = NULL;
  if (hidden_categories == NULL && flags == NULL)
    {
      entente_dataset_count_actors (self, first, end, counts);
      return;
    }
  counts[0] = counts[1] = counts[2] = 0;
  if (hidden_categories == NULL)
    {
      const guint8 *codes = self->actor_codes;
      guint n[3] = { 0, 0, 0 };

      /* Three sums of comparisons rather than an increment through the
       * code, which the compiler can run on vectors: a whole-range
       * layout during a search at a million events took 1.5 ms, and
       * takes 0.7. */
      for (guint i = first; i < end; i++)
        {
          guint flagged = flags[i] != FALSE;

          n[0] += flagged & (codes[i] == 0);
          n[1] += flagged & (codes[i] == 1);
          n[2] += flagged & (codes[i] == 2);
        }
      memcpy (counts, n, sizeof n);
      return;
    }
  if (self->categories->len + 1 < CATEGORY_IN_EVENT)
    {
      /* Every event's code names its category: a table says which are
       * shown, without a branch. Without flags, the counts by block
       * where there are any (a whole-range layout at a million events
       * with a category hidden took 0.8 ms, and takes 0.06), else the
       * increment through the code, which measured faster than sums;
       * with flags, three sums again (2.4 ms to 1.6 with a search). */
      const guint8 *codes = self->actor_codes;
      const guint8 *categories = self->category_codes;
      guint n[3] = { 0, 0, 0 };

      if (flags == NULL && self->category_blocks != NULL)
        {
          guint upto[3], before[3];

          count_shown_before (self, shown, end, upto);
          count_shown_before (self, shown, first, before);
          for (guint a = 0; a < 3; a++)
            n[a] = upto[a] - before[a];
        }
      else if (flags == NULL)
        for (guint i = first; i < end; i++)
          n[codes[i]] += shown[categories[i]];
      else
        for (guint i = first; i < end; i++)
          {
            guint counted = shown[categories[i]] & (flags[i] != FALSE);

            n[0] += counted & (codes[i] == 0);
            n[1] += counted & (codes[i] == 1);
            n[2] += counted & (codes[i] == 2);
          }
      memcpy (counts, n, sizeof n);
      return;
    }
  for (guint i = first; i < end; i++)
    counts[self->actor_codes[i]] += (flags == NULL || flags[i]) && category_shown (self, shown, hidden_categories, i);
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

void
entente_dataset_collect_reaching (EntenteDataset *self,
                                  gint64          day,
                                  GArray         *events)
{
  const EntenteEvent *all;
  guint first_long, end;

  g_return_if_fail (ENTENTE_IS_DATASET (self));
  g_return_if_fail (events != NULL);

  all = (const EntenteEvent *) (gpointer) self->events->data;
  first_long = events->len;

  /* The longer events that began before the last SHORT_SPAN_DAYS. One
   * list sorted by start would have to be read back as far as the
   * longest span, which in a big dataset means thousands of events that
   * ended long ago for every frame. Per span class, only starts within
   * twice the class's shortest span can reach the day, and at least the
   * later half of those do, so the work follows what is returned. */
  for (guint k = 0; k < N_SPAN_CLASSES; k++)
    {
      const GArray *class = self->long_events[k];
      const LongEvent *longer;
      gint64 earliest;

      if (class == NULL)
        continue;
      longer = (const LongEvent *) (gpointer) class->data;
      /* Spans of this class are shorter than 2^(k+1) days; the guard
       * keeps the shift defined for the classes no real date reaches. */
      earliest = k < 48 ? day - ((gint64) 1 << (k + 1)) : G_MININT64;
      for (guint i = first_starting (longer, class->len, sizeof (LongEvent),
                                     G_STRUCT_OFFSET (LongEvent, start_day), earliest); i < class->len && longer[i].start_day < day - SHORT_SPAN_DAYS; i++)
        if (longer[i].end_day > day)
          g_array_append_val (events, longer[i].index);
    }
  /* In dataset order, as callers lay them out. */
  if (events->len - first_long > 1)
    qsort (&g_array_index (events, guint, first_long), events->len - first_long,
           sizeof (guint), compare_indices);

  /* Then any event of the last SHORT_SPAN_DAYS. */
  end = entente_dataset_lower_bound (self, day);
  for (guint i = entente_dataset_lower_bound (self, day - SHORT_SPAN_DAYS); i < end; i++)
    if (all[i].end_day > day)
      g_array_append_val (events, i);
}

gint64
entente_dataset_get_max_span_days (EntenteDataset *self)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), 0);
  return self->max_span_days;
}

gboolean
entente_dataset_get_range (EntenteDataset *self,
                           gint64         *first_day,
                           gint64         *end_day)
{
  g_return_val_if_fail (ENTENTE_IS_DATASET (self), FALSE);

  if (!self->has_range)
    return FALSE;
  if (first_day != NULL)
    *first_day = self->first_day;
  if (end_day != NULL)
    *end_day = self->end_day;
  return TRUE;
}
