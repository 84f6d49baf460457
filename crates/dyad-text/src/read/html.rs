//! HTML: main-text extraction with `dom_smoothie` (a port of Mozilla's Readability), keeping
//! paragraph breaks; title and date from the page metadata when present.

use super::{parse_date, Extracted};

/// Extract the article text, title and date from an HTML page.
pub(crate) fn extract(html: String, _file: &str) -> Result<Extracted, String> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html.as_str(), None, Some(cfg))
        .map_err(|e| format!("cannot parse HTML: {e}"))?;
    let article = readability
        .parse()
        .map_err(|e| format!("no article text found in HTML: {e}"))?;
    let text = article.text_content.trim().to_string();
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    let date = article.published_time.as_deref().and_then(parse_date);
    Ok((text, Some((title, date))))
}
