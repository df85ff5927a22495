/* tag_abbrev.c -- abbreviations defined in the text: "long form (SF)".
 *
 * When a mention is directly followed by a parenthesised short form whose letters can
 * be found, in order, in the mention with the first letter at the start of a word
 * (Schwartz & Hearst, PSB 2003), the short form becomes a mention of the same concept
 * there and wherever it appears later in the document, with its exact case. */
#include "tag_internal.h"

#include <stdlib.h>
#include <string.h>

#define SF_MIN 2
#define SF_MAX 12

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Schwartz & Hearst's check, right to left over the bytes of sf and lf. */
static int sf_matches_lf(const uint8_t *sf, size_t sn, const uint8_t *lf, size_t ln)
{
    size_t s = sn, l = ln;
    while (s > 0) {
        int c = lower(sf[s - 1]);
        if (!is_alnum(c)) {
            s--;
            continue;
        }
        /* Find c in lf; the first letter of sf must start a word of lf. */
        while (l > 0 && (lower(lf[l - 1]) != c || (s == 1 && l > 1 && is_alnum(lf[l - 2])))) {
            l--;
        }
        if (l == 0) {
            return 0;
        }
        l--;
        s--;
    }
    return 1;
}

/* Function words end a long form: "patients with cancer (PWC)" is not a kind of cancer. */
static int is_function_word(const uint8_t *w, size_t n)
{
    static const char *const words[] = {"a",    "an", "and",  "as",  "at",   "by",   "for",
                                        "from", "in", "into", "is",  "of",   "on",   "or",
                                        "the",  "to", "with", "was", "were", "that", "which"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (strlen(words[k]) == n && memcmp(words[k], w, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* When the mention alone does not explain the short form, the long form may start a few
 * words earlier with modifiers of the term: "autologous [hematopoietic stem cell
 * transplantation] (AHSCT)". Returns the new start byte of the mention, or its old one.
 * The window is Schwartz & Hearst's, min(|SF| + 5, 2 |SF|) words, and it never reaches
 * back over punctuation, a function word or the previous mention. */
static size_t widen_long_form(const hnp_tagger *t, const uint8_t *text, const hnp_mention *lf,
                              size_t first, const uint8_t *sf, size_t sn)
{
    size_t floor = 0, max_words = sn + 5 < 2 * sn ? sn + 5 : 2 * sn, words = 0;
    if (t->n_m >= 2 && t->m[t->n_m - 2].sent == lf->sent) {
        floor = t->m[t->n_m - 2].span.end;
    }
    for (size_t k = first; k < t->n_tok && t->tok[k].end <= lf->span.end; k++) {
        words++;
    }
    for (size_t e = first; e-- > 0 && words < max_words && e + 3 >= first;) {
        const tag_token *k = &t->tok[e];
        const uint8_t *w = t->fold.data + k->fold_off;
        if (k->kind != LEXTOK_WORD || k->start < floor || is_function_word(w, k->fold_len)) {
            break;
        }
        words++;
        if (sf_matches_lf(sf, sn, text + k->start, lf->span.end - k->start)) {
            return k->start;
        }
    }
    return lf->span.start;
}

/* Medical short forms often keep the Latin word order: "myotonic dystrophy (DM)" for
 * dystrophia myotonica. An all-capitals short form of k letters is also accepted when its
 * letters are, in any order, the initials of the last k words of the long form. */
static int sf_is_initials(const hnp_tagger *t, size_t first, size_t past, const uint8_t *sf,
                          size_t sn)
{
    if (sn > 6 || past - first < sn) {
        return 0;
    }
    unsigned used = 0;
    for (size_t k = past - sn; k < past; k++) {
        const tag_token *w = &t->tok[k];
        if (w->kind != LEXTOK_WORD || w->glued) {
            return 0;
        }
        uint8_t c = t->fold.data[w->fold_off];
        size_t x = 0;
        while (x < sn && ((used >> x) & 1u || lower(sf[x]) != c)) {
            x++;
        }
        if (x == sn) {
            return 0;
        }
        used |= 1u << x;
    }
    for (size_t x = 0; x < sn; x++) {
        if (sf[x] < 'A' || sf[x] > 'Z') {
            return 0;
        }
    }
    return 1;
}

/* Drug and disease codes often take letters from another name of the concept:
 * "cyclosporine (CsA)" (cyclosporin A), "aspirin (ASA)" (acetylsalicylic acid). Right
 * after a mention, a short capitalised code of letters that starts with the mention's
 * first letter is accepted as its short form too. */
static int sf_is_code(const uint8_t *sf, size_t sn, const uint8_t *lf)
{
    size_t upper = 0;
    for (size_t x = 0; x < sn; x++) {
        if (lower(sf[x]) < 'a' || lower(sf[x]) > 'z') {
            return 0; /* letters only: "(G230E)", "(CD50)" are not names */
        }
        upper += sf[x] >= 'A' && sf[x] <= 'Z';
    }
    return sn <= 6 && upper >= 2 && lower(sf[0]) == lower(lf[0]);
}

static int is_punct(const tag_token *k, const uint8_t *text, uint8_t c)
{
    return k->kind == LEXTOK_PUNCT && text[k->start] == c;
}

/* The short form inside "(...)" starting at token p: word tokens joined without white
 * space ("HALT-MS"), closed by ")". Returns the index of ")" or 0. */
static size_t short_form(const hnp_tagger *t, const uint8_t *text, size_t p)
{
    size_t q = p + 1;
    if (q >= t->n_tok || t->tok[q].start != t->tok[p].end) {
        return 0;
    }
    while (q < t->n_tok && t->tok[q].kind == LEXTOK_WORD && q - p <= 4) {
        q++;
    }
    /* "(SJS; chondrodystrophic myotonia)": the short form may be followed by more. */
    if (q == p + 1 || q >= t->n_tok ||
        !(is_punct(&t->tok[q], text, ')') || is_punct(&t->tok[q], text, ';') ||
          is_punct(&t->tok[q], text, ',')) ||
        t->tok[q].start != t->tok[q - 1].end) {
        return 0;
    }
    size_t a = t->tok[p + 1].start, b = t->tok[q - 1].end;
    if (b - a < SF_MIN || b - a > SF_MAX) {
        return 0;
    }
    int letters = 0;
    for (size_t x = a; x < b; x++) {
        if (text[x] == ' ' || text[x] == '\t' || text[x] == '\n') {
            return 0;
        }
        letters += (text[x] >= 'A' && text[x] <= 'Z') || (text[x] >= 'a' && text[x] <= 'z');
    }
    return letters ? q : 0;
}

/* The short form in "(...)" at token p right after a long form that ends at lf_end, only
 * spaces between: returns the index of its ")" (0 when there is none) and its bytes
 * [*a, *b). */
static size_t short_form_after(const hnp_tagger *t, const uint8_t *text, size_t lf_end, size_t p,
                               size_t *a, size_t *b)
{
    if (p >= t->n_tok || !is_punct(&t->tok[p], text, '(')) {
        return 0;
    }
    for (size_t x = lf_end; x < t->tok[p].start; x++) {
        if (text[x] != ' ') {
            return 0;
        }
    }
    size_t q = short_form(t, text, p);
    if (q) {
        *a = t->tok[p + 1].start;
        *b = t->tok[q - 1].end;
    }
    return q;
}

static size_t sf_hash(const uint8_t *sf, size_t n)
{
    return (size_t)lexkey_hash(LEXKEY_HASH_INIT, sf, n);
}

/* Points the short form's slot at abbreviation d (a later definition replaces an
 * earlier one of the same short form). */
static void slot_put(hnp_tagger *t, size_t d)
{
    const tag_abbr *a = &t->abbr[d];
    const uint8_t *sf = t->abbr_text.data + a->sf_off;
    size_t mask = t->cap_abbr_slot - 1;
    for (size_t j = sf_hash(sf, a->sf_len) & mask;; j = (j + 1) & mask) {
        size_t v = t->abbr_slot[j];
        if (v == 0 || (t->abbr[v - 1].sf_len == a->sf_len &&
                       memcmp(t->abbr_text.data + t->abbr[v - 1].sf_off, sf, a->sf_len) == 0)) {
            t->abbr_slot[j] = d + 1;
            return;
        }
    }
}

static hnp_status index_abbrs(hnp_tagger *t)
{
    if (t->n_abbr * 2 > t->cap_abbr_slot) {
        size_t cap = t->cap_abbr_slot ? t->cap_abbr_slot * 2 : 32;
        size_t *s = calloc(cap, sizeof *s);
        if (!s) {
            return HNP_ERR_NOMEM;
        }
        free(t->abbr_slot);
        t->abbr_slot = s;
        t->cap_abbr_slot = cap;
        for (size_t d = 0; d + 1 < t->n_abbr; d++) {
            slot_put(t, d);
        }
    }
    slot_put(t, t->n_abbr - 1);
    return HNP_OK;
}

int hnp_tag_abbrev_sf_in_lf(const uint8_t *sf, size_t sn, const uint8_t *lf, size_t ln)
{
    return sf_matches_lf(sf, sn, lf, ln);
}

int hnp_tag_abbrev_is_code(const uint8_t *sf, size_t sn, const uint8_t *lf)
{
    return sf_is_code(sf, sn, lf);
}

hnp_status hnp_tag_abbrev_put(hnp_tagger *t, const uint8_t *sf, size_t n, hnp_entity_label label,
                              const char *id, const char *name)
{
    HNP_TRY(hnp_tag_grow((void **)&t->abbr, &t->cap_abbr, t->n_abbr + 1, sizeof *t->abbr));
    tag_abbr *a = &t->abbr[t->n_abbr++];
    a->sf_off = t->abbr_text.len;
    a->sf_len = n;
    a->label = label;
    a->id = id;
    a->name = name;
    if (n > 0) {
        t->abbr_first[sf[0] / 64] |= UINT64_C(1) << (sf[0] % 64);
    }
    if (n > 1) {
        size_t b = hnp_tag_abbr_two_bit(sf);
        t->abbr_two[b / 64] |= UINT64_C(1) << (b % 64);
    }
    HNP_TRY(hnp_buf_put(&t->abbr_text, sf, n));
    return index_abbrs(t);
}

static hnp_status define(hnp_tagger *t, const uint8_t *sf, size_t n, const hnp_mention *lf)
{
    return hnp_tag_abbrev_put(t, sf, n, lf->label, lf->id, lf->name);
}

hnp_status hnp_tag_abbrev_define(hnp_tagger *t, const uint8_t *text, const hnp_mention *lf,
                                 size_t *i)
{
    size_t p = *i, a = 0, b = 0;
    size_t q =
        lf->label == HNP_LABEL_TRIAL ? 0 : short_form_after(t, text, lf->span.end, p, &a, &b);
    if (!q) {
        return HNP_OK;
    }
    const uint8_t *lfs = text + lf->span.start;
    size_t lfn = lf->span.end - lf->span.start;
    hnp_mention def = *lf; /* emitting may move t->m, and lf points into it */
    if (lfn <= b - a) {
        return HNP_OK;
    }
    size_t first = p;
    while (first > 0 && t->tok[first - 1].start >= lf->span.start) {
        first--;
    }
    if (!sf_matches_lf(text + a, b - a, lfs, lfn) &&
        !sf_is_initials(t, first, p, text + a, b - a)) {
        def.span.start = widen_long_form(t, text, lf, first, text + a, b - a);
        if (def.span.start != lf->span.start) {
            t->m[t->n_m - 1].span.start = def.span.start;
        } else if (!sf_is_code(text + a, b - a, lfs)) {
            return HNP_OK;
        }
    }
    HNP_TRY(define(t, text + a, b - a, &def));
    HNP_TRY(hnp_tag_emit(t, a, b, def.label, def.id, def.name, SIZE_MAX));
    *i = q + 1;
    return HNP_OK;
}

static const tag_abbr *abbr_find(const hnp_tagger *t, const uint8_t *sf, size_t n);

hnp_status hnp_tag_abbrev_learn(hnp_tagger *t, const uint8_t *text, const hnp_mention *lf, size_t p)
{
    size_t a = 0, b = 0;
    if (p >= t->n_tok || lf->span.end > t->tok[p].start ||
        !short_form_after(t, text, lf->span.end, p, &a, &b)) {
        return HNP_OK;
    }
    const uint8_t *lfs = text + lf->span.start;
    size_t lfn = lf->span.end - lf->span.start;
    if (lfn <= b - a || (t->n_abbr && abbr_find(t, text + a, b - a)) ||
        !(sf_matches_lf(text + a, b - a, lfs, lfn) || sf_is_code(text + a, b - a, lfs))) {
        return HNP_OK;
    }
    hnp_mention def = *lf;
    return define(t, text + a, b - a, &def);
}

static const tag_abbr *abbr_find(const hnp_tagger *t, const uint8_t *sf, size_t n)
{
    size_t mask = t->cap_abbr_slot - 1;
    for (size_t j = sf_hash(sf, n) & mask; t->abbr_slot[j]; j = (j + 1) & mask) {
        const tag_abbr *a = &t->abbr[t->abbr_slot[j] - 1];
        if (a->sf_len == n && memcmp(t->abbr_text.data + a->sf_off, sf, n) == 0) {
            return a;
        }
    }
    return NULL;
}

void hnp_tag_abbrev_match(const hnp_tagger *t, const uint8_t *text, size_t i, size_t limit,
                          tag_match *out)
{
    /* The first bytes alone let most capitalised words of a long document through. */
    if (!hnp_tag_abbr_may_start(t, text, i)) {
        return;
    }
    /* Short forms have no white space: try tokens i..j joined by hyphens only. */
    size_t start = t->tok[i].start;
    for (size_t j = i; j < t->n_tok && j - i < 4; j++) {
        const tag_token *k = &t->tok[j];
        if (k->end > limit || k->end - start > SF_MAX || (j > i && !k->glued)) {
            break;
        }
        const tag_abbr *a = abbr_find(t, text + start, k->end - start);
        if (a) {
            out->ntok = j - i + 1;
            out->label = a->label;
            out->id = a->id;
            out->name = a->name;
            out->ctx = 0;
        }
    }
}
