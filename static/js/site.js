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

// Most read: "24 hours" and "7 days" become two tabs over one list.
// Without JavaScript both lists show, one under the other.
(function () {
  var panels = document.querySelectorAll("[data-period-tab]");
  if (panels.length < 2) return;
  var tablist = document.createElement("div");
  tablist.className = "most-read__tabs";
  tablist.setAttribute("role", "tablist");
  var tabs = [];

  function select(index, focus) {
    tabs.forEach(function (tab, position) {
      var selected = position === index;
      tab.setAttribute("aria-selected", selected ? "true" : "false");
      tab.tabIndex = selected ? 0 : -1;
      panels[position].hidden = !selected;
    });
    if (focus) tabs[index].focus();
  }

  Array.prototype.forEach.call(panels, function (panel, index) {
    var heading = panel.querySelector(".most-read__period");
    var tab = document.createElement("button");
    tab.type = "button";
    tab.className = "most-read__tab";
    tab.id = "most-read-tab-" + index;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", "most-read-panel-" + index);
    tab.textContent = heading.textContent;
    heading.hidden = true;
    panel.id = "most-read-panel-" + index;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    tab.addEventListener("click", function () { select(index, false); });
    tab.addEventListener("keydown", function (event) {
      var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      select((index + step + tabs.length) % tabs.length, true);
    });
    tabs.push(tab);
    tablist.appendChild(tab);
  });
  panels[0].parentNode.insertBefore(tablist, panels[0]);
  select(0, false);
})();

// Rubric menu: on a narrow screen it scrolls sideways. A fade with an arrow at
// an edge says there is more that way (static/css/site.css, ".rubric-menu").
(function () {
  var menu = document.querySelector(".rubric-menu");
  var list = menu && menu.querySelector("ul");
  if (!list) return;
  menu.setAttribute("data-scroll-hint", "");
  function update() {
    menu.toggleAttribute("data-more-before", list.scrollLeft > 2);
    menu.toggleAttribute("data-more-after", list.scrollLeft + list.clientWidth < list.scrollWidth - 2);
  }
  list.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
  update();
})();
