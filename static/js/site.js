// Copy link: the share list's "Copy link" copies the article's address.
// Without JavaScript it stays a plain link to the same address.
(function () {
  var links = document.querySelectorAll("[data-copy-link]");
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard) return;
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(function () {
        link.textContent = link.getAttribute("data-copied");
      });
    });
  });
})();
