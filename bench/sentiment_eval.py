#!/usr/bin/env python3
"""Macro-F1 of smelt's sentiment per language on the labelled sets in
bench/sentiment_eval/ (see its README). Prints a Markdown table.

usage: bench/sentiment_eval.py SMELT_BINARY [--set eval|dev] [--details] [--detect | --as-english]

Each post is given to `smelt text` as a JSON line with its language as the
platform's field ("lang"), so the table measures the scorer of each language;
--detect leaves the language to smelt's detection instead; --as-english scores
every post with the English model (what smelt did before it had other
languages). A post the scorer
leaves unscored counts as a wrong answer.
"""
import json
import os
import subprocess
import sys

CATEGORIES = ("positive", "neutral", "negative")
LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "ar", "ja", "id", "tr", "hi", "hi-Latn")


def read_set(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            expected, text = line.split("\t", 1)
            assert expected in CATEGORIES, (path, line)
            rows.append((expected, text))
    return rows


def score(smelt, language, rows, detect, as_english):
    lines = []
    for i, (_, text) in enumerate(rows):
        record = {"id": i, "text": text}
        if as_english:
            record["lang"] = "en"
        elif not detect:
            record["lang"] = language
        lines.append(json.dumps(record, ensure_ascii=False))
    out = subprocess.run([smelt, "text"], input="\n".join(lines) + "\n", capture_output=True, text=True,
                         check=True).stdout
    results = [json.loads(line) for line in out.splitlines()]
    return results


def f1_scores(expected, predicted):
    scores = {}
    for c in CATEGORIES:
        tp = sum(1 for e, p in zip(expected, predicted) if e == c and p == c)
        fp = sum(1 for e, p in zip(expected, predicted) if e != c and p == c)
        fn = sum(1 for e, p in zip(expected, predicted) if e == c and p != c)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[c] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return scores


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("--"):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    smelt = args[0]
    which = args[args.index("--set") + 1] if "--set" in args else "eval"
    details = "--details" in args
    detect = "--detect" in args
    as_english = "--as-english" in args
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sentiment_eval", which)
    print(f"| language | posts | accuracy | F1 positive | F1 neutral | F1 negative | macro-F1 | unscored | model |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    worst = 1.0
    for language in LANGUAGES:
        path = os.path.join(root, f"{language}.tsv")
        if not os.path.exists(path):
            continue
        rows = read_set(path)
        results = score(smelt, language, rows, detect, as_english)
        expected = [e for e, _ in rows]
        predicted = [r["category"] or "unscored" for r in results]
        f1 = f1_scores(expected, predicted)
        macro = sum(f1.values()) / len(f1)
        worst = min(worst, macro)
        accuracy = sum(1 for e, p in zip(expected, predicted) if e == p) / len(rows)
        unscored = sum(1 for r in results if r["sentiment_status"] != "scored")
        models = sorted({r["model"] for r in results if r["model"]})
        print(f"| {language} | {len(rows)} | {accuracy:.1%} | {f1['positive']:.3f} | {f1['neutral']:.3f} | "
              f"{f1['negative']:.3f} | **{macro:.3f}** | {unscored} | {', '.join(models)} |")
        if details:
            for (e, text), r in zip(rows, results):
                if e != (r["category"] or "unscored"):
                    print(f"    {language} expected {e}, got {r['category']} ({r['compound']}): {text}",
                          file=sys.stderr)
    print(f"\nlowest macro-F1: {worst:.3f}")


if __name__ == "__main__":
    main()
