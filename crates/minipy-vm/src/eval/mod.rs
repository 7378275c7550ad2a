//! The evaluation loop: executes CPython 3.11 bytecode on a [`Frame`].
//!
//! Each arm is short; anything longer is a named function in [`slow`].
//! Operands are read through [`stack`], whose checks turn bad bytecode
//! into `SystemError` instead of a NULL, a default or a panic.
//! Errors travel as `Err(exception)` out of [`run`]; [`eval_frame`] then
//! consults the code object's exception table (3.11's zero-cost exception
//! handling: there are no SETUP_* blocks at run time), unwinds the value
//! stack to the handler's depth, pushes the exception (and `lasti` when the
//! entry asks for it) and re-enters `run` at the handler.
//!
//! Points where the world can change (a call into Python code, a `__del__`
//! run by a decref) are every call through `vm`; the frame keeps `lasti`
//! current before each instruction so that tracebacks and handler lookup
//! always see the instruction that raised.

pub mod inline_cache;
pub mod slow;
pub mod stack;

use minipy_bytecode::exctable;
use minipy_bytecode::opcode::Opcode;

use crate::frame::Frame;
use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::dict;
use crate::objects::layout::Payload;
use crate::objects::number::UnaryOp;
use crate::objects::seq::alloc;
use crate::vm::Vm;
use stack::{bad_bytecode, pop, top};

/// How a frame stopped running.
pub enum FrameExit {
    Return(PyRef),
    Yield(PyRef),
    /// `RETURN_GENERATOR`: the caller wraps the frame in a generator.
    Generator,
}

/// Runs `f` until it returns, yields or raises. `throw` starts by raising
/// that exception at the current instruction (generator `throw()`).
pub fn eval_frame(vm: &Vm, f: &mut Frame, throw: Option<PyRef>) -> PyResult<FrameExit> {
    let mut pending = throw.map(|e| (e, false, None));
    loop {
        let (exc, reraise, restored_lasti) = match pending.take() {
            Some(p) => p,
            None => match run(vm, f) {
                Ok(exit) => return Ok(exit),
                Err(Raised {
                    exc,
                    reraise,
                    lasti,
                }) => (exc, reraise, lasti),
            },
        };
        if !reraise {
            slow::on_new_exception(vm, &exc);
            crate::objects::traceback::here(vm, &exc, f);
        }
        let lasti = f.lasti.get();
        let table = &f.code.code.co_exceptiontable;
        match exctable::find_handler(table, lasti as u32) {
            // The stack never runs below the depth a handler covers while
            // its range runs (the compiler's depth computation), so a
            // shallower one means a bad exception table.
            Some(h) if h.depth as usize > f.bufs.stack.len() => {
                let err = slow::bad_handler_depth(vm, &h, f.bufs.stack.len(), exc);
                f.bufs.stack.clear();
                return Err(err);
            }
            Some(h) => {
                f.bufs.stack.truncate(h.depth as usize);
                if h.lasti {
                    f.bufs
                        .stack
                        .push(vm.new_int(restored_lasti.unwrap_or(lasti) as i64));
                }
                f.bufs.stack.push(exc);
                f.lasti.set(h.target as usize);
            }
            None => {
                f.bufs.stack.clear();
                return Err(exc);
            }
        }
    }
}

/// An exception leaving `run`, and whether it is a re-raise (RERAISE does
/// not add a traceback entry).
pub struct Raised {
    pub exc: PyRef,
    pub reraise: bool,
    /// `RERAISE oparg` restores the original `lasti` (for tracebacks and
    /// for the next handler's pushed `lasti`); the handler itself is found
    /// from the RERAISE instruction's own position, as in CPython.
    pub lasti: Option<usize>,
}

impl From<PyRef> for Raised {
    fn from(exc: PyRef) -> Raised {
        Raised {
            exc,
            reraise: false,
            lasti: None,
        }
    }
}

/// The eval-breaker points (`RESUME` and backward jumps, as CPython's):
/// a pending automatic collection runs here (no native code is half-way
/// through mutating a container), and so do the Python handlers of
/// signals that arrived (one relaxed atomic load when none did); a
/// handler's exception is raised by the instruction at this point.
#[inline(always)]
fn safe_point(vm: &Vm) -> PyResult<()> {
    vm.gc_safe_point();
    if minipy_sys::signal::any_tripped() {
        return crate::modules::_signal::check_signals(vm);
    }
    Ok(())
}

/// The instruction loop proper. Every operand it takes is checked (see
/// [`stack`]): bad bytecode raises `SystemError`, it never reads a NULL,
/// a default or out of bounds.
fn run(vm: &Vm, f: &mut Frame) -> Result<FrameExit, Raised> {
    let code = f.code.clone();
    let units: &[u16] = &code.units;
    let mut ip = f.lasti.get();
    loop {
        // A forward jump is checked here: its target must be an instruction.
        let Some(&word) = units.get(ip) else {
            return Err(past_the_end(vm, ip, units.len()).into());
        };
        f.data.lasti.set(ip);
        let mut op = (word & 0xff) as u8;
        let mut arg = (word >> 8) as u32;
        ip += 1;
        while op == Opcode::EXTENDED_ARG as u8 {
            let Some(&w) = units.get(ip) else {
                return Err(past_the_end(vm, ip, units.len()).into());
            };
            op = (w & 0xff) as u8;
            arg = (arg << 8) | (w >> 8) as u32;
            f.data.lasti.set(ip);
            ip += 1;
        }
        let Some(opcode) = Opcode::from_u8(op) else {
            return Err(bad_bytecode(vm, format!("unknown opcode {}", op)).into());
        };
        ip += opcode.cache_entries();
        let s = &mut f.bufs.stack;
        match opcode {
            // (EXTENDED_ARG never gets here: the prefix loop above takes it.)
            Opcode::NOP | Opcode::EXTENDED_ARG => {}
            Opcode::CACHE => {
                return Err(bad_bytecode(vm, "a jump into inline caches".into()).into())
            }
            Opcode::RESUME => safe_point(vm)?,
            Opcode::LOAD_FAST => match stack::local_get(vm, &f.data.fast, arg, opcode)? {
                Some(v) => s.push(v),
                None => return Err(slow::unbound_local(vm, f, arg).into()),
            },
            Opcode::STORE_FAST => {
                let v = pop(vm, s, opcode)?;
                let old = stack::local(vm, &f.data.fast, arg, opcode)?.replace(Some(v));
                drop(old);
            }
            Opcode::DELETE_FAST => match stack::local(vm, &f.data.fast, arg, opcode)?.take() {
                Some(old) => drop(old),
                None => return Err(slow::unbound_local(vm, f, arg).into()),
            },
            Opcode::LOAD_CONST => s.push(stack::constant(vm, &code, arg, opcode)?.clone()),
            Opcode::POP_TOP => drop(pop(vm, s, opcode)?),
            Opcode::PUSH_NULL => s.push(vm.null.clone()),
            Opcode::COPY => {
                let v = stack::peek(vm, s, arg as usize, opcode)?.clone();
                s.push(v);
            }
            Opcode::SWAP => {
                let i = stack::peek_index(vm, s, arg as usize, opcode)?;
                let top = s.len() - 1;
                s.swap(top, i);
            }
            Opcode::BINARY_OP => {
                let b = pop(vm, s, opcode)?;
                let a = pop(vm, s, opcode)?;
                let r = match (&a.payload, &b.payload) {
                    (Payload::Int(x), Payload::Int(y)) if exact_ints(vm, &a, &b) => {
                        slow::int_fast(vm, *x, *y, arg)
                    }
                    (Payload::Float(x), Payload::Float(y)) if exact_floats(vm, &a, &b) => {
                        slow::float_fast(vm, *x, *y, arg)
                    }
                    (Payload::Float(x), Payload::Int(y))
                        if exact_floats(vm, &a, &a) && exact_ints(vm, &b, &b) =>
                    {
                        slow::float_fast(vm, *x, *y as f64, arg)
                    }
                    (Payload::Int(x), Payload::Float(y))
                        if exact_ints(vm, &a, &a) && exact_floats(vm, &b, &b) =>
                    {
                        slow::float_fast(vm, *x as f64, *y, arg)
                    }
                    _ => None,
                };
                let r = match r {
                    Some(r) => r,
                    None => slow::binary_op_or_append(vm, a, &b, arg, units.get(ip), &f.data.fast)?,
                };
                f.bufs.stack.push(r);
            }
            Opcode::COMPARE_OP => {
                let b = pop(vm, s, opcode)?;
                let a = pop(vm, s, opcode)?;
                let op = slow::compare_op(vm, arg)?;
                let r = match (&a.payload, &b.payload) {
                    (Payload::Int(x), Payload::Int(y)) if exact_ints(vm, &a, &b) => {
                        vm.new_bool(op.eval_ord(x.cmp(y)))
                    }
                    _ => vm.compare(&a, &b, op)?,
                };
                f.bufs.stack.push(r);
            }
            Opcode::IS_OP => {
                let b = pop(vm, s, opcode)?;
                let a = pop(vm, s, opcode)?;
                let invert = slow::invert_flag(vm, opcode, arg)?;
                s.push(vm.new_bool(a.is(&b) != invert));
            }
            Opcode::CONTAINS_OP => {
                let b = pop(vm, s, opcode)?;
                let a = pop(vm, s, opcode)?;
                let invert = slow::invert_flag(vm, opcode, arg)?;
                let r = vm.contains(&b, &a)?;
                f.bufs.stack.push(vm.new_bool(r != invert));
            }
            Opcode::UNARY_NEGATIVE | Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT => {
                let a = pop(vm, s, opcode)?;
                let u = match opcode {
                    Opcode::UNARY_NEGATIVE => UnaryOp::Neg,
                    Opcode::UNARY_POSITIVE => UnaryOp::Pos,
                    _ => UnaryOp::Invert,
                };
                let r = vm.unary_op(&a, u)?;
                f.bufs.stack.push(r);
            }
            Opcode::UNARY_NOT => {
                let a = pop(vm, s, opcode)?;
                let r = vm.truthy(&a)?;
                f.bufs.stack.push(vm.new_bool(!r));
            }
            Opcode::JUMP_FORWARD => ip += arg as usize,
            Opcode::JUMP_BACKWARD => {
                ip = back(vm, ip, arg, opcode)?;
                safe_point(vm)?;
            }
            Opcode::JUMP_BACKWARD_NO_INTERRUPT => ip = back(vm, ip, arg, opcode)?,
            Opcode::POP_JUMP_FORWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
                let v = pop(vm, s, opcode)?;
                if !truth(vm, &v)? {
                    ip = jump_checked(vm, ip, opcode, arg)?;
                }
            }
            Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                let v = pop(vm, s, opcode)?;
                if truth(vm, &v)? {
                    ip = jump_checked(vm, ip, opcode, arg)?;
                }
            }
            Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE => {
                if pop(vm, s, opcode)?.is_none() {
                    ip = jump_checked(vm, ip, opcode, arg)?;
                }
            }
            Opcode::POP_JUMP_FORWARD_IF_NOT_NONE | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                if !pop(vm, s, opcode)?.is_none() {
                    ip = jump_checked(vm, ip, opcode, arg)?;
                }
            }
            Opcode::JUMP_IF_FALSE_OR_POP => {
                let v = top(vm, s, opcode)?;
                if !truth(vm, &v)? {
                    ip += arg as usize;
                } else {
                    f.bufs.stack.pop();
                }
            }
            Opcode::JUMP_IF_TRUE_OR_POP => {
                let v = top(vm, s, opcode)?;
                if truth(vm, &v)? {
                    ip += arg as usize;
                } else {
                    f.bufs.stack.pop();
                }
            }
            Opcode::LOAD_GLOBAL => {
                let name = stack::name(vm, &code, arg >> 1, opcode)?;
                if arg & 1 == 1 {
                    s.push(vm.null.clone());
                }
                let v = inline_cache::load_global(vm, f, &code, f.lasti.get(), name)?;
                f.bufs.stack.push(v);
            }
            Opcode::STORE_GLOBAL => {
                let v = pop(vm, s, opcode)?;
                let name = stack::name(vm, &code, arg, opcode)?;
                dict::set_str(vm, &f.globals, name.clone(), v);
            }
            Opcode::DELETE_GLOBAL => {
                let name = stack::name(vm, &code, arg, opcode)?;
                if dict::del_str(vm, &f.globals, name).is_none() {
                    return Err(slow::name_error(vm, name).into());
                }
            }
            Opcode::LOAD_NAME => {
                let v = slow::load_name(vm, f, stack::name(vm, &code, arg, opcode)?)?;
                f.bufs.stack.push(v);
            }
            Opcode::STORE_NAME => {
                let v = pop(vm, s, opcode)?;
                slow::store_name(vm, f, stack::name(vm, &code, arg, opcode)?, v)?;
            }
            Opcode::DELETE_NAME => slow::delete_name(vm, f, stack::name(vm, &code, arg, opcode)?)?,
            Opcode::LOAD_ATTR => {
                let owner = pop(vm, s, opcode)?;
                let name = stack::name(vm, &code, arg, opcode)?;
                let v = inline_cache::load_attr(vm, &code, f.lasti.get(), &owner, name)?;
                f.bufs.stack.push(v);
            }
            Opcode::STORE_ATTR => {
                let owner = pop(vm, s, opcode)?;
                let v = pop(vm, s, opcode)?;
                let name = stack::name(vm, &code, arg, opcode)?;
                inline_cache::store_attr(vm, &code, f.lasti.get(), &owner, name, v)?;
            }
            Opcode::DELETE_ATTR => {
                let owner = pop(vm, s, opcode)?;
                vm.delattr(&owner, stack::name(vm, &code, arg, opcode)?)?;
            }
            Opcode::LOAD_METHOD => {
                let owner = pop(vm, s, opcode)?;
                let name = stack::name(vm, &code, arg, opcode)?;
                let (m, unbound) =
                    inline_cache::load_method(vm, &code, f.lasti.get(), &owner, name)?;
                if unbound {
                    f.bufs.stack.push(m);
                    f.bufs.stack.push(owner);
                } else {
                    f.bufs.stack.push(vm.null.clone());
                    f.bufs.stack.push(m);
                }
            }
            Opcode::PRECALL => {}
            Opcode::KW_NAMES => f.kwnames = Some(stack::constant(vm, &code, arg, opcode)?.clone()),
            Opcode::CALL => slow::call(vm, f, arg as usize)?,
            Opcode::CALL_FUNCTION_EX => slow::call_function_ex(vm, f, arg)?,
            Opcode::RETURN_VALUE => {
                let v = pop(vm, s, opcode)?;
                return Ok(FrameExit::Return(v));
            }
            Opcode::BINARY_SUBSCR => {
                let key = pop(vm, s, opcode)?;
                let container = pop(vm, s, opcode)?;
                let v = slow::subscr(vm, &container, &key)?;
                f.bufs.stack.push(v);
            }
            Opcode::STORE_SUBSCR => {
                let key = pop(vm, s, opcode)?;
                let container = pop(vm, s, opcode)?;
                let v = pop(vm, s, opcode)?;
                vm.setitem(&container, &key, v)?;
            }
            Opcode::DELETE_SUBSCR => {
                let key = pop(vm, s, opcode)?;
                let container = pop(vm, s, opcode)?;
                vm.delitem(&container, &key)?;
            }
            Opcode::BUILD_TUPLE => {
                let start = stack::tail(vm, s, arg as usize, opcode)?;
                let t = if start == s.len() {
                    vm.empty_tuple.clone()
                } else {
                    PyRef::new_tuple_from_tail(s, start, &vm.types.tuple)
                };
                f.bufs.stack.push(t);
            }
            Opcode::BUILD_LIST => {
                let items = s.split_off(stack::tail(vm, s, arg as usize, opcode)?);
                f.bufs.stack.push(vm.new_list(items));
            }
            Opcode::BUILD_SET => {
                let items = s.split_off(stack::tail(vm, s, arg as usize, opcode)?);
                let set = slow::build_set(vm, items)?;
                f.bufs.stack.push(set);
            }
            Opcode::BUILD_MAP => {
                let d = slow::build_map(vm, s, arg as usize)?;
                f.bufs.stack.push(d);
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let d = slow::build_const_key_map(vm, s, arg as usize)?;
                f.bufs.stack.push(d);
            }
            Opcode::BUILD_STRING => {
                let str = slow::build_string(vm, s, arg as usize)?;
                f.bufs.stack.push(str);
            }
            Opcode::BUILD_SLICE => {
                let step = match arg {
                    2 => vm.none.clone(),
                    3 => pop(vm, s, opcode)?,
                    _ => return Err(stack::bad_oparg(vm, opcode, arg).into()),
                };
                let stop = pop(vm, s, opcode)?;
                let start = pop(vm, s, opcode)?;
                s.push(PyRef::new(
                    Payload::Slice { start, stop, step },
                    &vm.types.slice,
                ));
            }
            Opcode::LIST_APPEND => {
                let v = pop(vm, s, opcode)?;
                let list = stack::peek(vm, s, arg as usize, opcode)?;
                match &list.payload {
                    Payload::List(l) => alloc::push(vm, &mut l.borrow_mut(), v)?,
                    _ => return Err(stack::wrong_kind(vm, opcode, "target", list, "list").into()),
                }
            }
            Opcode::SET_ADD => {
                let v = pop(vm, s, opcode)?;
                let set = stack::peek(vm, s, arg as usize, opcode)?;
                slow::set_add(vm, set, v)?;
            }
            Opcode::MAP_ADD => {
                let v = pop(vm, s, opcode)?;
                let k = pop(vm, s, opcode)?;
                let d = stack::peek(vm, s, arg as usize, opcode)?;
                slow::map_add(vm, d, k, v)?;
            }
            Opcode::LIST_EXTEND => {
                let it = pop(vm, s, opcode)?;
                let l = stack::peek(vm, s, arg as usize, opcode)?;
                slow::list_extend(vm, l, &it)?;
            }
            Opcode::SET_UPDATE => {
                let it = pop(vm, s, opcode)?;
                let set = stack::peek(vm, s, arg as usize, opcode)?;
                slow::set_update(vm, set, &it)?;
            }
            Opcode::DICT_UPDATE | Opcode::DICT_MERGE => slow::dict_update(vm, f, opcode, arg)?,
            Opcode::LIST_TO_TUPLE => {
                let l = pop(vm, s, opcode)?;
                let t = match &l.payload {
                    Payload::List(v) => vm.new_tuple(v.borrow().clone()),
                    _ => return Err(stack::wrong_kind(vm, opcode, "operand", &l, "list").into()),
                };
                f.bufs.stack.push(t);
            }
            Opcode::GET_ITER => {
                let v = pop(vm, s, opcode)?;
                let it = vm.iter(&v)?;
                f.bufs.stack.push(it);
            }
            Opcode::FOR_ITER => {
                let it = top(vm, s, opcode)?;
                match crate::objects::iter::for_iter_next(vm, &it)? {
                    Some(v) => f.bufs.stack.push(v),
                    None => {
                        f.bufs.stack.pop();
                        ip += arg as usize;
                    }
                }
            }
            Opcode::UNPACK_SEQUENCE => {
                let seq = pop(vm, s, opcode)?;
                slow::unpack_sequence(vm, f, &seq, arg as usize)?;
            }
            Opcode::UNPACK_EX => {
                let seq = pop(vm, s, opcode)?;
                slow::unpack_ex(vm, f, &seq, arg)?;
            }
            Opcode::MAKE_FUNCTION => slow::make_function(vm, f, arg)?,
            Opcode::MAKE_CELL => {
                let slot = stack::local(vm, &f.data.fast, arg, opcode)?;
                let v = slot.take();
                slot.set(Some(vm.new_cell(v)));
            }
            Opcode::COPY_FREE_VARS => slow::copy_free_vars(vm, f, arg as usize)?,
            Opcode::LOAD_CLOSURE => match stack::local_get(vm, &f.data.fast, arg, opcode)? {
                Some(cell) => s.push(cell),
                None => return Err(slow::unbound_local(vm, f, arg).into()),
            },
            Opcode::LOAD_DEREF => {
                let v = slow::load_deref(vm, f, arg as usize)?;
                f.bufs.stack.push(v);
            }
            Opcode::LOAD_CLASSDEREF => {
                let v = slow::load_classderef(vm, f, arg as usize)?;
                f.bufs.stack.push(v);
            }
            Opcode::STORE_DEREF => {
                let v = pop(vm, s, opcode)?;
                slow::store_deref(vm, f, arg as usize, v)?;
            }
            Opcode::DELETE_DEREF => slow::delete_deref(vm, f, arg as usize)?,
            Opcode::FORMAT_VALUE => slow::format_value(vm, f, arg)?,
            Opcode::RAISE_VARARGS => return Err(slow::raise_varargs(vm, f, arg)),
            Opcode::RERAISE => {
                let exc = slow::reraised(vm, pop(vm, s, opcode)?)?;
                let lasti = match arg {
                    0 => None,
                    _ => Some(slow::reraise_lasti(vm, s, arg as usize, units.len())?),
                };
                return Err(Raised {
                    exc,
                    reraise: true,
                    lasti,
                });
            }
            Opcode::PUSH_EXC_INFO => {
                let exc = pop(vm, s, opcode)?;
                // None when no exception is being handled, as CPython pushes.
                let prev = vm.handled_exception().unwrap_or_else(|| vm.none.clone());
                vm.set_handled_exception(Some(exc.clone()));
                f.bufs.stack.push(prev);
                f.bufs.stack.push(exc);
            }
            Opcode::POP_EXCEPT => {
                let prev = pop(vm, s, opcode)?;
                vm.set_handled_exception(if prev.is_none() { None } else { Some(prev) });
            }
            Opcode::CHECK_EXC_MATCH => {
                let ty = pop(vm, s, opcode)?;
                let exc = top(vm, s, opcode)?;
                let r = slow::exception_matches(vm, &exc, &ty)?;
                f.bufs.stack.push(vm.new_bool(r));
            }
            Opcode::LOAD_ASSERTION_ERROR => s.push(vm.exc.assertion_error.clone()),
            Opcode::LOAD_BUILD_CLASS => {
                let v = slow::load_build_class(vm, f)?;
                f.bufs.stack.push(v);
            }
            Opcode::BEFORE_WITH => slow::before_with(vm, f)?,
            Opcode::WITH_EXCEPT_START => slow::with_except_start(vm, f)?,
            Opcode::IMPORT_NAME => {
                let fromlist = pop(vm, s, opcode)?;
                let level = pop(vm, s, opcode)?;
                let name = stack::name(vm, &code, arg, opcode)?;
                let m = crate::import::import_name(vm, f, name, &fromlist, &level)?;
                f.bufs.stack.push(m);
            }
            Opcode::IMPORT_FROM => {
                let m = top(vm, s, opcode)?;
                let v = crate::import::import_from(vm, &m, stack::name(vm, &code, arg, opcode)?)?;
                f.bufs.stack.push(v);
            }
            Opcode::IMPORT_STAR => {
                let m = pop(vm, s, opcode)?;
                crate::import::import_star(vm, f, &m)?;
            }
            Opcode::SETUP_ANNOTATIONS => slow::setup_annotations(vm, f)?,
            // A suspended frame's `lasti` is the instruction that suspended
            // it (CPython's `prev_instr`); resuming continues after it.
            Opcode::RETURN_GENERATOR => return Ok(FrameExit::Generator),
            Opcode::YIELD_VALUE => {
                let v = pop(vm, s, opcode)?;
                return Ok(FrameExit::Yield(v));
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = pop(vm, s, opcode)?;
                let it = if matches!(v.payload, Payload::Generator(_)) {
                    v
                } else {
                    vm.iter(&v)?
                };
                f.bufs.stack.push(it);
            }
            Opcode::SEND => {
                let v = pop(vm, s, opcode)?;
                let receiver = top(vm, s, opcode)?;
                match crate::objects::generator::send_to(vm, &receiver, v)? {
                    Ok(y) => f.bufs.stack.push(y),
                    Err(ret) => {
                        f.bufs.stack.pop();
                        f.bufs.stack.push(ret);
                        ip += arg as usize;
                    }
                }
            }
            Opcode::GET_LEN => {
                let v = top(vm, s, opcode)?;
                let n = vm.len(&v)?;
                f.bufs.stack.push(vm.new_int(n as i64));
            }
            Opcode::PRINT_EXPR => {
                let v = pop(vm, s, opcode)?;
                slow::print_expr(vm, &v)?;
            }
            Opcode::MATCH_MAPPING
            | Opcode::MATCH_SEQUENCE
            | Opcode::MATCH_KEYS
            | Opcode::MATCH_CLASS
            | Opcode::CHECK_EG_MATCH
            | Opcode::PREP_RERAISE_STAR => {
                return Err(vm.unsupported("match statements and except*").into())
            }
            Opcode::GET_AITER
            | Opcode::GET_ANEXT
            | Opcode::BEFORE_ASYNC_WITH
            | Opcode::END_ASYNC_FOR
            | Opcode::ASYNC_GEN_WRAP
            | Opcode::GET_AWAITABLE => return Err(vm.unsupported("async code").into()),
        }
    }
}

/// Both operands are exactly `int` (not `bool`, not a subclass that may
/// override the operator): the machine-int fast paths apply.
#[inline(always)]
fn exact_ints(vm: &Vm, a: &PyRef, b: &PyRef) -> bool {
    a.class().is(&vm.types.int) && b.class().is(&vm.types.int)
}

#[inline(always)]
fn exact_floats(vm: &Vm, a: &PyRef, b: &PyRef) -> bool {
    a.class().is(&vm.types.float) && b.class().is(&vm.types.float)
}

/// A taken conditional jump's target; a backward one is a safe point
/// (CPython's eval-breaker check on backward jumps).
#[inline(always)]
fn jump_checked(vm: &Vm, ip: usize, op: Opcode, arg: u32) -> PyResult<usize> {
    if matches!(op.arg_kind(), minipy_bytecode::ArgKind::JumpBackward) {
        let target = back(vm, ip, arg, op)?;
        safe_point(vm)?;
        Ok(target)
    } else {
        Ok(ip + arg as usize)
    }
}

/// A backward jump's target, which must not precede the code. (A forward
/// target past the end fails at the next fetch.)
#[inline(always)]
fn back(vm: &Vm, ip: usize, arg: u32, op: Opcode) -> PyResult<usize> {
    match ip.checked_sub(arg as usize) {
        Some(target) => Ok(target),
        None => Err(bad_bytecode(
            vm,
            format!("{} {} jumps before the start of the code", op.name(), arg),
        )),
    }
}

#[cold]
#[inline(never)]
fn past_the_end(vm: &Vm, ip: usize, len: usize) -> PyRef {
    bad_bytecode(
        vm,
        format!(
            "instruction {} is past the end of the code ({} code units)",
            ip, len
        ),
    )
}

#[inline(always)]
fn truth(vm: &Vm, v: &PyRef) -> PyResult<bool> {
    if v.is(&vm.true_) {
        return Ok(true);
    }
    if v.is(&vm.false_) || v.is_none() {
        return Ok(false);
    }
    if let Payload::Int(i) = v.payload {
        if v.class().is(&vm.types.int) {
            return Ok(i != 0);
        }
    }
    vm.truthy(v)
}
