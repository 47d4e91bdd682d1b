//! Where the data directory is, and creating it private to its owner.

use super::{IoStep, StoreError};
use std::path::{Path, PathBuf};

/// The platform data directory (e.g. `~/.local/share/warroom`), if the platform has one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "warroom").map(|d| d.data_dir().to_path_buf())
}

/// Creates `dir` and its missing parents; the directory itself gets mode 0700 because it
/// holds incident data that is at least TLP:AMBER (2770 and the group, on a shared
/// host).
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let io = |cause| StoreError::Io {
        step: IoStep::CreateDataDir,
        path: dir.to_path_buf(),
        cause,
    };
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let sharing = super::sharing::sharing();
    let mut builder = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => {
            return Ok(());
        }
        Err(e) => return Err(io(e)),
    }
    // Made private first, then opened to the group: never open to anyone else, even
    // for a moment (mkdir ignores the setgid bit, so it is set here).
    if let super::Sharing::Group { gid, .. } = sharing {
        rustix::fs::chown(dir, None, Some(rustix::fs::Gid::from_raw(*gid)))
            .map_err(|e| io(e.into()))?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir,
            std::fs::Permissions::from_mode(sharing.directory_mode()),
        )
        .map_err(io)?;
    }
    Ok(())
}

/// Refuses a data directory that other users can reach, or that is not this user's, as
/// PostgreSQL does: its incidents are at least TLP:AMBER, its contacts personal data,
/// and whoever can write in it can take its lock or plant a socket. On a shared host,
/// exactly the configured group may reach it too, nobody else. The message says how
/// to fix it.
pub fn check_private_dir(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(dir).map_err(|cause| StoreError::Io {
        step: IoStep::Read,
        path: dir.to_path_buf(),
        cause,
    })?;
    let me = rustix::process::geteuid().as_raw();
    let found = Found {
        uid: meta.uid(),
        gid: meta.gid(),
        mode: meta.mode(),
    };
    exposure(found, super::sharing::sharing(), me).map_err(|why| StoreError::Unsafe {
        path: dir.to_path_buf(),
        why,
    })
}

/// What the file system says of a directory.
#[derive(Debug, Clone, Copy)]
struct Found {
    uid: u32,
    gid: u32,
    mode: u32,
}

/// Why a directory found so may not hold a store shared so (by user `me`), if it may not.
fn exposure(found: Found, sharing: &super::Sharing, me: u32) -> Result<(), super::Exposure> {
    use super::Exposure as E;
    // Sticky, as /tmp: shared on purpose, not to be made private (a folder of one's
    // own inside it is the fix).
    if found.mode & 0o1000 != 0 {
        return Err(E::DirectoryShared);
    }
    let mode = found.mode & 0o7777;
    match sharing {
        super::Sharing::Private => {
            if found.uid != me {
                return Err(E::DirectoryNotYours {
                    owner: found.uid,
                    me,
                });
            }
            if mode & 0o077 != 0 {
                return Err(E::DirectoryOpen { mode: mode & 0o777 });
            }
        }
        // Whoever made it (an administrator, a member), it is the group's and the
        // group's alone, and what is made in it takes the group (setgid).
        super::Sharing::Group { gid, name } => {
            if found.gid != *gid || mode & 0o2070 != 0o2070 || mode & 0o007 != 0 {
                return Err(E::DirectoryNotShared {
                    mode,
                    group: name.clone(),
                });
            }
        }
    }
    Ok(())
}

/// A folder only this user can reach, as a data directory must be (tests).
#[cfg(test)]
pub fn private_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Exposure, Sharing};

    fn found(uid: u32, gid: u32, mode: u32) -> Found {
        Found { uid, gid, mode }
    }

    #[test]
    fn a_private_store_is_this_users_alone() {
        let private = &Sharing::Private;
        assert!(exposure(found(1000, 1000, 0o40700), private, 1000).is_ok());
        assert!(matches!(
            exposure(found(1000, 1000, 0o40750), private, 1000),
            Err(Exposure::DirectoryOpen { mode: 0o750 })
        ));
        assert!(matches!(
            exposure(found(0, 0, 0o40700), private, 1000),
            Err(Exposure::DirectoryNotYours { owner: 0, me: 1000 })
        ));
        assert!(matches!(
            exposure(found(1000, 1000, 0o41777), private, 1000),
            Err(Exposure::DirectoryShared)
        ));
    }

    #[test]
    fn a_shared_store_is_exactly_the_groups_whoever_made_it() {
        let team = &Sharing::Group {
            gid: 600,
            name: "warroom".into(),
        };
        // Made by an administrator (root) or a member: 2770, the group's.
        assert!(exposure(found(0, 600, 0o42770), team, 1000).is_ok());
        assert!(exposure(found(1001, 600, 0o42770), team, 1000).is_ok());
        for (gid, mode, why) in [
            (600, 0o42775, "others may read"),
            (600, 0o42777, "others may write"),
            (600, 0o40770, "new files would not take the group"),
            (600, 0o42700, "the group cannot reach it"),
            (100, 0o42770, "another group"),
        ] {
            assert!(
                matches!(
                    exposure(found(1000, gid, mode), team, 1000),
                    Err(Exposure::DirectoryNotShared { .. })
                ),
                "{why}"
            );
        }
        // A private directory is not the group's either: it says how to share it.
        assert!(exposure(found(1000, 1000, 0o40700), team, 1000).is_err());
    }
}
