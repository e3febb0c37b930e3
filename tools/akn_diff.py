#!/usr/bin/env python3
"""Element-level comparison of our Akoma Ntoso XML with the UN's for the same documents.

Usage:
  tools/akn_diff.py OURS_DIR [--un-dir ../shared/corpus/akn] [--ids FILE] [--details N]

OURS_DIR holds <ID>.akn.xml files (scripts/score_akn.sh leaves them in
out/akn/<set>/akn/); the UN's markup of the same <ID> is read from --un-dir.
Standard library only.

The corpus converter (akn_expected.py) only reads the text, numbers, lead
phrases, markers, footnotes, links and adoption fields. This tool compares
what it does not see, and prints one line per difference and a summary:

  frbr         FRBRWork/Expression/Manifestation FRBRthis and FRBRuri values,
               FRBRdate (adoption, publication), FRBRauthor of work/expression
               and the manifestation's editor
  eid          eIds of preambular containers, operative paragraphs, points and
               footnotes, aligned in document order
  note         placement of each authorialNote (by marker): the kind of element
               it sits in (title, preambular, operative, point, heading), the
               number of its operative paragraph, the word it follows
  conclusions  presence, meeting and adoption date of <conclusions>
  attachments  number of attachments, their doc names and first heading
  structure    counts of preamble containers, operative paragraphs, points,
               sections/headings, tables
  cover        symbol and session in the coverPage

Exit status 0 (differences are reported, not failures); 2 on usage errors.
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

AKN = '{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}'
BLOCKS = {'container': 'preambular', 'crossHeading': 'preambular', 'paragraph': 'operative',
          'point': 'point', 'section': 'heading', 'docTitle': 'title', 'preface': 'title'}


def local(e) -> str:
    return e.tag.rsplit('}', 1)[-1] if isinstance(e.tag, str) else ''


def collapse(s: str) -> str:
    return re.sub(r'\s+', ' ', s or '').strip()


def text_of(e) -> str:
    """Visible text of e without notes."""
    out = []

    def rec(x):
        if x.text:
            out.append(x.text)
        for c in x:
            if local(c) != 'authorialNote':
                rec(c)
            if c.tail:
                out.append(c.tail)
    rec(e)
    return collapse(' '.join(out))


class Doc:
    """What this tool compares, read from one AKN file."""

    def __init__(self, path: str):
        self.root = ET.parse(path).getroot()
        st = self.root[0] if local(self.root) == 'akomaNtoso' else self.root
        for c in list(self.root):
            if local(c) == 'statement':
                st = c
        self.st = st
        self.frbr = {}
        ident = st.find(AKN + 'meta/' + AKN + 'identification')
        if ident is not None:
            for level in ('FRBRWork', 'FRBRExpression', 'FRBRManifestation'):
                lv = ident.find(AKN + level)
                if lv is None:
                    continue
                for tag in ('FRBRthis', 'FRBRuri'):
                    e = lv.find(AKN + tag)
                    if e is not None:
                        self.frbr[level + '/' + tag] = e.get('value', '')
                for e in lv.findall(AKN + 'FRBRdate'):
                    self.frbr[level + '/FRBRdate@' + e.get('name', '')] = e.get('date', '')
                for e in lv.findall(AKN + 'FRBRauthor'):
                    self.frbr[level + '/FRBRauthor@' + e.get('as', '')] = e.get('href', '')
        self.parents = {c: p for p in st.iter() for c in p}
        body_parts = [c for c in st if local(c) in ('preface', 'preamble', 'mainBody')]
        self.containers, self.paragraphs, self.points, self.headings, self.tables = [], [], [], [], 0
        for part in body_parts:
            for e in part.iter():
                t = local(e)
                if t == 'container' and local(part) == 'preamble' or (
                        t == 'crossHeading' and e.get('refersTo') == '#preamble'):
                    self.containers.append(e)
                elif t == 'paragraph' and local(part) == 'mainBody':
                    self.paragraphs.append(e)
                elif t == 'point':
                    self.points.append(e)
                elif t in ('section', 'hcontainer') and local(part) == 'mainBody' and \
                        e.get('name') not in ('table', 'preamble'):
                    self.headings.append(e)
                elif t == 'table':
                    self.tables += 1
        self.notes = collections.OrderedDict()
        for part in body_parts:
            for n in part.iter(AKN + 'authorialNote'):
                self.notes.setdefault(collapse(n.get('marker', '')), self.placement(n))
        concl = st.find(AKN + 'conclusions')
        self.conclusions = None
        if concl is not None:
            meeting = date = ''
            for e in concl.iter():
                if local(e) == 'location' and e.get('refersTo') == '#adoptionMeeting':
                    meeting = text_of(e)
                if local(e) == 'docDate' and e.get('refersTo') == '#adoptionDate':
                    date = e.get('date', '')
            self.conclusions = (meeting, date)
        self.attachments = []
        att = st.find(AKN + 'attachments')
        if att is not None:
            for a in att.findall(AKN + 'attachment'):
                doc = next(iter(a), None)
                heading = ''
                if doc is not None:
                    h = doc.find('.//' + AKN + 'heading')
                    heading = text_of(h) if h is not None else ''
                self.attachments.append((doc.get('name', '') if doc is not None else '', heading))
        self.symbol = self.session = ''
        cover = st.find(AKN + 'coverPage')
        if cover is not None:
            for e in cover.iter():
                if local(e) == 'docNumber' and e.get('refersTo') == '#symbol':
                    self.symbol = re.sub(r'\s+', '', text_of(e))
                if local(e) == 'session':
                    self.session = e.get('value', '')

    def placement(self, note):
        """(kind, operative number, previous word) of an authorialNote."""
        kind, number, e = 'other', '', note
        while e in self.parents:
            e = self.parents[e]
            t = local(e)
            if t in BLOCKS and kind == 'other':
                kind = BLOCKS[t]
            if t == 'paragraph':
                num = e.find(AKN + 'num')
                number = re.sub(r'[^0-9A-Za-z]', '', text_of(num)) if num is not None else ''
                break
        # the word before the note: text of its block up to the note
        parent = self.parents.get(note)
        before = []
        if parent is not None:
            if parent.text:
                before.append(parent.text)
            for c in parent:
                if c is note:
                    break
                if local(c) != 'authorialNote':
                    before.append(text_of(c))
                if c.tail:
                    before.append(c.tail)
        words = re.findall(r'\w+', ' '.join(before))
        return kind, number, words[-1] if words else ''


def compare(doc_id: str, ours: Doc, un: Doc, out: list):
    def diff(cat, what, a, b):
        out.append((cat, doc_id, what, a, b))

    for key in sorted(set(ours.frbr) | set(un.frbr)):
        a, b = ours.frbr.get(key, '(none)'), un.frbr.get(key, '(none)')
        if a != b:
            diff('frbr', key, a, b)
    for name, xs, ys in (('container', ours.containers, un.containers),
                         ('paragraph', ours.paragraphs, un.paragraphs),
                         ('point', ours.points, un.points)):
        same = sum(1 for x, y in zip(xs, ys) if x.get('eId') == y.get('eId'))
        if same < min(len(xs), len(ys)):
            ex = next(((x.get('eId'), y.get('eId')) for x, y in zip(xs, ys)
                       if x.get('eId') != y.get('eId')), ('', ''))
            diff('eid', '%s eIds equal %d/%d' % (name, same, min(len(xs), len(ys))), ex[0], ex[1])
    for marker in list(un.notes) + [m for m in ours.notes if m not in un.notes]:
        a, b = ours.notes.get(marker), un.notes.get(marker)
        if a != b:
            diff('note', 'marker %s (kind, paragraph, after word)' % marker, a, b)
    if ours.conclusions != un.conclusions:
        diff('conclusions', '(meeting, date)', ours.conclusions, un.conclusions)
    if [a for a, _ in ours.attachments] != [a for a, _ in un.attachments] or \
            [collapse(h).lower() for _, h in ours.attachments] != \
            [collapse(h).lower() for _, h in un.attachments]:
        diff('attachments', '(doc name, first heading)', ours.attachments, un.attachments)
    for name, a, b in (('preamble containers', len(ours.containers), len(un.containers)),
                       ('operative paragraphs', len(ours.paragraphs), len(un.paragraphs)),
                       ('points', len(ours.points), len(un.points)),
                       ('headings/sections', len(ours.headings), len(un.headings)),
                       ('tables', ours.tables, un.tables)):
        if a != b:
            diff('structure', name, a, b)
    if ours.symbol != un.symbol:
        diff('cover', 'symbol', ours.symbol, un.symbol)
    if ours.session != un.session:
        diff('cover', 'session', ours.session, un.session)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('ours', help='folder of our <ID>.akn.xml')
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--un-dir', default=os.path.join(here, '..', '..', 'shared', 'corpus', 'akn'))
    ap.add_argument('--ids', help='file of IDs to compare (default: all found in both)')
    ap.add_argument('--details', type=int, default=3,
                    help='difference lines printed per category (default 3; -1 all)')
    a = ap.parse_args(argv)
    if not os.path.isdir(a.ours) or not os.path.isdir(a.un_dir):
        print('akn_diff: need OURS_DIR and --un-dir (the UN markup, ../shared/corpus/akn)',
              file=sys.stderr)
        return 2
    if a.ids:
        ids = [l.strip() for l in open(a.ids) if l.strip() and not l.startswith('#')]
    else:
        ids = sorted(f[:-len('.akn.xml')] for f in os.listdir(a.ours)
                     if f.endswith('.akn.xml') and f.count('.') == 2)
    diffs, docs = [], 0
    for doc_id in ids:
        ours_path = os.path.join(a.ours, doc_id + '.akn.xml')
        un_path = os.path.join(a.un_dir, doc_id + '.akn.xml')
        if not (os.path.exists(ours_path) and os.path.exists(un_path)):
            continue
        docs += 1
        compare(doc_id, Doc(ours_path), Doc(un_path), diffs)
    by_cat = collections.defaultdict(list)
    for d in diffs:
        by_cat[d[0]].append(d)
    for cat in ('frbr', 'eid', 'note', 'conclusions', 'attachments', 'structure', 'cover'):
        rows = by_cat.get(cat, [])
        what = collections.Counter(r[2] if cat != 'note' and cat != 'eid' else cat for r in rows)
        print('== %s: %d differences in %d documents' % (cat, len(rows),
                                                          len({r[1] for r in rows})))
        if cat in ('frbr', 'structure', 'cover'):
            for k, n in what.most_common():
                print('   %-45s %d' % (k, n))
        shown = rows if a.details < 0 else rows[:a.details]
        for _, doc_id, w, x, y in shown:
            print('   %s %s: ours %r | UN %r' % (doc_id, w, x, y))
    print('documents compared: %d' % docs)
    return 0


if __name__ == '__main__':
    sys.exit(main())
