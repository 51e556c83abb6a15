// Search, on Pagefind's indexes: one per language (pagefind/<lang>/), loaded in small chunks
// when the reader starts to search. Two places use it:
// - the theme's search box in the header: results of the page's language as the reader
//   types, with the words found highlighted; "/", "s" or "f" go to the box (as in the
//   theme), arrow keys move through the results, Escape closes them;
// - the search page: the same, plus facets (language, tag, case, year) with their counts.
// Everything a result shows is set as text: titles and excerpts come from the sources.
(function () {
  "use strict";

  const HEADER_RESULTS = 10;
  const PAGE_RESULTS = 20;
  const TYPING_PAUSE_MS = 80;
  // The filter that marks the newest stories of the language on their pages: the build
  // names it ("name:value", search_page.py) in the header box's data-pressroom-newest.
  function filterOf(marked) {
    const split = marked.indexOf(":");
    return { [marked.slice(0, split)]: marked.slice(split + 1) };
  }
  const FACET_ORDER = { year: (a, b) => b.localeCompare(a) }; // newest year first
  const INDEX_OPTIONS = { excerptLength: 24 }; // for every part: Pagefind keeps them apart

  const indexes = new Map();

  // The theme's words for search (in the page's language) from its configuration.
  function themeText(key, count) {
    let translations = {};
    try {
      translations = JSON.parse(document.getElementById("__config").textContent).translations;
    } catch (error) {
      // no configuration: the keys themselves are better than nothing
    }
    const text = translations[key] || key;
    return count === undefined ? text : text.replace("#", count.toLocaleString(document.documentElement.lang));
  }

  function countText(count) {
    if (count === 0) return themeText("search.result.none");
    if (count === 1) return themeText("search.result.one");
    return themeText("search.result.other", count);
  }

  // One Pagefind module per language: each folder has its own script, so they stay apart.
  // A large index is written in parts (search_index.py); the language's folder lists the
  // others, which Pagefind searches with the first as one index.
  function openIndex(root, lang) {
    const folder = new URL(`${root}/pagefind/${lang}/`, document.baseURI);
    if (!indexes.has(folder.href)) {
      const parts = fetch(new URL("pressroom-parts.json", folder)).then((response) => {
        if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
        return response.json();
      });
      indexes.set(folder.href, Promise.all([import(new URL("pagefind.js", folder).href), parts])
        .then(async ([pagefind, { parts: merged }]) => {
          await pagefind.options(INDEX_OPTIONS);
          await pagefind.init();
          await Promise.all(merged.map((part) =>
            pagefind.mergeIndex(new URL(part, folder).pathname, INDEX_OPTIONS)));
          return pagefind;
        }));
    }
    return indexes.get(folder.href);
  }

  function element(name, className, text) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Pagefind marks the words found with <mark>; everything else in an excerpt is text,
  // whatever it looks like.
  function excerptNodes(excerpt) {
    const parsed = new DOMParser().parseFromString(excerpt || "", "text/html").body;
    return Array.from(parsed.childNodes, (node) =>
      node.nodeName === "MARK" ? element("mark", "", node.textContent)
                               : document.createTextNode(node.textContent));
  }

  function resultItem(data) {
    const item = element("li", "md-search-result__item");
    const link = element("a", "md-search-result__link");
    link.href = data.url;
    const article = element("article", "md-search-result__article md-typeset");
    article.append(element("div", "md-search-result__icon md-icon"),
                   element("h1", "", data.meta.title || data.url));
    if (data.meta.dateline) article.append(element("p", "pressroom-search__dateline", data.meta.dateline));
    const excerpt = element("p");
    excerpt.append(...excerptNodes(data.excerpt));
    article.append(excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  async function showResults(list, results, from, count) {
    const data = await Promise.all(results.slice(from, from + count).map((result) => result.data()));
    list.append(...data.map(resultItem));
  }

  // A pause in typing: one search per pause, not one per key (the newest call wins).
  function afterTyping(action) {
    let timer = 0;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(action, TYPING_PAUSE_MS);
    };
  }

  function unavailable(meta, error) {
    meta.textContent = themeText("search.result.none");
    console.warn("search index unavailable", error); // eslint-disable-line no-console
  }

  // The results' area of the header's box, in the theme's markup: made here rather than
  // written into every page, since nothing can show in it without this script.
  function resultsArea(box) {
    const meta = element("div", "md-search-result__meta", themeText("search.result.placeholder"));
    meta.setAttribute("role", "status");
    const list = element("ol", "md-search-result__list");
    const result = element("div", "md-search-result");
    result.append(meta, list);
    const scrollwrap = element("div", "md-search__scrollwrap");
    scrollwrap.tabIndex = 0;
    scrollwrap.append(result);
    const output = element("div", "md-search__output");
    output.append(scrollwrap);
    box.querySelector(".md-search__inner").append(output);
    return { meta, list };
  }

  // The header: the theme's search box, opened by its toggle.
  function mountHeader(box) {
    const toggle = document.getElementById("__search");
    const form = box.querySelector("form");
    const input = box.querySelector(".md-search__input");
    const { meta, list } = resultsArea(box);
    const index = () => openIndex(box.dataset.pressroomRoot, box.dataset.pressroomSearch);
    const newest = filterOf(box.dataset.pressroomNewest);
    let latest = 0;

    function open() {
      if (toggle) toggle.checked = true;
      index().catch((error) => unavailable(meta, error));
    }

    // A ranking's first results, in place of what is shown, unless a later search took over;
    // false when it did.
    async function show(ticket, results, status) {
      const shown = element("ol");
      await showResults(shown, results, 0, HEADER_RESULTS);
      if (ticket !== latest) return false;
      meta.textContent = status;
      list.replaceChildren(...shown.children);
      return true;
    }

    // Two rankings: the newest stories first (a few hundred pages, so quick in any archive),
    // then the whole index, which replaces them.
    async function search() {
      const ticket = ++latest;
      const term = input.value.trim();
      if (!term) {
        list.replaceChildren();
        meta.textContent = themeText("search.result.placeholder");
        return;
      }
      try {
        const pagefind = await index();
        if (ticket !== latest) return;
        // One after the other: Pagefind's worker does one thing at a time, so the newest
        // stories' results (and their excerpts) are ready before the long ranking starts.
        const first = await pagefind.search(term, { filters: newest });
        if (ticket !== latest) return;
        // No count yet: it comes with the whole ranking.
        if (first.results.length && !(await show(ticket, first.results, ""))) return;
        const found = await pagefind.search(term);
        if (ticket !== latest) return;
        await show(ticket, found.results, countText(found.results.length));
      } catch (error) {
        unavailable(meta, error);
      }
    }

    function close() {
      if (toggle) toggle.checked = false;
      input.blur();
    }

    // Arrow keys walk from the box through the results and back.
    function move(step) {
      const stops = [input, ...list.querySelectorAll(".md-search-result__link")];
      const at = stops.indexOf(document.activeElement);
      stops[(at + step + stops.length) % stops.length].focus();
    }

    input.addEventListener("focus", open);
    // On small screens the header's button opens the box: the reader can type at once.
    if (toggle) toggle.addEventListener("change", () => toggle.checked && input.focus());
    input.addEventListener("input", afterTyping(search));
    form.addEventListener("reset", () => setTimeout(search));
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") close();
      else if (event.key === "ArrowDown") move(1);
      else if (event.key === "ArrowUp") move(-1);
      else return;
      event.preventDefault();
    });
    document.addEventListener("keydown", (event) => {
      if (!["/", "s", "f"].includes(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  // The search page: query, language, facets and results, kept in the address for sharing.
  function mountPage(form, root) {
    const input = form.querySelector("input[name=q]");
    const meta = form.querySelector(".md-search-result__meta");
    const list = form.querySelector(".md-search-result__list");
    const facets = Array.from(form.querySelectorAll("[data-pressroom-facet]"));
    const address = new URL(location.href);
    input.value = address.searchParams.get("q") || "";
    const wanted = address.searchParams.get("lang");
    for (const radio of form.querySelectorAll("input[name=lang]")) {
      if (radio.value === wanted) radio.checked = true;
    }
    const chosen = new Map(facets.map((facet) => {
      const name = facet.dataset.pressroomFacet;
      return [name, new Set(address.searchParams.getAll(name))];
    }));
    let latest = 0;

    const language = () => form.querySelector("input[name=lang]:checked").value;

    function remember() {
      const state = new URL(location.href);
      state.search = "";
      if (input.value.trim()) state.searchParams.set("q", input.value.trim());
      if (language() !== document.documentElement.lang) state.searchParams.set("lang", language());
      for (const [name, values] of chosen) values.forEach((value) => state.searchParams.append(name, value));
      history.replaceState(null, "", state);
    }

    function filters() {
      const selected = {};
      for (const [name, values] of chosen) if (values.size) selected[name] = { any: [...values] };
      return selected;
    }

    // A facet lists every value of the index, with how many results have it now.
    function showFacets(all, counts) {
      for (const facet of facets) {
        const name = facet.dataset.pressroomFacet;
        const values = Object.keys(all[name] || {}).sort(FACET_ORDER[name] || ((a, b) => a.localeCompare(b, language())));
        facet.hidden = values.length === 0;
        facet.replaceChildren(facet.querySelector("legend"), ...values.map((value) => {
          const label = element("label");
          const box = element("input");
          box.type = "checkbox";
          box.name = name;
          box.value = value;
          box.checked = chosen.get(name).has(value);
          label.append(box, ` ${value} `, element("span", "pressroom-search__count", `(${(counts[name] || {})[value] || 0})`));
          return label;
        }));
      }
    }

    async function search() {
      const ticket = ++latest;
      remember();
      const term = input.value.trim() || null;
      const selected = filters();
      try {
        const pagefind = await openIndex(root, language());
        const all = await pagefind.filters();
        if (!term && !Object.keys(selected).length) {
          if (ticket !== latest) return;
          showFacets(all, all);
          list.replaceChildren();
          meta.textContent = themeText("search.result.placeholder");
          return;
        }
        const found = await pagefind.search(term, { filters: selected });
        if (ticket !== latest) return;
        const fresh = element("ol");
        await showResults(fresh, found.results, 0, PAGE_RESULTS);
        if (ticket !== latest) return;
        showFacets(all, found.filters);
        meta.textContent = countText(found.results.length);
        list.replaceChildren(...fresh.children);
        if (found.results.length > PAGE_RESULTS) list.append(moreButton(found.results, list));
      } catch (error) {
        unavailable(meta, error);
      }
    }

    function moreButton(results, target) {
      const item = element("li", "pressroom-search__more");
      const button = element("button", "md-button", form.dataset.more);
      button.type = "button";
      button.addEventListener("click", async () => {
        const shown = target.querySelectorAll(".md-search-result__item").length;
        item.remove();
        await showResults(target, results, shown, PAGE_RESULTS);
        if (results.length > shown + PAGE_RESULTS) target.append(moreButton(results, target));
      });
      item.append(button);
      return item;
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      search();
    });
    const typed = afterTyping(search);
    form.addEventListener("input", (event) => event.target === input && typed());
    form.addEventListener("change", (event) => {
      const box = event.target;
      if (box.name === "lang") chosen.forEach((values) => values.clear()); // values are per language
      else if (chosen.has(box.name)) chosen.get(box.name)[box.checked ? "add" : "delete"](box.value);
      else return;
      search();
    });
    search();
  }

  const header = document.querySelector("[data-pressroom-search]");
  if (header) mountHeader(header);
  const page = document.querySelector("[data-pressroom-search-page]");
  if (page && header) mountPage(page, header.dataset.pressroomRoot);
})();
