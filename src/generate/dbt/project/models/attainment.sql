{#- SLA attainment: each answer, first-response and resolution target of
    each SLA, per segment (and channel), as `cxc measure` counts it — on the
    clock of the SLA's `hours` (a limit in working days: by the close of the
    last of them); an answer that never came is missed; a
    reply or resolution not come yet is missed once its deadline has passed
    at the moment the export is judged (cxc_as_of), else not counted. -#}
with rows as (
  select t.sla, t.sla_ord, t.segment, t.kind, t.kind_ord, t.idx, {{ cxc_none('t.target_channel') }} as target_channel,
    t.within_s, t.within_wd, t.workdays, t.goal,
    {{ cxc_none('t.calendar') }} as calendar,
    {{ cxc_in_zone('created', 't') }} as c_at,
    case t.kind when 'answer' then {{ cxc_in_zone('answered', 't') }}
                when 'first_response' then {{ cxc_in_zone('first_response', 't') }}
                else {{ cxc_in_zone('resolved', 't') }} end as f_at,
    case t.kind when 'answer' then c.answered__ns when 'first_response' then c.first_response__ns
                else c.resolved__ns end as f_ns,
    a.contacts_as_of as as_of
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_sla_targets') }} t on t.segment = c.segment_id and t.channel = c.channel_id
  cross join {{ ref('cxc_as_of') }} a
  where c.good = 1
),
timed as (
  {{ cxc_timed('rows', [('took', 'rows.f_at'), ('waited', 'rows.as_of')]) }}
),
counted as (
  select sla, sla_ord, segment, kind, kind_ord, idx, target_channel as channel, goal,
    sum(case when kind = 'answer' or f_at is not null or {{ cxc_overdue('waited', 'within_s', 'as_of', 'due') }} then 1 else 0 end) as n,
    sum(case when f_at is not null and {{ cxc_kept('took', 'within_s', 'f_at', 'f_ns', 'due') }} then 1 else 0 end) as met
  from timed
  group by sla, sla_ord, segment, kind, kind_ord, idx, target_channel, goal
)
select sla, segment, channel, kind, idx, n, met,
  {{ cxc_percent('met', 'n') }} as percent, goal, {{ cxc_meets('met', 'n', 'goal') }} as ok,
  sla_ord, kind_ord
from counted
where n > 0
