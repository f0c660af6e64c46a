// Draws check-ins over time: feeling overall (mood) and the pull to get in touch (urge), both 0-10, with
// setbacks and contact attempts marked on the clinician's chart. The data comes from a JSON block on the
// page (<script type="application/json" id="check-in-data">), which the CSP allows because it never runs.
(function () {
    "use strict";

    var dataBlock = document.getElementById("check-in-data");
    var canvas = document.getElementById("check-in-canvas");
    if (!dataBlock || !canvas || typeof window.Chart === "undefined") return;

    var data = JSON.parse(dataBlock.textContent);
    var container = canvas.closest("[data-testid='check-in-chart']");
    var points = data.points || [];
    var hour = 60 * 60 * 1000;
    var formatDate = function (t) {
        return new Date(t).toLocaleDateString(undefined, { day: "numeric", month: "short" });
    };
    var formatWhen = function (t) {
        return new Date(t).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    };
    var colours = { mood: "#2f6f4f", urge: "#b35c00", setback: "#8e1b3c", contact: "#3d3d9e" };

    var series = function (key) { return points.map(function (p) { return { x: p.t, y: p[key] }; }); };
    var marked = function (flag) {
        return points.filter(function (p) { return p[flag]; }).map(function (p) { return { x: p.t, y: p.urge }; });
    };

    var datasets = [
        { label: data.markers ? "Mood" : "Feeling overall", data: series("mood"), borderColor: colours.mood, backgroundColor: colours.mood,
          borderWidth: 2, pointRadius: 3, tension: 0.2, order: 3 },
        { label: data.markers ? "Urge to break contact" : "Pull to get in touch", data: series("urge"), borderColor: colours.urge,
          backgroundColor: colours.urge, borderWidth: 2, borderDash: [6, 3], pointRadius: 3, tension: 0.2, order: 2 }
    ];
    if (data.markers) {
        datasets.push({ label: "Setback", data: marked("setback"), showLine: false, pointStyle: "crossRot", pointRadius: 9,
            borderWidth: 3, borderColor: colours.setback, backgroundColor: colours.setback, order: 1 });
        datasets.push({ label: "Contact attempt", data: marked("contact"), showLine: false, pointStyle: "triangle", pointRadius: 8,
            borderColor: colours.contact, backgroundColor: colours.contact, order: 1 });
    }

    var first = points.length ? points[0].t : Date.now();
    var last = points.length ? points[points.length - 1].t : Date.now();

    new window.Chart(canvas, {
        type: "line",
        data: { datasets: datasets },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: {
                x: { type: "linear", min: first - 12 * hour, max: last + 12 * hour,
                     ticks: { maxTicksLimit: 6, callback: function (value) { return formatDate(value); } } },
                y: { min: 0, max: 10, ticks: { stepSize: 2 } }
            },
            plugins: {
                legend: {
                    position: "bottom",
                    labels: { usePointStyle: true, filter: function (item, chart) { return chart.datasets[item.datasetIndex].data.length > 0; } }
                },
                tooltip: {
                    callbacks: {
                        title: function (items) { return items.length ? formatWhen(items[0].parsed.x) : ""; },
                        label: function (item) {
                            if (item.dataset.showLine === false) return item.dataset.label;
                            return item.dataset.label + ": " + item.parsed.y + " of 10";
                        }
                    }
                }
            }
        }
    });

    // Stable hooks for tests and assistive checks: what the chart drew.
    if (container) {
        container.setAttribute("data-rendered", "true");
        container.setAttribute("data-points", String(points.length));
        container.setAttribute("data-setbacks", String(marked("setback").length));
        container.setAttribute("data-contacts", String(marked("contact").length));
    }
})();
