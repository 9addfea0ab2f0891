{#- Times as the exports write them, read without any engine's own date
    functions, so that every engine reads them the same: RFC 3339
    (`2026-10-01T09:14:03+03:00`, `…Z`, a fraction of a second) or the same
    without an offset, a local time read in the zone of the calendar that
    governs it (`2026-10-01T09:14:03`, `2026-10-01 09:14`, and a date alone,
    `2026-10-01`, its midnight), exactly the texts `cxc measure` reads
    (measure::rows::when::documented). -#}

{% macro cxc_time_pattern() -%}
^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.]([0-9]{1,9}))?)?([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$
{%- endmacro %}

{#- The pieces of time column `name` (text, trimmed, none when empty):
    `name__m` (0 none, 1 the whole text matches cxc_time_pattern, -1 not a
    time) and the fields as numbers (none where the text is not a time).
    The pattern is matched once; since it fixes where the date, hour and
    minute stand, they are cut out by position, and only a fraction of a
    second is read by a pattern (on the rest after the seconds, for the rows
    that have one): eight extractions of the whole pattern per time, each
    number cast again at every use, were most of the CPU of reading the
    contacts on Spark. -#}
{% macro cxc_time_parts(name) -%}
  {%- set seconds = "substr(" ~ name ~ ", 17, 1) = ':'" -%}
  {%- set rest = "substr(" ~ name ~ ", case when " ~ seconds ~ " then 20 else 17 end)" -%}
  case when {{ name }} is null then 0 when {{ cxc_matches(name, cxc_time_pattern()) }} then 1 else -1 end as {{ name }}__m,
  {%- for key, at, width in [('y', 1, 4), ('mo', 6, 2), ('d', 9, 2)] %}
  {{ cxc_to_int('substr(' ~ name ~ ', ' ~ at ~ ', ' ~ width ~ ')') }} as {{ name }}__{{ key }},
  {%- endfor %}
  {#- A date alone (ten characters) is its midnight. #}
  {%- for key, at, width in [('h', 12, 2), ('mi', 15, 2)] %}
  case when length({{ name }}) = 10 then 0 else {{ cxc_to_int('substr(' ~ name ~ ', ' ~ at ~ ', ' ~ width ~ ')') }} end as {{ name }}__{{ key }},
  {%- endfor %}
  case when {{ seconds }} then {{ cxc_to_int('substr(' ~ name ~ ', 18, 2)') }} else 0 end as {{ name }}__sec,
  case when {{ rest }} like '.%' then {{ cxc_extract(rest, '^[.]([0-9]{1,9})', 1) }} else '' end as {{ name }}__fr,
  case when {{ rest }} like '.%' then {{ cxc_extract(rest, '^[.][0-9]{1,9}(.*)$', 1) }} else coalesce({{ rest }}, '') end as {{ name }}__off
{%- endmacro %}

{#- Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
    days_from_civil, shifted by 400 years so every division is of a
    non-negative number). -#}
{% macro cxc_days_from_civil(y, m, d) -%}
  {%- set yy = '(' ~ y ~ ' - (case when ' ~ m ~ ' <= 2 then 1 else 0 end) + 400)' -%}
  {%- set era = cxc_div(yy, 400) -%}
  {%- set yoe = '(' ~ yy ~ ' - ' ~ era ~ ' * 400)' -%}
  {%- set doy = '(' ~ cxc_div('153 * (case when ' ~ m ~ ' > 2 then ' ~ m ~ ' - 3 else ' ~ m ~ ' + 9 end) + 2', 5) ~ ' + ' ~ d ~ ' - 1)' -%}
  (({{ era }} - 1) * 146097 + {{ yoe }} * 365 + {{ cxc_div(yoe, 4) }} - {{ cxc_div(yoe, 100) }} + {{ doy }} - 719468)
{%- endmacro %}

{#- From the pieces: `name__kind` (0 none, 1 with an offset, 2 local,
    -1 not a time), `name__s` (seconds since 1970 UTC, or local seconds
    for a local time) and `name__ns` (the fraction, in nanoseconds). -#}
{% macro cxc_time_value(name) -%}
  {%- set i = cxc_int() -%}
  {%- set y, mo, d, h, mi, s = name ~ '__y', name ~ '__mo', name ~ '__d', name ~ '__h', name ~ '__mi', name ~ '__sec' -%}
  {%- set o = name ~ '__off' -%}
  {%- set signed = "(" ~ o ~ " like '+%' or " ~ o ~ " like '-%')" -%}
  {%- set oh = "cast(case when " ~ signed ~ " then substr(" ~ o ~ ", 2, 2) else '0' end as " ~ i ~ ")" -%}
  {%- set om = "cast(case when " ~ signed ~ " and length(" ~ o ~ ") >= 5 then substr(" ~ o ~ ", length(" ~ o ~ ") - 1, 2) else '0' end as " ~ i ~ ")" -%}
  {%- set leap = '((' ~ cxc_mod(y, 4) ~ ' = 0 and ' ~ cxc_mod(y, 100) ~ ' <> 0) or ' ~ cxc_mod(y, 400) ~ ' = 0)' -%}
  {%- set dim = '(case when ' ~ mo ~ ' = 2 then (case when ' ~ leap ~ ' then 29 else 28 end) when ' ~ mo ~ ' in (4, 6, 9, 11) then 30 else 31 end)' -%}
  {%- set valid = name ~ '__m = 1 and ' ~ mo ~ ' between 1 and 12 and ' ~ d ~ ' between 1 and ' ~ dim ~ ' and ' ~ h ~ ' <= 23 and ' ~ mi ~ ' <= 59 and ' ~ s ~ ' <= 59 and ' ~ oh ~ ' <= 23 and ' ~ om ~ ' <= 59' -%}
  {%- set local = '(' ~ cxc_days_from_civil(y, mo, d) ~ ' * 86400 + ' ~ h ~ ' * 3600 + ' ~ mi ~ ' * 60 + ' ~ s ~ ')' -%}
  {%- set offset = "(case when " ~ o ~ " like '-%' then -1 else 1 end) * (" ~ oh ~ " * 3600 + " ~ om ~ " * 60)" -%}
  case when {{ name }}__m = 0 then 0
       when {{ valid }} then (case when {{ name }}__off = '' then 2 else 1 end)
       else -1 end as {{ name }}__kind,
  case when {{ valid }}
       then {{ local }} - (case when {{ signed }} then {{ offset }} else 0 end) end as {{ name }}__s,
  case when {{ name }}__fr = '' then 0 else cast(rpad({{ name }}__fr, 9, '0') as {{ i }}) end as {{ name }}__ns
{%- endmacro %}

{#- Joins that read time `name` in zone `zone` (a number): its instant as
    `alias.at` (seconds) — the time itself when written with an offset, a
    local time through the zone's offsets (cxc_zone_local: where a local
    time is skipped or repeated by a change, the offset before it, as
    `cxc measure` reads it). Every condition on the rows alone sits inside
    the bucket key (none: no match), never beside it: a row-only condition in
    the ON clause turns DuckDB's hash join into a nested loop over every
    (row, seed row) pair — the 16 minutes a million contacts took. -#}
{% macro cxc_zone_join(alias, name, zone, rows='r') -%}
  left join {{ ref('cxc_zone_local') }} {{ alias }}
    on {{ alias }}.zone = {{ zone }}
   and {{ alias }}.bucket = (case when {{ rows }}.{{ name }}__kind = 2 then {{ cxc_div(rows ~ '.' ~ name ~ '__s', 1048576) }} end)
   and {{ rows }}.{{ name }}__s >= {{ alias }}.local_from and {{ rows }}.{{ name }}__s < {{ alias }}.local_to
{%- endmacro %}

{#- The instant (seconds since 1970 UTC) of time `name` read through a
    `cxc_zone_join` named `alias`; none when there is no time. -#}
{% macro cxc_instant(alias, name, rows='r') -%}
  (case when {{ rows }}.{{ name }}__kind = 1 then {{ rows }}.{{ name }}__s
        when {{ rows }}.{{ name }}__kind = 2 then {{ rows }}.{{ name }}__s - {{ alias }}.offset_s end)
{%- endmacro %}

{#- A business clock read at instant `t`: a join on the calendar's open
    intervals (cxc_clock), by the 2^20-second bucket `t` falls in, to the one
    segment [seg_start, seg_next) holding it. -#}
{% macro cxc_clock_join(alias, calendar, t) -%}
  left join {{ ref('cxc_clock') }} {{ alias }}
    on {{ alias }}.calendar = {{ calendar }}
   and {{ alias }}.bucket = {{ cxc_div(t, 1048576) }}
   and {{ t }} >= {{ alias }}.seg_start and {{ t }} < {{ alias }}.seg_next
{%- endmacro %}

{#- Open seconds of the calendar from the clock's start to `t`, through a
    `cxc_clock_join` named `alias`. -#}
{% macro cxc_prefix(alias, t) -%}
  ({{ alias }}.cum_before + least({{ t }}, {{ alias }}.open_end) - {{ alias }}.seg_start)
{%- endmacro %}

{#- How long from `a` to `b` on a clock (seconds; `calendar` none: wall
    time), each read through its `cxc_clock_join`; none when `b` is none. -#}
{% macro cxc_running(calendar, a, b, ca, cb) -%}
  (case when {{ b }} is null then null
        when {{ b }} <= {{ a }} then 0
        when {{ calendar }} is null then {{ b }} - {{ a }}
        else greatest({{ cxc_prefix(cb, b) }} - {{ cxc_prefix(ca, a) }}, 0) end)
{%- endmacro %}

{#- The rows of CTE `rows` (with `calendar`, and `c_at`: when the contact
    was created) and, for each (name, instant) of `lapses`, the running time
    from `c_at` to that instant on the row's clock, as column `name`; and
    `due`: when a limit of `rows.within_wd` working days started at `c_at`
    is due on the working days `rows.workdays` names (cxc_due_join). -#}
{% macro cxc_timed(rows, lapses) -%}
  select {{ rows }}.*, k_due.close_s as due
  {%- for name, t in lapses %},
    {{ cxc_running(rows ~ '.calendar', rows ~ '.c_at', t, 'k_c', 'k_' ~ name) }} as {{ name }}
  {%- endfor %}
  from {{ rows }}
  {{ cxc_clock_join('k_c', rows ~ '.calendar', rows ~ '.c_at') }}
  {%- for name, t in lapses %}
  {{ cxc_clock_join('k_' ~ name, rows ~ '.calendar', t) }}
  {%- endfor %}
  {{ cxc_due_join('k_due', rows ~ '.workdays', rows ~ '.within_wd', rows ~ '.c_at') }}
{%- endmacro %}

{#- When a deadline of `days` working days started at instant `t` is due,
    on the working days that `key` names (a text of the seeds, `-` for the
    wall clock): the close of the `days`th opening day after `t`'s local
    day, as `alias.close_s` — `cxc_workday_of` numbers the opening days up
    to each instant's local day, `cxc_workday_close` gives each one's close.
    None when `days` is none, or when the calendar never opens (such a
    deadline never comes). As in `cxc_zone_join`, `days` being given is
    part of the bucket key, so each row looks up its bucket's few rows. -#}
{% macro cxc_due_join(alias, key, days, t) -%}
  left join {{ ref('cxc_workday_of') }} {{ alias }}_of
    on {{ alias }}_of.workdays = {{ key }}
   and {{ alias }}_of.bucket = (case when {{ days }} is not null then {{ cxc_div(t, 1048576) }} end)
   and {{ t }} >= {{ alias }}_of.utc_from and {{ t }} < {{ alias }}_of.utc_to
  left join {{ ref('cxc_workday_close') }} {{ alias }}
    on {{ alias }}.workdays = {{ key }} and {{ alias }}.ord = {{ alias }}_of.ord + {{ days }}
{%- endmacro %}

{#- Whether what came at instant `at` (and `ns` nanoseconds) kept its
    limit: `took` running seconds within `within_s`, or, for a limit in
    working days, by `due` (none: never due). -#}
{% macro cxc_kept(took, within_s, at, ns, due) -%}
  (case when {{ within_s }} is not null then {{ took }} <= {{ within_s }}
        else {{ due }} is null or {{ at }} < {{ due }} or ({{ at }} = {{ due }} and {{ ns }} = 0) end)
{%- endmacro %}

{#- Whether a limit not kept yet had run out by `as_of`: `waited` running
    seconds past `within_s`, or, in working days, past `due`. -#}
{% macro cxc_overdue(waited, within_s, as_of, due) -%}
  (case when {{ within_s }} is not null then {{ waited }} > {{ within_s }}
        else {{ due }} is not null and {{ as_of }} > {{ due }} end)
{%- endmacro %}

{#- A text of the spec's seeds, none where it is `-` (no identifier). -#}
{% macro cxc_none(expr) -%}nullif({{ expr }}, '-'){%- endmacro %}

{#- The share kept, exact as `cxc measure` writes it in measure.json,
    computed in the same double-precision steps. -#}
{% macro cxc_percent(kept, n) -%}
  (case when {{ n }} > 0 then cast({{ kept }} as {{ cxc_double() }}) * 1e2 / cast({{ n }} as {{ cxc_double() }}) else 0e0 end)
{%- endmacro %}

{#- Whether the share kept reaches `goal`: 1 or 0, null when nothing was
    measured (neither met nor missed), as measure.json's `ok`. -#}
{% macro cxc_meets(kept, n, goal) -%}
  (case when {{ n }} = 0 then null when cast({{ kept }} as {{ cxc_double() }}) * 1e2 / cast({{ n }} as {{ cxc_double() }}) >= {{ goal }} then 1 else 0 end)
{%- endmacro %}

{#- The time fields of a contact, in the order `cxc measure` reads them. -#}
{% macro cxc_contact_times() -%}
  {{ return(['created', 'answered', 'first_response', 'resolved', 'acknowledged', 'escalated', 'feedback']) }}
{%- endmacro %}

{#- Field `name`'s instant in the zone a rule row `rule` names
    (`rule.zone`), from the columns `name__at_Z` of every zone. -#}
{% macro cxc_in_zone(name, rule, rows='c') -%}
  (case {{ rule }}.zone {% for z in cxc_zone_ids() %}when {{ z }} then {{ rows }}.{{ name }}__at_{{ z }} {% endfor %}end)
{%- endmacro %}

{#- Whether time `b` came before time `a` (both instants), to the nanosecond. -#}
{% macro cxc_before(b, b_ns, a, a_ns) -%}
  ({{ b }} < {{ a }} or ({{ b }} = {{ a }} and {{ b_ns }} < {{ a_ns }}))
{%- endmacro %}

{#- Day number of a 'YYYY-MM-DD' var. -#}
{% macro cxc_day_of(date) -%}
  {%- set p = (date | string).split('-') -%}
  {{ cxc_days_from_civil(p[0] | int, p[1] | int, p[2] | int) }}
{%- endmacro %}

{#- The median, 90th percentile and largest of `value` per `keys`, as
    `cxc measure` computes them: each value in its bucket (exact under 100
    seconds, 1% wide above: cxc_buckets), the rank ceil(q·n) clamped to
    1..n, and the middle of the bucket that rank falls in. (Whether a value
    is bucketed at all is part of the join key: see cxc_zone_join.) -#}
{% macro cxc_quantiles(values, keys, value) -%}
  {%- set k = keys | join(', ') -%}
  {%- set approx = 'cast(floor(ln(cast(greatest(v.' ~ value ~ ', 100) as ' ~ cxc_double() ~ ') / 1e2) / 0.009950330853168083e0) as ' ~ cxc_int() ~ ') + 100' -%}
  with q_values as (
    select {{ k }}, greatest({{ value }}, 0) as {{ value }} from ({{ values }}) q_source where {{ value }} is not null
  ),
  q_near as (select -1 as nudge union all select 0 as nudge union all select 1 as nudge),
  q_bucketed as (
    select {% for key in keys %}v.{{ key }}, {% endfor %}
      coalesce(b.bucket, v.{{ value }}) as bucket, coalesce(b.value_s, v.{{ value }}) as value_s, count(*) as cnt
    from q_values v
    cross join q_near near
    left join {{ ref('cxc_buckets') }} b
      on b.bucket = (case when v.{{ value }} >= 100 then {{ approx }} + near.nudge end)
     and v.{{ value }} >= b.lower_s and v.{{ value }} < b.upper_s
    where v.{{ value }} < 100 and near.nudge = 0 or b.bucket is not null
    group by {% for key in keys %}v.{{ key }}, {% endfor %}coalesce(b.bucket, v.{{ value }}), coalesce(b.value_s, v.{{ value }})
  ),
  q_running as (
    select q_bucketed.*,
      sum(cnt) over (partition by {{ k }} order by bucket rows between unbounded preceding and current row) as seen,
      sum(cnt) over (partition by {{ k }}) as n
    from q_bucketed
  )
  select {{ k }}, max(n) as n,
    min(case when seen >= greatest(1, least(n, cast(ceil(cast(0.5 as {{ cxc_double() }}) * n) as {{ cxc_int() }}))) then value_s end) as median,
    min(case when seen >= greatest(1, least(n, cast(ceil(cast(0.9 as {{ cxc_double() }}) * n) as {{ cxc_int() }}))) then value_s end) as p90,
    max(value_s) as largest
  from q_running
  group by {{ k }}
{%- endmacro %}
