//! `list.sort()` and `sorted()`: CPython 3.11's timsort
//! (`Objects/listobject.c`, explained in `Objects/listsort.txt`), ported
//! step for step so that a key type whose `<` runs Python code sees the
//! same comparisons, in the same order, as under CPython — natural runs
//! (`count_run`), binary insertion up to `minrun`, the powersort merge
//! policy (`powerloop`, `found_new_run`), and galloping merges
//! (`merge_lo`, `merge_hi`, `gallop_left`, `gallop_right`).
//!
//! What is sorted is a permutation of indices into the key array (the
//! keys never move, so every comparison is `keys[i] < keys[j]`); the
//! items are rearranged by it at the end. As in CPython:
//! - the list is empty while it is sorted (key functions and comparisons
//!   see `[]`), and a list that was changed meanwhile (it has storage
//!   again: CPython's `allocated != -1`) makes the sort fail with
//!   "list modified during sort", the changes discarded;
//! - a failing comparison leaves the items in some permutation of the
//!   input (every merge writes back what it holds on failure);
//! - `reverse=True` reverses, sorts stably, and reverses again.
//!
//! Keys that are all exact ints, floats (no NaN) or strs are ordered
//! without calls (no Python code can observe it, and a stable sort of a
//! total order has one result); keys all of one other type call that
//! type's `tp_richcompare` directly (`unsafe_object_compare`).

use std::cmp::Ordering;

use crate::heap::PyRef;
use crate::object::PyResult;
use crate::objects::function::Args;
use crate::objects::layout::Payload;
use crate::objects::seq::args;
use crate::objects::typeobj::slots::RichCmpFn;
use crate::protocol::CompareOp;
use crate::vm::Vm;

use super::cell;

/// Galloping starts after this many consecutive wins of one run.
const MIN_GALLOP: usize = 7;

/// One pending run: `len` indices from `base`, and its powersort power.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// CPython's `MergeState`, over the permutation being sorted.
struct MergeState<'a> {
    vm: &'a Vm,
    keys: &'a [PyRef],
    /// `tp_richcompare` of the keys' common type, when it may be called
    /// directly.
    richcompare: Option<RichCmpFn>,
    min_gallop: usize,
    listlen: usize,
    pending: Vec<Run>,
    /// Merge scratch space (`ms->a`).
    tmp: Vec<usize>,
}

impl MergeState<'_> {
    /// `ISLT(keys[x], keys[y])`.
    fn lt(&self, x: usize, y: usize) -> PyResult<bool> {
        let (v, w) = (&self.keys[x], &self.keys[y]);
        if let Some(f) = self.richcompare {
            let r = f(self.vm, v, w, CompareOp::Lt)?;
            if !r.is(&self.vm.not_implemented) {
                if r.is(&self.vm.true_) {
                    return Ok(true);
                }
                if r.is(&self.vm.false_) {
                    return Ok(false);
                }
                return self.vm.truthy(&r);
            }
        }
        self.vm.compare_bool(v, w, CompareOp::Lt)
    }

    /// `binarysort`: sorts `v[lo..hi]`, of which `v[lo..start]` is sorted.
    fn binarysort(&self, v: &mut [usize], lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = v[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            v.copy_within(l..start, l + 1);
            v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// `count_run`: the length of the run at `v[lo..hi]` and whether it
    /// is strictly descending.
    fn count_run(&self, v: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        let mut i = lo + 1;
        if i == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt(v[i], v[i - 1])? {
            i += 1;
            while i < hi && self.lt(v[i], v[i - 1])? {
                i += 1;
                n += 1;
            }
            return Ok((n, true));
        }
        i += 1;
        while i < hi && !self.lt(v[i], v[i - 1])? {
            i += 1;
            n += 1;
        }
        Ok((n, false))
    }

    /// `gallop_left`: the `k` with `a[k-1] < key <= a[k]`, searching from
    /// `hint`.
    fn gallop_left(&self, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len() as isize;
        let hint = hint as isize;
        let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
        if self.lt(a[hint as usize], key)? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(a[(hint + ofs) as usize], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(a[(hint - ofs) as usize], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(a[m as usize], key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    /// `gallop_right`: the `k` with `a[k-1] <= key < a[k]`.
    fn gallop_right(&self, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len() as isize;
        let hint = hint as isize;
        let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
        if self.lt(key, a[hint as usize])? {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(key, a[(hint - ofs) as usize])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        } else {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(key, a[(hint + ofs) as usize])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(key, a[m as usize])? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    /// `merge_lo`: merges `v[pa..pa+na]` and `v[pb..pb+nb]` (`pb = pa +
    /// na`, `na <= nb`), copying the first run out.
    fn merge_lo(
        &mut self,
        v: &mut [usize],
        pa: usize,
        na: usize,
        pb: usize,
        nb: usize,
    ) -> PyResult<()> {
        let mut a = std::mem::take(&mut self.tmp);
        a.clear();
        a.extend_from_slice(&v[pa..pa + na]);
        let (mut na, mut nb) = (na, nb);
        let (mut dest, mut ia, mut ib) = (pa, 0usize, pb);
        v[dest] = v[ib];
        dest += 1;
        ib += 1;
        nb -= 1;
        // Ok(true): the last of run A goes after the rest of B (CopyB).
        let end: PyResult<bool> = 'merge: {
            if nb == 0 {
                break 'merge Ok(false);
            }
            if na == 1 {
                break 'merge Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    let k = match self.lt(v[ib], a[ia]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        v[dest] = v[ib];
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        v[dest] = a[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'merge Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(v[ib], &a[ia..ia + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k;
                    if k > 0 {
                        v[dest..dest + k].copy_from_slice(&a[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            break 'merge Ok(true);
                        }
                        // Impossible for a consistent `<`, but it may not be.
                        if na == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    v[dest] = v[ib];
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Ok(false);
                    }
                    let k = match self.gallop_left(a[ia], &v[ib..ib + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k;
                    if k > 0 {
                        v.copy_within(ib..ib + k, dest);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    v[dest] = a[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        let r = match end {
            Ok(true) => {
                v.copy_within(ib..ib + nb, dest);
                v[dest + nb] = a[ia];
                Ok(())
            }
            Ok(false) | Err(_) => {
                v[dest..dest + na].copy_from_slice(&a[ia..ia + na]);
                end.map(|_| ())
            }
        };
        self.tmp = a;
        r
    }

    /// `merge_hi`: as `merge_lo` from the right end (`na >= nb`), copying
    /// the second run out.
    fn merge_hi(
        &mut self,
        v: &mut [usize],
        pa: usize,
        na: usize,
        pb: usize,
        nb: usize,
    ) -> PyResult<()> {
        let mut b = std::mem::take(&mut self.tmp);
        b.clear();
        b.extend_from_slice(&v[pb..pb + nb]);
        let (mut na, mut nb) = (na, nb);
        // Signed: the cursors may step just below the start of their run.
        let mut dest = (pb + nb - 1) as isize;
        let mut ia = (pa + na - 1) as isize;
        let mut ib = nb as isize - 1;
        let basea = pa;
        let u = |i: isize| i as usize;
        v[u(dest)] = v[u(ia)];
        dest -= 1;
        ia -= 1;
        na -= 1;
        // Ok(true): the first of run B goes before the rest of A (CopyA).
        let end: PyResult<bool> = 'merge: {
            if na == 0 {
                break 'merge Ok(false);
            }
            if nb == 1 {
                break 'merge Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    let k = match self.lt(b[u(ib)], v[u(ia)]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        v[u(dest)] = v[u(ia)];
                        dest -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        v[u(dest)] = b[u(ib)];
                        dest -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'merge Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(b[u(ib)], &v[basea..basea + na], na - 1) {
                        Ok(k) => na - k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ia -= k as isize;
                        v.copy_within(u(ia + 1)..u(ia + 1) + k, u(dest + 1));
                        na -= k;
                        if na == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    v[u(dest)] = b[u(ib)];
                    dest -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'merge Ok(true);
                    }
                    let k = match self.gallop_left(v[u(ia)], &b[..nb], nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ib -= k as isize;
                        v[u(dest + 1)..u(dest + 1) + k]
                            .copy_from_slice(&b[u(ib + 1)..u(ib + 1) + k]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge Ok(true);
                        }
                        // Impossible for a consistent `<`, but it may not be.
                        if nb == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    v[u(dest)] = v[u(ia)];
                    dest -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        let r = match end {
            Ok(true) => {
                // nb == 1: A's remaining items move right by one.
                let lo = u(ia + 1 - na as isize);
                v.copy_within(lo..lo + na, u(dest + 1 - na as isize));
                dest -= na as isize;
                v[u(dest)] = b[u(ib)];
                Ok(())
            }
            Ok(false) | Err(_) => {
                if nb > 0 {
                    let lo = u(dest + 1 - nb as isize);
                    v[lo..lo + nb].copy_from_slice(&b[..nb]);
                }
                end.map(|_| ())
            }
        };
        self.tmp = b;
        r
    }

    /// `merge_at`: merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, v: &mut [usize], i: usize) -> PyResult<()> {
        let (pa, na) = (self.pending[i].base, self.pending[i].len);
        let (pb, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        let k = self.gallop_right(v[pb], &v[pa..pa + na], 0)?;
        let (pa, na) = (pa + k, na - k);
        if na == 0 {
            return Ok(());
        }
        let nb = self.gallop_left(v[pa + na - 1], &v[pb..pb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(v, pa, na, pb, nb)
        } else {
            self.merge_hi(v, pa, na, pb, nb)
        }
    }

    /// `found_new_run`: the powersort policy, before a run of length `n2`
    /// is pushed.
    fn found_new_run(&mut self, v: &mut [usize], n2: usize) -> PyResult<()> {
        let Some(last) = self.pending.last() else {
            return Ok(());
        };
        let power = powerloop(last.base, last.len, n2, self.listlen);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(v, self.pending.len() - 2)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    /// `merge_force_collapse`: merges every pending run.
    fn merge_force_collapse(&mut self, v: &mut [usize]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n)?;
        }
        Ok(())
    }

    /// The main loop of `list_sort_impl`.
    fn sort(&mut self, v: &mut [usize]) -> PyResult<()> {
        let n = v.len();
        let minrun = compute_minrun(n);
        let (mut lo, mut remaining) = (0, n);
        while remaining > 0 {
            let (mut run, descending) = self.count_run(v, lo, lo + remaining)?;
            if descending {
                v[lo..lo + run].reverse();
            }
            if run < minrun {
                let force = remaining.min(minrun);
                self.binarysort(v, lo, lo + force, lo + run)?;
                run = force;
            }
            self.found_new_run(v, run)?;
            self.pending.push(Run {
                base: lo,
                len: run,
                power: 0,
            });
            lo += run;
            remaining -= run;
        }
        self.merge_force_collapse(v)
    }
}

/// `powerloop`: the power of the run `[s1, s1 + n1)` followed by one of
/// length `n2`, in a list of length `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Orders `perm` by the keys without calling anything when they are all
/// exact ints, exact floats without NaN, or exact strs; false otherwise.
fn native_sort(vm: &Vm, keys: &[PyRef], perm: &mut [usize]) -> bool {
    let t = &vm.types;
    let all = |f: &dyn Fn(&PyRef) -> bool| keys.iter().all(f);
    if all(&|k| {
        matches!(k.payload, Payload::Int(_)) && (k.class().is(&t.int) || k.class().is(&t.bool))
    }) {
        perm.sort_by_key(|&i| keys[i].as_small_int());
        return true;
    }
    if all(&|k| k.class().is(&t.str)) {
        perm.sort_by(|&i, &j| keys[i].as_str().cmp(&keys[j].as_str()));
        return true;
    }
    let float = |k: &PyRef| match k.payload {
        Payload::Float(f) if k.class().is(&t.float) && !f.is_nan() => Some(f),
        _ => None,
    };
    if all(&|k| float(k).is_some()) {
        perm.sort_by(|&i, &j| {
            float(&keys[i])
                .partial_cmp(&float(&keys[j]))
                .unwrap_or(Ordering::Equal)
        });
        return true;
    }
    false
}

/// The `tp_richcompare` to call directly when every key has the same
/// type.
fn homogeneous_richcompare(keys: &[PyRef]) -> Option<RichCmpFn> {
    let first = keys.first()?.class();
    if !keys.iter().all(|k| k.class().is(first)) {
        return None;
    }
    first.as_type()?.slots.richcompare()
}

/// Sorts the permutation `perm` of indices into `keys`.
fn sort_perm(vm: &Vm, keys: &[PyRef], perm: &mut [usize]) -> PyResult<()> {
    if perm.len() < 2 || native_sort(vm, keys, perm) {
        return Ok(());
    }
    let mut ms = MergeState {
        vm,
        keys,
        richcompare: homogeneous_richcompare(keys),
        min_gallop: MIN_GALLOP,
        listlen: perm.len(),
        pending: Vec::new(),
        tmp: Vec::new(),
    };
    ms.sort(perm)
}

/// `items` rearranged by the permutation `perm`.
fn permuted(items: Vec<PyRef>, perm: &[usize]) -> Vec<PyRef> {
    let mut slots: Vec<Option<PyRef>> = items.into_iter().map(Some).collect();
    let out: Vec<PyRef> = perm.iter().filter_map(|&i| slots[i].take()).collect();
    debug_assert!(slots.iter().all(|s| s.is_none()), "not a permutation");
    out
}

/// Sorts `items` in place as `list.sort(key=key, reverse=reverse)` would
/// (for the interpreter's own sorts, such as `dir()`'s).
pub fn sort_items(
    vm: &Vm,
    items: &mut Vec<PyRef>,
    key: Option<&PyRef>,
    reverse: bool,
) -> PyResult<()> {
    let keys = match key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call_args(f, std::slice::from_ref(it))?);
            }
            Some(ks)
        }
        None => None,
    };
    let mut perm: Vec<usize> = (0..items.len()).collect();
    if reverse {
        perm.reverse();
    }
    let r = sort_perm(vm, keys.as_deref().unwrap_or(items), &mut perm);
    if reverse {
        perm.reverse();
    }
    drop(keys);
    *items = permuted(std::mem::take(items), &perm);
    r
}

/// `list_sort_impl`: sorts the list object `l`.
pub fn list_sort(vm: &Vm, l: &PyRef, key: Option<&PyRef>, reverse: bool) -> PyResult<()> {
    let v = cell(vm, l)?;
    // The list is empty (and has no storage) while it is sorted.
    let items = std::mem::take(&mut *v.borrow_mut());
    let restore = |items: Vec<PyRef>| {
        let changed = std::mem::replace(&mut *v.borrow_mut(), items);
        drop(changed);
    };
    let keys = match key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                match vm.call_args(f, std::slice::from_ref(it)) {
                    Ok(k) => ks.push(k),
                    Err(e) => {
                        drop(ks);
                        restore(items);
                        return Err(e);
                    }
                }
            }
            Some(ks)
        }
        None => None,
    };
    let mut perm: Vec<usize> = (0..items.len()).collect();
    if reverse {
        perm.reverse();
    }
    let mut r = sort_perm(vm, keys.as_deref().unwrap_or(&items), &mut perm);
    drop(keys);
    let modified = {
        let now = v.borrow();
        !now.is_empty() || now.capacity() != 0
    };
    if modified && r.is_ok() {
        r = Err(vm.value_error("list modified during sort".to_string()));
    }
    if reverse {
        perm.reverse();
    }
    restore(permuted(items, &perm));
    r
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn sort(vm: &Vm, a: Args) -> PyResult {
    let Some((l, pos)) = a.pos().split_first() else {
        return Err(vm.type_error("unbound method list.sort() needs an argument".to_string()));
    };
    let b = args::unpack_keywords(vm, &a, pos, "sort", &["key", "reverse"], 0, (0, 0, 0))?;
    let key = b[0].filter(|k| !k.is_none());
    let reverse = match b[1] {
        Some(r) => c_int(vm, r)? != 0,
        None => false,
    };
    list_sort(vm, l, key, reverse)?;
    Ok(vm.none.clone())
}

/// `_PyLong_AsInt`: the index of `o` as a C int.
fn c_int(vm: &Vm, o: &PyRef) -> PyResult<i32> {
    let b = vm.index_big(o)?;
    num_traits::ToPrimitive::to_i32(&b)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int".to_string()))
}

/// `sorted(iterable, /, *, key=None, reverse=False)`: `list(iterable)`,
/// then its `sort` with the keyword arguments.
pub fn sorted(vm: &Vm, a: Args) -> PyResult {
    let pos = a.pos();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let l = vm.new_list(crate::objects::seq::collect(vm, &pos[0], 8)?);
    let mut argv = vec![l.clone()];
    argv.extend_from_slice(&a.args[1..]);
    sort(vm, Args::with_kw(&argv, a.kwnames))?;
    Ok(l)
}
