{#- The visits measured: readable rows of known journeys and steps, entered
    inside the period, as instants (local times in the home zone); a visit
    left before it was entered, read in any zone of the spec, is bad data
    (`good` = 0) and no figure counts it. -#}
{%- set zones = cxc_zone_ids() -%}
with r as (
  select * from {{ ref('cxc_cases_read') }} where flaw is null
),
zoned as (
  select r.case_id, r.journey_id, r.step_id, r.segment_id, r.csat, r.effort,
    {{ cxc_instant('ze0', 'entered') }} as entered__at, r.entered__ns,
    {{ cxc_instant('zl0', 'left_') }} as left__at, r.left___ns as left__ns,
    case when {% for z in zones %}{{ ' or ' if not loop.first }}{{ cxc_before(cxc_instant('zl' ~ z, 'left_'), 'r.left___ns', cxc_instant('ze' ~ z, 'entered'), 'r.entered__ns') }}{% endfor %}
         then 1 else 0 end as contradicts
  from r
  {%- for z in zones %}
  {{ cxc_zone_join('ze' ~ z, 'entered', z) }}
  {{ cxc_zone_join('zl' ~ z, 'left_', z) }}
  {%- endfor %}
),
dated as (
  select zoned.*, {{ cxc_div('zoned.entered__at + h.offset_s', 86400) }} as day
  from zoned
  left join {{ ref('cxc_zone_utc') }} h
    on h.zone = 0 and h.bucket = {{ cxc_div('zoned.entered__at', 1048576) }}
   and zoned.entered__at >= h.utc_from and zoned.entered__at < h.utc_to
)
select dated.*,
  1 - contradicts as good
from dated
where 1 = 1
{%- if var('from', none) %} and day >= {{ cxc_day_of(var('from')) }}{% endif %}
{%- if var('to', none) %} and day <= {{ cxc_day_of(var('to')) }}{% endif %}
