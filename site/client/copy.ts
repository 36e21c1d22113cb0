// The paper page's copy buttons (components/CiteBlock.astro): each copies the text of the element
// its `data-copy` names, says so on the button for a moment and in a status line for screen
// readers. The buttons are hidden until this runs, so without JavaScript there is no button
// that does nothing, only the text to select.
const announcer = document.querySelector<HTMLElement>('[data-copy-status]');

async function copy(text: string, source: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (an insecure origin, an old browser): select the text, so Ctrl-C works.
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const source = document.getElementById(button.dataset['copy'] ?? '');
  if (!source) continue;
  const label = button.textContent ?? 'Copy';
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const copied = await copy(source.textContent ?? '', source);
    const said = copied ? 'Copied' : 'Selected: press Ctrl-C (⌘-C) to copy';
    button.textContent = copied ? 'Copied ✓' : 'Selected';
    if (announcer) announcer.textContent = `${label.replace(/^Copy /, '')}: ${said}.`;
    clearTimeout(timer);
    timer = setTimeout(() => {
      button.textContent = label;
    }, 2000);
  });
}

// A module, not a script: its names stay its own.
export {};
