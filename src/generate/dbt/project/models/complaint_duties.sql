{#- Complaint rules kept, per duty: acknowledged and resolved within the
    rule's times; escalated by the first rung's `after` when still open
    then; with `feedback required`, every resolved complaint told its
    outcome. On the rule's `hours`, else its channel's. -#}
with rows as (
  select d.complaint, d.ord, d.duty, d.duty_ord, d.limit_s, {{ cxc_none('k.calendar') }} as calendar,
    {{ cxc_in_zone('created', 'k') }} as c_at,
    {{ cxc_in_zone('resolved', 'k') }} as res_at,
    {{ cxc_in_zone('feedback', 'k') }} as fb_at,
    case d.duty when 'acknowledge' then {{ cxc_in_zone('acknowledged', 'k') }}
                when 'escalate' then {{ cxc_in_zone('escalated', 'k') }}
                else {{ cxc_in_zone('resolved', 'k') }} end as f_at,
    a.contacts_as_of as as_of
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_complaint_clocks') }} k on k.complaint = c.complaint_id and k.channel = c.channel_id
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
      when duty = 'escalate' and res_at is not null and resolved_in <= limit_s then 0
      when f_at is not null or waited > limit_s then 1 else 0 end as counted,
    case
      when duty = 'feedback' then (case when res_at is not null and fb_at is not null then 1 else 0 end)
      when duty = 'escalate' and res_at is not null and resolved_in <= limit_s then 0
      when f_at is not null and took <= limit_s then 1 else 0 end as kept
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
