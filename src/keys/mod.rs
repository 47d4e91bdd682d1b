//! The vocabulary of keys: what a user can ask for (`Action`), the modes a screen can be
//! in, and the keymap that binds one to the other. It sits below both `config` (the
//! keymap is part of the config file) and `app` (which acts on the actions).

mod action;
pub mod keymap;

pub use action::Action;
pub use keymap::{Keymap, Mode};
