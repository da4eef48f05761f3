//! The ids an import has written into a new journal, held in memory while the journal is
//! built without its indexes of ids (see `transfer::Importer`).

use uuid::Uuid;

/// Ids in the order they were added, each found again by its 64-bit hash: the hash, and
/// a slot of 4 bytes in a table at most three quarters full (16 MiB for 1,000,000 ids,
/// where a `HashMap` of hash and place takes 34). Two ids may share a hash: what is found
/// is where an id may be, for the caller to check.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    /// The hash of each id, in the order added.
    hashes: Vec<u64>,
    /// Open addressing, probed in order from a hash's slot: each slot empty (0) or an
    /// id's place in `hashes`, plus one.
    slots: Vec<u32>,
}

/// Slots of a table when the first id is added.
const FIRST_SLOTS: usize = 1024;

/// A 64-bit hash of an id (the finaliser of splitmix64 over its two halves): ids that
/// are not random (a file's own numbering) spread over the slots like those that are.
fn hash(id: &Uuid) -> u64 {
    let (hi, lo) = id.as_u64_pair();
    let mut z = hi ^ lo.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Seen {
    /// Ids added.
    pub(crate) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Adds `id` (which the caller knows is not here yet) at the next place; false, and
    /// nothing added, when the table holds as many ids as it can.
    pub(crate) fn add(&mut self, id: &Uuid) -> bool {
        let Ok(place) = u32::try_from(self.hashes.len() + 1) else {
            return false;
        };
        if place == u32::MAX {
            return false;
        }
        // At most three quarters full.
        if (self.hashes.len() + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let h = hash(id);
        self.hashes.push(h);
        let mask = self.slots.len() - 1;
        let mut i = slot_of(h, mask);
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = place;
        true
    }

    /// The places (from 0, in the order added) of the ids with `id`'s hash: `id` is at
    /// one of them or at none.
    pub(crate) fn places<'a>(&'a self, id: &Uuid) -> impl Iterator<Item = usize> + 'a {
        let h = hash(id);
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = if self.slots.is_empty() {
            None
        } else {
            Some(slot_of(h, mask))
        };
        std::iter::from_fn(move || {
            loop {
                let at = i?;
                let place = self.slots[at];
                if place == 0 {
                    i = None;
                    return None;
                }
                i = Some((at + 1) & mask);
                let place = place as usize - 1;
                if self.hashes[place] == h {
                    return Some(place);
                }
            }
        })
    }

    /// Whether an id with `id`'s hash was added (`id`, or another with its hash).
    pub(crate) fn may_hold(&self, id: &Uuid) -> bool {
        self.places(id).next().is_some()
    }

    /// Twice the slots, every id put in again.
    fn grow(&mut self) {
        let slots = (self.slots.len() * 2).max(FIRST_SLOTS);
        self.slots = vec![0; slots];
        let mask = slots - 1;
        for (place, h) in (1_u32..).zip(&self.hashes) {
            let mut i = slot_of(*h, mask);
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = place;
        }
    }
}

/// The slot a hash starts from, in a table of `mask + 1` slots.
fn slot_of(h: u64, mask: usize) -> usize {
    // The low bits of the finalised hash are as good as any; the cast keeps them.
    #[allow(clippy::cast_possible_truncation)]
    let low = h as usize;
    low & mask
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
        assert!(seen.slots.len() * 3 >= seen.len() * 4);
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
