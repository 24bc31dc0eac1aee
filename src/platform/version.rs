//! Which Windows this is, for the support report and the ESU note: the registry's
//! `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion` (`ProductName`, `DisplayVersion`,
//! `CurrentBuildNumber`, `UBR`) and the user's UI language. Numbers and names as Windows keeps
//! them; `None` elsewhere.

use crate::licensing::WindowsVersion;

/// This Windows; `None` on other OSes or when the registry gives no build number.
pub fn windows_version() -> Option<WindowsVersion> {
    #[cfg(windows)]
    {
        let build: u32 = registry_text("CurrentBuildNumber")?.trim().parse().ok()?;
        Some(WindowsVersion {
            product_name: registry_text("ProductName").unwrap_or_default(),
            display_version: registry_text("DisplayVersion")
                .or_else(|| registry_text("ReleaseId"))
                .unwrap_or_default(),
            build,
            revision: registry_number("UBR").unwrap_or(0),
            ui_language: ui_language().unwrap_or_default(),
            architecture: std::env::consts::ARCH.to_string(),
        })
    }
    #[cfg(not(windows))]
    {
        None
    }
}

#[cfg(windows)]
const CURRENT_VERSION: &str = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

#[cfg(windows)]
fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

/// A value of `CurrentVersion`, read from the 64-bit view (a 32-bit exe on 64-bit Windows
/// would otherwise read the redirected one).
#[cfg(windows)]
fn registry_value(name: &str, kind: u32, buffer: &mut [u8]) -> Option<usize> {
    use windows_sys::Win32::System::Registry::{
        HKEY_LOCAL_MACHINE, RRF_SUBKEY_WOW6464KEY, RegGetValueW,
    };
    let key = wide(CURRENT_VERSION);
    let value = wide(name);
    let mut size = buffer.len() as u32;
    // SAFETY: the strings are NUL-terminated UTF-16 that outlive the call; the buffer is
    // writable for `size` bytes, and `size` is updated with what was written.
    let status = unsafe {
        RegGetValueW(
            HKEY_LOCAL_MACHINE,
            key.as_ptr(),
            value.as_ptr(),
            kind | RRF_SUBKEY_WOW6464KEY,
            std::ptr::null_mut(),
            buffer.as_mut_ptr().cast(),
            &mut size,
        )
    };
    (status == 0).then_some(size as usize)
}

#[cfg(windows)]
fn registry_text(name: &str) -> Option<String> {
    use windows_sys::Win32::System::Registry::RRF_RT_REG_SZ;
    let mut buffer = [0u8; 512];
    let size = registry_value(name, RRF_RT_REG_SZ, &mut buffer)?;
    let units: Vec<u16> = buffer[..size]
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .take_while(|&unit| unit != 0)
        .collect();
    String::from_utf16(&units)
        .ok()
        .filter(|text| !text.is_empty())
}

#[cfg(windows)]
fn registry_number(name: &str) -> Option<u32> {
    use windows_sys::Win32::System::Registry::RRF_RT_REG_DWORD;
    let mut buffer = [0u8; 4];
    let size = registry_value(name, RRF_RT_REG_DWORD, &mut buffer)?;
    (size == 4).then(|| u32::from_le_bytes(buffer))
}

/// The user's UI language (`GetUserDefaultUILanguage`) as a locale name (`ja-JP`).
#[cfg(windows)]
fn ui_language() -> Option<String> {
    use windows_sys::Win32::Globalization::{GetUserDefaultUILanguage, LCIDToLocaleName};
    /// LOCALE_NAME_MAX_LENGTH, including the terminating NUL.
    const MAX: usize = 85;
    // SAFETY: no arguments; returns a LANGID.
    let language = unsafe { GetUserDefaultUILanguage() };
    let mut buffer = [0u16; MAX];
    // SAFETY: the buffer is writable and its length in UTF-16 units is passed with it.
    let written =
        unsafe { LCIDToLocaleName(u32::from(language), buffer.as_mut_ptr(), MAX as i32, 0) };
    if written <= 1 {
        return Some(format!("0x{language:04X}"));
    }
    String::from_utf16(&buffer[..written as usize - 1]).ok()
}
