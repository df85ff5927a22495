/* lexicon.c -- STUB: replaced by the real compiled-lexicon loader. */
#include "hnp/lexicon.h"

#include <stdlib.h>
#include <string.h>

struct hnp_lexicon {
    size_t n;
};

const char *hnp_label_name(hnp_entity_label label)
{
    switch (label) {
    case HNP_LABEL_DRUG:
        return "DRUG";
    case HNP_LABEL_CONDITION:
        return "CONDITION";
    case HNP_LABEL_TRIAL:
        return "TRIAL";
    case HNP_LABEL_PROCEDURE:
        return "PROCEDURE";
    }
    return "?";
}

hnp_status hnp_label_parse(const char *name, hnp_entity_label *out)
{
    static const hnp_entity_label all[] = {HNP_LABEL_DRUG, HNP_LABEL_CONDITION, HNP_LABEL_TRIAL,
                                           HNP_LABEL_PROCEDURE};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(name, hnp_label_name(all[i])) == 0) {
            *out = all[i];
            return HNP_OK;
        }
    }
    return HNP_ERR_INVALID;
}

hnp_status hnp_lexicon_from_memory(const void *blob, size_t len, hnp_lexicon **out)
{
    (void)blob;
    (void)len;
    *out = calloc(1, sizeof **out);
    return *out ? HNP_OK : HNP_ERR_NOMEM;
}

hnp_status hnp_lexicon_from_tsv(const uint8_t *tsv, size_t len, hnp_lexicon **out,
                                size_t *bad_line)
{
    (void)tsv;
    (void)len;
    if (bad_line) {
        *bad_line = 0;
    }
    *out = calloc(1, sizeof **out);
    return *out ? HNP_OK : HNP_ERR_NOMEM;
}

void hnp_lexicon_free(hnp_lexicon *lex)
{
    free(lex);
}

size_t hnp_lexicon_size(const hnp_lexicon *lex)
{
    return lex->n;
}

const char *hnp_lexicon_version(const hnp_lexicon *lex)
{
    (void)lex;
    return "stub";
}
