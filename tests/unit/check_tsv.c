/* check_tsv.c -- escaping and the output formats, rendered into memory. */
#include "hnp/hnp.h"
#include "testutil.h"

/* A hand-built document: "Héllo\tworld.\nBuy now at x.com" with two sentences, one junk,
 * one mention ("Héllo", code points 0-5, bytes 0-6). */
static const uint8_t doc_text[] = "H\xc3\xa9llo\tworld.\nBuy now at x.com";

static hnp_doc make_doc(hnp_sentence *s, hnp_doc_mention *m)
{
    s[0] = (hnp_sentence){{0, 13}, 0, 12, HNP_KIND_BODY, 0.9f, "-"};
    s[1] = (hnp_sentence){{14, 30}, 13, 29, HNP_KIND_SPAM, 0.75f, "company+url"};
    m[0].m = (hnp_mention){{0, 6}, 0, HNP_LABEL_CONDITION, "X:1", "hello"};
    m[0].cp_start = 0;
    m[0].cp_end = 5;
    hnp_doc d;
    memset(&d, 0, sizeof d);
    d.id = "doc\t1";
    d.encoding = "UTF-8";
    d.repairs = 2;
    d.text = doc_text;
    d.len = sizeof doc_text - 1;
    d.cp_len = 29;
    d.sents = s;
    d.n_sents = 2;
    d.mentions = m;
    d.n_mentions = 1;
    d.title_len = (size_t)-1;
    return d;
}

/* Renders d; the result is NUL-terminated, free() it. */
static char *render_doc(const hnp_doc *d, hnp_format f, unsigned flags)
{
    hnp_membuf b = {0};
    hnp_sink sink = hnp_membuf_sink(&b);
    ck_assert_int_eq(hnp_write_doc(d, f, flags, 0, &sink), HNP_OK);
    ck_assert_int_eq(sink.write(sink.ctx, "", 1), HNP_OK);
    return (char *)b.data;
}

/* Renders the test document, dated. */
static char *render(hnp_format f, unsigned flags)
{
    hnp_sentence s[2];
    hnp_doc_mention m[1];
    hnp_doc d = make_doc(s, m);
    char date[] = "2016-08-18";
    d.meta.date = date;
    memcpy(d.meta.lang, "fr", 3);
    return render_doc(&d, f, flags);
}

START_TEST(escape_round_trip)
{
    const char *in = "a\\b\tc\nd\re";
    char *out;
    size_t n;
    ck_assert_int_eq(hnp_tsv_escape((const uint8_t *)in, strlen(in), &out, &n), HNP_OK);
    ck_assert_str_eq(out, "a\\\\b\\tc\\nd\\re");
    ck_assert_uint_eq(n, strlen(out));
    n = hnp_tsv_unescape((uint8_t *)out, n);
    ck_assert_uint_eq(n, strlen(in));
    ck_assert_mem_eq(out, in, n);
    hnp_free(out);
}
END_TEST

START_TEST(unescape_keeps_unknown_pairs)
{
    char buf[] = "x\\qy\\";
    size_t n = hnp_tsv_unescape((uint8_t *)buf, strlen(buf));
    ck_assert_uint_eq(n, 5);
    ck_assert_mem_eq(buf, "x\\qy\\", 5);
}
END_TEST

START_TEST(tsv_rows)
{
    char *out = render(HNP_FMT_TSV, 0);
    ck_assert_str_eq(out,
                     "doc\\t1\t1\t0\t12\tbody\t0.900\t-\tCONDITION|0|5|X:1\tH\xc3\xa9llo\\tworld.\n"
                     "doc\\t1\t2\t13\t29\tspam\t0.750\tcompany+url\t-\tBuy now at x.com\n");
    free(out);
}
END_TEST

/* Every row starts with the id, written once per document and copied to the next rows
 * (tsv.c, id_cache): an escaped id and one too long to keep (130 bytes, escaped 131) come
 * out the same on every row. */
START_TEST(tsv_rows_repeat_the_id)
{
    hnp_sentence s[2];
    hnp_doc_mention m[1];
    hnp_doc d = make_doc(s, m);
    char id[131];
    memset(id, 'i', sizeof id - 1);
    id[0] = '\\';
    id[sizeof id - 1] = '\0';
    d.id = id;
    char *out = render_doc(&d, HNP_FMT_TSV, 0);
    char *second = strchr(out, '\n') + 1;
    ck_assert_int_eq(strncmp(out, "\\\\iii", 5), 0);
    ck_assert_int_eq(strncmp(second, out, 131), 0);
    ck_assert_int_eq(second[131], '\t');
    free(out);
}
END_TEST

START_TEST(entities_docs_rows)
{
    char *out = render(HNP_FMT_ENTITIES, 0);
    ck_assert_str_eq(out, "doc\\t1\t1\t0\t5\tCONDITION\tX:1\thello\tH\xc3\xa9llo\n");
    free(out);
    out = render(HNP_FMT_DOCS, 0);
    ck_assert_str_eq(out, "doc\\t1\tUTF-8\t2\t2\t1\t-\t2016-08-18\t-\tfr\n");
    free(out);
}
END_TEST

START_TEST(text_clean_sentences)
{
    char *out = render(HNP_FMT_TEXT, 0);
    ck_assert_str_eq(out, "H\xc3\xa9llo\tworld.\nBuy now at x.com\n");
    free(out);
    out = render(HNP_FMT_TEXT, HNP_OUT_RECORDS);
    ck_assert_str_eq(out, "doc\\t1\tH\xc3\xa9llo\\tworld.\\nBuy now at x.com\n");
    free(out);
    out = render(HNP_FMT_CLEAN, 0);
    ck_assert_str_eq(out, "H\xc3\xa9llo\tworld.\n");
    free(out);
    out = render(HNP_FMT_SENTENCES, HNP_OUT_RECORDS);
    ck_assert_str_eq(out, "doc\\t1\t1\tH\xc3\xa9llo\\tworld.\ndoc\\t1\t2\tBuy now at x.com\n");
    free(out);
}
END_TEST

START_TEST(jsonl_is_one_escaped_line)
{
    char *out = render(HNP_FMT_JSONL, 0);
    ck_assert_ptr_nonnull(strstr(out, "\"doc\":\"doc\\t1\""));
    ck_assert_ptr_nonnull(strstr(out, "\"text\":\"H\xc3\xa9llo\\tworld.\\nBuy now at x.com\""));
    ck_assert_ptr_nonnull(strstr(out, "\"kind\":\"spam\""));
    ck_assert_ptr_nonnull(strstr(out, "\"date\":\"2016-08-18\""));
    ck_assert_ptr_nonnull(strstr(out, "\"lang\":\"fr\""));
    ck_assert_ptr_nonnull(strstr(out, "\"title\":null"));
    ck_assert_ptr_eq(strchr(out, '\n'), out + strlen(out) - 1);
    free(out);
}
END_TEST

START_TEST(pubtator_offsets_hold)
{
    /* Without a title sentence PubTator's text is "" + " " + abstract: offsets shift by 1. */
    char *out = render(HNP_FMT_PUBTATOR, 0);
    ck_assert_ptr_nonnull(strstr(out, "doc\\t1|t|\n")); /* the id's tab escaped (issue 5) */
    ck_assert_ptr_nonnull(strstr(out, "\ndoc\\t1\t1\t6\t"));
    ck_assert_ptr_nonnull(strstr(out, "|a|H\xc3\xa9llo world. Buy now at x.com\n"));
    ck_assert_ptr_nonnull(strstr(out, "\t1\t6\tH\xc3\xa9llo\tDisease\tX:1\n"));
    free(out);
}
END_TEST

START_TEST(html_marks_junk_and_mentions)
{
    char *out = render(HNP_FMT_HTML, 0);
    ck_assert_ptr_nonnull(strstr(out, "<!DOCTYPE html>"));
    ck_assert_ptr_nonnull(strstr(out, "class=\"junk spam\""));
    ck_assert_ptr_nonnull(strstr(out, "<mark class=\"CONDITION\""));
    free(out);
}
END_TEST

START_TEST(headers_and_names)
{
    hnp_membuf b = {0};
    hnp_sink sink = hnp_membuf_sink(&b);
    ck_assert_int_eq(hnp_write_header(HNP_FMT_TSV, &sink), HNP_OK);
    ck_assert_int_eq(hnp_write_header(HNP_FMT_JSONL, &sink), HNP_OK); /* writes nothing */
    ck_assert_mem_eq(b.data, "doc\tsent\tstart\tend\tkind\tscore\treason\tentities\ttext\n", b.len);
    hnp_membuf_free(&b);
    hnp_format f;
    ck_assert_int_eq(hnp_format_parse("pubtator", &f), HNP_OK);
    ck_assert_int_eq(f, HNP_FMT_PUBTATOR);
    ck_assert_str_eq(hnp_format_name(f), "pubtator");
    ck_assert_int_eq(hnp_format_parse("xml", &f), HNP_ERR_INVALID);
}
END_TEST

START_TEST(html_underlines_repairs)
{
    hnp_sentence s[2];
    hnp_doc_mention m[1];
    hnp_doc d = make_doc(s, m);
    const hnp_repair rep[] = {{{7, 12}, HNP_REPAIR_LOST_BYTE, {0, 6}}}; /* "world" */
    d.repair_list = rep;
    d.repair_before = (const uint8_t *)"w<rld\"";
    d.repairs = 1;
    char *out = render_doc(&d, HNP_FMT_HTML, 0);
    ck_assert_ptr_nonnull(strstr(
        out, "<u class=\"repair lost-byte\" title=\"lost-byte: w&lt;rld&quot;\">world</u>."));
    free(out);
}
END_TEST

/* -f repairs: code-point offsets, kind, what came in and what replaced it. */
START_TEST(repairs_rows)
{
    hnp_sentence s[2];
    hnp_doc_mention m[1];
    hnp_doc d = make_doc(s, m);
    const hnp_repair rep[] = {{{7, 12}, HNP_REPAIR_MOJIBAKE, {0, 7}},
                              {{13, 13}, HNP_REPAIR_CONTROL, {7, 13}}};
    d.repair_list = rep;
    d.repair_before = (const uint8_t *)"w\xc3\xa9rld\tU+0001";
    d.repairs = 2;
    char *out = render_doc(&d, HNP_FMT_REPAIRS, 0);
    ck_assert_str_eq(out, "doc\\t1\t6\t11\tmojibake\tw\xc3\xa9rld\\t\tworld\n"
                          "doc\\t1\t12\t12\tcontrol\tU+0001\t\n");
    free(out);
    hnp_membuf b = {0};
    hnp_sink sink = hnp_membuf_sink(&b);
    ck_assert_int_eq(hnp_write_header(HNP_FMT_REPAIRS, &sink), HNP_OK);
    ck_assert_mem_eq(b.data, "doc\tstart\tend\tkind\tbefore\tafter\n", b.len);
    hnp_membuf_free(&b);
    ck_assert_int_eq(hnp_format_stages(HNP_FMT_REPAIRS), HNP_STAGE_NORMALIZE);
}
END_TEST

static hnp_status failing_write(void *ctx, const void *buf, size_t len)
{
    (void)ctx;
    (void)buf;
    (void)len;
    return HNP_ERR_IO;
}

START_TEST(sink_error_propagates)
{
    hnp_sentence s[2];
    hnp_doc_mention m[1];
    hnp_doc d = make_doc(s, m);
    hnp_sink sink = {failing_write, NULL};
    ck_assert_int_eq(hnp_write_doc(&d, HNP_FMT_TSV, 0, 0, &sink), HNP_ERR_IO);
}
END_TEST

static Suite *tsv_suite(void)
{
    Suite *s = suite_create("tsv");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, escape_round_trip);
    tcase_add_test(tc, unescape_keeps_unknown_pairs);
    tcase_add_test(tc, tsv_rows);
    tcase_add_test(tc, tsv_rows_repeat_the_id);
    tcase_add_test(tc, entities_docs_rows);
    tcase_add_test(tc, text_clean_sentences);
    tcase_add_test(tc, jsonl_is_one_escaped_line);
    tcase_add_test(tc, pubtator_offsets_hold);
    tcase_add_test(tc, html_marks_junk_and_mentions);
    tcase_add_test(tc, html_underlines_repairs);
    tcase_add_test(tc, repairs_rows);
    tcase_add_test(tc, headers_and_names);
    tcase_add_test(tc, sink_error_propagates);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(tsv_suite());
}
