// One polite live region for the page's scripts (keys.ts, stars.ts): what a key or a star did,
// said to screen readers without moving focus. Made when the page loads, empty, so that a later
// change of its text is announced (a region made with its text already in is often not).
const region = document.createElement('div');
region.className = 'visually-hidden';
region.setAttribute('aria-live', 'polite');
region.setAttribute('data-announce', '');
document.body.append(region);

export function announce(text: string): void {
  // The same text twice is announced twice only if the region changes in between.
  region.textContent = region.textContent === text ? `${text}\u00a0` : text;
}
