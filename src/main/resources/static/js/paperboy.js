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

// Upvotes without a page reload; without JavaScript the same form posts and comes back.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-vote]");
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
    const tally = await response.json();
    form.querySelector(".upvotes").textContent = tally.upvotes;
    form.querySelector("input[name=undo]").value = tally.upvoted ? "true" : "false";
    button.setAttribute("aria-pressed", tally.upvoted ? "true" : "false");
    button.title = tally.upvoted ? "Remove your upvote" : "Upvote";
  } finally {
    button.disabled = false;
  }
});

// A library file chosen from disk fills the paste box; without JavaScript, pasting works the same.
document.addEventListener("change", async (event) => {
  const input = event.target.closest("input[data-fills]");
  if (!input || !input.files.length) return;
  const target = document.getElementById(input.dataset.fills);
  if (target) target.value = await input.files[0].text();
});
