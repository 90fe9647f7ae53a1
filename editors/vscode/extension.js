// Starts `argmap lsp` for .argmap files (the language server does all the work).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate() {
  const [command, ...args] = vscode.workspace.getConfiguration("argmap").get("server.command", ["argmap", "lsp"]);
  client = new LanguageClient("argmap", "argmap", { command, args }, { documentSelector: [{ language: "argmap" }] });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
