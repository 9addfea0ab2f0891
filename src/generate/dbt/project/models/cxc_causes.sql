{#- The complaints that name a cause (the contacts export's `cause`
    column), with their segment and day: none at all when the column holds
    more than `cxc_causes_distinct_max()` distinct values, where `cxc
    measure` drops the cause figures (free text, not causes; measure.json's
    `causes_dropped`). -#}
with c as (
  select cause, segment_id, day
  from {{ ref('cxc_contacts') }}
  where good = 1 and complaint_id is not null and cause is not null
),
n as (
  select count(distinct cause) as distinct_causes from c
)
select c.cause, c.segment_id, c.day
from c cross join n
where n.distinct_causes <= {{ cxc_causes_distinct_max() }}
