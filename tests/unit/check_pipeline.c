/* check_pipeline.c -- the document driver: stage order, offsets, PubTator joining, limits,
 * worker reuse and threads sharing one pipeline. */
#include "hnp/hnp.h"
#include "testutil.h"

#include <pthread.h>

static hnp_pipeline *make_pipeline_upto(size_t max_doc, hnp_stage last)
{
    hnp_pipeline_opts po;
    memset(&po, 0, sizeof po);
    ck_assert_int_eq(hnp_lexicon_embedded(&po.default_lexicon), HNP_OK);
    po.max_doc_size = max_doc;
    po.last_stage = last;
    hnp_pipeline *p = NULL;
    ck_assert_int_eq(hnp_pipeline_create(&po, &p), HNP_OK);
    return p;
}

static hnp_pipeline *make_pipeline(size_t max_doc)
{
    return make_pipeline_upto(max_doc, HNP_STAGE_ALL);
}

/* One pipeline and one worker per test; released by teardown. */
typedef struct fixture {
    hnp_pipeline *p;
    hnp_worker *w;
} fixture;

static fixture setup(size_t max_doc)
{
    fixture f = {make_pipeline(max_doc), NULL};
    ck_assert_int_eq(hnp_worker_create(f.p, &f.w), HNP_OK);
    return f;
}

static void teardown(fixture *f)
{
    hnp_worker_free(f->w);
    hnp_pipeline_free(f->p);
}

static size_t count_cp(const uint8_t *s, size_t n)
{
    size_t cp = 0;
    for (size_t i = 0; i < n; i++) {
        cp += (s[i] & 0xC0) != 0x80;
    }
    return cp;
}

/* Every offset in the document agrees with its text. */
static void check_offsets(const hnp_doc *d)
{
    ck_assert_uint_eq(d->cp_len, count_cp(d->text, d->len));
    for (size_t i = 0; i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        ck_assert_uint_le(s->span.start, s->span.end);
        ck_assert_uint_le(s->span.end, d->len);
        ck_assert_uint_eq(s->cp_start, count_cp(d->text, s->span.start));
        ck_assert_uint_eq(s->cp_end, count_cp(d->text, s->span.end));
        ck_assert(s->score >= 0.0f && s->score <= 1.0f);
        ck_assert_ptr_nonnull(s->reason);
    }
    for (size_t i = 0; i < d->n_mentions; i++) {
        const hnp_doc_mention *m = &d->mentions[i];
        ck_assert_uint_lt(m->m.sent, d->n_sents);
        ck_assert_uint_ge(m->m.span.start, d->sents[m->m.sent].span.start);
        ck_assert_uint_le(m->m.span.end, d->sents[m->m.sent].span.end);
        ck_assert_uint_eq(m->cp_start, count_cp(d->text, m->m.span.start));
        ck_assert(!hnp_kind_is_junk(d->sents[m->m.sent].kind));
    }
}

static const char article[] =
    "Caf\xc3\xa9 study \xe2\x80\x94 na\xc3\xafve patients with multiple sclerosis improved.\n"
    "Dr. Smith said the trial (NCT01234567) used mitoxantrone. Results were published.\n";

START_TEST(runs_all_stages_with_consistent_offsets)
{
    fixture f = setup(0);
    hnp_worker *w = f.w;
    const hnp_doc *d = NULL;
    ck_assert_int_eq(hnp_worker_process(w, "a.txt", (const uint8_t *)article, strlen(article), &d),
                     HNP_OK);
    ck_assert_str_eq(d->id, "a.txt");
    ck_assert_str_eq(d->encoding, "UTF-8");
    ck_assert_uint_ge(d->n_sents, 2);
    ck_assert_uint_eq(d->title_len, (size_t)-1);
    check_offsets(d);
    teardown(&f);
}
END_TEST

START_TEST(worker_is_reusable)
{
    fixture f = setup(0);
    hnp_worker *w = f.w;
    const hnp_doc *d = NULL;
    for (int i = 0; i < 50; i++) {
        const char *t = (i % 2) ? article : "Short. Text.";
        ck_assert_int_eq(hnp_worker_process(w, "x", (const uint8_t *)t, strlen(t), &d), HNP_OK);
        check_offsets(d);
    }
    ck_assert_int_eq(hnp_worker_process(w, NULL, (const uint8_t *)"", 0, &d), HNP_OK);
    ck_assert_str_eq(d->id, "-");
    ck_assert_uint_eq(d->n_sents, 0);
    ck_assert_uint_eq(d->n_mentions, 0);
    teardown(&f);
}
END_TEST

START_TEST(max_doc_size_is_enforced)
{
    fixture f = setup(16);
    hnp_worker *w = f.w;
    const hnp_doc *d = NULL;
    ck_assert_int_eq(hnp_worker_process(w, "big", (const uint8_t *)article, strlen(article), &d),
                     HNP_ERR_TOOBIG);
    ck_assert_int_eq(hnp_worker_process(w, "ok", (const uint8_t *)"Fine.", 5, &d), HNP_OK);
    teardown(&f);
}
END_TEST

START_TEST(binary_input_is_refused)
{
    fixture f = setup(0);
    hnp_worker *w = f.w;
    const uint8_t bin[] = {'G', 'I', 'F', 0, 1, 2, 0, 0, 0, 7, 0, 0};
    const hnp_doc *d = NULL;
    ck_assert_int_eq(hnp_worker_process(w, "bin", bin, sizeof bin, &d), HNP_ERR_BINARY);
    teardown(&f);
}
END_TEST

START_TEST(pubtator_join_keeps_offsets)
{
    fixture f = setup(0);
    hnp_worker *w = f.w;
    const char *title = "Mitoxantrone in multiple sclerosis.";
    const char *abs = "We treated 21 patients. Sepsis occurred in two.";
    const hnp_doc *d = NULL;
    ck_assert_int_eq(hnp_worker_process_pubtator(w, "123", (const uint8_t *)title, strlen(title),
                                                 (const uint8_t *)abs, strlen(abs), &d),
                     HNP_OK);
    ck_assert_uint_eq(d->title_len, strlen(title));
    ck_assert_uint_eq(d->len, strlen(title) + 1 + strlen(abs));
    ck_assert_int_eq(d->text[d->title_len], '\n');
    ck_assert_mem_eq(d->text + d->title_len + 1, abs, strlen(abs));
    check_offsets(d);
    teardown(&f);
}
END_TEST

/* Renders a document to TSV in memory: the thread test compares these bytes. */
static char *render_tsv(hnp_worker *w, const char *text)
{
    const hnp_doc *d = NULL;
    if (hnp_worker_process(w, "t", (const uint8_t *)text, strlen(text), &d) != HNP_OK) {
        return NULL;
    }
    hnp_membuf b = {0};
    hnp_sink sink = hnp_membuf_sink(&b);
    if (hnp_write_doc(d, HNP_FMT_TSV, 0, 0, &sink) != HNP_OK || sink.write(&b, "", 1)) {
        hnp_membuf_free(&b);
        return NULL;
    }
    return (char *)b.data;
}

typedef struct thread_arg {
    const hnp_pipeline *p;
    const char *expect;
    int mismatches;
} thread_arg;

static void *thread_main(void *arg)
{
    thread_arg *a = arg;
    hnp_worker *w = NULL;
    if (hnp_worker_create(a->p, &w) != HNP_OK) {
        a->mismatches = -1;
        return NULL;
    }
    for (int i = 0; i < 40; i++) {
        char *got = render_tsv(w, article);
        a->mismatches += !got || strcmp(got, a->expect) != 0;
        free(got);
    }
    hnp_worker_free(w);
    return NULL;
}

START_TEST(threads_share_one_pipeline)
{
    fixture f = setup(0);
    hnp_worker *w = f.w;
    char *expect = render_tsv(w, article);
    ck_assert_ptr_nonnull(expect);
    thread_arg args[4];
    pthread_t tids[4];
    for (int i = 0; i < 4; i++) {
        args[i] = (thread_arg){f.p, expect, 0};
        ck_assert_int_eq(pthread_create(&tids[i], NULL, thread_main, &args[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(tids[i], NULL);
        ck_assert_int_eq(args[i].mismatches, 0);
    }
    free(expect);
    teardown(&f);
}
END_TEST

/* A pipeline that stops early gives the same text and sentences as the full one, and leaves
 * what the skipped stages fill empty. */
START_TEST(stops_after_last_stage)
{
    static const hnp_stage stages[] = {HNP_STAGE_NORMALIZE, HNP_STAGE_SEGMENT, HNP_STAGE_CLASSIFY,
                                       HNP_STAGE_TAG};
    fixture full = setup(0);
    const hnp_doc *ref = NULL;
    ck_assert_int_eq(
        hnp_worker_process(full.w, "a", (const uint8_t *)article, strlen(article), &ref), HNP_OK);
    ck_assert_uint_gt(ref->n_mentions, 0);
    for (size_t k = 0; k < sizeof stages / sizeof stages[0]; k++) {
        fixture f = {make_pipeline_upto(0, stages[k]), NULL};
        ck_assert_int_eq(hnp_worker_create(f.p, &f.w), HNP_OK);
        const hnp_doc *d = NULL;
        ck_assert_int_eq(
            hnp_worker_process(f.w, "a", (const uint8_t *)article, strlen(article), &d), HNP_OK);
        check_offsets(d);
        ck_assert_uint_eq(d->len, ref->len);
        ck_assert_mem_eq(d->text, ref->text, d->len);
        ck_assert_uint_eq(d->n_sents, stages[k] >= HNP_STAGE_SEGMENT ? ref->n_sents : 0);
        for (size_t i = 0; i < d->n_sents; i++) {
            ck_assert_uint_eq(d->sents[i].span.start, ref->sents[i].span.start);
            ck_assert_uint_eq(d->sents[i].span.end, ref->sents[i].span.end);
            ck_assert_int_eq(d->sents[i].kind,
                             stages[k] >= HNP_STAGE_CLASSIFY ? ref->sents[i].kind : HNP_KIND_BODY);
        }
        if (stages[k] >= HNP_STAGE_CLASSIFY) {
            ck_assert_pstr_eq(d->meta.title, ref->meta.title);
            ck_assert_pstr_eq(d->meta.date, ref->meta.date);
        } else {
            ck_assert(!d->meta.title && !d->meta.date && !d->meta.source);
        }
        ck_assert_uint_eq(d->n_mentions, stages[k] >= HNP_STAGE_TAG ? ref->n_mentions : 0);
        teardown(&f);
    }
    teardown(&full);
}
END_TEST

START_TEST(bad_last_stage_is_refused)
{
    hnp_pipeline_opts po;
    memset(&po, 0, sizeof po);
    po.last_stage = (hnp_stage)(HNP_STAGE_TAG + 1);
    hnp_pipeline *p = NULL;
    ck_assert_int_eq(hnp_pipeline_create(&po, &p), HNP_ERR_INVALID);
    ck_assert_ptr_null(p);
}
END_TEST

/* A document of several windows (over 1 MiB; 1.4 MB with `counted`: two ranges of several
 * windows each, more windows than a worker with two threads keeps in flight), each
 * paragraph with its own trial id (whose string lives in the tagger's scratch, reused by
 * the next window); `counted` adds a short second sentence to each paragraph. */
static char *trial_paragraphs(size_t *len, int counted)
{
    const size_t n = 15000;
    char *t = malloc(n * 128);
    ck_assert_ptr_nonnull(t);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        k += (size_t)sprintf(t + k,
                             "Patients with multiple sclerosis in trial NCT%08zu received "
                             "mitoxantrone.",
                             10000000 + i * 7);
        if (counted) {
            k += (size_t)sprintf(t + k, " It helped %zu of them.", i % 97);
        }
        k += (size_t)sprintf(t + k, "\n\n");
    }
    *len = k;
    return t;
}

/* Appends a window's rows, counts and mentions (ids and names as text) to out. */
static void dump_window(const hnp_doc *d, char **out, size_t *len)
{
    size_t need = *len + 256 + d->n_sents * 96 + d->n_mentions * 256;
    *out = realloc(*out, need);
    ck_assert_ptr_nonnull(*out);
    char *o = *out;
    *len += (size_t)sprintf(o + *len, "w%zu %zu %zu %zu %zu %d %zu %zu %zu %zu %zu %d\n", d->window,
                            d->n_sents, d->n_mentions, d->first_sent, d->first_mention, d->more,
                            d->prev_end, d->prev_kept_end, d->doc_sents, d->doc_junk,
                            d->doc_mentions, d->complete);
    for (size_t i = 0; i < d->n_sents; i++) {
        const hnp_sentence *s = &d->sents[i];
        *len +=
            (size_t)sprintf(o + *len, "s %zu %zu %zu %zu %d %.4f %s\n", s->span.start, s->span.end,
                            s->cp_start, s->cp_end, (int)s->kind, (double)s->score, s->reason);
    }
    for (size_t i = 0; i < d->n_mentions; i++) {
        const hnp_doc_mention *m = &d->mentions[i];
        *len += (size_t)sprintf(o + *len, "m %zu %zu %zu %zu %zu %d %.60s %.60s\n", m->m.span.start,
                                m->m.span.end, m->m.sent, m->cp_start, m->cp_end, (int)m->m.label,
                                m->m.id, m->m.name);
    }
}

/* Walks the open document from where it stands to its end, dumping every window; the
 * number of windows in *n_win, and whether the sentences of two windows were in two
 * places (a replay: the kept rows) in *two_places. */
static char *dump_walk(hnp_worker *w, size_t *n_win, int *two_places)
{
    char *out = NULL;
    size_t len = 0;
    const hnp_sentence *first = NULL;
    const hnp_doc *d = NULL;
    *n_win = 0;
    *two_places = 0;
    ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
    while (d) {
        dump_window(d, &out, &len);
        *two_places |= first && d->sents != first;
        first = first ? first : d->sents;
        ++*n_win;
        if (!d->more) {
            break;
        }
        ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
    }
    return out;
}

START_TEST(kept_windows_replay_as_computed)
{
    fixture f = setup(0);
    size_t len, n_win, n_again, n_third;
    int moved;
    char *t = trial_paragraphs(&len, 0);
    /* the reference: without keeping, the walk after a rewind runs the stages again */
    ck_assert_int_eq(hnp_worker_open(f.w, "big", (const uint8_t *)t, len), HNP_OK);
    free(dump_walk(f.w, &n_win, &moved));
    hnp_worker_rewind(f.w);
    char *ref = dump_walk(f.w, &n_win, &moved);
    ck_assert_uint_ge(n_win, 2);
    ck_assert_int_eq(moved, 0);
    ck_assert_ptr_nonnull(strstr(ref, "NCT10104993")); /* a later window's trial id */
    /* kept from the first window on: the walks after a rewind replay it, the same */
    const hnp_doc *d = NULL;
    ck_assert_int_eq(hnp_worker_open(f.w, "big", (const uint8_t *)t, len), HNP_OK);
    ck_assert_int_eq(hnp_worker_next(f.w, &d), HNP_OK);
    ck_assert_int_eq(hnp_worker_keep_windows(f.w), HNP_OK);
    while (d && d->more) {
        ck_assert_int_eq(hnp_worker_next(f.w, &d), HNP_OK);
    }
    hnp_worker_rewind(f.w);
    char *again = dump_walk(f.w, &n_again, &moved);
    ck_assert_int_eq(moved, 1);
    hnp_worker_rewind(f.w);
    char *third = dump_walk(f.w, &n_third, &moved);
    ck_assert_uint_eq(n_again, n_win);
    ck_assert_uint_eq(n_third, n_win);
    ck_assert_str_eq(again, ref);
    ck_assert_str_eq(third, ref);
    /* too late once a second window is out */
    ck_assert_int_eq(hnp_worker_open(f.w, "big", (const uint8_t *)t, len), HNP_OK);
    ck_assert_int_eq(hnp_worker_next(f.w, &d), HNP_OK);
    ck_assert_int_eq(hnp_worker_next(f.w, &d), HNP_OK);
    ck_assert_int_eq(hnp_worker_keep_windows(f.w), HNP_ERR_INVALID);
    free(ref);
    free(again);
    free(third);
    free(t);
    teardown(&f);
}
END_TEST

/* got == want, else the first line where they differ (the dumps are too long for a message). */
static void same_dump(const char *got, const char *want)
{
    size_t i = 0, line = 0;
    while (got[i] && got[i] == want[i]) {
        line = got[i] == '\n' ? i + 1 : line;
        i++;
    }
    ck_assert_msg(got[i] == want[i], "differ at byte %zu: got \"%.120s\", want \"%.120s\"", i,
                  got + line, want + line);
}

/* The walk of the open document from its start, with its metadata. */
static char *dump_doc(hnp_worker *w, size_t *n_win)
{
    int moved;
    char *out = dump_walk(w, n_win, &moved);
    const hnp_doc *d = NULL;
    hnp_worker_rewind(w);
    ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
    ck_assert_ptr_nonnull(d);
    size_t len = strlen(out);
    out = realloc(out, len + 512);
    ck_assert_ptr_nonnull(out);
    snprintf(out + len, 512, "meta %.100s|%.100s|%.100s\n", d->meta.title ? d->meta.title : "",
             d->meta.date ? d->meta.date : "", d->meta.source ? d->meta.source : "");
    return out;
}

/* The walks after the first when the windows are kept: replayed (complete from the first
 * window on). */
static char *kept_dump(hnp_worker *w, const char *t, size_t len)
{
    const hnp_doc *d = NULL;
    size_t n_win;
    ck_assert_int_eq(hnp_worker_open(w, "big", (const uint8_t *)t, len), HNP_OK);
    ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
    ck_assert_int_eq(hnp_worker_keep_windows(w), HNP_OK);
    while (d && d->more) {
        ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
    }
    hnp_worker_rewind(w);
    return dump_doc(w, &n_win);
}

/* A big document's windows on helper threads (hnp_worker_set_threads) come out as on one
 * thread: every row, count, mention string and the metadata; also after a rewind in the
 * middle of a walk (windows in flight are dropped), with kept windows, when the worker
 * moves on to another document in the middle of a walk, and without the tagger. */
START_TEST(threaded_windows_match_one_thread)
{
    size_t len, n_ref, n_win;
    char *t = trial_paragraphs(&len, 1);
    hnp_stage stages[] = {HNP_STAGE_TAG, HNP_STAGE_CLASSIFY};
    for (size_t k = 0; k < 2; k++) {
        fixture f = {make_pipeline_upto(0, stages[k]), NULL};
        hnp_worker *w = NULL;
        const hnp_doc *d = NULL;
        ck_assert_int_eq(hnp_worker_create(f.p, &f.w), HNP_OK);
        ck_assert_int_eq(hnp_worker_create(f.p, &w), HNP_OK);
        hnp_worker_set_threads(w, 2);
        ck_assert_int_eq(hnp_worker_open(f.w, "big", (const uint8_t *)t, len), HNP_OK);
        char *ref = dump_doc(f.w, &n_ref);
        ck_assert_uint_ge(n_ref, 5);
        if (k == 0) { /* moving on in the middle of a walk, to a small document and back */
            ck_assert_int_eq(hnp_worker_open(w, "big", (const uint8_t *)t, len), HNP_OK);
            ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
            ck_assert_int_eq(
                hnp_worker_process(w, "small", (const uint8_t *)article, strlen(article), &d),
                HNP_OK);
            ck_assert_int_eq(d->more, 0);
        }
        ck_assert_int_eq(hnp_worker_open(w, "big", (const uint8_t *)t, len), HNP_OK);
        if (k == 0) {
            ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
            ck_assert_int_eq(hnp_worker_next(w, &d), HNP_OK);
            hnp_worker_rewind(w); /* in the middle of a walk: the windows in flight dropped */
        }
        char *got = dump_doc(w, &n_win);
        ck_assert_uint_eq(n_win, n_ref);
        same_dump(got, ref);
        free(got);
        if (k == 0) { /* kept windows, then replayed */
            char *ref_kept = kept_dump(f.w, t, len);
            got = kept_dump(w, t, len);
            same_dump(got, ref_kept);
            free(got);
            free(ref_kept);
        }
        free(ref);
        hnp_worker_free(w);
        teardown(&f);
    }
    free(t);
}
END_TEST

static Suite *pipeline_suite(void)
{
    Suite *s = suite_create("pipeline");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, runs_all_stages_with_consistent_offsets);
    tcase_add_test(tc, worker_is_reusable);
    tcase_add_test(tc, max_doc_size_is_enforced);
    tcase_add_test(tc, binary_input_is_refused);
    tcase_add_test(tc, pubtator_join_keeps_offsets);
    tcase_add_test(tc, threads_share_one_pipeline);
    tcase_add_test(tc, stops_after_last_stage);
    tcase_add_test(tc, bad_last_stage_is_refused);
    tcase_add_test(tc, kept_windows_replay_as_computed);
    tcase_add_test(tc, threaded_windows_match_one_thread);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return hnp_test_run(pipeline_suite());
}
