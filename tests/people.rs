//! Integration tests for people across articles (issue 4): the real binary on small generated articles.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The binary with its database in `dir`; `--quiet` unless a test reads the summary on stderr.
fn newsdb(dir: &TempDir, quiet: bool) -> Command {
    let mut cmd = Command::cargo_bin("newsdb").unwrap();
    cmd.env_remove("NEWSDB_DB").arg("--db").arg(dir.path().join("news.sqlite"));
    if quiet {
        cmd.arg("--quiet");
    }
    cmd
}

/// Plain-text articles (title line, blank line, body) written to `dir`, returned in the order given.
fn articles(dir: &TempDir, texts: &[(&str, &str)]) -> Vec<PathBuf> {
    texts
        .iter()
        .enumerate()
        .map(|(i, (title, body))| {
            let path = dir.path().join(format!("{:02}.txt", i + 1));
            std::fs::write(&path, format!("{title}\n\n{body}\n")).unwrap();
            path
        })
        .collect()
}

fn ingest(dir: &TempDir, files: &[PathBuf], jobs: &str) {
    newsdb(dir, true).arg("ingest").arg("--jobs").arg(jobs).args(files).assert().success();
}

fn json(dir: &TempDir, args: &[&str]) -> Value {
    let out = newsdb(dir, true).args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// name -> (articles, statements) from `report people`.
fn people(dir: &TempDir) -> Vec<(String, i64, i64)> {
    let rows = json(dir, &["report", "people"]);
    let mut people: Vec<(String, i64, i64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["articles"].as_i64().unwrap(),
                r["statements"].as_i64().unwrap(),
            )
        })
        .collect();
    people.sort();
    people
}

const GALLYAMOV_SURNAME: (&str, &str) = (
    "Referendum was a trap",
    "Gallyamov said he expected the talks to fail. \"The Kremlin fell into its own trap,\" said Mr Gallyamov.",
);
const GALLYAMOV_FULL: (&str, &str) =
    ("Talks stall", "Abbas Gallyamov said he saw no way out for the Kremlin before the spring.");
const PUTIN_SURNAME: (&str, &str) =
    ("Kremlin view", "Mr Putin said he would continue the operation. \"We will win,\" Mr Putin said.");
const PUTIN_FULL: (&str, &str) = ("Kremlin again", "Vladimir Putin said he was ready for talks on his own terms.");

/// Issue 4: "Mr Gallyamov" in one article and "Abbas Gallyamov" in a later one are one person, whatever --jobs.
#[test]
fn surname_only_person_is_absorbed_by_a_later_full_name() {
    let mut results = Vec::new();
    for jobs in ["1", "3"] {
        let dir = TempDir::new().unwrap();
        let files = articles(&dir, &[GALLYAMOV_SURNAME, GALLYAMOV_FULL, PUTIN_FULL, PUTIN_SURNAME]);
        ingest(&dir, &files, jobs);
        let found = people(&dir);
        let names: Vec<&str> = found.iter().map(|(name, _, _)| name.as_str()).collect();
        assert_eq!(names, ["Abbas Gallyamov", "Vladimir Putin"], "{found:?}");
        assert!(found.iter().all(|&(_, articles, statements)| articles == 2 && statements >= 2), "{found:?}");
        // The surname-only article's statements are now the full name's, also through the surname.
        let quotes = json(&dir, &["report", "quotes", "--person", "Gallyamov"]);
        let quotes = quotes.as_array().unwrap();
        assert!(quotes.iter().all(|q| q["speaker"] == "Abbas Gallyamov"), "{quotes:?}");
        assert!(quotes.iter().any(|q| q["title"] == "Referendum was a trap"), "{quotes:?}");
        results.push(found);
    }
    assert_eq!(results[0], results[1]);
}

/// Issue 4: a bare surname that two known people share belongs to neither.
#[test]
fn shared_surname_stays_apart() {
    let dir = TempDir::new().unwrap();
    let files = articles(
        &dir,
        &[
            ("Budget", "John Smith said he would vote against the budget."),
            ("Schools", "Jane Smith said she would reopen the schools."),
            ("Resignation", "Mr Smith said he would resign. \"It is time,\" Mr Smith said."),
            ("Budget again", "John Smith said he had changed his mind."),
        ],
    );
    ingest(&dir, &files, "2");
    let names: Vec<String> = people(&dir).into_iter().map(|(name, _, _)| name).collect();
    assert_eq!(names, ["Jane Smith", "John Smith", "Smith"]);
}

/// Issue 4: `people alias add` takes effect at the next ingest, `people merge` joins two people and says what
/// moved, `people show` prints the profile, and bad names are usage errors.
#[test]
fn people_commands_alias_merge_and_show() {
    let dir = TempDir::new().unwrap();
    let files = articles(&dir, &[GALLYAMOV_FULL, PUTIN_FULL]);
    ingest(&dir, &files, "2");

    newsdb(&dir, true).args(["people", "alias", "add", "abbas gallyamov", "Galliamov"]).assert().success();
    let later = dir.path().join("later.txt");
    std::fs::write(&later, "Another view\n\nMr Galliamov said the referendum would change nothing.\n").unwrap();
    ingest(&dir, &[later], "1");
    let found = people(&dir);
    assert!(found.contains(&("Abbas Gallyamov".to_string(), 2, 2)), "{found:?}");
    let aliases = json(&dir, &["people", "alias", "list", "Galliamov"]);
    assert!(aliases.as_array().unwrap().iter().any(|a| a["alias"] == "Galliamov"), "{aliases}");

    let out = newsdb(&dir, false).args(["people", "merge", "Abbas Gallyamov", "Vladimir Putin"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("merged Vladimir Putin into Abbas Gallyamov: "), "{stderr}");
    assert!(stderr.contains(" 1 statements, "), "{stderr}");

    let show = json(&dir, &["people", "show", "Putin", "--limit", "2"]);
    assert_eq!(show["person"][0]["name"], "Abbas Gallyamov");
    assert_eq!(show["person"][0]["articles"], 3);
    assert_eq!(show["person"][0]["statements"], 3);
    let aliases: Vec<&str> = show["aliases"].as_array().unwrap().iter().map(|a| a["alias"].as_str().unwrap()).collect();
    assert!(aliases.contains(&"Vladimir Putin") && aliases.contains(&"Putin"), "{aliases:?}");
    assert_eq!(show["statements"].as_array().unwrap().len(), 2);

    let markdown = newsdb(&dir, true).args(["people", "show", "Abbas Gallyamov", "-f", "markdown"]).output().unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(markdown.starts_with("## person\n\n| id | name |"), "{markdown}");

    for args in [
        &["people", "merge", "Abbas Gallyamov", "Vladimir Putin"][..],
        &["people", "merge", "Gallyamov", "Abbas Gallyamov"],
        &["people", "show", "Nobody"],
        &["people", "alias", "remove", "Abbas Gallyamov", "Nobody"],
    ] {
        newsdb(&dir, true).args(args).assert().code(2);
    }
}

/// Issue 11: two full names of note share the surname, so a bare "Mr Smith" stays apart; `people show` lists whom it
/// may be and `people check` suggests the merges and a name with no person evidence. A middle-initial variant is no
/// longer among them: ingest joins "Vladimir V. Putin" and "Vladimir Putin" itself.
#[test]
fn people_check_and_show_list_candidates() {
    let dir = TempDir::new().unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    for i in 1..=3 {
        texts.push((format!("Budget {i}"), format!("John Smith said the budget was fair in part {i}.")));
        texts.push((format!("Plan {i}"), format!("Jane Smith said the plan would fail in round {i}.")));
    }
    texts.push(("Resignation".into(), "Mr Smith said he would resign. Smith added that he was tired.".into()));
    texts.push(("No".into(), "Vladimir V. Putin said no.".into()));
    texts.push(("Yes".into(), "Vladimir Putin said yes.".into()));
    // A team named without evidence in its own article ("Sale Sharks fans" would keep it out at extraction).
    texts.push(("Cup".into(), "Sale Sharks won again at Edgeley Park.".into()));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let files = articles(&dir, &texts);
    ingest(&dir, &files, "2");

    let show = json(&dir, &["people", "show", "Smith"]);
    let may_be: Vec<String> = show["may be"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {}", c["name"].as_str().unwrap(), c["mentions"]))
        .collect();
    assert_eq!(may_be, ["Jane Smith 3", "John Smith 3"], "{show}");
    assert!(json(&dir, &["people", "show", "John Smith"]).get("may be").is_none());

    let check = json(&dir, &["people", "check"]);
    let commands: Vec<&str> =
        check["duplicates"].as_array().unwrap().iter().map(|d| d["command"].as_str().unwrap()).collect();
    assert_eq!(
        commands,
        [r#"newsdb people merge "Jane Smith" "Smith""#, r#"newsdb people merge "John Smith" "Smith""#,],
        "{check}"
    );
    assert_eq!(check["duplicates"][0]["kind"], "surname: plausible full name");
    // One mention each: the fuller form names the person.
    assert!(people(&dir).contains(&("Vladimir V. Putin".to_string(), 2, 0)), "{:?}", people(&dir));
    let non_people: Vec<&str> =
        check["non-people"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(non_people, ["Sale Sharks"], "{check}");

    // The suggested command runs as printed (here without a shell: the quoted names are its arguments).
    newsdb(&dir, true).args(["people", "merge", "John Smith", "Smith"]).assert().success();
    let check = json(&dir, &["people", "check"]);
    assert_eq!(check["duplicates"].as_array().unwrap().len(), 0, "{check}");

    let help = newsdb(&dir, true).args(["people", "check", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("Example:") && help.contains("newsdb people check --limit 20"), "{help}");
}

/// Issue 11: "Donald J. Trump" and "Donald Trump" are one person, named by the more mentioned form, and a bare
/// "Trump" then joins them over Melania Trump; "George W. Bush" and "George H. W. Bush" stay two people and a plain
/// "George Bush" is neither.
#[test]
fn middle_initial_variants_join_unless_two_initials_compete() {
    let dir = TempDir::new().unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    for i in 1..=4 {
        texts.push((format!("Rally {i}"), format!("Donald Trump said the rally in town {i} was huge.")));
    }
    texts.push(("Order".into(), "Donald J. Trump signed the order. Donald J. Trump said it was fair.".into()));
    texts.push(("Visit".into(), "Melania Trump said she liked the garden.".into()));
    texts.push(("Tweet".into(), "Mr Trump said the press was unfair. Trump added that he would win.".into()));
    texts.push(("War".into(), "George W. Bush said the war would be short.".into()));
    texts.push(("Gulf".into(), "George H. W. Bush said the coalition was strong.".into()));
    texts.push(("Library".into(), "George Bush said the library would open in spring.".into()));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let files = articles(&dir, &texts);
    ingest(&dir, &files, "2");
    let found = people(&dir);
    let names: Vec<&str> = found.iter().map(|(name, _, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["Donald Trump", "George Bush", "George H. W. Bush", "George W. Bush", "Melania Trump"],
        "{found:?}"
    );
    assert!(found.contains(&("Donald Trump".to_string(), 6, 7)), "{found:?}");
    let show = json(&dir, &["people", "show", "Donald J. Trump"]);
    assert_eq!(show["person"][0]["name"], "Donald Trump", "{show}");
}

/// Issue 11: an article naming Richey Edwards and Sherry Edwards and then "Edwards" keeps that "Edwards" apart
/// from Jeremy Edwards, who dominates the corpus and takes a bare "Edwards" elsewhere.
#[test]
fn a_surname_the_article_leaves_apart_stays_apart() {
    let dir = TempDir::new().unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    for i in 1..=4 {
        texts.push((format!("Fixture {i}"), format!("Jeremy Edwards said the side would win match {i}.")));
    }
    texts.push((
        "Manics".into(),
        "Richey Edwards wrote the lyrics. His sister Sherry Edwards said the band had changed. \
         \"It was hard,\" Edwards said."
            .into(),
    ));
    texts.push(("Coach".into(), "Mr Edwards said the team was tired.".into()));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let files = articles(&dir, &texts);
    ingest(&dir, &files, "2");
    let found = people(&dir);
    assert!(found.contains(&("Jeremy Edwards".to_string(), 5, 5)), "{found:?}");
    assert!(found.contains(&("Edwards".to_string(), 1, 1)), "{found:?}");
    let quotes = json(&dir, &["report", "quotes", "--person", "Jeremy Edwards"]);
    assert!(quotes.as_array().unwrap().iter().all(|q| q["title"] != "Manics"), "{quotes}");
}

/// Issue 11: a bare word that is one person's surname and other people's given name ("Charles": Ray Charles, and
/// Charles Kennedy and Charles Clarke of politics) joins no one across articles.
#[test]
fn a_surname_that_is_a_given_name_of_note_stays_apart() {
    let dir = TempDir::new().unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    for i in 0..3 {
        texts.push((format!("Soul {i}"), "Ray Charles sang at the gala. Ray Charles was cheered.".into()));
        texts.push((
            format!("Party {i}"),
            "Charles Kennedy spoke in Bath. Charles Kennedy said taxes must rise.".into(),
        ));
    }
    texts.push(("Hunt".into(), "MPs debated the hunt ban. Charles said the vote was a farce.".into()));
    let texts: Vec<(&str, &str)> = texts.iter().map(|(t, b)| (t.as_str(), b.as_str())).collect();
    let files = articles(&dir, &texts);
    ingest(&dir, &files, "3");
    let ray = json(&dir, &["people", "show", "Ray Charles"]);
    assert_eq!(ray["person"][0]["articles"], 3, "{ray}");
}
