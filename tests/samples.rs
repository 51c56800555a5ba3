//! Issue 11: every statement of every bundled sample, with its speaker, kind and cue class, end to end through
//! the binary: `extract` (attribution and the screen) and `ingest` (what the database stores and reports).
//! A change that gains, loses or alters any statement of the samples fails here; if the change is right, the
//! table below is updated with it, after reading the sample.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The binary with its database in `dir`.
fn newsdb(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("newsdb").unwrap();
    cmd.env_remove("NEWSDB_DB").arg("--db").arg(dir.path().join("news.sqlite")).arg("--quiet");
    cmd
}

/// One expected statement: the sample (file, or file:line of an export), the speaker (a person's name, else the
/// source as written), kind, cue class, and the text; a long text is given as its start and end joined by "…".
struct Expected {
    source: &'static str,
    speaker: &'static str,
    kind: &'static str,
    cue_class: &'static str,
    text: &'static str,
}

const fn e(
    source: &'static str,
    speaker: &'static str,
    kind: &'static str,
    cue_class: &'static str,
    text: &'static str,
) -> Expected {
    Expected { source, speaker, kind, cue_class, text }
}

/// Read and checked by hand against each sample (and ../shared/samples/gallyamov-channel24.expected.md).
const EXPECTED: &[Expected] = &[
    e("archive.json:1", "The health board", "indirect", "speech", "14,200 patients were waiting for planned treatment, down from 15,100 in July."),
    e("archive.json:1", "Amara Nwosu", "indirect", "speech", "the extra weekend clinics were working."),
    e("archive.json:1", "Amara Nwosu", "direct", "speech", "We are seeing people faster, but nobody should think the job is done"),
    e("archive.json:1", "Patients' groups", "indirect", "speech", "winter pressures could reverse the trend."),
    e("archive.json:2", "Edun Akenzua", "direct", "speech", "This is a day our families have waited for"),
    e("archive.json:2", "Clara Beaumont", "mixed", "speech", "the return was “the right thing, and long overdue”."),
    e("council-budget.md", "Helen Achterberg", "indirect", "speech", "the compromise protected the services residents used most."),
    e("council-budget.md", "Helen Achterberg", "direct", "speech", "We kept every library branch open and we found the money for the dredging without raising the levy"),
    e("council-budget.md", "Helen Achterberg", "direct", "speech", "Nobody got everything they wanted, and that is usually the sign of a fair deal."),
    e("council-budget.md", "David Mensah", "direct", "speech", "This budget borrows from next year to pay for this one"),
    e("council-budget.md", "David Mensah", "mixed", "speech", "the council would face \"the same hole, only deeper\" in twelve months."),
    e("council-budget.md", "Priya Raman", "indirect", "speech", "the dredging contract alone will cost $38 million over three years."),
    e("council-budget.md", "Priya Raman", "indirect", "speech", "interest rates could push the figure higher."),
    e("council-budget.md", "Police", "indirect", "speech", "the protest outside the town hall ended peacefully shortly after 1 am."),
    e("gallyamov-channel24.txt", "Abbas Gallyamov", "direct", "speech", "Referenda” in the occupied territories was a trap that the Kremlin fell into due to its own stupidity"),
    e("gallyamov-channel24.txt", "Abbas Gallyamov", "direct", "speech", "Kiriyenko (the first deputy head of the presidential adminis…g this topic into the information space."),
    e("gallyamov-channel24.txt", "Kiriyenko", "indirect", "speech", "it was impossible to accept territory into Russia that they could not hold militarily."),
    e("gallyamov-channel24.txt", "Abbas Gallyamov", "indirect", "speech", "Putin really needs negotiations."),
    e("gallyamov-channel24.txt", "Abbas Gallyamov", "direct", "speech", "Putin wants peace that can be sold to the Russians as a vict…delayed. So they are stuck in this fork."),
    e("harbour-strike-cp1252.txt", "their union", "indirect", "speech", "Dock workers at Northport harbour voted on Thursday to strike for 48 hours next week"),
    e("harbour-strike-cp1252.txt", "Dock workers at Northport harbour", "indirect", "intention", "to strike for 48 hours next week"),
    e("harbour-strike-cp1252.txt", "René Dubois", "direct", "speech", "We did not want this, but the company left us no choice"),
    e("harbour-strike-cp1252.txt", "René Dubois", "direct", "speech", "Our members have had one pay rise in five years."),
    e("harbour-strike-cp1252.txt", "The port operator", "mixed", "speech", "it was “disappointed” by the vote and that its offer of a 4% rise remained on the table."),
    e("harbour-strike-cp1252.txt", "A spokeswoman", "indirect", "speech", "talks would continue on Monday."),
    e("wire-export.jsonl:1", "the regional water authority", "indirect", "speech", "Farmers across the southern plains will face water rationing from next month after the driest autumn in four decades"),
    e("wire-export.jsonl:1", "Elena Duarte", "direct", "speech", "We have no choice. The reservoirs are at 23 percent and falling"),
    e("wire-export.jsonl:1", "Elena Duarte", "direct", "speech", "If the rains do not come by March, we will have to cut allocations again."),
    e("wire-export.jsonl:1", "Joaquim Ferreira", "indirect", "speech", "rationing would ruin smaller producers."),
    e("wire-export.jsonl:1", "Joaquim Ferreira", "direct", "speech", "My grandfather farmed this land through three droughts"),
    e("wire-export.jsonl:1", "Joaquim Ferreira", "direct", "speech", "This is the first time I think we might lose it."),
    e("wire-export.jsonl:1", "Climate scientists", "indirect", "speech", "the region's rainfall is becoming less reliable."),
    e("wire-export.jsonl:1", "Sofia Marques", "indirect", "speech", "average autumn rainfall has fallen by a fifth since 1990."),
    e("wire-export.jsonl:2", "Kwame Boateng", "direct", "speech", "I just closed my eyes and hit it"),
    e("wire-export.jsonl:2", "Kwame Boateng", "direct", "speech", "The lads deserved that."),
    e("wire-export.jsonl:2", "Ines Kowalczyk", "mixed", "speech", "the team had \"never stopped believing\" and that the title race was far from over."),
    e("wire-export.jsonl:2", "Marcus Hale", "indirect", "speech", "his players were exhausted after three matches in eight days."),
    e("wire-export.jsonl:3", "Anneliese Vogt", "mixed", "speech", "price growth was “moving in the right direction” but that the bank needed “more evidence” before acting."),
    e("wire-export.jsonl:3", "Anneliese Vogt", "direct", "speech", "We will not cut rates just because markets expect us to"),
    e("wire-export.jsonl:3", "the statistics office", "indirect", "speech", "Inflation fell to 2.9 percent in October"),
    e("wire-export.jsonl:3", "Economists at two big banks", "indirect", "speech", "they now expect the first cut in April."),
];

fn matches(expected: &Expected, source: &str, speaker: &str, kind: &str, cue_class: &str, text: &str) -> bool {
    let text_ok = match expected.text.split_once('…') {
        Some((start, end)) => text.starts_with(start) && text.ends_with(end),
        None => text == expected.text,
    };
    source.ends_with(expected.source)
        && speaker == expected.speaker
        && kind == expected.kind
        && cue_class == expected.cue_class
        && text_ok
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

#[test]
fn every_statement_of_the_samples_and_its_speaker() {
    let dir = TempDir::new().unwrap();
    let out = newsdb(&dir).arg("extract").arg(samples()).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = Vec::new();
    for article in &articles {
        for s in article["statements"].as_array().unwrap() {
            let speaker = s["speaker"].as_str().or(s["source_label"].as_str()).unwrap_or("(none)");
            found.push((
                str_of(article, "source").to_string(),
                speaker.to_string(),
                str_of(s, "kind").to_string(),
                str_of(s, "cue_class").to_string(),
                str_of(s, "text").to_string(),
            ));
        }
    }
    let missing: Vec<&str> = EXPECTED
        .iter()
        .filter(|x| !found.iter().any(|(src, sp, k, c, t)| matches(x, src, sp, k, c, t)))
        .map(|x| x.text)
        .collect();
    let unexpected: Vec<_> =
        found.iter().filter(|(src, sp, k, c, t)| !EXPECTED.iter().any(|x| matches(x, src, sp, k, c, t))).collect();
    assert!(missing.is_empty() && unexpected.is_empty(), "missing: {missing:#?}\nunexpected: {unexpected:#?}");
    assert_eq!(found.len(), EXPECTED.len());
}

/// The database holds the same statements, and `report quotes` shows the speech ones by default.
#[test]
fn the_samples_statements_are_stored_and_reported() {
    let dir = TempDir::new().unwrap();
    newsdb(&dir).arg("ingest").arg(samples()).assert().success();
    let rows = |args: &[&str]| -> Vec<Value> {
        let out = newsdb(&dir).args(args).args(["--format", "json"]).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let all = rows(&["report", "quotes", "--cue-class", "all", "--limit", "1000"]);
    assert_eq!(all.len(), EXPECTED.len());
    let speech = rows(&["report", "quotes", "--limit", "1000"]);
    assert_eq!(speech.len(), EXPECTED.iter().filter(|x| x.cue_class == "speech").count());
    for x in EXPECTED.iter().filter(|x| !x.text.contains('…')) {
        assert!(
            all.iter().any(|r| str_of(r, "text") == x.text && str_of(r, "speaker") == x.speaker),
            "{} ({}) not stored: {all:#?}",
            x.text,
            x.speaker
        );
    }
}
