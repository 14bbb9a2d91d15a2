//! How often a login may be tried. Three counts of attempts that did not succeed, each
//! with its own rule:
//!
//! - per **account and address**: after [`PAIR`]'s free attempts, each next one must wait
//!   twice as long as the last (1 s, 2 s, 4 s … up to 15 minutes); refused meanwhile with
//!   429 and `Retry-After`, the right password too. The owner elsewhere is not affected.
//! - per **address**, whatever the account: the same after [`ADDRESS`]'s free attempts, so
//!   one address cannot try every account.
//! - per **account**, from everywhere: it never refuses (that would let anyone lock an
//!   editor out) but, past [`ACCOUNT`]'s free attempts, every login to the account waits
//!   a growing delay (up to 2 s) before its password is checked, and once it has been
//!   tried that often from elsewhere, each address gets only one free attempt at it
//!   ([`UNDER_ATTACK_FREE`]).
//!
//! An attempt counts when it is admitted, before its password is checked, so attempts
//! sent at once cannot all slip in before the first failure is known; a success takes its
//! own back and clears its account and address. An address is counted by its /64 when it
//! is IPv6 (one subscriber's whole prefix). Counts are forgotten after [`FORGET`] without
//! an attempt, and at most [`MAX_TRACKED`] are kept: past it, the forgotten go first, then
//! those with the fewest attempts. The clock is the caller's (`now`), so the rules are
//! tested without waiting.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// When attempts start to wait, and how long.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Attempts that need not wait.
    pub free: u32,
    /// The first wait; each later one is twice the one before.
    pub base: Duration,
    /// The longest wait.
    pub max: Duration,
}

impl Rule {
    /// How long after the last attempt the next one may come, after `attempts` that did
    /// not succeed, when `free` need not wait.
    #[must_use]
    pub fn wait(&self, attempts: u32, free: u32) -> Duration {
        if attempts < free {
            return Duration::ZERO;
        }
        let doublings = (attempts - free).min(30);
        self.base.saturating_mul(1 << doublings).min(self.max)
    }
}

/// Per account and address.
pub const PAIR: Rule = Rule {
    free: 5,
    base: Duration::from_secs(1),
    max: Duration::from_mins(15),
};
/// Per address, over every account.
pub const ADDRESS: Rule = Rule {
    free: 20,
    base: Duration::from_secs(1),
    max: Duration::from_mins(15),
};
/// Per account, from every address: a delay before the check, never a refusal.
pub const ACCOUNT: Rule = Rule {
    free: 10,
    base: Duration::from_millis(100),
    max: Duration::from_secs(2),
};
/// Free attempts per address at an account tried more than [`ACCOUNT`]'s free times from
/// other addresses.
pub const UNDER_ATTACK_FREE: u32 = 1;
/// A count with no attempt for this long is forgotten. Longer than the longest wait, so
/// waiting it out does not start an attacker afresh.
pub const FORGET: Duration = Duration::from_hours(1);
/// The most counts kept (three per attempt at most; about 100 bytes each).
pub const MAX_TRACKED: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Pair(String, Option<IpAddr>),
    Address(Option<IpAddr>),
    Account(String),
}

#[derive(Debug, Clone, Copy)]
struct Count {
    attempts: u32,
    last: Instant,
    /// Whether a refusal since the last admitted attempt was reported.
    told: bool,
}

/// Which count holds an attempt back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    AccountAndAddress,
    Address,
}

impl Scope {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::AccountAndAddress => "account and address",
            Scope::Address => "address",
        }
    }
}

/// An attempt that must wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub wait: Duration,
    pub scope: Scope,
    /// The first refusal of this wait (later ones are not worth a line each).
    pub first: bool,
}

/// An attempt let through, after `delay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admitted {
    pub delay: Duration,
}

/// The counts, behind one lock (held for microseconds, never across an await).
#[derive(Default)]
pub struct Limits {
    counts: Mutex<HashMap<Key, Count>>,
}

/// What an address is counted as: itself, or its /64 for IPv6.
fn scope_of(addr: Option<IpAddr>) -> Option<IpAddr> {
    addr.map(|a| match a.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from_bits(v6.to_bits() & (u128::MAX << 64))),
        v4 @ IpAddr::V4(_) => v4,
    })
}

fn keys(name: &str, addr: Option<IpAddr>) -> [Key; 3] {
    let addr = scope_of(addr);
    [
        Key::Pair(name.to_string(), addr),
        Key::Address(addr),
        Key::Account(name.to_string()),
    ]
}

impl Limits {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Count>> {
        self.counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Lets a login to `name` from `addr` through (counting it), or says how long it must
    /// wait. A refused attempt adds nothing to the counts.
    pub fn admit(&self, name: &str, addr: Option<IpAddr>, now: Instant) -> Result<Admitted, Held> {
        let mut counts = self.lock();
        let [pair, address, account] = keys(name, addr);
        let live = |c: &Count| now.saturating_duration_since(c.last) < FORGET;
        let attempts = |counts: &HashMap<Key, Count>, k: &Key| {
            counts.get(k).filter(|c| live(c)).map_or(0, |c| c.attempts)
        };
        let at_account = attempts(&counts, &account);
        // Tried from elsewhere that often, the account is under attack.
        let pair_free = if at_account.saturating_sub(attempts(&counts, &pair)) >= ACCOUNT.free {
            UNDER_ATTACK_FREE
        } else {
            PAIR.free
        };
        let mut held: Option<(Duration, Scope, Key)> = None;
        for (key, rule, free, scope) in [
            (&pair, PAIR, pair_free, Scope::AccountAndAddress),
            (&address, ADDRESS, ADDRESS.free, Scope::Address),
        ] {
            let Some(c) = counts.get(key).filter(|c| live(c)) else {
                continue;
            };
            let ready = c.last + rule.wait(c.attempts, free);
            let wait = ready.saturating_duration_since(now);
            if !wait.is_zero() && held.as_ref().is_none_or(|(w, _, _)| wait > *w) {
                held = Some((wait, scope, key.clone()));
            }
        }
        if let Some((wait, scope, key)) = held {
            let c = counts.get_mut(&key).expect("found above");
            let first = !c.told;
            c.told = true;
            return Err(Held { wait, scope, first });
        }
        make_room(&mut counts, now);
        for key in [pair, address, account] {
            let c = counts.entry(key).or_insert(Count {
                attempts: 0,
                last: now,
                told: false,
            });
            if !live(c) {
                c.attempts = 0;
            }
            c.attempts = c.attempts.saturating_add(1);
            c.last = now;
            c.told = false;
        }
        Ok(Admitted {
            delay: ACCOUNT.wait(at_account, ACCOUNT.free),
        })
    }

    /// The admitted attempt failed: its waits run from now (the check took a while).
    pub fn failed(&self, name: &str, addr: Option<IpAddr>, now: Instant) {
        let mut counts = self.lock();
        for key in keys(name, addr) {
            if let Some(c) = counts.get_mut(&key) {
                c.last = c.last.max(now);
            }
        }
    }

    /// The admitted attempt succeeded: it is taken back, and its account and address start
    /// afresh (the owner's typos are forgiven there, not elsewhere).
    pub fn succeeded(&self, name: &str, addr: Option<IpAddr>) {
        let mut counts = self.lock();
        let [pair, address, account] = keys(name, addr);
        counts.remove(&pair);
        for key in [address, account] {
            if let Some(c) = counts.get_mut(&key) {
                c.attempts = c.attempts.saturating_sub(1);
                if c.attempts == 0 {
                    counts.remove(&key);
                }
            }
        }
    }

    /// How many counts are kept.
    #[must_use]
    pub fn tracked(&self) -> usize {
        self.lock().len()
    }
}

/// Keeps the map under [`MAX_TRACKED`] with room for one more attempt's three counts:
/// the forgotten go first, then those with the fewest attempts (and the oldest among
/// them), down to four fifths of the bound so this runs rarely.
fn make_room(counts: &mut HashMap<Key, Count>, now: Instant) {
    if counts.len() + 3 <= MAX_TRACKED {
        return;
    }
    counts.retain(|_, c| now.saturating_duration_since(c.last) < FORGET);
    if counts.len() + 3 <= MAX_TRACKED {
        return;
    }
    let mut order: Vec<(u32, Instant, Key)> = counts
        .iter()
        .map(|(k, c)| (c.attempts, c.last, k.clone()))
        .collect();
    order.sort_unstable_by_key(|(attempts, last, _)| (*attempts, *last));
    let excess = counts.len() - MAX_TRACKED * 4 / 5;
    for (_, _, key) in order.into_iter().take(excess) {
        counts.remove(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ATTACKER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 7)));
    const OWNER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 9)));

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    /// `attempts` admitted and failed attempts at `name` from `addr`, at `now`.
    fn fail(l: &Limits, name: &str, addr: Option<IpAddr>, now: Instant, attempts: u32) {
        for _ in 0..attempts {
            l.admit(name, addr, now).expect("admitted");
            l.failed(name, addr, now);
        }
    }

    #[test]
    fn waits_double_up_to_the_longest() {
        let cases: &[(u32, u32, Duration)] = &[
            (0, 5, Duration::ZERO),
            (4, 5, Duration::ZERO),
            (5, 5, secs(1)),
            (6, 5, secs(2)),
            (9, 5, secs(16)),
            (14, 5, secs(512)),
            (15, 5, secs(900)),
            (1_000, 5, secs(900)),
            (u32::MAX, 0, secs(900)),
        ];
        for (attempts, free, want) in cases {
            assert_eq!(
                PAIR.wait(*attempts, *free),
                *want,
                "{attempts} after {free} free"
            );
        }
        assert_eq!(ACCOUNT.wait(10, 10), Duration::from_millis(100));
        assert_eq!(ACCOUNT.wait(50, 10), secs(2));
    }

    #[test]
    fn a_pair_waits_longer_each_time_and_the_owner_elsewhere_does_not() {
        let l = Limits::default();
        let t = Instant::now();
        fail(&l, "eda", ATTACKER, t, 5);
        let held = l.admit("eda", ATTACKER, t).unwrap_err();
        assert_eq!(
            held,
            Held {
                wait: secs(1),
                scope: Scope::AccountAndAddress,
                first: true
            }
        );
        // A second refusal in the same wait is not reported again, and counts nothing.
        let before = l.tracked();
        assert!(!l.admit("eda", ATTACKER, t).unwrap_err().first);
        assert_eq!(l.tracked(), before);
        // The owner elsewhere goes straight through.
        assert_eq!(
            l.admit("eda", OWNER, t),
            Ok(Admitted {
                delay: Duration::ZERO
            })
        );
        l.succeeded("eda", OWNER);
        // The attacker's waits double.
        let t1 = t + secs(1);
        fail(&l, "eda", ATTACKER, t1, 1);
        assert_eq!(
            l.admit("eda", ATTACKER, t1 + secs(1)).unwrap_err().wait,
            secs(1)
        );
        let t2 = t1 + secs(2);
        fail(&l, "eda", ATTACKER, t2, 1);
        assert_eq!(l.admit("eda", ATTACKER, t2).unwrap_err().wait, secs(4));
        // Another account from the attacker's address is not held by this pair.
        assert!(l.admit("ada", ATTACKER, t2).is_ok());
    }

    #[test]
    fn the_wait_runs_from_the_failure_not_from_the_admission() {
        let l = Limits::default();
        let t = Instant::now();
        fail(&l, "eda", ATTACKER, t, 4);
        l.admit("eda", ATTACKER, t).unwrap();
        // The check took three seconds.
        l.failed("eda", ATTACKER, t + secs(3));
        assert_eq!(
            l.admit("eda", ATTACKER, t + secs(3)).unwrap_err().wait,
            secs(1)
        );
    }

    #[test]
    fn attempts_sent_at_once_count_before_their_answers() {
        let l = Limits::default();
        let t = Instant::now();
        for _ in 0..5 {
            l.admit("eda", ATTACKER, t).unwrap();
        }
        // Five are being checked; the sixth waits without any answer known yet.
        assert!(l.admit("eda", ATTACKER, t).is_err());
    }

    #[test]
    fn a_success_forgives_its_own_address_only() {
        let l = Limits::default();
        let t = Instant::now();
        fail(&l, "eda", OWNER, t, 4);
        l.admit("eda", OWNER, t).unwrap();
        l.succeeded("eda", OWNER);
        // The owner's four typos are forgiven: five more free attempts, then a wait.
        fail(&l, "eda", OWNER, t, 5);
        assert!(l.admit("eda", OWNER, t).is_err());
        // Someone else's success does not forgive the attacker.
        let elsewhere = Some("192.0.2.1".parse().unwrap());
        fail(&l, "ada", ATTACKER, t, 5);
        l.admit("ada", elsewhere, t).unwrap();
        l.succeeded("ada", elsewhere);
        assert!(l.admit("ada", ATTACKER, t).is_err());
    }

    #[test]
    fn one_address_cannot_try_every_account() {
        let l = Limits::default();
        let t = Instant::now();
        for i in 0..20 {
            fail(&l, &format!("user{i}"), ATTACKER, t, 1);
        }
        let held = l.admit("user99", ATTACKER, t).unwrap_err();
        assert_eq!((held.wait, held.scope), (secs(1), Scope::Address));
        assert!(l.admit("user99", OWNER, t).is_ok());
    }

    #[test]
    fn an_account_under_attack_is_slowed_never_locked() {
        let l = Limits::default();
        let t = Instant::now();
        for i in 0..40u8 {
            let addr = Some(IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, i)));
            let admitted = l
                .admit("eda", addr, t)
                .expect("never refused for the account");
            let want = ACCOUNT.wait(u32::from(i), ACCOUNT.free);
            assert_eq!(admitted.delay, want, "attempt {i}");
            l.failed("eda", addr, t);
        }
        // Slowed by the longest delay, but the owner gets through.
        assert_eq!(
            l.admit("eda", OWNER, t),
            Ok(Admitted { delay: ACCOUNT.max })
        );
        // Under attack, an address gets one free attempt at the account, not five.
        let one = Some(IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1)));
        fail(&l, "eda", one, t, 1);
        assert_eq!(l.admit("eda", one, t).unwrap_err().wait, secs(1));
    }

    #[test]
    fn an_ipv6_subscriber_is_one_address() {
        let l = Limits::default();
        let t = Instant::now();
        for i in 1..=5u16 {
            let addr = Some(IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 1, 0, 0, 0, i)));
            fail(&l, "eda", addr, t, 1);
        }
        let next = Some(IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 1, 9, 9, 9, 9)));
        assert!(l.admit("eda", next, t).is_err());
        let other = Some(IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 2, 0, 0, 0, 1)));
        assert!(l.admit("eda", other, t).is_ok());
    }

    #[test]
    fn counts_are_forgotten_after_an_hour_without_attempts() {
        let l = Limits::default();
        let mut t = Instant::now();
        fail(&l, "eda", ATTACKER, t, 5);
        // Each wait waited out, up to the longest.
        for n in 5..15 {
            t += PAIR.wait(n, PAIR.free);
            fail(&l, "eda", ATTACKER, t, 1);
        }
        let wait = l
            .admit("eda", ATTACKER, t + Duration::from_mins(10))
            .unwrap_err()
            .wait;
        assert_eq!(wait, Duration::from_mins(5));
        // An hour without an attempt: five free ones again.
        fail(&l, "eda", ATTACKER, t + Duration::from_mins(61), 5);
    }

    #[test]
    fn the_counts_stay_bounded_and_keep_the_attacked_pair() {
        let l = Limits::default();
        let t = Instant::now();
        fail(&l, "eda", ATTACKER, t, 5);
        // An attacker floods the map with new names from new addresses.
        for i in 0..50_000u32 {
            let addr = Some(IpAddr::V4(std::net::Ipv4Addr::from_bits(0x0a00_0000 + i)));
            fail(&l, &format!("n{i}"), addr, t, 1);
            assert!(l.tracked() <= MAX_TRACKED, "{} after {i}", l.tracked());
        }
        assert!(
            l.admit("eda", ATTACKER, t).is_err(),
            "the pair is still held"
        );
    }
}
