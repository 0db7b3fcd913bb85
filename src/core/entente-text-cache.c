/* entente-text-cache.c: text measured once for every layout of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "entente-text-cache-private.h"

/* Strings kept shaped: a generation holds this many; the one before it
 * is kept too, and dropped when the next one fills. A frame shows a few
 * hundred, so a pan finds those of the last frames, and what has
 * scrolled away does not pile up (some 20 MB at most). */
#define GENERATION_SIZE 8192

typedef struct {
  guint        font;
  char        *text;
  PangoLayout *layout;
  double       width;
  double       height;
} Entry;

struct _EntenteTextCache
{
  GObject parent_instance;

  /* Owned references */
  EntenteDataset *dataset;
  PangoContext   *context;
  GPtrArray      *fonts;         /* PangoFontDescription, by id */
  GPtrArray      *latin;         /* PangoItem, by font id, or NULL */
  GHashTable     *current;       /* Entry, as key and value */
  GHashTable     *previous;
  GPtrArray      *dropped;       /* Entry, being freed, or NULL */
  /* Every event title's size in label_font, 0 until measured. Floats:
   * a million events take 8 MB, and no label needs more precision. */
  float          *label_width;
  float          *label_height;
  guint           label_font;
  /* Numbers the generations: current is this one, previous the one
   * before. An entry found for an event is kept with the number of the
   * generation it was in; while that is current, the entry is still
   * there (only a dropped generation's entries are freed). */
  guint           generation;
  gpointer       *label_entry;       /* Entry, by event, or NULL */
  guint          *label_generation;  /* by event */
};

G_DEFINE_FINAL_TYPE (EntenteTextCache, entente_text_cache, G_TYPE_OBJECT)

/* Set once, before any cache exists: every layout built with shaped
 * text looks it up. */
static GQuark shaped_text_quark;

static void
shaped_text_free (gpointer data)
{
  EntenteShapedText *shaped = data;

  g_ptr_array_unref (shaped->runs);
  g_free (shaped->glyphs);
  g_free (shaped);
}

const EntenteShapedText *
_entente_shaped_text_get (PangoLayout *layout)
{
  return g_object_get_qdata (G_OBJECT (layout), shaped_text_quark);
}

/* Characters a layout treats specially (line and paragraph separators,
 * tabs, controls, invisible formatting, direction marks): their text
 * goes the layout's way. */
static gboolean
is_plain (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD ||
          (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
          (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF)
        return FALSE;
    }
  return *text != '\0';
}

/* Printable ASCII with a letter among it: one Latin item in the font's
 * first face, whatever the text. */
static gboolean
is_latin (const char *text)
{
  gboolean letter = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p > 0x7E)
        return FALSE;
      letter |= g_ascii_isalpha (*p);
    }
  return letter;
}

/* Fills in shaped's glyphs where the text allows it. */
static void
flatten (EntenteShapedText *shaped)
{
  PangoGlyphItem *run;
  PangoGlyphString *glyphs;
  cairo_scaled_font_t *font;
  int x_position = 0;

  if (shaped->runs->len != 1)
    return;
  run = g_ptr_array_index (shaped->runs, 0);
  glyphs = run->glyphs;
  font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  if (font == NULL || glyphs->num_glyphs == 0)
    return;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    if (glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG ||
        glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY)
      return;

  shaped->glyphs = g_new (cairo_glyph_t, glyphs->num_glyphs);
  shaped->n_glyphs = glyphs->num_glyphs;
  shaped->font = font;
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];

      shaped->glyphs[i].index = info->glyph;
      shaped->glyphs[i].x = (double) (x_position + info->geometry.x_offset) / PANGO_SCALE;
      shaped->glyphs[i].y = (double) info->geometry.y_offset / PANGO_SCALE;
      x_position += info->geometry.width;
    }
}

/* What pango_layout_get_extents () would find, in a third of its time:
 * itemised and shaped as a layout does a single line, without its line
 * breaking. NULL when any of it runs right to left, which a layout would
 * lay out from the right. */
static EntenteShapedText *
shape_plain (EntenteTextCache *self,
             guint             font,
             const char       *text)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_glyph_item_free);
  int length = strlen (text);
  int width = 0, top = G_MAXINT, bottom = G_MININT;
  gboolean ltr = TRUE, latin;
  PangoItem *template;
  EntenteShapedText *shaped;
  GList *items;

  if (!is_plain (text))
    return NULL;
  /* Itemising costs as much as shaping. Latin text comes out as one item
   * like the last one of the font, which serves again. */
  latin = is_latin (text);
  template = latin ? g_ptr_array_index (self->latin, font) : NULL;
  if (template != NULL)
    {
      PangoItem *item = pango_item_copy (template);

      item->offset = 0;
      item->length = length;
      item->num_chars = length;
      items = g_list_prepend (NULL, item);
    }
  else
    {
      pango_attr_list_insert (attrs, pango_attr_font_desc_new (g_ptr_array_index (self->fonts, font)));
      items = pango_itemize_with_base_dir (self->context, PANGO_DIRECTION_LTR, text, 0, length, attrs, NULL);
      if (latin && items != NULL && items->next == NULL)
        g_ptr_array_index (self->latin, font) = pango_item_copy (items->data);
    }
  for (GList *l = items; l != NULL; l = l->next)
    {
      /* Allocated as pango_glyph_item_free () frees it. */
      PangoGlyphItem *run = g_slice_new0 (PangoGlyphItem);
      PangoRectangle logical;

      run->item = l->data;
      run->glyphs = pango_glyph_string_new ();
      g_ptr_array_add (runs, run);
      if (run->item->analysis.level % 2 != 0)
        {
          ltr = FALSE;
          continue;
        }
      pango_shape_with_flags (text + run->item->offset, run->item->length, text, length,
                              &run->item->analysis, run->glyphs, PANGO_SHAPE_NONE);
      pango_glyph_string_extents (run->glyphs, run->item->analysis.font, NULL, &logical);
      width += logical.width;
      top = MIN (top, logical.y);
      bottom = MAX (bottom, logical.y + logical.height);
    }
  g_list_free (items);
  if (!ltr || runs->len == 0)
    return NULL;

  shaped = g_new0 (EntenteShapedText, 1);
  shaped->runs = g_steal_pointer (&runs);
  shaped->cut_budget = -1;
  flatten (shaped);
  shaped->width = (double) width / PANGO_SCALE;
  shaped->height = (double) (bottom - top) / PANGO_SCALE;
  shaped->baseline = (double) -top / PANGO_SCALE;
  return shaped;
}

static guint
entry_hash (gconstpointer data)
{
  const Entry *entry = data;

  return g_str_hash (entry->text) * 31 + entry->font;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  return ea->font == eb->font && g_str_equal (ea->text, eb->text);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->layout);
  g_free (entry->text);
  g_free (entry);
}

static GHashTable *
new_generation (void)
{
  return g_hash_table_new_full (entry_hash, entry_equal, entry_free, NULL);
}

static void
entente_text_cache_finalize (GObject *object)
{
  EntenteTextCache *self = ENTENTE_TEXT_CACHE (object);

  g_clear_pointer (&self->current, g_hash_table_unref);
  g_clear_pointer (&self->previous, g_hash_table_unref);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);
  g_clear_pointer (&self->fonts, g_ptr_array_unref);
  g_clear_pointer (&self->latin, g_ptr_array_unref);
  g_clear_pointer (&self->label_width, g_free);
  g_clear_pointer (&self->label_height, g_free);
  g_clear_pointer (&self->label_entry, g_free);
  g_clear_pointer (&self->label_generation, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (entente_text_cache_parent_class)->finalize (object);
}

static void
entente_text_cache_class_init (EntenteTextCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = entente_text_cache_finalize;
  shaped_text_quark = g_quark_from_static_string ("entente-shaped-text");
}

static void
entente_text_cache_init (EntenteTextCache *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Text is measured once and drawn on screens and files of any scale:
   * unhinted metrics and unrounded glyph positions keep it the same
   * size everywhere, and grey antialiasing keeps exported files free of
   * colour fringes. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 96);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  self->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_font_description_free);
  self->latin = g_ptr_array_new_with_free_func ((GDestroyNotify) pango_item_free);
  self->current = new_generation ();
  self->previous = new_generation ();
  self->label_font = G_MAXUINT;
  /* Above 0, which no event's entry has until it is found. */
  self->generation = 1;
}

EntenteTextCache *
entente_text_cache_new (EntenteDataset *dataset)
{
  EntenteTextCache *self;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);

  self = g_object_new (ENTENTE_TYPE_TEXT_CACHE, NULL);
  self->dataset = g_object_ref (dataset);
  return self;
}

PangoContext *
_entente_text_cache_get_context (EntenteTextCache *self)
{
  return self->context;
}

EntenteDataset *
_entente_text_cache_get_dataset (EntenteTextCache *self)
{
  return self->dataset;
}

guint
_entente_text_cache_font_id (EntenteTextCache           *self,
                             const PangoFontDescription *font)
{
  for (guint i = 0; i < self->fonts->len; i++)
    if (pango_font_description_equal (g_ptr_array_index (self->fonts, i), font))
      return i;
  g_ptr_array_add (self->fonts, pango_font_description_copy (font));
  g_ptr_array_add (self->latin, NULL);
  return self->fonts->len - 1;
}

/* A dropped generation is freed a little at a time, as the current one
 * fills: all at once would cost one frame several milliseconds, and some
 * hundreds a frame still made the frames that freed them the slowest.
 * Each string that joins the current generation frees its share of what
 * is left, so that none is left when the current generation is dropped
 * in its turn. The entries wait in an array, freed from its end: taken
 * one by one from the table, each step scanned past every bucket
 * already emptied. */
static void
free_some_dropped (EntenteTextCache *self)
{
  guint left, room, n;

  if (self->dropped == NULL)
    return;
  left = self->dropped->len;
  room = GENERATION_SIZE - MIN (g_hash_table_size (self->current), GENERATION_SIZE - 1);
  n = (left + room - 1) / room;  /* at most left: room is at least 1 */
  g_ptr_array_set_size (self->dropped, left - n);
  if (self->dropped->len == 0)
    g_clear_pointer (&self->dropped, g_ptr_array_unref);
}

/* The entries of a generation no longer wanted, to be freed bit by bit. */
static GPtrArray *
drop_generation (GHashTable *generation)
{
  GPtrArray *entries = g_ptr_array_new_full (g_hash_table_size (generation), entry_free);
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, generation);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    g_ptr_array_add (entries, entry);
  g_hash_table_steal_all (generation);
  g_hash_table_unref (generation);
  return entries;
}

static Entry *
lookup (EntenteTextCache *self,
        guint             font,
        const char       *text)
{
  Entry probe = { font, (char *) text, NULL, 0, 0 };
  Entry *entry;
  PangoRectangle logical;

  entry = g_hash_table_lookup (self->current, &probe);
  if (entry != NULL)
    return entry;

  if (g_hash_table_steal_extended (self->previous, &probe, (gpointer *) &entry, NULL))
    {
      /* Still in use: it moves up a generation. */
      g_hash_table_add (self->current, entry);
    }
  else
    {
      const PangoFontDescription *desc;
      EntenteShapedText *shaped;

      g_assert (font < self->fonts->len);
      desc = g_ptr_array_index (self->fonts, font);
      entry = g_new0 (Entry, 1);
      entry->font = font;
      entry->text = g_strdup (text);
      entry->layout = pango_layout_new (self->context);
      pango_layout_set_font_description (entry->layout, desc);
      pango_layout_set_single_paragraph_mode (entry->layout, TRUE);
      /* Dataset text is plain text, never markup: "<b>" shows as written. */
      pango_layout_set_text (entry->layout, text, -1);
      shaped = shape_plain (self, font, text);
      if (shaped != NULL)
        {
          entry->width = shaped->width;
          entry->height = shaped->height;
          g_object_set_qdata_full (G_OBJECT (entry->layout), shaped_text_quark, shaped, shaped_text_free);
        }
      else
        {
          pango_layout_get_extents (entry->layout, NULL, &logical);
          entry->width = (double) logical.width / PANGO_SCALE;
          entry->height = (double) logical.height / PANGO_SCALE;
        }
      g_hash_table_add (self->current, entry);
    }
  free_some_dropped (self);

  if (g_hash_table_size (self->current) >= GENERATION_SIZE)
    {
      g_clear_pointer (&self->dropped, g_ptr_array_unref);
      self->dropped = drop_generation (self->previous);
      self->previous = self->current;
      self->current = new_generation ();
      self->generation++;
    }
  return entry;
}

/* What a caller gets of an entry: its layout and its size. */
static PangoLayout *
entry_give (const Entry *entry,
            double      *width,
            double      *height)
{
  if (width != NULL)
    *width = entry->width;
  if (height != NULL)
    *height = entry->height;
  return g_object_ref (entry->layout);
}

PangoLayout *
_entente_text_cache_get_text (EntenteTextCache *self,
                              guint             font,
                              const char       *text,
                              double           *width,
                              double           *height)
{
  return entry_give (lookup (self, font, text), width, height);
}

/* Sizes and entries by event are kept for one font, the labels';
 * another style starts over. */
static void
use_label_font (EntenteTextCache *self,
                guint             font)
{
  guint n_events = entente_dataset_get_n_events (self->dataset);

  if (font == self->label_font)
    return;
  g_clear_pointer (&self->label_width, g_free);
  g_clear_pointer (&self->label_height, g_free);
  g_clear_pointer (&self->label_entry, g_free);
  g_clear_pointer (&self->label_generation, g_free);
  self->label_width = g_new0 (float, n_events);
  self->label_height = g_new0 (float, n_events);
  self->label_entry = g_new0 (gpointer, n_events);
  self->label_generation = g_new0 (guint, n_events);
  self->label_font = font;
}

/* An event's title's entry, found through the event while it is in
 * the current generation. */
static Entry *
label_entry (EntenteTextCache *self,
             guint             font,
             guint             event)
{
  guint generation = self->generation;
  Entry *entry;

  use_label_font (self, font);
  if (self->label_generation[event] == generation)
    return self->label_entry[event];

  /* Also what moves an entry of the generation before up to this one.
   * When the lookup ends a generation, the entry is in the one before
   * by now, and the next call looks it up again, which moves it up. */
  entry = lookup (self, font, entente_dataset_get_event (self->dataset, event)->title);
  self->label_entry[event] = entry;
  self->label_generation[event] = generation == self->generation ? generation : 0;
  return entry;
}

PangoLayout *
_entente_text_cache_get_label (EntenteTextCache *self,
                               guint             font,
                               guint             event,
                               double           *width,
                               double           *height)
{
  g_assert (event < entente_dataset_get_n_events (self->dataset));
  return entry_give (label_entry (self, font, event), width, height);
}

void
_entente_text_cache_get_label_size (EntenteTextCache *self,
                                    guint             font,
                                    guint             event,
                                    double           *width,
                                    double           *height)
{
  guint n_events = entente_dataset_get_n_events (self->dataset);
  Entry *entry;

  g_assert (event < n_events);

  use_label_font (self, font);

  /* Titles are never empty, so no measured width is 0. */
  if (self->label_width[event] == 0)
    {
      entry = label_entry (self, font, event);
      self->label_width[event] = MAX (entry->width, G_MINFLOAT);
      self->label_height[event] = entry->height;
    }
  *width = self->label_width[event];
  *height = self->label_height[event];
}
