/* Tag suggestions for the article form's comma-separated tags field.
 * The <datalist> offers whole field values: what is typed before the last
 * comma, followed by an existing tag that matches the last part. */
"use strict";
(function () {
  function setup() {
    var list = document.getElementById("tag-suggestions");
    var input = document.getElementById("id_tags");
    if (!list || !input || !window.fetch) { return; }
    var timer = null;
    var lastQuery = null;

    function fill(prefix, names) {
      list.replaceChildren();
      var typed = prefix.split(",").map(function (part) { return part.trim().toLowerCase(); });
      names.forEach(function (name) {
        if (typed.indexOf(name.toLowerCase()) !== -1) { return; }
        var option = document.createElement("option");
        option.value = prefix + name;
        list.appendChild(option);
      });
    }

    function suggest() {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var prefix = cut === -1 ? "" : value.slice(0, cut + 1) + " ";
      var query = value.slice(cut + 1).trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      var url = list.dataset.url + "?q=" + encodeURIComponent(query);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { tags: [] }; })
        .then(function (data) { fill(prefix, data.tags || []); })
        .catch(function () { /* suggestions are a convenience only */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 150);
    });
    input.addEventListener("focus", suggest);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
