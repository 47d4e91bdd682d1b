//! The clock engine: every contractual and legal deadline of an incident.
//!
//! A clock's definition (copied into the incident when it is declared) says what starts
//! it, how long it runs and when it applies. Its state is *derived* from the journal's
//! facts — when a flag was set, when the retainer was alerted, when another clock was
//! met — so a deadline is always an absolute instant computed from events, the same
//! whenever and wherever the journal is read.

mod countdown;
mod def;
mod engine;
mod flag;

pub use countdown::{ClockStatus, Countdown, DUE_SOON_FRACTION};
pub use def::{Cap, ClockDef, Span, Trigger, Warn};
pub use engine::{ClockFacts, ClockState, ClockView, Clocks, RetainerTerms, Urgency};
pub use flag::{EntityFlags, Flag};

#[cfg(test)]
mod tests;
