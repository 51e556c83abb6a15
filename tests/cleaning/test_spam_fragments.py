from conftest import lines_of
from pressroom.cleaning.context import CleaningContext
from pressroom.cleaning.spam_fragments import detect_spam_fragments, foreign_runs


def _repair(text, suspects=()):
    context = CleaningContext(lang="en", suspects=set(suspects))
    return detect_spam_fragments(lines_of(text), context)


def test_fragment_after_an_injected_token_is_cut_and_marked():
    (removal,) = _repair("JunHe partner Mr.M88 login 专业人员,文章发布led the project.", {"M88"})
    assert removal.replacement == "JunHe partner Mr. […] led the project."
    assert removal.text == "M88 login 专业人员,文章发布"
    assert removal.rule == "spam-fragment"


def test_foreign_keywords_glued_to_a_word_are_spam_without_any_phrase():
    (removal,) = _repair("Die Kanzlei Dr.Bet 在线娱乐,注册送彩金vertrat die Klägerin.")
    assert "在线" not in removal.replacement
    assert removal.replacement.endswith("[…] vertrat die Klägerin.")


def test_a_gloss_in_parentheses_or_between_spaces_is_not_spam():
    assert _repair("The campaign, known as 黑公关 (black PR), was stopped.") == []
    assert _repair("Xiaomi (小米) won the case.") == []


def test_a_suspect_token_with_digits_is_removed_alone():
    (removal,) = _repair("Visit Spin88 for the ruling.", {"Spin88"})
    assert removal.replacement == "Visit […] for the ruling."


def test_foreign_runs_join_across_punctuation():
    text = "a 专业人员,文章发布led b"
    ((start, end),) = foreign_runs(text)
    assert text[start:end] == "专业人员,文章发布"
