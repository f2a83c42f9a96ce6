// SPDX-License-Identifier: MIT
/*
 * The initramfs: unpacking the boot loader's cpio archive into rootfs.
 *
 * The archive is in the "newc" format (what `cpio -H newc` and
 * usr/gen_initramfs.py write).  Each member is
 *
 *   a 110-byte ASCII header: "070701" (or "070702", with checksums,
 *     which are not checked), then 13 fields of 8 hex digits: ino, mode,
 *     uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor,
 *     rdevminor, namesize (NUL included), check;
 *   the name, namesize bytes ending in NUL, padded to a multiple of 4
 *     (counted from the header's start);
 *   the data, filesize bytes (a symlink's target; a file's contents),
 *     padded to a multiple of 4.
 *
 * The member named "TRAILER!!!" ends an archive.  Several archives may
 * follow each other, with runs of zero bytes (a multiple of 4) between.
 *
 * Each member becomes a directory, file, symlink or device node made
 * through the same calls user space would use (init_mkdir(), filp_open()
 * and kernel_write(), init_symlink(), init_mknod()); then its owner,
 * mode and modification time are set.  A directory's time is set after
 * the whole archive is in, since adding its entries changes it.  Hard
 * links: members with nlink >= 2 and the same (device, ino) are linked
 * to the first one seen; the data (which newc carries with the last
 * link) is then written through whichever name has it.
 *
 * Corruption (a bad magic, a non-hex digit, a name without its NUL, a
 * size past the end of the buffer, broken padding) stops the unpacking
 * at that member: what came before stays, and the caller reports
 * "Initramfs unpacking failed: <why> at offset 0x<where>".  Nothing in
 * the archive is trusted: every size is checked against what is left
 * before it is used.
 *
 * Read unpack_to_rootfs() and unpack_one() first.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/namei.h>
#include <linux/init_syscalls.h>
#include <linux/initrd.h>

unsigned long initrd_start, initrd_end;

#define CPIO_HDR_LEN	110
#define CPIO_FIELDS	13

/* The header's fields, in order. */
enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_MAJOR, F_MINOR, F_RMAJOR, F_RMINOR, F_NAMESIZE, F_CHECK,
};

struct cpio_member {
	unsigned long field[CPIO_FIELDS];
	const char *name;
	const char *data;		/* field[F_FILESIZE] bytes */
};

/* A directory whose mtime is set once the archive is unpacked. */
struct dir_entry {
	struct list_head list;
	time64_t mtime;
	char name[];
};

/* A member with nlink >= 2 seen earlier, by (major, minor, ino). */
struct hardlink {
	struct list_head list;
	unsigned long major, minor, ino;
	char name[];
};

struct unpack_state {
	struct list_head dirs;		/* struct dir_entry, for their mtime */
	struct list_head links;		/* struct hardlink, per archive */
	struct cpio_error *err;
};

static bool cpio_fail(struct unpack_state *st, const char *msg,
		      unsigned long offset)
{
	st->err->msg = msg;
	st->err->offset = offset;
	return false;
}

/* The value of hex digit C, or -1; both cases, as cpio writes either. */
static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parses 8 hex digits; false if one is not a hex digit. */
static bool parse_hex8(const char *s, unsigned long *val)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return false;
		v = v << 4 | d;
	}
	*val = v;
	return true;
}

/* ---- making what a member describes -------------------------------- */

/* Owner, mode and times of NAME (not following a symlink). */
static void set_attrs(const char *name, const struct cpio_member *m)
{
	struct iattr attr = {
		.ia_valid = ATTR_UID | ATTR_GID | ATTR_ATIME | ATTR_MTIME,
		.ia_uid = m->field[F_UID], .ia_gid = m->field[F_GID],
		.ia_atime.tv_sec = m->field[F_MTIME],
		.ia_mtime.tv_sec = m->field[F_MTIME],
	};
	struct path path;

	if (!S_ISLNK(m->field[F_MODE])) {
		attr.ia_valid |= ATTR_MODE;
		attr.ia_mode = m->field[F_MODE];
	}
	if (kern_path(name, 0, &path))
		return;
	notify_change(path.dentry, &attr);
	path_put(&path);
}

static void remember(struct list_head *list, const char *name,
		     size_t extra_size, void **entry)
{
	size_t len = strlen(name) + 1;
	char *p = kmalloc(extra_size + len, GFP_KERNEL);

	*entry = p;
	if (!p)
		return;
	memcpy(p + extra_size, name, len);
	list_add_tail((struct list_head *)p, list);
}

/*
 * If M is a further link to a member seen before, links NAME to it and
 * returns true; otherwise remembers M (if it has other links) and
 * returns false.
 */
static bool maybe_link(struct unpack_state *st, const struct cpio_member *m)
{
	struct hardlink *h;

	if (m->field[F_NLINK] < 2)
		return false;
	list_for_each_entry(h, &st->links, list) {
		if (h->ino == m->field[F_INO] &&
		    h->major == m->field[F_MAJOR] &&
		    h->minor == m->field[F_MINOR]) {
			init_unlink(m->name);
			return init_link(h->name, m->name) == 0;
		}
	}
	remember(&st->links, m->name, sizeof(*h), (void **)&h);
	if (h) {
		h->ino = m->field[F_INO];
		h->major = m->field[F_MAJOR];
		h->minor = m->field[F_MINOR];
	}
	return false;
}

static void forget_links(struct unpack_state *st)
{
	struct hardlink *h, *next;

	list_for_each_entry_safe(h, next, &st->links, list)
		kfree(h);
	INIT_LIST_HEAD(&st->links);
}

static void write_file(const struct cpio_member *m, bool linked)
{
	unsigned long size = m->field[F_FILESIZE];
	struct file *file;
	loff_t pos = 0;

	/* A further link without data adds a name only. */
	if (linked && !size)
		return;
	file = filp_open(m->name, O_WRONLY | O_CREAT | O_TRUNC | O_LARGEFILE,
			 m->field[F_MODE]);
	if (IS_ERR(file))
		return;
	while (pos < size) {
		ssize_t n = kernel_write(file, m->data + pos, size - pos, &pos);

		if (n <= 0)
			break;
	}
	fput(file);
}

/* Makes what member M describes; errors in the tree are ignored. */
static void create_member(struct unpack_state *st, const struct cpio_member *m)
{
	umode_t mode = m->field[F_MODE];
	struct dir_entry *d;
	char *target;

	if (S_ISDIR(mode)) {
		init_mkdir(m->name, mode);
		remember(&st->dirs, m->name, sizeof(*d), (void **)&d);
		if (d)
			d->mtime = m->field[F_MTIME];
	} else if (S_ISREG(mode)) {
		bool linked = maybe_link(st, m);

		if (!linked)
			init_unlink(m->name);	/* replace an older one */
		write_file(m, linked);
	} else if (S_ISLNK(mode)) {
		if (m->field[F_FILESIZE] >= PATH_MAX)
			return;
		target = kmalloc(m->field[F_FILESIZE] + 1, GFP_KERNEL);
		if (!target)
			return;
		memcpy(target, m->data, m->field[F_FILESIZE]);
		target[m->field[F_FILESIZE]] = '\0';
		init_unlink(m->name);
		init_symlink(target, m->name);
		kfree(target);
	} else if (S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) ||
		   S_ISSOCK(mode)) {
		if (maybe_link(st, m))
			return;
		init_unlink(m->name);
		init_mknod(m->name, mode,
			   new_encode_dev(MKDEV(m->field[F_RMAJOR],
						m->field[F_RMINOR])));
	} else {
		return;			/* an unknown type: skipped */
	}
	set_attrs(m->name, m);
}

static void set_dir_times(struct unpack_state *st)
{
	struct dir_entry *d, *next;

	list_for_each_entry_safe(d, next, &st->dirs, list) {
		struct iattr attr = {
			.ia_valid = ATTR_ATIME | ATTR_MTIME,
			.ia_atime.tv_sec = d->mtime,
			.ia_mtime.tv_sec = d->mtime,
		};
		struct path path;

		if (!kern_path(d->name, 0, &path)) {
			notify_change(path.dentry, &attr);
			path_put(&path);
		}
		kfree(d);
	}
	INIT_LIST_HEAD(&st->dirs);
}

/* ---- parsing --------------------------------------------------------- */

/*
 * Parses the member at BUF + *POS (LEN bytes in all) into *M and moves
 * *POS past it.  False (with st->err filled in) if it is corrupt.
 */
static bool parse_member(struct unpack_state *st, const char *buf,
			 unsigned long len, unsigned long *pos,
			 struct cpio_member *m)
{
	unsigned long start = *pos, namesize, filesize, p;

	if (len - start < CPIO_HDR_LEN)
		return cpio_fail(st, "truncated header", start);
	if (memcmp(buf + start, "07070", 5) ||
	    (buf[start + 5] != '1' && buf[start + 5] != '2'))
		return cpio_fail(st, "bad magic (not a newc cpio archive)",
				 start);
	for (int i = 0; i < CPIO_FIELDS; i++)
		if (!parse_hex8(buf + start + 6 + 8 * i, &m->field[i]))
			return cpio_fail(st, "bad hex digit in header",
					 start + 6 + 8 * i);
	namesize = m->field[F_NAMESIZE];
	filesize = m->field[F_FILESIZE];
	p = start + CPIO_HDR_LEN;
	if (!namesize)
		return cpio_fail(st, "empty name", start);
	if (namesize > PATH_MAX)
		return cpio_fail(st, "name too long", start);
	if (namesize > len - p)
		return cpio_fail(st, "name past the end of the archive", start);
	if (buf[p + namesize - 1] != '\0' ||
	    memchr(buf + p, '\0', namesize - 1))
		return cpio_fail(st, "name not NUL-terminated", start);
	m->name = buf + p;
	p = ALIGN(p + namesize, 4);
	if (p > len || filesize > len - p)
		return cpio_fail(st, "file data past the end of the archive",
				 start);
	m->data = buf + p;
	*pos = min(ALIGN(p + filesize, 4), len);
	return true;
}

/* Skips zero padding between archives; false if it is broken. */
static bool skip_padding(struct unpack_state *st, const char *buf,
			 unsigned long len, unsigned long *pos)
{
	unsigned long start = *pos;

	while (*pos < len && !buf[*pos])
		(*pos)++;
	if (*pos < len && (*pos & 3))
		return cpio_fail(st, "broken padding", start);
	return true;
}

int unpack_to_rootfs(const char *buf, unsigned long len,
		     struct cpio_error *err)
{
	struct unpack_state st = { .err = err };
	unsigned long pos = 0;
	struct cpio_member m;
	bool ok = true;

	INIT_LIST_HEAD(&st.dirs);
	INIT_LIST_HEAD(&st.links);
	err->msg = NULL;
	err->offset = 0;
	while (ok && pos < len) {
		if (!buf[pos]) {
			ok = skip_padding(&st, buf, len, &pos);
			continue;
		}
		ok = parse_member(&st, buf, len, &pos, &m);
		if (!ok)
			break;
		if (!strcmp(m.name, "TRAILER!!!"))
			forget_links(&st);	/* links end with an archive */
		else
			create_member(&st, &m);
	}
	forget_links(&st);
	set_dir_times(&st);
	return ok ? 0 : -EINVAL;
}

/* ---- at boot ---------------------------------------------------------- */

/*
 * Unpacks the initrd, then gives its pages back to the page allocator
 * (they were reserved in memblock since boot).
 */
static int __init populate_rootfs(void)
{
	struct cpio_error err;

	if (!initrd_start)
		return 0;
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	if (unpack_to_rootfs((const char *)initrd_start,
			     initrd_end - initrd_start, &err))
		pr_err("Initramfs unpacking failed: %s at offset %#lx\n",
		       err.msg, err.offset);
	/* memblock reserved the initrd's size rounded up to whole pages */
	free_reserved_area((void *)initrd_start,
			   (void *)(initrd_start +
				    PAGE_ALIGN(initrd_end - initrd_start)),
			   "initrd");
	initrd_start = initrd_end = 0;
	return 0;
}
rootfs_initcall(populate_rootfs);
