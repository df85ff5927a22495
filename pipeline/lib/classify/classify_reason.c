/* classify_reason.c -- the names of the classify stage's kinds and reason codes (the bottom
 * layer: every other file of the stage may use it; it uses none of them). */
#include "classify_internal.h"

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

static const char *const reason_names[CLS_R_COUNT] = {
    "-",
    "headline",
    "dateline",
    "source",
    "byline",
    "credit",
    "contact",
    "company+url",
    "company",
    "price",
    "cta",
    "promo",
    "seo",
    "cjk-seo",
    "product-list",
    "keywords",
    "nav",
    "share",
    "subscribe",
    "related",
    "comment",
    "source-link",
    "appeared-first",
    "copyright",
    "ad-slot",
    "markup",
    "caption",
    "tags",
    "gallery",
    "cookie",
    "adblock",
    "disclaimer",
    "fragment",
    "head",
    "tail",
    "shape",
    "context",
    "press-release",
    "affiliate",
    "poll",
    "player",
    "template",
};

const char *hnp_cls_reason_name(cls_reason r)
{
    return (unsigned)r < CLS_R_COUNT ? reason_names[r] : "-";
}
