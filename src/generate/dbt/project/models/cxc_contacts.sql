{#- The contacts measured: every readable row whose names the spec knows,
    created inside the period (vars `from` and `to`, days in the spec's home
    zone), with each time as an instant in every zone of the spec
    (`name__at_Z`), and the first time that a figure reads written as
    earlier than `created` in any of those zones (`contradiction`:
    `answered`, `first_response` and `resolved` for every contact, the
    complaint times for complaints): such a row is bad data and no figure
    counts it. -#}
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
    case
  {%- for t in ['answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback'] %}
      when {{ 'c.complaint_id is not null and ' if t in ['acknowledged', 'escalated', 'feedback'] }}({% for z in zones %}{{ ' or ' if not loop.first }}{{ cxc_before(t ~ '__at_' ~ z, t ~ '__ns', 'created__at_' ~ z, 'created__ns') }}{% endfor %}) then 'before:{{ t }}'
  {%- endfor %}
    end as contradiction
  from inside c
)
select checked.*, case when contradiction is null then 1 else 0 end as good
from checked
