//! Validation corpora: for each kind, values that must read (with their canonical form)
//! and values that must be refused (with the reason).

use super::*;
use ObservableKind as K;
use proptest::prelude::*;

fn reads(kind: ObservableKind, typed: &str, canonical: &str) {
    assert_eq!(
        normalise(kind, typed).as_deref(),
        Ok(canonical),
        "{kind:?} {typed:?}"
    );
}

fn refused(kind: ObservableKind, typed: &str, why: BadObservable) {
    assert_eq!(normalise(kind, typed), Err(why), "{kind:?} {typed:?}");
}

#[test]
fn addresses_are_written_one_way() {
    reads(K::Ip, " 192.0.2.10 ", "192.0.2.10");
    reads(K::Ip, "192[.]0[.]2[.]10", "192.0.2.10");
    reads(K::Ip, "2001:DB8:0:0:0:0:0:1", "2001:db8::1");
    reads(K::Ip, "[2001:db8::1]", "2001:db8::1");
    reads(K::Ip, "::ffff:192.0.2.1", "::ffff:192.0.2.1");
    for bad in [
        "256.1.1.1",
        "192.0.2",
        "192.0.2.010",
        "example.com",
        "1.2.3.4/24",
        "::g",
    ] {
        refused(K::Ip, bad, BadObservable::NotAnAddress);
    }
}

#[test]
fn networks_keep_their_network_not_the_host_typed() {
    reads(K::Cidr, "10.1.2.3/8", "10.0.0.0/8");
    reads(K::Cidr, "192.0.2.0/24", "192.0.2.0/24");
    reads(K::Cidr, "0.0.0.0/0", "0.0.0.0/0");
    reads(K::Cidr, "2001:db8::1/32", "2001:db8::/32");
    reads(K::Cidr, "2001:db8::1/128", "2001:db8::1/128");
    refused(K::Cidr, "10.0.0.0/33", BadObservable::PrefixTooLong);
    refused(K::Cidr, "2001:db8::/129", BadObservable::PrefixTooLong);
    for bad in ["10.0.0.0", "10.0.0.0/x", "example.com/8", "/8"] {
        refused(K::Cidr, bad, BadObservable::NotANetwork);
    }
}

#[test]
fn domains_are_lower_case_punycode_without_a_final_dot() {
    reads(K::Domain, "Evil-C2.Example.COM.", "evil-c2.example.com");
    reads(K::Domain, "evil[.]example[.]com", "evil.example.com");
    reads(K::Domain, "bücher.example", "xn--bcher-kva.example");
    reads(K::Domain, "xn--bcher-kva.example", "xn--bcher-kva.example");
    reads(K::Domain, "пример.рф", "xn--e1afmkfd.xn--p1ai");
    let long_label = "a".repeat(64);
    for bad in [
        "localhost",
        "-bad.example.com",
        "bad-.example.com",
        "two..dots.com",
        "under_score.example.com",
        "has space.example.com",
        "1.2.3.4",
        long_label.as_str(),
    ] {
        refused(K::Domain, bad, BadObservable::NotADomain);
    }
    refused(
        K::Domain,
        &format!("{long_label}.com"),
        BadObservable::NotADomain,
    );
}

#[test]
fn urls_are_parsed_and_written_back() {
    reads(
        K::Url,
        "hxxp://Evil.Example.com/a?b=1",
        "http://evil.example.com/a?b=1",
    );
    reads(
        K::Url,
        "hxxps://evil[.]example[.]com/x",
        "https://evil.example.com/x",
    );
    reads(
        K::Url,
        "https://bücher.example/",
        "https://xn--bcher-kva.example/",
    );
    reads(K::Url, "http://192.0.2.1:8080/p", "http://192.0.2.1:8080/p");
    for bad in [
        "evil.example.com/a",
        "mailto:someone@example.com",
        "http://",
        "not a url",
    ] {
        refused(K::Url, bad, BadObservable::NotAUrl);
    }
}

#[test]
fn emails_keep_their_local_part_and_lower_their_domain() {
    reads(K::Email, "Ceo.Office@Example.COM", "Ceo.Office@example.com");
    reads(K::Email, "billing[@]evil[.]example", "billing@evil.example");
    reads(K::Email, "a@bücher.example", "a@xn--bcher-kva.example");
    for bad in [
        "no-at.example.com",
        "@example.com",
        "a b@example.com",
        "a@localhost",
        "a@@b.com",
    ] {
        refused(K::Email, bad, BadObservable::NotAnEmail);
    }
}

#[test]
fn hashes_have_their_length_and_are_lower_case() {
    let md5 = "D41D8CD98F00B204E9800998ECF8427E";
    reads(K::Md5, md5, &md5.to_ascii_lowercase());
    reads(K::Sha1, &"A".repeat(40), &"a".repeat(40));
    reads(K::Sha256, &"0".repeat(64), &"0".repeat(64));
    reads(K::Sha512, &"f".repeat(128), &"f".repeat(128));
    refused(
        K::Md5,
        &"a".repeat(31),
        BadObservable::NotAHash { expected: 32 },
    );
    refused(
        K::Sha1,
        &"a".repeat(64),
        BadObservable::NotAHash { expected: 40 },
    );
    refused(
        K::Sha256,
        &"g".repeat(64),
        BadObservable::NotAHash { expected: 64 },
    );
    refused(
        K::Sha512,
        "not a hash",
        BadObservable::NotAHash { expected: 128 },
    );
}

#[test]
fn files_registry_cves_and_techniques() {
    reads(K::FileName, "invoice.pdf.exe", "invoice.pdf.exe");
    refused(K::FileName, "C:\\Users\\x.exe", BadObservable::NotAFileName);
    reads(
        K::FilePath,
        "C:\\ProgramData\\svc.exe",
        "C:\\ProgramData\\svc.exe",
    );
    reads(K::FilePath, "/tmp/.x/kworker", "/tmp/.x/kworker");
    refused(K::FilePath, "svc.exe", BadObservable::NotAFilePath);
    reads(
        K::RegistryKey,
        "hklm\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
        "HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
    );
    reads(
        K::RegistryKey,
        "HKEY_CURRENT_USER\\Env",
        "HKEY_CURRENT_USER\\Env",
    );
    refused(
        K::RegistryKey,
        "Software\\Run",
        BadObservable::NotARegistryKey,
    );
    reads(K::Cve, "cve-2024-3400", "CVE-2024-3400");
    reads(K::Cve, "CVE-2021-44228", "CVE-2021-44228");
    for bad in ["CVE-24-3400", "CVE-2024-340", "2024-3400", "CVE-2024-34OO"] {
        refused(K::Cve, bad, BadObservable::NotACve);
    }
    reads(K::Technique, "t1486", "T1486");
    reads(K::Technique, "T1059.001", "T1059.001");
    for bad in ["T148", "T1059.1", "TA0001", "1486", "T1059.0011"] {
        refused(K::Technique, bad, BadObservable::NotATechnique);
    }
    reads(K::Account, "CORP\\svc_backup", "CORP\\svc_backup");
    reads(
        K::Process,
        "powershell -enc SQBFAFgA",
        "powershell -enc SQBFAFgA",
    );
    // Only network locators are refanged: other values are kept as typed.
    reads(K::FileName, "hxxp[.]txt", "hxxp[.]txt");
}

#[test]
fn empty_and_control_characters_are_refused_for_every_kind() {
    for kind in ObservableKind::ALL {
        refused(kind, "   ", BadObservable::Empty);
        refused(kind, "a\u{1b}[31m", BadObservable::Control);
    }
}

#[test]
fn network_values_are_shown_defanged_and_read_back_the_same() {
    assert_eq!(
        defang(K::Url, "https://evil.example.com/a"),
        "hxxps://evil[.]example[.]com/a"
    );
    assert_eq!(defang(K::Email, "a@evil.example"), "a[@]evil[.]example");
    assert_eq!(defang(K::Ip, "192.0.2.1"), "192[.]0[.]2[.]1");
    assert_eq!(
        defang(K::Md5, "d41d8cd98f00b204e9800998ecf8427e"),
        "d41d8cd98f00b204e9800998ecf8427e"
    );
    for (kind, value) in [
        (K::Url, "http://evil.example.com/x?y=1"),
        (K::Domain, "xn--bcher-kva.example"),
        (K::Email, "billing@evil.example"),
        (K::Ip, "192.0.2.1"),
        (K::Cidr, "10.0.0.0/8"),
    ] {
        assert_eq!(normalise(kind, &defang(kind, value)).as_deref(), Ok(value));
    }
}

#[test]
fn the_kind_of_a_typed_value_is_guessed() {
    let guessed = |typed: &str| guess(typed).map(|(k, v)| (k.slug(), v));
    assert_eq!(
        guessed("hxxp://evil[.]example/x"),
        Some(("url", "http://evil.example/x".into()))
    );
    assert_eq!(
        guessed("a[@]evil.example"),
        Some(("email", "a@evil.example".into()))
    );
    assert_eq!(guessed("10.1.2.3/8"), Some(("cidr", "10.0.0.0/8".into())));
    assert_eq!(guessed("192.0.2.1"), Some(("ip", "192.0.2.1".into())));
    assert_eq!(guessed("2001:db8::1"), Some(("ip", "2001:db8::1".into())));
    assert_eq!(guessed(&"A".repeat(64)), Some(("sha256", "a".repeat(64))));
    assert_eq!(guessed(&"b".repeat(40)), Some(("sha1", "b".repeat(40))));
    assert_eq!(
        guessed("cve-2024-3400"),
        Some(("cve", "CVE-2024-3400".into()))
    );
    assert_eq!(guessed("T1486"), Some(("technique", "T1486".into())));
    assert_eq!(
        guessed("HKCU\\Run"),
        Some(("registry-key", "HKEY_CURRENT_USER\\Run".into()))
    );
    assert_eq!(guessed("/tmp/x"), Some(("file-path", "/tmp/x".into())));
    assert_eq!(
        guessed("Evil.Example"),
        Some(("domain", "evil.example".into()))
    );
    assert_eq!(guessed("svc_backup"), None);
    assert_eq!(guessed("beef"), None, "four hex digits are no hash");
}

#[test]
fn observables_are_found_in_a_note_once_each_and_not_file_names() {
    let note = "Beacon to hxxps://c2[.]evil[.]example/gate (evil.example, 203.0.113.7), \
                dropped invoice.pdf.exe; sha256 \
                E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855. \
                Again 203.0.113.7! See CVE-2023-4966 and T1071.001.";
    let found: Vec<(&str, String)> = found_in(note)
        .into_iter()
        .map(|(k, v)| (k.slug(), v))
        .collect();
    assert_eq!(
        found,
        [
            ("url", "https://c2.evil.example/gate".to_string()),
            ("domain", "evil.example".to_string()),
            ("ip", "203.0.113.7".to_string()),
            (
                "sha256",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".to_string()
            ),
            ("cve", "CVE-2023-4966".to_string()),
            ("technique", "T1071.001".to_string()),
        ]
    );
    assert!(found_in("Meeting at 14:05 with the IT lead, e.g. about the backup.").is_empty());
}

proptest! {
    /// Reading a canonical value again changes nothing, whatever was typed.
    #[test]
    fn a_canonical_value_reads_as_itself(kind in proptest::sample::select(ObservableKind::ALL.to_vec()), typed in "\\PC{0,40}") {
        if let Ok(canonical) = normalise(kind, &typed) {
            prop_assert_eq!(normalise(kind, &canonical), Ok(canonical.clone()));
        }
    }

    /// Any IPv4 address reads, and its defanged form reads back to it.
    #[test]
    fn every_ipv4_address_round_trips(a: u8, b: u8, c: u8, d: u8) {
        let ip = format!("{a}.{b}.{c}.{d}");
        prop_assert_eq!(normalise(K::Ip, &ip), Ok(ip.clone()));
        prop_assert_eq!(normalise(K::Ip, &defang(K::Ip, &ip)), Ok(ip));
    }
}
