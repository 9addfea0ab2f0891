{#- Each step as the cases lived it: visits, cases that reached it, cases
    that stopped there though it is no end, drop-off (the share of those
    that reached it), median and 90th-percentile time at the step, visits on
    time against its `within`, and CSAT. -#}
with v as (select * from {{ ref('journey_visits') }}),
visits as (
  select v.journey_id, v.step_id, count(*) as visits, count(distinct v.case_id) as reached,
    count(v.time_s) as timed,
    sum(case when v.time_s is not null and {{ cxc_kept('v.time_s', 's.within_s', 'v.until_at', 'v.until_ns', 'v.due') }} then 1 else 0 end) as on_time_kept,
    count(v.csat) as csat_n, sum(v.csat) as csat_sum,
    count(v.effort) as effort_n, sum(v.effort) as effort_sum
  from v join {{ ref('cxc_steps') }} s on s.journey = v.journey_id and s.step = v.step_id
  group by v.journey_id, v.step_id
),
stopped as (
  select journey_id, last_step as step_id, sum(stopped) as stopped
  from {{ ref('journey_cases') }} group by journey_id, last_step
),
times as (
  {{ cxc_quantiles('select journey_id, step_id, time_s from ' ~ ref('journey_visits'), ['journey_id', 'step_id'], 'time_s') }}
)
select s.journey, s.step, s.ord,
  coalesce(x.visits, 0) as visits, coalesce(x.reached, 0) as reached, coalesce(d.stopped, 0) as stopped,
  case when x.reached > 0 then cast(coalesce(d.stopped, 0) as {{ cxc_double() }}) * 1e2 / cast(x.reached as {{ cxc_double() }}) end as dropoff,
  coalesce(t.n, 0) as time_n, t.median as time_median, t.p90 as time_p90,
  s.within_s,
  case when s.within_s is not null or s.within_wd is not null then coalesce(x.timed, 0) end as on_time_n,
  case when s.within_s is not null or s.within_wd is not null then coalesce(x.on_time_kept, 0) end as on_time_kept,
  case when s.within_s is not null or s.within_wd is not null then {{ cxc_percent('coalesce(x.on_time_kept, 0)', 'coalesce(x.timed, 0)') }} end as on_time_percent,
  case when s.within_s is not null or s.within_wd is not null then {{ cxc_meets('coalesce(x.on_time_kept, 0)', 'coalesce(x.timed, 0)', 'g.deadline_rate') }} end as on_time_ok,
  case when x.csat_n > 0 then round(x.csat_sum / cast(x.csat_n as {{ cxc_double() }}) * 1e2) / 1e2 end as csat,
  coalesce(x.csat_n, 0) as csat_n,
  case when x.csat_n > 0 then x.csat_sum / cast(x.csat_n as {{ cxc_double() }}) end as csat_mean,
  case when x.effort_n > 0 then x.effort_sum / cast(x.effort_n as {{ cxc_double() }}) end as effort,
  coalesce(x.effort_n, 0) as effort_n
from {{ ref('cxc_steps') }} s
join (select distinct journey_id from {{ ref('journey_cases') }}) m on m.journey_id = s.journey
left join visits x on x.journey_id = s.journey and x.step_id = s.step
left join stopped d on d.journey_id = s.journey and d.step_id = s.step
left join times t on t.journey_id = s.journey and t.step_id = s.step
cross join {{ ref('cxc_settings') }} g
