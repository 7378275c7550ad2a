//! Location-table tests against bytes produced by CPython 3.11.7
//! (`compile(src, 'x', 'exec')`, one vector per code object: first line,
//! per-instruction spans with their `co_positions()`, and `co_linetable`).

use super::*;

fn loc(line: i32, end_line: i32, col: i32, end_col: i32) -> Location {
    Location {
        line,
        end_line,
        col,
        end_col,
    }
}

type Vector = (i32, Vec<(u32, Option<Location>)>, Vec<u8>);

#[rustfmt::skip]
fn vectors() -> Vec<Vector> {
    vec![
    // <module>
    (1, vec![(1, Some(loc(0, 1, 0, 0))), (1, Some(loc(1, 7, 0, 12))), (1, Some(loc(1, 7, 0, 12))), (1, Some(loc(1, 7, 0, 12))), (1, Some(loc(9, 17, 0, 25))), (1, Some(loc(9, 17, 0, 25))), (1, Some(loc(9, 17, 0, 25))), (1, Some(loc(9, 17, 0, 25))), (1, Some(loc(9, 17, 0, 25))), (2, Some(loc(9, 17, 0, 25))), (5, Some(loc(9, 17, 0, 25))), (1, Some(loc(9, 17, 0, 25))), (1, Some(loc(18, 18, 143, 144))), (1, Some(loc(18, 18, 143, 144))), (1, Some(loc(18, 18, 145, 146))), (2, Some(loc(18, 18, 143, 147))), (5, Some(loc(18, 18, 143, 147))), (1, Some(loc(18, 18, 150, 151))), (1, Some(loc(18, 18, 150, 151))), (1, Some(loc(18, 18, 152, 153))), (2, Some(loc(18, 18, 150, 154))), (5, Some(loc(18, 18, 150, 154))), (2, Some(loc(18, 18, 143, 154))), (1, Some(loc(18, 18, 0, 140))), (1, Some(loc(19, 19, 5, 9))), (1, Some(loc(19, 19, 5, 9))), (1, Some(loc(19, 19, 10, 13))), (2, Some(loc(19, 19, 5, 14))), (5, Some(loc(19, 19, 5, 14))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 19, 18, 20))), (1, Some(loc(20, 20, 4, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (2, Some(loc(19, 20, 0, 8))), (5, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, None), (1, None), (1, None), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(19, 20, 0, 8))), (1, Some(loc(24, 24, 0, 5))), (1, Some(loc(24, 24, 0, 5))), (1, Some(loc(24, 24, 9, 10))), (1, Some(loc(24, 24, 6, 18))), (1, Some(loc(24, 24, 6, 18))), (2, Some(loc(24, 24, 0, 19))), (5, Some(loc(24, 24, 0, 19))), (1, Some(loc(24, 24, 0, 19))), (1, Some(loc(24, 24, 0, 19))), (1, Some(loc(24, 24, 0, 19)))], vec![240, 3, 1, 1, 1, 240, 2, 6, 1, 13, 240, 0, 6, 1, 13, 240, 0, 6, 1, 13, 240, 16, 8, 1, 26, 240, 0, 8, 1, 26, 240, 0, 8, 1, 26, 240, 0, 8, 1, 26, 240, 0, 8, 1, 26, 241, 0, 8, 1, 26, 244, 0, 8, 1, 26, 240, 0, 8, 1, 26, 240, 18, 0, 80, 2, 81, 2, 240, 0, 0, 80, 2, 81, 2, 240, 0, 0, 82, 2, 83, 2, 241, 0, 0, 80, 2, 84, 2, 244, 0, 0, 80, 2, 84, 2, 240, 0, 0, 87, 2, 88, 2, 240, 0, 0, 87, 2, 88, 2, 240, 0, 0, 89, 2, 90, 2, 241, 0, 0, 87, 2, 91, 2, 244, 0, 0, 87, 2, 91, 2, 241, 0, 0, 80, 2, 91, 2, 240, 0, 0, 1, 77, 2, 216, 5, 9, 128, 84, 136, 35, 129, 89, 132, 89, 240, 0, 1, 1, 9, 144, 34, 216, 4, 8, 240, 3, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 241, 0, 1, 1, 9, 244, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 248, 248, 248, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 0, 1, 1, 9, 240, 10, 0, 1, 6, 128, 5, 136, 17, 128, 108, 128, 108, 209, 0, 19, 212, 0, 19, 208, 0, 19, 208, 0, 19, 208, 0, 19]),
    // f
    (1, vec![(1, Some(loc(1, 1, 0, 0))), (1, Some(loc(2, 2, 8, 9))), (1, Some(loc(2, 2, 12, 13))), (2, Some(loc(2, 2, 8, 13))), (1, Some(loc(2, 2, 4, 5))), (1, Some(loc(3, 3, 7, 8))), (1, Some(loc(3, 4, 4, 16))), (1, Some(loc(4, 4, 15, 16))), (1, Some(loc(4, 4, 8, 16))), (1, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 8, 29))), (6, Some(loc(6, 6, 20, 25))), (1, Some(loc(6, 6, 26, 27))), (2, Some(loc(6, 6, 20, 28))), (5, Some(loc(6, 6, 20, 28))), (1, Some(loc(6, 6, 8, 29))), (2, Some(loc(6, 6, 8, 29))), (5, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 4, 5))), (1, Some(loc(7, 7, 11, 12))), (1, Some(loc(7, 7, 4, 12)))], vec![128, 0, 216, 8, 9, 136, 65, 137, 5, 128, 65, 216, 7, 8, 240, 0, 1, 5, 17, 216, 15, 16, 136, 8, 224, 8, 29, 208, 8, 29, 149, 69, 152, 33, 145, 72, 148, 72, 208, 8, 29, 209, 8, 29, 212, 8, 29, 128, 65, 216, 11, 12, 128, 72]),
    // f.<locals>.<listcomp>
    (6, vec![(1, Some(loc(6, 6, 0, 0))), (1, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 15, 16))), (1, Some(loc(6, 6, 9, 10))), (1, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 8, 29))), (1, Some(loc(6, 6, 8, 29)))], vec![128, 0, 208, 8, 29, 208, 8, 29, 208, 8, 29, 136, 113, 136, 17, 208, 8, 29, 208, 8, 29, 208, 8, 29]),
    // C
    (9, vec![(1, Some(loc(9, 9, 0, 0))), (1, Some(loc(9, 9, 0, 0))), (1, Some(loc(9, 9, 0, 0))), (1, Some(loc(9, 9, 0, 0))), (1, Some(loc(9, 9, 0, 0))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 10, 26, 27))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 17, 4, 25))), (1, Some(loc(10, 17, 4, 25)))], vec![128, 0, 128, 0, 128, 0, 128, 0, 128, 0, 240, 2, 7, 5, 26, 152, 33, 240, 0, 7, 5, 26, 240, 0, 7, 5, 26, 240, 0, 7, 5, 26, 240, 0, 7, 5, 26, 240, 0, 7, 5, 26, 240, 0, 7, 5, 26, 240, 0, 7, 5, 26]),
    // C.m
    (10, vec![(1, Some(loc(10, 10, 0, 0))), (1, Some(loc(11, 17, 8, 25))), (1, Some(loc(12, 12, 20, 24))), (5, Some(loc(12, 12, 20, 26))), (1, Some(loc(13, 13, 20, 21))), (1, Some(loc(13, 13, 24, 25))), (2, Some(loc(13, 13, 20, 25))), (2, Some(loc(12, 13, 20, 25))), (6, Some(loc(17, 17, 12, 17))), (1, Some(loc(17, 17, 18, 24))), (2, Some(loc(17, 17, 12, 25))), (5, Some(loc(17, 17, 12, 25))), (1, Some(loc(17, 17, 12, 25))), (1, Some(loc(17, 17, 12, 25))), (1, None), (6, Some(loc(14, 14, 15, 25))), (1, Some(loc(14, 15, 8, 17))), (1, Some(loc(14, 15, 8, 17))), (1, Some(loc(14, 15, 8, 17))), (1, Some(loc(15, 15, 12, 17))), (1, None), (1, None), (1, None), (1, None), (1, Some(loc(14, 15, 8, 17))), (1, None), (1, None), (1, None), (1, None), (6, Some(loc(17, 17, 12, 17))), (1, Some(loc(17, 17, 18, 24))), (2, Some(loc(17, 17, 12, 25))), (5, Some(loc(17, 17, 12, 25))), (1, Some(loc(17, 17, 12, 25))), (1, Some(loc(17, 17, 12, 25))), (1, None), (1, None), (1, None)], vec![128, 0, 240, 2, 6, 9, 26, 216, 20, 24, 148, 70, 216, 20, 21, 152, 1, 145, 69, 241, 3, 1, 21, 26, 245, 10, 0, 13, 18, 144, 38, 137, 77, 140, 77, 136, 77, 136, 77, 248, 245, 7, 0, 16, 26, 240, 0, 1, 9, 18, 240, 0, 1, 9, 18, 240, 0, 1, 9, 18, 216, 12, 17, 248, 248, 248, 248, 240, 3, 1, 9, 18, 248, 248, 248, 248, 245, 6, 0, 13, 18, 144, 38, 137, 77, 140, 77, 136, 77, 136, 77, 248, 248, 248]),
    ]
}

#[test]
fn encode_matches_cpython() {
    for (first, entries, bytes) in vectors() {
        assert_eq!(encode(first, &entries), bytes, "first line {first}");
    }
}

/// Expands spans into per-unit locations (what `co_positions` shows).
fn per_unit(entries: &[(u32, Option<Location>)]) -> Vec<Option<Location>> {
    entries
        .iter()
        .flat_map(|&(n, l)| std::iter::repeat_n(l.filter(|l| l.line >= 0), n as usize))
        .collect()
}

#[test]
fn decode_matches_input() {
    for (first, entries, bytes) in vectors() {
        let decoded = decode(first, &bytes);
        let mut units = Vec::new();
        let mut next = 0;
        for (s, e, l) in decoded {
            assert_eq!(s, next);
            assert!(e > s && e - s <= 8);
            next = e;
            for _ in s..e {
                units.push(l);
            }
        }
        assert_eq!(units, per_unit(&entries));
    }
}

#[test]
fn round_trip_all_forms() {
    let entries = vec![
        (1, Some(loc(1, 1, 0, 0))),
        (3, Some(loc(1, 1, 4, 19))),
        (2, Some(loc(2, 2, 100, 120))),
        (20, Some(loc(4, 4, 200, 300))),
        (1, Some(Location::line_only(3))),
        (1, None),
        (1, Some(loc(1000, 1002, 5, 1))),
        (9, Some(loc(-1, -1, -1, -1))),
        (2, Some(loc(7, 9, -1, -1))),
        (1, Some(loc(2, 2, 79, 94))),
    ];
    let bytes = encode(1, &entries);
    let decoded = decode(1, &bytes);
    let mut units = Vec::new();
    for (s, e, l) in decoded {
        for _ in s..e {
            units.push(l);
        }
    }
    assert_eq!(units, per_unit(&entries));
}

#[test]
fn truncated_tables_do_not_panic() {
    for (first, _, bytes) in vectors() {
        for cut in 0..bytes.len() {
            let _ = decode(first, &bytes[..cut]);
        }
    }
    let _ = decode(1, &[0xf0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
}

#[test]
fn code_object_queries() {
    // def f(a):\n    x = a + 1 ... (first vector after the module).
    let (first, _, bytes) = vectors().swap_remove(1);
    let code = CodeObject {
        co_firstlineno: first as u32,
        co_linetable: bytes,
        co_code: vec![0; 37],
        ..Default::default()
    };
    assert_eq!(code.addr2line(0), Some(1));
    assert_eq!(code.addr2line(1), Some(2));
    assert_eq!(code.location(1), Some(loc(2, 2, 8, 9)));
    assert_eq!(code.addr2line(36), Some(7));
    assert_eq!(code.addr2line(37), None);
    let lines = code.co_lines();
    assert_eq!(
        &lines[..3],
        &[(0, 2, Some(1)), (2, 4, Some(2)), (4, 6, Some(2))]
    );
    let pos = code.co_positions();
    assert_eq!(pos.len(), 37);
    assert_eq!(pos[7], (Some(3), Some(4), Some(4), Some(16)));
}
