{#- Where customers switched channel: from a contact's channel to the
    channel of the customer's next contact inside the repeat window (see
    repeat_contacts), how often. -#}
select channel as from_channel, next_channel as to_channel, count(*) as switches
from {{ ref('repeat_contacts') }}
where repeated = 1 and next_channel <> channel
group by channel, next_channel
