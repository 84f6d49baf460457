//! Property tests: segmentation never panics on arbitrary Unicode and its spans are well-formed.

use proptest::prelude::*;

fn check(text: &str) {
    let (tokens, sentences) = dyad_text::segment(text);
    let mut last = 0;
    for t in &tokens {
        assert!(t.span.start < t.span.end, "empty token");
        assert!(t.span.start >= last, "tokens overlap or go backwards");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(
            !text[t.span.start..t.span.end]
                .chars()
                .any(char::is_whitespace),
            "whitespace inside a token"
        );
        last = t.span.end;
    }
    // Every token belongs to exactly one sentence, in order.
    let mut next = 0;
    for s in &sentences {
        assert_eq!(s.tokens.start, next);
        assert!(s.tokens.end > s.tokens.start);
        assert_eq!(s.span.start, tokens[s.tokens.start].span.start);
        assert_eq!(s.span.end, tokens[s.tokens.end - 1].span.end);
        next = s.tokens.end;
    }
    assert_eq!(next, tokens.len());
    // Non-whitespace text is fully covered by tokens (nothing is dropped).
    let covered: usize = tokens
        .iter()
        .map(|t| text[t.span.start..t.span.end].chars().count())
        .sum();
    let visible = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}' && *c != '\u{feff}')
        .count();
    assert_eq!(covered, visible);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_unicode_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn news_like_alphabet_never_panics(text in "[a-zA-Z0-9 .,!?;:'\"“”‘’()\\-—–…%$@#/\n]{0,300}") {
        check(&text);
    }
}

#[test]
fn odd_inputs() {
    for text in [
        "",
        " ",
        "\n\n\n",
        ".",
        "...",
        "“",
        "'",
        "-",
        "U.S.",
        "a.",
        "’s",
        "n't",
        "'90s",
        "@",
        "#",
        "http://",
        "a@b",
        "!!!?",
        "—",
        "\u{200b}x\u{feff}",
    ] {
        check(text);
    }
}
