/* check_lexicon.c -- the compiled lexicon: key normalization, the TSV compiler, the blob
 * loader's defences against corrupt input, determinism, and the embedded default. */
#include "base/crc32.h"
#include "hnp/hnp.h"
#include "lexicon/lexicon_build.h"
#include "lexicon/lexicon_format.h"
#include "lexicon/lexicon_key.h"
#include "testutil.h"

static const char fixture[] =
    "# a fixture\n"
    "#version: fixture 1\n"
    "term\tlabel\tid\tname\tflags\n"
    "multiple sclerosis\tCONDITION\tDOID:2377\tmultiple sclerosis\t-\n"
    "relapsing-remitting multiple sclerosis\tCONDITION\tDOID:2378\tRRMS\t-\n"
    "MS\tCONDITION\tDOID:2377\tmultiple sclerosis\tcs,ctx\n"
    "leukemia\tCONDITION\tDOID:1240\tleukemia\n"
    "cold\tCONDITION\tDOID:10459\tcommon cold\tctx,low\n"
    "mitoxantrone\tDRUG\tDB01204\tMitoxantrone\t-\n"
    "mitoxantrone\tDRUG\tDB01204\tMitoxantrone\t-\n";

/* Compiles TSV text into a malloc'd, 8-aligned blob. */
static void *compile(const char *tsv, size_t *len)
{
    lexbuild_src src = {"fixture", (const uint8_t *)tsv, strlen(tsv)};
    lexbuild_error err;
    void *blob = NULL;
    hnp_status st = hnp_lexbuild_compile(&src, 1, &blob, len, &err);
    ck_assert_msg(st == HNP_OK, "compile: %s at line %zu: %s", hnp_strerror(st), err.line, err.msg);
    return blob;
}

static void key_is(const char *term, const char *want)
{
    lexbuf out = {0};
    lexkey_scratch sc = {0};
    size_t n;
    ck_assert_int_eq(hnp_lexkey_make((const uint8_t *)term, strlen(term), 1, &out, &sc, &n),
                     HNP_OK);
    ck_assert_msg(out.len == strlen(want) && (!out.len || memcmp(out.data, want, out.len) == 0),
                  "key of '%s' is '%.*s', want '%s'", term, (int)out.len, (const char *)out.data,
                  want);
    hnp_membuf_free(&out);
    hnp_lexkey_scratch_free(&sc);
}

START_TEST(keys_fold_case_hyphens_apostrophes_and_unicode)
{
    key_is("Multiple  Sclerosis", "multiple sclerosis");
    key_is("relapsing-remitting", "relapsing remitting");
    key_is("relapsing\xe2\x80\x93remitting", "relapsing remitting"); /* en dash */
    key_is("Crohn's disease", "crohn disease");
    key_is("Crohn\xe2\x80\x99s disease", "crohn disease"); /* curly apostrophe */
    key_is("Sjo\xcc\x88gren", "sj\xc3\xb6gren");           /* decomposed -> NFC */
    key_is("\xc3\x84RZTE", "\xc3\xa4rzte");
    key_is("non\xc2\xa0Hodgkin", "non hodgkin"); /* NBSP */
    key_is("5-HT(3)", "5 ht ( 3 )");
    key_is("\xce\xb2-blocker", "beta blocker");     /* beta */
    key_is("TNF-\xce\x91", "tnf alpha");            /* capital alpha */
    key_is("\xce\xb2\xce\xb2", "\xce\xb2\xce\xb2"); /* not a lone letter */
    key_is("  ", "");
    char *k = NULL;
    size_t n = 0;
    ck_assert_int_eq(hnp_lexicon_key((const uint8_t *)"Crohn's  Disease", 16, &k, &n), HNP_OK);
    ck_assert_str_eq(k, "crohn disease");
    ck_assert_uint_eq(n, 13);
    hnp_free(k);
}
END_TEST

/* The checksum is zlib's CRC-32 (the standard check value), whatever the length. */
START_TEST(crc32_is_the_standard_one)
{
    ck_assert_uint_eq(hnp_crc32((const uint8_t *)"123456789", 9), 0xCBF43926u);
    ck_assert_uint_eq(hnp_crc32((const uint8_t *)"", 0), 0);
    ck_assert_uint_eq(hnp_crc32((const uint8_t *)"The quick brown fox jumps over the lazy dog", 43),
                      0x414FA339u);
}
END_TEST

START_TEST(round_trip_through_memory)
{
    size_t len;
    void *blob = compile(fixture, &len);
    hnp_lexicon *lex = NULL;
    ck_assert_int_eq(hnp_lexicon_from_memory(blob, len, &lex), HNP_OK);
    ck_assert_uint_eq(hnp_lexicon_size(lex), 6); /* the duplicate row is dropped */
    ck_assert_str_eq(hnp_lexicon_version(lex), "hnplex-1 fixture 1");
    const char *key = "relapsing remitting multiple sclerosis";
    const lex_key *k =
        hnp_lexicon_find(lex, (const uint8_t *)key, strlen(key),
                         lexkey_hash(LEXKEY_HASH_INIT, (const uint8_t *)key, strlen(key)));
    ck_assert_ptr_nonnull(k);
    const lex_entry *e = &lex->entries[k->first_entry];
    ck_assert_str_eq(hnp_lexicon_str(lex, e->id_off), "DOID:2378");
    /* "relapsing" and "relapsing remitting" exist only as prefixes. */
    k = hnp_lexicon_find(lex, (const uint8_t *)"relapsing", 9,
                         lexkey_hash(LEXKEY_HASH_INIT, (const uint8_t *)"relapsing", 9));
    ck_assert_ptr_nonnull(k);
    ck_assert_uint_eq(k->n_entries, LEX_KEY_PREFIX);
    ck_assert_ptr_null(
        hnp_lexicon_find(lex, (const uint8_t *)"sclerosis", 9,
                         lexkey_hash(LEXKEY_HASH_INIT, (const uint8_t *)"sclerosis", 9)));
    hnp_lexicon_free(lex);
    free(blob);
}
END_TEST

START_TEST(compilation_is_deterministic)
{
    size_t a_len, b_len;
    void *a = compile(fixture, &a_len);
    void *b = compile(fixture, &b_len);
    ck_assert_uint_eq(a_len, b_len);
    ck_assert_int_eq(memcmp(a, b, a_len), 0);
    free(a);
    free(b);
}
END_TEST

START_TEST(from_tsv_owns_its_blob)
{
    hnp_lexicon *lex = NULL;
    size_t bad = 99;
    ck_assert_int_eq(hnp_lexicon_from_tsv((const uint8_t *)fixture, strlen(fixture), &lex, &bad),
                     HNP_OK);
    ck_assert_uint_eq(bad, 0);
    ck_assert_uint_eq(hnp_lexicon_size(lex), 6);
    hnp_lexicon_free(lex);
    hnp_lexicon_free(NULL);
    /* Four columns and no header, as users write them. */
    const char *user = "aspirin\tDRUG\tDB00945\tAspirin\n";
    ck_assert_int_eq(hnp_lexicon_from_tsv((const uint8_t *)user, strlen(user), &lex, NULL), HNP_OK);
    ck_assert_uint_eq(hnp_lexicon_size(lex), 1);
    hnp_lexicon_free(lex);
    /* A byte order mark and CRLF line ends, as spreadsheets save TSV. */
    const char *excel = "\xef\xbb\xbfterm\tlabel\tid\tname\r\naspirin\tDRUG\tDB00945\tAspirin\r\n";
    ck_assert_int_eq(hnp_lexicon_from_tsv((const uint8_t *)excel, strlen(excel), &lex, NULL),
                     HNP_OK);
    ck_assert_uint_eq(hnp_lexicon_size(lex), 1);
    hnp_lexicon_free(lex);
    /* Empty input is an empty lexicon. */
    ck_assert_int_eq(hnp_lexicon_from_tsv((const uint8_t *)"", 0, &lex, NULL), HNP_OK);
    ck_assert_uint_eq(hnp_lexicon_size(lex), 0);
    hnp_lexicon_free(lex);
}
END_TEST

static const struct {
    const char *tsv;
    size_t line;
} bad_tsv[] = {
    {"term\tlabel\tid\tname\na\tDRUG\t-\tA\nb\tDISEASE\t-\tB\n", 3},
    {"# c\n\nx\tDRUG\t-\tX\tcs,loud\n", 3},
    {"x\tDRUG\t-\n", 1},
    {"x\tDRUG\t-\tX\t-\textra\tmore\n", 1},
    {"ok\tDRUG\t-\tOK\n  \tDRUG\t-\tempty\n", 2},
    {"pattern\tregistry\texample\n\\bNCT(\\d{8}\tCT.gov\tNCT00000620\n", 2},
    {"pattern\tregistry\texample\n\\bNCT\\d{8}\\b\tCT.gov\tNCT123\n", 2},
    {"ok\tDRUG\t-\tOK\nnul\xc2\tDRUG\t-\tX\x01\n", 0}, /* odd bytes are allowed */
};

START_TEST(user_tsv_errors_name_the_line)
{
    hnp_lexicon *lex = NULL;
    size_t bad = 0;
    const char *tsv = bad_tsv[_i].tsv;
    hnp_status st = hnp_lexicon_from_tsv((const uint8_t *)tsv, strlen(tsv), &lex, &bad);
    if (bad_tsv[_i].line == 0) {
        ck_assert_int_eq(st, HNP_OK);
        hnp_lexicon_free(lex);
        return;
    }
    ck_assert_int_eq(st, HNP_ERR_FORMAT);
    ck_assert_ptr_null(lex);
    ck_assert_uint_eq(bad, bad_tsv[_i].line);
    char why[64] = "";
    ck_assert_int_eq(
        hnp_lexicon_from_tsv_why((const uint8_t *)tsv, strlen(tsv), &lex, &bad, why, sizeof why),
        HNP_ERR_FORMAT);
    ck_assert_uint_gt(strlen(why), 5);
}
END_TEST

START_TEST(error_messages_say_why)
{
    const char *tsv = "x\tDRUG\t-\tX\tcs,loud\n";
    lexbuild_src src[2] = {{"a.tsv", (const uint8_t *)"y\tDRUG\t-\tY\n", 11},
                           {"b.tsv", (const uint8_t *)tsv, strlen(tsv)}};
    lexbuild_error err;
    void *blob;
    size_t len;
    ck_assert_int_eq(hnp_lexbuild_compile(src, 2, &blob, &len, &err), HNP_ERR_FORMAT);
    ck_assert_uint_eq(err.src, 1);
    ck_assert_uint_eq(err.line, 1);
    ck_assert_ptr_nonnull(strstr(err.msg, "loud"));
}
END_TEST

/* Corruptions of a valid blob. Those inside the payload recompute the CRC, so that the
 * structural checks (not the checksum) must catch them. */
enum {
    C_MAGIC,
    C_VERSION,
    C_TRUNC1,
    C_TRUNC_HDR,
    C_CRC,
    C_KEYS_OFF,
    C_KEYS_ALIGN,
    C_NKEYS,
    C_SLOT_KEY,
    C_KEY_OFF,
    C_LABEL,
    C_FIRST,
    C_POOL_NUL,
    C_SLOTS_POW2,
    C_HDR_SIZE,
    C_SLOTS_FULL,
    C_VERSION_OFF,
    C_FLAGS,
    C_VOCAB_KEY,
    C_VOCAB_STR,
    C_VSLOTS_FULL,
    C_KIDS_ORDER,
    C_EDGE_TOK,
    C_EDGE_KEY,
    C_COUNT
};

static const hnp_status corrupt_want[C_COUNT] = {
    [C_VERSION] = HNP_ERR_VERSION,
};

static size_t corrupt(uint8_t *b, size_t len, int how)
{
    lex_header *h = (lex_header *)(void *)b;
    lex_key *keys = (lex_key *)(void *)(b + h->keys_off);
    lex_slot *slots = (lex_slot *)(void *)(b + h->slots_off);
    lex_entry *entries = (lex_entry *)(void *)(b + h->entries_off);
    int fix_crc = 1;
    switch (how) {
    case C_MAGIC:
        b[0] = 'X';
        break;
    case C_VERSION:
        h->format_version = LEX_FORMAT_VERSION + 1;
        break;
    case C_TRUNC1:
        return len - 1;
    case C_TRUNC_HDR:
        return 10;
    case C_CRC:
        b[len - 2] ^= 0x20;
        fix_crc = 0;
        break;
    case C_KEYS_OFF:
        h->keys_off = len + 8;
        break;
    case C_KEYS_ALIGN:
        h->keys_off += 4;
        break;
    case C_NKEYS:
        h->n_keys = 0xFFFFFFF0u;
        break;
    case C_SLOT_KEY:
        for (uint32_t i = 0; i < h->n_slots; i++) {
            if (slots[i].key) {
                slots[i].key = h->n_keys + 1;
                break;
            }
        }
        break;
    case C_KEY_OFF:
        keys[0].key_off = (uint32_t)h->strings_size + 100;
        break;
    case C_LABEL:
        entries[0].label = 9;
        break;
    case C_FIRST:
        keys[h->n_keys - 1].first_entry = h->n_entries;
        keys[h->n_keys - 1].n_entries = 1;
        break;
    case C_POOL_NUL:
        b[h->strings_off + h->strings_size - 1] = 'x';
        break;
    case C_SLOTS_POW2:
        h->n_slots -= 1;
        break;
    case C_HDR_SIZE:
        h->header_size = 64;
        break;
    case C_SLOTS_FULL:
        for (uint32_t i = 0; i < h->n_slots; i++) {
            slots[i].key = slots[i].key ? slots[i].key : 1;
        }
        break;
    case C_VERSION_OFF:
        h->version_off = (uint32_t)h->strings_size;
        break;
    case C_FLAGS:
        entries[0].flags = 0x80;
        break;
    case C_VOCAB_KEY:
        ((lex_vocab *)(void *)(b + h->vocab_off))[0].key = h->n_keys;
        break;
    case C_VOCAB_STR:
        ((lex_vocab *)(void *)(b + h->vocab_off))[h->n_vocab - 1].len = (uint32_t)h->strings_size;
        break;
    case C_VSLOTS_FULL:
        for (uint32_t i = 0; i < h->n_vslots; i++) {
            lex_slot *v = (lex_slot *)(void *)(b + h->vslots_off) + i;
            v->key = v->key ? v->key : 1;
        }
        break;
    case C_KIDS_ORDER:
        ((uint32_t *)(void *)(b + h->kids_off))[h->n_keys] = h->n_edges + 1;
        break;
    case C_EDGE_TOK:
        ((lex_edge *)(void *)(b + h->edges_off))[0].tok = h->n_vocab;
        break;
    case C_EDGE_KEY:
        ((lex_edge *)(void *)(b + h->edges_off))[h->n_edges - 1].key = h->n_keys;
        break;
    default:
        break;
    }
    if (fix_crc) {
        h->payload_crc = hnp_crc32(b + sizeof *h, len - sizeof *h);
    }
    return len;
}

START_TEST(corrupt_blobs_are_rejected)
{
    size_t len;
    void *blob = compile(fixture, &len);
    size_t n = corrupt(blob, len, _i);
    hnp_lexicon *lex = (hnp_lexicon *)1;
    hnp_status want = corrupt_want[_i] ? corrupt_want[_i] : HNP_ERR_FORMAT;
    ck_assert_int_eq(hnp_lexicon_from_memory(blob, n, &lex), want);
    ck_assert_ptr_null(lex);
    free(blob);
}
END_TEST

static uint64_t next_random(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Random byte changes with the CRC recomputed: whatever the loader says, it must not read
 * out of bounds (ASan), and a blob it accepts must be usable by a tagger. */
START_TEST(random_corruption_never_crashes)
{
    size_t len;
    uint8_t *good = compile(fixture, &len);
    uint8_t *b = malloc(len);
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (int round = 0; round < 2000; round++) {
        memcpy(b, good, len);
        int changes = 1 + (int)(next_random(&seed) % 4);
        for (int c = 0; c < changes; c++) {
            b[next_random(&seed) % len] = (uint8_t)next_random(&seed);
        }
        lex_header *h = (lex_header *)(void *)b;
        if (h->header_size == sizeof *h && h->file_size == len) {
            h->payload_crc = hnp_crc32(b + sizeof *h, len - sizeof *h);
        }
        hnp_lexicon *lex = NULL;
        if (hnp_lexicon_from_memory(b, len, &lex) == HNP_OK) {
            const hnp_lexicon *one = lex;
            hnp_tagger *t = NULL;
            if (hnp_tagger_create(&one, 1, &t) == HNP_OK) {
                const char *text = "relapsing-remitting multiple sclerosis (MS), leukemias";
                hnp_span s = {0, strlen(text)};
                const hnp_mention *m;
                size_t n;
                ck_assert_int_eq(hnp_tag(t, (const uint8_t *)text, s.end, &s, NULL, 1, &m, &n),
                                 HNP_OK);
                hnp_tagger_free(t);
            }
            hnp_lexicon_free(lex);
        }
    }
    free(b);
    free(good);
}
END_TEST

START_TEST(bad_arguments)
{
    hnp_lexicon *lex = NULL;
    size_t len;
    uint8_t *blob = compile(fixture, &len);
    ck_assert_int_eq(hnp_lexicon_from_memory(NULL, 0, &lex), HNP_ERR_INVALID);
    /* Sections are read in place: a misaligned blob cannot be used. */
    uint8_t *copy = malloc(len + 1);
    memcpy(copy + 1, blob, len);
    ck_assert_int_eq(hnp_lexicon_from_memory(copy + 1, len, &lex), HNP_ERR_INVALID);
    free(copy);
    free(blob);
    hnp_entity_label label;
    ck_assert_int_eq(hnp_label_parse("TRIAL", &label), HNP_OK);
    ck_assert_int_eq(label, HNP_LABEL_TRIAL);
    ck_assert_int_eq(hnp_label_parse("trial", &label), HNP_ERR_INVALID);
    ck_assert_str_eq(hnp_label_name((hnp_entity_label)7), "?");
}
END_TEST

START_TEST(embedded_lexicon_loads)
{
    const hnp_lexicon *a = NULL, *b = NULL;
    ck_assert_int_eq(hnp_lexicon_embedded(&a), HNP_OK);
    ck_assert_int_eq(hnp_lexicon_embedded(&b), HNP_OK);
    ck_assert_ptr_eq(a, b);
    ck_assert_uint_gt(hnp_lexicon_size(a), 0);
    ck_assert_ptr_nonnull(strstr(hnp_lexicon_version(a), "hnplex-1"));
}
END_TEST

/* The embedded bytes (CMakeLists.txt's lexicon_blob.S) pass every check of
 * hnp_lexicon_from_memory, CRC and records included: hnp_lexicon_embedded opens them with
 * the header checks only. A blob whose CRC is wrong is refused by the full check. */
extern const unsigned char hnp_lexicon_blob_start[];
extern const unsigned char hnp_lexicon_blob_end[];

START_TEST(embedded_lexicon_passes_full_check)
{
    size_t len = (size_t)(hnp_lexicon_blob_end - hnp_lexicon_blob_start);
    hnp_lexicon *lex = NULL;
    ck_assert_int_eq(hnp_lexicon_from_memory(hnp_lexicon_blob_start, len, &lex), HNP_OK);
    const hnp_lexicon *emb = NULL;
    ck_assert_int_eq(hnp_lexicon_embedded(&emb), HNP_OK);
    ck_assert_uint_eq(hnp_lexicon_size(lex), hnp_lexicon_size(emb));
    hnp_lexicon_free(lex);
    uint8_t *copy = malloc(len);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, hnp_lexicon_blob_start, len);
    copy[len - 1] ^= 1; /* in the payload: the CRC no longer matches */
    ck_assert_int_eq(hnp_lexicon_from_memory(copy, len, &lex), HNP_ERR_FORMAT);
    free(copy);
}
END_TEST

/* The tagger's inline tokenizer gives the tokens of hnp_lexkey_next on text written for
 * its edges (possessives, curly apostrophes, hyphens, CJK next to Latin, invalid bytes)
 * and on random bytes drawn mostly from those same characters. */
/* Returns the offset of the first token the two tokenizers disagree on, or -1. Plain
 * comparisons, one ck_assert per string by the caller: each ck_assert is a message to
 * Check's parent process, and a million of them made the test take minutes under ASan. */
static long first_difference(const uint8_t *s, size_t len)
{
    size_t p1 = 0, p2 = 0;
    lextok a, b;
    for (;;) {
        int r1 = hnp_lexkey_next(s, len, &p1, &a), r2 = hnp_lexkey_next_fast(s, len, &p2, &b);
        if (r1 != r2) {
            return (long)p1;
        }
        if (!r1) {
            return -1;
        }
        if (a.start != b.start || a.end != b.end || a.kind != b.kind || a.ascii != b.ascii ||
            p1 != p2) {
            return (long)a.start;
        }
    }
}

/* The same for the tagger's tokenizer that folds and hashes as it goes
 * (hnp_lexkey_next_fold) against hnp_lexkey_next and hnp_lexkey_fold_hash: tokens, folded
 * bytes, hashes and digit flags. */
static long first_fold_difference(const uint8_t *s, size_t len)
{
    size_t p1 = 0, p2 = 0;
    lextok a, b;
    lexbuf f1 = {0}, f2 = {0};
    lexkey_scratch sc = {0};
    long at = -2;
    while (at == -2) {
        uint64_t h1 = 0, h2 = 0;
        int d1 = 0, d2 = 0, r2 = 0;
        int r1 = hnp_lexkey_next(s, len, &p1, &a);
        if (r1 && hnp_lexkey_fold_hash(s + a.start, a.end - a.start, a.ascii, &f1, &sc, &h1, &d1) !=
                      HNP_OK) {
            at = (long)a.start;
        } else if (hnp_lexkey_next_fold(s, len, &p2, &b, &f2, &sc, &h2, &d2, &r2) != HNP_OK ||
                   r1 != r2) {
            at = (long)p1;
        } else if (!r1) {
            at = f1.len == f2.len && (f1.len == 0 || memcmp(f1.data, f2.data, f1.len) == 0)
                     ? -1
                     : (long)len;
        } else if (a.start != b.start || a.end != b.end || a.kind != b.kind || a.ascii != b.ascii ||
                   p1 != p2 || h1 != h2 || d1 != d2 || f1.len != f2.len) {
            at = (long)a.start;
        }
    }
    hnp_membuf_free(&f1);
    hnp_membuf_free(&f2);
    hnp_lexkey_scratch_free(&sc);
    return at;
}

static void same_tokens(const uint8_t *s, size_t len)
{
    long at = first_difference(s, len);
    ck_assert_msg(at < 0, "tokenizers differ at byte %ld of '%.*s'", at, (int)len, (const char *)s);
    at = first_fold_difference(s, len);
    ck_assert_msg(at < 0, "folding tokenizers differ at byte %ld of '%.*s'", at, (int)len,
                  (const char *)s);
}

START_TEST(inline_tokenizer_agrees)
{
    const char *texts[] = {
        "Crohn's disease and Crohn\xe2\x80\x99s, relapsing-remitting MS; 40mg/kg (IV).",
        ("\xe6\xb2\xbb\xe7\x96\x97"
         "diabetes(\xe7\xb3\x96\xe5\xb0\xbf\xe7\x97\x85) caf\xc3\xa9s"),
        "end'",
        "x's",
        "it'",
        " -- 'quoted' words\t\n",
        "abc\xff\xfe def\xc3",
        "",
        "a",
        /* words around the folding tokenizer's 64-byte fast path */
        "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZab Pneumono",
        "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZa Pneumono",
        "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc",
        "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZab's",
        "Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZab\xc3\xa9",
        /* words around the sixteen bytes read at once */
        "Pseudohypoparat hyroidism and then some more words after it",
        "Pseudohypoparath yroidism and then some more words after it",
        "Pseudohypoparathy roidism and then some more words after it",
        "Crohn's disease in 2019, IL-6 and TNF-alpha were measured again",
        "caf\xc3\xa9s and Caf\xc3\xa9s were open for the whole day long",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        same_tokens((const uint8_t *)texts[i], strlen(texts[i]));
    }
    static const uint8_t pool[] = "aZ9 '-.\t\n\xe2\x80\x99\xc3\xa9\xe6\xb2\xbb\xff";
    uint32_t x = 12345;
    uint8_t buf[64];
    for (int round = 0; round < 20000; round++) {
        size_t n = round % sizeof buf;
        for (size_t k = 0; k < n; k++) {
            x = x * 1103515245u + 12345u;
            buf[k] = pool[(x >> 16) % (sizeof pool - 1)];
        }
        same_tokens(buf, n);
    }
    /* Words of 1 to 20 bytes where sixteen bytes are read at once, ended by each kind of
     * byte, with the bytes just outside the letter and digit ranges ('@' '[' '`' '{' '/'
     * ':') and bytes past ASCII that or-ing 32 into would not make letters. */
    static const uint8_t pool2[] = "abcXYZ09mQ@[`{/:'-. \xc1\xda\xe1\xfa\xc3\xa9";
    for (int round = 0; round < 20000; round++) {
        size_t n = 16 + round % 48;
        for (size_t k = 0; k < n; k++) {
            x = x * 1103515245u + 12345u;
            size_t r = (x >> 16) % 64;
            buf[k] = r < 40 ? pool2[r % 12] : pool2[(x >> 8) % (sizeof pool2 - 1)];
        }
        same_tokens(buf, n);
    }
    /* Generated words of 1 to 40 bytes (small, capital and mixed case, digits, now and then
     * a byte past ASCII), one to three spaces or a hyphen before each, with the text going on
     * after them or ending right there: the inline sixteen-byte path and the out-of-line rest
     * (hnp_lexkey_next_fold_rest) against the full way. */
    static const uint8_t letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    uint8_t text[128];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0, len = 1 + (size_t)round % 40;
        x = x * 1103515245u + 12345u;
        int caps = (int)((x >> 16) % 3), gap = 1 + (int)((x >> 20) % 3);
        for (int g = 0; g < gap; g++) {
            text[n++] = (x >> 24) % 4 ? ' ' : '-';
        }
        for (size_t k = 0; k < len; k++) {
            x = x * 1103515245u + 12345u;
            size_t r = (x >> 16) % 26;
            text[n++] = (x >> 8) % 97 == 0 ? 0xc3
                        : (x >> 4) % 11 == 0
                            ? letters[52 + r % 10]
                            : letters[r + (caps == 1 || (caps == 2 && k % 2)) * 26];
        }
        if (round % 5) {
            memcpy(text + n, " and more words here", 20);
            n += 20;
        }
        same_tokens(text, n);
    }
}
END_TEST

static Suite *lexicon_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, keys_fold_case_hyphens_apostrophes_and_unicode);
    tcase_add_test(tc, crc32_is_the_standard_one);
    tcase_add_test(tc, inline_tokenizer_agrees);
    tcase_add_test(tc, round_trip_through_memory);
    tcase_add_test(tc, compilation_is_deterministic);
    tcase_add_test(tc, from_tsv_owns_its_blob);
    tcase_add_loop_test(tc, user_tsv_errors_name_the_line, 0,
                        (int)(sizeof bad_tsv / sizeof bad_tsv[0]));
    tcase_add_test(tc, error_messages_say_why);
    tcase_add_loop_test(tc, corrupt_blobs_are_rejected, 0, C_COUNT);
    tcase_add_test(tc, random_corruption_never_crashes);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, embedded_lexicon_loads);
    tcase_add_test(tc, embedded_lexicon_passes_full_check);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(lexicon_suite());
}
