//! Deadlines in working days (`Nwd`, language 3) in the exports that only
//! count running time: Zendesk business minutes get the longest running
//! time the deadline can leave on its calendar; TaskRouter timeouts, which
//! run on the wall clock, the longest wall-clock time (so that no request
//! escalates before its deadline). The oracle is `cxc measure`'s clock
//! (`measure::clock::Clock`, itself checked against a minute-by-minute
//! walk): for every day a request may come on, the running time and the
//! wall-clock time from that day's midnight to when the clock says the
//! deadline is due.

use crate::{build_text, run_seeded, twilio, zendesk, Moment};
use cxc::measure::clock::Clock;
use cxc::model::WeekHours;
use cxc::syntax::ast::OpenHours;
use cxc::syntax::values::{Date, TimeOfDay, Weekday};
use jiff::Timestamp;
use proptest::prelude::*;

/// Zones without clock changes: the exports count each opening day at its
/// usual length (see `model::workdays`), so where the clocks change the
/// clock of `cxc measure` may differ by the hour skipped or repeated.
const STEADY_ZONES: [&str; 4] = ["UTC", "Europe/Moscow", "Asia/Tokyo", "Asia/Kolkata"];

/// A calendar for working days: its zone, each weekday's opening window in
/// quarter hours (none: closed) and holidays as days after 2026-03-02.
#[derive(Debug, Clone)]
struct WorkCalendar {
    zone: usize,
    windows: [Option<(u32, u32)>; 7],
    holidays: Vec<i64>,
}

fn work_calendar() -> impl Strategy<Value = WorkCalendar> {
    let window = (0u32..96, 1u32..97).prop_map(|(a, b)| (a.min(b - 1).min(95), b.max(a + 1)));
    (
        0..STEADY_ZONES.len(),
        prop::array::uniform7(prop::option::weighted(0.75, window)),
        prop::collection::vec(0i64..40, 0..4),
        any::<bool>(),
    )
        .prop_map(|(zone, mut windows, holidays, always)| {
            if always {
                // Around the clock: a working day is a calendar day.
                windows = [Some((0, 96)); 7];
            }
            if windows.iter().all(Option::is_none) {
                windows[0] = Some((36, 72));
            }
            let holidays = if always { Vec::new() } else { holidays };
            WorkCalendar {
                zone,
                windows,
                holidays,
            }
        })
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn first_holiday() -> jiff::civil::Date {
    jiff::civil::date(2026, 3, 2)
}

impl WorkCalendar {
    fn holiday(&self, i: usize) -> jiff::civil::Date {
        first_holiday()
            .checked_add(jiff::Span::new().days(self.holidays[i]))
            .unwrap()
    }

    fn statement(&self) -> String {
        let time = |q: u32| format!("{:02}:{:02}", q / 4, q % 4 * 15);
        let mut parts = vec![format!("timezone \"{}\"", STEADY_ZONES[self.zone])];
        for (day, window) in WEEKDAYS.iter().zip(&self.windows) {
            if let Some((a, b)) = window {
                parts.push(format!("open {day} {}-{}", time(*a), time(*b)));
            }
        }
        if !self.holidays.is_empty() {
            let dates: Vec<String> = (0..self.holidays.len())
                .map(|i| self.holiday(i).to_string())
                .collect();
            parts.push(format!("closed {}", dates.join(", ")));
        }
        format!("calendar cal \"Calendar\" {{ {} }}\n", parts.join("; "))
    }

    /// `cxc measure`'s clock for this calendar.
    fn clock(&self) -> (Clock, jiff::tz::TimeZone) {
        let mut week = WeekHours::default();
        for (day, window) in Weekday::ALL.iter().zip(&self.windows) {
            if let Some((a, b)) = window {
                week.add(&OpenHours::Weekly {
                    days: vec![(*day, *day)],
                    times: vec![(
                        TimeOfDay::from_minutes(a * 15),
                        TimeOfDay::from_minutes(b * 15),
                    )],
                });
            }
        }
        let closed: Vec<i64> = (0..self.holidays.len())
            .map(|i| {
                let d = self.holiday(i);
                Date {
                    year: i32::from(d.year()),
                    month: d.month() as u32,
                    day: d.day() as u32,
                }
                .to_days()
            })
            .collect();
        let tz = jiff::tz::db().get(STEADY_ZONES[self.zone]).unwrap();
        (Clock::new(&week, &closed, tz.clone()), tz)
    }

    /// Midnight of every day a request may come on, over enough weeks
    /// around the holidays to see every mix of them, and of the day after
    /// the last.
    fn midnights(&self, days: u32, tz: &jiff::tz::TimeZone) -> Vec<jiff::Timestamp> {
        let before = 7 * (i64::from(days) + 3);
        let start = first_holiday()
            .checked_sub(jiff::Span::new().days(before))
            .unwrap();
        (0..=before + 40 + 14)
            .map(|i| {
                let date = start.checked_add(jiff::Span::new().days(i)).unwrap();
                date.to_zoned(tz.clone()).unwrap().timestamp()
            })
            .collect()
    }

    /// The most `measure(clock, from, due)` a deadline of `days` working
    /// days gives by `cxc measure`'s clock, over the midnight of every day a
    /// request may come on (the start of a day leaves the most time, running
    /// and wall-clock alike).
    fn longest_by_the_clock(
        &self,
        days: u32,
        measure: impl Fn(&Clock, Timestamp, Timestamp) -> i64,
    ) -> u64 {
        let (clock, tz) = self.clock();
        let midnights = self.midnights(days, &tz);
        midnights[..midnights.len() - 1]
            .iter()
            .map(|&from| {
                let due = clock.due(from, days).expect("the calendar opens");
                measure(&clock, from, due)
            })
            .max()
            .unwrap() as u64
    }

    /// The longest running time `days` working days can last.
    fn longest_running(&self, days: u32) -> u64 {
        self.longest_by_the_clock(days, |clock, from, due| clock.running(from, due))
    }

    /// The longest wall-clock time `days` working days can last.
    fn longest_wall(&self, days: u32) -> u64 {
        self.longest_by_the_clock(days, |_, from, due| due.as_second() - from.as_second())
    }
}

fn working_days_spec(calendar: &WorkCalendar, resolve: u32, escalate: u32) -> String {
    format!(
        "service \"Working days\" {{ language en }}\n{}\
         team support \"Support\" {{ lead lead }}\n\
         role lead \"Lead\" {{ team support; duty \"Lead\" }}\n\
         segment all \"All\" {{ tier 1; channels email }}\n\
         channel email \"E-mail\" {{ kind email; hours cal; owner support }}\n\
         sla base \"Base\" for all {{ hours cal; first_response email within 1m; resolution within {resolve}wd }}\n\
         queue line \"Line\" {{ channel email; segments all; priority 1; team support }}\n\
         complaint late \"Late\" {{ segments all; severity high; owner support; hours cal; \
         acknowledge within 1m; resolve within {resolve}wd; escalate after {escalate}wd to lead; feedback required }}\n",
        calendar.statement()
    )
}

/// Zendesk's business minutes for a deadline in working days are the
/// longest running time the deadline can leave on its calendar, TaskRouter's
/// timeouts the longest wall-clock time, as `cxc measure`'s clock counts
/// them, and `inexact-export` says so at the line.
#[test]
fn working_days_go_out_as_the_longest_running_and_wall_time() {
    let cases = (work_calendar(), 1u32..7, 1u32..7);
    run_seeded(
        "working days",
        [3u8; 32],
        24,
        &cases,
        |(calendar, resolve, escalate)| {
            let escalate = escalate.min(resolve);
            let spec = working_days_spec(&calendar, resolve, escalate);
            let rules = "rules:\n  understaffed: off\n  metric-target-unmet: off\n  acknowledge-after-resolve: off\n";
            let config = format!("{rules}exports:\n  taskrouter:\n    task_timeout: 2592000\n");
            let (_work, built) = build_text(&spec, Some(&config));
            let what = format!("generated spec\n{spec}");
            let resolve_time = calendar.longest_running(resolve);
            let escalate_time = calendar.longest_wall(escalate);
            // Zendesk: the SLA's resolution and the complaint's, in business
            // minutes unless the calendar is open around the clock.
            let business = calendar.windows != [Some((0, 96)); 7] || !calendar.holidays.is_empty();
            let ticket = zendesk::Ticket {
                tags: vec!["all".into()],
                organization: None,
                via: 4,
                priority: "normal",
                marks: vec![],
            };
            let applied = zendesk::applies(&built.policies, &ticket).expect(&what);
            let want = zendesk::Target {
                seconds: resolve_time,
                business_hours: business,
            };
            assert_eq!(applied.resolution, Some(want), "{what}");
            let complaint = built
                .policies
                .as_array()
                .unwrap()
                .iter()
                .map(|p| &p["sla_policy"])
                .find(|p| p["title"].as_str().unwrap().contains("Late"))
                .expect(&what);
            let resolution = complaint["policy_metrics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["metric"] == "total_resolution_time")
                .expect(&what);
            assert_eq!(
                resolution["target"].as_u64(),
                Some(resolve_time / 60),
                "{what}"
            );
            assert_eq!(resolution["business_hours"], business, "{what}");
            // TaskRouter: the complaint waits with its owner until the rung's
            // time has run, then goes to the lead.
            let task =
                serde_json::json!({"channel": "email", "segment": "all", "complaint": "late"});
            let now = Moment { day: 0, minute: 0 };
            let at =
                |age| twilio::route(&built.workflow, &task, now, age, &|_| false).expect(&what);
            assert_eq!(at(escalate_time - 1).worker_expression, None, "{what}");
            assert_eq!(
                at(escalate_time).worker_expression.as_deref(),
                Some("worker.roles HAS 'lead'"),
                "{what}"
            );
            // And what the exports lose is said.
            assert!(
                built.stderr.contains("inexact-export")
                    && built.stderr.contains(&format!("{resolve}wd")),
                "{what}\n{}",
                built.stderr
            );
        },
    );
}
