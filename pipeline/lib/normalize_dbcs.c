/* normalize_dbcs.c -- mojibake that involves a double-byte codepage (transcoded with iconv).
 *
 * Two kinds seen on scraped health news:
 * - GBK text read as Latin-1: every Chinese character became two Latin-1 letters or signs
 *   ("中文" -> "ÖÐÎÄ"). GB2312 characters have both bytes in A1-FE, so a line whose non-ASCII
 *   characters all lie in A1-FE and come in pairs is re-encoded and read as GB18030 when
 *   every pair gives a CJK character. European text almost never has its accented letters
 *   in pairs, and the CJK test rules out the rest.
 * - UTF-8 read as CP949 (Korean): in an English line, a lone Hangul syllable whose CP949
 *   bytes are a UTF-8 sequence ("Cells혻have" is "Cells" NBSP "have") or the remains of one
 *   ("body셲" is 0x99 's', the last byte of "’" and an s). What can be decoded is; a lost
 *   lead byte becomes U+FFFD, as undecodable bytes do elsewhere. */
#include "normalize_internal.h"

#include <iconv.h>
#include <string.h>

enum { MIN_GBK_PAIRS = 2, MAX_ICONV_OUT = 64 };

static int is_hangul(uint32_t c)
{
    return c >= 0xAC00 && c <= 0xD7A3;
}

static int is_cjk(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

/* Converts n bytes with cd; returns the output length or 0 on any failure. */
static size_t conv(iconv_t cd, const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
    char *ip, *op = (char *)out;
    size_t il = n, ol = cap;
    memcpy(&ip, &in, sizeof ip); /* iconv's prototype lacks const */
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0) {
        return 0;
    }
    return cap - ol;
}

/* Decodes UTF-8 out[0, n) into cp (room for n); returns the count. The input is iconv's
 * output, hence valid. */
static size_t utf8_to_cps(const uint8_t *u, size_t n, uint32_t *cp)
{
    size_t k = 0;
    for (size_t i = 0; i < n; k++) {
        uint8_t b = u[i];
        size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        uint32_t c = len == 1 ? b : (uint32_t)(b & (0x7F >> len));
        for (size_t j = 1; j < len && i + j < n; j++) {
            c = (c << 6) | (u[i + j] & 0x3Fu);
        }
        cp[k] = c;
        i += len;
    }
    return k;
}

/* Does the line look like GBK read as Latin-1 (see the file comment)? */
static int gbk_shaped(const hnp_norm_line *l)
{
    size_t pairs = 0, run = 0;
    for (size_t i = 0; i <= l->n; i++) {
        uint32_t c = i < l->n ? l->cp[i] : 0;
        if (c >= 0x80) {
            if (c < 0xA1 || c > 0xFE) {
                return 0;
            }
            run++;
            continue;
        }
        if (run % 2) {
            return 0;
        }
        pairs += run / 2;
        run = 0;
    }
    return pairs >= MIN_GBK_PAIRS;
}

/* Re-reads each non-ASCII run of w->a as GB18030 bytes; all runs must decode to CJK. */
static hnp_status gbk_runs(hnp_norm_work *w, iconv_t cd, int *changed)
{
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->a.n;) {
        size_t j = i;
        while (j < w->a.n && w->a.cp[j] >= 0x80) {
            j++;
        }
        if (j == i) {
            i++;
            continue;
        }
        uint8_t in[MAX_ICONV_OUT], out[2 * MAX_ICONV_OUT];
        uint32_t cps[MAX_ICONV_OUT];
        for (size_t k = i; k < j;) {
            size_t m = j - k < MAX_ICONV_OUT ? j - k : MAX_ICONV_OUT;
            for (size_t t = 0; t < m; t++) {
                in[t] = (uint8_t)w->a.cp[k + t];
            }
            size_t got = conv(cd, in, m, out, sizeof out);
            size_t nc = got ? utf8_to_cps(out, got, cps) : 0;
            for (size_t t = 0; t < nc; t++) {
                if (!is_cjk(cps[t])) {
                    return HNP_OK; /* not GBK after all: leave the line alone */
                }
            }
            if (nc == 0) {
                return HNP_OK;
            }
            uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_MOJIBAKE);
            if (!tag) {
                return HNP_ERR_NOMEM;
            }
            HNP_TRY(hnp_norm_ed_copy(&e, k));
            HNP_TRY(hnp_norm_ed_replace(&e, k + m, cps, nc, tag));
            k += m;
        }
        i = j;
    }
    *changed = 1;
    return hnp_norm_ed_finish(&e);
}

static hnp_status pass_gbk(hnp_norm_work *w, int *changed)
{
    if (!gbk_shaped(&w->a)) {
        return HNP_OK;
    }
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) {
        return HNP_OK; /* no GB18030 in this libc: the repair is skipped */
    }
    hnp_status st = gbk_runs(w, cd, changed);
    iconv_close(cd);
    return st;
}

/* Is the Hangul syllable at i alone among Latin text (an English line with a few of them)? */
static int lone_hangul(const hnp_norm_line *l, size_t i, size_t letters, size_t hangul)
{
    return is_hangul(l->cp[i]) && hangul * 8 <= letters && !(i > 0 && l->cp[i - 1] >= 0x3000) &&
           !(i + 1 < l->n && l->cp[i + 1] >= 0x3000);
}

/* What the CP949 bytes b[0..1] of a syllable stand for as UTF-8 (see the file comment):
 * up to two code points in out, their count returned (0: not UTF-8 remains). */
static size_t cp949_remains(const uint8_t *b, uint32_t *out)
{
    if (b[0] >= 0xC2 && b[0] <= 0xDF && b[1] >= 0x80 && b[1] <= 0xBF) {
        out[0] = ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
        return 1;
    }
    if (b[0] >= 0x80 && b[0] <= 0xBF && b[1] >= 0x20 && b[1] < 0x7F) {
        out[0] = NORM_REPLACEMENT; /* a continuation byte whose lead was lost */
        out[1] = b[1];
        return 2;
    }
    if (b[0] >= 0xE0 && b[0] <= 0xEF && b[1] >= 0x80 && b[1] <= 0xBF) {
        out[0] = NORM_REPLACEMENT; /* a 3-byte sequence that lost its last byte */
        return 1;
    }
    return 0;
}

static hnp_status cp949_syllables(hnp_norm_work *w, iconv_t cd, size_t letters, size_t hangul,
                                  int *changed)
{
    hnp_norm_ed e;
    int any = 0;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->a.n; i++) {
        uint8_t u[4], b[8];
        uint32_t rep[2];
        if (!lone_hangul(&w->a, i, letters, hangul)) {
            continue;
        }
        size_t n = conv(cd, u, hnp_norm_utf8_encode(w->a.cp[i], u), b, sizeof b);
        size_t nr = n == 2 ? cp949_remains(b, rep) : 0;
        if (nr == 0) {
            continue;
        }
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_MOJIBAKE);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_ed_copy(&e, i));
        HNP_TRY(hnp_norm_ed_replace(&e, i + 1, rep, nr, tag));
        any = 1;
    }
    *changed |= any;
    return any ? hnp_norm_ed_finish(&e) : HNP_OK;
}

static hnp_status pass_cp949(hnp_norm_work *w, int *changed)
{
    size_t letters = 0, hangul = 0;
    for (size_t i = 0; i < w->a.n; i++) {
        uint32_t c = w->a.cp[i] | 0x20;
        letters += c >= 'a' && c <= 'z';
        hangul += is_hangul(w->a.cp[i]) ? 1u : 0u;
    }
    if (hangul == 0 || hangul * 8 > letters) {
        return HNP_OK;
    }
    iconv_t cd = iconv_open("CP949", "UTF-8");
    if (cd == (iconv_t)-1) {
        return HNP_OK;
    }
    hnp_status st = cp949_syllables(w, cd, letters, hangul, changed);
    iconv_close(cd);
    return st;
}

hnp_status hnp_norm_pass_dbcs(hnp_norm_work *w, int *changed)
{
    HNP_TRY(pass_gbk(w, changed));
    return pass_cp949(w, changed);
}
