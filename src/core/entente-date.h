/* entente-date.h: EDTF (ISO 8601-2 level 0/1) calendar dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Years are astronomical: 0 is 1 BCE, -1 is 2 BCE. EDTF writes them with
 * four digits, so this is the whole representable range. */
#define ENTENTE_DATE_YEAR_MIN (-9999)
#define ENTENTE_DATE_YEAR_MAX 9999

typedef enum {
  ENTENTE_PRECISION_YEAR,
  ENTENTE_PRECISION_MONTH,
  ENTENTE_PRECISION_DAY,
} EntentePrecision;

typedef enum {
  ENTENTE_QUALIFIER_NONE        = 0,
  ENTENTE_QUALIFIER_UNCERTAIN   = 1 << 0, /* "?" */
  ENTENTE_QUALIFIER_APPROXIMATE = 1 << 1, /* "~" ; both together are "%" */
} EntenteQualifier;

typedef struct {
  gint16 year;
  guint8 month;     /* 1–12, or 0 when precision is YEAR */
  guint8 day;       /* 1–31, or 0 when precision is below DAY */
  guint8 precision; /* EntentePrecision */
  guint8 qualifier; /* EntenteQualifier flags */
} EntenteDate;

#define ENTENTE_DATE_ERROR (entente_date_error_quark ())

typedef enum {
  ENTENTE_DATE_ERROR_SYNTAX,
  ENTENTE_DATE_ERROR_RANGE,
} EntenteDateError;

GQuark   entente_date_error_quark     (void);

gboolean entente_date_parse           (const char        *text,
                                       EntenteDate       *date,
                                       GError           **error);
char    *entente_date_to_edtf         (const EntenteDate *date);

/* Days since 0001-01-01 in the proleptic Gregorian calendar (negative
 * before it). start is the first day the date covers, end the day after
 * its last, so "1950" spans 365 days and "1950-02" 28. */
gint64   entente_date_start_day       (const EntenteDate *date);
gint64   entente_date_end_day         (const EntenteDate *date);
/* The date of that precision that holds day, its year kept within the
 * years a date can have. */
EntenteDate entente_date_of_day       (gint64             day,
                                       EntentePrecision   precision);

gint64   entente_days_from_civil      (gint64             year,
                                       guint              month,
                                       guint              day);
void     entente_civil_from_days      (gint64             days,
                                       gint64            *year,
                                       guint             *month,
                                       guint             *day);
gboolean entente_is_leap_year         (gint64             year);
guint    entente_days_in_month        (gint64             year,
                                       guint              month);

int      entente_date_compare         (const EntenteDate *a,
                                       const EntenteDate *b);

/* "14 February 1950", "March 1969", "c. 1689", "1958?", "221 BCE",
 * in the user's locale. */
char    *entente_date_format          (const EntenteDate *date);
/* "1950 – 1960"; just the start when end is NULL. */
char    *entente_date_format_range    (const EntenteDate *start,
                                       const EntenteDate *end);
/* The days from from_day to to_day (excluded), as precisely as their
 * length calls for: "1689 – 2023", "March 1950 – June 1950",
 * "14 February 1950". */
char    *entente_format_days          (double             from_day,
                                       double             to_day);
/* A year as people write it: "1950", "221 BCE". */
char    *entente_format_year          (gint64             year);
/* A count with the digit grouping of the user's locale: "23 244",
 * "23,244", or "23244" where the locale has none. */
char    *entente_format_count         (guint              count);

G_END_DECLS
