#!/usr/bin/env python3
"""Tables and the summary of bench/run_service_bench.sh.

  bench_table.py --header             the column names
  bench_table.py NAME FILE.json       one line per result of `resolute bench --json`
  bench_table.py --summary DIR        the headline figures from DIR's results

Standard library only.
"""

import json
import os
import re
import sys

COLUMNS = "%-24s %5s %9s %9s %8s %8s %8s %8s %8s"


def header():
    print(COLUMNS % ("run", "conc", "docs/s", "MB/s", "p50_ms", "p90_ms", "p99_ms", "max_ms",
                     "errors"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["results"]


def rows(name, path):
    for r in load(path):
        lat = r["latency_ms"]
        print(COLUMNS % (name, r["concurrency"], "%.1f" % r["documents_per_second"],
                         "%.2f" % r["megabytes_per_second"], "%.3f" % lat["p50"],
                         "%.3f" % lat["p90"], "%.3f" % lat["p99"], "%.3f" % lat["max"],
                         r["errors"]))


def best(results):
    return max(results, key=lambda r: r["documents_per_second"])


def near_half_peak(results):
    """The lightest load that carries at least half of the peak throughput.

    That is the level of lowest concurrency at or above half the peak: a
    higher level with less throughput is past the peak (overload, its calls
    queueing), not half of the load.
    """
    peak = best(results)["documents_per_second"]
    above = [r for r in results if r["documents_per_second"] >= peak / 2]
    return min(above, key=lambda r: r["concurrency"])


def summary(folder):
    def get(name):
        path = os.path.join(folder, name + ".json")
        return load(path) if os.path.exists(path) else None

    def baseline(name, mode=None):
        """(docs/s, MB/s) of stream_bench output NAME.txt: its first line, or
        the line of MODE."""
        path = os.path.join(folder, name + ".txt")
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.search(r"([0-9.]+) docs/s\s+([0-9.]+) MB/s", line)
                if m and (mode is None or line.split()[0] == mode):
                    return (float(m.group(1)), float(m.group(2)))
        return None

    inprocess = baseline("inprocess")
    if inprocess:
        print("parser in-process, one core: %.1f docs/s, %.1f MB/s" % inprocess)
    inprocess_omit_text = baseline("inprocess_omit_text")
    if inprocess_omit_text:
        print("  the same without Resolution.text: %.1f docs/s, %.1f MB/s" % inprocess_omit_text)
    wire = baseline("wire")
    if wire and inprocess:
        print("  with the request parsed and the response serialised: %.1f docs/s, %.0f%% of "
              "in-process" % (wire[0], 100 * wire[0] / inprocess[0]))
    wire_omit_text = baseline("wire_omit_text")
    if wire_omit_text and inprocess_omit_text:
        print("  the same without Resolution.text: %.1f docs/s, %.0f%% of in-process" % (
            wire_omit_text[0], 100 * wire_omit_text[0] / inprocess_omit_text[0]))
    for name in ("unary_median", "unary", "stream", "stream_omit_text", "archive",
                 "transport_unary_median", "transport_stream", "transport_archive"):
        results = get(name)
        if not results:
            continue
        b = best(results)
        line = "%-22s peak %9.1f docs/s %8.2f MB/s at concurrency %d" % (
            name, b["documents_per_second"], b["megabytes_per_second"], b["concurrency"])
        reference = inprocess_omit_text if name == "stream_omit_text" else inprocess
        if reference and name in ("unary", "stream", "stream_omit_text", "archive"):
            line += ", %.0f%% of in-process" % (100 * b["documents_per_second"] / reference[0])
        print(line)
        if name in ("unary_median", "unary", "stream"):
            h = near_half_peak(results)
            print("%-22s near half of peak: concurrency %d, %.1f docs/s, p99 %.3f ms" % (
                "", h["concurrency"], h["documents_per_second"], h["latency_ms"]["p99"]))
    # A unary call's ceiling on one core, with no transport cost at all.
    median_wire = baseline("median", "wire")
    if median_wire:
        print("unary ceiling on one core, median document, parse and protobuf work alone: "
              "%.1f calls/s (%.1f in-process without protobuf)" % (
                  median_wire[0], baseline("median", "inprocess")[0]))
        transport_unary = get("transport_unary_median")
        if transport_unary:
            per_call = 1 / median_wire[0] + 1 / best(transport_unary)["documents_per_second"]
            print("  with the transport's own cost per call: %.1f calls/s" % (1 / per_call))
    # A stream's ceiling on one core: each document costs the parse with its
    # protobuf work (wire) plus the transport's own cost per document.
    transport = get("transport_stream")
    if wire and inprocess and transport:
        per_doc = 1 / wire[0] + 1 / best(transport)["documents_per_second"]
        print("stream ceiling on one core (wire + transport per document): %.1f docs/s, "
              "%.0f%% of in-process" % (1 / per_doc, 100 / per_doc / inprocess[0]))
    rss = os.path.join(folder, "server_rss.txt")
    if os.path.exists(rss):
        with open(rss, encoding="utf-8") as f:
            print("server " + f.read().strip())


def main(argv):
    if argv[1:] == ["--header"]:
        header()
    elif len(argv) == 3 and argv[1] == "--summary":
        summary(argv[2])
    elif len(argv) == 3:
        rows(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
