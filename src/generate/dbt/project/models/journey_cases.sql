{#- One row per case: where it began and ended, whether it reached an end
    (`completed`), followed the map (`fitting`), is still under way at the
    moment the export is judged (its last step's `within`, else the
    journey's, not run out; with neither, nothing runs out: still there)
    or stopped, its end-to-end time and its team
    changes over customer-facing steps (as `hot-potato` counts them). -#}
with v as (select * from {{ ref('journey_visits') }}),
per_case as (
  select journey_id, case_id,
    max(case when pos = 1 then entered__at end) as first_entered,
    max(case when pos = visits_in_case then step_id end) as last_step,
    max(case when pos = visits_in_case then entered__at end) as last_entered,
    max(case when pos = visits_in_case then left__at end) as last_left,
    max(case when pos = visits_in_case then (case when left__at is not null then left__ns else entered__ns end) end) as end_ns,
    sum(detour) as detours
  from v group by journey_id, case_id
),
facing as (
  select v.journey_id, v.case_id, {{ cxc_none('s.team') }} as team,
    lag({{ cxc_none('s.team') }}) over (partition by v.journey_id, v.case_id order by v.pos) as team_before
  from v join {{ ref('cxc_steps') }} s on s.journey = v.journey_id and s.step = v.step_id
  where s.facing = 1
),
changes as (
  select journey_id, case_id,
    sum(case when team is not null and team_before is not null and team <> team_before then 1 else 0 end) as handoffs
  from facing group by journey_id, case_id
),
judged as (
  select p.*, s.is_end as completed, coalesce(h.handoffs, 0) as handoffs,
    case when s.is_end = 0 and (case when s.within_s is not null or s.within_wd is not null
                                       then (case when {{ cxc_overdue('a.cases_as_of - p.last_entered', 's.within_s', 'a.cases_as_of', 'ds.close_s') }} then 0 else 1 end)
                                     when j.within_s is not null or j.within_wd is not null
                                       then (case when {{ cxc_overdue('a.cases_as_of - p.first_entered', 'j.within_s', 'a.cases_as_of', 'dj.close_s') }} then 0 else 1 end)
                                     else 1 end) = 1
         then 1 else 0 end as under_way,
    case when s.is_end = 1 then coalesce(p.last_left, p.last_entered) - p.first_entered end as end_to_end_s,
    case when s.is_end = 1 and {{ cxc_kept('coalesce(p.last_left, p.last_entered) - p.first_entered', 'j.within_s', 'coalesce(p.last_left, p.last_entered)', 'p.end_ns', 'dj.close_s') }}
         then 1 else 0 end as on_time
  from per_case p
  join {{ ref('cxc_steps') }} s on s.journey = p.journey_id and s.step = p.last_step
  join {{ ref('cxc_journeys') }} j on j.journey = p.journey_id
  left join changes h on h.journey_id = p.journey_id and h.case_id = p.case_id
  cross join {{ ref('cxc_as_of') }} a
  {{ cxc_due_join('ds', 's.workdays', 's.within_wd', 'p.last_entered') }}
  {{ cxc_due_join('dj', 'j.workdays', 'j.within_wd', 'p.first_entered') }}
)
select judged.*,
  case when completed = 1 and detours = 0 then 1 else 0 end as fitting,
  case when completed = 0 and under_way = 0 then 1 else 0 end as stopped
from judged
