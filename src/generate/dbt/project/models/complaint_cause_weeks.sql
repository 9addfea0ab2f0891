{#- Complaints per cause (as `complaint_causes` names them: the others
    together under none) and week: `week` is the day number (days since
    1970-01-01) of the week's Monday, home zone. Weeks without complaints
    have no row. -#}
with c as (
  select cause, day - {{ cxc_mod('day + 3', 7) }} as week
  from {{ ref('cxc_causes') }}
),
shown as (
  select distinct cause from {{ ref('complaint_causes') }} where cause is not null
)
select s.cause, c.week, count(*) as complaints
from c left join shown s on s.cause = c.cause
group by s.cause, c.week
