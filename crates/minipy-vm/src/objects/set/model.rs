//! A model of CPython's set hash table (`Objects/setobject.c`), kept beside
//! each set's insertion-ordered `DictData`, so that iteration, repr and
//! `pop` visit elements in the slot order CPython would.
//!
//! Models live in a side table keyed by the set's address and are checked
//! against the set (`version`, `len`, and at iteration time the element
//! identities); a missing or stale model is rebuilt by replaying the
//! insertions. The table is bounded: past `MAX_MODELS` entries it is
//! cleared (models are then rebuilt on demand).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::heap::PyRef;
use crate::objects::dict;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MINSIZE: usize = 8;
const MAX_MODELS: usize = 20_000;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Slot {
    Empty,
    Dummy,
    Active { hash: i64, addr: usize },
}

#[derive(Clone, Debug)]
pub struct SetModel {
    pub slots: Vec<Slot>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
    pub version: u64,
}

impl Default for SetModel {
    fn default() -> Self {
        SetModel {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

fn insert_clean(slots: &mut [Slot], hash: i64, addr: usize) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if slots[i] == Slot::Empty {
            slots[i] = Slot::Active { hash, addr };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if slots[i + j] == Slot::Empty {
                    slots[i + j] = Slot::Active { hash, addr };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

impl SetModel {
    pub fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// `set_table_resize`.
    pub fn resize(&mut self, minused: usize) {
        if self.try_resize(minused).is_err() {
            // Infallible callers only (`reserve_one` is the checked path):
            // abort as a `Vec` would, stdout written out by the hook.
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<[Slot; MINSIZE]>());
        }
    }

    /// Makes room so that adding one new key will not need a resize (the
    /// resize `add` would do after it, done first), or reports that memory
    /// ran out with the model unchanged.
    pub fn reserve_one(&mut self) -> Result<(), std::collections::TryReserveError> {
        if (self.fill + 1) * 5 >= self.mask() * 3 {
            let used = self.used + 1;
            let m = if used > 50000 { used * 2 } else { used * 4 };
            self.try_resize(m)?;
        }
        Ok(())
    }

    fn try_resize(&mut self, minused: usize) -> Result<(), std::collections::TryReserveError> {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let mut nt = Vec::new();
        nt.try_reserve_exact(newsize)?;
        nt.resize(newsize, Slot::Empty);
        for s in &self.slots {
            if let Slot::Active { hash, addr } = *s {
                insert_clean(&mut nt, hash, addr);
            }
        }
        self.slots = nt;
        self.fill = self.used;
        Ok(())
    }

    /// `set_add_entry` for a key known to be absent.
    pub fn add(&mut self, hash: i64, addr: usize) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let k = i + j;
                match self.slots[k] {
                    Slot::Empty => {
                        if let Some(f) = freeslot {
                            self.slots[f] = Slot::Active { hash, addr };
                            self.used += 1;
                            return;
                        }
                        self.slots[k] = Slot::Active { hash, addr };
                        self.fill += 1;
                        self.used += 1;
                        if self.fill * 5 >= mask * 3 {
                            let m = if self.used > 50000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            };
                            self.resize(m);
                        }
                        return;
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(k);
                        }
                    }
                    Slot::Active { .. } => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Marks the slot of `addr` as a dummy.
    pub fn remove(&mut self, hash: i64, addr: usize) -> bool {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        for _ in 0..(self.slots.len() * 4 + 64) {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                match self.slots[i + j] {
                    Slot::Empty => return self.remove_scan(addr),
                    Slot::Active { addr: a, .. } if a == addr => {
                        self.slots[i + j] = Slot::Dummy;
                        self.used -= 1;
                        return true;
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
        self.remove_scan(addr)
    }

    fn remove_scan(&mut self, addr: usize) -> bool {
        for s in self.slots.iter_mut() {
            if matches!(*s, Slot::Active { addr: a, .. } if a == addr) {
                *s = Slot::Dummy;
                self.used -= 1;
                return true;
            }
        }
        false
    }

    /// The end of `set_difference_update_internal`: a resize when more
    /// than a quarter of the table are dummies.
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let m = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(m);
        }
    }

    pub fn clear(&mut self) {
        self.slots = vec![Slot::Empty; MINSIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// The presizing step of `set_merge` / `set_update_internal` for dicts.
    pub fn presize(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// A copy of the model, or a report that memory ran out.
    pub fn try_clone(&self) -> Result<SetModel, std::collections::TryReserveError> {
        let mut slots = Vec::new();
        slots.try_reserve_exact(self.slots.len())?;
        slots.extend_from_slice(&self.slots);
        Ok(SetModel {
            slots,
            fill: self.fill,
            used: self.used,
            finger: self.finger,
            version: self.version,
        })
    }

    /// `presize`, reporting a failed allocation (the model unchanged).
    pub fn try_presize(
        &mut self,
        incoming: usize,
    ) -> Result<(), std::collections::TryReserveError> {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.try_resize((self.used + incoming) * 2)?;
        }
        Ok(())
    }

    /// `merge_into_empty`, reporting a failed allocation (the model
    /// unchanged).
    pub fn try_merge_into_empty(
        &mut self,
        other: &SetModel,
    ) -> Result<(), std::collections::TryReserveError> {
        if self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.try_clone()?.slots;
            self.fill = other.used;
            self.used = other.used;
            return Ok(());
        }
        self.merge_into_empty(other);
        Ok(())
    }

    /// `set_merge` into this (empty, already presized) model.
    pub fn merge_into_empty(&mut self, other: &SetModel) {
        if self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
        } else {
            for s in &other.slots {
                if let Slot::Active { hash, addr } = *s {
                    insert_clean(&mut self.slots, hash, addr);
                }
            }
        }
        self.fill = other.used;
        self.used = other.used;
    }

    /// Active `(hash, addr)` in slot order.
    pub fn order(&self) -> Vec<(i64, usize)> {
        self.slots
            .iter()
            .filter_map(|s| match *s {
                Slot::Active { hash, addr } => Some((hash, addr)),
                _ => None,
            })
            .collect()
    }

    /// `set.pop()`: the entry at or after the finger.
    pub fn pop_slot(&mut self) -> Option<(i64, usize)> {
        if self.used == 0 {
            return None;
        }
        let n = self.slots.len();
        let mut i = self.finger & (n - 1);
        for _ in 0..n {
            if let Slot::Active { hash, addr } = self.slots[i] {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                self.finger = i + 1;
                return Some((hash, addr));
            }
            i = (i + 1) % n;
        }
        None
    }
}

thread_local! {
    static MODELS: RefCell<HashMap<usize, SetModel>> = RefCell::new(HashMap::new());
}

/// Replays the set's insertions into a fresh model.
fn rebuild(set: &PyRef) -> SetModel {
    let t = dict::table(set).borrow();
    let mut m = SetModel::default();
    for e in t.iter() {
        m.add(e.hash, e.key.addr());
    }
    m.version = t.version;
    m
}

/// Takes the set's model out of the side table (rebuilt when stale).
pub fn take(set: &PyRef) -> SetModel {
    let found = MODELS.with(|m| m.borrow_mut().remove(&set.addr()));
    let t = dict::table(set).borrow();
    match found {
        Some(m) if m.version == t.version && m.used == t.len() => m,
        _ => {
            drop(t);
            rebuild(set)
        }
    }
}

/// Stores the model back, stamped with the set's current version.
pub fn put(set: &PyRef, mut m: SetModel) {
    m.version = dict::table(set).borrow().version;
    MODELS.with(|ms| {
        let mut ms = ms.borrow_mut();
        if ms.len() >= MAX_MODELS {
            ms.clear();
        }
        ms.insert(set.addr(), m);
    });
}

/// The set's elements in CPython's slot order.
pub fn ordered(set: &PyRef) -> Vec<PyRef> {
    let m = take(set);
    let by_addr: HashMap<usize, PyRef> = dict::table(set)
        .borrow()
        .iter()
        .map(|e| (e.key.addr(), e.key.clone()))
        .collect();
    let order = m.order();
    let mut out = Vec::with_capacity(order.len());
    for (_, a) in &order {
        match by_addr.get(a) {
            Some(k) => out.push(k.clone()),
            None => break,
        }
    }
    if out.len() != by_addr.len() {
        // Stale model (address reuse): replay.
        let m = rebuild(set);
        let order = m.order();
        out = order
            .iter()
            .filter_map(|(_, a)| by_addr.get(a).cloned())
            .collect();
        put(set, m);
        return out;
    }
    put(set, m);
    out
}
