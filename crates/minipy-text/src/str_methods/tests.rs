use super::*;

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

fn list(v: &[&str]) -> String {
    let items: Vec<String> = v
        .iter()
        .map(|s| s.bytes().map(|b| format!("{b:02x}")).collect())
        .collect();
    items.join(",")
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Lines `method<TAB>args...<TAB>=<TAB>expected` generated with CPython; strings hex-encoded.
#[test]
fn str_methods_match_cpython() {
    let mut failures = Vec::new();
    for line in include_str!("cases.txt").lines() {
        let (call, want) = line.split_once("\t=\t").unwrap();
        let mut parts = call.split('\t');
        let m = parts.next().unwrap();
        let args: Vec<&str> = parts.collect();
        let s_owned: Vec<String> = args
            .iter()
            .map(|a| {
                if let Some(h) = a.strip_prefix('s') {
                    unhex(h)
                } else {
                    String::new()
                }
            })
            .collect();
        let st = |i: usize| s_owned[i].as_str();
        let opt_s = |i: usize| if args[i] == "N" { None } else { Some(st(i)) };
        let int = |i: usize| args[i][1..].parse::<isize>().unwrap();
        let opt_i = |i: usize| if args[i] == "N" { None } else { Some(int(i)) };
        let b = |v: bool| format!("b{}", u8::from(v));
        let s = st(0);
        let l = |r: Result<Vec<&str>, TextError>| match r {
            Ok(v) => format!("l{}", list(&v)),
            Err(e) => format!("!{}", e.message()),
        };
        let t = |r: Result<(&str, &str, &str), TextError>| match r {
            Ok((a, b, c)) => format!("t{}", list(&[a, b, c])),
            Err(e) => format!("!{}", e.message()),
        };
        let got = match m {
            "upper" => format!("s{}", hex(&upper(s).expect("allocation"))),
            "lower" => format!("s{}", hex(&lower(s).expect("allocation"))),
            "casefold" => format!("s{}", hex(&casefold(s).expect("allocation"))),
            "capitalize" => format!("s{}", hex(&capitalize(s).expect("allocation"))),
            "title" => format!("s{}", hex(&title(s).expect("allocation"))),
            "swapcase" => format!("s{}", hex(&swapcase(s).expect("allocation"))),
            "isdigit" => b(isdigit(s)),
            "isdecimal" => b(isdecimal(s)),
            "isnumeric" => b(isnumeric(s)),
            "isalpha" => b(isalpha(s)),
            "isalnum" => b(isalnum(s)),
            "isspace" => b(isspace(s)),
            "isupper" => b(isupper(s)),
            "islower" => b(islower(s)),
            "istitle" => b(istitle(s)),
            "isidentifier" => b(isidentifier(s)),
            "isprintable" => b(isprintable(s)),
            "isascii" => b(isascii(s)),
            "splitlines" => format!("l{}", list(&splitlines(s, args[1] == "b1"))),
            "strip" => format!("s{}", hex(strip(s, args.get(1).and_then(|_| opt_s(1))))),
            "lstrip" => format!("s{}", hex(lstrip(s, args.get(1).and_then(|_| opt_s(1))))),
            "rstrip" => format!("s{}", hex(rstrip(s, args.get(1).and_then(|_| opt_s(1))))),
            "split" | "rsplit" => {
                let sep = if args.len() > 1 { opt_s(1) } else { None };
                let max = if args.len() > 2 { int(2) } else { -1 };
                l(if m == "split" {
                    split(s, sep, max)
                } else {
                    rsplit(s, sep, max)
                })
            }
            "zfill" => format!("s{}", hex(&zfill(s, int(1)))),
            "find" | "rfind" | "count" | "startswith" | "endswith" => {
                let (a, e) = (
                    if args.len() > 2 { opt_i(2) } else { None },
                    if args.len() > 3 { opt_i(3) } else { None },
                );
                match m {
                    "find" => format!("i{}", find(s, st(1), a, e)),
                    "rfind" => format!("i{}", rfind(s, st(1), a, e)),
                    "count" => format!("i{}", count(s, st(1), a, e)),
                    "startswith" => b(startswith(s, st(1), a, e)),
                    _ => b(endswith(s, st(1), a, e)),
                }
            }
            "replace" => format!("s{}", hex(&replace(s, st(1), st(2), int(3)))),
            "partition" => t(partition(s, st(1))),
            "rpartition" => t(rpartition(s, st(1))),
            "center" | "ljust" | "rjust" => {
                let fill = st(2).chars().next().unwrap();
                let r = match m {
                    "center" => center(s, int(1), fill),
                    "ljust" => ljust(s, int(1), fill),
                    _ => rjust(s, int(1), fill),
                };
                format!("s{}", hex(&r))
            }
            "expandtabs" => format!("s{}", hex(&expandtabs(s, int(1)))),
            "removeprefix" => format!("s{}", hex(removeprefix(s, st(1)))),
            "removesuffix" => format!("s{}", hex(removesuffix(s, st(1)))),
            other => panic!("unknown method {other}"),
        };
        if got != want {
            failures.push(format!(
                "{m}({:?}) want {want} got {got}",
                s_owned
                    .iter()
                    .zip(&args)
                    .map(|(s, a)| if a.starts_with('s') {
                        s.clone()
                    } else {
                        a.to_string()
                    })
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
