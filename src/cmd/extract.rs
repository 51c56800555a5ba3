//! `newsdb extract`: run the pipeline without a database and print what was found in each article.

use std::io::Write;

use serde::Serialize;
use serde_json::json;

use crate::cli::{ExtractArgs, ExtractFormat};
use crate::model::{Article, CueClass, Extraction, Span};
use crate::pipeline::{self, Processed};
use crate::{output, Error, Result};

fn pair(span: &Span) -> [usize; 2] {
    [span.start, span.end]
}

/// The printed form of one article: offsets are character offsets into `body`.
fn article_json(article: &Article, extraction: &Extraction, class: Option<CueClass>) -> serde_json::Value {
    let people: Vec<_> = extraction
        .people
        .iter()
        .map(|p| {
            json!({
                "name": p.name,
                "aliases": p.aliases,
                "roles": p.roles,
                "mentions": p.mentions.iter().map(pair).collect::<Vec<_>>(),
            })
        })
        .collect();
    let statements: Vec<_> = extraction
        .statements
        .iter()
        .filter(|s| class.is_none_or(|c| s.cue_class == c))
        .map(|s| {
            json!({
                "text": s.text.text,
                "start": s.text.start,
                "end": s.text.end,
                "kind": s.kind,
                "cue": s.cue,
                "cue_class": s.cue_class,
                "rule": s.rule,
                "speaker": s.speaker.and_then(|i| extraction.people.get(i)).map(|p| &p.name),
                "speaker_span": s.speaker_span.as_ref().map(pair),
                "source_label": s.source_label,
                "attribution": s.attribution,
            })
        })
        .collect();
    json!({
        "source": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published_at": article.published_at,
        "language": article.language,
        "body": article.body,
        "people": people,
        "statements": statements,
        "topics": extraction.topics,
        "warnings": article.warnings,
    })
}

fn write_json(out: &mut dyn Write, value: &impl Serialize, pretty: bool) -> Result<()> {
    let written =
        if pretty { serde_json::to_writer_pretty(&mut *out, value) } else { serde_json::to_writer(&mut *out, value) };
    written.map_err(|e| Error::Output(e.into()))?;
    out.write_all(b"\n").map_err(Error::Output)
}

pub fn run(args: &ExtractArgs) -> Result<()> {
    let mut out = output::writer(args.output.as_deref())?;
    let mut articles = Vec::new();
    let mut failed = 0;
    let mut total = 0;
    let mut deliver = |processed: Processed| -> Result<()> {
        total += 1;
        match processed {
            Ok((article, extraction)) => {
                for warning in &article.warnings {
                    crate::stderr!("warning: {}: {warning}", article.source);
                }
                let value = article_json(&article, &extraction, args.cue_class.class());
                match args.format {
                    // Each article as soon as it is done, so a long run can be piped and watched.
                    ExtractFormat::Jsonl => {
                        write_json(&mut out, &value, false)?;
                        out.flush().map_err(Error::Output)?;
                    }
                    ExtractFormat::Json => articles.push(value),
                }
            }
            Err(error) => {
                crate::stderr!("error: {error}");
                failed += 1;
            }
        }
        Ok(())
    };
    pipeline::run(&args.input, None, &mut (), &mut deliver)?;
    if args.format == ExtractFormat::Json {
        write_json(&mut out, &articles, true)?;
    }
    out.flush().map_err(Error::Output)?;
    if failed > 0 {
        return Err(Error::PartialFailure { failed, total });
    }
    Ok(())
}
