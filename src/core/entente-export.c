/* entente-export.c: write a chart to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente-export.h"
#include "entente-layout.h"
#include "entente-render.h"

#define MIN_SIZE   16
#define MAX_SIZE   16384
#define MIN_SCALE  0.5
#define MAX_SCALE  8.0
/* An ARGB image of this many pixels takes 256 MiB: enough for a poster,
 * and a limit on what a mistyped size can make us allocate. */
#define MAX_PIXELS (64.0 * 1024 * 1024)

G_DEFINE_QUARK (entente-export-error-quark, entente_export_error)

void
entente_export_options_init (EntenteExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->width = 1600;
  options->height = 900;
  options->scale = 1;
  options->text_scale = 1;
  options->dark = FALSE;
  options->selected_event = -1;
  options->selected_period = -1;
}

gboolean
entente_export_format_from_path (const char           *path,
                                 EntenteExportFormat  *format,
                                 GError              **error)
{
  static const struct {
    const char          *extension;
    EntenteExportFormat  format;
  } formats[] = {
    { ".png", ENTENTE_EXPORT_PNG },
    { ".svg", ENTENTE_EXPORT_SVG },
    { ".pdf", ENTENTE_EXPORT_PDF },
  };
  g_autofree char *base = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    {
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          if (g_ascii_strcasecmp (dot, formats[i].extension) == 0)
            {
              if (format != NULL)
                *format = formats[i].format;
              return TRUE;
            }
        }
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_FORMAT,
                   _("%s: Unknown file type “%s”: the name must end in .png, .svg or .pdf"),
                   path, dot);
      return FALSE;
    }

  g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_FORMAT,
               _("%s: No file type: the name must end in .png, .svg or .pdf"), path);
  return FALSE;
}

static gboolean
check_options (EntenteDataset             *dataset,
               const EntenteExportOptions *options,
               const char                 *path,
               EntenteExportFormat         format,
               GError                    **error)
{
  gint64 min_day = entente_days_from_civil (ENTENTE_DATE_YEAR_MIN, 1, 1);
  gint64 max_day = entente_days_from_civil (ENTENTE_DATE_YEAR_MAX + 1, 1, 1);

  if (options->width < MIN_SIZE || options->width > MAX_SIZE)
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_SIZE,
                   _("%s: A width of %d is out of range: it must be %d–%d"),
                   path, options->width, MIN_SIZE, MAX_SIZE);
      return FALSE;
    }
  if (options->height < MIN_SIZE || options->height > MAX_SIZE)
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_SIZE,
                   _("%s: A height of %d is out of range: it must be %d–%d"),
                   path, options->height, MIN_SIZE, MAX_SIZE);
      return FALSE;
    }
  /* Written so that NaN fails too. */
  if (!(options->scale >= MIN_SCALE && options->scale <= MAX_SCALE))
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_SIZE,
                   _("%s: A scale of %g is out of range: it must be %g–%g"),
                   path, options->scale, MIN_SCALE, MAX_SCALE);
      return FALSE;
    }
  if (format == ENTENTE_EXPORT_PNG &&
      ceil (options->width * options->scale) * ceil (options->height * options->scale) > MAX_PIXELS)
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_SIZE,
                   _("%s: %.0f × %.0f pixels is too large: at most %.0f pixels"),
                   path, ceil (options->width * options->scale),
                   ceil (options->height * options->scale), MAX_PIXELS);
      return FALSE;
    }

  if (options->has_range)
    {
      if (options->from_day < min_day || options->to_day > max_day)
        {
          g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_RANGE,
                       _("%s: The range reaches beyond the years %d–%d"),
                       path, ENTENTE_DATE_YEAR_MIN, ENTENTE_DATE_YEAR_MAX);
          return FALSE;
        }
      if (options->to_day <= options->from_day)
        {
          g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_RANGE,
                       _("%s: The range is empty: it must end after it starts"), path);
          return FALSE;
        }
    }

  if (options->selected_event >= (int) entente_dataset_get_n_events (dataset))
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_RANGE,
                   _("%s: There is no event %d to select"), path, options->selected_event);
      return FALSE;
    }
  if (options->selected_period >= (int) entente_dataset_get_n_periods (dataset))
    {
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_RANGE,
                   _("%s: There is no period %d to select"), path, options->selected_period);
      return FALSE;
    }
  return TRUE;
}

/* Where cairo's output goes, and the first thing that went wrong. */
typedef struct {
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_chart (EntenteDataset             *dataset,
            const EntenteExportOptions *options,
            double                      from_day,
            double                      to_day,
            double                      scale,
            cairo_t                    *cr)
{
  g_autoptr(EntenteStyle) style = entente_style_new_full (options->dark, options->high_contrast);
  g_autoptr(EntenteLayout) layout = NULL;
  EntenteViewport viewport = { from_day, to_day, options->width, options->height, scale };
  EntenteLayoutOptions layout_options = { 0, };
  EntenteRenderState state;

  if (options->text_scale != 1)
    entente_style_scale_text (style, options->text_scale);
  /* On paper the page is the canvas: a grey one only costs ink. */
  if (options->on_paper && !options->dark)
    style->background = entente_color_from_rgb (0xffffff);
  layout_options.hidden_categories = options->hidden_categories;
  layout_options.hidden_kinds = options->hidden_kinds;
  layout_options.matches = options->matches;
  layout_options.previous = options->previous;
  layout = entente_layout_new_for_selection (dataset, &viewport, style, &layout_options,
                                             options->selected_event);
  entente_render_state_init (&state);
  state.selected_event = options->selected_event;
  state.selected_period = options->selected_period;
  state.matches = options->matches;
  entente_render_draw (layout, style, &state, cr);
}

static cairo_surface_t *
new_image (const EntenteExportOptions *options)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                     (int) ceil (options->width * options->scale),
                                     (int) ceil (options->height * options->scale));
}

/* Draws the chart on surface, made for format. */
static cairo_status_t
draw_on (cairo_surface_t            *surface,
         EntenteDataset             *dataset,
         const EntenteExportOptions *options,
         EntenteExportFormat         format,
         double                      from_day,
         double                      to_day)
{
  cairo_status_t status;
  cairo_t *cr = cairo_create (surface);

  if (format == ENTENTE_EXPORT_PNG)
    cairo_scale (cr, options->scale, options->scale);
  draw_chart (dataset, options, from_day, to_day,
              format == ENTENTE_EXPORT_PNG ? options->scale : 1, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  return status;
}

static cairo_status_t
write_chart (EntenteDataset             *dataset,
             const EntenteExportOptions *options,
             EntenteExportFormat         format,
             double                      from_day,
             double                      to_day,
             Sink                       *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  switch (format)
    {
    case ENTENTE_EXPORT_PNG:
      surface = new_image (options);
      break;
    case ENTENTE_EXPORT_SVG:
      /* Vector sizes are in points: one point for each logical pixel. */
      surface = cairo_svg_surface_create_for_stream (sink_write, sink,
                                                     options->width, options->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    case ENTENTE_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (sink_write, sink,
                                                     options->width, options->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      entente_dataset_get_title (dataset));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entente");
      break;
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return status;
    }

  status = draw_on (surface, dataset, options, format, from_day, to_day);
  if (status == CAIRO_STATUS_SUCCESS && format == ENTENTE_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, sink);
  /* Vector surfaces write out as they finish. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* The range an export shows: the one asked for, or the whole. */
static void
export_range (EntenteDataset             *dataset,
              const EntenteExportOptions *options,
              double                     *from_day,
              double                     *to_day)
{
  if (options->has_range)
    {
      *from_day = options->from_day;
      *to_day = options->to_day;
    }
  else
    entente_layout_default_range (dataset, from_day, to_day);
}

cairo_surface_t *
entente_export_to_image (EntenteDataset             *dataset,
                         const EntenteExportOptions *options,
                         GError                    **error)
{
  const char *name;
  cairo_surface_t *surface;
  cairo_status_t status;
  double from_day, to_day;

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* With no file, the messages name the chart by its title. */
  name = entente_dataset_get_title (dataset);
  if (!check_options (dataset, options, name, ENTENTE_EXPORT_PNG, error))
    return NULL;
  export_range (dataset, options, &from_day, &to_day);

  surface = new_image (options);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = draw_on (surface, dataset, options, ENTENTE_EXPORT_PNG, from_day, to_day);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE,
                   _("%s: Cannot draw the chart: %s"), name, cairo_status_to_string (status));
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}

void
entente_export_draw (EntenteDataset             *dataset,
                     const EntenteExportOptions *options,
                     cairo_t                    *cr)
{
  double from_day, to_day;

  g_return_if_fail (ENTENTE_IS_DATASET (dataset));
  g_return_if_fail (options != NULL && cr != NULL);
  g_return_if_fail (options->width > 0 && options->height > 0);
  g_return_if_fail (!options->has_range || options->to_day > options->from_day);

  export_range (dataset, options, &from_day, &to_day);
  cairo_save (cr);
  draw_chart (dataset, options, from_day, to_day, 1, cr);
  cairo_restore (cr);
}

static gboolean
write_error (GError    **error,
             const char *path,
             int         saved_errno)
{
  g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE,
               _("%s: Cannot write: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
entente_export_to_file (EntenteDataset             *dataset,
                        const EntenteExportOptions *options,
                        const char                 *path,
                        GError                    **error)
{
  EntenteExportFormat format;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  GStatBuf st;
  double from_day, to_day;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (ENTENTE_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Everything that can be checked is checked before a file exists. */
  if (!entente_export_format_from_path (path, &format, error) ||
      !check_options (dataset, options, path, format, error))
    return FALSE;

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      /* A directory, or a device such as /dev/full: never renamed over. */
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE,
                   _("%s: Cannot write: %s"), path,
                   S_ISDIR (st.st_mode) ? g_strerror (EISDIR) : _("Not a regular file"));
      return FALSE;
    }

  export_range (dataset, options, &from_day, &to_day);

  /* The chart is written beside its destination, under a hidden name,
   * and renamed into place only once it is complete: a reader never sees
   * half a file, and a failure leaves whatever was there before. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY, 0666);
  if (sink.fd < 0)
    return write_error (error, path, errno);

  status = write_chart (dataset, options, format, from_day, to_day, &sink);

  if (close (sink.fd) != 0 && sink.saved_errno == 0)
    sink.saved_errno = errno;

  if (sink.saved_errno != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (sink.saved_errno != 0)
        return write_error (error, path, sink.saved_errno);
      g_set_error (error, ENTENTE_EXPORT_ERROR, ENTENTE_EXPORT_ERROR_WRITE,
                   _("%s: Cannot draw the chart: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return write_error (error, path, saved_errno);
    }
  return TRUE;
}
