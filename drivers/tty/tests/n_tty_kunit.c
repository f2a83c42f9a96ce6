// SPDX-License-Identifier: MIT
/*
 * Tests of the line discipline (drivers/tty/n_tty.c) on a tty whose
 * "hardware" is a buffer: characters go in with n_tty_receive_char(), as
 * the UART's interrupt handler delivers them, and come out with
 * non-blocking n_tty_read(); the echo is whatever the tty wrote.
 *
 * The signal characters are checked from the tty's side: the signal each
 * one stands for (n_tty_signal_of()), its echo, and the input it throws
 * away.  Delivery to the foreground process group needs user processes
 * (the signal code leaves kernel threads out): the abi/jobctl selftest
 * types ^C, ^\ and ^Z with TIOCSTI, and the console session of
 * scripts/check.py stops a running command with a real ^C.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <uapi/linux/signal.h>
#include <linux/tty.h>
#include <kunit/test.h>

static char echoed[256];
static int echoed_len;

static int capture_write(struct tty_struct *tty, const unsigned char *buf,
			 int n)
{
	n = min(n, (int)sizeof(echoed) - 1 - echoed_len);
	memcpy(echoed + echoed_len, buf, n);
	echoed_len += n;
	echoed[echoed_len] = '\0';
	return n;
}

static const struct tty_operations capture_ops = {
	.write = capture_write,
};

static struct tty_struct test_tty;

static int n_tty_test_init(struct kunit *test)
{
	tty_init_struct(&test_tty, "test", &capture_ops);
	echoed_len = 0;
	echoed[0] = '\0';
	return 0;
}

static void type(const char *s)
{
	while (*s)
		n_tty_receive_char(&test_tty, *s++);
}

static ssize_t read_now(char *buf, size_t count)
{
	ssize_t n = n_tty_read(&test_tty, (unsigned char *)buf, count, true);

	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* canonical: nothing readable until Enter; CR becomes NL; one line a read */
static void n_tty_test_canonical_lines(struct kunit *test)
{
	char buf[64];

	type("ls -l");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), -EAGAIN);
	type("\rsecond\r");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 6);
	KUNIT_EXPECT_STREQ(test, buf, "ls -l\n");
	KUNIT_EXPECT_EQ(test, read_now(buf, 3), 3);	/* a short read... */
	KUNIT_EXPECT_STREQ(test, buf, "sec");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 4);	/* ...rest */
	KUNIT_EXPECT_STREQ(test, buf, "ond\n");
	/* echo, with NL written as CR NL */
	KUNIT_EXPECT_STREQ(test, echoed, "ls -l\r\nsecond\r\n");
}

/* DEL erases a character, ^U the line; the screen is rubbed out */
static void n_tty_test_erase_kill(struct kunit *test)
{
	char buf[64];

	type("abx\x7f" "c\r");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "abc\n");
	KUNIT_EXPECT_STREQ(test, echoed, "abx\b \bc\r\n");
	type("junk\x15ok\r\x7f");	/* erase at line start: nothing */
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "ok\n");
}

/* ^D: a partial line without NL; on an empty line, end of file once */
static void n_tty_test_eof(struct kunit *test)
{
	char buf[64];

	type("part\x04");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "part");
	type("\x04");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), -EAGAIN);
}

/*
 * raw (non-canonical, no signals, no echo): each byte readable at once,
 * control characters too
 */
static void n_tty_test_raw(struct kunit *test)
{
	char buf[64];

	test_tty.termios.c_lflag &= ~(ICANON | ISIG | ECHO);
	type("a\x7f\x03");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 3);
	KUNIT_EXPECT_MEMEQ(test, buf, "a\x7f\x03", 3);
	KUNIT_EXPECT_EQ(test, echoed_len, 0);
	test_tty.termios.c_cc[VMIN] = 0;	/* VMIN 0: never waits */
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 0);
}

/* ECHOCTL shows control characters as ^X */
static void n_tty_test_echoctl(struct kunit *test)
{
	type("\x01\t\r");
	KUNIT_EXPECT_STREQ(test, echoed, "^A\t\r\n");
	KUNIT_EXPECT_EQ(test, n_tty_chars_in_buffer(&test_tty), 3U);
	n_tty_flush_input(&test_tty);
	KUNIT_EXPECT_EQ(test, n_tty_chars_in_buffer(&test_tty), 0U);
}

/* the ABI: Linux's 36-byte kernel termios and its defaults */
static void n_tty_test_termios_layout(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(struct termios), 36UL);
	KUNIT_EXPECT_EQ(test, offsetof(struct termios, c_line), 16UL);
	KUNIT_EXPECT_EQ(test, tty_std_termios.c_lflag & (ICANON | ECHO),
			(tcflag_t)(ICANON | ECHO));
	KUNIT_EXPECT_EQ(test, tty_std_termios.c_cflag & CBAUD,
			(tcflag_t)B38400);
	KUNIT_EXPECT_EQ(test, test_tty.winsize.ws_row, 24);
	KUNIT_EXPECT_EQ(test, test_tty.winsize.ws_col, 80);
}

/*
 * before: "ls" typed, not yet a line; after ^C (SIGINT's character): the
 * line thrown away, "^C" echoed, nothing readable but what follows
 */
static void n_tty_test_isig_intr(struct kunit *test)
{
	char buf[64];

	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 0x03), SIGINT);
	type("ls\x03");
	KUNIT_EXPECT_STREQ(test, echoed, "ls^C");
	KUNIT_EXPECT_EQ(test, n_tty_chars_in_buffer(&test_tty), 0U);
	type("\r");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 1);	/* only NL */
}

/* ^\ is SIGQUIT's and ^Z SIGTSTP's; NOFLSH keeps the input */
static void n_tty_test_isig_quit_susp_noflsh(struct kunit *test)
{
	char buf[64];

	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 0x1c), SIGQUIT);
	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 0x1a), SIGTSTP);
	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 'a'), 0);
	test_tty.termios.c_lflag |= NOFLSH;
	type("ab\x1c\x1a\r");
	KUNIT_EXPECT_STREQ(test, echoed, "ab^\\^Z\r\n");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "ab\n");
}

/*
 * Without ISIG, or with VINTR switched off (0), ^C is an ordinary byte;
 * and a NUL never matches a switched-off character.
 */
static void n_tty_test_isig_off(struct kunit *test)
{
	char buf[64];

	test_tty.termios.c_lflag &= ~(ICANON | ISIG);
	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 0x03), 0);
	type("\x03");
	test_tty.termios.c_lflag |= ISIG;
	test_tty.termios.c_cc[VINTR] = 0;
	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 0x03), 0);
	KUNIT_EXPECT_EQ(test, n_tty_signal_of(&test_tty, 0), 0);
	n_tty_receive_char(&test_tty, 0);
	type("\x03");
	KUNIT_EXPECT_EQ(test, read_now(buf, sizeof(buf)), 3);
	KUNIT_EXPECT_MEMEQ(test, buf, "\x03\0\x03", 3);
}

/* VMIN 0, VTIME 2: a read of nothing waits 0.2 s, then returns 0 */
static void n_tty_test_vtime_timeout(struct kunit *test)
{
	unsigned long start = jiffies;
	char buf[8];

	test_tty.termios.c_lflag &= ~ICANON;
	test_tty.termios.c_cc[VMIN] = 0;
	test_tty.termios.c_cc[VTIME] = 2;
	KUNIT_EXPECT_EQ(test, n_tty_read(&test_tty, (unsigned char *)buf,
					 sizeof(buf), false), 0);
	KUNIT_EXPECT_GE(test, jiffies - start, (unsigned long)(HZ / 5));
	type("q");
	KUNIT_EXPECT_EQ(test, n_tty_read(&test_tty, (unsigned char *)buf,
					 sizeof(buf), false), 1);
}

/*
 * VMIN 3, VTIME 1: with one byte there, the inter-byte timer (0.1 s)
 * ends the read with that byte; with three, it returns at once.  A
 * read asking for fewer bytes than VMIN returns when it has them.
 */
static void n_tty_test_vmin_vtime(struct kunit *test)
{
	unsigned long start = jiffies;
	char buf[8];

	test_tty.termios.c_lflag &= ~ICANON;
	test_tty.termios.c_cc[VMIN] = 3;
	test_tty.termios.c_cc[VTIME] = 1;
	type("a");
	KUNIT_EXPECT_EQ(test, n_tty_read(&test_tty, (unsigned char *)buf,
					 sizeof(buf), false), 1);
	KUNIT_EXPECT_GE(test, jiffies - start, (unsigned long)(HZ / 10));
	type("bcd");
	KUNIT_EXPECT_EQ(test, n_tty_read(&test_tty, (unsigned char *)buf,
					 sizeof(buf), false), 3);
	KUNIT_EXPECT_MEMEQ(test, buf, "bcd", 3);
	type("ef");
	KUNIT_EXPECT_EQ(test, n_tty_read(&test_tty, (unsigned char *)buf,
					 2, false), 2);
}

static struct kunit_case n_tty_test_cases[] = {
	KUNIT_CASE(n_tty_test_canonical_lines),
	KUNIT_CASE(n_tty_test_erase_kill),
	KUNIT_CASE(n_tty_test_eof),
	KUNIT_CASE(n_tty_test_raw),
	KUNIT_CASE(n_tty_test_echoctl),
	KUNIT_CASE(n_tty_test_termios_layout),
	KUNIT_CASE(n_tty_test_isig_intr),
	KUNIT_CASE(n_tty_test_isig_quit_susp_noflsh),
	KUNIT_CASE(n_tty_test_isig_off),
	KUNIT_CASE(n_tty_test_vtime_timeout),
	KUNIT_CASE(n_tty_test_vmin_vtime),
	{}
};

static struct kunit_suite n_tty_test_suite = {
	.name = "n_tty",
	.init = n_tty_test_init,
	.test_cases = n_tty_test_cases,
};
kunit_test_suite(n_tty_test_suite);
