"""Repository rules that wire Debian's system packages into this workspace.

Nothing here downloads anything: every repository points at files installed by
scripts/setup.sh (Debian 12 packages).
"""

def _patched_rules_cc_impl(ctx):
    """Copies Debian's rules_cc and removes its use of `use_cpp_toolchain`.

    rules_cc 0.0.4 (Debian `bazel-rules-cc`) loads `use_cpp_toolchain` from
    @bazel_tools, which Bazel 4.2.3 does not define. The two affected files get
    the equivalent plain toolchain type list instead.
    """
    src = ctx.attr.path
    result = ctx.execute(["cp", "-R", src + "/.", "."])
    if result.return_code != 0:
        fail("cannot copy %s: %s" % (src, result.stderr))
    for f in [
        "cc/private/rules_impl/compiler_flag.bzl",
        "cc/private/rules_impl/cc_flags_supplier.bzl",
    ]:
        text = ctx.read(f)
        text = text.replace(', "use_cpp_toolchain")', ")")
        text = text.replace("use_cpp_toolchain()", '["@bazel_tools//tools/cpp:toolchain_type"]')
        ctx.file(f, text, executable = False)

patched_rules_cc = repository_rule(
    implementation = _patched_rules_cc_impl,
    attrs = {"path": attr.string(mandatory = True)},
    local = True,
)

def _pkg_config_libraries_impl(ctx):
    """Declares one cc_library per entry of `libraries`, linked as pkg-config says.

    Headers come from the compiler's default search path (/usr/include), which
    the auto-configured C++ toolchain already allows. A module whose headers
    live in a folder of their own (`pkg-config --cflags-only-I`, such as
    /usr/include/libxml2) gets that folder linked into the repository and
    added to `includes`.
    """
    lines = ['package(default_visibility = ["//visibility:public"])', ""]
    for name, modules in ctx.attr.libraries.items():
        words = modules.split(" ")
        extra = [w for w in words if w.startswith("-")]
        pkgs = [w for w in words if w and not w.startswith("-")]
        result = ctx.execute(["pkg-config", "--libs"] + pkgs)
        if result.return_code != 0:
            fail("pkg-config %s failed (run scripts/setup.sh): %s" % (modules, result.stderr))
        seen = []
        for flag in extra + result.stdout.strip().split(" "):
            if flag and flag not in seen:
                seen.append(flag)
        cflags = ctx.execute(["pkg-config", "--cflags-only-I"] + pkgs)
        if cflags.return_code != 0:
            fail("pkg-config --cflags-only-I %s failed: %s" % (modules, cflags.stderr))
        includes = []
        for flag in cflags.stdout.strip().split(" "):
            folder = flag[2:] if flag.startswith("-I") else ""
            if folder and folder != "/usr/include":
                link = "include_%s_%d" % (name.replace("+", "p"), len(includes))
                ctx.symlink(folder, link)
                includes.append(link)
        lines.append("cc_library(")
        lines.append('    name = "%s",' % name)
        lines.append("    linkopts = %s," % repr(seen))
        if includes:
            lines.append("    hdrs = glob([%s])," % ", ".join(['"%s/**/*.h"' % i for i in includes]))
            lines.append("    includes = %s," % repr(includes))
        lines.append(")")
        lines.append("")
    ctx.file("WORKSPACE", 'workspace(name = "%s")\n' % ctx.name)
    ctx.file("BUILD.bazel", "\n".join(lines))

pkg_config_libraries = repository_rule(
    implementation = _pkg_config_libraries_impl,
    attrs = {
        "libraries": attr.string_dict(
            mandatory = True,
            doc = "target name -> space-separated pkg-config modules; words starting with - are extra linker flags",
        ),
    },
    local = True,
)

def _optional_corpus_impl(ctx):
    """Exposes the shared evaluation corpus if this checkout has one.

    The corpus lives outside the repository (`../shared/corpus` next to the
    checkout on development and CI machines). Users' clones do not have it:
    the repository is then empty and `:present` is false, and tests fall back
    to the documents bundled in tests/testdata.
    """
    workspace = ctx.path(Label("//:WORKSPACE")).dirname
    corpus = ctx.path("%s/%s" % (workspace, ctx.attr.relative_path))
    present = corpus.exists
    if present:
        for entry in ["texts", "expected", "ids", "pdf", "score.py"]:
            if corpus.get_child(entry).exists:
                ctx.symlink(corpus.get_child(entry), entry)
    ctx.file("WORKSPACE", 'workspace(name = "%s")\n' % ctx.name)
    ctx.file("BUILD.bazel", """
package(default_visibility = ["//visibility:public"])

# True if the shared corpus was found at {path}.
CORPUS_PRESENT = {present}

filegroup(
    name = "texts",
    srcs = glob(["texts/*.txt"]),
)

filegroup(
    name = "expected",
    srcs = glob(["expected/*.json"]),
)

filegroup(
    name = "all",
    srcs = glob(["texts/*.txt", "expected/*.json", "ids/*.txt", "pdf/*.pdf", "score.py"]),
)
""".format(path = str(corpus), present = present))

optional_corpus = repository_rule(
    implementation = _optional_corpus_impl,
    attrs = {"relative_path": attr.string(mandatory = True)},
    local = True,
)
