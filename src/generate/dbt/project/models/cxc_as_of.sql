{#- When open deadlines are judged: the end of var `to` (midnight after it
    in the home zone), else the latest time anywhere in the contacts
    measured; for journeys, else the latest time of the visits of the cases
    measured (none set aside: naming different segments, or named by a bad
    row). -#}
{%- set times = cxc_contact_times() -%}
with latest_contact as (
  select max(greatest({% for t in times %}coalesce({{ t }}__at_0, created__at_0){{ ', ' if not loop.last }}{% endfor %})) as s
  from {{ ref('cxc_contacts') }} where good = 1
),
latest_visit as (
  select max(greatest(coalesce(g.left__at, g.entered__at), g.entered__at)) as s
  from {{ ref('cxc_visits') }} g
  join {{ ref('cxc_case_segments') }} c on c.journey_id = g.journey_id and c.case_id = g.case_id
  left join {{ ref('cxc_cases_set_aside') }} x on x.journey_id = g.journey_id and x.case_id = g.case_id
  where g.good = 1 and c.mixed = 0 and x.case_id is null
),
end_of_to as (
  {%- if var('to', none) %}
  select {{ cxc_day_of(var('to')) }} * 86400 + 86400 - z.offset_s as s
  from {{ ref('cxc_zone_local') }} z
  where z.zone = 0 and z.bucket = {{ cxc_div(cxc_day_of(var('to')) ~ ' * 86400 + 86400', 1048576) }}
    and {{ cxc_day_of(var('to')) }} * 86400 + 86400 >= z.local_from and {{ cxc_day_of(var('to')) }} * 86400 + 86400 < z.local_to
  {%- else %}
  select cast(null as {{ cxc_int() }}) as s
  {%- endif %}
)
select coalesce(e.s, c.s) as contacts_as_of, coalesce(e.s, v.s) as cases_as_of
from end_of_to e cross join latest_contact c cross join latest_visit v
