//! HTTP: fetching feeds and pages politely and safely (conditional GET, bounded redirects, size cap,
//! retries with backoff), and reading one URL given on the command line as a feed or an article page.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::cli::InputFormat;
use crate::limits::Limits;
use crate::model::IncomingArticle;
use crate::source::{feed, html};
use crate::{Error, Result};

/// Sent with every request, so that site operators can see who is fetching and where to read about it.
pub const USER_AGENT: &str = concat!("newsdb/", env!("CARGO_PKG_VERSION"), " (+https://github.com/newsdb)");

/// How requests behave; the defaults suit polling real sites, tests shrink the delays.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The whole exchange, redirects and body included.
    pub timeout: Duration,
    /// Largest body accepted, after decompression (so a small compressed bomb cannot fill memory).
    pub max_bytes: u64,
    pub max_redirects: u32,
    /// Attempts in all when the server answers 429 or 5xx.
    pub tries: u32,
    /// Wait before the first retry; doubled for each one after, unless the server sends Retry-After.
    pub retry_backoff: Duration,
    /// Total time spent waiting between tries of one request; a longer Retry-After gives up instead.
    pub max_retry_wait: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(10),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            tries: 3,
            retry_backoff: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(60),
        }
    }
}

/// Validators from the previous fetch: (ETag, Last-Modified), either may be missing.
pub type Validators<'a> = (Option<&'a str>, Option<&'a str>);

/// What a fetch got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchResponse {
    /// 304: nothing changed since the validators were issued.
    NotModified,
    Body(Page),
}

/// A successful response with its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL after redirects.
    pub final_url: String,
    pub status: u16,
    /// The MIME type without parameters, lower case ("application/rss+xml").
    pub content_type: Option<String>,
    /// The charset parameter of Content-Type, as a hint for decoding.
    pub charset: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Decompressed body.
    pub body: Vec<u8>,
}

/// Why a fetch failed: the HTTP status when there was one, and a one-line message (without the URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub status: Option<u16>,
    pub message: String,
    /// The server's Retry-After on the last 429 or 5xx, so a poller can wait that long before asking again.
    pub retry_after: Option<Duration>,
}

impl FetchError {
    fn new(message: impl Into<String>) -> FetchError {
        FetchError { status: None, message: message.into(), retry_after: None }
    }

    fn status(status: u16, message: impl Into<String>) -> FetchError {
        FetchError { status: Some(status), message: message.into(), retry_after: None }
    }

    /// True when the server is down or asked us to slow down (no answer, 429, 5xx): the host should be asked
    /// less often, not just this URL again.
    pub fn is_host_failure(&self) -> bool {
        match self.status {
            None => true,
            Some(status) => status == 429 || (500..=599).contains(&status),
        }
    }
}

/// A reusable client: one connection pool shared by every request (and thread) of a run.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    options: FetchOptions,
}

/// Fetches one URL with a client made for this request only; see [`Client::fetch`].
pub fn fetch(url: &str, options: &FetchOptions, validators: Option<Validators>) -> Result<FetchResponse> {
    Client::new(options.clone()).fetch(url, validators)
}

impl Client {
    pub fn new(options: FetchOptions) -> Client {
        let agent = ureq::Agent::config_builder()
            // Redirects are followed here, not by ureq, to detect loops and keep the final URL.
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            // ureq decodes gzip and br itself; deflate is decoded below.
            .accept_encoding("gzip, deflate, br")
            .build()
            .new_agent();
        Client { agent, options }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// GETs `url`: conditional when validators are given, following redirects, retrying 429 and 5xx.
    /// Every error is one line naming the URL and what happened.
    pub fn fetch(&self, url: &str, validators: Option<Validators>) -> Result<FetchResponse> {
        self.try_fetch(url, validators).map_err(|e| Error::input(url, e.message))
    }

    /// As [`Client::fetch`], keeping the HTTP status of a failure apart from its message.
    pub fn try_fetch(
        &self,
        url: &str,
        validators: Option<Validators>,
    ) -> std::result::Result<FetchResponse, FetchError> {
        let mut waited = Duration::ZERO;
        let mut tries = 0;
        loop {
            tries += 1;
            // --timeout is per request, as its help says: each try gets the whole of it.
            match self.fetch_once(url, validators, self.options.timeout) {
                Attempt::Done(result) => return result,
                Attempt::Retry { status, retry_after } => {
                    let what = status_text(status);
                    let plural = if tries == 1 { "try" } else { "tries" };
                    if tries >= self.options.tries.max(1) {
                        let mut error = FetchError::status(status, format!("{what} after {tries} {plural}"));
                        error.retry_after = retry_after;
                        return Err(error);
                    }
                    let delay = retry_after.unwrap_or_else(|| backoff(self.options.retry_backoff, tries));
                    if waited + delay > self.options.max_retry_wait {
                        let budget = human(self.options.max_retry_wait);
                        let mut error = FetchError::status(
                            status,
                            format!(
                                "{what} after {tries} {plural} (waiting {} more would pass the {budget} retry budget)",
                                human(delay)
                            ),
                        );
                        error.retry_after = retry_after;
                        return Err(error);
                    }
                    std::thread::sleep(delay);
                    waited += delay;
                }
            }
        }
    }

    /// One exchange, following redirects within the time left.
    fn fetch_once(&self, url: &str, validators: Option<Validators>, time_left: Duration) -> Attempt {
        let deadline = Instant::now() + time_left;
        let timed_out =
            || Attempt::Done(Err(FetchError::new(format!("timed out after {}", human(self.options.timeout)))));
        let mut current = match parse_http_url(url) {
            Ok(u) => u,
            Err(message) => return Attempt::Done(Err(FetchError::new(message))),
        };
        let mut visited = vec![current.to_string()];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return timed_out();
            }
            let mut request = self.agent.get(current.as_str());
            if let Some((etag, last_modified)) = validators {
                if let Some(etag) = etag {
                    request = request.header("If-None-Match", etag);
                }
                if let Some(last_modified) = last_modified {
                    request = request.header("If-Modified-Since", last_modified);
                }
            }
            let mut response = match request.config().timeout_global(Some(left)).build().call() {
                Ok(r) => r,
                Err(ureq::Error::Timeout(_)) => return timed_out(),
                Err(e) => return Attempt::Done(Err(FetchError::new(transport_message(&e)))),
            };
            let status = response.status().as_u16();
            let header =
                |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(|v| v.trim().to_string());
            match status {
                301 | 302 | 303 | 307 | 308 => {
                    let Some(location) = header("location") else {
                        return Attempt::Done(Err(FetchError::status(
                            status,
                            format!("{} without a Location header", status_text(status)),
                        )));
                    };
                    let next = match current
                        .join(&location)
                        .map_err(|e| e.to_string())
                        .and_then(|u| parse_http_url(u.as_str()))
                    {
                        Ok(u) => u,
                        Err(e) => {
                            return Attempt::Done(Err(FetchError::status(
                                status,
                                format!("bad redirect to {location}: {e}"),
                            )))
                        }
                    };
                    if visited.contains(&next.to_string()) {
                        visited.push(next.to_string());
                        return Attempt::Done(Err(FetchError::status(
                            status,
                            format!("redirect loop: {}", visited.join(" -> ")),
                        )));
                    }
                    if visited.len() > self.options.max_redirects as usize {
                        return Attempt::Done(Err(FetchError::status(
                            status,
                            format!("more than {} redirects", self.options.max_redirects),
                        )));
                    }
                    visited.push(next.to_string());
                    current = next;
                }
                304 => return Attempt::Done(Ok(FetchResponse::NotModified)),
                429 | 500..=599 => {
                    let retry_after = header("retry-after").and_then(|v| parse_retry_after(&v));
                    return Attempt::Retry { status, retry_after };
                }
                200..=299 => {
                    let etag = header("etag");
                    let last_modified = header("last-modified");
                    let deflated = header("content-encoding").is_some_and(|v| v.eq_ignore_ascii_case("deflate"));
                    let body = response.body_mut();
                    let content_type = body.mime_type().map(|m| m.to_ascii_lowercase());
                    let charset = body.charset().map(str::to_string);
                    let max = self.options.max_bytes;
                    if !deflated && body.content_length().is_some_and(|n| n > max) {
                        return Attempt::Done(Err(FetchError::status(status, too_large(max))));
                    }
                    let reader = body.as_reader();
                    let bytes = if deflated {
                        deflate(reader).map_err(ReadError::Io).and_then(|r| read_capped(r, max))
                    } else {
                        read_capped(reader, max)
                    };
                    let bytes = match bytes {
                        Ok(b) => b,
                        Err(ReadError::TooLarge) => {
                            return Attempt::Done(Err(FetchError::status(status, too_large(max))))
                        }
                        Err(ReadError::Io(e)) => {
                            return match ureq::Error::from(e) {
                                ureq::Error::Timeout(_) => timed_out(),
                                e => Attempt::Done(Err(FetchError::status(
                                    status,
                                    format!("reading the response: {}", transport_message(&e)),
                                ))),
                            }
                        }
                    };
                    return Attempt::Done(Ok(FetchResponse::Body(Page {
                        final_url: current.to_string(),
                        status,
                        content_type,
                        charset,
                        etag,
                        last_modified,
                        body: bytes,
                    })));
                }
                _ => return Attempt::Done(Err(FetchError::status(status, status_text(status)))),
            }
        }
    }
}

enum Attempt {
    Done(std::result::Result<FetchResponse, FetchError>),
    Retry { status: u16, retry_after: Option<Duration> },
}

enum ReadError {
    TooLarge,
    Io(std::io::Error),
}

fn read_capped(reader: impl Read, max: u64) -> std::result::Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// `Content-Encoding: deflate` is zlib-wrapped by the standard, but some servers send raw deflate:
/// the first two bytes tell which.
fn deflate<'a>(mut reader: impl Read + 'a) -> std::io::Result<Box<dyn Read + 'a>> {
    let mut prefix = Vec::with_capacity(2);
    reader.by_ref().take(2).read_to_end(&mut prefix)?;
    let zlib =
        prefix.len() == 2 && prefix[0] & 0x0f == 8 && (u16::from(prefix[0]) << 8 | u16::from(prefix[1])) % 31 == 0;
    let whole = std::io::Cursor::new(prefix).chain(reader);
    Ok(if zlib {
        Box::new(flate2::read::ZlibDecoder::new(whole))
    } else {
        Box::new(flate2::read::DeflateDecoder::new(whole))
    })
}

fn too_large(max: u64) -> String {
    format!("response larger than {}", human_bytes(max))
}

pub(crate) fn human_bytes(n: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    match n {
        n if n >= MB && n % MB == 0 => format!("{} MB", n / MB),
        n if n >= MB => format!("{:.1} MB", n as f64 / MB as f64),
        n if n >= KB && n % KB == 0 => format!("{} KB", n / KB),
        n => format!("{n} bytes"),
    }
}

/// "10 s", "1.5 s", "250 ms".
pub fn human(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{} ms", d.as_millis())
    } else if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

fn status_text(status: u16) -> String {
    match http_reason(status) {
        Some(reason) => format!("status {status} {reason}"),
        None => format!("status {status}"),
    }
}

fn http_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

/// The wait before try `tries + 1`: backoff, 2 × backoff, 4 × backoff, ...
fn backoff(base: Duration, tries: u32) -> Duration {
    base.saturating_mul(1u32 << (tries - 1).min(16))
}

/// Retry-After is either seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

fn parse_http_url(url: &str) -> std::result::Result<url::Url, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("not a valid URL: {e}"))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host_str().is_some() => Ok(parsed),
        "http" | "https" => Err("URL has no host".to_string()),
        other => Err(format!("unsupported URL scheme {other}: (only http and https)")),
    }
}

/// ureq's errors in words a user can act on.
fn transport_message(error: &ureq::Error) -> String {
    match error {
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => "connection refused".to_string(),
        // The resolver's failure comes as a plain I/O error; say what it means.
        ureq::Error::Io(e) if e.to_string().contains("lookup address") => "host not found".to_string(),
        ureq::Error::Io(e) => format!("network error: {e}"),
        ureq::Error::Tls(e) => format!("TLS error: {e}"),
        other => other.to_string(),
    }
}

/// True when a command-line input is a web address rather than a path.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads one URL given as an input: a feed (every item) or an article page, told apart by the
/// Content-Type and then by the content itself. `format` other than auto is honoured only for
/// telling the user that URLs are read as feeds or pages.
pub fn read_url(url: &str, format: InputFormat) -> Vec<Result<IncomingArticle>> {
    read_url_with(url, format, &Limits::default())
}

/// [`read_url`] within `limits`: the response is capped at the smaller of `max_input_bytes` and the fetch
/// default, and the feed or page reader applies the rest.
pub fn read_url_with(url: &str, format: InputFormat, limits: &Limits) -> Vec<Result<IncomingArticle>> {
    let defaults = FetchOptions::default();
    let options = FetchOptions { max_bytes: defaults.max_bytes.min(limits.max_input_bytes), ..defaults };
    let page = match fetch(url, &options, None) {
        Ok(FetchResponse::Body(page)) => page,
        // No validators were sent, so a 304 is the server's mistake.
        Ok(FetchResponse::NotModified) => {
            return vec![Err(Error::input(url, "status 304 to an unconditional request"))]
        }
        Err(e) => return vec![Err(e)],
    };
    match kind_of(&page) {
        Kind::Feed | Kind::Html => {
            super::read_markup(&page.body, page.charset.as_deref(), Some(&page.final_url), url, limits)
        }
        Kind::Other => {
            let what = page.content_type.as_deref().unwrap_or("unknown content type");
            let asked = if format == InputFormat::Auto {
                String::new()
            } else {
                format!(" (--input-format {format:?} applies to files only)")
            };
            vec![Err(Error::input(url, format!("neither a feed nor an HTML page ({what}){asked}")))]
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Feed,
    Html,
    Other,
}

/// Servers label feeds as text/xml, text/html or text/plain often enough that the content decides
/// whenever the label is generic.
pub fn kind_of(page: &Page) -> Kind {
    let content_type = page.content_type.as_deref().unwrap_or("");
    if content_type.contains("rss") || content_type.contains("atom") || content_type == "application/feed+json" {
        return Kind::Feed;
    }
    if feed::looks_like_feed(&page.body) {
        return Kind::Feed;
    }
    if content_type.contains("html") || html::looks_like_html(&page.body) {
        return Kind::Html;
    }
    Kind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn backoff_doubles_and_does_not_overflow() {
        let base = Duration::from_millis(100);
        assert_eq!(backoff(base, 1), base);
        assert_eq!(backoff(base, 3), base * 4);
        assert!(backoff(Duration::from_secs(u64::MAX / 2), 40) >= Duration::from_secs(u64::MAX / 2));
    }

    #[test]
    fn sizes_and_durations_read_well() {
        assert_eq!(human_bytes(10 * 1024 * 1024), "10 MB");
        assert_eq!(human_bytes(100 * 1024), "100 KB");
        assert_eq!(human_bytes(1000), "1000 bytes");
        assert_eq!(human(Duration::from_secs(10)), "10 s");
        assert_eq!(human(Duration::from_millis(250)), "250 ms");
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http"));
        assert!(!is_url("./https/file.txt"));
        assert!(parse_http_url("mailto:x@example.com").is_err());
    }

    #[test]
    fn user_agent_names_the_version() {
        assert!(USER_AGENT.starts_with("newsdb/0.") && USER_AGENT.ends_with("(+https://github.com/newsdb)"));
    }
}
