#!/usr/bin/env python3
"""Lists, for each word list in parser/lexicon.cc, its duplicates and the
words that occur in no text of a corpus (case-insensitive, as whole words).

  scripts/lexicon_usage.py [CORPUS_TEXTS_DIR]   # default ../shared/corpus/texts

Words after a "Beyond the corpus" comment in a list are UN drafting that the
corpus does not use (see parser/lexicon.h); such a word found in the corpus is
reported, to be moved up. Exits 1 if any list has a duplicate, or an unused
word before that comment: a list grows with the document that needs the word.
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
    attested, _, beyond = body.partition('// Beyond the corpus')
    words = re.findall(r'"([^"]+)"', re.sub(r'//[^\n]*', '', attested))
    extra = re.findall(r'"([^"]+)"', re.sub(r'//[^\n]*', '', beyond))
    dups = sorted(w for w, c in collections.Counter(words + extra).items() if c > 1)

    def used(w):
        return re.search(r'(?<![a-z])' + re.escape(w.strip().lower()) + r'(?![a-z])', corpus)

    unused = [w for w in words if not used(w)]
    now_used = [w for w in extra if used(w)]
    if dups or unused:
        status = 1
    print(f'{name}: {len(words)} + {len(extra)} words; duplicates: {dups or "none"}; '
          f'in no text: {unused or "none"}; beyond the corpus but used: {now_used or "none"}')
sys.exit(status)
