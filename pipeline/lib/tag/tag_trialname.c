/* tag_trialname.c -- trials named in the text itself.
 *
 * News names trials by an upper-case acronym followed by "trial" or "study": "the ACME-HF
 * trial", "ACME (A Cardiac Medicine Evaluation) trial", "ACME-2 phase 3 study", "the
 * (ACME) trial". The registry's acronym list knows only some of them, so the pattern
 * itself makes a TRIAL mention (id "-" unless the lexicon's trial has the same span), and
 * no part of a trial's name is a condition or a drug: "HF" in "ACME-HF" is not heart
 * failure. The name must look like a name: at least three capital letters, no lower case,
 * and either "the" before it, a hyphenated or numbered part, a parenthesis, or a phase;
 * an acronym that the lexicon knows as something else ("the HIV trial"), and agencies
 * ("the FDA study") are not trial names.
 *
 * Layering: called by tag.c after the sentence's mentions are final; calls tag_mentions.c. */
#include "tag_internal.h"

#include <string.h>

static int word_is(const hnp_tagger *t, size_t i, const char *const *words, size_t n)
{
    const tag_token *k = &t->tok[i];
    const uint8_t *w = t->fold.data + k->fold_off;
    for (size_t x = 0; x < n; x++) {
        if (strlen(words[x]) == k->fold_len && memcmp(words[x], w, k->fold_len) == 0) {
            return 1;
        }
    }
    return 0;
}

static int is_punct(const hnp_tagger *t, const uint8_t *text, size_t i, uint8_t c)
{
    return i < t->n_tok && t->tok[i].kind == LEXTOK_PUNCT && text[t->tok[i].start] == c;
}

/* Upper-case letters in an ASCII word of capitals and digits; -1 if it has anything else.
 * *digits is set when it has a digit. */
static int capitals(const uint8_t *text, const tag_token *k, int *digits)
{
    int n = 0;
    if (k->kind != LEXTOK_WORD || !k->ascii) {
        return -1;
    }
    for (size_t x = k->start; x < k->end; x++) {
        if (text[x] >= 'A' && text[x] <= 'Z') {
            n++;
        } else if (text[x] < '0' || text[x] > '9') {
            return -1;
        } else {
            *digits = 1;
        }
    }
    return n;
}

/* The name starting at token i: its last token in *j and its capitals; 0 when none.
 * *numbered: it has a digit or more than one hyphenated part ("ACME-2", "ACME-HF"). */
static int name_at(const hnp_tagger *t, const uint8_t *text, size_t i, size_t *j, int *numbered)
{
    int parts = 1;
    int caps = capitals(text, &t->tok[i], numbered);
    if (caps < 1 || (i > 0 && t->tok[i].glued)) {
        return 0;
    }
    *j = i;
    while (*j + 1 < t->n_tok && t->tok[*j + 1].glued) {
        int c = capitals(text, &t->tok[*j + 1], numbered);
        if (c < 0) {
            return 0; /* "ACME-like": not a name */
        }
        caps += c;
        (*j)++;
        parts++;
    }
    *numbered |= parts > 1;
    return caps;
}

/* After the name (token k): an optional "(...)", an optional phase, then trial/study.
 * Returns the token after "trial", or 0; *strong is set by a parenthesis or a phase. */
static size_t trial_word_after(const hnp_tagger *t, const uint8_t *text, size_t k, int *strong)
{
    static const char *const trial[] = {"trial", "trials", "study", "studies"};
    static const char *const phase[] = {"phase"};
    if (is_punct(t, text, k, '(')) {
        size_t q = k + 1;
        while (q < t->n_tok && q < k + 16 && !is_punct(t, text, q, ')')) {
            q++;
        }
        if (!is_punct(t, text, q, ')')) {
            return 0;
        }
        k = q + 1;
        *strong = 1;
    }
    if (k + 1 < t->n_tok && t->tok[k].kind == LEXTOK_WORD && word_is(t, k, phase, 1)) {
        k += 2; /* "phase 3", "phase III", "phase 2b" */
        while (k < t->n_tok && t->tok[k].glued) {
            k++; /* "phase 2/3" is "2", "/", "3": only glued parts are skipped */
        }
        *strong = 1;
    }
    if (k < t->n_tok && t->tok[k].kind == LEXTOK_WORD && word_is(t, k, trial, 4)) {
        return k + 1;
    }
    return 0;
}

static int is_agency(const hnp_tagger *t, size_t i, size_t j)
{
    static const char *const agencies[] = {"fda", "nih",  "cdc",  "who", "nhs", "ema",
                                           "usa", "nice", "mhra", "nci", "va"};
    return i == j && word_is(t, i, agencies, sizeof agencies / sizeof agencies[0]);
}

/* A DRUG, CONDITION or PROCEDURE mention of exactly tokens i..j: the lexicon knows the
 * name as something else. */
static int known_as_other(const hnp_tagger *t, size_t m0, size_t i, size_t j)
{
    for (size_t x = m0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        if (m->span.start == t->tok[i].start && m->span.end == t->tok[j].end &&
            m->label != HNP_LABEL_TRIAL) {
            return 1;
        }
    }
    return 0;
}

/* Replaces the mentions m0.. that overlap bytes a..clear (the name and what follows it up
 * to "trial": its expansion, its phase) by one TRIAL mention of bytes a..b, keeping a
 * lexicon trial's id when it has exactly this span. */
static hnp_status replace(hnp_tagger *t, size_t m0, size_t a, size_t b, size_t clear)
{
    const char *id = "-", *name = "-";
    size_t id_off = SIZE_MAX, w = m0, at = SIZE_MAX;
    for (size_t x = m0; x < t->n_m; x++) {
        hnp_mention m = t->m[x];
        if (m.span.start < clear && a < m.span.end) {
            if (m.label == HNP_LABEL_TRIAL && m.span.start == a && m.span.end == b) {
                id = m.id;
                name = m.name;
                id_off = t->m_id[x];
            }
            if (at == SIZE_MAX) {
                at = w;
            }
            continue;
        }
        if (at == SIZE_MAX && m.span.start >= clear) {
            at = w;
        }
        t->m_id[w] = t->m_id[x];
        t->m_keep[w] = t->m_keep[x];
        t->m[w++] = m;
    }
    t->n_m = w;
    HNP_TRY(hnp_tag_emit(t, a, b, HNP_LABEL_TRIAL, id, name, id_off));
    if (at == SIZE_MAX || at == t->n_m - 1) {
        return HNP_OK;
    }
    /* Move the new mention to its place in document order. */
    hnp_mention nm = t->m[t->n_m - 1];
    size_t nid = t->m_id[t->n_m - 1];
    memmove(t->m + at + 1, t->m + at, (t->n_m - 1 - at) * sizeof *t->m);
    memmove(t->m_id + at + 1, t->m_id + at, (t->n_m - 1 - at) * sizeof *t->m_id);
    memmove(t->m_keep + at + 1, t->m_keep + at, t->n_m - 1 - at);
    t->m[at] = nm;
    t->m_id[at] = nid;
    t->m_keep[at] = 0;
    return HNP_OK;
}

/* The sentence has "trial(s)" or "study/studies": most have neither, and are done. */
static int has_trial_word(const hnp_tagger *t)
{
    static const char *const trial[] = {"trial", "trials", "study", "studies"};
    for (size_t i = 1; i < t->n_tok; i++) {
        const tag_token *k = &t->tok[i];
        uint8_t c = t->fold.data[k->fold_off];
        if (k->fold_len >= 5 && k->fold_len <= 7 && (c == 't' || c == 's') &&
            word_is(t, i, trial, 4)) {
            return 1;
        }
    }
    return 0;
}

hnp_status hnp_tag_trial_names(hnp_tagger *t, const uint8_t *text, size_t m0)
{
    static const char *const the[] = {"the"};
    if (!has_trial_word(t)) {
        return HNP_OK;
    }
    for (size_t i = 0; i < t->n_tok; i++) {
        size_t j;
        int numbered = 0, strong = 0;
        int caps = name_at(t, text, i, &j, &numbered);
        if (caps < 3) {
            continue;
        }
        size_t k = j + 1;
        int in_paren = i > 0 && is_punct(t, text, i - 1, '(') && is_punct(t, text, k, ')');
        if (in_paren) {
            k++;
        }
        size_t after = trial_word_after(t, text, k, &strong);
        if (!after) {
            continue;
        }
        int after_the = i > 0 && t->tok[i - 1].kind == LEXTOK_WORD && word_is(t, i - 1, the, 1);
        if (!(after_the || numbered || in_paren || strong) || is_agency(t, i, j) ||
            known_as_other(t, m0, i, j)) {
            continue;
        }
        HNP_TRY(replace(t, m0, t->tok[i].start, t->tok[j].end, t->tok[after - 1].start));
        i = j;
    }
    return HNP_OK;
}
