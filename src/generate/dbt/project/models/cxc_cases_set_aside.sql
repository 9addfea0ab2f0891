{#- The cases set aside whole because a row of theirs is bad data (as
    `cxc measure` sets them aside): a bad row names its case by its id and
    journey; one that names no journey of the spec (none, or an unknown one)
    names that id in every journey. A row with no case id names no case.
    One row per case id and journey with visits measured, not already set
    aside for naming different segments: `bad_rows` the bad rows that name
    it, `visits` its good visits, which no figure counts. -#}
with bad as (
  select case_id, journey_id, count(*) as bad_rows
  from (
    select case_id, journey_id from {{ ref('cxc_cases_read') }}
    where flaw is not null and case_id is not null
    union all
    select case_id, journey_id from {{ ref('cxc_visits') }} where good = 0
  ) b
  group by case_id, journey_id
),
cases as (
  select v.journey_id, v.case_id, count(*) as visits
  from {{ ref('cxc_visits') }} v
  join {{ ref('cxc_case_segments') }} c on c.journey_id = v.journey_id and c.case_id = v.case_id
  where v.good = 1 and c.mixed = 0
  group by v.journey_id, v.case_id
)
select c.journey_id, c.case_id, sum(b.bad_rows) as bad_rows, max(c.visits) as visits
from cases c
join bad b on b.case_id = c.case_id and (b.journey_id is null or b.journey_id = c.journey_id)
group by c.journey_id, c.case_id
