{#- The cases export (one row per visit of a case to a step) as `cxc
    measure` reads it, with the first reason a row cannot be used (`flaw`).
    `segment` (optional) names whose case it is: a name the spec does not
    have is `unknown-segment`. -#}
{%- set rel = cxc_rows('cases') -%}
{%- set have = cxc_columns_of(rel) -%}
with raw as (
  select
  {%- for f in ['case', 'journey', 'step', 'entered', 'left', 'csat', 'effort', 'segment'] %}
    {{ cxc_field(f, have) }} as {{ 'case_id' if f == 'case' else ('left_' if f == 'left' else f) }}{{ ',' if not loop.last }}
  {%- endfor %}
  from {{ rel }}
),
parts as (
  select raw.*, {{ cxc_time_parts('entered') }}, {{ cxc_time_parts('left_') }}
  from raw
),
valued as (
  select case_id, journey, step, segment, {{ cxc_time_value('entered') }}, {{ cxc_time_value('left_') }},
    {{ cxc_to_double('csat') }} as csat, csat as csat__text,
    {{ cxc_to_double('effort') }} as effort, effort as effort__text
  from parts
),
named as (
  select v.*, j.id as journey_id, s.id as step_id, sg.id as segment_id
  from valued v
  left join {{ ref('cxc_names') }} j on j.kind = 'journey' and j.name = v.journey
  left join {{ ref('cxc_names') }} s on s.kind = 'step' and s.scope = j.id and s.name = v.step
  left join {{ ref('cxc_names') }} sg on sg.kind = 'segment' and sg.name = v.segment
)
select named.*,
  case
    when case_id is null then 'missing:case'
    when journey is null then 'missing:journey'
    when step is null then 'missing:step'
    when entered__kind = 0 then 'missing:entered'
    when entered__kind = -1 then 'bad-time:entered'
    when left___kind = -1 then 'bad-time:left'
    when csat__text is not null and not coalesce(csat between 1 and 5, false) then 'bad-number:csat'
    when effort__text is not null and not coalesce(effort between 1 and 5, false) then 'bad-number:effort'
    when journey_id is null then 'unknown-journey'
    when step_id is null then 'unknown-step'
    when segment is not null and segment_id is null then 'unknown-segment'
  end as flaw
from named
