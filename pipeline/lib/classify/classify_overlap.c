/* classify_overlap.c -- how much a sentence shares the words of the article's core:
 * evidence for the head/tail model (classify_model.c, features "core" and "core:window")
 * on the sentences it decides (page head, tail, link runs).
 *
 * Comment threads and teasers of other stories read like an article sentence by sentence
 * but talk about something else; a part of the article that the region search split off
 * talks about the same thing. On the region's candidates, the share of a sentence's
 * content words that the core holds is 0.30 on Google News's body sentences and 0.11 on
 * the junk after the article (Dragnet 0.27 / 0.16, Readability 0.21 / 0.10). The core is
 * the region's first prose sentences (10+ words, ending in a stop), up to CORE_WORDS
 * content words: the lede and the paragraphs after it. A content word is a run of letters
 * and digits of at least four characters that is not an English function word or a
 * number, lower-cased, and known by its first six characters ("vaccines" and
 * "vaccinated" are one word). A core sentence is measured against the other core
 * sentences. The trims' candidates (the region's rule-body sentences) get none: given to
 * the tail's peel, it cut the last paragraphs of short articles, which share few words
 * with their own lede. */
#include "base/fnv.h"
#include "classify_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

enum {
    CORE_WORDS = 120, /* content words of the core (the lede and the paragraphs after it) */
    WORD_MIN = 4,     /* characters of a content word */
    WORD_PREFIX = 6,  /* characters that name it */
    KEYS_MAX = 256,   /* content words a sentence is measured by */
    STOP_MAX = 7,     /* the longest English function word ("between") */
    CORE_SLOTS = 512  /* > CORE_WORDS + KEYS_MAX: the table never fills */
};

/* The content words of a sentence: 32-bit hashes of their first WORD_PREFIX characters,
 * sorted and unique. */
typedef struct word_keys {
    uint32_t k[KEYS_MAX];
    size_t n;
} word_keys;

/* ASCII letters and digits lower-cased; 0 for any other ASCII byte; 0xFF for a byte past
 * ASCII (a character the slow path decodes). The word bytes are base/ascii.h's
 * HNP_ASCII_WORD; a table of its own because the hot loop of read_word reads it once a
 * byte: derived from hnp_ascii_props with a range test it cost 3.2M more instructions
 * (callgrind, 2 MB of bench records). */
static const uint8_t word_tbl[256] = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

static uint8_t word_byte(uint8_t c)
{
    return word_tbl[c];
}

/* A word being read: the library's FNV-1a (base/fnv.h) over its first WORD_PREFIX
 * characters lower-cased (a key is its low 32 bits), its length in characters, whether it
 * is all digits and all ASCII. */
typedef struct word_state {
    uint64_t h;
    size_t cps;
    int digits, ascii;
} word_state;

/* The character at s[*p] past ASCII, when it is a letter, mark or number, continues the
 * word (lower-cased into the hash; *p moves past it): 1; else 0 (*p moves past an invalid
 * byte). */
static int other_char(const uint8_t *s, size_t n, size_t *p, word_state *w)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t len = utf8proc_iterate(s + *p, (utf8proc_ssize_t)(n - *p), &c);
    if (len < 1) {
        (*p)++;
        return 0;
    }
    utf8proc_category_t cat = utf8proc_category(c);
    if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_NO) {
        return 0; /* *p stays: the caller skips the separator */
    }
    *p += (size_t)len;
    if (w->cps < WORD_PREFIX) {
        uint8_t b[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(c), b);
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            w->h = hnp_fnv64_byte(w->h, b[j]);
        }
    }
    w->digits = w->ascii = 0;
    w->cps++;
    return 1;
}

/* 1 if the ASCII word s[0..n) is an English function word. */
static int stop_word(const uint8_t *s, size_t n)
{
    char low[STOP_MAX];
    for (size_t j = 0; j < n; j++) {
        low[j] = (char)word_byte(s[j]);
    }
    return hnp_cls_is_stopword(low, n);
}

/* Reads the word at s[*p] (a word byte) into w, character by character; *p ends past it. */
static void read_word_slow(const uint8_t *s, size_t n, size_t *p, word_state *w)
{
    *w = (word_state){HNP_FNV64_INIT, 0, 1, 1};
    while (*p < n) {
        uint8_t lc = word_byte(s[*p]);
        if (lc == 0) {
            return;
        }
        if (lc == 0xFF) {
            if (!other_char(s, n, p, w)) {
                return;
            }
            continue;
        }
        if (w->cps < WORD_PREFIX) {
            w->h = hnp_fnv64_byte(w->h, lc);
        }
        w->digits &= lc <= '9';
        w->cps++;
        (*p)++;
    }
}

/* Reads the word at s[*p] (a word byte) into w; *p ends past it. An ASCII word is read a
 * byte at a time (its first WORD_PREFIX bytes hashed, the rest only passed); a word with a
 * byte past ASCII is read again from its start, character by character. */
static void read_word(const uint8_t *s, size_t n, size_t *p, word_state *w)
{
    size_t a = *p, i = a, lim = a + WORD_PREFIX < n ? a + WORD_PREFIX : n;
    uint64_t h = HNP_FNV64_INIT;
    uint8_t lc = 0;
    for (; i < lim && (lc = word_tbl[s[i]]) != 0 && lc != 0xFF; i++) {
        h = hnp_fnv64_byte(h, lc);
    }
    if (i == lim) {
        while (i < n && (lc = word_tbl[s[i]]) != 0 && lc != 0xFF) {
            i++;
        }
    }
    if (i < n && lc == 0xFF) {
        read_word_slow(s, n, p, w);
        return;
    }
    size_t d = a;
    while (d < i && s[d] >= '0' && s[d] <= '9') {
        d++;
    }
    *w = (word_state){h, i - a, d == i, 1};
    *p = i;
}

/* Sorts the keys and drops repeats (a sentence holds a few dozen at most: insertion). */
static void unique_keys(word_keys *k)
{
    for (size_t i = 1; i < k->n; i++) {
        uint32_t v = k->k[i];
        size_t j = i;
        for (; j > 0 && k->k[j - 1] > v; j--) {
            k->k[j] = k->k[j - 1];
        }
        k->k[j] = v;
    }
    size_t u = 0;
    for (size_t j = 0; j < k->n; j++) {
        if (u == 0 || k->k[u - 1] != k->k[j]) {
            k->k[u++] = k->k[j];
        }
    }
    k->n = u;
}

static void sentence_keys(const cls_doc *d, size_t i, word_keys *k)
{
    const uint8_t *s = d->text + d->sents[i].start;
    size_t n = d->sents[i].end - d->sents[i].start, p = 0;
    k->n = 0;
    while (p < n && k->n < KEYS_MAX) {
        uint8_t lc = word_byte(s[p]);
        if (lc == 0) {
            p++;
            continue;
        }
        size_t a = p;
        word_state w;
        read_word(s, n, &p, &w);
        if (p == a) {
            p++; /* a separator past ASCII */
            continue;
        }
        if (w.cps >= WORD_MIN && !w.digits &&
            !(w.ascii && w.cps <= STOP_MAX && stop_word(s + a, w.cps))) {
            k->k[k->n++] = (uint32_t)w.h | 1u; /* its low 32 bits, never 0 (the empty slot) */
        }
    }
    unique_keys(k);
}

/* The core's words, each with the number of core sentences holding it. */
typedef struct core_table {
    uint32_t key[CORE_SLOTS];
    unsigned count[CORE_SLOTS];
} core_table;

static size_t slot_of(const core_table *t, uint32_t key)
{
    size_t h = (key * 2654435761u) & (CORE_SLOTS - 1);
    while (t->key[h] != 0 && t->key[h] != key) {
        h = (h + 1) & (CORE_SLOTS - 1);
    }
    return h;
}

static int core_prose(const cls_sent *s)
{
    return s->f.words >= 10 && s->f.ends_stop;
}

/* Fills the table from the region's first prose sentences; returns the last one taken
 * (d->re when the budget is not reached: every prose sentence of the region is core). */
static size_t build_core(const cls_doc *d, core_table *t, word_keys *k)
{
    size_t got = 0;
    for (size_t i = d->rs; i < d->re; i++) {
        if (!core_prose(&d->w[i])) {
            continue;
        }
        sentence_keys(d, i, k);
        for (size_t j = 0; j < k->n; j++) {
            size_t h = slot_of(t, k->k[j]);
            t->key[h] = k->k[j];
            t->count[h]++;
        }
        got += k->n;
        if (got >= CORE_WORDS) {
            return i;
        }
    }
    return d->re;
}

/* Sentences on either side that the window over a sentence's overlap reaches. */
enum { CORE_WINDOW = 2 };

/* Sentence i's overlap with the core t (own: 1 for a core sentence, measured against the
 * others) and its content words, into *share and *keys. */
static void overlap(const cls_doc *d, size_t i, const core_table *t, unsigned own, word_keys *k,
                    float *share, float *keys)
{
    sentence_keys(d, i, k);
    unsigned hit = 0;
    for (size_t j = 0; j < k->n; j++) {
        size_t h = slot_of(t, k->k[j]);
        hit += t->key[h] != 0 && t->count[h] > own;
    }
    *keys = (float)k->n;
    *share = k->n ? (float)hit / (float)k->n : 0.0f;
}

/* Sentence i's share and content words, read once (keys[i] < 0: not read yet), whatever
 * asks first: a window over a decided sentence or a list's lead-in. last is the core's last
 * sentence (build_core). */
static void read_once(const cls_doc *d, size_t i, const core_table *t, size_t last, word_keys *k,
                      float *share, float *keys)
{
    if (keys[i] >= 0.0f) {
        return;
    }
    unsigned own = i >= d->rs && i <= last && i < d->re && core_prose(&d->w[i]);
    overlap(d, i, t, own, k, &share[i], &keys[i]);
}

/* Only the sentences the model decides get the evidence (the rules keep the others'
 * verdict; the article's inside is most of a page's bytes, and reading its words again
 * would cost a third of the stage): a sentence's share is read when one lies within
 * CORE_WINDOW of it. */
hnp_status hnp_cls_core_overlap(cls_doc *d)
{
    if (d->rs >= d->re) {
        return HNP_OK;
    }
    core_table t;
    word_keys k;
    memset(&t, 0, sizeof t);
    float *share = malloc(2 * d->n * sizeof *share);
    if (!share) {
        return HNP_ERR_NOMEM; /* not "no evidence": the verdicts must not depend on memory */
    }
    float *keys = share + d->n;
    for (size_t i = 0; i < d->n; i++) {
        keys[i] = -1.0f; /* not read yet */
    }
    size_t last = build_core(d, &t, &k);
    for (size_t i = 0; i < d->n; i++) {
        if (!hnp_cls_model_decides(&d->w[i])) {
            continue;
        }
        size_t lo = i >= CORE_WINDOW ? i - CORE_WINDOW : 0;
        size_t hi = i + CORE_WINDOW + 1 < d->n ? i + CORE_WINDOW + 1 : d->n;
        float num = 0.0f, den = 0.0f;
        for (size_t j = lo; j < hi; j++) {
            read_once(d, j, &t, last, &k, share, keys);
            num += share[j] * keys[j];
            den += keys[j];
        }
        d->w[i].core = share[i];
        d->w[i].core_win = den > 0.0f ? num / den : 0.0f;
    }
    for (size_t i = d->rs; i < d->re; i++) {
        if (d->w[i].f.ends_colon) {
            read_once(d, i, &t, last, &k, share, keys);
            d->w[i].lead_core = share[i];
        }
    }
    free(share);
    return HNP_OK;
}
