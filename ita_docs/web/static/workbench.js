// ita-docs workbench: what htmx alone does not do. No network access beyond this server.
(function () {
  "use strict";
  var THAI = "๐๑๒๓๔๕๖๗๘๙";

  function number(cell) {
    var t = cell.trim().replace(/[๐-๙]/g, function (d) { return String(THAI.indexOf(d)); }).replace(/,/g, "");
    return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
  }

  // A block copied from a spreadsheet (rows of tab-separated cells) pasted into a score cell fills the
  // cells from there down: one row per indicator, the last number of each row is the score.
  document.addEventListener("paste", function (ev) {
    var input = ev.target;
    if (!input.classList || !input.classList.contains("paste-grid")) return;
    var text = (ev.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\n]/.test(text.trim())) return;
    ev.preventDefault();
    var table = input.closest("table");
    var cells = Array.prototype.slice.call(table.querySelectorAll("input.paste-grid"));
    var at = cells.indexOf(input);
    var changes = [];
    text.replace(/\r/g, "").split("\n").forEach(function (line) {
      if (!line.trim() || at >= cells.length) return;
      var parts = line.split("\t"), value = null;
      for (var i = parts.length - 1; i >= 0 && value === null; i--) value = number(parts[i]);
      if (value === null) return;
      var cell = cells[at++];
      var vals = JSON.parse(cell.getAttribute("hx-vals"));
      changes.push({ path: vals.path, value: Number(value), expected: vals.expected === "" ? null : vals.expected });
      cell.value = value;
    });
    if (!changes.length) return;
    var set = table.getAttribute("data-set"), section = table.getAttribute("data-section");
    fetch("/api/sets/" + encodeURIComponent(set) + "/values", {
      method: "PATCH", credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ changes: changes })
    }).then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok && res.body.error) alert(res.body.error);
        htmx.ajax("GET", "/sets/" + encodeURIComponent(set) + "/section/" + section,
                  { target: "#sec-" + section, swap: "outerHTML" }).then(function () {
          htmx.trigger(document.body, "saved");
        });
      });
  });

  // A refused request (a broken file, a name outside the workspace...): its Thai message in a box.
  document.body.addEventListener("htmx:responseError", function (ev) {
    var box = document.getElementById("flash");
    if (!box) return;
    var text = ev.detail.xhr.responseText || "";
    if (/^\s*</.test(text)) { var div = document.createElement("div"); div.innerHTML = text; text = div.textContent; }
    box.textContent = text.trim() || ("HTTP " + ev.detail.xhr.status);
    box.hidden = false;
    clearTimeout(box._timer);
    box._timer = setTimeout(function () { box.hidden = true; }, 12000);
  });
  document.body.addEventListener("htmx:sendError", function () {
    var box = document.getElementById("flash");
    if (box) { box.textContent = "ติดต่อโปรแกรมไม่ได้ (ปิดหน้าต่างคำสั่ง ita-docs serve ไปแล้วหรือไม่?)"; box.hidden = false; }
  });

  // Every save says so for a moment (the section came back from the server, problems and all).
  document.body.addEventListener("saved", function () {
    var note = document.getElementById("saved-note");
    if (!note) return;
    note.hidden = false;
    clearTimeout(note._timer);
    note._timer = setTimeout(function () { note.hidden = true; }, 2500);
  });

  // A content file changed in another editor: reload the page (the watcher counts outside changes).
  var layout = document.querySelector(".layout[data-set]");
  if (layout) {
    var set = layout.getAttribute("data-set"), seen = layout.getAttribute("data-external");
    setInterval(function () {
      fetch("/api/sets/" + encodeURIComponent(set) + "/stamp", { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (body && String(body.external) !== seen) {
            document.getElementById("outside-note").hidden = false;
            setTimeout(function () { location.reload(); }, 600);
          }
        }).catch(function () {});
    }, 3000);
  }
})();
