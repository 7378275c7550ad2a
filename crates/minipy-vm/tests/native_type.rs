//! A native module's type is declared the way every built-in type is: one
//! `TypeSpec` (name, layout, slots, methods, getsets), readied with
//! `types::ready_type`. This test declares one outside the VM crate and
//! drives it from Python: its slots (`repr`, `init`, `richcompare`), a
//! method descriptor, a getset, subclassing, and the descriptors CPython
//! puts in the type's dict.

use minipy_vm::objects::function::Args;
use minipy_vm::objects::typeobj::{slot, tpflags, GetSetDef, Layout, MethodDef, TypeSpec};
use minipy_vm::protocol::CompareOp;
use minipy_vm::{PyRef, PyResult, Vm};

fn count(vm: &Vm, obj: &PyRef) -> PyResult<i64> {
    let n = vm.getattr_str(obj, "_n")?;
    vm.index_i64(&n)
}

fn counter_init(vm: &Vm, obj: &PyRef, args: Args) -> PyResult<()> {
    let start = match args.pos() {
        [] => vm.new_int(0),
        [n] => n.clone(),
        _ => return Err(vm.type_error("Counter() takes at most 1 argument".to_string())),
    };
    vm.index_i64(&start)?;
    vm.setattr(obj, &vm.intern("_n"), start)
}

fn counter_repr(vm: &Vm, obj: &PyRef) -> PyResult {
    Ok(vm.new_string(format!("Counter({})", count(vm, obj)?)))
}

fn counter_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult {
    if op != CompareOp::Eq || !b.class().is(a.class()) {
        return Ok(vm.not_implemented.clone());
    }
    Ok(vm.new_bool(count(vm, a)? == count(vm, b)?))
}

fn bump(vm: &Vm, args: Args) -> PyResult {
    let a = args.check_method(vm, "bump", 0, 0)?;
    let n = count(vm, &a[0])? + 1;
    vm.setattr(&a[0], &vm.intern("_n"), vm.new_int(n))?;
    Ok(vm.new_int(n))
}

fn get_value(vm: &Vm, obj: &PyRef) -> PyResult {
    Ok(vm.new_int(count(vm, obj)?))
}

static COUNTER_TYPE: TypeSpec = TypeSpec {
    name: "_demo.Counter",
    doc: Some("Counter(start=0)\n--\n\nCounts up."),
    layout: Layout::Object,
    // Instances keep their count in their `__dict__`; Python may subclass it.
    flags: tpflags::MANAGED_DICT | tpflags::BASETYPE,
    slots: &[
        slot::repr(counter_repr),
        slot::init(counter_init),
        slot::richcompare(counter_richcompare),
        slot::tp_new(minipy_vm::objects::instance::object_new),
    ],
    methods: &[MethodDef::method("bump", bump).doc("Adds one.")],
    getsets: &[GetSetDef::new("value", get_value)],
};

#[test]
fn a_native_type_from_one_declaration() {
    let vm = minipy_vm::new_vm();
    let ty = minipy_vm::types::ready_type(&vm, &COUNTER_TYPE, None);
    let globals = vm.new_dict();
    minipy_vm::objects::dict::set_str(&vm, &globals, vm.intern("Counter"), ty);
    let src = r#"
c = Counter(3)
assert repr(c) == "Counter(3)", repr(c)
assert c.bump() == 4 and c.value == 4
assert Counter(4) == c and not (Counter(1) == c)
assert Counter.__module__ == "_demo" and Counter.__name__ == "Counter"
assert Counter.__doc__ == "Counts up.", Counter.__doc__
assert Counter.__text_signature__ == "(start=0)"
assert type(Counter.__dict__["bump"]).__name__ == "method_descriptor"
assert type(Counter.__dict__["__repr__"]).__name__ == "wrapper_descriptor"
assert type(Counter.__dict__["value"]).__name__ == "getset_descriptor"
assert Counter.__hash__ is None  # richcompare without hash
class Sub(Counter):
    def bump(self):
        return super().bump() * 10
s = Sub()
assert s.bump() == 10 and repr(s) == "Counter(1)"
try:
    c.value = 1
except AttributeError as e:
    assert "not writable" in str(e), str(e)
else:
    raise AssertionError("value is read-only")
result = "ok"
"#;
    let r = minipy_vm::exec_source(&vm, src, "<native_type>", &globals);
    if let Err(e) = &r {
        panic!("{}", minipy_vm::traceback::format_exception(&vm, e));
    }
    let result = minipy_vm::objects::dict::get_str(&vm, &globals, &vm.intern("result"));
    assert!(result.is_some_and(|r| r.as_str() == Some("ok")));
}
