/* check_tag_matcher.c -- the tagger's two lexicon matchers agree: the trie of token ids
 * (the one in use) and the reference that finds keys by their bytes (tag_match.c); so do
 * the second pass's copies of first-pass sentences (tag_replay.c), which the reference
 * turns off, and the model's scores from its cache of words (tag_model.c) and from every
 * template computed. Every evaluation text of ../shared is tagged both ways, with and without the
 * model, and the mentions must be identical; small fixtures check the same without
 * ../shared. */
#include "tag/tag_internal.h"
#include "testutil.h"

#include "hnp/hnp.h"
#include <dirent.h>

/* A mention of one tagging run, copied (the tagger's arrays are reused). */
typedef struct copy {
    hnp_span span;
    size_t sent;
    hnp_entity_label label;
    char *id, *name;
} copy;

typedef struct run {
    copy *m;
    size_t n;
} run;

static void free_run(run *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->m[i].id);
        free(r->m[i].name);
    }
    free(r->m);
    r->m = NULL;
    r->n = 0;
}

/* One span per line: the matchers see every line of a file as a sentence. */
static hnp_span *lines_of(const char *text, size_t len, size_t *n)
{
    size_t cap = 16, k = 0, a = 0;
    hnp_span *s = malloc(cap * sizeof *s);
    for (size_t i = 0; s && i <= len; i++) {
        if (i < len && text[i] != '\n') {
            continue;
        }
        if (k == cap) {
            cap *= 2;
            hnp_span *ns = realloc(s, cap * sizeof *s);
            if (!ns) {
                free(s);
                return NULL;
            }
            s = ns;
        }
        s[k++] = (hnp_span){a, i};
        a = i + 1;
    }
    *n = k;
    return s;
}

/* The reference paths a run takes (0: the fast ones). */
enum { REF_MATCHER = 1, REF_MODEL = 2 };

static run tag_with(const hnp_lexicon *const *lex, size_t n_lex, int reference, int model,
                    const char *text, size_t len, const hnp_span *sents, size_t n_sents)
{
    hnp_tagger *t = NULL;
    ck_assert_int_eq(hnp_tagger_create(lex, n_lex, &t), HNP_OK);
    hnp_tag_set_reference_matcher(t, (reference & REF_MATCHER) != 0);
    hnp_tag_set_reference_model(t, (reference & REF_MODEL) != 0);
    hnp_tagger_set_model(t, model);
    const hnp_mention *m = NULL;
    size_t n = 0;
    ck_assert_int_eq(hnp_tag(t, (const uint8_t *)text, len, sents, NULL, n_sents, &m, &n), HNP_OK);
    run r = {calloc(n + 1, sizeof *r.m), n};
    ck_assert_ptr_nonnull(r.m);
    for (size_t i = 0; i < n; i++) {
        r.m[i] = (copy){m[i].span, m[i].sent, m[i].label, NULL, NULL};
        r.m[i].id = strdup(m[i].id);
        r.m[i].name = strdup(m[i].name);
    }
    hnp_tagger_free(t);
    return r;
}

/* The fast paths and the reference ones ref on one text; returns the number of mentions
 * (the same for both). */
static size_t compare_ref(const hnp_lexicon *const *lex, size_t n_lex, const char *what,
                          const char *text, size_t len, int model, int ref)
{
    size_t n_sents = 0;
    hnp_span *sents = lines_of(text, len, &n_sents);
    ck_assert_ptr_nonnull(sents);
    run a = tag_with(lex, n_lex, 0, model, text, len, sents, n_sents);
    run b = tag_with(lex, n_lex, ref, model, text, len, sents, n_sents);
    for (size_t i = 0; i < a.n && i < b.n; i++) {
        const copy *x = &a.m[i], *y = &b.m[i];
        ck_assert_msg(x->span.start == y->span.start && x->span.end == y->span.end &&
                          x->label == y->label && x->sent == y->sent && strcmp(x->id, y->id) == 0 &&
                          strcmp(x->name, y->name) == 0,
                      "%s (model %d, reference %d): mention %zu differs: fast %zu-%zu %s %s, "
                      "reference %zu-%zu %s %s",
                      what, model, ref, i, x->span.start, x->span.end, x->id, x->name,
                      y->span.start, y->span.end, y->id, y->name);
    }
    ck_assert_msg(a.n == b.n, "%s (model %d, reference %d): %zu mentions fast, %zu by reference",
                  what, model, ref, a.n, b.n);
    size_t n = a.n;
    free_run(&a);
    free_run(&b);
    free(sents);
    return n;
}

/* Both matchers on one text (the model's reference path in neither). */
static size_t compare(const hnp_lexicon *const *lex, size_t n_lex, const char *what,
                      const char *text, size_t len, int model)
{
    return compare_ref(lex, n_lex, what, text, len, model, REF_MATCHER);
}

/* Sentences written for this test: multi-word terms, plurals (-ies, -es, -ses), a
 * case-sensitive term, a brand name that must not inflect, a term that is a prefix of a
 * longer one, and two lexicons whose terms overlap. */
static const char fixture_tsv[] =
    "heart failure\tCONDITION\tT:1\theart failure\n"
    "congestive heart failure\tCONDITION\tT:2\tcongestive heart failure\n"
    "therapy\tPROCEDURE\tT:3\ttherapy\n"
    "gene therapy\tPROCEDURE\tT:4\tgene therapy\n"
    "virus\tCONDITION\tT:5\tvirus infection\n"
    "metastasis\tCONDITION\tT:6\tmetastasis\n"
    "Advance\tDRUG\tT:7\tAdvance (brand)\texact\n"
    "HF\tCONDITION\tT:10\theart failure\tcs\n"
    "type 2 diabetes mellitus\tCONDITION\tT:8\ttype 2 diabetes\n"
    "diabetes\tCONDITION\tT:9\tdiabetes\n";

static const char fixture_user_tsv[] = "heart\tCONDITION\tU:1\theart (user)\n"
                                       "gene therapies\tPROCEDURE\tU:2\tgene therapies\n"
                                       "diabetes mellitus\tCONDITION\tU:3\tdiabetes mellitus\n";

static const char fixture_text[] =
    "Congestive heart failure and heart failures were treated with gene therapies.\n"
    "Viruses spread; metastases grew; the advances in Advance therapy were small.\n"
    "Type 2 diabetes mellitus, type 2 diabetes and diabetes mellitus differ.\n"
    "Heart-failure clinics and HEART FAILURE wards; HF, not hf.\n";

/* The fixture's lexicon (a) and its user lexicon (b). */
static void fixture_lexicons(hnp_lexicon **a, hnp_lexicon **b)
{
    ck_assert_int_eq(
        hnp_lexicon_from_tsv((const uint8_t *)fixture_tsv, strlen(fixture_tsv), a, NULL), HNP_OK);
    ck_assert_int_eq(
        hnp_lexicon_from_tsv((const uint8_t *)fixture_user_tsv, strlen(fixture_user_tsv), b, NULL),
        HNP_OK);
}

START_TEST(fixture_matches_agree)
{
    hnp_lexicon *a = NULL, *b = NULL;
    fixture_lexicons(&a, &b);
    const hnp_lexicon *one[] = {a}, *two[] = {b, a};
    size_t len = strlen(fixture_text);
    /* Congestive heart failure, heart failures, gene therapies, Viruses, metastases,
     * Advance (not "advances"), therapy, Type 2 diabetes mellitus, diabetes, diabetes,
     * Heart-failure, HEART FAILURE, HF (not "hf") */
    ck_assert_uint_eq(compare(one, 1, "fixture", fixture_text, len, 0), 13);
    ck_assert_uint_ge(compare(two, 2, "fixture, two lexicons", fixture_text, len, 0), 13);
    hnp_lexicon_free(a);
    hnp_lexicon_free(b);
}
END_TEST

/* The second pass copies a sentence from the first unless it turned a ctx term down or the
 * abbreviations before it changed (tag_replay.c). Written for this test: "chronic chill" is
 * a ctx term, turned down in the first line until the third line mentions its concept; the
 * second pass takes it, with its short form "CC", which the second line then uses: a line
 * that turned nothing down but must be tagged again. */
static const char second_pass_tsv[] = "chronic chill\tCONDITION\tT:1\tchill disease\tctx\n"
                                      "chill disease\tCONDITION\tT:1\tchill disease\n"
                                      "fever\tCONDITION\tT:2\tfever\n";

static const char second_pass_text[] = "Patients with chronic chill (CC) were enrolled.\n"
                                       "The CC group had a fever.\n"
                                       "Chill disease is rare.\n"
                                       "Fever and CC again.\n";

START_TEST(second_pass_copies_agree)
{
    hnp_lexicon *a = NULL;
    ck_assert_int_eq(
        hnp_lexicon_from_tsv((const uint8_t *)second_pass_tsv, strlen(second_pass_tsv), &a, NULL),
        HNP_OK);
    const hnp_lexicon *one[] = {a};
    size_t len = strlen(second_pass_text), n_sents = 0;
    /* chronic chill, CC (its definition), CC, fever, Chill disease, Fever, CC */
    ck_assert_uint_eq(compare(one, 1, "second pass", second_pass_text, len, 0), 7);
    compare(one, 1, "second pass", second_pass_text, len, 1);
    hnp_span *sents = lines_of(second_pass_text, len, &n_sents);
    ck_assert_ptr_nonnull(sents);
    run r = tag_with(one, 1, 0, 0, second_pass_text, len, sents, n_sents);
    ck_assert_uint_eq(r.m[2].sent, 1); /* the short form in the line that turned nothing down */
    ck_assert_str_eq(r.m[2].id, "T:1");
    free_run(&r);
    free(sents);
    hnp_lexicon_free(a);
}
END_TEST

static int skip_name(const char *name)
{
    return name[0] == '.';
}

/* Every file of one folder under ../shared through both matchers. */
static void compare_dir(const hnp_lexicon *lex, const char *dir, size_t *files, size_t *mentions)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (skip_name(e->d_name)) {
            continue;
        }
        char path[4096 + 512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = hnp_test_read_file(path, &len);
        if (!text) {
            continue; /* a folder */
        }
        const hnp_lexicon *one[] = {lex};
        for (int model = 0; model <= 1; model++) {
            *mentions += compare(one, 1, path, text, len, model);
        }
        compare_ref(one, 1, path, text, len, 1, REF_MODEL);
        (*files)++;
        free(text);
    }
    closedir(d);
}

START_TEST(eval_sets_agree)
{
    const char *shared = hnp_test_shared_dir();
    const hnp_lexicon *lex = NULL;
    if (!shared || hnp_lexicon_embedded(&lex) != HNP_OK) {
        fprintf(stderr, "check_tag_matcher: ../shared absent: eval-set comparison skipped\n");
        return;
    }
    static const char *const dirs[] = {"eval/ner",         "eval/sentences", "eval/realworld",
                                       "eval/boilerplate", "eval/mojibake",  "samples"};
    size_t files = 0, mentions = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", shared, dirs[i]);
        compare_dir(lex, dir, &files, &mentions);
    }
    fprintf(stderr, "check_tag_matcher: %zu files, %zu mentions, identical both ways\n", files,
            mentions);
    ck_assert_uint_gt(files, 10);
    ck_assert_uint_gt(mentions, 10000);
}
END_TEST

/* Words of vocab (split at spaces) in a pseudo-random order from seed into text, about one
 * in line_every ending a line (a full stop, a newline); returns the length, the text ending
 * in a newline. */
static size_t generated_text(const char *vocab, uint32_t seed, unsigned line_every, char *text,
                             size_t cap)
{
    const char *words[128];
    int lens[128];
    size_t n_words = 0, len = 0;
    for (const char *p = vocab; *p && n_words < 128; n_words++) {
        const char *e = strchr(p, ' ');
        words[n_words] = p;
        lens[n_words] = (int)(e ? (size_t)(e - p) : strlen(p));
        p += (size_t)lens[n_words] + (e != NULL);
    }
    uint32_t x = seed;
    while (len + 64 < cap) {
        x = x * 1103515245u + 12345u;
        size_t w = (x >> 16) % n_words;
        len += (size_t)snprintf(text + len, cap - len, "%.*s%s", lens[w], words[w],
                                (x >> 8) % line_every == 0 ? ".\n" : " ");
    }
    text[len++] = '\n';
    return len;
}

/* Generated sentences: words of multi-word terms (and their plurals) in random order among
 * function words that start longer keys ("the", "of", "in") and punctuation, so the start
 * test meets every kind of pair of tokens: the trie with its start test (and the filter of
 * two-token keys in may_go_on) must find what the reference finds, with the fixture's
 * lexicons and, when built in, the shipped one. */
START_TEST(generated_pairs_agree)
{
    static const char vocab[] =
        "the of in and with a heart failure failures congestive gene therapy therapies type 2 "
        "diabetes mellitus breast cancer cancers lung disease diseases Alzheimer 's high blood "
        "pressure chronic kidney multiple sclerosis vitamin D deficiency acute myeloid leukemia "
        "virus viruses HF Advance common cold patients were , - ( ) ; COVID-19 infection "
        "syndrome Heart Failure";
    hnp_lexicon *a = NULL, *b = NULL;
    fixture_lexicons(&a, &b);
    const hnp_lexicon *one[] = {a}, *two[] = {b, a}, *shipped[1] = {NULL};
    int have_shipped = hnp_lexicon_embedded(&shipped[0]) == HNP_OK;
    static char text[200000];
    size_t len = generated_text(vocab, 777, 9, text, sizeof text), mentions = 0;
    mentions += compare(one, 1, "generated", text, len, 0);
    mentions += compare(two, 2, "generated, two lexicons", text, len, 0);
    if (have_shipped) {
        mentions += compare(shipped, 1, "generated, shipped lexicon", text, len, 0);
    }
    fprintf(stderr,
            "check_tag_matcher: generated text, %zu mentions (shipped lexicon %s), "
            "identical both ways\n",
            mentions, have_shipped ? "too" : "absent");
    ck_assert_uint_gt(mentions, 1000);
    hnp_lexicon_free(a);
    hnp_lexicon_free(b);
}
END_TEST

/* Generated sentences for the model's cache of words (tag_model.c, cached_word): terms and
 * trigger words ("-itis", "-emia") among their case variants, words of one length that
 * share their first bytes ("hepatitis" / "hepatitic", "seizure" / "seizing"), words
 * of 1..3, 4..7, 8..16 and more than 16 bytes (keys of each kind, and none), non-ASCII words,
 * digits and brackets, so that many distinct words meet in the cache's slots; with and without the
 * dictionary's match beside them. Every token the model looks at must get the reference's scores:
 * the mentions of the two paths must be identical, with the shipped lexicon when built in and a
 * fixture's. */
START_TEST(generated_model_cache_agrees)
{
    static const char vocab[] =
        "the of in and with a to is was by heart failure Heart FAILURE hepatitis Hepatitis "
        "hepatitides anaemia anemia Anemia leukaemia leukemia nephrotoxicity cardiotoxicity "
        "hepatotoxicity aspirin Aspirin ASPIRIN cisplatin doxorubicin ibuprofen paracetamol "
        "naproxen-induced captopril-induced acute myeloid leukemia renal failure breast cancer "
        "diabetes mellitus hypertension hypotension arrhythmia tachycardia bradycardia "
        "thrombocytopenia neutropenia pneumonitis dermatitis arthritis colitis gastritis "
        "encephalopathy cardiomyopathy immunodeficiency hypercholesterolemia "
        "glomerulonephritis Alzheimer 's disease Parkinson patients rats mg kg ( ) , ; . - 5 "
        "10 2.5 COVID-19 HIV ALS MS CHF É é Ménière syndrome Sjögren über fièvre x y ab abc "
        "seizures Seizures seizure induced toxicity toxic hepatitic anemic arrhythmic "
        "neutropenic colitic seizing";
    static char text[300000];
    size_t len = generated_text(vocab, 4242, 13, text, sizeof text);
    hnp_lexicon *a = NULL, *b = NULL;
    fixture_lexicons(&a, &b);
    const hnp_lexicon *fixture[] = {a}, *shipped[1] = {NULL};
    size_t mentions = compare_ref(fixture, 1, "generated, fixture", text, len, 1, REF_MODEL);
    hnp_lexicon_free(a);
    hnp_lexicon_free(b);
    int with_shipped = hnp_lexicon_embedded(&shipped[0]) == HNP_OK;
    if (with_shipped) {
        mentions += compare_ref(shipped, 1, "generated, shipped", text, len, 1, REF_MODEL);
    }
    fprintf(stderr,
            "check_tag_matcher: generated text, %zu mentions (%s), model cache and "
            "reference identical\n",
            mentions, with_shipped ? "fixture and shipped lexicons" : "fixture lexicon");
    ck_assert_uint_gt(mentions, with_shipped ? 5000 : 500);
}
END_TEST

/* One word's singular forms both ways (tag_match.c: the inline test before the rule, and
 * the rule alone): the same count, stems and suffixes. */
static void singulars_agree_on(const uint8_t *w, size_t n, size_t *plural)
{
    size_t sa[4], sb[4];
    const char *xa[4], *xb[4];
    size_t na = hnp_tag_singulars(w, n, sa, xa, 0), nb = hnp_tag_singulars(w, n, sb, xb, 1);
    ck_assert_uint_eq(na, nb);
    for (size_t v = 0; v < na; v++) {
        ck_assert_uint_eq(sa[v], sb[v]);
        ck_assert_str_eq(xa[v], xb[v]);
    }
    *plural += na > 0;
}

/* The start test and the search ask for singular forms through an inline test that most
 * words fail ("under four bytes or not ending in s"). Every word of up to seven letters
 * from the letters the rule looks at, and the words of prose written for this test, get
 * the same forms as from the rule alone. */
START_TEST(singulars_inline_agrees)
{
    static const char letters[] = "aeisuyx";
    uint8_t w[8];
    size_t plural = 0, words = 0;
    for (size_t n = 0; n <= 7; n++) {
        size_t total = 1;
        for (size_t k = 0; k < n; k++) {
            total *= sizeof letters - 1;
        }
        for (size_t c = 0; c < total; c++) {
            size_t x = c;
            for (size_t k = 0; k < n; k++) {
                w[k] = (uint8_t)letters[x % (sizeof letters - 1)];
                x /= sizeof letters - 1;
            }
            singulars_agree_on(w, n, &plural);
            words++;
        }
    }
    static const char prose[] = "the nurses said its viruses and diseases ease as diagnoses "
                                "of illness sepsis and stenosis rose in cities this year yes "
                                "bus gas is us s ss sis ies ses series species metastases";
    for (const char *p = prose; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        singulars_agree_on((const uint8_t *)p, n, &plural);
        words++;
        p += n + (e != NULL);
    }
    ck_assert_uint_gt(words, 900000);
    ck_assert_uint_gt(plural, 10000); /* the rule's own branches were reached, not only "no" */
}
END_TEST

/* tag_doc.c's acronym step tests a long form by the initials it kept for it (may_spell)
 * instead of reading its words again (acronym_of). Generated pairs, many of them an acronym
 * made from the long form's initials, get the same answer both ways. */
START_TEST(acronym_initials_agree)
{
    static const char *const words[] = {
        "Pendred", "syndrome",   "muscular", "dystrophy",      "Duchenne", "of",       "the",
        "G6PD",    "deficiency", "ataxia",   "telangiectasia", "I",        "DiGeorge", "x",
        "and",     "type",       "disease",  "renal",          "without",  "cell",     "carcinoma"};
    static const char seps[][3] = {" ", " ", " ", "-", ", ", "/"};
    static const char fill[] = "ABCDEGHIKLMNOPRSTXY1236-";
    uint32_t r = 12345;
    size_t yes = 0, pairs = 0;
    for (size_t i = 0; i < 200000; i++) {
        char lf[256], sf[16];
        r = r * 1103515245u + 12345u;
        size_t ln = 0, sn = 0, nw = 1 + (r >> 16) % 15; /* 13 words or more spell no acronym */
        for (size_t w = 0; w < nw; w++) {
            r = r * 1103515245u + 12345u;
            const char *word = words[(r >> 16) % (sizeof words / sizeof *words)];
            if (w > 0) {
                const char *sep = seps[(r >> 8) % (sizeof seps / sizeof *seps)];
                memcpy(lf + ln, sep, strlen(sep));
                ln += strlen(sep);
            }
            memcpy(lf + ln, word, strlen(word));
            ln += strlen(word);
            /* the word's initial, a capital; sometimes a letter or digit more */
            if (sn < 12 && (r & 7) != 0) {
                sf[sn++] = (char)(word[0] >= 'a' ? word[0] - 32 : word[0]);
            }
            if (sn < 12 && (r & 48) == 0) {
                sf[sn++] = fill[(r >> 24) % (sizeof fill - 1)];
            }
        }
        if (sn < 2) {
            continue;
        }
        int a = hnp_tag_acronym_of((const uint8_t *)sf, sn, (const uint8_t *)lf, ln, 0);
        int b = hnp_tag_acronym_of((const uint8_t *)sf, sn, (const uint8_t *)lf, ln, 1);
        ck_assert_msg(a == b, "%.*s / %.*s: plain %d, initials %d", (int)sn, sf, (int)ln, lf, a, b);
        yes += a;
        pairs++;
    }
    ck_assert_uint_gt(pairs, 100000);
    ck_assert_uint_gt(yes, 1000); /* the whole test, not only the first initial, was reached */
}
END_TEST

static Suite *tag_matcher_suite(void)
{
    Suite *s = suite_create("tag_matcher");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, fixture_matches_agree);
    tcase_add_test(tc, singulars_inline_agrees);
    tcase_add_test(tc, generated_pairs_agree);
    tcase_add_test(tc, generated_model_cache_agrees);
    tcase_add_test(tc, acronym_initials_agree);
    tcase_add_test(tc, second_pass_copies_agree);
    tcase_add_test(tc, eval_sets_agree);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(tag_matcher_suite());
}
