{#- Per segment, what measure.json's `segments` holds beside the SLA lines
    (those are `attainment`'s rows of the segment): the contacts measured,
    complaints per 1,000 of them, the survey answers (CSAT mean and share
    satisfied — 4 or 5 —, effort, NPS: promoters less detractors, in
    points), repeat contacts and first-contact resolution (of the contacts
    that name their customer, see `repeats`). Figures exact, as
    measure.json keeps them, computed in the same double-precision steps;
    none where nothing was measured. -#}
{%- set d = cxc_double() -%}
with counted as (
  select segment_id as segment, count(*) as contacts,
    sum(case when complaint_id is not null then 1 else 0 end) as complaints,
    sum(case when csat is not null then 1 else 0 end) as csat_n,
    sum(csat) as csat_sum,
    sum(case when csat >= 4 then 1 else 0 end) as csat_satisfied_n,
    sum(case when effort is not null then 1 else 0 end) as effort_n,
    sum(effort) as effort_sum,
    sum(case when nps is not null then 1 else 0 end) as nps_n,
    sum(case when nps >= 9 then 1 else 0 end) as promoters,
    sum(case when nps <= 6 then 1 else 0 end) as detractors
  from {{ ref('cxc_contacts') }}
  where good = 1
  group by segment_id
),
repeated as (
  select segment, sum(contacts) as repeat_contacts, sum(repeated) as repeated,
    sum(resolved) as resolved, sum(first_contact) as first_contact
  from {{ ref('repeats') }}
  group by segment
)
select c.segment, c.contacts, c.complaints,
  cast(c.complaints as {{ d }}) * 1e3 / cast(c.contacts as {{ d }}) as complaints_per_1000,
  c.csat_n,
  case when c.csat_n > 0 then cast(c.csat_sum as {{ d }}) / cast(c.csat_n as {{ d }}) end as csat,
  case when c.csat_n > 0 then cast(c.csat_satisfied_n as {{ d }}) * 1e2 / cast(c.csat_n as {{ d }}) end as csat_satisfied,
  c.effort_n,
  case when c.effort_n > 0 then cast(c.effort_sum as {{ d }}) / cast(c.effort_n as {{ d }}) end as ces,
  c.nps_n,
  case when c.nps_n > 0 then cast(c.promoters as {{ d }}) * 1e2 / cast(c.nps_n as {{ d }}) - cast(c.detractors as {{ d }}) * 1e2 / cast(c.nps_n as {{ d }}) end as nps,
  coalesce(r.repeat_contacts, 0) as repeat_contacts, coalesce(r.repeated, 0) as repeated,
  case when r.repeat_contacts > 0 then cast(r.repeated as {{ d }}) * 1e2 / cast(r.repeat_contacts as {{ d }}) end as repeat_percent,
  coalesce(r.resolved, 0) as resolved, coalesce(r.first_contact, 0) as first_contact,
  case when r.resolved > 0 then cast(r.first_contact as {{ d }}) * 1e2 / cast(r.resolved as {{ d }}) end as fcr
from counted c
left join repeated r on r.segment = c.segment
