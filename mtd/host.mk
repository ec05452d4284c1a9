# MTD core, partitions, simulator, FTL: portable sources and host tests.
host-src-y += mtd/core.c mtd/part.c mtd/sim/sim.c
host-test-y += mtd/tests/mtd_test.c
host-src-y += mtd/ftl/io.c mtd/ftl/wl.c mtd/ftl/ckpt.c mtd/ftl/eba.c \
	mtd/ftl/vtbl.c mtd/ftl/attach.c
host-test-y += mtd/ftl/tests/ftl_test.c
host-test-y += mtd/ftl/tests/ftl_powercut_test.c
