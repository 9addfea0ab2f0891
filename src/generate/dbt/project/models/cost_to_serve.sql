{#- Cost to serve per segment and channel (language 3), as `cxc measure`
    works it out: a contact costs its channel's and its answering roles'
    per-contact cost (`cxc_prices`, from the spec: the queue's owner role,
    else its team's line roles), plus their hourly cost times its handle
    time — the export's `handle_time`, else the queue's `aht` for a contact
    someone answered (`answered`, `first_response` or `resolved`), none for
    one nobody answered, whatever its `handle_time` says — divided by the queue's concurrency. An answered
    contact with neither is not costed (`costed` counts those that are).
    Only segments and channels the spec prices; figures exact, in the same
    double-precision steps. -#}
{%- set d = cxc_double() -%}
with work as (
  select segment_id as segment, channel_id as channel, count(*) as contacts,
    count(case when answered = 1 then handle_time end) as timed,
    coalesce(sum(case when answered = 1 then handle_time end), 0) as handle_seconds,
    sum(1 - answered) as unanswered
  from (
    select segment_id, channel_id, handle_time,
      case when answered__at_0 is null and first_response__at_0 is null
                and resolved__at_0 is null then 0 else 1 end as answered
    from {{ ref('cxc_contacts') }}
    where good = 1
  ) c
  group by segment_id, channel_id
),
priced as (
  select w.segment, w.channel, w.contacts, w.timed, w.handle_seconds,
    p.per_contact, p.per_hour, p.queue, p.aht_s, p.concurrency,
    case when p.per_hour > 0 and p.aht_s is null then w.timed + w.unanswered else w.contacts end as costed,
    case when p.per_hour <= 0 then cast(0 as {{ d }})
         when p.aht_s is null then w.handle_seconds / cast(3600 as {{ d }})
         else (w.handle_seconds + cast(w.contacts - w.timed - w.unanswered as {{ d }}) * p.aht_s) / cast(3600 as {{ d }})
    end / cast(p.concurrency as {{ d }}) as hours
  from work w
  join {{ ref('cxc_prices') }} p on p.segment = w.segment and p.channel = w.channel
)
select segment, channel, contacts, timed, costed, per_contact as price_per_contact,
  per_hour as price_per_hour, {{ cxc_none('queue') }} as queue, aht_s,
  cast(costed as {{ d }}) * per_contact + hours * per_hour as cost,
  case when costed > 0 then (cast(costed as {{ d }}) * per_contact + hours * per_hour) / cast(costed as {{ d }}) end as per_contact
from priced
