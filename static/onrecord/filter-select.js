/* Long admin filters are drop-downs: choosing an entry follows its link (no inline handlers). */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("filter-select")) {
      window.location.assign(event.target.value);
    }
  });
})();
