//! warroom: a terminal war room for security incidents.
//!
//! Layers, dependencies pointing down only: `cli`/`runtime` → `app` / `ui` → `store` →
//! `domain`. See `docs/ARCHITECTURE.md`.

pub mod access;
pub mod app;
pub mod assets;
pub mod cli;
pub mod config;
pub mod contacts;
pub mod domain;
pub mod drafts;
pub mod evidence;
pub mod failure;
pub mod files;
pub mod formats;
pub mod i18n;
pub mod identity;
pub mod input;
pub mod keys;
pub mod logging;
pub mod ops;
pub mod readiness;
pub mod report;
pub mod runtime;
pub mod search;
pub mod share;
pub mod store;
pub mod text;
pub mod ui;
