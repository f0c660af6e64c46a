// Progress report print view: the Print button opens the browser's print dialog (the CSP forbids inline scripts).
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });
})();
