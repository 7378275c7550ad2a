use super::*;

fn flags(alt: bool, add_dot_0: bool) -> DtoaFlags {
    DtoaFlags {
        alt,
        add_dot_0,
        ..DtoaFlags::default()
    }
}

/// Lines `bits code precision <alt><add_dot_0> expected`, generated with CPython's `format()`.
#[test]
fn double_to_string_matches_cpython() {
    for line in include_str!("cases.txt").lines() {
        let mut it = line.splitn(5, ' ');
        let bits = u64::from_str_radix(it.next().unwrap(), 16).unwrap();
        let code = it.next().unwrap().chars().next().unwrap();
        let prec: usize = it.next().unwrap().parse().unwrap();
        let fl = it.next().unwrap().as_bytes();
        let want = it.next().unwrap();
        let x = f64::from_bits(bits);
        let got = double_to_string(x, code, prec, flags(fl[0] == b'1', fl[1] == b'1'));
        assert_eq!(got, want, "{line}");
    }
}

#[test]
fn misc_formats() {
    let f = DtoaFlags::default();
    assert_eq!(double_to_string(0.001, 'f', 2, f), "0.00");
    assert_eq!(double_to_string(-0.001, 'f', 2, f), "-0.00");
    let z = DtoaFlags {
        no_neg_0: true,
        ..f
    };
    assert_eq!(double_to_string(-0.001, 'f', 2, z), "0.00");
    assert_eq!(double_to_string(-0.0, 'g', 6, z), "0");
    assert_eq!(double_to_string(0.3, 'f', 0, f), "0");
    assert_eq!(double_to_string(9.7, 'f', 0, f), "10");
    let s = DtoaFlags { sign: true, ..f };
    assert_eq!(double_to_string(f64::NAN, 'f', 2, s), "+nan");
    assert_eq!(double_to_string(f64::INFINITY, 'F', 2, f), "INF");
    assert_eq!(double_to_string(1.5, 'e', 3, s), "+1.500e+00");
    assert_eq!(float_str(1e16), "1e+16");
}

#[test]
fn rounding() {
    let cases: &[(f64, i64, f64)] = &[
        (2.675, 2, 2.67),
        (0.5, 0, 0.0),
        (1.5, 0, 2.0),
        (2.5, 0, 2.0),
        (-2.5, 0, -2.0),
        (-0.4, 0, -0.0),
        (1234.5678, -2, 1200.0),
        (1250.0, -2, 1200.0),
        (1350.0, -2, 1400.0),
        (1250.0001, -2, 1300.0),
        (5.0, -1, 0.0),
        (15.0, -1, 20.0),
        (95.0, -1, 100.0),
        (4.0, -1, 0.0),
        (6.0, -1, 10.0),
        (0.1, 400, 0.1),
        (123.0, -400, 0.0),
        (1e300, -300, 1e300),
        (0.285, 2, 0.28),
        (1.0000000000000002, 15, 1.0),
    ];
    for &(x, n, want) in cases {
        let got = round_half_even(x, n).unwrap();
        assert_eq!(got.to_bits(), want.to_bits(), "round({x}, {n}) = {got}");
    }
    assert!(round_half_even(1.7976931348623157e308, -308).is_err());
    assert!(round_half_even(f64::NAN, 2).unwrap().is_nan());
}

#[test]
fn parsing() {
    let good: &[(&str, f64)] = &[
        ("1.5", 1.5),
        ("  -1.5e3\n", -1500.0),
        ("1_000.000_1", 1000.0001),
        (".5", 0.5),
        ("5.", 5.0),
        ("+.5E-2", 0.005),
        ("1e500", f64::INFINITY),
        ("-InFiNiTy", f64::NEG_INFINITY),
        ("inf", f64::INFINITY),
        ("\u{85}5\u{3000}", 5.0),
        ("\u{663}.\u{661}", 3.1),
        ("1e-400", 0.0),
        ("0.1", 0.1),
        ("1_0e1_0", 1e11),
    ];
    for &(s, want) in good {
        assert_eq!(parse_float(s), Some(want), "{s:?}");
    }
    assert!(parse_float("nan").unwrap().is_nan());
    assert!(parse_float("-NaN").unwrap().is_nan());
    for bad in [
        "", " ", "1__0", "_1", "1_", "1_.5", "1._5", "1e", "1e_5", ".", "0x10", "in f", "infinit",
        "\x1c5", "1.5.", "- 1", "nan1", "1e5_", "e5", "+",
    ] {
        assert_eq!(parse_float(bad), None, "{bad:?}");
    }
    assert_eq!(
        parse_float_error("a'b"),
        "could not convert string to float: \"a'b\""
    );
}
