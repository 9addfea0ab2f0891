{#- Where measured experience hurts customers (`measured-pain`), one row
    per hurt: a step whose drop-off is at or above `measure.pain`'s
    dropoff, or whose visits' mean CSAT is at or below its csat or mean
    effort at or above its effort; a channel whose contacts' survey answers
    do the same. `figure` is the drop-off (percent) or the mean (1..5),
    exact; `n` the cases that reached the step or the answers. -#}
{%- set d = cxc_double() -%}
with steps as (
  select s.journey, s.step, s.dropoff, s.reached, s.csat_mean, s.csat_n, s.effort, s.effort_n,
    g.pain_dropoff, g.pain_csat, g.pain_effort
  from {{ ref('journey_steps') }} s cross join {{ ref('cxc_money_settings') }} g
),
voices as (
  select c.channel_id as channel,
    sum(case when c.csat is not null then 1 else 0 end) as csat_n, sum(c.csat) as csat_sum,
    sum(case when c.effort is not null then 1 else 0 end) as effort_n, sum(c.effort) as effort_sum
  from {{ ref('cxc_contacts') }} c
  where c.good = 1
  group by c.channel_id
),
channels as (
  select v.channel, v.csat_n, v.effort_n,
    case when v.csat_n > 0 then cast(v.csat_sum as {{ d }}) / cast(v.csat_n as {{ d }}) end as csat_mean,
    case when v.effort_n > 0 then cast(v.effort_sum as {{ d }}) / cast(v.effort_n as {{ d }}) end as effort,
    g.pain_csat, g.pain_effort
  from voices v cross join {{ ref('cxc_money_settings') }} g
)
select 'step' as subject, journey, step, cast(null as {{ cxc_text() }}) as channel, 'dropoff' as hurt, dropoff as figure, reached as n
from steps where dropoff >= pain_dropoff
union all
select 'step', journey, step, cast(null as {{ cxc_text() }}), 'csat', csat_mean, csat_n
from steps where csat_mean <= pain_csat
union all
select 'step', journey, step, cast(null as {{ cxc_text() }}), 'effort', effort, effort_n
from steps where effort >= pain_effort
union all
select 'channel', cast(null as {{ cxc_text() }}), cast(null as {{ cxc_text() }}), channel, 'csat', csat_mean, csat_n
from channels where csat_mean <= pain_csat
union all
select 'channel', cast(null as {{ cxc_text() }}), cast(null as {{ cxc_text() }}), channel, 'effort', effort, effort_n
from channels where effort >= pain_effort
