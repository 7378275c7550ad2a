//! Disassembler tests: code objects dumped from CPython 3.11.7 (by a script
//! walking `compile(src, ...)`), and `dis.dis` output of the same objects
//! with addresses normalised to `0x...`.

use super::*;
use crate::code::CodeObject;
use crate::linetable::{self, Location};
use crate::opcode::Opcode;

mod data {
    use crate::code::{CodeObject, Constant};
    use std::rc::Rc;
    include!("testdata/d1.rs");
}

/// Replaces every `0x<hex>` by `0x...`.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i]);
        out.push_str("0x...");
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn assert_same(actual: &str, expected: &str) {
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "line {}", i + 1);
    }
    assert_eq!(actual.lines().count(), expected.lines().count());
    assert_eq!(actual, expected);
}

#[test]
fn whole_module_matches_cpython() {
    let code = data::d1();
    assert_same(
        &normalise(&dis(&code)),
        include_str!("testdata/d1.expected"),
    );
}

#[test]
fn wide_line_and_offset_columns() {
    // 5004 units: RESUME, EXTENDED_ARG 1, JUMP_FORWARD 2, NOPs, RETURN_VALUE;
    // one no-column location entry per 4 units, each one line further.
    let n = 5004;
    let mut units = vec![
        Opcode::RESUME as u16,
        Opcode::EXTENDED_ARG as u16 | (1 << 8),
        Opcode::JUMP_FORWARD as u16 | (2 << 8),
    ];
    units.resize(n - 1, Opcode::NOP as u16);
    units.push(Opcode::RETURN_VALUE as u16);
    let entries: Vec<(u32, Option<Location>)> = (0..n / 4)
        .map(|i| (4, Some(Location::line_only(996 + i as i32))))
        .collect();
    let code = CodeObject {
        co_code: units,
        co_firstlineno: 995,
        co_linetable: linetable::encode(995, &entries),
        co_consts: vec![Constant::None],
        ..Default::default()
    };
    let out = dis(&code);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6254);
    let mut picked: Vec<&str> = lines[..12].to_vec();
    picked.extend_from_slice(&lines[lines.len() - 8..]);
    let expected: Vec<&str> = include_str!("testdata/d3.expected").lines().collect();
    assert_eq!(picked, expected);
    assert!(out.contains("\n         >>   522 NOP\n"));
}

#[test]
fn constant_reprs() {
    use Constant::*;
    let t = |v: Vec<Constant>| Tuple(v.into());
    assert_eq!(constant_repr(&t(vec![])), "()");
    assert_eq!(constant_repr(&t(vec![Int(1)])), "(1,)");
    assert_eq!(
        constant_repr(&t(vec![Int(1), Str("a".into()), None, Bool(true)])),
        "(1, 'a', None, True)"
    );
    assert_eq!(constant_repr(&FrozenSet(vec![].into())), "frozenset()");
    assert_eq!(
        constant_repr(&FrozenSet(vec![Int(1), Int(2)].into())),
        "frozenset({1, 2})"
    );
    assert_eq!(constant_repr(&Complex { re: 0.0, im: 1.0 }), "1j");
    assert_eq!(constant_repr(&Complex { re: 1.0, im: -2.5 }), "(1-2.5j)");
    assert_eq!(constant_repr(&Complex { re: -0.0, im: 1.0 }), "(-0+1j)");
    assert_eq!(constant_repr(&Float(2.0)), "2.0");
    assert_eq!(constant_repr(&Ellipsis), "Ellipsis");
    assert_eq!(constant_repr(&Bytes(b"a'".to_vec().into())), "b\"a'\"");
}

#[test]
fn garbage_code_does_not_panic() {
    let code = CodeObject {
        co_code: (0..600u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 7) as u16)
            .collect(),
        co_linetable: vec![0xff, 0x7f, 0x80],
        co_exceptiontable: vec![0x80, 0x41],
        ..Default::default()
    };
    let _ = dis(&code);
}
