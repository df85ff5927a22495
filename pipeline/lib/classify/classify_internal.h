/* classify_internal.h -- shared pieces of the classify stage (stage 3): per-sentence
 * features, the phrase rules, date parsing. Not part of the public API. */
#ifndef HNP_CLASSIFY_INTERNAL_H
#define HNP_CLASSIFY_INTERNAL_H

#include "hnp/classify.h"

#include <stddef.h>
#include <stdint.h>

/* Shape features of one sentence, from one linear scan (classify_feat.c). */
typedef struct cls_feat {
    size_t nchars;        /* code points */
    unsigned words;       /* runs of letters/digits */
    unsigned alpha_words; /* words with at least one letter */
    unsigned stop;        /* function words of the document's language */
    unsigned cap_words;   /* words starting with an upper-case letter */
    unsigned letters, digits, cjk, symbols;
    unsigned hashtags;  /* words written #word */
    unsigned commas;    /* , ， 、 separators */
    unsigned cjk_stops; /* 。！？ */
    int first_lower;    /* the first letter is lower case */
    int first_upper;
    int ends_stop;  /* last visible char (before closing quotes) is . ! ? … 。 ！ ？ */
    int ends_q;     /* ... it is a question mark */
    int ends_colon; /* ... it is a colon */
    int has_url;    /* http://, https://, www. */
    int has_email;
    int phone;       /* a run of >= 7 digits joined by spaces, dashes, dots, brackets */
    int price;       /* a currency sign or code next to a number */
    int company;     /* a company suffix (Co., Ltd, Inc., LLC, GmbH, 有限公司 ...) */
    int company_end; /* ... with nothing but a URL, e-mail or phone after it */
    int whole_line;  /* the sentence is alone on its line */
    int bracketed;   /* the whole sentence is inside [ ] */
} cls_feat;

/* Why a sentence got its kind. One enum, one name table (classify_reason.c); the
 * names are the reason codes of the output. */
typedef enum cls_reason {
    CLS_R_NONE,
    CLS_R_HEADLINE,
    CLS_R_DATELINE,
    CLS_R_SOURCE,
    CLS_R_BYLINE,
    CLS_R_CREDIT,
    CLS_R_CONTACT,
    CLS_R_COMPANY_URL,
    CLS_R_COMPANY,
    CLS_R_PRICE,
    CLS_R_CTA,
    CLS_R_PROMO,
    CLS_R_SEO,
    CLS_R_CJK_SEO,
    CLS_R_PRODUCT_LIST,
    CLS_R_KEYWORDS,
    CLS_R_NAV,
    CLS_R_SHARE,
    CLS_R_SUBSCRIBE,
    CLS_R_RELATED,
    CLS_R_COMMENT,
    CLS_R_SOURCE_LINK,
    CLS_R_APPEARED_FIRST,
    CLS_R_COPYRIGHT,
    CLS_R_AD_SLOT,
    CLS_R_MARKUP,
    CLS_R_CAPTION,
    CLS_R_TAGS,
    CLS_R_GALLERY,
    CLS_R_COOKIE,
    CLS_R_ADBLOCK,
    CLS_R_DISCLAIMER,
    CLS_R_FRAGMENT,
    CLS_R_HEAD,
    CLS_R_TAIL,
    CLS_R_SHAPE,   /* not given since the model only confirms region verdicts; kept so */
    CLS_R_CONTEXT, /* the trained feature layout holds until the next retraining */
    CLS_R_PRESS,
    CLS_R_AFFILIATE,
    CLS_R_POLL,
    CLS_R_PLAYER,
    CLS_R_TEMPLATE, /* after the model: the line recurs across the site-template memory */
    CLS_R_COUNT
} cls_reason;

/* The reasons the rules give, one model feature each (template comes after the model). */
enum { CLS_R_RULE_COUNT = CLS_R_TEMPLATE };

/* The reason code's name: "-" for CLS_R_NONE. */
const char *hnp_cls_reason_name(cls_reason r);

/* The verdict of the local rules on one sentence. */
typedef struct cls_local {
    hnp_kind kind;     /* BODY when no rule fired */
    cls_reason reason; /* CLS_R_NONE when none */
    int strong;        /* 1: a phrase rule fired; 2: also a page-structure marker (tail barrier) */
    int legit;         /* a legitimate ending: "For more information", a reference */
} cls_local;

/* The phrase lists of the rules, found in a key in one pass by the phrase matcher
 * (classify_phrases.c). NAV phrases must be the whole key; the others occur anywhere. */
typedef enum cls_list {
    CLS_LIST_RULES,   /* the phrase rules, in order (classify_rules.c) */
    CLS_LIST_LEGIT,   /* legitimate endings */
    CLS_LIST_CREDIT,  /* photo-credit cues */
    CLS_LIST_NAV,     /* whole-sentence navigation items */
    CLS_LIST_CONTACT, /* contact cues beside a phone number (classify_shape.c) */
    CLS_LIST_SHOP,    /* shop cues beside a price */
    CLS_LIST_COUNT
} cls_list;
enum { CLS_PHRASE_MAX = 1024 }; /* phrases over all lists */

/* Phrase i of list l (lower case), and the list's size (classify_rules.c). */
size_t hnp_cls_list_size(cls_list l);
const char *hnp_cls_list_text(cls_list l, size_t i);

/* Phrase lists of classify_shape.c (CONTACT, SHOP); NULL and 0 for the others. */
const char *const *hnp_cls_shape_list(cls_list l, size_t *n);

typedef struct cls_phrases cls_phrases;

/* The ASCII-lower-cased, whitespace-collapsed key of a sentence, bullets stripped. */
enum { CLS_KEY_MAX = 1024, CLS_BIGRAM_BITS = 2048 };
typedef struct cls_key {
    char s[CLS_KEY_MAX + 1];
    size_t len;
    uint64_t bigrams[CLS_BIGRAM_BITS / 64]; /* hashed byte pairs of s (hnp_cls_key_bigrams) */
    size_t skip; /* bytes of leading bullets and blanks skipped in the sentence */
    /* The phrases of the lists that the key holds (hnp_cls_phrases_find) */
    const cls_phrases *ph;
    int ref; /* found by the reference search */
    uint64_t hits[CLS_PHRASE_MAX / 64];
} cls_key;

/* The matcher of every list's phrases, which it reads through size and text (the
 * functions above); immutable once made (classify_phrases.c). */
typedef size_t (*cls_list_size_fn)(cls_list l);
typedef const char *(*cls_list_text_fn)(cls_list l, size_t i);
hnp_status hnp_cls_phrases_create(cls_list_size_fn size, cls_list_text_fn text, cls_phrases **out);
void hnp_cls_phrases_free(cls_phrases *p);

/* Finds every phrase of every list in k (sets k->ph, k->hits): in one pass, or with
 * reference set by searching each phrase on its own (what the matcher must agree with). */
void hnp_cls_phrases_find(const cls_phrases *p, int reference, cls_key *k);

/* The first phrase of list l at index from or later that k holds, or (size_t)-1 (after
 * hnp_cls_phrases_find). */
size_t hnp_cls_key_next_hit(const cls_key *k, cls_list l, size_t from);

/* 1 if k holds a phrase of list l (the whole key for NAV). */
int hnp_cls_key_in(const cls_key *k, cls_list l);

/* The languages with a function-word list; every other language uses English's (its
 * prose then looks as it did before it had a list: few function words). */
typedef enum cls_lang {
    CLS_LANG_EN,
    CLS_LANG_DE,
    CLS_LANG_ES,
    CLS_LANG_FR,
    CLS_LANG_IT,
    CLS_LANG_NL,
    CLS_LANG_PT,
    CLS_LANG_COUNT
} cls_lang;

/* The list for an ISO 639-1 code ("" or unknown: English). */
cls_lang hnp_cls_lang_of(const char *code);

/* reference: the character-by-character scan that the fast one must agree with. */
void hnp_cls_features(const uint8_t *doc, size_t doclen, size_t start, size_t end, cls_lang lang,
                      int reference, cls_feat *f);
void hnp_cls_make_key(const uint8_t *s, size_t n, cls_key *k);

/* The same; reference: copy byte by byte, not eight bytes at a time (the path the fast one
 * must agree with). */
void hnp_cls_make_key_as(const uint8_t *s, size_t n, int reference, cls_key *k);

/* Phone numbers and prices (sets phone, price); company suffixes (company,
 * company_end; reference: test every byte, not eight at a time). Both in classify_scan.c. */
void hnp_cls_scan_numbers(const uint8_t *s, size_t n, cls_feat *f);
void hnp_cls_scan_company(const uint8_t *s, size_t n, int reference, cls_feat *f);

/* Phrase and shape rules on one sentence (classify_rules.c). */
void hnp_cls_local_rules(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                         cls_local *out);

/* 1 if the key holds a photo credit ("(Image: ...)", "/ Reuters"): caption evidence. */
int hnp_cls_credit_cue(const cls_key *k);

/* Shape rules (classify_shape.c); each returns 1 and fills *out when it fires. */
int hnp_cls_shape_spam(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                       cls_local *out);
int hnp_cls_shape_meta(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                       cls_local *out);
int hnp_cls_shape_junk(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                       cls_local *out);

/* Finds the first date in s[0..n). On success writes YYYY-MM-DD (or YYYY-MM) into iso
 * (at least 11 bytes), the byte range of the date into *ds and *de and returns 1. */
int hnp_cls_find_date(const uint8_t *s, size_t n, char *iso, size_t *ds, size_t *de);
/* The same; reference: every word is tried as a month name (no first-two-letters filter)
 * and each byte's previous one is tested (no skip over a word's rest). */
int hnp_cls_find_date_as(const uint8_t *s, size_t n, int reference, char *iso, size_t *ds,
                         size_t *de);

/* 1 if the sentence opens with an agency dateline ("LONDON (Reuters) -", "WASHINGTON,
 * March 3 (AP) --"): the article's lede, never its headline. */
int hnp_cls_agency_opening(const uint8_t *s, size_t n);

/* 1 if the sentence is a dateline: a date with little else (times, weekdays, "Updated"). */
int hnp_cls_is_dateline(const uint8_t *s, size_t n, const cls_feat *f);

/* Case-insensitive (ASCII) search of needle in hay; returns the offset or (size_t)-1. */
size_t hnp_cls_find_ci(const char *hay, size_t n, const char *needle);

/* The same for a hay that is already lower case (a key): memchr to the first byte. */
size_t hnp_cls_find_lower(const char *hay, size_t n, const char *needle);

/* Fills the key's bigram set; needed before hnp_cls_key_has. */
void hnp_cls_key_bigrams(cls_key *k);

static inline size_t cls_bigram_bit(uint8_t a, uint8_t b)
{
    return ((size_t)a << 3 ^ (size_t)b) & (CLS_BIGRAM_BITS - 1);
}

/* 1 if the key contains needle (lower case). Every byte pair of a needle that occurs in
 * the key is in the key's bigram set, so a needle with a pair outside it cannot occur:
 * most phrases are dismissed in a few inline tests, without a call. */
static inline int hnp_cls_key_has(const cls_key *k, const char *needle)
{
    const uint8_t *p = (const uint8_t *)needle;
    if (p[0] != '\0') {
        for (size_t i = 1; p[i] != '\0'; i++) {
            size_t bit = cls_bigram_bit(p[i - 1], p[i]);
            if (!((k->bigrams[bit / 64] >> (bit % 64)) & 1)) {
                return 0;
            }
        }
    }
    return hnp_cls_find_lower(k->s, k->len, needle) != (size_t)-1;
}

/* 1 if the last word of s[0..n) is a function word of the language (an unfinished
 * sentence: "Shanghai has"). */
int hnp_cls_ends_function_word(const uint8_t *s, size_t n, cls_lang lang);

/* 1 if the lower-case ASCII word w[0..n) is an English function word. */
int hnp_cls_is_stopword(const char *w, size_t n);

/* The same answer from a scan of the word list: the reference for tests. */
int hnp_cls_is_stopword_scan(const char *w, size_t n);

/* A verdict: kind, confidence, reason. */
typedef struct cls_verdict {
    hnp_kind kind;
    float score;
    cls_reason reason;
} cls_verdict;

/* One sentence under judgement. */
typedef struct cls_sent {
    cls_feat f;
    cls_local loc;
    float v;      /* body value, -1 (junk-like) .. 1 (prose) */
    float weight; /* its weight in the region search */
    int title;
    int between;      /* between the headline and the article: 1 byline (meta), 2 lead-in (body) */
    int in_run;       /* inside the article, but in a run of short lines (a link list) */
    int dup;          /* the same text occurs elsewhere in the document (teasers, repeated links) */
    int bullet;       /* it starts with a list bullet */
    int credit;       /* it holds a photo credit */
    float core;       /* share of its content words in the article's core (classify_overlap.c) */
    float core_win;   /* ... over it and two sentences on either side, by content words */
    float lead_core;  /* a "...:" line of the region: its share of content words in the core */
    cls_verdict rule; /* what the rules alone say (hnp_cls_rule_verdicts) */
    cls_verdict final; /* after the model */
} cls_sent;

/* One document under judgement (classify_doc.c). The article region is [rs, re). */
typedef struct cls_doc {
    const uint8_t *text;
    size_t len;
    const hnp_span *sents;
    size_t n;
    cls_sent *w;
    size_t rs, re;
    size_t title;              /* index of the headline, or (size_t)-1 */
    cls_lang lang;             /* whose function words count */
    const hnp_templates *tmpl; /* site-template memory, or NULL */
    const cls_phrases *ph;     /* the phrase matcher */
    int reference;             /* the reference paths (hnp_cls_set_reference) */
} cls_doc;

/* Test hook: 1 makes c take the reference paths that the fast ones must agree with
 * (search each phrase on its own, scan each character on its own), 0 (the default) the
 * fast ones. Set before c is shared. */
void hnp_cls_set_reference(hnp_classifier *c, int on);

hnp_status hnp_cls_judge_sentences(cls_doc *d);
void hnp_cls_find_region(cls_doc *d);
void hnp_cls_find_title(cls_doc *d);
void hnp_cls_mark_runs(cls_doc *d);
void hnp_cls_rule_verdicts(cls_doc *d);
hnp_status hnp_cls_fill_meta(const cls_doc *d, hnp_docmeta *meta);

/* The learned layer (classify_model.c). Feature layout: the sentence's shape, what the
 * rules and the region search said (with one flag per rule kind and reason), four
 * neighbours, window means, two document figures, its overlap with the article's core. */
enum {
    CLS_SHAPE_FEATS = 28,
    CLS_RULE_FEATS = 16 + 5 + CLS_R_RULE_COUNT,
    CLS_NEIGH_FEATS = 8,
    CLS_WINDOW = 5,
    CLS_NFEAT = CLS_SHAPE_FEATS + CLS_RULE_FEATS + 4 * CLS_NEIGH_FEATS + 3 + 2 + 2
};

/* Writes d->n * CLS_NFEAT features (after the rules and hnp_cls_rule_verdicts ran). */
void hnp_cls_doc_features(const cls_doc *d, float *x);

/* The name of feature j ("shape:words", "reason=nav", "n-1:v", ...). */
const char *hnp_cls_feature_name(size_t j, char *buf, size_t cap);

/* 1 for a sentence the model decides: one the region search put in the page head, the
 * tail or a link run, with no local rule behind it (the rest keep the rules' verdict). */
int hnp_cls_model_decides(const cls_sent *s);

/* Runs the model and the sequence step; fills every sentence's final verdict. */
hnp_status hnp_cls_apply_model(cls_doc *d);

/* The overlap with the article's core, the region's first prose sentences, of every
 * sentence the model decides (sets core, core_win; classify_overlap.c), and of every
 * "...:" line of the region (lead_core: a list's lead-in, classify_trim.c). After the
 * rules' verdicts; the others', and all with no region, stay 0. HNP_ERR_NOMEM when its buffer
 * cannot be had. */
hnp_status hnp_cls_core_overlap(cls_doc *d);

/* The region's end, peeled by the trim model (classify_trim.c). Its features: per
 * sentence CLS_TRIM_FEATS figures of its place in the region (zeros outside it), the
 * last one the guard the peel stops at, which has no weight. */
enum { CLS_TRIM_FEATS = 9, CLS_TRIM_WEIGHTED = CLS_TRIM_FEATS - 1 };

/* Writes d->n * CLS_TRIM_FEATS features (after hnp_cls_rule_verdicts ran). */
void hnp_cls_trim_features(const cls_doc *d, float *e);

/* The name of trim feature j ("trim:before", ...). */
const char *hnp_cls_trim_feature_name(size_t j, char *buf, size_t cap);

/* After the model: peels body sentences off the region's end, then off its start, where
 * the trim models say junk (x: the CLS_NFEAT features of every sentence). */
void hnp_cls_apply_trim(cls_doc *d, const float *x);

/* After the model: body sentences on lines that recur in the site-template memory become
 * boilerplate ("template"), unless they are most of the body (a repeated article, not a
 * template) (classify_templates.c). */
void hnp_cls_apply_templates(cls_doc *d);

/* The trained model (classify_weights.c, generated by scripts/train_classify.py). */
extern const float hnp_cls_model_weights[CLS_NFEAT];
extern const float hnp_cls_model_bias;
extern const float hnp_cls_model_trans[4]; /* tempered log P(to | from), [from * 2 + to] */
extern const float hnp_cls_trim_weights[CLS_NFEAT + CLS_TRIM_WEIGHTED];
extern const float hnp_cls_trim_bias;
extern const float hnp_cls_head_weights[CLS_NFEAT + CLS_TRIM_WEIGHTED];
extern const float hnp_cls_head_bias;

#endif /* HNP_CLASSIFY_INTERNAL_H */
