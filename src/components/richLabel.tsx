import type { ReactNode } from 'react';

/** Renders a label such as "π*_τ as τ shrinks" with the "_τ" (or "_{t+1}") as a real subscript. */
export function richLabel(label: string): ReactNode {
  const parts = label.split(/_(\{[^}]*\}|\S)/);
  return parts.map((part, i) => (i % 2 === 1 ? <sub key={i}>{part.replace(/^\{|\}$/g, '')}</sub> : part));
}
