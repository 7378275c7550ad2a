//! The import system (`IMPORT_NAME`, `IMPORT_FROM`, `IMPORT_STAR`,
//! `__import__`), following `importlib._bootstrap`: `sys.modules` first,
//! then the built-in module registry, then `sys.path` (or the parent
//! package's `__path__`) for `NAME.py` and `NAME/__init__.py`.

use std::path::{Path, PathBuf};

use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::vm::Vm;

fn module_dict(m: &PyRef) -> Option<PyRef> {
    match &m.payload {
        Payload::Module { dict: d } => Some(d.clone()),
        _ => None,
    }
}

fn get_str_attr(vm: &Vm, d: &PyRef, name: &str) -> Option<String> {
    dict::get_str(vm, d, &vm.intern(name)).and_then(|v| v.as_str().map(|s| s.to_string()))
}

fn import_error(vm: &Vm, ty: &PyRef, msg: String, name: &str) -> PyRef {
    let e = vm.new_error(ty, msg);
    // The `name` member (it cannot fail on an ImportError).
    let r = vm.setattr(&e, &vm.intern("name"), vm.new_str(name));
    drop(r);
    e
}

/// Resolves a relative module name (`importlib._bootstrap._resolve_name`).
fn resolve_name(vm: &Vm, name: &str, globals: &PyRef, level: usize) -> PyResult<String> {
    let package = match get_str_attr(vm, globals, "__package__") {
        Some(p) if !p.is_empty() => Some(p),
        _ => {
            let n = get_str_attr(vm, globals, "__name__");
            if dict::get_str(vm, globals, &vm.intern("__path__")).is_some() {
                n
            } else {
                n.map(|n| {
                    n.rsplit_once('.')
                        .map(|(a, _)| a.to_string())
                        .unwrap_or_default()
                })
            }
        }
    };
    let package = match package {
        Some(p) if !p.is_empty() => p,
        _ => {
            return Err(vm.new_error(
                &vm.exc.import_error,
                "attempted relative import with no known parent package".to_string(),
            ))
        }
    };
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err(vm.new_error(
            &vm.exc.import_error,
            "attempted relative import beyond top-level package".to_string(),
        ));
    }
    let base = parts[..parts.len() - (level - 1)].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{}.{}", base, name)
    })
}

/// `IMPORT_NAME`.
pub fn import_name(vm: &Vm, f: &Frame, name: &PyRef, fromlist: &PyRef, level: &PyRef) -> PyResult {
    let level = level.as_small_int().unwrap_or(0).max(0) as usize;
    import_module_level(vm, name.as_str().unwrap_or(""), &f.globals, fromlist, level)
}

/// `__import__(name, globals, locals, fromlist, level)`.
pub fn import_module_level(
    vm: &Vm,
    name: &str,
    globals: &PyRef,
    fromlist: &PyRef,
    level: usize,
) -> PyResult {
    if name.is_empty() && level == 0 {
        return Err(vm.value_error("Empty module name".to_string()));
    }
    let full = if level > 0 {
        resolve_name(vm, name, globals, level)?
    } else {
        name.to_string()
    };
    let module = import_full(vm, &full)?;
    let has_fromlist = !fromlist.is_none() && vm.truthy(fromlist)?;
    if !has_fromlist {
        if level == 0 {
            let top = full.split('.').next().unwrap_or(&full);
            return lookup_module(vm, top).ok_or_else(|| vm.key_error(vm.new_str(top)));
        }
        if name.is_empty() {
            return Ok(module);
        }
        // `from . import x` style without fromlist: return the top of the
        // relative name's package part.
        let cut = full.len() - name.len();
        let first = name.split('.').next().unwrap_or(name);
        let target = format!("{}{}", &full[..cut], first);
        return lookup_module(vm, &target).ok_or_else(|| vm.key_error(vm.new_str(&target)));
    }
    // Import submodules named in the fromlist of a package.
    if let Some(d) = module_dict(&module) {
        if dict::get_str(vm, &d, &vm.intern("__path__")).is_some() {
            for item in vm.iterate(fromlist)? {
                let Some(s) = item.as_str() else { continue };
                if s == "*" {
                    continue;
                }
                if dict::get_str(vm, &d, &item).is_none() {
                    let sub = format!("{}.{}", full, s);
                    match import_full(vm, &sub) {
                        Ok(_) => {}
                        Err(e) if vm.exc_matches(&e, &vm.exc.module_not_found_error) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }
    Ok(module)
}

pub fn lookup_module(vm: &Vm, name: &str) -> Option<PyRef> {
    dict::get_str(vm, &vm.modules, &vm.new_str(name))
}

/// Imports `a.b.c` (each parent first) and returns the last module.
pub fn import_full(vm: &Vm, full: &str) -> PyResult {
    if let Some(m) = lookup_module(vm, full) {
        if !m.is_none() {
            return Ok(m);
        }
    }
    let mut parent: Option<PyRef> = None;
    let mut prefix = String::new();
    let mut result = None;
    for part in full.split('.') {
        let this = if prefix.is_empty() {
            part.to_string()
        } else {
            format!("{}.{}", prefix, part)
        };
        let m = match lookup_module(vm, &this) {
            Some(m) if !m.is_none() => m,
            _ => {
                let m = load_module(vm, &this, part, parent.as_ref())?;
                if let Some(p) = &parent {
                    vm.setattr(p, &vm.intern(part), m.clone())?;
                }
                m
            }
        };
        prefix = this;
        parent = Some(m.clone());
        result = Some(m);
    }
    result.ok_or_else(|| vm.value_error("Empty module name".to_string()))
}

fn search_path(vm: &Vm, parent: Option<&PyRef>, full: &str) -> PyResult<Vec<String>> {
    match parent {
        None => {
            let path = crate::sysmodule::get(vm, "path").unwrap_or_else(|| vm.new_list(vec![]));
            Ok(vm
                .iterate(&path)?
                .iter()
                .filter_map(|p| p.as_str().map(|s| s.to_string()))
                .collect())
        }
        Some(p) => {
            let d = module_dict(p).unwrap_or_else(|| vm.new_dict());
            match dict::get_str(vm, &d, &vm.intern("__path__")) {
                Some(pp) => Ok(vm
                    .iterate(&pp)?
                    .iter()
                    .filter_map(|p| p.as_str().map(|s| s.to_string()))
                    .collect()),
                None => {
                    let pname = full.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
                    Err(import_error(
                        vm,
                        &vm.exc.module_not_found_error,
                        format!("No module named '{}'; '{}' is not a package", full, pname),
                        full,
                    ))
                }
            }
        }
    }
}

fn load_module(vm: &Vm, full: &str, last: &str, parent: Option<&PyRef>) -> PyResult {
    if parent.is_none() {
        match full {
            "sys" => return Ok(vm.sys.clone()),
            "builtins" => return Ok(vm.builtins.clone()),
            _ => {
                if let Some(r) = crate::modules::load(vm, full) {
                    return r;
                }
            }
        }
    }
    for dir in search_path(vm, parent, full)? {
        let base = if dir.is_empty() {
            PathBuf::from(".")
        } else {
            PathBuf::from(&dir)
        };
        let pkg_init = base.join(last).join("__init__.py");
        if pkg_init.is_file() {
            let pkg_dir = base.join(last);
            return exec_module_file(vm, full, &pkg_init, Some(&pkg_dir));
        }
        let file = base.join(format!("{}.py", last));
        if file.is_file() {
            return exec_module_file(vm, full, &file, None);
        }
    }
    Err(import_error(
        vm,
        &vm.exc.module_not_found_error,
        format!("No module named '{}'", full),
        full,
    ))
}

fn exec_module_file(vm: &Vm, full: &str, path: &Path, pkg_dir: Option<&Path>) -> PyResult {
    let source = match std::fs::read(path) {
        Ok(b) => {
            let name = path.display().to_string();
            minipy_compiler::decode::decode_source(&b, &name)
                .map_err(|msg| vm.new_error(&vm.exc.syntax_error, msg))?
        }
        Err(e) => {
            return Err(vm.new_error(
                &vm.exc.import_error,
                format!("cannot read {}: {}", path.display(), e),
            ))
        }
    };
    let m = vm.new_module(full);
    let d = module_dict(&m).unwrap_or_else(|| vm.new_dict());
    let file = path.display().to_string();
    dict::set_str(vm, &d, vm.intern("__file__"), vm.new_string(file.clone()));
    let package = match pkg_dir {
        Some(dir) => {
            dict::set_str(
                vm,
                &d,
                vm.intern("__path__"),
                vm.new_list(vec![vm.new_string(dir.display().to_string())]),
            );
            full.to_string()
        }
        None => full
            .rsplit_once('.')
            .map(|(a, _)| a.to_string())
            .unwrap_or_default(),
    };
    dict::set_str(vm, &d, vm.intern("__package__"), vm.new_string(package));
    dict::set_str(vm, &d, vm.intern("__builtins__"), vm.builtins.clone());
    let spec = crate::make_spec(vm, full, &file, pkg_dir.is_some());
    dict::set_str(vm, &d, vm.intern("__spec__"), spec);
    dict::set_str(vm, &vm.modules, vm.new_str(full), m.clone());
    let r = crate::exec_source(vm, &source, &file, &d);
    if let Err(e) = r {
        dict::del_str(vm, &vm.modules, &vm.new_str(full));
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(lookup_module(vm, full).unwrap_or(m))
}

/// `IMPORT_FROM`.
pub fn import_from(vm: &Vm, module: &PyRef, name: &PyRef) -> PyResult {
    if let Some(v) = vm.getattr_opt(module, name)? {
        return Ok(v);
    }
    let d = module_dict(module);
    let mname = d.as_ref().and_then(|d| get_str_attr(vm, d, "__name__"));
    if let Some(mn) = &mname {
        let sub = format!("{}.{}", mn, name.as_str().unwrap_or(""));
        if let Some(m) = lookup_module(vm, &sub) {
            return Ok(m);
        }
    }
    let mname = mname.unwrap_or_else(|| "<unknown module name>".to_string());
    let location = d
        .as_ref()
        .and_then(|d| get_str_attr(vm, d, "__file__"))
        .unwrap_or_else(|| "unknown location".to_string());
    Err(import_error(
        vm,
        &vm.exc.import_error,
        format!(
            "cannot import name '{}' from '{}' ({})",
            name.as_str().unwrap_or(""),
            mname,
            location
        ),
        &mname,
    ))
}

/// `IMPORT_STAR`.
pub fn import_star(vm: &Vm, f: &Frame, module: &PyRef) -> PyResult<()> {
    let Some(locals) = &f.locals else {
        return Err(vm.new_error(
            &vm.exc.system_error,
            "import * only allowed at module level".to_string(),
        ));
    };
    let Some(d) = module_dict(module) else {
        return Ok(());
    };
    let names: Vec<PyRef> = match dict::get_str(vm, &d, &vm.intern("__all__")) {
        Some(all) => vm.iterate(&all)?,
        None => dict::keys(&d)
            .into_iter()
            .filter(|k| !k.as_str().unwrap_or("_").starts_with('_'))
            .collect(),
    };
    for n in names {
        let v = vm.getattr(module, &n)?;
        vm.setitem(locals, &n, v)?;
    }
    Ok(())
}
