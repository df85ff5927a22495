/* check_segment.c -- unit tests of the segment stage (stage 2). */
#include "base/ascii.h"
#include "hnp/segment.h"
#include "segment/segment_internal.h"
#include "testutil.h"

#include <stdint.h>

/* ---- helpers ---------------------------------------------------------------------------- */

/* Segments text (with the TOOSMALL retry) and returns malloc'd spans in *out. */
static size_t run_seg(unsigned flags, const char *text, size_t len, hnp_span **out)
{
    hnp_segment_opts o = {flags};
    hnp_segmenter *s = NULL;
    ck_assert_int_eq(hnp_segmenter_create(&o, &s), HNP_OK);
    size_t n = 0, cap = 4;
    hnp_span *sp = malloc(cap * sizeof *sp);
    hnp_status st;
    while ((st = hnp_segment(s, (const uint8_t *)text, len, sp, cap, &n)) == HNP_ERR_TOOSMALL) {
        cap = n;
        sp = realloc(sp, cap * sizeof *sp);
        ck_assert_ptr_nonnull(sp);
    }
    ck_assert_int_eq(st, HNP_OK);
    hnp_segmenter_free(s);
    *out = sp;
    return n;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The contract: in order, non-overlapping, non-empty, inside the text, ASCII-trimmed. */
static void check_invariants(const char *text, size_t len, const hnp_span *sp, size_t n)
{
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_lt(sp[i].start, sp[i].end);
        ck_assert_uint_le(sp[i].end, len);
        ck_assert_uint_ge(sp[i].start, last);
        ck_assert(!is_ws((unsigned char)text[sp[i].start]));
        ck_assert(!is_ws((unsigned char)text[sp[i].end - 1]));
        last = sp[i].end;
    }
}

/* Expected sentences are separated by '|' in want. */
static void expect(unsigned flags, const char *text, const char *want)
{
    hnp_span *sp;
    size_t len = strlen(text), n = run_seg(flags, text, len, &sp);
    check_invariants(text, len, sp, n);
    char got[2048] = "";
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(got);
        snprintf(got + k, sizeof got - k, "%s%.*s", i ? "|" : "", (int)(sp[i].end - sp[i].start),
                 text + sp[i].start);
    }
    ck_assert_msg(strcmp(got, want) == 0, "\n input: %s\n want:  %s\n got:   %s", text, want, got);
    free(sp);
}

/* ---- rule table --------------------------------------------------------------------------- */

typedef struct seg_case_t {
    const char *in;
    const char *want;
} seg_case_t;

static const seg_case_t cases[] = {
    {"Stop here. Then go on.", "Stop here.|Then go on."},
    {"Is it safe? Doctors say yes! They agree.", "Is it safe?|Doctors say yes!|They agree."},
    {"Dr. Smith met Prof. Jones at St. Mary's Hospital.",
     "Dr. Smith met Prof. Jones at St. Mary's Hospital."},
    {"The patient, aged 54, saw Mary K. Brown yesterday.",
     "The patient, aged 54, saw Mary K. Brown yesterday."},
    {"Take 3.5 mg daily. The dose may rise.", "Take 3.5 mg daily.|The dose may rise."},
    {"The family raised £40,000 for it. It worked.",
     "The family raised £40,000 for it.|It worked."},
    {"It cost $1,250.50 in total.", "It cost $1,250.50 in total."},
    {"See Fig. 3 and p. 12 for details.", "See Fig. 3 and p. 12 for details."},
    {"Trial No. 5 failed. No. It did not.", "Trial No. 5 failed.|No.|It did not."},
    {"Drugs, e.g. statins, i.e. lipid drugs, help.",
     "Drugs, e.g. statins, i.e. lipid drugs, help."},
    {"The U.S. Food and Drug Administration agreed.",
     "The U.S. Food and Drug Administration agreed."},
    {"She moved to the U.K. The move was hard.", "She moved to the U.K.|The move was hard."},
    {"Smith et al. reported it. Jones et al. The study was small.",
     "Smith et al. reported it.|Jones et al.|The study was small."},
    {"Qingdao Beautiful Skin Biotechnology Co., Ltd , https://www.hafilleresthetic.com",
     "Qingdao Beautiful Skin Biotechnology Co., Ltd , https://www.hafilleresthetic.com"},
    {"Acme Co. at noon. Acme Inc. It grew.", "Acme Co. at noon.|Acme Inc.|It grew."},
    {"Write to jane.doe@example.org. She answers.", "Write to jane.doe@example.org.|She answers."},
    {"Visit https://www.nih.gov/health/a.b.html. Then call.",
     "Visit https://www.nih.gov/health/a.b.html.|Then call."},
    {"He said, \"Stop now.\" She stopped.", "He said, \"Stop now.\"|She stopped."},
    {"He said, \"Stop now.\" she said.", "He said, \"Stop now.\" she said."},
    {"It (see the note.) is long.", "It (see the note.) is long."},
    {"Really?! Yes.", "Really?!|Yes."},
    {"He paused... Then he left.", "He paused...|Then he left."},
    {"I was ... well ... unsure.", "I was ... well ... unsure."},
    {"\"The dose [...] was high\" (Lee 4).", "\"The dose [...] was high\" (Lee 4)."},
    {"1. Rest well 2. Drink water 3. Sleep", "1. Rest well|2. Drink water|3. Sleep"},
    {"a) fever b) cough", "a) fever|b) cough"},
    {"\xE2\x80\xA2 fever \xE2\x80\xA2 cough", "\xE2\x80\xA2 fever|\xE2\x80\xA2 cough"},
    {"It rained.Today is dry.", "It rained.|Today is dry."},
    {"We met at 5 a.m. Mr. Lee came at 6 p.m. The door was shut.",
     "We met at 5 a.m.|Mr. Lee came at 6 p.m.|The door was shut."},
    {"Levels of vitamin D. The study found more.", "Levels of vitamin D.|The study found more."},
    {"He won in 2005.[3] Later he retired. [4] Then he died.",
     "He won in 2005.[3]|Later he retired. [4]|Then he died."},
    /* newlines: a blank line or a finished line always ends; a wrapped line continues */
    {"This line was\nwrapped by a tool.", "This line was\nwrapped by a tool."},
    {"fever\nsore throat\nrunny nose", "fever|sore throat|runny nose"},
    {"Title Of The Piece\nThe body starts here.", "Title Of The Piece|The body starts here."},
    {"First part\n\nsecond part", "First part|second part"},
    {"This line was\r\nwrapped by a tool.\r\nNext one.",
     "This line was\r\nwrapped by a tool.|Next one."},
    {"Learn More\nabout us\nMac mini\nmacOS Catalina",
     "Learn More|about us|Mac mini|macOS Catalina"},
    {"It was paid by the media\nmogul, Debola Lagos.",
     "It was paid by the media\nmogul, Debola Lagos."},
    {"We asked the man and\n\xE2\x80\x9Cwhy not?\xE2\x80\x9D",
     "We asked the man and|\xE2\x80\x9Cwhy not?\xE2\x80\x9D"},
    /* headlines, datelines and fields glued together by scrapers */
    {"Does it work? March 3, 2020 Source: Reuters Health Researchers found a link.",
     "Does it work?|March 3, 2020|Source: Reuters Health|Researchers found a link."},
    {"New hope for MS 18 August 2016 By Jane Doe The study was small.",
     "New hope for MS|18 August 2016|By Jane Doe|The study was small."},
    {"2016-08-18 10:30 Patients improved.", "2016-08-18 10:30|Patients improved."},
    {"By 2020, cases doubled.", "By 2020, cases doubled."},
    {"Source: University of Oxford Scientists have found it.",
     "Source: University of Oxford|Scientists have found it."},
    {"Trials end. Clinical Trials A series of trials is under way.",
     "Trials end.|Clinical Trials|A series of trials is under way."},
    {"Stem Cell Research In China grew.", "Stem Cell Research In China grew."},
    {"Sent by Molly Harris 03/09/2000 05:39 PM Please find it.",
     "Sent by Molly Harris|03/09/2000 05:39 PM|Please find it."},
    {"We leave Sat. Sept. 23 for Nice.", "We leave Sat. Sept. 23 for Nice."},
    {"As Edwin P. Wilson said.", "As Edwin P. Wilson said."},
    {"[Fig-01. Stem Cell Types] Cells differ.", "[Fig-01. Stem Cell Types] Cells differ."},
    {"He said: \"It works. \" Then he left.", "He said: \"It works. \"|Then he left."},
    {"I agree. :) See you.", "I agree. :)|See you."},
    {"He was fine...I just worry.", "He was fine...|I just worry."},
    {"See Lee et al. (1996) Nat. Genet. 13, 399-408. Cells die.",
     "See Lee et al. (1996) Nat. Genet. 13, 399-408.|Cells die."},
    {"Give 2 mg. kg(-1) daily. Mean 7 +/- 5. 3 days.",
     "Give 2 mg. kg(-1) daily.|Mean 7 +/- 5. 3 days."},
    {"It rose in 2016. 70 patients died.", "It rose in 2016.|70 patients died."},
    {"Open 08:00 - 20:00. 1,200 people came.", "Open 08:00 - 20:00.|1,200 people came."},
    {"Doses were given b.i.d. Nausea was rare.", "Doses were given b.i.d.|Nausea was rare."},
    {"Dr. Smith, M.D., Ph.D., said so. It was approved in Oct. 2016. Good.",
     "Dr. Smith, M.D., Ph.D., said so.|It was approved in Oct. 2016.|Good."},
    {"Tel: +86-532-1234567. Email: info@x.com. Web: www.x.com",
     "Tel: +86-532-1234567.|Email: info@x.com.|Web: www.x.com"},
    {"Rights matter. 4 Even so, majorities rule.", "Rights matter. 4|Even so, majorities rule."},
    {"Figure 1.5 Residents of Boxborough met.", "Figure 1.5|Residents of Boxborough met."},
    {"By Umair Irfan Updated Nov 13, 2019, 10:28am EST",
     "By Umair Irfan|Updated Nov 13, 2019, 10:28am EST"},
    {"I ran a site called eHow. eHow was big.", "I ran a site called eHow.|eHow was big."},
    {"Thanks a lot ---------- Get your free copy", "Thanks a lot|----------|Get your free copy"},
    {"Fees, rent, etc. Manuscript review follows.", "Fees, rent, etc.|Manuscript review follows."},
    /* non-Latin scripts */
    {"\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE6\x88\x91\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82",
     "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82|\xE6\x88\x91\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82"},
    {"\xE4\xBB\x8A\xE6\x97\xA5\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C\xE3\x80\x82\xE6\x98\x8E"
     "\xE6\x97\xA5\xEF\xBC\x81",
     "\xE4\xBB\x8A\xE6\x97\xA5\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C\xE3\x80\x82|\xE6\x98\x8E"
     "\xE6\x97\xA5\xEF\xBC\x81"},
    {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82. \xD0\x9A\xD0\xB0\xD0\xBA "
     "\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?",
     "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82.|\xD0\x9A\xD0\xB0\xD0\xBA "
     "\xD0\xB4\xD0\xB5\xD0\xBB\xD0\xB0?"},
};

START_TEST(test_rules)
{
    expect(0, cases[_i].in, cases[_i].want);
}
END_TEST

START_TEST(test_tables_sorted)
{
    ck_assert(hnp_seg_words_sorted());
}
END_TEST

START_TEST(test_icu_only)
{
    expect(HNP_SEG_ICU_ONLY, "Mr. Smith went home. He slept.", "Mr. Smith went home.|He slept.");
    /* ICU alone splits where the rules do not: the point of the rules */
    expect(HNP_SEG_ICU_ONLY, "She works at Yahoo! in Paris.", "She works at Yahoo!|in Paris.");
}
END_TEST

/* ---- the seed article ------------------------------------------------------------------- */

static const char seed_head[] =
    "Can stem cell therapy really treat multiple sclerosis?\n"
    "Can stem cell therapy really treat multiple sclerosis? August 18, 2016 Source: Bio Valley "
    "Recently, according to Daily Mail, Eric Thompson, a patient with multiple sclerosis (MS), "
    "stood up from the wheelchair several days after the treatment. Tungmpson and his family "
    "raised \xC2\xA3"
    "40,000 and started the therapy in Mexico.";

static const char seed_tail[] =
    "We are not aware of the long-term effects of our own hematopoietic stem cell "
    "transplantation therapy, which underscores the importance of late clinical trials. "
    "Qingdao Beautiful Skin Biotechnology Co., Ltd , https://www.hafilleresthetic.com";

START_TEST(test_seed_article)
{
    expect(0, seed_head,
           "Can stem cell therapy really treat multiple sclerosis?|"
           "Can stem cell therapy really treat multiple sclerosis?|August 18, 2016|"
           "Source: Bio Valley|Recently, according to Daily Mail, Eric Thompson, a patient with "
           "multiple sclerosis (MS), stood up from the wheelchair several days after the "
           "treatment.|Tungmpson and his family raised \xC2\xA3"
           "40,000 and started the therapy in Mexico.");
    expect(0, seed_tail,
           "We are not aware of the long-term effects of our own hematopoietic stem cell "
           "transplantation therapy, which underscores the importance of late clinical trials.|"
           "Qingdao Beautiful Skin Biotechnology Co., Ltd , https://www.hafilleresthetic.com");
}
END_TEST

/* ---- faults -------------------------------------------------------------------------------- */

START_TEST(test_empty_and_blank)
{
    hnp_segmenter *s;
    size_t n = 99;
    ck_assert_int_eq(hnp_segmenter_create(NULL, &s), HNP_OK);
    ck_assert_int_eq(hnp_segment(s, NULL, 0, NULL, 0, &n), HNP_OK);
    ck_assert_uint_eq(n, 0);
    const char *blank = " \t\n\n  \xC2\xA0\n\xE3\x80\x80 ";
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)blank, strlen(blank), NULL, 0, &n), HNP_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(hnp_segment(NULL, (const uint8_t *)"a", 1, NULL, 0, &n), HNP_ERR_INVALID);
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)"a", 1, NULL, 3, &n), HNP_ERR_INVALID);
    hnp_segmenter_free(s);
    hnp_segmenter_free(NULL);
}
END_TEST

START_TEST(test_toosmall_protocol)
{
    const char *t = "One. Two. Three.";
    hnp_segmenter *s;
    hnp_span sp[3] = {{0, 0}, {0, 0}, {0, 0}};
    size_t n = 0;
    ck_assert_int_eq(hnp_segmenter_create(NULL, &s), HNP_OK);
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)t, strlen(t), NULL, 0, &n), HNP_ERR_TOOSMALL);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)t, strlen(t), sp, 1, &n), HNP_ERR_TOOSMALL);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(sp[0].start, 0);
    ck_assert_uint_eq(sp[0].end, 4);
    ck_assert_uint_eq(sp[1].end, 0); /* never written beyond cap */
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)t, strlen(t), sp, 3, &n), HNP_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(sp[2].start, 10);
    ck_assert_uint_eq(sp[2].end, 16);
    hnp_segmenter_free(s);
}
END_TEST

/* The growing form gives what the TOOSMALL protocol gives, from an empty buffer or a reused
 * one, across the buffer's growth steps. */
START_TEST(test_grow_matches_toosmall)
{
    hnp_segmenter *s;
    ck_assert_int_eq(hnp_segmenter_create(NULL, &s), HNP_OK);
    size_t len = 0;
    char *t = malloc(200 * 16 + 1);
    for (int i = 0; i < 200; i++) {
        len += (size_t)sprintf(t + len, "Item %03d is ok. ", i);
    }
    size_t n_ref = 0;
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)t, len, NULL, 0, &n_ref), HNP_ERR_TOOSMALL);
    hnp_span *ref = malloc(n_ref * sizeof *ref);
    ck_assert_int_eq(hnp_segment(s, (const uint8_t *)t, len, ref, n_ref, &n_ref), HNP_OK);
    hnp_span *spans = NULL;
    size_t cap = 0, n = 0;
    for (int round = 0; round < 2; round++) { /* the second reuses the grown buffer */
        ck_assert_int_eq(hnp_segment_grow(s, (const uint8_t *)t, len, &spans, &cap, &n), HNP_OK);
        ck_assert_uint_eq(n, n_ref);
        ck_assert_uint_ge(cap, n);
        ck_assert_mem_eq(spans, ref, n * sizeof *ref);
    }
    ck_assert_int_eq(hnp_segment_grow(s, (const uint8_t *)"", 0, &spans, &cap, &n), HNP_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(hnp_segment_grow(s, (const uint8_t *)t, len, NULL, &cap, &n), HNP_ERR_INVALID);
    hnp_free(spans);
    free(ref);
    free(t);
    hnp_segmenter_free(s);
}
END_TEST

START_TEST(test_huge_line)
{
    /* 4 MiB with no stop: one sentence, in linear time */
    size_t len = (size_t)4 << 20;
    char *t = malloc(len + 1);
    for (size_t i = 0; i < len; i++) {
        t[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 26);
    }
    t[len - 1] = 'x';
    hnp_span *sp;
    for (unsigned f = 0; f <= HNP_SEG_ICU_ONLY; f++) {
        size_t n = run_seg(f, t, len, &sp);
        ck_assert_uint_eq(n, 1);
        ck_assert_uint_eq(sp[0].start, 0);
        ck_assert_uint_eq(sp[0].end, len);
        free(sp);
    }
    free(t);
}
END_TEST

/* Pathological long tokens must stay linear: "Ab.Ab.Ab..." and "A. A. A. ..." (1 MiB each,
 * which a quadratic scan would not finish within the test's timeout) */
START_TEST(test_huge_tokens)
{
    size_t len = (size_t)1 << 20;
    char *t = malloc(len + 1);
    const char *pat[] = {"Ab.", "A. ", "x:/", "e.g", "[1]", ". ."};
    for (size_t k = 0; k < sizeof pat / sizeof pat[0]; k++) {
        for (size_t i = 0; i < len; i++) {
            t[i] = pat[k][i % 3];
        }
        t[len] = 0;
        hnp_span *sp;
        size_t n = run_seg(0, t, len, &sp);
        check_invariants(t, len, sp, n);
        free(sp);
    }
    free(t);
}
END_TEST

START_TEST(test_many_tiny)
{
    size_t k = 200000, len = 4 * k;
    char *t = malloc(len + 1);
    for (size_t i = 0; i < k; i++) {
        memcpy(t + 4 * i, "Ok. ", 4);
    }
    t[len] = 0;
    hnp_span *sp;
    size_t n = run_seg(0, t, len, &sp);
    ck_assert_uint_eq(n, k);
    check_invariants(t, len, sp, n);
    ck_assert_uint_eq(sp[k - 1].start, len - 4);
    free(sp);
    free(t);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    /* Not valid UTF-8 (but NUL-free): must not crash, and spans stay in bounds. */
    const char *bad[] = {
        "\xFF\xFE Abc. \xC3 Def.\xE2\x80",
        "Dr.\xC3. Smith\xF0\x9F. \x80\x80\x80 End",
        "\xE2\x80\xA6\xE2\x80 . . .\xC2",
        "1.\xFF 2.\xFE \xE2\x80\xA2\xE2",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        for (unsigned f = 0; f <= HNP_SEG_ICU_ONLY; f++) {
            hnp_span *sp;
            size_t len = strlen(bad[i]), n = run_seg(f, bad[i], len, &sp);
            for (size_t j = 0; j < n; j++) {
                ck_assert_uint_lt(sp[j].start, sp[j].end);
                ck_assert_uint_le(sp[j].end, len);
            }
            free(sp);
        }
    }
}
END_TEST

START_TEST(test_random_bytes)
{
    /* Deterministic noise heavy in the characters the rules look at. */
    static const char alphabet[] = "aB. !?\n\"')([]1:,\xC2\xA0\xE2\x80\xA6\xE3\x80\x82@/-";
    uint32_t x = 12345;
    char buf[512];
    for (int round = 0; round < 2000; round++) {
        size_t len = (size_t)(round % 500) + 1;
        for (size_t i = 0; i < len; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
            if ((x >> 8) % 61 == 0) {
                buf[i] = 0; /* stray NUL bytes must not confuse the C string helpers */
            }
        }
        buf[len] = 0;
        hnp_span *sp;
        size_t n = run_seg((unsigned)round & 1u, buf, len, &sp);
        size_t last = 0;
        for (size_t j = 0; j < n; j++) {
            ck_assert_uint_lt(sp[j].start, sp[j].end);
            ck_assert_uint_le(sp[j].end, len);
            ck_assert_uint_ge(sp[j].start, last);
            last = sp[j].end;
        }
        free(sp);
    }
}
END_TEST

/* ---- the Golden Rules file -------------------------------------------------------------- */

/* Decodes the JSON string starting at the opening quote *p into out; returns the position
 * after the closing quote, or NULL. Enough JSON for the sentence sets, no more. */
static const char *json_str(const char *p, char *out, size_t cap)
{
    size_t o = 0;
    if (*p++ != '"') {
        return NULL;
    }
    while (*p && *p != '"' && o + 4 < cap) {
        unsigned long c = (unsigned char)*p++;
        if (c != '\\') {
            out[o++] = (char)c; /* raw UTF-8 bytes are copied as they are */
            continue;
        }
        char e = *p++;
        c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : (unsigned char)e;
        if (e == 'u') {
            c = strtoul((char[5]){p[0], p[1], p[2], p[3], 0}, NULL, 16);
            p += 4;
            if (c >= 0xD800 && c < 0xDC00 && p[0] == '\\' && p[1] == 'u') {
                unsigned long lo = strtoul((char[5]){p[2], p[3], p[4], p[5], 0}, NULL, 16);
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
        }
        if (c < 0x80) {
            out[o++] = (char)c;
        } else if (c < 0x800) {
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = (char)(0xE0 | (c >> 12));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (c >> 18));
            out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[o] = 0;
    return *p == '"' ? p + 1 : NULL;
}

/* Appends s[0..n) to out with whitespace runs squashed to one space. */
static void squash_append(char *out, size_t cap, const char *s, size_t n)
{
    size_t o = strlen(out);
    int space = o > 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        if (is_ws((unsigned char)s[i])) {
            space = 1;
            continue;
        }
        if (space && o > 0) {
            out[o++] = ' ';
        }
        space = 0;
        out[o++] = s[i];
    }
    out[o] = 0;
}

/* One Golden Rules record: 1 when the segmenter (flags) gets it exactly right. */
static int golden_ok(unsigned flags, const char *line)
{
    char input[2048], sent[2048], want[4096] = "", got[4096] = "";
    const char *p = strstr(line, "\"input\": ");
    const char *q = strstr(line, "\"expected\": [");
    ck_assert_msg(p && q, "unexpected record: %.80s", line);
    ck_assert_ptr_nonnull(json_str(p + 9, input, sizeof input));
    for (q += 13; *q == '"';) {
        q = json_str(q, sent, sizeof sent);
        ck_assert_ptr_nonnull(q);
        squash_append(want, sizeof want, "\x01", 1);
        squash_append(want, sizeof want, sent, strlen(sent));
        q += strspn(q, ", ");
    }
    hnp_span *sp;
    size_t n = run_seg(flags, input, strlen(input), &sp);
    for (size_t i = 0; i < n; i++) {
        squash_append(got, sizeof got, "\x01", 1);
        squash_append(got, sizeof got, input + sp[i].start, sp[i].end - sp[i].start);
    }
    free(sp);
    return strcmp(want, got) == 0;
}

START_TEST(test_golden_rules_file)
{
    const char *dir = hnp_test_shared_dir();
    if (!dir) {
        fprintf(stderr, "check_segment: HNP_SHARED_DIR not set: Golden Rules test skipped\n");
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/eval/sentences/golden-rules-en.jsonl", dir);
    char *data = hnp_test_read_file(path, NULL);
    if (!data) {
        fprintf(stderr, "check_segment: %s absent: Golden Rules test skipped\n", path);
        return;
    }
    int total = 0, ok = 0, icu_ok = 0;
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        total++;
        ok += golden_ok(0, line);
        icu_ok += golden_ok(HNP_SEG_ICU_ONLY, line);
    }
    free(data);
    ck_assert_int_eq(total, 52);
    /* measured: 52/52 with the rules, 30/52 with ICU alone */
    ck_assert_msg(ok >= 50, "Golden Rules: %d/52 exact, floor 50", ok);
    ck_assert_msg(ok > icu_ok, "rules (%d) do not beat ICU (%d)", ok, icu_ok);
}
END_TEST

/* ---- the UD documents ------------------------------------------------------------------ */

typedef struct prf {
    size_t tp, fp, fn;
} prf;

/* Scores one UD record: gold ends are where its sentences end in its text, predicted ends
 * where our spans end; the end of the last sentence is not a boundary. */
static void ud_score(const char *line, char *text, char *sent, size_t cap, prf *with, prf *icu)
{
    const char *q = strstr(line, "\"sentences\": [");
    const char *p = strstr(line, "\"text\": ");
    ck_assert(p && q && json_str(p + 8, text, cap));
    size_t len = strlen(text), gold[2048], ng = 0, pos = 0;
    for (q += 14; *q == '"' && ng < 2048;) {
        q = json_str(q, sent, cap);
        ck_assert_ptr_nonnull(q);
        const char *f = strstr(text + pos, sent);
        if (f) {
            pos = (size_t)(f - text) + strlen(sent);
            gold[ng++] = pos;
        }
        q += strspn(q, ", ");
    }
    ng -= ng > 0;
    for (unsigned flags = 0; flags <= HNP_SEG_ICU_ONLY; flags++) {
        prf *r = flags ? icu : with;
        hnp_span *sp;
        size_t n = run_seg(flags, text, len, &sp), i = 0, j = 0;
        n -= n > 0;
        while (i < n || j < ng) {
            if (j == ng || (i < n && sp[i].end < gold[j])) {
                r->fp++, i++;
            } else if (i == n || gold[j] < sp[i].end) {
                r->fn++, j++;
            } else {
                r->tp++, i++, j++;
            }
        }
        free(sp);
    }
}

static double f1(const prf *r)
{
    return 2.0 * (double)r->tp / (double)(2 * r->tp + r->fp + r->fn);
}

START_TEST(test_ud_file)
{
    const char *dir = hnp_test_shared_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/eval/sentences/ud-dev.jsonl", dir ? dir : ".");
    char *data = dir ? hnp_test_read_file(path, NULL) : NULL;
    if (!data) {
        fprintf(stderr, "check_segment: %s absent: UD test skipped\n", path);
        return;
    }
    size_t cap = 1 << 17;
    char *text = malloc(cap), *sent = malloc(cap);
    prf with = {0, 0, 0}, icu = {0, 0, 0};
    for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
        ud_score(line, text, sent, cap, &with, &icu);
    }
    free(text);
    free(sent);
    free(data);
    /* measured: F1 0.952 with the rules, 0.915 with ICU alone (P 0.988/0.957, R 0.919/0.875) */
    ck_assert_msg(f1(&with) >= 0.94, "UD boundary F1 %.3f, floor 0.94", f1(&with));
    ck_assert_msg(f1(&with) > f1(&icu), "rules %.3f do not beat ICU %.3f", f1(&with), f1(&icu));
}
END_TEST

/* The simple paths test_token_blocks_agree compares the tokenizers with: every character
 * decoded and asked whether it is white space (hnp_seg_token), every byte of the token
 * asked for its properties (hnp_seg_token_plain). */
static bool space_at(const uint8_t *t, size_t pos, size_t end, size_t *n)
{
    int32_t cp;
    *n = hnp_seg_decode(t, pos, end, &cp);
    return hnp_seg_is_space(cp);
}

static bool ref_token(const uint8_t *t, size_t pos, size_t end, hnp_span *tok)
{
    size_t n;
    while (pos < end && space_at(t, pos, end, &n)) {
        pos += n;
    }
    if (pos >= end) {
        return false;
    }
    tok->start = pos;
    while (pos < end && !space_at(t, pos, end, &n)) {
        pos += n;
    }
    tok->end = pos;
    return true;
}

static bool ref_token_plain(const uint8_t *t, size_t pos, size_t end, hnp_span *tok, bool *plain)
{
    while (pos < end && hnp_ascii_is(t[pos], HNP_ASCII_SPACE)) {
        pos++;
    }
    bool ok = pos < end;
    size_t p = pos;
    for (; p < end && !hnp_ascii_is(t[p], HNP_ASCII_SPACE); p++) {
        ok = ok && t[p] < 0x80 &&
             !hnp_ascii_is(t[p], HNP_ASCII_TERM | HNP_ASCII_BRACKET | HNP_ASCII_INFIX);
    }
    *plain = ok;
    if (ok) {
        *tok = (hnp_span){pos, p};
        return true;
    }
    return ref_token(t, pos, end, tok);
}

/* hnp_seg_token_plain and hnp_seg_token (sixteen bytes a step with SSE2) find the tokens
 * the byte loops find, from every position to several ends, on generated text: runs of
 * letters and digits of up to 40 bytes (across the sixteen-byte steps) between marks,
 * white space, no-break and other Unicode spaces, letters past ASCII, controls and bytes
 * that are no UTF-8. */
START_TEST(test_token_blocks_agree)
{
    static const char *const pieces[] = {" ",        "  ",
                                         "\t",       "\n",
                                         ".",        "!",
                                         "?",        "(",
                                         ")",        "[",
                                         "]",        ":",
                                         "@",        ",",
                                         "-",        "'",
                                         "\"",       "/",
                                         "\xC2\xA0", "\xE2\x80\x83",
                                         "\xC3\xA9", "\xE3\x80\x82",
                                         "\x7F",     "\x01",
                                         "\x80",     "\xFF",
                                         "~",        "`",
                                         "{"};
    static const char word[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    uint32_t x = 4242;
    uint8_t buf[400];
    size_t checked = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        while (len + 48 < sizeof buf && len < (size_t)(round % 350) + 2) {
            x = x * 1103515245u + 12345u;
            if ((x >> 16) % 3) {
                size_t run = (x >> 4) % 41;
                for (size_t k = 0; k < run; k++) {
                    x = x * 1103515245u + 12345u;
                    buf[len++] = (uint8_t)word[(x >> 16) % (sizeof word - 1)];
                }
            } else {
                const char *p = pieces[(x >> 8) % (sizeof pieces / sizeof pieces[0])];
                memcpy(buf + len, p, strlen(p));
                len += strlen(p);
            }
        }
        for (size_t pos = 0; pos <= len; pos++) {
            size_t ends[3] = {len, pos + (round % 37), pos + 16};
            for (int e = 0; e < 3; e++) {
                size_t end = ends[e] < len ? ends[e] : len;
                hnp_span a = {0, 0}, b = {0, 0};
                bool pa = false, pb = false;
                bool ra = hnp_seg_token_plain(buf, pos, end, &a, &pa);
                bool rb = ref_token_plain(buf, pos, end, &b, &pb);
                if (ra != rb || (ra && (a.start != b.start || a.end != b.end || pa != pb))) {
                    ck_abort_msg("token_plain at %zu..%zu of \"%.*s\": %d %zu-%zu %d, simple path "
                                 "%d %zu-%zu %d",
                                 pos, end, (int)len, (const char *)buf, ra, a.start, a.end, pa, rb,
                                 b.start, b.end, pb);
                }
                ra = hnp_seg_token(buf, pos, end, &a);
                rb = ref_token(buf, pos, end, &b);
                ck_assert_int_eq(ra, rb);
                if (ra) {
                    ck_assert_uint_eq(a.start, b.start);
                    ck_assert_uint_eq(a.end, b.end);
                }
                checked++;
            }
        }
    }
    ck_assert_uint_gt(checked, 100000);
}
END_TEST

/* hnp_seg_month and hnp_seg_is_weekday as their comments define them (a name, its first
 * three letters, "Sept", "Tues", "Thur", "Thurs"; any case; one '.' after a month, a '.'
 * or ',' after a weekday): the simple paths test_month_weekday_agree compares them with. */
static size_t ref_name(const char *const *names, size_t n_names, const uint8_t *w, size_t len)
{
    for (size_t i = 0; i < n_names; i++) {
        size_t n = strlen(names[i]), k = 0;
        while (k < len && k < n && (w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]) == names[i][k]) {
            k++;
        }
        if (k == len && len >= 3 && len <= n) {
            return i + 1;
        }
    }
    return 0;
}

static int ref_month(const uint8_t *w, size_t len)
{
    static const char *const names[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
    len -= len > 0 && w[len - 1] == '.';
    size_t m = ref_name(names, 12, w, len);
    return m && (len == 3 || len == strlen(names[m - 1]) || (m == 9 && len == 4)) ? (int)m : 0;
}

static bool ref_weekday(const uint8_t *w, size_t len)
{
    static const char *const names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    len -= len > 0 && (w[len - 1] == '.' || w[len - 1] == ',');
    size_t d = ref_name(names, 7, w, len);
    return d && (len == 3 || len == strlen(names[d - 1]) || (d == 2 && len == 4) ||
                 (d == 4 && (len == 4 || len == 5)));
}

static void month_weekday_agree_on(const uint8_t *w, size_t len, size_t *found)
{
    int m = hnp_seg_month(w, len);
    bool d = hnp_seg_is_weekday(w, len);
    if (m != ref_month(w, len) || d != ref_weekday(w, len)) {
        ck_abort_msg("\"%.*s\": month %d (simple path %d), weekday %d (simple path %d)", (int)len,
                     (const char *)w, m, ref_month(w, len), d, ref_weekday(w, len));
    }
    *found += m != 0 || d;
}

/* Every prefix of every month and weekday name, in random case, with one byte replaced by
 * every letter and some other bytes, and with each ending; then random letter strings. */
START_TEST(test_month_weekday_agree)
{
    static const char *const names[] = {
        "january", "february", "march",     "april",    "may",      "june",
        "july",    "august",   "september", "october",  "november", "december",
        "monday",  "tuesday",  "wednesday", "thursday", "friday",   "saturday",
        "sunday",  "sept",     "tues",      "thurs"};
    static const char ends[] = {0, '.', ','};
    static const uint8_t others[] = {'0', '.', '-', '@', '[', '`', '{', 0x00, 0xC3, 0xFF};
    uint32_t x = 31337;
    uint8_t w[16];
    size_t found = 0, words = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i]);
        for (size_t len = 1; len <= n; len++) {
            for (size_t pos = 0; pos <= len; pos++) { /* pos == len: nothing replaced */
                for (int r = 0; r < 26 + (int)sizeof others; r++) {
                    if (pos == len && r > 0) {
                        break;
                    }
                    for (size_t k = 0; k < len; k++) {
                        x = x * 1103515245u + 12345u;
                        w[k] = (uint8_t)(((x >> 16) & 1) ? names[i][k] - 32 : names[i][k]);
                    }
                    if (pos < len) {
                        w[pos] = r < 26 ? (uint8_t)('a' + r) : others[r - 26];
                    }
                    for (size_t e = 0; e < sizeof ends; e++) {
                        w[len] = (uint8_t)ends[e];
                        month_weekday_agree_on(w, len + (e > 0), &found);
                        words++;
                    }
                }
            }
        }
    }
    for (int round = 0; round < 200000; round++) {
        x = x * 1103515245u + 12345u;
        size_t len = (x >> 16) % 11;
        for (size_t k = 0; k < len; k++) {
            x = x * 1103515245u + 12345u;
            w[k] = (uint8_t)("adefhjmnoprstuwyADEFHJMNOPRSTUWY."[(x >> 16) % 33]);
        }
        month_weekday_agree_on(w, len, &found);
        words++;
    }
    ck_assert_uint_gt(words, 100000);
    ck_assert_uint_gt(found, 500);
}
END_TEST

static Suite *segment_suite(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("rules");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_rules, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_icu_only);
    tcase_add_test(tc, test_tables_sorted);
    tcase_add_test(tc, test_seed_article);
    tcase_add_test(tc, test_golden_rules_file);
    tcase_add_test(tc, test_ud_file);
    suite_add_tcase(s, tc);
    TCase *tf = tcase_create("faults");
    tcase_set_timeout(tf, 120);
    tcase_add_test(tf, test_empty_and_blank);
    tcase_add_test(tf, test_toosmall_protocol);
    tcase_add_test(tf, test_grow_matches_toosmall);
    tcase_add_test(tf, test_huge_line);
    tcase_add_test(tf, test_many_tiny);
    tcase_add_test(tf, test_huge_tokens);
    tcase_add_test(tf, test_invalid_utf8);
    tcase_add_test(tf, test_random_bytes);
    tcase_add_test(tf, test_token_blocks_agree);
    tcase_add_test(tf, test_month_weekday_agree);
    suite_add_tcase(s, tf);
    return s;
}

int main(void)
{
    return hnp_test_run(segment_suite());
}
