/* The translators' workspace (templates/admin/articles/article/workspace.html).

   - While the cursor is in Kazakh body block n, Russian block n is highlighted
     and scrolled beside it (wide screens) or to the top of the sticky Russian
     pane (narrow screens). Blocks pair up by position.
   - The Kazakh blocks whose Russian block changed since the translation are
     marked; when the two bodies have different numbers of blocks, it says so.
   - Keys: Alt+Down / Alt+Up jump to the next / previous marked block;
     Ctrl+S (Cmd+S) saves and keeps editing; a click on a Russian block puts
     the cursor in its Kazakh block.
   - Typed text is never lost: leaving with unsaved changes asks first, and a
     copy is kept in this browser until the text is saved. */
(function () {
  "use strict";

  const workspace = document.getElementById("translation-workspace");
  if (!workspace) {
    return;
  }
  const form = workspace.closest("form");
  const ruBody = document.getElementById("ws-ru-body");
  const kkBox = document.getElementById("ws-kk-body");
  const ruBlocks = Array.from(ruBody.querySelectorAll("[data-block]"));
  const changed = (workspace.dataset.changedBlocks || "")
    .split(",")
    .filter(Boolean)
    .map(Number);
  const mismatch = kkBox.querySelector(".ws-mismatch");
  const markStyle = document.createElement("style");
  document.head.appendChild(markStyle);
  let root = null;
  let current = -1;
  let pending = false;

  function interpolate(text, values) {
    return text.replace(/\{(\w+)\}/g, (match, name) => String(values[name]));
  }

  // Blocks ---------------------------------------------------------------

  function kkBlocks() {
    if (!root) {
      return [];
    }
    return Array.from(root.children).filter(
      (element) => !/(^|\s)ProseMirror-/.test(element.className || "")
    );
  }

  function blockIndexOf(node) {
    while (node && node.parentNode !== root) {
      node = node.parentNode;
    }
    return node ? kkBlocks().indexOf(node) : -1;
  }

  function isWide() {
    const pair = ruBody.closest(".ws-pair--body");
    return getComputedStyle(pair).gridTemplateColumns.split(" ").length > 1;
  }

  function keepInPane(block) {
    const pane = ruBody.getBoundingClientRect();
    const top = Math.max(pane.top, 0);
    const bottom = Math.min(pane.bottom, window.innerHeight);
    const rect = block.getBoundingClientRect();
    if (rect.top < top) {
      ruBody.scrollTop -= top - rect.top;
    } else if (rect.bottom > bottom) {
      ruBody.scrollTop += Math.min(rect.bottom - bottom, rect.top - top);
    }
  }

  function showRussian(index) {
    const block = ruBlocks[index];
    ruBlocks.forEach((element) => element.classList.toggle("ws-current", element === block));
    if (!block) {
      return;
    }
    const kkBlock = kkBlocks()[index];
    const pane = ruBody.getBoundingClientRect();
    const rect = block.getBoundingClientRect();
    if (isWide() && kkBlock) {
      // Side by side: the Russian block level with its Kazakh block.
      const target = Math.max(kkBlock.getBoundingClientRect().top, pane.top, 0);
      ruBody.scrollTop += rect.top - target;
    } else {
      ruBody.scrollTop += rect.top - pane.top - 4;
    }
    keepInPane(block);
  }

  function follow() {
    pending = false;
    const selection = document.getSelection();
    if (!root || !selection || !selection.anchorNode || !root.contains(selection.anchorNode)) {
      return;
    }
    current = blockIndexOf(selection.anchorNode);
    showRussian(current);
  }

  function scheduleFollow() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(follow);
    }
  }

  // Marks and the block-count check ----------------------------------------

  function refreshMarks() {
    const blocks = kkBlocks();
    const children = root ? Array.from(root.children) : [];
    const rules = changed
      .filter((index) => index < blocks.length)
      .map(
        (index) =>
          `#ws-kk-body .ProseMirror[contenteditable] > :nth-child(${children.indexOf(blocks[index]) + 1})`
      );
    // The editor's own CSS makes every inner element inherit the background:
    // once is enough for a translucent mark.
    markStyle.textContent = rules.length
      ? `${rules.join(",\n")} { box-shadow: inset 3px 0 0 #e0a800; background: rgba(255, 193, 7, 0.14); }\n` +
        `${rules.map((rule) => `${rule} *`).join(",\n")} { background: transparent; }`
      : "";
    const empty = blocks.length <= 1 && !(root && root.textContent.trim());
    const differ = !empty && ruBlocks.length !== blocks.length;
    mismatch.hidden = !differ;
    if (differ) {
      mismatch.textContent = interpolate(workspace.dataset.mismatch, {
        ru: ruBlocks.length,
        kk: blocks.length,
      });
    }
  }

  // Moving the cursor ------------------------------------------------------

  function editor() {
    return root && root.editor;
  }

  function focusKazakhBlock(index) {
    const block = kkBlocks()[index];
    const instance = editor();
    if (!block || !instance) {
      return;
    }
    const position = instance.view.posAtDOM(block, 0);
    // Focus now, not with Tiptap's focus(), which focuses on the next frame and
    // would then put the caret back at the block's start over keys typed since.
    instance.view.focus();
    instance.chain().setTextSelection(position).scrollIntoView().run();
    block.scrollIntoView({ block: "nearest" });
    scheduleFollow();
  }

  function jump(step) {
    const marked = changed.filter((index) => index < kkBlocks().length);
    const next =
      step > 0
        ? marked.find((index) => index > current)
        : marked.filter((index) => index < current).pop();
    if (next !== undefined) {
      focusKazakhBlock(next);
    }
  }

  ruBody.addEventListener("click", (event) => {
    const block = event.target.closest("[data-block]");
    if (block && !document.getSelection().toString()) {
      focusKazakhBlock(Number(block.dataset.block));
    }
  });

  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      const button = form.querySelector("input[name=_continue]") || form.querySelector("[type=submit]");
      if (button) {
        button.click();
      }
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      if (root && root.contains(event.target)) {
        event.preventDefault();
        jump(event.key === "ArrowDown" ? 1 : -1);
      }
    }
  });

  // Never losing typed text ----------------------------------------------------

  const fields = ["title_kk", "lead_kk", "body_kk"]
    .map((name) => form.elements.namedItem(name))
    .filter(Boolean);
  const articleId = (window.location.pathname.match(/\/(\d+)\/change\//) || [])[1];
  const draftKey = `newsroom:kk-draft:${articleId}`;
  let initial = null;
  let submitting = false;

  function values() {
    const result = {};
    fields.forEach((field) => {
      result[field.name] = field.value;
    });
    return result;
  }

  // The server stores the text its own way (a list item's paragraph unwrapped,
  // a no-break space inside "15 970"): two values are the same text when their
  // words, block by block, are.
  function plain(text) {
    return (text || "").replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
  }

  function normalised(name, value) {
    if (name !== "body_kk") {
      return plain(value);
    }
    const body = new DOMParser().parseFromString(value || "", "text/html").body;
    const parts = [];
    Array.from(body.children).forEach((element) => {
      const items = /^(UL|OL)$/.test(element.tagName)
        ? Array.from(element.children)
        : [element];
      items.forEach((item) => parts.push(`${element.tagName}:${plain(item.textContent)}`));
    });
    return parts.filter((part) => !/^[A-Z0-9]+:$/.test(part) || part === "HR:").join("\n");
  }

  function same(a, b) {
    return fields.every(
      (field) => normalised(field.name, a[field.name]) === normalised(field.name, b[field.name])
    );
  }

  function readDraft() {
    try {
      return JSON.parse(window.localStorage.getItem(draftKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function writeDraft() {
    const now = values();
    try {
      if (initial && !same(now, initial)) {
        window.localStorage.setItem(draftKey, JSON.stringify({ time: Date.now(), values: now }));
      }
    } catch (error) {
      /* Private mode or a full storage: the unload warning still protects. */
    }
  }

  function restore(draft) {
    fields.forEach((field) => {
      const value = draft.values[field.name];
      if (value === undefined) {
        return;
      }
      if (field.name === "body_kk" && editor()) {
        editor().commands.setContent(value, true);
      } else {
        field.value = value;
      }
    });
  }

  function offerDraft() {
    const draft = readDraft();
    if (!draft || !draft.values) {
      return;
    }
    if (workspace.dataset.bound) {
      // A refused save shows the typed text again: keep the copy for the
      // reload that brings the newest version.
      if (document.querySelector(".errornote")) {
        const kept = document.createElement("p");
        kept.className = "ws-notice ws-kept";
        kept.setAttribute("role", "status");
        kept.textContent = workspace.dataset.kept;
        workspace.prepend(kept);
      }
      return;
    }
    // The server confirmed a save (its message is on the page) or holds the same
    // text: the copy in this browser has nothing the server does not.
    const saved = document.querySelector(".messagelist .success");
    if (saved || same(draft.values, initial)) {
      window.localStorage.removeItem(draftKey);
      return;
    }
    const notice = document.createElement("div");
    notice.className = "ws-notice ws-draft";
    notice.setAttribute("role", "alert");
    const time = new Date(draft.time).toLocaleTimeString(document.documentElement.lang || undefined, {
      hour: "2-digit",
      minute: "2-digit",
    });
    const text = document.createElement("p");
    text.textContent = interpolate(workspace.dataset.draft, { time: time });
    const restoreButton = document.createElement("button");
    restoreButton.type = "button";
    restoreButton.className = "button";
    restoreButton.textContent = workspace.dataset.draftRestore;
    const discardButton = document.createElement("button");
    discardButton.type = "button";
    discardButton.className = "button";
    discardButton.textContent = workspace.dataset.draftDiscard;
    text.append(" ", restoreButton, " ", discardButton);
    notice.append(text);
    workspace.prepend(notice);
    restoreButton.addEventListener("click", () => {
      restore(draft);
      notice.remove();
    });
    discardButton.addEventListener("click", () => {
      window.localStorage.removeItem(draftKey);
      notice.remove();
    });
  }

  form.addEventListener("submit", () => {
    submitting = true;
    writeDraft();
  });
  // A long body is copied at most every half second while typing.
  let draftTimer = 0;
  form.addEventListener("input", () => {
    window.clearTimeout(draftTimer);
    draftTimer = window.setTimeout(writeDraft, 500);
  });
  window.addEventListener("beforeunload", (event) => {
    if (!submitting && initial && !same(values(), initial)) {
      event.preventDefault();
      event.returnValue = workspace.dataset.unsaved;
    }
  });

  // Start when the editor is there (it is made by a module script) -------------

  function start() {
    root = kkBox.querySelector(".ProseMirror[contenteditable]");
    if (!root) {
      return false;
    }
    initial = values();
    document.addEventListener("selectionchange", scheduleFollow);
    root.addEventListener("focus", scheduleFollow);
    new MutationObserver(() => {
      refreshMarks();
      scheduleFollow();
    }).observe(root, { childList: true });
    const setPaneHeight = () =>
      workspace.style.setProperty("--ws-ru-height", `${isWide() ? 0 : ruBody.offsetHeight}px`);
    window.addEventListener("resize", setPaneHeight);
    setPaneHeight();
    refreshMarks();
    offerDraft();
    workspace.classList.add("ws-ready");
    return true;
  }

  if (!start()) {
    const observer = new MutationObserver(() => {
      if (start()) {
        observer.disconnect();
      }
    });
    observer.observe(kkBox, { childList: true, subtree: true });
  }
})();
