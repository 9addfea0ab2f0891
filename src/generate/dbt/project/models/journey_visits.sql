{#- Each case's visits in the order they were entered, replayed on the
    journey's graph: position, the step before, whether the map has that
    transition, and the time at the step (to `left`, else to entering the
    next step, `until_at`), and when the step's `within` in working days
    is due (`due`, wall clock). Visits entered at the same instant are
    ordered by step, then by the rest of the row (nulls first), so that no
    order of the export shows. A case is every row with its id, cut after each visit
    of a step that ends the journey with no way on (`is_final`): an id used
    again after that starts a new case, `case_id` here being the id and the
    number of such visits before (`A#0`, `A#1`), as `cxc measure` cuts
    them. An id whose visits name different segments is left out whole
    (cxc_case_segments), and so is one a bad row names
    (cxc_cases_set_aside); `case_segment` is the one its visits name. -#}
{%- set by = 'entered__at, v.entered__ns, v.step_ord, v.left__at nulls first, v.left__ns nulls first, v.csat nulls first, v.effort nulls first' -%}
with v as (
  select g.*, c.case_segment
  from {{ ref('cxc_visits') }} g
  join {{ ref('cxc_case_segments') }} c on c.journey_id = g.journey_id and c.case_id = g.case_id
  left join {{ ref('cxc_cases_set_aside') }} x on x.journey_id = g.journey_id and x.case_id = g.case_id
  where g.good = 1 and c.mixed = 0 and x.case_id is null
),
stepped as (
  select v.journey_id, v.step_id, v.csat, v.effort, v.entered__at, v.entered__ns,
    v.left__at, v.left__ns, v.day, s.ord as step_ord, v.case_id as case_name,
    s.is_final, v.case_segment
  from v
  join {{ ref('cxc_steps') }} s on s.journey = v.journey_id and s.step = v.step_id
),
runs as (
  select v.*,
    coalesce(sum(v.is_final) over (partition by v.journey_id, v.case_name order by v.{{ by }}
                                   rows between unbounded preceding and 1 preceding), 0) as run
  from stepped v
),
cased as (
  select runs.*, concat(case_name, '#', cast(run as {{ cxc_text() }})) as case_id from runs
),
ordered as (
  select v.*,
    row_number() over (partition by v.journey_id, v.case_id order by v.{{ by }}) as pos,
    count(*) over (partition by v.journey_id, v.case_id) as visits_in_case,
    lead(v.entered__at) over (partition by v.journey_id, v.case_id order by v.{{ by }}) as next_entered,
    lead(v.entered__ns) over (partition by v.journey_id, v.case_id order by v.{{ by }}) as next_entered_ns,
    lag(v.step_id) over (partition by v.journey_id, v.case_id order by v.{{ by }}) as prev_step
  from cased v
)
select o.*,
  case when o.left__at is not null then greatest(o.left__at - o.entered__at, 0)
       when o.next_entered is not null then greatest(o.next_entered - o.entered__at, 0) end as time_s,
  coalesce(o.left__at, o.next_entered) as until_at,
  case when o.left__at is not null then o.left__ns else o.next_entered_ns end as until_ns,
  d.close_s as due,
  case when o.pos = 1 then (case when o.step_id = {{ cxc_none('j.start_step') }} then 0 else 1 end)
       when t.to_step is null then 1 else 0 end as detour
from ordered o
join {{ ref('cxc_journeys') }} j on j.journey = o.journey_id
left join {{ ref('cxc_transitions') }} t
  on t.journey = o.journey_id and t.from_step = o.prev_step and t.to_step = o.step_id
join {{ ref('cxc_steps') }} w on w.journey = o.journey_id and w.step = o.step_id
{{ cxc_due_join('d', 'w.workdays', 'w.within_wd', 'o.entered__at') }}
