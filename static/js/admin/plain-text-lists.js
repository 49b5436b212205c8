/* Plain text pasted into the rich-text editor keeps its lists.

   Text copied from a messenger or a .txt file reaches the editor as text/plain
   only; ProseMirror makes each line a paragraph, so lines starting with «•»,
   «-», «—» or «1.» lost their list. When the pasted text has two or more such
   lines in a row, this script inserts it as HTML instead: each run of bullet
   lines one <ul>, each run of numbered lines one <ol>, every other line a
   paragraph. A single dashed line stays a paragraph (a line of dialogue, «— Да,
   — сказал он.»). Text that comes with its own HTML (a web page, a document)
   is left to the editor, which keeps the lists that HTML has. */
(function () {
  "use strict";

  const BULLET = /^\s*[•●▪◦*\-–—]\s+(\S.*)$/;
  const NUMBERED = /^\s*(\d{1,3})[.)]\s+(\S.*)$/;

  function escaped(text) {
    const element = document.createElement("span");
    element.textContent = text;
    return element.innerHTML;
  }

  // Each line as {kind: "ul" | "ol" | "p" | "blank", text (without its mark), line, number}.
  function parse(text) {
    return text
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((raw) => {
        const line = raw.trim();
        const bullet = raw.match(BULLET);
        if (bullet) {
          return { kind: "ul", text: bullet[1].trim(), line };
        }
        const numbered = raw.match(NUMBERED);
        if (numbered) {
          return { kind: "ol", text: numbered[2].trim(), line, number: Number(numbered[1]) };
        }
        return { kind: line ? "p" : "blank", text: line, line };
      });
  }

  // Consecutive lines of one kind, grouped; paragraphs stay one per line.
  function runs(lines) {
    const found = [];
    for (const line of lines) {
      const last = found[found.length - 1];
      if (last && last.kind === line.kind && line.kind !== "p") {
        last.lines.push(line);
      } else {
        found.push({ kind: line.kind, lines: [line] });
      }
    }
    return found;
  }

  function asHtml(text) {
    let lists = 0;
    const html = runs(parse(text)).map((run) => {
      if (run.kind === "blank") {
        return "";
      }
      if (run.kind === "p" || run.lines.length < 2) {
        // A list of one item is only a line that starts with a mark: kept as typed.
        return run.lines.map((line) => `<p>${escaped(line.line)}</p>`).join("");
      }
      lists += 1;
      const first = run.lines[0].number;
      const start = run.kind === "ol" && first !== 1 ? ` start="${first}"` : "";
      const items = run.lines.map((line) => `<li><p>${escaped(line.text)}</p></li>`).join("");
      return `<${run.kind}${start}>${items}</${run.kind}>`;
    });
    return lists ? html.join("") : null;
  }

  document.addEventListener(
    "paste",
    (event) => {
      const target = event.target instanceof Element ? event.target : event.target.parentElement;
      const view = target && target.closest(".ProseMirror");
      const editor = view && view.editor;
      const data = event.clipboardData;
      if (!editor || !editor.isEditable || !data || data.getData("text/html")) {
        return;
      }
      const html = asHtml(data.getData("text/plain"));
      if (!html) {
        return;
      }
      // Ours, not ProseMirror's: it would make every line a paragraph.
      event.preventDefault();
      event.stopImmediatePropagation();
      editor.chain().focus().insertContent(html).run();
    },
    true,
  );
})();
