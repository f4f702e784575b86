import { browser } from 'wxt/browser';
import { PANEL_WIDTH, type PanelLayout } from '../messaging/panel-layout';
import { sendToBackground } from './send-to-background';

const STYLE = `
:host{all:initial}
.launcher{position:fixed;top:40%;right:0;z-index:2147483646;writing-mode:vertical-rl;padding:12px 6px;border:0;border-radius:6px 0 0 6px;background:#3b3bb3;color:#fff;font:600 13px system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 8px #0004}
.launcher:focus-visible,.handle:focus-visible{outline:3px solid #ffbf47;outline-offset:1px}
.panel{position:fixed;top:0;right:0;bottom:0;z-index:2147483647;display:flex;background:#fff;box-shadow:-2px 0 12px #0003}
.handle{width:6px;cursor:col-resize;background:#d9d9e8;border:0;padding:0}
iframe{border:0;height:100%;flex:1}
[hidden]{display:none!important}
`;

function clampWidth(width: number): number {
  return Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, Math.round(width)));
}

/** The panel beside the ticket: its resize handle and the extension page in an iframe. */
interface OpenPanel {
  box: HTMLDivElement;
  handle: HTMLDivElement;
  iframe: HTMLIFrameElement;
}

/**
 * The slim launcher at the right edge and the panel iframe beside the ticket, in a closed shadow
 * root so the helpdesk's styles and scripts cannot reach into it. The iframe is an extension page:
 * the page cannot read what it shows. Only the launcher is built up front; the panel and its iframe
 * are built the first time the panel opens, so a user who keeps the panel closed pays for neither.
 */
export class PanelFrame {
  private readonly host = document.createElement('qa-lens-panel');
  private readonly root = this.host.attachShadow({ mode: 'closed' });
  private readonly launcher = document.createElement('button');
  private panel: OpenPanel | null = null;
  private width: number = PANEL_WIDTH.default;
  private open = false;

  /**
   * `onOpen` runs whenever the panel opens, remembered or asked for: the ticket is read then.
   * `frameToken` goes into the iframe's URL, out of the page's reach: the panel names it to the
   * worker to be shown this page's ticket.
   */
  constructor(private readonly options: { onOpen(): void; frameToken: string }) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.launcher.className = 'launcher';
    this.launcher.textContent = 'QA Lens';
    this.launcher.setAttribute('aria-label', 'Open QA Lens panel');
    this.launcher.addEventListener('click', () => this.setOpen(true, true));
    this.root.append(style, this.launcher);
  }

  /** Shows the launcher and, if the user left it open, the panel, as `layout` remembers them. */
  mount(layout: PanelLayout): void {
    this.width = clampWidth(layout.width);
    this.open = layout.open;
    document.documentElement.append(this.host);
    this.render();
    if (this.open) this.options.onOpen();
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Whether the launcher (and panel) are on the page: false before `mount`, after `unmount`, or if the page removed them. */
  get isMounted(): boolean {
    return this.host.isConnected;
  }

  unmount(): void {
    this.host.remove();
  }

  toggle(): void {
    this.setOpen(!this.open, true);
  }

  setOpen(open: boolean, focus = false): void {
    this.open = open;
    sendToBackground('panel/layout', { open });
    this.render();
    if (focus) (open ? this.panel?.iframe : this.launcher)?.focus();
    if (open) this.options.onOpen();
  }

  private render(): void {
    this.launcher.hidden = this.open;
    if (!this.open && !this.panel) return;
    const panel = (this.panel ??= this.buildPanel());
    panel.box.hidden = !this.open;
    panel.box.style.width = `${this.width}px`;
    panel.handle.setAttribute('aria-valuenow', String(this.width));
  }

  private buildPanel(): OpenPanel {
    const box = document.createElement('div');
    box.className = 'panel';
    const handle = document.createElement('div');
    handle.className = 'handle';
    handle.tabIndex = 0;
    handle.setAttribute('role', 'separator');
    handle.setAttribute('aria-orientation', 'vertical');
    handle.setAttribute('aria-label', 'Resize QA Lens panel');
    handle.setAttribute('aria-valuemin', String(PANEL_WIDTH.min));
    handle.setAttribute('aria-valuemax', String(PANEL_WIDTH.max));
    handle.addEventListener('keydown', (event) => this.onHandleKey(event));
    const iframe = document.createElement('iframe');
    handle.addEventListener('pointerdown', (event) => this.onHandleDrag(event, handle, iframe));
    iframe.title = 'QA Lens';
    iframe.src = `${browser.runtime.getURL('/panel.html')}#${this.options.frameToken}`;
    box.append(handle, iframe);
    this.root.append(box);
    return { box, handle, iframe };
  }

  private resize(width: number, persist: boolean): void {
    this.width = clampWidth(width);
    this.render();
    if (persist) sendToBackground('panel/layout', { width: this.width });
  }

  private onHandleKey(event: KeyboardEvent): void {
    const delta = event.key === 'ArrowLeft' ? PANEL_WIDTH.step : event.key === 'ArrowRight' ? -PANEL_WIDTH.step : 0;
    if (!delta) return;
    event.preventDefault();
    this.resize(this.width + delta, true);
  }

  private onHandleDrag(start: PointerEvent, handle: HTMLElement, iframe: HTMLIFrameElement): void {
    start.preventDefault();
    handle.setPointerCapture(start.pointerId);
    // The iframe would swallow pointer events while the pointer crosses it.
    iframe.style.pointerEvents = 'none';
    const startWidth = this.width;
    const move = (event: PointerEvent) => this.resize(startWidth + (start.clientX - event.clientX), false);
    const end = () => {
      handle.removeEventListener('pointermove', move);
      iframe.style.pointerEvents = '';
      this.resize(this.width, true);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end, { once: true });
    handle.addEventListener('pointercancel', end, { once: true });
  }
}
