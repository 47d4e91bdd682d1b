//! Operator keys and SSHSIG against the real OpenSSH tools: what warroom signs,
//! `ssh-keygen -Y verify` accepts (and refuses once altered); what `ssh-keygen -Y sign`
//! makes, warroom accepts; a passphrase-locked key is refused; a real `ssh-agent` signs
//! for warroom; an agent that never answers is given up on at the deadline.
//!
//! Needs `ssh-keygen`, `ssh-agent` and `ssh-add` (openssh-client): `.ci/run` installs
//! them. Missing, the tests fail saying so; they are never skipped.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use warroom::identity::{
    AgentStep, BadSignature, KeyError, KeySource, Signer, allowed_signers, fingerprint, generate,
    verify,
};

/// Tests that set `SSH_AUTH_SOCK` for this process take turns.
static AGENT_ENV: Mutex<()> = Mutex::new(());

fn with_agent_socket<T>(socket: Option<&Path>, work: impl FnOnce() -> T) -> T {
    let _turn = AGENT_ENV.lock().unwrap_or_else(|p| p.into_inner());
    // SAFETY: every test of this file that reads or writes SSH_AUTH_SOCK holds the
    // lock; nothing here reads the environment outside Rust's std (which locks it).
    unsafe {
        match socket {
            Some(s) => std::env::set_var("SSH_AUTH_SOCK", s),
            None => std::env::remove_var("SSH_AUTH_SOCK"),
        }
    }
    work()
}

/// An OpenSSH tool, or a failure that says how to get it.
fn tool(name: &str) -> Command {
    let found = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "{name} not found: these tests need openssh-client; run .ci/run, which installs it"
    );
    let mut command = Command::new(name);
    command.stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"))
}

fn ok(command: &mut Command) -> Output {
    let out = run(command);
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn write(path: &Path, text: impl AsRef<[u8]>) {
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn private_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .permissions(fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// A key made by ssh-keygen (`passphrase` empty for none); its public line.
fn keygen(path: &Path, passphrase: &str) -> String {
    ok(tool("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-C", "test", "-N", passphrase, "-f"])
        .arg(path));
    let mut public = path.as_os_str().to_owned();
    public.push(".pub");
    read(Path::new(&public)).trim().to_string()
}

/// `ssh-keygen -Y verify` of `message` against `signature`, with `principal` and
/// `namespace`: whether it accepted.
fn openssh_accepts(
    allowed: &Path,
    principal: &str,
    namespace: &str,
    signature: &Path,
    message: &Path,
) -> bool {
    let stdin = fs::File::open(message).unwrap_or_else(|e| panic!("{e}"));
    run(tool("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(allowed)
        .args(["-I", principal, "-n", namespace, "-s"])
        .arg(signature)
        .stdin(stdin))
    .status
    .success()
}

#[test]
fn openssh_verifies_what_warroom_signs_and_nothing_altered() {
    let dir = private_dir();
    let key = dir.path().join("alice_ed25519");
    let public = generate(&key, "alice").unwrap_or_else(|e| panic!("{e}"));
    let mut signer = Signer::open(&KeySource::File(key.clone()), Duration::from_secs(2))
        .unwrap_or_else(|e| panic!("{e}"));
    let message = b"{\"id\":1,\"change\":\"declared\"}\n";
    let signature = signer.sign(message).unwrap_or_else(|e| panic!("{e}"));

    let allowed = dir.path().join("allowed_signers");
    let entries = [("alice".to_string(), public.clone())];
    write(
        &allowed,
        allowed_signers(&entries).unwrap_or_else(|e| panic!("{e}")),
    );
    let signature_file = dir.path().join("event.sig");
    write(&signature_file, &signature);
    let message_file = dir.path().join("event");
    write(&message_file, message);

    assert!(openssh_accepts(
        &allowed,
        "alice",
        "warroom",
        &signature_file,
        &message_file
    ));
    // Another principal, another namespace, one byte changed: refused.
    assert!(!openssh_accepts(
        &allowed,
        "bob",
        "warroom",
        &signature_file,
        &message_file
    ));
    assert!(!openssh_accepts(
        &allowed,
        "alice",
        "other",
        &signature_file,
        &message_file
    ));
    let tampered = dir.path().join("tampered");
    write(&tampered, b"{\"id\":1,\"change\":\"declared\"} \n");
    assert!(!openssh_accepts(
        &allowed,
        "alice",
        "warroom",
        &signature_file,
        &tampered
    ));

    // warroom's fingerprint is OpenSSH's.
    let listed = ok(tool("ssh-keygen")
        .arg("-lf")
        .arg(dir.path().join("alice_ed25519.pub")));
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    let ours = fingerprint(&public).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        listed.split_whitespace().nth(1),
        Some(ours.as_str()),
        "{listed}"
    );
    assert_eq!(signer.fingerprint(), ours);
}

#[test]
fn warroom_accepts_what_ssh_keygen_signs_in_its_namespace_only() {
    let dir = private_dir();
    let key = dir.path().join("bob");
    let public = keygen(&key, "");
    let message = dir.path().join("event");
    write(&message, b"event 7");
    let sign = |namespace: &str| {
        ok(tool("ssh-keygen")
            .args(["-Y", "sign", "-q", "-f"])
            .arg(&key)
            .args(["-n", namespace])
            .arg(&message));
        read(&dir.path().join("event.sig"))
    };
    let signature = sign("warroom");
    assert_eq!(verify(&public, b"event 7", &signature), Ok(()));
    assert_eq!(
        verify(&public, b"event 8", &signature),
        Err(BadSignature::DoesNotVerify)
    );
    let other = keygen(&dir.path().join("carol"), "");
    assert!(matches!(
        verify(&other, b"event 7", &signature),
        Err(BadSignature::KeyMismatch { .. })
    ));
    fs::remove_file(dir.path().join("event.sig")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        verify(&public, b"event 7", &sign("git")),
        Err(BadSignature::WrongNamespace {
            found: "git".into()
        })
    );
}

#[test]
fn a_key_locked_by_a_passphrase_is_refused_not_decrypted() {
    let dir = private_dir();
    let key = dir.path().join("locked");
    keygen(&key, "secret");
    let refused = Signer::open(&KeySource::File(key.clone()), Duration::from_secs(2));
    assert!(
        matches!(&refused, Err(KeyError::Locked { path }) if path == &key),
        "{refused:?}"
    );
}

/// A real ssh-agent on its own socket, killed when dropped (a failed test included).
struct AgentProcess {
    child: Child,
    socket: PathBuf,
}

impl AgentProcess {
    /// Started in the foreground (`-D`) with `askpass` answering its confirmations.
    fn start(dir: &Path, askpass: &Path) -> AgentProcess {
        let socket = dir.join("agent.sock");
        let child = tool("ssh-agent")
            .arg("-D")
            .arg("-a")
            .arg(&socket)
            .env("SSH_ASKPASS", askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("ssh-agent: {e}"));
        let agent = AgentProcess { child, socket };
        let started = Instant::now();
        while std::os::unix::net::UnixStream::connect(&agent.socket).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "ssh-agent did not open {} within 10 s",
                agent.socket.display()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        agent
    }

    /// `ssh-add ARGS KEY`, its passphrase from `askpass`.
    fn add(&self, key: &Path, askpass: &Path, args: &[&str]) {
        ok(tool("ssh-add")
            .args(args)
            .arg(key)
            .env("SSH_AUTH_SOCK", &self.socket)
            .env("SSH_ASKPASS", askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("DISPLAY", ":0"));
    }
}

impl Drop for AgentProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn script(path: &Path, body: &str) -> PathBuf {
    write(path, format!("#!/bin/sh\n{body}\n"));
    fs::set_permissions(path, fs::Permissions::from_mode(0o700)).unwrap_or_else(|e| panic!("{e}"));
    path.into()
}

#[test]
fn a_real_agent_signs_for_warroom_and_says_which_keys_it_lacks_or_refuses() {
    let dir = private_dir();
    let passphrase = script(&dir.path().join("passphrase"), "echo secret");
    let deny = script(&dir.path().join("deny"), "exit 1");
    let agent = AgentProcess::start(dir.path(), &deny);

    // The locked key, unlocked into the agent with its passphrase.
    let locked = dir.path().join("locked");
    let public = keygen(&locked, "secret");
    agent.add(&locked, &passphrase, &[]);
    let fp = fingerprint(&public).unwrap_or_else(|e| panic!("{e}"));
    // A key that needs a confirmation for each use, which the agent's askpass denies.
    let confirmed = dir.path().join("confirmed");
    let confirmed_public = keygen(&confirmed, "");
    agent.add(&confirmed, &passphrase, &["-c"]);
    let confirmed_fp = fingerprint(&confirmed_public).unwrap_or_else(|e| panic!("{e}"));
    let stranger = keygen(&dir.path().join("stranger"), "");
    let stranger_fp = fingerprint(&stranger).unwrap_or_else(|e| panic!("{e}"));

    let open = |fingerprint: &str| {
        Signer::open(
            &KeySource::Agent {
                fingerprint: fingerprint.to_string(),
            },
            Duration::from_secs(5),
        )
    };
    let (signed, absent, refused) = with_agent_socket(Some(&agent.socket), || {
        let signed = open(&fp).and_then(|mut s| {
            assert_eq!(s.public_key(), public.trim_end_matches(" test"));
            assert_eq!(s.fingerprint(), fp);
            s.sign(b"event 3")
        });
        let refused = open(&confirmed_fp).and_then(|mut s| s.sign(b"event 4"));
        (signed, open(&stranger_fp).map(|_| ()), refused)
    });
    let signature = signed.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(verify(&public, b"event 3", &signature), Ok(()));
    assert!(
        matches!(&absent, Err(KeyError::NotInAgent { fingerprint }) if fingerprint == &stranger_fp),
        "{absent:?}"
    );
    assert!(
        matches!(&refused, Err(KeyError::AgentRefused { fingerprint }) if fingerprint == &confirmed_fp),
        "{refused:?}"
    );

    // OpenSSH agrees with the signature the agent made.
    let allowed = dir.path().join("allowed");
    let entries = [("alice".to_string(), public.clone())];
    write(
        &allowed,
        allowed_signers(&entries).unwrap_or_else(|e| panic!("{e}")),
    );
    write(&dir.path().join("event.sig"), &signature);
    write(&dir.path().join("event"), b"event 3");
    assert!(openssh_accepts(
        &allowed,
        "alice",
        "warroom",
        &dir.path().join("event.sig"),
        &dir.path().join("event")
    ));
}

#[test]
fn an_agent_that_never_answers_is_given_up_on_at_the_deadline() {
    let dir = private_dir();
    let socket = dir.path().join("silent.sock");
    // Bound and listening: connecting works, but nobody ever reads or answers.
    let _silent = std::os::unix::net::UnixListener::bind(&socket).unwrap_or_else(|e| panic!("{e}"));
    let deadline = Duration::from_millis(300);
    let source = KeySource::Agent {
        fingerprint: "SHA256:anything".into(),
    };
    let started = Instant::now();
    let result = with_agent_socket(Some(&socket), || Signer::open(&source, deadline));
    let took = started.elapsed();
    assert!(
        matches!(
            &result,
            Err(KeyError::AgentTimeout { step: AgentStep::ListingKeys, waited, socket: s })
                if *waited == deadline && s == &socket
        ),
        "{result:?}"
    );
    assert!(took >= deadline, "gave up before the deadline: {took:?}");
    assert!(took < Duration::from_secs(5), "waited {took:?}");

    // No agent at all, and an agent socket that is not there.
    let none = with_agent_socket(None, || Signer::open(&source, deadline));
    assert!(matches!(none, Err(KeyError::NoAgent)), "{none:?}");
    let gone = dir.path().join("gone.sock");
    let unreachable = with_agent_socket(Some(&gone), || Signer::open(&source, deadline));
    assert!(
        matches!(&unreachable, Err(KeyError::AgentUnreachable { socket, .. }) if socket == &gone),
        "{unreachable:?}"
    );
}
