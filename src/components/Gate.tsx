/**
 * Wraps one named control for embeds: absent when the author hid it (`hide=`), shown read-only
 * when they locked it (`lock=`). Locking uses a disabled <fieldset>, which natively disables every
 * form control inside, so no control needs its own locked state.
 */
import type { ReactNode } from 'react';
import { type ControlName } from '../state/viewOptions.ts';
import { useControl } from '../explorer/context.tsx';

export function Gate({ name, children, className }: { name: ControlName; children: ReactNode; className?: string }) {
  const { hidden, locked } = useControl(name);
  if (hidden) return null;
  return (
    <fieldset
      className={`gate${className ? ` ${className}` : ''}`}
      disabled={locked}
      data-control={name}
      data-locked={locked || undefined}
    >
      {children}
    </fieldset>
  );
}
