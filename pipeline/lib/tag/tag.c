/* tag.c -- stage 4: entity mentions by longest lexicon match (see tag.h).
 *
 * A document is tagged sentence by sentence: the sentence is cut into tokens with the
 * same code that made the lexicon keys (lexicon_key.c), trial-id patterns are run over
 * it, then at each token start the longest match wins (tag_match.c), and a mention
 * followed by "(SF)" defines an abbreviation (tag_abbrev.c). Ambiguous ("ctx") terms
 * need the concept to be mentioned elsewhere in the document; when one was turned down
 * and the concept only turned up later, the document is tagged a second time with that
 * knowledge (tag_support.c), copying the sentences the first pass settled (tag_replay.c). All
 * scratch lives in the tagger and is reused, so tagging allocates only while a document is bigger
 * than any before it. */
#include "tag_internal.h"

#include <stdlib.h>
#include <string.h>

hnp_status hnp_tagger_create(const hnp_lexicon *const *lexicons, size_t n_lex, hnp_tagger **out)
{
    if (!out || (n_lex && !lexicons)) {
        return HNP_ERR_INVALID;
    }
    *out = NULL;
    for (size_t i = 0; i < n_lex; i++) {
        if (!lexicons[i]) {
            return HNP_ERR_INVALID;
        }
    }
    hnp_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        return HNP_ERR_NOMEM;
    }
    t->n_lex = n_lex;
    t->model = 1;
    t->lex = calloc(n_lex + 1, sizeof *t->lex);
    t->alive = calloc(n_lex + 1, 1);
    t->node = calloc(n_lex + 1, sizeof *t->node);
    hnp_status st = t->lex && t->alive && t->node ? HNP_OK : HNP_ERR_NOMEM;
    if (st == HNP_OK) {
        memcpy(t->lex, lexicons, n_lex * sizeof *t->lex);
        st = hnp_tag_rx_compile(t);
    }
    if (st != HNP_OK) {
        hnp_tagger_free(t);
        return st;
    }
    *out = t;
    return HNP_OK;
}

void hnp_tagger_free(hnp_tagger *t)
{
    if (!t) {
        return;
    }
    hnp_tag_rx_free(t);
    free(t->lex);
    free(t->alive);
    free(t->node);
    free(t->tid);
    free(t->tok);
    hnp_membuf_free(&t->fold);
    hnp_membuf_free(&t->tmp);
    hnp_lexkey_scratch_free(&t->sc);
    free(t->rxm);
    free(t->win);
    free(t->m);
    free(t->m_id);
    free(t->m_keep);
    hnp_membuf_free(&t->ids);
    free(t->abbr);
    free(t->abbr_slot);
    hnp_membuf_free(&t->abbr_text);
    free(t->seen);
    free(t->rejected);
    free(t->trace_tok);
    free(t->mt);
    free(t->wcache);
    free(t->mf);
    free(t->mem);
    free(t->my);
    free(t->mbp);
    free(t->mm);
    free(t->mm_id);
    free(t->mm_keep);
    free(t->dtok);
    free(t->cand);
    free(t->acr_lf);
    free(t->acr_seen);
    free(t->cand_bits);
    free(t->nodrug.sf);
    free(t->enzyme.sf);
    free(t->cause.sf);
    free(t->codes);
    hnp_tag_pass1_free(&t->p1);
    free(t);
}

/* A word that continues a hyphenated compound: the gap before it is only hyphens or dashes
 * (no space, no apostrophe) after another word. */
static int is_glued(const uint8_t *text, const tag_token *prev, const tag_token *k)
{
    /* with a token before it, k->start >= 1 */
    if (!prev || text[k->start - 1] == ' ' || prev->kind != LEXTOK_WORD || k->kind != LEXTOK_WORD ||
        prev->end == k->start) {
        return 0; /* the common case: a space right before the word */
    }
    for (size_t x = prev->end; x < k->start; x++) {
        uint8_t c = text[x];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' ||
            (c == 0xE2 && x + 2 < k->start && text[x + 1] == 0x80 &&
             (text[x + 2] == 0x98 || text[x + 2] == 0x99)) ||
            (c == 0xC2 && x + 1 < k->start && text[x + 1] == 0xA0)) {
            return 0;
        }
    }
    return 1;
}

/* Room for each token's id in each lexicon's vocabulary, looked up when a trie walk of
 * tag_match.c first needs it. */
static hnp_status token_ids(hnp_tagger *t)
{
    size_t n = t->n_tok * t->n_lex;
    if (n > t->cap_tid) {
        HNP_TRY(hnp_tag_grow((void **)&t->tid, &t->cap_tid, n, sizeof *t->tid));
    }
    for (size_t i = 0; i < n; i++) {
        t->tid[i] = TAG_TID_UNKNOWN;
    }
    return HNP_OK;
}

/* The sentence's word tokens appended to the document's (for tag_doc.c): written for every
 * token, kept for words, without a branch. */
static hnp_status doc_tokens(hnp_tagger *t)
{
    HNP_TRY(hnp_tag_grow((void **)&t->dtok, &t->cap_dtok, t->n_dtok + t->n_tok, sizeof *t->dtok));
    tag_dtok *d = t->dtok + t->n_dtok;
    for (size_t i = 0; i < t->n_tok; i++) {
        d->start = t->tok[i].start;
        d->hash = (uint32_t)t->tok[i].hash;
        d->len = (uint32_t)(t->tok[i].end - t->tok[i].start);
        d += t->tok[i].kind == LEXTOK_WORD;
    }
    t->n_dtok = (size_t)(d - t->dtok);
    return HNP_OK;
}

static hnp_status tokenize(hnp_tagger *t, const uint8_t *text, size_t a, size_t b)
{
    size_t pos = 0;
    lextok tk;
    t->n_tok = 0;
    t->n_digit = 0;
    t->fold.len = 0;
    for (;;) {
        size_t fold_off = t->fold.len;
        uint64_t hash;
        int digit, found;
        HNP_TRY(hnp_lexkey_next_fold(text + a, b - a, &pos, &tk, &t->fold, &t->sc, &hash, &digit,
                                     &found));
        if (!found) {
            break;
        }
        if (t->n_tok + 1 > t->cap_tok) {
            HNP_TRY(hnp_tag_grow((void **)&t->tok, &t->cap_tok, t->n_tok + 1, sizeof *t->tok));
        }
        tag_token *k = &t->tok[t->n_tok++];
        k->start = a + tk.start;
        k->end = a + tk.end;
        k->kind = tk.kind;
        k->ascii = tk.ascii;
        k->glued = is_glued(text, t->n_tok > 1 ? &t->tok[t->n_tok - 2] : NULL, k);
        k->fold_off = fold_off;
        k->fold_len = t->fold.len - fold_off;
        k->hash = hash;
        k->digit = digit;
        t->n_digit += (size_t)digit;
        HNP_TRY(hnp_buf_putc(&t->fold, ' '));
    }
    /* Slack for the model's 8-byte loads past the last word (tag_model.c, affix). */
    HNP_TRY(hnp_buf_reserve(&t->fold, 8));
    if (t->model) {
        HNP_TRY(doc_tokens(t));
    }
    return t->ref_match ? HNP_OK : token_ids(t);
}

/* Emits the trial-id match r, and returns the first token after it. */
static hnp_status take_rx(hnp_tagger *t, const uint8_t *text, size_t r, size_t *i)
{
    HNP_TRY(hnp_tag_rx_emit(t, text, &t->rxm[r]));
    while (*i < t->n_tok && t->tok[*i].start < t->rxm[r].end) {
        (*i)++;
    }
    return HNP_OK;
}

/* The mention at token i (m->ntok == 0: none), and its first token *first, which is
 * before i when a coordinated first conjunct shares its head. */
static hnp_status find_at(hnp_tagger *t, const uint8_t *text, size_t i, size_t limit, tag_match *m,
                          size_t *first)
{
    HNP_TRY(hnp_tag_match_at(t, text, i, limit, 0, m));
    size_t floor =
        t->n_m && t->m[t->n_m - 1].sent == t->sent ? t->m[t->n_m - 1].span.end : t->tok[0].start;
    *first = i;
    if (m->ntok >= 2) {
        return hnp_tag_coordination(t, text, i, m->ntok, m->label, floor, first);
    }
    if (!t->tok[i].glued) {
        return HNP_OK;
    }
    /* Inside a compound a longer term counts only as a second conjunct that shares its
     * head with the word before the hyphen: "breast-ovarian cancer". */
    tag_match full;
    HNP_TRY(hnp_tag_match_at(t, text, i, limit, 1, &full));
    if (full.ntok >= 2) {
        HNP_TRY(hnp_tag_coordination(t, text, i, full.ntok, full.label, floor, first));
        if (*first != i) {
            *m = full;
        }
    }
    return HNP_OK;
}

static hnp_status tag_sentence(hnp_tagger *t, const uint8_t *text, size_t a, size_t b)
{
    HNP_TRY(tokenize(t, text, a, b));
    size_t m0 = t->n_m;
    t->n_rxm = 0;
    if (t->n_rx) {
        HNP_TRY(hnp_tag_rx_scan(t, text, a, b));
    }
    size_t i = 0, r = 0;
    while (i < t->n_tok) {
        while (r < t->n_rxm && t->rxm[r].end <= t->tok[i].start) {
            r++;
        }
        if (r < t->n_rxm && t->rxm[r].start < t->tok[i].end) {
            HNP_TRY(take_rx(t, text, r++, &i));
            continue;
        }
        if (!hnp_tag_may_start(t, text, i)) {
            i++;
            continue;
        }
        tag_match m;
        size_t first;
        HNP_TRY(find_at(t, text, i, r < t->n_rxm ? t->rxm[r].start : SIZE_MAX, &m, &first));
        if (m.ntok == 0) {
            i++;
            continue;
        }
        if (hnp_tag_in_org_name(t, text, i, m.ntok)) {
            i += m.ntok; /* nor a shorter term inside the name */
            continue;
        }
        HNP_TRY(hnp_tag_emit(t, t->tok[first].start, t->tok[i + m.ntok - 1].end, m.label, m.id,
                             m.name, SIZE_MAX));
        t->m_keep[t->n_m - 1] = (unsigned char)m.keep;
        if (!m.ctx) {
            HNP_TRY(hnp_tag_see(t, m.id));
        }
        i += m.ntok;
        HNP_TRY(hnp_tag_abbrev_define(t, text, &t->m[t->n_m - 1], &i));
    }
    if (t->model || t->trace) {
        HNP_TRY(hnp_tag_model_sentence(t, text, m0));
    }
    HNP_TRY(hnp_tag_trial_names(t, text, m0));
    if (!t->model) {
        return HNP_OK;
    }
    hnp_tag_chem_names(t, text, m0, a, b);
    HNP_TRY(hnp_tag_chem_codes(t, text, m0, b));
    HNP_TRY(hnp_tag_ions(t, text, m0, b));
    HNP_TRY(hnp_tag_prefixed(t, m0));
    return hnp_tag_deficient(t, text, m0, a, b);
}

/* Sentence s in the current pass: tagged (and logged in the first pass), or in the second
 * copied from the first when nothing it reads changed (tag_replay.c). */
static hnp_status pass_sentence(hnp_tagger *t, const uint8_t *text, size_t s, size_t a, size_t b)
{
    if (hnp_tag_can_replay(t, s)) {
        return hnp_tag_replay(t, s);
    }
    size_t ab_before = t->n_abbr;
    if (t->pass == 1) {
        HNP_TRY(hnp_tag_log_sentence(t, s, 0));
    }
    HNP_TRY(tag_sentence(t, text, a, b));
    if (t->pass == 1) {
        return hnp_tag_log_sentence(t, s, 1);
    }
    hnp_tag_check_diverged(t, s, ab_before);
    return HNP_OK;
}

static hnp_status tag_pass(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents,
                           const unsigned char *taggable, size_t n_sents)
{
    t->n_m = 0;
    t->ids.len = 0;
    if (t->n_abbr && t->abbr_slot) {
        memset(t->abbr_slot, 0, t->cap_abbr_slot * sizeof *t->abbr_slot);
    }
    t->n_abbr = 0;
    memset(t->abbr_first, 0, sizeof t->abbr_first);
    memset(t->abbr_two, 0, sizeof t->abbr_two);
    t->abbr_text.len = 0;
    t->n_rejected = 0;
    t->n_dtok = 0;
    t->n_codes = 0;
    for (size_t s = 0; s < n_sents; s++) {
        if (taggable && !taggable[s]) {
            continue;
        }
        if (sents[s].start > sents[s].end || sents[s].end > len) {
            return HNP_ERR_INVALID;
        }
        t->sent = s;
        HNP_TRY(pass_sentence(t, text, s, sents[s].start, sents[s].end));
    }
    return HNP_OK;
}

void hnp_tagger_set_model(hnp_tagger *t, int on)
{
    if (t) {
        t->model = on != 0;
    }
}

void hnp_tag_set_reference_matcher(hnp_tagger *t, int on)
{
    t->ref_match = on != 0;
}

void hnp_tag_set_reference_model(hnp_tagger *t, int on)
{
    t->ref_model = on != 0;
}

void hnp_tagger_set_trace(hnp_tagger *t, hnp_tag_trace_fn fn, void *ctx)
{
    if (t) {
        t->trace = fn;
        t->trace_ctx = ctx;
    }
}

hnp_status hnp_tag(hnp_tagger *t, const uint8_t *text, size_t len, const hnp_span *sents,
                   const unsigned char *taggable, size_t n_sents, const hnp_mention **mentions,
                   size_t *n_out)
{
    if (!t || !mentions || !n_out || (len && !text) || (n_sents && !sents)) {
        return HNP_ERR_INVALID;
    }
    *mentions = NULL;
    *n_out = 0;
    if (t->seen) {
        memset(t->seen, 0, t->cap_seen * sizeof *t->seen);
    }
    t->n_seen = 0;
    t->pass = 1;
    HNP_TRY(tag_pass(t, text, len, sents, taggable, n_sents));
    if (hnp_tag_rejected_now_seen(t)) {
        HNP_TRY(hnp_tag_keep_pass1(t));
        t->pass = 2;
        HNP_TRY(tag_pass(t, text, len, sents, taggable, n_sents));
    }
    if (t->model) {
        HNP_TRY(hnp_tag_doc_consistency(t, text, len, sents, n_sents));
    }
    /* Trial ids live in t->ids, which may have moved while it grew. */
    for (size_t k = 0; k < t->n_m; k++) {
        if (t->m_id[k] != SIZE_MAX) {
            t->m[k].id = (const char *)t->ids.data + t->m_id[k];
        }
    }
    *mentions = t->m;
    *n_out = t->n_m;
    return HNP_OK;
}
