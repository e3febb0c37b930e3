#!/usr/bin/env python3
"""Prints "N passed, N failed" for the last `bazel test //...` run (and --extra checks).

Counts GoogleTest test cases from bazel-testlogs/**/test.xml of every test
target in //...; a target without a report (it did not build or crashed
before writing one) counts as one failed test. Exit status 1 if any failed.
"""
import argparse
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument('--extra', help='file of "NAME PASS|FAIL" lines to count as well')
    ap.add_argument('--testlogs', default='bazel-testlogs',
                    help='the test logs of the run to count (default: bazel-testlogs)')
    ap.add_argument('--skip-tag', help='leave out test targets with this tag (not run)')
    args = ap.parse_args()
    query = 'tests(//...)'
    if args.skip_tag:
        query = '%s except attr(tags, "\\b%s\\b", %s)' % (query, args.skip_tag, query)
    targets = subprocess.run(['bazel', 'query', query], capture_output=True,
                             text=True, check=True).stdout.split()
    passed = failed = 0
    for target in targets:
        package, name = target[2:].split(':')
        xml = os.path.join(args.testlogs, package, name, 'test.xml')
        if not os.path.exists(xml):
            print('no test report for %s' % target, file=sys.stderr)
            failed += 1
            continue
        root = ET.parse(xml).getroot()
        suites = [root] if root.tag == 'testsuite' else root.findall('testsuite')
        tests = bad = 0
        for suite in suites:
            tests += int(suite.get('tests', 0))
            bad += int(suite.get('failures', 0)) + int(suite.get('errors', 0))
        if tests == 0:  # not a GoogleTest binary: the target is one test
            bad = 1 if root.find('.//failure') is not None or root.find('.//error') is not None else 0
            tests = 1
        passed += tests - bad
        failed += bad
    if args.extra and os.path.exists(args.extra):
        with open(args.extra, encoding='utf-8') as f:
            for line in f:
                words = line.split()
                if len(words) == 2:
                    passed += words[1] == 'PASS'
                    failed += words[1] != 'PASS'
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
