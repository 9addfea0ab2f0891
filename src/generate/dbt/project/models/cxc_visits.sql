{#- The visits measured: readable rows of known journeys and steps, entered
    inside the period, as instants (local times in the home zone); a visit
    left before it was entered is bad data (`good` = 0) and no figure
    counts it. -#}
with r as (
  select * from {{ ref('cxc_cases_read') }} where flaw is null
),
zoned as (
  select r.case_id, r.journey_id, r.step_id, r.csat,
    {{ cxc_instant('ze', 'entered') }} as entered__at, r.entered__ns,
    {{ cxc_instant('zl', 'left_') }} as left__at, r.left___ns as left__ns
  from r
  {{ cxc_zone_join('ze', 'entered', 0) }}
  {{ cxc_zone_join('zl', 'left_', 0) }}
),
dated as (
  select zoned.*, {{ cxc_div('zoned.entered__at + h.offset_s', 86400) }} as day
  from zoned
  left join {{ ref('cxc_zone_utc') }} h
    on h.zone = 0 and h.bucket = {{ cxc_div('zoned.entered__at', 1048576) }}
   and zoned.entered__at >= h.utc_from and zoned.entered__at < h.utc_to
)
select dated.*,
  case when left__at is not null and {{ cxc_before('left__at', 'left__ns', 'entered__at', 'entered__ns') }} then 0 else 1 end as good
from dated
where 1 = 1
{%- if var('from', none) %} and day >= {{ cxc_day_of(var('from')) }}{% endif %}
{%- if var('to', none) %} and day <= {{ cxc_day_of(var('to')) }}{% endif %}
