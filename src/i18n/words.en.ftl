
## The measure report (report.md, report.html)

report-duty-acknowledge = acknowledge
report-duty-resolve = resolve
report-duty-escalate = escalate when overdue
report-duty-feedback = tell the customer the outcome

report-target-answer = answer on { $channel }: { $percent } within { $within }
report-target-first-response = first response on { $channel } within { $within }
report-target-resolution-on = resolution on { $channel } within { $within }
report-target-resolution = resolution within { $within }
