//! Terminal abuse against the real `App`: random sequences of keys (every key the
//! keymap knows, typed text with wide, combining and control characters, editing keys)
//! and resizes from 1×1 to 500×200. Nothing panics, every frame fills exactly the
//! terminal and no wider, and what the screen holds is what the store holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::harness::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;
use warroom::app::Msg;
use warroom::store::Store;

#[derive(Debug, Clone)]
enum Op {
    Key(KeyCode, KeyModifiers),
    Resize(u16, u16),
}

fn key() -> impl Strategy<Value = Op> {
    let named = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
    ];
    // The keys of the keymap (and a few it does not know), plus text that must stay
    // inert: wide CJK, emoji, a combining mark, bidi override, ESC, NUL, DEL.
    let chars = prop_oneof![
        proptest::sample::select(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?/@+<>| -"
                .chars()
                .collect::<Vec<_>>()
        ),
        proptest::sample::select(vec![
            '漢', '👩', '\u{200D}', 'e', '\u{0301}', '\u{202E}', '\u{1b}', '\0', '\u{7f}', 'é'
        ]),
    ];
    prop_oneof![
        3 => named.prop_map(|k| Op::Key(k, KeyModifiers::NONE)),
        6 => chars.prop_map(|c| {
            let shift = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Op::Key(KeyCode::Char(c), shift)
        }),
        1 => (1u16..=500, 1u16..=200).prop_map(|(w, h)| Op::Resize(w, h)),
    ]
}

fn assert_fits(screen: &str, w: u16, h: u16) {
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines.len(), usize::from(h), "{w}×{h}: line count");
    for line in lines {
        assert!(
            line.width() <= usize::from(w),
            "{w}×{h}: a line overflows: {line:?}"
        );
        assert!(
            !line.contains('\u{1b}'),
            "{w}×{h}: a raw escape reached the screen"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_and_sizes_never_break_the_screen_or_the_store(
        ops in proptest::collection::vec(key(), 1..60),
        demo in any::<bool>(),
    ) {
        let mut h = if demo { Harness::with_demo() } else { Harness::new() };
        let (mut w, mut ht) = (120u16, 40u16);
        for op in ops {
            match op {
                Op::Key(code, modifiers) => h.send(Msg::Key(KeyEvent::new(code, modifiers))),
                Op::Resize(nw, nh) => {
                    (w, ht) = (nw, nh);
                    h.send(Msg::Resize);
                    assert_fits(&h.screen(w, ht), w, ht);
                }
            }
        }
        assert_fits(&h.screen(w, ht), w, ht);
        prop_assert_eq!(h.app.pending(), 0, "every write was answered");
        if let Some(active) = &h.app.active {
            let stored = h.store.events(active.state.id).unwrap();
            prop_assert_eq!(&active.events, &stored, "the screen shows what is stored");
        }
    }
}

#[test]
fn every_size_from_1x1_to_500x200_draws_within_its_bounds() {
    let h = Harness::with_demo();
    for w in (1..=500u16).step_by(37).chain([1, 2, 79, 80, 500]) {
        for ht in (1..=200u16).step_by(23).chain([1, 2, 23, 24, 200]) {
            assert_fits(&h.screen(w, ht), w, ht);
        }
    }
}
