/* entente-layout.h: where everything in a chart goes, for one viewport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

#include "entente-dataset.h"
#include "entente-style.h"
#include "entente-text-cache.h"

G_BEGIN_DECLS

/* What part of the timeline is shown, and on how many pixels. Days are
 * fractional so that a view can pan smoothly; to_day is exclusive. Width
 * and height are logical pixels; scale is device pixels per logical pixel,
 * used only to keep hairlines crisp. */
typedef struct {
  double from_day;
  double to_day;
  int    width;
  int    height;
  double scale;
} EntenteViewport;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} EntenteRect;

gboolean entente_rect_intersects (const EntenteRect *a,
                                  const EntenteRect *b);
gboolean entente_rect_contains   (const EntenteRect *rect,
                                  double             x,
                                  double             y);

/* What the layout leaves out or adds. All members may be zero. */
typedef struct {
  /* n_categories and n_period_kinds booleans, or NULL for none hidden:
   * the legend's toggles. Hidden entries stay in the legend, dimmed. */
  const gboolean *hidden_categories;
  const gboolean *hidden_kinds;
  /* Only the plot: no title, legend or footer. */
  gboolean        no_chrome;
  /* Text measured by earlier layouts of the dataset, kept for later
   * ones; NULL to measure everything afresh. */
  EntenteTextCache *text_cache;
  /* When has_focus, focus_event is placed before the events it shares
   * its place with, and kept out of any cluster while a lane has room:
   * the selected event, shown even where others crowd. */
  gboolean          has_focus;
  guint             focus_event;
  /* One flag per event while a search is active, or NULL: the histogram
   * then also counts the matches (see EntenteVolume). Read only while
   * the layout is made. */
  const gboolean   *matches;
  /* The layout shown just before this one, or NULL. Where it has the
   * same size and scale (the view has moved, an event was selected, a
   * category hidden), the events it placed go back to the lanes it gave
   * them wherever these have room, so that labels keep their places
   * while the view is dragged. Read only while the layout is made. */
  struct _EntenteLayout *previous;
} EntenteLayoutOptions;

typedef enum {
  ENTENTE_SIDE_ABOVE, /* the first party acted */
  ENTENTE_SIDE_AXIS,  /* both, or neither, or a dense stretch */
  ENTENTE_SIDE_BELOW, /* the second party acted */
} EntenteSide;

typedef struct {
  double       x;
  gint64       day;
  gboolean     major;
  PangoLayout *text;       /* NULL when the tick has no label */
  EntenteRect  text_rect;
} EntenteTick;

typedef struct {
  guint        period;     /* index into the dataset's periods */
  /* Canvas x of the band's outer edges and of where it reaches full
   * strength; they differ where a date is approximate or uncertain, and
   * the band fades in or out across the difference. */
  double       x0;
  double       x0_full;
  double       x1_full;
  double       x1;
  PangoLayout *text;       /* NULL when the label does not fit */
  EntenteRect  text_rect;
} EntenteBand;

typedef struct {
  guint        event;      /* index into the dataset's events */
  EntenteSide  side;
  guint        lane;       /* 0 is nearest the axis */
  double       x;          /* the date: marker centre, or a span's start */
  double       y;          /* centre of the lane */
  EntenteRect  marker;
  EntenteRect  bar;        /* width 0 for a point event */
  /* NULL when no room was left for a label. The layout may be wider
   * than text_rect: it is then drawn elided to the rect's width (the
   * whole title shaped once serves every width it is cut to). */
  PangoLayout *text;
  EntenteRect  text_rect;
  EntenteRect  rect;       /* everything above: what a pointer hits */
} EntenteEventItem;

typedef struct {
  EntenteSide  side;
  guint        lane;
  guint        count;
  /* The events it stands for lie within these: in the dataset's order,
   * and by the day each starts in the view (a span that began before
   * the view, on its first day); a zoom to [from_day, to_day) opens it
   * up. */
  guint        first_event;
  guint        last_event;
  gint64       from_day;
  gint64       to_day;
  double       x0;         /* the stretch of the axis it covers */
  double       x1;
  double       y;
  PangoLayout *text;       /* "+7" */
  EntenteRect  rect;       /* the badge */
  guint        matched;    /* of count, those that match the search the
                            * layout was made with; 0 without one */
} EntenteCluster;

/* A column of the plot where events are too many to show one by one: how
 * many begin in it, drawn as the bars of a histogram in the lanes they
 * leave empty, the first party's above the axis and the second's below
 * (the only party's above). */
typedef struct {
  gint64      from_day;   /* the column's days, to_day excluded */
  gint64      to_day;
  guint       count[3];   /* by EntenteSide */
  EntenteRect above;      /* the bars; height 0 for a count of 0 */
  EntenteRect below;
  /* With a search, how many of those match, and their bars on a scale
   * of their own, so that rare matches still show; 0 without. */
  guint       matched[3];
  EntenteRect matched_above;
  EntenteRect matched_below;
} EntenteVolume;

typedef enum {
  ENTENTE_LEGEND_PERIOD_KIND,
  ENTENTE_LEGEND_CATEGORY,
} EntenteLegendType;

typedef struct {
  EntenteLegendType type;
  guint        index;      /* period kind or category */
  gboolean     hidden;
  EntenteRect  swatch;
  PangoLayout *text;
  EntenteRect  text_rect;
  EntenteRect  rect;       /* swatch and text: what a click toggles */
} EntenteLegendItem;

typedef enum {
  ENTENTE_HIT_NONE,
  ENTENTE_HIT_EVENT,
  ENTENTE_HIT_CLUSTER,
  ENTENTE_HIT_PERIOD,
  ENTENTE_HIT_LEGEND_KIND,
  ENTENTE_HIT_LEGEND_CATEGORY,
  ENTENTE_HIT_VOLUME,
  ENTENTE_HIT_SOURCES,   /* the footer, which names the sources */
} EntenteHitType;

typedef struct {
  EntenteHitType type;
  /* An event, a cluster (into entente_layout_get_clusters()), a period,
   * a period kind, a category or a volume column (into
   * entente_layout_get_volume()). */
  guint          index;
  EntenteSide    side;    /* of a volume column's bar */
} EntenteHit;

/* Where an event ended up. */
typedef enum {
  ENTENTE_PLACED_NONE,    /* out of view or hidden */
  ENTENTE_PLACED_ITEM,
  ENTENTE_PLACED_CLUSTER,
} EntentePlacement;

#define ENTENTE_TYPE_LAYOUT (entente_layout_get_type ())
G_DECLARE_FINAL_TYPE (EntenteLayout, entente_layout, ENTENTE, LAYOUT, GObject)

/* Measures and places everything; drawing it afterwards is cheap. The
 * layout keeps a reference to dataset and a copy of style. The cost grows
 * with what is visible, not with the size of the dataset; with a text
 * cache, with what has come into view since the last layout. */
EntenteLayout          *entente_layout_new             (EntenteDataset             *dataset,
                                                        const EntenteViewport      *viewport,
                                                        const EntenteStyle         *style,
                                                        const EntenteLayoutOptions *options);

/* The same for a chart with selected_event selected (-1 for none): where
 * that event would be counted in a cluster, drawn without its label, or
 * with its label cut short by a neighbour's (not in the lane by the
 * axis), the layout is made again with the event as its focus, whose
 * label no neighbour may cut. Only then: a chart laid out round the
 * selection would move under the pointer each time an event on it is
 * clicked. The window and its exports agree so. */
EntenteLayout          *entente_layout_new_for_selection (EntenteDataset             *dataset,
                                                          const EntenteViewport      *viewport,
                                                          const EntenteStyle         *style,
                                                          const EntenteLayoutOptions *options,
                                                          int                         selected_event);

/* The whole dataset with a margin on each side: the view to start with. */
void                    entente_layout_default_range   (EntenteDataset             *dataset,
                                                        double                     *from_day,
                                                        double                     *to_day);

EntenteDataset         *entente_layout_get_dataset     (EntenteLayout *self);
const EntenteStyle     *entente_layout_get_style       (EntenteLayout *self);
const EntenteViewport  *entente_layout_get_viewport    (EntenteLayout *self);

/* The area the timeline is drawn in; time maps linearly onto its width. */
void                    entente_layout_get_plot_rect   (EntenteLayout *self,
                                                        EntenteRect   *rect);
double                  entente_layout_get_axis_y      (EntenteLayout *self);
double                  entente_layout_x_for_day       (EntenteLayout *self,
                                                        double         day);
double                  entente_layout_day_for_x       (EntenteLayout *self,
                                                        double         x);

const EntenteTick      *entente_layout_get_ticks       (EntenteLayout *self,
                                                        guint         *n_ticks);
const EntenteBand      *entente_layout_get_bands       (EntenteLayout *self,
                                                        guint         *n_bands);
const EntenteEventItem *entente_layout_get_items       (EntenteLayout *self,
                                                        guint         *n_items);
const EntenteCluster   *entente_layout_get_clusters    (EntenteLayout *self,
                                                        guint         *n_clusters);
/* The histogram of a view where at least half the columns have more
 * events than lanes; NULL, with *n_columns 0, elsewhere, where the lanes
 * are full of events. *max is the largest count of a bar. */
const EntenteVolume    *entente_layout_get_volume      (EntenteLayout *self,
                                                        guint         *n_columns,
                                                        guint         *max);
const EntenteLegendItem *entente_layout_get_legend     (EntenteLayout *self,
                                                        guint         *n_items);

/* The chart's own words: title, visible range, party labels, sources.
 * NULL when absent (or without chrome). The rects receive where each is
 * drawn and may be NULL. */
PangoLayout            *entente_layout_get_title       (EntenteLayout *self,
                                                        EntenteRect   *rect);
PangoLayout            *entente_layout_get_subtitle    (EntenteLayout *self,
                                                        EntenteRect   *rect);
PangoLayout            *entente_layout_get_range_text  (EntenteLayout *self,
                                                        EntenteRect   *rect);
PangoLayout            *entente_layout_get_footer      (EntenteLayout *self,
                                                        EntenteRect   *rect);
PangoLayout            *entente_layout_get_party_label (EntenteLayout *self,
                                                        EntenteSide    side,
                                                        EntenteRect   *rect);

/* What is at (x, y), topmost first: legend entries, the footer naming
 * the sources, events, clusters, then the period band under the point.
 * FALSE when nothing is. */
gboolean                entente_layout_hit_test        (EntenteLayout *self,
                                                        double         x,
                                                        double         y,
                                                        EntenteHit    *hit);
/* Where event went: as an item (index into the items) or inside a
 * cluster (index into the clusters). */
EntentePlacement        entente_layout_find_event      (EntenteLayout *self,
                                                        guint          event,
                                                        guint         *index);
/* The item that draws event as itself with its label, or NULL. */
const EntenteEventItem *entente_layout_find_labelled   (EntenteLayout *self,
                                                        guint          event);
/* Whether an item's label shows its whole title, not elided. */
gboolean                entente_event_item_label_is_whole (const EntenteEventItem *item);
/* The screen rectangle of an event, or of the cluster that holds it.
 * FALSE when it is not in view. */
gboolean                entente_layout_get_event_rect  (EntenteLayout *self,
                                                        guint          event,
                                                        EntenteRect   *rect);

/* Every label's rectangle (ticks, bands, events, clusters, legend, title,
 * range, parties, footer), for checks that nothing overlaps. Free with
 * g_array_unref. */
GArray                 *entente_layout_collect_text_rects (EntenteLayout *self);

G_END_DECLS
