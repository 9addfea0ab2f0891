// Opens BPMN files the way bpmn.io does — bpmn-js's viewer in headless
// Chromium — and fails on any import error or warning, and on any named
// element (task, event, lane, sequence flow, the pool) whose name bpmn-js
// does not draw: its label's text in the rendered SVG, whitespace aside (the
// viewer wraps it into lines), must be the name; and on any lane's or task's
// name drawn out of its lane or task. Saves a screenshot of each
// diagram fitted to the window. Prints a JSON report; exits 1 on a failure.
//
//   node check-bpmn.mjs SCREENSHOT_DIR file.bpmn [file.bpmn ...]
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const [shots, ...files] = process.argv.slice(2);
const viewer = readFileSync(createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-viewer.development.js'), 'utf8');
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const report = {};
const failures = [];
try {
  for (const [index, file] of files.entries()) {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const problems = [];
    tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await tab.setContent('<!DOCTYPE html><html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await tab.addScriptTag({ content: viewer });
    const result = await tab.evaluate(async (xml) => {
      const modeler = new window.BpmnJS({ container: '#canvas' });
      try {
        const { warnings } = await modeler.importXML(xml);
        modeler.get('canvas').zoom('fit-viewport');
        const registry = modeler.get('elementRegistry');
        // Each named element and what is drawn of its name: the text of
        // its own graphics (a task's, a lane's) or of its external label
        // (an event's, a flow's), without whitespace.
        const squeeze = (t) => (t || '').replace(/\s+/g, '');
        const named = registry.filter((e) => e.type !== 'label' && e.businessObject && e.businessObject.name);
        const names = named.map((e) => {
          const texts = [e, e.label].filter(Boolean)
            .map((x) => registry.getGraphics(x))
            .filter(Boolean)
            .flatMap((g) => [...g.querySelectorAll('text')]);
          const drawn = texts.map((t) => t.textContent).join('');
          const box = texts.map((t) => t.getBBox()).reduce((a, b) => a + b.width * b.height, 0);
          return { id: e.id, type: e.type, name: e.businessObject.name, drawn, visible: box > 0 };
        });
        // Every lane's and task's name as Chromium draws it lies inside the
        // lane or task (a long owner's title must not spill out of its
        // lane), with a pixel's leeway for antialiasing.
        const spilled = registry
          .filter((e) => (e.type === 'bpmn:Lane' || e.type === 'bpmn:Task') && e.businessObject.name)
          .flatMap((e) => {
            const g = registry.getGraphics(e);
            const shape = g && g.querySelector('.djs-visual > rect');
            if (!shape) return [`${e.type} ${e.id} has no box drawn`];
            const box = shape.getBoundingClientRect();
            return [...g.querySelectorAll('.djs-visual text')]
              .map((t) => t.getBoundingClientRect())
              .filter((r) => r.width > 0 && (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1))
              .map((r) => `${e.type} ${e.id} "${e.businessObject.name}": text at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} outside its box ${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}×${Math.round(box.height)}`);
          });
        return {
          spilled,
          warnings: warnings.map((w) => w.message),
          shapes: registry.filter((e) => !e.waypoints).length,
          connections: registry.filter((e) => !!e.waypoints).length,
          tasks: names.filter((n) => n.type === 'bpmn:Task').length,
          undrawn: names
            .filter((n) => squeeze(n.drawn) !== squeeze(n.name) || !n.visible)
            .map((n) => `${n.type} ${n.id} "${n.name}" drawn as "${n.drawn}"`),
        };
      } catch (e) {
        return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
      }
    }, readFileSync(file, 'utf8'));
    if (result.error) problems.push(`import failed: ${result.error}`);
    for (const w of result.warnings) problems.push(`import warning: ${w}`);
    for (const u of result.undrawn || []) problems.push(`name not drawn: ${u}`);
    for (const u of result.spilled || []) problems.push(`name out of its box: ${u}`);
    // Numbered: generated specs all name their journey `g`.
    const shot = join(shots, `${index}-${basename(file).replace(/\.bpmn$/, '.png')}`);
    await tab.screenshot({ path: shot });
    report[file] = { ...result, problems, screenshot: shot };
    for (const p of problems) failures.push(`${file}: ${p}`);
    await tab.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ files: report, failures }, null, 2));
process.exit(failures.length ? 1 : 0);
