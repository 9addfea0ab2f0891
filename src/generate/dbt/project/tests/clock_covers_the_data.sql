{#- The clock tables cover 2000-01-01 to 2041-01-01 (cxc_settings): a time
    outside would be read on no clock, so it fails the build instead. -#}
{%- set times = cxc_contact_times() -%}
select 'contacts' as file, c.id as row_id
from {{ ref('cxc_contacts') }} c cross join {{ ref('cxc_settings') }} s
where {% for t in times %}{{ 'or ' if not loop.first }}(c.{{ t }}__at_0 is not null and (c.{{ t }}__at_0 < s.clock_from or c.{{ t }}__at_0 >= s.clock_to))
{% endfor %}
union all
select 'cases' as file, v.case_id as row_id
from {{ ref('cxc_visits') }} v cross join {{ ref('cxc_settings') }} s
where v.entered__at < s.clock_from or v.entered__at >= s.clock_to
   or v.left__at < s.clock_from or v.left__at >= s.clock_to
