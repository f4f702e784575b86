import type { ComponentChildren } from 'preact';

interface RecordPickerProps<T extends { id: string }> {
  /** What one record is called, for the select's label ("Plan", "Session"). */
  label: string;
  records: readonly T[];
  empty: string;
  openId: string | undefined;
  onOpen: (id: string) => void;
  optionText: (record: T) => string;
  /** The open record, rendered. */
  children: ComponentChildren;
}

/** A list page's records: a note when there are none, a select when there are several, then the open one. */
export function RecordPicker<T extends { id: string }>({ label, records, empty, openId, onOpen, optionText, children }: RecordPickerProps<T>) {
  if (records.length === 0) return <p class="muted">{empty}</p>;
  return (
    <>
      {records.length > 1 && (
        <label>
          {label}
          <select value={openId} onChange={(e) => onOpen(e.currentTarget.value)}>
            {records.map((r) => (
              <option key={r.id} value={r.id}>
                {optionText(r)}
              </option>
            ))}
          </select>
        </label>
      )}
      {children}
    </>
  );
}
