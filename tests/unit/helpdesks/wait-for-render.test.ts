import { waitForRender } from '../../../lib/helpdesks/wait-for-render';

/** Lets queued mutation records reach their observers (they are delivered in a microtask). */
const settleMutations = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** A `find` that looks for `.ticket` under `root` and counts its calls. */
function finder(root: ParentNode) {
  const find = vi.fn(() => root.querySelector('.ticket'));
  return find;
}

let root: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  root = document.createElement('main');
  document.body.append(root);
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** After a wait has settled: further DOM changes no longer call `find`, and no timer is left. */
async function expectFinished(find: ReturnType<typeof finder>, disconnect: { mock: { calls: unknown[] } }) {
  expect(vi.getTimerCount()).toBe(0);
  expect(disconnect.mock.calls.length).toBeGreaterThanOrEqual(1);
  const calls = find.mock.calls.length;
  root.append(document.createElement('p'));
  root.setAttribute('data-id', 'later');
  await settleMutations();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(find).toHaveBeenCalledTimes(calls);
}

describe('waitForRender', () => {
  it('resolves at once with what is already on the page, setting up no observer or timer', async () => {
    root.innerHTML = '<div class="ticket">T-1</div>';
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const find = finder(root);
    const found = await waitForRender(root, find, { signal: new AbortController().signal, timeoutMs: 1000 });
    expect(found?.textContent).toBe('T-1');
    expect(find).toHaveBeenCalledTimes(1);
    expect(observe).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after the DOM under the root changes, then stops watching', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const find = finder(root);
    const waiting = waitForRender(root, find, { signal: new AbortController().signal, timeoutMs: 1000 });
    root.append(document.createElement('span'));
    await settleMutations();
    expect(vi.getTimerCount()).toBe(1);
    root.insertAdjacentHTML('beforeend', '<div class="ticket">T-2</div>');
    expect((await waiting)?.textContent).toBe('T-2');
    await expectFinished(find, disconnect);
  });

  it('sees text changes (characterData) under the root', async () => {
    root.innerHTML = '<p>loading</p>';
    const text = root.querySelector('p')?.firstChild;
    if (!text) throw new Error('no text node');
    const find = vi.fn(() => (root.textContent === 'ready' ? 'ready' : null));
    const waiting = waitForRender(root, find, { signal: new AbortController().signal, timeoutMs: 1000 });
    text.textContent = 'ready';
    await expect(waiting).resolves.toBe('ready');
  });

  it('ignores changes outside the root', async () => {
    const find = finder(root);
    const waiting = waitForRender(root, find, { signal: new AbortController().signal, timeoutMs: 1000 });
    document.body.insertAdjacentHTML('beforeend', '<div class="ticket">elsewhere</div>');
    await settleMutations();
    expect(find).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(waiting).resolves.toBeNull();
  });

  it('watches only the attributes it is given', async () => {
    root.innerHTML = '<div data-id="1" title="a"></div>';
    const view = root.firstElementChild;
    if (!view) throw new Error('no view');
    const findTwo = vi.fn(() => (view.getAttribute('data-id') === '2' ? view : null));
    const withFilter = waitForRender(root, findTwo, { signal: new AbortController().signal, timeoutMs: 1000, attributeFilter: ['data-id'] });
    view.setAttribute('title', 'b');
    await settleMutations();
    expect(findTwo).toHaveBeenCalledTimes(1);
    view.setAttribute('data-id', '2');
    await expect(withFilter).resolves.toBe(view);

    const findThree = vi.fn(() => (view.getAttribute('data-id') === '3' ? view : null));
    const withoutFilter = waitForRender(root, findThree, { signal: new AbortController().signal, timeoutMs: 1000 });
    view.setAttribute('data-id', '3');
    await settleMutations();
    expect(findThree).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(withoutFilter).resolves.toBeNull();
  });

  it('resolves with null after the timeout, and not before', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const find = finder(root);
    let result: unknown = 'pending';
    const waiting = waitForRender(root, find, { signal: new AbortController().signal, timeoutMs: 5000 }).then((value) => (result = value));
    await vi.advanceTimersByTimeAsync(4999);
    expect(result).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(result).toBeNull();
    await expectFinished(find, disconnect);
  });

  it('rejects at once with the reason of an already aborted signal, without looking', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    root.innerHTML = '<div class="ticket">T-3</div>';
    const find = finder(root);
    const reason = new Error('left the ticket');
    await expect(waitForRender(root, find, { signal: AbortSignal.abort(reason), timeoutMs: 1000 })).rejects.toBe(reason);
    expect(find).not.toHaveBeenCalled();
    expect(observe).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the reason when aborted while waiting, then stops watching', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const controller = new AbortController();
    const find = finder(root);
    const waiting = waitForRender(root, find, { signal: controller.signal, timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await expectFinished(find, disconnect);
  });

  it('ignores an abort after it has found what it waited for', async () => {
    const controller = new AbortController();
    const find = finder(root);
    const waiting = waitForRender(root, find, { signal: controller.signal, timeoutMs: 1000 });
    root.insertAdjacentHTML('beforeend', '<div class="ticket">T-4</div>');
    expect((await waiting)?.textContent).toBe('T-4');
    controller.abort();
    await expect(waiting).resolves.toBeTruthy();
  });

  it('rejects with the error of a find that throws on a change, then stops watching', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const broken = new Error('bad selector');
    let calls = 0;
    const find = vi.fn(() => {
      calls += 1;
      if (calls > 1) throw broken;
      return null;
    });
    const waiting = waitForRender(root, find, { signal: new AbortController().signal, timeoutMs: 1000 });
    root.append(document.createElement('span'));
    await expect(waiting).rejects.toBe(broken);
    expect(disconnect).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
