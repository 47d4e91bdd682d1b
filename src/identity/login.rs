//! Unix logins, as the kernel and the password database know them: the link between
//! whoever connects to a shared store (`SO_PEERCRED` gives a uid) and a roster member
//! (`Member::unix_user`). Never `$USER`, which anyone can set.

/// The login of user `uid`, if the system knows one.
pub fn login_of(uid: u32) -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|user| user.name)
}

/// This process's login (its effective user).
pub fn my_login() -> Option<String> {
    login_of(nix::unistd::geteuid().as_raw())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_root_and_an_unknown_uid_has_no_login() {
        assert_eq!(login_of(0).as_deref(), Some("root"));
        assert_eq!(login_of(4_000_000_000), None);
        assert!(my_login().is_some_and(|l| !l.is_empty()));
    }
}
