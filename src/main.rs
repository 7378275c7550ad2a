//! The `minipy` command: runs a Python program as `python3` would.
#![forbid(unsafe_code)]

use std::io::Read;

use clap::Parser;

/// The system allocator, reporting failures to minipy's hook first (which
/// writes out buffered stdout before an infallible allocation aborts).
#[global_allocator]
static GLOBAL: minipy_alloc::OomNotify<std::alloc::System> =
    minipy_alloc::OomNotify(std::alloc::System);

/// minipy: a CPython 3.11-compatible bytecode interpreter.
#[derive(Parser, Debug)]
#[command(name = "minipy", disable_version_flag = true, trailing_var_arg = true)]
struct Cli {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CMD", allow_hyphen_values = true)]
    command: Option<String>,
    /// Run a library module as a script (`-m dis FILE` disassembles).
    #[arg(short = 'm', value_name = "MOD")]
    module: Option<String>,
    /// Implementation-specific options.
    #[arg(short = 'X', value_name = "OPT")]
    xopts: Vec<String>,
    /// Print the version and exit.
    #[arg(short = 'V', long = "version")]
    version: bool,
    /// Program file (`-` reads stdin) and its arguments.
    #[arg(allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() {
    let cli = Cli::parse();
    if cli.version {
        println!("minipy {} (Python 3.11.7)", env!("CARGO_PKG_VERSION"));
        return;
    }
    // Signals sent to the process must reach the interpreter thread (they
    // interrupt its sleeps): this launcher thread blocks them, and the
    // interpreter thread restores the mask the process started with.
    let mask = minipy_sys::signal::block_async_signals().ok();
    let child = std::thread::Builder::new()
        .stack_size(minipy_vm::INTERPRETER_STACK_SIZE)
        .spawn(move || {
            if let Some(m) = &mask {
                let _ = minipy_sys::signal::set_mask(m);
            }
            let code = run(cli);
            // Exit from the interpreter thread: the VM's thread-locals are
            // never torn down half-way (CPython's finalisation comes later).
            std::process::exit(code)
        });
    let code = match child {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("minipy: cannot start interpreter thread: {}", e);
            1
        }
    };
    std::process::exit(code);
}

fn read_file(path: &str) -> Result<Vec<u8>, i32> {
    match std::fs::read(path) {
        Ok(b) => Ok(b),
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            let msg = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                _ => e.to_string(),
            };
            eprintln!(
                "minipy: can't open file '{}': [Errno {}] {}",
                absolute(path),
                errno,
                msg
            );
            Err(2)
        }
    }
}

fn absolute(path: &str) -> String {
    let p = std::path::Path::new(path);
    if p.is_absolute() {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => d.join(p).display().to_string(),
        Err(_) => path.to_string(),
    }
}

fn dis_file(path: &str) -> i32 {
    let src = match read_file(path) {
        Ok(s) => String::from_utf8_lossy(&s).into_owned(),
        Err(c) => return c,
    };
    match minipy_compiler::compile(&src, path, minipy_compiler::Mode::Exec) {
        Ok(code) => {
            print!("{}", minipy_bytecode::dis::dis(&code));
            0
        }
        Err(e) => {
            let vm = minipy_vm::new_vm();
            let exc = minipy_vm::syntax_error(&vm, &e);
            minipy_vm::traceback::handle_uncaught(&vm, &exc)
        }
    }
}

/// Runs the program, then finalises the interpreter as CPython does
/// (`atexit`, module teardown, final collection); `-X leakcheck` reports
/// objects still alive afterwards.
fn run(cli: Cli) -> i32 {
    let leakcheck = cli.xopts.iter().any(|x| x == "leakcheck");
    let vm = minipy_vm::new_vm();
    minipy_vm::modules::_signal::install_startup_handlers(&vm);
    let code = run_program(&cli, &vm);
    let code = minipy_vm::finalize::shutdown_status(vm, leakcheck, code);
    if minipy_vm::traceback::unhandled_keyboard_interrupt() {
        return exit_sigint();
    }
    code
}

/// After an uncaught `KeyboardInterrupt`, CPython ends "killed by SIGINT"
/// (its `exit_sigint`): the default disposition is restored and SIGINT
/// raised, so a calling shell sees the interrupt; 130 if that fails.
fn exit_sigint() -> i32 {
    let sigint = 2;
    if minipy_sys::signal::set_default(sigint).is_ok() {
        let _ = minipy_sys::signal::raise(sigint);
    }
    128 + sigint
}

fn run_program(cli: &Cli, vm: &std::rc::Rc<minipy_vm::vm::Vm>) -> i32 {
    if let Some(m) = &cli.module {
        if m == "dis" {
            return match cli.args.first() {
                Some(f) => dis_file(f),
                None => {
                    eprintln!("minipy: -m dis reads a file: minipy -m dis FILE");
                    2
                }
            };
        }
    }
    if let Some(cmd) = &cli.command {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args.iter().cloned());
        minipy_vm::setup_sys(vm, &argv, Some(String::new()));
        return minipy_vm::run_main(vm, cmd, "<string>", None);
    }
    if let Some(m) = &cli.module {
        let mut argv = vec![m.clone()];
        argv.extend(cli.args.iter().cloned());
        let cwd = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        minipy_vm::setup_sys(vm, &argv, Some(cwd));
        return minipy_vm::run_module_as_main(vm, m, &argv);
    }
    match cli.args.first().map(|s| s.as_str()) {
        None | Some("-") => {
            let mut src = String::new();
            let mut buf = Vec::new();
            if std::io::stdin().read_to_end(&mut buf).is_ok() {
                src = String::from_utf8_lossy(&buf).into_owned();
            }
            let mut argv = cli.args.clone();
            if argv.is_empty() {
                argv.push(String::new());
            }
            minipy_vm::setup_sys(vm, &argv, Some(String::new()));
            minipy_vm::run_main(vm, &src, "<stdin>", None)
        }
        Some(path) => {
            let bytes = match read_file(path) {
                Ok(b) => b,
                Err(c) => return c,
            };
            let dir = std::path::Path::new(path)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let dir = if dir.is_empty() {
                absolute(".")
            } else {
                absolute(&dir)
            };
            minipy_vm::setup_sys(vm, &cli.args, Some(dir));
            // Like CPython 3.9+, __main__'s __file__ and code filename are absolute.
            let abs = absolute(path);
            // PEP 263 source decoding: its errors are SyntaxErrors without
            // a location, raised before the program runs.
            match minipy_compiler::decode::decode_source(&bytes, &abs) {
                Ok(src) => minipy_vm::run_main(vm, &src, &abs, Some(&abs)),
                Err(msg) => {
                    let exc = vm.new_error(&vm.exc.syntax_error, msg);
                    minipy_vm::traceback::handle_uncaught(vm, &exc)
                }
            }
        }
    }
}
