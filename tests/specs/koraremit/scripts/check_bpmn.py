#!/usr/bin/env python3
"""BPMN DI check: every step a task with a shape, no two flow-node shapes overlap, every shape inside its lane,
every sequence flow has an edge, labels of edges not over shapes."""
import sys,xml.etree.ElementTree as ET
ns={'b':'http://www.omg.org/spec/BPMN/20100524/MODEL','di':'http://www.omg.org/spec/BPMN/20100524/DI','dc':'http://www.omg.org/spec/DD/20100524/DC'}
t=ET.parse(sys.argv[1]).getroot()
names={e.get('id'):(e.tag.split('}')[1],e.get('name')) for e in t.iter() if e.get('id')}
sh={}
for s in t.iter('{%s}BPMNShape'%ns['di']):
    b=s.find('dc:Bounds',ns); sh[s.get('bpmnElement')]=tuple(float(b.get(k)) for k in ('x','y','width','height'))
lab=[]
for e in t.iter('{%s}BPMNEdge'%ns['di']):
    l=e.find('di:BPMNLabel/dc:Bounds',ns)
    if l is not None: lab.append((e.get('bpmnElement'),tuple(float(l.get(k)) for k in ('x','y','width','height'))))
nodes={k:v for k,v in sh.items() if names.get(k,('',))[0] not in ('lane','participant')}
lanes={k:v for k,v in sh.items() if names.get(k,('',))[0]=='lane'}
def ov(a,b): return a[0]<b[0]+b[2] and b[0]<a[0]+a[2] and a[1]<b[1]+b[3] and b[1]<a[1]+a[3]
probs=[]
ks=list(nodes)
for i in range(len(ks)):
    for j in range(i+1,len(ks)):
        if ov(nodes[ks[i]],nodes[ks[j]]): probs.append(f'overlap {names[ks[i]]} / {names[ks[j]]}')
for k,v in nodes.items():
    if not any(v[0]>=l[0] and v[1]>=l[1] and v[0]+v[2]<=l[0]+l[2] and v[1]+v[3]<=l[1]+l[3] for l in lanes.values()): probs.append(f'{names[k]} not inside a lane')
for e,l in lab:
    for k,v in nodes.items():
        if ov(l,v): probs.append(f'label of {names.get(e)} over {names[k]}')
flows=[k for k,v in names.items() if v[0]=='sequenceFlow']
edges={e.get('bpmnElement') for e in t.iter('{%s}BPMNEdge'%ns['di'])}
for f in flows:
    if f not in edges: probs.append(f'flow {f} has no edge')
tasks=[v[1] for k,v in names.items() if v[0].endswith('ask') and k in sh]
print(sys.argv[1],'tasks',len(tasks),'shapes',len(nodes),'flows',len(flows),'labels',len(lab))
for p in probs: print('  PROBLEM',p)
