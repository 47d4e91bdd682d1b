//! A shared war-room host: the configuration names the group whose members share the
//! store. Set once, before any store is opened: what this run creates is the group's
//! too (umask 007 in directories that pass their group on), and every check of a data
//! directory, socket and peer accepts that group, and nobody else.

use super::Failure;
use crate::config::SharedHost;
use crate::store::Sharing;
use crate::text;

/// Shares this run's stores with the configured group, after checking that the group
/// exists and that this user is in it (root needs not be).
pub fn share(shared: &SharedHost) -> Result<(), Failure> {
    let Some(sharing) = Sharing::group_named(&shared.group) else {
        return Err(Failure::Usage(text::cli_no_such_group(&shared.group)));
    };
    if !sharing.includes_me() {
        let login = crate::identity::login::my_login().unwrap_or_else(|| "LOGIN".into());
        return Err(Failure::Failed(text::cli_not_in_group(
            &shared.group,
            &login,
        )));
    }
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o007));
    crate::store::share(sharing);
    Ok(())
}
