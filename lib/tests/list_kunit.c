// SPDX-License-Identifier: MIT
/*
 * Tests of include/linux/list.h: each operation is checked by walking the
 * list both ways and comparing with the order the test expects, written
 * as a string of entry names ("abc" = a, b, c from the head).
 */
#include <linux/list.h>
#include <linux/string.h>
#include <kunit/test.h>

struct item {
	char name;
	struct list_head node;
	struct hlist_node hnode;
};

static struct item items[8];

static void items_init(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(items); i++) {
		items[i].name = 'a' + i;
		INIT_LIST_HEAD(&items[i].node);
		INIT_HLIST_NODE(&items[i].hnode);
	}
}

/* Checks @head holds exactly the entries @want, in order, both ways. */
static void expect_list(struct kunit *test, struct list_head *head,
			const char *want)
{
	char fwd[16] = "", back[16] = "";
	size_t n = strlen(want), i = 0;
	struct item *it;

	list_for_each_entry(it, head, node) {
		KUNIT_ASSERT_LT(test, i, sizeof(fwd) - 1);
		fwd[i++] = it->name;
	}
	KUNIT_EXPECT_STREQ(test, fwd, want);
	list_for_each_entry_reverse(it, head, node) {
		KUNIT_ASSERT_GT(test, i, 0);
		back[--i] = it->name;
	}
	back[n] = '\0';
	KUNIT_EXPECT_STREQ(test, back, want);
	KUNIT_EXPECT_EQ(test, list_count_nodes(head), n);
	KUNIT_EXPECT_EQ(test, list_empty(head), n == 0);
	KUNIT_EXPECT_EQ(test, list_is_singular(head), n == 1);
}

/* Builds @head from the entries named in @names, in order. */
static void build_list(struct list_head *head, const char *names)
{
	INIT_LIST_HEAD(head);
	for (; *names; names++)
		list_add_tail(&items[*names - 'a'].node, head);
}

static void list_test_add(struct kunit *test)
{
	LIST_HEAD(head);

	items_init();
	expect_list(test, &head, "");
	list_add(&items[1].node, &head);
	list_add(&items[0].node, &head);	/* front */
	list_add_tail(&items[2].node, &head);	/* back */
	expect_list(test, &head, "abc");
	KUNIT_EXPECT_TRUE(test, list_is_first(&items[0].node, &head));
	KUNIT_EXPECT_TRUE(test, list_is_last(&items[2].node, &head));
	KUNIT_EXPECT_FALSE(test, list_is_last(&items[1].node, &head));
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&head, struct item, node),
			    &items[0]);
	KUNIT_EXPECT_PTR_EQ(test, list_last_entry(&head, struct item, node),
			    &items[2]);
	KUNIT_EXPECT_PTR_EQ(test, list_next_entry(&items[0], node), &items[1]);
	KUNIT_EXPECT_PTR_EQ(test, list_prev_entry(&items[2], node), &items[1]);
}

/* before: a b c; after list_del(b): a c, and b's pointers are poisoned */
static void list_test_del_poisons(struct kunit *test)
{
	LIST_HEAD(head);

	items_init();
	build_list(&head, "abc");
	list_del(&items[1].node);
	expect_list(test, &head, "ac");
	KUNIT_EXPECT_PTR_EQ(test, items[1].node.next, LIST_POISON1);
	KUNIT_EXPECT_PTR_EQ(test, items[1].node.prev, LIST_POISON2);
	list_del(&items[0].node);
	list_del(&items[2].node);
	expect_list(test, &head, "");
}

static void list_test_del_init(struct kunit *test)
{
	LIST_HEAD(head);

	items_init();
	build_list(&head, "abc");
	list_del_init(&items[2].node);
	expect_list(test, &head, "ab");
	KUNIT_EXPECT_TRUE(test, list_empty(&items[2].node));
}

static void list_test_move(struct kunit *test)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	items_init();
	build_list(&a, "abc");
	build_list(&b, "de");
	list_move(&items[2].node, &b);		/* c to the front of b */
	list_move_tail(&items[0].node, &b);	/* a to the back of b */
	expect_list(test, &a, "b");
	expect_list(test, &b, "cdea");
	list_rotate_left(&b);
	expect_list(test, &b, "deac");
	list_replace(&items[4].node, &items[5].node);
	expect_list(test, &b, "dfac");
}

static void list_test_splice(struct kunit *test)
{
	LIST_HEAD(a);
	LIST_HEAD(b);

	items_init();
	build_list(&a, "ab");
	build_list(&b, "cd");
	list_splice_init(&b, &a);		/* to the front */
	expect_list(test, &a, "cdab");
	expect_list(test, &b, "");
	build_list(&b, "ef");
	list_splice_tail_init(&b, &a);		/* to the back */
	expect_list(test, &a, "cdabef");
	expect_list(test, &b, "");
	list_splice(&b, &a);			/* empty: nothing happens */
	expect_list(test, &a, "cdabef");
}

/* before: a b c d e; cut at c: list = a b c, head = d e */
static void list_test_cut_position(struct kunit *test)
{
	LIST_HEAD(head);
	LIST_HEAD(front);

	items_init();
	build_list(&head, "abcde");
	list_cut_position(&front, &head, &items[2].node);
	expect_list(test, &front, "abc");
	expect_list(test, &head, "de");
	list_cut_position(&front, &head, &head);	/* cut nothing */
	expect_list(test, &front, "");
	expect_list(test, &head, "de");
	list_cut_position(&front, &head, &items[4].node); /* cut all */
	expect_list(test, &front, "de");
	expect_list(test, &head, "");
}

/* The _safe walk survives deleting the entry it stands on. */
static void list_test_for_each_safe(struct kunit *test)
{
	struct item *it, *n;
	LIST_HEAD(head);
	int seen = 0;

	items_init();
	build_list(&head, "abcdef");
	list_for_each_entry_safe(it, n, &head, node) {
		seen++;
		if ((it->name - 'a') % 2)
			list_del(&it->node);
	}
	KUNIT_EXPECT_EQ(test, seen, 6);
	expect_list(test, &head, "ace");
	list_for_each_entry_safe_reverse(it, n, &head, node)
		list_del_init(&it->node);
	expect_list(test, &head, "");
	KUNIT_EXPECT_NULL(test, list_first_entry_or_null(&head, struct item,
							 node));
}

/* An hlist chain, checked as a string of names from the head. */
static void expect_hlist(struct kunit *test, struct hlist_head *head,
			 const char *want)
{
	char got[16] = "";
	struct item *it;
	size_t i = 0;

	hlist_for_each_entry(it, head, hnode) {
		KUNIT_ASSERT_LT(test, i, sizeof(got) - 1);
		/* Every node's pprev points at the pointer that leads to it. */
		KUNIT_EXPECT_PTR_EQ(test, *it->hnode.pprev, &it->hnode);
		got[i++] = it->name;
	}
	KUNIT_EXPECT_STREQ(test, got, want);
	KUNIT_EXPECT_EQ(test, hlist_empty(head), !*want);
}

static void hlist_test_add_del(struct kunit *test)
{
	struct hlist_node *pos, *n;
	HLIST_HEAD(head);
	HLIST_HEAD(other);
	struct item *it;

	items_init();
	expect_hlist(test, &head, "");
	KUNIT_EXPECT_TRUE(test, hlist_unhashed(&items[0].hnode));
	hlist_add_head(&items[2].hnode, &head);
	hlist_add_head(&items[0].hnode, &head);
	hlist_add_behind(&items[1].hnode, &items[0].hnode);
	hlist_add_behind(&items[4].hnode, &items[2].hnode);
	hlist_add_before(&items[3].hnode, &items[4].hnode);
	expect_hlist(test, &head, "abcde");

	hlist_del(&items[0].hnode);		/* the first */
	KUNIT_EXPECT_PTR_EQ(test, items[0].hnode.next, LIST_POISON1);
	KUNIT_EXPECT_PTR_EQ(test, (void *)items[0].hnode.pprev, LIST_POISON2);
	hlist_del_init(&items[4].hnode);	/* the last */
	KUNIT_EXPECT_TRUE(test, hlist_unhashed(&items[4].hnode));
	hlist_del_init(&items[4].hnode);	/* unhashed: no-op */
	expect_hlist(test, &head, "bcd");

	hlist_move_list(&head, &other);
	expect_hlist(test, &head, "");
	expect_hlist(test, &other, "bcd");

	hlist_for_each_entry_safe(it, n, &other, hnode)
		if (it->name == 'c')
			hlist_del(&it->hnode);
	expect_hlist(test, &other, "bd");
	hlist_for_each_safe(pos, n, &other)
		hlist_del_init(pos);
	expect_hlist(test, &other, "");
}

static struct kunit_case list_test_cases[] = {
	KUNIT_CASE(list_test_add),
	KUNIT_CASE(list_test_del_poisons),
	KUNIT_CASE(list_test_del_init),
	KUNIT_CASE(list_test_move),
	KUNIT_CASE(list_test_splice),
	KUNIT_CASE(list_test_cut_position),
	KUNIT_CASE(list_test_for_each_safe),
	KUNIT_CASE(hlist_test_add_del),
	{}
};

static struct kunit_suite list_test_suite = {
	.name = "list",
	.test_cases = list_test_cases,
};
kunit_test_suite(list_test_suite);
