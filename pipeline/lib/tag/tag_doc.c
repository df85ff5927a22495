/* tag_doc.c -- the document's own evidence, after every sentence is tagged.
 *
 * The model decides sentence by sentence, so it can take a condition in one sentence and
 * miss the same words three sentences later, or miss every later use of a short form
 * whose long form it took. Both corpora it is trained on (and careful readers) annotate a
 * document consistently, so once the document is tagged:
 *
 * - a condition followed by "(SF)" defines SF when the letters of SF are found, in order,
 *   in the words before "(", the first at the start of a word, within Schwartz & Hearst's
 *   window (min(|SF| + 5, 2 |SF|) words, not over a sentence's end: "levodopa-induced
 *   dyskinesias (LIDs)", where the mention is only the head of the long form), or when SF
 *   is a short code that starts with the mention's first letter; SF needs two capitals;
 * - the words of every condition mention (3 bytes or more) and every short form so
 *   defined are a condition wherever else they occur in the document's taggable
 *   sentences, with the same case, on word boundaries, where no other mention is.
 *
 * Chosen on the validation part of the training splits (scripts/eval_ner.py --split val):
 * drugs are left out, since a drug word the model took in one context ("salt", a
 * protein's short form) is more often wrong elsewhere than right.
 *
 * The document's word tokens are recorded while the sentences are tokenized (tag.c), so
 * finding the other occurrences is one walk over them with a bitmap of the candidates'
 * first-word hashes; nothing is done in a document with no condition.
 *
 * Layering: called by tag.c; calls tag_abbrev.c (the short-form tests) and tag_mentions.c. */
#include "tag_internal.h"

#include "base/ascii.h"

#include <stdlib.h>
#include <string.h>

#define SF_MIN   2
#define SF_MAX   12
#define CONS_MIN 3 /* shorter mentions ("MS", "AD") spread only when defined in the text */

/* A letter or digit, or any byte of a non-ASCII character (decoded by the tokens). */
static int is_word_byte(uint8_t c)
{
    return c >= 0x80 || (hnp_ascii_props[c] & HNP_ASCII_WORD);
}

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The document token that starts at byte pos, or SIZE_MAX. */
static size_t dtok_at(const hnp_tagger *t, size_t pos)
{
    size_t lo = 0, hi = t->n_dtok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->dtok[mid].start < pos) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < t->n_dtok && t->dtok[lo].start == pos ? lo : SIZE_MAX;
}

static hnp_status add_cand(hnp_tagger *t, size_t start, size_t len, const hnp_mention *m)
{
    size_t k = dtok_at(t, start);
    if (k == SIZE_MAX) {
        return HNP_OK; /* starts with no word: never on a word boundary */
    }
    HNP_TRY(hnp_tag_grow((void **)&t->cand, &t->cap_cand, t->n_cand + 1, sizeof *t->cand));
    tag_cand *c = &t->cand[t->n_cand];
    c->start = start;
    c->len = len;
    c->hash = t->dtok[k].hash;
    c->order = t->n_cand++;
    c->label = m->label;
    c->id = m->id;
    c->name = m->name;
    t->cand_bits[(c->hash >> 6) & 15] |= UINT64_C(1) << (c->hash & 63);
    return HNP_OK;
}

/* "(SF)" right after the mention m (spaces between), SF of SF_MIN..SF_MAX bytes without
 * white space or brackets and with two capitals, closed by ')', ';' or ','. Returns SF's
 * length (0: none) and its start in *sf. */
static size_t short_form_after(const uint8_t *text, size_t len, const hnp_mention *m, size_t *sf)
{
    size_t p = m->span.end;
    while (p < len && text[p] == ' ') {
        p++;
    }
    if (p >= len || text[p] != '(') {
        return 0;
    }
    size_t a = ++p, caps = 0;
    while (p < len && p - a <= SF_MAX && !is_space(text[p]) && text[p] != '(' && text[p] != ')' &&
           text[p] != ';' && text[p] != ',') {
        caps += text[p] >= 'A' && text[p] <= 'Z';
        p++;
    }
    if (p >= len || p - a < SF_MIN || p - a > SF_MAX || caps < 2 ||
        (text[p] != ')' && text[p] != ';' && text[p] != ',')) {
        return 0;
    }
    *sf = a;
    return p - a;
}

/* Schwartz & Hearst's long form: a run of the words before byte end (at most
 * min(|SF| + 5, 2 |SF|), none ending a clause, none before floor) that starts with the
 * first letter of SF and contains its letters in order. */
static int has_long_form(const uint8_t *text, size_t floor, size_t end, const uint8_t *sf,
                         size_t sn)
{
    size_t max_words = sn + 5 < 2 * sn ? sn + 5 : 2 * sn, p = end;
    uint8_t first = sf[0] >= 'A' && sf[0] <= 'Z' ? (uint8_t)(sf[0] + 32) : sf[0];
    for (size_t words = 0; words < max_words; words++) {
        while (p > floor && is_space(text[p - 1])) {
            p--;
        }
        size_t e = p;
        while (p > floor && !is_space(text[p - 1])) {
            p--;
        }
        if (p == e) {
            return 0;
        }
        uint8_t last = text[e - 1], c = text[p];
        if (e != end && (last == '.' || last == ';' || last == ':' || last == '!' || last == '?')) {
            return 0; /* the long form does not reach over the end of a clause */
        }
        c = c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
        if (c == first && is_word_byte(text[p]) &&
            hnp_tag_abbrev_sf_in_lf(sf, sn, text + p, end - p)) {
            return 1;
        }
    }
    return 0;
}

/* The candidates: each condition's words, and each short form a condition defines. */
static hnp_status collect(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents)
{
    t->n_cand = 0;
    memset(t->cand_bits, 0, sizeof t->cand_bits);
    for (size_t x = 0; x < t->n_m; x++) {
        const hnp_mention *m = &t->m[x];
        if (m->label != HNP_LABEL_CONDITION) {
            continue;
        }
        size_t n = m->span.end - m->span.start, sf = 0;
        if (n >= CONS_MIN && (t->m_keep[x] & TAG_M_SURE)) {
            HNP_TRY(add_cand(t, m->span.start, n, m));
        }
        size_t sn = short_form_after(text, len, m, &sf);
        if (sn && sn < n &&
            (has_long_form(text, sents[m->sent].start, m->span.end, text + sf, sn) ||
             hnp_tag_abbrev_is_code(text + sf, sn, text + m->span.start))) {
            HNP_TRY(add_cand(t, sf, sn, m));
        }
    }
    return HNP_OK;
}

/* Candidates by first-word hash, longest first, then in the order found. */
static int cand_cmp(const void *pa, const void *pb)
{
    const tag_cand *a = pa, *b = pb;
    if (a->hash != b->hash) {
        return a->hash < b->hash ? -1 : 1;
    }
    if (a->len != b->len) {
        return a->len > b->len ? -1 : 1;
    }
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Whether byte end, the end of a match that started at document token k, is a word
 * boundary: a non-word byte, the text's end, or the start of a later token ("糖尿病"). */
static int ends_word(const hnp_tagger *t, const uint8_t *text, size_t len, size_t k, size_t end)
{
    if (end >= len || !is_word_byte(text[end])) {
        return 1;
    }
    while (k < t->n_dtok && t->dtok[k].start < end) {
        k++;
    }
    return k < t->n_dtok && t->dtok[k].start == end;
}

/* The longest candidate that occurs at document token k and ends by byte limit, or NULL. */
static const tag_cand *cand_at(const hnp_tagger *t, const uint8_t *text, size_t len, size_t k,
                               size_t limit)
{
    uint32_t h = t->dtok[k].hash;
    size_t lo = 0, hi = t->n_cand, a = t->dtok[k].start;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->cand[mid].hash < h) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (; lo < t->n_cand && t->cand[lo].hash == h; lo++) {
        const tag_cand *c = &t->cand[lo];
        if (a + c->len <= limit && memcmp(text + a, text + c->start, c->len) == 0 &&
            ends_word(t, text, len, k, a + c->len)) {
            return c;
        }
    }
    return NULL;
}

/* The first document token from k on whose hash is in the candidates' bitmap (most words
 * start no candidate), or n. Its own function over plain arrays, so the loop stays in
 * registers. */
static size_t next_hit(const tag_dtok *d, size_t n, const uint64_t *bits, size_t k)
{
    while (k < n && !((bits[(d[k].hash >> 6) & 15] >> (d[k].hash & 63)) & 1)) {
        k++;
    }
    return k;
}

/* Appends the new mentions, in document order, after the n_m mentions (the caller merges). */
static hnp_status find_more(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents,
                            size_t n_sents)
{
    size_t n_old = t->n_m, p = 0, s = 0, busy = 0; /* busy: end of the mentions so far */
    for (size_t k = next_hit(t->dtok, t->n_dtok, t->cand_bits, 0); k < t->n_dtok;
         k = next_hit(t->dtok, t->n_dtok, t->cand_bits, k + 1)) {
        const tag_dtok *d = &t->dtok[k];
        while (p < n_old && t->m[p].span.start <= d->start) {
            busy = t->m[p].span.end > busy ? t->m[p].span.end : busy;
            p++;
        }
        if (busy > d->start) {
            continue;
        }
        while (s < n_sents && sents[s].end <= d->start) {
            s++;
        }
        size_t limit = p < n_old ? t->m[p].span.start : len;
        limit = s < n_sents && sents[s].end < limit ? sents[s].end : limit;
        const tag_cand *c = cand_at(t, text, len, k, limit);
        if (c) {
            t->sent = s;
            HNP_TRY(
                hnp_tag_emit(t, d->start, d->start + c->len, c->label, c->id, c->name, SIZE_MAX));
            busy = d->start + c->len;
        }
    }
    return HNP_OK;
}

/* Merges the mentions 0..n_old-1 and n_old..n_m-1, each in document order. */
static hnp_status merge_new(hnp_tagger *t, size_t n_old)
{
    size_t n = t->n_m;
    HNP_TRY(hnp_tag_grow((void **)&t->mm, &t->cap_mm, n, sizeof *t->mm));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_id, &t->cap_mm_id, n, sizeof *t->mm_id));
    HNP_TRY(hnp_tag_grow((void **)&t->mm_keep, &t->cap_mm_keep, n, 1));
    for (size_t d = 0, e = n_old, o = 0; o < n; o++) {
        size_t x = d < n_old && (e == n || t->m[d].span.start < t->m[e].span.start) ? d++ : e++;
        t->mm[o] = t->m[x];
        t->mm_id[o] = t->m_id[x];
        t->mm_keep[o] = t->m_keep[x];
    }
    memcpy(t->m, t->mm, n * sizeof *t->m);
    memcpy(t->m_id, t->mm_id, n * sizeof *t->m_id);
    memcpy(t->m_keep, t->mm_keep, n);
    return HNP_OK;
}

hnp_status hnp_tag_doc_consistency(hnp_tagger *t, const uint8_t *text, size_t len,
                                   const hnp_span *sents, size_t n_sents)
{
    HNP_TRY(collect(t, text, len, sents));
    if (t->n_cand == 0) {
        return HNP_OK;
    }
    qsort(t->cand, t->n_cand, sizeof *t->cand, cand_cmp);
    size_t n_old = t->n_m;
    HNP_TRY(find_more(t, text, len, sents, n_sents));
    return t->n_m > n_old ? merge_new(t, n_old) : HNP_OK;
}
