// Print buttons on safety plans (a file, not inline: the CSP forbids inline scripts).
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });
})();
