{#- Each SLA's `target` lines the exports can show (csat, nps, ces, asa,
    abandonment, fcr), per segment of the SLA, as `cxc measure` computes
    them: over the segment's contacts on the channels the SLA governs for
    it (seed `cxc_sla_governs`, written by cxc from its rule: a channel the
    SLA names, or one no other SLA of the segment names). A contact is
    live where the SLA has an answer target on its channel: abandoned when
    never answered, else waited (on the SLA's clock) until answered — the
    ASA is that wait's mean. FCR is the segment's (see `repeats`). `value`
    is in the target's unit (a percentage, a number, seconds), exact as
    measure.json writes it; a line with nothing measured has no row. -#}
{%- set d = cxc_double() -%}
with rows as (
  select g.sla, g.segment, g.live, {{ cxc_none('g.calendar') }} as calendar,
    cast(null as {{ cxc_int() }}) as within_wd, '-' as workdays,
    {{ cxc_in_zone('created', 'g') }} as c_at,
    {{ cxc_in_zone('answered', 'g') }} as a_at,
    c.csat, c.nps, c.effort
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_sla_governs') }} g on g.segment = c.segment_id and g.channel = c.channel_id
  where c.good = 1
),
timed as (
  {{ cxc_timed('rows', [('waited', 'rows.a_at')]) }}
),
sums as (
  select sla, segment,
    sum(case when csat is not null then 1 else 0 end) as csat_n, sum(csat) as csat_sum,
    sum(case when csat >= 4 then 1 else 0 end) as csat_satisfied,
    sum(case when nps is not null then 1 else 0 end) as nps_n,
    sum(case when nps >= 9 then 1 else 0 end) as promoters,
    sum(case when nps <= 6 then 1 else 0 end) as detractors,
    sum(case when effort is not null then 1 else 0 end) as effort_n, sum(effort) as effort_sum,
    sum(live) as live_n,
    sum(case when live = 1 and a_at is null then 1 else 0 end) as abandoned,
    sum(case when live = 1 and a_at is not null then 1 else 0 end) as answered_n,
    sum(case when live = 1 and a_at is not null then waited else 0 end) as wait_sum
  from timed
  group by sla, segment
),
fcr as (
  select segment, sum(resolved) as resolved, sum(first_contact) as first_contact
  from {{ ref('repeats') }}
  group by segment
),
measured as (
  select k.sla, k.sla_ord, s.segment, k.idx, k.metric, k.comparison, k.unit, k.goal,
    case k.metric
      when 'csat' then (case when k.unit = 'percent'
                             then cast(s.csat_satisfied as {{ d }}) * 1e2 / cast(nullif(s.csat_n, 0) as {{ d }})
                             else cast(s.csat_sum as {{ d }}) / cast(nullif(s.csat_n, 0) as {{ d }}) end)
      when 'nps' then cast(s.promoters as {{ d }}) * 1e2 / cast(nullif(s.nps_n, 0) as {{ d }})
                      - cast(s.detractors as {{ d }}) * 1e2 / cast(nullif(s.nps_n, 0) as {{ d }})
      when 'ces' then cast(s.effort_sum as {{ d }}) / cast(nullif(s.effort_n, 0) as {{ d }})
      when 'asa' then cast(s.wait_sum as {{ d }}) / cast(nullif(s.answered_n, 0) as {{ d }})
      when 'abandonment' then cast(s.abandoned as {{ d }}) * 1e2 / cast(nullif(s.live_n, 0) as {{ d }})
      when 'fcr' then (case when k.unit = 'percent'
                            then cast(f.first_contact as {{ d }}) / cast(nullif(f.resolved, 0) as {{ d }}) * 1e2
                            else cast(f.first_contact as {{ d }}) / cast(nullif(f.resolved, 0) as {{ d }}) end)
    end as value,
    case k.metric
      when 'csat' then s.csat_n when 'nps' then s.nps_n when 'ces' then s.effort_n
      when 'asa' then s.answered_n when 'abandonment' then s.live_n
      when 'fcr' then coalesce(f.resolved, 0)
    end as n
  from sums s
  join {{ ref('cxc_sla_kpis') }} k on k.sla = s.sla
  left join fcr f on f.segment = s.segment
)
select sla, segment, idx, metric, comparison, unit, goal, value, n,
  case comparison
    when '>=' then (case when value >= goal then 1 else 0 end)
    when '<=' then (case when value <= goal then 1 else 0 end)
    when '>' then (case when value > goal then 1 else 0 end)
    when '<' then (case when value < goal then 1 else 0 end)
    else (case when abs(value - goal) < 1e-9 then 1 else 0 end)
  end as ok,
  sla_ord
from measured
where n > 0
