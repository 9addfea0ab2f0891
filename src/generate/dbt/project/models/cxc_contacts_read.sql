{#- The contacts export as `cxc measure` reads it: each field trimmed, times
    and survey answers read, names resolved to the spec's ids, and the first
    reason a row cannot be used (`flaw`, as measure.json names it). -#}
{%- set rel = cxc_rows('contacts') -%}
{%- set have = cxc_columns_of(rel) -%}
{%- set times = cxc_contact_times() -%}
{%- set texts = ['id', 'segment', 'channel', 'complaint', 'customer', 'reason', 'cause'] -%}
{%- set numbers = {'csat': (1, 5), 'nps': (0, 10), 'effort': (1, 5), 'handle_time': (0, 86400)} -%}
with raw as (
  select
  {%- for f in texts + times + (numbers.keys() | list) %}
    {{ cxc_field(f, have) }} as {{ f }}{{ ',' if not loop.last }}
  {%- endfor %}
  from {{ rel }}
),
parts as (
  select raw.*,
  {%- for t in times %}
    {{ cxc_time_parts(t) }}{{ ',' if not loop.last }}
  {%- endfor %}
  from raw
),
valued as (
  select
    {{ texts | join(', ') }},
  {%- for t in times %}
    {{ cxc_time_value(t) }},
  {%- endfor %}
  {%- for n in numbers %}
    {{ cxc_to_double(n) }} as {{ n }}
  {{- ',' if not loop.last }}
  {%- endfor %}
  , {% for n in numbers %}{{ n }} as {{ n }}__text{{ ', ' if not loop.last }}{% endfor %}
  from parts
),
named as (
  select v.*, sg.id as segment_id, ch.id as channel_id, cp.id as complaint_id
  from valued v
  left join {{ ref('cxc_names') }} sg on sg.kind = 'segment' and sg.name = v.segment
  left join {{ ref('cxc_names') }} ch on ch.kind = 'channel' and ch.name = v.channel
  left join {{ ref('cxc_names') }} cp on cp.kind = 'complaint' and cp.name = v.complaint
)
select named.*,
  case
    when id is null then 'missing:id'
    when segment is null then 'missing:segment'
    when channel is null then 'missing:channel'
    when created__kind = 0 then 'missing:created'
  {%- for t in times %}
    when {{ t }}__kind = -1 then 'bad-time:{{ t }}'
  {%- endfor %}
  {%- for n, scale in numbers.items() %}
    when {{ n }}__text is not null and not coalesce({{ n }} between {{ scale[0] }} and {{ scale[1] }}, false) then 'bad-number:{{ n }}'
  {%- endfor %}
    when segment_id is null then 'unknown-segment'
    when channel_id is null then 'unknown-channel'
    when complaint is not null and complaint_id is null then 'unknown-complaint'
  end as flaw
from named
