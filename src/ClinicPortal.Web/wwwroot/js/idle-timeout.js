// Idle sign-out warning. The server ends a session after the clinic's idle time without a request
// (see Security/IdleSessions.cs); this shows a warning shortly before, offers to stay signed in, and
// leaves the page for the sign-in screen when the time is up, so nothing stays on an unattended screen.
(function () {
    'use strict';
    var box = document.getElementById('idle-warning');
    if (!box) return;

    var warnBefore = parseInt(box.getAttribute('data-warning-seconds'), 10) || 120;
    var statusUrl = box.getAttribute('data-status-url');
    var keepAliveUrl = box.getAttribute('data-keep-alive-url');
    var timedOutUrl = box.getAttribute('data-timed-out-url');
    var countdown = document.getElementById('idle-countdown');
    var stay = document.getElementById('idle-stay');
    var leaveNow = document.getElementById('idle-leave');
    var warnTimer = null, endTimer = null, tick = null, endsAt = 0, leaving = false;

    function token() {
        var input = document.querySelector('form[action="/account/sign-out"] input[name="__RequestVerificationToken"]');
        return input ? input.value : '';
    }

    function schedule(secondsLeft) {
        clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick);
        endsAt = Date.now() + secondsLeft * 1000;
        var warnIn = Math.max(0, secondsLeft - Math.min(warnBefore, secondsLeft / 2));
        warnTimer = setTimeout(check, warnIn * 1000);
        endTimer = setTimeout(end, secondsLeft * 1000);
    }

    // Another tab may have kept the session alive: ask the server (this does not extend it) before warning.
    function check() {
        if (leaving) return;
        fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' })
            .then(function (r) { return r.ok ? r.json() : { remainingSeconds: 0 }; })
            .then(function (s) {
                if (s.remainingSeconds > warnBefore + 5) { hide(); schedule(s.remainingSeconds); }
                else if (s.remainingSeconds <= 0) { leave(); }
                else { schedule(s.remainingSeconds); show(); }
            })
            .catch(show);
    }

    function show() {
        box.hidden = false;
        clearInterval(tick);
        render();
        tick = setInterval(render, 1000);
        stay.focus();
    }

    function hide() {
        box.hidden = true;
        clearInterval(tick);
    }

    function render() {
        var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
        countdown.textContent = Math.floor(left / 60) + ':' + ('0' + (left % 60)).slice(-2);
    }

    function end() {
        if (leaving) return;
        fetch(statusUrl, { credentials: 'same-origin', cache: 'no-store' })
            .then(function (r) { return r.ok ? r.json() : { remainingSeconds: 0 }; })
            .then(function (s) {
                if (s.remainingSeconds > 0) { schedule(s.remainingSeconds); if (s.remainingSeconds > warnBefore) hide(); }
                else leave();
            })
            .catch(leave);
    }

    // Time is up: go to the page that clears the expired cookie and explains (once, however it was reached).
    function leave() {
        if (leaving) return;
        leaving = true;
        clearTimeout(warnTimer); clearTimeout(endTimer); clearInterval(tick);
        window.location.assign(timedOutUrl);
    }

    stay.addEventListener('click', function () {
        fetch(keepAliveUrl, { method: 'POST', credentials: 'same-origin', headers: { 'RequestVerificationToken': token() } })
            .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
            .then(function (s) { hide(); schedule(s.remainingSeconds); })
            .catch(leave);
    });

    leaveNow.addEventListener('click', function () {
        var form = document.querySelector('form[action="/account/sign-out"]');
        if (form) form.submit(); else leave();
    });

    schedule(parseInt(box.getAttribute('data-session-seconds'), 10) || 0);
})();
