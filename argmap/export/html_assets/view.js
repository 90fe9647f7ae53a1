"use strict";
// argmap-map: the interactive view of one argument map exported by `argmap export --to html`.
// The element holds its data (a JSON script element, data-argmap="data"), the drawing (an SVG in
// data-argmap="drawing") and its style (a template, data-argmap="style"); this script
// moves them into a shadow root and adds zoom and pan, the side panel, filters, search and the
// semantics switch. Map text only ever reaches the page as text (textContent, attribute values):
// never through innerHTML, and only http(s) and mailto addresses become links.
(() => {
  if (window.customElements === undefined || customElements.get("argmap-map")) return;
  const SVG = "http://www.w3.org/2000/svg";
  const LINK = /^(https?:\/\/|mailto:)/i;
  const OUTGOING = { support: "supports", attack: "attacks", undercut: "undercuts",
                     contradiction: "contradicts", rephrase: "restates" };
  const INCOMING = { support: "supported by", attack: "attacked by", undercut: "undercut by",
                     contradiction: "contradicted by", rephrase: "restated by" };
  const GROUNDED = { in: "IN", out: "OUT", undec: "UNDEC", unknown: "?" };
  const GROUNDED_WORDS = { in: "in: accepted (every attacker is defeated)", out: "out: defeated by an accepted attacker",
                           undec: "undecided", unknown: "not decided in time", question: "a question: no argument" };
  const PREFERRED_WORDS = { all: "in every preferred extension (sceptically accepted)",
                            some: "in some preferred extension (credulously accepted)",
                            none: "in no preferred extension", unknown: "not decided in time",
                            question: "a question: no argument" };

  /** An HTML element; `props` are attributes (never `style` or `on…`), children are nodes or text. */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    fill(node, children);
    return node;
  }
  /** Put `children` (nodes, text, nested lists; null and false left out) into `node`. */
  function fill(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function s(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }
  /** Map text, isolated (<bdi>) so nothing in it turns what follows around; the explicit
      direction controls (embeddings, overrides, isolates) are shown as what they are, not obeyed. */
  const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
  const text = (value) => h("bdi", {}, String(value).split(/([\u202a-\u202e\u2066-\u2069])/).map((part) =>
    BIDI.test(part) ? h("span", { class: "control", text: `U+${part.codePointAt(0).toString(16).toUpperCase()}` }) : part));
  const fold = (value) => String(value || "").normalize("NFKC").toLowerCase();
  const label = (node) => node.title !== null ? node.title : node.text.replace(/\s+/g, " ");

  function preferredKey(node) {
    if (node.preferred === "question" || node.preferred === "unknown") return node.preferred;
    if (node.preferred === "in") return "all";
    return node.credulous === true ? "some" : node.credulous === false ? "none" : "unknown";
  }
  const PREFERRED_BADGE = { all: "IN ALL", some: "IN SOME", none: "IN NONE", unknown: "?" };
  const PREFERRED_STATE = { all: "in", some: "undec", none: "out", unknown: "unknown" };

  class View {
    constructor(root, data, svg) {
      this.data = data;
      this.svg = svg;
      this.selected = null;
      this.semantics = "none";
      this.filters = { actor: "", tag: "", section: "" };
      this.query = "";
      this.hits = [];
      this.scale = 1; this.tx = 0; this.ty = 0;
      const box = (svg.getAttribute("viewBox") || "0 0 100 100").split(/[\s,]+/).map(Number);
      this.box = { x: box[0], y: box[1], w: box[2] || 100, h: box[3] || 100 };
      this.groups = new Map();  // node index -> <g data-node>
      this.build(root);
      this.decorate();
      this.connect();
      this.showOverview();
      this.fit();
    }

    // --- the frame ------------------------------------------------------------------------

    build(root) {
      const data = this.data;
      this.search = h("input", { type: "search", class: "search", placeholder: "Search titles and texts",
                                 "aria-label": "Search titles and texts", autocomplete: "off" });
      this.count = h("span", { class: "count", "aria-live": "polite" });
      const choice = (name, title, items) => {
        const select = h("select", { class: `filter filter-${name}`, "aria-label": `Show only one ${name}` },
                         h("option", { value: "", text: `Every ${title}` }),
                         items.map(([value, words]) => h("option", { value, text: words })));
        select.addEventListener("change", () => { this.filters[name] = select.value; this.applyFilters(); });
        return items.length ? select : null;
      };
      const depth = (section) => { let d = 0; for (let p = section.parent; p !== null; p = data.sections[p].parent) d++; return d; };
      this.actorSelect = choice("actor", "actor", data.actors.map((a, i) => [String(i), a.side && a.side !== a.name ? `${a.name} (${a.side})` : a.name]));
      this.tagSelect = choice("tag", "tag", data.tags.map((t) => [t, `#${t}`]));
      this.sectionSelect = choice("section", "section", data.sections.map((sec, i) => [String(i), "\u2003".repeat(depth(sec)) + sec.title]));
      const modes = h("div", { class: "modes", role: "radiogroup", "aria-label": "Colour by semantics" },
        Object.entries(data.semantics).map(([value, words]) => {
          const input = h("input", { type: "radio", name: "semantics", value, checked: value === "none" });
          input.addEventListener("change", () => { if (input.checked) this.setSemantics(value); });
          return h("label", { class: "mode" }, input, h("span", { text: words }));
        }));
      const button = (cls, words, title, action) => {
        const b = h("button", { type: "button", class: cls, title, "aria-label": title, text: words });
        b.addEventListener("click", action);
        return b;
      };
      const zoom = h("div", { class: "zoom" },
        button("zoom-in", "+", "Zoom in (+)", () => this.zoomBy(1.25)),
        button("zoom-out", "\u2212", "Zoom out (-)", () => this.zoomBy(0.8)),
        button("fit", "Fit", "Fit to the window (0)", () => this.fit()));
      this.viewport = h("div", { class: "viewport", tabindex: "0", role: "group",
        "aria-label": "The map. Drag or use the arrow keys to move, + and - to zoom, 0 to fit; Tab to a node and press Enter to open it." });
      this.viewport.append(this.svg);
      this.keyBox = h("div", { class: "key", "aria-live": "polite", hidden: true });
      this.panel = h("aside", { class: "panel", "aria-label": "Details", tabindex: "-1" });
      this.frame = h("div", { class: "am sem-none" },
        h("header", { class: "bar" },
          h("h1", { class: "title" }, text(data.title || "Argument map")),
          h("div", { class: "controls" },
            h("div", { class: "find" }, this.search, this.count),
            h("div", { class: "filters" }, this.actorSelect, this.tagSelect, this.sectionSelect),
            modes, zoom)),
        h("div", { class: "main" }, h("div", { class: "stage" }, this.viewport, this.keyBox), this.panel));
      root.append(this.frame);
      this.svg.removeAttribute("width");
      this.svg.removeAttribute("height");
      this.svg.setAttribute("class", "drawing");
      this.svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
      this.svg.setAttribute("aria-hidden", "false");
    }

    /** Badges, rings and strength bars on every node, and keyboard focus. */
    decorate() {
      for (const g of this.svg.querySelectorAll("g[data-node]")) {
        const index = Number(g.getAttribute("data-node"));
        const node = this.data.nodes[index];
        if (node === undefined) continue;
        this.groups.set(index, g);
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", `${label(node)} (${node.kind})`);
        const b = g.getBBox();
        const deco = s("g", { class: "deco" });
        deco.append(
          s("rect", { class: "ring", x: b.x - 4, y: b.y - 4, width: b.width + 8, height: b.height + 8, rx: 7 }),
          s("rect", { class: "halo", x: b.x - 7, y: b.y - 7, width: b.width + 14, height: b.height + 14, rx: 9 }));
        if (node.strength !== null) {
          const width = Math.max(24, Math.min(80, b.width - 16));
          deco.append(s("rect", { class: "bar-track", x: b.x + b.width - width - 6, y: b.y + b.height + 3, width, height: 5, rx: 2 }),
                      s("rect", { class: "bar-fill", x: b.x + b.width - width - 6, y: b.y + b.height + 3, width: width * node.strength, height: 5, rx: 2 }));
        }
        const badge = s("g", { class: "badge" });
        const pill = s("rect", { class: "pill", x: 0, y: b.y - 13, width: 30, height: 15, rx: 7.5 });
        const words = s("text", { class: "pill-text", x: 0, y: b.y - 2.2 });
        badge.append(pill, words);
        deco.append(badge);
        g.append(deco);
        this.groups.get(index).badge = { pill, words, right: b.x + b.width };
      }
    }

    connect() {
      const v = this.viewport;
      v.addEventListener("wheel", (e) => {
        e.preventDefault();
        const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
        const at = this.point(e);
        this.zoomBy(Math.exp(-e.deltaY * unit * 0.0015), at.x, at.y);
      }, { passive: false });
      // one pointer drags, two pinch; a press that hardly moved is a click (on a node: open it)
      const pointers = new Map();
      let moved = 0, pinch = null, pressed = null;
      v.addEventListener("pointerdown", (e) => {
        if (e.button !== 0) return;
        pointers.set(e.pointerId, this.point(e));
        if (pointers.size === 1) {
          moved = 0;
          const g = e.target.closest && e.target.closest("g[data-node]");
          pressed = g && !g.classList.contains("filtered") ? Number(g.getAttribute("data-node")) : null;
        } else {
          pressed = null;
          const [a, b] = [...pointers.values()];
          pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) };
        }
      });
      v.addEventListener("pointermove", (e) => {
        const last = pointers.get(e.pointerId);
        if (last === undefined) return;
        const now = this.point(e);
        pointers.set(e.pointerId, now);
        if (pointers.size === 1) {
          moved += Math.abs(now.x - last.x) + Math.abs(now.y - last.y);
          if (moved > 4) {
            if (!v.classList.contains("dragging")) { v.classList.add("dragging"); v.setPointerCapture(e.pointerId); }
            this.panBy(now.x - last.x, now.y - last.y);
          }
        } else if (pointers.size === 2 && pinch) {
          const [a, b] = [...pointers.values()];
          const distance = Math.hypot(a.x - b.x, a.y - b.y);
          this.zoomBy(distance / (pinch.distance || distance), (a.x + b.x) / 2, (a.y + b.y) / 2);
          pinch.distance = distance;
        }
      });
      const up = (e) => {
        if (!pointers.delete(e.pointerId)) return;
        if (e.type === "pointerup" && pointers.size === 0 && moved <= 4 && pressed !== null) this.select(pressed);
        if (pointers.size < 2) pinch = null;
        if (pointers.size === 0) { v.classList.remove("dragging"); pressed = null; }
      };
      v.addEventListener("pointerup", up);
      v.addEventListener("pointercancel", up);
      for (const [index, g] of this.groups) {
        g.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this.select(index); }
        });
        g.addEventListener("focus", () => this.reveal(index));
      }
      this.frame.addEventListener("keydown", (e) => this.onKey(e));
      this.search.addEventListener("input", () => { this.query = this.search.value; this.applySearch(); });
      this.search.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && this.hits.length) {
          e.preventDefault();
          const next = this.hits[(this.hits.indexOf(this.selected) + 1) % this.hits.length];
          this.select(next, { focus: false });
        }
      });
      new ResizeObserver(() => this.apply()).observe(this.viewport);
    }

    onKey(e) {
      const field = e.target.closest && e.target.closest("input, select, textarea");
      if (e.key === "Escape") {
        if (field === this.search && this.search.value) { this.search.value = ""; this.query = ""; this.applySearch(); }
        else if (this.selected !== null) { const g = this.groups.get(this.selected); this.showOverview(); if (g) g.focus({ preventScroll: true }); }
        return;
      }
      if (field || e.ctrlKey || e.metaKey || e.altKey) return;
      const step = e.shiftKey ? 240 : 60;
      const actions = { "+": () => this.zoomBy(1.25), "=": () => this.zoomBy(1.25), "-": () => this.zoomBy(0.8),
                        "_": () => this.zoomBy(0.8), "0": () => this.fit(),
                        ArrowLeft: () => this.panBy(step, 0), ArrowRight: () => this.panBy(-step, 0),
                        ArrowUp: () => this.panBy(0, step), ArrowDown: () => this.panBy(0, -step) };
      if (e.key in actions) {
        e.preventDefault();
        actions[e.key]();
      }
    }

    // --- zoom and pan (scale: screen pixels per drawing unit; tx, ty: where the origin is) --

    point(e) {
      const r = this.viewport.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    }
    size() { return { w: this.viewport.clientWidth || 1, h: this.viewport.clientHeight || 1 }; }
    apply() {
      const { w, h: height } = this.size();
      this.svg.setAttribute("viewBox", [-this.tx / this.scale, -this.ty / this.scale, w / this.scale, height / this.scale]
        .map((n) => n.toFixed(2)).join(" "));
    }
    /** The scale that shows the whole drawing (a small one no larger than 1.5 times its size). */
    fitScale() { const { w, h: height } = this.size(); return Math.min(1.5, Math.min(w / this.box.w, height / this.box.h) * 0.97); }
    fit() {
      const { w, h: height } = this.size();
      this.scale = this.fitScale();
      this.tx = (w - this.box.w * this.scale) / 2 - this.box.x * this.scale;
      this.ty = (height - this.box.h * this.scale) / 2 - this.box.y * this.scale;
      this.apply();
    }
    zoomBy(factor, x, y) {
      const { w, h: height } = this.size();
      const at = { x: x === undefined ? w / 2 : x, y: y === undefined ? height / 2 : y };
      const scale = Math.min(8, Math.max(this.fitScale() * 0.5, this.scale * factor));
      this.tx = at.x - (at.x - this.tx) * (scale / this.scale);
      this.ty = at.y - (at.y - this.ty) * (scale / this.scale);
      this.scale = scale;
      this.apply();
    }
    panBy(dx, dy) { this.tx += dx; this.ty += dy; this.apply(); }
    /** Bring node `index` into view (panning only as far as needed). */
    reveal(index) {
      const g = this.groups.get(index);
      if (!g) return;
      const b = g.getBBox(), m = g.getCTM(), base = this.svg.getCTM();
      if (!m || !base) return;
      const local = base.inverse().multiply(m);  // node -> drawing units
      const x = (local.a * b.x + local.e) * this.scale + this.tx, y = (local.d * b.y + local.f) * this.scale + this.ty;
      const w = b.width * this.scale, height = b.height * this.scale, view = this.size(), pad = 24;
      let dx = 0, dy = 0;
      if (x < pad) dx = pad - x; else if (x + w > view.w - pad) dx = Math.max(pad - x, view.w - pad - x - w);
      if (y < pad) dy = pad - y; else if (y + height > view.h - pad) dy = Math.max(pad - y, view.h - pad - y - height);
      if (dx || dy) this.panBy(dx, dy);
    }

    // --- semantics, filters, search -----------------------------------------------------

    setSemantics(value) {
      this.semantics = value;
      this.frame.className = `am sem-${value}`;
      for (const [index, g] of this.groups) {
        const node = this.data.nodes[index];
        let state = "", words = "";
        if (value === "grounded") { state = node.grounded; words = GROUNDED[node.grounded] || ""; }
        else if (value === "preferred") { const key = preferredKey(node); state = PREFERRED_STATE[key] || key; words = PREFERRED_BADGE[key] || ""; }
        else if (value === "strength" && node.strength !== null) { state = "strength"; words = node.strength.toFixed(2); }
        for (const cls of ["st-in", "st-out", "st-undec", "st-unknown", "st-question", "st-strength"]) g.classList.remove(cls);
        if (state) g.classList.add(`st-${state}`);
        g.badge.words.textContent = words;
      }
      // measure every badge after writing them all: one layout, not one per node
      const widths = [...this.groups.values()].map((g) => g.badge.words.textContent ? g.badge.words.getComputedTextLength() + 12 : 0);
      [...this.groups.values()].forEach((g, i) => {
        const { pill, words: t, right } = g.badge;
        pill.setAttribute("width", widths[i].toFixed(1));
        pill.setAttribute("x", (right - widths[i] + 4).toFixed(1));
        t.setAttribute("x", (right - widths[i] + 10).toFixed(1));
      });
      this.showKey();
      if (this.selected !== null) this.select(this.selected, { focus: false, reveal: false });
    }

    showKey() {
      const rows = {
        none: [],
        grounded: [["in", "IN", "accepted: every attacker is defeated"], ["out", "OUT", "defeated by an accepted attacker"],
                   ["undec", "UNDEC", "undecided"]],
        preferred: [["in", "IN ALL", "in every preferred extension"], ["undec", "IN SOME", "in some, not all"],
                    ["out", "IN NONE", "in no preferred extension"]],
        strength: [["strength", "0.00\u20131.00", "DF-QuAD strength: the bar fills with it"]],
      }[this.semantics];
      this.keyBox.replaceChildren(...rows.map(([state, badge, words]) =>
        h("div", { class: `key-row st-${state}` }, h("span", { class: "key-badge", text: badge }), h("span", { text: words }))));
      this.keyBox.hidden = rows.length === 0;
    }

    matches(node) {
      const f = this.filters;
      if (f.actor !== "" && !node.actors.includes(Number(f.actor))) return false;
      if (f.tag !== "" && !node.tags.includes(f.tag)) return false;
      if (f.section !== "") {
        let sec = node.section;
        while (sec !== null && String(sec) !== f.section) sec = this.data.sections[sec].parent;
        if (sec === null) return false;
      }
      return true;
    }

    applyFilters() {
      const shown = new Set();
      for (const [index, g] of this.groups) {
        const keep = this.matches(this.data.nodes[index]);
        g.classList.toggle("filtered", !keep);
        g.setAttribute("tabindex", keep ? "0" : "-1");
        if (keep) shown.add(index);
      }
      const ends = (r) => [r.source, r.target].filter((e) => e && e.node !== undefined).map((e) => e.node);
      for (const edge of this.svg.querySelectorAll("g[data-relations]")) {
        const rels = edge.getAttribute("data-relations").split(" ").map((i) => this.data.relations[Number(i)]);
        edge.classList.toggle("filtered", !rels.some((r) => r && ends(r).every((n) => shown.has(n))));
      }
      this.applySearch();
    }

    applySearch() {
      const q = fold(this.query.trim());
      this.hits = [];
      for (const [index, g] of this.groups) {
        const node = this.data.nodes[index];
        const hit = q !== "" && !g.classList.contains("filtered") &&
          (fold(node.title).includes(q) || fold(node.text).includes(q));
        if (hit) this.hits.push(index);
        g.classList.toggle("hit", hit);
        g.classList.toggle("miss", q !== "" && !hit);
      }
      this.count.textContent = q === "" ? "" : `${this.hits.length} found`;
      if (this.selected === null) this.showOverview();
    }

    // --- the side panel ------------------------------------------------------------------

    nodeButton(index, prefix) {
      const node = this.data.nodes[index];
      const b = h("button", { type: "button", class: "follow", "data-node": index },
                  prefix ? h("span", { class: "rel-word", text: prefix }) : null, text(label(node)));
      b.addEventListener("click", () => this.select(index));
      return b;
    }

    relationLine(index, direction) {
      const r = this.data.relations[index];
      const other = direction === "out" ? r.target : r.source;
      const words = (direction === "out" ? OUTGOING : INCOMING)[r.kind] || r.kind;
      const li = h("li", { class: `rel rel-${r.kind}` });
      if (other && other.node !== undefined) li.append(this.nodeButton(other.node, words));
      else if (other && other.relation !== undefined) {
        const inner = this.data.relations[other.relation];
        li.append(h("span", { class: "rel-word", text: `${words} the inference` }));
        if (inner.source && inner.source.node !== undefined) li.append(this.nodeButton(inner.source.node, ""));
        li.append(h("span", { class: "rel-word", text: `\u2192 ${OUTGOING[inner.kind] || inner.kind}` }));
        if (inner.target && inner.target.node !== undefined) li.append(this.nodeButton(inner.target.node, ""));
      }
      const notes = [];
      if (r.weight !== null) notes.push(`weight ${r.weight}`);
      if (r.group !== null) notes.push("linked: its premises count only together");
      for (const [k, v] of r.meta) notes.push(`${k}: ${v}`);
      if (notes.length) li.append(h("span", { class: "rel-note" }, text(notes.join(" \u00b7 "))));
      const undercuts = this.data.relations.map((u, i) => [u, i]).filter(([u]) => u.target && u.target.relation === index);
      if (undercuts.length) {
        li.append(h("ul", { class: "undercuts" }, undercuts.map(([u]) =>
          h("li", {}, u.source && u.source.node !== undefined ? this.nodeButton(u.source.node, "undercut by") : null))));
      }
      return li;
    }

    section(title, cls, ...content) {
      const items = content.flat().filter(Boolean);
      return items.length ? h("section", { class: cls }, h("h3", { text: title }), items) : null;
    }

    statusTable(node) {
      if (node.grounded === "question") return h("p", { class: "status-none", text: "A question asserts nothing: it has no status." });
      const pk = preferredKey(node);
      const row = (name, cls, badge, words, extra) =>
        h("tr", { class: cls }, h("th", { scope: "row", text: name }),
          h("td", {}, h("span", { class: "key-badge", text: badge }), " ", words, extra || null));
      let meter = null;
      if (node.strength !== null) {
        meter = s("svg", { class: "meter", viewBox: "0 0 90 8", "aria-hidden": "true" });
        meter.append(s("rect", { class: "meter-track", x: 0, y: 1, width: 90, height: 6, rx: 3 }),
                     s("rect", { class: "meter-fill", x: 0, y: 1, width: (90 * node.strength).toFixed(1), height: 6, rx: 3 }));
      }
      return h("table", { class: "status" }, h("tbody", {},
        row("Grounded", `status-grounded st-${node.grounded}`, GROUNDED[node.grounded] || node.grounded, GROUNDED_WORDS[node.grounded] || ""),
        row("Preferred", `status-preferred st-${PREFERRED_STATE[pk] || pk}`, PREFERRED_BADGE[pk] || pk, PREFERRED_WORDS[pk] || ""),
        node.strength === null ? null :
          row("Strength", "status-strength st-strength", node.strength.toFixed(2), "DF-QuAD, from 0 to 1 ", meter)));
    }

    select(index, { focus = true, reveal = true } = {}) {
      const node = this.data.nodes[index];
      if (node === undefined) return;
      if (this.selected !== null && this.groups.get(this.selected)) this.groups.get(this.selected).classList.remove("selected");
      this.selected = index;
      const g = this.groups.get(index);
      if (g) {
        g.classList.add("selected");
        if (reveal) this.reveal(index);
        if (focus && g.getAttribute("tabindex") === "0") g.focus({ preventScroll: true });
      }
      this.markRelations(index);
      const d = this.data;
      const out = [], incoming = [];
      d.relations.forEach((r, i) => {
        if (r.source && r.source.node === index) out.push(this.relationLine(i, "out"));
        if (r.target && r.target.node === index) incoming.push(this.relationLine(i, "in"));
      });
      const close = h("button", { type: "button", class: "close", "aria-label": "Close the details (Escape)", text: "\u00d7" });
      close.addEventListener("click", () => { this.showOverview(); if (g) g.focus({ preventScroll: true }); });
      const where = [node.kind, node.section !== null ? d.sections[node.section].title : null].filter(Boolean);
      const actors = node.actors.map((i) => {
        const a = d.actors[i];
        const dot = s("svg", { class: "dot", viewBox: "0 0 10 10", "aria-hidden": "true" });
        dot.append(s("circle", { cx: 5, cy: 5, r: 4.5, fill: /^#[0-9a-f]{6}$/i.test(a.color || "") ? a.color : "#6f6f6f" }));
        return h("li", { class: "chip actor" }, dot, text(a.name),
                 a.side && a.side !== a.name ? h("span", { class: "side" }, text(a.side)) : null);
      });
      const tags = node.tags.map((t) => {
        const b = h("button", { type: "button", class: "chip tag", title: "Show only this tag" }, text(`#${t}`));
        b.addEventListener("click", () => { if (this.tagSelect) { this.tagSelect.value = t; this.filters.tag = t; this.applyFilters(); } });
        return h("li", {}, b);
      });
      const sources = node.sources.map((i) => {
        const src = d.sources[i];
        const link = typeof src.link === "string" && LINK.test(src.link) ? src.link : null;
        const cite = link ? h("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank" }, text(src.citation))
                          : text(src.citation);
        return h("li", { class: "source" }, cite, h("span", { class: "source-id", text: ` ^${src.id}` }),
          src.meta.filter(([k]) => k !== "url" || !link).length ? h("dl", { class: "meta" },
            src.meta.filter(([k]) => k !== "url" || !link).map(([k, v]) => [h("dt", {}, text(k)), h("dd", {}, text(v))])) : null);
      });
      const places = [node.defined ? h("li", {}, "defined at ", h("code", {}, text(node.defined))) : null,
                      node.references.length ? h("li", {}, "used again at ", node.references.map((p, i) => [i ? ", " : "", h("code", {}, text(p))])) : null];
      this.panel.replaceChildren();
      fill(this.panel, [
        close,
        h("p", { class: "kind" }, text(where.join(" \u00b7 "))),
        h("h2", { class: "node-title" }, text(label(node))),
        node.title !== null && node.text ? h("p", { class: "node-text" }, text(node.text)) : null,
        this.section("Status", "status-part", this.statusTable(node)),
        this.section("Said by", "actors", actors.length ? h("ul", { class: "chips" }, actors) : null),
        this.section("Tags", "tags", tags.length ? h("ul", { class: "chips" }, tags) : null),
        this.section("Metadata", "node-meta", node.meta.length ? h("dl", { class: "meta" }, node.meta.map(([k, v]) => [h("dt", {}, text(k)), h("dd", {}, text(v))])) : null),
        this.section("Sources", "sources", sources.length ? h("ul", {}, sources) : null),
        this.section("Incoming", "incoming", incoming.length ? h("ul", { class: "rels" }, incoming) : null),
        this.section("Outgoing", "outgoing", out.length ? h("ul", { class: "rels" }, out) : null),
        this.section("Where", "where", h("ul", { class: "places" }, places))]);
      this.panel.classList.add("open");
      this.panel.scrollTop = 0;
    }

    markRelations(index) {
      for (const edge of this.svg.querySelectorAll("g[data-relations]")) {
        const rels = edge.getAttribute("data-relations").split(" ").map((i) => this.data.relations[Number(i)]);
        const near = index !== null && rels.some((r) => r && ((r.source && r.source.node === index) || (r.target && r.target.node === index)));
        edge.classList.toggle("near", near);
      }
      this.svg.classList.toggle("focused", index !== null);
    }

    showOverview() {
      if (this.selected !== null && this.groups.get(this.selected)) this.groups.get(this.selected).classList.remove("selected");
      this.selected = null;
      this.markRelations(null);
      const d = this.data;
      const counts = {};
      for (const n of d.nodes) counts[n.kind] = (counts[n.kind] || 0) + 1;
      const hits = this.query.trim() !== "" ? this.section(`Found: ${this.hits.length}`, "hits",
        this.hits.length ? h("ul", { class: "hit-list" }, this.hits.map((i) => h("li", {}, this.nodeButton(i, "")))) :
                           h("p", { text: "Nothing matches." })) : null;
      this.panel.replaceChildren();
      fill(this.panel, [
        h("h2", { class: "map-title" }, text(d.title || "Argument map")),
        hits,
        h("p", { class: "summary", text: Object.entries(counts).map(([k, n]) => `${n} ${k}${n === 1 ? "" : "s"}`).join(", ") +
          `; ${d.relations.length} relation${d.relations.length === 1 ? "" : "s"}.` }),
        d.meta.length ? h("dl", { class: "meta" }, d.meta.map(([k, v]) => [h("dt", {}, text(k)), h("dd", {}, text(v))])) : null,
        h("p", { class: "help", text: "Click a node, or Tab to it and press Enter, to read it here. Drag, scroll or pinch to move and zoom; + \u2212 0 and the arrow keys do it from the keyboard." })]);
      this.panel.classList.remove("open");
    }
  }

  class ArgmapMap extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const start = () => {
        const source = this.querySelector('script[data-argmap="data"]');
        const svg = this.querySelector('[data-argmap="drawing"] svg');
        const style = this.querySelector('template[data-argmap="style"]');
        if (!source || !svg || !style) return false;
        const root = this.attachShadow({ mode: "open" });
        root.append(style.content.cloneNode(true));
        this.view = new View(root, JSON.parse(source.textContent), svg);
        if (this.hasAttribute("data-focus")) this.view.viewport.focus({ preventScroll: true });
        return true;
      };
      if (!start()) document.addEventListener("DOMContentLoaded", start, { once: true });
    }
  }
  customElements.define("argmap-map", ArgmapMap);
})();
