// The light/dark toggle. The page follows the system setting until the reader chooses; a choice
// equal to the system setting is forgotten, so the page follows the system again. The button's
// name stays "Dark theme" and aria-pressed says whether the dark theme is on (a toggle's name
// must not change with its state); its title says what a click does now.
const root = document.documentElement;
const media = window.matchMedia('(prefers-color-scheme: dark)');
const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

const system = (): 'light' | 'dark' => (media.matches ? 'dark' : 'light');
const current = (): 'light' | 'dark' => {
  const chosen = root.getAttribute('data-theme');
  return chosen === 'light' || chosen === 'dark' ? chosen : system();
};

function remember(theme: 'light' | 'dark' | null): void {
  try {
    if (theme) localStorage.setItem('theme', theme);
    else localStorage.removeItem('theme');
  } catch {
    // Storage can be off (private windows, file://): the toggle still works for this page.
  }
}

if (button) {
  const show = (): void => {
    const dark = current() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.title = dark ? 'Switch to the light theme' : 'Switch to the dark theme';
  };
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    if (next === system()) {
      root.removeAttribute('data-theme');
      remember(null);
    } else {
      root.setAttribute('data-theme', next);
      remember(next);
    }
    show();
  });
  media.addEventListener('change', show);
}
