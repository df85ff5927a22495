/* normalize_dbcs.c -- mojibake that the badness score cannot see in a window of a few
 * characters, recognised from the whole line: a double-byte codepage (transcoded with
 * iconv), or a lone foreign letter in an English line.
 *
 * Kinds seen on scraped health news:
 * - GBK text read as Latin-1: every Chinese character became two Latin-1 letters or signs
 *   ("中文" -> "ÖÐÎÄ"). GB2312 characters have both bytes in A1-FE, so a line whose non-ASCII
 *   characters all lie in A1-FE, come in pairs and outnumber its ASCII letters is re-encoded
 *   and read as GB18030 when every pair gives a CJK character. (Accented letters in pairs,
 *   as in Portuguese "ção", stay: they are a few among many ASCII letters.) English text
 *   from such sites has GBK quotes read as "¡¯" (’) and "¡°" (“); a line whose pairs all
 *   decode to such punctuation is repaired too.
 * - UTF-8 read as CP949 (Korean): in an English line, a lone Hangul syllable whose CP949
 *   bytes are a UTF-8 sequence ("Cells혻have" is "Cells" NBSP "have") or the remains of one
 *   ("body셲" is 0x99 's', the last byte of "’" and an s). What can be decoded is; a lost
 *   lead byte becomes U+FFFD, as undecodable bytes do elsewhere.
 * - UTF-8 read as windows-1251 in an English line: "В»" for », see pass_lone_cyrillic. */
#include "normalize_internal.h"

#include <iconv.h>
#include <string.h>

enum { MIN_GBK_PAIRS = 2, MAX_ICONV_OUT = 64, WINDOWS_1251 = 2 };

static int is_hangul(uint32_t c)
{
    return c >= 0xAC00 && c <= 0xD7A3;
}

static int is_cyrillic(uint32_t c)
{
    return c >= 0x400 && c <= 0x4FF;
}

/* Counts the characters of l that `foreign` accepts; *letters gets its ASCII letters. */
static size_t count_letters(const hnp_norm_line *l, int (*foreign)(uint32_t), size_t *letters)
{
    size_t n = 0;
    *letters = 0;
    for (size_t i = 0; i < l->n; i++) {
        uint32_t c = l->cp[i] | 0x20;
        *letters += c >= 'a' && c <= 'z';
        n += foreign(l->cp[i]) ? 1u : 0u;
    }
    return n;
}

static int is_cjk(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

/* The document's decoder k (NORM_CD_*), opened on first use; (iconv_t)-1 if unavailable. */
static iconv_t decoder(hnp_norm_work *w, unsigned k)
{
    static const char *const names[] = {"GB18030", "BIG5"};
    if (!(w->cd_tried & (1u << k))) {
        w->cd[k] = iconv_open("UTF-8", names[k]);
        w->cd_tried |= 1u << k;
    }
    return w->cd[k];
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

/* Punctuation that English text on Chinese sites uses: ‘ ’ “ ” — … (GBK row A1, read as
 * Latin-1 "¡®" "¡¯" "¡°" "¡±" "¡ª" "¡­"; Big5 has them in row A1 too). */
static int gbk_quote(uint32_t c)
{
    return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2014 || c == 0x2026;
}

typedef struct gbk_shape {
    size_t pairs, signs, letters;
} gbk_shape;

/* Are all non-ASCII characters of the line in A1-FE and in runs of even length? */
static int gbk_shaped(const hnp_norm_line *l, gbk_shape *sh)
{
    size_t run = 0;
    memset(sh, 0, sizeof *sh);
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
        sh->pairs += run / 2;
        sh->signs += run;
        sh->letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        run = 0;
    }
    return sh->pairs > 0;
}

/* Re-reads each non-ASCII run of w->a as GB18030 bytes into the editor. *quotes_only says
 * whether everything decoded to gbk_quote punctuation; *ok is 0 when something decoded to
 * neither that nor CJK. */
static hnp_status gbk_runs(hnp_norm_work *w, iconv_t cd, hnp_norm_ed *e, int *quotes_only, int *ok)
{
    *quotes_only = 1;
    *ok = 0;
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
                if (!is_cjk(cps[t]) && !gbk_quote(cps[t])) {
                    return HNP_OK;
                }
                *quotes_only &= gbk_quote(cps[t]);
            }
            uint32_t tag = nc ? hnp_norm_new_tag(w, HNP_REPAIR_MOJIBAKE) : 0;
            if (!tag) {
                return nc ? HNP_ERR_NOMEM : HNP_OK;
            }
            HNP_TRY(hnp_norm_ed_copy(e, k));
            HNP_TRY(hnp_norm_ed_replace(e, k + m, cps, nc, tag));
            k += m;
        }
        i = j;
    }
    *ok = 1;
    return HNP_OK;
}

/* Tries the line as double-byte `enc` read as Latin-1; *done when it was repaired. */
static hnp_status try_dbcs(hnp_norm_work *w, unsigned enc, const gbk_shape *sh, int *done)
{
    hnp_norm_ed e;
    int quotes_only, ok;
    iconv_t cd = decoder(w, enc);
    if (cd == (iconv_t)-1) {
        return HNP_OK; /* not in this libc: the repair is skipped */
    }
    hnp_norm_ed_begin(&e, w);
    hnp_status st = gbk_runs(w, cd, &e, &quotes_only, &ok);
    /* Chinese text read as Latin-1 is mostly signs; Portuguese "ção" pairs are not. */
    if (st != HNP_OK || !ok ||
        !(quotes_only || (sh->pairs >= MIN_GBK_PAIRS && sh->signs >= sh->letters))) {
        return st;
    }
    *done = 1;
    return hnp_norm_ed_finish(&e);
}

/* GBK first, as Chinese health news mostly is; then Big5, whose quotes differ ("¡¦" ’). */
static hnp_status pass_gbk(hnp_norm_work *w, int *changed)
{
    gbk_shape sh;
    int done = 0;
    if (!gbk_shaped(&w->a, &sh)) {
        return HNP_OK;
    }
    HNP_TRY(try_dbcs(w, NORM_CD_GB18030, &sh, &done));
    if (!done) {
        HNP_TRY(try_dbcs(w, NORM_CD_BIG5, &sh, &done));
    }
    *changed |= done;
    return HNP_OK;
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
    size_t letters, hangul = count_letters(&w->a, is_hangul, &letters);
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

/* In an English line, a lone В Г Р С (windows-1251 C2 C3 D0 D1, UTF-8 leads) followed by a
 * windows-1251 continuation sign is a 2-byte character read as windows-1251: "В»" is »,
 * "В°" is °, "В " is NBSP. The badness rules need three such characters ("[ВГРС].[ВГРС]")
 * because in Russian text "В»" can be a word and a quote; one Cyrillic letter amid English
 * cannot. */
/* "Г" alone between spaces before a word, amid Latin text: the French word "à" (C3 A0)
 * read as windows-1251 (C3 is Г) whose A0 was lost, as "Ã " is in windows-1252. */
static int grave_word(const hnp_norm_line *l, size_t i)
{
    return l->cp[i] == 0x413 && (i == 0 || l->cp[i - 1] == ' ') && i + 2 < l->n &&
           l->cp[i + 1] == ' ' && ((l->cp[i + 2] | 0x20) >= 'a' && (l->cp[i + 2] | 0x20) <= 'z');
}

static hnp_status pass_lone_cyrillic(hnp_norm_work *w, int *changed)
{
    size_t letters, cyrillic = count_letters(&w->a, is_cyrillic, &letters);
    if (cyrillic == 0 || cyrillic * 4 > letters) {
        return HNP_OK;
    }
    hnp_norm_ed e;
    int any = 0;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i + 1 < w->a.n; i++) {
        if (grave_word(&w->a, i)) {
            uint32_t a = 0xE0, tag = hnp_norm_new_tag(w, HNP_REPAIR_LOST_BYTE);
            if (!tag) {
                return HNP_ERR_NOMEM;
            }
            HNP_TRY(hnp_norm_ed_copy(&e, i));
            HNP_TRY(hnp_norm_ed_replace(&e, i + 1, &a, 1, tag));
            any = 1;
            continue;
        }
        unsigned lead = hnp_norm_cp_byte(WINDOWS_1251, w->a.cp[i]);
        unsigned cont = hnp_norm_cp_byte(WINDOWS_1251, w->a.cp[i + 1]);
        if (!is_cyrillic(w->a.cp[i]) || lead < 0xC2 || lead > 0xDF || cont < 0x80 || cont > 0xBF ||
            (i > 0 && is_cyrillic(w->a.cp[i - 1])) ||
            (i + 2 < w->a.n && is_cyrillic(w->a.cp[i + 2]))) {
            continue;
        }
        uint32_t c = ((lead & 0x1Fu) << 6) | (cont & 0x3Fu);
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_MOJIBAKE);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_ed_copy(&e, i));
        HNP_TRY(hnp_norm_ed_replace(&e, i + 2, &c, 1, tag));
        any = 1;
        i++;
    }
    *changed |= any;
    return any ? hnp_norm_ed_finish(&e) : HNP_OK;
}

/* ---- GBK or Big5 words inside an English or mixed line --------------------------------
 * A Chinese name or term amid English text ("Ò½Ôº" 医院, "ÖÐ¹úÈÕ±¨" 中国日报) is too short
 * for the whole-line test above. A run of Latin-1 characters that pair up as double-byte
 * lead and trail bytes is re-read when what it gives is unmistakable:
 * - two or more ideographs, with no ASCII letter glued on its left (real Latin text never
 *   has four accented signs in a row, and never as pairs that all make common hanzi), or
 * - only the punctuation and pinyin letters of the symbol rows (GBK A1 and A8, Big5 A1):
 *   "¨C" is –, "¨¢" á, "¡¯" ’ (a trail that is a Latin-1 letter, as in Spanish "¡É", is
 *   not taken), or
 * - one 听 or 聽 alone: what Chinese proxies write for a no-break space (C2 A0 read as GBK
 *   is 聽, later simplified), so it becomes U+00A0 again. */

enum { GB_LEAD_LO = 0xA1, GB_LEAD_HI = 0xFE, MAX_RUN_PAIRS = 32 };

static int dbcs_trail(uint32_t c)
{
    return (c >= 0x40 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFE);
}

static int ideograph(uint32_t c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

/* Letters with the tone marks of pinyin, and the dashes and quotes of the symbol rows. */
static int symbol_row_char(uint32_t c)
{
    static const uint32_t set[] = {
        0xE0,  0xE1,  0xE8,  0xE9,   0xEC,   0xED,   0xF2,   0xF3,   0xF9,   0xFA,   0xFC,
        0x101, 0x113, 0x11B, 0x12B,  0x14D,  0x16B,  0x1CE,  0x1D0,  0x1D2,  0x1D4,  0x1D6,
        0x1D8, 0x1DA, 0x1DC, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
        if (set[i] == c) {
            return 1;
        }
    }
    return 0;
}

static int ascii_letter(uint32_t c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Are all pairs of w->a[i, j) among the frequent characters of the encoding: GB2312 level 1
 * (lead B0-D7, trail A1-FE) or Big5's common characters (lead A4-C6)? Latin text that
 * happens to pair up (leetspeak "ÉÑÄK"), and UTF-8 that lost bytes ("éºä¼", leads E0-EF),
 * makes rare ones. */
static int frequent_pairs(const hnp_norm_line *l, size_t i, size_t j, int big5)
{
    for (size_t k = i; k + 1 < j; k += 2) {
        uint32_t lead = l->cp[k], trail = l->cp[k + 1];
        if (big5 ? (lead < 0xA4 || lead > 0xC6) : (lead < 0xB0 || lead > 0xD7 || trail < 0xA1)) {
            return 0;
        }
    }
    return 1;
}

/* Does the decoded run cps[0, n) qualify (see above)? *nbsp is set for a lone 听/聽. */
static int run_ok(const hnp_norm_line *l, size_t i, size_t j, const uint32_t *cps, size_t n,
                  int big5, int *nbsp)
{
    size_t hanzi = 0, symbols = 0;
    int letter_trail = 0;
    for (size_t k = 0; k < n; k++) {
        hanzi += ideograph(cps[k]) ? 1u : 0u;
        symbols += symbol_row_char(cps[k]) ? 1u : 0u;
    }
    for (size_t k = i + 1; k < j; k += 2) {
        uint32_t t = l->cp[k];
        letter_trail |= (t >= 0xC0 && t <= 0xFE && t != 0xD7 && t != 0xF7) || ascii_letter(t);
    }
    *nbsp = n == 1 && (cps[0] == 0x542C || cps[0] == 0x807D);
    if (*nbsp) {
        return 1;
    }
    if (symbols == n) {
        /* "¨C" (A8 43) is the one ASCII trail of the symbol rows that news text uses */
        return !letter_trail || (n == 1 && (cps[0] == 0x2013 || cps[0] == 0x2015));
    }
    return n >= 2 && hanzi == n && !(i > 0 && ascii_letter(l->cp[i - 1])) &&
           frequent_pairs(l, i, j, big5);
}

/* Decodes w->a[i, j) (Latin-1 bytes) with cd into cps; returns the count, 0 on failure. */
static size_t decode_run(const hnp_norm_work *w, iconv_t cd, size_t i, size_t j, uint32_t *cps)
{
    uint8_t in[2 * MAX_RUN_PAIRS], out[4 * MAX_RUN_PAIRS];
    for (size_t k = i; k < j; k++) {
        in[k - i] = (uint8_t)w->a.cp[k];
    }
    size_t got = conv(cd, in, j - i, out, sizeof out);
    return got ? utf8_to_cps(out, got, cps) : 0;
}

/* The end of the run of lead/trail pairs that starts at i (i itself when there is none). */
static size_t pair_run(const hnp_norm_line *l, size_t i)
{
    size_t j = i;
    while (j + 1 < l->n && (j - i) / 2 < MAX_RUN_PAIRS && l->cp[j] >= GB_LEAD_LO &&
           l->cp[j] <= GB_LEAD_HI && dbcs_trail(l->cp[j + 1])) {
        j += 2;
    }
    return j;
}

static hnp_status gbk_words(hnp_norm_work *w, iconv_t gb, iconv_t big5, int *changed)
{
    hnp_norm_ed e;
    int any = 0;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->a.n;) {
        size_t j = pair_run(&w->a, i);
        uint32_t cps[2 * MAX_RUN_PAIRS];
        int nbsp = 0, ok = 0;
        size_t n = 0;
        if (j > i) {
            n = decode_run(w, gb, i, j, cps);
            ok = n && run_ok(&w->a, i, j, cps, n, 0, &nbsp);
            /* then Big5: "Âå°|" is 醫院 there, and rare characters in GBK */
            if (!ok && big5 != (iconv_t)-1) {
                uint32_t alt[2 * MAX_RUN_PAIRS];
                int alt_nbsp = 0;
                size_t m = decode_run(w, big5, i, j, alt);
                if (m && run_ok(&w->a, i, j, alt, m, 1, &alt_nbsp)) {
                    memcpy(cps, alt, m * sizeof *cps);
                    n = m;
                    nbsp = alt_nbsp;
                    ok = 1;
                }
            }
        }
        if (!ok) {
            i = j > i ? j : i + 1;
            continue;
        }
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_MOJIBAKE);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        cps[0] = nbsp ? 0xA0 : cps[0];
        HNP_TRY(hnp_norm_ed_copy(&e, i));
        HNP_TRY(hnp_norm_ed_replace(&e, j, cps, n, tag));
        any = 1;
        i = j;
    }
    *changed |= any;
    return any ? hnp_norm_ed_finish(&e) : HNP_OK;
}

/* Only lines with ASCII letters (the whole-line test handles Chinese lines) and some
 * character in the lead range. */
static hnp_status pass_gbk_words(hnp_norm_work *w, int *changed)
{
    size_t letters = 0, leads = 0;
    for (size_t i = 0; i < w->a.n; i++) {
        letters += ascii_letter(w->a.cp[i]) ? 1u : 0u;
        leads += w->a.cp[i] >= GB_LEAD_LO && w->a.cp[i] <= GB_LEAD_HI;
    }
    if (letters == 0 || leads == 0) {
        return HNP_OK;
    }
    iconv_t gb = decoder(w, NORM_CD_GB18030);
    if (gb == (iconv_t)-1) {
        return HNP_OK;
    }
    return gbk_words(w, gb, decoder(w, NORM_CD_BIG5), changed);
}

hnp_status hnp_norm_pass_dbcs(hnp_norm_work *w, int *changed)
{
    int whole = 0;
    HNP_TRY(pass_gbk(w, &whole));
    if (!whole) {
        HNP_TRY(pass_gbk_words(w, &whole));
    }
    *changed |= whole;
    HNP_TRY(pass_cp949(w, changed));
    return pass_lone_cyrillic(w, changed);
}
