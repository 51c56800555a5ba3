//! Canonical article URLs: one spelling per article, so the same story from two feeds matches.
//!
//! The url crate lower-cases scheme and host, drops default ports, resolves `.`/`..` segments and
//! converts international domain names to punycode. On top of that we drop the fragment and
//! tracking parameters, and drop the `?` when no parameter is left. The host keeps its `www.`
//! (`www.example.com` and `example.com` can serve different sites) and the other parameters keep
//! their order and spelling (some sites route on parameter order). Only http and https URLs are
//! article addresses; anything else is rejected.

use url::Url;

/// Exact names of tracking parameters (compared lower-case).
const TRACKERS: &[&str] = &[
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "twclid",
    "ttclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "ref_src",
    "ref_url",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
    "vero_id",
    "vero_conv",
    "wickedid",
    "li_fat_id",
    "s_cid",
    "cmpid",
    "ocid",
    "ncid",
    "sr_share",
    "spm",
    "share",
    "smid",
    "ito",
];

/// Prefixes of tracking parameter families (`utm_source`, BBC's `at_medium`, ...).
const TRACKER_PREFIXES: &[&str] = &["utm_", "at_", "pk_", "mtm_", "hsa_", "__hs"];

/// The canonical form, or why the URL cannot be used (for a warning).
pub fn canonical(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    // Protocol-relative URLs from HTML exports are https in practice.
    let with_scheme = match raw.strip_prefix("//") {
        Some(rest) => format!("https://{rest}"),
        None => raw.to_string(),
    };
    let mut url = Url::parse(&with_scheme).map_err(|e| format!("invalid URL {raw:?}: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("invalid URL {raw:?}: not http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("invalid URL {raw:?}: no host"));
    }
    url.set_fragment(None);
    if let Some(query) = url.query() {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && !is_tracker(pair))
            .collect();
        let kept = kept.join("&");
        url.set_query(if kept.is_empty() { None } else { Some(&kept) });
    }
    Ok(url.to_string())
}

fn is_tracker(pair: &str) -> bool {
    let key = pair.split('=').next().unwrap_or("");
    let key = percent_decode_lower(key);
    TRACKERS.contains(&key.as_str()) || TRACKER_PREFIXES.iter().any(|p| key.starts_with(p))
}

/// Keys are compared decoded, so `utm%5Fsource` is caught too.
fn percent_decode_lower(key: &str) -> String {
    url::form_urlencoded::parse(key.as_bytes())
        .next()
        .map_or_else(String::new, |(k, _)| k.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::canonical;

    fn c(s: &str) -> Result<String, String> {
        canonical(s)
    }

    #[test]
    fn canonical_forms() {
        assert_eq!(
            c("HTTPS://WWW.Example.COM:443/News/Story?id=7#comments").unwrap(),
            "https://www.example.com/News/Story?id=7"
        );
        assert_eq!(
            c("http://example.com:80/a").unwrap(),
            "http://example.com/a"
        );
        assert_eq!(
            c("http://example.com:8080/a").unwrap(),
            "http://example.com:8080/a"
        );
        assert_eq!(
            c("https://example.com/a?utm_source=x&b=2&fbclid=abc&a=1&gclid=1&at_medium=rss")
                .unwrap(),
            "https://example.com/a?b=2&a=1"
        );
        assert_eq!(
            c("https://example.com/a?utm_source=x&utm_medium=y").unwrap(),
            "https://example.com/a"
        );
        assert_eq!(
            c("https://example.com/a?").unwrap(),
            "https://example.com/a"
        );
        assert_eq!(
            c("https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&ref_src=4&_ga=5").unwrap(),
            "https://example.com/a"
        );
        assert_eq!(c("https://example.com").unwrap(), "https://example.com/");
        assert_eq!(
            c("https://example.com/a/../b/./c").unwrap(),
            "https://example.com/b/c"
        );
        assert_eq!(c("//example.com/x").unwrap(), "https://example.com/x");
        assert_eq!(
            c("https://example.com/a?q=UTM_x&utm%5Fsource=1").unwrap(),
            "https://example.com/a?q=UTM_x"
        );
    }

    #[test]
    fn invalid() {
        assert!(c("not a url").is_err());
        assert!(c("www.example.com/story").is_err());
        assert!(c("mailto:a@b.c").is_err());
        assert!(c("javascript:alert(1)").is_err());
        assert!(c("http://").is_err());
    }
}
