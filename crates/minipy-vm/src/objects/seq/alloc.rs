//! Fallible allocation for buffers whose size comes from the program
//! (`seq * n`, `str.ljust(n)`, `bytes(n)`, ...): a request the allocator
//! cannot satisfy raises `MemoryError` as CPython does when `malloc` returns
//! NULL, instead of aborting the process. Sizes whose arithmetic overflows
//! are `MemoryError` too (CPython's `PyErr_NoMemory` on size overflow).

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::vm::Vm;

/// An empty `Vec` with room for exactly `n` elements, or `MemoryError`.
pub fn vec_with_capacity<T>(vm: &Vm, n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    Ok(v)
}

/// An empty `String` with room for exactly `n` bytes, or `MemoryError`.
pub fn string_with_capacity(vm: &Vm, n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    Ok(s)
}

/// Makes room for `additional` more elements in `v`, or `MemoryError`.
pub fn reserve<T>(vm: &Vm, v: &mut Vec<T>, additional: usize) -> PyResult<()> {
    v.try_reserve(additional).map_err(|_| vm.memory_error())
}

/// Makes room for `additional` more bytes in `s`, or `MemoryError`.
pub fn reserve_str(vm: &Vm, s: &mut String, additional: usize) -> PyResult<()> {
    s.try_reserve(additional).map_err(|_| vm.memory_error())
}

/// `a * b` as an allocation size; `MemoryError` when it overflows `isize`.
pub fn size_mul(vm: &Vm, a: usize, b: usize) -> PyResult<usize> {
    a.checked_mul(b)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| vm.memory_error())
}

/// `a + b` as an allocation size; `MemoryError` when it overflows `isize`.
pub fn size_add(vm: &Vm, a: usize, b: usize) -> PyResult<usize> {
    a.checked_add(b)
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| vm.memory_error())
}

/// `n` zero bytes, or `MemoryError`.
pub fn zeroed_bytes(vm: &Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v = vec_with_capacity(vm, n)?;
    v.resize(n, 0);
    Ok(v)
}

/// `s` repeated `k` times, or `MemoryError`.
pub fn repeat_str(vm: &Vm, s: &str, k: usize) -> PyResult<String> {
    let mut out = string_with_capacity(vm, size_mul(vm, s.len(), k)?)?;
    for _ in 0..k {
        out.push_str(s);
    }
    Ok(out)
}

/// `b` repeated `k` times, or `MemoryError`.
pub fn repeat_bytes(vm: &Vm, b: &[u8], k: usize) -> PyResult<Vec<u8>> {
    let mut out = vec_with_capacity(vm, size_mul(vm, b.len(), k)?)?;
    for _ in 0..k {
        out.extend_from_slice(b);
    }
    Ok(out)
}

/// `items` repeated `k` times, or `MemoryError`.
pub fn repeat_items(vm: &Vm, items: &[PyRef], k: usize) -> PyResult<Vec<PyRef>> {
    let n = size_mul(vm, items.len(), k)?;
    let mut out = vec_with_capacity(vm, n)?;
    for _ in 0..k {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

/// Appends `x` to `v`, growing it fallibly: `MemoryError` when the buffer
/// cannot grow (`Vec::push` would abort the process).
#[inline]
pub fn push<T>(vm: &Vm, v: &mut Vec<T>, x: T) -> PyResult<()> {
    if v.len() == v.capacity() {
        reserve(vm, v, 1)?;
    }
    v.push(x);
    Ok(())
}

/// The items of `it` in a `Vec`, or `MemoryError` when it cannot grow.
pub fn collect<T>(vm: &Vm, it: impl Iterator<Item = T>) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    reserve(vm, &mut v, it.size_hint().0)?;
    for x in it {
        push(vm, &mut v, x)?;
    }
    Ok(v)
}

/// Appends `s` to `out`, growing it fallibly (`MemoryError`).
#[inline]
pub fn push_str(vm: &Vm, out: &mut String, s: &str) -> PyResult<()> {
    reserve_str(vm, out, s.len())?;
    out.push_str(s);
    Ok(())
}

/// A copy of `b`, or `MemoryError` (`<[u8]>::to_vec` would abort).
pub fn copy_bytes(vm: &Vm, b: &[u8]) -> PyResult<Vec<u8>> {
    let mut v = vec_with_capacity(vm, b.len())?;
    v.extend_from_slice(b);
    Ok(v)
}

/// A copy of `s`, or `MemoryError` (`str::to_string` would abort).
pub fn copy_str(vm: &Vm, s: &str) -> PyResult<String> {
    let mut out = string_with_capacity(vm, s.len())?;
    out.push_str(s);
    Ok(out)
}

/// A copy of `items` (new references), or `MemoryError`.
pub fn clone_items(vm: &Vm, items: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut v = vec_with_capacity(vm, items.len())?;
    v.extend(items.iter().cloned());
    Ok(v)
}
