// SPDX-License-Identifier: GPL-2.0
/*
 * execve, with one hook for running the programs on a Linux host under
 * qemu-arm: there the host kernel cannot start an ARM executable itself
 * (no binfmt_misc) and says ENOEXEC.  If USER_EXEC_WRAPPER names an
 * emulator and the file really is an ARM ELF, run it through the emulator
 * instead.  On our kernel the variable is unset and nothing changes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"

#define EM_ARM	40

static int is_arm_elf(const char *path)
{
	unsigned char h[20];
	long fd = sys2(__NR_open, path, ABI_O_RDONLY);
	long n;

	if (sys_failed(fd))
		return 0;
	n = sys3(__NR_read, fd, h, sizeof(h));
	sys1(__NR_close, fd);
	return n == sizeof(h) && !memcmp(h, "\177ELF", 4) && h[4] == 1 &&
	       h[18] == EM_ARM && h[19] == 0;
}

static long exec_wrapped(const char *wrap, const char *path,
			 char *const argv[], char *const envp[])
{
	char **nv;
	int n = 0, i;

	while (argv[n])
		n++;
	nv = malloc((n + 5) * sizeof(char *));
	if (!nv)
		return -ENOEXEC;
	nv[0] = (char *)wrap;
	nv[1] = "-0";		/* qemu-arm: the program's argv[0] */
	nv[2] = n ? argv[0] : (char *)path;
	nv[3] = (char *)path;
	for (i = 1; i <= n; i++)
		nv[3 + i] = argv[i];
	sys3(__NR_execve, wrap, nv, envp);
	free(nv);
	return -ENOEXEC;
}

int _execve(const char *path, char *const argv[], char *const envp[])
{
	long r = sys3(__NR_execve, path, argv, envp);
	const char *wrap;

	if (r == -8 /* ENOEXEC */) {
		wrap = getenv("USER_EXEC_WRAPPER");
		if (wrap && *wrap && is_arm_elf(path))
			r = exec_wrapped(wrap, path, argv, envp);
	}
	return sys_ret(r);
}
