# Generates contacts.csv with known expected outcomes (see EXPECT printed at end).
import csv
rows = []
def r(id, seg, ch, created, answered='', first_response='', resolved='', note=''):
    rows.append(dict(id=id, segment=seg, channel=ch, created=created, answered=answered, first_response=first_response, resolved=resolved, note=note))
# hospital phone, 24x7, 85% within 30s
r('h1','hospital','phone','2027-01-11T10:00:00+01:00','2027-01-11T10:00:25+01:00', note='in time 25s')
r('h2','hospital','phone','2027-01-11T10:00:00+01:00','2027-01-11T10:00:31+01:00', note='late 31s')
r('h3','hospital','phone','2027-03-28T01:59:50+01:00','2027-03-28T03:00:10+02:00', note='DST jump: 20s elapsed, in time')
r('h4','hospital','phone','2027-01-11T10:00:00+01:00','', note='abandoned = missed')
r('h5','hospital','phone','2027-01-11 10:00:00','2027-01-11 10:00:30', note='no offset -> calendar zone; exactly 30s in time')
# insured phone, mex hours, 80% within 60s (running time)
r('i1','insured','phone','2027-01-11T20:00:00-06:00','2027-01-12T08:00:30-06:00', note='closed at arrival: 30s running -> in time')
r('i2','insured','phone','2027-01-12T18:59:30-06:00','2027-01-13T08:00:45-06:00', note='30s+45s=75s running -> late')
r('i3','insured','phone','2027-01-12T10:00:00-06:00','2027-01-12T10:01:00-06:00', note='60s exactly -> in time')
# private email first_response 1wd on waw
r('p1','private','email','2027-01-08T17:59:00+01:00', first_response='2027-01-11T17:59:00+01:00', note='Fri 17:59 -> due Mon 18:00 -> in time')
r('p2','private','email','2027-01-09T11:00:00+01:00', first_response='2027-01-11T18:30:00+01:00', note='Sat dated opening day -> due Mon 18:00; 18:30 late')
r('p3','private','email','2027-01-05T10:00:00+01:00', first_response='2027-01-07T17:00:00+01:00', note='Tue, Wed 6 Jan holiday -> due Thu 18:00 -> in time')
r('p4','private','email','2027-01-05T10:00:00+01:00', first_response='2027-01-07T18:00:01+01:00', note='due Thu 18:00 -> late by 1s')
# bad rows
r('b1','vip','phone','2027-01-11T10:00:00+01:00','2027-01-11T10:00:05+01:00', note='unknown segment')
r('b2','hospital','fax','2027-01-11T10:00:00+01:00','2027-01-11T10:00:05+01:00', note='unknown channel')
r('b3','hospital','phone','2027-13-45T10:00:00+01:00','2027-01-11T10:00:05+01:00', note='malformed created')
r('b4','hospital','phone','2027-01-11T10:00:00+01:00','2027-01-11T10:00:05+01:00', resolved='2027-01-11T09:00:00+01:00', note='resolved before created')
r('b5','hospital','phone','','2027-01-11T10:00:05+01:00', note='empty created')
with open('/work/audit18/measure/contacts.csv','w',newline='') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0])); w.writeheader(); w.writerows(rows)
print('hospital phone answer: 3/5 expected (h1,h3,h5 in; h2 late, h4 abandoned) = 60.0%')
print('insured phone answer: 2/3 expected = 66.7%')
print('private email first_response: 2/4 expected = 50.0%')
print('bad rows: 5 (b1..b5), none counted')
