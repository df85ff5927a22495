/* classify_rules.c -- the local rules of the classify stage: phrase tables (navigation,
 * share and comment prompts, related-story headers, cookie and ad-blocker notices, CMS
 * disclaimers, credits, bylines) and shape rules (company footers, contact and price
 * lines, keyword strings, calls to action). Each rule names a class of page furniture,
 * not one page: the phrases are the fixed strings that CMSs and scrapers emit. */
#include "classify_internal.h"

#include <string.h>

enum { EXACT, PREFIX, CONTAINS };

typedef struct phrase_rule {
    const char *text; /* lower case */
    unsigned char mode;
    unsigned char kind;      /* hnp_kind */
    unsigned char strength;  /* 1 local, 2 also marks page structure (a tail barrier) */
    unsigned char max_words; /* 0: any length */
    const char *reason;
} phrase_rule;

#define B HNP_KIND_BOILERPLATE
#define S HNP_KIND_SPAM
#define M HNP_KIND_META

/* Whole-sentence navigation items (after bullets and trailing separators are cut). */
static const char *const nav_exact[] = {"home",
                                        "news",
                                        "menu",
                                        "search",
                                        "subscribe",
                                        "sign in",
                                        "sign up",
                                        "log in",
                                        "login",
                                        "log out",
                                        "logout",
                                        "register",
                                        "my account",
                                        "account",
                                        "more",
                                        "read more",
                                        "load more",
                                        "show more",
                                        "see more",
                                        "view more",
                                        "see all",
                                        "view all",
                                        "continue reading",
                                        "close",
                                        "open",
                                        "skip to content",
                                        "skip to main content",
                                        "skip navigation",
                                        "back to top",
                                        "top",
                                        "next",
                                        "previous",
                                        "prev",
                                        "next article",
                                        "previous article",
                                        "next post",
                                        "previous post",
                                        "older posts",
                                        "newer posts",
                                        "next story",
                                        "previous story",
                                        "share",
                                        "tweet",
                                        "email",
                                        "e-mail",
                                        "print",
                                        "comment",
                                        "comments",
                                        "reply",
                                        "facebook",
                                        "twitter",
                                        "linkedin",
                                        "pinterest",
                                        "whatsapp",
                                        "reddit",
                                        "youtube",
                                        "instagram",
                                        "tumblr",
                                        "telegram",
                                        "rss",
                                        "rss feed",
                                        "flipboard",
                                        "messenger",
                                        "copy link",
                                        "advertisement",
                                        "advertising",
                                        "advertise",
                                        "advertise with us",
                                        "sponsored",
                                        "sponsored content",
                                        "about",
                                        "about us",
                                        "contact",
                                        "contact us",
                                        "privacy",
                                        "privacy policy",
                                        "privacy notice",
                                        "terms",
                                        "terms of use",
                                        "terms of service",
                                        "terms and conditions",
                                        "cookie policy",
                                        "cookie settings",
                                        "sitemap",
                                        "site map",
                                        "faq",
                                        "help",
                                        "careers",
                                        "jobs",
                                        "newsletter",
                                        "newsletters",
                                        "subscribe now",
                                        "topics",
                                        "tags",
                                        "categories",
                                        "archives",
                                        "uncategorized",
                                        "caption",
                                        "gallery",
                                        "photos",
                                        "video",
                                        "videos",
                                        "watch",
                                        "listen",
                                        "play",
                                        "go",
                                        "submit",
                                        "accept",
                                        "loading",
                                        "enlarge",
                                        "hide caption",
                                        "toggle caption",
                                        "expand",
                                        "full screen",
                                        "trending",
                                        "trending now",
                                        "popular",
                                        "latest",
                                        "latest news",
                                        "top stories",
                                        "most popular",
                                        "most read",
                                        "most viewed",
                                        "recommended",
                                        "recommended for you",
                                        "you may also like",
                                        "you might also like",
                                        "more stories",
                                        "more news",
                                        "related",
                                        "related articles",
                                        "related posts",
                                        "related stories",
                                        "related news",
                                        "related content",
                                        "related coverage",
                                        "source link",
                                        "leave a reply",
                                        "leave a comment",
                                        "post a comment",
                                        "view comments",
                                        "show comments",
                                        "(button)",
                                        "print this article",
                                        "email this article",
                                        "share this article",
                                        "share this story",
                                        "share this",
                                        "follow us",
                                        "connect",
                                        "policies",
                                        "site information",
                                        "social and media",
                                        "menusections",
                                        "sections"};

static const phrase_rule phrase_rules[] = {
    /* page-structure markers: the article is over (inline "Related: X" links are not) */
    {"related articles", PREFIX, B, 2, 8, "related"},
    {"related posts", PREFIX, B, 2, 8, "related"},
    {"related stories", PREFIX, B, 2, 8, "related"},
    {"related:", PREFIX, B, 1, 12, "related"},
    {"related coverage", PREFIX, B, 2, 8, "related"},
    {"read more:", PREFIX, B, 1, 20, "related"},
    {"read also", PREFIX, B, 1, 20, "related"},
    {"also read", PREFIX, B, 1, 20, "related"},
    {"see also", PREFIX, B, 1, 20, "related"},
    {"you may also like", PREFIX, B, 2, 8, "related"},
    {"you might also like", PREFIX, B, 2, 8, "related"},
    {"more from ", PREFIX, B, 1, 6, "related"},
    {"source link", PREFIX, B, 2, 4, "source-link"},
    {"appeared first on", CONTAINS, B, 2, 40, "appeared-first"},
    {"leave a reply", PREFIX, B, 2, 10, "comment"},
    {"leave a comment", PREFIX, B, 2, 10, "comment"},
    {"your email address will not be published", CONTAINS, B, 2, 30, "comment"},
    {"required fields are marked", CONTAINS, B, 2, 30, "comment"},
    {"comments are closed", CONTAINS, B, 2, 12, "comment"},
    {"be the first to comment", CONTAINS, B, 2, 15, "comment"},
    {"you must be logged in", CONTAINS, B, 2, 20, "comment"},
    {"previous:", PREFIX, B, 2, 20, "nav"},
    {"next:", PREFIX, B, 2, 20, "nav"},
    {"prev:", PREFIX, B, 2, 20, "nav"},
    {"previous post", PREFIX, B, 2, 20, "nav"},
    {"next post", PREFIX, B, 2, 20, "nav"},
    {"previous article", PREFIX, B, 2, 20, "nav"},
    {"next article", PREFIX, B, 2, 20, "nav"},
    {"all rights reserved", CONTAINS, B, 2, 30, "copyright"},
    {"copyright", PREFIX, B, 2, 30, "copyright"},
    {"\xC2\xA9", PREFIX, B, 2, 30, "copyright"},
    {"(c) 20", PREFIX, B, 2, 30, "copyright"},
    /* Chinese CMS furniture: previous/next article, related reading, copyright,
     * disclaimer, share and scan-the-QR-code prompts */
    {"\xE4\xB8\x8A\xE4\xB8\x80\xE7\xAF\x87", PREFIX, B, 2, 30, "nav"},
    {"\xE4\xB8\x8B\xE4\xB8\x80\xE7\xAF\x87", PREFIX, B, 2, 30, "nav"},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\x87\xE7\xAB\xA0", PREFIX, B, 2, 12, "related"},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98\x85\xE8\xAF\xBB", PREFIX, B, 2, 12, "related"},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\xB0\xE9\x97\xBB", PREFIX, B, 2, 12, "related"},
    {"\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89", CONTAINS, B, 2, 40, "copyright"},
    {"\xE5\x85\x8D\xE8\xB4\xA3\xE5\xA3\xB0\xE6\x98\x8E", CONTAINS, B, 1, 60, "disclaimer"},
    {"\xE5\x88\x86\xE4\xBA\xAB\xE5\x88\xB0", PREFIX, B, 1, 12, "share"},
    {"\xE6\x89\xAB\xE4\xB8\x80\xE6\x89\xAB", CONTAINS, B, 1, 20, "share"},
    {"\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A", PREFIX, M, 1, 20, "source"},
    {"\xE6\x9D\xA5\xE6\xBA\x90:", PREFIX, M, 1, 20, "source"},
    {"\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91", PREFIX, M, 1, 20, "byline"},
    /* CMS placeholders and scraper markers */
    {"[ad_", PREFIX, B, 1, 0, "ad-slot"},
    {"[/ad", PREFIX, B, 1, 0, "ad-slot"},
    {"[ins:", CONTAINS, B, 1, 6, "markup"},
    {"[del:", PREFIX, B, 1, 6, "markup"},
    {"iframe:", PREFIX, B, 1, 0, "markup"},
    {"(button)", CONTAINS, B, 1, 12, "markup"},
    {"____", CONTAINS, B, 1, 12, "markup"},
    {"![](", PREFIX, B, 1, 0, "markup"},
    /* share, follow, subscribe prompts */
    {"share this", PREFIX, B, 1, 12, "share"},
    {"share on ", PREFIX, B, 1, 12, "share"},
    {"share via", PREFIX, B, 1, 12, "share"},
    {"click to share", PREFIX, B, 1, 12, "share"},
    {"click to email", PREFIX, B, 1, 12, "share"},
    {"click to print", PREFIX, B, 1, 12, "share"},
    {"(opens in new window)", CONTAINS, B, 1, 12, "share"},
    {"comments feed", CONTAINS, B, 2, 12, "comment"},
    {"feed for comments", CONTAINS, B, 2, 12, "comment"},
    {"follow us", PREFIX, B, 1, 15, "share"},
    {"follow @", PREFIX, B, 1, 15, "share"},
    {"follow ", PREFIX, B, 1, 6, "share"},
    {"sharing options", CONTAINS, B, 1, 8, "share"},
    {"show more", PREFIX, B, 1, 6, "nav"},
    {"like us on", PREFIX, B, 1, 15, "share"},
    {"join us on", PREFIX, B, 1, 15, "share"},
    {"sign up for", PREFIX, B, 1, 20, "subscribe"},
    {"subscribe to", PREFIX, B, 1, 20, "subscribe"},
    {"sign up to", PREFIX, B, 1, 20, "subscribe"},
    {"get the latest", PREFIX, B, 1, 20, "subscribe"},
    {"thank you for reading", PREFIX, B, 1, 20, "subscribe"},
    {"thanks for reading", PREFIX, B, 1, 20, "subscribe"},
    {"download the app", PREFIX, B, 1, 15, "subscribe"},
    {"skip to", PREFIX, B, 1, 6, "nav"},
    {"jump to", PREFIX, B, 1, 6, "nav"},
    {"back to ", PREFIX, B, 1, 5, "nav"},
    {"return to ", PREFIX, B, 1, 5, "nav"},
    {"tags:", PREFIX, B, 1, 0, "tags"},
    {"tagged:", PREFIX, B, 1, 0, "tags"},
    {"tagged with", PREFIX, B, 1, 0, "tags"},
    {"topics:", PREFIX, B, 1, 0, "tags"},
    {"filed under", PREFIX, B, 1, 30, "tags"},
    {"posted in", PREFIX, B, 1, 15, "tags"},
    {"categories:", PREFIX, B, 1, 0, "tags"},
    {"category:", PREFIX, B, 1, 0, "tags"},
    {"image 1 of", PREFIX, B, 1, 8, "gallery"},
    {"back to gallery", PREFIX, B, 1, 8, "gallery"},
    /* cookie and ad-blocker notices */
    {"we use cookies", CONTAINS, B, 1, 60, "cookie"},
    {"uses cookies", CONTAINS, B, 1, 60, "cookie"},
    {"use of cookies", CONTAINS, B, 1, 60, "cookie"},
    {"accept cookies", CONTAINS, B, 1, 60, "cookie"},
    {"cookie policy", CONTAINS, B, 1, 40, "cookie"},
    {"adblocker", CONTAINS, B, 1, 30, "adblock"},
    {"ad blocker", CONTAINS, B, 1, 30, "adblock"},
    {"ad-blocker", CONTAINS, B, 1, 30, "adblock"},
    {"adblock", CONTAINS, B, 1, 30, "adblock"},
    {"disable your ad", CONTAINS, B, 1, 30, "adblock"},
    {"enable javascript", CONTAINS, B, 1, 30, "markup"},
    {"javascript is disabled", CONTAINS, B, 1, 30, "markup"},
    {"your browser does not support", CONTAINS, B, 1, 30, "markup"},
    /* corrections and CMS disclaimers */
    {"send a correction", CONTAINS, B, 1, 40, "disclaimer"},
    {"report an error", CONTAINS, B, 1, 20, "disclaimer"},
    {"represents the author's personal views", CONTAINS, B, 2, 80, "disclaimer"},
    {"only represents the author", CONTAINS, B, 2, 80, "disclaimer"},
    {"does not represent the views", CONTAINS, B, 1, 80, "disclaimer"},
    {"for reference only", CONTAINS, B, 1, 40, "disclaimer"},
    {"only for reference", CONTAINS, B, 1, 40, "disclaimer"},
    {"reproduced without permission", CONTAINS, B, 1, 40, "disclaimer"},
    {"without permission is prohibited", CONTAINS, B, 1, 40, "disclaimer"},
    {"infringe", CONTAINS, B, 1, 40, "disclaimer"},
    {"intellectual property rights", CONTAINS, B, 1, 40, "disclaimer"},
    {"disclaimer:", PREFIX, B, 1, 0, "disclaimer"},
    {"for informational purposes only", CONTAINS, B, 1, 50, "disclaimer"},
    {"not a substitute for professional medical advice", CONTAINS, B, 1, 50, "disclaimer"},
    {"views expressed in this", CONTAINS, B, 1, 50, "disclaimer"},
    /* advertising: contact lines and calls to action (CJK: hotline, consult, free) */
    {"\xE7\x83\xAD\xE7\xBA\xBF", CONTAINS, S, 1, 20, "contact"},
    {"\xE7\x86\xB1\xE7\xB7\x9A", CONTAINS, S, 1, 20, "contact"},
    {"\xE5\x92\xA8\xE8\xAF\xA2", CONTAINS, S, 1, 20, "contact"},
    {"\xE5\x92\xA8\xE8\xA9\xA2", CONTAINS, S, 1, 20, "contact"},
    {"whatsapp:", CONTAINS, S, 1, 25, "contact"},
    {"wechat:", CONTAINS, S, 1, 25, "contact"},
    {"call now", CONTAINS, S, 1, 25, "cta"},
    {"order now", CONTAINS, S, 1, 25, "cta"},
    {"buy now", CONTAINS, S, 1, 25, "cta"},
    {"shop now", CONTAINS, S, 1, 25, "cta"},
    {"free shipping", CONTAINS, S, 1, 25, "price"},
    {"welcome to inquire", CONTAINS, S, 1, 30, "cta"},
    {"welcome to contact", CONTAINS, S, 1, 30, "cta"},
    {"welcome to visit our", CONTAINS, S, 1, 30, "cta"},
    {"feel free to contact us", CONTAINS, S, 1, 30, "cta"},
    {"please contact us", CONTAINS, S, 1, 30, "cta"},
    {"contact us for", CONTAINS, S, 1, 30, "cta"},
    {"get a quote", CONTAINS, S, 1, 20, "cta"},
    {"get a free quote", CONTAINS, S, 1, 20, "cta"},
    {"request a quote", CONTAINS, S, 1, 20, "cta"},
    {"send inquiry", CONTAINS, S, 1, 20, "cta"},
    {"send us an inquiry", CONTAINS, S, 1, 30, "cta"},
    {"inquire now", CONTAINS, S, 1, 20, "cta"},
    {"free sample", CONTAINS, S, 1, 25, "cta"},
    {"hot sale", CONTAINS, S, 1, 25, "cta"},
    {"factory direct", CONTAINS, S, 1, 25, "cta"},
    {"email us", CONTAINS, S, 1, 20, "cta"},
    {"e-mail us", CONTAINS, S, 1, 20, "cta"},
    {"go to ", PREFIX, S, 1, 6, "cta"},
    /* a supplier describing itself */
    {"our company is a", CONTAINS, S, 1, 40, "promo"},
    {"professional manufacturer", CONTAINS, S, 1, 40, "promo"},
    {"leading manufacturer", CONTAINS, S, 1, 40, "promo"},
    {"manufacturer and exporter", CONTAINS, S, 1, 40, "promo"},
    {"manufacturer and supplier", CONTAINS, S, 1, 40, "promo"},
    {"we are a professional", CONTAINS, S, 1, 40, "promo"},
    {"interested in our products", CONTAINS, S, 1, 40, "promo"},
    {"our products are", CONTAINS, S, 1, 40, "promo"},
    {"our factory", CONTAINS, S, 1, 40, "promo"},
    {"visit our", PREFIX, S, 1, 12, "cta"},
    {"click here", PREFIX, S, 1, 20, "cta"},
    {"check out our", PREFIX, S, 1, 20, "cta"},
    /* meta: sources, credits, bylines, datelines */
    {"source:", PREFIX, M, 1, 12, "source"},
    {"sources:", PREFIX, M, 1, 12, "source"},
    {"source :", PREFIX, M, 1, 12, "source"},
    {"photo:", PREFIX, M, 1, 15, "credit"},
    {"photos:", PREFIX, M, 1, 15, "credit"},
    {"photo by", PREFIX, M, 1, 15, "credit"},
    {"photo credit", PREFIX, M, 1, 15, "credit"},
    {"image:", PREFIX, M, 1, 15, "credit"},
    {"image/", PREFIX, M, 1, 15, "credit"},
    {"images:", PREFIX, M, 1, 15, "credit"},
    {"image credit", PREFIX, M, 1, 15, "credit"},
    {"image by", PREFIX, M, 1, 15, "credit"},
    {"credit:", PREFIX, M, 1, 15, "credit"},
    {"credits:", PREFIX, M, 1, 15, "credit"},
    {"picture:", PREFIX, M, 1, 15, "credit"},
    {"illustration:", PREFIX, M, 1, 15, "credit"},
    {"(photo", PREFIX, M, 1, 15, "credit"},
    {"file photo", PREFIX, M, 1, 15, "credit"},
    {"getty images", CONTAINS, M, 1, 12, "credit"},
    {"written by", PREFIX, M, 1, 10, "byline"},
    {"edited by", PREFIX, M, 1, 10, "byline"},
    {"posted by", PREFIX, M, 1, 16, "byline"},
    {"published by", PREFIX, M, 1, 10, "byline"},
    {"reviewed by", PREFIX, M, 1, 12, "byline"},
    {"medically reviewed", PREFIX, M, 1, 12, "byline"},
    {"fact checked by", PREFIX, M, 1, 12, "byline"},
    {"author:", PREFIX, M, 1, 10, "byline"},
    {"media contact", PREFIX, M, 1, 30, "contact"},
    {"press contact", PREFIX, M, 1, 30, "contact"},
    {"contact:", PREFIX, M, 1, 30, "contact"},
    {"reporter:", PREFIX, M, 1, 10, "byline"},
    {"editor:", PREFIX, M, 1, 10, "byline"},
    {"updated:", PREFIX, M, 1, 14, "dateline"},
    {"published:", PREFIX, M, 1, 14, "dateline"},
    {"last updated", PREFIX, M, 1, 14, "dateline"},
    {"originally published", CONTAINS, M, 1, 20, "source"},
    {"originally appeared", CONTAINS, M, 1, 20, "source"},
    {"via:", PREFIX, M, 1, 8, "source"},
    {"posted on", PREFIX, M, 1, 16, "dateline"},
};

#undef B
#undef S
#undef M

/* Endings that look promotional but belong to the news. */
static const char *const legit_phrases[] = {"for more information",
                                            "for further information",
                                            "more information is available",
                                            "doi:",
                                            "doi.org",
                                            "et al",
                                            "journal of",
                                            "clinicaltrials.gov",
                                            "pubmed",
                                            ".gov",
                                            "who.int",
                                            "published in",
                                            "study was funded",
                                            "was supported by"};

int hnp_cls_any_phrase(const cls_key *k, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (hnp_cls_find_lower(k->s, k->len, list[i]) != (size_t)-1) {
            return 1;
        }
    }
    return 0;
}

static int exact_nav(const cls_key *k)
{
    if (k->len == 0 || k->len > 32) {
        return 0; /* no navigation item is longer */
    }
    for (size_t i = 0; i < sizeof nav_exact / sizeof nav_exact[0]; i++) {
        if (nav_exact[i][0] == k->s[0] && strcmp(k->s, nav_exact[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static int phrase_hit(const phrase_rule *r, const cls_key *k, unsigned size)
{
    if (r->max_words > 0 && size > r->max_words) {
        return 0;
    }
    if (r->mode != CONTAINS && (k->len == 0 || k->s[0] != r->text[0])) {
        return 0;
    }
    size_t l = strlen(r->text);
    switch (r->mode) {
    case EXACT:
        return k->len == l && memcmp(k->s, r->text, l) == 0;
    case PREFIX:
        return k->len >= l && memcmp(k->s, r->text, l) == 0;
    default:
        return hnp_cls_find_lower(k->s, k->len, r->text) != (size_t)-1;
    }
}

static void set(cls_local *out, hnp_kind kind, const char *reason, int strong)
{
    out->kind = kind;
    out->reason = reason;
    out->strong = strong;
}

static int match_phrases(const cls_key *k, const cls_feat *f, cls_local *out)
{
    unsigned size = f->words + f->cjk / 2;
    for (size_t i = 0; i < sizeof phrase_rules / sizeof phrase_rules[0]; i++) {
        const phrase_rule *r = &phrase_rules[i];
        if (phrase_hit(r, k, size)) {
            set(out, (hnp_kind)r->kind, r->reason, r->strength);
            return 1;
        }
    }
    if (exact_nav(k)) {
        set(out, HNP_KIND_BOILERPLATE, "nav", 1);
        return 1;
    }
    return 0;
}

void hnp_cls_local_rules(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                         cls_local *out)
{
    set(out, HNP_KIND_BODY, "-", 0);
    /* Only short and middling sentences can be taken for junk, so only they need it. */
    out->legit =
        f->words <= 60 &&
        hnp_cls_any_phrase(k, legit_phrases, sizeof legit_phrases / sizeof legit_phrases[0]);
    /* Fixed phrases first (a copyright line is boilerplate even with "Inc." in it), then
     * the spam shapes, which outrank a meta phrase ("Source: X Co., Ltd, http://..."). */
    cls_local hit = *out;
    int matched = match_phrases(k, f, &hit);
    if (matched && out->legit && hit.kind == HNP_KIND_SPAM) {
        return; /* "For more information, click here": body */
    }
    if (matched && hnp_kind_is_junk(hit.kind)) {
        *out = hit;
        return;
    }
    if (hnp_cls_shape_spam(s, n, k, f, out)) {
        return;
    }
    if (matched) {
        *out = hit;
        return;
    }
    if (hnp_cls_shape_meta(s, n, k, f, out)) {
        return;
    }
    hnp_cls_shape_junk(s, n, k, f, out);
}
