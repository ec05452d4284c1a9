# Build and QEMU settings for QEMU's generic "virt" machine with a
# Cortex-A15 (QEMU -M virt -cpu cortex-a15).  Read by the top Makefile after
# the board configuration; scripts/Makefile.uboot uses the U-Boot part.
# This board has no DTS of ours: QEMU generates the device tree and the
# kernel boots with that one (U-Boot passes it on).

# QEMU machine and memory.  RAM starts at 0x40000000 on this machine.  No
# network card: the default virtio-net needs a boot ROM (efi-virtio.rom,
# Debian's ipxe-qemu) that a machine without recommended packages lacks,
# and nothing here uses the network.
QEMU_MACHINE_ARGS := -M virt -cpu cortex-a15 -m 128M -nic none
# CPUs (-smp); secondaries start through PSCI (QEMU's, over HVC).
QEMU_SMP ?= 1

# U-Boot: Debian's prebuilt qemu_arm build (package u-boot-qemu, 2023.01).
# It waits bootdelay=2 seconds before autoboot (the setting lives in its
# built-in environment, so those 2 s are part of every boot with it).
UBOOT_PREBUILT := /usr/lib/u-boot/qemu_arm/u-boot.bin
# Built from $(UBOOT_SRC) instead when UBOOT_PREBUILT is empty
# (make UBOOT_PREBUILT= ...), with scripts/uboot/qemu_arm_defconfig.fragment
# (bootdelay 0: about 2 s faster per boot).
UBOOT_DEFCONFIG := qemu_arm_defconfig
# How QEMU starts U-Boot: as firmware at 0x0; QEMU puts its DTB at the
# start of RAM (0x40000000) for it.
UBOOT_QEMU_ARGS = -bios $(UBOOT_IMAGE)
# $(call SD_QEMU_ARGS,image): the "SD card" image as a virtio-blk disk on
# virtio-mmio (U-Boot's distro boot scans virtio 0).
SD_QEMU_ARGS = -drive if=none,file=$(1),format=raw,id=sd -device virtio-blk-device,drive=sd

# Kernel console (console= in extlinux.conf): the PL011 at 0x09000000.
KERNEL_CONSOLE := ttyAMA0

# Where U-Boot's distro boot puts things (Debian qemu_arm environment; see
# scripts/uboot/README.md).  fdt_high=0xffffffff: the DTB is used in place
# at 0x40000000 and that address is passed in r2.
UBOOT_KERNEL_ADDR := 0x40400000
UBOOT_FDT_ADDR := 0x40000000
