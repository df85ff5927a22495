/* normalize_lossy.c -- UTF-8 read as Latin-1 or windows-1252 that then lost bytes.
 *
 * A page in Japanese or Chinese read as Latin-1 turns each character into two or three
 * Latin-1 signs; if the C1 controls among them are dropped later (as scrapers and
 * databases do), most sequences lose a byte and no longer decode, and a few characters
 * that were repaired upstream sit among them intact ("ç¬ã人éã®"). Such a line is
 * read as Latin-1 with tolerance: complete sequences become their characters, truncated ones U+FFFD
 * (what was lost cannot be guessed), intact CJK characters stay. Only for lines that are
 * almost all such signs, so that Latin text with a few accents never qualifies, and only if
 * the badness drops. A line that still has C1 controls (bytes 0x80-0x9F) did not lose
 * them, so it is not this case. */
#include "normalize_internal.h"

enum { MIN_SIGNS = 8, NO_BYTE = 0x100, LATIN1 = 0 };

static int cont(unsigned b)
{
    return b >= 0x80 && b <= 0xBF;
}

/* Mostly non-ASCII (at least MIN_SIGNS such characters, four times the ASCII letters). */
static int dense(const hnp_norm_line *l)
{
    size_t signs = 0, letters = 0;
    for (size_t i = 0; i < l->n; i++) {
        uint32_t c = l->cp[i] | 0x20;
        letters += c >= 'a' && c <= 'z';
        signs += l->cp[i] >= 0x80;
    }
    return signs >= MIN_SIGNS && letters * 4 < signs;
}

/* Decodes the (possibly truncated) sequence led by byte lead at w->a[i]; sets *end past it
 * and returns the code point, or U+FFFD when bytes are missing or it is not valid. */
static uint32_t sequence_at(const hnp_norm_line *l, size_t page, size_t i, unsigned lead,
                            size_t *end)
{
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, j = i + 1;
    uint32_t c = lead & (0x7Fu >> need);
    while (j < l->n && j - i < need) {
        unsigned b = l->cp[j] < 0x80 ? 0 : hnp_norm_cp_byte(page, l->cp[j]);
        if (!cont(b) || b < 0xA0) {
            break; /* a C1 byte here means bytes were not lost: the caller gives up */
        }
        c = (c << 6) | (b & 0x3Fu);
        j++;
    }
    *end = j;
    int overlong = (need == 3 && c < 0x800) || (need == 4 && c < 0x10000);
    if (j - i < need || overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return NORM_REPLACEMENT;
    }
    return c;
}

/* Rewrites w->a into w->b; *complete counts the sequences that decoded whole, *ok is 0 when
 * some character cannot have come from this reading (or is a C1 control, see above). */
static hnp_status tolerant(hnp_norm_work *w, size_t page, hnp_norm_ed *e, size_t *complete, int *ok)
{
    *complete = 0;
    *ok = 0;
    for (size_t i = 0; i < w->a.n;) {
        uint32_t c = w->a.cp[i];
        unsigned b = c < 0x80 || c >= 0x3000 ? 0 : hnp_norm_cp_byte(page, c);
        size_t end = i + 1;
        if (b == 0) { /* ASCII, or a CJK character that came through intact */
            i++;
            continue;
        }
        if (b == NO_BYTE || b < 0xA0 || (b >= 0xC0 && b < 0xC2) || b > 0xF4) {
            return HNP_OK;
        }
        uint32_t v = b >= 0xC2 ? sequence_at(&w->a, page, i, b, &end) : NORM_REPLACEMENT;
        *complete += v != NORM_REPLACEMENT;
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_MOJIBAKE);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_ed_copy(e, i));
        HNP_TRY(hnp_norm_ed_replace(e, end, &v, 1, tag));
        i = end;
    }
    *ok = 1;
    return HNP_OK;
}

static size_t badness_without_fffd(const hnp_norm_line *l, uint32_t *tmp)
{
    for (size_t i = 0; i < l->n; i++) {
        tmp[i] = l->cp[i] == NORM_REPLACEMENT ? '?' : l->cp[i];
    }
    return hnp_norm_badness(tmp, l->n);
}

hnp_status hnp_norm_pass_lossy_utf8(hnp_norm_work *w, size_t bad, int *changed)
{
    if (!dense(&w->a)) {
        return HNP_OK;
    }
    hnp_norm_ed e;
    size_t complete;
    int ok;
    hnp_norm_ed_begin(&e, w);
    HNP_TRY(tolerant(w, LATIN1, &e, &complete, &ok));
    if (!ok || complete == 0) {
        return HNP_OK;
    }
    HNP_TRY(hnp_norm_ed_copy(&e, w->a.n));
    HNP_TRY(hnp_norm_grow((void **)&w->tmp, &w->cap_tmp, w->b.n, sizeof *w->tmp));
    if (badness_without_fffd(&w->b, w->tmp) >= bad) {
        return HNP_OK;
    }
    *changed = 1;
    return hnp_norm_ed_finish(&e);
}
