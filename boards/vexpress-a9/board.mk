# Build and QEMU settings for the ARM Versatile Express with a Cortex-A9
# core tile (QEMU -M vexpress-a9).  Read by the top Makefile after the
# board configuration; scripts/Makefile.uboot uses the U-Boot part.

# QEMU machine and memory.  RAM starts at 0x60000000 on this board.  The
# board's PL041 sound gets a silent backend: without one QEMU probes the
# host's sound systems and prints its complaints on the console.
QEMU_MACHINE_ARGS := -M vexpress-a9 -m 128M -audiodev none,id=snd0 -global pl041.audiodev=snd0
# CPUs (-smp); the A9 tile has up to 4.
QEMU_SMP ?= 1

# U-Boot, built from $(UBOOT_SRC) with this defconfig plus our
# scripts/uboot/vexpress_ca9x4_defconfig.fragment.
UBOOT_DEFCONFIG := vexpress_ca9x4_defconfig
# QEMU gets the raw u-boot.bin (linked at 0x60010000 by our fragment):
# -kernel loads it at RAM base + 0x10000 as it would a Linux kernel, starts
# it on CPU 0 only and holds the other CPUs in its boot stub, waiting for
# SYS_FLAGS (0x10000030) and an IPI, as on the real board.
UBOOT_BUILD_FILE := u-boot.bin
# How QEMU starts U-Boot ($(UBOOT_IMAGE) is set by scripts/Makefile.uboot).
UBOOT_QEMU_ARGS = -kernel $(UBOOT_IMAGE)
# $(call SD_QEMU_ARGS,image): the SD card on the PL180/PL181 MMC controller
# (the same as -sd image, without the format warning).  QEMU wants the
# image size to be a power of two.
SD_QEMU_ARGS = -drive if=sd,format=raw,file=$(1)

# Kernel console (console= in extlinux.conf).  U-Boot runs this UART at
# 38400 8N1; on QEMU the rate does not matter.
KERNEL_CONSOLE := ttyAMA0

# Where U-Boot's distro boot puts things (stock vexpress environment; see
# scripts/uboot/README.md).  U-Boot then moves the DTB to the top of RAM
# ("Loading Device Tree to ...") and passes that address in r2.
UBOOT_KERNEL_ADDR := 0x60100000
UBOOT_FDT_ADDR := 0x60000000

# $(call FLASH_QEMU_ARGS,image): the second NOR bank (flash@44000000: the
# "data" partition that /data lives on, /secure's container with it)
# backed by a file, so that what is written there survives a reboot as on
# the board.  QEMU wants the file to be exactly the bank's 64 MiB.
FLASH_QEMU_ARGS = -drive if=pflash,index=1,format=raw,file=$(1)
FLASH_IMG_SIZE := 64M
