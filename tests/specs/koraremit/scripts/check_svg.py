#!/usr/bin/env python3
"""Parse the journey-map SVG in a site page and check geometry independently:
every step drawn, no overlapping steps, edges not running through steps, labels not on
steps/other labels, everything inside the viewBox, step texts fitting their boxes
(width estimated per character: 0.62 em Latin, 0.75 em other scripts)."""
import sys,re,xml.etree.ElementTree as ET
NS='{http://www.w3.org/2000/svg}'
from fontTools.ttLib import TTFont
_F=TTFont('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'); _CM=_F.getBestCmap(); _HM=_F['hmtx'].metrics; _UPM=_F['head'].unitsPerEm
def est(t,fs):
    # real DejaVu Sans advance widths; characters DejaVu lacks (e.g. Devanagari) at 0.75 em
    w=0
    for c in t:
        g=_CM.get(ord(c))
        w+= _HM[g][0]/_UPM*fs if g else 0.75*fs
    return w
def parse_tr(tr):
    x=y=0
    for m in re.finditer(r'translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)',tr or ''):
        x+=float(m[1]); y+=float(m[2])
    return x,y
def walk(el,ox,oy,out,cls=None):
    dx,dy=parse_tr(el.get('transform')) if el.tag==NS+'g' else (0,0)
    ox+=dx; oy+=dy
    c=el.get('class') or cls
    out.append((el,ox,oy,c))
    for ch in el: walk(ch,ox,oy,out,el.get('class') if el.tag==NS+'g' and el.get('class') else cls)
def overlap(a,b,pad=0):
    return a[0]<b[0]+b[2]-pad and b[0]<a[0]+a[2]-pad and a[1]<b[1]+b[3]-pad and b[1]<a[1]+a[3]-pad
def seg_hits(p,q,r):
    # axis-aligned segment vs rect interior
    x0,y0,w,h=r
    if p[0]==q[0]:
        x=p[0]; lo,hi=sorted((p[1],q[1]))
        return x0<x<x0+w and lo<y0+h and hi>y0
    if p[1]==q[1]:
        y=p[1]; lo,hi=sorted((p[0],q[0]))
        return y0<y<y0+h and lo<x0+w and hi>x0
    return False
def check(path,expected_steps):
    s=open(path,encoding='utf-8').read()
    i=s.find('<svg'); j=s.find('</svg>',i)
    root=ET.fromstring(s[i:j+6])
    vb=[float(v) for v in root.get('viewBox').split()]
    out=[]; walk(root,0,0,out)
    steps=[];edges=[];labels=[];texts=[];problems=[]
    for el,ox,oy,c in out:
        if el.tag==NS+'g' and el.get('class')=='step':
            r=el.find(NS+'rect'); t=el.find(NS+'title').text.split('\n')[0]
            rect=(float(r.get('x'))+ox,float(r.get('y'))+oy,float(r.get('width')),float(r.get('height')))
            steps.append((t,rect))
            for tx in el.findall(NS+'text'):
                w=est(tx.text or '',13)
                if w>rect[2]-4: problems.append(f'text "{tx.text}" (~{w:.0f}px) wider than its step box {rect[2]}')
        if el.tag==NS+'polyline' and c=='edge':
            pts=[tuple(float(v) for v in p.split(',')) for p in el.get('points').split()]
            edges.append((el.get('data-edge'),[(x+ox,y+oy) for x,y in pts]))
        if el.tag==NS+'g' and el.get('class')=='label':
            labels.append((el.get('data-edge'),(float(el.get('data-x'))+ox,float(el.get('data-y'))+oy,float(el.get('data-width')),float(el.get('data-height')))))
        if el.tag==NS+'text':
            fs=float(el.get('font-size') or 13); x=float(el.get('x'))+ox; y=float(el.get('y'))+oy
            if el.get('transform'): continue
            w=est(el.text or '',fs); anchor=el.get('text-anchor')
            x0 = x-w/2 if anchor=='middle' else x
            if x0< vb[0]-1 or x0+w>vb[0]+vb[2]+1 or y>vb[1]+vb[3] or y-fs<vb[1]-1:
                problems.append(f'text "{el.text}" at ({x0:.0f},{y:.0f}) w~{w:.0f} outside viewBox {vb}')
    names=[t for t,_ in steps]
    for e in expected_steps:
        if e not in names: problems.append(f'step "{e}" not drawn')
    for a in range(len(steps)):
        r=steps[a][1]
        if r[0]<vb[0] or r[1]<vb[1] or r[0]+r[2]>vb[0]+vb[2] or r[1]+r[3]>vb[1]+vb[3]: problems.append(f'step {steps[a][0]} outside view')
        for b in range(a+1,len(steps)):
            if overlap(r,steps[b][1]): problems.append(f'steps overlap: {steps[a][0]} / {steps[b][0]}')
    for eid,pts in edges:
        for n in range(len(pts)-1):
            for t,r in steps:
                # allow the first and last segment to touch their own steps
                if seg_hits(pts[n],pts[n+1],r) and not (n==0 or n==len(pts)-2):
                    problems.append(f'edge {eid} segment {pts[n]}->{pts[n+1]} runs through step "{t}"')
    for k,(eid,lb) in enumerate(labels):
        for t,r in steps:
            if overlap(lb,r): problems.append(f'label of edge {eid} overlaps step "{t}"')
        for eid2,lb2 in labels[k+1:]:
            if overlap(lb,lb2): problems.append(f'labels of edges {eid} and {eid2} overlap')
    print(f'{path}: viewBox {vb}, {len(steps)} steps, {len(edges)} edges, {len(labels)} labels')
    for p in problems: print('  PROBLEM',p)
    return problems
if __name__=='__main__':
    import json
    exp=json.loads(sys.argv[2]) if len(sys.argv)>2 else []
    check(sys.argv[1],exp)
