// The listing page (in the shape of its day's era: 2024 or 2026), redirects between days, paper
// pages and static files, as a plain HTTP client sees them.
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ERA_DAYS, fixtureDates, fixtureItems } from '../../../../scripts/fixtures/hf-days.ts';
import { eraOf } from '../../../../scripts/replay/listing-page.ts';
import { get, getJson, islandProps, replayServer, withUpvoted } from '../../../helpers/replay.ts';

const replay = replayServer();

describe('listing page', () => {
  it.each([...Object.values(ERA_DAYS), '2026-03-17', '2026-06-01'])(
    '%s embeds the day in the DailyPapers island, as the API has it, and renders one card per paper',
    async (date) => {
      const res = await get(`${replay.url}/papers/date/${date}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const items = fixtureItems(date);
      const props = islandProps(res.text, 'DailyPapers');
      expect(props.dailyPapers).toEqual(withUpvoted(items));
      if (eraOf(date) === '2024') {
        // 2024: the day is `date`, a timestamp; nothing of the 2026 keys.
        expect(Object.keys(props).sort()).toEqual([
          'canSubmit',
          'dailyPapers',
          'date',
          'nextDate',
          'prevDate',
          'publisher',
        ]);
        expect(props.date).toBe(`${date}T00:00:00.000Z`);
      } else {
        expect(props.dateString).toBe(date);
        expect(props).toMatchObject({
          periodType: 'day',
          query: {},
          isTrending: false,
          canSubmit: false,
          publisher: null,
        });
        expect(props).not.toHaveProperty('authLight');
        expect(props).not.toHaveProperty('date');
      }

      const $ = cheerio.load(res.text);
      const cards = $('[data-target="DailyPapers"] article');
      expect(cards.length).toBe(items.length);
      expect(cards.map((_, c) => $(c).find('h3 a').text()).get()).toEqual(items.map((i) => i.paper.title));
      expect(cards.map((_, c) => $(c).find('h3 a').attr('href')).get()).toEqual(
        items.map((i) => `/papers/${i.paper.id}`),
      );
      expect(cards.map((_, c) => $(c).find('a[href^="/login"] .leading-none').text()).get()).toEqual(
        items.map((i) => (i.paper.upvotes > 0 ? String(i.paper.upvotes) : '-')),
      );
      expect(cards.map((_, c) => $(c).find('a[href$="#community"] span').text()).get()).toEqual(
        items.map((i) => String(i.numComments ?? 0)),
      );
    },
  );

  it('gives prevDate, the page nav and the other islands, before and after the listing', async () => {
    const { text } = await get(`${replay.url}/papers/date/2026-08-03`);
    const props = islandProps(text, 'DailyPapers');
    expect(props.prevDate).toBe('2026-07-31');
    const $ = cheerio.load(text);
    const targets = $('.SVELTE_HYDRATER')
      .map((_, e) => $(e).attr('data-target'))
      .get();
    expect(targets.indexOf('DailyPapers')).toBeGreaterThan(targets.indexOf('MainHeader'));
    expect(targets.indexOf('MainHeader')).toBeGreaterThan(targets.indexOf('SystemThemeMonitor'));
    expect(targets.indexOf('SystemThemeMonitor')).toBe(0);
    expect(islandProps(text, 'MainHeader').announcement.text).toContain("Hugging Face's");
    expect(text).toContain('&#39;');
    expect($('a[href="/papers/trending"]').length).toBeGreaterThan(0);
    expect($('a[rel="prev"]').attr('href')).toBe('/papers/date/2026-07-31');
    expect($('a[rel="next"]').attr('href')).toBe('/papers/date/2026-08-04');
    expect($('script[src="/challenge.js"]').attr('defer')).toBeDefined();
    expect($('footer').length).toBe(1);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows organization chips, author counts, submitters and thumbnails on the cards', async () => {
    const date = ERA_DAYS.late2026;
    const items = fixtureItems(date);
    const $ = cheerio.load((await get(`${replay.url}/papers/date/${date}`)).text);
    $('article').each((i, el) => {
      const card = $(el);
      const item = items[i]!;
      const org = item.organization ?? item.paper.organization ?? item.submitterOrganization;
      if (org) {
        expect(card.find(`a[href="/${org.name}"] span`).text()).toBe(org.fullname);
        expect(card.text()).not.toMatch(/· \d+ authors?/);
      } else {
        const n = item.paper.authors.length;
        expect(card.text()).toContain(`· ${n} ${n === 1 ? 'author' : 'authors'}`);
        expect(card.find('ul li img').length).toBe(Math.min(n, 5));
      }
      // The badge shows the account name, before the vote box, and is `.leading-none` too.
      const badge = card.find('.leading-none').first();
      expect(badge.text().replace(/\s+/g, ' ')).toBe(`Submitted by ${item.submittedBy.name}`);
      expect(card.find('.leading-none').length).toBe(2);
      // The thumbnail is the item's, as the site's CDN serves it; a video where the paper has one.
      const video = (item.mediaUrls ?? []).find((u: string) => u.endsWith('.mp4'));
      if (video) expect(card.find('video').first().attr('poster')).toBe(item.thumbnail);
      else expect(card.find('img').first().attr('src')).toBe(item.thumbnail);
      // 2026 cards link to the paper from the thumbnail, the title, "View paper", the stars (if
      // any) and the author list (if no organization).
      const links = card.find(`a[href="/papers/${item.paper.id}"]`);
      expect(links.length).toBe(3 + (item.paper.githubStars !== undefined ? 1 : 0) + (org ? 0 : 1));
      if (item.paper.githubStars !== undefined)
        expect(card.find('a[title="GitHub stars"] span').text()).toBe(String(item.paper.githubStars));
    });
    expect($('video').length).toBe(
      items.filter((i) => (i.mediaUrls ?? []).some((u: string) => u.endsWith('.mp4'))).length,
    );
    // Every other image on the page (avatars, logos) is served by the replay server itself.
    for (const src of $('img')
      .map((_, e) => $(e).attr('src'))
      .get()
      .filter((s) => !s.startsWith('https://cdn-thumbnails.huggingface.co/')))
      expect(src.startsWith('/')).toBe(true);
  });

  it('shows a 2024 page as 2024 did: the author list, /papers?date= links, a <time>, no extra paper links', async () => {
    const date = ERA_DAYS.mid2024;
    const $ = cheerio.load((await get(`${replay.url}/papers/date/${date}`)).text);
    expect($('article').first().text()).toMatch(/· \d+ authors/);
    expect($('article').first().find('img').first().attr('src')).toBe(fixtureItems(date)[0]!.thumbnail);
    expect($('time').attr('datetime')).toBe(date);
    expect($('a[rel="prev"]').attr('href')).toMatch(/^\/papers\?date=\d{4}-\d{2}-\d{2}$/);
    expect($('a[href="/papers/trending"]').length).toBe(0);
    expect($('article a:contains("View paper")').length).toBe(0);
  });

  it('links the 2024 day form /papers?date=D to /papers/date/D', async () => {
    const res = await get(`${replay.url}/papers?date=2024-07-15`);
    expect([res.status, res.headers.get('location')]).toEqual([302, '/papers/date/2024-07-15']);
    expect((await get(`${replay.url}/papers?date=soon`)).status).toBe(404);
  });

  it('escapes text and attributes, and the embedded JSON survives any characters', async () => {
    const nasty = {
      paper: {
        id: '2608.99999',
        title: `Tags <think>, "quotes", it's & $\\alpha$ </script><!-- &amp;`,
        summary: `${'x'.repeat(10)} & <b>bold</b>`,
        authors: [{ _id: 'a1', name: `O'Brien <x>`, hidden: false }],
        upvotes: 0,
        publishedAt: '2026-08-09T00:00:00.000Z',
      },
      title: 'outer',
      numComments: 0,
      submittedBy: { fullname: 'Ann', name: 'Ann & "Bob" <c>' },
      organization: { name: 'we&rd"org', fullname: `L'Org <& Co>` },
      isAuthorParticipating: false,
    };
    replay.server.setDay('2026-08-10', [nasty]);
    try {
      const { status, text } = await get(`${replay.url}/papers/date/2026-08-10`);
      expect(status).toBe(200);
      expect(islandProps(text, 'DailyPapers').dailyPapers).toEqual([{ ...nasty, upvoted: false }]);
      const $ = cheerio.load(text);
      const card = $('article');
      expect(card.find('h3 a').text()).toBe(nasty.paper.title);
      expect(card.find('a[href^="/login"] .leading-none').text()).toBe('-');
      expect(card.find(':contains("Submitted by")').last().text().replace(/\s+/g, ' ')).toBe(
        'Submitted by Ann & "Bob" <c>',
      );
      expect(card.find('a[href="/we&rd\\"org"] span').text()).toBe(`L'Org <& Co>`);
      expect(text).not.toContain('<think>');
      // Nothing in the data opened or closed an element: the page has the usual scripts and one end.
      const usual = cheerio.load((await get(`${replay.url}/papers/date/2026-08-07`)).text);
      expect($('script').length).toBe(usual('script').length);
      expect(text.match(/<\/html>/g)?.length).toBe(1);

      const paper = await get(`${replay.url}/papers/2608.99999`);
      const $p = cheerio.load(paper.text);
      expect($p('h1').text()).toBe(nasty.paper.title);
      expect(JSON.parse($p('script[type="application/ld+json"]').text()).headline).toBe(nasty.paper.title);
    } finally {
      replay.server.setDay('2026-08-10', null);
    }
  });
});

describe('days without a listing', () => {
  it.each([
    ['2026-08-08', '2026-08-07', 'a Saturday'],
    ['2026-08-09', '2026-08-07', 'a Sunday, in the future'],
    ['2026-05-26', '2026-05-25', 'a weekday gap in the data'],
    ['2027-01-01', '2026-08-07', 'far in the future'],
    ['2020-01-01', '2023-05-04', 'before the first day'],
    ['2025-01-15', '2024-10-10', 'a long gap between era days'],
  ])('%s redirects (302) to %s (%s)', async (date, to) => {
    const res = await get(`${replay.url}/papers/date/${date}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/papers/date/${to}`);
  });

  it('lands on the earlier day when redirects are followed', async () => {
    const res = await fetch(`${replay.url}/papers/date/2026-08-08`);
    expect(res.url).toBe(`${replay.url}/papers/date/2026-08-07`);
    expect(islandProps(await res.text(), 'DailyPapers').dateString).toBe('2026-08-07');
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '20260807'])(
    'answers 404 for the invalid date %s',
    async (date) => {
      const res = await get(`${replay.url}/papers/date/${date}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    },
  );

  it('knows every fixture day', () => {
    expect(replay.server.summary()).toEqual({
      days: fixtureDates().length,
      first: '2023-05-04',
      last: '2026-08-07',
      today: '2026-08-08',
    });
  });
});

describe('setDay', () => {
  it('adds, changes and removes days at runtime', async () => {
    const items = fixtureItems('2026-08-07').slice(0, 3);
    replay.server.setDay('2026-08-10', items);
    try {
      // The site's "today" follows the newest day: 08-10 is listed, 08-08 now redirects to 08-07.
      expect((await get(`${replay.url}/papers/date/2026-08-10`)).status).toBe(200);
      expect((await get(`${replay.url}/papers/date/2026-08-09`)).headers.get('location')).toBe(
        '/papers/date/2026-08-07',
      );
      expect((await get(`${replay.url}/papers/date/2026-08-12`)).headers.get('location')).toBe(
        '/papers/date/2026-08-10',
      );
      const next = cheerio
        .load((await get(`${replay.url}/papers/date/2026-08-07`)).text)('a[rel="next"]')
        .attr('href');
      expect(next).toBe('/papers/date/2026-08-10');

      const upvoted = items.map((i) => ({ ...i, paper: { ...i.paper, upvotes: i.paper.upvotes + 100 } }));
      replay.server.setDay('2026-08-10', [...upvoted, fixtureItems('2026-08-06')[0]!]);
      const props = islandProps((await get(`${replay.url}/papers/date/2026-08-10`)).text, 'DailyPapers');
      expect(props.dailyPapers.map((i: any) => i.paper.upvotes)).toEqual([
        ...upvoted.map((i) => i.paper.upvotes),
        fixtureItems('2026-08-06')[0]!.paper.upvotes,
      ]);
      expect((await getJson(`${replay.url}/api/daily_papers?date=2026-08-10`)).body).toHaveLength(4);
    } finally {
      replay.server.setDay('2026-08-10', null);
    }
    expect((await get(`${replay.url}/papers/date/2026-08-10`)).headers.get('location')).toBe('/papers/date/2026-08-07');
    expect((await getJson(`${replay.url}/api/daily_papers?date=2026-08-10`)).status).toBe(400);
  });

  it('treats an empty day as no listing', async () => {
    replay.server.setDay('2026-08-06', []);
    try {
      expect((await get(`${replay.url}/papers/date/2026-08-06`)).headers.get('location')).toBe(
        '/papers/date/2026-08-05',
      );
    } finally {
      replay.server.setDay('2026-08-06', fixtureItems('2026-08-06'));
    }
    expect((await get(`${replay.url}/papers/date/2026-08-06`)).status).toBe(200);
  });
});

describe('paper pages', () => {
  const item = fixtureItems('2026-08-07')[0]!;

  it('serves the paper page with the PaperContent island and JSON-LD', async () => {
    const res = await get(`${replay.url}/papers/${item.paper.id}`);
    expect(res.status).toBe(200);
    const props = islandProps(res.text, 'PaperContent');
    expect(props.paper).toEqual(item.paper);
    expect(props.paper.submittedOnDailyBy.user).toBe('zzzzhw');
    const ld = JSON.parse(cheerio.load(res.text)('script[type="application/ld+json"]').text());
    expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', headline: item.paper.title, abstract: item.paper.summary });
    expect(ld.author.map((a: any) => a.name)).toEqual(item.paper.authors.map((a: any) => a.name));
  });

  it('serves the text version', async () => {
    const res = await get(`${replay.url}/papers/${item.paper.id}.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.text).toContain(`# ${item.paper.title}`);
    expect(res.text).toContain(item.paper.summary);
  });

  it('answers 404 for an unknown paper', async () => {
    expect((await get(`${replay.url}/papers/2699.00000`)).status).toBe(404);
    expect((await get(`${replay.url}/papers/2699.00000.md`)).status).toBe(404);
  });
});

describe('other paths', () => {
  it('serves thumbnails, the WAF script and stand-ins for the front end, and 404s the rest', async () => {
    const png = await fetch(`${replay.url}/thumbnails/2608.05987.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await get(`${replay.url}/challenge.js`)).status).toBe(200);
    expect((await get(`${replay.url}/front/build/kube-5e2f1c4/style.css`)).status).toBe(200);
    expect((await get(`${replay.url}/favicon.ico`)).status).toBe(404);
    expect((await get(`${replay.url}/models`)).status).toBe(404);
    expect((await get(`${replay.url}/papers/week/2026-W32`)).status).toBe(404);
  });

  it('serves /papers/trending as the newest day with isTrending, and redirects /papers to the newest day', async () => {
    const trending = await get(`${replay.url}/papers/trending`);
    expect(trending.status).toBe(200);
    expect(islandProps(trending.text, 'DailyPapers')).toMatchObject({ dateString: '2026-08-07', isTrending: true });
    const papers = await get(`${replay.url}/papers`);
    expect([papers.status, papers.headers.get('location')]).toEqual([302, '/papers/date/2026-08-07']);
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await fetch(`${replay.url}/papers/date/2026-08-07`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(10_000);
    expect(await res.text()).toBe('');
  });

  it('logs every request in order', async () => {
    const before = replay.server.requests.length;
    await get(`${replay.url}/papers/date/2026-08-08`);
    await fetch(`${replay.url}/papers/date/2026-08-07`, {
      headers: { 'user-agent': 'replay-test/1', cookie: 'a=b' },
    }).then((r) => r.text());
    const log = replay.server.requests.slice(before);
    expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/papers/date/2026-08-08', 302],
      ['GET', '/papers/date/2026-08-07', 200],
    ]);
    expect(log[1]).toMatchObject({ userAgent: 'replay-test/1', cookie: 'a=b' });
    expect(log[1]!.ms).toBeGreaterThanOrEqual(0);
    expect(log[1]!.at).toBeGreaterThanOrEqual(log[0]!.at);
    const overHttp = (await getJson(`${replay.url}/__replay/requests`)).body;
    expect(overHttp.slice(before)).toEqual(JSON.parse(JSON.stringify(log)));
  });
});
