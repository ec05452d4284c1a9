// SPDX-License-Identifier: GPL-2.0
/*
 * Whole-system calls: uname, sysinfo, reboot; memory mappings.
 * Structures are the kernel's, passed through.
 */
#include <errno.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "sys.h"

int uname(struct utsname *u)
{
	return sys_ret(sys1(__NR_uname, u));
}

int sysinfo(struct abi_sysinfo *info)
{
	return sys_ret(sys1(__NR_sysinfo, info));
}

int reboot(int cmd)
{
	return sys_ret(sys4(__NR_reboot, ABI_REBOOT_MAGIC1, ABI_REBOOT_MAGIC2,
			    cmd, 0));
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r;

	if (off & 4095) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	r = sys6(__NR_mmap2, (long)addr, (long)len, prot, flags, fd, off >> 12);
	if (sys_failed(r)) {
		sys_ret(r);
		return MAP_FAILED;
	}
	return (void *)r;
}

int munmap(void *addr, size_t len)
{
	return sys_ret(sys2(__NR_munmap, addr, len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return sys_ret(sys3(__NR_mprotect, addr, len, prot));
}
