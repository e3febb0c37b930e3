#!/usr/bin/env python3
"""Writes the seed inputs of the archive and request fuzz targets.

  tests/fuzz/make_seeds.py OUT_DIR [TEXT_FILE...]

OUT_DIR/archive/: tar, tar.gz and zip archives of the given texts (or a short
built-in resolution), with a directory, a hard link and a symbolic link among
the entries; each prefixed with the chunk-size byte archive_fuzz.cc reads.
OUT_DIR/request/: serialized ParseResolutionRequests of the texts, with and
without hints (encoded by `protoc --encode`, so no Python protobuf is needed).
Standard library only. tools/fuzz.sh calls it; the committed seeds in
tests/fuzz/seeds/ were made with it and no TEXT_FILE.
"""
import io
import os
import subprocess
import sys
import tarfile
import zipfile

SHORT = (b"United Nations A/RES/78/1\n\nResolution adopted by the General Assembly\n"
         b"on 1 December 2023\n\n78/1. A title\n\nThe General Assembly,\n\n"
         b"Recalling its resolution 77/1 of 1 December 2022,1\n\n"
         b"1. Decides to remain seized of the matter;\n\n(a) first;\n(b) second;\n\n"
         b"2. Requests the Secretary-General to report.\n\n45th plenary meeting\n"
         b"1 December 2023\n__________\n1 See A/77/1.\n")


def tar_bytes(texts, mode):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as tar:
        d = tarfile.TarInfo("docs")
        d.type = tarfile.DIRTYPE
        tar.addfile(d)
        for i, text in enumerate(texts):
            info = tarfile.TarInfo(f"docs/doc{i}.txt")
            info.size = len(text)
            tar.addfile(info, io.BytesIO(text))
        for kind, name in ((tarfile.LNKTYPE, "docs/hard.txt"), (tarfile.SYMTYPE, "docs/soft.txt")):
            link = tarfile.TarInfo(name)
            link.type = kind
            link.linkname = "docs/doc0.txt"
            tar.addfile(link)
    return out.getvalue()


def zip_bytes(texts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i, text in enumerate(texts):
            z.writestr(f"doc{i}.txt", text)
    return out.getvalue()


def encode_request(proto_dir, fields):
    text = "".join(f"{k}: {v}\n" for k, v in fields)
    return subprocess.run(
        ["protoc", f"--proto_path={proto_dir}", "--encode=resolute.v1.ParseResolutionRequest",
         "resolute/v1/resolute_service.proto"],
        input=text.encode(), stdout=subprocess.PIPE, check=True).stdout


def quote(data):
    return '"' + "".join(f"\\{b:03o}" if b < 32 or b > 126 or b in (34, 92) else chr(b)
                         for b in data) + '"'


def main():
    out = sys.argv[1]
    texts = [open(p, "rb").read() for p in sys.argv[2:]] or [SHORT]
    proto_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "proto")
    os.makedirs(f"{out}/archive", exist_ok=True)
    os.makedirs(f"{out}/request", exist_ok=True)
    archives = {"tar": tar_bytes(texts, "w"), "tgz": tar_bytes(texts, "w:gz"),
                "zip": zip_bytes(texts)}
    for name, data in archives.items():
        for chunk_byte in (0, 255):
            with open(f"{out}/archive/{name}_{chunk_byte}", "wb") as f:
                f.write(bytes([chunk_byte]) + data)
    for i, text in enumerate(texts):
        variants = {
            "plain": [("document_id", quote(b"doc")), ("content", quote(text))],
            "hints": [("document_id", quote(b"A_RES_78_1")), ("content", quote(text)),
                      ("language", quote(b"en-GB")), ("source_variant", "SOURCE_VARIANT_PDFTOTEXT"),
                      ("omit_text", "true")],
        }
        for name, fields in variants.items():
            with open(f"{out}/request/{name}_{i}", "wb") as f:
                f.write(encode_request(proto_dir, fields))


if __name__ == "__main__":
    main()
