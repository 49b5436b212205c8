// Counts one view of the article on this page: POSTs to the URL in data-beacon.
// No cookie and no third party: the server drops bots and repeat views.
(function () {
  var el = document.querySelector("[data-beacon]");
  if (!el) return;
  var url = el.getAttribute("data-beacon");
  function send() {
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    if (window.fetch) fetch(url, {method: "POST", keepalive: true, credentials: "omit"});
  }
  // A page prerendered by the browser is counted only when the reader opens it.
  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, {once: true});
  } else {
    send();
  }
})();
