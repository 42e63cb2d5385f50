// Progressive enhancement only: every page works without this file.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.value ?? source.textContent).then(() => {
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});

// A form that answers JSON to a script: posted without a page reload, its answer handed to
// `update`. Without JavaScript, or when the answer is not OK, the same form posts and comes back.
function postInPlace(selector, update) {
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest(selector);
    if (!form) return;
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { "Accept": "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) {
        form.submit();
        return;
      }
      update(form, button, await response.json());
    } finally {
      button.disabled = false;
    }
  });
}

// Upvotes.
postInPlace("form[data-vote]", (form, button, tally) => {
  form.querySelector(".upvotes").textContent = tally.upvotes;
  form.querySelector("input[name=undo]").value = tally.upvoted ? "true" : "false";
  button.setAttribute("aria-pressed", tally.upvoted ? "true" : "false");
  button.title = tally.upvoted ? "Remove your upvote" : "Upvote";
});

// Saving to the reading list.
postInPlace("form[data-save]", (form, button, { saved }) => {
  form.querySelector("input[name=undo]").value = saved ? "true" : "false";
  button.setAttribute("aria-pressed", saved ? "true" : "false");
  button.title = saved ? "Remove from your reading list" : "Save to your reading list";
  button.querySelector("[aria-hidden]").textContent = saved ? "★" : "☆";
  button.querySelector(".save-label").textContent = saved ? "Saved" : "Save";
});

// A library file chosen from disk fills the paste box; without JavaScript, pasting works the same.
document.addEventListener("change", async (event) => {
  const input = event.target.closest("input[data-fills]");
  if (!input || !input.files.length) return;
  const target = document.getElementById(input.dataset.fills);
  if (target) target.value = await input.files[0].text();
});

// Maths: titles and abstracts keep arXiv's TeX source, and KaTeX, served by Paperboy under a
// versioned path, renders it in the elements marked .tex. It is fetched only by pages that hold a
// formula. Text that is not valid TeX stays as it was written (KaTeX's parse error is swallowed).
const KATEX = "/katex/0.19.1/";
const FORMULA = /\$|\\\(|\\\[/;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

async function renderMaths() {
  const texts = [...document.querySelectorAll(".tex")].filter((el) => FORMULA.test(el.textContent));
  if (!texts.length) return;
  const css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = KATEX + "katex.min.css";
  document.head.append(css);
  await loadScript(KATEX + "katex.min.js");
  await loadScript(KATEX + "contrib/auto-render.min.js");
  const options = {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    // Macros arXiv authors use that KaTeX lacks, read as their nearest KaTeX form.
    macros: { "\\mathbbm": "\\mathbb{#1}", "\\textsc": "\\text{#1}", "\\bold": "\\mathbf{#1}" },
    // A formula cannot make itself huge or fetch anything: sizes are capped and \href, \url and
    // \includegraphics stay off (trust is false by default).
    maxSize: 10,
    maxExpand: 500,
    errorCallback: () => {},
  };
  for (const el of texts) window.renderMathInElement(el, options);
  document.documentElement.dataset.maths = "rendered";
}

renderMaths();
