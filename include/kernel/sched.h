/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Threads and the scheduler.
 *
 * Fixed-priority preemptive scheduling: NR_PRIO levels, 0 the most urgent.
 * The highest-priority ready thread runs; equal priorities share the CPU
 * in round-robin time slices.  A wake-up of a more urgent thread preempts
 * at once (on return from the interrupt, or from preempt_enable()).  Each
 * CPU has its own run queue (a bitmap of non-empty levels and a FIFO per
 * level, so picking is O(1)) and an idle thread that sleeps in WFI.
 *
 * Kernel threads are created with kthread_create() (not yet running) or
 * kthread_run(), end by returning from their function or kthread_exit(),
 * and are reaped by kthread_join() (or automatically when detached).
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <kernel/types.h>
#include <kernel/list.h>
#include <kernel/compiler.h>
#include <kernel/spinlock.h>
#include <asm/barrier.h>

#define NR_PRIO		32
#define PRIO_DEFAULT	16
#define PRIO_IDLE	NR_PRIO		/* below every real level */
#ifndef CONFIG_NR_CPUS
#define CONFIG_NR_CPUS	4
#endif
#define NR_CPUS		CONFIG_NR_CPUS
#define CPU_MASK_ALL	((1u << NR_CPUS) - 1)
#define THREAD_NAME_LEN	16

enum thread_state {
	THREAD_RUNNABLE,	/* running, or ready in a run queue */
	THREAD_BLOCKED,		/* waiting for a wake-up (or its timeout) */
	THREAD_NEW,		/* created, not yet started */
	THREAD_DEAD,		/* finished; waiting to be joined */
};

/* Callee-saved registers across a context switch (switch.S). */
struct cpu_context {
	u32 r4, r5, r6, r7, r8, r9, r10, r11;
	u32 sp;
	u32 pc;
};

struct timer {
	u64 expires;			/* ktime ns */
	void (*fn)(struct timer *t);
	struct list_head node;
	bool pending;
};

struct completion;
struct mutex;
struct process;
struct mm;

struct thread {
	struct cpu_context ctx;
	enum thread_state state;
	u8 prio;			/* effective (boosted by mutex inheritance) */
	u8 base_prio;			/* as set by the creator */
	bool on_rq;			/* in a run queue (not running) */
	bool on_cpu;			/* its context is live on some CPU */
	bool detached;
	bool should_stop;
	bool is_idle;
	int cpu;			/* run queue it belongs to */
	u32 affinity;			/* CPUs it may run on */
	int slice;			/* ticks left in its time slice */
	int preempt_count;
	struct list_head rq_node;
	struct list_head all_node;
	char name[THREAD_NAME_LEN];

	void *stack;			/* lowest usable address */
	u32 stack_size;
	int (*fn)(void *arg);
	void *arg;
	int exit_code;

	struct timer sleep_timer;
	int wake_reason;		/* 0: woken, -ETIMEDOUT */

	struct mutex *blocked_on;	/* for priority inheritance */
	struct list_head held_mutexes;	/* held ones with waiters (mutex.c) */
	int mutexes_held;		/* all held ones; changed only by itself */

	struct process *proc;		/* NULL for kernel threads */
	struct mm *mm;			/* user address space, NULL for kernel threads */
	u64 sig_pending;		/* bit n-1: signal n */
	u64 sig_blocked;
	u64 saved_sigmask;		/* the caller's, while a call's own is in force */
	bool restore_sigmask;		/* saved_sigmask goes back after delivery */
	int tid;			/* user thread id (the pid for a process's first) */
	u32 tls;			/* TPIDRURO, the user thread pointer */
	u32 clear_child_tid;		/* user address zeroed and futex-woken at exit */
	struct list_head proc_node;	/* in proc->threads */

	u64 switches;			/* times switched in */
	u64 run_ns;			/* CPU time, sampled at each tick */
};

/* This CPU's running thread (TPIDRPRW holds it). */
static inline struct thread *current_thread(void)
{
	struct thread *t;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 4" : "=r"(t));
	return t;
}
#define current current_thread()

/* Set once by sched_start(): from then on `current` is meaningful. */
extern bool scheduler_running;

static inline bool sched_running(void)
{
	return READ_ONCE(scheduler_running);
}

static inline unsigned int smp_processor_id(void)
{
	u32 mpidr;

	__asm__ __volatile__("mrc p15, 0, %0, c0, c0, 5" : "=r"(mpidr));
	return mpidr & 0xff;
}

/* --- threads ---------------------------------------------------------- */

/**
 * kthread_create() - a new kernel thread, not yet running
 * @fn: its body; the return value becomes the exit code
 * @prio: 0 (most urgent) .. NR_PRIO-1
 * Return: the thread, or ERR_PTR(-ENOMEM / -EINVAL).
 */
struct thread *kthread_create(int (*fn)(void *), void *arg, int prio, const char *name);
struct thread *kthread_run(int (*fn)(void *), void *arg, int prio, const char *name);
void kthread_start(struct thread *t);
/* Waits for @t to end and frees it; returns its exit code. */
int kthread_join(struct thread *t);
/* Asks @t to stop (kthread_should_stop()), wakes it and joins it. */
int kthread_stop(struct thread *t);

/* Has kthread_stop() asked the calling thread to end? (Read by every sleep.) */
static inline bool kthread_should_stop(void)
{
	return READ_ONCE(current_thread()->should_stop);
}
/* The thread frees itself when it ends; it must not be joined. */
void kthread_detach(struct thread *t);
/*
 * For tests that need a peer asleep before they act: polls @t's state
 * every millisecond, @ms at most (a loaded host may not run a virtual CPU
 * for tens of milliseconds).  Return: true once @t is blocked.
 */
bool thread_wait_until_blocked(struct thread *t, u32 ms);
__noreturn void kthread_exit(int code);

int thread_set_priority(struct thread *t, int prio);
/* @mask: bitmap of CPUs; migrates the thread if it must move. */
int thread_set_affinity(struct thread *t, u32 mask);

/* --- scheduling ------------------------------------------------------- */

void schedule(void);
void yield(void);
/* Wakes a blocked thread; returns true if it was blocked. */
bool wake_up_thread(struct thread *t, int reason);
/*
 * Marks the current thread blocked; the caller then calls schedule().  The
 * barrier orders the state before the caller's re-check of its condition,
 * against a waker that changes the condition and then looks for sleepers.
 */
static inline void set_current_blocked(void)
{
	struct thread *t = current_thread();

	t->wake_reason = 0;
	WRITE_ONCE(t->state, THREAD_BLOCKED);
	smp_mb();
}

static inline void set_current_runnable(void)
{
	WRITE_ONCE(current_thread()->state, THREAD_RUNNABLE);
}

/*
 * Interrupt nesting per CPU: irq_enter() at the start of every interrupt,
 * sched_irq_exit() at its end (which may switch threads).  Inline, as the
 * counting is all the entry needs: it is on every interrupt's path.
 */
extern int irq_nesting[NR_CPUS];

static inline void irq_enter(void)
{
	irq_nesting[smp_processor_id()]++;
}

void preempt_disable(void);
void preempt_enable(void);
bool in_interrupt(void);
bool preemptible(void);

/* Reports (does not stop) sleeping from atomic context; counts reports. */
extern u32 might_sleep_warnings;
void __might_sleep(const char *file, int line);

/*
 * The common case, inline: a thread with preemption and IRQs on.  That
 * also rules out interrupt context (handlers run with IRQs masked,
 * kernel/irq.c); __might_sleep() makes the full check and the report.
 */
static inline bool might_sleep_ok(void)
{
	return !sched_running() || (!current->preempt_count && !irqs_disabled());
}

#define might_sleep() do {					\
	if (!might_sleep_ok())					\
		__might_sleep(__FILE__, __LINE__);		\
} while (0)

/* --- sleeping --------------------------------------------------------- */

void msleep(u32 ms);
void usleep(u32 us);
/* Sleeps until ktime @deadline_ns; returns 0 (or -EINTR if woken early). */
int sleep_until(u64 deadline_ns);
/*
 * Sleeps for at most @timeout_ns (0: forever) after the caller has marked
 * itself blocked with set_current_blocked(); 0 if woken, -ETIMEDOUT.
 */
int schedule_timeout(u64 timeout_ns);

void timer_add(struct timer *t, u64 expires, void (*fn)(struct timer *));
bool timer_cancel(struct timer *t);

/* --- for the architecture and the boot code --------------------------- */

void sched_init(void);			/* boot CPU: the boot context becomes "init" */
void sched_tick(void);			/* every tick, on every CPU */
void sched_irq_exit(void);		/* end of an interrupt: preempt if due */

struct thread_info_snapshot {
	char name[THREAD_NAME_LEN];
	int prio, base_prio, cpu;
	enum thread_state state;
	u64 switches, run_ns;
	u32 stack_size, stack_used;
	bool running;
};
/* Copies up to @max threads' state; returns how many exist. */
int thread_snapshot(struct thread_info_snapshot *out, int max);

struct sched_stats {
	u64 switches, preemptions, migrations, ipis;
	int nr_running[NR_CPUS];
	bool online[NR_CPUS];
};
void sched_get_stats(struct sched_stats *st);

#endif /* KERNEL_SCHED_H */
