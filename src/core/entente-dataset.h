/* entente-dataset.h: a validated "entente/1" dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-date.h"

G_BEGIN_DECLS

#define ENTENTE_FORMAT_VERSION "entente/1"

#define ENTENTE_DATASET_ERROR (entente_dataset_error_quark ())

typedef enum {
  ENTENTE_DATASET_ERROR_IO,          /* missing, unreadable, a directory */
  ENTENTE_DATASET_ERROR_TOO_LARGE,   /* file or value count over the limits */
  ENTENTE_DATASET_ERROR_ENCODING,    /* not UTF-8 */
  ENTENTE_DATASET_ERROR_SYNTAX,      /* not JSON, or nested too deeply */
  ENTENTE_DATASET_ERROR_FORMAT,      /* "format" missing or not entente/1 */
  ENTENTE_DATASET_ERROR_MISSING,     /* a required member is absent */
  ENTENTE_DATASET_ERROR_TYPE,        /* a member has the wrong JSON type */
  ENTENTE_DATASET_ERROR_VALUE,       /* empty id, bad actor list… */
  ENTENTE_DATASET_ERROR_DUPLICATE,   /* an id used twice in one array */
  ENTENTE_DATASET_ERROR_REFERENCE,   /* a kind/category/source/actor that does not resolve */
  ENTENTE_DATASET_ERROR_DATE,        /* not a valid EDTF date */
  ENTENTE_DATASET_ERROR_ORDER,       /* end before start */
  ENTENTE_DATASET_ERROR_COLOR,       /* not #rrggbb */
  ENTENTE_DATASET_ERROR_SOURCE_FILE, /* a source text that cannot be read or escapes its directory */
  ENTENTE_DATASET_ERROR_EXCERPT,     /* a quote that does not occur in its source text */
} EntenteDatasetError;

/* One problem found in a dataset. Exactly one of json_path and line is set:
 * syntax errors have a line and column, everything else a JSON path such
 * as "events[12].date". */
typedef struct {
  EntenteDatasetError code;
  char *file;      /* as the user named it */
  char *json_path; /* nullable */
  guint line;      /* 1-based, 0 when unknown */
  guint column;    /* 1-based, 0 when unknown */
  char *message;
} EntenteProblem;

GType           entente_problem_get_type (void) G_GNUC_CONST;
EntenteProblem *entente_problem_copy     (const EntenteProblem *problem);
void            entente_problem_free     (EntenteProblem       *problem);
/* "FILE: PATH: message" or "FILE:LINE:COL: message" */
char           *entente_problem_to_string (const EntenteProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteProblem, entente_problem_free)

typedef struct {
  const char *id;
  const char *title;
  const char *author;    /* nullable, as are the rest */
  const char *publisher;
  const char *date;      /* as written in the dataset */
  const char *url;
  const char *license;
  const char *file;
} EntenteSource;

/* A period kind or an event category: both are an id, a label and a colour. */
typedef struct {
  const char *id;
  const char *label;
  guint32     color;     /* 0xRRGGBB */
  gboolean    has_color;
} EntenteKind;

typedef struct {
  guint       source;    /* index into the sources */
  const char *quote;
  const char *locator;   /* nullable */
} EntenteExcerpt;

typedef struct {
  const char *id;
  guint       kind;          /* index into the period kinds */
  const char *label;
  EntenteDate start;
  EntenteDate end;
  const char *summary;       /* nullable */
  guint       first_excerpt; /* into the excerpts */
  guint       n_excerpts;
  guint       file_index;    /* position in the file's "periods" array */
} EntentePeriod;

#define ENTENTE_NO_CATEGORY  (-1)
#define ENTENTE_ACTOR_NONE   (-1)
#define ENTENTE_ACTOR_JOINT  (-2)

typedef struct {
  const char *id;
  EntenteDate date;
  EntenteDate end;           /* valid only when is_span */
  gboolean    is_span;
  const char *title;
  int         category;      /* index into the categories, or ENTENTE_NO_CATEGORY */
  int         actor;         /* index into the parties, or ENTENTE_ACTOR_* */
  const char *summary;       /* nullable */
  guint       first_excerpt;
  guint       n_excerpts;
  guint       file_index;    /* position in the file's "events" array */
  /* Cached from the dates, in days since 0001-01-01: the first day and
   * the day after the last (for a point, the day after its date). */
  gint64      start_day;
  gint64      end_day;
} EntenteEvent;

#define ENTENTE_TYPE_DATASET (entente_dataset_get_type ())
G_DECLARE_FINAL_TYPE (EntenteDataset, entente_dataset, ENTENTE, DATASET, GObject)

GQuark               entente_dataset_error_quark      (void);

/* Load and validate. On failure NULL is returned, error holds every
 * problem's line joined by newlines and, when problems is not NULL, it
 * receives each EntenteProblem. display_name is what messages call the
 * file; base_dir is where relative source files are looked up. */
EntenteDataset      *entente_dataset_new_from_file    (const char    *path,
                                                       GPtrArray    **problems,
                                                       GError       **error);
/* Told, on the thread that loads, how much of a load is done: a share
 * from 0 to 1 that only grows, by a thousandth at least (so a thousand
 * times at most), and is 1 once the dataset is complete. */
typedef void (*EntenteProgressFunc) (double   done,
                                     gpointer user_data);

/* The same, stopping between the phases of loading (reading, parsing,
 * building the model) with G_IO_ERROR_CANCELLED once cancellable is
 * cancelled, and telling progress (which may be NULL) how far it is. A
 * large file takes seconds: a window loads it on a thread, shows how
 * much is done and lets the user give up. */
EntenteDataset      *entente_dataset_new_from_file_full (const char          *path,
                                                       GCancellable        *cancellable,
                                                       EntenteProgressFunc  progress,
                                                       gpointer             progress_data,
                                                       GPtrArray          **problems,
                                                       GError             **error);
EntenteDataset      *entente_dataset_new_from_bytes   (GBytes        *bytes,
                                                       const char    *display_name,
                                                       const char    *base_dir,
                                                       GPtrArray    **problems,
                                                       GError       **error);
/* The dataset compiled into Entente. */
EntenteDataset      *entente_dataset_new_bundled      (GError       **error);
/* The bundled dataset's file, and its name: a template for a dataset of
 * one's own. */
GBytes              *entente_dataset_get_bundled_bytes (GError      **error);
const char          *entente_dataset_get_bundled_name (void);

/* Check every excerpt against its source's text file. A source's "file" is
 * looked up in sources_dir when given, else beside the dataset. Returns
 * FALSE and reports each excerpt that does not occur. */
gboolean             entente_dataset_verify_excerpts  (EntenteDataset *self,
                                                       const char     *sources_dir,
                                                       GPtrArray     **problems,
                                                       GError        **error);

const char          *entente_dataset_get_display_name (EntenteDataset *self);
const char          *entente_dataset_get_base_dir     (EntenteDataset *self);
const char          *entente_dataset_get_title        (EntenteDataset *self);
const char          *entente_dataset_get_subtitle     (EntenteDataset *self);
const char          *entente_dataset_get_description  (EntenteDataset *self);

guint                entente_dataset_get_n_parties    (EntenteDataset *self);
const char          *entente_dataset_get_party        (EntenteDataset *self,
                                                       guint           index);
/* "China", "Joint" (translated), or NULL for ENTENTE_ACTOR_NONE */
const char          *entente_dataset_get_actor_label  (EntenteDataset *self,
                                                       int             actor);

/* An event's category label, or NULL for ENTENTE_NO_CATEGORY */
const char          *entente_dataset_get_category_label (EntenteDataset *self,
                                                       int             category);

guint                entente_dataset_get_n_sources    (EntenteDataset *self);
const EntenteSource *entente_dataset_get_source       (EntenteDataset *self,
                                                       guint           index);
/* How much a source is used: the excerpts quoting it, and the events
 * and the periods with at least one of them. */
typedef struct {
  guint n_excerpts;
  guint n_events;
  guint n_periods;
} EntenteSourceUse;
/* One for each source, in the sources' order; g_free () it. */
EntenteSourceUse    *entente_dataset_count_source_uses (EntenteDataset *self);
/* Appends to events (guint), in the events' order, the index of every
 * event with an excerpt that quotes source. */
void                 entente_dataset_collect_quoting   (EntenteDataset *self,
                                                        guint           source,
                                                        GArray         *events);
/* The event's date, or its first and last dates when it is a span, as
 * a reader sees them wherever the event is named. */
char                *entente_event_format_dates        (const EntenteEvent *event);
/* Whether one of the event's excerpts quotes source. */
gboolean             entente_dataset_event_quotes      (EntenteDataset     *self,
                                                        const EntenteEvent *event,
                                                        guint               source);
guint                entente_dataset_get_n_period_kinds (EntenteDataset *self);
const EntenteKind   *entente_dataset_get_period_kind  (EntenteDataset *self,
                                                       guint           index);
guint                entente_dataset_get_n_categories (EntenteDataset *self);
const EntenteKind   *entente_dataset_get_category     (EntenteDataset *self,
                                                       guint           index);

/* Periods and events are sorted by start (then end, then file order). */
guint                entente_dataset_get_n_periods    (EntenteDataset *self);
const EntentePeriod *entente_dataset_get_period       (EntenteDataset *self,
                                                       guint           index);
guint                entente_dataset_get_n_events     (EntenteDataset *self);
const EntenteEvent  *entente_dataset_get_event        (EntenteDataset *self,
                                                       guint           index);
/* The whole array, for binary searches over start_day. */
const EntenteEvent  *entente_dataset_get_events       (EntenteDataset *self,
                                                       guint          *n_events);
guint                entente_dataset_get_n_excerpts   (EntenteDataset *self);
const EntenteExcerpt *entente_dataset_get_excerpt     (EntenteDataset *self,
                                                       guint           index);

/* First event whose start_day is >= day (n_events when none). */
guint                entente_dataset_lower_bound      (EntenteDataset *self,
                                                       gint64          day);
/* Of the events from first to end (in the dataset's order, end
 * excluded), how many the first party did (counts[0]), the second
 * (counts[1]) and both or neither (counts[2]); in time that follows the
 * dataset's blocks of 64 events, not the events between. */
void                 entente_dataset_count_actors     (EntenteDataset *self,
                                                       guint           first,
                                                       guint           end,
                                                       guint           counts[3]);
/* The same for only the events shown: in no hidden category
 * (hidden_categories, a flag per category, or NULL for none hidden) and
 * flagged (flags, one per event of the dataset, or NULL for all).
 * Without flags it counts by blocks as above, for each category where
 * there are up to 15; else one by one, reading the flags and a byte or
 * two per event, not the events. */
void                 entente_dataset_count_actors_shown (EntenteDataset *self,
                                                         guint           first,
                                                         guint           end,
                                                         const gboolean *hidden_categories,
                                                         const gboolean *flags,
                                                         guint           counts[3]);
/* Appends to events (guint), in order, the index of every event in no
 * hidden category (hidden_categories: a flag per category, or NULL for
 * none hidden) whose flag is set (flags: one per event, or NULL for
 * all). It reads a byte per event, and the flags, not the events. */
void                 entente_dataset_collect_events   (EntenteDataset *self,
                                                       const gboolean *hidden_categories,
                                                       const gboolean *flags,
                                                       GArray         *events);
/* Appends to events (guint) the index of every event that begins before
 * day and ends after it, in two runs each by start day. The cost follows
 * the events of the month before day and the long ones that could reach
 * it, not every event of the longest span before day. */
void                 entente_dataset_collect_reaching (EntenteDataset *self,
                                                       gint64          day,
                                                       GArray         *events);
/* Longest event span in days, so a search for what overlaps a range can
 * look back that far. */
gint64               entente_dataset_get_max_span_days (EntenteDataset *self);

/* The first and last day anything in the dataset covers (events and
 * periods). FALSE for a dataset with neither. */
gboolean             entente_dataset_get_range        (EntenteDataset *self,
                                                       gint64         *first_day,
                                                       gint64         *end_day);

G_END_DECLS
