{#- Where the exports are read from: the files given as vars `contacts`
    and `cases` (CSV with a header row, or Parquet), else the tables of
    source `cx` (models/sources.yml). -#}

{% macro cxc_rows(name) -%}
  {%- set path = var(name, none) -%}
  {%- if path -%}{{ return(adapter.dispatch('cxc_file', 'cx_standards')(name, path)) }}
  {%- else -%}{{ return(source('cx', name)) }}{%- endif -%}
{%- endmacro %}

{% macro default__cxc_file(name, path) -%}
  {{ exceptions.raise_compiler_error("vars 'contacts' and 'cases' name files on DuckDB and Spark only; on " ~ target.type ~ " load the exports into the tables of source 'cx'") }}
{%- endmacro %}

{% macro duckdb__cxc_file(name, path) -%}
  {%- if (path | lower).endswith('.parquet') -%}
  read_parquet({{ cxc_literal(path) }})
  {%- else -%}
  read_csv({{ cxc_literal(path) }}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
  {%- endif -%}
{%- endmacro %}

{#- Spark reads a file through a temporary view the run registers first
    (on-run-start: cxc_register_files). -#}
{% macro spark__cxc_file(name, path) -%}cxc_file_{{ name }}{%- endmacro %}

{% macro cxc_register_files() -%}
  {{ return(adapter.dispatch('cxc_register_files', 'cx_standards')()) }}
{%- endmacro %}
{% macro default__cxc_register_files() -%}select 1 as registered{%- endmacro %}
{% macro spark__cxc_register_files() -%}
  {%- for name in ['contacts', 'cases'] -%}
    {%- set path = var(name, none) -%}
    {%- if path and execute -%}
      {%- if (path | lower).endswith('.parquet') -%}
        {%- set sql = 'create or replace temporary view cxc_file_' ~ name ~ ' using parquet options (path ' ~ cxc_literal(path) ~ ')' -%}
      {%- else -%}
        {%- set sql = 'create or replace temporary view cxc_file_' ~ name ~ ' using csv options (path ' ~ cxc_literal(path) ~ ", header 'true', multiLine 'true', escape '\"', inferSchema 'false', mode 'PERMISSIVE')" -%}
      {%- endif -%}
      {%- do run_query(sql) -%}
    {%- endif -%}
  {%- endfor -%}
  select 1 as registered
{%- endmacro %}

{#- The columns a relation has (at run time; none while dbt parses). -#}
{% macro cxc_columns_of(relation) -%}
  {%- if execute -%}
    {%- set result = run_query('select * from ' ~ relation ~ ' where 1 = 0') -%}
    {{ return(result.column_names | list) }}
  {%- endif -%}
  {{ return([]) }}
{%- endmacro %}

{#- Field `field` of the exports as trimmed text, none when empty or when
    the export has no such column (cxc_column_map: measure.columns; a
    `reason` not mapped and not there is read from `topic`). -#}
{% macro cxc_field(field, have) -%}
  {%- set column = cxc_column_map().get(field, field) -%}
  {#- Help desks say `topic` for a reason (when cxc.yaml maps none). -#}
  {%- if column not in have and field == 'reason' and field not in cxc_column_map() -%}
    {%- set column = 'topic' -%}
  {%- endif -%}
  {%- if column in have -%}
  nullif(trim(cast({{ cxc_ident(column) }} as {{ cxc_text() }})), '')
  {%- else -%}
  cast(null as {{ cxc_text() }})
  {%- endif -%}
{%- endmacro %}
