//! The HTML site and the BPMN export, checked by the tools their users have:
//! headless Chromium (Debian's `chromium`, driven by playwright-core) and
//! bpmnlint's `recommended` rules. Both come from `tests/tools`
//! (`npm ci --prefix tests/tools`); `.ci/run` installs them and sets
//! `CXC_REQUIRE_TOOLS=1`, so in CI a missing tool fails the test instead of
//! skipping it.

mod common;
mod maps_spec;

use common::{cxc, cxc_in, files_under, TODAY};
use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn tools(what: &str, needs_browser: bool) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools");
    let ready = dir.join("node_modules/bpmnlint").exists()
        && dir.join("node_modules/axe-core").exists()
        && dir.join("node_modules/playwright-core").exists()
        && (!needs_browser || Path::new(CHROMIUM).exists());
    if ready {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CXC_REQUIRE_TOOLS").is_none(),
        "{what} needs `npm ci --prefix tests/tools` and Debian's chromium"
    );
    eprintln!("skipped {what}: run `npm ci --prefix tests/tools` and install chromium");
    None
}

/// Builds `spec` into `out`; an outside spec with a true error its author
/// has to fix is built from a copy with that rule off (`common::buildable`).
fn build(spec: &str, out: &Path) {
    let (_copy, folder) = common::buildable(Path::new(spec));
    let spec = folder.to_str().unwrap();
    let output = cxc(&["build", spec, "-o", out.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_site_has_a_page_per_document_each_locked_down() {
    let out = tempfile::tempdir().unwrap();
    build("examples/kitchen", out.path());
    let site = out.path().join("site");
    for page in [
        "index",
        "policy/service-standards",
        "policy/complaints",
        "policy/promises",
        "policy/channels",
        "policy/agreements",
        "journeys/order",
        "hr/agent",
    ] {
        let html = std::fs::read_to_string(site.join(format!("{page}.html"))).unwrap();
        assert!(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"
            ),
            "{page}"
        );
        assert!(!html.contains("<script"), "{page}");
        assert!(!html.contains("href=\"http"), "{page}: no network");
    }
    let journey = std::fs::read_to_string(site.join("journeys/order.html")).unwrap();
    assert!(
        journey.contains("<svg") && journey.contains("Designer measures the"),
        "the diagram is inline SVG"
    );
    assert!(!journey.contains("```"), "no Mermaid source left");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        index.contains("href=\"journeys/order.html\"")
            && index.contains("href=\"routing/routing.yaml\"")
    );
    insta::assert_snapshot!("site_kitchen_journey", journey);

    // The site alone: its index links only to what was written.
    let alone = tempfile::tempdir().unwrap();
    let output = cxc(&[
        "build",
        "examples/kitchen",
        "-o",
        alone.path().to_str().unwrap(),
        "--target",
        "site",
        "--today",
        TODAY,
    ]);
    assert_eq!(output.status.code(), Some(0));
    // The site alone holds what it links: the routing config and the model
    // are copied into it, the exports not written are not linked.
    let site = alone.path().join("site");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    for file in ["routing/routing.yaml", "routing/routing.json", "model.json"] {
        assert!(
            index.contains(&format!("href=\"{file}\"")),
            "{file}: {index}"
        );
        assert!(site.join(file).is_file(), "{file} is not in the site");
        assert!(
            !alone.path().join(file).exists(),
            "{file} written outside the site"
        );
    }
    assert!(!index.contains("zendesk-sla-policies.json"), "{index}");
}

/// `%D0%B7` → the UTF-8 it encodes (links to pages with Cyrillic names).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every `href` of an HTML page, as written.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

/// The site is whole on its own: every link of every page (outside web and
/// mail links) names a file inside `site/` that is there, so publishing the
/// folder alone breaks nothing; the index links every export written.
#[test]
fn every_link_of_the_site_resolves_inside_it() {
    let out = tempfile::tempdir().unwrap();
    let mut specs = vec![
        "examples/kitchen".to_string(),
        "examples/telecom".to_string(),
        "examples/dry-cleaner-ru".to_string(),
    ];
    for outside in ["../shared/specs", "tests/specs/outside"] {
        if Path::new(outside).is_dir() {
            for name in ["domoset", "svyaz", "vip-shop"] {
                specs.push(format!("{outside}/{name}"));
            }
            break;
        }
    }
    for (i, spec) in specs.iter().enumerate() {
        let dir = out.path().join(i.to_string());
        build(spec, &dir);
        let site = dir.join("site");
        let mut checked = 0;
        for page in files_under(&site) {
            if page.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let html = std::fs::read_to_string(&page).unwrap();
            for href in hrefs(&html) {
                let lower = href.to_ascii_lowercase();
                if lower.starts_with("https://")
                    || lower.starts_with("http://")
                    || lower.starts_with("mailto:")
                    || href.starts_with('#')
                {
                    continue;
                }
                let path = percent_decoded(href.split('#').next().unwrap());
                let path = path.as_str();
                // Resolved by hand, so a link through `..` past the root is
                // caught even where the file above exists.
                let mut parts: Vec<String> = page
                    .parent()
                    .unwrap()
                    .strip_prefix(&site)
                    .unwrap()
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                for part in path.split('/') {
                    match part {
                        ".." => assert!(
                            parts.pop().is_some(),
                            "{spec}: {} links outside the site: {href}",
                            page.display()
                        ),
                        "." | "" => {}
                        p => parts.push(p.to_string()),
                    }
                }
                let target = site.join(parts.join("/"));
                assert!(
                    target.is_file(),
                    "{spec}: {} links to {href}, not in the site",
                    page.display()
                );
                checked += 1;
            }
        }
        assert!(checked > 20, "{spec}: only {checked} links");
        let index = std::fs::read_to_string(site.join("index.html")).unwrap();
        let links = hrefs(&index);
        for export in [
            "routing/zendesk-sla-policies.json",
            "routing/zendesk-schedules.json",
            "routing/taskrouter-workflow.json",
            "routing/routing.yaml",
            "routing/routing.json",
            "model.json",
        ] {
            assert!(
                links.iter().any(|l| l == export),
                "{spec}: the index does not link {export}: {links:?}"
            );
        }
        // A spec without journeys (vip-shop) has no BPMN to link.
        let journeys = dir.join("journeys");
        let bpmn = if journeys.is_dir() {
            files_under(&journeys)
                .into_iter()
                .filter(|f| f.extension().is_some_and(|e| e == "bpmn"))
                .count()
        } else {
            0
        };
        let linked = links.iter().filter(|l| l.ends_with(".bpmn")).count();
        assert_eq!(linked, bpmn, "{spec}: {linked} of {bpmn} BPMN files linked");
        // The model the build wrote says whether the spec has journeys.
        let model: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("model.json")).unwrap())
                .unwrap();
        let has_journeys = model["journeys"].as_array().is_some_and(|j| !j.is_empty());
        assert_eq!(bpmn > 0, has_journeys, "{spec}: journeys and BPMN files");
    }
}

const HOSTILE: &str = r#"
service "Evil <script>alert('s')</script> & \"co\"" { language en; description "[click](javascript:alert(1)) <iframe src=x></iframe>" }
team support "Support \"><script>alert(2)</script>" { lead boss }
role boss "../../etc/passwd" { team support; duty "<img src=x onerror=alert(3)>" }
role Boss "<style>body{display:none}</style>" { team support; reports_to boss; duty "x" }
channel phone "Phone' onmouseover='alert(4)" { kind phone; owner support }
segment all "All </svg><script>alert(5)</script>" { channels phone }
sla s "S" for all { answer phone 80% within 20s }
journey ../../x "<script>alert(6)</script>" { start a
  step a "]]></bpmn:task><script>alert(7)</script>" { owner support; channel phone; next b when "\"/><script>alert(8)</script>" }
  step b "b" { owner boss; channel phone; end "</text><script>alert(9)</script>" } }
"#;

#[test]
fn hostile_strings_give_a_site_with_nothing_executable_and_nothing_outside() {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(work.path().join("spec")).unwrap();
    std::fs::write(work.path().join("spec/evil.cx"), HOSTILE).unwrap();
    let output = cxc_in(work.path(), &["build", "spec", "-o", "out"]);
    // A journey id cannot contain `/`: the spec is refused, nothing written.
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let spec = HOSTILE.replace("journey ../../x", "journey x");
    std::fs::write(work.path().join("spec/evil.cx"), spec).unwrap();
    let output = cxc_in(work.path(), &["build", "spec", "-o", "out"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let names: Vec<_> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "only spec/ and out/: {names:?}");
    let out = work.path().join("out");
    for file in files_under(&out) {
        assert!(file.starts_with(&out));
        let name = file.display().to_string();
        if name.ends_with(".docx") {
            // Hostile text stays text: the package still reads as Word.
            let bytes = std::fs::read(&file).unwrap();
            assert!(docx_rs::read_docx(&bytes).is_ok(), "{name}");
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        if name.ends_with(".html") {
            assert_only_safe_tags(&text, &name);
        }
        if name.ends_with(".bpmn") {
            assert!(!text.contains("<script"), "{name}");
        }
    }
    if let Some(tools) = tools("the hostile site in Chromium", true) {
        browse(
            &tools,
            &out.join("site"),
            "hostile",
            &[
                "index.html",
                "journeys/x.html",
                "hr/boss.html",
                "hr/boss-2.html",
            ],
        );
    }
}

/// Every tag in `html` is one cxc writes, and none has an event handler.
/// (`<` and `>` inside text and attributes are escaped, so a tag runs from
/// `<` to the next `>`.)
fn assert_only_safe_tags(html: &str, name: &str) {
    const ALLOWED: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "nav",
        "a",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "strong",
        "em",
        "code",
        "pre",
        "figure",
        "svg",
        "defs",
        "marker",
        "path",
        "rect",
        "text",
        "g",
        "polyline",
        "circle",
        "line",
        "br",
        "hr",
        "blockquote",
        "del",
    ];
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let tag = tag.trim_start_matches('/');
        let tag_name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default();
        assert!(ALLOWED.contains(&tag_name), "{name}: unexpected <{tag}>");
        for attribute in tag.split_whitespace().skip(1) {
            assert!(
                !attribute.to_ascii_lowercase().starts_with("on"),
                "{name}: <{tag}>"
            );
            assert!(!attribute.contains("javascript:"), "{name}: <{tag}>");
        }
    }
}

/// Runs check-site.mjs; panics with its report on any failure.
fn browse(tools: &Path, site: &Path, name: &str, pages: &[&str]) -> serde_json::Value {
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("site-screenshots")
        .join(name);
    let output = Command::new("node")
        .arg(tools.join("check-site.mjs"))
        .arg(site)
        .arg(&shots)
        .args(pages)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&report).unwrap()
}

#[test]
fn the_kitchen_site_works_in_a_real_browser() {
    let Some(tools) = tools("the site in Chromium", true) else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    build("examples/kitchen", out.path());
    let report = browse(
        &tools,
        &out.path().join("site"),
        "kitchen",
        &[
            "index.html",
            "journeys/order.html",
            "hr/agent.html",
            "policy/service-standards.html",
            "policy/complaints.html",
        ],
    );
    let journey = &report["pages"]["journeys/order.html"];
    assert!(
        journey["diagram"]["width"].as_f64() > Some(100.0),
        "{journey}"
    );
    assert!(
        journey["diagram"]["height"].as_f64() > Some(100.0),
        "{journey}"
    );
    assert!(report["pages"]["index.html"]["links"].as_u64() > Some(10));
    for page in ["index.html", "journeys/order.html"] {
        let shot = report["pages"][page]["screenshot"].as_str().unwrap();
        assert!(
            std::fs::metadata(shot).unwrap().len() > 10_000,
            "{shot} is a real picture"
        );
    }
}

/// Owners whose names are far longer than a lane of one step is tall.
const LONG_OWNERS: &str =
    "team a \"Отдел по работе с претензиями и возвратами клиентов федерального значения\" {}
team b \"Customer experience and complaints resolution department of the northern region\" {}
team c \"顾客提交维修申请工程师上门確認予約の変更\" {}
journey g \"Жалоба\" { start s0
 step s0 \"Принять\" { owner a; next s1 }
 step s1 \"Check\" { owner b; next s2 }
 step s2 \"確認\" { owner c; end \"ok\" } }
";

/// The BPMN files `cxc build` writes for `spec` into `out`.
fn built_bpmn(spec: &str, out: &Path) -> Vec<PathBuf> {
    build(spec, out);
    files_under(out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "bpmn"))
        .collect()
}

/// The outside specs, by name: `../shared/specs` when it is there, else
/// their copy in tests/specs/outside.
fn outside_specs() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/specs");
    let outside = if shared.is_dir() {
        shared
    } else {
        root.join("tests/specs/outside")
    };
    let mut specs: Vec<(String, PathBuf)> = std::fs::read_dir(&outside)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    specs.sort();
    specs
}

#[test]
fn journeys_export_to_bpmn_that_bpmnlint_and_bpmn_js_accept() {
    let Some(tools) = tools("bpmnlint and bpmn-js in Chromium", true) else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for example in ["kitchen", "telecom", "dry-cleaner-ru"] {
        files.extend(built_bpmn(
            &format!("examples/{example}"),
            &out.path().join(example),
        ));
    }
    files.extend(built_bpmn(
        "tests/journeys/banquet.cx",
        &out.path().join("banquet"),
    ));
    // Generated journeys (up to ten owners, forty steps, long Cyrillic and
    // CJK names, loops and labelled branches), long owner names (Cyrillic
    // and CJK among them) on lanes of one step each, and every outside spec.
    let mut specs = Vec::new();
    let texts = maps_spec::sample(6)
        .into_iter()
        .chain([LONG_OWNERS.to_string()]);
    for (i, text) in texts.enumerate() {
        let spec = out.path().join(format!("generated-{i}"));
        std::fs::create_dir_all(&spec).unwrap();
        std::fs::write(spec.join("g.cx"), text).unwrap();
        specs.push(spec);
    }
    specs.extend(outside_specs().into_iter().map(|(_, p)| p));
    for (i, spec) in specs.iter().enumerate() {
        let built = out.path().join(format!("spec-{i}-out"));
        files.extend(built_bpmn(spec.to_str().unwrap(), &built));
    }
    assert!(files.len() >= 10, "{files:?}");
    // bpmn.io's own viewer imports each with no error and no warning, and
    // draws the name of every named element (check-bpmn.mjs).
    {
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bpmn-screenshots");
        let output = Command::new("node")
            .arg(tools.join("check-bpmn.mjs"))
            .arg(&shots)
            .args(&files)
            .output()
            .expect("node runs");
        let report = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{report}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // Every step of every file was among the names checked.
        let report: serde_json::Value = serde_json::from_str(&report).unwrap();
        for file in &files {
            let steps = std::fs::read_to_string(file)
                .unwrap()
                .matches("<bpmn:task ")
                .count();
            let checked = &report["files"][file.to_str().unwrap()];
            assert!(steps > 0, "{}", file.display());
            assert_eq!(checked["tasks"].as_u64(), Some(steps as u64), "{checked}");
        }
    }
    // bpmnlint: `recommended` and the layout rules of `all`
    // (tests/tools/.bpmnlintrc). Tasks are the modellers' 100 px wide; a
    // task whose name needs more lines than 80 px hold is taller (bpmn.rs),
    // so `standard-size` checks a task's width only.
    let lint = |file: &Path| {
        Command::new("node")
            .arg(tools.join("node_modules/bpmnlint/bin/bpmnlint.js"))
            .arg(file)
            .current_dir(&tools)
            .output()
            .expect("node runs")
    };
    for file in &files {
        let output = lint(file);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}: {}{}",
            file.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The linter is live: a task without its name is an error.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let broken = out.path().join("broken.bpmn");
    std::fs::write(&broken, text.replacen(" name=\"", " data-name=\"", 2)).unwrap();
    let output = lint(&broken);
    assert_ne!(
        output.status.code(),
        Some(0),
        "bpmnlint must reject a nameless element"
    );
}

/// `cxc measure -o DIR`'s report.html, opened as a CX lead would, in
/// English and in Russian: charts visible, no label cut, nothing
/// executable, nothing loaded, clean under axe-core down to moderate
/// findings (`landmark-one-main`, `region`).
#[test]
fn the_measure_report_works_in_a_real_browser() {
    let Some(tools) = tools("the measure report in Chromium", true) else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    for lang in ["en", "ru"] {
        let dir = out.path().join(lang);
        let output = cxc(&[
            &["measure", "examples/kitchen", "--lang", lang][..],
            &common::KITCHEN_DATA,
            &["-o", dir.to_str().unwrap()],
        ]
        .concat());
        assert!(dir.join("report.html").is_file(), "{output:?}");
        let report = browse(
            &tools,
            &dir,
            &format!("measure-{lang}"),
            &["--moderate", "report.html"],
        );
        let page = &report["pages"]["report.html"];
        let charts = page["charts"].as_array().unwrap();
        // Targets, promises, complaints and the journey: a chart each, a
        // row per target, promise, duty and step.
        assert!(charts.len() >= 3, "{page}");
        let rows: u64 = charts.iter().map(|c| c["rows"].as_u64().unwrap()).sum();
        assert!(rows >= 10, "{page}");
        assert!(
            page["accessibility"].as_array().unwrap().is_empty(),
            "{page}"
        );
    }
}

/// Every journey map of the outside specs (`../shared/specs` when it is
/// there, else their copy in tests/specs/outside) and of a fixed sample of
/// the generated journeys `tests/journey_maps.rs` checks, in Chromium: every
/// step in sight on a 1,280-px screen, every text inside its box as the
/// browser sets it, and printed at 8 pt or more (check-site.mjs).
#[test]
fn every_outside_and_sampled_map_shows_every_step() {
    let Some(tools) = tools("the journey maps in Chromium", true) else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let mut specs = outside_specs();
    for (i, text) in maps_spec::sample(6).iter().enumerate() {
        let dir = out.path().join(format!("generated-{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("g.cx"), text).unwrap();
        specs.push((format!("generated-{i}"), dir));
    }
    // Ten owners front and back stage, dense: it fits the screen (scaled,
    // no scrolling) and prints whole, its text at 8 pt or more.
    let ten = out.path().join("ten-owners");
    std::fs::create_dir_all(&ten).unwrap();
    std::fs::write(ten.join("g.cx"), maps_spec::ten_owners()).unwrap();
    specs.push(("ten-owners".into(), ten));
    let mut maps = 0;
    for (name, spec) in &specs {
        let built = out.path().join("built").join(name);
        build(spec.to_str().unwrap(), &built);
        let site = built.join("site");
        if !site.join("journeys").is_dir() {
            continue;
        }
        // The map pages (the folder also holds each journey's BPMN copy).
        let pages: Vec<String> = files_under(&site.join("journeys"))
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "html"))
            .map(|f| f.strip_prefix(&site).unwrap().display().to_string())
            .collect();
        if pages.is_empty() {
            continue;
        }
        let page_refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        let report = browse(&tools, &site, &format!("maps-{name}"), &page_refs);
        for page in &pages {
            let map = &report["pages"][page.as_str()]["map"];
            assert!(map["steps"].as_u64() > Some(1), "{name} {page}: {map}");
            if name == "ten-owners" {
                let print = &report["pages"][page.as_str()]["print"];
                assert!(print["textPt"].as_f64() >= Some(7.95), "{print}");
                assert_eq!(map["scrolls"], false, "{map}");
            }
            maps += 1;
        }
    }
    assert!(maps >= 9, "{maps} maps opened");
}
