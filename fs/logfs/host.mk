# LogFS: portable sources, host tests.
host-src-y += fs/logfs/dev.c fs/logfs/log.c fs/logfs/journal.c \
	fs/logfs/tree.c fs/logfs/inode.c fs/logfs/file.c fs/logfs/dir.c \
	fs/logfs/commit.c fs/logfs/replay.c fs/logfs/gc.c fs/logfs/super.c \
	fs/logfs/namei.c fs/logfs/orphan.c fs/logfs/fsck.c
host-test-y += fs/logfs/tests/logfs_posix_test.c
host-test-y += fs/logfs/tests/logfs_model_test.c
host-test-y += fs/logfs/tests/logfs_powercut_test.c
host-test-y += fs/logfs/tests/logfs_longhaul_test.c

# Fuzzer: mount + fsck on damaged images (seeds: tests/fuzz/corpus/logfs_mount/)
host-fuzz-y += logfs_mount
fuzz-logfs_mount-src := fs/logfs/tests/fuzz_mount.c
host-test-y += fs/logfs/tests/logfs_stress_test.c
