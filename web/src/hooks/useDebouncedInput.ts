import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue.ts';

/**
 * A text input whose value is committed (to the URL) shortly after the user stops typing.
 * When the committed value changes from outside (back button, "Wis filters"), the input follows.
 * `commit(value, first)`: first is true for the first commit of a typing burst, so the caller can push one
 * history entry per search and replace it while the user keeps typing.
 */
export function useDebouncedInput(committed: string, commit: (value: string, first: boolean) => void, delay = 300) {
  const [input, setInput] = useState(committed);
  const debounced = useDebouncedValue(input, delay);
  const lastDebounced = useRef(debounced);
  const ownCommit = useRef<string | null>(null);
  const burst = useRef(false);
  const commitRef = useRef(commit);
  const committedRef = useRef(committed);

  useEffect(() => {
    commitRef.current = commit;
  });

  // Follow changes that did not come from this input.
  useEffect(() => {
    committedRef.current = committed;
    if (committed === ownCommit.current) return;
    ownCommit.current = null;
    lastDebounced.current = committed;
    setInput(committed);
  }, [committed]);

  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    if (debounced === committedRef.current) return;
    ownCommit.current = debounced;
    commitRef.current(debounced, !burst.current);
    burst.current = true;
  }, [debounced]);

  return {
    value: input,
    setValue: setInput,
    /** Ends the typing burst: the next search gets its own history entry. */
    endBurst: () => {
      burst.current = false;
    },
  };
}
