//! The files shipped inside the binary: the default configuration, phase models,
//! playbooks, the public directory, drills, clocks and the ATT&CK catalogue, as (path,
//! text) pairs. `config` parses and validates them (`attack` parses its catalogue);
//! `i18n` finds their human-readable texts through `texts::shipped_texts` without
//! building a whole configuration.

pub mod attack;
pub mod texts;

pub use texts::shipped_texts;

/// The default configuration every user file is laid over.
pub const DEFAULT_CONFIG: (&str, &str) = (
    "<embedded default config>",
    include_str!("../../assets/config.default.yaml"),
);

/// Shipped phase models, default first.
pub const SHIPPED_MODELS: [(&str, &str); 4] = [
    (
        "assets/phase_models/picerl.yaml",
        include_str!("../../assets/phase_models/picerl.yaml"),
    ),
    (
        "assets/phase_models/nist-800-61r2.yaml",
        include_str!("../../assets/phase_models/nist-800-61r2.yaml"),
    ),
    (
        "assets/phase_models/nist-800-61r3.yaml",
        include_str!("../../assets/phase_models/nist-800-61r3.yaml"),
    ),
    (
        "assets/phase_models/iso-27035.yaml",
        include_str!("../../assets/phase_models/iso-27035.yaml"),
    ),
];

/// Shipped playbooks; the generic one is the fallback for unclaimed categories.
pub const SHIPPED_PLAYBOOKS: [(&str, &str); 5] = [
    (
        "assets/playbooks/generic.yaml",
        include_str!("../../assets/playbooks/generic.yaml"),
    ),
    (
        "assets/playbooks/ransomware.yaml",
        include_str!("../../assets/playbooks/ransomware.yaml"),
    ),
    (
        "assets/playbooks/phishing-bec.yaml",
        include_str!("../../assets/playbooks/phishing-bec.yaml"),
    ),
    (
        "assets/playbooks/personal-data-breach.yaml",
        include_str!("../../assets/playbooks/personal-data-breach.yaml"),
    ),
    (
        "assets/playbooks/ddos.yaml",
        include_str!("../../assets/playbooks/ddos.yaml"),
    ),
];

pub const SHIPPED_CONTACTS: (&str, &str) = (
    "assets/contacts.yaml",
    include_str!("../../assets/contacts.yaml"),
);

pub const SHIPPED_DRILLS: [(&str, &str); 4] = [
    (
        "assets/drills/phishing-campaign.yaml",
        include_str!("../../assets/drills/phishing-campaign.yaml"),
    ),
    (
        "assets/drills/ransomware-file-server.yaml",
        include_str!("../../assets/drills/ransomware-file-server.yaml"),
    ),
    (
        "assets/drills/hosting-outage.yaml",
        include_str!("../../assets/drills/hosting-outage.yaml"),
    ),
    (
        "assets/drills/personal-data-leak.yaml",
        include_str!("../../assets/drills/personal-data-leak.yaml"),
    ),
];

pub const SHIPPED_CLOCKS: (&str, &str) = (
    "assets/clocks.yaml",
    include_str!("../../assets/clocks.yaml"),
);

/// MITRE ATT&CK Enterprise: the tactics and the techniques warroom names (see
/// `attack::catalogue`).
pub const SHIPPED_ATTACK: (&str, &str) = (
    "assets/attack.yaml",
    include_str!("../../assets/attack.yaml"),
);
