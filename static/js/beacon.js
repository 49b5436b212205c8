// Counts one view of the article on this page: POSTs to the URL in data-beacon.
(function () {
  var el = document.querySelector("[data-beacon]");
  if (!el) return;
  var url = el.getAttribute("data-beacon");
  if (navigator.sendBeacon) { navigator.sendBeacon(url); }
  else { fetch(url, {method: "POST", keepalive: true, credentials: "omit"}); }
})();
