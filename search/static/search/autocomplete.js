/* Progressive enhancement of search boxes: suggestions as you type.
   Without JavaScript the box is a plain GET form; with it, inputs carrying
   data-autocomplete get a list of links (titles, themes) fed by that URL.
   ARIA follows the WAI combobox pattern: the input becomes a combobox that
   owns a labelled listbox whose options are the links themselves. */
(function () {
  "use strict";
  var DELAY = 200;

  function enhance(input) {
    var list = document.createElement("ul");
    var timer = null;
    var active = -1;
    list.className = "autocomplete";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels.length ? input.labels[0].textContent : input.name);
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.parentNode.appendChild(list);

    function close() {
      list.hidden = true;
      active = -1;
      input.removeAttribute("aria-activedescendant");
      input.setAttribute("aria-expanded", "false");
    }

    function show(suggestions) {
      list.textContent = "";
      suggestions.forEach(function (suggestion, index) {
        if (!suggestion.url) { return; }
        var item = document.createElement("li");
        var link = document.createElement("a");
        var kind = document.createElement("small");
        item.setAttribute("role", "none");
        link.setAttribute("role", "option");
        link.href = suggestion.url;
        link.id = list.id + "-" + index;
        link.textContent = suggestion.label + " ";
        kind.textContent = suggestion.kind;
        link.appendChild(kind);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = !list.children.length;
      input.setAttribute("aria-expanded", String(!list.hidden));
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < 2) { close(); return; }
      fetch(input.dataset.autocomplete + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) { show(data.suggestions || []); } })
        .catch(close);
    }

    function move(step) {
      var links = list.querySelectorAll("a");
      if (!links.length) { return; }
      if (active >= 0) { links[active].removeAttribute("aria-selected"); }
      active = (active + step + links.length) % links.length;
      links[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", links[active].id);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = list.querySelectorAll("a")[active].href;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("input[data-autocomplete]").forEach(enhance);
})();
