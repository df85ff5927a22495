/* tag_internal.h -- the tagger's state and the helpers shared by tag*.c.
 * Internal to libhnp. */
#ifndef HNP_TAG_INTERNAL_H
#define HNP_TAG_INTERNAL_H

#include "hnp/tag.h"
#include "lexicon/lexicon_format.h"
#include "lexicon/lexicon_key.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Longest term, in tokens: bounds the work at each token start. */
#define TAG_MAX_TOKENS 32

typedef struct tag_token {
    size_t start, end;         /* bytes in the document */
    size_t fold_off, fold_len; /* folded form in hnp_tagger.fold */
    int kind;
    int ascii;
    int glued;     /* joined by a hyphen to the word before it ("captopril-induced") */
    int digit;     /* has an ASCII digit (trial ids: tag_trialid.c) */
    uint64_t hash; /* lexkey_hash of the folded form */
} tag_token;

/* tag_token's id in a lexicon's vocabulary before it is looked up (tag_match.c). */
#define TAG_TID_UNKNOWN 0xFFFFFFFEu

/* An abbreviation defined in the document: "long form (SF)". */
typedef struct tag_abbr {
    size_t sf_off, sf_len; /* exact bytes, in hnp_tagger.abbr_text */
    hnp_entity_label label;
    const char *id, *name;
} tag_abbr;

/* A trial-id match in the current sentence. */
typedef struct tag_rxmatch {
    size_t start, end; /* bytes in the document */
    size_t pattern;
} tag_rxmatch;

/* One compiled trial-id pattern (ICU regexes are not thread-safe: one per tagger). */
enum { TAG_RX_LIT_MAX = 15 };
typedef struct tag_regex {
    void *re; /* URegularExpression */
    const char *registry;
    /* A literal every match starts with (tag_trialid.c), or lit_len 0: windows without it
     * are not searched. */
    char lit[TAG_RX_LIT_MAX + 1];
    size_t lit_len;
    int lit_ci; /* the literal is matched ignoring ASCII case: (?i:...) */
} tag_regex;

/* Per-token values the model's feature templates combine (tag_model.c). */
typedef struct tag_mtok {
    uint64_t w, raw, shape; /* hashes of the folded word, (unused), its shape */
    uint64_t src;           /* the dictionary match's id source, hashed */
    unsigned dc;            /* 0, or 1 + label * 4 + position in the dictionary match */
    unsigned dn;            /* tokens in that match, at most 4 */
    int have;               /* w, raw and shape are computed */
    uint32_t suf4;          /* feature of template 9 (last four letters), when have_suf4 */
    int have_suf4;          /* computed by the trigger test (tag_model.c, is_trigger) */
    /* The emission rows of the templates that look at the word alone, summed (tag_model.c,
     * word_sums): ws without, ws0 with the dictionary's templates of a token it did not
     * match (they too then depend on the word alone). Set with have unless ref_model. */
    uint16_t ws[8], ws0[8];
} tag_mtok;

/* One slot of the model's cache of words (tag_model.c, cached_word): a word of at most 16
 * bytes (n, key: its bytes), its shape's hash and its tag_mtok.ws and ws0. n 0: empty. */
typedef struct tag_wslot {
    uint64_t key[2];
    uint64_t shape;
    uint32_t n;
    uint16_t ws[8], ws0[8];
} tag_wslot;

/* Slots of the cache: a power of two. */
#define TAG_WCACHE_SLOTS 4096

/* A set of short forms in the document (tag_doc.c): byte spans, and a bitmap of their
 * lengths and first and last bytes (tag_doc.c, sf_bit) that turns most other words away. */
typedef struct tag_sfset {
    hnp_span *sf;
    size_t n, cap;
    uint64_t bits[4];
} tag_sfset;

/* A word token of the document's taggable sentences (tag_doc.c; recorded by tag.c): where
 * it starts, the low 32 bits of its folded form's hash, its length. */
typedef struct tag_dtok {
    size_t start;
    uint32_t hash;
    uint32_t len; /* bytes of the token (tag_adjective.c) */
} tag_dtok;

/* Words that are a mention wherever they occur in the document (tag_doc.c): the bytes
 * text[start..start+len), the hash of their first word, the mention they come from. */
typedef struct tag_cand {
    size_t start, len, order;
    uint32_t hash;
    hnp_entity_label label;
    const char *id, *name;
} tag_cand;

/* A condition mention that may spell an acronym (tag_doc.c, acronyms): the small-letter
 * initials of its first two words, the hash of its text, its index in hnp_tagger.m, and
 * the initials of all its words (an acronym has a letter for each: at most TAG_ACR_WORDS). */
#define TAG_ACR_WORDS 12
typedef struct tag_acr_lf {
    uint64_t hash;
    size_t x;
    uint8_t first, second, n_words;
    uint8_t initials[TAG_ACR_WORDS];
} tag_acr_lf;

/* What one sentence appended to the document's state in the first pass (tag_replay.c):
 * the ranges of mentions, abbreviations, development codes and document tokens, and
 * whether a ctx term in it was turned down. */
typedef struct tag_slog {
    size_t m0, m1, ab0, ab1, c0, c1, d0, d1;
    int fragile;
} tag_slog;

/* The first pass's document state, kept for the second pass to copy from (tag_replay.c). */
typedef struct tag_pass1 {
    tag_slog *slog; /* per sentence of the document */
    size_t cap_slog;
    hnp_mention *m;
    size_t *m_id;
    unsigned char *m_keep;
    size_t cap_m, cap_m_id, cap_m_keep;
    lexbuf ids, abbr_text;
    tag_abbr *abbr;
    size_t cap_abbr;
    hnp_span *codes;
    size_t cap_codes;
    tag_dtok *dtok;
    size_t cap_dtok;
} tag_pass1;

/* A mention's flags (hnp_tagger.m_keep): from a "keep" term, which the model may not drop;
 * a model mention it is sure of (every token's emission score for its label at least
 * TAG_SURE_MARGIN over O; tag_doc.c spreads only these). The margin is the largest that
 * keeps the validation F1 of spreading them all (0 to 500 give the same; 850 loses most
 * of the gain); on news text it keeps one false "California" from spreading. A model
 * condition grown over an organ's adjective (tag_coord.c, "renal"): tag_doc.c weighs a
 * short form after it against the model's own span. */
enum { TAG_M_KEEP = 1, TAG_M_SURE = 2, TAG_M_ORGAN = 4 };
#define TAG_SURE_MARGIN 500

/* What was chosen at one token. */
typedef struct tag_match {
    size_t ntok; /* 0: nothing */
    hnp_entity_label label;
    const char *id, *name;
    int ctx;  /* matched through a ctx term: does not count as support */
    int keep; /* a "keep" term: the model may not drop it */
} tag_match;

struct hnp_tagger {
    const hnp_lexicon **lex;
    size_t n_lex;
    unsigned char *alive; /* per lexicon, during one longest-match search */
    uint32_t *node;       /* per lexicon, during one search: the trie node reached */
    int ref_match;        /* find keys by their bytes (the reference matcher, tag_match.c) */
    uint32_t *tid;        /* per token and lexicon: the token's id, LEX_NONE, or TAG_TID_UNKNOWN */
    size_t cap_tid;
    tag_regex *rx;
    size_t n_rx;
    /* The current sentence: tokens and their folded forms, each followed by one space,
     * so the key of tokens i..j is one contiguous slice of fold. */
    tag_token *tok;
    size_t n_tok, cap_tok;
    size_t n_digit; /* tokens of the sentence with an ASCII digit */
    lexbuf fold;
    lexbuf tmp;
    lexkey_scratch sc;
    tag_rxmatch *rxm;
    size_t n_rxm, cap_rxm;
    hnp_span *win; /* where trial ids may be, sentence-relative */
    size_t n_win, cap_win;
    /* The current document. */
    hnp_mention *m;
    size_t *m_id;          /* per mention: offset of its id in ids, or SIZE_MAX (lexicon id) */
    unsigned char *m_keep; /* per mention: TAG_M_KEEP, TAG_M_SURE */
    size_t cap_m_keep;
    size_t n_m, cap_m, cap_m_id;
    lexbuf ids; /* trial-id ids, NUL-terminated */
    tag_abbr *abbr;
    size_t n_abbr, cap_abbr;
    lexbuf abbr_text;
    size_t *abbr_slot; /* hash of short forms: abbr index + 1, 0 = empty */
    size_t cap_abbr_slot;
    uint64_t abbr_first[4]; /* first bytes of the short forms: most tokens start no form */
    uint64_t abbr_two[64];  /* their first two bytes, hashed (tag_abbrev.c, abbr_two_bit) */
    const char **seen;      /* open-addressing set of concept ids mentioned by non-ctx terms */
    size_t n_seen, cap_seen;
    const char **rejected; /* ids of ctx terms turned down for want of support */
    size_t n_rejected, cap_rejected;
    size_t sent;
    /* The model (tag_model.c): on or off, per-token values, features, labels, scratch. */
    int model;
    hnp_tag_trace_fn trace;
    void *trace_ctx;
    hnp_span *trace_tok;
    size_t cap_trace_tok;
    tag_mtok *mt;
    size_t cap_mt;
    tag_wslot *wcache;     /* TAG_WCACHE_SLOTS slots, made at the model's first sentence */
    int ref_model;         /* every token's features computed, no cache (the reference) */
    uint16_t near0[8];     /* the model's rows of a token with no match near it (wcache's) */
    uint32_t trig_at[257]; /* the model's trigger hashes by top byte (tag_model.c) */
    int have_trig_at;
    uint32_t *mf; /* per token: its features, while tracing */
    size_t cap_mf;
    int32_t *mem; /* per token: its emission scores */
    size_t cap_mem;
    uint8_t *my, *mbp;
    size_t cap_my, cap_mbp;
    hnp_mention *mm;
    size_t *mm_id;
    unsigned char *mm_keep;
    size_t cap_mm, cap_mm_id, cap_mm_keep;
    /* The document's own evidence (tag_doc.c): its word tokens, the candidates, a bitmap
     * of their first words' hashes sized to their number. */
    tag_dtok *dtok;
    size_t n_dtok, cap_dtok;
    tag_cand *cand;
    size_t n_cand, cap_cand;
    uint64_t *cand_bits; /* 2^k bits, at least TAG_CAND_BITS_PER per candidate (tag_doc.c) */
    size_t cap_cand_bits, cand_mask;
    tag_sfset nodrug;   /* short forms defined by a long form that is no drug */
    tag_sfset enzyme;   /* short forms defined by an enzyme's name, no condition */
    tag_sfset cause;    /* short forms of a condition with its cause, "(GC-HT)" (tag_doc.c) */
    tag_acr_lf *acr_lf; /* the document's distinct long forms of acronyms (tag_doc.c) */
    size_t cap_acr_lf;
    uint64_t *acr_seen; /* acronyms already judged: a direct-mapped set of their hashes */
    size_t cap_acr_seen;
    hnp_span *codes; /* development codes named as compounds (tag_chem.c), byte spans */
    size_t n_codes, cap_codes;
    /* The second pass (tag_replay.c). It copies a sentence's results from the first pass
     * unless the sentence turned a ctx term down (fragile) or the abbreviations defined so
     * far differ from the first pass's (diverged). This holds only while a sentence reads
     * no document state but seen and the abbreviations, and writes none but by appending to
     * m/m_id/m_keep, ids, abbr, codes, dtok, seen and rejected: new document state must be
     * added to tag_replay.c (check_tag_matcher compares with a full second pass). */
    tag_pass1 p1;
    int pass;     /* 1 or 2 while tagging */
    int fragile;  /* the current sentence turned a ctx term down */
    int diverged; /* in the second pass: the abbreviations differ from the first's */
};

/* The layers, top to bottom (a file calls only files below it; state is passed down in
 * the tagger, never through callbacks):
 *   tag.c            the entry: documents, passes, sentences, the dictionary scan
 *   tag_replay.c     the second pass's copies of what the first settled
 *   tag_doc.c        the document's own evidence: conditions and short forms spread
 *   tag_trialname.c  trials named in the text
 *   tag_model.c      the trained decision (tag_model.h, tag_model_weights.c)
 *   tag_match.c      the longest lexicon match at a token
 *   tag_abbrev.c     abbreviations defined in the text
 *   tag_coord.c, tag_org.c, tag_trialid.c, tag_support.c, tag_ion.c, tag_chem.c,
 *   tag_protein.c, tag_deficient.c, tag_prefixed.c, tag_adjective.c  leaf helpers
 *   tag_mentions.c   growing arrays, appending a mention, lexicon terms */

/* tag_mentions.c */
hnp_status hnp_tag_emit(hnp_tagger *t, size_t start, size_t end, hnp_entity_label label,
                        const char *id, const char *name, size_t id_off);
hnp_status hnp_tag_grow_slow(void **p, size_t *cap, size_t need, size_t elem);
/* Whether a mention among m0..n_m-1 overlaps bytes a..b-1. */
int hnp_tag_overlaps(const hnp_tagger *t, size_t m0, size_t a, size_t b);
/* Moves the last mention back to its place in document order among m0..n_m-1. */
void hnp_tag_settle_last(hnp_tagger *t, size_t m0);
/* Whether the folded key names a term with this label in some lexicon (not a cs or ctx
 * term: those need their exact case or their context). */
int hnp_tag_is_term(const hnp_tagger *t, const uint8_t *key, size_t len, hnp_entity_label label);
/* Room for need elements of elem bytes in *p (capacity *cap); inline, as most calls find
 * the room there (several per sentence and per mention). */
static inline hnp_status hnp_tag_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? HNP_OK : hnp_tag_grow_slow(p, cap, need, elem);
}

/* Whether token k is the folded word w (a small-letter literal). */
static inline int hnp_tag_word_is(const hnp_tagger *t, size_t k, const char *w)
{
    const tag_token *x = &t->tok[k];
    size_t n = strlen(w);
    return x->kind == LEXTOK_WORD && x->fold_len == n &&
           memcmp(t->fold.data + x->fold_off, w, n) == 0;
}

/* tag_match.c: whether any match may start at token i (a cheap test: when 0,
 * hnp_tag_match_at finds nothing there). */
int hnp_tag_may_start(hnp_tagger *t, const uint8_t *text, size_t i);

/* tag_match.c: the singular forms of a folded word (at most four: stem length and suffix),
 * as the matcher makes them (reference 0: the test most words fail inline first) or by the
 * full rule alone (1), for the test that compares the two. */
size_t hnp_tag_singulars(const uint8_t *w, size_t n, size_t *stem, const char **suffix,
                         int reference);

/* tag_match.c: the best lexicon or abbreviation match at token i, not extending past
 * byte limit. Inside a hyphenated compound only one-word matches, unless in_compound. */
hnp_status hnp_tag_match_at(hnp_tagger *t, const uint8_t *text, size_t i, size_t limit,
                            int in_compound, tag_match *out);

/* tag.c: on (1), keys are found by their bytes instead of through the tries of token ids,
 * and the second pass tags every sentence again instead of copying (tag_replay.c); the
 * output must be the same (for the differential test). */
void hnp_tag_set_reference_matcher(hnp_tagger *t, int on);

/* tag.c: on (1), the model computes every template of every token it looks at instead of
 * taking the word's share of the emission scores from its cache (tag_model.c); the output
 * must be the same (for the differential test). */
void hnp_tag_set_reference_model(hnp_tagger *t, int on);

/* tag_replay.c: the first pass's record of sentence s (before and after it), the first
 * pass's state kept for the second, whether the second pass may copy sentence s, the copy,
 * and the check after a sentence the second pass tagged again. */
hnp_status hnp_tag_log_sentence(hnp_tagger *t, size_t s, int after);
hnp_status hnp_tag_keep_pass1(hnp_tagger *t);
int hnp_tag_can_replay(const hnp_tagger *t, size_t s);
hnp_status hnp_tag_replay(hnp_tagger *t, size_t s);
void hnp_tag_check_diverged(hnp_tagger *t, size_t s, size_t ab_before);
void hnp_tag_pass1_free(tag_pass1 *p);

/* tag_abbrev.c: appends an abbreviation as define() does (for tag_replay.c). */
hnp_status hnp_tag_abbrev_put(hnp_tagger *t, const uint8_t *sf, size_t n, hnp_entity_label label,
                              const char *id, const char *name);

/* tag_support.c: the concept-id set that licenses ctx terms. */
int hnp_tag_seen(const hnp_tagger *t, const char *id);
hnp_status hnp_tag_see(hnp_tagger *t, const char *id);
hnp_status hnp_tag_reject(hnp_tagger *t, const char *id);
int hnp_tag_rejected_now_seen(const hnp_tagger *t);

/* tag_abbrev.c: after a mention that ends before token i, a "(SF)" definition. Emits the
 * SF as a mention and advances *i past ")" when there is one. */
hnp_status hnp_tag_abbrev_define(hnp_tagger *t, const uint8_t *text, const hnp_mention *lf,
                                 size_t *i);

/* tag_abbrev.c: the model's mention lf followed at token p by "(SF)" defines SF for the
 * rest of the document (no mention is emitted; SF is not redefined). */
hnp_status hnp_tag_abbrev_learn(hnp_tagger *t, const uint8_t *text, const hnp_mention *lf,
                                size_t p);

/* The bit of a short form's first two bytes in hnp_tagger.abbr_two. */
static inline size_t hnp_tag_abbr_two_bit(const uint8_t *sf)
{
    return ((size_t)sf[0] * 64 + sf[1]) % 4096;
}

/* Whether a short form defined so far may start at token i: its first byte is some form's,
 * and so are its first two when the token has two bytes or more (a form that starts there
 * has them as its first two). hnp_tag_abbrev_match finds none where this is 0. */
static inline int hnp_tag_abbr_may_start(const hnp_tagger *t, const uint8_t *text, size_t i)
{
    size_t start = t->tok[i].start;
    if (t->n_abbr == 0 || !((t->abbr_first[text[start] / 64] >> (text[start] % 64)) & 1)) {
        return 0;
    }
    if (t->tok[i].end - start < 2) {
        return 1;
    }
    size_t b = hnp_tag_abbr_two_bit(text + start);
    return (t->abbr_two[b / 64] >> (b % 64)) & 1;
}

/* tag_abbrev.c: a defined abbreviation starting at token i (out->ntok = 0 if none). */
void hnp_tag_abbrev_match(const hnp_tagger *t, const uint8_t *text, size_t i, size_t limit,
                          tag_match *out);

/* tag_abbrev.c: Schwartz & Hearst's test: the letters of sf are found in order in lf, its
 * first letter at the start of a word of lf. */
int hnp_tag_abbrev_sf_in_lf(const uint8_t *sf, size_t sn, const uint8_t *lf, size_t ln);
/* Whether the acronym sf (SF_MIN..SF_MAX bytes) stands for the condition lf (tag_doc.c):
 * fast 0 by the plain test on the long form's bytes, fast 1 by the initials kept for it
 * (tag_acr_lf) as the acronym step does. For tests: both answers must agree. */
int hnp_tag_acronym_of(const uint8_t *sf, size_t sn, const uint8_t *lf, size_t ln, int fast);

/* tag_abbrev.c: sf is a short capitalised code that starts with lf's first letter
 * ("cyclosporine (CsA)"). */
int hnp_tag_abbrev_is_code(const uint8_t *sf, size_t sn, const uint8_t *lf);

/* tag_doc.c: once the document is tagged, its conditions and the short forms they define
 * become mentions at their other occurrences in the taggable sentences (see tag_doc.c). */
hnp_status hnp_tag_doc_consistency(hnp_tagger *t, const uint8_t *text, size_t len,
                                   const hnp_span *sents, size_t n_sents);

/* tag_coord.c: the first token of a coordinated mention that shares the head of the
 * mention at tokens i..i+ntok-1 ("breast and ovarian cancer", "breast-ovarian cancer"),
 * or i. Never before byte
 * floor (the end of the previous mention). */
hnp_status hnp_tag_coordination(hnp_tagger *t, const uint8_t *text, size_t i, size_t ntok,
                                hnp_entity_label label, size_t floor, size_t *start);

/* tag_coord.c: tokens a..b are "W1 and|or W2", each word a condition term by itself. */
int hnp_tag_two_conditions(const hnp_tagger *t, size_t a, size_t b);
/* tag_coord.c: i - 1 when token i - 1 is an organ's adjective ("renal") that a condition
 * starting at token i takes in, else i. */
size_t hnp_tag_organ_start(const hnp_tagger *t, size_t i);

/* tag_deficient.c: deficiency states named by a gene's or protein's symbol ("C5-deficient",
 * "deficient in Six5") in the sentence's bytes a..b, as conditions. */
hnp_status hnp_tag_deficient(hnp_tagger *t, const uint8_t *text, size_t m0, size_t a, size_t b);
/* The last token of the model's condition over tokens a..b once a deficiency's object is
 * taken in ("deficiency of the enzyme aspartylglucosaminidase"); b when there is none. */
size_t hnp_tag_deficiency_end(const hnp_tagger *t, const uint8_t *text, size_t a, size_t b);

/* tag_prefixed.c: words of the sentence just tagged (mentions m0..) that a prefix makes a
 * condition of a condition term ("pseudolithiasis", "pseudoacromegaly"), as conditions. */
hnp_status hnp_tag_prefixed(hnp_tagger *t, size_t m0);

/* tag_adjective.c: adjectives of a condition the document names ("exencephalic" beside
 * "exencephaly") where no mention is, as conditions appended after the mentions (the
 * caller merges them); sents are the document's taggable sentences. */
hnp_status hnp_tag_adjectives(hnp_tagger *t, const uint8_t *text, const hnp_span *sents,
                              size_t n_sents);

/* tag_org.c: the capitalised mention at tokens i..i+ntok-1 is part of an organisation's
 * name ("Multiple Sclerosis Society"). */
int hnp_tag_in_org_name(const hnp_tagger *t, const uint8_t *text, size_t i, size_t ntok);

/* tag_model.c: the model's decision for the sentence just scanned, whose dictionary
 * mentions are m0..n_m-1: they are replaced by the model's (see tag_model.c). Calls the
 * trace callback, if any, with the sentence's features first. */
hnp_status hnp_tag_model_sentence(hnp_tagger *t, const uint8_t *text, size_t m0);

/* tag_trialname.c: trials named in the sentence just tagged ("the ACME-HF trial"); the
 * mentions m0.. inside a name give way to its TRIAL mention. */
hnp_status hnp_tag_trial_names(hnp_tagger *t, const uint8_t *text, size_t m0);

/* tag_ion.c: metal ions written as their symbol in the sentence just tagged ("Na+",
 * "[Ca]o"), as drug mentions where no mention m0.. is; the sentence ends at byte end. */
hnp_status hnp_tag_ions(hnp_tagger *t, const uint8_t *text, size_t m0, size_t end);

/* tag_chem.c: the drug mentions of the sentence just tagged (m0.., in bytes a..b) grown to
 * the systematic name they are a piece of ("1,2-dimethylhydrazine", "[3H]-naloxone",
 * "CaCl(2)"); pieces of one name merged (see tag_chem.c). */
void hnp_tag_chem_names(hnp_tagger *t, const uint8_t *text, size_t m0, size_t a, size_t b);

/* tag_chem.c: development codes named as compounds in the sentence just tagged (mentions
 * m0..; it ends at byte b), "the D1 antagonist SCH 23390", "BD1018 (3S-1-[2-...)", appended
 * to t->codes for tag_doc.c. */
hnp_status hnp_tag_chem_codes(hnp_tagger *t, const uint8_t *text, size_t m0, size_t b);

/* tag_protein.c: the n bytes at s name a protein (a cytokine, growth factor, protein
 * hormone, immunoglobulin or enzyme), not a drug made of one or acting on one. */
int hnp_tag_is_protein(const uint8_t *s, size_t n);

/* tag_protein.c: the word s[a..e) (letters), folded to lower case, minus a plural "s",
 * ends with w (lower case). */
int hnp_tag_word_ends(const uint8_t *s, size_t a, size_t e, const char *w);

/* tag_trialid.c */
hnp_status hnp_tag_rx_compile(hnp_tagger *t);
void hnp_tag_rx_free(hnp_tagger *t);
hnp_status hnp_tag_rx_scan(hnp_tagger *t, const uint8_t *text, size_t start, size_t end);
hnp_status hnp_tag_rx_emit(hnp_tagger *t, const uint8_t *text, const tag_rxmatch *x);

#endif /* HNP_TAG_INTERNAL_H */
