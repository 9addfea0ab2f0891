
## Отчёт об измерении (report.md, report.html)

report-duty-acknowledge = подтвердить получение
report-duty-resolve = решить
report-duty-escalate = эскалировать при просрочке
report-metric = { $metric ->
    [answer] ответ
    [first_response] первый ответ
    [resolution] решение
    [fcr] решение с первого обращения (FCR)
    [repeat] повторные обращения
    [csat] удовлетворённость (CSAT)
    [ces] усилие клиента (CES)
    [nps] NPS
    [complaints_per_1000] жалоб на 1 000 обращений
    [dropoff] уход
   *[other] { $metric }
}
report-pain = { $kind ->
    [dropoff] уход
    [csat] низкий CSAT
    [effort] большое усилие
   *[other] { $kind }
}
report-repeat-limit = не больше { $limit }
report-money-per-contact = { $amount } за обращение
report-money-per-hour = { $amount } в час, на обращение — по { $timed ->
    [0] { $aht ->
        [none] ничему: ни одна очередь с `aht` здесь не отвечает, а в выгрузке нет `handle_time`
       *[other] `aht` очереди { $queue } ({ $aht })
    }
   *[other] `handle_time` из выгрузки ({ $timed } { $timed ->
        [one] обращение
        [few] обращения
       *[many] обращений
    }){ $untimed ->
        [0] {""}
       *[other] { $aht ->
            [none] {""}
           *[other] , иначе по `aht` очереди { $queue } ({ $aht })
        }
    }
}{ $uncosted ->
    [0] {""}
   *[other] ; у { $uncosted } { $uncosted ->
        [one] обращения нет времени обработки, его стоимость не посчитана
       *[other] обращений нет времени обработки, их стоимость не посчитана
    }
}
report-money-at-risk = { GROUPED($named) } { $named ->
    [one] клиент, который жаловался или поставил
    [few] клиента, которые жаловались или поставили
   *[many] клиентов, которые жаловались или поставили
} NPS 0–6{ $rows ->
    [0] {""}
   *[other] , и { GROUPED($rows) } { $rows ->
        [one] такая строка
        [few] такие строки
       *[many] таких строк
    } без клиента (каждая — один клиент)
} × средний чек { $check } × доля ухода { $churn }{ $capped ->
    [none] {""}
   *[other] ; не больше, чем клиентов в сегменте: { $capped }
}
report-money-saving = { $lever ->
    [fcr] { $n } { $n ->
        [one] решённое обращение
        [few] решённых обращения
       *[many] решённых обращений
    } × разрыв до цели: каждое обращение, не решённое с первого раза, приносит ещё одно, значит обращений меньше на { $contacts }, каждое по средней стоимости обслуживания сегмента, { $unit }
   *[other] { $n } { $n ->
        [one] обращение
        [few] обращения
       *[many] обращений
    } × разрыв до цели: из живых каналов в самообслуживание уходит обращений — { $contacts }, каждое экономит { $unit } (средняя стоимость в живых каналах минус в самообслуживании)
}
report-flaw-count = { $flaw }: { $count }
report-duty-feedback = сообщить клиенту результат

## Виды объявлений в сообщениях (kind-name-of — в родительном падеже)

kind-name = { $kind ->
    [service] сервис
    [calendar] календарь
    [team] команда
    [role] роль
    [channel] канал
    [segment] сегмент
    [customer_type] тип клиентов
    [sla] SLA
    [promise] обещание
    [journey] путь клиента
    [step] этап
    [phase] фаза
    [complaint] правило жалоб
    [queue] очередь
    [agreement] соглашение
   *[other] { $kind }
}
kind-name-of = { $kind ->
    [service] сервиса
    [calendar] календаря
    [team] команды
    [role] роли
    [channel] канала
    [segment] сегмента
    [customer_type] типа клиентов
    [sla] SLA
    [promise] обещания
    [journey] пути клиента
    [step] этапа
    [phase] фазы
    [complaint] правила жалоб
    [queue] очереди
    [agreement] соглашения
   *[other] { $kind }
}

## Где находка, когда её файл не цитируется

diagnostic-at = { $message } (место: { $location })

## Быстрые исправления в редакторе

lsp-fix-replace = Заменить на `{ $text }`
lsp-fix-allow = Разрешить `{ $code }` здесь (# cxc: allow)
lsp-fix-add = Добавить `{ $statement }`

## Справка командной строки: сообщение на команду (её назначение), атрибут
## на аргумент (cli/help.rs)

cli-cmd-cxc = Компилятор стандартов обслуживания клиентов (язык cx)
    .color = Цвет в выводе для человека; `auto` раскрашивает терминал, если не задана NO_COLOR, а FORCE_COLOR раскрашивает любой вывод.
    .lang = Язык сообщений и документов. Сообщения по умолчанию — на языке спецификации (`language`), иначе на языке локали (LC_ALL, LC_MESSAGES, LANG), иначе на английском; документы — на языке спецификации, иначе на английском.
    .max_file_size = Самый большой файл, который спецификация может заставить cxc прочитать (`64MB`, `512KB`, `1GB`; по умолчанию 64 МБ, не больше 2 ГБ). `limits.file_size` в cxc.yaml спецификации может только уменьшить его: увеличить можно лишь этим параметром.
    .help = Показать справку
    .version = Показать версию
cli-cmd-check = Проверить спецификацию и сообщить о проблемах.
    .paths = Файлы `.cx` или папки (все `*.cx` в них); по умолчанию — текущая папка.
    .format = Как выводить находки.
    .deny = Считать провалом и предупреждения.
    .today = Дата, от которой считает `stale-review` (ГГГГ-ММ-ДД); по умолчанию — системная дата.
    .config = Файл cxc.yaml вместо того, что лежит рядом со спецификацией.
    .max_findings = Сколько находок одного кода показывать на файл (по умолчанию 100); ещё одна находка говорит, сколько пропущено. `cxc.yaml` спецификации может уменьшить это число (`limits.findings_per_code`), но не увеличить.
    .watch = Проверять заново при каждом сохранении файла спецификации (Ctrl-C — остановить).
cli-cmd-build = Сформировать регламенты, карты пути клиента, должностные инструкции и настройки маршрутизации.
    .paths = Файлы `.cx` или папки (все `*.cx` в них); по умолчанию — текущая папка.
    .out = Папка для результатов; файлы, которые cxc там не создавал, остаются нетронутыми.
    .templates = Папка с шаблонами, которые заменяют встроенные с тем же именем.
    .today = Дата, от которой считает `stale-review` (ГГГГ-ММ-ДД); по умолчанию — системная дата.
    .config = Файл cxc.yaml вместо того, что лежит рядом со спецификацией.
    .target = Что записать (через запятую или повторяя параметр); по умолчанию — всё, кроме dbt. docs: регламенты в Markdown, карты пути, должностные инструкции, routing.yaml/json, model.json; zendesk: routing/zendesk-sla-policies.json; taskrouter: routing/taskrouter-workflow.json; bpmn: journeys/ПУТЬ.bpmn; site: HTML-сайт в папке site/; dbt: проект dbt в папке dbt/ (только если указан явно).
    .contacts = Выгрузка обращений (как для `cxc measure`): измеренные показатели встают в стандартах рядом с целями.
    .cases = Выгрузка случаев: измеренные время, отток и CSAT по этапам попадают на карты пути.
    .format = Как выводить находки: в stdout в этом виде (`json`, `sarif`, `github`, `human`), как их выводит `check`; по умолчанию — для человека, в stderr. Строка о том, что записано, остаётся в stderr.
    .max_findings = Сколько находок одного кода показывать на файл (по умолчанию 100); ещё одна находка говорит, сколько пропущено. `cxc.yaml` спецификации может уменьшить это число (`limits.findings_per_code`), но не увеличить.
cli-cmd-staff = Рассчитать численность каждой очереди с прогнозом: Эрланг C или Эрланг A с `patience`.
    .paths = Файлы `.cx` или папки (все `*.cx` в них); по умолчанию — текущая папка.
    .format = Таблица по очередям и интервалам или JSON.
    .config = Файл cxc.yaml вместо того, что лежит рядом со спецификацией.
cli-cmd-measure = Сверить выгрузки контакт-центра со стандартами: SLA по сегментам, обещания, жалобы и пути клиентов такими, какими их прожили клиенты.
    .paths = Файлы `.cx` или папки (все `*.cx` в них); по умолчанию — текущая папка.
    .contacts = Выгрузка обращений: CSV со строкой заголовков или JSON Lines (`.jsonl`, `.ndjson`).
    .cases = Выгрузка случаев: строка на каждое посещение этапа (`case,journey,step,entered[,left]`).
    .from = Первый измеряемый день (ГГГГ-ММ-ДД, в часовом поясе спецификации); по умолчанию — все строки.
    .to = Последний измеряемый день включительно.
    .out = Ещё и записать report.md, report.html и measure.json в эту папку.
    .format = Как выводить находки.
    .deny = Считать провалом и предупреждения.
    .config = Файл cxc.yaml вместо того, что лежит рядом со спецификацией.
    .max_findings = Сколько находок одного кода показывать на файл (по умолчанию 100); ещё одна находка говорит, сколько пропущено. `cxc.yaml` спецификации может уменьшить это число (`limits.findings_per_code`), но не увеличить.
cli-cmd-graph = Вывести граф пути клиента (Mermaid или Graphviz DOT) в стандартный вывод.
    .journey = Идентификатор пути.
    .paths = Файлы `.cx` или папки; по умолчанию — текущая папка.
    .format = Mermaid или Graphviz DOT.
cli-cmd-fmt = Привести файлы `.cx` к единому каноническому виду (комментарии сохраняются).
    .paths = Файлы `.cx` или папки (все `*.cx` в них); по умолчанию — текущая папка. `-` форматирует стандартный ввод в стандартный вывод.
    .check = Ничего не менять: показать разницу, которая получилась бы, и завершиться с кодом 1, если что-то изменилось бы.
cli-cmd-lsp = Запустить языковой сервер на stdin/stdout (для редакторов).
cli-cmd-init = Начать спецификацию: пример с комментариями, который проходит `check`, его cxc.yaml и рабочий процесс GitHub. Существующие файлы не перезаписываются.
    .dir = Корневая папка репозитория; по умолчанию — текущая папка. Спецификация ложится в ПАПКА/standards, рабочий процесс — в ПАПКА/.github/workflows/cxc.yml.
cli-cmd-completions = Вывести скрипт автодополнения для оболочки: `cxc completions bash > ~/.local/share/bash-completion/completions/cxc`.
    .shell = Оболочка.
cli-cmd-man = Вывести страницу руководства (roff): `cxc man > cxc.1 && man ./cxc.1`.
cli-cmd-help = Справка по команде или `cxc help language`: язык cx вкратце.
    .topic = `language` или команда, например `build`.
cli-cmd-explain = Объяснить код находки (или перечислить все коды).
    .code = Код, например `dead-end`.

## Заголовки командной строки и её ошибки вместо ошибок clap

cli-heading-usage = Использование
cli-heading-commands = Команды
cli-heading-arguments = Аргументы
cli-heading-options = Параметры
cli-usage-options = ПАРАМЕТРЫ
cli-usage-command = КОМАНДА
# Заполнители значений (`--out <ПАПКА>`): что туда написать.
cli-value-dir = ПАПКА
cli-value-file = ФАЙЛ
cli-value-files = ФАЙЛЫ
cli-value-size = РАЗМЕР
cli-value-language = ЯЗЫК
cli-value-color = ЦВЕТ
cli-value-format = ФОРМАТ
cli-value-date = ДАТА
cli-value-target = ЧТО
cli-value-shell = ОБОЛОЧКА
cli-value-journey = ПУТЬ
cli-value-deny = УРОВЕНЬ
cli-value-topic = ТЕМА
cli-value-code = КОД
# Заголовки разделов страницы руководства.
cli-man-name = Имя
cli-man-synopsis = Синтаксис
cli-man-description = Описание
cli-man-extra = Дополнительно
cli-man-version = Версия
cli-man-authors = Авторы
cli-default = по умолчанию: { $value }
cli-values = значения: { $values }
cli-usage = Использование: { $usage }
cli-more = Подробнее: `{ $help }`.
cli-arg-missing = не указаны обязательные аргументы: { $args }
cli-arg-missing-command = команде `{ $command }` нужна подкоманда: { $commands }
cli-arg-no-value = `{ $arg }` требует значения
cli-arg-unknown = неожиданный аргумент `{ $arg }`
cli-arg-unknown-command = неизвестная команда `{ $command }`
cli-arg-invalid-value = недопустимое значение `{ $value }` для `{ $arg }`
cli-arg-validation = недопустимое значение `{ $value }` для `{ $arg }`: { $reason }
cli-arg-no-equals = значение `{ $arg }` пишется после `=`
cli-arg-too-many = лишнее значение `{ $value }` для `{ $arg }`: больше значений он не принимает
cli-arg-count = `{ $arg }` принимает значений: { $expected }, а дано: { $actual }
cli-arg-conflict = `{ $arg }` нельзя использовать вместе с `{ $other }`
cli-arg-twice = `{ $arg }` можно указать только один раз
cli-arg-utf8 = аргумент — не корректный UTF-8
cli-arg-other = не удалось разобрать аргументы
cli-arg-tip-value-escape = чтобы передать `{ $arg }` как значение, напишите `-- { $arg }`
report-target-answer = ответ в канале «{ $channel }»: { $percent } в пределах { $within }
report-target-first-response = первый ответ в канале «{ $channel }» в пределах { $within }
report-target-resolution-on = решение в канале «{ $channel }» в пределах { $within }
report-target-resolution = решение в пределах { $within }
