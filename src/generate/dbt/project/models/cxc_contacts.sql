{#- The contacts measured: every readable row whose names the spec knows,
    created inside the period (vars `from` and `to`, days in the spec's home
    zone), with each time as an instant in every zone of the spec
    (`name__at_Z`) and the times that come before `created` where a rule
    reads them (`before_*`): such a row is bad data and no figure counts it. -#}
{%- set times = cxc_contact_times() -%}
{%- set zones = cxc_zone_ids() -%}
with r as (
  select * from {{ ref('cxc_contacts_read') }} where flaw is null
),
zoned as (
  select r.*
  {%- for t in times %}{% for z in zones %},
    {{ cxc_instant('z_' ~ t ~ '_' ~ z, t) }} as {{ t }}__at_{{ z }}
  {%- endfor %}{% endfor %}
  from r
  {%- for t in times %}{% for z in zones %}
  {{ cxc_zone_join('z_' ~ t ~ '_' ~ z, t, z) }}
  {%- endfor %}{% endfor %}
),
dated as (
  select zoned.*,
    {{ cxc_div('zoned.created__at_0 + h.offset_s', 86400) }} as day
  from zoned
  left join {{ ref('cxc_zone_utc') }} h
    on h.zone = 0 and h.bucket = {{ cxc_div('zoned.created__at_0', 1048576) }}
   and zoned.created__at_0 >= h.utc_from and zoned.created__at_0 < h.utc_to
),
inside as (
  select * from dated
  where 1 = 1
  {%- if var('from', none) %} and day >= {{ cxc_day_of(var('from')) }}{% endif %}
  {%- if var('to', none) %} and day <= {{ cxc_day_of(var('to')) }}{% endif %}
),
checked as (
  select c.*,
  {%- for t in ['answered', 'first_response', 'resolved'] %}
    case when {% for z in zones %}{{ 'or ' if not loop.first }}(s.z{{ z }} = 1 and {{ cxc_before(t ~ '__at_' ~ z, t ~ '__ns', 'created__at_' ~ z, 'created__ns') }}) {% endfor %}then 1 else 0 end as before_sla_{{ t }},
  {%- endfor %}
  {%- for t in ['acknowledged', 'resolved', 'escalated', 'feedback'] %}
    case when k.zone is not null and {{ cxc_before(cxc_in_zone(t, 'k'), t ~ '__ns', cxc_in_zone('created', 'k'), 'created__ns') }} then 1 else 0 end as before_complaint_{{ t }}{{ ',' if not loop.last }}
  {%- endfor %}
  from inside c
  left join {{ ref('cxc_sla_checks') }} s on s.segment = c.segment_id and s.channel = c.channel_id
  left join {{ ref('cxc_complaint_clocks') }} k on k.complaint = c.complaint_id and k.channel = c.channel_id
)
select checked.*,
  case when before_sla_answered + before_sla_first_response + before_sla_resolved
          + before_complaint_acknowledged + before_complaint_resolved
          + before_complaint_escalated + before_complaint_feedback = 0
       then 1 else 0 end as good
from checked
