//! Reading a recorded row's values the way real machines print them: the licensing classes'
//! uint32 properties come signed or unsigned (`LicenseStatusReason` 3221549076 = 0xC004F014, or
//! through signed types -1073418220), sometimes as text or hex; booleans as `true` or `False`;
//! a missing value as `null`. Nothing here guesses: a value that is none of these is an error.

use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected};
use serde_json::Value;

/// A uint32 from an unsigned or signed (two's complement) number, decimal or `0x` hex text, or
/// `null` (0).
pub fn uint32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value = Value::deserialize(deserializer)?;
    parse_uint32(&value).ok_or_else(|| {
        de::Error::invalid_value(Unexpected::Other(&value.to_string()), &"a 32-bit number")
    })
}

fn parse_uint32(value: &Value) -> Option<u32> {
    match value {
        Value::Null => Some(0),
        Value::Number(number) => {
            if let Some(n) = number.as_u64() {
                u32::try_from(n).ok()
            } else {
                // Signed types print a uint32 above 0x7FFFFFFF as negative.
                number
                    .as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .map(|n| n as u32)
            }
        }
        Value::String(text) => {
            let text = text.trim();
            match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => parse_uint32(&serde_json::from_str::<Value>(text).ok()?),
            }
        }
        _ => None,
    }
}

/// A boolean from `true`/`false`, the words `True`/`False` (PowerShell's), or `null` (`None`).
pub fn boolean<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(None),
        Value::Bool(value) => Ok(Some(value)),
        Value::String(text) if text.trim().eq_ignore_ascii_case("true") => Ok(Some(true)),
        Value::String(text) if text.trim().eq_ignore_ascii_case("false") => Ok(Some(false)),
        other => Err(de::Error::invalid_value(
            Unexpected::Other(&other.to_string()),
            &"true or false",
        )),
    }
}

/// Text, with `null` read as empty.
pub fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uint32_is_read_as_real_machines_print_it() {
        let read = |json: &str| parse_uint32(&serde_json::from_str(json).unwrap());
        assert_eq!(read("3221549076"), Some(0xC004_F014));
        assert_eq!(read("-1073418220"), Some(0xC004_F014));
        assert_eq!(read("4294967295"), Some(u32::MAX));
        assert_eq!(read("\"0xC004F014\""), Some(0xC004_F014));
        assert_eq!(read("\"1074066433\""), Some(0x4004_F401));
        assert_eq!(read("null"), Some(0));
        assert_eq!(read("4294967296"), None);
        assert_eq!(read("-2147483649"), None);
        assert_eq!(read("\"C004F014\""), None);
        assert_eq!(read("1.5"), None);
    }
}
