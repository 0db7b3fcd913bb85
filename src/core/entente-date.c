/* entente-date.c: EDTF (ISO 8601-2 level 0/1) calendar dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "entente-date.h"

/* Our day 0 is 0001-01-01. The arithmetic below counts from 0000-03-01,
 * which puts the leap day at the end of each counted year; 306 days lie
 * between the two. */
#define DAYS_0000_03_01_TO_0001_01_01 306
#define DAYS_PER_400_YEARS 146097

G_DEFINE_QUARK (entente-date-error-quark, entente_date_error)

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

gboolean
entente_is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

guint
entente_days_in_month (gint64 year,
                       guint  month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  if (month == 2 && entente_is_leap_year (year))
    return 29;
  return days[month - 1];
}

gint64
entente_days_from_civil (gint64 year,
                         guint  month,
                         guint  day)
{
  gint64 era, year_of_era, day_of_year, day_of_era;
  guint march_based_month;

  if (month <= 2)
    year--;
  era = floor_div (year, 400);
  year_of_era = year - era * 400;
  march_based_month = (month + 9) % 12;
  day_of_year = (153 * march_based_month + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * DAYS_PER_400_YEARS + day_of_era - DAYS_0000_03_01_TO_0001_01_01;
}

void
entente_civil_from_days (gint64  days,
                         gint64 *year,
                         guint  *month,
                         guint  *day)
{
  gint64 z = days + DAYS_0000_03_01_TO_0001_01_01;
  gint64 era = floor_div (z, DAYS_PER_400_YEARS);
  gint64 day_of_era = z - era * DAYS_PER_400_YEARS;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                        - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 march_based_month = (5 * day_of_year + 2) / 153;
  guint m = march_based_month < 10 ? march_based_month + 3 : march_based_month - 9;

  if (year)
    *year = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
  if (month)
    *month = m;
  if (day)
    *day = day_of_year - (153 * march_based_month + 2) / 5 + 1;
}

static gboolean
parse_digits (const char **p,
              guint        n,
              int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

static char *month_name (guint    month,
                         gboolean standalone);

gboolean
entente_date_parse (const char   *text,
                    EntenteDate  *date,
                    GError      **error)
{
  const char *p = text;
  gboolean negative = FALSE;
  int year, month = 0, day = 0;
  EntenteDate result = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!parse_digits (&p, 4, &year))
    {
      g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_SYNTAX,
                   _("expected an EDTF date such as 1950, 1950-02 or 1950-02-14, "
                     "found “%s”"), text);
      return FALSE;
    }
  if (g_ascii_isdigit (*p))
    {
      g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_RANGE,
                   _("year out of range in “%s”: years have four digits "
                     "(%d to %d)"), text, ENTENTE_DATE_YEAR_MIN, ENTENTE_DATE_YEAR_MAX);
      return FALSE;
    }
  if (negative && year == 0)
    {
      g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_SYNTAX,
                   _("“%s” is not a year: write year zero (1 BCE) as 0000"), text);
      return FALSE;
    }
  result.year = negative ? -year : year;
  result.precision = ENTENTE_PRECISION_YEAR;

  if (*p == '-')
    {
      p++;
      if (!parse_digits (&p, 2, &month) || g_ascii_isdigit (*p))
        {
          g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_SYNTAX,
                       _("expected a two-digit month after the year in “%s”"), text);
          return FALSE;
        }
      if (month < 1 || month > 12)
        {
          g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_RANGE,
                       _("month %02d in “%s” does not exist: months run from 01 to 12"),
                       month, text);
          return FALSE;
        }
      result.month = month;
      result.precision = ENTENTE_PRECISION_MONTH;

      if (*p == '-')
        {
          guint last;

          p++;
          if (!parse_digits (&p, 2, &day) || g_ascii_isdigit (*p))
            {
              g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_SYNTAX,
                           _("expected a two-digit day after the month in “%s”"), text);
              return FALSE;
            }
          last = entente_days_in_month (result.year, month);
          if (day < 1 || (guint) day > last)
            {
              g_autofree char *name = month_name (month, TRUE);

              g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_RANGE,
                           /* TRANSLATORS: "day 30 in “1969-02-30” does not exist:
                            * February 1969 has 28 days"; the third %s is the
                            * month's name as it stands before a year */
                           _("day %02d in “%s” does not exist: %s %d has %u days"),
                           day, text, name, result.year, last);
              return FALSE;
            }
          result.day = day;
          result.precision = ENTENTE_PRECISION_DAY;
        }
    }

  switch (*p)
    {
    case '?':
      result.qualifier = ENTENTE_QUALIFIER_UNCERTAIN;
      p++;
      break;
    case '~':
      result.qualifier = ENTENTE_QUALIFIER_APPROXIMATE;
      p++;
      break;
    case '%':
      result.qualifier = ENTENTE_QUALIFIER_UNCERTAIN | ENTENTE_QUALIFIER_APPROXIMATE;
      p++;
      break;
    default:
      break;
    }

  if (*p != '\0')
    {
      g_set_error (error, ENTENTE_DATE_ERROR, ENTENTE_DATE_ERROR_SYNTAX,
                   _("unexpected “%s” at the end of the date “%s”: a date may end "
                     "only with ? (uncertain), ~ (approximate) or %% (both)"), p, text);
      return FALSE;
    }

  *date = result;
  return TRUE;
}

char *
entente_date_to_edtf (const EntenteDate *date)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (date != NULL, NULL);

  if (date->year < 0)
    g_string_append_printf (s, "-%04d", -date->year);
  else
    g_string_append_printf (s, "%04d", date->year);
  if (date->precision >= ENTENTE_PRECISION_MONTH)
    g_string_append_printf (s, "-%02u", date->month);
  if (date->precision >= ENTENTE_PRECISION_DAY)
    g_string_append_printf (s, "-%02u", date->day);

  switch (date->qualifier)
    {
    case ENTENTE_QUALIFIER_UNCERTAIN:
      g_string_append_c (s, '?');
      break;
    case ENTENTE_QUALIFIER_APPROXIMATE:
      g_string_append_c (s, '~');
      break;
    case ENTENTE_QUALIFIER_UNCERTAIN | ENTENTE_QUALIFIER_APPROXIMATE:
      g_string_append_c (s, '%');
      break;
    default:
      break;
    }

  return g_string_free (s, FALSE);
}

gint64
entente_date_start_day (const EntenteDate *date)
{
  switch (date->precision)
    {
    case ENTENTE_PRECISION_DAY:
      return entente_days_from_civil (date->year, date->month, date->day);
    case ENTENTE_PRECISION_MONTH:
      return entente_days_from_civil (date->year, date->month, 1);
    case ENTENTE_PRECISION_YEAR:
    default:
      return entente_days_from_civil (date->year, 1, 1);
    }
}

gint64
entente_date_end_day (const EntenteDate *date)
{
  switch (date->precision)
    {
    case ENTENTE_PRECISION_DAY:
      return entente_days_from_civil (date->year, date->month, date->day) + 1;
    case ENTENTE_PRECISION_MONTH:
      return entente_days_from_civil (date->year, date->month, 1)
             + entente_days_in_month (date->year, date->month);
    case ENTENTE_PRECISION_YEAR:
    default:
      return entente_days_from_civil ((gint64) date->year + 1, 1, 1);
    }
}

int
entente_date_compare (const EntenteDate *a,
                      const EntenteDate *b)
{
  gint64 sa = entente_date_start_day (a), sb = entente_date_start_day (b);
  gint64 ea, eb;

  if (sa != sb)
    return sa < sb ? -1 : 1;
  ea = entente_date_end_day (a);
  eb = entente_date_end_day (b);
  if (ea != eb)
    return ea < eb ? -1 : 1;
  return 0;
}

char *
entente_format_year (gint64 year)
{
  if (year >= 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);

  /* Astronomical year 0 is 1 BCE; there is no year 0 in the BCE/CE count. */
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, 1 - year);
  /* TRANSLATORS: a year before the common era, e.g. "221 BCE" */
  return g_strdup_printf (_("%s BCE"), number);
}

char *
entente_format_count (guint count)
{
  /* The ' flag groups digits as LC_NUMERIC says. */
  return g_strdup_printf ("%'u", count);
}

/* Month names come from the C library through GDateTime, so they follow
 * the user's locale. Many languages decline a month after a day number
 * ("14 февраля") but not standing alone ("февраль 1950"): %B gives the
 * former and %OB the latter. The GDateTime formats are translatable, so
 * that languages which write the month as a number ("1950年2月14日") can
 * use %-m instead of a name. */
static char *
month_name (guint    month,
            gboolean standalone)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
  const char *format;
  char *text;

  if (standalone)
    /* TRANSLATORS: the month of a month-and-year date ("March 1969"), as a
     * g_date_time_format() format: %OB is the month's name standing alone,
     * %-m its number. Do not translate it otherwise. */
    format = C_("month and year", "%OB");
  else
    /* TRANSLATORS: the month of a full date ("14 February 1950"), as a
     * g_date_time_format() format: %B is the month's name as it follows a
     * day number, %-m its number. Do not translate it otherwise. */
    format = C_("full date", "%B");

  text = g_date_time_format (dt, format);
  if (text == NULL)
    text = g_date_time_format (dt, standalone ? "%OB" : "%B");
  return text;
}

char *
entente_date_format (const EntenteDate *date)
{
  g_autofree char *year = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *month = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  year = entente_format_year (date->year);

  switch (date->precision)
    {
    case ENTENTE_PRECISION_DAY:
      month = month_name (date->month, FALSE);
      /* TRANSLATORS: day, month name, year: "14 February 1950". Reorder
       * with %2$s etc. if your language needs it. The month is written
       * as the "%B" string of this context says. */
      plain = g_strdup_printf (C_("full date", "%1$u %2$s %3$s"),
                               (guint) date->day, month, year);
      break;
    case ENTENTE_PRECISION_MONTH:
      month = month_name (date->month, TRUE);
      /* TRANSLATORS: month name and year: "March 1969". The month is
       * written as the "%OB" string of this context says. */
      plain = g_strdup_printf (C_("month and year", "%1$s %2$s"), month, year);
      break;
    case ENTENTE_PRECISION_YEAR:
    default:
      plain = g_steal_pointer (&year);
      break;
    }

  switch (date->qualifier)
    {
    case ENTENTE_QUALIFIER_APPROXIMATE:
      /* TRANSLATORS: an approximate date: "c. 1689" */
      return g_strdup_printf (_("c. %s"), plain);
    case ENTENTE_QUALIFIER_UNCERTAIN:
      /* TRANSLATORS: an uncertain date: "1958?" */
      return g_strdup_printf (_("%s?"), plain);
    case ENTENTE_QUALIFIER_UNCERTAIN | ENTENTE_QUALIFIER_APPROXIMATE:
      /* TRANSLATORS: a date both approximate and uncertain: "c. 1958?" */
      return g_strdup_printf (_("c. %s?"), plain);
    default:
      return g_steal_pointer (&plain);
    }
}

EntenteDate
entente_date_of_day (gint64           day,
                     EntentePrecision precision)
{
  EntenteDate date = { 0 };
  gint64 year;
  guint month, mday;

  entente_civil_from_days (day, &year, &month, &mday);
  date.year = (gint16) CLAMP (year, ENTENTE_DATE_YEAR_MIN, ENTENTE_DATE_YEAR_MAX);
  date.precision = precision;
  date.month = precision >= ENTENTE_PRECISION_MONTH ? month : 0;
  date.day = precision >= ENTENTE_PRECISION_DAY ? mday : 0;
  return date;
}

char *
entente_format_days (double from_day,
                     double to_day)
{
  double span = to_day - from_day;
  gint64 first = (gint64) floor (from_day);
  gint64 last = (gint64) ceil (to_day) - 1;
  EntentePrecision precision;
  EntenteDate a, b;

  if (span > 3 * 365.25)
    precision = ENTENTE_PRECISION_YEAR;
  else if (span > 62)
    precision = ENTENTE_PRECISION_MONTH;
  else
    precision = ENTENTE_PRECISION_DAY;

  a = entente_date_of_day (first, precision);
  b = entente_date_of_day (MAX (first, last), precision);
  /* One date where both are the same at this precision. */
  return entente_date_format_range (&a, a.year == b.year && a.month == b.month && a.day == b.day ? NULL : &b);
}

char *
entente_date_format_range (const EntenteDate *start,
                           const EntenteDate *end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (start != NULL, NULL);

  from = entente_date_format (start);
  if (end == NULL)
    return g_steal_pointer (&from);
  to = entente_date_format (end);
  /* TRANSLATORS: a span of dates, "1950 – 1960" */
  return g_strdup_printf (_("%s – %s"), from, to);
}
