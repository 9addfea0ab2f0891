//! The fields of a measure export, which `measure.columns` in `cxc.yaml`
//! names: here, a layer below `measure`, so reading the settings needs
//! nothing above it (`measure::rows` re-exports it).

/// A field of either export, as `measure.columns` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Segment,
    Channel,
    Created,
    Answered,
    FirstResponse,
    Resolved,
    Complaint,
    Acknowledged,
    Escalated,
    Feedback,
    Csat,
    Nps,
    Effort,
    Case,
    Journey,
    Step,
    Entered,
    Left,
    Customer,
    Reason,
    Cause,
    HandleTime,
}

impl Field {
    pub const ALL: [Field; 23] = [
        Field::Id,
        Field::Segment,
        Field::Channel,
        Field::Created,
        Field::Answered,
        Field::FirstResponse,
        Field::Resolved,
        Field::Complaint,
        Field::Acknowledged,
        Field::Escalated,
        Field::Feedback,
        Field::Csat,
        Field::Nps,
        Field::Effort,
        Field::Case,
        Field::Journey,
        Field::Step,
        Field::Entered,
        Field::Left,
        Field::Customer,
        Field::Reason,
        Field::Cause,
        Field::HandleTime,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Segment => "segment",
            Field::Channel => "channel",
            Field::Created => "created",
            Field::Answered => "answered",
            Field::FirstResponse => "first_response",
            Field::Resolved => "resolved",
            Field::Complaint => "complaint",
            Field::Acknowledged => "acknowledged",
            Field::Escalated => "escalated",
            Field::Feedback => "feedback",
            Field::Csat => "csat",
            Field::Nps => "nps",
            Field::Effort => "effort",
            Field::Case => "case",
            Field::Journey => "journey",
            Field::Step => "step",
            Field::Entered => "entered",
            Field::Left => "left",
            Field::Customer => "customer",
            Field::Reason => "reason",
            Field::Cause => "cause",
            Field::HandleTime => "handle_time",
        }
    }

    /// The column read when the export has none of the field's own name
    /// and cxc.yaml maps none: help desks say `topic` for a reason.
    pub fn alias(self) -> Option<&'static str> {
        match self {
            Field::Reason => Some("topic"),
            _ => None,
        }
    }
}
