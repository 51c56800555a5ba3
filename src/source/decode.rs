//! Byte decoding: UTF-8 (with or without BOM), UTF-16 with BOM, legacy encodings guessed by chardetng.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// Why bytes could not be turned into article text. The message is what the user sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Empty,
}

impl DecodeError {
    pub fn message(self) -> &'static str {
        match self {
            DecodeError::Binary => "binary file, not text",
            DecodeError::Empty => "empty file",
        }
    }
}

/// Decoded text and what was guessed on the way (for `IncomingArticle::warnings`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes a whole input. Never panics; any byte string gives text, `Binary` or `Empty`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut warnings = Vec::new();
    let text = if let Some((big_endian, rest)) = utf32(bytes) {
        decode_utf32(rest, big_endian, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8_lossy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_with(UTF_16LE, rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_with(UTF_16BE, rest, &mut warnings)
    } else if let Some(enc) = bomless_utf16(bytes) {
        warnings.push(format!("no byte-order mark; decoded as {}", enc.name()));
        decode_with(enc, bytes, &mut warnings)
    } else {
        if has_binary_signature(bytes) || many_nuls(bytes) {
            return Err(DecodeError::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => decode_legacy(bytes, &mut warnings),
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if mostly_control(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded { text, warnings })
}

/// Decodes one line of a streamed input (JSONL): UTF-8 when valid, else a legacy guess with a warning.
pub fn decode_line(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => decode_legacy(bytes, warnings),
    }
}

/// True for UTF-16 and UTF-32 input, which cannot be split into lines before decoding.
pub fn is_wide(prefix: &[u8]) -> bool {
    utf32(prefix).is_some()
        || prefix.starts_with(b"\xFF\xFE")
        || prefix.starts_with(b"\xFE\xFF")
        || bomless_utf16(prefix).is_some()
}

/// The start of an input as text, good enough for format sniffing (invalid bytes replaced).
pub fn sniff_text(prefix: &[u8]) -> String {
    if is_wide(prefix) {
        return decode(prefix).map(|d| d.text).unwrap_or_default();
    }
    let rest = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    String::from_utf8_lossy(rest).into_owned()
}

/// Cheap check on the first bytes of a streamed input, so a binary file gives one error, not one per line.
pub fn looks_binary(prefix: &[u8]) -> bool {
    if is_wide(prefix) {
        return false;
    }
    if has_binary_signature(prefix) || many_nuls(prefix) {
        return true;
    }
    // A prefix may end inside a multi-byte character; lossy decoding keeps the control-character test valid.
    mostly_control(&String::from_utf8_lossy(prefix))
}

/// More than two NUL bytes, and more than 1 in 200: binary data. A stray NUL or two in a text file (issue 10: one NUL
/// rejected the whole file) is text, and normalisation removes it.
fn many_nuls(bytes: &[u8]) -> bool {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    nuls > 2 && nuls * 200 > bytes.len()
}

fn decode_utf8_lossy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push("invalid UTF-8 sequences replaced with U+FFFD".to_string());
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!("invalid {} sequences replaced with U+FFFD", enc.name()));
    }
    text.into_owned()
}

fn decode_legacy(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    // allow_utf8 = false: we only get here when the bytes are not valid UTF-8.
    let mut enc = detector.guess(None, false);
    // Short Western texts with a few accents look alike in several code pages (chardetng may say
    // windows-1250 for English with "é"); when windows-1252 reads the bytes identically, name it,
    // since it is by far the most common legacy encoding of news text.
    if enc == UTF_8
        || (enc != WINDOWS_1252
            && enc.decode_without_bom_handling(bytes).0 == WINDOWS_1252.decode_without_bom_handling(bytes).0)
    {
        enc = WINDOWS_1252;
    }
    warnings.push(format!("not UTF-8; decoded as {}", enc.name()));
    decode_with(enc, bytes, warnings)
}

/// UTF-32 input (by BOM, or by its pattern of zero bytes) as text; None for anything else. Invalid code
/// units become U+FFFD.
pub fn utf32_text(bytes: &[u8]) -> Option<String> {
    let (big_endian, rest) = utf32(bytes)?;
    Some(decode_utf32(rest, big_endian, &mut Vec::new()))
}

/// UTF-32 (which encoding_rs does not cover): by BOM, or by three NUL bytes in nearly every unit.
fn utf32(bytes: &[u8]) -> Option<(bool, &[u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return Some((true, rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return Some((false, rest));
    }
    let units: Vec<&[u8]> = bytes[..bytes.len().min(4096)].chunks_exact(4).collect();
    if units.len() < 4 {
        return None;
    }
    let be = units.iter().filter(|u| u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] != 0).count();
    let le = units.iter().filter(|u| u[0] != 0 && u[1] == 0 && u[2] == 0 && u[3] == 0).count();
    if be * 10 >= units.len() * 9 {
        Some((true, bytes))
    } else if le * 10 >= units.len() * 9 {
        Some((false, bytes))
    } else {
        None
    }
}

fn decode_utf32(bytes: &[u8], big_endian: bool, warnings: &mut Vec<String>) -> String {
    let mut bad = !bytes.len().is_multiple_of(4);
    let text = bytes
        .chunks_exact(4)
        .map(|u| {
            let n = if big_endian {
                u32::from_be_bytes([u[0], u[1], u[2], u[3]])
            } else {
                u32::from_le_bytes([u[0], u[1], u[2], u[3]])
            };
            char::from_u32(n).unwrap_or_else(|| {
                bad = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bad {
        warnings.push("invalid UTF-32 sequences replaced with U+FFFD".to_string());
    }
    text
}

/// UTF-16 without a BOM shows as NUL bytes on one side of (mostly ASCII) character pairs.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even_nul += usize::from(pair[0] == 0);
        odd_nul += usize::from(pair[1] == 0);
    }
    // Require most pairs to look like ASCII-in-UTF-16 and the other side to be nearly NUL-free,
    // which random binary data does not do.
    if odd_nul * 10 >= pairs * 7 && even_nul * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Common binary formats, caught before any decoding is attempted.
fn has_binary_signature(bytes: &[u8]) -> bool {
    const SIGNATURES: &[&[u8]] = &[
        b"%PDF-",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF87a",
        b"GIF89a",
        b"SQLite format 3\0",
        b"\x7FELF",
        b"BZh",
        b"\xFD7zXZ",
        b"7z\xBC\xAF",
        b"\xD0\xCF\x11\xE0",
    ];
    SIGNATURES.iter().any(|sig| bytes.starts_with(sig))
}

/// Text has almost no control characters besides tab, newline, carriage return and form feed.
fn mostly_control(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            control += 1;
        }
    }
    // More than 1% (and more than a couple of stray bytes such as a DOS EOF marker) is not prose.
    control > 2 && control * 100 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap();
        assert_eq!(d.text, "café");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn plain_utf8_has_no_warning() {
        let d = decode("Київ — «мир»".as_bytes()).unwrap();
        assert_eq!(d.text, "Київ — «мир»");
        assert!(d.warnings.is_empty());
    }

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in s.encode_utf16() {
            let b = if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf16_le_and_be_with_bom() {
        let s = "Title\n\nNaïve café “quoted” text.";
        assert_eq!(decode(&utf16(s, false)).unwrap().text, s);
        assert_eq!(decode(&utf16(s, true)).unwrap().text, s);
        assert!(decode(&utf16(s, true)).unwrap().warnings.is_empty());
    }

    #[test]
    fn utf32_with_and_without_bom() {
        let s = "Naïve “text” in UTF-32, which some old feeds use.";
        let be: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_be_bytes()).collect();
        let le: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        assert_eq!(decode(&[&[0, 0, 0xFE, 0xFF][..], &be].concat()).unwrap().text, s);
        assert_eq!(decode(&[&[0xFF, 0xFE, 0, 0][..], &le].concat()).unwrap().text, s);
        assert_eq!(decode(&be).unwrap().text, s);
        assert_eq!(decode(&le).unwrap().text, s);
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let s = "Plain ASCII news text in UTF-16 without a byte-order mark.";
        let bytes = utf16(s, false);
        let d = decode(&bytes[2..]).unwrap();
        assert_eq!(d.text, s);
        assert_eq!(d.warnings, vec!["no byte-order mark; decoded as UTF-16LE".to_string()]);
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"The caf\xE9 owner said \x93we are na\xEFve about prices\x94 and the \x93market\x94 agreed. \
                      Every caf\xE9 in the city raised prices this week.";
        let d = decode(bytes).unwrap();
        assert_eq!(
            d.text,
            "The café owner said “we are naïve about prices” and the “market” agreed. \
             Every café in the city raised prices this week."
        );
        assert_eq!(d.warnings, vec!["not UTF-8; decoded as windows-1252".to_string()]);
    }

    #[test]
    fn windows_1252_is_preferred_when_equivalent() {
        // chardetng alone guesses windows-1250 for this; both decode it the same way.
        let bytes =
            b"Harbour workers vote\r\n\r\n\x93We did not want this,\x94 said Ren\xE9 Dubois, the union\x92s secretary.";
        let d = decode(bytes).unwrap();
        assert!(d.text.contains("“We did not want this,” said René Dubois, the union’s secretary."));
        assert_eq!(d.warnings, vec!["not UTF-8; decoded as windows-1252".to_string()]);
    }

    #[test]
    fn other_legacy_encodings_are_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("Президент заявил, что переговоры продолжатся на следующей неделе в Женеве.");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Президент заявил, что переговоры продолжатся на следующей неделе в Женеве.");
        assert_eq!(d.warnings, vec!["not UTF-8; decoded as windows-1251".to_string()]);
    }

    #[test]
    fn binary_is_rejected() {
        let blob: Vec<u8> = (0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(decode(&blob), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\nabc"), Err(DecodeError::Binary));
        assert_eq!(decode(b"text\x01\x02\x03\x04\x05"), Err(DecodeError::Binary));
        assert!(looks_binary(&blob));
        assert!(!looks_binary(b"{\"title\": \"x\"}\n"));
    }

    /// Issue 10: one NUL in a text file rejected the whole file.
    #[test]
    fn a_stray_nul_in_text_is_text() {
        let text = b"Title\n\nThe mayor said\x00 the bridge opens on Monday, and the council agreed with her.\n";
        assert!(decode(text).unwrap().text.contains("mayor said\0 the bridge"));
        assert!(!looks_binary(text));
        assert_eq!(decode(&[b'a', 0, 0, b'b'].repeat(100)), Err(DecodeError::Binary));
    }

    #[test]
    fn empty_is_rejected() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n "), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err(DecodeError::Empty));
    }
}
