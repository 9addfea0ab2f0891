{#- Per journey, the cases set aside whole for their bad rows
    (cxc_cases_set_aside): how many, the bad rows that set them aside, and
    their good visits, which no figure counts. -#}
select journey_id as journey, count(*) as cases, sum(bad_rows) as bad_rows, sum(visits) as visits
from {{ ref('cxc_cases_set_aside') }}
group by journey_id
