// The check-in form: shows "How?" and "What happened?" only once "Yes, they tried to reach me" is chosen,
// and stops a second tap from sending the form twice. Without this script every field simply stays visible.
(function () {
    "use strict";
    var form = document.querySelector("[data-testid='check-in-form']");
    if (!form) return;

    var details = document.getElementById("contact-details");
    var radios = form.querySelectorAll("input[name='ContactAttempted']");
    var sync = function () {
        var yes = form.querySelector("input[name='ContactAttempted'][value='true']");
        if (details && yes) details.hidden = !yes.checked;
    };
    radios.forEach(function (r) { r.addEventListener("change", sync); });
    sync();

    form.addEventListener("submit", function () {
        var button = form.querySelector("button[type='submit']");
        if (button) {
            // After this submit has started: disabling it earlier would drop the button from the post.
            window.setTimeout(function () { button.disabled = true; }, 0);
        }
    });
})();
