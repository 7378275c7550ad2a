//! Dumps the code objects minipy compiles from a file, in the same text form
//! as `tests/dumpcode.py` prints for CPython (used to diff the two).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: dumpcode FILE [--nolines]");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let with_lines = !args.iter().any(|a| a == "--nolines");
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            match minipy_compiler::compile(&src, &args[1], minipy_compiler::Mode::Exec) {
                Ok(co) => {
                    println!("{}", minipy_compiler::dump::dump_code(&co, with_lines));
                }
                Err(e) => {
                    println!(
                        "{}: {} (line {}, offset {})",
                        e.kind, e.msg, e.lineno, e.offset
                    );
                }
            }
        });
    if let Ok(h) = child {
        let _ = h.join();
    }
}
