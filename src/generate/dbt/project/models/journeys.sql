{#- Each journey with cases: how many, how many followed the map, reached
    an end, are under way or deviated; end-to-end time of completed cases
    and how many kept the journey's `within`; team changes per case. -#}
with c as (select * from {{ ref('journey_cases') }}),
counts as (
  select journey_id, count(*) as cases, sum(fitting) as fitting, sum(completed) as completed,
    sum(under_way) as in_progress, sum(case when detours > 0 then 1 else 0 end) as deviating,
    sum(case when completed = 1 then 1 else 0 end) as on_time_n,
    sum(on_time) as on_time_kept,
    sum(case when handoffs > g.max_handoffs then 1 else 0 end) as over_handoff_limit
  from c cross join {{ ref('cxc_settings') }} g
  group by journey_id
),
e2e as (
  {{ cxc_quantiles('select journey_id, end_to_end_s from ' ~ ref('journey_cases'), ['journey_id'], 'end_to_end_s') }}
),
handoffs as (
  {{ cxc_quantiles('select journey_id, handoffs from ' ~ ref('journey_cases'), ['journey_id'], 'handoffs') }}
)
select j.journey, j.ord, k.cases, k.fitting, k.completed, k.in_progress, k.deviating,
  coalesce(e.n, 0) as end_to_end_n, e.median as end_to_end_median, e.p90 as end_to_end_p90,
  j.within_s,
  case when j.within_s is not null or j.within_wd is not null then k.on_time_n end as on_time_n,
  case when j.within_s is not null or j.within_wd is not null then k.on_time_kept end as on_time_kept,
  case when j.within_s is not null or j.within_wd is not null then {{ cxc_percent('k.on_time_kept', 'k.on_time_n') }} end as on_time_percent,
  case when j.within_s is not null or j.within_wd is not null then {{ cxc_meets('k.on_time_kept', 'k.on_time_n', 'g.deadline_rate') }} end as on_time_ok,
  h.median as handoffs_median, h.largest as handoffs_max, k.over_handoff_limit
from {{ ref('cxc_journeys') }} j
join counts k on k.journey_id = j.journey
left join e2e e on e.journey_id = j.journey
left join handoffs h on h.journey_id = j.journey
cross join {{ ref('cxc_settings') }} g
