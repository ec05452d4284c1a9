# SPDX-License-Identifier: GPL-2.0
#
# Top-level build.  Kbuild-style: each folder has a Makefile that says
#   obj-y += foo.o           always built in
#   obj-$(CONFIG_BAR) += bar.o   built in when CONFIG_BAR=y
#   obj-y += sub/            descend into sub/
#   ccflags-y += ...         extra flags for this folder
# and this file reads them all (non-recursively), so one make process sees
# the whole dependency graph.  Portable code also has a host.mk that adds
# to host-src-y / host-test-y / host-tool-y / host-fuzz-y (see
# scripts/Makefile.host).  `make help` lists the targets.

O ?= build
# Parallel by default (one job per core) unless -j was given.
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc)
endif
override O := $(patsubst %/,%,$(O))
export O
# Third-party sources are shared by every output directory (they are inputs).
DEPS ?= build/deps

ifeq ($(V),1)
Q :=
quiet := @true
else
Q := @
quiet := @printf '  %-7s %s\n'
endif

SHELL := /bin/bash
PYTHON := /usr/bin/python3
CROSS_COMPILE ?= arm-none-eabi-
CC := $(CROSS_COMPILE)gcc
LD := $(CROSS_COMPILE)ld
OBJCOPY := $(CROSS_COMPILE)objcopy
NM := $(CROSS_COMPILE)nm
HOSTCC ?= gcc
DTC ?= dtc
QEMU_ARM ?= qemu-system-arm

KCONFIG_CONFIG := $(O)/.config
export KCONFIG_CONFIG
AUTOCONF := $(O)/include/generated/autoconf.h
AUTOCONF_MK := $(O)/include/config/auto.conf
DEFAULT_BOARD := vexpress-a9

# Targets that need no configuration.
no_config_targets := help clean distclean mrproper deps %_defconfig menuconfig \
	olddefconfig savedefconfig host-check host-tools fuzz check-host bench-block bench-storage \
	list-boards
need_config := $(if $(MAKECMDGOALS),$(filter-out $(no_config_targets),$(MAKECMDGOALS)),all)
need_config := $(foreach g,$(need_config),$(if $(filter $(no_config_targets),$(g)),,$(g)))

.DEFAULT_GOAL := all
.SUFFIXES:
.DELETE_ON_ERROR:
.PHONY: all help clean distclean deps menuconfig olddefconfig savedefconfig \
	run debug check check-host host-check host-tools fuzz bench sdcard \
	run-uboot uboot list-boards check-target torture FORCE

include scripts/Makefile.deps

# A fresh machine: install packages and fetch the pinned sources before
# anything else is read (the Makefiles below ask the tools questions).
ifeq ($(filter help clean distclean mrproper deps list-boards,$(MAKECMDGOALS)),)
ifeq ($(wildcard $(DEPS_STAMP)),)
$(info deps: first run on this machine: installing what the build needs)
$(if $(shell scripts/deps $(DEPS) >&2 && touch $(DEPS_STAMP) && echo ok),,$(error scripts/deps failed))
endif
endif

include scripts/Makefile.kconfig
include scripts/Makefile.host

ifneq ($(need_config),)
ifeq ($(wildcard $(KCONFIG_CONFIG)),)
# First use: configure the default board, as `make run` on a fresh clone must.
$(shell $(MAKE) -s --no-print-directory $(DEFAULT_BOARD)_defconfig O=$(O) >&2)
endif
-include $(AUTOCONF_MK)
include scripts/Makefile.kernel
include user/user.mk
include scripts/Makefile.rootfs
include scripts/Makefile.uboot
include scripts/Makefile.qemu
include scripts/Makefile.bench
endif

help:
	@echo 'Everyday targets:'
	@echo '  run               build the default board (or the configured one) and boot it in QEMU'
	@echo '  check             everything CI runs: host suites, QEMU suites (direct and U-Boot), scenarios'
	@echo '  debug             QEMU halted with a gdbstub; prints the gdb command to attach'
	@echo '  run-uboot         boot QEMU -> U-Boot -> our kernel from the SD card image'
	@echo '  sdcard            $(O)/sdcard.img to write to a real board'
	@echo '  bench             benchmarks (QEMU, -icount shift=0); tables and $(O)/bench*.json'
	@echo '  bench-block       cloop/LZ4 and XTS throughput, host and QEMU (table + JSON)'
	@echo '  bench-storage     flash stack on simulated NOR/NAND: write amplification, mount cost, RAM'
	@echo '  torture           thousands of real power cuts on /data (TORTURE_CUTS=2000, SEED=)'
	@echo 'Configuration:'
	@echo '  <board>_defconfig configure for a board: $(notdir $(patsubst %/,%,$(wildcard boards/*/)))'
	@echo '  menuconfig        edit $(KCONFIG_CONFIG) in a terminal'
	@echo '  olddefconfig      update $(KCONFIG_CONFIG), new options at their defaults'
	@echo '  savedefconfig     write the minimal $(O)/defconfig'
	@echo 'Build:'
	@echo '  all               vmlinux, zImage, DTB, System.map, compile_commands.json in $(O)/'
	@echo '  host-tools        host tools in $(O)/host/tools/'
	@echo '  check-host        only the host suites'
	@echo '  deps              install packages and fetch pinned sources'
	@echo '  clean / distclean remove build output / and the configuration and sources'
	@echo 'Options: O=dir (output, default build)  V=1 (show commands)  BOARD=<board>'

clean:
	$(Q)rm -rf $(filter-out $(O)/deps $(O)/.config $(O)/uboot,$(wildcard $(O)/* $(O)/.??*))

distclean mrproper:
	$(Q)rm -rf $(O)

list-boards:
	@ls boards | grep -v Kconfig
