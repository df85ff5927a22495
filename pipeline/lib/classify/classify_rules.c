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
    size_t len;
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
    {"related articles", sizeof("related articles") - 1, PREFIX, B, 2, 8, "related"},
    {"related posts", sizeof("related posts") - 1, PREFIX, B, 2, 8, "related"},
    {"related stories", sizeof("related stories") - 1, PREFIX, B, 2, 8, "related"},
    {"related:", sizeof("related:") - 1, PREFIX, B, 1, 12, "related"},
    {"related coverage", sizeof("related coverage") - 1, PREFIX, B, 2, 8, "related"},
    {"read more:", sizeof("read more:") - 1, PREFIX, B, 1, 20, "related"},
    {"read also", sizeof("read also") - 1, PREFIX, B, 1, 20, "related"},
    {"also read", sizeof("also read") - 1, PREFIX, B, 1, 20, "related"},
    {"see also", sizeof("see also") - 1, PREFIX, B, 1, 20, "related"},
    {"you may also like", sizeof("you may also like") - 1, PREFIX, B, 2, 8, "related"},
    {"you might also like", sizeof("you might also like") - 1, PREFIX, B, 2, 8, "related"},
    {"more from ", sizeof("more from ") - 1, PREFIX, B, 1, 6, "related"},
    {"source link", sizeof("source link") - 1, PREFIX, B, 2, 4, "source-link"},
    {"appeared first on", sizeof("appeared first on") - 1, CONTAINS, B, 2, 40, "appeared-first"},
    {"leave a reply", sizeof("leave a reply") - 1, PREFIX, B, 2, 10, "comment"},
    {"leave a comment", sizeof("leave a comment") - 1, PREFIX, B, 2, 10, "comment"},
    {"your email address will not be published",
     sizeof("your email address will not be published") - 1, CONTAINS, B, 2, 30, "comment"},
    {"required fields are marked", sizeof("required fields are marked") - 1, CONTAINS, B, 2, 30,
     "comment"},
    {"comments are closed", sizeof("comments are closed") - 1, CONTAINS, B, 2, 12, "comment"},
    {"be the first to comment", sizeof("be the first to comment") - 1, CONTAINS, B, 2, 15,
     "comment"},
    {"you must be logged in", sizeof("you must be logged in") - 1, CONTAINS, B, 2, 20, "comment"},
    {"previous:", sizeof("previous:") - 1, PREFIX, B, 2, 20, "nav"},
    {"next:", sizeof("next:") - 1, PREFIX, B, 2, 20, "nav"},
    {"prev:", sizeof("prev:") - 1, PREFIX, B, 2, 20, "nav"},
    {"previous post", sizeof("previous post") - 1, PREFIX, B, 2, 20, "nav"},
    {"next post", sizeof("next post") - 1, PREFIX, B, 2, 20, "nav"},
    {"previous article", sizeof("previous article") - 1, PREFIX, B, 2, 20, "nav"},
    {"next article", sizeof("next article") - 1, PREFIX, B, 2, 20, "nav"},
    {"all rights reserved", sizeof("all rights reserved") - 1, CONTAINS, B, 2, 30, "copyright"},
    {"copyright", sizeof("copyright") - 1, PREFIX, B, 2, 30, "copyright"},
    {"\xC2\xA9", sizeof("\xC2\xA9") - 1, PREFIX, B, 2, 30, "copyright"},
    {"(c) 20", sizeof("(c) 20") - 1, PREFIX, B, 2, 30, "copyright"},
    /* Chinese CMS furniture: previous/next article, related reading, copyright,
     * disclaimer, share and scan-the-QR-code prompts */
    {"\xE4\xB8\x8A\xE4\xB8\x80\xE7\xAF\x87", sizeof("\xE4\xB8\x8A\xE4\xB8\x80\xE7\xAF\x87") - 1,
     PREFIX, B, 2, 30, "nav"},
    {"\xE4\xB8\x8B\xE4\xB8\x80\xE7\xAF\x87", sizeof("\xE4\xB8\x8B\xE4\xB8\x80\xE7\xAF\x87") - 1,
     PREFIX, B, 2, 30, "nav"},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\x87\xE7\xAB\xA0",
     sizeof("\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\x87\xE7\xAB\xA0") - 1, PREFIX, B, 2, 12, "related"},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98\x85\xE8\xAF\xBB",
     sizeof("\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98\x85\xE8\xAF\xBB") - 1, PREFIX, B, 2, 12, "related"},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\xB0\xE9\x97\xBB",
     sizeof("\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\xB0\xE9\x97\xBB") - 1, PREFIX, B, 2, 12, "related"},
    {"\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89",
     sizeof("\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89") - 1, CONTAINS, B, 2, 40,
     "copyright"},
    {"\xE5\x85\x8D\xE8\xB4\xA3\xE5\xA3\xB0\xE6\x98\x8E",
     sizeof("\xE5\x85\x8D\xE8\xB4\xA3\xE5\xA3\xB0\xE6\x98\x8E") - 1, CONTAINS, B, 1, 60,
     "disclaimer"},
    {"\xE5\x88\x86\xE4\xBA\xAB\xE5\x88\xB0", sizeof("\xE5\x88\x86\xE4\xBA\xAB\xE5\x88\xB0") - 1,
     PREFIX, B, 1, 12, "share"},
    {"\xE6\x89\xAB\xE4\xB8\x80\xE6\x89\xAB", sizeof("\xE6\x89\xAB\xE4\xB8\x80\xE6\x89\xAB") - 1,
     CONTAINS, B, 1, 20, "share"},
    {"\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A", sizeof("\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A") - 1,
     PREFIX, M, 1, 20, "source"},
    {"\xE6\x9D\xA5\xE6\xBA\x90:", sizeof("\xE6\x9D\xA5\xE6\xBA\x90:") - 1, PREFIX, M, 1, 20,
     "source"},
    {"\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91",
     sizeof("\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91") - 1, PREFIX, M, 1, 20, "byline"},
    /* CMS placeholders and scraper markers */
    {"[ad_", sizeof("[ad_") - 1, PREFIX, B, 1, 0, "ad-slot"},
    {"[/ad", sizeof("[/ad") - 1, PREFIX, B, 1, 0, "ad-slot"},
    {"[ins:", sizeof("[ins:") - 1, CONTAINS, B, 1, 6, "markup"},
    {"[del:", sizeof("[del:") - 1, PREFIX, B, 1, 6, "markup"},
    {"iframe:", sizeof("iframe:") - 1, PREFIX, B, 1, 0, "markup"},
    {"(button)", sizeof("(button)") - 1, CONTAINS, B, 1, 12, "markup"},
    {"____", sizeof("____") - 1, CONTAINS, B, 1, 12, "markup"},
    {"![](", sizeof("![](") - 1, PREFIX, B, 1, 0, "markup"},
    /* share, follow, subscribe prompts */
    {"share this", sizeof("share this") - 1, PREFIX, B, 1, 12, "share"},
    {"share on ", sizeof("share on ") - 1, PREFIX, B, 1, 12, "share"},
    {"share via", sizeof("share via") - 1, PREFIX, B, 1, 12, "share"},
    {"click to share", sizeof("click to share") - 1, PREFIX, B, 1, 12, "share"},
    {"click to email", sizeof("click to email") - 1, PREFIX, B, 1, 12, "share"},
    {"click to print", sizeof("click to print") - 1, PREFIX, B, 1, 12, "share"},
    {"(opens in new window)", sizeof("(opens in new window)") - 1, CONTAINS, B, 1, 12, "share"},
    {"comments feed", sizeof("comments feed") - 1, CONTAINS, B, 2, 12, "comment"},
    {"feed for comments", sizeof("feed for comments") - 1, CONTAINS, B, 2, 12, "comment"},
    {"follow us", sizeof("follow us") - 1, PREFIX, B, 1, 15, "share"},
    {"follow @", sizeof("follow @") - 1, PREFIX, B, 1, 15, "share"},
    {"follow ", sizeof("follow ") - 1, PREFIX, B, 1, 6, "share"},
    {"sharing options", sizeof("sharing options") - 1, CONTAINS, B, 1, 8, "share"},
    {"show more", sizeof("show more") - 1, PREFIX, B, 1, 6, "nav"},
    {"like us on", sizeof("like us on") - 1, PREFIX, B, 1, 15, "share"},
    {"join us on", sizeof("join us on") - 1, PREFIX, B, 1, 15, "share"},
    {"sign up for", sizeof("sign up for") - 1, PREFIX, B, 1, 20, "subscribe"},
    {"subscribe to", sizeof("subscribe to") - 1, PREFIX, B, 1, 20, "subscribe"},
    {"sign up to", sizeof("sign up to") - 1, PREFIX, B, 1, 20, "subscribe"},
    {"get the latest", sizeof("get the latest") - 1, PREFIX, B, 1, 20, "subscribe"},
    {"thank you for reading", sizeof("thank you for reading") - 1, PREFIX, B, 1, 20, "subscribe"},
    {"thanks for reading", sizeof("thanks for reading") - 1, PREFIX, B, 1, 20, "subscribe"},
    {"download the app", sizeof("download the app") - 1, PREFIX, B, 1, 15, "subscribe"},
    {"skip to", sizeof("skip to") - 1, PREFIX, B, 1, 6, "nav"},
    {"jump to", sizeof("jump to") - 1, PREFIX, B, 1, 6, "nav"},
    {"back to ", sizeof("back to ") - 1, PREFIX, B, 1, 5, "nav"},
    {"return to ", sizeof("return to ") - 1, PREFIX, B, 1, 5, "nav"},
    {"tags:", sizeof("tags:") - 1, PREFIX, B, 1, 0, "tags"},
    {"tagged:", sizeof("tagged:") - 1, PREFIX, B, 1, 0, "tags"},
    {"tagged with", sizeof("tagged with") - 1, PREFIX, B, 1, 0, "tags"},
    {"topics:", sizeof("topics:") - 1, PREFIX, B, 1, 0, "tags"},
    {"filed under", sizeof("filed under") - 1, PREFIX, B, 1, 30, "tags"},
    {"posted in", sizeof("posted in") - 1, PREFIX, B, 1, 15, "tags"},
    {"categories:", sizeof("categories:") - 1, PREFIX, B, 1, 0, "tags"},
    {"category:", sizeof("category:") - 1, PREFIX, B, 1, 0, "tags"},
    {"image 1 of", sizeof("image 1 of") - 1, PREFIX, B, 1, 8, "gallery"},
    {"back to gallery", sizeof("back to gallery") - 1, PREFIX, B, 1, 8, "gallery"},
    /* cookie and ad-blocker notices */
    {"we use cookies", sizeof("we use cookies") - 1, CONTAINS, B, 1, 60, "cookie"},
    {"uses cookies", sizeof("uses cookies") - 1, CONTAINS, B, 1, 60, "cookie"},
    {"use of cookies", sizeof("use of cookies") - 1, CONTAINS, B, 1, 60, "cookie"},
    {"accept cookies", sizeof("accept cookies") - 1, CONTAINS, B, 1, 60, "cookie"},
    {"cookie policy", sizeof("cookie policy") - 1, CONTAINS, B, 1, 40, "cookie"},
    {"adblocker", sizeof("adblocker") - 1, CONTAINS, B, 1, 30, "adblock"},
    {"ad blocker", sizeof("ad blocker") - 1, CONTAINS, B, 1, 30, "adblock"},
    {"ad-blocker", sizeof("ad-blocker") - 1, CONTAINS, B, 1, 30, "adblock"},
    {"adblock", sizeof("adblock") - 1, CONTAINS, B, 1, 30, "adblock"},
    {"disable your ad", sizeof("disable your ad") - 1, CONTAINS, B, 1, 30, "adblock"},
    {"enable javascript", sizeof("enable javascript") - 1, CONTAINS, B, 1, 30, "markup"},
    {"javascript is disabled", sizeof("javascript is disabled") - 1, CONTAINS, B, 1, 30, "markup"},
    {"your browser does not support", sizeof("your browser does not support") - 1, CONTAINS, B, 1,
     30, "markup"},
    /* corrections and CMS disclaimers */
    {"send a correction", sizeof("send a correction") - 1, CONTAINS, B, 1, 40, "disclaimer"},
    {"report an error", sizeof("report an error") - 1, CONTAINS, B, 1, 20, "disclaimer"},
    {"represents the author's personal views", sizeof("represents the author's personal views") - 1,
     CONTAINS, B, 2, 80, "disclaimer"},
    {"only represents the author", sizeof("only represents the author") - 1, CONTAINS, B, 2, 80,
     "disclaimer"},
    {"does not represent the views", sizeof("does not represent the views") - 1, CONTAINS, B, 1, 80,
     "disclaimer"},
    {"for reference only", sizeof("for reference only") - 1, CONTAINS, B, 1, 40, "disclaimer"},
    {"only for reference", sizeof("only for reference") - 1, CONTAINS, B, 1, 40, "disclaimer"},
    {"reproduced without permission", sizeof("reproduced without permission") - 1, CONTAINS, B, 1,
     40, "disclaimer"},
    {"without permission is prohibited", sizeof("without permission is prohibited") - 1, CONTAINS,
     B, 1, 40, "disclaimer"},
    {"infringe", sizeof("infringe") - 1, CONTAINS, B, 1, 40, "disclaimer"},
    {"intellectual property rights", sizeof("intellectual property rights") - 1, CONTAINS, B, 1, 40,
     "disclaimer"},
    {"disclaimer:", sizeof("disclaimer:") - 1, PREFIX, B, 1, 0, "disclaimer"},
    {"for informational purposes only", sizeof("for informational purposes only") - 1, CONTAINS, B,
     1, 50, "disclaimer"},
    {"not a substitute for professional medical advice",
     sizeof("not a substitute for professional medical advice") - 1, CONTAINS, B, 1, 50,
     "disclaimer"},
    {"views expressed in this", sizeof("views expressed in this") - 1, CONTAINS, B, 1, 50,
     "disclaimer"},
    /* advertising: contact lines and calls to action (CJK: hotline, consult, free) */
    {"\xE7\x83\xAD\xE7\xBA\xBF", sizeof("\xE7\x83\xAD\xE7\xBA\xBF") - 1, CONTAINS, S, 1, 20,
     "contact"},
    {"\xE7\x86\xB1\xE7\xB7\x9A", sizeof("\xE7\x86\xB1\xE7\xB7\x9A") - 1, CONTAINS, S, 1, 20,
     "contact"},
    {"\xE5\x92\xA8\xE8\xAF\xA2", sizeof("\xE5\x92\xA8\xE8\xAF\xA2") - 1, CONTAINS, S, 1, 20,
     "contact"},
    {"\xE5\x92\xA8\xE8\xA9\xA2", sizeof("\xE5\x92\xA8\xE8\xA9\xA2") - 1, CONTAINS, S, 1, 20,
     "contact"},
    {"whatsapp:", sizeof("whatsapp:") - 1, CONTAINS, S, 1, 25, "contact"},
    {"wechat:", sizeof("wechat:") - 1, CONTAINS, S, 1, 25, "contact"},
    {"call now", sizeof("call now") - 1, CONTAINS, S, 1, 25, "cta"},
    {"order now", sizeof("order now") - 1, CONTAINS, S, 1, 25, "cta"},
    {"buy now", sizeof("buy now") - 1, CONTAINS, S, 1, 25, "cta"},
    {"shop now", sizeof("shop now") - 1, CONTAINS, S, 1, 25, "cta"},
    /* online-pharmacy spam: "Buy cheap X online now!" */
    {"buy cheap", sizeof("buy cheap") - 1, CONTAINS, S, 1, 25, "cta"},
    {"buy online", sizeof("buy online") - 1, CONTAINS, S, 1, 25, "cta"},
    {"order online", sizeof("order online") - 1, CONTAINS, S, 1, 25, "cta"},
    {"online now", sizeof("online now") - 1, CONTAINS, S, 1, 25, "cta"},
    {"free shipping", sizeof("free shipping") - 1, CONTAINS, S, 1, 25, "price"},
    {"welcome to inquire", sizeof("welcome to inquire") - 1, CONTAINS, S, 1, 30, "cta"},
    {"welcome to contact", sizeof("welcome to contact") - 1, CONTAINS, S, 1, 30, "cta"},
    {"welcome to visit our", sizeof("welcome to visit our") - 1, CONTAINS, S, 1, 30, "cta"},
    {"feel free to contact us", sizeof("feel free to contact us") - 1, CONTAINS, S, 1, 30, "cta"},
    {"please contact us", sizeof("please contact us") - 1, CONTAINS, S, 1, 30, "cta"},
    {"contact us for", sizeof("contact us for") - 1, CONTAINS, S, 1, 30, "cta"},
    {"get a quote", sizeof("get a quote") - 1, CONTAINS, S, 1, 20, "cta"},
    {"get a free quote", sizeof("get a free quote") - 1, CONTAINS, S, 1, 20, "cta"},
    {"request a quote", sizeof("request a quote") - 1, CONTAINS, S, 1, 20, "cta"},
    {"send inquiry", sizeof("send inquiry") - 1, CONTAINS, S, 1, 20, "cta"},
    {"send us an inquiry", sizeof("send us an inquiry") - 1, CONTAINS, S, 1, 30, "cta"},
    {"inquire now", sizeof("inquire now") - 1, CONTAINS, S, 1, 20, "cta"},
    {"free sample", sizeof("free sample") - 1, CONTAINS, S, 1, 25, "cta"},
    {"hot sale", sizeof("hot sale") - 1, CONTAINS, S, 1, 25, "cta"},
    {"factory direct", sizeof("factory direct") - 1, CONTAINS, S, 1, 25, "cta"},
    {"email us", sizeof("email us") - 1, CONTAINS, S, 1, 20, "cta"},
    {"e-mail us", sizeof("e-mail us") - 1, CONTAINS, S, 1, 20, "cta"},
    {"go to ", sizeof("go to ") - 1, PREFIX, S, 1, 6, "cta"},
    /* a supplier describing itself */
    {"our company is a", sizeof("our company is a") - 1, CONTAINS, S, 1, 40, "promo"},
    {"professional manufacturer", sizeof("professional manufacturer") - 1, CONTAINS, S, 1, 40,
     "promo"},
    {"leading manufacturer", sizeof("leading manufacturer") - 1, CONTAINS, S, 1, 40, "promo"},
    {"manufacturer and exporter", sizeof("manufacturer and exporter") - 1, CONTAINS, S, 1, 40,
     "promo"},
    {"manufacturer and supplier", sizeof("manufacturer and supplier") - 1, CONTAINS, S, 1, 40,
     "promo"},
    {"we are a professional", sizeof("we are a professional") - 1, CONTAINS, S, 1, 40, "promo"},
    {"interested in our products", sizeof("interested in our products") - 1, CONTAINS, S, 1, 40,
     "promo"},
    {"our products are", sizeof("our products are") - 1, CONTAINS, S, 1, 40, "promo"},
    {"our factory", sizeof("our factory") - 1, CONTAINS, S, 1, 40, "promo"},
    {"visit our", sizeof("visit our") - 1, PREFIX, S, 1, 12, "cta"},
    {"click here", sizeof("click here") - 1, PREFIX, S, 1, 20, "cta"},
    {"check out our", sizeof("check out our") - 1, PREFIX, S, 1, 20, "cta"},
    /* meta: sources, credits, bylines, datelines */
    {"source:", sizeof("source:") - 1, PREFIX, M, 1, 12, "source"},
    {"sources:", sizeof("sources:") - 1, PREFIX, M, 1, 12, "source"},
    {"source :", sizeof("source :") - 1, PREFIX, M, 1, 12, "source"},
    {"photo:", sizeof("photo:") - 1, PREFIX, M, 1, 15, "credit"},
    {"photos:", sizeof("photos:") - 1, PREFIX, M, 1, 15, "credit"},
    {"photo by", sizeof("photo by") - 1, PREFIX, M, 1, 15, "credit"},
    {"photo credit", sizeof("photo credit") - 1, PREFIX, M, 1, 15, "credit"},
    {"image:", sizeof("image:") - 1, PREFIX, M, 1, 15, "credit"},
    {"image/", sizeof("image/") - 1, PREFIX, M, 1, 15, "credit"},
    {"images:", sizeof("images:") - 1, PREFIX, M, 1, 15, "credit"},
    {"image credit", sizeof("image credit") - 1, PREFIX, M, 1, 15, "credit"},
    {"image by", sizeof("image by") - 1, PREFIX, M, 1, 15, "credit"},
    {"credit:", sizeof("credit:") - 1, PREFIX, M, 1, 15, "credit"},
    {"credits:", sizeof("credits:") - 1, PREFIX, M, 1, 15, "credit"},
    {"picture:", sizeof("picture:") - 1, PREFIX, M, 1, 15, "credit"},
    {"illustration:", sizeof("illustration:") - 1, PREFIX, M, 1, 15, "credit"},
    {"(photo", sizeof("(photo") - 1, PREFIX, M, 1, 15, "credit"},
    {"file photo", sizeof("file photo") - 1, PREFIX, M, 1, 15, "credit"},
    {"getty images", sizeof("getty images") - 1, CONTAINS, M, 1, 12, "credit"},
    {"written by", sizeof("written by") - 1, PREFIX, M, 1, 10, "byline"},
    {"edited by", sizeof("edited by") - 1, PREFIX, M, 1, 10, "byline"},
    {"posted by", sizeof("posted by") - 1, PREFIX, M, 1, 16, "byline"},
    {"published by", sizeof("published by") - 1, PREFIX, M, 1, 10, "byline"},
    {"reviewed by", sizeof("reviewed by") - 1, PREFIX, M, 1, 12, "byline"},
    {"medically reviewed", sizeof("medically reviewed") - 1, PREFIX, M, 1, 12, "byline"},
    {"fact checked by", sizeof("fact checked by") - 1, PREFIX, M, 1, 12, "byline"},
    {"author:", sizeof("author:") - 1, PREFIX, M, 1, 10, "byline"},
    {"media contact", sizeof("media contact") - 1, PREFIX, M, 1, 30, "contact"},
    {"press contact", sizeof("press contact") - 1, PREFIX, M, 1, 30, "contact"},
    {"contact:", sizeof("contact:") - 1, PREFIX, M, 1, 30, "contact"},
    {"reporter:", sizeof("reporter:") - 1, PREFIX, M, 1, 10, "byline"},
    {"editor:", sizeof("editor:") - 1, PREFIX, M, 1, 10, "byline"},
    {"updated:", sizeof("updated:") - 1, PREFIX, M, 1, 14, "dateline"},
    {"published:", sizeof("published:") - 1, PREFIX, M, 1, 14, "dateline"},
    {"last updated", sizeof("last updated") - 1, PREFIX, M, 1, 14, "dateline"},
    {"originally published", sizeof("originally published") - 1, CONTAINS, M, 1, 20, "source"},
    {"originally appeared", sizeof("originally appeared") - 1, CONTAINS, M, 1, 20, "source"},
    {"via:", sizeof("via:") - 1, PREFIX, M, 1, 8, "source"},
    {"posted on", sizeof("posted on") - 1, PREFIX, M, 1, 16, "dateline"},
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
        if (hnp_cls_key_has(k, list[i])) {
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
    size_t l = r->len;
    switch (r->mode) {
    case EXACT:
        return k->len == l && memcmp(k->s, r->text, l) == 0;
    case PREFIX:
        return k->len >= l && memcmp(k->s, r->text, l) == 0;
    default:
        return hnp_cls_key_has(k, r->text);
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
