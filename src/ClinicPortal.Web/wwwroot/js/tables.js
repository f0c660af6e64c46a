// Client-side sorting and name filtering for small tables (a caseload), so search terms never
// travel in URLs or logs. Loaded as a file: the CSP forbids inline scripts.
(function () {
    "use strict";

    function cellValue(row, index) {
        var cell = row.cells[index];
        return cell ? (cell.getAttribute("data-value") || cell.textContent || "").trim() : "";
    }

    document.querySelectorAll("table th.sortable").forEach(function (th) {
        th.setAttribute("tabindex", "0");
        th.setAttribute("role", "button");
        var sort = function () {
            var table = th.closest("table");
            var body = table.tBodies[0];
            var index = Array.prototype.indexOf.call(th.parentNode.children, th);
            var numeric = th.getAttribute("data-sort") === "number";
            var ascending = th.getAttribute("aria-sort") !== "ascending";
            th.parentNode.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            Array.prototype.slice.call(body.rows)
                .sort(function (a, b) {
                    var x = cellValue(a, index), y = cellValue(b, index);
                    var order = numeric ? (parseFloat(x || "0") - parseFloat(y || "0")) : x.localeCompare(y);
                    return ascending ? order : -order;
                })
                .forEach(function (row) { body.appendChild(row); });
        };
        th.addEventListener("click", sort);
        th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });

    document.querySelectorAll("input[data-filter-table]").forEach(function (input) {
        var table = document.getElementById(input.getAttribute("data-filter-table"));
        if (!table) return;
        input.addEventListener("input", function () {
            var term = input.value.trim().toLowerCase();
            Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                row.hidden = term !== "" && (row.getAttribute("data-name") || "").indexOf(term) === -1;
            });
        });
    });
})();
