//! The typed syntax tree. It mirrors the text (one node per declaration and
//! statement, in source order, each with its span); meaning — which statements
//! may repeat, what a name refers to — is given to it by `model`.

use super::values::*;
use super::Name;
use crate::source::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct File {
    pub includes: Vec<Spanned<String>>,
    /// Taken by `model::build`, which leaves the [`Outline`] behind.
    pub declarations: Vec<Declaration>,
    /// Top-level declarations that have a syntax error: their names count,
    /// but no rule reports on what is inside them.
    pub broken: Vec<Span>,
    pub outline: Outline,
}

/// Where each declaration of a file is, by name: what is left of the AST
/// once the model is built, enough to say which declaration a finding is in.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Top-level declarations in source order (they do not overlap).
    pub declarations: Vec<OutlineEntry>,
}

#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub kind: DeclKind,
    pub name: Option<Name>,
    /// The whole declaration, body included.
    pub extent: Span,
    /// A journey's steps, in source order.
    pub steps: Vec<(Name, Span)>,
}

impl OutlineEntry {
    pub fn of(decl: &Declaration) -> OutlineEntry {
        let steps = decl
            .body
            .iter()
            .filter_map(|s| match &s.kind {
                Stmt::Step(step) => Some((step.ident.as_ref()?.name.clone(), step.extent)),
                _ => None,
            })
            .collect();
        OutlineEntry {
            kind: decl.kind,
            name: decl.ident.as_ref().map(|i| i.name.clone()),
            extent: decl.extent,
            steps,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeclKind {
    Service,
    Calendar,
    Team,
    Role,
    Channel,
    Segment,
    CustomerType,
    Sla,
    Promise,
    Journey,
    Step,
    Phase,
    Complaint,
    Queue,
    Agreement,
}

impl DeclKind {
    /// Every kind, in the order the language reference gives them.
    pub const ALL: &'static [DeclKind] = &[
        DeclKind::Service,
        DeclKind::Calendar,
        DeclKind::Team,
        DeclKind::Role,
        DeclKind::Channel,
        DeclKind::Segment,
        DeclKind::CustomerType,
        DeclKind::Sla,
        DeclKind::Promise,
        DeclKind::Journey,
        DeclKind::Step,
        DeclKind::Phase,
        DeclKind::Complaint,
        DeclKind::Queue,
        DeclKind::Agreement,
    ];

    /// Declared inside a journey (a step, a phase), not at the top level.
    pub fn is_nested(self) -> bool {
        matches!(self, DeclKind::Step | DeclKind::Phase)
    }

    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::Service => "service",
            DeclKind::Calendar => "calendar",
            DeclKind::Team => "team",
            DeclKind::Role => "role",
            DeclKind::Channel => "channel",
            DeclKind::Segment => "segment",
            DeclKind::CustomerType => "customer_type",
            DeclKind::Sla => "sla",
            DeclKind::Promise => "promise",
            DeclKind::Journey => "journey",
            DeclKind::Step => "step",
            DeclKind::Phase => "phase",
            DeclKind::Complaint => "complaint",
            DeclKind::Queue => "queue",
            DeclKind::Agreement => "agreement",
        }
    }

    /// What a message calls this kind: "team", «команда».
    pub fn name(self) -> crate::i18n::Message {
        crate::msg!("kind-name", kind = self.keyword())
    }

    /// The same after a noun ("the name of a team", «имя команды»): the
    /// genitive in Russian.
    pub fn name_of(self) -> crate::i18n::Message {
        crate::msg!("kind-name-of", kind = self.keyword())
    }
}

#[derive(Debug, Clone)]
pub struct Declaration {
    pub kind: DeclKind,
    /// Absent only for `service`, whose identifier is optional.
    pub ident: Option<Ident>,
    /// The display name, e.g. `"Key accounts"`.
    pub title: Option<String>,
    /// `sla ... for a, b`: the segments it covers.
    pub applies_to: Vec<Ident>,
    /// The header: from the keyword to the end of the display name.
    pub span: Span,
    /// The whole declaration, body included.
    pub extent: Span,
    pub body: Vec<Statement>,
    /// False when a value in it could not be read (`invalid-value`): the
    /// statement that held it is missing, so rules must not report its
    /// absence as a finding of their own.
    pub fully_read: bool,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub kind: Stmt,
    pub span: Span,
}

/// A time target in a `target` statement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetValue {
    Number(f64),
    Percent(Percent),
    Duration(Duration),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub metric: Metric,
    pub comparison: Comparison,
    pub value: TargetValue,
}

/// One interval of opening hours: days and time ranges.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenHours {
    Always,
    Weekly {
        /// Inclusive day ranges, e.g. mon-fri.
        days: Vec<(Weekday, Weekday)>,
        times: Vec<(TimeOfDay, TimeOfDay)>,
    },
    /// `open 2027-12-25 09:00-18:00`: the hours of those dates, whatever
    /// their weekday (a transferred working day, a short day before a
    /// holiday).
    Dated {
        dates: Vec<Date>,
        times: Vec<(TimeOfDay, TimeOfDay)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Remedy {
    Simple(SimpleRemedy),
    Compensate(Option<String>),
    Escalate(Ident),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ForecastSource {
    Volume(u64),
    File(Spanned<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SegmentScope {
    Any,
    List(Vec<Ident>),
}

/// Every statement of the language. Which declaration may hold which is fixed by
/// the grammar.
#[derive(Debug, Clone)]
pub enum Stmt {
    // service
    Version(String),
    ReviewEvery {
        count: u32,
        unit: ReviewUnit,
    },
    Reviewed(Date),
    Language(Language),
    /// `currency RUB`: the ISO 4217 code of every money figure.
    Currency(Ident),
    // shared
    Description(String),
    Owner(Ident),
    Hours(Ident),
    Segments(SegmentScope),
    Within(TimeLimit),
    Target(Target),
    // calendar
    Timezone(String),
    Open(OpenHours),
    Closed(Vec<Date>),
    // team and role
    Lead(Ident),
    Team(Ident),
    ReportsTo(Ident),
    Headcount(u32),
    /// `cost AMOUNT per contact|hour` on a role or a channel (language 3).
    Cost(Cost),
    Duty(String),
    /// `right "..."`: what the role may decide on its own.
    Right(String),
    /// `require "..."`: a qualification the role needs.
    Require(String),
    /// `external` on a role (cxc addition): a body outside the company.
    External,
    // channel
    Kind(ChannelKind),
    SelfService,
    // segment
    Share(Percent),
    Revenue(Percent),
    Tier(u32),
    Channels(Vec<Ident>),
    Types(Vec<Ident>),
    /// The segment's profile (language 2).
    Customers(u64),
    AverageCheck(f64),
    Loyal(Percent),
    Source(String),
    Portrait(String),
    // customer_type
    Expects(String),
    Strategy(String),
    Prefer(Vec<Ident>),
    // sla
    Answer {
        channel: Ident,
        percent: Percent,
        within: TimeLimit,
    },
    FirstResponse {
        channel: Ident,
        within: TimeLimit,
    },
    Resolution {
        channel: Option<Ident>,
        within: TimeLimit,
    },
    // promise and queue
    Channel(Ident),
    /// `journey J [from S] [to S]` in a promise: the outcome it times.
    PromiseJourney {
        journey: Ident,
        from: Option<Ident>,
        to: Option<Ident>,
    },
    OnBreach(Vec<Spanned<Remedy>>),
    // journey
    Start(Ident),
    Step(Box<Declaration>),
    StepChannels(Vec<Ident>),
    /// `phase NAME "Title" { steps a, b }` inside a journey.
    Phase(Box<Declaration>),
    PhaseSteps(Vec<Ident>),
    Next {
        step: Ident,
        when: Option<String>,
    },
    End(Option<String>),
    Effort(f64),
    Csat(f64),
    Dropoff(Percent),
    // complaint
    Severity(ComplaintSeverity),
    Acknowledge(TimeLimit),
    Resolve(TimeLimit),
    Escalate {
        after: TimeLimit,
        to: Ident,
    },
    Remedies(Vec<Spanned<Remedy>>),
    Feedback(Feedback),
    // queue
    Priority(u32),
    /// `order arrival`: served in order of arrival, whatever the tier.
    Order(QueueOrder),
    Agents(u32),
    Forecast {
        source: ForecastSource,
        per: Duration,
    },
    Aht(Duration),
    Patience(Duration),
    Shrinkage(Percent),
    /// Contacts one agent handles at once.
    Concurrency(u32),
    // agreement
    Provider(Ident),
    Consumer(Ident),
    Respond {
        within: TimeLimit,
        segments: Vec<Ident>,
    },
}

impl Stmt {
    /// The keyword that starts the statement, for messages.
    pub fn keyword(&self) -> &'static str {
        match self {
            Stmt::Version(_) => "version",
            Stmt::ReviewEvery { .. } => "review every",
            Stmt::Reviewed(_) => "reviewed",
            Stmt::Language(_) => "language",
            Stmt::Currency(_) => "currency",
            Stmt::Description(_) => "description",
            Stmt::Owner(_) => "owner",
            Stmt::Hours(_) => "hours",
            Stmt::Segments(_) => "segments",
            Stmt::Within(_) => "within",
            Stmt::Target(_) => "target",
            Stmt::Timezone(_) => "timezone",
            Stmt::Open(_) => "open",
            Stmt::Closed(_) => "closed",
            Stmt::Lead(_) => "lead",
            Stmt::Team(_) => "team",
            Stmt::ReportsTo(_) => "reports_to",
            Stmt::Headcount(_) => "headcount",
            Stmt::Cost(_) => "cost",
            Stmt::Duty(_) => "duty",
            Stmt::Right(_) => "right",
            Stmt::Require(_) => "require",
            Stmt::Kind(_) => "kind",
            Stmt::SelfService => "self_service",
            Stmt::External => "external",
            Stmt::Share(_) => "share",
            Stmt::Revenue(_) => "revenue",
            Stmt::Tier(_) => "tier",
            Stmt::Channels(_) => "channels",
            Stmt::Types(_) => "types",
            Stmt::Customers(_) => "customers",
            Stmt::AverageCheck(_) => "average_check",
            Stmt::Loyal(_) => "loyal",
            Stmt::Source(_) => "source",
            Stmt::Portrait(_) => "portrait",
            Stmt::Expects(_) => "expects",
            Stmt::Strategy(_) => "strategy",
            Stmt::Prefer(_) => "prefer",
            Stmt::Answer { .. } => "answer",
            Stmt::FirstResponse { .. } => "first_response",
            Stmt::Resolution { .. } => "resolution",
            Stmt::Channel(_) | Stmt::StepChannels(_) => "channel",
            Stmt::OnBreach(_) => "on_breach",
            Stmt::PromiseJourney { .. } => "journey",
            Stmt::Concurrency(_) => "concurrency",
            Stmt::Start(_) => "start",
            Stmt::Step(_) => "step",
            Stmt::Phase(_) => "phase",
            Stmt::PhaseSteps(_) => "steps",
            Stmt::Next { .. } => "next",
            Stmt::End(_) => "end",
            Stmt::Effort(_) => "effort",
            Stmt::Csat(_) => "csat",
            Stmt::Dropoff(_) => "dropoff",
            Stmt::Severity(_) => "severity",
            Stmt::Acknowledge(_) => "acknowledge",
            Stmt::Resolve(_) => "resolve",
            Stmt::Escalate { .. } => "escalate",
            Stmt::Remedies(_) => "remedy",
            Stmt::Feedback(_) => "feedback",
            Stmt::Priority(_) => "priority",
            Stmt::Order(_) => "order",
            Stmt::Agents(_) => "agents",
            Stmt::Forecast { .. } => "forecast",
            Stmt::Aht(_) => "aht",
            Stmt::Patience(_) => "patience",
            Stmt::Shrinkage(_) => "shrinkage",
            Stmt::Provider(_) => "provider",
            Stmt::Consumer(_) => "consumer",
            Stmt::Respond { .. } => "respond",
        }
    }
}
