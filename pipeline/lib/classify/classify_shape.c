/* classify_shape.c -- shape rules of the classify stage: what a sentence is made of
 * (a company name and a URL, a phone number beside "call", CJK keywords joined by
 * underscores, a lower-case product list) rather than a fixed phrase. */
#include "classify_internal.h"

#include <string.h>

/* Words beside a phone number that make it an advertisement. */
static const char *const contact_cues[] = {"call",   "hotline",    "tel",   "phone:",  "whatsapp",
                                           "wechat", "contact us", "order", "consult", "enquir",
                                           "inquir", "mobile:",    "fax"};

/* Words beside a price that make it an offer rather than news about a price. */
static const char *const shop_cues[] = {
    "buy now",      "order now",     "shop now",      "add to cart", "free shipping", "coupon",
    "promo code",   "discount code", "in stock",      "only $",      "limited time",  "wholesale",
    "moq",          "fob ",          "factory price", "best price",  "buy online",    "get yours",
    "order online", "call now",      "contact us",    "inquiry",     "enquiry"};

const char *const *hnp_cls_shape_list(cls_list l, size_t *n)
{
    if (l == CLS_LIST_CONTACT) {
        *n = sizeof contact_cues / sizeof contact_cues[0];
        return contact_cues;
    }
    if (l == CLS_LIST_SHOP) {
        *n = sizeof shop_cues / sizeof shop_cues[0];
        return shop_cues;
    }
    *n = 0;
    return NULL;
}

static void set(cls_local *out, hnp_kind kind, cls_reason reason)
{
    out->kind = kind;
    out->reason = reason;
    out->strong = 1;
}

/* The first letter after the bullets: 'l' lower-case ASCII, 'U' upper-case, 0 other. */
static char first_letter(const uint8_t *s, size_t n, const cls_key *k)
{
    for (size_t i = k->skip; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z') {
            return 'l';
        }
        if ((s[i] >= 'A' && s[i] <= 'Z') || s[i] >= 0x80) {
            return 'U';
        }
        if (s[i] >= '0' && s[i] <= '9') {
            return 0;
        }
    }
    return 0;
}

/* CJK keyword stuffing: many short CJK runs joined by _ , 、 | and no sentence stop. */
static int cjk_seo(const uint8_t *s, size_t n, const cls_feat *f)
{
    if (f->cjk < 10 || f->cjk_stops > 0) {
        return 0;
    }
    unsigned seps = f->commas;
    for (size_t i = 0; i < n; i++) {
        seps += s[i] == '_' || s[i] == '|';
    }
    return seps >= 3 && f->cjk / (seps + 1) <= 15;
}

/* A Latin keyword string: "How to retire early,Early retirement,Retiring early,...":
 * many short comma-separated items, almost no function words, no final stop. Lists in
 * prose have "and" and a full stop. */
static int keyword_list(const uint8_t *s, size_t n, const cls_feat *f)
{
    char iso[11];
    size_t ds, de;
    if (f->commas < 4 || f->cjk > 0 || f->ends_stop || f->words > 60 ||
        f->words > 3 * (f->commas + 1) || f->stop * 10 >= f->words) {
        return 0;
    }
    return !hnp_cls_find_date(s, n, iso, &ds, &de); /* "Source, "Title," Oct. 16, 2019" */
}

static unsigned size_of(const cls_feat *f)
{
    return f->words + f->cjk / 2;
}

int hnp_cls_shape_spam(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                       cls_local *out)
{
    if (f->company_end && (f->has_url || f->has_email || f->phone) && f->words <= 40) {
        set(out, HNP_KIND_SPAM, CLS_R_COMPANY_URL);
    } else if (f->company_end && f->stop <= 1 && f->words <= 12 && !out->legit) {
        set(out, HNP_KIND_SPAM, CLS_R_COMPANY);
    } else if (cjk_seo(s, n, f)) {
        set(out, HNP_KIND_SPAM, CLS_R_CJK_SEO);
    } else if (f->hashtags >= 3 && f->hashtags * 2 >= f->alpha_words) {
        set(out, HNP_KIND_SPAM, CLS_R_SEO);
    } else if (f->phone && !out->legit && size_of(f) <= 30 &&
               (hnp_cls_key_in(k, CLS_LIST_CONTACT) || f->alpha_words <= 3)) {
        set(out, HNP_KIND_SPAM, CLS_R_CONTACT);
    } else if (f->price && !out->legit && f->words <= 25 && hnp_cls_key_in(k, CLS_LIST_SHOP)) {
        set(out, HNP_KIND_SPAM, CLS_R_PRICE);
    } else if (f->stop == 0 && f->commas >= 1 && f->words >= 3 && f->words <= 20 && f->cjk == 0 &&
               !f->ends_q && first_letter(s, n, k) == 'l') {
        set(out, HNP_KIND_SPAM, CLS_R_PRODUCT_LIST);
    } else if (keyword_list(s, n, f)) {
        set(out, HNP_KIND_SPAM, CLS_R_SEO);
    } else {
        return 0;
    }
    return 1;
}

/* A news agency credited on its own line: "(China Daily)", "(AP)". ("Reuters |" looks
 * like a nav item with a separator, which is far more common.) */
static int agency_credit(const uint8_t *s, size_t n, const cls_feat *f)
{
    if (n < 2 || f->words == 0 || f->words > 3 || f->cap_words < f->alpha_words) {
        return 0;
    }
    return s[0] == '(' && s[n - 1] == ')';
}

int hnp_cls_shape_meta(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                       cls_local *out)
{
    if (k->len > 3 && memcmp(k->s, "by ", 3) == 0 && f->words <= 16 && f->stop <= 2 &&
        !(f->ends_stop && f->words > 6)) {
        size_t i = k->skip + 3;
        while (i < n && s[i] == ' ') {
            i++;
        }
        if (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '@' || s[i] >= 0x80)) {
            set(out, HNP_KIND_META, CLS_R_BYLINE);
            return 1;
        }
    }
    if (agency_credit(s, n, f)) {
        set(out, HNP_KIND_META, CLS_R_CREDIT);
        return 1;
    }
    if (hnp_cls_is_dateline(s, n, f)) {
        set(out, HNP_KIND_META, CLS_R_DATELINE);
        return 1;
    }
    return 0;
}

/* "34 responses to", "12 comments", "3 thoughts on": the header of a comment thread. */
static int comment_count(const cls_key *k)
{
    static const char *const heads[] = {" response", " comment", " repl", " thought"};
    size_t i = 0;
    while (i < k->len && k->s[i] >= '0' && k->s[i] <= '9') {
        i++;
    }
    if (i == 0) {
        return 0;
    }
    for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
        size_t l = strlen(heads[h]);
        if (k->len >= i + l && memcmp(k->s + i, heads[h], l) == 0) {
            return 1;
        }
    }
    return 0;
}

/* A sentence of closing quotes and brackets only: the segmenter cut them off the end of
 * a quotation; they belong to the text around them. */
static int only_quotes(const uint8_t *s, size_t n)
{
    static const char quotes[] = "\"')]\xE2\x80\x9D\x99\xC2\xBB \t";
    for (size_t i = 0; i < n; i++) {
        if (!memchr(quotes, s[i], sizeof quotes - 1)) {
            return 0;
        }
    }
    return 1;
}

int hnp_cls_shape_junk(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                       cls_local *out)
{
    if (f->letters == 0 && f->cjk == 0 && f->digits <= 4 && !only_quotes(s, n)) {
        set(out, HNP_KIND_BOILERPLATE, CLS_R_MARKUP);
    } else if (comment_count(k) && f->words <= 20) {
        set(out, HNP_KIND_BOILERPLATE, CLS_R_COMMENT);
        out->strong = 2; /* "34 responses to ...": the comment thread starts */
    } else if (f->words <= 6 && n >= 5 && memcmp(s + n - 5, "says:", 5) == 0) {
        set(out, HNP_KIND_BOILERPLATE, CLS_R_COMMENT); /* "averagejoe says:" over a comment */
    } else if (f->bracketed && f->words <= 12) {
        set(out, HNP_KIND_BOILERPLATE, CLS_R_CAPTION);
    } else if (f->whole_line && !f->ends_stop && f->words <= 6 && f->cjk == 0 && f->stop <= 1 &&
               f->cap_words == 0 && first_letter(s, n, k) == 'l') {
        set(out, f->words >= 2 ? HNP_KIND_SPAM : HNP_KIND_BOILERPLATE,
            f->words >= 2 ? CLS_R_KEYWORDS : CLS_R_FRAGMENT);
    } else {
        return 0;
    }
    return 1;
}
