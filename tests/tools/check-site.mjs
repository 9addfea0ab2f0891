// Loads pages of a cxc site in headless Chromium and checks what a reader
// would notice: console errors, blocked resources, broken links, an invisible
// diagram or chart, a label cut at the edge, anything executable, and
// accessibility problems axe-core rates serious or critical (with
// `--moderate`, moderate ones too). Prints a JSON report; exits 1 on a
// failure.
//
//   node check-site.mjs SITE_DIR SCREENSHOT_DIR [--moderate] page.html [page.html ...]
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [site, shots, ...pages] = process.argv.slice(2);
const moderate = pages[0] === '--moderate';
if (moderate) pages.shift();
const failing = moderate ? ['moderate', 'serious', 'critical'] : ['serious', 'critical'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
const report = {};
try {
  for (const page of pages) {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    tab.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    tab.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    tab.on('dialog', async (d) => { problems.push(`dialog opened: ${d.message()}`); await d.dismiss(); });
    const url = pathToFileURL(resolve(site, page)).href;
    await tab.goto(url, { waitUntil: 'load' });
    const facts = await tab.evaluate(() => {
      const svg = document.querySelector('svg.journey-map');
      const box = svg ? svg.getBoundingClientRect() : null;
      const handlers = [...document.querySelectorAll('*')]
        .flatMap((e) => [...e.attributes].map((a) => a.name))
        .filter((n) => n.startsWith('on'));
      return {
        title: document.title,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null,
        scripts: document.scripts.length,
        iframes: document.querySelectorAll('iframe, object, embed').length,
        handlers,
        links: [...document.querySelectorAll('a[href]')].map((a) => a.href),
        diagram: box ? { width: box.width, height: box.height } : null,
        navStyled: document.querySelector('nav') ? getComputedStyle(document.querySelector('nav')).display === 'flex' : null,
        charts: [...document.querySelectorAll('figure.chart')].map((f) => {
          const b = f.getBoundingClientRect();
          const bars = [...f.querySelectorAll('svg.bar')].map((s) => s.getBoundingClientRect());
          return { width: b.width, height: b.height, rows: f.querySelectorAll('.row').length, thinnest: Math.min(...bars.map((r) => r.width)) };
        }),
        // Text cut off: an element narrower than its text with its overflow
        // hidden or ellipsised, or text past the page's right edge.
        clipped: [...document.querySelectorAll('main *')].filter((e) => {
          if (!e.childNodes.length || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) return false;
          const style = getComputedStyle(e);
          const cut = e.scrollWidth > e.clientWidth + 1 && (style.overflowX === 'hidden' || style.textOverflow === 'ellipsis');
          const past = e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('figure.diagram, table');
          return cut || past;
        }).map((e) => e.textContent.trim().slice(0, 60)),
      };
    });
    for (const link of facts.links) {
      const target = new URL(link);
      if (target.protocol === 'file:' && !existsSync(fileURLToPath(target))) problems.push(`broken link: ${link}`);
      if (target.protocol === 'javascript:') problems.push(`script link: ${link}`);
    }
    if (!facts.csp || !facts.csp.includes("default-src 'none'")) problems.push('no Content-Security-Policy');
    if (facts.scripts || facts.iframes || facts.handlers.length) problems.push(`executable content: ${JSON.stringify(facts)}`);
    // A site page has a navigation bar its stylesheet lays out; a
    // self-contained report (cxc measure) has neither.
    if (facts.navStyled === false) problems.push('the stylesheet did not apply');
    if (facts.navStyled === null && !page.endsWith('report.html')) problems.push('no navigation bar');
    for (const c of facts.charts) if (c.width < 50 || c.height < 20 || c.thinnest < 20) problems.push(`an invisible chart: ${JSON.stringify(c)}`);
    for (const text of facts.clipped) problems.push(`text cut off: ${text}`);
    // axe-core runs in a second tab that ignores the page's CSP (the page
    // forbids every script, axe included); the checks are on the same DOM.
    const audit = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await audit.goto(url, { waitUntil: 'load' });
    await audit.addScriptTag({ content: axeSource });
    const axe = await audit.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    });
    await audit.close();
    facts.accessibility = axe;
    for (const v of axe) {
      if (failing.includes(v.impact)) problems.push(`accessibility (${v.impact}): ${v.id} on ${v.nodes} element(s): ${v.help}`);
    }
    const shot = join(shots, page.replaceAll('/', '_').replace(/\.html$/, '.png'));
    await tab.screenshot({ path: shot, fullPage: true });
    if (facts.diagram) {
      // On a 1,280-px screen every step is in sight without scrolling, and
      // every text stays inside its box as Chromium sets it (its fonts,
      // not cxc's tables): step titles in their step, labels in their box,
      // lane titles in their lane.
      const map = await tab.evaluate(() => {
        const svg = document.querySelector('svg.journey-map');
        const holder = svg.closest('figure');
        const figure = holder.getBoundingClientRect();
        const out = { steps: 0, hidden: [], overflowing: [], scaled: svg.classList.contains('scaled'), wide: svg.classList.contains('wide'), scrolls: svg.classList.contains('scrolls') };
        // A map too wide to scale legibly scrolls: a step past the
        // figure's right edge is in reach when the figure scrolls to it.
        const scrolling = ['auto', 'scroll'].includes(getComputedStyle(holder).overflowX);
        const reach = out.scrolls && scrolling ? figure.left + holder.scrollWidth : figure.right;
        const inside = (t, x, y, w, h) => { const b = t.getBBox(); return b.x >= x - 1 && b.y >= y - 1 && b.x + b.width <= x + w + 1 && b.y + b.height <= y + h + 1; };
        for (const step of svg.querySelectorAll('g.step')) {
          out.steps += 1;
          const rect = step.querySelector('rect');
          const r = rect.getBoundingClientRect();
          if (r.left < figure.left - 1 || r.right > reach + 1 || r.width < 20) out.hidden.push(step.querySelector('title').textContent.split('\n')[0]);
          const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => +rect.getAttribute(a));
          for (const t of step.querySelectorAll('text')) if (!inside(t, x, y, w, h)) out.overflowing.push(`step text "${t.textContent}"`);
        }
        for (const label of svg.querySelectorAll('g.label')) {
          const [x, y, w, h] = ['data-x', 'data-y', 'data-width', 'data-height'].map((a) => +label.getAttribute(a));
          for (const t of label.querySelectorAll('text')) if (!inside(t, x, y, w, h)) out.overflowing.push(`label "${t.textContent}"`);
        }
        for (const lane of svg.querySelectorAll('g.lane')) {
          const band = lane.previousElementSibling;
          if (!band || band.tagName !== 'rect') continue;
          const [x, w] = [+band.getAttribute('x'), +band.getAttribute('width')];
          for (const t of lane.querySelectorAll('text')) { const b = t.getBBox(); if (b.x < x - 1 || b.x + b.width > x + w + 1) out.overflowing.push(`lane title "${t.textContent}"`); }
        }
        for (const chip of svg.querySelectorAll('g.touchpoint')) {
          const rect = chip.querySelector('rect');
          const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => +rect.getAttribute(a));
          for (const t of chip.querySelectorAll(':scope > text')) if (!inside(t, x, y, w, h)) out.overflowing.push(`channel "${t.textContent}"`);
        }
        return out;
      });
      facts.map = map;
      if (map.hidden.length) problems.push(`steps out of sight: ${map.hidden.join('; ')}`);
      if (map.overflowing.length) problems.push(`text out of its box: ${map.overflowing.join('; ')}`);
      // Printed on A4 (190 mm portrait, 277 mm landscape for a wide map, at
      // 96 dpi): the map's smallest text (11 px) stays at 8 pt or more
      // (a map too wide for that prints in parts of whole lanes).
      const page = map.wide ? 1047 : 718;
      await tab.setViewportSize({ width: page, height: 1000 });
      await tab.emulateMedia({ media: 'print' });
      // A map printed in parts: each part's scale counts, and the map
      // itself is not printed.
      const print = await tab.evaluate(() => {
        const map = document.querySelector('svg.journey-map');
        const parts = [...document.querySelectorAll('svg.journey-map-part')];
        const printed = parts.length ? parts : [map];
        const sizes = printed.map((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const least = Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize)));
          return least * scale * 0.75;
        });
        return {
          parts: parts.length,
          mapShown: getComputedStyle(map).display !== 'none',
          textPt: Math.min(...sizes),
          lanes: map.querySelectorAll('g.lane').length,
        };
      });
      if (print.parts && print.mapShown) problems.push('a map printed in parts is printed whole too');
      facts.print = print;
      if (print.textPt < 7.95) problems.push(`printed, the map's text is ${print.textPt.toFixed(1)} pt`);
      const pdf = shot.replace(/\.png$/, '.pdf');
      await tab.pdf({ path: pdf, preferCSSPageSize: true, format: 'A4', margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
      facts.pdf = pdf;
      // The page sizes (a wide map gets a landscape page) and the printed
      // map's page as an image to look at (Debian's poppler-utils).
      const info = spawnSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
      const sizes = [...(info.stdout || '').matchAll(/Page +(\d+) size: +([\d.]+) x ([\d.]+)/g)].map((m) => ({ page: +m[1], landscape: +m[2] > +m[3] }));
      facts.pages = sizes;
      if (map.wide && !sizes.some((p) => p.landscape)) problems.push('a wide map printed without a landscape page');
      // No blank page: every printed page has some text or some ink on
      // it (the last page of a tall map may hold only its lanes' ends).
      const ink = (n) => {
        const gray = spawnSync('pdftoppm', ['-gray', '-r', '10', '-f', `${n}`, '-l', `${n}`, pdf]);
        if (gray.error || gray.status !== 0) return null;
        const head = gray.stdout.toString('latin1', 0, 40).match(/^P5\s+\d+\s+\d+\s+\d+\s/);
        return head ? gray.stdout.subarray(head[0].length).filter((v) => v < 245).length : null;
      };
      for (const { page: n } of sizes) {
        const text = spawnSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, pdf, '-'], { encoding: 'utf8' });
        if (!text.error && text.status === 0 && !text.stdout.trim() && ink(n) === 0) problems.push(`printed page ${n} is blank`);
      }
      const mapPage = (sizes.find((p) => p.landscape) || sizes[0] || { page: 1 }).page;
      const png = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', `${mapPage}`, '-l', `${mapPage}`, '-singlefile', pdf, pdf.replace(/\.pdf$/, '-printed')]);
      if (png.error || png.status !== 0) problems.push(`pdftoppm could not render ${pdf}: ${png.error ?? png.stderr}`);
      else facts.printed = pdf.replace(/\.pdf$/, '-printed.png');
    }
    report[page] = { ...facts, links: facts.links.length, problems, screenshot: shot };
    for (const p of problems) failures.push(`${page}: ${p}`);
    await tab.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ pages: report, failures }, null, 2));
process.exit(failures.length ? 1 : 0);
