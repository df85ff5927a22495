/* normalize.h -- stage 1: raw bytes in, valid NFC UTF-8 out, with a record of what changed.
 *
 * Steps, in order: binary-file check; encoding detection (BOM, valid UTF-8, else ICU
 * charset detection) or the caller's forced encoding; transcoding with iconv
 * (undecodable bytes become U+FFFD and count as repairs); mojibake and HTML-entity
 * repair, made only where a badness score says the result is clearly better; NFC
 * (utf8proc); line endings to \n; NUL and other control characters dropped except
 * tab and newline.
 *
 * The functions here keep no state between calls and are safe to call from any
 * number of threads at once. */
#ifndef HNP_NORMALIZE_H
#define HNP_NORMALIZE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bit flags for hnp_normalize_opts.flags. */
enum {
    HNP_NORM_NO_REPAIR = 1 << 0,    /* skip mojibake/entity repair (encoding + NFC only) */
    HNP_NORM_NO_ENTITIES = 1 << 1,  /* leave HTML entities such as &amp; alone */
    HNP_NORM_ALLOW_BINARY = 1 << 2, /* do not refuse input that looks binary */
    /* count the repairs (n_repairs) but keep no records (repairs and before stay NULL):
     * for callers that show the count alone, as random bytes make a repair of every few */
    HNP_NORM_COUNT_REPAIRS = 1 << 3
};

typedef struct hnp_normalize_opts {
    const char *from_encoding; /* iconv name that overrides detection, or NULL to detect */
    unsigned flags;            /* HNP_NORM_* */
} hnp_normalize_opts;

/* What kind of change a repair record describes. */
typedef enum hnp_repair_kind {
    HNP_REPAIR_MOJIBAKE = 0,  /* UTF-8 decoded as a single-byte codepage, re-decoded */
    HNP_REPAIR_C1 = 1,        /* C1 control standing for windows-1252 punctuation */
    HNP_REPAIR_ENTITY = 2,    /* HTML entity decoded */
    HNP_REPAIR_LOSSY = 3,     /* lossy leftover, e.g. a dagger for a lost closing quote */
    HNP_REPAIR_INVALID = 4,   /* undecodable byte replaced by U+FFFD */
    HNP_REPAIR_CONTROL = 5,   /* control character or NUL dropped */
    HNP_REPAIR_LOST_BYTE = 6, /* UTF-8 sequence that lost a byte (dropped or U+FFFD), completed */
    HNP_REPAIR_QUESTION = 7,  /* '?' for a letter lost in a legacy codepage, put back from a
                               * word list ("Qu?bec" -> "Québec") */
    HNP_REPAIR_LIGATURE = 8   /* Latin ligature inside a word split into its letters, as ftfy
                               * does ("signiﬁcantly" -> "significantly") */
} hnp_repair_kind;

/* One repair, located in the OUTPUT text (bytes). A dropped character has start == end.
 * before locates, in hnp_normalized.before, the damaged text as it came in (after decoding
 * to UTF-8; a dropped control character is written "U+XXXX", and bytes that could not be
 * decoded (kind "invalid") are written as "\xNN" escapes of the input's bytes). */
typedef struct hnp_repair {
    hnp_span span;
    hnp_repair_kind kind;
    hnp_span before;
} hnp_repair;

/* "mojibake", "c1", "entity", "lossy", "invalid", "control", "lost-byte", "question",
 * "ligature"; "?" for a value outside the enum. */
const char *hnp_repair_kind_name(hnp_repair_kind kind);

/* The result of hnp_normalize. Owns all its memory; release with hnp_normalized_free. */
typedef struct hnp_normalized {
    uint8_t *text;       /* valid NFC UTF-8, NUL-terminated (the NUL is not counted) */
    size_t len;          /* bytes in text */
    char encoding[32];   /* what the input was read as: "UTF-8", "windows-1252", ... */
    size_t n_repairs;    /* number of repairs made (all kinds) */
    hnp_repair *repairs; /* n_repairs records, in text order (NULL when 0 or counted only) */
    uint8_t *before;     /* the repairs' "before" texts, UTF-8 (may be NULL when empty) */
    size_t before_len;
} hnp_normalized;

/* Normalizes len bytes of input. opts may be NULL (detect everything, repair).
 * On success *out owns new memory. Returns HNP_ERR_BINARY for binary input (unless
 * HNP_NORM_ALLOW_BINARY), HNP_ERR_ENCODING for an unknown from_encoding, HNP_ERR_NOMEM.
 * On error *out is left empty (safe to pass to hnp_normalized_free). */
hnp_status hnp_normalize(const hnp_normalize_opts *opts, const uint8_t *in, size_t len,
                         hnp_normalized *out);

/* Joins a and b into *out as a "\n" b (PubTator title and abstract), with b's repairs
 * shifted. Copies; the caller still owns and frees a and b. On error *out is empty. */
hnp_status hnp_normalized_join(const hnp_normalized *a, const hnp_normalized *b,
                               hnp_normalized *out);

/* Releases what hnp_normalize allocated and zeroes *n. NULL is a no-op. */
void hnp_normalized_free(hnp_normalized *n);

/* 1 when the first KiB of in holds a NUL byte and the input is not UTF-16/32 (by BOM or by
 * the alternating-NUL pattern of BOM-less UTF-16); 0 otherwise. */
int hnp_looks_binary(const uint8_t *in, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* HNP_NORMALIZE_H */
