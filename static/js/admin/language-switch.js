// modeltranslation opens every language tab on the admin's language (Kazakh
// on /kk/admin/), but its switch beside the page title starts on the first
// language whatever the tabs show. Make the switch say what the tabs show.
"use strict";
window.addEventListener("load", () => {
  const select = document.getElementById("modeltranslation-main-switch");
  if (!select) {
    return;
  }
  const language = document.documentElement.lang.toLowerCase();
  const option = [...select.options].find((item) => item.textContent.trim().toLowerCase() === language);
  if (option) {
    select.value = option.value;
  }
});
