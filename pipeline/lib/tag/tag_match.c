/* tag_match.c -- the longest match at one token start.
 *
 * The key of tokens i..j is a slice of the sentence's fold buffer and its hash is
 * extended token by token, so each step costs one hash of the new token and one probe
 * per lexicon. A lexicon drops out as soon as the key is not a prefix of a longer key
 * in it ("prefix" flag), which ends nearly every search after one or two tokens. */
#include "tag_internal.h"

#include <string.h>

/* The last token in the singular ("leukemias" -> "leukemia", "therapies" -> "therapy",
 * "viruses" -> "virus", "metastases" -> "metastasis"), most specific rule first. Words in
 * -ss, -us, -is are not plurals ("sepsis", "illness"); Latin -ae is left alone, as it is
 * mostly a genitive ("Haemophilus influenzae" is not influenza). */
static size_t singulars(const uint8_t *w, size_t n, size_t *stem, const char **suffix)
{
    size_t k = 0;
    if (n < 4 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == 'u' || w[n - 2] == 'i') {
        return 0;
    }
    if (n >= 5 && w[n - 3] == 'i' && w[n - 2] == 'e') {
        stem[k] = n - 3;
        suffix[k++] = "y";
    }
    if (w[n - 2] == 'e') {
        stem[k] = n - 2;
        suffix[k++] = "";
    }
    if (n >= 6 && w[n - 3] == 's' && w[n - 2] == 'e') {
        stem[k] = n - 2;
        suffix[k++] = "is";
    }
    stem[k] = n - 1;
    suffix[k++] = "";
    return k;
}

/* Tokens i..j of the text, joined by one space, equal surf exactly (cs terms). */
static int surface_equals(const hnp_tagger *t, const uint8_t *text, size_t i, size_t j,
                          const char *surf)
{
    size_t n = strlen(surf), p = 0;
    for (size_t k = i; k <= j; k++) {
        if (k > i) {
            if (p >= n || surf[p] != ' ') {
                return 0;
            }
            p++;
        }
        size_t len = t->tok[k].end - t->tok[k].start;
        if (n - p < len || memcmp(surf + p, text + t->tok[k].start, len) != 0) {
            return 0;
        }
        p += len;
    }
    return p == n;
}

/* The first entry of key k that may be used here, or NULL: cs entries need the exact
 * case (and no inflection), ctx entries need support. */
static hnp_status pick(hnp_tagger *t, const hnp_lexicon *lex, const lex_key *k, const uint8_t *text,
                       size_t i, size_t j, int inflected, const lex_entry **out, int *ctx)
{
    uint32_t n = hnp_lex_key_entries(k);
    *out = NULL;
    for (uint32_t x = 0; x < n; x++) {
        const lex_entry *e = &lex->entries[k->first_entry + x];
        if ((e->flags & LEX_FLAG_CS) &&
            (inflected || !surface_equals(t, text, i, j, hnp_lexicon_str(lex, e->surface_off)))) {
            continue;
        }
        if (inflected && (e->flags & LEX_FLAG_EXACT)) {
            continue; /* a brand name is never inflected */
        }
        *ctx = (e->flags & LEX_FLAG_CTX) != 0;
        if (*ctx && !hnp_tag_seen(t, hnp_lexicon_str(lex, e->id_off))) {
            HNP_TRY(hnp_tag_reject(t, hnp_lexicon_str(lex, e->id_off)));
            continue;
        }
        *out = e;
        return HNP_OK;
    }
    return HNP_OK;
}

static void take(tag_match *out, const hnp_lexicon *lex, const lex_entry *e, size_t ntok, int ctx)
{
    out->ntok = ntok;
    out->label = (hnp_entity_label)e->label;
    out->id = hnp_lexicon_str(lex, e->id_off);
    out->name = hnp_lexicon_str(lex, e->name_off);
    out->ctx = ctx;
    out->keep = (e->flags & LEX_FLAG_KEEP) != 0;
}

/* Tries the singular forms of token j as the end of a key (tokens i..j-1 hashed into
 * hprev, which already includes the separating space). */
static hnp_status try_singular(hnp_tagger *t, const uint8_t *text, const hnp_lexicon *lex, size_t i,
                               size_t j, uint64_t hprev, tag_match *out, int *got)
{
    const tag_token *tk = &t->tok[j];
    const uint8_t *w = t->fold.data + tk->fold_off;
    size_t stem[4];
    const char *suffix[4];
    size_t nv = singulars(w, tk->fold_len, stem, suffix);
    for (size_t v = 0; v < nv && !*got; v++) {
        size_t sl = strlen(suffix[v]), head = tk->fold_off - t->tok[i].fold_off;
        t->tmp.len = 0;
        HNP_TRY(hnp_buf_put(&t->tmp, t->fold.data + t->tok[i].fold_off, head));
        HNP_TRY(hnp_buf_put(&t->tmp, w, stem[v]));
        HNP_TRY(hnp_buf_put(&t->tmp, suffix[v], sl));
        uint64_t h = lexkey_hash(hprev, w, stem[v]);
        h = lexkey_hash(h, (const uint8_t *)suffix[v], sl);
        const lex_key *k = hnp_lexicon_find(lex, t->tmp.data, t->tmp.len, h);
        const lex_entry *e = NULL;
        int ctx = 0;
        if (k && hnp_lex_key_entries(k)) {
            HNP_TRY(pick(t, lex, k, text, i, j, 1, &e, &ctx));
        }
        if (e) {
            take(out, lex, e, j - i + 1, ctx);
            *got = 1;
        }
    }
    return HNP_OK;
}

/* One step of the search: tokens i..j (key slice and hash given) in every lexicon that is
 * still alive. Earlier lexicons win ties; an exact key beats a singular form. */
static hnp_status step(hnp_tagger *t, const uint8_t *text, size_t i, size_t j, uint64_t hprev,
                       uint64_t h, tag_match *out, size_t *n_alive)
{
    const uint8_t *key = t->fold.data + t->tok[i].fold_off;
    size_t klen = t->tok[j].fold_off + t->tok[j].fold_len - t->tok[i].fold_off;
    int got = 0;
    for (size_t l = 0; l < t->n_lex; l++) {
        if (!t->alive[l]) {
            continue;
        }
        const hnp_lexicon *lex = t->lex[l];
        const lex_key *k = hnp_lexicon_find(lex, key, klen, h);
        if (!k || !hnp_lex_key_continues(k)) {
            t->alive[l] = 0;
            (*n_alive)--;
        }
        if (got) {
            continue;
        }
        const lex_entry *e = NULL;
        int ctx = 0;
        if (k && hnp_lex_key_entries(k)) {
            HNP_TRY(pick(t, lex, k, text, i, j, 0, &e, &ctx));
        }
        if (e) {
            take(out, lex, e, j - i + 1, ctx);
            got = 1;
        } else if (t->tok[j].kind == LEXTOK_WORD && t->tok[j].ascii) {
            HNP_TRY(try_singular(t, text, lex, i, j, hprev, out, &got));
        }
    }
    return HNP_OK;
}

hnp_status hnp_tag_match_at(hnp_tagger *t, const uint8_t *text, size_t i, size_t limit,
                            int in_compound, tag_match *out)
{
    *out = (tag_match){0};
    if (t->tok[i].kind != LEXTOK_WORD) {
        return HNP_OK;
    }
    /* Inside a hyphenated compound only a one-word mention may start, and not after a
     * one-character prefix: "levomepromazine-fluvoxamine" has two drugs, but "L-dopa" is
     * not "dopa", and "captopril-induced hypotension" is "hypotension", not "induced
     * hypotension". (in_compound lifts this, for a caller that checks coordination.) */
    size_t max_tok = TAG_MAX_TOKENS;
    if (t->tok[i].glued && !in_compound) {
        if (t->tok[i - 1].end - t->tok[i - 1].start < 2) {
            return HNP_OK;
        }
        max_tok = 1;
    }
    /* An abbreviation defined in this document wins a tie with the lexicon. */
    hnp_tag_abbrev_match(t, text, i, limit, out);
    tag_match lex_best = {0};
    for (size_t l = 0; l < t->n_lex; l++) { /* one or two lexicons: no memset call */
        t->alive[l] = 1;
    }
    size_t n_alive = t->n_lex;
    uint64_t h = LEXKEY_HASH_INIT;
    for (size_t j = i; j < t->n_tok && j - i < max_tok && n_alive; j++) {
        if (t->tok[j].end > limit) {
            break;
        }
        uint64_t hprev = j > i ? lexkey_hash(h, (const uint8_t *)" ", 1) : h;
        h = lexkey_hash(hprev, t->fold.data + t->tok[j].fold_off, t->tok[j].fold_len);
        HNP_TRY(step(t, text, i, j, hprev, h, &lex_best, &n_alive));
    }
    if (lex_best.ntok > out->ntok) {
        *out = lex_best;
    }
    return HNP_OK;
}
