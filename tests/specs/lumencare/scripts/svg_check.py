import re, sys, html
from xml.etree import ElementTree as ET
src = open(sys.argv[1], encoding='utf-8').read()
m = re.search(r'<svg.*?</svg>', src, re.S)
svg = m.group(0)
root = ET.fromstring(svg)
ns = '{http://www.w3.org/2000/svg}'
vb = [float(x) for x in (root.get('viewBox') or '0 0 %s %s' % (root.get('width'), root.get('height'))).split()]
print('viewBox', vb, 'width', root.get('width'), 'height', root.get('height'))
rects=[]; texts=[]
def walk(e, tx=0, ty=0):
    t = e.get('transform') or ''
    mm = re.match(r'translate\(([-\d.]+)[ ,]*([-\d.]*)\)', t)
    if mm: tx += float(mm[1]); ty += float(mm[2] or 0)
    tag = e.tag.replace(ns,'')
    if tag == 'rect':
        rects.append((tx+float(e.get('x',0)), ty+float(e.get('y',0)), float(e.get('width')), float(e.get('height')), e.get('class')))
    if tag == 'text':
        s = ''.join(e.itertext())
        texts.append((tx+float(e.get('x',0)), ty+float(e.get('y',0)), s, e.get('text-anchor'), e.get('font-size')))
    for c in e: walk(c, tx, ty)
walk(root)
print(len(rects), 'rects', len(texts), 'texts')
for r in rects: print('R', r)
for t in texts: print('T', t)
# overlaps among node rects
bad = 0
for i,a in enumerate(rects):
    for b in rects[i+1:]:
        if a[0] < b[0]+b[2] and b[0] < a[0]+a[2] and a[1] < b[1]+b[3] and b[1] < a[1]+a[3]:
            inside = (a[0]<=b[0] and a[1]<=b[1] and a[0]+a[2]>=b[0]+b[2] and a[1]+a[3]>=b[1]+b[3]) or (b[0]<=a[0] and b[1]<=a[1] and b[0]+b[2]>=a[0]+a[2] and b[1]+b[3]>=a[1]+a[3])
            if not inside: print('OVERLAP', a, b); bad += 1
for r in rects:
    if r[0] < vb[0] or r[1] < vb[1] or r[0]+r[2] > vb[0]+vb[2] or r[1]+r[3] > vb[1]+vb[3]: print('OUTSIDE', r); bad += 1
for t in texts:
    if t[0] < vb[0] or t[1] < vb[1] or t[0] > vb[0]+vb[2] or t[1] > vb[1]+vb[3]: print('TEXT OUTSIDE', t); bad += 1
print('problems', bad)
