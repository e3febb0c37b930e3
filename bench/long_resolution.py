#!/usr/bin/env python3
"""Writes one long resolution whose operative part the parser structures.

  bench/long_resolution.py SOURCE SIZE_MIB > long.txt

SOURCE's lines up to its first operative paragraph ("1."), then its
operative paragraphs (with the furniture and footnotes between them) over and
over, numbered on (1, 2, ... N), until the text is just under SIZE_MIB MiB,
then its lines from the closing ("... plenary meeting") on. For
//bench:peak_memory (--shape=real --source=long.txt): a resolution repeated
is text after the closing lines from its second copy on, which the parser
skips with a diagnostic per line; this one is paragraphs to the end.
"""

import re
import sys

OPERATIVE = re.compile(r"^(\s*)(\d+)\.(?=\s|$)")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, size = sys.argv[1], int(float(sys.argv[2]) * (1 << 20))
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    first = next(i for i, l in enumerate(lines) if re.match(r"^\s*1\.(\s|$)", l))
    closing = next(i for i in range(first, len(lines)) if "plenary meeting" in lines[i])
    head = "".join(l + "\n" for l in lines[:first])
    tail = "\n".join(lines[closing:])
    # Room for the closing, and for the line break peak_memory appends.
    budget = size - len(tail.encode()) - 1 - len(head.encode())
    out, used, number = [head], 0, 0
    while True:
        for line in lines[first:closing]:
            m = OPERATIVE.match(line)
            if m:
                number += 1
                line = m.group(1) + str(number) + line[m.end(2):]
            piece = line + "\n"
            used += len(piece.encode())
            if used > budget:
                out.append(tail)
                sys.stdout.write("".join(out))
                return
            out.append(piece)


if __name__ == "__main__":
    main()
