#!/usr/bin/env python3
"""Lists, for each word list in parser/lexicon.cc, its duplicates and the
words that occur in no text of a corpus (case-insensitive, as whole words).

  scripts/lexicon_usage.py [CORPUS_TEXTS_DIR]   # default ../shared/corpus/texts

Exits 1 if any list has a duplicate or an unused word: a list grows with the
document that needs the word (see parser/lexicon.h).
"""
import collections
import glob
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
texts_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', 'shared', 'corpus', 'texts')
files = glob.glob(os.path.join(texts_dir, '*.txt'))
if not files:
    sys.exit(f'no texts in {texts_dir}')
corpus = '\n'.join(open(f, encoding='utf-8', errors='replace').read() for f in files).lower()
source = open(os.path.join(here, '..', 'parser', 'lexicon.cc'), encoding='utf-8').read()
status = 0
for name, body in re.findall(r'constexpr [\w:]+ (k\w+)\[\] = \{(.*?)\};', source, re.S):
    body = re.sub(r'//[^\n]*', '', body)
    words = re.findall(r'"([^"]+)"', body)
    dups = sorted(w for w, c in collections.Counter(words).items() if c > 1)
    unused = [w for w in words
              if not re.search(r'(?<![a-z])' + re.escape(w.strip().lower()) + r'(?![a-z])', corpus)]
    if dups or unused:
        status = 1
    print(f'{name}: {len(words)} words; duplicates: {dups or "none"}; in no text: {unused or "none"}')
sys.exit(status)
