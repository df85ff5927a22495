/* classify_model.c -- the learned layer of the classify stage: every rule's verdict and
 * the region search become evidence beside shallow features of the sentence and its
 * neighbours; a logistic model (weights in the generated classify_weights.c) turns the
 * evidence into P(body), and a two-state Viterbi pass smooths the sequence of
 * sentences. The same function computes the features for training
 * (hnp_classify_features) and for inference, so the two cannot drift apart. */
#include "classify_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per-document figures that put one sentence in its document's context: in a language
 * without our function words every sentence has few of them. */
typedef struct cls_docstats {
    float stop_ratio; /* function words per word over the sentences of 8+ words */
    float log_n;
} cls_docstats;

static float ratio(float a, float b)
{
    return b > 0.0f ? a / b : 0.0f;
}

static float flag(int x)
{
    return x ? 1.0f : 0.0f;
}

static float stop_ratio(const cls_feat *f)
{
    return ratio((float)f->stop, (float)f->words);
}

static void doc_stats(const cls_doc *d, cls_docstats *ds)
{
    double stop = 0.0, words = 0.0;
    for (size_t i = 0; i < d->n; i++) {
        const cls_feat *f = &d->w[i].f;
        if (f->words >= 8) {
            stop += f->stop;
            words += f->words;
        }
    }
    ds->stop_ratio = words > 0.0 ? (float)(stop / words) : 0.0f;
    ds->log_n = logf(1.0f + (float)d->n);
}

static int rule_junk(const cls_sent *s)
{
    return hnp_kind_is_junk(s->rule.kind);
}

enum { SHAPE_WORDS = 1 }; /* where shape_features writes the log word count */

/* Shape of one sentence: CLS_SHAPE_FEATS values. */
static float *shape_features(const cls_sent *s, const cls_docstats *ds, float *x)
{
    const cls_feat *f = &s->f;
    float sr = stop_ratio(f);
    *x++ = logf(1.0f + (float)f->nchars) / 5.0f;
    *x++ = logf(1.0f + (float)f->words) / 4.0f;
    *x++ = sr;
    *x++ = sr - ds->stop_ratio;
    *x++ = flag(f->ends_stop);
    *x++ = flag(f->ends_q);
    *x++ = flag(f->ends_colon);
    *x++ = flag(f->first_upper);
    *x++ = flag(f->first_lower);
    *x++ = ratio((float)f->digits, (float)(f->letters + f->digits + f->cjk));
    *x++ = ratio((float)f->cap_words, (float)f->alpha_words);
    *x++ = ratio((float)f->symbols, (float)f->nchars);
    *x++ = flag(f->has_url);
    *x++ = flag(f->has_email);
    *x++ = flag(f->phone);
    *x++ = flag(f->price);
    *x++ = flag(f->company);
    *x++ = flag(f->company_end);
    *x++ = flag(f->whole_line);
    *x++ = flag(f->bracketed);
    *x++ = ratio((float)f->cjk, (float)(f->letters + f->cjk));
    *x++ = flag(f->hashtags > 0);
    *x++ = ratio((float)f->commas, (float)f->words + 1.0f);
    *x++ = flag(f->words <= 3);
    *x++ = flag(f->stop == 0 && f->words >= 4);
    *x++ = flag(f->words >= 10 && sr >= 0.2f);
    *x++ = flag(s->bullet);
    *x++ = flag(s->credit);
    return x;
}

/* What the rules and the region search said about the sentence. */
static float *rule_features(const cls_doc *d, size_t i, float *x)
{
    const cls_sent *s = &d->w[i];
    int has_region = d->rs < d->n;
    *x++ = s->v;
    *x++ = flag(s->dup);
    *x++ = flag(s->loc.legit);
    *x++ = flag(s->loc.strong == 1);
    *x++ = flag(s->loc.strong >= 2);
    *x++ = flag(i >= d->rs && i < d->re);
    *x++ = flag(has_region && i < d->rs);
    *x++ = flag(has_region && i >= d->re);
    *x++ = flag(!has_region);
    *x++ = has_region && i < d->rs ? logf(1.0f + (float)(d->rs - i)) / 4.0f : 0.0f;
    *x++ = has_region && i >= d->re ? logf(1.0f + (float)(i - d->re)) / 4.0f : 0.0f;
    *x++ = flag(s->in_run);
    *x++ = flag(s->between == 1);
    *x++ = flag(s->between == 2);
    *x++ = flag(s->title);
    *x++ = d->n > 1 ? (float)i / (float)(d->n - 1) : 0.0f;
    for (int k = HNP_KIND_BODY; k <= HNP_KIND_BOILERPLATE; k++) {
        *x++ = flag(s->rule.kind == (hnp_kind)k);
    }
    for (int r = 0; r < CLS_R_RULE_COUNT; r++) {
        *x++ = flag(s->rule.reason == (cls_reason)r);
    }
    return x;
}

/* A neighbour at offset off (CLS_NEIGH_FEATS values; zeros past the document's ends). Its
 * log word count is read from its own shape features in x0 (the document's rows), not
 * computed again. */
static float *neighbour_features(const cls_doc *d, const float *x0, size_t i, long off, float *x)
{
    long j = (long)i + off;
    if (j < 0 || (size_t)j >= d->n) {
        memset(x, 0, CLS_NEIGH_FEATS * sizeof *x);
        x[CLS_NEIGH_FEATS - 1] = 1.0f; /* "no neighbour" */
        return x + CLS_NEIGH_FEATS;
    }
    const cls_sent *s = &d->w[j];
    *x++ = s->v;
    *x++ = flag(s->f.ends_stop);
    *x++ = x0[(size_t)j * CLS_NFEAT + SHAPE_WORDS];
    *x++ = stop_ratio(&s->f);
    *x++ = flag(rule_junk(s));
    *x++ = flag(s->rule.kind == HNP_KIND_BODY);
    *x++ = flag(s->f.whole_line);
    *x++ = 0.0f;
    return x;
}

/* Means over the CLS_WINDOW sentences on either side. */
static float *window_features(const cls_doc *d, size_t i, float *x)
{
    size_t lo = i > CLS_WINDOW ? i - CLS_WINDOW : 0;
    size_t hi = i + CLS_WINDOW + 1 < d->n ? i + CLS_WINDOW + 1 : d->n;
    float v = 0.0f, junk = 0.0f, prose = 0.0f, cnt = 0.0f;
    for (size_t j = lo; j < hi; j++) {
        if (j == i) {
            continue;
        }
        v += d->w[j].v;
        junk += flag(rule_junk(&d->w[j]));
        prose += flag(d->w[j].f.words >= 10 && d->w[j].f.ends_stop);
        cnt += 1.0f;
    }
    *x++ = ratio(v, cnt);
    *x++ = ratio(junk, cnt);
    *x++ = ratio(prose, cnt);
    return x;
}

/* Everything after the shape of sentence i (the shapes of all sentences are written). */
static void context_features(const cls_doc *d, const float *x0, size_t i, const cls_docstats *ds,
                             float *x)
{
    float *p = rule_features(d, i, x + CLS_SHAPE_FEATS);
    p = neighbour_features(d, x0, i, -2, p);
    p = neighbour_features(d, x0, i, -1, p);
    p = neighbour_features(d, x0, i, 1, p);
    p = neighbour_features(d, x0, i, 2, p);
    p = window_features(d, i, p);
    *p++ = ds->stop_ratio;
    *p++ = ds->log_n / 8.0f;
    *p++ = d->w[i].core;
    *p++ = d->w[i].core_win;
}

void hnp_cls_doc_features(const cls_doc *d, float *x)
{
    cls_docstats ds;
    doc_stats(d, &ds);
    for (size_t i = 0; i < d->n; i++) {
        shape_features(&d->w[i], &ds, x + i * CLS_NFEAT);
    }
    for (size_t i = 0; i < d->n; i++) {
        context_features(d, x, i, &ds, x + i * CLS_NFEAT);
    }
}

static const char *const shape_names[CLS_SHAPE_FEATS] = {
    "chars",       "words",       "stop",    "stop-rel",    "ends-stop",  "ends-q",    "ends-colon",
    "first-upper", "first-lower", "digits",  "caps",        "symbols",    "url",       "email",
    "phone",       "price",       "company", "company-end", "whole-line", "bracketed", "cjk",
    "hashtags",    "commas",      "tiny",    "no-stop",     "prose",      "bullet",    "credit"};

static const char *const rule_names[16] = {
    "v",     "dup",       "legit",     "strong1",   "strong2", "in-region",    "head",
    "tail",  "no-region", "head-dist", "tail-dist", "in-run",  "between-meta", "between-body",
    "title", "position"};

static const char *const neigh_names[CLS_NEIGH_FEATS] = {
    "v", "ends-stop", "words", "stop", "rule-junk", "rule-body", "whole-line", "none"};

static const char *const tail_names[7] = {"win:v", "win:junk", "win:prose",  "doc:stop",
                                          "doc:n", "core",     "core:window"};

const char *hnp_cls_feature_name(size_t j, char *buf, size_t cap)
{
    static const char *const offs[4] = {"n-2", "n-1", "n+1", "n+2"};
    size_t r = j - CLS_SHAPE_FEATS, nb = r - CLS_RULE_FEATS;
    if (j < CLS_SHAPE_FEATS) {
        snprintf(buf, cap, "shape:%s", shape_names[j]);
    } else if (r < 16) {
        snprintf(buf, cap, "rule:%s", rule_names[r]);
    } else if (r < 21) {
        snprintf(buf, cap, "kind=%s", hnp_kind_name((hnp_kind)(r - 16)));
    } else if (r < CLS_RULE_FEATS) {
        snprintf(buf, cap, "reason=%s", hnp_cls_reason_name((cls_reason)(r - 21)));
    } else if (nb < 4 * CLS_NEIGH_FEATS) {
        snprintf(buf, cap, "%s:%s", offs[nb / CLS_NEIGH_FEATS], neigh_names[nb % CLS_NEIGH_FEATS]);
    } else if (nb - 4 * CLS_NEIGH_FEATS < 7) {
        snprintf(buf, cap, "%s", tail_names[nb - 4 * CLS_NEIGH_FEATS]);
    } else {
        snprintf(buf, cap, "?");
    }
    return buf;
}

static float sigmoid(float z)
{
    return 1.0f / (1.0f + expf(-z));
}

/* The model's log-odds of body for one feature vector. */
static float log_odds(const float *x)
{
    float z = hnp_cls_model_bias;
    for (size_t j = 0; j < CLS_NFEAT; j++) {
        z += hnp_cls_model_weights[j] * x[j];
    }
    return z;
}

/* Two-state Viterbi over the sentences: the state sequence that maximizes the sum of
 * the log posteriors plus the log transitions, learned on the training pages and
 * tempered by a factor the trainer chose by cross-validation (CRF-style smoothing: a
 * lone short line inside prose stays with its neighbours unless its own evidence is
 * strong). state[i] is 1 for body. bp holds 2*n back-pointers. */
static void viterbi(const float *p, size_t n, unsigned char *bp, unsigned char *state)
{
    const float *t = hnp_cls_model_trans; /* [from * 2 + to] */
    float s0 = 0.0f, s1 = 0.0f;
    for (size_t i = 0; i < n; i++) {
        float q = p[i] < 1e-6f ? 1e-6f : (p[i] > 1.0f - 1e-6f ? 1.0f - 1e-6f : p[i]);
        float e0 = logf(1.0f - q), e1 = logf(q);
        if (i == 0) {
            s0 = e0;
            s1 = e1;
            bp[0] = bp[1] = 0;
            continue;
        }
        float a0 = s0 + t[0], b0 = s1 + t[2]; /* into junk */
        float a1 = s0 + t[1], b1 = s1 + t[3]; /* into body */
        bp[2 * i] = a0 >= b0 ? 0 : 1;
        bp[2 * i + 1] = a1 >= b1 ? 0 : 1;
        s0 = (a0 >= b0 ? a0 : b0) + e0;
        s1 = (a1 >= b1 ? a1 : b1) + e1;
    }
    unsigned char cur = s1 > s0 ? 1 : 0;
    for (size_t i = n; i-- > 0;) {
        state[i] = cur;
        cur = bp[2 * i + cur];
    }
}

/* The model decides what the region search decided: the page head and the appended
 * tail outside the article, and link runs inside it. A sentence the rules keep as body
 * (the lede, a paragraph, the article's own lists and subheadings, a legitimate ending),
 * a headline, a credit, and a local detector's hit (a phrase or a shape: inline junk
 * inside a trimmed article stands in prose, where a model trained on whole pages would
 * keep it) stay with the rules. */
int hnp_cls_model_decides(const cls_sent *s)
{
    cls_reason r = s->rule.reason;
    return !s->loc.strong && (r == CLS_R_HEAD || r == CLS_R_TAIL || r == CLS_R_NAV);
}

static cls_verdict decide(const cls_doc *d, size_t i, float p, int body)
{
    cls_verdict v = d->w[i].rule;
    if (!hnp_cls_model_decides(&d->w[i])) {
        return v;
    }
    if (body) {
        v.kind = HNP_KIND_BODY;
        v.score = p;
        v.reason = CLS_R_NONE;
        return v;
    }
    v.score = 1.0f - p; /* the region's reason (head, tail, nav) names the evidence */
    return v;
}

hnp_status hnp_cls_apply_model(cls_doc *d)
{
    size_t n = d->n;
    float *x = malloc(n * CLS_NFEAT * sizeof *x);
    float *p = malloc(n * sizeof *p);
    unsigned char *bp = malloc(2 * n + n);
    if (!x || !p || !bp) {
        free(x);
        free(p);
        free(bp);
        return HNP_ERR_NOMEM;
    }
    hnp_cls_doc_features(d, x);
    for (size_t i = 0; i < n; i++) {
        p[i] = sigmoid(log_odds(x + i * CLS_NFEAT));
    }
    unsigned char *state = bp + 2 * n;
    viterbi(p, n, bp, state);
    for (size_t i = 0; i < n; i++) {
        d->w[i].final = decide(d, i, p[i], state[i]);
    }
    hnp_cls_apply_trim(d, x);
    free(x);
    free(p);
    free(bp);
    return HNP_OK;
}
