{#- Repeat contacts, first-contact resolution and channel switching per
    segment and channel (see repeat_contacts): contacts that name their
    customer, repeated, switched (repeated on another channel), resolved,
    and resolved at first contact. -#}
select segment, channel, count(*) as contacts, sum(repeated) as repeated,
  sum(case when repeated = 1 and next_channel <> channel then 1 else 0 end) as switched,
  sum(resolved) as resolved, sum(first_contact) as first_contact
from {{ ref('repeat_contacts') }}
group by segment, channel
