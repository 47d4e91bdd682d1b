//! Observables: what the attacker left that can be looked for elsewhere — addresses,
//! domains, URLs, hashes, accounts, file names, commands, CVEs, ATT&CK techniques. Each
//! value is read for its kind and written one canonical way (lower-case domains in
//! punycode, hex hashes in lower case, IPv6 compressed), so that the same indicator
//! typed twice is one entry. A value may be typed defanged (`hxxp://evil[.]com`): it is
//! refanged before it is read. Screens and reports show it defanged again, so that
//! nobody clicks it; exports for machines keep it as it is.

use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// What an observable is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObservableKind {
    Ip,
    Cidr,
    Domain,
    Url,
    Email,
    Md5,
    Sha1,
    Sha256,
    Sha512,
    FileName,
    FilePath,
    RegistryKey,
    Account,
    Process,
    Cve,
    Technique,
    Other,
}

impl ObservableKind {
    pub const ALL: [ObservableKind; 17] = [
        ObservableKind::Ip,
        ObservableKind::Cidr,
        ObservableKind::Domain,
        ObservableKind::Url,
        ObservableKind::Email,
        ObservableKind::Md5,
        ObservableKind::Sha1,
        ObservableKind::Sha256,
        ObservableKind::Sha512,
        ObservableKind::FileName,
        ObservableKind::FilePath,
        ObservableKind::RegistryKey,
        ObservableKind::Account,
        ObservableKind::Process,
        ObservableKind::Cve,
        ObservableKind::Technique,
        ObservableKind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ObservableKind::Ip => "ip",
            ObservableKind::Cidr => "cidr",
            ObservableKind::Domain => "domain",
            ObservableKind::Url => "url",
            ObservableKind::Email => "email",
            ObservableKind::Md5 => "md5",
            ObservableKind::Sha1 => "sha1",
            ObservableKind::Sha256 => "sha256",
            ObservableKind::Sha512 => "sha512",
            ObservableKind::FileName => "file-name",
            ObservableKind::FilePath => "file-path",
            ObservableKind::RegistryKey => "registry-key",
            ObservableKind::Account => "account",
            ObservableKind::Process => "process",
            ObservableKind::Cve => "cve",
            ObservableKind::Technique => "technique",
            ObservableKind::Other => "other",
        }
    }

    /// Whether values of this kind are network locators, shown defanged.
    fn is_network(self) -> bool {
        matches!(
            self,
            ObservableKind::Ip
                | ObservableKind::Cidr
                | ObservableKind::Domain
                | ObservableKind::Url
                | ObservableKind::Email
        )
    }
}

crate::closed_list_by_slug!(ObservableKind => "observable-kind");

/// Why a value is not an observable of the kind it was given as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadObservable {
    #[error("it is empty")]
    Empty,
    #[error("it holds a control character")]
    Control,
    #[error("not an IPv4 or IPv6 address")]
    NotAnAddress,
    #[error("not a network such as 10.0.0.0/8 (address/prefix)")]
    NotANetwork,
    #[error("the prefix is longer than the address")]
    PrefixTooLong,
    #[error("not a domain name such as example.com")]
    NotADomain,
    #[error("not a URL with a scheme and a host, such as https://example.com/x")]
    NotAUrl,
    #[error("not an e-mail address such as someone@example.com")]
    NotAnEmail,
    #[error("a {expected}-digit hexadecimal hash was expected")]
    NotAHash { expected: usize },
    #[error("a file name has no folder separator")]
    NotAFileName,
    #[error("a file path has a folder separator")]
    NotAFilePath,
    #[error("a registry key starts with a hive, such as HKLM\\ or HKEY_CURRENT_USER\\")]
    NotARegistryKey,
    #[error("not a CVE id such as CVE-2024-3400")]
    NotACve,
    #[error("not an ATT&CK technique id such as T1486 or T1059.001")]
    NotATechnique,
}

/// `value` read as an observable of `kind`, in its canonical form.
pub fn normalise(kind: ObservableKind, value: &str) -> Result<String, BadObservable> {
    // Only network locators are ever defanged; a file name or a command is kept as typed.
    let refanged = if kind.is_network() {
        refang(value.trim())
    } else {
        value.trim().to_string()
    };
    let v = refanged.as_str();
    if v.is_empty() {
        return Err(BadObservable::Empty);
    }
    if v.chars().any(char::is_control) {
        return Err(BadObservable::Control);
    }
    match kind {
        ObservableKind::Ip => ip(v),
        ObservableKind::Cidr => cidr(v),
        ObservableKind::Domain => domain(v),
        ObservableKind::Url => url(v),
        ObservableKind::Email => email(v),
        ObservableKind::Md5 => hash(v, 32),
        ObservableKind::Sha1 => hash(v, 40),
        ObservableKind::Sha256 => hash(v, 64),
        ObservableKind::Sha512 => hash(v, 128),
        ObservableKind::FileName if v.contains(['/', '\\']) => Err(BadObservable::NotAFileName),
        ObservableKind::FilePath if !v.contains(['/', '\\']) => Err(BadObservable::NotAFilePath),
        ObservableKind::RegistryKey => registry_key(v),
        ObservableKind::Cve => cve(v),
        ObservableKind::Technique => technique(v),
        ObservableKind::FileName
        | ObservableKind::FilePath
        | ObservableKind::Account
        | ObservableKind::Process
        | ObservableKind::Other => Ok(v.to_string()),
    }
}

fn ip(v: &str) -> Result<String, BadObservable> {
    let bare = v.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>()
        .map(|a| a.to_string())
        .map_err(|_| BadObservable::NotAnAddress)
}

fn cidr(v: &str) -> Result<String, BadObservable> {
    let (address, prefix) = v.split_once('/').ok_or(BadObservable::NotANetwork)?;
    let address: IpAddr = address.parse().map_err(|_| BadObservable::NotANetwork)?;
    let prefix: u8 = prefix.parse().map_err(|_| BadObservable::NotANetwork)?;
    let bits = if address.is_ipv4() { 32 } else { 128 };
    if prefix > bits {
        return Err(BadObservable::PrefixTooLong);
    }
    // The network, not the host typed inside it: 10.1.2.3/8 is 10.0.0.0/8.
    let network = match address {
        IpAddr::V4(a) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V4((u32::from(a) & mask).into())
        }
        IpAddr::V6(a) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
            IpAddr::V6((u128::from(a) & mask).into())
        }
    };
    Ok(format!("{network}/{prefix}"))
}

/// Lower case, in punycode (IDNA, with the DNS length rules), without a final dot, and
/// with at least two labels: an indicator names a host on the Internet.
fn domain(v: &str) -> Result<String, BadObservable> {
    let v = v.strip_suffix('.').unwrap_or(v);
    let ascii = idna::domain_to_ascii_strict(v).map_err(|_| BadObservable::NotADomain)?;
    let labels: Vec<&str> = ascii.split('.').collect();
    let fine = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.len() <= 63)
        && !labels
            .last()
            .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()));
    if fine {
        Ok(ascii)
    } else {
        Err(BadObservable::NotADomain)
    }
}

fn url(v: &str) -> Result<String, BadObservable> {
    let parsed = url::Url::parse(v).map_err(|_| BadObservable::NotAUrl)?;
    if parsed.host().is_none() {
        return Err(BadObservable::NotAUrl);
    }
    Ok(parsed.to_string())
}

/// The local part as typed (it may be case-sensitive), the domain as a domain.
fn email(v: &str) -> Result<String, BadObservable> {
    let (local, host) = v.rsplit_once('@').ok_or(BadObservable::NotAnEmail)?;
    if local.is_empty() || local.contains(char::is_whitespace) || local.contains('@') {
        return Err(BadObservable::NotAnEmail);
    }
    let host = domain(host).map_err(|_| BadObservable::NotAnEmail)?;
    Ok(format!("{local}@{host}"))
}

fn hash(v: &str, digits: usize) -> Result<String, BadObservable> {
    if v.len() == digits && v.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(v.to_ascii_lowercase())
    } else {
        Err(BadObservable::NotAHash { expected: digits })
    }
}

/// A hive first, by its long or short name, written the long way.
fn registry_key(v: &str) -> Result<String, BadObservable> {
    const HIVES: [(&str, &str); 5] = [
        ("HKLM", "HKEY_LOCAL_MACHINE"),
        ("HKCU", "HKEY_CURRENT_USER"),
        ("HKCR", "HKEY_CLASSES_ROOT"),
        ("HKU", "HKEY_USERS"),
        ("HKCC", "HKEY_CURRENT_CONFIG"),
    ];
    let (hive, rest) = v.split_once('\\').unwrap_or((v, ""));
    let upper = hive.to_ascii_uppercase();
    let long = HIVES
        .iter()
        .find(|(short, long)| upper == *short || upper == *long)
        .map(|(_, long)| *long)
        .ok_or(BadObservable::NotARegistryKey)?;
    Ok(if rest.is_empty() {
        long.to_string()
    } else {
        format!("{long}\\{rest}")
    })
}

fn cve(v: &str) -> Result<String, BadObservable> {
    let upper = v.to_ascii_uppercase();
    let mut parts = upper.splitn(3, '-');
    let fine = parts.next() == Some("CVE")
        && parts
            .next()
            .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        && parts
            .next()
            .is_some_and(|n| n.len() >= 4 && n.chars().all(|c| c.is_ascii_digit()));
    if fine {
        Ok(upper)
    } else {
        Err(BadObservable::NotACve)
    }
}

/// `T` and four digits, maybe a sub-technique `.` and three digits.
pub fn technique(v: &str) -> Result<String, BadObservable> {
    let upper = v.to_ascii_uppercase();
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let fine = upper
        .strip_prefix('T')
        .is_some_and(|rest| match rest.split_once('.') {
            Some((main, sub)) => digits(main, 4) && digits(sub, 3),
            None => digits(rest, 4),
        });
    if fine {
        Ok(upper)
    } else {
        Err(BadObservable::NotATechnique)
    }
}

/// A value as typed from a report or a chat, made usable: `hxxp` → `http`, `[.]` and
/// `(.)` → `.`, `[@]` and `[at]` → `@`, `[:]` → `:`.
pub fn refang(v: &str) -> String {
    let mut out = v
        .replace("[.]", ".")
        .replace("(.)", ".")
        .replace("{.}", ".")
        .replace("[dot]", ".")
        .replace("[@]", "@")
        .replace("[at]", "@")
        .replace("[:]", ":")
        .replace("[://]", "://");
    for (fanged, plain) in [("hxxps", "https"), ("hxxp", "http"), ("fxp", "ftp")] {
        let starts = out
            .get(..fanged.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(fanged));
        if let Some(rest) = out.get(fanged.len()..).filter(|_| starts) {
            out = format!("{plain}{rest}");
        }
    }
    out
}

/// A value as it is shown to people: network locators defanged, so that no screen,
/// report or chat it is pasted into makes it a live link.
pub fn defang(kind: ObservableKind, value: &str) -> String {
    if !kind.is_network() {
        return value.to_string();
    }
    let mut out = value.replace('.', "[.]");
    if kind == ObservableKind::Email {
        out = out.replace('@', "[@]");
    }
    if kind == ObservableKind::Url {
        for (live, dead) in [
            ("https://", "hxxps://"),
            ("http://", "hxxp://"),
            ("ftp://", "fxp://"),
        ] {
            if let Some(rest) = out.strip_prefix(live) {
                out = format!("{dead}{rest}");
                break;
            }
        }
    }
    out
}

/// The kind a typed value most likely is, and the value read as it: a URL, an e-mail
/// address, a network, an address, a hash by its length, a CVE, a technique, a registry
/// key, a path, else a domain. `None` when it is none of them (an account, a command:
/// the operator says which).
pub fn guess(typed: &str) -> Option<(ObservableKind, String)> {
    use ObservableKind as K;
    let plain = refang(typed.trim());
    let hex = !plain.is_empty() && plain.chars().all(|c| c.is_ascii_hexdigit());
    let candidates: &[ObservableKind] = if plain.contains("://") {
        &[K::Url]
    } else if plain.contains('@') {
        &[K::Email]
    } else if hex {
        &[K::Md5, K::Sha1, K::Sha256, K::Sha512]
    } else if plain.contains(['\\', '/']) {
        &[K::Cidr, K::RegistryKey, K::FilePath]
    } else {
        &[K::Ip, K::Cve, K::Technique, K::Domain]
    };
    candidates
        .iter()
        .find_map(|&kind| normalise(kind, typed).ok().map(|value| (kind, value)))
}

/// File extensions that read as top-level domains (`invoice.pdf`): not taken as domains
/// when looking for observables in running text.
const NOT_DOMAINS: [&str; 24] = [
    "exe", "dll", "sys", "bat", "cmd", "ps1", "vbs", "js", "sh", "py", "txt", "log", "csv", "json",
    "xml", "html", "htm", "pdf", "doc", "docx", "xls", "xlsx", "zip", "rar",
];

/// The observables written in a note or a journal line, each once, in order: URLs,
/// e-mail addresses, addresses and networks, hashes, CVEs, techniques and domains (not
/// file names that look like one). Typed defanged counts too.
pub fn found_in(text: &str) -> Vec<(ObservableKind, String)> {
    let mut found: Vec<(ObservableKind, String)> = Vec::new();
    let edges: &[char] = &[
        '"', '\'', '(', ')', '<', '>', ',', ';', '!', '?', '`', '«', '»',
    ];
    for word in text.split_whitespace() {
        let word = word.trim_matches(edges).trim_end_matches([':', '.']);
        let Some((kind, value)) = guess(word) else {
            continue;
        };
        // In running text a domain needs a real-looking top level: letters, two at
        // least (`e.g` is not one), and not a file extension (`invoice.pdf`).
        let file_like = kind == ObservableKind::Domain
            && value.rsplit('.').next().is_none_or(|tld| {
                NOT_DOMAINS.contains(&tld)
                    || !(tld.starts_with("xn--")
                        || (tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())))
            });
        let in_text = !matches!(kind, ObservableKind::FilePath | ObservableKind::RegistryKey);
        if !file_like && in_text && !found.iter().any(|(k, v)| *k == kind && *v == value) {
            found.push((kind, value));
        }
    }
    found
}

#[cfg(test)]
#[path = "observable_tests.rs"]
mod tests;
