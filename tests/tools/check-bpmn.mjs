// Opens BPMN files the way bpmn.io does — bpmn-js's viewer in headless
// Chromium — and fails on any import error or warning, or a text drawn out
// of its box (task names, lane and pool titles, outside labels); saves a screenshot of
// each diagram fitted to the window. Prints a JSON report; exits 1 on a failure.
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
  for (const file of files) {
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
        // Every text inside its box as Chromium sets it: a task's name in
        // the task, a lane's or the pool's title in its 30-px strip, an
        // outside label in the bounds cxc wrote for it.
        const canvas = modeler.get('canvas');
        const vb = canvas.viewbox();
        const c = document.querySelector('#canvas').getBoundingClientRect();
        const overflowing = [];
        for (const el of registry.getAll()) {
          const type = el.type === 'label' ? 'label' : el.businessObject.$type;
          const strip = type === 'bpmn:Lane' || type === 'bpmn:Participant';
          if (el.waypoints || !(strip || type === 'bpmn:Task' || type === 'label')) continue;
          const text = registry.getGraphics(el).querySelector('.djs-visual > text');
          if (!text || !text.textContent) continue;
          const box = { x: el.x, y: el.y, width: strip ? 30 : el.width, height: el.height };
          const t = text.getBoundingClientRect();
          const left = c.left + (box.x - vb.x) * vb.scale;
          const top = c.top + (box.y - vb.y) * vb.scale;
          const slack = 1.5 * vb.scale;
          if (t.left < left - slack || t.top < top - slack
            || t.right > left + box.width * vb.scale + slack
            || t.bottom > top + box.height * vb.scale + slack) {
            overflowing.push(`${type} ${el.id}: "${text.textContent}"`);
          }
        }
        return {
          overflowing,
          warnings: warnings.map((w) => w.message),
          shapes: registry.filter((e) => !e.waypoints).length,
          connections: registry.filter((e) => !!e.waypoints).length,
        };
      } catch (e) {
        return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
      }
    }, readFileSync(file, 'utf8'));
    if (result.error) problems.push(`import failed: ${result.error}`);
    for (const w of result.warnings) problems.push(`import warning: ${w}`);
    for (const o of result.overflowing || []) problems.push(`text out of its box: ${o}`);
    const shot = join(shots, basename(file).replace(/\.bpmn$/, '.png'));
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
