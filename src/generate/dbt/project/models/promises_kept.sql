{#- Promises kept. On a channel: the first answer (`answered`, else
    `first_response`) within `within` on the channel's hours; a call never
    answered breaks it, an e-mail not answered yet waits for its deadline.
    Over a journey: see journey_cases. -#}
with rows as (
  select p.promise, p.ord, p.within_s, p.within_wd, p.workdays, {{ cxc_none('p.calendar') }} as calendar, p.live,
    {{ cxc_in_zone('created', 'p') }} as c_at,
    case when c.answered__kind <> 0 then {{ cxc_in_zone('answered', 'p') }} else {{ cxc_in_zone('first_response', 'p') }} end as r_at,
    case when c.answered__kind <> 0 then c.answered__ns else c.first_response__ns end as r_ns,
    c.created__ns as c_ns,
    a.contacts_as_of as as_of
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_promises') }} p on p.segment = c.segment_id and p.channel = c.channel_id
  cross join {{ ref('cxc_as_of') }} a
  where c.good = 1
),
timed as (
  {{ cxc_timed('rows', [('took', 'rows.r_at'), ('waited', 'rows.as_of')]) }}
),
on_channels as (
  select promise, ord,
    sum(case when r_at is not null or live = 1 or {{ cxc_overdue('waited', 'within_s', 'as_of', 'due') }} then 1 else 0 end) as n,
    sum(case when r_at is not null and not {{ cxc_before('r_at', 'r_ns', 'c_at', 'c_ns') }} and {{ cxc_kept('took', 'within_s', 'r_at', 'r_ns', 'due') }} then 1 else 0 end) as kept
  from timed
  group by promise, ord
),
over_journeys as (
  select promise, ord, count(*) as n, sum(kept) as kept
  from {{ ref('journey_promise_cases') }}
  group by promise, ord
),
every as (
  select * from on_channels union all select * from over_journeys
)
select e.promise, e.n, e.kept, {{ cxc_percent('e.kept', 'e.n') }} as percent,
  s.promise_keep_rate as goal, {{ cxc_meets('e.kept', 'e.n', 's.promise_keep_rate') }} as ok, e.ord
from every e
cross join {{ ref('cxc_settings') }} s
where e.n > 0
