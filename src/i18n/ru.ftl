# Сообщения cxc на русском. У каждого id есть двойник в en.ftl (проверяется тестом).
# Аргументы: $name. Слова спецификации в обратных кавычках не переводятся.

## Итоговые строки

summary-errors = { $errors ->
        [one] { $errors } ошибка
        [few] { $errors } ошибки
       *[many] { $errors } ошибок
    }, { $warnings ->
        [one] { $warnings } предупреждение
        [few] { $warnings } предупреждения
       *[many] { $warnings } предупреждений
    }

findings-capped = и ещё { $shown } { $count ->
        [one] замечание
        [few] замечания
       *[many] замечаний
    } `{ $code }` в этом файле
findings-capped-help = cxc показывает в каждом файле { $limit ->
        [one] первое { $limit } замечание
        [few] первые { $limit } замечания
       *[many] первые { $limit } замечаний
    } одного кода: исправьте сначала их или покажите больше с `--max-findings`

## Каналы

unattended-channel = канал `{ $channel }` вида { $kind } помечен как `self_service`: клиенты пишут или звонят туда, а отвечать никто не обязан
unattended-channel-help = уберите `self_service` и назначьте каналу `owner` и `hours` (а затем цель по ответу в SLA) или сделайте его `portal`, если клиенты там только обслуживают себя сами
preferred-channel-not-offered = клиентов типа `{ $customer_type }` направляют в канал `{ $channel }`, но ни одному из их сегментов ({ $segments }) этот канал не предложен
preferred-channel-not-offered-help = добавьте `{ $channel }` в `channels` сегмента с этим типом клиентов или выберите канал, который у них есть
sla-beyond-channel-hours = SLA `{ $sla }` считает время по календарю `{ $calendar }`, когда канал `{ $channel }` закрыт (его часы `{ $hours }`), например { $day } { $from }–{ $to } { $clock }: норматив идёт, когда ответить некому: обращение, поступившее в это время, ждёт открытия канала, а часы норматива засчитывают это ожидание
hours-uncovered = канал `{ $channel }` открыт (календарь `{ $calendar }`), когда не работает ни одна из принимающих его очередей ({ $queues }), { $clock }: { $when } — обращение, поступившее в это время, ждёт, пока выйдет на работу какая-нибудь команда, и TaskRouter может отменить его раньше
hours-uncovered-segments = канал `{ $channel }` открыт (календарь `{ $calendar }`), когда не работает ни одна из очередей, принимающих { $count ->
        [one] сегмент
       *[other] сегменты
    } { $segments } ({ $queues }; очередь, где названы другие сегменты, их обращений не берёт), { $clock }: { $when } — обращение, поступившее в это время, ждёт, пока выйдет на работу какая-нибудь команда, и TaskRouter может отменить его раньше
uncovered-stretch = { $when }{ $season ->
        [winter] {" "}зимой
        [summer] {" "}летом
       *[both] {""}
    } ({ $closed })
uncovered-always = всё время, пока канал открыт
uncovered-daily = ежедневно с { $from } до { $to }{ $overnight ->
        [0] {""}
       *[other] {" "}следующего дня
    }
uncovered-days = { $days } с { $from } до { $to }{ $overnight ->
        [0] {""}
       *[other] {" "}следующего дня
    }
uncovered-weekly = каждую неделю с { $day } { $from } до { $until } { $to }
uncovered-on-date = { $day } с { $from } до { $to }
uncovered-on-dates = ежедневно с { $first } по { $last }, с { $from } до { $to }{ $overnight ->
        [0] {""}
       *[other] {" "}следующего дня
    }
uncovered-once = с { $day } { $from } до { $until } { $to }
uncovered-more = и ещё { $count } { $count ->
        [one] отрезок
        [few] отрезка
       *[other] отрезков
    } в отдельные даты
clock-of-calendar = по часам `{ $calendar }` ({ $zone })
clock-of-calendar-home = по часам `{ $calendar }`, { $zone } (у календаря нет своего часового пояса: он читается в домашнем)
clock-of-calendar-utc = по часам `{ $calendar }`, по UTC (ни один календарь не называет часовой пояс)
weekdays-range = { $from }–{ $to }
weekdays-and = { $head } и { $last }
weekdays-comma = { $head }, { $rest }
hours-uncovered-help = отдайте очередь канала `{ $channel }` команде, чьи часы (`hours`) покрывают это время (или задайте очереди такие `hours`), либо закройте канал в это время (его `hours`)
sla-beyond-channel-hours-help = считайте норматив по часам канала (`hours { $hours }`) или откройте `{ $channel }` на всё время, которое обещает SLA
weekday-on-date = { $day } { $date }
weekday = { $day ->
        [mon] пн
        [tue] вт
        [wed] ср
        [thu] чт
        [fri] пт
        [sat] сб
       *[sun] вс
    }
invalid-timezone = календарь `{ $calendar }` указывает часовой пояс «{ $zone }», которого нет в базе IANA
invalid-timezone-queue = очередь `{ $queue }` указывает для своего прогноза часовой пояс «{ $zone }», которого нет в базе IANA
invalid-timezone-suggest = возможно, имелось в виду «{ $zone }»? Укажите имя IANA: `timezone "{ $zone }"`
invalid-timezone-help = укажите имя IANA, например «Europe/Moscow» или «America/New_York» (сокращения вроде MSK или PST — не часовые пояса: по ним не видно, когда переводят часы)
channel-not-offered = этап `{ $step }` пути `{ $journey }` проходит в канале `{ $channel }`, но ни одному из сегментов, которые обслуживает этот путь, канал не предложен
channel-not-offered-help = добавьте `{ $channel }` в `channels` сегментов этого пути или используйте канал, который у них есть
queue-channel-not-offered = очередь `{ $queue }` принимает сегмент `{ $segment }` в канале `{ $channel }`, но в `channels` сегмента `{ $segment }` нет `{ $channel }`: его обращения туда не приходят, и очередь не получает для него ни целей, ни маршрутизации
queue-channel-not-offered-help = добавьте `{ $channel }` в `channels` сегмента `{ $segment }` или уберите `{ $segment }` из `segments` очереди

## Обещания

promise-without-remedy = обещание `{ $promise }` ничего не говорит о том, что будет, если его нарушить
promise-without-remedy-help = добавьте `on_breach` с мерами, например `on_breach apologize, compensate "скидка 10%"`
promise-exceeds-sla-no-target = обещание `{ $promise }` дано сегменту `{ $segment }` в канале `{ $channel }`, но ни одно SLA этого сегмента не задаёт для канала цель по ответу или первому ответу
promise-exceeds-sla = обещание `{ $promise }` говорит сегменту `{ $segment }` «{ $within }» в канале `{ $channel }`, а внутренняя цель там дольше обещанного: { $target }
promise-exceeds-sla-no-target-help = добавьте в SLA сегмента `{ $segment }` цель для `{ $channel }` не медленнее обещания
promise-exceeds-sla-help = сделайте внутреннюю цель не медленнее обещания (не более { $within }) или обещайте { $target }
promise-exceeds-sla-clock-help = считайте цель по часам обещания (те же `hours`) или сделайте её такой, чтобы по ним она длилась не более { $within }, или обещайте { $longest }
target-on-promise-clock = по часам обещания ({ $promise }) она может длиться до { $longest } ({ $target }, считается { $own })
clock-calendar = по календарю `{ $calendar }`
clock-around = круглосуточно
clock-never-ends = бесконечно (её календарь никогда не открывается)
promised-journey = путь `{ $journey }`
promised-journey-part = путь `{ $journey }` от `{ $from }` до `{ $to }`
promised-journey-to-end = путь `{ $journey }` от `{ $from }` до конца
journey-own-target = собственный срок пути { $target }
journey-step-deadlines = сроки этапов { $total } по цепочке { $steps }
promise-exceeds-journey-no-deadline = обещание `{ $promise }` задаёт срок { $within } для участка «{ $part }», но путь не устанавливает там сроков, которые бы его обеспечивали
promise-exceeds-journey-no-deadline-help = задайте пути `within` или его этапам сроки `within`, которые укладываются в обещание
promise-exceeds-journey = обещание `{ $promise }` говорит клиентам { $within } для участка «{ $part }», а путь допускает { $allowed }
promise-exceeds-journey-help = обещайте { $time } или больше либо сократите сроки пути, чтобы уложиться в { $within }
breach-without-explanation = обещание `{ $promise }` компенсирует нарушение, но не предусматривает ни извинения, ни объяснения
breach-without-explanation-help = добавьте `apologize` и `explain` в `on_breach`: клиенту объясняют, что пошло не так, а затем компенсируют
promise-clock = обещание `{ $promise }` считается по календарю `{ $calendar }`, который останавливается вне рабочих часов, но сформулировано в обычном времени ({ $within }): клиент, обратившийся перед закрытием, ждёт ответа через { $within }, а не на следующий рабочий день
promise-clock-help = скажите в формулировке, что время идёт только в часы работы: для этого обещания «в течение { $business } в часы нашей работы» и сами часы (календарь `{ $calendar }`), — или считайте обещание круглосуточно: дайте ему `hours` календаря, открытого 24x7 (свои `hours` обещания важнее часов канала)
promise-clock-holidays = обещание `{ $promise }` считается по календарю `{ $calendar }`, который работает круглосуточно, но останавливается в праздничные дни ({ $holidays }), а сформулировано в обычном времени ({ $within }): клиент, обратившийся накануне праздника, ждёт ответа через { $within }, а не после праздника
promise-clock-holidays-help = скажите это в формулировке («в течение 4 часов, кроме праздничных дней») или обеспечьте обещание круглосуточным календарём без праздничных дней
promise-below-keep-rate = обещание `{ $promise }` (в течение { $within }) для `{ $segment }` опирается на цель `{ $sla }` «{ $percent } в течение { $target }», а она гарантирует обещанный срок лишь { $percent } обращений: до { $rest } обещан срок, который стандарты им не гарантируют ({ $percent } — нижняя граница, которую держит SLA, а не то, что происходит; `cxc measure` считает обещание нарушенным, если оно выполнено реже чем для { $rate })
promise-below-keep-rate-help = чтобы гарантировать обещание, добавьте цель не менее чем для { $rate } обращений и не медленнее { $within } (например, `answer { $channel } { $rate } within { $written }` рядом со строкой { $percent }) или обещайте срок, который такая цель выполняет; если гарантированной доли достаточно, измерьте, как часто обещание выполняется (`cxc measure`), и задайте в cxc.yaml `measure.promise_keep_rate` — долю, которую компания считает приемлемой

## Часы таймеров

limit-as-written = { $limit }
limit-working-days = { $limit } (до { $longest } по часам календаря)
limit-working-days-shortest = { $limit } (всего { $shortest }, если случай начался незадолго до полуночи)
day-on-business-clock = `{ $limit }` считается по календарю `{ $calendar }`, который открыт не круглосуточно: там это { $hours } ч рабочего времени ({ $equivalent }), а не { $limit } по обычному календарю
day-on-business-clock-days = { $days ->
        [one] ≈ { $days } рабочий день по { $day } ч
        [few] ≈ { $days } рабочих дня по { $day } ч
       *[other] ≈ { $days } рабочих дней по { $day } ч
    }
hover-working-days = `{ $limit }`: { $days } по календарю `{ $calendar }`, до закрытия последнего из них, не считая дня начала — от { $shortest } до { $longest } рабочего времени, смотря когда начат
hover-working-days-wall = `{ $limit }`: { $days }, считаются все дни, до полуночи после последнего, не считая дня начала — от { $shortest } до { $longest }, смотря когда начат
hover-days-on-business-clock = `{ $limit }`: { $hours } рабочего времени календаря `{ $calendar }`, который останавливается после закрытия, — а не { $limit } по обычному календарю
day-on-business-clock-never = срок, который не истекает никогда: календарь не открывается
day-on-business-clock-help = если имеются в виду рабочие дни, пишите `{ $working_days }` (срок — до закрытия последнего из них); чтобы сохранить столько рабочего времени, пишите в часах: `{ $hours }`
day-on-business-clock-help-promise = если имеются в виду рабочие дни, пишите `{ $working_days }` (срок — до закрытия последнего из них); чтобы сохранить столько рабочего времени, пишите в часах: `{ $hours }`; если это календарные дни (срок закона, например 30 дней), считайте обещание по круглосуточному календарю: `hours КАЛЕНДАРЬ` у самого обещания, поверх часов канала
clock-wall = по обычным часам
working-days-on-wall-clock = `{ $limit }` идёт { $clock }, круглосуточно и без выходных: там каждый день рабочий, и это { $days ->
        [one] { $days } календарный день
        [few] { $days } календарных дня
       *[other] { $days } календарных дней
    } (до полуночи в конце { $days }-го дня после начала), а не рабочие дни офиса
working-days-on-wall-clock-help = чтобы считать рабочие дни, укажите календарь с часами работы (`hours office` — календарь, в `open` которого перечислены рабочие дни); для календарных дней пишите `{ $days }d`
working-days-on-wall-clock-help-wall = пути клиента, их этапы, обещания о пути и соглашения идут по обычным часам и не принимают `hours`: пишите `{ $days }d` — { $days ->
        [one] { $days } сутки
       *[other] { $days } суток
    } от начала, или задайте срок в рабочих днях там, где его считает календарь (`resolution` в SLA, `resolve` у жалобы)
short-working-day = календарь `{ $calendar }` открыт в { $day } всего { $open } ({ $windows }) при обычном дне { $usual }, но любое открытие делает этот день целым рабочим днём: срок `{ $limit }` по этому календарю{ $more ->
        [0] {""}
       *[other] {" "}(и ещё таймеров в рабочих днях: { $more })
    } может истечь в { $day } в { $close }, всего через { $open }
short-working-day-help = если { $day } — не рабочий день для этих сроков, считайте их по календарю без этого открытия (задайте SLA или правилу жалоб другие `hours`) или задайте их в часах; если рабочий — скажите, что { $day } считается рабочим днём, везде, где срок написан для людей

## Жалобы

complaint-without-escalation = у правила жалоб `{ $complaint }` нет лестницы эскалации
complaint-without-escalation-help = добавьте `escalate after СРОК to РОЛЬ` на случай, если ответственный не решит жалобу вовремя
complaint-without-feedback = правило жалоб `{ $complaint }` не требует сообщать клиенту результат
complaint-without-feedback-help = добавьте `feedback required`: клиенту сообщают, что сделано по его жалобе
right-conflict = правило жалоб `{ $complaint }` разрешает роли `{ $role }` без согласования компенсировать { $written ->
        [none] без ограничения суммы
       *[other] «{ $grants }»
    }, но собственное право роли ограничивает компенсацию: «{ $right }»
right-conflict-help = укажите сумму компенсации в пределах ограничения или измените право роли `{ $role }`: в её должностной инструкции окажется и то и другое
right-conflict-role = роль `{ $role }`, право которой ограничивает компенсацию
acknowledge-after-resolve = правило жалоб `{ $complaint }` даёт { $acknowledge } на подтверждение получения, но только { $resolve } на решение
acknowledge-after-resolve-help = сначала подтвердить получение (обычно в течение часов), потом решить: проверьте, не перепутаны ли сроки
escalation-after-deadline = правило жалоб `{ $complaint }` передаёт жалобу `{ $to }` через { $after }, когда срок решения { $resolve } уже истёк
escalation-after-deadline-help = эскалируйте до истечения срока и после предыдущей ступени, например `escalate after { $time } to { $to }`, чтобы было время помочь
escalation-after-deadline-remove = предыдущая ступень и так эскалирует не раньше истечения срока: удалите эскалацию к `{ $to }` или перенесите предыдущую ступень раньше
escalation-out-of-order = правило жалоб `{ $complaint }` передаёт жалобу `{ $to }` через { $after } — не позже, чем `{ $earlier_to }` через { $earlier_after } на предыдущей ступени
escalation-out-of-order-help = упорядочьте лестницу по времени, каждая ступень позже предыдущей: сначала руководитель первой линии, директор последним
complaint-incomplete-times = у правила жалоб `{ $complaint }` { $missing }: { $what ->
        [resolve] никто не знает, когда жалоба будет решена
       *[other] никто не знает, когда клиенту ответят
    }
complaint-incomplete-times-help = { $what ->
        [acknowledge] добавьте `acknowledge within …` (первый ответ, например 1h)
        [resolve] добавьте `resolve within …` (решение, например 3d)
       *[both] добавьте `acknowledge within …` (первый ответ, например 1h) и `resolve within …` (решение, например 3d)
    }
complaint-missing-both = нет сроков `acknowledge` и `resolve`
complaint-missing-acknowledge = нет срока `acknowledge`
complaint-missing-resolve = нет срока `resolve`
complaint-incomplete-remedy = правило жалоб `{ $complaint }` с { $severity ->
        [critical] критической
        [high] высокой
        [medium] средней
       *[other] низкой
    } серьёзностью не предлагает ничего, кроме слов: извинение или объяснение ничего не исправляет
complaint-incomplete-remedy-help = добавьте меру, которая исправляет вред: `redo`, `refund`, `compensate "…"` или `escalate ROLE`
escalation-downward = правило жалоб `{ $complaint }` передаёт жалобу `{ $to }`, а `{ $to }` подчиняется { $owner ->
        [owner] владельцу правила
       *[other] предыдущей ступени
    } `{ $boss }`: жалоба идёт вниз, а не вверх
escalation-downward-help = эскалируйте тому, кому подчиняется `{ $boss }`, или уберите ступень: получатель должен решать то, чего не смог решить `{ $boss }`

## Пересмотр стандартов

stale-review = стандарты последний раз пересматривались { $reviewed }; следующий пересмотр был назначен на { $due }, { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } назад
stale-review-future = по стандартам их последний пересмотр был { $reviewed }, позже сегодняшнего дня ({ $today }): пересмотр, которого ещё не было, не может быть последним, и периодичность пересмотра по нему никогда не проверяется
stale-review-future-help = укажите дату последнего состоявшегося пересмотра (`--today ДАТА` фиксирует сегодняшний день для воспроизводимого CI)
stale-review-help = сверьте стандарты с текущими объёмами, каналами и обещаниями и обновите `reviewed`
review-cadence-missing = стандарты ничего не говорят о том, как часто их пересматривают
review-cadence-no-date = у стандартов есть периодичность пересмотра, но нет даты последнего пересмотра
review-cadence-rare = стандарты пересматриваются раз в { $count } { $unit } — реже раза в год
review-cadence-help = добавьте `review every 6 months` (не реже раза в 12 месяцев) и `reviewed ГГГГ-ММ-ДД` с датой последнего пересмотра

## Организация

missing-owner = у объекта «{ $what }» нет ответственного
missing-owner-help = добавьте `owner КОМАНДА` или `owner РОЛЬ`: кто-то должен за это отвечать
the-step = этап `{ $step }` пути `{ $journey }`
the-complaint = правило жалоб `{ $complaint }`
the-channel = канал `{ $channel }`
reports-to-self = роль `{ $role }` подчиняется сама себе
reports-to-cycle = роли подчиняются друг другу по кругу: { $roles }
reports-to-cycle-help = уберите один `reports_to`, чтобы цепочка заканчивалась ролью, которая никому в спецификации не подчиняется
escalation-to-self = эскалация ведёт от { $party } обратно к { $party }
escalation-cycle = эскалации идут по кругу между { $parties }: жалоба может вернуться туда, откуда её передали
escalation-cycle-help = каждая ступень лестницы эскалации должна вести вверх: передавайте жалобу тому, у кого больше полномочий и кто не передаёт её обратно
role-without-duties = у роли `{ $role }` нет обязанностей
role-without-duties-help = добавьте хотя бы одну `duty "..."` о том, зачем нужна роль; она попадёт в должностную инструкцию

## Уровни обслуживания

tier-answered = получает ответ в `{ $channel }`
tier-first-response = получает первый ответ в `{ $channel }`
tier-resolved-on = получает решение в `{ $channel }`
tier-resolved = получает решение
tier-inversion = сегмент `{ $segment }` уровня { $tier } { $what } { $target } — цель слабее, чем у сегмента `{ $worse }` уровня { $worse_tier } ({ $worse_target })
tier-inversion-help = дайте `{ $segment }` цель не слабее «{ $target }» (лучший уровень ждёт меньше всех) или пересмотрите уровни
tier-target = в течение { $within }
tier-target-percent = { $percent } в течение { $within }
tier-wall-at-least = { $target }: не меньше { $wall } календарного времени по часам его SLA
tier-wall-at-most = { $target }: не больше { $wall } календарного времени по часам его SLA
pareto-mismatch = сегмент `{ $segment }` уровня { $tier } приносит { $revenue } выручки при { $share } клиентов ({ $ratio }× на клиента) — меньше на клиента, чем сегмент `{ $worse }` уровня { $worse_tier } ({ $worse_ratio }×)
pareto-mismatch-help = проверьте цифры `share` и `revenue`; если они верны, `{ $worse }` заслуживает лучшего уровня
tier-without-value = у сегмента `{ $segment }` уровня { $tier } средний чек { $check } — меньше, чем у сегмента `{ $worse }` уровня { $worse_tier } ({ $worse_check }): уровни не следуют ценности клиентов
tier-without-value-queue = у сегмента `{ $segment }` уровня { $tier } средний чек { $check } — меньше, чем у сегмента `{ $worse }` уровня { $worse_tier } ({ $worse_check }), чьи клиенты ждут вместе с его клиентами в очереди `{ $queue }`: уровни не следуют ценности клиентов
tier-without-value-help = проверьте цифры `average_check` (или укажите `share` и `revenue`); если они верны, `{ $worse }` заслуживает лучшего уровня
tier-without-value-figure = сегмент `{ $segment }` уровня { $tier } не указывает ни одной цифры ценности, хотя другие сегменты указывают (`{ $example }`): ничто не объясняет, почему у него этот уровень
tier-without-value-figure-help = укажите для сегмента `share` и `revenue` или `average_check`, чтобы его уровень можно было сверить с его ценностью

## Передачи между командами

handoff-step = путь `{ $journey }` (этап `{ $from }` → `{ $to }`)
handoff-escalation = правило жалоб `{ $complaint }` (эскалация к `{ $to }`)
missing-agreement = { $via } передаёт работу от команды `{ $from }` команде `{ $to }`, но эту передачу не покрывает ни одно соглашение{ $more ->
        [0] {""}
        [one] {" "}(между ними есть ещё { $more } такая передача)
        [few] {" "}(между ними есть ещё { $more } такие передачи)
       *[many] {" "}(между ними есть ещё { $more } таких передач)
    }{ $reverse }
missing-agreement-reverse = ; соглашение `{ $agreement }` покрывает `{ $to }` → `{ $from }`, а `{ $from }` → `{ $to }` не покрывает ничего (соглашение действует в одну сторону: на работу, которую заказчик передаёт исполнителю)
missing-agreement-help = объявите `agreement { $to }_{ $infix }_{ $from } {"{"} provider { $to }; consumer { $from }; respond within ... {"}"}`
handoff-step-work = { $via } должен быть выполнен в течение { $time } после того, как работа попала к `{ $to }`
handoff-escalation-work = { $via } оставляет `{ $to }` { $time } до срока жалобы
handoff-escalation-work-hours = { $via } оставляет `{ $to }` всего { $time } календарного времени до срока жалобы (оба срока считаются по её часам, соглашение — по обычным часам)
complaint-acknowledge-work = получение жалобы по правилу `{ $complaint }` (ответственный `{ $team }`) нужно подтвердить в течение { $within }
complaint-acknowledge-work-hours = получение жалобы по правилу `{ $complaint }` (ответственный `{ $team }`) нужно подтвердить в течение { $within } по её часам: это всего { $wall } календарного времени
complaint-resolve-work = жалобу по правилу `{ $complaint }` (ответственный `{ $team }`) нужно решить в течение { $within }
complaint-resolve-work-hours = жалобу по правилу `{ $complaint }` (ответственный `{ $team }`) нужно решить в течение { $within } по её часам: это всего { $wall } календарного времени
agreement-gives-respond = соглашение `{ $agreement }` даёт команде `{ $team }` { $time } на ответ
agreement-gives-resolve = соглашение `{ $agreement }` даёт команде `{ $team }` { $time } на решение
agreement-too-slow = { $gives }, но { $work }{ $more ->
        [0] {""}
        [one] ; ещё { $more } работе это тоже нужно быстрее
       *[other] ; ещё { $more } работам это тоже нужно быстрее
    }
agreement-too-slow-help = договоритесь о сроке не более { $time } для этой работы (строка `for СЕГМЕНТ` задаёт его для нужных сегментов) или дайте работе больше времени
agreement-too-slow-help-resolve = договоритесь о решении в течение не более { $time } или дайте работе больше времени
agreement-tier-inversion = соглашение `{ $agreement }` отвечает по сегменту `{ $segment }` уровня { $tier } в течение { $within } — медленнее, чем по сегменту `{ $worse }` уровня { $worse_tier } (в течение { $worse_within })
agreement-tier-inversion-general = соглашение `{ $agreement }` отвечает по сегменту `{ $segment }` уровня { $tier } в течение { $within } — медленнее, чем его общая строка для всех остальных (в течение { $general })
agreement-tier-inversion-help = дайте лучшему уровню срок не длиннее, чем в любой другой строке соглашения: приоритет, который клиент получает на первой линии, должен действовать и за ней

## Пути клиента

journey-without-start = у пути `{ $journey }` нет `start`, поэтому ни один этап недостижим
journey-without-start-help = назовите первый этап: `start ЭТАП`
effort-and-dropoff = клиенты оценивают усилие на нём в { $effort } из 5, и { $dropoff } из них на нём уходят
effort = клиенты оценивают усилие на нём в { $effort } из 5
dropoff = на нём уходят { $dropoff } клиентов
high-effort-step = этап `{ $step }` пути `{ $journey }` даётся клиентам тяжело: { $measured }
high-effort-step-help = упростите этап (меньше форм, без повторных вопросов, одно обращение) и измерьте снова; карта пути выделяет этот этап
dead-end = этап `{ $step }` пути `{ $journey }` никуда не ведёт: у него нет `next`, и он не `end`
dead-end-help = добавьте `next ЭТАП` — куда клиент идёт дальше, или `end "результат"`, если путь здесь заканчивается
same-branch-label = у этапа `{ $step }` пути `{ $journey }` два выхода с одной подписью «{ $label }» ({ $first } и { $second }): ни стрелки карты, ни потоки шлюза BPMN, ни сотрудник на этапе не скажут, куда клиент идёт дальше
same-branch-label-help = дайте каждому выходу свою подпись — что именно ведёт клиента туда; если оба ведут в одно место, оставьте один
unreachable-step = до этапа `{ $step }` пути `{ $journey }` нельзя дойти от начала `{ $start }`
unreachable-step-help = добавьте `next { $step }` в этап, который должен вести сюда, или удалите этап
no-exit-self = этап `{ $step }` пути `{ $journey }` ведёт только сам в себя: клиент никогда не дойдёт до конца
no-exit = этапы { $steps } пути `{ $journey }` образуют цикл без выхода: из них нельзя дойти ни до одного `end`
no-exit-help = дайте одному из этих этапов `next`, который выводит из цикла (например, `next done when "одобрено"`), или `end`
channel-switch = этап `{ $step }` доступен только в самообслуживании, а следующий этап `{ $next }` не предлагает канала самообслуживания: клиенту придётся сменить канал
channel-switch-help = предложите `{ $next }` и в канале самообслуживания или свяжитесь с клиентом сами, а не заставляйте его звонить
elided-more = … (ещё { $more }) …
hot-potato = в пути `{ $journey }` клиента передают между командами { $changes ->
        [one] { $changes } раз
        [few] { $changes } раза
       *[many] { $changes } раз
    } по дороге к `{ $end }` ({ $teams }); предел — { $limit }
hot-potato-help = пусть одна команда ведёт все этапы, где участвует клиент (одно окно), а работу других команд перенесите в этапы без канала, в бэк-офис
journey-target = собственного срока пути { $target }
segment-resolution-target = цели по решению { $target } для сегмента `{ $segment }`
segment-resolution-target-wall = цели по решению { $target } для сегмента `{ $segment }`: по часам её SLA она может истечь уже через { $wall } после начала
deadline-exceeds-target = сроки этапов пути `{ $journey }` в сумме дают { $total } календарного времени по цепочке { $steps } — больше { $target }
deadline-exceeds-target-help = сократите сроки этапов на этой цепочке или приведите `within` пути в соответствие с тем, что могут этапы

## Покрытие

segment-without-sla = сегмент `{ $segment }` не покрыт ни одним SLA
segment-without-sla-help = объявите `sla { $segment }_sla for { $segment } {"{"} ... {"}"}` с целями по ответу и решению или добавьте `{ $segment }` в список `for` существующего SLA
channel-without-target = сегменту `{ $segment }` предложен канал `{ $channel }`, но его SLA не задаёт для канала цели по ответу или первому ответу
channel-without-target-help = добавьте в SLA сегмента, например, `{ $example }` или перестаньте предлагать этот канал
channel-without-resolution = у сегмента `{ $segment }` есть срок решения без канала в SLA `{ $general }`, но для канала `{ $channel }` срока решения нет: канал называет SLA `{ $owner }`, поэтому по правилу канал относится к этому SLA, а он срока решения для канала не задаёт — Zendesk, `cxc measure` и проект dbt не держат срок решения для обращений этого канала
channel-without-resolution-help = добавьте `resolution { $channel } within ...` в SLA `{ $owner }` или верните цели канала в `{ $general }`
sla-channel-not-offered = `{ $sla }` задаёт цель `{ $kind } { $channel }` для `{ $segment }`, но `{ $segment }` не перечисляет `{ $channel }` в `channels`: к нему эта цель не относится
sla-channel-not-offered-help = добавьте `{ $channel }` в `channels` сегмента `{ $segment }` или перенесите цель в SLA сегментов, которые пользуются этим каналом
share-over-100 = значения `{ $field }` сегментов в сумме дают { $total } — больше 100% ({ $parts })
share-over-100-help = значения `{ $field }` сегментов делят одно целое; исправьте их так, чтобы сумма была не больше 100%
too-many-tiers = звонящий в канал `{ $channel }` может попасть на { $count } { $count ->
        [one] уровень
        [few] уровня
       *[many] уровней
    } приоритета в очереди (уровни { $tiers }{ $untiered ->
        [yes] , а также сегменты без уровня
       *[no] {""}
    }{ $arrival ->
        [yes] , а также единый приоритет очереди с `order arrival`
       *[no] {""}
    }); больше { $limit } невозможно укомплектовать и объяснить
too-many-tiers-help = объедините соседние уровни, чтобы осталось не больше { $limit }
mixed-tier-queue = очередь `{ $queue }` обслуживает сегменты разных уровней ({ $tiers })
mixed-tier-queue-help = одни и те же люди обслуживают в очереди все уровни: экспорт TaskRouter даёт высшему уровню больший приоритет, так что в часы нагрузки низший уровень ждёт за каждой задачей высшего (представление Zendesk, которое не распределяет по приоритету, обслуживает всех по очереди); если так и задумано (центр, который в свою смену принимает все уровни), напишите в очереди `order tier`; где каждый уровень должен выдерживать свою цель, дайте ему свою очередь; а где каждый клиент должен ждать только своей очереди (медицинская или аварийная линия), напишите `order arrival`
unused = { $kind ->
        [calendar] календарь `{ $name }` объявлен
        [channel] канал `{ $name }` объявлен
        [segment] сегмент `{ $name }` объявлен
        [customer_type] тип клиентов `{ $name }` объявлен
        [team] команда `{ $name }` объявлена
        [role] роль `{ $name }` объявлена
        [queue] очередь `{ $name }` объявлена
        [promise] обещание `{ $name }` объявлено
        [agreement] соглашение `{ $name }` объявлено
       *[other] `{ $name }` ({ $kind }) объявлено
    }, но нигде не используется
unused-help = { $kind ->
        [segment] перечислите каналы, которыми пользуются эти клиенты, или дайте им SLA, очередь или обещание; удаляйте `{ $name }`, только если компания их больше не обслуживает
       *[other] сошлитесь на `{ $name }` там, где это нужно, или удалите объявление
    }

## cxc.yaml

did-you-mean = может быть, имелось в виду `{ $name }`?
look-alike-letter = `{ $letter }` ({ $position }-я буква)
look-alike-letters = { $first }, { $rest }
look-alike-help = `{ $name }` содержит { $count ->
        [one] { $script ->
            [latin] латинскую букву { $letters }; в `{ $suggestion }` она кириллическая
           *[cyrillic] кириллическую букву { $letters }; в `{ $suggestion }` она латинская
        }
       *[other] { $script ->
            [latin] латинские буквы { $letters }; в `{ $suggestion }` они кириллические
           *[cyrillic] кириллические буквы { $letters }; в `{ $suggestion }` они латинские
        }
    }: имена выглядят одинаково, но это разные имена
mixed-script-name = в имени `{ $name }` смешаны алфавиты: { $count ->
        [one] { $script ->
            [latin] латинская буква { $letters } среди кириллических
           *[cyrillic] кириллическая буква { $letters } среди латинских
        }
       *[other] { $script ->
            [latin] латинские буквы { $letters } среди кириллических
           *[cyrillic] кириллические буквы { $letters } среди латинских
        }
    }
mixed-script-name-help = наберите { $count ->
        [one] эту букву
       *[other] эти буквы
    } в { $script ->
        [latin] кириллической
       *[cyrillic] латинской
    } раскладке, `{ $meant }`, здесь и везде, где имя используется: имена выглядят одинаково, но набранное заново имя с этим не совпадёт
mixed-script-name-help-words = если это два слова, разделите их знаком `_` (как в `чат_VIP`); иначе напишите слово одним алфавитом: `{ $name }` не набрать, не переключая раскладку посреди слова
config-not-yaml = cxc.yaml — некорректный YAML: { $error }
config-not-yaml-help = проверьте отступы и форму `ключ: значение`
config-not-mapping = cxc.yaml должен быть словарём с `rules:` и `thresholds:`
config-not-mapping-help = например, `rules:`, а под ним `unused: off`; все настройки перечислены в `cxc help language`
config-section = раздел
config-rule = правило
config-threshold = порог
config-limit = ограничение
config-export = экспорт
config-effort-threshold = порог high-effort-step
config-ids = id для `{ $name }` в `{ $key }` должны быть целыми числами
config-ids-help = скопируйте их из Zendesk, например `{ $name }: [360001234567]`
config-id-lists = `{ $key }` должен сопоставлять именам списки id Zendesk
config-id-lists-help = например, `{ $key }:`, а под ним `vip: [360001234567]`
config-task-timeout = `task_timeout` должен быть целым числом секунд от 1 до { $max }
config-task-timeout-help = укажите `Timeout`, с которым создаются задачи, например `task_timeout: 172800` для двух суток
config-zendesk-setting = настройка zendesk
config-taskrouter-setting = настройка taskrouter
config-unknown = неизвестный элемент ({ $what }) `{ $name }` в cxc.yaml
config-known = допустимые: { $known }
config-rule-list = список правил выводит `cxc explain`
config-rules-not-mapping = `rules` должен сопоставлять кодам правил off, warning или error
config-rules-not-mapping-help = например, `rules:`, а под ним `unused: off`
config-severity = важность `{ $rule }` должна быть off, warning или error
config-severity-help = например, `unused: off`
config-number-out-of-range = `{ $key }` в cxc.yaml — число вне допустимого диапазона: ни одна настройка не принимает целое число меньше −9 223 372 036 854 775 808 или больше 18 446 744 073 709 551 615
config-number-out-of-range-help = укажите значение, которое принимает настройка; `cxc help language` описывает вид и диапазон каждой настройки
config-threshold-number = порог `{ $threshold }` должен быть целым числом от 0 до 4 294 967 295
config-threshold-number-help = например, `hot-potato: 3`
config-file-size-max = `file_size` может быть не больше { $max }: файл спецификации читается целиком
config-file-size-max-help = например, `file_size: 1GB`
config-file-size = `file_size` должен быть размером вроде 64MB, 512KB или числом байтов
config-file-size-help = например, `file_size: 64MB`
config-findings-limit = `findings_per_code` должно быть целым числом не меньше 1
config-findings-limit-help = например, `findings_per_code: 20`; это значение может только снизить предел запуска (100 или `--max-findings`)
config-effort-not-mapping = `high-effort-step` принимает `effort` и `dropoff`
config-effort-not-mapping-help = например, `high-effort-step: {"{"} effort: 4, dropoff: 30% {"}"}`
config-agreement-scope = `missing-agreement` принимает `all` (любая передача работы между командами) или `tier-1` (только работа для сегментов первого уровня)
config-agreement-scope-help = например, `missing-agreement: tier-1`
config-duplicate-key = `{ $key }` записан дважды в одном разделе (строки { $first } и { $second }): программа чтения YAML оставляет только последний, поэтому файл не используется
config-duplicate-key-line = `{ $key }` записан дважды в одном разделе (строка { $first }, столбцы { $first_column } и { $second_column }): программа чтения YAML оставляет только последний, поэтому файл не используется
config-duplicate-key-help = оставьте один `{ $key }`, а другой удалите
config-duplicate-key-first = здесь `{ $key }` записан впервые
config-effort = порог усилия — число от 1 до 5
config-effort-help = например, `effort: 4`
config-dropoff = порог ухода клиентов — процент от 0% до 100%
config-dropoff-help = например, `dropoff: 30%`
config-queues = `queues` должен сопоставлять id очередей SID очередей TaskRouter
config-queues-help = например, `queues:`, а под ним `vip_line: WQ0123456789abcdef0123456789abcdef`
config-text = `{ $key }` должен быть текстом
config-text-help = если сомневаетесь, возьмите его в кавычки
config-shape = `{ $key }` — не { $shape }: `{ $value }`
shape-attribute = имя атрибута задачи (буквы, цифры, `_`, через `.`)
shape-zendesk-field = имя поля условия Zendesk (буквы, цифры и `_`)
shape-queue-sid = SID очереди TaskQueue (`WQ` и 32 шестнадцатеричные цифры)
shape-export-name = имя для экспорта (строчные латинские буквы, цифры и `_`; TaskRouter не допускает дефис)
shape-attribute-help = например, `segment_attribute: segment` или `customer.segment`
shape-zendesk-field-help = например, `segment_field: current_tags` или `organization_id`
shape-queue-sid-help = скопируйте SID со страницы очереди TaskQueue в Twilio Console, например WQ0123456789abcdef0123456789abcdef
shape-export-name-help = например, `key-accounts: key_accounts`

## Файлы

cannot-read = не удаётся прочитать { $file }: { $error }
cannot-write = не удаётся записать { $file }: { $error }
fmt-cannot-help = cxc fmt форматирует обычные файлы внутри указанных папок

## Имена

duplicate = объявление { $kind } `{ $name }` повторяется
duplicate-declaration = `{ $kind }` объявлен дважды
duplicate-step = этап `{ $step }` объявлен в пути `{ $journey }` дважды
first-defined-here = первое объявление здесь
duplicate-help = каждому объявлению { $kind } нужен свой идентификатор; переименуйте одно из них или объедините оба
wrong-kind = `{ $name }` — это { $kind }, а здесь нужно имя { $wanted }
wrong-kind-help = укажите здесь имя { $wanted }
unknown-reference = неизвестное имя `{ $name }` (нужно имя { $wanted })
unknown-reference-help = объявите его, например `{ $kind } { $name } {"{"} ... {"}"}`, или исправьте имя
given-twice = `{ $keyword }` указан дважды в { $kind } `{ $name }`
given-twice-in = `{ $keyword }` указан дважды в { $kind }
first-given-here = первый раз указан здесь
given-twice-help = оставьте одну инструкцию `{ $keyword }`: вторая молча заменила бы первую
name-a-step = укажите этап пути `{ $journey }`
no-such-step = в пути `{ $journey }` нет этапа `{ $step }`
no-such-step-help = на этапы ссылаются внутри их пути; объявите `step { $step } {"{"} ... {"}"}` в пути `{ $journey }`
not-a-currency = `{ $code }` — не код валюты
not-a-currency-help = напишите код ISO 4217 заглавными буквами, например `currency EUR`, `currency RUB` или `currency USD`
promise-hours-on-journey = обещание `{ $promise }` — о пути клиента `{ $journey }`, а его сроки идут круглосуточно: `hours` у такого обещания не бывает
promise-hours-on-journey-help = уберите `hours`: обещание о пути клиента считает все дни круглосуточно, как шаги пути (пишите `5d`, а не `5wd`); `hours` — для обещания на канале
date-closed-and-open = календарь `{ $calendar }` одновременно закрыт и открыт { $date }
date-closed-and-open-help = дата бывает либо праздником (`closed`), либо днём со своими часами работы (`open { $date } 09:00-18:00`): уберите одно из двух; пока этого не сделано, дата считается закрытой
step-in-two-phases = этап `{ $step }` уже входит в другую фазу пути `{ $journey }`
listed-here-first = впервые указан здесь
step-in-two-phases-help = этап принадлежит одной фазе: уберите его из одной из двух

## Экспорт

export-conflict = { $kind } `{ $first }` и { $kind } `{ $second }` в экспорте для Zendesk и TaskRouter получили бы одно имя `{ $value }`, и одни обращения попадали бы к другим
export-conflict-label = это имя уже занято здесь
export-conflict-help = переименуйте один из них или задайте каждому своё значение в `exports.{ $kind }s` в cxc.yaml
zendesk-time-zone = в Zendesk нет часового пояса, соответствующего `{ $zone }`; расписание календаря `{ $calendar }` записано с именем IANA, которое Zendesk может не принять
zendesk-time-zone-help = используйте часовой пояс IANA, который знает Zendesk (например, "Europe/Moscow"), или задайте пояс расписания в Zendesk вручную
zendesk-dated-hours = в расписании Zendesk есть только рабочая неделя и праздники целыми днями: часы работы календаря `{ $calendar }` в даты { $dates } в расписание не попадают, и Zendesk считает эти даты по часам их дня недели
zendesk-dated-hours-help = поправьте расписание в Zendesk на эти даты вручную (или учитывайте обращения этих дней отдельно); `cxc measure` и проект dbt считают их так, как задано в календаре
zendesk-shared-via = обращения из канала `{ $channel }` и из канала `{ $other }` приходят с одним via_id { $via }: правило Zendesk не различает их, и обоим достаётся первое правило с этим via_id, а цели правила после него к ним не применяются никогда
zendesk-shared-via-several = обращения из канала `{ $channel }` и из каналов { $others } приходят с одним via_id { $via }: правило Zendesk не различает их, и всем достаётся первое правило с этим via_id, а цели правил после него к ним не применяются никогда
zendesk-shared-via-wins = Zendesk: обращения из канала `{ $channel }` и из канала `{ $other }` приходят с одним via_id { $via }, и ни одно правило не различает их: обоим достаётся первое правило с этим via_id — правило канала `{ $winner }` — с его целями ({ $won }); собственные цели канала `{ $loser }` ({ $lost }) не применяются никогда; { $order }
zendesk-shared-via-many = Zendesk: обращения из каналов { $channels } приходят с одним via_id { $via }, и ни одно правило не различает их: всем достаётся первое правило с этим via_id — правило канала `{ $winner }` — с его целями ({ $won }); собственные цели остальных каналов не применяются никогда ({ $lost }); { $order }
zendesk-mark-shared = Zendesk: у канала `{ $loser }` в cxc.yaml (`{ $map }`) та же метка, что у канала `{ $winner }`, — { $mark }, — и оба приходят с одним via_id: ничто не различает эти тикеты, и их забирает правило канала `{ $winner }`, которое стоит первым (его цели наступают раньше, или ни одни не раньше), с его целями ({ $won }); собственные цели канала `{ $loser }` к ним не применяются
zendesk-mark-form = форма тикета { $id }
zendesk-mark-brand = бренд { $id }
zendesk-mark-tag = тег `{ $tag }`
zendesk-mark-shared-help = дайте каждому каналу свою форму тикета, бренд или тег в `{ $map }`, которых нет у другого канала с тем же via_id; форма или бренд, с которыми приходят тикеты обоих каналов, их не различают, а тег, который триггер ставит на тикеты одного канала, — различает
zendesk-channel-tag-segment = Zendesk: тег `{ $tag }` канала `{ $channel }` (`exports.zendesk.channel_tags`) — это тег сегмента `{ $segment }`: правила канала требовали бы этот тег дважды, подходили бы к каждому тикету `{ $segment }` с этим via_id, из какого бы канала он ни пришёл, и забирали бы тикеты других каналов
zendesk-channel-tag-segment-help = дайте каналу `{ $channel }` тег, которого нет ни у одного сегмента (и ни у другого канала) и который триггер ставит только на тикеты этого канала
zendesk-shared-via-lost = канала `{ $loser }`: { $lost }
zendesk-channels-and = { $first } и { $last }
zendesk-targets-both = { $reply }, { $resolution }
zendesk-shared-via-sooner = если цели различаются, первым стоит правило с более короткими сроками, чтобы ни одно обращение не получило срок позже положенного
zendesk-shared-via-when = ни один срок { $metric } не наступает всегда раньше: по часам без перерывов срок канала `{ $winner }` ({ $won }) длится { $won_takes }, срок канала `{ $loser }` ({ $lost }) — { $lost_takes } (дольше всего, если обращение пришло при закрытии календаря срока); отстаёт тот, чей календарь закрыт, когда обращение пришло, так что часть обращений канала `{ $loser }` получает срок { $metric } позже своего (первым стоит правило с меньшим числом)
zendesk-shared-via-when-never = ни один срок { $metric } не наступает всегда раньше: сроки канала `{ $winner }` ({ $won }) и канала `{ $loser }` ({ $lost }) считаются по разным календарям, и один из них никогда не открыт (первым стоит правило с меньшим числом)
zendesk-shared-via-later = срок { $metric } канала `{ $winner }` ({ $won }) всегда наступает позже срока канала `{ $loser }` ({ $lost }), так что обращения канала `{ $loser }` получают более поздний срок
zendesk-shared-via-lacks = правило канала `{ $winner }` не задаёт срока { $metric }, так что обращения канала `{ $loser }` теряют свой ({ $lost })
zendesk-metric-reply = первого ответа
zendesk-metric-resolution = решения
zendesk-target-reply = первый ответ — { $time }
zendesk-target-resolution = решение — { $time }
zendesk-no-targets = своих целей нет
zendesk-shared-via-help-form = различите их в cxc.yaml (`exports:`, `zendesk:`): укажите id формы тикета канала `{ $channel }` (`ticket_forms:` и под ним `{ $channel }: [360001234567]`) или, если форма создаёт тикеты через API, этот via id (`via_ids:` и `{ $channel }: [5]`); иначе дайте каналам одинаковые цели
zendesk-shared-via-help-tag = различите их в cxc.yaml (`exports:`, `zendesk:`): укажите тег, который триггер ставит на тикеты канала `{ $channel }` (`channel_tags:` и под ним `{ $channel }: { $channel }`), или id его бренда (`brands:` и `{ $channel }: [360001234567]`); иначе дайте каналам одинаковые цели
zendesk-shared-via-help-form-many = различите их в cxc.yaml (`exports:`, `zendesk:`): укажите для каждого из каналов { $channels } id его формы тикета (`ticket_forms:` и под ним `{ $channel }: [360001234567]` и так далее) или, если форма создаёт тикеты через API, этот via id (`via_ids:` и `{ $channel }: [5]`); иначе дайте всем каналам одинаковые цели
zendesk-shared-via-help-tag-many = различите их в cxc.yaml (`exports:`, `zendesk:`): укажите для каждого из каналов { $channels } тег, который триггер ставит на его тикеты (`channel_tags:` и под ним `{ $channel }: { $channel }` и так далее), или id его бренда (`brands:` и `{ $channel }: [360001234567]`); иначе дайте всем каналам одинаковые цели
zendesk-organization-missing = правила SLA Zendesk находят сегменты по `organization_id`, но в cxc.yaml нет id организации для сегмента `{ $segment }`
zendesk-organization-missing-help = добавьте id организаций Zendesk для сегмента в cxc.yaml в `exports:`, `zendesk:`, `organizations:`, например `{ $segment }: [360001234567]`
wall-time-range = от { $least } до { $most }
wall-time-range-closing = { $range } (дольше всего — если тикет пришёл, когда его календарь закрывается)
wall-time-exactly = ровно { $time }
zendesk-complaint-clocks = Zendesk: правило жалоб `{ $complaint }` даёт { $rule_time } по своему календарю, а этот SLA — { $sla } по другому, и ни один срок не наступает всегда раньше: по часам без перерывов срок SLA длится { $sla_takes }, срок правила — { $rule_takes }, так что для одних тикетов раньше наступает срок SLA, для других — срок правила (отстаёт тот, чей календарь закрыт, когда тикет пришёл); { $kept ->
        [wall] политика жалобы для этих тикетов точно держит срок правила — { $rule_time } в календарных минутах: срок по часам без перерывов (например, установленный законом) не должен наступать в Zendesk позже, чем на самом деле, поэтому срок SLA ({ $sla }) для тикетов, где он наступил бы раньше, не соблюдается
       *[shorter] политика жалобы для этих тикетов берёт меньшее число и считает его по расписанию политики
    }
zendesk-complaint-clocks-never = Zendesk: правило жалоб `{ $complaint }` даёт { $rule_time } по своему календарю, а этот SLA — { $sla } по другому, и ни один срок не наступает всегда раньше (срок по календарю, который никогда не открыт, не наступает); { $kept ->
        [wall] политика жалобы для этих тикетов точно держит срок правила — { $rule_time } в календарных минутах
       *[shorter] политика жалобы для этих тикетов берёт меньшее число и считает его по расписанию политики
    }
zendesk-complaint-clocks-help = дайте правилу жалоб `hours` SLA этого сегмента или срок по часам без перерывов не длиннее срока SLA, чтобы Zendesk мог точно держать более строгий из двух
zendesk-two-schedules = политика Zendesk «{ $policy }»{ $channels } содержит срок первого ответа, который считается по календарю `{ $reply }`, и срок решения, который считается по календарю `{ $resolution }`; у заявки одно расписание, поэтому политика привязана к `{ $reply }`, и срок решения считается по его часам
zendesk-two-schedules-help = задайте SLA сегмента одинаковые `hours` для сроков по одному каналу или запишите оба срока в одном SLA
taskrouter-owner-off-duty = правило жалоб `{ $complaint }` заканчивает эскалацию в TaskRouter ролью `{ $role }` (человек: { $headcount }), а каналы жалобы ({ $channels }) открыты за неделю дольше, чем эти люди могут работать: задача по жалобе, пришедшая, когда никого из них нет на смене, ждёт их без тайм-аута и без следующей ступени, пока TaskRouter её не отменит ({ $lifetime })
taskrouter-owner-off-duty-help = добавьте ступень после `{ $role }` (`escalate after ... to` команду или роль, у команды которой есть очередь на этом канале), сделайте владельцем команду этой роли или поднимите `headcount` роли хотя бы до { $needed } (по { $week } часов в неделю на человека)
taskrouter-no-queue = у `{ $party }` нет очереди для части задач по правилу жалоб `{ $complaint }`, поэтому процесс TaskRouter эскалирует их не дальше предыдущей ступени
taskrouter-no-queue-help = дайте команде этого адресата эскалации очередь для сегментов и каналов жалобы (`queue ... {"{"} team ... {"}"}`) или эскалируйте в тикет-системе
taskrouter-owner-no-queue = { $kind ->
        [role] у команды `{ $team }`, в которой работает роль `{ $owner }`,
        [teamless-role] роль `{ $owner }` не входит ни в одну команду, поэтому у неё
       *[team] у команды `{ $owner }`
    } нет очереди для этих задач по правилу жалоб `{ $complaint }` (сегмент / канал): { $tasks }; TaskRouter направляет их как прочие задачи сегмента, но с приоритетом жалобы
taskrouter-owner-no-queue-help = дайте команде ответственного очередь, которая обслуживает сегмент в этом канале, или ведите такие жалобы в тикет-системе
taskrouter-task-lifetime = правило жалоб `{ $complaint }` эскалирует через { $after }, но TaskRouter отменяет задачу через { $lifetime }: лестница эскалации в процессе обрывается на предыдущей ступени
taskrouter-task-lifetime-help = если задачи создаются с бо́льшим `Timeout`, укажите его в cxc.yaml (`exports:`, `taskrouter:`, `task_timeout: { $needed }`: начало последней ступени плюс самый долгий перерыв в работе канала, не меньше часа); иначе эскалируйте раньше или в тикет-системе
taskrouter-closed-longer = канал `{ $channel }` бывает закрыт { $closed } подряд: с { $from } до { $to } { $clock }, но TaskRouter отменяет задачу через { $lifetime }: задача, созданная в момент закрытия, отменяется раньше, чем линия откроется
taskrouter-closed-longer-reach = ни одна команда очередей, куда попадает задача канала `{ $channel }` ({ $queues }), не работает { $closed } подряд: с { $from } до { $to } { $clock }, но TaskRouter отменяет задачу через { $lifetime }: задача, созданная в это время, отменяется раньше, чем её кто-либо возьмёт
taskrouter-task-lifetime-voice-help = на голосовой линии лестница эскалации не может ждать в звонке: эскалируйте жалобу в тикет-системе (тикетом, который создаёт звонок) или раньше
taskrouter-closed-longer-help = создавайте задачи с `Timeout` не меньше { $needed } { $needed ->
        [one] секунды
       *[other] секунд
    } (закрытие плюс лестница эскалации) и укажите его в cxc.yaml (`exports:`, `taskrouter:`, `task_timeout: { $needed }`); иначе направляйте задачи, пришедшие в нерабочее время, в другое место (голосовая почта или обратный звонок)
taskrouter-closed-longer-voice-help = звонок не может ждать так долго, и никакой `Timeout` задачи не удержит звонящего на линии: пусть телефония сообщает звонящим на `{ $channel }`, что линия закрыта и когда откроется (и предлагает голосовую почту или заказ обратного звонка — задачей другого канала), или откройте линию либо очередь команды, которая в это время работает
taskrouter-closed-moment =
    { $day ->
        [mon] пн
        [tue] вт
        [wed] ср
        [thu] чт
        [fri] пт
        [sat] сб
        [sun] вс
       *[date] { $date }
    } { $time }
taskrouter-other-segments-queue = ни одна очередь не обслуживает сегмент `{ $segment }` в канале `{ $channel }`: TaskRouter направляет эти задачи в `{ $queue }`, которая обслуживает канал для других сегментов, с приоритетом сегмента
taskrouter-unserved-help = добавьте очередь для этого сегмента в этом канале или уберите канал из сегмента
taskrouter-reserved-queue = в канале `{ $channel }` нет очереди для уровня сегмента `{ $segment }`: TaskRouter направляет его задачи в { $count ->
        [one] очередь `{ $queues }`, которая обслуживает только сегменты более высокого уровня: её сотрудников
       *[other] очереди `{ $queues }`, которые обслуживают только сегменты более высокого уровня: их сотрудников
    } не планировали на эти обращения
taskrouter-reserved-queue-help = дайте сегменту `{ $segment }` очередь в канале `{ $channel }` или добавьте его в `segments` одной из очередей этого канала
taskrouter-beyond-sla-hours = SLA `{ $sla }` { $count ->
        [one] сегмента
       *[other] сегментов
    } { $segments } действует по календарю `{ $hours }`, а канал `{ $channel }` открыт дольше (`{ $channel_hours }`), и фильтры TaskRouter не смотрят на время: вне часов SLA задачи этих клиентов всё равно попадают в { $queues } — там в это время работают
taskrouter-beyond-sla-hours-help = если этих клиентов обслуживают только в часы SLA, { $entry ->
        [phone] пусть IVR линии придерживает или не принимает их звонки вне этих часов
        [chat] пусть виджет чата или мессенджера (или его бот) придерживает или не принимает их сообщения вне этих часов
        [written] пусть автоответ на письмо или веб-форму сообщает им вне этих часов, когда они получат ответ, а их обращения ждут, пока эти часы начнутся
       *[other] пусть вход в канал (IVR, виджет чата или бот, автоответ) придерживает или не принимает их обращения вне этих часов
    }; если их обслуживают всегда, когда кто-то работает, дайте SLA часы канала (`hours { $channel_hours }`)
taskrouter-fallback-queue = ни одна очередь не обслуживает канал `{ $channel }`, поэтому задачи сегментов { $segments } в нём идут в очередь, которую cxc.yaml называет для ненаправленных задач
taskrouter-fallback-queue-help = добавьте очередь для канала или укажите TaskQueue для таких задач в cxc.yaml (`exports:`, `taskrouter:`, `fallback_queue: WQ...`)
taskrouter-unknown-queue = в `exports.taskrouter.queues` указан SID для `{ $name }`, но такой TaskQueue в этом workflow нет: SID нигде не используется, а очередь, для которой он предназначался, остаётся с SID-заглушкой, которую Twilio не примет при импорте
taskrouter-unknown-queue-help = укажите TaskQueue, которую пишет workflow (поле `queue` записи в taskrouter-queues.json): { $known }
export-unknown-channel = в `{ $map }` задана настройка для канала `{ $name }`, но такого канала в спецификации нет: настройка нигде не используется, а канал, для которого она предназначалась, остаётся с настройкой по умолчанию
export-unknown-channel-help = укажите канал спецификации по его id: { $known }
export-unknown-segment = в `{ $map }` задана настройка для сегмента `{ $name }`, но такого сегмента в спецификации нет: настройка нигде не используется, а сегмент, для которого она предназначалась, остаётся с настройкой по умолчанию
export-unknown-segment-help = укажите сегмент спецификации по его id: { $known }
taskrouter-queue-no-team = у очереди `{ $queue }` не указана команда, поэтому её TaskQueue принимает всех сотрудников
taskrouter-queue-no-team-help = укажите команду, которая работает с очередью (`team ...`)
export-working-days = { $system } считает время работы, а не рабочие дни: `{ $limit }` выгружается как { $longest } — самое долгое время, которое оставляет этот срок (обращение до открытия в первый день); обращению, пришедшему позже, там дают больше времени, чем позволяет срок
export-working-days-help = чтобы выгрузить точно, задайте срок в часах; `cxc measure` в любом случае проверяет `{ $limit }` по сроку
taskrouter-working-days = таймауты TaskRouter идут по часам, а не по рабочим дням: `{ $limit }` выгружается как { $wall } — самое долгое календарное время, которое может длиться этот срок (обращение в самом начале дня перед самыми длинными рабочими днями и праздниками), чтобы ни одно обращение не эскалировалось раньше срока; обращение, пришедшее позже, эскалируется уже после срока — с опозданием до { $late }
taskrouter-working-days-wait = TaskRouter не считает рабочих дней: чтобы решить, сколько каждая очередь держит задачу, прежде чем передать её следующей, `{ $limit }` считается как { $running } рабочего времени — меньше этот срок не бывает (обращение пришло в самом конце рабочего дня); каждая очередь держит задачу равную долю половины этого времени
taskrouter-business-hours = правило жалоб `{ $complaint }` эскалирует по рабочему времени, а таймауты TaskRouter идут по часам: процесс эскалирует через столько же календарного времени — раньше правила, если в промежутке рабочее время заканчивается
taskrouter-business-hours-help = эскалируйте жалобы, считающие рабочие часы, в тикет-системе (правила SLA Zendesk) или примите более ранние эскалации в TaskRouter

## Чтение файлов

read-missing = нет такого файла или папки
read-outside = он вне папки спецификации `{ $root }` (cxc читает только файлы внутри неё)
read-not-regular = это { $what }, а не обычный файл
read-too-large = его размер { $size }, а файлы ограничены { $limit } (предел поднимает `--max-file-size`; `limits.file_size` в cxc.yaml может его только понизить)
read-no-folder = папки `{ $folder }` на пути к нему не существует (путь через несуществующую папку не указывает ни на какой файл, что бы ни шло после `..`)
read-linked-outside = путь проходит через символическую ссылку `{ $link }`, которая ведёт за пределы папки, где запущен cxc; по таким ссылкам cxc не ходит (укажите саму папку)
read-other = { $reason }
no-cx-files = в этой папке нет файлов .cx (cxc читает все файлы *.cx в ней и во вложенных папках)
not-utf8 = этот файл — не текст в кодировке UTF-8
not-utf8-help = сохраните файл в UTF-8 (в большинстве редакторов: «Сохранить как» → «Кодировка» → UTF-8)
include-missing = подключаемого файла `{ $file }` не существует
include-outside = подключаемый файл `{ $file }` вне папки спецификации `{ $root }`; cxc читает только файлы внутри неё
include-no-folder = подключаемый файл `{ $file }` указан через папку `{ $folder }`, которой не существует
cannot-load = `{ $file }` не удаётся прочитать: { $reason }
cannot-load-help = cxc читает только обычные файлы внутри папки спецификации и не больше предела размера (`limits.file_size`, `--max-file-size`): замените ссылку или особый файл самим файлом или удалите его; больше ничего не проверялось
include-unreadable = подключаемый файл `{ $file }` не удаётся прочитать: { $reason }
include-missing-help = пути в include отсчитываются от подключающего файла и не должны выходить за папку спецификации; проверьте написание и папку
includes-itself = `{ $file }` подключает сам себя
include-cycle = файлы подключают друг друга по кругу ({ $count }): { $files }
include-cycle-help = уберите одно из этих подключений: файл достаточно подключить один раз, а `cxc check ПАПКА` и так читает все файлы .cx в ней

## Расчёт численности

measured-abandonment = { $value } звонящих кладут трубку
measured-asa = звонящие ждут в среднем { $value }
measured-abandonment-customers = { $value } клиентов уходят, не дождавшись ответа
measured-asa-customers = клиенты ждут ответа в среднем { $value }
measured-occupancy = операторы заняты { $value } времени
measured-service-level = вовремя отвечают на { $value } обращений
metric-target-unmet = очередь `{ $queue }` с { $agents ->
        [one] { $agents } оператором
       *[other] { $agents } операторами
    } не выполняет цель `{ $target }` из SLA `{ $sla }`: { $measured }
metric-target-unmet-intervals = очередь `{ $queue }` с { $agents ->
        [one] { $agents } оператором
       *[other] { $agents } операторами
    } не выполняет цель `{ $target }` из SLA `{ $sla }` в { $missed } из { $intervals } { $intervals ->
        [one] интервала
       *[other] интервалов
    }: { $measured } (хуже всего в { $worst })
metric-target-unmet-help = добавьте операторов (`cxc staff` показывает, сколько нужно в каждом интервале и какая цель определяет численность) или пересмотрите цель
metric-target-unmet-fewer-help = эта цель требует меньше операторов, чем есть в очереди; уменьшите `agents` или пересмотрите цель
the-target = цель
headcount-short = штат линейных ролей команды `{ $team }`{ $lead } — { $have } чел. ({ $roles }), а её очередям одновременно нужно { $needed } чел. на линии (операторы и, где у очереди задан `shrinkage`, люди на него) { $when } ({ $queues }), а за неделю — { $hours } место-ч (места × часы на линии)
headcount-short-role = штат роли `{ $role }` — { $have } чел., а очередям каналов, которыми она владеет (их места занимает она), одновременно { $needed ->
        [one] нужен { $needed } её сотрудник
        [few] нужно { $needed } её сотрудника
       *[other] нужно { $needed } её сотрудников
    } на линии { $when } ({ $queues }), а за неделю — { $hours } место-ч (места × часы на линии)
headcount-short-role-help = увеличьте `headcount` роли на { $more } или сделайте владельцем канала (`owner`) команду (тогда на него отвечают все линейные роли команды — и в должностных инструкциях, и в TaskRouter); здесь считаются места, занятые в один момент: чтобы закрыть их с учётом смен, выходных и отпусков, людей нужно больше. Место-часы за неделю, делённые на недельные часы работы одного сотрудника, — наименьшее число людей без учёта выходных и отпусков
headcount-lead-not-counted = {" "}(без руководителя `{ $lead }`)
headcount-in-interval = в интервале с { $start }
headcount-in-zone-interval = в интервале, начинающемся в { $start } { $zone }{ $season }
headcount-season-apart = {", "}{ $month ->
        [january] в январе
       *[july] в июле
    }, когда часы очередей расходятся на { $apart }
headcount-season-same = {", "}{ $month ->
        [january] в январе
       *[july] в июле
    }, когда часы очередей показывают одно время
headcount-in-every-interval = в каждом интервале
headcount-short-help = увеличьте `headcount` линейных ролей команды на { $more } или укомплектуйте очереди из других команд; руководитель организует работу линии и не считается оператором. Здесь считаются места, занятые в один момент, а не люди: чтобы закрыть их с учётом смен, выходных и отпусков, людей нужно больше. Место-часы за неделю, делённые на недельные часы работы одного сотрудника, — наименьшее число людей без учёта выходных и отпусков
headcount-short-help-roles = увеличьте `headcount` линейных ролей команды на { $more } — из них { $asked } для { $roles }, как просят их собственные находки, остальные сверх того — или укомплектуйте очереди из других команд; руководитель организует работу линии и не считается оператором. Здесь считаются места, занятые в один момент, а не люди: чтобы закрыть их с учётом смен, выходных и отпусков, людей нужно больше. Место-часы за неделю, делённые на недельные часы работы одного сотрудника, — наименьшее число людей без учёта выходных и отпусков
headcount-short-week = штат линейных ролей команды `{ $team }` — { $have } чел. ({ $roles }), а её очередям нужно { $hours } место-ч в неделю (люди на линии по интервалам, с `shrinkage` каждой очереди: { $queues }): при { $week } ч в неделю на человека это не меньше { $needed } чел. Мест в один момент хватает, а недели смен — нет
headcount-short-week-help = увеличьте `headcount` линейных ролей команды на { $more } или укомплектуйте очереди из других команд. { $week } ч — рабочая неделя одного человека (`thresholds.headcount-short` в cxc.yaml, по умолчанию 40); выходные и отпуска, которых не учитывает `shrinkage` очередей, потребуют ещё людей
headcount-supervisors-not-counted = {" "}(без ролей, которые организуют работу линии, — руководителя и тех, кому подчинена линия: { $roles })

## Прогнозы

at-place = { $place }: { $problem }
forecast-file = файл прогноза { $file }
forecast-line = { $file }, строка { $line }
forecast-unreadable = не удаётся прочитать файл прогноза { $file }: { $reason }
forecast-unreadable-help = путь отсчитывается от файла спецификации, который его называет, и не должен выходить за папку спецификации
forecast-empty = файл прогноза { $file } пуст
forecast-empty-help = напишите строку заголовка `start,volume` (можно `,aht`) и по строке на каждый интервал
forecast-not-utf8 = строка { $line }, поле { $field } — не текст UTF-8
forecast-io = не удалось прочитать в строке { $line }: { $reason }
forecast-not-csv = не читается как CSV (строка { $line })
forecast-csv-help = сохраните прогноз как текст UTF-8 со значениями через запятую
forecast-column-twice = заголовок называет столбец `{ $column }` дважды
forecast-column-twice-help = оставьте один `start`, один `volume` и не больше одного `aht`
forecast-unknown-column = в заголовке неизвестный столбец `{ $column }`
forecast-columns-help = столбцы: `start`, `volume` и, по желанию, `aht` (в секундах); их называет первая строка
forecast-header-columns = заголовок должен называть столбцы `start` и `volume`
forecast-row-fields = в этой строке { $fields ->
        [one] { $fields } поле
        [few] { $fields } поля
       *[many] { $fields } полей
    }, а в заголовке { $columns }
forecast-row-fields-help = в каждой строке нужно по значению на столбец заголовка, через запятую
forecast-volume = число обращений за один интервал { $volume } неправдоподобно
forecast-volume-help = объём — это число обращений, поступающих за один интервал
forecast-aht = среднее время обработки в секундах { $aht } неправдоподобно
forecast-aht-help = `aht` — среднее время обработки одного обращения в секундах, больше нуля
forecast-number = значение { $value } в столбце { $column } — не число от нуля и больше
forecast-number-help = пишите объёмы и времена обработки простыми числами, например 120 или 95.5
forecast-line-problem = строка { $line } прогноза: { $problem }
forecast-units-help = проверьте единицы: объём — обращений за интервал, aht — секунд на одно обращение
forecast-no-aht = у очереди `{ $queue }` есть прогноз, но нет среднего времени обработки
forecast-no-aht-help = добавьте очереди `aht` (например, `aht 4m`) или столбец `aht` в секундах в файл прогноза
forecast-no-rows = в файле прогноза есть заголовок, но нет интервалов
forecast-no-rows-help = добавьте под заголовком по строке на интервал, например `08:00,120`
forecast-off-grid = начало { $start } не попадает в сетку прогноза: при { $per } начала интервалов отстоят друг от друга на целое число интервалов, считая от первой строки файла
forecast-off-grid-help = перенесите строку в интервал, к которому она относится (при `per 30m` — `08:00` или `08:30`), или поставьте в `per` ту длину, что у строк файла
forecast-past-end = { $week ->
        [week] этот интервал заходит за конец типовой недели (полночь воскресенья)
       *[day] этот интервал заходит за конец типового дня (полночь)
    }
forecast-past-end-help = у типового дня или недели нет времени после их конца: начните интервал раньше или выберите `per`, на который делятся сутки
forecast-outside-range = эта дата отстоит больше чем на { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } от остальных датированных строк прогноза
forecast-outside-range-help = проверьте год в строке: один файл прогноза охватывает не больше двух лет, а случайная дата растянула бы недельную потребность на все годы между ними
forecast-repeated = этот интервал уже задан в одной из строк выше
forecast-repeated-help = задавайте каждый интервал один раз: две строки с одним началом учли бы его обращения дважды (тот же момент, записанный с другим смещением, — тот же интервал)
forecast-skipped-time = начало { $start } — местное время, которого { $zone } не бывает: часы переводят вперёд через него (начинается летнее время). cxc читает его со смещением до перевода ({ $before }), то есть как { $read }, и `cxc staff` подписывает его этим смещением
forecast-skipped-time-help = запишите момент, который имеется в виду, со смещением, например { $instead }, или уберите строки пропущенного часа
forecast-repeated-time = начало { $start } встречается в { $count }-й раз, а { $zone } часы проходят его только дважды (кончается летнее время): первая строка читается как первое прохождение, вторая — как второе, а эту от них не отличить; cxc читает её как второе ({ $later })
forecast-repeated-time-help = укажите у строк повторяющегося часа смещения ({ $first } и { $second }) или пишите каждое его время не больше двух раз, по порядку
forecast-zero-interval = очередь `{ $queue }` задаёт прогноз на интервал нулевой длины
forecast-zero-interval-help = укажите длину интервала, например `forecast 120 per 30m`
zero-aht = у очереди `{ $queue }` нулевое среднее время обработки
zero-aht-help = `aht` — сколько в среднем занимает одно обращение, например `aht 4m`
zero-patience = у очереди `{ $queue }` нулевое терпение: трубку положил бы каждый звонящий
zero-patience-help = `patience` — сколько звонящие в среднем ждут, прежде чем положить трубку, например `patience 2m`
full-shrinkage = у очереди `{ $queue }` потери рабочего времени { $shrinkage }: никто никогда не был бы доступен
full-shrinkage-help = потери (shrinkage) — доля оплачиваемого времени, когда операторы не на линии; она должна быть меньше 100%
load-too-high = нагрузка { $load } Эрланг больше, чем рассчитывает cxc (не более { $max })
too-patient = при таком объёме звонящие настолько терпеливы, что никто не положил бы трубку: уберите `patience`, чтобы считать по Эрлангу C
at-interval = {" "}в { $start }
misses-in-intervals = , и не выполняется в { $short } из { $intervals } { $intervals ->
        [one] интервала
       *[other] интервалов
    }
with-agents-answered = при { $agents } { $agents ->
        [one] операторе
       *[other] операторах
    } вовремя отвечают на { $level }{ $at }
with-agents-overwhelmed = при { $agents } { $agents ->
        [one] операторе
       *[other] операторах
    } обращений поступает{ $at } больше, чем они успевают обработать
understaffed = в очереди `{ $queue }` { $agents ->
        [one] { $agents } оператор
        [few] { $agents } оператора
       *[many] { $agents } операторов
    }, а нужно { $needed } (ещё { $more }){ $at }, чтобы выполнить `{ $goal }`{ $spread }; { $with }
understaffed-help = укомплектуйте очередь: `agents { $needed }`, или снизьте объём либо время обработки; `cxc staff` показывает каждый интервал
understaffed-unreachable = очередь `{ $queue }` не может выполнить `{ $goal }`{ $at } ни при каком числе операторов{ $spread }
understaffed-unreachable-help = цель недостижима при таком прогнозе; пересмотрите цель `answer` в SLA
understaffed-overloaded = в очереди `{ $queue }` { $agents ->
        [one] { $agents } оператор
        [few] { $agents } оператора
       *[many] { $agents } операторов
    }, а обращений{ $at } поступает столько, что работы хватает на { $load } { $load ->
        [one] оператора
        [few] операторов
        [many] операторов
       *[other] оператора
    } без перерыва: очередь отстаёт всё больше, и никакой срок ответа не будет выдержан{ $spread }; чтобы справиться с потоком, нужно не меньше { $needed } { $needed ->
        [one] оператора
       *[other] операторов
    }
understaffed-overloaded-help = укомплектуйте очередь хотя бы так: `agents { $needed }`, или снизьте объём либо время обработки; цель `answer` для канала позволит cxc рассчитать численность под срок ответа; `cxc staff` показывает каждый интервал
overloaded-in-intervals = {" "}(в { $short } из { $intervals } { $intervals ->
        [one] интервала
       *[other] интервалов
    })
the-answer-target = цель по ответу
forecast-when-closed = прогноз очереди `{ $queue }` ждёт { $volume } { $count ->
        [one] обращение
        [few] обращения
        [many] обращений
       *[other] обращения
    } { $place }, когда канал `{ $channel }` закрыт (его часы `{ $hours }`): на них никто не ответит, и операторы на них не планируются
forecast-when-closed-worked = прогноз очереди `{ $queue }` ждёт { $volume } { $count ->
        [one] обращение
        [few] обращения
        [many] обращений
       *[other] обращения
    } { $place }, когда очередь никто не обслуживает (её часы или часы её команды — `{ $worked }`): на них никто не ответит, и операторы на них не планируются
forecast-when-closed-both = прогноз очереди `{ $queue }` ждёт { $volume } { $count ->
        [one] обращение
        [few] обращения
        [many] обращений
       *[other] обращения
    } { $place }, когда канал `{ $channel }` закрыт (его часы `{ $hours }`) или очередь никто не обслуживает (её часы или часы её команды — `{ $worked }`): на них никто не ответит, и операторы на них не планируются
forecast-when-closed-worked-help = не прогнозируйте обращений, пока очередь никто не обслуживает, или задайте очереди (или её команде) `hours` на всё время, когда приходят обращения, или отдайте их в это время очереди другого центра; если время в файле записано по другому поясу (центр пишет своё местное время), укажите этот пояс в очереди: `timezone "Asia/Novosibirsk"`
forecast-when-closed-intervals = в { $closed } из { $intervals } { $intervals ->
        [one] интервала
       *[other] интервалов
    } (первый — { $start })
forecast-when-closed-always = в каждом интервале
forecast-when-closed-help = не прогнозируйте обращений, пока канал закрыт (позвонившие тогда вернутся, когда он откроется), или откройте `hours` канала на всё время, когда приходят обращения; если время в файле записано по другому поясу (центр пишет своё местное время), укажите этот пояс в очереди: `timezone "Asia/Novosibirsk"`
specialist-on-team-channels = роль `{ $role }` владеет каналом { $owned } подразделения `{ $team }` и при этом принимает обращения подразделения в каналах { $shared }, которыми не владеет ни одна его роль: в её должностную инструкцию попадают их нормативы и этапы подразделения в них, `headcount-short` учитывает её людей в их очередях, а TaskRouter предлагает ей их задачи
specialist-on-team-channels-help = чтобы `{ $role }` работала только в своих каналах, сделайте владельцем остальных роль, которая в них отвечает (`channel { $channel } {"{"} owner РОЛЬ {"}"}`); если `{ $role }` действительно помогает в них, отключите это замечание (allow)
promise-to-step-start = обещание `{ $promise }` отсчитывается до начала этапа `{ $step }` пути `{ $journey }`: собственное время этого этапа ({ $own }) в него не входит, поэтому клиент, который ещё ждёт результата этапа, считается получившим обещанное
promise-to-step-start-help-next = чтобы обещать завершение этапа `{ $step }`, отсчитывайте обещание до следующего за ним этапа (`to { $next }`) и дайте ему нужное на это время; если обещание кончается с началом `{ $step }`, отключите это замечание (allow)
promise-to-step-start-help = чтобы обещать завершение этапа `{ $step }`, отсчитывайте обещание до одного из следующих этапов или сделайте `{ $step }` конечным (`end`); если обещание кончается с началом `{ $step }`, отключите это замечание (allow)

in-memory-files = спецификация из памяти не может ссылаться на файлы

## Значения

duration-too-long = длительность `{ $text }` слишком велика; самая большая — около 30 лет
duration-unit = `{ $unit }` — не единица времени; используйте s, m, h, d или w
duration-unit-without-number = в `{ $text }` единица времени без числа
duration-number-without-unit = `{ $text }` заканчивается числом без единицы времени
duration-working-days-not-here = `{ $text }` — это рабочие дни, а в них считаются только сроки (`within`, `after`); здесь нужна длительность: пишите её в s, m, h, d или w
working-days-alone = в `{ $text }` рабочие дни смешаны с часами работы: `wd` пишется отдельно, например `3wd`
working-days-zero = `{ $text }` — ни одного рабочего дня: срок в рабочих днях — хотя бы один день
working-days-too-many = `{ $text }` — слишком много рабочих дней; самое большее — 10000
not-a-percentage = `{ $text }` — не процент
not-a-sensible-percentage = `{ $text }` — неправдоподобный процент
not-a-date = `{ $text }` — не дата; пишите ГГГГ-ММ-ДД, например 2026-05-01
no-such-month = `{ $text }`: месяца { $month } не бывает
no-such-day = `{ $text }`: в этом месяце нет { $day }-го числа
not-a-time = `{ $text }` — не время; пишите ЧЧ:ММ, например 09:00
not-a-time-of-day = `{ $text }` — не время суток (от 00:00 до 24:00)

## Синтаксис

or = или

expect-name = имя, например `support` или `vip_line`
expect-text = текст в двойных кавычках, например "Ключевые клиенты"
expect-integer = целое число, например 12
expect-decimal = число, например 4.5
expect-percent = процент, например 80%
expect-duration = длительность, например 30m, 4h или 1h30m
expect-date = дата, например 2026-05-01
expect-time = время, например 09:00
expect-days = дни, например `пн-пт` или `сб` (`пн вт ср чт пт сб вс` или `mon tue wed thu fri sat sun`)
expect-comparison = сравнение: >=, <=, >, < или =
expect-remedy = мера: `apologize`, `explain`, `redo`, `refund`, `compensate "..."` или `escalate` КОМАНДА-ИЛИ-РОЛЬ
expect-separator = новая строка или `;`
expect-end-of-file = конец файла
expect-display-name = отображаемое имя в двойных кавычках
expect-opening-times = часы работы, например 09:00-18:00
expect-block-end = `{"}"}` (конец блока)
expected-found = ожидалось: { $expected }; найдено: { $found }
expected-found-capital-day = ожидалось: { $expected }; найдено: { $found } — названия дней пишутся строчными буквами
capital-day-help = пишите `{ $day }`: дни называются строчными буквами, от `пн` до `вс` или от `mon` до `sun`
found-end-of-file = конец файла
found-end-of-line = конец строки
found-unterminated-text = незакрытый текст (кавычка `"`, которая нигде не закрывается)
found-character = символ { $code }
found-word = `{ $word }`
unterminated-text-help = закройте текст кавычкой `"` на той же строке или используйте """ для текста в несколько строк
write-it-as = пишите так: `{ $form }`, например `{ $example }`
write-it-as-parts = пишите так: `{ $form }`, например `{ $example }`. Здесь { $parts }
form-part-channel = CHANNEL — название канала
form-part-percent = PERCENT — процент, например 80%
form-part-duration = DURATION — срок: число с единицей `s` (секунды), `m` (минуты), `h` (часы), `d` (дни), `w` (недели) или `wd` (рабочие дни), например `30s` или `2wd`
form-part-segment = SEGMENT — название сегмента
form-part-team-or-role = TEAM-OR-ROLE — название подразделения или должности
form-part-team = TEAM — название подразделения
form-part-role = ROLE — название должности
form-part-text = TEXT — слова в двойных кавычках, например "Перезвоним"
form-part-number = NUMBER — число
form-part-name = NAME — имя из букв, цифр и _
form-part-calendar = CALENDAR — название календаря
form-part-step = STEP — название этапа
form-part-journey = JOURNEY — название пути клиента
form-part-date = DATE — дата, например 2026-12-31
form-part-metric = METRIC — что измеряется: `csat`, `nps`, `ces`, `fcr`, `asa` или `abandonment`
form-part-op = OP — сравнение: >=, <=, > или <
form-part-value = VALUE — цель, например 90% или 4.5
form-part-amount = AMOUNT — сумма денег
form-part-remedy = REMEDY — что получает клиент, например `apologize` или `compensate "…"`
form-part-time-time = TIME-TIME — часы работы, например 09:00-18:00
form-part-customer-type = CUSTOMER-TYPE — название типа клиента
syntax-help = `cxc explain syntax` показывает форму каждого объявления и инструкции
unclosed-long-text = текст, открытый `"""`, нигде не закрыт
unclosed-long-text-help = закройте его `"""` там, где текст заканчивается
declaration = { $kind } `{ $name }`
the-declaration = { $kind }
next-declaration-here = здесь `{ $word }` начинает следующее объявление
unclosed-block = блок { $what }, открытый здесь, нигде не закрыт
unclosed-block-help = добавьте `{"}"}` там, где заканчивается { $what }
tier-out-of-range = уровень { $tier } вне допустимого диапазона
tier-out-of-range-help = уровни считаются с 1 (высший приоритет); используйте от 1 до 100
customers-implausible = число клиентов { $count } неправдоподобно
customers-implausible-help = укажите число клиентов сегмента, например `customers 1200`
average-check-negative = средний чек { $value } меньше нуля
average-check-negative-help = средний чек — средняя сумма заказа, ноль или больше
cost-negative = стоимость { $value } меньше нуля
cost-negative-help = стоимость — сколько стоит обращение или час работы в валюте сервиса: ноль или больше (`cost 4.50 per contact`, `cost 1800 per hour`)
effort-out-of-scale = усилие { $effort } вне шкалы
effort-out-of-scale-help = усилие измеряется от 1 (мало) до 5 (много)
csat-out-of-scale = csat { $csat } — не оценка по пятибалльной шкале
csat-out-of-scale-help = укажите измеренную оценку от 1 до 5, например `csat 4.2`
concurrency-out-of-range = одновременность { $value } вне допустимого диапазона
concurrency-out-of-range-help = укажите, сколько обращений оператор ведёт одновременно, от 1 до 100 (например, `concurrency 3` для чата)
shrinkage-too-high = при потерях { $shrinkage } отвечать некому
shrinkage-too-high-help = потери (shrinkage) — доля оплачиваемого времени, когда операторы недоступны, меньше 100%
nps-impossible = NPS { $value } невозможен
nps-impossible-help = индекс NPS лежит в пределах от -100 до 100
opening-time-backwards = часы работы { $from }-{ $to } заканчиваются раньше, чем начинаются
opening-time-backwards-help = пишите сначала время открытия, например 09:00-18:00; для ночной смены напишите два интервала: 22:00-24:00 и 00:00-06:00
forecast-interval-zero = интервал прогноза нулевой длины
forecast-interval-zero-help = укажите длину интервала, например `per 30m`
duration-help = пишите длительность, например 30m, 4h, 1h30m или 3d; срок можно задать и в рабочих днях, отдельно: 3wd
duration-in-words = `{ $written }` — длительность словами; cxc читает число с буквой единицы, без пробела
duration-in-words-help = напишите `{ $duration }`
duration-in-words-days-help = напишите `{ $number }d` — дни по часам (на рабочем календаре `{ $number }d` — это { $number } × 24 часа рабочего времени) или `{ $number }wd` — рабочие дни
percent-over-max = { $value } — больше { $max }%
percent-over-max-help = доля целого — от 0% до 100%
percent-help = пишите процент, например 80% или 99.5%
date-help = пишите существующую дату в виде ГГГГ-ММ-ДД, например 2026-05-01
time-help = пишите время в виде ЧЧ:ММ от 00:00 до 24:00
number-too-large = число { $number } слишком велико
number-too-small = число { $number } слишком мало
whole-number-too-large-help = целые числа в спецификации — от 0 до 4 294 967 295
number-too-large-help = числа в спецификации лежат строго между −1 000 000 000 000 и 1 000 000 000 000: укажите число разумной величины
use-one-of = используйте одно из: { $words }
expected-word = ожидалось: { $what } ({ $words }), а найдено `{ $found }`
word-language = язык документов
word-channel-kind = вид канала
word-severity = важность
word-feedback = `required` или `optional`
word-queue-order = `arrival` или `tier`

word-period = период
word-metric = показатель
word-remedy = мера
word-cost-basis = единица, за которую считается стоимость

forecast-unknown-column-like = в заголовке неизвестный столбец `{ $column }` (может быть, имелось в виду `{ $like }`?)

help-label = подсказка

## Командная строка

cli-error = ошибка: { $message }
cli-lsp-stopped = языковой сервер остановился: { $error }
cli-man-failed = не удаётся записать страницу руководства: { $error }
cli-nothing-written = ничего не записано: сначала исправьте ошибки выше
cli-kept = оставлен { $path }: он есть в манифесте, но это не тот файл, который записал cxc (манифест попал сюда из другого места или файл с тех пор менялся), поэтому cxc его не трогает
cli-removed = удалён { $path }: его записала прошлая сборка, а эта — нет
cli-wrote = записано файлов: { $count }, в { $folder }
init-exists = { $files } уже существует; cxc init ничего не записывает поверх существующих файлов
init-link = { $folder } — символическая ссылка (или не папка); cxc init никогда не пишет через ссылку, поэтому ничего не записано
init-cannot-write = не удаётся записать { $file }: { $error }
cli-created = создан { $path }
cli-init-next = дальше:
cli-init-check = проверить стандарты
cli-init-build = сформировать документы
cli-init-push = закоммитьте и отправьте: .github/workflows/cxc.yml проверяет каждый запрос на слияние (pull request)
cli-refused-path = нельзя использовать { $option } { $path }: { $reason }
cli-file-size = размер вида 64MB, 512KB или 1GB, больше 0 и не больше { $max }
cli-cannot-read = не удаётся прочитать { $error }
cli-fmt-clean = все файлы уже отформатированы: { $total }
cli-fmt-would = будут переформатированы { $changed } из { $total } { $total ->
        [one] файла
       *[other] файлов
    } (запустите `cxc fmt`)
cli-fmt-done = переформатировано { $changed } из { $total } { $total ->
        [one] файла
       *[other] файлов
    }
cli-fmt-failed = файлов оставлено без изменений: { $failed }; сначала исправьте ошибки выше
cli-stdin-unreadable = не удаётся прочитать стандартный ввод (не больше 64 МБ текста UTF-8)
cli-stdin-not-utf8 = стандартный ввод — не текст UTF-8
cli-no-journey-like = нет пути `{ $journey }` (может быть, имелось в виду `{ $like }`?)
cli-no-journeys = нет пути `{ $journey }` (в спецификации нет путей)
cli-no-journey = нет пути `{ $journey }` (пути: { $journeys })
cli-watch-changed = --- изменены { $files }: проверяю снова ---
cli-watch-stopped = наблюдение остановлено: { $error }
cli-no-code-like = нет кода диагностики `{ $code }`; может быть, имелось в виду `{ $like }`?
cli-no-code = нет кода диагностики `{ $code }`; `cxc explain` перечисляет все коды

tier-segments = уровень { $tier }: { $segments }

## cxc explain

explain-list-severity = { $severity ->
        [error] ошибка
       *[other] предупреждение
    }
explain-title = { $code } ({ $severity ->
        [error] по умолчанию ошибка
       *[other] по умолчанию предупреждение
    })
explain-why = Почему: { $why }
explain-example = Пример, на котором срабатывает:
explain-fixed = Исправлено:
explain-eg = напр.
explain-forms = Формы (ЗАГЛАВНЫМИ — то, что пишете вы, в [скобках] — то, что можно опустить; инструкция заканчивается новой строкой или `;`):

## cxc explain: когда срабатывает код (.summary) и какая практика за ним стоит (.why)

explain-syntax =
    .summary = Текст не соответствует грамматике языка cx.
    .why = Стандарт, который нельзя прочитать, нельзя и проверить. cxc говорит словами, что ожидал в месте, где остановился, и подсказывает ключевое слово, которое вы, вероятно, имели в виду.
explain-invalid-value =
    .summary = Значение записано правильно, но невозможно: несуществующая дата, нулевой уровень, длительность в века, доля больше 100%.
    .why = Числа в стандартах обслуживания — это обещания и планы. Невозможное число — всегда опечатка, и, оставшись в тексте, оно незаметно исказит каждую проверку и каждый документ, построенные на нём.
explain-unknown-reference =
    .summary = Ссылка не указывает ни на что нужного вида.
    .why = Каждое имя в стандарте указывает на то, что должно существовать: на ответственного, на календарь с часами работы, на сегмент, к которому относится правило. Имя с опечаткой незаметно отрывает правило от организации.
explain-duplicate-definition =
    .summary = Два объявления одного вида имеют один идентификатор, или инструкция, которая может встречаться один раз, указана дважды.
    .why = Если две команды называются `support`, каждая ссылка на `support` неоднозначна, и документы, созданные из спецификации, противоречат друг другу.
explain-mixed-script-name =
    .summary = В слове имени смешаны латинские и кириллические буквы: буква набрана в другой раскладке или два слова написаны слитно.
    .why = Латинские `c`, `a`, `e`, `o`, `p` выглядят точно как кириллические `с`, `а`, `е`, `о`, `р`. Имя с такой буквой внутри выглядит верно, работает там, куда его скопировали, и не находится у каждого, кто наберёт его заново, — а сообщение показывает одно и то же слово дважды. Слова, каждое из которых написано одним алфавитом (`чат_VIP`), пишут так нарочно, о них cxc не сообщает.
explain-include-cycle =
    .summary = Файлы подключают друг друга по кругу, или подключаемого файла нет.
    .why = Спецификация, разбитая на файлы, всё равно должна иметь один смысл. У круга подключений нет первого файла, а отсутствующий файл означает, что части стандарта нет.
explain-cannot-load =
    .summary = Файл `.cx` или `cxc.yaml` в папке спецификации не удаётся прочитать: он ссылается за пределы папки, не является обычным файлом или больше предела размера. cxc останавливается (код выхода 2).
    .why = Спецификация приходит в запросе на слияние; файл, ссылающийся в другое место, канал или устройство читать нельзя, но и пропускать молча тоже. Как находка с кодом остановка доходит до CI в любом формате, включая SARIF.
explain-dead-end =
    .summary = Этап не является `end`, и у него нет `next`.
    .why = Клиент, дошедший до этого этапа, ждёт того, что никогда не произойдёт. Каждый этап либо передаёт клиента дальше, либо завершает путь результатом.
explain-unreachable-step =
    .summary = До этапа нельзя дойти от `start` пути (или у пути нет `start`).
    .why = Этап, до которого не доходит ни один клиент, — это либо забытая ветка, либо признак пропущенного `next`. Стандарты, описывающие работу, которую никто не делает, вводят читателей в заблуждение.
explain-no-exit =
    .summary = Из цикла этапов нельзя дойти ни до одного `end`: клиент ходит по кругу бесконечно.
    .why = Цикл допустим («нужны правки» → обратно к дизайну), только если из него есть выход. Цикл без выхода — та самая «беготня по кругу», на которую жалуются клиенты.
explain-missing-owner =
    .summary = У этапа пути, правила жалоб или канала, который не `self_service`, нет `owner`.
    .why = Работа без ответственного — работа, за которую никто не отвечает: этап, который делает «кто-нибудь», — это этап, где клиенты застревают. Каналам самообслуживания ответственный не нужен.
explain-escalation-cycle =
    .summary = Эскалация возвращается к тем, кто уже был: жалобу передают тому, через кого она уже прошла, или правила передают жалобы друг другу по кругу.
    .why = Лестница эскалации нужна, чтобы довести застрявшую жалобу до того, у кого больше полномочий. Лестница, которая возвращается на прежнюю ступень, гоняет клиента по кругу.
explain-reports-to-cycle =
    .summary = `reports_to` образует круг; названы все его участники.
    .why = Линия подчинения должна заканчиваться тем, кто в спецификации никому не подчиняется. В круге никто в конечном счёте не отвечает, и эскалациям некуда идти.
explain-segment-without-sla =
    .summary = Сегмент не покрыт ни одним `sla`.
    .why = Сегментировать клиентов имеет смысл, только если каждый сегмент получает определённый уровень обслуживания. Сегмент без SLA обслуживают так, как сложится день.
explain-promise-exceeds-sla =
    .summary = Публичное обещание быстрее внутренней цели по ответу или первому ответу для его сегмента и канала, или SLA вовсе не задаёт там цели.
    .why = То, что компания говорит публично, должно быть обеспечено тем, на что укомплектован и по чему измеряется контакт-центр. Обещать перезвонить за 15 минут по линии с внутренней целью в 1 час — значит гарантированно нарушать обещания.
explain-share-over-100 =
    .summary = Значения `share` (или `revenue`) сегментов в сумме больше 100%.
    .why = Сегменты делят клиентскую базу; их доли в клиентах и в выручке не могут превышать целого. Невозможное распределение обычно означает устаревшую цифру.
explain-understaffed =
    .summary = По формуле Эрланга C (Эрланга A, если задано `patience`) операторов очереди (`agents`) не хватает, чтобы выполнить цель SLA по ответу при её прогнозе (в любом интервале файла прогноза, когда открыты часы и SLA, и канала); без цели по ответу — операторов меньше, чем поступает работы, и очередь растёт без предела. Очередь, операторов которой меньше, чем приходящей работы, — `understaffed` при любых целях, если об этом уже не сказала цель по ответу.
    .why = Обещание «80% звонков — ответ в течение 20 секунд» реально, только если в очереди есть для этого люди. Теория массового обслуживания говорит, сколько их нужно: при меньшем числе цель не выполняется, как бы ни старались операторы, потому что звонки приходят волнами.
explain-specialist-on-team-channels =
    .summary = Линейная роль подразделения владеет одним из его каналов (линия специалистов), а другими каналами, в которых подразделение принимает обращения, владеет само подразделение. Канал подразделения принимают все его линейные роли, специалисты тоже: в их должностную инструкцию попадают нормативы этих каналов и этапы подразделения в них, `headcount-short` учитывает их людей в очередях этих каналов, а TaskRouter пускает их в эти TaskQueue. По одному замечанию на роль.
    .why = Подразделение универсалов с одной линией специалистов (операторы «золотой» линии) обычно означает, что специалисты работают только на своей линии. cxc считает канал подразделения каналом всех линейных ролей, и специалисты получают работу универсалов во всех выходных документах, о чём больше ничто не скажет. Сделайте роль универсалов владельцем остальных каналов, чтобы специалисты остались на своей линии; или, если они действительно помогают там, отключите замечание.
explain-promise-to-step-start =
    .summary = Обещание по пути клиента отсчитывается до этапа (`to`), который клиент видит (у него есть канал), у которого есть собственный срок `within` и который не конечный, а слова обещания говорят о результате. Такое обещание отсчитывается до начала этапа, как считает `cxc measure`, поэтому собственное время этапа в него не входит. Решают слова (название, затем описание; последнее названное действие): приезд или связь («мастер приедет», «перезвоним», «свяжемся», «передадим», в английской спецификации — `a plumber with you`, `arrive`, `visit`, `call you back`) — это начало этапа, и замечания нет; результат («решим», «устраним», «вернём», «подключим»; в английской — `resolved`, `fixed`, `refund`, `decision`) или одна только вещь («подменный автомобиль за 24 часа») — это результат этапа.
    .why = «Подменный автомобиль за 24 часа» с `to courtesy_car` считается выполненным, когда этап выдачи автомобиля начался, а не когда автомобиль доставлен: клиент, прождавший его 30 часов, считается получившим обещанное. Отсчитывайте обещание до следующего этапа (тогда внутренние сроки включат срок этого этапа) или сделайте этап конечным; если обещание действительно кончается с началом этапа, отключите замечание.
explain-forecast-clock-change =
    .summary = Дата и время строки прогноза без смещения (они читаются в поясе часов канала) приходятся на час, который часы пропускают при переходе на летнее время, — такого времени нет; или это время часа, который часы повторяют при возврате на зимнее время, записанное больше двух раз. Повторяющееся время, записанное один или два раза, — не замечание: первая строка — первое прохождение (смещение до перевода), вторая — второе, как пишут повторяющийся час выгрузки WFM; `cxc staff` подписывает такие строки смещением (`2027-04-04 02:00 +11:00`, `… +10:00`).
    .why = Местного времени, которое часы пропускают, не бывает: прогноз написан не по тем часам, или его обращения относятся к следующему часу. Третья строка повторяющегося времени оставляет планировщика гадать, какому часу нужны операторы. Смещение (`2027-10-03T03:00+11:00`) говорит, какой момент имеется в виду.
explain-forecast-when-closed =
    .summary = В прогнозе очереди есть обращения в интервале, когда часы (`hours`) её канала закрыты или (дополнение cxc) когда очередь никто не обслуживает: закрыты её собственные `hours`, а без них — часы её команды. Пока канал закрыт, операторы не планируются: интервал, начало которого — метка времени, закрыт, если часы закрыты весь интервал; время суток (`08:30`) — если они закрыты в это время в каждый день недели; время типовой недели (`пн 08:30`) — если они закрыты в это время в этот день недели.
    .why = Закрытый канал никто не обслуживает, поэтому операторы, запланированные на это время, простаивали бы, а обращения в прогнозе — либо ошибка прогноза, либо знак, что канал должен работать дольше. Планировщик прочтёт это так или иначе: исправьте прогноз или часы.
explain-invalid-forecast =
    .summary = Прогноз очереди нельзя использовать для расчёта численности: файла нет или он испорчен, нет времени обработки, или цифры вне допустимых пределов.
    .why = Численность считается по прогнозу. Прогноз, который нельзя прочитать, оставил бы очередь без проверки, и никто бы этого не заметил.
explain-inexact-export =
    .summary = Цель или настройку нельзя точно записать в формате экспорта: таймер в рабочих часах в таймаутах TaskRouter, идущих по часам; часовой пояс, которому в Zendesk или TaskRouter нет имени; эскалация в команду без очереди; задачи, которые берёт только очередь для сегментов более высокого уровня; сегмент, чьи задачи идут в очереди и вне часов его SLA.
    .why = Округлить цель или угадать часовой пояс значило бы незаметно изменить стандарт в системе, где работают операторы. cxc записывает ближайшую верную форму, какую может, и говорит, что отличается, чтобы решал администратор.
explain-export-conflict =
    .summary = Два сегмента, канала или правила жалоб получили бы одно имя в экспорте для Zendesk и TaskRouter.
    .why = Экспорт называет всё тегами или атрибутами задач — строчными буквами и без дефисов. Если и `vip-1`, и `vip_1` становятся `vip_1`, маршрутизация одного молча забирает обращения другого: такую ошибку никто не замечает, пока ключевой клиент не ждёт в очереди для розницы.
explain-hot-potato =
    .summary = На каком-то пути от `start` до `end` этапы, где участвует клиент, меняют ответственную команду больше 3 раз (настраивается).
    .why = «Одно окно»: каждая передача между командами — это риск потерять контекст, заново задать вопросы и уронить мяч. Роль считается своей командой; этапы бэк-офиса не считаются, потому что клиент их не видит; каждый цикл проходится один раз.
explain-channel-switch =
    .summary = Этап, доступный только в каналах самообслуживания, ведёт к этапу с участием клиента, где нет ни одного канала самообслуживания.
    .why = Когда самообслуживание не сработало и клиенту приходится звонить или приходить, усилие резко растёт: смена канала — один из сильнейших факторов клиентского усилия по исследованию из книги «Эффективный клиентский сервис» Диксона, Тоумана и Делиси. Оставьте следующий этап доступным в том же канале или передайте клиента сами.
explain-channel-without-target =
    .summary = У канала с операторами, предложенного сегменту, нет цели `answer` или `first_response` в SLA сегмента (каналам самообслуживания и местам — `office`, `field` — она не нужна).
    .why = Клиенты судят о канале по тому, как быстро в нём отвечают. Канал, предложенный без цели, укомплектуют последним и ответят в нём медленнее всего.
explain-channel-without-resolution =
    .summary = У канала, которым пользуется сегмент, нет срока решения, хотя в одном из SLA сегмента есть срок решения без канала: канал называет другой SLA сегмента (например, срок первого ответа по своим часам), а по правилу канал, который называет другой SLA, относится к тому SLA, поэтому срок решения без канала на него не распространяется, а тот SLA своего не задаёт. Первые ответы проверяет `channel-without-target`.
    .why = Перенос одной цели в отдельный SLA (со своими часами, как советует `sla-beyond-channel-hours`) молча выводит канал из остальных целей сегмента. Страница стандартов, тикет-система и отчёты расходятся с тем, что компания считает своим обязательством.
explain-sla-channel-not-offered =
    .summary = SLA задаёт цель в канале, которого один из его сегментов не перечисляет в `channels`. Цель относится только к тем сегментам SLA, которые пользуются каналом; для остальных её не учитывают ни расчёт численности, ни проверки уровней, ни должностные инструкции, ни выгрузки маршрутизации, ни `cxc measure`. Сегмент без `channels` пользуется каналами, в которых его SLA задают цели.
    .why = В SLA на несколько сегментов часто попадает строка, написанная для одного из них. Прочитанная буквально, она укомплектовала бы, маршрутизировала и описала канал, который другому сегменту не предлагали: очереди выглядят смешанными по уровням, в инструкциях появляются обязанности по обращениям, которых не будет, в маршрутизации — фильтры для невозможных задач.
explain-promise-without-remedy =
    .summary = У обещания нет `on_breach`.
    .why = Любое обещание иногда нарушается. Клиенты прощают нарушенное обещание, за которым следуют извинение и компенсация; молчание они не прощают.
explain-complaint-without-escalation =
    .summary = У правила жалоб нет `escalate`.
    .why = Жалоба, которую ответственный не может решить вовремя, должна автоматически уходить выше. Без лестницы она остаётся у того, у кого застряла.
explain-complaint-without-feedback =
    .summary = Правило жалоб не требует `feedback`.
    .why = Замкнуть круг — сообщить клиенту, что было сделано, — вот что превращает жалобу в лояльность. Жалоба, закрытая без обратной связи, для клиента осталась без внимания.
explain-mixed-tier-queue =
    .summary = Одна очередь обслуживает сегменты разных уровней.
    .why = В общей очереди уровни делят одних и тех же людей. Где задачи упорядочены по приоритету уровня (экспорт TaskRouter в cxc), низший уровень в часы нагрузки ждёт за каждой задачей высшего; где нет (представление Zendesk, платформа без приоритетов), высший уровень ждёт за всеми остальными (как у оператора, который ставил рассерженных повторных клиентов в одну очередь с корпоративными). Дайте каждому уровню свою очередь там, где каждый должен выдерживать свою цель. Очередь, которая должна обслуживать всех по порядку — медицинская или аварийная линия, — пишет `order arrival`: у всех задач в ней один приоритет, и правило о ней молчит. Очередь, общая для всех уровней намеренно, где высший уровень обслуживается первым (центр, который в свою смену принимает все уровни), пишет `order tier`, и правило о ней тоже молчит.
explain-too-many-tiers =
    .summary = Звонящий в один канал может попасть больше чем на 4 уровня приоритета в очереди (настраивается): столько разных уровней (`tier`, и «без уровня») у сегментов, чьи обращения приходят в этот канал: живой канал, который сегмент указывает, или очередь, которая берёт его там, — и только сегменты, которые этим каналом пользуются: очередь, назвавшая сегмент на чужом для него канале, не получает ни одного его обращения.
    .why = В правилах IVR не больше четырёх уровней: каждый уровень — отдельный приоритет в очередях канала. Если их больше, разницу между ними невозможно ни укомплектовать, ни объяснить клиентам, а нижние уровни не обслуживаются вовсе. Жалоба поднимается внутри своего уровня и отдельным уровнем не считается.
explain-missing-agreement =
    .summary = Работа переходит от одной команды к другой (соседние этапы пути или ответственный за жалобу и адресат её эскалации), и нет `agreement`, где принимающая команда — исполнитель, а передающая — заказчик (`thresholds: missing-agreement: tier-1` в `cxc.yaml` сужает правило до работы для сегментов первого уровня). Эскалация вверх по собственной линии подчинения владельца (к тому, кому подчиняется он сам или руководитель его команды) — это управление, а не передача работы, и соглашения не требует. Соглашение действует в одну сторону: возврату готовой работы команде, которая её передала, нужно своё соглашение; если есть соглашение в обратную сторону, находка его называет («соглашение X покрывает A → B, а B → A не покрывает ничего»).
    .why = Внешнее обещание надёжно ровно настолько, насколько надёжны внутренние обещания за ним. Когда работа клиента пересекает границу команды, принимающая команда должна договориться, как быстро она её берёт; иначе на передаче теряется время.
explain-deadline-exceeds-target =
    .summary = Сроки этапов на пути от `start` до `end` в сумме больше `within` пути или, если его нет, самого короткого календарного времени, за которое может истечь цель по решению обслуживаемого сегмента по часам её SLA (этапы идут по обычным часам: `3wd` при графике пн–пт 9–18 длится не меньше 2 дней 18 часов).
    .why = Если каждая команда укладывается в свой срок, а клиент всё равно ждёт дольше обещанного, стандарт противоречив по построению. Считается самый длинный путь, каждый цикл — один раз.
explain-stale-review =
    .summary = `reviewed` плюс `review every` — раньше сегодняшнего дня, или `reviewed` — позже него (`--today ДАТА` задаёт сегодняшний день).
    .why = Стандарты обслуживания стареют: каналы, объёмы и обещания меняются. Стандарт, просроченный по собственной дате пересмотра, никто не сверяет с действительностью.
explain-role-without-duties =
    .summary = У роли нет `duty`.
    .why = В должностной инструкции роли остались бы только выведенные обязанности; людям нужно своими словами знать, зачем нужна роль.
explain-unused =
    .summary = Календарь, канал, тип клиента или сегмент объявлен, но на него никто не ссылается.
    .why = Объявления, которыми никто не пользуется, — либо остатки, либо то, что забыли упомянуть в правиле; и то и другое подрывает доверие к стандарту.
explain-tier-inversion =
    .summary = Лучший уровень (меньший номер) получает более слабую цель `answer`, `first_response` или `resolution` в том же канале, чем худший уровень: цель худшего уровня не медленнее и охватывает не меньшую долю обращений, а в чём-то одном строже (95% за 20s строже, чем 60% за 20s). `resolution` без канала действует в каждом канале, где у сегмента нет своей. Цели, которые считаются по разным календарям, сравниваются по календарному времени: цель худшего уровня в самом долгом случае против цели лучшего уровня в самом коротком (3 дня круглосуточно не слабее 5 рабочих дней при графике пн–пт 9–18, которые длятся не меньше 6 дней 18 часов; но слабее 1 рабочего дня календаря, открытого каждый день 8–20, — не больше 1 дня 20 часов).
    .why = Уровни существуют, чтобы самые важные клиенты ждали меньше всех (правило FedEx). Если линии первого уровня отвечают за 5 минут, а второго — за 10 секунд, сегментация перевёрнута: лучшие клиенты узнают, что их обслуживают последними.
explain-pareto-mismatch =
    .summary = Выручка на клиента (`revenue` ÷ `share`) у лучшего уровня ниже, чем у худшего.
    .why = Уровни должны следовать ценности: 20% клиентов, которые приносят 80% выручки, обслуживают первыми (принцип Парето). Если лучший уровень приносит на клиента меньше худшего, уровни вознаграждают не тех клиентов.
explain-agreement-too-slow =
    .summary = Соглашение, по которому работает команда (`respond`/`resolve`, строка `for СЕГМЕНТ`, если она есть), медленнее, чем времени остаётся у работы, которую оно обслуживает: у жалобы, за которую отвечает команда-исполнитель или которая к ней эскалируется, или у этапа пути первого уровня, переданного ей. Соглашения идут по обычным часам, поэтому оставшееся время считается по ним, в самом коротком случае: жалоба, эскалированная через 13 рабочих дней при графике пн–пт 9–18 со сроком 15 рабочих дней, оставляет не меньше 2 дней календарного времени (18 рабочих часов), и соглашение на 1 день укладывается.
    .why = «Правила VIP действуют и в ИТ, бухгалтерии и доставке»: жалобу со сроком в 1 час не решить, если команда, куда её эскалируют, договорилась отвечать в течение 5 дней. Внутреннее соглашение медленнее внешнего обещания делает обещание невыполнимым.
explain-agreement-tier-inversion =
    .summary = Внутреннее соглашение отвечает по лучшему уровню (меньший номер) медленнее, чем по худшему, или медленнее своей общей строки `respond`.
    .why = Приоритет лучших клиентов должен действовать и внутри компании: ИТ, бухгалтерия и бэк-офис работают над их обращениями за первой линией. Соглашение, которое даёт высшему уровню 8 часов, а всем остальным 2, обслуживает лучших клиентов последними — там, где они этого не видят.
explain-breach-without-explanation =
    .summary = `on_breach` обещания компенсирует или возвращает деньги, но не `explain` и не `apologize`.
    .why = Деньги сами по себе не чинят нарушенное обещание: исследования восстановления сервиса показывают, что извинение и объяснение восстанавливают доверие сильнее одной компенсации, а скидка без слова о причине выглядит как подкуп.
explain-unattended-channel =
    .summary = Живой канал (`phone chat email messenger social`) помечен как `self_service`: там никто не отвечает.
    .why = `self_service` освобождает канал от ответственного и от цели по ответу. В канале, куда клиенты пишут или звонят, это значит, что отвечать не обязан никто: в отрасли больше половины обращений в социальных сетях остаются без ответа именно так.
explain-preferred-channel-not-offered =
    .summary = Тип клиента предпочитает (`prefer`) каналы, которых нет ни у одного из его сегментов.
    .why = Направлять клиентов определённого типа в канал имеет смысл, только если канал для них открыт. Стратегию, которая отправляет нетерпеливых клиентов в чат, когда у их сегмента чата нет, не смогут выполнить те, кто их обслуживает.
explain-metric-target-unmet =
    .summary = Операторы очереди (`agents`) не выполняют цель SLA (`target`), которую может рассчитать расчёт численности: `abandonment` (Эрланг A, с `patience`), `asa`, `occupancy`, `service_level`. Цель проверяется только для очередей, канал которых SLA покрывает (задаёт на нём цель или не называет ни одного канала, и ни одно другое SLA сегмента не называет этот), и только в интервалах прогноза, когда открыты часы (`hours`) и SLA, и канала. `service_level` — доля отвеченных за время цели по ответу своего SLA в канале очереди (первой строки `answer` этого SLA для канала), а не другого SLA; если у SLA нет `answer` в этом канале, считать «вовремя» не по чему, и цель там не проверяется (`cxc staff` об этом сообщает). `asa` и `abandonment` считаются только по живым обращениям, как в `cxc measure`: обращение живое, когда его SLA задаёт цель по ответу (`answer`) в его канале; в очереди, где такой цели нет (почта только с `first_response`), они не оцениваются (`cxc staff` об этом пишет). Сообщение говорит о звонящих в канале `phone` и о клиентах в остальных.
    .why = Цель SLA, которую никто не проверяет, — пожелание. По прогнозу, времени обработки и числу операторов теория массового обслуживания рассчитывает долю положивших трубку, среднее ожидание и загрузку операторов: `target abandonment <= 1%`, который собственная численность очереди ставит на 5%, нарушен до первого звонка.
explain-review-cadence =
    .summary = У сервиса нет `review every`, нет даты `reviewed` или периодичность больше 12 месяцев.
    .why = Стандарты пересматривают через запланированные промежутки (ISO 10002 требует того же от работы с жалобами) и не реже раза в год: объёмы, каналы и клиенты меняются быстрее. Без периодичности и даты никто не скажет, актуален ли стандарт.
explain-high-effort-step =
    .summary = Измеренное усилие (`effort`) на этапе — 4 и больше (по шкале от 1 до 5) или уход клиентов (`dropoff`) — 30% и больше (оба порога — в `cxc.yaml`).
    .why = Усилие предсказывает нелояльность лучше удовлетворённости (книга «Эффективный клиентский сервис» Диксона, Тоумана и Делиси): этап, который клиенты называют трудным или на котором сдаётся треть из них, — это место, где путь их теряет. Измеренные данные показывают, с чего начать.
explain-day-on-business-clock =
    .summary = Таймер в днях или неделях (`3d`, `1w`) идёт по календарю, который открыт не круглосуточно: он считает рабочее время, и `3d` в рабочие часы офиса — это 72 рабочих часа.
    .why = «В течение 3 дней» все читают как три дня по календарю или три рабочих дня. По часам, которые останавливаются после закрытия, `3d` — это 72 часа рабочего времени, восемь рабочих дней по девять часов, и служба поддержки, получившая их как 4320 рабочих минут, ждёт так же долго. Рабочие дни (`3wd`) говорят то, что имелось в виду; часы (`72h`) честно называют рабочее время.
explain-working-days-on-wall-clock =
    .summary = Таймер в рабочих днях (`5wd`) идёт по обычным часам или по календарю 24x7 без праздников, где каждый день рабочий: это 5 календарных дней, срок — полночь в конце 5-го дня.
    .why = Кто пишет `5wd`, имеет в виду рабочие дни офиса: возврат денег банком за пять рабочих дней занимает неделю, а через выходные и больше. Круглосуточно закрытых дней нет, срок наступает на два дня раньше, а страница, обещающая клиенту «5 рабочих дней», противоречит часам, по которым он считается. Укажите календарь с часами работы или пишите дни (`5d`) и говорите о днях.
explain-short-working-day =
    .summary = День недели, в который календарь открыт на треть обычного дня или меньше (воскресенье 21:00–24:00 при круглосуточных пн–пт), для таймеров в рабочих днях (`1wd`) считается целым рабочим днём: рабочий — любой день с открытием.
    .why = Тогда `1wd` от пятницы истекает в конце воскресенья, после трёх открытых часов, а должностная инструкция со словами «1 рабочий день» читается как понедельник. Либо короткое открытие — не рабочий день для этих сроков (считайте их по календарю без него или в часах), либо рабочий, и тем, кто работает по сроку, нужно это сказать.
explain-same-branch-label =
    .summary = Два выхода из одного этапа подписаны одинаково: два `next ... when` с одним текстом или `when`, повторяющий итог `end` этого же этапа.
    .why = Подписи этапа решают, куда клиент идёт дальше: их читает сотрудник на этапе, карта пути пишет их на стрелках, а шлюз BPMN превращает в условия. Два выхода под одной подписью не различить — в BPMN у обоих потоков одно и то же условие, и какой выберет движок, дело случая.
explain-escalation-after-deadline =
    .summary = Эскалация наступает после (`after`) собственного срока решения жалобы (`resolve`): она срабатывает, когда срок уже пропущен.
    .why = Лестница эскалации нужна, чтобы получить помощь, пока ещё есть время сдержать обещание. Эскалация после срока лишь сообщает руководителю, что клиента уже подвели.
explain-escalation-out-of-order =
    .summary = Сроки лестницы эскалации не возрастают: следующая ступень срабатывает не позже предыдущей.
    .why = Лестница поднимается по одной ступени: сначала руководитель группы, директор — только если руководитель не смог помочь. Если ступень директора наступает первой (1 день до руководителя, потом 2 часа до директора), порядок лестницы — опечатка или недоразумение.
explain-acknowledge-after-resolve =
    .summary = Срок подтверждения жалобы (`acknowledge`) больше срока её решения (`resolve`).
    .why = Подтверждение жалобы («мы её получили, вот что будет дальше») — первый шаг её решения. Правило, которое даёт на подтверждение больше времени, чем на решение, перепутало два числа.
explain-complaint-incomplete =
    .summary = У правила жалоб нет срока `acknowledge` или `resolve`, или у него `severity high` или `critical`, а мер, кроме извинения или объяснения, нет.
    .why = Правило жалоб обещает клиенту две вещи: что жалобу приняли (`acknowledge`) и к какому сроку её решат (`resolve`). Без любого из сроков никто не опаздывает и ничего не измеряется. Серьёзную жалобу — брак, сорванный монтаж — словами не закрыть: правило должно сказать, что исправит вред (переделка, возврат денег, компенсация или эскалация к тому, кто может её дать).
explain-escalation-downward =
    .summary = Эскалация идёт к тому, кто прямо или через других подчиняется предыдущей ступени или владельцу правила жалоб.
    .why = Эскалация передаёт жалобу тому, у кого больше полномочий, чтобы решилось то, что первая линия решить не смогла. Ступень, идущая вниз по подчинению, передаёт жалобу тому, кто всё равно спросит предыдущую ступень: клиент ждёт дольше, а дать ему больше некому. (Команда, которой передают жалобу, считается своим `lead`; команда-владелец — это её сотрудники, которые не все стоят выше кого-либо, поэтому её не сравнивают.)
explain-channel-not-offered =
    .summary = Этап пути использует канал, который не предложен ни одному из сегментов пути, или в `segments` очереди назван сегмент, который не пользуется её каналом.
    .why = Этап происходит там, где находится клиент. Если обслуживаемые сегменты не могут связаться с компанией через этот канал, этап не может пройти так, как написано, а канал укомплектован ни для кого. Очередь, в которой назван сегмент без её канала, не получает его обращений: цели сегмента к ней не относятся, TaskRouter и Zendesk ничего из него туда не направляют, а спецификация читается так, будто направляют.
explain-promise-clock =
    .summary = Обещание считается по календарю рабочих часов (`hours` его SLA или канала), а в публичной формулировке указано обычное время.
    .why = Клиенты читают «перезвоним в течение 30 минут» как 30 минут своего дня. Таймер, который останавливается на ночь, превращает обращение в 17:50 в звонок на следующее утро: стандарт соблюдён, а обещание, как его понял клиент, нарушено.
explain-promise-below-keep-rate =
    .summary = Цели SLA не медленнее обещания гарантируют его срок меньшей доле обращений, чем `measure.promise_keep_rate` (95%): остальным обещан срок, который стандарты не гарантируют, а `cxc measure` считает обещание нарушенным, если оно выполнено реже нормы.
    .why = Публичное обещание говорит с каждым клиентом («на каждый звонок — за 20 секунд»), а SLA «80% за 20 секунд» гарантирует этот срок 80% звонков и ничего — остальным: выполненный в точности, он позволяет каждому пятому ждать дольше. 80% — нижняя граница, а не прогноз: на деле в срок могут отвечать и чаще, но ничто в стандартах не обязывает к обещанному сроку для остальных, и `cxc measure` назовёт обещание нарушенным, если оно выполнено реже нормы. Руководитель клиентского сервиса может подкрепить обещание целью для доли обращений не меньше нормы и не медленнее обещания (второй строкой `answer`), дать честное более долгое обещание или измерить, как часто оно выполняется, и задать `measure.promise_keep_rate` — долю, которую компания считает приемлемой.
explain-promise-exceeds-journey =
    .summary = Обещание о результате (`journey J [from S] [to S]`) короче собственного срока пути или суммы сроков этапов на самом длинном пути через него, или путь вовсе не задаёт там сроков. Путь заканчивается при первом попадании на этап, до которого считается обещание (или на первый `end`), как его считает `cxc measure`: возврат на этот этап по циклу идёт уже после обещания.
    .why = «Доставка за 60 минут» выполняется кухней, диспетчером и курьером, каждым в свой срок. Если их сроки в сумме больше обещания, оно нарушено по построению, как бы все ни старались.
explain-headcount-short =
    .summary = Очередям команды одновременно нужно больше людей (требуемая численность с учётом потерь, сложенная по интервалам — интервал определяется моментом начала, как бы его ни записал прогноз, или временем типового дня либо недели; считается самый загруженный интервал), чем `headcount` линейных ролей команды — всех ролей, кроме её `lead` и руководящих ролей, которым подчиняется другая роль команды (`reports_to`) (руководитель считается, только если он единственная роль команды): руководитель организует линию, а не отвечает на обращения. Пики очередей в разные часы не складываются. Канал, владелец которого (`owner`) — роль из команды очереди, обслуживает эта роль (её должностная инструкция даёт ей линию, а TaskRouter отдаёт его задачи только ей): места его очередей сравниваются и со штатом (`headcount`) этой роли, по интервалам, и находка называет роль. Роль другой команды очередь не обслуживает — её обслуживает команда очереди. Считаются места, занятые в один момент, а не люди: чтобы закрыть их с учётом смен, выходных и отпусков, людей нужно больше; рядом с пиком находка даёт место-часы за неделю (типовой день считается в каждый день, когда открыт канал, датированный прогноз делится на число недель, которые он покрывает) — делённые на недельные часы работы одного сотрудника, они дают наименьшее число людей. Время типового дня — это и то же время каждого датированного дня (а время типовой недели — каждого датированного дня того же дня недели), по часам самой очереди и пока открыт её канал: очередь с профилем дня складывается с очередью с датированным недельным файлом. Нехватка сообщается один раз: команда — только если ей не хватит людей и после того, как выполнены находки её ролей.
    .why = Планы численности выполняют реальные люди. Когда роли команды в сумме дают меньше людей, чем нужно её очередям, стандарт не выполнить в самый загруженный день, как ни составляй смены.

hours-not-a-calendar = `hours` принимает имя календаря, а `{ $written }` — это часы работы: может быть, вы хотели объявить календарь?
hours-not-a-calendar-help = объявите часы один раз, например `calendar office {"{"} open { $written } {"}"}`, и напишите здесь `hours office`
unclosed-text = этот текст не закрыт: у открывающей кавычки `"` нет закрывающей на той же строке

## cxc help language

cli-no-help = нет справки по `{ $topic }`: попробуйте `cxc help language` или `cxc help КОМАНДА`
help-language = Язык cx вкратце

    Спецификация — это один или несколько файлов `.cx` (UTF-8). В ней объявляются
    команды, роли, каналы, сегменты, SLA, обещания, пути клиента, правила жалоб,
    очереди и соглашения — каждое как ключевое слово, идентификатор, необязательное
    отображаемое имя в двойных кавычках и блок в фигурных скобках:

        team support "Служба поддержки" {"{"} lead support_lead {"}"}

    Идентификаторы начинаются с буквы (любого алфавита) или `_`, дальше — буквы,
    цифры, `_` и `-` (`vip`, `phone-line`, `старший_оператор`); они уникальны в
    пределах вида, и на них можно ссылаться до объявления, в любом файле
    спецификации.
    Внутри блока инструкция заканчивается новой строкой или `;`. `#` начинает
    комментарий. `# cxc: allow(КОД)` строкой выше отключает одно замечание там.
    `include "file.cx"` читает другой файл спецификации (внутри её папки).

    Значения: длительности `30s 15m 4h 1h30m 3d 2w`; сроки в рабочих днях
    `3wd` (отдельно); проценты `80%`; даты `2026-05-01`; время `09:00`; дни
    `mon-fri`, `sat`; тексты "в кавычках" или """в несколько строк""". Список
    сегментов может быть `any`.

    `owner` — команда или роль; работу роли выполняет она сама, работу команды —
    линейные роли команды: все её роли, кроме руководителя (`lead`) и
    руководящих ролей (тех, кому подчиняется другая роль команды, `reports_to`);
    если других нет — руководитель (руководитель и руководящие роли организуют
    эту работу). Цели SLA, сроки жалоб и обещаний
    считают рабочее время своего календаря (`hours`; у обещания — своего, а
    если его нет, календаря его канала): `3d` в рабочие часы офиса — это 72 рабочих часа, а не три дня.
    Срок `3wd` истекает при закрытии третьего рабочего дня после дня начала
    (праздники пропускаются; у круглосуточного календаря — в полночь).

    Дополнение cxc: `hours CALENDAR` у команды говорит, когда работают её
    люди (центр, работающий по солнцу), у очереди — когда работают её
    операторы (вместо часов команды). Предупреждение TaskRouter о закрытии,
    `hours-uncovered`, расчёт штата (места считаются только в эти часы) и
    должностные инструкции тогда читают их, а не часы канала.
help-language-config = Настройки (cxc.yaml рядом со спецификацией)

        rules:        КОД: off | warning | error
        thresholds:   hot-potato: 3, too-many-tiers: 4,
                      high-effort-step: {"{"} effort: 4, dropoff: 30% {"}"},
                      missing-agreement: all | tier-1
        exports:      zendesk, taskrouter, segments, channels
        limits:       file_size: 64MB

    `cxc explain КОД` объясняет, почему важно каждое замечание; `cxc explain` перечисляет их.

## cxc staff

staff-col-start = начало
staff-col-volume = объём
staff-col-aht = AHT
staff-col-load = нагрузка
staff-col-needed = нужно
staff-col-headcount = штат
staff-col-in-time = вовремя
staff-col-waited = ждали
staff-col-asa = ASA
staff-col-occupancy = загрузка
staff-col-hung-up = ушли
staff-col-binds = решает
staff-nothing = Ни у одной очереди нет прогноза, поэтому рассчитывать нечего.
staff-legend = нужно: наименьшее число операторов, при котором выполнены все цели (без целей — при котором очередь не растёт); решает: цель, которая его задаёт;
    штат: сколько нужно с учётом потерь;
    вовремя: доля ответов в пределах цели по ответу (у очереди без такой цели — «-»);
    вовремя, ждали, ASA, загрузка, ушли: при собственных операторах очереди.
staff-targets = { $count ->
        [one] цель
       *[other] цели (выполняются все открытые; действует та, что требует больше операторов)
    } { $list }
staff-target-item = { $percent }% в течение { $within } ({ $when })
staff-hours = { $sla }, часы { $hours }
staff-around-the-clock = { $sla }, круглосуточно
staff-unjudged-item = `{ $target }` ({ $sla })
staff-unjudged = не оцениваются (у их SLA нет цели по ответу в этом канале: никто не ждёт ответа на линии, и «вовремя» не по чему считать): { $targets }
staff-no-target = для этого канала нет цели по ответу
staff-agents = { $agents ->
        [one] { $agents } оператор
        [few] { $agents } оператора
       *[many] { $agents } операторов
    }
staff-no-agents = число операторов не задано
staff-meets = цель выполняется
staff-misses = цель НЕ ВЫПОЛНЯЕТСЯ (в пик нужно { $peak })
staff-out-of-reach = цель НЕ ВЫПОЛНЯЕТСЯ (недостижима)
staff-overloaded-verdict = ПЕРЕГРУЗКА: очередь растёт без предела (в пик нужно { $peak }, чтобы справиться с потоком)
staff-needs = в пик нужно { $peak }
staff-not-judged = не оценивается
staff-also = а также { $targets }
staff-concurrency = { $contacts } { $contacts ->
        [one] обращение
        [few] обращения
        [many] обращений
       *[other] обращения
    } на оператора одновременно
staff-binds-answer = ответ: { $percent }% в течение { $within }
staff-binds-metric = { $metric ->
        [service_level] вовремя
        [abandonment] ушли
        [occupancy] загрузка
        [asa] ASA
       *[other] { $metric }
    } { $comparison } { $value }
staff-binds-metric-within = { $target } (ответ в течение { $within })
staff-no-channel = без канала
staff-overloaded = перегрузка
staff-closed = канал закрыт
staff-unworked = очередь не обслуживается (часы команды)

kind-folder = папка
kind-pipe = именованный канал
kind-device = устройство
kind-socket = сокет
kind-special = особый файл
measure-target-missed = цель `{ $target }` для `{ $segment }` не выполнена: { $actual } из { GROUPED($n) } { $n ->
        [one] обращения
       *[other] обращений
    } (цель { $goal }), { $period }
measure-target-missed-help = Добавьте людей или измените маршрутизацию, чтобы цель выполнялась, или поставьте цель, которую контакт-центр может выдержать; `cxc measure -o DIR` покажет каждый сегмент и канал.
measure-metric-missed = цель `{ $target }` для `{ $segment }` не выполнена: { $actual } по { GROUPED($n) } { $answers }, { $period }
measure-basis-answers = { $n ->
        [one] ответу в опросе
       *[other] ответам в опросах
    }
measure-basis-answered = отвеченным обращениям
measure-basis-contacts = живым обращениям
measure-promise-broken = обещание `{ $promise }` выполнено для { $actual } из { GROUPED($n) } { $n ->
        [one] клиента
       *[other] клиентов
    } (цель { $goal }), { $period }
measure-promise-broken-every-case = обещание `{ $promise }` выполнено для { $actual } из { GROUPED($n) } { $n ->
        [one] случая
       *[other] случаев
    } (цель { $goal }), { $period }, по всем случаям пути `{ $journey }`, любого сегмента: в строках случаев сегмента нет
measure-promise-broken-help = Публичное обещание, которое так часто нарушается, отнимает больше доверия, чем приносит: устраните причину нарушений или обещайте то, что выполняется (цель — `measure.promise_keep_rate` в cxc.yaml).
measure-complaint-late = жалоба `{ $complaint }`: { $duty } — { $actual } из { GROUPED($n) } { $n ->
        [one] жалобы
       *[other] жалоб
    } (цель { $goal }), { $period }
measure-complaint-late-help = Владельцу правила и ролям эскалации нужен этот срок в их очереди; цель — `measure.deadline_rate` в cxc.yaml.
measure-duty-acknowledge = подтверждена в течение { $within }
measure-duty-resolve = решена в течение { $within }
measure-duty-escalate = эскалирована, если не решена за { $after }
measure-duty-feedback = клиенту сообщён результат
measure-journey-deviation = { GROUPED($deviating) } из { GROUPED($n) } { $n ->
        [one] случая
       *[other] случаев
    } пути `{ $journey }` прошли по переходам, которых нет на карте, чаще всего: { $detours }; { $period }
measure-journey-deviation-help = Либо на карте не хватает реального пути (добавьте `next`), либо работа идёт в обход стандарта (исправьте процесс); в отчёте перечислены все переходы.
measure-detour = `{ $from }` → `{ $to }` ({ $count })
measure-detour-start = начало с `{ $to }` вместо `start` ({ $count })
measure-step-late = { $subject } занял больше { $within } в { GROUPED($late) } из { GROUPED($n) } { $n ->
        [one] посещения
       *[other] посещений
    } (медиана { $median }, 90-й процентиль { $p90 }), { $period }
measure-journey-late = { $subject } занял больше { $within } в { GROUPED($late) } из { GROUPED($n) } { $n ->
        [one] завершённого случая
       *[other] завершённых случаев
    } (медиана { $median }, 90-й процентиль { $p90 }), { $period }
measure-subject-step = этап `{ $step }` пути `{ $journey }`
measure-subject-journey = путь `{ $journey }` от первого до последнего этапа
measure-step-late-help = Смотрите на 90-й процентиль: клиенты запоминают самую медленную десятую часть. Добавьте мощности на этапе или дайте ему выполнимый срок; цель — `measure.deadline_rate` в cxc.yaml.
measure-hot-potato = { GROUPED($over) } из { GROUPED($n) } { $n ->
        [one] случая
       *[other] случаев
    } пути `{ $journey }` меняли команду на этапах с клиентом больше { $limit } { $limit ->
        [one] раза
       *[other] раз
    } (максимум { $most })
measure-hot-potato-help = Отдайте случай одной команде от начала до конца или сократите передачи, которые видны в данных; предел — `thresholds.hot-potato` в cxc.yaml.
measure-bad-data = { $file }: { $count ->
        [one] пропущена { $count } строка
        [few] пропущены { $count } строки
       *[many] пропущено { $count } строк
    }: { $what } ({ $several ->
        [no] строка
       *[yes] строки
    } { $lines })
measure-bad-data-help = Исправьте выгрузку или сопоставьте её столбцы и названия в cxc.yaml (`measure.columns`, `exports.segments`, `exports.channels`); такие строки пропускаются и подсчитываются, но не используются.
measure-bad-export = { $file }: { $what }{ $several ->
        [no] {""}
       *[yes] {" "}(всего столбцов с повторённым названием: { $count })
    }
measure-bad-export-help-column = Исправьте выгрузку, чтобы у каждого столбца было своё название, или сопоставьте поле нужному столбцу в cxc.yaml (`measure.columns`).
measure-bad-keys = { $file }: { $count } { $count ->
        [one] строка называет
        [few] строки называют
       *[many] строк называют
    } ключ больше одного раза, например `{ $name }`, и какое значение имелось в виду, не понять (читается первое; { $several ->
        [no] строка
       *[yes] строки
    } { $lines })
measure-flaw-duplicate-key = строка называет ключ `{ $name }` больше одного раза (читается первое значение)
measure-bad-export-help-type = Поле читается из текста, целых чисел, DECIMAL, дробных чисел, логических значений, дат и отметок времени (столбец-список, TIME или UUID — ни то, ни другое): приведите столбец к тексту или к отметке времени при выгрузке (`CAST(created AS TIMESTAMP)` или дата и время в одном столбце) или сопоставьте поле другому столбцу в cxc.yaml (`measure.columns`).
measure-bad-export-help-parquet = Выгрузите файл заново (Parquet-файл заканчивается своим оглавлением: обрезанная копия его теряет) или выгрузите CSV либо JSON Lines.
measure-bad-export-help-empty = Дайте выгрузку за период: файл без строк ничего не измеряет, и его цифры выглядели бы как чистый период.
measure-cases-set-aside = Путь `{ $journey }`: { $cases ->
        [one] { $cases } случай отложен
       *[other] случаев отложено: { $cases }
    } целиком, вместе с исправными посещениями ({ $visits }), потому что { $rows ->
        [one] { $rows } их строка — плохие данные
       *[other] их строк с плохими данными: { $rows }
    } (выгрузка случаев, { $several ->
        [no] строка
       *[yes] строки
    } { $lines }): ни одна цифра пути их не учитывает
measure-cases-set-aside-help = Если проиграть такой случай по оставшимся строкам, он выглядел бы как уход клиента или отклонение, которые создала только выгрузка. Исправьте строки, названные в находках `bad-data` по выгрузке случаев, и измерьте снова.
measure-file-contacts = выгрузка обращений
measure-file-cases = выгрузка случаев
measure-flaw-missing = нет `{ $field }`
measure-flaw-bad-time = `{ $field }` не является датой и временем
measure-flaw-bad-number = `{ $field }` не является числом своей шкалы
measure-flaw-unreadable = строка не читается
measure-flaw-too-long = длиннее { $max } МБ (незакрытая кавычка?): пропущено до следующей строки
measure-flaw-duplicate-column = её заголовок называет столбец `{ $name }` больше одного раза, и какой из них имелся в виду, не понять (читается первый)
measure-flaw-column-type = столбец поля `{ $name }` имеет тип { $kind }, который cxc не может прочитать как значение, поэтому ни одна строка выгрузки не прочитана
measure-flaw-not-parquet = это не читаемый Parquet (файл повреждён, обрезан или вовсе не Parquet), поэтому ни одна его строка не прочитана
measure-flaw-not-utf8 = это не текст в UTF-8 (файл начинается как UTF-16), поэтому ни одна его строка не прочитана
measure-flaw-no-rows = в ней нет ни одной строки (пустой файл или один заголовок): ничего не измерено, и ни одна цифра не говорит, как прошёл период
measure-flaw-unknown-segment = сегмент, которого нет в спецификации, например `{ $name }`
measure-flaw-unknown-channel = канал, которого нет в спецификации, например `{ $name }`
measure-flaw-unknown-complaint = правило жалоб, которого нет в спецификации, например `{ $name }`
measure-flaw-unknown-journey = путь, которого нет в спецификации, например `{ $name }`
measure-flaw-unknown-step = этап, которого нет в его пути, например `{ $name }`
measure-flaw-mixed-segments = случай, визиты которого называют разные сегменты, например `{ $name }` (весь случай отложен)
measure-flaw-before = `{ $field }` раньше, чем `{ $since }`
measure-flaw-before-repeated-hour = `{ $field }` раньше, чем `{ $since }`, как cxc читает время без смещения в час, который повторяется при переводе часов назад: как первое из двух, до перевода; если в выгрузке имелось в виду второе, строка верна — пишите время со смещением (`{ $first }` до перевода, `{ $second }` после), чтобы было ясно какое
measure-subject-channel = канал `{ $channel }`
measure-pain = { $subject } причиняет клиентам неудобство: { $hurts }; { $period }
measure-hurt-dropoff = { $percent } из { GROUPED($n) } { $n ->
        [one] случая
       *[other] случаев
    }, дошедших до этапа, остановились на нём (порог { $limit })
measure-hurt-csat = средняя оценка CSAT { $mean } по { GROUPED($n) } { $n ->
        [one] ответу
       *[other] ответам
    } (порог — { $limit } и ниже)
measure-hurt-effort = среднее усилие { $mean } по { GROUPED($n) } { $n ->
        [one] ответу
       *[other] ответам
    } (порог — { $limit } и выше)
measure-pain-help = Клиенты уходят там, где этап труден, долог или неприятен: исправляйте этап или канал, на который указывают данные, а не клиентов, которые сдались. Пороги — как у `high-effort-step` или `measure.pain` в cxc.yaml.
measure-role-metric-missed = `{ $target }` для роли `{ $role }` не выполнена: { $actual } по { GROUPED($n) } { $answers } в каналах роли или её команды, { $period }
measure-basis-resolved = { $n ->
        [one] решённому обращению
       *[other] решённым обращениям
    } с указанным клиентом
measure-repeat-contacts = за { $actual } из { GROUPED($n) } { $n ->
        [one] обращения
       *[other] обращений
    } сегмента `{ $segment }` последовало новое обращение того же клиента в пределах { $window } (порог { $limit }), чаще всего после `{ $channel }`; { $period }
measure-repeat-contacts-help = Клиент, которому пришлось обратиться снова, не получил помощи с первого раза: посмотрите, с какими причинами возвращаются, исправьте ответ или процесс за ними и измеряйте решение с первого обращения (`target fcr`). Порог — `measure.repeat_share`, окно — `measure.repeat_window` в cxc.yaml.
measure-hourly-cost-uncosted = почасовую стоимость { $kind ->
        [role] роли
       *[other] канала
    } `{ $name }` нельзя перевести в стоимость обращения для { $uncosted } из { $n } { $n ->
        [one] обращения
       *[other] обращений
    }{ $kind ->
        [role] { " " }по каналу `{ $channel }`
       *[other] {""}
    }: в выгрузке у { $uncosted ->
        [one] него
       *[other] них
    } нет времени обработки, а { $queued ->
        [yes] у очереди `{ $queue }` нет `aht`
       *[other] канал не обслуживает ни одна очередь
    }; стоимость обслуживания { $uncosted ->
        [one] его
       *[other] их
    } не учитывает
measure-hourly-cost-uncosted-help = { $queued ->
        [yes] Задайте очереди `{ $queue }` `aht` (среднее время обработки, например `aht 6m`)
       *[other] Добавьте очередь на канале `{ $channel }` с `aht` (среднее время обработки, например `aht 6m`)
    } или добавьте в выгрузку обращений столбец `handle_time` (в секундах); либо задайте стоимость за обращение (`cost 4.50 per contact`).
measure-hourly-cost-no-queue = почасовая стоимость роли `{ $name }` не входит ни в одну стоимость обслуживания: ни одна очередь не называет её команду `{ $team }`, поэтому неизвестно, какие обращения занимают её время
measure-hourly-cost-no-queue-help = Назовите команду `{ $team }` в очереди, которая обслуживает её канал, и задайте `aht` (например `queue calls { "{" } channel phone; team { $team }; aht 6m { "}" }`), чтобы её часы распределились по обращениям, которые она обрабатывает.
config-measure-field = поле выгрузки
config-measure-setting = настройка measure
config-rate = `{ $key }` должен быть процентом от 0% до 100%
config-rate-help = Запишите, например, `95%`.
config-scale = `{ $key }` должен быть числом от 1 до 5
config-scale-help = Запишите, например, `4`.
config-window = `{ $key }` должен быть ненулевой длительностью
config-window-help = Запишите, например, `7d` или `48h`.
config-pain-not-mapping = `measure.pain` принимает `effort`, `dropoff` и `csat`
config-pain-not-mapping-help = например, `pain: {"{"} effort: 4, dropoff: 30%, csat: 2 {"}"}`
cli-measure-no-data = нечего измерять: укажите `--contacts FILE`, `--cases FILE` или оба
cli-measure-spec-errors = в спецификации есть ошибки; исправьте их, затем измеряйте по ней
cli-measure-one-spec = `cxc measure` измеряет по одной спецификации за раз; укажите её папку
cli-measure-delimiter = { $path }: столбцы в заголовке разделены { $delimiter ->
        [semicolon] точкой с запятой (`;`), как сохраняет Excel с русскими настройками
       *[tab] табуляцией
    }; файл прочитан с этим разделителем
cli-measure-cannot-read = не удалось прочитать { $path }: { $error }
cli-measure-parquet-pipe = { $path } — файл Parquet, переданный через канал: Parquet читается с конца, сохраните его в файл и укажите файл
cli-measure-not-a-file = { $path } — не файл и не канал: `cxc measure` читает выгрузки, сохранённые в файлы или переданные через канал
explain-target-missed =
    .summary = `cxc measure`: цель SLA по ответу, первому ответу или решению, показатель `target` (`csat`, `nps`, `ces`, `fcr`, `asa`, `abandonment`) SLA или роли — FCR по столбцу `customer` выгрузки — или `within` пути не выполнены для сегмента по данным выгрузки.
    .why = Стандарт, который не выполняется, — это пожелание. Выполнение считается по часам календаря цели, брошенные звонки считаются невыполненными, а сроки без собственного процента должны выполняться для `measure.deadline_rate` (95%) обращений; открытые обращения учитываются, только когда их срок уже прошёл.
explain-promise-broken =
    .summary = `cxc measure`: публичное обещание выполнено для меньшей доли клиентов, чем `measure.promise_keep_rate` (95%).
    .why = Нарушенное обещание клиенты помнят дольше выполненного: обещать стоит только то, что выполняется почти всегда. Считается по часам обещания (его своим `hours`, а без них — часам канала): первый ответ в пределах `within`; неотвеченный звонок нарушает обещание.
explain-complaint-late =
    .summary = `cxc measure`: жалобы по правилу подтверждались, решались или эскалировались с опозданием либо клиенту не сообщался результат чаще, чем допускает `measure.deadline_rate`.
    .why = Жалоба, обработанная с опозданием, превращает проблему в потерянного клиента; сроки правила — это то, за что отвечают владелец жалобы и роли эскалации. Считается по `hours` правила; эскалация нужна, если жалоба ещё открыта к `after` первой ступени.
explain-journey-deviation =
    .summary = `cxc measure`: случаи пути прошли по переходу, которого нет на карте, или начались не с `start`.
    .why = Карта пути полезна, только если это реальный путь. Либо у реальности есть путь, которого нет в стандарте, либо работа пропускает обещанный клиенту этап; и то и другое требует решения.
explain-step-late =
    .summary = `cxc measure`: этап пути занимал больше своего `within` чаще, чем допускает `measure.deadline_rate`.
    .why = Сроки этапов решают, уложится ли весь путь; медиана показывает обычное, 90-й процентиль — то, что переживают самые долгие клиенты. Время на этапе считается от входа в него до выхода (или до входа в следующий этап).
explain-bad-data =
    .summary = `cxc measure`: строки выгрузки называют сегмент, канал, правило жалоб, путь или этап, которых нет в спецификации, не содержат обязательного поля или содержат время, которое не читается или раньше времени, за которым оно следует.
    .why = Цифры надёжны настолько, насколько надёжны строки под ними: строка, противоречащая спецификации, пропускается и подсчитывается — никогда не останавливает работу и не теряется молча; первые строки показаны, чтобы исправить выгрузку или её сопоставление.
explain-measured-pain =
    .summary = `cxc measure`: данные показывают, что этап пути или канал причиняет клиентам неудобство — уход, средняя оценка CSAT или среднее усилие за порогами `high-effort-step` (`measure.pain` в cxc.yaml).
    .why = `high-effort-step` оценивает усилие и уход, записанные в спецификации; это правило оценивает то, что показывают выгрузки: этап, на котором останавливаются многие случаи, который клиенты оценивают низко или называют трудным, — это место, где они уходят. Уход — доля дошедших до этапа случаев, которые на нём остановились; CSAT и усилие — средние ответов опросов по посещениям этапа или обращениям канала.
explain-repeat-contacts =
    .summary = `cxc measure`: за большей долей обращений сегмента, чем `measure.repeat_share` (20%), последовало новое обращение того же клиента в пределах `measure.repeat_window` (7 дней) — по столбцу `customer` выгрузки обращений.
    .why = Каждое повторное обращение — работа, оплаченная дважды, и клиент, которому не помогли с первого раза. Обращение повторено, если тот же клиент обратился снова после него и не позже окна после его решения (или создания); те же данные дают решение с первого обращения (`target fcr`, по той же причине `reason`, если она есть в выгрузке) и смену каналов.
explain-tier-without-value =
    .summary = Уровни противоречат ценности клиентов сегмента: у лучшего уровня средний чек ниже, чем у худшего (когда их нельзя сравнить по `revenue` ÷ `share` — это делает `pareto-mismatch`), или сегмент с уровнем не указывает ни одной цифры ценности, хотя другие указывают.
    .why = Уровни следуют ценности: первыми обслуживают клиентов, которые приносят больше всего (правило 80/20). Первый уровень для клиентов со средним чеком 1 000 рядом со вторым уровнем при 900 000 ставит в начало очереди не тех клиентов; уровень без цифры за ним — догадка, которую никто не может проверить.
explain-hours-uncovered =
    .summary = Канал открыт, когда не работает ни одна из команд, чьи очереди его принимают (дополнение cxc: `hours` у команды или очереди), — круглосуточная линия трёх центров, которые все закрыты в субботу.
    .why = При работе «по солнцу» линия переходит от центра к центру; где при передаче остаётся разрыв, на звонок некому ответить, и обращение ждёт открытия следующего центра, а норматив считает каждую минуту ожидания. Часы, когда линия открыта, должна покрывать какая-нибудь команда. Находка называет каждый разрыв, который повторяется каждую неделю (ежедневно, по будням), и отдельно — разрывы в отдельные даты (праздники команд, недели перевода часов), каждый с датой.
explain-sla-beyond-channel-hours =
    .summary = Часы (`hours`) SLA идут, когда канал, для которого он задаёт норматив, закрыт (круглосуточный норматив ответа на телефонной линии, работающей в рабочие часы).
    .why = Норматив, который считает ночь на линии, закрывающейся в шесть, нарушается каждым звонком, оставленным на утро. Маршрутизация этого не меняет: в выгрузках маршрутизации нет условий по времени суток, поэтому обращение, поступившее при закрытом канале, ждёт, пока сотрудники выйдут на линию, а часы норматива идут. У норматива и канала должны быть одни часы.
explain-invalid-timezone =
    .summary = `timezone` календаря — не имя IANA («MSK» вместо «Europe/Moscow»).
    .why = Все часы стандартов — таймеры SLA, обещания, измеренные цифры, выгруженные рабочие часы — идут в часовом поясе календаря. По сокращению не видно, когда переводят часы, и системы вроде Zendesk его не принимают, поэтому пояс должен быть из базы IANA.
explain-hourly-cost-uncosted =
    .summary = `cxc measure`: почасовую стоимость (`cost … per hour`) канала или роли нельзя перевести в стоимость обращения для части обращений — в выгрузке у них нет `handle_time`, а у очереди канала нет `aht` (или канал не обслуживает ни одна очередь), — и стоимость обслуживания их не учитывает.
    .why = Час работы стоит денег только через обращения, обработанные за этот час: почасовая стоимость × время обработки (÷ `concurrency` очереди) — это стоимость одного обращения. Без времени обработки из данных или среднего времени обработки очереди обращения нельзя оценить; если промолчать, стоимость обслуживания, стоимость обращения и все построенные на них экономии опирались бы на меньшее число обращений, чем было обработано, или вовсе не учитывали бы почасовую стоимость.
explain-right-conflict =
    .summary = Объявленное право роли ограничивает компенсацию («до 500 без согласования»), а правило жалоб, которое роль ведёт, позволяет ей без согласования компенсировать без суммы или на бо́льшую сумму.
    .why = В должностной инструкции окажутся оба права: написанное вручную и выведенное из правил жалоб, которые ведёт роль. Когда они противоречат друг другу, сотрудник либо нарушает ограничение, либо отказывает в мере, которую обещает стандарт; в обоих случаях клиент сталкивается с правилом, которого компания не имела в виду.
template-error = { $kind ->
        [syntax] шаблон `{ $file }` написан с ошибкой
        [unknown] шаблон `{ $file }` ссылается на то, чего нет
        [fuel] шаблоны исчерпали объём работы, отведённый на одну сборку, в `{ $file }`
        [output] шаблон `{ $file }` выводит или строит больше, чем позволено пользовательскому шаблону
        [unreadable] шаблон `{ $file }` нельзя использовать
       *[failed] шаблон `{ $file }` не сработал при подготовке документа
    } (сообщение minijinja: { $detail })
template-error-syntax-help = исправьте шаблон в этой строке (minijinja пишется как Jinja2: `{"{{ value }}"}`, `{"{% if … %}…{% endif %}"}`) или удалите файл, чтобы работал встроенный шаблон; ничего не записано
template-error-unknown-help = проверьте написание в этой строке: кроме собственных фильтров minijinja cxc добавляет `cell`, `duration`, `number`, `percent`, `decimal`, `date` и `after_colon`, а значения те же, что у встроенного шаблона с тем же именем (начните с его копии); ничего не записано
template-error-fuel-help = на все пользовательские шаблоны одной сборки отведён общий объём работы (для большой спецификации — больше): поищите в этой строке бесконечный цикл или циклы в циклах по всей спецификации; ничего не записано
template-error-output-help = документ пользовательского шаблона может занимать не больше 64 МБ, вся сборка — 512 МБ, одно значение — 16 МБ (и ещё 1 КБ на каждое объявление и шаг): поищите в этой строке цикл, который повторяет или удваивает текст; ничего не записано
template-error-failed-help = в этой строке шаблон требует от значений того, чего они не умеют (сравните его со встроенным шаблоном с тем же именем); ничего не записано
template-error-unreadable-help = `--templates` должен быть папкой с обычными текстовыми файлами в UTF-8 не больше 1 МБ, без символических ссылок внутри; ничего не записано
explain-template-error =
    .summary = `cxc build --templates DIR`: пользовательский шаблон нельзя использовать — он не разбирается, называет несуществующий фильтр или значение, исчерпывает объём работы сборки, выводит больше, чем помещается в документ, падает при выполнении или не является читаемым текстовым файлом. cxc останавливается (код выхода 2) и ничего не записывает.
    .why = Шаблоны пишет любой, кто правит репозиторий. Шаблон, который зацикливается или выводит гигабайты, должен останавливать сборку понятным сообщением, а не занимать машину, а сломанный шаблон не должен оставлять половину документов записанной. Как находка с кодом, файлом и строкой остановка доходит до CI в любом формате, включая SARIF; текст шаблона не цитируется.
