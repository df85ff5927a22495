/* check_classify_matcher.c -- the classify stage's fast paths agree with the references
 * they replaced (hnp_cls_set_reference): the phrase matcher (classify_phrases.c) with the
 * search of each phrase of each list on its own, phrase by phrase on every sentence; and,
 * with the character scan of the features too, the whole stage's output (labels, scores,
 * reasons, metadata and every model feature) on every evaluation text of ../shared. Small
 * fixtures, written for this test, check the same without ../shared. */
#include "classify/classify_internal.h"
#include "testutil.h"

#include "hnp/hnp.h"
#include <ctype.h>
#include <dirent.h>

/* Every phrase of every list, found by the matcher in s[0..n)'s key exactly when the
 * reference finds it, and when a search of that phrase alone (strcmp for NAV) does.
 * Returns the number of hits. */
static size_t compare_phrases(const cls_phrases *ph, const uint8_t *s, size_t n)
{
    static cls_key fast, ref; /* large; the test is single-threaded */
    hnp_cls_make_key(s, n, &fast);
    hnp_cls_phrases_find(ph, 0, &fast);
    hnp_cls_make_key_as(s, n, 1, &ref);
    hnp_cls_phrases_find(ph, 1, &ref);
    ck_assert_uint_eq(fast.len, ref.len);
    ck_assert_uint_eq(fast.skip, ref.skip);
    ck_assert_str_eq(fast.s, ref.s);
    size_t hits = 0;
    for (int l = 0; l < CLS_LIST_COUNT; l++) {
        size_t next = hnp_cls_key_next_hit(&fast, (cls_list)l, 0);
        size_t next_ref = hnp_cls_key_next_hit(&ref, (cls_list)l, 0);
        for (size_t i = 0; i < hnp_cls_list_size((cls_list)l); i++) {
            const char *t = hnp_cls_list_text((cls_list)l, i);
            int want = l == CLS_LIST_NAV ? strcmp(ref.s, t) == 0 : hnp_cls_key_has(&ref, t);
            if ((next == i) != want || (next_ref == i) != want) {
                ck_abort_msg(
                    "list %d phrase \"%s\": matcher %d, reference %d, alone %d on \"%.*s\"", l, t,
                    next == i, next_ref == i, want, (int)n, (const char *)s);
            }
            if (next == i) {
                hits++;
                next = hnp_cls_key_next_hit(&fast, (cls_list)l, i + 1);
                next_ref = hnp_cls_key_next_hit(&ref, (cls_list)l, i + 1);
            }
        }
        ck_assert_int_eq(hnp_cls_key_in(&fast, (cls_list)l), hnp_cls_key_in(&ref, (cls_list)l));
    }
    return hits;
}

/* The function-word table (classify_feat.c) answers as a scan of the word list: on every
 * string of one to three small letters, and on the words of prose written for this test
 * with each byte replaced, cut or extended. */
static void stopword_agrees(const char *w, size_t n)
{
    if (hnp_cls_is_stopword(w, n) != hnp_cls_is_stopword_scan(w, n)) {
        ck_abort_msg("function word \"%.*s\" (%zu bytes): table %d, list %d", (int)n, w, n,
                     hnp_cls_is_stopword(w, n), hnp_cls_is_stopword_scan(w, n));
    }
}

START_TEST(stopword_table_agrees)
{
    char w[16];
    for (size_t n = 1; n <= 3; n++) {
        size_t total = 1;
        for (size_t k = 0; k < n; k++) {
            total *= 26;
        }
        for (size_t x = 0; x < total; x++) {
            size_t v = x;
            for (size_t k = 0; k < n; k++, v /= 26) {
                w[k] = (char)('a' + v % 26);
            }
            stopword_agrees(w, n);
        }
    }
    static const char prose[] =
        "however the nurses said that whether or not they were paid through the winter "
        "between their shifts and after those long nights it would have been much more than "
        "should ever be asked of them because during the outbreak each of us could only do "
        "what was needed while some others did even less since before this year";
    static const char other[] = {'a', 'e', 's', 'z', '\'', 'A', '0', '\0', (char)0x80, ' '};
    size_t hits = 0;
    for (const char *p = prose; *p;) {
        size_t n = strcspn(p, " ");
        ck_assert_uint_lt(n, sizeof w - 1);
        memcpy(w, p, n);
        hits += (size_t)hnp_cls_is_stopword(w, n);
        for (size_t len = 0; len <= n + 1; len++) {
            w[n] = 's';
            stopword_agrees(w, len);
        }
        for (size_t k = 0; k < n; k++) {
            for (size_t o = 0; o < sizeof other; o++) {
                memcpy(w, p, n);
                w[k] = other[o];
                stopword_agrees(w, n);
            }
        }
        p += n + (p[n] == ' ');
    }
    ck_assert_uint_ge(hits, 40); /* the prose is mostly function words */
}
END_TEST

/* The key copied sixteen and eight bytes at a time equals the reference's byte by byte,
 * on random texts of spaces (single, double, at a block's edge), tabs, line breaks,
 * no-break spaces, control bytes, capitals and bytes past ASCII, up to twice the key's
 * limit. */
START_TEST(key_blocks_agree)
{
    static const uint8_t pool[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "    .,'@[`{\t\n\r\x1f\x7f\xc2\xa0\xc3\xa9\xe2\x80\x94";
    static uint8_t text[2 * CLS_KEY_MAX + 40];
    static cls_key fast, ref; /* large; the test is single-threaded */
    uint32_t x = 777;
    for (int round = 0; round < 4000; round++) {
        size_t n = round < 3000 ? (size_t)(round % 300) : sizeof text - (size_t)(round % 40);
        /* mostly letters and single spaces, so that the block copies run */
        for (size_t k = 0; k < n; k++) {
            x = x * 1103515245u + 12345u;
            size_t r = (x >> 16) % 100;
            text[k] = r < 80 ? pool[r % 52] : r < 92 ? ' ' : pool[(x >> 8) % (sizeof pool - 1)];
        }
        hnp_cls_make_key(text, n, &fast);
        hnp_cls_make_key_as(text, n, 1, &ref);
        ck_assert_uint_eq(fast.skip, ref.skip);
        ck_assert_uint_eq(fast.len, ref.len);
        ck_assert_str_eq(fast.s, ref.s);
    }
}
END_TEST

static void compare_meta(const hnp_docmeta *a, const hnp_docmeta *b)
{
    const char *const x[] = {a->title, a->date, a->source, a->lang};
    const char *const y[] = {b->title, b->date, b->source, b->lang};
    for (size_t i = 0; i < 4; i++) {
        ck_assert((x[i] == NULL) == (y[i] == NULL));
        if (x[i]) {
            ck_assert_str_eq(x[i], y[i]);
        }
    }
}

/* One document through both paths: labels, metadata and features must be the same bits. */
static void compare_doc(hnp_classifier *fast, hnp_classifier *ref, const uint8_t *t, size_t len,
                        const hnp_span *sp, size_t n)
{
    size_t nf = hnp_classify_n_features();
    hnp_label *la = calloc(n + 1, sizeof *la), *lb = calloc(n + 1, sizeof *lb);
    float *xa = calloc(n * nf + 1, sizeof *xa), *xb = calloc(n * nf + 1, sizeof *xb);
    ck_assert(la && lb && xa && xb);
    hnp_docmeta ma, mb;
    ck_assert_int_eq(hnp_classify(fast, t, len, sp, n, la, &ma), HNP_OK);
    ck_assert_int_eq(hnp_classify(ref, t, len, sp, n, lb, &mb), HNP_OK);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(la[i].kind, lb[i].kind);
        ck_assert_str_eq(la[i].reason, lb[i].reason);
        ck_assert_int_eq(memcmp(&la[i].score, &lb[i].score, sizeof la[i].score), 0);
    }
    compare_meta(&ma, &mb);
    ck_assert_int_eq(hnp_classify_features(fast, t, len, sp, n, xa), HNP_OK);
    ck_assert_int_eq(hnp_classify_features(ref, t, len, sp, n, xb), HNP_OK);
    ck_assert_int_eq(memcmp(xa, xb, n * nf * sizeof *xa), 0);
    hnp_docmeta_free(&ma);
    hnp_docmeta_free(&mb);
    free(la);
    free(lb);
    free(xa);
    free(xb);
}

typedef struct ctx {
    hnp_segmenter *seg;
    hnp_classifier *fast, *ref;
    cls_phrases *ph;
    hnp_span *sp;
    size_t cap;
    size_t docs, sents, hits;
} ctx;

static void ctx_open(ctx *c)
{
    memset(c, 0, sizeof *c);
    ck_assert_int_eq(hnp_segmenter_create(NULL, &c->seg), HNP_OK);
    ck_assert_int_eq(hnp_classifier_create(NULL, &c->fast), HNP_OK);
    ck_assert_int_eq(hnp_classifier_create(NULL, &c->ref), HNP_OK);
    hnp_cls_set_reference(c->ref, 1);
    ck_assert_int_eq(hnp_cls_phrases_create(hnp_cls_list_size, hnp_cls_list_text, &c->ph), HNP_OK);
}

static void ctx_close(ctx *c)
{
    hnp_segmenter_free(c->seg);
    hnp_classifier_free(c->fast);
    hnp_classifier_free(c->ref);
    hnp_cls_phrases_free(c->ph);
    hnp_free(c->sp);
}

/* One text: segmented, every sentence phrase by phrase, then the whole document. */
static void compare_text(ctx *c, const char *text, size_t len)
{
    size_t n = 0;
    const uint8_t *t = (const uint8_t *)text;
    ck_assert_int_eq(hnp_segment_grow(c->seg, t, len, &c->sp, &c->cap, &n), HNP_OK);
    for (size_t i = 0; i < n; i++) {
        c->hits += compare_phrases(c->ph, t + c->sp[i].start, c->sp[i].end - c->sp[i].start);
    }
    compare_doc(c->fast, c->ref, t, len, c->sp, n);
    c->docs++;
    c->sents += n;
}

/* Sentences written for this test: phrases of every list at the start, inside and at the
 * end of a key, alone, split by blanks or bullets, in capitals, cut short by one byte. */
static const char fixture[] =
    "Home\n"
    "* Sign In\n"
    "RSS\n"
    "Go\n"
    "Top |\n"
    "go to the store\n"
    "Read more: the trial results\n"
    "Advertisement\n"
    "Story continues below advertisement\n"
    "Sign up for our daily newsletter to get the news.\n"
    "This report contains forward-looking statements about the drug.\n"
    "This report contains forward-looking statement about the drug.\n"
    "Follow us on Twitter and Facebook.\n"
    "(Reporting by Jane Doe; Editing by John Roe)\n"
    "For more information, click here.\n"
    "The study was published in the Journal of Medicine, doi:10.1000/xyz.\n"
    "A patient smiles after treatment. (Image: Getty Images)\n"
    "Doctors at the clinic (AP Photo/Jane Doe)\n"
    "Call now on 555 123 4567 for a free consultation!\n"
    "Tel: 555 123 4567, Fax: 555 765 4321\n"
    "MOQ 100 pieces, FOB price $5 per unit.\n"
    "Buy now for only $19.99 with free shipping.\n"
    "Order online today for $20, coupon SAVE10.\n"
    "Your email address will not be published. Required fields are marked *\n"
    "The post Flu season starts early appeared first on Health News.\n"
    "Source: World Health Organization\n"
    "Photo by Jane Doe\n"
    "Copyright 2020 Acme Media. All rights reserved.\n"
    "We use cookies to improve your experience. Accept cookies\n"
    "Please disable your ad blocker to continue.\n"
    "The vaccine was tested in 3,000 volunteers over two years, the researchers said.\n"
    "Researchers found no link between the drug and heart disease in older adults.\n"
    "\xE5\x92\xA8\xE8\xAF\xA2\xE7\x83\xAD\xE7\xBA\xBF 400-123-4567\n"
    "Leia tamb\xC3\xA9m: vacina contra a gripe\n"
    "forward-lookin\n"
    "doi\n"
    "et a\n"
    "Data at cdc.gov\n"
    "#health #news #tips #wellness for you\n"
    "It's what they don't say: the naïve café owner's well-known COVID-19 response.\n"
    "Supercalifragilisticexpialidocious antidisestablishmentarianism, 12345678901234567890.\n"
    "\xE6\x96\xB0\xE5\x86\xA0\xE7\x96\xAB\xE8\x8B\x97\xE3\x80\x82 Über 50 Ärzte\n"
    "'quoted' \"Title\" (note) [1]\n"
    "Two  spaces\tand a tab,\xC2\xA0no-break\xC2\xA0spaces and \xC2\xA3"
    "5 PRICES AT Jatcorp Ltd\n"
    "Contact Acme Medical Devices Co., Ltd , https://acme.example , sales@acme.example\n"
    "ABCDEFGH IJKLMNOP QRSTUVWX YZ Beta GmbH and Omega Inc. PLC S.p.A \n"
    "____\n";

START_TEST(fixture_agrees)
{
    ctx c;
    ctx_open(&c);
    compare_text(&c, fixture, sizeof fixture - 1);
    /* every line is also a document of its own */
    for (const char *p = fixture; *p;) {
        const char *e = strchr(p, '\n');
        compare_text(&c, p, (size_t)(e - p));
        p = e + 1;
    }
    /* a company suffix at every offset within eight bytes */
    for (int pad = 0; pad < 8; pad++) {
        char line[64];
        int len = snprintf(line, sizeof line, "%.*sJatcorp S.A. https://jatcorp.example", pad,
                           "abcdefgh");
        compare_text(&c, line, (size_t)len);
    }
    /* a key longer than CLS_KEY_MAX */
    static char longline[1400];
    for (size_t i = 0; i + 7 < sizeof longline; i += 7) {
        memcpy(longline + i, i % 3 ? "Words  " : "WORDS\t ", 7);
    }
    compare_text(&c, longline, strlen(longline));
    ck_assert_uint_gt(c.sents, 30);
    ck_assert_uint_gt(c.hits, 40);
    ctx_close(&c);
}
END_TEST

/* The matcher's step table (classify_phrases.c find_fast) skips no phrase: sentences
 * generated from the lists' own phrases, whole, cut by a byte at either end or with a
 * byte changed, run together or after fillers of zero to five bytes (so each phrase
 * starts at every offset from the pairs the scan reads), are matched as the reference
 * matches them. */
START_TEST(generated_phrases_agree)
{
    cls_phrases *ph = NULL;
    ck_assert_int_eq(hnp_cls_phrases_create(hnp_cls_list_size, hnp_cls_list_text, &ph), HNP_OK);
    static const char *const fill[] = {"", " ", "a ", "xy ", ", the", "of it"};
    char line[600];
    uint32_t x = 99;
    size_t hits = 0;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        while (len < 300) {
            x = x * 1103515245u + 12345u;
            cls_list l = (cls_list)((x >> 16) % CLS_LIST_COUNT);
            x = x * 1103515245u + 12345u;
            const char *t = hnp_cls_list_text(l, (x >> 16) % hnp_cls_list_size(l));
            const char *f = fill[(x >> 8) % 6];
            size_t tl = strlen(t), a = 0, b = tl;
            if ((x >> 4) % 5 == 0 && tl > 1) {
                a = 1; /* cut at the start */
            } else if ((x >> 4) % 5 == 1 && tl > 1) {
                b = tl - 1; /* cut at the end */
            }
            memcpy(line + len, f, strlen(f));
            len += strlen(f);
            memcpy(line + len, t + a, b - a);
            if ((x >> 12) % 7 == 0 && b > a) {
                line[len + (x >> 20) % (b - a)] ^= 0x01; /* one byte changed */
            }
            len += b - a;
        }
        hits += compare_phrases(ph, (const uint8_t *)line, len);
    }
    ck_assert_uint_gt(hits, 50000);
    hnp_cls_phrases_free(ph);
}
END_TEST

/* Four hex digits at s (the caller checked they are there). */
static unsigned hex4(const char *s)
{
    char z[5] = {s[0], s[1], s[2], s[3], 0};
    return (unsigned)strtoul(z, NULL, 16);
}

static size_t put_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* \uXXXX at s[i] (i at the 'u'), a surrogate pair taken whole, a lone one as U+FFFD; *i
 * ends on the last digit read. */
static unsigned json_code_point(const char *s, size_t n, size_t *i)
{
    unsigned cp = hex4(s + *i + 1);
    *i += 4;
    if (cp >= 0xD800 && cp < 0xDC00 && *i + 6 < n && s[*i + 1] == '\\' && s[*i + 2] == 'u') {
        unsigned lo = hex4(s + *i + 3);
        if (lo >= 0xDC00 && lo < 0xE000) {
            *i += 6;
            return 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
    }
    return cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp;
}

/* A JSON string value's bytes s[0..n), unescaped into out (n + 1 bytes suffice). */
static size_t json_unescape(const char *s, size_t n, char *out)
{
    static const char from[] = "nrtbf", to[] = "\n\r\t\b\f";
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 == n) {
            out[k++] = s[i];
        } else if (s[i + 1] == 'u' && i + 5 < n) {
            i++;
            k += put_utf8(json_code_point(s, n, &i), out + k);
        } else {
            const char *m = strchr(from, s[++i]);
            out[k++] = m && *m ? to[m - from] : s[i];
        }
    }
    return k;
}

/* The string member "name" of each line of a JSON-lines file, as one document each. */
static void compare_jsonl(ctx *c, const char *text, size_t len, const char *name)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": \"", name);
    char *buf = malloc(len + 1);
    ck_assert_ptr_nonnull(buf);
    for (const char *line = text; line < text + len;) {
        const char *end = memchr(line, '\n', (size_t)(text + len - line));
        end = end ? end : text + len;
        const char *v = strstr(line, pat);
        if (v && v < end) {
            v += strlen(pat);
            const char *q = v;
            while (q < end && *q != '"') {
                q += *q == '\\' ? 2 : 1;
            }
            compare_text(c, buf, json_unescape(v, (size_t)(q - v), buf));
        }
        line = end + 1;
    }
    free(buf);
}

static int ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* Every .txt file of a folder as a document, every .jsonl file's "field" members. */
static void compare_dir(ctx *c, const char *dir, const char *field)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        int txt = ends_with(e->d_name, ".txt"), jsonl = ends_with(e->d_name, ".jsonl");
        if (e->d_name[0] == '.' || (!txt && !jsonl)) {
            continue;
        }
        char path[4096 + 512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = hnp_test_read_file(path, &len);
        if (!text) {
            continue;
        }
        if (txt) {
            compare_text(c, text, len);
        } else {
            compare_jsonl(c, text, len, field);
        }
        free(text);
    }
    closedir(d);
}

START_TEST(eval_sets_agree)
{
    const char *shared = hnp_test_shared_dir();
    if (!shared) {
        fprintf(stderr, "check_classify_matcher: ../shared absent: eval-set comparison skipped\n");
        return;
    }
    static const char *const dirs[][2] = {{"eval/boilerplate", "text"},
                                          {"eval/realworld", "text"},
                                          {"eval/sentences", "text"},
                                          {"eval/mojibake", "input"},
                                          {"samples", "text"}};
    ctx c;
    ctx_open(&c);
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", shared, dirs[i][0]);
        compare_dir(&c, dir, dirs[i][1]);
    }
    fprintf(stderr,
            "check_classify_matcher: %zu documents, %zu sentences, %zu phrase hits, identical "
            "both ways\n",
            c.docs, c.sents, c.hits);
    ck_assert_uint_gt(c.docs, 200);
    ck_assert_uint_gt(c.hits, 1000);
    ctx_close(&c);
}
END_TEST

/* The date finder's fast scan (classify_date.c: a month name is tried only on words whose
 * first two letters start one, and a word's or number's rest is skipped at once) finds the
 * dates that the reference (every word tried, every byte's previous one tested) finds: on texts
 * generated from pieces written for this test (month names of every listed language in three cases,
 * cut and extended, words that share their first letters, days, years, separators), each piece's
 * bytes sometimes changed. */
static void date_agrees(const uint8_t *s, size_t n)
{
    char iso[11] = "", iso_ref[11] = "";
    size_t ds = 0, de = 0, ds_ref = 0, de_ref = 0;
    int got = hnp_cls_find_date_as(s, n, 0, iso, &ds, &de);
    int want = hnp_cls_find_date_as(s, n, 1, iso_ref, &ds_ref, &de_ref);
    if (got != want || (got && (ds != ds_ref || de != de_ref || strcmp(iso, iso_ref) != 0))) {
        ck_abort_msg("date in \"%.*s\": fast %d [%zu,%zu) %s, reference %d [%zu,%zu) %s", (int)n,
                     (const char *)s, got, ds, de, iso, want, ds_ref, de_ref, iso_ref);
    }
}

static int digit_at(const uint8_t *s, size_t i)
{
    return s[i] >= '0' && s[i] <= '9';
}

START_TEST(date_prefilter_agrees)
{
    static const char *const months[] = {"January",
                                         "Jan",
                                         "February",
                                         "Feb",
                                         "March",
                                         "Mar",
                                         "April",
                                         "Apr",
                                         "May",
                                         "June",
                                         "Jun",
                                         "July",
                                         "Jul",
                                         "August",
                                         "Aug",
                                         "September",
                                         "Sept",
                                         "Sep",
                                         "October",
                                         "Oct",
                                         "November",
                                         "Nov",
                                         "December",
                                         "Dec",
                                         "janvier",
                                         "f\xC3\xA9vrier",
                                         "mars",
                                         "avril",
                                         "mai",
                                         "juin",
                                         "juillet",
                                         "ao\xC3\xBBt",
                                         "septembre",
                                         "octobre",
                                         "novembre",
                                         "d\xC3\xA9\143embre",
                                         "enero",
                                         "febrero",
                                         "marzo",
                                         "abril",
                                         "mayo",
                                         "junio",
                                         "julio",
                                         "agosto",
                                         "septiembre",
                                         "setiembre",
                                         "octubre",
                                         "noviembre",
                                         "diciembre",
                                         "janeiro",
                                         "fevereiro",
                                         "mar\xC3\xA7o",
                                         "maio",
                                         "junho",
                                         "julho",
                                         "setembro",
                                         "outubro",
                                         "novembro",
                                         "dezembro",
                                         "januar",
                                         "j\xC3\xA4nner",
                                         "februar",
                                         "m\xC3\xA4rz",
                                         "juni",
                                         "juli",
                                         "oktober",
                                         "dezember",
                                         "gennaio",
                                         "febbraio",
                                         "aprile",
                                         "maggio",
                                         "giugno",
                                         "luglio",
                                         "settembre",
                                         "ottobre",
                                         "dicembre",
                                         "januari",
                                         "februari",
                                         "maart",
                                         "mei",
                                         "augustus",
                                         "and",
                                         "of",
                                         "on",
                                         "from",
                                         "some",
                                         "most",
                                         "made",
                                         "never",
                                         "door",
                                         "area",
                                         "just",
                                         "auto",
                                         "sea",
                                         "a",
                                         "an",
                                         "the",
                                         "x",
                                         "Bob"};
    static const char *const days[] = {"18", "5", "31", "0", "1", "12", "08", "18th", "1st"};
    static const char *const years[] = {"2016", "1999", "16", "1850", "20"};
    static const char *const seps[] = {" ", ", ", ". ", "-", " de ", " of ", "", "/", "."};
    size_t nm = sizeof months / sizeof months[0], nd = sizeof days / sizeof days[0];
    size_t ny = sizeof years / sizeof years[0], ns = sizeof seps / sizeof seps[0];
    uint32_t r = 12345;
    uint8_t buf[256];
    size_t found = 0, found_months = 0;
    for (int t = 0; t < 200000; t++) {
        size_t n = 0;
        for (size_t slot = 0; slot < 1 + (size_t)t % 7; slot++) {
            r = r * 1103515245u + 12345u;
            unsigned kind = (r >> 16) % 4; /* a month or word, a day, a year, a separator */
            if (slot % 3 == 0 && (r >> 24) % 2) {
                kind = 0;
            }
            const char *w = kind == 0   ? months[(r >> 8) % nm]
                            : kind == 1 ? days[(r >> 8) % nd]
                            : kind == 2 ? years[(r >> 8) % ny]
                                        : seps[(r >> 8) % ns];
            size_t l = strlen(w);
            if (n + l + 2 >= sizeof buf) {
                break;
            }
            memcpy(buf + n, w, l);
            if (l > 0) {
                switch ((r >> 4) % 12) {
                case 0: /* upper case */
                    for (size_t x = 0; x < l; x++) {
                        buf[n + x] = (uint8_t)toupper(buf[n + x]);
                    }
                    break;
                case 1: /* a byte changed */
                    buf[n + (r >> 20) % l] = (uint8_t)("aeijoustz.7 \xC3"[(r >> 12) % 14]);
                    break;
                case 2: /* cut */
                    l = 1 + (r >> 20) % l;
                    break;
                default:
                    break;
                }
            }
            n += l;
            if (kind != 3 && (r >> 28) % 2 == 0) {
                buf[n++] = ' ';
            }
        }
        date_agrees(buf, n);
        char iso[11];
        size_t ds, de;
        if (hnp_cls_find_date_as(buf, n, 1, iso, &ds, &de)) {
            found++;
            found_months += !digit_at(buf, ds);
        }
    }
    ck_assert_uint_gt(found, 1000);
    ck_assert_uint_gt(found_months, 1000);
}
END_TEST

static Suite *classify_matcher_suite(void)
{
    Suite *s = suite_create("classify_matcher");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, stopword_table_agrees);
    tcase_add_test(tc, key_blocks_agree);
    tcase_add_test(tc, fixture_agrees);
    tcase_add_test(tc, generated_phrases_agree);
    tcase_add_test(tc, eval_sets_agree);
    tcase_add_test(tc, date_prefilter_agrees);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(classify_matcher_suite());
}
