//! warroom: a terminal war room for security incidents.
//!
//! Layers, dependencies pointing down only: `cli`/`runtime` → `app` / `ui` → `store` →
//! `domain`. See `docs/ARCHITECTURE.md`.

pub mod app;
pub mod config;
pub mod domain;
pub mod store;
