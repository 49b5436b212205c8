/* The rich-text editor's toolbar and block menu in the admin's language.

   django-prose-editor 0.28 translates its dialogs through Django's JavaScript
   catalog (window.gettext), but names its toolbar buttons and block-menu
   entries in English, hard-coded. Our catalog (locale/<lang>/LC_MESSAGES/
   djangojs.po, served by the admin's jsi18n view with the library's own) holds
   those names; this script puts them on the buttons as they are made. */
(function () {
  "use strict";

  const pgettext = window.pgettext || ((context, text) => text);
  // Literal calls, so that makemessages -d djangojs finds every name.
  const names = {
    paragraph: pgettext("rich-text editor", "paragraph"),
    Paragraph: pgettext("rich-text editor", "Paragraph"),
    "heading 2": pgettext("rich-text editor", "heading 2"),
    "heading 3": pgettext("rich-text editor", "heading 3"),
    "Heading 2": pgettext("rich-text editor", "Heading 2"),
    "Heading 3": pgettext("rich-text editor", "Heading 3"),
    "unordered list": pgettext("rich-text editor", "unordered list"),
    "ordered list": pgettext("rich-text editor", "ordered list"),
    blockquote: pgettext("rich-text editor", "blockquote"),
    "horizontal rule": pgettext("rich-text editor", "horizontal rule"),
    bold: pgettext("rich-text editor", "bold"),
    italic: pgettext("rich-text editor", "italic"),
    underline: pgettext("rich-text editor", "underline"),
    strike: pgettext("rich-text editor", "strike"),
    "insert link": pgettext("rich-text editor", "insert link"),
    "remove link": pgettext("rich-text editor", "remove link"),
    undo: pgettext("rich-text editor", "undo"),
    redo: pgettext("rich-text editor", "redo"),
  };

  function translate(menubar) {
    menubar.querySelectorAll("[title], [aria-label]").forEach((element) => {
      ["title", "aria-label"].forEach((attribute) => {
        const value = element.getAttribute(attribute);
        if (value && names[value] && names[value] !== value) {
          element.setAttribute(attribute, names[value]);
        }
      });
    });
    // Block-menu entries: <button class="prose-menubar__option"><h2>Heading 2</h2></button>
    menubar.querySelectorAll(".prose-menubar__option *").forEach((element) => {
      const text = element.textContent;
      if (element.children.length === 0 && names[text] && names[text] !== text) {
        element.textContent = names[text];
      }
    });
  }

  const watched = new WeakSet();

  function watch(menubar) {
    if (watched.has(menubar)) {
      return;
    }
    watched.add(menubar);
    translate(menubar);
    // The block menu's button changes with the block the cursor is in.
    new MutationObserver(() => translate(menubar)).observe(menubar, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title", "aria-label"],
    });
  }

  function scan() {
    document.querySelectorAll(".prose-menubar").forEach(watch);
  }

  // Editors are made by module scripts, after this one: watch for their menubars.
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (!mutation.target.closest || !mutation.target.closest(".ProseMirror")) {
        scan();
        return;
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", scan);
})();
