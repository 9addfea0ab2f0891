// The extension's wiring, with VS Code and the language client stubbed: on
// activation it starts `<cxc.path> lsp` for documents of language `cx`.
const assert = require("assert");
const Module = require("module");

const started = [];
class LanguageClient {
  constructor(id, name, server, client) {
    Object.assign(this, { id, name, server, client });
  }
  start() {
    started.push(this);
    return Promise.resolve();
  }
  stop() {
    return Promise.resolve();
  }
  dispose() {}
}
const vscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => (section === "cxc" && key === "path" ? "/opt/cxc" : undefined) }),
    createFileSystemWatcher: (glob) => ({ glob }),
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, ...rest);
};

const extension = require("../extension.js");
const subscriptions = [];
extension.activate({ subscriptions });
assert.strictEqual(started.length, 1);
const client = started[0];
assert.deepStrictEqual(client.server, { command: "/opt/cxc", args: ["lsp"] });
assert.deepStrictEqual(client.client.documentSelector, [
  { scheme: "file", language: "cx" },
  { scheme: "untitled", language: "cx" },
]);
assert.strictEqual(client.client.synchronize.fileEvents.glob, "**/{*.cx,cxc.yaml}");
assert.strictEqual(subscriptions[0], client);

const manifest = require("../package.json");
assert.strictEqual(manifest.contributes.languages[0].id, "cx");
assert.deepStrictEqual(manifest.contributes.languages[0].extensions, [".cx"]);
console.log("✓ the extension starts `cxc lsp` for cx documents");
