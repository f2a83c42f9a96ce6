// SPDX-License-Identifier: MIT
/*
 * Signal frames: how a handler is called, and how it returns.
 *
 * To call a handler, the kernel writes a frame on the user stack (or on
 * the alternate signal stack, for SA_ONSTACK handlers) holding everything
 * the interrupted code needs back: its registers (struct sigcontext), the
 * signal mask, the FPU/SSE state (fxsave format), the siginfo_t and a
 * ucontext_t pointing at all of it, laid out as Linux lays them out on
 * each port so that C libraries and debuggers read them.  The registers
 * are then pointed at the handler, with the frame's return address being
 * the restorer the C library gave in sigaction (SA_RESTORER), which
 * calls rt_sigreturn (or, on i386 for a handler without SA_SIGINFO,
 * sigreturn).  sigreturn reads the frame back and resumes the
 * interrupted code where it was, with the flags a program may change
 * and nothing more.
 *
 *   x86-64: [pretcode][ucontext][siginfo] ... fxsave area (64-aligned)
 *           rdi = signo, rsi = &siginfo, rdx = &ucontext
 *   i386 rt: [pretcode][sig][&info][&uc][siginfo][ucontext][retcode]
 *   i386:    [pretcode][sig][sigcontext][extramask][retcode]
 *           eax = signo (and edx, ecx the info and context, rt only)
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

/* The EFLAGS bits sigreturn may change: the arithmetic ones, TF, DF, AC... */
#define FIX_EFLAGS	(0x0001 | 0x0004 | 0x0010 | 0x0040 | 0x0080 | 0x0100 | \
			 0x0400 | 0x0800 | 0x40000 | 0x200000)

/* siginfo_t: three ints, then (aligned as a pointer) the union. */
struct user_siginfo {
	int si_signo, si_errno, si_code;
	union {
		int _pad[29 - (sizeof(long) == 8)];
		struct {
			pid_t pid;
			uid_t uid;
			int status;
			long utime, stime;
		} _sigchld;	/* also kill's pid and uid */
		struct {
			void __user *addr;
		} _sigfault;
	} _sifields __aligned(sizeof(long));
};

static void fill_user_siginfo(struct user_siginfo *u,
			      const struct kernel_siginfo *k)
{
	memset(u, 0, sizeof(*u));
	u->si_signo = k->si_signo;
	u->si_errno = k->si_errno;
	u->si_code = k->si_code;
	switch (k->si_signo) {
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		if (k->si_code > 0) {	/* from a fault, not kill() */
			u->_sifields._sigfault.addr = k->si_addr;
			return;
		}
		break;
	}
	u->_sifields._sigchld.pid = k->si_pid;
	u->_sifields._sigchld.uid = k->si_uid;
	if (k->si_signo == SIGCHLD && k->si_code > 0) {
		u->_sifields._sigchld.status = k->si_status;
		u->_sifields._sigchld.utime = k->si_utime;
		u->_sifields._sigchld.stime = k->si_stime;
	}
}

bool on_sig_stack(unsigned long sp)
{
	struct signal_state *s = current->signal;

	return s->sas_ss_size && sp > s->sas_ss_sp &&
	       sp - s->sas_ss_sp <= s->sas_ss_size;
}

/* Where the frame's top goes: the alternate stack or below the user's. */
static unsigned long frame_top(struct k_sigaction *ka, struct pt_regs *regs)
{
	struct signal_state *s = current->signal;
	unsigned long sp = regs->sp;

	if (IS_ENABLED(CONFIG_X86_64))
		sp -= 128;	/* the red zone below the stack pointer */
	if ((ka->flags & SA_ONSTACK) && s->sas_ss_size &&
	    !on_sig_stack(regs->sp)) {
		sp = s->sas_ss_sp + s->sas_ss_size;
		if (s->sas_ss_flags & SS_AUTODISARM)
			s->sas_ss_size = 0;
	}
	return sp;
}

/* The FPU state, saved to user memory at FP (16-byte aligned). */
static int save_fpstate(unsigned long fp)
{
	fpu_save(current);
	return copy_to_user((void __user *)fp, current->thread.fxsave_area,
			    sizeof(current->thread.fxsave_area)) ? -EFAULT : 0;
}

static int restore_fpstate(unsigned long fp)
{
	u8 *area = current->thread.fxsave_area;
	u32 *mxcsr = (u32 *)(area + 24);

	if (!fp) {
		fpu_init_task(current);
	} else if (copy_from_user(area, (const void __user *)fp, 512)) {
		return -EFAULT;
	}
	*mxcsr &= 0xffbf;	/* reserved bits would fault fxrstor */
	fpu_restore(current);
	return 0;
}

#ifdef CONFIG_X86_64
struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;
	u64 reserved1[8];
};

struct ucontext {
	unsigned long uc_flags;
	u64 uc_link;
	struct { u64 ss_sp; int ss_flags; u64 ss_size; } uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext uc;
	struct user_siginfo info;
};

#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4

static void save_sigcontext(struct sigcontext *sc, struct pt_regs *regs,
			    u64 mask, unsigned long fp)
{
	*sc = (struct sigcontext){
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10,
		.r11 = regs->r11, .r12 = regs->r12, .r13 = regs->r13,
		.r14 = regs->r14, .r15 = regs->r15, .di = regs->di,
		.si = regs->si, .bp = regs->bp, .bx = regs->bx, .dx = regs->dx,
		.ax = regs->ax, .cx = regs->cx, .sp = regs->sp, .ip = regs->ip,
		.flags = regs->flags, .cs = regs->cs, .ss = regs->ss,
		.err = regs->error_code, .trapno = current->thread.trap_nr,
		.oldmask = mask, .cr2 = current->thread.cr2, .fpstate = fp,
	};
}

int setup_rt_frame(int sig, struct k_sigaction *ka,
		   const struct kernel_siginfo *info, sigset_t *oldset,
		   struct pt_regs *regs)
{
	struct signal_state *s = current->signal;
	unsigned long fp = (frame_top(ka, regs) - 512) & ~63UL;
	unsigned long addr = ((fp - sizeof(struct rt_sigframe)) & ~15UL) - 8;
	struct rt_sigframe f = { .pretcode = (__force u64)ka->restorer };

	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;	/* x86-64 has no default restorer */
	if (save_fpstate(fp))
		return -EFAULT;
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	f.uc.uc_stack.ss_sp = s->sas_ss_sp;
	f.uc.uc_stack.ss_size = s->sas_ss_size;
	f.uc.uc_stack.ss_flags = on_sig_stack(regs->sp) ? SS_ONSTACK :
				 s->sas_ss_size ? 0 : SS_DISABLE;
	save_sigcontext(&f.uc.uc_mcontext, regs, oldset->sig, fp);
	f.uc.uc_sigmask = oldset->sig;
	fill_user_siginfo(&f.info, info);
	if (copy_to_user((void __user *)addr, &f, sizeof(f)))
		return -EFAULT;

	regs->di = sig;
	regs->si = addr + offsetof(struct rt_sigframe, info);
	regs->dx = addr + offsetof(struct rt_sigframe, uc);
	regs->ax = 0;
	regs->sp = addr;
	regs->ip = (__force unsigned long)ka->handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_TF);
	return 0;
}

static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc)
{
	regs->r8 = sc->r8; regs->r9 = sc->r9; regs->r10 = sc->r10;
	regs->r11 = sc->r11; regs->r12 = sc->r12; regs->r13 = sc->r13;
	regs->r14 = sc->r14; regs->r15 = sc->r15; regs->di = sc->di;
	regs->si = sc->si; regs->bp = sc->bp; regs->bx = sc->bx;
	regs->dx = sc->dx; regs->ax = sc->ax; regs->cx = sc->cx;
	regs->sp = sc->sp; regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return restore_fpstate(sc->fpstate);
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe f;
	sigset_t set;

	/* the handler's "ret" popped pretcode */
	if (copy_from_user(&f, (void __user *)(regs->sp - 8), sizeof(f)) ||
	    restore_sigcontext(regs, &f.uc.uc_mcontext)) {
		force_sig(SIGSEGV);
		return 0;
	}
	set.sig = f.uc.uc_sigmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	current->signal->blocked = set;
	current->signal->syscall_nr = -1;	/* nothing to restart */
	return regs->ax;
}
#else
struct sigcontext {
	u16 gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	u32 di, si, bp, sp, bx, dx, cx, ax;
	u32 trapno, err, ip;
	u16 cs, __csh;
	u32 flags, sp_at_signal;
	u16 ss, __ssh;
	u32 fpstate, oldmask, cr2;
};

struct ucontext {
	u32 uc_flags, uc_link;
	struct { u32 ss_sp; int ss_flags; u32 ss_size; } uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;
};

struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo, puc;
	struct user_siginfo info;
	struct ucontext uc;
	u8 retcode[8];
};

struct sigframe {
	u32 pretcode;
	int sig;
	struct sigcontext sc;
	u32 extramask;
	u8 retcode[8];
};

#define NR_sigreturn	119
#define NR_rt_sigreturn	173

static void save_sigcontext(struct sigcontext *sc, struct pt_regs *regs,
			    u64 mask, unsigned long fp)
{
	*sc = (struct sigcontext){
		.gs = regs->gs, .fs = regs->fs, .es = regs->es, .ds = regs->ds,
		.di = regs->di, .si = regs->si, .bp = regs->bp, .sp = regs->sp,
		.bx = regs->bx, .dx = regs->dx, .cx = regs->cx, .ax = regs->ax,
		.trapno = current->thread.trap_nr, .err = regs->error_code,
		.ip = regs->ip, .cs = regs->cs, .flags = regs->flags,
		.sp_at_signal = regs->sp, .ss = regs->ss, .fpstate = fp,
		.oldmask = (u32)mask, .cr2 = current->thread.cr2,
	};
}

/*
 * A handler without SA_RESTORER returns into the frame's retcode, which
 * calls sigreturn itself (Linux's old convention; a C library always
 * gives a restorer, and with NX the stack copy could not run anyway).
 */
static void fill_retcode(u8 *code, bool rt)
{
	u32 nr = rt ? NR_rt_sigreturn : NR_sigreturn;
	int i = 0;

	if (!rt)
		code[i++] = 0x58;	/* popl %eax */
	code[i++] = 0xb8;		/* movl $nr, %eax */
	memcpy(code + i, &nr, 4);
	i += 4;
	code[i++] = 0xcd;		/* int $0x80 */
	code[i++] = 0x80;
}

static void point_at_handler(struct pt_regs *regs, struct k_sigaction *ka,
			     unsigned long addr)
{
	regs->sp = addr;
	regs->ip = (__force unsigned long)ka->handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->ds = __USER_DS;
	regs->es = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_TF);
}

int setup_rt_frame(int sig, struct k_sigaction *ka,
		   const struct kernel_siginfo *info, sigset_t *oldset,
		   struct pt_regs *regs)
{
	struct signal_state *s = current->signal;
	unsigned long fp = (frame_top(ka, regs) - 512) & ~63UL;
	bool rt = ka->flags & SA_SIGINFO;
	size_t size = rt ? sizeof(struct rt_sigframe) : sizeof(struct sigframe);
	/* as after a call: (sp + 4) 16-byte aligned at the handler's entry */
	unsigned long addr = ((fp - size + 4) & ~15UL) - 4;

	if (save_fpstate(fp))
		return -EFAULT;
	if (rt) {
		struct rt_sigframe f = {
			.sig = sig,
			.pinfo = addr + offsetof(struct rt_sigframe, info),
			.puc = addr + offsetof(struct rt_sigframe, uc),
		};

		f.pretcode = ka->flags & SA_RESTORER ? (__force u32)ka->restorer :
			     addr + offsetof(struct rt_sigframe, retcode);
		fill_retcode(f.retcode, true);
		f.uc.uc_stack.ss_sp = s->sas_ss_sp;
		f.uc.uc_stack.ss_size = s->sas_ss_size;
		f.uc.uc_stack.ss_flags = on_sig_stack(regs->sp) ? SS_ONSTACK :
					 s->sas_ss_size ? 0 : SS_DISABLE;
		save_sigcontext(&f.uc.uc_mcontext, regs, oldset->sig, fp);
		f.uc.uc_sigmask = oldset->sig;
		fill_user_siginfo(&f.info, info);
		if (copy_to_user((void __user *)addr, &f, sizeof(f)))
			return -EFAULT;
		regs->dx = f.pinfo;
		regs->cx = f.puc;
	} else {
		struct sigframe f = { .sig = sig, .extramask = oldset->sig >> 32 };

		f.pretcode = ka->flags & SA_RESTORER ? (__force u32)ka->restorer :
			     addr + offsetof(struct sigframe, retcode);
		fill_retcode(f.retcode, false);
		save_sigcontext(&f.sc, regs, oldset->sig, fp);
		if (copy_to_user((void __user *)addr, &f, sizeof(f)))
			return -EFAULT;
	}
	regs->ax = sig;
	point_at_handler(regs, ka, addr);
	return 0;
}

static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext *sc)
{
	regs->gs = sc->gs; regs->fs = sc->fs;
	regs->es = sc->es; regs->ds = sc->ds;
	regs->di = sc->di; regs->si = sc->si; regs->bp = sc->bp;
	regs->sp = sc->sp; regs->bx = sc->bx; regs->dx = sc->dx;
	regs->cx = sc->cx; regs->ax = sc->ax; regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	/* only null or user selectors (RPL 3): anything else would fault */
	if ((regs->gs && (regs->gs & 3) != 3) || (regs->fs && (regs->fs & 3) != 3) ||
	    (regs->es & 3) != 3 || (regs->ds & 3) != 3)
		return -EFAULT;
	return restore_fpstate(sc->fpstate);
}

static long finish_sigreturn(struct pt_regs *regs, u64 mask)
{
	current->signal->blocked.sig = mask &
				       ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	current->signal->syscall_nr = -1;	/* nothing to restart */
	return regs->ax;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct rt_sigframe f;

	/* the handler's "ret" popped pretcode */
	if (copy_from_user(&f, (void __user *)(regs->sp - 4), sizeof(f)) ||
	    restore_sigcontext(regs, &f.uc.uc_mcontext)) {
		force_sig(SIGSEGV);
		return 0;
	}
	return finish_sigreturn(regs, f.uc.uc_sigmask);
}

SYSCALL_DEFINE0(sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	struct sigframe f;

	/* "ret" popped pretcode, the restorer's "popl %eax" the signo */
	if (copy_from_user(&f, (void __user *)(regs->sp - 8), sizeof(f)) ||
	    restore_sigcontext(regs, &f.sc)) {
		force_sig(SIGSEGV);
		return 0;
	}
	return finish_sigreturn(regs, ((u64)f.extramask << 32) | f.sc.oldmask);
}
#endif
