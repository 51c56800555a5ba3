//! Readers: turn inputs (files, directories, globs, stdin) into IncomingArticles, one reader per format.
//!
//! Directory walks skip entries whose name starts with `.` (hidden files and directories such as
//! `.git`) and files whose extension marks them as clearly not articles (images, archives, office
//! documents, databases; see `NON_ARTICLE_EXTENSIONS`). A file named on the command line or matched
//! by a glob is always read: the user asked for it.
//!
//! Format `auto` goes by extension, then by content (see `detect`). HTML and XML (pages, RSS/Atom)
//! are refused with a clear error rather than stored as text; the feed and page readers hook in there.

mod decode;
mod depth;
mod detect;
pub mod feed;
pub mod html;
pub mod http;
mod json;
mod markdown;
pub mod opml;
mod text;

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::cli::InputFormat;
use crate::limits::Limits;
use crate::model::IncomingArticle;
use crate::{Error, Result};

use detect::Format;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
    Url(String),
}

impl Input {
    /// The name used in messages and in `articles.source`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Path(p) => p.display().to_string(),
            Input::Url(u) => u.clone(),
        }
    }
}

/// Extensions a directory walk skips: never news text, and reading them only produces errors.
const NON_ARTICLE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "svg", "heic", "mp3", "mp4", "m4a", "wav", "ogg",
    "mov", "avi", "mkv", "webm", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "pdf", "doc", "docx",
    "xls", "xlsx", "ppt", "pptx", "odt", "ods", "sqlite", "sqlite3", "db", "exe", "dll", "so", "dylib", "bin", "class",
    "jar", "pyc", "o", "a", "wasm", "woff", "woff2", "ttf", "otf", "lock",
];

/// How much of a stream is sniffed for format detection before reading on.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Expands the command-line inputs, in order: directories recursively (sorted), globs (sorted).
/// An argument that names nothing is an `Err` in its place.
pub fn expand(args: &[String]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        if http::is_url(arg) {
            out.push(Ok(Input::Url(arg.clone())));
            continue;
        }
        let path = Path::new(arg);
        if path.exists() {
            expand_path(path, &mut out);
        } else if arg.contains(['*', '?', '[']) {
            expand_glob(arg, &mut out);
        } else {
            out.push(Err(Error::input(arg.as_str(), "no such file or directory")));
        }
    }
    out
}

fn expand_path(path: &Path, out: &mut Vec<Result<Input>>) {
    if path.is_dir() {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        walk(path, &mut HashSet::new(), &mut files, &mut errors);
        if files.is_empty() && errors.is_empty() {
            // Silence here would look like success with nothing to do.
            errors.push(Error::input(path.display().to_string(), "no input files in directory"));
        }
        files.sort();
        out.extend(files.into_iter().map(|p| Ok(Input::Path(p))));
        out.extend(errors.into_iter().map(Err));
    } else {
        out.push(Ok(Input::Path(path.to_path_buf())));
    }
}

fn expand_glob(pattern: &str, out: &mut Vec<Result<Input>>) {
    // Like a shell, `*` does not match a leading dot.
    let options = glob::MatchOptions { require_literal_leading_dot: true, ..Default::default() };
    let paths = match glob::glob_with(pattern, options) {
        Ok(paths) => paths,
        Err(e) => {
            out.push(Err(Error::input(pattern, format!("bad glob pattern: {}", e.msg))));
            return;
        }
    };
    let mut matched = Vec::new();
    for entry in paths {
        match entry {
            Ok(p) => matched.push(p),
            Err(e) => {
                out.push(Err(Error::input(e.path().display().to_string(), format!("cannot read: {}", e.error()))))
            }
        }
    }
    if matched.is_empty() {
        out.push(Err(Error::input(pattern, "glob matched nothing")));
    }
    matched.sort();
    for p in matched {
        expand_path(&p, out);
    }
}

/// Recursive directory walk; `seen` holds canonical directories so symlink loops end.
fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    if let Ok(canonical) = dir.canonicalize() {
        if !seen.insert(canonical) {
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Error::input(dir.display().to_string(), format!("cannot read directory: {e}")));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(Error::input(dir.display().to_string(), format!("cannot read directory: {e}")));
                continue;
            }
        };
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // metadata() follows symlinks, so linked files and directories are read like real ones.
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, seen, files, errors),
            Ok(m) if m.is_file() && !is_non_article(&path) => files.push(path),
            Ok(_) => {}
            Err(e) => errors.push(Error::input(path.display().to_string(), format!("cannot read: {e}"))),
        }
    }
}

fn is_non_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| NON_ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

type Articles = Box<dyn Iterator<Item = Result<IncomingArticle>> + Send>;

/// Reads every article of one input, lazily and in order, within the default limits (see [`read_with`]).
pub fn read(input: &Input, format: InputFormat) -> Box<dyn Iterator<Item = Result<IncomingArticle>> + Send> {
    read_with(input, format, &Limits::default())
}

/// Reads every article of one input, lazily and in order. A failure of the whole input is one `Err`;
/// a bad record of a multi-record input (a JSONL line) is an `Err` in its place and the rest still read.
/// `limits` bounds what is read: an input read whole that is larger than `max_input_bytes` is refused before
/// it is read, a longer JSONL line is an `Err` for that line, and the feed and page readers apply the rest.
pub fn read_with(
    input: &Input,
    format: InputFormat,
    limits: &Limits,
) -> Box<dyn Iterator<Item = Result<IncomingArticle>> + Send> {
    // Nothing is opened until the first `next()`, so expanding many inputs costs no file handles.
    let input = input.clone();
    let limits = *limits;
    let mut pending = Some((input, format));
    let mut running: Option<Articles> = None;
    Box::new(std::iter::from_fn(move || {
        if let Some((input, format)) = pending.take() {
            running = Some(open(&input, format, &limits));
        }
        running.as_mut()?.next()
    }))
}

fn open(input: &Input, format: InputFormat, limits: &Limits) -> Articles {
    if let Input::Url(url) = input {
        return Box::new(http::read_url_with(url, format, limits).into_iter());
    }
    let name = input.name();
    let (reader, size): (Box<dyn Read + Send>, Option<u64>) = match input {
        Input::Stdin | Input::Url(_) => (Box::new(std::io::stdin()), None),
        Input::Path(p) => match File::open(p) {
            Ok(f) => {
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size)
            }
            Err(e) => return one_err(Error::input(name, io_message(&e))),
        },
    };
    let by_ext = match input {
        Input::Path(p) => detect::by_extension(p),
        Input::Stdin | Input::Url(_) => None,
    };
    open_reader(name, reader, size, by_ext, format, limits)
}

/// Reads articles from bytes already in memory, by the same path a file takes: `name` plays the
/// file's path (its extension counts for `auto`). Exists so fuzz targets and tests reach every
/// reader without touching the file system.
pub fn read_bytes(name: &str, bytes: &[u8], format: InputFormat, limits: &Limits) -> Vec<Result<IncomingArticle>> {
    let by_ext = detect::by_extension(Path::new(name));
    let reader = Box::new(Cursor::new(bytes.to_vec()));
    open_reader(name.to_string(), reader, Some(bytes.len() as u64), by_ext, format, limits).collect()
}

/// Everything after opening: `size` is the input's length when known before reading (a file's).
fn open_reader(
    name: String,
    reader: Box<dyn Read + Send>,
    size: Option<u64>,
    by_ext: Option<Format>,
    format: InputFormat,
    limits: &Limits,
) -> Articles {
    let max = limits.max_input_bytes;
    // Sniff a prefix, then read on from it, so stdin (which cannot seek) works like a file.
    let mut prefix = Vec::new();
    let mut reader = reader;
    if let Err(e) = reader.by_ref().take(SNIFF_BYTES).read_to_end(&mut prefix) {
        return one_err(Error::input(name, io_message(&e)));
    }
    let format = Format::from_cli(format).or(by_ext).unwrap_or_else(|| detect::by_content(&prefix));
    let streamed = format == Format::Jsonl && !decode::is_wide(&prefix);
    // Told by the file's size before it is read, so a huge file costs no memory to refuse.
    if let Some(size) = size.filter(|&size| !streamed && size > max) {
        return one_err(Error::input(name, too_large(Some(size), max)));
    }
    if format == Format::Markup || (format == Format::Json && feed::looks_like_feed(&prefix)) {
        let bytes = match read_rest(prefix, reader, max) {
            Ok(bytes) => bytes,
            Err(message) => return one_err(Error::input(name, message)),
        };
        return Box::new(read_markup(&bytes, None, None, &name, limits).into_iter());
    }
    if streamed {
        // Streamed, so the whole-input checks of `decode` run on the prefix instead.
        if decode::looks_binary(&prefix) {
            return one_err(Error::input(name, "binary file, not text"));
        }
        let body = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&prefix);
        if (prefix.len() as u64) < SNIFF_BYTES && body.iter().all(u8::is_ascii_whitespace) {
            return one_err(Error::input(name, "empty file"));
        }
        return Box::new(
            json::JsonlReader::new(name, BufReader::new(Cursor::new(prefix).chain(reader))).with_max_line(max),
        );
    }

    let bytes = match read_rest(prefix, reader, max) {
        Ok(bytes) => bytes,
        Err(message) => return one_err(Error::input(name, message)),
    };
    let decoded = match decode::decode(&bytes) {
        Ok(d) => d,
        Err(e) => return one_err(Error::input(name, e.message())),
    };
    drop(bytes);
    match format {
        Format::Text | Format::Markdown => {
            let result = text::parse(&name, &decoded.text, format == Format::Markdown)
                .map(|mut a| {
                    let mut warnings = decoded.warnings;
                    warnings.append(&mut a.warnings);
                    a.warnings = warnings;
                    a
                })
                .map_err(|msg| Error::input(name, msg));
            Box::new(std::iter::once(result))
        }
        Format::Json if !json::is_value_stream(&decoded.text) => {
            Box::new(json::parse_document(&name, &decoded.text, &decoded.warnings).into_iter())
        }
        Format::Json | Format::Jsonl => Box::new(
            json::JsonlReader::new(name, Cursor::new(decoded.text.into_bytes()))
                .with_warnings(decoded.warnings)
                .with_max_line(max),
        ),
        // Markup is read before decoding, from the raw bytes; this arm only keeps the match whole.
        Format::Markup => {
            Box::new(read_markup(decoded.text.as_bytes(), Some("utf-8"), None, &name, limits).into_iter())
        }
    }
}

/// The sniffed prefix and the rest of the input, refused past `max` bytes: at most `max + 1` bytes are read,
/// so stdin (whose size is unknown) cannot fill memory either. The error is the message for the user.
fn read_rest(prefix: Vec<u8>, reader: impl Read, max: u64) -> std::result::Result<Vec<u8>, String> {
    let mut bytes = prefix;
    let room = max.saturating_add(1).saturating_sub(bytes.len() as u64);
    reader.take(room).read_to_end(&mut bytes).map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large(None, max));
    }
    Ok(bytes)
}

/// Why an input is refused for its size: the limit, the size when known, and the flag that raises the limit.
fn too_large(size: Option<u64>, max: u64) -> String {
    let size = size.map_or_else(|| "more than that".to_string(), |s| format!("this one is {}", http::human_bytes(s)));
    format!("input larger than the {} limit ({size}); raise it with --max-input-size", http::human_bytes(max))
}

/// A feed (every item) or an article page, told apart by content. Both readers find the charset
/// themselves (XML declaration, meta charset), so they get the raw bytes.
pub(crate) fn read_markup(
    bytes: &[u8],
    charset_hint: Option<&str>,
    page_url: Option<&str>,
    name: &str,
    limits: &Limits,
) -> Vec<Result<IncomingArticle>> {
    if feed::looks_like_feed(bytes) {
        return match feed::parse_with(bytes, name, charset_hint, limits) {
            Ok(parsed) => feed_records(parsed, name),
            Err(e) => vec![Err(e)],
        };
    }
    if html::looks_like_html(bytes) {
        return vec![html::parse_page_with(bytes, charset_hint, page_url, name, limits)];
    }
    vec![Err(Error::input(name, "looks like XML but is neither an RSS/Atom feed nor an HTML page"))]
}

/// A feed's items, with the feed's own warnings given to its first item (so they are shown and recorded
/// once); a feed without a usable item is an error that says so, never a silent nothing.
fn feed_records(parsed: feed::ParsedFeed, name: &str) -> Vec<Result<IncomingArticle>> {
    let mut items = parsed.items;
    match items.first_mut() {
        Some(first) => {
            let mut warnings = parsed.warnings;
            warnings.append(&mut first.warnings);
            first.warnings = warnings;
            items.into_iter().map(Ok).collect()
        }
        None => {
            let mut message = feed::nothing_read(parsed.skipped);
            for warning in &parsed.warnings {
                message.push_str("; ");
                message.push_str(warning);
            }
            vec![Err(Error::input(name, message))]
        }
    }
}

fn one_err(e: Error) -> Articles {
    Box::new(std::iter::once(Err(e)))
}

/// A one-line I/O message; "is a directory" and "not found" read better than the raw OS text.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests;
