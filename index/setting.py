"""The words of a question that name its setting, not what it asks about.

"休み中に社員が孤立させられるって警告したのは誰?", "会社が休みの間、メタはどう動く?", "can people relax
during the shutdown": the week off is when it happens; the question asks about the warning, the
move, relaxing. A channel sets its questions in the article's main event this way, and a passage
about the event itself (how the week off came about) then outranks the one answering. The search
weighs these words less (index.search.SETTING_WEIGHT).
"""

from __future__ import annotations

import re

from .tokenize import JapaneseTokenizer, Tokenizer, is_japanese, normalize

# A word followed by one of these (directly, after の, or a verb after its auxiliaries: 休んでる間)
# names when something happens: during, while, at the time of. (Not 後 / 前, after and before,
# nor うち, which is also "among": 8人のうち.)
JA_FRAMES = frozenset({"間", "あいだ", "とき", "時", "際", "最中"})
_JA_FRAME_TEXT = re.compile("|".join(sorted(JA_FRAMES | {"中"})))
_EN_SETTING = re.compile(
    r"\b(?:during|while|amid|amidst|throughout)\s+"
    r"(?:(?:the|a|an|its|their|his|her|this|that|on|in)\s+)*([a-z]+(?:\s+[a-z]+)?)"
)


def setting_words(question: str, ja: JapaneseTokenizer, en: Tokenizer) -> frozenset[str]:
    """The tokens (as the tokenizers write them) of the words naming the question's setting."""
    if not is_japanese(question):
        found = _EN_SETTING.findall(normalize(question))
        return frozenset(token for phrase in found for token in en(phrase))
    if not _JA_FRAME_TEXT.search(question):  # most questions: no second parse
        return frozenset()
    nodes = ja.forms(question)  # (its tokens as the question's own parse makes them)
    words: set[str] = set()
    for i, (_, pos1, token) in enumerate(nodes):
        if pos1 not in ("名詞", "動詞") or not token:
            continue
        j = i + 1
        if pos1 == "動詞":  # 休んでる間: past its auxiliaries and て / で
            while j < len(nodes) and (
                nodes[j][1] == "助動詞" or (nodes[j][0] in ("て", "で") and nodes[j][1] == "助詞")
            ):
                j += 1
        if j < len(nodes) and nodes[j][0] == "の" and pos1 == "名詞":
            j += 1
        if j >= len(nodes):
            continue
        frame, frame_pos = nodes[j][0], nodes[j][1]
        during = frame == "中" and frame_pos == "接尾辞" and j == i + 1
        if during or (frame in JA_FRAMES and frame_pos == "名詞"):
            words.add(token)
    return frozenset(words)
