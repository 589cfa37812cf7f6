/* Progressive enhancement of claim pages; without this script everything still works.
   Annotated statements: each numbered marker becomes a button that opens its note inline
   (without the script the notes are a numbered list under the quote). Citations: a copy
   button each. Charts: their data tables open for printing. */
(function () {
  "use strict";
  function enhance(block) {
    block.classList.add("fc-js");
    block.querySelectorAll("a.fc-marker").forEach(function (link) {
      var note = document.getElementById(link.hash.slice(1));
      if (!note) { return; }
      var button = document.createElement("button");
      var popup = document.createElement("span");
      button.type = "button";
      button.className = "fc-marker";
      button.textContent = link.textContent;
      button.setAttribute("aria-label", link.getAttribute("aria-label"));
      button.setAttribute("aria-expanded", "false");
      popup.className = "fc-popup";
      popup.id = note.id + "-open";
      popup.hidden = true;
      note.childNodes.forEach(function (child) { popup.appendChild(child.cloneNode(true)); });
      button.setAttribute("aria-controls", popup.id);
      function set(open) {
        button.setAttribute("aria-expanded", String(open));
        popup.hidden = !open;
      }
      button.addEventListener("click", function () { set(button.getAttribute("aria-expanded") !== "true"); });
      button.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { set(false); }
      });
      link.replaceWith(button);
      button.after(popup);
    });
  }
  document.querySelectorAll(".fc-annotated").forEach(enhance);

  /* Citations: a copy button under each, where the clipboard can be written. */
  if (navigator.clipboard) {
    document.querySelectorAll(".fc-cite pre[data-copy-label]").forEach(function (pre) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fc-copy md-button";
      button.textContent = pre.dataset.copyLabel;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(pre.textContent.trim()).then(function () {
          button.textContent = pre.dataset.copiedLabel;
        });
      });
      pre.after(button);
    });
  }
  // A chart's data table is folded away on screen; a printed page carries it open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.fc-chart-data").forEach(function (details) { details.open = true; });
  });
})();
