/* segment_internal.h -- shared pieces of the segment stage (segment*.c only). */
#ifndef HNP_SEGMENT_INTERNAL_H
#define HNP_SEGMENT_INTERNAL_H

#include "hnp/segment.h"

#include <stdbool.h>

/* Where sentences go: spans are counted always and stored while they fit (TOOSMALL protocol),
 * or, with grow set, into a buffer that grows (*growable, realloc'd; nomem set when that
 * fails, after which spans are only counted). */
typedef struct seg_out {
    hnp_span *spans;
    size_t cap;
    size_t n;
    hnp_span **growable; /* NULL: fixed caller buffer */
    size_t *growable_cap;
    bool nomem;
} seg_out;

/* Trims [start, end) of whitespace and records it when something is left (segment_emit.c). */
void hnp_seg_emit(seg_out *o, const uint8_t *t, size_t start, size_t end);

/* ---- characters (segment_chars.c) ------------------------------------------------------ */

/* Letter case classes of a code point; CASELESS is a letter without case (CJK, Arabic, ...). */
typedef enum seg_case {
    SEG_C_OTHER = 0,
    SEG_C_UPPER,
    SEG_C_LOWER,
    SEG_C_CASELESS,
    SEG_C_DIGIT
} seg_case;

/* Decodes the code point at pos (< end); invalid bytes decode as U+FFFD, one byte each.
 * Returns its length in bytes (>= 1). */
size_t hnp_seg_decode(const uint8_t *t, size_t pos, size_t end, int32_t *cp);
/* Start of the code point that ends just before pos (> lo). */
size_t hnp_seg_prev(const uint8_t *t, size_t lo, size_t pos);

bool hnp_seg_is_space(int32_t cp);
seg_case hnp_seg_case_of(int32_t cp);
/* Sentence-final marks: . ! ? and their Unicode kin (ellipsis, CJK full stops). */
bool hnp_seg_is_term(int32_t cp);
/* Terminals after which no space is needed (CJK full stop and marks). */
bool hnp_seg_is_cjk_term(int32_t cp);
/* Closing quotes and brackets that stay with the sentence they close. */
bool hnp_seg_is_closer(int32_t cp);
/* List bullets (•, ⁃, ▪, ...). */
bool hnp_seg_is_bullet(int32_t cp);
/* True when the letters of [start, end) are mostly outside the Latin script. */
bool hnp_seg_mostly_nonlatin(const uint8_t *t, size_t start, size_t end);

/* Next whitespace-separated token at or after pos; false at end. */
bool hnp_seg_token(const uint8_t *t, size_t pos, size_t end, hnp_span *tok);
/* The same, and *plain tells whether the token is plain ASCII without . ! ? ( ) [ ] : @
 * (no rule needs to look inside such a token). */
bool hnp_seg_token_plain(const uint8_t *t, size_t pos, size_t end, hnp_span *tok, bool *plain);
/* Case class of the first letter or digit of a token after openers and symbols
 * (at most a few characters in). */
seg_case hnp_seg_token_case(const uint8_t *t, const hnp_span *tok);
/* The token without leading openers and trailing closers/punctuation ,;:. */
hnp_span hnp_seg_token_core(const uint8_t *t, const hnp_span *tok);

/* ---- word lists (segment_words.c) ------------------------------------------------------ */

/* How a word followed by a period behaves. */
typedef enum seg_abbr {
    SEG_A_NONE = 0, /* an ordinary word: the period ends the sentence */
    SEG_A_TITLE,    /* precedes a name: Dr. Mr. Prof. St. -- never a boundary */
    SEG_A_NEVER,    /* always continued: e.g. i.e. vs. cf. */
    SEG_A_NUMBER,   /* precedes a number: No. 5, p. 55, Fig. 2, Jan. 5 */
    SEG_A_OTHER,    /* Co. Inc. Jr. et al. etc. U.S.: boundary only before a sentence starter */
    SEG_A_TIME,     /* a.m. p.m. */
    SEG_A_INITIAL   /* a single capital letter */
} seg_abbr;

/* Classifies the word before a period ([w, w+len), without the final period). */
seg_abbr hnp_seg_abbrev(const uint8_t *w, size_t len);
/* Capitalized words that usually start a sentence (The, It, However, ...). */
bool hnp_seg_is_starter(const uint8_t *w, size_t len);
/* True when the tables that are searched by bisection are sorted (a test checks it). */
bool hnp_seg_words_sorted(void);
/* Lowercase words allowed inside a name (of, and, de, van, ...). */
bool hnp_seg_is_connector(const uint8_t *w, size_t len);
/* Month (full or abbreviated, optional final period) -> 1..12, else 0. */
int hnp_seg_month(const uint8_t *w, size_t len);
bool hnp_seg_is_weekday(const uint8_t *w, size_t len);
/* Prepositions that introduce a date inside prose (on, at, since, ...). */
bool hnp_seg_is_preposition(const uint8_t *w, size_t len);
/* Time zones written after a time (ET, GMT, ...). */
bool hnp_seg_is_timezone(const uint8_t *w, size_t len);

/* ---- datelines and fields (segment_meta.c) --------------------------------------------- */

/* A date (optionally with weekday and time) starting at the token at pos: returns the byte
 * offset just past it, or 0. *timed (may be NULL) tells whether a time of day was part of it. */
size_t hnp_seg_match_date(const uint8_t *t, size_t pos, size_t end, bool *timed);
/* The same from the token first (hnp_seg_token's at first->start, which the caller found):
 * the rules have the token already, and scanning it again cost more than the test. */
size_t hnp_seg_match_date_tok(const uint8_t *t, const hnp_span *first, size_t end, bool *timed);
/* A byline/credit label (Source:, By, Photo:, Written by ...) starting at the token at pos:
 * returns the offset just past it, or 0. colon_only limits it to the "Label:" forms. */
size_t hnp_seg_match_label(const uint8_t *t, size_t pos, size_t end, bool colon_only);
/* The same from the token first (as hnp_seg_match_date_tok). */
size_t hnp_seg_match_label_tok(const uint8_t *t, const hnp_span *first, size_t end,
                               bool colon_only);
/* After a label ending at pos: the start of the sentence that follows the name
 * ("Source: Bio Valley | Recently, ..."), or 0 when there is no such sentence. */
size_t hnp_seg_field_value_end(const uint8_t *t, size_t pos, size_t end);

/* A heading glued onto the sentence after it ("Clinical Trials A series of treatments ..."):
 * two to six capitalized words, then a capitalized sentence starter followed by a lowercase
 * word, from the token first (hnp_seg_token's). Returns the start of that starter, or 0. */
size_t hnp_seg_heading_end(const uint8_t *t, const hnp_span *first, size_t end);

/* ---- the English rules (segment_rules.c) ----------------------------------------------- */

/* Splits one block (paragraph, no blank line inside) with the English rules. */
void hnp_seg_rules_block(const uint8_t *t, size_t start, size_t end, seg_out *o);

/* ---- ICU (segment_icu.c) ---------------------------------------------------------------- */

typedef struct seg_icu seg_icu;
hnp_status hnp_seg_icu_open(seg_icu **out);
void hnp_seg_icu_close(seg_icu *s);
/* Splits [start, end) with ICU's sentence BreakIterator. */
hnp_status hnp_seg_icu_block(seg_icu *s, const uint8_t *t, size_t start, size_t end, seg_out *o);

#endif /* HNP_SEGMENT_INTERNAL_H */
