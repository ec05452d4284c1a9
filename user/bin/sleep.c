// SPDX-License-Identifier: GPL-2.0
/* sleep SECONDS: pause (whole seconds, or a decimal fraction like 0.2). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec ts;
	double s;
	char *end;

	if (argc != 2 || (s = strtod(argv[1], &end)) < 0 || *end) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 2;
	}
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - ts.tv_sec) * 1e9);
	return nanosleep(&ts, NULL) ? 1 : 0;
}
