# Host tools as a user runs them (every tool's --help and usage errors,
# cloop / cryptloop / LogFS end to end, cryptsetup interop).  The tools
# themselves are declared next to their code: drivers/block/host.mk,
# tools/logfs/host.mk, tools/norimage/host.mk.
host-script-y += tools/tests/cli_test.sh
