
## The measure report (report.md, report.html)

report-duty-acknowledge = acknowledge
report-duty-resolve = resolve
report-duty-escalate = escalate when overdue
report-metric = { $metric ->
    [answer] answer
    [first_response] first response
    [resolution] resolution
    [fcr] first-contact resolution (FCR)
    [repeat] repeat contacts
    [csat] satisfaction (CSAT)
    [ces] effort (CES)
    [nps] NPS
    [complaints_per_1000] complaints per 1,000 contacts
    [dropoff] drop-off
   *[other] { $metric }
}
report-pain = { $kind ->
    [dropoff] drop-off
    [csat] low CSAT
    [effort] high effort
   *[other] { $kind }
}
report-repeat-limit = at most { $limit }
report-money-per-contact = { $amount } per contact
report-money-per-hour = { $amount } per hour, made per contact by { $timed ->
    [0] { $aht ->
        [none] no handle time: no queue with an `aht` answers here and the export has no `handle_time`
       *[other] the `aht` of queue { $queue } ({ $aht })
    }
   *[other] the export's `handle_time` ({ $timed } contacts){ $untimed ->
        [0] {""}
       *[other] { $aht ->
            [none] {""}
           *[other] , else the `aht` of queue { $queue } ({ $aht })
        }
    }
}{ $uncosted ->
    [0] {""}
   *[other] ; { $uncosted } contacts have no handle time and are not costed
}
report-money-at-risk = { GROUPED($named) } customers who complained or gave an NPS of 0–6{ $rows ->
    [0] {""}
   *[other] , and { GROUPED($rows) } such rows naming no customer (one customer each)
} × average check { $check } × churn share { $churn }{ $capped ->
    [none] {""}
   *[other] ; at most the segment's { $capped } customers
}
report-money-saving = { $lever ->
    [fcr] { $n } resolved contacts × the gap to the target: each contact not resolved at first contact brings one more, so { $contacts } contacts fewer, each at the segment's mean cost to serve, { $unit }
   *[other] { $n } contacts × the gap to the target: { $contacts } contacts moved from live channels to self-service, each saving { $unit } (mean live cost less mean self-service cost)
}
report-flaw-count = { $flaw }: { $count }
report-duty-feedback = tell the customer the outcome

## Kinds of declaration, as messages name them (kind-name-of: after a noun)

kind-name = { $kind ->
    [customer_type] customer type
    [sla] SLA
   *[other] { $kind }
}
kind-name-of = { $kind ->
    [customer_type] customer type
    [sla] SLA
   *[other] { $kind }
}

## Where a finding is, when its file is not quoted

diagnostic-at = { $message } (at { $location })

## Quick fixes the editor offers

lsp-fix-replace = Replace with `{ $text }`
lsp-fix-allow = Allow `{ $code }` here (# cxc: allow)
lsp-fix-add = Add `{ $statement }`

## The command line's help: one message per command (its summary), an
## attribute per argument (cli/help.rs)

cli-cmd-cxc = A compiler for customer-service standards (the cx language)
    .color = Colour in human-readable output; `auto` colours a terminal unless NO_COLOR is set, and FORCE_COLOR colours any output.
    .lang = The language of messages and documents. Messages default to the spec's `language`, else the locale (LC_ALL, LC_MESSAGES, LANG), else English; documents to the spec's `language`, else English.
    .max_file_size = The largest file a spec may make cxc read (`64MB`, `512KB`, `1GB`; default 64 MB, at most 2 GB). A spec's `limits.file_size` in cxc.yaml can only lower it: raising it takes this flag.
    .help = Print help
    .version = Print the version
cli-cmd-check = Check a spec and report problems.
    .paths = `.cx` files or folders (every `*.cx` below them); default: the current folder.
    .format = How to print the findings.
    .deny = Make warnings fail the run too.
    .today = The date `stale-review` counts from (YYYY-MM-DD); default: the system date.
    .config = A cxc.yaml to use instead of the one beside the spec.
    .max_findings = Findings of one code shown per file (default 100); one more finding says how many were left out. A spec's `cxc.yaml` may lower it (`limits.findings_per_code`), never raise it.
    .watch = Check again each time a spec file is saved (Ctrl-C stops).
cli-cmd-build = Generate policies, journey maps, job descriptions and routing config.
    .paths = `.cx` files or folders (every `*.cx` below them); default: the current folder.
    .out = The output folder; files cxc did not generate there are left alone.
    .templates = A folder whose templates replace the built-in ones of the same name.
    .today = The date `stale-review` counts from (YYYY-MM-DD); default: the system date.
    .config = A cxc.yaml to use instead of the one beside the spec.
    .target = What to write (comma-separated or repeated); default: all but dbt. docs: Markdown policies, journey maps, job descriptions, routing.yaml/json, model.json; zendesk: routing/zendesk-sla-policies.json; taskrouter: routing/taskrouter-workflow.json; bpmn: journeys/JOURNEY.bpmn; site: the HTML site under site/; dbt: a dbt project under dbt/ (only when asked for).
    .contacts = A contacts export (as for `cxc measure`): measured figures go beside the targets in the standards.
    .cases = A cases export: measured time, drop-off and CSAT per step go on the journey maps.
    .format = How to print the findings: on stdout in this form (`json`, `sarif`, `github`, `human`), as `check` prints them; default: for people, on stderr. The line saying what was written stays on stderr.
    .max_findings = Findings of one code shown per file (default 100); one more finding says how many were left out. A spec's `cxc.yaml` may lower it (`limits.findings_per_code`), never raise it.
cli-cmd-staff = Staff every queue with a forecast: Erlang C, or Erlang A with `patience`.
    .paths = `.cx` files or folders (every `*.cx` below them); default: the current folder.
    .format = A table per queue and interval, or JSON.
    .config = A cxc.yaml to use instead of the one beside the spec.
cli-cmd-measure = Hold the contact centre's exports against the standards: SLAs per segment, promises, complaints and journeys as customers lived them.
    .paths = `.cx` files or folders (every `*.cx` below them); default: the current folder.
    .contacts = The contacts export: CSV with a header row, or JSON Lines (`.jsonl`, `.ndjson`).
    .cases = The cases export: one row per step visit (`case,journey,step,entered[,left]`).
    .from = The first day measured (YYYY-MM-DD, in the spec's time zone); default: all rows.
    .to = The last day measured, inclusive.
    .out = Also write report.md, report.html and measure.json to this folder.
    .format = How to print the findings.
    .deny = Make warnings fail the run too.
    .config = A cxc.yaml to use instead of the one beside the spec.
    .max_findings = Findings of one code shown per file (default 100); one more finding says how many were left out. A spec's `cxc.yaml` may lower it (`limits.findings_per_code`), never raise it.
cli-cmd-graph = Print a journey's graph (Mermaid or Graphviz DOT) on stdout.
    .journey = The journey's identifier.
    .paths = `.cx` files or folders; default: the current folder.
    .format = Mermaid or Graphviz DOT.
cli-cmd-fmt = Lay out `.cx` files in the one canonical style (comments kept).
    .paths = `.cx` files or folders (every `*.cx` below them); default: the current folder. `-` formats standard input to standard output.
    .check = Change nothing: print a diff of what would change, exit 1 if anything would.
cli-cmd-lsp = Run the language server on stdin/stdout (for editors).
cli-cmd-init = Start a spec: a commented example that passes `check`, its cxc.yaml and a GitHub workflow. Writes nothing over existing files.
    .dir = The repository's root folder; default: the current folder. The spec goes to DIR/standards, the workflow to DIR/.github/workflows/cxc.yml.
cli-cmd-completions = Print a shell's completion script: `cxc completions bash > ~/.local/share/bash-completion/completions/cxc`.
    .shell = The shell.
cli-cmd-man = Print the man page (roff): `cxc man > cxc.1 && man ./cxc.1`.
cli-cmd-help = Help on a command, or `cxc help language`: the cx language in short.
    .topic = `language`, or a command such as `build`.
cli-cmd-explain = Explain a diagnostic code (or list all codes).
    .code = A code such as `dead-end`.

## The command line's headings, and its errors in place of clap's

cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-usage-options = OPTIONS
cli-usage-command = COMMAND
# Value placeholders (`--out <DIR>`): what to write there.
cli-value-dir = DIR
cli-value-file = FILE
cli-value-files = PATHS
cli-value-size = SIZE
cli-value-language = LANG
cli-value-color = COLOR
cli-value-format = FORMAT
cli-value-date = DATE
cli-value-target = TARGET
cli-value-shell = SHELL
cli-value-journey = JOURNEY
cli-value-deny = DENY
cli-value-topic = TOPIC
cli-value-code = CODE
# The man page's section headings.
cli-man-name = Name
cli-man-synopsis = Synopsis
cli-man-description = Description
cli-man-extra = Extra
cli-man-version = Version
cli-man-authors = Authors
cli-default = default: { $value }
cli-values = possible values: { $values }
cli-usage = Usage: { $usage }
cli-more = For more information, try `{ $help }`.
cli-arg-missing = the following required arguments were not provided: { $args }
cli-arg-missing-command = `{ $command }` needs a command: { $commands }
cli-arg-no-value = `{ $arg }` needs a value
cli-arg-unknown = unexpected argument `{ $arg }`
cli-arg-unknown-command = unrecognized command `{ $command }`
cli-arg-invalid-value = invalid value `{ $value }` for `{ $arg }`
cli-arg-validation = invalid value `{ $value }` for `{ $arg }`: { $reason }
cli-arg-no-equals = `{ $arg }` takes its value after `=`
cli-arg-too-many = unexpected value `{ $value }` for `{ $arg }`: it takes no more
cli-arg-count = `{ $arg }` takes { $expected } values, { $actual } were given
cli-arg-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-arg-twice = `{ $arg }` cannot be used more than once
cli-arg-utf8 = an argument is not valid UTF-8
cli-arg-other = the arguments could not be read
cli-arg-tip-value-escape = to pass `{ $arg }` as a value, write `-- { $arg }`
report-target-answer = answer on { $channel }: { $percent } within { $within }
report-target-first-response = first response on { $channel } within { $within }
report-target-resolution-on = resolution on { $channel } within { $within }
report-target-resolution = resolution within { $within }
