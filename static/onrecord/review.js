/* The review screen's keyboard, selection and speaker autocomplete. Every action is also a plain
   form in the page; this file only makes them one keystroke away. No inline handlers: loaded
   as a static file so a strict Content-Security-Policy holds. */
(function () {
  "use strict";

  var root = document.getElementById("review");
  if (!root) return;
  var peopleUrl = root.getAttribute("data-people-url");
  var articleText = document.getElementById("article-text");

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName));
  }

  function submit(formId) {
    var form = document.getElementById(formId);
    if (!form) return false;
    var button = form.querySelector("button[type=submit]:not([disabled])");
    if (button) button.click();
    else if (!form.querySelector("button[type=submit][disabled]")) form.requestSubmit();
    return true;
  }

  function go(linkId) {
    var link = document.getElementById(linkId);
    if (link) window.location.assign(link.href);
  }

  /* Offsets of the current selection inside the article text, or null. The container's text is
     exactly the article's text, so character counts are offsets into Article.text. */
  function selectionOffsets() {
    if (!articleText) return null;
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    if (!articleText.contains(range.startContainer) || !articleText.contains(range.endContainer)) return null;
    var before = document.createRange();
    before.selectNodeContents(articleText);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    return { start: start, end: start + range.toString().length, words: range.toString() };
  }

  function fillSpan(form, offsets) {
    form.querySelector("[data-role=start]").value = offsets.start;
    form.querySelector("[data-role=end]").value = offsets.end;
  }

  function fixSpan() {
    var offsets = selectionOffsets();
    var form = document.getElementById("span-form");
    if (!offsets || !form) return;
    fillSpan(form, offsets);
    form.requestSubmit();
  }

  /* What the selected words most likely are: inside quotation marks, a direct quote; holding
     quoted words, a mixed statement; otherwise reported speech (the reporter's wording, which
     must not be shown in marks). The analyst can still choose another kind. */
  function kindGuess(offsets) {
    var text = articleText.textContent;
    var before = text.slice(Math.max(0, offsets.start - 2), offsets.start + 1);
    var after = text.slice(Math.max(0, offsets.end - 1), offsets.end + 2);
    if (/[\u201c\u201e\u00ab"]/.test(before) && /[\u201d\u00bb"]/.test(after)) return "direct";
    if (/[\u201c\u201d\u201e\u00ab\u00bb"]/.test(offsets.words)) return "mixed";
    return "indirect";
  }

  function addMissed() {
    var offsets = selectionOffsets();
    var form = document.getElementById("add-form");
    if (!offsets || !form) return;
    fillSpan(form, offsets);
    var kind = kindGuess(offsets);
    var words = offsets.words.trim();
    document.getElementById("add-kind").value = kind;
    document.getElementById("add-words").textContent = kind === "direct" ? "\u201c" + words + "\u201d" : words;
    form.hidden = false;
    document.getElementById("add-speaker").focus();
  }

  if (articleText) {
    document.addEventListener("selectionchange", function () {
      var button = document.getElementById("fix-span");
      if (button) button.disabled = !selectionOffsets();
    });
    var form = document.getElementById("span-form");
    if (form) {
      form.addEventListener("submit", function (event) {
        var offsets = selectionOffsets();
        if (offsets) fillSpan(form, offsets);
        else event.preventDefault();
      });
    }
    var mark = document.getElementById("quote-mark");
    if (mark) mark.scrollIntoView({ block: "center" });
  }

  /* Speaker autocomplete: people and their aliases, plus "new person". */
  function autocomplete(input) {
    var box = input.closest(".autocomplete");
    var list = box.querySelector(".autocomplete-list");
    var idField = box.querySelector("[data-role=speaker-id]");
    var newPerson = box.querySelector("[data-role=new-person]");
    var options = [];
    var active = -1;
    var timer = null;

    function render() {
      list.innerHTML = "";
      options.forEach(function (option, i) {
        var item = document.createElement("li");
        item.setAttribute("role", "option");
        item.id = input.id + "-option-" + i;
        item.className = i === active ? "active" : "";
        item.textContent = option.label;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(item);
      });
      list.hidden = options.length === 0;
      if (active >= 0) input.setAttribute("aria-activedescendant", input.id + "-option-" + active);
    }

    function choose(i) {
      var option = options[i];
      idField.value = option.id || "";
      newPerson.checked = !option.id;
      if (option.id) input.value = option.name;
      options = [];
      render();
      var form = input.form;
      if (form.id === "speaker-form" || form.id === "add-form") form.requestSubmit();
    }

    function fetchPeople() {
      var term = input.value.trim();
      if (term.length < 2) {
        options = [];
        render();
        return;
      }
      fetch(peopleUrl + "?q=" + encodeURIComponent(term), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          options = data.results.map(function (person) {
            return { id: person.id, name: person.name, label: person.name + (person.detail ? " \u2014 " + person.detail : "") };
          });
          options.push({ id: null, name: term, label: "New person: " + term });
          active = 0;
          render();
        });
    }

    input.addEventListener("input", function () {
      idField.value = "";
      newPerson.checked = false;
      clearTimeout(timer);
      timer = setTimeout(fetchPeople, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        active = (active + 1) % options.length;
        render();
        event.preventDefault();
      } else if (event.key === "ArrowUp" && options.length) {
        active = (active - 1 + options.length) % options.length;
        render();
        event.preventDefault();
      } else if (event.key === "Enter" && options.length && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        options = [];
        render();
        input.blur();
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-autocomplete=speaker]"), autocomplete);

  var reject = document.getElementById("reject-form");
  if (reject) {
    reject.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.tagName === "SELECT") {
        event.preventDefault();
        reject.requestSubmit();
      }
    });
  }

  var help = document.getElementById("review-help");
  var helpToggle = document.getElementById("review-help-toggle");
  function toggleHelp() {
    help.hidden = !help.hidden;
    helpToggle.setAttribute("aria-expanded", String(!help.hidden));
  }
  if (helpToggle) helpToggle.addEventListener("click", toggleHelp);

  var keys = {
    j: function () { go("review-next"); },
    ArrowRight: function () { go("review-next"); },
    k: function () { go("review-previous"); },
    ArrowLeft: function () { go("review-previous"); },
    v: function () { submit("verify-form"); },
    r: function () {
      var reason = document.getElementById("reject-reason");
      if (reason) reason.focus();
    },
    s: function () {
      var speaker = document.getElementById("speaker-name");
      speaker.focus();
      speaker.select();
    },
    f: fixSpan,
    a: addMissed,
    u: function () { submit("undo-form"); },
    "?": toggleHelp,
  };

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && typing(event.target)) {
      event.target.blur();
      return;
    }
    if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    var action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
})();
