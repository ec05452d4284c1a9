# drivers/block/: loop, encrypted loop (LUKS1), cloop (LZ4), memblk.
host-src-y += drivers/block/memblk.c drivers/block/loop.c \
	drivers/block/cryptloop.c drivers/block/luks1_hdr.c \
	drivers/block/luks1_keyslot.c drivers/block/cloop.c \
	drivers/block/cloop_cache.c drivers/block/cloop_build.c

# portable suites (also for the target) and host-only ones (cryptsetup
# interop, allocation-failure injection)
host-test-y += drivers/block/tests/cloop_test.c drivers/block/tests/loop_test.c \
	drivers/block/tests/luks1_test.c drivers/block/tests/luks1_cryptsetup_test.c \
	drivers/block/tests/block_alloc_test.c
host-script-y += drivers/block/tests/cloop_tools.sh

host-tool-y += mkcloop cloop-extract cryptloop bench-block
tool-mkcloop-src := tools/cloop/mkcloop.c tools/lib/cli.c
tool-cloop-extract-src := tools/cloop/cloop-extract.c tools/lib/cli.c
tool-cryptloop-src := tools/cryptloop/cryptloop.c tools/lib/cli.c
tool-bench-block-src := drivers/block/tests/bench/bench_block.c tools/lib/cli.c

host-fuzz-y += fuzz_cloop fuzz_luks1
fuzz-fuzz_cloop-src := drivers/block/tests/fuzz/fuzz_cloop.c
fuzz-fuzz_luks1-src := drivers/block/tests/fuzz/fuzz_luks1.c

# make bench-block: cloop and encrypted-loop throughput on the host, then
# in QEMU (bench-block-qemu, scripts/Makefile.bench) on the same image: a
# tar of the tree's sources (build/ and .git excluded) and of this output
# directory's host objects, the build's own sources and objects.
BENCH_BLOCK_TREE := $(O)/bench-block-tree.tar
make_bench_block_tree = tar cf $(BENCH_BLOCK_TREE) --exclude=./build --exclude=./.git . \
	$$(find $(O)/host -name '*.o' -o -name '*.a' | head -2000)

.PHONY: bench-block
bench-block: $(O)/host/tools/bench-block
	$(Q)$(make_bench_block_tree)
	$(Q)$(O)/host/tools/bench-block -j $(O)/bench-block.json $(BENCH_BLOCK_TREE)
	@echo
	@echo 'In the kernel (QEMU -icount shift=0: MB/s = MB per 10^9 instructions):'
	$(Q)$(MAKE) --no-print-directory bench-block-qemu
