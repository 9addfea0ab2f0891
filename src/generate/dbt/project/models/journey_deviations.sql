{#- Transitions the map does not have, and how often cases took them
    (`from_step` none: the case began there instead of at `start`). -#}
select journey_id as journey,
  case when pos = 1 then null else prev_step end as from_step,
  step_id as to_step, count(*) as cases
from {{ ref('journey_visits') }}
where detour = 1
group by journey_id, case when pos = 1 then null else prev_step end, step_id
