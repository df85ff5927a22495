/* check_base.c -- the shared pieces under pipeline/lib/base: the ASCII property table
 * every stage derives its classes from, and the one FNV-1a hash. */
#include "base/ascii.h"
#include "base/fnv.h"
#include "testutil.h"

#include <ctype.h>

/* Each bit against the C library's classification in the C locale (the tests run with
 * LC_ALL=C), or against the characters its comment lists. */
START_TEST(ascii_table_matches_its_definition)
{
    for (int c = 0; c < 128; c++) {
        unsigned p = hnp_ascii_props[c];
        ck_assert_msg(!!(p & HNP_ASCII_SPACE) == !!isspace(c), "space bit of 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_NEWLINE) == (c >= '\n' && c <= '\r'), "newline 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_UPPER) == !!isupper(c), "upper bit of 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_LOWER) == !!islower(c), "lower bit of 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_DIGIT) == !!isdigit(c), "digit bit of 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_JOIN) == (c == '-' || c == '\''), "join 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_TERM) == (c && strchr(".!?", c) != NULL), "term 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_BRACKET) == (c && strchr("()[]", c) != NULL),
                      "bracket 0x%02x", c);
        ck_assert_msg(!!(p & HNP_ASCII_INFIX) == (c == ':' || c == '@'), "infix 0x%02x", c);
    }
    for (int c = 0x80; c < 0x100; c++) {
        ck_assert_msg(hnp_ascii_props[c] == 0, "byte 0x%02x has properties", c);
    }
}
END_TEST

/* The published FNV-1a-64 test vectors, and the incremental form agreeing with one call. */
#ifdef __SSE2__
/* hnp_ascii_word16 classifies every byte value in every lane as the table does. */
START_TEST(word16_matches_the_table)
{
    uint8_t b[16];
    for (unsigned c = 0; c < 256; c++) {
        for (size_t lane = 0; lane < 16; lane++) {
            for (size_t k = 0; k < 16; k++) {
                b[k] = (uint8_t)(k == lane ? c : (k * 37 + c) % 256);
            }
            __m128i letter;
            unsigned digits;
            unsigned word = hnp_ascii_word16(_mm_loadu_si128((const __m128i *)(const void *)b),
                                             &letter, &digits);
            uint8_t l[16];
            _mm_storeu_si128((__m128i *)(void *)l, letter);
            for (size_t k = 0; k < 16; k++) {
                ck_assert_uint_eq((word >> k) & 1, hnp_ascii_is(b[k], HNP_ASCII_WORD));
                ck_assert_uint_eq((digits >> k) & 1, hnp_ascii_is(b[k], HNP_ASCII_DIGIT));
                ck_assert_uint_eq(l[k] != 0, hnp_ascii_is(b[k], HNP_ASCII_UPPER | HNP_ASCII_LOWER));
            }
        }
    }
}
END_TEST
#endif

START_TEST(fnv1a_64_known_values)
{
    ck_assert_uint_eq(hnp_fnv64(HNP_FNV64_INIT, (const uint8_t *)"", 0), 0xcbf29ce484222325ull);
    ck_assert_uint_eq(hnp_fnv64(HNP_FNV64_INIT, (const uint8_t *)"a", 1), 0xaf63dc4c8601ec8cull);
    ck_assert_uint_eq(hnp_fnv64(HNP_FNV64_INIT, (const uint8_t *)"foobar", 6),
                      0x85944171f73967e8ull);
    uint64_t h = hnp_fnv64(HNP_FNV64_INIT, (const uint8_t *)"foo", 3);
    ck_assert_uint_eq(hnp_fnv64(h, (const uint8_t *)"bar", 3), 0x85944171f73967e8ull);
}
END_TEST

static Suite *base_suite(void)
{
    Suite *s = suite_create("base");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, ascii_table_matches_its_definition);
    tcase_add_test(tc, fnv1a_64_known_values);
#ifdef __SSE2__
    tcase_add_test(tc, word16_matches_the_table);
#endif
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(base_suite());
}
