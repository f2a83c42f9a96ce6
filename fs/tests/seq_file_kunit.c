// SPDX-License-Identifier: MIT
/*
 * Tests of fs/seq_file.c, through the read path read(2) uses
 * (seq_read_kernel() shares it with seq_read()).
 *
 * The test file has 200 records, "record N\n" for N = 0..199, except
 * that every tenth record is skipped (SEQ_SKIP) and record 150 is 5000
 * bytes long, larger than the first buffer of a page.  Its whole text is
 * built independently by expected_text(); every way of reading it (small
 * reads, reads that cross the long record, jumps to any offset) must give
 * the same bytes.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/seq_file.h>
#include <kunit/test.h>

#define NR_RECORDS	200
#define LONG_RECORD	150
#define LONG_LEN	5000

/* The records are their own numbers, offset by one so none is NULL. */
static void *rec_start(struct seq_file *m, loff_t *pos)
{
	return *pos < NR_RECORDS ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *rec_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return rec_start(m, pos);
}

static void rec_stop(struct seq_file *m, void *v)
{
}

/* Prints record N into M, as the seq_file under test would show it. */
static int rec_show(struct seq_file *m, void *v)
{
	unsigned long n = (unsigned long)v - 1;

	if (n % 10 == 9)
		return SEQ_SKIP;
	if (n == LONG_RECORD) {
		for (int i = 0; i < LONG_LEN - 1; i++)
			seq_putc(m, 'a' + i % 26);
		seq_putc(m, '\n');
		return 0;
	}
	seq_printf(m, "record %lu\n", n);
	return 0;
}

static const struct seq_operations rec_ops = {
	.start = rec_start,
	.next = rec_next,
	.stop = rec_stop,
	.show = rec_show,
};

/* The whole text, built without seq_file; returns its length. */
static size_t expected_text(char *buf, size_t size)
{
	size_t len = 0;

	for (unsigned long n = 0; n < NR_RECORDS; n++) {
		if (n % 10 == 9)
			continue;
		if (n == LONG_RECORD) {
			for (int i = 0; i < LONG_LEN - 1; i++)
				buf[len++] = 'a' + i % 26;
			buf[len++] = '\n';
			continue;
		}
		len += scnprintf(buf + len, size - len, "record %lu\n", n);
	}
	return len;
}

#define TEXT_SIZE	16384

struct rec_fixture {
	struct seq_file m;
	char *want, *got;
	size_t len;
};

static void rec_init(struct kunit *test, struct rec_fixture *f)
{
	memset(&f->m, 0, sizeof(f->m));
	f->m.op = &rec_ops;
	f->want = kmalloc(TEXT_SIZE, GFP_KERNEL);
	f->got = kmalloc(TEXT_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->want);
	KUNIT_ASSERT_NOT_NULL(test, f->got);
	f->len = expected_text(f->want, TEXT_SIZE);
}

static void rec_fini(struct rec_fixture *f)
{
	seq_destroy(&f->m);
	kfree(f->want);
	kfree(f->got);
}

/* Reads to the end in CHUNK-byte reads; returns the bytes read. */
static size_t read_all(struct kunit *test, struct rec_fixture *f,
		       size_t chunk, loff_t *pos)
{
	size_t done = 0;
	ssize_t n;

	while ((n = seq_read_kernel(&f->m, f->got + done,
				    min(chunk, TEXT_SIZE - done), pos)) > 0)
		done += n;
	KUNIT_EXPECT_EQ(test, n, 0);
	return done;
}

/*
 * Reads of 1, 7, 100 and 4096 bytes all give the text, with the long
 * record printed into a grown buffer; the offset ends at its length.
 */
static void test_seq_read_small_reads(struct kunit *test)
{
	static const size_t chunks[] = { 1, 7, 100, 4096, TEXT_SIZE };
	struct rec_fixture f;

	rec_init(test, &f);
	for (unsigned int i = 0; i < ARRAY_SIZE(chunks); i++) {
		loff_t pos = 0;
		size_t len;

		seq_destroy(&f.m);
		memset(&f.m, 0, sizeof(f.m));
		f.m.op = &rec_ops;
		len = read_all(test, &f, chunks[i], &pos);
		KUNIT_EXPECT_EQ_MSG(test, len, f.len, "chunk %zu", chunks[i]);
		KUNIT_EXPECT_EQ(test, pos, (loff_t)f.len);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(f.got, f.want, f.len), 0,
				    "chunk %zu", chunks[i]);
	}
	KUNIT_EXPECT_GT(test, f.m.size, (size_t)LONG_LEN);
	rec_fini(&f);
}

/*
 * A read at an offset the seq_file is not at (lseek, pread) walks again
 * from record 0: before a long record, inside it, after it, backwards.
 */
static void test_seq_read_offsets(struct kunit *test)
{
	struct rec_fixture f;
	loff_t offsets[] = { 123, 0, 2000, 4000, 1, 0, 0, 5 };

	rec_init(test, &f);
	offsets[5] = f.len - 3;
	offsets[6] = f.len;
	for (unsigned int i = 0; i < ARRAY_SIZE(offsets); i++) {
		loff_t pos = offsets[i];
		size_t len = read_all(test, &f, 333, &pos);

		KUNIT_EXPECT_EQ_MSG(test, len, f.len - offsets[i], "at %lld",
				    offsets[i]);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(f.got, f.want + offsets[i], len),
				    0, "at %lld", offsets[i]);
	}
	rec_fini(&f);
}

/* Past the end a read returns 0 and leaves the offset where it was. */
static void test_seq_read_past_end(struct kunit *test)
{
	struct rec_fixture f;
	loff_t pos;

	rec_init(test, &f);
	pos = f.len + 1000;
	KUNIT_EXPECT_EQ(test, seq_read_kernel(&f.m, f.got, 10, &pos), 0);
	KUNIT_EXPECT_EQ(test, pos, (loff_t)f.len + 1000);
	pos = -1;
	KUNIT_EXPECT_EQ(test, seq_read_kernel(&f.m, f.got, 10, &pos), -EINVAL);
	rec_fini(&f);
}

static int show_fails(struct seq_file *m, void *v)
{
	seq_puts(m, "partial");
	return -EIO;
}

/* A show function's error ends the read, and nothing of it is read. */
static void test_seq_read_error(struct kunit *test)
{
	struct seq_file m;
	char buf[16];
	loff_t pos = 0;

	single_init(&m, show_fails, NULL);
	KUNIT_EXPECT_EQ(test, seq_read_kernel(&m, buf, sizeof(buf), &pos),
			-EIO);
	KUNIT_EXPECT_EQ(test, pos, 0);
	seq_destroy(&m);
}

static int show_private(struct seq_file *m, void *v)
{
	seq_printf(m, "%s=%d", (const char *)m->private, 42);
	seq_putc(m, '!');
	seq_write(m, "ab", 2);
	return 0;
}

/*
 * single_init() and seq_show_into(): one record from one show function
 * with its data in m->private; a short buffer keeps the first bytes.
 */
static void test_seq_show_into(struct kunit *test)
{
	char buf[32];

	KUNIT_EXPECT_EQ(test, seq_show_into(show_private, "x", buf,
					    sizeof(buf)), 7);
	KUNIT_EXPECT_STREQ(test, buf, "x=42!ab");
	KUNIT_EXPECT_EQ(test, seq_show_into(show_private, "x", buf, 4), 3);
	KUNIT_EXPECT_STREQ(test, buf, "x=4");
	KUNIT_EXPECT_EQ(test, seq_show_into(show_fails, NULL, buf,
					    sizeof(buf)), -EIO);
}

/*
 * Overflow: a print that does not fit whole marks the buffer full
 * (count == size) and leaves nothing half-written behind for the reader.
 */
static void test_seq_printf_overflow(struct kunit *test)
{
	char space[8];
	struct seq_file m = { .buf = space, .size = sizeof(space) };

	seq_puts(&m, "1234567");	/* 7 bytes fit: one stays free */
	KUNIT_EXPECT_EQ(test, m.count, 7);
	KUNIT_EXPECT_FALSE(test, seq_has_overflowed(&m));
	m.count = 0;
	seq_printf(&m, "%d", 12345678);
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(&m));
	m.count = 6;
	seq_putc(&m, 'x');
	KUNIT_EXPECT_FALSE(test, seq_has_overflowed(&m));
	seq_putc(&m, 'y');
	KUNIT_EXPECT_TRUE(test, seq_has_overflowed(&m));
}

static int show_escaped(struct seq_file *m, void *v)
{
	seq_escape(m, "a b\\c\td", " \t\n\\");
	return 0;
}

/* seq_escape(): the listed bytes become octal escapes, others stay. */
static void test_seq_escape(struct kunit *test)
{
	char buf[32];

	KUNIT_EXPECT_EQ(test, seq_show_into(show_escaped, NULL, buf,
					    sizeof(buf)), 16);
	KUNIT_EXPECT_STREQ(test, buf, "a\\040b\\134c\\011d");
}

static struct kunit_case seq_file_cases[] = {
	KUNIT_CASE(test_seq_read_small_reads),
	KUNIT_CASE(test_seq_read_offsets),
	KUNIT_CASE(test_seq_read_past_end),
	KUNIT_CASE(test_seq_read_error),
	KUNIT_CASE(test_seq_show_into),
	KUNIT_CASE(test_seq_printf_overflow),
	KUNIT_CASE(test_seq_escape),
	{}
};

static struct kunit_suite seq_file_suite = {
	.name = "seq_file",
	.test_cases = seq_file_cases,
};
kunit_test_suite(seq_file_suite);
