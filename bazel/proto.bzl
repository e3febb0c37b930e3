"""cc_proto_grpc_library: C++ (and optionally gRPC) code from .proto files.

Runs the system `protoc` and `grpc_cpp_plugin` (Debian packages
protobuf-compiler and protobuf-compiler-grpc). Import paths are relative to the
package that calls the macro, so `proto/resolute/v1/x.proto` is imported as
"resolute/v1/x.proto" when the macro is called from //proto.
"""

load("@rules_cc//cc:defs.bzl", "cc_library")

def cc_proto_grpc_library(name, srcs, grpc_srcs = [], deps = [], proto_deps = [], visibility = None):
    """Generates and compiles C++ code for `srcs`.

    Args:
      name: the cc_library to declare.
      srcs: .proto files of this library (messages only, or services too).
      grpc_srcs: the subset of srcs that declare services; they also get
        .grpc.pb.{h,cc} from grpc_cpp_plugin.
      deps: cc_proto_grpc_library targets whose .proto files srcs import.
      proto_deps: the .proto files of those deps (protoc needs to read them).
      visibility: visibility of the cc_library.
    """
    pkg = native.package_name()
    outs = []
    for src in srcs:
        base = src[:-len(".proto")]
        outs += [base + ".pb.h", base + ".pb.cc"]
    for src in grpc_srcs:
        if src not in srcs:
            fail("grpc_srcs must be a subset of srcs: " + src)
        base = src[:-len(".proto")]
        outs += [base + ".grpc.pb.h", base + ".grpc.pb.cc"]

    out_dir = "$(GENDIR)/" + pkg if pkg else "$(GENDIR)"
    src_dir = pkg if pkg else "."
    cmd = "protoc --proto_path=%s --cpp_out=%s %s" % (
        src_dir,
        out_dir,
        " ".join(["%s/%s" % (src_dir, s) for s in srcs]),
    )
    if grpc_srcs:
        cmd += " && protoc --proto_path=%s --grpc_out=%s --plugin=protoc-gen-grpc=$$(command -v grpc_cpp_plugin) %s" % (
            src_dir,
            out_dir,
            " ".join(["%s/%s" % (src_dir, s) for s in grpc_srcs]),
        )

    native.genrule(
        name = name + "_gen",
        srcs = srcs + proto_deps,
        outs = outs,
        cmd = cmd,
        message = "protoc " + ", ".join(srcs),
        visibility = ["//visibility:private"],
    )
    system_deps = ["@system//:protobuf"]
    if grpc_srcs:
        system_deps.append("@system//:grpc++")
    cc_library(
        name = name,
        srcs = [o for o in outs if o.endswith(".cc")],
        hdrs = [o for o in outs if o.endswith(".h")],
        includes = ["."],
        deps = deps + system_deps,
        visibility = visibility,
    )
