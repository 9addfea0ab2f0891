{#- Each contact that names its customer, judged for repeats, first-contact
    resolution and channel switching (the contacts export's `customer` and
    `reason` columns), as `cxc measure` judges it. A contact is repeated
    when the same customer's next contact (the next later time; of several
    at one time, the one on the first channel of the spec) comes no later
    than the repeat window after its `resolved` (else its `created`), and
    switched when that contact is on another channel. A resolved contact is
    resolved at first contact when no later contact of the customer comes in
    that window — on the same reason, or one with none, when it gives one.
    Times in seconds, read in the home zone. -#}
with r as (
  select c.customer, c.reason, c.segment_id, c.channel_id, n.ord as channel_ord,
    c.created__at_0 as created,
    case when c.resolved__at_0 is not null then greatest(c.resolved__at_0 - c.created__at_0, 0) end as resolved_after
  from {{ ref('cxc_contacts') }} c
  join {{ ref('cxc_channels') }} n on n.channel = c.channel_id
  where c.good = 1 and c.customer is not null
),
blocks as (
  select customer, created, min(channel_ord) as first_channel,
    max(case when reason is null then 1 else 0 end) as unreasoned
  from r group by customer, created
),
following as (
  select customer, created,
    lead(created) over (partition by customer order by created) as next_created,
    lead(first_channel) over (partition by customer order by created) as next_channel,
    min(case when unreasoned = 1 then created end)
      over (partition by customer order by created rows between 1 following and unbounded following) as next_unreasoned
  from blocks
),
reasons as (
  select customer, reason, created,
    lead(created) over (partition by customer, reason order by created) as next_same
  from (select distinct customer, reason, created from r where reason is not null) x
),
judged as (
  select r.segment_id, r.channel_id, r.channel_ord, r.resolved_after, f.next_created, f.next_channel,
    r.created + coalesce(r.resolved_after, 0) + s.repeat_window as window_end,
    case when r.reason is null then f.next_created
         when q.next_same is null then f.next_unreasoned
         when f.next_unreasoned is null then q.next_same
         when q.next_same < f.next_unreasoned then q.next_same
         else f.next_unreasoned end as again
  from r
  join following f on f.customer = r.customer and f.created = r.created
  left join reasons q on q.customer = r.customer and q.reason = r.reason and q.created = r.created
  cross join {{ ref('cxc_settings') }} s
)
select j.segment_id as segment, j.channel_id as channel, n.channel as next_channel,
  case when j.next_created is not null and j.next_created <= j.window_end then 1 else 0 end as repeated,
  case when j.resolved_after is not null then 1 else 0 end as resolved,
  case when j.resolved_after is not null and (j.again is null or j.again > j.window_end) then 1 else 0 end as first_contact
from judged j
left join {{ ref('cxc_channels') }} n on n.ord = j.next_channel
