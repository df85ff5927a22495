/* classify_doc.c -- the document-level half of the classify stage: body values, the
 * article region (maximum-sum run), the headline, the final labels. */
#include "classify_internal.h"

#include <stdlib.h>
#include <string.h>

static int is_junk_local(const cls_local *l)
{
    return l->strong && hnp_kind_is_junk(l->kind);
}

/* Thresholds of the prose value: word counts and function-word shares. A paragraph has
 * ten words or more and one word in five a function word; a short sentence needs a stop
 * and some function words; eight words and a stop is prose in a language without our
 * function words; twenty words without a stop is a long caption or a run-on. */
enum { PROSE_WORDS = 10, SHORT_PROSE_WORDS = 6, FOREIGN_PROSE_WORDS = 8, RUNON_WORDS = 20 };
enum { TINY_WORDS = 3 };
static const float prose_stop_share = 0.2f, short_prose_stop_share = 0.15f;

/* CJK: characters for a sentence with a stop, a long line without one, a short one. */
enum { CJK_PROSE_CHARS = 15, CJK_LONG_CHARS = 40, CJK_SHORT_CHARS = 6 };

/* How much a sentence looks like article prose, from its shape alone. */
static float latin_value(const cls_feat *f)
{
    unsigned w = f->words;
    float sr = w ? (float)f->stop / (float)w : 0.0f;
    if (w >= PROSE_WORDS && sr >= prose_stop_share) {
        return f->ends_stop ? 1.0f : 0.6f;
    }
    if (w >= SHORT_PROSE_WORDS && f->ends_stop && sr >= short_prose_stop_share) {
        return 0.6f;
    }
    if (w >= FOREIGN_PROSE_WORDS && f->ends_stop) {
        return 0.4f; /* prose in a language without our function words */
    }
    if (w >= RUNON_WORDS) {
        return 0.3f;
    }
    if (f->ends_stop && w >= TINY_WORDS) {
        return 0.1f;
    }
    return w <= TINY_WORDS ? -0.8f : -0.5f;
}

static float cjk_value(const cls_feat *f)
{
    int stop = f->cjk_stops > 0 || f->ends_stop;
    if (f->cjk >= CJK_PROSE_CHARS && stop) {
        return 1.0f;
    }
    if (f->cjk >= CJK_LONG_CHARS) {
        return 0.5f;
    }
    if (f->cjk >= CJK_SHORT_CHARS && stop) {
        return 0.3f;
    }
    return -0.5f;
}

/* Weight floors (in characters) for junk-like sentences: a short line still costs as
 * much as a short phrase, a rule hit a little more, and a page-structure marker as much
 * as a paragraph, so the article region does not run through it for one more line. */
static const float floor_short = 40.0f, floor_rule = 60.0f, floor_marker = 400.0f;

static float at_least(float x, float lo)
{
    return x > lo ? x : lo;
}

static void value_of(cls_sent *s)
{
    const cls_feat *f = &s->f;
    float chars = (float)f->nchars;
    if (is_junk_local(&s->loc)) {
        s->v = -1.0f;
        s->weight = at_least(chars, s->loc.strong >= 2 ? floor_marker : floor_rule);
        if (f->letters == 0 && f->cjk == 0 && s->weight > floor_marker) {
            /* A scraper's rules of underscores framing an inline box, joined into one
             * line of a thousand characters, cost no more than a page-structure marker:
             * by their length they outweighed the article's rest below the box. */
            s->weight = floor_marker;
        }
        return;
    }
    if (s->loc.kind == HNP_KIND_META || s->dup) {
        /* A dateline or a repeated line inside the text is a teaser list, not prose. */
        s->v = s->dup ? -0.8f : -0.5f;
        s->weight = at_least(chars, floor_rule);
        return;
    }
    if (f->letters == 0 && f->cjk == 0) {
        s->v = -1.0f;
    } else {
        s->v = f->cjk > f->letters / 2 ? cjk_value(f) : latin_value(f);
    }
    if (s->loc.legit && s->v < 0.3f) {
        s->v = 0.3f;
    }
    s->weight = s->v > 0 ? chars : at_least(chars, floor_short);
}

static int same_text(const cls_doc *d, size_t a, size_t b)
{
    const hnp_span *x = &d->sents[a], *y = &d->sents[b];
    size_t la = x->end - x->start, lb = y->end - y->start;
    return la == lb && memcmp(d->text + x->start, d->text + y->start, la) == 0;
}

typedef struct dup_slot {
    uint64_t h;
    size_t first; /* index + 1 of the first sentence with this text; 0: empty */
} dup_slot;

static size_t dup_table_size(size_t n)
{
    size_t size = 16;
    while (size < 2 * n) {
        size *= 2;
    }
    return size;
}

/* A hash of a sentence's bytes for the duplicate table, eight bytes a step (FNV-1a's
 * byte-by-byte steps were 1 % of the whole run); equal hashes are confirmed by memcmp, so
 * the hash changes only the time. */
static uint64_t text_hash(const uint8_t *s, size_t n)
{
    const uint64_t k = 0xFF51AFD7ED558CCDu;
    uint64_t h = 0x9E3779B97F4A7C15u ^ n, v;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&v, s + i, 8);
        h = (h ^ v) * k;
        h ^= h >> 32;
    }
    v = 0;
    memcpy(&v, s + i, n - i);
    h = (h ^ v) * k;
    return h ^ h >> 29;
}

/* Finds sentence i's text among the texts seen before it; marks both when found, else
 * keeps i as the text's first occurrence. Linear probing: the table is at most half full. */
static void dup_visit(cls_doc *d, dup_slot *table, size_t mask, size_t i)
{
    uint64_t h = text_hash(d->text + d->sents[i].start, d->sents[i].end - d->sents[i].start);
    for (size_t at = (size_t)h & mask;; at = (at + 1) & mask) {
        dup_slot *slot = &table[at];
        if (slot->first == 0) {
            slot->h = h;
            slot->first = i + 1;
            return;
        }
        if (slot->h == h && same_text(d, slot->first - 1, i)) {
            d->w[slot->first - 1].dup = d->w[i].dup = 1;
            return;
        }
    }
}

/* Marks sentences whose exact text occurs more than once: teaser headlines and links
 * that pages print twice (link text and image alt), repeated datelines. A hash table keeps
 * it linear (sorting the hashes cost 6 % of a big document's instructions). */
static hnp_status mark_duplicates(cls_doc *d)
{
    size_t size = dup_table_size(d->n);
    dup_slot *table = calloc(size, sizeof *table);
    if (!table) {
        return HNP_ERR_NOMEM;
    }
    for (size_t i = 0; i < d->n; i++) {
        dup_visit(d, table, size - 1, i);
    }
    free(table);
    return HNP_OK;
}

hnp_status hnp_cls_judge_sentences(cls_doc *d)
{
    HNP_TRY(mark_duplicates(d));
    for (size_t i = 0; i < d->n; i++) {
        const uint8_t *s = d->text + d->sents[i].start;
        size_t len = d->sents[i].end - d->sents[i].start;
        cls_key k;
        hnp_cls_features(d->text, d->len, d->sents[i].start, d->sents[i].end, d->lang, d->reference,
                         &d->w[i].f);
        hnp_cls_make_key_as(s, len, d->reference, &k);
        hnp_cls_phrases_find(d->ph, d->reference, &k);
        hnp_cls_local_rules(s, len, &k, &d->w[i].f, &d->w[i].loc);
        d->w[i].bullet = k.skip > 0;
        d->w[i].credit = d->w[i].f.words <= 60 && hnp_cls_credit_cue(&k);
        value_of(&d->w[i]);
    }
    return HNP_OK;
}

/* Markers that only ever follow an article: a comment form or count, "Source link",
 * "The post ... appeared first on". Related-story boxes and copyright credits also
 * stand inside articles, so they do not cut. */
static int closes_article(const cls_local *l)
{
    return l->strong >= 2 && (l->reason == CLS_R_COMMENT || l->reason == CLS_R_SOURCE_LINK ||
                              l->reason == CLS_R_APPEARED_FIRST);
}

enum { CLS_MIN_ARTICLE = 400 }; /* characters of prose before a closer may cut */

/* Long comment threads outweigh any single marker in the region search, so the region
 * is cut at the first closing marker once an article's worth of prose precedes it. */
static void cut_at_closer(cls_doc *d)
{
    double mass = 0.0;
    for (size_t i = d->rs; i < d->re; i++) {
        if (closes_article(&d->w[i].loc) && mass >= CLS_MIN_ARTICLE) {
            d->re = i;
            return;
        }
        if (d->w[i].v > 0) {
            mass += (double)d->w[i].v * (double)d->w[i].weight;
        }
    }
}

/* A plain short line: no rule fired, not repeated, not meta. */
static int plain_line(const cls_sent *s)
{
    return !s->loc.strong && s->loc.kind == HNP_KIND_BODY && !s->dup && s->v <= 0.0f;
}

enum { CLS_BRIDGE = 8 };

/* The prose value a sentence needs for the region to be extended back to it. */
static const float bridge_min_value = 0.6f;

/* A list or a run of subheadings costs more than a short paragraph above it weighs, so
 * the sum may start the article too late. Walk back over at most CLS_BRIDGE plain short
 * lines to a sentence of prose and start there; repeat. */
static void extend_back(cls_doc *d)
{
    size_t rs = d->rs;
    while (rs > 0) {
        size_t k = rs, gap = 0;
        while (k > 0 && gap < CLS_BRIDGE && plain_line(&d->w[k - 1])) {
            k--;
            gap++;
        }
        if (k == 0 || gap == 0 || d->w[k - 1].v < bridge_min_value) {
            break;
        }
        rs = k - 1;
    }
    d->rs = rs;
}

/* A lede whose first line the scraper broke off ("LONDON (Reuters) - Drug makers will
 * ship" above "twice as many vaccines ...") starts the article: that line has no stop and
 * weighs less than nothing, so the sum starts after it. It joins the region as a line that
 * belongs to the news (legit): the head's walk, which peels stop-less lines, stops there. */
static void join_dateline(cls_doc *d)
{
    size_t i = d->rs - 1;
    if (d->rs > 0 && !d->w[i].loc.strong && d->w[i].loc.kind == HNP_KIND_BODY &&
        hnp_cls_agency_opening(d->text + d->sents[i].start, d->sents[i].end - d->sents[i].start)) {
        d->rs = i;
        d->w[i].loc.legit = 1;
    }
}

/* "Symptoms include:" closing the article announces a list: the plain short lines right
 * after it belong to the article. */
static void extend_list(cls_doc *d)
{
    size_t re = d->re;
    if (re < d->n && plain_line(&d->w[re]) && d->w[re].f.ends_colon) {
        re++; /* the lead-in itself, when the sum stopped before it */
    }
    if (!d->w[re - 1].f.ends_colon) {
        return;
    }
    size_t start = re;
    while (re < d->n && re - start < 2 * CLS_BRIDGE && plain_line(&d->w[re])) {
        re++;
    }
    d->re = re > start ? re : d->re;
}

/* 1 if nothing but blanks separates the sentences a and b: they share a line. */
static int same_line(const cls_doc *d, size_t a, size_t b)
{
    const uint8_t *p = d->text + d->sents[a].end, *e = d->text + d->sents[b].start;
    return p <= e && memchr(p, '\n', (size_t)(e - p)) == NULL;
}

/* 1 if only blanks follow the sentence i to the end of the text. */
static int ends_text(const cls_doc *d, size_t i)
{
    for (size_t k = d->sents[i].end; k < d->len; k++) {
        uint8_t c = d->text[k];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return 0;
        }
    }
    return 1;
}

/* A scraper's line is a paragraph: plain sentences that finish the region's last line
 * belong to the article, even a short one the sum did not take ("It can induce tumors,
 * make"). An excerpt cut mid-sentence ends the text in a function word ("Shanghai has"):
 * that unfinished sentence is the article's too, not a menu item. */
static void extend_line_end(cls_doc *d)
{
    size_t re = d->re;
    while (re < d->n && !d->w[re].loc.strong && d->w[re].loc.kind == HNP_KIND_BODY &&
           !d->w[re].dup && same_line(d, re - 1, re)) {
        re++;
    }
    if (re + 1 == d->n && plain_line(&d->w[re]) && !d->w[re].f.ends_stop && ends_text(d, re) &&
        hnp_cls_ends_function_word(d->text + d->sents[re].start,
                                   d->sents[re].end - d->sents[re].start, d->lang)) {
        re++;
    }
    d->re = re;
}

static int headline_like(const cls_doc *d, size_t i);
static int title_case(const cls_sent *s);

/* An article split by an inline box (an advertisement slot between rules, "Article
 * continues", a short box of links): the sum stops at the box when the box weighs more
 * than the part above it, so the lede was cut as page head. A part of prose above a gap
 * of at most CLS_GAP_MAX sentences that are not prose joins the region when it weighs
 * CLS_JOIN_MASS or more (two short paragraphs). A gap holding a closing marker or a
 * title-cased headline (the article's own, above a teaser) is no inline box; a sentence
 * cut by the box ("Barack Obama isn't just going to break") reads like a headline in
 * sentence case. Only upwards: below the article a short gap leads to comments and the
 * next story as often (measured on the validation sources). Gap sentences that read as
 * junk become a run the model judges (in_run). */
enum { CLS_GAP_MAX = 6 };
static const double join_mass = 300.0;

static int gap_member(const cls_doc *d, size_t i)
{
    const cls_sent *s = &d->w[i];
    return s->v < bridge_min_value && !closes_article(&s->loc) &&
           !(title_case(s) && headline_like(d, i));
}

/* The heaviest run of prose ending right before sentence e (scanning back while the
 * running sum stays positive): its weight, its start in *start. */
static double mass_before(const cls_doc *d, size_t e, size_t *start)
{
    double cur = 0.0, best = 0.0;
    *start = e;
    for (size_t j = e; j > 0; j--) {
        cur += (double)d->w[j - 1].v * (double)d->w[j - 1].weight;
        if (cur <= 0.0) {
            break;
        }
        if (cur > best) {
            best = cur;
            *start = j - 1;
        }
    }
    return best;
}

static void join_split_lede(cls_doc *d)
{
    while (d->rs > 0) {
        size_t k = d->rs, start;
        while (k > 0 && d->rs - k <= CLS_GAP_MAX && gap_member(d, k - 1)) {
            k--;
        }
        if (k == d->rs || k == 0 || d->rs - k > CLS_GAP_MAX ||
            mass_before(d, k, &start) < join_mass) {
            break;
        }
        for (size_t g = k; g < d->rs; g++) {
            d->w[g].in_run = d->w[g].v <= 0.0f;
        }
        d->rs = start;
    }
}

/* Kadane over v * weight: the contiguous run of sentences that is most article-like. */
void hnp_cls_find_region(cls_doc *d)
{
    double best = 0.0, cur = 0.0;
    size_t cur_start = 0;
    d->rs = d->re = d->n;
    for (size_t i = 0; i < d->n; i++) {
        double x = (double)d->w[i].v * (double)d->w[i].weight;
        if (cur <= 0.0) {
            cur = 0.0;
            cur_start = i;
        }
        cur += x;
        if (cur > best) {
            best = cur;
            d->rs = cur_start;
            d->re = i + 1;
        }
    }
    if (d->rs < d->n) {
        join_split_lede(d);
        extend_back(d);
        join_dateline(d);
        extend_list(d);
        cut_at_closer(d);
        extend_line_end(d);
    }
}

/* A headline: four to thirty words (or a few CJK characters), no final full stop (a
 * question is fine), no colon at the end, starting with a capital or a non-Latin
 * letter, not judged by any local rule. Shorter lines near the top are bylines and
 * section names ("Cai Wenjun", "(China Daily)"). */
enum { HEAD_MIN_WORDS = 4, HEAD_MAX_WORDS = 30, HEAD_MIN_CJK = 6, HEAD_MAX_COMMAS = 3 };

/* Breadcrumbs ("Home > News > Health > ...") and title-bar strings ("A | B | Site"):
 * two or more path separators. */
static int path_like(const uint8_t *s, size_t n)
{
    unsigned seps = 0;
    for (size_t i = 0; i < n; i++) {
        seps += s[i] == '>' || s[i] == '|';
        /* » U+00BB, › U+203A */
        seps += i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xBB;
        seps += i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0xBA;
    }
    return seps >= 2;
}

/* A credit or caption line: "(Ellen Doe / The Daily Times)", "Photo ... / Reuters". */
static int credit_line(const cls_sent *s, const uint8_t *t, size_t n)
{
    return s->credit || (n >= 2 && t[0] == '(' && t[n - 1] == ')');
}

static int headline_like(const cls_doc *d, size_t i)
{
    const cls_sent *s = &d->w[i];
    const cls_feat *f = &s->f;
    const uint8_t *t = d->text + d->sents[i].start;
    size_t n = d->sents[i].end - d->sents[i].start;
    if (path_like(t, n) || credit_line(s, t, n) || hnp_cls_agency_opening(t, n)) {
        return 0; /* a breadcrumb, a credit, or a lede cut by the line's end */
    }
    unsigned size = f->alpha_words + f->cjk / 2; /* "11/20/19 6:38 AM" has one word */
    if (s->loc.strong || s->loc.kind != HNP_KIND_BODY || size > HEAD_MAX_WORDS ||
        (size < HEAD_MIN_WORDS && f->cjk < HEAD_MIN_CJK) || f->ends_colon) {
        return 0;
    }
    if ((f->ends_stop && !f->ends_q) || f->symbols * 2 > f->letters + f->digits) {
        return 0; /* a sentence, or a run of symbols and U+FFFD, is not a headline */
    }
    return (f->first_upper || f->cjk > 0) && f->commas <= HEAD_MAX_COMMAS;
}

static int skippable(const cls_sent *s)
{
    return s->loc.kind == HNP_KIND_META || is_junk_local(&s->loc) ||
           (s->f.letters == 0 && s->f.cjk == 0) ||
           (s->f.words <= TINY_WORDS && s->f.cjk < HEAD_MIN_CJK) ||
           (s->f.ends_colon && s->f.words <= 12);
}

/* The site's name: the candidate's words recur inside the page's copyright line ("(c) 2016
 * Health News Daily Network"). */
static int site_name(const cls_doc *d, size_t i)
{
    const hnp_span *c = &d->sents[i];
    char key[128];
    size_t kl = c->end - c->start;
    if (kl >= sizeof key) {
        return 0;
    }
    for (size_t k = 0; k < kl; k++) { /* hnp_cls_find_ci wants a lower-case needle */
        uint8_t ch = d->text[c->start + k];
        key[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    key[kl] = '\0';
    for (size_t j = 0; j < d->n; j++) {
        const hnp_span *sp = &d->sents[j];
        if (j != i && d->w[j].loc.reason == CLS_R_COPYRIGHT &&
            hnp_cls_find_ci((const char *)d->text + sp->start, sp->end - sp->start, key) !=
                (size_t)-1) {
            return 1;
        }
    }
    return 0;
}

/* The document opens with one to three plain sentences right before the article, none
 * of them judged by a rule: a clean text whose first line is its title, even when the
 * title ends with a full stop (PubMed titles do). */
static int plain_start(const cls_doc *d, size_t rs)
{
    for (size_t i = 0; i < rs; i++) {
        const cls_sent *s = &d->w[i];
        if (s->loc.strong || s->loc.kind != HNP_KIND_BODY || s->dup ||
            (s->f.letters == 0 && s->f.cjk == 0)) {
            return 0;
        }
    }
    const uint8_t *t = d->text + d->sents[0].start;
    size_t n = d->sents[0].end - d->sents[0].start;
    if (path_like(t, n) || credit_line(&d->w[0], t, n) || site_name(d, 0)) {
        return 0;
    }
    const cls_feat *f = &d->w[0].f;
    unsigned size = f->words + f->cjk / 2;
    return size >= 1 && size <= 30 && (f->first_upper || f->cjk > 0) &&
           f->symbols * 2 <= f->letters + f->digits;
}

/* How much a headline candidate looks like the page's headline: longer, printed twice
 * (pages repeat it in the title bar, h1 and share text), title-cased, close to the
 * article. */
/* Size counts up to HEAD_SIZE_CAP words; printed twice adds HEAD_DUP_BONUS, title case
 * HEAD_CASE_BONUS; each sentence between it and the article costs one. */
enum { HEAD_SIZE_CAP = 14, HEAD_DUP_BONUS = 6, HEAD_CASE_BONUS = 2 };

static int headline_score(const cls_sent *s, unsigned passed)
{
    unsigned size = s->f.words + s->f.cjk / 2;
    int score = (int)(size < HEAD_SIZE_CAP ? size : HEAD_SIZE_CAP);
    score += s->dup ? HEAD_DUP_BONUS : 0;
    score += s->f.cap_words * 2 >= s->f.alpha_words ? HEAD_CASE_BONUS : 0; /* title case */
    return score - (int)passed;
}

enum { CLS_TITLE_WINDOW = 15 };

static int title_case(const cls_sent *s)
{
    return s->f.cap_words * 2 >= s->f.alpha_words;
}

/* A deck (subtitle) stands right under its headline: a longer line in sentence case below
 * a title-cased headline. Returns the headline above t, or t. */
static size_t above_deck(const cls_doc *d, size_t t)
{
    if (t == 0 || t == (size_t)-1 || !headline_like(d, t - 1)) {
        return t;
    }
    const cls_sent *up = &d->w[t - 1], *s = &d->w[t];
    if (title_case(up) && !title_case(s) && s->f.words > up->f.words) {
        return t - 1;
    }
    return t;
}

/* The headline: the article's own first line when it stands alone or a dateline follows
 * it; else the best candidate among the CLS_TITLE_WINDOW sentences before the article. */
static size_t pick_title(const cls_doc *d)
{
    size_t rs = d->rs < d->n ? d->rs : 0;
    const cls_sent *first = &d->w[rs];
    int next_meta = rs + 1 < d->n && d->w[rs + 1].loc.kind == HNP_KIND_META;
    if (rs <= 2 && headline_like(d, rs) && (first->f.whole_line || next_meta)) {
        return above_deck(d, rs);
    }
    if (rs >= 1 && rs <= 3 && plain_start(d, rs)) {
        return 0; /* "Pravastatin-associated myopathy." above an abstract */
    }
    size_t best = (size_t)-1;
    int best_score = 3;  /* a candidate must beat a three-word line next to the article */
    unsigned passed = 0; /* sentences between the candidate and the article */
    for (size_t back = 0; back < CLS_TITLE_WINDOW && back < rs; back++) {
        const cls_sent *s = &d->w[rs - 1 - back];
        if (headline_like(d, rs - 1 - back) && !site_name(d, rs - 1 - back)) {
            int sc = headline_score(s, passed);
            if (sc > best_score) {
                best_score = sc;
                best = rs - 1 - back;
            }
        }
        passed += skippable(s) ? 0 : 1;
    }
    return above_deck(d, best);
}

/* Inside the article, a run of at least CLS_NAV_RUN stop-less short lines in a row is
 * a link list or a tag cloud that the region swallowed (subheadings come alone). */
enum { CLS_NAV_RUN = 4, CLS_LONG_RUN = 10 };

/* A run looks like navigation when it is long or when some member is a known nav item
 * or a repeated link; a short list of plain items ("* Fever", "* Headache") is the
 * article's own list of symptoms or side effects. */
static int nav_like_run(const cls_doc *d, size_t i, size_t j)
{
    if (j - i >= CLS_LONG_RUN) {
        return 1;
    }
    for (size_t k = i; k < j; k++) {
        if (is_junk_local(&d->w[k].loc) || d->w[k].dup) {
            return 1;
        }
    }
    return 0;
}

void hnp_cls_mark_runs(cls_doc *d)
{
    size_t i = d->rs;
    while (i < d->re) {
        size_t j = i;
        while (j < d->re && d->w[j].v <= 0.0f && !d->w[j].title) {
            j++;
        }
        if (j - i >= CLS_NAV_RUN && nav_like_run(d, i, j)) {
            for (size_t k = i; k < j; k++) {
                d->w[k].in_run = 1;
            }
        }
        i = j > i ? j : i + 1;
    }
}

/* The same words, whatever the case, spacing and bullets ("Title" vs "* TITLE "). */
static int same_key(const cls_doc *d, size_t a, const cls_key *kb)
{
    cls_key ka;
    hnp_cls_make_key(d->text + d->sents[a].start, d->sents[a].end - d->sents[a].start, &ka);
    return ka.len > 0 && ka.len == kb->len && memcmp(ka.s, kb->s, ka.len) == 0;
}

void hnp_cls_find_title(cls_doc *d)
{
    d->title = pick_title(d);
    if (d->title == (size_t)-1) {
        return;
    }
    cls_key kt; /* the headline's key, made once */
    const hnp_span *t = &d->sents[d->title];
    hnp_cls_make_key(d->text + t->start, t->end - t->start, &kt);
    for (size_t i = 0; i < d->n; i++) {
        d->w[i].title = i == d->title || same_text(d, i, d->title) ||
                        (d->w[i].f.words <= 40 && same_key(d, i, &kt));
    }
    /* Between the headline and the article stand bylines, credits ("(China Daily)") and
     * lead-ins ("Reported by ...:"): short ones are meta, longer ones body. */
    if (d->rs > d->title + 4) {
        return; /* further apart it is page furniture, not a byline block */
    }
    for (size_t i = d->title + 1; i < d->rs && i < d->n; i++) {
        cls_sent *s = &d->w[i];
        if (!s->title && !is_junk_local(&s->loc) && s->loc.kind == HNP_KIND_BODY) {
            s->between = s->f.words + s->f.cjk / 2 <= 6 ? 1 : 2;
        }
    }
}
