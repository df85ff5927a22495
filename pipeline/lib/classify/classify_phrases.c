/* classify_phrases.c -- finds every phrase of the classify stage's lists (classify_rules.c,
 * classify_shape.c) in a sentence's key in one pass, instead of one search per phrase.
 *
 * The rules used to test each of their ~450 phrases against every key (a bigram filter,
 * then memchr): ~6,500 instructions a sentence, a quarter of the stage. Here each phrase of
 * four bytes or more is filed under a hash of its first four bytes; the key is read once,
 * and at a position where a phrase may start the hash of the next four bytes is looked up
 * in a one-bit-per-slot filter that is almost always clear. Which positions may be a
 * start, a table of the pairs of bytes in the phrases' first four says, Horspool-like,
 * from the pair two bytes on: most steps move two or three bytes (more phrases would make
 * more pairs a possible start). The filter at every position, ~14 instructions a key byte,
 * cost 13M instructions more on the bench's 2 MB of records. Measured on the same phrases
 * and 19,000 keys of ~100 bytes
 * (callgrind): Hyperscan scans them in ~17 instructions a byte, but compiling the set costs
 * ~190M instructions at start-up (more than classifying 2 MB) and it needs a scratch per
 * thread; this table is built in microseconds. Phrases shorter than four bytes (three, all
 * in the shape lists) are searched one by one, and only when their list is asked for.
 * Exact-match lists (navigation items, compared with the whole key) are found by one hash
 * of the key.
 *
 * The matcher is built once per classifier and only read afterwards (any number of
 * threads). It reads the lists through the functions it is given (hnp_cls_list_text), so
 * a phrase added to a rule table is matched without further work. The reference search,
 * each phrase on its own, fills the same hits (a test compares the two). */
#include "base/fnv.h"
#include "classify_internal.h"

#include <stdlib.h>
#include <string.h>

enum {
    SLOT_BITS = 13,
    SLOTS = 1 << SLOT_BITS, /* ~450 phrases: about one slot in twenty is taken */
    HEAD = 4,               /* bytes hashed at each key position */
    PAIRS = 1 << 16         /* two bytes as one number */
};

/* One phrase of HEAD bytes or more, filed under the slot of its first HEAD bytes. */
typedef struct cls_pat {
    uint32_t head; /* its first HEAD bytes */
    uint32_t id;   /* bit in cls_key.hits */
    const char *text;
    size_t len;
} cls_pat;

/* A phrase of an exact-match list, found by the hash of the whole key. */
typedef struct cls_exact {
    uint64_t hash;
    uint32_t id;
    uint32_t used;
    const char *text;
    size_t len;
} cls_exact;

struct cls_phrases {
    size_t base[CLS_LIST_COUNT + 1]; /* list l's phrases are bits base[l] .. base[l + 1] - 1 */
    uint64_t filter[SLOTS / 64];     /* slot s holds a phrase */
    uint8_t shift[PAIRS];            /* find_fast's step by the pair of bytes at i + 2 */
    uint32_t start[SLOTS + 1];       /* slot s's phrases are pats[start[s] .. start[s + 1]) */
    cls_pat *pats;
    cls_pat *shorts; /* phrases under HEAD bytes, searched one by one */
    size_t n_shorts;
    cls_exact *exact; /* open addressing, exact_mask + 1 slots */
    size_t exact_mask;
    size_t exact_max; /* the longest exact phrase: longer keys need no lookup */
    cls_list_size_fn size;
    cls_list_text_fn text;
    const char *texts[CLS_PHRASE_MAX]; /* by bit */
};

/* Lists whose phrases must be the whole key (the others are found anywhere in it). */
static int is_exact_list(cls_list l)
{
    return l == CLS_LIST_NAV;
}

static uint32_t head_of(const uint8_t *s)
{
    uint32_t h;
    memcpy(&h, s, sizeof h);
    return h;
}

/* The two bytes at s as one number (in the host's order: the table is built and read
 * the same way). */
static size_t pair_of(const uint8_t *s)
{
    uint16_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

/* A head's pairs of bytes in the step table: the pair at its offset o (0, 1 or 2) read at
 * key position i + 2 means the head may start at i + 2 - o, so find_fast may step only that
 * far; a pair in no head lets it step HEAD - 1. */
static void add_shifts(cls_phrases *p, const uint8_t *head)
{
    for (size_t o = 0; o + 2 <= HEAD; o++) {
        uint8_t *sh = &p->shift[pair_of(head + o)];
        *sh = (uint8_t)(*sh < HEAD - 2 - o ? *sh : HEAD - 2 - o);
    }
}

static size_t slot_of(uint32_t head)
{
    return (size_t)((head * 0x9E3779B1u) >> (32 - SLOT_BITS));
}

static uint64_t exact_hash(const char *s, size_t n)
{
    return hnp_fnv64(HNP_FNV64_INIT, (const uint8_t *)s, n);
}

/* Counts the phrases of each kind, sets the lists' bit ranges and keeps each phrase's
 * text by its bit. */
static hnp_status count_lists(cls_phrases *p, size_t *n_long, size_t *n_exact)
{
    size_t id = 0;
    for (int l = 0; l < CLS_LIST_COUNT; l++) {
        p->base[l] = id;
        for (size_t i = 0; i < p->size((cls_list)l); i++, id++) {
            if (id >= CLS_PHRASE_MAX) {
                return HNP_ERR_INVALID;
            }
            p->texts[id] = p->text((cls_list)l, i);
            size_t len = strlen(p->texts[id]);
            if (is_exact_list((cls_list)l)) {
                (*n_exact)++;
                p->exact_max = len > p->exact_max ? len : p->exact_max;
            } else if (len >= HEAD) {
                (*n_long)++;
            } else {
                p->n_shorts++;
            }
        }
    }
    p->base[CLS_LIST_COUNT] = id;
    return HNP_OK;
}

static void add_exact(cls_phrases *p, const char *text, size_t len, uint32_t id)
{
    uint64_t h = exact_hash(text, len);
    size_t at = (size_t)h & p->exact_mask;
    while (p->exact[at].used) {
        at = (at + 1) & p->exact_mask;
    }
    p->exact[at] = (cls_exact){h, id, 1, text, len};
}

/* Files every phrase: long ones by slot (a counting sort), short and exact ones apart. */
static void fill(cls_phrases *p)
{
    size_t n_shorts = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (int l = 0; l < CLS_LIST_COUNT; l++) {
            for (size_t i = 0; i < p->base[l + 1] - p->base[l]; i++) {
                uint32_t id = (uint32_t)(p->base[l] + i);
                const char *t = p->texts[id];
                size_t len = strlen(t);
                if (is_exact_list((cls_list)l)) {
                    if (pass == 1) {
                        add_exact(p, t, len, id);
                    }
                } else if (len < HEAD) {
                    if (pass == 1) {
                        p->shorts[n_shorts++] = (cls_pat){0, id, t, len};
                    }
                } else {
                    size_t s = slot_of(head_of((const uint8_t *)t));
                    if (pass == 0) {
                        p->start[s + 1]++;
                        p->filter[s / 64] |= (uint64_t)1 << (s % 64);
                        add_shifts(p, (const uint8_t *)t);
                    } else {
                        p->pats[p->start[s]++] = (cls_pat){head_of((const uint8_t *)t), id, t, len};
                    }
                }
            }
        }
        /* pass 0 counted: start[s] becomes where slot s begins; pass 1 then advances each
         * start[s] to the end of its slot, which shifting down restores */
        if (pass == 0) {
            for (size_t s = 0; s < SLOTS; s++) {
                p->start[s + 1] += p->start[s];
            }
        } else {
            memmove(p->start + 1, p->start, SLOTS * sizeof p->start[0]);
            p->start[0] = 0;
        }
    }
}

hnp_status hnp_cls_phrases_create(cls_list_size_fn size, cls_list_text_fn text, cls_phrases **out)
{
    cls_phrases *p = calloc(1, sizeof *p);
    if (!p) {
        return HNP_ERR_NOMEM;
    }
    p->size = size;
    p->text = text;
    memset(p->shift, HEAD - 1, sizeof p->shift);
    size_t n_long = 0, n_exact = 0;
    hnp_status st = count_lists(p, &n_long, &n_exact);
    size_t slots = 16; /* the exact table at most half full */
    while (slots < 2 * n_exact) {
        slots *= 2;
    }
    p->exact_mask = slots - 1;
    if (st == HNP_OK) {
        p->pats = calloc(n_long + 1, sizeof *p->pats);
        p->shorts = calloc(p->n_shorts + 1, sizeof *p->shorts);
        p->exact = calloc(slots, sizeof *p->exact);
        st = p->pats && p->shorts && p->exact ? HNP_OK : HNP_ERR_NOMEM;
    }
    if (st != HNP_OK) {
        hnp_cls_phrases_free(p);
        return st;
    }
    fill(p);
    *out = p;
    return HNP_OK;
}

void hnp_cls_phrases_free(cls_phrases *p)
{
    if (!p) {
        return;
    }
    free(p->pats);
    free(p->shorts);
    free(p->exact);
    free(p);
}

static void set_hit(cls_key *k, uint32_t id)
{
    k->hits[id / 64] |= (uint64_t)1 << (id % 64);
}

/* The phrases of one slot that start at key position i. */
static void slot_hits(const cls_phrases *p, cls_key *k, size_t i, uint32_t head, size_t s)
{
    for (uint32_t e = p->start[s]; e < p->start[s + 1]; e++) {
        const cls_pat *q = &p->pats[e];
        if (q->head == head && i + q->len <= k->len &&
            memcmp(k->s + i + HEAD, q->text + HEAD, q->len - HEAD) == 0) {
            set_hit(k, q->id);
        }
    }
}

static void exact_hits(const cls_phrases *p, cls_key *k)
{
    if (k->len > p->exact_max) {
        return;
    }
    uint64_t h = exact_hash(k->s, k->len);
    for (size_t at = (size_t)h & p->exact_mask; p->exact[at].used; at = (at + 1) & p->exact_mask) {
        const cls_exact *e = &p->exact[at];
        if (e->hash == h && e->len == k->len && memcmp(e->text, k->s, k->len) == 0) {
            set_hit(k, e->id);
        }
    }
}

/* The matcher: one pass over the key. At position i the pair of bytes at i + 2 says how far
 * the next head can be (the step table, add_shifts): most pairs are in no head, or only at
 * its start, and the scan steps over two or three positions; a step of 0 means a head may
 * start at i, which the slot filter and the slot's phrases then decide. */
static void find_fast(const cls_phrases *p, cls_key *k)
{
    const uint8_t *s = (const uint8_t *)k->s;
    for (size_t i = 0; i + HEAD <= k->len;) {
        unsigned step = p->shift[pair_of(s + i + 2)];
        if (step) {
            i += step;
            continue;
        }
        uint32_t head = head_of(s + i);
        size_t slot = slot_of(head);
        if ((p->filter[slot / 64] >> (slot % 64)) & 1) {
            slot_hits(p, k, i, head, slot);
        }
        i++;
    }
    exact_hits(p, k);
}

/* The reference: each phrase searched on its own (the bigram filter, then memchr), the
 * short ones too. */
static void find_reference(const cls_phrases *p, cls_key *k)
{
    hnp_cls_key_bigrams(k);
    for (int l = 0; l < CLS_LIST_COUNT; l++) {
        for (size_t id = p->base[l]; id < p->base[l + 1]; id++) {
            const char *t = p->texts[id];
            if (is_exact_list((cls_list)l) ? strcmp(k->s, t) == 0 : hnp_cls_key_has(k, t)) {
                set_hit(k, (uint32_t)id);
            }
        }
    }
}

void hnp_cls_phrases_find(const cls_phrases *p, int reference, cls_key *k)
{
    k->ph = p;
    k->ref = reference;
    memset(k->hits, 0, sizeof k->hits);
    if (reference) {
        find_reference(p, k);
    } else {
        find_fast(p, k);
    }
}

/* The first bit set in k->hits in [from, end), or end. */
static size_t next_bit(const cls_key *k, size_t from, size_t end)
{
    for (size_t id = from; id < end;) {
        uint64_t w = k->hits[id / 64] >> (id % 64);
        if (w) {
            id += (size_t)__builtin_ctzll(w);
            return id < end ? id : end;
        }
        id = (id / 64 + 1) * 64;
    }
    return end;
}

size_t hnp_cls_key_next_hit(const cls_key *k, cls_list l, size_t from)
{
    const cls_phrases *p = k->ph;
    size_t b = p->base[l], end = p->base[l + 1];
    size_t id = next_bit(k, b + from, end);
    /* Short phrases are searched only when asked for (those of the shape lists are asked
     * for rarely), in id order: the first one found before id is the answer. The
     * reference found them already. */
    for (size_t j = 0; !k->ref && j < p->n_shorts && p->shorts[j].id < id; j++) {
        if (p->shorts[j].id >= b + from &&
            hnp_cls_find_lower(k->s, k->len, p->shorts[j].text) != (size_t)-1) {
            id = p->shorts[j].id;
            break;
        }
    }
    return id < end ? id - b : (size_t)-1;
}

int hnp_cls_key_in(const cls_key *k, cls_list l)
{
    return hnp_cls_key_next_hit(k, l, 0) != (size_t)-1;
}
