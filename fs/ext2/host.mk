# fs/ext2/: read-only ext2.
host-src-y += fs/ext2/super.c fs/ext2/inode.c fs/ext2/dir.c
host-test-y += fs/ext2/tests/ext2_test.c fs/ext2/tests/ext2_mke2fs_test.c
host-fuzz-y += fuzz_ext2
fuzz-fuzz_ext2-src := fs/ext2/tests/fuzz/fuzz_ext2.c
