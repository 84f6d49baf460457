//! A reader for TempEval-3 TimeML (`.tml`) files.
//!
//! TimeML files are XML, but only a handful of constructs matter here, so this is a careful hand
//! parser rather than a dependency: the text of the `TEXT` element with every tag stripped and
//! entities decoded, the `TIMEX3` elements inside it (as byte spans into that text, with type and
//! value), and the `CREATION_TIME` TIMEX3 (anywhere in the file) as the reference date.

use chrono::NaiveDate;

/// One gold TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Start byte in [`TmlDoc::text`].
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// TIMEX3 `type`.
    pub kind: String,
    /// TIMEX3 `value`.
    pub value: String,
    /// Whether this is the document creation time (`functionInDocument="CREATION_TIME"`).
    pub creation_time: bool,
}

/// A TimeML document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TmlDoc {
    /// Text of the `TEXT` element, tags stripped, entities decoded.
    pub text: String,
    /// Document creation date (the reference date).
    pub dct: Option<NaiveDate>,
    /// TIMEX3 elements inside `TEXT`, in order.
    pub timexes: Vec<GoldTimex>,
}

/// Parse a TimeML document. Errors describe what is malformed.
pub fn parse(xml: &str) -> Result<TmlDoc, String> {
    let mut doc = TmlDoc::default();
    // The creation time may sit in a DCT element before TEXT.
    let mut pos = 0;
    while let Some(off) = xml[pos..].find("<TIMEX3") {
        let at = pos + off;
        let end = xml[at..].find('>').ok_or("unterminated TIMEX3 tag")? + at;
        let attrs = &xml[at + 7..end];
        if attr(attrs, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            let v = attr(attrs, "value").unwrap_or_default();
            doc.dct = v
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            break;
        }
        pos = end;
    }
    let body_start = xml.find("<TEXT>").ok_or("no <TEXT> element")? + "<TEXT>".len();
    let body_end = xml[body_start..].find("</TEXT>").ok_or("no </TEXT>")? + body_start;
    let body = &xml[body_start..body_end];
    let mut open: Option<(usize, String, String, bool)> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest
                .find('>')
                .ok_or_else(|| format!("unterminated tag at byte {}", body_start + i))?;
            let tag = &rest[1..close];
            if let Some(attrs) = tag.strip_prefix("TIMEX3") {
                if open.is_some() {
                    return Err("nested TIMEX3".into());
                }
                let ct = attr(attrs, "functionInDocument").as_deref() == Some("CREATION_TIME");
                let selfclosing = attrs.trim_end().ends_with('/');
                if !selfclosing {
                    open = Some((
                        doc.text.len(),
                        attr(attrs, "type").unwrap_or_default(),
                        attr(attrs, "value").unwrap_or_default(),
                        ct,
                    ));
                }
            } else if tag == "/TIMEX3" {
                let (start, kind, value, creation_time) =
                    open.take().ok_or("</TIMEX3> without <TIMEX3>")?;
                doc.timexes.push(GoldTimex {
                    start,
                    end: doc.text.len(),
                    kind,
                    value,
                    creation_time,
                });
            }
            i += close + 1;
        } else if rest.starts_with('&') {
            let semi = rest.find(';').filter(|&s| s <= 10);
            match semi.and_then(|s| entity(&rest[1..s]).map(|c| (s, c))) {
                Some((s, c)) => {
                    doc.text.push(c);
                    i += s + 1;
                }
                None => {
                    doc.text.push('&');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            doc.text.push(c);
            i += c.len_utf8();
        }
    }
    if open.is_some() {
        return Err("unclosed TIMEX3".into());
    }
    Ok(doc)
}

/// The value of attribute `name` in a tag's attribute text (double or single quotes).
fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(off) = attrs[from..].find(name) {
        let at = from + off;
        let before_ok = at == 0 || attrs.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[at + name.len()..].trim_start();
        if before_ok {
            if let Some(rest) = rest.strip_prefix('=') {
                let rest = rest.trim_start();
                let q = rest.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = rest[1..].find(q)?;
                    return Some(decode(&rest[1..1 + end]));
                }
            }
        }
        from = at + name.len();
    }
    None
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let r = &rest[p..];
        match r.find(';').and_then(|e| entity(&r[1..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                out.push(c);
                rest = &r[e + 1..];
            }
            None => {
                out.push('&');
                rest = &r[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-20" functionInDocument="CREATION_TIME">May 20, 2025</TIMEX3></DCT>
<TEXT>
The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <SIGNAL sid="s1">on</SIGNAL> <TIMEX3 tid="t1" type="DATE" value="2025-05-19">Monday</TIMEX3> &amp; agreed a <TIMEX3 tid="t2" type='DURATION' value="P30D">30-day</TIMEX3> truce – “finally”.
</TEXT>
</TimeML>"#;

    #[test]
    fn reads_text_timexes_and_creation_time() {
        let d = parse(TINY).unwrap();
        assert_eq!(d.dct, NaiveDate::from_ymd_opt(2025, 5, 20));
        assert!(d
            .text
            .contains("The envoys met on Monday & agreed a 30-day truce – “finally”."));
        assert_eq!(d.timexes.len(), 2);
        let t = &d.timexes[0];
        assert_eq!(&d.text[t.start..t.end], "Monday");
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "2025-05-19"));
        let t = &d.timexes[1];
        assert_eq!(&d.text[t.start..t.end], "30-day");
        assert_eq!(t.kind, "DURATION");
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        assert!(parse("<TimeML>").is_err());
        assert!(parse("<TEXT><TIMEX3 type=\"DATE\">x</TEXT>").is_err());
        assert!(parse("<TEXT>a &bogus; b <unterminated</TEXT>").is_err());
        assert_eq!(
            parse("<TEXT>a &bogus; b</TEXT>").unwrap().text,
            "a &bogus; b"
        );
    }
}
