/* lexicon.h -- compiled, immutable term dictionaries for the tagger.
 *
 * A lexicon maps normalized term keys (case-folded, NFC, whitespace and hyphen
 * variants folded; see hnp_lexicon_key) to entries (label, canonical id, canonical
 * name, flags). The compiled form is one flat little-endian blob with a checked
 * header (magic "HNPLEX\0\n", format version, size, CRC-32); the in-memory format is the
 * file format, so a blob is used in place and never copied.
 *
 * The default lexicons are compiled at build time by hnp-lexc from corpora/lexicons/
 * and embedded in the binary (hnp_lexicon_embedded, in the hnp_lexdata library).
 * Once created a lexicon is read-only and may be shared by any number of threads. */
#ifndef HNP_LEXICON_H
#define HNP_LEXICON_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hnp_entity_label {
    HNP_LABEL_DRUG = 0,
    HNP_LABEL_CONDITION = 1,
    HNP_LABEL_TRIAL = 2,
    HNP_LABEL_PROCEDURE = 3
} hnp_entity_label;

#define HNP_LABEL_COUNT 4

/* "DRUG", "CONDITION", "TRIAL", "PROCEDURE"; "?" when out of range. */
const char *hnp_label_name(hnp_entity_label label);

/* Parses a label name (exact, upper case). HNP_ERR_INVALID when unknown. */
hnp_status hnp_label_parse(const char *name, hnp_entity_label *out);

typedef struct hnp_lexicon hnp_lexicon;

/* Adopts a compiled blob without copying: it must stay valid and unchanged for the
 * lexicon's lifetime. Validates magic, version, size, CRC and every offset before use;
 * returns HNP_ERR_FORMAT / HNP_ERR_VERSION on a bad blob. The blob is read in place, so
 * it must be 8-byte aligned (HNP_ERR_INVALID otherwise; malloc and mmap are). Free with
 * hnp_lexicon_free (which does not free the blob). */
hnp_status hnp_lexicon_from_memory(const void *blob, size_t len, hnp_lexicon **out);

/* Compiles a user lexicon from TSV text (term<TAB>label<TAB>id<TAB>name per line; lines
 * starting with '#' and a first line "term\tlabel..." are skipped). On HNP_ERR_FORMAT,
 * *bad_line (if not NULL) is the 1-based line that failed. The lexicon owns its memory. */
hnp_status hnp_lexicon_from_tsv(const uint8_t *tsv, size_t len, hnp_lexicon **out,
                                size_t *bad_line);

/* As hnp_lexicon_from_tsv; on HNP_ERR_FORMAT it also writes why the line failed
 * ("unknown label 'DRUGS' (known: DRUG, CONDITION, TRIAL, PROCEDURE)") into why,
 * NUL-terminated and cut to why_size bytes (why may be NULL). */
hnp_status hnp_lexicon_from_tsv_why(const uint8_t *tsv, size_t len, hnp_lexicon **out,
                                    size_t *bad_line, char *why, size_t why_size);

/* The default lexicon compiled into the program (defined in hnp_lexdata, not libhnp).
 * The same immutable object is returned on every call; do not free it. */
hnp_status hnp_lexicon_embedded(const hnp_lexicon **out);

/* NULL is a no-op. */
void hnp_lexicon_free(hnp_lexicon *lex);

/* The lookup key of a term or text span, as the compiler and the tagger make it: tokens
 * case-folded (NFC) and joined by one space; hyphens, dashes, apostrophes and white space
 * between words all become that space; a possessive 's is dropped ("Crohn's  Disease" ->
 * "crohn disease"). *out is NUL-terminated, *out_len its length; free with hnp_free(). */
hnp_status hnp_lexicon_key(const uint8_t *text, size_t len, char **out, size_t *out_len);

/* Number of terms, and a version string such as "hnplex-1 2026-11-26 doid+mesh2024+...". */
size_t hnp_lexicon_size(const hnp_lexicon *lex);
const char *hnp_lexicon_version(const hnp_lexicon *lex);

#ifdef __cplusplus
}
#endif
#endif /* HNP_LEXICON_H */
