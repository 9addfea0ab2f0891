import csv, random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
random.seed(7); EKB = ZoneInfo('Asia/Yekaterinburg')
rows = []
def case(cid, path, start):
    t = start
    for step, dur_h in path:
        rows.append({'case': cid, 'journey': 'спор_показаний', 'step': step, 'entered': t.isoformat(timespec='seconds'), 'left': ''})
        t += timedelta(hours=dur_h)
    return t
for i in range(40):
    s = datetime(2026, 11, 2, 9, tzinfo=EKB) + timedelta(hours=random.randint(0, 24*20))
    kind = i % 5
    if kind == 0: path = [('приём_заявления', 10), ('проверка_показаний', 50), ('перерасчёт', 30), ('информирование', 5)]
    elif kind == 1: path = [('приём_заявления', 20), ('проверка_показаний', 80), ('отказ', 40), ('информирование', 30)]
    elif kind == 2: path = [('приём_заявления', 10), ('проверка_показаний', 20), ('запрос_показаний', 20), ('новые_показания', 100), ('проверка_показаний', 30), ('перерасчёт', 20), ('информирование', 10)]
    elif kind == 3: path = [('приём_заявления', 10), ('проверка_показаний', 30), ('выезд_контролёра', 200), ('отказ', 20), ('информирование', 10)]
    else: path = [('приём_заявления', 10), ('проверка_показаний', 30), ('информирование', 10)]  # deviation: skips the decision
    case(f'СП-{i+1:03d}', path, s)
# a case stuck at the visit since early November (dropped: visit within 7d passed)
case('СП-900', [('приём_заявления', 10), ('проверка_показаний', 30), ('выезд_контролёра', 0)], datetime(2026, 11, 3, 9, tzinfo=EKB))
# a bad row: unknown step, the whole case must be set aside
case('СП-901', [('приём_заявления', 10), ('проверка', 30), ('перерасчёт', 10), ('информирование', 2)], datetime(2026, 11, 5, 9, tzinfo=EKB))
random.shuffle(rows)
with open('/work/audit14/data/случаи_ноябрь.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=['case', 'journey', 'step', 'entered', 'left']); w.writeheader(); w.writerows(rows)
print(len(rows))
