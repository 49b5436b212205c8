"""Typing into the article editor (Tiptap/ProseMirror) as a person does.

A key the browser moves the caret with (a click, End, Ctrl+End) changes the page's
selection at once; ProseMirror takes it into its own state a moment later, from a
``selectionchange`` task. Enter, list and mark keys act on that state, so a test
that presses Enter straight after End can, on a busy machine, split the block the
caret was in before. A person presses the next key after seeing the caret;
``caret_settled`` waits for the same moment.
"""

CARET_SETTLED = """() => {
    const dom = document.activeElement;
    const selection = document.getSelection();
    if (!dom || !dom.editor || !selection.focusNode || !dom.contains(selection.focusNode)) {
        return false;
    }
    const view = dom.editor.view;
    try {
        const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
        return view.state.selection.head === head;
    } catch (error) {
        return false;
    }
}"""


def caret_settled(page):
    """Wait until the focused editor's own caret is where the browser shows it."""
    page.wait_for_function(CARET_SETTLED)
