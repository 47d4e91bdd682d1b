//! STIX patterns for single observables, written and read: `[ipv4-addr:value =
//! '198.51.100.7']`, `[file:hashes.'SHA-256' = '…']`, and a file path as its name and
//! folder (`[file:name = 'x.exe' AND file:parent_directory_ref.path = 'C:\\Temp']`).
//! Reading takes comparisons with `=` joined by AND or OR inside one observation, each
//! a value of its own; anything more (other operators, several observations,
//! qualifiers) is not an observable and is left to the tools that run patterns.

use crate::domain::ObservableKind;

/// A value as a pattern's string literal: quoted, `\` and `'` escaped.
fn literal(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A file path as its folder and its name, split so that `join` gives it back exactly.
pub fn split_path(path: &str) -> (String, String) {
    let Some(i) = path.rfind(['/', '\\']) else {
        return (String::new(), path.to_string());
    };
    let name = path[i + 1..].to_string();
    let bare = if i == 0 { &path[..1] } else { &path[..i] };
    if join(bare, &name) == path {
        (bare.to_string(), name)
    } else {
        (path[..=i].to_string(), name)
    }
}

/// A folder and a name as one path, with the folder's own separator.
pub fn join(folder: &str, name: &str) -> String {
    if folder.ends_with(['/', '\\']) {
        return format!("{folder}{name}");
    }
    let separator = match folder.rfind(['/', '\\']) {
        Some(i) => &folder[i..=i],
        None if folder.ends_with(':') => "\\",
        None => "/",
    };
    format!("{folder}{separator}{name}")
}

/// The property path of a hash in a file object.
pub fn hash_key(kind: ObservableKind) -> Option<&'static str> {
    Some(match kind {
        ObservableKind::Md5 => "MD5",
        ObservableKind::Sha1 => "SHA-1",
        ObservableKind::Sha256 => "SHA-256",
        ObservableKind::Sha512 => "SHA-512",
        _ => return None,
    })
}

/// The hash kind a file's `hashes` key names (the vocabulary's and common spellings).
pub fn hash_kind(key: &str) -> Option<ObservableKind> {
    Some(match key.to_ascii_uppercase().replace('-', "").as_str() {
        "MD5" => ObservableKind::Md5,
        "SHA1" => ObservableKind::Sha1,
        "SHA256" => ObservableKind::Sha256,
        "SHA512" => ObservableKind::Sha512,
        _ => return None,
    })
}

fn ip_type(value: &str) -> &'static str {
    if value.contains(':') {
        "ipv6-addr"
    } else {
        "ipv4-addr"
    }
}

/// The pattern that matches an observable; `None` for kinds STIX objects cannot hold
/// (a CVE, a technique, other).
pub fn write(kind: ObservableKind, value: &str) -> Option<String> {
    use ObservableKind as K;
    let v = literal(value);
    let comparison = match kind {
        K::Ip | K::Cidr => format!("{}:value = {v}", ip_type(value)),
        K::Domain => format!("domain-name:value = {v}"),
        K::Url => format!("url:value = {v}"),
        K::Email => format!("email-addr:value = {v}"),
        K::Md5 | K::Sha1 | K::Sha256 | K::Sha512 => {
            let key = hash_key(kind)?;
            if key.contains('-') {
                format!("file:hashes.'{key}' = {v}")
            } else {
                format!("file:hashes.{key} = {v}")
            }
        }
        K::FileName => format!("file:name = {v}"),
        K::FilePath => {
            let (folder, name) = split_path(value);
            format!(
                "file:name = {} AND file:parent_directory_ref.path = {}",
                literal(&name),
                literal(&folder)
            )
        }
        K::RegistryKey => format!("windows-registry-key:key = {v}"),
        K::Account => format!("user-account:account_login = {v}"),
        K::Process => format!("process:command_line = {v}"),
        K::Cve | K::Technique | K::Other => return None,
    };
    Some(format!("[{comparison}]"))
}

/// The observables a pattern names, as (kind, value as written); `None` when it is
/// not a plain list of equalities this reader knows.
pub fn read(pattern: &str) -> Option<Vec<(ObservableKind, String)>> {
    let inner = pattern.trim().strip_prefix('[')?.strip_suffix(']')?;
    let mut rest = inner.trim();
    let mut pairs: Vec<(String, String)> = Vec::new();
    loop {
        let (path, after) = rest.split_once('=')?;
        let path = path.trim();
        if path.ends_with(['!', '<', '>']) || path.contains(char::is_whitespace) {
            return None;
        }
        let (value, after) = string(after.trim_start())?;
        pairs.push((path.to_string(), value));
        let after = after.trim_start();
        if after.is_empty() {
            break;
        }
        rest = after
            .strip_prefix("AND ")
            .or_else(|| after.strip_prefix("OR "))?
            .trim_start();
    }
    let folder = pairs
        .iter()
        .find(|(p, _)| p == "file:parent_directory_ref.path")
        .map(|(_, v)| v.clone());
    let mut found = Vec::new();
    for (path, value) in pairs {
        let kind = match path.as_str() {
            "ipv4-addr:value" | "ipv6-addr:value" if value.contains('/') => ObservableKind::Cidr,
            "ipv4-addr:value" | "ipv6-addr:value" => ObservableKind::Ip,
            "domain-name:value" => ObservableKind::Domain,
            "url:value" => ObservableKind::Url,
            "email-addr:value" | "email-message:from_ref.value" => ObservableKind::Email,
            "file:name" if folder.is_some() => {
                let folder = folder.as_deref().unwrap_or_default();
                found.push((ObservableKind::FilePath, join(folder, &value)));
                continue;
            }
            "file:name" => ObservableKind::FileName,
            "file:parent_directory_ref.path" if folder.is_some() => continue,
            "windows-registry-key:key" => ObservableKind::RegistryKey,
            "user-account:account_login" | "user-account:user_id" => ObservableKind::Account,
            "process:command_line" => ObservableKind::Process,
            other => {
                let key = other.strip_prefix("file:hashes.")?.trim_matches('\'');
                hash_kind(key)?
            }
        };
        found.push((kind, value));
    }
    Some(found)
}

/// A quoted string literal at the start of `text`, unescaped, and what follows it.
fn string(text: &str) -> Option<(String, &str)> {
    let body = text.strip_prefix('\'')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?.1),
            '\'' => return Some((out, &body[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_reads_back_as_its_observable() {
        let cases = [
            (ObservableKind::Ip, "198.51.100.7"),
            (ObservableKind::Ip, "2001:db8::1"),
            (ObservableKind::Cidr, "10.0.0.0/8"),
            (ObservableKind::Domain, "evil.example"),
            (ObservableKind::Url, "https://evil.example/a'b"),
            (ObservableKind::Email, "x@evil.example"),
            (ObservableKind::Md5, "d41d8cd98f00b204e9800998ecf8427e"),
            (ObservableKind::Sha256, "ab"),
            (ObservableKind::FileName, "in'voice.exe"),
            (ObservableKind::FilePath, "C:\\Users\\Public\\x.exe"),
            (ObservableKind::FilePath, "/tmp/x"),
            (ObservableKind::FilePath, "/x"),
            (ObservableKind::FilePath, "C:\\x.exe"),
            (ObservableKind::FilePath, "a/b\\c"),
            (
                ObservableKind::RegistryKey,
                "HKEY_LOCAL_MACHINE\\Software\\Run",
            ),
            (ObservableKind::Account, "svc_backup"),
            (ObservableKind::Process, "powershell -enc 'SQBFAFgA' \\\\x"),
        ];
        for (kind, value) in cases {
            let pattern = write(kind, value).unwrap_or_default();
            assert_eq!(
                read(&pattern),
                Some(vec![(kind, value.to_string())]),
                "{pattern}"
            );
        }
        assert_eq!(write(ObservableKind::Cve, "CVE-2024-3400"), None);
    }

    #[test]
    fn only_plain_equalities_are_read() {
        assert_eq!(
            read("[ipv4-addr:value = '1.2.3.4' OR domain-name:value = 'a.example']"),
            Some(vec![
                (ObservableKind::Ip, "1.2.3.4".into()),
                (ObservableKind::Domain, "a.example".into())
            ])
        );
        for pattern in [
            "[ipv4-addr:value != '1.2.3.4']",
            "[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [ipv4-addr:value = '1.2.3.5']",
            "[network-traffic:dst_port = 443]",
            "[url:value MATCHES '^x']",
            "[ipv4-addr:value = '1.2.3.4'",
            "[mutex:name = 'x']",
        ] {
            assert_eq!(read(pattern), None, "{pattern}");
        }
    }
}
