//! Fuzzy search over 1,000 contacts (the issue asks for under 1 ms per query).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use warroom::domain::Contact;
use warroom::search::search;

fn directory() -> Vec<Contact> {
    let first = [
        "Camille", "Karim", "Nadia", "Léa", "Zoé", "Hugo", "Inès", "Lucas",
    ];
    let last = [
        "Durand", "Benali", "Roux", "Martin", "Dupont", "Moreau", "Fontaine",
    ];
    let roles = [
        "IT lead",
        "DPO",
        "Legal",
        "Press officer",
        "Hosting provider",
        "Bank fraud desk",
    ];
    (0..1000)
        .map(|n| Contact {
            id: format!("c{n}"),
            name: format!("{} {} {n}", first[n % first.len()], last[n % last.len()]),
            role: roles[n % roles.len()].to_string(),
            organisation: format!("Organisation {}", n % 37),
            tags: vec![format!("site-{}", n % 11), "on-call".into()],
            ..Contact::default()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let all = directory();
    for query in ["cnil", "dur", "press", "zdpt"] {
        c.bench_function(&format!("search 1000 contacts '{query}'"), |b| {
            b.iter(|| {
                black_box(search(
                    black_box(&all),
                    black_box(query),
                    warroom::i18n::Lang::En,
                ))
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
