//! OPML reader: the feed subscriptions an OPML file lists (`newsdb feed import`), as a pure function of its bytes.

use quick_xml::events::Event;
use quick_xml::XmlVersion;

/// One outline of an OPML file that names a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub xml_url: String,
    pub title: Option<String>,
    pub text: Option<String>,
}

/// Every outline with an xmlUrl, at any depth (folders are outlines holding outlines), in document order.
pub fn parse(bytes: &[u8]) -> std::result::Result<Vec<Outline>, String> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut outlines = Vec::new();
    let mut root_seen = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("not valid XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(element) | Event::Empty(element) => {
                let name = element.local_name().as_ref().to_ascii_lowercase();
                if !root_seen {
                    if name != "opml" {
                        return Err("not an OPML file (its root element is not <opml>)".to_string());
                    }
                    root_seen = true;
                }
                if name == "outline" {
                    let mut outline = Outline { xml_url: String::new(), title: None, text: None };
                    for attribute in element.attributes().flatten() {
                        let key = attribute.key.local_name().as_ref().to_ascii_lowercase();
                        let Ok(value) = attribute.normalized_value(XmlVersion::Implicit1_0) else { continue };
                        let value = value.trim().to_string();
                        match key.as_str() {
                            "xmlurl" => outline.xml_url = value,
                            "title" if !value.is_empty() => outline.title = Some(value),
                            "text" if !value.is_empty() => outline.text = Some(value),
                            _ => {}
                        }
                    }
                    if !outline.xml_url.is_empty() {
                        outlines.push(outline);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !root_seen {
        return Err("not an OPML file (no <opml> element)".to_string());
    }
    Ok(outlines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_are_found_and_folders_skipped() {
        let opml = br#"<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
  <outline text="News">
    <outline text="BBC &amp; Co" title="BBC" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml"/>
    <outline text="Folder"><outline text="Deep" xmlurl="http://example.com/deep.xml"/></outline>
  </outline>
  <outline text="https://example.org/a.xml" xmlUrl="https://example.org/a.xml"/>
</body></opml>"#;
        let outlines = parse(opml).unwrap();
        assert_eq!(outlines.len(), 3);
        assert_eq!(outlines[0].title.as_deref(), Some("BBC"));
        assert_eq!(outlines[0].text.as_deref(), Some("BBC & Co"));
        assert_eq!(outlines[1].xml_url, "http://example.com/deep.xml");
    }

    #[test]
    fn not_opml_is_an_error_not_a_panic() {
        assert!(parse(b"<rss><channel/></rss>").unwrap_err().contains("not an OPML file"));
        assert!(parse(b"").is_err());
        // Truncated input: whatever the answer, no panic.
        let _ = parse(b"<opml><body><outline xmlUrl='x'");
    }
}
