/* classify_trim.c -- the article region's end and start, peeled by learned models.
 *
 * On pages the region search keeps too much, the surplus sits at the region's end:
 * measured on the training pages (Dragnet + Readability), of the 29,481 junk sentences
 * the rules and the head/tail model keep inside the region, 19,918 form the region's last
 * run (comment threads, the next article's paragraphs, teaser lists), 7,566 its first run
 * and only 1,997 lie between body sentences. Cutting inside the article also junks its own
 * lists, subheadings and lede; cutting only a run off the region's end leaves the rest
 * alone. The model is a logistic regression (weights in the generated classify_weights.c)
 * over the sentence's features plus where it stands in the region: how much of the region
 * lies before it, how many rule hits (bylines, comment prompts, share lines) come before
 * and after it, how much prose follows. The cut is where the summed junk log-odds of the
 * sentences behind it are largest. The walk never passes a legitimate ending, the
 * region's first two sentences (the lede), or a short item of a list under a "...:"
 * lead-in that shares the article's words or that the model calls body: a teaser list
 * under "More from our site:" ends most regions it stopped (Dragnet, Google News), and
 * its lead-in reads as junk.
 * Then the region's first run (navigation, teasers, SEO lines above the article) is
 * peeled the same way by a third model, walking forward from the region's start to a
 * guard or to the last two sentences before the tail's cut. */
#include "classify_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The sentences the trim may judge: the rules kept them as body, and they are neither
 * the headline nor a photo credit. */
static int trim_candidate(const cls_sent *s)
{
    return s->rule.kind == HNP_KIND_BODY && !s->title && !s->credit;
}

/* A rule hit inside the region: a byline, a share or comment prompt, a related-story line. */
static int rule_hit(const cls_sent *s)
{
    return s->rule.kind != HNP_KIND_BODY && !s->title;
}

static int prose(const cls_sent *s)
{
    return s->f.words >= 10 && s->f.ends_stop;
}

enum { TRIM_LIST_MAX = 16 }; /* list items a lead-in reaches: classify_doc.c's 2 * CLS_BRIDGE */

/* A short list line: a bullet, or a plain short line that announces nothing itself. */
static int list_line(const cls_sent *s)
{
    return s->bullet || (s->v <= 0.0f && !s->f.ends_colon);
}

/* The lead-in of list item i: the "...:" line above a run of short list lines that ends
 * at i, at most TRIM_LIST_MAX back; (size_t)-1 when i is not a list item. A paragraph after
 * a colon ("Jane wrote:", "He said:") is not an item: the model judges it. */
static size_t list_lead(const cls_doc *d, size_t i)
{
    for (size_t k = i; k > d->rs && i - k < TRIM_LIST_MAX && list_line(&d->w[k]); k--) {
        if (d->w[k - 1].f.ends_colon) {
            return k - 1;
        }
    }
    return (size_t)-1;
}

static int list_item(const cls_doc *d, size_t i)
{
    return list_lead(d, i) != (size_t)-1;
}

/* A lead-in that shares the article's words ("Common side effects include:" under a lede
 * about a drug's side effects) announces the article's own list, whatever the tail model
 * says of it; "More from our site:" or a comment's "Here is the link:" share none. More
 * than a third of its content words in the core (classify_overlap.c): on Dragnet's list
 * items the trim judges, 0.82 of those under such a lead-in are body (0.68 of all); any
 * shared word (0.74) let site names ("More from City Health News:") guard teaser lists. */
#define LEAD_CORE 0.34f

/* 1 for a sentence the peel stops at whatever the model says: a legitimate ending ("For
 * more information"), the region's first two sentences (the lede), or an item of a list
 * whose lead-in shares the article's words. Another list item stops the tail's peel only
 * when the model calls its lead-in body (trim_stops). */
static int trim_guard(const cls_doc *d, size_t i)
{
    if (d->w[i].loc.legit || i < d->rs + 2) {
        return 1;
    }
    size_t lead = list_lead(d, i);
    return lead != (size_t)-1 && d->w[lead].lead_core > LEAD_CORE;
}

/* Counts over the region, or over its sentences before one sentence. Integers, so that
 * the dump's running sums and the peel's totals-minus-suffix give the same floats. */
typedef struct trim_counts {
    size_t words, hits, prose;
} trim_counts;

static void count(trim_counts *c, const cls_sent *s)
{
    c->words += s->f.words;
    c->hits += (size_t)rule_hit(s);
    c->prose += (size_t)prose(s);
}

static trim_counts region_counts(const cls_doc *d)
{
    trim_counts t = {0, 0, 0};
    for (size_t i = d->rs; i < d->re; i++) {
        count(&t, &d->w[i]);
    }
    return t;
}

static float log1p_over(size_t x, float scale)
{
    return logf(1.0f + (float)x) / scale;
}

/* The CLS_TRIM_FEATS figures of sentence i of the region, given the region's counts t and
 * those of its sentences before i. */
static void trim_row(const cls_doc *d, size_t i, const trim_counts *t, const trim_counts *before,
                     float *x)
{
    const cls_sent *s = &d->w[i];
    size_t left = d->re - 1 - i, hit = (size_t)rule_hit(s);
    size_t prose_after = t->prose - before->prose - (size_t)prose(s);
    x[0] = (float)before->words / ((float)t->words + 1.0f);
    x[1] = log1p_over(left, 4.0f);
    x[2] = log1p_over(before->hits, 2.0f);
    x[3] = log1p_over(t->hits - before->hits - hit, 2.0f);
    x[4] = left > 0 ? (float)prose_after / (float)left : 0.0f;
    x[5] = log1p_over(t->words, 8.0f);
    x[6] = before->hits > 0 ? 1.0f : 0.0f;
    x[7] = log1p_over(i - d->rs, 4.0f);
    x[8] = (float)trim_guard(d, i);
}

void hnp_cls_trim_features(const cls_doc *d, float *e)
{
    memset(e, 0, d->n * CLS_TRIM_FEATS * sizeof *e);
    if (d->rs >= d->re) {
        return;
    }
    trim_counts t = region_counts(d), before = {0, 0, 0};
    for (size_t i = d->rs; i < d->re; i++) {
        trim_row(d, i, &t, &before, e + i * CLS_TRIM_FEATS);
        count(&before, &d->w[i]);
    }
}

static const char *const trim_names[CLS_TRIM_FEATS] = {
    "trim:before",   "trim:left",     "trim:hit-seen-n", "trim:hits-after", "trim:prose-after",
    "trim:region-n", "trim:hit-seen", "trim:index",      "trim:guard"};

const char *hnp_cls_trim_feature_name(size_t j, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", j < CLS_TRIM_FEATS ? trim_names[j] : "?");
    return buf;
}

/* A logistic model over a sentence's CLS_NFEAT features x and its trim features e (the
 * guard column has no weight): the tail's (hnp_cls_trim_*) or the head's. */
typedef struct trim_model {
    const float *w;
    const float *bias;
} trim_model;

static const trim_model tail_model = {hnp_cls_trim_weights, &hnp_cls_trim_bias};
static const trim_model head_model = {hnp_cls_head_weights, &hnp_cls_head_bias};

/* The model's log-odds of body for one sentence. */
static float trim_log_odds(const trim_model *m, const float *x, const float *e)
{
    float z = *m->bias;
    for (size_t j = 0; j < CLS_NFEAT; j++) {
        z += m->w[j] * x[j];
    }
    for (size_t j = 0; j < CLS_TRIM_WEIGHTED; j++) {
        z += m->w[CLS_NFEAT + j] * e[j];
    }
    return z;
}

/* The sentences the peel judges: candidates the model still keeps as body. */
static int judged(const cls_sent *s)
{
    return trim_candidate(s) && s->final.kind == HNP_KIND_BODY;
}

/* The tail model's log-odds of body for sentence i, given the region's counts t and
 * those after i; its trim features go to e. */
static float tail_z(const cls_doc *d, size_t i, const trim_counts *t, const trim_counts *after,
                    const float *x, float *e)
{
    const cls_sent *s = &d->w[i];
    trim_counts before = {t->words - after->words - s->f.words,
                          t->hits - after->hits - (size_t)rule_hit(s),
                          t->prose - after->prose - (size_t)prose(s)};
    trim_row(d, i, t, &before, e);
    return trim_log_odds(&tail_model, x + i * CLS_NFEAT, e);
}

/* 1 when list item i (lead-in `lead`) stops the peel: the model calls its lead-in body
 * ("Symptoms include:"), so the list is the article's; under a lead-in it calls junk
 * ("More from our site:", a comment's "Here is the link:") the items are judged as any
 * sentence. The lead-in's counts after it are those after i plus the few lines between. */
static int list_stops(const cls_doc *d, size_t i, size_t lead, const trim_counts *t,
                      const trim_counts *after, const float *x)
{
    trim_counts a = *after;
    for (size_t k = lead + 1; k <= i; k++) {
        count(&a, &d->w[k]);
    }
    float e[CLS_TRIM_FEATS];
    return tail_z(d, lead, t, &a, x, e) > 0.0f;
}

/* Sentence i's log-odds of body into *z, given the region's counts t and those after i;
 * 0 where the peel stops (a guard, a list item under a lead-in the model calls body). */
static int trim_z(const cls_doc *d, size_t i, const trim_counts *t, const trim_counts *after,
                  const float *x, float *z)
{
    float e[CLS_TRIM_FEATS];
    *z = tail_z(d, i, t, after, x, e);
    if (e[CLS_TRIM_FEATS - 1] > 0.5f) {
        return 0;
    }
    size_t lead = list_lead(d, i);
    return lead == (size_t)-1 || !list_stops(d, i, lead, t, after, x);
}

/* The walk ends once the sentences kept since the best cut outweigh it by 1000:1 odds:
 * it has reached the article, and looking further costs time for nothing. */
#define TRIM_GIVE_UP 6.907755 /* log(1000) */

/* The cut: walking back from the region's end to the first guard, the judged sentences'
 * junk log-odds are summed, and the region is cut where that sum is largest (above 0), as
 * the region search cuts where the prose sum is largest: one body-like comment does not
 * stop the peel when the junk behind it outweighs it. Returns the first index peeled, or
 * re when nothing is. */
static size_t best_cut(const cls_doc *d, const trim_counts *t, const float *x)
{
    trim_counts after = {0, 0, 0};
    double sum = 0.0, best = 0.0;
    size_t cut = d->re;
    for (size_t i = d->re; i-- > d->rs; count(&after, &d->w[i])) {
        float z;
        if (!judged(&d->w[i])) {
            continue; /* already junk or meta: the walk passes it */
        }
        if (!trim_z(d, i, t, &after, x, &z)) {
            break;
        }
        sum -= (double)z;
        if (sum > best) {
            best = sum;
            cut = i;
        }
        if (sum < best - TRIM_GIVE_UP) {
            break;
        }
    }
    return cut;
}

/* A peeled sentence's verdict: boilerplate, scored by the model's P(junk). */
static cls_verdict junk_verdict(float z, cls_reason why)
{
    float p = 1.0f / (1.0f + expf(-z));
    return (cls_verdict){HNP_KIND_BOILERPLATE, 1.0f - p, why};
}

/* The tail's peel: the judged sentences from the cut to the region's end become
 * boilerplate ("tail"). */
static void peel_tail(cls_doc *d, const trim_counts *t, const float *x, size_t cut)
{
    trim_counts after = {0, 0, 0};
    for (size_t i = d->re; i-- > cut; count(&after, &d->w[i])) {
        float z;
        if (judged(&d->w[i]) && trim_z(d, i, t, &after, x, &z)) {
            d->w[i].final = junk_verdict(z, CLS_R_TAIL);
        }
    }
}

enum { HEAD_KEEP = 2 }; /* sentences before the tail's cut the head never peels */

/* The head's guard: a legitimate ending, a list item, or one of the HEAD_KEEP sentences
 * before the tail's cut `end` (the lede is what it judges, so the article's end stays: a
 * one-sentence text is not a page head). */
static int head_guard(const cls_doc *d, size_t i, size_t end)
{
    return i + HEAD_KEEP >= end || d->w[i].loc.legit || list_item(d, i);
}

/* The head model's log-odds of body for sentence i, given the counts before it. */
static float head_z(const cls_doc *d, size_t i, const trim_counts *t, const trim_counts *before,
                    const float *x)
{
    float e[CLS_TRIM_FEATS];
    trim_row(d, i, t, before, e);
    return trim_log_odds(&head_model, x + i * CLS_NFEAT, e);
}

/* The head's cut, the tail's mirror: walking forward from the region's start to a guard,
 * the tail's cut `end` or a prose sentence the head model calls body (the lede: a caption
 * or a "Key Points" line after it must not pull it into the cut), the judged sentences'
 * junk log-odds are summed, and the region starts where that sum is largest (above 0).
 * Returns the first index kept (rs when nothing is peeled). */
static size_t head_cut(const cls_doc *d, const trim_counts *t, const float *x, size_t end)
{
    trim_counts before = {0, 0, 0};
    double sum = 0.0, best = 0.0;
    size_t cut = d->rs;
    for (size_t i = d->rs; i < end; count(&before, &d->w[i]), i++) {
        if (!judged(&d->w[i])) {
            continue;
        }
        if (head_guard(d, i, end)) {
            break;
        }
        float z = head_z(d, i, t, &before, x);
        if (z > 0.0f && prose(&d->w[i])) {
            break; /* a paragraph the model calls body: the lede */
        }
        sum -= (double)z;
        if (sum > best) {
            best = sum;
            cut = i + 1;
        }
        if (sum < best - TRIM_GIVE_UP) {
            break;
        }
    }
    return cut;
}

static void peel_head(cls_doc *d, const trim_counts *t, const float *x, size_t cut)
{
    trim_counts before = {0, 0, 0};
    for (size_t i = d->rs; i < cut; count(&before, &d->w[i]), i++) {
        if (judged(&d->w[i])) {
            d->w[i].final = junk_verdict(head_z(d, i, t, &before, x), CLS_R_HEAD);
        }
    }
}

/* 1 when the page has a head the rules or the model junked (a spam or boilerplate sentence
 * before the region): a page, whose article may start below teasers and navigation, not
 * an excerpt that starts with its article (its lede is not peeled). */
static int has_page_head(const cls_doc *d)
{
    for (size_t i = 0; i < d->rs; i++) {
        if (hnp_kind_is_junk(d->w[i].final.kind)) {
            return 1;
        }
    }
    return 0;
}

void hnp_cls_apply_trim(cls_doc *d, const float *x)
{
    if (d->rs >= d->re) {
        return;
    }
    trim_counts t = region_counts(d);
    size_t cut = best_cut(d, &t, x);
    peel_tail(d, &t, x, cut);
    if (has_page_head(d)) {
        peel_head(d, &t, x, head_cut(d, &t, x, cut));
    }
}
