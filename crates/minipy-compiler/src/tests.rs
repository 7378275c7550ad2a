//! Unit tests: compile snippets and compare with CPython 3.11 (when `python3`
//! is available), plus error messages and recursion limits.

use crate::{compile, dump::dump_code, Mode};

/// Runs `f` on a thread with a big stack (the compiler is recursive).
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("join")
}

fn python_dump(src: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("minipy-compiler-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("snippet{}.py", src.len() ^ (src.as_ptr() as usize)));
    std::fs::write(&path, src).ok()?;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dumpcode.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(&path)
        .output()
        .ok()?;
    let _ = std::fs::remove_file(&path);
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let ver = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys;print(sys.version_info[:2]==(3,11))")
        .output()
        .ok()?;
    if String::from_utf8_lossy(&ver.stdout).trim() != "True" {
        return None;
    }
    Some(text.trim_end().to_string())
}

fn check_same(src: &'static str) {
    let ours = big_stack(move || compile(src, "<test>", Mode::Exec).map(|c| dump_code(&c, true)));
    let ours = match ours {
        Ok(d) => d,
        Err(e) => panic!("compile failed: {e}\n{src}"),
    };
    if let Some(theirs) = python_dump(src) {
        // The file name differs; compare everything else.
        assert_eq!(ours, theirs, "dump differs for:\n{src}");
    }
}

#[test]
fn python_reference_is_used_when_available() {
    let has_311 = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sys;print(sys.version_info[:2]==(3,11))")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "True")
        .unwrap_or(false);
    if has_311 {
        assert!(python_dump("x = 1\n").is_some());
    }
}

#[test]
fn expressions_and_statements() {
    check_same(
        "x = 1\ny = x + 2 * 3 - -x\nprint(x, y, sep=', ')\nz = [1, 2, 3]\nd = {'a': 1, **d}\n",
    );
    check_same("a, *b = c\nx[1:2] = y\ndel x[0], y.z\nx += 1\nx.y //= 2\nx[i] **= 3\n");
    check_same("if a and b or not c:\n    pass\nelif a < b < c:\n    x = 1\nelse:\n    x = 2\n");
    check_same("while x:\n    if y: break\n    continue\nelse:\n    z()\nfor i in range(3):\n    print(i)\n");
    check_same(
        "import os.path as p\nfrom . import a\nfrom x.y import (b as c, d)\nfrom m import *\n",
    );
    check_same("f'{x!r:>{w}} {y}'\n'%s-%r' % (a, b)\nx = 2**10, -1, 'a' * 3, (1, 2)\n");
    check_same("assert x, 'm'\nraise E from None\n");
}

#[test]
fn functions_and_classes() {
    check_same(
        "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n    '''doc'''\n    def h():\n        nonlocal a\n        a = 1\n        return b\n    return h\n",
    );
    check_same(
        "class C(B, metaclass=M):\n    x = 1\n    def m(self):\n        return super().m(), __class__\n    @property\n    def p(self): return self.__x\n",
    );
    check_same("def g():\n    x = yield 1\n    yield from x\n    return [i for i in x if i], {k: v for k, v in x}, (j for j in x)\n");
    check_same("lam = lambda a, *b, c=1, **d: (a, b, c, d)\n@dec\ndef f(): pass\n");
    check_same("def outer():\n    x = 1\n    class K:\n        y = x\n        def m(self): return x\n    return K\n");
}

#[test]
fn exceptions_and_with() {
    check_same(
        "def f():\n    try:\n        a()\n    except ValueError as e:\n        b(e)\n    except (T, K):\n        pass\n    except:\n        raise\n    else:\n        c()\n    finally:\n        d()\n",
    );
    check_same("def f():\n    for x in y:\n        try:\n            if x: break\n            continue\n        finally:\n            return 1\n");
    check_same("def f():\n    with a as b, c:\n        return b\n    with d:\n        pass\n");
}

fn err(src: &'static str) -> (String, String, u32, u32) {
    let e = big_stack(move || compile(src, "<test>", Mode::Exec).err()).expect("expected an error");
    (e.kind.to_string(), e.msg, e.lineno, e.offset)
}

#[test]
fn syntax_errors() {
    assert_eq!(err("return 1\n").1, "'return' outside function");
    assert_eq!(err("break\n").1, "'break' outside loop");
    assert_eq!(err("continue\n").1, "'continue' not properly in loop");
    assert_eq!(err("yield 1\n").1, "'yield' outside function");
    assert_eq!(
        err("nonlocal x\n").1,
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        err("def f():\n    nonlocal y\n").1,
        "no binding for nonlocal 'y' found"
    );
    assert_eq!(
        err("def f():\n    x = 1\n    global x\n").1,
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(err("x = (1,\n").1, "'(' was never closed");
    assert_eq!(err("x = )\n").1, "unmatched ')'");
    assert_eq!(err("if x\n    pass\n").1, "expected ':'");
    let (kind, msg, line, _) = err("if x:\npass\n");
    assert_eq!(kind, "IndentationError");
    assert_eq!(
        msg,
        "expected an indented block after 'if' statement on line 1"
    );
    assert_eq!(line, 2);
    assert_eq!(err("  x = 1\n").1, "unexpected indent");
    assert_eq!(
        err("1 = x\n").1,
        "cannot assign to literal here. Maybe you meant '==' instead of '='?"
    );
    assert_eq!(err("del f()\n").1, "cannot delete function call");
    assert_eq!(
        err("f(x for x in y, 1)\n").1,
        "Generator expression must be parenthesized"
    );
    assert_eq!(
        err("x = 'abc\n").1,
        "unterminated string literal (detected at line 1)"
    );
    assert_eq!(err("match x:\n    case 1: pass\n").0, "SyntaxError");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src: &'static str =
        Box::leak(format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201)).into_boxed_str());
    assert_eq!(err(src).1, "too many nested parentheses");
    let src: &'static str = Box::leak(format!("x = {}1\n", "-".repeat(20000)).into_boxed_str());
    assert_eq!(err(src).0, "RecursionError");
    let src: &'static str =
        Box::leak(format!("x = {}\n", vec!["a"; 20000].join("+")).into_boxed_str());
    assert_eq!(err(src).0, "RecursionError");
    let ok: &'static str =
        Box::leak(format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150)).into_boxed_str());
    assert!(big_stack(move || compile(ok, "<t>", Mode::Exec).is_ok()));
}

#[test]
fn eval_and_single_modes() {
    let co = big_stack(|| compile("1 + x", "<e>", Mode::Eval).map(|c| dump_code(&c, false)))
        .expect("eval");
    assert!(co.contains("BINARY_OP 0 | "), "{co}");
    let co = big_stack(|| compile("x\n", "<s>", Mode::Single).map(|c| dump_code(&c, false)))
        .expect("single");
    assert!(co.contains("PRINT_EXPR"), "{co}");
}
