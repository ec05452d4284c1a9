// SPDX-License-Identifier: GPL-2.0
/*
 * printk self-tests: a logged line lands in the ring with a timestamp,
 * multi-line messages become several lines, and lines above the console
 * level are still kept for dmesg.
 */
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

struct find_ctx {
	const char *needle;
	char line[200];
	int hits;
};

static void find_line(const char *s, size_t len, void *arg)
{
	struct find_ctx *c = arg;
	size_t n = min(len, sizeof(c->line) - 1);
	char buf[200];

	memcpy(buf, s, n);
	buf[n] = '\0';
	if (strstr(buf, c->needle)) {
		c->hits++;
		memcpy(c->line, buf, n + 1);
	}
}

static void printk_logs_with_timestamp(struct ktest *t)
{
	struct find_ctx c = { .needle = "printk-test-marker-1" };

	pr_info("printk-test-marker-1 value=%d", 42);
	log_buf_for_each(find_line, &c);
	KASSERT_EQ(t, c.hits, 1);
	/* "[    0.123456] printk-test..." */
	KEXPECT_EQ(t, c.line[0], '[');
	KEXPECT_EQ(t, c.line[13], ']');
	KEXPECT_EQ(t, c.line[6], '.');
	KEXPECT_NOT_NULL(t, strstr(c.line, "value=42"));
}

static void printk_splits_lines(struct ktest *t)
{
	struct find_ctx c = { .needle = "printk-test-split" };

	pr_info("printk-test-split one\nprintk-test-split two");
	log_buf_for_each(find_line, &c);
	KEXPECT_EQ(t, c.hits, 2);
}

static void printk_debug_kept_not_shown(struct ktest *t)
{
	struct find_ctx c = { .needle = "printk-test-debug-line" };

	KASSERT_LT(t, console_loglevel, LOGLEVEL_DEBUG);
	pr_debug("printk-test-debug-line");
	log_buf_for_each(find_line, &c);
	KEXPECT_EQ(t, c.hits, 1);
}

static struct ktest_case printk_cases[] = {
	KTEST_CASE(printk_logs_with_timestamp),
	KTEST_CASE(printk_splits_lines),
	KTEST_CASE(printk_debug_kept_not_shown),
	{}
};

static struct ktest_suite printk_suite = {
	.name = "printk",
	.cases = printk_cases,
};
KTEST_SUITE(printk_suite);
