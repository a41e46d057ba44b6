import { useEffect, useState } from 'react';

/**
 * Local state that follows an outside value (the URL). Controls update at once on input, even though the URL
 * update that follows is rendered in a transition: a checkbox never flips back for a moment.
 */
export function useMirroredState<T>(value: T): [T, (next: T) => void] {
  const [local, setLocal] = useState(value);
  useEffect(() => {
    setLocal(value);
  }, [value]);
  return [local, setLocal];
}
