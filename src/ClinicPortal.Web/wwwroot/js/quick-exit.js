// "Leave now" (Features/QuickExit). Loaded in <head> on every page, before anything is drawn:
// 1. after someone left, a portal page reached again with Back/Forward in this tab is swapped for the neutral site
//    before it shows (sessionStorage lives only as long as the tab);
// 2. the Leave now button and the Esc key blank the page at once, end the session in the background and replace
//    the page in the history with the neutral site, so Back does not return to it.
(function () {
    'use strict';
    var KEY = 'quick-exit';
    var html = document.documentElement;

    function stored() { try { return sessionStorage.getItem(KEY); } catch (e) { return null; } }
    function remember(url) { try { sessionStorage.setItem(KEY, url); } catch (e) { } }
    function forget() { try { sessionStorage.removeItem(KEY); } catch (e) { } }

    function reachedThroughHistory() {
        var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation') : [];
        return entries.length > 0 && entries[0].type === 'back_forward';
    }

    function away(url) {
        html.classList.add('quick-exit-leaving');
        window.location.replace(url);
    }

    var left = stored();
    if (left) {
        if (reachedThroughHistory()) { away(left); return; }
        forget(); // a fresh visit: the person came back on purpose
    }
    // A page restored from the back-forward cache runs no script again; catch it here.
    window.addEventListener('pageshow', function (e) {
        var url = stored();
        if (e.persisted && url) away(url);
    });

    var leaving = false;
    function leave(form) {
        if (leaving) return;
        leaving = true;
        var url = form.getAttribute('data-exit-url');
        remember(url);
        html.classList.add('quick-exit-leaving');
        var gone = false;
        function go() { if (!gone) { gone = true; window.location.replace(url); } }
        // Sign out first when the server answers quickly, but never wait long: leaving matters more.
        var timer = setTimeout(go, 1500);
        try {
            fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', keepalive: true, cache: 'no-store' })
                .then(function () { clearTimeout(timer); go(); }, function () { clearTimeout(timer); go(); });
        } catch (e) {
            clearTimeout(timer);
            go();
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        var form = document.querySelector('form[data-quick-exit]');
        if (!form) return;
        form.addEventListener('submit', function (e) { e.preventDefault(); leave(form); });
        document.addEventListener('keydown', function (e) {
            if (e.key === 'Escape' || e.key === 'Esc') { e.preventDefault(); leave(form); }
        });
    });
})();
