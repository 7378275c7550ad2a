use super::*;
use minipy_bytecode::repr::{float_repr, str_repr};

#[derive(Debug, Clone)]
enum TObj {
    Int(BigInt),
    Float(f64),
    Str(String),
    Map(Vec<(String, TObj)>),
}

fn decode(item: &str) -> TObj {
    let (tag, rest) = item.split_at(1);
    match tag {
        "i" => TObj::Int(rest.parse().unwrap()),
        "f" => TObj::Float(f64::from_bits(u64::from_str_radix(rest, 16).unwrap())),
        _ => TObj::Str(rest.to_string()),
    }
}

struct Host;

#[derive(Debug)]
struct HostError(String);

impl From<TextError> for HostError {
    fn from(e: TextError) -> Self {
        HostError(format!("{}:{}", e.type_name(), e.message()))
    }
}

impl PercentHost for Host {
    type Obj = TObj;
    type Error = HostError;

    fn get_item(&mut self, mapping: &TObj, key: &str) -> Result<TObj, HostError> {
        if let TObj::Map(items) = mapping {
            if let Some((_, v)) = items.iter().find(|(k, _)| k == key) {
                return Ok(v.clone());
            }
        }
        Err(HostError(format!("KeyError:{}", str_repr(key))))
    }

    fn convert(&mut self, value: &TObj, want: Want) -> Result<PercentValue, HostError> {
        use PercentValue as P;
        Ok(match (value, want) {
            (TObj::Int(n), Want::Float) => P::Float(n.to_f64().unwrap()),
            (TObj::Int(n), Want::Str | Want::Repr | Want::Ascii) => P::Str(n.to_string()),
            (TObj::Int(n), _) => P::Int(n.clone()),
            (TObj::Float(f), Want::Int) => P::Int(BigInt::from_f64(f.trunc()).unwrap()),
            (TObj::Float(f), Want::Float) => P::Float(*f),
            (TObj::Float(f), Want::Str | Want::Repr | Want::Ascii) => P::Str(float_repr(*f)),
            (TObj::Float(_), _) => P::WrongType("float".into()),
            (TObj::Str(s), Want::Char | Want::Str) => P::Str(s.clone()),
            (TObj::Str(s), Want::Repr) => P::Str(str_repr(s)),
            (TObj::Str(s), Want::Ascii) => {
                let r = str_repr(s);
                P::Str(r.replace('é', "\\xe9"))
            }
            (TObj::Str(_), _) => P::WrongType("str".into()),
            (TObj::Map(items), Want::Str | Want::Repr) if items.is_empty() => P::Str("[]".into()),
            (TObj::Map(_), _) => P::WrongType("dict".into()),
        })
    }
}

/// Lines `fmt<TAB>kind<TAB>items<TAB>expected` generated with CPython's `%`.
#[test]
fn percent_matches_cpython() {
    let mut failures = Vec::new();
    for line in include_str!("cases.txt").lines() {
        let mut it = line.splitn(4, '\t');
        let (fmt, kind, items, want) = (
            it.next().unwrap(),
            it.next().unwrap(),
            it.next().unwrap(),
            it.next().unwrap(),
        );
        let items: Vec<&str> = if items.is_empty() {
            Vec::new()
        } else {
            items.split('\x1f').collect()
        };
        let got = match kind {
            "T" => {
                let objs: Vec<TObj> = items.iter().map(|s| decode(s)).collect();
                percent_format(&mut Host, fmt, PercentArgs::Tuple(&objs))
            }
            "M" => {
                let map = TObj::Map(
                    items
                        .iter()
                        .map(|s| {
                            let (k, v) = s.split_once('=').unwrap();
                            (k.to_string(), decode(v))
                        })
                        .collect(),
                );
                percent_format(&mut Host, fmt, PercentArgs::Mapping(&map))
            }
            _ => percent_format(&mut Host, fmt, PercentArgs::Single(&decode(items[0]))),
        };
        let got = match got {
            Ok(s) => s,
            Err(HostError(e)) => format!("!{e}"),
        };
        if got != want {
            failures.push(format!("{line:?}\n   got: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn parse_pieces() {
    let p = parse_percent("a%%b%(k)-5.2fc");
    assert_eq!(p.len(), 3);
    assert_eq!(p[0], Piece::Literal("a%b".into()));
    match &p[1] {
        Piece::Conversion(c) => {
            assert_eq!(c.key.as_deref(), Some("k"));
            assert!(c.ljust);
            assert_eq!(c.width, Count::Num(5));
            assert_eq!(c.precision, Count::Num(2));
            assert_eq!(c.ty, 'f');
            assert_eq!(c.index, 12);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(parse_percent("%(a"), vec![Piece::BadKey]);
}
