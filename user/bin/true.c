// SPDX-License-Identifier: GPL-2.0
/*
 * true: exit with status 0.  Also the small static program that
 * ubench's fork_exec_wait case executes.
 */
int main(void)
{
	return 0;
}
