"""cxc lsp driven by a real LSP client (pytest-lsp, on pygls): the binary is
started over stdio as an editor starts it, a shipped example is opened, a
typo is typed, the diagnostic arrives, the quick fix is applied to the file
on disk, and the diagnostic goes away.

Run by .ci/run: CXC_BIN=target/release/cxc pytest tests/editor
"""

import asyncio
import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

CXC = os.environ.get("CXC_BIN", "target/release/cxc")
EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "kitchen"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("kitchen")
    shutil.copytree(EXAMPLE, root, dirs_exist_ok=True)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[CXC, "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="kitchen")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, path: pathlib.Path) -> tuple[str, str]:
    """Opens `path` in the client, as an editor does; returns its URI and text."""
    uri, text = path.as_uri(), path.read_text()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="cx", version=1, text=text)
        )
    )
    return uri, text


def apply(text: str, edits) -> str:
    """Applies text edits (the example is ASCII around them)."""
    lines = text.splitlines(keepends=True)

    def offset(position):
        return sum(len(l) for l in lines[: position.line]) + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def diagnostics_for(client: LanguageClient, uri: str, expect):
    """The diagnostics of `uri` once `expect` holds for them (10 s at most):
    the server publishes after each change, in order."""
    for _ in range(200):
        published = client.diagnostics.get(uri)
        if published is not None and expect(published):
            return published
        await asyncio.sleep(0.05)
    raise AssertionError(f"diagnostics of {uri}: {client.diagnostics.get(uri)}")


@pytest.mark.asyncio(loop_scope="function")
async def test_a_typo_is_reported_and_its_quick_fix_repairs_the_file(client: LanguageClient, workspace):
    path = workspace / "journeys.cx"
    uri, original = open_document(client, path)
    assert await diagnostics_for(client, uri, lambda d: len(d) == 0) is not None

    # The user types a typo.
    typo = original.replace("owner design", "owner desgn", 1)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=typo)],
        )
    )
    found = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    assert [d.code for d in found] == ["unknown-reference"], found
    assert "did you mean `design`?" in found[0].message

    # Hover on the finding explains the rule.
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=found[0].range.start)
    )
    assert "unknown-reference" in hover.contents.value

    # The quick fix, applied as the editor applies it, and saved.
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=found[0].range,
            context=types.CodeActionContext(diagnostics=found),
        )
    )
    fix = next(a for a in actions if a.is_preferred)
    assert fix.title == "Replace with `design`"
    fixed = apply(typo, fix.edit.changes[uri])
    path.write_text(fixed)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert await diagnostics_for(client, uri, lambda d: len(d) == 0) is not None
    assert path.read_text() == original


@pytest.mark.asyncio(loop_scope="function")
async def test_go_to_definition_crosses_files(client: LanguageClient, workspace):
    uri, text = open_document(client, workspace / "journeys.cx")
    line = next(i for i, l in enumerate(text.splitlines()) if l.strip() == "owner design")
    character = text.splitlines()[line].index("design") + 1
    found = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    locations = found if isinstance(found, list) else [found]
    assert locations[0].uri == (workspace / "organisation.cx").as_uri()


@pytest.mark.asyncio(loop_scope="function")
async def test_an_unsaved_buffer_gets_diagnostics(client: LanguageClient):
    # A new editor tab, never saved: checked as a spec of its own.
    uri = "untitled:Untitled-1"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri,
                language_id="cx",
                version=1,
                text='team t { lead nobody }\nrole r { team t; duty "Help" }\n',
            )
        )
    )
    found = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    assert [d.code for d in found] == ["unknown-reference"], found
