/* check_classify.c -- unit tests of the classify stage (stage 3). Fixtures are inline and
 * segmented here (one sentence per line, or explicit sentence strings), so the tests do
 * not depend on the segmenter. */
#include "hnp/classify.h"
#include "testutil.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The model's scores on model_page (see test_model_pinned). */
#define PIN_HEAD   0.989f
#define PIN_TEASER 0.997f

/* ---- helpers ---------------------------------------------------------------------------- */

enum { MAXS = 256 };

typedef struct result {
    const char *text;
    hnp_span sp[MAXS];
    hnp_label lab[MAXS];
    size_t n;
    hnp_docmeta m;
} result;

static void classify(result *r)
{
    hnp_classifier *c = NULL;
    ck_assert_int_eq(hnp_classifier_create(NULL, &c), HNP_OK);
    ck_assert_int_eq(
        hnp_classify(c, (const uint8_t *)r->text, strlen(r->text), r->sp, r->n, r->lab, &r->m),
        HNP_OK);
    for (size_t i = 0; i < r->n; i++) {
        ck_assert(r->lab[i].score >= 0.0f && r->lab[i].score <= 1.0f);
        ck_assert_ptr_nonnull(r->lab[i].reason);
        ck_assert_str_ne(hnp_kind_name(r->lab[i].kind), "?");
    }
    hnp_classifier_free(c);
}

/* One sentence per non-empty line. */
static void run_lines(const char *text, result *r)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    size_t len = strlen(text), s = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == '\n') {
            size_t a = s, b = i;
            while (a < b && text[a] == ' ') {
                a++;
            }
            while (b > a && text[b - 1] == ' ') {
                b--;
            }
            if (b > a && r->n < MAXS) {
                r->sp[r->n++] = (hnp_span){a, b};
            }
            s = i + 1;
        }
    }
    classify(r);
}

/* Sentences given explicitly, in order, as substrings of text (NULL-terminated list). */
static void run_sents(const char *text, const char *const *sents, result *r)
{
    memset(r, 0, sizeof *r);
    r->text = text;
    const char *from = text;
    for (size_t i = 0; sents[i]; i++) {
        const char *at = strstr(from, sents[i]);
        ck_assert_msg(at != NULL, "fixture sentence not found: %s", sents[i]);
        size_t a = (size_t)(at - text);
        r->sp[r->n++] = (hnp_span){a, a + strlen(sents[i])};
        from = at + strlen(sents[i]);
    }
    classify(r);
}

/* The first sentence that starts with prefix. */
static size_t find(const result *r, const char *prefix)
{
    for (size_t i = 0; i < r->n; i++) {
        if (strncmp(r->text + r->sp[i].start, prefix, strlen(prefix)) == 0) {
            return i;
        }
    }
    ck_abort_msg("no sentence starts with: %s", prefix);
    return 0;
}

static void expect_kind(const result *r, const char *prefix, hnp_kind kind, const char *reason)
{
    size_t i = find(r, prefix);
    ck_assert_msg(r->lab[i].kind == kind, "'%s': want %s, got %s (%s)", prefix, hnp_kind_name(kind),
                  hnp_kind_name(r->lab[i].kind), r->lab[i].reason);
    if (reason) {
        ck_assert_msg(strcmp(r->lab[i].reason, reason) == 0, "'%s': want reason %s, got %s", prefix,
                      reason, r->lab[i].reason);
    }
}

/* The score of the sentence starting with prefix is the pinned one, to the two decimals
 * the output prints. */
static void expect_score(const result *r, const char *prefix, float pinned)
{
    size_t i = find(r, prefix);
    ck_assert_msg(fabsf(r->lab[i].score - pinned) < 0.0051f, "'%s': score %.4f, pinned %.4f",
                  prefix, (double)r->lab[i].score, (double)pinned);
}

static void expect_meta(const char *got, const char *want)
{
    if (!want) {
        ck_assert_msg(got == NULL, "want no value, got %s", got ? got : "");
        return;
    }
    ck_assert_msg(got != NULL, "want %s, got nothing", want);
    ck_assert_str_eq(got, want);
}

#define P1                                                                                         \
    "Researchers at the university reported that the new therapy reduced relapses in "             \
    "patients with multiple sclerosis by almost half over two years of follow-up."
#define P2                                                                                         \
    "The trial enrolled 120 adults, and the team said that the side effects were mostly mild, "    \
    "although a few patients needed to stay in the hospital for a short time."
#define P4                                                                                         \
    "Doctors should discuss the possible risks and the costs of the procedure with each "          \
    "patient, the authors wrote in their report."
#define P3                                                                                         \
    "Independent experts cautioned that the results must be confirmed in a larger study before "   \
    "the treatment can be offered to patients outside of clinical trials."

/* ---- the seed article ------------------------------------------------------------------- */

static const char seed[] =
    "Can stem cell therapy really treat multiple sclerosis?\n"
    "Can stem cell therapy really treat multiple sclerosis?\n"
    "August 18, 2016\n"
    "Source: Bio Valley\n"
    "Recently, according to Daily Mail, Eric Thompson, a patient with multiple sclerosis (MS), "
    "stood up from the wheelchair several days after the treatment of hematopoietic stem cells "
    "and was able to walk normally.\n"
    "Tungmpson and his family raised \xC2\xA3"
    "40,000 and started the therapy in Mexico, which was not able to receive positive treatment "
    "from the National Health Service (NHS).\n"
    "Related risks.\n"
    "We are not aware of the long-term effects of our own hematopoietic stem cell "
    "transplantation therapy, which underscores the importance of late clinical trials.\n"
    "Qingdao Beautiful Skin Biotechnology Co., Ltd , https://www.hafilleresthetic.com\n";

START_TEST(test_seed_lines)
{
    result r;
    run_lines(seed, &r);
    expect_kind(&r, "Can stem cell therapy", HNP_KIND_TITLE, "headline");
    ck_assert_int_eq(r.lab[1].kind, HNP_KIND_TITLE);
    expect_kind(&r, "August 18, 2016", HNP_KIND_META, "dateline");
    expect_kind(&r, "Source: Bio Valley", HNP_KIND_META, "source");
    expect_kind(&r, "Recently, according to Daily Mail", HNP_KIND_BODY, "-");
    expect_kind(&r, "Related risks.", HNP_KIND_BODY, NULL);
    expect_kind(&r, "We are not aware of the long-term effects", HNP_KIND_BODY, "-");
    expect_kind(&r, "Qingdao Beautiful Skin", HNP_KIND_SPAM, "company+url");
    expect_meta(r.m.title, "Can stem cell therapy really treat multiple sclerosis?");
    expect_meta(r.m.date, "2016-08-18");
    expect_meta(r.m.source, "Bio Valley");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* The scraper glued headline, dateline, source and lede onto one line; the segmenter
 * may split them apart or leave the dateline and source together. */
#define LEDE                                                                                       \
    "Recently, according to Daily Mail, Eric Thompson, a patient with multiple sclerosis (MS), "   \
    "stood up from the wheelchair several days after the treatment and was able to walk "          \
    "normally."
static const char seed_glued[] = "Can stem cell therapy really treat multiple sclerosis? August "
                                 "18, 2016 Source: Bio Valley " LEDE " " P1 " " P2;

START_TEST(test_seed_glued)
{
    static const char *const split[] = {"Can stem cell therapy really treat multiple sclerosis?",
                                        "August 18, 2016",
                                        "Source: Bio Valley",
                                        LEDE,
                                        P1,
                                        P2,
                                        NULL};
    static const char *const joined[] = {"Can stem cell therapy really treat multiple sclerosis?",
                                         "August 18, 2016 Source: Bio Valley",
                                         LEDE,
                                         P1,
                                         P2,
                                         NULL};
    const char *const *variants[] = {split, joined};
    for (size_t v = 0; v < 2; v++) {
        result r;
        run_sents(seed_glued, variants[v], &r);
        expect_kind(&r, "Can stem cell therapy", HNP_KIND_TITLE, "headline");
        expect_kind(&r, "August 18, 2016", HNP_KIND_META, NULL);
        expect_kind(&r, "Recently, according", HNP_KIND_BODY, "-");
        expect_meta(r.m.title, "Can stem cell therapy really treat multiple sclerosis?");
        expect_meta(r.m.date, "2016-08-18");
        expect_meta(r.m.source, "Bio Valley");
        hnp_docmeta_free(&r.m);
    }
}
END_TEST

/* No segmenter split at all: the headline, dateline and source glued to the lede. */
START_TEST(test_seed_unsplit)
{
    static const char text[] =
        "Can stem cell therapy really treat multiple sclerosis?\n"
        "Can stem cell therapy really treat multiple sclerosis? August 18, 2016 Source: Bio "
        "Valley " LEDE "\n" P1 "\n" P2 "\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "Can stem cell therapy", HNP_KIND_TITLE, "headline");
    ck_assert_int_eq(r.lab[1].kind, HNP_KIND_BODY);
    expect_meta(r.m.date, "2016-08-18");
    expect_meta(r.m.source, "Bio Valley");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- junk classes, inline between two body paragraphs ------------------------------------ */

typedef struct junk_case {
    const char *line;
    hnp_kind kind;
    const char *reason;
    int ends_article; /* a page-structure marker: what follows it is tail, not article */
} junk_case;

static const junk_case junk_cases[] = {
    {"Qingdao Beautiful Skin Biotechnology Co., Ltd , https://www.hafilleresthetic.com",
     HNP_KIND_SPAM, "company+url", 0},
    {"Shenzhen Bright Medical Devices Co.,Ltd. Tel: +86 755 1234 5678", HNP_KIND_SPAM,
     "company+url", 0},
    {"\xE4\xB9\x85\xE4\xB9\x85\xE4\xB9\x85\xE6\x97\xA0\xE7\xA0\x81\xE4\xBA\xBA\xE5\xA6\xBB_"
     "6080YYY\xE5\x8D\x88\xE5\xA4\x9C\xE7\x90\x86\xE8\xAE\xBA\xE7\x89\x87_\xE6\x80\xA7\xE6\x97"
     "\xA0\xE7\xA0\x81\xE4\xB8\x93\xE5\x8C\xBA_\xE4\xBA\xBA\xE5\xA6\xBB\xE5\x93\x81\xE4\xB8\x80"
     "\xE5\x8C\xBA\xE4\xBA\x8C\xE5\x8C\xBA",
     HNP_KIND_SPAM, "cjk-seo", 0},
    {"#NIH #bans #Chinese #labs #animal #experiments", HNP_KIND_SPAM, "seo", 0},
    {"stem cell therapy,stem cell clinic,MS treatment,best stem cell hospital,cheap AHSCT",
     HNP_KIND_SPAM, NULL, 0},
    {"Stem Cell Therapy, MS Treatment Abroad, AHSCT Mexico, Stem Cell Clinic, Best Prices",
     HNP_KIND_SPAM, "seo", 0},
    {"Call now for a free consultation: 1-800-555-0199", HNP_KIND_SPAM, NULL, 0},
    {"24\xE5\xB0\x8F\xE6\x97\xB6\xE5\x85\x8D\xE8\xB4\xB9\xE5\x92\xA8\xE8\xAF\xA2\xE7\x83\xAD"
     "\xE7\xBA\xBF:",
     HNP_KIND_SPAM, "contact", 0},
    {"Buy now for only $19.99 with free shipping!", HNP_KIND_SPAM, NULL, 0},
    {"Order today and get 30% off the wholesale price of $45.", HNP_KIND_SPAM, "price", 0},
    {"Go to Rolecosplay website", HNP_KIND_SPAM, "cta", 0},
    /* a phone number followed by a word ("... 0199 for details") is still a phone number */
    {"Call 1-800-555-0199 for a free price list.", HNP_KIND_SPAM, "contact", 0},
    {"Buy cheap generic pills online now!", HNP_KIND_SPAM, "cta", 0},
    {"If you are interested in our products, please feel free to contact us.", HNP_KIND_SPAM, NULL,
     0},
    {"Our company is a professional manufacturer of disposable medical products.", HNP_KIND_SPAM,
     "promo", 0},
    {"eg:non-woven face mask , powdered free vinyl glove.", HNP_KIND_SPAM, "product-list", 0},
    {"disposable latex gloves", HNP_KIND_SPAM, "keywords", 0},
    {"Previous:Color Master Batch and disposable pe glove", HNP_KIND_BOILERPLATE, "nav", 1},
    {"Next: Stem cells in stroke recovery", HNP_KIND_BOILERPLATE, "nav", 1},
    {"Share this article", HNP_KIND_BOILERPLATE, NULL, 0},
    {"Share on Facebook", HNP_KIND_BOILERPLATE, "share", 0},
    {"Related Articles", HNP_KIND_BOILERPLATE, NULL, 1},
    {"Related: College microbiology classes", HNP_KIND_BOILERPLATE, "related", 0},
    {"Read more: Stem cell tourism is booming", HNP_KIND_BOILERPLATE, "related", 0},
    {"Source link", HNP_KIND_BOILERPLATE, NULL, 1},
    {"The post New MS therapy shows promise appeared first on Health News Daily.",
     HNP_KIND_BOILERPLATE, "appeared-first", 1},
    {"[ad_1]", HNP_KIND_BOILERPLATE, "ad-slot", 0},
    {"We use cookies to give you the best experience on our website.", HNP_KIND_BOILERPLATE,
     "cookie", 0},
    {"Please Turn off Ad blocker", HNP_KIND_BOILERPLATE, "adblock", 0},
    {"Leave a Reply", HNP_KIND_BOILERPLATE, NULL, 1},
    {"Your email address will not be published. Required fields are marked *", HNP_KIND_BOILERPLATE,
     "comment", 1},
    {"If you think the article contains incorrect information, send a correction.",
     HNP_KIND_BOILERPLATE, "disclaimer", 0},
    {"This article only represents the author's personal views, our website has not verified "
     "for its content, readers only for reference.",
     HNP_KIND_BOILERPLATE, "disclaimer", 1},
    {"\xC2\xA9 2019 Hearst Communications, Inc. All Rights Reserved.", HNP_KIND_BOILERPLATE,
     "copyright", 1},
    {"[Illust-01. Stem Cell Characteristic]", HNP_KIND_BOILERPLATE, "caption", 0},
    {"* Home", HNP_KIND_BOILERPLATE, "nav", 0},
    {"\xE2\x86\x90 Previous Post", HNP_KIND_BOILERPLATE, "nav", 1},
    {"\xE2\x80\x93", HNP_KIND_BOILERPLATE, "markup", 0},
    {"By Jane Smith", HNP_KIND_META, "byline", 0},
    {"Photo: Damian Dovarganes, AP", HNP_KIND_META, "credit", 0},
    {"Image/Robert Herriman", HNP_KIND_META, "credit", 0},
    {"(China Daily)", HNP_KIND_META, "credit", 0},
    {"This article was originally published by Futurism.", HNP_KIND_META, "source", 0},
    {"Disclaimer: this content does not replace the advice of your doctor.", HNP_KIND_BOILERPLATE,
     "disclaimer", 0},
    {"Updated 1:39 am EST, Wednesday, November 20, 2019", HNP_KIND_META, "dateline", 0},
    /* press releases and inline widgets (issue 10's classes; sentences written here) */
    {"This release contains forward-looking statements that involve risks and uncertainties.",
     HNP_KIND_BOILERPLATE, "press-release", 0},
    {"Follow us on Twitter and Facebook for daily updates from the clinic.", HNP_KIND_BOILERPLATE,
     "share", 0},
    {"(Reporting by Jane Roe; Editing by Sam Poe)", HNP_KIND_META, "byline", 0},
    {"Continue reading below", HNP_KIND_BOILERPLATE, "ad-slot", 0},
    {"Sign up for our weekly health newsletter and get new research delivered to your inbox.",
     HNP_KIND_BOILERPLATE, "subscribe", 0},
    {"Click to tweet: early diagnosis of MS changes lives", HNP_KIND_BOILERPLATE, "share", 0},
    {"We may earn a commission when you buy through links on this page.", HNP_KIND_BOILERPLATE,
     "affiliate", 0},
    {"Cast your vote: would you try this therapy?", HNP_KIND_BOILERPLATE, "poll", 0},
    {"Leia tamb\xC3\xA9m: nova terapia contra a esclerose m\xC3\xBAltipla", HNP_KIND_BOILERPLATE,
     "related", 0},
    {"Your browser does not support the video tag.", HNP_KIND_BOILERPLATE, "player", 0},
};

START_TEST(test_junk_inline)
{
    const junk_case *jc = &junk_cases[_i];
    char text[2048];
    snprintf(text, sizeof text, "%s\n%s\n%s\n%s\n", P1, P2, jc->line, P3);
    result r;
    run_lines(text, &r);
    ck_assert_uint_eq(r.n, 4);
    ck_assert_msg(r.lab[2].kind == jc->kind, "'%s': want %s, got %s (%s)", jc->line,
                  hnp_kind_name(jc->kind), hnp_kind_name(r.lab[2].kind), r.lab[2].reason);
    if (jc->reason) {
        ck_assert_str_eq(r.lab[2].reason, jc->reason);
    }
    expect_kind(&r, "Researchers at the university", HNP_KIND_BODY, "-");
    expect_kind(&r, "Independent experts", jc->ends_article ? HNP_KIND_BOILERPLATE : HNP_KIND_BODY,
                NULL);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- legitimate endings stay body or meta ---------------------------------------------- */

static const junk_case legit_cases[] = {
    {"For more information, contact the Mayo Clinic.", HNP_KIND_BODY, "-", 0},
    {"For more information about influenza vaccination, please contact the Whitfield County "
     "Health Department at (706) 226-2621 or log onto www.cdc.gov/flu.",
     HNP_KIND_BODY, "-", 0},
    {"Source: NIH", HNP_KIND_META, "source", 0},
    {"Media Contact: Joe Dangor, Mayo Clinic Public Affairs, 507-284-5005, newsbureau@mayo.edu",
     HNP_KIND_META, "contact", 0},
    {"Smith J, Jones K, et al. Autologous stem cell transplantation in MS. N Engl J Med. "
     "2016;374:1234-40. doi:10.1056/NEJMoa1512345",
     HNP_KIND_BODY, NULL, 0},
    {"The flu vaccine is $20 at the health department, located at 800 Professional Boulevard "
     "in Dalton.",
     HNP_KIND_BODY, "-", 0},
    {"China Stem Cell Group signs a strategic agreement with Australian Jatcorp Ltd.",
     HNP_KIND_BODY, "-", 0},
    {"The treatment costs about $50,000 in Mexico, and most patients pay for it themselves.",
     HNP_KIND_BODY, "-", 0},
    {"The company said that Pfizer Inc. would pay $2.5 billion for the rights to the drug.",
     HNP_KIND_BODY, "-", 0},
};

START_TEST(test_legit_ending)
{
    const junk_case *jc = &legit_cases[_i];
    char text[2048];
    snprintf(text, sizeof text, "%s\n%s\n%s\n%s\n", P1, P2, P3, jc->line);
    result r;
    run_lines(text, &r);
    ck_assert_msg(r.lab[3].kind == jc->kind, "'%s': want %s, got %s (%s)", jc->line,
                  hnp_kind_name(jc->kind), hnp_kind_name(r.lab[3].kind), r.lab[3].reason);
    if (jc->reason) {
        ck_assert_str_eq(r.lab[3].reason, jc->reason);
    }
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- the tail as a whole, the head of a page ------------------------------------------ */

START_TEST(test_tail_whole)
{
    static const char text[] = P1 "\n" P2 "\n" P3 "\n"
                                  "#NIH #bans #Chinese #labs\n"
                                  "Related Articles\n"
                                  "Stem cell clinics face new rules\n"
                                  "Leave a Reply\n"
                                  "Your email address will not be published.\n"
                                  "Back to top button\n"
                                  "Adblocker Detected\n"
                                  "Please Turn off Ad blocker\n";
    result r;
    run_lines(text, &r);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_int_eq(r.lab[i].kind, HNP_KIND_BODY);
    }
    for (size_t i = 3; i < r.n; i++) {
        ck_assert_msg(hnp_kind_is_junk(r.lab[i].kind), "tail sentence %zu is %s", i,
                      hnp_kind_name(r.lab[i].kind));
    }
    expect_kind(&r, "Stem cell clinics face", HNP_KIND_BOILERPLATE, "tail");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A long comment thread outweighs any marker in the sum; the closer cuts it off. */
START_TEST(test_comment_thread)
{
    static const char text[] =
        "New stem cell therapy halts multiple sclerosis in trial\n" P1 "\n" P2 "\n" P3 "\n"
        "3 responses to \u201cNew stem cell therapy halts MS\u201d\n"
        "November 19, 2019 at 6:34 am\n" P4 "\n"
        "November 19, 2019 at 6:44 am\n" P1 " " P2 "\n"
        "November 19, 2019 at 6:58 am\n" P3 " " P4 "\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "Independent experts", HNP_KIND_BODY, "-");
    expect_kind(&r, "3 responses to", HNP_KIND_BOILERPLATE, "comment");
    expect_kind(&r, "Doctors should discuss", HNP_KIND_BOILERPLATE, "tail");
    ck_assert(hnp_kind_is_junk(r.lab[r.n - 1].kind));
    hnp_docmeta_free(&r.m);
}
END_TEST

/* The thread's own header or notice closes the article too ("Comments are now closed for this
 * story", "Post a comment", "Readers' comments"): what follows is readers' prose, which the
 * sum alone would keep. Sentences written for the test. */
START_TEST(test_comment_notice)
{
    static const char *const closers[] = {"Comments are now closed for this story",
                                          "Post a comment", "Readers' comments (12)",
                                          "Log in to comment"};
    for (size_t c = 0; c < sizeof closers / sizeof closers[0]; c++) {
        char text[2048];
        snprintf(text, sizeof text,
                 "%s\n%s\n%s\n%s\nMaria T\n%s %s\nDan from Leeds\n%s %s\nKim\n%s\n", P1, P2, P3,
                 closers[c],
                 "I was in a trial like this one and my relapses stopped within a year of the "
                 "treatment.",
                 "My neurologist had warned me about the infections, but I never had one.",
                 "Why does the article not say what the treatment costs in the countries where it "
                 "is already offered?",
                 "Nobody I know could pay for it without help from the government or a charity.",
                 "Thank you for writing about this, my sister has had the disease for ten years.");
        result r;
        run_lines(text, &r);
        expect_kind(&r, "Independent experts", HNP_KIND_BODY, "-");
        expect_kind(&r, closers[c], HNP_KIND_BOILERPLATE, "comment");
        expect_kind(&r, "I was in a trial", HNP_KIND_BOILERPLATE, NULL);
        expect_kind(&r, "Why does the article", HNP_KIND_BOILERPLATE, NULL);
        hnp_docmeta_free(&r.m);
    }
}
END_TEST

/* A lede whose first line the scraper broke off at an agency dateline is the article's
 * start, not its headline; the headline above the share buttons is. Written for the test. */
START_TEST(test_dateline_fragment)
{
    static const char text[] = "Home\nHealth\nFlu vaccine supply doubles\nShare this\nPrint\n"
                               "LONDON (Reuters) - Drug makers in Europe will ship\n"
                               "twice as many flu vaccines this winter as they did last year, "
                               "health officials said.\n" P1 "\n" P2 "\n";
    result r;
    run_lines(text, &r);
    expect_meta(r.m.title, "Flu vaccine supply doubles");
    expect_kind(&r, "LONDON (Reuters)", HNP_KIND_BODY, "-");
    expect_kind(&r, "twice as many", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

START_TEST(test_page_head)
{
    static const char text[] =
        "* Subscribe\n* Sign In\n* Home\no Health\no Politics\n"
        "Weston captures 7th straight Class S swim title\n"
        "Seymour sweeps Weston to earn return trip to final\n"
        "Home > News > Health\n"
        "New stem cell therapy halts multiple sclerosis in trial\n"
        "By Tom Krisher, AP Health Writer\n"
        "Updated 1:39 am EST, Wednesday, November 20, 2019\n" P1 "\n" P2 "\n" P3 "\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "* Subscribe", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "Weston captures", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "New stem cell therapy", HNP_KIND_TITLE, "headline");
    expect_kind(&r, "By Tom Krisher", HNP_KIND_META, "byline");
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    expect_meta(r.m.title, "New stem cell therapy halts multiple sclerosis in trial");
    expect_meta(r.m.date, "2019-11-20");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A short subheading between paragraphs stays body; a link list inside does not. */
START_TEST(test_subheading_and_link_list)
{
    static const char text[] =
        P1 "\nClinical Trials\n" P2 "\n"
           "Most Read\nFlu season arrives early\nMeasles cases rise\n"
           "Vaccine rates fall in Texas\nNew malaria drug approved\n" P3 "\n" P4 "\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "Clinical Trials", HNP_KIND_BODY, "-");
    expect_kind(&r, "Flu season arrives", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "Vaccine rates fall", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "Independent experts", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* Digit runs that are not phone numbers: score tables, dates, years. */
START_TEST(test_not_phones)
{
    static const char text[] = P1 "\nRockledge 14 11 6 15 44\nPublished 18.08.2016\n"
                                  "Between 1990-2000 and 2001 2010\n" P2 "\n";
    result r;
    run_lines(text, &r);
    for (size_t i = 1; i < 4; i++) {
        ck_assert_msg(strcmp(r.lab[i].reason, "contact") != 0, "line %zu taken for a phone", i);
    }
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A short bullet list inside the article (symptoms, side effects) is the article's. */
START_TEST(test_symptom_list)
{
    static const char text[] = P1 "\nCommon side effects include:\n* Fever\n* Headache\n"
                                  "* Muscle pain\n* Fatigue\n* Nausea\n" P2 "\n" P3 "\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "* Fever", HNP_KIND_BODY, "-");
    expect_kind(&r, "* Nausea", HNP_KIND_BODY, "-");
    expect_kind(&r, "Common side effects", HNP_KIND_BODY, "-");
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
    /* the list may also close the article */
    static const char tail[] = P1 "\n" P2 "\nCommon side effects include:\n* Fever\n* Headache\n"
                                  "* Muscle pain\n* Fatigue\n";
    run_lines(tail, &r);
    expect_kind(&r, "* Fatigue", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* An excerpt cut mid-sentence: the unfinished last sentence on the article's last line,
 * or alone on a line when it ends in a function word, is the article's; a short line
 * that ends the page otherwise is still the tail. */
START_TEST(test_cut_off_ending)
{
    static const char same_line[] =
        P1 "\n" P2 "\n" P3 " Relapses fell in both groups, and the ratings of disability";
    static const char *const sents[] = {
        P1, P2, P3, "Relapses fell in both groups, and the ratings of disability", NULL};
    result r;
    run_sents(same_line, sents, &r);
    expect_kind(&r, "Relapses fell", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);

    static const char own_line[] = P1 "\n" P2 "\n" P3 "\n\nThe university in Lyon has\n";
    run_lines(own_line, &r);
    expect_kind(&r, "The university in Lyon has", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);

    static const char menu[] = P1 "\n" P2 "\n" P3 "\n\nMore health news from Lyon\n";
    run_lines(menu, &r);
    ck_assert(hnp_kind_is_junk(r.lab[r.n - 1].kind));
    hnp_docmeta_free(&r.m);

    static const char not_last[] =
        P1 "\n" P2 "\n" P3 "\n\nThe university in Lyon has\nContact us\nPrivacy policy\n";
    run_lines(not_last, &r);
    expect_kind(&r, "The university in Lyon has", HNP_KIND_BOILERPLATE, NULL);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A one-sentence lede above two subheadings is still the article (no headline line to
 * anchor a byline block). */
START_TEST(test_short_lede)
{
    static const char text[] =
        "Doctors in London say a new therapy stopped the disease in most patients.\n"
        "Background\nWhat the study found\n" P1 "\n" P2 "\n" P3 "\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "Doctors in London", HNP_KIND_BODY, "-");
    expect_kind(&r, "Background", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A PubMed title ends with a full stop; it is still the title, never junk (the tagger
 * skips junk). */
START_TEST(test_pubmed_title)
{
    static const char text[] =
        "Pravastatin-associated myopathy. A 63-year-old man developed muscle pain and "
        "weakness three weeks after he started taking pravastatin for high cholesterol. "
        "The symptoms resolved within a month after the drug was stopped.";
    static const char *const sents[] = {
        "Pravastatin-associated myopathy.",
        "A 63-year-old man developed muscle pain and weakness three weeks after he started "
        "taking pravastatin for high cholesterol.",
        "The symptoms resolved within a month after the drug was stopped.", NULL};
    result r;
    run_sents(text, sents, &r);
    expect_kind(&r, "Pravastatin-associated", HNP_KIND_TITLE, "headline");
    expect_kind(&r, "A 63-year-old man", HNP_KIND_BODY, "-");
    expect_meta(r.m.title, "Pravastatin-associated myopathy.");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* Without any prose there is no article to cut a head or tail from: only rules decide. */
START_TEST(test_no_article)
{
    result r;
    run_lines("Hello world.\n* Home\n* Subscribe\n", &r);
    expect_kind(&r, "Hello world.", HNP_KIND_BODY, "-");
    expect_kind(&r, "* Home", HNP_KIND_BOILERPLATE, "nav");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- dates and sources ------------------------------------------------------------------ */

typedef struct date_case {
    const char *line;
    const char *iso;
} date_case;

static const date_case date_cases[] = {
    {"August 18, 2016", "2016-08-18"},
    {"18 August 2016", "2016-08-18"},
    {"2016-08-18", "2016-08-18"},
    {"Aug. 18, 2016", "2016-08-18"},
    {"Sept. 5, 2019", "2019-09-05"},
    {"18th of August, 2016", "2016-08-18"},
    {"August 3rd, 2016", "2016-08-03"},
    {"2016/8/18", "2016-08-18"},
    {"2016\xE5\xB9\xB4"
     "8\xE6\x9C\x88"
     "18\xE6\x97\xA5",
     "2016-08-18"},
    {"8/18/2016", "2016-08-18"},
    {"18/08/2016", "2016-08-18"},
    {"18.08.2016", "2016-08-18"},
    {"Published: August 2016", "2016-08"},
    {"Wednesday, November 20, 2019", "2019-11-20"},
    {"Updated: 2009-04-09 09:58", "2009-04-09"},
    {"November 18, 2019 | 4:10pm", "2019-11-18"},
    {"Posted on 02 Jan 2020 at 10:00 GMT", "2020-01-02"},
    {"Aug-18-2016", "2016-08-18"},
    {"18-Aug-2016", "2016-08-18"},
    {"Posted 18/08/16", "2016-08-18"},
    {"11/20/19 6:38 AM", "2019-11-20"},
    {"Thursday, August 18, 2016 - 10:15", "2016-08-18"},
    {"Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST", "2019-01-03"},
    {"Publi\xC3\xA9 le 1er f\xC3\xA9vrier 2017", "2017-02-01"},
    {"18 de agosto de 2016", "2016-08-18"},
    {"Atualizado em 5 de mar\xC3\xA7o de 2021", "2021-03-05"},
    {"18. M\xC3\xA4rz 2016", "2016-03-18"},
    {"12 settembre 2019", "2019-09-12"},
    {"3 mei 2018", "2018-05-03"},
    {"Posted on Oktober 27, 2015 by Admin", "2015-10-27"},
    {"Mars 20, 2020", "2020-03-20"},
    {"Mars 2020", NULL},
    {"Take 5/10/20 mg", NULL},
    {"Version 2.1.3 of the app", NULL},
    {"February 30 patients", NULL},
    {"May 2", NULL},
    {"2016-13-45", NULL},
};

START_TEST(test_dates)
{
    const date_case *dc = &date_cases[_i];
    char text[2048];
    snprintf(text, sizeof text, "New stem cell therapy halts multiple sclerosis\n%s\n%s\n%s\n",
             dc->line, P1, P2);
    result r;
    run_lines(text, &r);
    expect_meta(r.m.date, dc->iso);
    if (dc->iso) {
        ck_assert_int_eq(r.lab[1].kind, HNP_KIND_META);
    }
    hnp_docmeta_free(&r.m);
}
END_TEST

START_TEST(test_sciencedaily_header)
{
    static const char text[] =
        "ScienceDaily, Featured Research reported Dr.Nakamura group's new anti-cancer drug\n\n"
        "Date: October 22, 2014   Source: University of Chicago Medical Center   Summary: A new "
        "drug, OTS964, can eradicate aggressive human lung cancers transplanted into mice, "
        "scientists report.\n" P1 "\n";
    result r;
    run_lines(text, &r);
    expect_meta(r.m.date, "2014-10-22");
    expect_meta(r.m.source, "University of Chicago Medical Center");
    ck_assert(!hnp_kind_is_junk(r.lab[1].kind));
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A source name that ends in -ly is a name, not an adverb opening the next sentence. */
START_TEST(test_source_name_in_ly)
{
    static const char text[] = "New study: flu vaccine cuts hospital stays\n"
                               "March 3, 2024 Source: Health Daily\n" P1 "\n";
    result r;
    run_lines(text, &r);
    expect_meta(r.m.source, "Health Daily");
    expect_meta(r.m.date, "2024-03-03");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* Sources named without a "Source:" label. Each fixture: headline, the line that names
 * the source, prose; want is the source. */
typedef struct source_case {
    const char *line;
    const char *want;
} source_case;

static const source_case source_cases[] = {
    {"NEW YORK, March 3, 2024 /PRNewswire/ -- Acme Biologics today announced that its "
     "migraine drug met the main goal of a late-stage trial.",
     "PRNewswire"},
    {"BOSTON--(BUSINESS WIRE)--Acme Biologics reported results of its phase 2 study in "
     "adults with chronic migraine on Monday.",
     "BUSINESS WIRE"},
    {"LONDON (Reuters) - A drug that blocks a pain signal halved the number of migraine days "
     "in a trial, researchers said on Monday.",
     "Reuters"},
    {"WASHINGTON, March 3 (AP) \xE2\x80\x94 Federal regulators approved a new migraine drug on "
     "Monday after a review of three trials.",
     "AP"},
    {"By Jane Roe / Health Daily News", "Health Daily News"},
    {"Source : Institut Pasteur", "Institut Pasteur"},
    {"By Jane Roe, staff writer", NULL},
    {"LONDON (Jane Roe) said in a statement that she had been treated for migraine for years "
     "before the trial.",
     NULL},
};

START_TEST(test_unlabelled_sources)
{
    const source_case *sc = &source_cases[_i];
    char text[2048];
    snprintf(text, sizeof text, "New migraine drug halves attacks in adults\n%s\n%s\n%s\n",
             sc->line, P1, P2);
    result r;
    run_lines(text, &r);
    expect_meta(r.m.source, sc->want);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A press release: the wire tag at the top, "SOURCE <issuer>" at the end. The SOURCE line
 * is meta (not a company footer, though a company suffix ends it) and names the source. */
START_TEST(test_press_release_source)
{
    static const char text[] =
        "Acme Biologics Reports Positive Results in Migraine Trial\n"
        "SAN DIEGO, March 3, 2024 /PRNewswire/ -- Acme Biologics, Inc. today announced that its "
        "drug cut migraine days by half in a trial of 300 adults.\n" P1 "\n" P2 "\n"
        "SOURCE Acme Biologics, Inc.\n";
    result r;
    run_lines(text, &r);
    expect_kind(&r, "SOURCE Acme", HNP_KIND_META, "source");
    expect_meta(r.m.source, "Acme Biologics");
    expect_meta(r.m.date, "2024-03-03");
    expect_meta(r.m.title, "Acme Biologics Reports Positive Results in Migraine Trial");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* The headline, not what stands around it: a breadcrumb that ends in a longer form of it,
 * a date line, a photo credit, the site's name, a subtitle (deck) under it. */
typedef struct title_case {
    const char *page;
    const char *want;
} title_case;

static const title_case title_cases[] = {
    {"Home > News > Health > Neurology > Trial results: new drug halves migraine attacks in "
     "adults\nNew Drug Halves Migraine Attacks\n",
     "New Drug Halves Migraine Attacks"},
    {"New Drug Halves Migraine Attacks\nThu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan "
     "2019 06.16 EST\n",
     "New Drug Halves Migraine Attacks"},
    {"New Drug Halves Migraine Attacks\n(Jane Roe / The Daily Health Times Photo Desk)\n",
     "New Drug Halves Migraine Attacks"},
    {"New Drug Halves Migraine Attacks\nA small trial in adults found far fewer attacks over "
     "three months of treatment\n",
     "New Drug Halves Migraine Attacks"},
    {"Daily Health Times News Network\nMenu\nNew drug halves migraine attacks\n",
     "New drug halves migraine attacks"},
};

START_TEST(test_title_choice)
{
    const title_case *tc = &title_cases[_i];
    char text[4096];
    snprintf(text, sizeof text,
             "%s%s\n%s\n%s\n\xC2\xA9 2024 Daily Health Times News Network. All rights reserved.\n",
             tc->page, P1, P2, P3);
    result r;
    run_lines(text, &r);
    expect_meta(r.m.title, tc->want);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A Chinese page: dateline and 来源 (source), previous/next links, copyright. */
START_TEST(test_chinese_page)
{
    static const char text[] =
        "\xE5\xB9\xB2\xE7\xBB\x86\xE8\x83\x9E\xE7\x96\x97\xE6\xB3\x95\xE6\x9C\x89"
        "\xE6\x9C\x9B\xE6\xB2\xBB\xE7\x96\x97\xE5\xA4\x9A\xE5\x8F\x91\xE6\x80\xA7"
        "\xE7\xA1\xAC\xE5\x8C\x96\xE7\x97\x87\n"
        "2016\xE5\xB9\xB4"
        "8\xE6\x9C\x88"
        "18\xE6\x97\xA5 \xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A"
        "\xE7\x94\x9F\xE7\x89\xA9\xE8\xB0\xB7\n"
        "\xE8\xBF\x91\xE6\x97\xA5\xEF\xBC\x8C\xE6\x8D\xAE\xE8\x8B\xB1\xE5\x9B\xBD"
        "\xE6\xAF\x8F\xE6\x97\xA5\xE9\x82\xAE\xE6\x8A\xA5\xE6\x8A\xA5\xE9\x81\x93"
        "\xEF\xBC\x8C\xE4\xB8\x80\xE5\x90\x8D\xE5\xA4\x9A\xE5\x8F\x91\xE6\x80\xA7"
        "\xE7\xA1\xAC\xE5\x8C\x96\xE7\x97\x87\xE6\x82\xA3\xE8\x80\x85\xE5\x9C\xA8"
        "\xE6\x8E\xA5\xE5\x8F\x97\xE9\x80\xA0\xE8\xA1\x80\xE5\xB9\xB2\xE7\xBB\x86"
        "\xE8\x83\x9E\xE6\xB2\xBB\xE7\x96\x97\xE6\x95\xB0\xE5\xA4\xA9\xE5\x90\x8E"
        "\xE4\xBB\x8E\xE8\xBD\xAE\xE6\xA4\x85\xE4\xB8\x8A\xE7\xAB\x99\xE4\xBA\x86"
        "\xE8\xB5\xB7\xE6\x9D\xA5\xEF\xBC\x8C\xE5\xB9\xB6\xE4\xB8\x94\xE8\x83\xBD"
        "\xE5\xA4\x9F\xE6\xAD\xA3\xE5\xB8\xB8\xE8\xA1\x8C\xE8\xB5\xB0\xE3\x80\x82"
        "\n"
        "\xE7\xA0\x94\xE7\xA9\xB6\xE4\xBA\xBA\xE5\x91\x98\xE8\xA1\xA8\xE7\xA4\xBA"
        "\xEF\xBC\x8C\xE8\xBF\x99\xE7\xA7\x8D\xE7\x96\x97\xE6\xB3\x95\xE5\x9C\xA8"
        "\xE4\xB8\xB4\xE5\xBA\x8A\xE8\xAF\x95\xE9\xAA\x8C\xE4\xB8\xAD\xE6\x98\xBE"
        "\xE7\xA4\xBA\xE5\x87\xBA\xE8\x89\xAF\xE5\xA5\xBD\xE7\x9A\x84\xE5\x89\x8D"
        "\xE6\x99\xAF\xEF\xBC\x8C\xE4\xBD\x86\xE4\xBB\x8D\xE9\x9C\x80\xE8\xA6\x81"
        "\xE6\x9B\xB4\xE5\xA4\xA7\xE8\xA7\x84\xE6\xA8\xA1\xE7\x9A\x84\xE7\xA0\x94"
        "\xE7\xA9\xB6\xE6\x9D\xA5\xE8\xAF\x81\xE5\xAE\x9E\xE5\x85\xB6\xE5\xAE\x89"
        "\xE5\x85\xA8\xE6\x80\xA7\xE5\x92\x8C\xE6\x9C\x89\xE6\x95\x88\xE6\x80\xA7"
        "\xE3\x80\x82\n"
        "\xE4\xB8\x8A\xE4\xB8\x80\xE7\xAF\x87\xEF\xBC\x9A\xE5\xB9\xB2\xE7\xBB\x86"
        "\xE8\x83\x9E\xE7\xA0\x94\xE7\xA9\xB6\xE6\x96\xB0\xE8\xBF\x9B\xE5\xB1\x95"
        "\n"
        "\xE4\xB8\x8B\xE4\xB8\x80\xE7\xAF\x87\xEF\xBC\x9A\xE6\x9A\x82\xE6\x97\xA0"
        "\n"
        "\xE7\x89\x88\xE6\x9D\x83\xE6\x89\x80\xE6\x9C\x89 \xC2\xA9 2016 \xE7\x94\x9F"
        "\xE7\x89\xA9\xE8\xB0\xB7\n";
    result r;
    run_lines(text, &r);
    ck_assert_uint_eq(r.n, 7);
    ck_assert_int_eq(r.lab[0].kind, HNP_KIND_TITLE);
    ck_assert_int_eq(r.lab[1].kind, HNP_KIND_META);
    ck_assert_int_eq(r.lab[2].kind, HNP_KIND_BODY);
    ck_assert_int_eq(r.lab[3].kind, HNP_KIND_BODY);
    for (size_t i = 4; i < 7; i++) {
        ck_assert(hnp_kind_is_junk(r.lab[i].kind));
    }
    expect_meta(r.m.date, "2016-08-18");
    expect_meta(r.m.source, "\xE7\x94\x9F\xE7\x89\xA9\xE8\xB0\xB7");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- faults ------------------------------------------------------------------------------ */

START_TEST(test_zero_and_invalid)
{
    hnp_classifier *c = NULL;
    hnp_docmeta m;
    ck_assert_int_eq(hnp_classifier_create(NULL, &c), HNP_OK);
    ck_assert_int_eq(hnp_classify(c, NULL, 0, NULL, 0, NULL, &m), HNP_OK);
    ck_assert_ptr_null(m.title);
    ck_assert_ptr_null(m.date);
    ck_assert_ptr_null(m.source);
    hnp_span bad = {5, 100};
    hnp_label l;
    ck_assert_int_eq(hnp_classify(c, (const uint8_t *)"abc", 3, &bad, 1, &l, &m), HNP_ERR_INVALID);
    ck_assert_int_eq(hnp_classify(c, (const uint8_t *)"abc", 3, NULL, 1, &l, &m), HNP_ERR_INVALID);
    ck_assert_int_eq(hnp_classify(NULL, NULL, 0, NULL, 0, NULL, &m), HNP_ERR_INVALID);
    ck_assert_int_eq(hnp_classifier_create(NULL, NULL), HNP_ERR_INVALID);
    hnp_classifier_free(c);
    hnp_classifier_free(NULL);
    hnp_docmeta_free(NULL);
}
END_TEST

START_TEST(test_huge_sentence)
{
    size_t n = 4u << 20;
    char *text = malloc(n + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t i = 0; i < n; i++) {
        text[i] = "the cell and a "[i % 15];
    }
    text[n - 1] = '.';
    text[n] = '\0';
    result *r = calloc(1, sizeof *r);
    r->text = text;
    r->sp[0] = (hnp_span){0, n};
    r->n = 1;
    classify(r);
    ck_assert_int_eq(r->lab[0].kind, HNP_KIND_BODY);
    hnp_docmeta_free(&r->m);
    free(r);
    free(text);
}
END_TEST

START_TEST(test_binary_junk)
{
    char text[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof text - 1; i++) {
        x = x * 1103515245u + 12345u;
        text[i] = (char)((x >> 16) & 0xFF);
        if (text[i] == '\0') {
            text[i] = '\n';
        }
    }
    text[sizeof text - 1] = '\0';
    result r;
    run_lines(text, &r); /* invalid UTF-8 in every line: must not crash or read out of bounds */
    ck_assert_uint_gt(r.n, 0);
    hnp_docmeta_free(&r.m);
}
END_TEST

START_TEST(test_non_latin)
{
    static const char text[] =
        /* Chinese: two sentences of running text with 。 */
        "\xE5\x9B\xBD\xE5\xAE\xB6\xE5\x8D\xAB\xE7\x94\x9F\xE5\x81\xA5\xE5\xBA\xB7\xE5\xA7\x94"
        "\xE5\x91\x98\xE4\xBC\x9A\xE4\xBB\x8A\xE5\xA4\xA9\xE5\x8F\x91\xE5\xB8\x83\xE4\xBA\x86"
        "\xE6\x96\xB0\xE7\x9A\x84\xE5\xB9\xB2\xE7\xBB\x86\xE8\x83\x9E\xE4\xB8\xB4\xE5\xBA\x8A"
        "\xE7\xA0\x94\xE7\xA9\xB6\xE7\xAE\xA1\xE7\x90\x86\xE5\x8A\x9E\xE6\xB3\x95\xEF\xBC\x8C"
        "\xE8\xA6\x81\xE6\xB1\x82\xE6\x89\x80\xE6\x9C\x89\xE5\x8C\xBB\xE9\x99\xA2\xE4\xB8\xA5"
        "\xE6\xA0\xBC\xE9\x81\xB5\xE5\xAE\x88\xE3\x80\x82\n"
        /* Russian */
        "\xD0\x92\xD1\x80\xD0\xB0\xD1\x87\xD0\xB8 \xD1\x81\xD0\xBE\xD0\xBE\xD0\xB1\xD1\x89\xD0\xB8"
        "\xD0\xBB\xD0\xB8 \xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBC \xD0\xBC\xD0\xB5\xD1"
        "\x82\xD0\xBE\xD0\xB4\xD0\xB5 \xD0\xBB\xD0\xB5\xD1\x87\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x8F "
        "\xD1\x80\xD0\xB0\xD1\x81\xD1\x81\xD0\xB5\xD1\x8F\xD0\xBD\xD0\xBD\xD0\xBE\xD0\xB3\xD0\xBE "
        "\xD1\x81\xD0\xBA\xD0\xBB\xD0\xB5\xD1\x80\xD0\xBE\xD0\xB7\xD0\xB0 \xD1\x81 \xD0\xBF\xD0\xBE"
        "\xD0\xBC\xD0\xBE\xD1\x89\xD1\x8C\xD1\x8E \xD1\x81\xD1\x82\xD0\xB2\xD0\xBE\xD0\xBB\xD0\xBE"
        "\xD0\xB2\xD1\x8B\xD1\x85 \xD0\xBA\xD0\xBB\xD0\xB5\xD1\x82\xD0\xBE\xD0\xBA.\n";
    result r;
    run_lines(text, &r);
    ck_assert_uint_eq(r.n, 2);
    ck_assert_int_eq(r.lab[0].kind, HNP_KIND_BODY);
    ck_assert_int_eq(r.lab[1].kind, HNP_KIND_BODY);
    hnp_docmeta_free(&r.m);
}
END_TEST

START_TEST(test_kind_names)
{
    ck_assert_str_eq(hnp_kind_name(HNP_KIND_BODY), "body");
    ck_assert_str_eq(hnp_kind_name(HNP_KIND_TITLE), "title");
    ck_assert_str_eq(hnp_kind_name(HNP_KIND_META), "meta");
    ck_assert_str_eq(hnp_kind_name(HNP_KIND_SPAM), "spam");
    ck_assert_str_eq(hnp_kind_name(HNP_KIND_BOILERPLATE), "boilerplate");
    ck_assert_str_eq(hnp_kind_name((hnp_kind)42), "?");
    ck_assert(hnp_kind_is_junk(HNP_KIND_SPAM) && hnp_kind_is_junk(HNP_KIND_BOILERPLATE));
    ck_assert(!hnp_kind_is_junk(HNP_KIND_META) && !hnp_kind_is_junk(HNP_KIND_BODY));
}
END_TEST

/* ---- the trained model ----------------------------------------------------------------- */

/* A small page written for this test: navigation, a headline, a dateline, three
 * paragraphs, a teaser list. The expected scores are the model's calibrated P(kind) as
 * trained by scripts/train_classify.py; retraining changes them, on purpose: the test
 * then shows what moved. */
static const char model_page[] = "Home\n"
                                 "Health\n"
                                 "Nurses trial a calmer way to wake patients after surgery\n"
                                 "March 3, 2021\n" P1 "\n" P2 "\n" P3 "\n"
                                 "More stories\n"
                                 "* Five foods that help you sleep\n"
                                 "* Why walking after dinner matters\n";

typedef struct pinned {
    const char *prefix;
    hnp_kind kind;
    float score;
} pinned;

/* "Health" (page head) and the teaser (tail) are the model's verdicts; the rest are the
 * rules' (a nav item, the headline, the dateline, prose in the article). */
static const pinned model_pins[] = {
    {"Home", HNP_KIND_BOILERPLATE, 0.9f},
    {"Health", HNP_KIND_BOILERPLATE, PIN_HEAD},
    {"Nurses trial", HNP_KIND_TITLE, 0.85f},
    {"March 3", HNP_KIND_META, 0.85f},
    {"Researchers at", HNP_KIND_BODY, 0.95f},
    {"Independent experts", HNP_KIND_BODY, 0.95f},
    {"* Five foods", HNP_KIND_BOILERPLATE, PIN_TEASER},
};

START_TEST(test_model_pinned)
{
    result r;
    run_lines(model_page, &r);
    for (size_t k = 0; k < sizeof model_pins / sizeof model_pins[0]; k++) {
        const pinned *pn = &model_pins[k];
        expect_kind(&r, pn->prefix, pn->kind, NULL);
        expect_score(&r, pn->prefix, pn->score);
    }
    hnp_docmeta_free(&r.m);
}
END_TEST

/* The feature dump for the trainer: names are unique and the vectors are finite and
 * the same on a second call (the trainer and the classifier share this code). */
/* The document's language comes from CLD2 and picks the function words that the
 * stop-density features count: French and German prose has as many of its own as English
 * prose (non-ASCII ones too: "été", "für"), so it does not look like a link list. */
static const char french_page[] =
    "Le ministère de la Santé a annoncé mardi une nouvelle campagne de vaccination.\n"
    "Les médecins de famille pourront vacciner les personnes âgées dès le mois prochain.\n"
    "Selon les autorités, la campagne de l'an dernier a été un succès dans la plupart des "
    "régions du pays.\n";
static const char german_page[] =
    "Das Gesundheitsministerium hat am Dienstag eine neue Kampagne für die Grippeimpfung "
    "vorgestellt, die sich vor allem an ältere Menschen richtet.\n"
    "Nach Angaben der Behörde war die Impfquote im letzten Winter in vielen Regionen zu "
    "niedrig, und die Ärzte sollen nun über die Risiken aufklären.\n";

/* The mean of feature "shape:stop" over the document's sentences. */
/* The feature dump of r (n rows of hnp_classify_n_features(), the caller frees it) and in
 * *col the column of feature name. */
static float *feature_rows(const result *r, const char *name, size_t *col)
{
    size_t nf = hnp_classify_n_features(), j = 0;
    char buf[64];
    while (j < nf && strcmp(hnp_classify_feature_name(j, buf, sizeof buf), name) != 0) {
        j++;
    }
    ck_assert_msg(j < nf, "no feature %s", name);
    hnp_classifier *c = NULL;
    ck_assert_int_eq(hnp_classifier_create(NULL, &c), HNP_OK);
    float *x = calloc(r->n * nf, sizeof *x);
    ck_assert_ptr_nonnull(x);
    ck_assert_int_eq(
        hnp_classify_features(c, (const uint8_t *)r->text, strlen(r->text), r->sp, r->n, x),
        HNP_OK);
    hnp_classifier_free(c);
    *col = j;
    return x;
}

static float mean_stop(const result *r)
{
    size_t nf = hnp_classify_n_features(), j;
    float *x = feature_rows(r, "shape:stop", &j);
    float sum = 0.0f;
    for (size_t i = 0; i < r->n; i++) {
        sum += x[i * nf + j];
    }
    free(x);
    return sum / (float)r->n;
}

START_TEST(test_language)
{
    result r;
    run_lines(french_page, &r);
    ck_assert_str_eq(r.m.lang, "fr");
    ck_assert_msg(mean_stop(&r) > 0.3f, "French function words: %f", (double)mean_stop(&r));
    for (size_t i = 0; i < r.n; i++) {
        ck_assert(!hnp_kind_is_junk(r.lab[i].kind));
    }
    hnp_docmeta_free(&r.m);
    ck_assert_str_eq(r.m.lang, "");
    run_lines(german_page, &r);
    ck_assert_str_eq(r.m.lang, "de");
    ck_assert_msg(mean_stop(&r) > 0.25f, "German function words: %f", (double)mean_stop(&r));
    hnp_docmeta_free(&r.m);
    run_lines(seed, &r);
    ck_assert_str_eq(r.m.lang, "en");
    hnp_docmeta_free(&r.m);
    run_lines("Hi\n", &r); /* too short to tell */
    ck_assert_str_eq(r.m.lang, "");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A short text's language is its own: CLD2 reads past the sample it is given, and what
 * lies there must not be the previous document's sample (classify.c pads it with zeros).
 * Debian 12's CLD2 calls "10\u03bcs" Greek on its own; with a French or a German page's
 * sample left behind it was unsure ("") before the padding. */
START_TEST(test_language_own)
{
    static const char tiny[] = "10\u03bcs"; /* no line end after it */
    const char *const pages[] = {french_page, german_page};
    for (size_t k = 0; k < 2; k++) {
        result r;
        run_lines(pages[k], &r);
        hnp_docmeta_free(&r.m);
        run_lines(tiny, &r);
        ck_assert_msg(strcmp(r.m.lang, "el") == 0, "after page %zu: '%s'", k, r.m.lang);
        hnp_docmeta_free(&r.m);
    }
}
END_TEST

/* The site-template memory: lines counted once per document (case, digits and blanks
 * folded), saved as sorted text that loads back to the same bytes, bad text refused with
 * its line; in the classifier a recurring line becomes boilerplate, unless most of the
 * body recurs (a repeated article). */
static const char tmpl_page[] = "Researchers in Lyon reported a drop in hospital admissions for "
                                "asthma after the new clean-air rules came in.\n"
                                "The effect was largest among children under five.\n"
                                "Health Daily brings you the stories that matter to patients and "
                                "their families.\n";

START_TEST(test_templates)
{
    hnp_templates *t = NULL;
    ck_assert_int_eq(hnp_templates_create(&t), HNP_OK);
    const char *foot =
        "Health Daily brings you the stories that matter to patients and their families.";
    char doc[256];
    for (int i = 0; i < 3; i++) {
        snprintf(doc, sizeof doc,
                 "Story number %d is about something else entirely, day %c.\n%s\n%s\n", i, 'a' + i,
                 foot, foot);
        ck_assert_int_eq(hnp_templates_add(t, (const uint8_t *)doc, strlen(doc)), HNP_OK);
    }
    ck_assert_uint_eq(hnp_templates_docs(t), 3);
    ck_assert_uint_eq(hnp_templates_count(t, (const uint8_t *)foot, strlen(foot)), 3);
    const char *folded =
        "  HEALTH DAILY brings you the stories  that matter to patients and their families. ";
    ck_assert_uint_eq(hnp_templates_count(t, (const uint8_t *)folded, strlen(folded)), 3);
    const char *digits = "Story number 7 is about something else entirely, day a.";
    ck_assert_uint_eq(hnp_templates_count(t, (const uint8_t *)digits, strlen(digits)), 1);

    uint8_t *a = NULL, *b = NULL;
    size_t na = 0, nb = 0, bad = 0;
    ck_assert_int_eq(hnp_templates_save(t, &a, &na), HNP_OK);
    ck_assert(na > 20 && memcmp(a, "hnpipe-templates 1\ndocs\t3\n", 26) == 0);
    hnp_templates *u = NULL;
    ck_assert_int_eq(hnp_templates_create(&u), HNP_OK);
    ck_assert_int_eq(hnp_templates_load(u, a, na, &bad), HNP_OK);
    ck_assert_int_eq(hnp_templates_save(u, &b, &nb), HNP_OK);
    ck_assert(na == nb && memcmp(a, b, na) == 0);
    free(b);
    ck_assert_int_eq(hnp_templates_load(u, a, na, &bad), HNP_OK); /* merged: counts add */
    ck_assert_uint_eq(hnp_templates_count(u, (const uint8_t *)foot, strlen(foot)), 6);
    ck_assert_uint_eq(hnp_templates_docs(u), 6);
    const char *broken = "hnpipe-templates 1\ndocs\t1\n00000000000000ab\t2\nzz\t1\n";
    ck_assert_int_eq(hnp_templates_load(u, (const uint8_t *)broken, strlen(broken), &bad),
                     HNP_ERR_FORMAT);
    ck_assert_uint_eq(bad, 4);
    ck_assert_int_eq(hnp_templates_load(u, (const uint8_t *)"", 0, &bad), HNP_ERR_FORMAT);
    /* in two steps (the keys, then counting them: how -r's threads do it), the same memory */
    hnp_templates *k = NULL;
    ck_assert_int_eq(hnp_templates_create(&k), HNP_OK);
    for (int i = 0; i < 3; i++) {
        snprintf(doc, sizeof doc,
                 "Story number %d is about something else entirely, day %c.\n%s\n%s\n", i, 'a' + i,
                 foot, foot);
        uint64_t *keys = NULL;
        size_t nk = 0;
        ck_assert_int_eq(hnp_templates_keys((const uint8_t *)doc, strlen(doc), &keys, &nk), HNP_OK);
        ck_assert_uint_eq(nk, 2); /* the footer twice is one line */
        ck_assert_int_eq(hnp_templates_add_keys(k, keys, nk), HNP_OK);
        free(keys);
    }
    ck_assert_int_eq(hnp_templates_save(k, &b, &nb), HNP_OK);
    ck_assert(na == nb && memcmp(a, b, na) == 0);
    free(b);
    hnp_templates_free(k);
    free(a);
    hnp_templates_free(u);

    /* In the classifier: the footer line is template boilerplate, the article stays. */
    hnp_classify_opts o = {0, t};
    hnp_classifier *c = NULL;
    ck_assert_int_eq(hnp_classifier_create(&o, &c), HNP_OK);
    result r;
    run_lines(tmpl_page, &r);
    hnp_docmeta_free(&r.m);
    ck_assert_int_eq(
        hnp_classify(c, (const uint8_t *)r.text, strlen(r.text), r.sp, r.n, r.lab, &r.m), HNP_OK);
    expect_kind(&r, "Health Daily", HNP_KIND_BOILERPLATE, "template");
    expect_kind(&r, "Researchers in Lyon", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
    /* A page whose body is mostly recurring lines is a repeated article: left alone. */
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(hnp_templates_add(t, (const uint8_t *)tmpl_page, strlen(tmpl_page)),
                         HNP_OK);
    }
    ck_assert_int_eq(
        hnp_classify(c, (const uint8_t *)r.text, strlen(r.text), r.sp, r.n, r.lab, &r.m), HNP_OK);
    expect_kind(&r, "Health Daily", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
    hnp_classifier_free(c);
    hnp_templates_free(t);
}
END_TEST

START_TEST(test_feature_dump)
{
    size_t nf = hnp_classify_n_features();
    char a[64], b[64];
    ck_assert(nf > 50);
    ck_assert_ptr_null(hnp_classify_feature_name(nf, a, sizeof a));
    for (size_t i = 0; i < nf; i++) {
        ck_assert_ptr_nonnull(hnp_classify_feature_name(i, a, sizeof a));
        for (size_t j = i + 1; j < nf; j++) {
            ck_assert_str_ne(a, hnp_classify_feature_name(j, b, sizeof b));
        }
    }
    result r;
    run_lines(model_page, &r);
    hnp_classifier *c = NULL;
    ck_assert_int_eq(hnp_classifier_create(NULL, &c), HNP_OK);
    float *x = calloc(r.n * nf, sizeof *x), *y = calloc(r.n * nf, sizeof *y);
    ck_assert(x && y);
    const uint8_t *t = (const uint8_t *)r.text;
    ck_assert_int_eq(hnp_classify_features(c, t, strlen(r.text), r.sp, r.n, x), HNP_OK);
    ck_assert_int_eq(hnp_classify_features(c, t, strlen(r.text), r.sp, r.n, y), HNP_OK);
    for (size_t i = 0; i < r.n * nf; i++) {
        ck_assert(isfinite(x[i]) && memcmp(&x[i], &y[i], sizeof x[i]) == 0);
    }
    free(x);
    free(y);
    hnp_classifier_free(c);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- the trim: the region's end peeled -------------------------------------------------- */

/* Other articles' teasers after the article (a headline, a date, a one-sentence summary
 * each), written for this test: the region search keeps them, the trim peels them off
 * the end and stops at the first one it thinks is body. */
#define TEASERS                                                                                    \
    "Can a daily walk lower blood pressure?\nMarch 2, 2021\n"                                      \
    "A small study followed office workers who walked for half an hour at lunch time.\n"           \
    "Why do some people never catch the flu?\nMarch 1, 2021\n"                                     \
    "Scientists looked at the immune cells of nurses who stayed healthy all winter.\n"             \
    "How much sleep do teenagers need?\nFebruary 27, 2021\n"                                       \
    "Most teenagers sleep less than the nine hours that doctors advise.\n"                         \
    "Is coffee good for the heart after all?\nFebruary 26, 2021\n"                                 \
    "A review of forty studies found no harm from three cups a day.\n"

/* The trim model's score on "Scientists looked at" (retraining moves it, on purpose). */
#define PIN_TRIM 0.736f

START_TEST(test_trim_teasers)
{
    static const char text[] = "Nurses trial a calmer way to wake patients after surgery\n" P1
                               "\n" P2 "\n" P3 "\n" P4 "\n" TEASERS;
    result r;
    run_lines(text, &r);
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    expect_kind(&r, "Doctors should discuss", HNP_KIND_BODY, "-");
    expect_kind(&r, "Why do some people", HNP_KIND_BOILERPLATE, "tail");
    expect_kind(&r, "Scientists looked at", HNP_KIND_BOILERPLATE, "tail");
    expect_kind(&r, "A review of forty", HNP_KIND_BOILERPLATE, "tail");
    expect_score(&r, "Scientists looked at", PIN_TRIM);
    hnp_docmeta_free(&r.m);
    /* a reader's comment that reads like prose after them does not stop the peel: the cut
     * is where the junk outweighs the rest most, not at the first sentence it would keep */
    static const char comment[] =
        "Nurses trial a calmer way to wake patients after surgery\n" P1 "\n" P2 "\n" P3 "\n" P4
        "\n" TEASERS "I think every hospital in the country should try this, because "
        "waking up after surgery was the worst part of my own operation.\n";
    run_lines(comment, &r);
    expect_kind(&r, "Doctors should discuss", HNP_KIND_BODY, "-");
    expect_kind(&r, "I think every", HNP_KIND_BOILERPLATE, "tail");
    size_t i = find(&r, "I think every");
    ck_assert_msg(r.lab[i].score < 0.5f, "alone the model keeps it: P(junk) %.3f",
                  (double)r.lab[i].score);
    hnp_docmeta_free(&r.m);
    /* without the teasers nothing is peeled: the article's last paragraph stays */
    static const char alone[] = "Nurses trial a calmer way to wake patients after surgery\n" P1
                                "\n" P2 "\n" P3 "\n" P4 "\n";
    run_lines(alone, &r);
    for (size_t k = 1; k < r.n; k++) {
        ck_assert_msg(r.lab[k].kind == HNP_KIND_BODY, "sentence %zu: %s", k, r.lab[k].reason);
    }
    hnp_docmeta_free(&r.m);
}
END_TEST

/* The value of feature name for sentence i of r (from the feature dump). */
static float feature_of(const result *r, size_t i, const char *name)
{
    size_t j;
    float *x = feature_rows(r, name, &j);
    float v = x[i * hnp_classify_n_features() + j];
    free(x);
    return v;
}

/* The article, a three-item list under the lead-in LEAD, then TEASERS. */
#define LISTED(LEAD)                                                                               \
    "Nurses trial a calmer way to wake patients after surgery\n" P1 "\n" P2 "\n" P3 "\n" P4        \
    "\n" LEAD "\n* Fever\n* Headache\n* Tiredness\n" TEASERS

/* The peel never passes the article's own list (items under a "...:" lead-in the model
 * calls body, and the short lines that continue it), a legitimate ending, or the lede.
 * A list under a lead-in the model calls junk (a shouting "more from our site" line with
 * a web address) is no guard: its items are judged as any sentence. */
START_TEST(test_trim_guards)
{
    static const char text[] = LISTED("The most common side effects were:");
    result r;
    run_lines(text, &r);
    expect_kind(&r, "The most common", HNP_KIND_BODY, "-");
    expect_kind(&r, "* Fever", HNP_KIND_BODY, "-");
    expect_kind(&r, "* Tiredness", HNP_KIND_BODY, "-");
    expect_kind(&r, "A review of forty", HNP_KIND_BOILERPLATE, "tail");
    ck_assert(feature_of(&r, find(&r, "Researchers at"), "trim:guard") > 0.5f);
    ck_assert(feature_of(&r, find(&r, "Doctors should"), "trim:guard") < 0.5f);
    ck_assert(feature_of(&r, find(&r, "A review of forty"), "trim:guard") < 0.5f);
    hnp_docmeta_free(&r.m);
    static const char junk[] = LISTED("MORE FROM CITY HEALTH NEWS AT WWW.CITYHEALTH.ORG:");
    run_lines(junk, &r);
    expect_kind(&r, "Doctors should discuss", HNP_KIND_BODY, "-");
    const char *const peeled[] = {"MORE FROM CITY", "* Fever", "* Tiredness", "A review of forty"};
    for (size_t k = 0; k < sizeof peeled / sizeof *peeled; k++) {
        expect_kind(&r, peeled[k], HNP_KIND_BOILERPLATE, "tail");
    }
    hnp_docmeta_free(&r.m);
    /* a legitimate ending stops the peel too */
    static const char legit[] =
        "Nurses trial a calmer way to wake patients after surgery\n" P1 "\n" P2 "\n" P3 "\n"
        "For more information, contact the hospital's press office.\n" P4 "\n";
    run_lines(legit, &r);
    ck_assert(feature_of(&r, find(&r, "For more information"), "trim:guard") > 0.5f);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A list closing the article under a lead-in that shares the article's words (its lede
 * tells of side effects) is the article's whatever the tail model says of the lead-in:
 * its items are guards. A list under a lead-in that shares none (a sign-up box) is not. */
START_TEST(test_list_lead_core)
{
    static const char own[] =
        P1 "\n" P2 "\n" P3
           "\nPatients who stayed in the hospital reported these side effects:\n* Fever\n"
           "* Headache\n* Nausea\n";
    result r;
    run_lines(own, &r);
    ck_assert(feature_of(&r, find(&r, "* Headache"), "trim:guard") > 0.5f);
    expect_kind(&r, "* Nausea", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
    static const char box[] =
        P1 "\n" P2 "\n" P3
           "\nGet our free newsletters by email:\n* Morning briefing\n* Weekly digest\n";
    run_lines(box, &r);
    ck_assert(feature_of(&r, find(&r, "* Weekly digest"), "trim:guard") < 0.5f);
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- the head: the region's start peeled ------------------------------------------------ */

/* A page's navigation, then two shouting notice lines (a web address, hours, a phone
 * number) that the region search takes in with the article, written for this test. */
#define NAV "Home\nNews\nHealth\nSign in\n"
#define NOTICES                                                                                    \
    "FLU CLINIC HOURS AT WWW.CITYHEALTH.ORG: 9-12, 14-17 (MON-FRI), 555-0100.\n"                   \
    "COUNTY HEALTH DESK 2021 - 24/7 UPDATES AT WWW.CITYHEALTH.ORG.\n"

/* The head model's P(junk) on the first notice (retraining moves it, on purpose). */
#define PIN_HEAD_TRIM 0.587f

START_TEST(test_head_notices)
{
    static const char page[] = NAV NOTICES P1 "\n" P2 "\n" P3 "\n" P4 "\n";
    result r;
    run_lines(page, &r);
    expect_kind(&r, "FLU CLINIC", HNP_KIND_BOILERPLATE, "head");
    expect_kind(&r, "COUNTY HEALTH DESK", HNP_KIND_BOILERPLATE, "head");
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    expect_kind(&r, "Doctors should", HNP_KIND_BODY, "-");
    expect_score(&r, "FLU CLINIC", PIN_HEAD_TRIM);
    hnp_docmeta_free(&r.m);
    /* an excerpt that starts with them has no page head: nothing is peeled */
    static const char excerpt[] = NOTICES P1 "\n" P2 "\n" P3 "\n" P4 "\n";
    run_lines(excerpt, &r);
    for (size_t k = 0; k < r.n; k++) {
        ck_assert_msg(r.lab[k].kind == HNP_KIND_BODY, "sentence %zu: %s", k, r.lab[k].reason);
    }
    hnp_docmeta_free(&r.m);
}
END_TEST

/* Below a page head, the last two sentences before the tail's cut stay: a short text is
 * not all head. */
START_TEST(test_head_keeps_end)
{
    static const char page[] = NAV NOTICES "\n";
    result r;
    run_lines(page, &r);
    expect_kind(&r, "FLU CLINIC", HNP_KIND_BODY, "-");
    expect_kind(&r, "COUNTY HEALTH DESK", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
    static const char one[] = NAV P1 "\n";
    run_lines(one, &r);
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- an article split by an inline box ------------------------------------------------- */

/* A lede of two paragraphs, an advertisement slot between rules, then the article's rest
 * (written for this test). The box (a scraper's rules, 120 characters each) weighs more
 * than the lede in the region search. */
#define BOX_LEDE                                                                                   \
    "A small clinic in the hills has cut the waiting time for knee surgery from a year to "        \
    "three months by sharing its operating rooms with the regional hospital at night.\n"           \
    "The director said that the nurses had asked for the change themselves, because many of "      \
    "their patients could no longer walk to the village shop or climb the stairs at home.\n"
#define RULE120                                                                                    \
    "____________________________________________________________________________________________" \
    "____________________________"
#define AD_BOX "Article continues below\n" RULE120 "\nAdvertisement\n" RULE120 "\n"

START_TEST(test_split_lede)
{
    static const char page[] = NAV BOX_LEDE AD_BOX P1 "\n" P2 "\n" P3 "\n" P4 "\n";
    result r;
    run_lines(page, &r);
    expect_kind(&r, "A small clinic", HNP_KIND_BODY, "-");
    expect_kind(&r, "The director said", HNP_KIND_BODY, "-");
    expect_kind(&r, "Advertisement", HNP_KIND_BOILERPLATE, "ad-slot");
    expect_kind(&r, "______", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
    /* a title-cased headline in the gap: what stands above it is another story's teaser */
    static const char teaser[] = NAV BOX_LEDE AD_BOX "Trial Finds New Therapy Halves Relapses\n" P1
                                                     "\n" P2 "\n" P3 "\n" P4 "\n";
    run_lines(teaser, &r);
    expect_kind(&r, "A small clinic", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "Trial Finds New", HNP_KIND_TITLE, NULL);
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* A box near the article's end: two long rules around an advertisement slot (a scraper's
 * separators joined into lines of 960 characters) above the article's last two paragraphs.
 * A letter-less line costs no more than a page-structure marker whatever its length, so
 * the region runs on past the box to the article's end (written for this test). */
#define RULE960  RULE120 RULE120 RULE120 RULE120 RULE120 RULE120 RULE120 RULE120
#define LATE_BOX "\n" RULE960 "\nAdvertisement\n" RULE960 "\n"
#define LATE_TOP                                                                                   \
    "The clinic in the valley opened its first operating room in the spring of last year, "        \
    "after the regional council had agreed to pay for the new equipment and the staff.\n"          \
    "Since then the two surgeons have treated more than four hundred patients, most of them "      \
    "farmers and retired workers who had been waiting for a new hip or knee.\n"                    \
    "The nurses keep a list of every patient and call each of them a week after the operation "    \
    "to ask about the pain, the wound and the exercises they were given.\n"
#define LATE_END                                                                                   \
    "The hospital will review the night shifts in the spring, and the clinic hopes to add a "      \
    "second surgeon before the summer holidays begin.\n"                                           \
    "Patients who are waiting for an operation can ask their family doctor to send them to "       \
    "the clinic, the director added.\n"                                                            \
    "Several of the older patients told the local paper that they had not expected to walk "       \
    "without a stick again, and that the short journey made the visits much easier.\n"             \
    "The council has promised to decide on the money for a second operating room before the "      \
    "end of the year, after the auditors have looked at the costs of the first one.\n"             \
    "Other villages in the region have asked whether their own small hospitals could share "       \
    "their rooms in the same way, and the ministry is now studying the idea.\n"                    \
    "A report on the first two years of the scheme is due to be published in the autumn, the "     \
    "spokeswoman for the council said on Friday.\n"

START_TEST(test_box_before_end)
{
    static const char page[] = NAV P1 "\n" P2 "\n" P3 "\n" P4 "\n" LATE_TOP LATE_BOX LATE_END;
    result r;
    run_lines(page, &r);
    expect_kind(&r, "Researchers at", HNP_KIND_BODY, "-");
    expect_kind(&r, "Advertisement", HNP_KIND_BOILERPLATE, "ad-slot");
    expect_kind(&r, "______", HNP_KIND_BOILERPLATE, NULL);
    expect_kind(&r, "The hospital will review", HNP_KIND_BODY, "-");
    expect_kind(&r, "A report on the first", HNP_KIND_BODY, "-");
    hnp_docmeta_free(&r.m);
}
END_TEST

/* The core-overlap evidence (classify_overlap.c), for the sentences the model decides
 * (here the tail below a box of links): the share of a sentence's content words (4+
 * letters, no function word, known by their first six letters) that the article's core,
 * its first prose sentences, holds. A paragraph of the article split off below the box
 * shares its words ("patients", "vaccine"); a full-sentence teaser of another story shares
 * none. Sentences the rules keep (the article's inside) get no such evidence. */
#define CORE_ARTICLE                                                                               \
    "Hospitals across the county began offering the new influenza vaccine to elderly patients "    \
    "this week, health officials announced on Monday morning.\n"                                   \
    "The county health office said the vaccine protects elderly patients against three influenza " \
    "strains that circulated widely during the previous winter season.\n"                          \
    "Nurses will give the vaccine at every hospital clinic until the end of the winter season, "   \
    "and appointments are not required for patients older than sixty-five.\n"                      \
    "Officials expect demand for the influenza vaccine to rise sharply once colder weather "       \
    "arrives and hospital admissions begin climbing again.\n"                                      \
    "Last winter, influenza outbreaks filled several hospital wards, and many elderly patients "   \
    "waited hours for treatment in crowded emergency rooms.\n"                                     \
    "Doctors recommend that elderly patients with heart disease or diabetes receive the vaccine "  \
    "early, because influenza complications hit them hardest.\n"                                   \
    "Pharmacies in the county will also offer the influenza vaccine to elderly patients, the "     \
    "health office added, so hospital clinics are not overwhelmed.\n"                              \
    "Health officials urged families to remind elderly relatives about the vaccine before "        \
    "holiday gatherings bring influenza into crowded homes.\n"                                     \
    "The hospital network said its clinics stocked enough influenza vaccine doses for every "      \
    "elderly patient registered in the county this winter.\n"                                      \
    "Elderly patients who already received the vaccine last winter should still return to the "    \
    "clinic, because protection fades over the months.\n"
#define CORE_TEASER                                                                                \
    "A bakery downtown won a national prize for its sourdough bread and cinnamon rolls.\n"         \
    "Tickets for the summer music festival sold out within minutes of going on sale online.\n"

START_TEST(test_core_overlap)
{
    static const char text[] =
        CORE_ARTICLE "Home\nNews\nHealth\nSports\nOpinion\nVideo\nPhotos\n"
                     "Contact us\nSign in\n"
                     "Pharmacists said the influenza vaccine for elderly "
                     "patients will also reach rural clinics next week.\n" CORE_TEASER;
    result r;
    run_lines(text, &r);
    size_t split = find(&r, "Pharmacists said"), teaser = find(&r, "A bakery downtown");
    ck_assert(feature_of(&r, split, "rule:in-region") < 0.5f);
    ck_assert(feature_of(&r, split, "core") >= 0.5f);
    ck_assert(feature_of(&r, teaser, "core") < 0.01f);
    ck_assert(feature_of(&r, find(&r, "Elderly patients who"), "core") < 0.01f);
    /* the window (two sentences on either side, by content words): the split part lifts
     * the last teaser's, which stays below the split part's own share */
    float win = feature_of(&r, find(&r, "Tickets for"), "core:window");
    ck_assert(win > 0.05f && win < feature_of(&r, split, "core"));
    hnp_docmeta_free(&r.m);
}
END_TEST

/* ---- the seed sample from ../shared, when present ---------------------------------------- */

START_TEST(test_shared_seed_tail)
{
    const char *dir = hnp_test_shared_dir();
    if (!dir) {
        fprintf(stderr, "check_classify: ../shared absent, seed file test skipped\n");
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/samples/stem-cell-ms.txt", dir);
    size_t len = 0;
    char *text = hnp_test_read_file(path, &len);
    ck_assert_ptr_nonnull(text);
    /* The footer is glued to the last paragraph: cut it off as the segmenter would. */
    char *footer = strstr(text, "Qingdao");
    ck_assert_ptr_nonnull(footer);
    footer[-1] = '\n';
    result *r = calloc(1, sizeof *r);
    run_lines(text, r);
    ck_assert_int_eq(r->lab[r->n - 1].kind, HNP_KIND_SPAM);
    ck_assert_int_eq(r->lab[0].kind, HNP_KIND_TITLE);
    hnp_docmeta_free(&r->m);
    free(r);
    free(text);
}
END_TEST

static Suite *classify_suite(void)
{
    Suite *s = suite_create("classify");
    TCase *t = tcase_create("seed");
    tcase_add_test(t, test_seed_lines);
    tcase_add_test(t, test_seed_glued);
    tcase_add_test(t, test_seed_unsplit);
    tcase_add_test(t, test_shared_seed_tail);
    suite_add_tcase(s, t);
    t = tcase_create("classes");
    tcase_add_loop_test(t, test_junk_inline, 0, (int)(sizeof junk_cases / sizeof junk_cases[0]));
    tcase_add_loop_test(t, test_legit_ending, 0, (int)(sizeof legit_cases / sizeof legit_cases[0]));
    tcase_add_test(t, test_tail_whole);
    tcase_add_test(t, test_comment_thread);
    tcase_add_test(t, test_comment_notice);
    tcase_add_test(t, test_dateline_fragment);
    tcase_add_test(t, test_short_lede);
    tcase_add_test(t, test_cut_off_ending);
    tcase_add_test(t, test_symptom_list);
    tcase_add_test(t, test_not_phones);
    tcase_add_test(t, test_no_article);
    tcase_add_test(t, test_pubmed_title);
    tcase_add_test(t, test_page_head);
    tcase_add_test(t, test_subheading_and_link_list);
    suite_add_tcase(s, t);
    t = tcase_create("meta");
    tcase_add_loop_test(t, test_dates, 0, (int)(sizeof date_cases / sizeof date_cases[0]));
    tcase_add_test(t, test_sciencedaily_header);
    tcase_add_test(t, test_source_name_in_ly);
    tcase_add_loop_test(t, test_unlabelled_sources, 0,
                        (int)(sizeof source_cases / sizeof source_cases[0]));
    tcase_add_test(t, test_press_release_source);
    tcase_add_loop_test(t, test_title_choice, 0, (int)(sizeof title_cases / sizeof title_cases[0]));
    suite_add_tcase(s, t);
    t = tcase_create("faults");
    tcase_set_timeout(t, 30);
    tcase_add_test(t, test_zero_and_invalid);
    tcase_add_test(t, test_huge_sentence);
    tcase_add_test(t, test_binary_junk);
    tcase_add_test(t, test_non_latin);
    tcase_add_test(t, test_chinese_page);
    tcase_add_test(t, test_kind_names);
    tcase_add_test(t, test_model_pinned);
    tcase_add_test(t, test_feature_dump);
    tcase_add_test(t, test_trim_teasers);
    tcase_add_test(t, test_trim_guards);
    tcase_add_test(t, test_list_lead_core);
    tcase_add_test(t, test_head_notices);
    tcase_add_test(t, test_head_keeps_end);
    tcase_add_test(t, test_split_lede);
    tcase_add_test(t, test_box_before_end);
    tcase_add_test(t, test_core_overlap);
    tcase_add_test(t, test_language);
    tcase_add_test(t, test_language_own);
    tcase_add_test(t, test_templates);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return hnp_test_run(classify_suite());
}
