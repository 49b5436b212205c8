// Comments under an article: the page is the same for every reader (and
// cached); its comments come from a small endpoint of their own. Without
// JavaScript the section keeps its link to the article's comments page.
(function () {
  var section = document.querySelector("[data-comments-block]");
  if (!section || !window.fetch) return;
  fetch(section.getAttribute("data-comments-block"), { credentials: "omit" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then(function (html) {
      section.innerHTML = html;
      var block = section.querySelector("[data-comment-count-label]");
      if (!block) return;
      var label = block.getAttribute("data-comment-count-label");
      Array.prototype.forEach.call(document.querySelectorAll("[data-comment-count]"), function (count) {
        count.textContent = label;
      });
    })
    .catch(function () {
      // The link stays: the reader still reaches the comments.
    });
})();
