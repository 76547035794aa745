"""list.append vs list.extend (and += and +).

Shows the four cases side by side, then a puzzle:

1. append(x) adds x itself, as one new item, whatever x is;
2. extend(iterable) adds the items of any iterable, one by one;
3. += works like extend: it changes the list in place, so every name bound
   to that list sees the change, and it accepts any iterable;
4. + builds a new list and only accepts another list, else TypeError;
5. the classic puzzle: += on a list inside a tuple raises, yet extends.

Run it with: python snippets/concurrency/list_append_vs_extend.py
"""


def demo_append() -> None:
    print("1) append adds one object:")
    items = [1, 2]
    result = items.append([3, 4])  # the list [3, 4] becomes a single item
    print(f"   [1, 2].append([3, 4]) -> {items}, len {len(items)}")
    items.append("ab")
    print(f"   then .append('ab')    -> {items}")
    print(f"   append returns: {result}")


def demo_extend() -> None:
    print("2) extend adds the items of any iterable:")
    # A string is an iterable of characters; a dict, of its keys.
    for iterable in ([3, 4], (3, 4), range(3, 5), "ab", {"k": 1}):
        items = [1, 2]
        items.extend(iterable)
        call = f"extend({iterable!r})"
        print(f"   [1, 2].{call:<19} -> {items}")
    items = [1, 2]
    items.extend(n * n for n in range(3))  # a generator is consumed once
    print(f"   [1, 2].extend(n * n for n in range(3)) -> {items}")


def demo_inplace_add() -> None:
    print("3) += extends the same list, in place:")
    items = [1, 2]
    alias = items  # a second name for the same list object
    before = id(items)
    items += (3, 4)  # any iterable, like extend
    print(f"   items += (3, 4) -> {items}")
    print(f"   same object: {id(items) == before}, alias sees it: {alias}")


def demo_plus() -> None:
    print("4) + builds a new list and needs a list:")
    items = [1, 2]
    alias = items
    more = [3, 4]
    items = items + more  # a new object; alias still names the old one
    print(f"   items = items + [3, 4] -> {items}, alias: {alias}")
    pair = (5, 6)
    try:
        items = items + pair  # list + tuple: no implicit conversion
    except TypeError as exc:
        print(f"   items + (5, 6) -> TypeError: {exc}")


def demo_tuple_gotcha() -> None:
    print("5) += on a list held in a tuple:")
    pair = ([1], "x")
    try:
        pair[0] += [2]  # extends the list first, then fails to store it back
    except TypeError as exc:
        print(f"   TypeError: {exc}")
    print(f"   and yet the list was extended: {pair}")


def main() -> None:
    demo_append()
    demo_extend()
    demo_inplace_add()
    demo_plus()
    demo_tuple_gotcha()


if __name__ == "__main__":
    main()
