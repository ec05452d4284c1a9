# SPDX-License-Identifier: GPL-2.0
#
# User space: the C runtime on newlib (user/lib), /sbin/init, /bin/sh, the
# utilities and the user-space tests, and the root tree $(O)/rootfs/.
# Included by the top Makefile (`include user/user.mk`); paths are relative
# to the top of the tree.  `make user` builds it all; `make -C user` does
# the same from here.
#
# Every program is a static ARM EABI executable linked with newlib's full
# libc.a (not libc_nano: the shell and tests want the complete printf and
# a malloc that returns memory), libgcc and our libuser.a, entered at
# _start in lib/crt0.S (newlib's crt0 is not used).

O ?= build
Q ?= @
quiet ?= @printf '  %-7s %s\n'
USER_CROSS ?= arm-none-eabi-
USER_CC := $(USER_CROSS)gcc
USER_AR := $(USER_CROSS)ar

USER_ARCH := -march=armv7-a -marm -mfloat-abi=soft
USER_CFLAGS := $(USER_ARCH) -std=gnu11 -Os -g -D_GNU_SOURCE \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare -Wno-format-truncation \
	-Iuser/include -Iinclude
USER_LDFLAGS := $(USER_ARCH) -static -nostartfiles -Wl,--gc-sections -Wl,--no-warn-execstack
# Ours, not newlib's, even when newlib's own objects ask first: the
# thread-safe malloc lock, errno per thread, the reentrant calls (lib/).
USER_LDFLAGS += -Wl,-u,__malloc_lock -Wl,-u,__errno -Wl,-u,_read_r
USER_OUT := $(O)/user
USER_LIB := $(USER_OUT)/libuser.a
USER_LIBS := -Wl,--start-group $(USER_LIB) -lc -lgcc -Wl,--end-group

user-lib-src := $(wildcard user/lib/*.c user/lib/*.S)
user-lib-obj := $(patsubst user/%,$(USER_OUT)/%.o,$(basename $(user-lib-src)))

# One program per file in bin/ and sbin/; sh and the tests list their files.
user-bin := $(notdir $(basename $(wildcard user/bin/*.c)))
user-sbin := $(notdir $(basename $(wildcard user/sbin/*.c)))
prog-sh-src := $(wildcard user/sh/*.c)
user-test-common := user/tests/ktap.c user/tests/loop_util.c user/tests/meminfo_util.c
user-tests := $(filter-out ktap loop_util meminfo_util,$(notdir $(basename $(wildcard user/tests/*.c))))

$(foreach p,$(user-bin),$(eval prog-$(p)-src := user/bin/$(p).c))
$(foreach p,$(user-sbin),$(eval prog-$(p)-src := user/sbin/$(p).c))
$(foreach p,$(user-tests),$(eval prog-$(p)-src := user/tests/$(p).c $(user-test-common)))

user-obj = $(patsubst user/%.c,$(USER_OUT)/%.o,$(1))

$(USER_OUT)/%.o: user/%.c
	$(quiet) UCC $@
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -MMD -MP -c -o $@ $<

$(USER_OUT)/%.o: user/%.S
	$(quiet) UAS $@
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -MMD -MP -c -o $@ $<

$(USER_LIB): $(user-lib-obj)
	$(quiet) UAR $@
	$(Q)rm -f $@ && $(USER_AR) rcs $@ $^

# prog_rule(name, output dir); prog-<name>-obj: objects built elsewhere
define user_prog
$(2)/$(1): $$(call user-obj,$$(prog-$(1)-src)) $$(USER_LIB)
	$$(quiet) ULD $$@
	@mkdir -p $$(dir $$@)
	$$(Q)$$(USER_CC) $$(USER_LDFLAGS) -o $$@ $$(call user-obj,$$(prog-$(1)-src)) $$(prog-$(1)-obj) $$(USER_LIBS)
endef
$(foreach p,$(user-bin) sh,$(eval $(call user_prog,$(p),$(USER_OUT)/bin)))
$(foreach p,$(user-sbin),$(eval $(call user_prog,$(p),$(USER_OUT)/sbin)))
$(foreach p,$(user-tests),$(eval $(call user_prog,$(p),$(USER_OUT)/tests)))

USER_PROGS := $(addprefix $(USER_OUT)/bin/,$(user-bin) sh) \
	$(addprefix $(USER_OUT)/sbin/,$(user-sbin)) \
	$(addprefix $(USER_OUT)/tests/,$(user-tests))

# The root tree: programs, test programs and scripts, mount points.
ROOTFS := $(O)/rootfs
ROOTFS_DIRS := bin sbin etc dev proc sys data secure tmp usr/lib/selftest
USER_TEST_SCRIPTS := $(wildcard user/tests/*.sh)

$(ROOTFS)/.stamp: $(USER_PROGS) $(USER_TEST_SCRIPTS) $(wildcard user/etc/*)
	$(quiet) ROOTFS $(ROOTFS)
	$(Q)rm -rf $(ROOTFS) && mkdir -p $(addprefix $(ROOTFS)/,$(ROOTFS_DIRS))
	$(Q)cp $(addprefix $(USER_OUT)/bin/,$(user-bin) sh) $(ROOTFS)/bin/
	$(Q)cp $(addprefix $(USER_OUT)/sbin/,$(user-sbin)) $(ROOTFS)/sbin/
	$(Q)cp $(addprefix $(USER_OUT)/tests/,$(user-tests)) $(USER_TEST_SCRIPTS) \
		$(ROOTFS)/usr/lib/selftest/
	$(Q)cp -r user/etc/. $(ROOTFS)/etc/
	$(Q)chmod 1777 $(ROOTFS)/tmp
	$(Q)touch $@

.PHONY: user user-rootfs
user: $(USER_PROGS) $(ROOTFS)/.stamp
user-rootfs: $(ROOTFS)/.stamp

# mkfs.logfs and fsck.logfs (sbin/) link the kernel's own LogFS (fs/logfs,
# all but dev.c, whose backends need the FTL), CRC-32 and LZ4 (LogFS
# outside the kernel always has it), on the port layer and the medium over a
# file descriptor in user/logfs/ (README there).
ULOGFS_OUT := $(USER_OUT)/logfs
ULOGFS_LZ4 := $(or $(LZ4_DIR),build/deps/lz4/lib)
ULOGFS_CFLAGS := -ffunction-sections -fdata-sections
ulogfs-core := $(addprefix fs/logfs/,log.c journal.c tree.c inode.c file.c \
	dir.c commit.c replay.c gc.c super.c namei.c orphan.c fsck.c) lib/crc/crc32.c
ulogfs-obj := $(patsubst %.c,$(ULOGFS_OUT)/core/%.o,$(ulogfs-core)) \
	$(ULOGFS_OUT)/core/lz4.o $(call user-obj,user/logfs/port.c user/logfs/fd_dev.c)
ulogfs-progs := mkfs.logfs fsck.logfs

$(foreach p,$(ulogfs-progs),$(eval prog-$(p)-obj := $(ulogfs-obj)))
$(addprefix $(USER_OUT)/sbin/,$(ulogfs-progs)): $(ulogfs-obj)
$(call user-obj,user/logfs/port.c user/logfs/fd_dev.c $(foreach p,$(ulogfs-progs),user/sbin/$(p).c)): \
	USER_CFLAGS += $(ULOGFS_CFLAGS)

$(ULOGFS_OUT)/core/%.o: %.c
	$(quiet) UCC $@
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_CFLAGS) $(ULOGFS_CFLAGS) -I$(ULOGFS_LZ4) -MMD -MP -c -o $@ $<

# Third-party: its warnings are not ours to fix (as lib/lz4/ in the kernel).
$(ULOGFS_OUT)/core/lz4.o: $(ULOGFS_LZ4)/lz4.c
	$(quiet) UCC $@
	@mkdir -p $(dir $@)
	$(Q)$(USER_CC) $(USER_ARCH) -Os -g -w -ffunction-sections -fdata-sections \
		-MMD -MP -c -o $@ $<

-include $(shell find $(USER_OUT) -name '*.d' 2>/dev/null)
