/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Real-time clocks: wall-clock time in seconds since the Unix epoch (UTC).
 * Drivers register a struct rtc_device (class "rtc", named rtc0, rtc1 ...);
 * the first one is the system's wall clock.
 */
#ifndef KERNEL_RTC_H
#define KERNEL_RTC_H

#include <kernel/device.h>

struct rtc_device;

struct rtc_ops {
	int (*read_time)(struct rtc_device *rtc, u64 *secs);
	int (*set_time)(struct rtc_device *rtc, u64 secs);	/* may be NULL */
};

struct rtc_device {
	struct device dev;
	const struct rtc_ops *ops;
	void *priv;
	int index;		/* N of rtcN, set by rtc_register() */
};

struct rtc_tm {
	int year, mon, mday;	/* mon 1..12 */
	int hour, min, sec;
	int wday;		/* 0 = Sunday */
};

/**
 * rtc_register() - register @rtc under @parent as rtcN, N the lowest free
 * number (an RTC unbound and bound again is rtc0 again)
 * Return: 0, -ENOSPC with 32 RTCs registered, or the device_add() error.
 */
int rtc_register(struct rtc_device *rtc, struct device *parent);
/** rtc_unregister() - remove @rtc (no longer the system RTC if it was). */
void rtc_unregister(struct rtc_device *rtc);

/**
 * rtc_read_time() - seconds since the epoch from @rtc (NULL: the system RTC)
 * Return: 0, -ENODEV without an RTC, or the driver's error.
 */
int rtc_read_time(struct rtc_device *rtc, u64 *secs);

/**
 * rtc_set_time() - set @rtc (NULL: the system RTC) to @secs
 * Return: 0, -ENODEV, -EOPNOTSUPP for a clock that cannot be set, or the
 * driver's error.
 */
int rtc_set_time(struct rtc_device *rtc, u64 secs);

/** rtc_time_to_tm() - broken-down UTC time of @secs (proleptic Gregorian). */
void rtc_time_to_tm(u64 secs, struct rtc_tm *tm);

#endif /* KERNEL_RTC_H */
