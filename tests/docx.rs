//! Job descriptions as Word files, opened by the program HR would use:
//! LibreOffice Writer converts every `hr/*.docx` of two examples (English and
//! Russian) to plain text, and every line of the Markdown job description
//! must survive — headings, the approval table, each duty and right. Needs
//! `soffice` (Debian's `libreoffice-writer-nogui`); `.ci/run` installs it and
//! sets `CXC_REQUIRE_TOOLS=1`, so in CI a missing LibreOffice fails the test.

mod common;

use common::{cxc, TODAY};
use std::path::Path;
use std::process::Command;

fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("soffice");
    }
    assert!(
        std::env::var_os("CXC_REQUIRE_TOOLS").is_none(),
        "the Word test needs LibreOffice (`apt-get install libreoffice-writer-nogui`)"
    );
    eprintln!("skipped the Word test: install libreoffice-writer-nogui");
    None
}

/// The words of a Markdown line as a reader sees them.
fn words(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.trim_start_matches('#').trim_start_matches("- ").trim();
    let mut text = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => text.extend(chars.next()),
            // A link reads as its text: drop the target.
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            '[' | '*' => {}
            c => text.push(c),
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    text.split('|')
        .map(|cell| cell.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|cell| !cell.is_empty() && !cell.chars().all(|c| c == '-'))
        .collect()
}

#[test]
fn every_job_description_opens_in_libreoffice_with_its_text() {
    let Some(soffice) = soffice() else { return };
    let tmp = tempfile::tempdir().unwrap();
    for (spec, lang) in [
        ("examples/kitchen", "en"),
        ("examples/dry-cleaner-ru", "ru"),
    ] {
        let out = tmp.path().join(lang);
        let built = cxc(&[
            "build",
            spec,
            "-o",
            out.to_str().unwrap(),
            "--lang",
            lang,
            "--today",
            TODAY,
        ]);
        assert_eq!(
            built.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let hr = out.join("hr");
        let mut documents: Vec<_> = std::fs::read_dir(&hr)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "docx"))
            .collect();
        documents.sort();
        assert!(documents.len() >= 5, "{documents:?}");
        let text_dir = tmp.path().join(format!("{lang}-text"));
        // One Writer for every file; its own profile, so a second run or an
        // open desktop session does not collide with it.
        let profile = tmp.path().join(format!("{lang}-profile"));
        let converted = Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--convert-to",
                "txt:Text (encoded):UTF8",
                "--outdir",
            ])
            .arg(&text_dir)
            .args(&documents)
            .output()
            .unwrap();
        assert!(
            converted.status.success(),
            "{}",
            String::from_utf8_lossy(&converted.stderr)
        );
        for docx in &documents {
            let stem = docx.file_stem().unwrap().to_str().unwrap();
            let text = std::fs::read_to_string(text_dir.join(format!("{stem}.txt")))
                .unwrap_or_else(|e| panic!("LibreOffice did not open {stem}.docx: {e}"));
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let markdown = std::fs::read_to_string(hr.join(format!("{stem}.md"))).unwrap();
            let mut checked = 0;
            for line in markdown.lines() {
                for words in words(line) {
                    assert!(
                        text.contains(&words),
                        "{lang}/{stem}.docx lost “{words}”:\n{text}"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 15, "{stem}: only {checked} lines");
        }
    }
    // Reading it needs no network, no fonts beyond Debian's; the files
    // themselves are the build's.
    assert!(Path::new(&tmp.path().join("en/hr/agent.docx")).exists());
}
