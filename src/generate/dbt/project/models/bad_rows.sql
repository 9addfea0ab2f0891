{#- Every row `cxc measure` calls bad data, with the reason (as measure.json
    names it): no figure counts it. A row whose times come before `created`
    (or `left` before `entered`) is here once, by the first such time; a case
    whose visits name different segments, once. -#}
select 'contacts' as file, id as row_id, flaw as reason from {{ ref('cxc_contacts_read') }} where flaw is not null
union all
select 'contacts' as file, id as row_id, contradiction as reason from {{ ref('cxc_contacts') }} where good = 0
union all
select 'cases' as file, case_id as row_id, flaw as reason from {{ ref('cxc_cases_read') }} where flaw is not null
union all
select 'cases' as file, case_id as row_id, 'before:left' as reason from {{ ref('cxc_visits') }} where good = 0
union all
select 'cases' as file, case_id as row_id, 'mixed-segments' as reason from {{ ref('cxc_case_segments') }} where mixed = 1
