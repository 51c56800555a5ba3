//! `newsdb feed`: manage subscriptions (add, list, remove) and move them in and out as OPML 2.0.

use std::io::Write;
use std::path::Path;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::cli::{FeedAddArgs, FeedCommand, FeedExportArgs, FeedImportArgs, FeedRemoveArgs};
use crate::source::opml;
use crate::store::{db, feeds};
use crate::{output, Error, Result};

pub fn run(command: &FeedCommand, db_path: &Path, quiet: bool) -> Result<()> {
    match command {
        FeedCommand::Add(args) => add(args, db_path, quiet),
        FeedCommand::List(args) => output::print(&feeds::list(&db::open_read_only(db_path)?)?, &args.output),
        FeedCommand::Remove(args) => remove(args, db_path, quiet),
        FeedCommand::Import(args) => import(args, db_path, quiet),
        FeedCommand::Export(args) => export(args, db_path),
    }
}

fn add(args: &FeedAddArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let url = check_url(&args.url).map_err(|message| Error::Usage(format!("{}: {message}", args.url)))?;
    let conn = db::open(db_path)?;
    let (id, new) = db::retry_busy(db_path, || feeds::add(&conn, &url, args.outlet.as_deref(), None))?;
    if !quiet {
        match new {
            true => crate::stderr!("added feed {id}: {url}"),
            false => crate::stderr!("already subscribed: feed {id}: {url}"),
        }
    }
    Ok(())
}

/// A feed URL must be absolute http(s); it is stored as the URL parser writes it, so that the
/// same feed typed twice (`HTTP://Example.com/feed`) is one subscription.
fn check_url(text: &str) -> std::result::Result<String, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("not a valid URL ({e})"))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some() => Ok(url.to_string()),
        _ => Err("not an http or https URL".to_string()),
    }
}

fn remove(args: &FeedRemoveArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let conn = db::open(db_path)?;
    let Some((id, url)) = feeds::find(&conn, &args.feed)? else {
        return Err(Error::Usage(format!("no feed with id or URL {:?} (see `newsdb feed list`)", args.feed)));
    };
    db::retry_busy(db_path, || feeds::remove(&conn, id))?;
    if !quiet {
        crate::stderr!("removed feed {id}: {url}");
    }
    Ok(())
}

fn import(args: &FeedImportArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let bytes = std::fs::read(&args.file).map_err(|e| Error::io(&args.file, e))?;
    let name = args.file.display().to_string();
    let outlines = opml::parse(&bytes).map_err(|message| Error::input(&name, message))?;
    let mut valid = Vec::with_capacity(outlines.len());
    let mut invalid = 0;
    for outline in &outlines {
        match check_url(&outline.xml_url) {
            Ok(url) => valid.push((url, outline)),
            Err(message) => {
                invalid += 1;
                crate::stderr!("warning: {name}: skipped {:?}: {message}", outline.xml_url);
            }
        }
    }
    let mut conn = db::open(db_path)?;
    let (added, duplicate) = db::retry_busy(db_path, || {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (mut added, mut duplicate) = (0, 0);
        for (url, outline) in &valid {
            // OPML writers put the feed's name in title, text or both; a name that is only the URL names nothing.
            let label = outline.title.as_deref().or(outline.text.as_deref()).filter(|l| *l != outline.xml_url);
            match feeds::add(&tx, url, label, label)?.1 {
                true => added += 1,
                false => duplicate += 1,
            }
        }
        tx.commit()?;
        Ok((added, duplicate))
    })?;
    if !quiet {
        crate::stderr!("{name}: {added} feeds added, {duplicate} already subscribed, {invalid} skipped");
    }
    Ok(())
}

fn export(args: &FeedExportArgs, db_path: &Path) -> Result<()> {
    let all = feeds::all(&db::open_read_only(db_path)?)?;
    let opml = write_opml(&all).map_err(Error::Output)?;
    let mut out = output::writer(args.output.as_deref())?;
    out.write_all(&opml).and_then(|()| out.flush()).map_err(Error::Output)
}

/// OPML 2.0: `text` is required, so a feed without outlet or title is named by its URL.
fn write_opml(all: &[feeds::Feed]) -> std::io::Result<Vec<u8>> {
    let mut writer = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.write_event(Event::Start(BytesStart::new("opml").with_attributes([("version", "2.0")])))?;
    writer.write_event(Event::Start(BytesStart::new("head")))?;
    writer.write_event(Event::Start(BytesStart::new("title")))?;
    writer.write_event(Event::Text(BytesText::new("newsdb subscriptions")))?;
    writer.write_event(Event::End(BytesEnd::new("title")))?;
    writer.write_event(Event::Start(BytesStart::new("dateCreated")))?;
    writer.write_event(Event::Text(BytesText::new(&chrono::Utc::now().to_rfc2822())))?;
    writer.write_event(Event::End(BytesEnd::new("dateCreated")))?;
    writer.write_event(Event::End(BytesEnd::new("head")))?;
    writer.write_event(Event::Start(BytesStart::new("body")))?;
    for feed in all {
        let name = feed.outlet.as_deref().or(feed.title.as_deref()).unwrap_or(&feed.url);
        let mut outline = BytesStart::new("outline");
        outline.push_attribute(("type", "rss"));
        outline.push_attribute(("text", name));
        if let Some(outlet) = &feed.outlet {
            outline.push_attribute(("title", outlet.as_str()));
        }
        outline.push_attribute(("xmlUrl", feed.url.as_str()));
        writer.write_event(Event::Empty(outline))?;
    }
    writer.write_event(Event::End(BytesEnd::new("body")))?;
    writer.write_event(Event::End(BytesEnd::new("opml")))?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_escapes_and_reimports() {
        let feed = feeds::Feed {
            id: 1,
            url: "https://example.com/feed?a=1&b=2".to_string(),
            outlet: Some("A \"quoted\" <outlet>".to_string()),
            title: None,
            etag: None,
            last_modified: None,
        };
        let bytes = write_opml(&[feed]).unwrap();
        let back = opml::parse(&bytes).unwrap();
        assert_eq!(back[0].xml_url, "https://example.com/feed?a=1&b=2");
        assert_eq!(back[0].title.as_deref(), Some("A \"quoted\" <outlet>"));
    }
}
