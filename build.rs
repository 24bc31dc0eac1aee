//! Deflates the two data tables the program embeds (`data/activation_centers.json` and
//! `data/call_scripts.json`, 0.7 MB of JSON) into `OUT_DIR`, for every target: the exe holds
//! ~0.1 MB of them and inflates each once, when it is first needed (`crate::data`).
//!
//! Embeds the icon, version information and an application manifest into the Windows `.exe`.
//! That part does nothing unless the *target* is Windows, so Linux and macOS builds need nothing installed.
//! Cross-building from Linux needs `x86_64-w64-mingw32-windres` and `-ar` (Debian:
//! `gcc-mingw-w64-x86-64`); `WINDRES` / `AR` override them. `data/icon.ico` comes from
//! `scripts/make_icon.py`.

use std::env;
use std::path::Path;

/// Runs as the user who started it ("asInvoker"): activating needs administrator rights only for
/// the final step, and the app explains that step instead of asking for elevation at start-up.
/// No `<?xml …?>` declaration: winresource writes each line with a leading space, and a
/// declaration that is not the very first thing makes the manifest invalid.
const MANIFEST: &str = r#"<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{35138b9a-5d96-4fbd-8e2d-a2440225f93a}"/>
      <supportedOS Id="{4a2f28e3-53b9-4441-ba9c-d69d4a4a6e38}"/>
      <supportedOS Id="{1f676c76-80e1-4239-95bb-83d0f6d0da78}"/>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
    </application>
  </compatibility>
</assembly>"#;

/// The tables `crate::data` embeds, deflated into `OUT_DIR/NAME.deflate`.
const TABLES: &[&str] = &["activation_centers.json", "call_scripts.json"];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for table in TABLES {
        let source = Path::new(&manifest_dir).join("data").join(table);
        println!("cargo:rerun-if-changed={}", source.display());
        let json = std::fs::read(&source)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", source.display()));
        let deflated = miniz_oxide::deflate::compress_to_vec(&json, 10);
        let target = Path::new(&out_dir).join(format!("{table}.deflate"));
        std::fs::write(&target, deflated)
            .unwrap_or_else(|error| panic!("cannot write {}: {error}", target.display()));
    }

    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let icon = Path::new(&manifest_dir).join("data").join("icon.ico");
    println!("cargo:rerun-if-changed={}", icon.display());

    let version = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon(&icon.to_string_lossy())
        .set_manifest(MANIFEST)
        .set("ProductName", "Activation Companion")
        .set("FileDescription", "Activation Companion")
        .set("InternalName", "activation-companion")
        .set("OriginalFilename", "activation-companion.exe")
        .set("LegalCopyright", "MIT License")
        .set("ProductVersion", &version)
        .set("FileVersion", &version);
    // Only the executable gets the resources (not the test binaries).
    if let Err(error) = resource.compile_for("activation-companion") {
        panic!(
            "could not compile the Windows resources ({error}); install a resource compiler \
             (Debian: apt-get install gcc-mingw-w64-x86-64) or set WINDRES"
        );
    }
}
