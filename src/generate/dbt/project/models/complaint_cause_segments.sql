{#- Complaints per cause (as `complaint_causes` names them: the others
    together under none) and segment. -#}
with c as (
  select cause, segment_id as segment
  from {{ ref('cxc_causes') }}
),
shown as (
  select distinct cause from {{ ref('complaint_causes') }} where cause is not null
)
select s.cause, c.segment, count(*) as complaints
from c left join shown s on s.cause = c.cause
group by s.cause, c.segment
