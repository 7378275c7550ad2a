//! Exception-table tests against bytes produced by CPython 3.11.7
//! (entries as `dis._parse_exception_table` reads them, in code units).

use super::*;

fn e(start: u32, end: u32, target: u32, depth: u32, lasti: bool) -> ExceptionTableEntry {
    ExceptionTableEntry {
        start,
        end,
        target,
        depth,
        lasti,
    }
}

#[rustfmt::skip]
fn vectors() -> Vec<(Vec<ExceptionTableEntry>, Vec<u8>)> {
    vec![
    // g
    (vec![e(4, 18, 19, 0, false), e(18, 19, 90, 0, false), e(19, 29, 72, 1, true), e(29, 44, 49, 1, true), e(44, 49, 90, 0, false), e(49, 69, 72, 1, true), e(69, 71, 90, 0, false), e(71, 72, 72, 1, true), e(72, 75, 90, 0, false), e(90, 106, 106, 1, true), e(124, 140, 196, 1, true), e(140, 161, 173, 2, true), e(161, 173, 196, 1, true), e(173, 177, 177, 4, true), e(177, 180, 196, 1, true), e(180, 181, 177, 4, true), e(181, 184, 196, 1, true), e(196, 200, 200, 3, true), e(203, 204, 200, 3, true)], vec![132, 14, 19, 0, 146, 1, 65, 26, 0, 147, 10, 65, 8, 3, 157, 15, 49, 3, 172, 5, 65, 26, 0, 177, 20, 65, 8, 3, 193, 5, 2, 65, 26, 0, 193, 7, 1, 65, 8, 3, 193, 8, 3, 65, 26, 0, 193, 26, 16, 65, 42, 3, 193, 60, 16, 67, 4, 3, 194, 12, 21, 66, 45, 5, 194, 33, 12, 67, 4, 3, 194, 45, 4, 66, 49, 9, 194, 49, 3, 67, 4, 3, 194, 52, 1, 66, 49, 9, 194, 53, 3, 67, 4, 3, 195, 4, 4, 67, 8, 7, 195, 11, 1, 67, 8, 7]),
    // h
    (vec![e(16, 19, 56, 1, true), e(19, 25, 35, 2, false), e(25, 36, 56, 1, true), e(56, 66, 66, 3, true), e(69, 70, 66, 3, true)], vec![144, 3, 56, 3, 147, 6, 35, 4, 153, 11, 56, 3, 184, 10, 65, 2, 7, 193, 5, 1, 65, 2, 7]),
    // big
    (vec![e(2, 18818, 18820, 0, false), e(18820, 18831, 18835, 1, true), e(18834, 18835, 18835, 1, true)], vec![130, 68, 102, 0, 68, 102, 4, 0, 196, 102, 4, 11, 68, 102, 19, 3, 196, 102, 18, 1, 68, 102, 19, 3]),
    ]
}

#[test]
fn encode_matches_cpython() {
    for (entries, bytes) in vectors() {
        assert_eq!(encode(&entries), bytes);
    }
}

#[test]
fn decode_matches_cpython() {
    for (entries, bytes) in vectors() {
        assert_eq!(decode(&bytes), entries);
    }
}

#[test]
fn find_handler_agrees_with_decode() {
    for (entries, bytes) in vectors() {
        let max = entries.iter().map(|e| e.end).max().unwrap_or(0) + 3;
        for unit in 0..max {
            let expected = entries
                .iter()
                .find(|e| e.start <= unit && unit < e.end)
                .copied();
            assert_eq!(find_handler(&bytes, unit), expected, "unit {unit}");
        }
    }
}

#[test]
fn large_values_round_trip() {
    let entries = vec![
        e(0, 1 << 20, (1 << 29) + 5, 1000, true),
        e(1 << 20, (1 << 20) + 64, 63, 0, false),
    ];
    assert_eq!(decode(&encode(&entries)), entries);
}

#[test]
fn truncated_tables_do_not_panic() {
    for (_, bytes) in vectors() {
        for cut in 0..bytes.len() {
            let _ = decode(&bytes[..cut]);
            let _ = find_handler(&bytes[..cut], 30);
        }
    }
}
