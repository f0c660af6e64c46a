// Draws a client's stage path as a step chart (stages on the y axis, time on the x axis) with
// regressions marked. The data comes from a JSON block on the page (<script type="application/json">),
// which the CSP allows because it is never executed. Loaded as a file: inline scripts are forbidden.
(function () {
    "use strict";

    var dataBlock = document.getElementById("progress-data");
    var canvas = document.getElementById("progress-canvas");
    if (!dataBlock || !canvas || typeof window.Chart === "undefined") return;

    var data = JSON.parse(dataBlock.textContent);
    var container = canvas.closest("[data-testid='progress-chart']");
    var day = 24 * 60 * 60 * 1000;
    var toTime = function (iso) { return Date.parse(iso + "T00:00:00Z"); };
    var names = {};
    data.stages.forEach(function (s) { names[s.position] = s.name; });
    var formatDate = function (t) {
        return new Date(t).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    };

    var path = data.points.map(function (p) { return { x: toTime(p.date), y: p.position, point: p }; });
    // Carry the current stage on to today, so the time spent in it shows as a flat line.
    if (path.length > 0 && toTime(data.today) > path[path.length - 1].x) {
        path.push({ x: toTime(data.today), y: path[path.length - 1].y, point: null });
    }
    var markers = function (kind) {
        return path.filter(function (p) { return p.point && p.point.regression === kind; });
    };

    var colours = { path: "#3d6fb6", earlier: "#c0392b", relapse: "#8e44ad", signal: "#d68910" };
    var datasets = [
        {
            label: "Stage",
            data: path,
            stepped: true,
            borderColor: colours.path,
            backgroundColor: colours.path,
            borderWidth: 2,
            pointRadius: path.map(function (p) { return p.point ? 4 : 0; }),
            pointHoverRadius: 6,
            order: 3,
            clip: false // the first point sits on the y axis: draw it whole
        },
        {
            label: "Back to an earlier stage",
            data: markers("earlier"),
            showLine: false,
            pointStyle: "triangle",
            pointRotation: 180,
            pointRadius: 9,
            pointHoverRadius: 11,
            borderColor: colours.earlier,
            backgroundColor: colours.earlier,
            order: 1
        },
        {
            label: "Relapse",
            data: markers("relapse"),
            showLine: false,
            pointStyle: "crossRot",
            pointRadius: 10,
            pointHoverRadius: 12,
            borderWidth: 3,
            borderColor: colours.relapse,
            backgroundColor: colours.relapse,
            order: 2
        }
    ];

    // Check-in signals (urge to break contact, setbacks, contact attempts) share the time axis once they exist.
    var signals = data.signals || [];
    var kinds = signals.map(function (s) { return s.kind; }).filter(function (k, i, all) { return all.indexOf(k) === i; });
    var signalLabels = { urge: "Urge to break contact (check-ins)", setback: "Setback", contact: "Contact attempt" };
    var signalStyles = { urge: "circle", setback: "crossRot", contact: "triangle" };
    kinds.forEach(function (kind) {
        datasets.push({
            label: signalLabels[kind] || kind,
            yAxisID: "signals",
            data: signals.filter(function (s) { return s.kind === kind; })
                .map(function (s) { return { x: toTime(s.date), y: s.value === null ? 0 : s.value }; }),
            showLine: kind === "urge",
            pointStyle: signalStyles[kind] || "rectRot",
            pointRadius: kind === "urge" ? 3 : 7,
            borderWidth: kind === "setback" ? 3 : 1,
            borderColor: colours.signal,
            backgroundColor: colours.signal,
            order: 4
        });
    });

    // The time axis spans the path and any check-ins before its first assessment.
    var firstSignal = signals.length > 0 ? Math.min.apply(null, signals.map(function (s) { return toTime(s.date); })) : Infinity;
    var scales = {
        x: {
            type: "linear",
            // Start at the first assessment (not a day before it, which put an unassessed date under the y axis),
            // or at the first check-in if that came earlier.
            min: path.length > 0 ? Math.min(path[0].x, firstSignal) : undefined,
            max: path.length > 0 ? path[path.length - 1].x + day : undefined,
            ticks: { maxTicksLimit: 8, callback: function (value) { return formatDate(value); } }
        },
        y: {
            min: 0.5,
            max: data.stages.length + 0.5,
            afterBuildTicks: function (axis) {
                axis.ticks = data.stages.map(function (s) { return { value: s.position }; });
            },
            ticks: { autoSkip: false, callback: function (value) { return names[value] || ""; } },
            title: { display: true, text: data.model }
        }
    };
    if (kinds.length > 0) {
        scales.signals = { position: "right", min: 0, max: 10, grid: { drawOnChartArea: false }, title: { display: true, text: "Check-ins" } };
    }

    new window.Chart(canvas, {
        type: "line",
        data: { datasets: datasets },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            parsing: true,
            scales: scales,
            plugins: {
                legend: {
                    position: "bottom",
                    labels: {
                        usePointStyle: true,
                        // The path is a line: a filled circle the size of the legend box made "Stage" tower over the markers.
                        generateLabels: function (chart) {
                            var items = window.Chart.defaults.plugins.legend.labels.generateLabels(chart);
                            items.forEach(function (item) { if (item.datasetIndex === 0) item.pointStyle = "line"; });
                            return items;
                        },
                        // Only name what is on the chart: no "Relapse" entry for a path without one.
                        filter: function (item, chart) { return chart.datasets[item.datasetIndex].data.length > 0; }
                    }
                },
                tooltip: {
                    callbacks: {
                        title: function (items) { return items.length ? formatDate(items[0].parsed.x) : ""; },
                        label: function (item) {
                            var raw = item.raw || {};
                            if (item.dataset.yAxisID === "signals") return item.dataset.label + ": " + item.parsed.y;
                            if (!raw.point) return "Still in " + (names[item.parsed.y] || "");
                            var text = raw.point.stage;
                            if (raw.point.regression === "earlier") text += " (back to an earlier stage)";
                            if (raw.point.regression === "relapse") text += " (relapse)";
                            return text;
                        }
                    }
                }
            }
        }
    });

    // Stable hooks for tests and assistive checks: what the chart drew.
    if (container) {
        container.setAttribute("data-rendered", "true");
        container.setAttribute("data-points", String(data.points.length));
        container.setAttribute("data-regressions", String(markers("earlier").length + markers("relapse").length));
    }
})();
