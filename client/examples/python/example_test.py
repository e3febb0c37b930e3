#!/usr/bin/env python3
"""The Python example run as a test against a real resolute server.

    client/examples/python/gen_stubs.sh /tmp/stubs
    PYTHONPATH=/tmp/stubs /usr/bin/python3 client/examples/python/example_test.py \
        --server 127.0.0.1:50051 --max-document-bytes 65536

Calls health, ParseResolution with a bundled document, StreamParseResolutions
with several (two of them bad), ParseArchive with the sample archive, and decodes the rich error of each bad
request. Prints one line per check and exits 1 if any answer is wrong.
--max-document-bytes must be the server's --max_document_bytes (the example
sends one byte more to get CONTENT_TOO_LARGE). With --busy-server (a server
started with --max_concurrent_archives=0), it also checks that an archive
refused there comes back UNAVAILABLE with a RetryInfo.
"""

import argparse
import os
import sys

import grpc

from resolute_client import ERROR_DOMAIN, ResoluteClient, RichError

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
CORPUS = os.path.join(ROOT, "tests", "testdata", "corpus")
ARCHIVE = os.path.join(ROOT, "examples", "sample_resolutions.tar.gz")  # 13 resolutions
MAX_MESSAGE_BYTES = 300  # every status message the server sends is shorter

failures = 0


def check(ok: bool, what: str) -> None:
    global failures
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures += 1


def check_error(error: RichError, code: grpc.StatusCode, reason: str, field: str,
                metadata: dict, what: str) -> None:
    check(error.code == code.value[0] and error.reason == reason and error.domain == ERROR_DOMAIN
          and all(error.metadata.get(k) == v for k, v in metadata.items())
          and (field, ) == tuple(f for f, _ in error.field_violations)
          and 0 < len(error.message.encode()) < MAX_MESSAGE_BYTES,
          "%s: %s %s metadata=%s fields=%s message=%r" % (
              what, error.code_name, error.reason, error.metadata,
              [f for f, _ in error.field_violations], error.message))


def unary_error(client: ResoluteClient, **request) -> RichError:
    try:
        client.parse(**request)
    except grpc.RpcError as e:
        error = RichError.from_rpc_error(e)
        # The trailer's message is the call's message.
        if error.message != e.details():
            check(False, "status message %r differs from the trailer's %r" % (
                e.details(), error.message))
        return error
    return RichError(code=0, message="the call succeeded")


def stream_error(answers: dict, document_id: str) -> RichError:
    if document_id not in answers:
        return RichError(code=0, message="no answer")
    return RichError.from_status(answers[document_id].status)


def read(name: str, corpus: str) -> bytes:
    with open(os.path.join(corpus, name), "rb") as f:
        return f.read()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--server", required=True, help="HOST:PORT of a plaintext resolute server")
    ap.add_argument("--max-document-bytes", type=int, required=True,
                    help="the server's --max_document_bytes")
    ap.add_argument("--corpus", default=CORPUS, help="folder of the bundled test documents")
    ap.add_argument("--busy-server", help="HOST:PORT of a server with --max_concurrent_archives=0")
    ap.add_argument("--archive", default=ARCHIVE, help="the bundled sample archive")
    args = ap.parse_args()

    with ResoluteClient(args.server, timeout=30) as client:
        client.wait_ready(timeout=10)

        # Health: the server ("") and the service.
        check(client.serving(""), "health: server SERVING")
        check(client.serving(), "health: resolute.v1.ResolutionParserService SERVING")

        # One document.
        response = client.parse(read("A_RES_78_100.pymupdf.txt", args.corpus),
                                document_id="A_RES_78_100")
        r = response.resolution
        check(response.document_id == "A_RES_78_100" and response.status.code == 0
              and r.symbol == "A/RES/78/100"
              and r.title == "Dissemination of information on decolonization"
              and len(r.preambular_paragraphs) == 9 and len(r.operative_paragraphs) == 8
              and r.operative_paragraphs[4].lead_phrase == "Requests",
              "unary: %s %r, %d preambular, %d operative paragraphs" % (
                  r.symbol, r.title, len(r.preambular_paragraphs), len(r.operative_paragraphs)))

        # A stream of documents; each answer carries its own status.
        expected = {
            "A_RES_57_168": ("A_RES_57_168.seed.txt", "A/RES/57/168"),
            "S_RES_126_1957": ("S_RES_126_1957.txt", "S/RES/126(1957)"),
            "S_RES_678_1990": ("S_RES_678_1990.txt", "S/RES/678(1990)"),
            "A_RES_78_100": ("A_RES_78_100.pdftotext.txt", "A/RES/78/100"),
        }
        documents = [(doc_id, read(name, args.corpus)) for doc_id, (name, _) in expected.items()]
        documents += [("empty", b""), ("latin1", "Résolution".encode("latin-1"))]
        answers = {a.document_id: a for a in client.parse_stream(documents)}
        check(sorted(answers) == sorted(d for d, _ in documents),
              "stream: %d answers for %d documents" % (len(answers), len(documents)))
        for doc_id in expected:
            answer = answers.get(doc_id)
            if answer is not None:
                check(answer.status.code == 0
                      and answer.resolution.symbol == expected[doc_id][1]
                      and len(answer.resolution.operative_paragraphs) > 0,
                      "stream: %s OK %s, %d operative paragraphs" % (
                          doc_id, answer.resolution.symbol,
                          len(answer.resolution.operative_paragraphs)))
        check_error(stream_error(answers, "empty"),
                    grpc.StatusCode.INVALID_ARGUMENT, "CONTENT_EMPTY", "content", {},
                    "stream: empty")
        check_error(stream_error(answers, "latin1"),
                    grpc.StatusCode.INVALID_ARGUMENT, "CONTENT_NOT_UTF8", "content",
                    {"offset": "1"}, "stream: latin1")

        # An archive: one answer per entry, in archive order.
        with open(args.archive, "rb") as archive:
            answers = list(client.parse_archive(archive, name=os.path.basename(args.archive)))
        by_entry = {a.document_id: a for a in answers}
        sample = by_entry.get("S_RES_242_1967.txt")
        check(len(answers) == 13 and all(a.status.code == 0 for a in answers)
              and sample is not None and sample.resolution.symbol == "S/RES/242(1967)",
              "archive: %d entries OK, S_RES_242_1967.txt is %s" % (
                  len(answers), sample.resolution.symbol if sample else "missing"))

        # Rich errors of unary calls, from the grpc-status-details-bin trailer.
        check_error(unary_error(client, content=b""), grpc.StatusCode.INVALID_ARGUMENT,
                    "CONTENT_EMPTY", "content", {}, "unary: empty content")
        check_error(unary_error(client, content=b"Resolution 1 (2024)\n\xff\xfe"),
                    grpc.StatusCode.INVALID_ARGUMENT, "CONTENT_NOT_UTF8", "content",
                    {"offset": "20"}, "unary: invalid UTF-8")
        size = args.max_document_bytes + 1
        check_error(unary_error(client, content=b"x" * size), grpc.StatusCode.RESOURCE_EXHAUSTED,
                    "CONTENT_TOO_LARGE", "content",
                    {"size": str(size), "limit": str(args.max_document_bytes)},
                    "unary: oversize document")
        check_error(unary_error(client, content=b"Resolution 1 (2024)", language="fr"),
                    grpc.StatusCode.INVALID_ARGUMENT, "LANGUAGE_UNSUPPORTED", "language", {},
                    "unary: unknown language")
        # A long caller-supplied value is cut in the message, not echoed whole.
        check_error(unary_error(client, content=b"Resolution 1 (2024)", language="x" * 8192),
                    grpc.StatusCode.INVALID_ARGUMENT, "LANGUAGE_UNSUPPORTED", "language", {},
                    "unary: 8 KB language")

    if args.busy_server:
        # A server busy with its maximum of archives: retry later (or elsewhere).
        with ResoluteClient(args.busy_server, timeout=30) as busy:
            error = RichError(code=0, message="the call succeeded")
            try:
                with open(args.archive, "rb") as archive:
                    list(busy.parse_archive(archive))
            except grpc.RpcError as e:
                error = RichError.from_rpc_error(e)
            check(error.code == grpc.StatusCode.UNAVAILABLE.value[0]
                  and error.reason == "SERVER_BUSY" and error.domain == ERROR_DOMAIN
                  and (error.retry_delay_seconds or 0) > 0
                  and len(error.message.encode()) < MAX_MESSAGE_BYTES,
                  "archive on a busy server: %s %s retry after %s s message=%r" % (
                      error.code_name, error.reason, error.retry_delay_seconds, error.message))

    print("python-example: %s" % ("PASS" if failures == 0 else "%d FAILED" % failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
