
## Отчёт об измерении (report.md, report.html)

report-duty-acknowledge = подтвердить получение
report-duty-resolve = решить
report-duty-escalate = эскалировать при просрочке
report-duty-feedback = сообщить клиенту результат

report-target-answer = ответ в канале «{ $channel }»: { $percent } в пределах { $within }
report-target-first-response = первый ответ в канале «{ $channel }» в пределах { $within }
report-target-resolution-on = решение в канале «{ $channel }» в пределах { $within }
report-target-resolution = решение в пределах { $within }
