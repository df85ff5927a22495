/* classify_meta.c -- final labels from the local verdicts and the article region, and
 * the document metadata: headline, date (ISO 8601) and source. */
#include "classify_internal.h"

#include <stdlib.h>
#include <string.h>

static float clip01(float x)
{
    return x < 0.0f ? 0.0f : (x > 1.0f ? 1.0f : x);
}

static cls_verdict verdict(hnp_kind kind, float score, cls_reason reason)
{
    cls_verdict v = {kind, score, reason};
    return v;
}

/* The rules' verdict on sentence i, from its local rule and where it lies relative to
 * the article region and the headline. */
static cls_verdict rule_verdict(const cls_doc *d, size_t i)
{
    const cls_sent *s = &d->w[i];
    if (s->title) {
        return verdict(HNP_KIND_TITLE, i == d->title ? 0.85f : 0.75f, CLS_R_HEADLINE);
    }
    if (s->loc.strong && hnp_kind_is_junk(s->loc.kind)) {
        return verdict(s->loc.kind, s->loc.strong >= 2 ? 0.95f : 0.9f, s->loc.reason);
    }
    if (s->loc.kind == HNP_KIND_META) {
        return verdict(HNP_KIND_META, 0.85f, s->loc.reason);
    }
    if (s->between) {
        return s->between == 1 ? verdict(HNP_KIND_META, 0.6f, CLS_R_BYLINE)
                               : verdict(HNP_KIND_BODY, 0.6f, CLS_R_NONE);
    }
    if (s->in_run) {
        return verdict(HNP_KIND_BOILERPLATE, 0.6f, CLS_R_NAV);
    }
    if (i >= d->rs && i < d->re) {
        return verdict(HNP_KIND_BODY, s->v > 0 ? 0.5f + 0.45f * s->v : 0.55f, CLS_R_NONE);
    }
    if (s->loc.legit) {
        return verdict(HNP_KIND_BODY, 0.6f, CLS_R_NONE);
    }
    if (d->rs >= d->n) {
        /* No sentence reads like prose (a greeting, garbled text): without an article
         * there is no head or tail to cut, only what the local rules found. */
        return verdict(HNP_KIND_BODY, 0.4f, CLS_R_NONE);
    }
    /* Outside the article: page head or appended tail. The more junk-like the sentence
     * is on its own, the surer the verdict. */
    return verdict(HNP_KIND_BOILERPLATE, 0.6f + 0.3f * clip01(-s->v),
                   i < d->rs ? CLS_R_HEAD : CLS_R_TAIL);
}

void hnp_cls_rule_verdicts(cls_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        d->w[i].rule = rule_verdict(d, i);
    }
}

static int is_space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A NUL-terminated copy of s[0..n) without surrounding blanks and trailing separators;
 * *out stays NULL when nothing is left. */
static hnp_status dup_trim(const uint8_t *s, size_t n, char **out)
{
    while (n > 0 && is_space(s[0])) {
        s++;
        n--;
    }
    while (n > 0 && (is_space(s[n - 1]) || s[n - 1] == ',' || s[n - 1] == ';' || s[n - 1] == ':' ||
                     s[n - 1] == '|')) {
        n--;
    }
    if (n == 0) {
        return HNP_OK;
    }
    char *p = malloc(n + 1);
    if (!p) {
        return HNP_ERR_NOMEM;
    }
    memcpy(p, s, n);
    p[n] = '\0';
    *out = p;
    return HNP_OK;
}

/* A capitalized word that opens a new sentence: "The", "In", "Recently". A source name
 * glued to the next sentence ("Source: Bio Valley Recently, according to ...") ends there. */
static int opener_at(const uint8_t *s, size_t n)
{
    if (n == 0 || s[0] < 'A' || s[0] > 'Z') {
        return 0;
    }
    char w[16];
    size_t l = 0;
    while (l < n && l < sizeof w && ((s[l] >= 'a' && s[l] <= 'z') || l == 0)) {
        w[l] = (char)(l == 0 ? s[0] + 32 : s[l]);
        l++;
    }
    if (l == sizeof w || (l < n && s[l] != ' ' && s[l] != ',')) {
        return 0;
    }
    /* An -ly adverb opens a sentence when a comma or a lowercase word follows ("Recently,
     * according"); before the end or a capital it is part of a name ("Health Daily"). */
    int adverb = l > 4 && w[l - 2] == 'l' && w[l - 1] == 'y' && l < n &&
                 (s[l] == ',' || (l + 1 < n && s[l + 1] >= 'a' && s[l + 1] <= 'z'));
    return hnp_cls_is_stopword(w, l) || adverb;
}

/* The length of the source name that starts at s: up to a line or field break (two
 * blanks, a tab, "|", a comma, another "Label:"), a sentence opener or ten words. */
static size_t source_len(const uint8_t *s, size_t n)
{
    size_t i = 0;
    unsigned words = 0;
    while (i < n && s[i] != '\n' && s[i] != '\t' && s[i] != '|' && s[i] != ',') {
        if (s[i] == ' ') {
            if (i + 1 < n && s[i + 1] == ' ') {
                break;
            }
            size_t j = i + 1;
            while (j < n && j - i < 16 && s[j] != ' ' && s[j] != ':') {
                j++;
            }
            if (++words >= 10 || (j < n && s[j] == ':' && s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
                opener_at(s + i + 1, n - i - 1)) {
                break;
            }
        }
        i++;
    }
    while (i > 0 && s[i - 1] == '.') {
        i--;
    }
    return i;
}

/* "Source" at a word start in s[i..), then blanks and a colon ("Source:", French
 * "Source :"): where the name starts, or 0. */
static size_t source_colon_at(const uint8_t *s, size_t n, size_t i)
{
    if (i > 0 && !is_space(s[i - 1])) {
        return 0;
    }
    size_t j = i + 6;
    while (j < n && s[j] == ' ') {
        j++;
    }
    return j < n && s[j] == ':' ? j + 1 : 0;
}

/* Where the source name starts: after "Source:" or "Source :" (a word of its own), after
 * a press release's closing "SOURCE Company" (capitals, at the start), or after the
 * Chinese 来源：/来源:/來源：; 0 when the sentence has no such label. */
static size_t source_label(const uint8_t *s, size_t n)
{
    static const char *const cjk[] = {
        "\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A",
        "\xE6\x9D\xA5\xE6\xBA\x90:", "\xE4\xBE\x86\xE6\xBA\x90\xEF\xBC\x9A"};
    if (n > 8 && memcmp(s, "SOURCE ", 7) == 0 && s[7] >= 'A' && s[7] <= 'Z') {
        return 7;
    }
    for (size_t from = 0; from < n;) {
        size_t at = hnp_cls_find_ci((const char *)s + from, n - from, "source");
        if (at == (size_t)-1) {
            break;
        }
        size_t name = source_colon_at(s, n, from + at);
        if (name > 0) {
            return name;
        }
        from += at + 6;
    }
    for (size_t k = 0; k < sizeof cjk / sizeof cjk[0]; k++) {
        size_t at = hnp_cls_find_lower((const char *)s, n, cjk[k]);
        if (at != (size_t)-1) {
            return at + strlen(cjk[k]);
        }
    }
    return 0;
}

static hnp_status find_source(const cls_doc *d, size_t i, char **out)
{
    const uint8_t *s = d->text + d->sents[i].start;
    size_t n = d->sents[i].end - d->sents[i].start;
    size_t at = source_label(s, n < 400 ? n : 400);
    if (at == 0) {
        return HNP_OK;
    }
    while (at < n && s[at] == ' ') {
        at++;
    }
    return dup_trim(s + at, source_len(s + at, n - at), out);
}

/* ---- sources without a label: wire tags, agency datelines, bylines ---------------------- */

static int upper(uint8_t c)
{
    return c >= 'A' && c <= 'Z';
}

/* A character of a name: a letter, a digit, "&", ".", "-", "'" or any non-ASCII. */
static int name_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || upper(c) || (c >= '0' && c <= '9') || c >= 0x80 || c == '&' ||
           c == '.' || c == '-' || c == '\'';
}

/* A short name: one to five words of name characters, each starting with a capital or a
 * digit ("Reuters", "BUSINESS WIRE", "China Daily", "AFP"). */
static int name_like(const uint8_t *s, size_t n)
{
    unsigned words = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            continue;
        }
        if (!upper(s[i]) && !(s[i] >= '0' && s[i] <= '9')) {
            return 0;
        }
        words++;
        while (i < n && s[i] != ' ') {
            if (!name_char(s[i++])) {
                return 0;
            }
        }
    }
    return words >= 1 && words <= 5;
}

/* A wire service's tag: "/PRNewswire/", "/PRNewswire-USNewswire/", "(BUSINESS WIRE)",
 * "(GLOBE NEWSWIRE)": a name in slashes or brackets with "wire" in it. Sets the name's
 * range. */
static int wire_tag(const uint8_t *s, size_t n, size_t *a, size_t *b)
{
    size_t from = 0, at;
    while (from < n &&
           (at = hnp_cls_find_ci((const char *)s + from, n - from, "wire")) != (size_t)-1) {
        at += from;
        size_t lo = at, hi = at;
        while (lo > 0 && at - lo < 40 && s[lo - 1] != '/' && s[lo - 1] != '(' &&
               s[lo - 1] != '\n') {
            lo--;
        }
        while (hi < n && hi - at < 40 && s[hi] != '/' && s[hi] != ')' && s[hi] != '\n') {
            hi++;
        }
        int open = lo > 0 && (s[lo - 1] == '/' || s[lo - 1] == '(');
        int close = hi < n && s[hi] == (lo > 0 && s[lo - 1] == '(' ? ')' : '/');
        if (open && close && hi > lo && name_like(s + lo, hi - lo)) {
            *a = lo;
            *b = hi;
            return 1;
        }
        from = at + 4;
    }
    return 0;
}

/* An agency in a dateline: "LONDON (Reuters) -", "WASHINGTON, March 3 (AP) --": the
 * sentence opens with a place in capitals, and a bracketed name followed by a dash comes
 * within the first 60 bytes. */
static int agency_dateline(const uint8_t *s, size_t n, size_t *a, size_t *b)
{
    if (n < 8 || !upper(s[0]) || !upper(s[1])) {
        return 0;
    }
    size_t lim = n < 60 ? n : 60;
    const uint8_t *open = memchr(s, '(', lim);
    if (!open) {
        return 0;
    }
    size_t lo = (size_t)(open - s) + 1, hi = lo;
    while (hi < n && hi - lo < 30 && s[hi] != ')') {
        hi++;
    }
    size_t k = hi + 1;
    while (k < n && s[k] == ' ') {
        k++;
    }
    int dash = k < n && (s[k] == '-' || (k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x80 &&
                                         (s[k + 2] == 0x93 || s[k + 2] == 0x94)));
    if (hi >= n || s[hi] != ')' || !dash || !name_like(s + lo, hi - lo)) {
        return 0;
    }
    *a = lo;
    *b = hi;
    return 1;
}

int hnp_cls_agency_opening(const uint8_t *s, size_t n)
{
    size_t a, b;
    return agency_dateline(s, n, &a, &b);
}

/* An outlet after a byline: "By Jane Doe / Reuters", "By Jane Doe | CNN". */
static int byline_outlet(const uint8_t *s, size_t n, size_t *a, size_t *b)
{
    if (n < 6 || (s[0] != 'B' && s[0] != 'b') || s[1] != 'y' || s[2] != ' ' || n > 120) {
        return 0;
    }
    for (size_t i = n - 1; i > 3; i--) {
        if ((s[i] == '/' || s[i] == '|') && s[i - 1] == ' ' && i + 2 < n && s[i + 1] == ' ') {
            size_t lo = i + 2, hi = n;
            while (hi > lo && (is_space(s[hi - 1]) || s[hi - 1] == '.')) {
                hi--;
            }
            if (hi > lo && name_like(s + lo, hi - lo)) {
                *a = lo;
                *b = hi;
                return 1;
            }
            return 0;
        }
    }
    return 0;
}

/* A source named without a label: a wire tag, an agency dateline, a byline's outlet. */
static hnp_status find_unlabelled_source(const cls_doc *d, size_t i, char **out)
{
    const uint8_t *s = d->text + d->sents[i].start;
    size_t n = d->sents[i].end - d->sents[i].start, a, b;
    n = n < 400 ? n : 400;
    if (wire_tag(s, n, &a, &b) || agency_dateline(s, n, &a, &b) || byline_outlet(s, n, &a, &b)) {
        return dup_trim(s + a, b - a, out);
    }
    return HNP_OK;
}

static int near_head(const cls_doc *d, size_t i)
{
    size_t rs = d->rs < d->n ? d->rs : 0;
    return i + 1 >= rs && i <= rs + 2;
}

static hnp_status find_date(const cls_doc *d, size_t i, char **out)
{
    const uint8_t *s = d->text + d->sents[i].start;
    size_t n = d->sents[i].end - d->sents[i].start;
    char iso[11];
    size_t ds, de;
    int meta = d->w[i].loc.kind == HNP_KIND_META;
    if (!meta && !near_head(d, i)) {
        return HNP_OK;
    }
    /* A dateline glued behind the repeated headline ("Headline? August 18, 2016 ...")
     * is still at the start of what follows the headline. */
    size_t skip = 0;
    if (d->title != (size_t)-1 && i != d->title) {
        const hnp_span *t = &d->sents[d->title];
        size_t tl = t->end - t->start;
        if (tl <= n && memcmp(s, d->text + t->start, tl) == 0) {
            skip = tl;
        }
    }
    if (!hnp_cls_find_date(s + skip, n - skip, iso, &ds, &de) || (!meta && ds > 40)) {
        return HNP_OK;
    }
    return dup_trim((const uint8_t *)iso, strlen(iso), out);
}

static hnp_status scan_meta(const cls_doc *d, size_t lo, size_t hi, hnp_docmeta *meta)
{
    for (size_t i = lo; i < hi && (!meta->date || !meta->source); i++) {
        if (hnp_kind_is_junk(d->w[i].loc.kind) && d->w[i].loc.strong) {
            continue;
        }
        if (!meta->date) {
            HNP_TRY(find_date(d, i, &meta->date));
        }
        if (!meta->source && (d->w[i].loc.kind == HNP_KIND_META || near_head(d, i))) {
            HNP_TRY(find_source(d, i, &meta->source));
        }
    }
    return HNP_OK;
}

hnp_status hnp_cls_fill_meta(const cls_doc *d, hnp_docmeta *meta)
{
    if (d->title != (size_t)-1) {
        const hnp_span *t = &d->sents[d->title];
        cls_key k; /* for the length of the leading bullets */
        hnp_cls_make_key(d->text + t->start, t->end - t->start, &k);
        HNP_TRY(dup_trim(d->text + t->start + k.skip, t->end - t->start - k.skip, &meta->title));
    }
    /* First around the headline and the article's start (a page's own "today" date and
     * teaser dates sit further away), then anywhere. */
    size_t rs = d->rs < d->n ? d->rs : 0;
    size_t anchor = d->title != (size_t)-1 && d->title < rs ? d->title : rs;
    size_t lo = anchor > 8 ? anchor - 8 : 0, hi = rs + 3 < d->n ? rs + 3 : d->n;
    HNP_TRY(scan_meta(d, lo, hi, meta));
    HNP_TRY(scan_meta(d, 0, d->n, meta));
    /* A labelled source ("Source: X", a press release's "SOURCE X") names the origin;
     * without one, a wire tag, an agency or a byline's outlet near the article's start. */
    for (size_t i = lo; i < hi && !meta->source; i++) {
        if (!(hnp_kind_is_junk(d->w[i].loc.kind) && d->w[i].loc.strong)) {
            HNP_TRY(find_unlabelled_source(d, i, &meta->source));
        }
    }
    return HNP_OK;
}
