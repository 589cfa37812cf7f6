/* The timeline's filter by kind of event; without this script every event shows. */
(function () {
  "use strict";
  var filter = document.querySelector(".fc-timeline-filter");
  if (!filter) { return; }
  var events = Array.prototype.slice.call(document.querySelectorAll(".fc-event[data-kind]"));
  var kinds = [];
  events.forEach(function (event) {
    if (kinds.indexOf(event.dataset.kind) < 0) { kinds.push(event.dataset.kind); }
  });
  var fieldset = document.createElement("fieldset");
  var legend = document.createElement("legend");
  legend.textContent = filter.dataset.label;
  fieldset.appendChild(legend);
  function update() {
    var shown = {};
    fieldset.querySelectorAll("input").forEach(function (box) { shown[box.value] = box.checked; });
    events.forEach(function (event) { event.hidden = !shown[event.dataset.kind]; });
    // A year with nothing left to show loses its heading too.
    document.querySelectorAll(".md-content h2[id^='year-']").forEach(function (heading) {
      var node = heading.nextElementSibling, any = false;
      while (node && node.tagName !== "H2") {
        if (node.classList.contains("fc-event") && !node.hidden) { any = true; }
        node = node.nextElementSibling;
      }
      heading.hidden = !any;
    });
  }
  kinds.forEach(function (kind) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    var sample = document.querySelector(".fc-event[data-kind='" + kind + "'] .fc-event__when");
    box.type = "checkbox";
    box.value = kind;
    box.checked = true;
    box.addEventListener("change", update);
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + (sample ? sample.textContent.split("·").pop().trim() : kind)));
    fieldset.appendChild(label);
  });
  filter.appendChild(fieldset);
  filter.hidden = false;
})();
