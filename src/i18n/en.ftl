# cxc's messages in English. Each id has its twin in ru.ftl (tested).
# Arguments: $name. Backticks quote spec words; they stay as written.

## Summary lines

summary-errors = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }

findings-capped = and { $shown } more `{ $code }` { $count ->
        [one] finding
       *[other] findings
    } in this file
findings-capped-help = cxc shows the first { $limit ->
        [one] finding
       *[other] { $limit } findings
    } of a code in each file: fix those first, or show more with `--max-findings`

## Channels

unattended-channel = channel `{ $channel }` is a { $kind } channel marked `self_service`: customers write or call there and nobody is responsible for answering
unattended-channel-help = remove `self_service` and give it an `owner` and `hours` (then an answer target in the SLAs), or make it a `portal` if customers only help themselves there
preferred-channel-not-offered = customer type `{ $customer_type }` is steered to channel `{ $channel }`, but none of its segments ({ $segments }) are offered it
preferred-channel-not-offered-help = add `{ $channel }` to the `channels` of a segment with this type, or prefer a channel they have
sla-beyond-channel-hours = SLA `{ $sla }` counts on calendar `{ $calendar }` while channel `{ $channel }` is closed (its hours `{ $hours }`), e.g. { $day } { $from }–{ $to } { $clock }: the target runs when nobody can answer: a contact made then waits until the channel opens, and the target's clock counts the wait
hours-uncovered = channel `{ $channel }` is open (calendar `{ $calendar }`) while none of the queues that take it is worked ({ $queues }), { $clock }: { $when } — a contact made then waits until a team comes to work, and TaskRouter may cancel it first
hours-uncovered-segments = channel `{ $channel }` is open (calendar `{ $calendar }`) while none of the queues that take { $count ->
        [one] segment
       *[other] segments
    } { $segments } is worked ({ $queues }; a queue that names other segments does not take theirs), { $clock }: { $when } — a contact made then waits until a team comes to work, and TaskRouter may cancel it first
uncovered-stretch = { $when }{ $season ->
        [winter] {" "}in winter
        [summer] {" "}in summer
       *[both] {""}
    } ({ $closed })
uncovered-always = at every hour it is open
uncovered-daily = every day from { $from } to { $to }{ $overnight ->
        [0] {""}
       *[other] {" "}the next day
    }
uncovered-days = on { $days } from { $from } to { $to }{ $overnight ->
        [0] {""}
       *[other] {" "}the next day
    }
uncovered-weekly = every week from { $day } { $from } to { $until } { $to }
uncovered-on-date = on { $day } from { $from } to { $to }
uncovered-on-dates = every day from { $first } to { $last }, from { $from } to { $to }{ $overnight ->
        [0] {""}
       *[other] {" "}the next day
    }
uncovered-once = from { $day } { $from } to { $until } { $to }
uncovered-more = and { $count ->
        [one] one more stretch
       *[other] { $count } more stretches
    } on dates of their own
clock-of-calendar = on the clock of `{ $calendar }` ({ $zone })
clock-of-calendar-home = on the clock of `{ $calendar }`, { $zone } (the calendar names no zone: it is read in the home zone)
clock-of-calendar-utc = on the clock of `{ $calendar }`, UTC (no calendar names a zone)
weekdays-range = { $from }–{ $to }
weekdays-and = { $head } and { $last }
weekdays-comma = { $head }, { $rest }
hours-uncovered-help = give a queue of `{ $channel }` to a team whose `hours` cover that time (or give the queue such `hours`), or close the channel then (its `hours`)
sla-beyond-channel-hours-help = count the target on the channel's hours (`hours { $hours }`), or open `{ $channel }` for as long as the SLA promises
weekday-on-date = { $day } { $date }
weekday = { $day ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    }
invalid-timezone = calendar `{ $calendar }` names the time zone "{ $zone }", which is not in the IANA database
invalid-timezone-queue = queue `{ $queue }` says its forecast is written in the time zone "{ $zone }", which is not in the IANA database
invalid-timezone-suggest = did you mean "{ $zone }"? Write the IANA name: `timezone "{ $zone }"`
invalid-timezone-help = write an IANA name such as "Europe/Moscow" or "America/New_York" (abbreviations like MSK or PST are not zones: they do not say when daylight saving changes)
channel-not-offered = step `{ $step }` of journey `{ $journey }` happens on channel `{ $channel }`, but none of the segments the journey serves are offered it
channel-not-offered-help = add `{ $channel }` to the `channels` of the journey's segments, or use a channel they have
queue-channel-not-offered = queue `{ $queue }` takes segment `{ $segment }` on channel `{ $channel }`, but `{ $segment }` does not list `{ $channel }` in its `channels`: none of its contacts come there, so the queue gets no target and no routing for it
queue-channel-not-offered-help = add `{ $channel }` to the `channels` of `{ $segment }`, or take `{ $segment }` out of the queue's `segments`

## Promises

promise-without-remedy = promise `{ $promise }` says nothing about what happens when it is broken
promise-without-remedy-help = add `on_breach` with the remedies, e.g. `on_breach apologize, compensate "10% off"`
promise-exceeds-sla-no-target = promise `{ $promise }` is made to segment `{ $segment }` on channel `{ $channel }`, but no SLA of that segment sets an answer or first-response target for the channel
promise-exceeds-sla = promise `{ $promise }` tells segment `{ $segment }` { $within } on channel `{ $channel }`, but the internal target there is longer than the promise: { $target }
promise-exceeds-sla-no-target-help = add a target for `{ $channel }` to the SLA of `{ $segment }` at least as fast as the promise
promise-exceeds-sla-help = make the internal target at least as fast as the promise (within { $within } or less), or promise { $target }
promise-exceeds-sla-clock-help = count the target on the promise's clock (the same `hours`), or make it fast enough to last no more than { $within } there, or promise { $longest }
target-on-promise-clock = on the promise's clock ({ $promise }) it can last up to { $longest } ({ $target } counted { $own })
clock-calendar = on calendar `{ $calendar }`
clock-around = around the clock
clock-never-ends = forever (its calendar never opens)
promised-journey = journey `{ $journey }`
promised-journey-part = journey `{ $journey }` from `{ $from }` to `{ $to }`
promised-journey-to-end = journey `{ $journey }` from `{ $from }` to its end
journey-own-target = its own target of { $target }
journey-step-deadlines = step deadlines of { $total } along { $steps }
promise-exceeds-journey-no-deadline = promise `{ $promise }` times { $part } at { $within }, but the journey sets no deadline there to back it
promise-exceeds-journey-no-deadline-help = give the journey a `within`, or its steps their `within` deadlines, that fit the promise
promise-exceeds-journey = promise `{ $promise }` tells customers { $within } for { $part }, but the journey allows { $allowed }
promise-exceeds-journey-help = promise { $time } or more, or shorten the journey's deadlines to fit { $within }
breach-without-explanation = promise `{ $promise }` pays for a breach but neither apologizes nor explains it
breach-without-explanation-help = add `apologize` and `explain` to `on_breach`: the customer is told what went wrong, then compensated
promise-clock = promise `{ $promise }` is counted on calendar `{ $calendar }`, which stops outside its opening hours, but says plain time ({ $within }): a customer who asks just before closing expects an answer { $within } later, not the next working day
promise-clock-help = say in the wording that the time counts only while calendar `{ $calendar }` is open — for this promise "within { $business }, counted only while we are open" and the hours themselves — or count the promise around the clock: give it `hours` of a calendar open 24x7 (its own `hours` go over its channel's)
promise-clock-holidays = promise `{ $promise }` is counted on calendar `{ $calendar }`, which is open around the clock but stops on its holidays ({ $holidays }), yet says plain time ({ $within }): a customer who asks the day before a holiday expects an answer { $within } later, not after the holiday
promise-clock-holidays-help = say it in the wording ("within 4 hours, except public holidays"), or back the promise with a 24x7 calendar that has no holidays
promise-below-keep-rate = promise `{ $promise }` (within { $within }) is backed for `{ $segment }` by `{ $sla }`'s { $percent } within { $target }, which guarantees the promised time for only { $percent } of contacts: up to { $rest } are promised a time nothing in the standards guarantees them ({ $percent } is the floor the SLA holds, not what happens; `cxc measure` calls a promise kept for fewer than { $rate } broken)
promise-below-keep-rate-help = to guarantee the promise, add a target for at least { $rate } of contacts no slower than { $within } (e.g. `answer { $channel } { $rate } within { $written }` beside the { $percent } line), or promise a time such a target meets; if the share guaranteed is enough, measure how often the promise is kept (`cxc measure`) and set `measure.promise_keep_rate` in cxc.yaml to the share you accept

## Clocks

limit-as-written = { $limit }
limit-working-days = { $limit } (up to { $longest } of running time)
limit-working-days-shortest = { $limit } (as little as { $shortest } for a case that starts just before midnight)
day-on-business-clock = `{ $limit }` runs on calendar `{ $calendar }`, which is not open around the clock: there it is { $hours } hours of opening time ({ $equivalent }), not { $limit } on the wall calendar
day-on-business-clock-days = { $days ->
        [one] ≈ 1 working day of { $day } h
       *[other] ≈ { $days } working days of { $day } h
    }
hover-working-days = `{ $limit }`: { $days } of calendar `{ $calendar }`, due at the close of the last, the day it starts not counted — { $shortest } to { $longest } of opening time, by when it starts
hover-working-days-wall = `{ $limit }`: { $days }, every day counted, due at midnight after the last, the day it starts not counted — { $shortest } to { $longest }, by when it starts
hover-days-on-business-clock = `{ $limit }`: { $hours } of opening time of calendar `{ $calendar }`, which stops after hours — not { $limit } on the wall calendar
day-on-business-clock-never = a time that never runs out: the calendar never opens
day-on-business-clock-help = for working days write `{ $working_days }` (due at the close of the last one); to keep this much opening time, write it in hours: `{ $hours }`
day-on-business-clock-help-promise = for working days write `{ $working_days }` (due at the close of the last one); to keep this much opening time, write it in hours: `{ $hours }`; for calendar days (a legal term such as 30 days), count the promise on a calendar open around the clock: `hours CALENDAR` on the promise, over its channel's
clock-wall = on the wall clock
working-days-on-wall-clock = `{ $limit }` runs { $clock }, around the clock every day: there every day is an opening day, so it means { $days ->
        [one] { $days } calendar day
       *[other] { $days } calendar days
    } (due at midnight at the end of day { $days } after the start), not { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } of an office
working-days-on-wall-clock-help = to count working days, give it a calendar with opening hours (`hours office`, a calendar whose `open` lists the working days); for calendar days write `{ $days }d`
working-days-on-wall-clock-help-wall = journeys, their steps, promises over a journey and agreements run on the wall clock and take no `hours`: write `{ $days }d` for { $days ->
        [one] { $days } day
       *[other] { $days } days
    } from the start, or set the working-day deadline where a calendar counts it (an SLA's `resolution`, a complaint's `resolve`)
short-working-day = calendar `{ $calendar }` is open only { $open } on { $day } ({ $windows }), against { $usual } on its usual day, yet any opening makes { $day } a whole working day: `{ $limit }` on this calendar{ $more ->
        [0] {""}
        [one] {" "}(and one more working-day timer)
       *[other] {" "}(and { $more } more working-day timers)
    } can fall due at { $day } { $close }, after just those { $open }
short-working-day-help = if { $day } is not a working day for these deadlines, count them on a calendar without that opening (give the SLA or complaint rule other `hours`) or write them in hours; if it is, say that { $day } counts as a working day wherever the deadline is written for people

## Complaints

complaint-without-escalation = complaint rule `{ $complaint }` has no escalation ladder
complaint-without-escalation-help = add `escalate after TIME to ROLE` for when the owner cannot resolve it in time
complaint-without-feedback = complaint rule `{ $complaint }` does not require telling the customer the outcome
complaint-without-feedback-help = add `feedback required`: the customer is told what was done about the complaint
right-conflict = complaint rule `{ $complaint }` lets role `{ $role }` compensate { $written ->
        [none] with no limit
       *[other] "{ $grants }"
    } without approval, but the role's own right caps compensation: "{ $right }"
right-conflict-help = state the amount of the compensation within the cap, or change the right of `{ $role }`: its job description would say both
right-conflict-role = role `{ $role }`, whose right caps compensation
acknowledge-after-resolve = complaint rule `{ $complaint }` allows { $acknowledge } to acknowledge but only { $resolve } to resolve
acknowledge-after-resolve-help = acknowledge first (usually within hours), resolve after: check whether the two times are swapped
escalation-after-deadline = complaint rule `{ $complaint }` escalates to `{ $to }` after { $after }, when its { $resolve } to resolve are already over
escalation-after-deadline-help = escalate before the deadline and after the rung before, e.g. `escalate after { $time } to { $to }`, so there is time to help
escalation-after-deadline-remove = the rung before already escalates no earlier than the deadline: remove the escalation to `{ $to }`, or move the rung before earlier
escalation-out-of-order = complaint rule `{ $complaint }` escalates to `{ $to }` after { $after }, no later than to `{ $earlier_to }` after { $earlier_after } on the rung before
escalation-out-of-order-help = order the ladder by time, each rung later than the one before: the first line's lead first, the director last
complaint-incomplete-times = complaint rule `{ $complaint }` has { $missing }: { $what ->
        [resolve] nobody knows by when the complaint is resolved
       *[other] nobody knows by when the customer hears back
    }
complaint-incomplete-times-help = { $what ->
        [acknowledge] add `acknowledge within …` (the first reply, e.g. 1h)
        [resolve] add `resolve within …` (the outcome, e.g. 3d)
       *[both] add `acknowledge within …` (the first reply, e.g. 1h) and `resolve within …` (the outcome, e.g. 3d)
    }
complaint-missing-both = no `acknowledge` and no `resolve` time
complaint-missing-acknowledge = no `acknowledge` time
complaint-missing-resolve = no `resolve` time
complaint-incomplete-remedy = complaint rule `{ $complaint }` has severity { $severity } but no remedy beyond words: an apology or an explanation repairs nothing
complaint-incomplete-remedy-help = add a remedy that repairs the harm: `redo`, `refund`, `compensate "…"` or `escalate ROLE`
escalation-downward = complaint rule `{ $complaint }` escalates to `{ $to }`, who reports to { $owner ->
        [owner] its owner
       *[other] the previous rung
    } `{ $boss }`: the complaint goes down the line, not up
escalation-downward-help = escalate to someone `{ $boss }` reports to, or remove the rung: the receiver must be able to decide what `{ $boss }` could not

## Review

stale-review = the standards were last reviewed on { $reviewed }; the next review was due on { $due }, { $days ->
        [one] 1 day
       *[other] { $days } days
    } ago
stale-review-future = the standards say they were last reviewed on { $reviewed }, after today ({ $today }): a review that has not happened yet cannot be the last one, and the review cadence is never checked against it
stale-review-future-help = write the date of the last review that took place (`--today DATE` fixes today for reproducible CI)
stale-review-help = review the standards against current volumes, channels and promises, then update `reviewed`
review-cadence-missing = the standards say nothing about how often they are reviewed
review-cadence-no-date = the standards have a review cadence but no date of their last review
review-cadence-rare = the standards are reviewed every { $count } { $unit }, less often than once a year
review-cadence-help = add `review every 6 months` (at most 12 months) and `reviewed YYYY-MM-DD` with the date of the last review

## Organisation

missing-owner = { $what } has no owner
missing-owner-help = add `owner TEAM` or `owner ROLE`: someone must be accountable for it
the-step = step `{ $step }` of journey `{ $journey }`
the-complaint = complaint rule `{ $complaint }`
the-channel = channel `{ $channel }`
reports-to-self = role `{ $role }` reports to itself
reports-to-cycle = roles report to each other in a circle: { $roles }
reports-to-cycle-help = remove one `reports_to` so that the line ends at a role that reports to nobody in the spec
escalation-to-self = escalation leads from { $party } back to { $party }
escalation-cycle = escalations lead in a circle between { $parties }: a complaint can be escalated back to where it was
escalation-cycle-help = each rung of an escalation ladder should go up: escalate to someone with more authority who does not escalate back
role-without-duties = role `{ $role }` has no duties
role-without-duties-help = add at least one `duty "..."` saying what the role is there to do; it goes into the job description

## Tiers

tier-answered = answered on `{ $channel }`
tier-first-response = given a first response on `{ $channel }`
tier-resolved-on = resolved on `{ $channel }`
tier-resolved = resolved
tier-inversion = tier-{ $tier } segment `{ $segment }` is { $what } { $target }, a weaker target than tier-{ $worse_tier } segment `{ $worse }` ({ $worse_target })
tier-inversion-help = give `{ $segment }` a target at least as strict as { $target } (the better tier waits least), or revisit the tiers
tier-target = within { $within }
tier-target-percent = { $percent } within { $within }
tier-wall-at-least = { $target }: at least { $wall } of wall-clock time on its SLA's hours
tier-wall-at-most = { $target }: at most { $wall } of wall-clock time on its SLA's hours
pareto-mismatch = tier-{ $tier } segment `{ $segment }` brings { $revenue } of revenue from { $share } of customers ({ $ratio }× per customer), less per customer than tier-{ $worse_tier } segment `{ $worse }` ({ $worse_ratio }×)
pareto-mismatch-help = check the `share` and `revenue` figures; if they hold, `{ $worse }` deserves the better tier
tier-without-value = tier-{ $tier } segment `{ $segment }` has an average check of { $check }, below tier-{ $worse_tier } segment `{ $worse }` ({ $worse_check }): the tiers do not follow what customers are worth
tier-without-value-queue = tier-{ $tier } segment `{ $segment }` has an average check of { $check }, below tier-{ $worse_tier } segment `{ $worse }` ({ $worse_check }), whose customers wait with its own in queue `{ $queue }`: the tiers do not follow what customers are worth
tier-without-value-help = check the `average_check` figures (or give `share` and `revenue`); if they hold, `{ $worse }` deserves the better tier
tier-without-value-figure = tier-{ $tier } segment `{ $segment }` gives no value figure, while other segments do (`{ $example }`): nothing says why it has this tier
tier-without-value-figure-help = give the segment `share` and `revenue`, or `average_check`, so its tier can be held against its value

## Handoffs

handoff-step = journey `{ $journey }` (step `{ $from }` → `{ $to }`)
handoff-escalation = complaint rule `{ $complaint }` (escalation to `{ $to }`)
missing-agreement = { $via } passes work from team `{ $from }` to team `{ $to }`, but no agreement covers this handoff{ $more ->
        [0] {""}
        [one] {" "}(one more handoff between them follows)
       *[other] {" "}({ $more } more handoffs between them follow)
    }{ $reverse }
missing-agreement-reverse = ; agreement `{ $agreement }` covers `{ $to }` → `{ $from }`, nothing covers `{ $from }` → `{ $to }` (an agreement runs one way: work its consumer hands to its provider)
missing-agreement-help = declare `agreement { $to }_{ $infix }_{ $from } {"{"} provider { $to }; consumer { $from }; respond within ... {"}"}`
handoff-step-work = { $via } must be done within { $time } once `{ $to }` has it
handoff-escalation-work = { $via } leaves `{ $to }` { $time } before the complaint's deadline
handoff-escalation-work-hours = { $via } leaves `{ $to }` as little as { $time } of wall-clock time before the complaint's deadline (both counted on its hours, the agreement on the wall clock)
complaint-acknowledge-work = complaint rule `{ $complaint }`, owned by `{ $team }`, must be acknowledged within { $within }
complaint-acknowledge-work-hours = complaint rule `{ $complaint }`, owned by `{ $team }`, must be acknowledged within { $within } on its hours: as little as { $wall } of wall-clock time
complaint-resolve-work = complaint rule `{ $complaint }`, owned by `{ $team }`, must be resolved within { $within }
complaint-resolve-work-hours = complaint rule `{ $complaint }`, owned by `{ $team }`, must be resolved within { $within } on its hours: as little as { $wall } of wall-clock time
agreement-gives-respond = agreement `{ $agreement }` gives team `{ $team }` { $time } to respond
agreement-gives-resolve = agreement `{ $agreement }` gives team `{ $team }` { $time } to resolve
agreement-too-slow = { $gives }, but { $work }{ $more ->
        [0] {""}
        [one] ; one more piece of work needs it faster too
       *[other] ; { $more } more pieces of work need it faster too
    }
agreement-too-slow-help = agree on { $time } or less for this work (a `for SEGMENT` line can set it for the segments concerned), or give the work more time
agreement-too-slow-help-resolve = agree to resolve within { $time } or less, or give the work more time
agreement-tier-inversion = agreement `{ $agreement }` answers tier-{ $tier } segment `{ $segment }` within { $within }, slower than tier-{ $worse_tier } segment `{ $worse }` (within { $worse_within })
agreement-tier-inversion-general = agreement `{ $agreement }` answers tier-{ $tier } segment `{ $segment }` within { $within }, slower than its general line for everyone else (within { $general })
agreement-tier-inversion-help = give the better tier a time no longer than any other line of the agreement: the priority a customer earns at the front line must hold behind it

## Journeys

journey-without-start = journey `{ $journey }` has no `start`, so no step can be reached
journey-without-start-help = name the first step with `start STEP`
effort-and-dropoff = customers rate its effort { $effort } of 5 and { $dropoff } of them drop off there
effort = customers rate its effort { $effort } of 5
dropoff = { $dropoff } of customers drop off there
high-effort-step = step `{ $step }` of journey `{ $journey }` hurts: { $measured }
high-effort-step-help = simplify the step (fewer forms, no repeated questions, one contact), then measure again; the journey map highlights it
dead-end = step `{ $step }` of journey `{ $journey }` leads nowhere: it has no `next` and is not an `end`
dead-end-help = add `next STEP` for where the customer goes from here, or `end "outcome"` if the journey finishes here
same-branch-label = step `{ $step }` of journey `{ $journey }` has two ways out labelled "{ $label }" ({ $first } and { $second }): the map's arrows, the BPMN gateway's flows and the agent at the step cannot tell which way the customer goes
same-branch-label-help = give each way out its own label, saying what sends the customer there; if both lead to the same place, keep one of them
unreachable-step = step `{ $step }` of journey `{ $journey }` cannot be reached from the start `{ $start }`
unreachable-step-help = add `next { $step }` to the step that should lead here, or remove the step
no-exit-self = step `{ $step }` of journey `{ $journey }` leads only back to itself: the customer can never reach an end
no-exit = steps { $steps } of journey `{ $journey }` form a loop with no way out: no `end` can be reached from them
no-exit-help = give one of these steps a `next` that leaves the loop (e.g. `next done when "approved"`), or an `end`
channel-switch = step `{ $step }` is self-service only, but the next step `{ $next }` offers no self-service channel: the customer has to switch channels
channel-switch-help = offer `{ $next }` in a self-service channel too, or contact the customer proactively instead of making them call
elided-more = … ({ $more } more) …
hot-potato = in journey `{ $journey }` the customer is passed between teams { $changes } times on the way to `{ $end }` ({ $teams }); the limit is { $limit }
hot-potato-help = let one team own the customer-facing steps (one-stop service) and move other teams' work to back-office steps without a channel
journey-target = its target of { $target }
segment-resolution-target = the resolution target of { $target } for segment `{ $segment }`
segment-resolution-target-wall = the resolution target of { $target } for segment `{ $segment }`: on its SLA's hours it can end as soon as { $wall } after it starts
deadline-exceeds-target = step deadlines in journey `{ $journey }` add up to { $total } of wall-clock time along { $steps }, more than { $target }
deadline-exceeds-target-help = shorten the step deadlines on this path, or make the journey's `within` match what the steps can deliver

## Coverage

segment-without-sla = segment `{ $segment }` is covered by no SLA
segment-without-sla-help = declare `sla { $segment }_sla for { $segment } {"{"} ... {"}"}` with its answer and resolution targets, or add `{ $segment }` to an existing SLA's `for` list
channel-without-target = segment `{ $segment }` is offered channel `{ $channel }`, but its SLA sets no answer or first-response target for it
channel-without-target-help = add e.g. `{ $example }` to the segment's SLA, or stop offering the channel
channel-without-resolution = segment `{ $segment }` has a resolution target without a channel in SLA `{ $general }`, but none on channel `{ $channel }`: SLA `{ $owner }` names the channel, so by the rule of governance the channel is that SLA's, and it sets no resolution there — Zendesk, `cxc measure` and the dbt project hold no resolution target on the channel's tickets
channel-without-resolution-help = add `resolution { $channel } within ...` to SLA `{ $owner }`, or put the channel's targets back into `{ $general }`
sla-channel-not-offered = `{ $sla }` sets the target `{ $kind } { $channel }` for `{ $segment }`, which does not list `{ $channel }` in its `channels`: the target does not apply to it
sla-channel-not-offered-help = add `{ $channel }` to the `channels` of `{ $segment }`, or move the target to an SLA of the segments that use the channel
share-over-100 = the segments' `{ $field }` figures add up to { $total }, more than 100% ({ $parts })
share-over-100-help = the segments' `{ $field }` figures divide one whole; correct them so they total 100% or less
too-many-tiers = a caller of channel `{ $channel }` can land in { $count } queue priority levels (tiers { $tiers }{ $untiered ->
        [yes] , and segments without a tier
       *[no] {""}
    }{ $arrival ->
        [yes] , and the one priority of an `order arrival` queue
       *[no] {""}
    }); more than { $limit } cannot be staffed and explained
too-many-tiers-help = merge neighbouring tiers so that at most { $limit } remain
mixed-tier-queue = queue `{ $queue }` serves segments of different tiers ({ $tiers })
mixed-tier-queue-help = one queue's people serve every tier in it: the TaskRouter export gives the better tier the higher task priority, so at busy times the lower tier waits behind every better-tier task (a Zendesk view, which does not route by priority, serves them all in turn); if that is the design (a centre that takes every tier in its shift), write `order tier` in the queue to say so; where each tier must keep its own target, give it its own queue; where every customer must wait only their turn (a clinical or safety line), write `order arrival`
unused = { $kind ->
        [customer_type] customer type
       *[other] { $kind }
    } `{ $name }` is declared but never used
unused-help = { $kind ->
        [segment] list the channels these customers use, or give them an SLA, a queue or a promise; delete `{ $name }` only if the company no longer serves them
       *[other] reference `{ $name }` where it applies, or delete the declaration
    }

## cxc.yaml

did-you-mean = did you mean `{ $name }`?
look-alike-letter = `{ $letter }` (letter { $position })
look-alike-letters = { $first }, { $rest }
look-alike-help = `{ $name }` has the { $script ->
        [latin] Latin
       *[cyrillic] Cyrillic
    } { $count ->
        [one] letter { $letters }; in `{ $suggestion }` it is
       *[other] letters { $letters }; in `{ $suggestion }` they are
    } { $script ->
        [latin] Cyrillic
       *[cyrillic] Latin
    }: the names look the same but are different names
mixed-script-name = the name `{ $name }` mixes alphabets: the { $script ->
        [latin] Latin
       *[cyrillic] Cyrillic
    } { $count ->
        [one] letter { $letters }
       *[other] letters { $letters }
    } among { $script ->
        [latin] Cyrillic
       *[cyrillic] Latin
    } ones
mixed-script-name-help = type { $count ->
        [one] it
       *[other] them
    } in the { $script ->
        [latin] Cyrillic
       *[cyrillic] Latin
    } layout, `{ $meant }`, here and wherever the name is used: the two look the same, but the name typed anew would not match this one
mixed-script-name-help-words = if these are two words, part them with `_` (as in `чат_VIP`); otherwise write the word in one alphabet: `{ $name }` cannot be typed without switching the keyboard layout mid-word
config-not-yaml = cxc.yaml is not valid YAML: { $error }
config-not-yaml-help = check the indentation and the `key: value` form
config-not-mapping = cxc.yaml must be a mapping with `rules:` and `thresholds:`
config-not-mapping-help = e.g. `rules:` with `unused: off` under it; `cxc help language` lists every setting
config-section = section
config-rule = rule
config-threshold = threshold
config-limit = limit
config-export = export
config-effort-threshold = threshold of high-effort-step
config-ids = the ids of `{ $name }` under `{ $key }` must be whole numbers
config-ids-help = copy them from Zendesk, e.g. `{ $name }: [360001234567]`
config-id-lists = `{ $key }` must map names to lists of Zendesk ids
config-id-lists-help = e.g. `{ $key }:` with `vip: [360001234567]` under it
config-task-timeout = `task_timeout` must be a whole number of seconds from 1 to { $max }
config-task-timeout-help = write the `Timeout` your tasks are created with, e.g. `task_timeout: 172800` for two days
config-zendesk-setting = zendesk setting
config-taskrouter-setting = taskrouter setting
config-unknown = unknown { $what } `{ $name }` in cxc.yaml
config-known = known: { $known }
config-rule-list = run `cxc explain` for the list of rules
config-rules-not-mapping = `rules` must map rule codes to off, warning or error
config-rules-not-mapping-help = e.g. `rules:` with `unused: off` under it
config-severity = the severity of `{ $rule }` must be off, warning or error
config-severity-help = e.g. `unused: off`
config-threshold-number = the threshold `{ $threshold }` must be a whole number from 0 to 4,294,967,295
config-number-out-of-range = `{ $key }` in cxc.yaml is a number out of range: no setting holds a whole number below −9,223,372,036,854,775,808 or above 18,446,744,073,709,551,615
config-number-out-of-range-help = write the value the setting takes; `cxc help language` gives each setting's form and range
config-threshold-number-help = e.g. `hot-potato: 3`
config-file-size-max = `file_size` can be at most { $max }: a spec file is read whole
config-file-size-max-help = e.g. `file_size: 1GB`
config-file-size = `file_size` must be a size such as 64MB, 512KB or a number of bytes
config-file-size-help = e.g. `file_size: 64MB`
config-findings-limit = `findings_per_code` must be a whole number from 1
config-findings-limit-help = e.g. `findings_per_code: 20`; it can only lower the run's limit (100, or `--max-findings`)
config-effort-not-mapping = `high-effort-step` takes `effort` and `dropoff`
config-effort-not-mapping-help = e.g. `high-effort-step: {"{"} effort: 4, dropoff: 30% {"}"}`
config-agreement-scope = `missing-agreement` takes `all` (every handoff between teams) or `tier-1` (only work for tier-1 segments)
config-agreement-scope-help = e.g. `missing-agreement: tier-1`
config-duplicate-key = `{ $key }` is written twice in the same mapping (lines { $first } and { $second }): a YAML reader keeps only the last, so the file is not used
config-duplicate-key-line = `{ $key }` is written twice in the same mapping (line { $first }, columns { $first_column } and { $second_column }): a YAML reader keeps only the last, so the file is not used
config-duplicate-key-help = keep one `{ $key }` and delete the other
config-duplicate-key-first = `{ $key }` first written here
config-effort = the effort threshold is a number from 1 to 5
config-effort-help = e.g. `effort: 4`
config-dropoff = the drop-off threshold is a percentage from 0% to 100%
config-dropoff-help = e.g. `dropoff: 30%`
config-queues = `queues` must map queue ids to TaskRouter queue SIDs
config-queues-help = e.g. `queues:` with `vip_line: WQ0123456789abcdef0123456789abcdef` under it
config-text = `{ $key }` must be a text
config-text-help = write it in quotes if in doubt
config-shape = `{ $key }` is not { $shape }: `{ $value }`
shape-attribute = a task attribute name (letters, digits, `_`, joined by `.`)
shape-zendesk-field = a Zendesk condition field name (letters, digits and `_`)
shape-queue-sid = a TaskQueue SID (`WQ` and 32 hexadecimal digits)
shape-export-name = a name for the exports (lower-case letters, digits and `_`; TaskRouter allows no hyphen)
shape-attribute-help = e.g. `segment_attribute: segment` or `customer.segment`
shape-zendesk-field-help = e.g. `segment_field: current_tags` or `organization_id`
shape-queue-sid-help = copy the SID from the TaskQueue's page in the Twilio Console, e.g. WQ0123456789abcdef0123456789abcdef
shape-export-name-help = e.g. `key-accounts: key_accounts`

## Files

cannot-read = cannot read { $file }: { $error }
cannot-write = cannot write { $file }: { $error }
fmt-cannot-help = cxc fmt formats regular files inside the folders it is given

## Names

duplicate = { $kind } `{ $name }` is defined twice
duplicate-declaration = `{ $kind }` is defined twice
duplicate-step = step `{ $step }` is defined twice in journey `{ $journey }`
first-defined-here = first defined here
duplicate-help = each { $kind } needs its own identifier; rename one of them or merge the two
wrong-kind = `{ $name }` is a { $kind }, but a { $wanted } is needed here
wrong-kind-help = name a { $wanted } here
unknown-reference = unknown { $wanted } `{ $name }`
unknown-reference-help = declare it, e.g. `{ $kind } { $name } {"{"} ... {"}"}`, or correct the name
given-twice = `{ $keyword }` is given twice in { $kind } `{ $name }`
given-twice-in = `{ $keyword }` is given twice in the { $kind }
first-given-here = first given here
given-twice-help = keep one `{ $keyword }` statement; the second would silently override the first
name-a-step = name a step of journey `{ $journey }`
no-such-step = journey `{ $journey }` has no step `{ $step }`
no-such-step-help = steps are referenced within their journey; declare `step { $step } {"{"} ... {"}"}` in journey `{ $journey }`
not-a-currency = `{ $code }` is not a currency code
not-a-currency-help = write the ISO 4217 code in capitals, e.g. `currency EUR`, `currency RUB` or `currency USD`
promise-hours-on-journey = promise `{ $promise }` is about journey `{ $journey }`, which runs on the wall clock: it takes no `hours`
promise-hours-on-journey-help = remove `hours`; a promise about a journey counts every day around the clock, as the journey's steps do (write `5d`, not `5wd`); `hours` is for a promise on a channel
date-closed-and-open = calendar `{ $calendar }` is both closed and open on { $date }
date-closed-and-open-help = a date is either a holiday (`closed`) or a day with its own hours (`open { $date } 09:00-18:00`): remove one of them; until then the date is closed
step-in-two-phases = step `{ $step }` is already in another phase of journey `{ $journey }`
listed-here-first = listed here first
step-in-two-phases-help = a step belongs to one phase: remove it from one of the two

## Exports

export-conflict = { $kind } `{ $first }` and { $kind } `{ $second }` would both be `{ $value }` in the Zendesk and TaskRouter exports, so one would receive the other's contacts
export-conflict-label = this one has the name already
export-conflict-help = rename one of them, or give each its own value under `exports.{ $kind }s` in cxc.yaml
zendesk-time-zone = Zendesk has no time zone matching `{ $zone }`; the schedule for calendar `{ $calendar }` is written with the IANA name, which Zendesk may refuse
zendesk-time-zone-help = use an IANA time zone Zendesk knows (e.g. "Europe/Berlin"), or set the schedule's zone by hand in Zendesk
zendesk-dated-hours = a Zendesk schedule has a week and whole-day holidays only: the hours calendar `{ $calendar }` keeps on { $dates } are left out of its schedule, and Zendesk counts those dates on their weekday's hours
zendesk-dated-hours-help = in Zendesk, adjust the schedule by hand for those dates (or count tickets on them apart); `cxc measure` and the dbt project count them as the calendar says
zendesk-shared-via = the tickets of channel `{ $channel }` and of channel `{ $other }` both arrive through via_id { $via }: a Zendesk policy cannot tell them apart, so the first policy that names it takes both, and the targets of the policy after it never apply to them
zendesk-shared-via-several = the tickets of channel `{ $channel }` and of channels { $others } all arrive through via_id { $via }: a Zendesk policy cannot tell them apart, so the first policy that names it takes them all, and the targets of the policies after it never apply to them
zendesk-shared-via-wins = Zendesk: the tickets of channel `{ $channel }` and of channel `{ $other }` both arrive through via_id { $via }, and no policy can tell them apart: the first policy that names it, channel `{ $winner }`'s, takes both and gives them { $won }; `{ $loser }`'s own targets ({ $lost }) never apply; { $order }
zendesk-shared-via-many = Zendesk: the tickets of channels { $channels } all arrive through via_id { $via }, and no policy can tell them apart: the first policy that names it, channel `{ $winner }`'s, takes them all and gives them { $won }; the others' own targets never apply ({ $lost }); { $order }
zendesk-mark-shared = Zendesk: channel `{ $loser }` is given { $mark } in cxc.yaml (`{ $map }`), as channel `{ $winner }` is, and both arrive through one via_id: nothing tells those tickets apart, so `{ $winner }`'s policy, which comes first (its targets are the sooner, or neither is), takes them and gives them { $won }; `{ $loser }`'s own targets do not apply to them
zendesk-mark-form = ticket form { $id }
zendesk-mark-brand = brand { $id }
zendesk-mark-tag = the tag `{ $tag }`
zendesk-mark-shared-help = give each channel a ticket form, brand or tag of its own under `{ $map }`, one no other channel of its via_id has; a ticket form or brand that files tickets of both channels cannot tell them apart, a tag a trigger sets on one channel's tickets can
zendesk-channel-tag-segment = Zendesk: channel `{ $channel }`'s tag `{ $tag }` (`exports.zendesk.channel_tags`) is segment `{ $segment }`'s tag: the channel's policies would require that tag twice, match every `{ $segment }` ticket of its via_id whatever channel it came from, and take the other channels' tickets
zendesk-channel-tag-segment-help = give channel `{ $channel }` a tag no segment (and no other channel) has, one a trigger sets only on that channel's tickets
zendesk-shared-via-lost = `{ $loser }`'s: { $lost }
zendesk-channels-and = { $first } and { $last }
zendesk-targets-both = { $reply }, { $resolution }
zendesk-shared-via-sooner = where the targets differ, the policy with the sooner ones comes first, so no ticket gets a later target than it may be owed
zendesk-shared-via-when = neither channel's { $metric } always ends first: on the wall clock `{ $winner }`'s ({ $won }) takes { $won_takes } and `{ $loser }`'s ({ $lost }) { $lost_takes }, the most when a ticket comes in as its calendar closes; the one whose calendar is closed when a ticket comes in falls behind, so some of `{ $loser }`'s tickets get a later { $metric } than their own (the policy with the smaller figure comes first)
zendesk-shared-via-when-never = neither channel's { $metric } always ends first: `{ $winner }`'s ({ $won }) and `{ $loser }`'s ({ $lost }) count on different calendars, one of which never opens (the policy with the smaller figure comes first)
zendesk-shared-via-later = `{ $winner }`'s { $metric } ({ $won }) always ends after `{ $loser }`'s ({ $lost }), so `{ $loser }`'s tickets get the later { $metric }
zendesk-shared-via-lacks = `{ $winner }`'s policy sets no { $metric } target, so `{ $loser }`'s tickets lose theirs ({ $lost })
zendesk-metric-reply = first reply
zendesk-metric-resolution = resolution
zendesk-target-reply = first reply { $time }
zendesk-target-resolution = resolution { $time }
zendesk-no-targets = no target of its own
zendesk-shared-via-help-form = tell them apart in cxc.yaml (`exports:`, `zendesk:`): give channel `{ $channel }` its ticket form's id (`ticket_forms:` with `{ $channel }: [360001234567]` under it), or, if its form files tickets through the API, that via id (`via_ids:` with `{ $channel }: [5]`); otherwise give them all the same targets
zendesk-shared-via-help-tag = tell them apart in cxc.yaml (`exports:`, `zendesk:`): give channel `{ $channel }` a tag a trigger sets on its tickets (`channel_tags:` with `{ $channel }: { $channel }` under it), or its brand's id (`brands:` with `{ $channel }: [360001234567]`); otherwise give them all the same targets
zendesk-shared-via-help-form-many = tell them apart in cxc.yaml (`exports:`, `zendesk:`): give each of channels { $channels } its ticket form's id (`ticket_forms:` with `{ $channel }: [360001234567]` under it, and so on), or, if its form files tickets through the API, that via id (`via_ids:` with `{ $channel }: [5]`); otherwise give them all the same targets
zendesk-shared-via-help-tag-many = tell them apart in cxc.yaml (`exports:`, `zendesk:`): give each of channels { $channels } a tag a trigger sets on its tickets (`channel_tags:` with `{ $channel }: { $channel }` under it, and so on), or its brand's id (`brands:` with `{ $channel }: [360001234567]`); otherwise give them all the same targets
zendesk-organization-missing = Zendesk policies match segments by `organization_id`, but cxc.yaml gives no organization id for segment `{ $segment }`
zendesk-organization-missing-help = add the segment's Zendesk organization id(s) to cxc.yaml under `exports:`, `zendesk:`, `organizations:`, e.g. `{ $segment }: [360001234567]`
wall-time-range = from { $least } to { $most }
wall-time-range-closing = { $range } (the most when the ticket comes in as its calendar closes)
wall-time-exactly = exactly { $time }
zendesk-complaint-clocks = Zendesk: complaint rule `{ $complaint }` gives { $rule_time } on its clock and this SLA { $sla } on another, and neither is always the sooner: on the wall clock the SLA's takes { $sla_takes } and the rule's { $rule_takes }, so the SLA's ends first on some tickets and the rule's on others (the one whose calendar is closed when the ticket comes in falls behind); { $kept ->
        [wall] the complaint's policy for these tickets holds the rule's { $rule_time } in calendar minutes, exactly: a deadline on the wall clock (a legal one) must never fall due in Zendesk later than it does, so the SLA's { $sla } is not held on the tickets where it would end first
       *[shorter] the complaint's policy for these tickets holds the shorter figure, counted on the policy's schedule
    }
zendesk-complaint-clocks-never = Zendesk: complaint rule `{ $complaint }` gives { $rule_time } on its clock and this SLA { $sla } on another, and neither is always the sooner (a calendar that never opens never ends its target); { $kept ->
        [wall] the complaint's policy for these tickets holds the rule's { $rule_time } in calendar minutes, exactly
       *[shorter] the complaint's policy for these tickets holds the shorter figure, counted on the policy's schedule
    }
zendesk-complaint-clocks-help = give the complaint rule the `hours` of the segment's SLA, or a wall-clock target no longer than the SLA's, so that Zendesk can hold the stricter of the two exactly
zendesk-two-schedules = Zendesk policy “{ $policy }”{ $channels } holds a first-reply target counted on calendar `{ $reply }` and a resolution target counted on calendar `{ $resolution }`; a ticket has one schedule, so the policy is put on `{ $reply }` and its resolution time is counted on those hours
zendesk-two-schedules-help = give the segment's SLAs the same `hours` for targets on one channel, or write both targets in one SLA
taskrouter-owner-off-duty = complaint rule `{ $complaint }` ends its TaskRouter escalation with role `{ $role }` ({ $headcount } people) on { $channels }, open longer in a week than they can work: a complaint task that arrives while none of them is on duty waits for them, with no timeout and no later rung, until TaskRouter cancels it ({ $lifetime })
taskrouter-owner-off-duty-help = add a rung after `{ $role }` (`escalate after ... to` a team or role whose team has a queue on the channel), make the role's team the owner, or raise the role's `headcount` to at least { $needed } (people working { $week } hours a week)
taskrouter-no-queue = `{ $party }` has no queue for some of the tasks of complaint rule `{ $complaint }`, so the TaskRouter workflow escalates those no further than the rung before
taskrouter-no-queue-help = give the team of this escalation target a queue for the complaint's segments and channels (`queue ... {"{"} team ... {"}"}`), or escalate in the ticketing system
taskrouter-owner-no-queue = { $kind ->
        [role] team `{ $team }`, where role `{ $owner }` works,
        [teamless-role] role `{ $owner }` belongs to no team and so
       *[team] team `{ $owner }`
    } has no queue for these tasks of complaint rule `{ $complaint }` (segment / channel): { $tasks }; TaskRouter routes them as the segment's other tasks, at the complaint's priority
taskrouter-owner-no-queue-help = give the owner's team a queue that serves the segment on the channel, or handle these complaints in the ticketing system
taskrouter-task-lifetime = complaint rule `{ $complaint }` escalates after { $after }, but TaskRouter cancels a task after { $lifetime }: the workflow's ladder ends at the rung before
taskrouter-task-lifetime-help = if tasks are created with a longer `Timeout`, write it in cxc.yaml (`exports:`, `taskrouter:`, `task_timeout: { $needed }`, the ladder's last rung plus the channel's longest closure, at least an hour); else escalate sooner or in the ticketing system
taskrouter-closed-longer = channel `{ $channel }` is closed for up to { $closed }, from { $from } to { $to } { $clock }, but TaskRouter cancels a task after { $lifetime }: a task created at the closing is cancelled before the line opens
taskrouter-closed-longer-reach = no team of the queues a task on channel `{ $channel }` reaches ({ $queues }) is at work for up to { $closed }, from { $from } to { $to } { $clock }, but TaskRouter cancels a task after { $lifetime }: a task created then is cancelled before anyone can take it
taskrouter-task-lifetime-voice-help = on a voice line a complaint's ladder cannot wait in a call: escalate it in the ticketing system (a ticket the call creates), or escalate sooner
taskrouter-closed-longer-help = create the tasks with a `Timeout` of at least { $needed } seconds (the closure plus the escalation ladder) and write it in cxc.yaml (`exports:`, `taskrouter:`, `task_timeout: { $needed }`); else send tasks that arrive while the line is closed elsewhere (a voicemail or call-back flow)
taskrouter-closed-longer-voice-help = a call cannot wait that long, and no task `Timeout` keeps a caller on the line: have the telephony tell callers of `{ $channel }` that the line is closed and when it opens (and offer a voicemail or call-back request, created as a task of another channel), or open the line or a queue of a team at work then
taskrouter-closed-moment =
    { $day ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
        [sun] Sun
       *[date] { $date }
    } { $time }
taskrouter-other-segments-queue = no queue serves segment `{ $segment }` on channel `{ $channel }`: TaskRouter sends these tasks to `{ $queue }`, which serves the channel for other segments, at the segment's priority
taskrouter-unserved-help = add a queue for this segment on this channel, or drop the channel from the segment
taskrouter-reserved-queue = no queue on channel `{ $channel }` is open to the tier of segment `{ $segment }`: TaskRouter sends its tasks to { $count ->
        [one] `{ $queues }`, a queue
       *[other] `{ $queues }`, queues
    } for better tiers only (every segment { $count ->
        [one] it serves
       *[other] they serve
    } is of a better tier), whose people were not planned for these tasks
taskrouter-reserved-queue-help = give segment `{ $segment }` a queue on `{ $channel }`, or add it to the `segments` of a queue there
taskrouter-beyond-sla-hours = SLA `{ $sla }` of { $count ->
        [one] segment
       *[other] segments
    } { $segments } runs on calendar `{ $hours }`, but channel `{ $channel }` is open longer (`{ $channel_hours }`), and TaskRouter's filters do not look at the time: outside the SLA's hours these customers' tasks still go to { $queues }, at work then
taskrouter-beyond-sla-hours-help = if these customers are served only in the SLA's hours, { $entry ->
        [phone] have the line's IVR hold or turn away their calls outside them
        [chat] have the chat or messaging widget (or its bot) hold or turn away their messages outside them
        [written] have the e-mail or web-form auto-reply tell them outside those hours when they will be answered, and hold their messages until the hours begin
       *[other] have the channel's entry (the IVR, the chat widget or bot, the auto-reply) hold or turn away their contacts outside them
    }; if they are served whenever someone is at work, give the SLA the channel's hours (`hours { $channel_hours }`)
taskrouter-fallback-queue = no queue serves channel `{ $channel }`, so the tasks of { $segments } there go to the queue cxc.yaml names for unrouted tasks
taskrouter-fallback-queue-help = add a queue for the channel, or name the TaskQueue for such tasks in cxc.yaml (`exports:`, `taskrouter:`, `fallback_queue: WQ...`)
taskrouter-unknown-queue = `exports.taskrouter.queues` gives a SID for `{ $name }`, which is no TaskQueue of this workflow: the SID is used nowhere, and the queue it was meant for keeps its placeholder SID, which Twilio refuses at import
taskrouter-unknown-queue-help = name a TaskQueue the workflow writes (the `queue` of an entry of taskrouter-queues.json): { $known }
export-unknown-channel = `{ $map }` gives a setting for channel `{ $name }`, which the spec does not have: the setting is used nowhere, and the channel it was meant for keeps its default
export-unknown-channel-help = name a channel of the spec by its id: { $known }
export-unknown-segment = `{ $map }` gives a setting for segment `{ $name }`, which the spec does not have: the setting is used nowhere, and the segment it was meant for keeps its default
export-unknown-segment-help = name a segment of the spec by its id: { $known }
taskrouter-queue-no-team = queue `{ $queue }` names no team, so its TaskQueue takes every worker
taskrouter-queue-no-team-help = give the queue the team that works it (`team ...`)
export-working-days = { $system } counts running time, not working days: `{ $limit }` goes out as { $longest }, the longest running time its deadline can leave (a request made before the first day opens); a request made later is given more time there than the deadline allows
export-working-days-help = to export exactly, write the limit in hours; `cxc measure` judges `{ $limit }` by its deadline either way
taskrouter-working-days = TaskRouter timeouts run on the wall clock, not in working days: `{ $limit }` goes out as { $wall }, the longest wall-clock time its deadline can last (a request made as a day begins, before the longest run of working days and holidays), so that no request escalates before its deadline; a request made later escalates after its deadline has passed, by up to { $late }
taskrouter-working-days-wait = TaskRouter counts no working days: for how long each queue keeps a task before the next is tried, `{ $limit }` counts as { $running } of open time, the least its deadline can leave (a request made as a working day closes); each queue keeps the task for an equal share of half that
taskrouter-business-hours = complaint rule `{ $complaint }` escalates after business hours, but TaskRouter timeouts run on the clock: the workflow escalates after the same length of wall-clock time, earlier than the rule whenever the hours close in between
taskrouter-business-hours-help = escalate complaints that count business hours in the ticketing system (Zendesk SLA policies), or accept earlier escalations in TaskRouter

## Reading files

read-missing = no such file or folder
read-outside = it is outside the spec's folder `{ $root }` (cxc reads only files inside it)
read-not-regular = it is { $what }, not a regular file
read-too-large = it is { $size } but files are limited to { $limit } (`--max-file-size` raises the limit; `limits.file_size` in cxc.yaml can only lower it)
read-no-folder = the folder `{ $folder }` on its way does not exist (a path through a folder that is not there names no file, whatever `..` follows)
read-linked-outside = it goes through the symbolic link `{ $link }`, which leads outside the folder cxc runs in; cxc follows no link out of it (name the real folder instead)
read-other = { $reason }
no-cx-files = no .cx files found in this folder (cxc reads every *.cx file below it)
not-utf8 = this file is not valid UTF-8 text
not-utf8-help = save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)
include-missing = the included file `{ $file }` does not exist
include-outside = the included file `{ $file }` is outside the spec's folder `{ $root }`; cxc reads only files inside it
include-no-folder = the included file `{ $file }` goes through the folder `{ $folder }`, which does not exist
cannot-load = `{ $file }` cannot be read: { $reason }
cannot-load-help = cxc reads only regular files inside the spec's folder and under its size limit (`limits.file_size`, `--max-file-size`): replace the link or special file with the file itself, or remove it; nothing else was checked
include-unreadable = the included file `{ $file }` cannot be read: { $reason }
include-missing-help = include paths are relative to the file that includes them and must stay inside the spec's folder; check the spelling and the folder
includes-itself = `{ $file }` includes itself
include-cycle = { $count } files include each other in a circle: { $files }
include-cycle-help = remove one of these includes; a file needs to be included only once, and `cxc check DIR` already reads every .cx file in DIR

## Staffing

measured-abandonment = { $value } hang up
measured-asa = callers wait { $value } on average
measured-abandonment-customers = { $value } give up before an answer
measured-asa-customers = customers wait { $value } on average for an answer
measured-occupancy = agents are busy { $value } of the time
measured-service-level = { $value } are answered in time
metric-target-unmet = queue `{ $queue }` with { $agents ->
        [one] 1 agent
       *[other] { $agents } agents
    } misses SLA `{ $sla }`'s target `{ $target }`: { $measured }
metric-target-unmet-intervals = queue `{ $queue }` with { $agents ->
        [one] 1 agent
       *[other] { $agents } agents
    } misses SLA `{ $sla }`'s target `{ $target }` in { $missed } of { $intervals } intervals: { $measured } (worst at { $worst })
metric-target-unmet-help = add agents (`cxc staff` shows how many each interval needs and which target binds), or revisit the target
metric-target-unmet-fewer-help = this target asks for fewer agents than the queue has; lower `agents` or revisit the target
the-target = the target
headcount-short = the line roles of team `{ $team }`{ $lead } add up to { $have } people ({ $roles }), but its queues need { $needed } people on duty at the same time (agents answering, and on queues with `shrinkage` the people that takes), { $when } ({ $queues }), and { $hours } seat-hours over a week
headcount-short-role = role `{ $role }` has a headcount of { $have }, but the queues on the channels it owns, whose seats it holds, need { $needed } of its people on duty at the same time, { $when } ({ $queues }), and { $hours } seat-hours over a week
headcount-short-role-help = raise the role's `headcount` by { $more }, or make the channel's `owner` the team (then every line role of the team answers it, in the job descriptions and in TaskRouter); this counts seats filled at one moment: covering them across shifts, days off and leave takes more people. The seat-hours divided by the hours one person works a week are the fewest people, before days off and leave
headcount-lead-not-counted = {" "}(its lead `{ $lead }` not counted)
headcount-in-interval = in the interval starting { $start }
headcount-in-zone-interval = in the interval starting { $start } { $zone }{ $season }
headcount-season-apart = {", "}in { $month ->
        [january] January
       *[july] July
    }, when the queues' clocks are { $apart } apart
headcount-season-same = {", "}in { $month ->
        [january] January
       *[july] July
    }, when the queues' clocks show the same time
headcount-in-every-interval = in every interval
headcount-short-help = raise the `headcount` of the team's line roles by { $more }, or staff the queues from other teams; the lead organises the line and is not counted as an agent. This counts seats filled at one moment, not people: covering them across shifts, days off and leave takes more people. The seat-hours divided by the hours one person works a week are the fewest people, before days off and leave
headcount-short-help-roles = raise the `headcount` of the team's line roles by { $more } — { $asked } of them for { $roles }, as their own findings ask, the rest beyond them — or staff the queues from other teams; the lead organises the line and is not counted as an agent. This counts seats filled at one moment, not people: covering them across shifts, days off and leave takes more people. The seat-hours divided by the hours one person works a week are the fewest people, before days off and leave
headcount-short-week = the line roles of team `{ $team }` add up to { $have } people ({ $roles }), but its queues need { $hours } seat-hours a week (people on duty, interval by interval, with each queue's `shrinkage`: { $queues }): at { $week } hours a person that is at least { $needed } people. The seats at one moment are covered; the week of shifts is not
headcount-short-week-help = raise the `headcount` of the team's line roles by { $more }, or staff the queues from other teams. { $week } hours is the working week of one person (`thresholds.headcount-short` in cxc.yaml, 40 unless set); days off and leave that no queue's `shrinkage` counts take more people
headcount-supervisors-not-counted = {" "}(the roles that organise its line — its lead and the roles the line reports to: { $roles } — not counted)

## Forecasts

at-place = { $place }: { $problem }
forecast-file = the forecast file { $file }
forecast-line = { $file }, line { $line }
forecast-unreadable = cannot read the forecast file { $file }: { $reason }
forecast-unreadable-help = the path is relative to the spec file that names it, and must stay inside the spec's folder
forecast-empty = the forecast file { $file } is empty
forecast-empty-help = write a header line `start,volume` (optionally `,aht`) and one row per interval
forecast-not-utf8 = line { $line }, field { $field }, is not UTF-8 text
forecast-io = could not be read at line { $line }: { $reason }
forecast-not-csv = is not a readable CSV file (line { $line })
forecast-csv-help = save the forecast as comma-separated UTF-8 text
forecast-column-twice = the header names the column `{ $column }` twice
forecast-column-twice-help = keep one `start`, one `volume` and at most one `aht` column
forecast-unknown-column = the header has an unknown column `{ $column }`
forecast-columns-help = the columns are `start`, `volume` and, optionally, `aht` (seconds); the first line names them
forecast-header-columns = the header must name the columns `start` and `volume`
forecast-row-fields = this row has { $fields ->
        [one] 1 field
       *[other] { $fields } fields
    } but the header has { $columns }
forecast-row-fields-help = every row needs one value per header column, separated by commas
forecast-volume = a volume of { $volume } contacts in one interval is not plausible
forecast-volume-help = the volume is the number of contacts arriving in one interval
forecast-aht = an average handle time of { $aht } seconds is not plausible
forecast-aht-help = `aht` is the average handle time of one contact, in seconds, above zero
forecast-number = the { $column } { $value } is not a number of zero or more
forecast-number-help = write volumes and handle times as plain numbers such as 120 or 95.5
forecast-line-problem = line { $line } of the forecast: { $problem }
forecast-units-help = check the units: volume is contacts per interval, aht the seconds one contact takes
forecast-no-aht = queue `{ $queue }` has a forecast but no average handle time
forecast-no-aht-help = add `aht` to the queue (e.g. `aht 4m`), or an `aht` column in seconds to the forecast file
forecast-no-rows = the forecast file has a header but no intervals
forecast-no-rows-help = add one row per interval below the header, e.g. `08:00,120`
forecast-off-grid = the start { $start } is not on the forecast's grid: with { $per } intervals the starts are whole multiples of it apart, from the file's first row
forecast-off-grid-help = move the row to the interval it belongs to (with `per 30m`: `08:00` or `08:30`), or change `per` to the length the file's rows have
forecast-past-end = { $week ->
        [week] this interval runs past the end of the typical week (Sunday midnight)
       *[day] this interval runs past the end of the typical day (midnight)
    }
forecast-past-end-help = a typical day or week has no time after its end: start the interval earlier, or choose a `per` that divides the day
forecast-outside-range = this date is more than { $days } days away from the forecast's other dated rows
forecast-outside-range-help = check the row's year: one forecast file covers at most two years, and a stray date would spread the weekly need over all the years between
forecast-repeated = this interval was already given on an earlier row
forecast-repeated-help = give each interval once: two rows for the same start would count its contacts twice (the same instant written with another offset is the same interval)
forecast-skipped-time = the start { $start } is a local time that never occurs on { $zone }: the clock jumps ahead over it (daylight saving begins). cxc reads it at the offset before the change ({ $before }), which is { $read }, and `cxc staff` labels it with that offset
forecast-skipped-time-help = write the instant the row means with its offset, e.g. { $instead }, or leave out the rows of the hour the clock skips
forecast-repeated-time = the start { $start } comes { $count } times, but on { $zone } the clock passes it only twice (daylight saving ends): the first row is read as its first occurrence, the second as its second, and this one cannot be told apart from them; cxc reads it as the second ({ $later })
forecast-repeated-time-help = give the rows of the repeated hour their offsets ({ $first } and { $second }), or write each of its times at most twice, in order
forecast-zero-interval = queue `{ $queue }` forecasts per interval of zero length
forecast-zero-interval-help = give the interval length, e.g. `forecast 120 per 30m`
zero-aht = queue `{ $queue }` has an average handle time of zero
zero-aht-help = `aht` is how long one contact takes on average, e.g. `aht 4m`
zero-patience = queue `{ $queue }` has a patience of zero: every caller would hang up
zero-patience-help = `patience` is how long callers wait on average before hanging up, e.g. `patience 2m`
full-shrinkage = queue `{ $queue }` has a shrinkage of { $shrinkage }: nobody would ever be available
full-shrinkage-help = shrinkage is the share of paid time agents are not on the phones; it must be below 100%
load-too-high = an offered load of { $load } Erlangs is beyond what cxc staffs ({ $max } at most)
too-patient = callers are so patient, for this volume, that nobody would hang up: drop `patience` to use Erlang C
at-interval = {" "}at { $start }
misses-in-intervals = , and misses it in { $short } of { $intervals } intervals
with-agents-answered = with { $agents } { $agents ->
        [one] agent
       *[other] agents
    }, { $level } are answered in time{ $at }
with-agents-overwhelmed = with { $agents } { $agents ->
        [one] agent
       *[other] agents
    }, more contacts arrive{ $at } than they can handle
understaffed = queue `{ $queue }` has { $agents ->
        [one] 1 agent
       *[other] { $agents } agents
    } but needs { $needed } ({ $more } more){ $at } to meet `{ $goal }`{ $spread }; { $with }
understaffed-help = staff the queue with `agents { $needed }`, or lower the volume or handle time; `cxc staff` shows every interval
understaffed-unreachable = queue `{ $queue }` cannot meet `{ $goal }`{ $at } with any number of agents{ $spread }
understaffed-unreachable-help = the target is out of reach for this forecast; review the SLA's `answer` target
understaffed-overloaded = queue `{ $queue }` has { $agents ->
        [one] 1 agent
       *[other] { $agents } agents
    } but the contacts arriving{ $at } are { $load } agents' worth of work, so the queue falls further behind all the time and no response target can be kept{ $spread }; carrying the load takes at least { $needed } { $needed ->
        [one] agent
       *[other] agents
    }
understaffed-overloaded-help = staff the queue with at least `agents { $needed }`, or lower the volume or handle time; an `answer` target for the channel lets cxc size the queue for a response time; `cxc staff` shows every interval
overloaded-in-intervals = {" "}(in { $short } of { $intervals } intervals)
the-answer-target = the answer target
forecast-when-closed = the forecast of queue `{ $queue }` has { $volume } { $count ->
        [one] contact
       *[other] contacts
    } { $place } while channel `{ $channel }` is closed (its hours `{ $hours }`): nobody answers them, and no agents are planned for them
forecast-when-closed-worked = the forecast of queue `{ $queue }` has { $volume } { $count ->
        [one] contact
       *[other] contacts
    } { $place } while nobody works the queue (its hours, or its team's, `{ $worked }`): nobody answers them, and no agents are planned for them
forecast-when-closed-both = the forecast of queue `{ $queue }` has { $volume } { $count ->
        [one] contact
       *[other] contacts
    } { $place } while channel `{ $channel }` is closed (its hours `{ $hours }`) or nobody works the queue (its hours, or its team's, `{ $worked }`): nobody answers them, and no agents are planned for them
forecast-when-closed-worked-help = forecast no contacts while nobody works the queue, or give the queue (or its team) `hours` for as long as contacts come, or let a queue of another centre take them then; if the file's times are another zone's (a centre writing its own local time), name that zone on the queue: `timezone "Asia/Novosibirsk"`
forecast-when-closed-intervals = in { $closed } of { $intervals } intervals (the first at { $start })
forecast-when-closed-always = in every interval
forecast-when-closed-help = forecast no contacts while the channel is closed (customers who call then come back when it opens), or open the channel's `hours` for as long as contacts come; if the file's times are another zone's (a centre writing its own local time), name that zone on the queue: `timezone "Asia/Novosibirsk"`
specialist-on-team-channels = role `{ $role }` owns { $owned } of team `{ $team }`, and also takes the team's contacts on { $shared }, which no role of the team owns: its job description gets their targets and the team's steps there, `headcount-short` counts its people for their queues and TaskRouter offers it their tasks
specialist-on-team-channels-help = to keep `{ $role }` on its own channels, make the role that answers the others their owner (`channel { $channel } {"{"} owner ROLE {"}"}`); if `{ $role }` does help there, allow this finding
promise-to-step-start = promise `{ $promise }` counts up to the start of step `{ $step }` of journey `{ $journey }`: that step's own time ({ $own }) is not part of it, so a customer still waiting for what the step delivers counts as kept
promise-to-step-start-help-next = to promise `{ $step }` done, time the promise to the step after it (`to { $next }`) and give it the time that takes; if it ends when `{ $step }` starts, allow this finding
promise-to-step-start-help = to promise `{ $step }` done, time the promise to a step after it, or make `{ $step }` an `end` step; if it ends when `{ $step }` starts, allow this finding

in-memory-files = specs held in memory cannot name files

## Values

duration-too-long = the duration `{ $text }` is too long; the longest is about 30 years
duration-unit = `{ $unit }` is not a duration unit; use s, m, h, d or w
duration-unit-without-number = `{ $text }` has a unit without a number
duration-number-without-unit = `{ $text }` ends with a number without a unit
duration-working-days-not-here = `{ $text }` counts working days, and only a deadline can (`within`, `after`); this is a length of time: write it in s, m, h, d or w
working-days-alone = `{ $text }` mixes working days with running time: `wd` stands alone, as in `3wd`
working-days-zero = `{ $text }` is no working days at all: a deadline in working days counts at least one
working-days-too-many = `{ $text }` is too many working days; the most is 10000
not-a-percentage = `{ $text }` is not a percentage
not-a-sensible-percentage = `{ $text }` is not a sensible percentage
not-a-date = `{ $text }` is not a date; write it as YYYY-MM-DD, e.g. 2026-05-01
no-such-month = `{ $text }`: there is no month { $month }
no-such-day = `{ $text }`: that month has no day { $day }
not-a-time = `{ $text }` is not a time; write it as HH:MM, e.g. 09:00
not-a-time-of-day = `{ $text }` is not a time of day (00:00 to 24:00)

## Syntax

or = or

expect-name = a name such as `support` or `vip_line`
expect-text = a text in double quotes, such as "Key accounts"
expect-integer = a whole number such as 12
expect-decimal = a number such as 4.5
expect-percent = a percentage such as 80%
expect-duration = a duration such as 30m, 4h or 1h30m
expect-date = a date such as 2026-05-01
expect-time = a time such as 09:00
expect-days = days such as mon-fri or sat (mon tue wed thu fri sat sun, or пн вт ср чт пт сб вс)
expect-comparison = a comparison: >=, <=, >, < or =
expect-remedy = a remedy: apologize, explain, redo, refund, compensate "..." or escalate TEAM-OR-ROLE
expect-separator = a new line or `;`
expect-end-of-file = the end of the file
expect-display-name = a display name in double quotes
expect-opening-times = opening times such as 09:00-18:00
expect-block-end = `{"}"}` (the end of the block)
expected-found = expected { $expected }, found { $found }
expected-found-capital-day = expected { $expected }, found { $found }: day names are written in lower case
capital-day-help = write `{ $day }`: days are named in lower case, `mon` to `sun` or `пн` to `вс`
found-end-of-file = the end of the file
found-end-of-line = the end of the line
found-unterminated-text = an unterminated text (a `"` that is never closed)
found-character = the character { $code }
found-word = `{ $word }`
unterminated-text-help = close the text with `"` on the same line, or use """ for text over several lines
write-it-as = write it as `{ $form }`, e.g. `{ $example }`
write-it-as-parts = write it as `{ $form }`, e.g. `{ $example }`. Here { $parts }
form-part-channel = CHANNEL is a channel's name
form-part-percent = PERCENT is a percentage, as 80%
form-part-duration = DURATION is a number with its unit: s (seconds), m (minutes), h (hours), d (days), w (weeks) or wd (working days), as 30s or 2wd
form-part-segment = SEGMENT is a segment's name
form-part-team-or-role = TEAM-OR-ROLE is the name of a team or a role
form-part-team = TEAM is a team's name
form-part-role = ROLE is a role's name
form-part-text = TEXT is words in double quotes, as "Call back"
form-part-number = NUMBER is a number
form-part-name = NAME is a name of letters, digits and _
form-part-calendar = CALENDAR is a calendar's name
form-part-step = STEP is a step's name
form-part-journey = JOURNEY is a journey's name
form-part-date = DATE is a date, as 2026-12-31
form-part-metric = METRIC is what is measured: csat, nps, ces, fcr, asa or abandonment
form-part-op = OP is a comparison: >=, <=, > or <
form-part-value = VALUE is the goal, as 90% or 4.5
form-part-amount = AMOUNT is a sum of money
form-part-remedy = REMEDY is what the customer is given, as apologize or compensate "…"
form-part-time-time = TIME-TIME is opening hours, as 09:00-18:00
form-part-customer-type = CUSTOMER-TYPE is a customer type's name
syntax-help = `cxc explain syntax` shows the form of each declaration and statement
unclosed-long-text = this text, opened with `"""`, is never closed
unclosed-long-text-help = close it with `"""` where the text ends
declaration = { $kind } `{ $name }`
the-declaration = the { $kind }
next-declaration-here = `{ $word }` starts the next declaration here
unclosed-block = the block of { $what } opened here is never closed
unclosed-block-help = add `{"}"}` where { $what } ends
tier-out-of-range = tier { $tier } is out of range
tier-out-of-range-help = tiers count from 1 (the highest priority); use 1 to 100
customers-implausible = { $count } customers is not a plausible count
customers-implausible-help = give the number of customers in the segment, e.g. `customers 1200`
average-check-negative = an average check of { $value } is below zero
average-check-negative-help = the average check is the average order value, zero or more
cost-negative = a cost of { $value } is below zero
cost-negative-help = a cost is what a contact or an hour of work costs, in the service's currency: zero or more (`cost 4.50 per contact`, `cost 1800 per hour`)
effort-out-of-scale = effort { $effort } is outside the scale
effort-out-of-scale-help = effort is measured from 1 (low) to 5 (high)
csat-out-of-scale = csat { $csat } is not a score on the 5-point scale
csat-out-of-scale-help = write the measured score from 1 to 5, e.g. `csat 4.2`
concurrency-out-of-range = a concurrency of { $value } is out of range
concurrency-out-of-range-help = give how many contacts one agent handles at once, 1 to 100 (e.g. `concurrency 3` for chat)
shrinkage-too-high = shrinkage of { $shrinkage } leaves nobody to answer
shrinkage-too-high-help = shrinkage is the share of paid time agents are not available, below 100%
nps-impossible = an NPS of { $value } is impossible
nps-impossible-help = the Net Promoter Score runs from -100 to 100
opening-time-backwards = the opening time { $from }-{ $to } ends before it starts
opening-time-backwards-help = write the opening time first, e.g. 09:00-18:00; for a night shift write two ranges, 22:00-24:00 and 00:00-06:00
forecast-interval-zero = a forecast interval of zero
forecast-interval-zero-help = give the interval length, e.g. `per 30m`
duration-help = write a duration such as 30m, 4h, 1h30m or 3d; a deadline may count working days instead, alone: 3wd
duration-in-words = `{ $written }` is a duration in words; cxc reads a number with its unit letter, without a space
duration-in-words-help = write `{ $duration }`
duration-in-words-days-help = write `{ $number }d` for days on the clock (`{ $number }d` on office hours is { $number } × 24 hours of opening time), or `{ $number }wd` for working days
percent-over-max = { $value } is more than { $max }%
percent-over-max-help = a share of a whole goes from 0% to 100%
percent-help = write a percentage such as 80% or 99.5%
date-help = write a real date as YYYY-MM-DD, e.g. 2026-05-01
time-help = write a time as HH:MM between 00:00 and 24:00
number-too-large = the number { $number } is too large
number-too-small = the number { $number } is too small
whole-number-too-large-help = whole numbers in a spec go from 0 to 4,294,967,295
number-too-large-help = numbers in a spec lie strictly between −1,000,000,000,000 and 1,000,000,000,000: write a number of sensible size
use-one-of = use one of: { $words }
expected-word = expected { $what } ({ $words }), found `{ $found }`
word-language = an output language
word-channel-kind = a channel kind
word-severity = a severity
word-feedback = `required` or `optional`
word-queue-order = `arrival` or `tier`

word-period = a period
word-metric = a metric
word-remedy = a remedy
word-cost-basis = what a cost is counted per

forecast-unknown-column-like = the header has an unknown column `{ $column }` (did you mean `{ $like }`?)

help-label = help

## Command line

cli-error = error: { $message }
cli-lsp-stopped = the language server stopped: { $error }
cli-man-failed = cannot write the man page: { $error }
cli-nothing-written = nothing was written: fix the errors above first
cli-kept = kept { $path }: the manifest lists it, but it is not the file cxc wrote there (the manifest came from elsewhere, or the file changed since), so cxc leaves it to you
cli-removed = removed { $path }: an earlier build wrote it and this one does not
cli-wrote = wrote { $count } files to { $folder }
init-exists = { $files } already exists; cxc init writes nothing over existing files
init-link = { $folder } is a symbolic link (or not a folder); cxc init never writes through a link, so nothing was written
init-cannot-write = cannot write { $file }: { $error }
cli-created = created { $path }
cli-init-next = next:
cli-init-check = check the standards
cli-init-build = write the documents
cli-init-push = commit and push: .github/workflows/cxc.yml checks every pull request
cli-refused-path = cannot use { $option } { $path }: { $reason }
cli-file-size = a size such as 64MB, 512KB or 1GB, above 0 and at most { $max }
cli-cannot-read = cannot read { $error }
cli-fmt-clean = { $total } files already formatted
cli-fmt-would = { $changed } of { $total } files would be reformatted (run `cxc fmt`)
cli-fmt-done = reformatted { $changed } of { $total } files
cli-fmt-failed = { $failed } files left as they were: fix the errors above first
cli-stdin-unreadable = cannot read standard input (at most 64 MB of UTF-8)
cli-stdin-not-utf8 = standard input is not UTF-8
cli-no-journey-like = no journey `{ $journey }` (did you mean `{ $like }`?)
cli-no-journeys = no journey `{ $journey }` (the spec has no journeys)
cli-no-journey = no journey `{ $journey }` (journeys: { $journeys })
cli-watch-changed = --- { $files } changed: checking again ---
cli-watch-stopped = stopped watching: { $error }
cli-no-code-like = there is no diagnostic code `{ $code }`; did you mean `{ $like }`?
cli-no-code = there is no diagnostic code `{ $code }`; `cxc explain` lists every code

tier-segments = tier { $tier }: { $segments }

## cxc explain: when each code fires (.summary) and the practice behind it (.why)

explain-syntax =
    .summary = The text does not follow the cx grammar.
    .why = A standard that cannot be read cannot be checked. cxc says what it expected at the point where it stopped, in words, and suggests the keyword you probably meant.
explain-invalid-value =
    .summary = A value is well-formed but impossible: a date that does not exist, a tier of zero, a duration of centuries, a percentage above 100% where it is a share of a whole.
    .why = Numbers in service standards are promises and plans. An impossible one is always a typo, and left in place it would silently distort every check and document built on it.
explain-unknown-reference =
    .summary = A reference names nothing of the right kind.
    .why = Every name in a standard points at something that must exist: an owner who is accountable, a calendar that defines the hours, a segment the rule applies to. A misspelt name silently detaches the rule from the organisation.
explain-duplicate-definition =
    .summary = Two declarations of one kind share an identifier, or a statement that may appear once is given twice.
    .why = If two teams are both called `support`, every reference to `support` is ambiguous and documents generated from the spec contradict each other.
explain-mixed-script-name =
    .summary = A word of a name mixes Latin and Cyrillic letters: a letter typed with the keyboard layout switched, or two words written together.
    .why = Latin `c`, `a`, `e`, `o`, `p` look exactly like Cyrillic `с`, `а`, `е`, `о`, `р`. A name with one of them inside looks right, works where it was copied, and fails for everyone who types it anew — with a message showing the same word twice. Words each in one alphabet (`чат_VIP`) are written that way on purpose and are not reported.
explain-include-cycle =
    .summary = Files include each other in a circle, or an included file is missing.
    .why = A spec split over files must still have one meaning. A circle of includes has no first file, and a missing file means part of the standard is not there.
explain-cannot-load =
    .summary = A `.cx` file or `cxc.yaml` in the spec's folder cannot be read: it links out of the folder, is not a regular file, or is over the size limit. cxc stops (exit 2).
    .why = A spec arrives in pull requests; a file that links elsewhere or is a pipe or device must not be read, and must not be skipped without a word either. As a finding with a code, the stop reaches CI in every format, SARIF included.
explain-dead-end =
    .summary = A step is not `end` and has no `next`.
    .why = A customer who reaches this step is left waiting for something that never happens. Every step either hands the customer on or ends the journey with an outcome.
explain-unreachable-step =
    .summary = A step cannot be reached from the journey's `start` (or the journey has no `start`).
    .why = A step no customer can reach is either a forgotten branch or a sign that a `next` is missing. Standards that describe work nobody does mislead the people who read them.
explain-no-exit =
    .summary = From a loop of steps, no `end` can be reached: the customer goes round forever.
    .why = A loop is fine ("changes requested" → back to design) only if there is a way out. A loop without one is the classic runaround customers complain about.
explain-missing-owner =
    .summary = A journey step, a complaint rule, or a channel that is not `self_service` has no `owner`.
    .why = Work without an owner is work nobody is accountable for: the step that "somebody" does is the step where customers get stuck. Self-service channels need no owner.
explain-escalation-cycle =
    .summary = Escalation targets lead back to themselves: a complaint escalates to someone it already passed, or rules escalate to each other in a circle.
    .why = An escalation ladder exists to bring a stuck complaint to someone with more authority. A ladder that returns to an earlier rung sends the customer round in circles.
explain-reports-to-cycle =
    .summary = `reports_to` forms a circle; every member is named.
    .why = A reporting line must end at someone who reports to nobody in the spec. In a circle nobody is ultimately accountable, and escalations have nowhere to go.
explain-segment-without-sla =
    .summary = A segment is covered by no `sla`.
    .why = Segmenting customers only matters if each segment gets a defined level of service. A segment without an SLA is served however the day goes.
explain-promise-exceeds-sla =
    .summary = A public promise is faster than the internal answer / first-response target for its segment and channel, or the SLA sets no target there at all.
    .why = What the company says in public must be backed by what the contact centre is staffed and measured for. Promising a 15-minute callback on a line whose internal target is 1 hour guarantees broken promises.
explain-share-over-100 =
    .summary = Segment `share`s (or `revenue`s) add up to more than 100%.
    .why = Segments divide the customer base; their shares of customers and of revenue cannot exceed the whole. An impossible split usually means an outdated figure.
explain-understaffed =
    .summary = Erlang C (Erlang A when `patience` is given) says the queue's `agents` cannot meet the SLA answer target for its forecast (any interval of a forecast file when the SLA's `hours` and the channel's are open); without an answer target, the agents are fewer than the work arriving, so the backlog grows without limit. A queue whose agents are fewer than the work arriving is `understaffed` whatever targets apply, unless its answer target already says so.
    .why = A promise of "80% of calls answered within 20 seconds" is only real if the queue has the people for it. Queueing theory tells how many: below that number the target is missed however hard the agents work, because calls arrive in bursts.
explain-specialist-on-team-channels =
    .summary = A line role of a team owns one of the team's channels (a specialist line) while the team owns others it takes contacts on. A channel owned by a team is taken by every line role of that team, the specialist too: its job description gets those channels' targets and the team's steps on them, `headcount-short` counts its people for their queues, and TaskRouter admits it to their TaskQueues. Once per role.
    .why = A team of generalists with one specialist line (Gold advisors on the Gold line) usually means the specialists sit on their line only. cxc reads a team-owned channel as the whole line's, so the specialists get the generalists' work in every output, and nothing else would say so. Make the generalist role the owner of the other channels to keep the specialists on their line; or, if they do help there, allow the finding.
explain-promise-to-step-start =
    .summary = A promise over a journey is timed `to` a step the customer meets (it has a channel) that has its own `within` and is not an `end` step, and its words promise an outcome. Such a promise counts up to the start of that step, as `cxc measure` counts it, so the step's own time is not part of it. The words decide (the title, then the description; the act named last): someone arriving or getting in touch ("a plumber with you", arrive, visit, call you back, contact, reply, dispatch, «приедет», «перезвоним», «свяжемся», «передадим») means the step's start, and the finding stays silent; a result (resolved, fixed, repaired, refund, decision, delivered, «решим», «устраним», «вернём») or a thing alone ("a courtesy car within 24 hours") means the outcome.
    .why = "A courtesy car within 24 hours" timed `to courtesy_car` is kept when the car's step starts, not when the car arrives: a customer who waits 30 hours for it counts as kept. Time the promise to the step after it (the internal deadlines then include the step's own), or make the step an `end` step; if the promise really ends when the step starts, allow the finding.
explain-forecast-clock-change =
    .summary = A forecast row's date and time without an offset (read in the zone of the channel's hours) falls in an hour the clock skips when daylight saving begins, so it does not exist; or it is a time of the hour the clock repeats when daylight saving ends, written more than twice. A repeated time written once or twice is no finding: the first row is its first occurrence (the offset before the change), the second its second, as WFM exports write the repeated hour; `cxc staff` labels such rows with their offset (`2027-04-04 02:00 +11:00`, `… +10:00`).
    .why = A local time the clock skips is not an interval anyone works: the forecast was written on the wrong clock, or its contacts belong to the hour after. A third row of a repeated time leaves the planner guessing which hour needs the agents. Writing the offset (`2027-10-03T03:00+11:00`) says which instant is meant.
explain-forecast-when-closed =
    .summary = A queue's forecast has contacts in an interval when its channel's `hours` are closed, or (cxc addition) when nobody works the queue: its own `hours`, else its team's, are closed. Staffing plans no agents while the channel is closed: an interval whose start is a timestamp is closed when the hours are closed all through it; a time of day (`08:30`) when they are closed at that time on every day of the week; a time of a typical week (`mon 08:30`) when they are closed then on that weekday.
    .why = Nobody answers a closed channel, so agents planned for it would sit idle, and the contacts forecast there are either a mistake in the forecast or a sign that the channel should open longer. A planner reads it either way: fix the forecast, or the hours.
explain-invalid-forecast =
    .summary = A queue's forecast cannot be used for staffing: the file is missing or malformed, there is no handle time, or the figures are out of range.
    .why = Staffing is computed from the forecast. A forecast that cannot be read would silently leave the queue unchecked.
explain-inexact-export =
    .summary = A target or setting cannot be written exactly in an export format: a business-hours timer in TaskRouter's wall-clock timeouts, a time zone Zendesk or TaskRouter has no name for, an escalation to a team without a queue, tasks that only a queue for better tiers takes, a segment routed outside its SLA's hours.
    .why = Rounding a target or guessing a time zone would quietly change the standard in the system agents work in. cxc writes the nearest faithful form it can and says what differs, so the admin decides.
explain-export-conflict =
    .summary = Two segments, channels or complaint rules would have the same name in the Zendesk and TaskRouter exports.
    .why = Exports name things by tag or task attribute, in lower case and without hyphens. If `vip-1` and `vip_1` both become `vip_1`, the routing for one silently takes the contacts of the other: the kind of misrouting nobody notices until a key account waits in the retail queue.
explain-hot-potato =
    .summary = Along some path from `start` to an `end`, the customer-facing steps change owning team more than 3 times (configurable).
    .why = "One-stop service": every handoff between teams is a chance to lose context, repeat questions and drop the ball. A role counts as its team; back-office steps do not count, since the customer does not see them; each loop is taken once.
explain-channel-switch =
    .summary = A step served only by self-service channels leads to a customer-facing step served by no self-service channel.
    .why = When self-service fails and the customer has to call or visit, effort jumps: channel switching is one of the strongest drivers of customer effort measured in "The Effortless Experience". Keep the next step reachable in the same channel, or hand over proactively.
explain-channel-without-target =
    .summary = A staffed channel offered to a segment has no `answer` or `first_response` target for it in the segment's SLA (self-service channels and places — `office`, `field` — need none).
    .why = Customers judge a channel by how fast it answers. A channel offered without a target is the one that gets staffed last and answered slowest.
explain-channel-without-resolution =
    .summary = A channel a segment uses has no resolution target, though one of the segment's SLAs has a resolution without a channel: another SLA of the segment names the channel (a first response on its own hours), so by the rule that a channel another SLA names belongs to that SLA, the channel-less resolution does not govern it, and that SLA sets none. First replies are `channel-without-target`'s.
    .why = Moving one target into an SLA of its own (its own hours, as `sla-beyond-channel-hours` suggests) silently takes the channel out of the segment's other targets. The standards page, the ticketing system and the reports then disagree with what the business thinks it promised.
explain-sla-channel-not-offered =
    .summary = An SLA sets a target on a channel that one of its segments does not list in `channels`. The target applies only to the SLA's segments that use the channel; for the others it is ignored by staffing, the tier checks, the job descriptions, the routing exports and `cxc measure`. A segment that lists no `channels` uses the channels its SLAs target.
    .why = An SLA shared by several segments often carries a line written for one of them. Read literally, it would staff, route and describe a channel the other segment was never offered: queues that look mixed-tier, job duties for contacts that never come, routing filters for tasks that cannot exist.
explain-promise-without-remedy =
    .summary = A promise has no `on_breach`.
    .why = Every promise is sometimes broken. Customers forgive a broken promise that is followed by an apology and a remedy; they do not forgive silence.
explain-complaint-without-escalation =
    .summary = A complaint rule has no `escalate`.
    .why = A complaint that its owner cannot resolve in time must go up automatically. Without a ladder it stays with whoever is stuck with it.
explain-complaint-without-feedback =
    .summary = A complaint rule does not require `feedback`.
    .why = Closing the loop — telling the customer what was done — is what turns a complaint into loyalty. A complaint closed without feedback is, to the customer, ignored.
explain-mixed-tier-queue =
    .summary = One queue serves segments of different tiers.
    .why = In a shared queue the tiers compete for the same people. Where tasks are ordered by tier priority (cxc's TaskRouter export) the lower tier waits behind every better-tier task at busy times; where they are not (a Zendesk view, a platform without priorities) the better tier waits behind everyone else (like the operator that queued angry repeat visitors together with corporate clients). Give each tier its own queue where each must keep its own target. A queue that must serve everyone in turn — a clinical or safety line — says `order arrival`: every task there gets the same priority, and the rule is silent on it. A queue shared on purpose, the better tier first (a centre that takes every tier in its shift), says `order tier`, and the rule is silent on it too.
explain-too-many-tiers =
    .summary = A caller of one channel can land in more than 4 queue priority levels (configurable): the distinct tiers (and "no tier") of the segments whose contacts arrive on the channel — a live channel the segment lists, or a queue taking it there, and only segments that use the channel: a queue that names a segment on another channel takes none of its contacts.
    .why = The IVR rule is at most four levels: each is a separate priority in the channel's queues. Beyond a handful, the differences cannot be staffed or explained to customers, and low levels starve. A complaint is raised within its tier and is no level of its own.
explain-missing-agreement =
    .summary = Work passes from one team to another (consecutive journey steps, or a complaint's owner and its escalation target) and no `agreement` has the receiving team as provider and the handing team as consumer (`thresholds: missing-agreement: tier-1` in `cxc.yaml` narrows it to work for tier-1 segments). An escalation up the owner's own reporting line (to someone the owner or its team's lead reports to) is management, not a handoff, and needs no agreement. An agreement runs one way: handing finished work back to the team that passed it on needs an agreement of its own; when one exists the other way, the finding names it ("agreement X covers A → B, nothing covers B → A").
    .why = An external promise is only as good as the internal ones behind it. When a customer's work crosses a team boundary, the receiving team must have agreed how fast it takes over; otherwise the handoff is where the time goes.
explain-deadline-exceeds-target =
    .summary = Step deadlines along a path from `start` to an `end` add up to more than the journey's `within` or, without one, the shortest wall-clock time a served segment's resolution target can last on its SLA's hours (steps run on the wall clock: `3wd` on Mon–Fri 09–18 lasts at least 2 days 18 hours).
    .why = If every team meets its own deadline and the customer still waits longer than promised, the standard is inconsistent by construction. The longest path counts, each loop taken once.
explain-stale-review =
    .summary = `reviewed` plus `review every` lies before today, or `reviewed` lies after today (`--today DATE` fixes today).
    .why = Service standards age: channels, volumes and promises change. A standard that is past its own review date is one nobody is checking against reality.
explain-role-without-duties =
    .summary = A role has no `duty`.
    .why = The job description generated for the role would list only derived duties; people need to know what the role is for in their own words.
explain-unused =
    .summary = A calendar, channel, customer_type or segment is declared but nothing references it.
    .why = Declarations nobody uses are either leftovers or something a rule forgot to mention; both make the standard harder to trust.
explain-tier-inversion =
    .summary = A better tier (smaller number) gets a weaker `answer`, `first_response` or `resolution` target on the same channel than a worse tier: the worse tier's target is at least as fast and covers at least as many contacts, and beats it in one of the two (95% within 20s beats 60% within 20s). A `resolution` without a channel counts on every channel where the segment has none of its own. Targets counted on two different clocks are compared on the wall clock: the worse tier's target at the longest it can last against the better tier's at the shortest (3 days around the clock are not weaker than 5 working days of Mon–Fri 09–18, which never last less than 6 days 18 hours; they are weaker than 1 working day of a calendar open every day, which lasts at most 1 day 20 hours on 08–20).
    .why = Tiers exist so that the customers who matter most wait least (FedEx's rule). A tier-1 line answered in 5 minutes while tier 2 is answered in 10 seconds turns the segmentation upside down: the best customers learn that they are served last.
explain-pareto-mismatch =
    .summary = Revenue per customer (`revenue` ÷ `share`) of a better tier is below that of a worse tier.
    .why = Tiers should follow value: the 20% of customers who bring 80% of revenue are the ones to serve first (the Pareto principle). When a better tier brings less revenue per customer than a worse one, the tiers reward the wrong customers.
explain-agreement-too-slow =
    .summary = The agreement a team works under (`respond`/`resolve`, the `for SEGMENT` line when there is one) is slower than the time left in the work it serves: a complaint owned by or escalated into the provider team, or a tier-1 journey step handed to it. Agreements run on the wall clock, so the time left is taken there, at the shortest it can be: a complaint escalated after 13 working days of Mon–Fri 09–18 and due at 15 leaves at least 2 days of wall-clock time (18 office hours), and a 1-day agreement fits.
    .why = "VIP rules apply in IT, accounting and delivery too": a 1-hour complaint cannot be kept if the team it is escalated to has agreed to respond within 5 days. An internal agreement slower than the external promise it serves makes the promise impossible to keep.
explain-agreement-tier-inversion =
    .summary = An internal agreement answers a better tier (smaller number) more slowly than a worse tier, or than its own general `respond` line.
    .why = The priority of the best customers must hold inside the company too: IT, accounting and the back office work on their cases behind the front line. An agreement that gives the top tier 8 hours and everyone else 2 serves the best customers last exactly where they cannot see it.
explain-breach-without-explanation =
    .summary = A promise's `on_breach` compensates or refunds but does not `explain` or `apologize`.
    .why = Money does not repair a broken promise on its own: service-recovery research finds that an apology and an explanation restore trust more than compensation alone, and a discount with no word of why reads as a bribe.
explain-unattended-channel =
    .summary = A live channel (`phone chat email messenger social`) is marked `self_service`: nobody answers there.
    .why = `self_service` exempts a channel from having an owner and an answer target. On a channel where customers write or call, that means nobody is responsible for answering: in the industry more than half of the requests sent through social networks go unanswered exactly this way.
explain-preferred-channel-not-offered =
    .summary = A customer type `prefer`s channels that none of its segments offer.
    .why = Steering a type of customer to a channel works only if the channel is open to them. A strategy that sends impatient customers to chat while their segment has no chat cannot be followed by the people who serve them.
explain-metric-target-unmet =
    .summary = A queue's `agents` miss an SLA `target` that staffing can compute: `abandonment` (Erlang A, with `patience`), `asa`, `occupancy`, `service_level`. The target is judged only on queues whose channel the SLA covers (it sets a target on that channel, or names no channel and no other SLA of the segment names it) and only in the forecast intervals when the SLA's `hours` and the channel's are open. `service_level` is the share answered within its own SLA's answer time on the queue's channel (the SLA's first `answer` there), never another SLA's; an SLA with no `answer` on the channel gives it no time to count by, so it is not judged there (`cxc staff` says so). `asa` and `abandonment` count live contacts only, as `cxc measure` does: a contact is live when its SLA sets an `answer` target on its channel, so on a queue where it sets none (e-mail with only a `first_response`) they are not judged (`cxc staff` says so). The message speaks of callers on a `phone` channel and of customers on the others.
    .why = An SLA target nobody checks is a wish. With a forecast, a handle time and a number of agents, queueing theory computes the share who hang up, the average wait and how busy agents are: a `target abandonment <= 1%` that the queue's own staffing puts at 5% is broken before the first call.
explain-review-cadence =
    .summary = The service has no `review every`, no `reviewed` date, or a cadence longer than 12 months.
    .why = Standards are reviewed at planned intervals (ISO 10002 asks the same of complaint handling), and at least once a year: volumes, channels and customers move faster than that. Without a cadence and a date, nobody can tell whether the standard is current.
explain-high-effort-step =
    .summary = A step's measured `effort` is 4 or more (on 1 to 5), or its `dropoff` 30% or more (both thresholds in `cxc.yaml`).
    .why = Effort predicts disloyalty better than satisfaction does ("The Effortless Experience"): a step customers rate as hard, or at which a third of them give up, is where the journey loses them. Measured data says where to start.
explain-day-on-business-clock =
    .summary = A timer in days or weeks (`3d`, `1w`) runs on a calendar that is not open around the clock: it counts running time, so `3d` on office hours is 72 office hours.
    .why = Everyone reads "within 3 days" as three days on the wall calendar, or three working days. On a clock that stops after hours, `3d` means 72 hours of opening time — eight working days of nine hours — and a help desk that gets it as 4,320 business minutes waits just as long. Working days (`3wd`) say what is meant; hours (`72h`) say the running time honestly.
explain-working-days-on-wall-clock =
    .summary = A timer in working days (`5wd`) runs on the wall clock or a calendar open 24x7 with no holidays, where every day is an opening day: it means 5 calendar days, due at midnight at the end of the 5th day.
    .why = Whoever writes `5wd` means an office's working days — a bank's refund in five working days takes a week, over a weekend more. Around the clock no day is closed, so the deadline comes two days early, and a page that says "5 working days" to a customer contradicts the clock that counts it. Give the timer a calendar with opening hours, or write days (`5d`) and say days.
explain-short-working-day =
    .summary = A weekday a calendar opens for a third of its usual day or less (Sunday 21:00–24:00 beside Monday–Friday around the clock) counts as a whole working day for timers in working days (`1wd`): any day with an opening is one.
    .why = `1wd` from Friday then falls due at Sunday's close, after three open hours, while a job description saying "1 working day" is read as Monday. Either the short opening is not a working day for these deadlines — count them on a calendar without it, or in hours — or it is, and the people who work to the deadline must be told.
explain-same-branch-label =
    .summary = Two ways out of one step carry the same label: two `next ... when` with the same text, or a `when` that repeats the step's own `end` outcome.
    .why = A step's labels are what decides where the customer goes next: the agent at the step reads them, the journey map writes them on its arrows, and the BPMN gateway turns them into conditions. Two ways under one label cannot be told apart — in BPMN both flows get the same condition, and which one an engine takes is left to chance.
explain-escalation-after-deadline =
    .summary = An escalation comes `after` the complaint's own `resolve` time: it fires only once the deadline has already been missed.
    .why = An escalation ladder exists to get help while there is still time to keep the promise. Escalating after the deadline only tells the manager that the customer was already let down.
explain-escalation-out-of-order =
    .summary = The times of an escalation ladder do not increase: a later rung fires no later than the one before it.
    .why = A ladder goes up one rung at a time: the team lead first, the director only if the lead could not help. When the director's rung comes first (1 day to the lead, then 2 hours to the director), the order of the ladder is a typo or a misunderstanding.
explain-acknowledge-after-resolve =
    .summary = A complaint's `acknowledge` time is longer than its `resolve` time.
    .why = Acknowledging a complaint ("we have it, here is what happens next") is the first step of resolving it. A rule that allows more time to acknowledge than to resolve has its two numbers swapped.
explain-complaint-incomplete =
    .summary = A complaint rule has no `acknowledge` or no `resolve` time, or has `severity high` or `critical` and no remedy beyond an apology or an explanation.
    .why = A complaint rule promises the customer two things: that someone has the complaint (acknowledge) and by when it is settled (resolve). Without either time nobody is late and nobody is measured. A serious complaint — a defect, a failed installation — is not settled by words: the rule must say what repairs the harm (redo, refund, compensation, or an escalation that can grant one).
explain-escalation-downward =
    .summary = An escalation goes to someone who reports, directly or not, to the previous rung or to the complaint's owner.
    .why = Escalating hands a complaint to someone with more authority, so that what the first line could not decide gets decided. A rung that goes down the line hands it to someone who has to ask the previous rung anyway: the customer waits longer and nothing more can be granted. (A team that receives an escalation counts as its `lead`; a team that owns the complaint is its members, who are not all above anyone, so it is not compared.)
explain-channel-not-offered =
    .summary = A journey step uses a channel that none of the journey's segments are offered, or a queue's `segments` names a segment that does not use the queue's channel.
    .why = A step happens where the customer is. If the segments the journey serves cannot reach the company through that channel, the step cannot happen as written, and the channel is staffed for nobody. A queue that names a segment on a channel the segment does not list takes none of its contacts: the segment's targets do not reach the queue, TaskRouter and Zendesk route nothing of it there, and the spec reads as if they did.
explain-promise-clock =
    .summary = A promise is counted on a business-hours calendar (its own `hours`, else its channel's, else its SLA's) while its public wording gives plain time.
    .why = Customers read "we call back within 30 minutes" as 30 minutes of their day. A timer that stops overnight turns a request made at 17:50 into a call the next morning: the standard is met and the promise, as the customer understood it, is broken.
explain-promise-below-keep-rate =
    .summary = The SLA targets no slower than a promise guarantee its time for a smaller share of contacts than `measure.promise_keep_rate` (95%): up to the rest are promised a time nothing in the standards guarantees, and `cxc measure` calls a promise kept for fewer than the keep rate broken.
    .why = A public promise speaks to every customer ("every call within 20 seconds"); an SLA of 80% within 20 seconds guarantees 80% of calls that time and nothing for the others: met to the letter, it lets one caller in five wait longer. The 80% is a floor, not a forecast — in practice more calls may be answered in time — but nothing in the standards holds the rest to the promise, and `cxc measure` calls the promise broken if it is kept for fewer than the keep rate. A CX lead can back the promise with a target for the keep rate of contacts no slower than it (a second `answer` line), make the promise an honest longer time, or measure how often it is kept and set `measure.promise_keep_rate` to the share the company accepts.
explain-promise-exceeds-journey =
    .summary = A promise about an outcome (`journey J [from S] [to S]`) is shorter than the journey's own target or the step deadlines along the longest way through it, or the journey sets no deadline there at all. The way ends at its first arrival at the step the promise counts to (or at the first `end`), as `cxc measure` times the promise: a loop back through that step comes after the promise.
    .why = "Delivery within 60 minutes" is kept by the kitchen, the dispatcher and the courier, each within their own deadline. If their deadlines add up to more than the promise, it is broken by design, however hard everyone works.
explain-headcount-short =
    .summary = The queues of a team need more people at the same time (required headcount after shrinkage, added up interval by interval, an interval being the instant it starts at however the forecast writes it, or a time of a typical day or week; the busiest interval counts) than the `headcount` of the team's line roles — every role but its `lead` and its supervisory roles, those another role of the team `reports_to` (the lead counts only when it is the team's one role): a lead organises the line, it does not answer it. Queues that peak at different hours do not add up their peaks. A channel whose `owner` is a role of the queue's team is that role's to answer (its job description gives it the line, and TaskRouter offers its tasks to that role only): its queues' seats are compared with that role's `headcount` too, interval by interval, and the finding names the role. An owner role of another team does not answer the queue: the queue's team does. The finding counts seats filled at one moment, not people: covering them across shifts, days off and leave takes more people than it names; beside the peak it gives the seat-hours of a week (a typical day counted on each day its channel is open, a dated forecast divided by the weeks it covers), which divided by the hours a person works a week are the fewest people. A time of a typical day is also that time of every dated day (and a time of a typical week of every dated day on its weekday), on the queue's own clock and while its channel is open: a queue on a day profile adds up with one on a dated week file. A gap is reported once: a team is reported only when it would stay short after its roles' own findings are met.
    .why = Staffing plans are kept by people who exist. When the roles of a team add up to fewer people than its queues need, the standard cannot be met on the busiest day however the shifts are drawn.

## cxc explain

explain-list-severity = { $severity ->
        [error] error
       *[other] warning
    }
explain-title = { $code } ({ $severity } by default)
explain-why = Why: { $why }
explain-example = Example that triggers it:
explain-fixed = Fixed:
explain-eg = e.g.
explain-forms = The forms (CAPITALS stand for what you write, [brackets] for what may be left out; statements end at a new line or `;`):

hours-not-a-calendar = `hours` takes the name of a calendar, but `{ $written }` are opening times: did you mean to declare a calendar?
hours-not-a-calendar-help = declare the times once, e.g. `calendar office {"{"} open { $written } {"}"}`, then write `hours office` here
unclosed-text = this text is never closed: the `"` that opens it has no closing `"` on its line

## cxc help language

cli-no-help = no help on `{ $topic }`: try `cxc help language` or `cxc help COMMAND`
help-language = The cx language in short

    A spec is one or more `.cx` files (UTF-8). It declares things — teams, roles,
    channels, segments, SLAs, promises, journeys, complaint rules, queues,
    agreements — each as a keyword, an identifier, an optional display name in
    double quotes and a block in braces:

        team support "Customer service" {"{"} lead support_lead {"}"}

    Identifiers start with a letter (any alphabet) or `_`, then letters, digits,
    `_` and `-` (`vip`, `phone-line`, `старший_оператор`); they are unique per
    kind and may be used before they are declared, in any file of the spec.
    Inside a block, a statement ends at a new line or `;`. `#` starts a comment.
    `# cxc: allow(CODE)` on the line before silences one finding there.
    `include "file.cx"` reads another file of the spec (inside its folder).

    Values: durations `30s 15m 4h 1h30m 3d 2w`; deadlines in working days
    `3wd` (alone); percentages `80%`; dates `2026-05-01`; times `09:00`; days
    `mon-fri`, `sat`; texts "in quotes", or """over several lines""". A
    `segment` list may be `any`.

    An `owner` may be a team or a role; a role's work is its own, a team's goes
    to the team's line roles: every role of the team other than its `lead` and
    its supervisory roles (those another role of the team `reports_to`); with
    none, the lead (the lead and the supervisors organise it). SLA targets, complaint times and
    promises count running time of their calendar (`hours`; a promise: its
    own, else its channel's): `3d` on office hours is 72 office hours, not three days. `3wd`
    is due at the close of the third working day after the day it starts
    (holidays skipped; on a 24x7 calendar, at midnight).

    cxc addition: `hours CALENDAR` on a team says when its people work (a
    follow-the-sun centre), on a queue when its agents do (over the team's).
    TaskRouter's closure warning, `hours-uncovered`, staffing (seats
    counted in those hours only) and the job descriptions then read them,
    not the channel's.
help-language-config = Settings (cxc.yaml beside the spec)

        rules:        CODE: off | warning | error
        thresholds:   hot-potato: 3, too-many-tiers: 4,
                      high-effort-step: {"{"} effort: 4, dropoff: 30% {"}"},
                      missing-agreement: all | tier-1
        exports:      zendesk, taskrouter, segments, channels
        limits:       file_size: 64MB

    `cxc explain CODE` says why each finding matters; `cxc explain` lists them.

## cxc staff

staff-col-start = start
staff-col-volume = volume
staff-col-aht = AHT
staff-col-load = load
staff-col-needed = needed
staff-col-headcount = headcount
staff-col-in-time = in time
staff-col-waited = waited
staff-col-asa = ASA
staff-col-occupancy = occupancy
staff-col-hung-up = hung up
staff-col-binds = binds
staff-nothing = No queue has a forecast, so there is nothing to staff.
staff-legend = needed: fewest agents that meet every target (with no target: that carry the load); binds: the target that sets it;
    headcount: needed after shrinkage;
    in time: the share answered within the answer target ("-" for a queue with none);
    in time, waited, ASA, occupancy, hung up: with the queue's own agents.
staff-targets = { $count ->
        [one] target
       *[other] targets (each open one is met; the one needing most agents binds)
    } { $list }
staff-target-item = { $percent }% within { $within } ({ $when })
staff-hours = { $sla }, hours { $hours }
staff-around-the-clock = { $sla }, around the clock
staff-unjudged-item = { $target } ({ $sla })
staff-unjudged = not judged (their SLA has no answer target on this channel: nobody waits on the line for an answer, and “in time” has no time to count by): { $targets }
staff-no-target = no answer target for this channel
staff-agents = { $agents ->
        [one] 1 agent
       *[other] { $agents } agents
    }
staff-no-agents = no agents given
staff-meets = meets the target
staff-misses = MISSES the target (needs { $peak } at peak)
staff-out-of-reach = MISSES the target (out of reach)
staff-overloaded-verdict = OVERLOADED: the backlog grows without limit (needs { $peak } at peak to carry the load)
staff-needs = needs { $peak } at peak
staff-not-judged = not judged
staff-also = also { $targets }
staff-concurrency = { $contacts } contacts per agent at once
staff-binds-answer = answer { $percent }% within { $within }
staff-binds-metric = { $metric } { $comparison } { $value }
staff-binds-metric-within = { $target } (answered within { $within })
staff-no-channel = no channel
staff-overloaded = overloaded
staff-closed = channel closed
staff-unworked = queue not worked (team hours)

kind-folder = a folder
kind-pipe = a named pipe
kind-device = a device
kind-socket = a socket
kind-special = a special file
measure-target-missed = `{ $target }` for `{ $segment }` is missed: { $actual } of { GROUPED($n) } { $n ->
        [one] contact
       *[other] contacts
    } met it (goal { $goal }), { $period }
measure-target-missed-help = Staff or route so the target is met, or make the target one the contact centre can keep; `cxc measure -o DIR` shows every segment and channel.
measure-metric-missed = `{ $target }` for `{ $segment }` is missed: { $actual } over { GROUPED($n) } { $answers }, { $period }
measure-basis-answers = { $n ->
        [one] survey answer
       *[other] survey answers
    }
measure-basis-answered = answered contacts
measure-basis-contacts = live contacts
measure-promise-broken = promise `{ $promise }` was kept for { $actual } of { GROUPED($n) } { $n ->
        [one] customer
       *[other] customers
    } (goal { $goal }), { $period }
measure-promise-broken-every-case = promise `{ $promise }` was kept for { $actual } of { GROUPED($n) } { $n ->
        [one] case
       *[other] cases
    } (goal { $goal }), { $period }, measured on every case of the journey `{ $journey }`, whatever its segment: case rows name none
measure-promise-broken-help = A public promise kept less often than this costs more trust than it wins: fix what breaks it, or promise what is kept (the goal is `measure.promise_keep_rate` in cxc.yaml).
measure-complaint-late = complaint `{ $complaint }`: { $duty } for { $actual } of { GROUPED($n) } { $n ->
        [one] complaint
       *[other] complaints
    } (goal { $goal }), { $period }
measure-complaint-late-help = The owner of the complaint rule and its escalation roles need the deadline in their queue; the goal is `measure.deadline_rate` in cxc.yaml.
measure-duty-acknowledge = acknowledged within { $within }
measure-duty-resolve = resolved within { $within }
measure-duty-escalate = escalated when not resolved after { $after }
measure-duty-feedback = outcome told to the customer
measure-journey-deviation = { GROUPED($deviating) } of { GROUPED($n) } { $n ->
        [one] case
       *[other] cases
    } of journey `{ $journey }` took a path the map does not have, most often: { $detours }; { $period }
measure-journey-deviation-help = Either the map is missing a real path (add the `next`), or the work skips the standard (fix the process); the report lists every transition.
measure-detour = `{ $from }` → `{ $to }` ({ $count })
measure-detour-start = began at `{ $to }` instead of `start` ({ $count })
measure-step-late = { $subject } took longer than { $within } in { GROUPED($late) } of { GROUPED($n) } { $n ->
        [one] visit
       *[other] visits
    } (median { $median }, 90th percentile { $p90 }), { $period }
measure-journey-late = { $subject } took longer than { $within } in { GROUPED($late) } of { GROUPED($n) } completed { $n ->
        [one] case
       *[other] cases
    } (median { $median }, 90th percentile { $p90 }), { $period }
measure-subject-step = step `{ $step }` of journey `{ $journey }`
measure-subject-journey = journey `{ $journey }` from first to last step
measure-step-late-help = Look at the 90th percentile: the slowest tenth is what customers remember. Add capacity at the step, or give it a deadline it can keep; the goal is `measure.deadline_rate` in cxc.yaml.
measure-hot-potato = { GROUPED($over) } of { GROUPED($n) } { $n ->
        [one] case
       *[other] cases
    } of journey `{ $journey }` changed teams more than { $limit } times in customer-facing steps (at most { $most })
measure-hot-potato-help = Give one team the case end to end, or cut the handoffs the data shows; the limit is `thresholds.hot-potato` in cxc.yaml.
measure-bad-data = { $count } { $count ->
        [one] row
       *[other] rows
    } of the { $file } skipped: { $what } ({ $several ->
        [no] line
       *[yes] lines
    } { $lines })
measure-bad-data-help = Fix the export, or map its columns and names in cxc.yaml (`measure.columns`, `exports.segments`, `exports.channels`); rows like these are skipped and counted, never used.
measure-bad-export = The { $file }: { $what }{ $several ->
        [no] {""}
       *[yes] {" "}({ $count } columns named twice in all)
    }
measure-bad-export-help-column = Fix the export so that each column has a name of its own, or map the field to the column meant in cxc.yaml (`measure.columns`).
measure-bad-keys = The { $file }: { $count } { $count ->
        [one] row names
       *[other] rows name
    } a key more than once, such as `{ $name }`, so which value the row meant cannot be told (the first is read; { $several ->
        [no] line
       *[yes] lines
    } { $lines })
measure-flaw-duplicate-key = a row names the key `{ $name }` more than once (the first value is read)
measure-bad-export-help-type = A field is read from text, integers, DECIMAL, floats, booleans, dates and timestamps (a list, TIME or UUID column is none of them): cast the column to text or a timestamp when exporting (`CAST(created AS TIMESTAMP)`, or the date and time in one column), or map the field to another column in cxc.yaml (`measure.columns`).
measure-bad-export-help-parquet = Export the file again (a Parquet file ends with its footer: a copy cut short loses it), or export CSV or JSON Lines instead.
measure-bad-export-help-empty = Give the export of the period: a file with no rows measures nothing, and its figures would read as a clean period.
measure-cases-set-aside = { $cases } { $cases ->
        [one] case
       *[other] cases
    } of journey `{ $journey }` set aside whole, with { $visits } { $visits ->
        [one] visit
       *[other] visits
    } that were good, because { $rows } of { $rows ->
        [one] its rows was
       *[other] their rows were
    } bad data (cases export, { $several ->
        [no] line
       *[yes] lines
    } { $lines }): no figure of the journey counts them
measure-cases-set-aside-help = Replayed on the rows left, such a case would look like a drop-off or a detour that only the export made. Fix the rows named in the cases export's `bad-data` findings and measure again.
measure-file-contacts = contacts export
measure-file-cases = cases export
measure-flaw-missing = no `{ $field }`
measure-flaw-bad-time = `{ $field }` is not a date and time
measure-flaw-bad-number = `{ $field }` is not a number on its scale
measure-flaw-unreadable = the row cannot be read
measure-flaw-too-long = longer than { $max } MB (a quote that never closes?): skipped to the next line
measure-flaw-duplicate-column = its header names the column `{ $name }` more than once, so which of them the export meant cannot be told (the first is read)
measure-flaw-column-type = the field's column `{ $name }` is a { $kind } column, which cxc cannot read as a value, so no row of the export was read
measure-flaw-not-parquet = it is not readable Parquet (damaged, cut short, or not Parquet at all), so no row of it was read
measure-flaw-not-utf8 = it is not UTF-8 text (it starts as UTF-16 does), so no row of it was read
measure-flaw-no-rows = it holds no rows (an empty file, or a header alone): nothing was measured, so no figure says how the period went
measure-flaw-unknown-segment = a segment the spec does not have, such as `{ $name }`
measure-flaw-unknown-channel = a channel the spec does not have, such as `{ $name }`
measure-flaw-unknown-complaint = a complaint rule the spec does not have, such as `{ $name }`
measure-flaw-unknown-journey = a journey the spec does not have, such as `{ $name }`
measure-flaw-unknown-step = a step its journey does not have, such as `{ $name }`
measure-flaw-mixed-segments = a case whose visits name different segments, such as `{ $name }` (the whole case is set aside)
measure-flaw-before = `{ $field }` is earlier than `{ $since }`
measure-flaw-before-repeated-hour = `{ $field }` is earlier than `{ $since }` as cxc reads a time without an offset in the hour the clocks go back: as the first of the two instants, before the change; if the export meant the second, the row is right — write times with their offset (`{ $first }` before the change, `{ $second }` after it) to say which
measure-subject-channel = channel `{ $channel }`
measure-pain = { $subject } hurts customers: { $hurts }; { $period }
measure-hurt-dropoff = { $percent } of { GROUPED($n) } { $n ->
        [one] case
       *[other] cases
    } that reached it stopped there (pain from { $limit })
measure-hurt-csat = mean CSAT { $mean } over { GROUPED($n) } { $n ->
        [one] answer
       *[other] answers
    } (pain at { $limit } or less)
measure-hurt-effort = mean effort { $mean } over { GROUPED($n) } { $n ->
        [one] answer
       *[other] answers
    } (pain at { $limit } or more)
measure-pain-help = Customers leave where a step is hard, slow or unpleasant: fix the step or channel the data points at, not the customers who gave up. The thresholds are those of `high-effort-step`, or `measure.pain` in cxc.yaml.
measure-role-metric-missed = `{ $target }` for role `{ $role }` is missed: { $actual } over { GROUPED($n) } { $answers } on the channels it or its team owns, { $period }
measure-basis-resolved = resolved { $n ->
        [one] contact
       *[other] contacts
    } that name their customer
measure-repeat-contacts = { $actual } of { GROUPED($n) } { $n ->
        [one] contact
       *[other] contacts
    } of segment `{ $segment }` were followed by another contact of the same customer within { $window } (limit { $limit }), most often after `{ $channel }`; { $period }
measure-repeat-contacts-help = A customer who has to come back was not helped the first time: look at the reasons they come back for, fix the answer or the process behind them, and measure first-contact resolution (`target fcr`). The limit is `measure.repeat_share`, the window `measure.repeat_window` in cxc.yaml.
measure-hourly-cost-uncosted = the hourly cost of { $kind ->
        [role] role
       *[other] channel
    } `{ $name }` cannot become a cost per contact for { $uncosted } of { $n } { $n ->
        [one] contact
       *[other] contacts
    }{ $kind ->
        [role] { " " }on channel `{ $channel }`
       *[other] {""}
    }: { $uncosted ->
        [one] it has
       *[other] they have
    } no handle time in the export and { $queued ->
        [yes] queue `{ $queue }` has no `aht`
       *[other] no queue answers the channel
    }; cost to serve leaves { $uncosted ->
        [one] it
       *[other] them
    } out
measure-hourly-cost-uncosted-help = { $queued ->
        [yes] Give queue `{ $queue }` an `aht` (its mean handle time, such as `aht 6m`)
       *[other] Add a queue on channel `{ $channel }` with an `aht` (its mean handle time, such as `aht 6m`)
    }, or a `handle_time` column (seconds) to the contacts export; or state the cost per contact (`cost 4.50 per contact`).
measure-hourly-cost-no-queue = the hourly cost of role `{ $name }` is in no cost to serve: no queue names its team `{ $team }`, so no contact is known to take its time
measure-hourly-cost-no-queue-help = Name team `{ $team }` on the queue that answers its channel, with an `aht` (such as `queue calls { "{" } channel phone; team { $team }; aht 6m { "}" }`), so its hours are shared over the contacts it handles.
config-measure-field = export field
config-measure-setting = measure setting
config-rate = `{ $key }` must be a percentage from 0% to 100%
config-rate-help = Write it like `95%`.
config-scale = `{ $key }` must be a number from 1 to 5
config-scale-help = Write it like `4`.
config-window = `{ $key }` must be a duration longer than nothing
config-window-help = Write it like `7d` or `48h`.
config-pain-not-mapping = `measure.pain` takes `effort`, `dropoff` and `csat`
config-pain-not-mapping-help = e.g. `pain: {"{"} effort: 4, dropoff: 30%, csat: 2 {"}"}`
cli-measure-no-data = nothing to measure: give `--contacts FILE`, `--cases FILE` or both
cli-measure-spec-errors = the spec has errors; fix them first, then measure against it
cli-measure-one-spec = `cxc measure` takes one spec at a time; name its folder
cli-measure-delimiter = { $path }: the header's columns are separated by { $delimiter ->
        [semicolon] semicolons (`;`), as Excel saves CSV where the decimal separator is a comma
       *[tab] tabs
    }; the file was read with that delimiter
cli-measure-cannot-read = cannot read { $path }: { $error }
cli-measure-parquet-pipe = { $path } is a Parquet file piped into cxc: Parquet is read from its end, so save it to a file and name that
cli-measure-not-a-file = { $path } is not a file or a pipe: `cxc measure` reads exports saved as files, or piped into it
explain-target-missed =
    .summary = `cxc measure`: an SLA answer, first-response or resolution target, a `target` metric (csat, nps, ces, fcr, asa, abandonment) of an SLA or a role — FCR from the export's `customer` column — or a journey's `within` was missed for a segment in the exports.
    .why = A standard that is not kept is a wish. Attainment is counted on the clock of the target's calendar, abandoned calls count as missed, and deadlines without a percentage of their own must be met for `measure.deadline_rate` (95%) of contacts; open contacts count only once their deadline has passed.
explain-promise-broken =
    .summary = `cxc measure`: a public promise was kept for fewer customers than `measure.promise_keep_rate` (95%).
    .why = Customers remember a broken promise more than a kept one: a promise is worth making only when it is kept nearly always. It is measured on the promise's clock (its own `hours`, else its channel's): the first answer or reply within `within`; an unanswered call breaks it.
explain-complaint-late =
    .summary = `cxc measure`: complaints under a rule were acknowledged, resolved or escalated late, or not told the outcome, more often than `measure.deadline_rate` allows.
    .why = A complaint handled late turns a problem into a lost customer; the rule's times are what the complaint owner and escalation roles are held to. Counted on the rule's `hours`; escalation is due when a complaint is still open at the first rung's `after`.
explain-journey-deviation =
    .summary = `cxc measure`: cases of a journey took a transition its map does not have, or began somewhere other than `start`.
    .why = A journey map is only useful if it is the real path. Either reality has a path the standard misses, or the work skips a step the customer was promised; both need a decision.
explain-step-late =
    .summary = `cxc measure`: a journey step took longer than its `within` in more visits than `measure.deadline_rate` allows.
    .why = Step deadlines are where the journey's end-to-end time is won or lost; the median says what is usual, the 90th percentile what the slowest customers live through. Time at a step runs from entering it to leaving it (or entering the next step).
explain-bad-data =
    .summary = `cxc measure`: rows of an export name a segment, channel, complaint rule, journey or step the spec does not have, lack a required field, or hold times that cannot be read or come before the time they follow.
    .why = Figures are only as good as the rows under them: a row that contradicts the spec is skipped and counted, never fatal and never dropped in silence, with the first lines shown so the export or its mapping can be fixed.
explain-measured-pain =
    .summary = `cxc measure`: the data shows a journey step or a channel hurting customers — drop-off, mean CSAT or mean effort past the `high-effort-step` thresholds (`measure.pain` in cxc.yaml).
    .why = `high-effort-step` judges the effort and drop-off the spec states; this judges what the exports show: a step where many cases stop, or that customers rate low or call hard, is where they leave. Drop-off is the share of the cases reaching a step that stopped there; CSAT and effort are the means of the survey answers of the step's visits or the channel's contacts.
explain-repeat-contacts =
    .summary = `cxc measure`: more of a segment's contacts than `measure.repeat_share` (20%) were followed by another contact of the same customer within `measure.repeat_window` (7 days) — from the contacts export's `customer` column.
    .why = Every repeat contact is work paid for twice and a customer who was not helped the first time. A contact is repeated when the same customer contacts again after it was made and no later than the window after it was resolved (else made); the same data gives first-contact resolution (`target fcr`, on the same `reason` when the export has one) and channel switching.
explain-tier-without-value =
    .summary = Tiers contradict what a segment's customers are worth: a better tier has a lower average check than a worse tier (when the two cannot be ranked by `revenue` ÷ `share`, which `pareto-mismatch` judges), or a tiered segment gives no value figure while others do.
    .why = Tiers follow value: the customers who bring the most are the ones served first (the 80/20 rule). Tier 1 for customers with an average check of 1,000 beside tier 2 at 900,000 puts the wrong customers at the front of the queue; a tier with no figure behind it is a guess nobody can check.
explain-hours-uncovered =
    .summary = A channel is open while none of the teams whose queues take it is at work (cxc addition: `hours` on a team or queue) — a 24x7 line of three centres that all close on Saturday.
    .why = A follow-the-sun operation hands a line from centre to centre; where the hand-over leaves a gap, the line rings with nobody to answer, and the contact waits until the next centre opens, against a target that counts every minute of it. The hours a line is open must be worked by some team. The finding names every stretch that comes every week (every day, on weekdays) and, apart from them, the stretches on dates of their own (a team's holiday, the weeks the clocks change), each with its date.
explain-sla-beyond-channel-hours =
    .summary = An SLA's `hours` run while a channel it sets a target for is closed (a 24x7 answer target on an office-hours phone line).
    .why = A target that counts the night on a line that closes at six is missed by every call left for the morning. Routing does not change that: the routing exports have no time-of-day conditions, so a contact made while the channel is closed waits until its agents log in, while the target's clock runs. The target and the channel must keep one clock.
explain-invalid-timezone =
    .summary = A calendar's `timezone` is not an IANA name ("MSK" instead of "Europe/Moscow").
    .why = Every clock of the standards — SLA timers, promises, measured figures, exported business hours — runs in the calendar's zone. An abbreviation does not say when daylight saving changes, and systems like Zendesk refuse it, so the zone must be one the IANA database knows.
explain-hourly-cost-uncosted =
    .summary = `cxc measure`: a `cost … per hour` on a channel or role cannot become a cost per contact for some contacts — the export gives them no `handle_time` and the queue that answers the channel has no `aht` (or no queue answers it) — so cost to serve leaves them out.
    .why = An hour of work costs money only through the contacts handled in it: hourly cost × handle time (÷ the queue's `concurrency`) is what one contact costs. Without a handle time from the data or the queue's mean handle time, the contacts cannot be costed; left silent, cost to serve, the cost per contact and every saving built on them would rest on fewer contacts than were handled, or leave the hourly cost out altogether.
explain-right-conflict =
    .summary = A role's declared right caps compensation ("up to 500 without approval") while a complaint rule the role handles lets it compensate with no amount, or a larger one, without approval.
    .why = The job description lists both rights: the one written by hand and the one the model derives from the complaint rules the role handles. When they contradict each other, the agent either breaks the cap or refuses the remedy the standard promises; either way the customer meets a rule the company did not mean.
template-error = { $kind ->
        [syntax] the template `{ $file }` is not a valid template
        [unknown] the template `{ $file }` names something that does not exist
        [fuel] the templates ran out of the work one build allows, in `{ $file }`
        [output] the template `{ $file }` writes or builds more than a user template may
        [unreadable] the template `{ $file }` cannot be used
       *[failed] the template `{ $file }` failed while the document was made
    } (minijinja says: { $detail })
template-error-syntax-help = correct the template at this line (minijinja is written like Jinja2: `{"{{ value }}"}`, `{"{% if … %}…{% endif %}"}`), or delete the file to use the built-in template; nothing was written
template-error-unknown-help = check the spelling at this line: besides minijinja's own filters cxc adds `cell`, `duration`, `number`, `percent`, `decimal`, `date` and `after_colon`, and the values are those of the built-in template of the same name (start from a copy of it); nothing was written
template-error-fuel-help = user templates share a budget of work per build (more for a bigger spec): look at this line for a loop that never ends or loops inside loops over the whole spec; nothing was written
template-error-output-help = a document of a user template may hold at most 64 MB, the build 512 MB, and one value 16 MB (plus 1 KB per declaration and step): look at this line for a loop that repeats or doubles a text; nothing was written
template-error-failed-help = the template asked for something its values cannot do at this line (compare it with the built-in template of the same name); nothing was written
template-error-unreadable-help = `--templates` must be a folder of regular UTF-8 text files of at most 1 MB, with no symbolic links inside it; nothing was written
explain-template-error =
    .summary = `cxc build --templates DIR`: a user template cannot be used — it does not parse, names a filter or value that does not exist, runs out of the build's budget of work, writes more than a document may hold, fails while it runs, or is not a readable text file. cxc stops (exit 2) and writes nothing.
    .why = Templates come from whoever edits the repository. A template that loops forever or writes gigabytes must stop the build with a clear word instead of taking the machine, and a broken one must not leave half the documents written. As a finding with a code, the file and the line, the stop reaches CI in every format, SARIF included; the template's text is never quoted back.
