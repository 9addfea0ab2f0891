{#- Where SQL dialects differ, one macro each, dispatched on the adapter
    (adapter.dispatch): the models are written with these only. DuckDB and
    Spark are tested; Trino, BigQuery and Snowflake get the defaults or the
    variants below, on paper. Every operand is a whole, non-negative number
    where a division or remainder is taken. -#}

{% macro cxc_div(a, b) -%}{{ return(adapter.dispatch('cxc_div', 'cx_standards')(a, b)) }}{%- endmacro %}
{% macro default__cxc_div(a, b) -%}cast(floor(cast({{ a }} as {{ cxc_double() }}) / ({{ b }})) as {{ cxc_int() }}){%- endmacro %}
{% macro duckdb__cxc_div(a, b) -%}(({{ a }}) // ({{ b }})){%- endmacro %}
{% macro spark__cxc_div(a, b) -%}(({{ a }}) div ({{ b }})){%- endmacro %}
{% macro trino__cxc_div(a, b) -%}(cast({{ a }} as bigint) / cast({{ b }} as bigint)){%- endmacro %}
{% macro bigquery__cxc_div(a, b) -%}div({{ a }}, {{ b }}){%- endmacro %}

{% macro cxc_mod(a, b) -%}{{ return(adapter.dispatch('cxc_mod', 'cx_standards')(a, b)) }}{%- endmacro %}
{% macro default__cxc_mod(a, b) -%}mod({{ a }}, {{ b }}){%- endmacro %}
{% macro duckdb__cxc_mod(a, b) -%}(({{ a }}) % ({{ b }})){%- endmacro %}
{% macro spark__cxc_mod(a, b) -%}(({{ a }}) % ({{ b }})){%- endmacro %}

{#- Whether `expr` matches `pattern` somewhere (patterns here are anchored
    and use no backslash, so no engine's string escapes change them). -#}
{% macro cxc_matches(expr, pattern) -%}{{ return(adapter.dispatch('cxc_matches', 'cx_standards')(expr, pattern)) }}{%- endmacro %}
{% macro default__cxc_matches(expr, pattern) -%}regexp_like({{ expr }}, '{{ pattern }}'){%- endmacro %}
{% macro duckdb__cxc_matches(expr, pattern) -%}regexp_matches({{ expr }}, '{{ pattern }}'){%- endmacro %}
{% macro spark__cxc_matches(expr, pattern) -%}({{ expr }} rlike '{{ pattern }}'){%- endmacro %}
{% macro bigquery__cxc_matches(expr, pattern) -%}regexp_contains({{ expr }}, r'{{ pattern }}'){%- endmacro %}

{#- Group `group` of the first match of `pattern` in `expr`; '' when the
    group took no part. -#}
{% macro cxc_extract(expr, pattern, group) -%}{{ return(adapter.dispatch('cxc_extract', 'cx_standards')(expr, pattern, group)) }}{%- endmacro %}
{% macro default__cxc_extract(expr, pattern, group) -%}coalesce(regexp_extract({{ expr }}, '{{ pattern }}', {{ group }}), ''){%- endmacro %}
{% macro snowflake__cxc_extract(expr, pattern, group) -%}coalesce(regexp_substr({{ expr }}, '{{ pattern }}', 1, 1, 'e', {{ group }}), ''){%- endmacro %}
{% macro bigquery__cxc_extract(expr, pattern, group) -%}coalesce(regexp_extract({{ expr }}, r'{{ cxc_only_group(pattern, group) }}'), ''){%- endmacro %}
{#- BigQuery returns the one capturing group of a pattern: every other
    group is made non-capturing. -#}
{% macro cxc_only_group(pattern, group) -%}
  {%- set out = [] -%}{%- set n = namespace(i=0) -%}
  {%- for ch in pattern -%}
    {%- if ch == '(' and pattern[loop.index0 + 1] != '?' -%}{%- set n.i = n.i + 1 -%}{%- do out.append('(' if n.i == group else '(?:') -%}
    {%- else -%}{%- do out.append(ch) -%}{%- endif -%}
  {%- endfor -%}{{ out | join('') }}
{%- endmacro %}

{#- A number read from text, none when it is not one. -#}
{% macro cxc_to_double(expr) -%}{{ return(adapter.dispatch('cxc_to_double', 'cx_standards')(expr)) }}{%- endmacro %}
{% macro default__cxc_to_double(expr) -%}try_cast({{ expr }} as {{ cxc_double() }}){%- endmacro %}
{% macro bigquery__cxc_to_double(expr) -%}safe_cast({{ expr }} as float64){%- endmacro %}

{#- A whole number read from text, none when it is not one. -#}
{% macro cxc_to_int(expr) -%}{{ return(adapter.dispatch('cxc_to_int', 'cx_standards')(expr)) }}{%- endmacro %}
{% macro default__cxc_to_int(expr) -%}try_cast({{ expr }} as {{ cxc_int() }}){%- endmacro %}
{% macro bigquery__cxc_to_int(expr) -%}safe_cast({{ expr }} as int64){%- endmacro %}

{% macro cxc_double() -%}{{ return(adapter.dispatch('cxc_double', 'cx_standards')()) }}{%- endmacro %}
{% macro default__cxc_double() -%}double{%- endmacro %}
{% macro bigquery__cxc_double() -%}float64{%- endmacro %}

{% macro cxc_int() -%}{{ return(adapter.dispatch('cxc_int', 'cx_standards')()) }}{%- endmacro %}
{% macro default__cxc_int() -%}bigint{%- endmacro %}
{% macro bigquery__cxc_int() -%}int64{%- endmacro %}

{% macro cxc_text() -%}{{ return(adapter.dispatch('cxc_text', 'cx_standards')()) }}{%- endmacro %}
{% macro default__cxc_text() -%}varchar{%- endmacro %}
{% macro spark__cxc_text() -%}string{%- endmacro %}
{% macro bigquery__cxc_text() -%}string{%- endmacro %}

{#- A string as an SQL literal, quotes (and, where the dialect reads
    them, backslashes) escaped. -#}
{% macro cxc_literal(value) -%}{{ return(adapter.dispatch('cxc_literal', 'cx_standards')(value)) }}{%- endmacro %}
{% macro default__cxc_literal(value) -%}'{{ value | string | replace("'", "''") }}'{%- endmacro %}
{% macro spark__cxc_literal(value) -%}'{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'{%- endmacro %}
{% macro bigquery__cxc_literal(value) -%}'{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'{%- endmacro %}
{% macro snowflake__cxc_literal(value) -%}'{{ value | string | replace("\\", "\\\\") | replace("'", "''") }}'{%- endmacro %}

{#- A column name as a quoted identifier, its quote characters doubled. -#}
{% macro cxc_ident(name) -%}{{ return(adapter.dispatch('cxc_ident', 'cx_standards')(name)) }}{%- endmacro %}
{% macro default__cxc_ident(name) -%}"{{ name | string | replace('"', '""') }}"{%- endmacro %}
{% macro spark__cxc_ident(name) -%}`{{ name | string | replace('`', '``') }}`{%- endmacro %}
{% macro bigquery__cxc_ident(name) -%}`{{ name | string | replace('\\', '\\\\') | replace('`', '\\`') }}`{%- endmacro %}
