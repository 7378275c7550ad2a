//! Source bytes to text, as CPython's tokenizer does it (PEP 263): a
//! UTF-8 BOM, then a coding declaration on line 1 or (after a comment or
//! blank line 1) line 2, else UTF-8. The errors are CPython's
//! `SyntaxError` messages, which carry no location.
//!
//! Supported encodings: UTF-8, Latin-1 (ISO-8859-1) and ASCII with their
//! usual spellings; any other declared name is CPython's "encoding
//! problem" error.

/// Decodes a source file's bytes; `Err` is a `SyntaxError` message.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, String> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = coding_spec(body);
    let encoding = match &declared {
        None => "utf-8",
        Some(name) => match normal_name(name).as_str() {
            "utf-8" => "utf-8",
            "iso-8859-1" => "iso-8859-1",
            "ascii" | "us-ascii" | "646" => "ascii",
            n if bom => return Err(format!("encoding problem: {n} with BOM")),
            _ => return Err(format!("encoding problem: {name}")),
        },
    };
    if bom && encoding != "utf-8" {
        let name = normal_name(&declared.unwrap_or_default());
        return Err(format!("encoding problem: {name} with BOM"));
    }
    match encoding {
        "iso-8859-1" => Ok(body.iter().map(|&b| b as char).collect()),
        "ascii" => match body.iter().position(|&b| b >= 0x80) {
            Some(pos) => Err(format!(
                "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)",
                body[pos], pos
            )),
            None => Ok(String::from_utf8_lossy(body).into_owned()),
        },
        _ => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let pos = e.valid_up_to();
                if declared.is_some() {
                    return Err(format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        body[pos], pos
                    ));
                }
                let line = 1 + body[..pos].iter().filter(|&&b| b == b'\n').count();
                Err(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[pos], filename, line
                ))
            }
        },
    }
}

/// The name declared by a coding comment on line 1, or on line 2 when
/// line 1 is blank or a comment (CPython's `check_coding_spec`).
fn coding_spec(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = line_coding(first) {
        return Some(name);
    }
    let blank_or_comment = first
        .iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .is_none_or(|&b| b == b'#');
    if !blank_or_comment {
        return None;
    }
    line_coding(lines.next()?)
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn line_coding(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let rest = &line[start..];
    let mut i = 0;
    while i + 6 < rest.len() {
        if &rest[i..i + 6] == b"coding" && matches!(rest[i + 6], b':' | b'=') {
            let mut j = i + 7;
            while j < rest.len() && matches!(rest[j], b' ' | b'\t') {
                j += 1;
            }
            let k = rest[j..]
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
                .map_or(rest.len(), |p| j + p);
            if k > j {
                return Some(String::from_utf8_lossy(&rest[j..k]).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: utf-8 and latin-1 spellings.
fn normal_name(name: &str) -> String {
    let lower: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let is = |base: &str| lower == base || lower.starts_with(&format!("{base}-"));
    if is("utf-8") {
        "utf-8".to_string()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".to_string()
    } else {
        name.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn declarations() {
        assert_eq!(
            decode_source(b"# coding: latin-1\nx='\xe9'\n", "f").unwrap(),
            "# coding: latin-1\nx='\u{e9}'\n"
        );
        assert_eq!(
            decode_source(b"#!/bin/sh\n# -*- coding: utf-8 -*-\n", "f").unwrap(),
            "#!/bin/sh\n# -*- coding: utf-8 -*-\n"
        );
        assert_eq!(decode_source(b"x = 1\n# coding: latin-1\n\xff", "f").unwrap_err(),
            "Non-UTF-8 code starting with '\\xff' in file f on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details");
        assert_eq!(
            decode_source(b"# coding: foobar\n", "f").unwrap_err(),
            "encoding problem: foobar"
        );
    }
}
