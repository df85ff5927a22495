/* normalize_line.c -- the per-line repair passes of the normalize stage, over code points.
 *
 * Order, as in ftfy: HTML entities first (mojibake can hide inside them, "Î&frac14;"),
 * then mojibake (normalize_mojibake.c, then normalize_dbcs.c), and once the line decodes
 * no further, C1 controls that stand for windows-1252 punctuation and lossy leftovers (a
 * dagger for a lost closing quote). The passes repeat until nothing changes, because
 * mojibake can be layered ("ÃƒÂ©" needs two rounds) and an entity can be escaped twice
 * ("&amp;eacute;"). */
#include "normalize_entity_tables.h"
#include "normalize_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A line needs at most a handful of rounds; the cap guards against a pass that undoes
 * another. */
enum { MAX_ROUNDS = 8, MAX_ENTITY_NAME = 24, LOSSY_QUOTE_REACH = 400 };

static int has_cp(const hnp_norm_line *l, uint32_t c)
{
    for (size_t i = 0; i < l->n; i++) {
        if (l->cp[i] == c) {
            return 1;
        }
    }
    return 0;
}

static int is_alnum_ascii(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static uint32_t named_entity(const uint32_t *name, size_t n)
{
    char key[MAX_ENTITY_NAME + 1];
    for (size_t i = 0; i < n; i++) {
        key[i] = (char)name[i];
    }
    key[n] = '\0';
    size_t lo = 0, hi = sizeof ent_table / sizeof ent_table[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(ent_table[mid].name, key);
        if (c == 0) {
            return ent_table[mid].cp;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}

/* "&#8217;", "&#x2019;": HTML's rules, where 128-159 mean windows-1252 and what is not a
 * Unicode scalar value becomes U+FFFD. Returns 0 when the digits are not a number. */
static uint32_t numeric_entity(const uint32_t *s, size_t n)
{
    int hex = n > 0 && (s[0] == 'x' || s[0] == 'X');
    uint32_t v = 0;
    if (n == (size_t)hex) {
        return 0;
    }
    for (size_t i = (size_t)hex; i < n; i++) {
        uint32_t c = s[i], d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
            d = (c | 0x20) - 'a' + 10;
        } else {
            return 0;
        }
        v = v > 0x10FFFF ? v : v * (hex ? 16u : 10u) + d;
    }
    if (v >= 0x80 && v <= 0x9F && hnp_norm_cp1252((uint8_t)v)) {
        return hnp_norm_cp1252((uint8_t)v);
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return NORM_REPLACEMENT;
    }
    return v;
}

/* The character an entity at line[i] (a '&') stands for, and its length; 0 if none. */
static uint32_t entity_at(const hnp_norm_line *l, size_t i, size_t *len)
{
    size_t j = i + 1;
    int numeric = j < l->n && l->cp[j] == '#';
    j += (size_t)numeric;
    size_t start = j;
    while (j < l->n && j - start <= MAX_ENTITY_NAME && is_alnum_ascii(l->cp[j])) {
        j++;
    }
    if (j == start || j - start > MAX_ENTITY_NAME || j >= l->n || l->cp[j] != ';') {
        return 0;
    }
    uint32_t v =
        numeric ? numeric_entity(l->cp + start, j - start) : named_entity(l->cp + start, j - start);
    *len = j + 1 - i;
    return v;
}

static hnp_status pass_entities(hnp_norm_work *w, int *changed)
{
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->a.n; i++) {
        size_t len = 0;
        uint32_t v = w->a.cp[i] == '&' ? entity_at(&w->a, i, &len) : 0;
        if (!v) {
            continue;
        }
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_ENTITY);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_ed_copy(&e, i));
        HNP_TRY(hnp_norm_ed_replace(&e, i + len, &v, 1, tag));
        i += len - 1;
        *changed = 1;
    }
    return hnp_norm_ed_finish(&e);
}

static int is_letter(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int c1_in_word(const hnp_norm_line *l, size_t i)
{
    return l->cp[i] >= 0x80 && l->cp[i] <= 0x9F && i > 0 && i + 1 < l->n &&
           is_letter(l->cp[i - 1]) && is_letter(l->cp[i + 1]);
}

/* Were the C1 controls of this line MacRoman bytes ("Coatl\x87n" for Coatlán)? Yes when one
 * inside a word reads in windows-1252 as a sign that never stands inside a word (‡, •; the
 * apostrophe ’ does), and every one inside a word reads in MacRoman as a letter. */
static int macroman_c1(const hnp_norm_line *l)
{
    int sign = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (!c1_in_word(l, i)) {
            continue;
        }
        uint32_t v = hnp_norm_cp1252((uint8_t)l->cp[i]);
        if (!is_letter(hnp_norm_page_char(NORM_PAGE_MACROMAN, (uint8_t)l->cp[i]))) {
            return 0;
        }
        sign |= !is_letter(v) && v != 0x2019;
    }
    return sign;
}

/* C1 controls (U+0080-U+009F) have no use in real text: they are windows-1252 bytes that
 * were decoded as Latin-1 (or MacRoman bytes, see macroman_c1). The five bytes
 * windows-1252 leaves undefined stay, and are dropped later with the other controls. */
static hnp_status pass_c1(hnp_norm_work *w, int *changed)
{
    int mac = -1; /* decided at the first C1 control */
    for (size_t i = 0; i < w->a.n; i++) {
        uint32_t c = w->a.cp[i], v = 0;
        if (c < 0x80 || c > 0x9F) {
            continue;
        }
        mac = mac < 0 ? macroman_c1(&w->a) : mac;
        v = mac && c1_in_word(&w->a, i) ? hnp_norm_page_char(NORM_PAGE_MACROMAN, (uint8_t)c)
                                        : hnp_norm_cp1252((uint8_t)c);
        if (v) {
            uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_C1);
            if (!tag) {
                return HNP_ERR_NOMEM;
            }
            HNP_TRY(hnp_norm_note_before(w, tag, i, i + 1));
            w->a.cp[i] = v;
            w->a.tag[i] = tag;
            *changed = 1;
        }
    }
    return HNP_OK;
}

/* Is the dagger at i the remains of a closing quote? When "” " (E2 80 9D + space) loses a
 * byte, what is left reads as "†" (E2 80 A0); the sign is an opening quote before it on
 * the same line that nothing has closed, and a word glued to the dagger on its left. A
 * footnote dagger after a name has no open quote before it. */
static int lost_closing_quote(const hnp_norm_line *l, size_t i)
{
    if (i == 0 || l->cp[i - 1] == ' ' || l->cp[i - 1] == 0x201C) {
        return 0;
    }
    size_t lo = i > LOSSY_QUOTE_REACH ? i - LOSSY_QUOTE_REACH : 0;
    for (size_t j = i; j-- > lo;) {
        if (l->cp[j] == 0x201D || l->cp[j] == 0x2020) {
            return 0;
        }
        if (l->cp[j] == 0x201C) {
            return 1;
        }
    }
    return 0;
}

static int is_letter_or_digit(uint32_t c)
{
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND && k != UTF8PROC_CATEGORY_MN &&
           k != UTF8PROC_CATEGORY_MC && k != UTF8PROC_CATEGORY_ME;
}

static hnp_status pass_lossy(hnp_norm_work *w, int *changed)
{
    if (!has_cp(&w->a, 0x2020)) {
        return HNP_OK;
    }
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = 0; i < w->a.n; i++) {
        if (w->a.cp[i] != 0x2020 || !lost_closing_quote(&w->a, i)) {
            continue;
        }
        uint32_t quote_space[2] = {0x201D, ' '};
        int glued = i + 1 < w->a.n && is_letter_or_digit(w->a.cp[i + 1]);
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_LOSSY);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_ed_copy(&e, i));
        HNP_TRY(hnp_norm_ed_replace(&e, i + 1, quote_space, glued ? 2 : 1, tag));
        *changed = 1;
    }
    return hnp_norm_ed_finish(&e);
}

/* The letters of ligature c (up to 3, into out), or 0 if c is not a Latin ligature: a letter
 * whose compatibility decomposition (utf8proc's) is two or more Latin letters. That is
 * exactly the set ftfy splits (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ, Ĳ ĳ, Ǆ-ǌ, Ǳ-ǳ) but for ŉ, whose "ʼn" is no
 * pair of letters. */
static size_t ligature_letters(uint32_t c, uint32_t *out)
{
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
    if (c < 0x100 || p->decomp_type != UTF8PROC_DECOMP_TYPE_COMPAT || !is_letter(c)) {
        return 0;
    }
    utf8proc_int32_t d[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, d, 4,
                                                 UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
    if (n < 2 || n > 3) {
        return 0;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        if (d[i] >= 0x250 || !is_letter((uint32_t)d[i])) {
            return 0;
        }
        out[i] = (uint32_t)d[i];
    }
    return (size_t)n;
}

/* The blocks that hold every Latin ligature (Latin Extended-A and -B, Alphabetic
 * Presentation Forms): a cheap test before utf8proc's properties are looked up. */
static int ligature_block(uint32_t c)
{
    return (c >= 0x100 && c < 0x250) || (c >= 0xFB00 && c < 0xFB50);
}

/* Ligatures come from text copied out of rendered pages (PDFs): "signiﬁcantly". As ftfy
 * does, they are split into their letters, but only inside a word (a letter beside them):
 * a ligature standing alone is being written about. */
static hnp_status pass_ligatures(hnp_norm_work *w)
{
    size_t first = 0;
    while (first < w->a.n && !ligature_block(w->a.cp[first])) {
        first++;
    }
    if (first == w->a.n) {
        return HNP_OK; /* the common case: no copy of the line */
    }
    hnp_norm_ed e;
    hnp_norm_ed_begin(&e, w);
    for (size_t i = first; i < w->a.n; i++) {
        uint32_t letters[3];
        size_t k = ligature_block(w->a.cp[i]) ? ligature_letters(w->a.cp[i], letters) : 0;
        int in_word =
            (i > 0 && is_letter(w->a.cp[i - 1])) || (i + 1 < w->a.n && is_letter(w->a.cp[i + 1]));
        if (k == 0 || !in_word) {
            continue;
        }
        HNP_TRY(hnp_norm_ed_copy(&e, i));
        if (w->a.tag[i]) { /* made by an earlier repair ("ï¬rst"): that repair's letters now */
            HNP_TRY(hnp_norm_ed_put(&e, i + 1, letters, k, w->a.tag[i]));
            continue;
        }
        uint32_t tag = hnp_norm_new_tag(w, HNP_REPAIR_LIGATURE);
        if (!tag) {
            return HNP_ERR_NOMEM;
        }
        HNP_TRY(hnp_norm_ed_replace(&e, i + 1, letters, k, tag));
    }
    return hnp_norm_ed_finish(&e);
}

/* Is every character of the line ASCII? Then only entities and a lost '?' can need repair:
 * the codepage passes have nothing to read (most slow lines are English with an '&'). */
static int all_ascii(const hnp_norm_line *l)
{
    uint32_t bits = 0;
    for (size_t i = 0; i < l->n; i++) {
        bits |= l->cp[i];
    }
    return bits < 0x80;
}

/* One round of the codepage passes; *changed when one repaired something. */
static hnp_status codepage_round(hnp_norm_work *w, int *changed)
{
    size_t bad = 0;
    HNP_TRY(hnp_norm_pass_mojibake(w, changed, &bad));
    if (!*changed && bad) {
        HNP_TRY(hnp_norm_pass_lossy_utf8(w, bad, changed));
    }
    if (!*changed) {
        HNP_TRY(hnp_norm_pass_dbcs(w, changed));
    }
    return HNP_OK;
}

hnp_status hnp_norm_fix_line(hnp_norm_work *w)
{
    int repair = !(w->flags & HNP_NORM_NO_REPAIR);
    int entities = repair && !(w->flags & HNP_NORM_NO_ENTITIES) && has_cp(&w->a, '&');
    if (!repair) {
        return HNP_OK;
    }
    int changed = 1, ascii = all_ascii(&w->a);
    for (int round = 0; changed && round < MAX_ROUNDS; round++) {
        changed = 0;
        if (entities) {
            HNP_TRY(pass_entities(w, &changed));
            ascii = ascii && (!changed || all_ascii(&w->a));
        }
        if (ascii) {
            continue; /* another round only if an entity was decoded ("&amp;amp;") */
        }
        HNP_TRY(codepage_round(w, &changed));
        if (changed) {
            continue; /* C1 and lossy leftovers are judged on the fully decoded line */
        }
        HNP_TRY(pass_c1(w, &changed));
        HNP_TRY(pass_lossy(w, &changed));
    }
    if (changed && !ascii) { /* out of rounds while still decoding: the leftovers' turn */
        HNP_TRY(pass_c1(w, &changed));
        HNP_TRY(pass_lossy(w, &changed));
    }
    if (!ascii) {
        HNP_TRY(pass_ligatures(w));
    }
    /* last: a '?' is judged on the words as the other repairs left them */
    return has_cp(&w->a, '?') ? hnp_norm_pass_question(w, &changed) : HNP_OK;
}
