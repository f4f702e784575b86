/** The extension's own pages, in the order a QA lead moves through them. */
export const PAGES = [
  { id: 'dashboard', label: 'Dashboard', href: '/dashboard.html' },
  { id: 'plans', label: 'Plans', href: '/plans.html' },
  { id: 'calibration', label: 'Calibration', href: '/calibration.html' },
  { id: 'reviews', label: 'My reviews', href: '/reviews.html' },
  { id: 'coaching', label: 'Coaching', href: '/coaching.html' },
  { id: 'options', label: 'Settings', href: '/options.html' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

/** Links between the extension pages; the current one is marked for screen readers too. */
export function PageNav({ current }: { current: PageId }) {
  return (
    <nav class="page-nav" aria-label="QA Lens pages">
      <span class="page-nav-brand">QA Lens</span>
      <ul>
        {PAGES.map((page) => (
          <li key={page.id}>
            <a href={page.href} aria-current={page.id === current ? 'page' : undefined}>
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
