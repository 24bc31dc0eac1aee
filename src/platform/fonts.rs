//! The system's font folders. iced's text system (fontdb, through cosmic-text) reads every font
//! file in them when it is created, before the first frame, though the window draws only with
//! its own embedded fonts; a Japanese Windows has hundreds of files there, with large CJK
//! collections. The window creates that text system with the folders out of sight, and adds
//! their fonts (for text pasted in other scripts) from another thread once it is drawing.

use std::ffi::OsString;

/// Where fontdb looks for the system's fonts: environment variables, each with the value that
/// hides the folders it names (`None`: unset).
fn hiding() -> Vec<(&'static str, Option<OsString>)> {
    if cfg!(windows) {
        // fontdb reads %SYSTEMROOT%\Fonts (C:\Windows\Fonts without the variable) and the
        // user's two font folders under %USERPROFILE%.
        vec![
            ("SYSTEMROOT", Some(nowhere().into_os_string())),
            ("USERPROFILE", None),
        ]
    } else {
        // fontdb reads the folders fontconfig's configuration names (with none, the usual
        // ones): a configuration naming one folder that does not exist.
        match no_fonts_config() {
            Some(path) => vec![("FONTCONFIG_FILE", Some(path.into_os_string()))],
            None => Vec::new(),
        }
    }
}

/// A folder that does not exist, named inside the temporary folder.
fn nowhere() -> std::path::PathBuf {
    std::env::temp_dir().join("activation-companion-no-fonts")
}

/// A fontconfig configuration with one folder that does not exist, written to the temporary
/// folder; `None` if it cannot be written (the folders are then read as before).
fn no_fonts_config() -> Option<std::path::PathBuf> {
    let path = std::env::temp_dir().join("activation-companion-no-fonts.conf");
    let config = format!(
        "<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n",
        nowhere().display()
    );
    let current = std::fs::read_to_string(&path).ok();
    if current.as_deref() != Some(config.as_str()) {
        std::fs::write(&path, config).ok()?;
    }
    Some(path)
}

/// Runs `create` (which creates the text system) with the environment hiding the system's
/// font folders from fontdb, then puts every variable back as it was.
///
/// # Safety
/// Changes the process environment: call it while no other thread runs (the window calls it
/// first thing, before iced starts any).
pub unsafe fn without_system_fonts<R>(create: impl FnOnce() -> R) -> R {
    let changes = hiding();
    let saved: Vec<(&str, Option<OsString>)> = changes
        .iter()
        .map(|(name, _)| (*name, std::env::var_os(name)))
        .collect();
    for (name, value) in &changes {
        // SAFETY: the caller guarantees no other thread runs.
        unsafe { set(name, value.as_ref()) };
    }
    let created = create();
    for (name, value) in &saved {
        // SAFETY: as above.
        unsafe { set(name, value.as_ref()) };
    }
    created
}

unsafe fn set(name: &str, value: Option<&OsString>) {
    // SAFETY: the caller guarantees no other thread runs.
    unsafe {
        match value {
            Some(value) => std::env::set_var(name, value),
            None => std::env::remove_var(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folders_are_hidden_while_the_text_system_is_made_and_only_then() {
        let name = if cfg!(windows) {
            "SYSTEMROOT"
        } else {
            "FONTCONFIG_FILE"
        };
        let before = std::env::var_os(name);
        // SAFETY: this test changes only variables no other test reads, and puts them back.
        let during = unsafe { without_system_fonts(|| std::env::var_os(name)) };
        assert_eq!(std::env::var_os(name), before);
        let during = during.expect("the variable is set while the text system is made");
        assert_ne!(Some(&during), before.as_ref());
        if !cfg!(windows) {
            let config = std::fs::read_to_string(&during).unwrap();
            assert!(config.contains("<dir>"), "{config}");
            let dir = config
                .split("<dir>")
                .nth(1)
                .unwrap()
                .split("</dir>")
                .next()
                .unwrap();
            assert!(!std::path::Path::new(dir).exists(), "{dir}");
        }
    }
}
