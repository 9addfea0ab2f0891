{#- Complaints by root cause (the contacts export's `cause` column), as
    measure.json's `causes` lists them: the causes with the most complaints
    first (ties by name), the first `cxc_causes_shown()` by name (`rank` 1
    up) and every other cause together (`cause` none, the last rank). The
    trend compares the complaints of the second half of the period's weeks
    (Monday to Sunday, home zone; at most `cxc_causes_weeks()` weeks from
    the first) with as many weeks of its first half: `rising` or `falling`
    past two standard deviations of chance (2·√n), `flat` within, `too_few`
    under `cxc_trend_min()` complaints. Ties are broken by the cause's
    text in byte order, as `cxc measure` breaks them (strings compare by
    bytes in DuckDB and Spark; an engine whose default collation is not
    binary needs it set). `cxc measure` counts every cause exactly before
    ranking, so its list is this one whatever the number of causes (up to
    `cxc_causes_distinct_max()` distinct causes: past it, cxc_causes holds
    none and neither lists any). -#}
{%- set d = cxc_double() -%}
with c as (
  select cause, segment_id as segment, day - {{ cxc_mod('day + 3', 7) }} as week
  from {{ ref('cxc_causes') }}
),
period as (
  select
    {%- if var('from', none) %} {{ cxc_day_of(var('from')) }}{% else %} min(day){% endif %} as first_day,
    {%- if var('to', none) %} {{ cxc_day_of(var('to')) }}{% else %} max(day){% endif %} as last_day
  from {{ ref('cxc_contacts') }}
  where good = 1
),
weeks as (
  select first_week,
    case when {{ cxc_div('last_week - first_week', 7) }} + 1 > {{ cxc_causes_weeks() }}
         then {{ cxc_causes_weeks() }} else {{ cxc_div('last_week - first_week', 7) }} + 1 end as weeks
  from (
    select first_day - {{ cxc_mod('first_day + 3', 7) }} as first_week,
      last_day - {{ cxc_mod('last_day + 3', 7) }} as last_week
    from period
  ) p
),
ranked as (
  select cause, count(*) as complaints,
    row_number() over (order by count(*) desc, cause) as place
  from c group by cause
),
shown as (
  select cause, case when place <= {{ cxc_causes_shown() }} then cause end as shown,
    case when place <= {{ cxc_causes_shown() }} then place else {{ cxc_causes_shown() }} + 1 end as place
  from ranked
),
placed as (
  select s.shown, s.place, w.weeks, {{ cxc_div('w.weeks', 2) }} as half,
    {{ cxc_div('c.week - w.first_week', 7) }} as idx
  from c join shown s on s.cause = c.cause cross join weeks w
),
halves as (
  select shown, place, half, count(*) as complaints,
    sum(case when idx < half then 1 else 0 end) as first_half,
    sum(case when idx >= weeks - half and idx < weeks then 1 else 0 end) as second_half
  from placed group by shown, place, half, weeks
)
select shown as cause, place as rank, complaints, first_half, second_half, half as weeks_per_half,
  case when half = 0 or first_half + second_half < {{ cxc_trend_min() }} then 'too_few'
       when cast(second_half - first_half as {{ d }}) > 2 * sqrt(cast(first_half + second_half as {{ d }})) then 'rising'
       when cast(first_half - second_half as {{ d }}) > 2 * sqrt(cast(first_half + second_half as {{ d }})) then 'falling'
       else 'flat' end as trend
from halves
