/* tag_match.c -- the longest match at one token start.
 *
 * Each token of the sentence was folded and looked up once in every lexicon's vocabulary
 * (tag.c, tokenize), so a search from token i is a walk down each lexicon's trie of token
 * ids: one step per token, no hashing (lexicon_format.h). A lexicon drops out as soon as
 * the tokens so far are not the start of a longer key in it ("prefix" flag), which ends
 * nearly every search after one or two tokens.
 *
 * The reference matcher (hnp_tag_set_reference_matcher) finds the same keys by their
 * bytes instead: the key of tokens i..j is a slice of the sentence's fold buffer, hashed
 * token by token and probed in each lexicon's key hash. It is kept so that a test can
 * check that both give the same mentions on every evaluation set. */
#include "tag_internal.h"

#include <string.h>

/* The last token in the singular ("leukemias" -> "leukemia", "therapies" -> "therapy",
 * "viruses" -> "virus", "metastases" -> "metastasis"), most specific rule first. Words in
 * -ss, -us, -is are not plurals ("sepsis", "illness"); Latin -ae is left alone, as it is
 * mostly a genitive ("Haemophilus influenzae" is not influenza). */
static size_t singulars_s(const uint8_t *w, size_t n, size_t *stem, const char **suffix)
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

/* singulars_s for the words that may be plurals; the test every other word fails first is
 * inline at each call (the start test asks it of most words, and of the word after "the",
 * "of", "in"), so they pay no call. */
static inline size_t singulars(const uint8_t *w, size_t n, size_t *stem, const char **suffix)
{
    return n < 4 || w[n - 1] != 's' ? 0 : singulars_s(w, n, stem, suffix);
}

size_t hnp_tag_singulars(const uint8_t *w, size_t n, size_t *stem, const char **suffix,
                         int reference)
{
    return reference ? singulars_s(w, n, stem, suffix) : singulars(w, n, stem, suffix);
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
            t->fragile = 1; /* the second pass may decide otherwise (tag_replay.c) */
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

/* Takes the entry that pick chooses among key k's (none when k is NULL or has no entries)
 * as the match of tokens i..j, and sets *got when there was one. */
static hnp_status take_key(hnp_tagger *t, const hnp_lexicon *lex, const lex_key *k,
                           const uint8_t *text, size_t i, size_t j, int inflected, tag_match *out,
                           int *got)
{
    const lex_entry *e = NULL;
    int ctx = 0;
    if (k && hnp_lex_key_entries(k)) {
        HNP_TRY(pick(t, lex, k, text, i, j, inflected, &e, &ctx));
    }
    if (e) {
        take(out, lex, e, j - i + 1, ctx);
        *got = 1;
    }
    return HNP_OK;
}

/* Reference: tries the singular forms of token j as the end of a key (tokens i..j-1
 * hashed into hprev, which already includes the separating space). */
static hnp_status try_singular_ref(hnp_tagger *t, const uint8_t *text, const hnp_lexicon *lex,
                                   size_t i, size_t j, uint64_t hprev, tag_match *out, int *got)
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
        HNP_TRY(take_key(t, lex, k, text, i, j, 1, out, got));
    }
    return HNP_OK;
}

/* Reference: one step of the search, tokens i..j (key slice and hash given) in every
 * lexicon that is still alive. Earlier lexicons win ties; an exact key beats a singular
 * form. */
static hnp_status step_ref(hnp_tagger *t, const uint8_t *text, size_t i, size_t j, uint64_t hprev,
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
        HNP_TRY(take_key(t, lex, k, text, i, j, 0, out, &got));
        if (!got && t->tok[j].kind == LEXTOK_WORD && t->tok[j].ascii) {
            HNP_TRY(try_singular_ref(t, text, lex, i, j, hprev, out, &got));
        }
    }
    return HNP_OK;
}

/* Token j's id in lexicon l, looked up on first use. */
static uint32_t token_id(hnp_tagger *t, size_t j, size_t l)
{
    uint32_t *id = &t->tid[j * t->n_lex + l];
    if (*id == TAG_TID_UNKNOWN) {
        const tag_token *k = &t->tok[j];
        *id = hnp_lexicon_token(t->lex[l], t->fold.data + k->fold_off, k->fold_len, k->hash);
    }
    return *id;
}

/* Some lexicon's filter lets a key with this hash through. */
static int any_maybe(const hnp_tagger *t, uint64_t h)
{
    for (size_t l = 0; l < t->n_lex; l++) {
        if (hnp_lexicon_maybe(t->lex[l], h)) {
            return 1;
        }
    }
    return 0;
}

/* Whether a longer key may go on from key1 (tokens i..i+1 or a singular form at i+1):
 * the exact next token is a child of key1, or the next token has singular forms (not
 * looked up: any of them might be). The lexicon's filter is asked about the key of tokens
 * i..i+1 first: every key's hash is in the filter (lexicon_format.h), and that key's
 * bytes after token i's are one slice of the fold buffer (each token is followed by one
 * space), hashed on from token i's hash. When the filter says no, the child is not there,
 * and neither the next token's vocabulary look-up nor the search of key1's children is
 * needed: most tokens whose one-token key only starts longer keys ("the", "of", "in") end
 * here. */
static int may_go_on(hnp_tagger *t, size_t l, const lex_key *key1, size_t i)
{
    if (!hnp_lex_key_continues(key1) || i + 1 >= t->n_tok) {
        return 0;
    }
    const tag_token *n = &t->tok[i + 1];
    size_t stem[4];
    const char *suffix[4];
    if (n->kind == LEXTOK_WORD && n->ascii &&
        singulars(t->fold.data + n->fold_off, n->fold_len, stem, suffix)) {
        return 1;
    }
    const tag_token *k = &t->tok[i];
    size_t from = k->fold_off + k->fold_len;
    const hnp_lexicon *lex = t->lex[l];
    if (!hnp_lexicon_maybe(
            lex, hnp_fnv64_short(k->hash, t->fold.data + from, n->fold_off + n->fold_len - from))) {
        return 0;
    }
    uint32_t id = token_id(t, i + 1, l);
    return id != LEX_NONE && hnp_lexicon_child(lex, hnp_lexicon_key_index(lex, key1), id);
}

/* Token i alone (not a singular form) is a key with entries, or the start of a longer key
 * that tokens i..i+1 may continue, in some lexicon. */
static int exact_may_start(hnp_tagger *t, size_t i)
{
    for (size_t l = 0; l < t->n_lex; l++) {
        const hnp_lexicon *lex = t->lex[l];
        if (!hnp_lexicon_maybe(lex, t->tok[i].hash)) {
            continue; /* no key is this token alone: none starts with it */
        }
        uint32_t id = token_id(t, i, l);
        const lex_key *key1 = id == LEX_NONE ? NULL : hnp_lexicon_child(lex, LEX_NONE, id);
        if (key1 && (hnp_lex_key_entries(key1) || may_go_on(t, l, key1, i))) {
            return 1;
        }
    }
    return 0;
}

int hnp_tag_may_start(hnp_tagger *t, const uint8_t *text, size_t i)
{
    const tag_token *k = &t->tok[i];
    if (k->kind != LEXTOK_WORD || t->ref_match) {
        return k->kind == LEXTOK_WORD;
    }
    /* Short forms defined in the document (tag_abbrev.c): their first one or two bytes. */
    if (hnp_tag_abbr_may_start(t, text, i)) {
        return 1;
    }
    /* A match from token i needs the one-token key of token i (every token prefix of a
     * key is a key), or a one-token key of its singular form. Most tokens that start some
     * key ("the", "in") start none that the next token continues. */
    if (exact_may_start(t, i)) {
        return 1;
    }
    if (!k->ascii) {
        return 0;
    }
    const uint8_t *w = t->fold.data + k->fold_off;
    size_t stem[4];
    const char *suffix[4];
    size_t nv = singulars(w, k->fold_len, stem, suffix);
    for (size_t v = 0; v < nv; v++) {
        uint64_t h = lexkey_hash(LEXKEY_HASH_INIT, w, stem[v]);
        h = lexkey_hash(h, (const uint8_t *)suffix[v], strlen(suffix[v]));
        if (any_maybe(t, h)) {
            return 1;
        }
    }
    return 0;
}

/* Tries the singular forms of token j as the last token of a key whose tokens i..j-1 are
 * trie node parent of lexicon l. */
static hnp_status try_singular(hnp_tagger *t, const uint8_t *text, size_t l, size_t i, size_t j,
                               uint32_t parent, tag_match *out, int *got)
{
    const hnp_lexicon *lex = t->lex[l];
    const tag_token *tk = &t->tok[j];
    const uint8_t *w = t->fold.data + tk->fold_off;
    size_t stem[4];
    const char *suffix[4];
    size_t nv = singulars(w, tk->fold_len, stem, suffix);
    for (size_t v = 0; v < nv && !*got; v++) {
        t->tmp.len = 0;
        HNP_TRY(hnp_buf_put(&t->tmp, w, stem[v]));
        HNP_TRY(hnp_buf_put(&t->tmp, suffix[v], strlen(suffix[v])));
        uint64_t h = lexkey_hash(LEXKEY_HASH_INIT, t->tmp.data, t->tmp.len);
        uint32_t id = hnp_lexicon_token(lex, t->tmp.data, t->tmp.len, h);
        const lex_key *k = id == LEX_NONE ? NULL : hnp_lexicon_child(lex, parent, id);
        HNP_TRY(take_key(t, lex, k, text, i, j, 1, out, got));
    }
    return HNP_OK;
}

/* One step of the search: token j, one step down the trie of every lexicon that is still
 * alive (t->node: where tokens i..j-1 left each). Earlier lexicons win ties; an exact key
 * beats a singular form. */
static hnp_status step(hnp_tagger *t, const uint8_t *text, size_t i, size_t j, tag_match *out,
                       size_t *n_alive)
{
    int got = 0;
    for (size_t l = 0; l < t->n_lex; l++) {
        if (!t->alive[l]) {
            continue;
        }
        const hnp_lexicon *lex = t->lex[l];
        uint32_t parent = t->node[l], id = token_id(t, j, l);
        const lex_key *k = id == LEX_NONE ? NULL : hnp_lexicon_child(lex, parent, id);
        if (!k || !hnp_lex_key_continues(k)) {
            t->alive[l] = 0;
            (*n_alive)--;
        } else {
            t->node[l] = hnp_lexicon_key_index(lex, k);
        }
        if (got) {
            continue;
        }
        HNP_TRY(take_key(t, lex, k, text, i, j, 0, out, &got));
        if (!got && t->tok[j].kind == LEXTOK_WORD && t->tok[j].ascii) {
            HNP_TRY(try_singular(t, text, l, i, j, parent, out, &got));
        }
    }
    return HNP_OK;
}

/* The lexicon part of the search from token i: the longest key (or singular form) that
 * ends at most max_tok tokens later, before byte limit. */
static hnp_status search(hnp_tagger *t, const uint8_t *text, size_t i, size_t limit, size_t max_tok,
                         tag_match *best)
{
    for (size_t l = 0; l < t->n_lex; l++) { /* one or two lexicons: no memset call */
        t->alive[l] = 1;
        t->node[l] = LEX_NONE;
    }
    size_t n_alive = t->n_lex;
    uint64_t h = LEXKEY_HASH_INIT;
    for (size_t j = i; j < t->n_tok && j - i < max_tok && n_alive; j++) {
        if (t->tok[j].end > limit) {
            break;
        }
        if (!t->ref_match) {
            HNP_TRY(step(t, text, i, j, best, &n_alive));
            continue;
        }
        uint64_t hprev = j > i ? lexkey_hash(h, (const uint8_t *)" ", 1) : h;
        h = lexkey_hash(hprev, t->fold.data + t->tok[j].fold_off, t->tok[j].fold_len);
        HNP_TRY(step_ref(t, text, i, j, hprev, h, best, &n_alive));
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
    HNP_TRY(search(t, text, i, limit, max_tok, &lex_best));
    if (lex_best.ntok > out->ntok) {
        *out = lex_best;
    }
    return HNP_OK;
}
