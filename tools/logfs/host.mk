# LogFS host tools (host-only mains + the image helper).
host-tool-y += mkfs.logfs fsck.logfs logfs-tool
tool-mkfs.logfs-src := tools/logfs/mkfs_logfs.c tools/logfs/logfs_image.c tools/lib/cli.c
tool-fsck.logfs-src := tools/logfs/fsck_logfs.c tools/logfs/logfs_image.c tools/lib/cli.c
tool-logfs-tool-src := tools/logfs/logfs_tool.c tools/logfs/logfs_image.c tools/lib/cli.c
host-script-y += tools/logfs/tests/tools_test.sh

# Benchmark (not part of check): make bench-storage
host-tool-y += bench-storage
tool-bench-storage-src := tools/logfs/bench_storage.c tools/lib/cli.c
.PHONY: bench-storage
bench-storage: $(O)/host/tools/bench-storage
	$(Q)$(O)/host/tools/bench-storage --json $(O)/bench-storage.json
