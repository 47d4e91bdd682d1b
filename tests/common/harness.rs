//! The real `App` driven by messages, its effects carried out on an in-memory store as
//! the runtime does, and the screen read back from ratatui's test backend.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use warroom::app::{App, Msg, Start, Zone};
use warroom::config::Config;
use warroom::store::MemoryStore;
use warroom::ui;

pub struct Harness {
    pub app: App,
    pub store: MemoryStore,
}

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-28T14:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

impl Harness {
    pub fn new() -> Self {
        Self::with_config(Config::embedded().unwrap())
    }

    pub fn with_config(config: Config) -> Self {
        let store = MemoryStore::new();
        let app = App::new(Start {
            config,
            author: "camille".into(),
            data_dir: "/var/lib/warroom".into(),
            now: t0(),
            zone: Zone::Fixed(FixedOffset::east_opt(3600).unwrap()),
            incidents: vec![],
            events: None,
            directory: vec![],
        });
        Harness { app, store }
    }

    pub fn with_demo() -> Self {
        let mut h = Self::new();
        h.key(KeyCode::Char('d'));
        assert!(h.app.active.is_some(), "the demo opened");
        h
    }

    /// Feeds a message and carries out every effect, as the runtime does.
    pub fn send(&mut self, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in self.app.update(msg) {
                let config = self.app.config.clone();
                queue.push(warroom::runtime::execute(
                    &self.store,
                    &config,
                    effect,
                    self.app.now,
                    &self.app.author,
                ));
            }
        }
    }

    /// The user config `yaml` with the playbook files `(name, text)` beside it.
    pub fn config_with_playbooks(yaml: &str, playbooks: &[(&str, &str)]) -> Config {
        let dir = super::cli::tmp();
        std::fs::create_dir(dir.path().join("playbooks")).unwrap();
        for (name, text) in playbooks {
            std::fs::write(dir.path().join("playbooks").join(name), text).unwrap();
        }
        let file = dir.path().join("config.yaml");
        std::fs::write(&file, yaml).unwrap();
        Config::load(&file).unwrap()
    }

    /// Declares an incident through the new-incident form: title, category (by its
    /// first letter), and the playbook chosen by the category.
    pub fn declare(&mut self, title: &str, category_letter: char) {
        self.shift('N');
        self.type_text(title);
        self.key(KeyCode::Tab);
        self.key(KeyCode::Tab);
        self.key(KeyCode::Char(category_letter));
        self.key(KeyCode::Enter);
        assert!(self.app.overlay.is_none(), "the form closed");
    }

    /// The active incident's state.
    pub fn state(&self) -> &warroom::domain::IncidentState {
        &self.app.active.as_ref().unwrap().state
    }

    /// The active incident's last event.
    pub fn last_event(&self) -> warroom::domain::Event {
        self.app
            .active
            .as_ref()
            .unwrap()
            .events
            .last()
            .unwrap()
            .clone()
    }

    pub fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    pub fn shift(&mut self, c: char) {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::SHIFT,
        )));
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn at(&mut self, later: TimeDelta) {
        self.send(Msg::Tick(t0() + later));
    }

    pub fn screen(&self, w: u16, h: u16) -> String {
        ui::to_text(&self.app, w, h)
    }

    pub fn buffer(&self, w: u16, h: u16) -> ratatui::buffer::Buffer {
        let mut terminal = ratatui::Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| ui::draw(f, &self.app)).unwrap();
        terminal.backend().buffer().clone()
    }
}
