#!/usr/bin/env python3
"""A baseline for the parser benchmark: the simple splitter a user might write.

Splits each resolution text of a corpus into paragraphs with regular
expressions -- numbered operative paragraphs ("12. Requests ..."), preambular
paragraphs that open with a lead phrase ("Recalling ...", "Deeply
concerned ..."), sub-paragraphs ("(a) ...") -- joins each paragraph's lines
and reads its lead phrase. It knows nothing of page furniture, footnotes,
headings or annexes, so its output is much poorer than the parser's; it is
here to compare throughput with (bench/README.md).

Times the splitting of the whole corpus (files are read once, before timing)
with time.perf_counter, repeated, and prints the median MB/s and documents/s.
Standard library only; run with the system python3:

    python3 bench/python_regex_splitter.py --corpus_dir ../shared/corpus/texts --repeat 7
"""

import argparse
import os
import re
import statistics
import sys
import time

# Words that open a preambular paragraph: participles and adjectives of UN
# drafting, optionally after an adverb.
PREAMBULAR_LEAD = re.compile(
    r"(?:(?:Also|Further|Deeply|Gravely|Seriously|Strongly|Fully|Profoundly|Greatly|"
    r"Particularly|Once again|Noting further|Recalling further) )?"
    r"(?:[A-Z][a-z]+ing(?: (?:also|further|with (?:appreciation|concern|satisfaction)|"
    r"note(?: with appreciation)?|in mind|into account))?"
    r"|Aware|Mindful|Conscious|Cognizant|Concerned|Convinced|Alarmed|Guided|Seized|"
    r"Determined|Desirous|Encouraged|Disturbed|Reaffirming)\b")

# Verbs that open an operative paragraph (third person singular).
OPERATIVE_LEAD = re.compile(
    r"(?:(?:Also|Further|Once again|Strongly|Again) )?"
    r"(?:Calls upon|Takes note(?: with appreciation)?|Decides|Requests|Welcomes|Urges|"
    r"Encourages|Invites|Reaffirms|Recognizes|Stresses|Emphasizes|Notes|Expresses|"
    r"Underlines|Condemns|Recommends|Approves|Affirms|Reiterates|Acknowledges|"
    r"Appeals|Commends|Demands|Endorses|Supports|Authorizes|[A-Z][a-z]+s)\b")

# Where paragraphs start: a paragraph number, a sub-paragraph label, or a
# line that opens with a lead phrase after a line that ends a clause.
NUMBERED = re.compile(r"^\s*(\d{1,3})\.\s+(.*)$")
SUBPARAGRAPH = re.compile(r"^\s*\(([a-z]{1,3}|[ivx]+)\)\s+(.*)$")
CLAUSE_END = re.compile(r"[,;:.]\s*$")
INTRO = re.compile(r"^\s*The (?:General Assembly|Security Council|Economic and Social Council),\s*$",
                   re.M)
WHITESPACE = re.compile(r"\s+")
HYPHEN_BREAK = re.compile(r"(?<=\w)-\s*\n\s*")


def split_paragraphs(text):
    """Returns a list of (kind, number, lead_phrase, text) tuples."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    intro = INTRO.search(text)
    body = text[intro.end():] if intro else text
    paragraphs = []
    current = None  # [kind, number, lines]
    previous_line = ""

    def flush():
        if current is None:
            return
        joined = WHITESPACE.sub(" ", HYPHEN_BREAK.sub("-", "\n".join(current[2]))).strip()
        if not joined:
            return
        lead_re = OPERATIVE_LEAD if current[0] == "operative" else PREAMBULAR_LEAD
        lead = lead_re.match(joined)
        paragraphs.append((current[0], current[1], lead.group(0) if lead else "", joined))

    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            previous_line = ""
            continue
        numbered = NUMBERED.match(line)
        sub = SUBPARAGRAPH.match(line)
        at_boundary = not previous_line or CLAUSE_END.search(previous_line)
        if numbered:
            flush()
            current = ["operative", numbered.group(1), [numbered.group(2)]]
        elif sub:
            flush()
            current = ["subparagraph", sub.group(1), [sub.group(2)]]
        elif at_boundary and PREAMBULAR_LEAD.match(stripped):
            flush()
            current = ["preambular", "", [stripped]]
        elif current is not None:
            current[2].append(stripped)
        else:
            current = ["preambular", "", [stripped]]
        previous_line = stripped
    flush()
    return paragraphs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpus_dir",
                        default=os.path.join(here, "..", "..", "shared", "corpus", "texts"))
    parser.add_argument("--repeat", type=int, default=7, help="timed runs over the corpus")
    args = parser.parse_args()

    names = sorted(n for n in os.listdir(args.corpus_dir) if n.endswith(".txt"))
    if not names:
        sys.exit("no .txt files in " + args.corpus_dir)
    docs = []
    for name in names:
        with open(os.path.join(args.corpus_dir, name), encoding="utf-8", errors="replace") as f:
            docs.append(f.read())
    total_bytes = sum(len(d.encode("utf-8")) for d in docs)

    seconds = []
    paragraphs = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        paragraphs = sum(len(split_paragraphs(d)) for d in docs)
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    print("python %s, %d documents, %.1f MB, %d paragraphs per run" %
          (sys.version.split()[0], len(docs), total_bytes / 1e6, paragraphs))
    print("median of %d runs: %.1f ms, %.1f MB/s, %.0f docs/s" %
          (args.repeat, median * 1e3, total_bytes / median / 1e6, len(docs) / median))


if __name__ == "__main__":
    main()
