// S3Audit HTML report: sorting and filtering of the findings table. The full table is in the page without this
// script; it only reorders rows and hides the ones filtered out. Values are only ever set as text (textContent,
// option text), never parsed as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('s3audit-data').textContent);
  var table = document.getElementById('findings');
  var groups = Array.prototype.slice.call(table.tBodies);
  var perGroup = groups[0].rows.length || 1;
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody > tr'));
  var controls = document.getElementById('controls');
  var shown = document.getElementById('shown');
  var filters = data.columns.map(function () { return -1; });
  var search = '';
  var texts = null;
  var sortColumn = -1, sortDescending = false;

  function visible(i) {
    var row = data.rows[i];
    for (var c = 0; c < filters.length; c++) {
      if (filters[c] >= 0 && row[c] !== filters[c]) return false;
    }
    if (search) {
      if (!texts) texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      if (texts[i].indexOf(search) < 0) return false;
    }
    return true;
  }

  function order() {
    var indexes = rows.map(function (_, i) { return i; });
    if (sortColumn >= 0) {
      indexes.sort(function (a, b) {
        var d = data.rows[a][sortColumn] - data.rows[b][sortColumn];
        return (sortDescending ? -d : d) || a - b;
      });
    }
    return indexes;
  }

  // The rows shown fill the groups in order, as many to a group as the page came with, so that the height the browser
  // assumes for a group it has not laid out stays right; the rows filtered out go, hidden, to the last group used.
  function apply() {
    var shownRows = [], hiddenRows = [];
    order().forEach(function (i) {
      var show = visible(i);
      if (rows[i].hidden === show) rows[i].hidden = !show;
      (show ? shownRows : hiddenRows).push(rows[i]);
    });
    var used = Math.max(1, Math.ceil(shownRows.length / perGroup));
    groups.forEach(function (group, g) {
      var fragment = document.createDocumentFragment();
      shownRows.slice(g * perGroup, (g + 1) * perGroup).concat(g === used - 1 ? hiddenRows : []).forEach(function (row) { fragment.appendChild(row); });
      group.appendChild(fragment);
      group.hidden = g >= used;
    });
    shown.textContent = 'Showing ' + shownRows.length + ' of ' + rows.length + ' findings';
  }

  function addControl(id, name, control) {
    var box = document.createElement('div');
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = name;
    control.id = id;
    box.appendChild(label);
    box.appendChild(control);
    controls.appendChild(box);
  }

  function addFilter(column) {
    var select = document.createElement('select');
    select.appendChild(new Option('All', '-1'));
    data.values[column].forEach(function (value, index) {
      select.appendChild(new Option(value === '' ? '(none)' : value, String(index)));
    });
    select.addEventListener('change', function () { filters[column] = Number(select.value); apply(); });
    addControl('filter' + column, data.columns[column], select);
  }

  function addSearch() {
    var input = document.createElement('input');
    input.type = 'search';
    input.addEventListener('input', function () { search = input.value.toLowerCase(); apply(); });
    addControl('search', 'Text', input);
  }

  function makeSortable(th) {
    var column = Number(th.getAttribute('data-col'));
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      sortDescending = sortColumn === column ? !sortDescending : column === 0;
      sortColumn = column;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDescending ? 'descending' : 'ascending');
      apply();
    });
  }

  // A link to a row that a filter hides (from the per-bucket view) clears the filters first.
  function reveal() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.hidden) {
      filters = filters.map(function () { return -1; });
      search = '';
      Array.prototype.forEach.call(controls.querySelectorAll('select'), function (s) { s.value = '-1'; });
      Array.prototype.forEach.call(controls.querySelectorAll('input'), function (s) { s.value = ''; });
      apply();
      target.scrollIntoView();
    }
  }

  data.filterable.forEach(addFilter);
  addSearch();
  Array.prototype.forEach.call(table.querySelectorAll('th[data-col]'), makeSortable);
  controls.hidden = false;
  window.addEventListener('hashchange', reveal);
  shown.textContent = 'Showing ' + rows.length + ' of ' + rows.length + ' findings';
}());
