// Counts one view of the article on this page: POSTs to the URL in data-beacon.
// No cookie and no third party: the server drops bots and repeat views.
// The answer carries the article's current count, which replaces the number
// the page cache kept; without JavaScript the page keeps its number.
(function () {
  var el = document.querySelector("[data-beacon]");
  if (!el) return;
  var url = el.getAttribute("data-beacon") + "?lang=" + encodeURIComponent(document.documentElement.lang || "");
  var shown = el.querySelector(".meta__views");
  function show(answer) {
    if (shown && answer && typeof answer.text === "string") shown.textContent = answer.text;
  }
  function send() {
    if (window.fetch) {
      fetch(url, {method: "POST", keepalive: true, credentials: "omit"})
        .then(function (response) { return response.ok && response.status === 200 ? response.json() : null; })
        .then(show)
        .catch(function () {});
    } else if (navigator.sendBeacon) {
      navigator.sendBeacon(url);
    }
  }
  // A page prerendered by the browser is counted only when the reader opens it.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, {once: true});
  } else {
    send();
  }
})();
