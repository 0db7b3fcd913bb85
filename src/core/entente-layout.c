/* entente-layout.c: where everything in a chart goes, for one viewport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "entente-layout-private.h"
#include "entente-text-cache-private.h"

/* Geometry, in logical pixels. */
/* The least heights of rows of text; taller text (the system's large
 * text at 150 %, or more) makes them taller, with ROW_ROOM and
 * BAND_ROOM above its lines. */
#define ROW_H          20.0  /* one lane of events, or of the legend */
#define ROW_ROOM        2.0
#define AXIS_ROW_H     22.0  /* the lane on the axis, for joint events */
#define AXIS_LANES        3  /* on the axis, just above it, just below it */
#define MARKER         10.0
#define LABEL_GAP       4.0  /* from a marker to its label */
#define BAR_TEXT_PAD    5.0  /* from a label on a bar to the bar's end */
#define ITEM_GAP        9.0  /* between neighbours in a lane */
#define MIN_LABEL_W    44.0  /* shorter than this, an elided label says nothing */
#define MAX_LABEL_W   360.0
#define BADGE_H        16.0
#define BADGE_PAD       6.0
#define CLUSTER_MERGE  30.0  /* an event this close to a cluster joins it */
/* The most of the axis one cluster covers: where events crowd for longer,
 * a badge every so often tells how their numbers change. */
#define CLUSTER_MAX_W 120.0
#define COLUMN_W       12.0  /* the stretch over which density is judged */
#define BAND_ROW_H     18.0
#define BAND_ROOM       3.0
#define BAND_PAD        6.0
#define TICK_STRIP_H   22.0
#define TICK_ROOM       8.0
#define TICK_GAP       14.0  /* the least space between two tick labels */
#define SWATCH         12.0
#define PARTY_PAD       6.0

/* A label that cannot be placed lives in no lane. */
#define NO_EVENT G_MAXUINT

typedef struct {
  gboolean is_cluster;
  guint    index;    /* into items or clusters */
} Slot;

typedef struct {
  double  start;     /* where the lane's first occupant may begin */
  GArray *slots;     /* Slot, left to right */
} Lane;

/* Bookkeeping for one cluster while events are placed. Its members
 * and dense stretches go to arrays shared by all clusters: a cluster of
 * its own arrays cost three allocations and a few more as they grew, for
 * each of the hundred badges of a crowded frame. */
typedef struct {
  guint member;      /* the last event taken one by one */
  guint n_ranges;    /* dense stretches taken whole */
} ClusterBuild;

typedef struct {
  guint cluster;     /* as numbered while events are placed */
  guint event;
} ClusterMember;

typedef struct {
  guint first;
  guint end;         /* exclusive */
  guint cluster;
  guint matched;     /* of the events, those the search matches */
} DenseRange;

/* Something to place, in order of x. */
typedef struct {
  double  x;
  guint   event;     /* NO_EVENT for a dense stretch */
  gboolean focus;    /* the focus event: placed first, not in lane 0 */
  /* A dense stretch only: */
  double  x1;
  guint   first;
  guint   end;
  guint   count;
  guint   matched;   /* of count, those the search matches */
  gint64  from_day;
  gint64  to_day;
} Candidate;

typedef struct {
  PangoLayout *text;
  EntenteRect  rect;
} Text;

typedef struct {
  guint event;
  guint packed;      /* index << 1 | is_cluster */
} Placement;

/* Where the layout shown before put an event (see take_hints ()). */
typedef struct {
  guint       event;
  EntenteSide side;
  guint       lane;
} LaneHint;

/* Where, in this layout's x, an item of the layout shown before was:
 * its marker, and the left of all of it. */
typedef struct {
  EntenteSide side;
  guint       lane;
  double      x;
  double      left;
} Held;

struct _EntenteLayout
{
  GObject parent_instance;

  /* Owned references */
  EntenteDataset       *dataset;
  EntenteStyle         *style;
  PangoContext         *context;      /* the text cache's */
  PangoFontDescription *fonts[ENTENTE_N_FONTS];
  gboolean             *hidden_categories;
  gboolean             *hidden_kinds;
  GArray               *ticks;        /* EntenteTick */
  GArray               *bands;        /* EntenteBand */
  GArray               *items;        /* EntenteEventItem */
  GArray               *clusters;     /* EntenteCluster */
  GArray               *legend;       /* EntenteLegendItem */
  GArray               *legend_heads; /* Text: "Periods", "Events" */
  GArray               *dense;        /* DenseRange, by first */
  GArray               *volume;       /* EntenteVolume, or NULL */
  guint                 volume_max;
  const gboolean       *matches;      /* the options', while laid out */
  /* Where each placed event went, in the order found; sorted by event
   * the first time it is asked, as most layouts (one a frame while the
   * view moves) never are. */
  GArray               *placement;    /* Placement */
  gboolean              placement_sorted;
  Text                  title;
  Text                  subtitle;
  Text                  range;
  Text                  footer;
  Text                  party[2];
  PangoLayout          *ellipsis;     /* "…" for labels cut as drawn */
  double                ellipsis_width;
  GArray               *cuts;         /* EntenteTextCut by item; n_glyphs is
                                       * G_MAXUINT for a whole label */

  EntenteViewport       viewport;
  gboolean              chrome;
  gboolean              two_parties;
  guint                 focus;        /* the focus event, or NO_EVENT */
  EntenteRect           plot;
  double                lanes_top;
  double                lanes_bottom;
  double                axis_y;
  double                axis_half;    /* half the joint events' zone */
  double                row_h;        /* a lane's height, and a legend row's */
  double                axis_row_h;
  double                band_row_h;
  double                tick_strip_h;
  double                px_per_day;
  guint                 n_lanes[3];   /* by EntenteSide */

  /* Only while the layout is made */
  EntenteTextCache     *cache;
  guint                 font_ids[ENTENTE_N_FONTS];
  Lane                 *lanes[3];
  GArray               *cluster_builds;  /* ClusterBuild, while placing */
  GArray               *cluster_members; /* ClusterMember, while placing */
  GArray               *cluster_ranges;  /* DenseRange, while placing */
  /* While laying out: the events that began before the view and reach
   * into it, wanted by the footer and the events alike. */
  GArray               *reaching;     /* guint */
  double                badge_widths[12]; /* by number of digits */
  /* The options' previous layout, while laid out, and the lanes it gave
   * its events (LaneHint, by event) where it is of the same scale and
   * lanes; NULL otherwise. */
  EntenteLayout        *previous;
  GArray               *hints;
  GArray               *held;         /* Held, by side, lane and x */
  guint                *held_at;      /* the first of each lane's, by
                                       * lane_index (), and the end */
  gboolean              placing_focus;
  /* The leftmost place a marker could go on each side, kept while no
   * lane changes: in a dense view most events find every lane taken,
   * and this says so without asking each lane again. */
  guint                 lane_changes;
  guint                 free_from_at[3];  /* lane_changes when computed */
  double                free_from[3];
};

G_DEFINE_FINAL_TYPE (EntenteLayout, entente_layout, G_TYPE_OBJECT)

/* Rectangles */

gboolean
entente_rect_intersects (const EntenteRect *a,
                         const EntenteRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
entente_rect_contains (const EntenteRect *rect,
                       double             x,
                       double             y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

static double
rect_right (const EntenteRect *rect)
{
  return rect->x + rect->width;
}

static EntenteRect
rect_union (const EntenteRect *a,
            const EntenteRect *b)
{
  EntenteRect rect;

  if (a->width <= 0 || a->height <= 0)
    return *b;
  if (b->width <= 0 || b->height <= 0)
    return *a;
  rect.x = MIN (a->x, b->x);
  rect.y = MIN (a->y, b->y);
  rect.width = MAX (rect_right (a), rect_right (b)) - rect.x;
  rect.height = MAX (a->y + a->height, b->y + b->height) - rect.y;
  return rect;
}

/* Text */

static PangoLayout *
new_text (EntenteLayout   *self,
          EntenteFontRole  role,
          const char      *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[role]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  /* Dataset text is plain text, never markup: "<b>" shows as written. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* The distance from a text's top to its first baseline. */
static double
text_baseline (PangoLayout *layout)
{
  const EntenteShapedText *shaped = _entente_shaped_text_get (layout);

  if (shaped != NULL)
    return shaped->baseline;
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* Shaped text from the cache, which others may share: it is never
 * changed. Measuring a string again costs a hash lookup. */
static PangoLayout *
cached_text (EntenteLayout   *self,
             EntenteFontRole  role,
             const char      *text,
             double          *width,
             double          *height)
{
  return _entente_text_cache_get_text (self->cache, self->font_ids[role], text, width, height);
}

/* Elides a layout of its own to max_width; returns its width. */
static double
elide_text (PangoLayout *layout,
            double       max_width)
{
  double width;

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) floor (MAX (max_width, 0) * PANGO_SCALE));
  text_size (layout, &width, NULL);
  return MIN (width, max_width);
}

/* Elides the text to max_width when it is wider; returns its width. */
static double
fit_text (PangoLayout *layout,
          double       max_width)
{
  double width;

  pango_layout_set_width (layout, -1);
  text_size (layout, &width, NULL);
  if (width <= max_width)
    return width;
  return elide_text (layout, max_width);
}

/* Text no wider than max_width in *layout: the shared layout where it
 * fits, else an elided one of its own. Returns the width. */
static double
fitted_text (EntenteLayout    *self,
             EntenteFontRole   role,
             const char       *text,
             double            max_width,
             PangoLayout     **layout,
             double           *height)
{
  double width;

  *layout = cached_text (self, role, text, &width, height);
  if (width <= max_width)
    return width;
  g_object_unref (*layout);
  *layout = new_text (self, role, text);
  return elide_text (*layout, max_width);
}

/* The width a label of natural width keeps within max_width. An elided
 * label ends with "…" a little short of it; until the label is made at
 * the end, it is taken to fill all of it. */
static double
fit_width (double natural,
           double max_width)
{
  return natural <= max_width ? natural : MAX (max_width, 0);
}

static void
clear_text (Text *text)
{
  g_clear_object (&text->text);
}

/* Time */

double
entente_layout_x_for_day (EntenteLayout *self,
                          double         day)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), 0);
  return self->plot.x + (day - self->viewport.from_day) * self->px_per_day;
}

double
entente_layout_day_for_x (EntenteLayout *self,
                          double         x)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), 0);
  return self->viewport.from_day + (x - self->plot.x) / self->px_per_day;
}

static gint64
min_day (void)
{
  return entente_days_from_civil (ENTENTE_DATE_YEAR_MIN, 1, 1);
}

static gint64
max_day (void)
{
  return entente_days_from_civil (ENTENTE_DATE_YEAR_MAX + 1, 1, 1);
}

void
entente_layout_default_range (EntenteDataset *dataset,
                              double         *from_day,
                              double         *to_day)
{
  gint64 first, end;
  double margin;

  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (from_day != NULL && to_day != NULL);

  if (!entente_dataset_get_range (dataset, &first, &end))
    {
      first = entente_days_from_civil (1900, 1, 1);
      end = entente_days_from_civil (2000, 1, 1);
    }
  /* Room on both sides, so that the first and last markers and their
   * labels are not pressed against the edges. */
  margin = MAX ((end - first) * 0.04, 15.0);
  *from_day = MAX (first - margin, (double) min_day ());
  *to_day = MIN (end + margin, (double) max_day ());
}

/* Which side of the axis an event sits on. */
static EntenteSide
side_for_event (EntenteLayout      *self,
                const EntenteEvent *event)
{
  if (!self->two_parties)
    return ENTENTE_SIDE_ABOVE;
  if (event->actor == 0)
    return ENTENTE_SIDE_ABOVE;
  if (event->actor == 1)
    return ENTENTE_SIDE_BELOW;
  return ENTENTE_SIDE_AXIS;
}

static gboolean
category_hidden (EntenteLayout *self,
                 int            category)
{
  return self->hidden_categories != NULL && category >= 0 &&
         self->hidden_categories[category];
}

/* An event is in view when any day it covers is. */
static gboolean
event_visible (EntenteLayout      *self,
               const EntenteEvent *event)
{
  return !category_hidden (self, event->category) &&
         event->start_day < self->viewport.to_day &&
         event->end_day > self->viewport.from_day;
}

/* A point sits in the middle of what its date covers ("1958" in mid
 * 1958), or of the part of that in view; a span starts at its start. */
static double
event_x (EntenteLayout      *self,
         const EntenteEvent *event)
{
  double middle;

  if (event->is_span)
    return entente_layout_x_for_day (self, event->start_day);
  middle = MAX (event->start_day, self->viewport.from_day) +
           MIN (event->end_day, self->viewport.to_day);
  return entente_layout_x_for_day (self, middle / 2);
}

/* Chrome: title, range, legend, footer */

static char *
source_short_name (const EntenteSource *source)
{
  const char *year = NULL;

  /* "Radchenko 2020" when the source names its author, else its title. */
  if (source->date != NULL && strlen (source->date) >= 4 &&
      g_ascii_isdigit (source->date[0]) && g_ascii_isdigit (source->date[3]))
    year = source->date;

  if (source->author != NULL && *source->author != '\0')
    {
      const char *surname = strrchr (source->author, ' ');

      surname = surname != NULL ? surname + 1 : source->author;
      if (year != NULL)
        return g_strdup_printf ("%s %.4s", surname, year);
      return g_strdup (surname);
    }
  if (year != NULL)
    return g_strdup_printf ("%s (%.4s)", source->title, year);
  return g_strdup (source->title);
}

static void
cite_excerpts (EntenteDataset *dataset,
               guint           first,
               guint           n,
               gboolean       *cited,
               guint          *n_cited)
{
  for (guint i = first; i < first + n; i++)
    {
      const EntenteExcerpt *excerpt = entente_dataset_get_excerpt (dataset, i);

      if (!cited[excerpt->source])
        {
          cited[excerpt->source] = TRUE;
          (*n_cited)++;
        }
    }
}

static gboolean
period_hidden (EntenteLayout       *self,
               const EntentePeriod *period)
{
  return self->hidden_kinds != NULL && self->hidden_kinds[period->kind];
}

/* "Sources: Radchenko 2020; …" for what is in view, in the order the
 * dataset lists its sources. */
static char *
footer_text (EntenteLayout *self)
{
  EntenteDataset *dataset = self->dataset;
  guint n_sources = entente_dataset_get_n_sources (dataset);
  g_autofree gboolean *cited = g_new0 (gboolean, MAX (n_sources, 1));
  guint n_cited = 0;
  guint n_events;
  const EntenteEvent *events = entente_dataset_get_events (dataset, &n_events);
  gint64 from = (gint64) floor (self->viewport.from_day);
  gint64 to = (gint64) ceil (self->viewport.to_day);
  GArray *reaching = self->reaching;
  g_autoptr(GString) names = NULL;

  if (n_sources == 0)
    return NULL;

  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);

      if (!period_hidden (self, period) &&
          entente_date_start_day (&period->start) < self->viewport.to_day &&
          entente_date_end_day (&period->end) > self->viewport.from_day)
        cite_excerpts (dataset, period->first_excerpt, period->n_excerpts, cited, &n_cited);
    }

  /* Once every source is cited there is nothing more to learn, which
   * keeps a dense view of a large dataset cheap. */
  for (guint k = 0; k < reaching->len && n_cited < n_sources; k++)
    {
      guint i = g_array_index (reaching, guint, k);

      if (event_visible (self, &events[i]))
        cite_excerpts (dataset, events[i].first_excerpt, events[i].n_excerpts, cited, &n_cited);
    }
  for (guint i = entente_dataset_lower_bound (dataset, from);
       i < n_events && events[i].start_day < to && n_cited < n_sources;
       i++)
    {
      if (event_visible (self, &events[i]))
        cite_excerpts (dataset, events[i].first_excerpt, events[i].n_excerpts, cited, &n_cited);
    }

  if (n_cited == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *name = NULL;

      if (!cited[i])
        continue;
      name = source_short_name (entente_dataset_get_source (dataset, i));
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, name);
    }
  /* TRANSLATORS: credits under a chart; %s lists the sources */
  return g_strdup_printf (_("Sources: %s"), names->str);
}

static double
layout_header (EntenteLayout *self,
               double         margin)
{
  const char *title = entente_dataset_get_title (self->dataset);
  const char *subtitle = entente_dataset_get_subtitle (self->dataset);
  double avail = self->viewport.width - 2 * margin;
  double y = margin;
  double tw, th, rw, rh;
  g_autofree char *range = entente_format_days (self->viewport.from_day, self->viewport.to_day);

  self->title.text = cached_text (self, ENTENTE_FONT_TITLE, title != NULL ? title : "", &tw, &th);
  self->range.text = cached_text (self, ENTENTE_FONT_SUBTITLE, range, &rw, &rh);

  if (tw + 24 + rw <= avail)
    {
      /* The range sits at the right of the title, on its baseline. */
      double baseline = text_baseline (self->title.text) - text_baseline (self->range.text);

      self->title.rect = (EntenteRect) { margin, y, tw, th };
      self->range.rect = (EntenteRect) { self->viewport.width - margin - rw, y + baseline, rw, rh };
      y += th;
    }
  else
    {
      g_clear_object (&self->title.text);
      g_clear_object (&self->range.text);
      tw = fitted_text (self, ENTENTE_FONT_TITLE, title != NULL ? title : "", avail, &self->title.text, NULL);
      self->title.rect = (EntenteRect) { margin, y, tw, th };
      y += th;
      rw = fitted_text (self, ENTENTE_FONT_SUBTITLE, range, avail, &self->range.text, NULL);
      self->range.rect = (EntenteRect) { margin, y, rw, rh };
      y += rh;
    }

  if (subtitle != NULL && *subtitle != '\0')
    {
      double sw, sh;

      sw = fitted_text (self, ENTENTE_FONT_SUBTITLE, subtitle, avail, &self->subtitle.text, &sh);
      self->subtitle.rect = (EntenteRect) { margin, y + 1, sw, sh };
      y += sh + 1;
    }

  return y + 10;
}

static double
layout_footer (EntenteLayout *self,
               double         margin,
               double         bottom)
{
  g_autofree char *text = footer_text (self);
  double width, height;

  if (text == NULL)
    return bottom;

  self->footer.text = pango_layout_new (self->context);
  pango_layout_set_font_description (self->footer.text, self->fonts[ENTENTE_FONT_SMALL]);
  pango_layout_set_text (self->footer.text, text, -1);
  pango_layout_set_wrap (self->footer.text, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (self->footer.text, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (self->footer.text, (int) ((self->viewport.width - 2 * margin) * PANGO_SCALE));
  /* Two lines at most; the rest is elided. */
  pango_layout_set_height (self->footer.text, -2);
  text_size (self->footer.text, &width, &height);
  width = MIN (width, self->viewport.width - 2 * margin);
  self->footer.rect = (EntenteRect) { margin, bottom - height, width, height };
  return bottom - height - 6;
}

static void
add_legend_head (EntenteLayout *self,
                 const char    *label,
                 double        *x,
                 double        *y,
                 double         margin,
                 double         first_width)
{
  Text head = { NULL, };
  double width, height;
  double right = self->viewport.width - margin;

  head.text = cached_text (self, ENTENTE_FONT_SMALL, label, &width, &height);
  /* A heading stays on the line of its first entry. */
  if (*x > margin && *x + width + 8 + first_width > right)
    {
      *x = margin;
      *y += self->row_h;
    }
  head.rect = (EntenteRect) { *x, *y + (self->row_h - height) / 2, width, height };
  g_array_append_val (self->legend_heads, head);
  *x += width + 8;
}

static void
add_legend_item (EntenteLayout     *self,
                 EntenteLegendType  type,
                 guint              index,
                 const char        *label,
                 gboolean           hidden,
                 double            *x,
                 double            *y,
                 double             margin)
{
  EntenteLegendItem item = { 0, };
  double right = self->viewport.width - margin;
  double width, height;

  item.type = type;
  item.index = index;
  item.hidden = hidden;
  width = fitted_text (self, ENTENTE_FONT_LABEL, label, right - margin - SWATCH - 5, &item.text, &height);

  if (*x > margin && *x + SWATCH + 5 + width > right)
    {
      *x = margin;
      *y += self->row_h;
    }
  item.swatch = (EntenteRect) { *x, *y + (self->row_h - SWATCH) / 2, SWATCH, SWATCH };
  height = MIN (height, self->row_h);
  item.text_rect = (EntenteRect) { *x + SWATCH + 5, *y + (self->row_h - height) / 2, width, height };
  item.rect = rect_union (&item.swatch, &item.text_rect);
  g_array_append_val (self->legend, item);
  *x += SWATCH + 5 + width + 14;
}

static double
legend_first_width (EntenteLayout *self,
                    const char    *label)
{
  g_autoptr(PangoLayout) text = NULL;
  double width;

  text = cached_text (self, ENTENTE_FONT_LABEL, label, &width, NULL);
  return SWATCH + 5 + width;
}

/* Lays the legend out from y down and returns its height. */
static double
layout_legend (EntenteLayout *self,
               double         margin,
               double         top)
{
  EntenteDataset *dataset = self->dataset;
  guint n_kinds = entente_dataset_get_n_period_kinds (dataset);
  guint n_categories = entente_dataset_get_n_categories (dataset);
  double x = margin, y = top;

  if (n_kinds > 0)
    {
      add_legend_head (self, _("Periods"), &x, &y, margin,
                       legend_first_width (self, entente_dataset_get_period_kind (dataset, 0)->label));
      for (guint i = 0; i < n_kinds; i++)
        add_legend_item (self, ENTENTE_LEGEND_PERIOD_KIND, i,
                         entente_dataset_get_period_kind (dataset, i)->label,
                         self->hidden_kinds != NULL && self->hidden_kinds[i],
                         &x, &y, margin);
    }
  if (n_categories > 0)
    {
      x += 10;
      add_legend_head (self, _("Events"), &x, &y, margin,
                       legend_first_width (self, entente_dataset_get_category (dataset, 0)->label));
      for (guint i = 0; i < n_categories; i++)
        add_legend_item (self, ENTENTE_LEGEND_CATEGORY, i,
                         entente_dataset_get_category (dataset, i)->label,
                         self->hidden_categories != NULL && self->hidden_categories[i],
                         &x, &y, margin);
    }
  if (n_kinds == 0 && n_categories == 0)
    return 0;
  return y + self->row_h - top;
}

static void
clear_chrome (EntenteLayout *self)
{
  clear_text (&self->title);
  clear_text (&self->subtitle);
  clear_text (&self->range);
  clear_text (&self->footer);
  g_array_set_size (self->legend, 0);
  g_array_set_size (self->legend_heads, 0);
}

static void
layout_chrome (EntenteLayout *self)
{
  double width = self->viewport.width;
  double height = self->viewport.height;
  double margin = width < 600 ? 12 : 20;
  gboolean with_legend = TRUE;

  self->chrome = self->chrome && width >= 200 && height >= 180;
  if (!self->chrome)
    {
      self->plot = (EntenteRect) { 0, 0, width, height };
      return;
    }

  /* On a small canvas the plot matters most: the legend goes first. */
  for (;;)
    {
      double top, bottom;

      top = layout_header (self, margin);
      bottom = layout_footer (self, margin, height - margin);
      if (with_legend)
        {
          double legend_height = 0;
          guint start = self->legend_heads->len;

          legend_height = layout_legend (self, margin, 0);
          bottom -= legend_height;
          for (guint i = start; i < self->legend_heads->len; i++)
            g_array_index (self->legend_heads, Text, i).rect.y += bottom;
          for (guint i = 0; i < self->legend->len; i++)
            {
              EntenteLegendItem *item = &g_array_index (self->legend, EntenteLegendItem, i);

              item->swatch.y += bottom;
              item->text_rect.y += bottom;
              item->rect.y += bottom;
            }
          bottom -= 8;
        }

      self->plot = (EntenteRect) { margin, top, width - 2 * margin, bottom - top };
      if (self->plot.height >= 150 || !with_legend)
        break;
      clear_chrome (self);
      with_legend = FALSE;
    }

  /* Without room for a few lanes, the chart itself comes first. */
  if (self->plot.height < 130)
    {
      clear_chrome (self);
      self->chrome = FALSE;
      self->plot = (EntenteRect) { 0, 0, width, height };
    }
}

/* Bands */

/* The days over which a boundary fades: a date marked approximate or
 * uncertain is soft across what it covers and as much again on each
 * side; an exact one is a hard edge at its start (or end). */
static void
boundary_days (const EntenteDate *date,
               gboolean           is_end,
               double            *outer,
               double            *inner)
{
  gint64 start = entente_date_start_day (date);
  gint64 end = entente_date_end_day (date);

  if (date->qualifier == ENTENTE_QUALIFIER_NONE)
    {
      *outer = *inner = is_end ? end : start;
      return;
    }
  if (is_end)
    {
      *inner = start - (end - start);
      *outer = end + (end - start);
    }
  else
    {
      *outer = start - (end - start);
      *inner = end + (end - start);
    }
}

static gboolean
periods_overlap (EntenteDataset *dataset)
{
  gint64 reach = G_MININT64;

  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);

      if (entente_date_start_day (&period->start) < reach)
        return TRUE;
      reach = MAX (reach, entente_date_end_day (&period->end));
    }
  return FALSE;
}

static void
layout_bands (EntenteLayout *self)
{
  EntenteDataset *dataset = self->dataset;
  double row_end[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint n_rows = periods_overlap (dataset) ? 2 : 1;
  double plot_right = rect_right (&self->plot);
  double row_top = self->plot.y + 5;

  /* The strip is sized for the dataset, not for what is in view, so that
   * the lanes do not jump while the view pans. */
  gboolean labels;

  /* Labels only where they leave room for a lane and the time axis. */
  labels = self->plot.height >= 6 + n_rows * self->band_row_h + self->row_h + self->tick_strip_h;
  self->lanes_top = self->plot.y;
  if (entente_dataset_get_n_periods (dataset) > 0 && labels)
    self->lanes_top += 6 + n_rows * self->band_row_h;

  for (guint i = 0; i < entente_dataset_get_n_periods (dataset); i++)
    {
      const EntentePeriod *period = entente_dataset_get_period (dataset, i);
      EntenteBand band = { 0, };
      double d0, d0_full, d1_full, d1, left, right, width, height;

      if (period_hidden (self, period))
        continue;
      boundary_days (&period->start, FALSE, &d0, &d0_full);
      boundary_days (&period->end, TRUE, &d1, &d1_full);
      if (d1 <= self->viewport.from_day || d0 >= self->viewport.to_day)
        continue;

      band.period = i;
      band.x0 = entente_layout_x_for_day (self, d0);
      band.x0_full = entente_layout_x_for_day (self, d0_full);
      band.x1_full = entente_layout_x_for_day (self, d1_full);
      band.x1 = entente_layout_x_for_day (self, d1);

      /* The label stays in the visible, full-strength part of the band:
       * it follows the view when the band's start is scrolled away. */
      left = MAX (MIN (band.x0_full, band.x1_full), self->plot.x) + BAND_PAD;
      right = MIN (MAX (band.x1_full, band.x0_full), plot_right) - BAND_PAD;
      if (right - left < MIN_LABEL_W)
        {
          left = MAX (band.x0, self->plot.x) + BAND_PAD;
          right = MIN (band.x1, plot_right) - BAND_PAD;
        }
      if (labels && right - left >= MIN_LABEL_W)
        {
          for (guint row = 0; row < n_rows; row++)
            {
              double avail = right - left;

              if (row_end[row] + 12 > left)
                continue;
              width = fitted_text (self, ENTENTE_FONT_BAND, period->label, avail, &band.text, &height);
              band.text_rect = (EntenteRect) { left, row_top + row * self->band_row_h, width,
                                               MIN (height, self->band_row_h) };
              row_end[row] = left + width;
              break;
            }
        }
      g_array_append_val (self->bands, band);
    }
}

/* Ticks */

typedef enum {
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} UnitKind;

typedef struct {
  UnitKind kind;
  int      step;
} Unit;

static const Unit units[] = {
  { UNIT_DAY, 1 }, { UNIT_DAY, 2 }, { UNIT_DAY, 5 }, { UNIT_DAY, 10 },
  { UNIT_MONTH, 1 }, { UNIT_MONTH, 3 }, { UNIT_MONTH, 6 },
  { UNIT_YEAR, 1 }, { UNIT_YEAR, 2 }, { UNIT_YEAR, 5 }, { UNIT_YEAR, 10 },
  { UNIT_YEAR, 20 }, { UNIT_YEAR, 50 }, { UNIT_YEAR, 100 }, { UNIT_YEAR, 200 },
  { UNIT_YEAR, 500 }, { UNIT_YEAR, 1000 }, { UNIT_YEAR, 2000 }, { UNIT_YEAR, 5000 },
};

static double
unit_days (const Unit *unit)
{
  switch (unit->kind)
    {
    case UNIT_DAY:
      return unit->step;
    case UNIT_MONTH:
      return unit->step * 30.44;
    case UNIT_YEAR:
    default:
      return unit->step * 365.2425;
    }
}

/* Whether the finer unit's ticks fall on the coarser unit's grid. */
static gboolean
unit_divides (const Unit *major,
              const Unit *minor)
{
  if (major->kind == minor->kind)
    return major->step % minor->step == 0 && major->step > minor->step;
  if (major->kind == UNIT_YEAR && minor->kind == UNIT_MONTH)
    return 12 % minor->step == 0;
  if (major->kind == UNIT_MONTH && minor->kind == UNIT_DAY)
    return minor->step == 1;
  return FALSE;
}

/* Year ticks are counted the way people count: 200 BCE, 100 BCE, 1, 100,
 * 200 — multiples of the step on each side, with no year 0. */
static gboolean
year_on_step (gint64 year,
              int    step)
{
  if (step == 1)
    return TRUE;
  if (year >= 1)
    return year % step == 0 || year == 1;
  return (1 - year) % step == 0;
}

static char *
month_abbrev (guint month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  /* TRANSLATORS: strftime format for a month on the time axis ("Mar") */
  return g_date_time_format (dt, C_("axis month", "%b"));
}

static char *
tick_label (const Unit *unit,
            gint64      year,
            guint       month,
            guint       day,
            gboolean    first)
{
  g_autofree char *year_text = entente_format_year (year);
  g_autofree char *month_text = NULL;

  switch (unit->kind)
    {
    case UNIT_YEAR:
      return g_steal_pointer (&year_text);

    case UNIT_MONTH:
      if (month == 1)
        return g_steal_pointer (&year_text);
      month_text = month_abbrev (month);
      if (first)
        /* TRANSLATORS: month and year on the time axis, "Mar 1969" */
        return g_strdup_printf (C_("axis month", "%s %s"), month_text, year_text);
      return g_steal_pointer (&month_text);

    case UNIT_DAY:
    default:
      if (day == 1 && month == 1)
        return g_steal_pointer (&year_text);
      month_text = month_abbrev (month);
      if (first)
        /* TRANSLATORS: day, month and year on the time axis, "14 Mar 1969" */
        return g_strdup_printf (C_("axis day", "%u %s %s"), day, month_text, year_text);
      if (day == 1)
        return g_steal_pointer (&month_text);
      return g_strdup_printf ("%u", day);
    }
}

/* Calls func for each tick of unit in [from, to). */
typedef void (*TickFunc) (gint64 day, gint64 year, guint month, guint mday, gpointer data);

static void
foreach_tick (const Unit *unit,
              gint64      from,
              gint64      to,
              TickFunc    func,
              gpointer    data)
{
  gint64 year;
  guint month, mday;

  from = MAX (from, min_day ());
  to = MIN (to, max_day ());
  if (from >= to)
    return;
  entente_civil_from_days (from, &year, &month, &mday);

  switch (unit->kind)
    {
    case UNIT_YEAR:
      {
        gint64 last_year;
        guint m, d;

        entente_civil_from_days (to - 1, &last_year, &m, &d);
        for (gint64 y = (mday == 1 && month == 1) ? year : year + 1; y <= last_year; y++)
          {
            /* Skip ahead to the next multiple rather than test every year
             * of a long range. */
            if (!year_on_step (y, unit->step))
              {
                gint64 next;

                if (y >= 1)
                  next = ((y / unit->step) + 1) * unit->step;
                else
                  next = 1 - ((1 - y) / unit->step) * unit->step;
                if (y < 1 && next > 1)
                  next = 1;
                y = MAX (next, y + 1) - 1;
                continue;
              }
            func (entente_days_from_civil (y, 1, 1), y, 1, 1, data);
          }
      }
      break;

    case UNIT_MONTH:
      {
        gint64 y = year;
        guint m = month;

        if (mday != 1)
          {
            m++;
            if (m > 12)
              {
                m = 1;
                y++;
              }
          }
        for (;;)
          {
            gint64 day = entente_days_from_civil (y, m, 1);

            if (day >= to)
              break;
            if ((m - 1) % unit->step == 0)
              func (day, y, m, 1, data);
            m++;
            if (m > 12)
              {
                m = 1;
                y++;
              }
          }
      }
      break;

    case UNIT_DAY:
    default:
      for (gint64 day = from; day < to; day++)
        {
          guint length;

          entente_civil_from_days (day, &year, &month, &mday);
          length = entente_days_in_month (year, month);
          /* Days 1, 6, 11… restart each month; the last step of a month
           * is dropped when it would crowd the 1st of the next. */
          if ((mday - 1) % unit->step == 0 &&
              (unit->step == 1 || (length - mday + 1) * 10 >= (guint) unit->step * 6))
            func (day, year, month, mday, data);
        }
      break;
    }
}

typedef struct {
  EntenteLayout *self;
  const Unit    *unit;
  GArray        *ticks;
  gboolean       labelled;
} TickBuild;

static void
add_tick_cb (gint64   day,
             gint64   year,
             guint    month,
             guint    mday,
             gpointer data)
{
  TickBuild *build = data;
  EntenteLayout *self = build->self;
  EntenteTick tick = { 0, };

  tick.x = entente_layout_x_for_day (self, day);
  tick.day = day;
  tick.major = build->labelled;
  if (build->labelled)
    {
      g_autofree char *label = tick_label (build->unit, year, month, mday, build->ticks->len == 0);
      double width, height;

      tick.text = cached_text (self, ENTENTE_FONT_TICK, label, &width, &height);
      tick.text_rect = (EntenteRect) { tick.x - width / 2, self->lanes_bottom + 5, width, height };
    }
  g_array_append_val (build->ticks, tick);
}

static void
clear_tick (gpointer data)
{
  EntenteTick *tick = data;

  g_clear_object (&tick->text);
}

static GArray *
build_ticks (EntenteLayout *self,
             const Unit    *unit,
             gboolean       labelled)
{
  TickBuild build = { self, unit, g_array_new (FALSE, TRUE, sizeof (EntenteTick)), labelled };

  g_array_set_clear_func (build.ticks, clear_tick);
  foreach_tick (unit, (gint64) ceil (self->viewport.from_day),
                (gint64) ceil (self->viewport.to_day), add_tick_cb, &build);
  return build.ticks;
}

/* Whether every label keeps its distance from the next one. */
static gboolean
ticks_readable (GArray *ticks)
{
  for (guint i = 1; i < ticks->len; i++)
    {
      const EntenteTick *a = &g_array_index (ticks, EntenteTick, i - 1);
      const EntenteTick *b = &g_array_index (ticks, EntenteTick, i);

      if (b->x - a->x < (a->text_rect.width + b->text_rect.width) / 2 + TICK_GAP)
        return FALSE;
    }
  return TRUE;
}

static void
layout_ticks (EntenteLayout *self)
{
  g_autoptr(GArray) major = NULL;
  g_autoptr(GArray) minor = NULL;
  double plot_right = rect_right (&self->plot);
  guint chosen = G_N_ELEMENTS (units) - 1;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double spacing = unit_days (&units[i]) * self->px_per_day;

      /* Cheap rejection first: no unit is measured whose ticks could not
       * be told apart anyway. */
      if (spacing < 30)
        continue;
      g_clear_pointer (&major, g_array_unref);
      major = build_ticks (self, &units[i], TRUE);
      if (ticks_readable (major))
        {
          chosen = i;
          break;
        }
    }
  if (major == NULL || chosen == G_N_ELEMENTS (units) - 1)
    {
      g_clear_pointer (&major, g_array_unref);
      major = build_ticks (self, &units[chosen], TRUE);
    }

  /* Minor ticks: the finest unit on the major grid still 8 px apart. */
  for (guint i = 0; i < chosen; i++)
    {
      if (unit_days (&units[i]) * self->px_per_day >= 8 && unit_divides (&units[chosen], &units[i]))
        {
          minor = build_ticks (self, &units[i], FALSE);
          break;
        }
    }

  for (guint i = 0; i < major->len; i++)
    {
      EntenteTick *tick = &g_array_index (major, EntenteTick, i);

      /* A label that would stick out of the plot is left off; the tick
       * itself stays. */
      if (tick->text != NULL &&
          (tick->text_rect.x < self->plot.x || rect_right (&tick->text_rect) > plot_right ||
           self->lanes_bottom + self->tick_strip_h > self->plot.y + self->plot.height + 0.5))
        g_clear_object (&tick->text);
    }
  /* Even the coarsest unit can be too fine, over millennia in a canvas a
   * few dozen pixels wide: there, a label that would come too near the
   * one before is left off too. */
  if (chosen == G_N_ELEMENTS (units) - 1)
    {
      double free_from = -G_MAXDOUBLE;

      for (guint i = 0; i < major->len; i++)
        {
          EntenteTick *tick = &g_array_index (major, EntenteTick, i);

          if (tick->text == NULL)
            continue;
          if (tick->text_rect.x < free_from)
            g_clear_object (&tick->text);
          else
            free_from = rect_right (&tick->text_rect) + TICK_GAP;
        }
    }

  /* Merge the two sorted lists, minor ticks under a major one dropped. */
  for (guint i = 0, j = 0; i < major->len || (minor != NULL && j < minor->len);)
    {
      EntenteTick *a = i < major->len ? &g_array_index (major, EntenteTick, i) : NULL;
      EntenteTick *b = minor != NULL && j < minor->len ? &g_array_index (minor, EntenteTick, j) : NULL;

      if (b == NULL || (a != NULL && a->day <= b->day))
        {
          if (b != NULL && b->day == a->day)
            j++;
          g_array_append_val (self->ticks, *a);
          a->text = NULL; /* moved */
          i++;
        }
      else
        {
          g_array_append_val (self->ticks, *b);
          j++;
        }
    }
}

/* Events */

static double
lane_y (EntenteLayout *self,
        EntenteSide    side,
        guint          lane)
{
  switch (side)
    {
    case ENTENTE_SIDE_ABOVE:
      return self->axis_y - self->axis_half - self->row_h * lane - self->row_h / 2;
    case ENTENTE_SIDE_BELOW:
      return self->axis_y + self->axis_half + self->row_h * lane + self->row_h / 2;
    case ENTENTE_SIDE_AXIS:
    default:
      /* Joint events: on the axis, then either side of it. */
      if (lane == 0)
        return self->axis_y;
      return self->axis_y + (lane % 2 == 1 ? -self->row_h : self->row_h) * ((lane + 1) / 2);
    }
}

static double
slot_right (EntenteLayout *self,
            const Slot    *slot)
{
  if (slot->is_cluster)
    return rect_right (&g_array_index (self->clusters, EntenteCluster, slot->index).rect);
  return rect_right (&g_array_index (self->items, EntenteEventItem, slot->index).rect);
}

static double
lane_end (EntenteLayout *self,
          Lane          *lane)
{
  if (lane->slots->len == 0)
    return lane->start;
  return slot_right (self, &g_array_index (lane->slots, Slot, lane->slots->len - 1));
}

static void
lanes_changed (EntenteLayout *self)
{
  self->lane_changes++;
}

/* While events are placed, an item's label is only a width: its text
 * is made at the end for the labels that keep a place, elided or not. */
static gboolean
item_has_label (const EntenteEventItem *item)
{
  return item->text_rect.width > 0;
}

static void
item_update_rect (EntenteLayout    *self,
                  EntenteEventItem *item)
{
  item->rect = rect_union (&item->marker, &item->bar);
  if (item_has_label (item))
    item->rect = rect_union (&item->rect, &item->text_rect);
  /* The whole height of the lane, so that lanes never touch. */
  item->rect.y = item->y - self->row_h / 2 + 1;
  item->rect.height = self->row_h - 2;
}

/* The right edge of an item without its label. */
static double
item_base_right (const EntenteEventItem *item)
{
  EntenteRect base = rect_union (&item->marker, &item->bar);

  return rect_right (&base);
}

/* The least right edge to which a label that runs to the right of its
 * marker can give up its end and keep a readable part (G_MAXDOUBLE for
 * any other item). */
static double
item_shortest_right (const EntenteEventItem *item)
{
  if (!item_has_label (item) || item->text_rect.x < item->x)
    return G_MAXDOUBLE;
  return MAX (item_base_right (item), item->text_rect.x + MIN_LABEL_W);
}

/* Whether a label that runs to the right of its marker can give up its
 * end so that the lane frees up at limit, keeping at least a readable
 * part of it (or dropping it, with may_drop). */
static gboolean
item_can_shorten (const EntenteEventItem *item,
                  double                  limit,
                  gboolean                may_drop)
{
  if (!may_drop)
    return limit >= item_shortest_right (item);
  return item_has_label (item) && item->text_rect.x >= item->x && item_base_right (item) <= limit;
}

static double
label_size (EntenteLayout *self,
            guint          event,
            double        *height)
{
  double width, h;

  _entente_text_cache_get_label_size (self->cache, self->font_ids[ENTENTE_FONT_LABEL],
                                      event, &width, &h);
  if (height != NULL)
    *height = h;
  return width;
}

static gboolean
item_shorten (EntenteLayout    *self,
              EntenteEventItem *item,
              double            limit,
              gboolean          may_drop)
{
  double avail = limit - item->text_rect.x;

  if (!item_can_shorten (item, limit, may_drop))
    return FALSE;
  /* A lane already free there: the label keeps the width it was given,
   * which may be less than all of the room. */
  if (rect_right (&item->rect) <= limit)
    return TRUE;
  if (avail >= MIN_LABEL_W)
    item->text_rect.width = fit_width (label_size (self, item->event, NULL), avail);
  else
    item->text_rect.width = 0;
  item_update_rect (self, item);
  lanes_changed (self);
  return TRUE;
}

static double
badge_width (EntenteLayout *self,
             guint          count)
{
  guint digits = 1;

  for (guint n = count; n >= 10; n /= 10)
    digits++;
  digits = MIN (digits, G_N_ELEMENTS (self->badge_widths) - 1);
  if (self->badge_widths[digits] == 0)
    {
      /* Every count of as many digits is grouped alike: measured with
       * its digits all 8, among the widest. */
      g_autofree char *sample = entente_format_count (count);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double width;

      for (char *p = sample; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          *p = '8';
      text = g_strdup_printf ("+%s", sample);

      layout = cached_text (self, ENTENTE_FONT_BADGE, text, &width, NULL);
      self->badge_widths[digits] = MAX (ceil (width) + 2 * BADGE_PAD, BADGE_H);
    }
  return self->badge_widths[digits];
}

static void
cluster_resize (EntenteLayout  *self,
                EntenteCluster *cluster)
{
  double width = badge_width (self, cluster->count);

  if (width != cluster->rect.width)
    {
      cluster->rect.width = width;
      lanes_changed (self);
    }
}

static void
cluster_take (EntenteLayout  *self,
              guint           index,
              const Candidate *candidate,
              double          x)
{
  EntenteCluster *cluster = &g_array_index (self->clusters, EntenteCluster, index);
  ClusterBuild *build = &g_array_index (self->cluster_builds, ClusterBuild, index);

  if (candidate->event != NO_EVENT)
    {
      const EntenteEvent *event = entente_dataset_get_event (self->dataset, candidate->event);
      /* Where the event is seen: a span that began long before would
       * otherwise stretch the cluster's days back to its start, and a
       * click meant to zoom in would zoom out by years. */
      gint64 day = MAX (event->start_day, (gint64) floor (self->viewport.from_day));

      g_array_append_val (self->cluster_members, ((ClusterMember) { index, candidate->event }));
      build->member = candidate->event;
      cluster->count++;
      cluster->first_event = MIN (cluster->first_event, candidate->event);
      cluster->last_event = MAX (cluster->last_event, candidate->event);
      cluster->from_day = MIN (cluster->from_day, day);
      cluster->to_day = MAX (cluster->to_day, day + 1);
      cluster->x0 = MIN (cluster->x0, x);
      cluster->x1 = MAX (cluster->x1, x);
    }
  else
    {
      DenseRange range = { candidate->first, candidate->end, index, candidate->matched };

      g_array_append_val (self->cluster_ranges, range);
      build->n_ranges++;
      cluster->count += candidate->count;
      cluster->first_event = MIN (cluster->first_event, candidate->first);
      cluster->last_event = MAX (cluster->last_event, candidate->end - 1);
      cluster->from_day = MIN (cluster->from_day, candidate->from_day);
      cluster->to_day = MAX (cluster->to_day, candidate->to_day);
      cluster->x0 = MIN (cluster->x0, candidate->x);
      cluster->x1 = MAX (cluster->x1, candidate->x1);
    }
  cluster_resize (self, cluster);
}

static void
cluster_take_item (EntenteLayout *self,
                   guint          cluster,
                   guint          item_index)
{
  EntenteEventItem *item = &g_array_index (self->items, EntenteEventItem, item_index);
  Candidate candidate = { 0, };

  candidate.event = item->event;
  cluster_take (self, cluster, &candidate, item->x);
  item->text_rect.width = 0;
  item->event = NO_EVENT;
}

/* Whether taking candidate keeps the cluster within CLUSTER_MAX_W of
 * the axis. */
static gboolean
cluster_has_room (EntenteLayout   *self,
                  guint            index,
                  const Candidate *candidate,
                  double           x)
{
  const EntenteCluster *cluster = &g_array_index (self->clusters, EntenteCluster, index);
  double end = candidate->event == NO_EVENT ? candidate->x1 : x;

  return MAX (cluster->x1, end) - MIN (cluster->x0, x) <= CLUSTER_MAX_W;
}

/* Puts what could not be placed into a cluster in the lane nearest the
 * axis: the cluster at the end of that lane when it is close and not yet
 * spread over CLUSTER_MAX_W, else a new one, for which the lane's last
 * labels give up room or join it. This always succeeds, so every event
 * in view is either drawn or counted. */
static void
add_to_cluster (EntenteLayout   *self,
                EntenteSide      side,
                const Candidate *candidate,
                double           x)
{
  Lane *lane = &self->lanes[side][0];
  /* Made only when a label must make way: most calls join a badge. */
  g_autoptr(GArray) evicted = NULL;
  double plot_right = rect_right (&self->plot);
  double left;
  EntenteCluster cluster = { 0, };
  Slot slot;

  /* Close to the lane's last cluster: one badge says it all. */
  if (lane->slots->len > 0)
    {
      Slot *last = &g_array_index (lane->slots, Slot, lane->slots->len - 1);

      if (last->is_cluster &&
          x - g_array_index (self->clusters, EntenteCluster, last->index).x1 <= CLUSTER_MERGE &&
          cluster_has_room (self, last->index, candidate, x))
        {
          cluster_take (self, last->index, candidate, x);
          return;
        }
    }

  /* The badge starts at its first event, inside the plot, leaving room
   * for a count of four digits at the right end. */
  left = MIN (x - BADGE_H / 2, plot_right - badge_width (self, 9999) - 1);
  left = MAX (left, self->plot.x + 1);

  for (;;)
    {
      Slot *last;
      double end = lane_end (self, lane);

      if (end + ITEM_GAP <= left)
        break;
      if (lane->slots->len == 0)
        {
          /* Only the lane's reserved start is in the way: move right. */
          left = end + ITEM_GAP;
          break;
        }

      last = &g_array_index (lane->slots, Slot, lane->slots->len - 1);
      if (last->is_cluster && !cluster_has_room (self, last->index, candidate, x) &&
          end + ITEM_GAP + badge_width (self, 9999) < plot_right)
        {
          /* The badge before is full: this one follows it. */
          left = end + ITEM_GAP;
          break;
        }
      if (last->is_cluster)
        {
          /* The badge before is in the way: it takes this event too. */
          guint index = last->index;

          cluster_take (self, index, candidate, x);
          for (guint i = 0; evicted != NULL && i < evicted->len; i++)
            cluster_take_item (self, index, g_array_index (evicted, guint, i));
          return;
        }
      else
        {
          EntenteEventItem *item = &g_array_index (self->items, EntenteEventItem, last->index);

          if (item_shorten (self, item, left - ITEM_GAP, TRUE))
            {
              /* A cut label can end a rounding step past the room it
               * was given, and cutting it again changes nothing: it is
               * as short as that room, which is free enough. */
              if (lane_end (self, lane) < end)
                continue;
              break;
            }
          if (evicted == NULL)
            evicted = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (evicted, last->index);
          g_array_set_size (lane->slots, lane->slots->len - 1);
          lanes_changed (self);
        }
    }

  cluster.side = side;
  cluster.lane = 0;
  cluster.first_event = G_MAXUINT;
  cluster.last_event = 0;
  cluster.from_day = G_MAXINT64;
  cluster.to_day = G_MININT64;
  cluster.x0 = G_MAXDOUBLE;
  cluster.x1 = -G_MAXDOUBLE;
  cluster.y = lane_y (self, side, 0);
  cluster.rect = (EntenteRect) { left, cluster.y - BADGE_H / 2, 0, BADGE_H };
  g_array_append_val (self->clusters, cluster);

  g_array_append_val (self->cluster_builds, ((ClusterBuild) { 0, }));

  slot.is_cluster = TRUE;
  slot.index = self->clusters->len - 1;
  g_array_append_val (lane->slots, slot);
  lanes_changed (self);

  cluster_take (self, slot.index, candidate, x);
  for (guint i = 0; evicted != NULL && i < evicted->len; i++)
    cluster_take_item (self, slot.index, g_array_index (evicted, guint, i));
}

static gboolean
lane_free (EntenteLayout *self,
           EntenteSide    side,
           guint          lane,
           double         left)
{
  return lane_end (self, &self->lanes[side][lane]) + ITEM_GAP <= left;
}

static guint
lane_index (EntenteLayout *self,
            EntenteSide    side,
            guint          lane)
{
  guint index = lane;

  for (guint s = 0; s < side; s++)
    index += self->n_lanes[s];
  return index;
}

/* How far right of x an event may reach in a lane without taking the
 * place of an item that the layout shown before had there, further
 * right: that item's own event comes later and goes back to it. The
 * focus event, placed first, takes any place. */
static double
held_limit (EntenteLayout *self,
            EntenteSide    side,
            guint          lane,
            double         x)
{
  const Held *held;
  guint index, lo, hi;

  if (self->held == NULL || self->placing_focus)
    return G_MAXDOUBLE;
  index = lane_index (self, side, lane);
  held = (const Held *) (gpointer) self->held->data;
  /* The first of the lane's further right than x. */
  lo = self->held_at[index];
  hi = self->held_at[index + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (held[mid].x > x + 0.5)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo < self->held_at[index + 1] ? held[lo].left - ITEM_GAP : G_MAXDOUBLE;
}

/* The lane hint (the event's in the layout shown before, or n_lanes for
 * none) if it is free from left on; else the nearest lane from first on
 * that is, and where what reaches to right, for an event at x, takes no
 * other's place (see held_limit ()); or n_lanes. */
static guint
find_lane (EntenteLayout *self,
           EntenteSide    side,
           guint          first,
           guint          hint,
           double         left,
           double         x,
           double         right)
{
  guint lane;

  if (hint < self->n_lanes[side] && lane_free (self, side, hint, left))
    return hint;
  for (lane = first; lane < self->n_lanes[side]; lane++)
    if (lane_free (self, side, lane, left) && right <= held_limit (self, side, lane, x))
      break;
  return lane;
}

static int
compare_hints (gconstpointer a,
               gconstpointer b)
{
  const LaneHint *ha = a;
  const LaneHint *hb = b;

  return ha->event < hb->event ? -1 : ha->event > hb->event;
}

static int
compare_held (gconstpointer a,
              gconstpointer b)
{
  const Held *ha = a;
  const Held *hb = b;

  if (ha->side != hb->side)
    return ha->side < hb->side ? -1 : 1;
  if (ha->lane != hb->lane)
    return ha->lane < hb->lane ? -1 : 1;
  return ha->x < hb->x ? -1 : ha->x > hb->x;
}

/* An event that had no lane before, as one that was in a cluster, takes
 * none that a later event had: else it would send that one elsewhere.
 * Events no longer shown, as of a category just hidden, hold nothing:
 * others take the room they leave. */
static void
take_held (EntenteLayout *self)
{
  EntenteLayout *previous = self->previous;
  double dx = (previous->viewport.from_day - self->viewport.from_day) * self->px_per_day;
  guint n_lanes = self->n_lanes[0] + self->n_lanes[1] + self->n_lanes[2];
  guint at = 0;

  self->held = g_array_sized_new (FALSE, FALSE, sizeof (Held), previous->items->len);
  for (guint i = 0; i < previous->items->len; i++)
    {
      const EntenteEventItem *item = &g_array_index (previous->items, EntenteEventItem, i);
      Held held = { item->side, item->lane, item->x + dx, item->rect.x + dx };

      if (event_visible (self, entente_dataset_get_event (self->dataset, item->event)))
        g_array_append_val (self->held, held);
    }
  g_array_sort (self->held, compare_held);

  self->held_at = g_new (guint, n_lanes + 1);
  for (guint side = 0, index = 0; side < 3; side++)
    for (guint lane = 0; lane < self->n_lanes[side]; lane++, index++)
      {
        self->held_at[index] = at;
        while (at < self->held->len &&
               g_array_index (self->held, Held, at).side == side &&
               g_array_index (self->held, Held, at).lane == lane)
          at++;
      }
  self->held_at[n_lanes] = at;
}

/* A pan keeps the scale and the lanes, and only moves what was shown.
 * The layout shown before it then says which lane each of its events
 * had, and they go back to it where it has room, instead of wherever the
 * order of placing would put them now: else an event coming into view
 * or leaving it could send every label after it to another lane, and
 * labels would jump about under a drag. So too when an event is
 * selected, or a category hidden: the others stay where they were. */
static void
take_hints (EntenteLayout *self)
{
  EntenteLayout *previous = self->previous;

  /* Text of another size (the system's large text turned on) fills its
   * lanes otherwise, even where they come out as many. */
  if (previous == NULL || previous->dataset != self->dataset ||
      fabs (previous->px_per_day - self->px_per_day) > 1e-9 * self->px_per_day ||
      previous->plot.x != self->plot.x || previous->plot.width != self->plot.width ||
      memcmp (previous->style->font_size, self->style->font_size, sizeof self->style->font_size) != 0 ||
      g_strcmp0 (previous->style->font_family, self->style->font_family) != 0)
    return;
  for (guint side = 0; side < 3; side++)
    if (previous->n_lanes[side] != self->n_lanes[side])
      return;

  self->hints = g_array_sized_new (FALSE, FALSE, sizeof (LaneHint), previous->items->len);
  for (guint i = 0; i < previous->items->len; i++)
    {
      const EntenteEventItem *item = &g_array_index (previous->items, EntenteEventItem, i);
      LaneHint hint = { item->event, item->side, item->lane };

      g_array_append_val (self->hints, hint);
    }
  g_array_sort (self->hints, compare_hints);
  take_held (self);
}

/* The lane the previous layout gave event on side, if it is first or
 * further from the axis; else n_lanes. */
static guint
hinted_lane (EntenteLayout *self,
             guint          event,
             EntenteSide    side,
             guint          first)
{
  LaneHint key = { event, };
  const LaneHint *hint;

  if (self->hints == NULL || self->hints->len == 0)
    return self->n_lanes[side];
  hint = bsearch (&key, self->hints->data, self->hints->len, sizeof (LaneHint), compare_hints);
  if (hint == NULL || hint->side != side || hint->lane < first || hint->lane >= self->n_lanes[side])
    return self->n_lanes[side];
  return hint->lane;
}

/* The k-th lane to try from first on: the hinted one, if any, then the
 * others from the axis outwards. */
static guint
nth_lane (guint k,
          guint first,
          guint hint,
          guint n_lanes)
{
  if (hint >= n_lanes)
    return first + k;
  if (k == 0)
    return hint;
  return first + k - 1 + (first + k - 1 >= hint);
}

/* The item a lane ends with, or NULL when it is empty or ends with a
 * cluster. */
static EntenteEventItem *
lane_last_item (EntenteLayout *self,
                const Lane    *lane)
{
  const Slot *last;

  if (lane->slots->len == 0)
    return NULL;
  last = &g_array_index (lane->slots, Slot, lane->slots->len - 1);
  if (last->is_cluster)
    return NULL;
  return &g_array_index (self->items, EntenteEventItem, last->index);
}

/* Whether the lane's last label can give up its end so that the lane is
 * free from left on. Only looks unless apply is TRUE. */
static gboolean
lane_make_room (EntenteLayout *self,
                EntenteSide    side,
                guint          lane,
                double         left,
                gboolean       apply)
{
  EntenteEventItem *item = lane_last_item (self, &self->lanes[side][lane]);

  if (item == NULL)
    return FALSE;
  /* The selected event keeps its whole label: it is the one a reader is
   * looking at. Others find room elsewhere. */
  if (item->event == self->focus && rect_right (&item->rect) > left - ITEM_GAP)
    return FALSE;
  return apply ? item_shorten (self, item, left - ITEM_GAP, FALSE)
               : item_can_shorten (item, left - ITEM_GAP, FALSE);
}

/* The lane hint (as for find_lane ()) if its last label can give up its
 * end so that the lane is free from left on; else the nearest lane from
 * first on where it can, and where what reaches to right, for an event
 * at x, takes no other's place; or n_lanes when none can. Only looks
 * unless apply is TRUE. */
static guint
make_room (EntenteLayout *self,
           EntenteSide    side,
           guint          first,
           guint          hint,
           double         left,
           double         x,
           double         right,
           gboolean       apply)
{
  if (hint < self->n_lanes[side] && lane_make_room (self, side, hint, left, apply))
    return hint;
  for (guint i = first; i < self->n_lanes[side]; i++)
    if (lane_make_room (self, side, i, left, FALSE) && right <= held_limit (self, side, i, x))
      {
        if (apply)
          lane_make_room (self, side, i, left, TRUE);
        return i;
      }
  return self->n_lanes[side];
}

/* The least left from which find_lane or make_room (without dropping
 * labels) would find a lane on side: every lane's free end, and where
 * its last label could give up the rest of itself. */
static double
side_free_from (EntenteLayout *self,
                EntenteSide    side)
{
  double free_from = G_MAXDOUBLE;

  if (self->free_from_at[side] == self->lane_changes)
    return self->free_from[side];

  for (guint i = 0; i < self->n_lanes[side]; i++)
    {
      Lane *lane = &self->lanes[side][i];
      const EntenteEventItem *item = lane_last_item (self, lane);

      free_from = MIN (free_from, lane_end (self, lane) + ITEM_GAP);
      if (item != NULL)
        free_from = MIN (free_from, item_shortest_right (item) + ITEM_GAP);
    }
  self->free_from[side] = free_from;
  self->free_from_at[side] = self->lane_changes;
  return free_from;
}

static void
place_event (EntenteLayout   *self,
             const Candidate *candidate)
{
  const EntenteEvent *event = entente_dataset_get_event (self->dataset, candidate->event);
  EntenteSide side = side_for_event (self, event);
  guint n_lanes = self->n_lanes[side];
  double plot_right = rect_right (&self->plot);
  EntenteEventItem item = { 0, };
  double x = candidate->x;
  double natural, text_width, text_height, right_avail, left_avail, width, base_left, base_right, right_x;
  gboolean text_left = FALSE;
  gboolean labelled = TRUE;
  Slot slot;
  guint lane, first, hint;

  if (n_lanes == 0)
    return;

  self->placing_focus = candidate->focus;
  item.event = candidate->event;
  item.side = side;
  if (event->is_span)
    {
      double x1 = MIN (entente_layout_x_for_day (self, event->end_day), plot_right);

      /* A span that began before the view shows where the view begins. */
      x = MAX (x, self->plot.x + MARKER / 2);
      item.bar = (EntenteRect) { x - MARKER / 2, 0, MAX (x1 - x + MARKER / 2, MARKER), 0 };
    }
  item.x = x;
  item.marker = (EntenteRect) { x - MARKER / 2, 0, MARKER, MARKER };
  base_left = item.marker.x;
  base_right = MAX (x + MARKER / 2, rect_right (&item.bar));

  /* Where not even the marker can go, the event joins a cluster without
   * its label being measured: in a dense view most events end so. The
   * margin leaves what rounding could decide to the lanes themselves. */
  if (!candidate->focus &&
      (base_left < side_free_from (self, side) - 1e-6 ||
       (find_lane (self, side, 0, n_lanes, base_left, x, base_right) == n_lanes &&
        make_room (self, side, 0, n_lanes, base_left, x, base_right, FALSE) == n_lanes)))
    {
      add_to_cluster (self, side, candidate, x);
      return;
    }

  natural = label_size (self, candidate->event, &text_height);
  text_width = MIN (natural, MIN (MAX_LABEL_W, self->plot.width * 0.45));

  /* The label goes right of the marker, or left where the plot ends too
   * soon for it. A span's goes on its bar where it fits there whole, else
   * after the bar's end, where more of it shows: text that ran across the
   * end would be half on the bar's colour and half off it. */
  right_x = x + MARKER / 2 + LABEL_GAP;
  right_avail = plot_right - right_x - 2;
  if (event->is_span)
    {
      double bar_right = rect_right (&item.bar);
      double on_bar = bar_right - BAR_TEXT_PAD - right_x;
      double after_bar = plot_right - (bar_right + LABEL_GAP) - 2;

      if (on_bar < text_width && after_bar > on_bar)
        {
          right_x = bar_right + LABEL_GAP;
          right_avail = after_bar;
        }
      else
        right_avail = MIN (right_avail, on_bar);
    }
  left_avail = x - MARKER / 2 - LABEL_GAP - self->plot.x - 2;
  if (right_avail >= text_width || event->is_span || left_avail <= right_avail)
    width = MIN (text_width, right_avail);
  else
    {
      text_left = TRUE;
      width = MIN (text_width, left_avail);
    }

  /* The focus event, placed first into empty lanes, keeps out of the
   * one nearest the axis, where a cluster coming after it would take it
   * in. */
  first = candidate->focus && n_lanes > 1 ? 1 : 0;
  hint = hinted_lane (self, candidate->event, side, first);

  /* The first choice: the whole label, in the lane it had in the layout
   * shown before, or else the one nearest the axis that has room for it,
   * even if a neighbour's label must give up its end. */
  lane = n_lanes;
  if (width >= MIN (text_width, MIN_LABEL_W))
    {
      double left = text_left ? x - MARKER / 2 - LABEL_GAP - width : base_left;
      double right = text_left ? base_right : MAX (base_right, right_x + width);

      /* Its own lane even at the cost of a neighbour's end, before any
       * other free one: labels then move least under a drag. */
      if (hint < n_lanes &&
          (lane_free (self, side, hint, left) || lane_make_room (self, side, hint, left, TRUE)))
        lane = hint;
      else
        lane = find_lane (self, side, first, n_lanes, left, x, right);
      if (lane == n_lanes)
        lane = make_room (self, side, first, n_lanes, left, x, right, TRUE);
      if (lane < n_lanes)
        width = fit_width (natural, width);
    }

  /* Then an elided label, on whichever side leaves more of it. */
  for (guint k = 0; lane == n_lanes && k < n_lanes - first; k++)
    {
      guint i = nth_lane (k, first, hint, n_lanes);
      double free_from = lane_end (self, &self->lanes[side][i]) + ITEM_GAP;
      double room_left = x - MARKER / 2 - LABEL_GAP - MAX (free_from, self->plot.x + 2);
      double limit = held_limit (self, side, i, x);
      double room_right = MIN (right_avail, limit - right_x);

      if (free_from > base_left || base_right > limit)
        continue;
      if (event->is_span)
        room_left = 0;
      if (MAX (room_right, room_left) >= MIN_LABEL_W)
        {
          text_left = room_left > room_right;
          width = fit_width (natural, MIN (text_width, MAX (room_right, room_left)));
          lane = i;
        }
    }

  /* Then room taken from a neighbour's label, for the marker and as much
   * of this label as fits on its right. */
  if (lane == n_lanes)
    {
      lane = make_room (self, side, first, hint, base_left, x, base_right, TRUE);
      if (lane < n_lanes)
        {
          double room_right = MIN (right_avail, held_limit (self, side, lane, x) - right_x);

          text_left = FALSE;
          if (room_right >= MIN_LABEL_W)
            width = fit_width (natural, MIN (text_width, room_right));
          else
            labelled = FALSE;
        }
    }

  /* Then the bare marker: the event is still there to see and point at. */
  if (lane == n_lanes)
    {
      labelled = FALSE;
      lane = find_lane (self, side, first, hint, base_left, x, base_right);
    }

  if (lane == n_lanes)
    {
      add_to_cluster (self, side, candidate, x);
      return;
    }

  item.lane = lane;
  item.y = lane_y (self, side, lane);
  item.marker.y = item.y - MARKER / 2;
  if (item.bar.width > 0)
    {
      item.bar.y = item.y - 6;
      item.bar.height = 12;
    }
  if (labelled && width > 0)
    {
      double tx = text_left ? x - MARKER / 2 - LABEL_GAP - width : right_x;

      double height = MIN (text_height, self->row_h);

      item.text_rect = (EntenteRect) { tx, item.y - height / 2, width, height };
    }
  item_update_rect (self, &item);

  g_array_append_val (self->items, item);
  slot.is_cluster = FALSE;
  slot.index = self->items->len - 1;
  g_array_append_val (self->lanes[side][lane].slots, slot);
  lanes_changed (self);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->x != cb->x)
    return ca->x < cb->x ? -1 : 1;
  /* Stable: the dataset's order breaks ties. */
  if (ca->event != cb->event)
    return ca->event < cb->event ? -1 : 1;
  return 0;
}

static guint
count_visible (EntenteLayout *self,
               guint          first,
               guint          end)
{
  guint by[3];

  if (self->hidden_categories == NULL)
    return end - first;
  entente_dataset_count_actors_shown (self->dataset, first, end, self->hidden_categories, NULL, by);
  return by[0] + by[1] + by[2];
}

/* The shown events from first to end by side, into count, or only
 * those whose flag is set when flags is not NULL (a search's matches).
 * The dataset counts them by actor from the bytes it keeps for that,
 * not from the events. */
static void
count_sides (EntenteLayout  *self,
             guint           first,
             guint           end,
             const gboolean *flags,
             guint           count[3])
{
  guint by[3];

  count[ENTENTE_SIDE_ABOVE] = count[ENTENTE_SIDE_AXIS] = count[ENTENTE_SIDE_BELOW] = 0;
  entente_dataset_count_actors_shown (self->dataset, first, end, self->hidden_categories, flags, by);
  if (self->two_parties)
    {
      count[ENTENTE_SIDE_ABOVE] = by[0];
      count[ENTENTE_SIDE_BELOW] = by[1];
      count[ENTENTE_SIDE_AXIS] = by[2];
    }
  else
    count[ENTENTE_SIDE_ABOVE] = by[0] + by[1] + by[2];
}

/* A column of the plot while events are laid out: the events that begin
 * in it. */
typedef struct {
  double x0;
  double x1;
  gint64 from_day;
  gint64 to_day;
  guint  first;
  guint  end;
  /* The shown events by side, when a hidden category made them worth
   * keeping: counted one by one, they are counted once. */
  gboolean counted;
  guint    count[3];
  /* Likewise those a search matches, counted for a crowded column, for
   * its badge and its bars. */
  gboolean matches_counted;
  guint    matched[3];
} Column;

/* Whether the labels and markers placed so far take less than half the
 * lanes' length. Spans' bars do not count: a histogram passes behind
 * them as behind the bands, where between words it would be noise. */
static gboolean
lanes_mostly_empty (EntenteLayout *self)
{
  double covered = 0;
  guint n_lanes = self->n_lanes[ENTENTE_SIDE_ABOVE] + self->n_lanes[ENTENTE_SIDE_AXIS] +
                  self->n_lanes[ENTENTE_SIDE_BELOW];

  for (guint i = 0; i < self->items->len; i++)
    covered += MARKER + g_array_index (self->items, EntenteEventItem, i).text_rect.width;
  return covered < 0.5 * n_lanes * self->plot.width;
}

/* A bar of column from base: up for a negative height. */
static EntenteRect
bar_rect (const Column *column,
          double        base,
          double        height)
{
  return (EntenteRect) { column->x0, height < 0 ? base + height : base, column->x1 - column->x0, fabs (height) };
}

/* Events a column holds for each column's width of the plot: the
 * columns at the ends may be narrower or wider than the others. */
static double
column_density (const Column *column,
                guint         count)
{
  return count * COLUMN_W / MAX (column->x1 - column->x0, 1);
}

/* The histogram behind the lanes: every column's count, as bars that
 * grow from the axis's zone, as tall as the column is dense. Both sides
 * share one scale, and keep off the outer lane, where the party's name
 * is. */
static void
build_volume (EntenteLayout *self,
              GArray        *columns)
{
  double above_base = self->axis_y - self->axis_half;
  double below_base = self->axis_y + self->axis_half;
  double room = above_base - self->lanes_top - self->row_h;
  double densest = 0, matched_densest = 0, scale, matched_scale;

  if (self->two_parties)
    room = MIN (room, self->lanes_bottom - below_base - self->row_h);
  self->volume = g_array_sized_new (FALSE, FALSE, sizeof (EntenteVolume), columns->len);
  self->volume_max = 0;
  for (guint i = 0; i < columns->len && room > 0; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      EntenteVolume volume = { column->from_day, column->to_day, };

      if (column->counted)
        memcpy (volume.count, column->count, sizeof volume.count);
      else
        count_sides (self, column->first, column->end, NULL, volume.count);
      if (column->matches_counted)
        memcpy (volume.matched, column->matched, sizeof volume.matched);
      else if (self->matches != NULL)
        count_sides (self, column->first, column->end, self->matches, volume.matched);
      self->volume_max = MAX (self->volume_max, MAX (volume.count[ENTENTE_SIDE_ABOVE],
                                                     volume.count[ENTENTE_SIDE_BELOW]));
      densest = MAX (densest, column_density (column, MAX (volume.count[ENTENTE_SIDE_ABOVE],
                                                           volume.count[ENTENTE_SIDE_BELOW])));
      matched_densest = MAX (matched_densest, column_density (column, MAX (volume.matched[ENTENTE_SIDE_ABOVE],
                                                                           volume.matched[ENTENTE_SIDE_BELOW])));
      g_array_append_val (self->volume, volume);
    }
  scale = densest > 0 ? room / densest : 0;
  matched_scale = matched_densest > 0 ? room / matched_densest : 0;
  for (guint i = 0; i < self->volume->len; i++)
    {
      EntenteVolume *volume = &g_array_index (self->volume, EntenteVolume, i);
      const Column *column = &g_array_index (columns, Column, i);

      volume->above = bar_rect (column, above_base,
                                -scale * column_density (column, volume->count[ENTENTE_SIDE_ABOVE]));
      volume->below = bar_rect (column, below_base,
                                scale * column_density (column, volume->count[ENTENTE_SIDE_BELOW]));
      volume->matched_above = bar_rect (column, above_base,
                                        -matched_scale * column_density (column, volume->matched[ENTENTE_SIDE_ABOVE]));
      volume->matched_below = bar_rect (column, below_base,
                                        matched_scale * column_density (column, volume->matched[ENTENTE_SIDE_BELOW]));
    }
}

static void
set_up_lanes (EntenteLayout *self)
{
  double above_space, below_space;

  if (self->two_parties)
    {
      guint n_axis = AXIS_LANES;

      /* Joint events get a zone of their own around the axis where there
       * is room for it and two lanes a side; else only the axis. */
      if (self->lanes_bottom - self->lanes_top < AXIS_LANES * self->row_h + 4 * self->row_h)
        n_axis = 1;
      self->axis_y = floor ((self->lanes_top + self->lanes_bottom) / 2) + 0.5;
      self->axis_half = n_axis == 1 ? self->axis_row_h / 2 : n_axis * self->row_h / 2;
      above_space = self->axis_y - self->axis_half - self->lanes_top;
      below_space = self->lanes_bottom - self->axis_y - self->axis_half;
      self->n_lanes[ENTENTE_SIDE_ABOVE] = above_space > 0 ? (guint) (above_space / self->row_h) : 0;
      self->n_lanes[ENTENTE_SIDE_BELOW] = below_space > 0 ? (guint) (below_space / self->row_h) : 0;
      self->n_lanes[ENTENTE_SIDE_AXIS] = n_axis;
    }
  else
    {
      self->axis_y = floor (self->lanes_bottom - 6) + 0.5;
      self->axis_half = 4;
      above_space = self->axis_y - self->axis_half - self->lanes_top;
      self->n_lanes[ENTENTE_SIDE_ABOVE] = above_space > 0 ? (guint) (above_space / self->row_h) : 0;
      self->n_lanes[ENTENTE_SIDE_BELOW] = 0;
      self->n_lanes[ENTENTE_SIDE_AXIS] = 0;
    }

  for (guint side = 0; side < 3; side++)
    {
      self->lanes[side] = g_new0 (Lane, MAX (self->n_lanes[side], 1));
      for (guint i = 0; i < self->n_lanes[side]; i++)
        {
          self->lanes[side][i].start = -G_MAXDOUBLE / 4;
          self->lanes[side][i].slots = g_array_new (FALSE, FALSE, sizeof (Slot));
        }
    }
  /* No side's free place is known yet. */
  lanes_changed (self);
}

static void
layout_party_labels (EntenteLayout *self)
{
  /* The parties' names mark the two halves, at the far end of each from
   * the axis where lanes fill last. */
  for (guint i = 0; i < 2 && self->two_parties; i++)
    {
      EntenteSide side = i == 0 ? ENTENTE_SIDE_ABOVE : ENTENTE_SIDE_BELOW;
      guint n = self->n_lanes[side];
      g_autofree char *upper = NULL;
      g_autofree char *text = NULL;
      double width, height, y;
      PangoAttrList *attrs;

      if (n == 0)
        continue;
      upper = g_utf8_strup (entente_dataset_get_party (self->dataset, i), -1);
      text = g_strdup_printf ("%s %s", upper, i == 0 ? "↑" : "↓");
      self->party[i].text = new_text (self, ENTENTE_FONT_PARTY, text);
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
      pango_layout_set_attributes (self->party[i].text, attrs);
      pango_attr_list_unref (attrs);
      text_size (self->party[i].text, &width, &height);
      width = fit_text (self->party[i].text, self->plot.width / 3);
      y = lane_y (self, side, n - 1);
      self->party[i].rect = (EntenteRect) { self->plot.x + PARTY_PAD, y - height / 2, width, height };
      self->lanes[side][n - 1].start = rect_right (&self->party[i].rect);
      lanes_changed (self);
    }
}

/* Ends the dense stretch being gathered, if any: a candidate of its own. */
static void
flush_dense (GArray    *candidates,
             Candidate *dense)
{
  if (dense->count == 0)
    return;
  g_array_append_val (candidates, *dense);
  dense->count = 0;
}

/* Adds the events from first to end of column, count of them shown,
 * to the dense stretch being gathered; the column ends on day
 * column_end. */
static void
extend_dense (EntenteLayout *self,
              Candidate     *dense,
              const Column  *column,
              guint          first,
              guint          end,
              guint          count,
              gint64         column_end)
{
  const EntenteEvent *events = entente_dataset_get_events (self->dataset, NULL);

  if (count == 0)
    return;
  if (dense->count == 0)
    {
      dense->x = column->x0;
      dense->first = first;
      dense->from_day = events[first].start_day;
      dense->matched = 0;
    }
  dense->x1 = column->x1;
  dense->end = end;
  dense->count += count;
  dense->to_day = column_end;
  if (column->matches_counted && first == column->first && end == column->end)
    dense->matched += column->matched[0] + column->matched[1] + column->matched[2];
  else if (self->matches != NULL)
    {
      guint matched[3];

      count_sides (self, first, end, self->matches, matched);
      dense->matched += matched[0] + matched[1] + matched[2];
    }
}

static void
layout_events (EntenteLayout *self)
{
  EntenteDataset *dataset = self->dataset;
  guint n_events;
  const EntenteEvent *events = entente_dataset_get_events (dataset, &n_events);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  guint n_dense = 0;
  GArray *reaching = self->reaching;
  gint64 from = (gint64) ceil (self->viewport.from_day);
  gint64 to = (gint64) ceil (self->viewport.to_day);
  gint64 column_start = from;
  double column_days, grid_x, column_x, plot_right;
  guint first, end, n_columns, threshold;
  Candidate dense = { 0, };

  set_up_lanes (self);
  take_hints (self);
  /* Too narrow for even a cluster's badge: no events at all, rather
   * than some that do not fit. */
  if (self->plot.width < 4 * MIN_LABEL_W)
    return;
  layout_party_labels (self);
  if (self->n_lanes[ENTENTE_SIDE_ABOVE] == 0 || n_events == 0)
    return;

  first = entente_dataset_lower_bound (dataset, from);
  end = entente_dataset_lower_bound (dataset, to);
  column_x = self->plot.x;
  plot_right = rect_right (&self->plot);

  /* Events that began before the view and reach into it: those that
   * span its first whole day, and those of the part of a day before. */
  for (guint i = entente_dataset_lower_bound (dataset, (gint64) floor (self->viewport.from_day)); i < first; i++)
    g_array_append_val (reaching, i);
  for (guint k = 0; k < reaching->len; k++)
    {
      guint i = g_array_index (reaching, guint, k);

      if (event_visible (self, &events[i]))
        {
          Candidate candidate = { event_x (self, &events[i]), i, i == self->focus, };

          g_array_append_val (candidates, candidate);
        }
    }

  /* The rest, column by column. A column with more events than there are
   * lanes cannot show them one by one, so it is counted with two binary
   * searches and becomes (part of) a cluster without measuring anything:
   * at a coarse zoom the cost follows the width, not the dataset. */
  threshold = self->n_lanes[ENTENTE_SIDE_ABOVE] + self->n_lanes[ENTENTE_SIDE_BELOW] +
              self->n_lanes[ENTENTE_SIDE_AXIS];
  /* Columns keep to a grid fixed in time, not on the plot: panning
   * moves them with the events, which stay in the same columns, so that
   * neither the badges nor the histogram's bars change as they pass.
   * Less than half a column at either end of the plot joins its
   * neighbour. */
  column_days = COLUMN_W / self->px_per_day;
  grid_x = entente_layout_x_for_day (self, floor (self->viewport.from_day / column_days) * column_days);
  n_columns = 0;
  dense.event = NO_EVENT;
  /* On to the plot's end, past the last event: the histogram's rule
   * counts every column. */
  for (guint c = 0, prev = first; column_x < plot_right; c++)
    {
      double column_end_x = grid_x + (c + 1) * COLUMN_W;
      gboolean last = column_end_x >= plot_right - COLUMN_W / 2;
      gint64 column_end;
      guint next, count;
      Column column;

      if (!last && column_end_x - self->plot.x < COLUMN_W / 2)
        continue;
      if (last)
        column_end_x = plot_right;
      column_end = last ? to : MIN ((gint64) ceil (entente_layout_day_for_x (self, column_end_x)), to);
      next = column_end >= to ? end : entente_dataset_lower_bound (dataset, column_end);
      count = next - prev;
      column = (Column) { column_x, column_end_x, column_start, column_end, prev, next, };
      n_columns++;

      if (count > threshold && self->hidden_categories != NULL)
        {
          count_sides (self, prev, next, NULL, column.count);
          column.counted = TRUE;
          count = column.count[0] + column.count[1] + column.count[2];
        }
      if (count > threshold && self->matches != NULL)
        {
          count_sides (self, prev, next, self->matches, column.matched);
          column.matches_counted = TRUE;
        }
      n_dense += count > threshold;
      if (next > prev)
        g_array_append_val (columns, column);

      /* A stretch as wide as a cluster may be ends here. */
      if (column_end_x - dense.x > CLUSTER_MAX_W)
        flush_dense (candidates, &dense);
      if (count > threshold && self->focus >= prev && self->focus < next &&
          event_visible (self, &events[self->focus]))
        {
          /* The focus event is taken out of the count, to be placed on
           * its own. */
          Candidate focus = { event_x (self, &events[self->focus]), self->focus, TRUE, };

          extend_dense (self, &dense, &column, prev, self->focus,
                        count_visible (self, prev, self->focus), column_end);
          flush_dense (candidates, &dense);
          g_array_append_val (candidates, focus);
          extend_dense (self, &dense, &column, self->focus + 1, next,
                        count_visible (self, self->focus + 1, next), column_end);
        }
      else if (count > threshold)
        extend_dense (self, &dense, &column, prev, next, count, column_end);
      else
        {
          flush_dense (candidates, &dense);
          for (guint i = prev; i < next; i++)
            {
              if (event_visible (self, &events[i]))
                {
                  Candidate candidate = { event_x (self, &events[i]), i, i == self->focus, };

                  g_array_append_val (candidates, candidate);
                }
            }
        }
      prev = next;
      column_start = column_end;
      column_x = column_end_x;
    }
  flush_dense (candidates, &dense);

  g_array_sort (candidates, compare_candidates);
  /* The focus event goes first, into lanes still empty, and the others
   * find their places round it: in its order it could find every lane
   * taken by its neighbours. */
  for (guint i = 0; i < candidates->len; i++)
    if (g_array_index (candidates, Candidate, i).focus)
      {
        Candidate focus = g_array_index (candidates, Candidate, i);

        g_array_remove_index (candidates, i);
        g_array_prepend_val (candidates, focus);
        break;
      }

  self->cluster_builds = g_array_new (FALSE, FALSE, sizeof (ClusterBuild));
  self->cluster_members = g_array_new (FALSE, FALSE, sizeof (ClusterMember));
  self->cluster_ranges = g_array_new (FALSE, FALSE, sizeof (DenseRange));
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->event != NO_EVENT)
        place_event (self, candidate);
      else
        add_to_cluster (self, self->two_parties ? ENTENTE_SIDE_AXIS : ENTENTE_SIDE_ABOVE,
                        candidate, candidate->x);
    }

  /* A histogram where at least half the columns are counted, and the
   * events placed leave most of the lanes empty: behind lanes full of
   * labels it would only be noise. */
  if (n_dense > 0 && n_dense * 2 >= n_columns && lanes_mostly_empty (self))
    build_volume (self, columns);
}

static int
compare_dense (gconstpointer a,
               gconstpointer b)
{
  const DenseRange *da = a;
  const DenseRange *db = b;

  return da->first < db->first ? -1 : da->first > db->first;
}

/* A cluster of one point is just its marker, which fits where the badge
 * would have been. */
static gboolean
unwrap_cluster (EntenteLayout      *self,
                EntenteCluster     *cluster,
                const ClusterBuild *build)
{
  EntenteEventItem item = { 0, };
  guint event;

  /* A count of one without a dense stretch is one member. */
  if (cluster->count != 1 || build->n_ranges != 0)
    return FALSE;
  event = build->member;
  if (entente_dataset_get_event (self->dataset, event)->is_span ||
      cluster->x0 - MARKER / 2 < cluster->rect.x ||
      cluster->x0 + MARKER / 2 > rect_right (&cluster->rect))
    return FALSE;

  item.event = event;
  item.side = cluster->side;
  item.lane = cluster->lane;
  item.x = cluster->x0;
  item.y = cluster->y;
  item.marker = (EntenteRect) { item.x - MARKER / 2, item.y - MARKER / 2, MARKER, MARKER };
  item_update_rect (self, &item);
  g_array_append_val (self->items, item);
  return TRUE;
}

/* Whether the cluster of glyphs starting at glyph i of run may be cut
 * before: not when its character joins the one before (a combining mark,
 * a joiner, a variation selector or a skin tone). */
static gboolean
cut_allowed (PangoLayout    *text,
             PangoGlyphItem *run,
             int             i)
{
  gunichar c = g_utf8_get_char (pango_layout_get_text (text) + run->item->offset +
                                run->glyphs->log_clusters[i]);

  return !g_unichar_ismark (c) && c != 0x200C && c != 0x200D &&
         !(c >= 0xFE00 && c <= 0xFE0F) && !(c >= 0xE0100 && c <= 0xE01EF) &&
         !(c >= 0x1F3FB && c <= 0x1F3FF);
}

/* Where the shaped line of text must be cut to be at most budget wide,
 * as _entente_text_cut () describes; FALSE when it needs no cut. */
static gboolean
find_cut (PangoLayout             *text,
          const EntenteShapedText *shaped,
          int                      budget,
          EntenteTextCut          *cut)
{
  int x = 0;

  for (guint r = 0; r < shaped->runs->len; r++)
    {
      PangoGlyphItem *run = g_ptr_array_index (shaped->runs, r);
      PangoGlyphString *glyphs = run->glyphs;

      for (int i = 0; i < glyphs->num_glyphs;)
        {
          int j = i, width = 0;

          /* A cluster: glyphs of the same characters, kept together. */
          do
            width += glyphs->glyphs[j++].geometry.width;
          while (j < glyphs->num_glyphs && glyphs->log_clusters[j] == glyphs->log_clusters[i]);

          if (x + width > budget)
            {
              /* Back to a cluster that a cut may come before; a run
               * begins with one. */
              while (i > 0 && !cut_allowed (text, run, i))
                {
                  int k = i - 1;

                  while (k > 0 && glyphs->log_clusters[k - 1] == glyphs->log_clusters[k])
                    k--;
                  for (int g = k; g < i; g++)
                    x -= glyphs->glyphs[g].geometry.width;
                  i = k;
                }
              cut->run = r;
              cut->n_glyphs = i;
              cut->width = (double) x / PANGO_SCALE;
              return TRUE;
            }
          x += width;
          i = j;
        }
    }
  return FALSE;
}

gboolean
_entente_text_cut (PangoLayout    *text,
                   double          fits,
                   double          max_width,
                   EntenteTextCut *cut)
{
  /* Not const: it keeps the last cut, which is no part of its text. */
  EntenteShapedText *shaped = (EntenteShapedText *) _entente_shaped_text_get (text);
  /* In Pango units: the layout and the drawing make the same cut. */
  int budget = (int) floor (MAX (max_width, 0) * PANGO_SCALE);

  /* Only plain left-to-right text is shaped so, and cut. */
  if (shaped == NULL || shaped->width <= fits)
    return FALSE;

  if (shaped->cut_budget != budget)
    {
      shaped->cut_found = find_cut (text, shaped, budget, &shaped->cut);
      shaped->cut_budget = budget;
    }
  if (!shaped->cut_found)
    return FALSE;
  *cut = shaped->cut;
  return TRUE;
}

/* Gives a placed label its text. The shared layout of its title serves
 * whether the label kept its whole width or not: an elided label is
 * drawn cut, which spares shaping it again for every width a pan gives
 * it. Text that cannot be cut so gets an elided layout of its own. */
static void
make_label (EntenteLayout    *self,
            EntenteEventItem *item,
            EntenteTextCut   *cut)
{
  const EntenteEvent *event = entente_dataset_get_event (self->dataset, item->event);
  double allotted = item->text_rect.width;
  double ellipsis = self->ellipsis_width;
  double width;

  item->text = _entente_text_cache_get_label (self->cache, self->font_ids[ENTENTE_FONT_LABEL],
                                              item->event, &width, NULL);
  if (allotted < width)
    {
      if (_entente_text_cut (item->text, allotted, allotted - ellipsis, cut))
        width = MIN (cut->width + ellipsis, allotted);
      else
        {
          g_object_unref (item->text);
          item->text = new_text (self, ENTENTE_FONT_LABEL, event->title);
          width = elide_text (item->text, allotted);
        }
      /* A label left of its marker stays against it. */
      if (item->text_rect.x < item->x)
        item->text_rect.x += allotted - width;
    }
  item->text_rect.width = width;
  item_update_rect (self, item);
}

/* Drops what was evicted, gives the clusters their text and records
 * where every event went. */
static void
finish_events (EntenteLayout *self)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (EntenteEventItem));
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (EntenteCluster));
  /* Each cluster's number once those unwrapped are gone, or G_MAXUINT. */
  g_autofree guint *renumbered = g_new (guint, MAX (self->clusters->len, 1));

  for (guint i = 0; i < self->clusters->len; i++)
    {
      EntenteCluster *cluster = &g_array_index (self->clusters, EntenteCluster, i);

      renumbered[i] = G_MAXUINT;
      if (unwrap_cluster (self, cluster, &g_array_index (self->cluster_builds, ClusterBuild, i)))
        continue;
      renumbered[i] = clusters->len;
      g_array_append_val (clusters, *cluster);
    }
  /* No cluster has its text yet, so they move without copying any. */
  g_array_set_size (self->clusters, 0);
  g_array_append_vals (self->clusters, clusters->data, clusters->len);

  for (guint i = 0; i < self->items->len; i++)
    {
      EntenteEventItem *item = &g_array_index (self->items, EntenteEventItem, i);

      if (item->event == NO_EVENT)
        continue;
      EntenteTextCut cut = { 0, G_MAXUINT, 0 };

      if (item_has_label (item))
        make_label (self, item, &cut);
      g_array_append_val (self->placement, ((Placement) { item->event, items->len << 1 }));
      g_array_append_val (items, *item);
      g_array_append_val (self->cuts, cut);
      item->text = NULL; /* moved */
    }
  g_array_set_size (self->items, 0);
  g_array_append_vals (self->items, items->data, items->len);

  for (guint i = 0; i < self->clusters->len; i++)
    {
      EntenteCluster *cluster = &g_array_index (self->clusters, EntenteCluster, i);
      g_autofree char *number = entente_format_count (cluster->count);
      g_autofree char *count = g_strdup_printf ("+%s", number);

      /* The badge was sized for the count's digits when it was placed. */
      cluster->text = cached_text (self, ENTENTE_FONT_BADGE, count, NULL, NULL);
    }
  for (guint j = 0; j < self->cluster_members->len; j++)
    {
      const ClusterMember *member = &g_array_index (self->cluster_members, ClusterMember, j);
      guint i = renumbered[member->cluster];

      if (i == G_MAXUINT)
        continue;
      g_array_append_val (self->placement, ((Placement) { member->event, (i << 1) | 1 }));
      if (self->matches != NULL && self->matches[member->event])
        g_array_index (self->clusters, EntenteCluster, i).matched++;
    }
  for (guint j = 0; j < self->cluster_ranges->len; j++)
    {
      DenseRange range = g_array_index (self->cluster_ranges, DenseRange, j);

      range.cluster = renumbered[range.cluster];
      if (range.cluster == G_MAXUINT)
        continue;
      g_array_append_val (self->dense, range);
      g_array_index (self->clusters, EntenteCluster, range.cluster).matched += range.matched;
    }
  g_array_sort (self->dense, compare_dense);
}

static void
free_lanes (EntenteLayout *self)
{
  for (guint side = 0; side < 3; side++)
    {
      if (self->lanes[side] == NULL)
        continue;
      for (guint i = 0; i < self->n_lanes[side]; i++)
        g_array_unref (self->lanes[side][i].slots);
      g_clear_pointer (&self->lanes[side], g_free);
    }
  g_clear_pointer (&self->cluster_builds, g_array_unref);
  g_clear_pointer (&self->cluster_members, g_array_unref);
  g_clear_pointer (&self->cluster_ranges, g_array_unref);
  g_clear_pointer (&self->hints, g_array_unref);
  g_clear_pointer (&self->held, g_array_unref);
  g_clear_pointer (&self->held_at, g_free);
  self->previous = NULL;
}

/* The object */

static void
clear_band (gpointer data)
{
  g_clear_object (&((EntenteBand *) data)->text);
}

static void
clear_item (gpointer data)
{
  g_clear_object (&((EntenteEventItem *) data)->text);
}

static void
clear_cluster (gpointer data)
{
  g_clear_object (&((EntenteCluster *) data)->text);
}

static void
clear_legend_item (gpointer data)
{
  g_clear_object (&((EntenteLegendItem *) data)->text);
}

static void
clear_text_cb (gpointer data)
{
  clear_text (data);
}

static void
entente_layout_finalize (GObject *object)
{
  EntenteLayout *self = ENTENTE_LAYOUT (object);

  free_lanes (self);
  g_clear_object (&self->cache);
  g_clear_object (&self->ellipsis);
  g_clear_pointer (&self->cuts, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->legend_heads, g_array_unref);
  g_clear_pointer (&self->dense, g_array_unref);
  g_clear_pointer (&self->volume, g_array_unref);
  g_clear_pointer (&self->placement, g_array_unref);
  clear_text (&self->title);
  clear_text (&self->subtitle);
  clear_text (&self->range);
  clear_text (&self->footer);
  clear_text (&self->party[0]);
  clear_text (&self->party[1]);
  for (guint i = 0; i < ENTENTE_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->hidden_categories, g_free);
  g_clear_pointer (&self->hidden_kinds, g_free);
  g_clear_pointer (&self->style, entente_style_free);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (entente_layout_parent_class)->finalize (object);
}

static void
entente_layout_class_init (EntenteLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_layout_finalize;
}

static void
entente_layout_init (EntenteLayout *self)
{
  self->ticks = g_array_new (FALSE, TRUE, sizeof (EntenteTick));
  g_array_set_clear_func (self->ticks, clear_tick);
  self->bands = g_array_new (FALSE, TRUE, sizeof (EntenteBand));
  g_array_set_clear_func (self->bands, clear_band);
  self->items = g_array_new (FALSE, TRUE, sizeof (EntenteEventItem));
  g_array_set_clear_func (self->items, clear_item);
  self->clusters = g_array_new (FALSE, TRUE, sizeof (EntenteCluster));
  g_array_set_clear_func (self->clusters, clear_cluster);
  self->legend = g_array_new (FALSE, TRUE, sizeof (EntenteLegendItem));
  g_array_set_clear_func (self->legend, clear_legend_item);
  self->legend_heads = g_array_new (FALSE, TRUE, sizeof (Text));
  g_array_set_clear_func (self->legend_heads, clear_text_cb);
  self->dense = g_array_new (FALSE, FALSE, sizeof (DenseRange));
  self->cuts = g_array_new (FALSE, FALSE, sizeof (EntenteTextCut));
  self->placement = g_array_new (FALSE, FALSE, sizeof (Placement));
}

/* Text goes through the cache the caller keeps for its dataset, or
 * through one of the layout's own. */
static void
set_up_text (EntenteLayout    *self,
             EntenteTextCache *cache)
{
  self->cache = cache != NULL ? g_object_ref (cache) : entente_text_cache_new (self->dataset);
  self->context = g_object_ref (_entente_text_cache_get_context (self->cache));
  for (guint i = 0; i < ENTENTE_N_FONTS; i++)
    {
      self->fonts[i] = entente_style_get_font (self->style, i);
      self->font_ids[i] = _entente_text_cache_font_id (self->cache, self->fonts[i]);
    }
}

/* A row of text in the font of role: as tall as a line of it and room
 * above, or least. A line that another font fills out (an emoji, a
 * script the font lacks) may be taller still: its label takes the row's
 * height, and is drawn centred on it, so that rows never overlap. */
static double
text_row_height (EntenteLayout   *self,
                 EntenteFontRole  role,
                 double           least,
                 double           room)
{
  g_autoptr(PangoLayout) text = NULL;
  double height;

  text = cached_text (self, role, "Ag", NULL, &height);
  return MAX (least, ceil (height) + room);
}

EntenteLayout *
entente_layout_new (EntenteDataset             *dataset,
                    const EntenteViewport      *viewport,
                    const EntenteStyle         *style,
                    const EntenteLayoutOptions *options)
{
  EntenteLayout *self;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (viewport != NULL, NULL);
  g_return_val_if_fail (viewport->to_day > viewport->from_day, NULL);
  g_return_val_if_fail (viewport->width > 0 && viewport->height > 0, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (options == NULL || options->text_cache == NULL ||
                        _entente_text_cache_get_dataset (options->text_cache) == dataset, NULL);

  self = g_object_new (ENTENTE_TYPE_LAYOUT, NULL);
  self->dataset = g_object_ref (dataset);
  self->style = entente_style_copy (style);
  self->viewport = *viewport;
  if (!(self->viewport.scale > 0))
    self->viewport.scale = 1;
  self->chrome = options == NULL || !options->no_chrome;
  self->focus = options != NULL && options->has_focus &&
                options->focus_event < entente_dataset_get_n_events (dataset) ? options->focus_event : NO_EVENT;
  /* Kept only with a category hidden: without, what is shown is counted
   * by blocks of events, not one by one. */
  for (guint c = 0; options != NULL && options->hidden_categories != NULL && c < entente_dataset_get_n_categories (dataset); c++)
    if (options->hidden_categories[c])
      {
        self->hidden_categories = g_memdup2 (options->hidden_categories,
                                             sizeof (gboolean) * entente_dataset_get_n_categories (dataset));
        break;
      }
  if (options != NULL && options->hidden_kinds != NULL)
    self->hidden_kinds = g_memdup2 (options->hidden_kinds,
                                    sizeof (gboolean) * MAX (entente_dataset_get_n_period_kinds (dataset), 1));
  self->two_parties = entente_dataset_get_n_parties (dataset) == 2;
  self->matches = options != NULL ? options->matches : NULL;
  self->previous = options != NULL ? options->previous : NULL;

  set_up_text (self, options != NULL ? options->text_cache : NULL);
  self->row_h = text_row_height (self, ENTENTE_FONT_LABEL, ROW_H, ROW_ROOM);
  self->axis_row_h = AXIS_ROW_H + (self->row_h - ROW_H);
  self->band_row_h = text_row_height (self, ENTENTE_FONT_BAND, BAND_ROW_H, BAND_ROOM);
  self->tick_strip_h = text_row_height (self, ENTENTE_FONT_TICK, TICK_STRIP_H, TICK_ROOM);
  self->ellipsis = cached_text (self, ENTENTE_FONT_LABEL, "…", &self->ellipsis_width, NULL);

  /* The plot's width is needed for anything that depends on what is in
   * view (the footer); the chrome's widths do not depend on it. */
  self->plot = (EntenteRect) { 0, 0, viewport->width, viewport->height };
  self->px_per_day = viewport->width / (viewport->to_day - viewport->from_day);
  self->reaching = g_array_new (FALSE, FALSE, sizeof (guint));
  entente_dataset_collect_reaching (dataset, (gint64) floor (self->viewport.from_day), self->reaching);
  layout_chrome (self);
  self->px_per_day = self->plot.width / (self->viewport.to_day - self->viewport.from_day);

  layout_bands (self);
  self->lanes_bottom = self->plot.y + self->plot.height - self->tick_strip_h;
  if (self->lanes_bottom < self->lanes_top)
    self->lanes_bottom = self->lanes_top;
  layout_ticks (self);
  layout_events (self);
  g_clear_pointer (&self->reaching, g_array_unref);
  if (self->cluster_builds != NULL)
    finish_events (self);
  self->matches = NULL;
  free_lanes (self);
  /* What the layout made holds its own references. */
  g_clear_object (&self->cache);

  return self;
}

EntenteLayout *
entente_layout_new_for_selection (EntenteDataset             *dataset,
                                  const EntenteViewport      *viewport,
                                  const EntenteStyle         *style,
                                  const EntenteLayoutOptions *options,
                                  int                         selected_event)
{
  EntenteLayoutOptions focused = { 0, };
  EntenteLayout *layout = entente_layout_new (dataset, viewport, style, options);
  const EntenteEventItem *labelled;

  if (layout == NULL || selected_event < 0 ||
      entente_layout_find_event (layout, selected_event, NULL) == ENTENTE_PLACED_NONE)
    return layout;
  /* Labelled whole already: nothing for a focus to change. A label cut
   * short by a neighbour's is laid out again, as the focus keeps its
   * whole; one by the axis's badges would have to leave its lane for
   * that, and stays as it is. */
  labelled = entente_layout_find_labelled (layout, selected_event);
  if (labelled != NULL && (labelled->lane == 0 || entente_event_item_label_is_whole (labelled)))
    return layout;

  if (options != NULL)
    focused = *options;
  focused.has_focus = TRUE;
  focused.focus_event = selected_event;
  g_object_unref (layout);
  return entente_layout_new (dataset, viewport, style, &focused);
}

gboolean
entente_event_item_label_is_whole (const EntenteEventItem *item)
{
  PangoRectangle logical;

  g_return_val_if_fail (item != NULL, FALSE);

  if (item->text == NULL || pango_layout_is_ellipsized (item->text))
    return FALSE;
  pango_layout_get_extents (item->text, NULL, &logical);
  return (double) logical.width / PANGO_SCALE <= item->text_rect.width + 0.5;
}

/* Getters */

EntenteDataset *
entente_layout_get_dataset (EntenteLayout *self)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return self->dataset;
}

const EntenteStyle *
entente_layout_get_style (EntenteLayout *self)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return self->style;
}

const EntenteViewport *
entente_layout_get_viewport (EntenteLayout *self)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return &self->viewport;
}

void
entente_layout_get_plot_rect (EntenteLayout *self,
                              EntenteRect   *rect)
{
  g_return_if_fail (ENTENTE_IS_LAYOUT (self));
  g_return_if_fail (rect != NULL);
  *rect = self->plot;
}

double
entente_layout_get_axis_y (EntenteLayout *self)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), 0);
  return self->axis_y;
}

#define ARRAY_GETTER(name, Type, field)                             \
const Type *                                                        \
entente_layout_get_##name (EntenteLayout *self,                     \
                           guint         *n)                        \
{                                                                   \
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);            \
  if (n != NULL)                                                    \
    *n = self->field->len;                                          \
  return (const Type *) (gpointer) self->field->data;               \
}

ARRAY_GETTER (ticks, EntenteTick, ticks)
ARRAY_GETTER (bands, EntenteBand, bands)
ARRAY_GETTER (items, EntenteEventItem, items)
ARRAY_GETTER (clusters, EntenteCluster, clusters)
ARRAY_GETTER (legend, EntenteLegendItem, legend)

const EntenteVolume *
entente_layout_get_volume (EntenteLayout *self,
                           guint         *n_columns,
                           guint         *max)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);

  if (n_columns != NULL)
    *n_columns = self->volume != NULL ? self->volume->len : 0;
  if (max != NULL)
    *max = self->volume_max;
  return self->volume != NULL && self->volume->len > 0
         ? (const EntenteVolume *) (gpointer) self->volume->data : NULL;
}

static PangoLayout *
get_text (const Text  *text,
          EntenteRect *rect)
{
  if (rect != NULL)
    *rect = text->rect;
  return text->text;
}

PangoLayout *
entente_layout_get_title (EntenteLayout *self,
                          EntenteRect   *rect)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return get_text (&self->title, rect);
}

PangoLayout *
entente_layout_get_subtitle (EntenteLayout *self,
                             EntenteRect   *rect)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return get_text (&self->subtitle, rect);
}

PangoLayout *
entente_layout_get_range_text (EntenteLayout *self,
                               EntenteRect   *rect)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return get_text (&self->range, rect);
}

PangoLayout *
entente_layout_get_footer (EntenteLayout *self,
                           EntenteRect   *rect)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);
  return get_text (&self->footer, rect);
}

PangoLayout *
entente_layout_get_party_label (EntenteLayout *self,
                                EntenteSide    side,
                                EntenteRect   *rect)
{
  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);

  if (side == ENTENTE_SIDE_AXIS)
    {
      if (rect != NULL)
        *rect = (EntenteRect) { 0, };
      return NULL;
    }
  return get_text (&self->party[side == ENTENTE_SIDE_ABOVE ? 0 : 1], rect);
}

guint
_entente_layout_get_n_legend_heads (EntenteLayout *self)
{
  return self->legend_heads->len;
}

PangoLayout *
_entente_layout_get_legend_head (EntenteLayout *self,
                                 guint          index,
                                 EntenteRect   *rect)
{
  return get_text (&g_array_index (self->legend_heads, Text, index), rect);
}

PangoLayout *
_entente_layout_get_ellipsis (EntenteLayout *self)
{
  return self->ellipsis;
}

const EntenteTextCut *
_entente_layout_get_label_cut (EntenteLayout *self,
                               guint          item)
{
  const EntenteTextCut *cut;

  if (item >= self->cuts->len)
    return NULL;
  cut = &g_array_index (self->cuts, EntenteTextCut, item);
  return cut->n_glyphs == G_MAXUINT ? NULL : cut;
}

gboolean
_entente_layout_has_chrome (EntenteLayout *self)
{
  return self->chrome;
}

gboolean
_entente_layout_get_joint_zone (EntenteLayout *self,
                                double        *top,
                                double        *bottom)
{
  *top = self->axis_y - self->axis_half;
  *bottom = self->axis_y + self->axis_half;
  return self->n_lanes[ENTENTE_SIDE_AXIS] > 1;
}

void
_entente_layout_get_lanes (EntenteLayout *self,
                           double        *top,
                           double        *bottom)
{
  *top = self->lanes_top;
  *bottom = self->lanes_bottom;
}

/* Hit testing */

static int
compare_placement (gconstpointer a,
                   gconstpointer b)
{
  const Placement *pa = a, *pb = b;

  return pa->event < pb->event ? -1 : pa->event > pb->event;
}

EntentePlacement
entente_layout_find_event (EntenteLayout *self,
                           guint          event,
                           guint         *index)
{
  const Placement *placed;
  guint lo = 0, hi;

  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), ENTENTE_PLACED_NONE);

  /* Stable: of an event found twice, the last word is the later one. */
  if (!self->placement_sorted)
    {
      g_array_sort (self->placement, compare_placement);
      self->placement_sorted = TRUE;
    }
  placed = (const Placement *) (gpointer) self->placement->data;
  hi = self->placement->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (placed[mid].event <= event)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && placed[lo - 1].event == event)
    {
      if (index != NULL)
        *index = placed[lo - 1].packed >> 1;
      return (placed[lo - 1].packed & 1) ? ENTENTE_PLACED_CLUSTER : ENTENTE_PLACED_ITEM;
    }

  lo = 0;

  /* Dense stretches hold every shown event in their range. */
  hi = self->dense->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const DenseRange *range = &g_array_index (self->dense, DenseRange, mid);

      if (event < range->first)
        hi = mid;
      else if (event >= range->end)
        lo = mid + 1;
      else
        {
          const EntenteEvent *e = entente_dataset_get_event (self->dataset, event);

          if (category_hidden (self, e->category))
            return ENTENTE_PLACED_NONE;
          if (index != NULL)
            *index = range->cluster;
          return ENTENTE_PLACED_CLUSTER;
        }
    }
  return ENTENTE_PLACED_NONE;
}

const EntenteEventItem *
entente_layout_find_labelled (EntenteLayout *self,
                              guint          event)
{
  const EntenteEventItem *item;
  guint index;

  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);

  if (entente_layout_find_event (self, event, &index) != ENTENTE_PLACED_ITEM)
    return NULL;
  item = &g_array_index (self->items, EntenteEventItem, index);
  return item->text != NULL ? item : NULL;
}

gboolean
entente_layout_get_event_rect (EntenteLayout *self,
                               guint          event,
                               EntenteRect   *rect)
{
  guint index;

  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  switch (entente_layout_find_event (self, event, &index))
    {
    case ENTENTE_PLACED_ITEM:
      *rect = g_array_index (self->items, EntenteEventItem, index).rect;
      return TRUE;
    case ENTENTE_PLACED_CLUSTER:
      *rect = g_array_index (self->clusters, EntenteCluster, index).rect;
      return TRUE;
    case ENTENTE_PLACED_NONE:
    default:
      return FALSE;
    }
}

gboolean
entente_layout_hit_test (EntenteLayout *self,
                         double         x,
                         double         y,
                         EntenteHit    *hit)
{
  EntenteHit result = { ENTENTE_HIT_NONE, 0, ENTENTE_SIDE_AXIS };

  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), FALSE);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const EntenteLegendItem *item = &g_array_index (self->legend, EntenteLegendItem, i);

      if (entente_rect_contains (&item->rect, x, y))
        {
          result.type = item->type == ENTENTE_LEGEND_CATEGORY ? ENTENTE_HIT_LEGEND_CATEGORY
                                                              : ENTENTE_HIT_LEGEND_KIND;
          result.index = item->index;
          goto out;
        }
    }

  if (self->footer.text != NULL && entente_rect_contains (&self->footer.rect, x, y))
    {
      result.type = ENTENTE_HIT_SOURCES;
      goto out;
    }

  if (!entente_rect_contains (&self->plot, x, y))
    goto out;

  for (guint i = self->items->len; i > 0; i--)
    {
      const EntenteEventItem *item = &g_array_index (self->items, EntenteEventItem, i - 1);

      if (entente_rect_contains (&item->rect, x, y))
        {
          result.type = ENTENTE_HIT_EVENT;
          result.index = item->event;
          goto out;
        }
    }

  for (guint i = 0; i < self->clusters->len; i++)
    {
      const EntenteCluster *cluster = &g_array_index (self->clusters, EntenteCluster, i);

      if (entente_rect_contains (&cluster->rect, x, y))
        {
          result.type = ENTENTE_HIT_CLUSTER;
          result.index = i;
          goto out;
        }
    }

  /* A bar of the histogram, or of its matches where taller, made at
   * least a lane's height to point at. */
  for (guint i = 0; self->volume != NULL && i < self->volume->len; i++)
    {
      const EntenteVolume *volume = &g_array_index (self->volume, EntenteVolume, i);
      EntenteRect above = volume->above, below = volume->below;

      if (x < above.x || x >= rect_right (&above))
        continue;
      above.height = MAX (MAX (above.height, volume->matched_above.height), self->row_h);
      above.y = volume->above.y + volume->above.height - above.height;
      below.height = MAX (MAX (below.height, volume->matched_below.height), self->row_h);
      if (volume->count[ENTENTE_SIDE_ABOVE] > 0 && entente_rect_contains (&above, x, y))
        result.side = ENTENTE_SIDE_ABOVE;
      else if (volume->count[ENTENTE_SIDE_BELOW] > 0 && entente_rect_contains (&below, x, y))
        result.side = ENTENTE_SIDE_BELOW;
      else
        break;
      result.type = ENTENTE_HIT_VOLUME;
      result.index = i;
      goto out;
    }

  /* A band owns the pixels where it is at least half strength; later
   * bands are drawn over earlier ones. */
  for (guint i = self->bands->len; i > 0; i--)
    {
      const EntenteBand *band = &g_array_index (self->bands, EntenteBand, i - 1);

      if (x >= (band->x0 + band->x0_full) / 2 && x < (band->x1_full + band->x1) / 2)
        {
          result.type = ENTENTE_HIT_PERIOD;
          result.index = band->period;
          goto out;
        }
    }

out:
  if (hit != NULL)
    *hit = result;
  return result.type != ENTENTE_HIT_NONE;
}

static void
append_rect (GArray            *rects,
             PangoLayout       *text,
             const EntenteRect *rect)
{
  if (text != NULL)
    g_array_append_val (rects, *rect);
}

GArray *
entente_layout_collect_text_rects (EntenteLayout *self)
{
  GArray *rects;

  g_return_val_if_fail (ENTENTE_IS_LAYOUT (self), NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (EntenteRect));
  append_rect (rects, self->title.text, &self->title.rect);
  append_rect (rects, self->subtitle.text, &self->subtitle.rect);
  append_rect (rects, self->range.text, &self->range.rect);
  append_rect (rects, self->footer.text, &self->footer.rect);
  append_rect (rects, self->party[0].text, &self->party[0].rect);
  append_rect (rects, self->party[1].text, &self->party[1].rect);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      const EntenteTick *tick = &g_array_index (self->ticks, EntenteTick, i);

      append_rect (rects, tick->text, &tick->text_rect);
    }
  for (guint i = 0; i < self->bands->len; i++)
    {
      const EntenteBand *band = &g_array_index (self->bands, EntenteBand, i);

      append_rect (rects, band->text, &band->text_rect);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const EntenteEventItem *item = &g_array_index (self->items, EntenteEventItem, i);

      append_rect (rects, item->text, &item->text_rect);
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const EntenteCluster *cluster = &g_array_index (self->clusters, EntenteCluster, i);

      append_rect (rects, cluster->text, &cluster->rect);
    }
  for (guint i = 0; i < self->legend->len; i++)
    {
      const EntenteLegendItem *item = &g_array_index (self->legend, EntenteLegendItem, i);

      append_rect (rects, item->text, &item->text_rect);
    }
  for (guint i = 0; i < self->legend_heads->len; i++)
    {
      const Text *text = &g_array_index (self->legend_heads, Text, i);

      append_rect (rects, text->text, &text->rect);
    }
  return rects;
}
