// Site search with Pagefind, in Material's search box (docs/overrides/partials/site-search.html).
// Nothing of the index is fetched until the reader opens search: then Pagefind loads its
// code and the index in fragments, only the parts the query needs (scripts/factcheck/search_index.py
// builds them). Texts come from Material's translations, so each edition speaks its language;
// Pagefind picks the index (and the stemmer) of <html lang>.
(() => {
  const box = document.querySelector("[data-fc-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector(".md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const SHOWN = 5; // each result shown loads its page's text (its fragment): the list stays short
  // Every keystroke searches at once (that loads the index chunks the words need), but the
  // results' texts load only once typing has paused: on every keystroke they would be texts
  // of results the reader never sees.
  const PAUSE = 150; // ms, longer than the gap between a quick typist's keys
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  let pagefind = null;
  let latest = 0;
  let typed = 0; // when the last keystroke came

  const load = () =>
    (pagefind ??= import(new URL("pagefind.js", new URL(box.dataset.bundle, location.href)).href).then(
      async (pf) => {
        await pf.options({ excerptLength: 24, noWorker: true }); // its worker is 12 KB more
        await pf.init();
        return pf;
      },
    ));

  // Closed, the results are only faded out (Material's style): inert keeps their links out
  // of the tab order and away from screen readers.
  const output = box.querySelector(".md-search__output");
  const show = (open) => {
    toggle.checked = open;
    output.inert = !open;
  };
  show(false);
  const open = () => {
    show(true);
    load();
  };
  const close = () => {
    show(false);
    input.blur();
  };

  // Pagefind's excerpt is escaped text with <mark> around the matches; parsed in an inert
  // template and rebuilt from text nodes, nothing else from it can become markup.
  const excerpt = (html) => {
    const inert = document.createElement("template");
    inert.innerHTML = html;
    const p = document.createElement("p");
    for (const node of inert.content.childNodes) {
      const text = document.createTextNode(node.textContent);
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.append(text);
        p.append(mark);
      } else p.append(text);
    }
    return p;
  };

  const item = (data) => {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    article.append(title, excerpt(data.excerpt));
    a.append(article);
    li.append(a);
    return li;
  };

  const count = (n) =>
    n === 0 ? t["search.result.none"] : n === 1 ? t["search.result.one"] : t["search.result.other"].replace("#", n);

  const run = async () => {
    const query = input.value.trim();
    const id = ++latest;
    typed = performance.now();
    if (!query) {
      list.replaceChildren();
      meta.textContent = t["search.result.placeholder"];
      return;
    }
    const pf = await load();
    const found = await pf.search(query);
    await sleep(PAUSE - (performance.now() - typed));
    if (id !== latest) return; // a later keystroke has taken over
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (id !== latest) return;
    meta.textContent = count(found.results.length);
    list.replaceChildren(...data.map(item));
  };

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  box.querySelector("form").addEventListener("submit", (event) => event.preventDefault());
  box.querySelector("form").addEventListener("reset", () => {
    setTimeout(run); // after the form has emptied the box
    input.focus();
  });
  // The header's magnifier (small screens) ticks the toggle: the box takes the focus.
  toggle.addEventListener("change", () => {
    if (!toggle.checked) return close();
    open();
    input.focus();
  });
  list.addEventListener("click", (event) => event.target.closest("a") && close());
  // Tabbing out of the search box closes it, as Material's does.
  box.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) show(false);
  });

  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  window.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (!toggle.checked) {
      // Material's keys for search: f, s or /, when the reader is not typing elsewhere.
      if (["f", "s", "/"].includes(event.key) && !typing(document.activeElement)) {
        event.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    const links = [input, ...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && at === 0 && links.length > 1) {
      event.preventDefault();
      links[1].click();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      links[(Math.max(at, 0) + step + links.length) % links.length].focus();
    }
  });
})();
