"""Every error reason the code can return is in proto/README.md's table, and
every reason in that table is one the code returns.

The reasons are the string literals passed as the reason (second argument) of
WithErrorReason(...) in the given source files. A call whose reason is not a
literal (a helper passing one through) is skipped: its callers pass literals.

Usage: error_reasons_documented_test.py README SOURCE...
"""
import re
import sys


def top_level_args(text, start):
    """Splits the argument list that opens at text[start] == '(' at top-level commas."""
    depth, i, args, current = 0, start, [], []
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            current.append(text[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return args
        elif c == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    raise ValueError("unbalanced call at offset %d" % start)


def reasons_in_code(paths):
    found = {}
    for path in paths:
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"\bWithErrorReason\(", text):
            args = top_level_args(text, m.end() - 1)
            if len(args) >= 2 and re.fullmatch(r'"[A-Z][A-Z0-9_]*"', args[1]):
                found.setdefault(args[1].strip('"'), path)
    return found


def reasons_in_readme(path):
    rows = re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", open(path, encoding="utf-8").read(), re.M)
    return set(rows)


def main():
    readme, sources = sys.argv[1], sys.argv[2:]
    code = reasons_in_code(sources)
    documented = reasons_in_readme(readme)
    failures = []
    for reason, path in sorted(code.items()):
        if reason not in documented:
            failures.append("%s (returned in %s) is not in the table of %s" % (reason, path, readme))
    for reason in sorted(documented - set(code)):
        failures.append("%s is in the table of %s but no code returns it" % (reason, readme))
    if len(code) < 10:
        failures.append("only %d reasons found in %d files: is the scan broken?" % (len(code), len(sources)))
    for f in failures:
        print("FAIL:", f)
    print("%d reasons returned by the code, %d documented" % (len(code), len(documented)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
