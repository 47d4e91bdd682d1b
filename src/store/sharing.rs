//! Who may reach a store besides the user running warroom: nobody (a laptop, the
//! default), or the members of one Unix group (a shared war-room host, where each
//! responder arrives with `ssh -t host warroom`). It is a property of the whole run,
//! like the umask it goes with, so it is set once at start from the configuration and
//! read by every check of a data directory, a socket and a peer.

use std::sync::OnceLock;

/// The one group, if any, that shares the stores this run opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sharing {
    /// This user alone: directories 0700, files 0600, socket 0600, peers of this uid.
    Private,
    /// This group too: directories 2770 (new files take the group), files and socket
    /// 0660, peers of this uid or of a member of the group. Nothing for anyone else.
    Group { gid: u32, name: String },
}

static SHARING: OnceLock<Sharing> = OnceLock::new();

/// Sets the sharing of this run, once, before any store is opened. A second call
/// changes nothing and says so (`false`).
pub fn share(sharing: Sharing) -> bool {
    SHARING.set(sharing).is_ok()
}

/// This run's sharing: private unless `share` said otherwise.
pub fn sharing() -> &'static Sharing {
    SHARING.get_or_init(|| Sharing::Private)
}

impl Sharing {
    /// The group named `name` on this host, for the configuration's `shared_host.group`.
    pub fn group_named(name: &str) -> Option<Sharing> {
        let group = nix::unistd::Group::from_name(name).ok().flatten()?;
        Some(Sharing::Group {
            gid: group.gid.as_raw(),
            name: group.name,
        })
    }

    /// Whether user `uid` may reach the store: this user, or a member of the group
    /// (as its primary group or a supplementary one, per the group database).
    pub fn admits(&self, uid: u32, me: u32) -> bool {
        if uid == me {
            return true;
        }
        match self {
            Sharing::Private => false,
            Sharing::Group { gid, .. } => in_group(uid, *gid),
        }
    }

    /// Whether this process may use a store shared so: always for a private one; for
    /// a group's, when it is in the group now, or root.
    pub fn includes_me(&self) -> bool {
        match self {
            Sharing::Private => true,
            Sharing::Group { gid, .. } => rustix::process::geteuid().is_root() || i_am_in(*gid),
        }
    }

    /// The mode bits a new directory of the store gets.
    pub fn directory_mode(&self) -> u32 {
        match self {
            Sharing::Private => 0o700,
            Sharing::Group { .. } => 0o2770,
        }
    }

    /// The mode bits the owner's socket gets.
    pub fn socket_mode(&self) -> u32 {
        match self {
            Sharing::Private => 0o600,
            Sharing::Group { .. } => 0o660,
        }
    }
}

/// Whether user `uid` is in group `gid`, per the password and group databases.
fn in_group(uid: u32, gid: u32) -> bool {
    let Ok(Some(user)) = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) else {
        return false;
    };
    if user.gid.as_raw() == gid {
        return true;
    }
    let Ok(name) = std::ffi::CString::new(user.name) else {
        return false;
    };
    nix::unistd::getgrouplist(&name, user.gid)
        .is_ok_and(|groups| groups.iter().any(|g| g.as_raw() == gid))
}

/// Whether this process is in group `gid` now (its effective or a supplementary group):
/// a member added since the login must log in again.
fn i_am_in(gid: u32) -> bool {
    nix::unistd::getegid().as_raw() == gid
        || nix::unistd::getgroups().is_ok_and(|groups| groups.iter().any(|g| g.as_raw() == gid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_admits_only_this_user_and_a_group_its_members() {
        assert!(Sharing::Private.admits(1000, 1000));
        assert!(!Sharing::Private.admits(0, 1000));
        // root's primary group is root (0) on every Unix this runs on.
        let root = Sharing::Group {
            gid: 0,
            name: "root".into(),
        };
        assert!(root.admits(0, 1000));
        assert!(!root.admits(4_000_000_000, 1000), "no such user");
        assert_eq!(root.directory_mode(), 0o2770);
        assert_eq!(Sharing::Private.socket_mode(), 0o600);
        assert_eq!(Sharing::group_named("root"), Some(root));
        assert_eq!(Sharing::group_named("no-such-group-here"), None);
    }
}
