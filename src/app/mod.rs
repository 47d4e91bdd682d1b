//! Application state and the one place it changes.

mod action;
pub mod keymap;

pub use action::Action;
