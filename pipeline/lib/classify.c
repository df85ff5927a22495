/* classify.c -- STUB: everything is body; replaced by the real stage. */
#include "hnp/classify.h"

#include <stdlib.h>
#include <string.h>

struct hnp_classifier {
    unsigned flags;
};

const char *hnp_kind_name(hnp_kind kind)
{
    switch (kind) {
    case HNP_KIND_BODY:
        return "body";
    case HNP_KIND_TITLE:
        return "title";
    case HNP_KIND_META:
        return "meta";
    case HNP_KIND_SPAM:
        return "spam";
    case HNP_KIND_BOILERPLATE:
        return "boilerplate";
    }
    return "?";
}

int hnp_kind_is_junk(hnp_kind kind)
{
    return kind == HNP_KIND_SPAM || kind == HNP_KIND_BOILERPLATE;
}

hnp_status hnp_classifier_create(const hnp_classify_opts *opts, hnp_classifier **out)
{
    hnp_classifier *c = calloc(1, sizeof *c);
    if (!c) {
        return HNP_ERR_NOMEM;
    }
    c->flags = opts ? opts->flags : 0;
    *out = c;
    return HNP_OK;
}

void hnp_classifier_free(hnp_classifier *c)
{
    free(c);
}

hnp_status hnp_classify(const hnp_classifier *c, const uint8_t *text, size_t len,
                        const hnp_span *sents, size_t n, hnp_label *labels, hnp_docmeta *meta)
{
    (void)c;
    (void)text;
    (void)len;
    (void)sents;
    memset(meta, 0, sizeof *meta);
    for (size_t i = 0; i < n; i++) {
        labels[i].kind = HNP_KIND_BODY;
        labels[i].score = 0.5f;
        labels[i].reason = "-";
    }
    return HNP_OK;
}

void hnp_docmeta_free(hnp_docmeta *m)
{
    if (!m) {
        return;
    }
    free(m->title);
    free(m->date);
    free(m->source);
    memset(m, 0, sizeof *m);
}
