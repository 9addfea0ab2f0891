{{ config(severity = 'warn') }}
{#- `cxc measure` keeps at most cxc_max_causes() distinct causes by name and
    counts later ones as other causes, in the order it reads the export;
    the models name every cause. Past that many, the listed causes may
    differ from measure.json's: this warns (a `cause` column with that many
    values holds free text, not causes). -#}
select count(distinct cause) as causes
from {{ ref('cxc_contacts') }}
where good = 1 and complaint_id is not null and cause is not null
having count(distinct cause) > {{ cxc_max_causes() }}
