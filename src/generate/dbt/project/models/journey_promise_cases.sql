{#- Promises over a journey, per case: from entering the promise's `from`
    step (else the case's first) to entering its `to` step (else the first
    `end`) after it, on wall time. A case that entered `from` and never
    `to` is open work while no end is reached: broken once the promise's
    time had passed by the end of the export (cxc_as_of), otherwise not
    counted; a case closed at another end went another way and is not
    counted (journey_cases' `completed`); cases that
    never entered `from` are not counted. A case that names a segment
    counts only for the promises of its segment
    (cxc_journey_promise_segments; `any_segment`: the promise names none);
    a case that names none counts for every promise. -#}
with v as (select * from {{ ref('journey_visits') }}),
p as (
  select promise, ord, journey, within_s, within_wd, workdays, any_segment, {{ cxc_none('from_step') }} as from_step, {{ cxc_none('to_step') }} as to_step
  from {{ ref('cxc_journey_promises') }}
),
starts as (
  select p.promise, p.ord, p.within_s, p.within_wd, p.workdays, p.to_step, v.journey_id, v.case_id,
    min(case when p.from_step is null or v.step_id = p.from_step then v.pos end) as from_pos
  from p join v on v.journey_id = p.journey
  left join {{ ref('cxc_journey_promise_segments') }} ps on ps.promise = p.promise and ps.segment = v.case_segment
  where p.any_segment = 1 or v.case_segment is null or ps.promise is not null
  group by p.promise, p.ord, p.within_s, p.within_wd, p.workdays, p.to_step, v.journey_id, v.case_id
),
ends as (
  select st.promise, st.ord, st.within_s, st.within_wd, st.workdays, st.journey_id, st.case_id, st.from_pos,
    min(case when v.pos >= st.from_pos and ((st.to_step is null and s.is_end = 1) or v.step_id = st.to_step) then v.pos end) as to_pos
  from starts st
  join v on v.journey_id = st.journey_id and v.case_id = st.case_id
  join {{ ref('cxc_steps') }} s on s.journey = v.journey_id and s.step = v.step_id
  where st.from_pos is not null
  group by st.promise, st.ord, st.within_s, st.within_wd, st.workdays, st.journey_id, st.case_id, st.from_pos
),
judged as (
  select e.*, f.entered__at as from_at,
    case when c.completed = 1 then null else a.cases_as_of end as judged_at
  from ends e
  join v f on f.journey_id = e.journey_id and f.case_id = e.case_id and f.pos = e.from_pos
  join {{ ref('journey_cases') }} c on c.journey_id = e.journey_id and c.case_id = e.case_id
  cross join {{ ref('cxc_as_of') }} a
)
select e.promise, e.ord, e.journey_id, e.case_id,
  case when t.pos is not null and {{ cxc_kept('greatest(t.entered__at - e.from_at, 0)', 'e.within_s', 't.entered__at', 't.entered__ns', 'd.close_s') }} then 1 else 0 end as kept
from judged e
left join v t on t.journey_id = e.journey_id and t.case_id = e.case_id and t.pos = e.to_pos
{{ cxc_due_join('d', 'e.workdays', 'e.within_wd', 'e.from_at') }}
where e.to_pos is not null
   or (e.judged_at is not null and {{ cxc_overdue('e.judged_at - e.from_at', 'e.within_s', 'e.judged_at', 'd.close_s') }})
