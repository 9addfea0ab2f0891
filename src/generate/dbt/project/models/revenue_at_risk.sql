{#- Revenue at risk per segment (language 3): the distinct customers who
    complained or gave a detractor's NPS (0 to 6) in the segment, each row
    that names no customer counted as one (`counted_by_row`), capped at the
    segment's `customers`; times its `average_check` and
    `measure.churn_share`. A segment is listed when someone is at risk or
    it states an average check. -#}
{%- set d = cxc_double() -%}
with unhappy as (
  select segment_id as segment, customer
  from {{ ref('cxc_contacts') }}
  where good = 1 and (complaint_id is not null or nps <= 6)
),
counted as (
  select segment, count(distinct customer) as named,
    sum(case when customer is null then 1 else 0 end) as nameless
  from unhappy group by segment
),
capped as (
  select s.segment, coalesce(c.nameless, 0) as counted_by_row, s.customers as segment_customers,
    s.average_check, g.churn_share,
    case when s.customers is not null and s.customers < coalesce(c.named, 0) + coalesce(c.nameless, 0)
         then s.customers else coalesce(c.named, 0) + coalesce(c.nameless, 0) end as customers_at_risk
  from {{ ref('cxc_segment_money') }} s
  cross join {{ ref('cxc_money_settings') }} g
  left join counted c on c.segment = s.segment
)
select segment, customers_at_risk, counted_by_row, segment_customers, average_check, churn_share,
  case when average_check is not null
       then cast(customers_at_risk as {{ d }}) * average_check * churn_share / 1e2 end as revenue_at_risk
from capped
where customers_at_risk > 0 or average_check is not null
