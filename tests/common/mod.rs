//! Helpers shared by the integration tests. Each test binary uses some of them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod exchange;
pub mod harness;
pub mod pty;
pub mod team;
