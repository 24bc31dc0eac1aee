//! The shape of the house, checked on the sources: every sentence lives in `src/words/`, the
//! layers only look down, and no two modules of a folder need each other.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

/// The top-level modules, lowest first: each may use only those before it (and itself).
/// `ARCHITECTURE.md` draws the same picture.
const LAYERS: &[&[&str]] = &[
    &["language", "decode", "date"],
    &["storage"],
    &["id"],
    &["centers", "qr", "licensing"],
    &["script"],
    &["in_progress"],
    &["session", "record"],
    &["platform"],
    &["words"],
    &["cli", "gui"],
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `src/`, with its module path (`id::extract`, `id`, `cli`).
fn sources() -> Vec<(Vec<String>, PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = root().join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let mut module: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|last| last == "mod") {
                module.pop();
            }
            let text = fs::read_to_string(&path).unwrap();
            (module, path, text)
        })
        .collect()
}

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The modules a file's code names with `crate::x` and `super::x` (resolved to their full
/// paths), including inside `use super::{a, b}` lists. Comments may name anything.
fn references(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let text = code.as_str();
    let crate_path = Regex::new(r"crate::([a-z_]+)").unwrap();
    let super_path = Regex::new(r"super::(\{[^}]*\}|[a-z_]+)").unwrap();
    let mut found = BTreeSet::new();
    for captures in crate_path.captures_iter(text) {
        found.insert(vec![captures[1].to_string()]);
    }
    // `super` of a file `a/b.rs` (module a::b) is `a`; of `a/mod.rs` (module a) the crate.
    let parent = &module[..module.len().saturating_sub(1)];
    for captures in super_path.captures_iter(text) {
        let names = captures[1].trim_matches(['{', '}']);
        for name in names
            .split(',')
            .map(|n| n.trim().split("::").next().unwrap_or(""))
        {
            if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && name != "self" {
                let mut path = parent.to_vec();
                path.push(name.to_string());
                found.insert(path);
            }
        }
    }
    found
}

#[test]
fn no_sentence_and_no_japanese_outside_src_words() {
    let mut problems = Vec::new();
    for (module, path, text) in sources() {
        if module.first().is_some_and(|top| top == "words") {
            continue;
        }
        for (number, line) in text.lines().enumerate() {
            if let Some(c) = line.chars().find(|c| !c.is_ascii()) {
                problems.push(format!(
                    "{}:{}: {c:?} (U+{:04X})",
                    path.strip_prefix(root()).unwrap().display(),
                    number + 1,
                    u32::from(c)
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "src/ outside src/words/ is ASCII: a sentence belongs in src/words/, a character in \
         code is written as an escape (\\u{{30FC}}).\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let mut problems = Vec::new();
    for (module, path, text) in sources() {
        let Some(top) = module.first() else { continue };
        let Some(own) = rank(top) else {
            assert!(
                ["lib", "main", "console_main"].contains(&top.as_str()),
                "{}: a top-level module missing from LAYERS",
                path.display()
            );
            continue;
        };
        for reference in references(&module, &text) {
            let used = &reference[0];
            match rank(used) {
                Some(used_rank) if used_rank > own => problems.push(format!(
                    "{}: {top} uses {used}, a layer above it",
                    path.strip_prefix(root()).unwrap().display()
                )),
                Some(used_rank) if used_rank == own && used != top => problems.push(format!(
                    "{}: {top} uses {used}, beside it in the same layer",
                    path.strip_prefix(root()).unwrap().display()
                )),
                _ => {}
            }
        }
        if top != "gui" && text.contains("iced::") {
            problems.push(format!(
                "{}: only src/gui/ may use iced",
                path.strip_prefix(root()).unwrap().display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_two_modules_of_a_folder_need_each_other() {
    // Each folder's modules and the siblings each one uses.
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let all = sources();
    let modules: BTreeSet<Vec<String>> = all.iter().map(|(m, ..)| m.clone()).collect();
    for (module, _, text) in &all {
        let siblings = references(module, text)
            .into_iter()
            .filter(|r| r.len() == module.len() && r[..r.len() - 1] == module[..module.len() - 1])
            .filter(|r| r != module && modules.contains(r))
            .collect();
        graph.insert(module.clone(), siblings);
    }
    // Depth-first search for a cycle.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        path: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|p| p == node) {
            let cycle: Vec<String> = path[start..]
                .iter()
                .chain([node])
                .map(|m| m.join("::"))
                .collect();
            return Some(cycle.join(" -> "));
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("modules that need each other: {cycle}");
        }
    }
}

#[test]
fn the_checks_see_what_they_check() {
    // An arrow up and a circle, as the checks read them.
    let module = vec!["id".to_string(), "extract".to_string()];
    let text = "use super::installation::IidFormat;\nuse crate::words::Text; // crate::gui\n";
    let found = references(&module, text);
    assert!(found.contains(&vec!["id".to_string(), "installation".to_string()]));
    assert!(found.contains(&vec!["words".to_string()]));
    assert!(
        !found.contains(&vec!["gui".to_string()]),
        "comments are not code"
    );
    let listed = references(&module, "use super::{format::BLOCK_LENGTH, grouped};");
    assert!(listed.contains(&vec!["id".to_string(), "format".to_string()]));
    assert!(listed.contains(&vec!["id".to_string(), "grouped".to_string()]));
    assert!(rank("words") > rank("id"));
}

/// A sentence shows no Markdown: a backtick around `slmgr /dti` is drawn as a backtick. Code
/// in `src/words/` has none either, so any outside a comment is in a sentence.
#[test]
fn no_sentence_shows_markdown_backticks() {
    let mut problems = Vec::new();
    for (module, path, text) in sources() {
        if module.first().is_none_or(|top| top != "words") {
            continue;
        }
        let shown = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (number, line) in shown.lines().enumerate() {
            if !line.trim_start().starts_with("//") && line.contains('`') {
                problems.push(format!(
                    "{}:{}: {}",
                    path.strip_prefix(root()).unwrap().display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
