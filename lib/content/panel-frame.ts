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

/**
 * The slim launcher at the right edge and the panel iframe beside the ticket, in a closed shadow
 * root so the helpdesk's styles and scripts cannot reach into it. The iframe is an extension page:
 * the page cannot read what it shows.
 */
export class PanelFrame {
  private readonly host = document.createElement('qa-lens-panel');
  private readonly launcher = document.createElement('button');
  private readonly panel = document.createElement('div');
  private readonly handle = document.createElement('div');
  private iframe: HTMLIFrameElement | null = null;
  private width: number = PANEL_WIDTH.default;
  private open = true;

  constructor() {
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.launcher.className = 'launcher';
    this.launcher.textContent = 'QA Lens';
    this.launcher.setAttribute('aria-label', 'Open QA Lens panel');
    this.launcher.addEventListener('click', () => this.setOpen(true, true));
    this.panel.className = 'panel';
    this.handle.className = 'handle';
    this.handle.tabIndex = 0;
    this.handle.setAttribute('role', 'separator');
    this.handle.setAttribute('aria-orientation', 'vertical');
    this.handle.setAttribute('aria-label', 'Resize QA Lens panel');
    this.handle.setAttribute('aria-valuemin', String(PANEL_WIDTH.min));
    this.handle.setAttribute('aria-valuemax', String(PANEL_WIDTH.max));
    this.handle.addEventListener('keydown', (event) => this.onHandleKey(event));
    this.handle.addEventListener('pointerdown', (event) => this.onHandleDrag(event));
    this.panel.append(this.handle);
    root.append(style, this.launcher, this.panel);
  }

  /** Shows the launcher and, if the user left it open, the panel, as `layout` remembers them. */
  mount(layout: PanelLayout): void {
    this.width = clampWidth(layout.width);
    this.open = layout.open;
    document.documentElement.append(this.host);
    this.render();
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
    if (focus) (open ? this.iframe : this.launcher)?.focus();
  }

  private render(): void {
    if (this.open && !this.iframe) {
      // Created on first open only, so a closed panel costs the page nothing.
      this.iframe = document.createElement('iframe');
      this.iframe.title = 'QA Lens';
      this.iframe.src = browser.runtime.getURL('/panel.html');
      this.panel.append(this.iframe);
    }
    this.launcher.hidden = this.open;
    this.panel.hidden = !this.open;
    this.panel.style.width = `${this.width}px`;
    this.handle.setAttribute('aria-valuenow', String(this.width));
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

  private onHandleDrag(start: PointerEvent): void {
    start.preventDefault();
    this.handle.setPointerCapture(start.pointerId);
    // The iframe would swallow pointer events while the pointer crosses it.
    if (this.iframe) this.iframe.style.pointerEvents = 'none';
    const startWidth = this.width;
    const move = (event: PointerEvent) => this.resize(startWidth + (start.clientX - event.clientX), false);
    const end = () => {
      this.handle.removeEventListener('pointermove', move);
      if (this.iframe) this.iframe.style.pointerEvents = '';
      this.resize(this.width, true);
    };
    this.handle.addEventListener('pointermove', move);
    this.handle.addEventListener('pointerup', end, { once: true });
    this.handle.addEventListener('pointercancel', end, { once: true });
  }
}
