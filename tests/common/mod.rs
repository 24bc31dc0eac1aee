//! Shared by the integration tests: the published samples and the ways people paste them.

#![allow(dead_code)]

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Sample {
    pub kind: String,
    pub product: String,
    pub value: String,
    pub expect_valid: bool,
}

/// `tests/fixtures/id-samples.json`, a copy of the shared published samples.
pub fn samples() -> Vec<Sample> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/id-samples.json"
    ))
    .expect("the samples fixture is in the repository");
    serde_json::from_str(&text).expect("the samples fixture is valid JSON")
}

pub fn digits(value: &str) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

/// Splits digits into the groups of their format (the last group takes the rest).
pub fn groups(digits: &str) -> Vec<String> {
    let size = if digits.len() == 63 { 7 } else { 6 };
    digits
        .as_bytes()
        .chunks(size)
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect()
}

pub fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap(),
            ' ' => '\u{3000}',
            ':' => '：',
            _ => c,
        })
        .collect()
}

/// The ways an ID reaches the tool, each with the ID's digits in it exactly once.
pub fn wrappings(digits: &str) -> Vec<(&'static str, String)> {
    let grouped = groups(digits);
    vec![
        (
            "slmgr /dti",
            format!(
                "Microsoft (R) Windows Script Host Version 5.812\r\nCopyright (C) Microsoft Corporation. All rights reserved.\r\n\r\n\
                 Installation ID: {digits}\r\n\r\nUse the phone number displayed below to get the Confirmation ID: \
                 %systemroot%\\system32\\sppui\\phone.inf\r\n"
            ),
        ),
        (
            "slmgr /dlv",
            format!(
                "Software licensing service version: 10.0.26100.1742\n\nName: Windows(R), Professional edition\n\
                 Description: Windows(R) Operating System, RETAIL channel\n\
                 Activation ID: 4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c\n\
                 Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f\n\
                 Extended PID: 03612-04921-000-000001-00-1033-26100.0000-2062025\n\
                 Product Key Channel: Retail\nInstallation ID: {digits}\n\
                 Use License URL: https://activation-v2.sls.microsoft.com/SLActivateProduct/SLActivateProduct.asmx?configextension=Retail\n\
                 Partial Product Key: 3V66T\nLicense Status: Notification\nNotification Reason: 0xC004F034.\n\
                 Remaining Windows rearm count: 1001\nRemaining SKU rearm count: 1001\n\
                 Trusted time: 25/11/2026 09:20:27\n"
            ),
        ),
        (
            "message box",
            format!(
                "[Window Title]\nWindows Script Host\n\n[Content]\nInstallation ID: {digits}\n\n[OK]\n"
            ),
        ),
        (
            "Japanese full-width",
            full_width(&format!("インストール ID: {}", grouped.join(" "))),
        ),
        ("grouped with dashes", grouped.join("-")),
        ("grouped across lines", grouped.join("\n")),
        ("grouped across CRLF lines", grouped.join("\r\n")),
    ]
}

/// `ospp.vbs /dinstid` output with two products, the first carrying `first`.
pub fn ospp_two_products(first: &str, second: &str) -> String {
    format!(
        "---Processing--------------------------\n---------------------------------------\n\
         Installation ID for: Office 16, Office16ProPlusVL_MAK edition: {first}\n\
         ---------------------------------------\n\
         Installation ID for: Office 16, Office16VisioProVL_MAK edition: {second}\n\
         ---------------------------------------\n---Exiting-----------------------------\n"
    )
}
