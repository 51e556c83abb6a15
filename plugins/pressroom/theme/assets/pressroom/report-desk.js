// The editor's desk: the table of every source, filtered and paged here from desk.json, and
// a source's details loaded from its file of sources when it is opened. Every text from a
// source is set as text (textContent), never as markup.
(function () {
  "use strict";
  var PAGE_ROWS = 100;

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // What needs an editor first: rows are ordered by the first kind they need, in the order
  // the build lists the kinds (report/desk.py, ATTENTION), which is the filter's options'.
  function rank(row, order) {
    for (var i = 0; i < order.length; i++) {
      if (row.attention.indexOf(order[i]) !== -1) return i;
    }
    return order.length;
  }

  function table(header, rows) {
    var result = element("table", null, "pressroom-desk__details-table");
    var head = result.createTHead().insertRow();
    header.forEach(function (name) { head.appendChild(element("th", name)); });
    var body = result.createTBody();
    rows.forEach(function (cells) {
      var row = body.insertRow();
      cells.forEach(function (cell) {
        var text = Array.isArray(cell) ? cell.join(", ") : cell;
        row.appendChild(element("td", text === null || text === "" ? "—" : text));
      });
    });
    return result;
  }

  function details(entry) {
    var box = element("div", null, "pressroom-desk__details");
    var said = "Status: " + entry.status +
      (entry.format && entry.format !== "text" ? ", read as " + entry.format : "") +
      (entry.encoding ? ", encoding " + entry.encoding : "");
    box.appendChild(element("p", said));
    if (entry.problems.length) {
      var list = element("ul");
      entry.problems.forEach(function (problem) {
        var line = problem.line ? " (line " + problem.line + ")" : "";
        list.appendChild(element("li", problem.severity + line + ": " + problem.message));
      });
      box.appendChild(list);
    }
    var fields = Object.keys(entry.fields).map(function (name) {
      var field = entry.fields[name];
      return [name, field.value, field.provenance];
    });
    if (fields.length) box.appendChild(table(["field", "value", "from"], fields));
    if (entry.stated && entry.stated.length) {  // what a page, message or PDF stated, where
      box.appendChild(table(["stated", "value", "where", "taken"], entry.stated.map(
        function (item) {
          return [item.field, item.value, item.where + (item.line ? " (line " + item.line + ")" : ""),
                  item.used ? "yes" : "no"];
        })));
    }
    if (entry.removals.length) {
      box.appendChild(table(["line", "rule", "removed", "now reads"], entry.removals.map(
        function (removal) {
          return [removal.line, removal.rule, removal.text, removal.replacement];
        })));
    }
    return box;
  }

  function start(desk) {
    var data = null;
    var chunks = {};
    var page = 0;
    var form = {
      text: desk.querySelector("input[name=text]"),
      attention: desk.querySelector("select[name=attention]"),
      status: desk.querySelector("select[name=status]")
    };
    var tbody = desk.querySelector("tbody");
    var count = desk.querySelector(".pressroom-desk__count");
    var pages = desk.querySelector(".pressroom-desk__pages");
    var deskUrl = new URL(desk.dataset.desk, window.location.href);
    var root = new URL(desk.dataset.root, deskUrl);
    var order = Array.prototype.map.call(form.attention.options, function (option) {
      return option.value;
    }).filter(Boolean);

    function chosen() {
      var text = form.text.value.trim().toLowerCase();
      return data.rows.filter(function (row) {
        if (form.attention.value && row.attention.indexOf(form.attention.value) === -1) {
          return false;
        }
        if (form.status.value && row.status !== form.status.value) return false;
        if (!text) return true;
        return (row.path + " " + (row.title || "")).toLowerCase().indexOf(text) !== -1;
      });
    }

    function open(row, tableRow, button) {
      var next = tableRow.nextElementSibling;
      if (next && next.classList.contains("pressroom-desk__open")) {
        next.remove();
        button.setAttribute("aria-expanded", "false");
        return;
      }
      var number = Math.floor(row.index / data.chunk);
      var file = chunks[number] || (chunks[number] = fetch(
        new URL("sources-" + number + ".json", deskUrl)).then(function (answer) {
        return answer.json();
      }));
      file.then(function (entries) {
        var shown = tbody.insertRow(tableRow.sectionRowIndex + 1);
        shown.className = "pressroom-desk__open";
        var cell = shown.insertCell();
        cell.colSpan = 5;
        cell.appendChild(details(entries[row.index % data.chunk]));
        button.setAttribute("aria-expanded", "true");
      });
    }

    function sourceCell(row, tableRow) {
      var cell = element("td");
      var button = element("button", row.path, "pressroom-desk__source");
      button.type = "button";
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", function () { open(row, tableRow, button); });
      cell.appendChild(button);
      if (row.page) {
        var link = element("a", "page");
        link.href = new URL(row.page, root).href;
        cell.appendChild(document.createTextNode(" "));
        cell.appendChild(link);
      }
      return cell;
    }

    function render() {
      var rows = chosen();
      var last = Math.max(0, Math.ceil(rows.length / PAGE_ROWS) - 1);
      page = Math.min(page, last);
      tbody.textContent = "";
      rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS).forEach(function (row) {
        var tableRow = tbody.insertRow();
        tableRow.appendChild(sourceCell(row, tableRow));
        tableRow.appendChild(element("td", row.status));
        tableRow.appendChild(element("td", row.attention.join(", ") || "—"));
        tableRow.appendChild(element("td", row.title || "—"));
        tableRow.appendChild(element("td", row.date || "—"));
      });
      count.textContent = rows.length + " of " + data.rows.length + " sources";
      pages.textContent = "";
      if (last > 0) {
        [["previous", page - 1], ["next", page + 1]].forEach(function (step) {
          var button = element("button", step[0]);
          button.type = "button";
          button.disabled = step[1] < 0 || step[1] > last;
          button.addEventListener("click", function () { page = step[1]; render(); });
          pages.appendChild(button);
        });
        pages.appendChild(element("span", " page " + (page + 1) + " of " + (last + 1)));
      }
    }

    fetch(deskUrl).then(function (answer) { return answer.json(); }).then(function (loaded) {
      data = loaded;
      data.rows.forEach(function (row, index) { row.index = index; });
      data.rows.sort(function (a, b) { return rank(a, order) - rank(b, order) || a.index - b.index; });
      ["input", "change"].forEach(function (event) {
        Object.keys(form).forEach(function (name) {
          form[name].addEventListener(event, function () { page = 0; render(); });
        });
      });
      render();
    });
  }

  document.querySelectorAll(".pressroom-desk").forEach(start);
})();
