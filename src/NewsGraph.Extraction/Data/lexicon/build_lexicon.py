#!/usr/bin/env python3
"""Derives two word lists from the ANERcorp training split (CC BY-SA 4.0):
common-words.txt  words that are (almost) never part of a named entity: ≥97% tagged O, after
                  Arabic normalization; used to find where a name ends.
given-names.txt   words that usually start a person's name (B-PERS in ≥60% of ≥2 occurrences).
never-person-words.txt  words seen at least twice and never inside a person's name (they may be
                  parts of organization or place names, unlike common-words.txt).
usage: build_lexicon.py ANERCorp_train.word-tag.tsv   (writes both files next to this script)"""
import collections, os, re, sys, unicodedata
DIAC = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]')
def norm(s):
    s = unicodedata.normalize('NFKC', s); s = DIAC.sub('', s)
    return re.sub('[أإآٱ]', 'ا', s).replace('ى', 'ي').replace('ة', 'ه').strip()
tags = collections.defaultdict(collections.Counter)
for line in open(sys.argv[1], encoding='utf-8'):
    w, _, t = line.rstrip('\n').partition('\t')
    n = norm(w)
    if re.fullmatch('[\u0621-\u064a]{2,}', n):
        tags[n][t] += 1
here = os.path.dirname(os.path.abspath(__file__))
common = sorted(w for w, c in tags.items() if c['O'] / sum(c.values()) >= 0.97)
given = sorted(w for w, c in tags.items() if sum(c.values()) >= 2 and c['B-PERS'] / sum(c.values()) >= 0.6)
never_person = sorted(w for w, c in tags.items() if sum(c.values()) >= 2 and c['B-PERS'] + c['I-PERS'] == 0)
header = '# Derived from ANERcorp (train split), CC BY-SA 4.0: Benajiba, Rosso & Benedí Ruiz, CICLing 2007; see SOURCES.md. Regenerate with build_lexicon.py.\n'
open(os.path.join(here, 'common-words.txt'), 'w', encoding='utf-8').write(header + '\n'.join(common) + '\n')
open(os.path.join(here, 'given-names.txt'), 'w', encoding='utf-8').write(header + '\n'.join(given) + '\n')
open(os.path.join(here, 'never-person-words.txt'), 'w', encoding='utf-8').write(header + '\n'.join(never_person) + '\n')
print(len(common), 'common words;', len(given), 'given names;', len(never_person), 'never-person words')
