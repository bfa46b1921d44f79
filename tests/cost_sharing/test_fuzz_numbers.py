"""The one reader of numbers under Hypothesis: whatever it is given, it returns a number within the bounds or
refuses with a one-line NumberError — never another exception, never a silently rounded value."""

from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from chengyu_accord.cost_sharing.numbers import (
    MAX_AMOUNT_FEN,
    MAX_PLACES,
    MAX_QUANTITY,
    NumberError,
    canonical_decimal,
    check_fen,
    parse_decimal,
    parse_fen,
)

number_like = st.one_of(
    st.text(max_size=80),
    st.from_regex(r"\A-?[0-9,]{0,20}(\.[0-9]{0,16})?([eE][+-]?[0-9]{1,20})?\Z"),
    st.integers(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(),
    st.booleans(),
    st.none(),
)


def refused_or_none(read, value):
    """``read(value)``, or None when it is refused with a one-line message."""
    try:
        return read(value)
    except NumberError as exc:
        message = str(exc)
    assert "\n" not in message
    assert len(message) < 160
    return None


@given(number_like)
@example("9e99999999")
@example("1e-99999999")
@example("0e99999999")
@example("1" * 64)
@example("1\n2")
def test_parse_decimal_returns_a_bounded_exact_number_or_refuses(value):
    number = refused_or_none(lambda v: parse_decimal(v, allow_negative=True), value)
    if number is None:
        return
    assert number.is_finite()
    assert abs(number) <= MAX_QUANTITY
    text = canonical_decimal(number)
    assert Decimal(text) == number  # nothing was rounded away
    assert len(text.partition(".")[2]) <= MAX_PLACES


@given(number_like)
@example("99999999999999999.99")
@example("10000000000000000")
def test_parse_fen_returns_whole_fen_within_the_amount_bound_or_refuses(value):
    fen = refused_or_none(parse_fen, value)
    if fen is not None:
        assert 0 <= fen <= MAX_AMOUNT_FEN


@given(st.one_of(st.integers(), st.booleans(), st.text(max_size=5), st.none()))
@example(MAX_AMOUNT_FEN + 1)
@example(10**40)
def test_check_fen_keeps_the_amount_bound(value):
    fen = refused_or_none(check_fen, value)
    if fen is not None:
        assert 0 <= fen <= MAX_AMOUNT_FEN
