//! The organisation's sector, in the words of the NIS2 directive's annexes, and the
//! sector CSIRT where one serves it (France: CERT Santé for health).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Energy,
    Transport,
    Banking,
    FinancialMarketInfrastructure,
    Health,
    DrinkingWater,
    WasteWater,
    DigitalInfrastructure,
    IctServiceManagement,
    PublicAdministration,
    Space,
    Postal,
    WasteManagement,
    Chemicals,
    Food,
    Manufacturing,
    DigitalProviders,
    Research,
    /// None of the above.
    Other,
}

impl Sector {
    /// The shipped directory's entry for the CSIRT of this sector, where there is one.
    pub fn csirt(self) -> Option<&'static str> {
        match self {
            Sector::Health => Some("cert-sante"),
            _ => None,
        }
    }
}
