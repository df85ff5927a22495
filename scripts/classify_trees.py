#!/usr/bin/python3
"""A study, not the shipped model: small gradient-boosted tree ensembles in place of the
classify model's first logistic regression (the head/tail model), over the same 129
features, the same training rows (the sentences the model decides), the same Viterbi,
trim and head. Run as

    OMP_NUM_THREADS=2 /usr/bin/python3 scripts/train_classify.py --trees [--dev | --by-source]

Every setting (the logistic regression of main first) is cross-validated on the training
pages by train_classify's folds: its temper and prior offset are chosen by the same
one-standard-error rule (train_classify.choose), then the trim and the head are fitted in
each fold as the shipped pipeline does. Printed per setting: the pipeline's train CV
(pooled, per-fold mean and standard error) and each validation source, the model fitted on
all training pages. The tree setting is chosen on the training folds alone: the best mean
of the per-fold F1, then the fewest leaves within one standard error. --dev also scores
dev, for the chosen setting only (measured once, never tuned on). --by-source scores each
training source by the settings fitted on the other source alone (HNP_TREES="a,b" runs
only the settings so named).

The trees are sklearn's HistGradientBoostingClassifier (fixed random_state, no early
stopping, no subsampling of the rows), so a retrain is deterministic; its
decision_function (the baseline log-odds plus the sum of the trees' leaves) replaces the
logistic regression's log-odds. --write is unaffected.
"""
import os
import sys

import numpy as np

import train_classify as tc

# (name, HistGradientBoostingClassifier parameters, stacked on the logistic regression's
# log-odds?, without the document-level features?); learning rate 0.1 throughout.
SETTINGS = [
    ("hgb 50x8 msl200", dict(max_iter=50, max_leaf_nodes=8, min_samples_leaf=200), False, False),
    ("hgb 100x8 msl200", dict(max_iter=100, max_leaf_nodes=8, min_samples_leaf=200), False, False),
    ("hgb 100x15 msl200", dict(max_iter=100, max_leaf_nodes=15, min_samples_leaf=200), False, False),
    ("hgb 100xd4 msl500", dict(max_iter=100, max_depth=4, max_leaf_nodes=16, min_samples_leaf=500),
     False, False),
    ("hgb 50x15 msl1000", dict(max_iter=50, max_leaf_nodes=15, min_samples_leaf=1000), False, False),
    ("stack hgb 50x8", dict(max_iter=50, max_leaf_nodes=8, min_samples_leaf=200), True, False),
    ("nodoc hgb 50x8", dict(max_iter=50, max_leaf_nodes=8, min_samples_leaf=200), False, True),
    ("nodoc stack hgb 50x8", dict(max_iter=50, max_leaf_nodes=8, min_samples_leaf=200), True, True),
]
# The page-level features: on the training pages the trees' strongest splits (doc:n, then
# doc:stop), which let them learn which pages of the two training sources carry body in
# their head and tail.
DOC_FEATURES = ("doc:n", "doc:stop")


class TreeModel(tc.Model):
    """The head/tail model with the trees' log-odds; per document cached (the pipeline
    scores each page many times)."""

    def __init__(self, est, logt, cols, stack=None):
        super().__init__(None, 0.0, logt)
        self.est, self.cols, self.stack, self.cache = est, cols, stack, {}

    def inputs(self, x):
        if self.stack is None:
            return x[:, self.cols]
        w, b = self.stack
        return np.hstack([x[:, self.cols], (x @ w + b)[:, None]])

    def prime(self, docs):
        """Scores many documents at once (one call into sklearn instead of one per page)."""
        todo = [d for d in docs if id(d) not in self.cache and len(d["spans"])]
        if not todo:
            return
        z = self.est.decision_function(self.inputs(np.vstack([d["x"] for d in todo])))
        pos = 0
        for d in todo:
            n = len(d["spans"])
            self.cache[id(d)] = z[pos:pos + n]
            pos += n

    def log_odds(self, d):
        if id(d) not in self.cache:
            self.prime([d])
        return self.cache[id(d)] + self.offset


def fit_trees(docs, names, params, stack=False, nodoc=False):
    """Trees over the rows the logistic regression learns from; with stack, the logistic
    regression's log-odds (fitted on the same rows) is one more feature; with nodoc, the
    trees do not see DOC_FEATURES (the logistic regression still does)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    X, y = tc.decided_rows(docs, names)
    lin = None
    if stack:
        m = tc.fit(docs, names)
        lin = (m.w, m.b0)
    est = HistGradientBoostingClassifier(learning_rate=0.1, early_stopping=False,
                                         random_state=0, **params)
    cols = [j for j, n in enumerate(names) if not (nodoc and n in DOC_FEATURES)]
    model = TreeModel(None, tc.log_transitions(docs), cols, lin)
    est.fit(model.inputs(X), y)
    model.est = est
    return model


def f1_first(prf):
    p, r, f = prf
    return f, p, r


def leaves(model):
    if not isinstance(model, TreeModel):
        return 0
    return sum(int(p.nodes["is_leaf"].sum()) for it in model.est._predictors for p in it)


def per_fold(counts):
    f = tc.fold_f1(counts)
    return f, float(np.mean(f)), float(np.std(f, ddof=1) / np.sqrt(len(f)))


def evaluate(train, names, fitter):
    """Train CV of one setting: per fold the model, its (temper, offset) by the rule, then
    trim and head. Returns (pick, [counts per fold] for model, +trim, +head)."""
    folds = []
    for k in range(tc.FOLDS):
        te = [d for d in train if tc.page_fold(d) == k]
        tr = [d for d in train if tc.page_fold(d) != k]
        m = fitter(tr)
        if isinstance(m, TreeModel):
            m.prime(tr + te)
        folds.append((tr, te, m))
    cv = {}
    for t in tc.TEMPERS:
        for o in tc.OFFSETS:
            for _, _, m in folds:
                m.temper, m.offset = t, o
            cv[(t, o)] = [tc.line_counts([(m, d) for d in te], names) for _, te, m in folds]
    pick, _, _ = tc.choose(cv)
    out = ([], [], [])
    for tr, te, m in folds:
        m.temper, m.offset = pick
        trim = tc.fit_trim(tr, names, m)
        head = tc.fit_head(tr, names, trim)
        for j, mod in enumerate((m, trim, head)):
            out[j].append(tc.line_counts([(mod, d) for d in te], names))
    return pick, out


def full(train, names, fitter, pick):
    m = fitter(train)
    m.temper, m.offset = pick
    trim = tc.fit_trim(train, names, m)
    return m, trim, tc.fit_head(train, names, trim)


def by_source(train, names):
    """Each training source scored by the setting fitted on the other one alone (temper
    and offset as shipped): a test of transfer to an unseen source that uses the training
    pages only."""
    src = lambda d: d["rec"]["page_id"].split(":")[0]  # noqa: E731
    for name, fitter in setups(names):
        out = []
        for s in tc.TRAIN:
            tr = [d for d in train if src(d) != s]
            te = [d for d in train if src(d) == s]
            models = full(tr, names, fitter, tc.SETTLED)
            out.append("%s %s" % (s, "/".join("%.3f" % tc.score(te, names, m)[2] for m in models)))
        print("%-22s fitted on the other source: %s" % (name, " | ".join(out)), flush=True)
    return 0


def setups(names):
    out = [("logistic (main)", lambda tr: tc.fit(tr, names))]
    out += [(n, lambda tr, p=p, st=st, nd=nd: fit_trees(tr, names, p, st, nd))
            for n, p, st, nd in SETTINGS]
    only = os.environ.get("HNP_TREES")  # a comma-separated subset of the names, to save time
    return [s for s in out if s[0] in only.split(",")] if only else out


def run(train, names, cache, dev):
    valid = {s: tc.load(s, cache)[0] for s in tc.VALID}
    results = []
    for name, fitter in setups(names):
        pick, cvs = evaluate(train, names, fitter)
        models = full(train, names, fitter, pick)
        f, mean, se = per_fold(cvs[2])
        line = "%-22s t%.2f o%.1f leaves %4d | CV model %.3f trim %.3f head %.3f (folds %s mean %.4f se %.4f)" % (
            name, pick[0], pick[1], leaves(models[0]), tc.prf(*np.sum(cvs[0], axis=0))[2],
            tc.prf(*np.sum(cvs[1], axis=0))[2], tc.prf(*np.sum(cvs[2], axis=0))[2],
            " ".join("%.3f" % x for x in f), mean, se)
        for s in tc.VALID:
            line += " | %s %s" % (s[:5], "/".join("%.3f" % tc.score(valid[s], names, m)[2] for m in models))
        print(line, flush=True)
        results.append((name, mean, se, leaves(models[0]), models, f))
    best = max(results, key=lambda r: r[1])
    near = [r for r in results if r[1] >= best[1] - best[2]]
    chosen = min(near, key=lambda r: (r[3], -r[1]))
    print("chosen by the folds: %s (best mean %s %.4f, se %.4f)" % (chosen[0], best[0], best[1], best[2]))
    if dev:
        docs = tc.load("dev", cache)[0]
        for r in (results[0], chosen):
            print("dev %-22s model/trim/head %s" % (r[0], " ".join(
                "%.3f (P %.3f R %.3f)" % f1_first(tc.score(docs, names, m)) for m in r[4])))
    return 0


if __name__ == "__main__":
    sys.exit(tc.main())
