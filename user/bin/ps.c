// SPDX-License-Identifier: GPL-2.0
/*
 * ps: one line per process from /proc/<pid>/stat, whose fields are
 * Linux's: "pid (comm) state ppid ..." with the thread count 20th.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *pid)
{
	char path[64], buf[512], comm[64] = "?", state = '?';
	char *open_paren, *close_paren;
	int ppid = 0, threads = 0, fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return;		/* it exited meanwhile */
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	open_paren = strchr(buf, '(');
	close_paren = strrchr(buf, ')');
	if (open_paren && close_paren > open_paren) {
		snprintf(comm, sizeof(comm), "%.*s",
			 (int)(close_paren - open_paren - 1), open_paren + 1);
		sscanf(close_paren + 1,
		       " %c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %d",
		       &state, &ppid, &threads);
	}
	printf("%5s %5d %c %4d %s\n", pid, ppid, state, threads, comm);
}

int main(void)
{
	struct dirent *d;
	DIR *dp = opendir("/proc");

	if (!dp) {
		perror("ps: /proc");
		return 1;
	}
	printf("%5s %5s %c %4s %s\n", "PID", "PPID", 'S', "THR", "COMMAND");
	while ((d = readdir(dp)))
		if (isdigit((unsigned char)d->d_name[0]))
			show(d->d_name);
	closedir(dp);
	return 0;
}
