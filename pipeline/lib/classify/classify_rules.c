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
    unsigned char reason;    /* cls_reason */
} phrase_rule;

#define B HNP_KIND_BOILERPLATE
#define S HNP_KIND_SPAM
#define M HNP_KIND_META
/* A comment thread's opener: at the start of a sentence of at most 8 words ("post a
 * comment" inside a sentence of the article is no form), a page-structure marker. */
#define THREAD(t)                                                                                  \
    {                                                                                              \
        t, sizeof(t) - 1, PREFIX, B, 2, 8, CLS_R_COMMENT                                           \
    }

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
    /* press-release boilerplate, inline widgets (ad markers, newsletters, tweet-this,
     * affiliate disclosures, polls, media players), related teasers in other languages */
    {"forward-looking statements", sizeof("forward-looking statements") - 1, CONTAINS, B, 1, 0,
     CLS_R_PRESS},
    {"forward looking statements", sizeof("forward looking statements") - 1, CONTAINS, B, 1, 0,
     CLS_R_PRESS},
    {"safe harbor statement", sizeof("safe harbor statement") - 1, CONTAINS, B, 1, 0, CLS_R_PRESS},
    {"safe harbour statement", sizeof("safe harbour statement") - 1, CONTAINS, B, 1, 0,
     CLS_R_PRESS},
    {"undue reliance on", sizeof("undue reliance on") - 1, CONTAINS, B, 1, 0, CLS_R_PRESS},
    {"undertakes no obligation", sizeof("undertakes no obligation") - 1, CONTAINS, B, 1, 0,
     CLS_R_PRESS},
    {"follow us on", sizeof("follow us on") - 1, CONTAINS, B, 1, 20, CLS_R_SHARE},
    {"follow us at", sizeof("follow us at") - 1, CONTAINS, B, 1, 20, CLS_R_SHARE},
    {"connect with us on", sizeof("connect with us on") - 1, CONTAINS, B, 1, 20, CLS_R_SHARE},
    {"(reporting by", sizeof("(reporting by") - 1, PREFIX, M, 1, 40, CLS_R_BYLINE},
    {"reporting by", sizeof("reporting by") - 1, PREFIX, M, 1, 25, CLS_R_BYLINE},
    {"additional reporting by", sizeof("additional reporting by") - 1, PREFIX, M, 1, 25,
     CLS_R_BYLINE},
    {"investor contact", sizeof("investor contact") - 1, PREFIX, M, 1, 30, CLS_R_CONTACT},
    {"media inquiries", sizeof("media inquiries") - 1, PREFIX, M, 1, 30, CLS_R_CONTACT},
    {"press inquiries", sizeof("press inquiries") - 1, PREFIX, M, 1, 30, CLS_R_CONTACT},
    {"continue reading", sizeof("continue reading") - 1, PREFIX, B, 1, 12, CLS_R_AD_SLOT},
    {"story continues below", sizeof("story continues below") - 1, PREFIX, B, 1, 8, CLS_R_AD_SLOT},
    {"article continues below", sizeof("article continues below") - 1, PREFIX, B, 1, 8,
     CLS_R_AD_SLOT},
    {"advertisement", sizeof("advertisement") - 1, PREFIX, B, 1, 4, CLS_R_AD_SLOT},
    {"scroll to continue", sizeof("scroll to continue") - 1, PREFIX, B, 1, 10, CLS_R_AD_SLOT},
    {"sign up for our", sizeof("sign up for our") - 1, CONTAINS, B, 1, 30, CLS_R_SUBSCRIBE},
    {"subscribe to our", sizeof("subscribe to our") - 1, CONTAINS, B, 1, 30, CLS_R_SUBSCRIBE},
    {"our newsletter", sizeof("our newsletter") - 1, CONTAINS, B, 1, 25, CLS_R_SUBSCRIBE},
    {"enter your email", sizeof("enter your email") - 1, CONTAINS, B, 1, 25, CLS_R_SUBSCRIBE},
    {"enter your e-mail", sizeof("enter your e-mail") - 1, CONTAINS, B, 1, 25, CLS_R_SUBSCRIBE},
    {"thank you for signing up", sizeof("thank you for signing up") - 1, CONTAINS, B, 1, 25,
     CLS_R_SUBSCRIBE},
    {"thanks for signing up", sizeof("thanks for signing up") - 1, CONTAINS, B, 1, 25,
     CLS_R_SUBSCRIBE},
    {"you have successfully subscribed", sizeof("you have successfully subscribed") - 1, CONTAINS,
     B, 1, 25, CLS_R_SUBSCRIBE},
    {"you can unsubscribe at any time", sizeof("you can unsubscribe at any time") - 1, CONTAINS, B,
     1, 30, CLS_R_SUBSCRIBE},
    {"delivered to your inbox", sizeof("delivered to your inbox") - 1, CONTAINS, B, 1, 30,
     CLS_R_SUBSCRIBE},
    {"straight to your inbox", sizeof("straight to your inbox") - 1, CONTAINS, B, 1, 30,
     CLS_R_SUBSCRIBE},
    {"please enter a valid email", sizeof("please enter a valid email") - 1, CONTAINS, B, 1, 20,
     CLS_R_SUBSCRIBE},
    {"invalid email", sizeof("invalid email") - 1, CONTAINS, B, 1, 20, CLS_R_SUBSCRIBE},
    {"click to tweet", sizeof("click to tweet") - 1, CONTAINS, B, 1, 40, CLS_R_SHARE},
    {"tweet this", sizeof("tweet this") - 1, CONTAINS, B, 1, 40, CLS_R_SHARE},
    {"we may earn a commission", sizeof("we may earn a commission") - 1, CONTAINS, B, 1, 60,
     CLS_R_AFFILIATE},
    {"may earn a small commission", sizeof("may earn a small commission") - 1, CONTAINS, B, 1, 60,
     CLS_R_AFFILIATE},
    {"we may receive a commission", sizeof("we may receive a commission") - 1, CONTAINS, B, 1, 60,
     CLS_R_AFFILIATE},
    {"affiliate link", sizeof("affiliate link") - 1, CONTAINS, B, 1, 60, CLS_R_AFFILIATE},
    {"affiliate commission", sizeof("affiliate commission") - 1, CONTAINS, B, 1, 60,
     CLS_R_AFFILIATE},
    {"as an amazon associate", sizeof("as an amazon associate") - 1, CONTAINS, B, 1, 60,
     CLS_R_AFFILIATE},
    {"vote now", sizeof("vote now") - 1, CONTAINS, B, 1, 12, CLS_R_POLL},
    {"cast your vote", sizeof("cast your vote") - 1, CONTAINS, B, 1, 15, CLS_R_POLL},
    {"take our poll", sizeof("take our poll") - 1, CONTAINS, B, 1, 15, CLS_R_POLL},
    {"view results", sizeof("view results") - 1, PREFIX, B, 1, 6, CLS_R_POLL},
    {"leia tamb\xC3\xA9m", sizeof("leia tamb\xC3\xA9m") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"veja tamb\xC3\xA9m", sizeof("veja tamb\xC3\xA9m") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"leia mais", sizeof("leia mais") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"saiba mais", sizeof("saiba mais") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"lire aussi", sizeof("lire aussi") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"\xC3\xA0 lire aussi", sizeof("\xC3\xA0 lire aussi") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"voir aussi", sizeof("voir aussi") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"lea tambi\xC3\xA9n", sizeof("lea tambi\xC3\xA9n") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"lee tambi\xC3\xA9n", sizeof("lee tambi\xC3\xA9n") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"ver tambi\xC3\xA9n", sizeof("ver tambi\xC3\xA9n") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"te puede interesar", sizeof("te puede interesar") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"lesen sie auch", sizeof("lesen sie auch") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"mehr zum thema", sizeof("mehr zum thema") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"leggi anche", sizeof("leggi anche") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"related reading", sizeof("related reading") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"recommended reading", sizeof("recommended reading") - 1, PREFIX, B, 1, 25, CLS_R_RELATED},
    {"explore further", sizeof("explore further") - 1, PREFIX, B, 1, 6, CLS_R_RELATED},
    {"your browser does not support the video",
     sizeof("your browser does not support the video") - 1, CONTAINS, B, 1, 40, CLS_R_PLAYER},
    {"now playing", sizeof("now playing") - 1, PREFIX, B, 1, 12, CLS_R_PLAYER},
    {"play video", sizeof("play video") - 1, PREFIX, B, 1, 8, CLS_R_PLAYER},
    {"watch video", sizeof("watch video") - 1, PREFIX, B, 1, 8, CLS_R_PLAYER},
    {"video player", sizeof("video player") - 1, CONTAINS, B, 1, 12, CLS_R_PLAYER},
    {"autoplay", sizeof("autoplay") - 1, CONTAINS, B, 1, 12, CLS_R_PLAYER},
    {"replay video", sizeof("replay video") - 1, CONTAINS, B, 1, 12, CLS_R_PLAYER},
    {"mute video", sizeof("mute video") - 1, CONTAINS, B, 1, 12, CLS_R_PLAYER},
    /* page-structure markers: the article is over (inline "Related: X" links are not) */
    {"related articles", sizeof("related articles") - 1, PREFIX, B, 2, 8, CLS_R_RELATED},
    {"related posts", sizeof("related posts") - 1, PREFIX, B, 2, 8, CLS_R_RELATED},
    {"related stories", sizeof("related stories") - 1, PREFIX, B, 2, 8, CLS_R_RELATED},
    {"related:", sizeof("related:") - 1, PREFIX, B, 1, 12, CLS_R_RELATED},
    {"related coverage", sizeof("related coverage") - 1, PREFIX, B, 2, 8, CLS_R_RELATED},
    {"read more:", sizeof("read more:") - 1, PREFIX, B, 1, 20, CLS_R_RELATED},
    {"read also", sizeof("read also") - 1, PREFIX, B, 1, 20, CLS_R_RELATED},
    {"also read", sizeof("also read") - 1, PREFIX, B, 1, 20, CLS_R_RELATED},
    {"see also", sizeof("see also") - 1, PREFIX, B, 1, 20, CLS_R_RELATED},
    {"you may also like", sizeof("you may also like") - 1, PREFIX, B, 2, 8, CLS_R_RELATED},
    {"you might also like", sizeof("you might also like") - 1, PREFIX, B, 2, 8, CLS_R_RELATED},
    {"more from ", sizeof("more from ") - 1, PREFIX, B, 1, 6, CLS_R_RELATED},
    {"source link", sizeof("source link") - 1, PREFIX, B, 2, 4, CLS_R_SOURCE_LINK},
    {"appeared first on", sizeof("appeared first on") - 1, CONTAINS, B, 2, 40,
     CLS_R_APPEARED_FIRST},
    {"leave a reply", sizeof("leave a reply") - 1, PREFIX, B, 2, 10, CLS_R_COMMENT},
    {"leave a comment", sizeof("leave a comment") - 1, PREFIX, B, 2, 10, CLS_R_COMMENT},
    {"your email address will not be published",
     sizeof("your email address will not be published") - 1, CONTAINS, B, 2, 30, CLS_R_COMMENT},
    {"required fields are marked", sizeof("required fields are marked") - 1, CONTAINS, B, 2, 30,
     CLS_R_COMMENT},
    {"comments are closed", sizeof("comments are closed") - 1, CONTAINS, B, 2, 12, CLS_R_COMMENT},
    {"be the first to comment", sizeof("be the first to comment") - 1, CONTAINS, B, 2, 15,
     CLS_R_COMMENT},
    {"you must be logged in", sizeof("you must be logged in") - 1, CONTAINS, B, 2, 20,
     CLS_R_COMMENT},
    {"previous:", sizeof("previous:") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"next:", sizeof("next:") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"prev:", sizeof("prev:") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"previous post", sizeof("previous post") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"next post", sizeof("next post") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"previous article", sizeof("previous article") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"next article", sizeof("next article") - 1, PREFIX, B, 2, 20, CLS_R_NAV},
    {"all rights reserved", sizeof("all rights reserved") - 1, CONTAINS, B, 2, 30, CLS_R_COPYRIGHT},
    {"copyright", sizeof("copyright") - 1, PREFIX, B, 2, 30, CLS_R_COPYRIGHT},
    {"\xC2\xA9", sizeof("\xC2\xA9") - 1, PREFIX, B, 2, 30, CLS_R_COPYRIGHT},
    {"(c) 20", sizeof("(c) 20") - 1, PREFIX, B, 2, 30, CLS_R_COPYRIGHT},
    /* Chinese CMS furniture: previous/next article, related reading, copyright,
     * disclaimer, share and scan-the-QR-code prompts */
    {"\xE4\xB8\x8A\xE4\xB8\x80\xE7\xAF\x87", sizeof("\xE4\xB8\x8A\xE4\xB8\x80\xE7\xAF\x87") - 1,
     PREFIX, B, 2, 30, CLS_R_NAV},
    {"\xE4\xB8\x8B\xE4\xB8\x80\xE7\xAF\x87", sizeof("\xE4\xB8\x8B\xE4\xB8\x80\xE7\xAF\x87") - 1,
     PREFIX, B, 2, 30, CLS_R_NAV},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\x87\xE7\xAB\xA0",
     sizeof("\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\x87\xE7\xAB\xA0") - 1, PREFIX, B, 2, 12,
     CLS_R_RELATED},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98\x85\xE8\xAF\xBB",
     sizeof("\xE7\x9B\xB8\xE5\x85\xB3\xE9\x98\x85\xE8\xAF\xBB") - 1, PREFIX, B, 2, 12,
     CLS_R_RELATED},
    {"\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\xB0\xE9\x97\xBB",
     sizeof("\xE7\x9B\xB8\xE5\x85\xB3\xE6\x96\xB0\xE9\x97\xBB") - 1, PREFIX, B, 2, 12,
     CLS_R_RELATED},
    {"\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89",
     sizeof("\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89") - 1, CONTAINS, B, 2, 40,
     CLS_R_COPYRIGHT},
    {"\xE5\x85\x8D\xE8\xB4\xA3\xE5\xA3\xB0\xE6\x98\x8E",
     sizeof("\xE5\x85\x8D\xE8\xB4\xA3\xE5\xA3\xB0\xE6\x98\x8E") - 1, CONTAINS, B, 1, 60,
     CLS_R_DISCLAIMER},
    {"\xE5\x88\x86\xE4\xBA\xAB\xE5\x88\xB0", sizeof("\xE5\x88\x86\xE4\xBA\xAB\xE5\x88\xB0") - 1,
     PREFIX, B, 1, 12, CLS_R_SHARE},
    {"\xE6\x89\xAB\xE4\xB8\x80\xE6\x89\xAB", sizeof("\xE6\x89\xAB\xE4\xB8\x80\xE6\x89\xAB") - 1,
     CONTAINS, B, 1, 20, CLS_R_SHARE},
    {"\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A", sizeof("\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A") - 1,
     PREFIX, M, 1, 20, CLS_R_SOURCE},
    {"\xE6\x9D\xA5\xE6\xBA\x90:", sizeof("\xE6\x9D\xA5\xE6\xBA\x90:") - 1, PREFIX, M, 1, 20,
     CLS_R_SOURCE},
    {"\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91",
     sizeof("\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91") - 1, PREFIX, M, 1, 20,
     CLS_R_BYLINE},
    /* CMS placeholders and scraper markers */
    {"[ad_", sizeof("[ad_") - 1, PREFIX, B, 1, 0, CLS_R_AD_SLOT},
    {"[/ad", sizeof("[/ad") - 1, PREFIX, B, 1, 0, CLS_R_AD_SLOT},
    {"[ins:", sizeof("[ins:") - 1, CONTAINS, B, 1, 6, CLS_R_MARKUP},
    {"[del:", sizeof("[del:") - 1, PREFIX, B, 1, 6, CLS_R_MARKUP},
    {"iframe:", sizeof("iframe:") - 1, PREFIX, B, 1, 0, CLS_R_MARKUP},
    {"(button)", sizeof("(button)") - 1, CONTAINS, B, 1, 12, CLS_R_MARKUP},
    {"____", sizeof("____") - 1, CONTAINS, B, 1, 12, CLS_R_MARKUP},
    {"![](", sizeof("![](") - 1, PREFIX, B, 1, 0, CLS_R_MARKUP},
    /* share, follow, subscribe prompts */
    {"share this", sizeof("share this") - 1, PREFIX, B, 1, 12, CLS_R_SHARE},
    {"share on ", sizeof("share on ") - 1, PREFIX, B, 1, 12, CLS_R_SHARE},
    {"share via", sizeof("share via") - 1, PREFIX, B, 1, 12, CLS_R_SHARE},
    {"click to share", sizeof("click to share") - 1, PREFIX, B, 1, 12, CLS_R_SHARE},
    {"click to email", sizeof("click to email") - 1, PREFIX, B, 1, 12, CLS_R_SHARE},
    {"click to print", sizeof("click to print") - 1, PREFIX, B, 1, 12, CLS_R_SHARE},
    {"(opens in new window)", sizeof("(opens in new window)") - 1, CONTAINS, B, 1, 12, CLS_R_SHARE},
    {"comments feed", sizeof("comments feed") - 1, CONTAINS, B, 2, 12, CLS_R_COMMENT},
    {"feed for comments", sizeof("feed for comments") - 1, CONTAINS, B, 2, 12, CLS_R_COMMENT},
    {"follow us", sizeof("follow us") - 1, PREFIX, B, 1, 15, CLS_R_SHARE},
    {"follow @", sizeof("follow @") - 1, PREFIX, B, 1, 15, CLS_R_SHARE},
    {"follow ", sizeof("follow ") - 1, PREFIX, B, 1, 6, CLS_R_SHARE},
    {"sharing options", sizeof("sharing options") - 1, CONTAINS, B, 1, 8, CLS_R_SHARE},
    {"show more", sizeof("show more") - 1, PREFIX, B, 1, 6, CLS_R_NAV},
    {"like us on", sizeof("like us on") - 1, PREFIX, B, 1, 15, CLS_R_SHARE},
    {"join us on", sizeof("join us on") - 1, PREFIX, B, 1, 15, CLS_R_SHARE},
    {"sign up for", sizeof("sign up for") - 1, PREFIX, B, 1, 20, CLS_R_SUBSCRIBE},
    {"subscribe to", sizeof("subscribe to") - 1, PREFIX, B, 1, 20, CLS_R_SUBSCRIBE},
    {"sign up to", sizeof("sign up to") - 1, PREFIX, B, 1, 20, CLS_R_SUBSCRIBE},
    {"get the latest", sizeof("get the latest") - 1, PREFIX, B, 1, 20, CLS_R_SUBSCRIBE},
    {"thank you for reading", sizeof("thank you for reading") - 1, PREFIX, B, 1, 20,
     CLS_R_SUBSCRIBE},
    {"thanks for reading", sizeof("thanks for reading") - 1, PREFIX, B, 1, 20, CLS_R_SUBSCRIBE},
    {"download the app", sizeof("download the app") - 1, PREFIX, B, 1, 15, CLS_R_SUBSCRIBE},
    {"skip to", sizeof("skip to") - 1, PREFIX, B, 1, 6, CLS_R_NAV},
    {"jump to", sizeof("jump to") - 1, PREFIX, B, 1, 6, CLS_R_NAV},
    {"back to ", sizeof("back to ") - 1, PREFIX, B, 1, 5, CLS_R_NAV},
    {"return to ", sizeof("return to ") - 1, PREFIX, B, 1, 5, CLS_R_NAV},
    {"tags:", sizeof("tags:") - 1, PREFIX, B, 1, 0, CLS_R_TAGS},
    {"tagged:", sizeof("tagged:") - 1, PREFIX, B, 1, 0, CLS_R_TAGS},
    {"tagged with", sizeof("tagged with") - 1, PREFIX, B, 1, 0, CLS_R_TAGS},
    {"topics:", sizeof("topics:") - 1, PREFIX, B, 1, 0, CLS_R_TAGS},
    {"filed under", sizeof("filed under") - 1, PREFIX, B, 1, 30, CLS_R_TAGS},
    {"posted in", sizeof("posted in") - 1, PREFIX, B, 1, 15, CLS_R_TAGS},
    {"categories:", sizeof("categories:") - 1, PREFIX, B, 1, 0, CLS_R_TAGS},
    {"category:", sizeof("category:") - 1, PREFIX, B, 1, 0, CLS_R_TAGS},
    {"image 1 of", sizeof("image 1 of") - 1, PREFIX, B, 1, 8, CLS_R_GALLERY},
    {"back to gallery", sizeof("back to gallery") - 1, PREFIX, B, 1, 8, CLS_R_GALLERY},
    /* cookie and ad-blocker notices */
    {"we use cookies", sizeof("we use cookies") - 1, CONTAINS, B, 1, 60, CLS_R_COOKIE},
    {"uses cookies", sizeof("uses cookies") - 1, CONTAINS, B, 1, 60, CLS_R_COOKIE},
    {"use of cookies", sizeof("use of cookies") - 1, CONTAINS, B, 1, 60, CLS_R_COOKIE},
    {"accept cookies", sizeof("accept cookies") - 1, CONTAINS, B, 1, 60, CLS_R_COOKIE},
    {"cookie policy", sizeof("cookie policy") - 1, CONTAINS, B, 1, 40, CLS_R_COOKIE},
    {"adblocker", sizeof("adblocker") - 1, CONTAINS, B, 1, 30, CLS_R_ADBLOCK},
    {"ad blocker", sizeof("ad blocker") - 1, CONTAINS, B, 1, 30, CLS_R_ADBLOCK},
    {"ad-blocker", sizeof("ad-blocker") - 1, CONTAINS, B, 1, 30, CLS_R_ADBLOCK},
    {"adblock", sizeof("adblock") - 1, CONTAINS, B, 1, 30, CLS_R_ADBLOCK},
    {"disable your ad", sizeof("disable your ad") - 1, CONTAINS, B, 1, 30, CLS_R_ADBLOCK},
    {"enable javascript", sizeof("enable javascript") - 1, CONTAINS, B, 1, 30, CLS_R_MARKUP},
    {"javascript is disabled", sizeof("javascript is disabled") - 1, CONTAINS, B, 1, 30,
     CLS_R_MARKUP},
    {"your browser does not support", sizeof("your browser does not support") - 1, CONTAINS, B, 1,
     30, CLS_R_MARKUP},
    /* corrections and CMS disclaimers */
    {"send a correction", sizeof("send a correction") - 1, CONTAINS, B, 1, 40, CLS_R_DISCLAIMER},
    {"report an error", sizeof("report an error") - 1, CONTAINS, B, 1, 20, CLS_R_DISCLAIMER},
    {"represents the author's personal views", sizeof("represents the author's personal views") - 1,
     CONTAINS, B, 2, 80, CLS_R_DISCLAIMER},
    {"only represents the author", sizeof("only represents the author") - 1, CONTAINS, B, 2, 80,
     CLS_R_DISCLAIMER},
    {"does not represent the views", sizeof("does not represent the views") - 1, CONTAINS, B, 1, 80,
     CLS_R_DISCLAIMER},
    {"for reference only", sizeof("for reference only") - 1, CONTAINS, B, 1, 40, CLS_R_DISCLAIMER},
    {"only for reference", sizeof("only for reference") - 1, CONTAINS, B, 1, 40, CLS_R_DISCLAIMER},
    {"reproduced without permission", sizeof("reproduced without permission") - 1, CONTAINS, B, 1,
     40, CLS_R_DISCLAIMER},
    {"without permission is prohibited", sizeof("without permission is prohibited") - 1, CONTAINS,
     B, 1, 40, CLS_R_DISCLAIMER},
    {"infringe", sizeof("infringe") - 1, CONTAINS, B, 1, 40, CLS_R_DISCLAIMER},
    {"intellectual property rights", sizeof("intellectual property rights") - 1, CONTAINS, B, 1, 40,
     CLS_R_DISCLAIMER},
    {"disclaimer:", sizeof("disclaimer:") - 1, PREFIX, B, 1, 0, CLS_R_DISCLAIMER},
    {"for informational purposes only", sizeof("for informational purposes only") - 1, CONTAINS, B,
     1, 50, CLS_R_DISCLAIMER},
    {"not a substitute for professional medical advice",
     sizeof("not a substitute for professional medical advice") - 1, CONTAINS, B, 1, 50,
     CLS_R_DISCLAIMER},
    {"views expressed in this", sizeof("views expressed in this") - 1, CONTAINS, B, 1, 50,
     CLS_R_DISCLAIMER},
    /* advertising: contact lines and calls to action (CJK: hotline, consult, free) */
    {"\xE7\x83\xAD\xE7\xBA\xBF", sizeof("\xE7\x83\xAD\xE7\xBA\xBF") - 1, CONTAINS, S, 1, 20,
     CLS_R_CONTACT},
    {"\xE7\x86\xB1\xE7\xB7\x9A", sizeof("\xE7\x86\xB1\xE7\xB7\x9A") - 1, CONTAINS, S, 1, 20,
     CLS_R_CONTACT},
    {"\xE5\x92\xA8\xE8\xAF\xA2", sizeof("\xE5\x92\xA8\xE8\xAF\xA2") - 1, CONTAINS, S, 1, 20,
     CLS_R_CONTACT},
    {"\xE5\x92\xA8\xE8\xA9\xA2", sizeof("\xE5\x92\xA8\xE8\xA9\xA2") - 1, CONTAINS, S, 1, 20,
     CLS_R_CONTACT},
    {"whatsapp:", sizeof("whatsapp:") - 1, CONTAINS, S, 1, 25, CLS_R_CONTACT},
    {"wechat:", sizeof("wechat:") - 1, CONTAINS, S, 1, 25, CLS_R_CONTACT},
    {"call now", sizeof("call now") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"order now", sizeof("order now") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"buy now", sizeof("buy now") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"shop now", sizeof("shop now") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    /* online-pharmacy spam: "Buy cheap X online now!" */
    {"buy cheap", sizeof("buy cheap") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"buy online", sizeof("buy online") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"order online", sizeof("order online") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"online now", sizeof("online now") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"free shipping", sizeof("free shipping") - 1, CONTAINS, S, 1, 25, CLS_R_PRICE},
    {"welcome to inquire", sizeof("welcome to inquire") - 1, CONTAINS, S, 1, 30, CLS_R_CTA},
    {"welcome to contact", sizeof("welcome to contact") - 1, CONTAINS, S, 1, 30, CLS_R_CTA},
    {"welcome to visit our", sizeof("welcome to visit our") - 1, CONTAINS, S, 1, 30, CLS_R_CTA},
    {"feel free to contact us", sizeof("feel free to contact us") - 1, CONTAINS, S, 1, 30,
     CLS_R_CTA},
    {"please contact us", sizeof("please contact us") - 1, CONTAINS, S, 1, 30, CLS_R_CTA},
    {"contact us for", sizeof("contact us for") - 1, CONTAINS, S, 1, 30, CLS_R_CTA},
    {"get a quote", sizeof("get a quote") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"get a free quote", sizeof("get a free quote") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"request a quote", sizeof("request a quote") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"send inquiry", sizeof("send inquiry") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"send us an inquiry", sizeof("send us an inquiry") - 1, CONTAINS, S, 1, 30, CLS_R_CTA},
    {"inquire now", sizeof("inquire now") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"free sample", sizeof("free sample") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"hot sale", sizeof("hot sale") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"factory direct", sizeof("factory direct") - 1, CONTAINS, S, 1, 25, CLS_R_CTA},
    {"email us", sizeof("email us") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"e-mail us", sizeof("e-mail us") - 1, CONTAINS, S, 1, 20, CLS_R_CTA},
    {"go to ", sizeof("go to ") - 1, PREFIX, S, 1, 6, CLS_R_CTA},
    /* a supplier describing itself */
    {"our company is a", sizeof("our company is a") - 1, CONTAINS, S, 1, 40, CLS_R_PROMO},
    {"professional manufacturer", sizeof("professional manufacturer") - 1, CONTAINS, S, 1, 40,
     CLS_R_PROMO},
    {"leading manufacturer", sizeof("leading manufacturer") - 1, CONTAINS, S, 1, 40, CLS_R_PROMO},
    {"manufacturer and exporter", sizeof("manufacturer and exporter") - 1, CONTAINS, S, 1, 40,
     CLS_R_PROMO},
    {"manufacturer and supplier", sizeof("manufacturer and supplier") - 1, CONTAINS, S, 1, 40,
     CLS_R_PROMO},
    {"we are a professional", sizeof("we are a professional") - 1, CONTAINS, S, 1, 40, CLS_R_PROMO},
    {"interested in our products", sizeof("interested in our products") - 1, CONTAINS, S, 1, 40,
     CLS_R_PROMO},
    {"our products are", sizeof("our products are") - 1, CONTAINS, S, 1, 40, CLS_R_PROMO},
    {"our factory", sizeof("our factory") - 1, CONTAINS, S, 1, 40, CLS_R_PROMO},
    {"visit our", sizeof("visit our") - 1, PREFIX, S, 1, 12, CLS_R_CTA},
    {"click here", sizeof("click here") - 1, PREFIX, S, 1, 20, CLS_R_CTA},
    {"check out our", sizeof("check out our") - 1, PREFIX, S, 1, 20, CLS_R_CTA},
    /* meta: sources, credits, bylines, datelines */
    {"source:", sizeof("source:") - 1, PREFIX, M, 1, 12, CLS_R_SOURCE},
    {"sources:", sizeof("sources:") - 1, PREFIX, M, 1, 12, CLS_R_SOURCE},
    {"source :", sizeof("source :") - 1, PREFIX, M, 1, 12, CLS_R_SOURCE},
    {"photo:", sizeof("photo:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"photos:", sizeof("photos:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"photo by", sizeof("photo by") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"photo credit", sizeof("photo credit") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"image:", sizeof("image:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"image/", sizeof("image/") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"images:", sizeof("images:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"image credit", sizeof("image credit") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"image by", sizeof("image by") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"credit:", sizeof("credit:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"credits:", sizeof("credits:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"picture:", sizeof("picture:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"illustration:", sizeof("illustration:") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"(photo", sizeof("(photo") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"file photo", sizeof("file photo") - 1, PREFIX, M, 1, 15, CLS_R_CREDIT},
    {"getty images", sizeof("getty images") - 1, CONTAINS, M, 1, 12, CLS_R_CREDIT},
    {"written by", sizeof("written by") - 1, PREFIX, M, 1, 10, CLS_R_BYLINE},
    {"edited by", sizeof("edited by") - 1, PREFIX, M, 1, 10, CLS_R_BYLINE},
    {"posted by", sizeof("posted by") - 1, PREFIX, M, 1, 16, CLS_R_BYLINE},
    {"published by", sizeof("published by") - 1, PREFIX, M, 1, 10, CLS_R_BYLINE},
    {"reviewed by", sizeof("reviewed by") - 1, PREFIX, M, 1, 12, CLS_R_BYLINE},
    {"medically reviewed", sizeof("medically reviewed") - 1, PREFIX, M, 1, 12, CLS_R_BYLINE},
    {"fact checked by", sizeof("fact checked by") - 1, PREFIX, M, 1, 12, CLS_R_BYLINE},
    {"author:", sizeof("author:") - 1, PREFIX, M, 1, 10, CLS_R_BYLINE},
    {"media contact", sizeof("media contact") - 1, PREFIX, M, 1, 30, CLS_R_CONTACT},
    {"press contact", sizeof("press contact") - 1, PREFIX, M, 1, 30, CLS_R_CONTACT},
    {"contact:", sizeof("contact:") - 1, PREFIX, M, 1, 30, CLS_R_CONTACT},
    {"reporter:", sizeof("reporter:") - 1, PREFIX, M, 1, 10, CLS_R_BYLINE},
    {"editor:", sizeof("editor:") - 1, PREFIX, M, 1, 10, CLS_R_BYLINE},
    {"updated:", sizeof("updated:") - 1, PREFIX, M, 1, 14, CLS_R_DATELINE},
    {"published:", sizeof("published:") - 1, PREFIX, M, 1, 14, CLS_R_DATELINE},
    {"last updated", sizeof("last updated") - 1, PREFIX, M, 1, 14, CLS_R_DATELINE},
    {"originally published", sizeof("originally published") - 1, CONTAINS, M, 1, 20, CLS_R_SOURCE},
    {"originally appeared", sizeof("originally appeared") - 1, CONTAINS, M, 1, 20, CLS_R_SOURCE},
    {"via:", sizeof("via:") - 1, PREFIX, M, 1, 8, CLS_R_SOURCE},
    {"posted on", sizeof("posted on") - 1, PREFIX, M, 1, 16, CLS_R_DATELINE},
    /* The opening words of a comment thread's own header, form or notice ("Comments are now
     * closed for this story", "Post a comment", "Readers' comments (12)"): what follows is
     * readers' text, so each closes the article. Last: any other rule goes first. */
    THREAD("comments are now closed"),
    THREAD("post a comment"),
    THREAD("post your comment"),
    THREAD("post comment"),
    THREAD("add a comment"),
    THREAD("add your comment"),
    THREAD("add comment"),
    THREAD("write a comment"),
    THREAD("submit a comment"),
    THREAD("submit your comment"),
    THREAD("make a comment"),
    THREAD("reader comments"),
    THREAD("readers' comments"),
    THREAD("readers\xE2\x80\x99 comments"),
    THREAD("readers comments"),
    THREAD("user comments"),
    THREAD("your comments"),
    THREAD("reader responses"),
    THREAD("reader reactions"),
    THREAD("latest comments"),
    THREAD("recent comments"),
    THREAD("most recent comments"),
    THREAD("log in to comment"),
    THREAD("login to comment"),
    THREAD("register to comment"),
    THREAD("sign in to post a comment"),
};

#undef B
#undef S
#undef M
#undef THREAD

/* Photo credits inside a caption ("... (Image: GETTY)", "... Leonhard Foeger / Reuters
 * file"): evidence for the model that the sentence is a caption, not a rule of its own,
 * since a sentence of the article may name an agency too. */
static const char *const credit_cues[] = {
    "(image:",         "(photo:",    "(credit:",      "(picture:",    "(pictured",
    "getty images",    "/ reuters",  "/reuters",      "reuters file", "/ ap",
    "(ap photo",       "ap photo/",  "afp via getty", "shutterstock", "istock",
    "submitted photo", "file photo", "photograph:",   "courtesy of",  "(photo by",
    "photo credit",    "photo: ",    "image: "};

int hnp_cls_credit_cue(const cls_key *k)
{
    return hnp_cls_key_in(k, CLS_LIST_CREDIT);
}

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

/* The string lists of this file; the rules' texts and classify_shape.c's lists apart. */
static const char *const *string_list(cls_list l, size_t *n)
{
    if (l == CLS_LIST_LEGIT) {
        *n = sizeof legit_phrases / sizeof legit_phrases[0];
        return legit_phrases;
    }
    if (l == CLS_LIST_CREDIT) {
        *n = sizeof credit_cues / sizeof credit_cues[0];
        return credit_cues;
    }
    if (l == CLS_LIST_NAV) {
        *n = sizeof nav_exact / sizeof nav_exact[0];
        return nav_exact;
    }
    return hnp_cls_shape_list(l, n);
}

size_t hnp_cls_list_size(cls_list l)
{
    size_t n = sizeof phrase_rules / sizeof phrase_rules[0];
    if (l != CLS_LIST_RULES) {
        string_list(l, &n);
    }
    return n;
}

const char *hnp_cls_list_text(cls_list l, size_t i)
{
    size_t n;
    return l == CLS_LIST_RULES ? phrase_rules[i].text : string_list(l, &n)[i];
}

static int exact_nav(const cls_key *k)
{
    if (k->len == 0 || k->len > 32) {
        return 0; /* no navigation item is longer */
    }
    return hnp_cls_key_in(k, CLS_LIST_NAV);
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
    default: /* only the rules whose text occurs are asked */
        return 1;
    }
}

static void set(cls_local *out, hnp_kind kind, cls_reason reason, int strong)
{
    out->kind = kind;
    out->reason = reason;
    out->strong = strong;
}

static int match_phrases(const cls_key *k, const cls_feat *f, cls_local *out)
{
    unsigned size = f->words + f->cjk / 2;
    /* the rules in order, those whose text the key holds */
    for (size_t i = hnp_cls_key_next_hit(k, CLS_LIST_RULES, 0); i != (size_t)-1;
         i = hnp_cls_key_next_hit(k, CLS_LIST_RULES, i + 1)) {
        const phrase_rule *r = &phrase_rules[i];
        if (phrase_hit(r, k, size)) {
            set(out, (hnp_kind)r->kind, (cls_reason)r->reason, r->strength);
            return 1;
        }
    }
    if (exact_nav(k)) {
        set(out, HNP_KIND_BOILERPLATE, CLS_R_NAV, 1);
        return 1;
    }
    return 0;
}

/* A press release's closing credit: "SOURCE" in capitals, then the issuer's name ("SOURCE
 * Acme Pharmaceuticals, Inc."). It is meta even though a company suffix ends it; with a
 * URL, e-mail or phone it is a company footer. */
static int press_source(const uint8_t *s, size_t n, const cls_feat *f)
{
    return n > 8 && memcmp(s, "SOURCE ", 7) == 0 && s[7] >= 'A' && s[7] <= 'Z' && f->words <= 12 &&
           !f->has_url && !f->has_email && !f->phone;
}

void hnp_cls_local_rules(const uint8_t *s, size_t n, const cls_key *k, const cls_feat *f,
                         cls_local *out)
{
    set(out, HNP_KIND_BODY, CLS_R_NONE, 0);
    /* Only short and middling sentences can be taken for junk, so only they need it. */
    out->legit = f->words <= 60 && hnp_cls_key_in(k, CLS_LIST_LEGIT);
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
    if (press_source(s + k->skip, n - k->skip, f)) {
        set(out, HNP_KIND_META, CLS_R_SOURCE, 1); /* "SOURCE Acme Pharmaceuticals, Inc." */
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
