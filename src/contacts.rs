//! The directory as everyone sees it (dashboard and command line alike), and its
//! offline hand-off as vCard 4.0 (RFC 6350) for a phone.

use crate::config::Config;
use crate::domain::{Contact, Event, build_directory};
use crate::text;

/// Point of contact, retainer, the config's contacts, those added from the dashboard
/// (the directory journal `saved`), then the shipped public directory.
pub fn directory(config: &Config, saved: &[Event]) -> Vec<Contact> {
    let mut poc = config.point_of_contact.clone();
    if !poc.covers("point-of-contact") {
        poc.roles.push("point-of-contact".into());
    }
    let r = &config.retainer;
    let mut retainer = r.contact(text::retainer_role(r), text::retainer_hours(&r.coverage));
    if !r.evidence.trim().is_empty() {
        retainer.notes = text::retainer_evidence(&r.evidence);
    }
    let own: Vec<Contact> = [poc, retainer]
        .into_iter()
        .chain(config.contacts.iter().cloned())
        .collect();
    build_directory(own, saved, &config.catalog.public_contacts)
}

/// RFC 6350 text escaping: backslash, comma, semicolon, newline.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (continuations start with a space), CRLF-ended,
/// never cutting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The contacts as one vCard 4.0 file.
pub fn vcard(contacts: &[Contact]) -> String {
    let mut out = String::new();
    for c in contacts {
        let mut lines = vec![
            "BEGIN:VCARD".to_string(),
            "VERSION:4.0".to_string(),
            format!("UID:urn:warroom:{}", escape(&c.key())),
            format!("FN:{}", escape(&c.name)),
        ];
        if !c.organisation.is_empty() {
            lines.push(format!("ORG:{}", escape(&c.organisation)));
        }
        if !c.role.is_empty() {
            lines.push(format!("TITLE:{}", escape(&c.role)));
        }
        for phone in &c.phones {
            lines.push(format!("TEL;VALUE=uri:tel:{}", phone.replace(' ', "")));
        }
        if !c.email.is_empty() {
            lines.push(format!("EMAIL:{}", escape(&c.email)));
        }
        for channel in c.channels.iter().filter(|x| x.starts_with("http")) {
            lines.push(format!("URL:{}", escape(channel)));
        }
        for lang in &c.languages {
            lines.push(format!("LANG:{}", escape(lang)));
        }
        let mut note = Vec::new();
        if !c.availability.is_empty() {
            note.push(c.availability.clone());
        }
        if !c.notes.is_empty() {
            note.push(c.notes.clone());
        }
        if !c.verified {
            note.push(text::verify_before_use());
        }
        if !note.is_empty() {
            lines.push(format!("NOTE:{}", escape(&note.join(" — "))));
        }
        if !c.tags.is_empty() || !c.roles.is_empty() {
            let cats: Vec<String> = c.roles.iter().chain(&c.tags).map(|t| escape(t)).collect();
            lines.push(format!("CATEGORIES:{}", cats.join(",")));
        }
        lines.push("END:VCARD".to_string());
        for line in lines {
            fold(&line, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds_as_rfc_6350_says() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        fold(&"é".repeat(50), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(50));
    }
}
