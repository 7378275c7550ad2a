//! `cell` (`types.CellType`): the box a closure variable lives in
//! (CPython's `Objects/cellobject.c`).

use std::cell::RefCell;

use crate::heap::{PyObject, PyRef};
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::typeobj::{slot, tpflags, GetSetDef, Layout, TypeSpec};
use crate::protocol::CompareOp;
use crate::vm::Vm;

fn contents<'a>(vm: &Vm, c: &'a PyRef) -> PyResult<&'a RefCell<Option<PyRef>>> {
    match &c.payload {
        Payload::Cell(v) => Ok(v),
        _ => Err(vm.new_error(
            &vm.exc.system_error,
            "cell slot called on another object".to_string(),
        )),
    }
}

/// `cell([contents])`.
fn cell_new(vm: &Vm, args: Args) -> PyResult {
    args.no_kwargs(vm, "cell")?;
    let pos = args.pos();
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "cell expected at most 1 argument, got {}",
            pos.len() - 1
        )));
    }
    Ok(PyRef::new(
        Payload::Cell(RefCell::new(pos.get(1).cloned())),
        &pos[0],
    ))
}

/// `<cell at 0x...: int object at 0x...>` or `<cell at 0x...: empty>`.
fn cell_repr(vm: &Vm, c: &PyRef) -> PyResult {
    let s = match &*contents(vm, c)?.borrow() {
        Some(v) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            c.addr(),
            v.type_name(),
            v.addr()
        ),
        None => format!("<cell at {:#x}: empty>", c.addr()),
    };
    Ok(vm.new_string(s))
}

/// Cells compare by contents; an empty cell is less than a full one.
fn cell_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    let (Payload::Cell(x), Payload::Cell(y)) = (&a.payload, &b.payload) else {
        return Ok(vm.not_implemented.clone());
    };
    let (x, y) = (x.borrow().clone(), y.borrow().clone());
    match (x, y) {
        (Some(x), Some(y)) => vm.compare(&x, &y, op),
        (x, y) => Ok(vm.new_bool(op.eval_ord(y.is_none().cmp(&x.is_none())))),
    }
}

fn get_contents(vm: &Vm, c: &PyRef) -> PyResult {
    contents(vm, c)?
        .borrow()
        .clone()
        .ok_or_else(|| vm.value_error("Cell is empty".to_string()))
}

fn set_contents(vm: &Vm, c: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let old = contents(vm, c)?.replace(v);
    drop(old);
    Ok(())
}

/// `tp_traverse`: the contents.
fn cell_traverse(obj: &PyObject, visit: &mut crate::heap::Visit<'_>) {
    match &obj.payload {
        Payload::Cell(c) => crate::object::visit_opt(c, visit),
        _ => crate::object::wrong_layout(obj, "cell"),
    }
}

/// `tp_clear`: empties the cell.
fn cell_clear(obj: &PyObject, dead: &mut Vec<PyRef>) {
    match &obj.payload {
        Payload::Cell(c) => crate::object::take_opt(c, dead),
        _ => crate::object::wrong_layout(obj, "cell"),
    }
}

pub static CELL_TYPE: TypeSpec = TypeSpec {
    name: "cell",
    doc: Some("cell([contents])\n--\n\nCreate a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError."),
    layout: Layout::Other,
    flags: tpflags::HAVE_GC,
    slots: &[
        slot::traverse(cell_traverse), slot::clear(cell_clear),
        slot::repr(cell_repr),
        slot::getattro(crate::protocol::attr::generic_getattr_slot),
        slot::richcompare(cell_richcompare),
        slot::tp_new(cell_new),
    ],
    methods: &[],
    getsets: &[GetSetDef::rw("cell_contents", get_contents, set_contents)],
};
