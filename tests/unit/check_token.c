/* check_token.c -- the shared tokenisation: kinds, flags, hashes, windows, bad input, and
 * agreement with the segmenter's whitespace words. */
#include "hnp/hnp.h"
#include "hnp/token.h"
#include "segment/segment_internal.h"
#include "testutil.h"

static hnp_tokens tokenize_all(const char *s)
{
    hnp_tokens t = {0};
    size_t stop = 0;
    ck_assert_int_eq(hnp_tokenize((const uint8_t *)s, 0, strlen(s), 1000, &t, &stop), HNP_OK);
    ck_assert_uint_eq(stop, strlen(s));
    return t;
}

/* The low 32 bits of FNV-1a-64, written out here so the test does not share the code it
 * checks: the lexicon hashes its keys with the same function. */
static uint32_t fnv(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++) {
        h = (h ^ (uint8_t)*s) * 1099511628211ull;
    }
    return (uint32_t)h;
}

START_TEST(kinds_and_flags)
{
    /* "Crohn's" = WORD SOFT WORD; "U.S." = WORD TERM WORD TERM; the em dash is SOFT */
    const char *s = "Crohn's U.S. 40mg\n\xc3\x89t\xc3\xa9 \xe2\x80\x94 ok?";
    hnp_tokens t = tokenize_all(s);
    static const struct {
        unsigned kind;
        size_t start, len;
        unsigned on, off;
    } want[] = {
        {HNP_TOK_WORD, 0, 5, HNP_TOK_SPACE_BEFORE | HNP_TOK_UPPER_FIRST | HNP_TOK_ASCII,
         HNP_TOK_LOWER_FIRST},
        {HNP_TOK_SOFT, 5, 1, 0, HNP_TOK_SPACE_BEFORE},
        {HNP_TOK_WORD, 6, 1, HNP_TOK_LOWER_FIRST, HNP_TOK_SPACE_BEFORE},
        {HNP_TOK_WORD, 8, 1, HNP_TOK_SPACE_BEFORE | HNP_TOK_HAS_UPPER, HNP_TOK_HAS_LOWER},
        {HNP_TOK_PUNCT, 9, 1, HNP_TOK_TERM, HNP_TOK_SPACE_BEFORE},
        {HNP_TOK_WORD, 10, 1, HNP_TOK_UPPER_FIRST, 0},
        {HNP_TOK_PUNCT, 11, 1, HNP_TOK_TERM, 0},
        {HNP_TOK_WORD, 13, 4, HNP_TOK_HAS_DIGIT | HNP_TOK_HAS_LOWER, HNP_TOK_UPPER_FIRST},
        {HNP_TOK_WORD, 18, 5, HNP_TOK_NEWLINE_BEFORE | HNP_TOK_UPPER_FIRST | HNP_TOK_HAS_LOWER,
         HNP_TOK_ASCII},
        {HNP_TOK_SOFT, 24, 3, HNP_TOK_SPACE_BEFORE, HNP_TOK_ASCII},
        {HNP_TOK_WORD, 28, 2, HNP_TOK_SPACE_BEFORE, 0},
        {HNP_TOK_PUNCT, 30, 1, HNP_TOK_TERM, 0},
    };
    ck_assert_uint_eq(t.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < t.n; i++) {
        const hnp_token *k = &t.v[i];
        ck_assert_uint_eq(k->flags & HNP_TOK_KIND, want[i].kind);
        ck_assert_uint_eq(k->start, want[i].start);
        ck_assert_uint_eq(k->len, want[i].len);
        ck_assert_uint_eq(k->flags & want[i].on, want[i].on);
        ck_assert_uint_eq(k->flags & want[i].off, 0);
    }
    ck_assert_uint_eq(t.v[8].cps, 3); /* Été: three code points in six bytes */
    hnp_tokens_free(&t);
}
END_TEST

START_TEST(ascii_hash_is_case_folded)
{
    hnp_tokens t = tokenize_all("Aspirin ASPIRIN aspirin");
    ck_assert_uint_eq(t.n, 3);
    ck_assert_uint_eq(t.v[0].hash, fnv("aspirin"));
    ck_assert_uint_eq(t.v[1].hash, fnv("aspirin"));
    ck_assert_uint_eq(t.v[2].hash, fnv("aspirin"));
    hnp_tokens_free(&t);
}
END_TEST

/* Read window by window (any size), the tokens and flags are those of one call. */
START_TEST(windows_match_one_call)
{
    unsigned seed = 12345;
    size_t len = 20000;
    uint8_t *s = malloc(len);
    static const char *const pieces[] = {"word", " ", "\n",   ".", "\xc3\xa9",     "\xe2\x80\x94",
                                         "A",    "9", "\xff", "'", "\xe3\x80\x82", "\xc2\xa0"};
    for (size_t i = 0; i < len;) {
        seed = seed * 1103515245u + 12345u;
        const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
        size_t n = strlen(p);
        n = i + n > len ? len - i : n;
        memcpy(s + i, p, n);
        i += n;
    }
    hnp_tokens all = {0}, w = {0};
    size_t stop;
    ck_assert_int_eq(hnp_tokenize(s, 0, len, len, &all, &stop), HNP_OK);
    /* Mismatches are counted and asserted once: an assertion per token would cost a write to
     * Check's parent process each, which is slow on a loaded machine. */
    size_t bad = 0;
    for (size_t max = 1; max < 40; max += 7) {
        size_t pos = 0, k = 0;
        while (pos < len) {
            ck_assert_int_eq(hnp_tokenize(s, pos, len, max, &w, &stop), HNP_OK);
            bad += w.n > max || stop <= pos;
            for (size_t i = 0; i < w.n; i++, k++) {
                bad += k >= all.n || w.base + w.v[i].start != all.v[k].start ||
                       w.v[i].len != all.v[k].len || w.v[i].flags != all.v[k].flags ||
                       w.v[i].hash != all.v[k].hash;
            }
            pos = stop > pos ? stop : len;
        }
        bad += k != all.n;
    }
    ck_assert_uint_eq(bad, 0);
    hnp_tokens_free(&all);
    hnp_tokens_free(&w);
    free(s);
}
END_TEST

/* The segmenter's whitespace-separated words are runs of whole tokens: a run starts at a
 * token with HNP_TOK_SPACE_BEFORE. Checked on text with every kind of space it knows. */
START_TEST(whitespace_words_match_segmenter)
{
    const char *s = "He said\xc2\xa0\"no.\"\tThen\xe2\x80\x8b(U.S.) well-known\xe3\x80\x80"
                    "caf\xc3\xa9\xe2\x80\xa8next \xef\xbb\xbf x\xe2\x80\x83y  ";
    size_t len = strlen(s);
    hnp_tokens t = tokenize_all(s);
    hnp_span w;
    size_t i = 0;
    for (size_t pos = 0; hnp_seg_token((const uint8_t *)s, pos, len, &w); pos = w.end) {
        ck_assert_uint_lt(i, t.n);
        ck_assert(t.v[i].flags & HNP_TOK_SPACE_BEFORE);
        ck_assert_uint_eq(t.v[i].start, w.start);
        size_t end = t.v[i].start + t.v[i].len;
        for (i++; i < t.n && !(t.v[i].flags & HNP_TOK_SPACE_BEFORE); i++) {
            end = t.v[i].start + t.v[i].len;
        }
        ck_assert_uint_eq(end, w.end);
    }
    ck_assert_uint_eq(i, t.n);
    hnp_tokens_free(&t);
}
END_TEST

START_TEST(bad_arguments_and_empty)
{
    hnp_tokens t = {0};
    size_t stop = 7;
    ck_assert_int_eq(hnp_tokenize((const uint8_t *)"a", 0, 1, 0, &t, &stop), HNP_ERR_INVALID);
    ck_assert_int_eq(hnp_tokenize((const uint8_t *)"a", 1, 0, 5, &t, &stop), HNP_ERR_INVALID);
    ck_assert_int_eq(hnp_tokenize(NULL, 0, 0, 5, &t, &stop), HNP_OK);
    ck_assert_uint_eq(t.n, 0);
    ck_assert_uint_eq(stop, 0);
    hnp_tokens_free(&t);
    hnp_tokens_free(NULL);
}
END_TEST

static Suite *token_suite(void)
{
    Suite *s = suite_create("token");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, kinds_and_flags);
    tcase_add_test(tc, ascii_hash_is_case_folded);
    tcase_add_test(tc, windows_match_one_call);
    tcase_add_test(tc, whitespace_words_match_segmenter);
    tcase_add_test(tc, bad_arguments_and_empty);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(token_suite());
}
