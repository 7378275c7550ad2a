use super::*;

/// Lines `kind<TAB>spec<TAB>value<TAB>expected` generated with CPython's `format()`;
/// kind `i` (decimal int), `f` (float bits in hex) or `s`; an expected `!Type:msg` is an error.
#[test]
fn format_matches_cpython() {
    let mut failures = Vec::new();
    for line in include_str!("cases.txt").lines() {
        let mut it = line.splitn(4, '\t');
        let (kind, spec, value, want) = (
            it.next().unwrap(),
            it.next().unwrap(),
            it.next().unwrap(),
            it.next().unwrap(),
        );
        let got = match kind {
            "i" => format_int_spec(&value.parse::<BigInt>().unwrap(), spec, "int"),
            "f" => {
                let x = f64::from_bits(u64::from_str_radix(value, 16).unwrap());
                format_float_spec(x, spec, "float")
            }
            _ => format_str_spec(value, spec, "str"),
        };
        let got = match got {
            Ok(s) => s,
            Err(e) => format!("!{}:{}", e.type_name(), e.message()),
        };
        if got != want {
            failures.push(format!("{line}\n   got: {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parse_errors() {
    let e = FormatSpec::parse("abc", "int", 'd', '>').unwrap_err();
    assert_eq!(
        e.message(),
        "Invalid format specifier 'abc' for object of type 'int'"
    );
    let e = FormatSpec::parse(&"1".repeat(30), "int", 'd', '>').unwrap_err();
    assert_eq!(e.message(), "Too many decimal digits in format string");
    let e = format_float_spec(1.0, "\u{1}", "float").unwrap_err();
    assert_eq!(
        e.message(),
        "Unknown format code '\\x1' for object of type 'float'"
    );
    let e = format_int_spec(&BigInt::from(10).pow(400), "f", "int").unwrap_err();
    assert_eq!(
        e,
        TextError::Overflow("int too large to convert to float".into())
    );
}
