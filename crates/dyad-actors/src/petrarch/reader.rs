//! Line reader shared by the PETRARCH loaders: strips `<!-- -->` comments (also across lines),
//! whole-line `#` comments and trailing `#` comments, and keeps original line numbers.

/// A content line: 1-based line number and the text without comments, trimmed.
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

/// Yields the non-empty content lines of a PETRARCH dictionary file.
pub(crate) fn content_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(p) => {
                    in_comment = false;
                    line = &line[p + 3..];
                }
                None => continue,
            }
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') {
            continue;
        }
        if trimmed.starts_with("<!") {
            // `<!-- ... -->` on one line, or the start of a multi-line comment; PETRARCH also skips
            // malformed openers such as `<! -- ... -->`.
            if !trimmed.contains("-->") {
                in_comment = true;
            }
            continue;
        }
        // An inline `<!-- ... -->` is removed; an unterminated one opens a comment.
        let owned_start;
        if let Some(p) = line.find("<!--") {
            match line[p..].find("-->") {
                Some(_) => {
                    owned_start = &line[..p];
                    line = owned_start;
                }
                None => {
                    in_comment = true;
                    line = &line[..p];
                }
            }
        }
        if let Some(p) = line.find('#') {
            line = &line[..p];
        }
        let line = line.trim();
        if !line.is_empty() {
            out.push(Line { no, text: line });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::content_lines;

    #[test]
    fn strips_every_comment_style() {
        let text =
            "<!-- head -->\n<!--\n# inside\n-->\nA [X] # note\n\n# whole\n<! -- odd -->\n  +B\n";
        let lines: Vec<(usize, &str)> =
            content_lines(text).iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(lines, vec![(5, "A [X]"), (9, "+B")]);
    }
}
