//! Language codes: what the input says reduced to ISO 639-1, or a reliable guess from the text.

/// ISO 639-3 / 639-2 (both B and T) codes and English and native names -> ISO 639-1.
const LANGUAGES: &[(&str, &[&str])] = &[
    ("af", &["afr", "afrikaans"]),
    ("ar", &["ara", "arb", "arabic", "العربية"]),
    ("az", &["aze", "azj", "azerbaijani"]),
    ("be", &["bel", "belarusian", "беларуская"]),
    ("bg", &["bul", "bulgarian", "български"]),
    ("bn", &["ben", "bengali"]),
    ("ca", &["cat", "catalan", "català"]),
    ("cs", &["ces", "cze", "czech", "čeština"]),
    ("da", &["dan", "danish", "dansk"]),
    ("de", &["deu", "ger", "german", "deutsch"]),
    ("el", &["ell", "gre", "greek", "ελληνικά"]),
    ("en", &["eng", "english"]),
    ("eo", &["epo", "esperanto"]),
    ("es", &["spa", "spanish", "español", "castellano"]),
    ("et", &["est", "ekk", "estonian", "eesti"]),
    ("fa", &["fas", "per", "pes", "persian", "farsi"]),
    ("fi", &["fin", "finnish", "suomi"]),
    ("fr", &["fra", "fre", "french", "français", "francais"]),
    ("he", &["heb", "hebrew", "עברית"]),
    ("hi", &["hin", "hindi"]),
    ("hr", &["hrv", "croatian", "hrvatski"]),
    ("hu", &["hun", "hungarian", "magyar"]),
    ("hy", &["hye", "arm", "armenian"]),
    ("id", &["ind", "indonesian"]),
    ("it", &["ita", "italian", "italiano"]),
    ("ja", &["jpn", "japanese", "日本語"]),
    ("ka", &["kat", "geo", "georgian"]),
    ("kk", &["kaz", "kazakh"]),
    ("ko", &["kor", "korean", "한국어"]),
    ("la", &["lat", "latin"]),
    ("lt", &["lit", "lithuanian", "lietuvių"]),
    ("lv", &["lav", "lvs", "latvian", "latviešu"]),
    ("mk", &["mkd", "mac", "macedonian"]),
    ("ms", &["msa", "may", "zlm", "zsm", "malay"]),
    ("nb", &["nob", "bokmål"]),
    ("nl", &["nld", "dut", "dutch", "nederlands"]),
    ("no", &["nor", "norwegian", "norsk"]),
    ("pl", &["pol", "polish", "polski"]),
    ("pt", &["por", "portuguese", "português"]),
    ("ro", &["ron", "rum", "romanian", "română"]),
    ("ru", &["rus", "russian", "русский"]),
    ("sk", &["slk", "slo", "slovak", "slovenčina"]),
    ("sl", &["slv", "slovenian", "slovene"]),
    ("sq", &["sqi", "alb", "albanian"]),
    ("sr", &["srp", "serbian", "српски"]),
    ("sv", &["swe", "swedish", "svenska"]),
    ("ta", &["tam", "tamil"]),
    ("th", &["tha", "thai"]),
    ("tl", &["tgl", "tagalog", "filipino"]),
    ("tr", &["tur", "turkish", "türkçe"]),
    ("uk", &["ukr", "ukrainian", "українська"]),
    ("ur", &["urd", "urdu"]),
    ("uz", &["uzb", "uzn", "uzbek"]),
    ("vi", &["vie", "vietnamese", "tiếng việt"]),
    ("zh", &["zho", "chi", "cmn", "chinese", "mandarin", "中文"]),
];

/// A declared language ("en-US", "English", "eng", "pt_BR") as ISO 639-1; `None` when unknown.
pub fn from_declared(raw: &str) -> Option<String> {
    let lower = raw.trim().to_lowercase();
    let primary = lower.split(['-', '_']).next().unwrap_or("").trim();
    if primary.len() == 2 && primary.chars().all(|c| c.is_ascii_lowercase()) {
        return Some(primary.to_string());
    }
    lookup(primary).or_else(|| lookup(&lower)).map(str::to_string)
}

/// Characters of text the guess looks at: a couple of paragraphs decide the language as well as the
/// whole article does, and whatlang's cost grows with the length (it was the top item of an ingest profile).
const GUESS_CHARS: usize = 800;

/// whatlang's guess over the start of the text, only when whatlang itself calls it reliable.
pub fn guess(text: &str) -> Option<String> {
    let end = text.char_indices().nth(GUESS_CHARS).map_or(text.len(), |(i, _)| i);
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    lookup(info.lang().code()).map(str::to_string)
}

fn lookup(key: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(_, names)| names.contains(&key)).map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared() {
        assert_eq!(from_declared("en-US").as_deref(), Some("en"));
        assert_eq!(from_declared("EN").as_deref(), Some("en"));
        assert_eq!(from_declared("pt_BR").as_deref(), Some("pt"));
        assert_eq!(from_declared("English").as_deref(), Some("en"));
        assert_eq!(from_declared("ukr").as_deref(), Some("uk"));
        assert_eq!(from_declared("Deutsch").as_deref(), Some("de"));
        assert_eq!(from_declared("русский").as_deref(), Some("ru"));
        assert_eq!(from_declared("klingon"), None);
        assert_eq!(from_declared(""), None);
    }

    #[test]
    fn guessed() {
        let en = "The government announced on Tuesday that negotiations with the opposition would resume \
                  next week, after months of deadlock over the budget and the reform of the electoral law. \
                  Officials said they expected the talks to be difficult but productive.";
        assert_eq!(guess(en).as_deref(), Some("en"));
        let uk = "Уряд оголосив у вівторок, що переговори з опозицією відновляться наступного тижня після \
                  кількох місяців глухого кута щодо бюджету та реформи виборчого законодавства.";
        assert_eq!(guess(uk).as_deref(), Some("uk"));
        assert_eq!(guess("Hi there"), None);
        assert_eq!(guess(""), None);
    }
}
