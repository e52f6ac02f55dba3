"""Posting analysis quality and speed on public skill-extraction datasets.

    .venv/bin/python benchmarks/extraction.py [--split test|dev] [--runs 5] [--no-esco]

Follows ../shared/research/benchmarks.md and prints every figure:

1. span extraction on SkillSpan (CoNLL, tech and house separately): micro strict and
   overlap span F1 for the skill layer, the knowledge layer and skill ∪ knowledge;
2. ESCO normalisation on the TECH and HOUSE validation sets: RP@5, RP@10 and MRR of the
   ESCO skills the matcher ranks for each sentence, after importing ESCO v1.1.0 with
   ``import_taxonomy esco`` into this script's own database;
3. per-posting skill sets on the SkillSpan JSON postings: set F1 and Jaccard of the
   normalised spans, averaged over postings;
4. speed on one core (the script re-runs itself under ``taskset -c 0``): start-up
   (migrate + vocabulary + matcher) separately, then sentences/s and postings/s in a warm
   process, median of ``--runs`` runs.

The database is a throwaway SQLite file in a temporary folder; the datasets are read
from ../shared/data (the product itself never reads them). Tune with ``--split dev``;
the test split is for reported figures only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(
    os.environ.get("CAREERPATH_SHARED_DATA", ROOT.parent / "shared" / "data")
).resolve()
if not DATA.exists():
    DATA = Path("/work/shared/data")
SKILLSPAN = DATA / "skillspan"
ESCO_BENCH = DATA / "skill-extraction-esco-benchmark"
ESCO_DIR = DATA / "esco" / "v1.1.0"  # the classification zip and the relations zip


# --- data ----------------------------------------------------------------------------


def read_conll(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences of (token, skill tag, knowledge tag)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, skill, knowledge = line.split("\t")[:3]
        current.append((token, skill, knowledge))
    if current:
        sentences.append(current)
    return sentences


def bio_spans(tags: list[str]) -> set[tuple[int, int]]:
    """Token spans [start, end) of a BIO column; a stray I- starts a span."""
    spans, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O":
            if start is not None:
                spans.add((start, i))
                start = None
            if tag.startswith("B"):
                start = i
        elif start is None:
            start = i
    return spans


def char_offsets(tokens: list[str]) -> list[tuple[int, int]]:
    """Offsets of each token in the tokens joined with one space."""
    offsets, position = [], 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return offsets


def to_token_span(
    start: int, end: int, offsets: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The tokens a predicted character span touches."""
    inside = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (inside[0], inside[-1] + 1) if inside else None


# --- metrics -------------------------------------------------------------------------


def prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp_p / n_pred if n_pred else 0.0
    recall = tp_r / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class SpanScore:
    """Micro strict and overlap span scores over many sentences."""

    def __init__(self) -> None:
        self.pred = self.gold = self.strict = self.overlap_p = self.overlap_r = 0
        self.per_sentence: list[tuple[int, int, int]] = []  # (pred, gold, strict)

    def add(self, predicted: set[tuple[int, int]], gold: set[tuple[int, int]]) -> None:
        self.pred += len(predicted)
        self.gold += len(gold)
        self.strict += len(predicted & gold)
        self.per_sentence.append((len(predicted), len(gold), len(predicted & gold)))
        self.overlap_p += sum(
            1 for a, b in predicted if any(a < d and c < b for c, d in gold)
        )
        self.overlap_r += sum(
            1 for c, d in gold if any(a < d and c < b for a, b in predicted)
        )

    def strict_prf(self) -> tuple[float, float, float]:
        return prf(self.strict, self.pred, self.strict, self.gold)

    def overlap_prf(self) -> tuple[float, float, float]:
        return prf(self.overlap_p, self.pred, self.overlap_r, self.gold)

    def strict_f1_interval(self, resamples: int = 1000) -> tuple[float, float]:
        """95 % bootstrap interval of strict F1, resampling sentences (seeded)."""
        rng = random.Random(2022)
        rows = self.per_sentence
        scores = []
        for _ in range(resamples):
            pred = gold = strict = 0
            for _ in range(len(rows)):
                p, g, s = rows[rng.randrange(len(rows))]
                pred += p
                gold += g
                strict += s
            scores.append(prf(strict, pred, strict, gold)[2])
        scores.sort()
        return scores[int(0.025 * resamples)], scores[int(0.975 * resamples) - 1]


def analyse_quietly(analyse, text: str):
    """The analysis, or None when the analyser refuses the text (a PostingError)."""
    from careerpath.skills.extraction import PostingError

    try:
        return analyse(text)
    except PostingError:
        return None


# --- 1. spans ------------------------------------------------------------------------


def span_benchmark(analyse, split: str) -> dict[str, list[str]]:
    """Strict and overlap F1 per source and layer; returns the sentences for timing."""
    texts: dict[str, list[str]] = {}
    print(f"\n1. Span extraction — SkillSpan {split} (CoNLL), micro P / R / F1")
    print(
        f"{'source':<7}{'layer':<19}{'gold':>6}{'pred':>6}  {'strict P/R/F1':<22}{'overlap P/R/F1'}"
    )
    for source in ("tech", "house"):
        sentences = read_conll(SKILLSPAN / f"skillspan_{source}_{split}.conll")
        texts[source] = []
        scores = {
            layer: SpanScore() for layer in ("skill", "knowledge", "skill ∪ knowledge")
        }
        for sentence in sentences:
            tokens = [token for token, _, _ in sentence]
            text = " ".join(tokens)
            texts[source].append(text)
            offsets = char_offsets(tokens)
            analysis = analyse_quietly(analyse, text)
            predicted: set[tuple[int, int]] = set()
            if analysis is not None:
                # The analysis text equals the joined tokens for a one-line input, so
                # mention offsets map straight back onto tokens.
                for mention in analysis.mentions:
                    span = to_token_span(mention.start, mention.end, offsets)
                    if span:
                        predicted.add(span)
            skill = bio_spans([tag for _, tag, _ in sentence])
            knowledge = bio_spans([tag for _, _, tag in sentence])
            # The analyser does not tell skills from knowledge, so each layer is scored
            # against all predictions (its precision is the layer's share of them).
            scores["skill"].add(predicted, skill)
            scores["knowledge"].add(predicted, knowledge)
            scores["skill ∪ knowledge"].add(predicted, skill | knowledge)
        for layer, score in scores.items():
            sp, sr, sf = score.strict_prf()
            op, orr, of = score.overlap_prf()
            print(
                f"{source:<7}{layer:<19}{score.gold:>6}{score.pred:>6}  "
                f"{sp:.3f}/{sr:.3f}/{sf:.3f}{'':<6}{op:.3f}/{orr:.3f}/{of:.3f}"
            )
        low, high = scores["skill ∪ knowledge"].strict_f1_interval()
        print(
            f"{source:<7}strict F1 (skill ∪ knowledge) 95 % bootstrap interval over "
            f"sentences: {low:.3f}–{high:.3f}"
        )
    return texts


# --- 3. postings ---------------------------------------------------------------------


def read_postings(split: str) -> list[tuple[str, list[dict]]]:
    postings: dict[tuple[str, int], list[dict]] = defaultdict(list)
    with gzip.open(
        SKILLSPAN / "json" / f"{split}.json.gz", "rt", encoding="utf-8"
    ) as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                postings[(row["source"], row["idx"])].append(row)
    return [(source, rows) for (source, _), rows in postings.items()]


def posting_benchmark(analyse, split: str) -> list[str]:
    """Set F1 and Jaccard of normalised span texts per posting; returns posting texts."""
    from careerpath.taxonomy.normalize import normalize

    print(
        f"\n3. Posting skill sets — SkillSpan JSON {split}, mean over postings; "
        "'skills' is the distinct list the planner keeps, 'mentions' every span"
    )
    per_source: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    texts = []
    for source, rows in read_postings(split):
        gold: set[str] = set()
        for row in rows:
            for column in ("tags_skill", "tags_knowledge"):
                for a, b in bio_spans(row[column]):
                    key = normalize(" ".join(row["tokens"][a:b]))
                    if key:
                        gold.add(key)
        text = "\n".join(" ".join(row["tokens"]) for row in rows)
        texts.append(text)
        analysis = analyse_quietly(analyse, text)
        for unit in ("skills", "mentions"):
            predicted = (
                {normalize(mention.text) for mention in getattr(analysis, unit)} - {""}
                if analysis
                else set()
            )
            common = len(gold & predicted)
            precision = common / len(predicted) if predicted else 0.0
            recall = common / len(gold) if gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if common else 0.0
            union = len(gold | predicted)
            jaccard = common / union if union else 1.0
            per_source[(source, unit)].append((f1, jaccard))
            per_source[("all", unit)].append((f1, jaccard))
    for source in ("tech", "house", "all"):
        for unit in ("skills", "mentions"):
            rows = per_source[(source, unit)]
            print(
                f"{source:<6} {unit:<9} postings {len(rows):>3}   "
                f"set F1 {statistics.mean(r[0] for r in rows):.3f}   "
                f"Jaccard {statistics.mean(r[1] for r in rows):.3f}"
            )
    return texts


# --- 2. ESCO -------------------------------------------------------------------------


def esco_benchmark(no_esco: bool):
    """Import ESCO and score its ranking; returns the full matcher, or None."""
    print(
        "\n2. ESCO normalisation — TECH and HOUSE validation, ranked ESCO skills per sentence"
    )
    if no_esco:
        print("ESCO not imported (--no-esco)")
        return None
    from django.core.management import call_command, get_commands

    if "import_taxonomy" not in get_commands():
        print("ESCO not imported: the import_taxonomy command is not available yet")
        return None
    if not ESCO_DIR.exists():
        print(f"ESCO not imported: {ESCO_DIR} is missing")
        return None
    started = time.perf_counter()
    try:
        call_command(
            "import_taxonomy", "esco", str(ESCO_DIR), quiet=True, stdout=io.StringIO()
        )
    except Exception as error:  # the importer's own message says what went wrong
        print(f"ESCO not imported: {error}")
        return None
    from careerpath.skills.matching import SkillMatcher
    from careerpath.taxonomy.models import Skill

    print(f"ESCO v1.1.0 imported in {time.perf_counter() - started:.1f} s")
    from careerpath.skills.extraction import default_matcher

    built = time.perf_counter()
    everything = default_matcher()
    print(
        f"vocabulary with ESCO: {len(everything.terms)} skills, "
        f"{len(everything.exact)} names; matcher built in {time.perf_counter() - built:.1f} s"
    )
    esco_terms = [term for term in everything.terms if term.source == "esco"]
    matcher = SkillMatcher(esco_terms)
    uri_of = dict(Skill.objects.filter(source="esco").values_list("id", "external_id"))
    uri_by_label = {
        label: uri
        for label, uri in Skill.objects.filter(source="esco").values_list(
            "label", "external_id"
        )
    }
    print(f"{len(esco_terms)} ESCO skills in the matcher")
    print(
        f"{'set':<7}{'queries':>8}{'RP@5':>8}{'RP@10':>8}{'MRR@10':>8}   unknown gold labels"
    )
    for name in ("tech", "house"):
        gold: dict[str, set[str]] = defaultdict(set)
        unknown = 0
        path = ESCO_BENCH / f"{name}_validation_annotations.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                label = row["label"]
                if label in ("LABEL NOT PRESENT", "UNDERSPECIFIED"):
                    continue
                uri = uri_by_label.get(label)
                if uri is None:
                    unknown += 1
                    continue
                gold[row["sentence"]].add(uri)
        rp5, rp10, rr = [], [], []
        for sentence, uris in gold.items():
            ranked = [uri_of[term.skill_id] for term, _ in matcher.rank(sentence, 10)]
            for k, bucket in ((5, rp5), (10, rp10)):
                bucket.append(len(set(ranked[:k]) & uris) / min(k, len(uris)))
            first = next((i for i, uri in enumerate(ranked) if uri in uris), None)
            rr.append(0.0 if first is None else 1 / (first + 1))
        print(
            f"{name:<7}{len(gold):>8}{100 * statistics.mean(rp5):>8.2f}"
            f"{100 * statistics.mean(rp10):>8.2f}{statistics.mean(rr):>8.3f}   {unknown}"
        )
    return everything


# --- 4. speed ------------------------------------------------------------------------


def speed_benchmark(
    analyse, sentences: list[str], postings: list[str], runs: int
) -> None:
    print(f"\n4. Speed — one core, warm process, median of {runs} runs")
    for name, items in (("sentences", sentences), ("postings", postings)):
        for text in items[:50]:  # warm-up
            analyse_quietly(analyse, text)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            for text in items:
                analyse_quietly(analyse, text)
            timings.append(time.perf_counter() - started)
        median = statistics.median(timings)
        print(
            f"{name:<10} {len(items):>5} in {median:.2f} s → {len(items) / median:,.0f} {name}/s"
            f"   ({1000 * median / len(items):.2f} ms each)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-esco", action="store_true")
    args = parser.parse_args()

    if os.environ.get("CAREERPATH_BENCH_PINNED") != "1" and shutil.which("taskset"):
        os.environ["CAREERPATH_BENCH_PINNED"] = "1"
        os.execvp("taskset", ["taskset", "-c", "0", sys.executable, *sys.argv])

    started = time.perf_counter()
    data_dir = tempfile.mkdtemp(prefix="careerpath-bench-")
    os.environ["CAREERPATH_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from careerpath.skills.extraction import analyse_posting, default_matcher

    matcher = default_matcher()
    startup = time.perf_counter() - started
    affinity = sorted(os.sched_getaffinity(0))

    def analyse(text: str):
        return analyse_posting(text, matcher=matcher)

    print(
        f"careerpath posting-analysis benchmark — split {args.split}, CPUs {affinity}, "
        f"built-in vocabulary of {len(matcher.terms)} skills"
    )
    print(f"start-up (migrate, vocabulary, matcher): {startup:.2f} s")
    texts = span_benchmark(analyse, args.split)
    postings = posting_benchmark(analyse, args.split)
    speed_benchmark(analyse, texts["tech"] + texts["house"], postings, args.runs)
    full = esco_benchmark(args.no_esco)
    if full is not None:
        # What a site that imported ESCO gets: the same analysis over the larger
        # vocabulary (built-in names still win where both have one).
        def analyse_full(text: str):
            return analyse_posting(text, matcher=full)

        print("\nWith ESCO imported (built-in + ESCO vocabulary):")
        span_benchmark(analyse_full, args.split)
        posting_benchmark(analyse_full, args.split)
        speed_benchmark(
            analyse_full, texts["tech"] + texts["house"], postings, args.runs
        )
    shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
