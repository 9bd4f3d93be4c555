import type { ReactNode } from 'react';

/** A fieldset of repeatable entries (alignments, translations), each removable, with an add button. */
export function ListFieldset<T>({
  legend,
  items,
  onChange,
  blank,
  addLabel,
  removeLabel,
  renderItem,
}: {
  legend: string;
  items: T[];
  onChange(items: T[]): void;
  blank: T;
  addLabel: string;
  removeLabel(n: number): string;
  renderItem(item: T, n: number, update: (patch: Partial<T>) => void): ReactNode;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item, index) => (
        <div key={index} className="list-entry">
          {renderItem(item, index + 1, (patch) => onChange(items.map((other, at) => (at === index ? { ...other, ...patch } : other))))}
          <button type="button" className="secondary" onClick={() => onChange(items.filter((_, at) => at !== index))}>
            {removeLabel(index + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, blank])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
