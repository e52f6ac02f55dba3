// Small enhancements; every page works without them.
"use strict";

document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const target = document.getElementById(button.dataset.copyTarget);
  if (!target || !navigator.clipboard) return;
  navigator.clipboard.writeText(target.value || target.textContent.trim()).then(() => {
    const original = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = original; }, 2000);
  });
});

// Confirmation for destructive buttons that ask for it.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) event.preventDefault();
});

// The main menu is a sidebar on wide screens: keep its disclosure open there.
(() => {
  const menu = document.querySelector("[data-site-menu]");
  if (!menu) return;
  const wide = window.matchMedia("(min-width: 960px)");
  const sync = () => { if (wide.matches) menu.open = true; };
  sync();
  wide.addEventListener("change", sync);
})();
// Suggestion chips add their name to a list field (one per line), once.
document.addEventListener("click", (event) => {
  const chip = event.target.closest("[data-append-to]");
  if (!chip) return;
  const field = document.getElementById(chip.dataset.appendTo);
  if (!field) return;
  const value = chip.dataset.value;
  const items = field.value.split(/[\n,;]+/).map((item) => item.trim()).filter(Boolean);
  if (!items.some((item) => item.toLowerCase() === value.toLowerCase())) items.push(value);
  field.value = items.join("\n");
  chip.setAttribute("aria-pressed", "true");
  field.dispatchEvent(new Event("input", { bubbles: true }));
});

// A search box filters a long checklist (e.g. every contact) as you type; ticked
// items always stay in view. Without this script the whole list shows.
document.querySelectorAll("[data-filter-for]").forEach((input) => {
  const list = document.getElementById(input.dataset.filterFor);
  if (!list) return;
  input.hidden = false;
  const status = input.parentElement.querySelector("[data-filter-status]");
  input.addEventListener("input", () => {
    const query = input.value.trim().toLowerCase();
    let shown = 0;
    for (const item of list.children) {
      const box = item.querySelector("input");
      const match = !query || item.textContent.toLowerCase().includes(query) || (box && box.checked);
      item.hidden = !match;
      if (match) shown += 1;
    }
    if (status) status.textContent = query ? `${shown} shown` : "";
  });
});

// New contact: once a relationship type is picked, suggest its keep-in-touch rhythm
// (as a hint and as placeholders; nothing is filled in or turned on for the user).
(() => {
  const hint = document.querySelector("[data-cadence-hint]");
  if (!hint) return;
  const defaults = JSON.parse(hint.dataset.cadenceDefaults);
  const types = document.getElementById(hint.dataset.cadenceTypes);
  const ideal = document.getElementById(hint.dataset.cadenceIdeal);
  const maximum = document.getElementById(hint.dataset.cadenceMax);
  if (!types) return;
  const update = () => {
    const chosen = [...types.querySelectorAll("input:checked")]
      .map((box) => defaults[box.value]).filter(Boolean)
      .sort((a, b) => a.ideal - b.ideal || a.max - b.max);
    if (!chosen.length) {
      hint.hidden = true;
      hint.textContent = "";
      if (ideal) ideal.placeholder = "";
      if (maximum) maximum.placeholder = "";
      return;
    }
    const best = chosen[0];
    hint.textContent = `Suggested for ${best.label.toLowerCase()}: catch up every ${best.ideal} days; overdue after ${best.max}. Turn on the reminder to use it.`;
    hint.hidden = false;
    if (ideal) ideal.placeholder = String(best.ideal);
    if (maximum) maximum.placeholder = String(best.max);
  };
  types.addEventListener("change", update);
  update();
})();
