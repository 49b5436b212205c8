// The comment box: a live count of what is typed next to the limit the page
// states under the label. Nothing depends on it: without JavaScript the stated
// limit stays, and the server refuses a longer text with a message and gives
// it back whole. Counted as the server counts: a line break arrives as "\r\n".
(function () {
  var boxes = document.querySelectorAll("textarea[data-max-length]");
  // Digit groups held by a no-break space, as the page writes the limit
  // (Russian and Kazakh alike; browsers lack Kazakh number formats).
  function grouped(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }
  Array.prototype.forEach.call(boxes, function (box) {
    var limit = parseInt(box.getAttribute("data-max-length"), 10);
    if (!limit) return;
    var counter = document.createElement("small");
    counter.className = "field__counter";
    counter.setAttribute("data-char-counter", "");
    box.parentNode.insertBefore(counter, box.nextSibling);
    function update() {
      var typed = Array.from(box.value.trim().replace(/\r?\n/g, "\r\n")).length;
      counter.textContent = grouped(typed) + " / " + grouped(limit);
      counter.classList.toggle("field__counter--over", typed > limit);
    }
    box.addEventListener("input", update);
    update();
  });
})();
