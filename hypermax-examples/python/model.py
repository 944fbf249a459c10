"""The original Hypermax README's example model, adapted so it runs as written.

A random forest on scikit-learn's synthetic Hastie 10.2 data, scored by ROC AUC on a held-out split.
The README's version imported `datetime` but called `datetime.now()`, scored the training data it had
fitted, and passed class labels to `sklearn.metrics.auc` (which integrates a curve); this one fixes
those and is seeded, so equal parameters give equal losses.

Needs scikit-learn (Debian: apt-get install python3-sklearn). Run: ./hypermax hypermax-examples/python/search.json
"""
import datetime

import sklearn.datasets
import sklearn.ensemble
import sklearn.metrics
import sklearn.model_selection


def trainModel(params):
    inputs, outputs = sklearn.datasets.make_hastie_10_2(n_samples=4000, random_state=0)
    train_x, test_x, train_y, test_y = sklearn.model_selection.train_test_split(
        inputs, outputs, test_size=0.25, random_state=0)

    start_time = datetime.datetime.now()
    model = sklearn.ensemble.RandomForestClassifier(
        n_estimators=int(params['n_estimators']),
        max_depth=params['max_depth'],
        min_samples_leaf=int(params['min_samples_leaf']),
        random_state=0,
        n_jobs=1)
    model.fit(train_x, train_y)
    finish_time = datetime.datetime.now()

    auc = sklearn.metrics.roc_auc_score(test_y, model.predict_proba(test_x)[:, 1])
    # hypermax minimizes the loss: 1 - AUC. "auc" is kept as a metadata column of results.csv.
    return {"loss": 1.0 - auc, "auc": auc, "time": (finish_time - start_time).total_seconds()}
