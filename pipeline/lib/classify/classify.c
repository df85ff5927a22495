/* classify.c -- stage 3: give every sentence a kind (title, meta, body, spam,
 * boilerplate), a score and a reason, and extract the document's title, date and source.
 *
 * Two layers. Local rules (classify_rules.c, classify_shape.c) judge each sentence on
 * its own: phrases that CMSs and scrapers emit, and shapes such as a company name
 * followed by a URL. Then the article is found as a whole: every sentence gets a
 * body value (long prose with function words and a final stop is positive, short
 * stop-less lines and rule hits negative, weighted by length) and the article is the
 * contiguous run with the largest total (Kadane). What lies before it is page head,
 * what lies after it is the appended tail; inside it only the local rules cut. This
 * finds "where the article ends" without a threshold per line, and keeps short
 * subheadings between paragraphs as body.
 *
 * Reason codes (static strings):
 *   title        headline
 *   meta         dateline, source, byline, credit, contact
 *   spam         company+url, company, contact, price, cta, promo, seo, cjk-seo,
 *                product-list, keywords
 *   boilerplate  nav, share, subscribe, related, comment, source-link, appeared-first,
 *                copyright, ad-slot, markup, caption, tags, gallery, cookie, adblock,
 *                disclaimer, fragment; head / tail (outside the article, no rule of its own)
 *   body         "-" */
#include "classify_internal.h"
#include "classify_lang.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(((hnp_docmeta *)0)->lang) == CLS_LANG_CODE, "hnp_docmeta.lang holds a code");

struct hnp_classifier {
    unsigned flags;
    const hnp_templates *templates;
    cls_phrases *phrases;
    int reference; /* search each phrase alone (hnp_cls_set_reference) */
};

hnp_status hnp_classifier_create(const hnp_classify_opts *opts, hnp_classifier **out)
{
    if (!out) {
        return HNP_ERR_INVALID;
    }
    hnp_classifier *c = calloc(1, sizeof *c);
    if (!c) {
        return HNP_ERR_NOMEM;
    }
    c->flags = opts ? opts->flags : 0;
    c->templates = opts ? opts->templates : NULL;
    hnp_status st = hnp_cls_phrases_create(hnp_cls_list_size, hnp_cls_list_text, &c->phrases);
    if (st != HNP_OK) {
        free(c);
        return st;
    }
    *out = c;
    return HNP_OK;
}

void hnp_classifier_free(hnp_classifier *c)
{
    if (c) {
        hnp_cls_phrases_free(c->phrases);
    }
    free(c);
}

void hnp_cls_set_reference(hnp_classifier *c, int on)
{
    c->reference = on;
}

static int spans_ok(size_t len, const hnp_span *sents, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (sents[i].start > sents[i].end || sents[i].end > len) {
            return 0;
        }
    }
    return 1;
}

/* The rules over a fresh per-sentence scratch: local verdicts, the article region, the
 * headline, link runs; lang picks the function words. d->w is the caller's to free,
 * whatever the result. */
static hnp_status judge_in(const uint8_t *text, size_t len, const hnp_span *sents, size_t n,
                           cls_lang lang, const hnp_classifier *c, cls_doc *d)
{
    *d = (cls_doc){.text = text,
                   .len = len,
                   .sents = sents,
                   .n = n,
                   .w = calloc(n, sizeof(cls_sent)),
                   .title = (size_t)-1,
                   .lang = lang,
                   .ph = c->phrases,
                   .reference = c->reference};
    if (!d->w) {
        return HNP_ERR_NOMEM;
    }
    HNP_TRY(hnp_cls_judge_sentences(d));
    hnp_cls_find_region(d);
    hnp_cls_find_title(d);
    hnp_cls_mark_runs(d);
    hnp_cls_rule_verdicts(d);
    return hnp_cls_core_overlap(d);
}

/* English prose: in the sentences of 8+ words, at least 20 words and a quarter of them
 * English function words (English news has about 0.4; French or Spanish prose under 0.05,
 * as only "a", "on", "as" are shared). Such a page is English without asking CLD2, which
 * costs about 270 instructions a byte, more than the rest of the stage. */
enum { EN_MIN_WORDS = 20 };
#define EN_MIN_SHARE 0.25

static int english_prose(const cls_doc *d)
{
    size_t stop = 0, words = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (d->w[i].f.words >= 8) {
            stop += d->w[i].f.stop;
            words += d->w[i].f.words;
        }
    }
    return words >= EN_MIN_WORDS && (double)stop >= EN_MIN_SHARE * (double)words;
}

/* CLD2 reads at most this much: the document's long lines (paragraphs, not menus), in
 * order, or its start when it has none. */
enum { LANG_SAMPLE = 4096, LANG_LINE_MIN = 64 };

static size_t lang_sample(const uint8_t *text, size_t len, uint8_t *buf)
{
    size_t k = 0, a = 0;
    while (a < len && k < LANG_SAMPLE) {
        const uint8_t *nl = memchr(text + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - text) : len;
        if (b - a >= LANG_LINE_MIN) {
            size_t take = b - a < LANG_SAMPLE - k ? b - a : LANG_SAMPLE - k;
            memcpy(buf + k, text + a, take);
            k += take;
            if (k < LANG_SAMPLE) {
                buf[k++] = '\n';
            }
        }
        a = b + 1;
    }
    if (k == 0) {
        k = len < LANG_SAMPLE ? len : LANG_SAMPLE;
        memcpy(buf, text, k);
    }
    return k;
}

/* judge_in in the document's language, written into lang (ISO 639-1, "" when unsure):
 * English prose is judged once; anything else is asked of CLD2 and judged again when its
 * language has function words of its own. */
static hnp_status judge(const hnp_classifier *c, const uint8_t *text, size_t len,
                        const hnp_span *sents, size_t n, char lang[CLS_LANG_CODE], cls_doc *d)
{
    HNP_TRY(judge_in(text, len, sents, n, CLS_LANG_EN, c, d));
    if (english_prose(d)) {
        memcpy(lang, "en", 3);
        return HNP_OK;
    }
    /* zeros after the sample, not the stack's leftovers (an earlier document's sample):
     * CLD2 reads past it (classify_lang.h) */
    uint8_t sample[LANG_SAMPLE + CLS_LANG_PAD];
    size_t k = lang_sample(text, len, sample);
    memset(sample + k, 0, sizeof sample - k);
    hnp_cls_detect_lang(sample, k, lang);
    cls_lang l = hnp_cls_lang_of(lang);
    if (l == CLS_LANG_EN) {
        return HNP_OK;
    }
    free(d->w);
    return judge_in(text, len, sents, n, l, c, d);
}

hnp_status hnp_classify(const hnp_classifier *c, const uint8_t *text, size_t len,
                        const hnp_span *sents, size_t n, hnp_label *labels, hnp_docmeta *meta)
{
    if (!c || !meta || (n > 0 && (!text || !sents || !labels))) {
        return HNP_ERR_INVALID;
    }
    memset(meta, 0, sizeof *meta);
    if (n == 0) {
        return HNP_OK;
    }
    if (!spans_ok(len, sents, n)) {
        return HNP_ERR_INVALID;
    }
    if (n > SIZE_MAX / sizeof(cls_sent)) {
        return HNP_ERR_NOMEM;
    }
    cls_doc d;
    hnp_status st = judge(c, text, len, sents, n, meta->lang, &d);
    if (st == HNP_OK) {
        st = hnp_cls_apply_model(&d);
    }
    if (st == HNP_OK) {
        d.tmpl = c->templates;
        hnp_cls_apply_templates(&d);
    }
    if (st == HNP_OK) {
        for (size_t i = 0; i < n; i++) {
            const cls_verdict *v = &d.w[i].final;
            labels[i] = (hnp_label){v->kind, v->score, hnp_cls_reason_name(v->reason)};
        }
        st = hnp_cls_fill_meta(&d, meta);
    }
    free(d.w);
    if (st != HNP_OK) {
        hnp_docmeta_free(meta);
    }
    return st;
}

/* Per sentence: the model's CLS_NFEAT features, then the trim model's CLS_TRIM_FEATS. */
size_t hnp_classify_n_features(void)
{
    return CLS_NFEAT + CLS_TRIM_FEATS;
}

const char *hnp_classify_feature_name(size_t j, char *buf, size_t cap)
{
    if (j < CLS_NFEAT) {
        return hnp_cls_feature_name(j, buf, cap);
    }
    return j < CLS_NFEAT + CLS_TRIM_FEATS ? hnp_cls_trim_feature_name(j - CLS_NFEAT, buf, cap)
                                          : NULL;
}

/* Both feature sets of every sentence, side by side in x. */
static hnp_status write_features(const cls_doc *d, float *x)
{
    float *a = malloc(d->n * CLS_NFEAT * sizeof *a);
    float *e = malloc(d->n * CLS_TRIM_FEATS * sizeof *e);
    if (!a || !e) {
        free(a);
        free(e);
        return HNP_ERR_NOMEM;
    }
    hnp_cls_doc_features(d, a);
    hnp_cls_trim_features(d, e);
    for (size_t i = 0; i < d->n; i++) {
        float *row = x + i * (CLS_NFEAT + CLS_TRIM_FEATS);
        memcpy(row, a + i * CLS_NFEAT, CLS_NFEAT * sizeof *a);
        memcpy(row + CLS_NFEAT, e + i * CLS_TRIM_FEATS, CLS_TRIM_FEATS * sizeof *e);
    }
    free(a);
    free(e);
    return HNP_OK;
}

hnp_status hnp_classify_features(const hnp_classifier *c, const uint8_t *text, size_t len,
                                 const hnp_span *sents, size_t n, float *x)
{
    if (!c || (n > 0 && (!text || !sents || !x))) {
        return HNP_ERR_INVALID;
    }
    if (n == 0) {
        return HNP_OK;
    }
    if (!spans_ok(len, sents, n) || n > SIZE_MAX / sizeof(cls_sent)) {
        return HNP_ERR_INVALID;
    }
    char lang[CLS_LANG_CODE];
    cls_doc d;
    hnp_status st = judge(c, text, len, sents, n, lang, &d);
    if (st == HNP_OK) {
        st = write_features(&d, x);
    }
    free(d.w);
    return st;
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
