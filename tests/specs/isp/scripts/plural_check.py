import re,sys,glob
forms = {
 'час':('час','часа','часов'),'день':('день','дня','дней'),'минута':('минуты','минуты','минут'),
 'оператор':('оператор','оператора','операторов'),'сотрудник':('сотрудник','сотрудника','сотрудников'),
 'обращение':('обращение','обращения','обращений'),'жалоба':('жалоба','жалобы','жалоб'),'строка':('строка','строки','строк'),
 'клиент':('клиент','клиента','клиентов'),'ответ':('ответ','ответа','ответов'),'интервал':('интервал','интервала','интервалов'),
 'неделя':('неделя','недели','недель'),'раз':('раз','раза','раз'),'случай':('случай','случая','случаев'),'визит':('визит','визита','визитов'),
}
def form(n):
    n=abs(n)
    if n%10==1 and n%100!=11: return 0
    if 2<=n%10<=4 and not 12<=n%100<=14: return 1
    return 2
allw={w:(k,i) for k,fs in forms.items() for i,w in enumerate(fs)}
pat=re.compile(r'(?<![\d,.])(\d[\d\u00a0\u202f ]*)\s+(?:её\s+|его\s+)?([а-яё]+)')
for f in sys.argv[1:]:
    t=open(f,encoding='utf-8',errors='replace').read()
    for m in pat.finditer(t):
        num=m.group(1).replace('\u00a0','').replace('\u202f','').replace(' ','')
        w=m.group(2)
        if w in allw and num.isdigit():
            k,i=allw[w]; exp=forms[k][form(int(num))]
            # genitive contexts ("в течение 5 минут", "из 40 жалоб") make form 2/1 ambiguous; flag only nominative-impossible ones
            if w!=exp and not (w in ('минут','часов','дней','жалоб','обращений','строк','клиентов','ответов','операторов','сотрудников') and form(int(num))==0):
                ctx=t[max(0,m.start()-40):m.end()+20].replace('\n',' ')
                print(f"{f}: '{num} {w}' expected '{exp}': …{ctx}…")
