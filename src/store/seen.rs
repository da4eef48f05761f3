//! The ids an import has written into a new journal, held in memory while the journal is
//! built without its indexes of ids (see `transfer::Importer`).

use std::hash::BuildHasher as _;

use hashbrown::{DefaultHashBuilder, HashTable};
use uuid::Uuid;

/// Ids in the order they were added, each found again by its 64-bit hash: the hash, and
/// the id's place (4 bytes) in a hash table of places (about 20 MiB for 1,000,000 ids,
/// where a `HashMap` of hash and place takes 34). Two ids may share a hash: what is found
/// is where an id may be, for the caller to check.
#[derive(Default)]
pub(crate) struct Seen {
    /// The hash of each id, in the order added.
    hashes: Vec<u64>,
    /// Each id's place in `hashes`, found by its hash.
    places: HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Seen {
    /// Ids added.
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Adds `id` (which the caller knows is not here yet) at the next place; false, and
    /// nothing added, when the table holds as many ids as it can.
    pub(crate) fn add(&mut self, id: &Uuid) -> bool {
        let Ok(place) = u32::try_from(self.hashes.len()) else {
            return false;
        };
        let h = self.hasher.hash_one(id);
        self.hashes.push(h);
        let hashes = &self.hashes;
        self.places.insert_unique(h, place, |p| hashes[*p as usize]);
        true
    }

    /// The places (from 0, in the order added) of the ids with `id`'s hash: `id` is at
    /// one of them or at none.
    pub(crate) fn places<'a>(&'a self, id: &Uuid) -> impl Iterator<Item = usize> + 'a {
        let h = self.hasher.hash_one(id);
        self.places
            .iter_hash(h)
            .map(|p| *p as usize)
            .filter(move |p| self.hashes[*p] == h)
    }

    /// Whether an id with `id`'s hash was added (`id`, or another with its hash).
    pub(crate) fn may_hold(&self, id: &Uuid) -> bool {
        self.places(id).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly by design.

    use super::*;

    #[test]
    fn each_id_is_found_at_its_place_and_no_other_is_found() {
        let mut seen = Seen::default();
        assert!(!seen.may_hold(&Uuid::nil()));
        // Random ids, and numbered ones (ids a file made up), across several growths.
        let ids: Vec<Uuid> = (0..5_000_u128)
            .map(|n| {
                if n % 2 == 0 {
                    Uuid::new_v4()
                } else {
                    Uuid::from_u128(n)
                }
            })
            .collect();
        for id in &ids {
            assert!(!seen.may_hold(id), "{id} not added yet");
            assert!(seen.add(id));
        }
        assert_eq!(seen.len(), ids.len());
        for (place, id) in ids.iter().enumerate() {
            assert_eq!(seen.places(id).collect::<Vec<_>>(), [place], "{id}");
        }
        for n in 5_000..10_000_u128 {
            assert!(!seen.may_hold(&Uuid::from_u128(n + (1 << 64))));
        }
    }

    #[test]
    fn ids_with_one_hash_are_all_found() {
        let mut seen = Seen::default();
        let id = Uuid::new_v4();
        // The same id twice stands for two ids sharing a hash.
        for _ in 0..3 {
            seen.add(&Uuid::new_v4());
            seen.add(&id);
        }
        assert_eq!(seen.places(&id).collect::<Vec<_>>(), [1, 3, 5]);
    }
}
