// SPDX-License-Identifier: GPL-2.0
/*
 * The RTC class: registration (rtc0, rtc1 ...), the system wall clock
 * (the first RTC registered), calendar conversion and the `date` command.
 *
 * Layer: class over the RTC drivers.  Locking: registration is process
 * context (probe and remove, which the device model runs one at a time);
 * reads go straight to the driver.  Knows no hardware.
 */
#define pr_fmt(fmt) "rtc: " fmt
#include <kernel/rtc.h>
#include <kernel/shell.h>
#include <kernel/errno.h>

#define RTC_MAX		32

static struct rtc_device *system_rtc;
/* The numbers in use: an unbound and rebound RTC gets its name back. */
static u32 used_index;

int rtc_register(struct rtc_device *rtc, struct device *parent)
{
	int err, index = 0;

	while (index < RTC_MAX && (used_index & (1u << index)))
		index++;
	if (index == RTC_MAX)
		return -ENOSPC;
	rtc->index = index;
	rtc->dev.parent = parent;
	rtc->dev.class = &rtc_class;
	dev_set_name(&rtc->dev, "rtc%d", index);
	device_initialize(&rtc->dev);
	err = device_add(&rtc->dev);
	if (err)
		return err;
	used_index |= 1u << index;
	if (!system_rtc)
		system_rtc = rtc;
	return 0;
}

void rtc_unregister(struct rtc_device *rtc)
{
	if (system_rtc == rtc)
		system_rtc = NULL;
	used_index &= ~(1u << rtc->index);
	device_unregister(&rtc->dev);
}

int rtc_read_time(struct rtc_device *rtc, u64 *secs)
{
	rtc = rtc ? rtc : system_rtc;
	if (!rtc)
		return -ENODEV;
	return rtc->ops->read_time(rtc, secs);
}

int rtc_set_time(struct rtc_device *rtc, u64 secs)
{
	rtc = rtc ? rtc : system_rtc;
	if (!rtc)
		return -ENODEV;
	if (!rtc->ops->set_time)
		return -EOPNOTSUPP;
	return rtc->ops->set_time(rtc, secs);
}

/* Days to civil date, after H. Hinnant's "chrono-compatible low-level date algorithms". */
void rtc_time_to_tm(u64 secs, struct rtc_tm *tm)
{
	u64 days = secs / 86400;
	u32 rem = (u32)(secs % 86400);
	u64 z = days + 719468;
	u64 era = z / 146097;
	u32 doe = (u32)(z - era * 146097);
	u32 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	u32 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	u32 mp = (5 * doy + 2) / 153;

	tm->mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	tm->year = (int)(yoe + era * 400) + (tm->mon <= 2);
	tm->hour = (int)(rem / 3600);
	tm->min = (int)(rem / 60 % 60);
	tm->sec = (int)(rem % 60);
	tm->wday = (int)((days + 4) % 7);	/* 1970-01-01 was a Thursday */
}

static int cmd_date(int argc, char **argv)
{
	struct rtc_tm tm;
	u64 secs;
	int err = rtc_read_time(NULL, &secs);

	if (err) {
		console_printf("date: no wall clock (%d)\n", err);
		return err;
	}
	rtc_time_to_tm(secs, &tm);
	console_printf("%04d-%02d-%02d %02d:%02d:%02d UTC\n", tm.year, tm.mon, tm.mday,
		       tm.hour, tm.min, tm.sec);
	return 0;
}
SHELL_COMMAND("date", "wall-clock time from the RTC", cmd_date);
