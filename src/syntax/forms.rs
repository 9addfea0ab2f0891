//! The statements each declaration may hold, in the grammar's order, each
//! with its form and an example: the parser reads the keywords from here,
//! error messages quote the form of the statement that went wrong, and
//! `cxc explain syntax` prints the whole table.

use super::ast::DeclKind;

/// One statement of a declaration. Forms are syntax only (no words of
/// any language): they appear inside help text in every language.
#[derive(Debug)]
pub struct Form {
    pub keyword: &'static str,
    /// The statement with its parts in capitals: `within DURATION`.
    pub form: &'static str,
    pub example: &'static str,
}

const fn form(keyword: &'static str, form: &'static str, example: &'static str) -> Form {
    Form {
        keyword,
        form,
        example,
    }
}

const DESCRIPTION: Form = form(
    "description",
    "description TEXT",
    "description \"First line for every channel\"",
);
const OWNER: Form = form("owner", "owner TEAM-OR-ROLE", "owner support");
const COST: Form = form("cost", "cost AMOUNT per contact|hour", "cost 1800 per hour");
const HOURS: Form = form("hours", "hours CALENDAR", "hours office");
const SEGMENTS: Form = form(
    "segments",
    "segments SEGMENT, ... | segments any",
    "segments vip, mass",
);
const WITHIN: Form = form("within", "within DURATION", "within 3d");
const TARGET: Form = form("target", "target METRIC OP VALUE", "target csat >= 90%");

const SERVICE: &[Form] = &[
    form("version", "version TEXT", "version \"2026.2\""),
    OWNER,
    form(
        "review",
        "review every NUMBER months|weeks",
        "review every 6 months",
    ),
    form("reviewed", "reviewed DATE", "reviewed 2026-05-01"),
    form("language", "language en|ru", "language ru"),
    form("currency", "currency ISO-4217-CODE", "currency RUB"),
    DESCRIPTION,
];
const CALENDAR: &[Form] = &[
    form("timezone", "timezone TEXT", "timezone \"Europe/Moscow\""),
    form(
        "open",
        "open DAYS TIME-TIME, ... | open DATE, ... TIME-TIME, ... | open 24x7",
        "open mon-fri 09:00-18:00",
    ),
    form(
        "closed",
        "closed DATE, ...",
        "closed 2026-01-01, 2026-01-07",
    ),
    DESCRIPTION,
];
const TEAM: &[Form] = &[
    form("lead", "lead ROLE", "lead support_lead"),
    // cxc addition: the hours the team's people work (follow-the-sun).
    HOURS,
    DESCRIPTION,
];
const ROLE: &[Form] = &[
    form("team", "team TEAM", "team support"),
    form("reports_to", "reports_to ROLE", "reports_to support_lead"),
    form("headcount", "headcount NUMBER", "headcount 12"),
    COST,
    form(
        "duty",
        "duty TEXT",
        "duty \"Resolve the request at first contact\"",
    ),
    form(
        "right",
        "right TEXT",
        "right \"Offer compensation up to 5,000 RUB without approval\"",
    ),
    form(
        "require",
        "require TEXT",
        "require \"Two years in customer service\"",
    ),
    form("external", "external", "external"),
    TARGET,
    DESCRIPTION,
];
const CHANNEL: &[Form] = &[
    form(
        "kind",
        "kind phone|chat|email|messenger|social|portal|office|field",
        "kind phone",
    ),
    HOURS,
    OWNER,
    form("self_service", "self_service", "self_service"),
    COST,
    DESCRIPTION,
];
const SEGMENT: &[Form] = &[
    DESCRIPTION,
    form("share", "share PERCENT", "share 20%"),
    form("revenue", "revenue PERCENT", "revenue 80%"),
    form("tier", "tier 1|2|3...", "tier 1"),
    form("channels", "channels CHANNEL, ...", "channels phone, chat"),
    form("types", "types CUSTOMER-TYPE, ...", "types impatient"),
    form("customers", "customers NUMBER", "customers 1200"),
    form(
        "average_check",
        "average_check NUMBER",
        "average_check 350000",
    ),
    form("loyal", "loyal PERCENT", "loyal 60%"),
    form(
        "source",
        "source TEXT",
        "source \"Referrals from designers\"",
    ),
    form(
        "portrait",
        "portrait TEXT",
        "portrait \"Owners of country houses, 35-60\"",
    ),
];
const CUSTOMER_TYPE: &[Form] = &[
    form("expects", "expects TEXT", "expects \"Immediate answers\""),
    form(
        "strategy",
        "strategy TEXT",
        "strategy \"React fast, keep boundaries\"",
    ),
    form("prefer", "prefer CHANNEL, ...", "prefer email, chat"),
    DESCRIPTION,
];
const SLA: &[Form] = &[
    HOURS,
    form(
        "answer",
        "answer CHANNEL PERCENT within DURATION",
        "answer phone 80% within 20s",
    ),
    form(
        "first_response",
        "first_response CHANNEL within DURATION",
        "first_response email within 1h",
    ),
    form(
        "resolution",
        "resolution [CHANNEL] within DURATION",
        "resolution within 8h",
    ),
    TARGET,
    DESCRIPTION,
];
const PROMISE: &[Form] = &[
    SEGMENTS,
    form("channel", "channel CHANNEL", "channel phone"),
    form(
        "journey",
        "journey JOURNEY [from STEP] [to STEP]",
        "journey delivery from order to delivered",
    ),
    // cxc addition: the calendar the promised time runs on, over its
    // channel's hours (`hours every_day`, a calendar open 24x7: calendar days).
    HOURS,
    WITHIN,
    form(
        "on_breach",
        "on_breach REMEDY, ...",
        "on_breach apologize, compensate \"10% off the next order\"",
    ),
    DESCRIPTION,
];
const JOURNEY: &[Form] = &[
    form(
        "step",
        "step NAME [\"Display name\"] { ... }",
        "step request \"Consultation request\" { owner sales; next measure }",
    ),
    form(
        "phase",
        "phase NAME [\"Display name\"] { steps STEP, ... }",
        "phase buying \"Buying\" { steps request, measure }",
    ),
    SEGMENTS,
    WITHIN,
    form("start", "start STEP", "start request"),
    DESCRIPTION,
];
const PHASE: &[Form] = &[
    form("steps", "steps STEP, ...", "steps request, measure"),
    DESCRIPTION,
];
const STEP: &[Form] = &[
    OWNER,
    form("channel", "channel CHANNEL, ...", "channel phone, chat"),
    WITHIN,
    form(
        "next",
        "next STEP [when TEXT]",
        "next production when \"approved\"",
    ),
    form("end", "end [TEXT]", "end \"Kitchen delivered\""),
    form("effort", "effort 1..5", "effort 3"),
    form("csat", "csat 1..5", "csat 4.2"),
    form("dropoff", "dropoff PERCENT", "dropoff 12%"),
    DESCRIPTION,
];
const COMPLAINT: &[Form] = &[
    SEGMENTS,
    form(
        "severity",
        "severity low|medium|high|critical",
        "severity high",
    ),
    OWNER,
    HOURS,
    form(
        "acknowledge",
        "acknowledge within DURATION",
        "acknowledge within 1h",
    ),
    form("resolve", "resolve within DURATION", "resolve within 3d"),
    form(
        "escalate",
        "escalate after DURATION to TEAM-OR-ROLE",
        "escalate after 1d to quality_lead",
    ),
    form(
        "remedy",
        "remedy REMEDY, ...",
        "remedy apologize, redo, compensate \"Free re-cleaning\"",
    ),
    form("feedback", "feedback [required]", "feedback required"),
    DESCRIPTION,
];
const QUEUE: &[Form] = &[
    form("channel", "channel CHANNEL", "channel phone"),
    SEGMENTS,
    form("priority", "priority NUMBER", "priority 1"),
    form("order", "order arrival|tier", "order arrival"),
    form("team", "team TEAM", "team support"),
    // cxc addition: the hours its agents work, over its team's.
    HOURS,
    form("agents", "agents NUMBER", "agents 6"),
    form(
        "forecast",
        "forecast NUMBER per DURATION | forecast file TEXT per DURATION",
        "forecast 120 per 30m",
    ),
    form("aht", "aht DURATION", "aht 4m"),
    form("patience", "patience DURATION", "patience 3m"),
    form("shrinkage", "shrinkage PERCENT", "shrinkage 30%"),
    form("concurrency", "concurrency NUMBER", "concurrency 3"),
    form("timezone", "timezone TEXT", "timezone \"Asia/Novosibirsk\""),
    DESCRIPTION,
];
const AGREEMENT: &[Form] = &[
    form("provider", "provider TEAM", "provider it"),
    form("consumer", "consumer TEAM", "consumer support"),
    form(
        "respond",
        "respond within DURATION [for SEGMENT, ...]",
        "respond within 30m for vip",
    ),
    form("resolve", "resolve within DURATION", "resolve within 1d"),
    DESCRIPTION,
];

/// The statements of a declaration kind.
pub fn statements(kind: DeclKind) -> &'static [Form] {
    match kind {
        DeclKind::Service => SERVICE,
        DeclKind::Calendar => CALENDAR,
        DeclKind::Team => TEAM,
        DeclKind::Role => ROLE,
        DeclKind::Channel => CHANNEL,
        DeclKind::Segment => SEGMENT,
        DeclKind::CustomerType => CUSTOMER_TYPE,
        DeclKind::Sla => SLA,
        DeclKind::Promise => PROMISE,
        DeclKind::Journey => JOURNEY,
        DeclKind::Step => STEP,
        DeclKind::Phase => PHASE,
        DeclKind::Complaint => COMPLAINT,
        DeclKind::Queue => QUEUE,
        DeclKind::Agreement => AGREEMENT,
    }
}

/// The header of a declaration kind.
pub fn header(kind: DeclKind) -> &'static str {
    match kind {
        DeclKind::Service => "service [\"Title\"] { ... }",
        DeclKind::Calendar => "calendar NAME [\"Title\"] { ... }",
        DeclKind::Team => "team NAME [\"Title\"] { ... }",
        DeclKind::Role => "role NAME [\"Title\"] { ... }",
        DeclKind::Channel => "channel NAME [\"Title\"] { ... }",
        DeclKind::Segment => "segment NAME [\"Title\"] { ... }",
        DeclKind::CustomerType => "customer_type NAME [\"Title\"] { ... }",
        DeclKind::Sla => "sla NAME [\"Title\"] for SEGMENT, ... { ... }",
        DeclKind::Promise => "promise NAME [\"Title\"] { ... }",
        DeclKind::Journey => "journey NAME [\"Title\"] { ... }",
        DeclKind::Step => "step NAME [\"Title\"] { ... }   (inside a journey)",
        DeclKind::Phase => "phase NAME [\"Title\"] { steps STEP, ... }   (inside a journey)",
        DeclKind::Complaint => "complaint NAME [\"Title\"] { ... }",
        DeclKind::Queue => "queue NAME [\"Title\"] { ... }",
        DeclKind::Agreement => "agreement NAME [\"Title\"] { ... }",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forms are quoted inside Russian help too: no English remark in
    /// parentheses (audit 2: `(or open 24x7)` leaked into Russian).
    #[test]
    fn forms_are_syntax_only() {
        for &kind in DeclKind::ALL {
            for f in statements(kind) {
                assert!(!f.form.contains('('), "{}", f.form);
            }
        }
    }

    /// Every example is a statement the parser accepts in its block.
    #[test]
    fn examples_parse() {
        for &kind in DeclKind::ALL {
            for f in statements(kind) {
                assert!(f.form.starts_with(f.keyword), "{}", f.form);
                assert!(f.example.starts_with(f.keyword), "{}", f.example);
                let text = match kind {
                    DeclKind::Step => format!("journey j {{\nstep s {{\n{}\n}}\n}}\n", f.example),
                    DeclKind::Phase => format!("journey j {{\nphase p {{\n{}\n}}\n}}\n", f.example),
                    DeclKind::Sla => format!("sla s for v {{\n{}\n}}\n", f.example),
                    DeclKind::Service => format!("service {{\n{}\n}}\n", f.example),
                    _ => format!("{} x {{\n{}\n}}\n", kind.keyword(), f.example),
                };
                let (_, diagnostics) = crate::syntax::parse(crate::source::FileId(0), &text);
                assert!(diagnostics.is_empty(), "{text}: {diagnostics:?}");
            }
        }
    }
}

/// The message saying what a part of a form (`DURATION`) is, in words a
/// non-programmer reads (audit 14, L4: the units of a duration unsaid).
pub fn part_message(part: &str) -> Option<&'static str> {
    Some(match part {
        "CHANNEL" => "form-part-channel",
        "PERCENT" => "form-part-percent",
        "DURATION" => "form-part-duration",
        "SEGMENT" => "form-part-segment",
        "TEAM-OR-ROLE" => "form-part-team-or-role",
        "TEAM" => "form-part-team",
        "ROLE" => "form-part-role",
        "TEXT" => "form-part-text",
        "NUMBER" => "form-part-number",
        "NAME" => "form-part-name",
        "CALENDAR" => "form-part-calendar",
        "STEP" => "form-part-step",
        "JOURNEY" => "form-part-journey",
        "DATE" => "form-part-date",
        "METRIC" => "form-part-metric",
        "OP" => "form-part-op",
        "VALUE" => "form-part-value",
        "AMOUNT" => "form-part-amount",
        "REMEDY" => "form-part-remedy",
        "TIME-TIME" => "form-part-time-time",
        "CUSTOMER-TYPE" => "form-part-customer-type",
        _ => return None,
    })
}

/// The parts of a form that [`part_message`] explains, each once, in order.
pub fn parts(form: &str) -> Vec<&'static str> {
    let mut seen = Vec::new();
    for word in form.split(|c: char| !(c.is_ascii_uppercase() || c == '-')) {
        if let Some(id) = part_message(word) {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
    }
    seen
}

#[cfg(test)]
mod part_tests {
    use super::*;
    use crate::base::Language;
    use crate::i18n::Message;

    /// A syntax error's hint says what each part of the form is, a
    /// duration with its units, in both languages (audit 14, L4: «пишите
    /// так: `answer CHANNEL PERCENT within DURATION`» and no word of `s`,
    /// `m`, `h`).
    #[test]
    fn the_parts_of_a_form_are_said_in_words() {
        assert_eq!(
            parts("answer CHANNEL PERCENT within DURATION"),
            [
                "form-part-channel",
                "form-part-percent",
                "form-part-duration"
            ]
        );
        assert_eq!(
            parts("escalate after DURATION to TEAM-OR-ROLE"),
            ["form-part-duration", "form-part-team-or-role"]
        );
        let say = |id, language| Message::new(id, Vec::new()).text(language);
        let en = say("form-part-duration", Language::En);
        let ru = say("form-part-duration", Language::Ru);
        // Russian marks the units as code (`wd` is no Russian word).
        for unit in ["s", "m", "h", "d", "w", "wd"] {
            assert!(
                en.contains(&format!(" {unit} (")) && ru.contains(&format!("`{unit}` (")),
                "{unit}: {en} / {ru}"
            );
        }
        assert!(ru.contains("рабочие дни"), "{ru}");
        // Every part named has its words in both languages.
        for d in DeclKind::ALL {
            for f in statements(*d) {
                for id in parts(f.form) {
                    for language in [Language::En, Language::Ru] {
                        assert_ne!(say(id, language), id, "{id} unsaid");
                    }
                }
            }
        }
    }
}
