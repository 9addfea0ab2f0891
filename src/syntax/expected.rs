//! Grammar rules in words. When the parser stops, pest reports which rules it
//! would have accepted; users see these words instead of rule names.
//!
//! The match is exhaustive on purpose (no `_ =>`): adding a rule to the grammar
//! does not compile until it has a description here.

use super::parser::Rule;

/// How a rule reads in "expected ..." messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Described {
    /// A keyword, printed in backticks.
    Keyword(&'static str),
    /// Words describing what was expected.
    Words(&'static str),
    /// Never shown: silent helpers, or a rule whose own inner rule is reported.
    Hidden,
}

pub fn describe(rule: Rule) -> Described {
    use Described::*;
    match rule {
        Rule::EOI => Words("the end of the file"),
        Rule::WHITESPACE | Rule::COMMENT => Hidden,
        Rule::ident_start | Rule::ident_char => Hidden,
        Rule::ident => Words("a name such as `support` or `vip_line`"),
        Rule::string | Rule::simple_string | Rule::triple_string => {
            Words("a text in double quotes, such as \"Key accounts\"")
        }
        Rule::simple_inner | Rule::triple_inner => Words("the rest of the text and a closing `\"`"),
        Rule::escape => Words("an escape: \\\" \\\\ \\n or \\t"),
        Rule::integer => Words("a whole number such as 12"),
        Rule::decimal => Words("a number such as 4.5"),
        Rule::percent => Words("a percentage such as 80%"),
        Rule::duration => Words("a duration such as 30m, 4h or 1h30m"),
        Rule::date => Words("a date such as 2026-05-01"),
        Rule::time => Words("a time such as 09:00"),
        Rule::ident_list => Words("a comma-separated list of names"),
        Rule::sep => Words("a new line or `;`"),
        Rule::lbrace => Keyword("{"),
        Rule::close_brace => Keyword("}"),
        Rule::name => Words("a display name in double quotes"),
        Rule::comparison => Words("a comparison: >=, <=, >, < or ="),
        Rule::always => Keyword("24x7"),
        Rule::day_list | Rule::day_range | Rule::day => {
            Words("days such as mon-fri or sat (mon tue wed thu fri sat sun)")
        }
        Rule::time_ranges | Rule::time_range => Words("opening times such as 09:00-18:00"),
        Rule::remedy_list | Rule::remedy => {
            Words("a remedy: apologize, explain, redo, refund, compensate \"...\" or escalate ROLE")
        }

        Rule::kw_service => Keyword("service"),
        Rule::kw_version => Keyword("version"),
        Rule::kw_owner => Keyword("owner"),
        Rule::kw_review => Keyword("review"),
        Rule::kw_every => Keyword("every"),
        Rule::kw_reviewed => Keyword("reviewed"),
        Rule::kw_language => Keyword("language"),
        Rule::kw_include => Keyword("include"),
        Rule::kw_calendar => Keyword("calendar"),
        Rule::kw_timezone => Keyword("timezone"),
        Rule::kw_open => Keyword("open"),
        Rule::kw_closed => Keyword("closed"),
        Rule::kw_team => Keyword("team"),
        Rule::kw_lead => Keyword("lead"),
        Rule::kw_description => Keyword("description"),
        Rule::kw_role => Keyword("role"),
        Rule::kw_reports_to => Keyword("reports_to"),
        Rule::kw_headcount => Keyword("headcount"),
        Rule::kw_duty => Keyword("duty"),
        Rule::kw_target => Keyword("target"),
        Rule::kw_channel => Keyword("channel"),
        Rule::kw_kind => Keyword("kind"),
        Rule::kw_hours => Keyword("hours"),
        Rule::kw_self_service => Keyword("self_service"),
        Rule::kw_segment => Keyword("segment"),
        Rule::kw_share => Keyword("share"),
        Rule::kw_revenue => Keyword("revenue"),
        Rule::kw_tier => Keyword("tier"),
        Rule::kw_channels => Keyword("channels"),
        Rule::kw_types => Keyword("types"),
        Rule::kw_customer_type => Keyword("customer_type"),
        Rule::kw_expects => Keyword("expects"),
        Rule::kw_strategy => Keyword("strategy"),
        Rule::kw_prefer => Keyword("prefer"),
        Rule::kw_sla => Keyword("sla"),
        Rule::kw_for => Keyword("for"),
        Rule::kw_answer => Keyword("answer"),
        Rule::kw_within => Keyword("within"),
        Rule::kw_first_response => Keyword("first_response"),
        Rule::kw_resolution => Keyword("resolution"),
        Rule::kw_promise => Keyword("promise"),
        Rule::kw_segments => Keyword("segments"),
        Rule::kw_on_breach => Keyword("on_breach"),
        Rule::kw_journey => Keyword("journey"),
        Rule::kw_start => Keyword("start"),
        Rule::kw_step => Keyword("step"),
        Rule::kw_next => Keyword("next"),
        Rule::kw_when => Keyword("when"),
        Rule::kw_end => Keyword("end"),
        Rule::kw_effort => Keyword("effort"),
        Rule::kw_csat => Keyword("csat"),
        Rule::kw_dropoff => Keyword("dropoff"),
        Rule::kw_complaint => Keyword("complaint"),
        Rule::kw_severity => Keyword("severity"),
        Rule::kw_acknowledge => Keyword("acknowledge"),
        Rule::kw_resolve => Keyword("resolve"),
        Rule::kw_escalate => Keyword("escalate"),
        Rule::kw_after => Keyword("after"),
        Rule::kw_to => Keyword("to"),
        Rule::kw_remedy => Keyword("remedy"),
        Rule::kw_feedback => Keyword("feedback"),
        Rule::kw_queue => Keyword("queue"),
        Rule::kw_priority => Keyword("priority"),
        Rule::kw_agents => Keyword("agents"),
        Rule::kw_forecast => Keyword("forecast"),
        Rule::kw_per => Keyword("per"),
        Rule::kw_file => Keyword("file"),
        Rule::kw_aht => Keyword("aht"),
        Rule::kw_patience => Keyword("patience"),
        Rule::kw_shrinkage => Keyword("shrinkage"),
        Rule::kw_agreement => Keyword("agreement"),
        Rule::kw_provider => Keyword("provider"),
        Rule::kw_consumer => Keyword("consumer"),
        Rule::kw_respond => Keyword("respond"),
        Rule::kw_compensate => Keyword("compensate"),

        // Silent helpers: pest never reports them.
        Rule::declaration
        | Rule::open_brace
        | Rule::stmt_end
        | Rule::block_end
        | Rule::target_value
        | Rule::service_stmt
        | Rule::calendar_stmt
        | Rule::team_stmt
        | Rule::role_stmt
        | Rule::channel_stmt
        | Rule::segment_stmt
        | Rule::customer_type_stmt
        | Rule::sla_stmt
        | Rule::promise_stmt
        | Rule::journey_item
        | Rule::journey_stmt
        | Rule::step_stmt
        | Rule::complaint_stmt
        | Rule::queue_stmt
        | Rule::agreement_stmt => Hidden,

        // Rules that start with a keyword are reported through that keyword.
        Rule::file
        | Rule::include_decl
        | Rule::service_decl
        | Rule::version_stmt
        | Rule::review_stmt
        | Rule::reviewed_stmt
        | Rule::language_stmt
        | Rule::description_stmt
        | Rule::owner_stmt
        | Rule::hours_stmt
        | Rule::segments_stmt
        | Rule::within_stmt
        | Rule::target_stmt
        | Rule::calendar_decl
        | Rule::timezone_stmt
        | Rule::open_stmt
        | Rule::closed_stmt
        | Rule::team_decl
        | Rule::lead_stmt
        | Rule::role_decl
        | Rule::team_stmt_ref
        | Rule::reports_to_stmt
        | Rule::headcount_stmt
        | Rule::duty_stmt
        | Rule::channel_decl
        | Rule::kind_stmt
        | Rule::self_service_stmt
        | Rule::segment_decl
        | Rule::share_stmt
        | Rule::revenue_stmt
        | Rule::tier_stmt
        | Rule::channels_stmt
        | Rule::types_stmt
        | Rule::customer_type_decl
        | Rule::expects_stmt
        | Rule::strategy_stmt
        | Rule::prefer_stmt
        | Rule::sla_decl
        | Rule::answer_stmt
        | Rule::first_response_stmt
        | Rule::resolution_stmt
        | Rule::promise_decl
        | Rule::channel_ref_stmt
        | Rule::on_breach_stmt
        | Rule::compensate_remedy
        | Rule::escalate_remedy
        | Rule::journey_decl
        | Rule::start_stmt
        | Rule::step_decl
        | Rule::step_channel_stmt
        | Rule::next_stmt
        | Rule::end_stmt
        | Rule::effort_stmt
        | Rule::csat_stmt
        | Rule::dropoff_stmt
        | Rule::complaint_decl
        | Rule::severity_stmt
        | Rule::acknowledge_stmt
        | Rule::resolve_stmt
        | Rule::escalate_stmt
        | Rule::remedy_stmt
        | Rule::feedback_stmt
        | Rule::queue_decl
        | Rule::priority_stmt
        | Rule::agents_stmt
        | Rule::forecast_stmt
        | Rule::aht_stmt
        | Rule::patience_stmt
        | Rule::shrinkage_stmt
        | Rule::agreement_decl
        | Rule::provider_stmt
        | Rule::consumer_stmt
        | Rule::respond_stmt => Hidden,
    }
}

/// Joins descriptions as a sentence: "a, b or c".
pub fn sentence(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {}", rest.join(", "), last),
    }
}
