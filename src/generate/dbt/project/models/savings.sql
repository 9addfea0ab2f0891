{#- What reaching a target would save, per segment (language 3), as `cxc
    measure` works it out. `fcr`: were the segment's first-contact
    resolution (`repeats`) at its SLA's `target fcr`, the contacts not
    resolved at first contact that would no longer come back, each at the
    segment's mean cost to serve. `self_service`: were
    `measure.self_service_target` of the segment's contacts on self-service
    channels, the contacts moved, each saving the mean live cost less the
    mean self-service cost. Shares 0 to 1; only where the target is missed
    and something is saved. -#}
{%- set d = cxc_double() -%}
with cells as (
  select c.segment, c.cost, c.costed, n.self_service
  from {{ ref('cost_to_serve') }} c
  join {{ ref('cxc_channels') }} n on n.channel = c.channel
),
costs as (
  select segment, sum(cost) as total, sum(costed) as costed,
    sum(case when self_service = 1 then cost else 0 end) as self_total,
    sum(case when self_service = 1 then costed else 0 end) as self_n,
    sum(case when self_service = 0 then cost else 0 end) as live_total,
    sum(case when self_service = 0 then costed else 0 end) as live_n
  from cells group by segment
),
contacts as (
  select c.segment_id as segment, count(*) as contacts,
    sum(case when n.self_service = 1 then 1 else 0 end) as on_self
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_channels') }} n on n.channel = c.channel_id
  where c.good = 1
  group by c.segment_id
),
resolved as (
  select segment, sum(resolved) as resolved, sum(first_contact) as first_contact
  from {{ ref('repeats') }} group by segment
),
fcr as (
  select k.segment, 'fcr' as lever,
    cast(r.first_contact as {{ d }}) / cast(r.resolved as {{ d }}) as measured,
    s.fcr_target as target, r.resolved as n,
    k.total / cast(k.costed as {{ d }}) as unit
  from costs k
  join {{ ref('cxc_segment_money') }} s on s.segment = k.segment
  join resolved r on r.segment = k.segment
  where k.costed > 0 and s.fcr_target is not null and r.resolved > 0
),
self_service as (
  select k.segment, 'self_service' as lever,
    cast(c.on_self as {{ d }}) / cast(c.contacts as {{ d }}) as measured,
    g.self_service_target / 1e2 as target, c.contacts as n,
    k.live_total / cast(k.live_n as {{ d }})
      - case when k.self_n > 0 then k.self_total / cast(k.self_n as {{ d }}) else 0 end as unit
  from costs k
  join contacts c on c.segment = k.segment
  cross join {{ ref('cxc_money_settings') }} g
  where k.costed > 0 and k.live_n > 0 and c.contacts > 0 and g.self_service_target is not null
),
levers as (
  select segment, lever, measured, target, n, cast(n as {{ d }}) * (target - measured) as contacts, unit
  from fcr where measured < target
  union all
  select segment, lever, measured, target, n, cast(n as {{ d }}) * (target - measured) as contacts, unit
  from self_service where measured < target and unit > 0
)
select segment, lever, measured, target, n, contacts, unit, contacts * unit as saving
from levers
