// modeltranslation opens every language tab on the admin's language (Kazakh
// on /kk/admin/), but its switch beside the page title starts on the first
// language whatever the tabs show. Make the switch say what the tabs show, as
// soon as modeltranslation has put it on the page (on jQuery's ready, which
// may come after the window's load).
"use strict";
(function () {
  function settle(select) {
    const language = document.documentElement.lang.toLowerCase();
    const option = [...select.options].find((item) => item.textContent.trim().toLowerCase() === language);
    if (option) {
      select.value = option.value;
    }
  }

  const present = document.getElementById("modeltranslation-main-switch");
  if (present) {
    settle(present);
    return;
  }
  const observer = new MutationObserver(() => {
    const select = document.getElementById("modeltranslation-main-switch");
    if (select) {
      observer.disconnect();
      settle(select);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("load", () => window.setTimeout(() => observer.disconnect(), 10000));
})();
