//! A regex's scratch space (its lazy DFA's states above all), shared by the workers that take
//! turns with it, plus one per worker for when two want it at once.
//!
//! `regex-automata` gives each thread its own cache, so each worker builds the same lazy DFA
//! states for the same rule: with two workers, building states was the larger part of the
//! rule pack's regex time on the cargo tree (4 ms of CPU, twice over for the rules both
//! workers met). A rule is searched for microseconds at a time and rarely by both workers at
//! once, so one cache behind a lock that is only ever tried serves nearly every search; a
//! worker that finds it taken uses its own, as before.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Mutex, TryLockError};

use regex_automata::util::pool::Pool;

/// Makes a fresh cache.
pub type MakeCache<C> = Box<dyn Fn() -> C + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// See the module documentation.
pub struct SharedCache<C: Send> {
    /// Made on first use: most compiled rules never search.
    shared: Mutex<Option<C>>,
    make: MakeCache<C>,
    own: Pool<C, MakeCache<C>>,
}

impl<C: Send> SharedCache<C> {
    /// `make` is called for the shared cache and for each worker's own, when needed.
    pub fn new(
        make: impl Fn() -> C + Clone + Send + Sync + UnwindSafe + RefUnwindSafe + 'static,
    ) -> Self {
        SharedCache {
            shared: Mutex::new(None),
            make: Box::new(make.clone()),
            own: Pool::new(Box::new(make)),
        }
    }

    /// Runs `each` with the shared cache if it is free, else with this thread's own.
    pub fn with<R>(&self, each: impl FnOnce(&mut C) -> R) -> R {
        match self.shared.try_lock() {
            Ok(mut shared) => each(shared.get_or_insert_with(&self.make)),
            // Poisoned: a search panicked (it does not); its cache is left alone.
            Err(TryLockError::WouldBlock | TryLockError::Poisoned(_)) => each(&mut self.own.get()),
        }
    }
}

impl<C: Send> std::fmt::Debug for SharedCache<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedCache").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn one_cache_serves_turns_and_a_second_one_only_when_taken() {
        let made = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&made);
        let cache = SharedCache::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
            Vec::<u32>::new()
        });
        assert_eq!(made.load(Ordering::SeqCst), 0);
        cache.with(|c| c.push(1));
        cache.with(|c| c.push(2));
        assert_eq!(made.load(Ordering::SeqCst), 1);
        // Taken: the nested use gets a cache of its own, and the shared one keeps its state.
        cache.with(|outer| {
            cache.with(|inner| assert!(inner.is_empty()));
            assert_eq!(outer, &[1, 2]);
        });
        assert_eq!(made.load(Ordering::SeqCst), 2);
    }
}
