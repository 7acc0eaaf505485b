/* The article change page follows the pipeline: while a fetch or an extraction runs, the
   "Pipeline" line refreshes every two seconds and the page reloads once the run has ended. */
(function () {
  "use strict";
  var POLL_MS = 2000;
  document.addEventListener("DOMContentLoaded", function () {
    var line = document.getElementById("article-progress");
    if (!line || !line.getAttribute("data-running")) return;
    function poll() {
      fetch(line.getAttribute("data-url"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (state) {
          line.textContent = state.label;
          if (state.running) window.setTimeout(poll, POLL_MS);
          else window.location.reload();
        });
    }
    window.setTimeout(poll, POLL_MS);
  });
})();
