"""Chinese search: jieba keeps our domain terms whole, and their parts are indexed."""

from __future__ import annotations

import sys

import jieba
import pytest

from scripts.project import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import search_index  # hooks/ is not a package: imported from its folder

jieba.setLogLevel(60)
jieba.load_userdict(str(ROOT / "hooks" / "jieba_userdict.txt"))

# compound term -> parts that must also find it
TERMS = {
    "三次握手": {"三次", "握手"},
    "四次挥手": {"四次", "挥手"},
    "粘包": set(),
    "多路复用": {"多路", "复用"},
    "边缘触发": {"边缘", "触发"},
    "全局解释器锁": {"全局", "解释器"},
    "进程池": {"进程"},
    "生产者消费者": {"生产者", "消费者"},
    "负载均衡": {"负载", "均衡"},
    "反向代理": {"反向", "代理"},
    "域名解析": {"域名", "解析"},
}


@pytest.mark.parametrize("term", TERMS)
def test_term_is_one_token(term: str) -> None:
    assert jieba.lcut(f"什么是{term}？")[-2] == term


@pytest.mark.parametrize(("term", "parts"), TERMS.items())
def test_parts_are_indexed(term: str, parts: set[str]) -> None:
    assert parts <= set(search_index.keywords(f"关于{term}的问题").split())


def test_index_is_split_by_language() -> None:
    merged = {
        "docs": [
            {"location": "sockets/x/", "title": "三次握手", "text": "文本"},
            {"location": "en/sockets/x/", "title": "Handshake", "text": "text"},
        ]
    }
    split = search_index.split_index(merged)
    assert [d["location"] for d in split["zh"]["docs"]] == ["sockets/x/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["en/sockets/x/"]
    assert split["zh"]["docs"][0]["keywords"].split() == ["三次", "握手"]
    assert split["en"]["config"]["lang"] == ["en"]
