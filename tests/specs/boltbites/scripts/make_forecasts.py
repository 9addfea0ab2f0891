"""Typical-day 30-minute forecasts for the chat hubs and courier hotlines.
Each file is written in the hub's local time (queue `timezone`)."""
import math, csv, os
OUT = os.path.join(os.path.dirname(__file__), '..', 'spec', 'forecasts')

def bump(t, centre, width, height):
    return height * math.exp(-((t - centre) / width) ** 2)

def diner_chat_per30(lisbon_hour):
    # all three cities' chats as seen from Lisbon clock; lunch ~13:00 LIS/14:00 MAD, dinner ~20:30 LIS
    t = lisbon_hour
    base = 12
    v = base + bump(t, 13.0, 1.2, 90) + bump(t, 20.5, 1.6, 150) + bump(t, 23.5, 1.0, 25)
    if 2 <= t < 9: v = 4 + (8 if t < 3 else 0)
    return v

def write(name, rows):
    with open(os.path.join(OUT, name), 'w', newline='') as f:
        w = csv.writer(f); w.writerow(['start', 'volume'])
        for r in rows: w.writerow(r)

def hm(m): return f"{m//60:02d}:{m%60:02d}"

# chat_ath: Athens 07:00-15:00 (Lisbon 05:00-13:00); Madrid takes the rest from 10:00 MAD (09:00 LIS)
# split: when two hubs overlap, the later hub's forecast takes 40%
rows = []
for m in range(7*60, 15*60, 30):
    lis = (m/60) - 2
    share = 1.0 if lis < 9 else 0.5
    rows.append([hm(m), round(diner_chat_per30(lis + 0.25) * share, 1)])
write('chat_ath.csv', rows)
rows = []
for m in range(10*60, 24*60, 30):
    lis = (m/60) - 1
    share = 0.5 if lis < 13 else (0.7 if lis >= 22 else 1.0)
    rows.append([hm(m), round(diner_chat_per30(lis + 0.25) * share, 1)])
write('chat_mad.csv', rows)
rows = []
for m in list(range(22*60, 24*60, 30)) + list(range(0, 8*60, 30)):
    lis = m/60
    share = 0.3 if 22 <= lis < 23 else 1.0
    rows.append([hm(m), round(diner_chat_per30(lis + 0.25) * share, 1)])
write('chat_lis.csv', rows)

# courier hotlines, local time 11:00-01:00, lunch and dinner peaks
def courier(local, city_scale, lunch, dinner):
    return city_scale * (3 + bump(local, lunch, 1.0, 18) + bump(local, dinner, 1.3, 26))
for name, scale, lunch, dinner in [('courier_pt.csv', 0.8, 13.0, 20.5), ('courier_es.csv', 1.2, 14.25, 21.75), ('courier_gr.csv', 0.7, 14.0, 21.5)]:
    rows = []
    for m in list(range(11*60, 24*60, 30)) + [0, 30]:
        local = m/60 if m >= 11*60 else m/60 + 24
        rows.append([hm(m), round(courier(local + 0.25, scale, lunch, dinner), 1)])
    write(name, rows)
print('ok')
