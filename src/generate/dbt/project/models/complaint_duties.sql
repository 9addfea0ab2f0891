{#- Complaint rules kept, per duty: acknowledged and resolved within the
    rule's times; escalated by the first rung's `after` when still open
    then; with `feedback required`, every resolved complaint told its
    outcome. On the rule's `hours`, else on the wall clock. -#}
with rows as (
  select d.complaint, d.ord, d.duty, d.duty_ord, d.limit_s as within_s, d.limit_wd as within_wd, k.workdays,
    {{ cxc_none('k.calendar') }} as calendar,
    {{ cxc_in_zone('created', 'k') }} as c_at,
    {{ cxc_in_zone('resolved', 'k') }} as res_at,
    {{ cxc_in_zone('feedback', 'k') }} as fb_at,
    case d.duty when 'acknowledge' then {{ cxc_in_zone('acknowledged', 'k') }}
                when 'escalate' then {{ cxc_in_zone('escalated', 'k') }}
                else {{ cxc_in_zone('resolved', 'k') }} end as f_at,
    c.resolved__ns as res_ns,
    case d.duty when 'acknowledge' then c.acknowledged__ns when 'escalate' then c.escalated__ns
                else c.resolved__ns end as f_ns,
    a.contacts_as_of as as_of
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_complaint_clocks') }} k on k.complaint = c.complaint_id
  join {{ ref('cxc_complaint_duties') }} d on d.complaint = c.complaint_id
  cross join {{ ref('cxc_as_of') }} a
  where c.good = 1
),
timed as (
  {{ cxc_timed('rows', [('resolved_in', 'rows.res_at'), ('took', 'rows.f_at'), ('waited', 'rows.as_of')]) }}
),
judged as (
  select complaint, ord, duty, duty_ord,
    case
      when duty = 'feedback' then (case when res_at is not null then 1 else 0 end)
      when duty = 'escalate' and res_at is not null and {{ cxc_kept('resolved_in', 'within_s', 'res_at', 'res_ns', 'due') }} then 0
      when f_at is not null or {{ cxc_overdue('waited', 'within_s', 'as_of', 'due') }} then 1 else 0 end as counted,
    case
      when duty = 'feedback' then (case when res_at is not null and fb_at is not null then 1 else 0 end)
      when duty = 'escalate' and res_at is not null and {{ cxc_kept('resolved_in', 'within_s', 'res_at', 'res_ns', 'due') }} then 0
      when f_at is not null and {{ cxc_kept('took', 'within_s', 'f_at', 'f_ns', 'due') }} then 1 else 0 end as kept
  from timed
),
counted as (
  select complaint, ord, duty, duty_ord, sum(counted) as n, sum(kept) as kept
  from judged group by complaint, ord, duty, duty_ord
)
select c.complaint, c.duty, c.n, c.kept, {{ cxc_percent('c.kept', 'c.n') }} as percent,
  s.deadline_rate as goal, {{ cxc_meets('c.kept', 'c.n', 's.deadline_rate') }} as ok, c.ord, c.duty_ord
from counted c
cross join {{ ref('cxc_settings') }} s
where c.n > 0
