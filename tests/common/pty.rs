//! The real binary in a pseudo-terminal, its screen read with a terminal parser
//! (vt100): keys in, screen out, signals, exit.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_warroom");
/// How long a screen condition may take to appear (generous: CI machines are slow).
pub const DEADLINE: Duration = Duration::from_secs(20);

pub struct Dashboard {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Dashboard {
    pub fn start(dir: &Path) -> Self {
        Self::start_with(dir, &[])
    }

    /// Started with extra environment, e.g. `WARROOM_NOW` to stand at a given instant.
    pub fn start_with(dir: &Path, env: &[(&str, &str)]) -> Self {
        Self::start_args(dir, env, &[])
    }

    /// Started with extra environment and command-line arguments (e.g. `wall`).
    pub fn start_args(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Self {
        let mut all = vec!["--data-dir", dir.to_str().unwrap()];
        all.extend_from_slice(args);
        Self::spawn(dir, BIN, env, &all)
    }

    /// Another program in the terminal (`strace … warroom …`), its `HOME` in `dir`.
    pub fn start_program(dir: &Path, program: &str, args: &[&str]) -> Self {
        Self::spawn(dir, program, &[], args)
    }

    fn spawn(dir: &Path, program: &str, env: &[(&str, &str)], args: &[&str]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("TZ", "UTC");
        cmd.env_remove("WARROOM_CONFIG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let sink = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Dashboard {
            child,
            writer,
            parser,
            _master: pty.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "never saw {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_exit(&mut self) {
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(
                start.elapsed() < DEADLINE,
                "did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn sigkill(&mut self) {
        let pid = self.child.process_id().unwrap();
        let status = Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.wait_exit();
    }
}

impl Dashboard {
    /// Waits for a condition on the emulator's screen state (modes, cursor), which
    /// may come with the last bytes read after the process has exited.
    pub fn wait_state(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if ok(self.parser.lock().unwrap().screen()) {
                return;
            }
            assert!(start.elapsed() < DEADLINE, "never saw {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Sends a signal (`-STOP`, `-CONT`, `-TERM`…) with kill(1).
    pub fn signal(&self, sig: &str) {
        let status = Command::new("kill")
            .args([sig, &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill {sig}");
    }

    /// Whether it has exited, and with which code.
    pub fn exit_code(&mut self) -> Option<u32> {
        self.child.try_wait().unwrap().map(|s| s.exit_code())
    }
}
