//! The sentences of the derived duties, in both forms: the one a role
//! that performs the work signs ("Carry out the step …"), and the one the
//! lead who organises it signs ("Ensure the team … carries out the step
//! …"). Every piece of work has both, so a lead never "carries out" its
//! team's steps and the staff who do are never left without them.
//!
//! Russian: a quoted name always follows a noun that carries the case
//! ("этап «…»", "подразделение «…»"); names are never inflected. The
//! organising form says "подразделение" (neuter), so its verbs agree once
//! and for all ("чтобы подразделение «…» выполняло").

/// Who a sentence is about: the role itself, or the team (quoted) whose
/// work the role organises.
#[derive(Clone, Copy)]
pub(super) enum Doer<'t> {
    Me,
    Team(&'t str),
}

/// The segments an agreement's `respond` line is for.
#[derive(Clone, Copy)]
pub(super) enum Segments<'s> {
    /// The only, general line: everyone.
    All,
    /// The general line beside `for` lines: the segments they do not name.
    Others,
    /// A `for` line: the quoted list, and how many segments it names.
    Named(&'s str, usize),
}

/// The sentences in one language.
pub(super) struct Phrases {
    pub en: bool,
}

/// What the lead staffs a queue for: `percent`% of `whose` contacts
/// answered within `within` (genitive in Russian).
pub(super) struct AnswerGoal<'a> {
    pub percent: f64,
    pub whose: &'a str,
    pub within: &'a str,
    /// The queue's `patience` in words (genitive in Russian), when the
    /// target's time is at least [`PATIENCE_BOUND`] times it: nobody is
    /// still waiting then, so the target is in effect a ceiling on those
    /// who give up.
    pub patience: Option<String>,
}

/// A target time this many times a queue's mean `patience` or more leaves
/// (with exponential patience, as Erlang A has it) fewer than e^-10 of the
/// callers still waiting: "answered within it" is "did not give up".
pub(super) const PATIENCE_BOUND: u64 = 10;

impl Phrases {
    /// "95% of the contacts of the segment “X” are answered within 60
    /// seconds (…)"; a target far beyond the callers' patience says what
    /// binds: at most 5% give up before an answer.
    pub fn answer_goal(&self, g: &AnswerGoal) -> String {
        let p = crate::syntax::values::trim_float(g.percent);
        let Some(patience) = &g.patience else {
            return if self.en {
                format!(
                    "{p}% of the contacts of {} are answered within {}",
                    g.whose, g.within
                )
            } else {
                format!(
                    "{p}% обращений {} получали ответ в течение {}",
                    g.whose, g.within
                )
            };
        };
        let rest = crate::syntax::values::trim_float(((100.0 - g.percent) * 1e6).round() / 1e6);
        if self.en {
            format!("at most {rest}% of the contacts of {} give up before an answer (customers wait about {patience} on average before they give up, so this is what “{p}% answered within {}” comes to)", g.whose, g.within)
        } else {
            format!("не более {rest}% обращений {} оставались без ответа из-за того, что клиент перестал ждать (клиенты ждут в среднем около {patience}, поэтому норматив «{p}% ответов в течение {}» сводится к этому)", g.whose, g.within)
        }
    }

    /// A journey step: `deadline` is "2 hours (around the clock)" (genitive in
    /// Russian).
    pub fn step(&self, doer: Doer, step: &str, journey: &str, deadline: Option<&str>) -> String {
        let by = |d: &str| {
            if self.en {
                format!(" within {d}")
            } else {
                format!(" в срок не более {d}")
            }
        };
        let deadline = deadline.map(by).unwrap_or_default();
        match (self.en, doer) {
            (true, Doer::Me) => format!("Carry out the step {step} of the journey {journey}{deadline}."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} carries out the step {step} of the journey {journey}{deadline}."),
            (false, Doer::Me) => format!("Выполнять этап {step} пути клиента {journey}{deadline}."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} выполняло этап {step} пути клиента {journey}{deadline}."),
        }
    }

    /// A step the customer does alone (every channel self-service): its
    /// owner keeps it working and helps the customers stuck at it — never
    /// "carries it out". `deadline` as for [`Phrases::step`].
    pub fn self_service_step(
        &self,
        doer: Doer,
        step: &str,
        journey: &str,
        deadline: Option<&str>,
    ) -> String {
        let deadline = match (self.en, deadline) {
            (_, None) => String::new(),
            (true, Some(d)) => format!(" (customers complete it within {d})"),
            (false, Some(d)) => format!(" (клиент проходит его в срок не более {d})"),
        };
        match (self.en, doer) {
            (true, Doer::Me) => format!("Keep the self-service step {step} of the journey {journey} working{deadline}, and help the customers who get stuck at it."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} keeps the self-service step {step} of the journey {journey} working{deadline} and helps the customers who get stuck at it."),
            (false, Doer::Me) => format!("Поддерживать работоспособность этапа самообслуживания {step} пути клиента {journey}{deadline} и помогать клиентам, у которых на этом этапе возникли затруднения."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} поддерживало работоспособность этапа самообслуживания {step} пути клиента {journey}{deadline} и помогало клиентам, у которых на этом этапе возникли затруднения."),
        }
    }

    /// A step with its own deadline that a role owns on self-service
    /// channels only: the role's work whose result the customer sees there
    /// ("Credit decision" shown in the app), or the customer's own step the
    /// role answers for ("Passenger picks a flight") — the spec cannot tell
    /// which, so the sentence holds for both: the step is completed in time,
    /// the role does its part, keeps it working and helps. `channels` is the
    /// quoted list, `several` whether it names more than one; `deadline` as
    /// for [`Phrases::step`].
    pub fn self_service_deadline(
        &self,
        doer: Doer,
        step: &str,
        journey: &str,
        (channels, several): (&str, bool),
        deadline: &str,
    ) -> String {
        let seen = match (self.en, several) {
            (true, false) => {
                format!("which the customer sees in the self-service channel {channels}")
            }
            (true, true) => {
                format!("which the customer sees in the self-service channels {channels}")
            }
            (false, false) => format!("который клиент видит в канале самообслуживания {channels}"),
            (false, true) => format!("который клиент видит в каналах самообслуживания {channels}"),
        };
        match (self.en, doer) {
            (true, Doer::Me) => format!("See that the step {step} of the journey {journey}, {seen}, is completed within {deadline}: do this position's part of it, keep it working, and help the customers who get stuck at it."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} completes the step {step} of the journey {journey}, {seen}, within {deadline}: does its part of it, keeps it working and helps the customers who get stuck at it."),
            (false, Doer::Me) => format!("Обеспечивать завершение этапа {step} пути клиента {journey}, {seen}, в срок не более {deadline}: выполнять свою часть работы на этом этапе, поддерживать его работоспособность и помогать клиентам, у которых на этом этапе возникли затруднения."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} завершало этап {step} пути клиента {journey}, {seen}, в срок не более {deadline}: выполняло свою часть работы на этом этапе, поддерживало его работоспособность и помогало клиентам, у которых на этом этапе возникли затруднения."),
        }
    }

    /// What to do for the customer when a public promise is broken (the
    /// remedies are verb phrases that name the customer themselves).
    pub fn breach(&self, doer: Doer, promise: &str, remedies: &str) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("When the public promise {promise} is broken: {remedies}."),
            (true, Doer::Team(t)) => format!("Ensure that, when the public promise {promise} is broken, the team {t} does the following: {remedies}."),
            (false, Doer::Me) => format!("При нарушении публичного обещания {promise}: {remedies}."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы при нарушении публичного обещания {promise} подразделение {t} выполняло следующее: {remedies}."),
        }
    }

    /// An answer target: `within` is "20 seconds (around the clock)".
    pub fn answer(
        &self,
        doer: Doer,
        segment: &str,
        channel: &str,
        percent: &str,
        within: &str,
    ) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("Meet the service level for the segment {segment} in {channel}: {percent}% of contacts answered within {within}."),
            (true, Doer::Team(t)) => format!("Plan staffing so that the team {t} meets the service level for the segment {segment} in {channel}: {percent}% of contacts answered within {within}."),
            (false, Doer::Me) => format!("Обеспечивать уровень сервиса для сегмента {segment} в канале {channel}: {percent}% обращений — ответ в течение {within}."),
            (false, Doer::Team(t)) => format!("Планировать численность и графики работы так, чтобы подразделение {t} обеспечивало уровень сервиса для сегмента {segment} в канале {channel}: {percent}% обращений — ответ в течение {within}."),
        }
    }

    pub fn first_response(&self, doer: Doer, segment: &str, channel: &str, within: &str) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("Give the segment {segment} a first response in {channel} within {within}."),
            (true, Doer::Team(t)) => format!("Plan staffing so that the team {t} gives the segment {segment} a first response in {channel} within {within}."),
            (false, Doer::Me) => format!("Давать клиентам сегмента {segment} первый ответ в канале {channel} в течение {within}."),
            (false, Doer::Team(t)) => format!("Планировать численность и графики работы так, чтобы подразделение {t} давало клиентам сегмента {segment} первый ответ в канале {channel} в течение {within}."),
        }
    }

    pub fn resolution(
        &self,
        doer: Doer,
        segment: &str,
        channel: Option<&str>,
        within: &str,
    ) -> String {
        let on = match (self.en, channel) {
            (_, None) => String::new(),
            (true, Some(c)) => format!(" in {c}"),
            (false, Some(c)) => format!(" в канале {c}"),
        };
        match (self.en, doer) {
            (true, Doer::Me) => format!("Resolve the requests of the segment {segment}{on} within {within}."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} resolves the requests of the segment {segment}{on} within {within}."),
            (false, Doer::Me) => format!("Решать обращения клиентов сегмента {segment}{on} в течение {within}."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} решало обращения клиентов сегмента {segment}{on} в течение {within}."),
        }
    }

    /// A complaint rule: `severity` in words, the times with their clocks.
    pub fn complaint(
        &self,
        doer: Doer,
        category: &str,
        severity: Option<&str>,
        acknowledge: Option<&str>,
        resolve: Option<&str>,
    ) -> String {
        let mut text = match (self.en, doer) {
            (true, Doer::Me) => format!("Handle complaints of the category {category}"),
            (true, Doer::Team(t)) => {
                format!("Ensure the team {t} handles complaints of the category {category}")
            }
            (false, Doer::Me) => format!("Рассматривать жалобы категории {category}"),
            (false, Doer::Team(t)) => format!(
                "Обеспечивать, чтобы подразделение {t} рассматривало жалобы категории {category}"
            ),
        };
        let me = matches!(doer, Doer::Me);
        if let Some(s) = severity {
            text.push_str(&if self.en {
                format!(" (severity: {s})")
            } else {
                format!(" (важность: {s})")
            });
        }
        if let Some(a) = acknowledge {
            text.push_str(&match (self.en, me) {
                (true, true) => format!("; acknowledge within {a}"),
                (true, false) => format!(", acknowledges them within {a}"),
                (false, true) => format!("; подтверждать получение в течение {a}"),
                (false, false) => format!(", подтверждало получение в течение {a}"),
            });
        }
        if let Some(r) = resolve {
            text.push_str(&match (self.en, me) {
                (true, true) => format!("; resolve within {r}"),
                (true, false) => format!(" and resolves them within {r}"),
                (false, true) => format!("; решать в течение {r}"),
                (false, false) => format!(" и решало их в течение {r}"),
            });
        }
        text.push('.');
        text
    }

    /// `feedback required`: the outcome told to the customer.
    pub fn complaint_feedback(&self, doer: Doer, category: &str) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("Tell the customer how each complaint of the category {category} was resolved."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} tells the customer how each complaint of the category {category} was resolved."),
            (false, Doer::Me) => format!("Сообщать клиенту, как решена каждая жалоба категории {category}."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} сообщало клиенту, как решена каждая жалоба категории {category}."),
        }
    }

    /// The next rung of a complaint's escalation ladder, passed to on time;
    /// `to` names it (in Russian with its kind: «роль «…»»).
    pub fn complaint_escalate(&self, doer: Doer, category: &str, after: &str, to: &str) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("Escalate complaints of the category {category} to the next level ({to}) no later than {after} after arriving, if they are not resolved by then."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} escalates complaints of the category {category} to the next level ({to}) no later than {after} after arriving, if they are not resolved by then."),
            (false, Doer::Me) => format!("Передавать жалобы категории {category} на следующий уровень ({to}) не позднее {after} после поступления, если они к этому сроку не решены."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} передавало жалобы категории {category} на следующий уровень ({to}) не позднее {after} после поступления, если они к этому сроку не решены."),
        }
    }

    /// A ladder's rung that is an outside body (a role marked `external`):
    /// nothing is handed to it; the customer is told of their right to
    /// refer the complaint there, as the complaints policy says (outside
    /// audit 17, M5: staff told to "escalate" to an ombudsman).
    pub fn complaint_refer(&self, doer: Doer, category: &str, after: &str, body: &str) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("If a complaint of the category {category} is not resolved within {after} of arriving, tell the customer that they may refer it to {body}, an outside body, not our staff."),
            (true, Doer::Team(t)) => format!("If a complaint of the category {category} is not resolved within {after} of arriving, ensure the team {t} tells the customer that they may refer it to {body}, an outside body, not our staff."),
            (false, Doer::Me) => format!("Если жалоба категории {category} не решена в течение {after} после поступления, сообщать клиенту, что он вправе передать её во внешний орган {body} (это не наши сотрудники)."),
            (false, Doer::Team(t)) => format!("Если жалоба категории {category} не решена в течение {after} после поступления, обеспечивать, чтобы подразделение {t} сообщало клиенту, что он вправе передать её во внешний орган {body} (это не наши сотрудники)."),
        }
    }

    /// The same rung as a clause of another duty: what happens to a
    /// complaint not resolved by then.
    pub fn referred(&self, after: &str, body: &str) -> String {
        if self.en {
            format!("if it is not resolved within {after} of arriving, the customer is told that they may refer it to {body}, an outside body")
        } else {
            format!("если жалоба не решена в течение {after} после поступления, клиенту сообщают, что он вправе передать её во внешний орган {body}")
        }
    }

    /// An agreement's resolution time (`resolve within`).
    pub fn agreement_resolve(&self, doer: Doer, consumer: &str, within: &str) -> String {
        match (self.en, doer) {
            (true, Doer::Me) => format!("Resolve requests from the team {consumer} within {within}."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} resolves requests from the team {consumer} within {within}."),
            (false, Doer::Me) => format!("Решать запросы подразделения {consumer} в течение {within}."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} решало запросы подразделения {consumer} в течение {within}."),
        }
    }

    /// An agreement's response time for the segments of one `respond` line.
    pub fn agreement(
        &self,
        doer: Doer,
        consumer: &str,
        segments: Segments,
        within: &str,
    ) -> String {
        let scope = match (self.en, segments) {
            (_, Segments::All) => String::new(),
            (true, Segments::Others) => " about other segments".to_string(),
            (false, Segments::Others) => " по остальным сегментам".to_string(),
            (true, Segments::Named(s, 1)) => format!(" about the segment {s}"),
            (true, Segments::Named(s, _)) => format!(" about the segments {s}"),
            (false, Segments::Named(s, 1)) => format!(" по сегменту {s}"),
            (false, Segments::Named(s, _)) => format!(" по сегментам {s}"),
        };
        match (self.en, doer) {
            (true, Doer::Me) => format!("Respond to requests from the team {consumer}{scope} within {within}."),
            (true, Doer::Team(t)) => format!("Ensure the team {t} responds to requests from the team {consumer}{scope} within {within}."),
            (false, Doer::Me) => format!("Отвечать на запросы подразделения {consumer}{scope} в течение {within}."),
            (false, Doer::Team(t)) => format!("Обеспечивать, чтобы подразделение {t} отвечало на запросы подразделения {consumer}{scope} в течение {within}."),
        }
    }

    /// How to treat a customer type: `segments` quoted, and whether one.
    pub fn customer_type(
        &self,
        name: &str,
        (segments, one): (&str, bool),
        strategy: &str,
    ) -> String {
        match (self.en, one) {
            (true, true) => format!("Treat customers of the type {name} (segment {segments}) this way: {strategy}."),
            (true, false) => format!("Treat customers of the type {name} (segments {segments}) this way: {strategy}."),
            (false, true) => format!("Работать с клиентами типа {name} (сегмент {segments}) следующим образом: {strategy}."),
            (false, false) => format!("Работать с клиентами типа {name} (сегменты {segments}) следующим образом: {strategy}."),
        }
    }

    /// A customer type met only off the channels it `prefer`s: the role
    /// directs them there (`channels` quoted).
    pub fn customer_type_steer(
        &self,
        name: &str,
        (segments, one): (&str, bool),
        (channels, one_channel): (&str, bool),
    ) -> String {
        let (en_s, ru_s) = if one {
            ("segment", "сегмент")
        } else {
            ("segments", "сегменты")
        };
        let (en_c, ru_c) = if one_channel {
            ("channel", "канал")
        } else {
            ("channels", "каналы")
        };
        if self.en {
            format!("Direct customers of the type {name} ({en_s} {segments}) to the {en_c} {channels}, where they are served.")
        } else {
            format!("Направлять клиентов типа {name} ({ru_s} {segments}) в {ru_c} {channels}, где их обслуживают.")
        }
    }
}
