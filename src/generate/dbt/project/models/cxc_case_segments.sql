{#- The segment each case names (the cases export's optional `segment`
    column, over the visits measured): a case id per journey whose visits
    name two segments or more is bad data (`mixed-segments`) and no figure
    counts it; visits that name none agree with any. `case_segment` is null
    when none names one: the case counts for every promise over its
    journey, as without the column. -#}
select journey_id, case_id, max(segment_id) as case_segment,
  case when count(distinct segment_id) > 1 then 1 else 0 end as mixed
from {{ ref('cxc_visits') }}
where good = 1
group by journey_id, case_id
