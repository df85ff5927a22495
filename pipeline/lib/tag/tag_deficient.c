/* tag_deficient.c -- deficiency states named by a gene's or a protein's symbol: "C5-deficient
 * mice", "a C7 deficient brother", "type II C2-deficient", "deficient in Six5", "deficient
 * for C5".
 *
 * NCBI Disease marks these as its mentions (the deficiency is the disease: "C2 deficiency"
 * is a lexicon term, "C2-deficient" is not), and the model, seeing an unknown symbol and no
 * dictionary match, leaves most of them. A symbol is a word of at most eight letters and
 * digits that starts with a capital and has a digit or a second capital ("C5", "VLCAD",
 * "Six5"; not "Mice", "I"). Found in the held-out folds' misses; measured on the training
 * split's held-out parts (folds 0-2: 10 of the 12 the model left were gold, the two others
 * "MRP2-deficient rats" in BC5CDR, which leaves such states unmarked) and its training
 * part (10 of 15).
 *
 * Layering: called by tag.c and tag_model.c (hnp_tag_deficiency_end); calls tag_mentions.c. */
#include "tag_internal.h"
#include "tag_model.h"

#include "base/ascii.h"

#include <string.h>

#define SYMBOL_MAX 8

static int is_alnum(uint8_t c)
{
    return hnp_ascii_is(c, HNP_ASCII_WORD);
}

/* Whether bytes s..e-1 are a symbol (see above). */
static int is_symbol(const uint8_t *text, size_t s, size_t e)
{
    if (e <= s || e - s > SYMBOL_MAX || !hnp_ascii_is(text[s], HNP_ASCII_UPPER)) {
        return 0;
    }
    size_t caps = 0, digits = 0;
    for (size_t p = s; p < e; p++) {
        if (!is_alnum(text[p])) {
            return 0;
        }
        caps += hnp_ascii_is(text[p], HNP_ASCII_UPPER) != 0;
        digits += hnp_ascii_is(text[p], HNP_ASCII_DIGIT) != 0;
    }
    return digits > 0 || caps > 1;
}

/* "type I " or "type II " (any case of "type") right before byte s; returns its start, or s. */
static size_t type_before(const uint8_t *text, size_t a, size_t s)
{
    for (size_t n = 2; n >= 1; n--) {
        size_t len = 4 + 1 + n + 1; /* "type", " ", n times "I", " " */
        if (s < a + len) {
            continue;
        }
        const uint8_t *w = text + s - len;
        if ((w[0] | 0x20) == 't' && memcmp(w + 1, "ype ", 4) == 0 && w[5] == 'I' &&
            (n == 1 || w[6] == 'I') && w[len - 1] == ' ' && (w == text + a || !is_alnum(w[-1]))) {
            return s - len;
        }
    }
    return s;
}

/* The span of a deficiency state around "deficient" at byte p (sentence bytes a..b), or
 * {0, 0}: "SYM-deficient", "SYM deficient" (maybe after "type I"), "deficient in|for SYM"
 * (maybe with a one-letter part, "Hex A"). */
static hnp_span state_at(const uint8_t *text, size_t a, size_t b, size_t p)
{
    hnp_span none = {0, 0};
    size_t e = p + 9; /* strlen("deficient") */
    if (e < b && is_alnum(text[e])) {
        return none;
    }
    if (p >= a + 2 && (text[p - 1] == '-' || text[p - 1] == ' ')) {
        size_t s = p - 1;
        while (s > a && is_alnum(text[s - 1])) {
            s--;
        }
        if ((s == a || (!is_alnum(text[s - 1]) && text[s - 1] != '-')) &&
            is_symbol(text, s, p - 1)) {
            return (hnp_span){type_before(text, a, s), e};
        }
    }
    size_t q = e;
    if (q + 4 <= b && memcmp(text + q, " in ", 4) == 0) {
        q += 4;
    } else if (q + 5 <= b && memcmp(text + q, " for ", 5) == 0) {
        q += 5;
    } else {
        return none;
    }
    size_t z = q;
    while (z < b && is_alnum(text[z])) {
        z++;
    }
    int letter = z + 2 <= b && text[z] == ' ' && hnp_ascii_is(text[z + 1], HNP_ASCII_UPPER) &&
                 (z + 2 == b || !is_alnum(text[z + 2]));
    if (!is_symbol(text, q, z) &&
        !(letter && z - q >= 2 && z - q <= SYMBOL_MAX && hnp_ascii_is(text[q], HNP_ASCII_UPPER))) {
        return none;
    }
    z += letter ? 2 : 0; /* "Hex A" */
    return (hnp_span){p, z};
}

hnp_status hnp_tag_deficient(hnp_tagger *t, const uint8_t *text, size_t m0, size_t a, size_t b)
{
    for (const uint8_t *q = memchr(text + a, 'f', b - a); q;
         q = q + 1 < text + b ? memchr(q + 1, 'f', b - (size_t)(q + 1 - text)) : NULL) {
        size_t f = (size_t)(q - text);
        if (f < a + 2 || f + 7 > b || memcmp(text + f - 2, "deficient", 9) != 0 ||
            (f - 2 > a && is_alnum(text[f - 3]))) {
            continue;
        }
        hnp_span s = state_at(text, a, b, f - 2);
        if (s.end > s.start && !hnp_tag_overlaps(t, m0, s.start, s.end)) {
            HNP_TRY(hnp_tag_emit(t, s.start, s.end, HNP_LABEL_CONDITION, "-", "-", SIZE_MAX));
            hnp_tag_settle_last(t, m0);
        }
    }
    return HNP_OK;
}

/* Whether token k is one of the space-separated folded words of list. */
static int word_among(const hnp_tagger *t, size_t k, const char *list)
{
    const tag_token *x = &t->tok[k];
    const char *w = (const char *)t->fold.data + x->fold_off;
    for (const char *p = list; x->kind == LEXTOK_WORD && *p;) {
        size_t n = strcspn(p, " ");
        if (n == x->fold_len && memcmp(p, w, n) == 0) {
            return 1;
        }
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* Words that end the noun phrase after "deficiency of": what follows a deficiency's object
 * in the training split's gold mentions (" in erythrocytes", " and recurrent infections",
 * " causes ...", " is ...") and the like. */
static const char np_stops[] =
    "in and or with is are was were has have had causes caused cause causing associated on at "
    "as by for to from that which who results leads led due may can but than while since "
    "because after before during between among within without we it its their this these "
    "those been be not resulting leading more less most both all such each";

/* Whether token k is a small-letter word of five letters or more ending in "ed", a verb
 * that starts the clause after the noun phrase ("deficiency of Hmgic resisted ..."). */
static int is_verb_ed(const hnp_tagger *t, const uint8_t *text, size_t k)
{
    const tag_token *x = &t->tok[k];
    const uint8_t *w = t->fold.data + x->fold_off;
    return x->kind == LEXTOK_WORD && x->fold_len >= 5 && w[x->fold_len - 2] == 'e' &&
           w[x->fold_len - 1] == 'd' && hnp_ascii_is(text[x->start], HNP_ASCII_LOWER);
}

/* The last token of a condition over tokens a..b that names a deficiency of something,
 * "deficiency of the enzyme aspartylglucosaminidase", "haploinsufficiency of PAX6": when
 * the span holds the head word and "of" follows it, the span reaches to the last word of
 * the noun phrase after "of" (at most DEF_NP_MAX tokens, up to a bracket, a comma or
 * another clause's word, not over another mention). The model's regions end two tokens
 * after a dictionary match, so it cut most such phrases short ("deficiency of",
 * "Deficiency of beta"): NCBI Disease marks the whole phrase. */
#define DEF_NP_MAX 8
size_t hnp_tag_deficiency_end(const hnp_tagger *t, const uint8_t *text, size_t a, size_t b)
{
    size_t h = SIZE_MAX;
    for (size_t k = a; k <= b; k++) {
        h = word_among(t, k, "deficiency deficiencies haploinsufficiency") ? k : h;
    }
    if (h == SIZE_MAX || h + 2 >= t->n_tok || !hnp_tag_word_is(t, h + 1, "of")) {
        return b;
    }
    size_t last = b;
    for (size_t k = h + 2; k < t->n_tok && k <= h + 1 + DEF_NP_MAX; k++) {
        const tag_token *x = &t->tok[k];
        if (k > b && (t->my[k] == TAG_Y_BC || t->my[k] == TAG_Y_IC)) {
            break; /* another condition */
        }
        if (k > b && t->my[k] == TAG_Y_BD) {
            /* a drug's name: the object itself ("deficiency of thiamine", which BC5CDR marks
             * as the drug) ends the phrase; one that modifies a word after it
             * ("galactose-1-phosphate uridyl transferase") is part of it */
            size_t d = k + 1;
            while (d < t->n_tok && t->my[d] == TAG_Y_ID) {
                d++;
            }
            if (d >= t->n_tok || t->tok[d].kind != LEXTOK_WORD || word_among(t, d, np_stops)) {
                break;
            }
            last = d - 1;
            k = d - 1;
            continue;
        }
        if (x->kind == LEXTOK_PUNCT) {
            uint8_t c = text[x->start];
            int joins = x->start == t->tok[k - 1].end || (k + 1 < t->n_tok && t->tok[k + 1].glued);
            if ((c == '-' || c == '/') && joins) {
                continue; /* "beta-hexosaminidase", "N -acetylgalactosamine" */
            }
            break;
        }
        if (hnp_tag_word_is(t, k, "and") && k + 1 < t->n_tok &&
            is_symbol(text, t->tok[k - 1].start, t->tok[k - 1].end) &&
            is_symbol(text, t->tok[k + 1].start, t->tok[k + 1].end)) {
            continue; /* "of C6 and C7" */
        }
        if (word_among(t, k, np_stops) || is_verb_ed(t, text, k)) {
            break;
        }
        int article = hnp_tag_word_is(t, k, "the") || hnp_tag_word_is(t, k, "an") ||
                      (hnp_tag_word_is(t, k, "a") && text[x->start] == 'a'); /* "arylsulfatase A" */
        if (!article && !hnp_tag_word_is(t, k, "of")) {
            last = k > last ? k : last;
        }
    }
    return last;
}
