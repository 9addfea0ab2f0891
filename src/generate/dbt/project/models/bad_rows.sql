{#- Every row `cxc measure` calls bad data, with the reason (as measure.json
    names it): no figure counts it. A row whose times come before `created`
    (or `left` before `entered`) has one row here per such time. -#}
{%- set before = [('sla_answered', 'answered'), ('sla_first_response', 'first_response'), ('sla_resolved', 'resolved'),
                  ('complaint_acknowledged', 'acknowledged'), ('complaint_resolved', 'resolved'),
                  ('complaint_escalated', 'escalated'), ('complaint_feedback', 'feedback')] -%}
select 'contacts' as file, id as row_id, flaw as reason from {{ ref('cxc_contacts_read') }} where flaw is not null
union all
select distinct 'contacts' as file, id as row_id, reason from (
  {%- for flag, field in before %}
  select id, 'before:{{ field }}' as reason from {{ ref('cxc_contacts') }} where before_{{ flag }} = 1
  {{ 'union all' if not loop.last }}
  {%- endfor %}
) b
union all
select 'cases' as file, case_id as row_id, flaw as reason from {{ ref('cxc_cases_read') }} where flaw is not null
union all
select 'cases' as file, case_id as row_id, 'before:left' as reason from {{ ref('cxc_visits') }} where good = 0
