// SPDX-License-Identifier: GPL-2.0
/*
 * Processes: waiting (wait4 with the status translated to newlib's signal
 * numbers), exec with a PATH search, process groups and sessions, ids.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sys.h"

extern char **environ;

pid_t wait4(pid_t pid, int *status, int options, void *rusage)
{
	int st = 0;
	long r = sys_ret(sys4(__NR_wait4, pid, &st, options, rusage));

	if (r > 0 && status)
		*status = wstatus_from_abi(st);
	return r;
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Try each PATH entry; remember EACCES so that "found, not runnable" wins. */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	char buf[1024];
	int saw_eacces = 0;
	size_t flen = strlen(file);

	if (strchr(file, '/'))
		return execve(file, argv, environ);
	if (!path)
		path = "/bin:/sbin";
	while (*path) {
		const char *end = strchr(path, ':');
		size_t dlen = end ? (size_t)(end - path) : strlen(path);

		if (dlen + flen + 2 <= sizeof(buf)) {
			memcpy(buf, path, dlen);
			if (!dlen)
				buf[dlen++] = '.';
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, file, flen + 1);
			execve(buf, argv, environ);
			if (errno == EACCES)
				saw_eacces = 1;
		}
		if (!end)
			break;
		path = end + 1;
	}
	errno = saw_eacces ? EACCES : ENOENT;
	return -1;
}

pid_t vfork(void)
{
	/* a real vfork would share our stack with the child: use fork */
	return sys_ret(sys0(__NR_fork));
}

pid_t getppid(void)
{
	return sys0(__NR_getppid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return sys_ret(sys2(__NR_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid)
{
	return sys_ret(sys1(__NR_getpgid, pid));
}

pid_t getpgrp(void)
{
	return sys0(__NR_getpgrp);
}

pid_t setsid(void)
{
	return sys_ret(sys0(__NR_setsid));
}

pid_t getsid(pid_t pid)
{
	return sys_ret(sys1(__NR_getsid, pid));
}

uid_t getuid(void)
{
	return sys0(__NR_getuid32);
}

uid_t geteuid(void)
{
	return sys0(__NR_geteuid32);
}

gid_t getgid(void)
{
	return sys0(__NR_getgid32);
}

gid_t getegid(void)
{
	return sys0(__NR_getegid32);
}

int sched_yield(void)
{
	return sys_ret(sys0(__NR_sched_yield));
}
