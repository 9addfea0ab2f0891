// Starts `cxc lsp` for .cx files: diagnostics, hover, go to definition,
// references, rename, outline, completion, quick fixes and formatting all
// come from the language server; this file only connects VS Code to it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("cxc").get("path") || "cxc";
  client = new LanguageClient(
    "cxc",
    "cxc language server",
    { command, args: ["lsp"] },
    {
      // Unsaved buffers (`untitled:`) are checked too, as a spec of their own.
      documentSelector: [
        { scheme: "file", language: "cx" },
        { scheme: "untitled", language: "cx" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.cx,cxc.yaml}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
