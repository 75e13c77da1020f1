// weft's folder listing: a live filter, and (when uploads are on) per-file upload progress and new folders.
(() => {
  "use strict";
  const table = document.getElementById("listing");
  const filter = document.getElementById("filter");
  const summary = document.getElementById("summary");

  function applyFilter() {
    if (!filter) return;
    const query = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const name = row.dataset.name;
      if (name === undefined) continue;
      const hit = !query || name.toLowerCase().includes(query);
      row.hidden = !hit;
      if (hit) shown++;
    }
    const none = document.getElementById("nomatch");
    if (none) none.hidden = shown > 0 || !query;
  }

  if (filter) {
    for (const type of ["input", "change", "search"]) filter.addEventListener(type, applyFilter);
    filter.form.addEventListener("submit", (event) => { event.preventDefault(); applyFilter(); });
    applyFilter();
  }

  /** Reloads the table and summary in place, so upload messages stay on screen. */
  async function refresh() {
    const response = await fetch(location.href, { headers: { Accept: "text/html" } });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const body = page.querySelector("#listing tbody");
    if (body) table.tBodies[0].replaceWith(body);
    const fresh = page.getElementById("summary");
    if (fresh && summary) summary.textContent = fresh.textContent;
    applyFilter();
  }

  /** The reason in a refusal: the lines after the status line of weft's plain-text answers. */
  function reason(xhr) {
    const lines = (xhr.responseText || "").trim().split("\n");
    return (lines.length > 1 ? lines.slice(1).join(" ") : lines[0]) || (xhr.status + " " + xhr.statusText);
  }

  function row(list, name) {
    const item = document.createElement("li");
    const label = document.createElement("span");
    const state = document.createElement("span");
    const bar = document.createElement("progress");
    label.textContent = name;
    state.textContent = "waiting";
    bar.max = 1;
    bar.value = 0;
    item.append(label, state, bar);
    item.dataset.file = name;
    list.append(item);
    return { item, state, bar };
  }

  function finish(view, ok, text) {
    view.state.textContent = text;
    view.state.className = ok ? "done" : "failed";
    view.item.dataset.state = ok ? "done" : "failed";
    if (ok) view.bar.value = view.bar.max;
  }

  function send(file, view) {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", location.pathname);
      xhr.setRequestHeader("Accept", "text/plain");
      xhr.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        view.bar.max = event.total;
        view.bar.value = event.loaded;
        view.state.textContent = Math.floor((100 * event.loaded) / event.total) + "%";
      });
      xhr.addEventListener("load", () => {
        const ok = xhr.status >= 200 && xhr.status < 300;
        finish(view, ok, ok ? "uploaded" : reason(xhr));
        resolve(ok);
      });
      xhr.addEventListener("error", () => { finish(view, false, "the connection failed (too large?)"); resolve(false); });
      const form = new FormData();
      form.append("file", file, file.name);
      xhr.send(form);
    });
  }

  const uploads = document.getElementById("uploads");
  async function uploadAll(files) {
    const jobs = Array.from(files, (file) => [file, row(uploads, file.name)]);
    for (const [file, view] of jobs) {
      await send(file, view);
    }
    await refresh();
  }

  const drop = document.getElementById("drop");
  const picker = document.getElementById("files");
  if (drop && picker) {
    picker.addEventListener("change", () => { if (picker.files.length) uploadAll(picker.files).then(() => { picker.value = ""; }); });
    picker.form.addEventListener("submit", (event) => { event.preventDefault(); if (picker.files.length) uploadAll(picker.files); });
    for (const type of ["dragenter", "dragover"]) {
      drop.addEventListener(type, (event) => { event.preventDefault(); drop.classList.add("over"); });
    }
    for (const type of ["dragleave", "drop"]) {
      drop.addEventListener(type, () => drop.classList.remove("over"));
    }
    drop.addEventListener("drop", (event) => { event.preventDefault(); uploadAll(event.dataTransfer.files); });
  }

  const mkdir = document.getElementById("mkdir");
  if (mkdir) {
    mkdir.addEventListener("submit", async (event) => {
      event.preventDefault();
      const name = mkdir.elements.mkdir.value.trim();
      if (!name) return;
      const view = row(uploads, name + "/");
      const response = await fetch(location.pathname, {
        method: "POST", headers: { Accept: "text/plain" }, body: new URLSearchParams({ mkdir: name }),
      });
      const text = (await response.text()).trim().split("\n");
      finish(view, response.ok, response.ok ? "folder created" : (text.length > 1 ? text.slice(1).join(" ") : text[0]));
      if (response.ok) { mkdir.reset(); await refresh(); }
    });
  }
})();
