/* classify_date.c -- find a date in a sentence and write it as ISO 8601, and decide
 * whether a sentence is a dateline ("Updated 1:39 am EST, Wednesday, November 20, 2019").
 *
 * Forms: "August 18, 2016", "Aug. 18, 2016", "Aug-18-2016", "18 August 2016", "18-Aug-2016",
 * "18th of August, 2016", "2016-08-18", "2016/8/18", "2016年8月18日", "8/18/2016" and
 * "08/18/16" (US order unless the first number exceeds 12), "18.08.2016" and "18.08.16"
 * (day first), "August 2016" (-> 2016-08), and with a day the month names of French,
 * Spanish, Portuguese, German, Italian and Dutch ("18 de agosto de 2016", "18. März 2016"). */
#include "classify_internal.h"

#include <stdio.h>
#include <string.h>

static int digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static int alpha(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Reads 1..maxd digits at i; returns the count (0 when none or too many). */
static size_t num_at(const uint8_t *s, size_t n, size_t i, size_t maxd, unsigned *v)
{
    size_t j = i;
    *v = 0;
    while (j < n && digit(s[j]) && j - i <= maxd) {
        *v = *v * 10 + (unsigned)(s[j] - '0');
        j++;
    }
    if (j == i || j - i > maxd) {
        return 0;
    }
    return j - i;
}

static const char *const months[] = {"january",   "february", "march",    "april",
                                     "may",       "june",     "july",     "august",
                                     "september", "october",  "november", "december"};

/* Other languages' month names, written out (their abbreviations, "mar", "mai", "set",
 * are common words): French, Spanish, Portuguese, German, Italian, Dutch; the names that
 * English shares ("april", "august", "september", ...) are found by the English list. They
 * are looked up only after a day ("18 mars 2020"), so "Mars 2020" stays a planet. */
typedef struct foreign_month {
    const char *name; /* lower case, UTF-8 */
    unsigned month;
} foreign_month;

static const foreign_month foreign_months[] = {{"janvier", 1},
                                               {"f\xC3\xA9vrier", 2},
                                               {"mars", 3},
                                               {"avril", 4},
                                               {"mai", 5},
                                               {"juin", 6},
                                               {"juillet", 7},
                                               {"ao\xC3\xBBt", 8},
                                               {"septembre", 9},
                                               {"octobre", 10},
                                               {"novembre", 11},
                                               {"d\xC3\xA9"
                                                "cembre",
                                                12},
                                               {"enero", 1},
                                               {"febrero", 2},
                                               {"marzo", 3},
                                               {"abril", 4},
                                               {"mayo", 5},
                                               {"junio", 6},
                                               {"julio", 7},
                                               {"agosto", 8},
                                               {"septiembre", 9},
                                               {"setiembre", 9},
                                               {"octubre", 10},
                                               {"noviembre", 11},
                                               {"diciembre", 12},
                                               {"janeiro", 1},
                                               {"fevereiro", 2},
                                               {"mar\xC3\xA7o", 3},
                                               {"maio", 5},
                                               {"junho", 6},
                                               {"julho", 7},
                                               {"setembro", 9},
                                               {"outubro", 10},
                                               {"novembro", 11},
                                               {"dezembro", 12},
                                               {"januar", 1},
                                               {"j\xC3\xA4nner", 1},
                                               {"februar", 2},
                                               {"m\xC3\xA4rz", 3},
                                               {"juni", 6},
                                               {"juli", 7},
                                               {"oktober", 10},
                                               {"dezember", 12},
                                               {"gennaio", 1},
                                               {"febbraio", 2},
                                               {"aprile", 4},
                                               {"maggio", 5},
                                               {"giugno", 6},
                                               {"luglio", 7},
                                               {"settembre", 9},
                                               {"ottobre", 10},
                                               {"dicembre", 12},
                                               {"januari", 1},
                                               {"februari", 2},
                                               {"maart", 3},
                                               {"mei", 5},
                                               {"augustus", 8}};

/* A foreign month name filling s[i..i+l) (ASCII letters compared without case). */
static unsigned foreign_month_at(const uint8_t *s, size_t i, size_t l)
{
    for (size_t k = 0; k < sizeof foreign_months / sizeof foreign_months[0]; k++) {
        const char *m = foreign_months[k].name;
        if (strlen(m) != l) {
            continue;
        }
        size_t x = 0;
        while (x < l && (s[i + x] < 0x80 ? (s[i + x] | 0x20) : s[i + x]) == (uint8_t)m[x]) {
            x++;
        }
        if (x == l) {
            return foreign_months[k].month;
        }
    }
    return 0;
}

/* A month name or abbreviation (Aug, Aug., Sept) at i; returns its length, or 0. When
 * *foreign is 1 on entry (after a day), or a day follows the word, other languages' names
 * count too, and *foreign says on return whether the name was one. */
static size_t month_at(const uint8_t *s, size_t n, size_t i, unsigned *m, int *foreign)
{
    int want_foreign = *foreign; /* only after a day: most words are not looked up twice */
    *foreign = 0;
    if (i >= n) {
        return 0;
    }
    switch (s[i] | 0x20) { /* the first letters of the month names: most words end here */
    case 'e':
    case 'g':
    case 'l':
        if (!want_foreign) {
            return 0; /* only other languages' months start so ("enero", "giugno", "luglio") */
        }
        break;
    case 'j':
    case 'f':
    case 'm':
    case 'a':
    case 's':
    case 'o':
    case 'n':
    case 'd':
        break;
    default:
        return 0;
    }
    size_t j = i;
    while (j < n && (alpha(s[j]) || (want_foreign && s[j] >= 0x80))) {
        j++;
    }
    size_t l = j - i;
    if (l < 3 || l > 11) {
        return 0;
    }
    for (unsigned k = 0; k < 12; k++) {
        if ((s[i] | 0x20) != months[k][0]) {
            continue; /* the first letter decides most: no strlen for those */
        }
        size_t ml = strlen(months[k]);
        int full = l == ml, abbr = l == 3 || (k == 8 && l == 4);
        if (!(full || abbr) || l > ml) {
            continue;
        }
        size_t x = 0;
        while (x < l && (s[i + x] | 0x20) == months[k][x]) {
            x++;
        }
        if (x == l) {
            *m = k + 1;
            return (j < n && s[j] == '.' && !full) ? l + 1 : l;
        }
    }
    /* Before a day ("Oktober 27, 2015") another language's name is looked up too. */
    int day_next = j + 1 < n && s[j] == ' ' && digit(s[j + 1]);
    if ((want_foreign || day_next) && (*m = foreign_month_at(s, i, l)) != 0) {
        *foreign = 1;
        return l;
    }
    return 0;
}

static int valid(unsigned y, unsigned m, unsigned d)
{
    return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d <= 31;
}

/* Blanks, commas and dots between the parts of a date; one dash too ("Aug-18-2016",
 * "18-Aug-2016"). */
static size_t skip_sep(const uint8_t *s, size_t n, size_t i)
{
    size_t dashes = 0;
    while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '.' || (s[i] == '-' && !dashes++))) {
        i++;
    }
    return i;
}

/* 1st 2nd 3rd 18th 1er */
static size_t skip_ordinal(const uint8_t *s, size_t n, size_t i)
{
    if (i + 1 < n && alpha(s[i]) && alpha(s[i + 1]) && (i + 2 >= n || !alpha(s[i + 2]))) {
        return i + 2;
    }
    return i;
}

/* The joining word of "18th of August", "18 de agosto de 2016" (Spanish, Portuguese). */
static size_t skip_of(const uint8_t *s, size_t n, size_t i)
{
    if (i + 3 < n && (memcmp(s + i, "of ", 3) == 0 || memcmp(s + i, "de ", 3) == 0)) {
        return i + 3;
    }
    return i;
}

/* Month D, YYYY | Month YYYY | Month-DD-YYYY */
static size_t month_first(const uint8_t *s, size_t n, size_t i, unsigned v[3])
{
    int foreign = 0; /* other languages' names only before a day: every word is tried */
    size_t ml = month_at(s, n, i, &v[1], &foreign);
    if (ml == 0) {
        return 0;
    }
    size_t j = skip_sep(s, n, i + ml), l;
    unsigned d = 0, y;
    if ((l = num_at(s, n, j, 2, &d)) > 0 && (j + l >= n || !digit(s[j + l]))) {
        j = skip_sep(s, n, skip_ordinal(s, n, j + l));
    } else {
        d = 0;
    }
    if ((d > 0 || !foreign) && (l = num_at(s, n, j, 4, &y)) == 4 && valid(y, v[1], d)) {
        v[0] = y;
        v[2] = d;
        return j + 4 - i;
    }
    return 0;
}

/* D Month YYYY | Dth of Month, YYYY | D de mes de YYYY | D. Monat YYYY | D-Mon-YYYY */
static size_t day_first(const uint8_t *s, size_t n, size_t i, unsigned v[3])
{
    size_t l = num_at(s, n, i, 2, &v[2]);
    if (l == 0) {
        return 0;
    }
    size_t j = skip_of(s, n, skip_sep(s, n, skip_ordinal(s, n, i + l)));
    int foreign = 1;
    size_t ml = month_at(s, n, j, &v[1], &foreign);
    if (ml == 0 || v[2] == 0) {
        return 0;
    }
    j = skip_of(s, n, skip_sep(s, n, j + ml));
    if (num_at(s, n, j, 4, &v[0]) == 4 && valid(v[0], v[1], v[2])) {
        return j + 4 - i;
    }
    return 0;
}

/* YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日 */
static size_t year_first(const uint8_t *s, size_t n, size_t i, unsigned v[3])
{
    static const char nian[] = "\xE5\xB9\xB4", yue[] = "\xE6\x9C\x88", ri[] = "\xE6\x97\xA5";
    if (num_at(s, n, i, 4, &v[0]) != 4 || i + 4 >= n) {
        return 0;
    }
    size_t j = i + 4, l;
    int cjk = j + 3 <= n && memcmp(s + j, nian, 3) == 0;
    if (!cjk && s[j] != '-' && s[j] != '/' && s[j] != '.') {
        return 0;
    }
    j += cjk ? 3 : 1;
    if ((l = num_at(s, n, j, 2, &v[1])) == 0) {
        return 0;
    }
    j += l;
    if (cjk ? !(j + 3 <= n && memcmp(s + j, yue, 3) == 0) : (j >= n || s[j] != s[i + 4])) {
        return 0;
    }
    j += cjk ? 3 : 1;
    if ((l = num_at(s, n, j, 2, &v[2])) == 0 || !valid(v[0], v[1], v[2]) || v[2] == 0) {
        return 0;
    }
    j += l;
    if (cjk && j + 3 <= n && memcmp(s + j, ri, 3) == 0) {
        j += 3;
    }
    return (j < n && digit(s[j])) ? 0 : j - i;
}

/* The year of a numeric date: four digits, or two ("18/08/16") when the day and month
 * were written with two digits each, as sites print short dates (a dose "5/10/20" is
 * not one). Returns its length, 0 when there is none. */
static size_t numeric_year(const uint8_t *s, size_t n, size_t j, int padded, unsigned *y)
{
    size_t l = num_at(s, n, j, 4, y);
    if (l == 2 && padded) {
        *y += *y < 70 ? 2000 : 1900;
    } else if (l != 4) {
        return 0;
    }
    if (j + l < n &&
        (digit(s[j + l]) || s[j + l] == '/' ||
         ((s[j + l] == '.' || s[j + l] == '-') && j + l + 1 < n && digit(s[j + l + 1])))) {
        return 0; /* a longer number: "12/10/20/30", "01.02.03.04" */
    }
    return l;
}

/* M/D/YYYY (US), D.M.YYYY (European), D/M/YYYY when the first number is > 12; the
 * same with a two-digit year (MM/DD/YY, DD.MM.YY). */
static size_t numeric_dmy(const uint8_t *s, size_t n, size_t i, unsigned v[3])
{
    unsigned a, b;
    size_t l1 = num_at(s, n, i, 2, &a), j = i + l1, l2, ly;
    if (l1 == 0 || j >= n || (s[j] != '/' && s[j] != '.' && s[j] != '-')) {
        return 0;
    }
    uint8_t sep = s[j++];
    if ((l2 = num_at(s, n, j, 2, &b)) == 0 || j + l2 >= n || s[j + l2] != sep) {
        return 0;
    }
    j += l2 + 1;
    if ((ly = numeric_year(s, n, j, l1 == 2 && l2 == 2, &v[0])) == 0) {
        return 0;
    }
    int day_first_order = sep == '.' || a > 12;
    v[1] = day_first_order ? b : a;
    v[2] = day_first_order ? a : b;
    return (valid(v[0], v[1], v[2]) && v[2] > 0) ? j + ly - i : 0;
}

#define LETTER(c) (UINT32_C(1) << ((c) - 'a'))

/* Whether the word at i can start a month name that month_first finds: its first two
 * letters, without case, begin an English name or an ASCII one of another language
 * (month_first's word is letters only, so "f\xC3\xA9vrier" never reaches the foreign list
 * there). Most words ("and", "of", "from", "some") end here, before month_at is called. */
static int month_prefix(const uint8_t *s, size_t n, size_t i)
{
    /* ja ju fe ma me ap au av ag ab se oc ou ot ok no de di */
    static const uint32_t seconds[26] = {
        ['a' - 'a'] = LETTER('p') | LETTER('u') | LETTER('v') | LETTER('g') | LETTER('b'),
        ['d' - 'a'] = LETTER('e') | LETTER('i'),
        ['f' - 'a'] = LETTER('e'),
        ['j' - 'a'] = LETTER('a') | LETTER('u'),
        ['m' - 'a'] = LETTER('a') | LETTER('e'),
        ['n' - 'a'] = LETTER('o'),
        ['o' - 'a'] = LETTER('c') | LETTER('u') | LETTER('t') | LETTER('k'),
        ['s' - 'a'] = LETTER('e')};
    if (i + 2 >= n || !alpha(s[i + 1]) || !alpha(s[i + 2])) {
        return 0; /* fewer than three letters (or the last three bytes): no month */
    }
    unsigned a = (unsigned)(s[i] | 0x20) - 'a', b = (unsigned)(s[i + 1] | 0x20) - 'a';
    return (seconds[a] >> b) & 1;
}

#undef LETTER

int hnp_cls_find_date_as(const uint8_t *s, size_t n, int reference, char *iso, size_t *ds,
                         size_t *de)
{
    size_t i = 0;
    while (i < n) {
        if (reference && i > 0 && (alpha(s[i - 1]) || digit(s[i - 1]))) {
            i++; /* the reference tests each byte's previous one */
            continue;
        }
        unsigned v[3] = {0, 0, 0};
        size_t l = 0;
        if (alpha(s[i])) {
            if (reference || month_prefix(s, n, i)) {
                l = month_first(s, n, i, v);
            }
        } else if (digit(s[i])) {
            if ((l = year_first(s, n, i, v)) == 0 && (l = day_first(s, n, i, v)) == 0) {
                l = numeric_dmy(s, n, i, v);
            }
        }
        if (l > 0) {
            if (v[2] > 0) {
                snprintf(iso, 11, "%04u-%02u-%02u", v[0] % 10000u, v[1] % 100u, v[2] % 100u);
            } else {
                snprintf(iso, 11, "%04u-%02u", v[0] % 10000u, v[1] % 100u);
            }
            *ds = i;
            *de = i + l;
            return 1;
        }
        if (!reference && (alpha(s[i]) || digit(s[i]))) {
            /* the rest of a word or number, and the byte after it, follow a letter or digit:
             * no date starts there */
            do {
                i++;
            } while (i < n && (alpha(s[i]) || digit(s[i])));
        }
        i++;
    }
    return 0;
}

int hnp_cls_find_date(const uint8_t *s, size_t n, char *iso, size_t *ds, size_t *de)
{
    return hnp_cls_find_date_as(s, n, 0, iso, ds, de);
}

/* Words that may stand beside a date in a dateline. */
static const char *const dateline_words[] = {
    "updated",   "published", "posted", "date",     "on",     "at",       "am",       "pm",
    "a.m",       "p.m",       "gmt",    "est",      "edt",    "pst",      "pdt",      "cst",
    "cdt",       "utc",       "bst",    "cet",      "et",     "ist",      "monday",   "tuesday",
    "wednesday", "thursday",  "friday", "saturday", "sunday", "mon",      "tue",      "wed",
    "thu",       "fri",       "sat",    "sun",      "last",   "modified", "released", "time",
    "first",     "created",   "issued", "dateline", "edited", "reviewed", "news"};

static int dateline_word(const uint8_t *w, size_t l)
{
    for (size_t k = 0; k < sizeof dateline_words / sizeof dateline_words[0]; k++) {
        const char *d = dateline_words[k];
        if (strlen(d) != l) {
            continue;
        }
        size_t x = 0;
        while (x < l && (w[x] | 0x20) == (uint8_t)d[x]) {
            x++;
        }
        if (x == l) {
            return 1;
        }
    }
    return 0;
}

/* Counts letter words outside the dates that are not dateline words; *dates gets the
 * number of dates (at most four are skipped: "Thu 3 Jan 2019 02.00 EST Last modified on
 * Wed 16 Jan 2019 06.16 EST" has two). */
static unsigned other_words(const uint8_t *s, size_t n, unsigned *dates)
{
    unsigned other = 0;
    size_t i = 0, ds = n, de = n;
    char iso[11];
    *dates = 0;
    if (!hnp_cls_find_date(s, n, iso, &ds, &de)) {
        return 0; /* no date: the words need not be counted */
    }
    *dates = 1;
    while (i < n) {
        if (i == ds) {
            i = de;
            if (*dates < 4 && hnp_cls_find_date(s + de, n - de, iso, &ds, &de)) {
                ds += i;
                de += i;
                (*dates)++;
            } else {
                ds = de = n;
            }
            continue;
        }
        if (!alpha(s[i]) && s[i] < 0x80) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && j != ds && (alpha(s[j]) || s[j] >= 0x80 || s[j] == '.')) {
            j++;
        }
        size_t l = j - i;
        while (l > 0 && s[i + l - 1] == '.') {
            l--;
        }
        other += !dateline_word(s + i, l);
        i = j;
    }
    return other;
}

enum { DATELINE_WORDS = 16, DATELINE_MORE_WORDS = 12, DATELINE_OTHER = 4 };

int hnp_cls_is_dateline(const uint8_t *s, size_t n, const cls_feat *f)
{
    unsigned dates;
    if (f->words > DATELINE_WORDS + DATELINE_MORE_WORDS || f->stop > 2 ||
        (f->words > DATELINE_WORDS && f->digits < 8)) {
        return 0; /* past 16 words only a line of two dates with times can be a dateline */
    }
    unsigned other = other_words(s, n, &dates);
    if (dates == 0 || f->words > DATELINE_WORDS + DATELINE_MORE_WORDS * (dates - 1)) {
        return 0;
    }
    return other <= DATELINE_OTHER;
}
