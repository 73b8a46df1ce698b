/**
 * The dashboard shell: sign in with a pasted token, pick a community, switch between the map and the
 * weekly views. Chinese first; the language button re-renders every label in place.
 */
import './style.css';
import { ApiError, gql, token } from './api.ts';
import { currentLang, onLangChange, setLang, t, term, type WordKey } from './i18n.ts';
import { NetworkMap } from './map.ts';
import { clearError, el, setBanner, showError } from './ui.ts';
import { loadApiEnums } from './enums.ts';
import { VIEWS, type ViewContext } from './views.ts';

type Tab = 'map' | (typeof VIEWS)[number]['key'];

const app = document.querySelector<HTMLElement>('#app')!;
const banner = el('div', { role: 'alert', class: 'banner', 'data-testid': 'error', hidden: '' });
setBanner(banner);

const tokenInput = el('input', { type: 'password', id: 'token', autocomplete: 'off', 'data-testid': 'token' }) as HTMLInputElement;
const signIn = el('form', { class: 'sign-in', 'data-testid': 'sign-in' }, [
  el('label', { for: 'token', 'data-word': 'tokenLabel' }),
  tokenInput,
  el('button', { type: 'submit', 'data-word': 'signIn' }),
  el('p', { class: 'hint', 'data-word': 'tokenHint' }),
]);
const who = el('span', { class: 'who', 'data-testid': 'who' });
const community = el('select', { 'data-testid': 'community', 'aria-label': 'community' }) as HTMLSelectElement;
const signOut = el('button', { type: 'button', 'data-word': 'signOut', 'data-testid': 'sign-out' });
const langButton = el('button', { type: 'button', class: 'lang', 'data-testid': 'lang' });
const tabs = el('nav', { class: 'tabs', role: 'tablist' });
const content = el('main', { class: 'content', 'data-testid': 'content' });
const session = el('div', { class: 'session', hidden: '' }, [el('label', {}, [el('span', { 'data-word': 'community' }), community]), who, signOut]);
const map = new NetworkMap();
let tab: Tab = 'map';
const viewContext: ViewContext = {
  get role() {
    return who.dataset.role ?? '';
  },
  // The map redraws at the community's (possibly new) last date, residents where they were.
  networkChanged: () => void map.open(community.value, { keepPositions: true }),
};

app.append(
  el('header', {}, [el('h1', { 'data-word': 'title' }), langButton]),
  banner,
  signIn,
  session,
  tabs,
  content,
);

function relabel(): void {
  app.querySelectorAll<HTMLElement>('[data-word]').forEach((node) => (node.textContent = t(node.dataset.word as WordKey)));
  langButton.textContent = currentLang() === 'zh' ? 'English' : '中文';
  document.title = `${t('title')} · reweave`;
  tabs.replaceChildren(
    ...(['map', ...VIEWS.map((v) => v.key)] as Tab[]).map((key) => {
      const button = el('button', { type: 'button', role: 'tab', 'data-tab': key, 'aria-selected': String(key === tab) }, [t(key as WordKey)]);
      button.addEventListener('click', () => void show(key));
      return button;
    }),
  );
  map.relabel();
}

async function show(next: Tab): Promise<void> {
  tab = next;
  tabs.querySelectorAll<HTMLElement>('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === next)));
  clearError();
  if (next === 'map') {
    content.replaceChildren(map.root);
    map.shown();
    return;
  }
  const view = VIEWS.find((v) => v.key === next)!;
  content.replaceChildren(el('p', { 'data-testid': 'view-loading' }, [t('loading')]));
  try {
    const node = await view.render(community.value, viewContext);
    if (tab !== next) return;
    node.dataset.testid = `view-${next}`;
    content.replaceChildren(el('h2', {}, [t(next as WordKey)]), node);
  } catch (error) {
    content.replaceChildren();
    showError(error);
  }
}

async function start(): Promise<void> {
  clearError();
  try {
    const [data] = await Promise.all([gql<{ me: { role: string; communities: string[] }; communities: { edges: { node: { id: string; name: string } }[] } }>(
      '{ me { role communities } communities(first: 100) { edges { node { id name } } } }',
    ), loadApiEnums()]);
    signIn.hidden = true;
    session.hidden = false;
    who.textContent = `${t('role')}: ${term('Role', data.me.role)}`;
    who.dataset.role = data.me.role;
    community.replaceChildren(...data.communities.edges.map(({ node }) => el('option', { value: node.id }, [node.name])));
    if (data.communities.edges.length === 0) return;
    await show('map');
    await map.open(community.value);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      token.clear();
      signIn.hidden = false;
      session.hidden = true;
    }
    showError(error);
  }
}

signIn.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!tokenInput.value.trim()) return;
  token.set(tokenInput.value);
  tokenInput.value = '';
  void start();
});
signOut.addEventListener('click', () => {
  token.clear();
  session.hidden = true;
  signIn.hidden = false;
  content.replaceChildren();
});
community.addEventListener('change', () => {
  void (async () => {
    await show(tab);
    await map.open(community.value);
  })();
});
langButton.addEventListener('click', () => {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
});
onLangChange(() => {
  relabel();
  if (tab !== 'map' && !session.hidden) void show(tab);
});

document.documentElement.lang = currentLang() === 'zh' ? 'zh-CN' : 'en';
relabel();
if (token.get()) void start();
